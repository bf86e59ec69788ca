//! `/o/:slug/members`: who is in the organisation; admins change roles, suspend, reinstate
//! and remove from here (each a small form that posts and comes back).

use crate::{
    actions::{
        Action as _,
        organisations::{ChangeMember, MemberPath},
    },
    api::members::{MemberRow, MembersView, members_page},
    components::{action_form::ActionForm, forms::ProblemSummary, pagination::Pagination},
    domain::{
        policy::Action,
        roles::{MembershipState, Role},
    },
    i18n::{use_language, use_t},
    pages::load_error::LoadError,
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The member list.
#[component]
pub fn MembersPage() -> impl IntoView {
    let params = use_params_map();
    let query = leptos_router::hooks::use_query_map();
    let key = move || {
        let query = query.read();
        (
            params.read().get("slug").unwrap_or_default(),
            query.get("page").and_then(|p| p.parse::<u64>().ok()),
            query.get("member"),
        )
    };
    let data = Resource::new_blocking(key, |(slug, page, member)| members_page(slug, page, member));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <MemberList page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MemberList(page: MembersView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let state = use_form_state(ChangeMember::FORM);
    let manage = page.may(Action::ChangeRole);
    let (org, rows) = (page.org, page.members);
    let (number, more) = (page.page, page.more);
    let base = format!("/o/{}", org.slug);
    let title = format!("{} · {}", t("org-members-link"), org.name);
    view! {
        <Title text=title />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=base.clone()>{org.name.clone()}</a>
        </nav>
        <h1>{t("org-members-link")}</h1>
        <ProblemSummary form=ChangeMember::FORM state />
        <table class="members">
            <caption class="visually-hidden">{t("org-members-link")}</caption>
            <thead>
                <tr>
                    <th scope="col">{t("field-display-name")}</th>
                    {manage.then(|| view! { <th scope="col">{t("field-email")}</th> })}
                    <th scope="col">{t("members-role")}</th>
                    <th scope="col">{t("members-state")}</th>
                    {manage.then(|| view! { <th scope="col">{t("members-actions")}</th> })}
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        let slug = org.slug.clone();
                        let role = language.tr(&format!("role-{}", row.role));
                        let member_state = language.tr(&format!("state-{}", row.state));
                        view! {
                            // Mentions in comments link here.
                            <tr id=format!("member-{}", row.membership_id)>
                                <th scope="row">{row.display_name.clone()}</th>
                                {manage.then(|| view! { <td data-label=t("field-email")>{row.email.clone().unwrap_or_default()}</td> })}
                                <td data-label=t("members-role")>{role}</td>
                                <td data-label=t("members-state")>{member_state}</td>
                                {manage.then(|| view! { <td data-label=t("members-actions")><MemberActions row=row.clone() slug=slug.clone() /></td> })}
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <Pagination
            page=number
            previous=(number > 1).then(|| format!("{base}/members?page={}", number - 1))
            next=more.then(|| format!("{base}/members?page={}", number + 1))
        />
    }
}

#[component]
fn MemberActions(row: MemberRow, slug: String) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let select_id = format!("role-{}", row.membership_id);
    let active = row.state == MembershipState::Active;
    let suspended = row.state == MembershipState::Suspended;
    let present = row.state != MembershipState::Left;
    let role_label = format!("{} {}", t("members-role"), row.display_name);
    let target =
        |change: &str| ChangeMember::target(&MemberPath::new(&slug, &row.membership_id, change));
    view! {
        <div class="member-actions">
            {active.then(|| view! {
                <ActionForm target=target("role") class="inline-form">
                    <label for=select_id.clone() class="visually-hidden">{role_label}</label>
                    <select id=select_id.clone() name="role">
                        {Role::ALL
                            .into_iter()
                            .map(|r| view! { <option value=r.code() selected=row.role == r>{language.tr(&format!("role-{r}"))}</option> })
                            .collect_view()}
                    </select>
                    <button type="submit">{t("members-change-role")}</button>
                </ActionForm>
                <ActionForm target=target("suspend") class="inline-form">
                    <button type="submit" class="secondary">{t("members-suspend")}</button>
                </ActionForm>
            })}
            {suspended.then(|| view! {
                <ActionForm target=target("reinstate") class="inline-form">
                    <button type="submit">{t("members-reinstate")}</button>
                </ActionForm>
            })}
            {present.then(|| {
                let question = language.tr_with("members-remove-question", "name", row.display_name.clone());
                view! {
                    <ActionForm target=target("remove") class="inline-form" confirm=question>
                        <button type="submit" class="danger">{t("members-remove")}</button>
                    </ActionForm>
                }
            })}
        </div>
    }
}
