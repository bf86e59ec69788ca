//! Amendments (decision-rules.md §2): proposing one, and its authors accepting (the next
//! revision, credited to the amender) or declining it (with a reason). Every write locks the
//! organisation first, then loads, asks `domain::proposal_policy`, checks
//! `domain::amendment`'s rules, writes, and appends its audit event.

use super::{
    Ctx, Problem, ServiceError, ServiceResult, audit,
    proposals::{self, NewRevision},
};
use crate::{
    domain::{
        amendment::{self, AmendmentProblem, AmendmentState},
        audit::Event,
        proposal::ProposalText,
        proposal_policy::ProposalAction,
    },
    entities::{amendment as row, proposal},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use uuid::Uuid;

/// An amendment as its amender typed it, every rule that needs no database checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAmendment {
    /// The new text.
    pub text: ProposalText,
    /// Why.
    pub reason: String,
    /// The revision the amender started from.
    pub base: i32,
}

fn invalid(field: Option<&str>, problem: &AmendmentProblem) -> ServiceError {
    ServiceError::Invalid(vec![Problem::broken(field, problem)])
}

/// Amendment `number` of a proposal.
pub async fn one(
    db: &impl ConnectionTrait,
    proposal: Uuid,
    number: i32,
) -> ServiceResult<row::Model> {
    row::Entity::find()
        .filter(row::Column::ProposalId.eq(proposal))
        .filter(row::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// Every amendment of a proposal, oldest first.
pub async fn of_proposal(
    db: &impl ConnectionTrait,
    proposal: Uuid,
) -> ServiceResult<Vec<row::Model>> {
    Ok(row::Entity::find()
        .filter(row::Column::ProposalId.eq(proposal))
        .order_by_asc(row::Column::Number)
        .all(db)
        .await?)
}

/// Proposes an amendment to proposal `number`, in discussion: any member who may author in
/// its scope.
pub async fn propose(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    new: &NewAmendment,
) -> ServiceResult<row::Model> {
    let (txn, seen, loaded) = proposals::locked(ctx, slug, number, ProposalAction::Amend).await?;
    let amender = proposals::member_id(&seen)?;
    let current = &loaded.proposal;
    amendment::check_new(
        &new.text,
        new.base,
        (current.revision, &proposals::text_of(current)),
    )
    .map_err(|problem| invalid(None, &problem))?;
    let last = row::Entity::find()
        .filter(row::Column::ProposalId.eq(current.id))
        .order_by_desc(row::Column::Number)
        .one(&txn)
        .await?
        .map_or(0, |a| a.number);
    let created = row::ActiveModel {
        id: Set(Uuid::new_v4()),
        proposal_id: Set(current.id),
        number: Set(last + 1),
        amender_id: Set(amender),
        base_revision: Set(current.revision),
        title: Set(new.text.title.clone()),
        summary: Set(new.text.summary.clone()),
        body: Set(new.text.body.clone()),
        reason: Set(new.reason.clone()),
        state: Set(AmendmentState::Open),
        created_at: Set(ctx.now),
        decided_by: Set(None),
        decided_at: Set(None),
        decline_reason: Set(None),
        revision: Set(None),
    }
    .insert(&txn)
    .await?;
    touch_and_record(
        &txn,
        ctx,
        &seen,
        current,
        Event::AmendmentProposed,
        json!({
            "proposal": current.id.to_string(),
            "number": current.number,
            "amendment": created.number,
            "base_revision": created.base_revision,
            "amender": amender.to_string(),
            "digest": new.text.digest(),
        }),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Accepts amendment `amendment` of proposal `number` (its authors): its text becomes the
/// next revision, credited to the amender. Returns that revision's number.
pub async fn accept(ctx: &Ctx, slug: &str, number: i32, amendment: i32) -> ServiceResult<i32> {
    let (txn, seen, loaded) =
        proposals::locked(ctx, slug, number, ProposalAction::DecideAmendment).await?;
    let decider = proposals::member_id(&seen)?;
    let current = loaded.proposal;
    let found = one(&txn, current.id, amendment).await?;
    amendment::check_accept(found.state, found.base_revision, current.revision)
        .map_err(|problem| invalid(None, &problem))?;
    let (revision, digest) = adopt(
        &txn,
        ctx,
        &current,
        &found,
        Some(decider),
        &amendment::revision_note(found.number, &found.reason),
    )
    .await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::AmendmentAccepted,
        json!({
            "proposal": current.id.to_string(),
            "number": current.number,
            "amendment": found.number,
            "amender": found.amender_id.to_string(),
            "revision": revision,
            "digest": digest,
        }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(revision)
}

/// Makes amendment `found` the next revision of `current`, credited to its amender, and
/// marks it accepted (by `decider`, or by a decision round when none). Returns the revision's
/// number and its text's digest.
pub(super) async fn adopt(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    current: &proposal::Model,
    found: &row::Model,
    decider: Option<Uuid>,
    note: &str,
) -> ServiceResult<(i32, String)> {
    let text = ProposalText {
        title: found.title.clone(),
        summary: found.summary.clone(),
        body: found.body.clone(),
    };
    let revision = current.revision + 1;
    let version = current.version + 1;
    let digest = proposals::insert_revision(
        txn,
        current,
        NewRevision {
            number: revision,
            version,
            text: &text,
            author: found.amender_id,
            note,
            amendment: Some(found.number),
        },
        ctx,
    )
    .await?;
    let mut updated: proposal::ActiveModel = current.clone().into();
    updated.title = Set(text.title.clone());
    updated.summary = Set(text.summary.clone());
    updated.body = Set(text.body.clone());
    updated.version = Set(version);
    updated.revision = Set(revision);
    updated.active_at = Set(ctx.now);
    updated.update(txn).await?;
    let mut decided: row::ActiveModel = found.clone().into();
    decided.state = Set(AmendmentState::Accepted);
    decided.decided_by = Set(decider);
    decided.decided_at = Set(Some(ctx.now));
    decided.revision = Set(Some(revision));
    decided.update(txn).await?;
    Ok((revision, digest))
}

/// Declines amendment `amendment` of proposal `number` with a reason (its authors).
pub async fn decline(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    amendment: i32,
    reason: &str,
) -> ServiceResult<()> {
    let (txn, seen, loaded) =
        proposals::locked(ctx, slug, number, ProposalAction::DecideAmendment).await?;
    let decider = proposals::member_id(&seen)?;
    let current = loaded.proposal;
    let found = one(&txn, current.id, amendment).await?;
    amendment::check_decline(found.state).map_err(|problem| invalid(None, &problem))?;
    let mut decided: row::ActiveModel = found.clone().into();
    decided.state = Set(AmendmentState::Declined);
    decided.decided_by = Set(Some(decider));
    decided.decided_at = Set(Some(ctx.now));
    decided.decline_reason = Set(Some(reason.to_owned()));
    decided.update(&txn).await?;
    touch_and_record(
        &txn,
        ctx,
        &seen,
        &current,
        Event::AmendmentDeclined,
        json!({
            "proposal": current.id.to_string(),
            "number": current.number,
            "amendment": found.number,
            "reason": reason,
        }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The proposal's latest activity is now, and `event` goes into the audit chain.
async fn touch_and_record(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    seen: &super::organisations::Seen,
    proposal: &proposal::Model,
    event: Event,
    data: serde_json::Value,
) -> ServiceResult<()> {
    let mut touched: proposal::ActiveModel = proposal.clone().into();
    touched.active_at = Set(ctx.now);
    touched.update(txn).await?;
    audit::append(
        txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        event,
        data,
        ctx.now,
    )
    .await?;
    Ok(())
}
