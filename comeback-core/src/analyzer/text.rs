//! Words and sentences: the tokenizer, the sentence splitter and UTF-16 offsets.
//!
//! Every offset here is a byte offset into the text being read, on a char boundary.

use std::ops::Range;

/// A word (or number) of the text.
#[derive(Debug, Clone)]
pub(crate) struct Token {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset just past the last char.
    pub end: usize,
    /// Lower-cased, with curly apostrophes straightened.
    pub norm: String,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Starts with a digit.
    pub numeric: bool,
}

/// A sentence: a byte range of the text and the range of its tokens.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
    /// Cut out of a long run with no punctuation, so its length says nothing about style.
    pub forced: bool,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}')
}

/// Splits text into words: runs of letters and digits, joined across an inner apostrophe or hyphen
/// ("didn't", "on-call") and across a dot or comma between digits ("3.5", "1,200").
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let start = i;
        let mut end = i + c.len_utf8();
        let mut prev = c;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                prev = d;
                chars.next();
                continue;
            }
            let joins = if is_joiner(d) {
                prev.is_alphanumeric()
            } else if d == '.' || d == ',' {
                prev.is_ascii_digit()
            } else {
                false
            };
            if !joins {
                break;
            }
            let next = text[j + d.len_utf8()..].chars().next();
            let ok = match next {
                Some(n) if d == '.' || d == ',' => n.is_ascii_digit(),
                Some(n) => n.is_alphanumeric(),
                None => false,
            };
            if !ok {
                break;
            }
            chars.next();
            prev = d;
        }
        let raw = &text[start..end];
        let norm = if raw.is_ascii() {
            raw.to_ascii_lowercase()
        } else {
            let mut norm = String::with_capacity(raw.len());
            for ch in raw.chars() {
                match ch {
                    '\u{2019}' => norm.push('\''),
                    '\u{2010}' | '\u{2011}' => norm.push('-'),
                    _ => norm.extend(ch.to_lowercase()),
                }
            }
            norm
        };
        out.push(Token {
            start,
            end,
            norm,
            cap: c.is_uppercase(),
            numeric: c.is_ascii_digit(),
        });
    }
    out
}

const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "eg", "ie", "mr", "mrs", "ms", "dr", "prof", "st", "vs", "approx", "no", "inc",
    "ltd", "jr", "sr", "dept", "est", "fig", "a.m", "p.m", "am", "pm", "etc", "cf", "co", "corp",
    "ca", "govt", "mins", "min", "hrs", "hr", "sec", "secs", "wk", "wks", "mo", "mos", "yr", "yrs",
    "approx", "incl", "u.s", "u.k", "ph.d", "mt", "ft", "avg", "max", "vol", "rev",
];

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
                    || (ABBREVIATIONS.contains(&w) && next_word.is_some() && w != "etc")
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

/// Words that often open a new clause in an answer spoken without punctuation.
const CLAUSE_OPENERS: &[&str] = &[
    "then",
    "so",
    "after",
    "since",
    "now",
    "but",
    "first",
    "next",
    "finally",
    "that",
    "this",
    "within",
    "today",
    "when",
    "because",
    "afterwards",
    "later",
    "eventually",
    "overall",
];

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
            let opener = CLAUSE_OPENERS.contains(&tokens[k].norm.as_str())
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

/// Converts byte offsets of one text to UTF-16 offsets without rescanning the text each time.
pub(crate) struct Utf16Index {
    ascii: bool,
    /// (byte offset, utf16 offset) at char boundaries, about every 256 bytes.
    marks: Vec<(usize, usize)>,
}

impl Utf16Index {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Utf16Index {
                ascii: true,
                marks: Vec::new(),
            };
        }
        let mut marks = vec![(0, 0)];
        let mut u = 0;
        let mut next = 256;
        for (i, c) in text.char_indices() {
            if i >= next {
                marks.push((i, u));
                next = i + 256;
            }
            u += c.len_utf16();
        }
        Utf16Index {
            ascii: false,
            marks,
        }
    }

    /// The UTF-16 offset of byte offset `at` (which must be a char boundary of `text`).
    pub fn utf16(&self, text: &str, at: usize) -> usize {
        if self.ascii {
            return at;
        }
        let at = at.min(text.len());
        let k = self.marks.partition_point(|&(b, _)| b <= at);
        let (b, u) = self.marks.get(k.wrapping_sub(1)).copied().unwrap_or((0, 0));
        u + text.get(b..at).map_or(0, |s| s.encode_utf16().count())
    }
}

/// Whether a lower-cased word names a month or a weekday (capitalised, yet not a person).
pub(crate) fn is_month_or_day(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "christmas"
            | "easter"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        sentences(text, &toks)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn tokens_keep_numbers_and_contractions() {
        let t = tokenize("We didn't lose 3.5% of 1,200 on-call pages.");
        let words: Vec<&str> = t.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            words,
            ["we", "didn't", "lose", "3.5", "of", "1,200", "on-call", "pages"]
        );
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

    #[test]
    fn utf16_offsets() {
        let text = "é😀 abc";
        let idx = Utf16Index::new(text);
        assert_eq!(idx.utf16(text, 0), 0);
        assert_eq!(idx.utf16(text, 2), 1);
        assert_eq!(idx.utf16(text, 6), 3);
        assert_eq!(idx.utf16(text, text.len()), 7);
    }
}
