//! Ballots are written in batches (group commit, `services::batch`). When many members vote
//! in the same instant, each ballot would otherwise take the organisation's lock on its own,
//! and the last would wait for every transaction before it, each a dozen statements. Here
//! the ballots for an organisation that arrive while a batch is being written wait; the next
//! batch writes all of them in one transaction: lock the organisation, read what the ballots
//! need (memberships, rounds, electorates, what is stored), check each ballot, write them
//! all, commit. About a dozen statements for the whole batch instead of for each ballot, and
//! nothing read before the lock but the organisation's id: every check is made on what the
//! previous writer committed.
//!
//! Each ballot is checked on its own, as if alone (a refusal of one does not touch the
//! others), and in the order they arrived, so two ballots of one voter in one batch behave
//! as they would one after the other. Should the batch fail in the database, every ballot
//! of it is written again alone, so one ballot cannot make another fail.

use super::{
    Ctx, ServiceError, ServiceResult, audit,
    ballots::{Cast, Request, already_cast, open_at, read_marks},
    locks, organisations, rounds,
};
use crate::{
    domain::{
        audit::Event,
        ballot,
        organisation::SLUG_MAX_CHARS,
        policy::{Action, Actor, Refusal},
        roles::Membership,
    },
    entities::{
        ballot as row, membership, organisation, round, round_electorate, secret_ballot, voter_roll,
    },
};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, sea_query::OnConflict,
};
use serde_json::json;
use std::{
    collections::{BTreeMap, BTreeSet, HashMap, HashSet},
    sync::Arc,
};
use tally::config::Method;
use uuid::Uuid;

/// The ballot batches of this instance, one per organisation (by slug).
pub type Queues = super::batch::Keyed<String, Request, Cast>;

/// Writes one ballot for the organisation `slug` with whatever else is waiting; what
/// became of it.
pub async fn write(ctx: &Ctx, slug: &str, request: Request) -> ServiceResult<Cast> {
    if slug.chars().count() > SLUG_MAX_CHARS {
        // No organisation has it, and the queues are keyed by what requests name.
        return Err(ServiceError::NotFound);
    }
    let db = ctx.db.clone();
    let slug = slug.to_owned();
    ctx.batches
        .ballots
        .of(slug.clone())
        .run(request, |batch| {
            let (db, slug) = (db.clone(), slug.clone());
            async move { write_batch(&db, &slug, &batch).await }
        })
        .await
}

/// Writes a batch; should the database refuse it as a whole, each ballot alone.
async fn write_batch(
    db: &DatabaseConnection,
    slug: &str,
    batch: &[Request],
) -> Vec<ServiceResult<Cast>> {
    // By reference, so that the fallback can write each ballot alone.
    let ballots: Vec<&Request> = batch.iter().collect();
    match write_together(db, slug, &ballots).await {
        Ok(results) => results,
        Err(error) if ballots.len() == 1 => vec![Err(error)],
        Err(error) => {
            tracing::warn!(%error, size = ballots.len(), "a batch of ballots failed; writing each alone");
            let mut results = Vec::with_capacity(ballots.len());
            for one in ballots {
                results.push(match write_together(db, slug, &[one]).await {
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

/// What the batch read under the lock to check its ballots.
#[derive(Default)]
struct Loaded {
    /// The voters' memberships, by account.
    members: HashMap<Uuid, membership::Model>,
    /// The rounds asked for, of this organisation.
    rounds: HashMap<Uuid, LoadedRound>,
    /// Who of the voters is in which round's electorate: (round, membership).
    electorate: HashSet<(Uuid, Uuid)>,
}

/// A round as its ballots need it.
struct LoadedRound {
    round: round::Model,
    /// Its method, or why it could not be read (that refuses this round's ballots only).
    method: Result<Method, String>,
    /// Its options' names, in ballot order.
    names: Arc<[String]>,
}

/// Lock first, then read and check each ballot, then write them all, in one transaction.
/// The outer error is the database's; the inner ones are each ballot's refusal.
async fn write_together(
    db: &DatabaseConnection,
    slug: &str,
    ballots: &[&Request],
) -> ServiceResult<Vec<ServiceResult<Cast>>> {
    let Some(organisation) = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(db)
        .await?
    else {
        return Ok(ballots
            .iter()
            .map(|_| Err(ServiceError::NotFound))
            .collect());
    };
    let txn = locks::begin_for_organisation(db, organisation.id).await?;
    let loaded = load(&txn, organisation.id, ballots).await?;
    let member_ids: BTreeSet<Uuid> = loaded.members.values().map(|m| m.id).collect();
    let stored = stored(&txn, &loaded.rounds, &member_ids).await?;
    let mut writes = Writes::default();
    let results = decide(&loaded, stored, ballots, &mut writes)?;
    store(&txn, organisation.id, writes).await?;
    txn.commit().await?;
    Ok(results)
}

/// Reads what the ballots need: a few statements, whatever the batch's size.
async fn load(
    txn: &DatabaseTransaction,
    organisation_id: Uuid,
    ballots: &[&Request],
) -> ServiceResult<Loaded> {
    let accounts: BTreeSet<Uuid> = ballots.iter().map(|b| b.account).collect();
    let round_ids: BTreeSet<Uuid> = ballots.iter().map(|b| b.round).collect();
    let members: HashMap<Uuid, membership::Model> = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::AccountId.is_in(accounts))
        .all(txn)
        .await?
        .into_iter()
        .map(|m| (m.account_id, m))
        .collect();
    let mut rounds = HashMap::new();
    for found in round::Entity::find()
        .filter(round::Column::Id.is_in(round_ids))
        .filter(round::Column::OrganisationId.eq(organisation_id))
        .all(txn)
        .await?
    {
        // A round whose stored method cannot be read refuses its own ballots, not the batch.
        let method = rounds::method_of(&found).map_err(|e| e.to_string());
        let names = rounds::option_names(txn, found.id).await?;
        rounds.insert(
            found.id,
            LoadedRound {
                round: found,
                method,
                names,
            },
        );
    }
    let electorate = if rounds.is_empty() || members.is_empty() {
        HashSet::new()
    } else {
        round_electorate::Entity::find()
            .filter(round_electorate::Column::RoundId.is_in(rounds.keys().copied()))
            .filter(round_electorate::Column::MembershipId.is_in(members.values().map(|m| m.id)))
            .all(txn)
            .await?
            .into_iter()
            .map(|e| (e.round_id, e.membership_id))
            .collect()
    };
    Ok(Loaded {
        members,
        rounds,
        electorate,
    })
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

/// The open ballots' versions and the secret rounds' roll, for the batch's voters.
async fn stored(
    txn: &DatabaseTransaction,
    rounds: &HashMap<Uuid, LoadedRound>,
    members: &BTreeSet<Uuid>,
) -> ServiceResult<Stored> {
    let (secret, open): (Vec<&round::Model>, Vec<&round::Model>) =
        rounds.values().map(|r| &r.round).partition(|r| r.secret);
    let mut stored = Stored::default();
    if members.is_empty() {
        return Ok(stored);
    }
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

/// A ballot checked under the lock: its voter, round and marks.
struct Checked<'l> {
    member: Uuid,
    round: &'l round::Model,
    marks: tally::ballot::Marks,
}

/// Checks one ballot as things stand under the lock: the member's standing, the round
/// (of this organisation, open at the ballot's instant), the electorate fixed at opening,
/// and the marks against the method and options.
fn check<'l>(b: &Request, loaded: &'l Loaded) -> ServiceResult<Checked<'l>> {
    let membership = loaded.members.get(&b.account);
    let standing = membership.map(|m| Membership::new(m.role, m.state));
    organisations::require(&Actor::account(standing), Action::Vote)?;
    // `require` refused anyone without a membership already (not found).
    let member = membership
        .ok_or(ServiceError::Forbidden(Refusal::NotAMember))?
        .id;
    let LoadedRound {
        round,
        method,
        names,
    } = loaded.rounds.get(&b.round).ok_or(ServiceError::NotFound)?;
    open_at(round, b.now)?;
    if !loaded.electorate.contains(&(round.id, member)) {
        return Err(ServiceError::Forbidden(Refusal::NotInElectorate));
    }
    let method = method
        .as_ref()
        .map_err(|e| ServiceError::Internal(anyhow::anyhow!("{e}")))?;
    let marks = read_marks(method, names, &b.fields)?;
    Ok(Checked {
        member,
        round,
        marks,
    })
}

/// Checks each ballot in arrival order against what is stored and what the batch decided
/// before it, adding its writes; each ballot's result.
fn decide(
    loaded: &Loaded,
    mut stored: Stored,
    ballots: &[&Request],
    writes: &mut Writes,
) -> ServiceResult<Vec<ServiceResult<Cast>>> {
    let mut results = Vec::with_capacity(ballots.len());
    for b in ballots {
        let Checked {
            member,
            round,
            marks,
        } = match check(b, loaded) {
            Ok(checked) => checked,
            Err(refused) => {
                results.push(Err(refused));
                continue;
            }
        };
        let stored_marks = serde_json::to_string(&marks).map_err(anyhow::Error::from)?;
        if round.secret {
            if !stored.roll.insert((round.id, member)) {
                results.push(Err(ServiceError::Invalid(vec![already_cast()])));
                continue;
            }
            let receipt = receipt()?;
            // The roll and the ballot in one transaction; nothing links one to the other.
            writes.roll.push(voter_roll::ActiveModel {
                round_id: Set(round.id),
                membership_id: Set(member),
            });
            writes.secret.push(secret_ballot::ActiveModel {
                id: Set(Uuid::new_v4()),
                round_id: Set(round.id),
                receipt: Set(receipt.clone()),
                marks: Set(stored_marks),
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
                .get(&(round.id, member))
                .map_or(1, |v| v + 1);
            stored.versions.insert((round.id, member), version);
            writes.open.insert(
                (round.id, member),
                row::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    round_id: Set(round.id),
                    membership_id: Set(member),
                    marks: Set(stored_marks),
                    version: Set(version),
                    cast_at: Set(b.now),
                },
            );
            writes.audit.push(audit::NewEntry {
                actor: Some(b.account),
                event: if version == 1 {
                    Event::BallotCast
                } else {
                    Event::BallotChanged
                },
                data: json!({
                    "round": round.id.to_string(),
                    "member": member.to_string(),
                    "version": version,
                    "marks": &marks,
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

    fn ballot(round: &round::Model, member: &membership::Model, choice: &str) -> Request {
        Request {
            account: member.account_id,
            round: round.id,
            fields: BTreeMap::from([("choice".to_owned(), choice.to_owned())]),
            now: Utc::now(),
        }
    }

    /// What the batch would have read: `rounds` (yes/no majority) and `members`, every
    /// member in every round's electorate except those listed in `outside`.
    fn loaded(
        rounds: &[&round::Model],
        members: &[&membership::Model],
        outside: &[(&round::Model, &membership::Model)],
    ) -> Loaded {
        let method = Method::Majority {
            threshold: Default::default(),
        };
        let names: Arc<[String]> = ["yes", "no"].map(str::to_owned).into();
        let mut electorate = HashSet::new();
        for r in rounds {
            for m in members {
                if !outside.iter().any(|(o, n)| o.id == r.id && n.id == m.id) {
                    electorate.insert((r.id, m.id));
                }
            }
        }
        Loaded {
            members: members
                .iter()
                .map(|m| (m.account_id, (*m).clone()))
                .collect(),
            rounds: rounds
                .iter()
                .map(|r| {
                    let loaded = LoadedRound {
                        round: (*r).clone(),
                        method: Ok(method.clone()),
                        names: Arc::clone(&names),
                    };
                    (r.id, loaded)
                })
                .collect(),
            electorate,
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
        let loaded = loaded(&[&open, &secret], &[&ada], &[]);
        let mut stored = Stored::default();
        stored.versions.insert((open.id, ada.id), 2);
        let batch = [
            ballot(&open, &ada, "yes"),
            ballot(&open, &ada, "no"),
            ballot(&secret, &ada, "yes"),
            ballot(&secret, &ada, "no"),
        ];
        let refs: Vec<&Request> = batch.iter().collect();
        let mut writes = Writes::default();
        let results = decide(&loaded, stored, &refs, &mut writes).unwrap();
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
    fn each_ballot_is_checked_on_its_own_under_the_lock() {
        let org = Uuid::new_v4();
        let open = round(org, false);
        let mut closed = round(org, false);
        closed.state = RoundState::Closed;
        let ada = member(org, MembershipState::Active);
        let bea = member(org, MembershipState::Suspended);
        let cai = member(org, MembershipState::Active);
        let stranger = member(Uuid::new_v4(), MembershipState::Active);
        let loaded = loaded(&[&open, &closed], &[&ada, &bea, &cai], &[(&open, &cai)]);
        let mut late = ballot(&open, &ada, "yes");
        late.now = open.closes_at;
        let mut elsewhere = ballot(&open, &ada, "yes");
        elsewhere.round = Uuid::new_v4();
        let batch = [
            ballot(&open, &bea, "yes"),
            ballot(&closed, &ada, "yes"),
            late,
            ballot(&open, &cai, "yes"),
            ballot(&open, &stranger, "yes"),
            elsewhere,
            ballot(&open, &ada, "maybe"),
            ballot(&open, &ada, "yes"),
        ];
        let refs: Vec<&Request> = batch.iter().collect();
        let mut writes = Writes::default();
        let results = decide(&loaded, Stored::default(), &refs, &mut writes).unwrap();
        let found = codes(&results);
        assert_eq!(
            found,
            [
                "membership_not_active",
                "round_state",
                "round_state",
                "not_in_electorate",
                "NotFound",
                "NotFound",
                "ballot_nothing_chosen",
                "open v1",
            ]
        );
        assert_eq!(writes.audit.len(), 1);
        assert_eq!(writes.open.len(), 1);
    }
}
