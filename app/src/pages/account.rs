//! `/account`: display name, e-mail (and whether it is confirmed), language, password, the
//! linked sign-in methods, and other sessions.

use crate::{
    actions::{
        Action, NoPath,
        accounts::{
            ChangePassword, EndOtherSessions, ReplaceCalendarFeed, RequestConfirmation,
            TurnOffCalendarFeed, UnlinkIdentity, UpdateProfile,
        },
    },
    api::accounts::{AccountView, LinkedIdentity, account_page},
    components::action_form::ActionForm,
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
    let data = Resource::new_blocking(|| (), |_| account_page());
    view! {
        <Title text=t("account-title") />
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => view! { <AccountForms view /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountForms(view: AccountView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let user = view.user.clone();
    let email_sent = leptos_router::hooks::use_query_map()
        .read_untracked()
        .get("email_sent")
        .is_some();
    let profile = use_form_state(UpdateProfile::FORM);
    let unlink = use_form_state(UnlinkIdentity::FORM);
    let password = use_form_state(ChangePassword::FORM);
    let link = use_form_state("oidc_link");
    let providers = use_oidc_providers();
    let chosen = if profile.form.is_empty() {
        user.language.clone().unwrap_or_default()
    } else {
        profile.value("language")
    };
    view! {
        <section class="narrow">
            <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
                <a href="/">{t("nav-home")}</a>
            </nav>
            <h1>{t("account-title")}</h1>
            {email_sent.then(|| view! { <p class="notice" role="status">{language.tr_with("account-email-sent", "hours", crate::domain::email::LINK_LIFETIME_HOURS.to_string())}</p> })}
            <h2>{t("account-profile")}</h2>
            <ProblemSummary form=UpdateProfile::FORM state=profile.clone() />
            <ActionForm target=UpdateProfile::target(&NoPath {}) class="stack">
                <Field form=UpdateProfile::FORM name="display_name" label=t("field-display-name") state=profile.clone() initial=user.display_name.clone() autocomplete="name" required=true />
                <Field form=UpdateProfile::FORM name="email" label=t("field-email") state=profile.clone() kind="email" initial=user.email.clone() autocomplete="email" required=true />
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
            </ActionForm>
            <AddressStatus verified=view.email_verified mail=view.mail />
            <h2>{t("account-password")}</h2>
            <ProblemSummary form=ChangePassword::FORM state=password.clone() />
            <ActionForm target=ChangePassword::target(&NoPath {}) class="stack">
                <Field form=ChangePassword::FORM name="current_password" label=t("field-current-password") state=password.clone() kind="password" autocomplete="current-password" />
                <Field form=ChangePassword::FORM name="new_password" label=t("field-new-password") state=password.clone() kind="password" autocomplete="new-password" hint=language.tr_with("password-hint", "min", crate::domain::password::MIN_CHARS.to_string()) required=true />
                <button type="submit">{t("account-change-password")}</button>
            </ActionForm>
            {(!providers.is_empty() || !link.problems.is_empty() || !view.identities.is_empty()).then(|| view! {
                <h2>{t("account-providers")}</h2>
                <ProblemSummary form="oidc_link" state=link.clone() />
                <ProblemSummary form=UnlinkIdentity::FORM state=unlink.clone() />
                <LinkedIdentities identities=view.identities.clone() has_password=view.has_password />
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
            <Calendar since=view.calendar_since.clone() />
            <h2>{t("account-sessions")}</h2>
            <p>{t("account-sessions-text")}</p>
            <ProblemSummary form=EndOtherSessions::FORM state=use_form_state(EndOtherSessions::FORM) />
            <ActionForm target=EndOtherSessions::target(&NoPath {})>
                <button type="submit" class="secondary">{t("account-end-other-sessions")}</button>
            </ActionForm>
        </section>
    }
}

/// Whether the address is confirmed, and a way to confirm it where mail can.
#[component]
fn AddressStatus(verified: bool, mail: bool) -> impl IntoView {
    let t = use_t();
    let status = if verified {
        t("account-email-confirmed")
    } else if mail {
        t("account-email-unconfirmed")
    } else {
        t("account-email-unverifiable")
    };
    view! {
        <p class="hint" data-email-verified=verified.to_string()>{status}</p>
        {(!verified && mail).then(|| view! {
            <ProblemSummary form=RequestConfirmation::FORM state=use_form_state(RequestConfirmation::FORM) />
            <ActionForm target=RequestConfirmation::target(&NoPath {})>
                <button type="submit" class="secondary">{t("account-email-send-link")}</button>
            </ActionForm>
        })}
    }
}

/// The linked OpenID identities: provider, when linked, last used, and unlinking (refused
/// by the server when it would leave no way to sign in).
#[component]
fn LinkedIdentities(identities: Vec<LinkedIdentity>, has_password: bool) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let only_way = !has_password && identities.len() == 1;
    (!identities.is_empty()).then(|| view! {
        <table class="identities">
            <caption class="visually-hidden">{t("account-providers")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("account-identity-provider")}</th>
                    <th scope="col">{t("account-identity-linked")}</th>
                    <th scope="col">{t("account-identity-used")}</th>
                    <th scope="col">{t("members-actions")}</th>
                </tr>
            </thead>
            <tbody>
                {identities
                    .into_iter()
                    .map(|identity| {
                        let label = language.tr_with("account-unlink-provider", "provider", identity.provider.clone());
                        view! {
                            <tr>
                                <th scope="row">{identity.provider.clone()}</th>
                                <td data-label=t("account-identity-linked")>{day(&identity.linked_at)}</td>
                                <td data-label=t("account-identity-used")>{identity.last_used_at.as_deref().map(day).unwrap_or_else(|| t("account-identity-never"))}</td>
                                <td data-label=t("members-actions")>
                                    {if only_way {
                                        view! { <span>{t("account-identity-only-way")}</span> }.into_any()
                                    } else {
                                        view! {
                                            <ActionForm target=UnlinkIdentity::target(&NoPath {}) class="inline-form">
                                                <input type="hidden" name="issuer" value=identity.issuer.clone() />
                                                <input type="hidden" name="subject" value=identity.subject.clone() />
                                                <button type="submit" class="secondary">{label}</button>
                                            </ActionForm>
                                        }.into_any()
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    })
}

/// The calendar address: made, replaced or turned off; a new one is shown once.
#[component]
fn Calendar(since: Option<String>) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let made = use_form_state(ReplaceCalendarFeed::FORM);
    let address = made.value("address");
    let has_feed = since.is_some();
    view! {
        <h2 id="calendar">{t("account-calendar")}</h2>
        <p>{t("account-calendar-text")}</p>
        {(!address.is_empty()).then(|| view! {
            <div class="notice" role="status">
                <label for="calendar-address">{t("account-calendar-new")}</label>
                <input id="calendar-address" type="text" readonly value=address.clone() />
                <p class="hint">{t("account-calendar-keep")}</p>
            </div>
        })}
        <p data-testid="calendar-status">{match &since {
            Some(at) => language.tr_with("account-calendar-since", "date", day(at)),
            None => t("account-calendar-none"),
        }}</p>
        <div class="member-actions">
            <ActionForm target=ReplaceCalendarFeed::target(&NoPath {})>
                <button type="submit">{t(if has_feed { "account-calendar-replace" } else { "account-calendar-make" })}</button>
            </ActionForm>
            {has_feed.then(|| view! {
                <ActionForm target=TurnOffCalendarFeed::target(&NoPath {})>
                    <button type="submit" class="secondary">{t("account-calendar-off")}</button>
                </ActionForm>
            })}
        </div>
    }
}

/// The date part of an RFC 3339 instant (`2026-12-01`).
fn day(instant: &str) -> String {
    instant.chars().take(10).collect()
}
