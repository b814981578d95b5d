//! Prose checks: hedges, fillers, weasel words, agentless passives ("mistakes were made") and
//! sentences too long to say in one breath.

use super::doc::{Doc, Sent};
use super::lexicon::{lexicon, Cat, List};
use super::report::Finding;
use crate::analyzer::rules::{
    PROSE_FILLER, PROSE_HEDGE, PROSE_LONG_SENTENCE, PROSE_PASSIVE, PROSE_WEASEL,
};

/// Above this many words a spoken sentence loses the listener.
pub(crate) const LONG_SENTENCE_WORDS: usize = 30;

/// At most this many prose findings, so a long text stays readable.
const MAX_FINDINGS: usize = 60;

fn passive(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    let toks = doc.toks(s);
    let lex = lexicon();
    let aux = lex.list(List::PassiveAux);
    let slip_noun = |w: &str| lex.has(List::SlipNoun, w);
    for k in 1..toks.len() {
        if !lex.has(List::PassiveParticiple, &toks[k].norm) {
            continue;
        }
        let be = toks[k - 1].norm.as_str();
        let (be_at, be_ok) = if aux.has(be) {
            (k - 1, true)
        } else if k >= 2 && aux.has(&toks[k - 2].norm) && toks[k - 1].norm.ends_with("ly") {
            (k - 2, true)
        } else {
            (k, false)
        };
        if !be_ok || be_at == 0 {
            continue;
        }
        let from = be_at.saturating_sub(3);
        let slip_subject = toks[from..be_at].iter().any(|t| slip_noun(&t.norm));
        let speaker_subject = toks[from..be_at]
            .iter()
            .any(|t| lex.has(List::PassiveAgent, &t.norm));
        let by_agent = toks[k + 1..toks.len().min(k + 5)]
            .iter()
            .any(|t| t.norm == "by");
        if slip_subject && !speaker_subject && !by_agent {
            let start = toks[from..be_at]
                .iter()
                .position(|t| slip_noun(&t.norm))
                .map_or(be_at, |p| from + p);
            return Some((start, k + 1));
        }
    }
    None
}

/// All prose findings, in text order, capped.
pub(crate) fn findings(doc: &Doc) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in &doc.sents {
        if out.len() >= MAX_FINDINGS {
            break;
        }
        let mut last_end = 0;
        for h in &s.hits {
            let (rule, msg) = match h.cat {
                Cat::Hedge => (
                    PROSE_HEDGE,
                    "A hedge makes you sound unsure. Say it plainly.",
                ),
                Cat::Filler => (PROSE_FILLER, "A filler word: cut it."),
                Cat::Weasel => (
                    PROSE_WEASEL,
                    "A vague word: replace it with a precise one, or cut it.",
                ),
                _ => continue,
            };
            if h.start < last_end {
                continue;
            }
            last_end = h.end;
            out.push(doc.finding(rule, msg, s, h.start, h.end));
        }
        if let Some((a, b)) = passive(doc, s) {
            out.push(doc.finding(
                PROSE_PASSIVE,
                "Say who did it. \"I missed the deadline\" shows ownership; \"the deadline was missed\" hides it.",
                s,
                a,
                b,
            ));
        }
        let words = s.tokens.len();
        if !s.forced && words > LONG_SENTENCE_WORDS {
            out.push(doc.finding_sentence(
                PROSE_LONG_SENTENCE,
                format!("This sentence has {words} words. Split it: spoken sentences work best under {LONG_SENTENCE_WORDS}."),
                s,
            ));
        }
    }
    out.truncate(MAX_FINDINGS);
    out
}

#[cfg(test)]
mod tests {
    use crate::analyzer::analyze_answer;

    fn rules(text: &str) -> Vec<String> {
        analyze_answer(text, None)
            .prose
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn passives_hedges_fillers_long() {
        assert!(
            rules("Mistakes were made during the handover.").contains(&"prose-passive".to_string())
        );
        assert!(!rules("The servers were made by a vendor.").contains(&"prose-passive".to_string()));
        assert!(rules("I think it was basically my call.").contains(&"prose-hedge".to_string()));
        assert!(rules("I think it was basically my call.").contains(&"prose-filler".to_string()));
        let long = "word ".repeat(35) + "end.";
        assert!(rules(&long).contains(&"prose-long-sentence".to_string()));
    }
}
