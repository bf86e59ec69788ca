//! `/o/:slug/groups`: the organisation's groups and their members; admins create groups and
//! add or remove members.

use crate::{
    actions::{
        Action as _, OrgPath,
        organisations::{
            AddGroupMember, CreateGroup, GroupMemberPath, GroupPath, RemoveGroupMember,
        },
    },
    api::groups::{GroupRow, GroupsView, MemberName, groups_page},
    components::action_form::ActionForm,
    components::forms::{Field, ProblemSummary},
    domain::policy::Action,
    i18n::use_t,
    pages::load_error::LoadError,
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The groups page.
#[component]
pub fn GroupsPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let data = Resource::new_blocking(slug, groups_page);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Groups page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Groups(page: GroupsView) -> impl IntoView {
    let t = use_t();
    let state = use_form_state(CreateGroup::FORM);
    let membership_state = use_form_state(AddGroupMember::FORM);
    let create = page.may(Action::CreateGroup);
    let manage = page.may(Action::ManageGroupMembers);
    let GroupsView {
        org,
        groups,
        candidates: active,
        ..
    } = page;
    let base = format!("/o/{}", org.slug);
    view! {
        <Title text=format!("{} · {}", t("org-groups-link"), org.name) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=base.clone()>{org.name.clone()}</a>
        </nav>
        <h1>{t("org-groups-link")}</h1>
        <ProblemSummary form=AddGroupMember::FORM state=membership_state />
        {if groups.is_empty() {
            view! { <p>{t("groups-none")}</p> }.into_any()
        } else {
            groups
                .into_iter()
                .map(|group| {
                    view! { <GroupCard group slug=org.slug.clone() manage active=active.clone() /> }
                })
                .collect_view()
                .into_any()
        }}
        {create.then(|| view! {
            <h2>{t("groups-new")}</h2>
            <ProblemSummary form=CreateGroup::FORM state=state.clone() />
            <ActionForm target=CreateGroup::target(&OrgPath::new(org.slug.clone())) class="stack narrow">
                <Field form=CreateGroup::FORM name="name" label=t("field-group-name") state=state.clone() required=true />
                <Field form=CreateGroup::FORM name="slug" label=t("field-org-slug") state=state.clone() hint=t("field-group-slug-hint") required=true />
                <Field form=CreateGroup::FORM name="description" label=t("field-description") state=state.clone() />
                <button type="submit">{t("groups-create")}</button>
            </ActionForm>
        })}
    }
}

#[component]
fn GroupCard(
    group: GroupRow,
    slug: String,
    manage: bool,
    active: Vec<MemberName>,
) -> impl IntoView {
    let t = use_t();
    let add = AddGroupMember::target(&GroupPath {
        slug: slug.clone(),
        group: group.slug.clone(),
    });
    let select_id = format!("add-{}", group.slug);
    let candidates: Vec<MemberName> = active
        .into_iter()
        .filter(|m| {
            !group
                .members
                .iter()
                .any(|g| g.membership_id == m.membership_id)
        })
        .collect();
    view! {
        <section class="card group" aria-labelledby=format!("group-{}", group.slug)>
            <h2 id=format!("group-{}", group.slug)>{group.name.clone()}</h2>
            {(!group.description.is_empty()).then(|| view! { <p>{group.description.clone()}</p> })}
            <ul>
                {group
                    .members
                    .iter()
                    .map(|MemberName { membership_id: id, display_name: name }| {
                        let label = format!("{} {name}", t("groups-remove-member"));
                        view! {
                            <li>
                                {name.clone()}
                                {manage.then(|| view! {
                                    " "
                                    <ActionForm target=RemoveGroupMember::target(&GroupMemberPath { slug: slug.clone(), group: group.slug.clone(), membership: id.clone() }) class="inline-form">
                                        <button type="submit" class="secondary" aria-label=label>
                                            {t("groups-remove-member")}
                                        </button>
                                    </ActionForm>
                                })}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {(manage && !candidates.is_empty()).then(|| view! {
                <ActionForm target=add class="inline-form">
                    <label for=select_id.clone()>{t("groups-add-member")}</label>
                    <select id=select_id.clone() name="membership">
                        {candidates
                            .iter()
                            .map(|m| view! { <option value=m.membership_id.clone()>{m.display_name.clone()}</option> })
                            .collect_view()}
                    </select>
                    <button type="submit">{t("groups-add")}</button>
                </ActionForm>
            })}
        </section>
    }
}
