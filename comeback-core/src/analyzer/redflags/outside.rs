//! Outside causes strong enough to excuse a slip: "the pandemic hit", not "the supplier".

use crate::analyzer::engine::{CueHit, Doc, Sent};
use crate::analyzer::lexicon::Cat;
use crate::analyzer::report::AnswerPart;

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
        !own
    })
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

/// Whether the failure has a clear outside cause, which makes a core-skill slip a consequence.
pub(super) fn strong_outside_cause(doc: &Doc) -> bool {
    doc.in_parts(&[AnswerPart::Failure, AnswerPart::Context])
        .any(|s| strong_outside_hit(doc, s))
}
