//! Sign-up, sign-in, sign-out and the account page's forms.

use super::{kept_values, local_path, refused, see_other, see_other_with_cookie};
use crate::{
    session::{clear_session_cookie, session_cookie},
    startup::AppState,
};
use app::services::{
    accounts::{self, AddressProof, Profile, SignUp, SignedUp},
    addresses, invitations, oidc, sessions,
};
use axum::{
    Form,
    extract::{ConnectInfo, Path, State},
    http::request::Parts,
    response::Response,
};
use serde::Deserialize;
use std::net::SocketAddr;

/// The sign-up form.
#[derive(Debug, Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// `POST /signup`: creates the account and signs it in, or (where Quorate sends mail)
/// mails a link and says "check your e-mail", whether or not the address had an account.
pub async fn sign_up(
    State(state): State<AppState>,
    parts: Parts,
    Form(form): Form<SignUpForm>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let input = SignUp {
        email: form.email.clone(),
        display_name: form.display_name.clone(),
        password: form.password.clone(),
    };
    let next = local_path(&form.next);
    let result = async {
        let invited_key = match &state.mailer {
            Some(_) => invitations::address_key_for_next(&ctx, next).await?,
            None => None,
        };
        let proof = match (&state.mailer, invited_key.as_deref()) {
            (None, _) => AddressProof::Unavailable,
            (Some(_), Some(email_key)) => AddressProof::Invitation { email_key },
            (Some(_), None) => AddressProof::Mail,
        };
        match accounts::sign_up(&ctx.db, &input, proof, next, ctx.now).await? {
            SignedUp::Created(account) => sessions::start(&ctx.db, account.id, ctx.now)
                .await
                .map(Some),
            SignedUp::CheckEmail(mail) => {
                send_address_mail(&state, &mail);
                Ok(None)
            }
        }
    }
    .await;
    match result {
        Ok(Some(token)) => {
            see_other_with_cookie(next, &session_cookie(&token, state.secure_cookies))
        }
        Ok(None) => see_other("/email/sent"),
        Err(error) => {
            let values =
                kept_values(&[("email", &form.email), ("display_name", &form.display_name)]);
            let page = format!("/signup?next={next}");
            refused(&state, &parts, &page, "signup", values, error).await
        }
    }
}

/// Sends a mail that proves an address, in the background (no mailer: nothing to send).
fn send_address_mail(state: &AppState, mail: &addresses::Mail) {
    if let Some(mailer) = &state.mailer {
        let (to, subject, body) = crate::mail::address_mail(&state.base_url, mail);
        mailer.send_later(&to, subject, body);
    }
}

/// The sign-in form.
#[derive(Debug, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

/// `POST /signin`: checks the password (throttled), then starts a new session, ending the
/// one the browser had (session rotation).
pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    parts: Parts,
    Form(form): Form<SignInForm>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let previous = super::session(&parts).token;
    let forwarded: Vec<&str> = parts
        .headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    let client = state.trusted_proxies.client(peer.ip(), &forwarded);
    let result = async {
        let account = accounts::sign_in(
            &ctx.db,
            &form.email,
            &form.password,
            &client.to_string(),
            ctx.now,
        )
        .await?;
        sessions::rotate(&ctx.db, previous.as_deref(), account.id, ctx.now).await
    }
    .await;
    match result {
        Ok(token) => see_other_with_cookie(
            local_path(&form.next),
            &session_cookie(&token, state.secure_cookies),
        ),
        Err(error) => {
            let values = kept_values(&[("email", &form.email), ("next", &form.next)]);
            let page = format!("/signin?next={}", local_path(&form.next));
            refused(&state, &parts, &page, "signin", values, error).await
        }
    }
}

/// `POST /signout`: ends this browser's session.
pub async fn sign_out(State(state): State<AppState>, parts: Parts) -> Response {
    if let Some(token) = super::session(&parts).token
        && let Err(error) = sessions::end(&state.db, &token).await
    {
        tracing::error!(%error, "could not end a session");
    }
    see_other_with_cookie("/", &clear_session_cookie(state.secure_cookies))
}

/// `POST /account/profile`.
pub async fn update_profile(
    State(state): State<AppState>,
    parts: Parts,
    Form(form): Form<Profile>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let result = match ctx.signed_in() {
        Ok(account) => accounts::update_profile(&ctx.db, account, &form, ctx.mail, ctx.now).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(Some(mail)) => {
            send_address_mail(&state, &mail);
            see_other("/account?email_sent=1")
        }
        Ok(None) => see_other("/account"),
        Err(error) => {
            let values = kept_values(&[
                ("display_name", &form.display_name),
                ("email", &form.email),
                ("language", &form.language),
            ]);
            refused(&state, &parts, "/account", "profile", values, error).await
        }
    }
}

/// The password form.
#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

/// `POST /account/password`: ends the account's other sessions too.
pub async fn change_password(
    State(state): State<AppState>,
    parts: Parts,
    Form(form): Form<PasswordForm>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let keep = super::session(&parts).token;
    let result = match ctx.signed_in() {
        Ok(account) => {
            accounts::change_password(
                &ctx.db,
                account,
                &form.current_password,
                &form.new_password,
                keep.as_deref(),
            )
            .await
        }
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => see_other("/account"),
        Err(error) => {
            refused(
                &state,
                &parts,
                "/account",
                "password",
                Default::default(),
                error,
            )
            .await
        }
    }
}

/// `POST /account/sessions`: ends every session of the account but this one.
pub async fn end_other_sessions(State(state): State<AppState>, parts: Parts) -> Response {
    let session = super::session(&parts);
    let result = match &session.account {
        Some(account) => {
            sessions::end_others(&state.db, account.id, session.token.as_deref()).await
        }
        None => Err(app::services::ServiceError::Forbidden(
            app::domain::policy::Refusal::NotSignedIn,
        )),
    };
    match result {
        Ok(()) => see_other("/account"),
        Err(error) => {
            refused(
                &state,
                &parts,
                "/account",
                "sessions",
                Default::default(),
                error,
            )
            .await
        }
    }
}

/// `POST /account/email`: mails a link that proves the account's own address.
pub async fn request_confirmation(State(state): State<AppState>, parts: Parts) -> Response {
    let ctx = super::ctx(&state, &parts);
    let result = match (ctx.signed_in(), ctx.mail) {
        (Ok(account), true) => {
            addresses::start_change(&ctx.db, account.id, &account.email, ctx.now)
                .await
                .map(Some)
        }
        (Ok(_), false) => Ok(None),
        (Err(error), _) => Err(error),
    };
    match result {
        Ok(Some(mail)) => {
            send_address_mail(&state, &mail);
            see_other("/account?email_sent=1")
        }
        Ok(None) => see_other("/account"),
        Err(error) => {
            refused(
                &state,
                &parts,
                "/account",
                "email",
                Default::default(),
                error,
            )
            .await
        }
    }
}

/// `POST /email/confirm/{token}`: follows a mailed link (the page at the same address asks
/// first), then signs the account in (a new session, as at sign-in).
pub async fn confirm_address(
    State(state): State<AppState>,
    Path(token): Path<String>,
    parts: Parts,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let previous = super::session(&parts).token;
    let result = async {
        let confirmed = addresses::confirm(&ctx.db, &token, ctx.now).await?;
        let session =
            sessions::rotate(&ctx.db, previous.as_deref(), confirmed.account.id, ctx.now).await?;
        Ok::<_, app::services::ServiceError>((session, confirmed.next))
    }
    .await;
    match result {
        Ok((session, next)) => see_other_with_cookie(
            local_path(&next),
            &session_cookie(&session, state.secure_cookies),
        ),
        Err(error) => {
            let page = format!("/email/confirm/{token}");
            refused(&state, &parts, &page, "confirm", Default::default(), error).await
        }
    }
}

/// The unlink form: which identity.
#[derive(Debug, Deserialize)]
pub struct UnlinkForm {
    #[serde(default)]
    issuer: String,
    #[serde(default)]
    subject: String,
}

/// `POST /account/identities/unlink`: removes a linked sign-in method (never the last).
pub async fn unlink_identity(
    State(state): State<AppState>,
    parts: Parts,
    Form(form): Form<UnlinkForm>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let result = match ctx.signed_in() {
        Ok(account) => oidc::unlink(&ctx.db, account, &form.issuer, &form.subject).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => see_other("/account"),
        Err(error) => {
            refused(
                &state,
                &parts,
                "/account",
                "identities",
                Default::default(),
                error,
            )
            .await
        }
    }
}
