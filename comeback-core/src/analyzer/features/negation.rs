//! Negation: which words deny what follows them, and whether a cue is denied.

use crate::analyzer::lexicon::{lexicon, List};
use crate::analyzer::text::Token;

/// Words that deny what follows them closely ("no one was blamed", "I did not hide it").
pub(crate) fn is_negator(word: &str) -> bool {
    lexicon().has(List::Negator, word) || word.ends_with("n't")
}

/// Whether the cue at token `start` is denied: a negation up to three words before it, with no
/// conjunction or new modal in between, or "no one" just before it.
pub(crate) fn negated_at(toks: &[Token], start: usize) -> bool {
    let lex = lexicon();
    let from = start.saturating_sub(3);
    let end = start.min(toks.len());
    // A negation's reach ends at a conjunction or a new modal ("at no charge and refunded her",
    // "anyone who couldn't travel could still bid"): what follows is told as done.
    (from..end).any(|i| {
        is_negator(&toks[i].norm)
            && !toks[i + 1..(start + 1).min(toks.len())]
                .iter()
                .any(|t| lex.has(List::NegationEnd, &t.norm))
    }) || (start >= 2 && toks[start - 2].norm == "no" && toks[start - 1].norm == "one")
}
