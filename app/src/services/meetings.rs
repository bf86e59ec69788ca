//! Meetings (decision-rules.md §9): facilitators create a meeting, record who attended and
//! who sent apologies, build its agenda (an item may be about one of the organisation's
//! proposals, whose decisions the minutes then carry from the record), mark it held and
//! approve its minutes, which are then read-only. Every write locks the organisation first;
//! creating, holding and approving are in the audit chain, the approval with the SHA-256 of
//! the record approved.

use super::{Ctx, ServiceError, ServiceResult, audit, organisations, proposals};
use crate::{
    domain::{
        audit::Event,
        canonical_json::canonical_json,
        digest::sha256_hex,
        meeting::{
            AgendaItemText, Attendance, MeetingEvent, MeetingProblem, MeetingState, parse_details,
            parse_guests, transition,
        },
        policy::Action,
        roles::MembershipState,
    },
    dto::Problem,
    entities::{agenda_item, meeting as row, meeting_attendance, membership, proposal},
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

/// The SHA-256 of what a meeting's minutes record: details, people, agenda and notes (what
/// an approval vouches for; a later correction would change it).
fn record_digest(
    meeting: &row::Model,
    attendance: &[meeting_attendance::Model],
    items: &[agenda_item::Model],
) -> String {
    let value = json!({
        "title": meeting.title,
        "starts_at": meeting.starts_at.to_rfc3339(),
        "place": meeting.place,
        "link": meeting.link,
        "facilitator": meeting.facilitator_id.map(|id| id.to_string()),
        "minute_taker": meeting.minute_taker_id.map(|id| id.to_string()),
        "guests": meeting.guests,
        "attendance": attendance.iter().map(|a| json!([a.membership_id.to_string(), a.status])).collect::<Vec<_>>(),
        "items": items.iter().map(|i| json!({
            "position": i.position,
            "title": i.title,
            "proposal": i.proposal_id.map(|id| id.to_string()),
            "notes": i.notes,
        })).collect::<Vec<_>>(),
    });
    sha256_hex(&[canonical_json(&value).as_bytes()])
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

/// Approves the minutes: they become read-only, version 1, and the chain records the
/// SHA-256 of what they hold.
pub async fn approve(ctx: &Ctx, slug: &str, number: i32) -> ServiceResult<String> {
    let (txn, seen) = organisations::authorised_locked(ctx, slug, Action::RunMeeting).await?;
    let meeting = one(&txn, &seen, number).await?;
    let next = transition(meeting.state, MeetingEvent::Approve)
        .map_err(|p| ServiceError::Invalid(vec![Problem::broken(None, &p)]))?;
    let (attendance, items) = contents(&txn, &meeting).await?;
    let digest = record_digest(&meeting, &attendance, &items);
    let id = meeting.id;
    let mut changed: row::ActiveModel = meeting.into();
    changed.state = Set(next);
    changed.version = Set(1);
    changed.approved_at = Set(Some(ctx.now));
    changed.approved_by = Set(Some(proposals::member_id(&seen)?));
    changed.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::MeetingMinutesApproved,
        json!({ "meeting": id.to_string(), "number": number, "version": 1, "digest": digest }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(digest)
}
