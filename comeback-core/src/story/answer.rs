//! The assembled answer: the parts of a story as one text to read aloud, and its text and
//! Markdown exports.

use super::{RecoveryStep, Story};
use crate::guide;
use crate::Key;

/// Words that open a phrase and read lower-case mid-sentence ("with **the** on-call engineer").
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "along",
    "alongside",
    "an",
    "and",
    "around",
    "as",
    "at",
    "before",
    "both",
    "by",
    "during",
    "each",
    "every",
    "first",
    "five",
    "for",
    "four",
    "from",
    "her",
    "his",
    "immediately",
    "in",
    "including",
    "its",
    "later",
    "my",
    "next",
    "on",
    "one",
    "our",
    "over",
    "same",
    "six",
    "some",
    "straight",
    "ten",
    "that",
    "the",
    "their",
    "then",
    "these",
    "this",
    "those",
    "three",
    "through",
    "to",
    "together",
    "two",
    "under",
    "until",
    "via",
    "when",
    "with",
    "within",
    "once",
];

/// Openings of a `who` that already say how the person took part, so no "with" is added.
const WHO_OPENERS: &[&str] = &[
    "with",
    "alongside",
    "along",
    "together",
    "and",
    "by",
    "via",
    "through",
    "helped",
    "supported",
    "assisted",
    "joined",
    "plus",
    "for",
    "to",
    "from",
    "including",
    "involving",
    "me",
    "myself",
    "alone",
    "on",
    "as",
];

/// Openings of a `who` that read as an aside, set off by commas.
const ASIDE_OPENERS: &[&str] = &["together", "helped", "supported", "assisted", "alongside"];

/// Openings of a recovery step that already place it in time, so no "First,"/"Then" is added.
const TIME_OPENERS: &[&str] = &[
    "first",
    "firstly",
    "then",
    "next",
    "after",
    "afterwards",
    "finally",
    "lastly",
    "once",
    "when",
    "within",
    "by",
    "at",
    "on",
    "in",
    "later",
    "meanwhile",
    "immediately",
    "that",
    "the",
    "before",
    "during",
    "over",
    "second",
    "third",
    "while",
];

/// Common irregular past-tense verbs a step may open with when the user leaves out "I".
const PAST_VERBS: &[&str] = &[
    "began", "brought", "built", "bought", "caught", "chose", "cut", "dealt", "did", "drew",
    "drove", "fed", "found", "froze", "gave", "got", "had", "held", "hid", "kept", "knew", "led",
    "left", "lent", "let", "made", "met", "paid", "put", "ran", "rang", "read", "rebuilt", "redid",
    "reran", "rewrote", "rode", "sat", "saw", "sent", "set", "shut", "sold", "spent", "split",
    "spoke", "stood", "swapped", "taught", "told", "took", "thought", "undid", "went", "withdrew",
    "won", "wrote", "drafted",
];

/// Names and words ending in "ed" that are not verbs, so no "I" is put before them.
const NOT_VERBS: &[&str] = &[
    "ed", "fred", "ted", "ned", "jed", "ahmed", "mohamed", "mohammed", "reed", "red", "bed",
    "need", "seed", "speed", "feed", "shed", "hundred", "alfred", "wilfred", "mildred", "winifred",
];

impl Story {
    /// The parts as one flowing answer in speaking order, one paragraph per key; empty parts skipped.
    pub fn assemble(&self) -> String {
        let paragraphs = Key::ALL
            .into_iter()
            .map(|key| match self.answer_texts(key).as_slice() {
                [] => steps_paragraph(&self.steps),
                texts => sentences(&texts.iter().map(|f| self.get(*f)).collect::<Vec<_>>()),
            })
            .collect();
        without_repeats(paragraphs)
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// Whether Review shows (and the exports write) the user's edited answer: there is one, and
    /// the user has not gone back to the generated answer.
    pub fn uses_edited_answer(&self) -> bool {
        !self.edited_answer.trim().is_empty() && !self.show_generated
    }

    /// The answer the user will say: their edited text when they use one, else the answer
    /// assembled from the steps.
    pub fn answer_text(&self) -> String {
        if self.uses_edited_answer() {
            self.edited_answer.trim().to_string()
        } else {
            self.assemble()
        }
    }

    /// Whether the steps say something else now than when the answer was edited: the edited
    /// text was made from an older version of the story.
    pub fn edited_answer_is_behind(&self) -> bool {
        self.uses_edited_answer()
            && !self.edited_from.is_empty()
            && self.edited_from != self.assemble()
    }

    /// Starts editing the answer from the one generated now (an edit already made is kept).
    pub fn start_editing_answer(&mut self) {
        if self.edited_answer.trim().is_empty() {
            self.edited_answer = self.assemble();
            self.edited_from = self.edited_answer.clone();
        }
        self.show_generated = false;
    }

    /// The title, or a stand-in when it is blank.
    pub fn display_title(&self) -> String {
        let t = clean(&self.title);
        if t.is_empty() {
            "Untitled story".to_string()
        } else {
            t
        }
    }

    /// The answer as plain text: a title line, a blank line, then the assembled answer.
    pub fn to_text(&self) -> String {
        let answer = self.answer_text();
        if answer.is_empty() {
            format!("{}\n", self.display_title())
        } else {
            format!("{}\n\n{}\n", self.display_title(), answer)
        }
    }

    /// The story as Markdown: title, role, the assembled answer, then each part under its key's heading.
    pub fn to_markdown(&self) -> String {
        let mut md = format!("# {}\n\n", md_inline(&self.display_title()));
        let role = clean(&self.target_role);
        if !role.is_empty() {
            md.push_str(&format!("**Target role:** {}\n\n", md_inline(&role)));
        }
        let answer = self.answer_text();
        md.push_str("## The answer\n\n");
        md.push_str(&or_empty(&md_block(&answer)));
        for key in Key::ALL {
            md.push_str(&format!("\n\n## {}. {}\n\n", key.number(), key.title()));
            if key == Key::Choice && self.category != super::FailureCategory::Unset {
                let g = guide::category_guide(self.category);
                let mark = if g.safe { "safe" } else { "risky" };
                md.push_str(&format!("**Category:** {} ({mark})\n\n", g.label));
            }
            let body = match self.answer_texts(key).as_slice() {
                // The recovery steps, the one part told in steps.
                [] => {
                    let items: Vec<String> = self
                        .steps
                        .iter()
                        .filter(|s| !s.is_blank())
                        .enumerate()
                        .map(|(i, s)| format!("{}. {}", i + 1, md_step(s)))
                        .collect();
                    or_empty(&items.join("\n"))
                }
                [one] => or_empty(&md_block(self.get(*one))),
                texts => labelled(
                    &texts
                        .iter()
                        .map(|f| (f.label(), self.get(*f)))
                        .collect::<Vec<_>>(),
                ),
            };
            md.push_str(&body);
        }
        if !self.unsorted.trim().is_empty() {
            md.push_str("\n\n## Unsorted notes\n\n");
            md.push_str(&md_block(&self.unsorted));
        }
        md.push('\n');
        md
    }
}

fn or_empty(s: &str) -> String {
    if s.trim().is_empty() {
        "_Not written yet._".to_string()
    } else {
        s.to_string()
    }
}

fn labelled(parts: &[(String, &str)]) -> String {
    let lines: Vec<String> = parts
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|(label, text)| format!("**{label}:** {}", md_inline(&clean(text))))
        .collect();
    or_empty(&lines.join("\n\n"))
}

fn md_step(s: &RecoveryStep) -> String {
    let mut out = md_inline(&clean(&s.action));
    for (label, text) in [("who", &s.who), ("when", &s.when)] {
        let t = clean(text);
        if !t.is_empty() {
            out.push_str(&format!(" — *{label}:* {}", md_inline(&t)));
        }
    }
    out
}

/// Keeps user text from turning into Markdown structure (headings, lists, quotes, emphasis).
fn md_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    // A line that starts with "1." or "-" would become a list item.
    if out.starts_with(['-', '+'])
        || out
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    {
        out.insert(0, '\\');
    }
    out
}

/// Like [`md_inline`] for multi-paragraph text: each paragraph escaped, blank lines kept.
fn md_block(s: &str) -> String {
    s.split("\n\n")
        .map(|p| md_inline(&clean(p)))
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Control characters become spaces, runs of white space one space, and the ends are trimmed.
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c.is_control() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Several parts as consecutive sentences, each cleaned and properly closed.
fn sentences(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| sentence(&clean(p)))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A cleaned text as a sentence: capital first letter, exactly one closing mark.
fn sentence(s: &str) -> String {
    let mut s = strip_trailing(s, &[',', ';', ':', '-', '–', '—', ' ']).to_string();
    if s.is_empty() {
        return s;
    }
    // "stopped.." or "stopped...." reads as a typo: keep a single full stop.
    if s.ends_with("..") {
        s = format!("{}.", s.trim_end_matches('.'));
    }
    let closing = ['"', '\'', '”', '’', ')', '»', ']'];
    let body = s.trim_end_matches(closing);
    if !body.ends_with(['.', '!', '?', '…', '。', '؟', '！', '？']) {
        // After a closing quote the stop goes outside it: He said "wait".
        s.push('.');
    }
    capitalize(&s)
}

fn strip_trailing<'a>(s: &'a str, chars: &[char]) -> &'a str {
    s.trim_end_matches(|c: char| chars.contains(&c))
}

/// Upper-cases the first letter unless the first word already mixes cases ("iPhone", "eBay").
fn capitalize(s: &str) -> String {
    let first_word = s.split(' ').next().unwrap_or_default();
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return s.to_string();
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    }
}

/// Lower-cases the first letter when the first word is a function word ("The team" → "the team").
fn soften(s: &str) -> String {
    let first = s.split(' ').next().unwrap_or_default();
    if FUNCTION_WORDS.contains(&first.to_lowercase().as_str())
        && !first.chars().skip(1).any(char::is_uppercase)
    {
        let mut chars = s.chars();
        match chars.next() {
            Some(c) => c.to_lowercase().chain(chars).collect(),
            None => String::new(),
        }
    } else {
        s.to_string()
    }
}

fn first_word_lower(s: &str) -> String {
    s.split([' ', ','])
        .next()
        .unwrap_or_default()
        .to_lowercase()
}

fn looks_past_tense(word: &str) -> bool {
    let w = word.to_lowercase();
    PAST_VERBS.contains(&w.as_str())
        || (w.chars().count() > 3 && w.ends_with("ed") && !NOT_VERBS.contains(&w.as_str()))
}

/// "rolled back the release" → "I rolled back the release"; text with its own subject is kept.
fn with_subject(action: &str) -> String {
    let mut words = action.split(' ');
    let first = words.next().unwrap_or_default();
    let second = words.next().unwrap_or_default();
    let first_is_verb = first.chars().all(char::is_alphabetic) && looks_past_tense(first);
    // "Fred called the vendor": a second past-tense word means the first is the subject.
    if first_is_verb && !looks_past_tense(second) && second != "and" {
        let mut chars = action.chars();
        let lowered: String = match chars.next() {
            Some(c) if !first.chars().skip(1).any(char::is_uppercase) => {
                c.to_lowercase().chain(chars).collect()
            }
            _ => action.to_string(),
        };
        format!("I {lowered}")
    } else {
        action.to_string()
    }
}

const TIME_UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "h", "day", "days", "week", "weeks", "month", "months",
];

/// One recovery step as a sentence: action, then who, then when.
fn step_sentence(step: &RecoveryStep) -> String {
    let closers = ['.', '!', '?', ',', ';', ':', ' '];
    let action = with_subject(strip_trailing(&clean(&step.action), &closers));
    let mut parts = vec![action];
    let who = soften(strip_trailing(&clean(&step.who), &closers));
    // A person or a time the action already names is not said again ("I paged the on-call
    // engineer at 3:40 pm" with who "the on-call engineer" and when "at 3:40 pm").
    let who = if already_said(&parts[0], &who) {
        String::new()
    } else {
        who
    };
    if !who.is_empty() {
        let opener = first_word_lower(&who);
        if ASIDE_OPENERS.contains(&opener.as_str()) && !parts[0].is_empty() {
            // "…, together with the night nurse, …" reads as an aside, set off by commas.
            parts[0].push(',');
            parts.push(format!("{who},"));
        } else if WHO_OPENERS.contains(&opener.as_str()) {
            parts.push(who);
        } else {
            parts.push(format!("with {who}"));
        }
    }
    let when = soften(strip_trailing(&clean(&step.when), &closers));
    let when = if already_said(&parts[0], &when) {
        String::new()
    } else {
        when
    };
    if !when.is_empty() {
        let words: Vec<&str> = when.split(' ').collect();
        let bare_duration = words.len() == 2
            && words[0].chars().next().is_some_and(|c| c.is_ascii_digit())
            && TIME_UNITS.contains(&words[1].to_lowercase().as_str());
        if bare_duration {
            parts.push(format!("within {when}"));
        } else {
            parts.push(when);
        }
    }
    let joined = parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    sentence(&joined)
}

/// Lower-case words of a text, without punctuation.
fn plain_words(s: &str) -> Vec<String> {
    s.split(|c: char| {
        !(c.is_alphanumeric() || matches!(c, '\'' | '’' | ':' | '%' | '£' | '$' | '€'))
    })
    .map(|w| w.trim_matches(':').to_lowercase())
    .filter(|w| !w.is_empty())
    .collect()
}

/// Whether `part` (a step's who or when) is already in `action`, leaving out the words that would
/// link it ("with", "at", "the").
fn already_said(action: &str, part: &str) -> bool {
    const LINKS: &[&str] = &[
        "with", "and", "at", "on", "by", "the", "a", "an", "within", "in",
    ];
    let needle: Vec<String> = plain_words(part)
        .into_iter()
        .skip_while(|w| LINKS.contains(&w.as_str()))
        .collect();
    if needle.is_empty() {
        return false;
    }
    let hay = plain_words(action);
    if hay.windows(needle.len()).any(|w| w == needle.as_slice()) {
        return true;
    }
    // A person named in both ("I called Priya" and "Priya from billing") is the same person.
    let name = part
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| !LINKS.contains(&w.to_lowercase().as_str()));
    name.is_some_and(|n| {
        n.chars().next().is_some_and(char::is_uppercase)
            && n.chars().skip(1).all(|c| !c.is_uppercase())
            && hay.contains(&n.to_lowercase())
    })
}

/// Drops a sentence that says exactly what an earlier one already said (the one-line failure
/// copied into the context, a lesson pasted twice): the answer reads each thing once.
fn without_repeats(paragraphs: Vec<String>) -> Vec<String> {
    let mut seen: Vec<Vec<String>> = Vec::new();
    paragraphs
        .into_iter()
        .map(|p| {
            let kept: Vec<&str> = split_sentences(&p)
                .into_iter()
                .filter(|sent| {
                    let w = plain_words(sent);
                    if w.len() < 3 || !seen.contains(&w) {
                        seen.push(w);
                        true
                    } else {
                        false
                    }
                })
                .collect();
            kept.join(" ")
        })
        .collect()
}

/// A paragraph's sentences: split after a closing mark followed by a space.
fn split_sentences(p: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = p.char_indices().collect();
    for (i, &(at, c)) in bytes.iter().enumerate() {
        if matches!(c, '.' | '!' | '?') && bytes.get(i + 1).is_some_and(|&(_, n)| n == ' ') {
            let end = at + c.len_utf8();
            out.push(p[start..end].trim());
            start = end;
        }
    }
    if start < p.len() {
        out.push(p[start..].trim());
    }
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

/// The recovery steps as a paragraph, linked with "First,", "Then" and "Finally," when there are several.
/// Whether a step already says when it came: it opens with a time word ("Then I called") or has
/// one among its first three words ("I then gave", "We next asked"), so no "Then" is put before it.
fn links_itself(sentence: &str) -> bool {
    sentence
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .enumerate()
        .any(|(i, w)| {
            TIME_OPENERS.contains(&w.as_str())
                && (i == 0 || matches!(w.as_str(), "then" | "next" | "afterwards" | "later"))
        })
}

fn steps_paragraph(steps: &[RecoveryStep]) -> String {
    let said: Vec<String> = steps
        .iter()
        .filter(|s| !s.is_blank())
        .map(step_sentence)
        .filter(|s| !s.is_empty())
        .collect();
    let n = said.len();
    said.iter()
        .enumerate()
        .map(|(i, s)| {
            let link = match (i, n) {
                (_, 1) => "",
                (0, _) => "First, ",
                (i, n) if i + 1 == n && n >= 3 => "Finally, ",
                _ => "Then ",
            };
            if link.is_empty() || links_itself(s) {
                s.clone()
            } else {
                format!("{link}{}", soften(s))
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(action: &str, who: &str, when: &str) -> RecoveryStep {
        RecoveryStep {
            action: action.into(),
            who: who.into(),
            when: when.into(),
        }
    }

    #[test]
    fn an_edited_answer_is_kept_and_the_generated_one_is_a_click_away() {
        let mut story = Story {
            title: "Flood".into(),
            summary: "A burst pipe flooded our store the night before an audit.".into(),
            lesson: "Drills beat plans.".into(),
            ..Story::default()
        };
        let generated = story.assemble();
        assert_eq!(story.answer_text(), generated);
        story.start_editing_answer();
        assert_eq!(story.edited_answer, generated);
        assert!(!story.edited_answer_is_behind());
        story.edited_answer =
            "A burst pipe flooded our store. I learned that drills beat plans.".into();
        assert_eq!(story.answer_text(), story.edited_answer);
        assert!(story
            .to_text()
            .contains("I learned that drills beat plans."));
        assert!(story
            .to_markdown()
            .contains("I learned that drills beat plans."));
        // Back to the generated answer: the edit is kept, not thrown away.
        story.show_generated = true;
        assert_eq!(story.answer_text(), generated);
        assert!(story.edited_answer.contains("drills beat plans"));
        // Editing again brings the edit back as it was.
        story.start_editing_answer();
        assert!(story
            .answer_text()
            .starts_with("A burst pipe flooded our store. I learned"));
        // A step changed since the edit: the edited text is behind it, and says so.
        story.lesson = "Practice beats plans.".into();
        assert!(story.edited_answer_is_behind());
        // An edit emptied by hand is no edit.
        story.edited_answer = "  ".into();
        assert!(!story.uses_edited_answer());
        assert_eq!(story.answer_text(), story.assemble());
    }

    #[test]
    fn a_step_that_says_when_it_came_gets_no_second_link() {
        let steps = [
            step("I switched the pumps", "", ""),
            step("I then gave our support team the pump numbers", "", ""),
            step("We next asked the vendor for a fix", "", ""),
        ];
        let text = steps_paragraph(&steps);
        assert!(!text.contains("Then I then"), "{text}");
        assert!(!text.contains("Finally, we next"), "{text}");
        assert!(text.starts_with("First, I switched"), "{text}");
        assert!(text.contains("I then gave"), "{text}");
        // A step with no time word of its own still gets its link.
        let plain = steps_paragraph(
            &steps[..1]
                .iter()
                .chain([&step("I called the vendor", "", "")])
                .cloned()
                .collect::<Vec<_>>(),
        );
        assert!(plain.contains("Then I called the vendor"), "{plain}");
    }

    #[test]
    fn a_step_reads_as_one_sentence() {
        let s = step(
            "rolled back the release",
            "The on-call engineer",
            "15 minutes",
        );
        assert_eq!(
            step_sentence(&s),
            "I rolled back the release with the on-call engineer within 15 minutes."
        );
        assert_eq!(
            step_sentence(&step("I called the vendor.", "", "the same evening.")),
            "I called the vendor the same evening."
        );
        assert_eq!(
            step_sentence(&step("Fred called the vendor", "", "")),
            "Fred called the vendor."
        );
        assert_eq!(
            step_sentence(&step("  asked  Maria\tfor logs ", "", "")),
            "I asked Maria for logs."
        );
        assert_eq!(
            step_sentence(&step("", "with Ana", "by noon")),
            "With Ana by noon."
        );
        assert_eq!(
            step_sentence(&step("Wrote a fix", "together with QA", "within 2 hours")),
            "I wrote a fix, together with QA, within 2 hours."
        );
    }

    #[test]
    fn a_step_names_a_person_or_a_time_once() {
        assert_eq!(
            step_sentence(&step(
                "I paged the on-call engineer at 3:40 pm",
                "the on-call engineer",
                "at 3:40 pm"
            )),
            "I paged the on-call engineer at 3:40 pm."
        );
        assert_eq!(
            step_sentence(&step(
                "I called Priya",
                "Priya from billing",
                "within 5 minutes"
            )),
            "I called Priya within 5 minutes."
        );
    }

    #[test]
    fn a_sentence_said_twice_is_said_once() {
        let story = Story {
            summary: "A failover left 12% of checkouts failing for two hours.".into(),
            context: "A failover left 12% of checkouts failing for two hours. We served 8,000 orders a day.".into(),
            ..Story::default()
        };
        assert_eq!(
            story.assemble(),
            "A failover left 12% of checkouts failing for two hours.\n\nWe served 8,000 orders a day."
        );
    }

    #[test]
    fn sentences_close_once() {
        assert_eq!(sentence("it failed.."), "It failed.");
        assert_eq!(sentence("it failed,"), "It failed.");
        assert_eq!(sentence("did it fail?"), "Did it fail?");
        assert_eq!(sentence("iPhone sales fell"), "iPhone sales fell.");
        assert_eq!(sentence("She said \"wait.\""), "She said \"wait.\"");
        assert_eq!(sentence(""), "");
    }
}
