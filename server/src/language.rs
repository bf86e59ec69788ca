//! `POST /language`: keeps a person's language choice in a cookie and sends them back to the
//! page they were on (post-redirect-get, so it works without JavaScript).

use crate::state::AppState;
use app::i18n::{LANGUAGE_COOKIE, Language};
use axum::{
    Form,
    extract::State,
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Redirect, Response},
};
use serde::Deserialize;

/// The picker's form.
#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    language: String,
    #[serde(default)]
    return_to: String,
}

/// A year, in seconds: the choice outlives the browser session.
const COOKIE_MAX_AGE: u32 = 365 * 24 * 60 * 60;

/// Sets the cookie and redirects back.
pub async fn set(State(state): State<AppState>, Form(form): Form<LanguageForm>) -> Response {
    let Some(language) = Language::from_code(&form.language) else {
        let known: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        return (
            StatusCode::BAD_REQUEST,
            format!(
                "Unknown language {:?}: choose one of {}.",
                form.language,
                known.join(", ")
            ),
        )
            .into_response();
    };
    let cookie = language_cookie(language, state.secure_cookies);
    let mut response = Redirect::to(local_path(&form.return_to)).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// The cookie that keeps the choice; `Secure` when this instance is served over https.
fn language_cookie(language: Language, secure: bool) -> String {
    format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age={COOKIE_MAX_AGE}; SameSite=Lax; HttpOnly{}",
        language.code(),
        if secure { "; Secure" } else { "" }
    )
}

/// Only a path on this site: never an open redirect to another host.
fn local_path(return_to: &str) -> &str {
    let is_local = return_to.starts_with('/')
        && !return_to.starts_with("//")
        && !return_to.starts_with("/\\")
        && !return_to.chars().any(char::is_control);
    if is_local { return_to } else { "/" }
}

#[cfg(test)]
mod tests {
    use super::{Language, language_cookie, local_path};

    #[test]
    fn the_language_cookie_is_secure_under_https() {
        assert!(language_cookie(Language::Es, true).ends_with("; Secure"));
        assert!(!language_cookie(Language::Es, false).contains("Secure"));
        assert!(language_cookie(Language::Es, false).starts_with("quorate_lang=es;"));
    }

    #[test]
    fn only_local_paths_are_redirected_to() {
        assert_eq!(local_path("/org/x?tab=2"), "/org/x?tab=2");
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path(""), "/");
        assert_eq!(local_path("/a\r\nSet-Cookie: x=1"), "/");
    }
}
