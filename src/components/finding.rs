//! One finding as the user reads it, in the coach and on Review: its advice and the user's own
//! words it was found on. All user text is rendered as text nodes, never as HTML.

use comeback_core::analyzer::{GroupedFinding, Severity};
use leptos::prelude::*;

/// How a finding's row looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowLook {
    /// Something to do, in the coach: a badge with its severity, the words quoted on a line of
    /// their own, and "Keep it as it is" unless it is a problem or quotes no words.
    ToDo,
    /// What already counts, in the coach: a tick, the message and the words.
    Evidence,
    /// A line of the report on Review: the message and the words.
    Plain,
}

/// The word on a finding's badge.
pub fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Problem => "Problem",
        Severity::Warn => "Check",
        Severity::Info => "Tip",
    }
}

/// The CSS class of a severity.
pub fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Problem => "problem",
        Severity::Warn => "warn",
        Severity::Info => "info",
    }
}

/// One finding. `row` is `None` once the finding has left its list (the row is about to go).
/// The row follows its severity, message and words as they change, without being rebuilt: in
/// the coach a key press that changes a verdict touches only what changed. `on_keep` receives
/// the finding's rule when the user keeps the text as it is.
#[component]
pub fn FindingRow(
    row: Signal<Option<GroupedFinding>>,
    look: RowLook,
    #[prop(optional)] on_keep: Option<Callback<String>>,
) -> impl IntoView {
    let severity =
        Memo::new(move |_| row.with(|g| g.as_ref().map_or(Severity::Info, |g| g.finding.severity)));
    let message = Memo::new(move |_| {
        row.with(|g| {
            g.as_ref()
                .map(|g| g.finding.message.clone())
                .unwrap_or_default()
        })
    });
    let rule = Memo::new(move |_| {
        row.with(|g| {
            g.as_ref()
                .map(|g| g.finding.rule.clone())
                .unwrap_or_default()
        })
    });
    let quotes =
        Memo::new(move |_| row.with(|g| g.as_ref().map(|g| g.quotes.clone()).unwrap_or_default()));
    let has_quotes = move || quotes.with(|q| !q.is_empty());
    match look {
        RowLook::ToDo => view! {
            <li class=move || format!("finding {}", severity_class(severity.get()))>
                <p class="finding-head">
                    <span class="badge">{move || severity_label(severity.get())}</span>
                    <span class="finding-msg">{move || message.get()}</span>
                </p>
                <Show when=has_quotes>
                    <p class="quote"><span class="sr-only">"Your words: "</span>{move || view! { <Quotes quotes=quotes.get()/> }}</p>
                </Show>
                // A problem keeps the key from being met: it cannot be waved away. Only advice
                // about words that are there can be kept as it is: advice to add what is
                // missing has nothing to keep.
                {on_keep.map(|keep| view! {
                    <Show when=move || severity.get() != Severity::Problem && has_quotes()>
                        <button type="button" class="quiet small" on:click=move |_| keep.run(rule.get_untracked())>
                            "Keep it as it is"<span class="sr-only">{move || format!(" (hide: {})", message.get())}</span>
                        </button>
                    </Show>
                })}
            </li>
        }
        .into_any(),
        RowLook::Evidence | RowLook::Plain => view! {
            <li>
                {(look == RowLook::Evidence).then_some(view! { <span aria-hidden="true">"✓ "</span> })}
                {move || message.get()}
                {move || has_quotes().then(|| view! { " " <Quotes quotes=quotes.get()/> })}
            </li>
        }
        .into_any(),
    }
}

/// A fixed finding, for lists that are rebuilt as a whole (Review's report).
pub fn fixed(g: GroupedFinding) -> Signal<Option<GroupedFinding>> {
    Signal::derive(move || Some(g.clone()))
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
