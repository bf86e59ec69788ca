//! The language picker: a plain form that posts to `/language`, so it works without
//! JavaScript. The server keeps the choice in a cookie and redirects back to this page.

use crate::i18n::{Language, use_language, use_t};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A labelled select of every language, each named in its own language, with a submit button.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let t = use_t();
    let current = use_language();
    let location = use_location();
    let return_to = move || {
        let search = location.search.get();
        let path = location.pathname.get();
        if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        }
    };
    view! {
        <form class="language-picker" method="post" action="/language">
            <label for="language-select">{t("language-picker-label")}</label>
            <select id="language-select" name="language">
                {Language::ALL
                    .into_iter()
                    .map(|language| {
                        view! {
                            <option
                                value=language.code()
                                selected=language == current
                                lang=language.code()
                            >
                                {language.tr("language-name")}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            <input type="hidden" name="return_to" value=return_to />
            <button type="submit">{t("language-picker-submit")}</button>
        </form>
    }
}
