//! `/o/:slug/p/:number/edit`: its authors edit a proposal: a draft in place, a proposal in
//! discussion as its next revision (with a change note). An edit started from an older
//! version is refused; the page then shows the newer text, what changed since, and the
//! edit as typed, so nothing is lost and nothing overwritten unseen.

use crate::{
    actions::{
        Action as _,
        proposals::{EditProposal, ProposalPath},
    },
    api::proposals::{Conflict, EditProposalView, edit_proposal_page},
    components::{
        action_form::ActionForm,
        diff::Diff,
        forms::{Field, ProblemSummary},
    },
    domain::proposal::ProposalState,
    i18n::{use_language, use_t},
    pages::{load_error::LoadError, proposal::number_param, proposal_new::ProposalFields},
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The edit form.
#[component]
pub fn EditProposalPage() -> impl IntoView {
    let params = use_params_map();
    let state = use_form_state(EditProposal::FORM);
    // A refused edit comes back with the version it started from.
    let started_from = state
        .problems
        .iter()
        .any(|p| p.code == "edit_conflict")
        .then(|| state.value("version").parse::<i32>().ok())
        .flatten();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            number_param(params.get("number")),
            started_from,
        )
    };
    let data = Resource::new_blocking(key, |(slug, number, started_from)| {
        edit_proposal_page(slug, number, started_from)
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <EditProposalForm page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EditProposalForm(page: EditProposalView) -> impl IntoView {
    let t = use_t();
    let state = use_form_state(EditProposal::FORM);
    let path = ProposalPath::new(&page.org.slug, page.number);
    let base = format!("/o/{}", page.org.slug);
    let published = page.state != ProposalState::Draft;
    let initial = [
        page.title.clone(),
        page.summary.clone(),
        page.body.clone(),
        page.due_on.clone(),
    ];
    view! {
        <Title text=format!("{} · {}", t("proposal-edit"), page.title) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=base>{page.org.name.clone()}</a>
            " / " <a href=path.page()>{page.title.clone()}</a>
        </nav>
        <section class="narrow">
            <h1>{t("proposal-edit")}</h1>
            {published.then(|| view! { <p>{t("proposal-edit-makes-revision")}</p> })}
            <ProblemSummary form=EditProposal::FORM state=state.clone() />
            {page.conflict.clone().map(|conflict| view! { <Newer conflict page=page.clone() /> })}
            <ActionForm target=EditProposal::target(&path) class="stack">
                // Always the stored version: after a conflict, the person has seen the newer
                // text, and saving again is their decision.
                <input type="hidden" name="version" value=page.version.to_string() />
                <ProposalFields form=EditProposal::FORM state=state.clone() initial />
                {published.then(|| view! {
                    <Field form=EditProposal::FORM name="note" label=t("field-proposal-note") state=state.clone() hint=t("field-proposal-note-hint") />
                })}
                <button type="submit">{t("proposal-save")}</button>
            </ActionForm>
        </section>
    }
}

/// The newer text and what changed since the version the editor started from.
#[component]
fn Newer(conflict: Conflict, page: EditProposalView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let since = match conflict.started_from {
        Some(n) => language.tr_args(
            "proposal-conflict-since",
            &[
                ("from".into(), n.to_string()),
                ("to".into(), conflict.current.to_string()),
            ],
        ),
        None => t("proposal-conflict-since-draft"),
    };
    view! {
        <section class="card conflict" data-shown-whole aria-labelledby="conflict-heading">
            <h2 id="conflict-heading">{t("proposal-conflict-title")}</h2>
            <p>{since}</p>
            <h3>{t("field-proposal-title")}</h3>
            <Diff segments=conflict.title />
            <h3>{t("field-proposal-summary")}</h3>
            <Diff segments=conflict.summary />
            <h3>{t("field-proposal-body")}</h3>
            <Diff segments=conflict.body />
            <details>
                <summary>{t("proposal-conflict-newer-text")}</summary>
                <pre class="prewrap">{page.body.clone()}</pre>
            </details>
            <p>{t("proposal-conflict-your-text")}</p>
        </section>
    }
}
