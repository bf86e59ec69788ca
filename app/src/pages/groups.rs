//! `/o/:slug/groups`: the organisation's groups and their members; admins create groups and
//! add or remove members.

use crate::{
    actions::{
        Action, OrgPath,
        organisations::{
            AddGroupMember, CreateGroup, GroupMemberPath, GroupPath, RemoveGroupMember,
        },
    },
    api::organisations::{
        GroupRow, MemberRow, OrgPage, organisation_groups, organisation_members, organisation_page,
    },
    components::action_form::ActionForm,
    components::forms::{Field, ProblemSummary},
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
    let org = Resource::new_blocking(slug, organisation_page);
    let groups = Resource::new_blocking(slug, organisation_groups);
    let members = Resource::new_blocking(slug, organisation_members);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match (org.await, groups.await, members.await) {
                    (Ok(org), Ok(groups), Ok(members)) => {
                        view! { <Groups org groups members /> }.into_any()
                    }
                    (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => {
                        view! { <LoadError error /> }.into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Groups(org: OrgPage, groups: Vec<GroupRow>, members: Vec<MemberRow>) -> impl IntoView {
    let t = use_t();
    let state = use_form_state(CreateGroup::FORM);
    let membership_state = use_form_state(AddGroupMember::FORM);
    let base = format!("/o/{}", org.slug);
    let manage = org.may.manage_groups;
    let active: Vec<MemberRow> = members
        .into_iter()
        .filter(|m| m.state == "active")
        .collect();
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
        {manage.then(|| view! {
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
fn GroupCard(group: GroupRow, slug: String, manage: bool, active: Vec<MemberRow>) -> impl IntoView {
    let t = use_t();
    let add = AddGroupMember::target(&GroupPath {
        slug: slug.clone(),
        group: group.slug.clone(),
    });
    let select_id = format!("add-{}", group.slug);
    let candidates: Vec<MemberRow> = active
        .into_iter()
        .filter(|m| !group.members.iter().any(|(id, _)| *id == m.membership_id))
        .collect();
    view! {
        <section class="card group" aria-labelledby=format!("group-{}", group.slug)>
            <h2 id=format!("group-{}", group.slug)>{group.name.clone()}</h2>
            {(!group.description.is_empty()).then(|| view! { <p>{group.description.clone()}</p> })}
            <ul>
                {group
                    .members
                    .iter()
                    .map(|(id, name)| {
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
