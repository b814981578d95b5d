//! A core task of the role done badly, left undone or lapsed, told without a slip word bound to
//! it: a step the speaker left undone ("I didn't check the log"), a task that lapsed ("the night
//! checks slipped"), a core failure told with "we" ("we over-ordered").

use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::features::slips::{
    aside, is_check, is_generic_slip, is_people, is_slip, steps_left_undone,
};
use crate::analyzer::features::subject::{same_clause, speakers_part, third_party};
use crate::analyzer::lexicon::{lexicon, List};
use crate::analyzer::report::AnswerPart;

/// A core task of the role that the speaker did badly or left half done, by meaning rather than
/// by a slip word bound to it: a step of the work left undone ("I didn't check", "without
/// logging", "I skipped", "I assumed": `steps_left_undone`) or a slip of the speaker's that says
/// what went wrong ("misread", "the wrong file"), in the same sentence as a core skill that the
/// step is about ("I didn't do a strand test"), as the core error it let through ("..., and
/// fourteen people were overpaid"), or after the core task the speaker was doing ("I was running
/// the monthly payroll and uploaded the wrong file", "I'd built the estimate on the templates and
/// didn't dig into the integrations").
/// Only where the failure is told (not the recovery), and never a step someone else left undone.
/// When an outside cause is told in the story, only a step the speaker left undone on the core
/// task itself counts ("the fridge had failed, but I didn't check the temperature log"): the
/// role's own core check is never an outside cause, but a slip merely beside one may be.
pub(super) fn own_core_task(
    doc: &Doc,
    s: &Sent,
    hits: &[crate::analyzer::lexicon::Hit<bool>],
    excused: bool,
) -> Option<(usize, usize)> {
    if !matches!(
        s.part,
        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
    ) {
        return None;
    }
    let toks = doc.toks(s);
    // "Since then I never hand over without reading the chart": the new habit, not the failure.
    if tells_habit(toks) {
        return None;
    }
    let skills: Vec<_> = hits.iter().filter(|h| !h.tag).collect();
    // The step left undone, then the core error it let through in the same sentence: "I didn't
    // spot-check the output, and fourteen people were overpaid".
    let undone = steps_left_undone(toks);
    if let Some(&u) = undone.first() {
        let outcome = hits.iter().find(|h| {
            h.tag
                && h.start > u
                && !toks[h.start.saturating_sub(2)..h.start]
                    .iter()
                    .any(|p| crate::analyzer::features::negation::is_negator(&p.norm))
        });
        if let Some(h) = outcome {
            return Some((u, h.end));
        }
    }
    // The step left undone is about the core task: "didn't check the dose", "without logging the
    // temperature", "the handover notes I never read".
    let lex = lexicon();
    for &u in &undone {
        // "I assumed the client was happy": an assumption about a person, not a check left out.
        let assumption = lex.has(List::Assumption, &toks[u].norm);
        for h in skills
            .iter()
            .filter(|h| !(assumption && toks[h.start..h.end].iter().any(|t| is_people(&t.norm))))
        {
            // The core skill is what the step was about: not a time or a reason beside it ("I
            // never took a lunch break during the year-end close"), nor a word that only describes
            // that thing ("the email about the exam hall": a preposition other than a verb's own
            // particle, "look at", "dig into").
            let modifier = toks[u..h.start.max(u)]
                .iter()
                .any(|t| lex.has(List::Modifier, &t.norm));
            let object = h.start >= u
                && h.start - u <= 6
                && same_clause(toks, u, h.start)
                && !modifier
                && !toks[u..h.start]
                    .iter()
                    .any(|t| lex.has(List::StepBreak, &t.norm) || aside(&t.norm));
            // "the handover notes I never read": the skill, then only the speaker and the negation.
            let fronted = h.end <= u
                && u - h.end <= 3
                && toks[h.end..u]
                    .iter()
                    .all(|t| lex.has(List::FrontedOmission, &t.norm));
            let about = object
                || fronted
                // The check left out, then the core task done anyway: "I didn't check the log
                // before I started, and I gave nine patients their vaccine".
                || (h.start > u
                    && !assumption
                    && toks[u..(u + 5).min(toks.len())]
                        .iter()
                        .any(|t| is_check(&t.norm))
                    // A second act of the speaker's: "..., and I gave nine patients their vaccine".
                    && toks[u..h.start].windows(2).any(|p| {
                        lex.has(List::SecondActJoin, &p[0].norm)
                            && lex.has(List::SecondActSubject, &p[1].norm)
                    })
                    && speakers_task(toks, h.start));
            if about {
                return Some((u.min(h.start), (u + 1).max(h.end)));
            }
        }
    }
    if excused {
        return None;
    }
    // The speaker's own step left undone or slip, in a sentence where the speaker was doing a
    // core task: "I was doing the payroll ... and I uploaded the file for the wrong month".
    // Slips that say what went wrong in the work ("misread", "the wrong file"), not a verdict on
    // it ("I felt I'd failed", "my mistake was ...").
    let done_wrong = toks.iter().enumerate().find_map(|(k, t)| {
        let w = t.norm.as_str();
        let telling = lexicon().has(List::Wrong, w) || (is_slip(w) && !is_generic_slip(w));
        let negated = toks[k.saturating_sub(2)..k]
            .iter()
            .any(|p| crate::analyzer::features::negation::is_negator(&p.norm));
        (telling && !negated && speakers_part(toks, k)).then_some(k)
    });
    let slip = undone.first().copied().or(done_wrong)?;
    // The core task is a thing done ("the payroll", "the estimate"), not the people it is for,
    // unless what was left undone is a check ("I gave a patient his insulin without checking his
    // blood sugar").
    let check_left = undone.first().is_some_and(|&u| {
        toks[u..(u + 1).min(toks.len())]
            .iter()
            .any(|t| is_check(&t.norm))
    });
    skills
        .iter()
        .filter(|h| check_left || !toks[h.start..h.end].iter().any(|t| is_people(&t.norm)))
        // The slip comes in the task ("I was running the payroll and uploaded the wrong file"),
        // not before it as something given up for it ("I skipped the social to finish the pack").
        .find(|h| h.start < slip && speakers_task(toks, h.start))
        .map(|h| (h.start, slip + 1))
}

/// Whether the core skill at `k` is what the speaker was doing: the speaker ("I", "my") comes
/// before it in its clause with no time, reason or contrast between ("I was running the payroll",
/// "I'd built the estimate"; not "I never took a break during the year-end close").
fn speakers_task(toks: &[crate::analyzer::text::Token], k: usize) -> bool {
    if !speakers_part(toks, k) || third_party(toks, k) {
        return false;
    }
    let from = k.saturating_sub(14);
    let me = (from..k)
        .rev()
        .find(|&i| lexicon().has(List::SpeakerTask, &toks[i].norm));
    me.is_some_and(|i| !toks[i..k].iter().any(|t| aside(&t.norm)))
}

/// A core task of the role told as having lapsed, with the task as its subject and nobody else
/// named ("the night checks slipped", "the fridge log went undone for a week"): in the speaker's
/// own failure story, with no outside cause told, the task was theirs. Not a date or a whole piece
/// of work whose slipping is a delay with many causes ("the launch slipped"), not the people the
/// role serves, and not in the new habit.
pub(super) fn lapsed_core_task(
    doc: &Doc,
    s: &Sent,
    hits: &[crate::analyzer::lexicon::Hit<bool>],
) -> Option<(usize, usize)> {
    let toks = failure_told(doc, s)?;
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    hits.iter().filter(|h| !h.tag).find_map(|h| {
        let task = toks[h.start..h.end]
            .iter()
            .all(|t| !is_people(&t.norm) && !lexicon().has(List::NotLapse, &t.norm));
        if !task || third_party(toks, h.start) {
            return None;
        }
        let aux = |v: &str| lexicon().has(List::LapseAux, v);
        // "the calibration of the centrifuge had been skipped": a short "of" phrase first.
        let mut k = h.end;
        if w(k) == "of" {
            k = (k + 1..(k + 5).min(toks.len()))
                .find(|&i| aux(w(i)) || lexicon().has(List::Lapse, w(i)))
                .unwrap_or(k);
        }
        let from = k;
        while k < from + 2 && aux(w(k)) {
            k += 1;
        }
        (lexicon().has(List::Lapse, w(k))
            && !crate::analyzer::features::negation::is_negator(w(h.start.wrapping_sub(1))))
        .then_some((h.start, k + 1))
    })
}

/// A core failure told with "we": the speaker's team, the speaker among them, left the role's
/// core step undone ("we hadn't tested the restore", "we skipped the site survey") or made the
/// role's core error ("we over-ordered"). The speaker tells their own story, so a "we" of theirs
/// includes them; only with no outside cause told, only where the failure is told, never in the
/// new habit, and the core skill must be what the step was about (its object, close after it).
pub(super) fn team_core_failure(
    doc: &Doc,
    s: &Sent,
    hits: &[crate::analyzer::lexicon::Hit<bool>],
) -> Option<(usize, usize)> {
    let toks = failure_told(doc, s)?;
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let lex = lexicon();
    let we = |i: usize| lex.has(List::WeSubject, w(i));
    // "we over-ordered": the core error right after "we" (past an adverb).
    let error = hits.iter().find(|h| {
        h.tag
            && h.start >= 1
            && (we(h.start - 1)
                || (h.start >= 2 && we(h.start - 2) && lex.has(List::WeAdverb, w(h.start - 1))))
    });
    if let Some(h) = error {
        return Some((h.start - 1, h.end));
    }
    for k in 1..toks.len() {
        let step = match w(k) {
            v if lex.has(List::WeOmission, v) => we(k - 1),
            "not" => k >= 2 && lex.has(List::AuxBeforeNot, w(k - 1)) && we(k - 2),
            _ => false,
        };
        if !step {
            continue;
        }
        let found = hits.iter().find(|h| {
            !h.tag
                && h.start > k
                && h.start - k <= 6
                && same_clause(toks, k, h.start)
                && !toks[h.start..h.end].iter().any(|t| is_people(&t.norm))
                && !toks[k + 1..h.start]
                    .iter()
                    .any(|t| aside(&t.norm) || lex.has(List::WeStepGap, &t.norm))
        });
        if let Some(h) = found {
            return Some((k - 1, h.end));
        }
    }
    None
}

/// The tokens of a sentence that tells the failure or its context, not a new habit; `None` for
/// any other sentence.
fn failure_told<'a>(doc: &'a Doc, s: &Sent) -> Option<&'a [crate::analyzer::text::Token]> {
    if !matches!(s.part, AnswerPart::Failure | AnswerPart::Context) {
        return None;
    }
    let toks = doc.toks(s);
    (!tells_habit(toks)).then_some(toks)
}

/// Whether a sentence tells the new habit ("since then", "now", "whenever"), not the failure.
pub(super) fn tells_habit(toks: &[crate::analyzer::text::Token]) -> bool {
    let habit = lexicon().list(List::HabitMarker);
    toks.windows(2)
        .any(|p| habit.has_pair(&p[0].norm, &p[1].norm))
        || toks.iter().any(|t| habit.has(&t.norm))
}
