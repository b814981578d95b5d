//! Key 2: numbers. A figure anywhere in the story that measures this failure's scale, impact or
//! recovery counts; figures about the speaker's experience or later job do not.

use super::doc::{key_verdict, missing, Doc, Sent};
use super::lexicon::{lexicon, Cat, List};
use super::report::{AnswerPart, KeyVerdict};
use crate::analyzer::rules::{NUMBERS_FIGURE, NUMBERS_MISSING, NUMBERS_VAGUE, VAGUE_OUTCOME};
use crate::Key;

/// Parts whose figures describe this failure (the lesson and the change describe the speaker now).
const FAILURE_PARTS: &[AnswerPart] = &[
    AnswerPart::Context,
    AnswerPart::Failure,
    AnswerPart::Recovery,
    AnswerPart::Immediate,
    AnswerPart::LongTerm,
    AnswerPart::Other,
];

/// Whether a sentence's figures are about this failure.
pub(crate) fn counts(s: &Sent) -> bool {
    FAILURE_PARTS.contains(&s.part) && !s.has(Cat::Experience)
}

/// Whether a figure measures the failure's scale, impact or recovery. Money and shares always
/// do; a duration does unless it is years of experience or time ago ("twelve years", "five years
/// ago"); a count does when it is large or counts what the failure touched ("3 patients"), not an
/// ordinal ("5th grade") or a small count of anything else ("two colleagues").
fn measures(doc: &Doc, s: &Sent, f: &super::doc::Figure) -> bool {
    use super::doc::FigureKind;
    let toks = doc.toks(s);
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    match f.kind {
        FigureKind::Money | FigureKind::Percent | FigureKind::Share => true,
        FigureKind::Duration => {
            let span = &toks[f.start..f.end.min(toks.len())];
            let years = span
                .iter()
                .any(|t| matches!(t.norm.as_str(), "year" | "years" | "decade" | "decades"));
            !years && !matches!(w(f.end), "ago" | "old")
        }
        FigureKind::Count => {
            let first = w(f.start);
            let ordinal = ["st", "nd", "rd", "th"].iter().any(|x| {
                first.ends_with(x) && first.chars().next().is_some_and(|c| c.is_ascii_digit())
            });
            if ordinal {
                return false;
            }
            let value = count_value(first);
            value.is_none_or(|v| v >= 10)
                || (f.end..(f.end + 3).min(toks.len()))
                    .any(|i| lexicon().has(List::ImpactNoun, w(i)))
        }
    }
}

/// The value of a small count written as digits or a word ("3", "three", "a dozen").
fn count_value(w: &str) -> Option<u64> {
    const WORDS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    ];
    if let Some(i) = WORDS.iter().position(|x| *x == w) {
        return Some(i as u64);
    }
    let digits: String = w.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() != w.chars().filter(|c| c.is_alphanumeric()).count() {
        return None;
    }
    digits.parse().ok()
}

/// The verdict on key 2.
pub(crate) fn verdict(doc: &Doc) -> KeyVerdict {
    let key = Key::Numbers;
    let mut findings = Vec::new();
    let mut found = 0;
    for s in doc.sents.iter().filter(|s| counts(s)) {
        for f in s.figures.iter().filter(|f| measures(doc, s, f)) {
            found += 1;
            if found <= 3 {
                findings.push(doc.with_figure_sign(
                    s,
                    doc.finding(
                        NUMBERS_FIGURE,
                        "A figure that shows the scale of what happened.",
                        s,
                        f.start,
                        f.end,
                    ),
                ));
            }
        }
    }
    let met = found > 0;
    let has_context = doc.sents.iter().any(|s| s.part == AnswerPart::Context);
    // Vague amounts where a figure would do, in the scene and the failure.
    let mut vague = 0;
    for s in doc.in_parts(&[AnswerPart::Context, AnswerPart::Failure]) {
        for h in s.hits_of(Cat::VagueQuantity) {
            vague += 1;
            if vague > 5 {
                break;
            }
            findings.push(doc.finding(
                NUMBERS_VAGUE.gentle_if(met),
                "Put a number on it: how many people, how much money, what share, how long?",
                s,
                h.start,
                h.end,
            ));
        }
    }
    let mut outcome = 0;
    for s in doc
        .sents
        .iter()
        .filter(|s| s.part != AnswerPart::Lesson && s.part != AnswerPart::Change)
    {
        if s.figures.is_empty() {
            if let Some(h) = s.hits_of(Cat::VagueOutcome).next() {
                outcome += 1;
                if outcome > 3 {
                    break;
                }
                findings.push(doc.finding(
                    VAGUE_OUTCOME.gentle_if(met),
                    "Say what failing meant in figures: the target missed, the people affected, the cost, the delay.",
                    s,
                    h.start,
                    h.end,
                ));
            }
        }
    }
    let status = if met {
        format!(
            "Met: {found} figure{} about this failure.",
            if found == 1 { "" } else { "s" }
        )
    } else if doc.draft && !has_context {
        findings.push(missing(
            NUMBERS_MISSING.gentle_if(true),
            "Add the context: your role, the team, and a figure for the scale (people, money, share, time).",
        ));
        "Add the context, anchored by a figure.".to_string()
    } else {
        findings.push(missing(
            NUMBERS_MISSING,
            "Add at least one exact figure about this failure: users or patients affected, money at risk, a percentage, how long it lasted.",
        ));
        "Missing: no figure about this failure.".to_string()
    };
    key_verdict(key, met, status, findings)
}

#[cfg(test)]
mod tests {
    use crate::analyzer::analyze_answer;
    use crate::Key;

    #[test]
    fn project_failed_without_figures() {
        let r = analyze_answer("The project failed. It was a hard time for everyone.", None);
        let k = r.key(Key::Numbers);
        assert!(!k.met);
        assert!(k
            .findings
            .iter()
            .any(|f| f.rule == "vague-outcome" && f.quote == "The project failed"));
    }

    #[test]
    fn experience_figures_do_not_count() {
        let r = analyze_answer(
            "I have 10 years of experience as a nurse. A shift went badly.",
            None,
        );
        assert!(!r.key(Key::Numbers).met);
        let r = analyze_answer("Our checkout was down for 40 minutes on a Friday.", None);
        assert!(r.key(Key::Numbers).met);
    }

    #[test]
    fn a_career_length_told_with_the_present_perfect_does_not_count() {
        for text in [
            "I've been in logistics for nine years and I've rarely had a bad week. I suppose I overthink things.",
            "In thirty years I've never missed a service, and my four kitchens know it. I'm just too demanding.",
        ] {
            let r = analyze_answer(text, None);
            assert!(!r.key(Key::Numbers).met, "{text}");
        }
        // A figure about the failure in the same answer still counts.
        let r = analyze_answer(
            "I've been in logistics for nine years. Last March a pallet of 300 vaccines sat in a warm bay for six hours.",
            None,
        );
        assert!(r.key(Key::Numbers).met);
    }
}
