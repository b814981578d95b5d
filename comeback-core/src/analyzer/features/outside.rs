//! Outside causes strong enough to excuse a slip: "the pandemic hit", not "the supplier".

use super::slips::{aside, is_people};
use super::subject::noun_like;
use crate::analyzer::doc::{CueHit, Doc, Sent};
use crate::analyzer::lexicon::{lexicon, Cat, List};

/// The outside-cause cues of a sentence, without the speaker's own acts ("I decided to", "we
/// changed the").
pub(crate) fn outside_hits<'s>(doc: &'s Doc, s: &'s Sent) -> impl Iterator<Item = &'s CueHit> + 's {
    let toks = doc.toks(s);
    // A cue that is itself a core skill of the target role ("the estimate" for a project manager)
    // is the speaker's own work, not something that happened to them.
    let core = doc
        .role
        .filter(|_| s.hits_of(Cat::OutsideCause).next().is_some())
        .map(|r| r.core_hits(toks))
        .unwrap_or_default();
    s.hits_of(Cat::OutsideCause).filter(move |h| {
        if core.iter().any(|c| c.start < h.end && h.start < c.end) {
            return false;
        }
        let lex = lexicon();
        let speaker = |w: &str| lex.has(List::SpeakerOrTeam, w);
        let before = toks[..h.start]
            .iter()
            .rposition(|t| !lex.has(List::BetweenAct, &t.norm));
        let act = toks
            .get(h.start)
            .is_some_and(|t| lex.has(List::OutsideAct, &t.norm));
        let own = act
            && before.is_some_and(|b| {
                let w = toks[b].norm.as_str();
                // A second act after "and" shares the subject of the first: "I'd copied last
                // year's file and changed the date", not "the client rang and changed the brief".
                speaker(w) || (w == "and" && coordinated_subject(toks, b).is_some_and(speaker))
            });
        // "My laptop crashed": a breakdown of the speaker's own thing is no outside cause.
        let mine = toks
            .get(h.start)
            .is_some_and(|t| lex.has(List::Breakdown, &t.norm))
            && toks[h.start.saturating_sub(3)..h.start]
                .iter()
                .any(|t| t.norm == "my");
        // "A competitor complained to the regulator", "the auditor spotted it": someone outside
        // reacting to the failure is its consequence, not its cause.
        let reacting = toks[h.start.saturating_sub(3)..(h.end + 3).min(toks.len())]
            .iter()
            .any(|t| lex.has(List::Reaction, &t.norm));
        !own && !mine && !reacting
    })
}

/// The subject pronoun nearest before the "and" at `k` (at most twelve words back), which a
/// verb right after the "and" shares; `None` when no pronoun stands there.
fn coordinated_subject(toks: &[crate::analyzer::text::Token], k: usize) -> Option<&str> {
    toks[k.saturating_sub(12)..k]
        .iter()
        .rev()
        .map(|t| t.norm.as_str())
        .find(|w| lexicon().has(List::SubjectPronoun, w))
}

/// Whether a sentence names a clear outside cause ("the pandemic hit", "a water main burst").
pub(crate) fn strong_outside_hit(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    outside_hits(doc, s).any(|h| {
        h.end - h.start > 1
            || toks
                .get(h.start)
                .is_some_and(|t| !lexicon().has(List::WeakOutside, &t.norm))
    })
}

/// An outside cause told as an event instead of a named phrase: something that is neither the
/// speaker, nor their own work, nor a person broke down or stopped the work ("the venue's
/// projector failed", "the carrier's portal went down", "our bank had a processing failure",
/// "their IT team blocked the login"). The subject is read from the noun right before the verb
/// (past auxiliaries and adverbs); not when it is the speaker's ("my"), a pronoun, a person the
/// role serves, the speaker's own work, or a core skill of the role. Returns the span from the
/// subject to the verb.
pub(crate) fn breakdown_cause(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    let lex = lexicon();
    let breakdown = lex.list(List::Breakdown);
    let noun = lex.list(List::BreakdownNoun);
    let own = lex.list(List::OwnWork);
    let went = lex.list(List::WentOut);
    let toks = doc.toks(s);
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let core = doc.role.map(|r| r.core_hits(toks)).unwrap_or_default();
    for k in 0..toks.len() {
        // The verb of the breakdown, and where its subject ends.
        let head_end = if went.has(w(k)) {
            (k >= 1 && w(k - 1) == "went").then(|| k - 1)
        } else if breakdown.has(w(k)) && !went.has(w(k)) {
            Some(k)
        } else if noun.has(w(k)) {
            // "had a processing failure": the subject is before "had".
            (k.saturating_sub(3)..k)
                .find(|&i| lex.has(List::HadA, w(i)))
                .filter(|&i| toks[i + 1..k].iter().all(|t| !aside(&t.norm)))
        } else {
            None
        };
        let Some(mut i) = head_end else {
            continue;
        };
        // Past auxiliaries and adverbs between the subject and the verb.
        let mut steps = 0;
        while i > 0 && steps < 3 {
            let p = w(i - 1);
            if p.ends_with("ly") || lex.has(List::BeforeBreakdown, p) {
                i -= 1;
                steps += 1;
            } else {
                break;
            }
        }
        let Some(h) = i.checked_sub(1) else {
            continue;
        };
        let head = &toks[h];
        let pronoun = lex.has(List::NotAThing, &head.norm);
        if pronoun
            || !noun_like(head)
            || is_people(&head.norm)
            || own.has(&head.norm)
            || lex.has(List::Consequence, &head.norm)
            || crate::analyzer::features::negation::is_negator(w(k.wrapping_sub(1)))
        {
            continue;
        }
        // The noun phrase back to its determiner: not the speaker's ("my laptop"), and no core
        // skill of the role in it.
        let np_start = (h.saturating_sub(4)..h)
            .rev()
            .find(|&j| lex.has(List::NounPhraseStart, w(j)))
            .unwrap_or(h);
        if toks[np_start..=h]
            .iter()
            .any(|t| lex.has(List::NotTheirs, &t.norm))
            || core.iter().any(|c| c.start <= h && np_start < c.end)
        {
            continue;
        }
        return Some((np_start, k + 1));
    }
    None
}

/// Whether the outside-cause cue `h` of a sentence is told as the cause of what went wrong, not
/// only named in passing: a word that turns up in most failure stories (`[incidental]`: "by
/// accident", "got sick", "a visa") counts only after a word that makes it the cause
/// (`[cause_marker]`: "because of", "due to", "caused by", "when") or as the subject of an event
/// (`[event_verb]`, or any verb in the past: "the vendor's API changed"); a shock nobody on the job
/// brings about (`[shock]`) always counts. "By accident" is the speaker's own slip.
pub(crate) fn told_as_cause(toks: &[crate::analyzer::text::Token], h: &CueHit) -> bool {
    let lex = lexicon();
    let cue = &toks[h.start..h.end.min(toks.len())];
    if h.start > 0 && toks[h.start - 1].norm == "by" {
        return false;
    }
    let common = cue.iter().all(|t| lex.has(List::Incidental, &t.norm));
    if !common || cue.len() > 1 || cue.iter().any(|t| lex.has(List::Shock, &t.norm)) {
        return true;
    }
    let before = &toks[h.start.saturating_sub(6)..h.start];
    let after = &toks[h.end.min(toks.len())..(h.end + 4).min(toks.len())];
    // A new clause (a subject of its own, a relative) ends the reach.
    let stop = |t: &crate::analyzer::text::Token| lex.has(List::ClauseStop, &t.norm);
    let caused = before
        .iter()
        .rev()
        .take_while(|t| !stop(t))
        .enumerate()
        .any(|(i, t)| {
            // "had a three-day outage": the event's own verb, right before it.
            let close = !lex.has(List::HadA, &t.norm) || i < 3;
            close && lex.has(List::CauseMarker, &t.norm)
        });
    // An event: a verb of the list, or any verb in the past ("rolled out", "were acquired").
    let is_event = |t: &crate::analyzer::text::Token| {
        let w = t.norm.as_str();
        lex.has(List::EventVerb, w)
            || (w.len() >= 5 && w.ends_with("ed") && !lex.has(List::NotEvent, w))
    };
    let acted = after.iter().take_while(|t| !stop(t)).any(is_event);
    acted || caused || cue.iter().any(is_event)
}
