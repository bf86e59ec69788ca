//! Amendment actions: proposing one, and its proposal's authors accepting or declining it.

use super::{Action, proposals::ProposalPath};
use serde::{Deserialize, Serialize};

/// `POST /o/{slug}/p/{number}/amendments/new`: a member proposes a new text, with a reason.
pub struct ProposeAmendment;
impl Action for ProposeAmendment {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/amendments/new";
    const FORM: &'static str = "amendment";
    type Path = ProposalPath;
}

/// `POST /o/{slug}/p/{number}/a/{amendment}/accept`: the amendment becomes the next revision.
pub struct AcceptAmendment;
impl Action for AcceptAmendment {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/a/{amendment}/accept";
    const FORM: &'static str = "amendment_accept";
    type Path = AmendmentPath;
}

/// `POST /o/{slug}/p/{number}/a/{amendment}/decline`, with a reason.
pub struct DeclineAmendment;
impl Action for DeclineAmendment {
    const ROUTE: &'static str = "/o/{slug}/p/{number}/a/{amendment}/decline";
    const FORM: &'static str = "amendment_decline";
    type Path = AmendmentPath;
}

/// One amendment of one proposal.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendmentPath {
    /// The organisation's web address.
    pub slug: String,
    /// The proposal's number.
    pub number: String,
    /// The amendment's number within the proposal.
    pub amendment: String,
}

impl AmendmentPath {
    /// Amendment `amendment` of proposal `number` of `slug`.
    pub fn new(slug: &str, number: impl ToString, amendment: impl ToString) -> AmendmentPath {
        AmendmentPath {
            slug: slug.to_owned(),
            number: number.to_string(),
            amendment: amendment.to_string(),
        }
    }

    /// The amendment's page.
    pub fn page(&self) -> String {
        format!("/o/{}/p/{}/a/{}", self.slug, self.number, self.amendment)
    }

    /// The proposal's path.
    pub fn proposal(&self) -> ProposalPath {
        ProposalPath::new(&self.slug, &self.number)
    }
}

#[cfg(feature = "ssr")]
mod perform {
    use super::*;
    use crate::{
        actions::{
            ActionCtx, Done, Perform, kept_values,
            proposals::perform::{Empty, number, positive},
        },
        domain::proposal::{self, ProposalText},
        dto::Problem,
        services::{
            ServiceError, ServiceResult,
            amendments::{self, NewAmendment},
        },
    };
    use std::collections::BTreeMap;

    /// The amendment form, as typed.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(default)]
    pub struct AmendmentForm {
        title: String,
        summary: String,
        body: String,
        reason: String,
        /// The revision the amender started from (a hidden field).
        base: String,
    }

    impl AmendmentForm {
        fn kept(&self) -> BTreeMap<String, String> {
            kept_values(&[
                ("title", &self.title),
                ("summary", &self.summary),
                ("body", &self.body),
                ("reason", &self.reason),
                ("base", &self.base),
            ])
        }
    }

    impl TryFrom<&AmendmentForm> for NewAmendment {
        type Error = Vec<Problem>;

        fn try_from(form: &AmendmentForm) -> Result<NewAmendment, Vec<Problem>> {
            let text = ProposalText::parse(&form.title, &form.summary, &form.body);
            let reason = proposal::parse_reason(&form.reason);
            match (text, reason) {
                (Ok(text), Ok(reason)) => Ok(NewAmendment {
                    text,
                    reason,
                    base: proposal::parse_version(&form.base),
                }),
                (text, reason) => Err([text.err(), reason.err()]
                    .into_iter()
                    .flatten()
                    .flatten()
                    .collect()),
            }
        }
    }

    impl Perform for ProposeAmendment {
        type Form = AmendmentForm;

        fn page(path: &ProposalPath, _: &AmendmentForm) -> String {
            ProposeAmendment::href(path)
        }

        fn kept(form: &AmendmentForm) -> BTreeMap<String, String> {
            form.kept()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &ProposalPath,
            form: &AmendmentForm,
        ) -> ServiceResult<Done> {
            let new = NewAmendment::try_from(form).map_err(ServiceError::Invalid)?;
            let created =
                amendments::propose(&ctx.services, &path.slug, number(path)?, &new).await?;
            Ok(Done::see_other(
                AmendmentPath::new(&path.slug, &path.number, created.number).page(),
            ))
        }
    }

    impl Perform for AcceptAmendment {
        type Form = Empty;

        fn page(path: &AmendmentPath, _: &Empty) -> String {
            path.page()
        }

        async fn perform(ctx: &ActionCtx, path: &AmendmentPath, _: &Empty) -> ServiceResult<Done> {
            let proposal = number(&path.proposal())?;
            amendments::accept(
                &ctx.services,
                &path.slug,
                proposal,
                positive(&path.amendment)?,
            )
            .await?;
            Ok(Done::see_other(path.page()))
        }
    }

    /// The decline form: the reason.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct DeclineForm {
        reason: String,
    }

    impl Perform for DeclineAmendment {
        type Form = DeclineForm;

        fn page(path: &AmendmentPath, _: &DeclineForm) -> String {
            path.page()
        }

        fn kept(form: &DeclineForm) -> BTreeMap<String, String> {
            kept_values(&[("reason", &form.reason)])
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &AmendmentPath,
            form: &DeclineForm,
        ) -> ServiceResult<Done> {
            let reason = proposal::parse_reason(&form.reason).map_err(ServiceError::Invalid)?;
            let proposal = number(&path.proposal())?;
            amendments::decline(
                &ctx.services,
                &path.slug,
                proposal,
                positive(&path.amendment)?,
                &reason,
            )
            .await?;
            Ok(Done::see_other(path.page()))
        }
    }
}
