//! Poor judgment and ethics told without a tell-tale phrase: a reckless call of the speaker's, a
//! record changed to look right, and people or things left alone.

use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::features::negation::is_negator;
use crate::analyzer::features::subject::{by_speaker, clause_break, third_party};
use crate::analyzer::lexicon::{lexicon, Cat, List};
use crate::analyzer::report::AnswerPart;
use crate::analyzer::rules::RedFlag;
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
    let pair = |act: Cat, why: Cat, keep: &dyn Fn(usize, usize, usize) -> bool| {
        let h = s
            .hits_of(act)
            .find(|h| by_speaker(toks, h.start, h.end) && !third_party(toks, h.start))?;
        let w = s
            .hits_of(why)
            .find(|w| w.end > h.start && keep(h.start, h.end, w.start))?;
        // Both halves close together, in the same stretch of the sentence.
        (w.start.saturating_sub(h.end) <= 14).then_some((h.start.min(w.start), w.end.max(h.end)))
    };
    if let Some((a, b)) = pair(Cat::FalsifyAct, Cat::FalsifyPurpose, &|_, _, _| true) {
        return Some((RedFlag::Ethics, a, b));
    }
    if let Some((a, b)) = false_claim(toks) {
        return Some((RedFlag::Ethics, a, b));
    }
    // "To save time, I split the team" in a recovery is a sensible call: only the story of the
    // failure itself is read for recklessness.
    if matches!(
        s.part,
        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
    ) && !excused_call(doc, s)
    {
        let defiant = |a: usize, e: usize, w: usize| {
            !hedged(doc, s, a) && !cautious_call(s, e) && !filler_anyway(doc, s, w)
        };
        if let Some((a, b)) = pair(Cat::RiskyDecision, Cat::Defiance, &defiant) {
            return Some((RedFlag::PoorJudgment, a, b));
        }
        // A decision of the speaker's to go ahead without the safeguard meant to cover it: "I
        // chose to launch without a rollback plan", "decided to send it without approval".
        if let Some((a, b)) = safeguard_skipped(doc, s) {
            return Some((RedFlag::PoorJudgment, a, b));
        }
        if let Some((a, b)) = novice_left_alone(toks) {
            return Some((RedFlag::PoorJudgment, a, b));
        }
    }
    None
}

/// Where a safeguard at token `k` is named as missing: "without" just before it, with at most two
/// words between ("without legal sign-off", "without a rollback plan"). A bare "no" is left
/// alone: "and no rollback was needed" tells no risk.
fn lacked(toks: &[Token], k: usize) -> Option<usize> {
    (k.saturating_sub(3)..k)
        .rev()
        .find(|&i| toks[i].norm == "without")
}

/// A risky decision of the speaker's, then within a few words a safeguard gone without: the span
/// from the decision to the safeguard. Not when the decision was a careful act or is hedged.
fn safeguard_skipped(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    let toks = doc.toks(s);
    let h = s.hits_of(Cat::RiskyDecision).find(|h| {
        by_speaker(toks, h.start, h.end)
            && !third_party(toks, h.start)
            && !hedged(doc, s, h.start)
            && !cautious_call(s, h.end)
    })?;
    // The safeguard is negated by the "without" before it, so read every hit, negated or not.
    let mitigation = s
        .hits
        .iter()
        .filter(|m| m.cat == Cat::Mitigation)
        .map(|m| (m.start, m.end));
    let named = (h.end..toks.len())
        .filter(|&k| lexicon().has(List::Safeguard, &toks[k].norm))
        .map(|k| (k, k + 1));
    let (_, end) = mitigation
        .chain(named)
        .filter(|&(k, _)| k > h.end && k - h.end <= 10)
        .find(|&(k, _)| {
            // "I decided not to go live without sign-off" is the careful call.
            lacked(toks, k)
                .is_some_and(|w| w >= h.end && !toks[h.end..w].iter().any(|t| is_negator(&t.norm)))
        })?;
    Some((h.start, end))
}

/// Where the speaker told someone that something was so while it was not: a claim of the
/// speaker's with a clause of its own ("I told the buyer we had another offer", "I said the report
/// was done"), then "when" and a denial that ends the sentence ("... when we didn't yet", "... when
/// it wasn't"). "I told my manager when it wasn't ready" tells the truth and holds no clause.
fn false_claim(toks: &[Token]) -> Option<(usize, usize)> {
    (0..toks.len())
        .filter(|&k| lexicon().has(List::Claim, &toks[k].norm))
        .find_map(|k| claim_denied(toks, k))
}

/// The span of a claim at token `k` that the rest of the sentence denies (see `false_claim`).
fn claim_denied(toks: &[Token], k: usize) -> Option<(usize, usize)> {
    if !by_speaker(toks, k, k + 1) || third_party(toks, k) {
        return None;
    }
    let w = (k + 1..toks.len().min(k + 18)).find(|&i| toks[i].norm == "when")?;
    let lex = lexicon();
    let clause = toks[k + 1..w]
        .iter()
        .any(|t| lex.has(List::ClaimClause, &t.norm));
    let who = toks.get(w + 1).map(|t| t.norm.as_str());
    let denial = toks.get(w + 2).map(|t| t.norm.as_str());
    let rest = toks.len().saturating_sub(w + 3);
    (clause
        && who.is_some_and(|w| lex.has(List::ClaimWho, w))
        && denial.is_some_and(|w| lex.has(List::ClaimDenial, w))
        && rest <= 2)
        .then_some((k, (w + 3).min(toks.len())))
}

/// Whether a poor-judgment phrase at tokens `start..end` tells a reckless call of the speaker's
/// own: the speaker is its subject (nobody else named just before it), it is not denied, wished
/// away or imagined ("I never once thought about cutting corners", "I was tempted to ...", "if I
/// had rushed ..."), not done to the speaker ("I was rushed by the regulator"), not covered by a
/// plan ("we had a tested rollback"), and not a word of speed or surprise that judges nothing ("I
/// rushed to the bay", "I wasn't prepared for how quickly it took off"). "Without checking" counts
/// only after a commitment the speaker made blind ("I promised a date without checking"): after an
/// assumption it tells a slip, not a call made against the odds.
pub(super) fn reckless_phrase(doc: &Doc, s: &Sent, start: usize, end: usize) -> bool {
    let toks = doc.toks(s);
    let word = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    if word(start) == "without" {
        let committed = s.hits_of(Cat::Commitment).any(|c| {
            c.end <= start
                && start - c.end <= 10
                // "A decision I regret is approving ... without a pilot": the speaker's act too.
                && (by_speaker(toks, c.start, c.end)
                    || crate::analyzer::features::subject::framed_failure(toks)
                        .is_some_and(|b| b.saturating_add(1) == c.start))
                && !third_party(toks, c.start)
                && crate::analyzer::features::subject::same_clause(toks, c.start, start)
        });
        if !committed {
            return false;
        }
    } else if !by_speaker(toks, start, end)
        || third_party(toks, start)
        || !left_alone(toks, start, end)
    {
        return false;
    }
    let lex = lexicon();
    // "I was rushed the whole week", "I felt rushed": haste put on the speaker by someone else.
    let passive = word(start) == "rushed" && start > 0 && lex.has(List::RushedBy, word(start - 1));
    // "I rushed to the bay", "rushed back to site": hurrying somewhere, not haste in the work.
    let somewhere = word(end - 1) == "rushed"
        && (lex.has(List::RushedSomewhere, word(end))
            || (word(end) == "to" && lex.has(List::RushedTo, word(end + 1))));
    // "I wasn't prepared for how quickly it spread": a surprise, not a lack of preparation.
    let surprise = word(end - 1) == "prepared"
        && word(end) == "for"
        && lex.has(List::SurpriseHow, word(end + 1));
    // "I skipped lunch", "I didn't follow up", "I didn't plan for a strike", "on a hunch I rang
    // the supplier": the phrase names no risk taken, or a careful act it led to.
    let harmless = match word(end - 1) {
        "skipped" => s
            .hits_of(Cat::OwnTime)
            .any(|o| o.start >= end && o.start <= end + 2),
        "follow" => lex.has(List::FollowUp, word(end)),
        "plan" => lex.has(List::PlanFor, word(end)),
        v if lex.has(List::Hunch, v) => s
            .hits_of(Cat::CautiousAct)
            .any(|c| c.start >= end && c.start <= end + 4),
        _ => false,
    };
    !passive
        && !somewhere
        && !surprise
        && !harmless
        && !hedged(doc, s, start)
        && !excused_call(doc, s)
}

/// Whether the sentence itself says the call was not a reckless one of the speaker's: it was
/// covered by a plan ("we had a tested rollback"), sound with what was known then ("the sensible
/// choice"), someone else's instruction ("my manager told me to go ahead anyway"), or it is the
/// lesson told against the old habit ("when I rushed, I made mistakes, so now I ...").
fn excused_call(doc: &Doc, s: &Sent) -> bool {
    mitigated(s)
        || s.has(Cat::Reasonable)
        || s.hits_of(Cat::Instructed).any(|h| {
            !matches!(
                crate::analyzer::features::subject::speaker_subject(doc.toks(s), h.start),
                Some(true)
            ) || doc
                .toks(s)
                .get(h.start)
                .is_some_and(|t| t.norm == "was" || t.norm == "were")
        })
        || crate::analyzer::features::tense::tells_new_habit(doc.toks(s))
}

/// Whether the words before token `k`, back to the start of its clause, deny, wish away or imagine
/// what follows: a negation or refusal ("never once thought about"), a modal ("could have", "would
/// have"), a condition ("if I had", "unless"), or a temptation resisted ("tempted to").
fn hedged(doc: &Doc, s: &Sent, k: usize) -> bool {
    let toks = doc.toks(s);
    let text = doc.field_text(s);
    for i in (k.saturating_sub(10)..k.min(toks.len())).rev() {
        let w = toks[i].norm.as_str();
        if is_negator(w) || lexicon().has(List::Hedged, w) {
            return true;
        }
        // A clause starts here: a comma or a semicolon before the word, or "and the ...", "but".
        let gap = i
            .checked_sub(1)
            .and_then(|p| text.get(toks[p].end..toks[i].start))
            .unwrap_or("");
        if gap.contains([',', ';', ':']) || clause_break(toks, i) || w == "but" {
            return false;
        }
    }
    false
}

/// Whether the sentence tells a plan that made the risk a knowing, covered one.
fn mitigated(s: &Sent) -> bool {
    s.has(Cat::Mitigation)
}

/// Whether the decision ending at token `e` chose a careful or open act ("decided to stop the
/// line", "chose to call the client"): doing the safe thing anyway is not reckless.
fn cautious_call(s: &Sent, e: usize) -> bool {
    s.hits_of(Cat::CautiousAct)
        .any(|c| c.start >= e && c.start <= e + 3)
}

/// Whether "anyway" at token `w` is a spoken filler, not defiance: set off by commas on both sides
/// ("I made the call to, um, anyway, the point is ..."), or after a word that cannot end a clause.
fn filler_anyway(doc: &Doc, s: &Sent, w: usize) -> bool {
    let toks = doc.toks(s);
    if toks.get(w).is_none_or(|t| t.norm != "anyway") || w == 0 {
        return false;
    }
    let text = doc.field_text(s);
    let before = text.get(toks[w - 1].end..toks[w].start).unwrap_or("");
    let after = toks
        .get(w + 1)
        .and_then(|n| text.get(toks[w].end..n.start))
        .unwrap_or("");
    (before.contains(',') && after.contains(','))
        || lexicon().has(List::FillerAnyway, &toks[w - 1].norm)
}

/// Whether "unattended" or "unsupervised" tells people or things the speaker left alone ("I left
/// the stall unattended"), not something found that way ("I found an unattended pallet"). Other
/// phrases pass.
pub(super) fn left_alone(toks: &[Token], start: usize, end: usize) -> bool {
    let needs_left = toks
        .get(start..end)
        .is_some_and(|p| p.iter().any(|t| lexicon().has(List::NeedsLeft, &t.norm)));
    !needs_left
        || toks[start.saturating_sub(6)..start]
            .iter()
            .any(|t| lexicon().has(List::LeftSo, &t.norm))
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

/// Someone new to the work left by the speaker to do it alone: a word of letting or leaving
/// (`[let_verb]` in `data/redflags.txt`) with the speaker as its subject, someone new after it
/// (`[novice]`, or "first"/"second" with "day", "shift" or "week"), and alone after that
/// (`[on_own]`: "alone", "on her own", "by himself"), all within seventeen words. Not negated ("I
/// never let a trainee close alone"). Returns the token range to quote.
fn novice_left_alone(toks: &[Token]) -> Option<(usize, usize)> {
    let lex = lexicon();
    let let_verb = lex.list(List::LetVerb);
    let novice = lex.list(List::Novice);
    let on_own = lex.list(List::OnOwn);
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let v = (0..toks.len()).find(|&k| {
        let_verb.has(w(k))
            && by_speaker(toks, k, k + 1)
            && !third_party(toks, k)
            && !toks[k.saturating_sub(2)..k]
                .iter()
                .any(|t| is_negator(&t.norm))
    })?;
    let end = (v + 18).min(toks.len());
    let new = (v + 1..end).find(|&i| {
        novice.has(w(i)) || (lex.has(List::EarlyDay, w(i)) && lex.has(List::DayOnJob, w(i + 1)))
    })?;
    // "on her own", "by himself": "own" only after a possessive.
    let alone = (new + 1..end)
        .find(|&i| on_own.has(w(i)) && (w(i) != "own" || lex.has(List::OwnAfter, w(i - 1))))?;
    Some((v, alone + 1))
}
