//! The value of a text field bound to the story, without writing back what the user just typed.
//!
//! A plain `prop:value=move || ...` sets the element's value again after every key press: the
//! whole text crosses from Rust to JavaScript and the browser compares it with what it holds. For
//! a 400-word field that is a measurable part of each key press. Here the value is written only
//! when the story holds something other than what the field last showed: on the first render, and
//! when the story changes from elsewhere (another tab, an undo, an import).

use comeback_core::story::Field;
use comeback_core::Story;
use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// What a text field shows; see the module documentation.
#[derive(Clone, Copy)]
pub struct TextValue {
    shown: StoredValue<String>,
}

impl TextValue {
    /// Binds `node`'s value to `read`, which is called with the text the field shows and
    /// returns whether the story holds the same (so that nothing is copied while typing), and
    /// `current`, which returns the story's text.
    pub fn bind<E>(
        node: NodeRef<E>,
        same: impl Fn(&str) -> bool + 'static,
        current: impl Fn() -> String + 'static,
    ) -> Self
    where
        E: ElementType,
        E::Output: JsCast + Clone + 'static,
    {
        let shown = StoredValue::new(String::new());
        let first = StoredValue::new(true);
        Effect::new(move |_| {
            let unchanged = shown.with_value(|s| same(s));
            let Some(el) = node.get() else {
                return;
            };
            if unchanged && !first.get_value() {
                return;
            }
            first.set_value(false);
            let text = current();
            let _ = js_sys::Reflect::set(
                el.unchecked_ref::<JsValue>(),
                &JsValue::from_str("value"),
                &JsValue::from_str(&text),
            );
            if let Some(area) = el
                .unchecked_ref::<JsValue>()
                .dyn_ref::<web_sys::HtmlElement>()
            {
                fit(area);
            }
            shown.set_value(text);
        });
        TextValue { shown }
    }

    /// Records what the user typed, before it is written to the story.
    pub fn typed(&self, text: &str) {
        self.shown.update_value(|s| {
            s.clear();
            s.push_str(text);
        });
    }
}

thread_local! {
    /// Whether the browser sizes a text box to its content by itself (CSS `field-sizing`).
    static SIZES_ITSELF: bool = web_sys::css::supports_with_value("field-sizing", "content").unwrap_or(false);
}

/// Grows a text box with what is written in it, up to its CSS `max-height` (then it scrolls),
/// where the browser does not do it itself: the first line of an answer is never hidden.
pub fn fit(el: &web_sys::HtmlElement) {
    if SIZES_ITSELF.with(|s| *s) || el.tag_name() != "TEXTAREA" {
        return;
    }
    let style = el.style();
    let _ = style.set_property("height", "auto");
    let _ = style.set_property("height", &format!("{}px", el.scroll_height() + 2));
}

/// [`fit`] for the text box an input event came from.
pub fn fit_height(ev: &leptos::ev::Event) {
    if let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        fit(&el);
    }
}

/// Binds an input to one text of the story (see [`TextValue`]): the wizard's fields and Review's edited answer.
pub fn bind_story_text<E>(story: Signal<Option<Story>>, field: Field) -> (NodeRef<E>, TextValue)
where
    E: leptos::html::ElementType,
    E::Output: wasm_bindgen::JsCast + Clone + 'static,
{
    let node = NodeRef::new();
    let value = TextValue::bind(
        node,
        move |shown| story.with(|s| s.as_ref().is_none_or(|s| s.get(field) == shown)),
        move || {
            story.with_untracked(|s| {
                s.as_ref()
                    .map(|s| s.get(field).to_string())
                    .unwrap_or_default()
            })
        },
    );
    (node, value)
}
