//! Sign-up, sign-in, sign-out and the account page's forms.

use super::{kept_values, local_path, refused, see_other, see_other_with_cookie};
use crate::{
    session::{clear_session_cookie, session_cookie},
    startup::AppState,
};
use app::services::{
    accounts::{self, Profile, SignUp},
    sessions,
};
use axum::{
    Form,
    extract::{ConnectInfo, State},
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

/// `POST /signup`: creates the account and signs it in.
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
    let result = async {
        let account = accounts::sign_up(&ctx.db, &input, ctx.now).await?;
        sessions::start(&ctx.db, account.id, ctx.now).await
    }
    .await;
    match result {
        Ok(token) => see_other_with_cookie(
            local_path(&form.next),
            &session_cookie(&token, state.secure_cookies),
        ),
        Err(error) => {
            let values =
                kept_values(&[("email", &form.email), ("display_name", &form.display_name)]);
            let page = format!("/signup?next={}", local_path(&form.next));
            refused(&state, &parts, &page, "signup", values, error).await
        }
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
    let result = async {
        let account = accounts::sign_in(
            &ctx.db,
            &form.email,
            &form.password,
            &peer.ip().to_string(),
            ctx.now,
        )
        .await?;
        if let Some(old) = previous {
            sessions::end(&ctx.db, &old).await?;
        }
        sessions::start(&ctx.db, account.id, ctx.now).await
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
        Ok(account) => accounts::update_profile(&ctx.db, account, &form)
            .await
            .map(|_| ()),
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => see_other("/account"),
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
