//! Property tests: the analyzer never panics, and its offsets and splits are sound, on any text.

use comeback_core::analyzer::{
    analyze_answer, analyze_story, split_answer, story_from_answer, Finding, Span,
};
use comeback_core::{RecoveryStep, Story};
use proptest::prelude::*;

/// Text built from pieces that stress the tokenizer and the splitter.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("I rolled back the release within 15 minutes. ".to_string()),
        Just("we fixed it\n".to_string()),
        Just("- Called the vendor\n".to_string()),
        Just("e.g. 3.5% of $40k ".to_string()),
        Just("I learned a lot! ".to_string()),
        Just("😀👩‍💻 ".to_string()),
        Just("e\u{301}\u{301}\u{302} ".to_string()),
        Just("שלום עולם، مرحبا. ".to_string()),
        Just("\u{0}\u{7}\u{1b}[31m\r\n\t".to_string()),
        Just("\u{2029}\u{200b}\u{feff}".to_string()),
        Just("...!!??".to_string()),
        Just("’”“‘ didn’t ".to_string()),
        ".{0,12}",
        "[a-zA-Z0-9 .,!?'\\n-]{0,30}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![hostile_text(), any::<String>()]
}

fn field_text<'a>(story: &'a Story, span: &Span) -> Option<&'a str> {
    use comeback_core::analyzer::Field;
    Some(match span.field {
        Field::Role => &story.target_role,
        Field::Summary => &story.summary,
        Field::Context => &story.context,
        Field::StepAction(i) => &story.steps.get(i)?.action,
        Field::StepWho(i) => &story.steps.get(i)?.who,
        Field::StepWhen(i) => &story.steps.get(i)?.when,
        Field::ImmediateWin => &story.immediate_win,
        Field::LongTermGain => &story.long_term_gain,
        Field::Lesson => &story.lesson,
        Field::Change => &story.change,
        Field::Unsorted => &story.unsorted,
        Field::Answer => return None,
    })
}

fn check_span(text: &str, f: &Finding) -> Result<(), TestCaseError> {
    if let Some(s) = &f.span {
        prop_assert!(
            s.start <= s.end && s.end <= text.len(),
            "span out of range: {s:?}"
        );
        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        prop_assert_eq!(s.utf16_start, text[..s.start].encode_utf16().count());
        prop_assert_eq!(s.utf16_end, text[..s.end].encode_utf16().count());
        prop_assert_eq!(&text[s.start..s.end], f.quote.as_str());
    }
    Ok(())
}

fn non_ws(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    v.sort_unstable();
    v
}

/// Whether `words` can be read as consecutive runs, each a window of one of the fields.
fn in_runs(words: &[&str], fields: &[Vec<&str>]) -> bool {
    let mut rest = words;
    while !rest.is_empty() {
        let longest = (1..=rest.len())
            .rev()
            .find(|&k| fields.iter().any(|f| f.windows(k).any(|w| w == &rest[..k])));
        match longest {
            Some(k) => rest = &rest[k..],
            None => return false,
        }
    }
    true
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn answers_never_panic_and_spans_are_sound(text in any_text(), role in prop::option::of(any_text())) {
        let r = analyze_answer(&text, role.as_deref());
        prop_assert_eq!(r.keys.len(), 5);
        prop_assert!(r.follow_ups.len() >= 2 && r.follow_ups.len() <= 3);
        for f in r.all_findings() {
            check_span(&text, f)?;
        }
        for seg in &r.segments {
            prop_assert_eq!(&text[seg.start..seg.end], seg.text.as_str());
        }
    }

    #[test]
    fn split_covers_every_non_whitespace_byte_once(text in any_text()) {
        let segs = split_answer(&text);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for seg in &segs {
            prop_assert!(seg.start >= last_end, "segments overlap or go backwards");
            prop_assert!(text.is_char_boundary(seg.start) && text.is_char_boundary(seg.end));
            last_end = seg.end;
            for b in covered.iter_mut().take(seg.end).skip(seg.start) {
                *b = true;
            }
        }
        for (i, c) in text.char_indices() {
            if !c.is_whitespace() {
                prop_assert!(covered[i], "byte {i} ({c:?}) is in no segment");
            }
        }
    }

    #[test]
    fn story_from_answer_loses_nothing(text in any_text()) {
        let story = story_from_answer(&text, Some("Nurse"));
        let mut all = String::new();
        for f in [&story.summary, &story.context, &story.immediate_win, &story.long_term_gain,
                  &story.lesson, &story.change, &story.unsorted] {
            all.push_str(f);
            all.push(' ');
        }
        for s in &story.steps {
            all.push_str(&s.action);
            all.push(' ');
            prop_assert!(text.contains(s.action.as_str()));
        }
        prop_assert_eq!(non_ws(&all), non_ws(&text));
        // Each segment is kept in runs of whole words: a sentence the story moved to the one-line
        // failure leaves the rest of its segment in another field, in order.
        let fields: Vec<Vec<&str>> = [&story.summary, &story.context, &story.immediate_win,
            &story.long_term_gain, &story.lesson, &story.change, &story.unsorted]
            .into_iter()
            .chain(story.steps.iter().map(|s| &s.action))
            .map(|f| f.split_whitespace().collect())
            .collect();
        for seg in split_answer(&text) {
            let words: Vec<&str> = seg.text.split_whitespace().collect();
            prop_assert!(in_runs(&words, &fields) || story.steps.len() > 1,
                "segment {:?} not found in the story", seg.text);
        }
    }

    #[test]
    fn stories_never_panic_and_spans_point_into_fields(
        fields in prop::collection::vec(any_text(), 9),
        dismissed in prop::collection::vec("[a-z-]{0,20}", 0..3),
    ) {
        let story = Story {
            target_role: fields[0].clone(),
            summary: fields[1].clone(),
            context: fields[2].clone(),
            steps: vec![RecoveryStep { action: fields[3].clone(), who: fields[4].clone(), when: fields[5].clone() }],
            immediate_win: fields[6].clone(),
            long_term_gain: fields[7].clone(),
            lesson: fields[8].clone(),
            dismissed,
            ..Story::default()
        };
        let r = analyze_story(&story);
        prop_assert_eq!(r.keys.len(), 5);
        prop_assert!(r.segments.is_empty());
        for f in r.all_findings() {
            if let Some(span) = &f.span {
                let text = field_text(&story, span);
                prop_assert!(text.is_some(), "span points at no field: {span:?}");
                if let Some(text) = text {
                    check_span(text, f)?;
                }
            }
        }
    }
}
