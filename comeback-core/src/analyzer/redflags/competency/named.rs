//! A core failure named in the speaker's words: the speaker naming their failure as a core skill
//! ("the mistake I made was a medication error"), an error phrase of the role's that is the
//! speaker's own doing ("I burned the sauce"), and a slip word bound to a core skill ("the wrong
//! dose", "I misread the chart", "a reconciliation error").

use crate::analyzer::doc::Sent;
use crate::analyzer::features::negation::is_negator;
use crate::analyzer::features::slips::{
    cleft_omission, is_generic_slip, is_people, is_slip, owning_at,
};
use crate::analyzer::features::subject::{
    framed_failure, same_clause, speaker_subject, speakers_part, third_party,
};
use crate::analyzer::lexicon::{lexicon, Cat, Hit, List};
use crate::analyzer::text::Token;

/// "The failure I'd choose is a medication error", "my worst one was a typo": the speaker names
/// their own failure, and what it was is a core skill of the role. A phrase that names an error on
/// its own stands even beside an outside cause told elsewhere; a bare skill does not.
pub(super) fn failure_named_as_core(
    toks: &[Token],
    hits: &[Hit<bool>],
    excused: bool,
) -> Option<(usize, usize)> {
    let b = framed_failure(toks)?;
    // "The mistake I'd pick is one I made translating a contract": what follows "one I made" is
    // the failure named.
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let b = if w(b + 1) == "one" && w(b + 2) == "i" && lexicon().has(List::OneIMade, w(b + 3)) {
        b + 3
    } else {
        b
    };
    hits.iter()
        .find(|h| {
            h.start > b
                && h.start - b <= 4
                && (h.tag || !excused)
                && !toks[b..h.start].iter().any(|t| {
                    // "... is that I hold people to high standards": a clause, not the failure named.
                    is_negator(&t.norm) || lexicon().has(List::FramedClause, &t.norm)
                })
        })
        .map(|h| (h.start, h.end))
}

/// An error phrase of the role's with the speaker as its subject ("I misjudged it and clipped the
/// mirror"): it stands even beside an outside cause told elsewhere.
pub(super) fn own_error_phrase_despite_cause(
    toks: &[Token],
    hits: &[Hit<bool>],
) -> Option<(usize, usize)> {
    hits.iter()
        .find(|h| {
            h.tag
                && speaker_subject(toks, h.start) == Some(true)
                && !third_party(toks, h.start)
                && !denied(toks, h.start)
        })
        .map(|h| (h.start, h.end))
}

/// An error phrase of the role's ("medication error", "burned the sauce") that is the speaker's
/// own doing: theirs by subject or "my", or with no subject nearby the speaker's when they come
/// before it in the sentence ("I was on my own that night and the wrong dose ..."; not "the agency
/// nurse gave the wrong dose, and I didn't find out until ..."), or told of what the speaker acted
/// on ("I sent out a dish that wasn't cooked through").
pub(super) fn own_error_phrase(toks: &[Token], hits: &[Hit<bool>]) -> Option<(usize, usize)> {
    hits.iter()
        .filter(|h| h.tag)
        .find(|h| {
            // "burned out" is tiredness, not a kitchen.
            if toks
                .get(h.end)
                .is_some_and(|t| lexicon().has(List::ErrorIdiom, &t.norm))
            {
                return false;
            }
            let own = speakers_part(toks, h.start)
                || (speaker_subject(toks, h.start).is_none()
                    && toks[..h.start]
                        .iter()
                        .any(|t| lexicon().has(List::SpeakerBefore, &t.norm))
                    && !third_party(toks, h.start))
                || described_object(toks, h.start).is_some_and(|r| speakers_part(toks, r));
            own && !denied(toks, h.start)
        })
        .map(|h| (h.start, h.end))
}

/// When the error phrase at `k` describes what the speaker acted on, in a relative clause that
/// tells a state and not someone else's act ("I sent out a dish that wasn't cooked through", "I
/// served someone who turned out to be underage"), the position of the relative pronoun, so that
/// the speaker's part is read from the clause it hangs on. "a nurse who gave the wrong dose" is
/// someone else's act and gives `None`.
fn described_object(toks: &[crate::analyzer::text::Token], k: usize) -> Option<usize> {
    let lex = lexicon();
    let from = k.saturating_sub(6);
    let r = (from..k.min(toks.len()))
        .rev()
        .find(|&i| lex.has(List::RelativePronoun, &toks[i].norm))?;
    let state = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let stative = match state(r + 1) {
        v if lex.has(List::RelativeBe, v) => !state(r + 2).ends_with("ing"),
        "turned" => state(r + 2) == "out",
        "had" => state(r + 2) == "been" || state(r + 2) == "not",
        "hadn't" => state(r + 2) == "been",
        _ => false,
    };
    // The relative pronoun hangs on a noun the speaker acted on, not on a clause ("so that").
    (stative && r > 0 && crate::analyzer::features::subject::noun_like(&toks[r - 1])).then_some(r)
}

/// A slip word of the speaker's at token `k`: what kind it is, or `None` when there is none (or it
/// is denied, or a vague verdict).
#[derive(Clone, Copy)]
struct SlipWord {
    /// Too general to bind on its own ("mistake", "wrong").
    generic: bool,
    /// Words by which the speaker owns it ("on me", "my fault").
    owning: bool,
}

/// The slip word at token `k`, if the speaker tells one there: a slip word, a step left undone
/// ("I didn't check the dose", "never tested it", a cleft "what I didn't do was ..."), or words
/// owning a slip. Not a verdict on the work that says nothing of what went wrong ("I messed up a
/// pitch": a vague failure, key 1 fails), and not denied.
fn slip_word(s: &Sent, toks: &[Token], k: usize) -> Option<SlipWord> {
    let w = toks.get(k)?.norm.as_str();
    let omission = cleft_omission(toks, k)
        || s.hits
            .iter()
            .any(|h| h.cat == Cat::Action && h.negated && h.start == k && denied(toks, k));
    let owning = owning_at(toks, k);
    let verdict = lexicon().has(List::VagueVerdict, w);
    if !(is_slip(w) || omission || owning) || verdict || (!omission && denied(toks, k)) {
        return None;
    }
    Some(SlipWord {
        generic: is_generic_slip(w),
        owning,
    })
}

/// A slip of the speaker's bound to a core skill of the role (not a verdict): the first slip word
/// that binds to one of the role's core skills in the sentence.
pub(super) fn slip_bound_to_core_skill(
    s: &Sent,
    toks: &[Token],
    hits: &[Hit<bool>],
) -> Option<(usize, usize)> {
    let skills: Vec<&Hit<bool>> = hits.iter().filter(|h| !h.tag).collect();
    (0..toks.len()).find_map(|k| {
        let slip = slip_word(s, toks, k)?;
        let w = toks[k].norm.as_str();
        skills.iter().find_map(|h| {
            // "I assumed the client was happy": a misread person, not a core task.
            if lexicon().has(List::MisreadPerson, w)
                && toks[h.start..h.end].iter().any(|t| is_people(&t.norm))
            {
                return None;
            }
            if slip.generic && !slip.owning {
                generic_slip_binds(toks, k, h)
            } else {
                specific_slip_binds(toks, k, slip.owning, h)
                    .then_some((k.min(h.start), (k + 1).max(h.end)))
            }
        })
    })
}

/// The words to quote when the generic slip word at `k` is bound to the core skill `h`: "the
/// wrong dose", "missed a duplicate payment", "a mistake in the reconciliation" (the slip a few
/// words before the skill, no phrase break between), "a charting error" (the skill, then an error
/// noun), "the surcharge load wrong" (the object of the speaker's verb, then the slip), with the
/// speaker as the subject or owner; "my estimate for the migration was wrong"; "one placement I
/// got wrong was ..." (the object put first, then the speaker).
fn generic_slip_binds(toks: &[Token], k: usize, h: &Hit<bool>) -> Option<(usize, usize)> {
    let w = toks[k].norm.as_str();
    let lex = lexicon();
    let before = k < h.start
        && h.start - k <= 4
        && toks[k + 1..h.start]
            .iter()
            .all(|g| !lex.has(List::PhraseEnd, &g.norm));
    let compound = h.end == k && lex.has(List::ErrorNoun, w);
    let mine = h.start > 0
        && toks[h.start - 1].norm == "my"
        && k >= h.end
        && k - h.end <= 6
        && toks
            .get(k.wrapping_sub(1))
            .is_some_and(|p| lex.has(List::MineWas, &p.norm))
        && same_clause(toks, h.end, k);
    if mine {
        return Some((h.start - 1, k + 1));
    }
    let fronted = k == h.end + 2
        && lex.has(List::SpeakerI, &toks[h.end].norm)
        && toks[h.end + 1].norm == "got"
        && w == "wrong";
    if fronted {
        return Some((h.start, k + 1));
    }
    let object = k >= h.end
        && k - h.end <= 1
        && !generic_noun(w)
        && toks
            .get(k.wrapping_sub(1))
            .is_some_and(|p| !lex.has(List::LinkingBe, &p.norm));
    let speakers = (k.min(h.start) > 0 && toks[k.min(h.start) - 1].norm == "my")
        || speaker_subject(toks, k.min(h.start)) == Some(true);
    ((before || compound || object) && speakers).then_some((k.min(h.start), (k + 1).max(h.end)))
}

/// Whether the specific slip word at `k` ("misread", "miscalculated", "on me") is bound to the
/// core skill `h`: near it (eight words at most), in the same clause, and the speaker's. A slip
/// word inside the skill's own words ("check-in error" as a skill) binds nothing.
fn specific_slip_binds(toks: &[Token], k: usize, owning: bool, h: &Hit<bool>) -> bool {
    let (a, b) = if k < h.start {
        (k, h.start)
    } else {
        (h.end, k)
    };
    b.checked_sub(a).is_some_and(|d| d <= 8)
        && same_clause(toks, a, b)
        && (owning || speakers_part(toks, k))
}

/// Whether a slip word is a noun ("error"), which cannot follow its object the way "wrong" can.
fn generic_noun(w: &str) -> bool {
    lexicon().has(List::SlipNounLike, w)
}

/// Whether one of the two words before token `k` denies it.
fn denied(toks: &[Token], k: usize) -> bool {
    toks[k.saturating_sub(2)..k]
        .iter()
        .any(|p| is_negator(&p.norm))
}
