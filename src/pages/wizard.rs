//! One wizard step: the key's heading, explanation and examples, its fields, and live feedback.

use comeback_core::guide::{self, FieldGuide, Input, StepGuide};
use comeback_core::story::Field;
use comeback_core::{FailureCategory, Key, RecoveryStep, Story};
use leptos::prelude::*;

use crate::components::feedback::{CoachPeek, KeyFeedback};
use crate::components::missing::MissingStory;
use crate::components::report::AdReading;
use crate::components::steps::{key_states, Current, KeyState, StepIndicator};
use crate::components::text_value::{bind_story_text, fit_height};
use crate::live::{use_live, Live};
use crate::route::Route;
use crate::state::{display_title, use_app};

/// A wizard step for one story.
#[component]
pub fn Wizard(id: String, key: Key) -> impl IntoView {
    let app = use_app();
    let story = app.story_signal(&id);
    let live = use_live(&id, story);
    // Remember the step so that reopening the story lands here.
    let step_index = (key.number() - 1) as u8;
    app.set_last_step(&id, step_index);
    crate::state::remember_route(&Route::Step(id.clone(), key));

    view! {
        <Show when=move || story.with(|s| s.is_some()) fallback=|| view! { <MissingStory/> }>
            <WizardPage id=id.clone() key=key story=story live=live/>
        </Show>
    }
}

#[component]
fn WizardPage(id: String, key: Key, story: Signal<Option<Story>>, live: Live) -> impl IntoView {
    let report = live.report;
    let g: &'static StepGuide = guide::step_guide(key);
    // A memo: the indicator only re-renders when a key's state really changes.
    let states: Signal<[KeyState; 5]> = Memo::new(move |_| {
        let filled = live.filled.get();
        report.with(|r| key_states(filled, r.as_ref()))
    })
    .into();
    let title = move || story.with(|s| s.as_ref().map(display_title).unwrap_or_default());
    let prev = Key::from_number(key.number() - 1).map(|k| Route::Step(id.clone(), k));
    let next = match Key::from_number(key.number() + 1) {
        Some(k) => Route::Step(id.clone(), k),
        None => Route::Review(id.clone()),
    };
    let next_label = if key == Key::Growth {
        "Review your answer"
    } else {
        "Next"
    };
    view! {
        <div class="wizard">
            <p class="story-title muted">{title}</p>
            <StepIndicator id=id.clone() current=Current::Step(key) states=states/>
            <article class="step" aria-labelledby="step-title">
                <header class="step-head">
                    <p class="eyebrow">{format!("Key {} of 5", key.number())}</p>
                    <h1 id="step-title" tabindex="-1">{g.heading}</h1>
                    <p class="explain">{g.explanation}</p>
                </header>
                <details class="examples">
                    <summary>"See a strong and a risky example"</summary>
                    <div class="example strong">
                        <p class="example-label">"Strong"</p>
                        <p>{g.strong_example}</p>
                    </div>
                    <div class="example risky">
                        <p class="example-label">"Risky"</p>
                        <p>{g.risky_example}</p>
                        <p class="why">{g.why_risky}</p>
                    </div>
                </details>
                <CoachPeek key=key live=live/>
                <div class="fields">
                    {if key == Key::Turnaround {
                        view! { <RecoverySteps id=id.clone() story=story/> }.into_any()
                    } else {
                        g.fields.iter().map(|f| view! { <Ask id=id.clone() story=story guide=f/> }).collect_view().into_any()
                    }}
                </div>
                {(key == Key::Choice).then(|| view! { <AdReading report=report/> })}
                <KeyFeedback id=id.clone() key=key story=story live=live/>
            </article>
            <nav class="step-nav" aria-label="Step navigation">
                {prev.map(|p| view! { <a class="button" href=p.href() rel="prev">"Back"</a> })}
                <a class="button primary" href=next.href() rel="next">{next_label}</a>
            </nav>
        </div>
    }
}

/// The element id of the input for one text of the story.
fn dom_id(field: Field) -> String {
    match (field, field.step()) {
        (Field::Title, _) => "story-title".into(),
        (Field::Role, _) => "target-role".into(),
        (f, Some(i)) => format!("step-{}-{}", i + 1, f.saved_name().unwrap_or("part")),
        (f, None) => format!("field-{}", f.saved_name().unwrap_or("answer")),
    }
}

/// One thing a step asks for, as the guide describes it.
#[component]
fn Ask(id: String, story: Signal<Option<Story>>, guide: &'static FieldGuide) -> impl IntoView {
    match guide.input {
        Input::Category => view! { <CategoryChoice id=id story=story guide=guide/> }.into_any(),
        Input::Line(field) | Input::Text(field, _) => {
            view! { <StoryText id=id story=story field=field guide=guide/> }.into_any()
        }
    }
}

/// A labelled input or text box bound to one text of the story (`field` names the step for a
/// part of a recovery step; `guide` is the same for every step).
#[component]
fn StoryText(
    id: String,
    story: Signal<Option<Story>>,
    field: Field,
    guide: &'static FieldGuide,
) -> impl IntoView {
    let app = use_app();
    let dom = dom_id(field);
    // An example in an empty field reads as an example only while the story is empty: in a story
    // with words of its own (above all one made from a pasted answer) it would read as the
    // user's text, so the field says that it is empty instead.
    let written = story.with_untracked(|s| {
        s.as_ref()
            .is_some_and(|s| s.keys_with_text().contains(&true))
    });
    let placeholder = match (written, field) {
        (false, _) => guide.placeholder,
        (true, Field::Title) => "Untitled story",
        (true, _) => "Not written yet",
    };
    // A step's hint is said once, in the step's explanation, not under every step.
    let hint_id = field.step().is_none().then(|| format!("{dom}-hint"));
    let hint = hint_id
        .clone()
        .map(|h| view! { <p class="hint" id=h>{guide.hint}</p> });
    let input = match guide.input {
        Input::Text(_, rows) => {
            let (node, value) = bind_story_text::<leptos::html::Textarea>(story, field);
            view! {
                <textarea id=dom.clone() rows=rows style=format!("--rows: {rows}") aria-describedby=hint_id placeholder=placeholder spellcheck="true"
                    node_ref=node
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        value.typed(&v);
                        app.type_text(&id, field, v);
                        fit_height(&ev);
                    }></textarea>
            }
            .into_any()
        }
        _ => {
            let (node, value) = bind_story_text::<leptos::html::Input>(story, field);
            let role = field == Field::Role;
            view! {
                <input id=dom.clone() type="text" autocomplete="off" aria-describedby=hint_id placeholder=placeholder
                    maxlength=(field == Field::Title).then_some("200")
                    list=role.then_some("role-suggestions")
                    node_ref=node
                    on:input=move |ev| { let v = event_target_value(&ev); value.typed(&v); app.type_text(&id, field, v); }/>
                {role.then(|| view! {
                    <datalist id="role-suggestions">
                        {guide::ROLE_SUGGESTIONS.iter().map(|r| view! { <option value=*r></option> }).collect_view()}
                    </datalist>
                })}
            }
            .into_any()
        }
    };
    view! { <div class="field"><label for=dom>{guide.label}</label>{hint}{input}</div> }
}

/// The failure categories, safe ones first.
#[component]
fn CategoryChoice(
    id: String,
    story: Signal<Option<Story>>,
    guide: &'static FieldGuide,
) -> impl IntoView {
    let app = use_app();
    // A memo: typing in the title or role re-renders none of the radios.
    let current_cat =
        Memo::new(move |_| story.with(|s| s.as_ref().map(|s| s.category).unwrap_or_default()));
    let radio_group = move |risky: bool| {
        let id = id.clone();
        comeback_core::guide::CATEGORIES
            .iter()
            .filter(|c| c.safe != risky && c.category != FailureCategory::Unset)
            .map(|c| {
                let cat: FailureCategory = c.category;
                let id = id.clone();
                let dom = format!("cat-{:?}", cat).to_lowercase();
                let desc_id = format!("{dom}-desc");
                view! {
                    <div class="choice">
                        <input type="radio" name="category" id=dom.clone() aria-describedby=desc_id.clone()
                            prop:checked=move || current_cat.get() == cat
                            on:change=move |_| app.edit(&id, move |s| s.category = cat)/>
                        <label for=dom>{c.label}</label>
                        <p class="hint" id=desc_id>{c.description}</p>
                    </div>
                }
            })
            .collect_view()
    };
    let safe = radio_group.clone()(false);
    let risky = radio_group(true);
    view! {
        <fieldset class="categories">
            <legend>{guide.label}</legend>
            <p class="hint">{guide.hint}</p>
            <div class="cat-group safe">
                <p class="cat-title">"✓ Safer material"</p>
                {safe}
            </div>
            <div class="cat-group risky">
                <p class="cat-title">"⚠ Risky material"</p>
                {risky}
            </div>
        </fieldset>
    }
}

#[component]
fn RecoverySteps(id: String, story: Signal<Option<Story>>) -> impl IntoView {
    let app = use_app();
    // Always show at least one row; typing in it creates the step.
    // A memo: the rows are rebuilt only when the number of steps changes.
    let count =
        Memo::new(move |_| story.with(|s| s.as_ref().map(|s| s.steps.len()).unwrap_or(0).max(1)));
    let id_add = id.clone();
    view! {
        <ol class="recovery-steps">
            {move || { let n = count.get(); (0..n).map(|i| view! { <RecoveryRow id=id.clone() index=i story=story total=n/> }).collect_view() }}
        </ol>
        <button type="button" on:click=move |_| app.edit(&id_add, |s| {
            if s.steps.is_empty() { s.steps.push(RecoveryStep::default()); }
            s.steps.push(RecoveryStep::default());
        })>"+ Add a step"</button>
    }
}

/// One recovery step: the guide's three step parts, for this step.
#[component]
fn RecoveryRow(
    id: String,
    index: usize,
    story: Signal<Option<Story>>,
    total: usize,
) -> impl IntoView {
    let app = use_app();
    let n = index + 1;
    // The step's parts as the guide lists them: the first on its own line, the rest side by side.
    let parts = guide::step_guide(Key::Turnaround).fields;
    let part = move |g: &'static FieldGuide, id: String| {
        g.input
            .field()
            .map(|f| view! { <StoryText id=id story=story field=f.at_step(index) guide=g/> })
    };
    let (first, rest) = parts
        .split_first()
        .map_or((None, &[][..]), |(f, r)| (Some(f), r));
    let (id_up, id_down, id_rm) = (id.clone(), id.clone(), id.clone());
    view! {
        <li class="recovery-step">
            <fieldset>
                <legend>{format!("Step {n}")}</legend>
                {first.map(|g| part(g, id.clone()))}
                <div class="two">
                    {rest.iter().map(|g| part(g, id.clone())).collect_view()}
                </div>
                <div class="row small-actions">
                    <button type="button" class="small" disabled={index == 0}
                        on:click=move |_| app.edit(&id_up, |s| if index > 0 && index < s.steps.len() { s.steps.swap(index, index - 1) })>
                        "Move up"<span class="sr-only">{format!(" step {n}")}</span></button>
                    <button type="button" class="small" disabled={index + 1 >= total}
                        on:click=move |_| app.edit(&id_down, |s| if index + 1 < s.steps.len() { s.steps.swap(index, index + 1) })>
                        "Move down"<span class="sr-only">{format!(" step {n}")}</span></button>
                    <button type="button" class="small danger" disabled={total <= 1}
                        on:click=move |_| app.edit(&id_rm, |s| if index < s.steps.len() { s.steps.remove(index); })>
                        "Remove"<span class="sr-only">{format!(" step {n}")}</span></button>
                </div>
            </fieldset>
        </li>
    }
}
