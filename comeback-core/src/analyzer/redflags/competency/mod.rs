//! Core competency: a failure at the heart of the target role, told as the speaker's own slip.
//! `core_competency` reads one sentence in named steps, each in the file of its idea: the failure
//! named in the speaker's words (`named.rs`), a core task done badly, left undone or lapsed
//! (`task.rs`), a core task done the quick or partial way (`shortcut.rs`); `overrun_estimate` reads
//! an estimate the work overran, across sentences (`overrun.rs`).

mod named;
mod overrun;
mod shortcut;
mod task;

use crate::analyzer::doc::{Doc, Sent, STORY_PARTS};
use crate::analyzer::features::slips::is_people;
use crate::analyzer::report::{AnswerPart, Finding};
use crate::analyzer::roles::Role;
use crate::analyzer::rules::RedFlag;
use named::{
    failure_named_as_core, own_error_phrase, own_error_phrase_despite_cause,
    slip_bound_to_core_skill,
};
use shortcut::shortcut_on_core_task;
use task::{lapsed_core_task, own_core_task, team_core_failure};

/// A core skill of the target role named as failing in this sentence, told as the speaker's slip:
/// a phrase that names an error on its own ("medication error", "burned the sauce") with the
/// speaker as its subject, or a slip of the speaker's bound to a core skill ("I misread the chart",
/// "the wrong dose", "a reconciliation error", "that was on me, because the prep plan was mine").
/// A generic word ("errors", "mistake") alone is never enough. `story_told`: a failure or context
/// sentence came before this one. `excused`: a clear outside cause is told in the story.
///
/// The ways of telling it are read in this order, the first found is the evidence.
pub(super) fn core_competency(
    doc: &Doc,
    s: &Sent,
    role: &Role,
    excused: bool,
    story_told: bool,
    prev: Option<&Sent>,
) -> Option<Finding> {
    if !tells_the_failure(s, story_told) {
        return None;
    }
    let toks = doc.toks(s);
    let hits = role.core_hits(toks);
    let prev_core = || names_core_thing(doc, role, prev);
    let span = if hits.is_empty() {
        // A shortcut whose object is "it", standing for a core thing named just before.
        shortcut_on_core_task(doc, s, &hits, prev_core)
    } else if let Some(span) = failure_named_as_core(toks, &hits, excused) {
        Some(span)
    } else if excused {
        // An outside cause told elsewhere excuses a bare core skill near a slip, but not an error
        // phrase with the speaker as its subject, a core step left undone, or a core task done
        // the quick or partial way (the outside cause then comes after the shortcut: "I only ran
        // the tests on one platform ... the app crashed").
        own_error_phrase_despite_cause(toks, &hits)
            .or_else(|| own_core_task(doc, s, &hits, excused))
            .or_else(|| shortcut_on_core_task(doc, s, &hits, prev_core))
    } else {
        own_error_phrase(toks, &hits)
            .or_else(|| slip_bound_to_core_skill(s, toks, &hits))
            .or_else(|| own_core_task(doc, s, &hits, excused))
            .or_else(|| shortcut_on_core_task(doc, s, &hits, prev_core))
            .or_else(|| lapsed_core_task(doc, s, &hits))
            .or_else(|| team_core_failure(doc, s, &hits))
    };
    span.map(|(a, b)| core_finding(doc, s, role, a, b))
}

/// The core-competency finding quoting tokens `a..b` of `s`, naming the role.
fn core_finding(doc: &Doc, s: &Sent, role: &Role, a: usize, b: usize) -> Finding {
    doc.finding(
        RedFlag::CoreCompetency.finding_rule(),
        format!("{} ({})", RedFlag::CoreCompetency.message(), role.name),
        s,
        a,
        b,
    )
}

/// Whether `s` is read for a core failure: a part of the story, and not a core error told in the
/// recovery after the story was told, which is what the recovery cost ("we reissued the contract,
/// so I missed quota"), not the failure.
fn tells_the_failure(s: &Sent, story_told: bool) -> bool {
    STORY_PARTS.contains(&s.part)
        && !(story_told && matches!(s.part, AnswerPart::Recovery | AnswerPart::Immediate))
}

/// Whether the sentence before names a core thing of the role that "it" may stand for ("A guest
/// booked a wake-up call. I wrote it on my hand instead of logging it."); read only when needed.
fn names_core_thing(doc: &Doc, role: &Role, prev: Option<&Sent>) -> bool {
    prev.is_some_and(|p| {
        let pt = doc.toks(p);
        role.core_hits(pt)
            .iter()
            .any(|h| !h.tag && !pt[h.start..h.end].iter().any(|t| is_people(&t.norm)))
    })
}

/// A plan or an estimate of the speaker's own that the work overran ("I said eight weeks. It took
/// fourteen."), for a role whose core skills include estimating, with no outside cause told.
pub(super) fn overrun_estimate(doc: &Doc, role: &Role, excused: bool) -> Option<Finding> {
    overrun::overrun_estimate(doc, role, excused).map(|(s, k)| core_finding(doc, s, role, k, k + 1))
}
