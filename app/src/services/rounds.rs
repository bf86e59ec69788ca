//! Decision rounds (decision-rules.md §3, §5, §11): creating one with its whole
//! configuration, opening it (the electorate snapshot), extending, cancelling and closing it
//! early. Every write locks the organisation first, then loads, checks `domain::round`'s
//! rules, writes, and appends its audit event. Counting at close is `services::closing`'s.

use super::{Ctx, Problem, ServiceError, ServiceResult, audit, organisations::Seen, proposals};
use crate::{
    domain::{
        amendment::AmendmentState,
        audit::Event,
        digest::sha256_hex,
        policy::{Action, Refusal},
        proposal::ProposalState,
        proposal_policy::ProposalAction,
        roles::MembershipState,
        round::{self, RoundProblem, RoundState, RoundStep, Sentence, Voters},
        round_form::{self, OptionSource},
    },
    entities::{
        agenda_item, amendment, group_member, meeting, meeting_attendance, membership,
        organisation, proposal, round as row, round_electorate, round_option,
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use serde_json::json;
use std::{
    collections::{BTreeMap, HashMap},
    sync::{Arc, LazyLock, Mutex, PoisonError},
};
use tally::config::{Method, Quorum, TiePolicy};
use uuid::Uuid;

fn invalid(field: Option<&str>, problem: &RoundProblem) -> ServiceError {
    ServiceError::Invalid(vec![Problem::broken(field, problem)])
}

/// The field a configuration problem belongs to on the form.
fn field_of(method: &Method, problem: &RoundProblem) -> Option<&'static str> {
    match problem {
        RoundProblem::ClosesTooEarly => Some("closes_at"),
        RoundProblem::OptionCount { .. } | RoundProblem::DuplicateOption { .. } => Some("options"),
        RoundProblem::Winners { .. } | RoundProblem::Budget | RoundProblem::Fraction
            if !matches!(problem, RoundProblem::Fraction)
                || matches!(method, Method::Majority { .. }) =>
        {
            Some(round_form::parameter_field(method))
        }
        RoundProblem::Fraction => Some("quorum"),
        RoundProblem::QuorumBeyondElectorate { .. } => Some("quorum"),
        _ => None,
    }
}

/// The tie policy's stored code.
pub fn tie_code(policy: TiePolicy) -> &'static str {
    match policy {
        TiePolicy::PreviousRoundsThenOrder => "previous-rounds-then-order",
        TiePolicy::PreviousRoundsThenLot => "previous-rounds-then-lot",
        TiePolicy::Order => "order",
        TiePolicy::Lot => "lot",
    }
}

/// A stored tie-policy code read back.
pub fn tie_policy(code: &str) -> TiePolicy {
    match code {
        "previous-rounds-then-lot" => TiePolicy::PreviousRoundsThenLot,
        "order" => TiePolicy::Order,
        "lot" => TiePolicy::Lot,
        _ => TiePolicy::PreviousRoundsThenOrder,
    }
}

/// A stored round's method.
pub fn method_of(round: &row::Model) -> ServiceResult<Method> {
    serde_json::from_str(&round.method)
        .map_err(|e| ServiceError::Internal(anyhow::anyhow!("round {} method: {e}", round.id)))
}

/// A stored round's quorum.
pub fn quorum_of(round: &row::Model) -> ServiceResult<Quorum> {
    serde_json::from_str(&round.quorum)
        .map_err(|e| ServiceError::Internal(anyhow::anyhow!("round {} quorum: {e}", round.id)))
}

/// The members who may vote on `proposal` now: the active members of its scope (the
/// organisation, or its group) whose role votes (observers never), sorted by id.
pub async fn voters(
    db: &impl ConnectionTrait,
    proposal: &proposal::Model,
) -> ServiceResult<Vec<Uuid>> {
    let members = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(proposal.organisation_id))
        .filter(membership::Column::State.eq(MembershipState::Active))
        .all(db)
        .await?;
    let in_group: Option<Vec<Uuid>> = match proposal.group_id {
        None => None,
        Some(group) => Some(
            group_member::Entity::find()
                .filter(group_member::Column::GroupId.eq(group))
                .all(db)
                .await?
                .into_iter()
                .map(|g| g.membership_id)
                .collect(),
        ),
    };
    let mut ids: Vec<Uuid> = members
        .into_iter()
        .filter(|m| m.role.may_vote())
        .filter(|m| in_group.as_ref().is_none_or(|g| g.contains(&m.id)))
        .map(|m| m.id)
        .collect();
    ids.sort_unstable();
    Ok(ids)
}

/// The hash of an electorate: SHA-256 of its membership ids, sorted, one per line.
pub fn electorate_hash(ids: &[Uuid]) -> String {
    let lines: String = ids.iter().map(|id| format!("{id}\n")).collect();
    sha256_hex(&[lines.as_bytes()])
}

/// Whether a round on `proposal` is scheduled or open (its text and amendments are then
/// frozen: the round decides them).
pub async fn active_on(db: &impl ConnectionTrait, proposal: Uuid) -> ServiceResult<bool> {
    Ok(row::Entity::find()
        .filter(row::Column::ProposalId.eq(proposal))
        .filter(row::Column::State.is_in([RoundState::Scheduled, RoundState::Open]))
        .count(db)
        .await?
        > 0)
}

/// The organisation's time zone (UTC if its name is unknown).
pub fn zone_of(seen: &Seen) -> chrono_tz::Tz {
    seen.organisation
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::UTC)
}

/// An instant as the round form's time fields take it, in the zone named `zone` (UTC when
/// the name is unknown): `2026-12-04T18:00`.
pub fn form_time(zone: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    let zone: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::UTC);
    at.with_timezone(&zone).format("%Y-%m-%dT%H:%M").to_string()
}

/// Creates a round on proposal `number` (in discussion; facilitators) from the form's
/// fields (times in the organisation's zone), opening it at once when its opening instant
/// is now or past.
pub async fn create(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    fields: &BTreeMap<String, String>,
) -> ServiceResult<row::Model> {
    let (txn, seen) = super::organisations::authorised_locked(ctx, slug, Action::OpenRound).await?;
    let loaded = proposals::load(&txn, &seen, number).await?;
    loaded.require(ProposalAction::Read)?;
    let current = loaded.proposal;
    let Checked {
        form: new,
        options,
        names,
        opens_at,
        agenda_item,
        ..
    } = checked(&txn, ctx, &seen, &current, fields).await?;
    let new = &new;
    let last = row::Entity::find()
        .filter(row::Column::ProposalId.eq(current.id))
        .order_by_desc(row::Column::Number)
        .one(&txn)
        .await?
        .map_or(0, |r| r.number);
    let method = serde_json::to_string(&new.method).map_err(anyhow::Error::from)?;
    let quorum = serde_json::to_string(&new.quorum).map_err(anyhow::Error::from)?;
    let created = row::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(seen.organisation.id),
        proposal_id: Set(current.id),
        number: Set(last + 1),
        revision: Set(current.revision),
        state: Set(RoundState::Scheduled),
        method: Set(method),
        quorum: Set(quorum),
        tie_policy: Set(tie_code(new.tie_policy).to_owned()),
        secret: Set(new.secret),
        running_results: Set(new.running_results),
        reminder_hours: Set(i32::try_from(new.reminder_hours).unwrap_or(i32::MAX)),
        on_amendments: Set(new.options == OptionSource::Amendments),
        opens_at: Set(opens_at),
        closes_at: Set(new.closes_at),
        created_by: Set(proposals::member_id(&seen)?),
        created_at: Set(ctx.now),
        opened_at: Set(None),
        electorate_size: Set(None),
        electorate_hash: Set(None),
        closed_at: Set(None),
        closed_by: Set(None),
        close_reason: Set(None),
        cancelled_at: Set(None),
        cancelled_by: Set(None),
        cancel_reason: Set(None),
        report: Set(None),
        report_text: Set(None),
        digest: Set(None),
        seed: Set(None),
        outcome: Set(None),
        statement: Set(None),
        agenda_item_id: Set(agenda_item),
        quorum_base: Set(None),
    }
    .insert(&txn)
    .await?;
    for (position, (name, amendment)) in options.iter().enumerate() {
        round_option::ActiveModel {
            id: Set(Uuid::new_v4()),
            round_id: Set(created.id),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            name: Set(name.clone()),
            amendment: Set(*amendment),
        }
        .insert(&txn)
        .await?;
    }
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::RoundCreated,
        json!({
            "round": created.id.to_string(),
            "proposal": current.id.to_string(),
            "number": current.number,
            "round_number": created.number,
            "revision": created.revision,
            "method": new.method,
            "quorum": new.quorum,
            "tie_policy": created.tie_policy,
            "secret": created.secret,
            "running_results": created.running_results,
            "reminder_hours": created.reminder_hours,
            "options": names,
            "opens_at": created.opens_at.to_rfc3339(),
            "closes_at": created.closes_at.to_rfc3339(),
        }),
        ctx.now,
    )
    .await?;
    let created = if created.opens_at <= ctx.now {
        open_in(&txn, ctx, created, &current).await?
    } else {
        created
    };
    txn.commit().await?;
    Ok(created)
}

/// A round's form, read and checked against the proposal and its scope.
struct Checked {
    form: round_form::RoundForm,
    options: Vec<(String, Option<i32>)>,
    names: Vec<String>,
    opens_at: chrono::DateTime<chrono::Utc>,
    voters: Voters,
    agenda_item: Option<Uuid>,
}

/// Reads the form in the organisation's zone and checks it against the method's rules, the
/// proposal's state and its scope's electorate; every problem on its field.
async fn checked(
    db: &impl ConnectionTrait,
    ctx: &Ctx,
    seen: &Seen,
    current: &proposal::Model,
    fields: &BTreeMap<String, String>,
) -> ServiceResult<Checked> {
    if current.state != ProposalState::Discussion {
        return Err(ServiceError::Forbidden(Refusal::ProposalState {
            state: current.state,
        }));
    }
    if active_on(db, current.id).await? {
        return Err(ServiceError::invalid(
            None,
            "round_already_active",
            "A round on this proposal is already scheduled or open.",
        ));
    }
    let form = round_form::read(fields, &zone_of(seen)).map_err(|problems| {
        ServiceError::Invalid(
            problems
                .iter()
                .map(|(field, p)| Problem::broken(Some(field), p))
                .collect(),
        )
    })?;
    let options = option_list(db, current, &form.options).await?;
    let names: Vec<String> = options.iter().map(|(name, _)| name.clone()).collect();
    let opens_at = form.opens_at.unwrap_or(ctx.now).max(ctx.now);
    let meeting = from_agenda(db, seen, current, fields).await?;
    let electorate = match &meeting {
        Some(m) if seen.organisation.quorum_from_attendance => m.present,
        _ => u64::try_from(voters(db, current).await?.len()).unwrap_or(0),
    };
    let problems = round::check_config(
        &form.method,
        &names,
        &form.quorum,
        opens_at,
        form.closes_at,
        ctx.now,
        Some(electorate),
    );
    if !problems.is_empty() {
        return Err(ServiceError::Invalid(
            problems
                .iter()
                .map(|p| Problem::broken(field_of(&form.method, p), p))
                .collect(),
        ));
    }
    let scope = match current.group_id {
        Some(group) => proposals::group_name(db, group)
            .await?
            .map_or_else(|| seen.organisation.name.clone(), |g| g.name),
        None => seen.organisation.name.clone(),
    };
    Ok(Checked {
        form,
        options,
        names,
        opens_at,
        voters: Voters {
            count: electorate,
            scope,
            present_at: meeting
                .as_ref()
                .filter(|_| seen.organisation.quorum_from_attendance)
                .map(|m| m.title.clone()),
        },
        agenda_item: meeting.map(|m| m.item),
    })
}

/// The meeting agenda item a round is opened from.
struct FromAgenda {
    item: Uuid,
    title: String,
    present: u64,
}

/// The agenda item named by the form's `agenda_item` (none when empty): an item of one of
/// this organisation's meetings, about this proposal; anything else is refused.
async fn from_agenda(
    db: &impl ConnectionTrait,
    seen: &Seen,
    current: &proposal::Model,
    fields: &BTreeMap<String, String>,
) -> ServiceResult<Option<FromAgenda>> {
    let typed = fields.get("agenda_item").map_or("", |v| v.trim());
    if typed.is_empty() {
        return Ok(None);
    }
    let refused = || {
        ServiceError::invalid(
            Some("agenda_item"),
            "round_agenda_item_unknown",
            "A round can be opened only from an agenda item about this proposal.",
        )
    };
    let item = match typed.parse::<Uuid>() {
        Ok(id) => agenda_item::Entity::find_by_id(id).one(db).await?,
        Err(_) => None,
    }
    .filter(|i| i.proposal_id == Some(current.id))
    .ok_or_else(refused)?;
    let found = meeting::Entity::find_by_id(item.meeting_id)
        .one(db)
        .await?
        .filter(|m| m.organisation_id == seen.organisation.id)
        .ok_or_else(refused)?;
    Ok(Some(FromAgenda {
        item: item.id,
        title: found.title,
        present: present_at(db, item.meeting_id).await?,
    }))
}

/// How many members are recorded as present at a meeting.
pub async fn present_at(db: &impl ConnectionTrait, meeting: Uuid) -> ServiceResult<u64> {
    Ok(meeting_attendance::Entity::find()
        .filter(meeting_attendance::Column::MeetingId.eq(meeting))
        .filter(meeting_attendance::Column::Status.eq(crate::domain::meeting::Attendance::Present))
        .count(db)
        .await?)
}

/// The meeting whose attendance is `round`'s quorum reference, and how many were present:
/// as taken when it opened, or, while it is scheduled, as the attendance stands now.
pub async fn quorum_meeting(
    db: &impl ConnectionTrait,
    seen: &Seen,
    round: &row::Model,
) -> ServiceResult<Option<(String, u64)>> {
    let Some(item) = round.agenda_item_id else {
        return Ok(None);
    };
    let present = match round.quorum_base {
        Some(base) => Some(u64::try_from(base).unwrap_or(0)),
        None if round.state == RoundState::Scheduled
            && seen.organisation.quorum_from_attendance =>
        {
            None
        }
        None => return Ok(None),
    };
    let Some(item) = agenda_item::Entity::find_by_id(item).one(db).await? else {
        return Ok(None);
    };
    let Some(found) = meeting::Entity::find_by_id(item.meeting_id).one(db).await? else {
        return Ok(None);
    };
    let present = match present {
        Some(n) => n,
        None => present_at(db, found.id).await?,
    };
    Ok(Some((found.title, present)))
}

/// What a round's quorum is counted against: the members present at the meeting it was
/// opened from, where that is its reference, or else its electorate (once open).
pub fn quorum_reference(round: &row::Model) -> Option<u64> {
    round
        .quorum_base
        .or(round.electorate_size)
        .and_then(|n| u64::try_from(n).ok())
}

/// The rule a round configured by `fields` would have, in plain sentences, without creating
/// it (what the facilitator confirms); refused as creating it would be.
pub async fn preview(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    fields: &BTreeMap<String, String>,
) -> ServiceResult<Vec<Sentence>> {
    let seen = super::organisations::authorised(ctx, slug, Action::OpenRound).await?;
    let loaded = proposals::load(&ctx.db, &seen, number).await?;
    loaded.require(ProposalAction::Read)?;
    let current = loaded.proposal;
    let checked = checked(&ctx.db, ctx, &seen, &current, fields).await?;
    let zone = zone_of(&seen);
    let mut sentences = round::statement(
        &checked.form.method,
        &checked.form.quorum,
        &checked.voters,
        checked.form.closes_at.with_timezone(&zone).naive_local(),
        &seen.organisation.time_zone,
    );
    sentences.push(round::reminder_sentence(checked.form.reminder_hours));
    Ok(sentences)
}

/// The options' names and amendment numbers, in ballot order.
async fn option_list(
    db: &impl ConnectionTrait,
    current: &proposal::Model,
    from: &OptionSource,
) -> ServiceResult<Vec<(String, Option<i32>)>> {
    Ok(match from {
        OptionSource::Proposal => vec![(current.title.clone(), None)],
        OptionSource::Listed(names) => names.iter().map(|n| (n.trim().to_owned(), None)).collect(),
        OptionSource::Amendments => {
            let open = amendment::Entity::find()
                .filter(amendment::Column::ProposalId.eq(current.id))
                .filter(amendment::Column::State.eq(AmendmentState::Open))
                .order_by_asc(amendment::Column::Number)
                .all(db)
                .await?;
            let mut options = vec![(format!("As it is (revision {})", current.revision), None)];
            options.extend(open.into_iter().map(|a| {
                (
                    format!("Amendment {}: {}", a.number, a.title),
                    Some(a.number),
                )
            }));
            options
        }
    })
}

/// The members present at the meeting a round was opened from, when the organisation makes
/// them the quorum's reference; taken when the round opens, like the electorate.
async fn quorum_base_at_opening(
    db: &impl ConnectionTrait,
    round: &row::Model,
) -> ServiceResult<Option<i32>> {
    let Some(item) = round.agenda_item_id else {
        return Ok(None);
    };
    let from_attendance = organisation::Entity::find_by_id(round.organisation_id)
        .one(db)
        .await?
        .is_some_and(|o| o.quorum_from_attendance);
    let Some(item) = agenda_item::Entity::find_by_id(item).one(db).await? else {
        return Ok(None);
    };
    if !from_attendance {
        return Ok(None);
    }
    let present = present_at(db, item.meeting_id).await?;
    Ok(Some(i32::try_from(present).unwrap_or(i32::MAX)))
}

/// Opens `round` inside `txn`: takes the electorate snapshot, records its size and hash,
/// and appends `round.opened`.
async fn open_in(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    round: row::Model,
    proposal: &proposal::Model,
) -> ServiceResult<row::Model> {
    round::check_open(round.state, round.opens_at, ctx.now).map_err(|p| invalid(None, &p))?;
    let electorate = voters(txn, proposal).await?;
    for member in &electorate {
        round_electorate::ActiveModel {
            round_id: Set(round.id),
            membership_id: Set(*member),
        }
        .insert(txn)
        .await?;
    }
    let hash = electorate_hash(&electorate);
    let size = i32::try_from(electorate.len()).unwrap_or(i32::MAX);
    let base = quorum_base_at_opening(txn, &round).await?;
    let mut opened: row::ActiveModel = round.clone().into();
    opened.quorum_base = Set(base);
    opened.state = Set(RoundState::Open);
    opened.opened_at = Set(Some(ctx.now));
    opened.revision = Set(proposal.revision);
    opened.electorate_size = Set(Some(size));
    opened.electorate_hash = Set(Some(hash.clone()));
    let opened = opened.update(txn).await?;
    audit::append(
        txn,
        round.organisation_id,
        None,
        Event::RoundOpened,
        json!({
            "round": round.id.to_string(),
            "revision": proposal.revision,
            "electorate_size": size,
            "electorate_hash": hash,
            "quorum_base": base,
        }),
        ctx.now,
    )
    .await?;
    Ok(opened)
}

/// Opens every scheduled round whose opening instant has come; returns how many opened. Each
/// locks its organisation and reads the round again, so a round opens once however many
/// processes run this.
pub async fn open_due(ctx: &Ctx) -> ServiceResult<usize> {
    let due = row::Entity::find()
        .filter(row::Column::State.eq(RoundState::Scheduled))
        .filter(row::Column::OpensAt.lte(ctx.now))
        .all(&ctx.db)
        .await?;
    let mut opened = 0;
    for candidate in due {
        let txn = super::locks::begin_for_organisation(&ctx.db, candidate.organisation_id).await?;
        let Some(round) = row::Entity::find_by_id(candidate.id).one(&txn).await? else {
            continue;
        };
        if round.state != RoundState::Scheduled {
            continue;
        }
        let Some(proposal) = proposal::Entity::find_by_id(round.proposal_id)
            .one(&txn)
            .await?
        else {
            continue;
        };
        open_in(&txn, ctx, round, &proposal).await?;
        txn.commit().await?;
        opened += 1;
    }
    Ok(opened)
}

/// Round `id` of the organisation `seen`.
pub async fn one(db: &impl ConnectionTrait, seen: &Seen, id: Uuid) -> ServiceResult<row::Model> {
    row::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|r| r.organisation_id == seen.organisation.id)
        .ok_or(ServiceError::NotFound)
}

/// Locks the organisation and loads round `id` for a facilitator's `action`.
async fn locked(
    ctx: &Ctx,
    slug: &str,
    id: Uuid,
    action: Action,
) -> ServiceResult<(DatabaseTransaction, Seen, row::Model)> {
    let (txn, seen) = super::organisations::authorised_locked(ctx, slug, action).await?;
    let round = one(&txn, &seen, id).await?;
    Ok((txn, seen, round))
}

/// Moves an open round's closing instant later (typed in the organisation's zone), with a
/// reason (facilitators).
pub async fn extend(
    ctx: &Ctx,
    slug: &str,
    id: Uuid,
    closes_at: &str,
    reason: &str,
) -> ServiceResult<row::Model> {
    let (txn, seen, round) = locked(ctx, slug, id, Action::CloseRound).await?;
    let closes_at = round_form::parse_local(closes_at, &zone_of(&seen))
        .map_err(|p| ServiceError::Invalid(vec![Problem::broken(Some("closes_at"), &p)]))?;
    round::check_extend(round.state, round.closes_at, closes_at)
        .map_err(|p| invalid(Some("closes_at"), &p))?;
    let before = round.closes_at;
    let mut extended: row::ActiveModel = round.into();
    extended.closes_at = Set(closes_at);
    let extended = extended.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::RoundExtended,
        json!({
            "round": id.to_string(),
            "from": before.to_rfc3339(),
            "to": closes_at.to_rfc3339(),
            "reason": reason,
        }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(extended)
}

/// Cancels a scheduled or open round, with a reason (facilitators). Its ballots are kept and
/// never counted.
pub async fn cancel(ctx: &Ctx, slug: &str, id: Uuid, reason: &str) -> ServiceResult<()> {
    let (txn, seen, round) = locked(ctx, slug, id, Action::CloseRound).await?;
    round::check_step(round.state, RoundStep::Cancel).map_err(|p| invalid(None, &p))?;
    let mut cancelled: row::ActiveModel = round.into();
    cancelled.state = Set(RoundState::Cancelled);
    cancelled.cancelled_at = Set(Some(ctx.now));
    cancelled.cancelled_by = Set(seen.membership.as_ref().map(|m| m.id));
    cancelled.cancel_reason = Set(Some(reason.to_owned()));
    cancelled.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::RoundCancelled,
        json!({ "round": id.to_string(), "reason": reason }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Closes an open round before its time (facilitators): without a reason only when every
/// member of its electorate has voted. Counts it at once.
pub async fn close_early(
    ctx: &Ctx,
    slug: &str,
    id: Uuid,
    reason: Option<&str>,
) -> ServiceResult<()> {
    let (txn, seen, round) = locked(ctx, slug, id, Action::CloseRound).await?;
    let voted = super::ballots::voted_count(&txn, &round).await?;
    let everyone = round
        .electorate_size
        .is_some_and(|size| u64::try_from(size).unwrap_or(0) <= voted);
    round::check_close_early(round.state, everyone, reason)
        .map_err(|p| invalid(Some("reason"), &p))?;
    let closer = seen.membership.as_ref().map(|m| m.id);
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    super::closing::close_in(&txn, ctx, round, closer, reason).await?;
    txn.commit().await?;
    Ok(())
}

/// Writes the outcome statement of a closed round (facilitators), replacing any earlier one.
pub async fn write_statement(
    ctx: &Ctx,
    slug: &str,
    id: Uuid,
    statement: &str,
) -> ServiceResult<()> {
    let (txn, seen, round) = locked(ctx, slug, id, Action::WriteOutcome).await?;
    if round.state != RoundState::Closed {
        return Err(invalid(None, &RoundProblem::State { state: round.state }));
    }
    let mut written: row::ActiveModel = round.into();
    written.statement = Set(Some(statement.to_owned()));
    written.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::RoundOutcomeWritten,
        json!({ "round": id.to_string(), "digest": sha256_hex(&[statement.as_bytes()]) }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The names of a round's options, in ballot order. A round's options never change once it
/// is created, so this process keeps them once read (for up to 1,024 rounds, then it starts
/// over): a ballot needs them to be checked, and 200 voters need not read them 200 times.
pub async fn option_names(db: &impl ConnectionTrait, round: Uuid) -> ServiceResult<Arc<[String]>> {
    type Kept = HashMap<Uuid, Arc<[String]>>;
    static KEPT: LazyLock<Mutex<Kept>> = LazyLock::new(Mutex::default);
    let kept = || KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    let found = kept().get(&round).cloned();
    if let Some(names) = found {
        return Ok(names);
    }
    let names: Arc<[String]> = options(db, round)
        .await?
        .into_iter()
        .map(|o| o.name)
        .collect();
    if !names.is_empty() {
        let mut map = kept();
        if map.len() >= 1_024 {
            map.clear();
        }
        map.insert(round, Arc::clone(&names));
    }
    Ok(names)
}

/// A round's options, in ballot order.
pub async fn options(
    db: &impl ConnectionTrait,
    round: Uuid,
) -> ServiceResult<Vec<round_option::Model>> {
    Ok(round_option::Entity::find()
        .filter(round_option::Column::RoundId.eq(round))
        .order_by_asc(round_option::Column::Position)
        .all(db)
        .await?)
}

/// The rounds of a proposal, newest first.
pub async fn of_proposal(
    db: &impl ConnectionTrait,
    proposal: Uuid,
) -> ServiceResult<Vec<row::Model>> {
    Ok(row::Entity::find()
        .filter(row::Column::ProposalId.eq(proposal))
        .order_by_desc(row::Column::Number)
        .all(db)
        .await?)
}

/// The open rounds of an organisation, closing soonest first.
pub async fn open_in_organisation(
    db: &impl ConnectionTrait,
    organisation: Uuid,
) -> ServiceResult<Vec<row::Model>> {
    Ok(row::Entity::find()
        .filter(row::Column::OrganisationId.eq(organisation))
        .filter(row::Column::State.eq(RoundState::Open))
        .order_by_asc(row::Column::ClosesAt)
        .all(db)
        .await?)
}

/// Whether membership `member` is in round `round`'s electorate.
pub async fn in_electorate(
    db: &impl ConnectionTrait,
    round: Uuid,
    member: Uuid,
) -> ServiceResult<bool> {
    Ok(round_electorate::Entity::find_by_id((round, member))
        .one(db)
        .await?
        .is_some())
}

/// The electorate of a round (membership ids).
pub async fn electorate(db: &impl ConnectionTrait, round: Uuid) -> ServiceResult<Vec<Uuid>> {
    Ok(round_electorate::Entity::find()
        .filter(round_electorate::Column::RoundId.eq(round))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.membership_id)
        .collect())
}

/// A round's figures as they change while it is open (the round page's live participation).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Live {
    /// Its state.
    pub state: RoundState,
    /// Ballots cast.
    pub voted: u64,
    /// The electorate's size (once open).
    pub electorate: Option<u64>,
    /// Ballots the quorum needs.
    pub needed: u64,
    /// Days, hours and minutes until it closes, while open.
    pub left: Option<(i64, i64, i64)>,
}

/// Round `id`'s live figures, for someone who may view its organisation: never how anyone
/// voted, whatever the round shows.
pub async fn live(ctx: &Ctx, slug: &str, id: Uuid) -> ServiceResult<Live> {
    let seen = super::organisations::authorised(ctx, slug, Action::ViewOrganisation).await?;
    let round = one(&ctx.db, &seen, id).await?;
    let electorate = quorum_reference(&round);
    let quorum = quorum_of(&round)?;
    let minutes = (round.closes_at - ctx.now).num_minutes().max(0);
    Ok(Live {
        state: round.state,
        voted: super::ballots::voted_count(&ctx.db, &round).await?,
        electorate,
        needed: electorate.map_or(0, |e| round::ballots_needed(&quorum, e)),
        left: (round.state == RoundState::Open).then_some((
            minutes / (24 * 60),
            (minutes / 60) % 24,
            minutes % 60,
        )),
    })
}
