//! Interpersonal conflict: a clash with a person, not with a plan or a calendar, and not settled
//! in the same breath.

use crate::analyzer::text::Token;

/// Conflict words that are about people only when a person follows ("argued with my manager",
/// not "argued for a delay"; "clashed with a colleague", not "clashed with a marathon").
const PERSON_NEEDED: &[&str] = &[
    "argued",
    "arguing",
    "argument",
    "clashed",
    "clash",
    "clashes",
    "disagreed",
    "disagreement",
    "conflict",
    "tension",
    "friction",
    "fight",
    "fought",
    "feud",
    "fell",
    "falling",
    "bluntly",
];

/// Words naming a person a conflict can be with.
const PERSON: &[&str] = &[
    "him",
    "her",
    "them",
    "he",
    "she",
    "they",
    "colleague",
    "colleagues",
    "manager",
    "boss",
    "teammate",
    "teammates",
    "coworker",
    "co-worker",
    "director",
    "lead",
    "supervisor",
    "chef",
    "nurse",
    "doctor",
    "client",
    "customer",
    "engineer",
    "designer",
    "head",
    "ceo",
    "partner",
    "reviewer",
    "sous",
    "consultant",
    "registrar",
    "teacher",
    "parent",
    "staff",
    "each",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "member",
    "members",
    "peer",
    "peers",
    "coordinator",
    "executive",
    "analyst",
    "developer",
];

/// Words that tell a disagreement was settled well.
const RESOLVED: &[&str] = &[
    "resolved",
    "agreed",
    "compromise",
    "together",
    "settled",
    "common",
    "heard",
];

/// Whether a conflict phrase is about a clash with a person, not settled in the same sentence.
pub(super) fn personal_conflict(toks: &[Token], start: usize, end: usize) -> bool {
    if toks
        .get(start..end)
        .is_some_and(|p| p.iter().any(|t| t.norm == "step" || t.norm == "intervene"))
    {
        // "Our manager had to step in": someone in charge broke up a clash; "I had to step in and
        // cover" is not one.
        return toks[start.saturating_sub(3)..start].iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "manager"
                    | "boss"
                    | "hr"
                    | "director"
                    | "supervisor"
                    | "head"
                    | "lead"
                    | "principal"
                    | "headteacher"
            )
        });
    }
    let phrase = toks.get(start..end).unwrap_or(&[]);
    if !phrase
        .iter()
        .any(|t| PERSON_NEEDED.contains(&t.norm.as_str()))
    {
        return true;
    }
    if toks.iter().any(|t| RESOLVED.contains(&t.norm.as_str())) {
        return false;
    }
    if phrase.iter().any(|t| t.norm == "bluntly") {
        return toks
            .iter()
            .any(|t| matches!(t.norm.as_str(), "him" | "her" | "them"));
    }
    // "clashed with one of our most experienced advisers": the person may come a few words on.
    toks.get(end..(end + 8).min(toks.len()))
        .is_some_and(|w| w.iter().any(|t| PERSON.contains(&t.norm.as_str())))
}
