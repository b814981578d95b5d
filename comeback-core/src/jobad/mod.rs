//! Reading a job ad: the title, the essential and desirable requirements, the employer's values and
//! what was left out as noise; and which requirements a piece of a story touches.
//!
//! Bird's-eye view: the pasted ad goes in as text, a [`JobAd`] comes out (plain data with byte spans
//! into the ad). [`match_essentials`] then takes a `JobAd` and any text (the failure, the recovery,
//! the lesson) and says which essentials the text is about, quoting the words on both sides.
//!
//! Architecture invariants:
//! - Reading never fails and never panics: any string gives a `JobAd`, with a [`AdNotice`] when the
//!   ad is empty, too long, in another language or has no requirements the reader can find.
//! - Time is linear in the input, and the input read is capped at [`MAX_AD_BYTES`].
//! - The vocabulary (headings, lead-ins, noise, values, generic words) lives in `data/jobad.txt`.
//! - Offsets are byte offsets into the text given (on char boundaries), with UTF-16 offsets beside
//!   them for the browser. A phrase's `text` is what the span covers with markup left out and
//!   runs of white space made one space.
//! - Nothing here depends on the analyzer's internals: the title is matched with the public
//!   [`crate::analyzer::match_role`], and the role table's core skills are read from its data file.

mod compare;
mod markup;
mod read;
mod words;

use serde::Serialize;

pub use compare::{match_desirables, match_essentials};

/// The most of an ad that is read (100 KiB, some 15,000 words: ten times the longest real ad).
pub const MAX_AD_BYTES: usize = 100 * 1024;

/// Reads a pasted job ad.
pub fn read_job_ad(text: &str) -> JobAd {
    read::read(text)
}

/// A byte range of a text, with the same range in UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// Start, in bytes.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// Start, in UTF-16 code units.
    pub utf16_start: usize,
    /// End (exclusive), in UTF-16 code units.
    pub utf16_end: usize,
}

/// What the reader took from an ad.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct JobAd {
    /// The job's title, if the ad names it.
    pub title: Option<AdTitle>,
    /// What the employer needs: requirements and duties, in the ad's order.
    pub essentials: Vec<Requirement>,
    /// What the employer would like but does not need, in the ad's order.
    pub desirables: Vec<Requirement>,
    /// The values the employer says it holds ("ownership", "patient safety first").
    pub values: Vec<AdValue>,
    /// What was left out as noise (pay, benefits, equal-opportunity statements, page furniture...).
    pub ignored: Vec<Ignored>,
    /// What the user should know about the reading (empty ad, too long, another language...).
    pub notices: Vec<AdNotice>,
    /// How many bytes of the ad were read (the whole ad unless it is longer than [`MAX_AD_BYTES`]).
    pub read_bytes: usize,
}

/// The job's title as the ad writes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdTitle {
    /// The title, without location, pay, contract or a part in brackets ("Staff Nurse").
    pub text: String,
    /// Where it is in the ad.
    pub span: TextSpan,
    /// The role-table entry it matches ("Nurse"), if any.
    pub role: Option<&'static str>,
}

/// Whether the employer needs a requirement or would only like it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Needed: a requirement, a duty, "must have", "is essential".
    Essential,
    /// Wanted: "desirable", "nice to have", "would be an advantage".
    Desirable,
}

/// One requirement of the ad, as a short phrase of its own words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Requirement {
    /// The phrase, without its bullet, lead-in ("You will have") or verdict ("is essential").
    pub text: String,
    /// Where it is in the ad.
    pub span: TextSpan,
    /// Needed or wanted.
    pub level: Level,
    /// A duty of the job (under "Responsibilities", "What you'll do", or "you will ...") rather than
    /// something the person must have.
    pub duty: bool,
    /// The phrase's words worth comparing, with their stems and spans in the ad (read once).
    #[serde(skip)]
    words: Vec<compare::Content>,
}

/// A value the employer states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdValue {
    /// The value as written ("patient safety first").
    pub text: String,
    /// Where it is in the ad.
    pub span: TextSpan,
}

/// What kind of noise a part of the ad is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoiseKind {
    /// Pay: salary, hourly rate, bonus, commission.
    Salary,
    /// Benefits and perks.
    Benefits,
    /// Equal-opportunity, diversity, vetting and regulatory statements.
    EqualOpportunity,
    /// How to apply, closing dates, contacts.
    HowToApply,
    /// About the company.
    Company,
    /// Location, hours, contract, reference numbers.
    JobDetails,
    /// Cookie banners, navigation, buttons and counters of a pasted web page.
    PageFurniture,
    /// HTML tags and entities, Markdown marks.
    Markup,
}

/// A part of the ad left out of the reading.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ignored {
    /// What kind of noise it is.
    pub kind: NoiseKind,
    /// Where it is in the ad.
    pub span: TextSpan,
}

/// What a notice is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdNoticeKind {
    /// Nothing but white space.
    Empty,
    /// Longer than [`MAX_AD_BYTES`]: only the first part was read.
    TooLong,
    /// No requirement could be found.
    NoRequirements,
    /// Too few English words to be read (requirements are then left empty).
    NotEnglish,
}

/// A message about the reading, for the user.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdNotice {
    /// What it is about.
    pub kind: AdNoticeKind,
    /// What happened and what to do, in plain words.
    pub message: String,
}

/// How a word of the text was tied to a word of a requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WordLink {
    /// The same word, or another form of it ("dispensed", "dispensing").
    SameWord,
    /// Words of one task written differently ("dose", "medication"), from `data/jobad.txt`.
    Related,
    /// The same everyday word ("meetings", "calls"), which counts here because the role table
    /// names it a core skill of the ad's role.
    CoreSkill,
}

/// How sure a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchStrength {
    /// A content word of the requirement (or a related one) is in the text.
    Clear,
    /// Tied only by everyday words that are core skills of the ad's role: show it as "possible".
    Possible,
}

/// Words quoted from a text, with where they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The words as written.
    pub text: String,
    /// Where they are.
    pub span: TextSpan,
}

/// A word of the text and the word of the requirement it matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchedWord {
    /// The word in the text compared (span into that text).
    pub in_text: Quote,
    /// The word in the ad (span into the ad).
    pub in_ad: Quote,
    /// How the two are tied.
    pub link: WordLink,
    /// The ad's word is a core skill of the ad's role in the role table.
    pub core_skill: bool,
}

/// A requirement of the ad that a text touches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RequirementMatch {
    /// Its index in the ad's `essentials` (or `desirables`).
    pub index: usize,
    /// The requirement.
    pub requirement: Requirement,
    /// The words that tie them, first occurrence in the text of each of the requirement's words.
    pub words: Vec<MatchedWord>,
    /// How sure the match is.
    pub strength: MatchStrength,
}
