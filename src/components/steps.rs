//! The step indicator: five keys and Review, each with its state, each a link.

use comeback_core::analyzer::Report;
use comeback_core::Key;
use leptos::prelude::*;

use crate::route::Route;

/// What the indicator shows for one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyState {
    /// Nothing written for this key yet.
    Empty,
    /// Written, but the analyzer says something is missing.
    NeedsWork,
    /// The analyzer finds the key met.
    Met,
}

impl KeyState {
    /// Words for the state: colour is never the only signal.
    pub fn label(self) -> &'static str {
        match self {
            KeyState::Empty => "not started",
            KeyState::NeedsWork => "needs work",
            KeyState::Met => "met",
        }
    }
    /// A symbol for the state.
    pub fn icon(self) -> &'static str {
        match self {
            KeyState::Empty => "○",
            KeyState::NeedsWork => "!",
            KeyState::Met => "✓",
        }
    }
    /// The CSS class.
    pub fn class(self) -> &'static str {
        match self {
            KeyState::Empty => "empty",
            KeyState::NeedsWork => "needs-work",
            KeyState::Met => "met",
        }
    }
}

/// The state of each key from which parts are filled and the report. A key's tab turns ✓ only
/// from its own step (`Report::tab_met`): a figure in the one-line failure meets key 2 in the
/// report, but step 2's tab waits for the context.
pub fn key_states(filled: [bool; 5], report: Option<&Report>) -> [KeyState; 5] {
    let mut out = [KeyState::Empty; 5];
    for (i, k) in Key::ALL.iter().enumerate() {
        let met = report.is_some_and(|r| r.tab_met(*k, filled));
        out[i] = if met {
            KeyState::Met
        } else if filled[i] {
            KeyState::NeedsWork
        } else {
            KeyState::Empty
        };
    }
    out
}

/// Which page of the wizard is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Current {
    /// A step.
    Step(Key),
    /// The review page.
    Review,
}

/// The row of steps at the top of the wizard.
#[component]
pub fn StepIndicator(id: String, current: Current, states: Signal<[KeyState; 5]>) -> impl IntoView {
    let items = Key::ALL
        .iter()
        .map(|k| {
            let k = *k;
            let href = Route::Step(id.clone(), k).href();
            let here = current == Current::Step(k);
            // Each item follows its own key only: meeting key 2 touches item 2 and no other.
            let state = Memo::new(move |_| states.with(|s| s[k.number() - 1]));
            view! {
                <li class=move || format!("step-item {}{}", state.get().class(), if here { " current" } else { "" })>
                    <a href=href aria-current=if here { Some("step") } else { None }
                        aria-label=move || format!("Key {}: {}, {}", k.number(), full_name(k), state.get().label())>
                        <span class="step-num" aria-hidden="true">{k.number()}</span>
                        <span class="step-name" aria-hidden="true">{short_name(k)}</span>
                        <span class="step-state" aria-hidden="true">{move || state.get().icon()}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let review_here = current == Current::Review;
    view! {
        <nav class="stepper" aria-label="Steps of your story">
            <ol>
                {items}
                <li class=if review_here { "step-item review current" } else { "step-item review" }>
                    <a href=Route::Review(id.clone()).href() aria-current=if review_here { Some("step") } else { None }>
                        <span class="step-num" aria-hidden="true">"★"</span>
                        <span class="step-name">"Review"</span>
                    </a>
                </li>
            </ol>
        </nav>
    }
}

/// The name of a key for screen readers and tests.
pub fn full_name(k: Key) -> &'static str {
    match k {
        Key::Choice => "Choice",
        Key::Numbers => "Numbers",
        Key::Turnaround => "Turnaround",
        Key::Improvement => "Improve",
        Key::Growth => "Growth",
    }
}

/// One word per key, for the narrow indicator (soft hyphens let the long ones wrap on the
/// narrowest phones, 320 px wide).
pub fn short_name(k: Key) -> &'static str {
    match k {
        Key::Choice => "Choice",
        Key::Numbers => "Num\u{ad}bers",
        Key::Turnaround => "Turn\u{ad}around",
        Key::Improvement => "Improve",
        Key::Growth => "Growth",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use comeback_core::analyzer::analyze_story;
    use comeback_core::example::worked_example;
    use comeback_core::Story;

    #[test]
    fn a_key_is_met_only_by_the_report_and_started_only_by_text() {
        assert_eq!(key_states([false; 5], None), [KeyState::Empty; 5]);
        let filled = [true, false, true, false, false];
        let states = key_states(filled, None);
        assert_eq!(states[0], KeyState::NeedsWork);
        assert_eq!(states[1], KeyState::Empty);
        let story = worked_example("x", 0.0);
        let report = analyze_story(&story);
        assert_eq!(
            key_states(story.filled_keys(), Some(&report)),
            [KeyState::Met; 5]
        );
        let empty = Story::default();
        assert_eq!(
            key_states(empty.filled_keys(), Some(&analyze_story(&empty))),
            [KeyState::Empty; 5]
        );
    }
}
