//! The coach's report as Review and the Paste page show it: the answer's length against the
//! band, every key's verdict with its findings, red flags, the interviewer's view and the
//! questions likely to come next.

use comeback_core::analyzer::{group_findings, JobFit, Report};
use comeback_core::story::length::{FAST_WPM, SLOW_WPM};
use comeback_core::story::{
    band_position, format_time, length_message, length_verdict, speaking_time, LengthVerdict,
    TimeStyle,
};
use comeback_core::Key;
use leptos::prelude::*;

use crate::components::finding::{fixed, FindingRow, RowLook};
use crate::route::Route;

/// The answer's length against the target band.
#[component]
pub fn LengthMeter(words: Signal<usize>) -> impl IntoView {
    let info = move || {
        let w = words.get();
        let (fast, slow) = speaking_time(w);
        let class = match length_verdict(w) {
            LengthVerdict::Short => "short",
            LengthVerdict::InBand => "in-band",
            LengthVerdict::Long => "long",
        };
        // The verdict with its seconds: in the band only when both paces are.
        let text = length_message(w);
        (w, fast, slow, class, text)
    };
    view! {
        <div class=move || format!("length {}", info().3)>
            <p class="length-figures">
                <strong>{move || format!("{} words", info().0)}</strong>
                " · about "
                <strong>{move || format!("{} to {}", format_time(info().1, TimeStyle::Words), format_time(info().2, TimeStyle::Words))}</strong>
                {format!(" spoken (at {FAST_WPM} to {SLOW_WPM} words a minute)")}
            </p>
            <div class="band" aria-hidden="true">
                <span class="band-zone"></span>
                <span class="band-marker" style=move || {
                    let mid = f64::from(info().1 + info().2) / 2.0;
                    format!("left: {:.1}%", band_position(mid))
                }></span>
            </div>
            <p class="length-verdict">{move || info().4}</p>
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
                                            {findings.into_iter().take(4).map(|g| view! { <FindingRow row=fixed(g) look=RowLook::Plain/> }).collect_view()}
                                        </ul>
                                    })}
                                    {href.map(|h| view! { <a class="button small" href=h>{format!("Edit key {}", k.number())}</a> })}
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
                                        <strong>{if f.possible {
                                            format!("⚠ Possible: {} (the words point that way; check how it sounds)", f.label)
                                        } else {
                                            format!("⚠ {}", f.label)
                                        }}</strong>
                                        <ul>
                                            {group_findings(&f.evidence).into_iter().map(|g| view! { <FindingRow row=fixed(g) look=RowLook::Plain/> }).collect_view()}
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
                    {r.job_fit.clone().map(|fit| view! { <EmployerNeeds fit=fit/> })}
                    <h3>"Questions you are likely to get next"</h3>
                    {if r.follow_ups.is_empty() {
                        view! { <p class="muted">"No obvious gaps for a follow-up question."</p> }.into_any()
                    } else {
                        view! { <ol class="follow-ups">{r.follow_ups.iter().map(|q| view! { <li>{q.clone()}</li> }).collect_view()}</ol> }.into_any()
                    }}
                    {(!r.prose.is_empty()).then(|| view! {
                        <h3>"Wording"</h3>
                        <ul class="mini-findings">
                            {group_findings(&r.prose).into_iter().take(8).map(|g| view! { <FindingRow row=fixed(g) look=RowLook::Plain/> }).collect_view()}
                        </ul>
                    })}
                </section>
            }
        })}
    }
}

/// What this employer will listen for: the job ad's essentials, each with the story's evidence,
/// or the failure's words when the failure is about it.
#[component]
pub fn EmployerNeeds(fit: JobFit) -> impl IntoView {
    let shown = fit.shown.len();
    let more = fit.essential_count.saturating_sub(fit.essentials.len());
    let title = fit
        .title
        .clone()
        .map(|t| format!("What this employer needs ({t})"))
        .unwrap_or_else(|| "What this employer needs".to_string());
    view! {
        <section class="employer" aria-labelledby="employer-title">
            <h3 id="employer-title">{title}</h3>
            {if fit.essentials.is_empty() {
                view! { <p class="muted">"No essentials could be read from the job ad. Paste its requirements as text to compare your story with them."</p> }.into_any()
            } else {
                view! {
                    <p class="muted">{format!(
                        "The story shows {shown} of the ad's {} essentials along the way. One story need not show them all.",
                        fit.essential_count
                    )}</p>
                    <ul class="signals ad-essentials">
                        {fit.essentials.iter().enumerate().map(|(i, e)| {
                            let (class, mark, said) = if let Some(l) = fit.failure_for(i) {
                                if fit.outside_cause {
                                    ("signal", "• ", format!(": your failure touches this, with an outside cause (\u{201c}{}\u{201d}): safe ground", l.quote))
                                } else {
                                    ("signal risky", "⚠ ", format!(": your failure is about this (\u{201c}{}\u{201d})", l.quote))
                                }
                            } else if let Some(l) = fit.shown_for(i) {
                                ("signal found", "✓ ", format!(": shown (\u{201c}{}\u{201d})", l.quote))
                            } else {
                                ("signal missing", "○ ", ": not in this story".to_string())
                            };
                            view! {
                                <li class=class>
                                    <span aria-hidden="true">{mark}</span>
                                    <strong>{e.clone()}</strong>
                                    <span>{said}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {(more > 0).then(|| view! { <p class="muted">{format!("And {more} more in the ad.")}</p> })}
                }.into_any()
            }}
            {(!fit.values.is_empty()).then(|| view! {
                <p>"The employer says it values: "{fit.values.iter().map(|v| format!("\u{201c}{v}\u{201d}")).collect::<Vec<_>>().join(", ")}"."</p>
            })}
            {fit.notices.iter().map(|n| view! { <p class="notice-line" role="note">{n.clone()}</p> }).collect_view()}
        </section>
    }
}

/// What was read from the job ad, under its field on step 1 and on the Paste page.
#[component]
pub fn AdReading(report: Signal<Option<Report>>) -> impl IntoView {
    let line = move || {
        report.with(|r| {
            r.as_ref().and_then(|r| r.job_fit.as_ref()).map(|fit| {
                let mut parts = Vec::new();
                if let Some(t) = &fit.title {
                    parts.push(format!("\u{201c}{t}\u{201d}"));
                }
                let plural = |n: usize, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                parts.push(plural(fit.essential_count, "essential", "essentials"));
                parts.push(plural(fit.desirable_count, "desirable", "desirables"));
                (
                    format!("Read from the ad: {}.", parts.join(" · ")),
                    fit.notices.clone(),
                )
            })
        })
    };
    view! {
        <div class="ad-reading" role="status">
            {move || line().map(|(l, notices)| view! {
                <p class="muted">{l}</p>
                {notices.into_iter().map(|n| view! { <p class="notice-line">{n}</p> }).collect_view()}
            })}
        </div>
    }
}
