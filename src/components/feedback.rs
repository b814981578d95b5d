//! The coach's feedback for one key: its state, the findings with the user's words quoted, and a
//! read-only preview of the text with those words highlighted. All user text is rendered as text
//! nodes, never as HTML.

use comeback_core::analyzer::{Field, Finding, Report, Severity};
use comeback_core::{Key, Story};
use leptos::prelude::*;

use crate::pages::wizard::Live;
use crate::state::use_app;

/// For each key, whether any of its fields holds text (without copying it, unlike [`fields_of`]).
pub fn texts_present(s: &Story) -> [bool; 5] {
    let any = |texts: &[&String]| texts.iter().any(|t| !t.trim().is_empty());
    [
        any(&[&s.target_role, &s.summary]),
        any(&[&s.context]),
        s.steps
            .iter()
            .any(|st| any(&[&st.action, &st.who, &st.when])),
        any(&[&s.immediate_win, &s.long_term_gain]),
        any(&[&s.lesson, &s.change]),
    ]
}

pub fn fields_of(key: Key, story: &Story) -> Vec<(Field, String, String)> {
    match key {
        Key::Choice => vec![
            (Field::Role, "Target role".into(), story.target_role.clone()),
            (
                Field::Summary,
                "The failure in one sentence".into(),
                story.summary.clone(),
            ),
        ],
        Key::Numbers => vec![(Field::Context, "The context".into(), story.context.clone())],
        Key::Turnaround => story
            .steps
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                [
                    (
                        Field::StepAction(i),
                        format!("Step {}: what you did", i + 1),
                        s.action.clone(),
                    ),
                    (
                        Field::StepWho(i),
                        format!("Step {}: who", i + 1),
                        s.who.clone(),
                    ),
                    (
                        Field::StepWhen(i),
                        format!("Step {}: when", i + 1),
                        s.when.clone(),
                    ),
                ]
            })
            .collect(),
        Key::Improvement => vec![
            (
                Field::ImmediateWin,
                "Immediate win".into(),
                story.immediate_win.clone(),
            ),
            (
                Field::LongTermGain,
                "Long-term gain".into(),
                story.long_term_gain.clone(),
            ),
        ],
        Key::Growth => vec![
            (Field::Lesson, "The lesson".into(), story.lesson.clone()),
            (
                Field::Change,
                "What you do differently now".into(),
                story.change.clone(),
            ),
        ],
    }
}

/// The words of `text` split into plain and highlighted runs, from byte spans.
/// Overlapping or out-of-range spans are merged or ignored, never trusted blindly.
pub fn highlight_runs(
    text: &str,
    spans: &[(usize, usize, Severity)],
) -> Vec<(String, Option<Severity>)> {
    let mut spans: Vec<(usize, usize, Severity)> = spans
        .iter()
        .copied()
        .filter(|(s, e, _)| {
            s < e && *e <= text.len() && text.is_char_boundary(*s) && text.is_char_boundary(*e)
        })
        .collect();
    spans.sort_by_key(|(s, _, _)| *s);
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e, sev) in spans {
        let s = s.max(at);
        if s >= e {
            continue;
        }
        if s > at {
            out.push((text[at..s].to_string(), None));
        }
        out.push((text[s..e].to_string(), Some(sev)));
        at = e;
    }
    if at < text.len() {
        out.push((text[at..].to_string(), None));
    }
    out
}

fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Problem => "Problem",
        Severity::Warn => "Check",
        Severity::Info => "Tip",
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Problem => "problem",
        Severity::Warn => "warn",
        Severity::Info => "info",
    }
}

/// The findings to show under a key, red flags included for key 1, without duplicates.
pub fn findings_for(key: Key, report: &Report) -> Vec<Finding> {
    let mut out: Vec<Finding> = report.key(key).findings.clone();
    let extra = report
        .prose
        .iter()
        .chain(report.red_flags.iter().flat_map(|r| r.evidence.iter()))
        .filter(|f| f.key == key);
    for f in extra {
        if !out.iter().any(|o| o.rule == f.rule && o.quote == f.quote) {
            out.push(f.clone());
        }
    }
    out.sort_by_key(|f| match f.severity {
        Severity::Problem => 0,
        Severity::Warn => 1,
        Severity::Info => 2,
    });
    out
}

/// The feedback panel under a step's fields.
#[component]
pub fn KeyFeedback(
    id: String,
    key: Key,
    story: Signal<Option<Story>>,
    live: Live,
) -> impl IntoView {
    let app = use_app();
    let report = live.report;
    let met = Memo::new(move |_| report.with(|r| r.as_ref().map(|r| r.key(key).met)));
    // Announce only when the verdict changes, never on every keystroke.
    let announcement = RwSignal::new(String::new());
    Effect::new(move |prev: Option<Option<bool>>| {
        let now = met.get();
        if let Some(prev) = prev {
            if prev.is_some() && now.is_some() && prev != now {
                announcement.set(if now == Some(true) {
                    format!("Key {} is now met.", key.number())
                } else {
                    format!("Key {} needs work again.", key.number())
                });
            }
        }
        now
    });
    let status = move || {
        report.with(|r| match r {
            None => ("pending", "Checking…".to_string()),
            Some(r) => {
                let v = r.key(key);
                if v.met {
                    ("met", format!("✓ {}", v.status))
                } else {
                    ("needs-work", format!("! {}", v.status))
                }
            }
        })
    };
    // Split once per report: evidence ("what already counts") and to-dos, shared by the list and
    // the preview.
    let split = Memo::new(move |_| {
        let all = report.with(|r| r.as_ref().map(|r| findings_for(key, r)).unwrap_or_default());
        let (evidence, todo): (Vec<Finding>, Vec<Finding>) =
            all.into_iter().partition(Finding::is_evidence);
        (todo, evidence)
    });
    let findings = move || split.with(|s| s.0.clone());
    let evidence = move || split.with(|s| s.1.clone());
    let todos = Signal::derive(findings);
    let id_dismiss = id.clone();
    let dismissed = Memo::new(move |_| story.with(|s| s.as_ref().map_or(0, |s| s.dismissed.len())));
    let id_restore = id.clone();
    view! {
        <section class="feedback" aria-labelledby=format!("fb-title-{}", key.number())>
            <h2 id=format!("fb-title-{}", key.number()) class="fb-title">"Coach"</h2>
            <p class="sr-only" aria-live="polite">{move || announcement.get()}</p>
            <p class=move || format!("key-status {}", status().0)>{move || status().1}</p>
            <ul class="findings">
                <For each=findings key=|f| (f.rule.clone(), f.quote.clone(), f.message.clone()) let:f>
                    {
                        let rule = f.rule.clone();
                        let id = id_dismiss.clone();
                        let can_dismiss = f.severity != Severity::Problem;
                        view! {
                            <li class=format!("finding {}", severity_class(f.severity))>
                                <p class="finding-head">
                                    <span class="badge">{severity_label(f.severity)}</span>
                                    <span class="finding-msg">{f.message.clone()}</span>
                                </p>
                                {(!f.quote.is_empty()).then(|| view! {
                                    <p class="quote"><span class="sr-only">"Your words: "</span><q>{f.quote.clone()}</q></p>
                                })}
                                {can_dismiss.then(|| view! {
                                    <button type="button" class="quiet small" on:click=move |_| {
                                        let rule = rule.clone();
                                        app.edit(&id, move |s| if !s.dismissed.contains(&rule) { s.dismissed.push(rule) });
                                    }>"Keep it as it is"<span class="sr-only">{format!(" (hide: {})", f.message)}</span></button>
                                })}
                            </li>
                        }
                    }
                </For>
            </ul>
            <Show when=move || !evidence().is_empty()>
                <h3 class="fb-sub">"What already counts"</h3>
                <ul class="evidence">
                    <For each=evidence key=|f| (f.rule.clone(), f.quote.clone()) let:f>
                        <li>
                            <span aria-hidden="true">"✓ "</span>{f.message.clone()}
                            {(!f.quote.is_empty()).then(|| view! { " " <q>{f.quote.clone()}</q> })}
                        </li>
                    </For>
                </ul>
            </Show>
            <Show when=move || dismissed.get() != 0>
                {
                    let id = id_restore.clone();
                    view! {
                        <p class="muted small">
                            {move || format!("{} finding(s) hidden for this story. ", dismissed.get())}
                            <button type="button" class="link" on:click=move |_| app.edit(&id, |s| s.dismissed.clear())>"Show them again"</button>
                        </p>
                    }
                }
            </Show>
            <Preview id=id.clone() key=key live=live todos=todos/>
        </section>
    }
}

/// The user's text for this key with the quoted words highlighted. Closed by default, and only
/// rendered while open: re-laying out a long text on every keystroke would slow typing down.
#[component]
fn Preview(id: String, key: Key, live: Live, todos: Signal<Vec<Finding>>) -> impl IntoView {
    let app = use_app();
    let open = RwSignal::new(false);
    let blocks = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        // While open, follow every analysis (so every key press), reading the text as it is now.
        live.revision.track();
        let Some(story) = app.with_story(&id, |s| s.cloned()) else {
            return Vec::new();
        };
        let spans: Vec<(Field, usize, usize, Severity)> = todos.with(|t| {
            t.iter()
                .filter_map(|f| {
                    f.span
                        .as_ref()
                        .map(|s| (s.field, s.start, s.end, f.severity))
                })
                .collect()
        });
        fields_of(key, &story)
            .into_iter()
            .filter(|(_, _, text)| !text.trim().is_empty())
            .map(|(field, label, text)| {
                let mine: Vec<(usize, usize, Severity)> = spans
                    .iter()
                    .filter(|(f, ..)| *f == field)
                    .map(|(_, s, e, sev)| (*s, *e, *sev))
                    .collect();
                (label, highlight_runs(&text, &mine))
            })
            .collect::<Vec<_>>()
    });
    let has_text = move || live.has_text.with(|t| t[key.number() - 1]);
    view! {
        <Show when=has_text>
            <details class="preview" prop:open=move || open.get_untracked()
                on:toggle=move |ev| {
                    use wasm_bindgen::JsCast;
                    let is_open = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open());
                    open.set(is_open);
                }>
                <summary>"Show my words with what the coach noticed highlighted"</summary>
                <For each=move || blocks.get().into_iter().enumerate() key=|b| b.clone() let:b>
                    <div class="preview-block">
                        <p class="preview-label">{b.1.0.clone()}</p>
                        <p class="preview-text">
                            {b.1.1.into_iter().map(|(t, sev)| match sev {
                                Some(s) => view! { <mark class=severity_class(s)>{t}</mark> }.into_any(),
                                None => view! { <span>{t}</span> }.into_any(),
                            }).collect_view()}
                        </p>
                    </div>
                </For>
            </details>
        </Show>
    }
}
