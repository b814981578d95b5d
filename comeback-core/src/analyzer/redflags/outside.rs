//! Outside causes strong enough to excuse a slip: "the pandemic hit", not "the supplier".

use crate::analyzer::engine::{Doc, Sent};
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
];

/// Whether a sentence names a clear outside cause ("the pandemic hit", "a water main burst").
pub(crate) fn strong_outside_hit(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    s.hits_of(Cat::OutsideCause).any(|h| {
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
