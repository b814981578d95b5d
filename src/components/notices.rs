//! Messages at the top of the page, the prompt when another tab changed a story, and the undo bar.

use leptos::prelude::*;

use crate::pages::bank::export_all;
use crate::state::{display_title, use_app, NoticeAction, Tone};

/// The list of notices, announced to screen readers.
#[component]
pub fn Notices() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="notices" aria-live="polite">
            <For each=move || app.notices.get() key=|n| n.id let:n>
                <div class=move || if n.tone == Tone::Warning { "notice warning" } else { "notice" } role=if n.tone == Tone::Warning { "alert" } else { "status" }>
                    <p>{n.text.clone()}</p>
                    <div class="notice-actions">
                        {n.action.clone().map(|a| match a {
                            NoticeAction::DownloadUnreadable(key) => {
                                let k = key.clone();
                                view! { <button type="button" on:click=move |_| app.download_unreadable(&k)>"Download the unreadable data"</button> }.into_any()
                            }
                            NoticeAction::DownloadCrashReport => view! {
                                <button type="button" on:click=move |_| app.download_crash_report()>"Download the error report"</button>
                            }.into_any(),
                            NoticeAction::ExportAll => view! {
                                <button type="button" on:click=move |_| export_all(&app)>"Export all stories"</button>
                            }.into_any(),
                        })}
                        <button type="button" class="quiet" on:click=move |_| app.dismiss(n.id)>"Dismiss"</button>
                    </div>
                </div>
            </For>
        </div>
    }
}

/// Asks what to do when another tab changed the story this tab is editing. It sits at the bottom
/// of the screen, in view wherever the user was, and takes the focus when it opens so that it is
/// announced and further typing does not go on into a story that is not being saved.
#[component]
pub fn ConflictPrompt() -> impl IntoView {
    let app = use_app();
    let open = Memo::new(move |_| app.conflict.with(|c| c.as_ref().map(|c| c.id.clone())));
    Effect::new(move |_| {
        if open.get().is_some() {
            request_animation_frame(focus_prompt);
        }
    });
    view! {
        {move || app.conflict.get().map(|c| {
            let title = app.story(&c.id).map(|s| display_title(&s)).unwrap_or_default();
            let deleted = c.theirs.is_none();
            view! {
                <section class="conflict" id="conflict" tabindex="-1" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-text">
                    <h2 id="conflict-title">{if deleted { "Deleted in another tab" } else { "Changed in another tab" }}</h2>
                    <p id="conflict-text">
                        {if deleted {
                            format!("\u{201c}{title}\u{201d} was deleted in another tab or window while you were editing it here.")
                        } else {
                            format!("\u{201c}{title}\u{201d} was also edited in another tab or window. Nothing has been overwritten, and what you type here is kept, but this story is not saved until you choose which version to keep. The other version is kept as a copy either way.")
                        }}
                    </p>
                    <div class="row">
                        <button type="button" class="primary" on:click=move |_| app.keep_mine()>
                            {if deleted { "Keep it (save it again)" } else { "Keep this tab's version (keep the other as a copy)" }}
                        </button>
                        <button type="button" on:click=move |_| app.take_theirs()>
                            {if deleted { "Delete it here too" } else { "Use the other version (keep mine as a copy)" }}
                        </button>
                    </div>
                </section>
            }
        })}
    }
}

/// "Story deleted. Undo" for a while after a delete.
#[component]
pub fn UndoBar() -> impl IntoView {
    let app = use_app();
    view! {
        <div class="undo-region" aria-live="polite">
            {move || app.undo.get().map(|u| view! {
                <div class="undo-bar">
                    <span>{format!("Deleted \u{201c}{}\u{201d}.", display_title(&u.story))}</span>
                    <button type="button" class="primary" on:click=move |_| app.undo_delete()>"Undo"</button>
                </div>
            })}
        </div>
    }
}

fn focus_prompt() {
    use wasm_bindgen::JsCast;
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("conflict"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    el.scroll_into_view_with_bool(false);
    let _ = el.focus();
}
