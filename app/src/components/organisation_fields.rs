//! The fields of an organisation's settings, shared by "create" and "settings".

use crate::{
    api::organisations::OrgPage,
    components::forms::Field,
    dto::FormState,
    i18n::{Language, use_language, use_t},
};
use leptos::prelude::*;

/// Name, address (slug), time zone, default language and description.
#[component]
pub fn OrganisationFields(state: FormState, initial: Option<OrgPage>) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let initial = initial.unwrap_or(OrgPage {
        slug: String::new(),
        name: String::new(),
        description: String::new(),
        time_zone: "Europe/London".into(),
        default_language: language.code().into(),
        role: None,
        membership_id: None,
        active_members: 0,
        may: Default::default(),
    });
    let sent_back = !state.form.is_empty();
    let pick = |field: &str, fallback: &str| {
        if sent_back {
            state.value(field)
        } else {
            fallback.to_owned()
        }
    };
    let default_language = pick("default_language", &initial.default_language);
    let description = pick("description", &initial.description);
    let description_problems = state.problems_of("description");
    view! {
        <Field form="organisation" name="name" label=t("field-org-name") state=state.clone() initial=initial.name.clone() required=true />
        <Field form="organisation" name="slug" label=t("field-org-slug") state=state.clone() initial=initial.slug.clone() hint=t("field-org-slug-hint") required=true />
        <Field form="organisation" name="time_zone" label=t("field-time-zone") state=state.clone() initial=initial.time_zone.clone() hint=t("field-time-zone-hint") required=true />
        <div class="field">
            <label for="organisation-default_language">{t("field-default-language")}</label>
            <select id="organisation-default_language" name="default_language">
                {Language::ALL
                    .into_iter()
                    .map(|l| view! {
                        <option value=l.code() selected=default_language == l.code() lang=l.code()>{l.tr("language-name")}</option>
                    })
                    .collect_view()}
            </select>
        </div>
        <div class="field" class:field-invalid=!description_problems.is_empty()>
            <label for="organisation-description">{t("field-description")}</label>
            {(!description_problems.is_empty()).then(|| view! {
                <ul class="field-problems" id="organisation-description-error">
                    {description_problems.iter().map(|p| view! { <li>{language.problem(p)}</li> }).collect_view()}
                </ul>
            })}
            <textarea id="organisation-description" name="description" rows="4"
                aria-describedby=(!description_problems.is_empty()).then_some("organisation-description-error")
            >{description}</textarea>
        </div>
    }
}
