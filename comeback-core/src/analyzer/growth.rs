//! Key 5: growth. A specific lesson ("I learned a lot" is not one) and how the speaker works
//! differently since.

use super::engine::{key_verdict, missing, Doc, Sent};
use super::lexicon::Cat;
use super::report::{AnswerPart, KeyVerdict, Severity};
use crate::Key;

/// Small words that carry no content of their own.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "to",
    "of",
    "and",
    "or",
    "that",
    "this",
    "it",
    "is",
    "was",
    "be",
    "been",
    "i",
    "me",
    "my",
    "we",
    "our",
    "you",
    "your",
    "about",
    "from",
    "in",
    "on",
    "at",
    "for",
    "with",
    "so",
    "how",
    "what",
    "really",
    "very",
    "just",
    "also",
    "as",
    "by",
    "are",
    "were",
    "more",
    "much",
    "lot",
    "lots",
    "things",
    "thing",
    "some",
    "lesson",
    "lessons",
    "valuable",
    "important",
    "importance",
    "experience",
    "myself",
    "well",
    "better",
    "value",
];

/// Abstract words that, alone, make a lesson generic ("the importance of communication").
const ABSTRACT: &[&str] = &[
    "communication",
    "teamwork",
    "planning",
    "patience",
    "resilience",
    "organisation",
    "organization",
    "leadership",
    "perseverance",
    "preparation",
    "flexibility",
    "honesty",
    "hard",
    "work",
    "careful",
    "improve",
    "grow",
    "grew",
    "growth",
    "mistakes",
    "mistake",
    "failure",
    "failures",
    "humility",
    "listening",
    "feedback",
    "adaptability",
    "ownership",
    "responsibility",
    "positive",
    "attitude",
    "people",
    "others",
    "team",
    "calm",
    "pressure",
    "stay",
    "staying",
    "focused",
    "organised",
    "organized",
    "proactive",
    "carefully",
    "detail",
    "details",
    "attention",
    "communicate",
    "communicating",
    "prepared",
    "things",
    "can",
    "go",
    "wrong",
    "key",
    "everything",
    "always",
    "matters",
    "it's",
    "is",
    "stronger",
    "person",
    "manager",
    "professional",
    "help",
    "asking",
    "trust",
    "honest",
    "open",
    "confident",
    "confidence",
    "humble",
    "learning",
    "learn",
    "learned",
    "learnt",
    "handle",
    "deal",
];

/// A sentence and the token range of the words that show something.
type Quoted<'d> = Option<(&'d Sent, usize, usize)>;

/// Whether the words after a lesson cue (tokens `from..`) say something specific.
fn specific_after(doc: &Doc, s: &Sent, from: usize) -> bool {
    specific_in(doc, s, from, doc.toks(s).len())
}

/// Whether tokens `from..to` say something specific: at least three content words, two of them
/// not abstract virtues.
fn specific_in(doc: &Doc, s: &Sent, from: usize, to: usize) -> bool {
    let toks = doc.toks(s);
    let generic: Vec<_> = s.hits_of(Cat::GenericLesson).collect();
    let content: Vec<&str> = toks
        .iter()
        .enumerate()
        .take(to)
        .skip(from)
        .filter(|(k, _)| !generic.iter().any(|g| g.start <= *k && *k < g.end))
        .map(|(_, t)| t.norm.as_str())
        .filter(|w| !STOP.contains(w))
        .collect();
    content.len() >= 3 && content.iter().filter(|w| !ABSTRACT.contains(w)).count() >= 2
}

/// Present-tense verbs that make a sentence a general statement ("a plan is only as good as ...").
const PRESENT: &[&str] = &[
    "is", "are", "isn't", "aren't", "matters", "means", "needs", "beats", "pays", "costs", "works",
    "comes", "tells", "saves", "protects", "breaks", "fails", "can", "can't", "cannot", "won't",
    "depends", "starts", "counts", "wins", "hides", "hurts",
];

/// Words that make a stretch of a sentence the speaker's story rather than a general statement.
const NARRATIVE: &[&str] = &[
    "i", "me", "my", "we", "our", "us", "i'm", "i've", "i'd", "i'll", "myself", "was", "were",
    "had", "did",
];

/// Whether tokens `from..to` are a lesson told as a general statement in the present tense ("a
/// plan is only as good as its weakest assumption"): no "I" or "we", no past tense, something specific.
fn maxim(doc: &Doc, s: &Sent, from: usize, to: usize) -> bool {
    let toks = doc.toks(s);
    let Some(words) = toks.get(from..to) else {
        return false;
    };
    words.len() >= 5
        && words.iter().any(|t| PRESENT.contains(&t.norm.as_str()))
        && !words.iter().any(|t| NARRATIVE.contains(&t.norm.as_str()))
        && specific_in(doc, s, from, to)
}

/// The first change cue in a sentence, as a token index.
fn change_at(s: &Sent) -> Option<usize> {
    s.hits_of(Cat::Change).next().map(|h| h.start)
}

/// A lesson told without a lesson cue, next to the changed habit: a general statement before it
/// ("A supplier's silence is a warning sign. Now I ...", "A plan is only as good as its weakest
/// assumption, so I now ..."), or the reason given with it ("..., because a missed delivery was
/// the first sign last time").
fn implicit_lesson<'d>(doc: &'d Doc) -> Quoted<'d> {
    let late = doc
        .sents
        .iter()
        .position(|s| {
            matches!(
                s.part,
                AnswerPart::Recovery | AnswerPart::Immediate | AnswerPart::LongTerm
            )
        })
        .unwrap_or(usize::MAX);
    for (i, s) in doc.sents.iter().enumerate() {
        if s.part != AnswerPart::Change || i <= late {
            continue;
        }
        let toks = doc.toks(s);
        let at = change_at(s).unwrap_or(0);
        // The statement before "so I now", in the same sentence.
        let so = toks[..at]
            .iter()
            .rposition(|t| matches!(t.norm.as_str(), "so" | "which" | "and"))
            .unwrap_or(at);
        if so > 0 && maxim(doc, s, 0, so) {
            return Some((s, 0, so));
        }
        // The reason given with the habit.
        if let Some(b) = toks.iter().position(|t| t.norm == "because") {
            if b > at && specific_after(doc, s, b + 1) {
                return Some((s, b, toks.len()));
            }
        }
        // The sentence just before the habit.
        if let Some(p) = i.checked_sub(1).and_then(|j| doc.sents.get(j)) {
            if i - 1 > late && p.part != AnswerPart::Change && maxim(doc, p, 0, doc.toks(p).len()) {
                return Some((p, 0, doc.toks(p).len()));
            }
        }
    }
    None
}

/// The first specific lesson, with the words; `generic` gets the first generic one.
fn lesson<'d>(doc: &'d Doc) -> (Quoted<'d>, Quoted<'d>) {
    let mut generic = None;
    for s in doc.in_parts(&[AnswerPart::Lesson]) {
        let cue = s.hits_of(Cat::Lesson).next();
        let from = match cue {
            Some(h) => h.end,
            None if doc.structured => 0,
            None => continue,
        };
        let start = cue.map_or(0, |h| h.start);
        let end = doc.toks(s).len();
        if specific_after(doc, s, from) {
            return (Some((s, start, end)), generic);
        }
        if generic.is_none() {
            generic = Some((s, start, end));
        }
    }
    if !doc.structured && generic.is_none() {
        if let Some(q) = implicit_lesson(doc) {
            return (Some(q), None);
        }
    }
    (None, generic)
}

/// The first sentence that tells how the speaker works differently now.
fn change<'d>(doc: &'d Doc) -> Option<(&'d Sent, usize, usize)> {
    if doc.structured {
        return doc
            .in_parts(&[AnswerPart::Change])
            .find(|s| doc.toks(s).len() >= 3)
            .map(|s| (s, 0, doc.toks(s).len()));
    }
    for s in doc.in_parts(&[AnswerPart::Change]) {
        if s.first_person {
            let start = s.hits_of(Cat::Change).next().map_or(0, |h| h.start);
            return Some((s, start, doc.toks(s).len()));
        }
    }
    // "I learned to prototype the riskiest part before I promise a date" is a lesson and a habit.
    for s in doc.in_parts(&[AnswerPart::Lesson]) {
        let toks = doc.toks(s);
        for h in s.hits_of(Cat::Lesson) {
            let to = toks
                .get(h.end.saturating_sub(1))
                .is_some_and(|t| t.norm == "to")
                || toks.get(h.end).is_some_and(|t| t.norm == "to");
            // "That experience changed how I plan: I keep two weeks of buffer stock."
            let changed = toks[h.start..h.end].iter().any(|t| t.norm == "changed");
            if (to || changed) && specific_after(doc, s, h.end) {
                return Some((s, h.start, toks.len()));
            }
        }
        if s.has(Cat::Change) && s.first_person {
            if let Some(h) = s.hits_of(Cat::Change).next() {
                return Some((s, h.start, toks.len()));
            }
        }
    }
    None
}

/// The verdict on key 5.
pub(crate) fn verdict(doc: &Doc) -> KeyVerdict {
    let key = Key::Growth;
    let mut findings = Vec::new();
    let (specific, generic) = lesson(doc);
    let habit = change(doc);
    if let Some((s, a, b)) = specific {
        findings.push(doc.finding(
            key,
            "growth-lesson",
            Severity::Info,
            "A specific lesson.",
            s,
            a,
            b,
        ));
    }
    if let Some((s, a, b)) = habit {
        findings.push(doc.finding(
            key,
            "growth-change",
            Severity::Info,
            "How you work differently now.",
            s,
            a,
            b,
        ));
    }
    let gentle = doc.structured;
    if specific.is_none() {
        match generic {
            Some((s, a, b)) => findings.push(doc.finding(
                key,
                "growth-generic-lesson",
                Severity::Problem,
                "This lesson is too general. Say exactly what you learned, in one sentence someone could act on.",
                s,
                a,
                b,
            )),
            None => findings.push(missing(
                key,
                "growth-no-lesson",
                if gentle { Severity::Info } else { Severity::Problem },
                "Add the lesson: the specific thing this taught you.",
            )),
        }
    }
    if habit.is_none() {
        findings.push(missing(
            key,
            "growth-no-change",
            if gentle {
                Severity::Info
            } else {
                Severity::Problem
            },
            "Add how you work differently since: \"Now I ...\".",
        ));
    }
    let met = specific.is_some() && habit.is_some();
    let status = match (specific.is_some(), habit.is_some(), generic.is_some()) {
        (true, true, _) => "Met: a specific lesson and a changed habit.",
        (false, _, true) => "Missing: the lesson is too general.",
        (false, true, false) => "Missing: the lesson itself.",
        (true, false, _) => "Missing: how you work differently now.",
        (false, false, false) if gentle => "Add the lesson and how you work differently now.",
        (false, false, false) => "Missing: the lesson and the change in how you work.",
    };
    key_verdict(key, met, status, findings)
}

#[cfg(test)]
mod tests {
    use crate::analyzer::analyze_answer;
    use crate::Key;

    #[test]
    fn i_learned_a_lot_is_generic() {
        let r = analyze_answer(
            "The release failed. I learned a lot. Now I test more.",
            None,
        );
        let k = r.key(Key::Growth);
        assert!(!k.met);
        let f = k
            .findings
            .iter()
            .find(|f| f.rule == "growth-generic-lesson")
            .expect("generic");
        assert_eq!(f.quote, "I learned a lot");
    }

    #[test]
    fn specific_lesson_with_habit() {
        let r = analyze_answer(
            "The release failed. I learned to prototype the riskiest part before I promise a date.",
            None,
        );
        assert!(r.key(Key::Growth).met, "{:?}", r.key(Key::Growth));
    }
}
