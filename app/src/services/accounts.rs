//! Accounts: sign-up, sign-in (throttled, never revealing whether an address has an
//! account), profile and password changes. Passwords are hashed with Argon2id and never logged.

use super::{Problem, ServiceError, ServiceResult, addresses, sessions, throttle, tokens};
use crate::{
    domain::{
        email, password,
        profile::{Profile, SignUpRequest},
    },
    entities::account,
};
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier, password_hash::SaltString};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use uuid::Uuid;

/// How a sign-up proves that the person controls the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressProof<'a> {
    /// Quorate cannot send mail here: the account is created at once, its address unproved.
    Unavailable,
    /// Quorate mails a link; the account is created when it is followed.
    Mail,
    /// The person came through an invitation mailed to this address (its key): if it is the
    /// address signed up with, the invitation is the proof; otherwise a link is mailed.
    Invitation {
        /// The invitation's address key.
        email_key: &'a str,
    },
}

/// What a sign-up led to.
#[derive(Debug, Clone)]
pub enum SignedUp {
    /// The account exists: sign the person in.
    Created(account::Model),
    /// A mail goes out; the page says "check your e-mail" whatever the mail says, so that
    /// nobody learns whether an address has an account.
    CheckEmail(addresses::Mail),
}

/// Creates a password account, or starts proving its address. Every broken rule is
/// reported at once, by field.
pub async fn sign_up(
    db: &sea_orm::DatabaseConnection,
    request: &SignUpRequest,
    proof: AddressProof<'_>,
    next: &str,
    now: DateTime<Utc>,
) -> ServiceResult<SignedUp> {
    let address = &request.email;
    let display_name = request.display_name.as_str();
    let key = lookup_key(address);
    let proved_now = match proof {
        AddressProof::Unavailable => false,
        AddressProof::Invitation { email_key } if email_key == key => true,
        AddressProof::Mail | AddressProof::Invitation { .. } => {
            // By mail: nothing here may tell whether the address has an account.
            let mail = addresses::start_sign_up(
                db,
                address,
                display_name,
                &hash_password(&request.password)?,
                next,
                now,
            )
            .await?;
            return Ok(SignedUp::CheckEmail(mail));
        }
    };
    if account::Entity::find()
        .filter(account::Column::EmailKey.eq(&key))
        .one(db)
        .await?
        .is_some()
    {
        return Err(ServiceError::Invalid(vec![email_taken()]));
    }
    let created = insert_account(
        db,
        address,
        display_name,
        Some(hash_password(&request.password)?),
        proved_now.then_some(now),
        now,
    )
    .await?;
    Ok(SignedUp::Created(created))
}

/// Inserts a password or provider account (two sign-ups with one address at the same moment:
/// one wins, the other is told the address has an account).
pub async fn insert_account(
    db: &impl ConnectionTrait,
    address: &str,
    display_name: &str,
    password_hash: Option<String>,
    email_verified_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> ServiceResult<account::Model> {
    account::ActiveModel {
        id: Set(Uuid::new_v4()),
        email: Set(address.to_owned()),
        email_key: Set(lookup_key(address)),
        display_name: Set(display_name.to_owned()),
        password_hash: Set(password_hash),
        language: Set(None),
        created_at: Set(now),
        email_verified_at: Set(email_verified_at),
    }
    .insert(db)
    .await
    .map_err(|error| ServiceError::unique_or(error, email_taken))
}

/// The problem for an address that has an account (only said where it cannot be probed).
pub fn email_taken() -> Problem {
    Problem::new(
        Some("email"),
        "email_taken",
        "An account with this e-mail address exists already; sign in instead.",
    )
}

/// Checks an e-mail and password. Unknown address and wrong password get the same answer and
/// the same work (a hash is verified either way). Failures are counted per (account, client
/// address) pair with growing waits, and under slower ceilings per account and per client
/// address (`domain::throttle`); past a limit, attempts wait.
pub async fn sign_in(
    db: &sea_orm::DatabaseConnection,
    email_address: &str,
    password_text: &str,
    client_address: &str,
    now: DateTime<Utc>,
) -> ServiceResult<account::Model> {
    let keys = throttle::Keys::new(&lookup_key(email_address), client_address);
    if let Some(retry) = throttle::wait(db, &keys, now).await? {
        return Err(ServiceError::Throttled(retry));
    }
    let found = account::Entity::find()
        .filter(account::Column::EmailKey.eq(lookup_key(email_address)))
        .one(db)
        .await?;
    let stored_hash = found.as_ref().and_then(|a| a.password_hash.clone());
    let matches = verify_password(password_text, stored_hash.as_deref());
    match (found, matches) {
        (Some(account), true) => {
            throttle::succeeded(db, &keys).await?;
            Ok(account)
        }
        _ => {
            throttle::failed(db, &keys, now).await?;
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
            .iter()
            .map(|p| Problem::broken(Some("new_password"), p))
            .collect();
    if !problems.is_empty() {
        return Err(ServiceError::Invalid(problems));
    }
    // Hashed before the write begins: the hash takes a while, the write lock should not.
    let hash = hash_password(new)?;
    let txn = super::locks::begin_write(db).await?;
    let mut row: account::ActiveModel = account.clone().into();
    row.password_hash = Set(Some(hash));
    row.update(&txn).await?;
    sessions::end_others(&txn, account.id, keep_session).await?;
    txn.commit().await?;
    Ok(())
}

/// Updates display name, e-mail and language. A new address is proved by a mailed link
/// where Quorate sends mail (the account keeps its old address until the link is followed:
/// the mail to send is returned); otherwise it changes at once, unproved.
pub async fn update_profile(
    db: &sea_orm::DatabaseConnection,
    account: &account::Model,
    profile: &Profile,
    proof_by_mail: bool,
    now: DateTime<Utc>,
) -> ServiceResult<Option<addresses::Mail>> {
    let address = profile.email.clone();
    let key = lookup_key(&address);
    let changes_address = key != account.email_key;
    if changes_address
        && account::Entity::find()
            .filter(account::Column::EmailKey.eq(&key))
            .one(db)
            .await?
            .is_some()
    {
        return Err(ServiceError::invalid(
            Some("email"),
            "email_taken",
            "Another account uses this e-mail address.",
        ));
    }
    let mut row: account::ActiveModel = account.clone().into();
    row.display_name = Set(profile.display_name.clone());
    row.language = Set(profile.language.clone());
    let mail = match (changes_address, proof_by_mail) {
        (true, true) => Some(addresses::start_change(db, account.id, &address, now).await?),
        (true, false) => {
            row.email = Set(address);
            row.email_key = Set(key);
            row.email_verified_at = Set(None);
            None
        }
        // Same address, perhaps written differently (case): kept as typed, still proved.
        (false, _) => {
            row.email = Set(address);
            None
        }
    };
    row.update(db).await?;
    Ok(mail)
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

/// The key an address is looked up by: lowercased; for something that is not an address,
/// its trimmed lowercase text (which matches no account).
pub fn lookup_key(address: &str) -> String {
    email::email_key(address).unwrap_or_else(|_| address.trim().to_lowercase())
}
