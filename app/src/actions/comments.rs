//! Comment actions: posting (and previewing), editing, deleting, hiding.

use super::{Action, proposals::ProposalPath};
use serde::{Deserialize, Serialize};

/// `POST /o/{slug}/p/{number}/comments`: a comment or a reply (`parent`); with
/// `preview=yes`, the page again showing the comment as it will look, nothing stored.
pub struct PostComment;
impl Action for PostComment {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/comments";
    const FORM: &'static str = "comment";
    type Path = ProposalPath;
}

/// `POST /o/{slug}/p/{number}/c/{comment}/edit`: its author saves a new text.
pub struct EditComment;
impl Action for EditComment {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/c/{comment}/edit";
    const FORM: &'static str = "comment_edit";
    type Path = CommentPath;
}

/// `POST /o/{slug}/p/{number}/c/{comment}/delete`: its author deletes it, asked first
/// (without `confirmed=yes` the answer is the page at the same address that asks).
pub struct DeleteComment;
impl Action for DeleteComment {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/c/{comment}/delete";
    const FORM: &'static str = "comment_delete";
    type Path = CommentPath;
}

/// `POST /o/{slug}/p/{number}/c/{comment}/hide`: a facilitator hides it, with a reason (the
/// page at the same address asks for it).
pub struct HideComment;
impl Action for HideComment {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/c/{comment}/hide";
    const FORM: &'static str = "comment_hide";
    type Path = CommentPath;
}

/// One comment of one proposal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentPath {
    /// The organisation's web address.
    pub slug: String,
    /// The proposal's number.
    pub number: String,
    /// The comment's id.
    pub comment: String,
}

impl CommentPath {
    /// Comment `comment` of proposal `number` of `slug`.
    pub fn new(slug: &str, number: impl ToString, comment: &str) -> CommentPath {
        CommentPath {
            slug: slug.to_owned(),
            number: number.to_string(),
            comment: comment.to_owned(),
        }
    }

    /// The proposal's page, at this comment.
    pub fn in_thread(&self) -> String {
        format!(
            "/o/{}/p/{}#comment-{}",
            self.slug, self.number, self.comment
        )
    }

    #[cfg(feature = "ssr")]
    fn proposal(&self) -> ProposalPath {
        ProposalPath::new(&self.slug, &self.number)
    }
}

#[cfg(feature = "ssr")]
mod perform {
    use super::*;
    use crate::{
        actions::{ActionCtx, Done, Perform, kept_values},
        domain::{comment, proposal},
        dto::FormState,
        services::{ServiceError, ServiceResult, comments},
    };
    use std::collections::BTreeMap;
    use uuid::Uuid;

    use crate::actions::proposals::perform::number;

    fn id(text: &str) -> ServiceResult<Uuid> {
        Uuid::parse_str(text).map_err(|_| ServiceError::NotFound)
    }

    /// The comment form, as typed.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(default)]
    pub struct CommentForm {
        body: String,
        /// The comment replied to (a hidden field), empty for a new thread.
        parent: String,
        /// `yes` when the Preview button was pressed.
        preview: String,
    }

    impl CommentForm {
        fn kept(&self) -> BTreeMap<String, String> {
            kept_values(&[("body", &self.body), ("parent", &self.parent)])
        }
    }

    /// The page again, showing the comment as it will look; nothing stored.
    fn preview(form: &str, mut values: BTreeMap<String, String>) -> Done {
        values.insert("preview".to_owned(), "yes".to_owned());
        Done::created(FormState {
            form: form.to_owned(),
            values,
            problems: Vec::new(),
        })
    }

    impl Perform for PostComment {
        type Form = CommentForm;

        fn page(path: &ProposalPath, _: &CommentForm) -> String {
            path.page()
        }

        fn kept(form: &CommentForm) -> BTreeMap<String, String> {
            form.kept()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &ProposalPath,
            form: &CommentForm,
        ) -> ServiceResult<Done> {
            let body = comment::parse_body(&form.body).map_err(ServiceError::Invalid)?;
            if form.preview == "yes" {
                return Ok(preview(PostComment::FORM, form.kept()));
            }
            let parent = match form.parent.trim() {
                "" => None,
                text => Some(Uuid::parse_str(text).map_err(|_| {
                    ServiceError::invalid(
                        Some("parent"),
                        "reply_elsewhere",
                        "The comment replied to belongs to another proposal.",
                    )
                })?),
            };
            let created =
                comments::post(&ctx.services, &path.slug, number(path)?, &body, parent).await?;
            Ok(Done::see_other(
                CommentPath::new(&path.slug, &path.number, &created.id.to_string()).in_thread(),
            ))
        }
    }

    impl Perform for EditComment {
        type Form = CommentForm;

        fn page(path: &CommentPath, _: &CommentForm) -> String {
            EditComment::href(path)
        }

        fn kept(form: &CommentForm) -> BTreeMap<String, String> {
            form.kept()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &CommentPath,
            form: &CommentForm,
        ) -> ServiceResult<Done> {
            let body = comment::parse_body(&form.body).map_err(ServiceError::Invalid)?;
            if form.preview == "yes" {
                return Ok(preview(EditComment::FORM, form.kept()));
            }
            let proposal = number(&path.proposal())?;
            comments::edit(
                &ctx.services,
                &path.slug,
                proposal,
                id(&path.comment)?,
                &body,
            )
            .await?;
            Ok(Done::see_other(path.in_thread()))
        }
    }

    /// The confirmation, once given.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct DeleteForm {
        confirmed: String,
    }

    impl Perform for DeleteComment {
        type Form = DeleteForm;

        fn page(path: &CommentPath, _: &DeleteForm) -> String {
            path.proposal().page()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &CommentPath,
            form: &DeleteForm,
        ) -> ServiceResult<Done> {
            if form.confirmed != "yes" {
                return Ok(Done::see_other(DeleteComment::href(path)));
            }
            let proposal = number(&path.proposal())?;
            comments::delete(&ctx.services, &path.slug, proposal, id(&path.comment)?).await?;
            Ok(Done::see_other(path.in_thread()))
        }
    }

    /// The hide form: the reason.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct HideForm {
        reason: String,
    }

    impl Perform for HideComment {
        type Form = HideForm;

        fn page(path: &CommentPath, _: &HideForm) -> String {
            HideComment::href(path)
        }

        fn kept(form: &HideForm) -> BTreeMap<String, String> {
            kept_values(&[("reason", &form.reason)])
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &CommentPath,
            form: &HideForm,
        ) -> ServiceResult<Done> {
            let reason = proposal::parse_reason(&form.reason).map_err(ServiceError::Invalid)?;
            let proposal = number(&path.proposal())?;
            comments::hide(
                &ctx.services,
                &path.slug,
                proposal,
                id(&path.comment)?,
                &reason,
            )
            .await?;
            Ok(Done::see_other(path.in_thread()))
        }
    }
}
