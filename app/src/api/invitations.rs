//! Page data about invitations: the invitations page (admins) and what a link offers.

use crate::{
    api::organisations::{Allowed, OrgHeader},
    domain::{policy::Action, roles::Role},
    error::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An invitation on the invitations page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationRow {
    /// Id.
    pub id: String,
    /// Address it is for, if any.
    pub email: Option<String>,
    /// The role it grants.
    pub role: Role,
    /// Expiry, RFC 3339.
    pub expires_at: String,
    /// Uses so far.
    pub uses: i32,
    /// Use limit.
    pub max_uses: Option<i32>,
    /// Whether it was revoked.
    pub revoked: bool,
}

/// The invitations page's data (`/o/:slug/invitations`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationsView {
    /// The organisation.
    pub org: OrgHeader,
    /// Its invitations, newest first.
    pub invitations: Vec<InvitationRow>,
    /// Whether this instance sends mail (so invitation addresses can be proved).
    pub mail: bool,
    /// What the viewer may do.
    pub allowed: Allowed,
}

impl InvitationsView {
    /// Whether the viewer may take `action`.
    pub fn may(&self, action: Action) -> bool {
        self.allowed.may(action)
    }
}

/// The invitations page, for someone allowed to manage invitations (admins).
#[server(endpoint = "organisation_invitations")]
pub async fn invitations_page(slug: String) -> Result<InvitationsView, AppError> {
    crate::error::answer(
        async move {
            use crate::services::{invitations, organisations};
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let rows = invitations::list(&ctx, &seen)
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
                .collect();
            Ok(InvitationsView {
                org: OrgHeader::of(&seen.organisation),
                invitations: rows,
                mail: ctx.mail,
                allowed: Allowed::of(&seen),
            })
        }
        .await,
    )
}

/// What an invitation link shows before it is accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationOffer {
    /// The organisation's name.
    pub organisation: String,
    /// Its slug.
    pub slug: String,
    /// The role offered.
    pub role: Role,
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
