//! The story model: what the user writes in the wizard, one field per part of the answer.
//!
//! The saved format, migrations, import and export live in submodules (see ARCHITECTURE.md).

use serde::{Deserialize, Serialize};

pub mod answer;
pub mod bank;
mod field;
pub mod import;
pub mod length;
pub mod merge;
mod migrate;
pub mod schema;
pub mod sync;

pub use bank::{BankError, Deleted};
pub use field::{Field, TextChange};
pub use import::{parse_import, ImportData, ImportError, ImportKind, StoryRef, MAX_IMPORT_BYTES};
pub use length::{
    band_position, band_text, format_time, length_message, length_verdict, speaking_time,
    word_count, LengthVerdict, TimeStyle, BAND_SCALE_SECS, BAND_SECS,
};
pub use merge::{apply_merge, plan_merge, Conflict, MergeError, MergePlan, Resolution};
pub use schema::{Bank, APP_NAME, CURRENT_SCHEMA};

/// The kind of failure chosen in step 1. Some are safe material, some are risky.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum FailureCategory {
    /// Not chosen yet.
    #[default]
    Unset,
    /// Safe: an unexpected technical problem.
    TechnicalProblem,
    /// Safe: an industry-wide or outside shock.
    OutsideShock,
    /// Safe: a rare event nobody predicted.
    RareEvent,
    /// Safe: circumstances outside anyone's control.
    OutsideControl,
    /// Risky: a poor judgment call.
    PoorJudgment,
    /// Risky: a gap in the basic skills of the job.
    BasicSkills,
    /// Risky: a clash with colleagues.
    Conflict,
    /// Risky: anything touching ethics.
    Ethics,
    /// Risky: something at the core of the target role.
    CoreOfRole,
}

/// One step of the recovery (key 3): what was done, with whom, and when or how fast.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct RecoveryStep {
    /// What was done ("I rolled back the release").
    pub action: String,
    /// Who was involved ("with the on-call engineer").
    pub who: String,
    /// When or how fast ("within 15 minutes").
    pub when: String,
}

/// One failure story, as the wizard collects it.
///
/// Times are milliseconds since the Unix epoch, supplied by the caller (the core has no clock).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct Story {
    /// Stable identifier, unique within a story bank.
    pub id: String,
    /// The user's name for this story.
    pub title: String,
    /// The role applied for ("Backend engineer", "Nurse").
    pub target_role: String,
    /// Key 1: the kind of failure.
    pub category: FailureCategory,
    /// Key 1: the failure in one sentence.
    pub summary: String,
    /// Key 2: the context, with its numbers.
    pub context: String,
    /// Key 3: the recovery, in order.
    pub steps: Vec<RecoveryStep>,
    /// Key 4: the immediate fix or win.
    pub immediate_win: String,
    /// Key 4: the lasting change.
    pub long_term_gain: String,
    /// Key 5: the specific lesson.
    pub lesson: String,
    /// Key 5: what the speaker does differently now.
    pub change: String,
    /// Text that fitted no part when an answer was pasted in; kept so nothing is lost.
    pub unsorted: String,
    /// The job ad this story is for, pasted as text (optional; never sent anywhere).
    pub job_ad: String,
    /// The assembled answer as the user edited it on Review (empty: never edited).
    pub edited_answer: String,
    /// Review shows the answer generated from the steps, though an edited one is kept.
    pub show_generated: bool,
    /// The generated answer the edited one was started from (to tell when the steps changed since).
    pub edited_from: String,
    /// Rule ids of findings the user chose to keep as they are, for this story.
    pub dismissed: Vec<String>,
    /// The wizard step last open (0 = step 1 ... 4 = step 5, 5 = review).
    pub last_step: u8,
    /// Created, in ms since the epoch.
    pub created_ms: f64,
    /// Last edited, in ms since the epoch.
    pub updated_ms: f64,
}

impl FailureCategory {
    /// Every category the user can pick, safe ones first (without `Unset`).
    pub const CHOICES: [FailureCategory; 9] = [
        FailureCategory::TechnicalProblem,
        FailureCategory::OutsideShock,
        FailureCategory::RareEvent,
        FailureCategory::OutsideControl,
        FailureCategory::PoorJudgment,
        FailureCategory::BasicSkills,
        FailureCategory::Conflict,
        FailureCategory::Ethics,
        FailureCategory::CoreOfRole,
    ];

    /// The stable snake_case name used in saved files.
    pub fn id(self) -> &'static str {
        match self {
            FailureCategory::Unset => "unset",
            FailureCategory::TechnicalProblem => "technical_problem",
            FailureCategory::OutsideShock => "outside_shock",
            FailureCategory::RareEvent => "rare_event",
            FailureCategory::OutsideControl => "outside_control",
            FailureCategory::PoorJudgment => "poor_judgment",
            FailureCategory::BasicSkills => "basic_skills",
            FailureCategory::Conflict => "conflict",
            FailureCategory::Ethics => "ethics",
            FailureCategory::CoreOfRole => "core_of_role",
        }
    }

    /// The category for a saved name, if it is one.
    pub fn from_id(id: &str) -> Option<FailureCategory> {
        std::iter::once(FailureCategory::Unset)
            .chain(FailureCategory::CHOICES)
            .find(|c| c.id() == id)
    }

    /// True for the categories PRODUCT.md calls risky material.
    pub fn is_risky(self) -> bool {
        matches!(
            self,
            FailureCategory::PoorJudgment
                | FailureCategory::BasicSkills
                | FailureCategory::Conflict
                | FailureCategory::Ethics
                | FailureCategory::CoreOfRole
        )
    }
}

impl RecoveryStep {
    /// True when no field of this step has any visible text.
    pub fn is_blank(&self) -> bool {
        self.action.trim().is_empty() && self.who.trim().is_empty() && self.when.trim().is_empty()
    }
}

impl Story {
    /// A new, empty story with the given id and creation time (the caller owns ids and the clock).
    pub fn new(id: &str, now_ms: f64) -> Story {
        Story {
            id: id.to_string(),
            created_ms: now_ms,
            updated_ms: now_ms,
            ..Story::default()
        }
    }

    /// Which of the five parts of the answer have any text, in key order (used for the bank's
    /// "3 of 5 keys" and the step indicator).
    pub fn filled_keys(&self) -> [bool; 5] {
        self.keys_where(Field::in_answer)
    }

    /// True when nothing is written and nothing chosen: a story started and left as it was, which
    /// the app does not keep (times, the step last open and dismissed findings aside).
    pub fn is_blank(&self) -> bool {
        self.category == FailureCategory::Unset
            && self
                .fields()
                .into_iter()
                .all(|f| self.get(f).trim().is_empty())
    }

    /// How many of the five parts have any text.
    pub fn filled_count(&self) -> usize {
        self.filled_keys().iter().filter(|f| **f).count()
    }

    /// True when both stories say the same thing (times, last step and dismissed findings aside).
    pub fn same_content(&self, other: &Story) -> bool {
        self.id == other.id
            && self.category == other.category
            && self.steps == other.steps
            && Field::ALL
                .into_iter()
                .filter(|f| f.step().is_none())
                .all(|f| self.get(f) == other.get(f))
    }
}
