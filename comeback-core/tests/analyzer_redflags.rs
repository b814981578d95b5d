//! Red flags and core competency, precision first: hand-written sentences a careful reader would
//! NOT flag (outside causes, other people's slips caught by the speaker, conflicts avoided or
//! resolved, decisions that were sensible, generic words near a role's vocabulary), and a few that
//! must be flagged. Varied phrasing and many professions; none is taken from the corpus.

use comeback_core::analyzer::analyze_answer;

/// The flags raised as likely. A "possible" flag has a lower bar by design (a failure the speaker
/// owns in the role's work, on real answers' labels); these tables, written for the likely ones,
/// check that none of them is asserted. `NEVER_EVEN_POSSIBLE` below checks the cases where not
/// even a possible flag may show.
fn flags(text: &str, role: &str) -> Vec<&'static str> {
    analyze_answer(text, Some(role))
        .red_flags
        .iter()
        .filter(|h| !h.possible)
        .map(|h| h.flag.id())
        .collect()
}

/// Fails with every (role, text) case whose flags are `wrong`, each line saying what was `want`ed.
fn assert_read<'a>(
    what: &str,
    cases: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    wrong: impl Fn(&str, &[&'static str]) -> bool,
) {
    let bad: Vec<String> = cases
        .into_iter()
        .filter_map(|(role, text, want)| {
            let got = flags(text, role);
            wrong(want, &got).then(|| format!("[{role}] {text}\n    want {want}, got {got:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "{} {what}:\n{}", bad.len(), bad.join("\n"));
}

/// (role, text) cases, each wanting `want`.
fn wanting<'a>(
    cases: &'a [(&'a str, &'a str)],
    want: &'a str,
) -> impl Iterator<Item = (&'a str, &'a str, &'a str)> + 'a {
    cases.iter().map(move |&(role, text)| (role, text, want))
}

/// (role, text): nothing here should raise any red flag.
const CLEAN: &[(&str, &str)] = &[
    // Telling someone the truth, with "when" and a denial nearby.
    ("Project manager", "I told the sponsor on the Monday when it wasn't going to land, and we re-planned together."),
    ("Office manager", "I said I would ring the supplier again when they didn't answer, and I reached them within the hour."),
    // One soft phrase about others is not blame.
    ("Nurse", "In fairness to the night team, the pump alarm had been silenced by a firmware fault nobody knew about."),
    // A disagreement settled, and a clash with a date, not a person.
    ("Marketing manager", "We had a disagreement with the agency over the brief, but we settled it on a call that afternoon."),
    ("Event manager", "Our launch clashed with a rail strike that nobody had announced, and half the guests could not get there."),
    // A whole-team decision is no outside cause, but no red flag either.
    ("Operations manager", "We decided to move all three depots onto the new scanners in the same week, and the first two days were slow."),
    // Core competency: a generic error word in an outside, technical context.
    ("Chef", "On a busy Friday the address-lookup service we used for delivery orders started returning errors, and I noticed that 30 orders had no address."),
    ("Chef", "I was running the pass when the ticket printer started throwing errors, so I had the servers read orders aloud for two hours."),
    ("Head chef", "Our booking platform had an issue that double-counted covers, and I only found out when 40 extra guests arrived."),
    ("Chef", "I made a mistake on the delivery app settings, so the online menu showed closed for an evening; I fixed it within the hour."),
    ("Sous chef", "The supplier's truck broke down on the motorway, so the fish for 120 covers never arrived and I rewrote the menu by 5pm."),
    ("Chef", "I sent back a delivery of chicken that arrived warm and rang a second supplier, who got us replacement stock by noon."),
    ("Chef", "After eighteen months of doubles, half the brigade was burned out, and two cooks resigned in the same week."),
    ("Registered nurse", "I caught a wrong dose on a colleague's chart before it reached the patient and reported it straight away."),
    ("Nurse", "The pharmacy system went down for six hours, and I had to check every medication against the paper charts by hand."),
    ("Nurse", "I noticed the infusion pump was showing errors, so I stopped it, switched to a spare pump and called the ward technician."),
    ("Accountant", "Our bank changed its export format without warning and the reconciliation file came through with errors for 3 days."),
    ("Accountant", "I spotted a duplicate payment of £12,000 that the old system had made, and recovered it from the supplier within a week."),
    ("Accountant", "There was an issue with the payroll software update, which paid 40 people a day late; I ran a manual payment run that night."),
    ("Teacher", "I realised half my class had failed the mock exam because the exam board had changed the paper without telling schools."),
    ("Primary school teacher", "A burst pipe flooded my classroom two days before the exam, so I moved 28 pupils into the library."),
    ("Software engineer", "Our cloud provider had an outage and the build broke for four hours; I moved our deploys to a second region."),
    ("Data analyst", "The upstream vendor sent a dataset with errors in 2% of rows, and I wrote a check that caught them before the dashboard refreshed."),
    ("Civil engineer", "The ground conditions weren't on any of the drawings, so the piling contractor hit a buried culvert and we lost two weeks."),
    ("Project manager", "The client changed the scope twice in a month, and the schedule slipped by six weeks even though every milestone was re-planned."),
    ("Pharmacist", "A wholesaler sent the wrong strength in a sealed box; I spotted the label at the check and quarantined all 50 packs."),
    ("Electrician", "A storm tripped the main breaker on site, and the temporary wiring the other contractor had left was unsafe, so I isolated it."),
    ("Lawyer", "The court's e-filing portal crashed an hour before the deadline, so I filed by hand and phoned the clerk to confirm."),
    // New roles: the same words told as someone else's doing or as an outside cause.
    ("Copy editor", "The printer's software swapped two fonts overnight, so 3,000 copies went out with garbled captions; I caught it at the first delivery."),
    ("QA tester", "A browser update broke our test runner for two days, and I switched the suite to a pinned browser version within the afternoon."),
    ("Payroll specialist", "Our bank's payment system went down on payday, so 120 salaries landed a day late even though the file went in on time."),
    ("Data entry clerk", "The scanner's character recognition misread 400 postcodes after a firmware update, and I re-keyed them by hand over two days."),
    ("Retail buyer", "A freak heatwave in April sold out our summer range in a week, and the factory could not make more until June."),
    ("Content writer", "The client's legal team rewrote my article the night before launch, and I missed the deadline while we agreed a final version."),
    ("Bookkeeper", "A mismatched import, which hid a duplicate supplier invoice, came from the bank's new file format; I traced it the same day."),
    // Blame: an outside cause told beside an outcome, with nobody blamed.
    ("Claims handler", "The storm brought in 900 claims in a week; nobody's fault, so we worked in pairs and settled 80% within a month."),
    // Sales: a quota gap told as context, not as the failure.
    ("Account executive", "I was about $50k short of quota in November when a reseller asked for a discount we could not offer."),
    // Blame shifting: someone else caused an outside event; the speaker does not put the failure on them.
    ("Chef", "The supplier's truck broke down and the morning delivery never arrived."),
    ("Logistics coordinator", "The courier lost 14 parcels in a depot fire, and they failed to tell us for two days."),
    ("Software engineer", "I inherited the billing service from my predecessor, who had left the company, and it had no tests."),
    ("Project manager", "Nobody told me the supplier had gone into administration until the parts didn't arrive."),
    ("Nurse", "I should have caught the allergy note earlier, and that one is on me."),
    ("Marketing manager", "I dropped the ball on the launch email, and I owned that with the team the next morning."),
    ("Software engineer", "We should have checked the certificate dates, so I added an alert the same day."),
    ("Hotel manager", "The booking platform's outage was not our fault, but I still apologised to every guest and rebooked 60 rooms myself."),
    // Poor judgment: decisions and hurry words that are not reckless.
    ("Product manager", "I made the decision to delay the launch by a week after the payment provider changed their API."),
    ("Operations manager", "I warned the director, but the client decided to go ahead anyway and the launch slipped."),
    ("Site manager", "To save time after the storm, I split the crew into two shifts and we poured the slab a day early."),
    ("Retail store manager", "I was overloaded with the Christmas rota that year when the card terminals went down for a whole Saturday."),
    ("Warehouse supervisor", "During the heatwave I found an unattended pallet blocking the fire exit and moved it with the forklift driver."),
    ("Customer service representative", "I chose to stay on the line with the customer for forty minutes while the billing system recovered."),
    ("Graphic designer", "The printer's machine broke down, so I decided to send the files to a second printer and we still hit the date."),
    // Conflict: avoided, resolved, or not about people at all.
    ("Software engineer", "Rather than argue with the reviewer, I wrote a benchmark and we agreed on the faster version together."),
    ("Event manager", "The wedding clashed with a city marathon, so the road closures stopped 30 guests from arriving on time."),
    ("Teacher", "I had to step in and cover two classes when a flu outbreak took out a third of the staff."),
    ("Engineering manager", "We disagreed about the rollout plan, so we ran both options on 5% of traffic and picked the safer one."),
    ("Customer service representative", "I got hung up on the refund rules at first, but the outage was the real cause of 300 complaints."),
    ("Product manager", "I argued for a two-week delay, and the board agreed once I showed them the failure rate."),
    ("HR manager", "The outage undermined trust in the new payroll system, so I held drop-in sessions for 200 staff."),
    // Ethics: someone else's wrongdoing, or words that only look like it.
    ("Financial analyst", "A vendor misled us about their uptime, and when the outage hit I moved us to another provider within a week."),
    ("Accountant", "The root of the problem lied in a currency feed that froze, not in our ledger."),
    ("Nurse", "An agency nurse had backdated an observation chart, and I reported it to the ward manager the same shift."),
    // Basic skills: words that look like a gap but are not the speaker's.
    ("Marketing manager", "At my organisation, the campaign tool stopped syncing with the CRM for three days."),
    ("Journalist", "The wire service sent a story with typos in every name, and I caught them before it went to print."),
    ("Retail associate", "I couldn't use the tills for an hour because the card network was down across the whole chain."),
    ("Chef", "During the power cut I couldn't keep up with orders, so I cut the menu to six dishes and told the floor."),
    // Not knowing something that is not a tool, or a tool the speaker learned quickly.
    ("Administrative assistant", "I didn't know the client had moved offices, so the courier went to the old address and I rebooked it for the next morning."),
    ("Software engineer", "Nobody on the team knew the vendor had changed its API, so our sync failed for a day until I rewrote the client."),
    // A decision that was sensible, and a yes that was not reckless.
    ("Project manager", "The vendor offered an extra week and I said yes, which let us test the release properly before the launch."),
];

#[test]
fn clean_stories_raise_no_flag() {
    let mut bad = Vec::new();
    for (role, text) in CLEAN {
        let r = analyze_answer(text, Some(role));
        // Likely flags only: a possible one has a lower bar (see `flags`).
        if r.red_flags.iter().any(|h| !h.possible) {
            let ev: Vec<String> = r
                .red_flags
                .iter()
                .filter(|h| !h.possible)
                .map(|h| {
                    format!(
                        "{}: {:?}",
                        h.flag.id(),
                        h.evidence.first().map(|e| &e.quote)
                    )
                })
                .collect();
            bad.push(format!("[{role}] {text}\n    -> {}", ev.join("; ")));
        }
    }
    assert!(
        bad.is_empty(),
        "{} false flags:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// (role, text, flag): each of these must raise `flag`.
const FLAGGED: &[(&str, &str, &str)] = &[
    ("Copy editor", "I let a typo through in the main headline of the Saturday edition, and 40,000 copies went out with it.", "core_competency"),
    ("QA automation engineer", "To hit the release date I skipped the regression tests, and a checkout bug reached production for a day.", "core_competency"),
    ("Payroll officer", "I missed the BACS cut-off on the last Friday of the month, so 300 people were paid two days late.", "core_competency"),
    ("Data entry clerk", "I mixed up the date and amount columns for a batch of 600 orders, and the invoices went out wrong.", "core_competency"),
    ("Nursing assistant", "On a busy night I missed a repositioning turn for a frail patient, and she developed a red mark by morning.", "core_competency"),
    ("Secondary school teacher", "During my first observation I pitched the task far too hard and lost the class within ten minutes.", "core_competency"),
    ("Recruiter", "We lost the best candidate because the hiring manager sat on my shortlist for three weeks, and nobody told us he was on leave.", "blame_shifting"),
    ("Graduate analyst", "Our group report came back with a low mark because one teammate didn't do their part.", "blame_shifting"),
    ("Head chef", "On a full Saturday service I burned the sauce for forty covers and the kitchen fell an hour behind.", "core_competency"),
    ("Registered nurse", "On a night shift I gave a patient the wrong dose of heparin because I misread the chart.", "core_competency"),
    ("Accountant", "At month end I made a reconciliation error that left the ledger £40,000 out for two weeks.", "core_competency"),
    ("Accountant", "I miscalculated the VAT on 200 invoices and the client paid £8,000 too much.", "core_competency"),
    ("Pharmacist", "I dispensed the wrong medication to a patient because two boxes looked alike.", "core_competency"),
    ("Civil engineer", "I miscalculated the load on a temporary beam and it deflected 30mm during the pour.", "core_competency"),
    ("Chef", "I undercooked a batch of chicken for a 90-cover wedding and three guests fell ill.", "core_competency"),
    ("Project manager", "My estimate for the migration was wrong by four months because I planned it like the last one.", "core_competency"),
    ("Software engineer", "It wasn't my fault: the QA team dropped the ball and never told me the tests were failing.", "blame_shifting"),
    ("Sales representative", "We lost the deal, but honestly that was because of my manager, who changed the price at the last minute.", "blame_shifting"),
    ("Nurse", "I yelled at a junior colleague in front of the whole ward.", "interpersonal_conflict"),
    ("Software engineer", "I had a blazing row with the product manager about the launch date.", "interpersonal_conflict"),
    ("Data analyst", "I fudged the numbers in the quarterly report so the target would look met.", "ethics"),
    ("Site manager", "I made the call to pour the concrete anyway, despite the warnings about the frost.", "poor_judgment"),
    ("Software engineer", "I skipped the staging tests to hit the Friday date, and the release took checkout down.", "poor_judgment"),
    // A reckless call told as a plain decision, before the damage it did.
    ("Event manager", "The weather service warned of gales, and I chose to keep the marquee up anyway. Two panels tore loose and the event was cancelled.", "poor_judgment"),
    ("Translator", "I already had two deadlines that week, but I said yes anyway to a 15,000-word rush job and delivered it three days late.", "poor_judgment"),
    // Not knowing an everyday tool of the job.
    ("Administrative assistant", "I'd never really used spreadsheets before, so I retyped 400 addresses by hand and got 30 of them wrong.", "basic_skills"),
    ("Marketing manager", "I didn't know Outlook could schedule a send, so the newsletter went out at midnight to 9,000 people.", "basic_skills"),
    // Blame told as "he started it" and "my manager always took his side".
    ("Nurse", "The registrar and I clashed over a discharge, but honestly he started it, and my manager always took his side.", "blame_shifting"),
    // Falsification told plainly.
    ("Sales representative", "I logged six calls as completed that I knew hadn't happened, so my weekly numbers would look fine.", "ethics"),
    // A claim the speaker made that the same sentence says was untrue.
    ("Recruitment consultant", "I assured the hiring manager that the candidate had two references on file when he didn't.", "ethics"),
    ("Account manager", "To keep the client calm I told them the replacement part was already on its way when it wasn't.", "ethics"),
    // Blame put on another team or person in plain words.
    ("Sales development representative", "We missed the quarter, and honestly most of that was down to marketing and the leads they sent us.", "blame_shifting"),
    ("Electrician", "The second fix slipped a week and that's on him, not me, because the plasterer never turned up.", "blame_shifting"),
    ("Project coordinator", "In my defence, I was new, and my manager didn't give me much guidance on the budget.", "blame_shifting"),
    // A clash with a person named a few words after the verb.
    ("Store manager", "In my first month I clashed with one of our longest-serving team members over the new rota.", "interpersonal_conflict"),
    // A mistranslation is a translator's core skill.
    ("Translator", "I mistranslated a dosage instruction in a 40-page patient leaflet, and 2,000 copies were printed.", "core_competency"),
];

#[test]
fn risky_stories_are_flagged() {
    assert_read("missed", FLAGGED.iter().copied(), |flag, got| {
        !got.contains(&flag)
    });
}

#[test]
fn core_competency_quotes_the_skill_not_a_generic_word() {
    let r = analyze_answer(
        "At month end I made a reconciliation error that left the ledger £40,000 out.",
        Some("Accountant"),
    );
    let hit = r
        .red_flags
        .iter()
        .find(|h| h.flag.id() == "core_competency")
        .expect("flag");
    for e in &hit.evidence {
        let q = e.quote.to_lowercase();
        assert!(
            !matches!(
                q.as_str(),
                "error" | "errors" | "mistake" | "mistakes" | "issue" | "wrong"
            ),
            "quote is only a generic word: {q:?}"
        );
    }
}

/// (role, text): decisions, risks, speed and shortcuts told in ways that are NOT poor judgment by
/// the speaker: a call that was sound with what was known, a risk taken knowingly with a plan, a
/// choice of someone else's, an outside deadline, a shortcut avoided, a lesson, a hypothetical, a
/// denial. None of these may raise `poor_judgment`. Written for this file, not taken from the corpus.
const JUDGMENT_CLEAN: &[(&str, &str)] = &[
    // A sound trade-off against an outside date.
    ("Product manager", "With the trade show fixed for March, we decided to launch on time and cut scope, leaving the reporting module for the next release."),
    // Reasonable with the information at the time.
    ("Operations manager", "Based on the three quotes we had, I decided to go with the cheaper carrier, which had a clean record at the time; six weeks later they went into administration."),
    // A risk taken knowingly, with a plan for it.
    ("Software engineer", "I took a risk on the Friday deploy, but we had a tested rollback and a second engineer on call, so when it failed we were back within ten minutes."),
    ("Site manager", "I went ahead with the pour despite the risk of rain because we had covers on site, a pump on standby and the engineer's sign-off."),
    // Someone else's choice.
    ("Event manager", "I raised the wind forecast twice, but the client chose to keep the outdoor stage anyway and we lost the first evening."),
    ("Retail store manager", "Head office insisted we open on the Sunday regardless, so I rearranged the rota to cover it."),
    // An outside deadline that rushed the speaker.
    ("Accountant", "I was rushed the whole week by the regulator moving its filing date forward by five days."),
    // The shortcut avoided.
    ("Nurse", "I was tempted to cut corners on the handover to get the ward settled, but I went through every chart with the night nurse instead."),
    ("QA tester", "I refused to skip the regression suite even though the release manager wanted it out that night."),
    ("Electrician", "I never once thought about cutting corners on the isolation, even with the customer waiting."),
    // The lesson, told in the past or the present.
    ("Copywriter", "What I took from it is that when I rushed the final read, I missed things, so now I read every headline aloud before it goes out."),
    ("Project manager", "These days I never promise a date without checking it with the people who will do the work."),
    // Hypothetical.
    ("Pharmacist", "If I had rushed the check that afternoon, 40 patients would have gone home with the wrong strength."),
    ("Software engineer", "I could have skipped the load test to save a day, but I ran it and it found the memory leak."),
    // Negated.
    ("Civil engineer", "I didn't ignore the warning from the geotechnical report; I ordered two extra boreholes before we dug."),
    ("Logistics supervisor", "I did not take a shortcut with the loading plan, even though the trucks were already late."),
    // A decision to be careful or to tell people, despite a cost.
    ("Chef", "I decided to bin the whole batch of sauce anyway, even though it meant 40 covers had to wait another half hour."),
    ("Production supervisor", "I chose to stop the line despite the risk of missing the shipment, because the seal readings had drifted."),
    ("Account manager", "The news was bad, but I decided to call the client anyway that evening and tell them the delivery would slip."),
    // Spoken transcript: "anyway" as a filler, not defiance.
    ("Customer support lead", "So I made the call to, um, anyway, the point is I phoned the customer back within the hour."),
    // Speed that is not haste.
    ("Registered nurse", "When the alarm went off I rushed to the bay and started compressions with the healthcare assistant."),
    ("Marketing manager", "I wasn't prepared for how quickly the campaign took off, and our landing page buckled under 20,000 visits in an hour."),
    ("Data analyst", "I assumed the vendor's file used the same date format as last month, which was reasonable because it had for two years, and they changed it without notice."),
    // The speaker's own time, a careful act on a hunch, a forgotten step, an unforeseeable event.
    ("Auditor", "I skipped lunch all week to get the year-end pack finished, and it still reached the client two days late."),
    ("Buyer", "On a hunch, I phoned the mill and learned their dye house had been shut by a flood."),
    ("Midwife", "I trusted my gut and called the registrar, and that is how the bleed was caught in time."),
    ("Recruiter", "I didn't follow up with the candidate after the second interview, so a rival firm signed her first."),
    ("Ecommerce manager", "I didn't plan for a postal strike in launch week, and 300 orders sat in a sorting office."),
    // Someone else's call, a covered risk, a call that was sound then.
    ("Brewery supervisor", "My manager told me to bottle the batch anyway, so I did it anyway and the whole run went flat."),
    ("Facilities manager", "Looking back, I should have pushed back harder, but I went ahead anyway because the director insisted."),
    ("Site supervisor", "We had a contingency plan for the generator, so I made the call to reopen the site anyway once the power was back."),
    ("Procurement lead", "At the time it was the sensible choice, and I decided to sign with the new vendor despite the risk of a slower start."),
    // The old habit told beside the new one.
    ("Proofreader", "When I rushed, I missed things, so now I read every page twice before it goes to print."),
    ("Software engineer", "I used to cut corners on documentation, but since that audit I write up every change the same day."),
    ("Project manager", "I told the sponsor on the Monday when it wasn't going to land, and we re-planned together."),
    ("Pharmacist", "A wholesaler sent the wrong strength in a sealed box; I spotted the label at the check and quarantined all 50 packs."),
    ("Content writer", "The client's legal team rewrote my article the night before launch, and I missed the deadline while we agreed a final version."),
    ("Customer service representative", "I chose to stay on the line with the customer for forty minutes while the billing system recovered."),
    ("Software engineer", "Rather than argue with the reviewer, I wrote a benchmark and we agreed on the faster version together."),
    ("Product manager", "I argued for a two-week delay, and the board agreed once I showed them the failure rate."),
    ("Journalist", "The wire service sent a story with typos in every name, and I caught them before it went to print."),
];

#[test]
fn sound_decisions_are_not_poor_judgment() {
    let mut bad = Vec::new();
    for (role, text) in JUDGMENT_CLEAN {
        let r = analyze_answer(text, Some(role));
        if let Some(h) = r.red_flags.iter().find(|h| h.flag.id() == "poor_judgment") {
            bad.push(format!(
                "[{role}] {text}\n    -> {:?}",
                h.evidence.iter().map(|e| &e.quote).collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        bad.is_empty(),
        "{} false poor_judgment flags:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// (role, text): the speaker's own choice against known advice or risk; each must raise
/// `poor_judgment`.
const JUDGMENT_FLAGGED: &[(&str, &str)] = &[
    ("Site manager", "The structural engineer warned me the scaffold ties were overdue for inspection, and I ignored the warning to keep the crew working."),
    ("Software engineer", "To save half a day I skipped the required security test, and the release went out with an open admin page."),
    ("Project manager", "I promised the client a June go-live without checking with the developers, and we missed it by two months."),
    ("Warehouse supervisor", "To keep up with the evening rush I chose to switch off the conveyor's safety interlock anyway, and a picker hurt his hand."),
    ("Event manager", "The venue warned us about the capacity limit, but I went ahead anyway and sold 300 tickets over it."),
    ("Sous chef", "I knew the fridge was running warm, but I decided to serve the mousse regardless, and six guests were ill."),
    ("Data engineer", "Against the advice of the DBA, I ran the migration on the live database during trading hours."),
    ("Crane supervisor", "I skipped the pre-lift inspection to get the crew started early, and a worn sling snapped."),
    ("IT support lead", "I deployed the till patch to all 40 stores without testing it on a single till first."),
];

#[test]
fn reckless_calls_are_poor_judgment() {
    assert_read(
        "missed",
        wanting(JUDGMENT_FLAGGED, "poor_judgment"),
        |flag, got| !got.contains(&flag),
    );
}

/// (role, text, flag): failures at the core of the role named in ways the earlier rules missed:
/// a framing subject ("The slip I'd pick is ..."), "it" as an object, haste on a core task, a
/// relative clause telling the state of what the speaker served, a cleft omission, a commitment
/// framed as a regret. Each must raise the flag named.
const ROUND4_FLAGGED: &[(&str, &str, &str)] = &[
    ("Registered nurse", "The mistake I'd bring up is a charting error on my second night shift, when I logged a blood pressure against the next bed.", "core_competency"),
    ("Proofreader", "My worst one was a misspelling on a charity's annual report cover that went to 3,000 donors.", "core_competency"),
    ("Accounts payable clerk", "I keyed the invoice in quickly and paid it twice, so the supplier received £4,200 more than they were owed.", "core_competency"),
    ("Payroll officer", "I processed the overtime file but applied it to the wrong pay month, and 60 drivers were short.", "core_competency"),
    ("HR business partner", "Under pressure to fill the post, I rushed the vetting for a warehouse lead and missed a gap in his history.", "core_competency"),
    ("Waiter", "On my first Saturday I served a teenager who turned out to be underage, and the restaurant was fined.", "core_competency"),
    ("Sous chef", "During a packed lunch I plated a batch of pork that wasn't cooked through and sent it to table six.", "core_competency"),
    ("Software tester", "What I didn't do was test the checkout with an expired card, and 500 customers hit the bug that weekend.", "core_competency"),
    ("Operations director", "A decision I regret is signing the fleet contract without a trial, and within a quarter half the vans sat idle.", "poor_judgment"),
];

/// (role, text): look-alikes that must raise no flag (someone else's act in the relative clause, a
/// framing subject about a colleague, a boast framed as a failure, blame denied of everyone).
const ROUND4_CLEAN: &[(&str, &str)] = &[
    ("Registered nurse", "I worked beside an agency nurse who gave the wrong dose, and I reported it the moment I saw the chart."),
    ("Pharmacy technician", "A mistake my colleague made was the wrong strength on a label; I caught it at the final check and we re-labelled it."),
    ("Head of operations", "My biggest failure, honestly, is that I expect people to care as much as I do about the details."),
    ("Key account manager", "None of my team dropped the ball; the buyer's board froze all new contracts after a profit warning."),
    ("Project manager", "Our client's regulator changed one of the approval rules mid-project, so my plan slipped by six weeks and I re-baselined it with the sponsor."),
    ("Chef", "The failure I'd pick is a wedding where the caterer's van broke down and the dessert course arrived an hour late."),
];

#[test]
fn round4_core_failures_are_flagged() {
    assert_read("missed", ROUND4_FLAGGED.iter().copied(), |flag, got| {
        !got.contains(&flag)
    });
}

#[test]
fn round4_look_alikes_are_not_flagged() {
    assert_read(
        "wrongly flagged",
        wanting(ROUND4_CLEAN, "no flag"),
        |_, got| !got.is_empty(),
    );
}

/// Round 5 (core competency by meaning): the speaker leaves a step of a core task undone, or slips
/// while doing one, told in ordinary words with no error phrase of the role. (role, text, flag)
const ROUND5_FLAGGED: &[(&str, &str, &str)] = &[
    // A check left out, right on the core task.
    ("Staff nurse", "On a busy late shift I didn't confirm the patient's allergies before the first antibiotic went up.", "core_competency"),
    ("Line cook", "I never probed the pork shoulder before it went out on the Sunday roast.", "core_competency"),
    ("Year 6 teacher", "I forgot to moderate the writing assessments before the results went to the head.", "core_competency"),
    ("Hairdresser", "I skipped the patch test for a regular because she had been fine the year before.", "core_competency"),
    // A step left out, with the speaker's own core task in the same sentence.
    ("Bookkeeper", "I was closing the quarter for a small charity and I didn't tie the bank feed back to the statement.", "core_competency"),
    ("Programme manager", "I'd pinned the schedule on the vendor's best case, and I never asked the two teams what they already had on.", "core_competency"),
    // Going home or moving on without the step: "without ...ing".
    ("Pastry chef", "I boxed up the lemon tarts for the wedding and drove off without checking the fridge temperature in the van.", "core_competency"),
    // A slip told as what went wrong in the work, while doing a core task.
    ("Payroll officer", "I was running the weekly payroll on my own and I keyed the hours against the wrong week.", "core_competency"),
    // An outside cause in the story does not excuse the speaker's own core check left undone.
    ("Practice nurse", "The courier left the box on the step overnight, but I didn't look at the cold chain strip and I gave six people their vaccination.", "core_competency"),
    ("Coach driver", "Roadworks had closed the usual slip road, and I misjudged the turn and clipped a bollard.", "core_competency"),
    // The step left out is the second verb, after a filler.
    ("Mechanic", "I fitted new pads and, um, I didn't go back and test the brakes before the customer collected it.", "core_competency"),
    // The step left out, and the core error it let through.
    ("Payroll clerk", "I didn't compare the totals with last month's run, and thirty drivers were underpaid.", "core_competency"),
    // "rather than" + the step.
    ("Health and safety advisor", "I approved the lifting plan from my desk rather than checking the crane inspection records in person.", "core_competency"),
    // The object named first: "the hire I got wrong".
    ("Recruiter", "The hire I got wrong was a warehouse lead I put forward for a client in Leeds.", "core_competency"),
    // A check left out while doing the core task for a person, and a core step forgotten.
    ("Staff nurse", "On a night shift I gave a patient his evening insulin without checking his blood sugar first, and he went hypo an hour later.", "core_competency"),
    ("Chef de partie", "I forgot to label the sesame dressing, and a guest with an allergy had a reaction.", "core_competency"),
    ("Management accountant", "I didn't reconcile the intercompany account before the close, so group revenue was overstated by £80,000.", "core_competency"),
    ("Paralegal", "I sent the disclosure bundle without checking for privileged emails, and two went to the other side.", "core_competency"),
    // An estimate of the speaker's own that the work overran, told in two sentences.
    ("Delivery manager", "I told the board the rollout would need six weeks. In the end it took eleven.", "core_competency"),
];

/// Round 5 look-alikes: near the same words, but not the speaker's core failure. (role, text)
const ROUND5_CLEAN: &[(&str, &str)] = &[
    // An assumption about a person, not a core check left out.
    ("Account manager", "I assumed my biggest client was content because they had stopped raising tickets."),
    // A state of mind or a reaction after "I didn't".
    ("Nurse", "I didn't know the pump had been recalled until the manufacturer's notice reached the ward."),
    ("Chef", "I didn't panic when the extraction failed; I moved the grill section to the back kitchen."),
    // Someone else left the step undone.
    ("Head chef", "The night porter never logged the walk-in temperature, so I rebuilt the log from the probe's memory."),
    ("Accountant", "A temp had closed the month without reconciling the petty cash, and I found it on my first day."),
    // Imagined, or a step the speaker did do.
    ("Teacher", "If I hadn't checked the exam board's update, thirty pupils would have sat the wrong paper."),
    ("Payroll specialist", "I ran the payroll twice as a dry run before the cut-off, and both totals matched."),
    // The speaker's step left out is not a core task of the role.
    ("Nurse", "I didn't book my annual leave early enough, so I missed my sister's wedding."),
    // How well a step went, not a step left out.
    ("Customer service representative", "I didn't explain the refund rules well enough on my first calls, and my manager coached me."),
    // The lesson or the new habit names the step only to say it is done now.
    ("Staff nurse", "Since then I never hand over without reading the drug chart aloud with the next nurse."),
    // An estimate met early, an engineer's estimate (not a core skill), and an overrun caused by
    // someone else's decision.
    ("Project manager", "I said nine weeks for the office move, and it took seven."),
    ("Software engineer", "I estimated the search rewrite at two weeks and it took five."),
    ("Project manager", "I planned the fit-out at ten weeks, but the landlord withdrew access for a month, so it took fifteen."),
    // The core skill is only the time of a step that is no part of the work, or comes after a
    // step given up for it.
    ("Accountant", "I never took a proper lunch break during the year-end close, and I burned out by March."),
    ("Accountant", "I skipped the team social to finish the month-end pack, and honestly nobody minded."),
    ("Structural engineer", "The architect changed the roof design after I had finished the calculations, and I didn't charge for redoing them."),
    // A step held back on purpose: a reason outside the speaker, or waiting for someone else.
    ("Pharmacist", "I didn't dispense the prescription, because the dose looked high, and I rang the GP, who confirmed it was a typo on their side."),
    ("Bus driver", "I didn't drive the usual route that day because the bridge was closed, and I followed the diversion control gave me."),
    ("Accountant", "The bank's feed dropped three days of transactions, so I didn't sign off the reconciliation until they resent the file."),
    // A step that is no part of the core work, with a core word only in what it was about.
    ("Teacher", "I didn't read the email about the exam hall being repainted, so I walked my class to the wrong room and we started ten minutes late."),
    ("Chef", "I didn't renew the kitchen's music licence, and we got a fine."),
    ("Nurse", "I didn't check the car park permit before my first shift and got a parking ticket outside the ward."),
    // Outside causes, with "instead of", "without", "rather than", "I didn't" in the recovery.
    ("Head chef", "A storm cut the power to the whole high street at 6pm on a Saturday. Instead of cancelling, I switched the menu to dishes we could finish on the gas range and told every table straight away."),
    ("Structural engineer", "The steel supplier changed the section sizes after I had signed off the calculations. Rather than wait for their revised sheet, I re-ran the beam checks that afternoon with a colleague."),
    ("Pharmacist", "A wholesaler recalled a batch of inhalers on a Friday evening. I didn't leave until I had called all 46 patients who had collected one."),
    // A slip of the speaker's outside the core task, beside a core word.
    ("Head chef", "I didn't check the weather forecast before our outdoor food festival stall, and the rain wiped out the day."),
    ("Teacher", "I assumed the projector in the new classroom would work, and the lesson started fifteen minutes late while IT fixed it."),
    ("Teacher", "I forgot to send the permission slips home, so the museum trip for my class had to be postponed by a month."),
    // Someone else's core error, which the speaker only learns of afterwards.
    ("Nurse", "The agency nurse on nights gave the wrong dose, and I didn't find out until the morning handover."),
];

#[test]
fn round5_core_steps_left_undone_are_flagged() {
    assert_read("missed", ROUND5_FLAGGED.iter().copied(), |flag, got| {
        !got.contains(&flag)
    });
}

#[test]
fn round5_look_alikes_are_not_flagged() {
    assert_read(
        "wrongly flagged",
        wanting(ROUND5_CLEAN, "no core_competency"),
        |_, got| got.contains(&"core_competency"),
    );
}

/// (role, text, flag): a check the role names as its own core error, left out by the speaker, is
/// core competency and not a reckless call.
const ROUND6_FLAGGED: &[(&str, &str, &str)] = &[
    ("Electrician", "I isolated the ring main at the board but I didn't test the outlet I was about to open, and it was still energised.", "core_competency"),
    ("Apprentice electrician", "I never tested the spur before I cut into it, because the board said it was off.", "core_competency"),
    ("QA engineer", "I didn't test the upgrade path from the old version before we shipped it to everyone.", "core_competency"),
];

/// (role, text): a step left out that is not the role's own core check; not core competency.
const ROUND6_CLEAN: &[(&str, &str)] = &[
    ("Electrician", "The wholesaler sent the wrong cable drums, so we lost two days on the school job."),
    ("Electrician", "I didn't invoice the landlord for a month because my van was stolen with the paperwork in it."),
    ("Marketing manager", "I didn't test the subject line on a small list before the whole send went out."),
];

#[test]
fn round6_core_checks_left_out_are_core_competency() {
    assert_read("missed", ROUND6_FLAGGED.iter().copied(), |flag, got| {
        !got.contains(&flag) || got.contains(&"poor_judgment")
    });
}

#[test]
fn round6_look_alikes_are_not_core_competency() {
    assert_read(
        "wrongly flagged",
        wanting(ROUND6_CLEAN, "no core_competency"),
        |_, got| got.contains(&"core_competency"),
    );
}

/// (role, text): a decision of the speaker's to go ahead without the safeguard meant to cover it
/// is a reckless call.
const SAFEGUARD_SKIPPED: &[(&str, &str)] = &[
    ("Product manager", "The release date was fixed, so I chose to ship the pricing change without a rollback plan, and 3,000 customers were charged twice."),
    ("Communications officer", "I decided to publish the statement without the director's approval, and it had to be withdrawn that evening."),
];

/// (role, text): the safeguard kept, waited for, or named only in passing.
const SAFEGUARD_KEPT: &[(&str, &str)] = &[
    ("Product manager", "I decided not to ship the pricing change without a rollback plan, so the launch slipped a week."),
    ("Communications officer", "The director was abroad, so I agreed to hold the statement, and no approval came until Monday."),
    ("Site manager", "We had a tested rollback, so I decided to switch the cranes over on Friday night."),
];

#[test]
fn going_ahead_without_a_safeguard_is_poor_judgment() {
    assert_read(
        "misread",
        wanting(SAFEGUARD_SKIPPED, "poor_judgment")
            .chain(wanting(SAFEGUARD_KEPT, "no poor_judgment")),
        |want, got| got.contains(&"poor_judgment") != (want == "poor_judgment"),
    );
}

/// (role, text, flag): a core task done the quick or partial way, told without a slip word: from a
/// source that was out of date, one way instead of the proper step, only part of it, for the
/// speaker's convenience, or two things put in one slot; or a core task told as having lapsed.
const SHORTCUT_FLAGGED: &[(&str, &str, &str)] = &[
    ("Accountant", "I built the year-end figures from an archived export instead of pulling a new one, and the accrual was counted twice.", "core_competency"),
    ("Teacher", "I copied the grades from last year's saved spreadsheet, so eleven pupils got the wrong predicted mark.", "core_competency"),
    ("QA engineer", "I only ran the smoke tests on the staging build, and the upgrade script broke on production.", "core_competency"),
    ("Locksmith", "I fitted the replacement cylinder by eye rather than measuring the door, and it sat proud of the handle.", "core_competency"),
    ("Site surveyor", "I set the levels off the temporary peg because it was nearer, and the floor came out 30 mm high.", "core_competency"),
    ("Payroll officer", "I had loaded the old rates table, so ninety drivers were short-paid that month.", "core_competency"),
    // The act names its object as "it": the core skill named earlier in the sentence.
    ("Hotel receptionist", "A guest booked a wake-up call for 5am and I wrote it on my hand rather than entering it in the system.", "core_competency"),
    // "it" standing for the core thing named in the sentence before.
    ("Hotel receptionist", "A guest booked a wake-up call for 5am. I wrote it on my hand rather than entering it in the system.", "core_competency"),
    // The technical failure comes after the shortcut: it is no outside cause.
    ("Software tester", "I only ran the regression suite in one browser, and the checkout crashed for a fifth of shoppers.", "core_competency"),
    // Two things put in one slot by the speaker's act on the core task.
    ("Court clerk", "I had listed two sentencing hearings into the same courtroom on the Tuesday.", "core_competency"),
    // The core task lapsed, told with the task as its subject, in the speaker's own story.
    ("Staff nurse", "I was looking after six beds that night and the two-hourly observations slipped for the man in bay three.", "core_competency"),
    ("Lab technician", "The weekly calibration of the centrifuge had been skipped for a month while I covered the other bench.", "core_competency"),
];

/// (role, text): look-alikes that are no shortcut on the core task: someone else's act, a habit,
/// an outside cause, a choice about people, a word that only describes.
const SHORTCUT_CLEAN: &[(&str, &str)] = &[
    ("Accountant", "The client sent figures from an old export, and I caught it during the review before anything was filed."),
    ("Teacher", "Since then I never copy grades from a saved spreadsheet; I pull them fresh from the register."),
    ("QA engineer", "I only found out on Monday that the cloud region had gone down over the weekend."),
    ("Nurse", "I rang the patient's daughter rather than waiting for the morning, and she came in within the hour."),
    ("Locksmith", "The wholesaler sent the wrong cylinder instead of replacing the faulty one, so I waited two days for stock."),
    ("Site surveyor", "I moved into the old site office because it was closer to the gate."),
    ("Payroll officer", "I only had two days to learn the new system before the bank holiday run."),
    ("Court clerk", "The two trials sat in the same court every Monday, which the judges preferred."),
    // "it" stands for something outside the role's core work.
    ("Hotel receptionist", "A guest asked me to find him a taxi for 5am. I wrote it on my hand rather than entering it in the system."),
    // The way of doing it was chosen for someone else's reason.
    ("Hotel receptionist", "A guest asked me about wake-up calls and I explained them rather than booking one, because he preferred his own alarm."),
    ("Court clerk", "The listing software double-booked Court 2 after an update, and I moved one hearing to the annex."),
    // A date or a whole piece of work slipping is a delay, not a task left undone.
    ("Project manager", "The launch slipped by three weeks when the vendor's servers failed."),
    ("Staff nurse", "A storm cut the power to the ward and the evening observations were missed for an hour."),
    ("Lab technician", "Since then the weekly calibration never gets skipped, because it is on the shared board."),
];

#[test]
fn shortcuts_on_the_core_task_are_core_competency() {
    assert_read("missed", SHORTCUT_FLAGGED.iter().copied(), |flag, got| {
        !got.contains(&flag)
    });
}

#[test]
fn shortcut_look_alikes_are_not_core_competency() {
    assert_read(
        "wrongly flagged",
        wanting(SHORTCUT_CLEAN, "no core_competency"),
        |_, got| got.contains(&"core_competency"),
    );
}

/// (role, text, flag): a core failure told with "we": the speaker's team left the role's core step
/// undone, or made the role's core error.
const TEAM_CORE_FLAGGED: &[(&str, &str, &str)] = &[
    ("Product owner", "We never did any user research on the new onboarding flow, and sign-ups fell by a third.", "core_competency"),
    ("QA lead", "We skipped the regression run on the Friday build because the release was due, and checkout broke for a day.", "core_competency"),
    ("Merchandiser", "We over-ordered winter coats by 4,000 units for the southern stores.", "core_competency"),
];

/// (role, text): look-alikes: a "we" step that is no core task of the role, a reason or a time
/// beside it, an outside cause, or the new habit.
const TEAM_CORE_CLEAN: &[(&str, &str)] = &[
    (
        "Product owner",
        "We never talked about the research budget until the board cut it in half.",
    ),
    (
        "QA lead",
        "The cloud provider had an outage, so we didn't run the regression suite that night.",
    ),
    (
        "Merchandiser",
        "We didn't go to the trade fair because of the rail strike.",
    ),
    (
        "QA lead",
        "Since then we never skip the regression run, however late the build.",
    ),
];

#[test]
fn core_failures_told_with_we_are_core_competency() {
    assert_read("missed", TEAM_CORE_FLAGGED.iter().copied(), |flag, got| {
        !got.contains(&flag)
    });
}

#[test]
fn team_look_alikes_are_not_core_competency() {
    assert_read(
        "wrongly flagged",
        wanting(TEAM_CORE_CLEAN, "no core_competency"),
        |_, got| got.contains(&"core_competency"),
    );
}

/// (role, text): a core error told in the recovery, after the story, as what putting things right
/// cost; not core competency.
const COST_OF_THE_RECOVERY: &[(&str, &str)] = &[
    ("Sales representative", "A buyer at a hotel chain asked me to log his order early so it landed in my quarter, and I backdated the form. Our auditor caught it a week later. I told my manager the same afternoon and we rebooked it in the right month, so I missed my target by a few hundred pounds."),
    ("Payroll officer", "The bank's file upload failed on pay day. I moved the whole run to a same-day payment within two hours with the finance director, and we paid it late by a morning rather than not at all."),
];

#[test]
fn a_core_error_that_the_recovery_cost_is_not_core_competency() {
    assert_read(
        "wrongly flagged",
        wanting(COST_OF_THE_RECOVERY, "no core_competency"),
        |_, got| got.contains(&"core_competency"),
    );
    // The same error told as the failure itself is.
    let told = "Last spring I missed my target by a third because I chased the wrong accounts.";
    assert!(
        flags(told, "Sales representative").contains(&"core_competency"),
        "{told}"
    );
}

/// A blame phrase that is what the speaker found when tracing the cause is no blame shifting; the
/// same phrase told as the speaker's excuse is.
#[test]
fn a_cause_the_speaker_established_is_not_blame_shifting() {
    let found = "Our courier lost a pallet of 60 orders. Within the hour I called their depot manager and confirmed it was their fault, not a labelling error of ours, and I re-sent every order that day.";
    assert!(
        !flags(found, "Warehouse manager").contains(&"blame_shifting"),
        "{found}"
    );
    let excuse = "We lost a pallet of 60 orders. Honestly it was their fault, the courier never scans anything properly.";
    assert!(
        flags(excuse, "Warehouse manager").contains(&"blame_shifting"),
        "{excuse}"
    );
}

/// A verdict on the work that says nothing of what went wrong ("I messed up the demo") is a vague
/// failure: key 1 fails, but no core skill is shown failing. What went wrong, told, still is.
#[test]
fn a_vague_verdict_on_core_work_is_not_core_competency() {
    use comeback_core::Key;
    let vague = "I botched a sales demo for a logistics prospect last spring, and we didn't win the account.";
    let r = analyze_answer(vague, Some("Sales representative"));
    // No core skill is asserted (at most a possible flag: the speaker's own failure in the work).
    assert!(
        !r.red_flags
            .iter()
            .any(|h| h.flag.id() == "core_competency" && !h.possible),
        "{vague}"
    );
    assert!(!r.key(Key::Choice).met, "{vague}");
    let told =
        "I misread the prospect's volumes in the pitch and quoted them for the wrong fleet size.";
    assert!(
        flags(told, "Sales representative").contains(&"core_competency"),
        "{told}"
    );
}

/// A record made to fall in a period it did not belong to is ethics; the same words about a real
/// record are not.
#[test]
fn a_record_moved_into_a_period_it_did_not_belong_to_is_ethics() {
    let moved = "I was two sales short of my target, so I changed the dates on two March orders so they would count in February.";
    assert!(
        flags(moved, "Sales representative").contains(&"ethics"),
        "{moved}"
    );
    let honest = "The customer signed on the last day of the month, so it counted in my figures for that month.";
    assert!(
        !flags(honest, "Sales representative").contains(&"ethics"),
        "{honest}"
    );
}

/// Someone else's check named as what should have stopped the failure shifts blame; the speaker's
/// own does not.
#[test]
fn someone_elses_check_that_should_have_stopped_it_is_blame() {
    let theirs = "The invoices went out with last year's prices. To be honest the finance system should have flagged it, and the pricing team never passed it on.";
    assert!(
        flags(theirs, "Account manager").contains(&"blame_shifting"),
        "{theirs}"
    );
    let mine = "The invoices went out with last year's prices. I should have spotted it before I pressed send.";
    assert!(
        !flags(mine, "Account manager").contains(&"blame_shifting"),
        "{mine}"
    );
}

/// (role, text): someone new to the work left by the speaker to do it alone is poor judgment.
const NOVICE_ALONE: &[(&str, &str)] = &[
    ("Site manager", "I was short-handed, so I let an apprentice on his first week finish the scaffold tie-ins by himself."),
    ("Pharmacy manager", "I left a trainee to run the dispensary alone over lunch, and a wrong strength went out."),
];

/// (role, text): look-alikes: the rule kept, a novice with someone beside them, someone
/// experienced left alone, or someone else's decision.
const NOVICE_NOT_ALONE: &[(&str, &str)] = &[
    (
        "Site manager",
        "I never let an apprentice work on the scaffold alone, even when we were short-handed.",
    ),
    (
        "Pharmacy manager",
        "I let a trainee run the dispensary with our senior technician beside her.",
    ),
    (
        "Pharmacy manager",
        "I left our most experienced technician to close the dispensary alone on Friday.",
    ),
    (
        "Store manager",
        "The area manager let a new starter lock up on her own while I was on leave.",
    ),
];

#[test]
fn a_novice_left_alone_is_poor_judgment() {
    assert_read(
        "missed",
        wanting(NOVICE_ALONE, "poor_judgment"),
        |flag, got| !got.contains(&flag),
    );
    assert_read(
        "wrongly flagged",
        wanting(NOVICE_NOT_ALONE, "no poor_judgment"),
        |_, got| got.contains(&"poor_judgment"),
    );
}

/// (role, text): no flag at all, not even a possible one: someone else's error, a habit taken up
/// since, time off, a temptation resisted, a call made for a sound stated reason, nobody's fault.
const NEVER_EVEN_POSSIBLE: &[(&str, &str)] = &[
    ("Registered nurse", "I worked beside an agency nurse who gave the wrong dose, and I reported it the moment I saw the chart."),
    ("Pharmacy technician", "A mistake my colleague made was the wrong strength on a label; I caught it at the final check and we re-labelled it."),
    ("Staff nurse", "Since then I never hand over without reading the drug chart aloud with the next nurse."),
    ("Accountant", "I never took a proper lunch break during the year-end close, and I burned out by March."),
    ("Nurse", "I didn't book my annual leave early enough, so I missed my sister's wedding."),
    ("Nurse", "I was tempted to cut corners on the handover to get the ward settled, but I went through every chart with the night nurse instead."),
    ("Data analyst", "I assumed the vendor's file used the same date format as last month, which was reasonable because it had for two years, and they changed it without notice."),
    ("Site reliability engineer", "No one was blamed: the review found a certificate had expired on the load balancer at 2 am."),
    ("Key account manager", "None of my team dropped the ball; the buyer's board froze all new contracts after a profit warning."),
    ("Nurse", "An agency nurse had backdated an observation chart, and I reported it to the ward manager the same shift."),
    ("Software engineer", "I used to cut corners on documentation, but since that audit I write up every change the same day."),
    ("Project manager", "I told the sponsor on the Monday when it wasn't going to land, and we re-planned together."),
    ("Pharmacist", "A wholesaler sent the wrong strength in a sealed box; I spotted the label at the check and quarantined all 50 packs."),
    ("Customer service representative", "I chose to stay on the line with the customer for forty minutes while the billing system recovered."),
    ("Software engineer", "Rather than argue with the reviewer, I wrote a benchmark and we agreed on the faster version together."),
    ("Journalist", "The wire service sent a story with typos in every name, and I caught them before it went to print."),
];

#[test]
fn nothing_is_flagged_even_as_possible_in_these() {
    let bad: Vec<String> = NEVER_EVEN_POSSIBLE
        .iter()
        .filter_map(|(role, text)| {
            let got = analyze_answer(text, Some(role)).red_flag_ids();
            (!got.is_empty()).then(|| format!("[{role}] {text}\n    got {got:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "{}:\n{}", bad.len(), bad.join("\n"));
}
