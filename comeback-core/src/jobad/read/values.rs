//! Values: what the employer says it holds, from a sentence with a cue ("We value ownership and
//! kindness", "Our values: ..."), a section of values, quotes in such a sentence, and the value
//! phrases marked in the vocabulary wherever they are ("patient safety first").

use super::{trim_phrase, Reader, Run, MAX_VALUES, VALUE_WORDS};
use crate::jobad::words::{vocab, Word};
use crate::jobad::AdValue;

impl Reader<'_> {
    /// Values named in a sentence with a value cue ("We value ownership and kindness", "Our values:
    /// ..."), and the marked values ("patient safety first") anywhere. True when the sentence was
    /// about values (a cue was found).
    pub(super) fn values_in(&mut self, start: usize, end: usize, run: &Run) -> bool {
        let v = vocab();
        let norms = run.norms();
        let cue = v.list("value_cue").any(&norms);
        if cue {
            let list = (0..norms.len()).find_map(|i| {
                v.list("value_list_cue")
                    .at(&norms, i)
                    .map(|(len, _)| i + len)
            });
            if let Some(w) = list.and_then(|k| run.words.get(k)) {
                self.value_list(w.start, end);
            }
            self.quoted_values(start, end);
        }
        for (i, len, marked) in v.list("value").find(&norms) {
            if cue || marked {
                self.push_value(run.words[i].start, run.words[i + len - 1].end);
            }
        }
        cue
    }

    /// "These are our values" after the sentence that lists them.
    pub(super) fn back_values(&mut self, run: &Run, prev: Option<(usize, usize)>) -> bool {
        let norms = run.norms();
        let back = matches!(
            norms.as_slice(),
            ["these", "are", "our", "values", ..] | ["this", "is", "what", "we", "value", ..]
        );
        let Some((a, b)) = prev.filter(|_| back) else {
            return false;
        };
        let v = vocab();
        let prev_run = self.run(a, b);
        let prev_norms = prev_run.norms();
        for (i, len, _) in v.list("value").find(&prev_norms) {
            self.push_value(prev_run.words[i].start, prev_run.words[i + len - 1].end);
        }
        true
    }

    /// A list of values: items split at commas, the last "and" and ";"; a lead such as "simple:"
    /// or "to be" dropped; items longer than a few words left out.
    pub(super) fn value_list(&mut self, start: usize, end: usize) {
        let mut start = start;
        let text = &self.clean[start..end];
        if let Some(colon) = text.find(':') {
            if self.run(start, start + colon).words.len() <= 2 {
                start += colon + 1;
            }
        }
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut from = start;
        for (k, c) in self.clean[start..end].char_indices() {
            if matches!(c, ',' | ';') {
                items.push((from, start + k));
                from = start + k + 1;
            }
        }
        items.push((from, end));
        // The last item may hold the final "and": "curiosity and perseverance".
        {
            if let Some(&(a, b)) = items.last() {
                let run = self.run(a, b);
                if let Some(and) = run.words.iter().skip(1).find(|w| w.norm == "and") {
                    items.pop();
                    items.push((a, and.start));
                    items.push((and.end, b));
                }
            }
        }
        for (a, b) in items {
            let run = self.run(a, b);
            let mut words: &[Word] = run.words;
            while let Some(first) = words.first() {
                if matches!(
                    first.norm.as_str(),
                    "and" | "to" | "be" | "also" | "of" | "with"
                ) && words.len() > 1
                {
                    words = &words[1..];
                } else {
                    break;
                }
            }
            if words.is_empty() || words.len() > VALUE_WORDS {
                continue;
            }
            let (Some(f), Some(l)) = (words.first(), words.last()) else {
                continue;
            };
            let (f, l) = (f.start, l.end);
            self.push_value(f, l);
        }
    }

    /// Short phrases in quotes in a sentence about values ("we own the outcome").
    pub(super) fn quoted_values(&mut self, start: usize, end: usize) {
        let text = &self.clean[start..end];
        let mut open: Option<usize> = None;
        let mut found = Vec::new();
        for (k, c) in text.char_indices() {
            match (c, open) {
                ('"' | '“', None) => open = Some(start + k + c.len_utf8()),
                ('"' | '”', Some(o)) => {
                    found.push((o, start + k));
                    open = None;
                }
                _ => {}
            }
        }
        for (a, b) in found {
            let n = self.run(a, b).words.len();
            if (1..=6).contains(&n) {
                let (a, b) = trim_phrase(self.clean, a, b);
                self.push_value(a, b);
            }
        }
    }

    pub(super) fn push_value(&mut self, start: usize, end: usize) {
        if self.ad.values.len() >= MAX_VALUES {
            return;
        }
        let text = self.text_of(start, end);
        let inside = |v: &AdValue| v.span.start <= start && end <= v.span.end;
        if text.is_empty() || self.ad.values.iter().any(inside) {
            return;
        }
        let key = text.to_lowercase();
        if self.ad.values.iter().any(|v| v.text.to_lowercase() == key) {
            return;
        }
        let span = self.span(start, end);
        self.ad.values.push(AdValue { text, span });
        self.taken += 1;
    }
}
