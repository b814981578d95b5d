//! Sentences: where a field's words are cut into sentences (abbreviations, decimals, bullets, line
//! breaks, and long runs with no punctuation cut before a clause opener).
//!
//! Every offset here is a byte offset into the text being read, on a char boundary.

use super::lexicon::{lexicon, List};
use super::text::Token;
use std::ops::Range;

/// A sentence: a byte range of the text and the range of its tokens.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
    /// Cut out of a long run with no punctuation, so its length says nothing about style.
    pub forced: bool,
}

fn is_terminator(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\u{2026}' | '\u{3002}' | '\u{FF01}' | '\u{FF1F}'
    )
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | '*' | '_'
    )
}

/// The word just before byte `at` (letters and inner dots), lower-cased.
fn word_before(text: &str, at: usize) -> String {
    let head = &text[..at];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '.' | '\'' | '\u{2019}'))
        .last()
        .map(|(i, _)| i)
        .unwrap_or(at);
    head[start..].to_lowercase()
}

/// Where sentences end: returns byte ranges covering every non-whitespace char of `text`, in order.
fn raw_sentences(text: &str) -> Vec<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if start.is_none() {
            if c.is_whitespace() {
                continue;
            }
            start = Some(i);
        }
        let s = start.unwrap_or(i);
        if c == '\n' || c == '\u{2029}' {
            // A line break ends a sentence unless the next line carries on in lower case.
            let rest = &text[i + c.len_utf8()..];
            let next = rest.chars().find(|ch| !ch.is_whitespace() || *ch == '\n');
            let carry_on = matches!(next, Some(n) if n.is_lowercase());
            if !carry_on {
                let end = text[..i].trim_end().len();
                if end > s {
                    out.push((s, end, false));
                }
                start = None;
            }
            continue;
        }
        if is_terminator(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if is_terminator(d) || is_closer(d) {
                    end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let after = text[end..].chars().next();
            let at_break = after.is_none_or(|a| a.is_whitespace());
            if !at_break {
                continue;
            }
            if c == '.' {
                let w = word_before(text, i);
                let w = w.trim_end_matches('.');
                let next_word = text[end..].trim_start().chars().next();
                let lower_next =
                    matches!(next_word, Some(n) if n.is_lowercase() || n.is_ascii_digit());
                let single_letter = w.chars().count() == 1 && w.chars().all(|x| x.is_alphabetic());
                if lower_next
                    || single_letter
                    || (lexicon().has(List::Abbreviation, w) && next_word.is_some() && w != "etc")
                {
                    continue;
                }
            }
            out.push((s, end, true));
            start = None;
        }
    }
    if let Some(s) = start {
        let end = text.trim_end().len();
        if end > s {
            out.push((s, end, false));
        }
    }
    let _ = bytes;
    out
}

/// Sentences of `text` with their tokens. Long runs with no punctuation are cut before clause
/// openers so that a transcript without punctuation still splits into parts.
pub(crate) fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let raw = raw_sentences(text);
    let mut out = Vec::with_capacity(raw.len());
    let mut t = 0;
    for (s, e, terminated) in raw {
        while t < tokens.len() && tokens[t].start < s {
            t += 1;
        }
        let first = t;
        while t < tokens.len() && tokens[t].end <= e {
            t += 1;
        }
        let last = t;
        if terminated || last - first <= 40 {
            out.push(Sentence {
                start: s,
                end: e,
                tokens: first..last,
                forced: false,
            });
            continue;
        }
        // Cut a long unpunctuated run at clause openers, keeping pieces at least eight words long.
        let mut piece_start = s;
        let mut piece_first = first;
        for k in first + 1..last {
            let opener = lexicon().has(List::ClauseOpener, &tokens[k].norm)
                || (tokens[k].norm == "i" && k - piece_first >= 25);
            if opener && k - piece_first >= 8 && last - k >= 4 {
                let end = text[..tokens[k].start].trim_end().len().max(piece_start);
                out.push(Sentence {
                    start: piece_start,
                    end,
                    tokens: piece_first..k,
                    forced: true,
                });
                piece_start = tokens[k].start;
                piece_first = k;
            }
        }
        out.push(Sentence {
            start: piece_start,
            end: e,
            tokens: piece_first..last,
            forced: piece_first != first,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::text::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        sentences(text, &toks)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn sentences_survive_abbreviations_and_decimals() {
        let s = split(
            "I met Dr. Patel at 9 a.m. on Monday. Costs rose 3.5 times, e.g. for fuel. Done!",
        );
        assert_eq!(
            s,
            [
                "I met Dr. Patel at 9 a.m. on Monday.",
                "Costs rose 3.5 times, e.g. for fuel.",
                "Done!"
            ]
        );
    }

    #[test]
    fn bullets_and_lines_split() {
        let s = split("What I did:\n- Called the vendor\n- Rolled back\nand checked logs");
        assert_eq!(
            s,
            [
                "What I did:",
                "- Called the vendor",
                "- Rolled back\nand checked logs"
            ]
        );
    }

    #[test]
    fn long_unpunctuated_runs_are_cut() {
        let text = "the server went down on a busy friday and we lost orders for two hours so i called the vendor and we rolled back the release within ten minutes then i wrote a checklist and since then we have had no repeat of it at all in the team";
        let s = split(text);
        assert!(s.len() >= 3, "{s:?}");
    }
}
