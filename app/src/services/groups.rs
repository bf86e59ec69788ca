//! Groups inside an organisation (working groups, circles; decision-rules.md §1): admins
//! create them and choose their members from the organisation's members. A group's members
//! will be the electorate of its rounds.

use super::{Ctx, Problem, ServiceError, ServiceResult, audit, organisations};
use crate::domain::audit::Event;
use crate::{
    domain::{
        group::{NewGroup, may_join_group},
        policy::Action,
    },
    entities::{account, group, group_member, membership},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use uuid::Uuid;

/// A group with its members' names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupView {
    /// The group.
    pub group: group::Model,
    /// (membership id, display name) of its members, by name.
    pub members: Vec<(Uuid, String)>,
}

/// The groups of the organisation `seen` (as loaded by `organisations::authorised`); anyone
/// who may view the organisation may see them.
pub async fn list(ctx: &Ctx, seen: &organisations::Seen) -> ServiceResult<Vec<GroupView>> {
    seen.require(Action::ViewOrganisation)?;
    let groups = group::Entity::find()
        .filter(group::Column::OrganisationId.eq(seen.organisation.id))
        .order_by_asc(group::Column::Name)
        .all(&ctx.db)
        .await?;
    let mut views = Vec::with_capacity(groups.len());
    for group in groups {
        let links = group_member::Entity::find()
            .filter(group_member::Column::GroupId.eq(group.id))
            .all(&ctx.db)
            .await?;
        let mut members = Vec::new();
        for link in links {
            let Some(m) = membership::Entity::find_by_id(link.membership_id)
                .one(&ctx.db)
                .await?
            else {
                continue;
            };
            if let Some(a) = account::Entity::find_by_id(m.account_id)
                .one(&ctx.db)
                .await?
            {
                members.push((m.id, a.display_name));
            }
        }
        members.sort_by_key(|m| m.1.to_lowercase());
        views.push(GroupView { group, members });
    }
    Ok(views)
}

/// Creates a group; admins only.
pub async fn create(ctx: &Ctx, slug: &str, new: &NewGroup) -> ServiceResult<group::Model> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::CreateGroup).await?;
    let taken = group::Entity::find()
        .filter(group::Column::OrganisationId.eq(seen.organisation.id))
        .filter(group::Column::Slug.eq(&new.slug))
        .one(&txn)
        .await?
        .is_some();
    if taken {
        return Err(ServiceError::invalid(
            Some("slug"),
            "group_slug_taken",
            "Another group of this organisation uses this address.",
        ));
    }
    let created = group::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(seen.organisation.id),
        slug: Set(new.slug.clone()),
        name: Set(new.name.clone()),
        description: Set(new.description.clone()),
        created_at: Set(ctx.now),
    }
    .insert(&txn)
    .await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::GroupCreated,
        json!({ "group": created.id.to_string(), "slug": created.slug, "name": created.name }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Adds (`add = true`) or removes a member of the organisation to or from a group; admins only.
/// Only active members can be added.
pub async fn set_member(
    ctx: &Ctx,
    slug: &str,
    group_slug: &str,
    membership_id: Uuid,
    add: bool,
) -> ServiceResult<()> {
    let (txn, seen) =
        organisations::authorised_locked(ctx, slug, Action::ManageGroupMembers).await?;
    let group = group::Entity::find()
        .filter(group::Column::OrganisationId.eq(seen.organisation.id))
        .filter(group::Column::Slug.eq(group_slug))
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let member = membership::Entity::find_by_id(membership_id)
        .one(&txn)
        .await?
        .filter(|m| m.organisation_id == seen.organisation.id)
        .ok_or(ServiceError::NotFound)?;
    let existing = group_member::Entity::find_by_id((group.id, member.id))
        .one(&txn)
        .await?;
    match (add, existing) {
        (true, Some(_)) | (false, None) => return Ok(()),
        (true, None) => {
            may_join_group(member.state).map_err(|problem| {
                ServiceError::Invalid(vec![Problem::broken(Some("membership"), &problem)])
            })?;
            group_member::ActiveModel {
                group_id: Set(group.id),
                membership_id: Set(member.id),
                added_at: Set(ctx.now),
            }
            .insert(&txn)
            .await?;
        }
        (false, Some(found)) => {
            group_member::Entity::delete_by_id((found.group_id, found.membership_id))
                .exec(&txn)
                .await?;
        }
    }
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        if add {
            Event::GroupMemberAdded
        } else {
            Event::GroupMemberRemoved
        },
        json!({ "group": group.id.to_string(), "membership": member.id.to_string() }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The membership ids of a group's members.
pub async fn member_ids(
    db: &impl sea_orm::ConnectionTrait,
    group_id: Uuid,
) -> ServiceResult<Vec<Uuid>> {
    Ok(group_member::Entity::find()
        .filter(group_member::Column::GroupId.eq(group_id))
        .all(db)
        .await?
        .into_iter()
        .map(|link| link.membership_id)
        .collect())
}
