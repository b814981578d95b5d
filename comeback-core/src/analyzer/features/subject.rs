//! Who did it: the subject of a risky phrase or a slip, found from the words before it (the
//! speaker, someone else, or nobody named), and where a new clause starts.

use crate::analyzer::lexicon::{lexicon, List};
use crate::analyzer::text::Token;

/// Whether a token can be the noun that heads a subject ("vendor", "nurse", "Priya").
pub(crate) fn noun_like(t: &Token) -> bool {
    !t.numeric && !t.norm.ends_with("ly") && !lexicon().has(List::NotSubject, &t.norm)
}

/// Whether the word before token `k` (past adverbs and auxiliaries) is someone else: a noun
/// ("a vendor misled us", "an agency nurse had backdated") or a third-person pronoun.
pub(crate) fn third_party(toks: &[Token], k: usize) -> bool {
    // Only a phrase that opens with a verb ("misled", "decided") takes the word before as its
    // subject; "as if", "a lie", "on their own" do not.
    if toks.get(k).is_none_or(|t| !noun_like(t)) {
        return false;
    }
    let lex = lexicon();
    let mut i = k.min(toks.len());
    let mut steps = 0;
    while i > 0 && steps < 4 {
        i -= 1;
        steps += 1;
        let w = toks[i].norm.as_str();
        if w.ends_with("ly") || lex.has(List::BeforeThirdParty, w) {
            continue;
        }
        return lex.has(List::ThirdPerson, w) || noun_like(&toks[i]);
    }
    false
}

/// Who is the subject nearest before token `k`, in the same clause and at most fourteen words
/// back: `Some(true)` for the speaker, `Some(false)` for anyone else, `None` when there is none.
pub(crate) fn speaker_subject(toks: &[Token], k: usize) -> Option<bool> {
    speaker_subject_within(toks, k, 14)
}

/// `speaker_subject` looking up to `reach` words back: a long first clause ("I left a big batch of
/// ... on the side and went home without ...") still has the speaker as its subject.
pub(crate) fn speaker_subject_within(toks: &[Token], k: usize, reach: usize) -> Option<bool> {
    let lex = lexicon();
    let from = k.saturating_sub(reach);
    for i in (from..k.min(toks.len())).rev() {
        // "... and the label was wrong": a new clause with a subject of its own.
        if clause_break(toks, i) {
            return Some(false);
        }
        let w = toks[i].norm.as_str();
        // "applied it to the wrong period": "it" right after a content word is its object.
        if w == "it" && i > 0 && noun_like(&toks[i - 1]) {
            continue;
        }
        if lex.has(List::SpeakerSubject, w) {
            return Some(true);
        }
        if lex.has(List::OtherSubject, w) {
            return Some(false);
        }
        // "the pump was showing errors", "half my class had failed": a noun before an auxiliary.
        if lex.has(List::AuxAfterSubject, w) && i > 0 && noun_like(&toks[i - 1]) {
            return Some(false);
        }
        // "I noticed the pump ...": what follows a verb of finding is what the speaker found.
        if lex.has(List::Detect, w) {
            return Some(false);
        }
    }
    None
}

/// Whether token `k` opens a new clause with a subject of its own ("and the pharmacy", "but our").
pub(crate) fn clause_break(toks: &[Token], k: usize) -> bool {
    let lex = lexicon();
    toks.get(k)
        .is_some_and(|t| lex.has(List::ClauseJoin, &t.norm))
        && toks
            .get(k + 1)
            .is_some_and(|n| lex.has(List::OpensNoun, &n.norm))
}

/// Whether a risky phrase tells something the speaker did ("I skipped", "my writing").
pub(crate) fn by_speaker(toks: &[Token], start: usize, end: usize) -> bool {
    let me = |t: &Token| lexicon().has(List::SpeakerWord, &t.norm);
    toks.get(start).is_some_and(me)
        || speaker_subject(toks, start) == Some(true)
        // "To save time, I ...": the speaker is the subject of the clause that follows.
        || (start == 0
            && toks
                .get(end..(end + 4).min(toks.len()))
                .is_some_and(|w| w.iter().any(me)))
}

/// Whether token `k` is the speaker's own doing: "my" before it, or the speaker as the nearest
/// subject, with nobody else named just before it.
pub(crate) fn speakers_part(toks: &[Token], k: usize) -> bool {
    (k > 0 && toks[k - 1].norm == "my")
        || (speaker_subject(toks, k) == Some(true) && !third_party(toks, k))
}

/// Whether tokens `a..b` hold no clause break.
pub(crate) fn same_clause(toks: &[Token], a: usize, b: usize) -> bool {
    (a..b).all(|i| !clause_break(toks, i))
}

/// The position of "is"/"was" when the sentence opens with the speaker naming their own failure as
/// its subject ("The failure I'd choose is ...", "A mistake I made as a technician was ...", "My
/// worst one was ...", "A decision I regret is ..."): a failure noun and the speaker ("I", "my") before it, no clause break, and
/// no one else named ("a mistake my colleague made was ...").
pub(crate) fn framed_failure(toks: &[Token]) -> Option<usize> {
    let lex = lexicon();
    let mut frame = false;
    let mut me = false;
    for (i, t) in toks.iter().enumerate().take(14) {
        let w = t.norm.as_str();
        if lex.has(List::FrameBe, w) {
            return (frame && me).then_some(i);
        } else if lex.has(List::FrameSpeaker, w) {
            me = true;
        } else if lex.has(List::FrameOther, w) {
            return None;
        } else if lex.has(List::FrameNoun, w) {
            frame = true;
        }
        if clause_break(toks, i) {
            return None;
        }
    }
    None
}
