//! What a page shows when its data could not be loaded: not found, sign in first, not
//! allowed (with the rule), or our own failure with a reference.

use crate::{
    dto::Problem,
    error::AppError,
    i18n::use_language,
    pages::{error::ErrorPage, not_found::NotFoundPage},
};
use leptos::prelude::*;
use leptos_meta::Title;

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
                <Title text=language.tr("signin-needed-title") />
                <section class="message-page">
                    <h1>{language.tr("signin-needed-title")}</h1>
                    <p><a href="/signin">{language.tr("nav-sign-in")}</a></p>
                </section>
            }
            .into_any()
        }
        AppError::Forbidden { code, args } => {
            #[cfg(feature = "ssr")]
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(http::StatusCode::FORBIDDEN);
            }
            let title = language.tr("forbidden-title");
            let message = language.problem(&Problem {
                field: None,
                code: code.clone(),
                args: args.clone(),
                message: code.clone(),
            });
            // A membership that is not active: say what it is and what can be done.
            let state = args
                .iter()
                .find(|(name, _)| name == "state" && code == "membership_not_active")
                .map(|(_, value)| value.clone());
            let explanation = state.map(|s| language.tr(&format!("forbidden-membership-{s}")));
            view! {
                <Title text=title.clone() />
                <section class="message-page" role="alert" data-problem=code>
                    <h1>{title}</h1>
                    <p>{message}</p>
                    {explanation.map(|e| view! { <p>{e}</p> })}
                    <p><a href="/">{language.tr("not-found-home-link")}</a></p>
                </section>
            }
            .into_any()
        }
        // A read that broke a rule (an unusable link, say) or came too often.
        AppError::Invalid { code } => message_page(language, "forbidden-title", code),
        AppError::Throttled { .. } => message_page(language, "forbidden-title", "throttled".into()),
        AppError::Internal { reference } => view! { <ErrorPage reference /> }.into_any(),
    }
}

/// A titled page that names the rule (`data-problem`) and leads home.
fn message_page(language: crate::i18n::Language, title_key: &str, code: String) -> AnyView {
    let title = language.tr(title_key);
    let message = language.problem(&Problem::new(None, &code, code.clone()));
    view! {
        <Title text=title.clone() />
        <section class="message-page" role="alert" data-problem=code>
            <h1>{title}</h1>
            <p>{message}</p>
            <p><a href="/">{language.tr("not-found-home-link")}</a></p>
        </section>
    }
    .into_any()
}
