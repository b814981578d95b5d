//! The story against the job ad it is for: which of the ad's essentials the failure is about (a
//! core-skill red flag in this employer's own words), and which the rest of the story shows.
//!
//! It reads the [`Doc`] after its parts are found and the ad as [`crate::jobad`] read it; it adds
//! nothing to the other verdicts but the core-skill flag, which key 1 then weighs like any other.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::doc::{Doc, Sent};
use super::report::{AdLink, AnswerPart, Finding, JobFit, RedFlagHit};
use super::rules::{RedFlag, AD_ESSENTIAL_FAILURE};
use crate::jobad::{self, JobAd, MatchStrength, RequirementMatch};

/// The parts that tell what went wrong.
const FAILURE_PARTS: &[AnswerPart] = &[AnswerPart::Failure];
/// The parts that can show what the candidate does well.
const SHOWING_PARTS: &[AnswerPart] = &[
    AnswerPart::Recovery,
    AnswerPart::Immediate,
    AnswerPart::LongTerm,
    AnswerPart::Lesson,
    AnswerPart::Change,
];
/// The most essentials listed for the user (a long ad lists thirty; the first are the job's core).
const LISTED: usize = 8;

thread_local! {
    /// The last ad read, by its text: the ad changes rarely, the story on every key press.
    static LAST_AD: RefCell<Option<(String, Rc<JobAd>)>> = const { RefCell::new(None) };
    /// The clear matches of each sentence compared with that ad, by the sentence's text: a key
    /// press changes one sentence, so only that one is compared again.
    static MATCHES: RefCell<SentenceMatches> = RefCell::new(SentenceMatches::default());
}

/// The cache of [`MATCHES`]: for one ad (by its address), each sentence's clear matches.
#[derive(Default)]
struct SentenceMatches {
    ad: usize,
    by_text: HashMap<String, Rc<Vec<RequirementMatch>>>,
}

/// The most sentences kept (a long answer has a few hundred; past this the cache starts again).
const CACHED_SENTENCES: usize = 2048;

/// The ad in `text`, read once per different text on this thread. `None` when there is no ad.
pub(crate) fn read_ad(text: &str) -> Option<Rc<JobAd>> {
    if text.trim().is_empty() {
        return None;
    }
    LAST_AD.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((t, ad)) = last.as_ref() {
            if t == text {
                return Some(Rc::clone(ad));
            }
        }
        let ad = Rc::new(jobad::read_job_ad(text));
        // The ad the matches were made with is freed here, and another could take its address.
        MATCHES.with(|m| *m.borrow_mut() = SentenceMatches::default());
        *last = Some((text.to_string(), Rc::clone(&ad)));
        Some(ad)
    })
}

/// What the story says about the ad's essentials. `outside_cause`: the failure has a clear
/// outside cause (then being about an essential is no slip of the speaker's in it).
pub(crate) fn fit(doc: &Doc, ad: &JobAd, outside_cause: bool) -> JobFit {
    let mut failure: Vec<AdLink> = Vec::new();
    for s in doc.in_parts(FAILURE_PARTS) {
        for m in clear_matches(ad, doc.text_of(s)).iter() {
            if !failure.iter().any(|l| l.index == m.index) {
                failure.push(link(doc, s, m));
            }
        }
    }
    let mut shown: Vec<AdLink> = Vec::new();
    for s in doc.in_parts(SHOWING_PARTS) {
        for m in clear_matches(ad, doc.text_of(s)).iter() {
            let known = failure.iter().chain(&shown).any(|l| l.index == m.index);
            if !known {
                shown.push(link(doc, s, m));
            }
        }
    }
    shown.sort_by_key(|l| l.index);
    JobFit {
        title: ad.title.as_ref().map(|t| t.text.clone()),
        role: ad.title.as_ref().and_then(|t| t.role).map(str::to_string),
        essentials: ad
            .essentials
            .iter()
            .take(LISTED)
            .map(|r| r.text.clone())
            .collect(),
        essential_count: ad.essentials.len(),
        desirable_count: ad.desirables.len(),
        values: ad.values.iter().map(|v| v.text.clone()).collect(),
        notices: ad.notices.iter().map(|n| n.message.clone()).collect(),
        failure,
        outside_cause,
        shown,
    }
}

/// The essentials a text clearly touches (a match by everyday words alone is only "possible":
/// too weak to warn about, or to count in the candidate's favour).
fn clear_matches(ad: &JobAd, text: &str) -> Rc<Vec<RequirementMatch>> {
    let key = std::ptr::from_ref(ad) as usize;
    let cached = MATCHES.with(|m| {
        let mut m = m.borrow_mut();
        if m.ad != key || m.by_text.len() > CACHED_SENTENCES {
            m.ad = key;
            m.by_text.clear();
        }
        m.by_text.get(text).cloned()
    });
    if let Some(found) = cached {
        return found;
    }
    let found: Rc<Vec<RequirementMatch>> = Rc::new(
        jobad::match_essentials(ad, text)
            .into_iter()
            .filter(|m| m.strength == MatchStrength::Clear)
            .collect(),
    );
    MATCHES.with(|m| {
        m.borrow_mut()
            .by_text
            .insert(text.to_string(), Rc::clone(&found))
    });
    found
}

/// The requirement `m` tied to the clause of sentence `s` that holds its words.
fn link(doc: &Doc, s: &Sent, m: &RequirementMatch) -> AdLink {
    let toks = doc.toks(s);
    // The tokens of the sentence that the matched words cover (their spans are into the sentence).
    let covered: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            m.words.iter().any(|w| {
                let a = s.start + w.in_text.span.start;
                let b = s.start + w.in_text.span.end;
                t.start < b && a < t.end
            })
        })
        .map(|(i, _)| i)
        .collect();
    let (quote, span) = match (covered.first(), covered.last()) {
        (Some(&a), Some(&b)) => {
            let (ca, cb) = doc.clause(s, a, b + 1);
            doc.quote(s, ca, cb)
        }
        _ => (doc.text_of(s).to_string(), doc.span(s.fi, s.start, s.end)),
    };
    AdLink {
        index: m.index,
        requirement: m.requirement.text.clone(),
        words: m.words.iter().fold(Vec::new(), |mut out: Vec<String>, w| {
            let word = &w.in_text.text;
            if !out.iter().any(|o| o.eq_ignore_ascii_case(word)) {
                out.push(word.clone());
            }
            out
        }),
        quote,
        span,
    }
}

/// Raises the core-skill flag for a failure about one of the ad's essentials, quoting both.
pub(crate) fn flag(flags: &mut Vec<RedFlagHit>, fit: &JobFit) {
    let Some(first) = fit.failure.first().filter(|_| !fit.outside_cause) else {
        return;
    };
    let about = first
        .words
        .iter()
        .map(|w| format!("\u{201c}{w}\u{201d}"))
        .collect::<Vec<_>>()
        .join(" and ");
    let finding = Finding {
        key: crate::Key::Choice,
        rule: AD_ESSENTIAL_FAILURE.id.to_string(),
        severity: AD_ESSENTIAL_FAILURE.severity,
        message: format!(
            "This failure is about {about}, and the job ad lists \u{201c}{}\u{201d} as essential. Choose a failure outside what this job needs; if you keep this one, show the check you added so it cannot happen again.",
            first.requirement
        ),
        quote: first.quote.clone(),
        span: first.span,
    };
    match flags.iter_mut().find(|h| h.flag == RedFlag::CoreCompetency) {
        Some(hit) => {
            hit.evidence.insert(0, finding);
            hit.possible = false;
        }
        None => {
            let at = RedFlag::ALL
                .iter()
                .position(|f| *f == RedFlag::CoreCompetency)
                .unwrap_or(0);
            let before = flags
                .iter()
                .take_while(|h| {
                    RedFlag::ALL
                        .iter()
                        .position(|f| *f == h.flag)
                        .is_some_and(|p| p < at)
                })
                .count();
            flags.insert(
                before,
                RedFlagHit {
                    flag: RedFlag::CoreCompetency,
                    label: RedFlag::CoreCompetency.label().to_string(),
                    evidence: vec![finding],
                    possible: false,
                },
            );
        }
    }
}

/// The questions an interviewer for this job would likely ask, drawn from the ad.
pub(crate) fn questions(fit: &JobFit) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(l) = fit.failure.first().filter(|_| !fit.outside_cause) {
        out.push(format!(
            "How do you make sure of {} now?",
            lower_first(&l.requirement)
        ));
    }
    if let Some(l) = fit.shown.first() {
        out.push(format!(
            "The role needs {}: what did this teach you about it?",
            lower_first(&l.requirement)
        ));
    }
    out
}

/// "Safe and accurate dispensing" as it reads inside a sentence; an acronym ("GMP", "SQL") stays.
fn lower_first(text: &str) -> String {
    let mut words = text.split(' ');
    let first = words.next().unwrap_or_default();
    let acronym = first.chars().filter(|c| c.is_alphabetic()).count() > 1
        && first
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let mut out = if acronym {
        first.to_string()
    } else {
        first.to_lowercase()
    };
    for w in words {
        out.push(' ');
        out.push_str(w);
    }
    out.trim_end_matches(['.', ';', ',']).to_string()
}
