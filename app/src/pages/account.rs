//! `/account`: display name, e-mail, language and password.

use crate::{
    api::organisations::account_data,
    components::forms::{Field, ProblemSummary},
    i18n::{Language, use_language, use_t},
    pages::load_error::LoadError,
    session::{oidc_start_href, use_form_state, use_oidc_providers},
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The account page (signed-in people only).
#[component]
pub fn AccountPage() -> impl IntoView {
    let t = use_t();
    let data = Resource::new_blocking(|| (), |_| account_data());
    view! {
        <Title text=t("account-title") />
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(user) => view! { <AccountForms user /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountForms(user: crate::dto::CurrentUser) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let profile = use_form_state("profile");
    let password = use_form_state("password");
    let link = use_form_state("oidc_link");
    let providers = use_oidc_providers();
    let chosen = if profile.form.is_empty() {
        user.language.clone().unwrap_or_default()
    } else {
        profile.value("language")
    };
    view! {
        <section class="narrow">
            <h1>{t("account-title")}</h1>
            <h2>{t("account-profile")}</h2>
            <ProblemSummary form="profile" state=profile.clone() />
            <form method="post" action="/account/profile" class="stack">
                <input type="hidden" name="form_id" value="profile" />
                <Field form="profile" name="display_name" label=t("field-display-name") state=profile.clone() initial=user.display_name.clone() autocomplete="name" required=true />
                <Field form="profile" name="email" label=t("field-email") state=profile.clone() kind="email" initial=user.email.clone() autocomplete="email" required=true />
                <div class="field">
                    <label for="profile-language">{t("field-language")}</label>
                    <select id="profile-language" name="language">
                        <option value="" selected=chosen.is_empty()>{t("language-browser-default")}</option>
                        {Language::ALL
                            .into_iter()
                            .map(|l| view! {
                                <option value=l.code() selected=chosen == l.code() lang=l.code()>{l.tr("language-name")}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit">{t("account-save")}</button>
            </form>
            <h2>{t("account-password")}</h2>
            <ProblemSummary form="password" state=password.clone() />
            <form method="post" action="/account/password" class="stack">
                <input type="hidden" name="form_id" value="password" />
                <Field form="password" name="current_password" label=t("field-current-password") state=password.clone() kind="password" autocomplete="current-password" />
                <Field form="password" name="new_password" label=t("field-new-password") state=password.clone() kind="password" autocomplete="new-password" hint=language.tr("password-hint") required=true />
                <button type="submit">{t("account-change-password")}</button>
            </form>
            {(!providers.is_empty() || !link.problems.is_empty()).then(|| view! {
                <h2>{t("account-providers")}</h2>
                <ProblemSummary form="oidc_link" state=link.clone() />
                <p>{t("account-providers-text")}</p>
                <ul class="actions">
                    {providers
                        .into_iter()
                        .map(|(id, name)| {
                            let label = language.tr_with("account-link-provider", "provider", name);
                            view! { <li><a class="button" href=oidc_start_href(&id, "/account")>{label}</a></li> }
                        })
                        .collect_view()}
                </ul>
            })}
            <h2>{t("account-sessions")}</h2>
            <p>{t("account-sessions-text")}</p>
            <form method="post" action="/account/sessions">
                <button type="submit" class="secondary">{t("account-end-other-sessions")}</button>
            </form>
        </section>
    }
}
