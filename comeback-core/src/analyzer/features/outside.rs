//! Outside causes strong enough to excuse a slip: "the pandemic hit", not "the supplier".

use super::slips::{aside, is_people};
use super::subject::noun_like;
use crate::analyzer::doc::{CueHit, Doc, Sent};
use crate::analyzer::lexicon::{section_set, Cat, WordSet};
use std::sync::OnceLock;

/// Outside causes too common to excuse a slip on their own ("supplier", "system").
const WEAK_OUTSIDE: &[&str] = &[
    "supplier",
    "suppliers",
    "vendor",
    "vendors",
    "server",
    "servers",
    "database",
    "network",
    "hardware",
    "machine",
    "equipment",
    "software",
    "system",
    "api",
    "library",
    "dependency",
    "estimate",
    "estimates",
    "complex",
    "complexity",
    "underestimated",
    "provider",
    "delivery",
    "shipment",
    "truck",
    "prices",
    "price",
    "currency",
    "platform",
    "update",
    "updates",
    "van",
    "decided",
    "changed",
    "legacy",
    "inherited",
    "hard",
    "disk",
    "bug",
    "outage",
    "first",
    "lender",
    "lenders",
    "surveyor",
    "committee",
    "crash",
    "caterer",
    "caterers",
    "contractor",
    "contractors",
    "subcontractor",
    "subcontractors",
    "landlord",
    "manufacturer",
    "switchover",
    "changeover",
    "cutover",
    // Bodies named in passing ("the council leader's surname"): only what they did is a cause.
    "council",
    "government",
    "ministry",
    "court",
    "headquarters",
    "regulator",
];

/// Outside-cause words that turn up in passing in most stories of a failure ("by accident", "got
/// sick", "the load was frozen", "a visa"): a cause only when told as one.
const INCIDENTAL: &[&str] = &[
    "accident",
    "sick",
    "frozen",
    "froze",
    "glitch",
    "visa",
    "unexpected",
    "unexpectedly",
    "complexity",
    "competitor",
    "competitors",
    "injury",
    "flu",
];

/// Outside-cause cues that open with an act ("decided to", "changed the", "quit"): someone
/// else's act is an outside cause; the speaker's or their own team's ("we decided to") is not.
const ACTS: &[&str] = &[
    "decided",
    "changed",
    "withdrew",
    "quit",
    "resigned",
    "left",
    "cancelled",
    "canceled",
    "dropped",
    "pulled",
    "cut",
    "moved",
];

/// Words that may stand between a subject and its act ("we then decided", "I'd also changed").
const BETWEEN_ACT: &[&str] = &[
    "then",
    "also",
    "just",
    "finally",
    "eventually",
    "had",
    "have",
    "all",
    "jointly",
    "together",
    "quickly",
];

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
        let speaker = |w: &str| matches!(w, "i" | "we" | "i'd" | "we'd" | "i've" | "we've");
        let before = toks[..h.start]
            .iter()
            .rposition(|t| !BETWEEN_ACT.contains(&t.norm.as_str()));
        let act = toks
            .get(h.start)
            .is_some_and(|t| ACTS.contains(&t.norm.as_str()));
        let own = act
            && before.is_some_and(|b| {
                let w = toks[b].norm.as_str();
                // A second act after "and" shares the subject of the first: "I'd copied last
                // year's file and changed the date", not "the client rang and changed the brief".
                speaker(w) || (w == "and" && coordinated_subject(toks, b).is_some_and(speaker))
            });
        // "My laptop crashed": a breakdown of the speaker's own thing is no outside cause.
        let mine = toks.get(h.start).is_some_and(|t| is_breakdown(&t.norm))
            && toks[h.start.saturating_sub(3)..h.start]
                .iter()
                .any(|t| t.norm == "my");
        // "A competitor complained to the regulator", "the auditor spotted it": someone outside
        // reacting to the failure is its consequence, not its cause.
        let reacting = toks[h.start.saturating_sub(3)..(h.end + 3).min(toks.len())]
            .iter()
            .any(|t| is_reaction(&t.norm));
        !own && !mine && !reacting
    })
}

/// Whether a word tells someone reacting to a failure (`[reaction]` in `data/outside.txt`).
fn is_reaction(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    outside_section(&SET, "reaction").contains(w)
}

/// The subject pronoun nearest before the "and" at `k` (at most twelve words back), which a
/// verb right after the "and" shares; `None` when no pronoun stands there.
fn coordinated_subject(toks: &[crate::analyzer::text::Token], k: usize) -> Option<&str> {
    toks[k.saturating_sub(12)..k]
        .iter()
        .rev()
        .map(|t| t.norm.as_str())
        .find(|w| {
            matches!(
                *w,
                "i" | "we"
                    | "i'd"
                    | "we'd"
                    | "i've"
                    | "we've"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "he'd"
                    | "she'd"
                    | "they'd"
                    | "who"
                    | "which"
            )
        })
}

/// Whether a sentence names a clear outside cause ("the pandemic hit", "a water main burst").
pub(crate) fn strong_outside_hit(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    outside_hits(doc, s).any(|h| {
        h.end - h.start > 1
            || toks
                .get(h.start)
                .is_some_and(|t| !WEAK_OUTSIDE.contains(&t.norm.as_str()))
    })
}

const OUTSIDE: &str = include_str!("../../../data/outside.txt");

/// The entries of one section of `data/outside.txt`.
fn outside_section(cell: &'static OnceLock<WordSet>, name: &str) -> &'static WordSet {
    section_set(cell, OUTSIDE, name)
}

/// Whether a word is a verb of something breaking down (`[breakdown]` in `data/outside.txt`).
fn is_breakdown(w: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    outside_section(&SET, "breakdown").contains(w)
}

/// An outside cause told as an event instead of a named phrase: something that is neither the
/// speaker, nor their own work, nor a person broke down or stopped the work ("the venue's
/// projector failed", "the carrier's portal went down", "our bank had a processing failure",
/// "their IT team blocked the login"). The subject is read from the noun right before the verb
/// (past auxiliaries and adverbs); not when it is the speaker's ("my"), a pronoun, a person the
/// role serves, the speaker's own work, or a core skill of the role. Returns the span from the
/// subject to the verb.
pub(crate) fn breakdown_cause(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    static BREAKDOWN: OnceLock<WordSet> = OnceLock::new();
    static NOUN: OnceLock<WordSet> = OnceLock::new();
    static OWN: OnceLock<WordSet> = OnceLock::new();
    let breakdown = outside_section(&BREAKDOWN, "breakdown");
    let noun = outside_section(&NOUN, "breakdown_noun");
    let own = outside_section(&OWN, "own_work");
    let toks = doc.toks(s);
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let core = doc.role.map(|r| r.core_hits(toks)).unwrap_or_default();
    for k in 0..toks.len() {
        // The verb of the breakdown, and where its subject ends.
        let head_end = if matches!(w(k), "down" | "offline" | "bust" | "dark") {
            (k >= 1 && w(k - 1) == "went").then(|| k - 1)
        } else if breakdown.contains(w(k)) && !matches!(w(k), "down" | "offline" | "bust" | "dark")
        {
            Some(k)
        } else if noun.contains(w(k)) {
            // "had a processing failure": the subject is before "had".
            (k.saturating_sub(3)..k)
                .find(|&i| matches!(w(i), "had" | "suffered"))
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
            if p.ends_with("ly")
                || matches!(
                    p,
                    "had"
                        | "has"
                        | "have"
                        | "was"
                        | "were"
                        | "just"
                        | "then"
                        | "also"
                        | "been"
                        | "all"
                        | "suddenly"
                        | "simply"
                )
            {
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
        let pronoun = matches!(
            head.norm.as_str(),
            "i" | "we"
                | "he"
                | "she"
                | "they"
                | "it"
                | "you"
                | "who"
                | "which"
                | "that"
                | "this"
                | "everything"
                | "nothing"
                | "i'd"
                | "we'd"
                | "one"
                | "mine"
                | "ours"
        );
        if pronoun
            || !noun_like(head)
            || is_people(&head.norm)
            || own.contains(head.norm.as_str())
            || crate::analyzer::features::negation::is_negator(w(k.wrapping_sub(1)))
        {
            continue;
        }
        // The noun phrase back to its determiner: not the speaker's ("my laptop"), and no core
        // skill of the role in it.
        let np_start = (h.saturating_sub(4)..h)
            .rev()
            .find(|&j| {
                matches!(
                    w(j),
                    "the" | "a" | "an" | "our" | "their" | "his" | "her" | "my" | "its" | "your"
                )
            })
            .unwrap_or(h);
        if toks[np_start..=h]
            .iter()
            .any(|t| matches!(t.norm.as_str(), "my" | "i" | "we" | "me" | "and" | ","))
            || core.iter().any(|c| c.start <= h && np_start < c.end)
        {
            continue;
        }
        return Some((np_start, k + 1));
    }
    None
}

/// Whether the outside-cause cue `h` of a sentence is told as the cause of what went wrong, not
/// only named in passing ("a bug", "the database", "a competitor" turn up in most failure stories):
/// a shock nobody on the job brings about (`[shock]`), a cue of several words, a cue after a word
/// that makes it the cause (`[cause_marker]`: "because of", "due to", "caused by", "when"), or
/// the subject of an event (`[event_verb]`: "the vendor's API changed", "an update broke").
pub(crate) fn told_as_cause(toks: &[crate::analyzer::text::Token], h: &CueHit) -> bool {
    static SHOCK: OnceLock<WordSet> = OnceLock::new();
    static MARKER: OnceLock<WordSet> = OnceLock::new();
    static EVENT: OnceLock<WordSet> = OnceLock::new();
    let shock = outside_section(&SHOCK, "shock");
    let marker = outside_section(&MARKER, "cause_marker");
    let event = outside_section(&EVENT, "event_verb");
    // Only the common words need telling as a cause; a plain outside cause ("the water main
    // burst", "went into administration") is one wherever it stands.
    let common = toks[h.start..h.end]
        .iter()
        .all(|t| INCIDENTAL.contains(&t.norm.as_str()));
    // "By accident", "by mistake": the speaker's own slip, not a cause from outside.
    if h.start > 0 && toks[h.start - 1].norm == "by" {
        return false;
    }
    if !common
        || h.end - h.start > 1
        || toks[h.start..h.end]
            .iter()
            .any(|t| shock.contains(t.norm.as_str()))
    {
        return true;
    }
    let before = &toks[h.start.saturating_sub(6)..h.start];
    let after = &toks[h.end.min(toks.len())..(h.end + 4).min(toks.len())];
    // A new clause (a subject of its own, a relative) ends the reach.
    let stop = |t: &crate::analyzer::text::Token| {
        matches!(
            t.norm.as_str(),
            "i" | "we"
                | "i'd"
                | "we'd"
                | "but"
                | "so"
                | "and"
                | "he"
                | "she"
                | "they"
                | "it"
                | "who"
                | "that"
                | "which"
        )
    };
    let caused = before
        .iter()
        .rev()
        .take_while(|t| !stop(t))
        .enumerate()
        .any(|(i, t)| {
            let w = t.norm.as_str();
            // "had a three-day outage": the event's own verb, right before it.
            let close = !matches!(w, "had" | "has" | "have" | "suffered") || i < 3;
            close && marker.contains(w)
        });
    // An event: a verb of the list, or any verb in the past ("rolled out", "issued a recall",
    // "were acquired", "had a fire at their factory").
    let is_event = |t: &crate::analyzer::text::Token| {
        let w = t.norm.as_str();
        event.contains(w)
            || matches!(
                w,
                "took"
                    | "made"
                    | "brought"
                    | "burst"
                    | "went"
                    | "rewrote"
                    | "wrote"
                    | "sent"
                    | "gave"
                    | "froze"
                    | "shut"
                    | "left"
                    | "sold"
                    | "told"
                    | "pulled"
                    | "cut"
            )
            || (w.len() >= 5
                && w.ends_with("ed")
                && !matches!(w, "need" | "needed" | "speed" | "indeed"))
    };
    let acted = after.iter().take_while(|t| !stop(t)).any(is_event);
    let itself = toks[h.start..h.end].iter().any(is_event);
    caused || acted || itself
}
