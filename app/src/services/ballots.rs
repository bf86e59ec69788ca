//! Ballots (decision-rules.md §4): casting one, changing an open one, and the secret
//! ballot with its receipt. One ballot per voter and round is a unique key in the database
//! (`ballots` for open rounds, `voter_roll` for secret ones); the organisation lock makes
//! concurrent submissions by one voter wait for each other, and the key is the backstop.

use super::{Ctx, Problem, ServiceError, ServiceResult, audit, organisations::Seen, rounds};
use crate::{
    domain::{
        audit::Event,
        ballot::{self, BallotIssue},
        policy::{Action, Refusal},
        round::{RoundProblem, RoundState},
    },
    entities::{ballot as row, round, secret_ballot, voter_roll},
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use serde_json::json;
use std::collections::BTreeMap;
use tally::ballot::Marks;
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

fn already_cast() -> Problem {
    Problem::new(
        None,
        "ballot_already_cast",
        "You have already voted in this secret round; a secret ballot is final once cast.",
    )
}

/// Casts (or, in an open round, changes) the signed-in member's ballot in round `id`.
pub async fn cast(
    ctx: &Ctx,
    slug: &str,
    id: Uuid,
    fields: &BTreeMap<String, String>,
) -> ServiceResult<Cast> {
    let (txn, seen) = super::organisations::authorised_locked(ctx, slug, Action::Vote).await?;
    let round = rounds::one(&txn, &seen, id).await?;
    let member = voter(&seen)?;
    if round.state != RoundState::Open || ctx.now >= round.closes_at {
        let state = if round.state == RoundState::Open {
            RoundState::Closed
        } else {
            round.state
        };
        return Err(ServiceError::Invalid(vec![Problem::broken(
            None,
            &RoundProblem::State { state },
        )]));
    }
    if !rounds::in_electorate(&txn, round.id, member).await? {
        return Err(ServiceError::Forbidden(Refusal::NotInElectorate));
    }
    let method = rounds::method_of(&round)?;
    let names: Vec<String> = rounds::options(&txn, round.id)
        .await?
        .into_iter()
        .map(|o| o.name)
        .collect();
    let marks = ballot::read(&method, &names, fields).map_err(|issues| {
        ServiceError::Invalid(
            issues
                .iter()
                .map(|issue: &BallotIssue| {
                    Problem::broken(issue.field(&names, fields).as_deref(), issue)
                })
                .collect(),
        )
    })?;
    let json = serde_json::to_string(&marks).map_err(anyhow::Error::from)?;
    let outcome = if round.secret {
        cast_secret(&txn, &round, member, json).await?
    } else {
        cast_open(&txn, ctx, &round, member, json).await?
    };
    let (event, data) = match &outcome {
        // No member and no receipt: with the entry's time, a receipt here could be matched to
        // the voter roll as it fills; the receipts enter the chain at close (`round.closed`).
        Cast::Secret { .. } => (Event::BallotCast, json!({ "round": round.id.to_string() })),
        Cast::Open { version } => (
            if *version == 1 {
                Event::BallotCast
            } else {
                Event::BallotChanged
            },
            json!({
                "round": round.id.to_string(),
                "member": member.to_string(),
                "version": version,
                "marks": marks,
            }),
        ),
    };
    // A secret ballot's entry names no actor and holds only the round.
    let actor = if round.secret {
        None
    } else {
        ctx.account.as_ref().map(|a| a.id)
    };
    audit::append(&txn, seen.organisation.id, actor, event, data, ctx.now).await?;
    txn.commit().await?;
    Ok(outcome)
}

fn voter(seen: &Seen) -> ServiceResult<Uuid> {
    seen.membership
        .as_ref()
        .map(|m| m.id)
        .ok_or(ServiceError::Forbidden(Refusal::NotAMember))
}

async fn cast_open(
    db: &impl ConnectionTrait,
    ctx: &Ctx,
    round: &round::Model,
    member: Uuid,
    marks: String,
) -> ServiceResult<Cast> {
    let existing = row::Entity::find()
        .filter(row::Column::RoundId.eq(round.id))
        .filter(row::Column::MembershipId.eq(member))
        .one(db)
        .await?;
    let version = match existing {
        Some(found) => {
            let version = found.version + 1;
            let mut changed: row::ActiveModel = found.into();
            changed.marks = Set(marks);
            changed.version = Set(version);
            changed.cast_at = Set(ctx.now);
            changed.update(db).await?;
            version
        }
        None => {
            row::ActiveModel {
                id: Set(Uuid::new_v4()),
                round_id: Set(round.id),
                membership_id: Set(member),
                marks: Set(marks),
                version: Set(1),
                cast_at: Set(ctx.now),
            }
            .insert(db)
            .await
            .map_err(|e| ServiceError::unique_or(e, already_cast))?;
            1
        }
    };
    Ok(Cast::Open { version })
}

async fn cast_secret(
    db: &impl ConnectionTrait,
    round: &round::Model,
    member: Uuid,
    marks: String,
) -> ServiceResult<Cast> {
    if voter_roll::Entity::find_by_id((round.id, member))
        .one(db)
        .await?
        .is_some()
    {
        return Err(ServiceError::Invalid(vec![already_cast()]));
    }
    // The roll and the ballot in one transaction; nothing links one to the other.
    voter_roll::ActiveModel {
        round_id: Set(round.id),
        membership_id: Set(member),
    }
    .insert(db)
    .await
    .map_err(|e| ServiceError::unique_or(e, already_cast))?;
    let mut bytes = [0u8; 10];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("the OS random source failed: {e}"))?;
    let receipt = ballot::receipt_code(&bytes);
    secret_ballot::ActiveModel {
        id: Set(Uuid::new_v4()),
        round_id: Set(round.id),
        receipt: Set(receipt.clone()),
        marks: Set(marks),
    }
    .insert(db)
    .await?;
    Ok(Cast::Secret { receipt })
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
