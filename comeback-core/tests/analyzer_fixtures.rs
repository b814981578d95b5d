//! Hand-written cases for the analyzer's public API: whole answers and wizard stories.

use comeback_core::analyzer::{
    analyze_answer, analyze_story, match_role, role_names, split_answer, AnswerPart, Field,
    RedFlag, Severity,
};
use comeback_core::{FailureCategory, Key, RecoveryStep, Story};

const STRONG: &str = "Last spring I ran the online shop for a garden centre with about 2,000 orders a week. \
Two days before our biggest sale, our payment provider pushed an unexpected update that broke card payments, \
and for three hours about 40% of checkouts failed.\n\n\
I spotted the drop on our dashboard within 20 minutes, called the provider's support line, and switched us \
to our backup payment processor with our developer, Sam, by lunchtime. \
By the end of the day every failed order had been recovered and we had emailed the 310 affected customers a discount code. \
Since then we run a test payment every morning and we keep the backup processor warm, so a switch takes five minutes. \
I learned that a single supplier for something as critical as payments is a risk I own, even when it isn't my code. \
Now I list every outside service we depend on and agree a fallback for each one before a busy season.";

#[test]
fn strong_story_meets_all_five_keys() {
    let r = analyze_answer(STRONG, Some("E-commerce manager"));
    for k in Key::ALL {
        assert!(r.key(k).met, "{:?}: {:#?}", k, r.key(k));
    }
    assert!(r.red_flags.is_empty(), "{:?}", r.red_flags);
    assert!(r.words > 150 && r.speaking_seconds_min < r.speaking_seconds_max);
    assert!(
        r.interviewer_view.iter().filter(|s| s.found).count() >= 4,
        "{:#?}",
        r.interviewer_view
    );
}

#[test]
fn segments_follow_the_story() {
    let parts: Vec<AnswerPart> = split_answer(STRONG).iter().map(|s| s.part).collect();
    for p in [
        AnswerPart::Failure,
        AnswerPart::Recovery,
        AnswerPart::LongTerm,
        AnswerPart::Lesson,
        AnswerPart::Change,
    ] {
        assert!(parts.contains(&p), "{p:?} missing from {parts:?}");
    }
}

#[test]
fn nurse_medication_error_is_core_competency() {
    let r = analyze_answer(
        "On a night shift I gave a patient the wrong dose of heparin because I misread the chart.",
        Some("RN"),
    );
    assert_eq!(r.matched_role.as_deref(), Some("Nurse"));
    assert!(r.red_flag_ids().contains(&"core_competency"));
    assert!(!r.key(Key::Choice).met);
}

#[test]
fn an_engineers_outage_is_not_core_competency() {
    let r = analyze_answer(
        "A storm took out power to our data centre and the site was down for six hours.",
        Some("Software engineer"),
    );
    assert!(r.red_flags.is_empty(), "{:?}", r.red_flags);
    assert!(r.key(Key::Choice).met);
}

#[test]
fn blame_and_a_careless_slip() {
    let r = analyze_answer(
        "The launch slipped because the design team dropped the ball and never told me the files were late.",
        None,
    );
    assert!(r.red_flag_ids().contains(&"blame_shifting"));
    let r = analyze_answer(
        "I forgot to send the invoices, so the month closed late.",
        None,
    );
    assert!(!r.key(Key::Choice).met);
}

#[test]
fn no_punctuation_transcript_still_splits() {
    let text = "so last year our warehouse system crashed during the holiday rush and about 900 orders were stuck \
for two days so i called the vendor and i set up a manual picking list with the shift leads within an hour and we \
shipped every order by friday since then we run a weekly backup drill and i learned that a paper fallback is worth \
having now i print the picking list every morning";
    let r = analyze_answer(text, None);
    assert!(r.sentences >= 3, "{}", r.sentences);
    assert!(r.key(Key::Numbers).met);
    assert!(r.key(Key::Turnaround).met, "{:#?}", r.key(Key::Turnaround));
}

fn story() -> Story {
    Story {
        target_role: "Head chef".into(),
        category: FailureCategory::OutsideShock,
        summary: "Our walk-in fridge failed overnight before a 120-cover wedding.".into(),
        context: "We lost about £2,000 of stock and had 9 hours until service.".into(),
        steps: vec![RecoveryStep {
            action: "I called two suppliers and rebuilt the menu around what they had.".into(),
            who: "with my sous chef".into(),
            when: "within the first hour".into(),
        }],
        immediate_win: "Every guest was served on time.".into(),
        long_term_gain:
            "We now log fridge temperatures every two hours and have a standby contract.".into(),
        lesson: "Equipment fails at the worst moment, so the plan B has to exist before the event."
            .into(),
        change: "I now agree a backup supplier for every large booking.".into(),
        ..Story::default()
    }
}

#[test]
fn structured_story_meets_all_keys_with_spans_in_fields() {
    let s = story();
    let r = analyze_story(&s);
    for k in Key::ALL {
        assert!(r.key(k).met, "{:?}: {:#?}", k, r.key(k));
    }
    let f = r
        .key(Key::Numbers)
        .findings
        .iter()
        .find(|f| f.rule == "numbers-figure" && f.span.is_some_and(|s| s.field == Field::Context))
        .expect("a figure in the context");
    let span = f.span.expect("a span");
    assert_eq!(span.field, Field::Context);
    assert_eq!(&s.context[span.start..span.end], f.quote);
}

#[test]
fn empty_story_guides_instead_of_scolding() {
    let r = analyze_story(&Story::default());
    for k in Key::ALL {
        let v = r.key(k);
        assert!(!v.met);
        assert!(
            v.findings.iter().all(|f| f.severity != Severity::Problem),
            "{k:?}: {:#?}",
            v.findings
        );
    }
}

#[test]
fn dismissals_drop_warnings_but_never_meet_a_key() {
    let mut s = story();
    s.steps[0].action = "We fixed it.".into();
    s.steps[0].who.clear();
    s.steps[0].when.clear();
    s.lesson = "I think I learned a lot, basically.".into();
    let before = analyze_story(&s);
    assert!(before.prose.iter().any(|f| f.rule == "prose-hedge"));
    assert!(!before.key(Key::Turnaround).met);
    s.dismissed = vec!["prose-hedge".into(), "turnaround-no-speaker".into()];
    let after = analyze_story(&s);
    assert!(!after.prose.iter().any(|f| f.rule == "prose-hedge"));
    assert!(!after.key(Key::Turnaround).met);
}

#[test]
fn risky_category_is_a_signal() {
    let mut s = story();
    s.category = FailureCategory::Conflict;
    let r = analyze_story(&s);
    assert!(!r.key(Key::Choice).met);
    assert!(r
        .red_flags
        .iter()
        .any(|h| h.flag == RedFlag::InterpersonalConflict));
}

#[test]
fn role_table_suggestions_and_matching() {
    let names = role_names();
    assert!(names.len() >= 30);
    for (typed, want) in [
        ("Senior backend dev", "Software engineer"),
        ("RN", "Nurse"),
        ("sous chef", "Chef"),
        ("Management accountant", "Accountant"),
        ("Paediatric nurse", "Nurse"),
        ("Solicitor", "Lawyer"),
        ("Plumber", "Plumber"),
        ("Site reliability engineer", "Software engineer"),
    ] {
        assert_eq!(match_role(typed), Some(want), "{typed}");
    }
}

fn flag_ids(text: &str, role: Option<&str>) -> Vec<&'static str> {
    analyze_answer(text, role).red_flag_ids()
}

#[test]
fn falsified_records_told_as_plain_narrative_are_ethics() {
    for text in [
        "Before the audit I changed the figures so the report would look right.",
        "I panicked and marked the missing checks as complete in the log with the old dates.",
        "The stocktake was short, so I adjusted the numbers so the totals matched the system.",
    ] {
        assert!(flag_ids(text, None).contains(&"ethics"), "{text}");
    }
    // Changing records honestly is not falsifying them.
    for text in [
        "I changed the dates on the rota so the new starters could shadow a senior nurse.",
        "I marked the faulty batch as quarantined and called the supplier within the hour.",
    ] {
        assert!(!flag_ids(text, None).contains(&"ethics"), "{text}");
    }
}

#[test]
fn a_decision_against_a_warning_is_poor_judgment() {
    let r = analyze_answer(
        "The forecast said minus four, but I made the call to pour the slab anyway because we were behind.",
        Some("Site manager"),
    );
    assert!(r.red_flag_ids().contains(&"poor_judgment"));
    assert!(!r.key(Key::Choice).met);
    assert!(!flag_ids(
        "The storm was forecast for Friday, so I decided to move the event indoors.",
        None
    )
    .contains(&"poor_judgment"));
}

#[test]
fn own_slips_without_a_slip_phrase_fail_key_one() {
    for text in [
        "The renewal reminders went to an old inbox and I'd never put the expiry date anywhere else, so the domain lapsed for nine hours.",
        "I assumed the backup job was running, and when the disk failed we lost two days of orders.",
    ] {
        assert!(!analyze_answer(text, None).key(Key::Choice).met, "{text}");
    }
}

#[test]
fn core_skill_slips_told_at_length_are_flagged() {
    let r = analyze_answer(
        "I designed the retaining wall and got the surcharge load wrong by about 30%.",
        Some("Structural engineer"),
    );
    assert!(
        r.red_flag_ids().contains(&"core_competency"),
        "{:?}",
        r.red_flags
    );
    let r = analyze_answer(
        "I sent a bundle of 200 pages of privileged advice to the wrong recipient on the other side.",
        Some("Paralegal"),
    );
    assert!(
        r.red_flag_ids().contains(&"core_competency"),
        "{:?}",
        r.red_flags
    );
    // Someone else's error in the same sentence is not the speaker's slip.
    let r = analyze_answer(
        "I checked the patient's chart and the pharmacy label on the bag was wrong, so I held the infusion.",
        Some("Registered nurse"),
    );
    assert!(
        !r.red_flag_ids().contains(&"core_competency"),
        "{:?}",
        r.red_flags
    );
}
