//! How one story is written to and read from a storage value: the same format as an export of
//! one story, so saved data and exported files share one reader (and its migrations).

use comeback_core::story::{parse_import, CURRENT_SCHEMA};
use comeback_core::Story;

/// The saved text of one story.
pub fn encode_story(story: &Story) -> String {
    story.to_json()
}

/// Reads one saved story, migrating older formats; otherwise says what is wrong, as a clause
/// about the saved copy ("the saved copy is damaged…"), never in an import file's words.
pub fn decode_story(raw: &str) -> Result<Story, String> {
    // Our own current-format values are read directly: the import limits (meant for files from
    // elsewhere) must never make a long draft the user typed here unreadable.
    #[derive(serde::Deserialize)]
    struct Current {
        schema_version: u32,
        stories: Vec<Story>,
    }
    let stories = match serde_json::from_str::<Current>(raw) {
        Ok(c) if c.schema_version == CURRENT_SCHEMA => c.stories,
        _ => {
            parse_import(raw.as_bytes())
                .map_err(|e| e.saved_value_reason())?
                .bank
                .stories
        }
    };
    let mut stories = stories.into_iter();
    match (stories.next(), stories.next()) {
        (Some(s), None) => Ok(s),
        (None, _) => Err("the saved copy holds no story".into()),
        (Some(_), Some(_)) => Err("the saved copy holds more than one story".into()),
    }
}
