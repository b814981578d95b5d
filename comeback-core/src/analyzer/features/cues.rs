//! Cues beyond the phrase lists: how strongly a cue places a sentence in a part, a STAR heading
//! ("Result: ..."), and work done again ("re-marked", "relaunched").

use crate::analyzer::doc::{CueHit, Doc, Sent};
use crate::analyzer::lexicon::{cue_words, lexicon, sections, Cat, WordSet};
use crate::analyzer::text::Token;

/// Long-term cues too common to place a sentence on their own ("cut", "tests", "improved").
const WEAK_LONG_TERM: &[&str] = &[
    "cut",
    "reduced",
    "halved",
    "dropped",
    "fell",
    "rose",
    "grew",
    "improved",
    "tests",
    "training",
    "trained",
    "schedule",
    "backup",
    "backups",
    "tool",
    "audit",
    "audits",
    "alert",
    "alerts",
    "since",
    "standard",
    "standards",
    "process",
    "processes",
    "a",
    "new",
    "became",
    "redesigned",
    "rebuilt",
    "rewrote",
    "rota",
    "buffer",
    "dashboard",
    "monitoring",
    "automatic",
    "across",
    "tooling",
    "framework",
    "pipeline",
    "template",
    "templates",
    "routine",
    "weekly",
    "monthly",
];

/// Immediate-win cues too common to place a sentence on their own ("rather than", "paid", "in time").
const WEAK_IMMEDIATE: &[&str] = &[
    "none of the",
    "went fine",
    "still ran",
    "rather than",
    "instead of",
    "reached",
    "back to",
    "down to",
    "managed to",
    "was able to",
    "were able to",
    "by the end of",
    "in time",
    "on the day",
    "went ahead",
    "paid",
    "served",
    "went out",
    "confirmed",
    "arrived",
    "covered",
    "covering",
    "signed",
    "caught",
    "avoided",
    "made it",
    "settled",
    "collected",
    "won",
    "kept their",
    "kept our",
    "kept the",
    "cleared",
    "protected",
    "limited",
    "saved",
    "delivered",
    "retained",
    "renewed",
    "made up",
    "got through",
    "approved",
    "housed",
    "replacement",
    "replacements",
];

/// Whether a sentence has an immediate-win cue specific enough to place it on its own.
pub(crate) fn strong_immediate(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    s.hits_of(Cat::Immediate).any(|h| {
        let words: Vec<&str> = toks[h.start..h.end]
            .iter()
            .map(|t| t.norm.as_str())
            .collect();
        !WEAK_IMMEDIATE.contains(&words.join(" ").as_str())
    })
}

/// The first long-term cue specific enough to place a sentence on its own.
pub(crate) fn strong_long_term_hit<'s>(doc: &Doc, s: &'s Sent) -> Option<&'s CueHit> {
    let toks = doc.toks(s);
    s.hits_of(Cat::LongTerm).find(|h| {
        toks.get(h.start)
            .is_some_and(|t| h.end - h.start > 1 || !WEAK_LONG_TERM.contains(&t.norm.as_str()))
    })
}

pub(crate) fn strong_long_term(doc: &Doc, s: &Sent) -> bool {
    strong_long_term_hit(doc, s).is_some()
}

/// Lesson cues that tell a lesson only once the recovery has been told ("I realised twenty minutes
/// later" is part of the story; "Looking back, ..." before any recovery is a preamble).
const WEAK_LESSON: &[&str] = &["realised", "realized", "hindsight", "looking"];

/// Whether every lesson cue in the sentence is a weak one.
pub(crate) fn only_weak_lesson(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    s.hits_of(Cat::Lesson).all(|h| {
        toks[h.start..h.end]
            .iter()
            .any(|t| WEAK_LESSON.contains(&t.norm.as_str()))
    })
}

const HEADINGS: &str = include_str!("../../../data/headings.txt");

/// The cue given by a heading that opens a sentence ("Learning: ...", "Result: ..."): a word of
/// `data/headings.txt` followed by a colon.
pub(crate) fn heading(text: &str, toks: &[Token]) -> Option<Cat> {
    let first = toks.first()?;
    if !text.get(first.end..)?.trim_start().starts_with(':') {
        return None;
    }
    static MAP: std::sync::OnceLock<Vec<(&'static str, Cat)>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        sections(HEADINGS)
            .into_iter()
            .filter_map(|(section, word)| Cat::from_section(section).map(|c| (word, c)))
            .collect()
    })
    .iter()
    .find(|(w, _)| *w == first.norm)
    .map(|(_, c)| *c)
}

/// Whether a word tells work done again: "re-" and a verb in the past ("re-marked", "re-did"), or
/// "re" and an action verb in "-ed" ("relaunched", "redesigned"; not "reported", "received",
/// "reached", whose rest is no action).
/// Irregular pasts after "re-" and words that only say something again come from
/// `data/cues.txt` (`[redo_past]`, `[redo_not]`).
pub(crate) fn redo_word(w: &str) -> bool {
    static PAST: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    static NOT: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    if !w.starts_with("re") {
        return false;
    }
    if let Some(rest) = w.strip_prefix("re-") {
        return rest.len() >= 3
            && (rest.ends_with("ed") || cue_words(&PAST, "redo_past").contains(rest))
            && !cue_words(&NOT, "redo_not").contains(rest);
    }
    let rest = &w[2..];
    if rest.len() < 5
        || !rest.ends_with("ed")
        || rest.starts_with('-')
        || cue_words(&NOT, "redo_not").contains(rest)
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
    lexicon()
        .find(std::slice::from_ref(&tok))
        .iter()
        .any(|h| h.tag == Cat::Action)
}
