//! The rule table (`RULES`) against what the analyzer says: every rule id found over the whole
//! corpus, pasted and as stories, is in the table; every entry of the table is listed in
//! ANALYZER.md, and found over the corpus (or documented there as one the corpus cannot raise).

use comeback_core::analyzer::{analyze_answer, analyze_story, story_from_answer, Report, RULES};
use comeback_core::FailureCategory;
use std::collections::BTreeSet;

/// Every answer of every corpus set: (role, text).
fn corpus() -> Vec<(Option<String>, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).expect("a corpus file");
        for line in src.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("a corpus line");
            let text = v["text"].as_str().unwrap_or_default().to_string();
            let role = v["role"].as_str().map(String::from);
            out.push((role, text));
        }
    }
    out
}

/// The rule ids the analyzer gives over the corpus: each answer pasted, and built into a story
/// (as `story_from_answer` builds it, with each failure category in turn, and with nothing in it).
fn emitted() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut add = |r: &Report| {
        ids.extend(r.all_findings().map(|f| f.rule.clone()));
    };
    for (i, (role, text)) in corpus().iter().enumerate() {
        add(&analyze_answer(text, role.as_deref()));
        let mut story = story_from_answer(text, role.as_deref());
        add(&analyze_story(&story));
        story.category = FailureCategory::CHOICES[i % FailureCategory::CHOICES.len()];
        add(&analyze_story(&story));
    }
    add(&analyze_story(&Default::default()));
    // The corpus has no job ads: one story with one, whose failure is about an essential.
    add(&analyze_story(&comeback_core::Story {
        summary: "I dispensed the wrong strength of a blood thinner to a patient.".into(),
        job_ad: "Pharmacist\nEssential:\n- Safe and accurate dispensing of medicines\n".into(),
        ..Default::default()
    }));
    ids
}

#[test]
fn every_rule_said_is_in_the_table_and_every_rule_of_the_table_is_said() {
    let said = emitted();
    let table: BTreeSet<String> = RULES.iter().map(|r| r.id.to_string()).collect();
    let unknown: Vec<&String> = said.difference(&table).collect();
    assert!(
        unknown.is_empty(),
        "rule ids the analyzer gives that are not in RULES (src/analyzer/rules.rs): {unknown:?}"
    );
    let analyzer_md = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ANALYZER.md"),
    )
    .expect("ANALYZER.md");
    let undocumented: Vec<&String> = table
        .iter()
        .filter(|id| !analyzer_md.contains(&format!("`{id}`")))
        .collect();
    assert!(
        undocumented.is_empty(),
        "rules in RULES that ANALYZER.md's rule table does not list: {undocumented:?}"
    );
    let silent: Vec<&String> = table
        .difference(&said)
        .filter(|id| !analyzer_md.contains(&format!("`{id}` (not raised by the corpus")))
        .collect();
    assert!(
        silent.is_empty(),
        "rules in RULES that nothing in the corpus raises and ANALYZER.md does not explain: {silent:?}"
    );
}
