//! `/signin`: sign in with e-mail and password, or with a configured OpenID provider.

use crate::{
    actions::{Action, NoPath, accounts::SignIn},
    components::action_form::ActionForm,
    components::forms::{Field, ProblemSummary},
    i18n::{use_language, use_t},
    session::{oidc_start_href, use_form_state, use_next_path, use_oidc_providers},
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The sign-in form. Posts to `/signin`.
#[component]
pub fn SignInPage() -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let providers = use_oidc_providers();
    let state = use_form_state(SignIn::FORM);
    let next = use_next_path();
    view! {
        <Title text=t("signin-title") />
        <section class="narrow">
            <h1>{t("signin-title")}</h1>
            <ProblemSummary form=SignIn::FORM state=state.clone() />
            <ActionForm target=SignIn::target(&NoPath {}) class="stack">
                <input type="hidden" name="next" value=next />
                <Field form=SignIn::FORM name="email" label=t("field-email") state=state.clone() kind="email" autocomplete="email" required=true />
                <Field form=SignIn::FORM name="password" label=t("field-password") state=state.clone() kind="password" autocomplete="current-password" required=true />
                <button type="submit">{t("signin-submit")}</button>
            </ActionForm>
            {(!providers.is_empty()).then(|| view! {
                <h2>{t("signin-with-provider-heading")}</h2>
                <ul class="actions">
                    {providers
                        .into_iter()
                        .map(|(id, name)| {
                            let label = language.tr_with("signin-with-provider", "provider", name);
                            view! { <li><a class="button" href=move || oidc_start_href(&id, &next())>{label}</a></li> }
                        })
                        .collect_view()}
                </ul>
            })}
            <p>{t("signin-no-account")} " " <a href="/signup">{t("nav-sign-up")}</a></p>
        </section>
    }
}
