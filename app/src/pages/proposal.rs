//! `/o/:slug/p/:number`: one proposal (spec §2): its latest text, authors, history, and what
//! its authors can do next (edit, invite co-authors, publish, withdraw).

use crate::{
    actions::{
        Action as _,
        proposals::{AddCoAuthor, ProposalPath, PublishProposal, WithdrawProposal},
    },
    api::proposals::{ProposalView, proposal_page},
    components::{
        action_form::ActionForm,
        forms::{Field, ProblemSummary},
    },
    domain::{proposal::ProposalState, proposal_policy::ProposalAction},
    i18n::{use_language, use_t},
    pages::{amendments::AmendmentList, comments::Discussion, load_error::LoadError},
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// A proposal's number from the address (0, which names nothing, if it is not one).
pub fn number_param(text: Option<String>) -> i32 {
    text.and_then(|n| n.parse().ok()).unwrap_or(0)
}

/// The proposal page.
#[component]
pub fn ProposalPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            number_param(params.get("number")),
        )
    };
    let data = Resource::new_blocking(key, |(slug, number)| proposal_page(slug, number));
    let query = leptos_router::hooks::use_query_map();
    let reply_to = move || query.read().get("reply");
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Proposal page reply_to=reply_to() /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Proposal(page: ProposalView, reply_to: Option<String>) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let path = ProposalPath::new(&page.org.slug, page.number);
    let base = format!("/o/{}", page.org.slug);
    let state_label = language.tr(&format!("proposal-state-{}", page.state));
    let heading = language.tr_with("proposal-number", "number", page.number.to_string());
    let authors = page
        .authors
        .iter()
        .map(|a| a.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <Title text=format!("{} · {}", page.title, page.org.name) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=base>{page.org.name.clone()}</a>
        </nav>
        // What was wrong with a form sent from this page, whether or not that form is still
        // offered (publishing twice, a co-author nobody may choose any more).
        <ProblemSummary form=PublishProposal::FORM state=use_form_state(PublishProposal::FORM) />
        <ProblemSummary form=AddCoAuthor::FORM state=use_form_state(AddCoAuthor::FORM) />
        <ProblemSummary form=WithdrawProposal::FORM state=use_form_state(WithdrawProposal::FORM) />
        <article class="proposal">
            <p class="eyebrow">{heading} " · " <span class=format!("state state-{}", page.state)>{state_label}</span></p>
            <h1>{page.title.clone()}</h1>
            {page.withdrawal.clone().map(|w| view! {
                <div class="notice" data-state="withdrawn">
                    <p>{language.tr_args("proposal-withdrawn-by", &[("name".into(), w.by), ("at".into(), w.at)])}</p>
                    <p class="prewrap">{w.reason}</p>
                </div>
            })}
            <dl class="facts">
                <dt>{t("proposal-authors")}</dt>
                <dd>{authors}</dd>
                {page.group.clone().map(|g| view! { <dt>{t("field-proposal-group")}</dt><dd>{g}</dd> })}
                {page.due_on.clone().map(|d| view! { <dt>{t("field-proposal-due-on")}</dt><dd>{d}</dd> })}
                {page.revisions.first().map(|r| view! {
                    <dt>{t("proposal-latest-revision")}</dt>
                    <dd><a href=format!("{}/r/{}", path.page(), r.number)>{language.tr_with("proposal-revision-number", "number", r.number.to_string())}</a> " · " {r.at.clone()}</dd>
                })}
            </dl>
            {(!page.summary.is_empty()).then(|| view! { <p class="lead prewrap">{page.summary.clone()}</p> })}
            <div class="markdown" inner_html=page.body_html.clone()></div>
        </article>
        <AuthorActions page=page.clone() path=path.clone() />
        <History page=page.clone() path=path.clone() />
        <Rounds page=page.clone() />
        <AmendmentList path=path.clone() amendments=page.amendments.clone() may_amend=page.may(ProposalAction::Amend) />
        {(page.state != ProposalState::Draft).then(|| view! {
            <Discussion
                path
                comments=page.comments.clone()
                may_comment=page.may(ProposalAction::Comment)
                moderator=page.moderator
                reply_to
            />
        })}
    }
}

/// The proposal's decision rounds, and the link starting one (facilitators).
#[component]
fn Rounds(page: ProposalView) -> impl IntoView {
    let t = use_t();
    let slug = page.org.slug.clone();
    let start = format!("/o/{}/p/{}/rounds/new", slug, page.number);
    (!page.rounds.is_empty() || page.may_start_round).then(|| {
        view! {
            <section aria-labelledby="rounds">
                <h2 id="rounds">{t("proposal-rounds")}</h2>
                <crate::pages::rounds::RoundList slug rounds=page.rounds.clone() />
                {page.may_start_round.then(|| view! {
                    <p><a href=start class="button">{t("round-start")}</a></p>
                })}
            </section>
        }
    })
}

#[component]
fn AuthorActions(page: ProposalView, path: ProposalPath) -> impl IntoView {
    let t = use_t();
    let withdraw = use_form_state(WithdrawProposal::FORM);
    let any = [
        ProposalAction::Edit,
        ProposalAction::AddCoAuthor,
        ProposalAction::Publish,
        ProposalAction::Withdraw,
    ]
    .into_iter()
    .any(|a| page.may(a));
    let may_withdraw = page.may(ProposalAction::Withdraw);
    let may_publish = page.may(ProposalAction::Publish);
    let may_edit = page.may(ProposalAction::Edit);
    let may_add = page.may(ProposalAction::AddCoAuthor) && !page.co_author_candidates.is_empty();
    let candidates = page.co_author_candidates;
    any.then(|| view! {
        <section class="card" aria-labelledby="author-actions">
            <h2 id="author-actions">{t("proposal-for-authors")}</h2>
            <ul class="actions">
                {may_edit.then(|| view! {
                    <li><a href=format!("{}/edit", path.page())>{t("proposal-edit")}</a></li>
                })}
            </ul>
            {may_publish.then(|| view! {
                <ActionForm target=PublishProposal::target(&path) class="inline-form">
                    <p class="hint">{t("proposal-publish-hint")}</p>
                    <button type="submit">{t("proposal-publish")}</button>
                </ActionForm>
            })}
            {may_add.then(|| view! {
                <ActionForm target=AddCoAuthor::target(&path) class="inline-form">
                    <label for="co_author-membership">{t("proposal-add-co-author")}</label>
                    <select id="co_author-membership" name="membership">
                        {candidates.iter().map(|m| view! {
                            <option value=m.membership_id.clone()>{m.name.clone()}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit">{t("proposal-add")}</button>
                </ActionForm>
            })}
            {may_withdraw.then(|| view! {
                <h3>{t("proposal-withdraw")}</h3>
                <ActionForm target=WithdrawProposal::target(&path) class="stack narrow">
                    <Field form=WithdrawProposal::FORM name="reason" kind="textarea" label=t("field-withdraw-reason") state=withdraw.clone() required=true />
                    <button type="submit" class="secondary">{t("proposal-withdraw")}</button>
                </ActionForm>
            })}
        </section>
    })
}

#[component]
fn History(page: ProposalView, path: ProposalPath) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let several = page.revisions.len() > 1;
    (!page.revisions.is_empty()).then(|| view! {
        <section aria-labelledby="history">
            <h2 id="history">{t("proposal-history")}</h2>
            <ol class="history" reversed>
                {page.revisions.iter().map(|r| {
                    let label = language.tr_with("proposal-revision-number", "number", r.number.to_string());
                    view! {
                        <li>
                            <a href=format!("{}/r/{}", path.page(), r.number)>{label}</a>
                            " · " {r.author.clone()} " · " {r.at.clone()}
                            {(!r.note.is_empty()).then(|| view! { " · " <span class="note">{r.note.clone()}</span> })}
                            {r.amendment.map(|n| view! {
                                " · " <a href=format!("{}/a/{}", path.page(), n)>{language.tr_with("amendment-number", "number", n.to_string())}</a>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {several.then(|| view! {
                <p><a href=format!("{}/compare", path.page())>{t("proposal-compare-latest")}</a></p>
            })}
        </section>
    })
}
