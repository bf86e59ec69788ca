//! The fields of an organisation's settings, shared by "create" and "settings": the web
//! address suggested from the name, the time zone chosen from the IANA zones.

use crate::{
    api::organisations::OrgSettings,
    components::forms::Field,
    domain::organisation::{is_time_zone, slug_from_name, time_zones},
    dto::FormState,
    i18n::{Language, use_language, use_t},
};
use leptos::prelude::*;

/// Name, address (slug), time zone, default language and description.
#[island]
pub fn OrganisationFields(state: FormState, initial: Option<OrgSettings>) -> impl IntoView {
    // An island runs in the browser outside the page's contexts: it reads the language the
    // server chose from `<html lang>`.
    crate::i18n::provide_language();
    let t = use_t();
    let language = use_language();
    let initial = initial.unwrap_or(OrgSettings {
        slug: String::new(),
        name: String::new(),
        description: String::new(),
        time_zone: "Europe/London".into(),
        default_language: language.code().into(),
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
    let time_zone = pick("time_zone", &initial.time_zone);
    // Creating: the web address follows the name until the person types one (the server
    // suggests it too when it is left empty). Settings keep the address: links use it.
    let creating = initial.slug.is_empty();
    let slug = RwSignal::new(String::new());
    let slug_typed = RwSignal::new(sent_back && !state.value("slug").is_empty());
    let suggest = creating.then(|| {
        Callback::new(move |name: String| {
            if !slug_typed.get_untracked() {
                slug.set(slug_from_name(&name));
            }
        })
    });
    let typed_slug = Callback::new(move |_: String| slug_typed.set(true));
    let slug_hint = if creating {
        t("field-org-slug-hint-new")
    } else {
        t("field-org-slug-hint")
    };
    view! {
        <Field form="organisation" name="name" label=t("field-org-name") state=state.clone() initial=initial.name.clone() required=true on_input=suggest.unwrap_or(Callback::new(|_: String| {})) />
        <Field form="organisation" name="slug" label=t("field-org-slug") state=state.clone() initial=initial.slug.clone() hint=slug_hint required=!creating bind=slug on_input=typed_slug />
        <TimeZoneSelect state=state.clone() chosen=time_zone preselect_browser=creating && !sent_back />
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
                    {description_problems.iter().map(|p| view! { <li data-problem=p.code.clone()>{language.problem(p)}</li> }).collect_view()}
                </ul>
            })}
            // tachys 0.2 writes a textarea's text unescaped (it treats it like <script>), so
            // the text goes in escaped here: `</textarea>` in a description stays text.
            <textarea id="organisation-description" name="description" rows="4"
                aria-describedby=(!description_problems.is_empty()).then_some("organisation-description-error")
                inner_html=crate::html::escape_text(&description)
            ></textarea>
        </div>
    }
}

/// The time zone, chosen from the IANA zones grouped by region. When creating, with
/// JavaScript, the browser's own zone is chosen to start with.
#[component]
fn TimeZoneSelect(state: FormState, chosen: String, preselect_browser: bool) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let problems = state.problems_of("time_zone");
    let invalid = !problems.is_empty();
    let select = NodeRef::<leptos::html::Select>::new();
    if preselect_browser {
        Effect::new(move |_| {
            if let (Some(select), Some(zone)) = (select.get(), browser_time_zone())
                && is_time_zone(&zone)
            {
                select.set_value(&zone);
            }
        });
    }
    let groups = time_zone_groups(&chosen);
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for="organisation-time_zone">{t("field-time-zone")}</label>
            <p class="hint" id="organisation-time_zone-hint">{t("field-time-zone-hint")}</p>
            {invalid.then(|| view! {
                <ul class="field-problems" id="organisation-time_zone-error">
                    {problems.iter().map(|p| view! { <li data-problem=p.code.clone()>{language.problem(p)}</li> }).collect_view()}
                </ul>
            })}
            <select id="organisation-time_zone" name="time_zone" node_ref=select
                aria-describedby=if invalid { "organisation-time_zone-hint organisation-time_zone-error" } else { "organisation-time_zone-hint" }
                aria-invalid=invalid.then_some("true")
            >
                {groups
                    .into_iter()
                    .map(|(region, zones)| view! {
                        <optgroup label=region>
                            {zones
                                .into_iter()
                                .map(|zone| {
                                    let selected = zone == chosen;
                                    view! { <option value=zone.clone() selected=selected>{zone.replace('_', " ")}</option> }
                                })
                                .collect_view()}
                        </optgroup>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The zones offered, by region (`Europe`, `America`, …; `UTC` under `Other`), with the
/// chosen zone included even if it is an old alias.
fn time_zone_groups(chosen: &str) -> Vec<(String, Vec<String>)> {
    const REGIONS: [&str; 10] = [
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    ];
    let mut groups: Vec<(String, Vec<String>)> = REGIONS
        .iter()
        .map(|r| ((*r).to_owned(), Vec::new()))
        .chain(std::iter::once(("Other".to_owned(), Vec::new())))
        .collect();
    for zone in time_zones() {
        let region = zone.split('/').next().unwrap_or_default();
        let index = match REGIONS.iter().position(|r| *r == region) {
            Some(i) if zone.contains('/') => Some(i),
            _ if zone == "UTC" || zone == chosen => Some(REGIONS.len()),
            _ => None,
        };
        if let Some((_, zones)) = index.and_then(|i| groups.get_mut(i)) {
            zones.push(zone.to_owned());
        }
    }
    groups.retain(|(_, zones)| !zones.is_empty());
    groups
}

/// The browser's IANA time zone (`Intl.DateTimeFormat().resolvedOptions().timeZone`).
#[cfg(feature = "hydrate")]
fn browser_time_zone() -> Option<String> {
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    js_sys::Reflect::get(&options, &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string())
}

#[cfg(not(feature = "hydrate"))]
fn browser_time_zone() -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::time_zone_groups;

    #[test]
    fn zones_are_grouped_by_region_and_the_chosen_alias_stays_offered() {
        let groups = time_zone_groups("US/Eastern");
        let europe = groups.iter().find(|(r, _)| r == "Europe").unwrap();
        assert!(europe.1.iter().any(|z| z == "Europe/Madrid"));
        let other = groups.iter().find(|(r, _)| r == "Other").unwrap();
        assert!(other.1.iter().any(|z| z == "UTC"));
        assert!(other.1.iter().any(|z| z == "US/Eastern"));
        assert!(
            !groups
                .iter()
                .any(|(_, zones)| zones.iter().any(|z| z == "US/Pacific"))
        );
    }
}
