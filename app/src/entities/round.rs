//! The `rounds` table: a decision round's whole configuration, its lifecycle instants and,
//! once closed, the stored report (decision-rules.md §3).

use crate::domain::round::RoundState;
use sea_orm::entity::prelude::*;

/// One decision round.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rounds")]
pub struct Model {
    /// Primary key.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    /// The organisation (for listing and locking).
    pub organisation_id: Uuid,
    /// The proposal it decides.
    pub proposal_id: Uuid,
    /// 1, 2, … within the proposal.
    pub number: i32,
    /// The proposal's revision it decides.
    pub revision: i32,
    /// Scheduled, open, closed or cancelled.
    pub state: RoundState,
    /// `tally::config::Method` as JSON.
    #[sea_orm(column_type = "Text")]
    pub method: String,
    /// `tally::config::Quorum` as JSON.
    #[sea_orm(column_type = "Text")]
    pub quorum: String,
    /// The tie policy's code (`previous-rounds-then-order`, …).
    pub tie_policy: String,
    /// Secret ballot.
    pub secret: bool,
    /// Running results shown while open.
    pub running_results: bool,
    /// The options are the proposal and its amendments (the winner becomes a revision).
    pub on_amendments: bool,
    /// When it opens.
    pub opens_at: ChronoDateTimeUtc,
    /// When it closes.
    pub closes_at: ChronoDateTimeUtc,
    /// The facilitator who created it.
    pub created_by: Uuid,
    /// When.
    pub created_at: ChronoDateTimeUtc,
    /// When it opened.
    pub opened_at: Option<ChronoDateTimeUtc>,
    /// The electorate's size, from the snapshot at opening.
    pub electorate_size: Option<i32>,
    /// SHA-256 of the electorate's membership ids, sorted, one per line.
    pub electorate_hash: Option<String>,
    /// When it closed.
    pub closed_at: Option<ChronoDateTimeUtc>,
    /// The facilitator who closed it early (none: on time, or everyone voted).
    pub closed_by: Option<Uuid>,
    /// Why it closed early.
    #[sea_orm(column_type = "Text", nullable)]
    pub close_reason: Option<String>,
    /// When it was cancelled.
    pub cancelled_at: Option<ChronoDateTimeUtc>,
    /// Who cancelled it.
    pub cancelled_by: Option<Uuid>,
    /// Why.
    #[sea_orm(column_type = "Text", nullable)]
    pub cancel_reason: Option<String>,
    /// The tally report as JSON.
    #[sea_orm(column_type = "Text", nullable)]
    pub report: Option<String>,
    /// The tally report as text.
    #[sea_orm(column_type = "Text", nullable)]
    pub report_text: Option<String>,
    /// SHA-256 of the report JSON.
    pub digest: Option<String>,
    /// The lot seed: SHA-256 of the audit head at close (hex).
    pub seed: Option<String>,
    /// `no-quorum`, `adopted`, `not-adopted` or `elected`.
    pub outcome: Option<String>,
    /// The facilitator's outcome statement (Markdown).
    #[sea_orm(column_type = "Text", nullable)]
    pub statement: Option<String>,
    /// Hours before closing that members who have not voted are reminded (0: never).
    pub reminder_hours: i32,
    /// The meeting agenda item the round was opened from.
    pub agenda_item_id: Option<Uuid>,
    /// Members present at that meeting when the round opened, when they are the quorum's
    /// reference (the organisation says so); none: the electorate is.
    pub quorum_base: Option<i32>,
}

/// Relations are followed in services with explicit queries.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
