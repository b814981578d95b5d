//! The story model: what the user writes in the wizard, one field per part of the answer.
//!
//! The saved format, migrations, import and export live in submodules (see ARCHITECTURE.md).

use serde::{Deserialize, Serialize};

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
    /// Rule ids of findings the user chose to keep as they are, for this story.
    pub dismissed: Vec<String>,
    /// The wizard step last open (0 = step 1 ... 4 = step 5, 5 = review).
    pub last_step: u8,
    /// Created, in ms since the epoch.
    pub created_ms: f64,
    /// Last edited, in ms since the epoch.
    pub updated_ms: f64,
}
