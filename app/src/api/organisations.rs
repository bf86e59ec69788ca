//! Page data about organisations: the home page's list, an organisation's dashboard and its
//! settings page, and what every organisation page shares (its header and what the viewer
//! may do there).

use crate::{
    domain::{
        policy::Action,
        proposal::ProposalState,
        roles::{MembershipState, Role},
    },
    error::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The organisation a page is about, as its title and breadcrumbs show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgHeader {
    /// URL slug.
    pub slug: String,
    /// Name.
    pub name: String,
}

/// The policy's actions the viewer may take in an organisation, decided on the server with
/// `policy::authorise` (the server still checks every action when it is taken).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Allowed(pub Vec<Action>);

impl Allowed {
    /// Whether the viewer may take `action`.
    pub fn may(&self, action: Action) -> bool {
        self.0.contains(&action)
    }
}

#[cfg(feature = "ssr")]
impl OrgHeader {
    /// The header of an organisation row.
    pub(crate) fn of(organisation: &crate::entities::organisation::Model) -> OrgHeader {
        OrgHeader {
            slug: organisation.slug.clone(),
            name: organisation.name.clone(),
        }
    }
}

#[cfg(feature = "ssr")]
impl Allowed {
    /// Every action of the policy that the asker of `seen` may take.
    pub(crate) fn of(seen: &crate::services::organisations::Seen) -> Allowed {
        Allowed(
            Action::ALL
                .into_iter()
                .filter(|action| seen.may(*action))
                .collect(),
        )
    }
}

/// An organisation in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgLink {
    /// URL slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// The viewer's role.
    pub role: Role,
    /// Where the viewer stands.
    pub state: MembershipState,
}

/// The home page's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeView {
    /// No account exists yet: lead the first person through setting up.
    pub first_run: bool,
    /// The viewer's organisations.
    pub organisations: Vec<OrgLink>,
}

/// The home page's data for the viewer.
#[server(endpoint = "home_data")]
pub async fn home_data() -> Result<HomeView, AppError> {
    crate::error::answer(
        async move {
            use crate::{entities::account, services::organisations};
            use sea_orm::{EntityTrait, PaginatorTrait};
            let ctx = crate::session::service_ctx()?;
            let first_run = account::Entity::find()
                .count(&ctx.db)
                .await
                .map_err(crate::services::ServiceError::from)?
                == 0;
            let organisations = match &ctx.account {
                Some(a) => organisations::of_account(&ctx.db, a.id)
                    .await?
                    .into_iter()
                    .map(|(o, m)| OrgLink {
                        slug: o.slug,
                        name: o.name,
                        role: m.role,
                        state: m.state,
                    })
                    .collect(),
                None => Vec::new(),
            };
            Ok(HomeView {
                first_run,
                organisations,
            })
        }
        .await,
    )
}

/// An organisation's dashboard (`/o/:slug`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationView {
    /// The organisation.
    pub org: OrgHeader,
    /// Description.
    pub description: String,
    /// IANA time zone.
    pub time_zone: String,
    /// The viewer's role, if a member.
    pub role: Option<Role>,
    /// The viewer's membership id.
    pub membership_id: Option<String>,
    /// Number of active members.
    pub active_members: usize,
    /// One page of the proposals the viewer may see, newest activity first.
    pub proposals: Vec<ProposalRow>,
    /// The state the list shows, if only one.
    pub state: Option<ProposalState>,
    /// The group whose proposals the list shows (its web address), if only one.
    pub group: Option<String>,
    /// The organisation's groups (web address, name), to filter by.
    pub groups: Vec<(String, String)>,
    /// The page of the list shown (from 1).
    pub page: u64,
    /// Whether there is a next page.
    pub more: bool,
    /// What the viewer may do.
    pub allowed: Allowed,
    /// The open decision rounds, closing soonest first (with whether the viewer voted).
    pub open_rounds: Vec<crate::api::rounds::RoundRow>,
}

/// A proposal in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalRow {
    /// Its number.
    pub number: i32,
    /// Its title.
    pub title: String,
    /// Its state.
    pub state: ProposalState,
    /// Its group's name, if a group's.
    pub group: Option<String>,
    /// Its latest activity, in the organisation's time zone.
    pub active_at: String,
    /// How many comments it has.
    pub comments: usize,
    /// Whether the viewer has not seen its latest activity.
    pub unread: bool,
}

impl OrganisationView {
    /// Whether the viewer may take `action`.
    pub fn may(&self, action: Action) -> bool {
        self.allowed.may(action)
    }
}

/// An organisation's dashboard, for someone allowed to view it, with page `page` (from 1)
/// of its proposals, those in `state` only if one is given.
#[server(endpoint = "organisation_page")]
pub async fn organisation_page(
    slug: String,
    state: Option<ProposalState>,
    group: Option<String>,
    page: Option<u64>,
) -> Result<OrganisationView, AppError> {
    crate::error::answer(
        async move {
            use crate::services::{members, organisations, proposals};
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let active_members = members::list(&ctx, &seen)
                .await?
                .iter()
                .filter(|m| m.state == MembershipState::Active)
                .count();
            let page = page.unwrap_or(1).max(1);
            let groups = crate::entities::group::Entity::find()
                .filter(crate::entities::group::Column::OrganisationId.eq(seen.organisation.id))
                .all(&ctx.db)
                .await
                .map_err(crate::services::ServiceError::from)?;
            // An unknown group matches nothing (never every proposal).
            let group_id = group.as_ref().map(|slug| {
                groups
                    .iter()
                    .find(|g| &g.slug == slug)
                    .map_or(uuid::Uuid::nil(), |g| g.id)
            });
            let (rows, more) = proposals::list(&ctx, &seen, state, group_id, page - 1).await?;
            let zone = &seen.organisation.time_zone;
            let counts = crate::services::comments::counts_and_unread(
                &ctx.db,
                &rows,
                seen.membership.as_ref().map(|m| m.id),
            )
            .await?;
            let proposals = rows
                .into_iter()
                .map(|p| ProposalRow {
                    comments: counts.get(&p.id).map_or(0, |c| c.0),
                    unread: counts.get(&p.id).is_some_and(|c| c.1),
                    number: p.number,
                    title: p.title,
                    state: p.state,
                    group: p
                        .group_id
                        .and_then(|id| groups.iter().find(|g| g.id == id))
                        .map(|g| g.name.clone()),
                    active_at: super::local_time(p.active_at, zone),
                })
                .collect();
            let mut open_rounds = Vec::new();
            for round in
                crate::services::rounds::open_in_organisation(&ctx.db, seen.organisation.id).await?
            {
                if let Some(proposal) =
                    crate::entities::proposal::Entity::find_by_id(round.proposal_id)
                        .one(&ctx.db)
                        .await
                        .map_err(crate::services::ServiceError::from)?
                {
                    open_rounds
                        .push(crate::api::rounds::row_of(&ctx, &seen, &round, &proposal).await?);
                }
            }
            Ok(OrganisationView {
                open_rounds,
                org: OrgHeader::of(&seen.organisation),
                description: seen.organisation.description.clone(),
                time_zone: seen.organisation.time_zone.clone(),
                role: seen.membership.as_ref().map(|m| m.role),
                membership_id: seen.membership.as_ref().map(|m| m.id.to_string()),
                active_members,
                proposals,
                state,
                group,
                groups: groups
                    .iter()
                    .map(|g| (g.slug.clone(), g.name.clone()))
                    .collect(),
                page,
                more,
                allowed: Allowed::of(&seen),
            })
        }
        .await,
    )
}

/// An organisation's settings as the settings form shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgSettings {
    /// URL slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// IANA time zone.
    pub time_zone: String,
    /// Default language code.
    pub default_language: String,
}

/// The settings page's data (`/o/:slug/settings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsView {
    /// The current settings (their slug and name are the page's header).
    pub settings: OrgSettings,
    /// What the viewer may do.
    pub allowed: Allowed,
}

impl SettingsView {
    /// Whether the viewer may take `action`.
    pub fn may(&self, action: Action) -> bool {
        self.allowed.may(action)
    }
}

/// An organisation's settings page, for someone allowed to view the organisation (the page
/// offers the form to those who may change them).
#[server(endpoint = "organisation_settings")]
pub async fn settings_page(slug: String) -> Result<SettingsView, AppError> {
    crate::error::answer(
        async move {
            use crate::services::organisations;
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let allowed = Allowed::of(&seen);
            let organisation = seen.organisation;
            Ok(SettingsView {
                settings: OrgSettings {
                    slug: organisation.slug,
                    name: organisation.name,
                    description: organisation.description,
                    time_zone: organisation.time_zone,
                    default_language: organisation.default_language,
                },
                allowed,
            })
        }
        .await,
    )
}

#[cfg(test)]
mod tests {
    use super::Allowed;
    use crate::domain::policy::Action;

    #[test]
    fn a_view_allows_exactly_the_actions_it_carries() {
        let allowed = Allowed(vec![Action::ViewOrganisation, Action::CreateGroup]);
        assert!(allowed.may(Action::CreateGroup));
        assert!(!allowed.may(Action::ChangeRole));
        assert!(!Allowed::default().may(Action::ViewOrganisation));
    }

    #[test]
    fn allowed_actions_travel_as_their_snake_case_codes() {
        let allowed = Allowed(vec![Action::EditOrganisationSettings]);
        assert_eq!(
            serde_json::to_string(&allowed).ok().as_deref(),
            Some(r#"["edit_organisation_settings"]"#)
        );
    }
}
