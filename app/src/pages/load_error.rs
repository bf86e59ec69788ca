//! What a page shows when its data could not be loaded: not found, sign in first, not
//! allowed (with the rule), or our own failure with a reference.

use crate::{
    dto::Problem,
    error::AppError,
    i18n::use_language,
    pages::{error::ErrorPage, not_found::NotFoundPage},
};
use leptos::prelude::*;

/// Renders an [`AppError`] as the matching page.
#[component]
pub fn LoadError(error: AppError) -> impl IntoView {
    let language = use_language();
    match error {
        AppError::NotFound => view! { <NotFoundPage /> }.into_any(),
        AppError::SignInNeeded => {
            // Without JavaScript the server answers with a redirect to the sign-in page,
            // which brings the person back here afterwards.
            #[cfg(feature = "ssr")]
            {
                let path = use_context::<http::request::Parts>()
                    .map(|p| p.uri.path().to_owned())
                    .unwrap_or_default();
                if let (Some(response), Ok(location)) = (
                    use_context::<leptos_axum::ResponseOptions>(),
                    http::HeaderValue::from_str(&format!("/signin?next={path}")),
                ) {
                    response.set_status(http::StatusCode::SEE_OTHER);
                    response.insert_header(http::header::LOCATION, location);
                }
            }
            view! {
                <section class="message-page">
                    <h1>{language.tr("signin-needed-title")}</h1>
                    <p><a href="/signin">{language.tr("nav-sign-in")}</a></p>
                </section>
            }
            .into_any()
        }
        AppError::Forbidden { code } => {
            #[cfg(feature = "ssr")]
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(http::StatusCode::FORBIDDEN);
            }
            let message = language.problem(&Problem::new(None, &code, code.clone()));
            view! {
                <section class="message-page" role="alert">
                    <h1>{language.tr("forbidden-title")}</h1>
                    <p>{message}</p>
                </section>
            }
            .into_any()
        }
        AppError::Internal { reference } => view! { <ErrorPage reference /> }.into_any(),
    }
}
