//! Word lists compiled in from `data/*.txt`, and a matcher that finds their phrases in a run of tokens.
//!
//! Phrases are indexed by the first three letters of their first word, so matching costs one hash
//! lookup per token plus the few phrases that share that start.

use super::text::{tokenize, Token};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The kind of phrase: one per `[section]` of the data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cat {
    Failure,
    Context,
    Action,
    GenericAction,
    Who,
    Timing,
    Sequence,
    Immediate,
    /// Limits the damage inside a recovery, too common to place a sentence on its own ("by hand",
    /// "credited", "reset").
    Remedy,
    /// Contacting everyone the failure touched ("rang every", "emailed all").
    Forewarn,
    Apology,
    LongTerm,
    Lesson,
    GenericLesson,
    Change,
    OutsideCause,
    Denial,
    VagueQuantity,
    VagueOutcome,
    Experience,
    PoorJudgment,
    BasicSkills,
    Conflict,
    Ethics,
    Blame,
    /// Points at someone else, but alone may only tell an outside cause.
    BlameWeak,
    Hedge,
    Filler,
    Weasel,
    RiskyDecision,
    Defiance,
    FalsifyAct,
    FalsifyPurpose,
    /// Not knowing how to do something ("I didn't know", "I'd never really used").
    SkillGap,
    /// An everyday tool of office work ("Excel", "a spreadsheet", "version history").
    EverydayTool,
    /// A plan that made a risk a knowing, covered one ("a tested rollback", "a calculated risk").
    Mitigation,
    /// A careful or open act chosen despite a cost ("stop the line", "call the client").
    CautiousAct,
    /// A commitment made to others ("promised", "signed off", "deployed").
    Commitment,
    /// Someone else's instruction ("told me to", "insisted", "I was asked to").
    Instructed,
    /// A call said to be sound at the time ("the sensible choice", "with what we knew").
    Reasonable,
    /// The speaker's own time or rest, skipped without risk to anyone ("lunch", "my break").
    OwnTime,
}

impl Cat {
    pub fn from_section(name: &str) -> Option<Cat> {
        Some(match name {
            "failure" => Cat::Failure,
            "context" => Cat::Context,
            "action" => Cat::Action,
            "generic_action" => Cat::GenericAction,
            "who" => Cat::Who,
            "timing" => Cat::Timing,
            "sequence" => Cat::Sequence,
            "immediate" => Cat::Immediate,
            "remedy" => Cat::Remedy,
            "forewarn" => Cat::Forewarn,
            "apology" => Cat::Apology,
            "longterm" => Cat::LongTerm,
            "lesson" => Cat::Lesson,
            "generic_lesson" => Cat::GenericLesson,
            "change" => Cat::Change,
            "outside_cause" => Cat::OutsideCause,
            "denial" => Cat::Denial,
            "vague_quantity" => Cat::VagueQuantity,
            "vague_outcome" => Cat::VagueOutcome,
            "experience" => Cat::Experience,
            "poor_judgment" => Cat::PoorJudgment,
            "basic_skills" => Cat::BasicSkills,
            "interpersonal_conflict" => Cat::Conflict,
            "ethics" => Cat::Ethics,
            "blame_shifting" => Cat::Blame,
            "blame_weak" => Cat::BlameWeak,
            "hedge" => Cat::Hedge,
            "filler" => Cat::Filler,
            "weasel" => Cat::Weasel,
            "risky_decision" => Cat::RiskyDecision,
            "defiance" => Cat::Defiance,
            "falsify_act" => Cat::FalsifyAct,
            "falsify_purpose" => Cat::FalsifyPurpose,
            "skill_gap" => Cat::SkillGap,
            "everyday_tool" => Cat::EverydayTool,
            "mitigation" => Cat::Mitigation,
            "cautious_act" => Cat::CautiousAct,
            "commitment" => Cat::Commitment,
            "instructed" => Cat::Instructed,
            "reasonable" => Cat::Reasonable,
            "own_time" => Cat::OwnTime,
            _ => return None,
        })
    }

    /// A bit for sets of categories.
    pub fn bit(self) -> u64 {
        1 << (self as u64)
    }
}

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

/// The set of `list`, built once into `cell`.
pub(crate) fn word_set(
    cell: &'static OnceLock<WordSet>,
    list: &'static [&'static str],
) -> &'static WordSet {
    cell.get_or_init(|| list.iter().copied().collect())
}

/// The words of section `name` of the sectioned word list `src` (see [`sections`]), built once
/// into `cell`.
pub(crate) fn section_set(
    cell: &'static OnceLock<WordSet>,
    src: &'static str,
    name: &str,
) -> &'static WordSet {
    cell.get_or_init(|| {
        sections(src)
            .into_iter()
            .filter(|(s, _)| *s == name)
            .map(|(_, w)| w)
            .collect()
    })
}

/// Parses a sectioned word list: `[name]` lines start a section, `#` lines are comments.
pub(crate) fn sections(src: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut current = "";
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.trim();
            continue;
        }
        out.push((current, line));
    }
    out
}

/// A class of grammatical words: one per `[section]` of `data/grammar.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gram {
    Determiner,
    Possessive,
    Pronoun,
    FirstPerson,
    Preposition,
    Conjunction,
    Be,
    Auxiliary,
    Modal,
    Wh,
    Adverb,
    Quantifier,
    Particle,
    TimeNoun,
}

impl Gram {
    /// The closed classes that never open a content word: determiners, possessives, pronouns,
    /// prepositions, conjunctions, "be", auxiliaries, modals and question words.
    pub const CLOSED: &'static [Gram] = &[
        Gram::Determiner,
        Gram::Possessive,
        Gram::Pronoun,
        Gram::Preposition,
        Gram::Conjunction,
        Gram::Be,
        Gram::Auxiliary,
        Gram::Modal,
        Gram::Wh,
    ];

    fn from_section(name: &str) -> Option<Gram> {
        Some(match name {
            "determiner" => Gram::Determiner,
            "possessive" => Gram::Possessive,
            "pronoun" => Gram::Pronoun,
            "first_person" => Gram::FirstPerson,
            "preposition" => Gram::Preposition,
            "conjunction" => Gram::Conjunction,
            "be" => Gram::Be,
            "auxiliary" => Gram::Auxiliary,
            "modal" => Gram::Modal,
            "wh" => Gram::Wh,
            "adverb" => Gram::Adverb,
            "quantifier" => Gram::Quantifier,
            "particle" => Gram::Particle,
            "time_noun" => Gram::TimeNoun,
            _ => return None,
        })
    }
}

const GRAMMAR: &str = include_str!("../../data/grammar.txt");

/// The words of the grammatical `classes` (each a list of classes) together with a module's own
/// `extra` words, built once into `cell`: every class is written once, in `data/grammar.txt`.
pub(crate) fn grammar_set(
    cell: &'static OnceLock<WordSet>,
    classes: &[&[Gram]],
    extra: &'static [&'static str],
) -> &'static WordSet {
    cell.get_or_init(|| {
        let mut set: WordSet = extra.iter().copied().collect();
        for (section, word) in sections(GRAMMAR) {
            let class = Gram::from_section(section);
            if classes
                .iter()
                .any(|c| class.is_some_and(|g| c.contains(&g)))
            {
                set.insert(word);
            }
        }
        set
    })
}

/// Nouns that name an error ("a charting error", "mistakes were made").
pub(crate) const ERROR_NOUNS: &[&str] =
    &["error", "errors", "mistake", "mistakes", "slip", "blunder"];

const CUES: &str = include_str!("../../data/cues.txt");
const RED_FLAGS: &str = include_str!("../../data/redflags.txt");
const PROSE: &str = include_str!("../../data/prose.txt");

/// The words of one section of `data/cues.txt` that names no cue category (`[redo_past]`,
/// `[routine_time]`...), built once into `cell`.
pub(crate) fn cue_words(cell: &'static OnceLock<WordSet>, section: &str) -> &'static WordSet {
    section_set(cell, CUES, section)
}

/// The words of one section of `data/redflags.txt` that names no flag category (`[novice]`,
/// `[on_own]`), built once into `cell`.
pub(crate) fn red_flag_words(cell: &'static OnceLock<WordSet>, section: &str) -> &'static WordSet {
    section_set(cell, RED_FLAGS, section)
}

/// All the cue, red-flag and prose phrases, built once.
pub(crate) fn lexicon() -> &'static PhraseSet<Cat> {
    static LEX: OnceLock<PhraseSet<Cat>> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut set = PhraseSet::new();
        for src in [CUES, RED_FLAGS, PROSE] {
            for (section, entry) in sections(src) {
                if let Some(cat) = Cat::from_section(section) {
                    set.add(entry, cat);
                }
            }
        }
        set
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sections of `data/cues.txt` and `data/redflags.txt` that are plain word lists read by one
    /// rule (`cue_words`, `red_flag_words`), not cue categories.
    const WORD_SECTIONS: &[&str] = &[
        "redo_past",
        "redo_not",
        "routine_time",
        "novice",
        "let_verb",
        "on_own",
    ];

    #[test]
    fn every_section_is_known() {
        for src in [CUES, RED_FLAGS, PROSE] {
            for (section, entry) in sections(src) {
                assert!(
                    Cat::from_section(section).is_some() || WORD_SECTIONS.contains(&section),
                    "unknown section {section} for {entry}"
                );
            }
        }
    }

    #[test]
    fn every_grammar_section_is_a_class() {
        for (section, word) in sections(GRAMMAR) {
            assert!(
                Gram::from_section(section).is_some(),
                "unknown section {section} for {word}"
            );
        }
    }

    #[test]
    fn finds_phrases_and_prefixes() {
        let mut set = PhraseSet::new();
        set.add("cut corners", 1);
        set.add("crash*", 2);
        let toks = tokenize("We cut corners and the site crashed.");
        let hits = set.find(&toks);
        assert_eq!(hits.len(), 2);
        assert_eq!((hits[0].tag, hits[0].start, hits[0].end), (1, 1, 3));
        assert_eq!((hits[1].tag, hits[1].start), (2, 6));
    }
}

/// Whether a word is grammatical rather than content: a closed-class word of `data/grammar.txt`
/// (determiners, pronouns, prepositions, conjunctions, auxiliaries...) or a small adverb.
pub(crate) fn is_function_word(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    grammar_set(
        &SET,
        &[
            Gram::CLOSED,
            &[
                Gram::Adverb,
                Gram::Quantifier,
                Gram::Particle,
                Gram::TimeNoun,
            ],
        ],
        &[],
    )
    .contains(w)
}
