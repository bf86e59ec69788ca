//! Form building blocks that keep what the person typed and say, next to the field, which
//! rule it broke: labelled inputs, `aria-invalid` and `aria-describedby`, and a summary at
//! the top that links to each field (WCAG error identification).

use crate::{
    dto::{FormState, Problem},
    i18n::use_language,
};
use leptos::prelude::*;

/// A labelled input that shows the value sent back and its problems.
#[component]
pub fn Field(
    /// The form it belongs to (for ids).
    form: &'static str,
    /// Field name, as posted.
    name: &'static str,
    /// Translated label.
    label: String,
    /// The form's state (values and problems sent back).
    state: FormState,
    /// `text`, `email`, `password`, ...
    #[prop(default = "text")]
    kind: &'static str,
    /// Browser autofill hint.
    #[prop(optional)]
    autocomplete: &'static str,
    /// A value to show when the form was not sent back (e.g. the current setting).
    #[prop(optional, into)]
    initial: String,
    /// Translated help text under the field.
    #[prop(optional, into)]
    hint: Option<String>,
    /// Whether the field must be filled.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let language = use_language();
    let id = format!("{form}-{name}");
    let problems = state.problems_of(name);
    let invalid = !problems.is_empty();
    // Passwords are never sent back.
    let value = if kind == "password" {
        String::new()
    } else if state.form.is_empty() {
        initial
    } else {
        state.value(name)
    };
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = invalid.then(|| format!("{id}-error"));
    let described_by = [hint_id.clone(), error_id.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {error_id
                .clone()
                .map(|eid| {
                    view! {
                        <ul class="field-problems" id=eid>
                            {problems
                                .iter()
                                .map(|p| view! { <li>{language.problem(p)}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
            <input
                id=id
                name=name
                type=kind
                value=value
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                required=required
                aria-invalid=invalid.then_some("true")
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
            />
        </div>
    }
}

/// The list of what was wrong, at the top of a form, each linking to its field.
#[component]
pub fn ProblemSummary(form: &'static str, state: FormState) -> impl IntoView {
    let language = use_language();
    let problems: Vec<Problem> = state.problems.clone();
    (!problems.is_empty()).then(|| {
        let title = language.tr("form-problems-title");
        view! {
            <div class="problem-summary" role="alert" tabindex="-1" id=format!("{form}-problems")>
                <h2>{title}</h2>
                <ul>
                    {problems
                        .into_iter()
                        .map(|p| {
                            let text = language.problem(&p);
                            match p.field {
                                Some(field) => {
                                    view! {
                                        <li>
                                            <a href=format!("#{form}-{field}")>{text}</a>
                                        </li>
                                    }
                                        .into_any()
                                }
                                None => view! { <li>{text}</li> }.into_any(),
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}
