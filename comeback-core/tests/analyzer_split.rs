//! Splitting a pasted answer into its parts: weak cues ("rather than", "with the", "now" in the
//! narrative) do not steer a sentence on their own; the lesson and the change sit at the end, the
//! recovery in the middle. Hand-written; none is taken from the corpus.

use comeback_core::analyzer::{split_answer, AnswerPart};

/// The part given to the sentence that contains `needle`.
fn part_of(text: &str, needle: &str) -> AnswerPart {
    split_answer(text)
        .into_iter()
        .find(|s| s.text.contains(needle))
        .map(|s| s.part)
        .unwrap_or_else(|| panic!("{needle:?} not found"))
}

const HOTEL: &str = "I was duty manager at a 180-room hotel with the conference wing fully booked. \
On the Thursday a water main burst under the street and the whole building lost water for nine hours. \
I called our sister hotel within twenty minutes and moved the 60 most affected guests there by taxi. \
We called every remaining guest that afternoon rather than emailing them, and offered a free night. \
Now I had four hours to find portable toilets for the conference, and I hired them from an events firm. \
By nine that evening the water was back and we lost only two bookings. \
Since then we keep a signed agreement with the sister hotel for overflow. \
What stuck with me is that a plan for losing water was missing because nobody had imagined it. \
These days I run a what-if session with the heads of department every quarter.";

#[test]
fn rather_than_does_not_make_a_recovery_an_immediate_win() {
    assert_eq!(
        part_of(HOTEL, "rather than emailing"),
        AnswerPart::Recovery,
        "{:#?}",
        split_answer(HOTEL)
    );
}

#[test]
fn with_the_in_the_opening_is_context() {
    assert_eq!(
        part_of(HOTEL, "conference wing"),
        AnswerPart::Context,
        "{:#?}",
        split_answer(HOTEL)
    );
}

#[test]
fn now_in_the_narrative_is_not_a_changed_habit() {
    let p = part_of(HOTEL, "Now I had four hours");
    assert!(
        matches!(p, AnswerPart::Recovery | AnswerPart::Failure),
        "{p:?}: {:#?}",
        split_answer(HOTEL)
    );
}

#[test]
fn lesson_and_change_at_the_end() {
    assert_eq!(part_of(HOTEL, "What stuck with me"), AnswerPart::Lesson);
    assert_eq!(part_of(HOTEL, "These days I run"), AnswerPart::Change);
    assert_eq!(part_of(HOTEL, "Since then we keep"), AnswerPart::LongTerm);
}

#[test]
fn a_realisation_in_the_story_is_not_the_lesson() {
    let text = "I was the shift lead in a warehouse shipping 3,000 parcels a day. \
On Black Friday the label printer firmware failed and 400 parcels went out unlabelled. \
I realised about an hour later, when the courier rang, and I stopped the dock at once. \
I reprinted the labels with the IT technician and we caught all 400 within four hours. \
I learned that a printer is a single point of failure on a dock. \
Now I keep a spare printer configured on every shift.";
    assert_ne!(
        part_of(text, "I realised about an hour later"),
        AnswerPart::Lesson,
        "{:#?}",
        split_answer(text)
    );
    assert_eq!(part_of(text, "I learned that"), AnswerPart::Lesson);
    assert_eq!(part_of(text, "Now I keep"), AnswerPart::Change);
}

#[test]
fn a_habit_after_the_lesson_is_the_change() {
    let text = "I teach maths to 120 students across four classes. \
Last spring the exam board changed the syllabus without notice and my revision plan for 30 students was wrong for two topics. \
I rewrote the two topics over the weekend with my head of department and taught them on the Monday. \
Every student sat the new topics, and the class average held at 68%. \
The lesson for me is that a syllabus can change under you in the last term. \
I check the exam board's updates page on the first Monday of every month.";
    assert_eq!(
        part_of(text, "I check the exam board"),
        AnswerPart::Change,
        "{:#?}",
        split_answer(text)
    );
    assert_eq!(
        part_of(text, "I rewrote the two topics"),
        AnswerPart::Recovery
    );
}

#[test]
fn a_new_habit_in_the_opening_summary_is_the_change() {
    let text = "In short: a supplier is only as reliable as its last delivery, and I now keep two quotes for every bulk order. \
I ran purchasing for a bakery chain of 14 shops. \
In March our flour mill closed for a week after a fire, and we had four days of stock. \
I rang three other mills that morning and had a first delivery within 48 hours.";
    assert_eq!(
        part_of(text, "I now keep two quotes"),
        AnswerPart::Change,
        "{:#?}",
        split_answer(text)
    );
    // Told in the past, "now" is the narrative, as before.
    assert_ne!(part_of(HOTEL, "Now I had four hours"), AnswerPart::Change);
}
