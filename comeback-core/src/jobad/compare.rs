//! Which requirements of an ad a text touches: the content words the two share after light
//! stemming, and words of one task written differently (`[related]` in `data/jobad.txt`). The
//! role table bridges the everyday words: "meetings" says little in most ads, but it is a core
//! skill of an administrative assistant, so there it may tie a story to a requirement (shown as
//! possible).
//!
//! False matches cost trust, so a requirement is matched only by a word that says something about
//! it: function words and generic words ("work", "team", "experience", "ability") are never compared;
//! the people a job serves ("patients", "customers") and everyday words ("called", "plan", "system")
//! count only beside another word (or, for everyday words, as a core skill of the ad's role); so
//! does a word, or a line of related words, that most of the ad's requirements share. One word in
//! common ties a text to a requirement only when it names the job's own work (a core skill of the
//! ad's role, or a word of a related line: "dispensing", "reconciliation"); otherwise it takes two.

use super::words::{stem, vocab, words_in, Utf16Index};
use super::{
    JobAd, MatchStrength, MatchedWord, Quote, Requirement, RequirementMatch, TextSpan, WordLink,
};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ROLES: &str = include_str!("../../data/roles.txt");

/// Stems at least this long also match a longer stem they begin ("reconcil" and "reconcili").
const PREFIX_STEM: usize = 8;
/// Longer "words" (a pasted key, a run of letters) are not compared: it keeps the prefix index
/// small whatever the input.
const LONGEST_WORD: usize = 40;

/// Which essentials of `ad` a text touches, best first.
///
/// Used on a failure, it says what the failure is about in the employer's words ("the wrong dose"
/// touches "Safe and accurate medication administration"); used on a recovery or a lesson, which
/// essentials the story demonstrates ("I briefed the stakeholders every hour" touches "Keep
/// stakeholders informed"). Each match quotes the words on both sides.
pub fn match_essentials(ad: &JobAd, text: &str) -> Vec<RequirementMatch> {
    matches(ad, &ad.essentials, text)
}

/// Which desirables of `ad` a text touches, best first (as [`match_essentials`]).
pub fn match_desirables(ad: &JobAd, text: &str) -> Vec<RequirementMatch> {
    matches(ad, &ad.desirables, text)
}

/// A content word, with its stem.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Content {
    quote: Quote,
    stem: String,
    /// One of the people a job serves: counts only beside another word.
    audience: bool,
    /// An everyday word: counts only beside another word, or as a core skill of the ad's role.
    everyday: bool,
}

/// The words worth comparing among `norms` (with `raws`, the same words as written): no function
/// word, no generic word or phrase ("track record"), no number, nothing shorter than three letters
/// but an acronym ("IV", "HR"). Returns each kept word's index and stem.
fn kept(norms: &[&str], raws: &[&str]) -> Vec<(usize, String)> {
    let v = vocab();
    let mut skip = vec![false; norms.len()];
    for (i, len, _) in v.list("generic").find(norms) {
        if len > 1 {
            skip[i..i + len].iter_mut().for_each(|s| *s = true);
        }
    }
    let mut out = Vec::new();
    for (i, (norm, raw)) in norms.iter().zip(raws).enumerate() {
        let acronym = raw.chars().count() == 2 && raw.chars().all(char::is_uppercase);
        if skip[i]
            || norm.len() > LONGEST_WORD
            || v.function.contains(norm)
            || (norm.chars().count() < 3 && !acronym)
            || !norm.chars().any(char::is_alphabetic)
        {
            continue;
        }
        let stem = stem(norm);
        if !v.generic.contains(&stem) {
            out.push((i, stem));
        }
    }
    out
}

fn content(quote: Quote, stem: String) -> Content {
    let v = vocab();
    Content {
        quote,
        audience: v.audience.contains(&stem),
        everyday: v.everyday.contains(&stem),
        stem,
    }
}

/// The words of a requirement worth comparing, from all its words (read once, with the ad).
pub(super) fn requirement_words(words: &[Quote]) -> Vec<Content> {
    let norms: Vec<String> = words
        .iter()
        .map(|q| q.text.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let norms: Vec<&str> = norms.iter().map(String::as_str).collect();
    let raws: Vec<&str> = words.iter().map(|q| q.text.as_str()).collect();
    kept(&norms, &raws)
        .into_iter()
        .map(|(i, stem)| content(words[i].clone(), stem))
        .collect()
}

/// The words of a text worth comparing, each quoted with its span.
fn text_words(text: &str) -> Vec<Content> {
    let words = words_in(text, 0, text.len());
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let raws: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
    let index = Utf16Index::new(text);
    kept(&norms, &raws)
        .into_iter()
        .map(|(i, stem)| {
            let w = &words[i];
            let quote = Quote {
                text: raws[i].to_string(),
                span: TextSpan {
                    start: w.start,
                    end: w.end,
                    utf16_start: index.at(w.start),
                    utf16_end: index.at(w.end),
                },
            };
            content(quote, stem)
        })
        .collect()
}

/// The core skills of one role of the role table, as stems: its entries of one word ("dispensing",
/// "reconcil*"), not the errors ("!wrong dose") nor the words of longer entries ("reference checks"
/// makes no core skill of "checks").
#[derive(Debug, Default)]
struct CoreSkills {
    stems: HashSet<String>,
    prefixes: Vec<String>,
}

impl CoreSkills {
    fn has(&self, stem: &str) -> bool {
        self.stems.contains(stem) || self.prefixes.iter().any(|p| stem.starts_with(p.as_str()))
    }
}

/// The core skills of the role named `role` (a display name of the role table).
fn core_skills(role: &str) -> Option<&'static CoreSkills> {
    static TABLE: OnceLock<HashMap<&'static str, CoreSkills>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let v = vocab();
        let mut table = HashMap::new();
        for line in ROLES.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('|');
            let name = cols.next().unwrap_or("").trim();
            let core = cols.nth(1).unwrap_or("");
            let mut skills = CoreSkills::default();
            for w in core.split(',').map(str::trim) {
                if w.is_empty() || w.starts_with('!') || w.contains([' ', '-']) {
                    continue;
                }
                match w.strip_suffix('*') {
                    Some(p) if p.len() >= 4 => skills.prefixes.push(p.to_string()),
                    Some(_) => {}
                    None => {
                        let s = stem(w);
                        if !v.generic.contains(&s) && !v.audience.contains(&s) {
                            skills.stems.insert(s);
                        }
                    }
                }
            }
            table.insert(name, skills);
        }
        table
    });
    table.get(role)
}

/// A word of a requirement.
struct AdWord<'a> {
    req: usize,
    content: &'a Content,
}

fn matches(ad: &JobAd, reqs: &[Requirement], text: &str) -> Vec<RequirementMatch> {
    let v = vocab();
    let core = ad.title.as_ref().and_then(|t| t.role).and_then(core_skills);
    let is_core = |s: &str| core.is_some_and(|c| c.has(s));

    // The requirements' words, indexed by stem, by stem prefix and by related line.
    // One entry per requirement and stem (its first word), so that a word repeated in the ad or
    // in the text is looked at once.
    let mut ad_words: Vec<AdWord> = Vec::new();
    for (req, r) in reqs.iter().enumerate() {
        let mut stems = HashSet::new();
        for content in &r.words {
            if stems.insert(content.stem.as_str()) {
                ad_words.push(AdWord { req, content });
            }
        }
    }
    // A word most requirements of the ad share says nothing about any one of them, nor does a
    // line of related words most of them name ("medicines", "dispensing" in a pharmacist's ad).
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut group_df: HashMap<usize, usize> = HashMap::new();
    for r in ad.essentials.iter().chain(&ad.desirables) {
        let stems: HashSet<&str> = r.words.iter().map(|c| c.stem.as_str()).collect();
        let groups: HashSet<usize> = stems
            .iter()
            .filter_map(|s| v.related.get(*s))
            .copied()
            .collect();
        for s in stems {
            *df.entry(s).or_default() += 1;
        }
        for g in groups {
            *group_df.entry(g).or_default() += 1;
        }
    }
    let all = ad.essentials.len() + ad.desirables.len();
    let many = |d: usize| d > 2 && d * 3 > all;
    let common = |s: &str| df.get(s).is_some_and(|&d| many(d));
    let common_group = |s: &str| {
        v.related
            .get(s)
            .and_then(|g| group_df.get(g))
            .is_some_and(|&d| many(d))
    };

    let mut by_stem: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_prefix: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_related: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, w) in ad_words.iter().enumerate() {
        let s = w.content.stem.as_str();
        by_stem.entry(s).or_default().push(k);
        for (p, _) in s.char_indices().skip(PREFIX_STEM) {
            by_prefix.entry(&s[..p]).or_default().push(k);
        }
        if let Some(&g) = v.related.get(s) {
            by_related.entry(g).or_default().push(k);
        }
    }

    // What each requirement shares with the text: the first text word for each of its words.
    let text_words = text_words(text);
    let mut found: Vec<Vec<(usize, usize, WordLink)>> = vec![Vec::new(); reqs.len()];
    let mut seen: HashSet<(usize, String)> = HashSet::new();
    // The same word first, so that "dispensed" is quoted for "dispensing" rather than a related
    // word met earlier in the text.
    for pass in [WordLink::SameWord, WordLink::Related] {
        let mut read: HashSet<&str> = HashSet::new();
        for (t, tw) in text_words.iter().enumerate() {
            let s = tw.stem.as_str();
            if !read.insert(s) {
                continue;
            }
            let mut candidates: Vec<usize> = Vec::new();
            if pass == WordLink::SameWord {
                let exact = by_stem.get(s).into_iter().flatten();
                let longer = (s.len() >= PREFIX_STEM)
                    .then(|| by_prefix.get(s))
                    .flatten()
                    .into_iter()
                    .flatten();
                let shorter = s
                    .char_indices()
                    .skip(PREFIX_STEM)
                    .filter_map(|(p, _)| by_stem.get(&s[..p]))
                    .flatten();
                candidates.extend(exact.chain(longer).chain(shorter));
            } else if let Some(ks) = v.related.get(s).and_then(|g| by_related.get(g)) {
                candidates.extend(ks);
            }
            for k in candidates {
                let aw = &ad_words[k];
                if seen.insert((aw.req, aw.content.stem.clone())) {
                    found[aw.req].push((t, k, pass));
                }
            }
        }
    }

    let mut out = Vec::new();
    for (req, links) in found.iter().enumerate() {
        // A link says something about the requirement when neither word is an audience or an
        // everyday word and the ad's word (or its line of related words) is not in most of the
        // ad's requirements; an everyday word that is a core skill of the ad's role says something
        // too, less surely.
        let judge = |&(t, k, link): &(usize, usize, WordLink)| -> Option<WordLink> {
            let aw = &ad_words[k].content;
            let tw = &text_words[t];
            let shared = match link {
                WordLink::Related => common_group(&aw.stem),
                _ => common(&aw.stem),
            };
            if aw.audience || tw.audience || shared {
                return None;
            }
            if !aw.everyday && !tw.everyday {
                return Some(link);
            }
            // "I called the client" tells what the speaker did, not what the story is about:
            // a past-tense word is no core skill named.
            let named = !tw.quote.text.to_lowercase().ends_with("ed");
            (link == WordLink::SameWord && named && is_core(&aw.stem))
                .then_some(WordLink::CoreSkill)
        };
        let judged: Vec<Option<WordLink>> = links.iter().map(judge).collect();
        // One word in common is enough when it names the job's own work (a core skill of the ad's
        // role, or a word of a line of related words); an ordinary word has other senses ("the
        // close of a deal", "a month-end close"), so then it takes two.
        let counted: Vec<&str> = links
            .iter()
            .zip(&judged)
            .filter(|(_, j)| matches!(j, Some(l) if *l != WordLink::CoreSkill))
            .map(|(&(_, k, _), _)| ad_words[k].content.stem.as_str())
            .collect();
        let distinct: HashSet<&str> = counted.iter().copied().collect();
        let specific = counted
            .iter()
            .any(|s| is_core(s) || v.related.contains_key(*s));
        let strength = if distinct.len() >= 2 || specific {
            MatchStrength::Clear
        } else if judged.contains(&Some(WordLink::CoreSkill)) {
            MatchStrength::Possible
        } else {
            continue;
        };
        // The words that count first, then the ones that only stand beside them.
        let mut words: Vec<(u8, MatchedWord)> = links
            .iter()
            .zip(&judged)
            .map(|(&(t, k, link), judged)| {
                let rank = match judged {
                    Some(WordLink::CoreSkill) => 1,
                    Some(_) => 0,
                    None => 2,
                };
                let word = MatchedWord {
                    in_text: text_words[t].quote.clone(),
                    in_ad: ad_words[k].content.quote.clone(),
                    link: judged.unwrap_or(link),
                    core_skill: is_core(&ad_words[k].content.stem),
                };
                (rank, word)
            })
            .collect();
        words.sort_by_key(|(rank, _)| *rank);
        let words = words.into_iter().map(|(_, w)| w).collect();
        out.push(RequirementMatch {
            index: req,
            requirement: reqs[req].clone(),
            words,
            strength,
        });
    }

    // Clear before possible, then the requirements that share the most words, then the ad's order.
    out.sort_by_key(|m| {
        let distinct: HashSet<String> = m
            .words
            .iter()
            .map(|w| stem(&w.in_ad.text.to_lowercase()))
            .collect();
        (
            m.strength == MatchStrength::Possible,
            std::cmp::Reverse(distinct.len()),
            m.index,
        )
    });
    out
}
