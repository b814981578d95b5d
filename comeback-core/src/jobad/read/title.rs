//! The title: a "Job title:" label, or the first short line near the top whose first part names a
//! job (a role of the role table or a word such as "manager"), without location, pay or grade.

use super::{trim, trim_phrase, Reader, TITLE_LINES, TITLE_WORDS};
use crate::analyzer::match_role;
use crate::jobad::words::{vocab, Word};
use crate::jobad::{AdTitle, NoiseKind};

impl Reader<'_> {
    /// Looks for the title in the first lines: a "Job title:" label, or the first short line whose
    /// first part names a job (a role of the role table or a word such as "manager").
    pub(super) fn title_line(&mut self, start: usize, end: usize, markdown: bool) -> bool {
        if self.ad.title.is_some() || self.lines > TITLE_LINES {
            return false;
        }
        let v = vocab();
        if let Some(colon) = self.clean[start..end].find(':') {
            let label = self.run(start, start + colon);
            if v.list("heading_title").is(&label.norms()) {
                let (a, b) = trim(self.clean, start + colon + 1, end);
                if self.set_title(a, b, true) {
                    return true;
                }
            }
        }
        if self.in_body {
            return false;
        }
        let (a, b) = self.title_part(start, end);
        let run = self.run(a, b);
        let n = run.words.len();
        // A sentence is no title, unless its first part is one ("Night Receptionist needed for ...").
        let line = self.clean[start..end].trim_end();
        let whole = b >= start + line.len().saturating_sub(1);
        let sentence = whole && line.ends_with(['.', '!', '?']) && run.words.len() > 4;
        if n == 0
            || n > TITLE_WORDS
            || sentence
            || self.heading_kind(&run, false, markdown).is_some()
        {
            return false;
        }
        if self.noise(&run, a, b).is_some() {
            return false;
        }
        let norms = run.norms();
        let strong = norms.iter().any(|w| v.list("title_word").is(&[w]))
            || match_role(&self.text_of(a, b)).is_some();
        if !strong {
            if self.title_fallback.is_none()
                && !norms.iter().all(|w| w.bytes().all(|b| b.is_ascii_digit()))
            {
                self.title_fallback = Some((a, b));
            }
            return false;
        }
        if !self.set_title(a, b, false) {
            return false;
        }
        // The rest of the line (location, pay, contract) is noise.
        let (ra, rb) = trim(self.clean, b, end);
        if ra < rb {
            let rest = self.run(ra, rb);
            let kind = self
                .noise(&rest, ra, rb)
                .map_or(NoiseKind::JobDetails, |(k, _)| k);
            self.ignore(kind, ra, rb);
        }
        true
    }

    /// The first part of a title line: up to the first separator (" – ", " | ", ", "...).
    pub(super) fn title_part(&self, start: usize, end: usize) -> (usize, usize) {
        let line = &self.clean[start..end];
        const SEPARATORS: &[&str] = &[
            " – ", " - ", " — ", " | ", "|", " · ", "·", ", ", " @ ", " at ", " (", "(", ": ",
        ];
        let cut = SEPARATORS
            .iter()
            .filter_map(|sep| line.find(sep))
            .filter(|&k| !line[..k].trim().is_empty())
            .min()
            .unwrap_or(line.len());
        // "Night Receptionist needed for a boutique hotel": the title ends before "needed".
        let run = self.run(start, start + cut);
        let cut = run
            .words
            .iter()
            .enumerate()
            .skip(1)
            .take(TITLE_WORDS)
            .find(|(_, w)| matches!(w.norm.as_str(), "needed" | "wanted" | "required"))
            .map_or(start + cut, |(i, _)| run.words[i - 1].end);
        trim_phrase(self.clean, start, cut)
    }

    /// Sets the title to the words of `start..end`, without a leading year or pay grade or a
    /// trailing "wanted".
    pub(super) fn set_title(&mut self, start: usize, end: usize, labelled: bool) -> bool {
        let (start, end) = if labelled {
            self.title_part(start, end)
        } else {
            (start, end)
        };
        let run = self.run(start, end);
        let v = vocab();
        let mut words: &[Word] = run.words;
        if let Some(first) = words.first() {
            if first.norm.len() == 4 && first.norm.bytes().all(|b| b.is_ascii_digit()) {
                words = &words[1..];
            }
        }
        // A pay grade before the title: "Band 6 Physiotherapist", "Grade 5 Technician".
        if let [grade, number, _, ..] = words {
            let digits = number.norm.bytes().all(|b| b.is_ascii_digit());
            if matches!(grade.norm.as_str(), "band" | "grade") && digits {
                words = &words[2..];
            }
        }
        while let Some(last) = words.last() {
            if words.len() > 1 && v.list("title_noise").is(&[last.norm.as_str()]) {
                words = &words[..words.len() - 1];
            } else {
                break;
            }
        }
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return false;
        };
        let (a, b) = (first.start, last.end);
        let text = self.text_of(a, b);
        let role = match_role(&text);
        let span = self.span(a, b);
        self.ad.title = Some(AdTitle { text, span, role });
        self.taken += 1;
        true
    }
}
