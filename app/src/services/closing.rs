//! Closing a round exactly once and counting it (decision-rules.md §3, §5, §7). A close
//! locks the organisation, then claims the round with a conditional update (`… WHERE state =
//! 'open'`): only the process whose update changed the row goes on, in the same transaction,
//! to load the ballots, count them with `tally`, store the report and its digest, move the
//! proposal on and append `round.closed`. A process that dies before commit leaves the round
//! open, and the next pass closes it. The lot seed is the audit head at close (§7).

use super::{Ctx, ServiceError, ServiceResult, amendments, audit, ballots, rounds};
use crate::{
    domain::{
        audit::Event, digest::sha256_from_hex, digest::sha256_hex, proposal::ProposalState,
        round::RoundState,
    },
    entities::{amendment, audit_entry, proposal, round as row},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder, sea_query::Expr,
};
use serde_json::json;
use tally::{
    CountConfig, Report,
    ballot::{BallotGroup, Contest, group_ballots},
    config::Method,
    report::Outcome,
};
use uuid::Uuid;

/// Closes every open round whose closing instant has come; returns how many this call
/// closed (a round another process closed first is skipped).
pub async fn close_due(ctx: &Ctx) -> ServiceResult<usize> {
    let due = row::Entity::find()
        .filter(row::Column::State.eq(RoundState::Open))
        .filter(row::Column::ClosesAt.lte(ctx.now))
        .order_by_asc(row::Column::ClosesAt)
        .all(&ctx.db)
        .await?;
    let mut closed = 0;
    for candidate in due {
        let txn = super::locks::begin_for_organisation(&ctx.db, candidate.organisation_id).await?;
        if close_in(&txn, ctx, candidate, None, None).await?.is_some() {
            txn.commit().await?;
            closed += 1;
        }
    }
    Ok(closed)
}

/// Claims `round` and, if this call is the one that closed it, counts it and stores the
/// result (inside `txn`, which holds the organisation's lock; the caller commits). `by` and
/// `reason` record an early close. `None` when the round was no longer open.
pub async fn close_in(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    round: row::Model,
    by: Option<Uuid>,
    reason: Option<&str>,
) -> ServiceResult<Option<row::Model>> {
    let claimed = row::Entity::update_many()
        .col_expr(row::Column::State, Expr::value(RoundState::Closed.code()))
        .col_expr(row::Column::ClosedAt, Expr::value(ctx.now))
        .filter(row::Column::Id.eq(round.id))
        .filter(row::Column::State.eq(RoundState::Open))
        .exec(txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Ok(None);
    }
    let head = audit_entry::Entity::find()
        .filter(audit_entry::Column::OrganisationId.eq(round.organisation_id))
        .order_by_desc(audit_entry::Column::Seq)
        .one(txn)
        .await?
        .map(|e| e.hash)
        .unwrap_or_else(|| crate::domain::audit::GENESIS_HASH.to_owned());
    let (report, owners) = count(txn, &round, &head).await?;
    // A secret round's receipts enter the chain here, all at once and sorted: an entry per
    // ballot at casting time would tie each receipt to a moment (spec §4).
    let receipts: Vec<&str> = owners
        .iter()
        .filter_map(|o| match o {
            ballots::BallotOwner::Receipt(code) => Some(code.as_str()),
            ballots::BallotOwner::Member(_) => None,
        })
        .collect();
    let json = report
        .to_json()
        .map_err(|e| ServiceError::Internal(anyhow::anyhow!("report: {e}")))?;
    let digest = sha256_hex(&[json.as_bytes()]);
    let outcome = outcome_code(&report.outcome);
    let mut closed: row::ActiveModel = round.clone().into();
    closed.state = Set(RoundState::Closed);
    closed.closed_at = Set(Some(ctx.now));
    closed.closed_by = Set(by);
    closed.close_reason = Set(reason.map(str::to_owned));
    closed.report = Set(Some(json));
    closed.report_text = Set(Some(report.to_text()));
    closed.digest = Set(Some(digest.clone()));
    closed.seed = Set(Some(head.clone()));
    closed.outcome = Set(Some(outcome.to_owned()));
    let closed = closed.update(txn).await?;
    let revision = decide_proposal(txn, ctx, &round, &report).await?;
    audit::append(
        txn,
        round.organisation_id,
        None,
        Event::RoundClosed,
        json!({
            "round": round.id.to_string(),
            "outcome": outcome,
            "digest": digest,
            "seed": head,
            "ballots": owners.len(),
            "receipts": receipts,
            "electorate_size": round.electorate_size,
            "early": by.is_some(),
            "reason": reason,
            "revision": revision,
        }),
        ctx.now,
    )
    .await?;
    Ok(Some(closed))
}

/// The outcome's stored code.
pub fn outcome_code(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::NoQuorum => "no-quorum",
        Outcome::Adopted => "adopted",
        Outcome::NotAdopted => "not-adopted",
        Outcome::Elected { .. } => "elected",
    }
}

/// A round's ballots ready for `tally`: one group per ballot (weight 1), in the stable order
/// of [`ballots::all`], with whose each is.
pub struct Prepared {
    /// The contest (ballots not merged).
    pub contest: Contest,
    /// Each ballot's owner, parallel to `contest.ballots`.
    pub owners: Vec<ballots::BallotOwner>,
    /// The count's configuration (seed from `head`).
    pub config: CountConfig,
    /// Each option's id, for the lot.
    pub lot_ids: Vec<String>,
}

/// Loads a round's options and ballots and its count configuration, the lot seeded by the
/// audit head `head` (hex).
pub async fn prepare(
    db: &impl ConnectionTrait,
    round: &row::Model,
    head: &str,
) -> ServiceResult<Prepared> {
    let method = rounds::method_of(round)?;
    let options = rounds::options(db, round.id).await?;
    let (owners, marks): (Vec<_>, Vec<_>) = ballots::all(db, round).await?.into_iter().unzip();
    let seats = match method {
        Method::StvScottish { seats } | Method::StvMeek { seats } => seats,
        Method::Approval { winners } => winners,
        _ => 1,
    };
    let title = proposal::Entity::find_by_id(round.proposal_id)
        .one(db)
        .await?
        .map(|p| p.title)
        .unwrap_or_default();
    let contest = Contest {
        title,
        options: options.iter().map(|o| o.name.clone()).collect(),
        withdrawn: Vec::new(),
        seats,
        tie_order: None,
        ballots: marks
            .into_iter()
            .map(|marks| BallotGroup { weight: 1, marks })
            .collect(),
    };
    let config = CountConfig {
        method,
        tie_policy: rounds::tie_policy(&round.tie_policy),
        seed: sha256_from_hex(head),
        quorum: rounds::quorum_of(round)?,
        electorate: rounds::quorum_reference(round),
        rctab: Default::default(),
    };
    Ok(Prepared {
        contest,
        owners,
        config,
        // The lot hashes each option's id (counting-rules.md §1.4).
        lot_ids: options.iter().map(|o| o.id.to_string()).collect(),
    })
}

/// Counts a round's ballots with `tally`: the report and whose the ballots were.
pub async fn count(
    db: &impl ConnectionTrait,
    round: &row::Model,
    head: &str,
) -> ServiceResult<(Report, Vec<ballots::BallotOwner>)> {
    let mut prepared = prepare(db, round, head).await?;
    let owners = std::mem::take(&mut prepared.owners);
    prepared.contest.ballots = group_ballots(std::mem::take(&mut prepared.contest.ballots));
    let report = tally::count_with_lot_ids(&prepared.contest, &prepared.config, &prepared.lot_ids)
        .map_err(|e| ServiceError::Internal(anyhow::anyhow!("count of round {}: {e}", round.id)))?;
    Ok((report, owners))
}

/// With quorum met, the proposal is decided; on a round over amendments, a winning amendment
/// becomes the next revision first. Returns that revision, if one was made.
async fn decide_proposal(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    round: &row::Model,
    report: &Report,
) -> ServiceResult<Option<i32>> {
    if report.outcome == Outcome::NoQuorum {
        return Ok(None);
    }
    let Some(mut current) = proposal::Entity::find_by_id(round.proposal_id)
        .one(txn)
        .await?
    else {
        return Ok(None);
    };
    let mut revision = None;
    if round.on_amendments
        && let Outcome::Elected { winners } = &report.outcome
        && let Some(winner) = winners.first()
    {
        let options = rounds::options(txn, round.id).await?;
        let amendment_number = options.get(*winner).and_then(|o| o.amendment);
        if let Some(number) = amendment_number
            && let Some(found) = amendment::Entity::find()
                .filter(amendment::Column::ProposalId.eq(current.id))
                .filter(amendment::Column::Number.eq(number))
                .one(txn)
                .await?
        {
            let note = format!(
                "Amendment {number}, chosen in decision round {}.",
                round.number
            );
            let (number, _) = amendments::adopt(txn, ctx, &current, &found, None, &note).await?;
            revision = Some(number);
            current = proposal::Entity::find_by_id(round.proposal_id)
                .one(txn)
                .await?
                .ok_or(ServiceError::NotFound)?;
        }
    }
    let mut decided: proposal::ActiveModel = current.into();
    decided.state = Set(ProposalState::Decided);
    decided.active_at = Set(ctx.now);
    decided.update(txn).await?;
    Ok(revision)
}
