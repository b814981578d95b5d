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
pub(crate) fn who(doc: &Doc, s: &Sent, near: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    let toks = doc.toks(s);
    // People count only in a sentence where the speaker or the team acts
    // ("they brought in new strategies" after a meeting the speaker only attended does not).
    if !s.first_person
        && !actions(doc, s, true)
            .iter()
            .any(|a| matches!(a.actor, Actor::Speaker | Actor::We))
    {
        return None;
    }
    if let Some(h) = s
        .hits_of(Cat::Who)
        .find(|h| !bystander(toks, h.start, h.end) && near(h.start))
    {
        return Some((h.start, h.end));
    }
    let text = doc.text_of(s);
    toks.iter()
        .enumerate()
        .skip(1)
        .find(|(k, t)| {
            t.cap
                && t.norm != "i"
                && !t.norm.starts_with("i'")
                && !lexicon().has(List::MonthOrDay, &t.norm)
                && toks.get(k - 1).is_some_and(|p| !p.cap)
                && !all_caps(text, t)
                && person_slot(toks, *k)
                && near(*k)
        })
        .map(|(k, _)| (k, k + 1))
}

/// Whether a token is written in capitals throughout ("QB", "MVP", "STOP"): an acronym or a
/// shout, not a person's name.
fn all_caps(text: &str, t: &super::text::Token) -> bool {
    text.get(t.start..t.end).is_some_and(|w| {
        w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    })
}

/// Whether the capitalised word at `k` stands where a person does in a recovery: after a verb of
/// reaching someone or working with them ("rang Priya", "with Sam", "asked Dr Okafor"), or
/// before the act of a helper ("Sam helped", "Marco and I").
fn person_slot(toks: &[super::text::Token], k: usize) -> bool {
    let lex = lexicon();
    toks[k.saturating_sub(2)..k]
        .iter()
        .any(|t| lex.has(List::PersonBefore, &t.norm))
        || toks
            .get(k + 1)
            .is_some_and(|t| lex.has(List::PersonAfter, &t.norm))
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
    mass || apologised || lex.has(List::SomeoneElses, last) || in_result_clause(toks, start)
}

/// Whether the people a cue names stand in what a step achieved, after "so" with no "I" or "we"
/// of their own to act ("... so that instead of an error students saw a message"): they
/// received the recovery. Not "so I called the students".
fn in_result_clause(toks: &[super::text::Token], start: usize) -> bool {
    let lex = lexicon();
    let Some(so) = toks[start.saturating_sub(8)..start]
        .iter()
        .rposition(|t| t.norm == "so")
        .map(|k| k + start.saturating_sub(8))
    else {
        return false;
    };
    so > 0
        && !toks[so + 1..start]
            .iter()
            .any(|t| lex.has(List::ActorSpeaker, &t.norm) || lex.has(List::ActorWe, &t.norm))
}

/// Whether a sentence says when or how fast: a timing phrase or a duration in the span of a
/// recovery (minutes to weeks: "within 9 minutes", "in two days"), not "twelve years" or "27
/// years" of doing the job.
pub(crate) fn when(doc: &Doc, s: &Sent, near: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    if let Some(h) = s.hits_of(Cat::Timing).find(|h| near(h.start)) {
        return Some((h.start, h.end));
    }
    let toks = doc.toks(s);
    s.figures
        .iter()
        .find(|f| {
            f.kind == FigureKind::Duration
                && !toks[f.start..f.end.min(toks.len())]
                    .iter()
                    .any(|t| matches!(t.norm.as_str(), "year" | "years" | "decade" | "decades"))
                && near(f.start)
        })
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
    let lies = crate::analyzer::owner::dishonest_sentences(doc);
    doc.in_parts(&[AnswerPart::Recovery])
        .filter(|s| !lies.contains(&(*s as *const Sent)))
        .collect()
}

/// What the recovery tells, read from its sentences in order: the first of each kind.
#[derive(Default)]
struct Told<'d> {
    /// A concrete action of the speaker's.
    speaker_concrete: Option<(&'d Sent, Action)>,
    /// Any action of the speaker's, concrete or a stock phrase.
    speaker_any: bool,
    /// An action of "we".
    we_action: Option<(&'d Sent, Action)>,
    /// A stock phrase of the speaker's ("fixed it", "took ownership").
    generic: Option<(&'d Sent, Action)>,
    /// Who else took part, in a sentence.
    who_found: Option<(&'d Sent, (usize, usize))>,
    /// How fast, in a sentence.
    when_found: Option<(&'d Sent, (usize, usize))>,
    /// A wizard step's "who" field that names someone: evidence on its own, verb or not.
    who_field: Option<&'d Sent>,
    /// A wizard step's "when" field that says when.
    when_field: Option<&'d Sent>,
}

impl Told<'_> {
    fn has_who(&self) -> bool {
        self.who_found.is_some() || self.who_field.is_some()
    }

    fn has_when(&self) -> bool {
        self.when_found.is_some() || self.when_field.is_some()
    }

    /// Key 3 is met: a concrete action of the speaker's, and who or how fast.
    fn met(&self) -> bool {
        self.speaker_concrete.is_some() && (self.has_who() || self.has_when())
    }
}

/// The verdict on key 3: no recovery told, nothing to recover from, or what the recovery tells
/// and what it lacks.
pub(crate) fn verdict(doc: &Doc) -> KeyVerdict {
    let sents = recovery_sentences(doc);
    if sents.is_empty() {
        return no_recovery(doc);
    }
    if only_a_denial(doc) {
        return key_verdict(
            Key::Turnaround,
            false,
            "Missing: no failure to recover from.",
            vec![missing(
                TURNAROUND_NO_FAILURE,
                "Tell a real failure first: a turnaround has to recover from something that went wrong.",
            )],
        );
    }
    let told = what_the_recovery_tells(doc, &sents);
    let mut findings = evidence(doc, &told);
    let met = told.met();
    let status = if met {
        "Met: your own concrete actions, with who and how fast.".to_string()
    } else {
        what_is_missing(doc, &told, &mut findings)
    };
    key_verdict(Key::Turnaround, met, status, findings)
}

/// The verdict when no recovery is told (a gentle hint for a story with no steps yet).
fn no_recovery(doc: &Doc) -> KeyVerdict {
    let status = if doc.draft {
        "Add the steps of your recovery: what you did first, with whom, how fast."
    } else {
        "Missing: no recovery is told."
    };
    let finding = missing(
        TURNAROUND_MISSING.gentle_if(doc.draft),
        "Tell the recovery step by step: what you did first, whom you brought in, and how fast.",
    );
    key_verdict(Key::Turnaround, false, status, vec![finding])
}

/// Whether a pasted answer's only failure is a denial or a boast ("I'm not sure I've ever really
/// failed; I can be a bit of a perfectionist"): it leaves nothing to recover from, whatever is done
/// after it. Every failure word belongs to the denial ("not sure I've had a real failure"), none
/// tells a failure after it ("..., but in March checkout failed").
fn only_a_denial(doc: &Doc) -> bool {
    let mut told = doc.in_parts(&[AnswerPart::Failure]).peekable();
    told.peek().is_some()
        && told.all(|s| {
            let denial_end = s.hits_of(Cat::Denial).map(|h| h.end).max();
            denial_end.is_some_and(|e| s.hits_of(Cat::Failure).all(|h| h.start <= e + 2))
        })
}

/// Reads the recovery's sentences in order: the speaker's actions and the team's, who took part
/// and how fast, and the wizard's "who" and "when" fields.
fn what_the_recovery_tells<'d>(doc: &Doc, sents: &[&'d Sent]) -> Told<'d> {
    let mut told = Told::default();
    for &s in sents {
        match doc.field_of(s) {
            Field::StepWho(_) => {
                if told.who_field.is_none() && says_who(doc.toks(s)) {
                    told.who_field = Some(s);
                }
                continue;
            }
            Field::StepWhen(_) => {
                if told.when_field.is_none() && says_when(doc.toks(s)) {
                    told.when_field = Some(s);
                }
                continue;
            }
            _ => {}
        }
        // Who and how fast count where a concrete step of the speaker's or the team's is told:
        // "I saw at once what had happened" or "the customer mentioned it to his doctor" is no
        // step's pace or helper.
        let mut steps_here = false;
        let mut steps = Vec::new();
        for a in actions(doc, s, true) {
            if a.actor == Actor::Other {
                continue;
            }
            // A concrete act proves itself in its clause, with what it acted on.
            let a = Action {
                concrete: a.concrete && doc.clause_proves(s, a.start, a.end),
                ..a
            };
            steps_here |= a.concrete;
            if a.concrete {
                steps.push(a.start);
            }
            match a.actor {
                Actor::Speaker => {
                    told.speaker_any = true;
                    if a.concrete && told.speaker_concrete.is_none() {
                        told.speaker_concrete = Some((s, a));
                    }
                    if !a.concrete && told.generic.is_none() {
                        told.generic = Some((s, a));
                    }
                }
                Actor::We => {
                    if told.we_action.is_none() {
                        told.we_action = Some((s, a));
                    }
                }
                Actor::Other => {}
            }
        }
        if !steps_here {
            continue;
        }
        let near = |p: usize| !set_aside(doc, s, &steps, p);
        if told.who_found.is_none() {
            told.who_found = who(doc, s, near).map(|w| (s, w));
        }
        if told.when_found.is_none() {
            told.when_found = when(doc, s, near).map(|w| (s, w));
        }
    }
    if told.generic.is_none() {
        told.generic = stock_phrase(sents);
    }
    told
}

/// Whether token `p` stands in a clause set aside from the steps that start at `steps`: a clause
/// opened by a condition, a contrast or an aim that holds no step of its own ("..., meaning to give
/// them to a neighbour", "if I decide to go ahead"). Who and how fast told there are not a step's.
fn set_aside(doc: &Doc, s: &Sent, steps: &[usize], p: usize) -> bool {
    let (a, b) = doc.clause(s, p, p + 1);
    let opener = doc
        .toks(s)
        .get(a)
        .is_some_and(|t| lexicon().has(List::AsideOpener, &t.norm));
    opener && !steps.iter().any(|&k| a <= k && k < b)
}

/// A stock phrase with no action verb of the list ("took ownership"): still a generic action.
fn stock_phrase<'d>(sents: &[&'d Sent]) -> Option<(&'d Sent, Action)> {
    sents.iter().find_map(|&s| {
        s.hits_of(Cat::GenericAction).next().map(|h| {
            let a = Action {
                start: h.start,
                end: h.end,
                actor: Actor::Speaker,
                from: h.start,
                to: h.end,
                concrete: false,
            };
            (s, a)
        })
    })
}

/// The evidence already in the text: the speaker's action, who took part, how fast.
fn evidence(doc: &Doc, told: &Told) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some((s, a)) = told.speaker_concrete {
        findings.push(doc.finding(
            TURNAROUND_ACTION,
            "An action of your own.",
            s,
            a.start,
            a.end,
        ));
    }
    if let Some(s) = told.who_field {
        findings.push(doc.finding_sentence(TURNAROUND_WHO, "Who was involved.", s));
    } else if let Some((s, (a, b))) = told.who_found {
        findings.push(doc.finding(TURNAROUND_WHO, "Who was involved.", s, a, b));
    }
    if let Some(s) = told.when_field {
        findings.push(doc.finding_sentence(TURNAROUND_WHEN, "How fast.", s));
    } else if let Some((s, (a, b))) = told.when_found {
        findings.push(doc.finding(TURNAROUND_WHEN, "How fast.", s, a, b));
    }
    findings
}

/// What keeps key 3 unmet, added to `findings`, and the status that says it: no action of the
/// speaker's (only "we", only stock phrases, or nothing), only stock phrases, or neither who nor
/// how fast.
fn what_is_missing(doc: &Doc, told: &Told, findings: &mut Vec<Finding>) -> String {
    if told.speaker_concrete.is_none() && !told.speaker_any {
        findings.push(match (told.we_action, told.generic) {
            (Some((s, a)), _) => doc.finding(
                TURNAROUND_NO_SPEAKER,
                "Say what you did yourself: \"I called the supplier\", not only \"we fixed it\".",
                s,
                a.from,
                a.to,
            ),
            (None, Some((s, a))) => doc.finding(
                TURNAROUND_GENERIC,
                "Name the actions: what exactly you did first, and next.",
                s,
                a.from,
                a.to,
            ),
            (None, None) => missing(
                TURNAROUND_NO_SPEAKER,
                "Say what you did yourself, step by step: \"First I ...\".",
            ),
        });
        "Missing: no action of your own in the recovery.".to_string()
    } else if told.speaker_concrete.is_none() {
        if let Some((s, a)) = told.generic {
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
    }
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
    fn what_was_not_done_is_no_step() {
        let r = analyze_answer(
            "I lost a ski resort deal after eight months of calls. I ought to have closed it in three trips with my manager.",
            None,
        );
        assert!(!r.key(Key::Turnaround).met, "{:?}", r.key(Key::Turnaround));
    }

    #[test]
    fn a_pace_or_a_helper_counts_beside_a_step() {
        // "at once" tells how the speaker felt, and the manager is thought of, not brought in.
        let r = analyze_answer(
            "I filled a prescription with the wrong dose. I corrected the label and reprinted it. I was shaking at once, thinking of my manager.",
            None,
        );
        assert!(!r.key(Key::Turnaround).met, "{:?}", r.key(Key::Turnaround));
        let r = analyze_answer(
            "I filled a prescription with the wrong dose. Within ten minutes I rang the doctor and corrected the label.",
            None,
        );
        assert!(r.key(Key::Turnaround).met, "{:?}", r.key(Key::Turnaround));
    }

    #[test]
    fn an_act_that_describes_a_thing_is_no_step() {
        // "the tapes I handed in" names the tapes; "That Monday I asked" is a step.
        let r = analyze_answer(
            "My sessions were stiff and it was a mistake. After that my professor listened to the tapes I handed in that week.",
            None,
        );
        assert!(!r.key(Key::Turnaround).met, "{:?}", r.key(Key::Turnaround));
        let r = analyze_answer(
            "The chef and I had a shouting match in front of the brigade, a failure of mine. That Monday I asked the owner to sit in on a meeting with the chef.",
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

    #[test]
    fn people_who_only_received_a_step_took_no_part() {
        // The students saw the result; nobody helped and no pace is told.
        let r = analyze_answer(
            "My quiz site crashed for its first class, my own mistake. I rewrote the submission queue so that instead of an error the students saw a calm message.",
            None,
        );
        assert!(!r.key(Key::Turnaround).met, "{:?}", r.key(Key::Turnaround));
        let r = analyze_answer(
            "My quiz site crashed for its first class, my own mistake. I rewrote the submission queue, so I emailed the students a new link.",
            None,
        );
        assert!(r.key(Key::Turnaround).met, "{:?}", r.key(Key::Turnaround));
    }

    #[test]
    fn a_helper_or_a_pace_set_aside_from_the_step_is_not_the_steps() {
        // The client and the hour sit in a contrast, not in the step.
        let r = analyze_answer(
            "I sent the wrong invoice to our biggest client, my own mistake. I rewrote the invoice, though the client had already paid it within the hour.",
            None,
        );
        assert!(!r.key(Key::Turnaround).met, "{:?}", r.key(Key::Turnaround));
        let r = analyze_answer(
            "I sent the wrong invoice to our biggest client, my own mistake. Within the hour I rewrote the invoice, though the client had already paid it.",
            None,
        );
        assert!(r.key(Key::Turnaround).met, "{:?}", r.key(Key::Turnaround));
    }
}
