//! The analyzer: five-key verdicts with evidence, red flags, prose checks and the interviewer's view.
//!
//! Bird's-eye view: text goes in (a [`Story`] with one field per part, or a whole pasted answer), a
//! [`Report`] comes out. The same engine serves both: a story's fields are already sorted into parts,
//! a free answer is first split into sentences and each sentence is given a part ([`split_answer`]).
//!
//! The pipeline (see `comeback-core/ANALYZER.md` for the map): words and sentences (`text`,
//! `sentences`), per-sentence features read once (`read`, `features`, `figures`) into the document
//! (`doc`), parts (`split`), key verdicts and red flags (`redflags`, `numbers`, `recovery`,
//! `results`, `growth`, `prose`), the report (`engine`, `interviewer`). Under every stage: the
//! vocabulary (`lexicon`), the rule and red-flag tables (`rules`), the role table (`roles`) and the
//! output types (`report`).
//!
//! Architecture invariants:
//! - The analyzer never fails and never panics: any string gives a report.
//! - Time is linear in the input: every rule looks at each sentence's own words a bounded number of
//!   times.
//! - Imports point down the pipeline (`tests/analyzer_imports.rs`).
//! - Word lists live in `comeback-core/data/*.txt`, named in `lexicon/lists.rs`; rule ids in
//!   `rules.rs`. The code holds grammar (suffixes, the anchor word of a construction), no vocabulary.
//! - Offsets in a [`Span`] are byte offsets into the text of the field named by the span (always on
//!   char boundaries), with the same positions as UTF-16 code-unit offsets beside them for the browser.

mod doc;
pub mod embed;
mod engine;
mod features;
mod figures;
mod growth;
mod interviewer;
mod jobfit;
mod lexicon;
mod numbers;
mod owner;
mod prose;
mod read;
mod recovery;
mod redflags;
mod report;
mod results;
mod roles;
mod rules;
mod scan_cache;
mod sentences;
mod split;
mod text;
mod token_cache;

pub use report::{
    group_findings, shown_quote, AdLink, AnswerPart, AnswerSegment, Field, Finding, GroupedFinding,
    JobFit, KeyVerdict, RedFlagHit, Report, Signal, Span, SHOWN_QUOTE_CHARS,
};
pub use rules::{RedFlag, Rule, Severity, RULES};

use crate::Story;

/// Forgets the sentences and words this thread has read (the analysis keeps what it read in each
/// sentence and the words of each field, so that re-analysing after a key press re-reads only
/// what changed). Results never depend on it; tests use it to compare cached and fresh reads.
#[doc(hidden)]
pub fn clear_sentence_cache() {
    scan_cache::clear();
    token_cache::clear();
}

/// Analyses a story from the wizard, each part in its own field.
pub fn analyze_story(story: &Story) -> Report {
    engine::analyze_story(story)
}

/// Analyses a whole pasted answer; `role` is the target role as typed, if known.
pub fn analyze_answer(text: &str, role: Option<&str>) -> Report {
    engine::analyze_answer(text, role, "")
}

/// Analyses a whole pasted answer against the job ad it is for (`ad` may be empty).
pub fn analyze_answer_for_ad(text: &str, role: Option<&str>, ad: &str) -> Report {
    engine::analyze_answer(text, role, ad)
}

/// Splits a pasted answer into runs of sentences that tell the same part, covering every
/// non-whitespace byte exactly once, in order.
pub fn split_answer(text: &str) -> Vec<AnswerSegment> {
    split::split_answer(text)
}

/// For developers (`comeback-check --explain`): each sentence of a pasted answer on one line, with
/// the part it was given and the cues read in it (a negated cue is marked `!`).
#[doc(hidden)]
pub fn explain_answer(text: &str) -> String {
    split::explain(text)
}

/// Builds a story from a pasted answer; every sentence lands in some field (`unsorted` if it fits
/// no part). Id and times are left at their defaults for the caller to fill.
pub fn story_from_answer(text: &str, role: Option<&str>) -> Story {
    split::story_from_answer(text, role)
}

/// Whether a word (lower case) is grammatical rather than content: what a quote needs more of
/// than these to prove anything.
pub fn is_function_word(word: &str) -> bool {
    lexicon::is_function_word(word)
}

/// The display names of the roles in the role table, for the role field's suggestions.
pub fn role_names() -> Vec<&'static str> {
    roles::role_names()
}

/// The display name of the role-table entry nearest to a free-text role, if any is close.
pub fn match_role(role: &str) -> Option<&'static str> {
    roles::match_role(role).map(|r| r.name)
}
