//! Per-sentence features: what a sentence tells on its own, read before any part is given to it.
//! Who is the subject of a clause (`subject`), what is denied (`negation`), the tense and the
//! speaker's habits (`tense`), the acts told and who did them (`acts`), the speaker's own slips
//! (`slips`), outside causes (`outside`), and cues beyond the phrase lists (`cues`).
//!
//! Features never read a sentence's part: parts are given after them, from them.

pub(crate) mod acts;
pub(crate) mod cues;
pub(crate) mod negation;
pub(crate) mod outside;
pub(crate) mod slips;
pub(crate) mod subject;
pub(crate) mod tense;
