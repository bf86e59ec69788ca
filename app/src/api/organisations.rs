//! Page data about organisations, memberships and invitations.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An organisation in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgLink {
    /// URL slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// The viewer's role code.
    pub role: String,
    /// The viewer's membership state code.
    pub state: String,
}

/// The home page's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeView {
    /// No account exists yet: lead the first person through setting up.
    pub first_run: bool,
    /// The viewer's organisations.
    pub organisations: Vec<OrgLink>,
}

/// What the viewer may do in an organisation (the server still checks every action).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Permissions {
    /// Change settings.
    pub edit_settings: bool,
    /// Invite and manage invitations.
    pub invite: bool,
    /// Change roles, suspend, reinstate, remove.
    pub manage_members: bool,
    /// Leave the organisation.
    pub leave: bool,
    /// Create groups and choose their members.
    pub manage_groups: bool,
}

/// An organisation's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrgPage {
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
    /// The viewer's role code, if a member.
    pub role: Option<String>,
    /// The viewer's membership id.
    pub membership_id: Option<String>,
    /// Number of active members.
    pub active_members: usize,
    /// What the viewer may do.
    pub may: Permissions,
    /// Whether this instance sends mail (so invitation addresses can be proved).
    pub mail: bool,
}

/// A member row on the members page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    /// Membership id.
    pub membership_id: String,
    /// Display name.
    pub display_name: String,
    /// E-mail, for admins.
    pub email: Option<String>,
    /// Role code.
    pub role: String,
    /// State code.
    pub state: String,
}

/// An invitation on the invitations page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationRow {
    /// Id.
    pub id: String,
    /// Address it is for, if any.
    pub email: Option<String>,
    /// Role code.
    pub role: String,
    /// Expiry, RFC 3339.
    pub expires_at: String,
    /// Uses so far.
    pub uses: i32,
    /// Use limit.
    pub max_uses: Option<i32>,
    /// Whether it was revoked.
    pub revoked: bool,
}

/// What an invitation link shows before it is accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationOffer {
    /// The organisation's name.
    pub organisation: String,
    /// Its slug.
    pub slug: String,
    /// The role offered.
    pub role: String,
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

/// An organisation's page, for someone allowed to view it.
#[server(endpoint = "organisation_page")]
pub async fn organisation_page(slug: String) -> Result<OrgPage, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                domain::policy::{Action, authorise},
                services::{members, organisations},
            };
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let allowed = |action| authorise(&seen.actor, action).is_ok();
            let rows = members::list(&ctx, &slug).await.unwrap_or_default();
            Ok(OrgPage {
                slug: seen.organisation.slug.clone(),
                name: seen.organisation.name.clone(),
                description: seen.organisation.description.clone(),
                time_zone: seen.organisation.time_zone.clone(),
                default_language: seen.organisation.default_language.clone(),
                role: seen.membership.as_ref().map(|m| m.role.clone()),
                membership_id: seen.membership.as_ref().map(|m| m.id.to_string()),
                active_members: rows.iter().filter(|r| r.state == "active").count(),
                may: Permissions {
                    edit_settings: allowed(Action::EditOrganisationSettings),
                    invite: allowed(Action::InviteMembers),
                    manage_members: allowed(Action::ChangeRole),
                    leave: allowed(Action::LeaveOrganisation),
                    manage_groups: allowed(Action::CreateGroup),
                },
                mail: ctx.mail,
            })
        }
        .await,
    )
}

/// The members of an organisation.
#[server(endpoint = "organisation_members")]
pub async fn organisation_members(slug: String) -> Result<Vec<MemberRow>, AppError> {
    crate::error::answer(
        async move {
            let ctx = crate::session::service_ctx()?;
            Ok(crate::services::members::list(&ctx, &slug)
                .await?
                .into_iter()
                .map(|m| MemberRow {
                    membership_id: m.membership_id.to_string(),
                    display_name: m.display_name,
                    email: m.email,
                    role: m.role,
                    state: m.state,
                })
                .collect())
        }
        .await,
    )
}

/// The invitations of an organisation (admins).
#[server(endpoint = "organisation_invitations")]
pub async fn organisation_invitations(slug: String) -> Result<Vec<InvitationRow>, AppError> {
    crate::error::answer(
        async move {
            let ctx = crate::session::service_ctx()?;
            Ok(crate::services::invitations::list(&ctx, &slug)
                .await?
                .into_iter()
                .map(|i| InvitationRow {
                    id: i.id.to_string(),
                    email: i.email,
                    role: i.role,
                    expires_at: i.expires_at.to_rfc3339(),
                    uses: i.uses,
                    max_uses: i.max_uses,
                    revoked: i.revoked_at.is_some(),
                })
                .collect())
        }
        .await,
    )
}

/// What an invitation link offers, if it is usable.
#[server(endpoint = "invitation_preview")]
pub async fn invitation_preview(token: String) -> Result<InvitationOffer, AppError> {
    crate::error::answer(
        async move {
            let ctx = crate::session::service_ctx()?;
            match crate::services::invitations::find_usable(&ctx, &token).await {
                Ok((invitation, organisation)) => Ok(InvitationOffer {
                    organisation: organisation.name,
                    slug: organisation.slug,
                    role: invitation.role,
                }),
                Err(crate::services::ServiceError::Invalid(problems)) => Err(AppError::forbidden(
                    &problems
                        .first()
                        .map(|p| p.code.clone())
                        .unwrap_or_else(|| "invitation_not_found".into()),
                )),
                Err(other) => Err(other.into()),
            }
        }
        .await,
    )
}

/// A group with its members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRow {
    /// URL slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Description.
    pub description: String,
    /// (membership id, display name) of each member.
    pub members: Vec<(String, String)>,
}

/// The groups of an organisation.
#[server(endpoint = "organisation_groups")]
pub async fn organisation_groups(slug: String) -> Result<Vec<GroupRow>, AppError> {
    crate::error::answer(
        async move {
            let ctx = crate::session::service_ctx()?;
            Ok(crate::services::groups::list(&ctx, &slug)
                .await?
                .into_iter()
                .map(|g| GroupRow {
                    slug: g.group.slug,
                    name: g.group.name,
                    description: g.group.description,
                    members: g
                        .members
                        .into_iter()
                        .map(|(id, name)| (id.to_string(), name))
                        .collect(),
                })
                .collect())
        }
        .await,
    )
}

/// The page that asks before a member is removed or leaves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberChangeOffer {
    /// The organisation's slug.
    pub slug: String,
    /// The organisation's name.
    pub organisation: String,
    /// The member's display name.
    pub display_name: String,
    /// `remove` or `leave`.
    pub change: String,
}

/// What a removal or leaving would do, for someone who may do it.
#[server(endpoint = "member_change_preview")]
pub async fn member_change_preview(
    slug: String,
    membership: String,
    change: String,
) -> Result<MemberChangeOffer, AppError> {
    crate::error::answer(
        async move {
            use crate::{domain::policy::Action, services::organisations};
            let ctx = crate::session::service_ctx()?;
            let action = match change.as_str() {
                "remove" => Action::RemoveMember,
                "leave" => Action::LeaveOrganisation,
                _ => return Err(AppError::NotFound),
            };
            let seen = organisations::authorised(&ctx, &slug, action).await?;
            let own = seen
                .membership
                .as_ref()
                .is_some_and(|m| m.id.to_string() == membership);
            if change == "leave" && !own {
                return Err(AppError::NotFound);
            }
            let row = crate::services::members::list(&ctx, &slug)
                .await?
                .into_iter()
                .find(|m| m.membership_id.to_string() == membership)
                .ok_or(AppError::NotFound)?;
            Ok(MemberChangeOffer {
                slug: seen.organisation.slug,
                organisation: seen.organisation.name,
                display_name: row.display_name,
                change,
            })
        }
        .await,
    )
}
