//! The story against its job ad: a failure about one of the ad's essentials raises the core-skill
//! flag quoting both; the same story against another job's ad does not; the rest of the story
//! counts for the essentials it shows. Every ad and story here was written by the team.

use comeback_core::analyzer::{analyze_answer_for_ad, analyze_story, RedFlag};
use comeback_core::{FailureCategory, RecoveryStep, Story};

const PHARMACIST_AD: &str = "Community Pharmacist - Riverside Health Pharmacy
Full time, 37.5 hours. Salary: £48,000 to £52,000 plus bonus.

About the role
Our busy pharmacy serves a market town of 20,000 people.

Essential:
- Registered pharmacist with the GPhC
- Safe and accurate dispensing of prescriptions, including controlled drugs
- Clinical checks of prescriptions and clear counselling for patients
- Keep patients and prescribers informed when a medicine is out of stock

Desirable:
- Independent prescriber qualification

We value patient safety first and kindness in everything we do.
We are an equal opportunities employer.";

const ENGINEER_AD: &str = "Senior Software Engineer (Payments)
Remote, UK. £85k.

What you'll do
- Design and build payment APIs in Rust and Go
- Own zero-downtime deployments and on-call for the services you build
- Review code and mentor two junior engineers

Requirements
- 5+ years building distributed systems
- Strong SQL and experience with Postgres

Nice to have
- Experience with card schemes";

fn dispensing_story() -> Story {
    Story {
        target_role: "Pharmacist".into(),
        category: FailureCategory::CoreOfRole,
        summary: "In my first month I dispensed the wrong strength of warfarin to a patient, because I did not check the label against the prescription.".into(),
        context: "The pharmacy filled about 400 prescriptions a day with two pharmacists on shift.".into(),
        steps: vec![RecoveryStep {
            action: "I rang the patient and the prescriber within the hour and swapped the tablets at their home".into(),
            who: "with my manager".into(),
            when: "the same afternoon".into(),
        }],
        immediate_win: "The patient had not taken a dose, and no harm was done.".into(),
        long_term_gain: "We added a second check of strength for every anticoagulant, and errors of that kind fell to zero over the next year.".into(),
        lesson: "A check I skip once is a check I have stopped doing.".into(),
        change: "I now read the strength aloud against the prescription before I bag any medicine.".into(),
        ..Story::default()
    }
}

#[test]
fn a_dispensing_error_against_a_pharmacist_ad_is_a_core_skill_of_this_job() {
    let story = Story {
        job_ad: PHARMACIST_AD.into(),
        ..dispensing_story()
    };
    let r = analyze_story(&story);
    let fit = r.job_fit.as_ref().expect("an ad was given");
    assert_eq!(fit.title.as_deref(), Some("Community Pharmacist"));
    let about = fit
        .failure
        .first()
        .expect("the failure is about an essential");
    assert!(about.requirement.contains("dispensing"), "{about:?}");
    assert!(about.quote.contains("dispensed"), "{about:?}");
    let flag = r
        .red_flags
        .iter()
        .find(|h| h.flag == RedFlag::CoreCompetency)
        .expect("the core-skill flag");
    let warning = flag
        .evidence
        .iter()
        .find(|f| f.rule == "ad-essential-failure")
        .expect("the ad's finding");
    assert!(
        warning
            .message
            .contains("the job ad lists \u{201c}Safe and accurate dispensing"),
        "{}",
        warning.message
    );
    assert!(!r.met(comeback_core::Key::Choice));
    assert!(
        r.follow_ups[0].starts_with("How do you make sure of safe and accurate dispensing"),
        "{:?}",
        r.follow_ups
    );
    // The recovery told the patient and the prescriber: an essential shown along the way.
    assert!(
        fit.shown.iter().any(|l| l
            .requirement
            .contains("Keep patients and prescribers informed")),
        "{:?}",
        fit.shown
    );
}

#[test]
fn the_same_story_against_a_software_engineer_ad_raises_no_ad_warning() {
    let story = Story {
        job_ad: ENGINEER_AD.into(),
        target_role: String::new(),
        category: FailureCategory::TechnicalProblem,
        ..dispensing_story()
    };
    let r = analyze_story(&story);
    let fit = r.job_fit.as_ref().expect("an ad was given");
    assert!(fit.failure.is_empty(), "{:?}", fit.failure);
    assert!(r.all_findings().all(|f| f.rule != "ad-essential-failure"));
    assert!(fit.essentials.iter().any(|e| e.contains("zero-downtime")));
}

#[test]
fn an_outage_story_for_an_engineer_is_flagged_only_by_the_ad_it_is_for() {
    let story = Story {
        category: FailureCategory::TechnicalProblem,
        summary: "I pushed a deployment that took our payment APIs down for 40 minutes.".into(),
        ..Story::default()
    };
    let for_engineer = analyze_story(&Story {
        job_ad: ENGINEER_AD.into(),
        ..story.clone()
    });
    assert!(for_engineer
        .all_findings()
        .any(|f| f.rule == "ad-essential-failure"));
    let for_pharmacist = analyze_story(&Story {
        job_ad: PHARMACIST_AD.into(),
        ..story
    });
    assert!(for_pharmacist
        .all_findings()
        .all(|f| f.rule != "ad-essential-failure"));
}

#[test]
fn a_pasted_answer_gets_the_same_warning_as_the_story() {
    let answer = "In my first month as a pharmacist I dispensed the wrong strength of warfarin to a patient. \
        We filled about 400 prescriptions a day. I rang the patient within the hour and swapped the tablets. \
        No harm was done, and we added a second check for every anticoagulant. I learned that a skipped check \
        is a habit, and now I read every strength aloud.";
    let r = analyze_answer_for_ad(answer, None, PHARMACIST_AD);
    assert!(r.all_findings().any(|f| f.rule == "ad-essential-failure"));
    // The ad's title names the role when none is typed.
    assert_eq!(r.matched_role.as_deref(), Some("Pharmacist"));
    let none = analyze_answer_for_ad(answer, None, ENGINEER_AD);
    assert!(none
        .all_findings()
        .all(|f| f.rule != "ad-essential-failure"));
}

#[test]
fn no_ad_no_fit_and_a_bad_ad_says_so() {
    assert!(analyze_story(&dispensing_story()).job_fit.is_none());
    let blank = Story {
        job_ad: " \n\t ".into(),
        ..dispensing_story()
    };
    assert!(analyze_story(&blank).job_fit.is_none());
    let other_language = Story {
        job_ad: "Apotheker (m/w/d) gesucht. Ihre Aufgaben: Abgabe von Arzneimitteln und Beratung der Kunden. Wir bieten ein gutes Gehalt.".into(),
        ..dispensing_story()
    };
    let fit = analyze_story(&other_language)
        .job_fit
        .expect("an ad was given");
    assert!(!fit.notices.is_empty(), "{fit:?}");
    assert!(fit.failure.is_empty());
    // A huge ad is read in part, with a notice, and nothing panics.
    let huge = Story {
        job_ad: "Essential: safe and accurate dispensing.\n".repeat(30_000),
        ..dispensing_story()
    };
    let fit = analyze_story(&huge).job_fit.expect("an ad was given");
    assert!(
        fit.notices.iter().any(|n| n.contains("first")),
        "{:?}",
        fit.notices
    );
}

#[test]
fn what_is_kept_between_key_presses_never_changes_a_result() {
    // One thread, ads changing back and forth: the reading and the sentence matches kept from the
    // call before must never leak into the next.
    let with = |ad: &str| {
        analyze_story(&Story {
            job_ad: ad.into(),
            ..dispensing_story()
        })
    };
    let first = with(PHARMACIST_AD);
    let other = with(ENGINEER_AD);
    assert_ne!(first.job_fit, other.job_fit);
    assert_eq!(with(PHARMACIST_AD), first);
    let mut edited = dispensing_story();
    edited.job_ad = PHARMACIST_AD.into();
    edited.summary.push_str(" It was a Friday.");
    let after_edit = analyze_story(&edited);
    comeback_core::analyzer::clear_sentence_cache();
    assert_eq!(analyze_story(&edited), after_edit);
}

#[test]
fn a_failure_with_a_clear_outside_cause_is_no_core_slip_even_at_the_heart_of_the_job() {
    let story = Story {
        category: FailureCategory::OutsideShock,
        summary: "A storm took out our cloud provider's data centre in the middle of a zero-downtime deployment, and our payment APIs were down for 40 minutes.".into(),
        job_ad: ENGINEER_AD.into(),
        ..Story::default()
    };
    let r = analyze_story(&story);
    let fit = r.job_fit.as_ref().expect("an ad was given");
    assert!(
        r.all_findings().all(|f| f.rule != "ad-essential-failure"),
        "{:?}",
        fit.failure
    );
    // It is still about the job's work: Review says so, without a warning.
    assert!(fit.outside_cause);
    assert!(
        !fit.failure.is_empty(),
        "the failure is about the ad's payment APIs"
    );
}
