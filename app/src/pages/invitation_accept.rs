//! `/invite/:token`: what an invitation offers, and the button to accept it.

use crate::{
    actions::{Action, accounts::TokenPath, organisations::AcceptInvitation},
    api::invitations::invitation_preview,
    components::action_form::ActionForm,
    components::forms::ProblemSummary,
    i18n::{use_language, use_t},
    pages::load_error::LoadError,
    session::{use_current_user, use_form_state},
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The invitation page.
#[component]
pub fn InvitationAcceptPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let data = Resource::new_blocking(token, invitation_preview);
    let t = use_t();
    let language = use_language();
    let user = use_current_user();
    let state = use_form_state(AcceptInvitation::FORM);
    view! {
        <Title text=t("invitation-title") />
        <Suspense>
            {move || {
                let (t, user, state) = (t, user.clone(), state.clone());
                Suspend::new(async move {
                    match data.await {
                        Ok(preview) => {
                            let target = AcceptInvitation::target(&TokenPath { token: token() });
                            let path = target.href.clone();
                            let offer = language.tr_args(
                                "invitation-offer",
                                &[
                                    ("organisation".into(), preview.organisation.clone()),
                                    ("role".into(), language.tr(&format!("role-{}", preview.role))),
                                ],
                            );
                            view! {
                                <section class="narrow">
                                    <h1>{t("invitation-title")}</h1>
                                    <p class="lead">{offer}</p>
                                    <ProblemSummary form=AcceptInvitation::FORM state />
                                    {match user {
                                        Some(_) => view! {
                                            <ActionForm target>
                                                <button type="submit">{t("invitation-accept")}</button>
                                            </ActionForm>
                                        }.into_any(),
                                        None => view! {
                                            <p>{t("invitation-sign-in-first")}</p>
                                            <ul class="actions">
                                                <li><a href=format!("/signup?next={path}")>{t("nav-sign-up")}</a></li>
                                                <li><a href=format!("/signin?next={path}")>{t("nav-sign-in")}</a></li>
                                            </ul>
                                        }.into_any(),
                                    }}
                                </section>
                            }
                            .into_any()
                        }
                        Err(error) => view! { <LoadError error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
