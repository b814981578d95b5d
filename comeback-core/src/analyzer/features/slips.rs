//! The speaker's own slips: "I missed", "my mistake", "that was on me", a check left undone.

use super::subject::{speaker_subject, speaker_subject_within};
use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::lexicon::{section_set, sections, Cat, PhraseSet, WordSet};
use crate::analyzer::text::Token;
use std::sync::OnceLock;

const SLIPS: &str = include_str!("../../../data/slips.txt");

/// Whether a word tells a slip (`data/slips.txt`, `[generic]` and `[specific]`).
pub(crate) fn is_slip(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        sections(SLIPS)
            .into_iter()
            .filter(|(s, _)| matches!(*s, "generic" | "specific"))
            .map(|(_, w)| w)
            .collect()
    })
    .contains(w)
}

/// Phrases of taking on more than the speaker could do (`[overcommit]` in `data/slips.txt`).
fn overcommit() -> &'static PhraseSet<()> {
    static SET: OnceLock<PhraseSet<()>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set = PhraseSet::new();
        for (_, p) in sections(SLIPS)
            .into_iter()
            .filter(|(s, _)| *s == "overcommit")
        {
            set.add(p, ());
        }
        set
    })
}

/// Whether the slip word at `k` only echoes the question: "a time I failed", "the time when I
/// made a mistake" names the story to come, not a slip.
fn echoes_question(toks: &[crate::analyzer::text::Token], k: usize) -> bool {
    toks[k.saturating_sub(5)..k]
        .iter()
        .rev()
        .take_while(|t| {
            matches!(
                t.norm.as_str(),
                "i" | "i've"
                    | "i'd"
                    | "have"
                    | "ever"
                    | "when"
                    | "that"
                    | "where"
                    | "time"
                    | "really"
            )
        })
        .any(|t| t.norm == "time")
}

/// Whether a slip word is too general to tie a failure to a core skill unless it is bound to it
/// (`[generic]` in `data/slips.txt`).
pub(crate) fn is_generic_slip(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        sections(SLIPS)
            .into_iter()
            .filter(|(s, _)| *s == "generic")
            .map(|(_, w)| w)
            .collect()
    })
    .contains(w)
}

/// Phrases by which the speaker owns a slip.
pub(crate) const OWNING: &[&[&str]] = &[
    &["on", "me"],
    &["my", "fault"],
    &["my", "mistake"],
    &["my", "error"],
    &["was", "mine"],
    &["my", "slip"],
    &["lost", "track"],
];

/// Whether token `k` is the "was" of a step the speaker owns leaving undone, told as a cleft:
/// "what I didn't do was check the dates", "the thing I never did was test it".
pub(crate) fn cleft_omission(toks: &[crate::analyzer::text::Token], k: usize) -> bool {
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    if !(matches!(w(k), "was" | "is") && k >= 3 && matches!(w(k - 1), "do" | "did")) {
        return false;
    }
    let subj = if w(k - 2) == "not" && w(k - 3) == "did" {
        k.checked_sub(4)
    } else if matches!(w(k - 2), "didn't" | "never" | "wasn't") {
        Some(k - 3)
    } else {
        return false;
    };
    subj.is_some_and(|i| matches!(w(i), "i" | "i'd")) && toks.get(k + 1).is_some_and(|t| !t.numeric)
}

/// The first part of [`speaker_slip`], read from the sentence's words alone: owning words ("my
/// mistake"), a slip word with the speaker as its subject, or taking on more than the speaker could
/// do ("I said yes to everything"). The engine keeps it with the sentence's cached scan.
pub(crate) fn slip_in_words(toks: &[Token]) -> Option<usize> {
    for (k, t) in toks.iter().enumerate() {
        if OWNING.iter().any(|p| {
            toks.len() >= k + p.len() && p.iter().zip(&toks[k..]).all(|(w, t)| *w == t.norm)
        }) {
            return Some(k);
        }
        if cleft_omission(toks, k) {
            return Some(k);
        }
        if !is_slip(&t.norm) || echoes_question(toks, k) {
            continue;
        }
        // The nearest subject before the slip, in the same clause and close by, must be the speaker.
        let subject = speaker_subject(toks, k);
        let negated = toks[k.saturating_sub(2)..k]
            .iter()
            .any(|p| crate::analyzer::features::negation::is_negator(&p.norm));
        // "the year my class nearly missed their mocks": the class missed it, not the speaker.
        if subject == Some(true) && !negated && !super::subject::third_party(toks, k) {
            return Some(k);
        }
    }
    // Taking on more than the speaker could do: "I said yes to everything", "I overcommitted".
    overcommit()
        .find(toks)
        .into_iter()
        .find(|h| {
            speaker_subject(toks, h.start) == Some(true)
                || toks[h.start..h.end].iter().any(|t| t.norm == "myself")
        })
        .map(|h| h.start)
}

/// The token index of the speaker's own slip in a sentence ("I missed", "my mistake", "on me").
pub(crate) fn speaker_slip(doc: &Doc, s: &Sent) -> Option<usize> {
    if s.own_slip.is_some() {
        return s.own_slip;
    }
    let toks = doc.toks(s);
    // A step the speaker left undone: "I didn't check", "I'd never put the date anywhere else".
    s.hits
        .iter()
        .find(|h| {
            h.cat == Cat::Action
                && h.negated
                && toks[h.start.saturating_sub(2)..h.start]
                    .iter()
                    .any(|p| crate::analyzer::features::negation::is_negator(&p.norm))
                && speaker_subject(toks, h.start) == Some(true)
        })
        .map(|h| h.start)
}

/// The set of one section of `data/slips.txt`, built once into `cell`.
fn slip_section(cell: &'static OnceLock<WordSet>, name: &str) -> &'static WordSet {
    section_set(cell, SLIPS, name)
}

/// Whether the words just before token `k`, in its clause, make it imagined or conditional ("if I
/// hadn't checked", "I could have skipped"), not something that happened.
fn imagined(toks: &[Token], k: usize) -> bool {
    toks[k.saturating_sub(5)..k.min(toks.len())]
        .iter()
        .any(|t| {
            matches!(
                t.norm.as_str(),
                "if" | "unless" | "whether" | "could" | "would" | "might" | "won't" | "wouldn't"
            )
        })
}

/// The positions of the steps of the work the speaker left undone in a sentence, each at the verb
/// of the step: "I didn't check the log", "I never tasted it", "I hadn't actually finished", "I
/// forgot to label", "... and went home without logging the temperature", "I skipped the strand
/// test", "I assumed the scores ...". A state of mind or a reaction ("I didn't know", "I didn't
/// panic": `[not_a_step]`) is no step; neither is anything imagined ("if I hadn't ...").
pub(crate) fn steps_left_undone(toks: &[Token]) -> Vec<usize> {
    static NOT_A_STEP: OnceLock<WordSet> = OnceLock::new();
    static LEAD: OnceLock<WordSet> = OnceLock::new();
    static LEFT_OUT: OnceLock<WordSet> = OnceLock::new();
    let not_a_step = slip_section(&NOT_A_STEP, "not_a_step");
    let lead = slip_section(&LEAD, "step_lead");
    let left_out = slip_section(&LEFT_OUT, "left_out");
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    // The speaker just before, past a filler or an adverb ("I, uh, didn't", "I just never").
    let me = |i: Option<usize>| {
        let mut i = i;
        for _ in 0..2 {
            match i {
                Some(j)
                    if matches!(
                        w(j),
                        "uh" | "um"
                            | "er"
                            | "erm"
                            | "just"
                            | "really"
                            | "simply"
                            | "also"
                            | "then"
                            | "honestly"
                    ) =>
                {
                    i = j.checked_sub(1);
                }
                _ => break,
            }
        }
        i.is_some_and(|i| matches!(w(i), "i" | "i'd"))
    };
    let mut out = Vec::new();
    for k in 0..toks.len() {
        let negation = match w(k) {
            // "I didn't", "I'd never", "I hadn't", "I forgot to", "I failed to".
            "didn't" | "hadn't" | "never" | "forgot" | "neglected" => me(k.checked_sub(1)),
            "failed" => me(k.checked_sub(1)) && w(k + 1) == "to",
            // "I did not", "I had not".
            "not" => matches!(w(k.wrapping_sub(1)), "did" | "had") && me(k.checked_sub(2)),
            _ => false,
        };
        let step = if negation {
            let mut v = k + 1;
            while v < toks.len() && v <= k + 4 && lead.contains(w(v)) {
                v += 1;
            }
            // "I didn't go back and torque the nuts": the step is the second verb.
            if w(v) == "go" && w(v + 1) == "back" && w(v + 2) == "and" {
                v += 3;
            }
            Some(v)
        } else if w(k) == "without"
            || (w(k) == "of" && w(k.wrapping_sub(1)) == "instead")
            || (w(k) == "than" && w(k.wrapping_sub(1)) == "rather")
        {
            // "... and went home without logging the temperature", "I wrote it on a pad instead
            // of entering it", "rather than walking the site myself": the speaker's clause.
            let from = if w(k) == "without" { k } else { k - 1 };
            (w(k + 1).ends_with("ing") && speaker_subject_within(toks, from, 24) == Some(true))
                .then_some(k + 1)
        } else if left_out.contains(w(k)) {
            let negated = toks[k.saturating_sub(2)..k]
                .iter()
                .any(|p| crate::analyzer::features::negation::is_negator(&p.norm));
            (!negated && speaker_subject(toks, k) == Some(true)).then_some(k)
        } else {
            None
        };
        let Some(v) = step else {
            continue;
        };
        let Some(verb) = toks.get(v) else {
            continue;
        };
        // "I didn't handle it well": how well a step was done, not a step left out.
        if toks[v + 1..(v + 7).min(toks.len())]
            .iter()
            .any(|t| matches!(t.norm.as_str(), "well" | "enough" | "better"))
        {
            continue;
        }
        let stem = verb.norm.trim_end_matches("ing");
        if verb.numeric
            || !(super::subject::noun_like(verb) || verb.norm == "do")
            || not_a_step.contains(verb.norm.as_str())
            || not_a_step.contains(stem)
            || imagined(toks, k)
        {
            continue;
        }
        // A step that is no check, followed by a reason outside the speaker, was a choice ("I
        // didn't dispense it because the dose looked high"); any step the speaker held back
        // for someone else was one too ("I didn't sign off until they resent the file").
        let check = |t: &Token| is_check(&t.norm);
        let choice_told = (v + 1..toks.len()).any(|c| {
            matches!(w(c), "because" | "as" | "since")
                && !matches!(
                    w(c + 1),
                    "i" | "i'd" | "i'm" | "i've" | "we" | "we'd" | "we're"
                )
        });
        let waited = (v + 1..toks.len()).any(|c| {
            matches!(w(c), "until" | "till")
                && matches!(w(c + 1), "they" | "he" | "she" | "someone" | "somebody")
        });
        let about_check = check(verb) || toks[v + 1..(v + 5).min(toks.len())].iter().any(check);
        if waited || (choice_told && !about_check) {
            continue;
        }
        out.push(v);
    }
    out
}

/// Whether a word names a check or a safeguard (`[check_step]` in `data/slips.txt`; a trailing `*`
/// there matches any ending).
pub(crate) fn is_check(w: &str) -> bool {
    static EXACT: OnceLock<WordSet> = OnceLock::new();
    static STEMS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let entries = || {
        sections(SLIPS)
            .into_iter()
            .filter(|(s, _)| *s == "check_step")
            .map(|(_, w)| w)
    };
    let exact = EXACT.get_or_init(|| entries().filter(|w| !w.ends_with('*')).collect());
    let stems = STEMS.get_or_init(|| entries().filter_map(|w| w.strip_suffix('*')).collect());
    exact.contains(w) || stems.iter().any(|p| w.starts_with(p))
}

/// Whether a word names people a role serves or works with (`[people]` in `data/slips.txt`).
pub(crate) fn is_people(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    slip_section(&SET, "people").contains(w)
}

/// Whether a word sets what follows beside an act as its time, reason or contrast (`[aside]` in
/// `data/slips.txt`).
pub(crate) fn aside(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    slip_section(&SET, "aside").contains(w)
}

/// Whether a word is a verb by which the speaker commits to a length of time (`[commit_length]`
/// in `data/slips.txt`).
pub(crate) fn is_commit_length(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    slip_section(&SET, "commit_length").contains(w)
}

/// Whether a word tells a source that was out of date (`[stale_source]` in `data/slips.txt`).
pub(crate) fn is_stale_source(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    slip_section(&SET, "stale_source").contains(w)
}

/// Whether a word takes something from a source (`[source_lead]` in `data/slips.txt`).
pub(crate) fn is_source_lead(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    slip_section(&SET, "source_lead").contains(w)
}

/// Whether a word is a reason of convenience (`[convenience]` in `data/slips.txt`).
pub(crate) fn is_convenience(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    slip_section(&SET, "convenience").contains(w)
}

/// Whether a verb after "I only" tells something known or found rather than a task done in part
/// (`[not_partial]` in `data/slips.txt`).
pub(crate) fn is_not_partial(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    slip_section(&SET, "not_partial").contains(w)
}

/// Whether a word tells a task that lapsed (`[lapse]` in `data/slips.txt`).
pub(crate) fn is_lapse(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    slip_section(&SET, "lapse").contains(w)
}

/// Whether a word names a date or a whole piece of work whose slipping is a delay, not a task
/// left undone (`[not_lapse]` in `data/slips.txt`).
pub(crate) fn is_not_lapse(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    slip_section(&SET, "not_lapse").contains(w)
}

/// Whether a word names a place or a slot two things can be put into (`[slot]` in
/// `data/slips.txt`).
pub(crate) fn is_slot(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    slip_section(&SET, "slot").contains(w)
}
