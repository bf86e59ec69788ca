//! Page data about an organisation's groups.

use crate::{
    api::organisations::{Allowed, OrgHeader},
    domain::policy::Action,
    error::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A member of the organisation, by name (in a group, or one who could join it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberName {
    /// Membership id.
    pub membership_id: String,
    /// Display name.
    pub display_name: String,
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
    /// Its members, by name.
    pub members: Vec<MemberName>,
}

/// The groups page's data (`/o/:slug/groups`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupsView {
    /// The organisation.
    pub org: OrgHeader,
    /// Its groups, by name.
    pub groups: Vec<GroupRow>,
    /// The active members, by name: those who can be added to a group.
    pub candidates: Vec<MemberName>,
    /// What the viewer may do.
    pub allowed: Allowed,
}

impl GroupsView {
    /// Whether the viewer may take `action`.
    pub fn may(&self, action: Action) -> bool {
        self.allowed.may(action)
    }
}

/// The groups page, for someone allowed to view the organisation and its members.
#[server(endpoint = "organisation_groups")]
pub async fn groups_page(slug: String) -> Result<GroupsView, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                domain::roles::MembershipState,
                services::{groups, members, organisations},
            };
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let groups = groups::list(&ctx, &seen)
                .await?
                .into_iter()
                .map(|g| GroupRow {
                    slug: g.group.slug,
                    name: g.group.name,
                    description: g.group.description,
                    members: g
                        .members
                        .into_iter()
                        .map(|(id, name)| MemberName {
                            membership_id: id.to_string(),
                            display_name: name,
                        })
                        .collect(),
                })
                .collect();
            let candidates = members::list(&ctx, &seen)
                .await?
                .into_iter()
                .filter(|m| m.state == MembershipState::Active)
                .map(|m| MemberName {
                    membership_id: m.membership_id.to_string(),
                    display_name: m.display_name,
                })
                .collect();
            Ok(GroupsView {
                org: OrgHeader::of(&seen.organisation),
                groups,
                candidates,
                allowed: Allowed::of(&seen),
            })
        }
        .await,
    )
}
