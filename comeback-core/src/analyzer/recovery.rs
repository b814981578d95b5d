//! Key 3: the turnaround. Concrete actions, at least one by the speaker, and who was involved
//! and/or how fast.

use super::engine::{key_verdict, missing, CueHit, Doc, Sent};
use super::figures::FigureKind;
use super::lexicon::Cat;
use super::report::{AnswerPart, Field, Finding, KeyVerdict, Severity};
use crate::Key;

/// Who did an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Actor {
    Speaker,
    We,
    Other,
}

/// An action verb found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Action {
    pub start: usize,
    pub end: usize,
    pub actor: Actor,
    /// Where the quote starts: the subject ("we fixed it"), or the verb when there is none.
    pub from: usize,
    /// Where the quote ends: past a stock phrase that covers the verb ("fixed it").
    pub to: usize,
    /// Not a stock phrase like "fixed it" or "took ownership".
    pub concrete: bool,
}

const LEAD_INS: &[&str] = &[
    "then",
    "first",
    "firstly",
    "next",
    "so",
    "and",
    "immediately",
    "quickly",
    "also",
    "finally",
    "after",
    "that",
    "afterwards",
    "straight",
    "away",
    "within",
    "personally",
    "myself",
    "secondly",
    "lastly",
    "together",
    "jointly",
];

const STEP_NOUNS: &[&str] = &[
    "first", "next", "step", "priority", "move", "response", "call", "action", "job", "instinct",
];

/// The actions in a sentence, with their actors. `implicit_speaker`: a verb with no subject is the
/// speaker's (a recovery step typed in the wizard, or a bullet).
pub(crate) fn actions(doc: &Doc, s: &Sent, implicit_speaker: bool) -> Vec<Action> {
    let toks = doc.toks(s);
    let generic: Vec<&CueHit> = s.hits_of(Cat::GenericAction).collect();
    let mut out = Vec::new();
    for h in s.hits_of(Cat::Action) {
        let cover = generic.iter().find(|g| g.start < h.end && h.start < g.end);
        let concrete = cover.is_none();
        let to = cover.map_or(h.end, |g| g.end.max(h.end));
        let mut actor = None;
        let mut from = h.start;
        let window = h.start.saturating_sub(6);
        for k in (window..h.start).rev() {
            let w = toks[k].norm.as_str();
            let found = match w {
                "i" | "i've" | "i'd" | "i'll" | "myself" => Some(Actor::Speaker),
                "my" => {
                    if toks
                        .get(k + 1)
                        .is_some_and(|n| STEP_NOUNS.contains(&n.norm.as_str()))
                    {
                        Some(Actor::Speaker)
                    } else {
                        None
                    }
                }
                "we" | "we've" | "we'd" | "our" | "us" => Some(Actor::We),
                "they" | "he" | "she" | "it" | "team" | "someone" | "everyone" | "who" | "you"
                | "nobody" | "which" | "manager" | "they'd" | "he'd" | "she'd" => {
                    Some(Actor::Other)
                }
                _ => None,
            };
            if found.is_some() {
                actor = found;
                from = k;
                break;
            }
        }
        let actor = match actor {
            Some(a) => a,
            None => {
                let lead_only = toks[..h.start]
                    .iter()
                    .all(|t| LEAD_INS.contains(&t.norm.as_str()) || t.numeric);
                if lead_only && (implicit_speaker || h.start <= 2) {
                    Actor::Speaker
                } else {
                    Actor::Other
                }
            }
        };
        out.push(Action {
            start: h.start,
            end: h.end,
            actor,
            from,
            to,
            concrete,
        });
    }
    out
}

/// Whether a sentence says who else was involved: a team or role, or a person's name.
pub(crate) fn who(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    if let Some(h) = s.hits_of(Cat::Who).next() {
        return Some((h.start, h.end));
    }
    let toks = doc.toks(s);
    let text = doc.text_of(s);
    let _ = text;
    toks.iter()
        .enumerate()
        .skip(1)
        .find(|(k, t)| {
            t.cap
                && t.norm != "i"
                && !t.norm.starts_with("i'")
                && !super::text::is_month_or_day(&t.norm)
                && toks.get(k - 1).is_some_and(|p| !p.cap)
        })
        .map(|(k, _)| (k, k + 1))
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
        let (sev, status) = if doc.structured {
            (
                Severity::Info,
                "Add the steps of your recovery: what you did first, with whom, how fast.",
            )
        } else {
            (Severity::Problem, "Missing: no recovery is told.")
        };
        findings.push(missing(
            key,
            "turnaround-missing",
            sev,
            "Tell the recovery step by step: what you did first, whom you brought in, and how fast.",
        ));
        return key_verdict(key, false, status, findings);
    }
    let mut speaker_concrete: Option<(&Sent, Action)> = None;
    let mut speaker_any = false;
    let mut we_action: Option<(&Sent, Action)> = None;
    let mut generic: Option<(&Sent, Action)> = None;
    let mut who_found: Option<(&Sent, (usize, usize))> = None;
    let mut when_found: Option<(&Sent, (usize, usize))> = None;
    let mut who_field = false;
    let mut when_field = false;
    for s in &sents {
        let field = doc.field_of(s);
        match field {
            Field::StepWho(_) => who_field = true,
            Field::StepWhen(_) => when_field = true,
            _ => {}
        }
        if matches!(field, Field::StepWho(_) | Field::StepWhen(_)) {
            continue;
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
    let has_who = who_found.is_some() || who_field;
    let has_when = when_found.is_some() || when_field;
    if let Some((s, a)) = speaker_concrete {
        findings.push(doc.finding(
            key,
            "turnaround-action",
            Severity::Info,
            "An action of your own.",
            s,
            a.start,
            a.end,
        ));
    }
    if let Some((s, (a, b))) = who_found {
        findings.push(doc.finding(
            key,
            "turnaround-who",
            Severity::Info,
            "Who was involved.",
            s,
            a,
            b,
        ));
    }
    if let Some((s, (a, b))) = when_found {
        findings.push(doc.finding(key, "turnaround-when", Severity::Info, "How fast.", s, a, b));
    }
    let met = speaker_concrete.is_some() && (has_who || has_when);
    let status = if met {
        "Met: your own concrete actions, with who and how fast.".to_string()
    } else if speaker_concrete.is_none() && !speaker_any {
        match we_action {
            Some((s, a)) => findings.push(doc.finding(
                key,
                "turnaround-no-speaker",
                Severity::Problem,
                "Say what you did yourself: \"I called the supplier\", not only \"we fixed it\".",
                s,
                a.from,
                a.to,
            )),
            None => match generic {
                Some((s, a)) => findings.push(doc.finding(
                    key,
                    "turnaround-generic",
                    Severity::Problem,
                    "Name the actions: what exactly you did first, and next.",
                    s,
                    a.from,
                    a.to,
                )),
                None => findings.push(missing(
                    key,
                    "turnaround-no-speaker",
                    Severity::Problem,
                    "Say what you did yourself, step by step: \"First I ...\".",
                )),
            },
        }
        "Missing: no action of your own in the recovery.".to_string()
    } else if speaker_concrete.is_none() {
        if let Some((s, a)) = generic {
            findings.push(doc.finding(
                key,
                "turnaround-generic",
                Severity::Problem,
                "This is too general. Name what you actually did: the first thing, the next, the fix.",
                s,
                a.from,
                a.to,
            ));
        }
        "Missing: the recovery is too general.".to_string()
    } else {
        findings.push(missing(
            key,
            "turnaround-no-who-when",
            Severity::Problem,
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
