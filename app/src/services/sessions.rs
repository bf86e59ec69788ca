//! Sessions kept in the database (both engines): the cookie holds a random token, the table
//! its hash. A new token at every sign-in; sign-out ends it; a password change ends the others.

use super::{ServiceError, ServiceResult, tokens};
use crate::entities::{account, session};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, JoinType,
    QueryFilter, QuerySelect, RelationDef,
};
use std::collections::{BTreeSet, HashMap};
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

/// This instance's session look-ups, done in batches when many requests ask at once.
pub type Lookups = super::batch::Batcher<String, Option<account::Model>>;

/// The account a cookie's token belongs to, if the session exists and has not expired.
/// Every request asks this, so the tokens of requests that arrive together are looked up
/// together, in one statement (`services::batch`).
pub async fn account_for(
    db: &DatabaseConnection,
    lookups: &Lookups,
    token: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Option<account::Model>> {
    let db = db.clone();
    lookups
        .run(token.to_owned(), move |tokens| async move {
            match accounts_for(&db, &tokens, now).await {
                Ok(found) => found.into_iter().map(Ok).collect(),
                Err(error) => {
                    let error = error.to_string();
                    let failed = || ServiceError::Internal(anyhow::anyhow!("{error}"));
                    tokens.iter().map(|_| Err(failed())).collect()
                }
            }
        })
        .await
}

/// The account of each token's session (none for an unknown or expired one; an expired
/// session is ended), in the tokens' order: the sessions with their accounts in one
/// statement.
pub async fn accounts_for(
    db: &impl ConnectionTrait,
    tokens: &[String],
    now: DateTime<Utc>,
) -> ServiceResult<Vec<Option<account::Model>>> {
    let to_account: RelationDef = session::Entity::belongs_to(account::Entity)
        .from(session::Column::AccountId)
        .to(account::Column::Id)
        .into();
    let hashes: Vec<String> = tokens.iter().map(|t| tokens::token_hash(t)).collect();
    let unique: BTreeSet<&String> = hashes.iter().collect();
    let mut live = HashMap::new();
    let mut expired = Vec::new();
    for (found, account) in session::Entity::find()
        .filter(session::Column::IdHash.is_in(unique.into_iter().cloned()))
        .join(JoinType::InnerJoin, to_account)
        .select_also(account::Entity)
        .all(db)
        .await?
    {
        if found.expires_at <= now {
            expired.push(found.id_hash);
        } else if let Some(account) = account {
            live.insert(found.id_hash, account);
        }
    }
    if !expired.is_empty() {
        session::Entity::delete_many()
            .filter(session::Column::IdHash.is_in(expired))
            .exec(db)
            .await?;
    }
    Ok(hashes.iter().map(|h| live.get(h).cloned()).collect())
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
