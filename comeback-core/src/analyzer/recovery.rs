//! Key 3: the turnaround. Concrete actions, at least one by the speaker, and who was involved
//! and/or how fast.

use super::doc::{key_verdict, missing, Doc, FigureKind, Sent};
use super::features::acts::{actions, Action, Actor};
use super::lexicon::{lexicon, Cat, List};
use super::report::{AnswerPart, Field, Finding, KeyVerdict};
use crate::analyzer::rules::{
    TURNAROUND_ACTION, TURNAROUND_GENERIC, TURNAROUND_MISSING, TURNAROUND_NO_FAILURE,
    TURNAROUND_NO_SPEAKER, TURNAROUND_NO_WHO_WHEN, TURNAROUND_WHEN, TURNAROUND_WHO,
};
use crate::Key;

/// Whether a sentence says who else was involved: a team or role, or a person's name.
pub(crate) fn who(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    let toks = doc.toks(s);
    // In a pasted answer, people count only in a sentence where the speaker or the team acts
    // ("they brought in new strategies" after a meeting the speaker only attended does not).
    if !doc.structured
        && !s.first_person
        && !actions(doc, s, false)
            .iter()
            .any(|a| matches!(a.actor, Actor::Speaker | Actor::We))
    {
        return None;
    }
    if let Some(h) = s
        .hits_of(Cat::Who)
        .find(|h| !bystander(toks, h.start, h.end))
    {
        return Some((h.start, h.end));
    }
    toks.iter()
        .enumerate()
        .skip(1)
        .find(|(k, t)| {
            t.cap
                && t.norm != "i"
                && !t.norm.starts_with("i'")
                && !lexicon().has(List::MonthOrDay, &t.norm)
                && toks.get(k - 1).is_some_and(|p| !p.cap)
        })
        .map(|(k, _)| (k, k + 1))
}

/// Whether the people a "who" cue names only received the recovery or stood by, rather than
/// taking part in it: anyone at all ("everyone I knew", "people"), everyone affected at once
/// ("gave every client", "emailed all our customers"), the people apologised to ("I apologised to
/// the team"), or someone else's people ("keep their clients").
fn bystander(toks: &[super::text::Token], start: usize, end: usize) -> bool {
    let words: Vec<&str> = toks[start..end].iter().map(|t| t.norm.as_str()).collect();
    let lex = lexicon();
    if lex.has(List::AnyoneAtAll, &words.join(" ")) {
        return true;
    }
    // "with our ...", "alongside", "brought in": someone working with the speaker.
    if words.first().is_some_and(|w| lex.has(List::WorkingWith, w)) {
        return false;
    }
    let before: Vec<&str> = toks[start.saturating_sub(4)..start]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    let last = before.last().copied().unwrap_or("");
    // Only quantities, determiners and adjectives may stand between "every" and the people.
    let mass = before
        .iter()
        .rev()
        .take(3)
        .any(|w| lex.has(List::EveryoneAtOnce, w))
        && !before.iter().any(|w| lex.has(List::JoinedBy, w));
    let apologised = before.iter().any(|w| w.starts_with("apologi"));
    mass || apologised || lex.has(List::SomeoneElses, last)
}

/// Whether a sentence says when or how fast: a timing phrase or a duration.
pub(crate) fn when(s: &Sent) -> Option<(usize, usize)> {
    if let Some(h) = s.hits_of(Cat::Timing).next() {
        return Some((h.start, h.end));
    }
    s.figures
        .iter()
        .find(|f| f.kind == FigureKind::Duration)
        .map(|f| (f.start, f.end))
}

/// Whether a wizard "who" field names someone else ("with the database lead", "Sam"), not
/// "nobody" or "just me".
fn says_who(toks: &[super::text::Token]) -> bool {
    toks.iter().any(|t| !lexicon().has(List::NotWho, &t.norm))
}

/// Whether a wizard "when" field says when or how fast ("within 9 minutes", "the same evening"),
/// not something vague ("eventually", "later").
fn says_when(toks: &[super::text::Token]) -> bool {
    toks.iter().any(|t| !lexicon().has(List::NotWhen, &t.norm))
}

/// The sentences that tell the recovery.
pub(crate) fn recovery_sentences<'d>(doc: &'d Doc) -> Vec<&'d Sent> {
    if doc.structured {
        doc.in_parts(&[AnswerPart::Recovery]).collect()
    } else {
        doc.in_parts(&[AnswerPart::Recovery, AnswerPart::Immediate])
            .collect()
    }
}

/// The verdict on key 3.
pub(crate) fn verdict(doc: &Doc) -> KeyVerdict {
    let key = Key::Turnaround;
    let mut findings: Vec<Finding> = Vec::new();
    let sents = recovery_sentences(doc);
    if sents.is_empty() {
        let status = if doc.structured {
            "Add the steps of your recovery: what you did first, with whom, how fast."
        } else {
            "Missing: no recovery is told."
        };
        findings.push(missing(
            TURNAROUND_MISSING.gentle_if(doc.structured),
            "Tell the recovery step by step: what you did first, whom you brought in, and how fast.",
        ));
        return key_verdict(key, false, status, findings);
    }
    // A denial or a boast told as the only failure ("I'm not sure I've ever really failed; I can be
    // a bit of a perfectionist") leaves nothing to recover from, whatever is done after it.
    let denied = !doc.structured && {
        let mut told = doc.in_parts(&[AnswerPart::Failure]).peekable();
        told.peek().is_some()
            && told.all(|s| {
                // Every failure word belongs to the denial ("not sure I've had a real failure"),
                // none tells a failure after it ("..., but in March checkout failed").
                let denial_end = s.hits_of(Cat::Denial).map(|h| h.end).max();
                denial_end.is_some_and(|e| s.hits_of(Cat::Failure).all(|h| h.start <= e + 2))
            })
    };
    if denied {
        findings.push(missing(
            TURNAROUND_NO_FAILURE,
            "Tell a real failure first: a turnaround has to recover from something that went wrong.",
        ));
        return key_verdict(key, false, "Missing: no failure to recover from.", findings);
    }
    let mut speaker_concrete: Option<(&Sent, Action)> = None;
    let mut speaker_any = false;
    let mut we_action: Option<(&Sent, Action)> = None;
    let mut generic: Option<(&Sent, Action)> = None;
    let mut who_found: Option<(&Sent, (usize, usize))> = None;
    let mut when_found: Option<(&Sent, (usize, usize))> = None;
    // The wizard's "who" and "when" fields are evidence on their own, verb or not.
    let mut who_field: Option<&Sent> = None;
    let mut when_field: Option<&Sent> = None;
    for s in &sents {
        let field = doc.field_of(s);
        match field {
            Field::StepWho(_) => {
                if who_field.is_none() && says_who(doc.toks(s)) {
                    who_field = Some(s);
                }
                continue;
            }
            Field::StepWhen(_) => {
                if when_field.is_none() && says_when(doc.toks(s)) {
                    when_field = Some(s);
                }
                continue;
            }
            _ => {}
        }
        let implicit = doc.structured;
        for a in actions(doc, s, implicit) {
            match a.actor {
                Actor::Speaker => {
                    speaker_any = true;
                    if a.concrete && speaker_concrete.is_none() {
                        speaker_concrete = Some((s, a));
                    }
                    if !a.concrete && generic.is_none() {
                        generic = Some((s, a));
                    }
                }
                Actor::We => {
                    if we_action.is_none() {
                        we_action = Some((s, a));
                    }
                }
                Actor::Other => {}
            }
        }
        if who_found.is_none() {
            who_found = who(doc, s).map(|w| (*s, w));
        }
        if when_found.is_none() {
            when_found = when(s).map(|w| (*s, w));
        }
    }
    // Stock phrases with no action verb of the list ("took ownership") still count as generic.
    if generic.is_none() {
        for s in &sents {
            if let Some(h) = s.hits_of(Cat::GenericAction).next() {
                generic = Some((
                    s,
                    Action {
                        start: h.start,
                        end: h.end,
                        actor: Actor::Speaker,
                        from: h.start,
                        to: h.end,
                        concrete: false,
                    },
                ));
                break;
            }
        }
    }
    let has_who = who_found.is_some() || who_field.is_some();
    let has_when = when_found.is_some() || when_field.is_some();
    if let Some((s, a)) = speaker_concrete {
        findings.push(doc.finding(
            TURNAROUND_ACTION,
            "An action of your own.",
            s,
            a.start,
            a.end,
        ));
    }
    if let Some(s) = who_field {
        findings.push(doc.finding_sentence(TURNAROUND_WHO, "Who was involved.", s));
    } else if let Some((s, (a, b))) = who_found {
        findings.push(doc.finding(TURNAROUND_WHO, "Who was involved.", s, a, b));
    }
    if let Some(s) = when_field {
        findings.push(doc.finding_sentence(TURNAROUND_WHEN, "How fast.", s));
    } else if let Some((s, (a, b))) = when_found {
        findings.push(doc.finding(TURNAROUND_WHEN, "How fast.", s, a, b));
    }
    let met = speaker_concrete.is_some() && (has_who || has_when);
    let status = if met {
        "Met: your own concrete actions, with who and how fast.".to_string()
    } else if speaker_concrete.is_none() && !speaker_any {
        match we_action {
            Some((s, a)) => findings.push(doc.finding(
                TURNAROUND_NO_SPEAKER,
                "Say what you did yourself: \"I called the supplier\", not only \"we fixed it\".",
                s,
                a.from,
                a.to,
            )),
            None => match generic {
                Some((s, a)) => findings.push(doc.finding(
                    TURNAROUND_GENERIC,
                    "Name the actions: what exactly you did first, and next.",
                    s,
                    a.from,
                    a.to,
                )),
                None => findings.push(missing(
                    TURNAROUND_NO_SPEAKER,
                    "Say what you did yourself, step by step: \"First I ...\".",
                )),
            },
        }
        "Missing: no action of your own in the recovery.".to_string()
    } else if speaker_concrete.is_none() {
        if let Some((s, a)) = generic {
            findings.push(doc.finding(
                TURNAROUND_GENERIC,
                "This is too general. Name what you actually did: the first thing, the next, the fix.",
                s,
                a.from,
                a.to,
            ));
        }
        "Missing: the recovery is too general.".to_string()
    } else {
        findings.push(missing(
            TURNAROUND_NO_WHO_WHEN,
            "Add who you brought in, or how fast it went: \"within 15 minutes, with the on-call engineer\".",
        ));
        "Missing: who was involved, or how fast.".to_string()
    };
    key_verdict(key, met, status, findings)
}

#[cfg(test)]
mod tests {
    use crate::analyzer::analyze_answer;
    use crate::Key;

    #[test]
    fn we_fixed_it_is_not_enough() {
        let r = analyze_answer(
            "Our payments page went down for two hours. Then we fixed it.",
            None,
        );
        let k = r.key(Key::Turnaround);
        assert!(!k.met);
        assert!(
            k.findings.iter().any(|f| f.rule == "turnaround-no-speaker"),
            "{k:?}"
        );
    }

    #[test]
    fn own_action_with_timing_is_met() {
        let r = analyze_answer(
            "Our payments page went down for two hours. I rolled back the release within 15 minutes with the on-call engineer.",
            None,
        );
        assert!(r.key(Key::Turnaround).met, "{:?}", r.key(Key::Turnaround));
    }

    #[test]
    fn generic_recovery_fails() {
        let r = analyze_answer(
            "The launch slipped by a week. I took ownership and fixed it.",
            None,
        );
        assert!(!r.key(Key::Turnaround).met);
    }
}
