//! The coach's feedback for one key: its state, the findings with the user's words quoted, and a
//! read-only preview of the text with those words highlighted. All user text is rendered as text
//! nodes, never as HTML.

use comeback_core::analyzer::{group_findings, Field, Finding, GroupedFinding, Report, Severity};
use comeback_core::highlight;
use comeback_core::{Key, Story};
use leptos::prelude::*;

use crate::components::finding::{severity_class, FindingRow, RowLook};
use crate::live::Live;
use crate::state::use_app;

/// The coach's one line on a key: its CSS class and its words.
fn key_status(report: Option<&Report>, key: Key) -> (&'static str, String) {
    match report {
        None => ("pending", "Checking…".to_string()),
        Some(r) => {
            let v = r.key(key);
            if v.met {
                ("met", format!("✓ {}", v.status))
            } else {
                ("needs-work", format!("! {}", v.status))
            }
        }
    }
}

/// The coach's line on the key, kept in view at the top of the screen while the user types in
/// one of the step's fields on a phone, where the coach's panel is below the fields and the
/// on-screen keyboard covers the bottom of the screen (CSS shows it only then). Screen readers
/// hear the panel's own announcement instead.
#[component]
pub fn CoachPeek(key: Key, live: Live) -> impl IntoView {
    let status = Memo::new(move |_| live.report.with(|r| key_status(r.as_ref(), key)));
    view! {
        <p class=move || format!("coach-peek {}", status.with(|s| s.0)) aria-hidden="true">
            <span class="coach-peek-label">"Coach "</span>{move || status.with(|s| s.1.clone())}
        </p>
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
    let status = Memo::new(move |_| report.with(|r| key_status(r.as_ref(), key)));
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
    let id_keep = id.clone();
    let keep = Callback::new(move |rule: String| {
        app.edit(&id_keep, move |s| {
            if !s.dismissed.contains(&rule) {
                s.dismissed.push(rule)
            }
        })
    });
    let dismissed = Memo::new(move |_| story.with(|s| s.as_ref().map_or(0, |s| s.dismissed.len())));
    let id_restore = id.clone();
    view! {
        <section class="feedback" aria-labelledby=format!("fb-title-{}", key.number())>
            <h2 id=format!("fb-title-{}", key.number()) class="fb-title">"Coach"</h2>
            <p class="sr-only" aria-live="polite">{move || announcement.get()}</p>
            <p class=move || format!("key-status {}", status.with(|s| s.0))>{move || status.with(|s| s.1.clone())}</p>
            <ul class="findings">
                <For each=move || todo_keys.get() key=|k| k.clone() let:k>
                    <FindingRow row=row_of(split, false, k).into() look=RowLook::ToDo on_keep=keep/>
                </For>
            </ul>
            // Kept in the page and hidden when empty, so that meeting a key does not build it anew.
            <div class="fb-evidence" hidden=move || evidence_keys.with(Vec::is_empty)>
                <h3 class="fb-sub">"What already counts"</h3>
                <ul class="evidence">
                    <For each=move || evidence_keys.get() key=|k| k.clone() let:k>
                        <FindingRow row=row_of(split, true, k).into() look=RowLook::Evidence/>
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
                            <button type="button" class="quiet small" on:click=move |_| app.edit(&id, |s| s.dismissed.clear())>"Show them again"</button>
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
        let spans: Vec<(Field, usize, usize, Severity)> = todos.with(|t| {
            t.iter()
                .filter_map(|f| {
                    f.span
                        .as_ref()
                        .map(|s| (s.field, s.start, s.end, f.severity))
                })
                .collect()
        });
        app.with_story(&id, |story| {
            let Some(story) = story else {
                return Vec::new();
            };
            story
                .fields()
                .into_iter()
                .filter(|f| f.key() == Some(key) && !story.get(*f).trim().is_empty())
                .map(|field| {
                    let mine: Vec<(usize, usize, Severity)> = spans
                        .iter()
                        .filter(|(f, ..)| *f == field)
                        .map(|(_, s, e, sev)| (*s, *e, *sev))
                        .collect();
                    (field.label(), highlight::runs(story.get(field), &mine))
                })
                .collect::<Vec<_>>()
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use comeback_core::analyzer::Finding;

    fn grouped(rule: &str, message: &str) -> GroupedFinding {
        GroupedFinding {
            finding: Finding {
                key: Key::Numbers,
                rule: rule.into(),
                severity: Severity::Warn,
                message: message.into(),
                quote: String::new(),
                span: None,
            },
            quotes: Vec::new(),
        }
    }

    #[test]
    fn a_row_keeps_its_identity_while_its_count_changes() {
        assert_eq!(
            message_shape("This sentence has 34 words"),
            message_shape("This sentence has 35 words")
        );
        let list = [
            grouped("long-sentence", "This sentence has 34 words"),
            grouped("long-sentence", "This sentence has 41 words"),
            grouped("vague", "Put a number on it"),
        ];
        let keys = advice_keys(&list);
        assert_eq!(keys[0].0, "long-sentence");
        assert_eq!((keys[0].2, keys[1].2, keys[2].2), (0, 1, 0));
        assert_eq!(keys[0].1, keys[1].1);
    }
}
