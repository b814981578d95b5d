//! Blame shifting: whether a blame phrase puts the failure on others or owns it.

use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::features::subject::third_party;
use crate::analyzer::lexicon::{lexicon, List};
use crate::analyzer::text::Token;

/// Whether a blame phrase is really about accepting blame ("I took the blame", "they blamed me").
pub(super) fn blame_accepted(doc: &Doc, s: &Sent, start: usize, end: usize) -> bool {
    let toks = doc.toks(s);
    let before = start
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .map(|t| t.norm.as_str());
    let before2 = start
        .checked_sub(2)
        .and_then(|i| toks.get(i))
        .map(|t| t.norm.as_str());
    let after = toks.get(end).map(|t| t.norm.as_str());
    let lex = lexicon();
    let taking = lex.list(List::TakingBlame);
    before.is_some_and(|b| taking.has(b)) && before2.is_some_and(|b| taking.has(b) || b == "i")
        || after.is_some_and(|a| lex.has(List::BlameAfter, a))
        || before.is_some_and(|b| lex.has(List::TookBlame, b))
}

/// Whether a self-critical blame phrase ("dropped the ball", "should have caught it") has the
/// speaker, or "we", as its subject: then it owns the failure instead of shifting it.
pub(super) fn owned_by_speaker(toks: &[Token], start: usize, end: usize) -> bool {
    let phrase = toks.get(start..end).unwrap_or(&[]);
    let lex = lexicon();
    let self_critical = phrase
        .first()
        .is_some_and(|t| lex.has(List::SelfCritical, &t.norm))
        && !phrase
            .iter()
            .any(|t| lex.has(List::NotSelfCritical, &t.norm));
    self_critical && blame_subject(toks, start) == Some(true)
}

/// Whether a blame phrase is denied of anyone at all: "nobody on my team dropped the ball", "no
/// one let us down", "none of them failed to ...": clearing people is not blaming them.
pub(super) fn nobody_to_blame(toks: &[Token], start: usize) -> bool {
    let from = start.saturating_sub(6);
    for i in (from..start.min(toks.len())).rev() {
        let w = toks[i].norm.as_str();
        if lexicon().has(List::Nobody, w)
            || (w == "no" && toks.get(i + 1).is_some_and(|n| n.norm == "one"))
        {
            return true;
        }
        if crate::analyzer::features::subject::clause_break(toks, i) {
            return false;
        }
    }
    false
}

/// The subject nearest before a blame phrase: `Some(true)` for "I" or "we", `Some(false)` for
/// someone else, `None` when none is named.
pub(super) fn blame_subject(toks: &[Token], start: usize) -> Option<bool> {
    if third_party(toks, start) {
        return Some(false);
    }
    let lex = lexicon();
    toks[..start.min(toks.len())]
        .iter()
        .rev()
        .take(8)
        .find_map(|p| {
            if lex.has(List::BlameOwner, &p.norm) {
                Some(true)
            } else if lex.has(List::BlameOther, &p.norm) {
                Some(false)
            } else {
                None
            }
        })
}

/// Whether a blame phrase is what the speaker found out when tracing the cause ("I confirmed it
/// was their fault and not our file", "we established it was the carrier's error"): a finding
/// about an outside cause, told as a step of the work, not the failure put on others. The verb of
/// finding is the speaker's and stands at most four words before the phrase.
pub(super) fn established_cause(toks: &[Token], start: usize) -> bool {
    let lex = lexicon();
    let from = start.saturating_sub(4);
    (from..start.min(toks.len())).any(|i| {
        lex.has(List::Established, &toks[i].norm)
            && (crate::analyzer::features::subject::speaker_subject(toks, i) == Some(true)
                || toks[i.saturating_sub(2)..i]
                    .iter()
                    .any(|t| lex.has(List::WeSubject, &t.norm)))
    })
}
