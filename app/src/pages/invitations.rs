//! `/o/:slug/invitations`: create invitation links, see and revoke them (admins).

use crate::{
    actions::{
        Action as _, OrgPath,
        organisations::{CreateInvitation, INVITATION_CREATED, InvitationPath, RevokeInvitation},
    },
    api::invitations::{InvitationsView, invitations_page},
    components::action_form::ActionForm,
    components::forms::{Field, ProblemSummary},
    domain::roles::Role,
    i18n::{use_language, use_t},
    pages::load_error::LoadError,
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The invitations page.
#[component]
pub fn InvitationsPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let data = Resource::new_blocking(slug, invitations_page);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Invitations page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Invitations(page: InvitationsView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let state = use_form_state(CreateInvitation::FORM);
    let created = use_form_state(INVITATION_CREATED);
    let InvitationsView {
        org,
        invitations: rows,
        mail,
        ..
    } = page;
    let base = format!("/o/{}", org.slug);
    let role = if state.form.is_empty() {
        Role::Member.code().to_owned()
    } else {
        state.value("role")
    };
    view! {
        <Title text=format!("{} · {}", t("org-invitations-link"), org.name) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=base.clone()>{org.name.clone()}</a>
        </nav>
        <h1>{t("org-invitations-link")}</h1>
        {(!created.form.is_empty()).then(|| {
            let link = created.value("link");
            view! {
                <div class="notice" role="status">
                    <p>{t("invitation-created")}</p>
                    <label for="invitation-link">{t("invitation-link")}</label>
                    <input id="invitation-link" type="text" readonly value=link />
                </div>
            }
        })}
        <h2>{t("invitation-new")}</h2>
        {(!mail).then(|| view! { <p class="notice" data-notice="addresses-unverifiable">{t("invitation-unverifiable")}</p> })}
        <ProblemSummary form=CreateInvitation::FORM state=state.clone() />
        <ActionForm target=CreateInvitation::target(&OrgPath::new(org.slug.clone())) class="stack narrow">
            <Field form=CreateInvitation::FORM name="email" label=t("field-invite-email") state=state.clone() kind="email" hint=t("field-invite-email-hint") />
            <div class="field">
                <label for="invitation-role">{t("members-role")}</label>
                <select id="invitation-role" name="role">
                    {Role::ALL
                        .into_iter()
                        .map(|r| view! { <option value=r.code() selected=role == r.code()>{language.tr(&format!("role-{r}"))}</option> })
                        .collect_view()}
                </select>
            </div>
            <Field form=CreateInvitation::FORM name="expires_in_days" label=t("field-expires-in-days") state=state.clone() kind="number" initial="14" required=true />
            <Field form=CreateInvitation::FORM name="max_uses" label=t("field-max-uses") state=state.clone() kind="number" initial="1" hint=t("field-max-uses-hint") />
            <button type="submit">{t("invitation-create")}</button>
        </ActionForm>
        <h2>{t("invitation-list")}</h2>
        <table>
            <thead>
                <tr>
                    <th scope="col">{t("field-email")}</th>
                    <th scope="col">{t("members-role")}</th>
                    <th scope="col">{t("invitation-expires")}</th>
                    <th scope="col">{t("invitation-uses")}</th>
                    <th scope="col">{t("members-actions")}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| {
                    let uses = match row.max_uses {
                        Some(max) => format!("{} / {max}", row.uses),
                        None => row.uses.to_string(),
                    };
                    view! {
                        <tr>
                            <td data-label=t("field-email")>{row.email.clone().unwrap_or_else(|| t("invitation-any-address"))}</td>
                            <td data-label=t("members-role")>{language.tr(&format!("role-{}", row.role))}</td>
                            <td data-label=t("invitation-expires")>{row.expires_at.chars().take(10).collect::<String>()}</td>
                            <td data-label=t("invitation-uses")>{uses}</td>
                            <td data-label=t("members-actions")>
                                {if row.revoked {
                                    view! { <span>{t("invitation-revoked")}</span> }.into_any()
                                } else {
                                    view! {
                                        <ActionForm target=RevokeInvitation::target(&InvitationPath { slug: org.slug.clone(), id: row.id.clone() }) class="inline-form">
                                            <button type="submit" class="secondary">{t("invitation-revoke")}</button>
                                        </ActionForm>
                                    }.into_any()
                                }}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
