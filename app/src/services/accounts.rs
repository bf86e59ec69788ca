//! Accounts: sign-up, sign-in (throttled, never revealing whether an address has an
//! account), profile and password changes. Passwords are hashed with Argon2id and never logged.

use super::{Problem, ServiceError, ServiceResult, sessions, tokens};
use crate::{
    domain::{email, password},
    entities::{account, login_throttle},
};
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TransactionTrait,
};
use uuid::Uuid;

/// What the sign-up form sends.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct SignUp {
    /// E-mail address.
    pub email: String,
    /// Display name.
    pub display_name: String,
    /// Password (never stored or logged).
    pub password: String,
}

/// Failed attempts per account before it is locked for a while.
pub const ACCOUNT_ATTEMPTS: i32 = 5;
/// Failed attempts per network address before it is locked for a while.
pub const ADDRESS_ATTEMPTS: i32 = 20;
/// The window failures are counted in, and how long a lock lasts.
pub const THROTTLE_WINDOW: Duration = Duration::minutes(15);

/// Creates a password account. Every broken rule is reported at once, by field.
pub async fn sign_up(
    db: &sea_orm::DatabaseConnection,
    form: &SignUp,
    now: DateTime<Utc>,
) -> ServiceResult<account::Model> {
    let display_name = form.display_name.trim();
    let mut problems = Vec::new();
    let address = checked_email(&form.email, &mut problems);
    check_display_name(display_name, &mut problems);
    for problem in password::password_problems(&form.password, &form.email, display_name) {
        problems.push(Problem::new(
            Some("password"),
            problem.code(),
            problem.to_string(),
        ));
    }
    let key = lookup_key(&form.email);
    if account::Entity::find()
        .filter(account::Column::EmailKey.eq(&key))
        .one(db)
        .await?
        .is_some()
    {
        problems.push(Problem::new(
            Some("email"),
            "email_taken",
            "An account with this e-mail address exists already; sign in instead.",
        ));
    }
    let Some(address) = address.filter(|_| problems.is_empty()) else {
        return Err(ServiceError::Invalid(problems));
    };
    let created = account::ActiveModel {
        id: Set(Uuid::new_v4()),
        email: Set(address),
        email_key: Set(key),
        display_name: Set(display_name.to_owned()),
        password_hash: Set(Some(hash_password(&form.password)?)),
        language: Set(None),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .map_err(|error| match is_unique_violation(&error) {
        // Two sign-ups with one address at the same moment: one wins.
        true => ServiceError::invalid(
            Some("email"),
            "email_taken",
            "An account with this e-mail address exists already; sign in instead.",
        ),
        false => error.into(),
    })?;
    Ok(created)
}

/// Checks an e-mail and password. Unknown address and wrong password get the same answer and
/// the same work (a hash is verified either way). Failures are counted per account and per
/// network address; past the limit, attempts are refused until the window ends.
pub async fn sign_in(
    db: &sea_orm::DatabaseConnection,
    email_address: &str,
    password_text: &str,
    network_address: &str,
    now: DateTime<Utc>,
) -> ServiceResult<account::Model> {
    let account_key = format!("account:{}", lookup_key(email_address));
    let address_key = format!("address:{network_address}");
    for key in [&account_key, &address_key] {
        if let Some(retry) = locked_for(db, key, now).await? {
            return Err(ServiceError::Throttled(retry));
        }
    }
    let found = account::Entity::find()
        .filter(account::Column::EmailKey.eq(lookup_key(email_address)))
        .one(db)
        .await?;
    let stored_hash = found.as_ref().and_then(|a| a.password_hash.clone());
    let matches = verify_password(password_text, stored_hash.as_deref());
    match (found, matches) {
        (Some(account), true) => {
            login_throttle::Entity::delete_by_id(account_key)
                .exec(db)
                .await?;
            Ok(account)
        }
        _ => {
            let txn = db.begin().await?;
            record_failure(&txn, &account_key, ACCOUNT_ATTEMPTS, now).await?;
            record_failure(&txn, &address_key, ADDRESS_ATTEMPTS, now).await?;
            txn.commit().await?;
            Err(ServiceError::invalid(
                None,
                "sign_in_failed",
                "The e-mail address or the password is not right.",
            ))
        }
    }
}

/// Changes a password after checking the current one, and ends the account's other sessions.
pub async fn change_password(
    db: &sea_orm::DatabaseConnection,
    account: &account::Model,
    current: &str,
    new: &str,
    keep_session: Option<&str>,
) -> ServiceResult<()> {
    if account.password_hash.is_some()
        && !verify_password(current, account.password_hash.as_deref())
    {
        return Err(ServiceError::invalid(
            Some("current_password"),
            "current_password_wrong",
            "The current password is not right.",
        ));
    }
    let problems: Vec<Problem> =
        password::password_problems(new, &account.email, &account.display_name)
            .into_iter()
            .map(|p| Problem::new(Some("new_password"), p.code(), p.to_string()))
            .collect();
    if !problems.is_empty() {
        return Err(ServiceError::Invalid(problems));
    }
    let txn = db.begin().await?;
    let mut row: account::ActiveModel = account.clone().into();
    row.password_hash = Set(Some(hash_password(new)?));
    row.update(&txn).await?;
    sessions::end_others(&txn, account.id, keep_session).await?;
    txn.commit().await?;
    Ok(())
}

/// What the account form sends.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Profile {
    /// Display name.
    pub display_name: String,
    /// E-mail address.
    pub email: String,
    /// Preferred language code (empty: follow the browser).
    #[serde(default)]
    pub language: String,
}

/// Updates display name, e-mail and language.
pub async fn update_profile(
    db: &sea_orm::DatabaseConnection,
    account: &account::Model,
    form: &Profile,
) -> ServiceResult<account::Model> {
    let display_name = form.display_name.trim();
    let mut problems = Vec::new();
    check_display_name(display_name, &mut problems);
    let address = checked_email(&form.email, &mut problems);
    let key = lookup_key(&form.email);
    if key != account.email_key
        && account::Entity::find()
            .filter(account::Column::EmailKey.eq(&key))
            .one(db)
            .await?
            .is_some()
    {
        problems.push(Problem::new(
            Some("email"),
            "email_taken",
            "Another account uses this e-mail address.",
        ));
    }
    let language = form.language.trim();
    if !language.is_empty() && crate::i18n::Language::from_code(language).is_none() {
        problems.push(Problem::new(
            Some("language"),
            "language_unknown",
            "Choose one of the languages offered.",
        ));
    }
    let Some(address) = address.filter(|_| problems.is_empty()) else {
        return Err(ServiceError::Invalid(problems));
    };
    let mut row: account::ActiveModel = account.clone().into();
    row.display_name = Set(display_name.to_owned());
    row.email = Set(address);
    row.email_key = Set(key);
    row.language = Set((!language.is_empty()).then(|| language.to_owned()));
    Ok(row.update(db).await?)
}

/// The normalised address, or a problem for the `email` field.
pub fn checked_email(address: &str, problems: &mut Vec<Problem>) -> Option<String> {
    match email::normalise_email(address) {
        Ok(address) => Some(address),
        Err(problem) => {
            problems.push(Problem::new(
                Some("email"),
                problem.code(),
                problem.to_string(),
            ));
            None
        }
    }
}

fn check_display_name(display_name: &str, problems: &mut Vec<Problem>) {
    if display_name.is_empty() || display_name.chars().count() > 120 {
        problems.push(Problem::new(
            Some("display_name"),
            "display_name_length",
            "The display name must have between 1 and 120 characters.",
        ));
    }
}

/// Argon2id with the crate's default (OWASP-recommended) parameters, as a PHC string.
pub fn hash_password(password_text: &str) -> anyhow::Result<String> {
    let salt = SaltString::encode_b64(&tokens::random_salt()?)
        .map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    Argon2::default()
        .hash_password(password_text.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))
}

/// A fixed hash to verify against when there is no account, so that the answer takes as
/// long as for a real one. (The password of this hash is unknown and irrelevant.)
const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$9a5k2ZVoPk0ugU05FbSuphH1JPb+C2bdn3vDWIR3EXs";

fn verify_password(password_text: &str, stored: Option<&str>) -> bool {
    let candidate = stored.unwrap_or(DUMMY_HASH);
    let Ok(parsed) = PasswordHash::new(candidate) else {
        return false;
    };
    Argon2::default()
        .verify_password(password_text.as_bytes(), &parsed)
        .is_ok()
        && stored.is_some()
}

/// Seconds until a lock on `key` ends, if it is locked now.
async fn locked_for(
    db: &impl ConnectionTrait,
    key: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Option<i64>> {
    let row = login_throttle::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?;
    Ok(row
        .and_then(|r| r.locked_until)
        .filter(|until| *until > now)
        .map(|until| (until - now).num_seconds().max(1)))
}

async fn record_failure(
    db: &impl ConnectionTrait,
    key: &str,
    limit: i32,
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    let existing = login_throttle::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?;
    let (failures, window_start) = match &existing {
        Some(row) if now - row.window_start < THROTTLE_WINDOW => {
            (row.failures + 1, row.window_start)
        }
        _ => (1, now),
    };
    let locked_until = (failures >= limit).then_some(now + THROTTLE_WINDOW);
    let row = login_throttle::ActiveModel {
        key: Set(key.to_owned()),
        failures: Set(failures),
        window_start: Set(window_start),
        locked_until: Set(locked_until),
    };
    match existing {
        Some(_) => {
            row.update(db).await?;
        }
        None => {
            row.insert(db).await?;
        }
    }
    Ok(())
}

/// The key an address is looked up by: lowercased; for something that is not an address,
/// its trimmed lowercase text (which matches no account).
pub fn lookup_key(address: &str) -> String {
    email::email_key(address).unwrap_or_else(|_| address.trim().to_lowercase())
}

/// Whether a database error is a unique-constraint violation (both engines).
pub fn is_unique_violation(error: &sea_orm::DbErr) -> bool {
    matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    )
}
