//! Invitations: an admin creates a link (optionally for one e-mail address) with a role, an
//! expiry and a use limit; accepting it makes the signed-in person an active member. Only the
//! token's hash is stored: a forged or guessed link matches nothing.

use super::{Ctx, Problem, ServiceError, ServiceResult, audit, organisations, tokens};
use crate::domain::audit::Event;
use crate::{
    domain::{
        invitation::{
            Acceptor, Invitation, InvitationProblem, InvitationRequest, JoinRefusal, address_check,
            check, check_found, may_give_role, may_join, record_use,
        },
        policy::{Action, Refusal},
        roles::MembershipState,
    },
    entities::{invitation, membership, organisation},
};
use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use uuid::Uuid;

/// A created invitation, with the one-time view of its token.
#[derive(Debug, Clone)]
pub struct Created {
    /// The stored row.
    pub invitation: invitation::Model,
    /// The token for the link (shown once; only its hash is stored).
    pub token: String,
}

/// Creates an invitation; admins only.
pub async fn create(ctx: &Ctx, slug: &str, request: &InvitationRequest) -> ServiceResult<Created> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::InviteMembers).await?;
    let inviter = seen
        .membership
        .as_ref()
        .map(|m| m.role)
        .ok_or(ServiceError::NotFound)?;
    may_give_role(inviter, request)
        .map_err(|p| ServiceError::Invalid(vec![Problem::broken(Some("role"), &p)]))?;
    let (email, role, max_uses) = (
        request.email.clone(),
        request.role,
        request
            .max_uses
            .map(i32::try_from)
            .transpose()
            .map_err(anyhow::Error::from)?,
    );
    let token = tokens::random_token()?;
    let created = invitation::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(seen.organisation.id),
        token_hash: Set(tokens::token_hash(&token)),
        email: Set(email.clone()),
        role: Set(role),
        expires_at: Set(ctx.now + Duration::days(request.valid_for_days)),
        max_uses: Set(max_uses),
        uses: Set(0),
        created_by: Set(ctx.signed_in()?.id),
        created_at: Set(ctx.now),
        revoked_at: Set(None),
    }
    .insert(&txn)
    .await?;
    audit::append(
        &txn,
        seen.organisation.id,
        Some(ctx.signed_in()?.id),
        Event::InvitationCreated,
        json!({
            "invitation": created.id.to_string(),
            "email": email,
            "role": role.code(),
            "expires_at": created.expires_at.to_rfc3339(),
            "max_uses": max_uses,
        }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(Created {
        invitation: created,
        token,
    })
}

/// The invitations of the organisation `seen` (as loaded by `organisations::authorised`),
/// newest first; admins only.
pub async fn list(ctx: &Ctx, seen: &organisations::Seen) -> ServiceResult<Vec<invitation::Model>> {
    seen.require(Action::ManageInvitations)?;
    Ok(invitation::Entity::find()
        .filter(invitation::Column::OrganisationId.eq(seen.organisation.id))
        .order_by_desc(invitation::Column::CreatedAt)
        .all(&ctx.db)
        .await?)
}

/// Revokes an invitation; admins only.
pub async fn revoke(ctx: &Ctx, slug: &str, invitation_id: Uuid) -> ServiceResult<()> {
    let (txn, seen) =
        organisations::authorised_locked(ctx, slug, Action::ManageInvitations).await?;
    let found = invitation::Entity::find_by_id(invitation_id)
        .one(&txn)
        .await?
        .filter(|i| i.organisation_id == seen.organisation.id)
        .ok_or(ServiceError::NotFound)?;
    // Revoking again changes nothing: the first revocation's time and entry stand.
    if found.revoked_at.is_some() {
        return Err(refused(InvitationProblem::InvitationRevoked));
    }
    let mut row: invitation::ActiveModel = found.into();
    row.revoked_at = Set(Some(ctx.now));
    row.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::InvitationRevoked,
        json!({ "invitation": invitation_id.to_string() }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The invitation a token names and its organisation, if the token is genuine and usable.
pub async fn find_usable(
    ctx: &Ctx,
    token: &str,
) -> ServiceResult<(invitation::Model, organisation::Model)> {
    let found = invitation::Entity::find()
        .filter(invitation::Column::TokenHash.eq(tokens::token_hash(token)))
        .one(&ctx.db)
        .await?;
    check_found(found.as_ref().map(stored).as_ref(), ctx.now).map_err(refused)?;
    let found = found.ok_or(ServiceError::NotFound)?;
    let organisation = organisation::Entity::find_by_id(found.organisation_id)
        .one(&ctx.db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    Ok((found, organisation))
}

/// The address key an invitation is bound to, when `next` is that invitation's link
/// (`/invite/<token>`) and it is usable: someone signing up from it proves that address by
/// holding the link that was mailed to it.
pub async fn address_key_for_next(ctx: &Ctx, next: &str) -> ServiceResult<Option<String>> {
    let Some(token) = next
        .strip_prefix("/invite/")
        .filter(|t| !t.contains(['/', '?']))
    else {
        return Ok(None);
    };
    match find_usable(ctx, token).await {
        Ok((found, _)) => Ok(found.email.as_deref().map(super::accounts::lookup_key)),
        Err(ServiceError::Invalid(_) | ServiceError::NotFound) => Ok(None),
        Err(other) => Err(other),
    }
}

/// Accepts an invitation as the signed-in account: it becomes (again) an active member with
/// the invitation's role. Someone already active keeps their membership as it is.
pub async fn accept(ctx: &Ctx, token: &str) -> ServiceResult<organisation::Model> {
    let account = ctx.signed_in()?;
    let (found, organisation) = find_usable(ctx, token).await?;
    let invited_key = found.email.as_deref().map(super::accounts::lookup_key);
    let acceptor = Acceptor {
        email_key: &account.email_key,
        email_verified: account.email_verified_at.is_some(),
    };
    address_check(invited_key.as_deref(), acceptor, ctx.mail).map_err(refused)?;
    // Locked first: two people taking the last use at once are decided one after the other.
    let txn = super::locks::begin_for_organisation(&ctx.db, organisation.id).await?;
    let existing = organisations::membership_of(&txn, organisation.id, account.id).await?;
    let role = stored(&found).role;
    may_join(existing.as_ref().map(|m| m.state)).map_err(|refusal| match refusal {
        JoinRefusal::AlreadyAMember => ServiceError::invalid(
            None,
            "already_a_member",
            "You are a member of this organisation already.",
        ),
        JoinRefusal::Suspended => ServiceError::Forbidden(Refusal::MembershipNotActive {
            state: MembershipState::Suspended,
        }),
    })?;
    let joined = match existing {
        Some(m) => {
            let mut row: membership::ActiveModel = m.into();
            row.role = Set(role);
            row.state = Set(MembershipState::Active);
            row.updated_at = Set(ctx.now);
            row.update(&txn).await?
        }
        None => {
            membership::ActiveModel {
                id: Set(Uuid::new_v4()),
                organisation_id: Set(organisation.id),
                account_id: Set(account.id),
                role: Set(role),
                state: Set(MembershipState::Active),
                created_at: Set(ctx.now),
                updated_at: Set(ctx.now),
            }
            .insert(&txn)
            .await?
        }
    };
    // Count the use inside the transaction, re-checking the limit against the fresh row so
    // that two people racing for the last use cannot both get in.
    let fresh = invitation::Entity::find_by_id(found.id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let counted = stored(&fresh);
    check(&counted, ctx.now).map_err(refused)?;
    let uses = i32::try_from(record_use(&counted).uses).map_err(anyhow::Error::from)?;
    let mut row: invitation::ActiveModel = fresh.into();
    row.uses = Set(uses);
    row.update(&txn).await?;
    audit::append(
        &txn,
        organisation.id,
        Some(account.id),
        Event::InvitationAccepted,
        json!({
            "invitation": found.id.to_string(),
            "membership": joined.id.to_string(),
            "account": account.id.to_string(),
            "role": joined.role,
        }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(organisation)
}

/// The domain's view of a stored invitation.
fn stored(found: &invitation::Model) -> Invitation {
    Invitation {
        role: found.role,
        expires_at: found.expires_at,
        max_uses: found.max_uses.and_then(|n| u32::try_from(n).ok()),
        uses: u32::try_from(found.uses).unwrap_or(u32::MAX),
        revoked: found.revoked_at.is_some(),
    }
}

/// An invitation that cannot be used, as a broken rule (422).
fn refused(problem: InvitationProblem) -> ServiceError {
    ServiceError::Invalid(vec![Problem::broken(None, &problem)])
}
