//! Cues beyond the phrase lists: how strongly a cue places a sentence in a part, a STAR heading
//! ("Result: ..."), and work done again ("re-marked", "relaunched").

use crate::analyzer::doc::{CueHit, Doc, Sent};
use crate::analyzer::lexicon::{lexicon, Cat, List};
use crate::analyzer::text::Token;

/// Whether a sentence has an immediate-win cue specific enough to place it on its own.
pub(crate) fn strong_immediate(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    s.hits_of(Cat::Immediate).any(|h| {
        let words: Vec<&str> = toks[h.start..h.end]
            .iter()
            .map(|t| t.norm.as_str())
            .collect();
        !lexicon().has(List::WeakImmediate, &words.join(" "))
    })
}

/// The first long-term cue specific enough to place a sentence on its own.
pub(crate) fn strong_long_term_hit<'s>(doc: &Doc, s: &'s Sent) -> Option<&'s CueHit> {
    let toks = doc.toks(s);
    s.hits_of(Cat::LongTerm).find(|h| {
        toks.get(h.start)
            .is_some_and(|t| h.end - h.start > 1 || !lexicon().has(List::WeakLongTerm, &t.norm))
    })
}

pub(crate) fn strong_long_term(doc: &Doc, s: &Sent) -> bool {
    strong_long_term_hit(doc, s).is_some()
}

/// Whether every lesson cue in the sentence is a weak one.
pub(crate) fn only_weak_lesson(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    s.hits_of(Cat::Lesson).all(|h| {
        toks[h.start..h.end]
            .iter()
            .any(|t| lexicon().has(List::WeakLesson, &t.norm))
    })
}

/// The cue given by a heading that opens a sentence ("Learning: ...", "Result: ..."): a word of
/// `data/headings.txt` followed by a colon.
pub(crate) fn heading(text: &str, toks: &[Token]) -> Option<Cat> {
    let first = toks.first()?;
    if !text.get(first.end..)?.trim_start().starts_with(':') {
        return None;
    }
    lexicon().heading(&first.norm)
}

/// Whether a word tells work done again: "re-" and a verb in the past ("re-marked", "re-did"), or
/// "re" and an action verb in "-ed" ("relaunched", "redesigned"; not "reported", "received",
/// "reached", whose rest is no action).
/// Irregular pasts after "re-" and words that only say something again come from
/// `data/cues.txt` (`[redo_past]`, `[redo_not]`).
pub(crate) fn redo_word(w: &str) -> bool {
    let lex = lexicon();
    if !w.starts_with("re") {
        return false;
    }
    if let Some(rest) = w.strip_prefix("re-") {
        return rest.len() >= 3
            && (rest.ends_with("ed") || lex.has(List::RedoPast, rest))
            && !lex.has(List::RedoNot, rest);
    }
    let rest = &w[2..];
    if rest.len() < 5
        || !rest.ends_with("ed")
        || rest.starts_with('-')
        || lex.has(List::RedoNot, rest)
    {
        return false;
    }
    let tok = Token {
        start: 0,
        end: rest.len(),
        norm: rest.to_string(),
        cap: false,
        numeric: false,
    };
    lex.find(std::slice::from_ref(&tok))
        .iter()
        .any(|h| h.tag == Cat::Action)
}
