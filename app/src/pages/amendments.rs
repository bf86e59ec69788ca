//! Amendments (spec §2): `/o/:slug/p/:number/amendments/new`, where a member proposes a new
//! text with a reason, and `/o/:slug/p/:number/a/:amendment`, one amendment with what it
//! changes (word by word against the revision it amends), its outcome, and the authors'
//! accept and decline forms.

use crate::{
    actions::{
        Action as _,
        amendments::{AcceptAmendment, AmendmentPath, DeclineAmendment, ProposeAmendment},
        proposals::ProposalPath,
    },
    api::amendments::{AmendmentView, NewAmendmentView, amendment_page, new_amendment_page},
    components::{
        action_form::ActionForm,
        diff::Diff,
        forms::{Field, ProblemSummary},
    },
    domain::amendment::AmendmentState,
    i18n::{use_language, use_t},
    pages::{load_error::LoadError, proposal::number_param},
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The form proposing an amendment, starting from the latest text.
#[component]
pub fn NewAmendmentPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            number_param(params.get("number")),
        )
    };
    let data = Resource::new_blocking(key, |(slug, number)| new_amendment_page(slug, number));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <NewAmendment page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewAmendment(page: NewAmendmentView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let state = use_form_state(ProposeAmendment::FORM);
    let path = ProposalPath::new(&page.org.slug, page.number);
    let form = ProposeAmendment::FORM;
    let lead = language.tr_with("amendment-new-lead", "number", page.revision.to_string());
    view! {
        <Title text=format!("{} · {}", t("amendment-new-title"), page.title) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=format!("/o/{}", page.org.slug)>{page.org.name.clone()}</a>
            " / " <a href=path.page()>{page.title.clone()}</a>
        </nav>
        <section class="narrow">
            <h1>{t("amendment-new-title")}</h1>
            <p>{lead}</p>
            <ProblemSummary form state=state.clone() />
            <ActionForm target=ProposeAmendment::target(&path) class="stack">
                <input type="hidden" name="base" value=page.revision.to_string() />
                <Field form name="title" label=t("field-proposal-title") state=state.clone() initial=page.title.clone() required=true />
                <Field form name="summary" kind="textarea" label=t("field-proposal-summary") state=state.clone() initial=page.summary.clone() />
                <Field form name="body" kind="textarea" label=t("field-proposal-body") state=state.clone() initial=page.body.clone() hint=t("field-proposal-body-hint") required=true />
                <Field form name="reason" kind="textarea" label=t("field-amendment-reason") state=state.clone() required=true />
                <button type="submit">{t("amendment-propose")}</button>
            </ActionForm>
        </section>
    }
}

/// One amendment.
#[component]
pub fn AmendmentPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            number_param(params.get("number")),
            number_param(params.get("amendment")),
        )
    };
    let data = Resource::new_blocking(key, |(slug, number, amendment)| {
        amendment_page(slug, number, amendment)
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Amendment page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Amendment(page: AmendmentView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let path = AmendmentPath::new(&page.org.slug, page.number, page.amendment.number);
    let proposal = path.proposal();
    let heading = language.tr_with(
        "amendment-number",
        "number",
        page.amendment.number.to_string(),
    );
    let state = page.amendment.state;
    let state_label = language.tr(&format!("amendment-state-{state}"));
    let against = language.tr_args(
        "amendment-against",
        &[
            ("name".into(), page.amendment.amender.clone()),
            ("at".into(), page.amendment.at.clone()),
            ("number".into(), page.base_revision.to_string()),
        ],
    );
    let outdated = state == AmendmentState::Open && page.base_revision != page.current_revision;
    let decline = use_form_state(DeclineAmendment::FORM);
    view! {
        <Title text=format!("{heading} · {}", page.proposal_title) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=format!("/o/{}", page.org.slug)>{page.org.name.clone()}</a>
            " / " <a href=proposal.page()>{page.proposal_title.clone()}</a>
        </nav>
        // What was wrong with a form sent from this page, whether or not that form is still
        // offered (deciding twice, deciding without being an author).
        <ProblemSummary form=AcceptAmendment::FORM state=use_form_state(AcceptAmendment::FORM) />
        <ProblemSummary form=DeclineAmendment::FORM state=decline.clone() />
        <article class="amendment">
            <p class="eyebrow">{heading.clone()} " · " <span class=format!("state state-{state}")>{state_label}</span></p>
            <h1>{heading}</h1>
            <p>{against}</p>
            <h2>{t("amendment-reason")}</h2>
            <p class="prewrap">{page.reason.clone()}</p>
            {page.decision.clone().map(|d| {
                let text = match d.revision {
                    Some(n) => language.tr_args("amendment-accepted-by", &[("name".into(), d.by.clone()), ("at".into(), d.at.clone()), ("number".into(), n.to_string())]),
                    None => language.tr_args("amendment-declined-by", &[("name".into(), d.by.clone()), ("at".into(), d.at.clone())]),
                };
                view! {
                    <div class="notice" data-state=state.code()>
                        <p>{text} " "
                            {d.revision.map(|n| view! { <a href=format!("{}/r/{}", proposal.page(), n)>{language.tr_with("proposal-revision-number", "number", n.to_string())}</a> })}
                        </p>
                        {(!d.reason.is_empty()).then(|| view! { <p class="prewrap">{d.reason.clone()}</p> })}
                    </div>
                }
            })}
            {outdated.then(|| view! {
                <p class="notice">{language.tr_args("amendment-outdated-notice", &[("base".into(), page.base_revision.to_string()), ("current".into(), page.current_revision.to_string())])}</p>
            })}
            <h2>{t("amendment-changes")}</h2>
            <p class="hint">{t("proposal-diff-legend")}</p>
            <h3>{t("field-proposal-title")}</h3>
            <Diff segments=page.title_diff.clone() />
            <h3>{t("field-proposal-summary")}</h3>
            <Diff segments=page.summary_diff.clone() />
            <h3>{t("field-proposal-body")}</h3>
            <Diff segments=page.body_diff.clone() />
        </article>
        // The decision-rounds issue adds, beside these, a facilitator's "put to a vote" for the
        // open amendments (spec §2); the policy's `DecideAmendment` already freezes both while
        // a round is open.
        {page.may_decide.then(|| view! {
            <section class="card" aria-labelledby="decide-heading">
                <h2 id="decide-heading">{t("amendment-for-authors")}</h2>
                {(!outdated).then(|| view! {
                    <ActionForm target=AcceptAmendment::target(&path) class="inline-form">
                        <p class="hint">{t("amendment-accept-hint")}</p>
                        <button type="submit">{t("amendment-accept")}</button>
                    </ActionForm>
                })}
                <h3>{t("amendment-decline")}</h3>
                <ActionForm target=DeclineAmendment::target(&path) class="stack narrow">
                    <Field form=DeclineAmendment::FORM name="reason" kind="textarea" label=t("field-decline-reason") state=decline.clone() required=true />
                    <button type="submit" class="secondary">{t("amendment-decline")}</button>
                </ActionForm>
            </section>
        })}
    }
}

/// A proposal's amendments, on its page.
#[component]
pub fn AmendmentList(
    /// The proposal.
    path: ProposalPath,
    /// Its amendments.
    amendments: Vec<crate::api::amendments::AmendmentRow>,
    /// Whether the viewer may propose one.
    may_amend: bool,
) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    (may_amend || !amendments.is_empty()).then(|| view! {
        <section aria-labelledby="amendments">
            <h2 id="amendments">{t("amendments-heading")}</h2>
            {amendments.is_empty().then(|| view! { <p>{t("amendments-none")}</p> })}
            <ul class="amendments">
                {amendments.iter().map(|a| {
                    let href = AmendmentPath::new(&path.slug, &path.number, a.number).page();
                    let label = language.tr_with("amendment-number", "number", a.number.to_string());
                    let state = language.tr(&format!("amendment-state-{}", a.state));
                    view! {
                        <li>
                            <a href=href>{label}</a>
                            " · " <span class=format!("state state-{}", a.state)>{state}</span>
                            " · " {a.amender.clone()} " · " {a.at.clone()}
                            {(!a.reason.is_empty()).then(|| view! { " · " <span class="note">{a.reason.clone()}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {may_amend.then(|| view! {
                <p><a href=ProposeAmendment::href(&path)>{t("amendment-new-title")}</a></p>
            })}
        </section>
    })
}
