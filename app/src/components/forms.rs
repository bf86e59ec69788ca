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
    /// `text`, `email`, `password`, `date`, ..., or `textarea` for several lines.
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
    /// A signal the value follows and sets (for fields that other fields fill in, when
    /// JavaScript runs); starts from the value shown.
    #[prop(optional)]
    bind: Option<RwSignal<String>>,
    /// Called with the new value as the person types (when JavaScript runs).
    #[prop(optional)]
    on_input: Option<Callback<String>>,
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
    if let Some(bound) = bind {
        bound.set(value.clone());
    }
    let shown = move || bind.map(|b| b.get()).unwrap_or_else(|| value.clone());
    let input_handler = move |event: leptos::ev::Event| {
        let typed = event_target_value(&event);
        if let Some(bound) = bind {
            bound.set(typed.clone());
        }
        if let Some(callback) = on_input {
            callback.run(typed);
        }
    };
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    let error_id = invalid.then(|| format!("{id}-error"));
    let described_by = [hint_id.clone(), error_id.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    view! {
        <div class="field" class:field-invalid=invalid data-problem=problems.first().map(|p| p.code.clone())>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            {error_id
                .clone()
                .map(|eid| {
                    view! {
                        <ul class="field-problems" id=eid>
                            {problems
                                .iter()
                                .map(|p| view! { <li data-problem=p.code.clone()>{language.problem(p)}</li> })
                                .collect_view()}
                        </ul>
                    }
                })}
            {if kind == "textarea" {
                view! {
                    // tachys writes a textarea's text unescaped (as for <script>), so it goes in
                    // escaped here: `</textarea>` typed stays text.
                    <textarea
                        id=id
                        name=name
                        rows="12"
                        required=required
                        aria-invalid=invalid.then_some("true")
                        aria-describedby=(!described_by.is_empty()).then_some(described_by)
                        inner_html=crate::html::escape_text(&shown())
                    ></textarea>
                }
                    .into_any()
            } else {
                view! {
                    <input
                        id=id
                        name=name
                        type=kind
                        // Reactive only when bound: a field filled in by another changes while the
                        // person has not typed in it (the attribute is what an untouched input shows).
                        value=shown
                        on:input=input_handler
                        autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                        required=required
                        aria-invalid=invalid.then_some("true")
                        aria-describedby=(!described_by.is_empty()).then_some(described_by)
                    />
                }
                    .into_any()
            }}
        </div>
    }
}

/// The list of what was wrong, at the top of a form, each linking to its field.
#[component]
pub fn ProblemSummary(form: &'static str, state: FormState) -> impl IntoView {
    let language = use_language();
    let problems: Vec<Problem> = state.problems.clone();
    // The slot stays when empty: with JavaScript, problems sent back are swapped into it.
    let summary = (!problems.is_empty()).then(|| {
        let title = language.tr("form-problems-title");
        view! {
            <div class="problem-summary" role="alert" tabindex="-1" id=format!("{form}-problems")>
                <h2>{title}</h2>
                <ul>
                    {problems
                        .into_iter()
                        .map(|p| {
                            let text = language.problem(&p);
                            let code = p.code.clone();
                            match p.field {
                                Some(field) => {
                                    view! {
                                        <li data-problem=code>
                                            <a href=format!("#{form}-{field}")>{text}</a>
                                        </li>
                                    }
                                        .into_any()
                                }
                                None => view! { <li data-problem=code>{text}</li> }.into_any(),
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }
    });
    view! { <div class="problem-slot" data-problems-for=form>{summary}</div> }
}
