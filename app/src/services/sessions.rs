//! Sessions kept in the database (both engines): the cookie holds a random token, the table
//! its hash. A new token at every sign-in; sign-out ends it; a password change ends the others.

use super::{ServiceResult, tokens};
use crate::entities::{account, session};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter,
    QuerySelect, RelationDef,
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

/// The account a cookie's token belongs to, if the session exists and has not expired.
pub async fn account_for(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Option<account::Model>> {
    // The session and its account in one statement: every request asks this.
    let to_account: RelationDef = session::Entity::belongs_to(account::Entity)
        .from(session::Column::AccountId)
        .to(account::Column::Id)
        .into();
    let Some((found, account)) = session::Entity::find_by_id(tokens::token_hash(token))
        .join(JoinType::InnerJoin, to_account)
        .select_also(account::Entity)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if found.expires_at <= now {
        end(db, token).await?;
        return Ok(None);
    }
    Ok(account)
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
