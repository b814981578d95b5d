//! Story bank operations, merge, exports and the assembled answer, including hostile text.

use comeback_core::story::{
    apply_merge, parse_import, plan_merge, Bank, BankError, MergeError, RecoveryStep, Resolution,
    Story,
};
use proptest::prelude::*;

fn story(id: &str, title: &str, updated: f64) -> Story {
    let mut s = Story::new(id, updated);
    s.title = title.to_string();
    s
}

#[test]
fn new_rename_duplicate_touch_and_listing() {
    let mut bank = Bank::default();
    bank.new_story("a", 10.0).unwrap();
    assert_eq!(
        bank.new_story("a", 11.0).unwrap_err(),
        BankError::IdTaken("a".into())
    );
    assert_eq!(bank.new_story(" ", 11.0).unwrap_err(), BankError::EmptyId);
    bank.new_story("b", 20.0).unwrap().summary = "The server died.".into();
    bank.rename("a", "Flood", 30.0).unwrap();
    assert_eq!(
        bank.rename("zz", "x", 1.0),
        Err(BankError::NotFound("zz".into()))
    );
    let copy = bank.duplicate("b", "c", 40.0).unwrap();
    assert_eq!(copy.title, "Untitled story (copy)");
    assert_eq!(copy.summary, "The server died.");
    assert_eq!(copy.created_ms, 40.0);
    let ids: Vec<&str> = bank.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["a", "b", "c"],
        "the copy sits right after its original"
    );
    bank.touch("b", 50.0).unwrap();
    let listed: Vec<&str> = bank.by_updated().iter().map(|s| s.id.as_str()).collect();
    assert_eq!(listed, ["b", "c", "a"]);
}

#[test]
fn delete_then_undo_restores_the_same_place() {
    let mut bank = Bank::with_stories(vec![
        story("a", "A", 1.0),
        story("b", "B", 2.0),
        story("c", "C", 3.0),
    ]);
    let before = bank.clone();
    let deleted = bank.delete("b").unwrap();
    assert_eq!(deleted.index, 1);
    assert!(bank.delete("b").is_none());
    bank.restore(deleted).unwrap();
    assert_eq!(bank, before);
    // Restoring when the bank has shrunk appends; restoring a duplicate id is refused.
    let d = bank.delete("c").unwrap();
    bank.delete("a").unwrap();
    bank.restore(d.clone()).unwrap();
    assert_eq!(bank.stories.last().unwrap().id, "c");
    assert_eq!(bank.restore(d), Err(BankError::IdTaken("c".into())));
}

#[test]
fn merge_sorts_new_identical_and_conflicts_and_never_drops() {
    let mine = vec![story("a", "Same", 1.0), story("b", "Mine", 1.0)];
    let mut same_later = story("a", "Same", 99.0);
    same_later.last_step = 3;
    let theirs = vec![
        same_later,
        story("b", "Theirs", 2.0),
        story("n", "New", 3.0),
    ];
    let plan = plan_merge(&mine, &theirs);
    assert_eq!(plan.identical, ["a"]);
    assert_eq!(plan.new.len(), 1);
    assert_eq!(plan.conflicts.len(), 1);
    assert_eq!(plan.summary(), "1 new, 1 already here, 1 to decide");

    assert_eq!(
        apply_merge(&mine, &plan, &[]),
        Err(MergeError::ResolutionCount {
            conflicts: 1,
            resolutions: 0
        })
    );
    let kept = apply_merge(&mine, &plan, &[Resolution::KeepMine]).unwrap();
    assert_eq!(
        kept.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
        ["Same", "Mine", "New"]
    );
    let taken = apply_merge(&mine, &plan, &[Resolution::TakeTheirs]).unwrap();
    assert_eq!(taken[1].title, "Theirs");
    let both = apply_merge(&mine, &plan, &[Resolution::KeepBoth("b2".into())]).unwrap();
    assert_eq!(both.len(), 4);
    assert_eq!(
        (both[3].id.as_str(), both[3].title.as_str()),
        ("b2", "Theirs (imported)")
    );
    assert_eq!(
        apply_merge(&mine, &plan, &[Resolution::KeepBoth("a".into())]),
        Err(MergeError::IdTaken("a".into()))
    );
}

#[test]
fn exports_round_trip_and_read_well() {
    let s = comeback_core::example::worked_example("ex", 1.0);
    let back = parse_import(s.to_json().as_bytes()).unwrap().bank.stories;
    assert_eq!(back, vec![s.clone()]);
    let text = s.to_text();
    assert!(text
        .starts_with("Example: the address service that changed overnight\n\nOn a Friday evening"));
    let md = s.to_markdown();
    for part in [
        "# Example:",
        "**Target role:** Backend engineer",
        "## The answer",
        "## 3. Show the turnaround",
        "1. I spotted",
        "**The lesson:**",
        "**What you do differently now:**",
    ] {
        assert!(md.contains(part), "{part:?} missing in\n{md}");
    }
}

#[test]
fn assemble_skips_empty_parts_and_tidies_text() {
    let mut s = Story::new("x", 0.0);
    assert_eq!(s.assemble(), "");
    assert_eq!(s.filled_keys(), [false; 5]);
    assert_eq!(s.to_text(), "Untitled story\n");
    s.summary = "  our  vendor's API\nchanged overnight  ".into();
    s.steps = vec![
        RecoveryStep {
            action: "rolled back the release.".into(),
            who: "The on-call engineer".into(),
            when: "15 minutes".into(),
        },
        RecoveryStep::default(),
        RecoveryStep {
            action: "I wrote to the 40 affected clients..".into(),
            who: String::new(),
            when: "That evening".into(),
        },
    ];
    s.lesson = "test the fallback".into();
    assert_eq!(s.filled_keys(), [true, false, true, false, true]);
    assert_eq!(
        s.assemble(),
        "Our vendor's API changed overnight.\n\n\
         First, I rolled back the release with the on-call engineer within 15 minutes. \
         Then I wrote to the 40 affected clients that evening.\n\n\
         Test the fallback."
    );
}

fn hostile() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\\PC\\u{0}-\\u{1f}\\u{202e}\\u{200d} .,;!?]{0,80}",
        Just("👩‍⚕️🚀 שלום مرحبا ..,, \u{0}\u{7}".to_string()),
    ]
}

proptest! {
    #[test]
    fn nothing_panics_on_any_text(a in hostile(), b in hostile(), c in hostile(), d in hostile()) {
        let mut s = Story::new(&a, 0.0);
        s.title = b.clone();
        s.summary = a.clone();
        s.context = c.clone();
        s.steps = vec![RecoveryStep { action: b.clone(), who: c.clone(), when: d.clone() }];
        s.immediate_win = d.clone();
        s.lesson = c.clone();
        let answer = s.assemble();
        prop_assert!(!answer.contains("  "));
        // Our joins never add a second full stop; the user's own "..." is theirs to keep.
        if ![&a, &b, &c, &d].iter().any(|t| t.contains('.')) {
            prop_assert!(!answer.contains(".."));
        }
        let _ = (s.to_text(), s.to_markdown(), comeback_core::story::word_count(&answer));
        if !a.trim().is_empty() {
            let back = parse_import(s.to_json().as_bytes()).unwrap().bank.stories;
            prop_assert_eq!(back, vec![s]);
        }
        let _ = parse_import(a.as_bytes());
    }
}

#[test]
fn a_megabyte_of_text_is_handled() {
    let mut s = Story::new("big", 0.0);
    s.context = "🚀 שלום word. ".repeat(70_000);
    s.steps = vec![RecoveryStep {
        action: "x".repeat(1_000_000),
        who: "\u{0}".repeat(1000),
        when: String::new(),
    }];
    let answer = s.assemble();
    assert!(comeback_core::story::word_count(&answer) > 100_000);
    assert!(s.to_markdown().len() > 1_000_000);
}

#[test]
fn copies_and_other_tabs_versions_keep_every_text() {
    let mut bank = Bank::with_stories(vec![story("a", "Flood", 1.0)]);
    let mut theirs = story("a", "Flood", 5.0);
    theirs.summary = "Their words.".into();
    let copy = bank
        .add_copy(theirs.clone(), "a2", "the other tab's version")
        .unwrap();
    assert_eq!(copy.title, "Flood (the other tab's version)");
    assert_eq!(
        (copy.summary.as_str(), copy.updated_ms),
        ("Their words.", 5.0)
    );
    assert_eq!(
        bank.add(story("a", "again", 1.0)).unwrap_err(),
        BankError::IdTaken("a".into())
    );
    bank.replace_or_add(theirs.clone());
    assert_eq!(bank.get("a"), Some(&theirs));
    bank.replace_or_add(story("n", "New here", 9.0));
    let ids: Vec<&str> = bank.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a", "a2", "n"]);
}

#[test]
fn a_story_started_and_left_untouched_is_blank_and_dropped() {
    let mut bank = Bank::default();
    let s = bank.new_story("a", 1.0).unwrap();
    assert_eq!(s.title, "", "the title is the user's to give");
    assert_eq!(s.display_title(), "Untitled story");
    assert!(s.is_blank());
    bank.new_story("b", 2.0).unwrap().steps = vec![RecoveryStep::default()];
    bank.new_story("c", 3.0).unwrap().title = "Named".into();
    bank.new_story("d", 4.0).unwrap().category = comeback_core::FailureCategory::RareEvent;
    bank.new_story("e", 5.0).unwrap();
    assert_eq!(bank.drop_blank(Some("e")), ["a", "b"]);
    let ids: Vec<&str> = bank.stories.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["c", "d", "e"]);
}
