//! The coach's live report on a story, kept up to date as the user types: what the wizard's coach,
//! its step indicator and the Review page show.

use std::time::Duration;

use comeback_core::analyzer::{analyze_story, Report};
use comeback_core::Story;
use leptos::prelude::*;

use crate::later::Later;
use crate::state::use_app;

/// Past this many bytes, analysis waits for a pause in typing so that typing never freezes.
pub const LIVE_LIMIT_BYTES: usize = 20_000;

/// What the coach shows about a story, kept up to date as the user types.
#[derive(Clone, Copy)]
pub struct Live {
    /// The analyzer's report.
    pub report: Signal<Option<Report>>,
    /// Which keys have any text (as the step indicator counts them).
    pub filled: Signal<[bool; 5]>,
    /// Which keys' fields hold any text (as the coach's preview shows them).
    pub has_text: Signal<[bool; 5]>,
    /// Counts analyses: what must follow every key press (the open preview) tracks it.
    pub revision: Signal<u64>,
}

/// The live report for a story. Analysis runs at most once per frame (just before it is painted),
/// however fast the user types; past [`LIVE_LIMIT_BYTES`] it waits for a pause in typing instead.
/// Key presses reach it through [`AppState::on_typing`] and touch nothing reactive unless the
/// report or the filled keys really change; other changes to the story come through `story`.
pub fn use_live(id: &str, story: Signal<Option<Story>>) -> Live {
    let app = use_app();
    let report = RwSignal::new(None::<Report>);
    let filled = RwSignal::new([false; 5]);
    let has_text = RwSignal::new([false; 5]);
    let revision = RwSignal::new(0u64);
    let frame_pending = StoredValue::new(false);
    let key = StoredValue::new(id.to_string());
    // The frame callback and the timer below run after the page may have been left: they go
    // through `later`, which drops them with the page.
    let later = Later::new();
    let run = move || {
        let (next, f, t) = key.with_value(|id| {
            app.with_story(id, |s| {
                (
                    s.map(analyze_story),
                    s.map(Story::filled_keys).unwrap_or_default(),
                    s.map(Story::keys_with_text).unwrap_or_default(),
                )
            })
        });
        if report.with_untracked(|r| *r != next) {
            report.set(next);
        }
        if filled.get_untracked() != f {
            filled.set(f);
        }
        if has_text.get_untracked() != t {
            has_text.set(t);
        }
        revision.update(|r| *r += 1);
    };
    let schedule = move || {
        let Some(size) = key.with_value(|id| app.with_story(id, |s| s.map(Story::text_len))) else {
            report.set(None);
            return;
        };
        if report.with_untracked(|r| r.is_none()) {
            later.cancel();
            run();
        } else if size <= LIVE_LIMIT_BYTES {
            later.cancel();
            if !frame_pending.get_value() {
                frame_pending.set_value(true);
                later.next_frame(move || {
                    frame_pending.set_value(false);
                    run();
                });
            }
        } else {
            later.after(Duration::from_millis(400), run);
        }
    };
    Effect::new(move |_| {
        story.track();
        schedule();
    });
    app.on_typing(id, schedule);
    Live {
        report: report.into(),
        filled: filled.into(),
        has_text: has_text.into(),
        revision: revision.into(),
    }
}
