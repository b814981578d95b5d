//! Finding the five parts in a pasted answer: each sentence is given the part its cues point to,
//! in the order a story is told (scene, failure, recovery, results, lesson, change).

use super::doc::{Doc, Sent};
use super::features::acts::{actions, Actor};
use super::features::cues::{only_weak_lesson, strong_immediate, strong_long_term};
use super::features::outside::strong_outside_hit;
use super::features::slips::speaker_slip;
use super::features::tense::{habitual, tells_new_habit};
use super::lexicon::{lexicon, Cat, List};
use super::read::{add_field, document};
use super::report::{AnswerPart, AnswerSegment, Field};
use crate::FailureCategory;
use crate::{RecoveryStep, Story};

/// Whether a sentence tells a concrete action of the speaker's.
fn speaker_concrete(doc: &Doc, s: &Sent) -> bool {
    actions(doc, s, false)
        .iter()
        .any(|a| a.actor == Actor::Speaker && a.concrete)
}

/// Whether a sentence tells a step of the recovery with its pace or the people it reached ("That
/// day I called the sponsor's monitor ...", "Over the next ten days I worked with the claims team
/// ...", "I phoned all nine patients ..."): the speaker's concrete action, a timing or a contact
/// with everyone affected, and no lasting change (its long-term cues only name a practice in
/// passing, and there is no habit since).
fn paced_step(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    (s.has(Cat::Timing) || s.has(Cat::Forewarn))
        && !s.has(Cat::Change)
        && s.hits_of(Cat::LongTerm).all(|h| {
            let words: Vec<&str> = toks[h.start..h.end]
                .iter()
                .map(|t| t.norm.as_str())
                .collect();
            lexicon().has(List::InStep, &words.join(" "))
        })
        && !tells_new_habit(toks)
        && speaker_concrete(doc, s)
}

/// Whether a sentence opens with the speaker or their team in the past perfect ("We'd signed the
/// lease", "I'd quoted twelve weeks", "we had promised"): the background of the failure, told
/// before it happened, not a step of the recovery.
fn past_perfect_opening(toks: &[super::text::Token]) -> bool {
    let lex = lexicon();
    let Some(i) = toks
        .iter()
        .take(6)
        .position(|t| lex.has(List::PastPerfectSubject, &t.norm))
    else {
        return false;
    };
    let mut rest = toks[i + 1..]
        .iter()
        .map(|t| t.norm.as_str())
        .filter(|w| !lex.has(List::PastPerfectAdverb, w));
    let first = if toks[i].norm.ends_with("'d") {
        rest.next()
    } else {
        match rest.next() {
            Some("had") => rest.next(),
            _ => None,
        }
    };
    first.is_some_and(|w| w.ends_with("ed") || lex.has(List::Participle, w))
}

/// Whether a sentence holds risky material: a clash, a reckless call, dishonesty, a skills gap.
fn risky(s: &Sent) -> bool {
    s.has(Cat::Conflict)
        || s.has(Cat::PoorJudgment)
        || s.has(Cat::Ethics)
        || s.has(Cat::BasicSkills)
}

/// Whether a sentence tells a decision and why it was taken: a call made in spite of something
/// ("anyway", "despite the forecast"), a reckless phrase, or a reason to save time or money ("to
/// save sending a second vehicle").
fn decision(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    s.has(Cat::Defiance)
        || s.has(Cat::PoorJudgment)
        || (s.has(Cat::RiskyDecision) && s.first_person)
        || toks
            .windows(2)
            .any(|w| w[0].norm == "to" && lexicon().has(List::SaveVerb, &w[1].norm))
            && s.first_person
}

/// A region of a structured (STAR) answer, opened by its heading.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Star {
    Situation,
    Failure,
    Action,
    Result,
    Lasting,
    Learning,
}

/// The STAR heading that opens a sentence ("Situation:", "Task:", "Action:", "Result:",
/// "Learning:"), with the byte length of the heading and its colon in the sentence's text.
fn star_heading(text: &str) -> Option<(Star, usize)> {
    // Past list marks and emphasis ("1. ", "- ", "**Result:**").
    let lead = text.len()
        - text
            .trim_start_matches(|c: char| {
                c.is_whitespace()
                    || c.is_ascii_digit()
                    || matches!(c, '.' | ')' | '-' | '*' | '•' | '#' | '_')
            })
            .len();
    let rest = &text[lead..];
    // One to four words before the colon: "Result:", "What I did:", "**Prevention:**".
    let colon_at = rest.find(':')?;
    let head = rest[..colon_at].trim_end_matches(['*', '_', ' ']);
    if head.is_empty()
        || head.split_whitespace().count() > 4
        || !head
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '\'' | '’'))
    {
        return None;
    }
    let word = head
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace('’', "'");
    let after = &rest[colon_at..];
    let lex = lexicon();
    let star = if lex.has(List::SituationHeading, &word) {
        Star::Situation
    } else if lex.has(List::RecoveryHeading, &word) {
        Star::Action
    } else if lex.has(List::ResultHeading, &word) {
        Star::Result
    } else if lex.has(List::LearningHeading, &word) {
        Star::Learning
    } else if lex.has(List::FailureHeading, &word) {
        Star::Failure
    } else if lex.has(List::LastingHeading, &word) {
        Star::Lasting
    } else {
        return None;
    };
    let colon = text.len() - after.len() + 1;
    let body = text[colon..].trim_start_matches(['*', '_']);
    Some((star, text.len() - body.trim_start().len()))
}

/// Whether sentence `i` is only a list mark ("1.", "2)", "-") read as a sentence of its own, with a
/// STAR heading after it ("1. Action: ..."): the mark numbers the heading, not the story.
fn list_mark_before_heading(doc: &Doc, i: usize) -> bool {
    let Some(s) = doc.sents.get(i) else {
        return false;
    };
    let t = doc.text_of(s).trim();
    let mark = !t.is_empty()
        && t.len() <= 4
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ')' | '-' | '*' | '•' | '#'));
    mark && doc
        .sents
        .get(i + 1)
        .is_some_and(|n| star_heading(doc.text_of(n)).is_some())
}

/// The part a sentence takes in a STAR region: the part read from its words when that fits the
/// region (the failure anywhere, a result told among the actions, a lasting change
/// among the results), the region's own part otherwise ("Task: I had to make sure the patients
/// were safe" is the situation, not a win).
fn in_region(region: Star, part: AnswerPart) -> AnswerPart {
    use AnswerPart::*;
    match (region, part) {
        // Real answers tell the failure wherever it fell: under "Action:" as often as under
        // "Situation:", so a sentence read as the failure stays the failure.
        (_, Failure) => part,
        (Star::Situation | Star::Action, Context) => part,
        (Star::Situation, _) => Context,
        (Star::Failure, _) => Failure,
        (Star::Lasting, LongTerm | Change | Lesson) => part,
        (Star::Lasting, _) => LongTerm,
        (Star::Action, Recovery | Immediate) => part,
        (Star::Action, _) => Recovery,
        (Star::Result, Immediate | LongTerm) => part,
        (Star::Result, Lesson | Change) => part,
        (Star::Result, _) => Immediate,
        (Star::Learning, Lesson | Change) => part,
        (Star::Learning, LongTerm) => Change,
        (Star::Learning, _) => Lesson,
    }
}

/// Whether a sentence opens with an "Action:" or "Actions:" heading (a STAR answer's recovery).
/// Not a cue: the heading word is no action of the speaker's.
fn action_heading(doc: &Doc, s: &Sent) -> bool {
    let text = doc.text_of(s).trim_start();
    lexicon().list(List::RecoveryHeading).entries().any(|h| {
        text.get(..h.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(h))
            && text[h.len()..].trim_start().starts_with(':')
    })
}

/// Whether a sentence tells damage: a failure cue, and no action of the speaker's or the team's.
fn tells_damage(doc: &Doc, s: &Sent) -> bool {
    (s.has(Cat::Failure) || s.has(Cat::VagueOutcome))
        && !s.has(Cat::Immediate)
        && !actions(doc, s, false)
            .iter()
            .any(|a| matches!(a.actor, Actor::Speaker | Actor::We))
}

fn decide(
    doc: &Doc,
    s: &Sent,
    index: usize,
    seen_failure: bool,
    seen_recovery: bool,
    prev: Option<AnswerPart>,
    next: Option<&Sent>,
) -> AnswerPart {
    let failure = s.has(Cat::Failure)
        || s.has(Cat::VagueOutcome)
        || s.has(Cat::Denial)
        || (!seen_failure && strong_outside_hit(doc, s))
        // "I hadn't worked through the risk score", "I missed a duplicate payment".
        || (!seen_failure && speaker_slip(doc, s).is_some())
        // A clash, a reckless call or a dishonest act is the failure itself.
        || (!seen_failure && risky(s));
    let late = seen_recovery
        || matches!(
            prev,
            Some(AnswerPart::LongTerm | AnswerPart::Lesson | AnswerPart::Change)
        );
    if s.has(Cat::Lesson) && (late || !only_weak_lesson(doc, s)) {
        return AnswerPart::Lesson;
    }
    // After the lesson, the speaker's habit told in the present tense is the change ("I work from
    // the bookings sheet every day", "Now, if a figure isn't ready, I say so").
    if matches!(prev, Some(AnswerPart::Lesson | AnswerPart::Change)) && habitual(doc, s) {
        return AnswerPart::Change;
    }
    // A fix told with its pace before any failure word, after a story told without one ("I called
    // the client the same afternoon, owned the error and sent a corrected file within 24 hours").
    if !seen_failure
        && index >= 2
        && s.has(Cat::Timing)
        && (strong_immediate(doc, s) || s.has(Cat::Remedy))
        && !risky(s)
        // Its failure words only name what was put right ("owned the error", "fixed the mistake")
        // or the effort it took ("stayed late").
        && s.hits_of(Cat::Failure).all(|h| {
            h.start > 0
                // "stayed late", "worked late": effort, not the failure.
                && lexicon().has(List::PutRight, &doc.toks(s)[h.start - 1].norm)
        })
        && speaker_concrete(doc, s)
    {
        return AnswerPart::Recovery;
    }
    if !seen_failure && failure {
        return AnswerPart::Failure;
    }
    // "Action: ..." after the failure is told: the heading names the recovery, whatever failure
    // words the sentence repeats ("Action: the morning the news broke, I ...").
    if seen_failure && action_heading(doc, s) {
        return AnswerPart::Recovery;
    }
    let acts = actions(doc, s, false);
    let speaker = acts.iter().any(|a| a.actor == Actor::Speaker);
    let we = acts.iter().any(|a| a.actor == Actor::We);
    let immediate = strong_immediate(doc, s);
    // A recovery told before any failure word: "I rang my manager at seven".
    let seen_failure = seen_failure
        || (index >= 2
            && speaker
            && (s.has(Cat::Timing) || s.has(Cat::Sequence))
            && acts.iter().any(|a| a.concrete));
    if seen_failure && s.first_person && s.has(Cat::Change) {
        let toks = doc.toks(s);
        // A habit: present tense or "now", not a past action.
        let present = s.hits_of(Cat::Change).any(|h| {
            // "Now I had four hours to ...": "now" in the narrative, not a habit.
            let narrative = toks
                .get(h.end)
                .is_some_and(|t| lexicon().has(List::NarrativeAfterChange, &t.norm));
            !narrative
                && (toks[h.start..h.end]
                    .iter()
                    .any(|t| lexicon().has(List::HabitInChange, &t.norm))
                    || toks
                        .get(h.end.saturating_sub(1))
                        .is_some_and(|t| !t.norm.ends_with("ed")))
        });
        if present {
            return AnswerPart::Change;
        }
    }
    // After the lesson, the speaker's own lasting practice is the change.
    if matches!(prev, Some(AnswerPart::Lesson | AnswerPart::Change))
        && s.first_person
        && (s.has(Cat::Change) || s.has(Cat::LongTerm))
    {
        return AnswerPart::Change;
    }
    if seen_failure && strong_long_term(doc, s) && !paced_step(doc, s) {
        return AnswerPart::LongTerm;
    }
    // Another failure sentence, told before any recovery and without the pace of one.
    if failure && !seen_recovery && !s.has(Cat::Timing) && !s.has(Cat::Sequence) && !immediate {
        return AnswerPart::Failure;
    }
    // A decision told before the damage it did is its cause, not the recovery: "I made the call to
    // pour anyway. The surface froze ...".
    if !seen_recovery && decision(doc, s) && next.is_some_and(|n| tells_damage(doc, n)) {
        return AnswerPart::Failure;
    }
    // Background in the past perfect before any recovery: "We'd quoted twelve weeks".
    if !seen_recovery
        && !immediate
        && !s.has(Cat::Remedy)
        && !s.has(Cat::Timing)
        && !s.has(Cat::Forewarn)
        && past_perfect_opening(doc.toks(s))
    {
        return if failure {
            AnswerPart::Failure
        } else {
            AnswerPart::Context
        };
    }
    if seen_failure && (speaker || we || (s.first_person && s.has(Cat::Apology))) {
        return if immediate && !speaker {
            AnswerPart::Immediate
        } else {
            AnswerPart::Recovery
        };
    }
    if seen_failure && immediate && !failure {
        return AnswerPart::Immediate;
    }
    if failure && !seen_recovery {
        return AnswerPart::Failure;
    }
    // A long-term cue too common to place a sentence on its own ("cut", "schedule", "reduced")
    // places it only beside a practice that holds now or comes round again.
    if seen_failure
        && (strong_long_term(doc, s)
            || (s.has(Cat::LongTerm) && {
                let toks = doc.toks(s);
                super::features::tense::recurring(toks)
                    || super::features::tense::holds_now(toks).is_some()
            }))
    {
        return AnswerPart::LongTerm;
    }
    if !seen_failure && (s.has(Cat::Context) || !s.figures.is_empty()) {
        return AnswerPart::Context;
    }
    match prev {
        None => AnswerPart::Context,
        Some(_) if doc.toks(s).len() < 3 => AnswerPart::Other,
        Some(p) => p,
    }
}

/// Categories that tell nothing about the part a sentence tells (style only).
fn style_only(cat: Cat) -> bool {
    matches!(
        cat,
        Cat::Hedge
            | Cat::Filler
            | Cat::Weasel
            | Cat::VagueQuantity
            // Words the poor-judgment rule reads only beside a risky call.
            | Cat::Mitigation
            | Cat::CautiousAct
            | Cat::Commitment
            | Cat::Instructed
            | Cat::Reasonable
            | Cat::OwnTime
    )
}

/// The content words of a sentence, crudely stemmed, for telling whether two sentences share a
/// topic.
fn content_words<'t>(doc: &'t Doc, s: &Sent) -> impl Iterator<Item = &'t str> + 't {
    let stop = lexicon().list(List::FunctionWord);
    doc.toks(s)
        .iter()
        .map(|t| t.norm.as_str())
        .filter(move |w| w.chars().count() >= 3 && !stop.has(w))
        .map(|w| w.strip_suffix('s').unwrap_or(w))
}

/// Whether the last sentence of an answer tells no part of the story: no cue of any part, no
/// figure, nobody of the story ("I", "we", "they"), no word pointing back, and no content word
/// shared with the sentence before it ("My favourite colour is teal."). Such a sentence fits no
/// part; inside the answer a sentence without cues carries on the part before it, but the last
/// one has nothing to carry on, so it is not absorbed just because it comes last.
fn off_topic(doc: &Doc, s: &Sent, before: Option<&Sent>) -> bool {
    if !s.figures.is_empty() || s.hits.iter().any(|h| !h.negated && !style_only(h.cat)) {
        return false;
    }
    let toks = doc.toks(s);
    if toks.len() < 3 || toks.iter().any(|t| lexicon().has(List::TiesBack, &t.norm)) {
        return false;
    }
    let Some(b) = before else {
        return false;
    };
    let mine: Vec<&str> = content_words(doc, s).collect();
    !content_words(doc, b).any(|w| mine.contains(&w))
}

/// Gives each sentence of a pasted answer its part.
pub(crate) fn classify(doc: &mut Doc) {
    let mut parts = Vec::with_capacity(doc.sents.len());
    let mut seen_failure = false;
    let mut seen_recovery = false;
    let mut prev = None;
    for (i, s) in doc.sents.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| doc.sents.get(j));
        if prev.is_some() && i + 1 == doc.sents.len() && off_topic(doc, s, before) {
            parts.push(AnswerPart::Other);
            continue;
        }
        let part = decide(
            doc,
            s,
            i,
            seen_failure,
            seen_recovery,
            prev,
            doc.sents.get(i + 1),
        );
        // Before anything was done about it, an outside party's doing is the cause, not a lasting
        // change: "our vendor switched its timestamps to UTC in a routine release".
        let part = match part {
            AnswerPart::LongTerm | AnswerPart::Change
                if !seen_recovery
                    && (s.has(Cat::OutsideCause)
                        || super::features::outside::breakdown_cause(doc, s).is_some()) =>
            {
                AnswerPart::Context
            }
            // A new habit of the speaker's is how they work now, wherever it is told ("The short
            // version: ..., and I now put data checks in front of every model I ship").
            AnswerPart::Context
                if super::features::tense::tells_new_habit(doc.toks(s))
                    && !super::features::tense::tells_past(doc.toks(s), false) =>
            {
                AnswerPart::Change
            }
            other => other,
        };
        match part {
            AnswerPart::Failure => seen_failure = true,
            AnswerPart::Recovery | AnswerPart::Immediate => {
                seen_failure = true;
                seen_recovery = true;
            }
            // A lesson-first answer opens with the lesson: the story is still to come.
            AnswerPart::Lesson | AnswerPart::Change if !seen_failure && i <= 1 => {}
            AnswerPart::LongTerm | AnswerPart::Lesson | AnswerPart::Change => seen_failure = true,
            _ => {}
        }
        parts.push(part);
        prev = Some(part);
    }
    // A structured answer's headings place what follows them, up to the next heading.
    let mut region = None;
    for (i, s) in doc.sents.iter().enumerate() {
        if let Some((star, _)) = star_heading(doc.text_of(s)) {
            region = Some(star);
        }
        if let (Some(r), Some(p)) = (region, parts.get_mut(i)) {
            *p = in_region(r, *p);
        }
    }
    for (s, p) in doc.sents.iter_mut().zip(parts) {
        s.part = p;
    }
}

/// Runs of consecutive sentences with the same part.
pub(crate) fn segments(doc: &Doc) -> Vec<AnswerSegment> {
    let text = doc.fields.first().map_or("", |f| f.text);
    let mut out: Vec<AnswerSegment> = Vec::new();
    for s in &doc.sents {
        match out.last_mut() {
            Some(last) if last.part == s.part => last.end = s.end,
            _ => out.push(AnswerSegment {
                part: s.part,
                start: s.start,
                end: s.end,
                text: String::new(),
            }),
        }
    }
    for seg in &mut out {
        seg.text = text.get(seg.start..seg.end).unwrap_or("").to_string();
    }
    out
}

/// The document of a pasted answer for the target role as typed, split into parts.
pub(crate) fn answer_doc<'a>(text: &'a str, role: Option<&str>) -> Doc<'a> {
    let mut doc = document(role, false, FailureCategory::Unset);
    add_field(&mut doc, Field::Answer, text, AnswerPart::Other);
    classify(&mut doc);
    doc
}

/// Each sentence of an answer with its part and its cues, one a line (see `explain_answer`).
pub(crate) fn explain(text: &str) -> String {
    use std::fmt::Write;
    let doc = answer_doc(text, None);
    let mut out = String::new();
    for s in &doc.sents {
        let toks = doc.toks(s);
        let cues: Vec<String> = s
            .hits
            .iter()
            .map(|h| {
                let words: Vec<&str> = toks[h.start..h.end]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect();
                let not = if h.negated { "!" } else { "" };
                format!("{not}{:?}({})", h.cat, words.join(" "))
            })
            .collect();
        let _ = writeln!(
            out,
            "{:?}\t{}\t[{}]",
            s.part,
            doc.text_of(s).trim(),
            cues.join(", ")
        );
    }
    out
}

/// Splits a pasted answer into runs of sentences that tell the same part.
pub(crate) fn split_answer(text: &str) -> Vec<AnswerSegment> {
    segments(&answer_doc(text, None))
}

/// Where a sentence of a pasted answer went in the story made from it: `len` bytes at `at` in
/// `field`, taken from byte `from` of the answer.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Placed {
    pub field: Field,
    pub at: usize,
    pub from: usize,
    pub len: usize,
}

/// A story being filled from a pasted answer, with where each sentence went.
struct Filling<'t> {
    text: &'t str,
    story: Story,
    placed: Vec<Placed>,
}

impl Filling<'_> {
    /// Adds sentence `t` (a slice of the answer) to `field`, after a space; a step field opens a
    /// new step.
    fn put(&mut self, field: Field, t: &str) {
        let from = (t.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        let (field, at) = if matches!(field, Field::StepAction(_)) {
            self.story.steps.push(RecoveryStep {
                action: t.to_string(),
                ..RecoveryStep::default()
            });
            (Field::StepAction(self.story.steps.len() - 1), 0)
        } else {
            let Some(f) = self.story.get_mut(field) else {
                return;
            };
            if !f.is_empty() {
                f.push(' ');
            }
            let at = f.len();
            f.push_str(t);
            (field, at)
        };
        self.placed.push(Placed {
            field,
            at,
            from,
            len: t.len(),
        });
    }
}

/// A story whose fields hold the sentences of each part; nothing is dropped.
pub(crate) fn story_from_answer(text: &str, role: Option<&str>) -> Story {
    story_from_doc(&answer_doc(text, None), text, role).0
}

/// The story made from a pasted answer's document (`text` is the answer it was read from), and
/// where each of its sentences went.
pub(crate) fn story_from_doc(doc: &Doc, text: &str, role: Option<&str>) -> (Story, Vec<Placed>) {
    let mut fill = Filling {
        text,
        story: Story {
            target_role: role.unwrap_or("").trim().to_string(),
            ..Story::default()
        },
        placed: Vec::new(),
    };
    // The one-line failure is the sentence that tells what went wrong: when no sentence was read as
    // the failure itself, the first that tells a failure or a breakdown (often in the situation).
    let no_failure = !doc.sents.iter().any(|s| s.part == AnswerPart::Failure);
    let summary_at = no_failure
        .then(|| {
            // The failure told before the recovery, in the situation or as the lesson's opening
            // ("A failure I learned a lot from happened when ..."); a failure word in the recovery
            // is what was put right ("owned the mistake").
            let told = |s: &Sent| {
                matches!(
                    s.part,
                    AnswerPart::Context | AnswerPart::Other | AnswerPart::Lesson
                )
            };
            let placed = |s: &Sent| matches!(s.part, AnswerPart::Context | AnswerPart::Other);
            doc.sents
                .iter()
                .position(|s| told(s) && (s.has(Cat::Failure) || s.has(Cat::VagueOutcome)))
                .or_else(|| {
                    doc.sents.iter().position(|s| {
                        placed(s)
                            && (s.has(Cat::OutsideCause)
                                || super::features::outside::breakdown_cause(doc, s).is_some())
                    })
                })
                // Told in no words of failure: the situation's last sentence before the
                // recovery, where what went wrong is told ("demand jumped past 31,000 and we were
                // turning away 40% of orders").
                .or_else(|| {
                    let first = doc.sents.iter().position(|s| {
                        matches!(s.part, AnswerPart::Recovery | AnswerPart::Immediate)
                    })?;
                    (0..first)
                        .rev()
                        .find(|&i| doc.sents[i].part == AnswerPart::Context)
                })
        })
        .flatten();
    // With no recovery told in its own sentences, what was done at once is the recovery: its
    // actions are steps ("we rebuilt the image through the pipeline").
    let no_recovery = !doc.sents.iter().any(|s| s.part == AnswerPart::Recovery);
    let acted = |s: &Sent| {
        super::features::acts::actions(doc, s, false)
            .iter()
            .any(|a| a.actor != super::features::acts::Actor::Other)
    };
    let mut region = None;
    for (i, s) in doc.sents.iter().enumerate() {
        // A STAR heading names the field; it is no part of the story's words.
        let full = doc.text_of(s);
        let heading = star_heading(full);
        if let Some((star, _)) = heading {
            region = Some(star);
        }
        let t = heading.map_or(full, |(_, at)| &full[at..]);
        if t.trim().is_empty() || list_mark_before_heading(doc, i) {
            continue;
        }
        if Some(i) == summary_at {
            fill.put(Field::Summary, t);
            continue;
        }
        match s.part {
            // The one-line failure is one line: the rest of a "Situation:" or "Task:" section
            // sets the stage.
            AnswerPart::Failure
                if region == Some(Star::Situation) && !fill.story.summary.trim().is_empty() =>
            {
                fill.put(Field::Context, t)
            }
            AnswerPart::Failure => fill.put(Field::Summary, t),
            AnswerPart::Context => fill.put(Field::Context, t),
            AnswerPart::Recovery => fill.put(Field::StepAction(0), t),
            AnswerPart::Immediate if no_recovery && acted(s) => fill.put(Field::StepAction(0), t),
            AnswerPart::Immediate => fill.put(Field::ImmediateWin, t),
            AnswerPart::LongTerm => fill.put(Field::LongTermGain, t),
            AnswerPart::Lesson => fill.put(Field::Lesson, t),
            AnswerPart::Change => fill.put(Field::Change, t),
            AnswerPart::Other => fill.put(Field::Unsorted, t),
        }
    }
    (fill.story, fill.placed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANSWER: &str = "I was the lead engineer on a team of six running a payments service with 40,000 orders a day. \
One Friday an unexpected certificate expiry at our provider took checkout down for 45 minutes. \
I rolled back to the backup certificate within 10 minutes and called the provider's on-call engineer. \
By noon every order was back and we had refunded the 120 customers who were charged twice. \
Since then we run an automatic expiry check every week. \
I learned that anything with an expiry date needs an owner and an alarm. \
Now I add every certificate to our monitoring the day it is issued.";

    #[test]
    fn parts_in_order() {
        let parts: Vec<AnswerPart> = split_answer(ANSWER).into_iter().map(|s| s.part).collect();
        assert_eq!(
            parts,
            [
                AnswerPart::Context,
                AnswerPart::Failure,
                AnswerPart::Recovery,
                AnswerPart::Immediate,
                AnswerPart::LongTerm,
                AnswerPart::Lesson,
                AnswerPart::Change
            ],
            "{:#?}",
            split_answer(ANSWER)
        );
    }

    #[test]
    fn story_keeps_every_sentence() {
        let story = story_from_answer(ANSWER, Some("Backend developer"));
        assert!(story.summary.contains("certificate expiry"));
        assert_eq!(story.steps.len(), 1);
        assert!(story.immediate_win.starts_with("By noon"));
        assert!(story.lesson.starts_with("I learned"));
        assert!(story.change.starts_with("Now I"));
        assert_eq!(story.target_role, "Backend developer");
    }

    #[test]
    fn a_stray_last_sentence_fits_no_part() {
        let text = format!("{ANSWER} My favourite colour is teal.");
        let segs = split_answer(&text);
        let last = segs.last().expect("segments");
        assert_eq!(last.part, AnswerPart::Other, "{segs:#?}");
        assert_eq!(last.text, "My favourite colour is teal.");
        // Nothing is lost: the stray sentence goes to the unsorted field.
        let story = story_from_answer(&text, None);
        assert_eq!(story.unsorted, "My favourite colour is teal.");
        assert!(story.change.starts_with("Now I"));
    }

    #[test]
    fn a_last_sentence_tied_to_the_story_keeps_its_part() {
        // It points back ("That") and shares the story's words: still the change.
        let text = format!("{ANSWER} That monitoring has caught two expiring certificates since.");
        let parts: Vec<AnswerPart> = split_answer(&text).into_iter().map(|s| s.part).collect();
        assert_ne!(parts.last(), Some(&AnswerPart::Other), "{parts:?}");
    }
}
