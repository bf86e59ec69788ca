//! The `meeting_attendance` table: who attended a meeting and who sent apologies.

use crate::domain::meeting::Attendance;
use sea_orm::entity::prelude::*;

/// One member's attendance.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting_attendance")]
pub struct Model {
    /// The meeting.
    #[sea_orm(primary_key, auto_increment = false)]
    pub meeting_id: Uuid,
    /// The member.
    #[sea_orm(primary_key, auto_increment = false)]
    pub membership_id: Uuid,
    /// Present or apologies.
    pub status: Attendance,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
