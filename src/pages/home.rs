//! The first screen: what Comeback is for, then the user's stories.

use comeback_core::story::band_text;
use comeback_core::{Key, Story};
use leptos::prelude::*;

use crate::pages::bank::{ImportExport, StoryBank};
use crate::route::{go, Route};
use crate::state::{new_id, now_ms, use_app, AppState};

/// Opens the team's worked example as a new story of the user's own.
pub fn open_example(app: &AppState) {
    let story: Story = comeback_core::example::worked_example(&new_id(), now_ms());
    if let Some(id) = app.add(story) {
        go(&Route::Review(id));
    }
}

/// Creates an empty story and opens step 1.
pub fn start_new(app: &AppState) {
    if let Some(id) = app.create() {
        go(&Route::Step(id, Key::Choice));
    }
}

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    let app = use_app();
    crate::state::remember_route(&Route::Home);
    let has_stories = move || app.bank.with(|b| !b.stories.is_empty());
    view! {
        <section class="hero" aria-labelledby="hero-title">
            <h1 id="hero-title">"Turn your worst moment at work into your best interview answer."</h1>
            <p class="lede">
                "\u{201c}Tell me about a time you failed\u{201d} is the question people fear most. Comeback walks you through the five keys of a strong answer, checks every part as you type, assembles an answer you can say in about two minutes, and helps you practise it out loud."
            </p>
            <p class="privacy">
                <strong>"Private by design. "</strong>
                "Everything you write stays in this browser on this device. No account, no uploads, no tracking."
            </p>
            <div class="row">
                <button type="button" class="primary big" on:click=move |_| start_new(&app)>"Start a new story"</button>
                <Show when=move || !has_stories()>
                    <button type="button" class="big" on:click=move |_| open_example(&app)>"Explore a worked example"</button>
                </Show>
                <a class="button big" href="#/paste">"Check an answer I already have"</a>
            </div>
        </section>
        <Show when=has_stories fallback=|| view! { <FiveKeys/><ImportExport first_visit=true/> }>
            <StoryBank/>
        </Show>
    }
}

/// The method in one glance, for first-time visitors.
#[component]
fn FiveKeys() -> impl IntoView {
    view! {
        <section class="keys-intro" aria-labelledby="keys-title">
            <h2 id="keys-title">"The five keys of a strong answer"</h2>
            <ol class="key-list">
                {Key::ALL.iter().map(|k| {
                    let g = comeback_core::guide::step_guide(*k);
                    view! {
                        <li>
                            <strong>{k.title()}</strong>
                            <span>{g.explanation}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <p class="muted">{format!("A strong spoken answer takes about {} to say out loud.", band_text())}</p>
        </section>
    }
}
