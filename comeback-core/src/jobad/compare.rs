//! Which requirements of an ad a text touches: the content words the two share after light
//! stemming, words of one task written differently (`[related]` in `data/jobad.txt`), and, as a
//! last resort, the core skills of the ad's role in the role table.
//!
//! False matches cost trust, so a requirement is matched only by a word that says something about
//! it: function words and generic words ("work", "team", "experience", "ability") are never compared,
//! the people a job serves ("patients", "customers") count only beside another word, and neither
//! does a word that most of the ad's requirements share.

use super::words::{stem, vocab, words_in, Utf16Index};
use super::{
    JobAd, MatchStrength, MatchedWord, Quote, Requirement, RequirementMatch, TextSpan, WordLink,
};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ROLES: &str = include_str!("../../data/roles.txt");

/// Stems at least this long also match a longer stem they begin ("reconcil" and "reconcili").
const PREFIX_STEM: usize = 8;

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
struct Content {
    quote: Quote,
    stem: String,
    /// One of the people a job serves: counts only beside another word.
    audience: bool,
}

/// The words worth comparing among `words` (each with where it is): no function word, no generic
/// word or phrase ("track record"), no number, nothing shorter than three letters but an acronym
/// ("IV", "HR").
fn content_words(words: Vec<Quote>) -> Vec<Content> {
    let v = vocab();
    let norms: Vec<String> = words
        .iter()
        .map(|q| q.text.to_lowercase().replace('\u{2019}', "'"))
        .collect();
    let refs: Vec<&str> = norms.iter().map(String::as_str).collect();
    let mut skip = vec![false; words.len()];
    for (i, len, _) in v.list("generic").find(&refs) {
        if len > 1 {
            skip[i..i + len].iter_mut().for_each(|s| *s = true);
        }
    }
    let mut out = Vec::new();
    for ((quote, norm), skip) in words.into_iter().zip(refs).zip(skip) {
        let acronym = quote.text.chars().count() == 2 && quote.text.chars().all(char::is_uppercase);
        if skip
            || v.function.contains(norm)
            || (norm.chars().count() < 3 && !acronym)
            || !norm.chars().any(char::is_alphabetic)
        {
            continue;
        }
        let stem = stem(norm);
        if v.generic.contains(&stem) {
            continue;
        }
        out.push(Content {
            quote,
            audience: v.audience.contains(&stem),
            stem,
        });
    }
    out
}

/// The words of a text, each quoted with its span.
fn text_quotes(text: &str) -> Vec<Quote> {
    let index = Utf16Index::new(text);
    words_in(text, 0, text.len())
        .into_iter()
        .map(|w| Quote {
            text: text[w.start..w.end].to_string(),
            span: TextSpan {
                start: w.start,
                end: w.end,
                utf16_start: index.at(w.start),
                utf16_end: index.at(w.end),
            },
        })
        .collect()
}

/// The core skills of one role of the role table, as stems (the plain entries, not the errors).
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
            for entry in core.split(',').map(str::trim) {
                if entry.starts_with('!') {
                    continue;
                }
                for w in entry.split(|c: char| c.is_whitespace() || c == '-') {
                    if w.is_empty() || v.function.contains(w) {
                        continue;
                    }
                    match w.strip_suffix('*') {
                        Some(p) if p.len() >= 4 => skills.prefixes.push(p.to_string()),
                        Some(_) => {}
                        None => {
                            let s = stem(w);
                            if !v.generic.contains(&s) {
                                skills.stems.insert(s);
                            }
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
struct AdWord {
    req: usize,
    content: Content,
}

fn matches(ad: &JobAd, reqs: &[Requirement], text: &str) -> Vec<RequirementMatch> {
    let v = vocab();
    let core = ad.title.as_ref().and_then(|t| t.role).and_then(core_skills);
    let is_core = |s: &str| core.is_some_and(|c| c.has(s));

    // The requirements' words, indexed by stem, by stem prefix and by related line.
    let mut ad_words: Vec<AdWord> = Vec::new();
    for (req, r) in reqs.iter().enumerate() {
        for content in content_words(r.words.clone()) {
            ad_words.push(AdWord { req, content });
        }
    }
    // A word most requirements of the ad share says nothing about any one of them.
    let mut df: HashMap<String, usize> = HashMap::new();
    for r in ad.essentials.iter().chain(&ad.desirables) {
        let stems: HashSet<String> = content_words(r.words.clone())
            .into_iter()
            .map(|c| c.stem)
            .collect();
        for s in stems {
            *df.entry(s).or_default() += 1;
        }
    }
    let all = ad.essentials.len() + ad.desirables.len();
    let common = |s: &str| df.get(s).is_some_and(|&d| d > 2 && d * 3 > all);

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
    let text_words = content_words(text_quotes(text));
    let mut found: Vec<Vec<(usize, usize, WordLink)>> = vec![Vec::new(); reqs.len()];
    let mut seen: HashSet<(usize, String)> = HashSet::new();
    for (t, tw) in text_words.iter().enumerate() {
        let s = tw.stem.as_str();
        let mut candidates: Vec<(usize, WordLink)> = Vec::new();
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
        candidates.extend(
            exact
                .chain(longer)
                .chain(shorter)
                .map(|&k| (k, WordLink::SameWord)),
        );
        if let Some(g) = v.related.get(s) {
            if let Some(ks) = by_related.get(g) {
                candidates.extend(ks.iter().map(|&k| (k, WordLink::Related)));
            }
        }
        for (k, link) in candidates {
            let aw = &ad_words[k];
            if seen.insert((aw.req, aw.content.stem.clone())) {
                found[aw.req].push((t, k, link));
            }
        }
    }

    let mut out = Vec::new();
    for (req, links) in found.iter().enumerate() {
        let says = |&&(t, k, _): &&(usize, usize, WordLink)| {
            let aw = &ad_words[k].content;
            !aw.audience && !text_words[t].audience && !common(&aw.stem)
        };
        if !links.iter().any(|l| says(&l)) {
            continue;
        }
        let words = links
            .iter()
            .map(|&(t, k, link)| MatchedWord {
                in_text: text_words[t].quote.clone(),
                in_ad: ad_words[k].content.quote.clone(),
                link,
                core_skill: is_core(&ad_words[k].content.stem),
            })
            .collect();
        out.push(RequirementMatch {
            index: req,
            requirement: reqs[req].clone(),
            words,
            strength: MatchStrength::Clear,
        });
    }

    // The role table as a bridge: when the text names a core skill of the ad's role and only one
    // essential names one too, that essential is possibly what the text is about.
    if out.is_empty() && core.is_some() && std::ptr::eq(reqs, ad.essentials.as_slice()) {
        let core_in_text = text_words.iter().find(|w| !w.audience && is_core(&w.stem));
        let mut naming = ad_words
            .iter()
            .filter(|w| !w.content.audience && is_core(&w.content.stem));
        let first = naming.next();
        let one = first.is_some_and(|f| naming.all(|w| w.req == f.req));
        if let (Some(tw), Some(aw), true) = (core_in_text, first, one) {
            out.push(RequirementMatch {
                index: aw.req,
                requirement: reqs[aw.req].clone(),
                words: vec![MatchedWord {
                    in_text: tw.quote.clone(),
                    in_ad: aw.content.quote.clone(),
                    link: WordLink::CoreSkill,
                    core_skill: true,
                }],
                strength: MatchStrength::Possible,
            });
        }
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
