//! The demo co-op's proposals (part of `quorate demo`): one in every state a proposal can
//! reach without a decision round (draft, in discussion with several revisions, withdrawn),
//! an accepted and a declined amendment, and a discussion of about thirty comments, written
//! through the same services as the pages.

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
            batches: Default::default(),
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

    amend(slug, &ctx, solar, &mut tick).await?;
    discussion(slug, &ctx, solar, &mut tick).await?;

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

/// Two amendments to the solar proposal: one declined with a reason, one accepted (its
/// revision 4, credited to its amender).
async fn amend(
    slug: &str,
    ctx: &impl Fn(&str, DateTime<Utc>) -> anyhow::Result<Ctx>,
    number: i32,
    tick: &mut impl FnMut() -> DateTime<Utc>,
) -> anyhow::Result<()> {
    use app::services::amendments::{self, NewAmendment};
    let proposal = |body: &str| {
        ProposalText::parse(
            "Solar panels on the south roof",
            "Install 24 panels on the south roof, paid from the repairs reserve.",
            body,
        )
        .map_err(ServiceError::Invalid)
        .map_err(super::demo::explain)
    };
    let battery = NewAmendment {
        text: proposal(&SOLAR_3.replace(
            "Battery storage is left for a later proposal.",
            "Add a 10 kWh battery for the shared areas.",
        ))?,
        reason: "Without storage, most of what the panels make in the afternoon goes to the grid for little."
            .to_owned(),
        base: 3,
    };
    amendments::propose(&ctx("gus", tick())?, slug, number, &battery)
        .await
        .map_err(super::demo::explain)?;
    amendments::decline(
        &ctx("eli", tick())?,
        slug,
        number,
        1,
        "A battery adds about £7,000; we keep it for its own proposal once we know what the panels save.",
    )
    .await
    .map_err(super::demo::explain)?;
    let reserve = NewAmendment {
        text: proposal(&SOLAR_3.replace(
            "which keeps £40,000 after this.",
            "which keeps £40,000 after this; the installer is chosen by the lowest quote that includes ten years of maintenance.",
        ))?,
        reason: "Cheap installs cost more later: maintenance belongs in the comparison.".to_owned(),
        base: 3,
    };
    amendments::propose(&ctx("hana", tick())?, slug, number, &reserve)
        .await
        .map_err(super::demo::explain)?;
    amendments::accept(&ctx("fay", tick())?, slug, number, 2)
        .await
        .map_err(super::demo::explain)?;
    Ok(())
}

/// About thirty comments on the solar proposal: threads with replies, mentions, an edited
/// comment, a deleted one and one hidden by a facilitator.
async fn discussion(
    slug: &str,
    ctx: &impl Fn(&str, DateTime<Utc>) -> anyhow::Result<Ctx>,
    number: i32,
    tick: &mut impl FnMut() -> DateTime<Utc>,
) -> anyhow::Result<()> {
    use app::services::comments;
    let mut ids: Vec<uuid::Uuid> = Vec::new();
    for (who, parent, text) in THREAD {
        let parent = parent.and_then(|i| ids.get(i).copied());
        let posted = comments::post(&ctx(who, tick())?, slug, number, text, parent)
            .await
            .map_err(super::demo::explain)?;
        ids.push(posted.id);
    }
    let at = |i: usize| ids.get(i).copied().context("a demo comment");
    comments::edit(
        &ctx("gus", tick())?,
        slug,
        number,
        at(3)?,
        "Could we get a third quote? Two is thin for £30k. (Edited: I meant for the **installation**, not the panels.)",
    )
    .await
    .map_err(super::demo::explain)?;
    comments::delete(&ctx("ivo", tick())?, slug, number, at(9)?)
        .await
        .map_err(super::demo::explain)?;
    comments::hide(
        &ctx("cleo", tick())?,
        slug,
        number,
        at(14)?,
        "Personal remark about a neighbour; please keep to the proposal.",
    )
    .await
    .map_err(super::demo::explain)?;
    Ok(())
}

/// (author, index of the comment replied to, text).
const THREAD: [(&str, Option<usize>, &str); 30] = [
    (
        "ada",
        None,
        "Thanks @EliNovak and @FayDubois for putting this together. The quotes help a lot.",
    ),
    (
        "ben",
        None,
        "From the finance side: the repairs reserve can take this, but it leaves less for the lift.",
    ),
    (
        "eli",
        Some(1),
        "@BenLarsen how much do we need to keep for the lift?",
    ),
    (
        "gus",
        None,
        "Could we get a third quote? Two is thin for £30k.",
    ),
    (
        "fay",
        Some(3),
        "We asked three installers; the third never answered. We can try again.",
    ),
    (
        "ben",
        Some(2),
        "About £25,000 by 2028, so £40,000 left after the panels is enough.",
    ),
    (
        "hana",
        None,
        "Do the savings assume today's electricity prices?",
    ),
    (
        "eli",
        Some(6),
        "Yes, today's prices. If prices rise, we save more.",
    ),
    (
        "hana",
        Some(7),
        "And if they fall? I'd like both cases in the proposal.",
    ),
    (
        "ivo",
        None,
        "I wrote something here and thought better of it.",
    ),
    (
        "dev",
        None,
        "Facilitator note: we'll open a round next week if the discussion settles.",
    ),
    (
        "jo",
        None,
        "As an observer: the south roof gets shade from the big oak in winter.",
    ),
    (
        "eli",
        Some(11),
        "Good point @JoByrne. The installer's survey accounted for it (about 8 % less in winter).",
    ),
    (
        "cleo",
        None,
        "The housing circle supports this; tenants asked for lower service charges.",
    ),
    (
        "gus",
        None,
        "A remark about a neighbour that does not belong here.",
    ),
    (
        "ada",
        Some(13),
        "Great to hear. Could the circle say how much the service charge would drop?",
    ),
    (
        "cleo",
        Some(15),
        "Roughly £4 a month per home, if the savings go to service charges.",
    ),
    (
        "fay",
        None,
        "I've added the two quotes as a table in revision 2.",
    ),
    ("ben", Some(17), "Thanks, that's much clearer."),
    (
        "hana",
        Some(8),
        "@EliNovak could you add a line on what happens with falling prices?",
    ),
    ("eli", Some(19), "Will do in the next revision."),
    (
        "dev",
        Some(10),
        "No objections so far. Any concerns, please raise them here first.",
    ),
    (
        "gus",
        Some(4),
        "Then two quotes it is, if the third does not answer by Friday.",
    ),
    ("ivo", None, "Battery storage: is it worth it now?"),
    (
        "fay",
        Some(23),
        "Not yet: batteries would double the cost. We've left them for later (revision 3).",
    ),
    ("ivo", Some(24), "Makes sense."),
    ("jo", Some(12), "Thanks, that answers it."),
    (
        "ada",
        None,
        "Summary so far: support, a question on prices, and a check on the lift fund. 👍",
    ),
    ("ben", Some(27), "Agreed with the summary."),
    ("cleo", Some(27), "Same from the housing circle."),
];

pub(crate) async fn draft(
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
