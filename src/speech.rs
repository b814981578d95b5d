//! The only module that touches the browser's speech recognition (standard or prefixed,
//! reached through `js_sys::Reflect` since web-sys has no stable binding). It belongs to the
//! browser: Chrome and Edge send the audio to their maker's servers, so the page keeps it off
//! until the user turns it on.
//!
//! The recognizer and its callbacks live in this module's thread-local; [`abort`] lets go of
//! them, whatever state they are in.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The speech recognizer and its callbacks.
struct Listener {
    recognizer: JsValue,
    _callbacks: Vec<Closure<dyn FnMut(JsValue)>>,
}

thread_local! {
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// The browser's speech recognizer constructor, standard or prefixed, if it has one.
fn recognizer_class() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    ["SpeechRecognition", "webkitSpeechRecognition"]
        .iter()
        .filter_map(|name| js_sys::Reflect::get(&window, &(*name).into()).ok())
        .find_map(|v| v.dyn_into::<js_sys::Function>().ok())
}

/// True when the browser offers speech recognition.
pub fn available() -> bool {
    recognizer_class().is_some()
}

fn call_method(target: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &name.into())?.dyn_into()?;
    f.call0(target)
}

/// Everything heard so far in this session, final and interim results alike.
fn heard_text(event: &JsValue) -> String {
    let Ok(results) = js_sys::Reflect::get(event, &"results".into()) else {
        return String::new();
    };
    let n = js_sys::Reflect::get(&results, &"length".into())
        .ok()
        .and_then(|l| l.as_f64())
        .unwrap_or(0.0) as u32;
    let mut parts = Vec::new();
    for i in 0..n {
        let text = js_sys::Reflect::get_u32(&results, i)
            .and_then(|r| js_sys::Reflect::get_u32(&r, 0))
            .and_then(|alt| js_sys::Reflect::get(&alt, &"transcript".into()))
            .ok()
            .and_then(|t| t.as_string());
        if let Some(t) = text {
            parts.push(t.trim().to_string());
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

/// What the user is told about a recognition error (`None`: an abort this page asked for).
pub fn error_message(code: &str) -> Option<String> {
    Some(match code {
        "aborted" => return None,
        "not-allowed" | "service-not-allowed" => "Speech recognition was not allowed. Type or paste what you said instead.".into(),
        "network" => "Speech recognition could not reach the browser maker's servers. Type or paste what you said instead.".into(),
        "no-speech" => "No speech was heard. Check the microphone, then start the live transcript again.".into(),
        "audio-capture" => "No microphone was found for speech recognition.".into(),
        "language-not-supported" => "Speech recognition does not support this browser's language. Type or paste what you said instead.".into(),
        other => format!("Speech recognition stopped ({other}). Type or paste what you said instead."),
    })
}

/// Starts listening in the browser's language. `heard` gets everything heard in this session
/// after each result, `failed` a sentence for the user, `ended` is called when listening stops.
pub fn start(
    mut heard: impl FnMut(String) + 'static,
    mut failed: impl FnMut(String) + 'static,
    mut ended: impl FnMut() + 'static,
) -> Result<(), String> {
    abort();
    let unavailable = || "Speech recognition could not start in this browser.".to_string();
    let class = recognizer_class().ok_or_else(unavailable)?;
    let recognizer =
        js_sys::Reflect::construct(&class, &js_sys::Array::new()).map_err(|_| unavailable())?;
    let set = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&recognizer, &name.into(), value);
    };
    set("continuous", &JsValue::TRUE);
    set("interimResults", &JsValue::TRUE);
    if let Some(lang) = web_sys::window().and_then(|w| w.navigator().language()) {
        set("lang", &lang.into());
    }
    let on_result = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| heard(heard_text(&ev)));
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let code = js_sys::Reflect::get(&ev, &"error".into())
            .ok()
            .and_then(|c| c.as_string())
            .unwrap_or_default();
        if let Some(m) = error_message(&code) {
            failed(m);
        }
    });
    let on_end = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| ended());
    set("onresult", on_result.as_ref());
    set("onerror", on_error.as_ref());
    set("onend", on_end.as_ref());
    if call_method(&recognizer, "start").is_err() {
        for name in ["onresult", "onerror", "onend"] {
            set(name, &JsValue::NULL);
        }
        return Err(unavailable());
    }
    LISTENER.with(|l| {
        *l.borrow_mut() = Some(Listener {
            recognizer,
            _callbacks: vec![on_result, on_error, on_end],
        })
    });
    Ok(())
}

/// Asks the recognizer to finish: the last words arrive, then its `end` event.
pub fn stop() {
    LISTENER.with(|l| {
        if let Some(listener) = l.borrow().as_ref() {
            let _ = call_method(&listener.recognizer, "stop");
        }
    });
}

/// Stops the recognizer at once, without further callbacks.
pub fn abort() {
    if let Some(listener) = LISTENER.with(|l| l.borrow_mut().take()) {
        for name in ["onresult", "onerror", "onend"] {
            let _ = js_sys::Reflect::set(&listener.recognizer, &name.into(), &JsValue::NULL);
        }
        let _ = call_method(&listener.recognizer, "abort");
    }
}
