//! The demo co-op's proposals (part of `quorate demo`): one in every state a proposal can
//! reach without a decision round (draft, in discussion with several revisions, withdrawn),
//! written through the same services as the pages.

use anyhow::Context;
use app::{
    domain::proposal::ProposalText,
    entities::account,
    services::{
        Ctx, ServiceError,
        proposals::{self, NewProposal, ProposalEdit},
    },
};
use chrono::{DateTime, Duration, Utc};

/// Writes the demo proposals; `people` are the demo accounts, `at` when each step happens.
pub async fn write(
    db: &sea_orm::DatabaseConnection,
    slug: &str,
    people: &[account::Model],
    mut at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let ctx = |local: &str, at: DateTime<Utc>| -> anyhow::Result<Ctx> {
        let account = people
            .iter()
            .find(|a| a.email.starts_with(&format!("{local}@")))
            .with_context(|| format!("the demo account {local}"))?;
        Ok(Ctx {
            db: db.clone(),
            account: Some(account.clone()),
            now: at,
            mail: false,
        })
    };
    let member = |local: &str| -> anyhow::Result<uuid::Uuid> {
        let account = people
            .iter()
            .find(|a| a.email.starts_with(&format!("{local}@")))
            .with_context(|| format!("the demo account {local}"))?;
        Ok(account.id)
    };
    let mut tick = || {
        at += Duration::seconds(1);
        at
    };

    // 1. In discussion, three revisions by two authors.
    let solar = draft(
        &ctx("eli", tick())?,
        slug,
        None,
        "Solar panels on the south roof",
        "Install 24 panels on the south roof, paid from the repairs reserve.",
        SOLAR_1,
    )
    .await?;
    let fay = membership(db, slug, member("fay")?).await?;
    proposals::add_co_author(&ctx("eli", tick())?, slug, solar, fay)
        .await
        .map_err(super::demo::explain)?;
    proposals::publish(&ctx("eli", tick())?, slug, solar)
        .await
        .map_err(super::demo::explain)?;
    revise(
        &ctx("eli", tick())?,
        slug,
        solar,
        SOLAR_2,
        "Quotes from two installers",
    )
    .await?;
    revise(
        &ctx("fay", tick())?,
        slug,
        solar,
        SOLAR_3,
        "Battery storage left for later",
    )
    .await?;

    // 2. A group's proposal in discussion.
    let flat = draft(
        &ctx("cleo", tick())?,
        slug,
        Some("housing"),
        "Allocate flat 12 by waiting-list order",
        "Offer flat 12 to the first household on the waiting list that fits it.",
        "Flat 12 (two bedrooms) is free from 1 February.\n\nWe offer it to the first household on the waiting list whose size fits a two-bedroom flat, as our allocation policy says.",
    )
    .await?;
    proposals::publish(&ctx("cleo", tick())?, slug, flat)
        .await
        .map_err(super::demo::explain)?;

    // 3. Withdrawn, with its reason.
    let paint = draft(
        &ctx("gus", tick())?,
        slug,
        None,
        "Paint the stairwells yellow",
        "",
        "The stairwells are grey and dark. Yellow would make them brighter.",
    )
    .await?;
    proposals::publish(&ctx("gus", tick())?, slug, paint)
        .await
        .map_err(super::demo::explain)?;
    proposals::withdraw(
        &ctx("gus", tick())?,
        slug,
        paint,
        "The repairs plan repaints the stairwells next spring anyway; I will bring the colour there.",
    )
    .await
    .map_err(super::demo::explain)?;

    // 4. A draft with a co-author, visible to the two of them only.
    let rent = draft(
        &ctx("hana", tick())?,
        slug,
        None,
        "Rent review 2027",
        "Raise rents by 2.5 % from April 2027.",
        "Costs rose 3.1 % this year. We propose 2.5 % and to cover the rest from the surplus.",
    )
    .await?;
    let ivo = membership(db, slug, member("ivo")?).await?;
    proposals::add_co_author(&ctx("hana", tick())?, slug, rent, ivo)
        .await
        .map_err(super::demo::explain)?;
    Ok(())
}

async fn draft(
    ctx: &Ctx,
    slug: &str,
    group: Option<&str>,
    title: &str,
    summary: &str,
    body: &str,
) -> anyhow::Result<i32> {
    let text = ProposalText::parse(title, summary, body)
        .map_err(ServiceError::Invalid)
        .map_err(super::demo::explain)?;
    let new = NewProposal {
        text,
        group: group.map(str::to_owned),
        due_on: None,
    };
    let created = proposals::create(ctx, slug, &new)
        .await
        .map_err(super::demo::explain)?;
    Ok(created.number)
}

async fn revise(ctx: &Ctx, slug: &str, number: i32, body: &str, note: &str) -> anyhow::Result<()> {
    let seen = app::services::organisations::find(ctx, slug)
        .await
        .map_err(super::demo::explain)?;
    let loaded = proposals::load(&ctx.db, &seen, number)
        .await
        .map_err(super::demo::explain)?;
    let current = loaded.proposal;
    let text = ProposalText::parse(&current.title, &current.summary, body)
        .map_err(ServiceError::Invalid)
        .map_err(super::demo::explain)?;
    let edit = ProposalEdit {
        text,
        due_on: current.due_on,
        note: note.to_owned(),
        started_from: current.version,
    };
    proposals::edit(ctx, slug, number, &edit)
        .await
        .map_err(super::demo::explain)?;
    Ok(())
}

async fn membership(
    db: &sea_orm::DatabaseConnection,
    slug: &str,
    account: uuid::Uuid,
) -> anyhow::Result<uuid::Uuid> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let org = app::entities::organisation::Entity::find()
        .filter(app::entities::organisation::Column::Slug.eq(slug))
        .one(db)
        .await?
        .context("the demo organisation")?;
    let membership = app::services::organisations::membership_of(db, org.id, account)
        .await
        .map_err(super::demo::explain)?
        .context("a demo membership")?;
    Ok(membership.id)
}

const SOLAR_1: &str = "## What\n\nInstall solar panels on the south roof of blocks A and B.\n\n## Why\n\n- Lower electricity bills for the shared areas.\n- Less carbon.\n\n## Cost\n\nAbout £30,000, from the repairs reserve.";
const SOLAR_2: &str = "## What\n\nInstall 24 solar panels on the south roof of blocks A and B.\n\n## Why\n\n- Lower electricity bills for the shared areas (about £2,400 a year).\n- Less carbon.\n\n## Cost\n\n| Installer | Quote |\n|---|---|\n| SunCo | £28,400 |\n| Riverside Renewables | £31,900 |\n\nFrom the repairs reserve.";
const SOLAR_3: &str = "## What\n\nInstall 24 solar panels on the south roof of blocks A and B. Battery storage is left for a later proposal.\n\n## Why\n\n- Lower electricity bills for the shared areas (about £2,400 a year).\n- Less carbon.\n\n## Cost\n\n| Installer | Quote |\n|---|---|\n| SunCo | £28,400 |\n| Riverside Renewables | £31,900 |\n\nFrom the repairs reserve, which keeps £40,000 after this.";
