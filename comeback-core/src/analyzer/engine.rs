//! The engine: turns text into a [`Doc`] of analysed sentences, runs the rules, assembles the report.

use super::figures::{self, Figure};
use super::lexicon::{cue_words, grammar_set, is_negator, lexicon, Cat, Gram, WordSet};
use super::report::{AnswerPart, Field, Finding, KeyVerdict, Report, Severity, Span};
use super::roles::{self, Role};
use super::text::{self, Token, Utf16Index};
use super::{
    growth, interviewer, prose, recovery, redflags, results, scan_cache, split, token_cache,
};
use crate::{FailureCategory, Key, Story};
use std::cell::OnceCell;
use std::ops::Range;

/// A phrase found in a sentence, with token indexes relative to the sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueHit {
    pub cat: Cat,
    pub start: usize,
    pub end: usize,
    /// A negation stands just before it ("no one was blamed").
    pub negated: bool,
}

/// One field's text with its tokens.
pub(crate) struct FieldText<'a> {
    pub field: Field,
    pub text: &'a str,
    pub tokens: Vec<Token>,
    utf16: OnceCell<Utf16Index>,
}

/// One analysed sentence.
impl Drop for FieldText<'_> {
    fn drop(&mut self) {
        // Kept for the next analysis, which is most often this text after one key press.
        token_cache::keep(self.text, std::mem::take(&mut self.tokens));
    }
}

pub(crate) struct Sent {
    /// Index into `Doc::fields`.
    pub fi: usize,
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
    pub forced: bool,
    pub part: AnswerPart,
    pub hits: Vec<CueHit>,
    /// Bits of the categories found and not negated.
    pub mask: u64,
    pub figures: Vec<Figure>,
    /// "I", "me", "my" appear.
    pub first_person: bool,
    /// The token where the speaker owns a slip in the sentence's own words
    /// ([`super::redflags::slip_in_words`]); kept with the sentence's scan, since the live coach
    /// asks it of every sentence on every key press.
    pub own_slip: Option<usize>,
}

impl Sent {
    /// Whether a category was found here, not negated.
    pub fn has(&self, cat: Cat) -> bool {
        self.mask & cat.bit() != 0
    }

    /// The hits of one category, not negated.
    pub fn hits_of(&self, cat: Cat) -> impl Iterator<Item = &CueHit> + '_ {
        self.hits.iter().filter(move |h| h.cat == cat && !h.negated)
    }
}

/// The text under analysis: fields, their sentences, and what the rules need to know about them.
pub(crate) struct Doc<'a> {
    pub fields: Vec<FieldText<'a>>,
    pub sents: Vec<Sent>,
    /// The parts come from the story's fields (true) or were guessed from cues (false).
    pub structured: bool,
    pub role: Option<&'static Role>,
    pub category: FailureCategory,
}

impl<'a> Doc<'a> {
    fn new(role: Option<&str>, structured: bool, category: FailureCategory) -> Self {
        Doc {
            fields: Vec::new(),
            sents: Vec::new(),
            structured,
            role: role.and_then(roles::match_role),
            category,
        }
    }

    /// Adds a field, splitting it into analysed sentences, all given `part`.
    fn add(&mut self, field: Field, text: &'a str, part: AnswerPart) {
        if text.trim().is_empty() {
            return;
        }
        // The words before an edit, and every unchanged field's, come from the last analysis.
        let tokens = token_cache::tokens(text);
        let sentences = text::sentences(text, &tokens);
        let fi = self.fields.len();
        let lex = lexicon();
        static FIRST: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
        let first = grammar_set(&FIRST, &[&[Gram::FirstPerson]], &[]);
        for s in sentences {
            let toks = &tokens[s.tokens.clone()];
            // Everything read from the sentence alone comes from the cache when the sentence is
            // unchanged since the last analysis (the live coach re-reads only the one being typed).
            let scan = scan_cache::get_or_scan(text, s.start..s.end, toks, || {
                let mut hits: Vec<CueHit> = lex
                    .find(toks)
                    .into_iter()
                    .map(|h| CueHit {
                        cat: h.tag,
                        start: h.start,
                        end: h.end,
                        negated: negated_at(toks, h.start),
                    })
                    .collect();
                // Work done again to put it right ("I re-marked all 28 papers", "we relaunched
                // the page"): a remedy, and an action of its own, in any words.
                for (k, t) in toks.iter().enumerate() {
                    if redo_word(&t.norm)
                        && !hits.iter().any(|h| h.cat == Cat::Remedy && h.start == k)
                    {
                        let negated = negated_at(toks, k);
                        for cat in [Cat::Remedy, Cat::Action] {
                            hits.push(CueHit {
                                cat,
                                start: k,
                                end: k + 1,
                                negated,
                            });
                        }
                    }
                }
                hits.sort_by_key(|h| (h.start, h.end));
                let figures = figures::find(text, toks);
                let first_person = toks.iter().any(|t| first.contains(t.norm.as_str()));
                let own_slip = super::redflags::slip_in_words(toks);
                (hits, figures, first_person, own_slip)
            });
            // A scan the cache did not keep is moved, not copied.
            let (mut hits, figures, first_person, own_slip) = match std::rc::Rc::try_unwrap(scan) {
                Ok(s) => (s.hits, s.figures, s.first_person, s.own_slip),
                Err(s) => (
                    s.hits.clone(),
                    s.figures.clone(),
                    s.first_person,
                    s.own_slip,
                ),
            };
            if let Some(cat) = heading(text, toks) {
                hits.push(CueHit {
                    cat,
                    start: 0,
                    end: 1,
                    negated: false,
                });
                hits.sort_by_key(|h| (h.start, h.end));
            }
            let mask = hits
                .iter()
                .filter(|h| !h.negated)
                .fold(0, |m, h| m | h.cat.bit());
            self.sents.push(Sent {
                fi,
                start: s.start,
                end: s.end,
                tokens: s.tokens,
                forced: s.forced,
                part,
                hits,
                mask,
                figures,
                first_person,
                own_slip,
            });
        }
        self.fields.push(FieldText {
            field,
            text,
            tokens,
            utf16: OnceCell::new(),
        });
    }

    /// The tokens of a sentence.
    pub fn toks(&self, s: &Sent) -> &[Token] {
        self.fields
            .get(s.fi)
            .and_then(|f| f.tokens.get(s.tokens.clone()))
            .unwrap_or(&[])
    }

    /// The text of a sentence.
    pub fn text_of(&self, s: &Sent) -> &str {
        self.fields
            .get(s.fi)
            .and_then(|f| f.text.get(s.start..s.end))
            .unwrap_or("")
    }

    /// The field a sentence belongs to.
    pub fn field_of(&self, s: &Sent) -> Field {
        self.fields.get(s.fi).map_or(Field::Answer, |f| f.field)
    }

    /// A span of bytes `start..end` in field `fi`.
    pub fn span(&self, fi: usize, start: usize, end: usize) -> Option<Span> {
        let f = self.fields.get(fi)?;
        let idx = f.utf16.get_or_init(|| Utf16Index::new(f.text));
        Some(Span {
            field: f.field,
            start,
            end,
            utf16_start: idx.utf16(f.text, start),
            utf16_end: idx.utf16(f.text, end),
        })
    }

    /// The exact words of tokens `a..b` of a sentence, and their span.
    pub fn quote(&self, s: &Sent, a: usize, b: usize) -> (String, Option<Span>) {
        let toks = self.toks(s);
        let (Some(first), Some(last)) = (toks.get(a), toks.get(b.max(a + 1) - 1)) else {
            return (self.text_of(s).to_string(), self.span(s.fi, s.start, s.end));
        };
        let text = self.fields.get(s.fi).map_or("", |f| f.text);
        let q = text.get(first.start..last.end).unwrap_or("").to_string();
        (q, self.span(s.fi, first.start, last.end))
    }

    /// A finding quoting tokens `a..b` of sentence `s`.
    // Every argument is one field of the finding; a builder would only add ceremony.
    #[allow(clippy::too_many_arguments)]
    pub fn finding(
        &self,
        key: Key,
        rule: &str,
        severity: Severity,
        message: impl Into<String>,
        s: &Sent,
        a: usize,
        b: usize,
    ) -> Finding {
        let (quote, span) = self.quote(s, a, b);
        Finding {
            key,
            rule: rule.to_string(),
            severity,
            message: message.into(),
            quote,
            span,
        }
    }

    /// `f`, a finding quoting a figure in sentence `s`, with the sign written against the figure
    /// added to its quote and span: a currency sign before ("$40k", "£2m"), a percent sign after
    /// ("35%"). Neither is a token, so [`Self::finding`] leaves them out.
    pub fn with_figure_sign(&self, s: &Sent, mut f: Finding) -> Finding {
        let (Some(span), Some(field)) = (f.span, self.fields.get(s.fi)) else {
            return f;
        };
        let text = field.text;
        let mut start = span.start;
        let mut end = span.end;
        if let Some(c) = text[..start].chars().next_back() {
            if matches!(c, '$' | '€' | '£' | '¥' | '₹') {
                start -= c.len_utf8();
            }
        }
        if text[end..].starts_with('%') {
            end += 1;
        }
        if (start, end) != (span.start, span.end) {
            f.quote = text[start..end].to_string();
            f.span = self.span(s.fi, start, end);
        }
        f
    }

    /// A finding quoting a whole sentence.
    pub fn finding_sentence(
        &self,
        key: Key,
        rule: &str,
        severity: Severity,
        message: impl Into<String>,
        s: &Sent,
    ) -> Finding {
        Finding {
            key,
            rule: rule.to_string(),
            severity,
            message: message.into(),
            quote: self.text_of(s).to_string(),
            span: self.span(s.fi, s.start, s.end),
        }
    }

    /// Sentences telling one of `parts`.
    pub fn in_parts<'s>(&'s self, parts: &'s [AnswerPart]) -> impl Iterator<Item = &'s Sent> + 's {
        self.sents.iter().filter(move |s| parts.contains(&s.part))
    }
}

/// A finding about something missing: no words to quote.
pub(crate) fn missing(
    key: Key,
    rule: &str,
    severity: Severity,
    message: impl Into<String>,
) -> Finding {
    Finding {
        key,
        rule: rule.to_string(),
        severity,
        message: message.into(),
        quote: String::new(),
        span: None,
    }
}

/// A key verdict.
pub(crate) fn key_verdict(
    key: Key,
    met: bool,
    status: impl Into<String>,
    findings: Vec<Finding>,
) -> KeyVerdict {
    KeyVerdict {
        key,
        met,
        status: status.into(),
        findings,
    }
}

/// The key a sentence's style findings belong to, by the part it tells.
pub(crate) fn key_of_part(part: AnswerPart) -> Key {
    match part {
        AnswerPart::Failure | AnswerPart::Other => Key::Choice,
        AnswerPart::Context => Key::Numbers,
        AnswerPart::Recovery => Key::Turnaround,
        AnswerPart::Immediate | AnswerPart::LongTerm => Key::Improvement,
        AnswerPart::Lesson | AnswerPart::Change => Key::Growth,
    }
}

const HEADINGS: &str = include_str!("../../data/headings.txt");

/// The cue given by a heading that opens a sentence ("Learning: ...", "Result: ..."): a word of
/// `data/headings.txt` followed by a colon.
fn heading(text: &str, toks: &[Token]) -> Option<Cat> {
    let first = toks.first()?;
    if !text.get(first.end..)?.trim_start().starts_with(':') {
        return None;
    }
    static MAP: std::sync::OnceLock<Vec<(&'static str, Cat)>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        super::lexicon::sections(HEADINGS)
            .into_iter()
            .filter_map(|(section, word)| Cat::from_section(section).map(|c| (word, c)))
            .collect()
    })
    .iter()
    .find(|(w, _)| *w == first.norm)
    .map(|(_, c)| *c)
}

/// Whether a word tells work done again: "re-" and a verb in the past ("re-marked", "re-did"), or
/// "re" and an action verb in "-ed" ("relaunched", "redesigned"; not "reported", "received",
/// "reached", whose rest is no action).
/// Irregular pasts after "re-" and words that only say something again come from
/// `data/cues.txt` (`[redo_past]`, `[redo_not]`).
fn redo_word(w: &str) -> bool {
    static PAST: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    static NOT: std::sync::OnceLock<WordSet> = std::sync::OnceLock::new();
    if !w.starts_with("re") {
        return false;
    }
    if let Some(rest) = w.strip_prefix("re-") {
        return rest.len() >= 3
            && (rest.ends_with("ed") || cue_words(&PAST, "redo_past").contains(rest))
            && !cue_words(&NOT, "redo_not").contains(rest);
    }
    let rest = &w[2..];
    if rest.len() < 5
        || !rest.ends_with("ed")
        || rest.starts_with('-')
        || cue_words(&NOT, "redo_not").contains(rest)
    {
        return false;
    }
    let tok = Token {
        start: 0,
        end: rest.len(),
        norm: rest.to_string(),
        cap: false,
        numeric: false,
    };
    lexicon()
        .find(std::slice::from_ref(&tok))
        .iter()
        .any(|h| h.tag == Cat::Action)
}

fn negated_at(toks: &[Token], start: usize) -> bool {
    let from = start.saturating_sub(3);
    let end = start.min(toks.len());
    // A negation's reach ends at a conjunction or a new modal ("at no charge and refunded her",
    // "anyone who couldn't travel could still bid"): what follows is told as done.
    (from..end).any(|i| {
        is_negator(&toks[i].norm)
            && !toks[i + 1..(start + 1).min(toks.len())].iter().any(|t| {
                matches!(
                    t.norm.as_str(),
                    "and" | "but" | "or" | "so" | "then" | "could" | "would" | "can"
                )
            })
    }) || (start >= 2 && toks[start - 2].norm == "no" && toks[start - 1].norm == "one")
}

/// Analyses a story from the wizard.
pub(crate) fn analyze_story(story: &Story) -> Report {
    let role = Some(story.target_role.as_str()).filter(|r| !r.trim().is_empty());
    let mut doc = Doc::new(role, true, story.category);
    doc.add(Field::Summary, &story.summary, AnswerPart::Failure);
    doc.add(Field::Context, &story.context, AnswerPart::Context);
    for (i, step) in story.steps.iter().enumerate() {
        doc.add(Field::StepAction(i), &step.action, AnswerPart::Recovery);
        doc.add(Field::StepWho(i), &step.who, AnswerPart::Recovery);
        doc.add(Field::StepWhen(i), &step.when, AnswerPart::Recovery);
    }
    doc.add(
        Field::ImmediateWin,
        &story.immediate_win,
        AnswerPart::Immediate,
    );
    doc.add(
        Field::LongTermGain,
        &story.long_term_gain,
        AnswerPart::LongTerm,
    );
    doc.add(Field::Lesson, &story.lesson, AnswerPart::Lesson);
    doc.add(Field::Change, &story.change, AnswerPart::Change);
    doc.add(Field::Unsorted, &story.unsorted, AnswerPart::Other);
    let mut report = build(&doc, Vec::new());
    apply_dismissals(&mut report, &story.dismissed);
    report
}

/// Analyses a whole pasted answer.
pub(crate) fn analyze_answer(text: &str, role: Option<&str>) -> Report {
    let mut doc = Doc::new(role, false, FailureCategory::Unset);
    doc.add(Field::Answer, text, AnswerPart::Other);
    split::classify(&mut doc);
    let segments = split::segments(&doc);
    build(&doc, segments)
}

/// The document of a pasted answer, split and classified (for `split_answer`).
pub(crate) fn answer_doc<'a>(text: &'a str) -> Doc<'a> {
    let mut doc = Doc::new(None, false, FailureCategory::Unset);
    doc.add(Field::Answer, text, AnswerPart::Other);
    split::classify(&mut doc);
    doc
}

fn build(doc: &Doc, segments: Vec<super::report::AnswerSegment>) -> Report {
    let flags = redflags::red_flags(doc);
    let choice = redflags::choice_verdict(doc, &flags);
    let numbers = figures_verdict(doc);
    let turnaround = recovery::verdict(doc);
    let improvement = results::verdict(doc);
    let growth = growth::verdict(doc);
    let keys = vec![choice, numbers, turnaround, improvement, growth];
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
    };
    report.interviewer_view = interviewer::signals(doc, &report);
    report.follow_ups = interviewer::follow_ups(&report);
    report
}

fn seconds(words: usize, per_minute: usize) -> u32 {
    u32::try_from((words * 60).div_ceil(per_minute)).unwrap_or(u32::MAX)
}

fn figures_verdict(doc: &Doc) -> KeyVerdict {
    super::numbers::verdict(doc)
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
