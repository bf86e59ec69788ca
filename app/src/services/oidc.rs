//! OpenID Connect sign-in, the database side: flows started at a provider and the identities
//! linked to accounts. The protocol (discovery, code exchange, ID-token checks) lives in the
//! server's `oidc` module; the rule of what a verified sign-in does in `domain::oidc`.

use super::{Problem, ServiceError, ServiceResult, accounts};
use crate::{
    domain::oidc::{Arrival, ClaimedEmail, Decision, decide},
    entities::{account, oidc_flow, oidc_identity},
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, TransactionTrait, sea_query::Expr,
};
use uuid::Uuid;

/// How long a person has at the provider before the flow is refused as stale.
pub const FLOW_LIFETIME: Duration = Duration::minutes(15);

/// Records a flow that is about to send the browser to a provider, and sweeps stale ones.
pub async fn begin(
    db: &impl ConnectionTrait,
    flow: oidc_flow::Model,
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    oidc_flow::Entity::delete_many()
        .filter(oidc_flow::Column::CreatedAt.lt(now - FLOW_LIFETIME))
        .exec(db)
        .await?;
    oidc_flow::ActiveModel::from(flow).insert(db).await?;
    Ok(())
}

/// Takes (reads and deletes) the flow with this state, for this provider, if it exists and
/// is fresh. Deleting first makes it single-use: of two callbacks with the same state, only
/// the one whose delete removed the row gets it.
pub async fn take(
    db: &impl ConnectionTrait,
    state: &str,
    provider: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Option<oidc_flow::Model>> {
    let Some(flow) = oidc_flow::Entity::find_by_id(state.to_owned())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let deleted = oidc_flow::Entity::delete_by_id(state.to_owned())
        .exec(db)
        .await?;
    let usable = deleted.rows_affected == 1
        && flow.provider == provider
        && now - flow.created_at < FLOW_LIFETIME;
    Ok(usable.then_some(flow))
}

/// A verified ID token's facts, as the server's `oidc` module extracts them.
#[derive(Debug, Clone)]
pub struct VerifiedIdentity {
    /// The configured provider's id the sign-in came through.
    pub provider: String,
    /// The issuer, as in the token.
    pub issuer: String,
    /// The subject (`sub`).
    pub subject: String,
    /// The e-mail address and whether the provider vouches for it.
    pub email: ClaimedEmail,
    /// A display name (`name`, else `preferred_username`), if the token has one.
    pub name: Option<String>,
}

/// Applies `domain::oidc::decide` to a verified sign-in and returns the account to sign in.
/// Everything is read and written in one transaction; a refusal writes nothing.
pub async fn complete(
    db: &sea_orm::DatabaseConnection,
    identity: &VerifiedIdentity,
    linking_account: Option<Uuid>,
    now: DateTime<Utc>,
) -> ServiceResult<account::Model> {
    let txn = db.begin().await?;
    let linked =
        oidc_identity::Entity::find_by_id((identity.issuer.clone(), identity.subject.clone()))
            .one(&txn)
            .await?;
    let email_account = match &identity.email {
        ClaimedEmail::Missing => None,
        ClaimedEmail::Unverified(address) | ClaimedEmail::Verified(address) => {
            account::Entity::find()
                .filter(account::Column::EmailKey.eq(accounts::lookup_key(address)))
                .one(&txn)
                .await?
                .map(|a| a.id)
        }
    };
    let arrival = Arrival {
        linked_account: linked.map(|l| l.account_id),
        linking_account,
        email: identity.email.clone(),
        email_account,
    };
    let account_id = match decide(&arrival) {
        Decision::SignIn(id) => {
            mark_used(&txn, identity, now).await?;
            id
        }
        Decision::Link(id) => {
            link(&txn, identity, id, now).await?;
            id
        }
        Decision::Create(address) => {
            let created = create_account(&txn, identity, &address, now).await?;
            link(&txn, identity, created, now).await?;
            created
        }
        Decision::Refuse(refusal) => {
            return Err(ServiceError::invalid(
                None,
                refusal.code(),
                refusal.message(),
            ));
        }
    };
    let account = account::Entity::find_by_id(account_id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    txn.commit().await?;
    Ok(account)
}

/// The identities linked to an account, oldest first.
pub async fn linked(
    db: &impl ConnectionTrait,
    account_id: Uuid,
) -> ServiceResult<Vec<oidc_identity::Model>> {
    Ok(oidc_identity::Entity::find()
        .filter(oidc_identity::Column::AccountId.eq(account_id))
        .order_by_asc(oidc_identity::Column::LinkedAt)
        .all(db)
        .await?)
}

/// Unlinks one of the signed-in account's identities, unless it is the account's last way
/// to sign in (no password and no other identity). Checked and written in one transaction
/// that first locks the account's row, so two unlinks at once cannot remove both of the
/// last two ways.
pub async fn unlink(
    db: &sea_orm::DatabaseConnection,
    account: &account::Model,
    issuer: &str,
    subject: &str,
) -> ServiceResult<()> {
    let txn = super::locks::begin_for_account(db, account.id).await?;
    let fresh = account::Entity::find_by_id(account.id)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let identities = linked(&txn, account.id).await?;
    if !identities
        .iter()
        .any(|i| i.issuer == issuer && i.subject == subject)
    {
        return Err(ServiceError::NotFound);
    }
    if crate::domain::oidc::unlinking_leaves_no_way_in(
        fresh.password_hash.is_some(),
        identities.len(),
    ) {
        return Err(ServiceError::invalid(
            None,
            "last_sign_in_method",
            "This is the only way to sign in to this account: set a password or link another \
             provider first.",
        ));
    }
    oidc_identity::Entity::delete_by_id((issuer.to_owned(), subject.to_owned()))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

async fn mark_used(
    db: &impl ConnectionTrait,
    identity: &VerifiedIdentity,
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    oidc_identity::Entity::update_many()
        .col_expr(oidc_identity::Column::LastUsedAt, Expr::value(now))
        .col_expr(
            oidc_identity::Column::Provider,
            Expr::value(identity.provider.clone()),
        )
        .filter(oidc_identity::Column::Issuer.eq(identity.issuer.clone()))
        .filter(oidc_identity::Column::Subject.eq(identity.subject.clone()))
        .exec(db)
        .await?;
    Ok(())
}

async fn link(
    db: &impl ConnectionTrait,
    identity: &VerifiedIdentity,
    account_id: Uuid,
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    oidc_identity::ActiveModel {
        issuer: Set(identity.issuer.clone()),
        subject: Set(identity.subject.clone()),
        account_id: Set(account_id),
        linked_at: Set(now),
        provider: Set(identity.provider.clone()),
        last_used_at: Set(Some(now)),
    }
    .insert(db)
    .await
    .map_err(|error| {
        // The same identity arriving twice at once: the other one linked it.
        ServiceError::unique_or(error, || {
            Problem::new(
                None,
                "oidc_identity_linked_elsewhere",
                "This sign-in is linked to a Quorate account already.",
            )
        })
    })?;
    Ok(())
}

async fn create_account(
    db: &impl ConnectionTrait,
    identity: &VerifiedIdentity,
    address: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Uuid> {
    let mut problems = Vec::new();
    let Some(address) = crate::domain::profile::checked_email(address, &mut problems) else {
        return Err(ServiceError::Invalid(problems));
    };
    let display_name = display_name(identity.name.as_deref(), &address);
    let id = Uuid::new_v4();
    account::ActiveModel {
        id: Set(id),
        email_key: Set(accounts::lookup_key(&address)),
        email: Set(address),
        display_name: Set(display_name),
        password_hash: Set(None),
        language: Set(None),
        created_at: Set(now),
        // Only created from an address the provider vouches for (or one trusted by config).
        email_verified_at: Set(Some(now)),
    }
    .insert(db)
    .await
    .map_err(|error| {
        ServiceError::unique_or(error, || {
            Problem::new(
                None,
                "oidc_email_has_account",
                "An account with this e-mail address exists.",
            )
        })
    })?;
    Ok(id)
}

/// The provider's name for the person, trimmed to the 120 characters an account allows,
/// without control characters (a name is one line; see `domain::text`); else the part of
/// the address before the `@`.
fn display_name(name: Option<&str>, address: &str) -> String {
    let cleaned = name.map(|n| n.chars().filter(|c| !c.is_control()).collect::<String>());
    let name = cleaned.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let fallback = address.split('@').next().unwrap_or(address);
    name.unwrap_or(fallback).chars().take(120).collect()
}

#[cfg(test)]
mod tests {
    use super::display_name;

    #[test]
    fn the_display_name_falls_back_to_the_address_and_is_cut_to_size() {
        assert_eq!(display_name(Some(" Ana "), "a@example.org"), "Ana");
        assert_eq!(display_name(Some("  "), "ana@example.org"), "ana");
        assert_eq!(display_name(None, "ana@example.org"), "ana");
        assert_eq!(display_name(Some("An\u{1b}[2Ja\n"), "a@b.org"), "An[2Ja");
        let long = "x".repeat(300);
        assert_eq!(display_name(Some(&long), "a@b.org").chars().count(), 120);
    }
}
