//! The role table (`data/roles.txt`): display names, the names people type, and each role's core
//! skills; a free-text role is matched to the nearest entry.

use super::lexicon::{lexicon, Hit, List, PhraseSet};
use super::text::{tokenize, Token};
use std::sync::OnceLock;

const ROLES: &str = include_str!("../../data/roles.txt");

/// One entry of the role table.
#[derive(Debug)]
pub(crate) struct Role {
    /// The display name.
    pub name: &'static str,
    /// The display name and the other names, each as normalised words.
    names: Vec<Vec<String>>,
    /// Core skills; the tag says whether the phrase names an error on its own.
    core: PhraseSet<bool>,
}

impl Role {
    /// The core-skill phrases found in `tokens`; `tag` is true for phrases that name an error.
    pub fn core_hits(&self, tokens: &[Token]) -> Vec<Hit<bool>> {
        self.core.find(tokens)
    }
}

fn words(s: &str) -> Vec<String> {
    tokenize(s)
        .into_iter()
        .map(|t| t.norm)
        .filter(|w| !lexicon().has(List::Seniority, w))
        .map(|w| singular(&w))
        .collect()
}

fn singular(w: &str) -> String {
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    }
}

/// The role table, parsed once.
pub(crate) fn table() -> &'static [Role] {
    static TABLE: OnceLock<Vec<Role>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut out = Vec::new();
        for line in ROLES.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('|');
            let name = cols.next().unwrap_or("").trim();
            if name.is_empty() {
                continue;
            }
            let aliases = cols.next().unwrap_or("");
            let core_list = cols.next().unwrap_or("");
            let mut names = vec![words(name)];
            names.extend(aliases.split(',').map(words).filter(|w| !w.is_empty()));
            let mut core = PhraseSet::new();
            for c in core_list.split(',') {
                let c = c.trim();
                match c.strip_prefix('!') {
                    Some(e) => core.add(e, true),
                    None => core.add(c, false),
                }
            }
            out.push(Role { name, names, core });
        }
        out
    })
}

/// The display names of all roles, in table order.
pub(crate) fn role_names() -> Vec<&'static str> {
    table().iter().map(|r| r.name).collect()
}

/// The entry nearest to a free-text role: the one with the longest name found in it as whole
/// words ("Senior backend dev" -> software engineer, "RN" -> nurse, "sous chef" -> chef).
pub(crate) fn match_role(text: &str) -> Option<&'static Role> {
    let w = words(text);
    if w.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &'static Role)> = None;
    for role in table() {
        for (k, name) in role.names.iter().enumerate() {
            if name.is_empty() || name.len() > w.len() {
                continue;
            }
            let found = w.windows(name.len()).any(|win| win == name.as_slice());
            if !found {
                continue;
            }
            // Longer names win; the display name wins a tie with an alias of another role.
            let score =
                name.len() * 4 + usize::from(k == 0) * 2 + usize::from(name.len() == w.len());
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, role));
            }
        }
    }
    best.map(|(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_big_and_varied() {
        assert!(table().len() >= 30);
        assert!(role_names().contains(&"Nurse"));
    }

    #[test]
    fn free_text_roles_match() {
        let name = |s: &str| match_role(s).map(|r| r.name);
        assert_eq!(name("Senior backend dev"), Some("Software engineer"));
        assert_eq!(name("RN"), Some("Nurse"));
        assert_eq!(name("sous chef"), Some("Chef"));
        assert_eq!(name("Head Chef"), Some("Chef"));
        assert_eq!(name("Primary school teacher"), Some("Teacher"));
        assert_eq!(name("Senior Product Manager"), Some("Product manager"));
        assert_eq!(name("Staff accountant"), Some("Accountant"));
        assert_eq!(name("Registered nurses"), Some("Nurse"));
        assert_eq!(name("Civil engineer"), Some("Civil engineer"));
        assert_eq!(name("zzz"), None);
        assert_eq!(name(""), None);
    }
}
