//! The analysed document: fields, their sentences, and what was read in each sentence. Plain data
//! and accessors only; `read.rs` builds it, every later stage reads it.

use super::lexicon::Cat;
use super::report::{AnswerPart, Field, Finding, KeyVerdict, Span};
use super::roles::Role;
use super::rules::Rule;
use super::text::{Token, Utf16Index};
use super::token_cache;
use crate::{FailureCategory, Key};
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

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FigureKind {
    Percent,
    Money,
    Duration,
    Count,
    Share,
}

/// A figure found in a sentence: token indexes `start..end` relative to the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Figure {
    pub start: usize,
    pub end: usize,
    pub kind: FigureKind,
}

/// One field's text with its tokens.
pub(crate) struct FieldText<'a> {
    pub field: Field,
    pub text: &'a str,
    pub tokens: Vec<Token>,
    utf16: OnceCell<Utf16Index>,
}

impl<'a> FieldText<'a> {
    /// A field's text and its tokens.
    pub fn new(field: Field, text: &'a str, tokens: Vec<Token>) -> Self {
        FieldText {
            field,
            text,
            tokens,
            utf16: OnceCell::new(),
        }
    }
}

impl Drop for FieldText<'_> {
    fn drop(&mut self) {
        // Kept for the next analysis, which is most often this text after one key press.
        token_cache::keep(self.text, std::mem::take(&mut self.tokens));
    }
}

/// One analysed sentence.
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
    /// (`features::slips::slip_in_words`); kept with the sentence's scan, since the live coach
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

/// Parts that tell what happened; the lesson and the change often name the bad habit to deny it.
pub(crate) const STORY_PARTS: &[AnswerPart] = &[
    AnswerPart::Failure,
    AnswerPart::Context,
    AnswerPart::Recovery,
    AnswerPart::Immediate,
    AnswerPart::Other,
];

/// The text under analysis: fields, their sentences, and what the rules need to know about them.
pub(crate) struct Doc<'a> {
    pub fields: Vec<FieldText<'a>>,
    pub sents: Vec<Sent>,
    /// A draft in the wizard (true): what is missing is a gentle "add ..." hint, not a problem.
    /// A whole answer, pasted or made into a story from one, reads as finished (false). Only the
    /// wording and the severity of what is missing follow it, never whether a key is met. (The
    /// verdicts read a story's fields; a pasted answer's document only places its sentences.)
    pub draft: bool,
    pub role: Option<&'static Role>,
    pub category: FailureCategory,
    /// What a later stage read from the finished document, kept so that the verdicts that each
    /// ask for it read it once (whose failure it is: `owner.rs`). Filled only after the parts
    /// are placed; the document is not changed after that.
    pub memo: std::cell::OnceCell<Box<dyn std::any::Any>>,
}

impl<'a> Doc<'a> {
    /// An empty document.
    pub fn new(role: Option<&'static Role>, draft: bool, category: FailureCategory) -> Self {
        Doc {
            fields: Vec::new(),
            sents: Vec::new(),
            draft,
            role,
            category,
            memo: std::cell::OnceCell::new(),
        }
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

    /// The text of the field a sentence is in: token offsets are byte offsets into it.
    pub fn field_text(&self, s: &Sent) -> &str {
        self.fields.get(s.fi).map_or("", |f| f.text)
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

    /// A finding of `rule` quoting tokens `a..b` of sentence `s`.
    pub fn finding(
        &self,
        rule: Rule,
        message: impl Into<String>,
        s: &Sent,
        a: usize,
        b: usize,
    ) -> Finding {
        let (quote, span) = self.quote(s, a, b);
        Finding {
            key: rule_key(rule, s),
            rule: rule.id.to_string(),
            severity: rule.severity,
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

    /// A finding of `rule` quoting a whole sentence.
    pub fn finding_sentence(&self, rule: Rule, message: impl Into<String>, s: &Sent) -> Finding {
        Finding {
            key: rule_key(rule, s),
            rule: rule.id.to_string(),
            severity: rule.severity,
            message: message.into(),
            quote: self.text_of(s).to_string(),
            span: self.span(s.fi, s.start, s.end),
        }
    }

    /// The clause of sentence `s` that holds tokens `a..b`, as a token range: cut at a comma,
    /// semicolon, colon, dash or bracket, and before a word that opens a new clause ("and", "but",
    /// "because", "which", "when"...). A clause too thin to prove anything on its own (fewer than
    /// three words, or fewer than two content words) takes in its neighbours, up to the sentence.
    pub fn clause(&self, s: &Sent, a: usize, b: usize) -> (usize, usize) {
        let toks = self.toks(s);
        let n = toks.len();
        if n == 0 {
            return (a, b);
        }
        let (a, b) = (a.min(n - 1), b.clamp(a.min(n - 1) + 1, n));
        let text = self.field_text(s);
        // A boundary before token i.
        let cut = |i: usize| -> bool {
            if i == 0 || i >= n {
                return true;
            }
            let gap = text.get(toks[i - 1].end..toks[i].start).unwrap_or("");
            gap.contains([',', ';', ':', '—', '–', '(', ')', '"', '“', '”'])
                || (gap.contains(" - "))
                || super::lexicon::lexicon().has(super::lexicon::List::OpensClause, &toks[i].norm)
        };
        let mut start = a;
        while start > 0 && !cut(start) {
            start -= 1;
        }
        let mut end = b;
        while end < n && !cut(end) {
            end += 1;
        }
        // Too thin: the clause before (which often holds the subject and verb), then the one after.
        while !self.proves(toks, start, end) && (start > 0 || end < n) {
            if start > 0 {
                start -= 1;
                while start > 0 && !cut(start) {
                    start -= 1;
                }
            } else {
                end += 1;
                while end < n && !cut(end) {
                    end += 1;
                }
            }
        }
        (start, end)
    }

    /// Whether the clause of sentence `s` holding tokens `a..b` proves a claim on its own (see
    /// [`Self::clause`]): an act told with what it acted on, not "I was on call" or "Cut".
    pub fn clause_proves(&self, s: &Sent, a: usize, b: usize) -> bool {
        let (ca, cb) = self.clause(s, a, b);
        self.proves(self.toks(s), ca, cb)
    }

    /// Whether tokens `a..b` are enough to prove a claim: at least three words, two of them content
    /// words.
    fn proves(&self, toks: &[Token], a: usize, b: usize) -> bool {
        let words = &toks[a..b.min(toks.len())];
        words.len() >= 3
            && words
                .iter()
                .filter(|t| !super::lexicon::is_function_word(&t.norm))
                .count()
                >= 2
    }

    /// Whether sentence `s` says nothing beyond a hollow phrase of `list` ("Things got better
    /// eventually.", "We had a meeting about it."): the phrase is there and fewer than two
    /// content words stand outside it.
    pub fn hollow(&self, s: &Sent, list: super::lexicon::List) -> bool {
        let toks = self.toks(s);
        let hits = super::lexicon::lexicon().find_in(list, toks);
        if hits.is_empty() {
            return false;
        }
        let inside = |i: usize| hits.iter().any(|h| h.start <= i && i < h.end);
        toks.iter()
            .enumerate()
            .filter(|(i, t)| !inside(*i) && !super::lexicon::is_function_word(&t.norm))
            .count()
            < 2
    }

    /// `f`, an evidence finding, quoting the whole clause its words stand in (see [`Self::clause`]).
    pub fn as_clause(&self, mut f: Finding) -> Finding {
        let Some(span) = f.span else {
            return f;
        };
        let Some(s) = self.sents.iter().find(|s| {
            self.fields.get(s.fi).is_some_and(|x| x.field == span.field)
                && s.start <= span.start
                && span.end <= s.end.max(span.start)
        }) else {
            return f;
        };
        let toks = self.toks(s);
        let Some(a) = toks.iter().position(|t| t.end > span.start) else {
            return f;
        };
        let b = toks
            .iter()
            .rposition(|t| t.start < span.end)
            .map_or(a + 1, |i| i + 1)
            .max(a + 1);
        let (ca, cb) = self.clause(s, a, b);
        let (Some(first), Some(last)) = (toks.get(ca), toks.get(cb.saturating_sub(1))) else {
            return f;
        };
        // Keep a sign written against a figure at either end ("£4,000", "35%").
        let start = first.start.min(span.start);
        let end = last.end.max(span.end);
        if let Some(q) = self.field_text(s).get(start..end) {
            f.quote = q.to_string();
            f.span = self.span(s.fi, start, end);
        }
        f
    }

    /// Sentences telling one of `parts`.
    pub fn in_parts<'s>(&'s self, parts: &'s [AnswerPart]) -> impl Iterator<Item = &'s Sent> + 's {
        self.sents.iter().filter(move |s| parts.contains(&s.part))
    }

    /// The first sentence of `part`'s field with at least `min_words` words that `also` accepts,
    /// quoted whole: the story's own field says it.
    pub fn field_says(
        &self,
        part: AnswerPart,
        min_words: usize,
        also: impl Fn(&Sent) -> bool,
    ) -> Option<(&Sent, usize, usize)> {
        self.sents
            .iter()
            .find(|s| s.part == part && self.toks(s).len() >= min_words && also(s))
            .map(|s| (s, 0, self.toks(s).len()))
    }
}

/// The key a finding of `rule` about sentence `s` belongs to: the rule's own, or for the prose
/// checks the key of the part the sentence tells.
fn rule_key(rule: Rule, s: &Sent) -> Key {
    rule.key.unwrap_or_else(|| key_of_part(s.part))
}

/// A finding of `rule` about something missing: no words to quote.
pub(crate) fn missing(rule: Rule, message: impl Into<String>) -> Finding {
    Finding {
        // Every rule of a missing thing names its key; the prose checks always quote words.
        key: rule.key.unwrap_or(Key::Choice),
        rule: rule.id.to_string(),
        severity: rule.severity,
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
