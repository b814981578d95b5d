//! What a page about one story shows when that story is not on this device.

use leptos::prelude::*;

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
