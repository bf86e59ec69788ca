//! The audit chain (decision-rules.md §8): append-only, per organisation; each entry's hash
//! covers the previous hash and the entry's canonical JSON (`domain::audit`). Entries are
//! written inside the transaction of the change they record, so one never exists without
//! the other.

use super::{ServiceError, ServiceResult};
use crate::{
    domain::audit::{self as chain, AuditEntry, ChainBreak},
    entities::audit_entry,
};
use chrono::{DateTime, SecondsFormat, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter,
    QueryOrder, Statement,
};
use uuid::Uuid;

/// One entry to append: who did what, when.
#[derive(Debug, Clone)]
pub struct NewEntry {
    /// The account that acted (none for a secret ballot, or the system).
    pub actor: Option<Uuid>,
    /// What happened.
    pub event: crate::domain::audit::Event,
    /// The entry's data.
    pub data: serde_json::Value,
    /// When.
    pub at: DateTime<Utc>,
}

/// Appends an entry to the organisation's chain and returns its hash.
pub async fn append(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    actor: Option<Uuid>,
    event: crate::domain::audit::Event,
    data: serde_json::Value,
    now: DateTime<Utc>,
) -> ServiceResult<String> {
    let entry = NewEntry {
        actor,
        event,
        data,
        at: now,
    };
    let mut hashes = append_all(db, organisation_id, vec![entry]).await?;
    hashes
        .pop()
        .ok_or_else(|| ServiceError::Internal(anyhow::anyhow!("no audit entry was appended")))
}

/// Appends entries to the organisation's chain, in order, with one read of its head and one
/// insert (a batch of ballots); their hashes.
pub async fn append_all(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    entries: Vec<NewEntry>,
) -> ServiceResult<Vec<String>> {
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    if db.get_database_backend() == DbBackend::Postgres {
        // Writers to one organisation's chain queue here, so the next seq is never taken
        // twice (the (organisation, seq) key would refuse it anyway).
        db.execute_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock(hashtext($1))",
            [organisation_id.to_string().into()],
        ))
        .await?;
    }
    let last = audit_entry::Entity::find()
        .filter(audit_entry::Column::OrganisationId.eq(organisation_id))
        .order_by_desc(audit_entry::Column::Seq)
        .one(db)
        .await?;
    let (mut seq, mut previous) = match last {
        Some(entry) => (entry.seq, entry.hash),
        None => (0, chain::GENESIS_HASH.to_owned()),
    };
    let mut rows = Vec::with_capacity(entries.len());
    let mut hashes = Vec::with_capacity(entries.len());
    for new in entries {
        seq += 1;
        let entry = AuditEntry {
            seq: u64::try_from(seq).map_err(|e| anyhow::anyhow!("audit seq: {e}"))?,
            org_id: organisation_id.to_string(),
            at: new.at.to_rfc3339_opts(SecondsFormat::Micros, true),
            actor: new.actor.map(|a| a.to_string()),
            kind: new.event.kind().to_owned(),
            data: new.data,
        };
        let hash = chain::entry_hash(&previous, &entry)
            .map_err(|e| anyhow::anyhow!("the audit chain's last hash is malformed: {e}"))?;
        rows.push(audit_entry::ActiveModel {
            organisation_id: Set(organisation_id),
            seq: Set(seq),
            at: Set(entry.at),
            actor: Set(entry.actor),
            kind: Set(entry.kind),
            data: Set(crate::domain::canonical_json::canonical_json(&entry.data)),
            hash: Set(hash.clone()),
        });
        previous = hash.clone();
        hashes.push(hash);
    }
    audit_entry::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(hashes)
}

/// Every entry of an organisation's chain, in order, as stored.
pub async fn entries(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
) -> ServiceResult<Vec<audit_entry::Model>> {
    Ok(audit_entry::Entity::find()
        .filter(audit_entry::Column::OrganisationId.eq(organisation_id))
        .order_by_asc(audit_entry::Column::Seq)
        .all(db)
        .await?)
}

/// Recomputes the chain from the stored rows: `Ok(head hash)` (or the genesis hash for an
/// empty chain), or where and why it breaks.
pub async fn verify(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
) -> ServiceResult<Result<String, ChainBreak>> {
    let rows = entries(db, organisation_id).await?;
    let mut chain_rows = Vec::with_capacity(rows.len());
    for row in rows {
        let data = serde_json::from_str(&row.data).map_err(|e| {
            ServiceError::Internal(anyhow::anyhow!(
                "audit entry {} has data that is not JSON: {e}",
                row.seq
            ))
        })?;
        let entry = AuditEntry {
            seq: u64::try_from(row.seq).unwrap_or(0),
            org_id: row.organisation_id.to_string(),
            at: row.at,
            actor: row.actor,
            kind: row.kind,
            data,
        };
        chain_rows.push((entry, row.hash));
    }
    Ok(chain::verify_chain(&chain_rows))
}
