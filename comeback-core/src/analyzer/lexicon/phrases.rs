//! Matching: a set of phrases indexed so that finding them in a run of tokens costs one to three
//! hash lookups per token, and the small word sets the rules test tokens against.

use crate::analyzer::text::{tokenize, Token};
use std::collections::HashMap;

/// One word of a phrase: exact, or a prefix (written with a trailing `*`).
#[derive(Debug, Clone)]
enum Word {
    Exact(String),
    Prefix(String),
}

impl Word {
    fn matches(&self, token: &str) -> bool {
        match self {
            Word::Exact(w) => w == token,
            Word::Prefix(p) => token.starts_with(p.as_str()),
        }
    }
}

#[derive(Debug, Clone)]
struct Phrase<T> {
    words: Vec<Word>,
    tag: T,
}

/// A phrase found in a run of tokens: token indexes `start..end` relative to the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit<T> {
    pub tag: T,
    pub start: usize,
    pub end: usize,
}

/// A set of phrases, each with a tag, indexed for matching.
///
/// Phrases are indexed three ways so that one token costs at most three hash lookups: one-word
/// phrases by their word, longer phrases by their first two words, and phrases that start with a
/// prefix pattern by the first three letters. Hashes are checked by comparing the words, so a
/// collision costs time, never a wrong match.
#[derive(Debug)]
pub(crate) struct PhraseSet<T> {
    phrases: Vec<Phrase<T>>,
    single: HashMap<u64, Vec<u32>, BuildIdentity>,
    pairs: HashMap<u64, Vec<u32>, BuildIdentity>,
    prefixed: HashMap<u64, Vec<u32>, BuildIdentity>,
}

/// The keys are already hashes: pass them through.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct BuildIdentity;

/// A hasher that keeps the `u64` it is given.
#[derive(Debug, Default)]
pub(crate) struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = Identity;
    fn build_hasher(&self) -> Identity {
        Identity(0)
    }
}

/// FNV-1a over the words, with a separator between them.
fn fnv(words: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        for b in w.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100_0000_01b3);
        }
    }
    h
}

fn prefix3(word: &str) -> &str {
    let end = word.char_indices().nth(3).map_or(word.len(), |(i, _)| i);
    &word[..end]
}

impl<T: Copy> PhraseSet<T> {
    /// An empty set.
    pub fn new() -> Self {
        PhraseSet {
            phrases: Vec::new(),
            single: HashMap::with_hasher(BuildIdentity),
            pairs: HashMap::with_hasher(BuildIdentity),
            prefixed: HashMap::with_hasher(BuildIdentity),
        }
    }

    /// Adds one phrase as written in a data file ("cut corners", "crash*").
    pub fn add(&mut self, entry: &str, tag: T) {
        let entry = entry.trim();
        let (body, prefix) = match entry.strip_suffix('*') {
            Some(b) => (b, true),
            None => (entry, false),
        };
        let toks = tokenize(body);
        if toks.is_empty() {
            return;
        }
        let n = toks.len();
        let words: Vec<Word> = toks
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                if prefix && i + 1 == n && t.norm.chars().count() >= 3 {
                    Word::Prefix(t.norm)
                } else {
                    Word::Exact(t.norm)
                }
            })
            .collect();
        let id = self.phrases.len() as u32;
        let (map, key) = match (&words[0], words.get(1)) {
            (Word::Exact(w), None) => (&mut self.single, fnv(&[w])),
            (Word::Exact(w), Some(Word::Exact(v))) => (&mut self.pairs, fnv(&[w, v])),
            (Word::Exact(w) | Word::Prefix(w), _) => (&mut self.prefixed, fnv(&[prefix3(w)])),
        };
        map.entry(key).or_default().push(id);
        self.phrases.push(Phrase { words, tag });
    }

    fn try_at(&self, ids: Option<&Vec<u32>>, tokens: &[Token], i: usize, out: &mut Vec<Hit<T>>) {
        for &id in ids.map_or(&[][..], |v| v.as_slice()) {
            let Some(p) = self.phrases.get(id as usize) else {
                continue;
            };
            let n = p.words.len();
            if i + n > tokens.len() {
                continue;
            }
            if p.words
                .iter()
                .zip(&tokens[i..i + n])
                .all(|(w, t)| w.matches(&t.norm))
            {
                out.push(Hit {
                    tag: p.tag,
                    start: i,
                    end: i + n,
                });
            }
        }
    }

    /// Every phrase found in `tokens`, in order of start.
    pub fn find(&self, tokens: &[Token]) -> Vec<Hit<T>> {
        let mut out = Vec::new();
        for i in 0..tokens.len() {
            let w = tokens[i].norm.as_str();
            self.try_at(self.single.get(&fnv(&[w])), tokens, i, &mut out);
            if let Some(next) = tokens.get(i + 1) {
                self.try_at(self.pairs.get(&fnv(&[w, &next.norm])), tokens, i, &mut out);
            }
            if !self.prefixed.is_empty() {
                self.try_at(self.prefixed.get(&fnv(&[prefix3(w)])), tokens, i, &mut out);
            }
        }
        out
    }
}

/// FNV-1a as a `Hasher`, for small sets of short words.
#[derive(Debug)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x100_0000_01b3);
        }
    }
}

/// A set of words, for the grammatical word lists the rules test every token against.
pub(crate) type WordSet =
    std::collections::HashSet<&'static str, std::hash::BuildHasherDefault<Fnv>>;
