//! Proving an e-mail address: `/email/sent` ("check your e-mail", the same whether or not
//! the address had an account) and `/email/confirm/:token` (the mailed link: it asks before
//! it acts, so a mail scanner that opens links confirms nothing).

use crate::{
    actions::{
        Action,
        accounts::{ConfirmAddress, TokenPath},
    },
    api::accounts::confirmation_preview,
    components::action_form::ActionForm,
    i18n::use_language,
    pages::load_error::LoadError,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// `/email/sent`.
#[component]
pub fn EmailSentPage() -> impl IntoView {
    let language = use_language();
    let title = language.tr("email-sent-title");
    view! {
        <Title text=title.clone() />
        <section class="narrow message-page" role="status">
            <h1>{title}</h1>
            <p>{language.tr_with("email-sent-text", "hours", crate::domain::email::LINK_LIFETIME_HOURS.to_string())}</p>
            <p><a href="/">{language.tr("not-found-home-link")}</a></p>
        </section>
    }
}

/// `/email/confirm/:token`.
#[component]
pub fn ConfirmAddressPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let data = Resource::new_blocking(token, confirmation_preview);
    let language = use_language();
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(preview) => {
                        let title = language.tr("email-confirm-title");
                        let text = if preview.creates_account {
                            language.tr_with("email-confirm-sign-up", "email", preview.email)
                        } else {
                            language.tr_with("email-confirm-change", "email", preview.email)
                        };
                        let target = ConfirmAddress::target(&TokenPath { token: token() });
                        view! {
                            <Title text=title.clone() />
                            <section class="narrow message-page">
                                <h1>{title}</h1>
                                <p>{text}</p>
                                <ActionForm target>
                                    <button type="submit">{language.tr("email-confirm-button")}</button>
                                </ActionForm>
                            </section>
                        }
                        .into_any()
                    }
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
