//! The worked example story a first-time visitor can open: written by the team to meet all
//! five keys as RUBRIC.md defines them.

use crate::story::{FailureCategory, RecoveryStep, Story};

fn step(action: &str, who: &str, when: &str) -> RecoveryStep {
    RecoveryStep {
        action: action.to_string(),
        who: who.to_string(),
        when: when.to_string(),
    }
}

/// A strong example story (a backend engineer and a supplier's unannounced API change), with the given id and time.
pub fn worked_example(id: &str, now_ms: f64) -> Story {
    Story {
        id: id.to_string(),
        title: "Example: the address service that changed overnight".to_string(),
        target_role: "Backend engineer".to_string(),
        category: FailureCategory::TechnicalProblem,
        summary: "On a Friday evening, checkout on our grocery delivery site started failing because the outside address-lookup service we relied on changed its response format without warning.".to_string(),
        context: "We handled about 14,000 orders a day, and Friday evening is our busiest time. For 40 minutes, 18% of checkouts failed at the address step, which put roughly 2,300 orders and about £90,000 of sales at risk.".to_string(),
        steps: vec![
            step(
                "I spotted the spike in checkout errors on our dashboard and traced it to the address service",
                "",
                "within 6 minutes of the first alert",
            ),
            step(
                "I switched checkout to manual address entry behind a feature flag",
                "the on-call product manager",
                "within 20 minutes",
            ),
            step(
                "I rewrote the address parser to accept both formats and shipped it",
                "a second engineer as reviewer",
                "within 3 hours",
            ),
            step(
                "I emailed an apology and a free-delivery code to all 2,300 affected customers",
                "together with our support lead",
                "the next morning",
            ),
        ],
        immediate_win: "Checkout success was back above 99% that same evening, and by Sunday about 1,900 of the 2,300 customers had completed their orders.".to_string(),
        long_term_gain: "I then added nightly contract tests against the supplier's sandbox and a fallback path for every outside service in checkout. Over the next six months those tests caught two more breaking changes before any customer saw them.".to_string(),
        lesson: "I learned that any service we do not control needs a fallback designed up front, not improvised during an outage.".to_string(),
        change: "Now, before I integrate a new outside API, I write its contract test and its fallback first, and every design document I write has a section on what happens when each dependency is down.".to_string(),
        last_step: 5,
        created_ms: now_ms,
        updated_ms: now_ms,
        // A text added to the story later is left empty here.
        ..Story::default()
    }
}
