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
//!
//! Reads, writes, removals and the list of keys go through gloo-storage, once a probe with web-sys
//! has found that the browser lets the page use storage at all: gloo-storage's `LocalStorage::raw()`
//! throws when it does not (private modes, blocked site data), which would stop the page. Values
//! are read and written as their exact JSON text (`serde_json::value::RawValue`), which keeps the
//! exact-text check between tabs. One thing gloo-storage cannot do: read or write a value that is
//! not JSON (it parses what it reads and serializes what it writes), so moving an unreadable value
//! aside byte for byte, and downloading it, use web-sys ([`raw_text`], [`put_raw_text`]).

use std::cell::RefCell;
use std::collections::HashMap;

use crate::codec as saved;
use comeback_core::story::sync::{self, BeforeSave};
use comeback_core::Story;
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use serde_json::value::RawValue;
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

/// Whether the browser lets this page use localStorage at all. gloo-storage's calls are made
/// only after this probe has found it: its `LocalStorage::raw()` throws otherwise.
pub fn probe() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

/// What a key holds.
enum Stored {
    /// Nothing.
    Missing,
    /// A JSON value, as its exact text.
    Json(String),
    /// Something that is not JSON: only [`raw_text`] can read it.
    NotJson,
}

/// Handle on the browser's localStorage plus what this tab last saw in it.
pub struct Store {
    available: bool,
    seen: RefCell<HashMap<String, String>>,
}

impl Store {
    /// Opens localStorage; never fails (a missing storage gives a store that refuses writes).
    pub fn open() -> Self {
        Store {
            available: probe(),
            seen: RefCell::new(HashMap::new()),
        }
    }

    /// Whether the browser lets us store anything.
    pub fn available(&self) -> bool {
        self.available
    }

    fn keys(&self) -> Vec<String> {
        if !self.available {
            return Vec::new();
        }
        let ls = LocalStorage::raw();
        (0..LocalStorage::length())
            .filter_map(|i| ls.key(i).ok().flatten())
            .collect()
    }

    fn get(&self, key: &str) -> Stored {
        if !self.available {
            return Stored::Missing;
        }
        match LocalStorage::get::<Box<RawValue>>(key) {
            Ok(v) => Stored::Json(v.get().to_string()),
            Err(StorageError::SerdeError(_)) => Stored::NotJson,
            Err(_) => Stored::Missing,
        }
    }

    /// Writes `json`, a JSON text of ours, exactly as it is.
    fn set(&self, key: &str, json: &str) -> Result<(), SaveError> {
        if !self.available {
            return Err(SaveError::Unavailable);
        }
        let value =
            RawValue::from_string(json.to_string()).map_err(|e| SaveError::Other(e.to_string()))?;
        LocalStorage::set(key, value).map_err(classify)
    }

    /// Moves a value that cannot be read to `comeback.unreadable.<key>`: copied first, byte for
    /// byte, and removed only once the copy is stored. `reason` says what is wrong with it.
    fn keep_aside(&self, key: &str, reason: Option<String>) -> Unreadable {
        let kept_as = format!("{UNREADABLE_PREFIX}{key}");
        let raw = raw_text(key).unwrap_or_default();
        let reason = reason.or_else(|| saved::decode_story(&raw).err());
        if put_raw_text(&kept_as, &raw).is_ok() {
            self.remove(key);
        }
        Unreadable { kept_as, reason }
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
            let raw = match self.get(&key) {
                Stored::Missing => continue,
                Stored::NotJson => {
                    out.unreadable.push(self.keep_aside(&key, None));
                    continue;
                }
                Stored::Json(raw) => raw,
            };
            match saved::decode_story(&raw) {
                Ok(story) => {
                    self.seen.borrow_mut().insert(key, raw);
                    out.stories.push(story);
                }
                Err(reason) => out.unreadable.push(self.keep_aside(&key, Some(reason))),
            }
        }
        // Text a tab held aside while it waited for the user's choice between two versions.
        for key in self.keys() {
            if !key.starts_with(HELD_PREFIX) {
                continue;
            }
            let raw = match self.get(&key) {
                Stored::Missing => continue,
                Stored::NotJson => {
                    out.unreadable.push(self.keep_aside(&key, None));
                    continue;
                }
                Stored::Json(raw) => raw,
            };
            match saved::decode_story(&raw) {
                Ok(story) if out.stories.iter().any(|s| s.same_content(&story)) => {
                    self.remove(&key);
                }
                Ok(story) => out.held.push((key, story)),
                Err(reason) => out.unreadable.push(self.keep_aside(&key, Some(reason))),
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
        raw_text(key)
    }

    fn remove(&self, key: &str) {
        if self.available {
            LocalStorage::delete(key);
        }
        self.seen.borrow_mut().remove(key);
    }

    /// Saves one story unless another tab changed it since this tab last read or wrote it.
    pub fn save(&self, story: &Story) -> Result<(), SaveError> {
        let key = story_key(&story.id);
        if let Stored::Json(current) = self.get(&key) {
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
        match self.get(&key) {
            Stored::Missing => None,
            Stored::NotJson => Some(saved::decode_story(&raw_text(&key).unwrap_or_default())),
            Stored::Json(raw) => {
                let story = saved::decode_story(&raw);
                if story.is_ok() {
                    self.seen.borrow_mut().insert(key, raw);
                }
                Some(story)
            }
        }
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
        let seen = self.seen.borrow().get(&story_key(id)).cloned();
        if !sync::raced(seen.as_deref(), old, new) {
            return None;
        }
        saved::decode_story(new?).ok()
    }

    /// The story as this tab last read or wrote it, if it can be read.
    pub fn seen_story(&self, id: &str) -> Option<Story> {
        let raw = self.seen.borrow().get(&story_key(id)).cloned()?;
        saved::decode_story(&raw).ok()
    }

    /// Records that this tab has now seen the stored value (after the user took the other tab's version).
    pub fn mark_seen(&self, id: &str) {
        let key = story_key(id);
        if let Stored::Json(raw) = self.get(&key) {
            self.seen.borrow_mut().insert(key, raw);
        }
    }

    /// Reads the small app-wide settings.
    pub fn meta(&self) -> Option<serde_json::Value> {
        if !self.available {
            return None;
        }
        LocalStorage::get(META_KEY).ok()
    }

    /// Writes the small app-wide settings; failures are not worth a message.
    pub fn set_meta(&self, value: &serde_json::Value) {
        if self.available {
            let _ = LocalStorage::set(META_KEY, value);
        }
    }
}

/// The exact text stored under `key`, JSON or not. web-sys, not gloo-storage: gloo-storage only
/// reads values that are JSON, and an unreadable value must be kept byte for byte.
pub fn raw_text(key: &str) -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

/// Stores `text` under `key` exactly as it is (see [`raw_text`]: gloo-storage would store text
/// that is not JSON as a JSON string, quoted and escaped).
pub fn put_raw_text(key: &str, text: &str) -> Result<(), SaveError> {
    let ls = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(SaveError::Unavailable)?;
    ls.set_item(key, text)
        .map_err(|e| match e.dyn_ref::<web_sys::DomException>() {
            Some(ex) => classify_name(&ex.name(), ex.message()),
            None => SaveError::Other(format!("{e:?}")),
        })
}

/// Where the Paste page keeps what is typed or pasted into it, until it becomes a story.
pub const PASTE_KEY: &str = "comeback.paste-draft";

/// What the Paste page holds: the role, the job ad and the answer.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct PasteDraft {
    /// The target role.
    pub role: String,
    /// The job ad.
    pub ad: String,
    /// The answer.
    pub text: String,
}

/// The Paste page's draft, if one is kept (an unreadable one is left where it is, as text).
pub fn paste_draft() -> Option<PasteDraft> {
    serde_json::from_str(&raw_text(PASTE_KEY)?).ok()
}

/// Keeps the Paste page's draft; an empty one is removed.
pub fn keep_paste_draft(draft: &PasteDraft) -> Result<(), SaveError> {
    if draft == &PasteDraft::default() {
        clear_paste_draft();
        return Ok(());
    }
    put_raw_text(PASTE_KEY, &serde_json::to_string(draft).unwrap_or_default())
}

/// Forgets the Paste page's draft (it became a story).
pub fn clear_paste_draft() {
    if let Some(ls) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = ls.remove_item(PASTE_KEY);
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

fn classify(err: StorageError) -> SaveError {
    match err {
        StorageError::JsError(e) => classify_name(&e.name, e.message),
        other => SaveError::Other(other.to_string()),
    }
}

fn classify_name(name: &str, message: String) -> SaveError {
    match name {
        // Chromium and Safari say QuotaExceededError; old Firefox said NS_ERROR_DOM_QUOTA_REACHED.
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => SaveError::Quota,
        "SecurityError" => SaveError::Unavailable,
        _ => SaveError::Other(message),
    }
}

/// Adds a panic's message to the error report kept on the device and returns the whole report as
/// text. Called from the panic hook: it uses no app state and never panics itself.
pub fn record_crash(message: &str, at_ms: f64) -> String {
    let available = probe();
    let mut log: Vec<serde_json::Value> = if available {
        LocalStorage::get(CRASH_KEY).unwrap_or_default()
    } else {
        Vec::new()
    };
    let page = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    log.push(serde_json::json!({ "at_ms": at_ms, "page": page, "message": message }));
    let keep_from = log.len().saturating_sub(CRASHES_KEPT);
    let log = log.split_off(keep_from);
    if available {
        let _ = LocalStorage::set(CRASH_KEY, &log);
    }
    crash_report(&log)
}

/// The error report kept on the device, as text, if there is one.
pub fn crash_log() -> Option<String> {
    if !probe() {
        return None;
    }
    let log: Vec<serde_json::Value> = LocalStorage::get(CRASH_KEY).ok()?;
    (!log.is_empty()).then(|| crash_report(&log))
}

/// Forgets the error report (the user dismissed it).
pub fn clear_crash_log() {
    if probe() {
        LocalStorage::delete(CRASH_KEY);
    }
}

fn crash_report(log: &[serde_json::Value]) -> String {
    let mut out = String::from(
        "Comeback error report. It holds no story text: only where the app stopped and why.\n",
    );
    for entry in log {
        // A time JavaScript cannot date would make `toISOString` throw: such an entry is undated.
        let at = entry
            .get("at_ms")
            .and_then(|v| v.as_f64())
            .filter(|t| t.abs() <= 8.64e15)
            .unwrap_or(0.0);
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at));
        let when: String = date.to_iso_string().into();
        let page = entry.get("page").and_then(|v| v.as_str()).unwrap_or("");
        let msg = entry.get("message").and_then(|v| v.as_str()).unwrap_or("");
        out.push_str(&format!("\n{when} on page '{page}':\n{msg}\n"));
    }
    out
}
