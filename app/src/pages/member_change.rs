//! `/o/:slug/members/:membership/:change` (`remove` or `leave`): the page that asks before a
//! member is removed or leaves. Without JavaScript, the members page's button leads here;
//! with it, a dialog asks instead.

use crate::{
    actions::{
        Action,
        organisations::{ChangeMember, MemberPath},
    },
    api::members::{MemberChangeOffer, member_change_preview},
    components::action_form::ActionForm,
    i18n::use_language,
    pages::load_error::LoadError,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The confirmation page.
#[component]
pub fn MemberChangePage() -> impl IntoView {
    let params = use_params_map();
    let keys = move || {
        let p = params.read();
        (
            p.get("slug").unwrap_or_default(),
            p.get("membership").unwrap_or_default(),
            p.get("change").unwrap_or_default(),
        )
    };
    let data = Resource::new_blocking(keys, |(slug, membership, change)| {
        member_change_preview(slug, membership, change)
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(preview) => view! { <Ask preview /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Ask(preview: MemberChangeOffer) -> impl IntoView {
    let language = use_language();
    let params = use_params_map();
    let membership = params
        .read_untracked()
        .get("membership")
        .unwrap_or_default();
    let leaving = preview.change == "leave";
    let base = format!("/o/{}", preview.slug);
    let (title, question, button, back) = if leaving {
        (
            language.tr("org-leave"),
            language.tr_with(
                "org-leave-question",
                "organisation",
                preview.organisation.clone(),
            ),
            language.tr("org-leave"),
            base.clone(),
        )
    } else {
        (
            language.tr_with("members-remove-title", "name", preview.display_name.clone()),
            language.tr_with(
                "members-remove-question",
                "name",
                preview.display_name.clone(),
            ),
            language.tr("members-remove"),
            format!("{base}/members"),
        )
    };
    let target = ChangeMember::target(&MemberPath::new(
        &preview.slug,
        &membership,
        &preview.change,
    ));
    view! {
        <Title text=format!("{title} · {}", preview.organisation) />
        <nav class="breadcrumbs" aria-label=language.tr("breadcrumbs")>
            <a href="/">{language.tr("nav-home")}</a> " / " <a href=base.clone()>{preview.organisation.clone()}</a>
        </nav>
        <section class="narrow message-page">
            <h1>{title}</h1>
            <p>{question}</p>
            <ActionForm target class="actions">
                <input type="hidden" name="confirmed" value="yes" />
                <button type="submit" class="danger">{button}</button>
                " "
                <a href=back>{language.tr("confirm-cancel")}</a>
            </ActionForm>
        </section>
    }
}
