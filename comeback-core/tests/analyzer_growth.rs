//! Key 5 (growth), hand-written: a specific lesson AND how the speaker works differently since,
//! phrased the many ways real answers phrase them, and generic lessons that must not pass.
//! None is taken from the corpus.

use comeback_core::analyzer::analyze_answer;
use comeback_core::Key;

/// A story up to its results, so only the ending decides key 5.
const STORY: &str = "Last year I ran the stock system for a chain of twelve bakeries. \
One Monday our flour supplier went into administration without warning and 40% of our orders could not be filled. \
I rang three other mills within the hour and had a new supplier delivering by Wednesday. \
By the end of the week every shop was fully stocked again. ";

fn growth(ending: &str) -> bool {
    let text = format!("{STORY}{ending}");
    analyze_answer(&text, Some("Operations manager"))
        .key(Key::Growth)
        .met
}

const MET: &[&str] = &[
    "What stuck with me is that a single supplier is a single point of failure. Since then I always keep a second mill on a standing order.",
    "The takeaway for me was that a supplier's silence is a warning sign. These days I phone our top five suppliers every quarter to ask how they are doing.",
    "It showed me that I had never stress-tested our supply chain. Now, before I sign any supplier contract, I ask for their business continuity plan.",
    "I realised I had been treating price as the only thing that mattered in a supplier. My rule now is that every critical ingredient has two approved sources.",
    "I now understand that the cheapest contract is not the safest one. I've made it a habit to review supplier risk with finance every January.",
    "A plan is only as good as its weakest assumption, so I now list the assumptions behind every stock plan and check the riskiest one first.",
    "That experience changed how I plan: I keep two weeks of buffer stock for anything we can only buy from one place.",
    "The lesson was that nobody was watching our suppliers' health. We now run a supplier check every Monday, which I set up, and it flags any late delivery.",
    "I learned to ask every new supplier for a backup contact and a second depot before the first order goes in.",
    "Looking back, the real lesson is that an outside shock is still my problem to plan for. Ever since, I keep a one-page contingency plan for each of our top ten ingredients.",
    "It taught me that early warning is worth more than a fast recovery. Today I get an alert whenever a supplier's delivery is more than a day late, and I call them the same morning.",
    "Lesson learned: a supplier's accounts tell you more than their sales pitch. Whenever I onboard a supplier now, I pull their last filed accounts first.",
    "In hindsight, I had no idea which of our suppliers were fragile. So these days, before any big order, I check the supplier's credit rating with our finance team.",
    "Nowadays, whenever a supplier misses a delivery, I ring them the same day, because a missed delivery was the first sign last time.",
    "My biggest learning was that spreading orders across two mills costs a little but protects a lot. I now split our flour orders 70/30 between two suppliers.",
    // A lesson shown without "I learned": a heading, a general statement after a colon, a realisation with the habit.
    "Learning: a supplier that only takes calls from sales has no one to warn you. I now ask every new supplier for an operations contact before the first order.",
    "The bigger change is in how I think about suppliers: a long relationship is not a guarantee of stability. Every quarter now I review the accounts of our five biggest suppliers with finance.",
    "Thinking about it afterwards, I realised that our ordering system trusted a supplier until the day it failed, so now I check delivery times every Friday and ring any mill that slips.",
];

const NOT_MET: &[&str] = &[
    "I learned a lot from it.",
    "I learned my lesson and moved on.",
    "It was a real learning experience and I grew as a person.",
    "I learned the importance of communication. Now I try to communicate better.",
    "It taught me a lot about resilience, and I think I am a stronger manager for it.",
    "I learned that things can go wrong.",
    // Habits with no lesson.
    "Now I keep a second supplier on file and check in with them every month.",
    // A specific lesson with no change in how the speaker works.
    "What stuck with me is that a single supplier is a single point of failure for a bakery chain.",
    "The takeaway was that it was a valuable lesson for everyone involved.",
    "I realised how important it is to stay calm under pressure.",
    "Looking back, I should have asked for help sooner.",
    "In hindsight, I would call the other mills sooner if it happened again.",
    "It made me much more careful and organised, and I am more proactive now.",
    "I learned that communication is key. These days I communicate more with my team.",
    // The team's lesson, and a vague change that is not the speaker's.
    "We learned to vet suppliers before signing, and now we do a lot more checking up front.",
    // A statement with no content, and a habit that only says things are fine.
    "I tend to plan carefully, so things don't usually go wrong.",
    // A learner's virtues, not a lesson about the work.
    "I learned how vital it is to keep learning and to ask questions. Now I ask more questions in every meeting.",
];

/// A lesson-first answer: the lesson and the habit come before the story.
#[test]
fn a_lesson_first_answer_meets_growth() {
    let text = format!(
        "In short: a supplier's health belongs in every stock plan, and I now review our top suppliers every quarter. Here's why. {STORY}"
    );
    let r = analyze_answer(&text, Some("Operations manager"));
    assert!(r.key(Key::Growth).met, "{:#?}", r.key(Key::Growth));
}

#[test]
fn varied_specific_lessons_with_a_changed_habit_meet_growth() {
    let missed: Vec<&&str> = MET.iter().filter(|e| !growth(e)).collect();
    assert!(
        missed.is_empty(),
        "{} not met:\n{:#?}",
        missed.len(),
        missed
    );
}

#[test]
fn generic_lessons_or_half_answers_do_not_meet_growth() {
    let passed: Vec<&&str> = NOT_MET.iter().filter(|e| growth(e)).collect();
    assert!(
        passed.is_empty(),
        "{} met wrongly:\n{:#?}",
        passed.len(),
        passed
    );
}
