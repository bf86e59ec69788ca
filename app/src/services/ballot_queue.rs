//! Writing ballots in batches (group commit). When many members vote in the same instant,
//! each ballot would otherwise take the organisation's lock on its own, and the last would
//! wait for every transaction before it, each a dozen statements. Here the ballots of an
//! organisation that arrive while a batch is being written wait in a queue; the first of
//! them to get the queue's turn writes all that are waiting in one transaction: lock the
//! organisation, check each ballot again in arrival order, write them all, commit. A dozen
//! statements for the whole batch instead of for each ballot.
//!
//! Each ballot is checked on its own, as if alone (a refusal of one does not touch the
//! others), and in the order they arrived, so two ballots of one voter in one batch behave
//! as they would one after the other. Should the batch fail in the database, every ballot
//! of it is written again alone, so one ballot cannot make another fail.

use super::{
    ServiceError, ServiceResult, audit,
    ballots::{Cast, Prepared, already_cast, open_at},
    locks, organisations,
};
use crate::{
    domain::{
        audit::Event,
        ballot,
        policy::{Action, Actor},
        roles::Membership,
    },
    entities::{ballot as row, membership, round, secret_ballot, voter_roll},
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, sea_query::OnConflict,
};
use serde_json::json;
use std::{
    collections::{BTreeMap, BTreeSet, HashMap},
    sync::{Arc, LazyLock, Mutex, PoisonError},
};
use uuid::Uuid;

type Slot = Arc<Mutex<Option<ServiceResult<Cast>>>>;

/// The ballots of one organisation waiting to be written, and the turn to write them.
#[derive(Default)]
struct Queue {
    waiting: Mutex<Vec<(Prepared, Slot)>>,
    turn: Arc<tokio::sync::Mutex<()>>,
}

/// One queue per organisation this process has taken ballots for.
static QUEUES: LazyLock<Mutex<HashMap<Uuid, Arc<Queue>>>> = LazyLock::new(Mutex::default);

fn queue_of(organisation: Uuid) -> Arc<Queue> {
    let mut queues = QUEUES.lock().unwrap_or_else(PoisonError::into_inner);
    Arc::clone(queues.entry(organisation).or_default())
}

fn take(slot: &Slot) -> Option<ServiceResult<Cast>> {
    slot.lock().unwrap_or_else(PoisonError::into_inner).take()
}

/// Writes one checked ballot of `organisation`, with whatever else is waiting; what became
/// of it.
pub async fn write(
    db: &DatabaseConnection,
    organisation: Uuid,
    prepared: Prepared,
) -> ServiceResult<Cast> {
    let queue = queue_of(organisation);
    let slot: Slot = Arc::default();
    queue
        .waiting
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push((prepared, Arc::clone(&slot)));
    // Whoever writes a batch fills its slots before giving up the turn, so once we have the
    // turn our ballot is either written or still waiting (and then we write it).
    let turn = Arc::clone(&queue.turn).lock_owned().await;
    if let Some(done) = take(&slot) {
        return done;
    }
    let batch = std::mem::take(&mut *queue.waiting.lock().unwrap_or_else(PoisonError::into_inner));
    if batch.is_empty() {
        // Only after a batch that ended without answering (a panic): ours went with it.
        return Err(ServiceError::Internal(anyhow::anyhow!(
            "the batch that held this ballot failed"
        )));
    }
    let db = db.clone();
    // A task of its own: should this request go away (the voter's connection closes), the
    // batch still finishes and the others waiting in it get their answers.
    let writing = tokio::spawn(async move {
        let results = write_batch(&db, organisation, &batch).await;
        for ((_, slot), result) in batch.iter().zip(results) {
            *slot.lock().unwrap_or_else(PoisonError::into_inner) = Some(result);
        }
        drop(turn);
    });
    if let Err(error) = writing.await {
        return Err(ServiceError::Internal(anyhow::anyhow!(
            "writing a batch of ballots failed: {error}"
        )));
    }
    take(&slot).unwrap_or_else(|| {
        Err(ServiceError::Internal(anyhow::anyhow!(
            "the ballot was not in the batch written"
        )))
    })
}

/// Writes a batch; should the database refuse it as a whole, each ballot alone.
async fn write_batch(
    db: &DatabaseConnection,
    organisation: Uuid,
    batch: &[(Prepared, Slot)],
) -> Vec<ServiceResult<Cast>> {
    let ballots: Vec<&Prepared> = batch.iter().map(|(p, _)| p).collect();
    match write_together(db, organisation, &ballots).await {
        Ok(results) => results,
        Err(error) if ballots.len() == 1 => vec![Err(error)],
        Err(error) => {
            tracing::warn!(%error, size = ballots.len(), "a batch of ballots failed; writing each alone");
            let mut results = Vec::with_capacity(ballots.len());
            for one in ballots {
                results.push(match write_together(db, organisation, &[one]).await {
                    Ok(mut result) => result.pop().unwrap_or_else(|| {
                        Err(ServiceError::Internal(anyhow::anyhow!("no result")))
                    }),
                    Err(error) => Err(error),
                });
            }
            results
        }
    }
}

/// What is stored already, and what this batch has decided so far, for each voter.
#[derive(Default)]
struct Stored {
    /// Open ballots: (round, member) → version.
    versions: HashMap<(Uuid, Uuid), i32>,
    /// Secret rounds: who is on the roll.
    roll: BTreeSet<(Uuid, Uuid)>,
}

/// Everything the batch writes.
#[derive(Default)]
struct Writes {
    /// Open ballots, the last version of each voter's (earlier ones are in the audit chain).
    open: BTreeMap<(Uuid, Uuid), row::ActiveModel>,
    roll: Vec<voter_roll::ActiveModel>,
    secret: Vec<secret_ballot::ActiveModel>,
    audit: Vec<audit::NewEntry>,
}

/// Lock first, then check each ballot again, then write them all, in one transaction. The
/// outer error is the database's; the inner ones are each ballot's refusal.
async fn write_together(
    db: &DatabaseConnection,
    organisation_id: Uuid,
    ballots: &[&Prepared],
) -> ServiceResult<Vec<ServiceResult<Cast>>> {
    let txn = locks::begin_for_organisation(db, organisation_id).await?;
    let round_ids: BTreeSet<Uuid> = ballots.iter().map(|b| b.round).collect();
    let member_ids: BTreeSet<Uuid> = ballots.iter().map(|b| b.member).collect();
    let rounds: HashMap<Uuid, round::Model> = round::Entity::find()
        .filter(round::Column::Id.is_in(round_ids.iter().copied()))
        .filter(round::Column::OrganisationId.eq(organisation_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect();
    let members: HashMap<Uuid, membership::Model> = membership::Entity::find()
        .filter(membership::Column::Id.is_in(member_ids.iter().copied()))
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .all(&txn)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    let stored = stored(&txn, &rounds, &member_ids).await?;
    let mut writes = Writes::default();
    let results = decide(&rounds, &members, stored, ballots, &mut writes)?;
    store(&txn, organisation_id, writes).await?;
    txn.commit().await?;
    Ok(results)
}

/// The open ballots' versions and the secret rounds' roll, for the batch's voters.
async fn stored(
    txn: &DatabaseTransaction,
    rounds: &HashMap<Uuid, round::Model>,
    members: &BTreeSet<Uuid>,
) -> ServiceResult<Stored> {
    let (secret, open): (Vec<&round::Model>, Vec<&round::Model>) =
        rounds.values().partition(|r| r.secret);
    let mut stored = Stored::default();
    if !open.is_empty() {
        for b in row::Entity::find()
            .filter(row::Column::RoundId.is_in(open.iter().map(|r| r.id)))
            .filter(row::Column::MembershipId.is_in(members.iter().copied()))
            .all(txn)
            .await?
        {
            stored
                .versions
                .insert((b.round_id, b.membership_id), b.version);
        }
    }
    if !secret.is_empty() {
        for v in voter_roll::Entity::find()
            .filter(voter_roll::Column::RoundId.is_in(secret.iter().map(|r| r.id)))
            .filter(voter_roll::Column::MembershipId.is_in(members.iter().copied()))
            .all(txn)
            .await?
        {
            stored.roll.insert((v.round_id, v.membership_id));
        }
    }
    Ok(stored)
}

/// Checks one ballot again under the lock, as it stands now: the member's standing (a
/// suspension since the first check counts) and the round still open at the ballot's
/// instant; its round.
fn recheck<'r>(
    b: &Prepared,
    rounds: &'r HashMap<Uuid, round::Model>,
    members: &HashMap<Uuid, membership::Model>,
) -> ServiceResult<&'r round::Model> {
    let standing = members
        .get(&b.member)
        .map(|m| Membership::new(m.role, m.state));
    organisations::require(&Actor::account(standing), Action::Vote)?;
    let round = rounds.get(&b.round).ok_or(ServiceError::NotFound)?;
    open_at(round, b.now)?;
    Ok(round)
}

/// Checks each ballot in arrival order against what is stored and what the batch decided
/// before it, adding its writes; each ballot's result.
fn decide(
    rounds: &HashMap<Uuid, round::Model>,
    members: &HashMap<Uuid, membership::Model>,
    mut stored: Stored,
    ballots: &[&Prepared],
    writes: &mut Writes,
) -> ServiceResult<Vec<ServiceResult<Cast>>> {
    let mut results = Vec::with_capacity(ballots.len());
    for b in ballots {
        let round = match recheck(b, rounds, members) {
            Ok(round) => round,
            Err(refused) => {
                results.push(Err(refused));
                continue;
            }
        };
        let marks = serde_json::to_string(&b.marks).map_err(anyhow::Error::from)?;
        if round.secret {
            if !stored.roll.insert((round.id, b.member)) {
                results.push(Err(ServiceError::Invalid(vec![already_cast()])));
                continue;
            }
            let receipt = receipt()?;
            // The roll and the ballot in one transaction; nothing links one to the other.
            writes.roll.push(voter_roll::ActiveModel {
                round_id: Set(round.id),
                membership_id: Set(b.member),
            });
            writes.secret.push(secret_ballot::ActiveModel {
                id: Set(Uuid::new_v4()),
                round_id: Set(round.id),
                receipt: Set(receipt.clone()),
                marks: Set(marks),
            });
            // No member and no receipt: with the entry's time, a receipt here could be
            // matched to the voter roll as it fills; the receipts enter the chain at close.
            writes.audit.push(audit::NewEntry {
                actor: None,
                event: Event::BallotCast,
                data: json!({ "round": round.id.to_string() }),
                at: b.now,
            });
            results.push(Ok(Cast::Secret { receipt }));
        } else {
            let version = stored
                .versions
                .get(&(round.id, b.member))
                .map_or(1, |v| v + 1);
            stored.versions.insert((round.id, b.member), version);
            writes.open.insert(
                (round.id, b.member),
                row::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    round_id: Set(round.id),
                    membership_id: Set(b.member),
                    marks: Set(marks),
                    version: Set(version),
                    cast_at: Set(b.now),
                },
            );
            writes.audit.push(audit::NewEntry {
                actor: b.account,
                event: if version == 1 {
                    Event::BallotCast
                } else {
                    Event::BallotChanged
                },
                data: json!({
                    "round": round.id.to_string(),
                    "member": b.member.to_string(),
                    "version": version,
                    "marks": &b.marks,
                }),
                at: b.now,
            });
            results.push(Ok(Cast::Open { version }));
        }
    }
    Ok(results)
}

/// A new receipt code from the OS's random source.
fn receipt() -> ServiceResult<String> {
    let mut bytes = [0u8; 10];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("the OS random source failed: {e}"))?;
    Ok(ballot::receipt_code(&bytes))
}

/// Writes what the batch decided: a few statements, whatever its size.
async fn store(
    txn: &DatabaseTransaction,
    organisation_id: Uuid,
    writes: Writes,
) -> ServiceResult<()> {
    if !writes.open.is_empty() {
        // A voter's first ballot is inserted; a changed one replaces the stored version.
        row::Entity::insert_many(writes.open.into_values())
            .on_conflict(
                OnConflict::columns([row::Column::RoundId, row::Column::MembershipId])
                    .update_columns([
                        row::Column::Marks,
                        row::Column::Version,
                        row::Column::CastAt,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(txn)
            .await?;
    }
    if !writes.roll.is_empty() {
        voter_roll::Entity::insert_many(writes.roll)
            .exec_without_returning(txn)
            .await
            .map_err(|e| ServiceError::unique_or(e, already_cast))?;
        secret_ballot::Entity::insert_many(writes.secret)
            .exec_without_returning(txn)
            .await?;
    }
    audit::append_all(txn, organisation_id, writes.audit).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{
        roles::{MembershipState, Role},
        round::RoundState,
    };
    use chrono::{Duration, Utc};
    use tally::ballot::{Choice, Marks};

    fn round(org: Uuid, secret: bool) -> round::Model {
        let now = Utc::now();
        round::Model {
            id: Uuid::new_v4(),
            organisation_id: org,
            proposal_id: Uuid::new_v4(),
            number: 1,
            revision: 1,
            state: RoundState::Open,
            method: String::new(),
            quorum: String::new(),
            tie_policy: String::new(),
            secret,
            running_results: false,
            reminder_hours: 24,
            on_amendments: false,
            opens_at: now,
            closes_at: now + Duration::hours(1),
            created_by: Uuid::new_v4(),
            created_at: now,
            opened_at: Some(now),
            electorate_size: Some(2),
            electorate_hash: None,
            closed_at: None,
            closed_by: None,
            close_reason: None,
            cancelled_at: None,
            cancelled_by: None,
            cancel_reason: None,
            report: None,
            report_text: None,
            digest: None,
            seed: None,
            outcome: None,
            statement: None,
            agenda_item_id: None,
            quorum_base: None,
        }
    }

    fn member(org: Uuid, state: MembershipState) -> membership::Model {
        membership::Model {
            id: Uuid::new_v4(),
            organisation_id: org,
            account_id: Uuid::new_v4(),
            role: Role::Member,
            state,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    fn ballot(round: &round::Model, member: &membership::Model, choice: Choice) -> Prepared {
        Prepared {
            round: round.id,
            member: member.id,
            account: Some(member.account_id),
            marks: Marks::YesNo(choice),
            now: Utc::now(),
        }
    }

    fn codes(results: &[ServiceResult<Cast>]) -> Vec<String> {
        results
            .iter()
            .map(|r| match r {
                Ok(Cast::Open { version }) => format!("open v{version}"),
                Ok(Cast::Secret { .. }) => "secret".into(),
                Err(ServiceError::Invalid(problems)) => problems[0].code.clone(),
                Err(ServiceError::Forbidden(refusal)) => refusal.code().to_owned(),
                Err(other) => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn one_voter_twice_in_a_batch_is_as_one_after_the_other() {
        let org = Uuid::new_v4();
        let (open, secret) = (round(org, false), round(org, true));
        let ada = member(org, MembershipState::Active);
        let rounds = HashMap::from([(open.id, open.clone()), (secret.id, secret.clone())]);
        let members = HashMap::from([(ada.id, ada.clone())]);
        let mut stored = Stored::default();
        stored.versions.insert((open.id, ada.id), 2);
        let batch = [
            ballot(&open, &ada, Choice::Yes),
            ballot(&open, &ada, Choice::No),
            ballot(&secret, &ada, Choice::Yes),
            ballot(&secret, &ada, Choice::No),
        ];
        let refs: Vec<&Prepared> = batch.iter().collect();
        let mut writes = Writes::default();
        let results = decide(&rounds, &members, stored, &refs, &mut writes).unwrap();
        assert_eq!(
            codes(&results),
            ["open v3", "open v4", "secret", "ballot_already_cast"]
        );
        // One row per open voter (the last version), one roll line and one secret ballot,
        // and every version in the audit chain.
        assert_eq!(writes.open.len(), 1);
        let last = &writes.open[&(open.id, ada.id)];
        assert_eq!(last.version, Set(4));
        let no = serde_json::to_string(&Marks::YesNo(Choice::No)).unwrap();
        assert_eq!(last.marks, Set(no));
        assert_eq!((writes.roll.len(), writes.secret.len()), (1, 1));
        assert_eq!(writes.audit.len(), 3);
        assert!(
            writes.audit[2].actor.is_none(),
            "a secret ballot names no one"
        );
    }

    #[test]
    fn each_ballot_is_checked_again_under_the_lock() {
        let org = Uuid::new_v4();
        let open = round(org, false);
        let mut closed = round(org, false);
        closed.state = RoundState::Closed;
        let ada = member(org, MembershipState::Active);
        let bea = member(org, MembershipState::Suspended);
        let rounds = HashMap::from([(open.id, open.clone()), (closed.id, closed.clone())]);
        let members = HashMap::from([(ada.id, ada.clone()), (bea.id, bea.clone())]);
        let mut late = ballot(&open, &ada, Choice::Yes);
        late.now = open.closes_at;
        let batch = [
            ballot(&open, &bea, Choice::Yes),
            ballot(&closed, &ada, Choice::Yes),
            late,
            ballot(&open, &ada, Choice::Yes),
        ];
        let refs: Vec<&Prepared> = batch.iter().collect();
        let mut writes = Writes::default();
        let results = decide(&rounds, &members, Stored::default(), &refs, &mut writes).unwrap();
        let found = codes(&results);
        assert_eq!(found[0], "membership_not_active", "{found:?}");
        assert_eq!(found[1], "round_state", "{found:?}");
        assert_eq!(found[2], "round_state", "{found:?}");
        assert_eq!(found[3], "open v1");
        assert_eq!(writes.audit.len(), 1);
    }
}
