//! The lexicon: every list of words the analyzer reads, compiled in from `data/*.txt` and built
//! once. The phrase categories ([`Cat`]) are found in every sentence as it is read; the word lists
//! ([`List`]) are asked about by name (`lexicon().has(List::Negator, w)`). Which sections of which
//! files make each list is one table, `lists.rs`; the matcher is `phrases.rs`.

mod lists;
mod phrases;

pub(crate) use lists::{sections, Cat, List, Source};
pub(crate) use phrases::{Fnv, Hit, PhraseSet, WordSet};

use super::text::Token;
use std::sync::OnceLock;

/// Every list of words the analyzer reads, built once from the data files: the phrase categories
/// found in every sentence, and the word lists the rules ask about by name.
pub(crate) struct Lexicon {
    /// Every cue, red-flag and prose phrase, tagged with its category.
    cues: PhraseSet<Cat>,
    /// The headings that give a cue ("learning:", "result:").
    headings: Vec<(&'static str, Cat)>,
    /// Each [`List`], by its place in the table.
    lists: Vec<WordList>,
    /// The phrases of the lists read as phrases ([`List::Overcommit`]), by the list's place.
    phrases: Vec<Option<PhraseSet<()>>>,
}

/// One word list: whole entries (a word, or a phrase compared whole), entries that end in `*`
/// (any word starting so), two-word entries as pairs (for reading a word and the next), and
/// entries written `word = number` with their value.
#[derive(Debug, Default)]
pub(crate) struct WordList {
    words: WordSet,
    /// The lengths and first bytes of `words`.
    shape: Shape,
    stems: Vec<&'static str>,
    pairs: PairSet,
    /// The lengths and first bytes of the first and the second words of `pairs`.
    pair_shape: (Shape, Shape),
    values: std::collections::HashMap<&'static str, f64, std::hash::BuildHasherDefault<Fnv>>,
}

/// The lengths and first bytes of a set's entries. Most words a rule asks about are in no list, and
/// this says so for most of them without hashing the word: a list lookup then costs about what
/// the `matches!` it replaced did.
#[derive(Debug, Default, Clone, Copy)]
struct Shape {
    /// Bit `n` for an entry of `n` bytes (63 for any longer).
    lens: u64,
    /// Bit `b` for an entry whose first byte is `b`.
    firsts: [u64; 4],
}

impl Shape {
    fn add(&mut self, w: &str) {
        self.lens |= 1 << w.len().min(63);
        if let Some(&b) = w.as_bytes().first() {
            self.firsts[usize::from(b >> 6)] |= 1 << (b & 63);
        }
    }

    /// False when no entry has the length and first byte of `w`.
    #[inline]
    fn may_hold(&self, w: &str) -> bool {
        self.lens & (1 << w.len().min(63)) != 0
            && w.as_bytes()
                .first()
                .is_none_or(|&b| self.firsts[usize::from(b >> 6)] & (1 << (b & 63)) != 0)
    }
}

/// Pairs of words.
type PairSet =
    std::collections::HashSet<(&'static str, &'static str), std::hash::BuildHasherDefault<Fnv>>;

impl WordList {
    fn add(&mut self, entry: &'static str) {
        if let Some((word, value)) = entry.split_once('=') {
            if let Ok(v) = value.trim().parse::<f64>() {
                let word = word.trim();
                self.words.insert(word);
                self.shape.add(word);
                self.values.insert(word, v);
                return;
            }
        }
        match entry.strip_suffix('*') {
            Some(stem) => self.stems.push(stem),
            None => {
                if let Some((a, b)) = entry.split_once(' ').filter(|(_, b)| !b.contains(' ')) {
                    self.pairs.insert((a, b));
                    self.pair_shape.0.add(a);
                    self.pair_shape.1.add(b);
                }
                self.words.insert(entry);
                self.shape.add(entry);
            }
        }
    }

    /// Whether `w` is an entry, or starts with a stem (`check*`).
    #[inline]
    pub fn has(&self, w: &str) -> bool {
        (self.shape.may_hold(w) && self.words.contains(w))
            || (!self.stems.is_empty() && self.stems.iter().any(|p| w.starts_with(p)))
    }

    /// The value of an entry written `word = number`.
    #[inline]
    pub fn value(&self, w: &str) -> Option<f64> {
        if !self.shape.may_hold(w) || self.values.is_empty() {
            return None;
        }
        self.values.get(w).copied()
    }

    /// Whether `a b` is a two-word entry.
    #[inline]
    pub fn has_pair(&self, a: &str, b: &str) -> bool {
        let pairs: &std::collections::HashSet<(&str, &str), _> = &self.pairs;
        self.pair_shape.0.may_hold(a) && self.pair_shape.1.may_hold(b) && pairs.contains(&(a, b))
    }

    /// The whole entries of the list (not the stems), in no particular order.
    pub fn entries(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    /// How many entries the list holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.words.len() + self.stems.len()
    }
}

/// Phrase lists: built into a matcher as well.
const PHRASE_LISTS: &[List] = &[
    List::Overcommit,
    List::OwnerOwning,
    List::OwnerSlip,
    List::OwnerDecision,
    List::OwnerGap,
    List::OwnerClash,
    List::OwnerDishonest,
    List::OwnerBlamed,
    List::OwnerNotBlamed,
    List::HollowResult,
    List::HollowChange,
];

impl Lexicon {
    fn build() -> Lexicon {
        let mut cues = PhraseSet::new();
        let mut headings = Vec::new();
        let mut parsed: Vec<(Source, Vec<(&'static str, &'static str)>)> = Vec::new();
        for &source in Source::ALL {
            let entries = sections(source.text());
            if source.has_cues() {
                for &(section, entry) in &entries {
                    if let Some(cat) = Cat::from_section(section) {
                        cues.add(entry, cat);
                    }
                }
            }
            if source == Source::Headings {
                headings = entries
                    .iter()
                    .filter_map(|&(section, word)| Cat::from_section(section).map(|c| (word, c)))
                    .collect();
            }
            parsed.push((source, entries));
        }
        let entries_of = |source: Source, section: &'static str| {
            parsed
                .iter()
                .filter(move |(s, _)| *s == source)
                .flat_map(|(_, e)| e.iter())
                .filter(move |(s, _)| *s == section)
                .map(|&(_, entry)| entry)
        };
        let mut lists = Vec::with_capacity(List::ALL.len());
        let mut phrases = Vec::with_capacity(List::ALL.len());
        for &list in List::ALL {
            let mut words = WordList::default();
            let mut set = PHRASE_LISTS.contains(&list).then(PhraseSet::new);
            for &(source, section) in list.sections() {
                for entry in entries_of(source, section) {
                    words.add(entry);
                    if let Some(set) = set.as_mut() {
                        set.add(entry, ());
                    }
                }
            }
            lists.push(words);
            phrases.push(set);
        }
        Lexicon {
            cues,
            headings,
            lists,
            phrases,
        }
    }

    /// Every cue, red-flag and prose phrase found in `tokens`, in order of start.
    pub fn find(&self, tokens: &[Token]) -> Vec<Hit<Cat>> {
        self.cues.find(tokens)
    }

    /// The cue a heading word gives ("learning" before a colon gives a lesson cue).
    pub fn heading(&self, word: &str) -> Option<Cat> {
        self.headings
            .iter()
            .find(|(w, _)| *w == word)
            .map(|(_, c)| *c)
    }

    /// A word list, by name.
    #[inline]
    pub fn list(&self, list: List) -> &WordList {
        // One list is built for every entry of `List::ALL`, in order: the index is always there.
        &self.lists[list as usize]
    }

    /// Whether `w` is in the word list `list`.
    #[inline]
    pub fn has(&self, list: List, w: &str) -> bool {
        self.list(list).has(w)
    }

    /// The value of `w` in `list`, a list of entries written `word = number`.
    #[inline]
    pub fn value(&self, list: List, w: &str) -> Option<f64> {
        self.list(list).value(w)
    }

    /// Whether `a b` is a two-word entry of `list`.
    #[inline]
    pub fn has_pair(&self, list: List, a: &str, b: &str) -> bool {
        self.list(list).has_pair(a, b)
    }

    /// The phrases of a phrase list ([`PHRASE_LISTS`]) found in `tokens`; none for another list.
    pub fn find_in(&self, list: List, tokens: &[Token]) -> Vec<Hit<()>> {
        self.phrases
            .get(list as usize)
            .and_then(Option::as_ref)
            .map_or_else(Vec::new, |set| set.find(tokens))
    }
}

/// The lexicon, built on first use.
#[inline]
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(Lexicon::build)
}

/// Whether a word is grammatical rather than content: a closed-class word of `data/grammar.txt`
/// (determiners, pronouns, prepositions, conjunctions, auxiliaries...), a small adverb, a
/// quantifier, a particle or a noun of time.
pub(crate) fn is_function_word(w: &str) -> bool {
    lexicon().has(List::ContentStop, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every section of every data file, with its entries.
    fn all_sections() -> Vec<(Source, &'static str, usize)> {
        let mut out: Vec<(Source, &'static str, usize)> = Vec::new();
        for &source in Source::ALL {
            for (section, _) in sections(source.text()) {
                match out
                    .iter_mut()
                    .find(|(s, n, _)| *s == source && *n == section)
                {
                    Some(e) => e.2 += 1,
                    None => out.push((source, section, 1)),
                }
            }
        }
        out
    }

    fn read_by_a_list(source: Source, section: &str) -> bool {
        List::ALL
            .iter()
            .any(|l| l.sections().contains(&(source, section)))
    }

    #[test]
    fn every_section_of_every_file_is_read() {
        for (source, section, _) in all_sections() {
            let cue = (source.has_cues() || source == Source::Headings)
                && Cat::from_section(section).is_some();
            assert!(
                cue || read_by_a_list(source, section),
                "data/{}: [{section}] is no cue category and no list of lexicon/lists.rs reads it",
                source.file()
            );
        }
    }

    #[test]
    fn every_list_names_sections_that_hold_words() {
        let found = all_sections();
        for &list in List::ALL {
            for &(source, section) in list.sections() {
                assert!(
                    found
                        .iter()
                        .any(|(s, n, count)| *s == source && *n == section && *count > 0),
                    "{list:?}: data/{} has no [{section}]",
                    source.file()
                );
            }
            assert!(lexicon().list(list).len() > 0, "{list:?} is empty");
        }
    }

    #[test]
    fn a_word_list_never_shadows_a_cue_category() {
        // A word list's section in a cue file named like a category would be read as cues too.
        for &list in List::ALL {
            for &(source, section) in list.sections() {
                assert!(
                    !(source.has_cues() || source == Source::Headings)
                        || Cat::from_section(section).is_none(),
                    "{list:?}: [{section}] is also a cue category"
                );
            }
        }
    }

    #[test]
    fn lists_are_built_in_table_order() {
        for (i, &list) in List::ALL.iter().enumerate() {
            assert_eq!(list as usize, i, "{list:?}");
        }
    }

    #[test]
    fn word_lists_read_stems_pairs_and_values() {
        let lex = lexicon();
        // `check*` in `[check_step]`.
        assert!(lex.has(List::CheckStep, "checking"));
        assert!(lex.has_pair(List::SinceMarker, "these", "days"));
        assert!(!lex.has(List::SinceMarker, "these"));
        assert_eq!(lex.value(List::NumberValue, "fourteen"), Some(14.0));
        assert_eq!(lex.value(List::DaysIn, "weeks"), Some(7.0));
        assert!(lex.has(List::WeakImmediate, "none of the"));
    }

    #[test]
    fn finds_phrases_and_prefixes() {
        let mut set = PhraseSet::new();
        set.add("cut corners", 1);
        set.add("crash*", 2);
        let toks = crate::analyzer::text::tokenize("We cut corners and the site crashed.");
        let hits = set.find(&toks);
        assert_eq!(hits.len(), 2);
        assert_eq!((hits[0].tag, hits[0].start, hits[0].end), (1, 1, 3));
        assert_eq!((hits[1].tag, hits[1].start), (2, 6));
    }
}
