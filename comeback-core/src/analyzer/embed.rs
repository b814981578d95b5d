//! Evidence by meaning: a static sentence embedding distilled from all-MiniLM-L6-v2.
//!
//! Bird's-eye view: the table (`public/model/embed.bin`, made by `tools/model/distil.py`) holds
//! one int8 vector per WordPiece token. A sentence's vector is the mean of its tokens' rows, so a
//! linear score over it, `w·v + b`, splits exactly into each word's share: a token adds
//! `w·row / n`. That is what lets a learned verdict quote the user's words like a rule does.
//!
//! Invariants:
//! - Reading a table never panics: a truncated, corrupted or foreign file gives an [`EmbedError`].
//! - Nothing here is required: until a table is set with [`set_embedding`] (it loads after the first
//!   paint, or may never load), [`embedding`] is `None` and the analyzer runs on its rules alone.
//! - Deterministic: integer sums of int8 rows, so the same text gives the same vector bit for bit,
//!   whatever the order of the additions.
//! - `[UNK]` tokens (unknown words, punctuation) are not pooled: they carry no meaning of their own.

mod table;
mod wordpiece;

pub use wordpiece::Token;

pub use table::{fnv1a64, EmbedError, MAGIC, VERSION};

use std::cell::RefCell;
use std::rc::Rc;

/// A loaded table: tokenises text and embeds it.
pub struct Embedding {
    table: table::Table,
}

/// A sentence's vector with the tokens it was pooled from.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// Every token, pooled or not, in text order.
    pub tokens: Vec<Token>,
    /// How many tokens were pooled (all but `[UNK]`).
    pub pooled: usize,
    /// The mean of the pooled rows (all zeros when none was pooled).
    pub vector: Vec<f32>,
}

/// One word's share of a linear score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordShare {
    /// Byte offsets of the word in the text given.
    pub start: usize,
    /// End of the word (exclusive).
    pub end: usize,
    /// What the word's tokens add to the score.
    pub share: f32,
}

/// A linear score over a sentence's vector, split by word.
#[derive(Debug, Clone, PartialEq)]
pub struct Explained {
    /// `bias` plus every word's share: `w·v + b` up to float rounding.
    pub score: f32,
    /// The score of a sentence with no known word.
    pub bias: f32,
    /// The words with pooled tokens, in text order.
    pub words: Vec<WordShare>,
}

impl Embedding {
    /// Reads a table from its bytes, checking its format, sizes and checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, EmbedError> {
        table::parse(bytes).map(|table| Embedding { table })
    }

    /// The length of every vector.
    pub fn dims(&self) -> usize {
        self.table.dims
    }

    /// The number of tokens (rows) in the table.
    pub fn vocab_len(&self) -> usize {
        self.table.tokens.len()
    }

    /// The row index of `[UNK]`.
    pub fn unk(&self) -> u32 {
        self.table.unk
    }

    /// A token's text as in the table ("##" marks a piece inside a word).
    pub fn token_text(&self, id: u32) -> Option<&str> {
        self.table.tokens.get(id as usize).map(|t| &**t)
    }

    /// The WordPiece tokens of `text`.
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        wordpiece::tokenize(&self.table, text)
    }

    /// A token's int8 row (empty for an id outside the table); its value is `scale * row`.
    pub fn row(&self, id: u32) -> &[i8] {
        let d = self.table.dims;
        let at = id as usize * d;
        self.table.rows.get(at..at + d).unwrap_or(&[])
    }

    /// The scale of each dimension: a row's value is `scales()[d] * row[d]`.
    pub fn scales(&self) -> &[f32] {
        &self.table.scales
    }

    /// The sentence vector of `text`: the mean of its known tokens' rows.
    pub fn sentence(&self, text: &str) -> Vec<f32> {
        self.breakdown(text).vector
    }

    /// The sentence vector of `text` with the tokens behind it.
    pub fn breakdown(&self, text: &str) -> Breakdown {
        let tokens = self.tokenize(text);
        let mut sums = vec![0i32; self.table.dims];
        let mut pooled = 0usize;
        for t in tokens.iter().filter(|t| t.id != self.table.unk) {
            for (s, &q) in sums.iter_mut().zip(self.row(t.id)) {
                *s += i32::from(q);
            }
            pooled += 1;
        }
        let n = pooled.max(1) as f32;
        let vector = sums
            .iter()
            .zip(&self.table.scales)
            .map(|(&s, &scale)| scale * s as f32 / n)
            .collect();
        Breakdown {
            tokens,
            pooled,
            vector,
        }
    }

    /// The linear score `weights·v + bias` of `text`'s vector, split exactly into each word's share
    /// (each pooled token adds `weights·row / n`). `None` when `weights` is not [`dims`](Self::dims) long.
    pub fn explain(&self, text: &str, weights: &[f32], bias: f32) -> Option<Explained> {
        if weights.len() != self.table.dims {
            return None;
        }
        // The weights folded with the scales once, so that a token's share is one int8 dot product.
        let folded: Vec<f32> = weights
            .iter()
            .zip(&self.table.scales)
            .map(|(w, s)| w * s)
            .collect();
        let tokens = self.tokenize(text);
        let pooled = tokens.iter().filter(|t| t.id != self.table.unk).count();
        let n = pooled.max(1) as f32;
        let mut words: Vec<WordShare> = Vec::new();
        let mut last_word = None;
        for t in tokens.iter().filter(|t| t.id != self.table.unk) {
            let dot: f32 = folded
                .iter()
                .zip(self.row(t.id))
                .map(|(w, &q)| w * f32::from(q))
                .sum();
            let share = dot / n;
            match words.last_mut() {
                Some(w) if last_word == Some(t.word) => {
                    w.end = t.end;
                    w.share += share;
                }
                _ => words.push(WordShare {
                    start: t.start,
                    end: t.end,
                    share,
                }),
            }
            last_word = Some(t.word);
        }
        let score = bias + words.iter().map(|w| w.share).sum::<f32>();
        Some(Explained { score, bias, words })
    }
}

/// The cosine of the angle between two vectors (0 when either is all zeros).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let (mut ab, mut aa, mut bb) = (0.0f32, 0.0f32, 0.0f32);
    for (x, y) in a.iter().zip(b) {
        ab += x * y;
        aa += x * x;
        bb += y * y;
    }
    if aa == 0.0 || bb == 0.0 {
        0.0
    } else {
        ab / (aa.sqrt() * bb.sqrt())
    }
}

thread_local! {
    // One table per thread (the page has one thread): set once it has loaded.
    static LOADED: RefCell<Option<Rc<Embedding>>> = const { RefCell::new(None) };
}

/// Makes `table` the one [`embedding`] hands out (`None` forgets it: rules only).
pub fn set_embedding(table: Option<Embedding>) {
    LOADED.with(|slot| *slot.borrow_mut() = table.map(Rc::new));
}

/// Reads a table from its bytes and sets it; on an error the slot is left as it was.
pub fn load_embedding(bytes: &[u8]) -> Result<(), EmbedError> {
    let table = Embedding::from_bytes(bytes)?;
    set_embedding(Some(table));
    Ok(())
}

/// The table set on this thread, if one has loaded.
pub fn embedding() -> Option<Rc<Embedding>> {
    LOADED.with(|slot| slot.borrow().clone())
}

#[cfg(test)]
mod tests;
