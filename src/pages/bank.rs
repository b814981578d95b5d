//! The story bank: the list of stories with rename, duplicate, delete (with undo), export and import.

use comeback_core::story::{
    apply_merge, parse_import, plan_merge, Bank, MergePlan, Resolution, MAX_IMPORT_BYTES,
};
use comeback_core::{Key, Story};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::files;
use crate::route::Route;
use crate::state::{display_title, new_id, use_app, AppState, Tone};

/// Downloads every story as one JSON file.
pub fn export_all(app: &AppState) {
    app.flush();
    let bank = Bank::with_stories(app.stories.get_untracked());
    files::download(
        &format!("comeback-stories-{}.json", date_stamp()),
        "application/json",
        &bank.to_json(),
    );
}

/// Downloads one story as a JSON file that can be imported again.
pub fn export_one(story: &Story) {
    let bank = Bank::with_stories(vec![story.clone()]);
    files::download(
        &format!("{}.json", files::file_stem(&display_title(story))),
        "application/json",
        &bank.to_json(),
    );
}

fn date_stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// "3 Nov 2026, 14:05" in the user's own locale.
pub fn when(ms: f64) -> String {
    if ms <= 0.0 {
        return "never".into();
    }
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    String::from(d.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}

/// How many of the five parts have any text.
pub fn filled(story: &Story) -> usize {
    story.filled_keys().iter().filter(|f| **f).count()
}

/// The list of stories.
#[component]
pub fn StoryBank() -> impl IntoView {
    let app = use_app();
    let renaming = RwSignal::new(None::<String>);
    view! {
        <section class="bank" aria-labelledby="bank-title">
            <div class="section-head">
                <h2 id="bank-title">"Your stories"</h2>
                <span class="muted">{move || {
                    let n = app.stories.with(|v| v.len());
                    if n == 1 { "1 story".to_string() } else { format!("{n} stories") }
                }}</span>
            </div>
            <ul class="story-list">
                <For each=move || app.stories.get() key=|s| (s.id.clone(), s.updated_ms.to_bits(), s.title.clone()) let:story>
                    <StoryCard story=story renaming=renaming/>
                </For>
            </ul>
            <ImportExport/>
        </section>
    }
}

#[component]
fn StoryCard(story: Story, renaming: RwSignal<Option<String>>) -> impl IntoView {
    let app = use_app();
    let id = story.id.clone();
    let title = display_title(&story);
    let role = if story.target_role.trim().is_empty() {
        "No role yet".to_string()
    } else {
        story.target_role.clone()
    };
    let keys = filled(&story);
    let open_href = Route::Step(id.clone(), Key::ALL[usize::from(story.last_step.min(4))]).href();
    let review_href = Route::Review(id.clone()).href();
    let practice_href = Route::Practice(id.clone()).href();
    let edited = when(story.updated_ms);
    let (id_r, id_d, id_x, id_e) = (id.clone(), id.clone(), id.clone(), id.clone());
    let is_renaming = move || renaming.get().as_deref() == Some(id_r.as_str());
    let heading_id = format!(
        "story-{}",
        id.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let story_for_export = story.clone();
    let t = title.clone();
    let sr = move || format!(" {t}");
    view! {
        <li class="story-card" aria-labelledby=heading_id.clone()>
            <Show when=is_renaming.clone() fallback={
                let title = title.clone();
                let heading_id = heading_id.clone();
                let open_href = open_href.clone();
                move || view! { <h3 id=heading_id.clone()><a href=open_href.clone()>{title.clone()}</a></h3> }
            }>
                <RenameForm id=id_e.clone() current=title.clone() renaming=renaming/>
            </Show>
            <p class="meta">
                <span>{role.clone()}</span>
                <span>{format!("{keys} of 5 keys filled")}</span>
                <span>"Edited " {edited.clone()}</span>
            </p>
            <div class="row actions">
                <a class="button primary" href=open_href.clone()>"Open"<span class="sr-only">{sr()}</span></a>
                <a class="button" href=review_href>"Review"<span class="sr-only">{sr()}</span></a>
                <a class="button" href=practice_href>"Practise"<span class="sr-only">{sr()}</span></a>
                <button type="button" on:click=move |_| renaming.set(Some(id_x.clone()))>"Rename"<span class="sr-only">{sr()}</span></button>
                <button type="button" on:click=move |_| { app.duplicate(&id_d); }>"Duplicate"<span class="sr-only">{sr()}</span></button>
                <button type="button" on:click=move |_| export_one(&story_for_export)>"Export"<span class="sr-only">{sr()}</span></button>
                <button type="button" class="danger" on:click=move |_| app.delete(&id)>"Delete"<span class="sr-only">{sr()}</span></button>
            </div>
        </li>
    }
}

#[component]
fn RenameForm(id: String, current: String, renaming: RwSignal<Option<String>>) -> impl IntoView {
    let app = use_app();
    let value = RwSignal::new(current);
    let input_id = format!(
        "rename-{}",
        id.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let input_ref = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input_ref.get() {
            let _ = el.focus();
            el.select();
        }
    });
    let id2 = id.clone();
    let save = move || {
        let v = value.get_untracked();
        let v = v.trim().to_string();
        if !v.is_empty() {
            app.edit(&id2, |s| s.title = v);
        }
        renaming.set(None);
    };
    view! {
        <form class="rename" on:submit=move |ev| { ev.prevent_default(); save(); }>
            <label for=input_id.clone()>"New title"</label>
            <input id=input_id type="text" maxlength="200" node_ref=input_ref prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:keydown=move |ev| if ev.key() == "Escape" { renaming.set(None); } />
            <div class="row">
                <button type="submit" class="primary">"Save title"</button>
                <button type="button" on:click=move |_| renaming.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}

/// A pending import that needs the user's decision on conflicts.
#[derive(Clone)]
struct PendingImport {
    plan: MergePlan,
    choices: Vec<RwSignal<Choice>>,
}

/// The user's answer to one import conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Choice {
    KeepBoth,
    KeepMine,
    TakeTheirs,
}

impl Choice {
    fn resolution(self) -> Resolution {
        match self {
            Choice::KeepBoth => Resolution::KeepBoth(new_id()),
            Choice::KeepMine => Resolution::KeepMine,
            Choice::TakeTheirs => Resolution::TakeTheirs,
        }
    }
}

#[component]
fn ImportExport() -> impl IntoView {
    let app = use_app();
    let pending = RwSignal::new(None::<PendingImport>);
    let message = RwSignal::new(None::<(bool, String)>);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        message.set(None);
        files::read_file(file, MAX_IMPORT_BYTES, move |bytes| {
            // The file is read asynchronously: if the page was left meanwhile, its signals are
            // gone, and the import is not made (nothing changes).
            if message.try_get_untracked().is_none() {
                return;
            }
            let bytes = match bytes {
                Ok(b) => b,
                Err(e) => {
                    message.set(Some((false, e)));
                    return;
                }
            };
            match parse_import(&bytes) {
                Err(e) => message.set(Some((
                    false,
                    format!("{} Nothing was changed.", e.message()),
                ))),
                Ok(data) => {
                    app.flush();
                    let plan = plan_merge(&app.stories.get_untracked(), &data.bank.stories);
                    if plan.conflicts.is_empty() {
                        finish_import(&app, plan, Vec::new(), message);
                    } else {
                        let choices = plan
                            .conflicts
                            .iter()
                            .map(|_| RwSignal::new(Choice::KeepBoth))
                            .collect();
                        pending.set(Some(PendingImport { plan, choices }));
                    }
                }
            }
        });
    };

    view! {
        <section class="import-export" aria-labelledby="ie-title">
            <h2 id="ie-title">"Back up and move your stories"</h2>
            <p class="muted">"Your stories live only in this browser. Export them to a file to keep a copy or move them to another device, then import that file there."</p>
            <div class="row">
                <button type="button" on:click=move |_| export_all(&app)>"Export all stories"</button>
                <label class="button file-button">
                    "Import from a file"
                    <input type="file" accept=".json,application/json" class="sr-only" node_ref=input_ref on:change=on_file/>
                </label>
            </div>
            <div aria-live="polite">
                {move || message.get().map(|(ok, text)| view! {
                    <p class=if ok { "result ok" } else { "result problem" } role=if ok { "status" } else { "alert" }>{text}</p>
                })}
            </div>
            {move || pending.get().map(|p| view! { <ConflictChoices pending=p message=message done=move || pending.set(None)/> })}
        </section>
    }
}

#[component]
fn ConflictChoices(
    pending: PendingImport,
    message: RwSignal<Option<(bool, String)>>,
    done: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let app = use_app();
    let rows = pending
        .plan
        .conflicts
        .iter()
        .zip(pending.choices.iter().copied())
        .enumerate()
        .map(|(i, (c, choice))| {
            let title = display_title(&c.theirs);
            let name = format!("conflict-{i}");
            let radio = move |value: Choice, label: &'static str| {
                let name = name.clone();
                view! {
                    <label class="choice">
                        <input type="radio" name=name prop:checked=move || choice.get() == value on:change=move |_| choice.set(value)/>
                        {label}
                    </label>
                }
            };
            view! {
                <fieldset class="conflict-row">
                    <legend>{format!("\u{201c}{title}\u{201d} is already here with different text")}</legend>
                    {radio(Choice::KeepBoth, "Keep both (the imported one as a copy)")}
                    {radio(Choice::KeepMine, "Keep mine")}
                    {radio(Choice::TakeTheirs, "Replace mine with the imported one")}
                </fieldset>
            }
        })
        .collect_view();
    let plan = pending.plan.clone();
    let choices = pending.choices.clone();
    let done2 = done.clone();
    view! {
        <div class="panel" role="group" aria-labelledby="conflicts-title">
            <h3 id="conflicts-title">"Some imported stories clash with yours"</h3>
            {rows}
            <div class="row">
                <button type="button" class="primary" on:click=move |_| {
                    let picks = choices.iter().map(|c| c.get_untracked().resolution()).collect();
                    finish_import(&app, plan.clone(), picks, message);
                    done();
                }>"Import with these choices"</button>
                <button type="button" on:click=move |_| {
                    message.set(Some((true, "Import cancelled. Nothing was changed.".into())));
                    done2();
                }>"Cancel"</button>
            </div>
        </div>
    }
}

fn finish_import(
    app: &AppState,
    plan: MergePlan,
    picks: Vec<Resolution>,
    message: RwSignal<Option<(bool, String)>>,
) {
    let existing = app.stories.get_untracked();
    let added = plan.new.len();
    let same = plan.identical.len();
    match apply_merge(&existing, &plan, &picks) {
        Ok(merged) => {
            let before: std::collections::HashMap<String, Story> =
                existing.into_iter().map(|s| (s.id.clone(), s)).collect();
            let changed: Vec<String> = merged
                .iter()
                .filter(|s| before.get(&s.id) != Some(*s))
                .map(|s| s.id.clone())
                .collect();
            app.stories.set(merged);
            for id in &changed {
                app.mark_dirty(id);
            }
            app.flush();
            let mut text = format!("Imported: {added} new");
            if same > 0 {
                text.push_str(&format!(", {same} already here"));
            }
            if !picks.is_empty() {
                text.push_str(&format!(", {} clash(es) settled as you chose", picks.len()));
            }
            text.push('.');
            message.set(Some((true, text)));
        }
        Err(e) => {
            app.notify(Tone::Warning, format!("{e}"), None);
            message.set(Some((
                false,
                "The import could not be applied. Nothing was changed.".into(),
            )));
        }
    }
}
