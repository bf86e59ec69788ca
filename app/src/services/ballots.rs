//! Ballots (decision-rules.md §4): casting one, changing an open one, and the secret
//! ballot with its receipt. One ballot per voter and round is a unique key in the database
//! (`ballots` for open rounds, `voter_roll` for secret ones); ballots are written under the
//! organisation's lock (`ballot_queue`), so concurrent submissions by one voter are decided
//! one after the other, and the key is the backstop.

use super::{Ctx, Problem, ServiceError, ServiceResult};
use crate::{
    domain::{
        ballot::{self, BallotIssue},
        policy::{Action, Refusal},
        round::{RoundProblem, RoundState},
    },
    entities::{ballot as row, round, secret_ballot, voter_roll},
};
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use std::collections::BTreeMap;
use tally::{ballot::Marks, config::Method};
use uuid::Uuid;

/// What casting gave the voter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cast {
    /// An open ballot, at this version (1 the first time).
    Open {
        /// The version now counted.
        version: i32,
    },
    /// A secret ballot and its receipt code (shown once).
    Secret {
        /// The receipt code.
        receipt: String,
    },
}

/// Casts (or, in an open round, changes) the signed-in member's ballot in round `id`.
///
/// The ballot joins its organisation's queue (`ballot_queue`), whose next batch, under the
/// organisation's lock, checks it (the member's standing, the round open at this instant,
/// the electorate fixed at opening, the marks against the method and options, a secret
/// ballot not cast yet) and writes it, its voter-roll line and its audit entry, with the
/// other ballots that were waiting. Nothing is read before the lock but the organisation's
/// id, so each check is made on what the previous writer committed.
pub async fn cast(
    ctx: &Ctx,
    slug: &str,
    id: Uuid,
    fields: &BTreeMap<String, String>,
) -> ServiceResult<Cast> {
    let Some(account) = &ctx.account else {
        // Nobody signed in: refused as the organisation's pages refuse them.
        super::organisations::authorised(ctx, slug, Action::Vote).await?;
        // Not reached: the policy never lets someone who is not signed in vote.
        return Err(ServiceError::Forbidden(Refusal::NotAMember));
    };
    let request = Request {
        account: account.id,
        round: id,
        fields: fields.clone(),
        now: ctx.now,
    };
    super::ballot_queue::write(ctx, slug, request).await
}

/// A ballot as sent, waiting to be checked and written.
#[derive(Debug, Clone)]
pub struct Request {
    /// The voter's account.
    pub account: Uuid,
    /// The round.
    pub round: Uuid,
    /// The ballot form's fields.
    pub fields: BTreeMap<String, String>,
    /// When it was cast.
    pub now: DateTime<Utc>,
}

/// Reads a ballot form's marks for `method` over the option `names`, each broken rule a
/// problem naming its field.
pub fn read_marks(
    method: &Method,
    names: &[String],
    fields: &BTreeMap<String, String>,
) -> ServiceResult<Marks> {
    ballot::read(method, names, fields).map_err(|issues| {
        ServiceError::Invalid(
            issues
                .iter()
                .map(|issue: &BallotIssue| {
                    Problem::broken(issue.field(names, fields).as_deref(), issue)
                })
                .collect(),
        )
    })
}

/// Refuses a round that does not take ballots at `now`, naming its state.
pub fn open_at(round: &round::Model, now: DateTime<Utc>) -> ServiceResult<()> {
    if round.state == RoundState::Open && now < round.closes_at {
        return Ok(());
    }
    let state = if round.state == RoundState::Open {
        RoundState::Closed
    } else {
        round.state
    };
    Err(ServiceError::Invalid(vec![Problem::broken(
        None,
        &RoundProblem::State { state },
    )]))
}

/// The refusal of a second secret ballot.
pub fn already_cast() -> Problem {
    Problem::new(
        None,
        "ballot_already_cast",
        "You have already voted in this secret round; a secret ballot is final once cast.",
    )
}

/// How many members have voted in a round.
pub async fn voted_count(db: &impl ConnectionTrait, round: &round::Model) -> ServiceResult<u64> {
    Ok(if round.secret {
        voter_roll::Entity::find()
            .filter(voter_roll::Column::RoundId.eq(round.id))
            .count(db)
            .await?
    } else {
        row::Entity::find()
            .filter(row::Column::RoundId.eq(round.id))
            .count(db)
            .await?
    })
}

/// The members who have voted in a round (membership ids).
pub async fn voted(db: &impl ConnectionTrait, round: &round::Model) -> ServiceResult<Vec<Uuid>> {
    Ok(if round.secret {
        voter_roll::Entity::find()
            .filter(voter_roll::Column::RoundId.eq(round.id))
            .all(db)
            .await?
            .into_iter()
            .map(|v| v.membership_id)
            .collect()
    } else {
        row::Entity::find()
            .filter(row::Column::RoundId.eq(round.id))
            .all(db)
            .await?
            .into_iter()
            .map(|b| b.membership_id)
            .collect()
    })
}

/// A member's open ballot in a round, if they cast one.
pub async fn mine(
    db: &impl ConnectionTrait,
    round: Uuid,
    member: Uuid,
) -> ServiceResult<Option<row::Model>> {
    Ok(row::Entity::find()
        .filter(row::Column::RoundId.eq(round))
        .filter(row::Column::MembershipId.eq(member))
        .one(db)
        .await?)
}

/// The marks of every ballot in a round: open ballots with their voter, secret ones with
/// their receipt, in a stable order (voter id, or receipt).
pub async fn all(
    db: &impl ConnectionTrait,
    round: &round::Model,
) -> ServiceResult<Vec<(BallotOwner, Marks)>> {
    let parse = |json: &str| -> ServiceResult<Marks> {
        serde_json::from_str(json)
            .map_err(|e| ServiceError::Internal(anyhow::anyhow!("stored ballot: {e}")))
    };
    let mut out = Vec::new();
    if round.secret {
        for b in secret_ballot::Entity::find()
            .filter(secret_ballot::Column::RoundId.eq(round.id))
            .order_by_asc(secret_ballot::Column::Receipt)
            .all(db)
            .await?
        {
            out.push((BallotOwner::Receipt(b.receipt.clone()), parse(&b.marks)?));
        }
    } else {
        for b in row::Entity::find()
            .filter(row::Column::RoundId.eq(round.id))
            .order_by_asc(row::Column::MembershipId)
            .all(db)
            .await?
        {
            out.push((BallotOwner::Member(b.membership_id), parse(&b.marks)?));
        }
    }
    Ok(out)
}

/// Whose a ballot is, as far as the round's secrecy lets anyone know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BallotOwner {
    /// An open ballot's voter.
    Member(Uuid),
    /// A secret ballot's receipt code.
    Receipt(String),
}
