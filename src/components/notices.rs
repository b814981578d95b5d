//! Messages at the top of the page, the prompt when another tab changed a story, and the undo bar.

use leptos::prelude::*;

use crate::later::Later;
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
                                <button type="button" on:click=move |_| app.export_all()>"Export all stories"</button>
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
    let later = Later::new();
    Effect::new(move |_| {
        if open.get().is_some() {
            later.next_frame(focus_prompt);
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

/// "Story deleted. Undo" for a while after a delete. It takes the focus when it opens, so that it
/// is announced and a second press of Enter cannot delete the next story too; when it closes, the
/// focus goes back to the list (to the story brought back, after an undo).
#[component]
pub fn UndoBar() -> impl IntoView {
    let app = use_app();
    let later = Later::new();
    // The story an undo brought back, to give the focus to.
    let restored = StoredValue::new(None::<String>);
    Effect::new(move |was_open: Option<bool>| {
        let open = app.undo.with(Option::is_some);
        if open && was_open != Some(true) {
            later.next_frame(|| {
                focus_by_id("undo-button");
            });
        } else if !open && was_open == Some(true) {
            let story = restored.try_update_value(Option::take).flatten();
            later.next_frame(move || back_to_list(story.as_deref()));
        }
        open
    });
    view! {
        <div class="undo-region" aria-live="polite">
            {move || app.undo.get().map(|u| {
                let id = u.story.id.clone();
                view! {
                    <div class="undo-bar" role="status">
                        <span id="undo-message">{format!("Deleted \u{201c}{}\u{201d}.", display_title(&u.story))}</span>
                        <button type="button" id="undo-button" class="primary" aria-describedby="undo-message"
                            on:click=move |_| {
                                restored.set_value(Some(id.clone()));
                                app.undo_delete();
                            }>"Undo"</button>
                    </div>
                }
            })}
        </div>
    }
}

fn focus_by_id(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

/// After the undo bar: the story brought back, or the list's heading, unless the user has put the
/// focus somewhere else meanwhile.
fn back_to_list(story: Option<&str>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lost = doc.active_element().is_none_or(|el| {
        doc.body().is_some_and(|b| b.is_same_node(Some(&el))) || !el.is_connected()
    });
    if story.is_none() && !lost {
        return;
    }
    let link = story.and_then(|id| {
        doc.query_selector(&format!("[data-story=\"{}\"] h3 a", css_escape(id)))
            .ok()
            .flatten()
    });
    let target = link.or_else(|| doc.get_element_by_id("bank-title"));
    match target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        Some(el) => {
            let _ = el.focus();
        }
        None => {
            let _ = doc
                .query_selector("main h1")
                .ok()
                .flatten()
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                .map(|el| el.focus());
        }
    }
}

/// A story id as it may appear inside a quoted CSS attribute value.
fn css_escape(id: &str) -> String {
    id.replace('\\', "\\\\").replace('"', "\\\"")
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
