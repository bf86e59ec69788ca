//! Two texts' differences, word by word (`domain::diff`), readable without colour and by
//! screen readers: insertions in `<ins>` and deletions in `<del>`, each between visible
//! `[+ … +]` and `[- … -]` markers and announced as "inserted" or "deleted".

use crate::{
    domain::diff::{Change, Segment},
    i18n::use_t,
};
use leptos::prelude::*;

/// One text's differences; line breaks are kept.
#[component]
pub fn Diff(segments: Vec<Segment>) -> impl IntoView {
    let t = use_t();
    let inserted = t("diff-inserted");
    let deleted = t("diff-deleted");
    view! {
        <div class="diff">
            {segments
                .into_iter()
                .map(|segment| match segment.change {
                    Change::Same => view! { <span>{segment.text}</span> }.into_any(),
                    Change::Inserted => {
                        view! {
                            <ins>
                                <span class="visually-hidden">{inserted.clone()}" "</span>
                                <span class="diff-marker" aria-hidden="true">"[+"</span>
                                {segment.text}
                                <span class="diff-marker" aria-hidden="true">"+]"</span>
                            </ins>
                        }
                            .into_any()
                    }
                    Change::Deleted => {
                        view! {
                            <del>
                                <span class="visually-hidden">{deleted.clone()}" "</span>
                                <span class="diff-marker" aria-hidden="true">"[-"</span>
                                {segment.text}
                                <span class="diff-marker" aria-hidden="true">"-]"</span>
                            </del>
                        }
                            .into_any()
                    }
                })
                .collect_view()}
        </div>
    }
}
