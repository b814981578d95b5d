//! Two tabs on one story: which version wins, and when the user must be asked. The browser shell
//! owns the storage and its events; these pure decisions are what it does with them.
//!
//! A difference that is not content (the step last open, the times, dismissed findings) never
//! needs the user: it is settled silently. A difference in what the user wrote always asks,
//! unless this tab has nothing unsaved (then it follows the other tab).

use super::Story;

/// Saving waits for a pause in typing this long...
pub const SAVE_DELAY_MS: f64 = 300.0;
/// ...but never longer than this after the first change not yet written, so steady typing is
/// saved about once a second. Each save costs a write of the whole story; doing it four times a
/// second while typing slowed key presses on a slow phone. Hiding or leaving the page saves at once.
pub const SAVE_MAX_WAIT_MS: f64 = 1000.0;

/// How long to wait before writing unsaved changes, given when the first and the last change not
/// yet written were made and the time now (milliseconds on the wall clock): zero means save now.
///
/// Never more than [`SAVE_MAX_WAIT_MS`]. A wall clock that went backwards (a corrected system
/// clock, a test's fake clock) saves at once: measuring from it could put the save off for years.
pub fn save_wait(first: f64, last: f64, now: f64) -> f64 {
    if !(now >= first && now >= last) {
        return 0.0;
    }
    let idle_left = SAVE_DELAY_MS - (now - last);
    let wait_left = SAVE_MAX_WAIT_MS - (now - first);
    idle_left.min(wait_left).clamp(0.0, SAVE_MAX_WAIT_MS)
}

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
        // A blank story holds nothing to lose: kept here while it is open (the user may be about to
        // write in it), dropped otherwise.
        (Some(o), None) if o.is_blank() && open => OtherTab::Nothing,
        (Some(o), None) if o.is_blank() => OtherTab::Remove,
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

/// Whether this tab holds words of a story that storage does not: `dirty` says a save is still
/// due, `seen` is the story as this tab last read or wrote it. A save due only for a step number
/// or a dismissed finding is nothing to ask the user about.
pub fn unsaved_words(dirty: bool, ours: Option<&Story>, seen: Option<&Story>) -> bool {
    dirty
        && match (ours, seen) {
            (Some(o), Some(s)) => !o.same_content(s),
            _ => true,
        }
}

/// Reads a storage event: another tab wrote `new` over `old` (the value as that tab saw it), and
/// `seen` is the value this tab last read or wrote. When `old` is not what this tab had seen,
/// both tabs wrote at the same moment, each over a version the other had not seen: storage has no
/// compare-and-swap across tabs, so one of the two writes is lost from it. Compares exact texts.
pub fn raced(seen: Option<&str>, old: Option<&str>, new: Option<&str>) -> bool {
    match (seen, new) {
        (Some(seen), Some(new)) => old != Some(seen) && new != seen,
        _ => false,
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
    fn a_save_waits_for_a_pause_but_not_for_ever() {
        let t = 1_765_000_000_000.0;
        // A key press just now: wait for the pause.
        assert_eq!(save_wait(t, t, t), 300.0);
        // Typing on: the pause restarts, but the first change is never left more than a second.
        assert_eq!(save_wait(t, t + 800.0, t + 850.0), 150.0);
        assert_eq!(save_wait(t, t + 990.0, t + 1000.0), 0.0);
        assert_eq!(save_wait(t, t, t + 5_000.0), 0.0);
    }

    #[test]
    fn a_clock_that_goes_back_saves_at_once_rather_than_years_later() {
        let t = 1_765_000_000_000.0;
        // A fake clock installed at zero, a corrected system clock: both were seen in a browser.
        assert_eq!(save_wait(t, t, 12.0), 0.0);
        assert_eq!(save_wait(t, t + 500.0, t + 100.0), 0.0);
        assert_eq!(save_wait(f64::NAN, t, t), 0.0);
        // Whatever the inputs, the wait is a delay a browser timer can take.
        for (first, last, now) in [
            (0.0, 0.0, f64::MAX),
            (-1e300, 1e300, 1e300),
            (t, t, f64::INFINITY),
        ] {
            let wait = save_wait(first, last, now);
            assert!((0.0..=SAVE_MAX_WAIT_MS).contains(&wait), "{wait}");
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
        // A blank story deleted elsewhere: nothing to ask about.
        let blank = Story::default();
        assert_eq!(
            after_other_save(Some(&blank), None, true, true),
            OtherTab::Nothing
        );
        assert_eq!(
            after_other_save(Some(&blank), None, true, false),
            OtherTab::Remove
        );
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

    #[test]
    fn unsaved_words_are_words_not_a_step_number() {
        let (a, b) = (story("a", 1), story("b", 1));
        assert!(!unsaved_words(false, Some(&a), Some(&b)));
        assert!(unsaved_words(true, Some(&a), Some(&b)));
        assert!(!unsaved_words(true, Some(&story("a", 4)), Some(&a)));
        assert!(unsaved_words(true, Some(&a), None));
    }

    #[test]
    fn a_race_is_a_write_over_a_value_this_tab_had_not_seen() {
        // The other tab wrote over what this tab last saw: an ordinary save.
        assert!(!raced(Some("A"), Some("A"), Some("B")));
        // It wrote over a value this tab never saw, and this tab's own is gone from storage.
        assert!(raced(Some("A"), Some("base"), Some("B")));
        // Its write is what this tab already holds, or it deleted the story.
        assert!(!raced(Some("B"), Some("base"), Some("B")));
        assert!(!raced(Some("A"), Some("base"), None));
        // This tab has never read or written the story.
        assert!(!raced(None, Some("base"), Some("B")));
    }
}
