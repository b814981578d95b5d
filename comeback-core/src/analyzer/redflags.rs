//! Key 1 and the red flags: risky topics (poor judgment, basic skills, conflict, ethics, blame),
//! overlap with the target role's core skills, and answers with no real failure in them.

use super::engine::{key_verdict, missing, Doc, Sent};
use super::lexicon::Cat;
use super::report::{AnswerPart, Finding, KeyVerdict, RedFlag, RedFlagHit, Severity};
use crate::{FailureCategory, Key};

/// Parts that tell what happened; the lesson and the change often name the bad habit to deny it.
const STORY_PARTS: &[AnswerPart] = &[
    AnswerPart::Failure,
    AnswerPart::Context,
    AnswerPart::Recovery,
    AnswerPart::Immediate,
    AnswerPart::Other,
];

/// Words that, with "I" or "my" in the same sentence, make a core skill the speaker's own slip.
const SLIP_WORDS: &[&str] = &[
    "mistake",
    "mistakes",
    "error",
    "errors",
    "wrong",
    "wrongly",
    "forgot",
    "forgotten",
    "missed",
    "messed",
    "mixed",
    "misread",
    "miscalculated",
    "overlooked",
    "botched",
    "ruined",
    "incorrect",
    "incorrectly",
    "slip",
    "blunder",
    "careless",
    "neglected",
    "failed",
    "mislabelled",
    "mislabeled",
    "miscounted",
    "assumed",
    "misjudged",
];

fn flag_of(cat: Cat) -> Option<RedFlag> {
    Some(match cat {
        Cat::PoorJudgment => RedFlag::PoorJudgment,
        Cat::BasicSkills => RedFlag::BasicSkills,
        Cat::Conflict => RedFlag::InterpersonalConflict,
        Cat::Ethics => RedFlag::Ethics,
        Cat::Blame => RedFlag::BlameShifting,
        _ => return None,
    })
}

fn message(flag: RedFlag) -> &'static str {
    match flag {
        RedFlag::PoorJudgment => "This reads as a poor judgment call. Pick a failure with an outside or unexpected cause, or show the reasoning that made the call sensible at the time.",
        RedFlag::BasicSkills => "This suggests a gap in the everyday skills of the job. Choose a failure that does not question the basics.",
        RedFlag::InterpersonalConflict => "A clash with a colleague worries interviewers. Choose a failure about the work, not about people.",
        RedFlag::Ethics => "Anything touching honesty or rules is hard to recover from in an interview. Choose another failure.",
        RedFlag::CoreCompetency => "This failure sits at the core of the role you want. Choose one outside the role's core skills.",
        RedFlag::BlameShifting => "This puts the failure on others. Say what part you played and what you did about it.",
    }
}

/// Whether a blame phrase is really about accepting blame ("I took the blame", "they blamed me").
fn blame_accepted(doc: &Doc, s: &Sent, start: usize, end: usize) -> bool {
    let toks = doc.toks(s);
    let before = start
        .checked_sub(1)
        .and_then(|i| toks.get(i))
        .map(|t| t.norm.as_str());
    let before2 = start
        .checked_sub(2)
        .and_then(|i| toks.get(i))
        .map(|t| t.norm.as_str());
    let after = toks.get(end).map(|t| t.norm.as_str());
    let taking = [
        "took",
        "take",
        "taking",
        "accepted",
        "accept",
        "shouldered",
        "own",
        "owned",
        "my",
        "the",
    ];
    before.is_some_and(|b| taking.contains(&b))
        && before2.is_some_and(|b| taking.contains(&b) || b == "i")
        || matches!(
            after,
            Some("me" | "myself" | "culture" | "game" | "free" | "anyone" | "nobody")
        )
        || before.is_some_and(|b| matches!(b, "took" | "take" | "accepted" | "shouldered"))
}

/// Whether a self-critical blame phrase ("dropped the ball", "should have caught it") has the
/// speaker, or "we", as its subject: then it owns the failure instead of shifting it.
fn owned_by_speaker(toks: &[super::text::Token], start: usize, end: usize) -> bool {
    let phrase = toks.get(start..end).unwrap_or(&[]);
    let self_critical = phrase.first().is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "dropped" | "should" | "should've" | "didn't" | "did"
        )
    }) && !phrase
        .iter()
        .any(|t| matches!(t.norm.as_str(), "me" | "told" | "warned"));
    self_critical && blame_subject(toks, start) == Some(true)
}

/// The subject nearest before a blame phrase: `Some(true)` for "I" or "we", `Some(false)` for
/// someone else, `None` when none is named.
fn blame_subject(toks: &[super::text::Token], start: usize) -> Option<bool> {
    if third_party(toks, start) {
        return Some(false);
    }
    toks[..start.min(toks.len())]
        .iter()
        .rev()
        .take(8)
        .find_map(|p| match p.norm.as_str() {
            "i" | "we" | "i'd" | "we'd" => Some(true),
            "they" | "he" | "she" | "team" | "manager" | "boss" | "someone" => Some(false),
            _ => None,
        })
}

/// Words that never name a subject: determiners, prepositions, conjunctions, pronouns,
/// auxiliaries and common adverbs.
const FUNCTION: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "my",
    "our",
    "your",
    "their",
    "his",
    "her",
    "its",
    "to",
    "of",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "into",
    "about",
    "over",
    "and",
    "but",
    "or",
    "so",
    "then",
    "also",
    "just",
    "still",
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "did",
    "do",
    "does",
    "not",
    "never",
    "even",
    "only",
    "again",
    "once",
    "already",
    "later",
    "i",
    "we",
    "you",
    "they",
    "he",
    "she",
    "it",
    "me",
    "us",
    "him",
    "them",
    "who",
    "which",
    "when",
    "because",
    "after",
    "before",
    "while",
    "if",
    "as",
    "until",
    "i'd",
    "i've",
    "i'm",
    "we'd",
    "we'd",
    "i'll",
    "myself",
    "what",
    "how",
    "why",
    "where",
    "there",
    "here",
    "all",
    "both",
    "each",
    "every",
    "some",
    "any",
    "no",
    "one",
    "two",
    "first",
    "next",
    "last",
    "very",
    "too",
    "much",
    "more",
    "most",
    "quite",
    "pretty",
    "that's",
    "it's",
    "would",
    "could",
    "should",
    "will",
    "can",
    "might",
    "may",
    "must",
    "now",
    "soon",
    "anyway",
    "honestly",
    "frankly",
    "basically",
    "actually",
    "day",
    "week",
    "night",
    "morning",
    "time",
    "year",
    "month",
    "shift",
    "up",
    "out",
    "off",
    "down",
    "back",
    "away",
    "instead",
    "like",
    "bit",
    "lot",
    "while",
    "moment",
    "minute",
    "ago",
    "earlier",
    "well",
    "panic",
    "yet",
];

/// Auxiliaries and linking verbs: a noun right before one is the subject of its clause
/// ("the label was wrong", "half my class had failed", "the printer kept jamming").
const AUX: &[&str] = &[
    "was", "were", "had", "has", "is", "are", "kept", "started", "began", "would", "could", "did",
    "got", "went", "seemed", "turned",
];

/// Verbs of finding: what follows is what the speaker found, not what they did
/// ("I noticed the pump was showing errors", "I caught a wrong dose on a colleague's chart").
const DETECT: &[&str] = &[
    "noticed",
    "spotted",
    "caught",
    "found",
    "saw",
    "discovered",
    "flagged",
    "reported",
    "queried",
    "questioned",
    "quarantined",
    "noticing",
    "spotting",
    "catching",
    "finding",
    "corrected",
    "intercepted",
    "double-checked",
    "picked",
];

/// Whether a token can be the noun that heads a subject ("vendor", "nurse", "Priya").
fn noun_like(t: &super::text::Token) -> bool {
    !t.numeric && !t.norm.ends_with("ly") && !FUNCTION.contains(&t.norm.as_str())
}

/// Whether the word before token `k` (past adverbs and auxiliaries) is someone else: a noun
/// ("a vendor misled us", "an agency nurse had backdated") or a third-person pronoun.
fn third_party(toks: &[super::text::Token], k: usize) -> bool {
    // Only a phrase that opens with a verb ("misled", "decided") takes the word before as its
    // subject; "as if", "a lie", "on their own" do not.
    if toks.get(k).is_none_or(|t| !noun_like(t)) {
        return false;
    }
    let mut i = k.min(toks.len());
    let mut steps = 0;
    while i > 0 && steps < 4 {
        i -= 1;
        steps += 1;
        let w = toks[i].norm.as_str();
        if w.ends_with("ly")
            || matches!(
                w,
                "had"
                    | "has"
                    | "have"
                    | "then"
                    | "also"
                    | "just"
                    | "later"
                    | "been"
                    | "once"
                    | "already"
                    | "still"
                    | "even"
            )
        {
            continue;
        }
        return matches!(
            w,
            "he" | "she" | "they" | "someone" | "somebody" | "he'd" | "she'd" | "they'd"
        ) || noun_like(&toks[i]);
    }
    false
}

/// Conflict words that are about people only when a person follows ("argued with my manager",
/// not "argued for a delay"; "clashed with a colleague", not "clashed with a marathon").
const PERSON_NEEDED: &[&str] = &[
    "argued",
    "arguing",
    "argument",
    "clashed",
    "clash",
    "clashes",
    "disagreed",
    "disagreement",
    "conflict",
    "tension",
    "friction",
    "fight",
    "fought",
    "feud",
    "fell",
    "falling",
    "bluntly",
];

/// Words naming a person a conflict can be with.
const PERSON: &[&str] = &[
    "him",
    "her",
    "them",
    "he",
    "she",
    "they",
    "colleague",
    "colleagues",
    "manager",
    "boss",
    "teammate",
    "teammates",
    "coworker",
    "co-worker",
    "director",
    "lead",
    "supervisor",
    "chef",
    "nurse",
    "doctor",
    "client",
    "customer",
    "engineer",
    "designer",
    "head",
    "ceo",
    "partner",
    "reviewer",
    "sous",
    "consultant",
    "registrar",
    "teacher",
    "parent",
    "staff",
    "each",
];

/// Words that tell a disagreement was settled well.
const RESOLVED: &[&str] = &[
    "resolved",
    "agreed",
    "compromise",
    "together",
    "settled",
    "common",
    "heard",
];

/// Whether a conflict phrase is about a clash with a person, not settled in the same sentence.
fn personal_conflict(toks: &[super::text::Token], start: usize, end: usize) -> bool {
    if toks
        .get(start..end)
        .is_some_and(|p| p.iter().any(|t| t.norm == "step" || t.norm == "intervene"))
    {
        // "Our manager had to step in": someone in charge broke up a clash; "I had to step in and
        // cover" is not one.
        return toks[start.saturating_sub(3)..start].iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "manager"
                    | "boss"
                    | "hr"
                    | "director"
                    | "supervisor"
                    | "head"
                    | "lead"
                    | "principal"
                    | "headteacher"
            )
        });
    }
    let phrase = toks.get(start..end).unwrap_or(&[]);
    if !phrase
        .iter()
        .any(|t| PERSON_NEEDED.contains(&t.norm.as_str()))
    {
        return true;
    }
    if toks.iter().any(|t| RESOLVED.contains(&t.norm.as_str())) {
        return false;
    }
    if phrase.iter().any(|t| t.norm == "bluntly") {
        return toks
            .iter()
            .any(|t| matches!(t.norm.as_str(), "him" | "her" | "them"));
    }
    toks.get(end..(end + 5).min(toks.len()))
        .is_some_and(|w| w.iter().any(|t| PERSON.contains(&t.norm.as_str())))
}

/// The red flags raised by the text, each with its evidence.
pub(crate) fn red_flags(doc: &Doc) -> Vec<RedFlagHit> {
    let mut evidence: Vec<(RedFlag, Finding)> = Vec::new();
    // Blame phrases that, alone, may only tell an outside cause: (phrase words, finding).
    let mut weak_blame: Vec<(String, Finding)> = Vec::new();
    let excused = strong_outside_cause(doc);
    for s in doc.in_parts(STORY_PARTS) {
        let toks = doc.toks(s);
        for h in s.hits.iter().filter(|h| !h.negated) {
            let weak = h.cat == Cat::BlameWeak;
            let Some(flag) = flag_of(if weak { Cat::Blame } else { h.cat }) else {
                continue;
            };
            let mut weak = weak;
            match flag {
                // "I dropped the ball" owns it; only someone else's failure shifts blame.
                RedFlag::BlameShifting
                    if blame_accepted(doc, s, h.start, h.end)
                        || owned_by_speaker(toks, h.start, h.end) =>
                {
                    continue;
                }
                RedFlag::BlameShifting => {
                    // "Should have caught it" with nobody named is only half a charge.
                    let should = toks.get(h.start).is_some_and(|t| t.norm == "should");
                    if should && blame_subject(toks, h.start).is_none() {
                        weak = true;
                    }
                }
                RedFlag::PoorJudgment | RedFlag::BasicSkills => {
                    // The call that caused the failure, not a step of the recovery.
                    let cause_part = matches!(
                        s.part,
                        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
                    );
                    if !cause_part
                        || !by_speaker(toks, h.start, h.end)
                        || third_party(toks, h.start)
                        || !left_alone(toks, h.start, h.end)
                    {
                        continue;
                    }
                }
                // Someone else's wrongdoing ("a vendor misled us") is not the speaker's.
                RedFlag::Ethics if third_party(toks, h.start) => continue,
                RedFlag::InterpersonalConflict if !personal_conflict(toks, h.start, h.end) => {
                    continue;
                }
                _ => {}
            }
            let f = doc.finding(
                Key::Choice,
                flag.rule(),
                Severity::Warn,
                message(flag),
                s,
                h.start,
                h.end,
            );
            if weak {
                let words: Vec<&str> = toks[h.start..h.end]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect();
                weak_blame.push((words.join(" "), f));
            } else {
                evidence.push((flag, f));
            }
        }
        if let Some((flag, a, b)) = told_in_plain_words(doc, s) {
            if !evidence.iter().any(|(f, _)| *f == flag) {
                evidence.push((
                    flag,
                    doc.finding(
                        Key::Choice,
                        flag.rule(),
                        Severity::Warn,
                        message(flag),
                        s,
                        a,
                        b,
                    ),
                ));
            }
        }
        if let Some(role) = doc.role {
            if let Some(f) = core_competency(doc, s, role, excused) {
                evidence.push((RedFlag::CoreCompetency, f));
            }
        }
    }
    // Weak blame counts with a strong phrase, or when two different ones point at others.
    let strong_blame = evidence.iter().any(|(f, _)| *f == RedFlag::BlameShifting);
    let distinct = {
        let mut w: Vec<&str> = weak_blame.iter().map(|(p, _)| p.as_str()).collect();
        w.sort_unstable();
        w.dedup();
        w.len()
    };
    if strong_blame || distinct >= 2 {
        evidence.extend(
            weak_blame
                .into_iter()
                .map(|(_, f)| (RedFlag::BlameShifting, f)),
        );
    }
    if doc.structured {
        let by_category = match doc.category {
            FailureCategory::PoorJudgment => Some(RedFlag::PoorJudgment),
            FailureCategory::BasicSkills => Some(RedFlag::BasicSkills),
            FailureCategory::Conflict => Some(RedFlag::InterpersonalConflict),
            FailureCategory::Ethics => Some(RedFlag::Ethics),
            FailureCategory::CoreOfRole => Some(RedFlag::CoreCompetency),
            _ => None,
        };
        if let Some(flag) = by_category {
            evidence.push((
                flag,
                missing(
                    Key::Choice,
                    "choice-risky-category",
                    Severity::Warn,
                    "The category you chose is risky material. If you can, pick a failure with an outside or unexpected cause.",
                ),
            ));
        }
    }
    let mut out: Vec<RedFlagHit> = Vec::new();
    for flag in RedFlag::ALL {
        let ev: Vec<Finding> = evidence
            .iter()
            .filter(|(f, _)| *f == flag)
            .map(|(_, e)| e.clone())
            .take(5)
            .collect();
        if !ev.is_empty() {
            out.push(RedFlagHit {
                flag,
                label: flag.label().to_string(),
                evidence: ev,
            });
        }
    }
    out
}

/// A risky act told without a tell-tale phrase, found from two halves in one sentence: a decision
/// of the speaker's with a word of defiance ("I made the call to pour anyway": poor judgment), or a
/// record the speaker changed with what it was made to show ("marked them as complete with the old
/// dates": ethics). Returns the flag and the token range to quote.
fn told_in_plain_words(doc: &Doc, s: &Sent) -> Option<(RedFlag, usize, usize)> {
    let toks = doc.toks(s);
    let pair = |act: Cat, why: Cat| {
        let h = s
            .hits_of(act)
            .find(|h| by_speaker(toks, h.start, h.end) && !third_party(toks, h.start))?;
        let w = s.hits_of(why).find(|w| w.end > h.start)?;
        // Both halves close together, in the same stretch of the sentence.
        (w.start.saturating_sub(h.end) <= 14).then_some((h.start.min(w.start), w.end.max(h.end)))
    };
    if let Some((a, b)) = pair(Cat::FalsifyAct, Cat::FalsifyPurpose) {
        return Some((RedFlag::Ethics, a, b));
    }
    // "To save time, I split the team" in a recovery is a sensible call: only the story of the
    // failure itself is read for recklessness.
    if matches!(
        s.part,
        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
    ) {
        if let Some((a, b)) = pair(Cat::RiskyDecision, Cat::Defiance) {
            return Some((RedFlag::PoorJudgment, a, b));
        }
    }
    None
}

/// Outside causes too common to excuse a slip on their own ("supplier", "system").
const WEAK_OUTSIDE: &[&str] = &[
    "supplier",
    "suppliers",
    "vendor",
    "vendors",
    "server",
    "servers",
    "database",
    "network",
    "hardware",
    "machine",
    "equipment",
    "software",
    "system",
    "api",
    "library",
    "dependency",
    "estimate",
    "estimates",
    "complex",
    "complexity",
    "underestimated",
    "provider",
    "delivery",
    "shipment",
    "truck",
    "prices",
    "price",
    "currency",
    "platform",
    "update",
    "updates",
    "van",
    "decided",
    "changed",
    "legacy",
    "inherited",
    "hard",
    "disk",
    "bug",
    "outage",
    "first",
];

/// Whether a sentence names a clear outside cause ("the pandemic hit", "a water main burst").
pub(crate) fn strong_outside_hit(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    s.hits_of(Cat::OutsideCause).any(|h| {
        h.end - h.start > 1
            || toks
                .get(h.start)
                .is_some_and(|t| !WEAK_OUTSIDE.contains(&t.norm.as_str()))
    })
}

/// Whether the failure has a clear outside cause, which makes a core-skill slip a consequence.
fn strong_outside_cause(doc: &Doc) -> bool {
    doc.in_parts(&[AnswerPart::Failure, AnswerPart::Context])
        .any(|s| strong_outside_hit(doc, s))
}

/// Phrases by which the speaker owns a slip.
const OWNING: &[&[&str]] = &[
    &["on", "me"],
    &["my", "fault"],
    &["my", "mistake"],
    &["my", "error"],
    &["was", "mine"],
    &["my", "slip"],
    &["lost", "track"],
];

/// Who is the subject nearest before token `k`, in the same clause and at most fourteen words
/// back: `Some(true)` for the speaker, `Some(false)` for anyone else, `None` when there is none.
fn speaker_subject(toks: &[super::text::Token], k: usize) -> Option<bool> {
    let from = k.saturating_sub(14);
    for i in (from..k.min(toks.len())).rev() {
        // "... and the label was wrong": a new clause with a subject of its own.
        if clause_break(toks, i) {
            return Some(false);
        }
        let w = toks[i].norm.as_str();
        match w {
            "i" | "i'd" | "i've" | "i'm" | "myself" => return Some(true),
            "we" | "they" | "he" | "she" | "it" | "who" | "which" | "someone" | "you" | "when"
            | "because" | "while" | "after" | "that" | "before" | "until" | "if" | "we'd"
            | "they'd" | "he'd" | "she'd" | "we've" | "they've" => return Some(false),
            _ => {}
        }
        // "the pump was showing errors", "half my class had failed": a noun before an auxiliary.
        if AUX.contains(&w) && i > 0 && noun_like(&toks[i - 1]) {
            return Some(false);
        }
        // "I noticed the pump ...": what follows a verb of finding is what the speaker found.
        if DETECT.contains(&w) {
            return Some(false);
        }
    }
    None
}

/// Whether token `k` opens a new clause with a subject of its own ("and the pharmacy", "but our").
pub(crate) fn clause_break(toks: &[super::text::Token], k: usize) -> bool {
    toks.get(k)
        .is_some_and(|t| matches!(t.norm.as_str(), "and" | "but" | "so" | "then" | "while"))
        && toks.get(k + 1).is_some_and(|n| {
            matches!(
                n.norm.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "our"
                    | "their"
                    | "his"
                    | "her"
                    | "its"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "my"
            )
        })
}

/// Whether "unattended" or "unsupervised" tells people or things the speaker left alone ("I left
/// the stall unattended"), not something found that way ("I found an unattended pallet"). Other
/// phrases pass.
fn left_alone(toks: &[super::text::Token], start: usize, end: usize) -> bool {
    let needs_left = toks.get(start..end).is_some_and(|p| {
        p.iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "unattended" | "unsupervised" | "supervision"
            )
        })
    });
    !needs_left
        || toks[start.saturating_sub(6)..start]
            .iter()
            .any(|t| matches!(t.norm.as_str(), "left" | "leaving" | "leave" | "let"))
}

/// Whether a risky phrase tells something the speaker did ("I skipped", "my writing").
fn by_speaker(toks: &[super::text::Token], start: usize, end: usize) -> bool {
    let me = |t: &super::text::Token| {
        matches!(
            t.norm.as_str(),
            "i" | "i'd" | "i've" | "i'm" | "my" | "myself"
        )
    };
    toks.get(start).is_some_and(me)
        || speaker_subject(toks, start) == Some(true)
        // "To save time, I ...": the speaker is the subject of the clause that follows.
        || (start == 0
            && toks
                .get(end..(end + 4).min(toks.len()))
                .is_some_and(|w| w.iter().any(me)))
}

/// The token index of the speaker's own slip in a sentence ("I missed", "my mistake", "on me").
pub(crate) fn speaker_slip(doc: &Doc, s: &Sent) -> Option<usize> {
    let toks = doc.toks(s);
    for (k, t) in toks.iter().enumerate() {
        if OWNING.iter().any(|p| {
            toks.len() >= k + p.len() && p.iter().zip(&toks[k..]).all(|(w, t)| *w == t.norm)
        }) {
            return Some(k);
        }
        static SLIPS: std::sync::OnceLock<super::lexicon::WordSet> = std::sync::OnceLock::new();
        if !super::lexicon::word_set(&SLIPS, SLIP_WORDS).contains(t.norm.as_str()) {
            continue;
        }
        // The nearest subject before the slip, in the same clause and close by, must be the speaker.
        let subject = speaker_subject(toks, k);
        let negated = toks[k.saturating_sub(2)..k]
            .iter()
            .any(|p| super::lexicon::is_negator(&p.norm));
        if subject == Some(true) && !negated {
            return Some(k);
        }
    }
    // A step the speaker left undone: "I didn't check", "I'd never put the date anywhere else".
    s.hits
        .iter()
        .find(|h| {
            h.cat == Cat::Action
                && h.negated
                && toks[h.start.saturating_sub(2)..h.start]
                    .iter()
                    .any(|p| super::lexicon::is_negator(&p.norm))
                && speaker_subject(toks, h.start) == Some(true)
        })
        .map(|h| h.start)
}

/// Slip words too general to tie a failure to a core skill unless they are bound to it ("a
/// reconciliation error", "the wrong dose", "missed a duplicate payment"): "errors" in a story
/// about a supplier's software is not a chef's kitchen failure.
const GENERIC_SLIPS: &[&str] = &[
    "mistake",
    "mistakes",
    "error",
    "errors",
    "wrong",
    "wrongly",
    "incorrect",
    "incorrectly",
    "failed",
    "slip",
    "blunder",
    "careless",
    "missed",
    "assumed",
];

/// Nouns that name an error after the skill they happened in ("a charting error").
const ERROR_NOUNS: &[&str] = &["error", "errors", "mistake", "mistakes", "slip", "blunder"];

/// Whether a slip word is a noun ("error"), which cannot follow its object the way "wrong" can.
fn generic_noun(w: &str) -> bool {
    ERROR_NOUNS.contains(&w) || matches!(w, "missed" | "failed" | "assumed")
}

/// Words that end the phrase a generic slip word governs ("wrong, and the dose ...").
const PHRASE_END: &[&str] = &[
    "and", "but", "so", "because", "when", "while", "which", "that", "was", "were", "is", "are",
    "by", "as", "than", "then", "until", "after", "before", "since", "although", "though",
];

/// Whether token `k` is the speaker's own doing: "my" before it, or the speaker as the nearest
/// subject, with nobody else named just before it.
fn speakers_part(toks: &[super::text::Token], k: usize) -> bool {
    (k > 0 && toks[k - 1].norm == "my")
        || (speaker_subject(toks, k) == Some(true) && !third_party(toks, k))
}

/// Whether tokens `a..b` hold no clause break.
fn same_clause(toks: &[super::text::Token], a: usize, b: usize) -> bool {
    (a..b).all(|i| !clause_break(toks, i))
}

/// A core skill of the target role named as failing in this sentence, told as the speaker's slip:
/// a phrase that names an error on its own ("medication error", "burned the sauce") with the
/// speaker as its subject, or a slip of the speaker's bound to a core skill ("I misread the chart",
/// "the wrong dose", "a reconciliation error", "that was on me, because the prep plan was mine").
/// A generic word ("errors", "mistake") alone is never enough.
fn core_competency(
    doc: &Doc,
    s: &Sent,
    role: &super::roles::Role,
    excused: bool,
) -> Option<Finding> {
    if excused || !STORY_PARTS.contains(&s.part) {
        return None;
    }
    let toks = doc.toks(s);
    let hits = role.core_hits(toks);
    if hits.is_empty() {
        return None;
    }
    let found = |a: usize, b: usize| {
        Some(doc.finding(
            Key::Choice,
            RedFlag::CoreCompetency.rule(),
            Severity::Warn,
            format!("{} ({})", message(RedFlag::CoreCompetency), role.name),
            s,
            a,
            b,
        ))
    };
    for h in hits.iter().filter(|h| h.tag) {
        // "burned out" is tiredness, not a kitchen.
        if toks
            .get(h.end)
            .is_some_and(|t| matches!(t.norm.as_str(), "out" | "through" | "bridges"))
        {
            continue;
        }
        let negated = toks[h.start.saturating_sub(2)..h.start]
            .iter()
            .any(|p| super::lexicon::is_negator(&p.norm));
        let own = speakers_part(toks, h.start)
            || (speaker_subject(toks, h.start).is_none()
                && s.first_person
                && !third_party(toks, h.start));
        if own && !negated {
            return found(h.start, h.end);
        }
    }
    let skills: Vec<_> = hits.iter().filter(|h| !h.tag).collect();
    static SLIPS: std::sync::OnceLock<super::lexicon::WordSet> = std::sync::OnceLock::new();
    let slips = super::lexicon::word_set(&SLIPS, SLIP_WORDS);
    for (k, t) in toks.iter().enumerate() {
        let w = t.norm.as_str();
        let generic = GENERIC_SLIPS.contains(&w);
        // "I didn't check the dose", "never tested it": a step the speaker left undone.
        let omission = s.hits.iter().any(|h| {
            h.cat == Cat::Action
                && h.negated
                && h.start == k
                && toks[k.saturating_sub(2)..k]
                    .iter()
                    .any(|p| super::lexicon::is_negator(&p.norm))
        });
        let owning = OWNING.iter().any(|p| {
            toks.len() >= k + p.len() && p.iter().zip(&toks[k..]).all(|(w, t)| *w == t.norm)
        });
        if !(slips.contains(w) || omission || owning) {
            continue;
        }
        let negated = !omission
            && toks[k.saturating_sub(2)..k]
                .iter()
                .any(|p| super::lexicon::is_negator(&p.norm));
        if negated {
            continue;
        }
        for h in &skills {
            let bound = if generic && !owning {
                // "the wrong dose", "missed a duplicate payment", "a mistake in the reconciliation".
                let before = k < h.start
                    && h.start - k <= 4
                    && toks[k + 1..h.start]
                        .iter()
                        .all(|g| !PHRASE_END.contains(&g.norm.as_str()));
                // "a charting error".
                let compound = h.end == k && ERROR_NOUNS.contains(&w);
                // "my estimate for the migration was wrong".
                let mine = h.start > 0
                    && toks[h.start - 1].norm == "my"
                    && k >= h.end
                    && k - h.end <= 6
                    && toks
                        .get(k.wrapping_sub(1))
                        .is_some_and(|p| matches!(p.norm.as_str(), "was" | "were"))
                    && same_clause(toks, h.end, k);
                if mine {
                    return found(h.start - 1, k + 1);
                }
                // "I got the surcharge load wrong": the object of the speaker's verb, then the slip.
                let object = k >= h.end
                    && k - h.end <= 1
                    && !generic_noun(w)
                    && toks
                        .get(k.wrapping_sub(1))
                        .is_some_and(|p| !matches!(p.norm.as_str(), "was" | "were" | "is" | "are"));
                (before || compound || object)
                    && ((k.min(h.start) > 0 && toks[k.min(h.start) - 1].norm == "my")
                        || speaker_subject(toks, k.min(h.start)) == Some(true))
            } else {
                // A specific slip ("misread", "miscalculated", "on me") near the skill, in the same clause.
                let (a, b) = if k < h.start {
                    (k, h.start)
                } else {
                    (h.end, k)
                };
                b - a <= 8 && same_clause(toks, a, b) && (owning || speakers_part(toks, k))
            };
            if bound {
                return found(k.min(h.start), (k + 1).max(h.end));
            }
        }
    }
    None
}

/// The verdict on key 1.
pub(crate) fn choice_verdict(doc: &Doc, flags: &[RedFlagHit]) -> KeyVerdict {
    let key = Key::Choice;
    let mut findings = Vec::new();
    let story: Vec<&Sent> = doc.in_parts(STORY_PARTS).collect();
    let denial = story
        .iter()
        .find_map(|s| s.hits_of(Cat::Denial).next().map(|h| (*s, *h)));
    if let Some((s, h)) = denial {
        findings.push(doc.finding(
            key,
            "choice-no-failure",
            Severity::Problem,
            "Tell a real failure. A denial or a strength dressed up as a weakness is what interviewers hear most, and trust least.",
            s,
            h.start,
            h.end,
        ));
    }
    let risky: Vec<&RedFlagHit> = flags
        .iter()
        .filter(|h| h.flag != RedFlag::BlameShifting)
        .collect();
    for h in &risky {
        findings.extend(h.evidence.iter().take(2).cloned());
    }
    let has_failure = if doc.structured {
        doc.sents.iter().any(|s| s.part == AnswerPart::Failure)
    } else {
        doc.sents.iter().any(|s| {
            matches!(
                s.part,
                AnswerPart::Failure | AnswerPart::Recovery | AnswerPart::Immediate
            ) || s.has(Cat::Failure)
                || s.has(Cat::VagueOutcome)
        })
    };
    let safe_category = matches!(
        doc.category,
        FailureCategory::TechnicalProblem
            | FailureCategory::OutsideShock
            | FailureCategory::RareEvent
            | FailureCategory::OutsideControl
    );
    let cause = story
        .iter()
        .find_map(|s| s.hits_of(Cat::OutsideCause).next().map(|h| (*s, *h)));
    if let Some((s, h)) = cause {
        findings.push(doc.finding(
            key,
            "choice-outside-cause",
            Severity::Info,
            "An outside or unexpected cause: safe material.",
            s,
            h.start,
            h.end,
        ));
    }
    let strong_cause = story.iter().any(|s| strong_outside_hit(doc, s));
    let has_cause = cause.is_some() || (doc.structured && safe_category);
    // A careless slip of the speaker's own fails key 1 even without a red flag, unless a clear
    // outside cause set it off.
    let slip = if strong_cause {
        None
    } else {
        doc.in_parts(&[AnswerPart::Failure, AnswerPart::Context])
            .find_map(|s| speaker_slip(doc, s).map(|k| (s, k)))
    };
    if let Some((s, k)) = slip {
        findings.push(doc.finding(
            key,
            "choice-own-slip",
            Severity::Warn,
            "This reads as a slip of your own. If you can, choose a failure with an outside or unexpected cause; if you keep this one, show the check you added so it cannot happen again.",
            s,
            k,
            k + 1,
        ));
    }
    let met = has_failure && denial.is_none() && risky.is_empty() && has_cause && slip.is_none();
    let status = if denial.is_some() {
        "Missing: no real failure is told.".to_string()
    } else if !has_failure {
        if doc.structured {
            findings.push(missing(
                key,
                "choice-missing",
                Severity::Info,
                "Start with the failure in one sentence: what went wrong, and what caused it.",
            ));
            "Add a one-line summary of the failure.".to_string()
        } else {
            findings.push(missing(
                key,
                "choice-missing",
                Severity::Problem,
                "Say plainly what went wrong: the failure itself, and what caused it.",
            ));
            "Missing: the failure itself is not told.".to_string()
        }
    } else if !risky.is_empty() {
        let labels: Vec<&str> = risky.iter().map(|h| h.flag.label()).collect();
        format!("Risky material: {}.", labels.join(", ").to_lowercase())
    } else if slip.is_some() {
        "Risky material: a slip of your own.".to_string()
    } else if !has_cause {
        findings.push(missing(
            key,
            "choice-no-cause",
            Severity::Warn,
            "Say what caused the failure. An unexpected technical problem, an outside shock or a rare event makes the safest material.",
        ));
        "Say what caused the failure.".to_string()
    } else {
        "Met: the failure has an outside or unexpected cause and raises no red flag.".to_string()
    };
    key_verdict(key, met, status, findings)
}

#[cfg(test)]
mod tests {
    use crate::analyzer::{analyze_answer, RedFlag};
    use crate::Key;

    fn flags(text: &str, role: Option<&str>) -> Vec<&'static str> {
        analyze_answer(text, role).red_flag_ids()
    }

    #[test]
    fn chef_kitchen_disaster_is_core_competency() {
        let r = analyze_answer(
            "On a full Saturday service I burned the sauce for forty covers and the kitchen fell an hour behind.",
            Some("Head chef"),
        );
        let hit = r
            .red_flags
            .iter()
            .find(|h| h.flag == RedFlag::CoreCompetency);
        let hit = hit.expect("core competency flag");
        assert_eq!(hit.evidence[0].quote, "burned");
        assert!(!r.key(Key::Choice).met);
    }

    #[test]
    fn yelling_is_conflict() {
        assert!(
            flags("I yelled at my colleague in front of the team.", None)
                .contains(&"interpersonal_conflict")
        );
    }

    #[test]
    fn negated_blame_is_not_blame() {
        assert!(
            !flags("No one was blamed; we ran a review of the outage.", None)
                .contains(&"blame_shifting")
        );
        assert!(!flags("I took the blame for the late delivery.", None).contains(&"blame_shifting"));
        assert!(
            flags("It wasn't my fault, the other team dropped the ball.", None)
                .contains(&"blame_shifting")
        );
    }

    #[test]
    fn lesson_sentences_raise_no_flags() {
        assert!(flags("I learned never to skip the checks before a release.", None).is_empty());
    }

    #[test]
    fn ethics_and_denial() {
        assert!(flags("I fudged the numbers in the report.", None).contains(&"ethics"));
        let r = analyze_answer(
            "Honestly I can't think of a failure. I work too hard.",
            None,
        );
        assert!(!r.key(Key::Choice).met);
    }

    #[test]
    fn outside_cause_meets_choice() {
        let r = analyze_answer(
            "Two days before launch our cloud provider had an unexpected outage and our app went down.",
            Some("Backend developer"),
        );
        assert!(r.key(Key::Choice).met, "{:?}", r.key(Key::Choice));
    }
}
