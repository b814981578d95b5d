//! Interpersonal conflict: a clash with a person, not with a plan or a calendar, and not settled
//! in the same breath.

use crate::analyzer::lexicon::{lexicon, List};
use crate::analyzer::text::Token;

/// Whether a conflict phrase is about a clash with a person, not settled in the same sentence.
pub(super) fn personal_conflict(toks: &[Token], start: usize, end: usize) -> bool {
    let lex = lexicon();
    if toks
        .get(start..end)
        .is_some_and(|p| p.iter().any(|t| t.norm == "step" || t.norm == "intervene"))
    {
        // "Our manager had to step in": someone in charge broke up a clash; "I had to step in and
        // cover" is not one.
        return toks[start.saturating_sub(3)..start]
            .iter()
            .any(|t| lex.has(List::InCharge, &t.norm));
    }
    let phrase = toks.get(start..end).unwrap_or(&[]);
    if !phrase.iter().any(|t| lex.has(List::PersonNeeded, &t.norm)) {
        return true;
    }
    if toks.iter().any(|t| lex.has(List::Resolved, &t.norm)) {
        return false;
    }
    if phrase.iter().any(|t| t.norm == "bluntly") {
        return toks.iter().any(|t| lex.has(List::BluntlyTo, &t.norm));
    }
    // "clashed with one of our most experienced advisers": the person may come a few words on.
    toks.get(end..(end + 8).min(toks.len()))
        .is_some_and(|w| w.iter().any(|t| lex.has(List::Person, &t.norm)))
}
