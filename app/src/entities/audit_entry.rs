//! The `audit_entries` table.

use sea_orm::entity::prelude::*;

/// One row of `audit_entries`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_entries")]
pub struct Model {
    /// The organisation whose chain this entry belongs to.
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisation_id: Uuid,
    /// Position in the chain, from 1.
    #[sea_orm(primary_key, auto_increment = false)]
    pub seq: i64,
    /// When (RFC 3339, UTC), exactly as hashed.
    pub at: String,
    /// Who acted (account id), if anyone.
    pub actor: Option<String>,
    /// What happened, e.g. `member.role_changed`.
    pub kind: String,
    /// Canonical JSON of the details, exactly as hashed.
    #[sea_orm(column_type = "Text")]
    pub data: String,
    /// This entry's hash (hex).
    pub hash: String,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
