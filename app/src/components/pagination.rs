//! The links between the pages of a list ("Previous page · Page 2 · Next page"): plain
//! links, so they work without JavaScript.

use crate::i18n::{use_language, use_t};
use leptos::prelude::*;

/// Pagination for page `page` (from 1) of a list; nothing when there is one page.
#[component]
pub fn Pagination(
    /// The page shown, from 1.
    page: u64,
    /// The previous page's address, if there is one.
    previous: Option<String>,
    /// The next page's address, if there is one.
    next: Option<String>,
) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    (previous.is_some() || next.is_some()).then(|| {
        view! {
            <nav aria-label=t("pagination")>
                <ul class="pagination">
                    {previous.map(|href| view! { <li><a href=href rel="prev">{t("pagination-previous")}</a></li> })}
                    <li>{language.tr_with("pagination-page", "page", page.to_string())}</li>
                    {next.map(|href| view! { <li><a href=href rel="next">{t("pagination-next")}</a></li> })}
                </ul>
            </nav>
        }
    })
}
