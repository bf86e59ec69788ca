//! `/o/:slug`: an organisation's dashboard.

use crate::{
    actions::{
        Action as _,
        organisations::{ChangeMember, MemberPath},
    },
    api::organisations::{OrganisationView, organisation_page},
    components::action_form::ActionForm,
    domain::policy::Action,
    i18n::{use_language, use_t},
    pages::load_error::LoadError,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The organisation's name, description, the viewer's role and what they can do next.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let data = Resource::new_blocking(slug, organisation_page);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Dashboard page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Dashboard(page: OrganisationView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let org = page.org.clone();
    let base = format!("/o/{}", org.slug);
    let role = page.role.map(|r| language.tr(&format!("role-{r}")));
    view! {
        <Title text=org.name.clone() />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a>
        </nav>
        <h1>{org.name.clone()}</h1>
        {(!page.description.is_empty()).then(|| view! { <p class="lead">{page.description.clone()}</p> })}
        <dl class="facts">
            {role.map(|r| view! { <dt>{t("org-your-role")}</dt><dd>{r}</dd> })}
            <dt>{t("org-active-members")}</dt>
            <dd>{page.active_members}</dd>
            <dt>{t("field-time-zone")}</dt>
            <dd>{page.time_zone.clone()}</dd>
        </dl>
        <ul class="actions">
            <li><a href=format!("{base}/members")>{t("org-members-link")}</a></li>
            <li><a href=format!("{base}/groups")>{t("org-groups-link")}</a></li>
            {page.may(Action::InviteMembers).then(|| view! { <li><a href=format!("{base}/invitations")>{t("org-invitations-link")}</a></li> })}
            {page.may(Action::EditOrganisationSettings).then(|| view! { <li><a href=format!("{base}/settings")>{t("org-settings-link")}</a></li> })}
        </ul>
        {page.may(Action::LeaveOrganisation).then(|| {
            let membership = page.membership_id.clone().unwrap_or_default();
            let question = language.tr_with("org-leave-question", "organisation", org.name.clone());
            view! {
                <ActionForm target=ChangeMember::target(&MemberPath::new(&org.slug, &membership, "leave")) class="inline-form" confirm=question>
                    <button type="submit" class="secondary">{t("org-leave")}</button>
                </ActionForm>
            }
        })}
    }
}
