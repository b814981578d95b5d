//! What the user sees if the app itself fails. A panic in WebAssembly (built with
//! `panic = "abort"`) stops the whole app: without this, the page would freeze with no word. The
//! hook shows a plain message built without the framework (which may be what broke), keeps the
//! panic's text on the device for a later report, and offers a reload. Saving happens within a
//! second of typing, so at most the last second of typing can be missing.

use wasm_bindgen::JsCast;

/// The id of the message's element.
pub const CRASH_ID: &str = "crash";

/// Shows [`show`] for every panic from now on.
pub fn install() {
    std::panic::set_hook(Box::new(|info| show(&info.to_string())));
}

/// Records `message` and shows the "something went wrong" message with a reload link and a
/// download of the report. Builds plain DOM nodes: no framework code runs after a panic.
pub fn show(message: &str) {
    let report = crate::storage::record_crash(message, crate::state::now_ms());
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id(CRASH_ID).is_some() {
        return;
    }
    let Ok(root) = doc.create_element("div") else {
        return;
    };
    root.set_id(CRASH_ID);
    root.set_class_name("crash");
    let _ = root.set_attribute("role", "alert");
    let add = |tag: &str, text: &str| -> Option<web_sys::Element> {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        let _ = root.append_child(&el);
        Some(el)
    };
    add("h2", "Something went wrong");
    add(
        "p",
        "Comeback stopped working on this page. Your text is saved on this device (everything up to the last second of typing). Reload the page to go on.",
    );
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_else(|| "./".into());
    if let Some(a) = add("a", "Reload") {
        let _ = a.set_attribute("href", &href);
        a.set_class_name("button primary");
    }
    // A plain link to a blob: works without any code running after the click.
    let parts = js_sys::Array::of1(&report.into());
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type("text/plain");
    let url = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)
        .and_then(|b| web_sys::Url::create_object_url_with_blob(&b));
    if let (Ok(url), Some(a)) = (url, add("a", "Download the error report")) {
        let _ = a.set_attribute("href", &url);
        let _ = a.set_attribute("download", "comeback-error-report.txt");
        a.set_class_name("button");
    }
    let _ = body.insert_before(&root, body.first_child().as_ref());
    if let Ok(el) = root.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.set_attribute("tabindex", "-1");
        let _ = el.focus();
    }
}
