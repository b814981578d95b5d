//! The engine: reads the text into a [`Doc`], has its parts found, runs the verdicts and the red
//! flags, and assembles the report.

use super::doc::Doc;
use super::read::{add_field, document};
use super::report::{AnswerPart, AnswerSegment, Field, Finding, Report, Span};
use super::rules::{RedFlag, Severity};
use super::text::Utf16Index;
use super::{growth, interviewer, jobfit, numbers, prose, recovery, redflags, results, split};
use crate::jobad::JobAd;
use crate::Story;

/// Analyses a story from the wizard.
pub(crate) fn analyze_story(story: &Story) -> Report {
    story_report(story, true)
}

/// The report on a story: a draft in the wizard, or a whole answer made into one (`draft` false:
/// what is missing reads as a problem, with the same verdicts).
fn story_report(story: &Story, draft: bool) -> Report {
    let ad = jobfit::read_ad(&story.job_ad);
    // With no role typed, the ad's title names it when the role table knows it.
    let ad_role = ad
        .as_ref()
        .and_then(|a| a.title.as_ref())
        .and_then(|t| t.role);
    let role = Some(story.target_role.as_str())
        .filter(|r| !r.trim().is_empty())
        .or(ad_role);
    let mut doc = document(role, draft, story.category);
    add_field(
        &mut doc,
        Field::Summary,
        &story.summary,
        AnswerPart::Failure,
    );
    add_field(
        &mut doc,
        Field::Context,
        &story.context,
        AnswerPart::Context,
    );
    for (i, step) in story.steps.iter().enumerate() {
        add_field(
            &mut doc,
            Field::StepAction(i),
            &step.action,
            AnswerPart::Recovery,
        );
        add_field(&mut doc, Field::StepWho(i), &step.who, AnswerPart::Recovery);
        add_field(
            &mut doc,
            Field::StepWhen(i),
            &step.when,
            AnswerPart::Recovery,
        );
    }
    add_field(
        &mut doc,
        Field::ImmediateWin,
        &story.immediate_win,
        AnswerPart::Immediate,
    );
    add_field(
        &mut doc,
        Field::LongTermGain,
        &story.long_term_gain,
        AnswerPart::LongTerm,
    );
    add_field(&mut doc, Field::Lesson, &story.lesson, AnswerPart::Lesson);
    add_field(&mut doc, Field::Change, &story.change, AnswerPart::Change);
    add_field(
        &mut doc,
        Field::Unsorted,
        &story.unsorted,
        AnswerPart::Other,
    );
    let mut report = build(&doc, Vec::new(), ad.as_deref());
    apply_dismissals(&mut report, &story.dismissed);
    report
}

/// Analyses a whole pasted answer: as the story made from it, so that the Paste page and that
/// story give one verdict for one text. The parts shown are the answer's, in its own order, and
/// every quote points into the answer.
pub(crate) fn analyze_answer(text: &str, role: Option<&str>, ad: &str) -> Report {
    let doc = split::answer_doc(text, None);
    let (mut story, placed) = split::story_from_doc(&doc, text, role);
    story.job_ad = ad.to_string();
    let mut report = story_report(&story, false);
    report.segments = split::segments(&doc);
    let index = Utf16Index::new(text);
    let back = |span: &mut Option<Span>| {
        *span = span.as_ref().and_then(|sp| {
            let p = placed
                .iter()
                .find(|p| p.field == sp.field && p.at <= sp.start && sp.end <= p.at + p.len)?;
            let (start, end) = (p.from + sp.start - p.at, p.from + sp.end - p.at);
            Some(Span {
                field: Field::Answer,
                start,
                end,
                utf16_start: index.utf16(text, start),
                utf16_end: index.utf16(text, end),
            })
        });
    };
    let findings = report
        .keys
        .iter_mut()
        .flat_map(|k| k.findings.iter_mut())
        .chain(report.prose.iter_mut())
        .chain(
            report
                .red_flags
                .iter_mut()
                .flat_map(|h| h.evidence.iter_mut()),
        );
    for f in findings {
        back(&mut f.span);
    }
    if let Some(fit) = report.job_fit.as_mut() {
        for link in fit.failure.iter_mut().chain(fit.shown.iter_mut()) {
            back(&mut link.span);
        }
    }
    report
}

fn build(doc: &Doc, segments: Vec<AnswerSegment>, ad: Option<&JobAd>) -> Report {
    let mut flags = redflags::red_flags(doc);
    let job_fit = ad.map(|ad| jobfit::fit(doc, ad, redflags::strong_outside_cause(doc)));
    if let Some(fit) = &job_fit {
        jobfit::flag(&mut flags, fit);
    }
    let choice = redflags::choice_verdict(doc, &flags);
    let numbers = numbers::verdict(doc);
    let turnaround = recovery::verdict(doc);
    let improvement = results::verdict(doc);
    let growth = growth::verdict(doc);
    let mut keys = vec![choice, numbers, turnaround, improvement, growth];
    // Evidence is a claim's proof: the clause that carries it (the action with its actor, the
    // figure with what it measures), never a lone cue word.
    for k in &mut keys {
        for f in &mut k.findings {
            if f.is_evidence() {
                *f = doc.as_clause(f.clone());
            }
        }
        // Two figures in one clause are one piece of evidence.
        let mut seen: Vec<(String, String)> = Vec::new();
        k.findings.retain(|f| {
            if !f.is_evidence() {
                return true;
            }
            let id = (f.rule.clone(), f.quote.clone());
            let fresh = !seen.contains(&id);
            seen.push(id);
            fresh
        });
    }
    let prose = prose::findings(doc);
    let words: usize = doc.fields.iter().map(|f| f.tokens.len()).sum();
    let sentences = doc.sents.len();
    let mut report = Report {
        keys,
        red_flags: flags,
        prose,
        interviewer_view: Vec::new(),
        follow_ups: Vec::new(),
        words,
        sentences,
        speaking_seconds_min: seconds(words, 160),
        speaking_seconds_max: seconds(words, 130),
        matched_role: doc.role.map(|r| r.name.to_string()),
        segments,
        job_fit,
    };
    report.interviewer_view = interviewer::signals(doc, &report);
    report.follow_ups = interviewer::follow_ups(&report);
    if let Some(fit) = &report.job_fit {
        // The ad's questions first: they are this employer's.
        let mut asked = jobfit::questions(fit);
        let general = RedFlag::CoreCompetency.question();
        asked.extend(
            std::mem::take(&mut report.follow_ups)
                .into_iter()
                .filter(|q| fit.failure.is_empty() || fit.outside_cause || q != general),
        );
        asked.dedup();
        asked.truncate(3);
        report.follow_ups = asked;
    }
    report
}

fn seconds(words: usize, per_minute: usize) -> u32 {
    u32::try_from((words * 60).div_ceil(per_minute)).unwrap_or(u32::MAX)
}

/// Drops warn and info findings the user dismissed; problems stay, and no verdict changes.
fn apply_dismissals(report: &mut Report, dismissed: &[String]) {
    if dismissed.is_empty() {
        return;
    }
    let keep =
        |f: &Finding| f.severity == Severity::Problem || !dismissed.iter().any(|d| d == &f.rule);
    for k in &mut report.keys {
        k.findings.retain(keep);
    }
    report.prose.retain(keep);
    for h in &mut report.red_flags {
        h.evidence.retain(keep);
    }
    report.red_flags.retain(|h| !h.evidence.is_empty());
}
