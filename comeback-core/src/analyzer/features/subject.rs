//! Who did it: the subject of a risky phrase or a slip, found from the words before it (the
//! speaker, someone else, or nobody named), and where a new clause starts.

use crate::analyzer::lexicon::{grammar_set, Gram, WordSet};
use crate::analyzer::text::Token;
use std::sync::OnceLock;

/// Words that never name a subject: determiners, prepositions, conjunctions, pronouns,
/// auxiliaries, common adverbs and nouns of time (from `data/grammar.txt`), and these.
const NOT_SUBJECT_EXTRA: &[&str] = &[
    "not", "never", "there", "here", "that's", "it's", "like", "panic",
];

fn not_subject() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    grammar_set(
        &SET,
        &[
            Gram::CLOSED,
            &[
                Gram::Adverb,
                Gram::Quantifier,
                Gram::Particle,
                Gram::TimeNoun,
            ],
        ],
        NOT_SUBJECT_EXTRA,
    )
}

/// Auxiliaries and linking verbs: a noun right before one is the subject of its clause
/// ("the label was wrong", "half my class had failed", "the printer kept jamming").
const AUX: &[&str] = &[
    "was", "were", "had", "has", "is", "are", "kept", "started", "began", "would", "could", "did",
    "got", "went", "seemed", "turned",
];

/// Verbs of finding: what follows is what the speaker found, not what they did
/// ("I noticed the pump was showing errors", "I caught a wrong dose on a colleague's chart").
const DETECT: &[&str] = &[
    "noticed",
    "spotted",
    "caught",
    "found",
    "saw",
    "discovered",
    "flagged",
    "reported",
    "queried",
    "questioned",
    "quarantined",
    "noticing",
    "spotting",
    "catching",
    "finding",
    "corrected",
    "intercepted",
    "double-checked",
    "picked",
];

/// Whether a token can be the noun that heads a subject ("vendor", "nurse", "Priya").
pub(crate) fn noun_like(t: &Token) -> bool {
    !t.numeric && !t.norm.ends_with("ly") && !not_subject().contains(t.norm.as_str())
}

/// Whether the word before token `k` (past adverbs and auxiliaries) is someone else: a noun
/// ("a vendor misled us", "an agency nurse had backdated") or a third-person pronoun.
pub(crate) fn third_party(toks: &[Token], k: usize) -> bool {
    // Only a phrase that opens with a verb ("misled", "decided") takes the word before as its
    // subject; "as if", "a lie", "on their own" do not.
    if toks.get(k).is_none_or(|t| !noun_like(t)) {
        return false;
    }
    let mut i = k.min(toks.len());
    let mut steps = 0;
    while i > 0 && steps < 4 {
        i -= 1;
        steps += 1;
        let w = toks[i].norm.as_str();
        if w.ends_with("ly")
            || matches!(
                w,
                "had"
                    | "has"
                    | "have"
                    | "then"
                    | "also"
                    | "just"
                    | "later"
                    | "been"
                    | "once"
                    | "already"
                    | "still"
                    | "even"
            )
        {
            continue;
        }
        return matches!(
            w,
            "he" | "she" | "they" | "someone" | "somebody" | "he'd" | "she'd" | "they'd"
        ) || noun_like(&toks[i]);
    }
    false
}

/// Who is the subject nearest before token `k`, in the same clause and at most fourteen words
/// back: `Some(true)` for the speaker, `Some(false)` for anyone else, `None` when there is none.
pub(crate) fn speaker_subject(toks: &[Token], k: usize) -> Option<bool> {
    speaker_subject_within(toks, k, 14)
}

/// `speaker_subject` looking up to `reach` words back: a long first clause ("I left a big batch of
/// ... on the side and went home without ...") still has the speaker as its subject.
pub(crate) fn speaker_subject_within(toks: &[Token], k: usize, reach: usize) -> Option<bool> {
    let from = k.saturating_sub(reach);
    for i in (from..k.min(toks.len())).rev() {
        // "... and the label was wrong": a new clause with a subject of its own.
        if clause_break(toks, i) {
            return Some(false);
        }
        let w = toks[i].norm.as_str();
        // "applied it to the wrong period": "it" right after a content word is its object.
        if w == "it" && i > 0 && noun_like(&toks[i - 1]) {
            continue;
        }
        match w {
            "i" | "i'd" | "i've" | "i'm" | "myself" => return Some(true),
            "we" | "they" | "he" | "she" | "it" | "who" | "which" | "someone" | "you" | "when"
            | "because" | "while" | "after" | "that" | "before" | "until" | "if" | "we'd"
            | "they'd" | "he'd" | "she'd" | "we've" | "they've" => return Some(false),
            _ => {}
        }
        // "the pump was showing errors", "half my class had failed": a noun before an auxiliary.
        if AUX.contains(&w) && i > 0 && noun_like(&toks[i - 1]) {
            return Some(false);
        }
        // "I noticed the pump ...": what follows a verb of finding is what the speaker found.
        if DETECT.contains(&w) {
            return Some(false);
        }
    }
    None
}

/// Whether token `k` opens a new clause with a subject of its own ("and the pharmacy", "but our").
pub(crate) fn clause_break(toks: &[Token], k: usize) -> bool {
    static OPENS_NOUN: OnceLock<WordSet> = OnceLock::new();
    let opens_noun = grammar_set(&OPENS_NOUN, &[&[Gram::Determiner, Gram::Possessive]], &[]);
    toks.get(k)
        .is_some_and(|t| matches!(t.norm.as_str(), "and" | "but" | "so" | "then" | "while"))
        && toks
            .get(k + 1)
            .is_some_and(|n| opens_noun.contains(n.norm.as_str()))
}

/// Whether a risky phrase tells something the speaker did ("I skipped", "my writing").
pub(crate) fn by_speaker(toks: &[Token], start: usize, end: usize) -> bool {
    let me = |t: &Token| {
        matches!(
            t.norm.as_str(),
            "i" | "i'd" | "i've" | "i'm" | "my" | "myself"
        )
    };
    toks.get(start).is_some_and(me)
        || speaker_subject(toks, start) == Some(true)
        // "To save time, I ...": the speaker is the subject of the clause that follows.
        || (start == 0
            && toks
                .get(end..(end + 4).min(toks.len()))
                .is_some_and(|w| w.iter().any(me)))
}

/// Whether token `k` is the speaker's own doing: "my" before it, or the speaker as the nearest
/// subject, with nobody else named just before it.
pub(crate) fn speakers_part(toks: &[Token], k: usize) -> bool {
    (k > 0 && toks[k - 1].norm == "my")
        || (speaker_subject(toks, k) == Some(true) && !third_party(toks, k))
}

/// Whether tokens `a..b` hold no clause break.
pub(crate) fn same_clause(toks: &[Token], a: usize, b: usize) -> bool {
    (a..b).all(|i| !clause_break(toks, i))
}

/// Nouns that name the speaker's failure in a framing subject ("the mistake I made", "my worst one").
const FRAME_NOUNS: &[&str] = &[
    "mistake", "mistakes", "failure", "failures", "error", "blunder", "slip", "worst", "decision",
    "regret",
];

/// The position of "is"/"was" when the sentence opens with the speaker naming their own failure as
/// its subject ("The failure I'd choose is ...", "A mistake I made as a technician was ...", "My
/// worst one was ...", "A decision I regret is ..."): a failure noun and the speaker ("I", "my") before it, no clause break, and
/// no one else named ("a mistake my colleague made was ...").
pub(crate) fn framed_failure(toks: &[Token]) -> Option<usize> {
    let mut frame = false;
    let mut me = false;
    for (i, t) in toks.iter().enumerate().take(14) {
        let w = t.norm.as_str();
        match w {
            "is" | "was" | "'s" => return (frame && me).then_some(i),
            "i" | "i'd" | "i've" | "my" | "me" => me = true,
            "he" | "she" | "they" | "their" | "his" | "her" | "someone" | "colleague" | "team"
            | "people" | "others" | "colleagues" => return None,
            _ if FRAME_NOUNS.contains(&w) => frame = true,
            _ => {}
        }
        if clause_break(toks, i) {
            return None;
        }
    }
    None
}
