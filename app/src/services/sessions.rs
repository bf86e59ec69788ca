//! Sessions kept in the database (both engines): the cookie holds a random token, the table
//! its hash. A new token at every sign-in; sign-out ends it; a password change ends the others.

use super::{ServiceError, ServiceResult, tokens};
use crate::entities::{account, session};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, JoinType,
    QueryFilter, QuerySelect, RelationDef,
};
use std::{
    collections::{BTreeSet, HashMap},
    sync::Arc,
};
use uuid::Uuid;

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "quorate_session";

/// How long a session lasts.
pub const SESSION_LENGTH: Duration = Duration::days(30);

/// Starts a session for the account and returns the token for the cookie.
pub async fn start(
    db: &impl ConnectionTrait,
    account_id: Uuid,
    now: DateTime<Utc>,
) -> ServiceResult<String> {
    let token = tokens::random_token()?;
    session::Entity::insert(session::ActiveModel {
        id_hash: Set(tokens::token_hash(&token)),
        account_id: Set(account_id),
        created_at: Set(now),
        expires_at: Set(now + SESSION_LENGTH),
    })
    .exec(db)
    .await?;
    Ok(token)
}

/// Signs an account in on this browser: ends the session the browser had (if any), so a
/// session id never survives a sign-in (session fixation), and starts a new one.
pub async fn rotate(
    db: &impl ConnectionTrait,
    previous: Option<&str>,
    account_id: Uuid,
    now: DateTime<Utc>,
) -> ServiceResult<String> {
    if let Some(old) = previous {
        end(db, old).await?;
    }
    start(db, account_id, now).await
}

/// This instance's session look-ups, done in batches when many requests ask at once: each
/// a token and the instant it is asked at.
pub type Lookups = super::batch::Batcher<(String, DateTime<Utc>), Option<account::Model>>;

/// The account a cookie's token belongs to, if the session exists and has not expired (an
/// expired one is ended). Every request asks this, so the tokens of requests that arrive
/// together are looked up together, in one statement (`services::batch`).
pub async fn account_for(
    db: &DatabaseConnection,
    lookups: &Arc<Lookups>,
    token: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Option<account::Model>> {
    lookups
        .run((token.to_owned(), now), |asked| {
            let db = db.clone();
            async move {
                let found = match accounts_for(&db, &asked).await {
                    Ok(found) => found,
                    Err(error) => {
                        let error = error.to_string();
                        let failed = || ServiceError::Internal(anyhow::anyhow!("{error}"));
                        return asked.iter().map(|_| Err(failed())).collect();
                    }
                };
                // Ending expired sessions is a write: it waits for the write lock on SQLite,
                // so it is done after the answers, not in the look-up everyone waits for.
                if !found.expired.is_empty() {
                    tokio::spawn(async move {
                        if let Err(error) = end_all(&db, found.expired).await {
                            tracing::warn!(%error, "could not end expired sessions");
                        }
                    });
                }
                found.accounts.into_iter().map(Ok).collect()
            }
        })
        .await
}

/// What [`accounts_for`] found.
#[derive(Debug, Default)]
struct Found {
    /// For each token asked about, in order, its session's account (none for an unknown or
    /// expired session).
    accounts: Vec<Option<account::Model>>,
    /// The hashes of the expired sessions among them, to be ended.
    expired: Vec<String>,
}

/// The account of each token's session as at its instant, in the order asked: the sessions
/// with their accounts in one statement.
async fn accounts_for(
    db: &impl ConnectionTrait,
    asked: &[(String, DateTime<Utc>)],
) -> ServiceResult<Found> {
    let to_account: RelationDef = session::Entity::belongs_to(account::Entity)
        .from(session::Column::AccountId)
        .to(account::Column::Id)
        .into();
    let hashes: Vec<String> = asked.iter().map(|(t, _)| tokens::token_hash(t)).collect();
    let unique: BTreeSet<&String> = hashes.iter().collect();
    let sessions: HashMap<String, (session::Model, Option<account::Model>)> =
        session::Entity::find()
            .filter(session::Column::IdHash.is_in(unique.into_iter().cloned()))
            .join(JoinType::InnerJoin, to_account)
            .select_also(account::Entity)
            .all(db)
            .await?
            .into_iter()
            .map(|(s, a)| (s.id_hash.clone(), (s, a)))
            .collect();
    let mut found = Found::default();
    for (hash, (_, now)) in hashes.iter().zip(asked) {
        found.accounts.push(match sessions.get(hash) {
            Some((s, account)) if s.expires_at > *now => account.clone(),
            Some(_) => {
                if !found.expired.contains(hash) {
                    found.expired.push(hash.clone());
                }
                None
            }
            None => None,
        });
    }
    Ok(found)
}

/// Ends the sessions with these hashes.
async fn end_all(db: &impl ConnectionTrait, hashes: Vec<String>) -> ServiceResult<()> {
    session::Entity::delete_many()
        .filter(session::Column::IdHash.is_in(hashes))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends one session.
pub async fn end(db: &impl ConnectionTrait, token: &str) -> ServiceResult<()> {
    session::Entity::delete_by_id(tokens::token_hash(token))
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of an account except the one with `keep` (if given).
pub async fn end_others(
    db: &impl ConnectionTrait,
    account_id: Uuid,
    keep: Option<&str>,
) -> ServiceResult<()> {
    let mut query =
        session::Entity::delete_many().filter(session::Column::AccountId.eq(account_id));
    if let Some(token) = keep {
        query = query.filter(session::Column::IdHash.ne(tokens::token_hash(token)));
    }
    query.exec(db).await?;
    Ok(())
}
