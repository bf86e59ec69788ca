//! `quorate audit verify --org SLUG`: recomputes an organisation's audit chain from the
//! database and says whether it holds, or exactly where it breaks (decision-rules.md §8).

use anyhow::Context;
use app::{domain::text::escape_controls, entities::organisation, services::audit};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::process::ExitCode;

/// The organisation at web address `slug`, or a one-line error naming it (for commands).
pub async fn organisation_at(
    db: &sea_orm::DatabaseConnection,
    slug: &str,
) -> anyhow::Result<organisation::Model> {
    organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(db)
        .await?
        .with_context(|| {
            format!(
                "there is no organisation with the address {:?}",
                escape_controls(slug)
            )
        })
}

/// Verifies the chain and prints the verdict; exit status 1 when it breaks.
pub async fn verify(db: &sea_orm::DatabaseConnection, slug: &str) -> anyhow::Result<ExitCode> {
    let org = organisation_at(db, slug).await?;
    let entries = audit::entries(db, org.id)
        .await
        .map_err(anyhow::Error::new)?
        .len();
    match audit::verify(db, org.id)
        .await
        .map_err(anyhow::Error::new)?
    {
        Ok(head) => {
            // Names are printed with their control characters escaped: stored text must not
            // act on the terminal (older rows may predate the rule that refuses them).
            println!(
                "The audit chain of {} ({}) holds: {entries} entries, head {head}.",
                escape_controls(&org.name),
                escape_controls(slug)
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(broken) => {
            println!(
                "The audit chain of {} ({}) is BROKEN: {}",
                escape_controls(&org.name),
                escape_controls(slug),
                escape_controls(&broken.to_string())
            );
            Ok(ExitCode::FAILURE)
        }
    }
}
