//! The words of each field, kept between analyses so that a key press re-reads only the words it
//! touched. The live coach analyses the whole story on every key press: every other field is
//! unchanged and its words are handed back as they are; in the field being typed into, the words
//! before the edit are kept and only the rest of the field is read again.
//!
//! This is exact because a word never spans white space (see [`text::tokenize`]): the words that
//! end before a white-space character lying inside the part both texts share are the same in
//! both, and reading resumes at that character as if the text started there. The tests below
//! check it edit by edit against a fresh read, and `tests/analyzer_corpus_robustness.rs` checks
//! whole analyses against fresh ones.
//!
//! Memory: at most [`KEEP`] texts and their words, [`KEEP_BYTES`] bytes of text in all, each no
//! longer than [`FIELD_LIMIT`] bytes (longer fields are read without the cache, as
//! pasted text is analysed once, on idle). A text's words are moved in and out, never copied.

use super::text::{self, Token};
use std::cell::RefCell;

/// Fields longer than this are read without either cache, the words' or the sentences' (a pasted
/// book is analysed once, on idle).
pub(crate) const FIELD_LIMIT: usize = 64 * 1024;
/// Texts kept: a story's fields (a recovery has three per step) with room to spare.
pub(crate) const KEEP: usize = 32;
/// Bytes of text kept in all (the words take a few times more).
pub(crate) const KEEP_BYTES: usize = 256 * 1024;

thread_local! {
    static KEPT: RefCell<Vec<(Box<str>, Vec<Token>)>> = const { RefCell::new(Vec::new()) };
}

/// The words of `text`, as [`text::tokenize`] gives them, reusing what was kept for this text or
/// for the text it was edited from.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    if text.len() > FIELD_LIMIT {
        return text::tokenize(text);
    }
    let reused = KEPT.with(|k| {
        let mut k = k.borrow_mut();
        if let Some(i) = k.iter().position(|(t, _)| &**t == text) {
            return Some((k.swap_remove(i).1, text.len()));
        }
        // The kept text sharing the longest start with this one, if any.
        let (i, shared) = k
            .iter()
            .enumerate()
            .map(|(i, (t, _))| (i, shared_start(t, text)))
            .max_by_key(|&(_, n)| n)?;
        // Words up to the last white space inside the shared start are the same in both.
        let cut = text[..shared].rfind(char::is_whitespace)?;
        let (_, mut toks) = k.swap_remove(i);
        toks.truncate(toks.partition_point(|t| t.end <= cut));
        Some((toks, cut))
    });
    let Some((mut toks, from)) = reused else {
        return text::tokenize(text);
    };
    if from < text.len() {
        toks.extend(text::tokenize(&text[from..]).into_iter().map(|mut t| {
            t.start += from;
            t.end += from;
            t
        }));
    }
    toks
}

/// Keeps `tokens`, the words of `text`, for the next analysis.
pub(crate) fn keep(text: &str, tokens: Vec<Token>) {
    if text.len() > FIELD_LIMIT || text.is_empty() {
        return;
    }
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        k.push((text.into(), tokens));
        let mut bytes: usize = k.iter().map(|(t, _)| t.len()).sum();
        while k.len() > KEEP || bytes > KEEP_BYTES {
            bytes -= k.remove(0).0.len();
        }
    });
}

/// Empties this thread's kept words.
pub(crate) fn clear() {
    KEPT.with(|k| k.borrow_mut().clear());
}

/// How many bytes `a` and `b` share at their start, on a char boundary of both.
fn shared_start(a: &str, b: &str) -> usize {
    let n = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    // Back to a char boundary (the same in both, since the bytes before are equal).
    (0..=n).rev().find(|&i| b.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &[Token], b: &[Token]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                (x.start, x.end, &x.norm, x.cap, x.numeric)
                    == (y.start, y.end, &y.norm, y.cap, y.numeric)
            })
    }

    /// Reads `text` through the cache, checks it against a fresh read and keeps the words.
    fn read(text: &str) {
        let got = tokens(text);
        assert!(same(&got, &text::tokenize(text)), "{text:?}");
        keep(text, got);
    }

    #[test]
    fn every_edit_reads_like_a_fresh_read() {
        clear();
        // Joiners, digits with separators, curly apostrophes, a non-breaking space, emoji,
        // right-to-left text and line breaks: the places where a word's end depends on the
        // character after it.
        let base = "I didn\u{2019}t check the on-call rota; 1,200 users (3.5%) lost\u{a0}access \
                    for 40 min.\nשלום 🚀 we re-ran it — twice. E.g. the well-known fix";
        let chars: Vec<(usize, char)> = base.char_indices().collect();
        let inserts = [
            "a", " ", "-", "'", "\u{2019}", ".", ",", "5", "🚀", "ש", "\n", "\u{a0}",
        ];
        read(base);
        for &(i, _) in &chars {
            for ins in inserts {
                // Insert, then delete it again, as typing and backspacing do.
                let edited = format!("{}{}{}", &base[..i], ins, &base[i..]);
                read(&edited);
                read(base);
            }
            // Delete one character.
            let c = base[i..].chars().next().map_or(0, char::len_utf8);
            let cut = format!("{}{}", &base[..i], &base[i + c..]);
            read(&cut);
            read(base);
        }
        // Typing a sentence at the end, one character at a time, then deleting it all.
        let mut t = base.to_string();
        for c in " Now I check every rota on Mondays.".chars() {
            t.push(c);
            read(&t);
        }
        while t.len() > base.len() {
            t.pop();
            read(&t);
        }
        // A text unrelated to any kept one, and an empty one.
        read("Completely new words, 7 of them.");
        read("");
    }

    #[test]
    fn the_words_before_an_edit_are_moved_not_read_again() {
        clear();
        let base = "We moved 12,000 orders to the standby cluster";
        let kept = text::tokenize(base);
        let first = kept[0].norm.as_ptr();
        keep(base, kept);
        let typed = format!("{base} within");
        let got = tokens(&typed);
        assert!(same(&got, &text::tokenize(&typed)));
        assert_eq!(got[0].norm.as_ptr(), first, "the first word was read again");
    }

    #[test]
    fn keeps_a_bounded_number_of_texts_and_skips_long_ones() {
        clear();
        for i in 0..(KEEP + 10) {
            let t = format!("field number {i}");
            keep(&t, text::tokenize(&t));
        }
        assert_eq!(KEPT.with(|k| k.borrow().len()), KEEP);
        let long = "word ".repeat(FIELD_LIMIT / 5 + 1);
        keep(&long, text::tokenize(&long));
        assert!(KEPT.with(|k| k.borrow().iter().all(|(t, _)| t.len() <= FIELD_LIMIT)));
        // Large fields: the total stays under the byte cap, and the newest is kept.
        for i in 0..10 {
            let big = format!("{i} {}", "word ".repeat(FIELD_LIMIT / 5 - 1));
            keep(&big, text::tokenize(&big));
        }
        let (total, newest) = KEPT.with(|k| {
            let k = k.borrow();
            let total: usize = k.iter().map(|(t, _)| t.len()).sum();
            (total, k.last().map(|(t, _)| t.starts_with("9 ")))
        });
        assert!(total <= KEEP_BYTES, "{total}");
        assert_eq!(newest, Some(true));
        clear();
        assert_eq!(KEPT.with(|k| k.borrow().len()), 0);
    }
}
