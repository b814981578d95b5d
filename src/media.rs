//! The only module that touches the microphone and `MediaRecorder`, the way `storage.rs` owns
//! localStorage. A recording is kept as a `blob:` URL in the page's memory, never uploaded, and
//! released when the page that made it goes.
//!
//! The browser objects (the recorder, the microphone stream, their callbacks, the recording's
//! URL) live in this module's thread-locals, not in signals: they are not `Send`, and
//! [`release`] lets go of them all, whatever state they are in.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the page says when the browser cannot record here.
pub const UNAVAILABLE: &str =
    "This browser cannot record audio on this page. The cue cards and the timer still work.";

/// A recording in progress or just finished, and the callbacks the recorder holds.
struct Recording {
    recorder: web_sys::MediaRecorder,
    stream: web_sys::MediaStream,
    _on_data: Closure<dyn FnMut(web_sys::BlobEvent)>,
    _on_stop: Closure<dyn FnMut(web_sys::Event)>,
}

thread_local! {
    static RECORDING: RefCell<Option<Recording>> = const { RefCell::new(None) };
    static AUDIO_URL: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// True when this browser can record from a microphone here (a secure page with MediaRecorder).
pub fn supported() -> bool {
    let has_recorder = web_sys::window()
        .and_then(|w| js_sys::Reflect::has(&w, &"MediaRecorder".into()).ok())
        .unwrap_or(false);
    has_recorder && media_devices().is_some()
}

/// Stops the microphone and the recorder and forgets the recording. Handlers are detached
/// first, so that no callback runs after its closure is gone.
pub fn release() {
    release_recorder();
    forget_recording();
}

/// Forgets the last recording (its URL stops working).
pub fn forget_recording() {
    replace_audio_url(None);
}

fn release_recorder() {
    if let Some(rec) = RECORDING.with(|r| r.borrow_mut().take()) {
        rec.recorder.set_ondataavailable(None);
        rec.recorder.set_onstop(None);
        let _ = rec.recorder.stop();
        stop_tracks(&rec.stream);
    }
}

/// Keeps one `blob:` URL at a time, revoking the one it replaces.
fn replace_audio_url(url: Option<String>) {
    if let Some(old) = AUDIO_URL.with(|a| a.replace(url)) {
        let _ = web_sys::Url::revoke_object_url(&old);
    }
}

fn stop_tracks(stream: &web_sys::MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

fn media_devices() -> Option<web_sys::MediaDevices> {
    let navigator = web_sys::window()?.navigator();
    let devices = js_sys::Reflect::get(&navigator, &"mediaDevices".into()).ok()?;
    if devices.is_undefined() || devices.is_null() {
        return None;
    }
    devices.dyn_into().ok()
}

fn mic_error(e: &JsValue) -> String {
    let name = e
        .dyn_ref::<web_sys::DomException>()
        .map(|d| d.name())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" | "SecurityError" => "The microphone was not allowed, so nothing is recorded. The cue cards and the timer still work. To record, allow the microphone for this site in the browser's settings, then press Record again.".into(),
        "NotFoundError" | "OverconstrainedError" => "No microphone was found. Plug one in or check the system settings, then press Record again. The timer still works.".into(),
        "NotReadableError" | "AbortError" => "The microphone is busy or could not be opened (another app may be using it). Close it there, then press Record again.".into(),
        _ => "The browser could not start recording. The cue cards and the timer still work.".into(),
    }
}

/// Asks for the microphone and starts recording. `wanted` is asked once the browser has
/// answered (the user may have left the page meanwhile: then nothing is recorded and this gives
/// `Ok(false)`). When the recording stops, `done` gets its playable URL or what went wrong.
pub async fn start(
    wanted: impl Fn() -> bool,
    done: impl FnOnce(Result<String, String>) + 'static,
) -> Result<bool, String> {
    release_recorder();
    let devices = media_devices().ok_or_else(|| UNAVAILABLE.to_string())?;
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::TRUE);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|e| mic_error(&e))?;
    let stream: web_sys::MediaStream = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| mic_error(&e))?
        .dyn_into()
        .map_err(|_| UNAVAILABLE.to_string())?;
    if !wanted() {
        stop_tracks(&stream);
        return Ok(false);
    }
    let recorder = match web_sys::MediaRecorder::new_with_media_stream(&stream) {
        Ok(r) => r,
        Err(_) => {
            stop_tracks(&stream);
            return Err(UNAVAILABLE.into());
        }
    };
    let chunks: Rc<RefCell<Vec<web_sys::Blob>>> = Rc::default();
    let kept = chunks.clone();
    let on_data = Closure::<dyn FnMut(web_sys::BlobEvent)>::new(move |ev: web_sys::BlobEvent| {
        if let Some(b) = ev.data() {
            if b.size() > 0.0 {
                kept.borrow_mut().push(b);
            }
        }
    });
    let (rec, str_) = (recorder.clone(), stream.clone());
    let mut done = Some(done);
    let on_stop = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
        stop_tracks(&str_);
        let parts = js_sys::Array::new();
        for b in chunks.borrow_mut().drain(..) {
            parts.push(&b);
        }
        let bag = web_sys::BlobPropertyBag::new();
        let mime = rec.mime_type();
        if !mime.is_empty() {
            bag.set_type(&mime);
        }
        let url = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &bag)
            .and_then(|b| web_sys::Url::create_object_url_with_blob(&b));
        let outcome = match url {
            Ok(url) => {
                replace_audio_url(Some(url.clone()));
                Ok(url)
            }
            Err(_) => Err(
                "The recording could not be prepared for playback. Press Record to try again."
                    .to_string(),
            ),
        };
        if let Some(done) = done.take() {
            done(outcome);
        }
    });
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    recorder.set_onstop(Some(on_stop.as_ref().unchecked_ref()));
    if recorder.start().is_err() {
        recorder.set_ondataavailable(None);
        recorder.set_onstop(None);
        stop_tracks(&stream);
        return Err(UNAVAILABLE.into());
    }
    RECORDING.with(|r| {
        *r.borrow_mut() = Some(Recording {
            recorder,
            stream,
            _on_data: on_data,
            _on_stop: on_stop,
        })
    });
    Ok(true)
}

/// Asks the recorder to finish; its `stop` event hands the recording to `start`'s `done`.
pub fn stop() {
    RECORDING.with(|r| {
        if let Some(rec) = r.borrow().as_ref() {
            let _ = rec.recorder.stop();
        }
    });
}
