//! `/o/:slug`: an organisation's dashboard.

use crate::{
    actions::{
        Action as _,
        organisations::{ChangeMember, MemberPath},
    },
    api::organisations::{OrganisationView, ProposalRow, organisation_page},
    components::{action_form::ActionForm, pagination::Pagination},
    domain::{policy::Action, proposal::ProposalState},
    i18n::{use_language, use_t},
    pages::{load_error::LoadError, search::SearchForm},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The organisation's name, description, the viewer's role and what they can do next.
#[component]
pub fn OrganisationPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let query = query.read();
        (
            params.read().get("slug").unwrap_or_default(),
            query
                .get("state")
                .and_then(|s| ProposalState::from_code(&s)),
            query.get("group").filter(|g| !g.is_empty()),
            query.get("page").and_then(|p| p.parse().ok()),
        )
    };
    let data = Resource::new_blocking(key, |(slug, state, group, page)| {
        organisation_page(slug, state, group, page)
    });
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
            <li><a href=format!("{base}/meetings")>{t("meetings-title")}</a></li>
            {page.may(Action::InviteMembers).then(|| view! { <li><a href=format!("{base}/invitations")>{t("org-invitations-link")}</a></li> })}
            {page.may(Action::EditOrganisationSettings).then(|| view! { <li><a href=format!("{base}/settings")>{t("org-settings-link")}</a></li> })}
        </ul>
        {(!page.open_rounds.is_empty()).then(|| view! {
            <section aria-labelledby="open-rounds">
                <h2 id="open-rounds">{t("org-open-rounds")}</h2>
                <crate::pages::rounds::RoundList slug=org.slug.clone() rounds=page.open_rounds.clone() titled=true />
            </section>
        })}
        <Proposals page=page.clone() />
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

/// The organisation's proposals: newest activity first, by state, a page at a time.
#[component]
fn Proposals(page: OrganisationView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let base = format!("/o/{}", page.org.slug);
    // The list's address with this state, group and page (what is not given stays out).
    let href = {
        let base = base.clone();
        move |state: Option<ProposalState>, group: Option<&str>, number: u64| {
            let mut query = Vec::new();
            if let Some(s) = state {
                query.push(format!("state={s}"));
            }
            if let Some(g) = group {
                // Group addresses are slugs: nothing to encode.
                query.push(format!("group={g}"));
            }
            if number > 1 {
                query.push(format!("page={number}"));
            }
            match query.is_empty() {
                true => base.clone(),
                false => format!("{base}?{}", query.join("&")),
            }
        }
    };
    let group = page.group.clone();
    let by_state = |state: Option<ProposalState>| {
        let label = match state {
            Some(s) => language.tr(&format!("proposal-state-{s}")),
            None => language.tr("proposal-state-all"),
        };
        let current = (state == page.state).then_some("page");
        view! { <li><a href=href(state, group.as_deref(), 1) aria-current=current>{label}</a></li> }
    };
    let by_group = |choice: Option<(String, String)>| {
        let (slug, label) = match choice {
            Some((slug, name)) => (Some(slug), name),
            None => (None, language.tr("proposals-all-groups")),
        };
        let current = (slug == page.group).then_some("page");
        view! { <li><a href=href(page.state, slug.as_deref(), 1) aria-current=current>{label}</a></li> }
    };
    let link_to_page = |n: u64| href(page.state, page.group.as_deref(), n);
    view! {
        <section aria-labelledby="proposals-heading">
            <h2 id="proposals-heading">{t("proposals-heading")}</h2>
            <SearchForm slug=page.org.slug.clone() />
            {page.may(Action::DraftProposal).then(|| view! {
                <p><a class="button" href=format!("{base}/proposals/new")>{t("proposal-new-title")}</a></p>
            })}
            <nav aria-label=t("proposals-filter")>
                <ul class="filters">
                    {by_state(None)}
                    {ProposalState::ALL.into_iter().map(|s| by_state(Some(s))).collect_view()}
                </ul>
                {(!page.groups.is_empty()).then(|| view! {
                    <ul class="filters">
                        {by_group(None)}
                        {page.groups.iter().map(|g| by_group(Some(g.clone()))).collect_view()}
                    </ul>
                })}
            </nav>
            {if page.proposals.is_empty() {
                view! { <p>{t("proposals-none")}</p> }.into_any()
            } else {
                view! {
                    <ul class="proposal-list">
                        {page.proposals.iter().map(|p| view! { <ProposalItem row=p.clone() base=base.clone() /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <Pagination
                page=page.page
                previous=(page.page > 1).then(|| link_to_page(page.page - 1))
                next=page.more.then(|| link_to_page(page.page + 1))
            />
        </section>
    }
}

#[component]
fn ProposalItem(row: ProposalRow, base: String) -> impl IntoView {
    let language = use_language();
    let state = language.tr(&format!("proposal-state-{}", row.state));
    let comments = language.tr_with("proposal-comment-count", "count", row.comments.to_string());
    view! {
        <li>
            {row.unread.then(|| view! { <span class="unread">{language.tr("proposal-unread")}</span> " " })}
            <a href=format!("{base}/p/{}", row.number)>{row.title}</a>
            <span class="meta">
                " · " <span class=format!("state state-{}", row.state)>{state}</span>
                {row.group.map(|g| view! { " · " {g} })}
                " · " {comments}
                " · " {row.active_at}
            </span>
        </li>
    }
}
