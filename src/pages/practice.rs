//! The Practice page: say a story out loud with cue cards, a speaking timer, a recording kept in
//! this page's memory, and a transcript (typed, pasted, or from the browser's speech recognition)
//! checked for pace, filler words, time and the five keys by `comeback_core::practice`.
//!
//! Nothing here is sent anywhere by the app: the recording is a `blob:` URL released when the page
//! goes. Speech recognition belongs to the browser (Chrome and Edge send the audio to their maker's
//! servers), so it stays off until the user turns it on, next to a note that says so.
//!
//! Browser objects (the recorder, the microphone stream, the recognizer and their callbacks) live
//! in this module's thread-locals, not in signals: they are not `Send`, and one function releases
//! them all when the page is left, whatever state they are in.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use comeback_core::practice::{self, clock, cue_cards, mark_fillers, time_verdict, PracticeReport};
use comeback_core::story::LengthVerdict;
use comeback_core::{Key, Story};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::pages::review::minutes;
use crate::pages::wizard::MissingStory;
use crate::route::Route;
use crate::state::{display_title, remember_route, use_app};

/// The practice page of one story.
#[component]
pub fn Practice(id: String) -> impl IntoView {
    let app = use_app();
    remember_route(&Route::Practice(id.clone()));
    let story = app.story_signal(&id);
    on_cleanup(release_devices);
    view! {
        <Show when=move || story.with(|s| s.is_some()) fallback=|| view! { <MissingStory/> }>
            <PracticePage id=id.clone() story=story/>
        </Show>
    }
}

#[component]
fn PracticePage(id: String, story: Signal<Option<Story>>) -> impl IntoView {
    let title = move || story.with(|s| s.as_ref().map(display_title).unwrap_or_default());
    let role = Signal::derive(move || {
        story.with(|s| {
            s.as_ref()
                .map(|s| s.target_role.trim().to_string())
                .unwrap_or_default()
        })
    });
    // What the seconds field holds; the timer fills it in when paused.
    let spoken = RwSignal::new(String::new());
    view! {
        <div class="practice">
            <p class="story-title muted">{title}</p>
            <header class="step-head">
                <p class="eyebrow">"Practice"</p>
                <h1 id="step-title" tabindex="-1">"Practise out loud"</h1>
                <p class="explain">"Say your answer as you would in the interview: glance at a card, speak, watch the clock. Aim for 1:30 to 2:30."</p>
            </header>
            <CueCards story=story/>
            <SpeakingTimer spoken=spoken/>
            <Recorder/>
            <TranscriptCheck role=role spoken=spoken/>
            <nav class="step-nav" aria-label="Leave practice">
                <a class="button" href=Route::Review(id.clone()).href()>"Back to review"</a>
                <a class="button" href=Route::Step(id, Key::Choice).href()>"Edit the story"</a>
            </nav>
        </div>
    }
}

// ---------- cue cards ----------

#[component]
fn CueCards(story: Signal<Option<Story>>) -> impl IntoView {
    let cards = Memo::new(move |_| story.with(|s| s.as_ref().map(cue_cards).unwrap_or_default()));
    let index = RwSignal::new(0usize);
    let count = move || cards.with(|c| c.len());
    let turn = move |forward: bool| {
        let last = count().saturating_sub(1);
        index.update(|i| {
            *i = if forward {
                (*i + 1).min(last)
            } else {
                i.saturating_sub(1)
            }
        });
    };
    let card = move || cards.with(|c| c.get(index.get()).cloned());
    let at_first = move || index.get() == 0;
    let at_last = move || index.get() + 1 >= count();
    view! {
        <section class="practice-part cue-cards" aria-labelledby="cards-title"
            on:keydown=move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
                "ArrowLeft" => { ev.prevent_default(); turn(false); }
                "ArrowRight" => { ev.prevent_default(); turn(true); }
                _ => {}
            }>
            <h2 id="cards-title">"Cue cards"</h2>
            <p class="hint">"One card per key: glance at it, then say that part in your own words. The left and right arrow keys turn the cards too."</p>
            // The card stays one element so that keyboard focus on it survives turning the cards.
            <div class="cue-card" class:unwritten=move || card().is_some_and(|c| !c.from_story)
                tabindex="0" role="group" aria-roledescription="cue card" aria-labelledby="cue-title">
                <div aria-live="polite" aria-atomic="true">
                    <p class="cue-count">{move || format!("Card {} of {}", index.get() + 1, count())}</p>
                    <h3 id="cue-title">{move || card().map(|c| format!("{}. {}", c.key.number(), c.title))}</h3>
                    <p class="cue-prompt">{move || card().map(|c| c.prompt)}</p>
                    <p class="cue-reminder">
                        {move || card().map(|c| if c.from_story {
                            view! { <span class="cue-label">"Your words: "</span><q>{c.reminder}</q> }.into_any()
                        } else {
                            view! { <span>{c.reminder}</span> }.into_any()
                        })}
                    </p>
                </div>
            </div>
            <div class="row cue-nav">
                <button type="button" class="big" aria-disabled=move || at_first().then_some("true")
                    on:click=move |_| turn(false)>"Previous"<span class="sr-only">" card"</span></button>
                <button type="button" class="big primary" aria-disabled=move || at_last().then_some("true")
                    on:click=move |_| turn(true)>"Next"<span class="sr-only">" card"</span></button>
            </div>
        </section>
    }
}

// ---------- speaking timer ----------

/// Milliseconds from a monotonic clock where there is one.
fn clock_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or_else(js_sys::Date::now)
}

/// The seconds typed in the "how long" field; anything unreadable counts as none.
fn parse_secs(text: &str) -> u32 {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| v.round().min(36_000.0) as u32)
        .unwrap_or(0)
}

#[component]
fn SpeakingTimer(spoken: RwSignal<String>) -> impl IntoView {
    // Time is read from the clock, not counted in ticks, so a throttled background tab stays right.
    let banked_ms = RwSignal::new(0.0f64);
    let since = RwSignal::new(None::<f64>);
    let now = RwSignal::new(0.0f64);
    let ticker = StoredValue::new(None::<IntervalHandle>);
    let secs = Memo::new(move |_| {
        let running = since.get().map(|s| (now.get() - s).max(0.0)).unwrap_or(0.0);
        ((banked_ms.get() + running) / 1000.0).floor().max(0.0) as u32
    });
    let running = move || since.with(|s| s.is_some());
    let stop_ticker = move || {
        if let Some(h) = ticker.try_update_value(|h| h.take()).flatten() {
            h.clear();
        }
    };
    on_cleanup(stop_ticker);
    let start = move || {
        if since.get_untracked().is_some() {
            return;
        }
        let t = clock_ms();
        now.set(t);
        since.set(Some(t));
        let handle = set_interval_with_handle(
            move || {
                now.try_set(clock_ms());
            },
            Duration::from_millis(250),
        )
        .ok();
        ticker.set_value(handle);
    };
    let pause = move || {
        let Some(s) = since.get_untracked() else {
            return;
        };
        stop_ticker();
        let t = clock_ms();
        banked_ms.update(|b| *b += (t - s).max(0.0));
        now.set(t);
        since.set(None);
        spoken.set(secs.get_untracked().to_string());
    };
    let reset = move || {
        stop_ticker();
        since.set(None);
        banked_ms.set(0.0);
        now.set(0.0);
    };
    let started = move || running() || secs.get() > 0;
    let phase = move || time_verdict(secs.get());
    let phase_class = move || match (started(), phase()) {
        (false, _) => "ready",
        (true, LengthVerdict::Short) => "short",
        (true, LengthVerdict::InBand) => "in-band",
        (true, LengthVerdict::Long) => "long",
    };
    // Changes only at the band's edges and on pause, so a screen reader is not told every second.
    let status = move || {
        let where_ = match (started(), phase()) {
            (false, _) => "Target: 1:30 to 2:30.",
            (true, LengthVerdict::Short) => "Before the band: keep going to at least 1:30.",
            (true, LengthVerdict::InBand) => "In the band: wrap up by 2:30.",
            (true, LengthVerdict::Long) => "Over 2:30: finish your sentence and stop.",
        };
        if !running() && secs.get() > 0 {
            format!("Paused at {}. {where_}", minutes(secs.get()))
        } else {
            where_.to_string()
        }
    };
    view! {
        <section class="practice-part speaking-timer" aria-labelledby="timer-title">
            <h2 id="timer-title">"Speaking timer"</h2>
            <div class=move || format!("timer {}", phase_class())>
                <p class="timer-digits" role="timer" aria-label="Time spoken">{move || clock(secs.get())}</p>
                <div class="band timer-band" aria-hidden="true">
                    <span class="band-zone"></span>
                    <span class="band-marker" style=move || {
                        format!("left: {:.1}%", (f64::from(secs.get()) / 240.0 * 100.0).clamp(0.0, 100.0))
                    }></span>
                </div>
                <p class="band-scale" aria-hidden="true">
                    <span style="left: 0%">"0:00"</span>
                    <span style="left: 37.5%">"1:30"</span>
                    <span style="left: 62.5%">"2:30"</span>
                    <span style="left: 100%">"4:00"</span>
                </p>
                <p class="timer-status" aria-live="polite">{status}</p>
            </div>
            <div class="row timer-buttons">
                <button type="button" class="big primary" on:click=move |_| if running() { pause() } else { start() }>
                    {move || if running() { "Pause" } else if secs.get() > 0 { "Resume" } else { "Start" }}
                    <span class="sr-only">" the timer"</span>
                </button>
                <button type="button" class="big" on:click=move |_| reset()>"Reset"<span class="sr-only">" the timer"</span></button>
            </div>
        </section>
    }
}

// ---------- recording ----------

/// Where the recorder stands.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mic {
    Ready,
    Asking,
    Recording,
    Unsupported,
    Problem(String),
}

/// A recording in progress or just finished, and the callbacks the recorder holds.
struct Recording {
    recorder: web_sys::MediaRecorder,
    stream: web_sys::MediaStream,
    _on_data: Closure<dyn FnMut(web_sys::BlobEvent)>,
    _on_stop: Closure<dyn FnMut(web_sys::Event)>,
}

/// The speech recognizer and its callbacks.
struct Listener {
    recognizer: JsValue,
    _callbacks: Vec<Closure<dyn FnMut(JsValue)>>,
}

thread_local! {
    static RECORDING: RefCell<Option<Recording>> = const { RefCell::new(None) };
    static AUDIO_URL: RefCell<Option<String>> = const { RefCell::new(None) };
    static LISTENER: RefCell<Option<Listener>> = const { RefCell::new(None) };
}

/// Stops the microphone, the recorder and the recognizer and forgets the recording.
/// Handlers are detached first, so that no callback runs after its closure is gone.
fn release_devices() {
    release_recorder();
    replace_audio_url(None);
    abort_listening();
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

/// True when this browser can record from a microphone here (a secure page with MediaRecorder).
fn recording_supported() -> bool {
    let has_recorder = web_sys::window()
        .and_then(|w| js_sys::Reflect::has(&w, &"MediaRecorder".into()).ok())
        .unwrap_or(false);
    has_recorder && media_devices().is_some()
}

const MIC_UNAVAILABLE: &str =
    "This browser cannot record audio on this page. The cue cards and the timer still work.";

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

/// Asks for the microphone and starts recording; the recording becomes `audio` when stopped.
async fn start_recording(
    mic: RwSignal<Mic>,
    audio: RwSignal<Option<String>>,
) -> Result<(), String> {
    release_recorder();
    let devices = media_devices().ok_or_else(|| MIC_UNAVAILABLE.to_string())?;
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::TRUE);
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|e| mic_error(&e))?;
    let stream: web_sys::MediaStream = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| mic_error(&e))?
        .dyn_into()
        .map_err(|_| MIC_UNAVAILABLE.to_string())?;
    // The page may have been left while the browser asked for permission.
    if mic.try_get_untracked().is_none() {
        stop_tracks(&stream);
        return Ok(());
    }
    let recorder = match web_sys::MediaRecorder::new_with_media_stream(&stream) {
        Ok(r) => r,
        Err(_) => {
            stop_tracks(&stream);
            return Err(MIC_UNAVAILABLE.into());
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
        match url {
            Ok(url) => {
                replace_audio_url(Some(url.clone()));
                audio.try_set(Some(url));
                mic.try_set(Mic::Ready);
            }
            Err(_) => {
                mic.try_set(Mic::Problem(
                    "The recording could not be prepared for playback. Press Record to try again."
                        .into(),
                ));
            }
        }
    });
    recorder.set_ondataavailable(Some(on_data.as_ref().unchecked_ref()));
    recorder.set_onstop(Some(on_stop.as_ref().unchecked_ref()));
    if recorder.start().is_err() {
        recorder.set_ondataavailable(None);
        recorder.set_onstop(None);
        stop_tracks(&stream);
        return Err(MIC_UNAVAILABLE.into());
    }
    RECORDING.with(|r| {
        *r.borrow_mut() = Some(Recording {
            recorder,
            stream,
            _on_data: on_data,
            _on_stop: on_stop,
        })
    });
    mic.try_set(Mic::Recording);
    Ok(())
}

/// Asks the recorder to finish; its `stop` event turns the chunks into a playable URL.
fn stop_recording() {
    RECORDING.with(|r| {
        if let Some(rec) = r.borrow().as_ref() {
            let _ = rec.recorder.stop();
        }
    });
}

#[component]
fn Recorder() -> impl IntoView {
    let mic = RwSignal::new(if recording_supported() {
        Mic::Ready
    } else {
        Mic::Unsupported
    });
    let audio = RwSignal::new(None::<String>);
    let record_ref = NodeRef::<leptos::html::Button>::new();
    let recording = move || mic.with(|m| *m == Mic::Recording);
    let asking = move || mic.with(|m| *m == Mic::Asking);
    let on_record = move |_| match mic.get_untracked() {
        Mic::Recording => stop_recording(),
        Mic::Asking | Mic::Unsupported => {}
        Mic::Ready | Mic::Problem(_) => {
            mic.set(Mic::Asking);
            spawn_local(async move {
                if let Err(message) = start_recording(mic, audio).await {
                    mic.try_set(Mic::Problem(message));
                }
            });
        }
    };
    let on_delete = move |_| {
        replace_audio_url(None);
        audio.set(None);
        if let Some(b) = record_ref.get_untracked() {
            let _ = b.focus();
        }
    };
    let status = move || match mic.get() {
        Mic::Ready if audio.with(|a| a.is_some()) => {
            "Your recording is ready: play it below.".to_string()
        }
        Mic::Ready => String::new(),
        Mic::Asking => "Asking the browser for the microphone…".into(),
        Mic::Recording => "Recording. Press Stop when you have finished.".into(),
        Mic::Unsupported => MIC_UNAVAILABLE.into(),
        Mic::Problem(m) => m,
    };
    let trouble = move || mic.with(|m| matches!(m, Mic::Unsupported | Mic::Problem(_)));
    view! {
        <section class="practice-part recorder" aria-labelledby="rec-title">
            <h2 id="rec-title">"Record yourself"</h2>
            <p class="privacy">"Your recording stays in this browser's memory on this device. It is never uploaded and is gone when you leave this page."</p>
            <Show when=move || mic.with(|m| *m != Mic::Unsupported)>
                <div class="row">
                    <button type="button" node_ref=record_ref class="big" class:primary=move || !recording() class:recording=recording
                        aria-disabled=move || asking().then_some("true") on:click=on_record>
                        <span aria-hidden="true">{move || if recording() { "■ " } else { "● " }}</span>
                        {move || if recording() {
                            "Stop recording"
                        } else if audio.with(|a| a.is_some()) {
                            "Record again"
                        } else {
                            "Record"
                        }}
                    </button>
                </div>
            </Show>
            <p class="rec-status" class:problem=trouble role=move || if trouble() { "alert" } else { "status" }>{status}</p>
            {move || audio.get().map(|url| view! {
                <div class="playback">
                    <audio controls src=url aria-label="Your recording"></audio>
                    <button type="button" class="danger" on:click=on_delete>"Delete recording"</button>
                </div>
            })}
        </section>
    }
}

// ---------- speech recognition ----------

/// The browser's speech recognizer constructor, standard or prefixed, if it has one.
fn speech_recognizer() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    ["SpeechRecognition", "webkitSpeechRecognition"]
        .iter()
        .filter_map(|name| js_sys::Reflect::get(&window, &(*name).into()).ok())
        .find_map(|v| v.dyn_into::<js_sys::Function>().ok())
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

fn speech_error(code: &str) -> Option<String> {
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

/// Starts listening; what is heard is added to `transcript` after what it already held.
fn start_listening(
    transcript: RwSignal<String>,
    listening: RwSignal<bool>,
    message: RwSignal<String>,
) -> Result<(), String> {
    abort_listening();
    let unavailable = || "Speech recognition could not start in this browser.".to_string();
    let ctor = speech_recognizer().ok_or_else(unavailable)?;
    let recognizer =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::new()).map_err(|_| unavailable())?;
    let set = |name: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&recognizer, &name.into(), value);
    };
    set("continuous", &JsValue::TRUE);
    set("interimResults", &JsValue::TRUE);
    if let Some(lang) = web_sys::window().and_then(|w| w.navigator().language()) {
        set("lang", &lang.into());
    }
    let before = transcript.get_untracked().trim_end().to_string();
    let on_result = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let heard = heard_text(&ev);
        let text = if before.is_empty() {
            heard
        } else {
            format!("{before} {heard}")
        };
        transcript.try_set(text);
    });
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        let code = js_sys::Reflect::get(&ev, &"error".into())
            .ok()
            .and_then(|c| c.as_string())
            .unwrap_or_default();
        if let Some(m) = speech_error(&code) {
            message.try_set(m);
        }
    });
    let on_end = Closure::<dyn FnMut(JsValue)>::new(move |_: JsValue| {
        listening.try_set(false);
    });
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
fn stop_listening() {
    LISTENER.with(|l| {
        if let Some(listener) = l.borrow().as_ref() {
            let _ = call_method(&listener.recognizer, "stop");
        }
    });
}

/// Stops the recognizer at once, without further callbacks.
fn abort_listening() {
    if let Some(listener) = LISTENER.with(|l| l.borrow_mut().take()) {
        for name in ["onresult", "onerror", "onend"] {
            let _ = js_sys::Reflect::set(&listener.recognizer, &name.into(), &JsValue::NULL);
        }
        let _ = call_method(&listener.recognizer, "abort");
    }
}

// ---------- the transcript and its metrics ----------

#[component]
fn TranscriptCheck(role: Signal<String>, spoken: RwSignal<String>) -> impl IntoView {
    let transcript = RwSignal::new(String::new());
    let listening = RwSignal::new(false);
    let live_on = RwSignal::new(false);
    let live_message = RwSignal::new(String::new());
    let can_listen = speech_recognizer().is_some();
    let report = Memo::new(move |_| {
        let text = transcript.get();
        if text.trim().is_empty() {
            return None;
        }
        let secs = spoken.with(|s| parse_secs(s));
        let r = role.with(|r| practice::report(&text, secs, (!r.is_empty()).then_some(r.as_str())));
        Some((text, r))
    });
    let toggle_listening = move |_| {
        if listening.get_untracked() {
            stop_listening();
            return;
        }
        live_message.set(String::new());
        match start_listening(transcript, listening, live_message) {
            Ok(()) => listening.set(true),
            Err(m) => live_message.set(m),
        }
    };
    view! {
        <section class="practice-part transcript-check" aria-labelledby="check-title">
            <h2 id="check-title">"Check what you said"</h2>
            {can_listen.then(|| view! {
                <div class="live-transcript">
                    <div class="choice">
                        <input type="checkbox" id="live-toggle" aria-describedby="live-note"
                            prop:checked=move || live_on.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                live_on.set(on);
                                if !on {
                                    abort_listening();
                                    listening.set(false);
                                }
                            }/>
                        <label for="live-toggle">"Live transcript"</label>
                        <p class="hint" id="live-note">"In Chrome and Edge, speech recognition sends the audio to the browser maker's servers to turn it into text. Leave this off to keep everything on your device."</p>
                    </div>
                    <Show when=move || live_on.get()>
                        <div class="row">
                            <button type="button" class="big" class:recording=move || listening.get() on:click=toggle_listening>
                                <span aria-hidden="true">{move || if listening.get() { "■ " } else { "● " }}</span>
                                {move || if listening.get() { "Stop listening" } else { "Start listening" }}
                            </button>
                        </div>
                    </Show>
                    <p class="rec-status" aria-live="polite">{move || {
                        let m = live_message.get();
                        if !m.is_empty() { m } else if listening.get() { "Listening: speak your answer. The words appear in the box below.".into() } else { String::new() }
                    }}</p>
                </div>
            })}
            <div class="field">
                <label for="transcript">"What you said"</label>
                <p class="hint" id="transcript-hint">"Type or paste what you said (or use the live transcript). It stays on this device and is not saved with your story."</p>
                <textarea id="transcript" rows="6" aria-describedby="transcript-hint" spellcheck="true"
                    prop:value=move || transcript.get()
                    on:input=move |ev| transcript.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field secs-field">
                <label for="spoken-secs">"How long you spoke, in seconds"</label>
                <p class="hint" id="spoken-secs-hint">"Filled in from the timer when you pause it; change it if you timed yourself another way."</p>
                <input id="spoken-secs" type="number" inputmode="numeric" min="0" max="36000" step="1" aria-describedby="spoken-secs-hint"
                    prop:value=move || spoken.get()
                    on:input=move |ev| spoken.set(event_target_value(&ev))/>
            </div>
            {move || match (listening.get(), report.get()) {
                (true, _) => view! { <p class="muted">"The pace, filler words and keys appear when you stop listening."</p> }.into_any(),
                (false, None) => view! { <p class="muted">"Your pace, filler words and the keys you covered appear here once there is a transcript."</p> }.into_any(),
                (false, Some((text, r))) => view! { <Metrics transcript=text report=r/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Metrics(transcript: String, report: PracticeReport) -> impl IntoView {
    let pace = match report.pace {
        Some(p) => (
            format!("{} words a minute", p.wpm),
            p.verdict.message().to_string(),
            match p.verdict {
                practice::PaceVerdict::Good => "good",
                _ => "off",
            },
        ),
        None => (
            format!("{} words", report.words),
            format!(
                "Enter how long you spoke ({} seconds or more) to see your pace.",
                practice::MIN_PACE_SECS
            ),
            "none",
        ),
    };
    let time = report.time.map(|t| {
        (
            clock(report.seconds),
            t.message(),
            t == LengthVerdict::InBand,
        )
    });
    let time_class = if time.as_ref().is_some_and(|t| t.2) {
        "metric time good"
    } else {
        "metric time off"
    };
    let fillers_total = report.fillers.len();
    let pieces: Vec<(String, bool)> = mark_fillers(&transcript, &report.fillers)
        .into_iter()
        .map(|(t, f)| (t.to_string(), f))
        .collect();
    let met = report.keys_met();
    view! {
        <section class="practice-results" aria-labelledby="results-title">
            <h3 id="results-title">"How it sounded"</h3>
            <dl class="metrics">
                <div class=format!("metric pace {}", pace.2)>
                    <dt>"Pace"</dt>
                    <dd><strong>{pace.0}</strong>" "{pace.1}</dd>
                </div>
                <div class=time_class>
                    <dt>"Time"</dt>
                    <dd>{match time {
                        Some((c, m, _)) => view! { <strong>{c}</strong>" "{m} }.into_any(),
                        None => view! { "Pause the timer or enter how long you spoke." }.into_any(),
                    }}</dd>
                </div>
                <div class="metric fillers">
                    <dt>"Filler words"</dt>
                    <dd>{if fillers_total == 0 {
                        view! { <span class="ok">"✓ None heard."</span> }.into_any()
                    } else {
                        view! {
                            <strong>{if fillers_total == 1 { "1 filler".to_string() } else { format!("{fillers_total} fillers") }}</strong>
                            <ul class="filler-counts">
                                {report.filler_counts.iter().map(|c| view! {
                                    <li><q>{c.filler}</q>{format!(" × {}", c.count)}</li>
                                }).collect_view()}
                            </ul>
                            <details>
                                <summary>"Show where they were"</summary>
                                <p class="marked-transcript">
                                    {pieces.into_iter().map(|(t, f)| if f {
                                        view! { <mark class="warn">{t}</mark> }.into_any()
                                    } else {
                                        view! { <span>{t}</span> }.into_any()
                                    }).collect_view()}
                                </p>
                            </details>
                        }.into_any()
                    }}</dd>
                </div>
                <div class="metric keys">
                    <dt>"The five keys"</dt>
                    <dd>
                        <strong>{format!("{met} of 5 covered")}</strong>
                        <ul class="key-coverage">
                            {report.coverage.iter().map(|c| view! {
                                <li class=if c.met { "covered" } else { "missing" }>
                                    <span aria-hidden="true">{if c.met { "✓ " } else { "○ " }}</span>
                                    <strong>{format!("{}. {}", c.key.number(), c.key.title())}</strong>
                                    <span class="sr-only">{if c.met { ": covered." } else { ": not covered yet." }}</span>
                                    <span class="coverage-status">{c.status.clone()}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    </dd>
                </div>
            </dl>
        </section>
    }
}
