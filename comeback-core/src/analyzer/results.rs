//! Key 4: results. Both an immediate fix or win (an apology alone is not one) and a lasting change
//! to a process, a system or a habit.

use super::doc::{key_verdict, missing, CueHit, Doc, Sent};
use super::lexicon::{lexicon, Cat, List};
use super::report::{AnswerPart, KeyVerdict};
use crate::analyzer::rules::{
    IMPROVEMENT_APOLOGY_ONLY, IMPROVEMENT_IMMEDIATE, IMPROVEMENT_LONG_TERM,
    IMPROVEMENT_NO_IMMEDIATE, IMPROVEMENT_NO_LONG_TERM,
};
use crate::Key;

/// An apology with nothing else done.
fn apology_only(s: &Sent) -> bool {
    s.has(Cat::Apology)
        && !s.hits_of(Cat::Immediate).any(|h| h.cat == Cat::Immediate)
        && !s.has(Cat::Action)
}

/// The first sentence that shows an immediate fix or win, with the words, when those words prove
/// it in their clause (a heading "Result" alone, or "I was on shift", proves nothing).
pub(crate) fn immediate<'d>(doc: &'d Doc) -> Option<(&'d Sent, usize, usize)> {
    immediate_told(doc)
        .filter(|(s, a, b)| !doc.hollow(s, List::HollowResult) && doc.clause_proves(s, *a, *b))
}

fn immediate_told<'d>(doc: &'d Doc) -> Option<(&'d Sent, usize, usize)> {
    // The immediate-win field says it; an empty field leaves the recovery's own words to show it.
    if let Some(field) = doc.field_says(AnswerPart::Immediate, 2, |s| !apology_only(s)) {
        return Some(field);
    }
    for s in doc.in_parts(&[
        AnswerPart::Immediate,
        AnswerPart::Recovery,
        AnswerPart::LongTerm,
    ]) {
        if apology_only(s) || only_generic(doc, s) {
            continue;
        }
        if let Some(h) = damage_limited(s).filter(|h| !in_blame(s, h)) {
            return Some((s, h.start, h.end));
        }
        let enabling = matches!(s.part, AnswerPart::Recovery | AnswerPart::Immediate)
            .then(|| enabled(doc, s))
            .flatten();
        if let Some((a, b)) = enabling.or_else(|| kept_part(doc, s)) {
            return Some((s, a, b));
        }
    }
    None
}

/// A step of the speaker's or the team's that let the people affected carry on: "I drove to the
/// other branch ... so the fitters could start", "I set up a livestream so anyone who couldn't
/// travel could still bid", "I had the overdraft extended so the wages go out that week" is not
/// read (present tense). Not "so it can't happen again" (a lasting change) or "so I could ...".
fn enabled(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    let toks = doc.toks(s);
    let acted = super::features::acts::actions(doc, s, false)
        .into_iter()
        .filter(|a| a.concrete && a.actor != super::features::acts::Actor::Other)
        .map(|a| a.start)
        .min()?;
    let lex = lexicon();
    (acted + 1..toks.len()).find_map(|k| {
        if toks[k].norm != "so" {
            return None;
        }
        let from = if toks.get(k + 1).is_some_and(|t| t.norm == "that") {
            k + 2
        } else {
            k + 1
        };
        let clause = &toks[from..(from + 6).min(toks.len())];
        let modal = clause
            .iter()
            .position(|t| lex.has(List::SoCould, &t.norm))?;
        // "so they were able to": "were" and "was" need "able" after them.
        let able = !lex.has(List::SoWereAble, &clause[modal].norm)
            || clause.get(modal + 1).is_some_and(|t| t.norm == "able");
        let whom = &clause[..modal];
        let closed = whom.iter().any(|t| {
            super::features::negation::is_negator(&t.norm) || lex.has(List::SoNotOthers, &t.norm)
        }) || clause
            .get(modal + 1)
            .is_some_and(|t| super::features::negation::is_negator(&t.norm) || t.norm == "never");
        (able && !whom.is_empty() && !closed).then_some((k, from + modal + 1))
    })
}

/// Whether the only things the speaker did in a sentence are stock phrases ("I held my hands up
/// and worked hard to get everything back on track"): no fix is named.
fn only_generic(doc: &Doc, s: &Sent) -> bool {
    s.has(Cat::GenericAction)
        && !super::features::acts::actions(doc, s, false)
            .iter()
            .any(|a| a.concrete && a.actor != super::features::acts::Actor::Other)
}

/// Whether a result cue is part of a blame phrase ("most of that was down to marketing"): it
/// tells whose fault it was, not a result.
fn in_blame(s: &Sent, h: &CueHit) -> bool {
    s.hits
        .iter()
        .any(|b| matches!(b.cat, Cat::Blame | Cat::BlameWeak) && b.start < h.end && h.start < b.end)
}

/// The words in a recovery sentence that show the damage limited at the time: an immediate-win
/// cue, a remedy ("credited the overpayment", "republished them by hand"), or a call to everyone
/// affected, unless that call was to apologise.
fn damage_limited(s: &Sent) -> Option<&CueHit> {
    s.hits_of(Cat::Immediate)
        .chain(s.hits_of(Cat::Remedy))
        .chain(s.hits_of(Cat::Forewarn).filter(|_| !s.has(Cat::Apology)))
        .min_by_key(|h| h.start)
}

/// The first sentence that shows a lasting change, with the words, when they prove it in their
/// clause.
pub(crate) fn long_term<'d>(doc: &'d Doc) -> Option<(&'d Sent, usize, usize)> {
    long_term_told(doc)
        .filter(|(s, a, b)| !doc.hollow(s, List::HollowResult) && doc.clause_proves(s, *a, *b))
}

fn long_term_told<'d>(doc: &'d Doc) -> Option<(&'d Sent, usize, usize)> {
    if let Some(field) = doc.field_says(AnswerPart::LongTerm, 2, |_| true) {
        return Some(field);
    }
    for s in doc.in_parts(&[AnswerPart::LongTerm, AnswerPart::Change]) {
        if let Some(h) = super::features::cues::strong_long_term_hit(doc, s) {
            return Some((s, h.start, h.end));
        }
    }
    for s in doc.in_parts(&[AnswerPart::Recovery, AnswerPart::Immediate]) {
        if let Some(h) = super::features::cues::strong_long_term_hit(doc, s) {
            return Some((s, h.start, h.end));
        }
        if let Some((a, b)) = new_routine(doc, s) {
            return Some((s, a, b));
        }
    }
    // A changed personal habit is a lasting change too ("I never give a date myself any more").
    for s in doc.in_parts(&[AnswerPart::Change]) {
        if s.first_person {
            if let Some(h) = s.hits_of(Cat::Change).next() {
                return Some((s, h.start, doc.toks(s).len()));
            }
        }
    }
    // Told anywhere after the story: the speaker's new habit ("Now if a fault is reported, I get it
    // checked the same day") or a practice that holds now ("every order now goes through a second
    // check").
    for s in doc.in_parts(&[
        AnswerPart::Recovery,
        AnswerPart::Immediate,
        AnswerPart::LongTerm,
        AnswerPart::Lesson,
        AnswerPart::Change,
    ]) {
        if let Some(at) = super::features::tense::new_habit(doc, s)
            .or_else(|| super::features::tense::holds_now(doc.toks(s)))
        {
            return Some((s, at, doc.toks(s).len()));
        }
    }
    None
}

/// Part of what was at stake kept, told with how much: "we kept two of their regional divisions",
/// "held on to 40 of the 52 bookings", "retained 80% of the accounts".
fn kept_part(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    if !matches!(s.part, AnswerPart::Recovery | AnswerPart::Immediate) {
        return None;
    }
    let toks = doc.toks(s);
    let lex = lexicon();
    toks.iter().enumerate().find_map(|(k, t)| {
        if !lex.has(List::KeptVerb, &t.norm) {
            return None;
        }
        let from = if toks
            .get(k + 1)
            .is_some_and(|n| lex.has(List::KeptOn, &n.norm))
        {
            k + 2 + usize::from(toks.get(k + 2).is_some_and(|n| n.norm == "to"))
        } else {
            k + 1
        };
        let count = toks
            .get(from)
            .is_some_and(|n| n.numeric || super::figures::is_number_word(&n.norm));
        let negated = toks[k.saturating_sub(3)..k]
            .iter()
            .any(|p| super::features::negation::is_negator(&p.norm));
        (count && !negated).then_some((k, from + 1))
    })
}

/// A routine someone took up after the failure, told as an ordinary action: "started" or
/// "began" with a verb in "-ing", then "every" or "each" with a time it comes round on ("the
/// clinic started printing the next day's list every evening", "we began ringing each client the
/// day before"). Only in the recovery and the results, not in the story.
fn new_routine(doc: &Doc, s: &Sent) -> Option<(usize, usize)> {
    let lex = lexicon();
    let toks = doc.toks(s);
    let k = toks.windows(2).position(|w| {
        lex.has(List::StartVerb, &w[0].norm) && w[1].norm.len() > 4 && w[1].norm.ends_with("ing")
    })?;
    let negated = toks[k.saturating_sub(3)..k]
        .iter()
        .any(|p| super::features::negation::is_negator(&p.norm));
    let every =
        (k + 2..toks.len().min(k + 12)).find(|&i| super::features::tense::comes_round(toks, i))?;
    (!negated).then_some((k, every + 2))
}

/// The verdict on key 4.
pub(crate) fn verdict(doc: &Doc) -> KeyVerdict {
    let key = Key::Improvement;
    let mut findings = Vec::new();
    let now = immediate(doc);
    let later = long_term(doc);
    if let Some((s, a, b)) = now {
        findings.push(doc.finding(IMPROVEMENT_IMMEDIATE, "The immediate fix or win.", s, a, b));
    }
    if let Some((s, a, b)) = later {
        findings.push(doc.finding(IMPROVEMENT_LONG_TERM, "The lasting change.", s, a, b));
    }
    let gentle = doc.draft;
    if now.is_none() {
        let apology = doc
            .in_parts(&[AnswerPart::Immediate, AnswerPart::Recovery])
            .find_map(|s| s.hits_of(Cat::Apology).next().map(|h| (s, *h)));
        match apology {
            Some((s, h)) => findings.push(doc.finding(
                IMPROVEMENT_APOLOGY_ONLY,
                "An apology is not a fix. Say what limited the damage at the time: the fix, the rollback, the warning you sent.",
                s,
                h.start,
                h.end,
            )),
            None => findings.push(missing(
                IMPROVEMENT_NO_IMMEDIATE.gentle_if(gentle),
                "Add the immediate win: what was restored or saved, and how soon (\"back online within two hours\").",
            )),
        }
    }
    if later.is_none() {
        findings.push(missing(
            IMPROVEMENT_NO_LONG_TERM.gentle_if(gentle),
            "Add the lasting change: the process, check, system or habit that stops it happening again.",
        ));
    }
    let status = match (now.is_some(), later.is_some()) {
        (true, true) => "Met: an immediate win and a lasting change.",
        (true, false) => "Missing: the lasting change (a process, system or habit).",
        (false, true) => "Missing: the immediate fix or win.",
        (false, false) if gentle => "Add the immediate win and the lasting change.",
        (false, false) => "Missing: both the immediate win and the lasting change.",
    };
    key_verdict(key, now.is_some() && later.is_some(), status, findings)
}

#[cfg(test)]
mod tests {
    use crate::analyzer::analyze_answer;
    use crate::Key;

    /// Asserts whether key 4 is met for `text`, naming `what` when it is not as expected.
    fn improvement_is(met: bool, text: &str, what: &str) {
        let r = analyze_answer(text, None);
        assert_eq!(
            r.key(Key::Improvement).met,
            met,
            "{what}: {:#?}",
            r.key(Key::Improvement)
        );
    }

    #[test]
    fn both_halves_needed() {
        let r = analyze_answer(
            "The build server crashed. I restored it from backup by noon. Since then we run a nightly restore test.",
            None,
        );
        assert!(r.key(Key::Improvement).met, "{:?}", r.key(Key::Improvement));
        let r = analyze_answer(
            "The build server crashed. I restored it from backup by noon.",
            None,
        );
        assert!(!r.key(Key::Improvement).met);
    }

    #[test]
    fn a_changed_habit_is_the_lasting_half() {
        let r = analyze_answer(
            "The supplier sent the wrong flour and 300 loaves failed. I rebaked the whole order with flour from a second mill and the bread went out on time. \
             I learned that one supplier is one point of failure. Now I always keep a week of flour from a second mill.",
            None,
        );
        assert!(
            r.key(Key::Improvement).met,
            "{:#?}",
            r.key(Key::Improvement)
        );
    }

    #[test]
    fn apology_alone_is_not_a_fix() {
        let r = analyze_answer(
            "The order arrived late. I apologised to the client. Since then we have a new checklist for every order.",
            None,
        );
        let k = r.key(Key::Improvement);
        assert!(!k.met);
        assert!(k
            .findings
            .iter()
            .any(|f| f.rule == "improvement-apology-only"));
    }

    #[test]
    fn recovery_actions_that_limit_damage_are_the_immediate_half() {
        // Remedies told as ordinary recovery steps, each with a lasting change after it.
        for fix in [
            "I reprinted the 200 menus by hand that evening with our printer's help.",
            "Within the hour I reset every account password with the IT lead.",
            "I rang every affected customer that afternoon to warn them before the bills went out.",
            "I asked the supplier that afternoon to credit the overpayment against our next order.",
        ] {
            improvement_is(true, &format!(
                "A vendor changed its file format without notice and 300 records went out wrong. {fix} \
                 Since then every import goes through a format check before it runs."
            ), fix);
        }
    }

    #[test]
    fn a_negation_does_not_reach_past_and_or_a_new_modal() {
        // "no" in "at no cost" and "couldn't" in "who couldn't come" do not undo what follows.
        for fix in [
            "The next morning I fitted the part at no cost and credited the customer's account with the call-out fee.",
            "That week I set up a phone line so that anyone who couldn't come in could still renew by card.",
        ] {
            improvement_is(true, &format!(
                "A supplier shipped the wrong batch and 60 customers were affected. {fix} \
                 Since then every batch goes through a goods-in check before it is used."
            ), fix);
        }
    }

    #[test]
    fn fixes_told_as_ordinary_actions_are_the_immediate_half() {
        // Work done again, a step that let the people affected carry on, a result told plainly.
        for fix in [
            "That evening I re-checked all 60 invoices against the contract with our finance lead.",
            "I relaunched the booking page the same night with a plain form in place of the widget.",
            "I borrowed a generator from the farm next door so the milking could carry on that night.",
            "I rang the depot with our office manager at 8am, and by Friday all 30 passports were ready for collection.",
            "That week I met the tour operator with our sales lead and kept nine of the twelve rooms on a smaller contract.",
        ] {
            improvement_is(true, &format!(
                "The courier's van broke down and our paperwork for 30 travellers was stuck in a depot. {fix} \
                 Since then every trip has a second courier booked as a backup."
            ), fix);
        }
        // Reporting, receiving and doing something for one's own sake are no fix.
        for not_fix in [
            "I reported it to my manager and received a reply two days later.",
            "I moved my other meetings so I could stay late that week.",
        ] {
            improvement_is(false, &format!(
                "The courier's van broke down and our paperwork for 30 travellers was stuck in a depot. {not_fix} \
                 Since then every trip has a second courier booked as a backup."
            ), not_fix);
        }
    }

    #[test]
    fn a_routine_or_a_safeguard_taken_up_afterwards_is_the_lasting_half() {
        for change in [
            "Afterwards the office began sending every client a reminder text each morning.",
            "Then we locked the rota template so nobody can overwrite the totals by hand.",
        ] {
            improvement_is(true, &format!(
                "A power cut wiped the booking screen an hour before opening. \
                 I rebuilt the day's list from the confirmation emails with our receptionist within 40 minutes. {change}"
            ), change);
        }
    }

    #[test]
    fn an_apology_call_to_everyone_is_not_a_fix() {
        improvement_is(
            false,
            "The venue cancelled our booking a week before the event. That evening I rang every guest and apologised for the change. \
             Since then every booking goes through a second venue check.",
            "an apology",
        );
    }

    #[test]
    fn a_practice_that_holds_now_is_the_lasting_half() {
        improvement_is(
            true,
            "The courier lost 40 parcels in a depot fire. I rebooked every parcel with a second courier within two days. \
             Every high-value order now goes out with tracking and a backup courier.",
            "a practice that holds now",
        );
        // "now" in the story is not a practice that holds.
        improvement_is(
            false,
            "The courier lost 40 parcels in a depot fire. I rebooked every parcel with a second courier within two days. \
             By then the customers were now calling us every hour.",
            "\"now\" in the story",
        );
    }

    #[test]
    fn what_was_at_stake_going_ahead_or_the_harm_averted_is_the_immediate_half() {
        for text in [
            "The caterer's van broke down on the motorway. I rang a second caterer within the hour and the gala dinner still went ahead for all 200 guests. Since then every event has a backup caterer on call.",
            "The tax portal was down on the filing day. I logged every failed attempt that afternoon with my manager, and none of the late-filing fines were charged. Since then we file a week before the deadline.",
            "A batch of salad went out with the wrong allergen label. I pulled every tub from the counters within five minutes with the head chef. Since then labels are printed fresh for every batch.",
        ] {
            let r = analyze_answer(text, None);
            assert!(r.key(Key::Improvement).met, "{text}\n{:#?}", r.key(Key::Improvement));
        }
        // "none of the" in the story, not in the recovery, is no result.
        let r = analyze_answer(
            "None of the staff had been trained on the new till, and the store lost a day of sales. Since then every new till comes with a training day.",
            None,
        );
        assert!(!r.key(Key::Improvement).met);
    }

    #[test]
    fn a_common_cue_alone_is_no_lasting_change() {
        // "reduced" and "schedule" tell the story here, not a practice that lasts.
        let story = "I booked the wrong hall for the awards night, a failure of mine. Within an hour I rang the hotel next door and moved all 140 guests there by six. \
             The move reduced our margin and pushed back the schedule.";
        improvement_is(false, story, "a common cue in the story");
        // Beside a practice that comes round again, the same kind of cue is the lasting change.
        let story = "I booked the wrong hall for the awards night, a failure of mine. Within an hour I rang the hotel next door and moved all 140 guests there by six. \
             After that the booking schedule was checked by a second person every month.";
        improvement_is(true, story, "a cue beside a practice that recurs");
    }
}
