//! Words: the tokenizer and UTF-16 offsets. `sentences.rs` cuts the words into sentences.
//!
//! Every offset here is a byte offset into the text being read, on a char boundary.

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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn utf16_offsets() {
        let text = "é😀 abc";
        let idx = Utf16Index::new(text);
        assert_eq!(idx.utf16(text, 0), 0);
        assert_eq!(idx.utf16(text, 2), 1);
        assert_eq!(idx.utf16(text, 6), 3);
        assert_eq!(idx.utf16(text, text.len()), 7);
    }
}
