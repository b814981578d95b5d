//! Comeback in the browser: a thin Leptos shell over `comeback-core`.
//!
//! Architecture invariant: all story logic lives in `comeback-core`; this crate renders it,
//! forwards events, and owns the browser's storage (only through [`storage`]).

pub mod app;
pub mod codec;
pub mod components;
pub mod crash;
pub mod files;
pub mod frame;
pub mod later;
pub mod live;
pub mod media;
pub mod pages;
pub mod route;
pub mod speech;
pub mod state;
pub mod storage;

/// Mounts the app on the page and registers the offline worker.
pub fn start() {
    crash::install();
    leptos::mount::mount_to_body(app::App);
    // In a task of its own, after the app's first frame: the mount is the task a phone waits on.
    leptos::prelude::set_timeout(register_service_worker, std::time::Duration::ZERO);
}

/// Makes the page work offline after the first visit. Failure only means no offline copy.
fn register_service_worker() {
    let Some(w) = web_sys::window() else { return };
    // Only on a secure origin (https or localhost); elsewhere the API is absent.
    let nav = w.navigator();
    let has_sw = js_sys::Reflect::has(&nav, &wasm_bindgen::JsValue::from_str("serviceWorker"))
        .unwrap_or(false);
    if !has_sw {
        return;
    }
    let _ = nav.service_worker().register("sw.js");
}
