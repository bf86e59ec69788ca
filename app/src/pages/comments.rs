//! The discussion under a proposal (spec §2): the thread, the comment form (with a preview
//! rendered on the server, so it works without JavaScript), and the pages that edit a comment
//! or ask before deleting it.

use crate::{
    actions::{
        Action as _,
        comments::{CommentPath, DeleteComment, EditComment, HideComment, PostComment},
        proposals::ProposalPath,
    },
    api::comments::{CommentEditView, CommentRow, Shown, comment_edit_page},
    components::{
        action_form::ActionForm,
        forms::{Field, ProblemSummary},
    },
    domain::comment_policy::CommentAction,
    dto::FormState,
    i18n::{use_language, use_t},
    pages::{load_error::LoadError, proposal::number_param},
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The thread and, for those who may comment, the form.
#[component]
pub fn Discussion(
    /// The proposal.
    path: ProposalPath,
    /// Its comments, in thread order.
    comments: Vec<CommentRow>,
    /// Whether the viewer may comment.
    may_comment: bool,
    /// Whether the viewer may hide comments.
    moderator: bool,
    /// The comment being replied to (`?reply=<id>`), if any.
    reply_to: Option<String>,
) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let count = comments
        .iter()
        .filter(|c| c.shown != Shown::Deleted)
        .count();
    let replying = reply_to.and_then(|id| {
        comments
            .iter()
            .find(|c| c.id == id && matches!(c.shown, Shown::Text(_)))
            .map(|c| (c.id.clone(), c.author.clone()))
    });
    view! {
        <section class="discussion" aria-labelledby="discussion-heading">
            <h2 id="discussion-heading">{t("comments-heading")} " (" {count} ")"</h2>
            <ProblemSummary form=DeleteComment::FORM state=use_form_state(DeleteComment::FORM) />
            {comments.is_empty().then(|| view! { <p>{t("comments-none")}</p> })}
            <ol class="thread">
                {comments
                    .into_iter()
                    .map(|c| view! { <Comment comment=c path=path.clone() may_comment moderator /> })
                    .collect_view()}
            </ol>
            {may_comment.then(|| view! { <CommentForm path=path.clone() replying /> })}
            {(!may_comment).then(|| view! {
                // A comment refused because commenting closed still says why.
                <ProblemSummary form=PostComment::FORM state=use_form_state(PostComment::FORM) />
                <p class="hint">{language.tr("comments-closed")}</p>
            })}
        </section>
    }
}

#[component]
fn Comment(
    comment: CommentRow,
    path: ProposalPath,
    may_comment: bool,
    moderator: bool,
) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let at = CommentPath::new(&path.slug, &path.number, &comment.id);
    let anchor = format!("comment-{}", comment.id);
    let shown_text = matches!(comment.shown, Shown::Text(_));
    let body = match comment.shown.clone() {
        Shown::Text(html) => view! { <div class="markdown" inner_html=html></div> }.into_any(),
        Shown::Deleted => view! { <p class="removed">{t("comment-deleted")}</p> }.into_any(),
        Shown::Hidden { reason, html } => view! {
            <p class="removed">{t("comment-hidden")} " " <span class="prewrap">{reason}</span></p>
            {html.map(|html| view! {
                <div class="hidden-text">
                    <p class="hint">{t("comment-hidden-you-see")}</p>
                    <div class="markdown" inner_html=html></div>
                </div>
            })}
        }
        .into_any(),
    };
    let reply_href = format!("{}?reply={}#comment-form", path.page(), comment.id);
    let delete_question = t("comment-delete-question");
    view! {
        <li id=anchor class=format!("comment depth-{}", comment.depth)>
            <p class="comment-meta">
                <strong>{comment.author.clone()}</strong> " · " {comment.at.clone()}
                {comment.edited_at.clone().map(|at| view! { " · " <span class="edited">{language.tr_with("comment-edited", "at", at)}</span> })}
                {comment.replying_to.clone().map(|(id, name)| view! {
                    " · " <a href=format!("#comment-{id}")>{language.tr_with("comment-replying-to", "name", name)}</a>
                })}
            </p>
            {body}
            {(!comment.earlier.is_empty()).then(|| view! {
                <details class="earlier">
                    <summary>{t("comment-earlier-versions")}</summary>
                    <ol>
                        {comment.earlier.iter().map(|(at, html)| view! {
                            <li><p class="hint">{language.tr_with("comment-replaced", "at", at.clone())}</p><div class="markdown" inner_html=html.clone()></div></li>
                        }).collect_view()}
                    </ol>
                </details>
            })}
            <ul class="actions comment-actions">
                {(may_comment && shown_text).then(|| view! { <li><a href=reply_href>{t("comment-reply")}</a></li> })}
                {(moderator && shown_text).then(|| view! {
                    <li><a href=HideComment::href(&at)>{t("comment-hide")}</a></li>
                })}
                {(may_comment && comment.mine && comment.shown != Shown::Deleted).then(|| view! {
                    <li><a href=EditComment::href(&at)>{t("comment-edit")}</a></li>
                    <li>
                        <ActionForm target=DeleteComment::target(&at) class="inline-form" confirm=delete_question.clone()>
                            <button type="submit" class="secondary">{t("comment-delete")}</button>
                        </ActionForm>
                    </li>
                })}
            </ul>
        </li>
    }
}

#[component]
fn CommentForm(path: ProposalPath, replying: Option<(String, String)>) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let state = use_form_state(PostComment::FORM);
    // After a refusal or a preview, the reply it was.
    let parent = replying
        .as_ref()
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| state.value("parent"));
    view! {
        <h3 id="comment-form">{t("comment-new")}</h3>
        {replying.map(|(id, name)| view! {
            <p>{language.tr_with("comment-replying-to", "name", name)} " · "
                <a href=format!("#comment-{id}")>{t("comment-see")}</a> " · "
                <a href=format!("{}#comment-form", path.page())>{t("comment-reply-cancel")}</a>
            </p>
        })}
        <ProblemSummary form=PostComment::FORM state=state.clone() />
        <Preview state=state.clone() />
        <ActionForm target=PostComment::target(&path) class="stack">
            <input type="hidden" name="parent" value=parent />
            <Field form=PostComment::FORM name="body" kind="textarea" label=t("field-comment") state hint=t("field-comment-hint") required=true />
            <div class="buttons">
                <button type="submit" name="preview" value="yes" class="secondary">{t("comment-preview")}</button>
                <button type="submit">{t("comment-post")}</button>
            </div>
        </ActionForm>
    }
}

/// The comment as it will look, when the Preview button sent the form back.
#[component]
fn Preview(state: FormState) -> impl IntoView {
    let t = use_t();
    (state.value("preview") == "yes").then(|| {
        #[cfg(feature = "ssr")]
        let html = crate::markdown::to_html(&state.value("body"));
        #[cfg(not(feature = "ssr"))]
        let html = String::new();
        view! {
            <section class="card preview" aria-labelledby="preview-heading">
                <h4 id="preview-heading">{t("comment-preview-heading")}</h4>
                <div class="markdown" inner_html=html></div>
            </section>
        }
    })
}

/// `/o/:slug/p/:number/c/:comment/edit`: its author edits a comment.
#[component]
pub fn CommentEditPage() -> impl IntoView {
    view! { <CommentPage action=CommentAction::Edit /> }
}

/// `/o/:slug/p/:number/c/:comment/delete`: asks before deleting (without JavaScript).
#[component]
pub fn CommentDeletePage() -> impl IntoView {
    view! { <CommentPage action=CommentAction::Delete /> }
}

/// `/o/:slug/p/:number/c/:comment/hide`: a facilitator says why a comment is hidden. A page
/// of its own, not a form under every comment: moderating is rare, and a long thread stays
/// light for the facilitators who read it.
#[component]
pub fn CommentHidePage() -> impl IntoView {
    view! { <CommentPage action=CommentAction::Hide /> }
}

#[component]
fn CommentPage(action: CommentAction) -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            number_param(params.get("number")),
            params.get("comment").unwrap_or_default(),
        )
    };
    let data = Resource::new_blocking(key, move |(slug, number, comment)| {
        comment_edit_page(slug, number, comment, action)
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => match action {
                        CommentAction::Delete => view! { <AskDelete page /> }.into_any(),
                        CommentAction::Hide => view! { <HideForm page /> }.into_any(),
                        _ => view! { <EditForm page /> }.into_any(),
                    },
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn EditForm(page: CommentEditView) -> impl IntoView {
    let t = use_t();
    let state = use_form_state(EditComment::FORM);
    let at = CommentPath::new(&page.org.slug, page.number, &page.id);
    view! {
        <Title text=format!("{} · {}", t("comment-edit"), page.title) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=format!("/o/{}", page.org.slug)>{page.org.name.clone()}</a>
            " / " <a href=at.in_thread()>{page.title.clone()}</a>
        </nav>
        <section class="narrow">
            <h1>{t("comment-edit")}</h1>
            <p class="hint">{t("comment-edit-kept")}</p>
            <ProblemSummary form=EditComment::FORM state=state.clone() />
            <Preview state=state.clone() />
            <ActionForm target=EditComment::target(&at) class="stack">
                <Field form=EditComment::FORM name="body" kind="textarea" label=t("field-comment") state initial=page.body.clone() required=true />
                <div class="buttons">
                    <button type="submit" name="preview" value="yes" class="secondary">{t("comment-preview")}</button>
                    <button type="submit">{t("comment-save")}</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn AskDelete(page: CommentEditView) -> impl IntoView {
    let t = use_t();
    let at = CommentPath::new(&page.org.slug, page.number, &page.id);
    view! {
        <Title text=t("comment-delete-question") />
        <section class="narrow message-page">
            <h1>{t("comment-delete-question")}</h1>
            <div class="markdown quoted" inner_html=page.html.clone()></div>
            <p>{t("comment-delete-consequence")}</p>
            <ActionForm target=DeleteComment::target(&at) class="inline-form">
                <input type="hidden" name="confirmed" value="yes" />
                <button type="submit">{t("comment-delete")}</button>
                <a href=at.in_thread()>{t("confirm-cancel")}</a>
            </ActionForm>
        </section>
    }
}

#[component]
fn HideForm(page: CommentEditView) -> impl IntoView {
    let t = use_t();
    let state = use_form_state(HideComment::FORM);
    let at = CommentPath::new(&page.org.slug, page.number, &page.id);
    view! {
        <Title text=format!("{} · {}", t("comment-hide"), page.title) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=format!("/o/{}", page.org.slug)>{page.org.name.clone()}</a>
            " / " <a href=at.in_thread()>{page.title.clone()}</a>
        </nav>
        <section class="narrow">
            <h1>{t("comment-hide")}</h1>
            <div class="markdown quoted" inner_html=page.html.clone()></div>
            <ProblemSummary form=HideComment::FORM state=state.clone() />
            <ActionForm target=HideComment::target(&at) class="stack">
                <Field form=HideComment::FORM name="reason" label=t("field-hide-reason") state required=true />
                <div class="buttons">
                    <button type="submit">{t("comment-hide")}</button>
                    <a href=at.in_thread()>{t("confirm-cancel")}</a>
                </div>
            </ActionForm>
        </section>
    }
}
