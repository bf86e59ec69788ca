//! Proving e-mail addresses (where Quorate sends mail): a sign-up or a change of address
//! mails a link; following it (the page asks to confirm, so a mail scanner that opens links
//! confirms nothing) creates the account or changes its address, proved. Only the link's
//! hash is stored; a link works once, for a day.

use super::{Problem, ServiceError, ServiceResult, accounts, tokens};
use crate::entities::{account, email_confirmation};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use uuid::Uuid;

/// How long a mailed link works.
pub const LINK_LIFETIME: Duration = Duration::hours(crate::domain::email::LINK_LIFETIME_HOURS);

/// A mail the caller sends (services do no I/O but the database's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mail {
    /// A link that proves the address: `/email/confirm/<token>`.
    Confirm {
        /// The address.
        to: String,
        /// The link's token.
        token: String,
        /// What following it does.
        purpose: Purpose,
    },
    /// Someone tried to sign up with an address that has an account: tell its owner, and
    /// nobody else learns it.
    AccountExists {
        /// The address.
        to: String,
    },
}

/// What a confirmation link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Creates the account.
    SignUp,
    /// Changes (or proves) an account's address.
    Change,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::SignUp => "sign_up",
            Purpose::Change => "change",
        }
    }
}

/// Starts a sign-up by mail: a link if the address has no account, else a note to its owner.
pub async fn start_sign_up(
    db: &impl ConnectionTrait,
    address: &str,
    display_name: &str,
    password_hash: &str,
    next: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Mail> {
    let exists = account::Entity::find()
        .filter(account::Column::EmailKey.eq(accounts::lookup_key(address)))
        .one(db)
        .await?
        .is_some();
    if exists {
        return Ok(Mail::AccountExists {
            to: address.to_owned(),
        });
    }
    let token = insert(
        db,
        Purpose::SignUp,
        address,
        None,
        Some(display_name),
        Some(password_hash),
        Some(next),
        now,
    )
    .await?;
    Ok(Mail::Confirm {
        to: address.to_owned(),
        token,
        purpose: Purpose::SignUp,
    })
}

/// Starts proving `address` for an account (a new address, or its own unproved one).
pub async fn start_change(
    db: &impl ConnectionTrait,
    account_id: Uuid,
    address: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Mail> {
    let token = insert(
        db,
        Purpose::Change,
        address,
        Some(account_id),
        None,
        None,
        None,
        now,
    )
    .await?;
    Ok(Mail::Confirm {
        to: address.to_owned(),
        token,
        purpose: Purpose::Change,
    })
}

/// What a link would do, if it works: its purpose and address (for the page that asks to
/// confirm).
pub async fn peek(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> ServiceResult<(Purpose, String)> {
    let row = usable(db, token, now).await?;
    Ok((purpose_of(&row)?, row.email))
}

/// What following a link did.
#[derive(Debug, Clone)]
pub struct Confirmed {
    /// The account created or changed (sign it in).
    pub account: account::Model,
    /// Where to go next (a local path).
    pub next: String,
}

/// Follows a link: creates the account (sign-up) or sets the proved address (change).
pub async fn confirm(
    db: &sea_orm::DatabaseConnection,
    token: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Confirmed> {
    let row = usable(db, token, now).await?;
    let purpose = purpose_of(&row)?;
    let txn = super::locks::begin_write(db).await?;
    // Used once: of two clicks at the same moment only the one that deletes it goes on.
    let deleted = email_confirmation::Entity::delete_by_id(row.token_hash.clone())
        .exec(&txn)
        .await?;
    if deleted.rows_affected != 1 {
        return Err(unusable());
    }
    let confirmed = match (purpose, row.account_id) {
        (Purpose::SignUp, _) => {
            let account = accounts::insert_account(
                &txn,
                &row.email,
                row.display_name.as_deref().unwrap_or_default(),
                row.password_hash.clone(),
                Some(now),
                now,
            )
            .await?;
            // Other pending sign-ups for this address are moot now.
            email_confirmation::Entity::delete_many()
                .filter(email_confirmation::Column::Email.eq(row.email.clone()))
                .filter(email_confirmation::Column::Purpose.eq(Purpose::SignUp.code()))
                .exec(&txn)
                .await?;
            Confirmed {
                account,
                next: row.next_path.clone().unwrap_or_default(),
            }
        }
        (Purpose::Change, Some(account_id)) => {
            super::locks::lock_row(&txn, "accounts", account_id).await?;
            let found = account::Entity::find_by_id(account_id)
                .one(&txn)
                .await?
                .ok_or(ServiceError::NotFound)?;
            let key = accounts::lookup_key(&row.email);
            let mut changed: account::ActiveModel = found.into();
            changed.email = Set(row.email.clone());
            changed.email_key = Set(key);
            changed.email_verified_at = Set(Some(now));
            let account = changed.update(&txn).await.map_err(|error| {
                ServiceError::unique_or(error, || {
                    Problem::new(
                        None,
                        "email_taken",
                        "Another account uses this e-mail address now.",
                    )
                })
            })?;
            Confirmed {
                account,
                next: "/account".to_owned(),
            }
        }
        (Purpose::Change, None) => return Err(unusable()),
    };
    txn.commit().await?;
    Ok(confirmed)
}

#[expect(clippy::too_many_arguments, reason = "one row's columns")]
async fn insert(
    db: &impl ConnectionTrait,
    purpose: Purpose,
    address: &str,
    account_id: Option<Uuid>,
    display_name: Option<&str>,
    password_hash: Option<&str>,
    next: Option<&str>,
    now: DateTime<Utc>,
) -> ServiceResult<String> {
    // Expired links are swept whenever a new one is made.
    email_confirmation::Entity::delete_many()
        .filter(email_confirmation::Column::ExpiresAt.lt(now))
        .exec(db)
        .await?;
    let token = tokens::random_token()?;
    email_confirmation::ActiveModel {
        token_hash: Set(tokens::token_hash(&token)),
        purpose: Set(purpose.code().to_owned()),
        email: Set(address.to_owned()),
        account_id: Set(account_id),
        display_name: Set(display_name.map(str::to_owned)),
        password_hash: Set(password_hash.map(str::to_owned)),
        next_path: Set(next.filter(|n| !n.is_empty()).map(str::to_owned)),
        created_at: Set(now),
        expires_at: Set(now + LINK_LIFETIME),
    }
    .insert(db)
    .await?;
    Ok(token)
}

async fn usable(
    db: &impl ConnectionTrait,
    token: &str,
    now: DateTime<Utc>,
) -> ServiceResult<email_confirmation::Model> {
    email_confirmation::Entity::find_by_id(tokens::token_hash(token))
        .one(db)
        .await?
        .filter(|row| row.expires_at > now)
        .ok_or_else(unusable)
}

fn purpose_of(row: &email_confirmation::Model) -> ServiceResult<Purpose> {
    match row.purpose.as_str() {
        "sign_up" => Ok(Purpose::SignUp),
        "change" => Ok(Purpose::Change),
        _ => Err(unusable()),
    }
}

fn unusable() -> ServiceError {
    let hours = crate::domain::email::LINK_LIFETIME_HOURS;
    ServiceError::Invalid(vec![
        Problem::new(
            None,
            "confirmation_link_unusable",
            format!(
                "This confirmation link does not work: it was used already, it expired (links \
                 work for {hours} hours), or it was mistyped. Ask for a new one."
            ),
        )
        .arg("hours", hours),
    ])
}
