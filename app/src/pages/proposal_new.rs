//! `/o/:slug/proposals/new`: draft a proposal (spec §2). A draft is visible to its authors
//! only until they publish it.

use crate::{
    actions::{Action as _, OrgPath, proposals::CreateProposal},
    api::proposals::{NewProposalView, new_proposal_page},
    components::{
        action_form::ActionForm,
        forms::{Field, ProblemSummary},
    },
    i18n::use_t,
    pages::load_error::LoadError,
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The new-proposal form.
#[component]
pub fn NewProposalPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let data = Resource::new_blocking(slug, new_proposal_page);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <NewProposal page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewProposal(page: NewProposalView) -> impl IntoView {
    let t = use_t();
    let state = use_form_state(CreateProposal::FORM);
    let org = page.org;
    let base = format!("/o/{}", org.slug);
    let chosen_group = state.value("group");
    view! {
        <Title text=format!("{} · {}", t("proposal-new-title"), org.name) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=base>{org.name.clone()}</a>
        </nav>
        <section class="narrow">
            <h1>{t("proposal-new-title")}</h1>
            <p>{t("proposal-new-lead")}</p>
            <ProblemSummary form=CreateProposal::FORM state=state.clone() />
            <ActionForm target=CreateProposal::target(&OrgPath::new(org.slug.clone())) class="stack">
                <ProposalFields form=CreateProposal::FORM state=state.clone() />
                {(!page.groups.is_empty()).then(|| view! {
                    <div class="field">
                        <label for="proposal-group">{t("field-proposal-group")}</label>
                        <select id="proposal-group" name="group">
                            <option value="">{t("proposal-whole-organisation")}</option>
                            {page.groups.iter().map(|g| view! {
                                <option value=g.slug.clone() selected=g.slug == chosen_group>{g.name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                })}
                <button type="submit">{t("proposal-save-draft")}</button>
            </ActionForm>
        </section>
    }
}

/// Title, summary, body and due date: the fields a new proposal and an edit share.
#[component]
pub fn ProposalFields(
    /// The form's id.
    form: &'static str,
    /// Values and problems sent back.
    state: crate::dto::FormState,
    /// The stored values, when editing.
    #[prop(optional)]
    initial: Option<[String; 4]>,
) -> impl IntoView {
    let t = use_t();
    let [title, summary, body, due_on] = initial.unwrap_or_default();
    view! {
        <Field form name="title" label=t("field-proposal-title") state=state.clone() initial=title required=true />
        <Field form name="summary" kind="textarea" label=t("field-proposal-summary") state=state.clone() initial=summary hint=t("field-proposal-summary-hint") />
        <Field form name="body" kind="textarea" label=t("field-proposal-body") state=state.clone() initial=body hint=t("field-proposal-body-hint") required=true />
        <Field form name="due_on" kind="date" label=t("field-proposal-due-on") state initial=due_on hint=t("field-proposal-due-on-hint") />
    }
}
