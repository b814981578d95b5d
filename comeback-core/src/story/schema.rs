//! The saved and exported format: a versioned [`Bank`] of stories.
//!
//! Version history (older versions are read by `migrate`, never written):
//! - v1: one story object, no id, no times; `recovery` and `result` were single free-text strings.
//! - v2: `{"version": 2, "stories": [...]}` with ids, `steps` as plain strings, `immediate`/`long_term`,
//!   and times as ISO 8601 strings or milliseconds.
//! - v3: `{"schema_version": 3, "app": "comeback", "stories": [Story, ...]}`.
//! - v4 (current): v3 with `job_ad`, the job ad a story is for (empty when none was pasted), and the
//!   answer as the user edited it on Review (`edited_answer`, `edited_from`: the generated answer it
//!   started from, `show_generated`: the user went back to the generated one, keeping the edit).

use serde::{Deserialize, Serialize};

use super::Story;

/// The schema version this build writes and the newest it reads.
pub const CURRENT_SCHEMA: u32 = 4;

/// The value of the `app` field, which tells our files apart from other JSON.
pub const APP_NAME: &str = "comeback";

/// The whole story bank, as saved on the device and exported to a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bank {
    /// Format version; always [`CURRENT_SCHEMA`] once loaded.
    pub schema_version: u32,
    /// Always [`APP_NAME`]; marks the file as ours.
    pub app: String,
    /// The stories, in the user's order.
    pub stories: Vec<Story>,
}

impl Default for Bank {
    fn default() -> Self {
        Bank::with_stories(Vec::new())
    }
}

impl Bank {
    /// A current-version bank holding these stories.
    pub fn with_stories(stories: Vec<Story>) -> Bank {
        Bank {
            schema_version: CURRENT_SCHEMA,
            app: APP_NAME.to_string(),
            stories,
        }
    }

    /// The bank as pretty JSON in the current format (what export and local saving write).
    pub fn to_json(&self) -> String {
        let mut clean = self.clone();
        clean.schema_version = CURRENT_SCHEMA;
        clean.app = APP_NAME.to_string();
        for s in &mut clean.stories {
            sanitize_times(s);
        }
        // Serializing plain structs with string keys cannot fail; the fallback is never reached.
        serde_json::to_string_pretty(&clean).unwrap_or_default()
    }

    /// Reads a saved or imported bank of any known version (see [`super::parse_import`]).
    pub fn from_json(text: &str) -> Result<Bank, super::ImportError> {
        super::parse_import(text.as_bytes()).map(|d| d.bank)
    }
}

impl Story {
    /// This one story exported as a bank file holding just it.
    pub fn to_json(&self) -> String {
        Bank::with_stories(vec![self.clone()]).to_json()
    }
}

/// JSON has no NaN or infinity (serde_json would write `null`), so keep times finite and non-negative.
fn sanitize_times(s: &mut Story) {
    for t in [&mut s.created_ms, &mut s.updated_ms] {
        if !t.is_finite() || *t < 0.0 {
            *t = 0.0;
        }
    }
}
