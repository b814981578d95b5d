//! Import: read a file of any known version, validate every field, and say exactly what is wrong.
//!
//! Architecture invariant: import never panics and never half-succeeds. It returns either a complete,
//! current-version [`Bank`] or one [`ImportError`] whose `message()` can be shown to the user as it is.

use std::collections::HashMap;
use std::fmt;

use super::{migrate, Bank};

/// The largest file import accepts, in bytes (5 MB).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The most stories one file may hold.
pub const MAX_STORIES: usize = 1_000;

/// The longest any one text field may be, in bytes (1 MB).
pub const MAX_FIELD_BYTES: usize = 1024 * 1024;

/// The most recovery steps one story may hold.
pub const MAX_STEPS: usize = 200;

/// What a file held, once read and brought to the current version.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportData {
    /// The stories, migrated to the current version.
    pub bank: Bank,
    /// The schema version the file was written in (1, 2 or 3).
    pub source_version: u32,
    /// Whether the file was a whole bank or a single story.
    pub kind: ImportKind,
}

/// The shape of an imported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    /// A bank (`stories` list), possibly of one story.
    Bank,
    /// A bare story object.
    SingleStory,
}

/// Which story in the file a problem is in: its 1-based position and, if it has one, its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRef {
    /// 1-based position in the file.
    pub number: usize,
    /// The story's title as written in the file (may be empty).
    pub title: String,
}

impl fmt::Display for StoryRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let title = self.title.trim();
        if title.is_empty() {
            write!(f, "story {}", self.number)
        } else {
            let short: String = title.chars().take(40).collect();
            let dots = if short.len() < title.len() { "…" } else { "" };
            write!(f, "story {} (\"{}{}\")", self.number, short, dots)
        }
    }
}

/// Why a file was refused. Nothing already saved changes when import fails.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file has no content.
    Empty,
    /// The file is over [`MAX_IMPORT_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The file is not UTF-8 text.
    NotUtf8 {
        /// Where the first invalid byte is.
        byte_offset: usize,
    },
    /// The file is not valid JSON.
    NotJson {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// True when the file simply stops too early (cut off).
        truncated: bool,
    },
    /// JSON nested deeper than any Comeback file is (or a reader could safely follow).
    TooDeep {
        /// 1-based line where the nesting went past the limit.
        line: usize,
    },
    /// Valid JSON, but not something Comeback wrote.
    NotComeback {
        /// What was found instead, as a clause ("it holds a list, not a story bank").
        found: String,
    },
    /// Written by a newer Comeback than this one.
    NewerVersion {
        /// The schema version in the file.
        found: u64,
    },
    /// A version number Comeback never used.
    UnknownVersion {
        /// The version number in the file.
        found: u64,
    },
    /// A field has the wrong type or an impossible value.
    BadField {
        /// The story it is in, or `None` for the top level of the file.
        story: Option<StoryRef>,
        /// The field, as the user can find it ("`steps`", "`who` in step 2"); empty for the whole story.
        field: String,
        /// What is wrong, phrased to follow the field ("should be a list").
        problem: String,
    },
    /// Two stories in the file share an id.
    DuplicateId {
        /// The shared id.
        id: String,
        /// The first story with it.
        first: StoryRef,
        /// The second story with it.
        second: StoryRef,
    },
    /// More than [`MAX_STORIES`] stories.
    TooManyStories {
        /// How many the file holds.
        count: usize,
    },
    /// A field longer than [`MAX_FIELD_BYTES`], or a story with more than [`MAX_STEPS`] steps.
    TooLong {
        /// The story it is in.
        story: Option<StoryRef>,
        /// The field.
        field: String,
        /// Its size (bytes for text, count for steps).
        size: usize,
        /// The limit it broke.
        limit: usize,
    },
}

impl ImportError {
    /// A sentence for the user that says what is wrong with the file.
    pub fn message(&self) -> String {
        match self {
            ImportError::Empty => "This file is empty: there is nothing to import.".to_string(),
            ImportError::TooLarge { bytes } => format!(
                "This file is {} — too large to be a Comeback export (the limit is 5 MB).",
                human_size(*bytes)
            ),
            ImportError::NotUtf8 { byte_offset } => format!(
                "This file is not text (unreadable bytes at position {byte_offset}). Choose a .json file exported from Comeback."
            ),
            ImportError::NotJson { line, column, truncated: true } => format!(
                "This file is not valid JSON: it stops too early (line {line}, column {column}). It may have been cut off while copying."
            ),
            ImportError::NotJson { line, column, truncated: false } => format!(
                "This file is not valid JSON: there is a mistake at line {line}, column {column}."
            ),
            ImportError::TooDeep { .. } => format!(
                "This file is not a Comeback export: its JSON is nested more than {MAX_DEPTH} levels deep (a Comeback file never goes past 5), so it was not read."
            ),
            ImportError::NotComeback { found } => {
                format!("This is not a Comeback file: {found}.")
            }
            ImportError::NewerVersion { found } => format!(
                "This file was made by a newer version of Comeback (schema {found}); this version reads up to {}. Reload the page to update, then import again.",
                super::CURRENT_SCHEMA
            ),
            ImportError::UnknownVersion { found } => format!(
                "This file says it is schema version {found}, which no version of Comeback has written."
            ),
            ImportError::BadField { story, field, problem } if field.is_empty() => {
                format!("{}the story {problem}.", prefix(story.as_ref()))
            }
            ImportError::BadField { story, field, problem } => {
                format!("{}field {field} {problem}.", prefix(story.as_ref()))
            }
            ImportError::DuplicateId { id, first, second } => format!(
                "{first} and {second} have the same id \"{id}\"; each story in a file needs its own id."
            ),
            ImportError::TooManyStories { count } => format!(
                "This file holds {count} stories; Comeback imports at most {MAX_STORIES} at a time."
            ),
            ImportError::TooLong { story, field, size, limit } => {
                if field.contains("steps") {
                    format!("{}field {field} has {size} steps; the most allowed is {limit}.", prefix(story.as_ref()))
                } else {
                    format!(
                        "{}field {field} is {} long; the most allowed is {}.",
                        prefix(story.as_ref()),
                        human_size(*size),
                        human_size(*limit)
                    )
                }
            }
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ImportError {}

fn prefix(story: Option<&StoryRef>) -> String {
    match story {
        Some(s) => format!("In {s}: "),
        None => "In this file: ".to_string(),
    }
}

fn human_size(bytes: usize) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / MB)
    } else if bytes >= 1024 {
        format!("{} KB", bytes / 1024)
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads an export (a whole bank or a single story, any known version) and validates every field.
pub fn parse_import(bytes: &[u8]) -> Result<ImportData, ImportError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        byte_offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(json_error)?;
    let data = migrate::read_any(&value)?;
    check_limits(&data.bank)?;
    check_unique_ids(&data.bank)?;
    Ok(data)
}

/// How deep serde_json follows nested arrays and objects before it gives up (its fixed limit).
pub const MAX_DEPTH: usize = 128;

fn json_error(e: serde_json::Error) -> ImportError {
    // serde_json reports its nesting limit as a syntax error at the place it stopped; the text
    // may be perfectly valid JSON, so saying "not valid JSON" there would be wrong.
    if e.to_string().starts_with("recursion limit exceeded") {
        return ImportError::TooDeep { line: e.line() };
    }
    ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        truncated: e.is_eof(),
    }
}

impl ImportError {
    /// Why a value saved on this device could not be read, as a clause that follows "because"
    /// ("it is not valid JSON…"). Unlike [`ImportError::message`], it speaks of no file and asks
    /// for no import: the user never chose this value, the browser kept it.
    pub fn saved_value_reason(&self) -> String {
        match self {
            ImportError::Empty => "the saved copy is empty".into(),
            ImportError::TooLarge { bytes } => {
                format!("the saved copy is {}, larger than a story can be", human_size(*bytes))
            }
            ImportError::NotUtf8 { .. } => "the saved copy is not text".into(),
            ImportError::NotJson { truncated: true, .. } => {
                "the saved copy stops too early, as if it was cut off while being written".into()
            }
            ImportError::NotJson { line, column, .. } => {
                format!("the saved copy is damaged (at line {line}, column {column})")
            }
            ImportError::TooDeep { .. } => {
                "the saved copy is nested far deeper than a story ever is".into()
            }
            ImportError::NotComeback { found } => {
                format!("the saved copy is not a Comeback story ({found})")
            }
            ImportError::NewerVersion { found } => format!(
                "the saved copy was written by a newer version of Comeback (schema {found}); reload the page to update"
            ),
            ImportError::UnknownVersion { found } => {
                format!("the saved copy names schema version {found}, which no Comeback has written")
            }
            ImportError::BadField { .. }
            | ImportError::DuplicateId { .. }
            | ImportError::TooManyStories { .. }
            | ImportError::TooLong { .. } => {
                let m = self.message();
                let m = m.trim_end_matches('.');
                let m = m.strip_prefix("In this file: ").unwrap_or(m);
                format!("the saved copy has a problem: {m}")
            }
        }
    }
}

fn check_limits(bank: &Bank) -> Result<(), ImportError> {
    if bank.stories.len() > MAX_STORIES {
        return Err(ImportError::TooManyStories {
            count: bank.stories.len(),
        });
    }
    Ok(())
}

fn check_unique_ids(bank: &Bank) -> Result<(), ImportError> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, s) in bank.stories.iter().enumerate() {
        if let Some(&first) = seen.get(s.id.as_str()) {
            return Err(ImportError::DuplicateId {
                id: s.id.clone(),
                first: StoryRef {
                    number: first + 1,
                    title: bank.stories[first].title.clone(),
                },
                second: StoryRef {
                    number: i + 1,
                    title: s.title.clone(),
                },
            });
        }
        seen.insert(&s.id, i);
    }
    Ok(())
}
