//! The speaker's own slips: "I missed", "my mistake", "that was on me", a check left undone.

use super::subject::{speaker_subject, speaker_subject_within};
use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::lexicon::{lexicon, Cat, List};
use crate::analyzer::text::Token;

/// Whether a word tells a slip (`data/slips.txt`, `[generic]` and `[specific]`).
pub(crate) fn is_slip(w: &str) -> bool {
    lexicon().has(List::Slip, w)
}

/// Whether the slip word at `k` only echoes the question: "a time I failed", "the time when I
/// made a mistake" names the story to come, not a slip.
fn echoes_question(toks: &[crate::analyzer::text::Token], k: usize) -> bool {
    toks[k.saturating_sub(5)..k]
        .iter()
        .rev()
        .take_while(|t| lexicon().has(List::QuestionEcho, &t.norm))
        .any(|t| t.norm == "time")
}

/// Whether a slip word is too general to tie a failure to a core skill unless it is bound to it
/// (`[generic]` in `data/slips.txt`).
pub(crate) fn is_generic_slip(w: &str) -> bool {
    lexicon().has(List::GenericSlip, w)
}

/// Whether tokens `k` and `k + 1` are words by which the speaker owns a slip ("on me", "my fault":
/// `[owning]` in `data/slips.txt`).
pub(crate) fn owning_at(toks: &[Token], k: usize) -> bool {
    match (toks.get(k), toks.get(k + 1)) {
        (Some(a), Some(b)) => lexicon().has_pair(List::Owning, &a.norm, &b.norm),
        _ => false,
    }
}

/// Whether token `k` is the "was" of a step the speaker owns leaving undone, told as a cleft:
/// "what I didn't do was check the dates", "the thing I never did was test it".
pub(crate) fn cleft_omission(toks: &[crate::analyzer::text::Token], k: usize) -> bool {
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let lex = lexicon();
    if !(lex.has(List::CleftBe, w(k)) && k >= 3 && lex.has(List::CleftDo, w(k - 1))) {
        return false;
    }
    let subj = if w(k - 2) == "not" && w(k - 3) == "did" {
        k.checked_sub(4)
    } else if lex.has(List::CleftNot, w(k - 2)) {
        Some(k - 3)
    } else {
        return false;
    };
    subj.is_some_and(|i| lex.has(List::SpeakerI, w(i)))
        && toks.get(k + 1).is_some_and(|t| !t.numeric)
}

/// The first part of [`speaker_slip`], read from the sentence's words alone: owning words ("my
/// mistake"), a slip word with the speaker as its subject, or taking on more than the speaker could
/// do ("I said yes to everything"). The engine keeps it with the sentence's cached scan.
pub(crate) fn slip_in_words(toks: &[Token]) -> Option<usize> {
    for (k, t) in toks.iter().enumerate() {
        if owning_at(toks, k) {
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
    lexicon()
        .find_in(List::Overcommit, toks)
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

/// Whether the words just before token `k`, in its clause, make it imagined or conditional ("if I
/// hadn't checked", "I could have skipped"), not something that happened.
fn imagined(toks: &[Token], k: usize) -> bool {
    toks[k.saturating_sub(5)..k.min(toks.len())]
        .iter()
        .any(|t| lexicon().has(List::Imagined, &t.norm))
}

/// The positions of the steps of the work the speaker left undone in a sentence, each at the verb
/// of the step: "I didn't check the log", "I never tasted it", "I hadn't actually finished", "I
/// forgot to label", "... and went home without logging the temperature", "I skipped the strand
/// test", "I assumed the scores ...". A state of mind or a reaction ("I didn't know", "I didn't
/// panic": `[not_a_step]`) is no step; neither is anything imagined ("if I hadn't ...").
pub(crate) fn steps_left_undone(toks: &[Token]) -> Vec<usize> {
    let lex = lexicon();
    let not_a_step = lex.list(List::NotAStep);
    let lead = lex.list(List::StepLead);
    let left_out = lex.list(List::LeftOut);
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    // The speaker just before, past a filler or an adverb ("I, uh, didn't", "I just never").
    let me = |i: Option<usize>| {
        let mut i = i;
        for _ in 0..2 {
            match i {
                Some(j) if lex.has(List::FillerBeforeVerb, w(j)) => {
                    i = j.checked_sub(1);
                }
                _ => break,
            }
        }
        i.is_some_and(|i| lex.has(List::SpeakerI, w(i)))
    };
    let mut out = Vec::new();
    for k in 0..toks.len() {
        let negation = match w(k) {
            // "I didn't", "I'd never", "I hadn't", "I forgot to", "I failed to".
            v if lex.has(List::OmissionNegation, v) => me(k.checked_sub(1)),
            "failed" => me(k.checked_sub(1)) && w(k + 1) == "to",
            // "I did not", "I had not".
            "not" => lex.has(List::AuxBeforeNot, w(k.wrapping_sub(1))) && me(k.checked_sub(2)),
            _ => false,
        };
        let step = if negation {
            let mut v = k + 1;
            while v < toks.len() && v <= k + 4 && lead.has(w(v)) {
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
        } else if left_out.has(w(k)) {
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
            .any(|t| lex.has(List::HowWell, &t.norm))
        {
            continue;
        }
        let stem = verb.norm.trim_end_matches("ing");
        if verb.numeric
            || !(super::subject::noun_like(verb) || verb.norm == "do")
            || not_a_step.has(&verb.norm)
            || not_a_step.has(stem)
            || imagined(toks, k)
        {
            continue;
        }
        // A step that is no check, followed by a reason outside the speaker, was a choice ("I
        // didn't dispense it because the dose looked high"); any step the speaker held back
        // for someone else was one too ("I didn't sign off until they resent the file").
        let check = |t: &Token| is_check(&t.norm);
        let choice_told = (v + 1..toks.len())
            .any(|c| lex.has(List::Because, w(c)) && !lex.has(List::SpeakerOrWe, w(c + 1)));
        let waited = (v + 1..toks.len())
            .any(|c| lex.has(List::Until, w(c)) && lex.has(List::SomeoneElse, w(c + 1)));
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
    lexicon().has(List::CheckStep, w)
}

/// Whether a word names people a role serves or works with (`[people]` in `data/slips.txt`).
pub(crate) fn is_people(w: &str) -> bool {
    lexicon().has(List::People, w)
}

/// Whether a word sets what follows beside an act as its time, reason or contrast (`[aside]` in
/// `data/slips.txt`).
pub(crate) fn aside(w: &str) -> bool {
    lexicon().has(List::Aside, w)
}
