//! The value of a text field bound to the story, without writing back what the user just typed.
//!
//! A plain `prop:value=move || ...` sets the element's value again after every key press: the
//! whole text crosses from Rust to JavaScript and the browser compares it with what it holds. For
//! a 400-word field that is a measurable part of each key press. Here the value is written only
//! when the story holds something other than what the field last showed: on the first render, and
//! when the story changes from elsewhere (another tab, an undo, an import).

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
