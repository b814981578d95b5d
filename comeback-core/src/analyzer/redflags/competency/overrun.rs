//! An estimate overrun: a length of time the speaker committed to, and the longer one it took,
//! told across sentences, for a role whose core skills include estimating.

use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::features::subject::speakers_part;
use crate::analyzer::lexicon::{lexicon, List};
use crate::analyzer::report::AnswerPart;

/// The value of a number token ("14", "fourteen") and, from the word after it, its length in days
/// when it is one ("weeks" = 7); `None` for anything else.
fn length_at(toks: &[crate::analyzer::text::Token], k: usize) -> Option<(f64, Option<f64>)> {
    let value = crate::analyzer::figures::number_value(toks.get(k)?.norm.as_str())?;
    let unit = lexicon().value(
        List::DaysIn,
        toks.get(k + 1).map_or("", |t| t.norm.as_str()),
    );
    Some((value, unit))
}

/// A plan or an estimate of the speaker's own that the work overran, for a role whose core skills
/// include estimating (a project manager): a length of time the speaker committed to, then the
/// length it actually took, told in the story ("I said eight weeks. It took fourteen.", "My plan
/// allowed two weeks for the migration; it took seven"). Not when an outside cause is told (a
/// client's change of scope, a supplier going under): then the overrun is not the speaker's.
/// Returns the sentence that tells what it took, and the token of "took".
pub(super) fn overrun_estimate<'d>(
    doc: &'d Doc,
    role: &crate::analyzer::roles::Role,
    excused: bool,
) -> Option<(&'d Sent, usize)> {
    if excused {
        return None;
    }
    let estimating = lexicon().list(List::Estimating).entries().any(|w| {
        role.core_hits(&crate::analyzer::text::tokenize(w))
            .iter()
            .any(|h| !h.tag)
    });
    if !estimating {
        return None;
    }
    let story: Vec<&Sent> = doc
        .sents
        .iter()
        .filter(|s| {
            matches!(
                s.part,
                AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
            )
        })
        .collect();
    for (i, a) in story.iter().enumerate() {
        let toks = doc.toks(a);
        // The speaker's commitment, with a figure after it.
        let commit = toks.iter().enumerate().find_map(|(k, t)| {
            let own = speakers_part(toks, k)
                || (k >= 2
                    && toks[k - 2].norm == "my"
                    && lexicon().has(List::MyPlan, &toks[k - 1].norm));
            (lexicon().has(List::CommitLength, &t.norm)
                && own
                && a.figures.iter().any(|f| f.start > k && f.start - k <= 8))
            .then_some(k)
        });
        let Some(c) = commit else {
            continue;
        };
        let planned = (c + 1..toks.len().min(c + 9)).find_map(|k| length_at(toks, k));
        // What it took: "it took fourteen", "took seven weeks", "ended up taking five months".
        for b in story.iter().skip(i).take(3) {
            let bt = doc.toks(b);
            let from = if std::ptr::eq(*a, *b) { c + 1 } else { 0 };
            let took = (from..bt.len()).find(|&k| {
                lexicon().has(List::Took, &bt[k].norm)
                    && (b.figures.iter().any(|f| f.start > k && f.start - k <= 3)
                        // "It took fourteen.": a bare number, its unit given by the estimate.
                        || bt.get(k + 1).is_some_and(|n| {
                            n.numeric || crate::analyzer::figures::is_number_word(&n.norm)
                        }))
                    && !bt[k.saturating_sub(3)..k]
                        .iter()
                        .any(|p| crate::analyzer::features::negation::is_negator(&p.norm))
            });
            // Only an overrun: "I said eight weeks and it took seven" is no failure.
            let actual =
                took.and_then(|k| (k + 1..bt.len().min(k + 4)).find_map(|j| length_at(bt, j)));
            let longer = match (planned, actual) {
                (Some((p, pu)), Some((a, au))) => {
                    let pu = pu.unwrap_or(1.0);
                    a * au.unwrap_or(pu) > p * pu
                }
                _ => true,
            };
            if let Some(k) = took.filter(|_| longer) {
                return Some((*b, k));
            }
        }
    }
    None
}
