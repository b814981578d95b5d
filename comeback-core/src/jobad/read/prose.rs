//! Prose: sentences, and their clauses read for the ways an ad states a requirement ("You will have
//! X", "X is essential", "X would be an advantage", "you'll build X, and help us Y").

use super::{trim, Reader, Section, Strength, ITEM_WORDS, VALUE_WORDS};
use crate::jobad::words::vocab;
use crate::jobad::Level;

impl Reader<'_> {
    /// Sentences of a line: split after ".", "!" or "?" followed by a space and not after an
    /// abbreviation or before a lower-case word.
    pub(super) fn sentences(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        const ABBREVIATIONS: &[&str] = &[
            "e.g", "i.e", "etc", "approx", "incl", "inc", "ltd", "no", "vs", "mr", "mrs", "ms",
            "dr", "st", "co", "eg", "ie", "w/c",
        ];
        let text = &self.clean[start..end];
        let mut out = Vec::new();
        let mut from = start;
        let mut chars = text.char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            let Some(&(j, n)) = chars.peek() else {
                continue;
            };
            if !n.is_whitespace() {
                continue;
            }
            let next = text[j..].trim_start().chars().next();
            if next.is_some_and(char::is_lowercase) {
                continue;
            }
            if c == '.' {
                let word: String = text[..k]
                    .chars()
                    .rev()
                    .take_while(|c| !c.is_whitespace())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect::<String>()
                    .to_lowercase();
                if ABBREVIATIONS.contains(&word.as_str()) {
                    continue;
                }
            }
            out.push(trim(self.clean, from, start + j));
            from = start + j;
        }
        out.push(trim(self.clean, from, end));
        out.retain(|(a, b)| a < b);
        out
    }

    /// A sentence of prose.
    pub(super) fn sentence(&mut self, start: usize, end: usize, section: Section, single: bool) {
        let run = self.run(start, end);
        let prev = self.prev_sentence.replace((start, end));
        if run.words.is_empty() {
            return;
        }
        let noise = self.noise(&run, start, end);
        if let Some((kind, Strength::Strong)) = noise {
            self.ignore(kind, start, end);
            return;
        }
        if self.back_values(&run, prev) {
            self.ignore_as_section(section, start, end);
            return;
        }
        if self.values_in(start, end, &run) {
            return;
        }
        if let Some((kind, Strength::Medium)) = noise {
            self.ignore(kind, start, end);
            return;
        }
        match section {
            Section::Noise(kind) => {
                self.ignore(kind, start, end);
                return;
            }
            Section::Values => {
                // A short list ("Kindness, courage, curiosity.") is read item by item; a sentence
                // only for the values it names ("We'd rather ship small and often" names none).
                let items = self.clean[start..end].matches(',').count() + 1;
                if run.words.len() <= VALUE_WORDS * items && run.words.len() <= 3 * items + 2 {
                    self.value_list(start, end);
                } else {
                    let norms = run.norms();
                    for (i, len, _) in vocab().list("value").find(&norms) {
                        self.push_value(run.words[i].start, run.words[i + len - 1].end);
                    }
                }
                return;
            }
            _ => {}
        }
        if self.clauses_stated(start, end) {
            return;
        }
        let norms = run.norms();
        if section.takes_items() && single && run.words.len() <= ITEM_WORDS {
            if !vocab().list("negated").any(&norms) {
                self.whole_item(start, end, &run, section);
            }
            return;
        }
        if let Some((kind, _)) = noise {
            self.ignore(kind, start, end);
        }
    }

    pub(super) fn ignore_as_section(&mut self, section: Section, start: usize, end: usize) {
        if let Section::Noise(kind) = section {
            self.ignore(kind, start, end);
        }
    }

    /// Reads the clauses of a sentence for the ways prose states a requirement; true when one did.
    pub(super) fn clauses_stated(&mut self, start: usize, end: usize) -> bool {
        let mut led: Option<(Level, bool)> = None;
        let mut any = false;
        for (a, b, carries) in self.clauses(start, end) {
            match self.clause(a, b) {
                Some(how) => led = Some(how),
                // "In this role you'll build X, answer Y, and help us Z": a clause that goes on
                // with a verb carries on the lead-in before it.
                None => {
                    if let Some((level, duty)) = led {
                        if carries || self.continues(a, b) {
                            self.push_requirement(a, b, level, duty);
                        }
                    }
                }
            }
            any |= led.is_some();
        }
        any
    }

    /// A clause that carries on the one before: it opens with a word that is no function word
    /// ("help us forecast", not "we'll train you").
    pub(super) fn continues(&self, start: usize, end: usize) -> bool {
        let run = self.run(start, end);
        let v = vocab();
        let norms = run.norms();
        norms.len() >= 2
            && !v.function.contains(norms[0])
            && !v.list("negated").any(&norms)
            && self.noise(&run, start, end).is_none()
    }

    /// A sentence's clauses: split at ";" and at ", and" / ", but"; a reason or an aside after a
    /// comma (", as you will ...") ends the clause and is dropped, unless it states a requirement
    /// of its own (", so you need to be organised"). Each clause says whether it carries on the one
    /// before whatever its first word (", as would a first aid certificate").
    pub(super) fn clauses(&self, start: usize, end: usize) -> Vec<(usize, usize, bool)> {
        let v = vocab();
        let run = self.run(start, end);
        let norms = run.norms();
        let mut out = Vec::new();
        let mut from = start;
        let mut carries = false;
        let mut skipping = false;
        for (i, w) in run.words.iter().enumerate() {
            if i == 0 {
                continue;
            }
            let gap = &self.clean[run.words[i - 1].end..w.start];
            let comma = gap.contains(',');
            if gap.contains(';') {
                if !skipping {
                    out.push((from, run.words[i - 1].end, carries));
                }
                (skipping, carries, from) = (false, false, w.start);
                continue;
            }
            let breaks = v.list("clause_break").at(&norms, i);
            if let Some((len, _)) = breaks.filter(|_| comma || norms[i] == "because") {
                // ", so you need to be X": the aside states a requirement of its own.
                let own = (i + 1..(i + 1 + len).min(norms.len()))
                    .find(|&k| v.list("lead_essential").at(&norms, k).is_some());
                if !skipping {
                    out.push((from, run.words[i - 1].end, carries));
                }
                match own {
                    Some(k) => (skipping, carries, from) = (false, false, run.words[k].start),
                    None => skipping = true,
                }
                continue;
            }
            if skipping {
                continue;
            }
            // ", as would X", ", as is X": X has the level of what came before.
            let also = comma
                && norms[i] == "as"
                && norms
                    .get(i + 1)
                    .is_some_and(|n| matches!(*n, "would" | "is" | "are" | "does" | "do"));
            if also {
                out.push((from, run.words[i - 1].end, carries));
                from = run.words.get(i + 2).map_or(end, |n| n.start);
                carries = true;
                continue;
            }
            if comma && matches!(norms[i], "and" | "but" | "while" | "whereas") {
                out.push((from, run.words[i - 1].end, carries));
                from = run.words.get(i + 1).map_or(end, |n| n.start);
                carries = false;
            }
        }
        if !skipping {
            out.push((from, end, carries));
        }
        out.retain(|(a, b, _)| a < b);
        out
    }

    /// One clause: a lead-in ("You will have X", "Ideally X") or a verdict ("X is essential",
    /// "X would be an advantage"). Returns the level and duty of the requirement it stated, if any.
    pub(super) fn clause(&mut self, start: usize, end: usize) -> Option<(Level, bool)> {
        let v = vocab();
        let run = self.run(start, end);
        let norms = run.norms();
        let n = norms.len();
        if n < 2 {
            return None;
        }
        let after = |k: usize| run.words.get(k).map(|w| w.start);
        // Lead-ins count within the first words ("As our Pharmacist you will be responsible for").
        let lead = |list: &str, within: usize| -> Option<usize> {
            (0..within.min(n)).find_map(|i| v.list(list).at(&norms, i).map(|(len, _)| i + len))
        };
        if let Some(k) = lead("lead_desirable", 3).filter(|&k| k < n) {
            let k = lead_after(&norms, k);
            if let Some(a) = after(k) {
                self.push_requirement(a, end, Level::Desirable, false);
                return Some((Level::Desirable, false));
            }
        }
        let verdict = |list: &str| -> Option<usize> {
            v.list(list)
                .find(&norms)
                .into_iter()
                .map(|(i, _, _)| i)
                .find(|&i| i >= 2 && norms[i - 1] != "not")
        };
        if let Some(i) = verdict("verdict_desirable") {
            self.push_requirement(start, run.words[i - 1].end, Level::Desirable, false);
            return Some((Level::Desirable, false));
        }
        if v.list("negated").any(&norms) {
            return None;
        }
        if let Some(i) = verdict("verdict_essential") {
            self.push_requirement(start, run.words[i - 1].end, Level::Essential, false);
            return Some((Level::Essential, false));
        }
        if let Some(k) = lead("lead_essential", 8).filter(|&k| k < n) {
            if let Some(a) = after(k) {
                self.push_requirement(a, end, Level::Essential, false);
                return Some((Level::Essential, false));
            }
        }
        if let Some(k) = lead("lead_duty", 8).filter(|&k| k < n) {
            if v.list("not_duty").at(&norms, k).is_some() {
                return None;
            }
            if let Some(a) = after(k) {
                self.push_requirement(a, end, Level::Essential, true);
                return Some((Level::Essential, true));
            }
        }
        None
    }
}

/// After a desirable lead-in, skips an essential one too ("Ideally you'll also have X").
fn lead_after(norms: &[&str], k: usize) -> usize {
    let v = vocab();
    let mut k = k;
    for list in ["lead_essential", "lead_duty"] {
        if let Some((len, _)) = v.list(list).at(norms, k) {
            if k + len < norms.len() {
                k += len;
            }
            break;
        }
    }
    k
}
