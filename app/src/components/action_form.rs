//! The one form every declared action is posted with (`crate::actions`).
//!
//! Without JavaScript it is a plain `<form method="post">`: the server answers 303, or the
//! page again with the problems. With JavaScript the same form goes to the same URL with
//! `fetch`, and the same answer is read: a redirect is followed; a page with this form's
//! problems has its problems swapped into the page in place (what was typed stays, the
//! focus moves to the problem summary); anything else replaces the page. Forms whose
//! success is a page of its own (a new invitation link) and forms that ask first go through
//! the browser after the question, so nothing is ever posted twice.

use crate::actions::Target;
use leptos::prelude::*;

/// A form for one action. `confirm`, when given, is asked first (a dialog with JavaScript;
/// without, the server answers with a page that asks), and the form then carries
/// `confirmed=yes`.
///
/// An island: the one part of a page (with [`crate::components::organisation_fields`])
/// that the browser bundle holds and hydrates; the fields inside are rendered on the
/// server only.
#[island]
pub fn ActionForm(
    /// The action's URL and form id (`SomeAction::target(&path)`).
    target: Target,
    /// The form's class.
    #[prop(optional, into)]
    class: Option<String>,
    /// A question to ask before sending.
    #[prop(optional, into)]
    confirm: Option<String>,
    /// The fields and buttons.
    children: Children,
) -> impl IntoView {
    let Target {
        href,
        form,
        answers_with_page,
    } = target;
    let asks = confirm.is_some();
    let form_id = form.clone();
    let form_field = form.clone();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        enhance::submit(&event, &form_id, answers_with_page, confirm.as_deref());
        #[cfg(not(feature = "hydrate"))]
        let _ = (&event, answers_with_page, &confirm, &form_id);
    };
    view! {
        <form method="post" action=href class=class.unwrap_or_default() data-form=form.clone() on:submit=on_submit>
            <input type="hidden" name="form_id" value=form_field />
            {asks.then(|| view! { <input type="hidden" name="confirmed" value="" /> })}
            {children()}
        </form>
    }
}

#[cfg(feature = "hydrate")]
mod enhance {
    use leptos::{
        prelude::*,
        wasm_bindgen::{JsCast, JsValue},
    };
    use web_sys::{
        Document, DomParser, Element, FormData, HtmlElement, HtmlFormElement, HtmlInputElement,
        RequestInit, Response, SupportedType, UrlSearchParams,
    };

    /// Handles a submit: asks first if the form asks, then posts in place unless the
    /// browser must post it.
    pub fn submit(
        event: &leptos::ev::SubmitEvent,
        form_id: &str,
        answers_with_page: bool,
        question: Option<&str>,
    ) {
        let Some(form) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        if form.has_attribute("data-busy") {
            event.prevent_default();
            return;
        }
        if let Some(question) = question {
            if !window().confirm_with_message(question).unwrap_or(false) {
                event.prevent_default();
                return;
            }
            if let Some(input) = form
                .query_selector("input[name=confirmed]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
            {
                input.set_value("yes");
            }
        }
        if answers_with_page || question.is_some() {
            // The browser posts it (and shows the answer as the page it is).
            return;
        }
        let Ok(body) = FormData::new_with_form(&form)
            .and_then(|data| UrlSearchParams::new_with_str_sequence_sequence(&data))
        else {
            return;
        };
        // The button pressed is part of what the browser would send (e.g. "Preview").
        if let Some(button) = event.submitter()
            && let Some(name) = button.get_attribute("name").filter(|n| !n.is_empty())
        {
            body.append(&name, &button.get_attribute("value").unwrap_or_default());
        }
        event.prevent_default();
        let _ = form.set_attribute("data-busy", "");
        let form_id = form_id.to_owned();
        leptos::task::spawn_local(async move {
            let answered = post(&form.action(), &body).await;
            let _ = form.remove_attribute("data-busy");
            match answered {
                Ok(answer) => show(&form, &form_id, answer),
                // No answer at all (offline, the server gone): let the browser try and
                // say what happened.
                Err(_) => form.submit().unwrap_or_default(),
            }
        });
    }

    /// What the server answered.
    struct Answer {
        redirected_to: Option<String>,
        html: String,
    }

    async fn post(url: &str, body: &UrlSearchParams) -> Result<Answer, JsValue> {
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(body);
        init.set_credentials(web_sys::RequestCredentials::SameOrigin);
        let promise = window().fetch_with_str_and_init(url, &init);
        let response: Response = wasm_bindgen_futures::JsFuture::from(promise)
            .await?
            .dyn_into()?;
        let redirected_to = response.redirected().then(|| response.url());
        let html = wasm_bindgen_futures::JsFuture::from(response.text()?)
            .await?
            .as_string()
            .unwrap_or_default();
        Ok(Answer {
            redirected_to,
            html,
        })
    }

    fn show(form: &HtmlFormElement, form_id: &str, answer: Answer) {
        if let Some(url) = answer.redirected_to {
            let _ = window().location().assign(&url);
            return;
        }
        let document = document();
        let Some(answer_page) = DomParser::new().ok().and_then(|p| {
            p.parse_from_string(&answer.html, SupportedType::TextHtml)
                .ok()
        }) else {
            return;
        };
        // An answer that shows more than problems (an edit refused because someone saved a
        // newer text: the newer text and what changed) is shown whole; it keeps what was
        // typed in its form.
        if let Ok(Some(_)) = answer_page.query_selector("[data-shown-whole]") {
            replace_page(&document, &answer_page);
            return;
        }
        let slot = format!("[data-problems-for=\"{form_id}\"]");
        match (
            document.query_selector(&slot).ok().flatten(),
            answer_page.query_selector(&slot).ok().flatten(),
        ) {
            (Some(here), Some(there)) if there.child_element_count() > 0 => {
                here.set_inner_html(&there.inner_html());
                swap_field_problems(form, &answer_page);
                if let Some(summary) = here
                    .first_element_child()
                    .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                {
                    let _ = summary.focus();
                }
            }
            // Not this form's problems (no standing, a page of its own): show that page.
            _ => replace_page(&document, &answer_page),
        }
    }

    /// Each field of the form takes the problems, the state and the descriptions its twin
    /// on the answer page has; the controls themselves (and what was typed) stay.
    fn swap_field_problems(form: &HtmlFormElement, answer_page: &Document) {
        let Ok(fields) = form.query_selector_all(".field") else {
            return;
        };
        for index in 0..fields.length() {
            let Some(field) = fields
                .item(index)
                .and_then(|n| n.dyn_into::<Element>().ok())
            else {
                continue;
            };
            let Some(control) = field
                .query_selector("input[id], select[id], textarea[id]")
                .ok()
                .flatten()
            else {
                continue;
            };
            let Some(twin_control) = answer_page.get_element_by_id(&control.id()) else {
                continue;
            };
            let Some(twin) = twin_control.closest(".field").ok().flatten() else {
                continue;
            };
            field.set_class_name(&twin.class_name());
            copy_attribute(&twin, &field, "data-problem");
            copy_attribute(&twin_control, &control, "aria-invalid");
            copy_attribute(&twin_control, &control, "aria-describedby");
            if let Ok(Some(old)) = field.query_selector(".field-problems") {
                old.remove();
            }
            if let Ok(Some(new)) = twin.query_selector(".field-problems") {
                let _ = control.before_with_node_1(&new);
            }
        }
    }

    fn copy_attribute(from: &Element, to: &Element, name: &str) {
        match from.get_attribute(name) {
            Some(value) => to.set_attribute(name, &value).unwrap_or_default(),
            None => to.remove_attribute(name).unwrap_or_default(),
        }
    }

    fn replace_page(document: &Document, answer_page: &Document) {
        if let (Some(here), Some(there)) = (document.body(), answer_page.body()) {
            here.set_inner_html(&there.inner_html());
        }
        document.set_title(&answer_page.title());
        if let Some(main) = document
            .get_element_by_id("main")
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    }
}
