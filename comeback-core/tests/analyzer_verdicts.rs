//! Verdicts on whole answers. Key 1: the question's own words are no slip, taking on too much and
//! trusting instead of checking are slips, a decision of the speaker's own team is no outside
//! cause, weather and a caterer are, a body named in passing ("the council leader") excuses no
//! slip. Key 3: the people a recovery reached are not the people who helped with it; a step told
//! with its pace is the recovery, background in the past perfect is not. Key 4: a stock phrase or
//! a blame phrase is no immediate win, a courtesy car or a goodwill payment is. Key 5: a lesson
//! followed by "so I ..." in the present tense tells the habit too; a denial leaves nothing to
//! learn from. Hand-written; none is taken from the corpus.

use comeback_core::analyzer::{analyze_answer, split_answer, AnswerPart};
use comeback_core::Key;

fn met(text: &str, role: &str, key: Key) -> bool {
    analyze_answer(text, Some(role)).key(key).met
}

fn part_of(text: &str, needle: &str) -> AnswerPart {
    split_answer(text)
        .into_iter()
        .find(|s| s.text.contains(needle))
        .map(|s| s.part)
        .unwrap_or_else(|| panic!("{needle:?} not found"))
}

#[test]
fn echoing_the_question_is_not_a_slip() {
    let text = "A time I failed? Our payment provider had an outage on Black Friday and checkout was down for 40 minutes. \
I switched us to the backup provider within ten minutes with the on-call engineer.";
    assert!(
        met(text, "Backend developer", Key::Choice),
        "{:?}",
        analyze_answer(text, Some("Backend developer")).key(Key::Choice)
    );
}

#[test]
fn taking_on_too_much_is_a_slip_without_a_flag() {
    for text in [
        "In my first year as an analyst I said yes to everything, and three reports ended up a week late. The supplier data was also delayed.",
        "I overcommitted in my first quarter and two client audits slipped by ten days, even though the vendor portal was slow too.",
        "Honestly, I spread myself too thin that spring and the grant bid went in four days late.",
    ] {
        let r = analyze_answer(text, Some("Consultant"));
        assert!(!r.key(Key::Choice).met, "{text}\n{:?}", r.key(Key::Choice));
        assert!(r.red_flag_ids().is_empty(), "{text}\n{:?}", r.red_flag_ids());
    }
}

#[test]
fn our_own_decision_is_not_an_outside_cause() {
    let ours = "We decided to open all four stores on the same weekend, and the tills were down for six hours.";
    assert!(!met(ours, "Retail operations manager", Key::Choice));
    let theirs = "The client decided to bring the launch forward by a month, and the campaign went out half finished.";
    assert!(met(theirs, "Marketing manager", Key::Choice));
}

#[test]
fn weather_and_third_parties_are_outside_causes() {
    for (role, text) in [
        ("Groundworker", "A month of heavy rain left the site waterlogged, and we could not pour the slab for three weeks."),
        ("Event manager", "The caterer delivered the wrong menu to a 200-guest dinner, and the vegetarian meals were missing."),
        ("Structural engineer", "The retrofit turned out to be harder than we expected: the old steel was a grade nobody had recorded, and we lost five weeks."),
    ] {
        assert!(met(text, role, Key::Choice), "{text}\n{:?}", analyze_answer(text, Some(role)).key(Key::Choice));
    }
}

#[test]
fn a_lie_fails_key_one() {
    let text = "Under pressure from the seller, I told the buyer we had a second offer when we didn't. The buyer found out and walked away.";
    let r = analyze_answer(text, Some("Estate agent"));
    assert!(
        r.red_flag_ids().contains(&"ethics"),
        "{:?}",
        r.red_flag_ids()
    );
    assert!(!r.key(Key::Choice).met);
}

#[test]
fn the_people_reached_are_not_the_people_who_helped() {
    // Everyone affected, reached at once, is not "who else was involved".
    let reached = "Our venue flooded two days before the gala. I rang every guest and offered each of them a new date. \
Now I keep a second venue on hold for every event.";
    assert!(!met(reached, "Event manager", Key::Turnaround));
    // An apology to the team is not help from it.
    let sorry = "The office move went badly and the phones were down. I apologised to the team and worked hard to get things back on track.";
    assert!(!met(sorry, "Office manager", Key::Turnaround));
    // Someone who worked on the recovery with the speaker is.
    let helped = "Our venue flooded two days before the gala. I rang every guest with our events coordinator and moved the dinner to a hotel across the road.";
    assert!(met(helped, "Event manager", Key::Turnaround));
    // People in a sentence where neither the speaker nor the team acts do not count.
    let others = "I struggled with the new timetable for a whole term. I admitted it to my mentor. Later there was a meeting with the head and the parents, and they brought in a new plan.";
    assert!(!met(others, "Teaching assistant", Key::Turnaround));
}

#[test]
fn a_step_told_with_its_pace_is_the_recovery() {
    let text = "The courier left our box of 40 blood samples on a loading bay over a bank holiday, and they spoiled. \
I found out from the lab on the Tuesday. \
That same day I called the study sponsor and our lead investigator, and we agreed a repeat draw within the protocol window. \
Since then I check the courier booking before every shipment.";
    assert_eq!(
        part_of(text, "That same day"),
        AnswerPart::Recovery,
        "{:#?}",
        split_answer(text)
    );
    assert_ne!(
        part_of(text, "Since then"),
        AnswerPart::Recovery,
        "{:#?}",
        split_answer(text)
    );
    assert!(met(text, "Clinical trial coordinator", Key::Turnaround));
}

#[test]
fn past_perfect_background_is_not_the_recovery() {
    let text = "A project that didn't go to plan was our office move. \
We'd promised the staff a finished kitchen by the first week. \
Then the electrician's firm went bust and the move slipped by a month. \
I hired a second electrician the same day with our facilities lead.";
    assert_eq!(
        part_of(text, "We'd promised"),
        AnswerPart::Context,
        "{:#?}",
        split_answer(text)
    );
    assert!(met(text, "Office manager", Key::Choice));
    assert!(met(text, "Office manager", Key::Turnaround));
}

#[test]
fn a_fix_told_before_any_failure_word_is_the_recovery() {
    let text = "I subtitled a 90-minute documentary into French for a small distributor. \
A viewer emailed them about a garbled line a week after release. \
I called the distributor the same morning, owned the mistake and sent a corrected file within three hours. \
Since then I watch every subtitled film through once at full speed before I deliver it.";
    assert_eq!(
        part_of(text, "owned the mistake"),
        AnswerPart::Recovery,
        "{:#?}",
        split_answer(text)
    );
    assert!(met(text, "Translator", Key::Turnaround));
}

#[test]
fn trusting_instead_of_checking_is_a_slip() {
    let text = "I signed off the new racking from the installer's certificate and trusted it instead of walking the aisles myself. \
A bay had been fitted without its locking pins and a pallet slipped the next week.";
    assert!(!met(text, "Warehouse supervisor", Key::Choice));
}

#[test]
fn a_body_named_in_passing_excuses_no_slip() {
    let text = "I misspelled the council leader's name in the caption of our main photo, and 30,000 copies went out with it.";
    assert!(!met(text, "Photo editor", Key::Choice));
}

#[test]
fn stock_phrases_and_blame_are_no_immediate_win() {
    let vague = "The office move went badly and half the desks had no network for a week. \
I held my hands up and worked hard to get everything back on track. Now I use a move checklist for every relocation.";
    assert!(!met(vague, "Office manager", Key::Improvement));
    let blame = "I missed my target by a third last quarter. Honestly, most of that was down to marketing and the leads they sent. \
Going forward I want better lead scoring in place.";
    assert!(!met(
        blame,
        "Sales development representative",
        Key::Improvement
    ));
}

#[test]
fn a_courtesy_car_or_a_goodwill_payment_limits_the_damage() {
    let text = "Last spring a battery update I installed failed halfway on a customer's car. \
She could not charge it past half and called us the next day, upset. \
I rang her back that evening with the foreman, and we gave her a courtesy car for the day. \
Now I run a full charge test after every update before a car leaves.";
    assert!(
        met(text, "Vehicle technician", Key::Improvement),
        "{:?}",
        analyze_answer(text, Some("Vehicle technician")).key(Key::Improvement)
    );
    let text = "Last March I fell behind on first contacts. \
Eleven policyholders waited past our two-day standard, and two complained. \
I rang all eleven the next morning with my team leader, and we made a small goodwill payment to the two who had complained. \
Since then I work from a list sorted by due date.";
    assert!(
        met(text, "Claims handler", Key::Improvement),
        "{:?}",
        analyze_answer(text, Some("Claims handler")).key(Key::Improvement)
    );
}

#[test]
fn a_lesson_with_so_i_tells_the_habit() {
    let text = "The courier left our samples on a loading bay over a bank holiday and 40 of them spoiled. \
I rang the sponsor that afternoon and we booked repeat draws within the week. \
My lesson was that a shipment is only as safe as the handoffs I can see, so I track every box until the lab confirms it.";
    assert!(
        met(text, "Clinical trial coordinator", Key::Growth),
        "{:?}",
        analyze_answer(text, Some("Clinical trial coordinator")).key(Key::Growth)
    );
}

#[test]
fn a_denial_leaves_no_lesson() {
    let text = "Honestly, I can't think of a time I've really failed. I'm a perfectionist, so I check everything twice before it goes out, \
and I've learned to trust that habit.";
    let r = analyze_answer(text, Some("Market research analyst"));
    assert!(!r.key(Key::Growth).met, "{:?}", r.key(Key::Growth));
    assert!(!r.key(Key::Choice).met);
    assert!(
        !r.key(Key::Choice)
            .findings
            .iter()
            .any(|f| f.rule == "choice-own-slip"),
        "the question's echo is no slip: {:?}",
        r.key(Key::Choice)
    );
}

#[test]
fn a_slip_given_as_the_reason_outweighs_a_rival_named_later() {
    // The speaker says why it failed; the rival firm only comes in as the consequence.
    let text = "I lost our biggest tenant because I assumed the lease renewal was a formality. \
By the time I called, they had signed with a competitor across town.";
    assert!(!met(text, "Property manager", Key::Choice));
    // The same rival as the cause, with no slip of the speaker's, is still an outside cause.
    let text =
        "We lost our biggest tenant when a competitor opened across town with rents 30% lower. \
I called them the same week with our area manager and offered a new lease.";
    assert!(met(text, "Property manager", Key::Choice));
}

#[test]
fn a_body_changing_part_of_the_rules_is_an_outside_cause() {
    let text = "Halfway through the year the awarding body changed one of the coursework rules, and 40 of my \
students had to redo a unit. I rebuilt the scheme of work with my head of department within a week.";
    assert!(met(text, "Science teacher", Key::Choice));
}

#[test]
fn an_estimate_is_no_outside_cause_for_a_project_manager() {
    // For an engineer an estimate on complex work is safe; for a project manager it is the job.
    let text = "My estimate for the office move was four weeks and it took nine, because I hadn't allowed for \
the landlord's sign-off. I told the sponsor the same day and re-planned it with facilities.";
    assert!(!met(text, "Project manager", Key::Choice));
}

#[test]
fn a_slip_of_someone_else_named_before_it_is_not_the_speakers() {
    // "my crew nearly missed ...": the crew is the subject, even after "I'd say".
    let text = "I'd say the night my crew nearly missed the last ferry. A storm closed the coast road for six hours, \
so I rebooked all 14 of us onto the morning sailing within the hour with our transport coordinator.";
    assert!(
        met(text, "Tour manager", Key::Choice),
        "{:?}",
        analyze_answer(text, Some("Tour manager")).key(Key::Choice)
    );
    // The speaker's own slip still is one.
    let text = "I'd say the night I nearly missed the last ferry because I misread the timetable. \
I rebooked all 14 of us onto the morning sailing within the hour with our transport coordinator.";
    assert!(!met(text, "Tour manager", Key::Choice));
}

#[test]
fn a_second_act_after_and_shares_the_speakers_subject() {
    // The speaker's own edit, told as a second verb after "and": no outside cause.
    for (role, text) in [
        ("Office manager", "I reused the old invitation and changed the venue but not the start time, so forty guests turned up an hour early."),
        ("Payroll officer", "We pulled last month's file and changed the rates by hand, and twelve people were paid the old overtime."),
    ] {
        assert!(!met(text, role, Key::Choice), "{text}\n{:?}", analyze_answer(text, Some(role)).key(Key::Choice));
    }
    // Someone else's act after "and" is still an outside cause.
    for (role, text) in [
        ("Event manager", "Two days before the gala the sponsor rang and changed the guest list, so 60 badges were wrong."),
        ("Marketing manager", "I sent the brief on time, but the client read it and they changed the whole campaign a week before launch."),
    ] {
        assert!(met(text, role, Key::Choice), "{text}\n{:?}", analyze_answer(text, Some(role)).key(Key::Choice));
    }
}

#[test]
fn an_action_heading_opens_the_recovery_even_with_failure_words() {
    let text = "Situation: Our only courier went into administration on a Thursday, and 800 parcels were stuck in its depot.\n\
Task: Get the orders out before the weekend.\n\
Action: The day the depot closed, I phoned two regional couriers with our warehouse lead and had a new collection booked within four hours.\n\
Result: Every parcel left by Saturday morning.";
    assert_eq!(
        part_of(text, "The day the depot closed"),
        AnswerPart::Recovery
    );
    assert!(met(text, "Logistics coordinator", Key::Turnaround));
    // The heading alone is no action: a generic recovery under it stays generic.
    let thin = "Situation: Our only courier went into administration and 800 parcels were stuck.\n\
Action: I took ownership of the problem.\n\
Result: It was sorted in the end.";
    assert!(!met(thin, "Logistics coordinator", Key::Turnaround));
}

#[test]
fn a_denial_told_as_the_only_failure_leaves_no_turnaround() {
    let denial = "To be honest I'm not sure I've ever had a real failure at work. I can be a bit of a perfectionist. \
Last quarter I rang the client the same day and rewrote the whole deck with my two analysts.";
    assert!(!met(denial, "Bid manager", Key::Turnaround));
    // A denial that opens onto a real failure leaves the recovery to be read.
    let real = "I struggle to think of a big one, but in March I pushed a bad config and checkout failed for 40 minutes. \
I rolled it back within ten minutes with the on-call engineer and posted an update for the 300 affected shops.";
    assert!(met(real, "Site reliability engineer", Key::Turnaround));
}

/// (role, text): an outside cause told as an event, not a named phrase: a thing or a body that is
/// neither the speaker nor their own work broke down. Key 1 is met.
const BREAKDOWN_CAUSES: &[(&str, &str)] = &[
    ("Event planner", "I was running a trade fair for 400 exhibitors and the hall's sprinkler valve failed overnight, soaking twelve stands. I moved those exhibitors to the spare hall by 8am with the venue team and refunded their stand fees within a week. Since then every contract I sign names a backup space."),
    ("Payroll administrator", "I'd sent the pay file on time, but the payment bureau had a system fault that morning and 200 people went unpaid until the afternoon. I called the bureau within ten minutes and got a same-day rerun agreed with our finance director. Now I keep an emergency payment route agreed in advance."),
    ("Localisation specialist", "I handed over 40 help articles in Polish on time, but the client's publishing tool stripped the diacritics, and every page went live unreadable. I sent their editor a list of the pages that afternoon and re-checked each one with her within two days. Now I ask for a staging preview before any release."),
    ("Backend developer", "Our renewal job charged 900 subscribers twice on 29 February, because the leap day had never come up since it was written. I stopped the job within 15 minutes with the on-call lead and refunded everyone by the evening. Since then our test suite runs every date job across a leap year."),
    ("Market gardener", "A late frost in May killed 300 seedlings I had planted out for a restaurant order. I drove to a grower the next morning with my partner and replaced half of them within two days. Now I keep fleece on site until the end of May."),
    ("Account manager", "On the morning of the demo the client's proxy blocked our video link, so 30 of their staff saw nothing for the first quarter hour. I switched us to a dial-in with their IT lead inside five minutes, and we finished on time. Since then I test the link from their network the day before."),
];

/// (role, text): look-alikes: someone outside reacting to the failure, the speaker's own work
/// breaking down, the speaker's own device, a person. Key 1 is not met.
const NOT_BREAKDOWN_CAUSES: &[(&str, &str)] = &[
    // Someone outside reacting to the failure is its consequence, not its cause.
    ("Copywriter", "I wrote a poster line promising the cream would clear spots in a week, which the client could not prove. A rival retailer complained to the regulator and the £30,000 campaign was pulled after a fortnight. I rewrote it with the client's lawyer within two days. Now I check every promise against the client's terms before it goes in."),
    ("Marketing manager", "The launch failed because I never checked the mailing list, and 3,000 people got the wrong code. I sent a correction within the hour with my manager. Now I test every send on a sample list first."),
    ("Teacher", "Half my class failed the mock exam because I rushed the last two topics. I ran catch-up sessions with the head of department within a week. Now I plan the syllabus backwards from the exam date."),
    ("Office manager", "My laptop crashed and I lost the seating plan for the 120-person dinner because I hadn't saved it. I rebuilt it in two hours with the events team. Now I save to the shared drive every ten minutes."),
];

#[test]
fn an_outside_breakdown_told_as_an_event_meets_key_1() {
    for (role, text) in BREAKDOWN_CAUSES {
        assert!(met(text, role, Key::Choice), "[{role}] {text}");
    }
    for (role, text) in NOT_BREAKDOWN_CAUSES {
        assert!(!met(text, role, Key::Choice), "[{role}] {text}");
    }
}

/// A recovery step told as going back to the site, or meeting the people concerned, with its pace
/// in a plain phrase ("the same week") or with helpers named by their role ("my apprentice",
/// "volunteers"); going "back to the drawing board" is no step.
#[test]
fn plain_recovery_steps_with_pace_and_helpers_meet_key_3() {
    let went_back = "A storm flattened the marquee I had pitched for a village fete, and 80 chairs were soaked.\n\nI went back the same week with my apprentice and re-pitched it on heavier pegs.";
    assert!(met(went_back, "Event crew", Key::Turnaround), "{went_back}");
    let volunteers = "The school's library system lost a term of loan records after a failed upgrade.\n\nThat week I rebuilt the list by hand with three parent volunteers, class by class.";
    assert!(
        met(volunteers, "School librarian", Key::Turnaround),
        "{volunteers}"
    );
    let drawing_board = "I lost a tender for a hospital wing. I went back to the drawing board with the team and my bids are stronger now.";
    assert!(
        !met(drawing_board, "Bid manager", Key::Turnaround),
        "{drawing_board}"
    );
}
