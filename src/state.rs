//! The app's shared state: the stories in memory, saving to the device, undo, notices and
//! conflicts between tabs. Pages get it from context and call its methods; they never touch
//! storage themselves.

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;
use std::time::Duration;

use comeback_core::story::sync::{self, save_wait, OtherTab, SAVE_DELAY_MS};
use comeback_core::story::{Bank, Deleted, Field, TextChange};
use comeback_core::Story;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::later::Later;
use crate::route::{self, Route};
use crate::storage::{self, SaveError, Store};

thread_local! {
    static STORE: Store = Store::open();
    static DIRTY: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    /// When the first unsaved change and the latest one were made (ms since the epoch).
    static DIRTY_SINCE: Cell<(f64, f64)> = const { Cell::new((0.0, 0.0)) };
    static TYPING: RefCell<Vec<TypingListener>> = const { RefCell::new(Vec::new()) };
    static TYPING_KEY: Cell<u64> = const { Cell::new(0) };
    /// This tab's name for its side slots (see `storage::HELD_PREFIX`).
    static TAB: String = new_id();
}

/// A listener registered with [`AppState::on_typing`].
struct TypingListener {
    key: u64,
    story: String,
    call: Rc<dyn Fn()>,
}

/// How long "Undo" stays offered after a delete.
pub const UNDO_SECONDS: u64 = 15;

/// How a notice looks and how urgently it is announced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Good news or neutral information.
    Info,
    /// Something the user should act on.
    Warning,
}

/// Something a notice lets the user do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoticeAction {
    /// Download a value that could not be read.
    DownloadUnreadable(String),
    /// Export everything as a file.
    ExportAll,
    /// Download the report of the app's last failure (see `crash.rs`).
    DownloadCrashReport,
}

/// A message at the top of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Unique within the session.
    pub id: u32,
    /// How it looks.
    pub tone: Tone,
    /// What it says.
    pub text: String,
    /// An optional button.
    pub action: Option<NoticeAction>,
}

/// The story another tab saved while this tab had unsaved changes to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The story in question.
    pub id: String,
    /// The other tab's version, or `None` when the other tab deleted it.
    pub theirs: Option<Story>,
}

/// The state of saving, shown in the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything typed is on the device.
    Saved,
    /// A save is still due after the last one (a story waiting for the user to settle a conflict).
    Pending,
    /// The last save failed; the text is only in memory.
    Failed(String),
    /// Another tab changed a story this tab also changed: nothing of it is written over until
    /// the user chooses (this tab's text is held in a side slot meanwhile).
    Held,
}

/// Shared state, handed down through context.
#[derive(Clone, Copy)]
pub struct AppState {
    /// All stories, in memory: the core's `Bank`, whose operations every change goes through.
    pub bank: RwSignal<Bank>,
    /// The current page.
    pub route: RwSignal<Route>,
    /// Messages at the top of the page.
    pub notices: RwSignal<Vec<Notice>>,
    /// A conflict with another tab, waiting for the user's choice.
    pub conflict: RwSignal<Option<Conflict>>,
    /// The last deleted story, with its place in the bank.
    pub undo: RwSignal<Option<Deleted>>,
    /// Whether everything is saved.
    pub save_state: RwSignal<SaveState>,
    next_notice: StoredValue<u32>,
    /// The save timer, the undo offer's end and the focus after a page change: delayed work of
    /// the app's own (see `later.rs`).
    saving: Later,
    undo_offer: Later,
    focus: Later,
    /// The notice that says saving failed, taken down once saving works again.
    save_notice: StoredValue<Option<u32>>,
}

/// The app state from context.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// A new, practically unique story id.
pub fn new_id() -> String {
    let t = now_ms() as u64;
    let r = (js_sys::Math::random() * 1_000_000_000.0) as u64;
    format!("s{}-{}", radix36(t), radix36(r))
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

impl AppState {
    /// Loads the stories, reports unreadable data, and wires the window events.
    pub fn start() -> AppState {
        let loaded = STORE.with(|s| s.load());
        let bank = Bank::with_stories(loaded.stories);
        let mut start_route = route::current();
        let bare = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .map(|h| h.is_empty() || h == "#")
            .unwrap_or(true);
        if bare {
            // Opening the app afresh: go back to the story and step that were open last time.
            if let Some(r) = remembered_route() {
                if r.story_id().is_some_and(|id| bank.get(id).is_some()) {
                    if let Some(w) = web_sys::window() {
                        let _ = w.history().and_then(|h| {
                            h.replace_state_with_url(
                                &wasm_bindgen::JsValue::NULL,
                                "",
                                Some(&r.href()),
                            )
                        });
                    }
                    start_route = r;
                }
            }
        }
        // A story started and left without a word is not kept (unless it is the one being reopened).
        let mut bank = bank;
        for id in bank.drop_blank(start_route.story_id()) {
            STORE.with(|s| s.delete(&id));
        }
        let app = AppState {
            bank: RwSignal::new(bank),
            route: RwSignal::new(start_route),
            notices: RwSignal::new(Vec::new()),
            conflict: RwSignal::new(None),
            undo: RwSignal::new(None),
            save_state: RwSignal::new(SaveState::Saved),
            next_notice: StoredValue::new(1),
            saving: Later::new(),
            undo_offer: Later::new(),
            focus: Later::new(),
            save_notice: StoredValue::new(None),
        };
        if !loaded.available {
            app.notify(
                Tone::Warning,
                SaveError::Unavailable.message(),
                Some(NoticeAction::ExportAll),
            );
        }
        for u in loaded.unreadable {
            app.notify(
                Tone::Warning,
                match &u.reason {
                    Some(reason) => format!(
                        "A story saved on this device could not be read: {reason}. Its text has been kept aside on this device, not deleted: download it to keep a copy."
                    ),
                    None => "A story that could not be read at an earlier visit is still kept aside on this device: download it to keep a copy.".to_string(),
                },
                Some(NoticeAction::DownloadUnreadable(u.kept_as)),
            );
        }
        if storage::crash_log().is_some() {
            app.notify(
                Tone::Info,
                "Comeback stopped unexpectedly during an earlier visit. Your stories are here. If it happens again, the error report (no story text in it) shows where it stopped.",
                Some(NoticeAction::DownloadCrashReport),
            );
        }
        for (key, held) in loaded.held {
            app.adopt_held(key, held);
        }
        app.wire_events();
        app
    }

    /// A tab was closed while it waited for the user to choose between its version of a story and
    /// another tab's: its version comes back as a story of its own, and the side slot goes only
    /// once that story is saved.
    fn adopt_held(&self, key: String, story: Story) {
        let name = display_title(&story);
        let Some(id) = self.add_copy(story, "from a tab closed before choosing") else {
            return;
        };
        self.flush();
        if DIRTY.with(|d| !d.borrow().contains(&id)) {
            STORE.with(|s| s.release(&key));
        }
        self.notify(
            Tone::Info,
            format!("\u{201c}{name}\u{201d} was changed in two tabs, and one was closed before choosing which version to keep. That tab's version is now a separate story in your list."),
            None,
        );
    }

    /// Keeps a version of a story that must not be lost as a story of its own (see
    /// `Bank::add_copy`) and schedules its save; returns its id.
    fn add_copy(&self, story: Story, why: &str) -> Option<String> {
        let id = new_id();
        let mut added = false;
        self.bank
            .update(|b| added = b.add_copy(story, &id, why).is_ok());
        added.then(|| {
            self.mark_dirty(&id);
            id
        })
    }

    fn wire_events(self) {
        use leptos::leptos_dom::helpers::window_event_listener_untyped;
        // Handles are kept for the life of the page.
        std::mem::forget(window_event_listener_untyped("hashchange", move |_| {
            self.flush();
            let next = route::current();
            let left = self
                .route
                .with_untracked(|r| r.story_id().map(str::to_string))
                .filter(|id| next.story_id() != Some(id.as_str()));
            if let Some(id) = left {
                self.drop_if_blank(&id);
            }
            self.route.set(next);
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            // Move focus to the new page's heading so keyboard and screen-reader users start there.
            self.focus.next_frame(focus_heading);
        }));
        std::mem::forget(window_event_listener_untyped("pagehide", move |_| {
            self.flush()
        }));
        std::mem::forget(window_event_listener_untyped(
            "visibilitychange",
            move |_| {
                let hidden = web_sys::window()
                    .and_then(|w| w.document())
                    .map(|d| d.visibility_state() == web_sys::VisibilityState::Hidden)
                    .unwrap_or(false);
                if hidden {
                    self.flush();
                }
            },
        ));
        // Closing the tab while a conflict waits would leave the choice unmade: ask first. (The
        // text is safe either way, in the side slot, but the user should know.)
        std::mem::forget(window_event_listener_untyped("beforeunload", move |ev| {
            if self.conflict.with_untracked(Option::is_some) {
                self.flush();
                ev.prevent_default();
                if let Some(ev) = ev.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    ev.set_return_value(
                        "A story is waiting for you to choose between two versions.",
                    );
                }
            }
        }));
        std::mem::forget(window_event_listener_untyped("storage", move |ev| {
            if let Some(ev) = ev.dyn_ref::<web_sys::StorageEvent>() {
                if let Some(id) = ev.key().as_deref().and_then(storage::id_of_key) {
                    let raced = STORE.with(|s| {
                        s.concurrent_write(id, ev.old_value().as_deref(), ev.new_value().as_deref())
                    });
                    self.on_other_tab(id.to_string(), raced);
                }
            }
        }));
    }

    /// Shows a notice; returns its id.
    pub fn notify(&self, tone: Tone, text: impl Into<String>, action: Option<NoticeAction>) -> u32 {
        let id = self.next_notice.get_value();
        self.next_notice.set_value(id + 1);
        let text = text.into();
        self.notices.update(|n| {
            // The same message twice adds nothing.
            n.retain(|x| x.text != text);
            n.push(Notice {
                id,
                tone,
                text,
                action,
            });
        });
        id
    }

    /// Removes a notice (dismissing the error report's notice forgets the report).
    pub fn dismiss(&self, id: u32) {
        let crash = self.notices.with_untracked(|n| {
            n.iter()
                .any(|x| x.id == id && x.action == Some(NoticeAction::DownloadCrashReport))
        });
        if crash {
            storage::clear_crash_log();
        }
        self.notices.update(|n| n.retain(|x| x.id != id));
    }

    /// Downloads the report of the app's last failure.
    pub fn download_crash_report(&self) {
        if let Some(report) = storage::crash_log() {
            crate::files::download("comeback-error-report.txt", "text/plain", &report);
        }
    }

    /// A copy of one story.
    pub fn story(&self, id: &str) -> Option<Story> {
        self.bank.with(|b| b.get(id).cloned())
    }

    /// Reads one story as it is now, without tracking it.
    pub fn with_story<T>(&self, id: &str, f: impl FnOnce(Option<&Story>) -> T) -> T {
        self.bank.with_untracked(|b| f(b.get(id)))
    }

    /// One story as a signal that changes only when that story does.
    pub fn story_signal(&self, id: &str) -> Signal<Option<Story>> {
        let bank = self.bank;
        let id = id.to_string();
        Memo::new(move |_| bank.with(|b| b.get(&id).cloned())).into()
    }

    /// Changes one story and schedules its save.
    pub fn edit(&self, id: &str, f: impl FnOnce(&mut Story)) {
        let mut changed = false;
        self.bank.update(|b| {
            if let Some(s) = b.get_mut(id) {
                let before = s.clone();
                f(s);
                if *s != before {
                    s.updated_ms = now_ms();
                    changed = true;
                }
            }
        });
        if changed {
            self.mark_dirty(id);
        }
    }

    /// What a text field does on every key press. The text is changed in place and, as a rule,
    /// nothing reactive is notified: that would re-run every view of the story (and copy it) on
    /// each key press, which was the largest part of the app's cost of typing. The save is
    /// scheduled, and the listeners from [`AppState::on_typing`] (the live coach) are called; they
    /// read the story with [`AppState::with_story`]. Views of the story from
    /// [`AppState::story_signal`] catch up at its next change; the field itself already shows the
    /// text. Two changes are shown at once instead: the title (shown above the step), and a
    /// recovery step created by typing in it.
    pub fn type_text(&self, id: &str, field: Field, value: String) {
        let mut change = TextChange::Unchanged;
        self.bank.maybe_update(|b| {
            if let Some(s) = b.get_mut(id) {
                change = s.set_text(field, &value);
                if matches!(change, TextChange::Text | TextChange::NewStep) {
                    s.updated_ms = now_ms();
                }
            }
            change == TextChange::NewStep || (change == TextChange::Text && field == Field::Title)
        });
        match change {
            TextChange::Unchanged | TextChange::Refused => {}
            TextChange::NewStep => self.mark_dirty(id),
            TextChange::Text if field == Field::Title => self.mark_dirty(id),
            TextChange::Text => {
                self.mark_dirty(id);
                let listeners: Vec<Rc<dyn Fn()>> = TYPING.with(|t| {
                    t.borrow()
                        .iter()
                        .filter(|l| l.story == id)
                        .map(|l| l.call.clone())
                        .collect()
                });
                for call in listeners {
                    call();
                }
            }
        }
    }

    /// Calls `call` after every [`AppState::type_text`] in story `id`, until the calling
    /// component is unmounted.
    pub fn on_typing(&self, id: &str, call: impl Fn() + 'static) {
        let key = TYPING_KEY.with(|k| {
            let next = k.get() + 1;
            k.set(next);
            next
        });
        TYPING.with(|t| {
            t.borrow_mut().push(TypingListener {
                key,
                story: id.to_string(),
                call: Rc::new(call),
            })
        });
        on_cleanup(move || TYPING.with(|t| t.borrow_mut().retain(|l| l.key != key)));
    }

    /// Schedules a story's save.
    pub fn mark_dirty(&self, id: &str) {
        // `save_state` is left alone: a save is due within `SAVE_DELAY_MS` and the header shows
        // pending as saved, so touching a signal here would only cost every key press a reactive
        // update. `flush` records the outcome.
        DIRTY.with(|d| d.borrow_mut().insert(id.to_string()));
        let now = js_sys::Date::now();
        if self.saving.pending() {
            DIRTY_SINCE.with(|d| d.set((d.get().0, now)));
        } else {
            DIRTY_SINCE.with(|d| d.set((now, now)));
            self.save_after(SAVE_DELAY_MS);
        }
    }

    /// Arms the save timer. When it fires, the save happens if typing has paused for
    /// [`SAVE_DELAY_MS`] or the oldest unsaved change is [`sync::SAVE_MAX_WAIT_MS`] old; otherwise the
    /// timer is armed again for whichever comes first. A key press only records its time.
    fn save_after(&self, ms: f64) {
        let app = *self;
        self.saving
            .after(Duration::from_millis(ms.max(0.0) as u64), move || {
                let (first, last) = DIRTY_SINCE.with(Cell::get);
                let left = save_wait(first, last, js_sys::Date::now());
                if left > 1.0 {
                    app.save_after(left);
                } else {
                    app.flush();
                }
            });
    }

    /// Writes every changed story now.
    pub fn flush(&self) {
        self.saving.cancel();
        let ids: Vec<String> = DIRTY.with(|d| d.borrow().iter().cloned().collect());
        let waiting = self
            .conflict
            .with_untracked(|c| c.as_ref().map(|c| c.id.clone()));
        let mut failure = None;
        for id in ids {
            if waiting.as_deref() == Some(id.as_str()) {
                // Not written over the other tab's version until the user chooses, but kept.
                if let Err(e) = self.hold(&id) {
                    failure = Some(e);
                }
                continue;
            }
            let Some(story) = self.with_story(&id, |s| s.cloned()) else {
                DIRTY.with(|d| d.borrow_mut().remove(&id));
                continue;
            };
            match STORE.with(|s| s.save(&story)) {
                Ok(()) => {
                    DIRTY.with(|d| d.borrow_mut().remove(&id));
                }
                Err(SaveError::Conflict(theirs)) => {
                    self.open_conflict(Conflict {
                        id: id.clone(),
                        theirs: Some(*theirs),
                    });
                }
                Err(e) => failure = Some(e),
            }
        }
        self.record_save(failure);
    }

    /// Shows how the last save went: a failure's notice stays up until saving works again, and
    /// then it is taken down and the user is told.
    fn record_save(&self, failure: Option<SaveError>) {
        match failure {
            Some(e) => {
                let msg = e.message();
                if self.save_state.get_untracked() != SaveState::Failed(msg.clone()) {
                    if let Some(old) = self.save_notice.get_value() {
                        self.dismiss(old);
                    }
                    let id = self.notify(Tone::Warning, msg.clone(), Some(NoticeAction::ExportAll));
                    self.save_notice.set_value(Some(id));
                }
                self.save_state.set(SaveState::Failed(msg));
            }
            None => {
                if let Some(old) = self.save_notice.get_value() {
                    self.save_notice.set_value(None);
                    self.dismiss(old);
                    self.notify(
                        Tone::Info,
                        "Saving works again: everything you typed is stored on this device now.",
                        None,
                    );
                }
                let any_left = DIRTY.with(|d| !d.borrow().is_empty());
                let next = if self.conflict.with_untracked(Option::is_some) {
                    SaveState::Held
                } else if any_left {
                    SaveState::Pending
                } else {
                    SaveState::Saved
                };
                // Set only on a change: every save after a key press would otherwise notify.
                if self.save_state.with_untracked(|s| *s != next) {
                    self.save_state.set(next);
                }
            }
        }
    }

    /// Asks the user to choose between this tab's version of a story and another tab's. Until
    /// they do, this tab's text is kept in memory and in a side slot, and the header says that
    /// the story is not being saved.
    fn open_conflict(&self, c: Conflict) {
        let id = c.id.clone();
        self.conflict.set(Some(c));
        let held = self.hold(&id);
        self.record_save(held.err());
    }

    /// Writes this tab's version of a story to its side slot.
    fn hold(&self, id: &str) -> Result<(), SaveError> {
        let Some(story) = self.story(id) else {
            return Ok(());
        };
        TAB.with(|tab| STORE.with(|s| s.hold(&story, tab)))
    }

    /// The user chose: the side slot of that story is no longer needed.
    fn release_hold(&self, id: &str) {
        TAB.with(|tab| STORE.with(|s| s.release(&storage::held_key(id, tab))));
    }

    /// Another tab changed or deleted a story. `raced` is the other tab's version when both tabs
    /// saved at the same moment (see `Store::concurrent_write`): then the user is asked even though
    /// this tab has nothing unsaved, since one of the two versions is no longer in storage.
    fn on_other_tab(&self, id: String, raced: Option<Story>) {
        let ours = self.story(&id);
        if let Some(theirs) = raced {
            if sync::after_race(ours.as_ref(), &theirs) == OtherTab::Ask {
                self.open_conflict(Conflict {
                    id,
                    theirs: Some(theirs),
                });
                return;
            }
        }
        // Unsaved words, not merely an unsaved step number: what this tab holds differs in
        // content from what it last read or wrote.
        let seen = STORE.with(|s| s.seen_story(&id));
        let dirty = DIRTY.with(|d| d.borrow().contains(&id));
        let unsaved = sync::unsaved_words(dirty, ours.as_ref(), seen.as_ref());
        let theirs = match STORE.with(|s| s.reread(&id)) {
            Some(Ok(theirs)) => Some(theirs),
            Some(Err(_)) => {
                // The other tab wrote something we cannot read; keep ours and say so.
                self.notify(
                    Tone::Warning,
                    "Another tab saved a version of a story that this page cannot read. Your version here is kept.",
                    None,
                );
                return;
            }
            None => None,
        };
        let open = self.route.get_untracked().story_id() == Some(id.as_str());
        match sync::after_other_save(ours.as_ref(), theirs.as_ref(), unsaved, open) {
            OtherTab::Nothing => {}
            OtherTab::Ask => self.open_conflict(Conflict { id, theirs }),
            OtherTab::Remove => self.bank.update(|b| {
                b.delete(&id);
            }),
            OtherTab::Follow => {
                // Storage now holds what this tab shows: nothing of ours is left to write.
                DIRTY.with(|d| d.borrow_mut().remove(&id));
                if let Some(theirs) = theirs {
                    self.bank.update(|b| b.replace_or_add(theirs));
                }
            }
        }
    }

    /// Resolves a conflict by keeping this tab's version; the other tab's is kept as a copy.
    pub fn keep_mine(&self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        self.conflict.set(None);
        if let Some(story) = self.story(&c.id) {
            match STORE.with(|s| s.save_over(&story)) {
                Ok(()) => {
                    DIRTY.with(|d| d.borrow_mut().remove(&c.id));
                    self.release_hold(&c.id);
                }
                Err(e) => {
                    self.notify(Tone::Warning, e.message(), Some(NoticeAction::ExportAll));
                }
            }
            // Nothing typed in the other tab is thrown away either.
            if let Some(theirs) = c.theirs.filter(|t| !t.same_content(&story)) {
                self.add_copy(theirs, "the other tab's version");
                self.notify(
                    Tone::Info,
                    "The version from the other tab was kept as a separate story in your list.",
                    None,
                );
            }
        }
        self.flush();
    }

    /// Resolves a conflict by taking the other tab's version (this tab's is kept as a copy).
    pub fn take_theirs(&self) {
        let Some(c) = self.conflict.get_untracked() else {
            return;
        };
        self.conflict.set(None);
        self.release_hold(&c.id);
        if c.theirs.is_none() {
            // Deleted elsewhere: delete here too, with the usual undo.
            self.delete(&c.id);
            return;
        }
        let mine = self.story(&c.id);
        DIRTY.with(|d| d.borrow_mut().remove(&c.id));
        match c.theirs {
            Some(theirs) => {
                // Usually storage already holds their version. After two saves at the same moment
                // (see `Store::concurrent_write`) it may hold this tab's instead: put theirs back.
                let stored = STORE.with(|s| s.reread(&c.id));
                if matches!(&stored, Some(Ok(s)) if *s == theirs) {
                    STORE.with(|s| s.mark_seen(&c.id));
                } else if let Err(e) = STORE.with(|s| s.save_over(&theirs)) {
                    self.notify(Tone::Warning, e.message(), Some(NoticeAction::ExportAll));
                }
                self.bank.update(|b| b.replace_or_add(theirs));
            }
            None => self.bank.update(|b| {
                b.delete(&c.id);
            }),
        }
        // Nothing typed here is thrown away: this tab's text becomes a separate copy.
        if let Some(mine) = mine {
            self.add_copy(mine, "this tab's version");
            self.notify(
                Tone::Info,
                "Your version from this tab was kept as a separate story in your list.",
                None,
            );
        }
        self.flush();
    }

    /// Remembers the page last open in a story, without counting it as an edit.
    pub fn set_last_step(&self, id: &str, step: u8) {
        let mut changed = false;
        self.bank.update_untracked(|b| {
            if let Some(s) = b.get_mut(id) {
                if s.last_step != step {
                    s.last_step = step;
                    changed = true;
                }
            }
        });
        if changed {
            self.mark_dirty(id);
        }
    }

    /// Adds a story (a pasted answer, the worked example) and saves it; `None` if its id is
    /// taken (ids are new, so never in practice).
    pub fn add(&self, story: Story) -> Option<String> {
        let id = story.id.clone();
        let mut added = false;
        self.bank.update(|b| added = b.add(story).is_ok());
        added.then(|| {
            self.mark_dirty(&id);
            self.flush();
            id
        })
    }

    /// Creates an empty story and returns its id.
    pub fn create(&self) -> Option<String> {
        let id = new_id();
        let mut added = false;
        self.bank
            .update(|b| added = b.new_story(&id, now_ms()).is_ok());
        added.then(|| {
            self.mark_dirty(&id);
            self.flush();
            id
        })
    }

    /// Duplicates a story; returns the copy's id.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let copy = new_id();
        let mut added = false;
        self.bank
            .update(|b| added = b.duplicate(id, &copy, now_ms()).is_ok());
        added.then(|| {
            self.mark_dirty(&copy);
            self.flush();
            copy
        })
    }

    /// Deletes a story, keeping it for undo.
    pub fn delete(&self, id: &str) {
        let mut removed = None;
        self.bank.update(|b| removed = b.delete(id));
        if let Some(d) = removed {
            DIRTY.with(|d| d.borrow_mut().remove(id));
            STORE.with(|s| s.delete(id));
            let token = d.story.updated_ms;
            let deleted_id = d.story.id.clone();
            self.undo.set(Some(d));
            let app = *self;
            self.undo_offer
                .after(Duration::from_secs(UNDO_SECONDS), move || {
                    let same = app.undo.with_untracked(|u| {
                        u.as_ref().is_some_and(|u| {
                            u.story.id == deleted_id && u.story.updated_ms == token
                        })
                    });
                    if same {
                        app.undo.set(None);
                    }
                });
        }
    }

    /// Brings back the last deleted story where it was. If a story with its id has come back
    /// meanwhile (another tab saved it), it is kept as a copy instead: nothing is lost either way.
    pub fn undo_delete(&self) {
        let Some(d) = self.undo.get_untracked() else {
            return;
        };
        self.undo.set(None);
        let id = d.story.id.clone();
        let mut restored = Ok(());
        self.bank.update(|b| restored = b.restore(d.clone()));
        match restored {
            Ok(()) => self.mark_dirty(&id),
            Err(_) => {
                self.add_copy(d.story, "restored");
            }
        }
        self.flush();
    }

    /// Forgets a story left without a word written or a choice made: no undo, nothing to lose.
    fn drop_if_blank(&self, id: &str) {
        if !self.with_story(id, |s| s.is_some_and(Story::is_blank)) {
            return;
        }
        if self
            .conflict
            .with_untracked(|c| c.as_ref().is_some_and(|c| c.id == id))
        {
            return;
        }
        self.bank.update(|b| {
            b.delete(id);
        });
        DIRTY.with(|d| d.borrow_mut().remove(id));
        STORE.with(|s| s.delete(id));
    }

    /// Saves what is due, then downloads every story as one file.
    pub fn export_all(&self) {
        self.flush();
        self.bank.with_untracked(crate::files::export_bank);
    }

    /// Downloads a value kept aside because it could not be read.
    pub fn download_unreadable(&self, key: &str) {
        if let Some(raw) = STORE.with(|s| s.raw(key)) {
            crate::files::download("comeback-unreadable-data.txt", "text/plain", &raw);
        }
    }
}

/// The title to show for a story, never empty.
pub fn display_title(s: &Story) -> String {
    s.display_title()
}

/// Remembers the open page so that reopening the app lands there.
pub fn remember_route(route: &Route) {
    STORE.with(|s| s.set_meta(&serde_json::json!({ "route": route.href() })));
}

/// The page open when the app was last used, if any.
pub fn remembered_route() -> Option<Route> {
    let v = STORE.with(|s| s.meta())?;
    Some(Route::parse(v.get("route")?.as_str()?))
}

/// Moves focus to the page's heading, as after every navigation.
pub fn focus_heading() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(Some(el)) = doc.query_selector("main h1") else {
        return;
    };
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::radix36;

    #[test]
    fn ids_are_written_in_base_36() {
        assert_eq!(radix36(0), "0");
        assert_eq!(radix36(35), "z");
        assert_eq!(radix36(36), "10");
        assert_eq!(radix36(u64::MAX), "3w5e11264sgsf");
    }
}
