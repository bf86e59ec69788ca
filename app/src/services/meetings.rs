//! Meetings (decision-rules.md §9): facilitators create a meeting, record who attended and
//! who sent apologies, build its agenda (an item may be about one of the organisation's
//! proposals, whose decisions the minutes then carry from the record), mark it held and
//! approve its minutes, which are then read-only (a correction reopens them with a reason and
//! is approved as the next version; every approved version is kept). Agenda items carry
//! action points, which their owner or a facilitator marks done even after approval. Every
//! write locks the organisation first; creating, holding, approving and reopening are in the
//! audit chain, each approval with the SHA-256 of the record approved.

use super::{Ctx, ServiceError, ServiceResult, audit, organisations, proposals};
use crate::{
    domain::{
        audit::Event,
        document::Paper,
        meeting::{
            ActionPointText, ActionSnapshot, AgendaItemText, Attendance, ItemSnapshot,
            MeetingEvent, MeetingProblem, MeetingSnapshot, MeetingState, parse_details,
            parse_guests, parse_reason, transition,
        },
        policy::Action,
        roles::MembershipState,
        round::RoundState,
    },
    dto::Problem,
    entities::{
        action_point, agenda_item, meeting as row, meeting_attendance, meeting_version, membership,
        organisation, proposal, round,
    },
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use serde_json::json;
use std::collections::BTreeMap;
use uuid::Uuid;

/// The organisation's meetings, latest first.
pub async fn list(
    db: &impl ConnectionTrait,
    seen: &organisations::Seen,
) -> ServiceResult<Vec<row::Model>> {
    seen.require(Action::ViewOrganisation)?;
    Ok(row::Entity::find()
        .filter(row::Column::OrganisationId.eq(seen.organisation.id))
        .order_by_desc(row::Column::StartsAt)
        .order_by_desc(row::Column::Number)
        .all(db)
        .await?)
}

/// Meeting `number` of the organisation `seen`.
pub async fn one(
    db: &impl ConnectionTrait,
    seen: &organisations::Seen,
    number: i32,
) -> ServiceResult<row::Model> {
    seen.require(Action::ViewOrganisation)?;
    row::Entity::find()
        .filter(row::Column::OrganisationId.eq(seen.organisation.id))
        .filter(row::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)
}

/// A meeting's attendance and agenda.
pub async fn contents(
    db: &impl ConnectionTrait,
    meeting: &row::Model,
) -> ServiceResult<(Vec<meeting_attendance::Model>, Vec<agenda_item::Model>)> {
    let attendance = meeting_attendance::Entity::find()
        .filter(meeting_attendance::Column::MeetingId.eq(meeting.id))
        .order_by_asc(meeting_attendance::Column::MembershipId)
        .all(db)
        .await?;
    let items = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting.id))
        .order_by_asc(agenda_item::Column::Position)
        .all(db)
        .await?;
    Ok((attendance, items))
}

fn state_refused(state: MeetingState) -> ServiceError {
    ServiceError::Invalid(vec![Problem::broken(
        None,
        &MeetingProblem::State { state },
    )])
}

fn editable(meeting: &row::Model) -> ServiceResult<()> {
    if meeting.state.editable() {
        Ok(())
    } else {
        Err(state_refused(meeting.state))
    }
}

/// Whether `id` is an active member of the organisation.
async fn active_member(
    db: &impl ConnectionTrait,
    organisation: Uuid,
    id: Uuid,
) -> ServiceResult<bool> {
    Ok(membership::Entity::find_by_id(id)
        .one(db)
        .await?
        .is_some_and(|m| m.organisation_id == organisation && m.state == MembershipState::Active))
}

/// A form's field, trimmed.
fn field<'a>(fields: &'a BTreeMap<String, String>, name: &str) -> &'a str {
    fields.get(name).map_or("", |v| v.trim())
}

/// Creates a meeting from its form (title, `starts_at` in the organisation's zone, place,
/// link, facilitator and minute-taker by membership id, guests one per line); returns its
/// number.
pub async fn create(
    ctx: &Ctx,
    slug: &str,
    fields: &BTreeMap<String, String>,
) -> ServiceResult<i32> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::RunMeeting).await?;
    let org = seen.organisation.id;
    let zone = super::rounds::zone_of(&seen);
    let mut problems = Vec::new();
    let details = parse_details(
        field(fields, "title"),
        field(fields, "starts_at"),
        field(fields, "place"),
        field(fields, "link"),
        &zone,
    )
    .map_err(|p| problems.extend(p))
    .ok();
    let guests = parse_guests(fields.get("guests").map_or("", String::as_str))
        .map_err(|p| problems.extend(p))
        .unwrap_or_default();
    let mut roles = [None, None];
    for (slot, name) in roles.iter_mut().zip(["facilitator", "minute_taker"]) {
        let typed = field(fields, name);
        if typed.is_empty() {
            continue;
        }
        match typed.parse::<Uuid>() {
            Ok(id) if active_member(&txn, org, id).await? => *slot = Some(id),
            _ => problems.push(Problem::new(
                Some(name),
                "meeting_person_unknown",
                "Choose one of the organisation's active members.",
            )),
        }
    }
    let Some(details) = details.filter(|_| problems.is_empty()) else {
        return Err(ServiceError::Invalid(problems));
    };
    let [facilitator, minute_taker] = roles;
    let number = row::Entity::find()
        .filter(row::Column::OrganisationId.eq(org))
        .order_by_desc(row::Column::Number)
        .one(&txn)
        .await?
        .map_or(1, |m| m.number + 1);
    let created = row::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(org),
        number: Set(number),
        title: Set(details.title.clone()),
        starts_at: Set(details.starts_at),
        place: Set(details.place.clone()),
        link: Set(details.link.clone()),
        facilitator_id: Set(facilitator),
        minute_taker_id: Set(minute_taker),
        guests: Set(guests.join("\n")),
        state: Set(MeetingState::Draft),
        version: Set(0),
        created_by: Set(proposals::member_id(&seen)?),
        created_at: Set(ctx.now),
        held_at: Set(None),
        approved_at: Set(None),
        approved_by: Set(None),
        correction_reason: Set(None),
    }
    .insert(&txn)
    .await?;
    audit::append(
        &txn,
        org,
        ctx.account.as_ref().map(|a| a.id),
        Event::MeetingCreated,
        json!({
            "meeting": created.id.to_string(),
            "number": number,
            "title": created.title,
            "starts_at": created.starts_at.to_rfc3339(),
        }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(number)
}

/// Records who attended and who sent apologies (members not named were absent), and the
/// guests.
pub async fn set_attendance(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    marks: &BTreeMap<Uuid, Attendance>,
    guests: &[String],
) -> ServiceResult<()> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::RunMeeting).await?;
    let meeting = one(&txn, &seen, number).await?;
    editable(&meeting)?;
    meeting_attendance::Entity::delete_many()
        .filter(meeting_attendance::Column::MeetingId.eq(meeting.id))
        .exec(&txn)
        .await?;
    for (member, status) in marks {
        // Someone else's member id (or a made-up one) is not this organisation's: skipped.
        let belongs = membership::Entity::find_by_id(*member)
            .one(&txn)
            .await?
            .is_some_and(|m| m.organisation_id == seen.organisation.id);
        if belongs {
            meeting_attendance::ActiveModel {
                meeting_id: Set(meeting.id),
                membership_id: Set(*member),
                status: Set(*status),
            }
            .insert(&txn)
            .await?;
        }
    }
    let mut changed: row::ActiveModel = meeting.into();
    changed.guests = Set(guests.join("\n"));
    changed.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// The organisation's proposal `number`, or the refusal naming it.
async fn proposal_here(
    db: &impl ConnectionTrait,
    organisation: Uuid,
    number: i32,
) -> ServiceResult<Uuid> {
    proposal::Entity::find()
        .filter(proposal::Column::OrganisationId.eq(organisation))
        .filter(proposal::Column::Number.eq(number))
        .one(db)
        .await?
        .map(|p| p.id)
        .ok_or_else(|| {
            ServiceError::Invalid(vec![
                Problem::new(
                    Some("proposal"),
                    "meeting_proposal_unknown",
                    format!("This organisation has no proposal {number}."),
                )
                .arg("number", number),
            ])
        })
}

/// Adds an item at the end of the agenda.
pub async fn add_item(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    text: &AgendaItemText,
) -> ServiceResult<Uuid> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::RunMeeting).await?;
    let meeting = one(&txn, &seen, number).await?;
    editable(&meeting)?;
    let proposal_id = match text.proposal {
        Some(n) => Some(proposal_here(&txn, seen.organisation.id, n).await?),
        None => None,
    };
    let position = agenda_item::Entity::find()
        .filter(agenda_item::Column::MeetingId.eq(meeting.id))
        .order_by_desc(agenda_item::Column::Position)
        .one(&txn)
        .await?
        .map_or(1, |i| i.position + 1);
    let id = Uuid::new_v4();
    agenda_item::ActiveModel {
        id: Set(id),
        meeting_id: Set(meeting.id),
        position: Set(position),
        title: Set(text.title.clone()),
        proposal_id: Set(proposal_id),
        notes: Set(text.notes.clone()),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Changes an item's title, proposal and notes.
pub async fn edit_item(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    item: Uuid,
    text: &AgendaItemText,
) -> ServiceResult<()> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::RunMeeting).await?;
    let meeting = one(&txn, &seen, number).await?;
    editable(&meeting)?;
    let found = agenda_item::Entity::find_by_id(item)
        .one(&txn)
        .await?
        .filter(|i| i.meeting_id == meeting.id)
        .ok_or(ServiceError::NotFound)?;
    let proposal_id = match text.proposal {
        Some(n) => Some(proposal_here(&txn, seen.organisation.id, n).await?),
        None => None,
    };
    let mut changed: agenda_item::ActiveModel = found.into();
    changed.title = Set(text.title.clone());
    changed.proposal_id = Set(proposal_id);
    changed.notes = Set(text.notes.clone());
    changed.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// What approved minutes vouch for, read inside the caller's transaction.
pub async fn snapshot(
    db: &impl ConnectionTrait,
    meeting: &row::Model,
) -> ServiceResult<MeetingSnapshot> {
    let (attendance, items) = contents(db, meeting).await?;
    let actions = actions_of(db, &items).await?;
    Ok(MeetingSnapshot {
        title: meeting.title.clone(),
        starts_at: meeting.starts_at.to_rfc3339(),
        place: meeting.place.clone(),
        link: meeting.link.clone(),
        facilitator: meeting.facilitator_id,
        minute_taker: meeting.minute_taker_id,
        guests: meeting.guests.lines().map(str::to_owned).collect(),
        attendance: attendance
            .iter()
            .map(|a| (a.membership_id, a.status))
            .collect(),
        items: items
            .iter()
            .map(|i| ItemSnapshot {
                id: i.id,
                position: i.position,
                title: i.title.clone(),
                proposal: i.proposal_id,
                notes: i.notes.clone(),
                actions: actions
                    .iter()
                    .filter(|a| a.agenda_item_id == i.id)
                    .map(|a| ActionSnapshot {
                        id: a.id,
                        text: a.text.clone(),
                        owner: a.owner_id,
                        due: a.due,
                    })
                    .collect(),
            })
            .collect(),
    })
}

/// The action points of `items`, each item's in order.
pub async fn actions_of(
    db: &impl ConnectionTrait,
    items: &[agenda_item::Model],
) -> ServiceResult<Vec<action_point::Model>> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    Ok(action_point::Entity::find()
        .filter(action_point::Column::AgendaItemId.is_in(items.iter().map(|i| i.id)))
        .order_by_asc(action_point::Column::Position)
        .all(db)
        .await?)
}

/// The rounds an agenda item carries: those opened from it (in any state), and the closed
/// rounds of its proposal (closed by `until`, when given: an approved version's time), by
/// number.
pub async fn item_rounds(
    db: &impl ConnectionTrait,
    organisation: Uuid,
    item: Uuid,
    proposal: Option<Uuid>,
    until: Option<chrono::DateTime<chrono::Utc>>,
) -> ServiceResult<Vec<round::Model>> {
    let mut rounds = round::Entity::find()
        .filter(round::Column::AgendaItemId.eq(item))
        .filter(round::Column::OrganisationId.eq(organisation))
        .all(db)
        .await?;
    if let Some(p) = proposal {
        for r in round::Entity::find()
            .filter(round::Column::ProposalId.eq(p))
            .filter(round::Column::State.eq(RoundState::Closed))
            .all(db)
            .await?
        {
            let in_time = until.is_none_or(|until| r.closed_at.is_some_and(|c| c <= until));
            if in_time && !rounds.iter().any(|x| x.id == r.id) {
                rounds.push(r);
            }
        }
    }
    rounds.sort_by_key(|r| r.number);
    Ok(rounds)
}

/// Which of the action points `ids` are done now.
pub async fn done_actions(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> ServiceResult<std::collections::BTreeSet<Uuid>> {
    Ok(action_point::Entity::find()
        .filter(action_point::Column::Id.is_in(ids))
        .filter(action_point::Column::DoneAt.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect())
}

/// The approved versions of a meeting's minutes, first first.
pub async fn versions(
    db: &impl ConnectionTrait,
    meeting: &row::Model,
) -> ServiceResult<Vec<meeting_version::Model>> {
    Ok(meeting_version::Entity::find()
        .filter(meeting_version::Column::MeetingId.eq(meeting.id))
        .order_by_asc(meeting_version::Column::Version)
        .all(db)
        .await?)
}

/// Marks the meeting as held.
pub async fn hold(ctx: &Ctx, slug: &str, number: i32) -> ServiceResult<()> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::RunMeeting).await?;
    let meeting = one(&txn, &seen, number).await?;
    let next = transition(meeting.state, MeetingEvent::Hold)
        .map_err(|p| ServiceError::Invalid(vec![Problem::broken(None, &p)]))?;
    let id = meeting.id;
    let mut changed: row::ActiveModel = meeting.into();
    changed.state = Set(next);
    changed.held_at = Set(Some(ctx.now));
    changed.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::MeetingHeld,
        json!({ "meeting": id.to_string(), "number": number }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Approves the minutes: they become read-only as the next version (1, or one more after a
/// correction), kept as approved, and the chain records the SHA-256 of what they hold.
pub async fn approve(ctx: &Ctx, slug: &str, number: i32) -> ServiceResult<String> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::RunMeeting).await?;
    let meeting = one(&txn, &seen, number).await?;
    let next = transition(meeting.state, MeetingEvent::Approve)
        .map_err(|p| ServiceError::Invalid(vec![Problem::broken(None, &p)]))?;
    let snapshot = snapshot(&txn, &meeting).await?;
    let digest = snapshot.digest();
    let record = serde_json::to_string(&snapshot).map_err(anyhow::Error::from)?;
    let (id, version) = (meeting.id, meeting.version + 1);
    let reason = meeting.correction_reason.clone().unwrap_or_default();
    let approver = proposals::member_id(&seen)?;
    let mut changed: row::ActiveModel = meeting.into();
    changed.state = Set(next);
    changed.version = Set(version);
    changed.approved_at = Set(Some(ctx.now));
    changed.approved_by = Set(Some(approver));
    changed.correction_reason = Set(None);
    changed.update(&txn).await?;
    meeting_version::ActiveModel {
        meeting_id: Set(id),
        version: Set(version),
        approved_at: Set(ctx.now),
        approved_by: Set(approver),
        reason: Set(reason.clone()),
        digest: Set(digest.clone()),
        record: Set(record),
    }
    .insert(&txn)
    .await?;
    let mut data = json!({ "meeting": id.to_string(), "number": number, "version": version, "digest": digest });
    if !reason.is_empty() {
        data["reason"] = json!(reason);
    }
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::MeetingMinutesApproved,
        data,
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(digest)
}

/// Reopens approved minutes for a correction, with the reason: they can be edited again,
/// the approved versions stay as they were, and approving again makes the next version.
pub async fn reopen(ctx: &Ctx, slug: &str, number: i32, reason: &str) -> ServiceResult<()> {
    let reason = parse_reason(reason).map_err(ServiceError::Invalid)?;
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::RunMeeting).await?;
    let meeting = one(&txn, &seen, number).await?;
    let next = transition(meeting.state, MeetingEvent::Correct)
        .map_err(|p| ServiceError::Invalid(vec![Problem::broken(None, &p)]))?;
    let (id, version) = (meeting.id, meeting.version);
    let mut changed: row::ActiveModel = meeting.into();
    changed.state = Set(next);
    changed.correction_reason = Set(Some(reason.clone()));
    changed.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::MeetingReopened,
        json!({ "meeting": id.to_string(), "number": number, "version": version, "reason": reason }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The agenda item `item` of `meeting`, or not found.
async fn item_of(
    db: &impl ConnectionTrait,
    meeting: &row::Model,
    item: Uuid,
) -> ServiceResult<agenda_item::Model> {
    agenda_item::Entity::find_by_id(item)
        .one(db)
        .await?
        .filter(|i| i.meeting_id == meeting.id)
        .ok_or(ServiceError::NotFound)
}

/// Adds an action point at the end of an item's (while the minutes are not approved); the
/// owner, when named, is one of the organisation's active members.
pub async fn add_action(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    item: Uuid,
    text: &ActionPointText,
    owner: &str,
) -> ServiceResult<Uuid> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::RunMeeting).await?;
    let meeting = one(&txn, &seen, number).await?;
    editable(&meeting)?;
    let item = item_of(&txn, &meeting, item).await?;
    let owner = match owner.trim() {
        "" => None,
        typed => match typed.parse::<Uuid>() {
            Ok(id) if active_member(&txn, seen.organisation.id, id).await? => Some(id),
            _ => {
                return Err(ServiceError::Invalid(vec![Problem::new(
                    Some("owner"),
                    "meeting_person_unknown",
                    "Choose one of the organisation's active members.",
                )]));
            }
        },
    };
    let position = action_point::Entity::find()
        .filter(action_point::Column::AgendaItemId.eq(item.id))
        .order_by_desc(action_point::Column::Position)
        .one(&txn)
        .await?
        .map_or(1, |a| a.position + 1);
    let id = Uuid::new_v4();
    action_point::ActiveModel {
        id: Set(id),
        agenda_item_id: Set(item.id),
        position: Set(position),
        text: Set(text.text.clone()),
        owner_id: Set(owner),
        due: Set(text.due),
        done_at: Set(None),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Marks an action point done or not done: its owner or a facilitator may, at any time (an
/// action is followed up after the meeting, so approved minutes do not freeze it).
pub async fn mark_action(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    action: Uuid,
    done: bool,
) -> ServiceResult<()> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::ViewOrganisation).await?;
    let meeting = one(&txn, &seen, number).await?;
    let found = action_point::Entity::find_by_id(action)
        .one(&txn)
        .await?
        .ok_or(ServiceError::NotFound)?;
    item_of(&txn, &meeting, found.agenda_item_id).await?;
    let own = proposals::member_id(&seen)
        .ok()
        .is_some_and(|me| found.owner_id == Some(me));
    if !own {
        seen.require(Action::RunMeeting)?;
    }
    let mut changed: action_point::ActiveModel = found.into();
    changed.done_at = Set(done.then_some(ctx.now));
    changed.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Sets the organisation's meeting settings (admins): the paper minutes are printed on, and
/// whether rounds opened from a meeting count quorum against the members present.
pub async fn set_settings(
    ctx: &Ctx,
    slug: &str,
    paper: Paper,
    quorum_from_attendance: bool,
) -> ServiceResult<()> {
    let (txn, seen) =
        organisations::authorised_locked(ctx, slug, Action::EditOrganisationSettings).await?;
    let org = seen.organisation.clone();
    let before =
        json!({ "paper": org.paper, "quorum_from_attendance": org.quorum_from_attendance });
    let after = json!({ "paper": paper.code(), "quorum_from_attendance": quorum_from_attendance });
    let mut changed: organisation::ActiveModel = org.into();
    changed.paper = Set(paper.code().to_owned());
    changed.quorum_from_attendance = Set(quorum_from_attendance);
    changed.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::OrganisationSettingsChanged,
        json!({ "before": before, "after": after }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
