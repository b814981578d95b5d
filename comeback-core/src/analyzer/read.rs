//! Reading: text into a [`Doc`]. Each field is cut into words and sentences, and each sentence is
//! read once on its own: its cue phrases (with their negation), work done again, a STAR heading,
//! its figures, whether the speaker is in it, and any slip the speaker owns in its words. Every
//! later stage reads what is kept here; nothing here knows about parts or verdicts.

use super::doc::{CueHit, Doc, FieldText, Figure, Sent};
use super::features::cues::{heading, redo_word};
use super::features::negation::negated_at;
use super::features::slips::slip_in_words;
use super::figures;
use super::lexicon::{lexicon, Cat, List};
use super::report::{AnswerPart, Field};
use super::roles;
use super::sentences;
use super::text::Token;
use super::{scan_cache, token_cache};
use crate::FailureCategory;

/// An empty document for the target role as typed (matched against the role table).
pub(crate) fn document<'a>(role: Option<&str>, draft: bool, category: FailureCategory) -> Doc<'a> {
    Doc::new(role.and_then(roles::match_role), draft, category)
}

/// Adds a field to `doc`, splitting it into analysed sentences, all given `part`.
pub(crate) fn add_field<'a>(doc: &mut Doc<'a>, field: Field, text: &'a str, part: AnswerPart) {
    if text.trim().is_empty() {
        return;
    }
    // The words before an edit, and every unchanged field's, come from the last analysis.
    let tokens = token_cache::tokens(text);
    let sentences = sentences::sentences(text, &tokens);
    let fi = doc.fields.len();
    for s in sentences {
        let toks = &tokens[s.tokens.clone()];
        // Everything read from the sentence alone comes from the cache when the sentence is
        // unchanged since the last analysis (the live coach re-reads only the one being typed).
        let scan = scan_cache::get_or_scan(text, s.start..s.end, toks, || scan(text, toks));
        // A scan the cache did not keep is moved, not copied.
        let (mut hits, figures, first_person, own_slip) = match std::rc::Rc::try_unwrap(scan) {
            Ok(s) => (s.hits, s.figures, s.first_person, s.own_slip),
            Err(s) => (
                s.hits.clone(),
                s.figures.clone(),
                s.first_person,
                s.own_slip,
            ),
        };
        if let Some(cat) = heading(text, toks) {
            hits.push(CueHit {
                cat,
                start: 0,
                end: 1,
                negated: false,
            });
            hits.sort_by_key(|h| (h.start, h.end));
        }
        let mask = hits
            .iter()
            .filter(|h| !h.negated)
            .fold(0, |m, h| m | h.cat.bit());
        doc.sents.push(Sent {
            fi,
            start: s.start,
            end: s.end,
            tokens: s.tokens,
            forced: s.forced,
            part,
            hits,
            mask,
            figures,
            first_person,
            own_slip,
        });
    }
    doc.fields.push(FieldText::new(field, text, tokens));
}

/// What one sentence (tokens `toks` of the field `text`) holds on its own, as the sentence cache
/// keeps it: cue hits sorted by position, figures, whether the speaker is in it, the speaker's
/// own slip in its words.
fn scan(text: &str, toks: &[Token]) -> (Vec<CueHit>, Vec<Figure>, bool, Option<usize>) {
    let lex = lexicon();
    let mut hits: Vec<CueHit> = lex
        .find(toks)
        .into_iter()
        .map(|h| CueHit {
            cat: h.tag,
            start: h.start,
            end: h.end,
            negated: negated_at(toks, h.start),
        })
        .collect();
    // Work done again to put it right ("I re-marked all 28 papers", "we relaunched the page"):
    // a remedy, and an action of its own, in any words.
    for (k, t) in toks.iter().enumerate() {
        if redo_word(&t.norm) && !hits.iter().any(|h| h.cat == Cat::Remedy && h.start == k) {
            let negated = negated_at(toks, k);
            for cat in [Cat::Remedy, Cat::Action] {
                hits.push(CueHit {
                    cat,
                    start: k,
                    end: k + 1,
                    negated,
                });
            }
        }
    }
    hits.sort_by_key(|h| (h.start, h.end));
    let figures = figures::find(text, toks);
    let first = lex.list(List::FirstPerson);
    let first_person = toks.iter().any(|t| first.has(&t.norm));
    let own_slip = slip_in_words(toks);
    (hits, figures, first_person, own_slip)
}
