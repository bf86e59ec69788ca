//! Membership changes: roles, suspension, reinstatement, removal and leaving. The policy says
//! who may ask; the domain's transition says whether the change is possible (the last admin
//! stays); each change is written with its audit entry in one transaction.

use super::{Ctx, ServiceError, ServiceResult, audit, organisations};
use crate::domain::audit::Event;
use crate::{
    domain::{
        membership::{MembershipChange, OrgAdmins, transition},
        policy::Action,
        roles::{Membership, MembershipState, Role},
    },
    entities::{account, membership},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter,
};
use serde_json::json;
use uuid::Uuid;

/// A member as listed on the members page.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct MemberRow {
    /// The membership id (what forms send back).
    pub membership_id: Uuid,
    /// The account's display name.
    pub display_name: String,
    /// The account's e-mail (shown to admins only).
    pub email: Option<String>,
    /// The role.
    pub role: Role,
    /// Where the member stands.
    pub state: MembershipState,
}

/// The members of the organisation `seen` (as loaded by `organisations::authorised`), for
/// someone allowed to see them.
pub async fn list(ctx: &Ctx, seen: &organisations::Seen) -> ServiceResult<Vec<MemberRow>> {
    seen.require(Action::ViewMembers)?;
    let show_email = seen.may(Action::InviteMembers);
    let rows = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(seen.organisation.id))
        .find_also_related_account(&ctx.db)
        .await?;
    let mut members: Vec<MemberRow> = rows
        .into_iter()
        .filter_map(|(m, a)| {
            a.map(|a| MemberRow {
                membership_id: m.id,
                display_name: a.display_name,
                email: show_email.then_some(a.email),
                role: m.role,
                state: m.state,
            })
        })
        .collect();
    members.sort_by(|a, b| {
        a.display_name
            .to_lowercase()
            .cmp(&b.display_name.to_lowercase())
    });
    Ok(members)
}

/// Applies a change to another member (admins) or to oneself (leaving).
pub async fn change(
    ctx: &Ctx,
    slug: &str,
    membership_id: Uuid,
    change: MembershipChange,
) -> ServiceResult<membership::Model> {
    let action = match change {
        MembershipChange::ChangeRole(_) => Action::ChangeRole,
        MembershipChange::Suspend => Action::SuspendMember,
        MembershipChange::Reinstate => Action::ReinstateMember,
        MembershipChange::Remove => Action::RemoveMember,
        MembershipChange::Leave => Action::LeaveOrganisation,
        MembershipChange::AcceptInvitation => return Err(ServiceError::NotFound),
    };
    // Locked first: two admins demoting each other at once are decided one after the other.
    let (txn, seen) = organisations::authorised_locked(ctx, slug, action).await?;
    let target = membership::Entity::find_by_id(membership_id)
        .one(&txn)
        .await?
        .filter(|m| m.organisation_id == seen.organisation.id)
        .ok_or(ServiceError::NotFound)?;
    // Leaving is only ever for oneself (others are removed).
    let own = seen.membership.as_ref().is_some_and(|m| m.id == target.id);
    if change == MembershipChange::Leave && !own {
        return Err(ServiceError::NotFound);
    }
    let current = Membership::new(target.role, target.state);
    let admins = OrgAdmins {
        active_admins: active_admins(&txn, seen.organisation.id).await?,
    };
    let next = transition(&current, change, &admins).map_err(|violation| {
        ServiceError::invalid(None, violation.code(), violation.to_string())
    })?;
    let mut row: membership::ActiveModel = target.clone().into();
    row.role = Set(next.role);
    row.state = Set(next.state);
    row.updated_at = Set(ctx.now);
    let updated = row.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::of_change(change),
        json!({
            "membership": target.id.to_string(),
            "account": target.account_id.to_string(),
            "from": { "role": current.role.code(), "state": current.state.code() },
            "to": { "role": next.role.code(), "state": next.state.code() },
        }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// How many active admins an organisation has.
pub async fn active_admins(db: &impl ConnectionTrait, organisation_id: Uuid) -> ServiceResult<u32> {
    let count = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::Role.eq(Role::Admin))
        .filter(membership::Column::State.eq(MembershipState::Active))
        .count(db)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Joins membership rows to their accounts (a small helper over two queries, so the entities
/// need no relation declarations).
pub(crate) trait FindAlsoAccount {
    async fn find_also_related_account(
        self,
        db: &impl ConnectionTrait,
    ) -> ServiceResult<Vec<(membership::Model, Option<account::Model>)>>;
}

impl FindAlsoAccount for sea_orm::Select<membership::Entity> {
    async fn find_also_related_account(
        self,
        db: &impl ConnectionTrait,
    ) -> ServiceResult<Vec<(membership::Model, Option<account::Model>)>> {
        let memberships = self.all(db).await?;
        let ids: Vec<Uuid> = memberships.iter().map(|m| m.account_id).collect();
        let accounts = account::Entity::find()
            .filter(account::Column::Id.is_in(ids))
            .all(db)
            .await?;
        Ok(memberships
            .into_iter()
            .map(|m| {
                let a = accounts.iter().find(|a| a.id == m.account_id).cloned();
                (m, a)
            })
            .collect())
    }
}
