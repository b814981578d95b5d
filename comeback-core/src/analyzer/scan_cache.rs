//! What the reader (`read.rs`) reads in one sentence on its own (its cue phrases, figures, first person and any
//! slip the speaker owns in its words),
//! kept between analyses so that a key press re-reads only the sentence being typed. The live
//! coach analyses the whole story on every key press; every other sentence is unchanged and is
//! found here by its text.
//!
//! An entry is used only when the text around the sentence, the sentence's place in it and the
//! token spans all match, so a hit gives exactly what reading the sentence again would give
//! (`tests/analyzer_corpus_robustness.rs` checks this on the corpus, edit by edit). The cache is per
//! thread, holds two generations of at most [`GENERATION`] sentences each, and is skipped for
//! fields longer than [`FIELD_LIMIT`] bytes, which are not typed into live.

use super::doc::{CueHit, Figure};
use super::lexicon::Fnv;
use super::text::Token;
use super::token_cache::FIELD_LIMIT;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::ops::Range;
use std::rc::Rc;

/// Sentences per generation: when the current one is full it becomes the previous one and the
/// oldest is dropped.
pub(crate) const GENERATION: usize = 2048;

/// What one sentence holds.
#[derive(Debug)]
pub(crate) struct Scan {
    /// The sentence's bounds inside the window.
    bounds: (u32, u32),
    /// Its tokens' spans, counted from the start of the window.
    spans: Vec<(u32, u32)>,
    /// Cue phrases, sorted by position (token indexes relative to the sentence).
    pub hits: Vec<CueHit>,
    /// Figures (token indexes relative to the sentence).
    pub figures: Vec<Figure>,
    pub first_person: bool,
    /// Where the speaker owns a slip in the sentence's own words, if anywhere
    /// (`features::slips::slip_in_words`).
    pub own_slip: Option<usize>,
}

type Map = HashMap<Box<str>, Rc<Scan>, BuildHasherDefault<Fnv>>;

#[derive(Default)]
struct Cache {
    current: Map,
    previous: Map,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The byte range read for a sentence: the sentence and one character either side, since the
/// figure rules look at the character just before and after a number.
fn window(text: &str, sentence: &Range<usize>) -> Range<usize> {
    let lo = text[..sentence.start]
        .char_indices()
        .next_back()
        .map_or(sentence.start, |(i, _)| i);
    let hi = text[sentence.end..]
        .chars()
        .next()
        .map_or(sentence.end, |c| sentence.end + c.len_utf8());
    lo..hi
}

fn spans(toks: &[Token], lo: usize) -> impl Iterator<Item = (u32, u32)> + '_ {
    toks.iter()
        .map(move |t| ((t.start - lo) as u32, (t.end - lo) as u32))
}

/// The scan of the sentence `sentence` of `text` (tokens `toks`), from the cache when the same
/// sentence was read before, else made by `scan` and kept.
pub(crate) fn get_or_scan(
    text: &str,
    sentence: Range<usize>,
    toks: &[Token],
    scan: impl FnOnce() -> (Vec<CueHit>, Vec<Figure>, bool, Option<usize>),
) -> Rc<Scan> {
    let w = window(text, &sentence);
    let lo = w.start;
    let bounds = ((sentence.start - lo) as u32, (sentence.end - lo) as u32);
    let key = &text[w];
    let fits = |s: &Scan| s.bounds == bounds && s.spans.iter().copied().eq(spans(toks, lo));
    let cacheable = text.len() <= FIELD_LIMIT;
    if cacheable {
        let found = CACHE.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(s) = c.current.get(key).filter(|s| fits(s)) {
                return Some(s.clone());
            }
            let s = c.previous.get(key).filter(|s| fits(s))?.clone();
            c.insert(key, s.clone());
            Some(s)
        });
        if let Some(s) = found {
            return s;
        }
    }
    let (hits, figures, first_person, own_slip) = scan();
    let s = Rc::new(Scan {
        bounds,
        // Only a kept scan is ever compared.
        spans: if cacheable {
            spans(toks, lo).collect()
        } else {
            Vec::new()
        },
        hits,
        figures,
        first_person,
        own_slip,
    });
    if cacheable {
        CACHE.with(|c| c.borrow_mut().insert(key, s.clone()));
    }
    s
}

impl Cache {
    fn insert(&mut self, key: &str, scan: Rc<Scan>) {
        if self.current.len() >= GENERATION {
            self.previous = std::mem::take(&mut self.current);
        }
        self.current.insert(key.into(), scan);
    }
}

/// Empties this thread's cache.
pub(crate) fn clear() {
    CACHE.with(|c| *c.borrow_mut() = Cache::default());
}
