//! Proposal actions: drafting, editing, co-authors, publishing, withdrawing.

use super::{Action, OrgPath};
use serde::{Deserialize, Serialize};

/// `POST /o/{slug}/proposals/new`: a new draft.
pub struct CreateProposal;
impl Action for CreateProposal {
    const ROUTE: &'static str = "/o/{slug}/proposals/new";
    const FORM: &'static str = "proposal";
    type Path = OrgPath;
}

/// `POST /o/{slug}/p/{number}/edit`: a draft saved in place, or the next revision.
pub struct EditProposal;
impl Action for EditProposal {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/edit";
    const FORM: &'static str = "proposal";
    type Path = ProposalPath;
}

/// `POST /o/{slug}/p/{number}/authors`: another member becomes a co-author.
pub struct AddCoAuthor;
impl Action for AddCoAuthor {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/authors";
    const FORM: &'static str = "co_author";
    type Path = ProposalPath;
}

/// `POST /o/{slug}/p/{number}/publish`: the draft goes to discussion as revision 1.
pub struct PublishProposal;
impl Action for PublishProposal {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/publish";
    const FORM: &'static str = "publish";
    type Path = ProposalPath;
}

/// `POST /o/{slug}/p/{number}/withdraw`, with a reason.
pub struct WithdrawProposal;
impl Action for WithdrawProposal {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/withdraw";
    const FORM: &'static str = "withdraw";
    type Path = ProposalPath;
}

/// One proposal of one organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalPath {
    /// The organisation's web address.
    pub slug: String,
    /// The proposal's number in the organisation.
    pub number: String,
}

impl ProposalPath {
    /// Proposal `number` of `slug`.
    pub fn new(slug: &str, number: impl ToString) -> ProposalPath {
        ProposalPath {
            slug: slug.to_owned(),
            number: number.to_string(),
        }
    }

    /// The proposal's page.
    pub fn page(&self) -> String {
        format!("/o/{}/p/{}", self.slug, self.number)
    }
}

#[cfg(feature = "ssr")]
pub(crate) mod perform {
    use super::*;
    use crate::{
        actions::{ActionCtx, Done, Perform, kept_values},
        domain::proposal::{self, ProposalText},
        dto::Problem,
        services::{
            ServiceError, ServiceResult,
            proposals::{self, NewProposal, ProposalEdit},
        },
    };
    use std::collections::BTreeMap;
    use uuid::Uuid;

    /// A proposal's number from the address; anything else names nothing there is.
    pub(crate) fn number(path: &ProposalPath) -> ServiceResult<i32> {
        positive(&path.number)
    }

    /// A number in an address (a proposal's, an amendment's): a whole number from 1; anything
    /// else names nothing there is.
    pub(crate) fn positive(text: &str) -> ServiceResult<i32> {
        text.parse::<i32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or(ServiceError::NotFound)
    }

    /// Every problem of every field at once.
    fn all<T>(results: impl IntoIterator<Item = Result<T, Vec<Problem>>>) -> Vec<Problem> {
        results
            .into_iter()
            .filter_map(Result::err)
            .flatten()
            .collect()
    }

    /// The proposal form (new and edit), as typed.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(default)]
    pub struct ProposalForm {
        title: String,
        summary: String,
        body: String,
        due_on: String,
        /// The group's web address (new proposals; empty for the whole organisation).
        group: String,
        /// What changed (edits).
        note: String,
        /// The version the editor started from (edits; a hidden field).
        version: String,
    }

    impl ProposalForm {
        fn kept(&self) -> BTreeMap<String, String> {
            kept_values(&[
                ("title", &self.title),
                ("summary", &self.summary),
                ("body", &self.body),
                ("due_on", &self.due_on),
                ("group", &self.group),
                ("note", &self.note),
                ("version", &self.version),
            ])
        }
    }

    impl TryFrom<&ProposalForm> for NewProposal {
        type Error = Vec<Problem>;

        fn try_from(form: &ProposalForm) -> Result<NewProposal, Vec<Problem>> {
            let text = ProposalText::parse(&form.title, &form.summary, &form.body);
            let due_on = proposal::parse_due_date(&form.due_on);
            match (text, due_on) {
                (Ok(text), Ok(due_on)) => Ok(NewProposal {
                    text,
                    group: Some(form.group.trim().to_owned()).filter(|g| !g.is_empty()),
                    due_on,
                }),
                (text, due_on) => Err(all([text.map(|_| ()), due_on.map(|_| ())])),
            }
        }
    }

    impl TryFrom<&ProposalForm> for ProposalEdit {
        type Error = Vec<Problem>;

        fn try_from(form: &ProposalForm) -> Result<ProposalEdit, Vec<Problem>> {
            let text = ProposalText::parse(&form.title, &form.summary, &form.body);
            let due_on = proposal::parse_due_date(&form.due_on);
            let note = proposal::parse_note(&form.note);
            match (text, due_on, note) {
                (Ok(text), Ok(due_on), Ok(note)) => Ok(ProposalEdit {
                    text,
                    due_on,
                    note,
                    started_from: proposal::parse_version(&form.version),
                }),
                (text, due_on, note) => Err(all([
                    text.map(|_| ()),
                    due_on.map(|_| ()),
                    note.map(|_| ()),
                ])),
            }
        }
    }

    impl Perform for CreateProposal {
        type Form = ProposalForm;

        fn page(path: &OrgPath, _: &ProposalForm) -> String {
            CreateProposal::href(path)
        }

        fn kept(form: &ProposalForm) -> BTreeMap<String, String> {
            form.kept()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &OrgPath,
            form: &ProposalForm,
        ) -> ServiceResult<Done> {
            let new = NewProposal::try_from(form).map_err(ServiceError::Invalid)?;
            let created = proposals::create(&ctx.services, &path.slug, &new).await?;
            Ok(Done::see_other(
                ProposalPath::new(&path.slug, created.number).page(),
            ))
        }
    }

    impl Perform for EditProposal {
        type Form = ProposalForm;

        fn page(path: &ProposalPath, _: &ProposalForm) -> String {
            EditProposal::href(path)
        }

        fn kept(form: &ProposalForm) -> BTreeMap<String, String> {
            form.kept()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &ProposalPath,
            form: &ProposalForm,
        ) -> ServiceResult<Done> {
            let edit = ProposalEdit::try_from(form).map_err(ServiceError::Invalid)?;
            proposals::edit(&ctx.services, &path.slug, number(path)?, &edit).await?;
            Ok(Done::see_other(path.page()))
        }
    }

    /// The co-author form: the member chosen.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct CoAuthorForm {
        membership: String,
    }

    impl Perform for AddCoAuthor {
        type Form = CoAuthorForm;

        fn page(path: &ProposalPath, _: &CoAuthorForm) -> String {
            path.page()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &ProposalPath,
            form: &CoAuthorForm,
        ) -> ServiceResult<Done> {
            let member = Uuid::parse_str(form.membership.trim()).map_err(|_| {
                ServiceError::invalid(
                    Some("membership"),
                    "member_unknown",
                    "There is no such member in this organisation.",
                )
            })?;
            proposals::add_co_author(&ctx.services, &path.slug, number(path)?, member).await?;
            Ok(Done::see_other(path.page()))
        }
    }

    /// No fields.
    #[derive(Debug, Default, Deserialize)]
    pub struct Empty {}

    impl Perform for PublishProposal {
        type Form = Empty;

        fn page(path: &ProposalPath, _: &Empty) -> String {
            path.page()
        }

        async fn perform(ctx: &ActionCtx, path: &ProposalPath, _: &Empty) -> ServiceResult<Done> {
            proposals::publish(&ctx.services, &path.slug, number(path)?).await?;
            Ok(Done::see_other(path.page()))
        }
    }

    /// The withdraw form: the reason.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct WithdrawForm {
        reason: String,
    }

    impl Perform for WithdrawProposal {
        type Form = WithdrawForm;

        fn page(path: &ProposalPath, _: &WithdrawForm) -> String {
            path.page()
        }

        fn kept(form: &WithdrawForm) -> BTreeMap<String, String> {
            kept_values(&[("reason", &form.reason)])
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &ProposalPath,
            form: &WithdrawForm,
        ) -> ServiceResult<Done> {
            let reason = proposal::parse_reason(&form.reason).map_err(ServiceError::Invalid)?;
            proposals::withdraw(&ctx.services, &path.slug, number(path)?, &reason).await?;
            Ok(Done::see_other(path.page()))
        }
    }
}
