//! Key 1 and the red flags: risky topics (poor judgment, basic skills, conflict, ethics, blame),
//! overlap with the target role's core skills, and answers with no real failure in them.
//!
//! One submodule per idea: `subject` (who did it), `blame`, `conflict`, `judgment` (reckless calls
//! and falsified records told in plain words), `slips` (the speaker's own slips), `competency` (core
//! skills of the role), `outside` (outside causes), `choice` (the key 1 verdict).

mod blame;
mod choice;
mod competency;
mod conflict;
mod judgment;

pub(crate) use choice::choice_verdict;

use super::doc::{missing, CueHit, Doc, Sent, STORY_PARTS};
use super::features::outside::strong_outside_hit;
use super::features::slips;
use super::features::subject::{by_speaker, third_party};
use super::lexicon::{lexicon, Cat, List};
use super::report::{AnswerPart, Finding, RedFlagHit};
use super::rules::{RedFlag, CHOICE_RISKY_CATEGORY};
use super::text::Token;
use crate::FailureCategory;
use blame::{blame_accepted, blame_subject, established_cause, nobody_to_blame, owned_by_speaker};
use competency::{core_competency, overrun_estimate};
use conflict::personal_conflict;
use judgment::{left_alone, reckless_phrase, told_in_plain_words};

/// Parts where blame is looked for: the story and the results (blame told beside an outcome still
/// shifts it), not the lesson or the change, which often name a habit only to deny it.
const BLAME_PARTS: &[AnswerPart] = &[
    AnswerPart::Failure,
    AnswerPart::Context,
    AnswerPart::Recovery,
    AnswerPart::Immediate,
    AnswerPart::LongTerm,
    AnswerPart::Other,
];

fn flag_of(cat: Cat) -> Option<RedFlag> {
    Some(match cat {
        Cat::PoorJudgment => RedFlag::PoorJudgment,
        Cat::BasicSkills => RedFlag::BasicSkills,
        Cat::Conflict => RedFlag::InterpersonalConflict,
        Cat::Ethics => RedFlag::Ethics,
        Cat::Blame => RedFlag::BlameShifting,
        _ => return None,
    })
}

/// Whether the word right before token `k` is a thing rather than a person ("which", "it").
fn thing_subject(toks: &[Token], k: usize) -> bool {
    k.checked_sub(1)
        .and_then(|p| toks.get(p))
        .is_some_and(|t| lexicon().has(List::ThingSubject, &t.norm))
}

/// Whether tokens `a..b` overlap a core skill of the target role.
fn in_core(doc: &Doc, toks: &[Token], a: usize, b: usize) -> bool {
    doc.role
        .is_some_and(|r| r.core_hits(toks).iter().any(|h| h.start < b && a < h.end))
}

/// Whether a phrase of the role's that names a check left out as an error on its own ("!didn't
/// test") overlaps the words `a..b`. Haste or excess named as the role's error ("!too fast" for a
/// trainer) stays a reckless call as well.
fn core_check_left_out(doc: &Doc, toks: &[Token], a: usize, b: usize) -> bool {
    doc.role.is_some_and(|r| {
        r.core_hits(toks).iter().any(|h| {
            h.tag
                && h.start < b
                && a < h.end
                && toks[h.start..h.end]
                    .iter()
                    .any(|t| slips::is_check(&t.norm))
        })
    })
}

/// Whether the failure has a clear outside cause, which makes a core-skill slip a consequence.
pub(crate) fn strong_outside_cause(doc: &Doc) -> bool {
    doc.in_parts(&[AnswerPart::Failure, AnswerPart::Context])
        .any(|s| strong_outside_hit(doc, s))
}

/// The evidence found so far, in the order found.
#[derive(Default)]
struct Evidence {
    /// Each flag's findings.
    found: Vec<(RedFlag, Finding)>,
    /// Blame phrases that, alone, may only tell an outside cause: (the phrase's words, finding).
    weak_blame: Vec<(String, Finding)>,
}

impl Evidence {
    fn has(&self, flag: RedFlag) -> bool {
        self.found.iter().any(|(f, _)| *f == flag)
    }
}

/// The red flags raised by the text, each with its evidence: read sentence by sentence (the flag
/// phrases, risky acts told in plain words, the role's core), then across the story (an estimate
/// overrun, weak blame that adds up, a risky category chosen in the wizard).
pub(crate) fn red_flags(doc: &Doc) -> Vec<RedFlagHit> {
    let mut ev = Evidence::default();
    let excused = strong_outside_cause(doc);
    // Whether a failure or context sentence came before the one at hand (read in order).
    let mut story_told = false;
    let mut prev: Option<&Sent> = None;
    for s in doc.in_parts(BLAME_PARTS) {
        let story = STORY_PARTS.contains(&s.part);
        flag_phrases(doc, s, story, &mut ev);
        if !story {
            continue;
        }
        if let Some((flag, a, b)) = told_in_plain_words(doc, s) {
            if !ev.has(flag) {
                ev.found.push((
                    flag,
                    doc.finding(flag.finding_rule(), flag.message(), s, a, b),
                ));
            }
        }
        if let Some(role) = doc.role {
            if let Some(f) = core_competency(doc, s, role, excused, story_told, prev) {
                ev.found.push((RedFlag::CoreCompetency, f));
            }
        }
        story_told |= matches!(s.part, AnswerPart::Failure | AnswerPart::Context);
        prev = Some(s);
    }
    // A plan or an estimate of the speaker's that the work overran, told across sentences.
    if let Some(role) = doc.role {
        if !ev.has(RedFlag::CoreCompetency) {
            if let Some(f) = overrun_estimate(doc, role, excused) {
                ev.found.push((RedFlag::CoreCompetency, f));
            }
        }
    }
    let mut found = weak_blame_that_counts(ev);
    if let Some(flag) = risky_category(doc) {
        found.push((
            flag,
            missing(
                CHOICE_RISKY_CATEGORY,
                "The category you chose is risky material. If you can, pick a failure with an outside or unexpected cause.",
            ),
        ));
    }
    // What the words alone do not prove but make likely: the kind of failure the speaker owns.
    let possible = possible_flags(doc, &found);
    hits_by_flag(&found, &possible)
}

/// The flag phrases of sentence `s` (`data/redflags.txt`) that raise a flag here, added to `ev`.
fn flag_phrases(doc: &Doc, s: &Sent, story: bool, ev: &mut Evidence) {
    let toks = doc.toks(s);
    for h in s.hits.iter().filter(|h| !h.negated) {
        let Some((flag, weak)) = phrase_flag(doc, s, h, story) else {
            continue;
        };
        let f = doc.finding(flag.finding_rule(), flag.message(), s, h.start, h.end);
        if weak {
            let words: Vec<&str> = toks[h.start..h.end]
                .iter()
                .map(|t| t.norm.as_str())
                .collect();
            ev.weak_blame.push((words.join(" "), f));
        } else {
            ev.found.push((flag, f));
        }
    }
}

/// The flag the phrase `h` raises in `s`, and whether it is only weak blame; `None` when it raises
/// none here. Blame may be told wherever the story is, even in a sentence that also tells a
/// result; every other flag only in the story itself (`story`).
fn phrase_flag(doc: &Doc, s: &Sent, h: &CueHit, story: bool) -> Option<(RedFlag, bool)> {
    let toks = doc.toks(s);
    let mut weak = h.cat == Cat::BlameWeak;
    if !story && !matches!(h.cat, Cat::Blame | Cat::BlameWeak) {
        return None;
    }
    let flag = flag_of(if weak { Cat::Blame } else { h.cat })?;
    match flag {
        RedFlag::BlameShifting if blame_owned_or_cleared(doc, s, h) => return None,
        // "Should have caught it" with nobody named is only half a charge.
        RedFlag::BlameShifting => {
            let should = toks.get(h.start).is_some_and(|t| t.norm == "should");
            if should && blame_subject(toks, h.start).is_none() {
                weak = true;
            }
        }
        RedFlag::PoorJudgment | RedFlag::BasicSkills if !speakers_own_call(doc, s, h, flag) => {
            return None
        }
        // Someone else's wrongdoing ("a vendor misled us") is not the speaker's, and a thing that
        // hides something ("a wrong match, which hid the duplicate") lies to nobody.
        RedFlag::Ethics if third_party(toks, h.start) || thing_subject(toks, h.start) => {
            return None
        }
        RedFlag::InterpersonalConflict if !personal_conflict(toks, h.start, h.end) => return None,
        _ => {}
    }
    Some((at_the_roles_core(doc, toks, flag, h), weak))
}

/// Whether a blame phrase puts nothing on others: the speaker owns it ("I dropped the ball",
/// "I took the blame"), it clears everyone ("nobody on my team dropped the ball"), or it is what
/// the speaker established when tracing the cause ("I confirmed it was their fault, not our file").
fn blame_owned_or_cleared(doc: &Doc, s: &Sent, h: &CueHit) -> bool {
    let toks = doc.toks(s);
    blame_accepted(doc, s, h.start, h.end)
        || owned_by_speaker(toks, h.start, h.end)
        || nobody_to_blame(toks, h.start)
        || established_cause(toks, h.start)
}

/// Whether a poor-judgment or basic-skills phrase tells the speaker's own call that caused the
/// failure: told where the failure is (not a step of the recovery), a reckless call of theirs, or
/// a gap of theirs (not someone else's, and "unattended" only when they left it so).
fn speakers_own_call(doc: &Doc, s: &Sent, h: &CueHit, flag: RedFlag) -> bool {
    let toks = doc.toks(s);
    let cause_part = matches!(
        s.part,
        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
    );
    let own = if flag == RedFlag::PoorJudgment {
        reckless_phrase(doc, s, h.start, h.end)
    } else {
        by_speaker(toks, h.start, h.end)
            && !third_party(toks, h.start)
            && left_alone(toks, h.start, h.end)
    };
    cause_part && own
}

/// `flag`, or core competency when the phrase names a slip at the core of the target role: a
/// basic-skills slip in a core skill ("a typo" for a copy editor), haste put on a core task ("I
/// rushed the references" for a recruiter: a slip, not a reckless call), or a step the role names
/// as its own core error when left out ("I didn't test" for an electrician).
fn at_the_roles_core(doc: &Doc, toks: &[Token], flag: RedFlag, h: &CueHit) -> RedFlag {
    let rushed_core = flag == RedFlag::PoorJudgment
        && toks[h.start..h.end.min(toks.len())]
            .iter()
            .any(|t| t.norm == "rushed")
        && in_core(doc, toks, h.start, h.end.saturating_add(3).min(toks.len()));
    let core_step = flag == RedFlag::PoorJudgment && core_check_left_out(doc, toks, h.start, h.end);
    if (flag == RedFlag::BasicSkills && in_core(doc, toks, h.start, h.end))
        || rushed_core
        || core_step
    {
        RedFlag::CoreCompetency
    } else {
        flag
    }
}

/// The evidence with the weak blame added when it counts: beside a strong blame phrase, or when
/// two different weak ones point at others.
fn weak_blame_that_counts(ev: Evidence) -> Vec<(RedFlag, Finding)> {
    let strong_blame = ev.has(RedFlag::BlameShifting);
    let distinct = {
        let mut w: Vec<&str> = ev.weak_blame.iter().map(|(p, _)| p.as_str()).collect();
        w.sort_unstable();
        w.dedup();
        w.len()
    };
    let mut found = ev.found;
    if strong_blame || distinct >= 2 {
        found.extend(
            ev.weak_blame
                .into_iter()
                .map(|(_, f)| (RedFlag::BlameShifting, f)),
        );
    }
    found
}

/// The flag of a risky failure category chosen in the wizard.
fn risky_category(doc: &Doc) -> Option<RedFlag> {
    match doc.category {
        FailureCategory::PoorJudgment => Some(RedFlag::PoorJudgment),
        FailureCategory::BasicSkills => Some(RedFlag::BasicSkills),
        FailureCategory::Conflict => Some(RedFlag::InterpersonalConflict),
        FailureCategory::Ethics => Some(RedFlag::Ethics),
        FailureCategory::CoreOfRole => Some(RedFlag::CoreCompetency),
        _ => None,
    }
}

/// The flags raised, in report order, each with its first five findings; a flag the words do not
/// prove but make likely is raised as possible, with its own words.
fn hits_by_flag(found: &[(RedFlag, Finding)], possible: &[(RedFlag, Finding)]) -> Vec<RedFlagHit> {
    RedFlag::ALL
        .into_iter()
        .filter_map(|flag| {
            let evidence: Vec<Finding> = found
                .iter()
                .filter(|(f, _)| *f == flag)
                .map(|(_, e)| e.clone())
                .take(5)
                .collect();
            if !evidence.is_empty() {
                return Some(RedFlagHit {
                    flag,
                    label: flag.label().to_string(),
                    evidence,
                    possible: false,
                });
            }
            possible
                .iter()
                .find(|(f, _)| *f == flag)
                .map(|(_, e)| RedFlagHit {
                    flag,
                    label: flag.label().to_string(),
                    evidence: vec![e.clone()],
                    possible: true,
                })
        })
        .collect()
}

/// Flags a careful interviewer would likely raise from the kind of failure the speaker owns
/// ([`owner::ownership`]), each with the words: a task of the role done wrong (core competency,
/// when the role is known and the failure is in its core), a call (poor judgment), not knowing
/// how (basic skills), a clash (conflict), a dishonest act (ethics), and the failure put on a
/// colleague (blame).
fn possible_flags(doc: &Doc, raised: &[(RedFlag, Finding)]) -> Vec<(RedFlag, Finding)> {
    use crate::analyzer::owner::{self, Kind, Place};
    let own = owner::ownership(doc);
    let mut out = Vec::new();
    let mut add = |flag: RedFlag, p: Place| {
        if !raised.iter().any(|(f, _)| *f == flag) && !out.iter().any(|(f, _)| *f == flag) {
            out.push((
                flag,
                doc.finding(flag.finding_rule(), flag.message(), p.sent, p.start, p.end),
            ));
        }
    };
    if let Some(p) = own.place(Kind::Dishonest) {
        add(RedFlag::Ethics, p);
    }
    if let Some(p) = own.place(Kind::Clash) {
        add(RedFlag::InterpersonalConflict, p);
    }
    if let Some(p) = own.place(Kind::Gap) {
        add(RedFlag::BasicSkills, p);
    }
    if let Some(p) = own.place(Kind::Decision) {
        add(RedFlag::PoorJudgment, p);
    }
    if let Some(p) = own.blamed {
        add(RedFlag::BlameShifting, p);
    }
    // A slip read from the story alone, beside a clear outside cause, is how the outside cause
    // played out, not the failure (owning words still count).
    let excused = !own.owned_in_words
        && doc
            .in_parts(&[AnswerPart::Failure, AnswerPart::Context])
            .any(|s| strong_outside_hit(doc, s));
    // Whose failure it is: owned in words, a slip of the speaker's, or, with no outside cause and
    // no one blamed, the speaker's own story of what went wrong.
    let mine = own.own.filter(|_| !excused).or_else(|| {
        own.told_by_speaker.filter(|_| {
            own.blamed.is_none()
                && choice::outside_cause(doc).is_none()
                && !doc.sents.iter().any(|s| s.has(Cat::Denial))
        })
    });
    let only_people = !own.kinds.is_empty()
        && own
            .kinds
            .iter()
            .all(|(k, _)| matches!(k, Kind::Clash | Kind::Dishonest | Kind::Gap));
    // A failure of the speaker's own that touches a core skill of the role: a task of the job
    // done wrong, a step left undone, or the speaker's own work breaking. A vague verdict ("I
    // messed up a pitch") is no core failure shown, only a vague one (key 1 fails on it).
    // A failure of the speaker's own in the work of the target role is at its core: the words of
    // a core skill in the story make it plain; otherwise the failure itself, told with the speaker
    // as its subject, in the role's work. A failure only put in people's terms (a clash, a lie, a
    // gap in knowing how) has its own flag.
    if let (Some(p), true, false) = (mine, doc.role.is_some(), only_people) {
        add(RedFlag::CoreCompetency, core_failure(doc).unwrap_or(p));
    }
    out
}

/// Where the failure told in the story touches a core skill of the target role.
fn core_failure<'d>(doc: &'d Doc) -> Option<crate::analyzer::owner::Place<'d>> {
    let role = doc.role?;
    doc.in_parts(&[AnswerPart::Failure, AnswerPart::Context, AnswerPart::Other])
        .find_map(|s| {
            role.core_hits(doc.toks(s))
                .first()
                .map(|h| crate::analyzer::owner::Place {
                    sent: s,
                    start: h.start,
                    end: h.end,
                })
        })
}

#[cfg(test)]
mod tests {
    use crate::analyzer::{analyze_answer, RedFlag};
    use crate::Key;

    fn flags(text: &str, role: Option<&str>) -> Vec<&'static str> {
        analyze_answer(text, role).red_flag_ids()
    }

    #[test]
    fn chef_kitchen_disaster_is_core_competency() {
        let r = analyze_answer(
            "On a full Saturday service I burned the sauce for forty covers and the kitchen fell an hour behind.",
            Some("Head chef"),
        );
        let hit = r
            .red_flags
            .iter()
            .find(|h| h.flag == RedFlag::CoreCompetency);
        let hit = hit.expect("core competency flag");
        assert_eq!(hit.evidence[0].quote, "burned");
        assert!(!r.key(Key::Choice).met);
    }

    #[test]
    fn yelling_is_conflict() {
        assert!(
            flags("I yelled at my colleague in front of the team.", None)
                .contains(&"interpersonal_conflict")
        );
    }

    #[test]
    fn negated_blame_is_not_blame() {
        assert!(
            !flags("No one was blamed; we ran a review of the outage.", None)
                .contains(&"blame_shifting")
        );
        assert!(!flags("I took the blame for the late delivery.", None).contains(&"blame_shifting"));
        assert!(
            flags("It wasn't my fault, the other team dropped the ball.", None)
                .contains(&"blame_shifting")
        );
    }

    #[test]
    fn lesson_sentences_raise_no_flags() {
        assert!(flags("I learned never to skip the checks before a release.", None).is_empty());
    }

    #[test]
    fn ethics_and_denial() {
        assert!(flags("I fudged the numbers in the report.", None).contains(&"ethics"));
        let r = analyze_answer(
            "Honestly I can't think of a failure. I work too hard.",
            None,
        );
        assert!(!r.key(Key::Choice).met);
    }

    #[test]
    fn outside_cause_meets_choice() {
        let r = analyze_answer(
            "Two days before launch our cloud provider had an unexpected outage and our app went down.",
            Some("Backend developer"),
        );
        assert!(r.key(Key::Choice).met, "{:?}", r.key(Key::Choice));
    }

    #[test]
    fn a_call_made_against_caution_is_possible_poor_judgment() {
        // Sure of itself past the evidence, or going ahead without the checking it needed.
        for text in [
            "I was overconfident about the new supplier and signed the whole season's order with them. Half the stock arrived damaged.",
            "I launched the redesign without speaking to a single customer, and sign-ups fell by a third.",
            "I took for granted that the old venue's layout would work, booked it for 300 guests, and the stage would not fit.",
        ] {
            let r = analyze_answer(text, None);
            assert!(
                r.red_flags.iter().any(|h| h.flag == RedFlag::PoorJudgment),
                "{text}: {:?}",
                r.red_flag_ids()
            );
        }
        // Hurrying is a slip, not a call: no poor judgment from it alone.
        let r = analyze_answer(
            "One night I was rushing to close and left the freezer door open; the stock melted.",
            None,
        );
        assert!(!r.red_flags.iter().any(|h| h.flag == RedFlag::PoorJudgment));
    }
}
