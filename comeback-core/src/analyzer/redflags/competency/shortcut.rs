//! A core task done the quick or partial way: from a stale source, one way instead of the proper
//! step, only part of it, for convenience, or two things put in one slot.

use super::task::tells_habit;
use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::features::slips::is_people;
use crate::analyzer::features::subject::{
    same_clause, speaker_subject, speakers_part, third_party,
};
use crate::analyzer::lexicon::{lexicon, List};
use crate::analyzer::report::AnswerPart;

/// A core task of the role that the speaker did the quick or partial way, told without any slip
/// word: the role's core work is what the speaker acted on, and the sentence says how the act fell
/// short of doing it properly. Four ways of telling it:
/// - from a source that was out of date ("I built the rota from last term's saved copy"): a stale
///   word after a word that takes from a source;
/// - one way instead of the proper step ("I sized the beam by eye rather than calculating it"):
///   "rather than" / "instead of" and an "-ing" verb;
/// - only part of it ("I only checked the first ten invoices"): "I only" and an act;
/// - for the speaker's convenience ("I set the levels off the nearer peg because it was quicker").
///
/// The core skill is near the act, in the same clause, and is a thing done, not the people the
/// role serves; or it is a core error told after the act ("..., so thirty staff were short-paid").
/// Only where the failure is told, never in the new habit, and never someone else's act.
pub(super) fn shortcut_on_core_task(
    doc: &Doc,
    s: &Sent,
    hits: &[crate::analyzer::lexicon::Hit<bool>],
    prev_core: impl Fn() -> bool,
) -> Option<(usize, usize)> {
    if !matches!(
        s.part,
        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
    ) {
        return None;
    }
    let toks = doc.toks(s);
    if tells_habit(toks) {
        return None;
    }
    let lex = lexicon();
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let negated_at = |k: usize| {
        toks[k.saturating_sub(2)..k.min(toks.len())]
            .iter()
            .any(|p| crate::analyzer::features::negation::is_negator(&p.norm))
    };
    let thing = |h: &crate::analyzer::lexicon::Hit<bool>| {
        !toks[h.start..h.end].iter().any(|t| is_people(&t.norm))
    };
    // The core skill the act at `m` was about: within `back` words before it or `ahead` words
    // after it, in the same clause; or a core error told after it; or, when the act names its
    // object as "it" or "them", the core skill named earlier in the sentence ("a guest asked for
    // a wake-up call and I jotted it on my hand instead of logging it").
    let core_near = |m: usize, back: usize, ahead: usize| -> Option<(usize, usize)> {
        let pronoun = (m.saturating_sub(back)..(m + ahead).min(toks.len())).find(|&i| {
            lex.has(List::ObjectPronoun, w(i)) && i > 0 && speaker_subject(toks, i) == Some(true)
        });
        let earlier =
            pronoun.and_then(|p| hits.iter().rev().find(|h| !h.tag && h.end <= p && thing(h)));
        if let Some(h) = earlier {
            return Some((h.start, h.end));
        }
        // "it" standing for a core thing named in the sentence before.
        if let Some(p) = pronoun.filter(|_| prev_core()) {
            if !hits.iter().any(|h| !h.tag && h.end <= p) {
                return Some((p, p + 1));
            }
        }
        hits.iter()
            .find(|h| {
                if h.tag {
                    return h.start > m && !negated_at(h.start);
                }
                let near = if h.end <= m {
                    m - h.end <= back && same_clause(toks, h.end, m)
                } else if h.start > m {
                    h.start - m <= ahead && same_clause(toks, m, h.start)
                } else {
                    true
                };
                near && thing(h)
            })
            .map(|h| (h.start, h.end))
    };
    // A reason that is someone else's after the act ("..., because he preferred to ..."): the
    // way of doing it was chosen for them, not a shortcut. Found once, at its last place.
    let others_reason = (0..toks.len())
        .rev()
        .find(|&i| lex.has(List::Because, w(i)) && lex.has(List::OthersReason, w(i + 1)));
    let reason_of_others = |m: usize| others_reason.is_some_and(|r| r >= m);
    let routine = toks.iter().any(|t| lex.has(List::Routine, &t.norm));
    for m in 0..toks.len() {
        let t = w(m);
        if negated_at(m) {
            continue;
        }
        let hit = if lexicon().has(List::StaleSource, t) {
            // "from a saved report", "imported the previous month's file".
            // Whose act is read at the word that takes from the source: in "from last year's
            // saved copy" the "year's" before "saved" is no one acting.
            let lead = (m.saturating_sub(4)..m).find(|&i| lexicon().has(List::SourceLead, w(i)));
            if lead.is_some_and(|i| speakers_part(toks, i)) && !reason_of_others(m) {
                core_near(m, 6, 3)
            } else {
                None
            }
        } else if (t == "rather" && w(m + 1) == "than") || (t == "instead" && w(m + 1) == "of") {
            // The proper step passed over, as an "-ing" verb right after.
            let step =
                (m + 2..(m + 4).min(toks.len())).any(|i| w(i).len() > 4 && w(i).ends_with("ing"));
            // Whose act: the subject of the clause, not the noun just before ("I wrote it on my
            // hand rather than ...").
            if step && speaker_subject(toks, m) == Some(true) && !reason_of_others(m) {
                core_near(m, 8, 4)
            } else {
                None
            }
        } else if t == "only" && m >= 1 && lex.has(List::SpeakerI, w(m - 1)) {
            // "I only ran the regression pack": the act, then its object.
            let v = w(m + 1);
            let act = v.len() > 2
                && v.chars().all(|c| c.is_alphabetic())
                && !lexicon().has(List::NotPartial, v)
                && !lex.has(List::OnlyAdverb, v);
            if act {
                core_near(m + 1, 0, 5)
            } else {
                None
            }
        } else if t == "same" && lexicon().has(List::Slot, w(m + 1)) && m >= 1 && w(m - 1) == "the"
        {
            // "I listed two hearings into the same court": two things put in one slot by the
            // speaker's act on the core task; not a routine ("at the same time every week").
            let two = toks[m.saturating_sub(8)..m]
                .iter()
                .any(|t| lex.has(List::TwoThings, &t.norm));
            if two && !routine {
                hits.iter()
                    .find(|h| {
                        !h.tag
                            && h.end <= m
                            && m - h.end <= 8
                            && thing(h)
                            && same_clause(toks, h.end, m)
                            && speakers_part(toks, h.start)
                    })
                    .map(|h| (h.start, h.end))
            } else {
                None
            }
        } else if lexicon().has(List::Convenience, t) {
            // "... because it was nearer": the speaker's act on the core skill before the reason.
            let reason = (m.saturating_sub(4)..m).find(|&i| lex.has(List::BecauseAs, w(i)));
            reason.and_then(|r| {
                hits.iter()
                    .find(|h| {
                        !h.tag
                            && h.end <= r
                            && r - h.end <= 10
                            && thing(h)
                            && speakers_part(toks, h.start)
                            && !third_party(toks, h.start)
                    })
                    .map(|h| (h.start, h.end))
            })
        } else {
            None
        };
        if let Some((a, b)) = hit {
            return Some((m.min(a), (m + 1).max(b)));
        }
    }
    None
}
