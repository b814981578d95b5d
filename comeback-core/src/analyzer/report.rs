//! The report: plain data the app renders and the command line prints.

use super::rules::{RedFlag, Severity};
pub use crate::story::Field;
use crate::Key;
use serde::Serialize;

/// Where the words of a finding are: byte offsets (UTF-8, on char boundaries) into the field's text,
/// and the same positions in UTF-16 code units, as a browser's `setSelectionRange` expects.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// The field the offsets point into.
    pub field: Field,
    /// Start, in bytes from the start of the field's text.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// Start, in UTF-16 code units.
    pub utf16_start: usize,
    /// End (exclusive), in UTF-16 code units.
    pub utf16_end: usize,
}

/// One observation, with the words that caused it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The key this finding belongs to (the wizard step that shows it).
    pub key: Key,
    /// A stable kebab-case rule id, e.g. `numbers-missing`; dismissals refer to it.
    pub rule: String,
    /// How much it matters.
    pub severity: Severity,
    /// What to do, in plain words.
    pub message: String,
    /// The exact words (empty when the finding is about something missing).
    pub quote: String,
    /// Where the words are, when there are words.
    pub span: Option<Span>,
}

impl Finding {
    /// True when the finding reports evidence already in the text; false when the user should act on it.
    pub fn is_evidence(&self) -> bool {
        super::rules::is_evidence(&self.rule)
    }
}

/// The verdict on one key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyVerdict {
    /// The key.
    pub key: Key,
    /// Whether the text shows this key.
    pub met: bool,
    /// One short line: what is met, or what is missing.
    pub status: String,
    /// The evidence and the suggestions.
    pub findings: Vec<Finding>,
}

/// A red flag raised, with the findings that raised it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedFlagHit {
    /// Which flag.
    pub flag: RedFlag,
    /// Its label for the user.
    pub label: String,
    /// The words that raised it.
    pub evidence: Vec<Finding>,
    /// Likely but not certain: shown as "possible", with a lower bar than a flag the words
    /// prove on their own.
    pub possible: bool,
}

/// One thing an interviewer listens for, and whether the answer gives evidence of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    /// "Handling pressure", "Ownership", "Problem solving", "Learning" or "Prevention".
    pub name: String,
    /// Whether any evidence was found.
    pub found: bool,
    /// The words that show it.
    pub evidence: Vec<String>,
}

/// Which part of the five-key story a run of sentences tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerPart {
    /// What went wrong.
    Failure,
    /// The scene: role, team, scale.
    Context,
    /// What the speaker did to turn it around.
    Recovery,
    /// The immediate fix or win.
    Immediate,
    /// The lasting change.
    LongTerm,
    /// The lesson.
    Lesson,
    /// How the speaker works differently now.
    Change,
    /// Fits no part.
    Other,
}

/// A run of consecutive sentences of a pasted answer that tell the same part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerSegment {
    /// The part they tell.
    pub part: AnswerPart,
    /// Start, in bytes into the answer.
    pub start: usize,
    /// End (exclusive), in bytes.
    pub end: usize,
    /// The text, `answer[start..end]`.
    pub text: String,
}

/// Everything the analyzer found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// One verdict per key, always five, in `Key::ALL` order.
    pub keys: Vec<KeyVerdict>,
    /// The red flags raised.
    pub red_flags: Vec<RedFlagHit>,
    /// Prose checks: hedges, fillers, weasel words, agentless passives, overlong sentences.
    pub prose: Vec<Finding>,
    /// The interviewer's view: pressure, ownership, problem solving, learning, prevention.
    pub interviewer_view: Vec<Signal>,
    /// Two or three questions an interviewer would likely ask next, given the gaps.
    pub follow_ups: Vec<String>,
    /// Words in the text.
    pub words: usize,
    /// Sentences in the text.
    pub sentences: usize,
    /// Speaking time at 160 words a minute, in seconds.
    pub speaking_seconds_min: u32,
    /// Speaking time at 130 words a minute, in seconds.
    pub speaking_seconds_max: u32,
    /// The role-table entry the target role matched, if any.
    pub matched_role: Option<String>,
    /// The parts found in a pasted answer (empty for a story).
    pub segments: Vec<AnswerSegment>,
    /// The story against its job ad, when one was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_fit: Option<JobFit>,
}

/// The story read against the job ad it is for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobFit {
    /// The job's title, if the ad names it.
    pub title: Option<String>,
    /// The role-table entry the title matched, if any.
    pub role: Option<String>,
    /// The first essentials of the ad, in its order, as short phrases.
    pub essentials: Vec<String>,
    /// How many essentials the ad lists in all.
    pub essential_count: usize,
    /// How many desirables the ad lists.
    pub desirable_count: usize,
    /// The values the employer states.
    pub values: Vec<String>,
    /// What the user should know about the reading (an empty ad, another language...).
    pub notices: Vec<String>,
    /// The essentials the failure is about (a warning: the failure is at the core of this job,
    /// unless it has a clear outside cause).
    pub failure: Vec<AdLink>,
    /// The failure has a clear outside cause: being about an essential then raises no flag.
    pub outside_cause: bool,
    /// The essentials the rest of the story shows (a point in the candidate's favour), in the
    /// ad's order.
    pub shown: Vec<AdLink>,
}

impl JobFit {
    /// The story's evidence for essential `index` of the ad, if it shows it.
    pub fn shown_for(&self, index: usize) -> Option<&AdLink> {
        self.shown.iter().find(|l| l.index == index)
    }

    /// The failure's words about essential `index` of the ad, if it is about it.
    pub fn failure_for(&self, index: usize) -> Option<&AdLink> {
        self.failure.iter().find(|l| l.index == index)
    }
}

/// An essential of the ad tied to words of the story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdLink {
    /// The essential's index in the ad's list.
    pub index: usize,
    /// The essential, as the ad words it.
    pub requirement: String,
    /// The story's words that tie the two.
    pub words: Vec<String>,
    /// The story's clause that holds them.
    pub quote: String,
    /// Where that clause is.
    pub span: Option<Span>,
}

impl Report {
    /// The verdict for one key (an unmet, empty verdict if a hand-built report lacks it).
    pub fn key(&self, k: Key) -> &KeyVerdict {
        static MISSING: KeyVerdict = KeyVerdict {
            key: Key::Choice,
            met: false,
            status: String::new(),
            findings: Vec::new(),
        };
        match self.keys.get(k as usize) {
            Some(v) if v.key == k => v,
            _ => self.keys.iter().find(|v| v.key == k).unwrap_or(&MISSING),
        }
    }

    /// Whether a key's tab in the wizard shows it met: the key is met and its own step has text
    /// (`filled`, from `Story::filled_keys`). A figure in the one-line failure meets key 2, but its
    /// tab says "keep going" until the context is written.
    pub fn tab_met(&self, k: Key, filled: [bool; 5]) -> bool {
        self.met(k) && filled.get(k as usize).copied().unwrap_or(false)
    }

    /// Whether a key is met.
    pub fn met(&self, k: Key) -> bool {
        self.keys.iter().any(|v| v.key == k && v.met)
    }

    /// The snake_case ids of the red flags raised, in report order.
    pub fn red_flag_ids(&self) -> Vec<&'static str> {
        self.red_flags.iter().map(|h| h.flag.id()).collect()
    }

    /// Every finding of the report (keys, red flags, prose), for listing.
    pub fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.keys
            .iter()
            .flat_map(|k| k.findings.iter())
            .chain(self.red_flags.iter().flat_map(|h| h.evidence.iter()))
            .chain(self.prose.iter())
    }

    /// Every finding that belongs under one key (its own, then prose checks and red-flag evidence
    /// aimed at it), problems first, each (rule, words) once. Every occurrence is kept, so a preview
    /// can highlight them all; [`group_findings`] makes the list a person reads.
    pub fn findings_for(&self, key: Key) -> Vec<Finding> {
        let mut out: Vec<Finding> = self.key(key).findings.clone();
        let extra = self
            .prose
            .iter()
            .chain(self.red_flags.iter().flat_map(|r| r.evidence.iter()))
            .filter(|f| f.key == key);
        for f in extra {
            if !out
                .iter()
                .any(|o| o.rule == f.rule && o.span == f.span && o.quote == f.quote)
            {
                out.push(f.clone());
            }
        }
        // Stable: within a severity, the analyzer's order (the order of the text) is kept.
        out.sort_by_key(|f| std::cmp::Reverse(f.severity));
        out
    }
}

/// One item of the list a person reads: a finding and every distinct set of words it was found
/// on, in order. The same advice on "many" three times is one item quoting "many" once.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupedFinding {
    /// The first finding of the group (its rule, severity, message, first span).
    pub finding: Finding,
    /// The distinct quotes, in the order found; empty when the finding is about something missing.
    pub quotes: Vec<String>,
}

/// The longest quote shown in a list, in characters; a longer one (a whole overlong sentence) is
/// cut at a word and ends with "…". The full words stay in the finding and its span.
pub const SHOWN_QUOTE_CHARS: usize = 80;

/// `quote` as a list shows it: whole if it is short, else its first words and "…". Cut this way,
/// the shown words of a long sentence stay the same while the user types at its end.
pub fn shown_quote(quote: &str) -> String {
    let quote = quote.trim();
    // One pass, never more than the first SHOWN_QUOTE_CHARS + 1 characters (quotes can be huge).
    let limit = SHOWN_QUOTE_CHARS - 20;
    let mut last_space = None;
    let mut at_limit = quote.len();
    for (n, (i, c)) in quote.char_indices().enumerate() {
        if n == SHOWN_QUOTE_CHARS {
            let cut = last_space.unwrap_or(at_limit);
            return format!("{}…", quote[..cut].trim_end());
        }
        if n == limit {
            at_limit = i;
        }
        if n <= limit && c.is_whitespace() {
            last_space = Some(i);
        }
    }
    quote.to_string()
}

/// Groups findings that give the same advice (same rule and message) into one item, keeping the
/// order of first appearance. Long quotes are shortened with [`shown_quote`].
pub fn group_findings(findings: &[Finding]) -> Vec<GroupedFinding> {
    let mut out: Vec<GroupedFinding> = Vec::new();
    for f in findings {
        let quote = shown_quote(&f.quote);
        let quote = quote.as_str();
        match out
            .iter_mut()
            .find(|g| g.finding.rule == f.rule && g.finding.message == f.message)
        {
            Some(g) => {
                if !quote.is_empty() && !g.quotes.iter().any(|q| q == quote) {
                    g.quotes.push(quote.to_string());
                }
            }
            None => out.push(GroupedFinding {
                finding: f.clone(),
                quotes: if quote.is_empty() {
                    Vec::new()
                } else {
                    vec![quote.to_string()]
                },
            }),
        }
    }
    out
}
