//! `/o/:slug/settings`: change an organisation's settings (admins).

use crate::{
    actions::{Action as _, OrgPath, organisations::UpdateSettings},
    api::organisations::settings_page,
    components::action_form::ActionForm,
    components::{forms::ProblemSummary, organisation_fields::OrganisationFields},
    domain::policy::Action,
    error::AppError,
    i18n::use_t,
    pages::load_error::LoadError,
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The settings form, filled with the current settings.
#[component]
pub fn OrganisationSettingsPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let data = Resource::new_blocking(slug, settings_page);
    let t = use_t();
    view! {
        <Suspense>
            {move || {

                Suspend::new(async move {
                    match data.await {
                        Ok(page) if page.may(Action::EditOrganisationSettings) => {
                            let may_export = page.may(Action::ExportOrganisation);
                            let org = page.settings;
                            let state = use_form_state(UpdateSettings::FORM);
                            let target = UpdateSettings::target(&OrgPath::new(org.slug.clone()));
                            let base = format!("/o/{}", org.slug);
                            let export = format!("{base}/export.json");
                            view! {
                                <Title text=format!("{} · {}", t("org-settings-title"), org.name) />
                                <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
                                    <a href="/">{t("nav-home")}</a> " / " <a href=base.clone()>{org.name.clone()}</a>
                                </nav>
                                <section class="narrow">
                                    <h1>{t("org-settings-title")}</h1>
                                    <ProblemSummary form=UpdateSettings::FORM state=state.clone() />
                                    <ActionForm target class="stack">
                                        <OrganisationFields state initial=Some(org) />
                                        <button type="submit">{t("account-save")}</button>
                                    </ActionForm>
                                </section>
                                {may_export.then(|| view! {
                                    <section class="narrow" aria-labelledby="export">
                                        <h2 id="export">{t("org-export-heading")}</h2>
                                        <p>{t("org-export-text")}</p>
                                        <p><a href=export download="">{t("org-export-link")}</a></p>
                                    </section>
                                })}
                            }
                            .into_any()
                        }
                        Ok(_) => view! { <LoadError error=AppError::forbidden("role_too_low") /> }.into_any(),
                        Err(error) => view! { <LoadError error /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
