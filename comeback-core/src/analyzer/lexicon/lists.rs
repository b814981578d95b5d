//! Every list of words the analyzer reads, by name: the data files they come from, the phrase
//! categories found in every sentence ([`Cat`]), and the word lists the rules ask about ([`List`]),
//! each made of one or more `[section]`s of the files. This table is the only place a list is
//! named; `lexicon/mod.rs` builds them, and its tests check every section of every file is read.

/// A data file of `comeback-core/data/`, compiled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Source {
    /// Part cues, actions, timings, results, lessons, outside causes (`cues.txt`).
    Cues,
    /// Red-flag phrases and the word lists of the red-flag rules (`redflags.txt`).
    RedFlags,
    /// Hedges, fillers, weasel words, passives (`prose.txt`).
    Prose,
    /// Slips and the core-competency rules' words (`slips.txt`).
    Slips,
    /// Outside causes told as events (`outside.txt`).
    Outside,
    /// Grammatical classes (`grammar.txt`).
    Grammar,
    /// STAR headings (`headings.txt`).
    Headings,
    /// How a clause is built: subjects, negation, tense, acts (`clauses.txt`).
    Clauses,
    /// What the part splitter reads (`parts.txt`).
    Parts,
    /// Units and labels around numbers (`figures.txt`).
    Figures,
    /// Key 3 (`turnaround.txt`).
    Turnaround,
    /// Key 4 (`improvement.txt`).
    Improvement,
    /// Key 5 (`growth.txt`).
    Growth,
    /// Abbreviations, clause openers, names of days (`text.txt`).
    Text,
    /// Words of a typed role that name no field (`role_names.txt`).
    RoleNames,
    /// Whose failure it is (`owner.txt`).
    Owner,
}

impl Source {
    /// Every data file.
    pub const ALL: &'static [Source] = &[
        Source::Cues,
        Source::RedFlags,
        Source::Prose,
        Source::Slips,
        Source::Outside,
        Source::Grammar,
        Source::Headings,
        Source::Clauses,
        Source::Parts,
        Source::Figures,
        Source::Turnaround,
        Source::Improvement,
        Source::Growth,
        Source::Text,
        Source::RoleNames,
        Source::Owner,
    ];

    /// The file's name in `data/`.
    #[cfg(test)]
    pub fn file(self) -> &'static str {
        match self {
            Source::Cues => "cues.txt",
            Source::RedFlags => "redflags.txt",
            Source::Prose => "prose.txt",
            Source::Slips => "slips.txt",
            Source::Outside => "outside.txt",
            Source::Grammar => "grammar.txt",
            Source::Headings => "headings.txt",
            Source::Clauses => "clauses.txt",
            Source::Parts => "parts.txt",
            Source::Figures => "figures.txt",
            Source::Turnaround => "turnaround.txt",
            Source::Improvement => "improvement.txt",
            Source::Growth => "growth.txt",
            Source::Text => "text.txt",
            Source::RoleNames => "role_names.txt",
            Source::Owner => "owner.txt",
        }
    }

    /// The file's text.
    pub fn text(self) -> &'static str {
        match self {
            Source::Cues => include_str!("../../../data/cues.txt"),
            Source::RedFlags => include_str!("../../../data/redflags.txt"),
            Source::Prose => include_str!("../../../data/prose.txt"),
            Source::Slips => include_str!("../../../data/slips.txt"),
            Source::Outside => include_str!("../../../data/outside.txt"),
            Source::Grammar => include_str!("../../../data/grammar.txt"),
            Source::Headings => include_str!("../../../data/headings.txt"),
            Source::Clauses => include_str!("../../../data/clauses.txt"),
            Source::Parts => include_str!("../../../data/parts.txt"),
            Source::Figures => include_str!("../../../data/figures.txt"),
            Source::Turnaround => include_str!("../../../data/turnaround.txt"),
            Source::Improvement => include_str!("../../../data/improvement.txt"),
            Source::Growth => include_str!("../../../data/growth.txt"),
            Source::Text => include_str!("../../../data/text.txt"),
            Source::RoleNames => include_str!("../../../data/role_names.txt"),
            Source::Owner => include_str!("../../../data/owner.txt"),
        }
    }

    /// Whether the file's sections are phrase categories ([`Cat`]) found in every sentence.
    pub fn has_cues(self) -> bool {
        matches!(self, Source::Cues | Source::RedFlags | Source::Prose)
    }
}

/// Parses a sectioned word list: `[name]` lines start a section, `#` lines are comments; every
/// other line is one entry, trimmed.
pub(crate) fn sections(src: &'static str) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut current = "";
    for line in src.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            current = name.trim();
            continue;
        }
        out.push((current, line));
    }
    out
}

/// The kind of phrase found in every sentence: one per `[section]` of the cue, red-flag and prose
/// files (and the headings that give the same cue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cat {
    Failure,
    Context,
    Action,
    GenericAction,
    Who,
    Timing,
    Sequence,
    Immediate,
    /// Limits the damage inside a recovery, too common to place a sentence on its own ("by hand",
    /// "credited", "reset").
    Remedy,
    /// Contacting everyone the failure touched ("rang every", "emailed all").
    Forewarn,
    Apology,
    LongTerm,
    Lesson,
    GenericLesson,
    Change,
    OutsideCause,
    Denial,
    VagueQuantity,
    VagueOutcome,
    Experience,
    PoorJudgment,
    BasicSkills,
    Conflict,
    Ethics,
    Blame,
    /// Points at someone else, but alone may only tell an outside cause.
    BlameWeak,
    Hedge,
    Filler,
    Weasel,
    RiskyDecision,
    Defiance,
    FalsifyAct,
    FalsifyPurpose,
    /// Not knowing how to do something ("I didn't know", "I'd never really used").
    SkillGap,
    /// An everyday tool of office work ("Excel", "a spreadsheet", "version history").
    EverydayTool,
    /// A plan that made a risk a knowing, covered one ("a tested rollback", "a calculated risk").
    Mitigation,
    /// A careful or open act chosen despite a cost ("stop the line", "call the client").
    CautiousAct,
    /// A commitment made to others ("promised", "signed off", "deployed").
    Commitment,
    /// Someone else's instruction ("told me to", "insisted", "I was asked to").
    Instructed,
    /// A call said to be sound at the time ("the sensible choice", "with what we knew").
    Reasonable,
    /// The speaker's own time or rest, skipped without risk to anyone ("lunch", "my break").
    OwnTime,
}

impl Cat {
    /// The category a section of the cue, red-flag, prose or headings file names.
    pub fn from_section(name: &str) -> Option<Cat> {
        Some(match name {
            "failure" => Cat::Failure,
            "context" => Cat::Context,
            "action" => Cat::Action,
            "generic_action" => Cat::GenericAction,
            "who" => Cat::Who,
            "timing" => Cat::Timing,
            "sequence" => Cat::Sequence,
            "immediate" => Cat::Immediate,
            "remedy" => Cat::Remedy,
            "forewarn" => Cat::Forewarn,
            "apology" => Cat::Apology,
            "longterm" => Cat::LongTerm,
            "lesson" => Cat::Lesson,
            "generic_lesson" => Cat::GenericLesson,
            "change" => Cat::Change,
            "outside_cause" => Cat::OutsideCause,
            "denial" => Cat::Denial,
            "vague_quantity" => Cat::VagueQuantity,
            "vague_outcome" => Cat::VagueOutcome,
            "experience" => Cat::Experience,
            "poor_judgment" => Cat::PoorJudgment,
            "basic_skills" => Cat::BasicSkills,
            "interpersonal_conflict" => Cat::Conflict,
            "ethics" => Cat::Ethics,
            "blame_shifting" => Cat::Blame,
            "blame_weak" => Cat::BlameWeak,
            "hedge" => Cat::Hedge,
            "filler" => Cat::Filler,
            "weasel" => Cat::Weasel,
            "risky_decision" => Cat::RiskyDecision,
            "defiance" => Cat::Defiance,
            "falsify_act" => Cat::FalsifyAct,
            "falsify_purpose" => Cat::FalsifyPurpose,
            "skill_gap" => Cat::SkillGap,
            "everyday_tool" => Cat::EverydayTool,
            "mitigation" => Cat::Mitigation,
            "cautious_act" => Cat::CautiousAct,
            "commitment" => Cat::Commitment,
            "instructed" => Cat::Instructed,
            "reasonable" => Cat::Reasonable,
            "own_time" => Cat::OwnTime,
            _ => return None,
        })
    }

    /// A bit for sets of categories.
    pub fn bit(self) -> u64 {
        1 << (self as u64)
    }
}

/// Defines [`List`] and the sections each list is made of, from one table.
macro_rules! word_lists {
    ($(
        $(#[$doc:meta])*
        $name:ident = [$($source:ident $section:literal),+ $(,)?]
    ),* $(,)?) => {
        /// A word list the rules ask about, by name (see the table in `lexicon/lists.rs`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub(crate) enum List {
            $($(#[$doc])* $name,)*
        }

        impl List {
            /// Every list, in table order.
            pub const ALL: &'static [List] = &[$(List::$name),*];

            /// The sections the list is made of: its words are theirs, together.
            pub fn sections(self) -> &'static [(Source, &'static str)] {
                match self {
                    $(List::$name => &[$((Source::$source, $section)),+],)*
                }
            }
        }
    };
}

word_lists! {
    // Reading (`read.rs`, `features/cues.rs`).
    /// The speaker: "I", "me", "my" and their forms.
    FirstPerson = [Grammar "first_person"],
    /// Irregular pasts after "re-" that tell work done again ("re-did", "re-ran").
    RedoPast = [Cues "redo_past"],
    /// Words after "re" that only say something again, no work redone ("re-presented").
    RedoNot = [Cues "redo_not"],

    // Key 4 (`results.rs`).
    /// Times a routine comes round on ("every evening", "each shift").
    RoutineTime = [Cues "routine_time"],

    // Subjects and clauses (`features/subject.rs`).
    /// Words that open a noun phrase: determiners and possessives ("and the pharmacy", "but our").
    OpensNoun = [Grammar "determiner", Grammar "possessive"],

    // The speaker's slips (`features/slips.rs`).
    /// Slip words, general and specific ("mistake", "misread").
    Slip = [Slips "generic", Slips "specific"],
    /// Slip words too general to bind to a core skill on their own ("mistake", "wrong").
    GenericSlip = [Slips "generic"],
    /// Phrases of taking on more than the speaker could do ("said yes to everything").
    Overcommit = [Slips "overcommit"],
    /// A state of mind or a reaction, no step of the work ("know", "panic").
    NotAStep = [Slips "not_a_step"],
    /// Words read through between a negation and the step it denies ("even", "actually").
    StepLead = [Slips "step_lead"],
    /// Verbs of leaving a step out ("skipped", "assumed").
    LeftOut = [Slips "left_out"],
    /// People a role serves or works with ("patient", "client").
    People = [Slips "people"],
    /// Checks and safeguards (a trailing `*` matches any ending).
    CheckStep = [Slips "check_step"],
    /// Verbs of committing to a length of time ("said", "quoted").
    CommitLength = [Slips "commit_length"],
    /// Words that set what follows beside an act: its time, reason or contrast ("during").
    Aside = [Slips "aside"],
    /// A source out of date ("old", "saved").
    StaleSource = [Slips "stale_source"],
    /// Taking something from a source ("from", "copied").
    SourceLead = [Slips "source_lead"],
    /// A reason of convenience ("nearer", "quicker").
    Convenience = [Slips "convenience"],
    /// Verbs after "I only" that tell something known, not a task done in part ("knew").
    NotPartial = [Slips "not_partial"],
    /// A task that lapsed ("slipped", "skipped").
    Lapse = [Slips "lapse"],
    /// A date or a whole piece of work whose slipping is a delay ("launch").
    NotLapse = [Slips "not_lapse"],
    /// A place or slot two things can be put into ("courtroom", "slot").
    Slot = [Slips "slot"],

    // Outside causes (`features/outside.rs`).
    /// Verbs of a thing breaking down ("failed", "crashed").
    Breakdown = [Outside "breakdown"],
    /// Nouns of a breakdown after "had a" ("fault", "outage").
    BreakdownNoun = [Outside "breakdown_noun"],
    /// The speaker's own work, never an outside cause when it breaks ("report", "code").
    OwnWork = [Outside "own_work"],
    /// What a failure costs, counted ("orders", "bookings"): failing, it is damage, not a cause.
    Consequence = [Outside "consequence"],
    /// Someone outside reacting to a failure that already happened ("complained").
    Reaction = [Outside "reaction"],

    // Poor judgment (`redflags/judgment.rs`).
    /// Someone new to the work ("trainee", "apprentice").
    Novice = [RedFlags "novice"],
    /// Words of letting or leaving someone ("let", "left").
    LetVerb = [RedFlags "let_verb"],
    /// Alone ("alone", "own", "himself").
    OnOwn = [RedFlags "on_own"],

    // The question echoed (`features/slips.rs`).
    /// Words of the question echoed before a slip word ("a time I've really failed", "the time when I made a mistake"): read back from the slip, they make it the story to come, not a slip.
    QuestionEcho = [Slips "question_echo"],
    /// Two words by which the speaker owns a slip ("that was on me", "my fault").
    Owning = [Slips "owning"],

    // A step left undone told as a cleft (`features/slips.rs`).
    /// The "was" of a cleft that tells a step left undone ("what I didn't do was check", "the thing I never do is test").
    CleftBe = [Clauses "cleft_be"],
    /// The "do" before it ("what I didn't do was").
    CleftDo = [Clauses "cleft_do"],
    /// The negation before it ("what I didn't do", "the thing I never did").
    CleftNot = [Clauses "cleft_not"],

    // The speaker as a subject (`features/`, `redflags/`).
    /// "I" as the subject of the verb right after it, with "I'd".
    SpeakerI = [Clauses "speaker_i"],

    // Steps the speaker left undone (`features/slips.rs`).
    /// Words that make what follows closely imagined or conditional ("if I hadn't checked", "I could have skipped").
    Imagined = [Clauses "imagined"],
    /// Fillers and adverbs read through between "I" and its negation ("I, uh, didn't", "I just never").
    FillerBeforeVerb = [Clauses "filler_before_verb"],
    /// A step left out when "I" comes just before ("I didn't", "I'd never", "I forgot to").
    OmissionNegation = [Clauses "omission_negation"],
    /// The auxiliary of "I did not", "I had not".
    AuxBeforeNot = [Clauses "aux_before_not"],
    /// How well a step was done ("I didn't handle it well"), not a step left out.
    HowWell = [Clauses "how_well"],
    /// Words that give a reason ("because", "as", "since").
    Because = [Clauses "because"],
    /// "I" or "we" and their forms: the speaker or their team as a subject.
    SpeakerOrWe = [Clauses "speaker_or_we"],
    /// Waiting for something ("until", "till").
    Until = [Clauses "until"],
    /// Someone other than the speaker, as a subject ("until they resent the file").
    SomeoneElse = [Clauses "someone_else"],

    // Outside-cause cues and whose act they are (`features/outside.rs`).
    /// Outside causes too common to excuse a slip on their own ("supplier", "system"); bodies named in passing ("the council leader's surname"): only what they did is a cause.
    WeakOutside = [Outside "weak_outside"],
    /// Outside-cause cues that open with an act ("decided to", "changed the", "quit"): someone
    /// else's act is an outside cause; the speaker's or their own team's ("we decided to") is not.
    OutsideAct = [Outside "outside_act"],
    /// Words that may stand between a subject and its act ("we then decided", "I'd also changed").
    BetweenAct = [Outside "between_act"],
    /// "I" or "we" with "'d" and "'ve": the speaker or their own team as the subject of an act.
    SpeakerOrTeam = [Clauses "speaker_or_team"],
    /// Subject pronouns, which a second verb after "and" shares ("I'd copied the file and changed the date").
    SubjectPronoun = [Clauses "subject_pronoun"],

    // Outside causes told as an event (`features/outside.rs`, `breakdown_cause`).
    /// What a thing "went" when it broke down ("went down", "went offline").
    WentOut = [Outside "went_out"],
    /// The verb before a breakdown noun ("had a processing failure", "suffered an outage").
    HadA = [Outside "had_a"],
    /// Auxiliaries and adverbs between the thing that broke down and the verb ("the portal had just failed").
    BeforeBreakdown = [Outside "before_breakdown"],
    /// Pronouns before the verb: no thing named as breaking down ("it crashed", "everything failed").
    NotAThing = [Outside "not_a_thing"],
    /// Where the noun phrase of the thing that broke down starts ("the venue's projector", "their portal").
    NounPhraseStart = [Outside "noun_phrase_start"],
    /// Words in that noun phrase that make the thing the speaker's or two things ("my laptop", "the printer and I").
    NotTheirs = [Outside "not_theirs"],
    /// Shocks no one on the job brings about ("pandemic", "storm").
    Shock = [Outside "shock"],
    /// Words that make what follows the cause ("because", "due", "when").
    CauseMarker = [Outside "cause_marker"],
    /// Verbs of something happening to the work ("changed", "cancelled").
    EventVerb = [Outside "event_verb"],
    /// Outside words that turn up in passing ("accident", "sick", "visa").
    Incidental = [Outside "incidental"],
    /// Words that end a cause's reach ("we", "and", "which").
    ClauseStop = [Outside "clause_stop"],
    /// Words in "-ed" that are no event ("needed").
    NotEvent = [Outside "not_event"],

    // Whose failure it is (`owner.rs`).
    /// The speaker owns the failure in so many words ("my mistake", "I should have").
    OwnerOwning = [Owner "owning"],
    /// A slip of the speaker's ("accidentally", "forgot", "didn't check").
    OwnerSlip = [Owner "slip"],
    /// A reckless call ("took a shortcut", "ignored the warning").
    OwnerDecision = [Owner "decision"],
    /// Not knowing how ("didn't know how", "wasn't familiar").
    OwnerGap = [Owner "gap"],
    /// A clash with people ("argued with", "lost my temper").
    OwnerClash = [Owner "clash"],
    /// A dishonest act ("lied to", "covered up", "so nobody found out").
    OwnerDishonest = [Owner "dishonest"],
    /// The failure put on someone else ("not my fault", "didn't do his part").
    OwnerBlamed = [Owner "blamed"],
    /// The speaker takes it, or nobody is to blame ("no one was blamed").
    OwnerNotBlamed = [Owner "not_blamed"],
    /// People inside the speaker's organisation ("colleague", "team").
    Insider = [Owner "insider"],
    /// Verbs of making the work that broke ("built", "deployed").
    Making = [Owner "making"],
    /// What the speaker built that can break ("feature", "script").
    BuiltThing = [Owner "built_thing"],
    /// The work breaking ("bug", "crashed", "deleted").
    Broke = [Owner "broke"],
    /// Someone failing to do their part ("forgot", "never").
    FailedPart = [Owner "failed_part"],
    /// The speaker found, reported or resisted it ("spotted", "tempted").
    Found = [Owner "found"],
    /// Time off, not the work ("lunch", "leave").
    OffWork = [Owner "off_work"],
    /// A call with a sound stated reason ("reasonable", "insisted").
    Justified = [Owner "justified"],
    /// Imagined or resisted ("if", "tempted", "almost").
    OwnerImagined = [Owner "imagined"],

    // Key 2 (`numbers.rs`).
    /// What a failure affects or costs ("patients", "orders").
    ImpactNoun = [Figures "impact_noun"],

    // Quotes (`doc.rs`).
    /// Words that open a new clause ("and", "because", "which").
    OpensClause = [Clauses "opens_clause"],

    // Key 3 (`recovery.rs`).
    /// Words before a person's name in a recovery ("with", "rang").
    PersonBefore = [Turnaround "person_before"],
    /// Words after a person's name in a recovery ("helped", "agreed").
    PersonAfter = [Turnaround "person_after"],

    // Hollow results and changes (`results.rs`, `growth.rs`).
    /// A result with no content ("things got better", "we had a meeting about it").
    HollowResult = [Improvement "hollow_result"],
    /// A change with no content ("I try to communicate better").
    HollowChange = [Growth "hollow_change"],

    // Subjects and clauses (`features/subject.rs`).
    /// Words that never name a subject: the closed classes, small adverbs, quantifiers, particles, nouns of time, and a few more ("there", "panic").
    NotSubject = [Grammar "determiner", Grammar "possessive", Grammar "pronoun", Grammar "preposition", Grammar "conjunction", Grammar "be", Grammar "auxiliary", Grammar "modal", Grammar "wh", Grammar "adverb", Grammar "quantifier", Grammar "particle", Grammar "time_noun", Clauses "not_subject"],
    /// Auxiliaries and linking verbs: a noun right before one is the subject of its clause
    /// ("the label was wrong", "half my class had failed", "the printer kept jamming").
    AuxAfterSubject = [Clauses "aux_after_subject"],
    /// Verbs of finding: what follows is what the speaker found, not what they did
    /// ("I noticed the pump was showing errors", "I caught a wrong dose on a colleague's chart").
    Detect = [Clauses "detect"],
    /// Auxiliaries and adverbs read through back to the subject of a phrase ("a vendor had already misled us").
    BeforeThirdParty = [Clauses "before_third_party"],
    /// Someone else as the subject ("he", "they", "someone").
    ThirdPerson = [Clauses "third_person"],
    /// The speaker as the nearest subject ("I", "I'd", "myself").
    SpeakerSubject = [Clauses "speaker_subject"],
    /// Anyone else as the nearest subject, or a word that opens a clause of its own ("when", "because", "that").
    OtherSubject = [Clauses "other_subject"],
    /// Conjunctions that open a new clause when a noun phrase follows ("and the pharmacy", "but our").
    ClauseJoin = [Clauses "clause_join"],
    /// The speaker as subject or owner ("I", "my", "myself").
    SpeakerWord = [Clauses "speaker_word"],

    // The speaker naming their own failure (`features/subject.rs`, `framed_failure`).
    /// Nouns that name the speaker's failure in a framing subject ("the mistake I made", "my worst one").
    FrameNoun = [Clauses "frame_noun"],
    /// The verb after that subject ("the mistake I made was ...").
    FrameBe = [Clauses "frame_be"],
    /// The speaker in that subject ("a mistake I made", "my worst one").
    FrameSpeaker = [Clauses "frame_speaker"],
    /// Someone else in that subject ("a mistake my colleague made").
    FrameOther = [Clauses "frame_other"],

    // Tense and habits (`features/tense.rs`).
    /// Past-tense verbs that do not end in "-ed", and modals of what did not happen.
    NotPresent = [Clauses "not_present"],
    /// Verbs after "I" that tell an intention, not a habit: modals ("I will", "I ought to"), and
    /// verbs that do so with "to" ("I need to", "I plan to").
    IntentVerb = [Clauses "intent_verb"],
    /// The speaker's intention in one word ("I'll").
    SpeakerIntends = [Clauses "speaker_intends"],
    /// Verbs of knowing or seeing after "came to" or "learned to": a realisation, not a practice
    /// ("I've come to see that ...").
    CognitionVerb = [Clauses "cognition_verb"],
    /// Verbs of knowing or seeing after "I", in any tense: a realisation, not a way of working.
    RealiseVerb = [Clauses "cognition_verb", Clauses "realise_verb"],
    /// Words that open what a verb of knowing tells ("I saw how ...", "I knew that ...").
    PropositionOpener = [Grammar "wh", Clauses "proposition_opener"],
    /// Present-tense verbs that end in "-ed" ("I need", "I proceed").
    PresentInEd = [Clauses "present_in_ed"],
    /// Adverbs that may stand between "I" and its verb ("I always check").
    BetweenIAndVerb = [Clauses "between_i_and_verb"],
    /// Verbs whose past is spelt like their present ("put", "set"): present only with a marker of habit.
    SamePast = [Clauses "same_past"],
    /// Words that tell a sentence is about the past ("was", "had", "ago").
    Past = [Clauses "past"],
    /// Marks of a habit that is new since the failure ("now", "these days", "no longer").
    SinceMarker = [Clauses "since_marker"],
    /// The same, and "since that", for a habit told beside the past it turns from.
    SinceMarkerLoose = [Clauses "since_marker", Clauses "since_marker_loose"],

    // Negation (`features/negation.rs`).
    /// Words that deny what follows them closely ("no one was blamed", "I did not hide it"); any word in "n't" does too.
    Negator = [Clauses "negator"],
    /// Where a negation's reach ends: a conjunction or a new modal ("at no charge and refunded her", "anyone who couldn't travel could still bid").
    NegationEnd = [Clauses "negation_end"],

    // Acts and who did them (`features/acts.rs`).
    /// Words that may open a step before its verb ("Then I", "First,", "Personally I", "Within an hour").
    LeadIn = [Clauses "lead_in"],
    /// The speaker's own "I" before the verb of a wizard step ("I paged the DBA").
    StepSpeaker = [Clauses "step_speaker"],
    /// Nouns after "my" that make the speaker the actor ("my first step was to call", "my instinct was").
    StepNoun = [Clauses "step_noun"],
    /// The speaker as the subject of an act, wherever it stands before the verb in its clause.
    ActorSpeaker = [Clauses "actor_speaker"],
    /// The speaker's team as the subject of an act.
    ActorWe = [Clauses "actor_we"],
    /// Someone else as the subject of an act.
    ActorOther = [Clauses "actor_other"],
    /// Subjects only right before the verb ("the team restored it"): as often its object ("I paged the database team").
    ActorNoun = [Clauses "actor_noun"],
    /// Small words that may stand between a subject and its verb ("we then rebuilt", "they had fixed").
    BetweenSubjectAndVerb = [Clauses "between_subject_and_verb"],
    /// Before an action verb, a passive: no actor to credit ("the money was recovered").
    PassiveBefore = [Clauses "passive_before"],
    /// A modal that, with "have" after it, tells what was not done ("I ought to have closed it",
    /// "we should've called").
    UnrealModal = [Grammar "modal", Clauses "unreal_modal"],
    /// A degree word before a participle makes it a state, not an act ("far less organized",
    /// "overly prepared").
    DegreeBeforeVerb = [Clauses "degree_before_verb"],
    /// Words that open a noun phrase, whose noun may carry a relative clause ("the tapes I handed
    /// in", "every feature we had built").
    OpensNounPhrase = [Grammar "determiner", Grammar "possessive", Clauses "opens_noun_phrase"],
    /// Nouns of time: a phrase of them before "I" tells when, not which thing ("that morning I
    /// called").
    TimeNoun = [Grammar "time_noun", Clauses "time_noun_more"],
    /// Words that open a phrase of place or time at the start of a sentence ("After the meeting I
    /// rang", "On the first call we").
    FrontedOpener = [Grammar "preposition", Grammar "conjunction", Clauses "fronted_opener"],
    /// Words that open a clause of its own, whose subject a noun before "I" may be ("As soon as
    /// the hake went I grabbed ...").
    Subordinator = [Clauses "subordinator"],
    /// Words that open a clause set aside from the step beside it: a condition, a contrast, an aim.
    AsideOpener = [Clauses "aside_opener"],
    /// Words that cannot be the verb that opens a wizard step: the closed classes, and verbs of state or feeling rather than action ("felt", "apologised").
    NotAStepVerb = [Grammar "determiner", Grammar "possessive", Grammar "pronoun", Grammar "preposition", Grammar "conjunction", Grammar "be", Grammar "auxiliary", Grammar "modal", Grammar "wh", Clauses "not_a_step_verb"],

    // How strongly a cue places a sentence in a part (`features/cues.rs`).
    /// Long-term cues too common to place a sentence on their own ("cut", "tests", "improved").
    WeakLongTerm = [Parts "weak_long_term"],
    /// Immediate-win cues too common to place a sentence on their own ("rather than", "paid", "in time"), compared as whole phrases.
    WeakImmediate = [Parts "weak_immediate"],
    /// Lesson cues that tell a lesson only once the recovery has been told ("I realised twenty minutes
    /// later" is part of the story; "Looking back, ..." before any recovery is a preamble).
    WeakLesson = [Parts "weak_lesson"],

    // The part splitter (`split.rs`).
    /// Practice words that a step of the recovery may name without telling a lasting change ("the protocol window", "over the next ten days", "the handover"), compared as whole phrases.
    InStep = [Parts "in_step"],
    /// Participles that do not end in "-ed" ("we'd made", "I'd taken").
    Participle = [Parts "participle"],
    /// The speaker or the team opening a sentence in the past perfect ("We'd signed the lease", "I had quoted").
    PastPerfectSubject = [Parts "past_perfect_subject"],
    /// Adverbs read through after it ("we'd already signed").
    PastPerfectAdverb = [Parts "past_perfect_adverb"],
    /// A reason to save time or money told with a decision ("to save sending a second vehicle", "to avoid a delay").
    SaveVerb = [Parts "save_verb"],
    /// Headings that open the recovery once the failure is told ("Action: ..."). Not a cue: the heading word is no action of the speaker's (`split.rs`).
    RecoveryHeading = [Headings "recovery"],
    /// STAR headings of the situation and the task ("Situation:", "Task:").
    SituationHeading = [Headings "situation_heading"],
    /// STAR headings of the result ("Result:", "Outcome:").
    ResultHeading = [Headings "result_heading"],
    /// STAR headings of the lesson ("Learning:", "Takeaway:").
    LearningHeading = [Headings "learning_heading"],
    /// Headings of what went wrong ("Mistake:", "What happened:").
    FailureHeading = [Headings "failure_heading"],
    /// Headings of the lasting change ("Prevention:", "What changed:").
    LastingHeading = [Headings "lasting_heading"],
    /// Words before a failure word in a fix told with its pace that make it what was put right ("owned the error", "fixed my mistake") or the effort it took ("stayed late").
    PutRight = [Parts "put_right"],
    /// Verbs right after a change cue that make it the narrative, not a habit ("Now I had four hours to ...").
    NarrativeAfterChange = [Parts "narrative_after_change"],
    /// Words in a change cue that make it a habit, not a past action ("now", "these days", "I make a point of").
    HabitInChange = [Parts "habit_in_change"],
    /// Words that tie a sentence to the one before it: people of the story, and openers that point
    /// back ("This meant ...", "So ...", "Which ...").
    TiesBack = [Parts "ties_back"],

    // Shared grammatical classes.
    /// Grammatical words, no content: the closed classes, small adverbs and quantifiers (`split.rs`, `growth.rs`).
    FunctionWord = [Grammar "determiner", Grammar "possessive", Grammar "pronoun", Grammar "preposition", Grammar "conjunction", Grammar "be", Grammar "auxiliary", Grammar "modal", Grammar "wh", Grammar "adverb", Grammar "quantifier"],
    /// Words that carry no content in a quote: the function words, particles and nouns of time
    /// ("the same day" proves nothing alone).
    ContentStop = [Grammar "determiner", Grammar "possessive", Grammar "pronoun", Grammar "preposition", Grammar "conjunction", Grammar "be", Grammar "auxiliary", Grammar "modal", Grammar "wh", Grammar "adverb", Grammar "quantifier", Grammar "particle", Grammar "time_noun"],

    // Key 3: who took part (`recovery.rs`).
    /// People named as anyone at all, who took no part ("everyone", "the people"), compared whole.
    AnyoneAtAll = [Turnaround "anyone_at_all"],
    /// Words that open a "who" cue with someone working with the speaker ("with our ...", "alongside", "brought in").
    WorkingWith = [Turnaround "working_with"],
    /// Everyone affected at once, before the people named ("gave every client", "emailed all our customers").
    EveryoneAtOnce = [Turnaround "everyone_at_once"],
    /// Words that, before those, make the people someone joined, not everyone at once ("with every lead").
    JoinedBy = [Turnaround "joined_by"],
    /// Someone else's people ("keep their clients").
    SomeoneElses = [Turnaround "someone_elses"],
    /// Words of a wizard step's "who" field that name nobody else ("nobody", "just me", "n/a", "tbd"): a field of only these is no evidence.
    NotWho = [Turnaround "not_who"],
    /// Words of a wizard step's "when" field that say nothing of how fast ("eventually", "at some point", "not sure").
    NotWhen = [Turnaround "not_when"],
    /// Months, weekdays and holidays: capitalised, yet no person.
    MonthOrDay = [Text "month_or_day"],

    // Key 4: the immediate win and the lasting change (`results.rs`).
    /// After "so (that)" and the people affected, what they could then do ("so the fitters could start", "so they were able to").
    SoCould = [Improvement "so_could"],
    /// Of those, the ones that need "able" after them ("were able to").
    SoWereAble = [Improvement "so_were_able"],
    /// Who, after "so", makes it no help to the people affected ("so I could", "so it can't happen again").
    SoNotOthers = [Improvement "so_not_others"],
    /// Verbs of keeping part of what was at stake ("kept two of their divisions", "held on to 40 of the 52").
    KeptVerb = [Improvement "kept_verb"],
    /// The particle after it ("held on to", "held onto").
    KeptOn = [Improvement "kept_on"],
    /// Verbs that take up a routine with an "-ing" verb after them ("started printing", "began ringing").
    StartVerb = [Improvement "start_verb"],
    /// The word before a time a routine comes round on ("every evening", "each shift"; the times are `[routine_time]` in `cues.txt`).
    EveryTime = [Improvement "every"],
    /// Words of a practice's frequency ("monthly", "every quarter" is `EveryTime`).
    RecurringWord = [Improvement "recurring_word"],

    // Key 5: the lesson and the habit (`growth.rs`).
    /// Small words that carry no content of their own in a lesson: determiners, possessives, the speaker, prepositions, "be", and a few more ("lesson", "valuable", "really").
    LessonStop = [Grammar "determiner", Grammar "possessive", Grammar "first_person", Grammar "preposition", Grammar "be", Growth "stop"],
    /// Abstract words that, alone, make a lesson generic ("the importance of communication").
    Abstract = [Growth "abstract"],
    /// Present-tense verbs that make a sentence a general statement ("a plan is only as good as ...").
    Present = [Growth "present"],
    /// The speaker, "we", and the past tense of "be", "have" and "do": words that make a stretch of a sentence the speaker's story rather than a general statement.
    Narrative = [Grammar "first_person", Growth "narrative"],
    /// Words that end a general statement told before the habit in the same sentence ("A plan is only as good as its weakest assumption, so I now ...").
    BeforeHabit = [Growth "before_habit"],
    /// Words a sentence is cut into clauses before, for finding a lesson told in one of them.
    ClauseCut = [Growth "clause_cut"],
    /// Words that make a lesson the team's ("We learned to ..."): the habit must be the speaker's.
    TeamLesson = [Growth "team_lesson"],
    /// After "so I", words that tell a habit ("so I don't sign until ...", "so I always ...").
    HabitAdverb = [Growth "habit_adverb"],
    /// After "so I've", participles not in "-ed" that tell a habit taken up ("so I've built that into my routine").
    HabitParticiple = [Growth "habit_participle"],

    // Errors named (`redflags/competency.rs`, `prose.rs`).
    /// Nouns that name an error ("a charting error", "mistakes were made").
    ErrorNoun = [Slips "error_noun"],

    // Agentless passives (`prose.rs`).
    /// The auxiliaries of a passive: "be" and "get".
    PassiveAux = [Grammar "be", Prose "passive_aux"],
    /// Nouns that name a slip: with a passive and no agent they hide who made it ("the deadline was missed").
    SlipNoun = [Slips "error_noun", Prose "slip_noun"],
    /// Participles of an agentless passive ("made", "missed", "overlooked").
    PassiveParticiple = [Prose "passive_participle"],
    /// Someone named just before the passive, who owns it ("we were given", "I was sent").
    PassiveAgent = [Prose "passive_agent"],

    // The core-competency rules (`redflags/competency.rs`).
    /// Slip words that, like the error nouns, cannot follow their object the way "wrong" can ("missed", "failed").
    SlipNounLike = [Slips "error_noun", Slips "slip_noun_like"],
    /// Words that end the phrase a generic slip word governs: conjunctions, "be", and a few more ("wrong, and the dose ...", "wrong, then ...").
    PhraseEnd = [Grammar "conjunction", Grammar "be", Slips "phrase_end"],

    // Relative clauses (`redflags/competency.rs`).
    /// Relative pronouns that open a clause describing what the speaker acted on ("a dish that wasn't cooked").
    RelativePronoun = [Clauses "relative_pronoun"],
    /// Forms of "be" after it that tell a state ("that wasn't cooked through", "who was underage").
    RelativeBe = [Clauses "relative_be"],
    /// The verb of "one I made", after which the failure is named ("is one I made translating a contract").
    OneIMade = [Slips "one_i_made"],
    /// Words after "is"/"was" that make what follows a clause, not the failure named ("... is that I hold people to high standards").
    FramedClause = [Slips "framed_clause"],
    /// Words after an error phrase that make it an idiom, not the error ("burned out", "burned bridges").
    ErrorIdiom = [Slips "error_idiom"],
    /// The speaker anywhere before an error phrase with no subject of its own ("I was on my own that night and the wrong dose ...").
    SpeakerBefore = [Clauses "speaker_before"],
    /// A verdict on the work that says nothing of what went wrong ("I messed up a pitch"): a vague failure, not a core skill shown failing.
    VagueVerdict = [Slips "vague_verdict"],
    /// Slips that, about a person, misread the person, not a core task ("I assumed the client was happy").
    MisreadPerson = [Slips "misread_person"],
    /// The verb between "my" and its core task and the slip ("my estimate for the migration was wrong").
    MineWas = [Slips "mine_was"],
    /// A linking verb before a slip word that follows its object: the slip describes, not the speaker's act ("the dose was wrong").
    LinkingBe = [Slips "linking_be"],
    /// "We" as the subject of a core failure told with the team ("we over-ordered", "we hadn't tested").
    WeSubject = [Slips "we_subject"],
    /// Words between "we" and the core error ("we then over-ordered", "we badly underestimated").
    WeAdverb = [Slips "we_adverb"],
    /// A step the team left out when "we" comes just before ("we didn't", "we skipped").
    WeOmission = [Slips "we_omission"],
    /// Words between that step and a core skill that make the skill no object of the step ("we skipped lunch and the survey", "we didn't talk about the audit").
    WeStepGap = [Slips "we_step_gap"],
    /// Marks of the new habit, not the failure: words, and pairs read as a word and the next ("since then", "now").
    HabitMarker = [Slips "habit_marker"],
    /// Pronouns that may stand for a core thing named before ("I jotted it on my hand instead of logging it").
    ObjectPronoun = [Slips "object_pronoun"],
    /// After "because", someone else's reason ("because he preferred ..."): the way was chosen for them, not a shortcut.
    OthersReason = [Slips "others_reason"],
    /// Marks of a routine, not two things put in one slot ("at the same time every week").
    Routine = [Slips "routine"],
    /// Adverbs after "I only" that tell no act done in part ("I only later found", "I only then realised").
    OnlyAdverb = [Slips "only_adverb"],
    /// Two things put in one slot ("listed two hearings into the same court").
    TwoThings = [Slips "two_things"],
    /// The reason before a word of convenience ("because it was nearer", "as it was quicker").
    BecauseAs = [Slips "because_as"],
    /// Auxiliaries and adverbs between a core task and its lapse ("the checks had been skipped", "went completely undone").
    LapseAux = [Slips "lapse_aux"],
    /// The speaker before a core task in its clause ("I was running the payroll", "my estimate").
    SpeakerTask = [Clauses "speaker_task"],
    /// Assuming instead of checking ("I assumed", "I guessed").
    Assumption = [Slips "assumption"],
    /// Prepositions between a step and a core skill that make the skill only describe its object ("the email about the exam hall").
    Modifier = [Slips "modifier"],
    /// Words between a step and a core skill that make the skill no object of the step ("didn't stop and check", "forgot to tell").
    StepBreak = [Slips "step_break"],
    /// The only words that may stand between a core skill put first and the step left undone ("the handover notes I never read").
    FrontedOmission = [Slips "fronted_omission"],
    /// A second act of the speaker's after the check left out: the join ("..., and I gave nine patients their vaccine").
    SecondActJoin = [Slips "second_act_join"],
    /// And its subject.
    SecondActSubject = [Slips "second_act_subject"],
    /// Words that say what went wrong in the work ("the wrong file", "entered it incorrectly").
    Wrong = [Slips "wrong"],
    /// Units of a length of time with the days in each, for comparing an estimate with what the work took ("eight weeks", "it took fourteen").
    DaysIn = [Figures "days_in"],
    /// The speaker's plan, after "my", that commits to a length of time ("my plan allowed two weeks").
    MyPlan = [Slips "my_plan"],
    /// What the work took ("it took fourteen", "ended up taking five months").
    Took = [Slips "took"],

    // Poor judgment and ethics in plain words (`redflags/judgment.rs`).
    /// Safeguards named as the thing gone without, besides the `[mitigation]` words.
    Safeguard = [RedFlags "safeguard"],
    /// Verbs of telling someone that something is so.
    Claim = [RedFlags "claim"],
    /// Verbs that give a claim a clause of its own ("I told the buyer we had another offer").
    ClaimClause = [RedFlags "claim_clause"],
    /// After "when", who the denial is about ("... when we didn't", "... when it wasn't").
    ClaimWho = [RedFlags "claim_who"],
    /// The denial that ends the sentence ("... when we didn't").
    ClaimDenial = [RedFlags "claim_denial"],
    /// Before "rushed", haste put on the speaker by someone else ("I was rushed", "I felt rushed").
    RushedBy = [RedFlags "rushed_by"],
    /// After "rushed", hurrying somewhere, not haste in the work ("rushed back to site", "rushed over").
    RushedSomewhere = [RedFlags "rushed_somewhere"],
    /// After "rushed to", a place ("rushed to the bay", "rushed to site").
    RushedTo = [RedFlags "rushed_to"],
    /// After "wasn't prepared for", a surprise, not a lack of preparation ("for how quickly it spread").
    SurpriseHow = [RedFlags "surprise_how"],
    /// After "didn't follow", no risk named ("I didn't follow up").
    FollowUp = [RedFlags "follow_up"],
    /// After "didn't plan", no risk named ("I didn't plan for a strike").
    PlanFor = [RedFlags "plan_for"],
    /// A hunch that led to a careful act, no risk ("on a hunch I rang the supplier").
    Hunch = [RedFlags "hunch"],
    /// Words before a reckless phrase, back to the start of its clause, that wish it away or imagine it ("I could have cut corners", "if I had rushed", "I was tempted to").
    Hedged = [RedFlags "hedged"],
    /// Words before "anyway" that make it a spoken filler, not defiance ("I made the call to, um, anyway").
    FillerAnyway = [RedFlags "filler_anyway"],
    /// Words that are poor judgment only when the speaker left someone or something so ("I left the stall unattended").
    NeedsLeft = [RedFlags "needs_left"],
    /// Leaving them so ("left", "let").
    LeftSo = [RedFlags "left_so"],
    /// Someone new told by their first days ("on her second day", "his first shift").
    EarlyDay = [RedFlags "early_day"],
    /// The day, shift or week after it.
    DayOnJob = [RedFlags "day_on_job"],
    /// The possessive before "own" in "on her own".
    OwnAfter = [RedFlags "own_after"],

    // Blame shifting (`redflags/blame.rs`).
    /// Words just before a blame phrase that accept the blame ("I took the blame", "owned my part").
    TakingBlame = [RedFlags "taking_blame"],
    /// Words just after a blame phrase that make it no blame ("they blamed me", "a blame culture", "blame-free").
    BlameAfter = [RedFlags "blame_after"],
    /// A verb of taking the blame just before the phrase ("took the blame").
    TookBlame = [RedFlags "took_blame"],
    /// Words that open a self-critical blame phrase ("dropped the ball", "should have caught it").
    SelfCritical = [RedFlags "self_critical"],
    /// Words in it that put the charge on others after all ("should have told me").
    NotSelfCritical = [RedFlags "not_self_critical"],
    /// Blame denied of everyone ("nobody on my team dropped the ball"); "no one" too.
    Nobody = [RedFlags "nobody"],
    /// The nearest subject before a blame phrase, owning it ("I", "we").
    BlameOwner = [RedFlags "blame_owner"],
    /// Or someone else ("they", "the team", "my manager").
    BlameOther = [RedFlags "blame_other"],
    /// Verbs of finding a cause: a blame phrase after them is what the speaker established ("I confirmed it was their fault, not our file").
    Established = [RedFlags "established"],

    // Interpersonal conflict (`redflags/conflict.rs`).
    /// Conflict words that are about people only when a person follows ("argued with my manager",
    /// not "argued for a delay"; "clashed with a colleague", not "clashed with a marathon").
    PersonNeeded = [RedFlags "person_needed"],
    /// Words naming a person a conflict can be with.
    Person = [RedFlags "person"],
    /// Words that tell a disagreement was settled well.
    Resolved = [RedFlags "resolved"],
    /// Someone in charge who stepped in to break up a clash ("our manager had to step in").
    InCharge = [RedFlags "in_charge"],
    /// Who "bluntly" was said to, for it to be a clash ("I told him bluntly").
    BluntlyTo = [RedFlags "bluntly_to"],

    // Collecting the flags (`redflags/mod.rs`).
    /// A thing, not a person, as the subject of an ethics phrase ("a wrong match, which hid the duplicate").
    ThingSubject = [RedFlags "thing_subject"],

    // The key 1 verdict (`redflags/choice.rs`).
    /// After "because", the speaker: a slip given as the reason for the failure ("because I assumed").
    BecauseI = [RedFlags "because_i"],

    // Figures (`figures.rs`).
    /// Units of a duration after a number ("six hours", "40 min").
    DurationUnit = [Figures "duration_unit"],
    /// Words of a percentage after a number ("12 percent").
    PercentWord = [Figures "percent_word"],
    /// Currencies after a number ("2 million dollars", "40 grand").
    MoneyWord = [Figures "money_word"],
    /// Scales after a number ("40k", "2 million").
    ScaleWord = [Figures "scale_word"],
    /// Words before a number that make it a label, not a measure ("version 2", "step 3").
    LabelWord = [Figures "label_word"],
    /// Words after a number that make it a clock time or an ordinal, not a measure ("9 am", "3rd").
    TimeWord = [Figures "time_word"],
    /// Words for large or partial amounts, which make a figure with the number words from two up.
    AmountWord = [Figures "amount_word"],
    /// Fractions that make a share after "a", "one" or "two" ("a third", "two quarters").
    FractionWord = [Figures "fraction_word"],
    /// Words that follow a number but say nothing about what is counted.
    NotNoun = [Figures "not_noun"],
    /// Number words up to ninety with their values ("fourteen = 14").
    NumberValue = [Figures "number_value"],
    /// Letters written against a number that make it a count ("40k", "2m", "10x").
    CountSuffix = [Figures "count_suffix"],
    /// Letters written against a number that make it a clock time ("9am").
    ClockSuffix = [Figures "clock_suffix"],
    /// Words before a fraction that make it a share ("a third", "two quarters").
    BeforeFraction = [Figures "before_fraction"],
    /// Words after "half" that make it a share ("half of", "half the", "half an hour").
    HalfOf = [Figures "half_of"],
    /// Words after a number that make it a count though they name nothing counted ("40 of the 52", "3 to 5").
    CountOf = [Figures "count_of"],

    // Words and sentences (`sentences.rs`, `recovery.rs`).
    /// Abbreviations a full stop does not end a sentence after ("Dr.", "e.g.", "approx."), written without their last dot.
    Abbreviation = [Text "abbreviation"],
    /// Words that often open a new clause in an answer spoken without punctuation: a long unpunctuated run is cut before them.
    ClauseOpener = [Text "clause_opener"],

    // Role names (`roles.rs`).
    /// Seniority and filler words of a typed role that say nothing about its field ("senior", "junior", "lead").
    Seniority = [RoleNames "seniority"],
    /// What a role's core skills name when estimating is one of them (a project manager's "estimate"): its estimates that the work overran are a core failure.
    Estimating = [Slips "estimating"],
}
