//! The page frame: header, notices, the conflict prompt, the undo bar, and the current page.

use leptos::prelude::*;

use crate::components::notices::{ConflictPrompt, Notices, UndoBar};
use crate::pages::{home::Home, paste::Paste, practice::Practice, review::Review, wizard::Wizard};
use crate::route::Route;
use crate::state::{focus_heading, new_id, now_ms, use_app, AppState, SaveState};

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let app = AppState::start();
    provide_context(app);
    take_over_from_shell(app);
    view! {
        <a class="skip" href="#main" on:click=|ev| {
            ev.prevent_default();
            focus_main();
        }>"Skip to content"</a>
        <Header/>
        <Notices/>
        <ConflictPrompt/>
        <main id="main" tabindex="-1">
            {move || match app.route.get() {
                Route::Home => view! { <Home/> }.into_any(),
                Route::Paste => view! { <Paste/> }.into_any(),
                Route::Step(id, key) => view! { <Wizard id=id key=key/> }.into_any(),
                Route::Review(id) => view! { <Review id=id/> }.into_any(),
                Route::Practice(id) => view! { <Practice id=id/> }.into_any(),
                Route::NotFound(_) => view! { <NotFound/> }.into_any(),
            }}
        </main>
        <UndoBar/>
    }
}

/// Removes the app shell (index.html) and acts on a tap it kept while the app was loading
/// (public/shell.js). This runs before the app's first render, in the same task as its mount, so
/// the page goes from the shell to the app in one frame, straight to the page the tap asked for.
fn take_over_from_shell(app: AppState) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(shell) = doc.get_element_by_id("shell") {
        shell.remove();
    }
    let Some(root) = doc.document_element() else {
        return;
    };
    let pending = root.get_attribute("data-pending");
    let _ = root.remove_attribute("data-pending");
    let route = match pending.as_deref() {
        Some("new") => app
            .create()
            .map(|id| Route::Step(id, comeback_core::Key::Choice)),
        Some("example") => {
            let story = comeback_core::example::worked_example(&new_id(), now_ms());
            app.add(story).map(Route::Review)
        }
        _ => None,
    };
    let Some(route) = route else {
        return;
    };
    // A new history entry, as a tap in the app makes (Back returns home), set without waiting for
    // the hashchange event so that the first render is already the page asked for.
    if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()));
    }
    app.route.set(route);
    request_animation_frame(focus_heading);
}

fn focus_main() {
    use wasm_bindgen::JsCast;
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("main"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

#[component]
fn Header() -> impl IntoView {
    let app = use_app();
    // Saves follow typing within a quarter of a second (and at once when the page is hidden), so
    // "pending" is shown as saved: flipping the header on every batch of key presses would cost a
    // re-render and a repaint while the user types. A failed save is shown until it succeeds.
    let status = Memo::new(move |_| match app.save_state.get() {
        SaveState::Saved | SaveState::Pending => ("saved", "Saved on this device"),
        SaveState::Failed(_) => ("failed", "Not saved: see the message above"),
        SaveState::Held => ("failed", "Not saved: choose which version to keep"),
    });
    let home = Memo::new(move |_| app.route.with(|r| *r == Route::Home));
    view! {
        <header class="topbar">
            <a class="brand" href="#/" aria-label="Comeback, home">
                <span class="brand-mark" aria-hidden="true">"↺"</span>
                <span class="brand-name">"Comeback"</span>
            </a>
            // The story list is one tap away from every page.
            <a class="button quiet stories-link" href="#/" aria-current=move || home.get().then_some("page")>"Your stories"</a>
            <span class=move || format!("save-state {}", status.get().0)>{move || status.get().1}</span>
        </header>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <section class="page narrow">
            <h1>"This page does not exist"</h1>
            <p>"The link may be from an older version or mistyped. Your stories are safe."</p>
            <a class="button primary" href="#/">"Go to your stories"</a>
        </section>
    }
}
