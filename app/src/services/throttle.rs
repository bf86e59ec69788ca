//! Sign-in throttling, the storage side: the counters of `domain::throttle` in the
//! `login_throttle` table. Keys are hashes of a fixed length, so whatever is typed as an
//! address, a row stays small; rows whose window is over are swept when failures are
//! recorded.

use super::ServiceResult;
use crate::{
    domain::{
        digest::sha256_hex,
        throttle::{self, Counter, Rule},
    },
    entities::login_throttle,
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait,
    ActiveValue::Set,
    ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, QueryFilter, Statement,
    sea_query::{Condition, OnConflict},
};

/// The three counters one sign-in attempt touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keys {
    pair: String,
    account: String,
    address: String,
}

impl Keys {
    /// For the address key typed (lowercased) and the client's network address.
    pub fn new(account_key: &str, client_address: &str) -> Keys {
        let hash = |parts: &[&[u8]]| sha256_hex(parts);
        Keys {
            pair: format!(
                "pair:{}",
                hash(&[account_key.as_bytes(), b"\0", client_address.as_bytes()])
            ),
            account: format!("account:{}", hash(&[account_key.as_bytes()])),
            address: format!("address:{}", hash(&[client_address.as_bytes()])),
        }
    }

    fn with_rules(&self) -> [(&str, &'static Rule); 3] {
        [
            (&self.pair, &throttle::PAIR),
            (&self.account, &throttle::ACCOUNT),
            (&self.address, &throttle::ADDRESS),
        ]
    }
}

/// Seconds to wait before this attempt is taken, if any counter says so.
pub async fn wait(
    db: &impl ConnectionTrait,
    keys: &Keys,
    now: DateTime<Utc>,
) -> ServiceResult<Option<i64>> {
    let mut longest = None;
    for (key, _) in keys.with_rules() {
        let counter = load(db, key).await?;
        longest = longest.max(throttle::wait(counter.as_ref(), now));
    }
    Ok(longest)
}

/// Counts a failed attempt on every counter, and sweeps counters that are over.
pub async fn failed(
    db: &sea_orm::DatabaseConnection,
    keys: &Keys,
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    // Lock first, so two failures at once both count: the row is made if missing (never
    // twice: a second insert does nothing), then locked (PostgreSQL; SQLite's write
    // transaction holds the database), then read and written.
    let txn = super::locks::begin_write(db).await?;
    for (key, rule) in keys.with_rules() {
        let inserted = login_throttle::Entity::insert(login_throttle::ActiveModel {
            key: Set(key.to_owned()),
            failures: Set(0),
            window_start: Set(now),
            locked_until: Set(None),
        })
        .on_conflict(
            OnConflict::column(login_throttle::Column::Key)
                .do_nothing()
                .to_owned(),
        )
        .exec(&txn)
        .await;
        match inserted {
            Ok(_) | Err(DbErr::RecordNotInserted) => {}
            Err(error) => return Err(error.into()),
        }
        if txn.get_database_backend() == DbBackend::Postgres {
            txn.execute_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                "SELECT key FROM login_throttle WHERE key = $1 FOR UPDATE",
                [key.into()],
            ))
            .await?;
        }
        let before = load(&txn, key).await?;
        let after = throttle::after_failure(rule, before.as_ref(), now);
        login_throttle::ActiveModel {
            key: Set(key.to_owned()),
            failures: Set(i32::try_from(after.failures).unwrap_or(i32::MAX)),
            window_start: Set(after.window_start),
            locked_until: Set(after.locked_until),
        }
        .update(&txn)
        .await?;
    }
    sweep(&txn, now).await?;
    txn.commit().await?;
    Ok(())
}

/// The right password from this address: its pair counter starts again (the ceilings keep
/// counting, so a guesser cannot reset them with an account of their own).
pub async fn succeeded(db: &impl ConnectionTrait, keys: &Keys) -> ServiceResult<()> {
    login_throttle::Entity::delete_by_id(keys.pair.clone())
        .exec(db)
        .await?;
    Ok(())
}

async fn load(db: &impl ConnectionTrait, key: &str) -> ServiceResult<Option<Counter>> {
    Ok(login_throttle::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map(|row| Counter {
            failures: u32::try_from(row.failures).unwrap_or(0),
            window_start: row.window_start,
            locked_until: row.locked_until,
        }))
}

/// Deletes counters whose window (the longest any rule uses) is over and that hold no wait.
async fn sweep(db: &impl ConnectionTrait, now: DateTime<Utc>) -> ServiceResult<()> {
    let longest_window = [throttle::PAIR, throttle::ACCOUNT, throttle::ADDRESS]
        .iter()
        .map(|rule| rule.window)
        .max()
        .unwrap_or(Duration::hours(1));
    login_throttle::Entity::delete_many()
        .filter(login_throttle::Column::WindowStart.lt(now - longest_window))
        .filter(
            Condition::any()
                .add(login_throttle::Column::LockedUntil.is_null())
                .add(login_throttle::Column::LockedUntil.lt(now)),
        )
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Keys;

    #[test]
    fn keys_are_short_whatever_was_typed() {
        let huge = "a".repeat(1_500_000);
        let keys = Keys::new(&huge, "203.0.113.9");
        for (key, _) in keys.with_rules() {
            assert!(key.len() <= 80, "{}", key.len());
        }
        assert_ne!(keys, Keys::new(&huge, "203.0.113.10"));
    }
}
