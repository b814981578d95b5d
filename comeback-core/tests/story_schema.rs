//! Every saved version migrates to the current bank: one fixture per version, its expected
//! result beside it (`vN.expected.json`, written when missing or with `UPDATE_EXPECT=1`).

use std::path::{Path, PathBuf};

use comeback_core::story::{parse_import, Bank, ImportKind, CURRENT_SCHEMA};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema")
}

/// Compares `actual` with the file, or writes the file when it is missing or UPDATE_EXPECT is set.
fn expect_file(path: &Path, actual: &str) {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    match std::fs::read_to_string(path) {
        Ok(expected) if !update => assert_eq!(
            expected.trim_end(),
            actual.trim_end(),
            "{} differs; rerun with UPDATE_EXPECT=1 to accept",
            path.display()
        ),
        _ => std::fs::write(path, format!("{}\n", actual.trim_end())).unwrap(),
    }
}

fn migrate(version: u32) -> Bank {
    let path = dir().join(format!("v{version}.json"));
    let bytes = std::fs::read(&path).unwrap();
    let data = parse_import(&bytes).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
    assert_eq!(data.source_version, version);
    let json = data.bank.to_json();
    expect_file(&dir().join(format!("v{version}.expected.json")), &json);
    // The current format reads back to the same bank.
    assert_eq!(Bank::from_json(&json).unwrap(), data.bank);
    data.bank
}

fn all_text(bank: &Bank) -> String {
    let mut out = String::new();
    for s in &bank.stories {
        for t in [
            &s.title,
            &s.target_role,
            &s.summary,
            &s.context,
            &s.immediate_win,
            &s.long_term_gain,
            &s.lesson,
            &s.change,
            &s.unsorted,
        ] {
            out.push_str(t);
            out.push('\n');
        }
        for st in &s.steps {
            out.push_str(&format!("{} {} {}\n", st.action, st.who, st.when));
        }
    }
    out
}

#[test]
fn v1_single_story_migrates_without_losing_text() {
    let bank = migrate(1);
    assert_eq!(bank.schema_version, CURRENT_SCHEMA);
    let s = &bank.stories[0];
    assert!(s.id.starts_with("v1-"));
    assert_eq!(s.target_role, "Staff nurse");
    assert_eq!(s.steps.len(), 3);
    assert_eq!(s.immediate_win, "No dose was missed or late that night.");
    assert!(s.long_term_gain.starts_with("The hospital later"));
    let text = all_text(&bank);
    for word in [
        "downtime box within ten minutes",
        "At 6 am",
        "mood: stressful",
        "rating: 4",
        "140 scheduled doses",
    ] {
        assert!(text.contains(word), "lost {word:?}");
    }
    // The same v1 file gets the same id every time, so importing it twice finds it identical.
    assert_eq!(migrate(1).stories[0].id, s.id);
}

#[test]
fn v2_bank_migrates_ids_steps_times_and_leftovers() {
    let bank = migrate(2);
    let a = &bank.stories[0];
    assert_eq!(a.id, "s-7f3a");
    assert_eq!(a.steps.len(), 2, "blank steps are dropped, text steps kept");
    assert_eq!(a.created_ms, 1_680_343_200_000.0);
    assert_eq!(a.updated_ms, 1_680_429_600_000.0);
    assert_eq!(
        a.immediate_win,
        "We shipped 95% of the Black Friday orders on time."
    );
    let b = &bank.stories[1];
    for kept in [
        "category: deadline shock",
        "created: sometime in spring",
        "notes: Ask Sam",
        "tags: [\"teaching\",\"deadline\"]",
    ] {
        assert!(
            b.unsorted.contains(kept),
            "{kept:?} not in {:?}",
            b.unsorted
        );
    }
}

#[test]
fn v3_current_bank_reads_as_is_and_keeps_unknown_fields() {
    let bank = migrate(3);
    assert_eq!(bank.stories.len(), 2);
    assert_eq!(bank.stories[0].dismissed, ["hedge-words"]);
    assert!(bank.stories[1]
        .unsorted
        .contains("step 1 note: they were slow"));
    assert!(bank.stories[1].unsorted.contains("mood: tired"));
}

#[test]
fn a_single_exported_story_is_a_bank_of_one() {
    let bank = migrate(3);
    let one = bank.stories[0].to_json();
    let data = parse_import(one.as_bytes()).unwrap();
    assert_eq!(data.kind, ImportKind::Bank);
    assert_eq!(data.bank.stories, vec![bank.stories[0].clone()]);
    // A bare story object, as another tool might write it, is accepted too.
    let bare = serde_json::to_string(&bank.stories[0]).unwrap();
    let data = parse_import(bare.as_bytes()).unwrap();
    assert_eq!(data.kind, ImportKind::SingleStory);
    assert_eq!(data.bank.stories[0], bank.stories[0]);
}

#[test]
fn v4_keeps_the_job_ad_with_its_story() {
    let bank = migrate(4);
    assert_eq!(bank.stories.len(), 1);
    let s = &bank.stories[0];
    assert!(s.job_ad.starts_with("Community Pharmacist\nEssential:"));
    assert!(s.job_ad.ends_with("Salary: competitive"));
    assert!(s.unsorted.contains("colour: green"));
    // The answer as the user edited it on Review, and what it was made from.
    assert!(s.uses_edited_answer());
    assert!(s.answer_text().contains("within the hour."));
    assert!(s.edited_answer_is_behind());
    // Saved again, it is the current version and the ad is still there.
    let json = bank.to_json();
    assert!(json.contains("\"schema_version\": 4"));
    assert_eq!(Bank::from_json(&json).unwrap().stories[0].job_ad, s.job_ad);
}

#[test]
fn a_story_from_before_v4_has_no_ad_and_no_edited_answer() {
    for version in 1..=3 {
        let bank = migrate(version);
        assert!(
            bank.stories.iter().all(|s| s.job_ad.is_empty()),
            "v{version}"
        );
    }
}
