//! Groups inside an organisation (working groups, circles; decision-rules.md §1): admins
//! create them and choose their members from the organisation's members. A group's members
//! will be the electorate of its rounds.

use super::{Ctx, Problem, ServiceError, ServiceResult, audit, organisations};
use crate::domain::audit::Event;
use crate::{
    domain::{
        organisation::{DESCRIPTION_MAX_CHARS, slug_problems},
        policy::Action,
        roles::MembershipState,
        text::{self, Lines},
    },
    entities::{account, group, group_member, membership},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use uuid::Uuid;

/// What the new-group form sends.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct NewGroup {
    /// Display name.
    pub name: String,
    /// URL slug, unique in the organisation.
    pub slug: String,
    /// Free text.
    #[serde(default)]
    pub description: String,
}

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
pub async fn create(ctx: &Ctx, slug: &str, form: &NewGroup) -> ServiceResult<group::Model> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::CreateGroup).await?;
    let name = form.name.trim();
    let group_slug = form.slug.trim();
    let mut problems: Vec<Problem> = slug_problems(group_slug)
        .into_iter()
        .map(|p| Problem {
            args: p.args(),
            ..Problem::new(Some("slug"), p.code(), p.to_string())
        })
        .collect();
    if name.is_empty() || name.chars().count() > 120 {
        problems.push(Problem::new(
            Some("name"),
            "name_length",
            "The name must have between 1 and 120 characters.",
        ));
    }
    if text::has_control_characters(name, Lines::Single) {
        problems.push(super::accounts::control_characters_problem("name"));
    }
    if text::has_control_characters(&form.description, Lines::Multi) {
        problems.push(super::accounts::control_characters_problem("description"));
    }
    let description_chars = form.description.chars().count();
    if description_chars > DESCRIPTION_MAX_CHARS {
        problems.push(
            Problem::new(
                Some("description"),
                "description_too_long",
                format!("The description must have at most {DESCRIPTION_MAX_CHARS} characters."),
            )
            .arg("max", DESCRIPTION_MAX_CHARS)
            .arg("actual", description_chars),
        );
    }
    let taken = group::Entity::find()
        .filter(group::Column::OrganisationId.eq(seen.organisation.id))
        .filter(group::Column::Slug.eq(group_slug))
        .one(&txn)
        .await?
        .is_some();
    if taken {
        problems.push(Problem::new(
            Some("slug"),
            "group_slug_taken",
            "Another group of this organisation uses this address.",
        ));
    }
    if !problems.is_empty() {
        return Err(ServiceError::Invalid(problems));
    }
    let created = group::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(seen.organisation.id),
        slug: Set(group_slug.to_owned()),
        name: Set(name.to_owned()),
        description: Set(form.description.clone()),
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
            if member.state != MembershipState::Active {
                return Err(ServiceError::invalid(
                    Some("membership"),
                    "group_member_not_active",
                    "Only active members can join a group.",
                ));
            }
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
