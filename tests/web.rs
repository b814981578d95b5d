//! Browser tests (wasm-bindgen-test in headless Chromium): the storage module's failure paths,
//! routes, and the app mounting for real.
#![cfg(target_arch = "wasm32")]

use comeback::route::Route;
use comeback::storage::{story_key, SaveError, Store, UNREADABLE_PREFIX};
use comeback_core::{Key, RecoveryStep, Story};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn ls() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn sample(id: &str) -> Story {
    Story {
        id: id.into(),
        title: "Émoji 🚀 and עברית".into(),
        target_role: "Nurse".into(),
        context: "A ward of 28 beds, 3 nights 🌙".into(),
        steps: vec![RecoveryStep {
            action: "I called the pharmacist".into(),
            who: "with the charge nurse".into(),
            when: "within 10 minutes".into(),
        }],
        ..Story::default()
    }
}

#[wasm_bindgen_test]
fn saves_and_loads_unicode_exactly() {
    ls().clear().unwrap();
    let store = Store::open();
    let s = sample("t1");
    store.save(&s).unwrap();
    let loaded = Store::open().load();
    assert_eq!(loaded.stories, vec![s]);
    assert!(loaded.unreadable.is_empty());
}

#[wasm_bindgen_test]
fn corrupt_value_is_kept_aside_not_deleted() {
    ls().clear().unwrap();
    ls().set_item(&story_key("bad"), "{\"schema_version\":3,\"stories\":[{")
        .unwrap();
    Store::open().save(&sample("good")).unwrap();
    let loaded = Store::open().load();
    assert_eq!(loaded.stories.len(), 1, "the readable story still loads");
    assert_eq!(loaded.unreadable.len(), 1);
    let kept = &loaded.unreadable[0].kept_as;
    assert!(kept.starts_with(UNREADABLE_PREFIX));
    assert_eq!(
        ls().get_item(kept).unwrap().as_deref(),
        Some("{\"schema_version\":3,\"stories\":[{")
    );
    assert_eq!(ls().get_item(&story_key("bad")).unwrap(), None);
    // Loading again reports it again rather than forgetting it.
    assert_eq!(Store::open().load().unreadable.len(), 1);
}

#[wasm_bindgen_test]
fn value_from_a_newer_version_is_kept_aside_with_a_reason() {
    ls().clear().unwrap();
    ls().set_item(
        &story_key("future"),
        "{\"app\":\"comeback\",\"schema_version\":99,\"stories\":[]}",
    )
    .unwrap();
    let loaded = Store::open().load();
    assert!(loaded.stories.is_empty());
    assert_eq!(loaded.unreadable.len(), 1);
    assert!(
        loaded.unreadable[0].reason.contains("newer"),
        "{}",
        loaded.unreadable[0].reason
    );
}

#[wasm_bindgen_test]
fn full_storage_gives_a_quota_error_and_keeps_nothing_half_written() {
    ls().clear().unwrap();
    let store = Store::open();
    store.save(&sample("before")).unwrap();
    // Fill the origin's quota with filler values.
    let chunk = "x".repeat(512 * 1024);
    let mut i = 0;
    while ls().set_item(&format!("filler.{i}"), &chunk).is_ok() {
        i += 1;
        assert!(i < 200, "storage never filled up");
    }
    let mut big = sample("before");
    big.context = "y".repeat(600 * 1024);
    let err = store.save(&big).unwrap_err();
    assert_eq!(err, SaveError::Quota);
    assert!(err.message().contains("full"));
    // The earlier saved version is intact.
    for j in 0..i {
        ls().remove_item(&format!("filler.{j}")).unwrap();
    }
    let loaded = Store::open().load();
    assert_eq!(loaded.stories, vec![sample("before")]);
    ls().clear().unwrap();
}

#[wasm_bindgen_test]
fn another_tab_writing_first_is_a_conflict_not_an_overwrite() {
    ls().clear().unwrap();
    let mine = Store::open();
    let mut s = sample("shared");
    mine.save(&s).unwrap();
    // Another tab (another Store) writes its own version.
    let theirs = Store::open();
    let _ = theirs.load();
    let mut other = s.clone();
    other.context = "Their version".into();
    theirs.save(&other).unwrap();
    s.context = "My version".into();
    match mine.save(&s) {
        Err(SaveError::Conflict(t)) => assert_eq!(t.context, "Their version"),
        r => panic!("expected a conflict, got {r:?}"),
    }
    // After the user chooses, saving over works.
    mine.save_over(&s).unwrap();
    assert_eq!(Store::open().load().stories[0].context, "My version");
}

#[wasm_bindgen_test]
fn two_saves_at_the_same_moment_are_noticed_from_the_storage_event() {
    ls().clear().unwrap();
    let mine = Store::open();
    let base = sample("raced");
    mine.save(&base).unwrap();
    let base_raw = ls().get_item(&story_key("raced")).unwrap().unwrap();
    let mut a = base.clone();
    a.context = "Version A".into();
    mine.save(&a).unwrap();
    let a_raw = ls().get_item(&story_key("raced")).unwrap().unwrap();
    // The other tab wrote B over the base it knew, not over A: the event says so.
    let mut b = base.clone();
    b.context = "Version B".into();
    let writer = Store::open();
    let _ = writer.load();
    writer.save_over(&b).unwrap();
    let b_raw = ls().get_item(&story_key("raced")).unwrap().unwrap();
    let theirs = mine.concurrent_write("raced", Some(&base_raw), Some(&b_raw));
    assert_eq!(theirs.map(|t| t.context), Some("Version B".to_string()));
    // An ordinary write over what this tab last saw is not a race.
    assert!(mine
        .concurrent_write("raced", Some(&a_raw), Some(&b_raw))
        .is_none());
    // Nor is an event about a value this tab has already seen.
    assert!(mine
        .concurrent_write("raced", Some(&base_raw), Some(&a_raw))
        .is_none());
}

#[wasm_bindgen_test]
fn routes_round_trip_with_odd_ids() {
    for id in ["s1-abc", "with space", "ünï/cödé", "%41"] {
        let r = Route::Step(id.into(), Key::Turnaround);
        assert_eq!(Route::parse(&r.href()), r);
        let r = Route::Review(id.into());
        assert_eq!(Route::parse(&r.href()), r);
        let r = Route::Practice(id.into());
        assert_eq!(Route::parse(&r.href()), r);
    }
    assert_eq!(Route::parse(""), Route::Home);
    assert_eq!(Route::parse("#/paste"), Route::Paste);
    assert!(matches!(Route::parse("#/story/x/9"), Route::NotFound(_)));
}
