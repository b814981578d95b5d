//! The texts of a story, one [`Field`] each: what the wizard asks for, what the coach and the
//! analyzer read (a finding's span names its field), what the exports and the cue cards quote.
//!
//! Everything that walks over a story's texts goes through this list, so adding a text to the
//! story is adding a variant here (the compiler then points at every `match` that must say what
//! the new text is), its member in [`Story`], the saved format's fixture, and the guide's words.
//! ARCHITECTURE.md shows it step by step.

use serde::Serialize;

use super::{RecoveryStep, Story};
use crate::Key;

/// One text of a story. `Answer` is a whole pasted answer, the one text that is not a story's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "field", content = "step")]
pub enum Field {
    /// The user's own name for the story.
    Title,
    /// The target role.
    Role,
    /// The one-line summary of the failure.
    Summary,
    /// The context with its numbers.
    Context,
    /// The action of recovery step n (0-based).
    StepAction(usize),
    /// Who was involved in recovery step n (0-based).
    StepWho(usize),
    /// When or how fast recovery step n (0-based) happened.
    StepWhen(usize),
    /// The immediate fix or win.
    ImmediateWin,
    /// The lasting change.
    LongTermGain,
    /// The lesson.
    Lesson,
    /// What the speaker does differently now.
    Change,
    /// Text that fitted no part.
    Unsorted,
    /// The job ad the story is for.
    JobAd,
    /// The assembled answer as the user edited it.
    EditedAnswer,
    /// A whole pasted answer.
    Answer,
}

impl Field {
    /// Every text of a story, in the order the wizard asks for them. Each recovery step has the
    /// three step parts, given here for the first step; [`Story::fields`] lists them for every step.
    pub const ALL: [Field; 14] = [
        Field::Title,
        Field::Role,
        Field::Summary,
        Field::Context,
        Field::StepAction(0),
        Field::StepWho(0),
        Field::StepWhen(0),
        Field::ImmediateWin,
        Field::LongTermGain,
        Field::Lesson,
        Field::Change,
        Field::Unsorted,
        Field::JobAd,
        Field::EditedAnswer,
    ];

    /// The three parts of recovery step `i` (0-based), in order.
    pub fn step_parts(i: usize) -> [Field; 3] {
        [Field::StepAction(i), Field::StepWho(i), Field::StepWhen(i)]
    }

    /// The recovery step this text belongs to (0-based), if it is a step's.
    pub fn step(self) -> Option<usize> {
        match self {
            Field::StepAction(i) | Field::StepWho(i) | Field::StepWhen(i) => Some(i),
            _ => None,
        }
    }

    /// The same part of recovery step `i`; any other field is returned as it is.
    pub fn at_step(self, i: usize) -> Field {
        match self {
            Field::StepAction(_) => Field::StepAction(i),
            Field::StepWho(_) => Field::StepWho(i),
            Field::StepWhen(_) => Field::StepWhen(i),
            other => other,
        }
    }

    /// The key this text tells, as the coach groups them (`None` for the title, the unsorted
    /// notes and a pasted answer).
    pub fn key(self) -> Option<Key> {
        match self {
            Field::Role | Field::Summary => Some(Key::Choice),
            Field::Context => Some(Key::Numbers),
            Field::StepAction(_) | Field::StepWho(_) | Field::StepWhen(_) => Some(Key::Turnaround),
            Field::ImmediateWin | Field::LongTermGain => Some(Key::Improvement),
            Field::Lesson | Field::Change => Some(Key::Growth),
            Field::Title | Field::JobAd | Field::EditedAnswer | Field::Unsorted | Field::Answer => {
                None
            }
        }
    }

    /// True for the texts said in the assembled answer (not the title, the role or the notes).
    pub fn in_answer(self) -> bool {
        match self {
            Field::Summary
            | Field::Context
            | Field::StepAction(_)
            | Field::StepWho(_)
            | Field::StepWhen(_)
            | Field::ImmediateWin
            | Field::LongTermGain
            | Field::Lesson
            | Field::Change => true,
            Field::Title
            | Field::Role
            | Field::JobAd
            | Field::EditedAnswer
            | Field::Unsorted
            | Field::Answer => false,
        }
    }

    /// The name of the text in the saved format (`steps` for a recovery step's part, which is
    /// saved inside its step; `None` for a pasted answer, which is never saved).
    pub fn saved_name(self) -> Option<&'static str> {
        Some(match self {
            Field::Title => "title",
            Field::Role => "target_role",
            Field::Summary => "summary",
            Field::Context => "context",
            Field::StepAction(_) => "action",
            Field::StepWho(_) => "who",
            Field::StepWhen(_) => "when",
            Field::ImmediateWin => "immediate_win",
            Field::LongTermGain => "long_term_gain",
            Field::Lesson => "lesson",
            Field::Change => "change",
            Field::Unsorted => "unsorted",
            Field::JobAd => "job_ad",
            Field::EditedAnswer => "edited_answer",
            Field::Answer => return None,
        })
    }

    /// How lists and exports name the text ("Step 2: who").
    pub fn label(self) -> String {
        match self {
            Field::Title => "Title".into(),
            Field::Role => "Target role".into(),
            Field::Summary => "The failure in one sentence".into(),
            Field::Context => "The context".into(),
            Field::StepAction(i) => format!("Step {}: what you did", i + 1),
            Field::StepWho(i) => format!("Step {}: who", i + 1),
            Field::StepWhen(i) => format!("Step {}: when", i + 1),
            Field::ImmediateWin => "Immediate win".into(),
            Field::LongTermGain => "Long-term gain".into(),
            Field::Lesson => "The lesson".into(),
            Field::Change => "What you do differently now".into(),
            Field::Unsorted => "Notes that fitted no part".into(),
            Field::JobAd => "The job ad".into(),
            Field::EditedAnswer => "Your edited answer".into(),
            Field::Answer => "Your answer".into(),
        }
    }
}

/// What [`Story::set_text`] changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextChange {
    /// The text already held that value: nothing changed.
    Unchanged,
    /// The text changed.
    Text,
    /// The text changed, and recovery steps were added to hold it (the list of steps grew).
    NewStep,
    /// There is no such text in a story (a pasted answer), or too many steps: nothing changed.
    Refused,
}

impl RecoveryStep {
    fn part(&self, field: Field) -> &String {
        match field {
            Field::StepWho(_) => &self.who,
            Field::StepWhen(_) => &self.when,
            _ => &self.action,
        }
    }

    fn part_mut(&mut self, field: Field) -> &mut String {
        match field {
            Field::StepWho(_) => &mut self.who,
            Field::StepWhen(_) => &mut self.when,
            _ => &mut self.action,
        }
    }
}

impl Story {
    /// One text of the story; empty for a step the story does not have, and for `Answer`.
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Title => &self.title,
            Field::Role => &self.target_role,
            Field::Summary => &self.summary,
            Field::Context => &self.context,
            Field::StepAction(i) | Field::StepWho(i) | Field::StepWhen(i) => {
                self.steps.get(i).map_or("", |s| s.part(field).as_str())
            }
            Field::ImmediateWin => &self.immediate_win,
            Field::LongTermGain => &self.long_term_gain,
            Field::Lesson => &self.lesson,
            Field::Change => &self.change,
            Field::Unsorted => &self.unsorted,
            Field::JobAd => &self.job_ad,
            Field::EditedAnswer => &self.edited_answer,
            Field::Answer => "",
        }
    }

    /// One text of the story, to change. `None` for `Answer` and for a step the story does not
    /// have (see [`Story::set_text`], which adds it).
    pub fn get_mut(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::Title => &mut self.title,
            Field::Role => &mut self.target_role,
            Field::Summary => &mut self.summary,
            Field::Context => &mut self.context,
            Field::StepAction(i) | Field::StepWho(i) | Field::StepWhen(i) => {
                self.steps.get_mut(i)?.part_mut(field)
            }
            Field::ImmediateWin => &mut self.immediate_win,
            Field::LongTermGain => &mut self.long_term_gain,
            Field::Lesson => &mut self.lesson,
            Field::Change => &mut self.change,
            Field::Unsorted => &mut self.unsorted,
            Field::JobAd => &mut self.job_ad,
            Field::EditedAnswer => &mut self.edited_answer,
            Field::Answer => return None,
        })
    }

    /// Puts `value` into one text, adding empty recovery steps up to the one it belongs to (the
    /// wizard shows a first step before there is one; typing in it creates it). Refuses a step
    /// past [`super::import::MAX_STEPS`], as an import would. Times are the caller's to stamp.
    pub fn set_text(&mut self, field: Field, value: &str) -> TextChange {
        let mut grew = false;
        if let Some(i) = field.step() {
            if i >= super::import::MAX_STEPS {
                return TextChange::Refused;
            }
            if self.steps.len() <= i {
                if value.is_empty() {
                    return TextChange::Unchanged;
                }
                self.steps.resize_with(i + 1, RecoveryStep::default);
                grew = true;
            }
        }
        let Some(text) = self.get_mut(field) else {
            return TextChange::Refused;
        };
        if text == value {
            return TextChange::Unchanged;
        }
        value.clone_into(text);
        if grew {
            TextChange::NewStep
        } else {
            TextChange::Text
        }
    }

    /// Every text this story has, in wizard order, with the parts of each of its recovery steps.
    pub fn fields(&self) -> Vec<Field> {
        let mut out = Vec::with_capacity(Field::ALL.len() + 3 * self.steps.len());
        for field in Field::ALL {
            match field {
                Field::StepAction(_) => {
                    out.extend((0..self.steps.len()).flat_map(Field::step_parts));
                }
                Field::StepWho(_) | Field::StepWhen(_) => {}
                other => out.push(other),
            }
        }
        out
    }

    /// The bytes of everything written in the story (what the analysis has to read, and more).
    pub fn text_len(&self) -> usize {
        self.fields().into_iter().map(|f| self.get(f).len()).sum()
    }

    /// For each key in order, whether any of its texts holds something (the role counts for
    /// key 1 here, unlike in [`Story::filled_keys`]).
    pub fn keys_with_text(&self) -> [bool; 5] {
        self.keys_where(|_| true)
    }

    /// The texts of the answer that tell `key`, outside the recovery steps, in order.
    pub fn answer_texts(&self, key: Key) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| f.key() == Some(key) && f.in_answer() && f.step().is_none())
            .collect()
    }

    /// For each key in order, whether any text that `counts` holds something.
    pub(super) fn keys_where(&self, counts: impl Fn(Field) -> bool) -> [bool; 5] {
        let mut out = [false; 5];
        for field in self.fields() {
            if let Some(key) = field.key() {
                if counts(field) && !self.get(field).trim().is_empty() {
                    out[key.number() - 1] = true;
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story() -> Story {
        Story {
            title: "Flood".into(),
            target_role: "Nurse".into(),
            context: "12 beds".into(),
            steps: vec![RecoveryStep {
                action: "I called".into(),
                who: "with Ana".into(),
                when: "at 6".into(),
            }],
            lesson: "Drill it".into(),
            ..Story::default()
        }
    }

    #[test]
    fn every_text_is_reached_through_its_field() {
        let s = story();
        assert_eq!(s.get(Field::Role), "Nurse");
        assert_eq!(s.get(Field::StepWho(0)), "with Ana");
        assert_eq!(s.get(Field::StepWho(3)), "");
        assert_eq!(s.get(Field::Answer), "");
        let all: Vec<Field> = s.fields();
        assert_eq!(all.len(), Field::ALL.len());
        assert_eq!(all[4..7], Field::step_parts(0));
        let written: String = all.iter().map(|f| s.get(*f)).collect();
        assert_eq!(written, "FloodNurse12 bedsI calledwith Anaat 6Drill it");
        assert_eq!(s.text_len(), written.len());
    }

    #[test]
    fn set_text_adds_the_step_it_needs_and_says_what_changed() {
        let mut s = story();
        assert_eq!(s.set_text(Field::Lesson, "Drill it"), TextChange::Unchanged);
        assert_eq!(
            s.set_text(Field::Lesson, "Drill it twice"),
            TextChange::Text
        );
        assert_eq!(s.set_text(Field::StepWhen(2), ""), TextChange::Unchanged);
        assert_eq!(s.steps.len(), 1);
        assert_eq!(
            s.set_text(Field::StepWhen(2), "by noon"),
            TextChange::NewStep
        );
        assert_eq!(s.steps.len(), 3);
        assert_eq!(s.steps[2].when, "by noon");
        assert_eq!(s.set_text(Field::Answer, "x"), TextChange::Refused);
        assert_eq!(
            s.set_text(Field::StepAction(super::super::import::MAX_STEPS), "x"),
            TextChange::Refused
        );
        assert!(s.get_mut(Field::StepWho(9)).is_none());
    }

    #[test]
    fn keys_and_the_answer() {
        let s = story();
        assert_eq!(s.keys_with_text(), [true, true, true, false, true]);
        assert_eq!(s.filled_keys(), [false, true, true, false, true]);
        assert!(!Field::Role.in_answer() && !Field::Title.in_answer());
        assert!(Field::StepWhen(4).in_answer());
        assert_eq!(Field::StepWho(0).at_step(4), Field::StepWho(4));
        assert_eq!(Field::StepWho(1).label(), "Step 2: who");
    }

    #[test]
    fn a_span_names_its_field_as_before() {
        let json = serde_json::to_string(&[Field::Context, Field::StepWho(2)]).unwrap();
        assert_eq!(
            json,
            r#"[{"field":"context"},{"field":"step_who","step":2}]"#
        );
    }
}
