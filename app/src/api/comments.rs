//! Page data about comments: the thread on a proposal's page, and the page that edits one
//! comment (or asks before deleting it).

use crate::{api::organisations::OrgHeader, error::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What a reader sees of a comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shown {
    /// Its text, rendered and sanitised.
    Text(String),
    /// Its author deleted it.
    Deleted,
    /// A facilitator hid it, for this reason; its text for its author and facilitators.
    Hidden {
        /// Why.
        reason: String,
        /// The text, for those who may still read it.
        html: Option<String>,
    },
}

/// A comment in a thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentRow {
    /// Its id.
    pub id: String,
    /// How far it is indented (0 to `comment::MAX_DEPTH`).
    pub depth: i32,
    /// Who wrote it.
    pub author: String,
    /// When, in the organisation's time zone.
    pub at: String,
    /// When last edited, if it was.
    pub edited_at: Option<String>,
    /// Its earlier texts (when replaced, and the text rendered), oldest first.
    pub earlier: Vec<(String, String)>,
    /// What readers see.
    pub shown: Shown,
    /// The comment it replies to (id, author), when the indentation no longer shows it.
    pub replying_to: Option<(String, String)>,
    /// Whether the viewer wrote it.
    pub mine: bool,
}

/// The comment-edit page's data (`/o/:slug/p/:number/c/:comment/edit` and `/delete`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentEditView {
    /// The organisation.
    pub org: OrgHeader,
    /// The proposal's number.
    pub number: i32,
    /// The proposal's title.
    pub title: String,
    /// The comment's id.
    pub id: String,
    /// Its text now.
    pub body: String,
    /// Its text now, rendered.
    pub html: String,
}

/// The thread of a loaded proposal as its page shows it.
#[cfg(feature = "ssr")]
pub(crate) async fn thread_rows(
    ctx: &crate::services::Ctx,
    seen: &crate::services::organisations::Seen,
    loaded: &crate::services::proposals::Loaded,
) -> Result<Vec<CommentRow>, crate::services::ServiceError> {
    use crate::{
        domain::{comment::MAX_DEPTH, policy::Action},
        services::{comments, proposals},
    };
    let (comments, versions) = comments::thread(&ctx.db, loaded).await?;
    let mut authors: Vec<uuid::Uuid> = comments.iter().map(|c| c.author_id).collect();
    authors.sort_unstable();
    authors.dedup();
    let names = proposals::names(&ctx.db, &authors).await?;
    let name_of = |id: uuid::Uuid| proposals::name_in(&names, id);
    let handles = comments::handles(&ctx.db, seen.organisation.id).await?;
    let slug = seen.organisation.slug.clone();
    let render = |body: &str| {
        crate::markdown::to_html_with_mentions(body, |name| {
            let wanted = name.to_lowercase();
            handles
                .iter()
                .find(|(handle, _, _)| *handle == wanted)
                .map(|(_, id, shown)| {
                    (
                        format!("/o/{slug}/members?member={id}#member-{id}"),
                        shown.clone(),
                    )
                })
        })
    };
    let zone = &seen.organisation.time_zone;
    let me = seen.membership.as_ref().map(|m| m.id);
    let moderator = seen.may(Action::HideComment);
    Ok(comments
        .iter()
        .map(|c| {
            let mine = Some(c.author_id) == me;
            let shown = if c.deleted_at.is_some() {
                Shown::Deleted
            } else if let Some(reason) = &c.hidden_reason {
                Shown::Hidden {
                    reason: reason.clone(),
                    html: (mine || moderator).then(|| render(&c.body)),
                }
            } else {
                Shown::Text(render(&c.body))
            };
            let visible = matches!(shown, Shown::Text(_)) || mine || moderator;
            let parent = c
                .parent_id
                .and_then(|p| comments.iter().find(|other| other.id == p));
            let replying_to = parent
                .filter(|p| p.depth >= MAX_DEPTH)
                .map(|p| (p.id.to_string(), name_of(p.author_id)));
            CommentRow {
                id: c.id.to_string(),
                depth: c.depth,
                author: name_of(c.author_id),
                at: super::local_time(c.created_at, zone),
                edited_at: c.edited_at.map(|at| super::local_time(at, zone)),
                earlier: if visible && c.deleted_at.is_none() {
                    versions
                        .get(&c.id)
                        .map(|all| {
                            all.iter()
                                .map(|v| (super::local_time(v.replaced_at, zone), render(&v.body)))
                                .collect()
                        })
                        .unwrap_or_default()
                } else {
                    Vec::new()
                },
                shown,
                replying_to,
                mine,
            }
        })
        .collect())
}

/// The page of one comment that edits it, asks before deleting it (its author), or asks a
/// facilitator why it is hidden: `action` is which, and who may open it.
#[server(endpoint = "comment_edit_page")]
pub async fn comment_edit_page(
    slug: String,
    number: i32,
    comment: String,
    action: crate::domain::comment_policy::CommentAction,
) -> Result<CommentEditView, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                entities::comment as row,
                services::{ServiceError, proposals},
            };
            use sea_orm::EntityTrait;
            let ctx = crate::session::service_ctx()?;
            let (seen, loaded) = proposals::find(&ctx, &slug, number).await?;
            let id = uuid::Uuid::parse_str(&comment).map_err(|_| ServiceError::NotFound)?;
            let found = row::Entity::find_by_id(id)
                .one(&ctx.db)
                .await
                .map_err(ServiceError::from)?
                .filter(|c| c.proposal_id == loaded.proposal.id && c.deleted_at.is_none())
                .ok_or(ServiceError::NotFound)?;
            let mine = Some(found.author_id) == seen.membership.as_ref().map(|m| m.id);
            loaded.require_comment(action, mine)?;
            Ok(CommentEditView {
                org: OrgHeader::of(&seen.organisation),
                number,
                title: loaded.proposal.title.clone(),
                id: found.id.to_string(),
                html: crate::markdown::to_html(&found.body),
                body: found.body,
            })
        }
        .await,
    )
}
