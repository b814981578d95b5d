//! Tense: whether a sentence tells the past, and the speaker's habits told in the present ("I now
//! check", "these days I ...").

use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::lexicon::{lexicon, List};
use crate::analyzer::text::Token;

/// Whether a sentence tells of the past: "was", "had", "did", "ago".
pub(crate) fn tells_past(toks: &[Token], then_too: bool) -> bool {
    let past = lexicon().list(List::Past);
    toks.iter()
        .any(|t| past.has(&t.norm) || (then_too && t.norm == "then"))
}

/// The token index of "I" followed by a present-tense verb ("I work", "I always check"); verbs
/// like "put" count as present when `same_past` is allowed.
pub(crate) fn speaker_present(toks: &[Token], same_past: bool) -> Option<usize> {
    let lex = lexicon();
    toks.iter().enumerate().position(|(i, t)| {
        t.norm == "i"
            && toks[i + 1..]
                .iter()
                .find(|n| !lex.has(List::BetweenIAndVerb, &n.norm))
                .is_some_and(|v| {
                    let w = v.norm.as_str();
                    !w.ends_with("ed")
                        && !w.ends_with("n't")
                        && (!lex.has(List::NotPresent, w)
                            || (same_past && lex.has(List::SamePast, w)))
                        && w.chars().all(|c| c.is_alphabetic() || c == '-')
                })
    })
}

/// Whether the speaker or the team tells an act in the past: "I" or "we" and a verb in "-ed" or an
/// irregular past ("I carried", "we began"), not one spelt like its present ("I put", "I need").
pub(crate) fn speaker_past(toks: &[Token]) -> bool {
    let lex = lexicon();
    toks.iter().enumerate().any(|(i, t)| {
        matches!(t.norm.as_str(), "i" | "we")
            && toks[i + 1..]
                .iter()
                .find(|n| !lex.has(List::BetweenIAndVerb, &n.norm))
                .is_some_and(|v| {
                    let w = v.norm.as_str();
                    (w.len() > 3 && w.ends_with("ed") && !lex.has(List::PresentInEd, w))
                        || (lex.has(List::NotPresent, w) && !lex.has(List::SamePast, w))
                })
    })
}

/// The first "I" in `toks` (or "I'll") and the two words after it, past adverbs like
/// "now" and "always".
fn first_speaker(toks: &[Token]) -> Option<(&Token, Option<&Token>, Option<&Token>)> {
    let lex = lexicon();
    let i = toks
        .iter()
        .position(|t| t.norm == "i" || lex.has(List::SpeakerIntends, &t.norm))?;
    let mut rest = toks[i + 1..]
        .iter()
        .skip_while(|n| lex.has(List::BetweenIAndVerb, &n.norm));
    Some((&toks[i], rest.next(), rest.next()))
}

/// Whether the speaker's first act in `toks` is meant rather than done: "I" and a modal or a verb
/// of intent with "to" ("In future I need to ...", "I ought to ...", "I'll ..."), not a habit
/// that has a modal further on ("I ask what I'd need if they vanished").
pub(crate) fn intends(toks: &[Token]) -> bool {
    let lex = lexicon();
    match first_speaker(toks) {
        // "I'll ...". ("I'd" is as often "I had" as "I would": it tells nothing.)
        Some((i, _, _)) if i.norm != "i" => true,
        Some((_, Some(v), next)) if lex.has(List::IntentVerb, &v.norm) => {
            lex.has(List::UnrealModal, &v.norm) || next.is_some_and(|n| n.norm == "to")
        }
        _ => false,
    }
}

/// Whether the speaker's first verb in `toks` is one of knowing or seeing: a realisation, not a
/// way of working, with what was seen after it ("I also saw how important it is to ...", "I know
/// that ..."), not "I feel the urge to ...".
pub(crate) fn realises(toks: &[Token]) -> bool {
    let lex = lexicon();
    matches!(first_speaker(toks), Some((i, Some(v), Some(n)))
        if i.norm == "i"
            && lex.has(List::RealiseVerb, &v.norm)
            && lex.has(List::PropositionOpener, &n.norm))
}

/// Whether a sentence tells something the speaker does as a habit: "I" with a present-tense verb
/// ("I work from the bookings sheet", "the first thing I do is ..."), in a sentence that is not
/// about the past.
pub(crate) fn habitual(doc: &Doc, s: &Sent) -> bool {
    let toks = doc.toks(s);
    !tells_past(toks, true) && speaker_present(toks, false).is_some()
}

/// Where a sentence tells the speaker's present habit that is new since the failure: "I" with a
/// present-tense verb and a marker that it is new ("now", "these days", "since then", "no
/// longer"), in a sentence that does not tell the past ("Now I had four hours" is the story).
pub(crate) fn new_habit(doc: &Doc, s: &Sent) -> Option<usize> {
    let toks = doc.toks(s);
    if tells_past(toks, false) {
        return None;
    }
    let since = lexicon().list(List::SinceMarker);
    let marker = toks.iter().enumerate().position(|(k, t)| {
        since.has(&t.norm)
            || toks
                .get(k + 1)
                .is_some_and(|n| since.has_pair(&t.norm, &n.norm))
    })?;
    speaker_present(toks, true).map(|i| i.min(marker))
}

/// Whether a sentence tells the speaker's habit since the failure anywhere in it, even beside the
/// past it turns from ("When I rushed, I made mistakes, so now I block an hour for it").
pub(crate) fn tells_new_habit(toks: &[Token]) -> bool {
    let since = lexicon().list(List::SinceMarkerLoose);
    let marker = toks.iter().enumerate().any(|(k, t)| {
        since.has(&t.norm)
            || toks
                .get(k + 1)
                .is_some_and(|n| since.has_pair(&t.norm, &n.norm))
    });
    marker && speaker_present(toks, true).is_some()
}

/// Where a sentence tells a practice that holds now: "now" next to a verb in the present tense
/// ("every student now takes", "the form now goes"), in a sentence that does not tell the past.
pub(crate) fn holds_now(toks: &[Token]) -> Option<usize> {
    if tells_past(toks, false) {
        return None;
    }
    toks.windows(2).position(|w| {
        let (a, b) = (w[0].norm.as_str(), w[1].norm.as_str());
        let present = |v: &str| {
            v.len() > 3
                && v.ends_with('s')
                && !v.ends_with("ss")
                && !v.ends_with("ous")
                && v.chars().all(|c| c.is_alphabetic())
        };
        (a == "now" && present(b)) || (b == "now" && present(a) && a != "this")
    })
}

/// Whether a sentence tells something that comes round again: a word of frequency ("monthly",
/// "weekly") or a time it comes round on (see [`comes_round`]).
pub(crate) fn recurring(toks: &[Token]) -> bool {
    let lex = lexicon();
    (0..toks.len()).any(|k| lex.has(List::RecurringWord, &toks[k].norm) || comes_round(toks, k))
}

/// Whether token `k` opens a time something comes round on: "every" or "each" with a time of a
/// routine, a month or a day ("each quarter", "every evening", "every September").
pub(crate) fn comes_round(toks: &[Token], k: usize) -> bool {
    let lex = lexicon();
    lex.has(List::EveryTime, &toks[k].norm)
        && toks.get(k + 1).is_some_and(|n| {
            lex.has(List::RoutineTime, n.norm.trim_end_matches('s'))
                || lex.has(List::MonthOrDay, &n.norm)
        })
}

/// Whether a sentence tells what would have been, not what is: a modal with "have" anywhere in
/// it ("If I had let myself calm down, I would certainly have ...").
pub(crate) fn counterfactual(toks: &[Token]) -> bool {
    toks.iter().enumerate().any(|(k, t)| {
        // "what would have to be true" is a need, not what would have been.
        let have = t.norm == "have" && toks.get(k + 1).is_none_or(|n| n.norm != "to");
        (have || t.norm.ends_with("'ve")) && super::acts::unreal(toks, k + 1)
    })
}
