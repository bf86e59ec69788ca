//! This instance's identity: a UUID written once, at the first start, into
//! `instance_settings`. Exports and federation will name the instance by it.

use anyhow::Context;
use sea_orm::{ActiveValue::Set, EntityTrait};

/// The `instance_settings` table.
pub mod entity {
    use sea_orm::entity::prelude::*;

    /// One setting of the instance.
    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "instance_settings")]
    pub struct Model {
        /// The setting's name.
        #[sea_orm(primary_key, auto_increment = false)]
        pub key: String,
        /// Its value.
        pub value: String,
        /// When it was last written.
        pub updated_at: ChronoDateTimeUtc,
    }

    /// No relations.
    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

/// The key of the instance's identity.
pub const INSTANCE_ID: &str = "instance_id";

/// Writes the instance id if there is none yet (safe when several processes start at once),
/// and returns the one stored.
pub async fn ensure_identity(db: &sea_orm::DatabaseConnection) -> anyhow::Result<String> {
    let row = entity::ActiveModel {
        key: Set(INSTANCE_ID.to_owned()),
        value: Set(uuid::Uuid::new_v4().to_string()),
        updated_at: Set(chrono::Utc::now()),
    };
    entity::Entity::insert(row)
        .on_conflict_do_nothing()
        .exec(db)
        .await
        .context("cannot record the instance identity")?;
    let stored = entity::Entity::find_by_id(INSTANCE_ID)
        .one(db)
        .await
        .context("cannot read the instance identity")?
        .context("the instance identity is missing after it was written")?;
    Ok(stored.value)
}
