//! The interviewer's view (evidence of pressure handling, ownership, problem solving, learning and
//! prevention) and the follow-up questions the gaps invite.

use super::doc::Doc;
use super::features::acts::{actions, Actor};
use super::recovery::recovery_sentences;
use super::report::{Report, Signal};
use super::rules::{
    RedFlag, Rule, CHOICE_NO_CAUSE, GROWTH_LESSON, IMPROVEMENT_LONG_TERM, IMPROVEMENT_NO_LONG_TERM,
    TURNAROUND_NO_SPEAKER, TURNAROUND_WHEN,
};
use crate::Key;

/// The words quoted by the findings of `rule` under its key.
fn quotes(report: &Report, rule: Rule) -> Vec<String> {
    let Some(key) = rule.key else {
        return Vec::new();
    };
    report
        .key(key)
        .findings
        .iter()
        .filter(|f| f.rule == rule.id && !f.quote.is_empty())
        .map(|f| f.quote.clone())
        .collect()
}

fn signal(name: &str, evidence: Vec<String>) -> Signal {
    Signal {
        name: name.to_string(),
        found: !evidence.is_empty(),
        evidence,
    }
}

/// The five signals an interviewer listens for, with the words that show them.
pub(crate) fn signals(doc: &Doc, report: &Report) -> Vec<Signal> {
    let blame = report
        .red_flags
        .iter()
        .any(|h| h.flag == RedFlag::BlameShifting);
    let mut own = Vec::new();
    let mut solving = Vec::new();
    for s in recovery_sentences(doc) {
        for a in actions(doc, s, true) {
            if a.actor == Actor::Speaker && a.concrete && doc.clause_proves(s, a.start, a.end) {
                // The action with its actor and object, not the verb alone.
                let (ca, cb) = doc.clause(s, a.start, a.end);
                let (q, _) = doc.quote(s, ca, cb);
                if own.len() < 3 {
                    own.push(q.clone());
                }
                if solving.len() < 3 && !solving.contains(&q) {
                    solving.push(q);
                }
            }
        }
    }
    if blame {
        own.clear();
    }
    vec![
        signal("Handling pressure", quotes(report, TURNAROUND_WHEN)),
        signal("Ownership", own),
        signal(
            "Problem solving",
            if solving.len() >= 2 {
                solving
            } else {
                Vec::new()
            },
        ),
        signal("Learning", quotes(report, GROWTH_LESSON)),
        signal("Prevention", quotes(report, IMPROVEMENT_LONG_TERM)),
    ]
}

/// Two or three questions an interviewer would most likely ask next, gaps first.
pub(crate) fn follow_ups(report: &Report) -> Vec<String> {
    let mut out: Vec<&str> = Vec::new();
    let has = |rule: Rule| report.all_findings().any(|f| f.rule == rule.id);
    for h in &report.red_flags {
        out.push(h.flag.question());
    }
    if !report.met(Key::Choice) && has(CHOICE_NO_CAUSE) {
        out.push("What caused it, in the end?");
    }
    if !report.met(Key::Numbers) {
        out.push("How big was the impact: how many people, how much money, how long?");
    }
    if !report.met(Key::Turnaround) {
        if has(TURNAROUND_NO_SPEAKER) {
            out.push("What did you do yourself, as opposed to the team?");
        } else {
            out.push("What exactly did you do first, and who did you bring in?");
        }
    }
    if !report.met(Key::Improvement) {
        if has(IMPROVEMENT_NO_LONG_TERM) {
            out.push("What did you change so that it would not happen again?");
        } else {
            out.push("What did you do right away to limit the damage?");
        }
    }
    if !report.met(Key::Growth) {
        out.push("What do you do differently now because of it?");
    }
    for default in [
        "If it happened again tomorrow, what would you do in the first hour?",
        "How did your manager react, and what did they say afterwards?",
    ] {
        if out.len() >= 2 {
            break;
        }
        out.push(default);
    }
    out.dedup();
    out.truncate(3);
    out.into_iter().map(String::from).collect()
}
