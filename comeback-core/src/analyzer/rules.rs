//! What the analyzer can say: every rule id with the key its findings belong to and its default
//! severity, in one table, and the red flags in another. A rule or a flag is added here, in one
//! line, or not at all: the findings are built from these entries (see `doc.rs`), the report lists
//! the flags in the order of [`RedFlag::ALL`], and `tests/analyzer_rules.rs` checks the table
//! against what the analyzer says over the whole corpus.

use crate::Key;
use serde::Serialize;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Evidence found, or a gentle suggestion.
    Info,
    /// Worth changing.
    Warn,
    /// Keeps a key from being met.
    Problem,
}

/// One rule of the analyzer: the id its findings carry, where they are shown, how much they matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The stable kebab-case id (dismissals refer to it).
    pub id: &'static str,
    /// The key its findings belong to; `None` for the prose checks, whose findings belong to the
    /// key of the part their words tell.
    pub key: Option<Key>,
    /// Its severity, unless the finding says otherwise: what is missing from a wizard field the
    /// user has not filled yet is a gentle `info`, and so is a vague amount beside a figure.
    pub severity: Severity,
    /// Its findings report evidence already in the text ("what already counts"), not a to-do.
    pub evidence: bool,
}

impl Rule {
    /// This rule with another severity, for the one finding at hand.
    pub(crate) const fn at(self, severity: Severity) -> Rule {
        Rule { severity, ..self }
    }

    /// This rule as a gentle `info` when `gentle` (a wizard field not filled yet, a vague amount
    /// beside a figure), else at its own severity.
    pub(crate) const fn gentle_if(self, gentle: bool) -> Rule {
        if gentle {
            self.at(Severity::Info)
        } else {
            self
        }
    }
}

/// Defines each rule as a constant and [`RULES`], the table of them all, from one list.
macro_rules! rules {
    ($( $(#[$doc:meta])* $name:ident = $id:literal, $key:ident, $sev:ident $(, $evidence:ident)? ; )*) => {
        $(
            $(#[$doc])*
            pub(crate) const $name: Rule = Rule {
                id: $id,
                key: rules!(@key $key),
                severity: Severity::$sev,
                evidence: rules!(@evidence $($evidence)?),
            };
        )*
        /// Every rule the analyzer has, by key, in report order.
        pub const RULES: &[Rule] = &[$($name),*];
    };
    (@key Part) => { None };
    (@key $key:ident) => { Some(Key::$key) };
    (@evidence evidence) => { true };
    (@evidence) => { false };
}

rules! {
    // Key 1: choose the failure wisely (`redflags/`).
    /// A denial or a boast instead of a failure.
    CHOICE_NO_FAILURE = "choice-no-failure", Choice, Problem;
    /// No failure told at all (a gentle `info` for an empty summary).
    CHOICE_MISSING = "choice-missing", Choice, Problem;
    /// The outside or unexpected cause found.
    CHOICE_OUTSIDE_CAUSE = "choice-outside-cause", Choice, Info, evidence;
    /// A careless slip of the speaker's own.
    CHOICE_OWN_SLIP = "choice-own-slip", Choice, Warn;
    /// A failure with no cause told.
    CHOICE_NO_CAUSE = "choice-no-cause", Choice, Warn;
    /// A risky failure category chosen in the wizard.
    CHOICE_RISKY_CATEGORY = "choice-risky-category", Choice, Warn;
    /// The words that raised the poor-judgment flag.
    RED_FLAG_POOR_JUDGMENT = "red-flag-poor-judgment", Choice, Warn;
    /// The words that raised the basic-skills flag.
    RED_FLAG_BASIC_SKILLS = "red-flag-basic-skills", Choice, Warn;
    /// The words that raised the conflict flag.
    RED_FLAG_CONFLICT = "red-flag-conflict", Choice, Warn;
    /// The words that raised the ethics flag.
    RED_FLAG_ETHICS = "red-flag-ethics", Choice, Warn;
    /// The words that raised the core-competency flag.
    RED_FLAG_CORE_COMPETENCY = "red-flag-core-competency", Choice, Warn;
    /// The words that raised the blame flag.
    RED_FLAG_BLAME = "red-flag-blame", Choice, Warn;
    /// The failure is about an essential of the story's job ad (`jobfit.rs`): the core-skill flag
    /// in the employer's words.
    AD_ESSENTIAL_FAILURE = "ad-essential-failure", Choice, Warn;

    // Key 2: set the stage with numbers (`numbers.rs`).
    /// A figure about this failure.
    NUMBERS_FIGURE = "numbers-figure", Numbers, Info, evidence;
    /// A vague amount where a figure would do (`info` when a figure is there too).
    NUMBERS_VAGUE = "numbers-vague", Numbers, Warn;
    /// A vague outcome ("the project failed") with no figure in its sentence (`info` when a figure
    /// is there elsewhere).
    VAGUE_OUTCOME = "vague-outcome", Numbers, Warn;
    /// No figure about this failure (`info` while the wizard's context is empty).
    NUMBERS_MISSING = "numbers-missing", Numbers, Problem;

    // Key 3: show the turnaround (`recovery.rs`).
    /// No recovery told (`info` for a story with no steps yet).
    TURNAROUND_MISSING = "turnaround-missing", Turnaround, Problem;
    /// Nothing to recover from: the only failure told is a denial or a boast.
    TURNAROUND_NO_FAILURE = "turnaround-no-failure", Turnaround, Problem;
    /// A concrete action of the speaker's.
    TURNAROUND_ACTION = "turnaround-action", Turnaround, Info, evidence;
    /// Who else was involved.
    TURNAROUND_WHO = "turnaround-who", Turnaround, Info, evidence;
    /// How fast.
    TURNAROUND_WHEN = "turnaround-when", Turnaround, Info, evidence;
    /// No action of the speaker's own ("we fixed it").
    TURNAROUND_NO_SPEAKER = "turnaround-no-speaker", Turnaround, Problem;
    /// Only stock phrases ("I took ownership and fixed it").
    TURNAROUND_GENERIC = "turnaround-generic", Turnaround, Problem;
    /// Actions, but neither who nor how fast.
    TURNAROUND_NO_WHO_WHEN = "turnaround-no-who-when", Turnaround, Problem;

    // Key 4: don't just fix it, improve it (`results.rs`).
    /// The immediate fix or win.
    IMPROVEMENT_IMMEDIATE = "improvement-immediate", Improvement, Info, evidence;
    /// The lasting change.
    IMPROVEMENT_LONG_TERM = "improvement-long-term", Improvement, Info, evidence;
    /// An apology where the immediate fix should be.
    IMPROVEMENT_APOLOGY_ONLY = "improvement-apology-only", Improvement, Warn;
    /// No immediate fix (`info` in a story).
    IMPROVEMENT_NO_IMMEDIATE = "improvement-no-immediate", Improvement, Problem;
    /// No lasting change (`info` in a story).
    IMPROVEMENT_NO_LONG_TERM = "improvement-no-long-term", Improvement, Problem;

    // Key 5: show growth (`growth.rs`).
    /// A specific lesson.
    GROWTH_LESSON = "growth-lesson", Growth, Info, evidence;
    /// How the speaker works differently now.
    GROWTH_CHANGE = "growth-change", Growth, Info, evidence;
    /// A lesson too general to act on ("I learned a lot").
    GROWTH_GENERIC_LESSON = "growth-generic-lesson", Growth, Problem;
    /// No lesson (`info` in a story).
    GROWTH_NO_LESSON = "growth-no-lesson", Growth, Problem;
    /// No changed habit (`info` in a story).
    GROWTH_NO_CHANGE = "growth-no-change", Growth, Problem;
    /// No failure for a lesson to come from (a denial or a boast).
    GROWTH_NO_FAILURE = "growth-no-failure", Growth, Problem;

    // Prose checks (`prose.rs`): shown under the key of the part their words tell.
    /// A hedge ("I think", "kind of").
    PROSE_HEDGE = "prose-hedge", Part, Info;
    /// A filler word ("basically").
    PROSE_FILLER = "prose-filler", Part, Info;
    /// A vague word ("various", "things").
    PROSE_WEASEL = "prose-weasel", Part, Info;
    /// An agentless passive ("mistakes were made").
    PROSE_PASSIVE = "prose-passive", Part, Warn;
    /// A sentence too long to say in one breath.
    PROSE_LONG_SENTENCE = "prose-long-sentence", Part, Warn;
}

/// Whether findings of the rule with this id report evidence already in the text.
pub(crate) fn is_evidence(id: &str) -> bool {
    RULES.iter().any(|r| r.evidence && r.id == id)
}

/// Defines [`RedFlag`] and everything said about each flag from one list, so that a new flag is
/// reported, labelled, explained and asked about, or does not compile.
macro_rules! red_flags {
    ($(
        $(#[$doc:meta])*
        $flag:ident {
            id: $id:literal,
            label: $label:literal,
            rule: $rule:ident,
            message: $message:literal,
            question: $question:literal $(,)?
        }
    ),* $(,)?) => {
        /// A topic an interviewer may hold against the candidate.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum RedFlag {
            $($(#[$doc])* $flag,)*
        }

        impl RedFlag {
            /// All red flags, in report order.
            pub const ALL: [RedFlag; [$($id),*].len()] = [$(RedFlag::$flag),*];

            /// The stable snake_case id, as in JSON.
            pub fn id(self) -> &'static str {
                match self {
                    $(RedFlag::$flag => $id,)*
                }
            }

            /// A short label for the user.
            pub fn label(self) -> &'static str {
                match self {
                    $(RedFlag::$flag => $label,)*
                }
            }

            /// The kebab-case rule id of findings that raise this flag.
            pub fn rule(self) -> &'static str {
                self.finding_rule().id
            }

            /// The rule of findings that raise this flag.
            pub(crate) fn finding_rule(self) -> Rule {
                match self {
                    $(RedFlag::$flag => $rule,)*
                }
            }

            /// What the user should do about this flag.
            pub(crate) fn message(self) -> &'static str {
                match self {
                    $(RedFlag::$flag => $message,)*
                }
            }

            /// The question an interviewer would likely ask about it.
            pub(crate) fn question(self) -> &'static str {
                match self {
                    $(RedFlag::$flag => $question,)*
                }
            }
        }
    };
}

red_flags! {
    /// A poor judgment call or a careless slip.
    PoorJudgment {
        id: "poor_judgment",
        label: "Poor judgment",
        rule: RED_FLAG_POOR_JUDGMENT,
        message: "This reads as a poor judgment call. Pick a failure with an outside or unexpected cause, or show the reasoning that made the call sensible at the time.",
        question: "What would you weigh differently if you faced that call again?",
    },
    /// A gap in the basic skills of the job.
    BasicSkills {
        id: "basic_skills",
        label: "Basic skills",
        rule: RED_FLAG_BASIC_SKILLS,
        message: "This suggests a gap in the everyday skills of the job. Choose a failure that does not question the basics.",
        question: "What have you done since to close that gap?",
    },
    /// A clash with colleagues.
    InterpersonalConflict {
        id: "interpersonal_conflict",
        label: "Conflict with people",
        rule: RED_FLAG_CONFLICT,
        message: "A clash with a colleague worries interviewers. Choose a failure about the work, not about people.",
        question: "How do you and that colleague work together now?",
    },
    /// Anything touching honesty or rules.
    Ethics {
        id: "ethics",
        label: "Ethics",
        rule: RED_FLAG_ETHICS,
        message: "Anything touching honesty or rules is hard to recover from in an interview. Choose another failure.",
        question: "What would you do if you felt the same pressure today?",
    },
    /// A failure at the core of the target role.
    CoreCompetency {
        id: "core_competency",
        label: "Core skill of the role",
        rule: RED_FLAG_CORE_COMPETENCY,
        message: "This failure sits at the core of the role you want. Choose one outside the role's core skills.",
        question: "How do you make sure this cannot happen in the role you're applying for?",
    },
    /// The failure is put on others.
    BlameShifting {
        id: "blame_shifting",
        label: "Blame on others",
        rule: RED_FLAG_BLAME,
        message: "This puts the failure on others. Say what part you played and what you did about it.",
        question: "Looking back, what part of it was yours?",
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_kebab_case() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(
                r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.id
            );
            assert!(RULES[..i].iter().all(|o| o.id != r.id), "{} twice", r.id);
        }
    }

    #[test]
    fn every_flag_is_reported_under_key_one_with_a_rule_of_the_table() {
        for flag in RedFlag::ALL {
            let rule = flag.finding_rule();
            assert!(RULES.contains(&rule), "{flag:?}");
            assert_eq!(rule.key, Some(Key::Choice), "{flag:?}");
            // The id is the name serde gives it in JSON.
            let json = serde_json::to_string(&flag).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", flag.id()));
        }
    }

    #[test]
    fn evidence_rules_are_the_info_ones_that_quote_what_counts() {
        let evidence: Vec<&str> = RULES.iter().filter(|r| r.evidence).map(|r| r.id).collect();
        assert_eq!(
            evidence,
            [
                "choice-outside-cause",
                "numbers-figure",
                "turnaround-action",
                "turnaround-who",
                "turnaround-when",
                "improvement-immediate",
                "improvement-long-term",
                "growth-lesson",
                "growth-change",
            ]
        );
        assert!(RULES
            .iter()
            .filter(|r| r.evidence)
            .all(|r| r.severity == Severity::Info));
    }
}
