//! The verdict on key 1: a real failure, with an outside or unexpected cause, no risky material and
//! no careless slip of the speaker's own.

use crate::analyzer::doc::{key_verdict, missing, Doc, Sent, STORY_PARTS};
use crate::analyzer::features::outside::{
    breakdown_cause, outside_hits, strong_outside_hit, told_as_cause,
};
use crate::analyzer::features::slips::speaker_slip;
use crate::analyzer::lexicon::{lexicon, Cat, List};
use crate::analyzer::owner;
use crate::analyzer::report::{AnswerPart, KeyVerdict, RedFlagHit};
use crate::analyzer::rules::{
    RedFlag, CHOICE_MISSING, CHOICE_NO_CAUSE, CHOICE_NO_FAILURE, CHOICE_OUTSIDE_CAUSE,
    CHOICE_OWN_SLIP,
};
use crate::{FailureCategory, Key};

/// A one-line failure of this many words or more is a sentence told, not a fragment being typed.
const FRAGMENT_WORDS: usize = 10;

/// The verdict on key 1.
pub(crate) fn choice_verdict(doc: &Doc, flags: &[RedFlagHit]) -> KeyVerdict {
    let key = Key::Choice;
    let mut findings = Vec::new();
    let story: Vec<&Sent> = doc.in_parts(STORY_PARTS).collect();
    let denial = story
        .iter()
        .find_map(|s| s.hits_of(Cat::Denial).next().map(|h| (*s, *h)));
    if let Some((s, h)) = denial {
        findings.push(doc.finding(
            CHOICE_NO_FAILURE,
            "Tell a real failure. A denial or a strength dressed up as a weakness is what interviewers hear most, and trust least.",
            s,
            h.start,
            h.end,
        ));
    }
    // A possible flag is shown with the key's advice but decides nothing alone: key 1 follows
    // whose failure it is (below).
    let risky: Vec<&RedFlagHit> = flags
        .iter()
        .filter(|h| h.flag != RedFlag::BlameShifting && !h.possible)
        .collect();
    for h in &risky {
        findings.extend(h.evidence.iter().take(2).cloned());
    }
    // The one-line failure tells it (a pasted answer's is found by the split).
    let has_failure = doc.sents.iter().any(|s| s.part == AnswerPart::Failure);
    let safe_category = matches!(
        doc.category,
        FailureCategory::TechnicalProblem
            | FailureCategory::OutsideShock
            | FailureCategory::RareEvent
            | FailureCategory::OutsideControl
    );
    let cause = outside_cause(doc);
    if let Some((s, a, b)) = cause {
        findings.push(doc.finding(
            CHOICE_OUTSIDE_CAUSE,
            "An outside or unexpected cause: safe material.",
            s,
            a,
            b,
        ));
    }
    let strong_cause = story.iter().any(|s| strong_outside_hit(doc, s));
    let has_cause = cause.is_some() || safe_category;
    // A careless slip of the speaker's own fails key 1 even without a red flag, unless a clear
    // outside cause set it off.
    // A slip given as the reason ("I lost the account because I assumed ...") is the cause the
    // speaker names, whatever outside party comes into the story after it.
    let slip = doc
        .in_parts(&[AnswerPart::Failure, AnswerPart::Context])
        .find_map(|s| speaker_slip(doc, s).map(|k| (s, k, k + 1)))
        .filter(|(s, k, _)| !strong_cause || stated_reason(doc.toks(s), *k));
    // Whose failure it is: owning words or a slip of the speaker's anywhere in the story make it
    // theirs, whatever outside things it names; put on a colleague, it is no outside cause either.
    let own = owner::ownership(doc);
    let slip = slip.or_else(|| {
        own.own
            .filter(|_| own.owned_in_words || !strong_cause)
            .map(|p| (p.sent, p.start, p.end))
    });
    // Blame is no outside cause: the failure has one only if something else caused it (a bug, a
    // vendor, a storm), told apart from the colleague it is put on.
    let blamed = own.blamed.filter(|b| {
        slip.is_none() && !strong_cause && cause.is_none_or(|(s, _, _)| std::ptr::eq(s, b.sent))
    });
    if let Some((s, a, b)) = slip {
        findings.push(doc.finding(
            CHOICE_OWN_SLIP,
            "This reads as a slip of your own. If you can, choose a failure with an outside or unexpected cause; if you keep this one, show the check you added so it cannot happen again.",
            s,
            a,
            b,
        ));
    }
    // Told in the first person with no outside cause and no one else blamed: the speaker's own
    // doing, even in no words of a slip. Saying "say what caused it" would be wrong: the story
    // gives its cause, the speaker.
    let own_story = own
        .told_by_speaker
        .filter(|_| slip.is_none() && cause.is_none() && own.blamed.is_none() && denial.is_none());
    if let Some(p) = own_story {
        findings.push(doc.finding_sentence(
            CHOICE_OWN_SLIP,
            "This reads as your own doing, with no outside cause. If you can, choose a failure with an outside or unexpected cause; if you keep this one, say plainly what went wrong and show the check you added so it cannot happen again.",
            p.sent,
        ));
    }
    // What the speaker caused, or put on a colleague, is no outside cause: do not praise one.
    if slip.is_some() || blamed.is_some() {
        findings.retain(|f| f.rule != CHOICE_OUTSIDE_CAUSE.id);
    }
    // A key is met on a story, not a fragment: the one-line failure must say what
    // went wrong ("A release I shipped" says only what it was about).
    // A told sentence of some length is no fragment, whatever its words.
    let fragment = has_failure
        && !doc.in_parts(&[AnswerPart::Failure]).any(|s| {
            doc.toks(s).len() >= FRAGMENT_WORDS
                || s.has(Cat::Failure)
                || s.has(Cat::VagueOutcome)
                || breakdown_cause(doc, s).is_some()
                || outside_hits(doc, s).next().is_some()
                || speaker_slip(doc, s).is_some()
        });
    let met = has_failure
        && !fragment
        && denial.is_none()
        && risky.is_empty()
        && has_cause
        && slip.is_none()
        && blamed.is_none();
    let status = if denial.is_some() {
        "Missing: no real failure is told.".to_string()
    } else if !has_failure {
        if doc.draft {
            findings.push(missing(
                CHOICE_MISSING.gentle_if(true),
                "Start with the failure in one sentence: what went wrong, and what caused it.",
            ));
            "Add a one-line summary of the failure.".to_string()
        } else {
            findings.push(missing(
                CHOICE_MISSING,
                "Say plainly what went wrong: the failure itself, and what caused it.",
            ));
            "Missing: the failure itself is not told.".to_string()
        }
    } else if fragment {
        findings.push(missing(
            CHOICE_MISSING.gentle_if(true),
            "Keep going: say what went wrong in this one line, and what caused it.",
        ));
        "Keep going: say what went wrong.".to_string()
    } else if !risky.is_empty() {
        let labels: Vec<&str> = risky.iter().map(|h| h.flag.label()).collect();
        format!("Risky material: {}.", labels.join(", ").to_lowercase())
    } else if slip.is_some() {
        "Risky material: a slip of your own.".to_string()
    } else if own_story.is_some() && !doc.draft {
        "Risky material: your own doing, with no outside cause.".to_string()
    } else if blamed.is_some() {
        "Risky material: the failure is put on someone else, so it has no outside cause."
            .to_string()
    } else if !has_cause {
        findings.push(missing(
            CHOICE_NO_CAUSE,
            "Say what caused the failure. An unexpected technical problem, an outside shock or a rare event makes the safest material.",
        ));
        "Say what caused the failure.".to_string()
    } else {
        "Met: the failure has an outside or unexpected cause and raises no red flag.".to_string()
    };
    key_verdict(key, met, status, findings)
}

/// Whether the slip at token `k` is told as the reason for the failure: "because I" or "as I" just
/// before it ("because I assumed", "because I'd forgotten").
fn stated_reason(toks: &[crate::analyzer::text::Token], k: usize) -> bool {
    let from = k.saturating_sub(4);
    toks.get(from..k).is_some_and(|w| {
        w.windows(2)
            .any(|p| p[0].norm == "because" && lexicon().has(List::BecauseI, &p[1].norm))
    })
}

/// The outside cause of the failure, with its words: an outside word told as a cause, or a
/// breakdown told as an event ("the venue's projector failed"), in the story or anywhere before
/// the recovery starts (a sentence that also tells a realisation is still the story when it
/// comes first).
pub(crate) fn outside_cause<'d>(doc: &'d Doc) -> Option<(&'d Sent, usize, usize)> {
    let first_recovery = doc
        .sents
        .iter()
        .position(|s| matches!(s.part, AnswerPart::Recovery | AnswerPart::Immediate))
        .unwrap_or(doc.sents.len());
    let candidates = || {
        doc.in_parts(STORY_PARTS)
            .chain(doc.sents[..first_recovery].iter())
    };
    candidates()
        .find_map(|s| {
            let toks = doc.toks(s);
            outside_hits(doc, s)
                .find(|h| told_as_cause(toks, h))
                .map(|h| (s, h.start, h.end))
        })
        .or_else(|| candidates().find_map(|s| breakdown_cause(doc, s).map(|(a, b)| (s, a, b))))
}
