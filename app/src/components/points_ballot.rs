//! The number fields of a dot-vote or quadratic ballot, with the points used (or the voice
//! credits Σv² spent) against the budget, and the ballot's problems as the counting engine
//! sees them. The same figures are rendered on the server; with JavaScript they follow the
//! voter's typing, checked by `tally` compiled to WebAssembly (`domain::ballot::read`). The
//! server checks the ballot again when it is cast and is the authority.

use crate::{domain::ballot, domain::rule::Rule, i18n::Language};
use leptos::prelude::*;
use std::collections::BTreeMap;
use tally::{ballot::Marks, config::Method};

/// What the status line says for `values` (one per option, as typed).
fn status(
    language: Language,
    method: &Method,
    options: &[String],
    values: &[String],
) -> (String, Vec<String>) {
    let fields: BTreeMap<String, String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| (format!("o{i}"), v.clone()))
        .collect();
    let numbers: Vec<i64> = values
        .iter()
        .map(|v| v.trim().parse().unwrap_or(0))
        .collect();
    let line = match method {
        Method::Quadratic { credits, .. } => {
            let cost: i128 = numbers
                .iter()
                .map(|v| i128::from(*v) * i128::from(*v))
                .sum();
            language.tr_args(
                "round-credits-used",
                &[
                    ("cost".to_owned(), cost.to_string()),
                    ("budget".to_owned(), credits.to_string()),
                ],
            )
        }
        Method::Dot { points } => {
            let used: i128 = numbers.iter().map(|v| i128::from(*v)).sum();
            language.tr_args(
                "round-points-used",
                &[
                    ("used".to_owned(), used.to_string()),
                    ("budget".to_owned(), points.to_string()),
                ],
            )
        }
        _ => String::new(),
    };
    let problems = match ballot::read(method, options, &fields) {
        Ok(Marks::Points(_)) | Ok(_) => Vec::new(),
        Err(issues) => issues
            .iter()
            .map(|issue| {
                language
                    .try_tr_args(&format!("problem-{}", issue.code()), &issue.args())
                    .unwrap_or_else(|| issue.to_string())
            })
            .collect(),
    };
    (line, problems)
}

/// Number fields `o0`, `o1`, … for `options`, starting from `values`, with the live status.
#[island]
pub fn PointsBallot(
    /// The page's language code.
    language: String,
    /// The round's method (dot or quadratic) with its budget.
    method: Method,
    /// The options, in ballot order.
    options: Vec<String>,
    /// What each field holds to start with.
    values: Vec<String>,
    /// Whether votes below zero may be typed.
    negative: bool,
) -> impl IntoView {
    let language = Language::from_code(&language).unwrap_or_default();
    let typed = RwSignal::new(values);
    let method_for_status = method.clone();
    let options_for_status = options.clone();
    let current = Memo::new(move |_| {
        status(
            language,
            &method_for_status,
            &options_for_status,
            &typed.get(),
        )
    });
    let fields = options
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let id = format!("ballot-o{i}");
            let start = typed.with_untracked(|v| v.get(i).cloned().unwrap_or_default());
            view! {
                <div class="field">
                    <label for=id.clone()>{name.clone()}</label>
                    <input
                        type="number"
                        id=id
                        name=format!("o{i}")
                        value=start
                        min=(!negative).then_some("0")
                        step="1"
                        inputmode="numeric"
                        on:input=move |event| {
                            let value = event_target_value(&event);
                            typed.update(|v| {
                                if let Some(slot) = v.get_mut(i) {
                                    *slot = value;
                                }
                            });
                        }
                    />
                </div>
            }
        })
        .collect_view();
    view! {
        {fields}
        <div class="points-status" aria-live="polite" data-testid="points-status">
            <p>{move || current.get().0}</p>
            <ul class="field-problems">
                {move || current.get().1.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
            </ul>
        </div>
    }
}
