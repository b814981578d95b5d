//! Merging imported stories into the bank by id, asking the user about every conflict.
//!
//! Architecture invariant: a merge never drops a story silently. Every incoming story is in
//! exactly one of `new`, `identical` or `conflicts`, and `apply_merge` refuses a plan whose
//! conflicts are not all resolved.

use std::fmt;

use super::Story;

/// What importing would do, before anything changes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MergePlan {
    /// Stories whose id the bank does not have: they will be added.
    pub new: Vec<Story>,
    /// Ids of stories the bank already has with the same content: skipped.
    pub identical: Vec<String>,
    /// Same id, different content: the user decides.
    pub conflicts: Vec<Conflict>,
}

/// One story that exists on both sides with different content.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// The version in the bank (or an earlier story of the same file with this id).
    pub mine: Story,
    /// The version in the file.
    pub theirs: Story,
}

/// What to do with one conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Keep the bank's version; the file's is not imported.
    KeepMine,
    /// Replace the bank's version with the file's.
    TakeTheirs,
    /// Keep both: the file's version is added under this new id, titled "… (imported)".
    KeepBoth(String),
}

/// Why a plan could not be applied. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeError {
    /// The number of resolutions differs from the number of conflicts.
    ResolutionCount {
        /// Conflicts in the plan.
        conflicts: usize,
        /// Resolutions given.
        resolutions: usize,
    },
    /// A `KeepBoth` id is blank or already used.
    IdTaken(String),
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::ResolutionCount {
                conflicts,
                resolutions,
            } => write!(f, "{conflicts} conflicts but {resolutions} answers"),
            MergeError::IdTaken(id) => write!(f, "the id \"{id}\" is blank or already used"),
        }
    }
}

impl std::error::Error for MergeError {}

impl MergePlan {
    /// True when importing would change nothing.
    pub fn is_noop(&self) -> bool {
        self.new.is_empty() && self.conflicts.is_empty()
    }

    /// A one-line summary for the import dialog ("2 new, 1 already here, 1 to decide").
    pub fn summary(&self) -> String {
        format!(
            "{} new, {} already here, {} to decide",
            self.new.len(),
            self.identical.len(),
            self.conflicts.len()
        )
    }
}

/// Sorts incoming stories into new, identical and conflicting, by id.
pub fn plan_merge(existing: &[Story], incoming: &[Story]) -> MergePlan {
    let mut plan = MergePlan::default();
    for theirs in incoming {
        let mine = existing
            .iter()
            .chain(plan.new.iter())
            .find(|s| s.id == theirs.id);
        match mine {
            None => plan.new.push(theirs.clone()),
            Some(mine) if mine.same_content(theirs) => plan.identical.push(theirs.id.clone()),
            Some(mine) => {
                let mine = mine.clone();
                plan.conflicts.push(Conflict {
                    mine,
                    theirs: theirs.clone(),
                })
            }
        }
    }
    plan
}

/// The bank's stories after the merge: existing ones in place, then new ones, then kept-both copies.
pub fn apply_merge(
    existing: &[Story],
    plan: &MergePlan,
    resolutions: &[Resolution],
) -> Result<Vec<Story>, MergeError> {
    if resolutions.len() != plan.conflicts.len() {
        return Err(MergeError::ResolutionCount {
            conflicts: plan.conflicts.len(),
            resolutions: resolutions.len(),
        });
    }
    let mut result: Vec<Story> = existing.to_vec();
    result.extend(plan.new.iter().cloned());
    for (conflict, resolution) in plan.conflicts.iter().zip(resolutions) {
        match resolution {
            Resolution::KeepMine => {}
            Resolution::TakeTheirs => {
                match result.iter_mut().find(|s| s.id == conflict.theirs.id) {
                    Some(slot) => *slot = conflict.theirs.clone(),
                    None => result.push(conflict.theirs.clone()),
                }
            }
            Resolution::KeepBoth(new_id) => {
                if new_id.trim().is_empty() || result.iter().any(|s| &s.id == new_id) {
                    return Err(MergeError::IdTaken(new_id.clone()));
                }
                let mut copy = conflict.theirs.clone();
                copy.id = new_id.clone();
                copy.title = format!("{} (imported)", copy.display_title());
                result.push(copy);
            }
        }
    }
    Ok(result)
}
