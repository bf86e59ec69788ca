//! A button that asks before it acts (removing a member, leaving an organisation).
//!
//! With JavaScript the browser's confirmation dialog asks, and the form is sent with
//! `confirmed=yes` only if the person agrees. Without JavaScript the form is sent as it is,
//! and the server answers with a page that asks (see `pages::member_change`).

use leptos::prelude::*;

/// A form posting to `action`, confirmed first.
#[component]
pub fn ConfirmForm(
    /// Where the form posts.
    action: String,
    /// The question the dialog asks.
    question: String,
    /// The button's text.
    button: String,
    /// The button's class.
    #[prop(optional)]
    class: &'static str,
) -> impl IntoView {
    let confirmed = NodeRef::<leptos::html::Input>::new();
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        if window().confirm_with_message(&question).unwrap_or(false) {
            if let Some(input) = confirmed.get() {
                input.set_value("yes");
            }
        } else {
            event.prevent_default();
        }
    };
    view! {
        <form method="post" action=action class="inline-form" on:submit=on_submit>
            <input type="hidden" name="confirmed" value="" node_ref=confirmed />
            <button type="submit" class=class>{button}</button>
        </form>
    }
}
