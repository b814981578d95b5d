//! The speaker's own slips: "I missed", "my mistake", "that was on me", a check left undone.

use super::subject::speaker_subject;
use crate::analyzer::engine::{Doc, Sent};
use crate::analyzer::lexicon::{sections, Cat, WordSet};
use std::sync::OnceLock;

const SLIPS: &str = include_str!("../../../data/slips.txt");

/// Whether a word tells a slip (`data/slips.txt`, both sections).
pub(super) fn is_slip(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| sections(SLIPS).into_iter().map(|(_, w)| w).collect())
        .contains(w)
}

/// Whether a slip word is too general to tie a failure to a core skill unless it is bound to it
/// (`[generic]` in `data/slips.txt`).
pub(super) fn is_generic_slip(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        sections(SLIPS)
            .into_iter()
            .filter(|(s, _)| *s == "generic")
            .map(|(_, w)| w)
            .collect()
    })
    .contains(w)
}

/// Phrases by which the speaker owns a slip.
pub(super) const OWNING: &[&[&str]] = &[
    &["on", "me"],
    &["my", "fault"],
    &["my", "mistake"],
    &["my", "error"],
    &["was", "mine"],
    &["my", "slip"],
    &["lost", "track"],
];

/// The token index of the speaker's own slip in a sentence ("I missed", "my mistake", "on me").
pub(crate) fn speaker_slip(doc: &Doc, s: &Sent) -> Option<usize> {
    let toks = doc.toks(s);
    for (k, t) in toks.iter().enumerate() {
        if OWNING.iter().any(|p| {
            toks.len() >= k + p.len() && p.iter().zip(&toks[k..]).all(|(w, t)| *w == t.norm)
        }) {
            return Some(k);
        }
        if !is_slip(&t.norm) {
            continue;
        }
        // The nearest subject before the slip, in the same clause and close by, must be the speaker.
        let subject = speaker_subject(toks, k);
        let negated = toks[k.saturating_sub(2)..k]
            .iter()
            .any(|p| crate::analyzer::lexicon::is_negator(&p.norm));
        if subject == Some(true) && !negated {
            return Some(k);
        }
    }
    // A step the speaker left undone: "I didn't check", "I'd never put the date anywhere else".
    s.hits
        .iter()
        .find(|h| {
            h.cat == Cat::Action
                && h.negated
                && toks[h.start.saturating_sub(2)..h.start]
                    .iter()
                    .any(|p| crate::analyzer::lexicon::is_negator(&p.norm))
                && speaker_subject(toks, h.start) == Some(true)
        })
        .map(|h| h.start)
}
