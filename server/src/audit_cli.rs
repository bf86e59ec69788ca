//! `quorate audit verify --org SLUG`: recomputes an organisation's audit chain from the
//! database and says whether it holds, or exactly where it breaks (decision-rules.md §8).

use anyhow::Context;
use app::{entities::organisation, services::audit};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::process::ExitCode;

/// Verifies the chain and prints the verdict; exit status 1 when it breaks.
pub async fn verify(db: &sea_orm::DatabaseConnection, slug: &str) -> anyhow::Result<ExitCode> {
    let org = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(db)
        .await?
        .with_context(|| format!("there is no organisation with the address {slug:?}"))?;
    let entries = audit::entries(db, org.id)
        .await
        .map_err(anyhow::Error::new)?
        .len();
    match audit::verify(db, org.id)
        .await
        .map_err(anyhow::Error::new)?
    {
        Ok(head) => {
            println!(
                "The audit chain of {} ({slug}) holds: {entries} entries, head {head}.",
                org.name
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(broken) => {
            println!(
                "The audit chain of {} ({slug}) is BROKEN: {broken}",
                org.name
            );
            Ok(ExitCode::FAILURE)
        }
    }
}
