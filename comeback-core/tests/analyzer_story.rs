//! Story mode (the wizard's main path): each part in its own field, recovery steps with `action`,
//! `who` and `when`. A step's action is what the speaker did, even written without "I".

use comeback_core::analyzer::{analyze_story, Field, Report};
use comeback_core::{FailureCategory, Key, RecoveryStep, Story};

fn step(action: &str, who: &str, when: &str) -> RecoveryStep {
    RecoveryStep {
        action: action.into(),
        who: who.into(),
        when: when.into(),
    }
}

// One argument per wizard field keeps each story readable at the call site.
#[allow(clippy::too_many_arguments)]
fn story(
    role: &str,
    category: FailureCategory,
    summary: &str,
    context: &str,
    steps: Vec<RecoveryStep>,
    immediate_win: &str,
    long_term_gain: &str,
    lesson: &str,
    change: &str,
) -> Story {
    Story {
        target_role: role.into(),
        category,
        summary: summary.into(),
        context: context.into(),
        steps,
        immediate_win: immediate_win.into(),
        long_term_gain: long_term_gain.into(),
        lesson: lesson.into(),
        change: change.into(),
        ..Story::default()
    }
}

fn failover() -> Story {
    story(
        "Backend engineer",
        FailureCategory::TechnicalProblem,
        "A database failover I had tested twice left our checkout service writing to a read-only replica for 40 minutes.",
        "I was the on-call engineer for an online grocer with 12,000 daily orders; the fault blocked 35% of checkouts during the Friday peak, about £18,000 in delayed sales.",
        vec![
            step(
                "I paged the database team and moved checkout to the standby cluster",
                "with the database lead",
                "within 9 minutes",
            ),
            step(
                "I replayed the 2,300 queued orders from the message log",
                "with two support agents",
                "the same evening",
            ),
        ],
        "Checkout was back within 40 minutes and every queued order was delivered by Saturday noon.",
        "I added a failover drill under real load to our monthly release checklist; over the next six months failover incidents fell from five to one.",
        "I learned that a failover which passes in staging proves little unless it runs under production-sized load.",
        "Now I run every recovery plan against production-sized traffic before I sign it off.",
    )
}

fn assert_all_met(r: &Report, what: &str) {
    for k in Key::ALL {
        assert!(r.key(k).met, "{what}: {k:?} {:#?}", r.key(k));
    }
    assert!(r.red_flags.is_empty(), "{what}: {:#?}", r.red_flags);
    for s in &r.interviewer_view {
        assert!(
            s.found,
            "{what}: no evidence of {}: {:#?}",
            s.name, r.interviewer_view
        );
    }
}

fn assert_spans_match(story: &Story, r: &Report) {
    for f in r.all_findings() {
        let Some(span) = f.span else { continue };
        let text = match span.field {
            Field::Summary => &story.summary,
            Field::Context => &story.context,
            Field::StepAction(i) => &story.steps[i].action,
            Field::StepWho(i) => &story.steps[i].who,
            Field::StepWhen(i) => &story.steps[i].when,
            Field::ImmediateWin => &story.immediate_win,
            Field::LongTermGain => &story.long_term_gain,
            Field::Lesson => &story.lesson,
            Field::Change => &story.change,
            Field::Unsorted => &story.unsorted,
            Field::Role => &story.target_role,
            Field::Answer => panic!("a story finding points into a pasted answer: {f:?}"),
        };
        assert_eq!(&text[span.start..span.end], f.quote, "{f:?}");
    }
}

#[test]
fn failover_story_meets_every_key() {
    let s = failover();
    let r = analyze_story(&s);
    assert_all_met(&r, "failover");
    assert_spans_match(&s, &r);
    let t = r.key(Key::Turnaround);
    let rules: Vec<&str> = t.findings.iter().map(|f| f.rule.as_str()).collect();
    for rule in ["turnaround-action", "turnaround-who", "turnaround-when"] {
        assert!(rules.contains(&rule), "{rule} missing: {t:#?}");
    }
    let who = t
        .findings
        .iter()
        .find(|f| f.rule == "turnaround-who")
        .unwrap();
    assert_eq!(who.span.map(|s| s.field), Some(Field::StepWho(0)));
    assert_eq!(who.quote, "with the database lead");
    let when = t
        .findings
        .iter()
        .find(|f| f.rule == "turnaround-when")
        .unwrap();
    assert_eq!(when.quote, "within 9 minutes");
}

#[test]
fn actions_without_i_are_the_speakers() {
    let mut s = failover();
    s.steps = vec![
        step("Paged the database team", "", "within 9 minutes"),
        step(
            "Rerouted orders to the standby cluster",
            "with the database lead",
            "",
        ),
    ];
    let r = analyze_story(&s);
    assert_all_met(&r, "no-I steps");
    assert_spans_match(&s, &r);
}

#[test]
fn who_or_when_alone_is_enough_without_a_verb() {
    let mut s = failover();
    s.steps = vec![step("Called the supplier", "the warehouse manager", "")];
    assert!(analyze_story(&s).met(Key::Turnaround));
    s.steps = vec![step("Called the supplier", "", "by 7am")];
    assert!(analyze_story(&s).met(Key::Turnaround));
    // Calling the supplier names who else was involved; rewriting a schedule alone does not.
    s.steps = vec![step("Called the supplier", "", "")];
    assert!(analyze_story(&s).met(Key::Turnaround));
    s.steps = vec![step("Rewrote the delivery schedule", "", "")];
    let r = analyze_story(&s);
    assert!(!r.met(Key::Turnaround));
    assert!(r
        .key(Key::Turnaround)
        .findings
        .iter()
        .any(|f| f.rule == "turnaround-no-who-when"));
}

#[test]
fn we_and_generic_steps_still_fail() {
    let mut s = failover();
    s.steps = vec![step("We fixed it", "the team", "quickly")];
    let r = analyze_story(&s);
    assert!(!r.met(Key::Turnaround), "{:#?}", r.key(Key::Turnaround));
    s.steps = vec![step("Sorted it out", "", "the same day")];
    let r = analyze_story(&s);
    assert!(!r.met(Key::Turnaround), "{:#?}", r.key(Key::Turnaround));
    s.steps = vec![step("The team restored the backup", "", "within an hour")];
    let r = analyze_story(&s);
    assert!(!r.met(Key::Turnaround), "{:#?}", r.key(Key::Turnaround));
    s.steps = vec![step("I didn't do anything", "", "that night")];
    assert!(!analyze_story(&s).met(Key::Turnaround));
}

#[test]
fn nurse_story() {
    let s = story(
        "Registered nurse",
        FailureCategory::OutsideControl,
        "A power cut on our ward shut down the infusion pumps in the middle of a night shift.",
        "I was the nurse in charge of a 28-bed surgical ward; 11 patients were on pumped infusions and the backup generator took 25 minutes to start.",
        vec![
            step("Checked every pumped patient and switched the critical infusions to gravity drips", "with the two healthcare assistants on shift", "in the first ten minutes"),
            step("Escalated to the site manager and borrowed battery pumps from the recovery unit", "the site manager", "within half an hour"),
        ],
        "No patient missed a dose and all infusions were back on pumps by 3am.",
        "The ward now keeps four charged battery pumps and we run a power-cut drill every quarter.",
        "I learned that a plan for losing power has to be practised, not just written down.",
        "Now I walk new staff through the power-cut plan in their first week.",
    );
    let r = analyze_story(&s);
    assert_all_met(&r, "nurse");
    assert_spans_match(&s, &r);
}

#[test]
fn teacher_story() {
    let s = story(
        "Secondary school teacher",
        FailureCategory::OutsideShock,
        "The exam board changed the coursework deadline three weeks early, and half my class had not finished.",
        "I taught 64 GCSE students in two classes; 31 of them still had a draft due, worth 20% of their grade.",
        vec![
            step("Rewrote the scheme of work and ran lunchtime catch-up sessions", "with the head of department", "starting the next Monday"),
            step("Phoned the parents of the students furthest behind", "", "that week"),
        ],
        "All 64 submitted on time and 58 met their target grade.",
        "Our department now plans coursework with a two-week buffer before every board deadline.",
        "I learned that an outside deadline can move, so the plan needs slack built in from the start.",
        "Now I set my own deadlines two weeks ahead of the official ones.",
    );
    let r = analyze_story(&s);
    assert_all_met(&r, "teacher");
    assert_spans_match(&s, &r);
}

#[test]
fn chef_story() {
    let s = story(
        "Head chef",
        FailureCategory::OutsideShock,
        "Our fish supplier went out of business the day before a 90-cover tasting dinner.",
        "The dinner was sold out at £85 a head, about £7,600 in bookings, and three of the seven courses were fish.",
        vec![
            step("Called three other suppliers and sourced hake and mussels", "with my sous chef", "by 10am"),
            step("Rewrote the three fish courses and briefed front of house", "the restaurant manager", "before the afternoon prep"),
        ],
        "Every course went out on time and no booking was cancelled.",
        "We now keep two approved suppliers for every key ingredient.",
        "I learned that a single supplier for a core ingredient is a risk I have to plan around.",
        "I now check every menu for single-supplier dishes before it goes live.",
    );
    let r = analyze_story(&s);
    assert_all_met(&r, "chef");
    assert_spans_match(&s, &r);
}

#[test]
fn sales_story() {
    let s = story(
        "Account executive",
        FailureCategory::OutsideShock,
        "A new import tariff raised our prices 18% overnight and my biggest renewal was about to lapse.",
        "The renewal was worth $240,000 a year, 30% of my quarterly target.",
        vec![
            step("Built a phased pricing offer", "with our finance director", "within 48 hours"),
            step("Flew to the client and walked their CFO through it", "their CFO", "the following week"),
        ],
        "The client renewed for two years at a 9% increase.",
        "I set up a quarterly pricing-risk review for my top ten accounts.",
        "I learned that a price shock lands better when the client hears it from me first, with options.",
        "Now I warn key clients about cost changes as soon as I see them coming.",
    );
    let r = analyze_story(&s);
    assert_all_met(&r, "sales");
    assert_spans_match(&s, &r);
}

#[test]
fn accountant_story() {
    let s = story(
        "Accountant",
        FailureCategory::TechnicalProblem,
        "Our payroll provider's software update corrupted the bank file two days before payday.",
        "The file covered 420 employees and £610,000 of salaries.",
        vec![
            step("Rebuilt the bank file from the approved payroll report", "with the payroll supervisor", "overnight"),
            step("Arranged a same-day payment run with the bank", "our relationship manager", "by 11am the next day"),
        ],
        "Every employee was paid on time.",
        "We added a test import of the bank file to the payroll checklist each month.",
        "I learned that a vendor's update can break a file that has worked for years, so the file needs its own check.",
        "Now I import a test copy of every bank file before I approve the run.",
    );
    let r = analyze_story(&s);
    assert_all_met(&r, "accountant");
    assert_spans_match(&s, &r);
}

/// Words that open an instruction: every to-do finding's message tells the user what to do.
const DO_WORDS: &[&str] = &[
    "add ", "say ", "put ", "tell ", "name ", "choose ", "pick ", "split", "cut ", "replace ",
    "start ", "show ",
];

fn check_findings(r: &Report, what: &str) {
    for f in r.all_findings() {
        if !f.quote.is_empty() {
            assert!(
                f.span.is_some(),
                "{what}: quoted words without a span: {f:?}"
            );
        }
        if f.is_evidence() {
            assert!(!f.quote.is_empty(), "{what}: evidence without words: {f:?}");
        } else {
            assert!(
                DO_WORDS
                    .iter()
                    .any(|w| f.message.to_lowercase().contains(w)),
                "{what}: a to-do that does not say what to do: {f:?}"
            );
        }
    }
}

#[test]
fn evidence_and_to_dos_are_told_apart() {
    let r = analyze_story(&failover());
    let evidence: Vec<&str> = r
        .all_findings()
        .filter(|f| f.is_evidence())
        .map(|f| f.rule.as_str())
        .collect();
    for rule in [
        "numbers-figure",
        "turnaround-action",
        "turnaround-who",
        "turnaround-when",
        "improvement-immediate",
        "improvement-long-term",
        "growth-lesson",
        "growth-change",
    ] {
        assert!(
            evidence.contains(&rule),
            "{rule} not evidence: {evidence:?}"
        );
    }
    check_findings(&r, "failover");

    let weak = story(
        "Project manager",
        FailureCategory::PoorJudgment,
        "I basically messed up a presentation.",
        "It was a lot of work and the project failed.",
        vec![step("We fixed it", "", "")],
        "I apologised to the client.",
        "",
        "I learned a lot.",
        "",
    );
    let r = analyze_story(&weak);
    assert!(r.all_findings().any(|f| !f.is_evidence()));
    assert!(!r
        .all_findings()
        .any(|f| f.is_evidence() && f.rule.ends_with("missing")));
    check_findings(&r, "weak story");
    check_findings(&analyze_story(&Story::default()), "empty story");
    for text in [
        "Honestly I can't think of a failure. I work too hard.",
        "The project failed. We fixed it. I learned a lot.",
        "I think mistakes were made and, um, basically the launch was kind of late because the other team dropped the ball and never told me.",
        "I yelled at my colleague. I forgot to send the invoices and I fudged the numbers so the report would look fine.",
    ] {
        let r = comeback_core::analyzer::analyze_answer(text, Some("Accountant"));
        check_findings(&r, text);
        assert!(r.all_findings().any(|f| !f.is_evidence()), "{text}");
    }
}

#[test]
fn the_same_advice_on_repeated_words_is_listed_once_with_every_occurrence_kept_for_highlights() {
    use comeback_core::analyzer::{group_findings, Severity};
    let s = Story {
        context: "Many customers saw the wrong price, and many of them wrote to us; a few asked for refunds.".into(),
        ..Story::default()
    };
    let r = analyze_story(&s);
    let all = r.findings_for(Key::Numbers);
    // Problems first: the missing figure comes before the vague words.
    assert_eq!(
        all.first().map(|f| f.severity),
        Some(Severity::Problem),
        "{all:#?}"
    );
    let vague: Vec<_> = all.iter().filter(|f| f.rule == "numbers-vague").collect();
    assert!(
        vague.len() >= 3,
        "each vague word is its own finding, with its own span: {vague:#?}"
    );
    let spans: std::collections::HashSet<_> =
        vague.iter().map(|f| f.span.map(|s| s.start)).collect();
    assert_eq!(spans.len(), vague.len(), "{vague:#?}");

    let grouped = group_findings(&all);
    let items: Vec<_> = grouped
        .iter()
        .filter(|g| g.finding.rule == "numbers-vague")
        .collect();
    assert_eq!(items.len(), 1, "{grouped:#?}");
    // "Many" and "many" are different words as typed; "a few" once.
    assert!(
        items[0].quotes.len() >= 2 && items[0].quotes.len() < vague.len() + 1,
        "{:?}",
        items[0].quotes
    );
    let mut q = items[0].quotes.clone();
    q.dedup();
    assert_eq!(q, items[0].quotes, "no quote twice in a row");
    let distinct: std::collections::HashSet<_> = items[0].quotes.iter().collect();
    assert_eq!(distinct.len(), items[0].quotes.len(), "each quote once");
    // Every group keeps the first finding's span, so the list can still point into the text.
    assert!(items[0].finding.span.is_some());
}

#[test]
fn a_long_quote_is_shown_as_its_first_words_and_stays_put_while_its_end_is_typed() {
    use comeback_core::analyzer::{shown_quote, SHOWN_QUOTE_CHARS};
    assert_eq!(shown_quote("  a short one "), "a short one");
    let long = "On the first night of the sale our checkout page kept timing out for shoppers on older phones while the queue grew";
    let shown = shown_quote(long);
    assert!(shown.ends_with('…'), "{shown}");
    assert!(shown.chars().count() <= SHOWN_QUOTE_CHARS, "{shown}");
    assert!(
        long.starts_with(shown.trim_end_matches('…')),
        "cut at a word: {shown}"
    );
    assert!(!shown.trim_end_matches('…').ends_with(' '));
    // Typing more at the end changes nothing shown.
    assert_eq!(shown_quote(&format!("{long} and grew")), shown);
    // No spaces at all (a pasted URL, a run of emoji): cut at a character, on a char boundary.
    let emoji = "😀".repeat(200);
    let shown = shown_quote(&emoji);
    assert_eq!(shown.chars().count(), SHOWN_QUOTE_CHARS - 20 + 1);
    // A huge quote is cut in one pass.
    let huge = "word ".repeat(200_000);
    assert!(shown_quote(&huge).len() < 100);
}

#[test]
fn a_figure_is_quoted_with_its_percent_or_currency_sign() {
    use comeback_core::analyzer::Field;
    let s = Story {
        context: "The fault hit 35% of our users and cost us £4,000 in refunds over 2 days.".into(),
        ..Story::default()
    };
    let r = analyze_story(&s);
    let quotes: Vec<&str> = r
        .key(Key::Numbers)
        .findings
        .iter()
        .filter(|f| f.rule == "numbers-figure")
        .map(|f| f.quote.as_str())
        .collect();
    // The figure is quoted with what it measures, its sign included.
    assert!(
        quotes.iter().any(|q| q.contains("35% of our users")),
        "{quotes:?}"
    );
    assert!(
        quotes.iter().any(|q| q.contains("£4,000 in refunds")),
        "{quotes:?}"
    );
    for f in r
        .key(Key::Numbers)
        .findings
        .iter()
        .filter(|f| f.rule == "numbers-figure")
    {
        let span = f.span.expect("a figure has a span");
        assert_eq!(span.field, Field::Context);
        assert_eq!(&s.context[span.start..span.end], f.quote);
    }
}
