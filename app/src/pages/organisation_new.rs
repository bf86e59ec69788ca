//! `/orgs/new`: create an organisation; its creator becomes its admin.

use crate::{
    actions::{Action, NoPath, organisations::CreateOrganisation},
    components::action_form::ActionForm,
    components::{forms::ProblemSummary, organisation_fields::OrganisationFields},
    i18n::use_t,
    session::{use_current_user, use_form_state},
};
use leptos::prelude::*;
use leptos_meta::Title;

/// The new-organisation form. Posts to `/orgs/new`.
#[component]
pub fn NewOrganisationPage() -> impl IntoView {
    let t = use_t();
    let state = use_form_state(CreateOrganisation::FORM);
    let signed_in = use_current_user().is_some();
    view! {
        <Title text=t("org-new-title") />
        <section class="narrow">
            <h1>{t("org-new-title")}</h1>
            {(!signed_in).then(|| view! {
                <p class="notice">{t("org-new-sign-in-first")} " " <a href="/signin?next=/orgs/new">{t("nav-sign-in")}</a></p>
            })}
            <ProblemSummary form=CreateOrganisation::FORM state=state.clone() />
            <ActionForm target=CreateOrganisation::target(&NoPath {}) class="stack">
                <OrganisationFields state=state.clone() initial=None />
                <button type="submit">{t("org-new-submit")}</button>
            </ActionForm>
        </section>
    }
}
