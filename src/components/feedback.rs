//! The coach's feedback for one key: its state, the findings with the user's words quoted, and a
//! read-only preview of the text with those words highlighted. All user text is rendered as text
//! nodes, never as HTML.

use comeback_core::analyzer::{group_findings, Field, Finding, GroupedFinding, Severity};
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

/// A key's findings, split for the feedback panel.
#[derive(Debug, Clone, PartialEq)]
struct Split {
    /// The to-dos as listed: one row per piece of advice.
    shown: Vec<GroupedFinding>,
    /// What already counts, one row per piece of evidence.
    evidence: Vec<GroupedFinding>,
}

/// A message without its digits: "This sentence has 42 words…" keeps its row while the count
/// changes with every word typed, and only the text of the row changes.
fn message_shape(message: &str) -> String {
    message.chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// The identity of a listed row: its rule, the shape of its message, and its place among the
/// rows that share both (two long sentences give two rows of the same shape).
type RowKey = (String, String, usize);

fn advice_keys(list: &[GroupedFinding]) -> Vec<RowKey> {
    let mut out: Vec<RowKey> = Vec::with_capacity(list.len());
    for g in list {
        let shape = message_shape(&g.finding.message);
        let n = out
            .iter()
            .filter(|(r, s, _)| *r == g.finding.rule && *s == shape)
            .count();
        out.push((g.finding.rule.clone(), shape, n));
    }
    out
}

/// The current content of one listed row, `None` once it has left the list.
fn row_of(split: Memo<Split>, evidence: bool, key: RowKey) -> Memo<Option<GroupedFinding>> {
    let (rule, shape, n) = key;
    Memo::new(move |_| {
        split.with(|s| {
            let list = if evidence { &s.evidence } else { &s.shown };
            list.iter()
                .filter(|g| g.finding.rule == rule && message_shape(&g.finding.message) == shape)
                .nth(n)
                .cloned()
        })
    })
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
    // The report changes with every key press (its word count, its spans); the line only when
    // its words do.
    let status = Memo::new(move |_| {
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
    });
    // Split once per report: evidence ("what already counts") and to-dos. The preview highlights
    // every occurrence; the lists show each piece of advice once, quoting all the words it found.
    // The report changes with every key press (spans, counts, the sentence being typed); the
    // lists only when what they show changes, so most key presses stop at this memo.
    let split = Memo::new(move |_| {
        let all = report.with(|r| r.as_ref().map(|r| r.findings_for(key)).unwrap_or_default());
        let (evidence, todo): (Vec<Finding>, Vec<Finding>) =
            all.into_iter().partition(Finding::is_evidence);
        Split {
            shown: group_findings(&todo),
            evidence: group_findings(&evidence),
        }
    });
    // The lists are keyed by the advice alone; a row follows its severity and quotes as they
    // change, so a key press that changes the verdict adds or removes only the rows that come and
    // go, instead of rebuilding every row whose badge changed.
    let todo_keys = Memo::new(move |_| split.with(|s| advice_keys(&s.shown)));
    let evidence_keys = Memo::new(move |_| split.with(|s| advice_keys(&s.evidence)));
    // Every occurrence, for the preview's highlights; read only while the preview is open.
    let todos = Signal::derive(move || {
        report.with(|r| {
            r.as_ref()
                .map(|r| {
                    r.findings_for(key)
                        .into_iter()
                        .filter(|f| !f.is_evidence())
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let id_dismiss = id.clone();
    let dismissed = Memo::new(move |_| story.with(|s| s.as_ref().map_or(0, |s| s.dismissed.len())));
    let id_restore = id.clone();
    view! {
        <section class="feedback" aria-labelledby=format!("fb-title-{}", key.number())>
            <h2 id=format!("fb-title-{}", key.number()) class="fb-title">"Coach"</h2>
            <p class="sr-only" aria-live="polite">{move || announcement.get()}</p>
            <p class=move || format!("key-status {}", status.with(|s| s.0))>{move || status.with(|s| s.1.clone())}</p>
            <ul class="findings">
                <For each=move || todo_keys.get() key=|k| k.clone() let:k>
                    {
                        let rule = k.0.clone();
                        let row = row_of(split, false, k);
                        let severity = Memo::new(move |_| row.with(|g| g.as_ref().map_or(Severity::Info, |g| g.finding.severity)));
                        let message = Memo::new(move |_| row.with(|g| g.as_ref().map(|g| g.finding.message.clone()).unwrap_or_default()));
                        let quotes = Memo::new(move |_| row.with(|g| g.as_ref().map(|g| g.quotes.clone()).unwrap_or_default()));
                        let id = id_dismiss.clone();
                        view! {
                            <li class=move || format!("finding {}", severity_class(severity.get()))>
                                <p class="finding-head">
                                    <span class="badge">{move || severity_label(severity.get())}</span>
                                    <span class="finding-msg">{move || message.get()}</span>
                                </p>
                                <Show when=move || quotes.with(|q| !q.is_empty())>
                                    <p class="quote"><span class="sr-only">"Your words: "</span>{move || view! { <Quotes quotes=quotes.get()/> }}</p>
                                </Show>
                                // A problem keeps the key from being met: it cannot be waved away. Only
                                // advice about words that are there can be kept as it is: advice to add
                                // what is missing has nothing to keep.
                                <Show when=move || severity.get() != Severity::Problem && quotes.with(|q| !q.is_empty())>
                                    {
                                        let rule = rule.clone();
                                        let id = id.clone();
                                        view! {
                                            <button type="button" class="quiet small" on:click=move |_| {
                                                let rule = rule.clone();
                                                app.edit(&id, move |s| if !s.dismissed.contains(&rule) { s.dismissed.push(rule) });
                                            }>"Keep it as it is"<span class="sr-only">{move || format!(" (hide: {})", message.get())}</span></button>
                                        }
                                    }
                                </Show>
                            </li>
                        }
                    }
                </For>
            </ul>
            // Kept in the page and hidden when empty, so that meeting a key does not build it anew.
            <div class="fb-evidence" hidden=move || evidence_keys.with(Vec::is_empty)>
                <h3 class="fb-sub">"What already counts"</h3>
                <ul class="evidence">
                    <For each=move || evidence_keys.get() key=|k| k.clone() let:k>
                        {
                            let row = row_of(split, true, k);
                            let message = Memo::new(move |_| row.with(|g| g.as_ref().map(|g| g.finding.message.clone()).unwrap_or_default()));
                            let quotes = Memo::new(move |_| row.with(|g| g.as_ref().map(|g| g.quotes.clone()).unwrap_or_default()));
                            view! {
                                <li>
                                    <span aria-hidden="true">"✓ "</span>{move || message.get()}
                                    {move || quotes.with(|q| !q.is_empty()).then(|| view! { " " <Quotes quotes=quotes.get()/> })}
                                </li>
                            }
                        }
                    </For>
                </ul>
            </div>
            <Show when=move || dismissed.get() != 0>
                {
                    let id = id_restore.clone();
                    view! {
                        <p class="muted small">
                            {move || format!("{} finding(s) hidden for this story. ", dismissed.get())}
                            {move || (met.get() == Some(false)).then(|| format!(
                                "Hiding advice does not meet the key: it is met by {}. ",
                                key.met_when()
                            ))}
                            <button type="button" class="link" on:click=move |_| app.edit(&id, |s| s.dismissed.clear())>"Show them again"</button>
                        </p>
                    }
                }
            </Show>
            <Preview id=id.clone() key=key live=live todos=todos/>
        </section>
    }
}

/// The words a finding was found on, each in quotation marks, separated by commas (the first
/// five; the preview highlights them all).
#[component]
pub fn Quotes(quotes: Vec<String>) -> impl IntoView {
    const SHOWN: usize = 5;
    let more = quotes.len().saturating_sub(SHOWN);
    let list = quotes
        .into_iter()
        .take(SHOWN)
        .enumerate()
        .map(|(i, q)| view! { {(i > 0).then_some(", ")}<q>{q}</q> })
        .collect_view();
    view! { {list}{(more > 0).then(|| format!(" and {more} more"))} }
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
