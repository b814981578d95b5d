//! Files and the clipboard: downloads, reading an import file, copying text.

use comeback_core::story::Bank;
use comeback_core::Story;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, mime: &str, content: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let props = web_sys::BlobPropertyBag::new();
    props.set_type(&format!("{mime};charset=utf-8"));
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &props) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(name);
            a.set_hidden(true);
            if let Some(body) = doc.body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
    // Revoke later: revoking at once can cancel the download in some browsers.
    let url2 = url.clone();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url2);
        },
        std::time::Duration::from_secs(30),
    );
}

/// Downloads one story as a JSON file that can be imported again.
pub fn export_story(story: &Story) {
    download(
        &format!("{}.json", file_stem(&story.display_title())),
        "application/json",
        &story.to_json(),
    );
}

/// Downloads a whole bank of stories as one JSON file, named with today's date.
pub fn export_bank(bank: &Bank) {
    download(
        &format!("comeback-stories-{}.json", date_stamp()),
        "application/json",
        &bank.to_json(),
    );
}

fn date_stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Copies text to the clipboard; calls `done` with whether it worked.
pub fn copy_text(text: String, done: impl FnOnce(bool) + 'static) {
    let Some(w) = web_sys::window() else {
        done(false);
        return;
    };
    let promise = w.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
        done(ok);
    });
}

/// Reads a chosen file as bytes; gives up past `max` bytes without reading it.
pub fn read_file(
    file: web_sys::File,
    max: usize,
    done: impl FnOnce(Result<Vec<u8>, String>) + 'static,
) {
    if file.size() > max as f64 {
        done(Err(format!(
            "That file is {:.1} MB; Comeback only imports files up to {} MB. Nothing was changed.",
            file.size() / 1_048_576.0,
            max / 1_048_576
        )));
        return;
    }
    let promise = file.array_buffer();
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(buf) => done(Ok(js_sys::Uint8Array::new(&buf).to_vec())),
            Err(_) => done(Err(
                "The browser could not read that file. Nothing was changed.".into(),
            )),
        }
    });
}

/// A safe file name from a story title.
pub fn file_stem(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.chars().count() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "comeback-story".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn a_file_name_from_any_title() {
        assert_eq!(
            file_stem("Checkout failover, Friday!"),
            "checkout-failover-friday"
        );
        assert_eq!(file_stem("  ¿Qué pasó? Ünïcode  "), "qué-pasó-ünïcode");
        assert_eq!(file_stem("../../etc/passwd"), "etc-passwd");
        assert_eq!(file_stem("🚀🚀"), "comeback-story");
        assert_eq!(file_stem(""), "comeback-story");
        assert!(file_stem(&"long ".repeat(40)).chars().count() <= 41);
    }
}
