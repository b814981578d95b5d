//! Feedback a person can trust: evidence that proves the verdict, blame and dishonesty caught,
//! hollow claims refused, one verdict for one text. The sentences here were written for these
//! tests; none is taken from the corpus.

use std::path::Path;

use comeback_core::analyzer::Field;
use comeback_core::analyzer::{
    analyze_answer, analyze_story, is_function_word, story_from_answer, Report,
};
use comeback_core::{FailureCategory, Key, RecoveryStep, Story};
use serde_json::Value;

/// Every corpus answer: (set, id, role, text).
fn corpus() -> Vec<(String, String, Option<String>, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files = Vec::new();
    for sub in ["", "real"] {
        if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
            for e in entries.flatten() {
                if e.path().extension().is_some_and(|x| x == "jsonl") {
                    files.push(e.path());
                }
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let set = f
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let src = std::fs::read_to_string(&f).expect("corpus file");
        for line in src.lines().filter(|l| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line).expect("corpus line");
            out.push((
                set.clone(),
                v["id"].as_str().unwrap_or("?").to_string(),
                v["role"].as_str().map(str::to_string),
                v["text"].as_str().unwrap_or("").to_string(),
            ));
        }
    }
    out
}

fn words(q: &str) -> Vec<String> {
    q.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn content_words(q: &str) -> usize {
    words(q).iter().filter(|w| !is_function_word(w)).count()
}

/// Every quote that a met key or a found interviewer signal rests on, with what it proves.
fn evidence_quotes(report: &Report) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for k in Key::ALL {
        let v = report.key(k);
        if !v.met {
            continue;
        }
        for f in v.findings.iter().filter(|f| f.is_evidence()) {
            out.push((format!("{} ({})", k.id(), f.rule), f.quote.clone()));
        }
    }
    for s in report.interviewer_view.iter().filter(|s| s.found) {
        for q in &s.evidence {
            out.push((format!("signal {}", s.name), q.clone()));
        }
    }
    out
}

#[test]
fn evidence_is_a_clause_that_proves_the_claim_on_every_corpus_answer() {
    let mut bad = Vec::new();
    for (set, id, role, text) in corpus() {
        let report = analyze_answer(&text, role.as_deref());
        for (what, quote) in evidence_quotes(&report) {
            let n = words(&quote).len();
            if n < 3 || content_words(&quote) < 2 {
                bad.push(format!("{set} {id} {what}: {quote:?}"));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} quotes prove nothing on their own (fewer than three words, or no content word beyond the cue):\n{}",
        bad.len(),
        bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn a_pasted_answer_and_the_story_made_from_it_agree_on_every_key() {
    let mut bad = Vec::new();
    let mut total = 0;
    for (set, id, role, text) in corpus() {
        total += 1;
        let pasted = analyze_answer(&text, role.as_deref());
        let story = story_from_answer(&text, role.as_deref());
        let converted = analyze_story(&story);
        let diff: Vec<String> = Key::ALL
            .iter()
            .filter(|k| pasted.met(**k) != converted.met(**k))
            .map(|k| {
                format!(
                    "{} pasted {} story {}",
                    k.id(),
                    pasted.met(*k),
                    converted.met(*k)
                )
            })
            .collect();
        if !diff.is_empty() {
            bad.push(format!("{set} {id}: {}", diff.join("; ")));
        }
    }
    // 422 of 677 disagreed before this work. A pasted answer is now read as the story made from
    // it, so none may: a change to either path that splits them again fails here.
    assert!(
        bad.is_empty(),
        "{} of {total} answers get another verdict once turned into a story:\n{}",
        bad.len(),
        bad.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// The quotes of a pasted answer's report point into the answer itself, at the words they quote,
/// on every corpus answer (the report is the story's, its places mapped back).
#[test]
fn a_pasted_answers_quotes_point_into_the_answer() {
    for (set, id, role, text) in corpus() {
        let report = analyze_answer(&text, role.as_deref());
        let findings = report
            .keys
            .iter()
            .flat_map(|k| k.findings.iter())
            .chain(report.prose.iter())
            .chain(report.red_flags.iter().flat_map(|h| h.evidence.iter()));
        for f in findings {
            let Some(sp) = &f.span else { continue };
            assert_eq!(sp.field, Field::Answer, "{set} {id}: {f:?}");
            let at = text.get(sp.start..sp.end);
            assert!(
                at.is_some_and(
                    |t| t.contains(f.quote.trim_end_matches('…').trim()) || f.quote.contains(t)
                ),
                "{set} {id}: {:?} is not at {}..{} ({at:?})",
                f.quote,
                sp.start,
                sp.end
            );
        }
    }
}

fn flags(text: &str, role: &str) -> Vec<&'static str> {
    analyze_answer(text, Some(role)).red_flag_ids()
}

/// (role, text, flag): each must raise `flag`, in a pasted answer.
const CAUGHT: &[(&str, &str, &str)] = &[
    ("Project manager", "A project went badly because my colleague Dave did not do his part.", "blame_shifting"),
    ("Software engineer", "The release slipped two weeks. It was the QA team's fault, they signed it off without testing.", "blame_shifting"),
    ("Data analyst", "The dashboard showed the wrong revenue for a month, but honestly the bug was really on him, not me.", "blame_shifting"),
    ("Account manager", "We lost the renewal, which was not my fault: the product team never shipped what they promised.", "blame_shifting"),
    ("Office manager", "The order never arrived because the new assistant forgot to send it, so the event had no chairs.", "blame_shifting"),
    ("Software engineer", "I told my manager it was a vendor outage so I would not get blamed for the deploy that broke checkout.", "ethics"),
    ("Nurse", "I gave the 6 pm dose two hours late and did not chart it, so nobody found out.", "ethics"),
    ("Accountant", "I moved the invoice into the next quarter so our numbers would look better, and said nothing to the auditor.", "ethics"),
    ("Sales representative", "I told the client the delivery was on its way when it had not even been packed yet.", "ethics"),
    // The lie told as the next thing the speaker did, after the failure.
    ("Account manager", "I missed the renewal date for our biggest client. I told my manager it was a vendor outage so I would not get blamed.", "ethics"),
];

/// (role, text): look-alikes that must raise no blame and no ethics flag.
const NOT_CAUGHT: &[(&str, &str)] = &[
    ("Site reliability engineer", "No one was blamed: the review found a certificate had expired on the load balancer at 2 am."),
    ("Account manager", "Rather than blame the vendor, I rang their support line myself and we had the feed back within the hour."),
    ("Nurse", "I was honest with the patient's family and told them at once what had happened and what we were doing."),
    ("Software engineer", "My manager asked whether it was a vendor outage, and I said no, it was my deploy, and I rolled it back."),
    ("Project manager", "Dave, our lead developer, spotted the problem first and we fixed it together that afternoon."),
    ("Teacher", "It was nobody's fault: the exam board changed the specification two weeks before the mock."),
    ("Accountant", "I did not hide the error; I told the finance director the same morning and we reissued the report."),
    ("Retail assistant", "I broke the display fridge on my first week. I hid in the stockroom for ten minutes, then went and told my manager what I had done."),
];

#[test]
fn blame_and_dishonesty_are_caught_and_their_look_alikes_are_not() {
    let mut bad = Vec::new();
    for (role, text, flag) in CAUGHT {
        let got = flags(text, role);
        if !got.contains(flag) {
            bad.push(format!("[{role}] {text}\n    want {flag}, got {got:?}"));
        }
    }
    for (role, text) in NOT_CAUGHT {
        let got = flags(text, role);
        if got.iter().any(|f| *f == "blame_shifting" || *f == "ethics") {
            bad.push(format!(
                "[{role}] {text}\n    want no blame or ethics, got {got:?}"
            ));
        }
    }
    assert!(bad.is_empty(), "{}:\n{}", bad.len(), bad.join("\n"));
}

/// Blame is not an outside cause, and a lie is not safe material: key 1 is not met on either.
#[test]
fn blame_and_a_lie_never_meet_key_1() {
    let texts = [
        ("Project manager", "A project went badly because my colleague Dave did not do his part. We missed the deadline by two weeks."),
        ("Software engineer", "I told my manager it was a vendor outage so I would not get blamed. Checkout was down for 40 minutes."),
    ];
    for (role, text) in texts {
        let r = analyze_answer(text, Some(role));
        assert!(
            !r.met(Key::Choice),
            "[{role}] {text}: {}",
            r.key(Key::Choice).status
        );
        let quotes: Vec<&str> = r
            .key(Key::Choice)
            .findings
            .iter()
            .filter(|f| f.rule == "choice-outside-cause")
            .map(|f| f.quote.as_str())
            .collect();
        assert!(
            quotes.is_empty(),
            "{text}: praised as an outside cause: {quotes:?}"
        );
    }
    // In the wizard too, whatever category was chosen.
    let story = Story {
        category: FailureCategory::OutsideControl,
        target_role: "Project manager".into(),
        summary: "A project went badly because my colleague Dave did not do his part.".into(),
        ..Story::default()
    };
    let r = analyze_story(&story);
    assert!(!r.met(Key::Choice), "{}", r.key(Key::Choice).status);
    assert!(r.red_flag_ids().contains(&"blame_shifting"));
}

/// Results with no content are no result, and no lasting change.
#[test]
fn hollow_results_and_changes_do_not_meet_key_4_or_5() {
    let story = |win: &str, gain: &str, lesson: &str, change: &str| Story {
        target_role: "Operations manager".into(),
        category: FailureCategory::OutsideShock,
        summary: "A storm closed our main depot for two days.".into(),
        immediate_win: win.into(),
        long_term_gain: gain.into(),
        lesson: lesson.into(),
        change: change.into(),
        ..Story::default()
    };
    for (win, gain) in [
        (
            "Things got better eventually.",
            "We had a meeting about it.",
        ),
        ("It worked out in the end.", "We talked about it as a team."),
        ("Everything was fine.", "We learned from it."),
    ] {
        let r = analyze_story(&story(win, gain, "", ""));
        assert!(
            !r.met(Key::Improvement),
            "{win} / {gain}: {}",
            r.key(Key::Improvement).status
        );
        let prevention = r.interviewer_view.iter().find(|s| s.name == "Prevention");
        assert!(
            prevention.is_none_or(|s| !s.found),
            "{gain}: counted as prevention: {prevention:?}"
        );
    }
    let r = analyze_story(&story(
        "",
        "",
        "I learned that a second depot is only a plan until it has been opened once.",
        "I try to communicate better.",
    ));
    assert!(!r.met(Key::Growth), "{}", r.key(Key::Growth).status);
}

/// A key is met on a story, not a fragment.
#[test]
fn a_fragment_is_not_met() {
    let story = Story {
        category: FailureCategory::TechnicalProblem,
        summary: "A release I shipped".into(),
        ..Story::default()
    };
    let r = analyze_story(&story);
    assert!(!r.met(Key::Choice), "{}", r.key(Key::Choice).status);
    // The one-line failure holds a number, but key 2's step is still empty.
    let story = Story {
        category: FailureCategory::TechnicalProblem,
        summary: "A database failover left 12% of checkouts failing for two hours.".into(),
        ..Story::default()
    };
    let r = analyze_story(&story);
    assert!(
        !r.tab_met(Key::Numbers, story.filled_keys()),
        "{}",
        r.key(Key::Numbers).status
    );
}

/// One verdict for one text: the recovery told in a pasted answer meets key 3 exactly as it does
/// once the answer is a story.
#[test]
fn a_pasted_recovery_with_my_own_act_meets_key_3_both_ways() {
    let text = "Our payment provider pushed a bad update at 3:20 pm and 12% of checkouts failed. \
        I paged the on-call engineer at 3:40 pm and we rolled back the release within 15 minutes. \
        Checkout was back by 4 pm. Since then we test provider updates in staging first, and I learned \
        to ask for a rollback plan before any release.";
    let pasted = analyze_answer(text, Some("Backend engineer"));
    let story = analyze_story(&story_from_answer(text, Some("Backend engineer")));
    assert!(
        pasted.met(Key::Turnaround),
        "{}",
        pasted.key(Key::Turnaround).status
    );
    assert!(
        story.met(Key::Turnaround),
        "{}",
        story.key(Key::Turnaround).status
    );
    let ownership = pasted
        .interviewer_view
        .iter()
        .find(|s| s.name == "Ownership");
    assert!(ownership.is_some_and(|s| s.found), "{ownership:?}");
}

#[test]
fn paste_to_story_removes_headings_and_keeps_the_answer_in_order() {
    let text = "Situation: A night shift on a 28-bed ward, when the infusion pumps' firmware update froze 6 pumps at 2 am.\n\
        Task: I had to make sure the patients were safe.\n\
        1. Action: As soon as I spotted the frozen screens, I switched the patients to spare pumps with the charge nurse within 10 minutes. \
        Then I called the on-call technician. I then gave our support team the pump numbers.\n\
        **Result:** Every patient had their infusion within 15 minutes. Over the next month the ward added a firmware check to the night checklist.\n\
        - Learning: I learned that an update is a change to patient care, and I now check the pumps after every update.";
    let s = story_from_answer(text, Some("Registered nurse"));
    let all = format!(
        "{} {} {} {} {} {} {} {}",
        s.summary,
        s.context,
        s.steps
            .iter()
            .map(|x| x.action.clone())
            .collect::<Vec<_>>()
            .join(" "),
        s.immediate_win,
        s.long_term_gain,
        s.lesson,
        s.change,
        s.unsorted
    );
    for heading in ["Situation:", "Task:", "Action:", "Result:", "Learning:"] {
        assert!(!all.contains(heading), "{heading} left in the story: {all}");
    }
    assert!(
        !s.context.trim().is_empty(),
        "the situation went nowhere: {s:?}"
    );
    assert!(
        !s.immediate_win.contains("make sure the patients were safe"),
        "the task became the immediate win: {}",
        s.immediate_win
    );
    assert!(
        s.immediate_win.contains("within 15 minutes"),
        "{}",
        s.immediate_win
    );
    assert!(
        s.long_term_gain.contains("firmware check"),
        "{}",
        s.long_term_gain
    );
    assert!(!all.contains("Then I then"), "{all}");
    let told = s.to_text();
    assert!(!told.contains("Then I then"), "{told}");
    assert!(
        !all.contains("1.") && !all.contains("**"),
        "a list mark stayed: {all}"
    );
    let first_step = s.steps.first().map(|x| x.action.as_str()).unwrap_or("");
    assert!(first_step.contains("spare pumps"), "{first_step}");
}

#[test]
fn a_result_from_months_later_is_the_long_term_gain_not_the_immediate_win() {
    let text = "A faulty deploy script wiped the staging database the night before a release, and 40 testers lost a day. \
        I restored it from the 6 pm backup with our DBA within 2 hours, and the release went out on time. \
        Afterwards I added a dry-run step to the script, and we have shipped more than 140 releases since without a wipe. \
        I learned to rehearse any script that deletes data, and I now run every one against a copy first.";
    let s = story_from_answer(text, Some("DevOps engineer"));
    assert!(
        s.immediate_win.contains("release went out on time")
            || s.steps.iter().any(|x| x.action.contains("restored")),
        "{s:?}"
    );
    assert!(
        !s.immediate_win.contains("140 releases"),
        "a later result became the immediate win: {}",
        s.immediate_win
    );
    assert!(
        s.long_term_gain.contains("dry-run") || s.long_term_gain.contains("140 releases"),
        "{}",
        s.long_term_gain
    );
}

#[test]
fn a_story_step_never_names_the_same_person_twice() {
    let story = Story {
        steps: vec![RecoveryStep {
            action: "I paged the on-call engineer at 3:40 pm".into(),
            who: "the on-call engineer".into(),
            when: "at 3:40 pm".into(),
        }],
        ..Story::default()
    };
    let text = story.to_text();
    assert!(
        !text.contains("with the on-call engineer"),
        "the person is named twice: {text}"
    );
    assert_eq!(text.matches("3:40 pm").count(), 1, "{text}");
}

/// What a failure costs is no cause: "1,800 orders failed" is the damage of the speaker's own
/// reviewed change, and the win at the time is still found after it.
#[test]
fn damage_counted_is_not_an_outside_cause() {
    let text = "Last spring a config change I reviewed took our checkout down for 40 minutes, and about 1,800 orders failed. \
        I paged the on-call engineer within 5 minutes and we rolled the change back together. \
        By 10 am every order had gone through. Since then every config change runs through a canary first.";
    let r = analyze_answer(text, Some("Site reliability engineer"));
    let praised: Vec<&str> = r
        .key(Key::Choice)
        .findings
        .iter()
        .filter(|f| f.rule == "choice-outside-cause")
        .map(|f| f.quote.as_str())
        .collect();
    assert!(praised.is_empty(), "damage read as a cause: {praised:?}");
    assert!(!r.met(Key::Choice), "{}", r.key(Key::Choice).status);
    assert!(r.met(Key::Turnaround), "{}", r.key(Key::Turnaround).status);
    assert!(
        r.met(Key::Improvement),
        "{}",
        r.key(Key::Improvement).status
    );
}

#[test]
fn a_lie_is_no_step_of_the_recovery_pasted_or_typed() {
    let text = "I lost the signed lease for a new tenant the week before they moved in. \
I told the landlord it had been lost in the post so nobody would ask about my filing.";
    let pasted = analyze_answer(text, Some("Letting agent"));
    assert!(
        !pasted.met(Key::Turnaround),
        "{:?}",
        pasted.key(Key::Turnaround)
    );
    let story = Story {
        summary: "I lost the signed lease for a new tenant the week before they moved in.".into(),
        steps: vec![RecoveryStep {
            action: "I told the landlord it had been lost in the post so nobody would ask about my filing.".into(),
            who: "the landlord".into(),
            when: "that afternoon".into(),
        }],
        ..Story::default()
    };
    let typed = analyze_story(&story);
    assert!(
        !typed
            .key(Key::Turnaround)
            .findings
            .iter()
            .any(|f| f.rule == "turnaround-action"),
        "{:?}",
        typed.key(Key::Turnaround)
    );
}
