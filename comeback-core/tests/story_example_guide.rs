//! The worked example and the wizard content: complete, in band, and consistent with the model.

use comeback_core::guide::{self, CATEGORIES, ROLE_SUGGESTIONS};
use comeback_core::story::{length_verdict, word_count, FailureCategory, Field, LengthVerdict};
use comeback_core::{example::worked_example, Key};

#[test]
fn worked_example_fills_every_key_and_fits_the_band() {
    let story = worked_example("example", 1_700_000_000_000.0);
    assert_eq!(story.id, "example");
    assert_eq!(story.filled_keys(), [true; 5]);
    assert!(!story.category.is_risky());
    let answer = story.assemble();
    let words = word_count(&answer);
    assert!((250..=330).contains(&words), "{words} words:\n{answer}");
    assert_eq!(length_verdict(words), LengthVerdict::InBand);
    assert!(answer.contains("I switched checkout to manual address entry behind a feature flag with the on-call product manager within 20 minutes."), "{answer}");
    assert!(!answer.contains("  ") && !answer.contains(".."));
}

#[test]
fn every_key_has_complete_guidance() {
    for key in Key::ALL {
        let g = guide::step_guide(key);
        assert_eq!(g.key, key);
        assert!(g.heading.contains(key.title()), "{}", g.heading);
        for text in [
            g.explanation,
            g.strong_example,
            g.risky_example,
            g.why_risky,
            g.strong_role,
            g.risky_role,
        ] {
            assert!(!text.trim().is_empty());
        }
        let sentences = g.explanation.matches(". ").count() + 1;
        assert!(
            (2..=3).contains(&sentences),
            "{key:?}: {sentences} sentences"
        );
        assert!(!g.fields.is_empty());
        for f in g.fields {
            assert!(!f.label.is_empty() && !f.hint.is_empty(), "{:?}", f.input);
            if let Some(field) = f.input.field() {
                assert_eq!(field.key().unwrap_or(Key::Choice), key, "{field:?}");
            }
        }
    }
}

#[test]
fn the_wizard_asks_for_every_text_of_a_story_once() {
    for field in Field::ALL {
        let asked = guide::step_guides()
            .iter()
            .flat_map(|g| g.fields.iter())
            .filter(|g| g.input.field() == Some(field))
            .count();
        // The unsorted notes come only from a pasted answer, and the edited answer is the
        // assembled one changed by hand: Review shows both.
        let expected = usize::from(!matches!(field, Field::Unsorted | Field::EditedAnswer));
        assert_eq!(asked, expected, "{field:?} is asked for {asked} times");
        assert_eq!(guide::field_guide(field).is_some(), expected == 1);
    }
    assert_eq!(
        guide::field_guide(Field::StepWho(7)).map(|g| g.label),
        Some("Who was involved")
    );
}

#[test]
fn categories_cover_every_choice_and_mark_risk_consistently() {
    assert_eq!(CATEGORIES.len(), FailureCategory::CHOICES.len());
    for c in FailureCategory::CHOICES {
        let g = guide::category_guide(c);
        assert_eq!(g.category, c);
        assert_eq!(g.safe, !c.is_risky(), "{c:?}");
        assert_eq!(FailureCategory::from_id(c.id()), Some(c));
    }
    assert_eq!(
        guide::category_guide(FailureCategory::Unset).category,
        FailureCategory::Unset
    );
}

#[test]
fn role_suggestions_are_many_and_distinct() {
    assert!(ROLE_SUGGESTIONS.len() >= 40);
    let mut sorted: Vec<_> = ROLE_SUGGESTIONS.to_vec();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ROLE_SUGGESTIONS.len());
}
