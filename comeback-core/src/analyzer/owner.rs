//! Whose failure it is. Real answers rarely name an outside cause: most tell a failure of the
//! speaker's own ("I hurried through testing", "my projections had been too optimistic", "I had
//! never considered that a visa would be needed"), often while naming things that sound like outside
//! causes ("a bug", "the database", "a competitor"). Key 1 is met only on an outside cause, so the
//! question comes first: did the speaker cause it, did they put it on someone else, or did it
//! happen to them? And when it is the speaker's own, what kind of failure: a task done wrong, a
//! call that went badly, a gap in knowing how, a clash with people, or a dishonest act.
//!
//! Vocabulary: `data/owner.txt`.

use crate::analyzer::doc::{Doc, Sent};
use crate::analyzer::features::negation::is_negator;
use crate::analyzer::features::slips::steps_left_undone;
use crate::analyzer::features::subject::speaker_subject_within;
use crate::analyzer::features::tense::tells_new_habit;
use crate::analyzer::lexicon::{lexicon, Cat, Hit, List};
use crate::analyzer::report::AnswerPart;
use crate::analyzer::text::Token;

/// The kind of phrase found, one per section of `data/owner.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// The speaker owns it in so many words ("my mistake", "I should have").
    Owning,
    /// A slip of the speaker's: a task done wrong or left undone.
    Slip,
    /// A call of the speaker's that led to the failure.
    Decision,
    /// Not knowing how to do part of the job.
    Gap,
    /// A clash with other people.
    Clash,
    /// A dishonest act.
    Dishonest,
    /// Someone else named as the one who failed, or the speaker disowning it.
    Blamed,
    /// The speaker takes it, or says nobody is to blame.
    NotBlamed,
}

/// The phrases of `data/owner.txt` found in `toks`, each with its kind, in order.
fn marks(toks: &[Token]) -> Vec<Hit<Mark>> {
    const LISTS: &[(List, Mark)] = &[
        (List::OwnerOwning, Mark::Owning),
        (List::OwnerSlip, Mark::Slip),
        (List::OwnerDecision, Mark::Decision),
        (List::OwnerGap, Mark::Gap),
        (List::OwnerClash, Mark::Clash),
        (List::OwnerDishonest, Mark::Dishonest),
        (List::OwnerBlamed, Mark::Blamed),
        (List::OwnerNotBlamed, Mark::NotBlamed),
    ];
    let lex = lexicon();
    let mut out: Vec<Hit<Mark>> = LISTS
        .iter()
        .flat_map(|&(list, tag)| {
            lex.find_in(list, toks).into_iter().map(move |h| Hit {
                tag,
                start: h.start,
                end: h.end,
            })
        })
        .collect();
    out.sort_by_key(|h| (h.start, h.end));
    out
}

/// Words of `[insider]`: people inside the speaker's own organisation.
fn insider(w: &str) -> bool {
    lexicon().has(List::Insider, w)
}

/// The kind of a failure the speaker owns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A task of the job done wrong or left undone.
    Task,
    /// A call the speaker made.
    Decision,
    /// Not knowing how.
    Gap,
    /// A clash with people.
    Clash,
    /// A dishonest act.
    Dishonest,
}

/// Where a mark was found: a sentence and tokens `start..end` in it.
#[derive(Clone, Copy)]
pub(crate) struct Place<'d> {
    pub sent: &'d Sent,
    pub start: usize,
    pub end: usize,
}

/// What the text says about whose failure it is.
#[derive(Default)]
pub(crate) struct Ownership<'d> {
    /// The first words where the speaker owns the failure, or a slip of theirs in the story.
    pub own: Option<Place<'d>>,
    /// The speaker owns it in so many words ("my mistake", "I should have"), which outweighs any
    /// outside cause they name; a slip read from the story alone does not.
    pub owned_in_words: bool,
    /// Each kind found in the story, with its first words.
    pub kinds: Vec<(Kind, Place<'d>)>,
    /// Where the speaker puts it on someone else.
    pub blamed: Option<Place<'d>>,
    /// The first sentence of the failure told in the first person: the speaker's own doing when
    /// nothing else caused it (no outside cause, no one blamed).
    pub told_by_speaker: Option<Place<'d>>,
}

impl<'d> Ownership<'d> {
    /// Whether a kind was found.
    pub fn has(&self, k: Kind) -> bool {
        self.kinds.iter().any(|(x, _)| *x == k)
    }

    /// The place of a kind, if found.
    pub fn place(&self, k: Kind) -> Option<Place<'d>> {
        self.kinds.iter().find(|(x, _)| *x == k).map(|(_, p)| *p)
    }

    fn add(&mut self, k: Kind, p: Place<'d>) {
        if !self.has(k) {
            self.kinds.push((k, p));
        }
    }
}

/// Parts where a slip, a call or a clash is the failure itself (or its cause).
const CAUSE_PARTS: &[AnswerPart] = &[AnswerPart::Failure, AnswerPart::Context, AnswerPart::Other];

/// Whether the phrase at `h` has the speaker for its subject: "I" in it, "my" before it, the
/// nearest subject before it in its clause, or "I" right after an opening phrase ("By accident I
/// pushed", "In a rush, I").
fn by_speaker(toks: &[Token], h: &Hit<Mark>) -> bool {
    let me = |t: &Token| matches!(t.norm.as_str(), "i" | "i'd" | "i've" | "i'm" | "myself");
    toks[h.start..h.end].iter().any(me)
        || (h.start > 0 && toks[h.start - 1].norm == "my")
        || speaker_subject_within(toks, h.start, 14) == Some(true)
        || toks[h.end.min(toks.len())..(h.end + 2).min(toks.len())]
            .iter()
            .any(me)
}

/// A breakdown of work the speaker made: "I"/"we" and a verb of making in the story, then a word
/// of the work breaking, in the same sentence or a later one of the story.
fn own_work_broke<'d>(doc: &'d Doc) -> Option<Place<'d>> {
    let mut made = false;
    for s in doc.in_parts(CAUSE_PARTS) {
        let toks = doc.toks(s);
        for (k, t) in toks.iter().enumerate() {
            let w = t.norm.as_str();
            if lexicon().has(List::Making, w)
                && toks[k.saturating_sub(3)..k]
                    .iter()
                    .any(|p| matches!(p.norm.as_str(), "i" | "we" | "i'd" | "we'd"))
                && toks[k + 1..(k + 6).min(toks.len())]
                    .iter()
                    .any(|t| lexicon().has(List::BuiltThing, &t.norm))
            {
                made = true;
            }
            if made && lexicon().has(List::Broke, w) && !negated_word(toks, k) {
                return Some(Place {
                    sent: s,
                    start: k,
                    end: k + 1,
                });
            }
        }
    }
    None
}

fn negated_word(toks: &[Token], k: usize) -> bool {
    toks[k.saturating_sub(2)..k]
        .iter()
        .any(|t| is_negator(&t.norm))
}

/// Whether the phrase at `h` is told as something that did not happen, or only might have ("if I
/// had checked", "I would never").
fn hypothetical(toks: &[Token], h: &Hit<Mark>) -> bool {
    let from = h.start.saturating_sub(4);
    toks[from..h.start].iter().enumerate().any(|(i, t)| {
        lexicon().has(List::OwnerImagined, &t.norm)
            || (t.norm == "used" && toks.get(from + i + 1).is_some_and(|n| n.norm == "to"))
    })
}

/// A call made for a stated, sound reason or on someone's instruction ("I assumed ..., which was
/// reasonable because it had for two years", "I went ahead anyway because the director
/// insisted"): no poor judgment shown.
fn justified(toks: &[Token]) -> bool {
    toks.iter().any(|t| lexicon().has(List::Justified, &t.norm))
        || toks.windows(3).any(|w| {
            matches!(w[0].norm.as_str(), "told" | "asked") && w[1].norm == "me" && w[2].norm == "to"
        })
}

/// Words of time off, not of the work: a step "left undone" among them ("I never took a proper
/// lunch break", "I skipped the team social") is no task of the job.
fn off_work(toks: &[Token]) -> bool {
    toks.iter().any(|t| lexicon().has(List::OffWork, &t.norm))
}

/// Whether a negation stands right before the phrase ("I never lied", "nobody yelled").
fn negated(toks: &[Token], h: &Hit<Mark>) -> bool {
    toks[h.start.saturating_sub(2)..h.start]
        .iter()
        .any(|t| is_negator(&t.norm))
}

/// Whether the subject of the phrase at `h` is someone inside the speaker's organisation (a
/// colleague, "the team", "he", a name), not the speaker and not an outside party.
fn insider_subject(toks: &[Token], h: &Hit<Mark>) -> bool {
    let from = h.start.saturating_sub(8);
    let before = &toks[from..h.start];
    if before
        .iter()
        .any(|t| matches!(t.norm.as_str(), "i" | "i'd" | "we" | "we'd" | "my" | "me"))
    {
        // "my colleague", "my team": still someone else; "I", "we": the speaker.
        return before
            .windows(2)
            .any(|w| w[0].norm == "my" && insider(&w[1].norm))
            || before.iter().any(|t| t.cap && insider_name(t));
    }
    before.iter().any(|t| insider(&t.norm) || insider_name(t))
        || toks[h.start..h.end].iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "he" | "she" | "they" | "his" | "her" | "their" | "him" | "them"
            ) || t.norm.ends_with("'s") && insider(t.norm.trim_end_matches("'s"))
        })
}

/// Whether a dishonest act's words open with its purpose ("so our numbers would look better",
/// "and said nothing to the auditor"): the speaker's when they tell it of themselves.
fn purpose(toks: &[Token], h: &Hit<Mark>) -> bool {
    toks.get(h.start).is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "so" | "to" | "would" | "said" | "made" | "kept"
        )
    })
}

/// A capitalised word that reads as a person's name in mid-sentence ("Dave", "Priya").
fn insider_name(t: &Token) -> bool {
    t.cap && t.norm.len() > 2 && !t.numeric
}

/// What the text says about whose failure it is. Reads the story (the failure, the context and
/// what fits no part) for slips, calls, gaps, clashes and dishonest acts; owning words count
/// anywhere but in the lesson and the change, which often name a habit only to deny it.
///
/// Read once per document: key 1, the possible red flags and the recovery all ask, and on every
/// key press (the document keeps what was read in its memo slot, by sentence index).
pub(crate) fn ownership<'d>(doc: &'d Doc) -> Ownership<'d> {
    let memo = doc
        .memo
        .get_or_init(|| Box::new(Memo::of(doc, &read_ownership(doc))));
    match memo.downcast_ref::<Memo>() {
        Some(m) => m.ownership(doc),
        None => read_ownership(doc),
    }
}

/// A place by sentence index, so that it can be kept in the document it points into.
#[derive(Clone, Copy)]
struct Spot {
    sent: usize,
    start: usize,
    end: usize,
}

/// [`Ownership`] by sentence index.
struct Memo {
    own: Option<Spot>,
    owned_in_words: bool,
    kinds: Vec<(Kind, Spot)>,
    blamed: Option<Spot>,
    told_by_speaker: Option<Spot>,
}

impl Memo {
    fn of(doc: &Doc, o: &Ownership) -> Memo {
        let spot = |p: &Place| {
            doc.sents
                .iter()
                .position(|s| std::ptr::eq(s, p.sent))
                .map(|sent| Spot {
                    sent,
                    start: p.start,
                    end: p.end,
                })
        };
        Memo {
            own: o.own.as_ref().and_then(spot),
            owned_in_words: o.owned_in_words,
            kinds: o
                .kinds
                .iter()
                .filter_map(|(k, p)| spot(p).map(|s| (*k, s)))
                .collect(),
            blamed: o.blamed.as_ref().and_then(spot),
            told_by_speaker: o.told_by_speaker.as_ref().and_then(spot),
        }
    }

    fn ownership<'d>(&self, doc: &'d Doc) -> Ownership<'d> {
        let place = |s: &Spot| {
            doc.sents.get(s.sent).map(|sent| Place {
                sent,
                start: s.start,
                end: s.end,
            })
        };
        Ownership {
            own: self.own.as_ref().and_then(place),
            owned_in_words: self.owned_in_words,
            kinds: self
                .kinds
                .iter()
                .filter_map(|(k, s)| place(s).map(|p| (*k, p)))
                .collect(),
            blamed: self.blamed.as_ref().and_then(place),
            told_by_speaker: self.told_by_speaker.as_ref().and_then(place),
        }
    }
}

fn read_ownership<'d>(doc: &'d Doc) -> Ownership<'d> {
    let mut out = Ownership::default();
    let mut not_blamed = false;
    for s in &doc.sents {
        if matches!(s.part, AnswerPart::Lesson | AnswerPart::Change) {
            continue;
        }
        let toks = doc.toks(s);
        // "Since then I never hand over without reading the chart aloud": a habit that followed
        // the failure, not the failure; nor is time off ("I didn't book my annual leave").
        if tells_new_habit(toks) || off_work(toks) {
            continue;
        }
        let story = CAUSE_PARTS.contains(&s.part);
        // Not collapsed into match guards, as clippy suggests: a failed guard would fall through
        // to the `tag if story` arm below and read an owning or blaming phrase as a slip.
        #[allow(clippy::collapsible_match)]
        for h in marks(toks) {
            let place = Place {
                sent: s,
                start: h.start,
                end: h.end,
            };
            match h.tag {
                Mark::NotBlamed => not_blamed = true,
                Mark::Owning => {
                    if !negated(toks, &h) && !hypothetical_owning(toks, &h) {
                        if !out.owned_in_words {
                            out.own = Some(place);
                        }
                        out.owned_in_words = true;
                    }
                }
                Mark::Blamed => {
                    if story && !negated_blame(toks, &h) && !by_speaker_blame(toks, &h) {
                        out.blamed.get_or_insert(place);
                    }
                }
                // A dishonest act told with its purpose counts wherever it is told: a lie to the
                // manager "so I would not get blamed" is often told as the next thing the speaker
                // did, among the recovery. ("I hid at the back and cried" is no such act.)
                tag if story || (tag == Mark::Dishonest && purpose(toks, &h)) => {
                    let purpose = purpose(toks, &h);
                    let mine = by_speaker(toks, &h)
                        || (tag == Mark::Dishonest && purpose && s.first_person);
                    if tag == Mark::Decision && justified(toks) {
                        continue;
                    }
                    if negated(toks, &h)
                        || (tag != Mark::Dishonest && hypothetical(toks, &h))
                        || !mine
                    {
                        continue;
                    }
                    let kind = match tag {
                        Mark::Slip => Kind::Task,
                        Mark::Decision => Kind::Decision,
                        Mark::Gap => Kind::Gap,
                        Mark::Clash => Kind::Clash,
                        _ => Kind::Dishonest,
                    };
                    out.add(kind, place);
                    out.own.get_or_insert(place);
                }
                _ => {}
            }
        }
    }
    // Someone inside the organisation given as the cause: "because the new assistant forgot to
    // send it", "since Dave never sent the file".
    if out.blamed.is_none() {
        out.blamed = doc.in_parts(CAUSE_PARTS).find_map(|s| {
            blamed_as_cause(doc.toks(s)).map(|(start, end)| Place {
                sent: s,
                start,
                end,
            })
        });
    }
    // A lie told as a report: "I told the client the delivery was on its way when it had not
    // even been packed".
    if !out.has(Kind::Dishonest) {
        for s in doc.in_parts(CAUSE_PARTS) {
            if let Some((start, end)) = told_when_not(doc.toks(s)) {
                let place = Place {
                    sent: s,
                    start,
                    end,
                };
                out.add(Kind::Dishonest, place);
                out.own.get_or_insert(place);
                break;
            }
        }
    }
    // A step of the work left undone: "I didn't switch it back on", "... without testing it".
    for s in doc.in_parts(CAUSE_PARTS) {
        let toks = doc.toks(s);
        if tells_new_habit(toks) || off_work(toks) {
            continue;
        }
        let step = steps_left_undone(toks).into_iter().find(|&v| {
            toks.get(v)
                .is_some_and(|t| !matches!(t.norm.as_str(), "find" | "hear"))
        });
        if let Some(v) = step {
            let place = Place {
                sent: s,
                start: v,
                end: v + 1,
            };
            out.add(Kind::Task, place);
            out.own.get_or_insert(place);
            break;
        }
    }
    if out.own.is_none() {
        if let Some(place) = own_work_broke(doc) {
            out.add(Kind::Task, place);
            out.own = Some(place);
        }
    }
    // The failure told with the speaker as its subject: a failure word whose nearest subject is
    // "I" ("I lost the account", "my first campaign failed"), not someone else's ("a colleague's
    // chart had a wrong dose").
    // The failure told in the first person: a sentence of the failure (or the context) where the
    // speaker is in the story, and no one else is the subject of a failure word ("an agency nurse
    // gave the wrong dose", "a colleague's chart").
    // Only in an answer that tells a failure somewhere: "I argued for a delay, and the board
    // agreed" tells none.
    let failure_told = out.own.is_some()
        || doc
            .sents
            .iter()
            .any(|s| s.has(Cat::Failure) || s.has(Cat::VagueOutcome));
    out.told_by_speaker = doc
        .in_parts(&[AnswerPart::Failure, AnswerPart::Context])
        .filter(|_| failure_told)
        .filter(|s| {
            let toks = doc.toks(s);
            s.first_person
                && !someone_elses_failure(toks, s)
                && !off_work(toks)
                && !tells_new_habit(toks)
                && !justified(toks)
                && !found_or_resisted(toks)
        })
        .min_by_key(|s| usize::from(s.part != AnswerPart::Failure))
        .map(|s| Place {
            sent: s,
            start: 0,
            end: doc.toks(s).len(),
        });
    if not_blamed {
        out.blamed = None;
    }
    // Blame named by the speaker beside owning words is still blame (a flag of its own), but the
    // failure is theirs.
    out
}

/// "I should have" in a lesson-like aside about what others should do ("you should have") is not
/// owning; nor is owning told as a hypothesis ("if it had been my fault").
fn hypothetical_owning(toks: &[Token], h: &Hit<Mark>) -> bool {
    toks[h.start.saturating_sub(3)..h.start]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "if" | "whether" | "unless"))
}

/// "It wasn't their fault", "not because he forgot": blame denied.
fn negated_blame(toks: &[Token], h: &Hit<Mark>) -> bool {
    if toks[h.start.saturating_sub(5)..h.start]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "none" | "nobody" | "no"))
    {
        return true;
    }
    let phrase: Vec<&str> = toks[h.start..h.end]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    // The phrases that deny on their own ("not my fault") are blame, not its denial.
    if phrase.first().is_some_and(|w| is_negator(w)) || phrase.contains(&"wasn't") {
        return false;
    }
    toks[h.start.saturating_sub(3)..h.start]
        .iter()
        .any(|t| is_negator(&t.norm) || t.norm == "wasn't")
}

/// A blame phrase whose subject is the speaker ("I dropped the ball", "I let the team down"):
/// owning it, not blame.
fn by_speaker_blame(toks: &[Token], h: &Hit<Mark>) -> bool {
    let words: Vec<&str> = toks[h.start..h.end]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    // Phrases that name someone else in their own words ("his fault", "because she didn't").
    let names_other = words.iter().any(|w| {
        matches!(
            *w,
            "his" | "her" | "their" | "he" | "she" | "they" | "him" | "them" | "team's"
        )
    }) || words.contains(&"not")
        || words.contains(&"wasn't");
    if names_other {
        return false;
    }
    speaker_subject_within(toks, h.start, 8) == Some(true) || !insider_subject(toks, h)
}

/// "because the new assistant forgot", "since Dave never sent it": a cause word, then someone
/// inside the organisation (`[insider]`, or a name) as the subject of a failing verb. Returns the
/// span from the cause word to the verb.
fn blamed_as_cause(toks: &[Token]) -> Option<(usize, usize)> {
    for (k, t) in toks.iter().enumerate() {
        if !matches!(t.norm.as_str(), "because" | "since" | "as" | "after") {
            continue;
        }
        let reach = &toks[k + 1..(k + 7).min(toks.len())];
        let Some(v) = reach
            .iter()
            .position(|t| lexicon().has(List::FailedPart, &t.norm))
        else {
            continue;
        };
        let subject = &reach[..v];
        let someone = subject
            .iter()
            .any(|t| insider(&t.norm) || (t.cap && t.norm.len() > 2 && !t.numeric));
        let me = subject
            .iter()
            .any(|t| matches!(t.norm.as_str(), "i" | "i'd" | "we" | "we'd"));
        if someone && !me {
            return Some((k, k + 2 + v));
        }
    }
    None
}

/// "I told the client the delivery was on its way when it had not even been packed": the speaker
/// told someone something that the same sentence says was not so.
fn told_when_not(toks: &[Token]) -> Option<(usize, usize)> {
    let told = toks
        .iter()
        .position(|t| matches!(t.norm.as_str(), "told" | "assured" | "promised" | "said"))?;
    if !toks[told.saturating_sub(3)..told]
        .iter()
        .any(|t| matches!(t.norm.as_str(), "i" | "i'd"))
    {
        return None;
    }
    let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
    // What was told is a claim about a state ("the delivery was on its way"): a verb of being
    // between "told" and "when"; "told the sponsor on the Monday when ..." only dates the telling.
    let claim = |k: usize| {
        toks[told + 1..k]
            .iter()
            .any(|t| matches!(t.norm.as_str(), "was" | "is" | "were" | "had" | "would"))
    };
    (told + 2..toks.len()).find_map(|k| {
        // "when it had not", "when the order hadn't": past the subject's one or two words.
        let not = (1..=3).any(|d| {
            matches!(w(k + d), "hadn't" | "wasn't" | "weren't" | "hasn't")
                || (matches!(w(k + d), "had" | "was" | "were") && w(k + d + 1) == "not")
        });
        (w(k) == "when" && not && claim(k) && w(k.wrapping_sub(1)) != "asked")
            .then_some((told, k + 3))
    })
}

/// The sentences that tell a lie or a cover-up of the speaker's ("I told my manager it was a vendor
/// outage"): never a step of the recovery, wherever they were written.
pub(crate) fn dishonest_sentences(doc: &Doc) -> Vec<*const Sent> {
    let own = ownership(doc);
    own.kinds
        .iter()
        .filter(|(k, _)| matches!(k, Kind::Dishonest))
        .map(|(_, p)| p.sent as *const Sent)
        .collect()
}

/// Whether a sentence tells someone else's failure: a failure word whose nearest subject is not
/// the speaker ("an agency nurse gave the wrong dose", "the porter never logged it"), or "a
/// colleague's" / "my colleague" beside it.
fn someone_elses_failure(toks: &[Token], s: &Sent) -> bool {
    s.hits_of(Cat::Failure).any(|h| {
        speaker_subject_within(toks, h.start, 10) == Some(false)
            && !(h.start > 0 && toks[h.start - 1].norm == "my")
    }) || toks.windows(2).any(|w| {
        (w[0].norm.ends_with("'s") && insider(w[0].norm.trim_end_matches("'s")))
            || (w[0].norm == "my"
                && matches!(
                    w[1].norm.as_str(),
                    "colleague" | "manager" | "boss" | "teammate" | "assistant"
                ))
    })
}

/// A sentence where the speaker found or reported what went wrong, or resisted doing it ("I
/// spotted the label at the check", "I reported it to the ward manager", "I was tempted to cut
/// corners ... but"): the failure in it is not theirs.
fn found_or_resisted(toks: &[Token]) -> bool {
    toks.iter().enumerate().any(|(k, t)| {
        lexicon().has(List::Found, &t.norm)
            && (t.norm == "tempted" || speaker_subject_within(toks, k, 6) == Some(true))
    })
}
