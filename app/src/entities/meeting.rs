//! The `meetings` table: a meeting's details and the state of its minutes.

use crate::domain::meeting::MeetingState;
use sea_orm::entity::prelude::*;

/// One meeting.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    /// Its id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The organisation.
    pub organisation_id: Uuid,
    /// 1, 2, … within the organisation.
    pub number: i32,
    /// Its title.
    pub title: String,
    /// When it starts.
    pub starts_at: ChronoDateTimeUtc,
    /// Where (may be empty).
    pub place: String,
    /// A link to join (may be empty).
    pub link: String,
    /// The facilitator (membership), once chosen.
    pub facilitator_id: Option<Uuid>,
    /// The minute-taker (membership), once chosen.
    pub minute_taker_id: Option<Uuid>,
    /// Guests by name, one per line.
    pub guests: String,
    /// The state of the minutes.
    pub state: MeetingState,
    /// The minutes' version (corrections add one).
    pub version: i32,
    /// Who created it (membership).
    pub created_by: Uuid,
    /// When.
    pub created_at: ChronoDateTimeUtc,
    /// When it was marked as held.
    pub held_at: Option<ChronoDateTimeUtc>,
    /// When its minutes were approved.
    pub approved_at: Option<ChronoDateTimeUtc>,
    /// Who approved them (membership).
    pub approved_by: Option<Uuid>,
    /// Why approved minutes were reopened for a correction, until approved again.
    #[sea_orm(column_type = "Text", nullable)]
    pub correction_reason: Option<String>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
