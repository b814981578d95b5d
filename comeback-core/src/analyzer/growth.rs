//! Key 5: growth. A specific lesson ("I learned a lot" is not one) and how the speaker works
//! differently since.

use super::doc::{key_verdict, missing, Doc, Sent};
use super::lexicon::{lexicon, Cat, List};
use super::report::{AnswerPart, KeyVerdict};
use crate::analyzer::rules::{
    GROWTH_CHANGE, GROWTH_GENERIC_LESSON, GROWTH_LESSON, GROWTH_NO_CHANGE, GROWTH_NO_FAILURE,
    GROWTH_NO_LESSON,
};
use crate::Key;

/// A sentence and the token range of the words that show something.
type Quoted<'d> = Option<(&'d Sent, usize, usize)>;

/// Whether the words after a lesson cue (tokens `from..`) say something specific.
fn specific_after(doc: &Doc, s: &Sent, from: usize) -> bool {
    specific_in(doc, s, from, doc.toks(s).len())
}

/// Whether a word is grammatical rather than content: a closed-class word, a small adverb or
/// quantifier, a contraction ("don't", "it's") or an adverb in "-ly".
fn function_word(w: &str) -> bool {
    lexicon().has(List::FunctionWord, w) || w.contains('\'') || (w.len() > 4 && w.ends_with("ly"))
}

/// Whether tokens `from..to` say something specific: at least three content words, two of them
/// not abstract virtues.
fn specific_in(doc: &Doc, s: &Sent, from: usize, to: usize) -> bool {
    specific_words(doc, s, from, to, false)
}

/// Whether tokens `from..to` hold at least three content words, two of them not abstract virtues;
/// `strict` leaves out grammatical words too ("things don't usually go wrong" says nothing).
fn specific_words(doc: &Doc, s: &Sent, from: usize, to: usize, strict: bool) -> bool {
    let toks = doc.toks(s);
    let lex = lexicon();
    let generic: Vec<_> = s.hits_of(Cat::GenericLesson).collect();
    let content: Vec<&str> = toks
        .iter()
        .enumerate()
        .take(to)
        .skip(from)
        .filter(|(k, _)| !generic.iter().any(|g| g.start <= *k && *k < g.end))
        .map(|(_, t)| t.norm.as_str())
        .filter(|w| !(lex.has(List::LessonStop, w) || strict && function_word(w)))
        .collect();
    content.len() >= 3
        && content
            .iter()
            .filter(|w| !lex.has(List::Abstract, w))
            .count()
            >= 2
}

/// Whether tokens `from..to` are a lesson told as a general statement in the present tense ("a
/// plan is only as good as its weakest assumption"): no "I" or "we", no past tense, something specific.
fn maxim(doc: &Doc, s: &Sent, from: usize, to: usize) -> bool {
    let toks = doc.toks(s);
    let Some(words) = toks.get(from..to) else {
        return false;
    };
    let lex = lexicon();
    words.len() >= 5
        && words.iter().any(|t| lex.has(List::Present, &t.norm))
        && !words.iter().any(|t| lex.has(List::Narrative, &t.norm))
        && specific_words(doc, s, from, to, true)
}

/// The first change cue in a sentence, as a token index.
fn change_at(s: &Sent) -> Option<usize> {
    s.hits_of(Cat::Change).next().map(|h| h.start)
}

/// A lesson told without a lesson cue, next to the changed habit: a general statement before it
/// ("A supplier's silence is a warning sign. Now I ...", "A plan is only as good as its weakest
/// assumption, so I now ..."), or the reason given with it ("..., because a missed delivery was
/// the first sign last time").
fn implicit_lesson<'d>(doc: &'d Doc) -> Quoted<'d> {
    let late = doc
        .sents
        .iter()
        .position(|s| {
            matches!(
                s.part,
                AnswerPart::Recovery | AnswerPart::Immediate | AnswerPart::LongTerm
            )
        })
        .unwrap_or(usize::MAX);
    for (i, s) in doc.sents.iter().enumerate() {
        if s.part != AnswerPart::Change || i <= late {
            continue;
        }
        let toks = doc.toks(s);
        let at = change_at(s).unwrap_or(0);
        // The statement before "so I now", in the same sentence.
        let so = toks[..at]
            .iter()
            .rposition(|t| lexicon().has(List::BeforeHabit, &t.norm))
            .unwrap_or(at);
        if so > 0 && maxim(doc, s, 0, so) {
            return Some((s, 0, so));
        }
        // The reason given with the habit.
        if let Some(b) = toks.iter().position(|t| t.norm == "because") {
            if b > at && specific_after(doc, s, b + 1) {
                return Some((s, b, toks.len()));
            }
        }
        // The sentence just before the habit.
        if let Some(p) = i.checked_sub(1).and_then(|j| doc.sents.get(j)) {
            if i - 1 > late && p.part != AnswerPart::Change && maxim(doc, p, 0, doc.toks(p).len()) {
                return Some((p, 0, doc.toks(p).len()));
            }
        }
    }
    None
}

/// The index of the first sentence of the recovery or its results (`usize::MAX` if none).
fn late_index(doc: &Doc) -> usize {
    doc.sents
        .iter()
        .position(|s| {
            matches!(
                s.part,
                AnswerPart::Recovery | AnswerPart::Immediate | AnswerPart::LongTerm
            )
        })
        .unwrap_or(usize::MAX)
}

/// The clauses of a sentence as token ranges: cut at a colon, semicolon, comma or dash, and before
/// "so", "and", "but", "because".
fn clauses(doc: &Doc, s: &Sent) -> Vec<(usize, usize)> {
    let toks = doc.toks(s);
    let text = doc.field_text(s);
    let mut out = Vec::new();
    let mut from = 0;
    for k in 1..toks.len() {
        let gap = text.get(toks[k - 1].end..toks[k].start).unwrap_or("");
        let cut = gap.contains([':', ';', ',', '\u{2014}', '\u{2013}', '('])
            || lexicon().has(List::ClauseCut, &toks[k].norm);
        if cut {
            out.push((from, k));
            from = k;
        }
    }
    out.push((from, toks.len()));
    out
}

/// Whether a sentence tells a habit of the speaker's: a first-person sentence of the change, or
/// "I" in the present tense with a marker that the habit is new ("now", "these days").
fn holds_habit(doc: &Doc, s: &Sent) -> bool {
    (s.part == AnswerPart::Change && s.first_person)
        || super::features::tense::new_habit(doc, s).is_some()
}

/// A lesson told as a general statement in one clause of a sentence next to the habit ("The
/// bigger shift is in how I think about lead times: a transit time is a guess with a spread, not a
/// fact."), after the recovery, or at the very start of a lesson-first answer ("The short version:
/// a model is only as trustworthy as the pipeline feeding it, and I now ...").
fn maxim_near_habit<'d>(doc: &'d Doc) -> Quoted<'d> {
    let late = late_index(doc);
    let habit: Vec<bool> = doc.sents.iter().map(|s| holds_habit(doc, s)).collect();
    for (i, s) in doc.sents.iter().enumerate() {
        let near = habit[i] || habit.get(i + 1).copied().unwrap_or(false);
        let placed = (i > late
            && (near || matches!(s.part, AnswerPart::Lesson | AnswerPart::Change)))
            || (i <= 1 && near);
        if !placed {
            continue;
        }
        for (a, b) in clauses(doc, s) {
            if maxim(doc, s, a, b) {
                return Some((s, a, b));
            }
        }
    }
    None
}

/// A lesson cue that reads as a story word early in an answer ("I realised"), told together with
/// a new habit in the same sentence ("I realised that challenging a senior colleague in public
/// puts them on the defensive, so now I raise it one to one first").
fn realised_with_habit<'d>(doc: &'d Doc) -> Quoted<'d> {
    doc.sents.iter().find_map(|s| {
        let h = s.hits_of(Cat::Lesson).next()?;
        let toks = doc.toks(s);
        (s.part != AnswerPart::Lesson
            && super::features::tense::new_habit(doc, s).is_some()
            && specific_after(doc, s, h.end))
        .then_some((s, h.start, toks.len()))
    })
}

/// The first specific lesson, with the words; `generic` gets the first generic one.
fn lesson<'d>(doc: &'d Doc) -> (Quoted<'d>, Quoted<'d>) {
    let mut generic = None;
    for s in doc.in_parts(&[AnswerPart::Lesson]) {
        let cue = s.hits_of(Cat::Lesson).next();
        // A sentence of the lesson's part with no lesson word is a lesson only as a statement,
        // not as more of the story ("When I began the programme, I carried a picture of ...").
        if cue.is_none()
            && (super::features::tense::tells_past(doc.toks(s), true)
                || super::features::tense::speaker_past(doc.toks(s)))
        {
            continue;
        }
        let from = match cue {
            Some(h) => h.end,
            None => 0,
        };
        let start = cue.map_or(0, |h| h.start);
        let end = doc.toks(s).len();
        if specific_after(doc, s, from) {
            return (Some((s, start, end)), generic);
        }
        if generic.is_none() {
            generic = Some((s, start, end));
        }
    }
    // A lesson told without a lesson word elsewhere, in a story whose lesson field is empty.
    let field_empty = !doc.sents.iter().any(|s| s.part == AnswerPart::Lesson);
    if field_empty && generic.is_none() {
        if let Some(q) = implicit_lesson(doc)
            .or_else(|| realised_with_habit(doc))
            .or_else(|| maxim_near_habit(doc))
        {
            return (Some(q), None);
        }
    }
    (None, generic)
}

/// The first sentence that tells how the speaker works differently now, in words that prove it
/// ("These days I" alone does not).
fn change<'d>(doc: &'d Doc) -> Option<(&'d Sent, usize, usize)> {
    change_told(doc, &|&(s, a, b)| {
        !doc.hollow(s, List::HollowChange)
            && doc.clause_proves(s, a, b)
            // "In future I need to ... before I start", "I ought to ...": meant, not done, read
            // from the sentence's start (the cue may be a later "I start").
            && !super::features::tense::intends(&doc.toks(s)[..b])
            // "If I had calmed down, I would have ...": what would have been, not a habit.
            && !super::features::tense::counterfactual(doc.toks(s))
            // "I also saw how important it is to ...": a realisation, not a way of working,
            // unless a new habit follows from it ("I realised that ..., so now I ...").
            && (!super::features::tense::realises(&doc.toks(s)[..b])
                || super::features::tense::tells_new_habit(&doc.toks(s)[..b]))
    })
}

/// A place where a changed habit may be told: a sentence and the token range that tells it.
type Told<'d> = (&'d Sent, usize, usize);

/// The first place, in the order below, that tells a habit and passes `proves`: a place whose
/// words do not prove it leaves the next place to show it.
fn change_told<'d>(doc: &'d Doc, proves: &dyn Fn(&Told<'d>) -> bool) -> Option<Told<'d>> {
    // The change field says it; an empty field leaves the other parts to show it.
    if let Some(field) = doc
        .field_says(AnswerPart::Change, 3, |_| true)
        .filter(proves)
    {
        return Some(field);
    }
    for s in doc.in_parts(&[AnswerPart::Change]) {
        if s.first_person {
            let start = s.hits_of(Cat::Change).next().map_or(0, |h| h.start);
            let told = (s, start, doc.toks(s).len());
            if proves(&told) {
                return Some(told);
            }
        }
    }
    // "I learned to prototype the riskiest part before I promise a date" is a lesson and a habit.
    for s in doc.in_parts(&[AnswerPart::Lesson]) {
        let toks = doc.toks(s);
        for h in s.hits_of(Cat::Lesson) {
            let to = toks
                .get(h.end.saturating_sub(1))
                .is_some_and(|t| t.norm == "to")
                || toks.get(h.end).is_some_and(|t| t.norm == "to");
            // "That experience changed how I plan: I keep two weeks of buffer stock."
            let changed = toks[h.start..h.end].iter().any(|t| t.norm == "changed");
            // "We learned to ..." is the team's lesson; the habit must be the speaker's.
            let ours = toks[h.start.saturating_sub(1)..h.end]
                .iter()
                .any(|t| lexicon().has(List::TeamLesson, &t.norm));
            // "I've come to see that ...": a realisation, not a practice.
            let realised = toks
                .get(h.end)
                .is_some_and(|t| lexicon().has(List::CognitionVerb, &t.norm))
                || toks[h.start..h.end]
                    .last()
                    .is_some_and(|t| lexicon().has(List::CognitionVerb, &t.norm));
            let told = (s, h.start, toks.len());
            if (to || changed)
                && !ours
                && !realised
                && specific_after(doc, s, h.end)
                && proves(&told)
            {
                return Some(told);
            }
        }
        if s.has(Cat::Change) && s.first_person {
            if let Some(h) = s.hits_of(Cat::Change).next() {
                let told = (s, h.start, toks.len());
                if !in_lesson_clause(doc, s, h.start) && !purpose(doc, s, h.start) && proves(&told)
                {
                    return Some(told);
                }
            }
        }
        // "My lesson was that X, so I make every handoff visible": the habit that follows from it.
        if let Some(told) = habit_after_so(doc, s, toks)
            .map(|at| (s, at, toks.len()))
            .filter(proves)
        {
            return Some(told);
        }
    }
    // A new habit of the speaker's told outside the parts above: after the recovery, with a lesson
    // cue, or in the opening of a lesson-first answer ("..., and I now put data checks in front of
    // every model I ship").
    let late = late_index(doc);
    doc.sents.iter().enumerate().find_map(|(i, s)| {
        let placed = i > late || i <= 1 || s.has(Cat::Lesson);
        if !placed || s.part == AnswerPart::Failure && i > 1 {
            return None;
        }
        let at = super::features::tense::new_habit(doc, s)?;
        Some((s, at, doc.toks(s).len())).filter(proves)
    })
}

/// Whether token `at` stands in what a lesson cue says was learned ("I learned that I tend to
/// spread myself too thin"): a "that" after the cue, and no clause cut between it and `at`.
fn in_lesson_clause(doc: &Doc, s: &Sent, at: usize) -> bool {
    let toks = doc.toks(s);
    let Some(that) = s
        .hits_of(Cat::Lesson)
        .filter(|h| h.end <= at)
        .find_map(|h| {
            (h.start..=h.end.min(at)).find(|&k| toks.get(k).is_some_and(|t| t.norm == "that"))
        })
    else {
        return false;
    };
    !clauses(doc, s).iter().any(|&(a, _)| that < a && a <= at)
}

/// Whether the words at `at` follow "so" with no comma before it: a purpose ("a routine to stick
/// to so I never miss a deadline"), not what follows from a lesson (", so I now ...").
fn purpose(doc: &Doc, s: &Sent, at: usize) -> bool {
    let toks = doc.toks(s);
    let Some(so) = at.checked_sub(1).filter(|&k| k > 0 && toks[k].norm == "so") else {
        // The cue may take "so" in ("so I"): look one word further on.
        return toks.get(at).is_some_and(|t| t.norm == "so") && purpose(doc, s, at + 1);
    };
    let gap = doc
        .field_text(s)
        .get(toks[so - 1].end..toks[so].start)
        .unwrap_or("");
    !gap.contains([',', ';', ':', '\u{2014}', '\u{2013}'])
}

/// Where a lesson sentence goes on to the habit that follows from it: "so" and then the speaker in
/// the present tense ("..., so I make every handoff visible", "..., so nothing I build counts as
/// done until ...", "..., so I don't sign until ...", "..., so I've built that into my routine"),
/// with nothing told in the past after it.
fn habit_after_so(doc: &Doc, s: &Sent, toks: &[super::text::Token]) -> Option<usize> {
    let so = toks.iter().skip(3).position(|t| t.norm == "so")? + 3;
    if purpose(doc, s, so + 1) {
        return None;
    }
    let rest = &toks[so + 1..];
    if super::features::tense::tells_past(rest, false) {
        return None;
    }
    let lex = lexicon();
    let present = super::features::tense::speaker_present(rest, false).is_some()
        || rest.windows(2).any(|w| {
            (w[0].norm == "i" && lex.has(List::HabitAdverb, &w[1].norm))
                || (w[0].norm == "i've"
                    && (w[1].norm.ends_with("ed") || lex.has(List::HabitParticiple, &w[1].norm)))
        });
    present.then_some(so)
}

/// The verdict on key 5.
pub(crate) fn verdict(doc: &Doc) -> KeyVerdict {
    let key = Key::Growth;
    let mut findings = Vec::new();
    let (specific, generic) = lesson(doc);
    let habit = change(doc);
    if let Some((s, a, b)) = specific {
        findings.push(doc.finding(GROWTH_LESSON, "A specific lesson.", s, a, b));
    }
    if let Some((s, a, b)) = habit {
        findings.push(doc.finding(GROWTH_CHANGE, "How you work differently now.", s, a, b));
    }
    let gentle = doc.draft;
    if specific.is_none() {
        match generic {
            Some((s, a, b)) => findings.push(doc.finding(
                GROWTH_GENERIC_LESSON,
                "This lesson is too general. Say exactly what you learned, in one sentence someone could act on.",
                s,
                a,
                b,
            )),
            None => findings.push(missing(
                GROWTH_NO_LESSON.gentle_if(gentle),
                "Add the lesson: the specific thing this taught you.",
            )),
        }
    }
    if habit.is_none() {
        findings.push(missing(
            GROWTH_NO_CHANGE.gentle_if(gentle),
            "Add how you work differently since: \"Now I ...\".",
        ));
    }
    // A denial or a boast ("I can't think of a time I failed; I'm a perfectionist") tells no
    // failure, so there is nothing for a lesson to come from.
    // The same in the wizard: a denial typed as the one-line failure tells none either.
    let denied = doc
        .in_parts(crate::analyzer::doc::STORY_PARTS)
        .any(|s| s.has(Cat::Denial));
    if denied {
        findings.push(missing(
            GROWTH_NO_FAILURE,
            "Tell a real failure first: a lesson has to come from something that went wrong.",
        ));
        return key_verdict(
            key,
            false,
            "Missing: no failure for the lesson to come from.",
            findings,
        );
    }
    let met = specific.is_some() && habit.is_some();
    let status = match (specific.is_some(), habit.is_some(), generic.is_some()) {
        (true, true, _) => "Met: a specific lesson and a changed habit.",
        (false, _, true) => "Missing: the lesson is too general.",
        (false, true, false) => "Missing: the lesson itself.",
        (true, false, _) => "Missing: how you work differently now.",
        (false, false, false) if gentle => "Add the lesson and how you work differently now.",
        (false, false, false) => "Missing: the lesson and the change in how you work.",
    };
    key_verdict(key, met, status, findings)
}

#[cfg(test)]
mod tests {
    use crate::analyzer::analyze_answer;
    use crate::Key;

    #[test]
    fn i_learned_a_lot_is_generic() {
        let r = analyze_answer(
            "The release failed. I learned a lot. Now I test more.",
            None,
        );
        let k = r.key(Key::Growth);
        assert!(!k.met);
        let f = k
            .findings
            .iter()
            .find(|f| f.rule == "growth-generic-lesson")
            .expect("generic");
        assert_eq!(f.quote, "I learned a lot");
    }

    /// The growth key's change finding, if any.
    fn change_quote(text: &str) -> Option<String> {
        let r = analyze_answer(text, None);
        r.key(Key::Growth)
            .findings
            .iter()
            .find(|f| f.rule == "growth-change")
            .map(|f| f.quote.clone())
    }

    #[test]
    fn what_is_meant_or_seen_is_no_change_in_how_you_work() {
        let story = "I shipped a billing change without reading the spec and three days of invoices were wrong. \
                     I rebuilt the invoices with my manager within a day. \
                     I learned that a spec read in a hurry is a spec not read.";
        for change in [
            "In future I need to spend far more time on the spec before I start.",
            "I ought to ask the product owner for a walkthrough of every spec.",
            "I also saw how important it is to read the spec twice before I write a line.",
        ] {
            let q = change_quote(&format!("{story} {change}"));
            assert_eq!(q, None, "{change}");
        }
        let q = change_quote(&format!(
            "{story} Now I walk through every spec with the product owner before I start."
        ));
        assert!(q.is_some_and(|q| q.contains("walk through")));
    }

    #[test]
    fn a_lesson_about_yourself_is_no_habit() {
        // What was learned about oneself ("that I tend to ...") or come to see is the lesson.
        for lesson in [
            "From this I learned that I tend to spread myself too thin on projects.",
            "With time I've come to see that teaching is not about being perfect in every lesson.",
            "What I learned is to ask for help early, and I need a steadier routine to stick to so I never miss a deadline.",
        ] {
            let text = format!(
                "I said yes to four committees and missed the grant deadline by two days. I told the board chair that evening and we filed an extension. {lesson}"
            );
            assert_eq!(change_quote(&text), None, "{lesson}");
        }
    }

    #[test]
    fn the_habit_is_found_where_it_is_told_when_the_change_part_holds_the_story() {
        // The sentence placed as the change tells the past; the habit is in the lesson's sentence.
        let r = analyze_answer(
            "I missed a festival deadline because I'd noted it as the end of the month when it was the 15th. \
             The day I found out, I told our producer and found two other festivals that afternoon. \
             My takeaway was that I'm careless with deadlines somebody else sets, so I treat those like bugs now: logged, verified, owned.",
            None,
        );
        let k = r.key(Key::Growth);
        let change = k.findings.iter().find(|f| f.rule == "growth-change");
        assert!(
            change.is_some_and(|f| f.quote.contains("treat those like bugs")),
            "{k:?}"
        );
    }

    #[test]
    fn more_of_the_story_after_the_lesson_is_no_lesson() {
        let r = analyze_answer(
            "My counselling sessions were stiff, and that was my failure. It may sound like a cliché, but this is the biggest lesson I've learned. \
             When I began my counselling programme, I carried a picture in my head of how a counsellor ought to look and sound.",
            None,
        );
        let k = r.key(Key::Growth);
        assert!(
            !k.findings.iter().any(|f| f.rule == "growth-lesson"),
            "{k:?}"
        );
    }

    #[test]
    fn specific_lesson_with_habit() {
        let r = analyze_answer(
            "The release failed. I learned to prototype the riskiest part before I promise a date.",
            None,
        );
        assert!(r.key(Key::Growth).met, "{:?}", r.key(Key::Growth));
    }

    #[test]
    fn what_would_have_been_is_no_changed_habit() {
        // A counterfactual in the change field tells what the speaker wishes, not how they work
        // now; "what would have to be true" is a need, and the habit around it is real.
        let story = |change: &str| crate::Story {
            summary: "I snapped at a new hire in front of the team over a late rota.".into(),
            lesson:
                "The lesson was that people need a private word about a slip, not a public one."
                    .into(),
            change: change.into(),
            ..crate::Story::default()
        };
        let wished =
            "If I had waited until after the shift, I would have given my feedback one to one.";
        let r = crate::analyzer::analyze_story(&story(wished));
        assert!(!r.key(Key::Growth).met, "{:?}", r.key(Key::Growth));
        let habit = "Now before any feedback I ask what would have to be true for it to land, and I give it one to one.";
        let r = crate::analyzer::analyze_story(&story(habit));
        assert!(r.key(Key::Growth).met, "{:?}", r.key(Key::Growth));
    }
}
