//! Calendar feeds (spec §11, issue #13 item 3): each account may have one secret address,
//! `/calendar/<token>.ics`, that calendar apps poll. It lists the closing times of the rounds
//! the account's memberships can vote in (open rounds whose electorate holds them; scheduled
//! ones in whose scope they vote now), with each organisation's name, and the meetings of
//! every organisation the account is active in (from a month back; shown as two hours long,
//! with their place). Only the token's hash is stored; a new address replaces the old one,
//! and turning the feed off deletes it. One meeting is also a file of its own,
//! `/o/{slug}/meetings/{number}/meeting.ics`.

use super::{Ctx, ServiceResult, locks, rounds, tokens};
use crate::{
    domain::{
        ical::{self, Event},
        roles::MembershipState,
        round::RoundState,
    },
    entities::{account, calendar_feed, meeting, membership, organisation, proposal, round},
    i18n::Language,
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

/// Makes a new feed address for the signed-in account (the old one stops working); returns
/// its token, which is shown once.
pub async fn replace(ctx: &Ctx) -> ServiceResult<String> {
    let account = ctx.signed_in()?.id;
    let txn = locks::begin_for_account(&ctx.db, account).await?;
    calendar_feed::Entity::delete_by_id(account)
        .exec(&txn)
        .await?;
    let token = tokens::random_token()?;
    calendar_feed::ActiveModel {
        account_id: Set(account),
        token_hash: Set(tokens::token_hash(&token)),
        created_at: Set(ctx.now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(token)
}

/// Turns the signed-in account's feed off.
pub async fn turn_off(ctx: &Ctx) -> ServiceResult<()> {
    let account = ctx.signed_in()?.id;
    let txn = locks::begin_for_account(&ctx.db, account).await?;
    calendar_feed::Entity::delete_by_id(account)
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// When the signed-in account's feed address was made, if it has one.
pub async fn made_at(
    db: &impl ConnectionTrait,
    account: Uuid,
) -> ServiceResult<Option<DateTime<Utc>>> {
    Ok(calendar_feed::Entity::find_by_id(account)
        .one(db)
        .await?
        .map(|f| f.created_at))
}

/// The feed behind `token` as iCalendar text; `None` for an address that is not (or no
/// longer) a feed. `base` is the instance's public URL, for links.
pub async fn feed(
    db: &impl ConnectionTrait,
    token: &str,
    base: &str,
    now: DateTime<Utc>,
) -> ServiceResult<Option<String>> {
    let Some(found) = calendar_feed::Entity::find()
        .filter(calendar_feed::Column::TokenHash.eq(tokens::token_hash(token)))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let language = account::Entity::find_by_id(found.account_id)
        .one(db)
        .await?
        .and_then(|a| a.language)
        .and_then(|code| Language::from_code(&code))
        .unwrap_or_default();
    let memberships = membership::Entity::find()
        .filter(membership::Column::AccountId.eq(found.account_id))
        .filter(membership::Column::State.eq(MembershipState::Active))
        .all(db)
        .await?;
    let mut events = Vec::new();
    // Every organisation's meetings from a month ago on, for anyone active in it.
    for member in &memberships {
        let Some(org) = organisation::Entity::find_by_id(member.organisation_id)
            .one(db)
            .await?
        else {
            continue;
        };
        for m in meeting::Entity::find()
            .filter(meeting::Column::OrganisationId.eq(org.id))
            .filter(meeting::Column::StartsAt.gte(now - chrono::Duration::days(30)))
            .order_by_asc(meeting::Column::StartsAt)
            .all(db)
            .await?
        {
            events.push(meeting_event(&org, &m, language, base));
        }
    }
    for member in memberships.iter().filter(|m| m.role.may_vote()) {
        let Some(org) = organisation::Entity::find_by_id(member.organisation_id)
            .one(db)
            .await?
        else {
            continue;
        };
        let due = round::Entity::find()
            .filter(round::Column::OrganisationId.eq(org.id))
            .filter(round::Column::State.is_in([RoundState::Open, RoundState::Scheduled]))
            .order_by_asc(round::Column::ClosesAt)
            .all(db)
            .await?;
        for r in due {
            let Some(p) = proposal::Entity::find_by_id(r.proposal_id).one(db).await? else {
                continue;
            };
            let may_vote = if r.state == RoundState::Open {
                rounds::in_electorate(db, r.id, member.id).await?
            } else {
                rounds::voters(db, &p).await?.contains(&member.id)
            };
            if may_vote {
                let args = [
                    ("org".to_owned(), org.name.clone()),
                    ("title".to_owned(), p.title.clone()),
                    ("number".to_owned(), p.number.to_string()),
                    ("round".to_owned(), r.number.to_string()),
                ];
                events.push(Event {
                    uid: format!("round-{}@quorate", r.id),
                    at: r.closes_at,
                    ends: None,
                    location: String::new(),
                    summary: language.tr_args("calendar-summary", &args),
                    description: language.tr_args("calendar-description", &args),
                    url: format!("{base}/o/{}/rounds/{}", org.slug, r.id),
                });
            }
        }
    }
    Ok(Some(ical::calendar("Quorate", &events, now)))
}

/// How long a meeting is shown as lasting (a meeting has a start, not an end).
pub const MEETING_HOURS: i64 = 2;

/// A meeting as a calendar event.
fn meeting_event(
    org: &organisation::Model,
    m: &meeting::Model,
    language: Language,
    base: &str,
) -> Event {
    let args = [
        ("org".to_owned(), org.name.clone()),
        ("title".to_owned(), m.title.clone()),
    ];
    let mut description = language.tr_args("calendar-meeting-description", &args);
    if !m.link.is_empty() {
        description.push_str(&format!("\n{}", m.link));
    }
    Event {
        uid: format!("meeting-{}@quorate", m.id),
        at: m.starts_at,
        ends: Some(m.starts_at + chrono::Duration::hours(MEETING_HOURS)),
        location: m.place.clone(),
        summary: language.tr_args("calendar-meeting-summary", &args),
        description,
        url: format!("{base}/o/{}/meetings/{}", org.slug, m.number),
    }
}

/// One meeting as an iCalendar file (`meeting.ics`), for anyone who may view the
/// organisation, in the organisation's language.
pub async fn meeting_ics(ctx: &Ctx, slug: &str, number: i32, base: &str) -> ServiceResult<String> {
    let seen = super::organisations::authorised(
        ctx,
        slug,
        crate::domain::policy::Action::ViewOrganisation,
    )
    .await?;
    let m = super::meetings::one(&ctx.db, &seen, number).await?;
    let language = Language::from_code(&seen.organisation.default_language).unwrap_or_default();
    let event = meeting_event(&seen.organisation, &m, language, base);
    Ok(ical::calendar(&seen.organisation.name, &[event], ctx.now))
}
