//! The reading of an ad, line by line: headings open sections, bullets and short lines under a
//! section of requirements are requirements, prose is read clause by clause for the ways an ad
//! states a requirement ("You will have X", "X is essential", "X would be an advantage"), and noise
//! is recognised by its markers and left out.
//!
//! Here: the line walk, sections and headings, labels ("Salary: ..."), lists and tables of
//! requirements, noise. `title.rs` finds the title, `prose.rs` reads sentences and clauses, and
//! `values.rs` the employer's values.

mod prose;
mod title;
mod values;

use super::compare::requirement_words;
use super::markup;
use super::words::{vocab, words_in, Utf16Index, Word};
use super::{
    AdNotice, AdNoticeKind, Ignored, JobAd, Level, NoiseKind, Quote, Requirement, TextSpan,
    MAX_AD_BYTES,
};

/// The part of the ad a line belongs to, opened by the last heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// Before any heading.
    Top,
    Essential,
    Duties,
    Desirable,
    Values,
    /// A description of the job or the team ("About the role", an unknown heading).
    Other,
    Noise(NoiseKind),
}

impl Section {
    fn takes_items(self) -> bool {
        matches!(
            self,
            Section::Essential | Section::Duties | Section::Desirable
        )
    }
}

/// The heading lists of `data/jobad.txt`, in the order a heading naming two of them is decided
/// ("Skills and experience (desirable)" is desirable).
const HEADINGS: &[(&str, Section)] = &[
    ("heading_desirable", Section::Desirable),
    ("heading_essential", Section::Essential),
    ("heading_duties", Section::Duties),
    ("heading_values", Section::Values),
    ("heading_benefits", Section::Noise(NoiseKind::Benefits)),
    ("heading_salary", Section::Noise(NoiseKind::Salary)),
    ("heading_apply", Section::Noise(NoiseKind::HowToApply)),
    ("heading_company", Section::Noise(NoiseKind::Company)),
    ("heading_eeo", Section::Noise(NoiseKind::EqualOpportunity)),
    ("heading_other", Section::Other),
];

/// Lists that only label a line ("Location: Leeds"), never stand alone as a heading.
const LABELS_ONLY: &[(&str, Section)] =
    &[("heading_details", Section::Noise(NoiseKind::JobDetails))];

/// How strong a noise marker is: strong ones hold anywhere, medium ones outside the bullets of a
/// requirement section, weak ones only outside requirement sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Weak,
    Medium,
    Strong,
}

const NOISE: &[(&str, NoiseKind, Strength)] = &[
    ("noise_eeo", NoiseKind::EqualOpportunity, Strength::Strong),
    ("noise_apply", NoiseKind::HowToApply, Strength::Strong),
    ("noise_page", NoiseKind::PageFurniture, Strength::Strong),
    ("noise_salary", NoiseKind::Salary, Strength::Medium),
    ("noise_benefits", NoiseKind::Benefits, Strength::Medium),
    ("noise_details", NoiseKind::JobDetails, Strength::Weak),
    ("noise_company", NoiseKind::Company, Strength::Weak),
];

/// Lines near the top where the title is looked for.
const TITLE_LINES: usize = 15;
/// The most words of a title.
const TITLE_WORDS: usize = 8;
/// The most words of a line or sentence taken whole as one requirement.
const ITEM_WORDS: usize = 40;
/// The most words of a value read from a list.
const VALUE_WORDS: usize = 5;
/// The most values kept (an ad states a handful; a list of hundreds is not one of values).
const MAX_VALUES: usize = 40;

/// A run of the ad's words with where they sit.
struct Run<'a> {
    words: &'a [Word],
}

impl Run<'_> {
    fn norms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.norm.as_str()).collect()
    }
}

struct Reader<'a> {
    /// The text read with markup blanked out (same length, same offsets as the ad).
    clean: &'a str,
    /// Its words, read once.
    words: &'a [Word],
    utf16: Utf16Index<'a>,
    ad: JobAd,
    section: Section,
    /// Non-blank lines seen so far.
    lines: usize,
    /// A requirement section has been opened (the title is no longer looked for).
    in_body: bool,
    title_fallback: Option<(usize, usize)>,
    /// Words read, and how many of them are English function words.
    word_count: usize,
    function_count: usize,
    /// Letters read, and how many of them are Latin (A to Z, with or without accents).
    letters: usize,
    latin_letters: usize,
    /// The previous prose sentence, for "These are our values" after the list.
    prev_sentence: Option<(usize, usize)>,
    /// How many things were taken, when the last noise was pushed (to merge runs of noise).
    taken: usize,
    last_noise_taken: Option<usize>,
}

/// Reads an ad (see [`super::read_job_ad`]).
pub(super) fn read(text: &str) -> JobAd {
    let total = text.len();
    let mut limit = total.min(MAX_AD_BYTES);
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    if limit < total {
        // End on a line break when there is one near the cut, so no line is read half.
        if let Some(nl) = text[..limit].rfind('\n') {
            if limit - nl < 4096 {
                limit = nl;
            }
        }
    }
    let src = &text[..limit];
    let mut notices = Vec::new();
    if limit < total {
        notices.push(AdNotice {
            kind: AdNoticeKind::TooLong,
            message: format!(
                "This ad is very long ({} KB), so only its first {} KB were read. Paste just the job's own text (its title, duties and requirements) for a full reading.",
                total.div_ceil(1024),
                MAX_AD_BYTES / 1024
            ),
        });
    }
    if src.trim().is_empty() {
        notices.push(AdNotice {
            kind: AdNoticeKind::Empty,
            message: "The job ad is empty. Paste the ad's text to check your story against what this employer calls essential.".to_string(),
        });
        return JobAd {
            notices,
            read_bytes: limit,
            ..JobAd::default()
        };
    }
    let (clean, marks) = markup::clean(src);
    let words = words_in(&clean, 0, clean.len());
    let mut r = Reader {
        clean: &clean,
        words: &words,
        utf16: Utf16Index::new(src),
        ad: JobAd::default(),
        section: Section::Top,
        lines: 0,
        in_body: false,
        title_fallback: None,
        word_count: 0,
        function_count: 0,
        letters: 0,
        latin_letters: 0,
        prev_sentence: None,
        taken: 0,
        last_noise_taken: None,
    };
    let mut pos = 0;
    let ends: Vec<(usize, usize)> = r
        .clean
        .split(['\n', '\r', '\u{2028}', '\u{2029}'])
        .map(|l| {
            let span = (pos, pos + l.len());
            let separator = r.clean[span.1..].chars().next().map_or(0, char::len_utf8);
            pos += l.len() + separator;
            span
        })
        .collect();
    for (start, end) in ends {
        r.line(start, end);
    }
    for m in marks {
        let span = r.span(m.start, m.end);
        r.ad.ignored.push(Ignored {
            kind: NoiseKind::Markup,
            span,
        });
    }
    r.ad.ignored.sort_by_key(|i| (i.span.start, i.span.end));
    r.finish(notices, limit)
}

/// The first and last non-white-space bytes of `text[start..end]`, as a byte range.
fn trim(text: &str, start: usize, end: usize) -> (usize, usize) {
    let Some(s) = text.get(start..end) else {
        return (start, start);
    };
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (start + lead, start + lead + t.len())
}

/// Trims white space and the punctuation that closes a phrase (".", ";", ":", ",", dashes).
fn trim_phrase(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (s, e) = trim(text, start, end);
    let Some(slice) = text.get(s..e) else {
        return (s, e);
    };
    let closing =
        |c: char| c.is_whitespace() || matches!(c, '.' | ';' | ':' | ',' | '-' | '–' | '—');
    let opening = |c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—');
    let t = slice.trim_end_matches(closing);
    let lead = t.len() - t.trim_start_matches(opening).len();
    (s + lead, s + t.len())
}

/// A bullet or a list number at the start of `line`: the byte offset where its content starts.
fn bullet(line: &str) -> Option<usize> {
    let c = line.chars().next()?;
    let after = |k: usize| line.get(k..).and_then(|r| r.chars().next());
    let rest_at = |k: usize| {
        line.get(k..)
            .map_or(k, |r| k + (r.len() - r.trim_start().len()))
    };
    if matches!(c, '-' | '*' | '+' | '–' | '—') {
        let k = c.len_utf8();
        return after(k).filter(|n| n.is_whitespace()).map(|_| rest_at(k));
    }
    if matches!(
        c,
        '•' | '·'
            | '‣'
            | '▪'
            | '◦'
            | '→'
            | '✓'
            | '✔'
            | '☑'
            | '○'
            | '●'
            | '■'
            | '□'
            | '➢'
            | '►'
            | '➤'
            | '✅'
    ) {
        return Some(rest_at(c.len_utf8()));
    }
    // "1.", "2)", "(3)", "a)", "(b)", "iv."
    let open = usize::from(c == '(');
    let body: String = line[open..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let k = open + body.len();
    let close = after(k)?;
    let numbered = !body.is_empty()
        && ((body.len() <= 2 && body.bytes().all(|b| b.is_ascii_digit()))
            || (body.len() == 1 && body.bytes().all(|b| b.is_ascii_lowercase()))
            || matches!(body.as_str(), "i" | "ii" | "iii" | "iv" | "v" | "vi"));
    let closes = if open == 1 {
        close == ')'
    } else {
        close == '.' || close == ')'
    };
    // The closing mark is ASCII when it counts, so `k + 1` is a char boundary then.
    let spaced = closes && after(k + 1).is_some_and(char::is_whitespace);
    (numbered && spaced).then(|| rest_at(k + 1))
}

impl<'a> Reader<'a> {
    fn span(&self, start: usize, end: usize) -> TextSpan {
        TextSpan {
            start,
            end,
            utf16_start: self.utf16.at(start),
            utf16_end: self.utf16.at(end),
        }
    }

    /// The clean text of a range, with every run of white space made one space.
    fn text_of(&self, start: usize, end: usize) -> String {
        self.clean
            .get(start..end)
            .unwrap_or("")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The words that lie within `start..end`.
    fn run(&self, start: usize, end: usize) -> Run<'a> {
        let words = self.words;
        let lo = words.partition_point(|w| w.start < start);
        let hi = words.partition_point(|w| w.end <= end).max(lo);
        Run {
            words: &words[lo..hi],
        }
    }

    fn ignore(&mut self, kind: NoiseKind, start: usize, end: usize) {
        if start >= end {
            return;
        }
        if self.last_noise_taken == Some(self.taken) {
            if let Some(last) = self.ad.ignored.last_mut() {
                if last.kind == kind && last.span.end <= start {
                    last.span = TextSpan {
                        end,
                        utf16_end: self.utf16.at(end),
                        ..last.span
                    };
                    return;
                }
            }
        }
        let span = self.span(start, end);
        self.ad.ignored.push(Ignored { kind, span });
        self.last_noise_taken = Some(self.taken);
    }

    /// The strongest noise marker in a run of words (or a sum of money in its text).
    fn noise(&self, run: &Run, start: usize, end: usize) -> Option<(NoiseKind, Strength)> {
        let v = vocab();
        let norms = run.norms();
        let mut best: Option<(NoiseKind, Strength)> = None;
        for (list, kind, strength) in NOISE {
            if best.is_some_and(|(_, s)| s >= *strength) {
                continue;
            }
            if v.list(list).any(&norms) {
                best = Some((*kind, *strength));
            }
        }
        if best.is_none() && self.has_money(run, start, end) {
            best = Some((NoiseKind::Salary, Strength::Weak));
        }
        best
    }

    /// A sum of money: a currency sign before a digit, or "35k".
    fn has_money(&self, run: &Run, start: usize, end: usize) -> bool {
        let text = self.clean.get(start..end).unwrap_or("");
        let mut prev_sign = false;
        for c in text.chars() {
            if prev_sign && c.is_ascii_digit() {
                return true;
            }
            if !c.is_whitespace() {
                prev_sign = matches!(c, '£' | '$' | '€' | '¥' | '₹');
            }
        }
        run.words.iter().any(|w| {
            w.norm.len() > 1
                && w.norm.ends_with('k')
                && w.norm[..w.norm.len() - 1]
                    .bytes()
                    .all(|b| b.is_ascii_digit())
        })
    }

    fn line(&mut self, start: usize, end: usize) {
        let (s, e) = trim(self.clean, start, end);
        if s >= e {
            return;
        }
        self.lines += 1;
        let line = self.clean[s..e].to_string();
        let all = self.run(s, e);
        let v = vocab();
        self.word_count += all.words.len();
        self.function_count += all
            .words
            .iter()
            .filter(|w| v.function.contains(w.norm.as_str()))
            .count();
        for c in line.chars().filter(|c| c.is_alphabetic()) {
            self.letters += 1;
            self.latin_letters +=
                usize::from(c.is_ascii_alphabetic() || ('\u{c0}'..='\u{24f}').contains(&c));
        }
        if all.words.is_empty() {
            return;
        }
        let norms = all.norms();
        if v.list("page_line").is(&norms) || v.list("noise_page").any(&norms) {
            self.ignore(NoiseKind::PageFurniture, s, e);
            return;
        }
        let bullet_at = bullet(&line);
        let markdown = line.starts_with('#');
        let content = s + bullet_at.unwrap_or(usize::from(markdown));
        let (cs, ce) = trim(self.clean, content, e);
        if bullet_at.is_none() && self.title_line(cs, ce, markdown) {
            return;
        }
        if self.table_row(cs, ce) {
            return;
        }
        if bullet_at.is_none() {
            if let Some(section) = self.heading(cs, ce, markdown) {
                self.open(section, s, e);
                return;
            }
        }
        if bullet_at.is_some() {
            self.item(cs, ce, true);
            return;
        }
        let sentences = self.sentences(cs, ce);
        let single = sentences.len() == 1;
        let mut section = self.section;
        for (a, b) in sentences {
            if let Some((label, at)) = self.label(a, b) {
                section = label;
                self.labelled(label, a, at, b);
                continue;
            }
            self.sentence(a, b, section, single);
        }
    }

    fn open(&mut self, section: Section, start: usize, end: usize) {
        self.section = section;
        if section.takes_items() {
            self.in_body = true;
        }
        if let Section::Noise(kind) = section {
            self.ignore(kind, start, end);
        }
    }

    /// A table row of a person specification ("| Degree in X | Essential |"); true when the line
    /// was one (a requirement row, the header row or the rule under it).
    fn table_row(&mut self, start: usize, end: usize) -> bool {
        let line = &self.clean[start..end];
        if !line.contains('|') && !line.contains('\t') {
            return false;
        }
        let mut cells: Vec<(usize, usize)> = Vec::new();
        let mut from = start;
        for (k, c) in line.char_indices() {
            if c == '|' || c == '\t' {
                cells.push(trim(self.clean, from, start + k));
                from = start + k + 1;
            }
        }
        cells.push(trim(self.clean, from, end));
        cells.retain(|(a, b)| a < b);
        if cells.len() < 2 {
            return false;
        }
        if cells.iter().all(|&(a, b)| {
            self.clean[a..b]
                .chars()
                .all(|c| matches!(c, '-' | ':' | ' '))
        }) {
            self.ignore(NoiseKind::Markup, start, end);
            return true;
        }
        let level_of = |r: &Run| -> Option<Option<Level>> {
            let n = r.norms();
            let has = |w: &str| n.contains(&w);
            if (has("essential") && has("desirable")) || has("criteria") {
                return Some(None);
            }
            match n.as_slice() {
                ["essential"] | ["e"] | ["required"] => Some(Some(Level::Essential)),
                ["desirable"] | ["d"] | ["preferred"] => Some(Some(Level::Desirable)),
                _ => None,
            }
        };
        let Some(&(la, lb)) = cells.last() else {
            return false;
        };
        match level_of(&self.run(la, lb)) {
            Some(Some(level)) => {
                let (a, b) = cells[0];
                self.in_body = true;
                self.push_requirement(a, b, level, false);
                true
            }
            Some(None) => true,
            None => false,
        }
    }

    /// The section a heading line opens, if the line is a heading.
    fn heading(&self, start: usize, end: usize, markdown: bool) -> Option<Section> {
        let run = self.run(start, end);
        // "£45,000 + bonus" is pay, not a heading of desirables.
        if self.has_money(&run, start, end) {
            return None;
        }
        let colon = self.clean[start..end].trim_end().ends_with(':');
        if let Some(section) = self.heading_kind(&run, colon, markdown) {
            return Some(section);
        }
        let n = run.words.len();
        let text = &self.clean[start..end];
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let caps = !letters.is_empty() && letters.iter().all(|c| !c.is_lowercase());
        // "About Tillwise": a company's name after "about".
        let name = |w: &Word| self.clean[w.start..].starts_with(|c: char| c.is_uppercase());
        if n == 2 && run.words[0].norm == "about" && name(&run.words[1]) {
            return Some(Section::Noise(NoiseKind::Company));
        }
        if n == 0 || n > 6 || text.ends_with(['.', '!', '?', ',']) {
            return None;
        }
        (markdown || colon || caps).then_some(Section::Other)
    }

    /// The section named by a heading's words: exactly one of the heading lists, or one of them
    /// with at most two more words (any number when the line ends with ":" or is marked "#").
    fn heading_kind(&self, run: &Run, colon: bool, markdown: bool) -> Option<Section> {
        let norms = run.norms();
        let n = norms.len();
        if n == 0 || n > 12 || (n > 8 && !colon) {
            return None;
        }
        let v = vocab();
        for (list, section) in HEADINGS {
            if v.list(list).is(&norms) {
                return Some(*section);
            }
        }
        let mut best: Option<Section> = None;
        let mut longest = 0;
        let mut headed = false;
        for (list, section) in HEADINGS {
            for (i, len, _) in v.list(list).find(&norms) {
                longest = longest.max(len);
                if best.is_none() {
                    best = Some(*section);
                }
                // A one-word heading with words around it names the section when it is the last
                // word ("Job responsibilities") or is joined by "and" ("Skills and abilities");
                // "Company pension" is no heading "Company".
                headed |= i + len == n || norms.get(i + len) == Some(&"and");
            }
        }
        let loose = colon || markdown;
        let near = n <= longest + 2 && (longest >= 2 || headed);
        best.filter(|_| loose || near)
    }

    /// "Salary: £30,000", "Essential: a; b; c": a known label before a colon near the start of a
    /// sentence. Returns its section and where its content starts.
    fn label(&self, start: usize, end: usize) -> Option<(Section, usize)> {
        let text = &self.clean[start..end];
        let colon = text.find(':')?;
        let before = &text[..colon];
        let next = text[colon + 1..].chars().next();
        if before.ends_with(|c: char| c.is_ascii_digit())
            && next.is_some_and(|c| c.is_ascii_digit())
            || next == Some('/')
        {
            return None;
        }
        let run = self.run(start, start + colon);
        let norms = run.norms();
        if norms.is_empty() || norms.len() > 4 {
            return None;
        }
        let v = vocab();
        HEADINGS
            .iter()
            .chain(LABELS_ONLY)
            .find(|(list, _)| v.list(list).is(&norms))
            .map(|(_, section)| (*section, start + colon + 1))
    }

    /// The content of a labelled sentence.
    fn labelled(&mut self, section: Section, start: usize, content: usize, end: usize) {
        match section {
            Section::Noise(kind) => self.ignore(kind, start, end),
            Section::Values => self.value_list(content, end),
            Section::Essential | Section::Duties | Section::Desirable => {
                self.in_body = true;
                for (a, b) in self.list_items(content, end) {
                    self.item_in(a, b, section, false);
                }
            }
            Section::Other | Section::Top => self.sentence(content, end, section, true),
        }
    }

    /// The items of an inline list: split at ";" (or at "," when every part is short).
    fn list_items(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let text = &self.clean[start..end];
        let split_at = |sep: char| -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut from = start;
            for (k, c) in text.char_indices() {
                if c == sep {
                    out.push((from, start + k));
                    from = start + k + 1;
                }
            }
            out.push((from, end));
            out
        };
        if text.contains(';') {
            return split_at(';');
        }
        let parts = split_at(',');
        if parts.len() >= 3 && parts.iter().all(|&(a, b)| self.run(a, b).words.len() <= 6) {
            return parts;
        }
        vec![(start, end)]
    }

    /// A bullet, a short line under a requirement heading, or an item of an inline list.
    fn item(&mut self, start: usize, end: usize, bullet: bool) {
        let section = self.section;
        self.item_in(start, end, section, bullet);
    }

    fn item_in(&mut self, start: usize, end: usize, section: Section, bullet: bool) {
        let run = self.run(start, end);
        if run.words.is_empty() {
            return;
        }
        let noise = self.noise(&run, start, end);
        if let Some((kind, Strength::Strong)) = noise {
            self.ignore(kind, start, end);
            return;
        }
        match section {
            Section::Essential | Section::Duties | Section::Desirable => {
                if let Some((kind, Strength::Medium)) = noise.filter(|_| !bullet) {
                    self.ignore(kind, start, end);
                    return;
                }
                if self.values_in(start, end, &run) {
                    return;
                }
                if !bullet && self.clauses_stated(start, end) {
                    return;
                }
                self.whole_item(start, end, &run, section);
            }
            Section::Values => self.value_list(start, end),
            Section::Noise(kind) => self.ignore(kind, start, end),
            Section::Top | Section::Other => {
                if let Some((kind, _)) = noise {
                    self.ignore(kind, start, end);
                    return;
                }
                if !bullet {
                    self.sentence(start, end, section, true);
                    return;
                }
                if self.values_in(start, end, &run) {
                    return;
                }
                self.whole_item(start, end, &run, Section::Essential);
            }
        }
    }

    /// An item taken whole: the level marked on it ("(desirable)", "would be a plus") wins over
    /// the section's.
    fn whole_item(&mut self, start: usize, end: usize, run: &Run, section: Section) {
        let v = vocab();
        let norms = run.norms();
        let mut level = if section == Section::Desirable {
            Level::Desirable
        } else {
            Level::Essential
        };
        let (mut a, mut b) = (start, end);
        // A level written after the item: "(desirable)", "- essential", "is a plus".
        if let Some(last) = run.words.last() {
            let before = self.clean[..last.start].trim_end();
            let marked = before.ends_with(['(', '-', '–', '—', ',']);
            let word = last.norm.as_str();
            if marked
                && matches!(
                    word,
                    "desirable" | "d" | "preferred" | "essential" | "e" | "required"
                )
            {
                level = if matches!(word, "desirable" | "d" | "preferred") {
                    Level::Desirable
                } else {
                    Level::Essential
                };
                b = before.len().saturating_sub(1).max(a);
            }
        }
        let found = v.list("verdict_desirable").find(&norms);
        if let Some(&(i, _, _)) = found.last() {
            if i >= 2 {
                level = Level::Desirable;
                b = run.words[i - 1].end;
            }
        }
        let leads = v.list("lead_desirable").at(&norms, 0);
        if let Some((n, _)) = leads {
            if n < norms.len() {
                level = Level::Desirable;
                a = run.words[n].start;
            }
        }
        if v.list("negated").any(&norms) && level == Level::Essential {
            return;
        }
        self.push_requirement(a, b, level, section == Section::Duties);
    }

    fn push_requirement(&mut self, start: usize, end: usize, level: Level, duty: bool) {
        let (a, mut b) = trim_phrase(self.clean, start, end);
        if a >= b {
            return;
        }
        // Keep a bracket the phrase opened: "(or equivalent)", when it closes soon after.
        let inner = &self.clean[a..b];
        if inner.matches('(').count() > inner.matches(')').count() {
            let close = self.clean[b..]
                .char_indices()
                .take_while(|(k, _)| *k < 80)
                .find(|(_, c)| *c == ')' || *c == '\n');
            if let Some((k, ')')) = close {
                b += k + 1;
            }
        }
        let text = self.text_of(a, b);
        if text.is_empty() {
            return;
        }
        let quotes: Vec<Quote> = self
            .run(a, b)
            .words
            .iter()
            .map(|w| Quote {
                text: self.clean[w.start..w.end].to_string(),
                span: self.span(w.start, w.end),
            })
            .collect();
        let words = requirement_words(&quotes);
        let requirement = Requirement {
            text,
            span: self.span(a, b),
            level,
            duty,
            words,
        };
        match level {
            Level::Essential => self.ad.essentials.push(requirement),
            Level::Desirable => self.ad.desirables.push(requirement),
        }
        self.taken += 1;
    }

    fn finish(mut self, mut notices: Vec<AdNotice>, read_bytes: usize) -> JobAd {
        if self.ad.title.is_none() {
            if let Some((a, b)) = self.title_fallback {
                self.set_title(a, b, false);
            }
        }
        // English has function words ("the", "and", "you") in every few words; a text with almost
        // none, or written mostly in another script, is not English.
        let few_function_words =
            self.word_count >= 12 && self.function_count * 25 < self.word_count;
        let other_script = self.letters >= 20 && self.latin_letters * 2 < self.letters;
        let english = !few_function_words && !other_script;
        if !english {
            self.ad.essentials.clear();
            self.ad.desirables.clear();
            self.ad.values.clear();
            notices.push(AdNotice {
                kind: AdNoticeKind::NotEnglish,
                message: "This ad doesn't look like English, so its requirements can't be read. Paste an English version of the ad, or carry on without one.".to_string(),
            });
        } else if self.ad.essentials.is_empty() && self.ad.desirables.is_empty() {
            notices.push(AdNotice {
                kind: AdNoticeKind::NoRequirements,
                message: "No requirements were found in this ad. Paste the part that says what the job needs (often under \"Requirements\", \"About you\" or \"What you'll do\").".to_string(),
            });
        }
        self.ad.notices = notices;
        self.ad.read_bytes = read_bytes;
        self.ad
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_and_list_numbers() {
        assert_eq!(bullet("- item"), Some(2));
        assert_eq!(bullet("• item"), Some(4));
        assert_eq!(bullet("•item"), Some(3));
        assert_eq!(bullet("1. item"), Some(3));
        assert_eq!(bullet("12) item"), Some(4));
        assert_eq!(bullet("(a) item"), Some(4));
        assert_eq!(bullet("a) item"), Some(3));
        assert_eq!(bullet("iv. item"), Some(4));
        assert_eq!(bullet("3.5 years"), None);
        assert_eq!(bullet("1 year of experience"), None);
        assert_eq!(bullet("-5 degrees"), None);
        assert_eq!(bullet("*bold* start"), None);
        assert_eq!(bullet("Experience. Of"), None);
        assert_eq!(bullet("£45,000 - £50,000"), None);
        assert_eq!(bullet("1£ x"), None);
    }

    #[test]
    fn phrases_lose_closing_punctuation() {
        let t = "  - Linux and networking; ";
        let (a, b) = trim_phrase(t, 0, t.len());
        assert_eq!(&t[a..b], "Linux and networking");
    }
}
