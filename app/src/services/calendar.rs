//! Calendar feeds (spec §11, issue #13 item 3): each account may have one secret address,
//! `/calendar/<token>.ics`, that calendar apps poll. It lists the closing times of the rounds
//! the account's memberships can vote in (open rounds whose electorate holds them; scheduled
//! ones in whose scope they vote now), with each organisation's name. Only the token's hash
//! is stored; a new address replaces the old one, and turning the feed off deletes it.

use super::{Ctx, ServiceResult, locks, rounds, tokens};
use crate::{
    domain::{
        ical::{self, Event},
        roles::MembershipState,
        round::RoundState,
    },
    entities::{account, calendar_feed, membership, organisation, proposal, round},
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
                    summary: language.tr_args("calendar-summary", &args),
                    description: language.tr_args("calendar-description", &args),
                    url: format!("{base}/o/{}/rounds/{}", org.slug, r.id),
                });
            }
        }
    }
    Ok(Some(ical::calendar("Quorate", &events, now)))
}
