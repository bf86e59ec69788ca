//! The round scheduler: every process runs one. Each tick opens the scheduled rounds whose
//! opening instant has come and closes the open rounds whose closing instant has come, also
//! when nobody is looking (decision-rules.md §3). Several processes on one database may tick
//! at once: each round is claimed under its organisation's lock (`services::closing`), so it
//! opens and closes exactly once.

use app::services::{Ctx, closing, rounds};
use sea_orm::DatabaseConnection;
use std::time::Duration;

/// How often the scheduler looks for due rounds.
pub const TICK: Duration = Duration::from_secs(1);

/// One pass: opens and closes what is due now. Returns how many rounds it opened and closed.
pub async fn tick(db: &DatabaseConnection) -> (usize, usize) {
    let ctx = Ctx {
        db: db.clone(),
        account: None,
        now: chrono::Utc::now(),
        mail: false,
        batches: Default::default(),
    };
    let opened = rounds::open_due(&ctx).await.unwrap_or_else(|error| {
        tracing::error!(error = format!("{error:#}"), "opening due rounds failed");
        0
    });
    let closed = closing::close_due(&ctx).await.unwrap_or_else(|error| {
        tracing::error!(error = format!("{error:#}"), "closing due rounds failed");
        0
    });
    if opened + closed > 0 {
        tracing::info!(opened, closed, "rounds due");
    }
    (opened, closed)
}

/// Runs [`tick`] every [`TICK`] until the task is dropped.
pub fn spawn(db: DatabaseConnection) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(TICK);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            interval.tick().await;
            tick(&db).await;
        }
    })
}
