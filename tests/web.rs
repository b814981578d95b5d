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
    let reason = loaded.unreadable[0].reason.clone().unwrap_or_default();
    assert!(reason.contains("newer"), "{reason}");
    // A saved value is not a file the user chose: the words say so.
    assert!(
        !reason.contains("file") && !reason.contains("import"),
        "{reason}"
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

/// Waits `ms` milliseconds of real time.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[wasm_bindgen_test]
async fn delayed_work_never_runs_after_its_owner_is_gone() {
    use comeback::later::Later;
    use leptos::prelude::*;
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;

    let ran = Rc::new(Cell::new(0));
    let owner = Owner::new();
    let later = owner.with(Later::new);
    let (r1, r2, r3) = (ran.clone(), ran.clone(), ran.clone());
    // A signal owned by the same owner: reading it after disposal would panic.
    let signal = owner.with(|| RwSignal::new(1));
    later.after(Duration::from_millis(20), move || {
        r1.set(r1.get() + signal.get_untracked())
    });
    later.next_frame(move || r2.set(r2.get() + 10));
    owner.cleanup();
    assert!(!later.alive());
    later.after(Duration::from_millis(1), move || r3.set(r3.get() + 100));
    sleep(80).await;
    assert_eq!(ran.get(), 0, "a task ran after its owner was cleaned up");

    // While the owner lives, a burst of calls runs once, after the last.
    let owner = Owner::new();
    let later = owner.with(Later::new);
    let count = Rc::new(Cell::new(0));
    for _ in 0..5 {
        let c = count.clone();
        later.after(Duration::from_millis(15), move || c.set(c.get() + 1));
    }
    sleep(80).await;
    assert_eq!(count.get(), 1);
    owner.cleanup();
}

#[wasm_bindgen_test]
fn a_panic_shows_a_message_and_keeps_a_report() {
    ls().clear().unwrap();
    comeback::crash::show("index out of bounds: the len is 0 but the index is 3");
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc
        .get_element_by_id(comeback::crash::CRASH_ID)
        .expect("a message");
    let text = el.text_content().unwrap_or_default();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("Your text is saved"), "{text}");
    assert!(text.contains("Reload"), "{text}");
    assert_eq!(el.get_attribute("role").as_deref(), Some("alert"));
    let link = el
        .query_selector("a[download]")
        .unwrap()
        .expect("a report link");
    assert!(link.get_attribute("href").unwrap().starts_with("blob:"));
    let log = ls()
        .get_item(comeback::storage::CRASH_KEY)
        .unwrap()
        .unwrap();
    assert!(log.contains("the index is 3"), "{log}");
    let report = comeback::storage::crash_log().unwrap();
    assert!(report.contains("the index is 3"), "{report}");
    // Only the last few are kept.
    for i in 0..8 {
        comeback::storage::record_crash(&format!("panic {i}"), 0.0);
    }
    let report = comeback::storage::crash_log().unwrap();
    assert!(
        !report.contains("panic 2") && report.contains("panic 7"),
        "{report}"
    );
    comeback::storage::clear_crash_log();
    assert!(comeback::storage::crash_log().is_none());
    el.remove();
}

#[wasm_bindgen_test]
fn a_held_version_comes_back_at_load_and_a_copy_already_saved_is_dropped() {
    use comeback::storage::held_key;
    ls().clear().unwrap();
    let store = Store::open();
    let saved = sample("s1");
    store.save(&saved).unwrap();
    let mut typed = saved.clone();
    typed.context = "Typed while the prompt was open 🙂".into();
    store.hold(&typed, "tabA").unwrap();
    store.hold(&saved, "tabB").unwrap();
    let loaded = Store::open().load();
    assert_eq!(
        loaded.held.len(),
        1,
        "only the version that differs comes back"
    );
    assert_eq!(loaded.held[0].0, held_key("s1", "tabA"));
    assert_eq!(loaded.held[0].1.context, typed.context);
    assert_eq!(ls().get_item(&held_key("s1", "tabB")).unwrap(), None);
    assert!(ls().get_item(&held_key("s1", "tabA")).unwrap().is_some());
    ls().clear().unwrap();
}
