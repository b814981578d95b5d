//! The five keys of a strong failure story.

use serde::{Deserialize, Serialize};

/// One of the five keys the app teaches, in the order the wizard asks for them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Key {
    /// 1. Choose a failure that raises no red flags for the target role.
    Choice,
    /// 2. Set the stage with numbers.
    Numbers,
    /// 3. Show how you turned it around.
    Turnaround,
    /// 4. Don't just fix it, improve it.
    Improvement,
    /// 5. Show what you learned and how it changed the way you work.
    Growth,
}

impl Key {
    /// All five keys in wizard order.
    pub const ALL: [Key; 5] = [
        Key::Choice,
        Key::Numbers,
        Key::Turnaround,
        Key::Improvement,
        Key::Growth,
    ];

    /// The 1-based step number of this key in the wizard.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    /// The key for a 1-based step number, if there is one.
    pub fn from_number(n: usize) -> Option<Key> {
        Key::ALL.get(n.checked_sub(1)?).copied()
    }

    /// The stable machine name (`choice`, `numbers`, ...), as used in JSON output.
    pub fn id(self) -> &'static str {
        match self {
            Key::Choice => "choice",
            Key::Numbers => "numbers",
            Key::Turnaround => "turnaround",
            Key::Improvement => "improvement",
            Key::Growth => "growth",
        }
    }

    /// A short title for the user.
    pub fn title(self) -> &'static str {
        match self {
            Key::Choice => "Choose the failure wisely",
            Key::Numbers => "Set the stage with numbers",
            Key::Turnaround => "Show the turnaround",
            Key::Improvement => "Fix it, then improve it",
            Key::Growth => "Show what you learned",
        }
    }

    /// What meets the key, in a line (the rubric's "met when", in the coach's words).
    pub fn met_when(self) -> &'static str {
        match self {
            Key::Choice => "a failure told in full, what went wrong and what caused it, with a cause outside your control that is not the core skill of the job you want",
            Key::Numbers => "an exact figure about this failure: how many people, how much money, what share or how long",
            Key::Turnaround => "what you did to recover, in concrete actions, with who was involved or how fast",
            Key::Improvement => "both a win at the time and a lasting change: a process, a system, a habit or a checklist",
            Key::Growth => "a specific lesson and how you work differently since",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip() {
        for k in Key::ALL {
            assert_eq!(Key::from_number(k.number()), Some(k));
        }
        assert_eq!(Key::from_number(0), None);
        assert_eq!(Key::from_number(6), None);
    }
}
