//! The only module that touches `localStorage`.
//!
//! Layout: one key per story (`comeback.story.<id>`), so two tabs editing different stories never
//! collide, and a small `comeback.meta` value. A value that cannot be read is moved aside to
//! `comeback.unreadable.<original key>` (never deleted) so the user can download it.
//!
//! Two tabs on one story: we remember the exact text we last read or wrote for each key. Before
//! writing, we compare it with what is stored now; if another tab changed it meanwhile, the write
//! is refused with [`SaveError::Conflict`] and the caller asks the user. Nothing is overwritten
//! silently.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::codec as saved;
use comeback_core::story::sync::{self, BeforeSave};
use comeback_core::Story;
use wasm_bindgen::JsCast;

/// Prefix of every story's key.
pub const STORY_PREFIX: &str = "comeback.story.";
/// Prefix under which unreadable values are kept aside.
pub const UNREADABLE_PREFIX: &str = "comeback.unreadable.";
/// Prefix of the side slot where a tab keeps a story's text while a conflict with another tab is
/// unresolved (`comeback.held.<story id>.<tab>`): the story's own value is not written then, and
/// this slot means closing the tab loses nothing.
pub const HELD_PREFIX: &str = "comeback.held.";
/// The last few panics' messages, kept for an error report (see `crash.rs`).
pub const CRASH_KEY: &str = "comeback.crash-log";
/// How many panics the report keeps.
const CRASHES_KEPT: usize = 5;
/// Small app-wide settings (last open route).
pub const META_KEY: &str = "comeback.meta";

/// Why a save did not happen. The text always stays in memory.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// The browser's storage is full.
    Quota,
    /// localStorage is disabled or missing (private mode, blocked site data).
    Unavailable,
    /// Another tab saved a different version of this story since we last read it.
    Conflict(Box<Story>),
    /// Any other refusal by the browser, with its message.
    Other(String),
}

impl SaveError {
    /// A sentence for the user.
    pub fn message(&self) -> String {
        match self {
            SaveError::Quota => "Your browser's storage for this site is full, so the latest changes are not saved yet. \
                Your text is safe while this page stays open: export your stories now, then delete ones you no longer need."
                .into(),
            SaveError::Unavailable => "This browser does not let the page save anything (private mode or blocked site data). \
                Your text stays while the page is open: export it before you close the page."
                .into(),
            SaveError::Conflict(_) => "This story was changed in another tab or window.".into(),
            SaveError::Other(m) => format!("The browser refused to save: {m}. Your text stays while the page is open; export it to be safe."),
        }
    }
}

/// Something found while loading that the user must hear about.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    /// Where the raw text now lives.
    pub kept_as: String,
    /// What was wrong with it, as a clause about the saved copy; `None` for a value kept aside
    /// at an earlier visit (its reason was told then).
    pub reason: Option<String>,
}

/// Everything read at start-up.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Stories that could be read (migrated to the current format).
    pub stories: Vec<Story>,
    /// Values that could not be read and were kept aside.
    pub unreadable: Vec<Unreadable>,
    /// Versions held aside by a tab that was closed with a conflict unresolved, which differ from
    /// every story read; each with the key it was found under (remove it once the story is saved).
    pub held: Vec<(String, Story)>,
    /// False when localStorage cannot be used at all.
    pub available: bool,
}

/// Handle on the browser's localStorage plus what this tab last saw in it.
pub struct Store {
    ls: Option<web_sys::Storage>,
    seen: RefCell<HashMap<String, String>>,
}

impl Store {
    /// Opens localStorage; never fails (a missing storage gives a store that refuses writes).
    pub fn open() -> Self {
        let ls = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
        Store {
            ls,
            seen: RefCell::new(HashMap::new()),
        }
    }

    /// Whether the browser lets us store anything.
    pub fn available(&self) -> bool {
        self.ls.is_some()
    }

    fn keys(&self) -> Vec<String> {
        let Some(ls) = &self.ls else {
            return Vec::new();
        };
        let n = ls.length().unwrap_or(0);
        (0..n).filter_map(|i| ls.key(i).ok().flatten()).collect()
    }

    fn get(&self, key: &str) -> Option<String> {
        self.ls.as_ref()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), SaveError> {
        let Some(ls) = &self.ls else {
            return Err(SaveError::Unavailable);
        };
        ls.set_item(key, value).map_err(classify)
    }

    /// Reads every story; unreadable values are moved aside, never deleted.
    pub fn load(&self) -> Loaded {
        let mut out = Loaded {
            available: self.available(),
            ..Loaded::default()
        };
        let mut keys: Vec<String> = self
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(STORY_PREFIX))
            .collect();
        keys.sort();
        for key in keys {
            let Some(raw) = self.get(&key) else { continue };
            match saved::decode_story(&raw) {
                Ok(story) => {
                    self.seen.borrow_mut().insert(key, raw);
                    out.stories.push(story);
                }
                Err(reason) => {
                    let kept_as = format!("{UNREADABLE_PREFIX}{key}");
                    // Copy first, remove only once the copy is safely stored.
                    if self.set(&kept_as, &raw).is_ok() {
                        self.remove(&key);
                    }
                    out.unreadable.push(Unreadable {
                        kept_as,
                        reason: Some(reason),
                    });
                }
            }
        }
        // Text a tab held aside while it waited for the user's choice between two versions.
        for key in self.keys() {
            if !key.starts_with(HELD_PREFIX) {
                continue;
            }
            let Some(raw) = self.get(&key) else { continue };
            match saved::decode_story(&raw) {
                Ok(story) if out.stories.iter().any(|s| s.same_content(&story)) => {
                    self.remove(&key);
                }
                Ok(story) => out.held.push((key, story)),
                Err(reason) => {
                    let kept_as = format!("{UNREADABLE_PREFIX}{key}");
                    if self.set(&kept_as, &raw).is_ok() {
                        self.remove(&key);
                    }
                    out.unreadable.push(Unreadable {
                        kept_as,
                        reason: Some(reason),
                    });
                }
            }
        }
        // Values kept aside earlier are still reported until the user dismisses them.
        for key in self.keys() {
            if key.starts_with(UNREADABLE_PREFIX)
                && !out.unreadable.iter().any(|u| u.kept_as == key)
            {
                out.unreadable.push(Unreadable {
                    kept_as: key,
                    reason: None,
                });
            }
        }
        out
    }

    /// The raw text of a value kept aside, for download.
    pub fn raw(&self, key: &str) -> Option<String> {
        self.get(key)
    }

    fn remove(&self, key: &str) {
        if let Some(ls) = &self.ls {
            let _ = ls.remove_item(key);
        }
        self.seen.borrow_mut().remove(key);
    }

    /// Saves one story unless another tab changed it since this tab last read or wrote it.
    pub fn save(&self, story: &Story) -> Result<(), SaveError> {
        let key = story_key(&story.id);
        if let Some(current) = self.get(&key) {
            let seen = self.seen.borrow().get(&key).is_some_and(|s| *s == current);
            if let Ok(theirs) = saved::decode_story(&current) {
                if sync::before_save(story, Some(&theirs), seen) == BeforeSave::Ask {
                    return Err(SaveError::Conflict(Box::new(theirs)));
                }
            }
        }
        self.write(&key, story)
    }

    /// Saves one story even if another tab changed it (the user chose to keep this version).
    pub fn save_over(&self, story: &Story) -> Result<(), SaveError> {
        self.write(&story_key(&story.id), story)
    }

    fn write(&self, key: &str, story: &Story) -> Result<(), SaveError> {
        let raw = saved::encode_story(story);
        self.set(key, &raw)?;
        self.seen.borrow_mut().insert(key.to_string(), raw);
        Ok(())
    }

    /// Keeps this tab's version of a story in its side slot (see [`HELD_PREFIX`]) while the user
    /// has not chosen between it and another tab's.
    pub fn hold(&self, story: &Story, tab: &str) -> Result<(), SaveError> {
        self.set(&held_key(&story.id, tab), &saved::encode_story(story))
    }

    /// Removes a side slot once the user has chosen (or its story has been saved another way).
    pub fn release(&self, key: &str) {
        self.remove(key);
    }

    /// Deletes a story's saved copy.
    pub fn delete(&self, id: &str) {
        self.remove(&story_key(id));
    }

    /// Re-reads one story after another tab changed it. `None` when it was deleted there.
    pub fn reread(&self, id: &str) -> Option<Result<Story, String>> {
        let key = story_key(id);
        let raw = self.get(&key)?;
        let story = saved::decode_story(&raw);
        if story.is_ok() {
            self.seen.borrow_mut().insert(key, raw);
        }
        Some(story)
    }

    /// Another tab wrote `new` over `old` (its own view of the value before the write). When `old` is
    /// not what this tab last wrote or read, the two tabs saved at the same moment, each over a
    /// version the other had not seen: localStorage has no compare-and-swap across tabs, so one of
    /// the two writes is lost from storage. Returns the other tab's story in that case, so that the
    /// user can be asked (this tab still holds its own version in memory).
    pub fn concurrent_write(
        &self,
        id: &str,
        old: Option<&str>,
        new: Option<&str>,
    ) -> Option<Story> {
        let new = new?;
        let key = story_key(id);
        let seen = self.seen.borrow().get(&key).cloned();
        let seen = seen.as_deref();
        if seen.is_none() || old == seen || Some(new) == seen {
            return None;
        }
        saved::decode_story(new).ok()
    }

    /// The story as this tab last read or wrote it, if it can be read.
    pub fn seen_story(&self, id: &str) -> Option<Story> {
        let raw = self.seen.borrow().get(&story_key(id)).cloned()?;
        saved::decode_story(&raw).ok()
    }

    /// Records that this tab has now seen the stored value (after the user took the other tab's version).
    pub fn mark_seen(&self, id: &str) {
        let key = story_key(id);
        if let Some(raw) = self.get(&key) {
            self.seen.borrow_mut().insert(key, raw);
        }
    }

    /// Reads a small setting.
    pub fn meta(&self) -> Option<String> {
        self.get(META_KEY)
    }

    /// Writes a small setting; failures are not worth a message.
    pub fn set_meta(&self, value: &str) {
        let _ = self.set(META_KEY, value);
    }
}

/// The localStorage key of a story.
pub fn story_key(id: &str) -> String {
    format!("{STORY_PREFIX}{id}")
}

/// The side-slot key of a story held by one tab.
pub fn held_key(id: &str, tab: &str) -> String {
    format!("{HELD_PREFIX}{id}.{tab}")
}

/// The story id behind a localStorage key, if it is a story's key.
pub fn id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(STORY_PREFIX)
}

fn classify(err: wasm_bindgen::JsValue) -> SaveError {
    if let Some(ex) = err.dyn_ref::<web_sys::DomException>() {
        let name = ex.name();
        // Chromium and Safari say QuotaExceededError (code 22); old Firefox said NS_ERROR_DOM_QUOTA_REACHED.
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || ex.code() == 22 {
            return SaveError::Quota;
        }
        if name == "SecurityError" {
            return SaveError::Unavailable;
        }
        return SaveError::Other(ex.message());
    }
    SaveError::Other(format!("{err:?}"))
}

/// Adds a panic's message to the error report kept on the device and returns the whole report as
/// text. Called from the panic hook: it uses no app state and never panics itself.
pub fn record_crash(message: &str, at_ms: f64) -> String {
    let ls = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    let mut log: Vec<serde_json::Value> = ls
        .as_ref()
        .and_then(|ls| ls.get_item(CRASH_KEY).ok().flatten())
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default();
    let page = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    log.push(serde_json::json!({ "at_ms": at_ms, "page": page, "message": message }));
    let keep_from = log.len().saturating_sub(CRASHES_KEPT);
    let log = log.split_off(keep_from);
    if let Some(ls) = &ls {
        let _ = ls.set_item(
            CRASH_KEY,
            &serde_json::Value::Array(log.clone()).to_string(),
        );
    }
    crash_report(&log)
}

/// The error report kept on the device, as text, if there is one.
pub fn crash_log() -> Option<String> {
    let ls = web_sys::window().and_then(|w| w.local_storage().ok().flatten())?;
    let raw = ls.get_item(CRASH_KEY).ok().flatten()?;
    let log: Vec<serde_json::Value> = serde_json::from_str(&raw).ok()?;
    (!log.is_empty()).then(|| crash_report(&log))
}

/// Forgets the error report (the user dismissed it).
pub fn clear_crash_log() {
    if let Some(ls) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = ls.remove_item(CRASH_KEY);
    }
}

fn crash_report(log: &[serde_json::Value]) -> String {
    let mut out = String::from(
        "Comeback error report. It holds no story text: only where the app stopped and why.\n",
    );
    for entry in log {
        let at = entry.get("at_ms").and_then(|v| v.as_f64()).unwrap_or(0.0);
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at));
        let when: String = date.to_iso_string().into();
        let page = entry.get("page").and_then(|v| v.as_str()).unwrap_or("");
        let msg = entry.get("message").and_then(|v| v.as_str()).unwrap_or("");
        out.push_str(&format!("\n{when} on page '{page}':\n{msg}\n"));
    }
    out
}
