//! Organisations: creating one (its creator becomes its admin), reading it as a given person,
//! and changing its settings. Every change lands in the organisation's audit chain.

use super::{Ctx, Problem, ServiceError, ServiceResult, audit};
use crate::domain::audit::Event;
use crate::{
    domain::{
        organisation::{NewOrganisation, Settings},
        policy::{Action, Actor, authorise},
        roles::{Membership, MembershipState, Role},
    },
    entities::{membership, organisation},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, JoinType, QueryFilter, QuerySelect, RelationDef, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

/// An organisation as the person asking sees it.
#[derive(Debug, Clone)]
pub struct Seen {
    /// The organisation.
    pub organisation: organisation::Model,
    /// The asker's membership row, if any.
    pub membership: Option<membership::Model>,
    /// The asker as the policy sees them.
    pub actor: Actor,
}

impl Seen {
    /// Checks that the asker may take `action` here, as [`authorised`] does: a refusal for a
    /// signed-in account with no standing in the organisation is "not found". Reads that
    /// were given a `Seen` check their own action with it instead of loading it again.
    pub fn require(&self, action: Action) -> ServiceResult<()> {
        require(&self.actor, action)
    }

    /// Whether the asker may take `action` here (for what a page offers).
    pub fn may(&self, action: Action) -> bool {
        authorise(&self.actor, action).is_ok()
    }
}

/// Checks that `actor` may take `action` in an organisation, as [`Seen::require`] does (a
/// signed-in account with no standing there: "not found").
pub fn require(actor: &Actor, action: Action) -> ServiceResult<()> {
    match authorise(actor, action) {
        Ok(()) => Ok(()),
        Err(_) if *actor == Actor::account(None) => Err(ServiceError::NotFound),
        Err(refusal) => Err(ServiceError::Forbidden(refusal)),
    }
}

/// Creates an organisation and makes the signed-in account its active admin.
pub async fn create(ctx: &Ctx, new: &NewOrganisation) -> ServiceResult<organisation::Model> {
    let account = ctx.signed_in()?;
    authorise(&Actor::account(None), Action::CreateOrganisation)
        .map_err(ServiceError::Forbidden)?;
    let settings = match new.slug_typed {
        true => new.settings.clone(),
        // Suggested from the name: the first variant nobody uses.
        false => Settings {
            slug: free_slug(&ctx.db, &new.settings.slug).await?,
            ..new.settings.clone()
        },
    };
    if slug_taken(&ctx.db, &settings.slug, None).await? {
        return Err(ServiceError::Invalid(vec![slug_taken_problem()]));
    }
    let txn = ctx.db.begin().await?;
    let created = organisation::ActiveModel {
        id: Set(Uuid::new_v4()),
        slug: Set(settings.slug.clone()),
        name: Set(settings.name.clone()),
        time_zone: Set(settings.time_zone.clone()),
        default_language: Set(settings.default_language.clone()),
        description: Set(settings.description.clone()),
        created_at: Set(ctx.now),
        paper: Set("a4".to_owned()),
        quorum_from_attendance: Set(false),
    }
    .insert(&txn)
    .await
    .map_err(slug_conflict)?;
    let admin = membership::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(created.id),
        account_id: Set(account.id),
        role: Set(Role::Admin),
        state: Set(MembershipState::Active),
        created_at: Set(ctx.now),
        updated_at: Set(ctx.now),
    }
    .insert(&txn)
    .await?;
    audit::append(
        &txn,
        created.id,
        Some(account.id),
        Event::OrganisationCreated,
        json!({ "settings": settings_json(&created), "admin": admin.id.to_string() }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Loads an organisation by slug, as the signed-in person (or nobody) sees it. Anyone may
/// learn that a slug exists only if the policy lets them view it; otherwise: not found.
pub async fn find(ctx: &Ctx, slug: &str) -> ServiceResult<Seen> {
    find_in(&ctx.db, ctx, slug).await
}

async fn find_in(db: &impl ConnectionTrait, ctx: &Ctx, slug: &str) -> ServiceResult<Seen> {
    let by_slug = organisation::Entity::find().filter(organisation::Column::Slug.eq(slug));
    let (organisation, membership) = match &ctx.account {
        // The organisation and the asker's membership in one statement (every page asks).
        Some(account) => by_slug
            .join(JoinType::LeftJoin, memberships_of(account.id))
            .select_also(membership::Entity)
            .one(db)
            .await?
            .ok_or(ServiceError::NotFound)?,
        None => (by_slug.one(db).await?.ok_or(ServiceError::NotFound)?, None),
    };
    let actor = actor_for(ctx, membership.as_ref());
    Ok(Seen {
        organisation,
        membership,
        actor,
    })
}

/// A join from an organisation to the membership of `account` in it (if any).
fn memberships_of(account: Uuid) -> RelationDef {
    use sea_orm::sea_query::{Expr, ExprTrait, IntoCondition};
    organisation::Entity::belongs_to(membership::Entity)
        .from(organisation::Column::Id)
        .to(membership::Column::OrganisationId)
        .on_condition(move |_, joined| {
            Expr::col((joined, membership::Column::AccountId))
                .eq(account)
                .into_condition()
        })
        .into()
}

/// Loads an organisation and checks that the asker may take `action` in it. A refusal for
/// someone with no standing there is reported as "not found", so ids and slugs cannot be
/// probed (a member of A learns nothing about B).
pub async fn authorised(ctx: &Ctx, slug: &str, action: Action) -> ServiceResult<Seen> {
    let seen = find(ctx, slug).await?;
    seen.require(action)?;
    Ok(seen)
}

/// Like [`authorised`], for a write: opens the transaction and locks the organisation
/// first, then loads and authorises inside it (see `services::locks`), so the decision is
/// taken on what the previous writer committed. The caller writes, audits and commits.
pub async fn authorised_locked(
    ctx: &Ctx,
    slug: &str,
    action: Action,
) -> ServiceResult<(DatabaseTransaction, Seen)> {
    let organisation_id = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(&ctx.db)
        .await?
        .ok_or(ServiceError::NotFound)?
        .id;
    let txn = super::locks::begin_for_organisation(&ctx.db, organisation_id).await?;
    let seen = find_in(&txn, ctx, slug).await?;
    seen.require(action)?;
    Ok((txn, seen))
}

/// Changes the settings; admins only.
pub async fn update_settings(
    ctx: &Ctx,
    slug: &str,
    settings: &Settings,
) -> ServiceResult<organisation::Model> {
    let (txn, seen) = authorised_locked(ctx, slug, Action::EditOrganisationSettings).await?;
    if slug_taken(&txn, &settings.slug, Some(seen.organisation.id)).await? {
        return Err(ServiceError::Invalid(vec![slug_taken_problem()]));
    }
    let before = settings_json(&seen.organisation);
    let mut row: organisation::ActiveModel = seen.organisation.clone().into();
    row.name = Set(settings.name.clone());
    row.slug = Set(settings.slug.clone());
    row.time_zone = Set(settings.time_zone.clone());
    row.default_language = Set(settings.default_language.clone());
    row.description = Set(settings.description.clone());
    let updated = row.update(&txn).await.map_err(slug_conflict)?;
    audit::append(
        &txn,
        updated.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::OrganisationSettingsChanged,
        json!({ "before": before, "after": settings_json(&updated) }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(updated)
}

/// The organisations an account is an invited, active or suspended member of.
pub async fn of_account(
    db: &impl ConnectionTrait,
    account_id: Uuid,
) -> ServiceResult<Vec<(organisation::Model, membership::Model)>> {
    let memberships = membership::Entity::find()
        .filter(membership::Column::AccountId.eq(account_id))
        .filter(membership::Column::State.ne(MembershipState::Left))
        .all(db)
        .await?;
    let mut found = Vec::new();
    for m in memberships {
        if let Some(org) = organisation::Entity::find_by_id(m.organisation_id)
            .one(db)
            .await?
        {
            found.push((org, m));
        }
    }
    found.sort_by_key(|(org, _)| org.name.to_lowercase());
    Ok(found)
}

/// The membership row of an account in an organisation.
pub async fn membership_of(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    account_id: Uuid,
) -> ServiceResult<Option<membership::Model>> {
    Ok(membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::AccountId.eq(account_id))
        .one(db)
        .await?)
}

/// The policy's view of the asker.
pub fn actor_for(ctx: &Ctx, membership: Option<&membership::Model>) -> Actor {
    match &ctx.account {
        None => Actor::Anonymous,
        Some(_) => Actor::account(membership.map(|m| Membership::new(m.role, m.state))),
    }
}

/// The settings as recorded in the audit chain.
pub fn settings_json(org: &organisation::Model) -> serde_json::Value {
    json!({
        "name": org.name,
        "slug": org.slug,
        "time_zone": org.time_zone,
        "default_language": org.default_language,
        "description": org.description,
    })
}

async fn slug_taken(
    db: &impl ConnectionTrait,
    slug: &str,
    except: Option<Uuid>,
) -> ServiceResult<bool> {
    let mut query = organisation::Entity::find().filter(organisation::Column::Slug.eq(slug));
    if let Some(id) = except {
        query = query.filter(organisation::Column::Id.ne(id));
    }
    Ok(query.one(db).await?.is_some())
}

/// `base` (a valid slug), or `base-2`, `base-3`, … the first that no organisation uses.
async fn free_slug(db: &impl ConnectionTrait, base: &str) -> ServiceResult<String> {
    for n in 1..100 {
        let candidate = if n == 1 {
            base.to_owned()
        } else {
            crate::domain::organisation::slug_with_suffix(base, n)
        };
        if !slug_taken(db, &candidate, None).await? {
            return Ok(candidate);
        }
    }
    Ok(base.to_owned())
}

fn slug_taken_problem() -> Problem {
    Problem::new(
        Some("slug"),
        "slug_taken",
        "Another organisation uses this address already; choose another.",
    )
}

fn slug_conflict(error: sea_orm::DbErr) -> ServiceError {
    ServiceError::unique_or(error, slug_taken_problem)
}
