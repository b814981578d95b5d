//! Key 1 and the red flags: risky topics (poor judgment, basic skills, conflict, ethics, blame),
//! overlap with the target role's core skills, and answers with no real failure in them.

use super::engine::{key_verdict, missing, Doc, Sent};
use super::lexicon::Cat;
use super::report::{AnswerPart, Finding, KeyVerdict, RedFlag, RedFlagHit, Severity};
use crate::{FailureCategory, Key};

/// Parts that tell what happened; the lesson and the change often name the bad habit to deny it.
const STORY_PARTS: &[AnswerPart] = &[
    AnswerPart::Failure,
    AnswerPart::Context,
    AnswerPart::Recovery,
    AnswerPart::Immediate,
    AnswerPart::Other,
];

/// Words that, with "I" or "my" in the same sentence, make a core skill the speaker's own slip.
const SLIP_WORDS: &[&str] = &[
    "mistake",
    "mistakes",
    "error",
    "errors",
    "wrong",
    "wrongly",
    "forgot",
    "forgotten",
    "missed",
    "messed",
    "mixed",
    "misread",
    "miscalculated",
    "overlooked",
    "botched",
    "ruined",
    "incorrect",
    "incorrectly",
    "slip",
    "blunder",
    "careless",
    "neglected",
    "failed",
    "mislabelled",
    "mislabeled",
    "miscounted",
    "assumed",
    "misjudged",
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

fn message(flag: RedFlag) -> &'static str {
    match flag {
        RedFlag::PoorJudgment => "This reads as a poor judgment call. Pick a failure with an outside or unexpected cause, or show the reasoning that made the call sensible at the time.",
        RedFlag::BasicSkills => "This suggests a gap in the everyday skills of the job. Choose a failure that does not question the basics.",
        RedFlag::InterpersonalConflict => "A clash with a colleague worries interviewers. Choose a failure about the work, not about people.",
        RedFlag::Ethics => "Anything touching honesty or rules is hard to recover from in an interview. Choose another failure.",
        RedFlag::CoreCompetency => "This failure sits at the core of the role you want. Choose one outside the role's core skills.",
        RedFlag::BlameShifting => "This puts the failure on others. Say what part you played and what you did about it.",
    }
}

/// Whether a blame phrase is really about accepting blame ("I took the blame", "they blamed me").
fn blame_accepted(doc: &Doc, s: &Sent, start: usize, end: usize) -> bool {
    let toks = doc.toks(s);
    let before = start
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .map(|t| t.norm.as_str());
    let before2 = start
        .checked_sub(2)
        .and_then(|i| toks.get(i))
        .map(|t| t.norm.as_str());
    let after = toks.get(end).map(|t| t.norm.as_str());
    let taking = [
        "took",
        "take",
        "taking",
        "accepted",
        "accept",
        "shouldered",
        "own",
        "owned",
        "my",
        "the",
    ];
    before.is_some_and(|b| taking.contains(&b))
        && before2.is_some_and(|b| taking.contains(&b) || b == "i")
        || matches!(
            after,
            Some("me" | "myself" | "culture" | "game" | "free" | "anyone" | "nobody")
        )
        || before.is_some_and(|b| matches!(b, "took" | "take" | "accepted" | "shouldered"))
}

/// Whether a short blame phrase ("dropped the ball") has the speaker, or "we", as its subject.
fn owned_by_speaker(toks: &[super::text::Token], start: usize, end: usize) -> bool {
    let subject = toks[..start.min(toks.len())]
        .iter()
        .rev()
        .find_map(|p| match p.norm.as_str() {
            "i" | "we" | "i'd" | "we'd" => Some(true),
            "they" | "he" | "she" | "it" | "team" | "manager" | "boss" => Some(false),
            _ => None,
        });
    toks.get(start).is_some_and(|t| t.norm != "i") && subject == Some(true) && end - start < 3
}

/// The red flags raised by the text, each with its evidence.
pub(crate) fn red_flags(doc: &Doc) -> Vec<RedFlagHit> {
    let mut evidence: Vec<(RedFlag, Finding)> = Vec::new();
    let excused = strong_outside_cause(doc);
    for s in doc.in_parts(STORY_PARTS) {
        for h in s.hits.iter().filter(|h| !h.negated) {
            let Some(flag) = flag_of(h.cat) else { continue };
            let toks = doc.toks(s);
            match flag {
                // "I dropped the ball" owns it; only someone else's failure shifts blame.
                RedFlag::BlameShifting
                    if blame_accepted(doc, s, h.start, h.end)
                        || owned_by_speaker(toks, h.start, h.end) =>
                {
                    continue;
                }
                RedFlag::PoorJudgment | RedFlag::BasicSkills => {
                    // The call that caused the failure, not a step of the recovery.
                    let cause_part = matches!(
                        s.part,
                        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
                    );
                    if !cause_part || !by_speaker(toks, h.start, h.end) {
                        continue;
                    }
                }
                _ => {}
            }
            evidence.push((
                flag,
                doc.finding(
                    Key::Choice,
                    flag.rule(),
                    Severity::Warn,
                    message(flag),
                    s,
                    h.start,
                    h.end,
                ),
            ));
        }
        if let Some((flag, a, b)) = told_in_plain_words(doc, s) {
            if !evidence.iter().any(|(f, _)| *f == flag) {
                evidence.push((
                    flag,
                    doc.finding(
                        Key::Choice,
                        flag.rule(),
                        Severity::Warn,
                        message(flag),
                        s,
                        a,
                        b,
                    ),
                ));
            }
        }
        if let Some(role) = doc.role {
            if let Some(f) = core_competency(doc, s, role, excused) {
                evidence.push((RedFlag::CoreCompetency, f));
            }
        }
    }
    if doc.structured {
        let by_category = match doc.category {
            FailureCategory::PoorJudgment => Some(RedFlag::PoorJudgment),
            FailureCategory::BasicSkills => Some(RedFlag::BasicSkills),
            FailureCategory::Conflict => Some(RedFlag::InterpersonalConflict),
            FailureCategory::Ethics => Some(RedFlag::Ethics),
            FailureCategory::CoreOfRole => Some(RedFlag::CoreCompetency),
            _ => None,
        };
        if let Some(flag) = by_category {
            evidence.push((
                flag,
                missing(
                    Key::Choice,
                    "choice-risky-category",
                    Severity::Warn,
                    "The category you chose is risky material. If you can, pick a failure with an outside or unexpected cause.",
                ),
            ));
        }
    }
    let mut out: Vec<RedFlagHit> = Vec::new();
    for flag in RedFlag::ALL {
        let ev: Vec<Finding> = evidence
            .iter()
            .filter(|(f, _)| *f == flag)
            .map(|(_, e)| e.clone())
            .take(5)
            .collect();
        if !ev.is_empty() {
            out.push(RedFlagHit {
                flag,
                label: flag.label().to_string(),
                evidence: ev,
            });
        }
    }
    out
}

/// A risky act told without a tell-tale phrase, found from two halves in one sentence: a decision
/// of the speaker's with a word of defiance ("I made the call to pour anyway": poor judgment), or a
/// record the speaker changed with what it was made to show ("marked them as complete with the old
/// dates": ethics). Returns the flag and the token range to quote.
fn told_in_plain_words(doc: &Doc, s: &Sent) -> Option<(RedFlag, usize, usize)> {
    let toks = doc.toks(s);
    let pair = |act: Cat, why: Cat| {
        let h = s.hits_of(act).find(|h| {
            by_speaker(toks, h.start, h.end) || toks[..h.start].iter().any(|t| t.norm == "i")
        })?;
        let w = s.hits_of(why).find(|w| w.end > h.start)?;
        // Both halves close together, in the same stretch of the sentence.
        (w.start.saturating_sub(h.end) <= 14).then_some((h.start.min(w.start), w.end.max(h.end)))
    };
    if let Some((a, b)) = pair(Cat::FalsifyAct, Cat::FalsifyPurpose) {
        return Some((RedFlag::Ethics, a, b));
    }
    // "To save time, I split the team" in a recovery is a sensible call: only the story of the
    // failure itself is read for recklessness.
    if matches!(
        s.part,
        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
    ) {
        if let Some((a, b)) = pair(Cat::RiskyDecision, Cat::Defiance) {
            return Some((RedFlag::PoorJudgment, a, b));
        }
    }
    None
}

/// Outside causes too common to excuse a slip on their own ("supplier", "system").
const WEAK_OUTSIDE: &[&str] = &[
    "supplier",
    "suppliers",
    "vendor",
    "vendors",
    "server",
    "servers",
    "database",
    "network",
    "hardware",
    "machine",
    "equipment",
    "software",
    "system",
    "api",
    "library",
    "dependency",
    "estimate",
    "estimates",
    "complex",
    "complexity",
    "underestimated",
    "provider",
    "delivery",
    "shipment",
    "truck",
    "prices",
    "price",
    "currency",
    "platform",
    "update",
    "updates",
    "van",
    "decided",
    "changed",
    "legacy",
    "inherited",
    "hard",
    "disk",
    "bug",
    "outage",
    "first",
];

/// Whether a sentence names a clear outside cause ("the pandemic hit", "a water main burst").
pub(crate) fn strong_outside_hit(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    s.hits_of(Cat::OutsideCause).any(|h| {
        h.end - h.start > 1
            || toks
                .get(h.start)
                .is_some_and(|t| !WEAK_OUTSIDE.contains(&t.norm.as_str()))
    })
}

/// Whether the failure has a clear outside cause, which makes a core-skill slip a consequence.
fn strong_outside_cause(doc: &Doc) -> bool {
    doc.in_parts(&[AnswerPart::Failure, AnswerPart::Context])
        .any(|s| strong_outside_hit(doc, s))
}

/// Phrases by which the speaker owns a slip.
const OWNING: &[&[&str]] = &[
    &["on", "me"],
    &["my", "fault"],
    &["my", "mistake"],
    &["my", "error"],
    &["was", "mine"],
    &["my", "slip"],
    &["lost", "track"],
];

/// Who is the subject nearest before token `k`, in the same clause and at most eight words back:
/// `Some(true)` for the speaker, `Some(false)` for anyone else, `None` when there is none.
fn speaker_subject(toks: &[super::text::Token], k: usize) -> Option<bool> {
    let from = k.saturating_sub(14);
    toks[from..k.min(toks.len())]
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, p)| match p.norm.as_str() {
            // "... and the label was wrong": a new clause with a subject of its own.
            _ if clause_break(toks, from + i) => Some(false),
            "i" | "i'd" | "i've" | "i'm" | "myself" => Some(true),
            "we" | "they" | "he" | "she" | "it" | "who" | "which" | "someone" | "you" | "when"
            | "because" | "while" | "after" | "that" | "before" | "until" | "if" | "we'd"
            | "they'd" | "he'd" | "she'd" | "we've" | "they've" => Some(false),
            _ => None,
        })
}

/// Whether token `k` opens a new clause with a subject of its own ("and the pharmacy", "but our").
pub(crate) fn clause_break(toks: &[super::text::Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| matches!(t.norm.as_str(), "and" | "but" | "so" | "then" | "while"))
        && toks.get(k + 1).is_some_and(|n| {
            matches!(
                n.norm.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "our"
                    | "their"
                    | "his"
                    | "her"
                    | "its"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "my"
            )
        })
}

/// Whether a risky phrase tells something the speaker did ("I skipped", "my writing").
fn by_speaker(toks: &[super::text::Token], start: usize, end: usize) -> bool {
    let me = |t: &super::text::Token| {
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

/// The token index of the speaker's own slip in a sentence ("I missed", "my mistake", "on me").
pub(crate) fn speaker_slip(doc: &Doc, s: &Sent) -> Option<usize> {
    let toks = doc.toks(s);
    for (k, t) in toks.iter().enumerate() {
        if OWNING.iter().any(|p| {
            toks.len() >= k + p.len() && p.iter().zip(&toks[k..]).all(|(w, t)| *w == t.norm)
        }) {
            return Some(k);
        }
        static SLIPS: std::sync::OnceLock<super::lexicon::WordSet> = std::sync::OnceLock::new();
        if !super::lexicon::word_set(&SLIPS, SLIP_WORDS).contains(t.norm.as_str()) {
            continue;
        }
        // The nearest subject before the slip, in the same clause and close by, must be the speaker.
        let subject = speaker_subject(toks, k);
        let negated = toks[k.saturating_sub(2)..k]
            .iter()
            .any(|p| super::lexicon::is_negator(&p.norm));
        if subject == Some(true) && !negated {
            return Some(k);
        }
    }
    // A step the speaker left undone: "I didn't check", "I'd never put the date anywhere else".
    s.hits
        .iter()
        .find(|h| {
            h.cat == Cat::Action
                && h.negated
                && toks[h.start.saturating_sub(2)..h.start]
                    .iter()
                    .any(|p| super::lexicon::is_negator(&p.norm))
                && speaker_subject(toks, h.start) == Some(true)
        })
        .map(|h| h.start)
}

/// A core skill of the target role named as failing in this sentence, told as the speaker's slip.
fn core_competency(
    doc: &Doc,
    s: &Sent,
    role: &super::roles::Role,
    excused: bool,
) -> Option<Finding> {
    if excused || !STORY_PARTS.contains(&s.part) {
        return None;
    }
    let toks = doc.toks(s);
    let hits = role.core_hits(toks);
    let msg = || format!("{} ({})", message(RedFlag::CoreCompetency), role.name);
    if let Some(h) = hits.iter().find(|h| h.tag) {
        return Some(doc.finding(
            Key::Choice,
            RedFlag::CoreCompetency.rule(),
            Severity::Warn,
            msg(),
            s,
            h.start,
            h.end,
        ));
    }
    let h = hits.first()?;
    let slip = speaker_slip(doc, s)?;
    let (a, b) = if slip < h.start && h.end - slip <= 8 {
        (slip, h.end)
    } else if slip >= h.end && slip + 1 - h.start <= 8 {
        (h.start, slip + 1)
    } else {
        (slip, slip + 1)
    };
    Some(doc.finding(
        Key::Choice,
        RedFlag::CoreCompetency.rule(),
        Severity::Warn,
        msg(),
        s,
        a,
        b,
    ))
}

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
            key,
            "choice-no-failure",
            Severity::Problem,
            "Tell a real failure. A denial or a strength dressed up as a weakness is what interviewers hear most, and trust least.",
            s,
            h.start,
            h.end,
        ));
    }
    let risky: Vec<&RedFlagHit> = flags
        .iter()
        .filter(|h| h.flag != RedFlag::BlameShifting)
        .collect();
    for h in &risky {
        findings.extend(h.evidence.iter().take(2).cloned());
    }
    let has_failure = if doc.structured {
        doc.sents.iter().any(|s| s.part == AnswerPart::Failure)
    } else {
        doc.sents.iter().any(|s| {
            matches!(
                s.part,
                AnswerPart::Failure | AnswerPart::Recovery | AnswerPart::Immediate
            ) || s.has(Cat::Failure)
                || s.has(Cat::VagueOutcome)
        })
    };
    let safe_category = matches!(
        doc.category,
        FailureCategory::TechnicalProblem
            | FailureCategory::OutsideShock
            | FailureCategory::RareEvent
            | FailureCategory::OutsideControl
    );
    let cause = story
        .iter()
        .find_map(|s| s.hits_of(Cat::OutsideCause).next().map(|h| (*s, *h)));
    if let Some((s, h)) = cause {
        findings.push(doc.finding(
            key,
            "choice-outside-cause",
            Severity::Info,
            "An outside or unexpected cause: safe material.",
            s,
            h.start,
            h.end,
        ));
    }
    let strong_cause = story.iter().any(|s| strong_outside_hit(doc, s));
    let has_cause = cause.is_some() || (doc.structured && safe_category);
    // A careless slip of the speaker's own fails key 1 even without a red flag, unless a clear
    // outside cause set it off.
    let slip = if strong_cause {
        None
    } else {
        doc.in_parts(&[AnswerPart::Failure, AnswerPart::Context])
            .find_map(|s| speaker_slip(doc, s).map(|k| (s, k)))
    };
    if let Some((s, k)) = slip {
        findings.push(doc.finding(
            key,
            "choice-own-slip",
            Severity::Warn,
            "This reads as a slip of your own. If you can, choose a failure with an outside or unexpected cause; if you keep this one, show the check you added so it cannot happen again.",
            s,
            k,
            k + 1,
        ));
    }
    let met = has_failure && denial.is_none() && risky.is_empty() && has_cause && slip.is_none();
    let status = if denial.is_some() {
        "Missing: no real failure is told.".to_string()
    } else if !has_failure {
        if doc.structured {
            findings.push(missing(
                key,
                "choice-missing",
                Severity::Info,
                "Start with the failure in one sentence: what went wrong, and what caused it.",
            ));
            "Add a one-line summary of the failure.".to_string()
        } else {
            findings.push(missing(
                key,
                "choice-missing",
                Severity::Problem,
                "Say plainly what went wrong: the failure itself, and what caused it.",
            ));
            "Missing: the failure itself is not told.".to_string()
        }
    } else if !risky.is_empty() {
        let labels: Vec<&str> = risky.iter().map(|h| h.flag.label()).collect();
        format!("Risky material: {}.", labels.join(", ").to_lowercase())
    } else if slip.is_some() {
        "Risky material: a slip of your own.".to_string()
    } else if !has_cause {
        findings.push(missing(
            key,
            "choice-no-cause",
            Severity::Warn,
            "Say what caused the failure. An unexpected technical problem, an outside shock or a rare event makes the safest material.",
        ));
        "Say what caused the failure.".to_string()
    } else {
        "Met: the failure has an outside or unexpected cause and raises no red flag.".to_string()
    };
    key_verdict(key, met, status, findings)
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
}
