//! The Practice page: say a story out loud with cue cards, a speaking timer, a recording kept in
//! this page's memory, and a transcript (typed, pasted, or from the browser's speech recognition)
//! checked for pace, filler words, time and the five keys by `comeback_core::practice`.
//!
//! Nothing here is sent anywhere by the app: the recording is a `blob:` URL released when the page
//! goes. Speech recognition belongs to the browser (Chrome and Edge send the audio to their maker's
//! servers), so it stays off until the user turns it on, next to a note that says so. The browser
//! objects themselves live in `media.rs` and `speech.rs`; this page lets go of them when it goes.

use std::time::Duration;

use comeback_core::practice::{
    self, cue_cards, mark_fillers, time_verdict, PracticeReport, Stopwatch,
};
use comeback_core::story::{
    band_position, band_text, format_time, LengthVerdict, TimeStyle, BAND_SCALE_SECS, BAND_SECS,
};
use comeback_core::{Key, Story};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::missing::MissingStory;
use crate::later::Later;
use crate::route::Route;
use crate::state::{display_title, remember_route, use_app};
use crate::{media, speech};

/// The practice page of one story.
#[component]
pub fn Practice(id: String) -> impl IntoView {
    let app = use_app();
    remember_route(&Route::Practice(id.clone()));
    let story = app.story_signal(&id);
    on_cleanup(|| {
        media::release();
        speech::abort();
    });
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
    let timer = Timer::new(spoken);
    view! {
        <div class="practice">
            <p class="story-title muted">{title}</p>
            <header class="step-head">
                <p class="eyebrow">"Practice"</p>
                <h1 id="step-title" tabindex="-1">"Practise out loud"</h1>
                <p class="explain">{format!("Say your answer as you would in the interview: glance at a card, speak, watch the clock. Aim for {}.", band_text())}</p>
            </header>
            <CueCards story=story/>
            <SpeakingTimer timer=timer/>
            <Recorder timer=timer/>
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

/// The speaking timer's state, shared by its own buttons and the recorder (recording runs the
/// timer). The time comes from the core's `Stopwatch`; a ticker only refreshes what is shown.
#[derive(Clone, Copy)]
struct Timer {
    watch: RwSignal<Stopwatch>,
    now: RwSignal<f64>,
    ticker: Later,
    /// What the "how long you spoke" field holds; pausing fills it in.
    spoken: RwSignal<String>,
}

impl Timer {
    fn new(spoken: RwSignal<String>) -> Timer {
        Timer {
            watch: RwSignal::new(Stopwatch::default()),
            now: RwSignal::new(0.0),
            ticker: Later::new(),
            spoken,
        }
    }

    fn running(self) -> bool {
        self.watch.with(Stopwatch::running)
    }

    fn secs(self) -> u32 {
        let now = self.now.get();
        self.watch.with(|w| w.seconds(now))
    }

    fn start(self) {
        let t = clock_ms();
        if self.watch.try_update(|w| w.start(t)) != Some(true) {
            return;
        }
        self.now.set(t);
        let now = self.now;
        self.ticker.every(Duration::from_millis(250), move || {
            now.try_set(clock_ms());
        });
    }

    fn pause(self) {
        let t = clock_ms();
        self.ticker.cancel();
        if self.watch.try_update(|w| w.pause(t)) != Some(true) {
            return;
        }
        self.now.set(t);
        self.spoken
            .set(self.watch.with_untracked(|w| w.seconds(t)).to_string());
    }

    fn reset(self) {
        self.ticker.cancel();
        self.watch.update(Stopwatch::reset);
        self.now.set(0.0);
    }
}

#[component]
fn SpeakingTimer(timer: Timer) -> impl IntoView {
    let secs = Memo::new(move |_| timer.secs());
    let running = move || timer.running();
    let start = move || timer.start();
    let pause = move || timer.pause();
    let reset = move || timer.reset();
    let started = move || running() || secs.get() > 0;
    let verdict = move || started().then(|| time_verdict(secs.get()));
    let phase_class = move || match verdict() {
        None => "ready",
        Some(LengthVerdict::Short) => "short",
        Some(LengthVerdict::InBand) => "in-band",
        Some(LengthVerdict::Long) => "long",
    };
    // Changes only at the band's edges and on pause, so a screen reader is not told every second.
    let status = move || {
        let where_ = practice::timer_status(verdict());
        if !running() && secs.get() > 0 {
            format!(
                "Paused at {}. {where_}",
                format_time(secs.get(), TimeStyle::Words)
            )
        } else {
            where_
        }
    };
    // The scale under the band: its ends and the band's edges.
    let marks = [0, BAND_SECS.0, BAND_SECS.1, BAND_SCALE_SECS].map(|s| {
        (
            format!("left: {}%", band_position(f64::from(s))),
            format_time(s, TimeStyle::Short),
        )
    });
    view! {
        <section class="practice-part speaking-timer" aria-labelledby="timer-title">
            <h2 id="timer-title">"Speaking timer"</h2>
            <div class=move || format!("timer {}", phase_class())>
                <p class="timer-digits" role="timer" aria-label="Time spoken">{move || format_time(secs.get(), TimeStyle::Timer)}</p>
                <div class="band timer-band" aria-hidden="true">
                    <span class="band-zone"></span>
                    <span class="band-marker" style=move || format!("left: {:.1}%", band_position(f64::from(secs.get())))></span>
                </div>
                <p class="band-scale" aria-hidden="true">
                    {marks.into_iter().map(|(style, text)| view! { <span style=style>{text}</span> }).collect_view()}
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

/// Records the user; recording runs the speaking timer, and stopping pauses it.
#[component]
fn Recorder(timer: Timer) -> impl IntoView {
    let mic = RwSignal::new(if media::supported() {
        Mic::Ready
    } else {
        Mic::Unsupported
    });
    let audio = RwSignal::new(None::<String>);
    let record_ref = NodeRef::<leptos::html::Button>::new();
    let recording = move || mic.with(|m| *m == Mic::Recording);
    let asking = move || mic.with(|m| *m == Mic::Asking);
    let on_record = move |_| match mic.get_untracked() {
        Mic::Recording => {
            media::stop();
            timer.pause();
        }
        Mic::Asking | Mic::Unsupported => {}
        Mic::Ready | Mic::Problem(_) => {
            mic.set(Mic::Asking);
            spawn_local(async move {
                // The page may have been left while the browser asked for permission.
                let wanted = move || mic.try_get_untracked().is_some();
                let done = move |recorded: Result<String, String>| match recorded {
                    Ok(url) => {
                        audio.try_set(Some(url));
                        mic.try_set(Mic::Ready);
                    }
                    Err(message) => {
                        mic.try_set(Mic::Problem(message));
                    }
                };
                match media::start(wanted, done).await {
                    Ok(true) => {
                        if mic.try_set(Mic::Recording).is_none() {
                            timer.start();
                        }
                    }
                    Ok(false) => {}
                    Err(message) => {
                        mic.try_set(Mic::Problem(message));
                    }
                }
            });
        }
    };
    let on_delete = move |_| {
        media::forget_recording();
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
        Mic::Unsupported => media::UNAVAILABLE.into(),
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

#[component]
fn TranscriptCheck(role: Signal<String>, spoken: RwSignal<String>) -> impl IntoView {
    let transcript = RwSignal::new(String::new());
    let listening = RwSignal::new(false);
    let live_on = RwSignal::new(false);
    let live_message = RwSignal::new(String::new());
    let can_listen = speech::available();
    let report = Memo::new(move |_| {
        let text = transcript.get();
        if text.trim().is_empty() {
            return None;
        }
        let secs = spoken.with(|s| practice::seconds_typed(s));
        let r = role.with(|r| practice::report(&text, secs, (!r.is_empty()).then_some(r.as_str())));
        Some((text, r))
    });
    let toggle_listening = move |_| {
        if listening.get_untracked() {
            speech::stop();
            return;
        }
        live_message.set(String::new());
        // What is heard is added after what the transcript already held.
        let before = transcript.get_untracked().trim_end().to_string();
        let heard = move |heard: String| {
            transcript.try_set(if before.is_empty() {
                heard
            } else {
                format!("{before} {heard}")
            });
        };
        let failed = move |m: String| {
            live_message.try_set(m);
        };
        let ended = move || {
            listening.try_set(false);
        };
        match speech::start(heard, failed, ended) {
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
                                    speech::abort();
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
                <textarea id="transcript" rows="6" style="--rows: 6" aria-describedby="transcript-hint" spellcheck="true"
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
            format_time(report.seconds, TimeStyle::Timer),
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
