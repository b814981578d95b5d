//! One wizard step: the key's heading, explanation and examples, its fields, and live feedback.

use comeback_core::analyzer::{analyze_story, Report};
use comeback_core::guide::{self, FieldGuide, FieldKind, StepGuide};
use comeback_core::{FailureCategory, Key, RecoveryStep, Story};
use leptos::prelude::*;

use crate::components::feedback::{texts_present, KeyFeedback};
use crate::components::steps::{key_states, Current, KeyState, StepIndicator};
use crate::components::text_value::TextValue;
use crate::later::Later;
use crate::route::Route;
use crate::state::{display_title, use_app, AppState};

/// Past this many bytes, analysis waits for a pause in typing so that typing never freezes.
pub const LIVE_LIMIT_BYTES: usize = 20_000;

/// Total size of what the user wrote.
pub fn story_bytes(s: &Story) -> usize {
    s.summary.len()
        + s.context.len()
        + s.steps
            .iter()
            .map(|x| x.action.len() + x.who.len() + x.when.len())
            .sum::<usize>()
        + s.immediate_win.len()
        + s.long_term_gain.len()
        + s.lesson.len()
        + s.change.len()
        + s.target_role.len()
}

/// What the coach shows about a story, kept up to date as the user types.
#[derive(Clone, Copy)]
pub struct Live {
    /// The analyzer's report.
    pub report: Signal<Option<Report>>,
    /// Which keys have any text (as the step indicator counts them).
    pub filled: Signal<[bool; 5]>,
    /// Which keys' fields hold any text (as the coach's preview shows them).
    pub has_text: Signal<[bool; 5]>,
    /// Counts analyses: what must follow every key press (the open preview) tracks it.
    pub revision: Signal<u64>,
}

/// The live report for a story. Analysis runs at most once per frame (just before it is painted),
/// however fast the user types; past [`LIVE_LIMIT_BYTES`] it waits for a pause in typing instead.
/// Key presses reach it through [`AppState::on_typing`] and touch nothing reactive unless the
/// report or the filled keys really change; other changes to the story come through `story`.
pub fn use_live(id: &str, story: Signal<Option<Story>>) -> Live {
    let app = use_app();
    let report = RwSignal::new(None::<Report>);
    let filled = RwSignal::new([false; 5]);
    let has_text = RwSignal::new([false; 5]);
    let revision = RwSignal::new(0u64);
    let frame_pending = StoredValue::new(false);
    let key = StoredValue::new(id.to_string());
    // The frame callback and the timer below run after the page may have been left: they go
    // through `later`, which drops them with the page.
    let later = Later::new();
    let run = move || {
        let (next, f, t) = key.with_value(|id| {
            app.with_story(id, |s| {
                (
                    s.map(analyze_story),
                    s.map(Story::filled_keys).unwrap_or_default(),
                    s.map(texts_present).unwrap_or_default(),
                )
            })
        });
        if report.with_untracked(|r| *r != next) {
            report.set(next);
        }
        if filled.get_untracked() != f {
            filled.set(f);
        }
        if has_text.get_untracked() != t {
            has_text.set(t);
        }
        revision.update(|r| *r += 1);
    };
    let schedule = move || {
        let Some(size) = key.with_value(|id| app.with_story(id, |s| s.map(story_bytes))) else {
            report.set(None);
            return;
        };
        if report.with_untracked(|r| r.is_none()) {
            later.cancel();
            run();
        } else if size <= LIVE_LIMIT_BYTES {
            later.cancel();
            if !frame_pending.get_value() {
                frame_pending.set_value(true);
                later.next_frame(move || {
                    frame_pending.set_value(false);
                    run();
                });
            }
        } else {
            later.after(std::time::Duration::from_millis(400), run);
        }
    };
    Effect::new(move |_| {
        story.track();
        schedule();
    });
    app.on_typing(id, schedule);
    Live {
        report: report.into(),
        filled: filled.into(),
        has_text: has_text.into(),
        revision: revision.into(),
    }
}

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

/// Shown when a link names a story that is not on this device.
#[component]
pub fn MissingStory() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>"This story is not on this device"</h1>
            <p>"It may have been deleted, or it was written in another browser. Stories live only where they were written, unless you export and import them."</p>
            <a class="button primary" href="#/">"Go to your stories"</a>
        </section>
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
                <div class="fields">
                    {match key {
                        Key::Choice => view! { <ChoiceFields id=id.clone() story=story/> }.into_any(),
                        Key::Numbers => text_field(id.clone(), story, g, "context", |s| &s.context, |s| &mut s.context, 6).into_any(),
                        Key::Turnaround => view! { <RecoverySteps id=id.clone() story=story/> }.into_any(),
                        Key::Improvement => view! {
                            {text_field(id.clone(), story, g, "immediate_win", |s| &s.immediate_win, |s| &mut s.immediate_win, 3)}
                            {text_field(id.clone(), story, g, "long_term_gain", |s| &s.long_term_gain, |s| &mut s.long_term_gain, 3)}
                        }.into_any(),
                        Key::Growth => view! {
                            {text_field(id.clone(), story, g, "lesson", |s| &s.lesson, |s| &mut s.lesson, 3)}
                            {text_field(id.clone(), story, g, "change", |s| &s.change, |s| &mut s.change, 3)}
                        }.into_any(),
                    }}
                </div>
                <KeyFeedback id=id.clone() key=key story=story live=live/>
            </article>
            <nav class="step-nav" aria-label="Step navigation">
                {prev.map(|p| view! { <a class="button" href=p.href() rel="prev">"Back"</a> })}
                <a class="button primary" href=next.href() rel="next">{next_label}</a>
            </nav>
        </div>
    }
}

/// The guide's text for a field; a blank one if the guide lacks it.
fn fg(g: &'static StepGuide, name: &str) -> &'static FieldGuide {
    static BLANK: FieldGuide = FieldGuide {
        field: "",
        label: "",
        hint: "",
        placeholder: "",
        kind: FieldKind::Text,
    };
    g.fields.iter().find(|f| f.field == name).unwrap_or(&BLANK)
}

fn field_dom_id(key: Key, i: usize) -> String {
    format!("field-{}-{}", key.number(), i)
}

/// Binds a text field to one text of the story (see [`TextValue`]).
fn bind_story_text<E>(
    story: Signal<Option<Story>>,
    get: fn(&Story) -> &String,
) -> (NodeRef<E>, TextValue)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    let node = NodeRef::new();
    let value = TextValue::bind(
        node,
        move |shown| story.with(|s| s.as_ref().is_none_or(|s| get(s) == shown)),
        move || story.with_untracked(|s| s.as_ref().map(|s| get(s).clone()).unwrap_or_default()),
    );
    (node, value)
}

/// A labelled textarea bound to one text field of the story.
fn text_field(
    id: String,
    story: Signal<Option<Story>>,
    g: &'static StepGuide,
    name: &'static str,
    get: fn(&Story) -> &String,
    set: fn(&mut Story) -> &mut String,
    rows: u32,
) -> impl IntoView {
    let app = use_app();
    let f = g.fields.iter().find(|f| f.field == name);
    let index = g.fields.iter().position(|f| f.field == name).unwrap_or(0);
    let label = f.map(|f| f.label).unwrap_or("Your text");
    let hint = f.map(|f| f.hint).unwrap_or("");
    let placeholder = f.map(|f| f.placeholder).unwrap_or("");
    let dom_id = field_dom_id(g.key, index);
    let hint_id = format!("{dom_id}-hint");
    let (node, value) = bind_story_text::<leptos::html::Textarea>(story, get);
    view! {
        <div class="field">
            <label for=dom_id.clone()>{label}</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <textarea id=dom_id rows=rows aria-describedby=hint_id placeholder=placeholder spellcheck="true"
                node_ref=node
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    value.typed(&v);
                    app.type_text(&id, set, v);
                }></textarea>
        </div>
    }
}

#[component]
fn ChoiceFields(id: String, story: Signal<Option<Story>>) -> impl IntoView {
    let app = use_app();
    let g = guide::step_guide(Key::Choice);
    let (id_t, id_r, id_c) = (id.clone(), id.clone(), id.clone());
    // Memos: typing in the title or role re-renders none of the radios.
    let current_cat =
        Memo::new(move |_| story.with(|s| s.as_ref().map(|s| s.category).unwrap_or_default()));
    let (title_node, title) = bind_story_text::<leptos::html::Input>(story, |s| &s.title);
    let (role_node, role) = bind_story_text::<leptos::html::Input>(story, |s| &s.target_role);
    let radio_group = move |risky: bool| {
        let id_c = id_c.clone();
        guide::CATEGORIES
            .iter()
            .filter(|c| c.safe != risky && c.category != FailureCategory::Unset)
            .map(|c| {
                let cat: FailureCategory = c.category;
                let id_c = id_c.clone();
                let dom = format!("cat-{:?}", cat).to_lowercase();
                let desc_id = format!("{dom}-desc");
                view! {
                    <div class="choice">
                        <input type="radio" name="category" id=dom.clone() aria-describedby=desc_id.clone()
                            prop:checked=move || current_cat.get() == cat
                            on:change=move |_| app.edit(&id_c, move |s| s.category = cat)/>
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
        <div class="field">
            <label for="story-title">{fg(g, "title").label}</label>
            <p class="hint" id="story-title-hint">{fg(g, "title").hint}</p>
            <input id="story-title" type="text" maxlength="200" autocomplete="off" aria-describedby="story-title-hint" placeholder=fg(g, "title").placeholder
                node_ref=title_node
                on:input=move |ev| { let v = event_target_value(&ev); title.typed(&v); app.set_text(&id_t, |s| &mut s.title, v); }/>
        </div>
        <div class="field">
            <label for="target-role">{fg(g, "target_role").label}</label>
            <p class="hint" id="target-role-hint">{fg(g, "target_role").hint}</p>
            <input id="target-role" type="text" list="role-suggestions" autocomplete="off" aria-describedby="target-role-hint" placeholder=fg(g, "target_role").placeholder
                node_ref=role_node
                on:input=move |ev| { let v = event_target_value(&ev); role.typed(&v); app.type_text(&id_r, |s| &mut s.target_role, v); }/>
            <datalist id="role-suggestions">
                {guide::ROLE_SUGGESTIONS.iter().map(|r| view! { <option value=*r></option> }).collect_view()}
            </datalist>
        </div>
        <fieldset class="categories">
            <legend>{fg(g, "category").label}</legend>
            <p class="hint">{fg(g, "category").hint}</p>
            <div class="cat-group safe">
                <p class="cat-title">"✓ Safer material"</p>
                {safe}
            </div>
            <div class="cat-group risky">
                <p class="cat-title">"⚠ Risky material"</p>
                {risky}
            </div>
        </fieldset>
        {text_field(id, story, g, "summary", |s| &s.summary, |s| &mut s.summary, 3)}
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

fn edit_step(
    app: &AppState,
    id: &str,
    i: usize,
    text: fn(&mut RecoveryStep) -> &mut String,
    v: String,
) {
    // A new step changes the list of steps: then every view of the story must follow.
    let grows = app.with_story(id, |s| s.is_some_and(|s| s.steps.len() <= i));
    if grows {
        app.set_text(id, move |s| step_field(s, i, text), v);
    } else {
        app.type_text(id, move |s| step_field(s, i, text), v);
    }
}

/// One text of the `i`th recovery step, adding empty steps up to it.
fn step_field(s: &mut Story, i: usize, text: fn(&mut RecoveryStep) -> &mut String) -> &mut String {
    while s.steps.len() <= i {
        s.steps.push(RecoveryStep::default());
    }
    text(&mut s.steps[i])
}

fn step_text(
    s: &Option<Story>,
    index: usize,
    get: fn(&RecoveryStep) -> &String,
) -> Option<&String> {
    s.as_ref().and_then(|s| s.steps.get(index)).map(get)
}

/// Binds a text field to one text of a recovery step (see [`TextValue`]).
fn bind_step_text<E>(
    story: Signal<Option<Story>>,
    index: usize,
    get: fn(&RecoveryStep) -> &String,
) -> (NodeRef<E>, TextValue)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    let node = NodeRef::new();
    let value = TextValue::bind(
        node,
        move |shown| {
            story.with(|s| step_text(s, index, get).map_or(shown.is_empty(), |t| t == shown))
        },
        move || story.with_untracked(|s| step_text(s, index, get).cloned().unwrap_or_default()),
    );
    (node, value)
}

#[component]
fn RecoveryRow(
    id: String,
    index: usize,
    story: Signal<Option<Story>>,
    total: usize,
) -> impl IntoView {
    let app = use_app();
    let (action_node, action) =
        bind_step_text::<leptos::html::Textarea>(story, index, |s| &s.action);
    let (who_node, who) = bind_step_text::<leptos::html::Input>(story, index, |s| &s.who);
    let (when_node, when) = bind_step_text::<leptos::html::Input>(story, index, |s| &s.when);
    let g = guide::step_guide(Key::Turnaround);
    let n = index + 1;
    let base = format!("step-{n}");
    let (id1, id2, id3, id_up, id_down, id_rm) = (
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
        id.clone(),
    );
    view! {
        <li class="recovery-step">
            <fieldset>
                <legend>{format!("Step {n}")}</legend>
                <div class="field">
                    <label for=format!("{base}-action")>{fg(g, "steps.action").label}</label>
                    <textarea id=format!("{base}-action") rows="2" placeholder=fg(g, "steps.action").placeholder
                        node_ref=action_node
                        on:input=move |ev| { let v = event_target_value(&ev); action.typed(&v); edit_step(&app, &id1, index, |s| &mut s.action, v); }></textarea>
                </div>
                <div class="two">
                    <div class="field">
                        <label for=format!("{base}-who")>{fg(g, "steps.who").label}</label>
                        <input id=format!("{base}-who") type="text" placeholder=fg(g, "steps.who").placeholder
                            node_ref=who_node
                            on:input=move |ev| { let v = event_target_value(&ev); who.typed(&v); edit_step(&app, &id2, index, |s| &mut s.who, v); }/>
                    </div>
                    <div class="field">
                        <label for=format!("{base}-when")>{fg(g, "steps.when").label}</label>
                        <input id=format!("{base}-when") type="text" placeholder=fg(g, "steps.when").placeholder
                            node_ref=when_node
                            on:input=move |ev| { let v = event_target_value(&ev); when.typed(&v); edit_step(&app, &id3, index, |s| &mut s.when, v); }/>
                    </div>
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
