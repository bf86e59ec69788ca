//! `/signup`: create an account with e-mail and password.

use crate::{
    actions::{Action, NoPath, accounts::SignUp},
    components::action_form::ActionForm,
    components::forms::{Field, ProblemSummary},
    i18n::use_t,
    session::{use_form_state, use_next_path},
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The sign-up form. Posts to `/signup`; on success the person is signed in.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let t = use_t();
    let state = use_form_state(SignUp::FORM);
    let next = use_next_path();
    view! {
        <Title text=t("signup-title") />
        <section class="narrow">
            <h1>{t("signup-title")}</h1>
            <p>{t("signup-lead")}</p>
            <ProblemSummary form=SignUp::FORM state=state.clone() />
            <ActionForm target=SignUp::target(&NoPath {}) class="stack">
                <input type="hidden" name="next" value=next />
                <Field form=SignUp::FORM name="display_name" label=t("field-display-name") state=state.clone() autocomplete="name" required=true />
                <Field form=SignUp::FORM name="email" label=t("field-email") state=state.clone() kind="email" autocomplete="email" required=true />
                <Field form=SignUp::FORM name="password" label=t("field-password") state=state.clone() kind="password" autocomplete="new-password" hint=crate::i18n::use_language().tr_with("password-hint", "min", crate::domain::password::MIN_CHARS.to_string()) required=true />
                <button type="submit">{t("signup-submit")}</button>
            </ActionForm>
            <p>{t("signup-have-account")} " " <a href="/signin">{t("nav-sign-in")}</a></p>
        </section>
    }
}
