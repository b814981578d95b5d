//! Markup left in a pasted ad: HTML tags and entities, scripts and styles, Markdown emphasis, links
//! and heading marks.
//!
//! The cleaned text has exactly the length of the original and the same bytes wherever there is no
//! markup, so every offset into it is an offset into the ad as pasted. Markup becomes spaces; a tag
//! that ends a block (`</p>`, `<br>`, `<li>`, `<h2>`...) becomes a line break, a list item also gets a
//! bullet ("- ") and a heading a Markdown mark ("# "); an entity becomes its character when that fits
//! in the entity's bytes.

use std::ops::Range;

/// Tags that start or end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "nav",
    "dd",
    "dt",
    "dl",
    "title",
    "head",
    "body",
    "html",
    "blockquote",
    "hr",
    "button",
    "form",
    "aside",
];

/// The longest tag read as one: a `<` with no `>` this close is text ("<5 years").
const MAX_TAG: usize = 400;
/// The longest link text read as one.
const MAX_LINK_TEXT: usize = 200;

/// The cleaned text and the byte ranges of the markup found (merged when only spaces part them).
pub(super) fn clean(text: &str) -> (String, Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = bytes.to_vec();
    let mut marks: Vec<Range<usize>> = Vec::new();
    let mut mark = |out: &mut Vec<u8>, r: Range<usize>, fill: &[u8]| {
        for (k, b) in out[r.clone()].iter_mut().enumerate() {
            *b = fill.get(k).copied().unwrap_or(b' ');
        }
        let joins = |last: &Range<usize>| {
            text.get(last.end..r.start)
                .is_some_and(|between| between.trim().is_empty())
        };
        match marks.last_mut() {
            Some(last) if joins(last) => last.end = r.end,
            _ => marks.push(r),
        }
    };
    let mut line_start = true;
    let mut next_gt = NextByte::new(b'>');
    let mut next_bracket = NextByte::new(b']');
    // The "](address)" of a link whose "[" was seen, blanked when the reading gets there.
    let mut link_tail: Option<Range<usize>> = None;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(tail) = link_tail.clone() {
            if i >= tail.start {
                link_tail = None;
                if i < tail.end {
                    mark(&mut out, i..tail.end, b"");
                    i = tail.end;
                    continue;
                }
            }
        }
        let b = bytes[i];
        match b {
            b'<' => {
                let close = next_gt.from(bytes, i).filter(|c| c - i <= MAX_TAG);
                if let Some((end, fill)) = close.and_then(|c| tag_at(text, i, c)) {
                    mark(&mut out, i..end, fill);
                    i = end;
                    line_start = fill.first() == Some(&b'\n');
                    continue;
                }
            }
            b'&' => {
                if let Some((end, ch)) = entity_at(text, i) {
                    let mut buf = [0u8; 4];
                    let fill = ch.map_or(&b" "[..], |c| c.encode_utf8(&mut buf).as_bytes());
                    let fill = fill.to_vec();
                    mark(&mut out, i..end, &fill);
                    i = end;
                    continue;
                }
            }
            b'*' | b'_' if bytes.get(i + 1) == Some(&b) => {
                // "**bold**", "__bold__"
                let mut end = i + 2;
                while bytes.get(end) == Some(&b) {
                    end += 1;
                }
                mark(&mut out, i..end, b"");
                i = end;
                continue;
            }
            b'*' | b'_' if emphasis_at(bytes, i) => {
                mark(&mut out, i..i + 1, b"");
                i += 1;
                continue;
            }
            b'#' | b'>' if line_start => {
                // "## Heading", "> quote" at the start of a line: the mark goes, a heading keeps "#".
                let mut end = i;
                while bytes.get(end) == Some(&b) {
                    end += 1;
                }
                if matches!(bytes.get(end), Some(b' ') | Some(b'\t')) {
                    // A heading keeps one "#" ("## X" reads "#  X"); a quote mark goes.
                    let from = if b == b'#' { i + 1 } else { i };
                    if from < end {
                        mark(&mut out, from..end, b"");
                    }
                    line_start = false;
                    i = end;
                    continue;
                }
            }
            b'[' if link_tail.is_none() => {
                // "[text](url)": the brackets and the address go, the text stays.
                let close = next_bracket
                    .from(bytes, i)
                    .filter(|c| c - i <= MAX_LINK_TEXT);
                if let Some((close, end)) = close.and_then(|c| link_at(text, i, c)) {
                    mark(&mut out, i..i + 1, b"");
                    link_tail = Some(close..end);
                    i += 1;
                    continue;
                }
            }
            _ => {}
        }
        if b == b'\n' {
            line_start = true;
        } else if !b.is_ascii_whitespace() {
            line_start = false;
        }
        i += 1;
    }
    // Every change replaced whole characters with ASCII or with a whole character no longer than
    // what it replaced, so the bytes are UTF-8; the fallback only guards against a mistake here.
    let cleaned = String::from_utf8(out).unwrap_or_else(|_| text.to_string());
    (cleaned, marks)
}

/// The next position of one byte, remembered between calls so that a run of `<` with no `>`
/// after them is scanned once, not once per `<`.
struct NextByte {
    byte: u8,
    at: Option<Option<usize>>,
}

impl NextByte {
    fn new(byte: u8) -> Self {
        NextByte { byte, at: None }
    }

    /// The first position at or after `i` holding the byte.
    fn from(&mut self, bytes: &[u8], i: usize) -> Option<usize> {
        match self.at {
            Some(Some(p)) if p >= i => return Some(p),
            Some(None) => return None,
            _ => {}
        }
        let found = bytes
            .get(i..)
            .and_then(|r| r.iter().position(|b| *b == self.byte))
            .map(|k| i + k);
        self.at = Some(found);
        found
    }
}

/// A tag starting at `i` whose first `>` is at `close`: where it ends, and what it becomes (a line
/// break for a block tag).
fn tag_at(text: &str, i: usize, close: usize) -> Option<(usize, &'static [u8])> {
    let rest = text.get(i + 1..)?;
    let first = rest.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    if rest.starts_with("!--") {
        let end = rest.find("-->").map_or(text.len(), |e| i + 1 + e + 3);
        return Some((end, b" "));
    }
    let close = close.checked_sub(i + 1)?;
    let inner = rest.get(..close)?;
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() && !inner.starts_with('!') {
        return None;
    }
    let mut end = i + 1 + close + 1;
    // Whatever a script or a style holds is code, not text.
    if (name == "script" || name == "style") && !inner.starts_with('/') {
        let closing = format!("</{name}");
        let lower_end = text[end..]
            .char_indices()
            .find(|(k, _)| {
                text.get(end + k..end + k + closing.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(&closing))
            })
            .map(|(k, _)| end + k);
        end = match lower_end {
            Some(c) => text[c..].find('>').map_or(text.len(), |g| c + g + 1),
            None => text.len(),
        };
        return Some((end, b" "));
    }
    let opening = !inner.starts_with('/');
    let fill: &'static [u8] = if !BLOCK_TAGS.contains(&name.as_str()) {
        b" "
    } else if opening && name == "li" {
        b"\n- "
    } else if opening && name.len() == 2 && name.starts_with('h') && name != "hr" {
        b"\n# "
    } else {
        b"\n"
    };
    // A fill longer than the tag would change its length: fall back to a line break.
    if fill.len() > end - i {
        return Some((end, b"\n"));
    }
    Some((end, fill))
}

/// An entity starting at `i`: where it ends and its character, if it has one that fits.
fn entity_at(text: &str, i: usize) -> Option<(usize, Option<char>)> {
    let rest = text.get(i + 1..)?;
    let semi = rest.bytes().take(10).position(|b| b == b';')?;
    let name = &rest[..semi];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#') {
        return None;
    }
    let ch = match name {
        "amp" => Some('&'),
        "nbsp" | "ensp" | "emsp" | "thinsp" => Some(' '),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" | "ldquo" | "rdquo" => Some('"'),
        "apos" | "rsquo" | "lsquo" => Some('\''),
        "ndash" => Some('–'),
        "mdash" => Some('—'),
        "middot" => Some('·'),
        "bull" => Some('•'),
        "pound" => Some('£'),
        "euro" => Some('€'),
        "copy" => Some('©'),
        "hellip" => Some('…'),
        "rarr" | "larr" | "trade" | "reg" | "laquo" | "raquo" | "zwj" | "zwnj" | "shy" => Some(' '),
        _ if !name.starts_with('#') => return None,
        _ => name
            .strip_prefix('#')
            .and_then(|n| match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => n.parse().ok(),
            })
            .and_then(char::from_u32)
            .map(|c| if c.is_control() { ' ' } else { c }),
    };
    let end = i + 1 + semi + 1;
    let ch = ch.filter(|c| c.len_utf8() <= end - i);
    Some((end, ch))
}

/// A single `*` or `_` of emphasis: it touches a word on one side only ("*We're hiring*").
fn emphasis_at(bytes: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|k| bytes.get(k)).copied();
    let after = bytes.get(i + 1).copied();
    let word = |b: Option<u8>| b.is_some_and(|b| !b.is_ascii_whitespace() && b != b'*');
    word(before) != word(after)
}

/// A Markdown link `[text](url)` starting at `i` whose first `]` is at `close`: where `](` is and
/// where the link ends.
fn link_at(text: &str, i: usize, close: usize) -> Option<(usize, usize)> {
    let rest = text.get(i + 1..)?;
    let close = close.checked_sub(i + 1)?;
    if rest.get(..close)?.contains('\n') || rest.as_bytes().get(close + 1) != Some(&b'(') {
        return None;
    }
    let after = &rest[close + 2..];
    let paren = after
        .bytes()
        .take(500)
        .position(|b| b == b')' || b == b'\n')?;
    if after.as_bytes().get(paren) != Some(&b')') {
        return None;
    }
    let start = i + 1 + close;
    Some((start, start + 2 + paren + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(s: &str) -> String {
        let (c, _) = clean(s);
        assert_eq!(c.len(), s.len());
        c.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn html_becomes_lines_of_text() {
        let (c, marks) = clean("<h2>Requirements</h2><ul><li>Linux &amp; networking</li></ul>");
        let lines: Vec<String> = c
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, ["# Requirements", "- Linux & networking"]);
        assert!(!marks.is_empty());
    }

    #[test]
    fn scripts_styles_and_comments_go() {
        let s = "<style>.a{color:red}</style>Hi<script>var x = '<b>';</script> there<!-- note -->";
        assert_eq!(cleaned(s), "Hi there");
    }

    #[test]
    fn markdown_marks_go_and_headings_keep_one_mark() {
        assert_eq!(cleaned("## **About us**"), "# About us");
        assert_eq!(
            cleaned("*We're hiring* [Apply](https://x.y/a?b=c)"),
            "We're hiring Apply"
        );
        assert_eq!(cleaned("> We believe in **craft**"), "We believe in craft");
        assert_eq!(cleaned("- item with 2 * 3"), "- item with 2 * 3");
        assert_eq!(cleaned("[a [**b**](x) c](y)"), "a [ b c](y)");
    }

    #[test]
    fn text_that_only_looks_like_markup_stays() {
        assert_eq!(cleaned("<5 years & counting"), "<5 years & counting");
        assert_eq!(cleaned("R&D; Q&A"), "R&D; Q&A");
        assert_eq!(cleaned("&#8217; &#x1F600; &bogus"), "’ 😀 &bogus");
    }
}
