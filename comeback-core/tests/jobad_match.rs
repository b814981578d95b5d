//! Which essentials of a job ad a piece of a story touches (`jobad::match_essentials`), table
//! driven: each case names an ad of `tests/jobads/` (or gives one), a text, and the essentials that
//! must match (by a word of theirs) or that nothing may match.

use comeback_core::jobad::{
    match_desirables, match_essentials, read_job_ad, JobAd, MatchStrength, WordLink,
};
use std::path::Path;

fn load(name: &str) -> (String, JobAd) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/jobads");
    let path = [
        dir.join(format!("{name}.txt")),
        dir.join(format!("holdout/{name}.txt")),
    ]
    .into_iter()
    .find(|p| p.exists())
    .unwrap_or_else(|| dir.join(format!("{name}.txt")));
    let text = std::fs::read_to_string(path).expect("an ad of the test set");
    let ad = read_job_ad(&text);
    (text, ad)
}

const DISPENSING_ERROR: &str = "On a Saturday I was the only pharmacist on duty and we had over 300 prescriptions to get through. I dispensed amlodipine 10 mg instead of 5 mg for a regular patient, because the two boxes sat side by side on the shelf and I checked the name but not the strength.";

/// (ad, text, words that must each be in some matched essential (empty: nothing may match)).
const CASES: &[(&str, &str, &[&str])] = &[
    // The failure against the ad it is at the core of, and against one it has nothing to do with.
    ("pharmacist-community", DISPENSING_ERROR, &["dispensing"]),
    ("software-engineer-backend", DISPENSING_ERROR, &[]),
    ("sre-platform", DISPENSING_ERROR, &[]),
    ("teacher-primary", DISPENSING_ERROR, &[]),
    // A late dose is about medication administration, though the two share no word.
    (
        "nurse-ward",
        "On a night shift with two nurses off sick, I gave a patient's 6 am insulin dose nearly two hours late.",
        &["medication"],
    ),
    // The reverse use: a turnaround that shows stakeholder communication.
    (
        "product-manager",
        "Within the hour I called the heads of marketing and finance, told them what had broken and when the fix would ship, and I sent the stakeholders an update every morning until conversion recovered.",
        &["stakeholders"],
    ),
    (
        "accountant-management",
        "At month-end I missed a duplicate supplier payment in the bank reconciliation, and the accounts went to the board £18,000 out.",
        &["reconciliations"],
    ),
    (
        "sre-platform",
        "I rolled back the release within ten minutes, led the incident call with the on-call database engineer and wrote the post-mortem the next morning.",
        &["incident", "mortems"],
    ),
    (
        "teacher-primary",
        "Half my Year 4 class had not understood fractions, so I re-planned the next three lessons around what the assessment showed.",
        &["lessons", "assessment"],
    ),
    (
        "chef-sous",
        "During a 140-cover Saturday service the walk-in fridge failed, and I moved every allergen-labelled container to the bar fridges within twenty minutes.",
        &["allergen"],
    ),
    (
        "warehouse-operative",
        "I loaded a trailer in the wrong order, so the driver's first drops were at the back and the route ran two hours late.",
        &["trailers"],
    ),
    (
        "software-engineer-backend",
        "I shipped a database migration that locked the orders table for 20 minutes at lunchtime, and checkout failed for about 4,000 customers.",
        &["databases"],
    ),
    // One ordinary word in common, in another sense, is no match: "the close of a deal" and a
    // month-end close, a school class and a Pilates class, a route and a bus route.
    (
        "accountant-management",
        "I set my Year 10 class a mock exam using questions from the old specification, so 28 pupils sat a paper that didn't match what they'd been taught.",
        &[],
    ),
    (
        "sre-platform",
        "At quarter-end I posted a £40,000 accrual to the wrong cost centre, and the operations director's management accounts showed an overspend that wasn't real.",
        &[],
    ),
    (
        "cashier-supermarket",
        "I shipped a database migration that locked the orders table for 20 minutes at lunchtime, and checkout failed for about 4,000 customers.",
        &[],
    ),
    (
        "teacher-primary",
        "I forecast a £200,000 deal to close in Q4 and it slipped to the next year because the client's budget was frozen.",
        &[],
    ),
    (
        "it-support",
        "On a night shift two patients deteriorated at once and I escalated the third patient's rising early warning score two hours late.",
        &[],
    ),
    // Words that say nothing about a requirement never match on their own.
    (
        "nurse-ward",
        "I worked hard with my team and used all my experience and skills to make sure it was done well and on time.",
        &[],
    ),
    (
        "software-engineer-backend",
        "I have strong experience and the ability to work in a team environment, and I learned a lot.",
        &[],
    ),
    // The people a job serves count only beside another word.
    (
        "nurse-ward",
        "A patient's family complained that nobody had spoken to them.",
        &[],
    ),
];

#[test]
fn essentials_touched_by_a_text() {
    for (name, text, want) in CASES {
        let (ad_text, ad) = load(name);
        let found = match_essentials(&ad, text);
        let shown: Vec<String> = found
            .iter()
            .map(|m| {
                let pairs: Vec<String> = m
                    .words
                    .iter()
                    .map(|w| format!("{}~{}", w.in_text.text, w.in_ad.text))
                    .collect();
                format!("{:?} [{}]", m.requirement.text, pairs.join(", "))
            })
            .collect();
        if want.is_empty() {
            assert!(
                found.is_empty(),
                "{name}: nothing should match {text:?}, got {shown:#?}"
            );
        }
        for w in *want {
            assert!(
                found
                    .iter()
                    .any(|m| m.words.iter().any(|x| x.in_ad.text.eq_ignore_ascii_case(w))),
                "{name}: {w:?} should be matched by {text:?}, got {shown:#?}"
            );
        }
        // Every quote is the words its span covers, on both sides.
        for m in &found {
            assert_eq!(
                &ad_text[m.requirement.span.start..m.requirement.span.end]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                &m.requirement.text
            );
            for w in &m.words {
                assert_eq!(
                    &text[w.in_text.span.start..w.in_text.span.end],
                    w.in_text.text
                );
                assert_eq!(&ad_text[w.in_ad.span.start..w.in_ad.span.end], w.in_ad.text);
                assert_eq!(
                    w.in_text.span.utf16_start,
                    text[..w.in_text.span.start].encode_utf16().count()
                );
                assert_eq!(
                    w.in_ad.span.utf16_end,
                    ad_text[..w.in_ad.span.end].encode_utf16().count()
                );
            }
        }
    }
}

#[test]
fn the_best_match_comes_first_and_says_how_the_words_are_tied() {
    let (_, ad) = load("pharmacist-community");
    let found = match_essentials(&ad, DISPENSING_ERROR);
    let first = &found[0];
    assert_eq!(first.strength, MatchStrength::Clear);
    assert!(first
        .requirement
        .text
        .contains("dispensing of prescriptions"));
    let dispensed = first
        .words
        .iter()
        .find(|w| w.in_text.text == "dispensed")
        .expect("'dispensed' quoted");
    assert_eq!(dispensed.in_ad.text, "dispensing");
    assert_eq!(dispensed.link, WordLink::SameWord);
    assert!(
        dispensed.core_skill,
        "dispensing is a pharmacist's core skill"
    );

    let (_, nurse) = load("nurse-ward");
    let found = match_essentials(&nurse, "I gave the 6 am dose two hours late.");
    let dose = &found[0].words[0];
    assert_eq!(
        (dose.in_text.text.as_str(), dose.in_ad.text.as_str()),
        ("dose", "medication")
    );
    assert_eq!(dose.link, WordLink::Related);
}

#[test]
fn the_role_table_lets_an_everyday_word_count_where_it_is_a_core_skill() {
    let ad = read_job_ad(
        "Office Administrator\n\nResponsibilities:\n- Organise meetings and travel for the directors\n- Keep the filing up to date\n",
    );
    assert_eq!(
        ad.title.as_ref().and_then(|t| t.role),
        Some("Administrative assistant")
    );
    let story = "I put two of the director's meetings in the same slot on the Monday.";
    let found = match_essentials(&ad, story);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].strength, MatchStrength::Possible);
    let word = &found[0].words[0];
    assert_eq!(
        (word.in_text.text.as_str(), word.in_ad.text.as_str()),
        ("meetings", "meetings")
    );
    assert_eq!(word.link, WordLink::CoreSkill);
    // In an ad for another role, "meetings" says nothing on its own.
    let ad = read_job_ad(
        "Data Analyst\n\nResponsibilities:\n- Present findings in weekly meetings\n- Build dashboards\n",
    );
    let found = match_essentials(&ad, story);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn desirables_are_matched_apart() {
    let (_, ad) = load("software-engineer-backend");
    let found = match_desirables(&ad, "I moved our deployments to Kubernetes with Terraform.");
    assert!(
        found
            .iter()
            .any(|m| m.requirement.text.contains("Kubernetes")),
        "{found:#?}"
    );
}
