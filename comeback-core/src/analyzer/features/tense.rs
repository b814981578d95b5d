//! Tense: whether a sentence tells the past, and the speaker's habits told in the present ("I now
//! check", "these days I ...").

use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::lexicon::{lexicon, List};
use crate::analyzer::text::Token;

/// Whether a sentence tells of the past: "was", "had", "did", "ago".
pub(crate) fn tells_past(toks: &[Token], then_too: bool) -> bool {
    let past = lexicon().list(List::Past);
    toks.iter()
        .any(|t| past.has(&t.norm) || (then_too && t.norm == "then"))
}

/// The token index of "I" followed by a present-tense verb ("I work", "I always check"); verbs
/// like "put" count as present when `same_past` is allowed.
pub(crate) fn speaker_present(toks: &[Token], same_past: bool) -> Option<usize> {
    let lex = lexicon();
    toks.iter().enumerate().position(|(i, t)| {
        t.norm == "i"
            && toks[i + 1..]
                .iter()
                .find(|n| !lex.has(List::BetweenIAndVerb, &n.norm))
                .is_some_and(|v| {
                    let w = v.norm.as_str();
                    !w.ends_with("ed")
                        && !w.ends_with("n't")
                        && (!lex.has(List::NotPresent, w)
                            || (same_past && lex.has(List::SamePast, w)))
                        && w.chars().all(|c| c.is_alphabetic() || c == '-')
                })
    })
}

/// Whether a sentence tells something the speaker does as a habit: "I" with a present-tense verb
/// ("I work from the bookings sheet", "the first thing I do is ..."), in a sentence that is not
/// about the past.
pub(crate) fn habitual(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    !tells_past(toks, true) && speaker_present(toks, false).is_some()
}

/// Where a sentence tells the speaker's present habit that is new since the failure: "I" with a
/// present-tense verb and a marker that it is new ("now", "these days", "since then", "no
/// longer"), in a sentence that does not tell the past ("Now I had four hours" is the story).
pub(crate) fn new_habit(doc: &Doc, s: &Sent) -> Option<usize> {
    let toks = doc.toks(s);
    if tells_past(toks, false) {
        return None;
    }
    let since = lexicon().list(List::SinceMarker);
    let marker = toks.iter().enumerate().position(|(k, t)| {
        since.has(&t.norm)
            || toks
                .get(k + 1)
                .is_some_and(|n| since.has_pair(&t.norm, &n.norm))
    })?;
    speaker_present(toks, true).map(|i| i.min(marker))
}

/// Whether a sentence tells the speaker's habit since the failure anywhere in it, even beside the
/// past it turns from ("When I rushed, I made mistakes, so now I block an hour for it").
pub(crate) fn tells_new_habit(toks: &[Token]) -> bool {
    let since = lexicon().list(List::SinceMarkerLoose);
    let marker = toks.iter().enumerate().any(|(k, t)| {
        since.has(&t.norm)
            || toks
                .get(k + 1)
                .is_some_and(|n| since.has_pair(&t.norm, &n.norm))
    });
    marker && speaker_present(toks, true).is_some()
}
