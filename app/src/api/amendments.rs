//! Page data about amendments: the form proposing one, and one amendment with its diff and
//! outcome.

use crate::{
    api::organisations::OrgHeader,
    domain::{amendment::AmendmentState, diff::Segment},
    error::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One amendment in a proposal's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendmentRow {
    /// Its number within the proposal.
    pub number: i32,
    /// Who proposed it.
    pub amender: String,
    /// When, in the organisation's time zone.
    pub at: String,
    /// Open, accepted or declined.
    pub state: AmendmentState,
    /// The first line of its reason.
    pub reason: String,
    /// The revision it became, if accepted.
    pub revision: Option<i32>,
}

/// The page proposing an amendment (`/o/:slug/p/:number/amendments/new`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAmendmentView {
    /// The organisation.
    pub org: OrgHeader,
    /// The proposal's number.
    pub number: i32,
    /// The revision an amendment changes (the latest).
    pub revision: i32,
    /// Its title.
    pub title: String,
    /// Its summary.
    pub summary: String,
    /// Its body (Markdown), for the form to start from.
    pub body: String,
}

/// How an amendment was decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendmentDecision {
    /// The author who decided.
    pub by: String,
    /// When.
    pub at: String,
    /// Why it was declined (empty when accepted).
    pub reason: String,
    /// The revision it became, if accepted.
    pub revision: Option<i32>,
}

/// One amendment's page (`/o/:slug/p/:number/a/:amendment`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendmentView {
    /// The organisation.
    pub org: OrgHeader,
    /// The proposal's number.
    pub number: i32,
    /// The proposal's latest title.
    pub proposal_title: String,
    /// The amendment's row (number, amender, time, state).
    pub amendment: AmendmentRow,
    /// Its whole reason.
    pub reason: String,
    /// The revision it changes.
    pub base_revision: i32,
    /// The proposal's latest revision.
    pub current_revision: i32,
    /// The title's changes from the base revision.
    pub title_diff: Vec<Segment>,
    /// The summary's changes.
    pub summary_diff: Vec<Segment>,
    /// The body's changes.
    pub body_diff: Vec<Segment>,
    /// How it was decided.
    pub decision: Option<AmendmentDecision>,
    /// Whether the viewer may accept or decline it (one of the authors, the proposal in
    /// discussion, no round open).
    pub may_decide: bool,
}

/// The form proposing an amendment, for a member who may amend the proposal.
#[server(endpoint = "amendment_new_page")]
pub async fn new_amendment_page(slug: String, number: i32) -> Result<NewAmendmentView, AppError> {
    crate::error::answer(
        async move {
            use crate::{domain::proposal_policy::ProposalAction, services::proposals};
            let ctx = crate::session::service_ctx()?;
            let (seen, loaded) = proposals::find(&ctx, &slug, number).await?;
            loaded.require(ProposalAction::Amend)?;
            let p = loaded.proposal;
            Ok(NewAmendmentView {
                org: OrgHeader::of(&seen.organisation),
                number: p.number,
                revision: p.revision,
                title: p.title,
                summary: p.summary,
                body: p.body,
            })
        }
        .await,
    )
}

/// One amendment, for someone who may read its proposal.
#[server(endpoint = "amendment_page")]
pub async fn amendment_page(
    slug: String,
    number: i32,
    amendment: i32,
) -> Result<AmendmentView, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                domain::{amendment, diff::words, proposal_policy::ProposalAction},
                services::{ServiceError, amendments, proposals},
            };
            let ctx = crate::session::service_ctx()?;
            let (seen, loaded) = proposals::find(&ctx, &slug, number).await?;
            let revisions = proposals::revisions(&ctx, &loaded).await?;
            let found = amendments::one(&ctx.db, loaded.proposal.id, amendment).await?;
            let base = revisions
                .iter()
                .find(|r| r.number == found.base_revision)
                .ok_or(ServiceError::NotFound)?;
            let mut people = vec![found.amender_id];
            people.extend(found.decided_by);
            let names = proposals::names(&ctx.db, &people).await?;
            let zone = &seen.organisation.time_zone;
            let may_decide = loaded.may(ProposalAction::DecideAmendment)
                && amendment::check_decline(found.state).is_ok();
            Ok(AmendmentView {
                org: OrgHeader::of(&seen.organisation),
                number,
                proposal_title: loaded.proposal.title.clone(),
                amendment: row(&found, &names, zone),
                reason: found.reason.clone(),
                base_revision: found.base_revision,
                current_revision: loaded.proposal.revision,
                title_diff: words(&base.title, &found.title),
                summary_diff: words(&base.summary, &found.summary),
                body_diff: words(&base.body, &found.body),
                decision: match (found.decided_by, found.decided_at) {
                    (Some(by), Some(at)) => Some(AmendmentDecision {
                        by: proposals::name_in(&names, by),
                        at: super::local_time(at, zone),
                        reason: found.decline_reason.clone().unwrap_or_default(),
                        revision: found.revision,
                    }),
                    _ => None,
                },
                may_decide,
            })
        }
        .await,
    )
}

/// A proposal's amendments as its page lists them.
#[cfg(feature = "ssr")]
pub(crate) async fn rows(
    ctx: &crate::services::Ctx,
    proposal: uuid::Uuid,
    zone: &str,
) -> Result<Vec<AmendmentRow>, crate::services::ServiceError> {
    use crate::services::{amendments, proposals};
    let found = amendments::of_proposal(&ctx.db, proposal).await?;
    let mut people: Vec<uuid::Uuid> = found.iter().map(|a| a.amender_id).collect();
    people.sort_unstable();
    people.dedup();
    let names = proposals::names(&ctx.db, &people).await?;
    Ok(found.iter().map(|a| row(a, &names, zone)).collect())
}

#[cfg(feature = "ssr")]
fn row(
    found: &crate::entities::amendment::Model,
    names: &[(uuid::Uuid, String)],
    zone: &str,
) -> AmendmentRow {
    AmendmentRow {
        number: found.number,
        amender: crate::services::proposals::name_in(names, found.amender_id),
        at: super::local_time(found.created_at, zone),
        state: found.state,
        reason: found.reason.lines().next().unwrap_or_default().to_owned(),
        revision: found.revision,
    }
}
