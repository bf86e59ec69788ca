//! Page data about an organisation's members: the members page and the page that asks
//! before a member is removed or leaves.

use crate::{
    api::organisations::{Allowed, OrgHeader},
    domain::{
        policy::Action,
        roles::{MembershipState, Role},
    },
    error::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A member row on the members page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    /// Membership id.
    pub membership_id: String,
    /// Display name.
    pub display_name: String,
    /// E-mail, for admins.
    pub email: Option<String>,
    /// The role.
    pub role: Role,
    /// Where the member stands.
    pub state: MembershipState,
}

/// The members page's data (`/o/:slug/members`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembersView {
    /// The organisation.
    pub org: OrgHeader,
    /// One page of its members, by name.
    pub members: Vec<MemberRow>,
    /// The page shown, from 1.
    pub page: u64,
    /// Whether there is a next page.
    pub more: bool,
    /// What the viewer may do.
    pub allowed: Allowed,
}

/// How many members a page of the list holds.
pub const MEMBERS_PAGE_SIZE: usize = 50;

impl MembersView {
    /// Whether the viewer may take `action`.
    pub fn may(&self, action: Action) -> bool {
        self.allowed.may(action)
    }
}

/// One page of the members list, for someone allowed to see the members: page `page` (from
/// 1), or the page that holds membership `member` (where a mention links), or the first.
#[server(endpoint = "organisation_members")]
pub async fn members_page(
    slug: String,
    page: Option<u64>,
    member: Option<String>,
) -> Result<MembersView, AppError> {
    crate::error::answer(
        async move {
            use crate::services::{members, organisations};
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let all = members::list(&ctx, &seen).await?;
            let holding = member.and_then(|id| {
                all.iter()
                    .position(|m| m.membership_id.to_string() == id)
                    .and_then(|at| u64::try_from(at / MEMBERS_PAGE_SIZE + 1).ok())
            });
            let page = page.or(holding).unwrap_or(1).max(1);
            let skip = usize::try_from(page - 1)
                .unwrap_or(usize::MAX)
                .saturating_mul(MEMBERS_PAGE_SIZE);
            let more = all.len() > skip.saturating_add(MEMBERS_PAGE_SIZE);
            let members = all
                .into_iter()
                .skip(skip)
                .take(MEMBERS_PAGE_SIZE)
                .map(|m| MemberRow {
                    membership_id: m.membership_id.to_string(),
                    display_name: m.display_name,
                    email: m.email,
                    role: m.role,
                    state: m.state,
                })
                .collect();
            Ok(MembersView {
                org: OrgHeader::of(&seen.organisation),
                members,
                page,
                more,
                allowed: Allowed::of(&seen),
            })
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
            use crate::services::{members, organisations};
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
            // The member's name comes from the member list, which needs its own standing
            // (`ViewMembers`): a suspended member may leave, but is not asked here.
            let row = members::list(&ctx, &seen)
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
