//! Poor judgment and ethics told without a tell-tale phrase: a reckless call of the speaker's, a
//! record changed to look right, and people or things left alone.

use super::subject::{by_speaker, third_party};
use crate::analyzer::engine::{Doc, Sent};
use crate::analyzer::lexicon::Cat;
use crate::analyzer::report::{AnswerPart, RedFlag};
use crate::analyzer::text::Token;

/// A risky act told without a tell-tale phrase, found from two halves in one sentence: a decision
/// of the speaker's with a word of defiance ("I made the call to pour anyway": poor judgment), or a
/// record the speaker changed with what it was made to show ("marked them as complete with the old
/// dates": ethics). Returns the flag and the token range to quote.
pub(super) fn told_in_plain_words(doc: &Doc, s: &Sent) -> Option<(RedFlag, usize, usize)> {
    if let Some((a, b)) = skills_gap(doc, s) {
        return Some((RedFlag::BasicSkills, a, b));
    }
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

/// Whether "unattended" or "unsupervised" tells people or things the speaker left alone ("I left
/// the stall unattended"), not something found that way ("I found an unattended pallet"). Other
/// phrases pass.
pub(super) fn left_alone(toks: &[Token], start: usize, end: usize) -> bool {
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

/// Not knowing an everyday tool of the job, told by the speaker as the cause: "I didn't know Figma
/// keeps a version history", "I'd never really used Excel beyond typing into it". Returns the
/// token range to quote.
fn skills_gap(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    if !matches!(
        s.part,
        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
    ) {
        return None;
    }
    let toks = doc.toks(s);
    let gap = s
        .hits
        .iter()
        .find(|h| h.cat == Cat::SkillGap && by_speaker(toks, h.start, h.end))?;
    // The tool follows the negation of the gap itself, so its own negation does not count.
    let tool = s
        .hits
        .iter()
        .find(|t| t.cat == Cat::EverydayTool && t.start >= gap.end && t.start - gap.end <= 6)?;
    Some((gap.start, tool.end))
}
