//! What the wizard says: for each key a heading, an explanation, a strong and a risky example,
//! and its fields; the failure categories; suggestions for the target role.
//!
//! Plain data written by the team, so that the app only renders it and tests can check it.

use crate::story::{FailureCategory, Field};
use crate::Key;

/// How a wizard step asks for one thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// One line of text.
    Line(Field),
    /// A few sentences, in a box at least this many lines high. For a part of a recovery step
    /// the field names the first step; each step asks for it again.
    Text(Field, u8),
    /// A choice among the failure categories.
    Category,
}

impl Input {
    /// The text this input edits (none for the category choice).
    pub fn field(self) -> Option<Field> {
        match self {
            Input::Line(f) | Input::Text(f, _) => Some(f),
            Input::Category => None,
        }
    }
}

/// One field of a wizard step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldGuide {
    /// What it asks for, and how.
    pub input: Input,
    /// Its visible label.
    pub label: &'static str,
    /// A one-line hint shown under the label.
    pub hint: &'static str,
    /// Placeholder text inside the empty field.
    pub placeholder: &'static str,
}

/// Everything the wizard shows for one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepGuide {
    /// The key this step teaches.
    pub key: Key,
    /// The step's heading, naming the key.
    pub heading: &'static str,
    /// Two or three sentences on what this key asks for and why.
    pub explanation: &'static str,
    /// An example that meets the key.
    pub strong_example: &'static str,
    /// Who says the strong example.
    pub strong_role: &'static str,
    /// An example that misses it.
    pub risky_example: &'static str,
    /// Who says the risky example.
    pub risky_role: &'static str,
    /// Why the risky example falls short.
    pub why_risky: &'static str,
    /// The fields of this step, in order.
    pub fields: &'static [FieldGuide],
}

/// A failure category as step 1 presents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CategoryGuide {
    /// The category.
    pub category: FailureCategory,
    /// Its label in the list.
    pub label: &'static str,
    /// One line on what belongs here.
    pub description: &'static str,
    /// Safe material (true) or risky (false).
    pub safe: bool,
}

const CHOICE_FIELDS: &[FieldGuide] = &[
    FieldGuide {
        input: Input::Line(Field::Title),
        label: "Name this story",
        hint: "Only you see it, in your story bank.",
        placeholder: "Port strike before the spring launch",
    },
    FieldGuide {
        input: Input::Line(Field::Role),
        label: "Role you are applying for",
        hint: "The analyzer checks your story against the core skills of this role.",
        placeholder: "Logistics coordinator",
    },
    FieldGuide {
        input: Input::Category,
        label: "What kind of failure was it?",
        hint: "The first four are safe ground; the last five make interviewers wary.",
        placeholder: "",
    },
    FieldGuide {
        input: Input::Text(Field::Summary, 3),
        label: "The failure in one sentence",
        hint: "What went wrong, said plainly. Own it without putting yourself down.",
        placeholder: "A port strike cut off our main supply route two weeks before launch.",
    },
    FieldGuide {
        input: Input::Text(Field::JobAd, 3),
        label: "The job ad (optional)",
        hint: "Paste the posting as text, from any site. Comeback checks your failure against what this employer needs. The ad stays on this device.",
        placeholder: "Paste the job ad here",
    },
];

const NUMBERS_FIELDS: &[FieldGuide] = &[FieldGuide {
    input: Input::Text(Field::Context, 6),
    label: "The situation, with its numbers",
    hint:
        "Two to four sentences. Give the scale, what was at stake and who was affected, in figures.",
    placeholder:
        "We shipped 4,000 orders a week for 12 retail clients; the launch was worth £250,000.",
}];

const TURNAROUND_FIELDS: &[FieldGuide] = &[
    FieldGuide {
        input: Input::Text(Field::StepAction(0), 2),
        label: "What you did",
        hint: "Start with \"I\" and a verb. One action per step, in the order you did them.",
        placeholder: "I rerouted the containers through a second port",
    },
    FieldGuide {
        input: Input::Line(Field::StepWho(0)),
        label: "Who was involved",
        hint: "The people or teams you brought in. Leave blank if you acted alone.",
        placeholder: "with our freight broker",
    },
    FieldGuide {
        input: Input::Line(Field::StepWhen(0)),
        label: "When, or how fast",
        hint: "A time or a duration makes the pace visible.",
        placeholder: "within 48 hours",
    },
];

const IMPROVEMENT_FIELDS: &[FieldGuide] = &[
    FieldGuide {
        input: Input::Text(Field::ImmediateWin, 3),
        label: "The immediate win",
        hint: "What limited the damage at the time, and the result, with a number if you can.",
        placeholder: "90% of the stock reached the stores before launch day.",
    },
    FieldGuide {
        input: Input::Text(Field::LongTermGain, 3),
        label: "The long-term gain",
        hint: "The lasting change to a process, a system or a habit, and what it achieved since.",
        placeholder: "I set up a second approved port; last winter it saved us a 6-day delay.",
    },
];

const GROWTH_FIELDS: &[FieldGuide] = &[
    FieldGuide {
        input: Input::Text(Field::Lesson, 3),
        label: "What you learned",
        hint:
            "A lesson someone else could apply, in one or two sentences. Not \"I learned a lot\".",
        placeholder: "A single route is a single point of failure, however reliable it has been.",
    },
    FieldGuide {
        input: Input::Text(Field::Change, 3),
        label: "What you do differently now",
        hint: "A concrete habit you can point to, ideally with a recent example.",
        placeholder: "Every plan I write now names a fallback for each critical supplier.",
    },
];

const STEPS: [StepGuide; 5] = [
    StepGuide {
        key: Key::Choice,
        heading: "1. Choose the failure wisely",
        explanation: "Pick a setback that came from outside your basic competence: a technical surprise, a shock that hit the whole industry, a rare event, or a decision nobody in your team controlled. Stay away from stories about poor judgment, missing skills, clashes with people or ethics, and above all from failures in the very skill the new job is about.",
        strong_example: "A port strike shut our main import route for nine days, two weeks before our largest client's spring launch.",
        strong_role: "Logistics coordinator",
        risky_example: "I sent the quarterly accounts to the board with a reconciliation error I had not caught.",
        risky_role: "Accountant",
        why_risky: "Reconciling accounts is the heart of an accountant's job, so the story makes the interviewer doubt the one skill they are hiring for.",
        fields: CHOICE_FIELDS,
    },
    StepGuide {
        key: Key::Numbers,
        heading: "2. Set the stage with numbers",
        explanation: "The context is the opening scene, not the whole film: a few sentences that tell the listener how big this was. Anchor it with figures — how many people, how much money, what share was affected, which target was missed — so the interviewer can weigh the stakes for themselves.",
        strong_example: "I taught maths to 118 Year 10 students in four classes. When the exam board brought the coursework deadline forward by three weeks, 46 of them had not started their final project.",
        strong_role: "Secondary school teacher",
        risky_example: "It was a big project with lots of students and a tight deadline, so a lot was riding on it.",
        risky_role: "Secondary school teacher",
        why_risky: "Big, lots and tight are impressions, not facts: without figures the interviewer cannot tell a minor slip from a crisis.",
        fields: NUMBERS_FIELDS,
    },
    StepGuide {
        key: Key::Turnaround,
        heading: "3. Show the turnaround",
        explanation: "This is the heart of the answer: what you did, step by step, whom you brought in and how quickly. Speak as the person acting — \"I called\", \"I rebuilt\" — and give times, because speed under pressure is exactly what the interviewer is listening for.",
        strong_example: "Within 20 minutes of the booking system going down, I moved the front desk to the paper check-in sheets we kept for fire drills. I asked the night auditor to phone the 35 guests due that evening, and by 9 pm I had the vendor's engineer restoring our data.",
        strong_role: "Hotel front office manager",
        risky_example: "We pulled together as a team and eventually things got back to normal.",
        risky_role: "Hotel front office manager",
        why_risky: "No action, no person, no time, and a \"we\" that hides what you did: the interviewer learns nothing about how you work.",
        fields: TURNAROUND_FIELDS,
    },
    StepGuide {
        key: Key::Improvement,
        heading: "4. Fix it, then improve it",
        explanation: "Give two results. The immediate win shows you can limit damage on the day; the long-term gain shows you changed something so it does not happen again, or matters less when it does. An answer with only one of the two sounds either short-sighted or slow.",
        strong_example: "By that evening checkout worked again, and a reminder email brought back 9 in 10 of the abandoned carts. Over the next quarter I introduced a monthly test on real phones with a screen reader, and accessibility complaints fell from about 30 a month to 4.",
        strong_role: "Product designer",
        risky_example: "We fixed the bug and apologised to the customers who had complained.",
        risky_role: "Product designer",
        why_risky: "A fix and an apology deal with today only; nothing changed to stop the same bug from reaching customers again.",
        fields: IMPROVEMENT_FIELDS,
    },
    StepGuide {
        key: Key::Growth,
        heading: "5. Show what you learned",
        explanation: "End with a lesson specific enough that someone else could use it, and with how you work differently because of it. The interviewer is checking that the next team you join will get the benefit of this failure without having to live through it.",
        strong_example: "I learned that a backup plan is only real once people have practised it. Since then every rota I write includes a 15-minute drill on the paper fallback, and I run one myself each quarter.",
        strong_role: "Ward manager",
        risky_example: "It taught me a lot and made me a better professional.",
        risky_role: "Ward manager",
        why_risky: "It would fit any story, so it proves nothing: there is no lesson to test and no habit to point to.",
        fields: GROWTH_FIELDS,
    },
];

/// The wizard content for one key.
pub fn step_guide(key: Key) -> &'static StepGuide {
    &STEPS[key as usize]
}

/// The wizard's words for one text of a story (for a part of a recovery step, whichever step);
/// `None` for a text the wizard does not ask for (the unsorted notes, a pasted answer).
pub fn field_guide(field: Field) -> Option<&'static FieldGuide> {
    let field = field.at_step(0);
    STEPS
        .iter()
        .flat_map(|s| s.fields.iter())
        .find(|g| g.input.field() == Some(field))
}

/// The wizard content for all five keys, in order.
pub fn step_guides() -> &'static [StepGuide; 5] {
    &STEPS
}

const UNSET: CategoryGuide = CategoryGuide {
    category: FailureCategory::Unset,
    label: "Not chosen yet",
    description: "Pick the kind of failure your story is about.",
    safe: true,
};

/// The categories step 1 offers, safe ones first.
pub const CATEGORIES: [CategoryGuide; 9] = [
    CategoryGuide {
        category: FailureCategory::TechnicalProblem,
        label: "An unexpected technical problem",
        description: "A system, tool or piece of equipment failed in a way nobody saw coming.",
        safe: true,
    },
    CategoryGuide {
        category: FailureCategory::OutsideShock,
        label: "An outside or industry-wide shock",
        description: "A market swing, a supplier collapse, a new regulation: something that hit everyone in your field.",
        safe: true,
    },
    CategoryGuide {
        category: FailureCategory::RareEvent,
        label: "A rare event nobody predicted",
        description: "So unusual that no reasonable plan covered it: a flood, a once-in-a-decade outage.",
        safe: true,
    },
    CategoryGuide {
        category: FailureCategory::OutsideControl,
        label: "Circumstances outside anyone's control",
        description: "A constraint imposed from outside: a client's change of scope, a budget cut, a cancelled contract.",
        safe: true,
    },
    CategoryGuide {
        category: FailureCategory::PoorJudgment,
        label: "A poor judgment call (risky)",
        description: "A decision of yours that proved wrong; it invites doubts about your judgment.",
        safe: false,
    },
    CategoryGuide {
        category: FailureCategory::BasicSkills,
        label: "A gap in the basic skills of the job (risky)",
        description: "Something anyone in the role should do well; it raises the question whether you can do the job.",
        safe: false,
    },
    CategoryGuide {
        category: FailureCategory::Conflict,
        label: "A clash with colleagues (risky)",
        description: "A falling-out with people tends to sound like blame, whoever was right.",
        safe: false,
    },
    CategoryGuide {
        category: FailureCategory::Ethics,
        label: "Anything touching ethics (risky)",
        description: "Honesty, safety, privacy or rules: even a small slip here is hard to come back from.",
        safe: false,
    },
    CategoryGuide {
        category: FailureCategory::CoreOfRole,
        label: "The core of the role you want (risky)",
        description: "A failure in the very skill the job is about, such as a kitchen disaster for a chef.",
        safe: false,
    },
];

/// How step 1 presents a category.
pub fn category_guide(category: FailureCategory) -> &'static CategoryGuide {
    CATEGORIES
        .iter()
        .find(|g| g.category == category)
        .unwrap_or(&UNSET)
}

/// Suggestions for the target-role field, across many kinds of work (free text is fine too).
pub const ROLE_SUGGESTIONS: &[&str] = &[
    "Software engineer",
    "Backend engineer",
    "Data analyst",
    "Data scientist",
    "IT support specialist",
    "Cybersecurity analyst",
    "Product manager",
    "Project manager",
    "UX designer",
    "Graphic designer",
    "Registered nurse",
    "Ward manager",
    "Pharmacist",
    "Physiotherapist",
    "Care assistant",
    "Primary school teacher",
    "Secondary school teacher",
    "University lecturer",
    "Chef",
    "Restaurant manager",
    "Hotel front office manager",
    "Retail store manager",
    "Sales representative",
    "Account manager",
    "Customer service advisor",
    "Marketing manager",
    "Social media manager",
    "Journalist",
    "Accountant",
    "Financial analyst",
    "Bookkeeper",
    "HR business partner",
    "Recruiter",
    "Lawyer",
    "Paralegal",
    "Civil engineer",
    "Mechanical engineer",
    "Electrician",
    "Construction site manager",
    "Logistics coordinator",
    "Warehouse supervisor",
    "Operations manager",
    "Research scientist",
    "Laboratory technician",
    "Pilot",
    "Police officer",
    "Social worker",
    "Executive assistant",
];
