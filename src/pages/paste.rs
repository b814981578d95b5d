//! Paste a whole answer: see it split into the five parts with the same feedback, and turn it
//! into a story with one action.

use comeback_core::analyzer::{analyze_answer_for_ad, story_from_answer, AnswerPart, Report};
use leptos::prelude::*;

use crate::components::report::{AdReading, FullReport, LengthMeter};
use crate::later::Later;
use crate::live::LIVE_LIMIT_BYTES;
use crate::route::{go, Route};
use crate::state::{new_id, now_ms, use_app};

/// A name for each part, shown beside its sentences.
pub fn part_label(p: AnswerPart) -> &'static str {
    match p {
        AnswerPart::Failure => "The failure (key 1)",
        AnswerPart::Context => "Context (key 2)",
        AnswerPart::Recovery => "Turnaround (key 3)",
        AnswerPart::Immediate => "Immediate win (key 4)",
        AnswerPart::LongTerm => "Long-term gain (key 4)",
        AnswerPart::Lesson => "Lesson (key 5)",
        AnswerPart::Change => "What changed (key 5)",
        AnswerPart::Other => "Fits no part",
    }
}

fn part_class(p: AnswerPart) -> &'static str {
    match p {
        AnswerPart::Failure => "p-failure",
        AnswerPart::Context => "p-context",
        AnswerPart::Recovery => "p-recovery",
        AnswerPart::Immediate | AnswerPart::LongTerm => "p-improve",
        AnswerPart::Lesson | AnswerPart::Change => "p-growth",
        AnswerPart::Other => "p-other",
    }
}

/// The paste page.
#[component]
pub fn Paste() -> impl IntoView {
    let app = use_app();
    crate::state::remember_route(&Route::Paste);
    // What was typed here before is kept on the device until it becomes a story: leaving the page
    // loses nothing.
    let draft = crate::storage::paste_draft().unwrap_or_default();
    let text = RwSignal::new(draft.text);
    let role = RwSignal::new(draft.role);
    let ad = RwSignal::new(draft.ad);
    let not_kept = RwSignal::new(None::<String>);
    let keep = move || {
        let draft = crate::storage::PasteDraft {
            role: role.get_untracked(),
            ad: ad.get_untracked(),
            text: text.get_untracked(),
        };
        let failed = crate::storage::keep_paste_draft(&draft)
            .err()
            .map(|e| e.message());
        if not_kept.get_untracked() != failed {
            not_kept.set(failed);
        }
    };
    let report = RwSignal::new(None::<Report>);
    let later = Later::new();
    Effect::new(move |_| {
        let t = text.get();
        let r = role.get();
        let a = ad.get();
        later.cancel();
        if t.trim().is_empty() {
            report.set(None);
            return;
        }
        let run = move || {
            let role = if r.trim().is_empty() {
                None
            } else {
                Some(r.as_str())
            };
            report.set(Some(analyze_answer_for_ad(&t, role, &a)));
        };
        if text.with_untracked(|t| t.len()) + ad.with_untracked(|a| a.len()) <= LIVE_LIMIT_BYTES {
            run();
        } else {
            // Past the limit, analysis waits for a pause in typing (never after the page is left).
            later.after(std::time::Duration::from_millis(400), run);
        }
    });
    let words = Signal::derive(move || report.with(|r| r.as_ref().map(|r| r.words).unwrap_or(0)));
    // The same words as the field on step 1.
    let ad_guide = comeback_core::guide::field_guide(comeback_core::story::Field::JobAd);
    let make_story = move |_| {
        let t = text.get_untracked();
        if t.trim().is_empty() {
            return;
        }
        let r = role.get_untracked();
        let mut story = story_from_answer(
            &t,
            if r.trim().is_empty() {
                None
            } else {
                Some(r.as_str())
            },
        );
        story.job_ad = ad.get_untracked();
        let now = now_ms();
        story.id = new_id();
        story.created_ms = now;
        story.updated_ms = now;
        if story.title.trim().is_empty() {
            story.title = "Pasted answer".into();
        }
        if let Some(id) = app.add(story) {
            crate::storage::clear_paste_draft();
            go(&Route::Review(id));
        }
    };
    view! {
        <section class="page paste" aria-labelledby="paste-title">
            <nav class="back" aria-label="Back">
                <a class="button quiet" href=Route::Home.href()><span aria-hidden="true">"← "</span>"Back to your stories"</a>
            </nav>
            <h1 id="paste-title">"Check an answer you already have"</h1>
            <p>"Paste an answer written anywhere. Comeback finds the five parts, checks each one, and can turn it into a story you can edit step by step. It stays on this device, and is still here if you leave this page and come back."</p>
            <div class="field">
                <label for="paste-role">"Target role (optional)"</label>
                <input id="paste-role" type="text" list="paste-roles" autocomplete="off" prop:value=move || role.get()
                    on:input=move |ev| { role.set(event_target_value(&ev)); keep(); }/>
                <datalist id="paste-roles">
                    {comeback_core::guide::ROLE_SUGGESTIONS.iter().map(|r| view! { <option value=*r></option> }).collect_view()}
                </datalist>
            </div>
            <div class="field">
                <label for="paste-ad">{ad_guide.map(|g| g.label)}</label>
                <p class="hint" id="paste-ad-hint">{ad_guide.map(|g| g.hint)}</p>
                <textarea id="paste-ad" rows="3" style="--rows: 3" aria-describedby="paste-ad-hint"
                    placeholder=ad_guide.map(|g| g.placeholder) prop:value=move || ad.get()
                    on:input=move |ev| { ad.set(event_target_value(&ev)); keep(); }></textarea>
                <AdReading report=report.into()/>
            </div>
            <div class="field">
                <label for="paste-text">"Your answer"</label>
                <p class="hint" id="paste-text-hint">"The whole answer, as you would say it: the failure, the numbers, what you did, the result and the lesson."</p>
                <textarea id="paste-text" rows="10" style="--rows: 8" aria-describedby="paste-text-hint"
                    placeholder="Paste or type your answer here" prop:value=move || text.get()
                    on:input=move |ev| { text.set(event_target_value(&ev)); keep(); }></textarea>
            </div>
            {move || not_kept.get().map(|why| view! {
                <p class="notice-line" role="alert">{format!("Not kept on this device: {why}")}</p>
            })}
            <Show when=move || report.with(|r| r.is_some())>
                <LengthMeter words=words/>
                <div class="row">
                    <button type="button" class="primary" on:click=make_story>"Turn it into a story"</button>
                </div>
                <section class="segments" aria-labelledby="parts-title">
                    <h2 id="parts-title">"The parts Comeback found"</h2>
                    <ol class="segment-list">
                        {move || report.with(|r| r.as_ref().map(|r| r.segments.iter().map(|s| view! {
                            <li class=format!("segment {}", part_class(s.part))>
                                <span class="segment-label">{part_label(s.part)}</span>
                                <span class="segment-text">{s.text.clone()}</span>
                            </li>
                        }).collect_view()))}
                    </ol>
                </section>
                <FullReport id=None report=report.into()/>
            </Show>
        </section>
    }
}
