//! The Review page: the answer as one text to read aloud, its length, and the coach's full report.

use comeback_core::analyzer::Report;
use comeback_core::story::word_count;
use comeback_core::story::Field;
use comeback_core::Story;
use leptos::prelude::*;

use crate::components::missing::MissingStory;
use crate::components::report::{FullReport, LengthMeter};
use crate::components::steps::{key_states, Current, KeyState, StepIndicator};
use crate::components::text_value::bind_story_text;
use crate::files;
use crate::live::use_live;
use crate::route::Route;
use crate::state::{display_title, remember_route, use_app};

/// The review page of one story.
#[component]
pub fn Review(id: String) -> impl IntoView {
    let app = use_app();
    remember_route(&Route::Review(id.clone()));
    app.set_last_step(&id, 5);
    let story = app.story_signal(&id);
    let report = use_live(&id, story).report;
    view! {
        <Show when=move || story.with(|s| s.is_some()) fallback=|| view! { <MissingStory/> }>
            <ReviewPage id=id.clone() story=story report=report/>
        </Show>
    }
}

#[component]
fn ReviewPage(
    id: String,
    story: Signal<Option<Story>>,
    report: Signal<Option<Report>>,
) -> impl IntoView {
    // A memo: the indicator only re-renders when a key's state really changes.
    let states: Signal<[KeyState; 5]> = Memo::new(move |_| {
        let filled = story.with(|s| s.as_ref().map(|s| s.filled_keys()).unwrap_or([false; 5]));
        report.with(|r| key_states(filled, r.as_ref()))
    })
    .into();
    // The answer the user will say: their edited text when they use one, else the generated one.
    let answer =
        Memo::new(move |_| story.with(|s| s.as_ref().map(|s| s.answer_text()).unwrap_or_default()));
    let words = Memo::new(move |_| answer.with(|a| word_count(a)));
    let copied = RwSignal::new(None::<bool>);
    let title = move || story.with(|s| s.as_ref().map(display_title).unwrap_or_default());
    let stem = move || files::file_stem(&title());
    view! {
        <div class="wizard review">
            <p class="story-title muted">{title}</p>
            <StepIndicator id=id.clone() current=Current::Review states=states/>
            <article class="step">
                <header class="step-head">
                    <p class="eyebrow">"Review"</p>
                    <h1 id="step-title" tabindex="-1">"Your answer, ready to say out loud"</h1>
                </header>
                <LengthMeter words=words.into()/>
                <AnswerText id=id.clone() story=story answer=answer.into()/>
                <div class="row no-print">
                    <button type="button" class="primary" on:click=move |_| {
                        files::copy_text(answer.get_untracked(), move |ok| { copied.try_set(Some(ok)); });
                    }>"Copy the answer"</button>
                    <button type="button" on:click=move |_| {
                        if let Some(s) = story.get_untracked() { files::download(&format!("{}.txt", stem()), "text/plain", &s.to_text()); }
                    }>"Download .txt"</button>
                    <button type="button" on:click=move |_| {
                        if let Some(s) = story.get_untracked() { files::download(&format!("{}.md", stem()), "text/markdown", &s.to_markdown()); }
                    }>"Download .md"</button>
                    <button type="button" on:click=move |_| {
                        if let Some(s) = story.get_untracked() { files::export_story(&s); }
                    }>"Export (to import elsewhere)"</button>
                    <button type="button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
                    <a class="button" href=Route::Practice(id.clone()).href()>"Practise out loud"</a>
                </div>
                <p class="muted" aria-live="polite">{move || match copied.get() {
                    Some(true) => "Copied to the clipboard.",
                    Some(false) => "The browser did not allow copying. Select the text above and copy it by hand.",
                    None => "",
                }}</p>
                <UnsortedNotes id=id.clone() story=story/>
                <FullReport id=Some(id.clone()) report=report/>
            </article>
        </div>
    }
}

/// The answer's paragraphs, as the page shows them.
fn paragraphs(answer: &str) -> impl IntoView {
    answer
        .split("\n\n")
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view()
}

/// The answer to say: the one generated from the steps, or the user's own edit of it (kept with
/// the story, with a way back to the generated one that keeps the edit).
#[component]
fn AnswerText(id: String, story: Signal<Option<Story>>, answer: Signal<String>) -> impl IntoView {
    let app = use_app();
    let editing =
        Memo::new(move |_| story.with(|s| s.as_ref().is_some_and(Story::uses_edited_answer)));
    let kept_edit = Memo::new(move |_| {
        story.with(|s| {
            s.as_ref()
                .is_some_and(|s| !s.edited_answer.trim().is_empty() && s.show_generated)
        })
    });
    let behind =
        Memo::new(move |_| story.with(|s| s.as_ref().is_some_and(Story::edited_answer_is_behind)));
    let (id_edit, id_back, id_type) = (StoredValue::new(id.clone()), id.clone(), id);
    let edit = move |_| {
        id_edit.with_value(|id| app.edit(id, Story::start_editing_answer));
        // The box appears with this render; focus it once it is there.
        crate::frame::next_frame(|| {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("edited-answer"))
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = el.focus();
            }
        });
    };
    view! {
        <Show when=move || editing.get()
            fallback=move || view! {
                <Show when=move || !answer.with(|a| a.trim().is_empty())
                    fallback=move || view! { <p class="empty-answer">"Nothing written yet. Start with key 1."</p> }>
                    <div class="answer" aria-label="Your assembled answer">
                        {move || paragraphs(&answer.get())}
                    </div>
                    <div class="row no-print">
                        <button type="button" on:click=edit>{move || if kept_edit.get() { "Use my edited text" } else { "Edit this text" }}</button>
                    </div>
                    {move || kept_edit.get().then(|| view! {
                        <p class="muted no-print">"Your edited text is kept: \u{201c}Use my edited text\u{201d} brings it back."</p>
                    })}
                </Show>
            }>
            {
                let id_type = id_type.clone();
                let id_back = id_back.clone();
                // Written to the box only when the story changes from elsewhere, not on each key.
                let (node, value) = bind_story_text::<leptos::html::Textarea>(story, Field::EditedAnswer);
                view! {
                    <div class="answer print-only">
                        {move || paragraphs(&answer.get())}
                    </div>
                    <div class="field edited-answer">
                        <label for="edited-answer">"Your answer, in your own words"</label>
                        <p class="hint" id="edited-answer-hint">"Edit it freely: Copy, the downloads and Print use this text, and it is kept with the story. The coach below checks the five steps, not this text."</p>
                        <textarea id="edited-answer" rows="12" style="--rows: 10" aria-describedby="edited-answer-hint" spellcheck="true"
                            node_ref=node
                            on:input=move |ev| { let v = event_target_value(&ev); value.typed(&v); app.type_text(&id_type, Field::EditedAnswer, v); }></textarea>
                        {move || behind.get().then(|| view! {
                            <p class="notice-line" role="status">"You changed the steps after editing this text. \u{201c}Show the generated answer\u{201d} shows the new version; your edited text stays here."</p>
                        })}
                        <div class="row no-print">
                            <button type="button" on:click=move |_| app.edit(&id_back, |s| s.show_generated = true)>"Show the generated answer"</button>
                        </div>
                    </div>
                }
            }
        </Show>
    }
}

/// Text from a pasted answer that fitted no part, kept visible and editable so nothing is lost.
#[component]
fn UnsortedNotes(id: String, story: Signal<Option<Story>>) -> impl IntoView {
    let app = use_app();
    let has = move || story.with(|s| s.as_ref().is_some_and(|s| !s.unsorted.trim().is_empty()));
    view! {
        <Show when=has>
            {
                let id = id.clone();
                view! {
                    <div class="field unsorted">
                        <label for="unsorted">"Notes that fitted no part"</label>
                        <p class="hint" id="unsorted-hint">"From the answer you pasted. Move each sentence into the step where it belongs, or delete it. It is not part of the answer above."</p>
                        <textarea id="unsorted" rows="4" style="--rows: 4" aria-describedby="unsorted-hint"
                            prop:value=move || story.with(|s| s.as_ref().map(|s| s.unsorted.clone()).unwrap_or_default())
                            on:input=move |ev| { let v = event_target_value(&ev); app.edit(&id, move |s| s.unsorted = v); }></textarea>
                    </div>
                }
            }
        </Show>
    }
}
