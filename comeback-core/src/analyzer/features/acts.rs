//! The acts told in a sentence: action verbs with who did them (the speaker, "we", or someone
//! else), where their subject stands, and whether they are concrete or a stock phrase ("fixed it").

use super::negation::is_negator;
use super::subject::clause_break;
use crate::analyzer::doc::{CueHit, Doc, Sent};
use crate::analyzer::lexicon::{lexicon, Cat, List};
use crate::analyzer::report::Field;
use crate::analyzer::text::Token;

/// Who did an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Actor {
    Speaker,
    We,
    Other,
}

/// An action verb found in a sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Action {
    pub start: usize,
    pub end: usize,
    pub actor: Actor,
    /// Where the quote starts: the subject ("we fixed it"), or the verb when there is none.
    pub from: usize,
    /// Where the quote ends: past a stock phrase that covers the verb ("fixed it").
    pub to: usize,
    /// Not a stock phrase like "fixed it" or "took ownership".
    pub concrete: bool,
}

/// Words that are the subject of a verb wherever they stand before it in the clause.
fn pronoun_actor(w: &str) -> Option<Actor> {
    let lex = lexicon();
    if lex.has(List::ActorSpeaker, w) {
        Some(Actor::Speaker)
    } else if lex.has(List::ActorWe, w) {
        Some(Actor::We)
    } else if lex.has(List::ActorOther, w) {
        Some(Actor::Other)
    } else {
        None
    }
}

/// Words that are the subject only right before the verb ("the team restored it"), since they
/// are just as often its object ("I paged the database team and moved ...").
fn noun_actor(w: &str) -> bool {
    lexicon().has(List::ActorNoun, w)
}

/// Small words that may stand between a subject and its verb ("we then rebuilt", "they had fixed").
fn between_subject_and_verb(w: &str) -> bool {
    lexicon().has(List::BetweenSubjectAndVerb, w)
}

/// The actions in a sentence, with their actors. `implicit_speaker`: a verb with no subject is the
/// speaker's (a recovery step typed in the wizard, or a bullet).
pub(crate) fn actions(doc: &Doc, s: &Sent, implicit_speaker: bool) -> Vec<Action> {
    let toks = doc.toks(s);
    let generic: Vec<&CueHit> = s.hits_of(Cat::GenericAction).collect();
    let lex = lexicon();
    let mut out = Vec::new();
    for h in s.hits_of(Cat::Action) {
        let cover = generic.iter().find(|g| g.start < h.end && h.start < g.end);
        let concrete = cover.is_none();
        let to = cover.map_or(h.end, |g| g.end.max(h.end));
        // "the money was recovered": a passive has no actor to credit.
        let passive = h.start > 0 && lex.has(List::PassiveBefore, &toks[h.start - 1].norm);
        // "I ought to have closed it": not done. "far less organized": a state, not an act.
        if unreal(toks, h.start)
            || (h.start > 0 && lex.has(List::DegreeBeforeVerb, &toks[h.start - 1].norm))
        {
            continue;
        }
        let (actor, from) = if passive {
            (Some(Actor::Other), h.start)
        } else {
            subject_of(toks, h.start)
        };
        // "the tapes I handed in to my professor": the act describes a thing, it is no step.
        if actor.is_some_and(|a| a != Actor::Other) && relative_clause(doc, s, toks, from) {
            continue;
        }
        let actor = match actor {
            Some(a) => a,
            None => {
                let lead_only = toks[..h.start]
                    .iter()
                    .all(|t| lex.has(List::LeadIn, &t.norm) || t.numeric);
                if lead_only && (implicit_speaker || h.start <= 2) {
                    Actor::Speaker
                } else {
                    Actor::Other
                }
            }
        };
        out.push(Action {
            start: h.start,
            end: h.end,
            actor,
            from,
            to,
            concrete,
        });
    }
    // A step typed in the wizard's "What you did" field: its first verb is the speaker's action,
    // whether or not the list knows the verb ("Paged the DBA", "I replayed the queue").
    if implicit_speaker
        && matches!(doc.field_of(s), Field::StepAction(_))
        && !out.iter().any(|a| a.actor == Actor::Speaker)
    {
        if let Some(a) = step_verb(s, toks) {
            out.insert(0, a);
        }
    }
    out
}

/// Whether the verb at `at` is told as not done: a modal with "have" before it, with at most one
/// word between ("ought to have closed", "should have asked", "could've simply called").
pub(crate) fn unreal(toks: &[Token], at: usize) -> bool {
    let lex = lexicon();
    let before = &toks[at.saturating_sub(4)..at];
    before.iter().enumerate().any(|(k, t)| {
        let contracted = t.norm.ends_with("'ve") && lex.has(List::UnrealModal, &t.norm);
        let with_have = lex.has(List::UnrealModal, &t.norm)
            && before[k + 1..].iter().take(2).any(|n| n.norm == "have");
        contracted || with_have
    })
}

/// Whether the subject at `k` opens a relative clause on a noun before it, with no comma between:
/// "the tapes I handed in", "all the clever features I had packed", "The first tape I played".
/// A phrase of time before the subject tells when ("That morning I called"), and a noun phrase
/// after a preposition that opens the sentence is where or when ("After the meeting I rang").
fn relative_clause(doc: &Doc, s: &Sent, toks: &[Token], k: usize) -> bool {
    let lex = lexicon();
    let text = doc.field_text(s);
    let joined = |a: usize, b: usize| {
        text.get(toks[a].end..toks[b].start).is_some_and(|g| {
            !g.contains(|c: char| c.is_ascii_punctuation() || matches!(c, '\u{2013}' | '\u{2014}'))
        })
    };
    if k == 0 || !joined(k - 1, k) {
        return false;
    }
    let head = &toks[k - 1];
    let time = lex.has(List::TimeNoun, &head.norm)
        || lex.has(List::MonthOrDay, &head.norm)
        || s.hits_of(Cat::Timing).any(|h| h.start < k && k - 1 < h.end);
    if lex.has(List::FunctionWord, &head.norm) || time || head.numeric {
        return false;
    }
    // Back over up to three words of the noun phrase to its opener.
    let Some(d) = (k.saturating_sub(4)..k - 1)
        .rev()
        .take_while(|&j| joined(j, j + 1))
        .find(|&j| lex.has(List::OpensNounPhrase, &toks[j].norm))
    else {
        return false;
    };
    if toks[d + 1..k - 1]
        .iter()
        .any(|t| lex.has(List::FunctionWord, &t.norm))
    {
        return false;
    }
    // "After the meeting I rang": a preposition opening the sentence (after any lead-in).
    let fronted = d > 0
        && lex.has(List::FrontedOpener, &toks[d - 1].norm)
        && toks[..d - 1].iter().all(|t| lex.has(List::LeadIn, &t.norm));
    // "As soon as the hake went I grabbed": the noun is the subject of a clause of its own.
    // "The moment I saw the numbers I set up a call": the noun closes a clause of time.
    let clause = (1..=d).rev().find(|&j| !joined(j - 1, j)).unwrap_or(0);
    let opens_clause = lex.has(List::Subordinator, &toks[clause].norm)
        && toks.get(clause + 1).is_some_and(|t| t.norm != "that");
    let subordinate = opens_clause
        || (d > 0 && lex.has(List::Subordinator, &toks[d - 1].norm))
        || s.hits_of(Cat::Timing)
            .any(|h| clause <= h.start && h.start < d);
    !fronted && !subordinate
}

/// The subject nearest before token `at`, and where it stands: a pronoun up to 25 words back
/// ("I went back through the calculation, redesigned the wall and reissued the drawings"), any
/// other subject within six.
fn subject_of(toks: &[Token], at: usize) -> (Option<Actor>, usize) {
    let lex = lexicon();
    let window = at.saturating_sub(25);
    for k in (window..at).rev() {
        let w = toks[k].norm.as_str();
        if let Some(a) = pronoun_actor(w) {
            return (Some(a), k);
        }
        if k + 6 < at {
            // Far back, a pronoun is the subject only if no new clause starts in between.
            if clause_break(toks, k) {
                return (None, at);
            }
            continue;
        }
        if w == "my"
            && toks
                .get(k + 1)
                .is_some_and(|n| lex.has(List::StepNoun, &n.norm))
        {
            return (Some(Actor::Speaker), k);
        }
        let adjacent = toks[k + 1..at]
            .iter()
            .all(|t| between_subject_and_verb(&t.norm));
        if noun_actor(w) && adjacent {
            let ours = k
                .checked_sub(1)
                .and_then(|p| toks.get(p))
                .is_some_and(|p| p.norm == "our");
            return if ours {
                (Some(Actor::We), k - 1)
            } else {
                (Some(Actor::Other), k)
            };
        }
    }
    (None, at)
}

/// The verb that opens a wizard step, if the step reads as something the speaker did.
fn step_verb(s: &Sent, toks: &[Token]) -> Option<Action> {
    let lex = lexicon();
    // Lead-ins and the speaker's own "I" may come first: "Then I", "First,", "Personally I".
    let k = toks.iter().position(|t| {
        let w = t.norm.as_str();
        !(lex.has(List::LeadIn, w) || t.numeric || lex.has(List::StepSpeaker, w))
    })?;
    let verb = toks.get(k)?;
    if lex.has(List::NotAStepVerb, &verb.norm)
        || is_negator(&verb.norm)
        || verb.numeric
        || verb.norm.chars().count() < 2
    {
        return None;
    }
    // A subject of someone else's before the verb ("the team", "they") was caught above.
    if toks[..k]
        .iter()
        .any(|t| pronoun_actor(&t.norm).is_some_and(|a| a != Actor::Speaker))
    {
        return None;
    }
    // Something done to something: the verb needs an object or a complement after it.
    if toks.len() < k + 2 {
        return None;
    }
    let generic = s
        .hits_of(Cat::GenericAction)
        .find(|g| g.start <= k + 1 && k < g.end);
    if s.has(Cat::Apology) && !s.has(Cat::Action) {
        return None;
    }
    Some(Action {
        start: k,
        end: k + 1,
        actor: Actor::Speaker,
        from: toks
            .iter()
            .take(k)
            .rposition(|t| t.norm == "i")
            .unwrap_or(k),
        to: generic.map_or(k + 1, |g| g.end.max(k + 1)),
        concrete: generic.is_none(),
    })
}
