//! Full-text search over an organisation's proposals and comments (issue #11): one
//! interface, two engines (SQLite FTS5, PostgreSQL `tsvector` with GIN; the schema is
//! migration `m20261207_000008_search`). Only what the asker may read is found: published
//! proposals and the drafts they author, and comments that are neither hidden nor deleted.

use super::{ServiceResult, organisations::Seen};
use crate::domain::{policy::Action, search};
use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement, Value};
use uuid::Uuid;

/// How many results a page holds.
pub const PAGE_SIZE: u64 = 20;

/// One item found.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct Hit {
    /// The proposal (found itself, or holding the comment found).
    pub proposal_id: Uuid,
    /// The comment found, if a comment.
    pub comment_id: Option<Uuid>,
    /// The proposal's number.
    pub number: i32,
    /// The proposal's title.
    pub title: String,
    /// Text around the match, matches between [`search::MARK_START`] and
    /// [`search::MARK_END`].
    pub snippet: String,
}

const SQLITE: &str = r#"
SELECT d.proposal_id AS proposal_id, d.comment_id AS comment_id, p.number AS number,
       p.title AS title, snippet(search_index, -1, char(2), char(3), '…', 24) AS snippet
FROM search_index
JOIN search_docs d ON d.id = search_index.rowid
JOIN proposals p ON p.id = d.proposal_id
LEFT JOIN comments c ON c.id = d.comment_id
WHERE search_index MATCH ?
  AND p.organisation_id = ?
  AND (p.state <> 'draft' OR EXISTS (
        SELECT 1 FROM proposal_authors a WHERE a.proposal_id = p.id AND a.membership_id = ?))
  AND (d.comment_id IS NULL OR (c.hidden_at IS NULL AND c.deleted_at IS NULL))
ORDER BY search_index.rank, d.id DESC
LIMIT ? OFFSET ?
"#;

const POSTGRES: &str = r#"
WITH q AS (SELECT plainto_tsquery('simple', $1) AS query),
hits AS (
    SELECT p.id AS proposal_id, NULL::uuid AS comment_id, ts_rank(p.search, q.query) AS rank,
           p.active_at AS happened
    FROM proposals p, q
    WHERE p.search @@ q.query AND p.organisation_id = $2
      AND (p.state <> 'draft' OR EXISTS (
            SELECT 1 FROM proposal_authors a WHERE a.proposal_id = p.id AND a.membership_id = $3))
    UNION ALL
    SELECT c.proposal_id, c.id, ts_rank(c.search, q.query), c.created_at
    FROM comments c JOIN proposals p ON p.id = c.proposal_id, q
    WHERE c.search @@ q.query AND p.organisation_id = $2 AND p.state <> 'draft'
      AND c.hidden_at IS NULL AND c.deleted_at IS NULL
    ORDER BY rank DESC, happened DESC
    LIMIT $4 OFFSET $5
)
SELECT h.proposal_id, h.comment_id, p.number, p.title,
       ts_headline('simple',
           CASE WHEN h.comment_id IS NULL THEN p.title || E'\n' || p.summary || E'\n' || p.body
                ELSE c.body END,
           q.query,
           'StartSel=' || chr(2) || ', StopSel=' || chr(3)
               || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
FROM hits h JOIN proposals p ON p.id = h.proposal_id LEFT JOIN comments c ON c.id = h.comment_id, q
ORDER BY h.rank DESC, h.happened DESC
"#;

/// One page of what `query` finds in the organisation `seen`, best match first; and whether
/// there are more. A query with no words finds nothing.
pub async fn search(
    db: &impl ConnectionTrait,
    seen: &Seen,
    query: &str,
    page: u64,
) -> ServiceResult<(Vec<Hit>, bool)> {
    seen.require(Action::ViewOrganisation)?;
    let words = search::words(query);
    if words.is_empty() {
        return Ok((Vec::new(), false));
    }
    let backend = db.get_database_backend();
    let (sql, text) = match backend {
        DbBackend::Postgres => (POSTGRES, search::plain_query(&words)),
        _ => (SQLITE, search::fts5_query(&words)),
    };
    let limit = i64::try_from(PAGE_SIZE + 1).unwrap_or(i64::MAX);
    let offset = i64::try_from(page.saturating_mul(PAGE_SIZE)).unwrap_or(i64::MAX);
    let values: [Value; 5] = [
        text.into(),
        seen.organisation.id.into(),
        seen.membership.as_ref().map(|m| m.id).into(),
        limit.into(),
        offset.into(),
    ];
    let mut hits = Hit::find_by_statement(Statement::from_sql_and_values(backend, sql, values))
        .all(db)
        .await?;
    let size = usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    let more = hits.len() > size;
    hits.truncate(size);
    Ok((hits, more))
}
