//! BERT-uncased tokenisation against the table's vocabulary: basic tokenisation (lower-case,
//! accents stripped, controls dropped, punctuation and symbols split off, as the table's character
//! classes say), then greedy longest-match WordPiece. `tools/model/distil.py` does the same in
//! Python, and `tests/embed_table.rs` checks that both give the same tokens for fixed sentences.
//!
//! One departure from BERT, on purpose: symbols (emoji, currency signs) are split off like
//! punctuation, so that "great🙂" keeps "great" instead of becoming one unknown word.

use super::table::{Class, Table};

/// Longer words are unknown, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// A word being read: its normalised text, and for each of its characters where that character
/// starts in `word` and which bytes of the original text it came from.
#[derive(Default)]
struct Word {
    text: String,
    chars: Vec<(usize, usize, usize)>,
}

impl Word {
    fn push(&mut self, c: char, start: usize, end: usize) {
        self.chars.push((self.text.len(), start, end));
        self.text.push(c);
    }

    fn push_str(&mut self, s: &str, start: usize, end: usize) {
        for c in s.chars() {
            self.push(c, start, end);
        }
    }

    fn clear(&mut self) {
        self.text.clear();
        self.chars.clear();
    }

    /// The byte offset in `text` where character `i` starts (the end for `i == len`).
    fn offset(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |c| c.0)
    }
}

fn class_of(table: &Table, c: char) -> Class {
    let cp = c as u32;
    if cp < 128 {
        return table.ascii[cp as usize];
    }
    let i = table.ranges.partition_point(|r| r.last < cp);
    match table.ranges.get(i) {
        Some(r) if r.first <= cp => r.class,
        _ => Class::Keep,
    }
}

/// The tokens of `text`, in order, with their byte spans in `text`.
pub(super) fn tokenize(table: &Table, text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = Word::default();
    let mut index = 0u32;
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        for lc in c.to_lowercase() {
            match class_of(table, lc) {
                Class::Keep => word.push(lc, start, end),
                Class::Fold { start: f, len } => {
                    let f = f as usize;
                    let folded = table.folds.get(f..f + usize::from(len)).unwrap_or("");
                    word.push_str(folded, start, end);
                }
                Class::Drop => {}
                Class::Space => finish(table, &mut word, &mut index, &mut out),
                Class::Alone => {
                    finish(table, &mut word, &mut index, &mut out);
                    word.push(lc, start, end);
                    finish(table, &mut word, &mut index, &mut out);
                }
            }
        }
    }
    finish(table, &mut word, &mut index, &mut out);
    out
}

/// Splits the word read so far into pieces (or one `[UNK]`), appends them and starts a new word.
fn finish(table: &Table, word: &mut Word, index: &mut u32, out: &mut Vec<Token>) {
    let n = word.chars.len();
    let (Some(first), Some(last)) = (word.chars.first(), word.chars.last()) else {
        return;
    };
    let unk = Token {
        id: table.unk,
        word: *index,
        start: first.1,
        end: last.2,
    };
    *index += 1;
    if n > MAX_WORD_CHARS {
        out.push(unk);
        word.clear();
        return;
    }
    let mark = out.len();
    let mut at = 0;
    while at < n {
        let mut end = n.min(at + table.max_piece_chars);
        let map = if at == 0 { &table.words } else { &table.pieces };
        let found = loop {
            if end == at {
                break None;
            }
            let piece = &word.text[word.offset(at)..word.offset(end)];
            if let Some(&id) = map.get(piece) {
                break Some(id);
            }
            end -= 1;
        };
        let Some(id) = found else {
            // A word that cannot be spelled is one unknown token, as in BERT.
            out.truncate(mark);
            out.push(unk);
            word.clear();
            return;
        };
        out.push(Token {
            id,
            word: unk.word,
            start: word.chars[at].1,
            end: word.chars[end - 1].2,
        });
        at = end;
    }
    word.clear();
}

/// One WordPiece token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Row index in the table ([`Embedding::unk`] for an unknown word or symbol).
    pub id: u32,
    /// Which word of the text it belongs to (0, 1, ...): the pieces of one word share it.
    pub word: u32,
    /// Byte offsets of the characters it was read from, in the text given.
    pub start: usize,
    /// End of that span (exclusive).
    pub end: usize,
}
