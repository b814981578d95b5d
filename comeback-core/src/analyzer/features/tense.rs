//! Tense: whether a sentence tells the past, and the speaker's habits told in the present ("I now
//! check", "these days I ...").

use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::text::Token;

/// Past-tense verbs that do not end in "-ed", and modals of what did not happen.
const NOT_PRESENT: &[&str] = &[
    "was", "had", "did", "went", "got", "made", "took", "told", "rang", "sent", "wrote", "ran",
    "found", "put", "set", "kept", "led", "met", "saw", "gave", "brought", "caught", "felt",
    "knew", "thought", "spoke", "left", "built", "sold", "paid", "said", "came", "became", "began",
    "stood", "sat", "held", "heard", "lost", "meant", "spent", "won", "would", "could", "should",
    "might", "wish", "hope", "think", "guess", "suppose", "felt", "realised", "realized",
    "learned", "learnt", "thought", "am", "i'd", "i'm",
];

/// Adverbs that may stand between "I" and its verb ("I always check").
const BETWEEN: &[&str] = &[
    "always",
    "now",
    "still",
    "never",
    "also",
    "usually",
    "just",
    "often",
    "routinely",
    "first",
];

/// Verbs whose past is spelt like their present ("put", "set"): present only with a marker of habit.
const SAME_PAST: &[&str] = &[
    "put", "set", "read", "cut", "let", "hit", "shut", "spread", "quit",
];

/// Whether a sentence tells of the past: "was", "had", "did", "ago".
pub(crate) fn tells_past(toks: &[Token], then_too: bool) -> bool {
    toks.iter().any(|t| {
        matches!(
            t.norm.as_str(),
            "was" | "were" | "had" | "did" | "yesterday" | "ago"
        ) || (then_too && t.norm == "then")
    })
}

/// The token index of "I" followed by a present-tense verb ("I work", "I always check"); verbs
/// like "put" count as present when `same_past` is allowed.
pub(crate) fn speaker_present(toks: &[Token], same_past: bool) -> Option<usize> {
    toks.iter().enumerate().position(|(i, t)| {
        t.norm == "i"
            && toks[i + 1..]
                .iter()
                .find(|n| !BETWEEN.contains(&n.norm.as_str()))
                .is_some_and(|v| {
                    let w = v.norm.as_str();
                    !w.ends_with("ed")
                        && !w.ends_with("n't")
                        && (!NOT_PRESENT.contains(&w) || (same_past && SAME_PAST.contains(&w)))
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

/// Single words that mark a habit as new since the failure.
const SINCE_WORDS: &[&str] = &["now", "nowadays", "anymore", "whenever"];

/// Pairs of words that do the same ("these days", "no longer", "every time").
const SINCE_PAIRS: &[(&str, &str)] = &[
    ("these", "days"),
    ("since", "then"),
    ("ever", "since"),
    ("no", "longer"),
    ("any", "more"),
    ("from", "then"),
    ("every", "time"),
    ("each", "time"),
    ("going", "forward"),
    ("from", "now"),
];

/// Where a sentence tells the speaker's present habit that is new since the failure: "I" with a
/// present-tense verb and a marker that it is new ("now", "these days", "since then", "no
/// longer"), in a sentence that does not tell the past ("Now I had four hours" is the story).
pub(crate) fn new_habit(doc: &Doc, s: &Sent) -> Option<usize> {
    let toks = doc.toks(s);
    if tells_past(toks, false) {
        return None;
    }
    let marker = toks.iter().enumerate().position(|(k, t)| {
        SINCE_WORDS.contains(&t.norm.as_str())
            || toks
                .get(k + 1)
                .is_some_and(|n| SINCE_PAIRS.contains(&(t.norm.as_str(), n.norm.as_str())))
    })?;
    speaker_present(toks, true).map(|i| i.min(marker))
}

/// Whether a sentence tells the speaker's habit since the failure anywhere in it, even beside the
/// past it turns from ("When I rushed, I made mistakes, so now I block an hour for it").
pub(crate) fn tells_new_habit(toks: &[Token]) -> bool {
    let marker = toks.iter().enumerate().any(|(k, t)| {
        SINCE_WORDS.contains(&t.norm.as_str())
            || toks.get(k + 1).is_some_and(|n| {
                let pair = (t.norm.as_str(), n.norm.as_str());
                SINCE_PAIRS.contains(&pair) || pair == ("since", "that")
            })
    });
    marker && speaker_present(toks, true).is_some()
}
