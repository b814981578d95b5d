//! Two tabs on one story: which version wins, and when the user must be asked. The browser shell
//! owns the storage and its events; these pure decisions are what it does with them.
//!
//! A difference that is not content (the step last open, the times, dismissed findings) never
//! needs the user: it is settled silently. A difference in what the user wrote always asks,
//! unless this tab has nothing unsaved (then it follows the other tab).

use super::Story;

/// What to do before writing this tab's version over what storage holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BeforeSave {
    /// Write it.
    Write,
    /// Another tab wrote different content since this tab last saw the value: ask first.
    Ask,
}

/// Decides a save. `stored` is what storage holds now (`None` when nothing); `seen` says whether
/// that is exactly the value this tab last read or wrote.
pub fn before_save(ours: &Story, stored: Option<&Story>, seen: bool) -> BeforeSave {
    match stored {
        Some(stored) if !seen && !stored.same_content(ours) => BeforeSave::Ask,
        _ => BeforeSave::Write,
    }
}

/// What to do when another tab saved or deleted a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherTab {
    /// Nothing to do: both tabs hold the same.
    Nothing,
    /// Show the other tab's version here (this tab has nothing of its own to lose).
    Follow,
    /// Both tabs changed what the user wrote, or the story this tab is editing was deleted
    /// there: ask which version to keep.
    Ask,
    /// The other tab deleted a story this tab neither edits nor shows: remove it here too.
    Remove,
}

/// Decides what this tab does after another tab's save. `theirs` is the other tab's version
/// (`None` when it deleted the story), `unsaved` whether this tab holds changes not yet written,
/// `open` whether this tab shows the story now.
pub fn after_other_save(
    ours: Option<&Story>,
    theirs: Option<&Story>,
    unsaved: bool,
    open: bool,
) -> OtherTab {
    match (ours, theirs) {
        (None, None) => OtherTab::Nothing,
        (None, Some(_)) => OtherTab::Follow,
        (Some(o), Some(t)) if o == t => OtherTab::Nothing,
        (Some(o), Some(t)) if o.same_content(t) || !unsaved => OtherTab::Follow,
        (Some(_), Some(_)) => OtherTab::Ask,
        (Some(_), None) if unsaved || open => OtherTab::Ask,
        (Some(_), None) => OtherTab::Remove,
    }
}

/// Two tabs saved at the same moment, each over a version the other had not seen, so one of the
/// two writes is gone from storage: ask unless the two say the same thing.
pub fn after_race(ours: Option<&Story>, theirs: &Story) -> OtherTab {
    match ours {
        Some(o) if !o.same_content(theirs) => OtherTab::Ask,
        _ => OtherTab::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(context: &str, last_step: u8) -> Story {
        Story {
            id: "s".into(),
            context: context.into(),
            last_step,
            ..Story::default()
        }
    }

    #[test]
    fn a_save_asks_only_when_another_tab_wrote_other_words() {
        let ours = story("mine", 2);
        assert_eq!(before_save(&ours, None, false), BeforeSave::Write);
        assert_eq!(
            before_save(&ours, Some(&story("old", 1)), true),
            BeforeSave::Write
        );
        assert_eq!(
            before_save(&ours, Some(&story("theirs", 1)), false),
            BeforeSave::Ask
        );
        // Only the step last open differs: nothing to ask about.
        assert_eq!(
            before_save(&ours, Some(&story("mine", 4)), false),
            BeforeSave::Write
        );
    }

    #[test]
    fn another_tabs_save_is_followed_unless_both_changed_the_words() {
        let (a, b) = (story("a", 1), story("b", 1));
        assert_eq!(
            after_other_save(Some(&a), Some(&a), true, true),
            OtherTab::Nothing
        );
        assert_eq!(
            after_other_save(Some(&a), Some(&b), false, true),
            OtherTab::Follow
        );
        assert_eq!(
            after_other_save(Some(&a), Some(&b), true, true),
            OtherTab::Ask
        );
        assert_eq!(
            after_other_save(None, Some(&b), false, false),
            OtherTab::Follow
        );
        // A tab that only moved to another step has nothing to lose.
        assert_eq!(
            after_other_save(Some(&story("a", 3)), Some(&a), true, true),
            OtherTab::Follow
        );
    }

    #[test]
    fn a_deletion_elsewhere_asks_only_where_the_story_is_in_use() {
        let a = story("a", 1);
        assert_eq!(
            after_other_save(Some(&a), None, false, false),
            OtherTab::Remove
        );
        assert_eq!(after_other_save(Some(&a), None, true, false), OtherTab::Ask);
        assert_eq!(after_other_save(Some(&a), None, false, true), OtherTab::Ask);
        assert_eq!(after_other_save(None, None, true, true), OtherTab::Nothing);
    }

    #[test]
    fn a_race_asks_only_when_the_words_differ() {
        assert_eq!(
            after_race(Some(&story("a", 1)), &story("b", 1)),
            OtherTab::Ask
        );
        assert_eq!(
            after_race(Some(&story("a", 1)), &story("a", 4)),
            OtherTab::Nothing
        );
        assert_eq!(after_race(None, &story("a", 1)), OtherTab::Nothing);
    }
}
