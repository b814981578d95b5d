//! The Review page: the answer as one text to read aloud, its length, and the coach's full report.

use comeback_core::analyzer::{group_findings, Report};
use comeback_core::story::{length_verdict, speaking_time, word_count, LengthVerdict};
use comeback_core::{Key, Story};
use leptos::prelude::*;

use crate::components::feedback::Quotes;
use crate::components::steps::{key_states, Current, KeyState, StepIndicator};
use crate::files;
use crate::pages::bank::export_one;
use crate::pages::wizard::{use_live, MissingStory};
use crate::route::Route;
use crate::state::{display_title, remember_route, use_app};

/// "1 min 45 s".
pub fn minutes(secs: u32) -> String {
    let (m, s) = (secs / 60, secs % 60);
    match (m, s) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// The review page of one story.
#[component]
pub fn Review(id: String) -> impl IntoView {
    let app = use_app();
    remember_route(&Route::Review(id.clone()));
    app.set_last_step(&id, 5);
    let story = app.story_signal(&id);
    let report = use_live(&id, story).report;
    view! {
        <Show when=move || story.with(|s| s.is_some()) fallback=|| view! { <MissingStory/> }>
            <ReviewPage id=id.clone() story=story report=report/>
        </Show>
    }
}

#[component]
fn ReviewPage(
    id: String,
    story: Signal<Option<Story>>,
    report: Signal<Option<Report>>,
) -> impl IntoView {
    // A memo: the indicator only re-renders when a key's state really changes.
    let states: Signal<[KeyState; 5]> = Memo::new(move |_| {
        let filled = story.with(|s| s.as_ref().map(|s| s.filled_keys()).unwrap_or([false; 5]));
        report.with(|r| key_states(filled, r.as_ref()))
    })
    .into();
    let answer =
        Memo::new(move |_| story.with(|s| s.as_ref().map(|s| s.assemble()).unwrap_or_default()));
    let words = Memo::new(move |_| answer.with(|a| word_count(a)));
    let copied = RwSignal::new(None::<bool>);
    let title = move || story.with(|s| s.as_ref().map(display_title).unwrap_or_default());
    let stem = move || files::file_stem(&title());
    view! {
        <div class="wizard review">
            <p class="story-title muted">{title}</p>
            <StepIndicator id=id.clone() current=Current::Review states=states/>
            <article class="step">
                <header class="step-head">
                    <p class="eyebrow">"Review"</p>
                    <h1 id="step-title" tabindex="-1">"Your answer, ready to say out loud"</h1>
                </header>
                <LengthMeter words=words.into()/>
                <Show when=move || !answer.with(|a| a.trim().is_empty())
                    fallback=move || view! { <p class="empty-answer">"Nothing written yet. Start with key 1."</p> }>
                    <div class="answer" aria-label="Your assembled answer">
                        {move || answer.get().split("\n\n").map(|p| view! { <p>{p.to_string()}</p> }).collect_view()}
                    </div>
                </Show>
                <div class="row no-print">
                    <button type="button" class="primary" on:click=move |_| {
                        files::copy_text(answer.get_untracked(), move |ok| { copied.try_set(Some(ok)); });
                    }>"Copy the answer"</button>
                    <button type="button" on:click=move |_| {
                        if let Some(s) = story.get_untracked() { files::download(&format!("{}.txt", stem()), "text/plain", &s.to_text()); }
                    }>"Download .txt"</button>
                    <button type="button" on:click=move |_| {
                        if let Some(s) = story.get_untracked() { files::download(&format!("{}.md", stem()), "text/markdown", &s.to_markdown()); }
                    }>"Download .md"</button>
                    <button type="button" on:click=move |_| {
                        if let Some(s) = story.get_untracked() { export_one(&s); }
                    }>"Export (to import elsewhere)"</button>
                    <button type="button" on:click=move |_| { if let Some(w) = web_sys::window() { let _ = w.print(); } }>"Print"</button>
                    <a class="button" href=Route::Practice(id.clone()).href()>"Practise out loud"</a>
                </div>
                <p class="muted" aria-live="polite">{move || match copied.get() {
                    Some(true) => "Copied to the clipboard.",
                    Some(false) => "The browser did not allow copying. Select the text above and copy it by hand.",
                    None => "",
                }}</p>
                <UnsortedNotes id=id.clone() story=story/>
                <FullReport id=Some(id.clone()) report=report/>
            </article>
        </div>
    }
}

/// The answer's length against the 1.5 to 2.5 minute band.
#[component]
pub fn LengthMeter(words: Signal<usize>) -> impl IntoView {
    let info = move || {
        let w = words.get();
        let (fast, slow) = speaking_time(w);
        let verdict = length_verdict(w);
        let (class, text) = match verdict {
            LengthVerdict::Short => ("short", "Shorter than the 1.5 to 2.5 minute sweet spot: add detail where the coach asks for it."),
            LengthVerdict::InBand => ("in-band", "Inside the 1.5 to 2.5 minute sweet spot."),
            LengthVerdict::Long => ("long", "Longer than 2.5 minutes: interviewers drift. Trim the context first."),
        };
        (w, fast, slow, class, text)
    };
    view! {
        <div class=move || format!("length {}", info().3)>
            <p class="length-figures">
                <strong>{move || format!("{} words", info().0)}</strong>
                " · about "
                <strong>{move || format!("{} to {}", minutes(info().1), minutes(info().2))}</strong>
                " spoken (at 160 to 130 words a minute)"
            </p>
            <div class="band" aria-hidden="true">
                <span class="band-zone"></span>
                <span class="band-marker" style=move || {
                    let mid = (info().1 + info().2) as f64 / 2.0;
                    format!("left: {:.1}%", (mid / 240.0 * 100.0).clamp(0.0, 100.0))
                }></span>
            </div>
            <p>{move || info().4}</p>
        </div>
    }
}

/// All five keys, red flags, the interviewer's view and likely follow-up questions.
#[component]
pub fn FullReport(id: Option<String>, report: Signal<Option<Report>>) -> impl IntoView {
    view! {
        {move || report.get().map(|r| {
            let id = id.clone();
            view! {
                <section class="report" aria-labelledby="report-title">
                    <h2 id="report-title">"How it measures up"</h2>
                    <ul class="key-verdicts">
                        {Key::ALL.iter().map(|k| {
                            let v = r.key(*k);
                            let findings = group_findings(&r.findings_for(*k));
                            let href = id.as_ref().map(|id| Route::Step(id.clone(), *k).href());
                            view! {
                                <li class=if v.met { "verdict met" } else { "verdict needs-work" }>
                                    <p class="verdict-head">
                                        <span aria-hidden="true">{if v.met { "✓ " } else { "! " }}</span>
                                        <strong>{format!("{}. {}", k.number(), k.title())}</strong>
                                        {if v.met { ": met" } else { ": needs work" }}
                                    </p>
                                    <p>{v.status.clone()}</p>
                                    {(!findings.is_empty()).then(|| view! {
                                        <ul class="mini-findings">
                                            {findings.into_iter().take(4).map(|g| view! {
                                                <li>{g.finding.message.clone()}{(!g.quotes.is_empty()).then(|| view! { " " <Quotes quotes=g.quotes/> })}</li>
                                            }).collect_view()}
                                        </ul>
                                    })}
                                    {href.map(|h| view! { <a href=h>{format!("Edit key {}", k.number())}</a> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <h3>"Red flags"</h3>
                    {if r.red_flags.is_empty() {
                        view! { <p class="ok">"✓ None found."</p> }.into_any()
                    } else {
                        view! {
                            <ul class="red-flags">
                                {r.red_flags.iter().map(|f| view! {
                                    <li>
                                        <strong>{format!("⚠ {}", f.label)}</strong>
                                        <ul>
                                            {group_findings(&f.evidence).into_iter().map(|g| view! {
                                                <li>{g.finding.message.clone()}{(!g.quotes.is_empty()).then(|| view! { " " <Quotes quotes=g.quotes/> })}</li>
                                            }).collect_view()}
                                        </ul>
                                    </li>
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                    <h3>"What the interviewer will look for"</h3>
                    <ul class="signals">
                        {r.interviewer_view.iter().map(|s| view! {
                            <li class=if s.found { "signal found" } else { "signal missing" }>
                                <span aria-hidden="true">{if s.found { "✓ " } else { "○ " }}</span>
                                <strong>{s.name.clone()}</strong>
                                {if s.found { ": evidence found" } else { ": no evidence yet" }}
                                {(!s.evidence.is_empty()).then(|| view! {
                                    <span class="muted">" ("{s.evidence.iter().take(2).map(|e| format!("\u{201c}{e}\u{201d}")).collect::<Vec<_>>().join(", ")}")"</span>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                    <h3>"Questions you are likely to get next"</h3>
                    {if r.follow_ups.is_empty() {
                        view! { <p class="muted">"No obvious gaps for a follow-up question."</p> }.into_any()
                    } else {
                        view! { <ol class="follow-ups">{r.follow_ups.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ol> }.into_any()
                    }}
                    {(!r.prose.is_empty()).then(|| view! {
                        <h3>"Wording"</h3>
                        <ul class="mini-findings">
                            {group_findings(&r.prose).into_iter().take(8).map(|g| view! {
                                <li>{g.finding.message.clone()}{(!g.quotes.is_empty()).then(|| view! { " " <Quotes quotes=g.quotes/> })}</li>
                            }).collect_view()}
                        </ul>
                    })}
                </section>
            }
        })}
    }
}

/// Text from a pasted answer that fitted no part, kept visible and editable so nothing is lost.
#[component]
fn UnsortedNotes(id: String, story: Signal<Option<Story>>) -> impl IntoView {
    let app = use_app();
    let has = move || story.with(|s| s.as_ref().is_some_and(|s| !s.unsorted.trim().is_empty()));
    view! {
        <Show when=has>
            {
                let id = id.clone();
                view! {
                    <div class="field unsorted">
                        <label for="unsorted">"Notes that fitted no part"</label>
                        <p class="hint" id="unsorted-hint">"From the answer you pasted. Move each sentence into the step where it belongs, or delete it. It is not part of the answer above."</p>
                        <textarea id="unsorted" rows="4" aria-describedby="unsorted-hint"
                            prop:value=move || story.with(|s| s.as_ref().map(|s| s.unsorted.clone()).unwrap_or_default())
                            on:input=move |ev| { let v = event_target_value(&ev); app.edit(&id, move |s| s.unsorted = v); }></textarea>
                    </div>
                }
            }
        </Show>
    }
}
