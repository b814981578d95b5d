//! Words: the tokenizer, light stemming, the vocabulary of `data/jobad.txt` and UTF-16 offsets.
//!
//! The job-ad reader keeps its own small tokenizer (not the analyzer's): hyphens separate words here
//! ("nice-to-have" is three words, as a heading is written either way), and "&" is read as "and".

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const VOCAB: &str = include_str!("../../data/jobad.txt");

/// A word of the text: its byte range and its normalised form (lower case, straight apostrophes).
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub start: usize,
    pub end: usize,
    pub norm: String,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Splits `text[from..to]` into words: runs of letters and digits, joined across an inner apostrophe
/// ("you'll") and across a dot or comma between digits ("7.5", "1,200"); "&" is the word "and".
pub(super) fn words_in(text: &str, from: usize, to: usize) -> Vec<Word> {
    let Some(slice) = text.get(from..to) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '&' {
            out.push(Word {
                start: from + i,
                end: from + i + 1,
                norm: "and".to_string(),
            });
            continue;
        }
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut prev = c;
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                prev = d;
                chars.next();
                continue;
            }
            let joins = (is_apostrophe(d) && prev.is_alphanumeric())
                || ((d == '.' || d == ',') && prev.is_ascii_digit());
            let next = slice[j + d.len_utf8()..].chars().next();
            let ok = match next {
                Some(n) if d == '.' || d == ',' => n.is_ascii_digit(),
                Some(n) => n.is_alphabetic(),
                None => false,
            };
            if !(joins && ok) {
                break;
            }
            chars.next();
            prev = d;
        }
        let raw = &slice[i..end];
        let norm: String = raw
            .chars()
            .flat_map(char::to_lowercase)
            .map(|c| if is_apostrophe(c) { '\'' } else { c })
            .collect();
        out.push(Word {
            start: from + i,
            end: from + end,
            norm,
        });
    }
    out
}

/// Light stemming: plural, verb and noun endings off, British and American spellings joined
/// ("dispensed", "dispensing", "dispenser" -> "dispens"; "organization" -> "organis").
pub(super) fn stem(word: &str) -> String {
    let mut w: String = word
        .trim_end_matches("'s")
        .chars()
        .filter(|c| *c != '\'')
        .collect();
    if let Some(p) = w.find("iz") {
        if w[p + 2..].starts_with(['e', 'a', 'i']) {
            w.replace_range(p..p + 2, "is");
        }
    }
    const SUFFIXES: &[(&str, &str)] = &[
        ("isations", ""),
        ("isation", ""),
        ("ations", ""),
        ("ation", ""),
        ("ating", ""),
        ("ated", ""),
        ("ates", ""),
        ("ate", ""),
        ("ments", ""),
        ("ment", ""),
        ("ings", ""),
        ("ing", ""),
        ("ness", ""),
        ("ised", ""),
        ("ises", ""),
        ("ise", ""),
        ("ers", ""),
        ("er", ""),
        ("ies", ""),
        ("ied", ""),
        ("ed", ""),
        ("es", ""),
        ("ly", ""),
        ("s", ""),
        ("y", ""),
    ];
    let chars = w.chars().count();
    if chars <= 3 || !w.is_ascii() {
        return w;
    }
    for (suffix, with) in SUFFIXES {
        let Some(base) = w.strip_suffix(suffix) else {
            continue;
        };
        // "process" keeps its "s", "engineer" its "er" ("engineering" -> "engineer").
        let keeps = (*suffix == "s" && base.ends_with('s'))
            || (suffix.starts_with("er") && base.ends_with('e'));
        if base.len() < 3 || keeps {
            continue;
        }
        let mut b = format!("{base}{with}");
        // "planning" -> "plan", "shipped" -> "ship"; "staffing" and "called" keep theirs.
        let bytes = b.as_bytes();
        if matches!(*suffix, "ing" | "ings" | "ed" | "er" | "ers")
            && bytes.len() >= 4
            && bytes[bytes.len() - 1] == bytes[bytes.len() - 2]
            && !matches!(
                bytes[bytes.len() - 1],
                b's' | b'l' | b'f' | b'z' | b'e' | b'o'
            )
        {
            b.pop();
        }
        if b.len() > 4 && b.ends_with('e') {
            b.pop();
        }
        return b;
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// One word of a vocabulary phrase: a whole word, or a prefix (written with a trailing `*`).
#[derive(Debug, Clone)]
enum Pat {
    Word(&'static str),
    Prefix(&'static str),
}

impl Pat {
    fn matches(&self, w: &str) -> bool {
        match self {
            Pat::Word(p) => *p == w,
            Pat::Prefix(p) => w.starts_with(p),
        }
    }
}

/// A list of phrases, found in a run of words with one hash lookup per word.
#[derive(Debug, Default)]
pub(super) struct Phrases {
    by_first: HashMap<&'static str, Vec<(Vec<Pat>, bool)>>,
    by_prefix: Vec<(Vec<Pat>, bool)>,
}

impl Phrases {
    fn add(&mut self, entry: &'static str) {
        let (entry, marked) = match entry.strip_prefix('!') {
            Some(e) => (e, true),
            None => (entry, false),
        };
        let pats: Vec<Pat> = entry
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|s| !s.is_empty())
            .map(|s| match s.strip_suffix('*') {
                Some(p) => Pat::Prefix(p),
                None => Pat::Word(s),
            })
            .collect();
        match pats.first() {
            Some(Pat::Word(w)) => self.by_first.entry(w).or_default().push((pats, marked)),
            Some(Pat::Prefix(_)) => self.by_prefix.push((pats, marked)),
            None => {}
        }
    }

    /// The longest phrase starting at `words[i]`: its length in words, and whether it was marked `!`.
    pub fn at(&self, words: &[&str], i: usize) -> Option<(usize, bool)> {
        let first = words.get(i)?;
        let mut best: Option<(usize, bool)> = None;
        let candidates = self
            .by_first
            .get(first)
            .into_iter()
            .flatten()
            .chain(self.by_prefix.iter());
        for (pats, marked) in candidates {
            let n = pats.len();
            let fits = words.len() >= i + n
                && pats.iter().zip(&words[i..i + n]).all(|(p, w)| p.matches(w));
            if fits && best.is_none_or(|(b, _)| n > b) {
                best = Some((n, *marked));
            }
        }
        best
    }

    /// Every phrase found in `words`, left to right, never overlapping: (first word, length, marked).
    pub fn find(&self, words: &[&str]) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.at(words, i) {
                Some((n, marked)) => {
                    out.push((i, n, marked));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// Whether `words` is exactly one phrase of the list.
    pub fn is(&self, words: &[&str]) -> bool {
        self.at(words, 0).is_some_and(|(n, _)| n == words.len())
    }

    /// Whether some phrase of the list occurs in `words`.
    pub fn any(&self, words: &[&str]) -> bool {
        (0..words.len()).any(|i| self.at(words, i).is_some())
    }
}

/// Every list of `data/jobad.txt`, parsed once.
#[derive(Debug, Default)]
pub(super) struct Vocab {
    pub lists: HashMap<&'static str, Phrases>,
    pub function: HashSet<&'static str>,
    pub generic: HashSet<String>,
    /// The people a job serves: they count only beside another word.
    pub audience: HashSet<String>,
    /// Everyday words: they count only beside another word, or as a core skill of the ad's role.
    pub everyday: HashSet<String>,
    /// Stem -> the related line it belongs to.
    pub related: HashMap<String, usize>,
}

impl Vocab {
    /// The phrases of section `name` (an empty list for a name the file does not have).
    pub fn list(&self, name: &str) -> &Phrases {
        static EMPTY: OnceLock<Phrases> = OnceLock::new();
        self.lists
            .get(name)
            .unwrap_or_else(|| EMPTY.get_or_init(Phrases::default))
    }
}

/// The vocabulary, parsed once.
pub(super) fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut v = Vocab::default();
        let mut section = "";
        let mut related_line = 0;
        for line in VOCAB.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name.trim();
                continue;
            }
            match section {
                "function" => {
                    v.function.insert(line);
                }
                // A generic phrase ("track record") is found as a phrase, not word by word.
                "generic" if !line.contains(' ') => {
                    v.generic.insert(stem(line));
                }
                "audience" => {
                    v.audience.insert(stem(line));
                }
                "everyday" => {
                    v.everyday.insert(stem(line));
                }
                "related" => {
                    related_line += 1;
                    for w in line.split(',').map(str::trim).filter(|w| !w.is_empty()) {
                        v.related.entry(stem(w)).or_insert(related_line);
                    }
                }
                _ => {}
            }
            v.lists.entry(section).or_default().add(line);
        }
        v
    })
}

/// Byte offset -> UTF-16 offset, with a checkpoint every 256 bytes so a lookup walks at most that
/// far: building it is linear and so is any number of lookups in increasing or any order.
pub(super) struct Utf16Index<'a> {
    text: &'a str,
    marks: Vec<(usize, usize)>,
}

impl<'a> Utf16Index<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut marks = vec![(0, 0)];
        let mut u16s = 0;
        let mut next = 256;
        for (i, c) in text.char_indices() {
            if i >= next {
                marks.push((i, u16s));
                next = i + 256;
            }
            u16s += c.len_utf16();
        }
        Utf16Index { text, marks }
    }

    /// The UTF-16 offset of byte offset `at` (on a char boundary; clamped to the text).
    pub fn at(&self, at: usize) -> usize {
        let at = at.min(self.text.len());
        let k = self
            .marks
            .partition_point(|(b, _)| *b <= at)
            .saturating_sub(1);
        let (b, u) = self.marks.get(k).copied().unwrap_or((0, 0));
        u + self
            .text
            .get(b..at)
            .map_or(0, |s| s.chars().map(char::len_utf16).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        words_in(s, 0, s.len())
            .into_iter()
            .map(|w| w.norm)
            .collect()
    }

    #[test]
    fn words_join_apostrophes_and_numbers_but_not_hyphens() {
        assert_eq!(
            norms("You’ll need 7.5 tonnes & nice-to-have 1,200 years' work"),
            [
                "you'll", "need", "7.5", "tonnes", "and", "nice", "to", "have", "1,200", "years",
                "work"
            ]
        );
    }

    #[test]
    fn stems_join_the_forms_of_a_word() {
        let same = [
            ["dispensed", "dispensing", "dispense"],
            ["dispenser", "dispenses", "dispensing"],
            ["communication", "communicate", "communicating"],
            ["stakeholders", "stakeholder", "stakeholder's"],
            ["organization", "organisation", "organise"],
            ["deliveries", "delivery", "delivering"],
            ["releases", "release", "released"],
            ["managed", "manager", "managing"],
            ["processes", "process", "processing"],
            ["estimate", "estimation", "estimates"],
            ["engineer", "engineering", "engineers"],
            ["plan", "planning", "planned"],
            ["staff", "staffing", "staffs"],
        ];
        for forms in same {
            let s: Vec<String> = forms.iter().map(|w| stem(w)).collect();
            assert!(s.iter().all(|x| x == &s[0]), "{forms:?} -> {s:?}");
        }
        assert_ne!(stem("communication"), stem("community"));
        assert_eq!(stem("é"), "é");
        assert_eq!(stem("iz"), "iz");
    }

    #[test]
    fn phrases_find_the_longest_entry() {
        let v = vocab();
        let w = ["what", "you'll", "need"];
        assert!(v.list("heading_essential").is(&w));
        let w = ["equal", "opportunities", "employer"];
        assert!(v.list("noise_eeo").any(&w));
        assert!(v.generic.contains(&stem("experience")));
        assert!(v.audience.contains(&stem("patients")));
        assert!(v.everyday.contains(&stem("called")));
        assert!(v.function.contains("the"));
        assert_eq!(v.related.get("dose"), v.related.get(&stem("medication")));
    }

    /// Every list the reader and the comparison use is in `data/jobad.txt`, none holds an entry
    /// twice, and every related line has at least two words.
    #[test]
    fn the_vocabulary_has_every_list_once() {
        const USED: &[&str] = &[
            "heading_essential",
            "heading_duties",
            "heading_desirable",
            "heading_values",
            "heading_benefits",
            "heading_salary",
            "heading_apply",
            "heading_company",
            "heading_eeo",
            "heading_other",
            "heading_details",
            "heading_title",
            "lead_essential",
            "lead_duty",
            "lead_desirable",
            "not_duty",
            "verdict_essential",
            "verdict_desirable",
            "negated",
            "clause_break",
            "noise_eeo",
            "noise_apply",
            "noise_page",
            "page_line",
            "noise_salary",
            "noise_benefits",
            "noise_details",
            "noise_company",
            "value_cue",
            "value_list_cue",
            "value",
            "title_word",
            "title_noise",
            "function",
            "generic",
            "audience",
            "everyday",
            "related",
        ];
        let mut section = "";
        let mut seen: HashMap<&str, HashSet<&str>> = HashMap::new();
        for line in VOCAB.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                assert!(USED.contains(&name), "[{name}] is read by nothing");
                continue;
            }
            assert!(
                seen.entry(section).or_default().insert(line),
                "[{section}] has {line:?} twice"
            );
            if section == "related" {
                assert!(
                    line.split(',').count() >= 2,
                    "a related line of one word: {line:?}"
                );
            }
        }
        for name in USED {
            assert!(seen.contains_key(name), "[{name}] is missing");
        }
    }

    #[test]
    fn utf16_offsets_match_a_direct_count() {
        let text = "a😀é".repeat(200);
        let idx = Utf16Index::new(&text);
        for (i, _) in text.char_indices().step_by(7) {
            assert_eq!(idx.at(i), text[..i].encode_utf16().count());
        }
        assert_eq!(idx.at(text.len()), text.encode_utf16().count());
    }
}
