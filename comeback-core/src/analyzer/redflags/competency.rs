//! Core competency: a failure at the heart of the target role, told as the speaker's own slip.

use crate::analyzer::doc::{Doc, Sent, STORY_PARTS};
use crate::analyzer::features::slips::{
    aside, cleft_omission, is_check, is_generic_slip, is_people, is_slip, owning_at,
    steps_left_undone,
};
use crate::analyzer::features::subject::{
    framed_failure, same_clause, speaker_subject, speakers_part, third_party,
};
use crate::analyzer::lexicon::{lexicon, Cat, List};
use crate::analyzer::report::{AnswerPart, Finding};
use crate::analyzer::rules::RedFlag;

/// Whether a slip word is a noun ("error"), which cannot follow its object the way "wrong" can.
fn generic_noun(w: &str) -> bool {
    lexicon().has(List::SlipNounLike, w)
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

/// A core skill of the target role named as failing in this sentence, told as the speaker's slip:
/// a phrase that names an error on its own ("medication error", "burned the sauce") with the
/// speaker as its subject, or a slip of the speaker's bound to a core skill ("I misread the chart",
/// "the wrong dose", "a reconciliation error", "that was on me, because the prep plan was mine").
/// A generic word ("errors", "mistake") alone is never enough. `story_told`: a failure or context
/// sentence came before this one.
pub(super) fn core_competency(
    doc: &Doc,
    s: &Sent,
    role: &crate::analyzer::roles::Role,
    excused: bool,
    story_told: bool,
    prev: Option<&Sent>,
) -> Option<Finding> {
    if !STORY_PARTS.contains(&s.part) {
        return None;
    }
    // A core error told in the recovery, after the story was told, is what the recovery cost
    // ("we reissued the contract, so I missed quota"), not the failure.
    if story_told && matches!(s.part, AnswerPart::Recovery | AnswerPart::Immediate) {
        return None;
    }
    let toks = doc.toks(s);
    let hits = role.core_hits(toks);
    // Whether the sentence before names a core thing of the role that "it" may stand for ("A guest
    // booked a wake-up call. I wrote it on my hand instead of logging it."), read only when needed.
    let prev_core = || {
        prev.is_some_and(|p| {
            let pt = doc.toks(p);
            role.core_hits(pt)
                .iter()
                .any(|h| !h.tag && !pt[h.start..h.end].iter().any(|t| is_people(&t.norm)))
        })
    };
    if hits.is_empty() {
        // A shortcut whose object is "it", standing for a core thing named just before.
        return shortcut_on_core_task(doc, s, &hits, prev_core).map(|(a, b)| {
            doc.finding(
                RedFlag::CoreCompetency.finding_rule(),
                format!("{} ({})", RedFlag::CoreCompetency.message(), role.name),
                s,
                a,
                b,
            )
        });
    }
    let found = |a: usize, b: usize| {
        Some(doc.finding(
            RedFlag::CoreCompetency.finding_rule(),
            format!("{} ({})", RedFlag::CoreCompetency.message(), role.name),
            s,
            a,
            b,
        ))
    };
    // "The failure I'd choose is a medication error", "my worst one was a typo": the speaker names
    // their own failure, and what it was is a core skill of the role. A phrase that names an error on
    // its own stands even beside an outside cause told elsewhere; a bare skill does not.
    if let Some(b) = framed_failure(toks) {
        // "The mistake I'd pick is one I made translating a contract": what follows "one I made"
        // is the failure named.
        let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
        let b = if w(b + 1) == "one" && w(b + 2) == "i" && lexicon().has(List::OneIMade, w(b + 3)) {
            b + 3
        } else {
            b
        };
        let named = hits.iter().find(|h| {
            h.start > b
                && h.start - b <= 4
                && (h.tag || !excused)
                && !toks[b..h.start].iter().any(|t| {
                    // "... is that I hold people to high standards": a clause, not the failure named.
                    crate::analyzer::features::negation::is_negator(&t.norm)
                        || lexicon().has(List::FramedClause, &t.norm)
                })
        });
        if let Some(h) = named {
            return found(h.start, h.end);
        }
    }
    if excused {
        // An outside cause told elsewhere does not excuse an error phrase with the speaker as its
        // subject ("I misjudged it and clipped the mirror"), nor a core step left undone.
        let strict = hits.iter().find(|h| {
            h.tag
                && speaker_subject(toks, h.start) == Some(true)
                && !third_party(toks, h.start)
                && !toks[h.start.saturating_sub(2)..h.start]
                    .iter()
                    .any(|p| crate::analyzer::features::negation::is_negator(&p.norm))
        });
        if let Some(h) = strict {
            return found(h.start, h.end);
        }
        // Nor a core task the speaker did the quick or partial way: the outside cause then comes
        // after the shortcut ("I only ran the tests on one platform ... the app crashed").
        return own_core_task(doc, s, &hits, excused)
            .or_else(|| shortcut_on_core_task(doc, s, &hits, prev_core))
            .and_then(|(a, b)| found(a, b));
    }
    for h in hits.iter().filter(|h| h.tag) {
        // "burned out" is tiredness, not a kitchen.
        if toks
            .get(h.end)
            .is_some_and(|t| lexicon().has(List::ErrorIdiom, &t.norm))
        {
            continue;
        }
        let negated = toks[h.start.saturating_sub(2)..h.start]
            .iter()
            .any(|p| crate::analyzer::features::negation::is_negator(&p.norm));
        let own = speakers_part(toks, h.start)
            // No subject named nearby: the speaker's when they come before it in the sentence
            // ("I was on my own that night and the wrong dose ..."), not when someone else acts
            // first and the speaker only comes in after ("the agency nurse gave the wrong dose,
            // and I didn't find out until ...").
            || (speaker_subject(toks, h.start).is_none()
                && toks[..h.start]
                    .iter()
                    .any(|t| lexicon().has(List::SpeakerBefore, &t.norm))
                && !third_party(toks, h.start))
            || described_object(toks, h.start).is_some_and(|r| speakers_part(toks, r));
        if own && !negated {
            return found(h.start, h.end);
        }
    }
    let skills: Vec<_> = hits.iter().filter(|h| !h.tag).collect();
    for (k, t) in toks.iter().enumerate() {
        let w = t.norm.as_str();
        let generic = is_generic_slip(w);
        // "I didn't check the dose", "never tested it": a step the speaker left undone.
        let omission = cleft_omission(toks, k)
            || s.hits.iter().any(|h| {
                h.cat == Cat::Action
                    && h.negated
                    && h.start == k
                    && toks[k.saturating_sub(2)..k]
                        .iter()
                        .any(|p| crate::analyzer::features::negation::is_negator(&p.norm))
            });
        let owning = owning_at(toks, k);
        // "I messed up a pitch": a verdict on the work that says nothing of what went wrong is a
        // vague failure (key 1 fails), not a core skill shown failing.
        let verdict = lexicon().has(List::VagueVerdict, w);
        if !(is_slip(w) || omission || owning) || verdict {
            continue;
        }
        let negated = !omission
            && toks[k.saturating_sub(2)..k]
                .iter()
                .any(|p| crate::analyzer::features::negation::is_negator(&p.norm));
        if negated {
            continue;
        }
        for h in &skills {
            // "I assumed the client was happy": a misread person, not a core task.
            if lexicon().has(List::MisreadPerson, w)
                && toks[h.start..h.end].iter().any(|t| is_people(&t.norm))
            {
                continue;
            }
            let bound = if generic && !owning {
                // "the wrong dose", "missed a duplicate payment", "a mistake in the reconciliation".
                let before = k < h.start
                    && h.start - k <= 4
                    && toks[k + 1..h.start]
                        .iter()
                        .all(|g| !lexicon().has(List::PhraseEnd, &g.norm));
                // "a charting error".
                let compound = h.end == k && lexicon().has(List::ErrorNoun, w);
                // "my estimate for the migration was wrong".
                let mine = h.start > 0
                    && toks[h.start - 1].norm == "my"
                    && k >= h.end
                    && k - h.end <= 6
                    && toks
                        .get(k.wrapping_sub(1))
                        .is_some_and(|p| lexicon().has(List::MineWas, &p.norm))
                    && same_clause(toks, h.end, k);
                if mine {
                    return found(h.start - 1, k + 1);
                }
                // "I got the surcharge load wrong": the object of the speaker's verb, then the slip.
                // "one placement I got wrong was ...": the object put first, then the speaker.
                let fronted = k == h.end + 2
                    && lexicon().has(List::SpeakerI, &toks[h.end].norm)
                    && toks[h.end + 1].norm == "got"
                    && w == "wrong";
                if fronted {
                    return found(h.start, k + 1);
                }
                let object = k >= h.end
                    && k - h.end <= 1
                    && !generic_noun(w)
                    && toks
                        .get(k.wrapping_sub(1))
                        .is_some_and(|p| !lexicon().has(List::LinkingBe, &p.norm));
                (before || compound || object)
                    && ((k.min(h.start) > 0 && toks[k.min(h.start) - 1].norm == "my")
                        || speaker_subject(toks, k.min(h.start)) == Some(true))
            } else {
                // A specific slip ("misread", "miscalculated", "on me") near the skill, in the same clause.
                // A slip word inside the skill's own words ("check-in error" as a skill) binds nothing.
                let (a, b) = if k < h.start {
                    (k, h.start)
                } else {
                    (h.end, k)
                };
                b.checked_sub(a).is_some_and(|d| d <= 8)
                    && same_clause(toks, a, b)
                    && (owning || speakers_part(toks, k))
            };
            if bound {
                return found(k.min(h.start), (k + 1).max(h.end));
            }
        }
    }
    own_core_task(doc, s, &hits, excused)
        .or_else(|| shortcut_on_core_task(doc, s, &hits, prev_core))
        .or_else(|| lapsed_core_task(doc, s, &hits))
        .or_else(|| team_core_failure(doc, s, &hits))
        .and_then(|(a, b)| found(a, b))
}

/// The tokens of a sentence that tells the failure or its context, not a new habit; `None` for
/// any other sentence.
fn failure_told<'a>(doc: &'a Doc, s: &Sent) -> Option<&'a [crate::analyzer::text::Token]> {
    if !matches!(s.part, AnswerPart::Failure | AnswerPart::Context) {
        return None;
    }
    let toks = doc.toks(s);
    (!tells_habit(toks)).then_some(toks)
}

/// A core failure told with "we": the speaker's team, the speaker among them, left the role's
/// core step undone ("we hadn't tested the restore", "we skipped the site survey") or made the
/// role's core error ("we over-ordered"). The speaker tells their own story, so a "we" of theirs
/// includes them; only with no outside cause told, only where the failure is told, never in the
/// new habit, and the core skill must be what the step was about (its object, close after it).
fn team_core_failure(
    doc: &Doc,
    s: &Sent,
    hits: &[crate::analyzer::lexicon::Hit<bool>],
) -> Option<(usize, usize)> {
    let toks = failure_told(doc, s)?;
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let lex = lexicon();
    let we = |i: usize| lex.has(List::WeSubject, w(i));
    // "we over-ordered": the core error right after "we" (past an adverb).
    let error = hits.iter().find(|h| {
        h.tag
            && h.start >= 1
            && (we(h.start - 1)
                || (h.start >= 2 && we(h.start - 2) && lex.has(List::WeAdverb, w(h.start - 1))))
    });
    if let Some(h) = error {
        return Some((h.start - 1, h.end));
    }
    for k in 1..toks.len() {
        let step = match w(k) {
            v if lex.has(List::WeOmission, v) => we(k - 1),
            "not" => k >= 2 && lex.has(List::AuxBeforeNot, w(k - 1)) && we(k - 2),
            _ => false,
        };
        if !step {
            continue;
        }
        let found = hits.iter().find(|h| {
            !h.tag
                && h.start > k
                && h.start - k <= 6
                && same_clause(toks, k, h.start)
                && !toks[h.start..h.end].iter().any(|t| is_people(&t.norm))
                && !toks[k + 1..h.start]
                    .iter()
                    .any(|t| aside(&t.norm) || lex.has(List::WeStepGap, &t.norm))
        });
        if let Some(h) = found {
            return Some((k - 1, h.end));
        }
    }
    None
}

/// Whether a sentence tells the new habit ("since then", "now", "whenever"), not the failure.
fn tells_habit(toks: &[crate::analyzer::text::Token]) -> bool {
    let habit = lexicon().list(List::HabitMarker);
    toks.windows(2)
        .any(|p| habit.has_pair(&p[0].norm, &p[1].norm))
        || toks.iter().any(|t| habit.has(&t.norm))
}

/// A core task of the role that the speaker did the quick or partial way, told without any slip
/// word: the role's core work is what the speaker acted on, and the sentence says how the act fell
/// short of doing it properly. Four ways of telling it:
/// - from a source that was out of date ("I built the rota from last term's saved copy"): a stale
///   word after a word that takes from a source;
/// - one way instead of the proper step ("I sized the beam by eye rather than calculating it"):
///   "rather than" / "instead of" and an "-ing" verb;
/// - only part of it ("I only checked the first ten invoices"): "I only" and an act;
/// - for the speaker's convenience ("I set the levels off the nearer peg because it was quicker").
///
/// The core skill is near the act, in the same clause, and is a thing done, not the people the
/// role serves; or it is a core error told after the act ("..., so thirty staff were short-paid").
/// Only where the failure is told, never in the new habit, and never someone else's act.
fn shortcut_on_core_task(
    doc: &Doc,
    s: &Sent,
    hits: &[crate::analyzer::lexicon::Hit<bool>],
    prev_core: impl Fn() -> bool,
) -> Option<(usize, usize)> {
    if !matches!(
        s.part,
        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
    ) {
        return None;
    }
    let toks = doc.toks(s);
    if tells_habit(toks) {
        return None;
    }
    let lex = lexicon();
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    let negated_at = |k: usize| {
        toks[k.saturating_sub(2)..k.min(toks.len())]
            .iter()
            .any(|p| crate::analyzer::features::negation::is_negator(&p.norm))
    };
    let thing = |h: &crate::analyzer::lexicon::Hit<bool>| {
        !toks[h.start..h.end].iter().any(|t| is_people(&t.norm))
    };
    // The core skill the act at `m` was about: within `back` words before it or `ahead` words
    // after it, in the same clause; or a core error told after it; or, when the act names its
    // object as "it" or "them", the core skill named earlier in the sentence ("a guest asked for
    // a wake-up call and I jotted it on my hand instead of logging it").
    let core_near = |m: usize, back: usize, ahead: usize| -> Option<(usize, usize)> {
        let pronoun = (m.saturating_sub(back)..(m + ahead).min(toks.len())).find(|&i| {
            lex.has(List::ObjectPronoun, w(i)) && i > 0 && speaker_subject(toks, i) == Some(true)
        });
        let earlier =
            pronoun.and_then(|p| hits.iter().rev().find(|h| !h.tag && h.end <= p && thing(h)));
        if let Some(h) = earlier {
            return Some((h.start, h.end));
        }
        // "it" standing for a core thing named in the sentence before.
        if let Some(p) = pronoun.filter(|_| prev_core()) {
            if !hits.iter().any(|h| !h.tag && h.end <= p) {
                return Some((p, p + 1));
            }
        }
        hits.iter()
            .find(|h| {
                if h.tag {
                    return h.start > m && !negated_at(h.start);
                }
                let near = if h.end <= m {
                    m - h.end <= back && same_clause(toks, h.end, m)
                } else if h.start > m {
                    h.start - m <= ahead && same_clause(toks, m, h.start)
                } else {
                    true
                };
                near && thing(h)
            })
            .map(|h| (h.start, h.end))
    };
    // A reason that is someone else's after the act ("..., because he preferred to ..."): the
    // way of doing it was chosen for them, not a shortcut. Found once, at its last place.
    let others_reason = (0..toks.len())
        .rev()
        .find(|&i| lex.has(List::Because, w(i)) && lex.has(List::OthersReason, w(i + 1)));
    let reason_of_others = |m: usize| others_reason.is_some_and(|r| r >= m);
    let routine = toks.iter().any(|t| lex.has(List::Routine, &t.norm));
    for m in 0..toks.len() {
        let t = w(m);
        if negated_at(m) {
            continue;
        }
        let hit = if lexicon().has(List::StaleSource, t) {
            // "from a saved report", "imported the previous month's file".
            // Whose act is read at the word that takes from the source: in "from last year's
            // saved copy" the "year's" before "saved" is no one acting.
            let lead = (m.saturating_sub(4)..m).find(|&i| lexicon().has(List::SourceLead, w(i)));
            if lead.is_some_and(|i| speakers_part(toks, i)) && !reason_of_others(m) {
                core_near(m, 6, 3)
            } else {
                None
            }
        } else if (t == "rather" && w(m + 1) == "than") || (t == "instead" && w(m + 1) == "of") {
            // The proper step passed over, as an "-ing" verb right after.
            let step =
                (m + 2..(m + 4).min(toks.len())).any(|i| w(i).len() > 4 && w(i).ends_with("ing"));
            // Whose act: the subject of the clause, not the noun just before ("I wrote it on my
            // hand rather than ...").
            if step && speaker_subject(toks, m) == Some(true) && !reason_of_others(m) {
                core_near(m, 8, 4)
            } else {
                None
            }
        } else if t == "only" && m >= 1 && lex.has(List::SpeakerI, w(m - 1)) {
            // "I only ran the regression pack": the act, then its object.
            let v = w(m + 1);
            let act = v.len() > 2
                && v.chars().all(|c| c.is_alphabetic())
                && !lexicon().has(List::NotPartial, v)
                && !lex.has(List::OnlyAdverb, v);
            if act {
                core_near(m + 1, 0, 5)
            } else {
                None
            }
        } else if t == "same" && lexicon().has(List::Slot, w(m + 1)) && m >= 1 && w(m - 1) == "the"
        {
            // "I listed two hearings into the same court": two things put in one slot by the
            // speaker's act on the core task; not a routine ("at the same time every week").
            let two = toks[m.saturating_sub(8)..m]
                .iter()
                .any(|t| lex.has(List::TwoThings, &t.norm));
            if two && !routine {
                hits.iter()
                    .find(|h| {
                        !h.tag
                            && h.end <= m
                            && m - h.end <= 8
                            && thing(h)
                            && same_clause(toks, h.end, m)
                            && speakers_part(toks, h.start)
                    })
                    .map(|h| (h.start, h.end))
            } else {
                None
            }
        } else if lexicon().has(List::Convenience, t) {
            // "... because it was nearer": the speaker's act on the core skill before the reason.
            let reason = (m.saturating_sub(4)..m).find(|&i| lex.has(List::BecauseAs, w(i)));
            reason.and_then(|r| {
                hits.iter()
                    .find(|h| {
                        !h.tag
                            && h.end <= r
                            && r - h.end <= 10
                            && thing(h)
                            && speakers_part(toks, h.start)
                            && !third_party(toks, h.start)
                    })
                    .map(|h| (h.start, h.end))
            })
        } else {
            None
        };
        if let Some((a, b)) = hit {
            return Some((m.min(a), (m + 1).max(b)));
        }
    }
    None
}

/// A core task of the role told as having lapsed, with the task as its subject and nobody else
/// named ("the night checks slipped", "the fridge log went undone for a week"): in the speaker's
/// own failure story, with no outside cause told, the task was theirs. Not a date or a whole piece
/// of work whose slipping is a delay with many causes ("the launch slipped"), not the people the
/// role serves, and not in the new habit.
fn lapsed_core_task(
    doc: &Doc,
    s: &Sent,
    hits: &[crate::analyzer::lexicon::Hit<bool>],
) -> Option<(usize, usize)> {
    let toks = failure_told(doc, s)?;
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    hits.iter().filter(|h| !h.tag).find_map(|h| {
        let task = toks[h.start..h.end]
            .iter()
            .all(|t| !is_people(&t.norm) && !lexicon().has(List::NotLapse, &t.norm));
        if !task || third_party(toks, h.start) {
            return None;
        }
        let aux = |v: &str| lexicon().has(List::LapseAux, v);
        // "the calibration of the centrifuge had been skipped": a short "of" phrase first.
        let mut k = h.end;
        if w(k) == "of" {
            k = (k + 1..(k + 5).min(toks.len()))
                .find(|&i| aux(w(i)) || lexicon().has(List::Lapse, w(i)))
                .unwrap_or(k);
        }
        let from = k;
        while k < from + 2 && aux(w(k)) {
            k += 1;
        }
        (lexicon().has(List::Lapse, w(k))
            && !crate::analyzer::features::negation::is_negator(w(h.start.wrapping_sub(1))))
        .then_some((h.start, k + 1))
    })
}

/// Whether the core skill at `k` is what the speaker was doing: the speaker ("I", "my") comes
/// before it in its clause with no time, reason or contrast between ("I was running the payroll",
/// "I'd built the estimate"; not "I never took a break during the year-end close").
fn speakers_task(toks: &[crate::analyzer::text::Token], k: usize) -> bool {
    if !speakers_part(toks, k) || third_party(toks, k) {
        return false;
    }
    let from = k.saturating_sub(14);
    let me = (from..k)
        .rev()
        .find(|&i| lexicon().has(List::SpeakerTask, &toks[i].norm));
    me.is_some_and(|i| !toks[i..k].iter().any(|t| aside(&t.norm)))
}

/// A core task of the role that the speaker did badly or left half done, by meaning rather than
/// by a slip word bound to it: a step of the work left undone ("I didn't check", "without
/// logging", "I skipped", "I assumed": `steps_left_undone`) or a slip of the speaker's that says
/// what went wrong ("misread", "the wrong file"), in the same sentence as a core skill that the
/// step is about ("I didn't do a strand test"), as the core error it let through ("..., and
/// fourteen people were overpaid"), or after the core task the speaker was doing ("I was running
/// the monthly payroll and uploaded the wrong file", "I'd built the estimate on the templates and
/// didn't dig into the integrations").
/// Only where the failure is told (not the recovery), and never a step someone else left undone.
/// When an outside cause is told in the story, only a step the speaker left undone on the core
/// task itself counts ("the fridge had failed, but I didn't check the temperature log"): the
/// role's own core check is never an outside cause, but a slip merely beside one may be.
fn own_core_task(
    doc: &Doc,
    s: &Sent,
    hits: &[crate::analyzer::lexicon::Hit<bool>],
    excused: bool,
) -> Option<(usize, usize)> {
    if !matches!(
        s.part,
        AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
    ) {
        return None;
    }
    let toks = doc.toks(s);
    // "Since then I never hand over without reading the chart": the new habit, not the failure.
    if tells_habit(toks) {
        return None;
    }
    let skills: Vec<_> = hits.iter().filter(|h| !h.tag).collect();
    // The step left undone, then the core error it let through in the same sentence: "I didn't
    // spot-check the output, and fourteen people were overpaid".
    let undone = steps_left_undone(toks);
    if let Some(&u) = undone.first() {
        let outcome = hits.iter().find(|h| {
            h.tag
                && h.start > u
                && !toks[h.start.saturating_sub(2)..h.start]
                    .iter()
                    .any(|p| crate::analyzer::features::negation::is_negator(&p.norm))
        });
        if let Some(h) = outcome {
            return Some((u, h.end));
        }
    }
    // The step left undone is about the core task: "didn't check the dose", "without logging the
    // temperature", "the handover notes I never read".
    let lex = lexicon();
    for &u in &undone {
        // "I assumed the client was happy": an assumption about a person, not a check left out.
        let assumption = lex.has(List::Assumption, &toks[u].norm);
        for h in skills
            .iter()
            .filter(|h| !(assumption && toks[h.start..h.end].iter().any(|t| is_people(&t.norm))))
        {
            // The core skill is what the step was about: not a time or a reason beside it ("I
            // never took a lunch break during the year-end close"), nor a word that only describes
            // that thing ("the email about the exam hall": a preposition other than a verb's own
            // particle, "look at", "dig into").
            let modifier = toks[u..h.start.max(u)]
                .iter()
                .any(|t| lex.has(List::Modifier, &t.norm));
            let object = h.start >= u
                && h.start - u <= 6
                && same_clause(toks, u, h.start)
                && !modifier
                && !toks[u..h.start]
                    .iter()
                    .any(|t| lex.has(List::StepBreak, &t.norm) || aside(&t.norm));
            // "the handover notes I never read": the skill, then only the speaker and the negation.
            let fronted = h.end <= u
                && u - h.end <= 3
                && toks[h.end..u]
                    .iter()
                    .all(|t| lex.has(List::FrontedOmission, &t.norm));
            let about = object
                || fronted
                // The check left out, then the core task done anyway: "I didn't check the log
                // before I started, and I gave nine patients their vaccine".
                || (h.start > u
                    && !assumption
                    && toks[u..(u + 5).min(toks.len())]
                        .iter()
                        .any(|t| is_check(&t.norm))
                    // A second act of the speaker's: "..., and I gave nine patients their vaccine".
                    && toks[u..h.start].windows(2).any(|p| {
                        lex.has(List::SecondActJoin, &p[0].norm)
                            && lex.has(List::SecondActSubject, &p[1].norm)
                    })
                    && speakers_task(toks, h.start));
            if about {
                return Some((u.min(h.start), (u + 1).max(h.end)));
            }
        }
    }
    if excused {
        return None;
    }
    // The speaker's own step left undone or slip, in a sentence where the speaker was doing a
    // core task: "I was doing the payroll ... and I uploaded the file for the wrong month".
    // Slips that say what went wrong in the work ("misread", "the wrong file"), not a verdict on
    // it ("I felt I'd failed", "my mistake was ...").
    let done_wrong = toks.iter().enumerate().find_map(|(k, t)| {
        let w = t.norm.as_str();
        let telling = lexicon().has(List::Wrong, w) || (is_slip(w) && !is_generic_slip(w));
        let negated = toks[k.saturating_sub(2)..k]
            .iter()
            .any(|p| crate::analyzer::features::negation::is_negator(&p.norm));
        (telling && !negated && speakers_part(toks, k)).then_some(k)
    });
    let slip = undone.first().copied().or(done_wrong)?;
    // The core task is a thing done ("the payroll", "the estimate"), not the people it is for,
    // unless what was left undone is a check ("I gave a patient his insulin without checking his
    // blood sugar").
    let check_left = undone.first().is_some_and(|&u| {
        toks[u..(u + 1).min(toks.len())]
            .iter()
            .any(|t| is_check(&t.norm))
    });
    skills
        .iter()
        .filter(|h| check_left || !toks[h.start..h.end].iter().any(|t| is_people(&t.norm)))
        // The slip comes in the task ("I was running the payroll and uploaded the wrong file"),
        // not before it as something given up for it ("I skipped the social to finish the pack").
        .find(|h| h.start < slip && speakers_task(toks, h.start))
        .map(|h| (h.start, slip + 1))
}

/// The value of a number token ("14", "fourteen") and, from the word after it, its length in days
/// when it is one ("weeks" = 7); `None` for anything else.
fn length_at(toks: &[crate::analyzer::text::Token], k: usize) -> Option<(f64, Option<f64>)> {
    let value = crate::analyzer::figures::number_value(toks.get(k)?.norm.as_str())?;
    let unit = lexicon().value(
        List::DaysIn,
        toks.get(k + 1).map_or("", |t| t.norm.as_str()),
    );
    Some((value, unit))
}

/// A plan or an estimate of the speaker's own that the work overran, for a role whose core skills
/// include estimating (a project manager): a length of time the speaker committed to, then the
/// length it actually took, told in the story ("I said eight weeks. It took fourteen.", "My plan
/// allowed two weeks for the migration; it took seven"). Not when an outside cause is told (a
/// client's change of scope, a supplier going under): then the overrun is not the speaker's.
pub(super) fn overrun_estimate(
    doc: &Doc,
    role: &crate::analyzer::roles::Role,
    excused: bool,
) -> Option<Finding> {
    if excused {
        return None;
    }
    let estimating = lexicon().list(List::Estimating).entries().any(|w| {
        role.core_hits(&crate::analyzer::text::tokenize(w))
            .iter()
            .any(|h| !h.tag)
    });
    if !estimating {
        return None;
    }
    let story: Vec<&Sent> = doc
        .sents
        .iter()
        .filter(|s| {
            matches!(
                s.part,
                AnswerPart::Failure | AnswerPart::Context | AnswerPart::Other
            )
        })
        .collect();
    for (i, a) in story.iter().enumerate() {
        let toks = doc.toks(a);
        // The speaker's commitment, with a figure after it.
        let commit = toks.iter().enumerate().find_map(|(k, t)| {
            let own = speakers_part(toks, k)
                || (k >= 2
                    && toks[k - 2].norm == "my"
                    && lexicon().has(List::MyPlan, &toks[k - 1].norm));
            (lexicon().has(List::CommitLength, &t.norm)
                && own
                && a.figures.iter().any(|f| f.start > k && f.start - k <= 8))
            .then_some(k)
        });
        let Some(c) = commit else {
            continue;
        };
        let planned = (c + 1..toks.len().min(c + 9)).find_map(|k| length_at(toks, k));
        // What it took: "it took fourteen", "took seven weeks", "ended up taking five months".
        for b in story.iter().skip(i).take(3) {
            let bt = doc.toks(b);
            let from = if std::ptr::eq(*a, *b) { c + 1 } else { 0 };
            let took = (from..bt.len()).find(|&k| {
                lexicon().has(List::Took, &bt[k].norm)
                    && (b.figures.iter().any(|f| f.start > k && f.start - k <= 3)
                        // "It took fourteen.": a bare number, its unit given by the estimate.
                        || bt.get(k + 1).is_some_and(|n| {
                            n.numeric || crate::analyzer::figures::is_number_word(&n.norm)
                        }))
                    && !bt[k.saturating_sub(3)..k]
                        .iter()
                        .any(|p| crate::analyzer::features::negation::is_negator(&p.norm))
            });
            // Only an overrun: "I said eight weeks and it took seven" is no failure.
            let actual =
                took.and_then(|k| (k + 1..bt.len().min(k + 4)).find_map(|j| length_at(bt, j)));
            let longer = match (planned, actual) {
                (Some((p, pu)), Some((a, au))) => {
                    let pu = pu.unwrap_or(1.0);
                    a * au.unwrap_or(pu) > p * pu
                }
                _ => true,
            };
            if let Some(k) = took.filter(|_| longer) {
                return Some(doc.finding(
                    RedFlag::CoreCompetency.finding_rule(),
                    format!("{} ({})", RedFlag::CoreCompetency.message(), role.name),
                    b,
                    k,
                    k + 1,
                ));
            }
        }
    }
    None
}
