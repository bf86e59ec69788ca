//! Full-text search over proposals and comments (issue #11), one schema per engine:
//!
//! - SQLite: `search_docs` holds one row per proposal (title; summary and body) and per
//!   comment (body), kept by triggers on `proposals` and `comments`; `search_index` is an
//!   FTS5 index over it (external content, so snippets read the text from `search_docs`),
//!   kept by triggers on `search_docs`.
//! - PostgreSQL: a generated `tsvector` column on `proposals` and on `comments`, each with a
//!   GIN index.
//!
//! Either way every write path is covered without the services doing anything, and the rows
//! that exist when the migration runs are indexed by it.

use sea_orm_migration::{prelude::*, sea_orm::DbBackend};

/// Creates the search index of the engine in use.
pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_000008_search"
    }
}

const SQLITE_UP: &str = r#"
CREATE TABLE IF NOT EXISTS search_docs (
    id INTEGER PRIMARY KEY,
    proposal_id BLOB NOT NULL,
    comment_id BLOB,
    title TEXT NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS search_docs_proposal ON search_docs (proposal_id) WHERE comment_id IS NULL;
CREATE INDEX IF NOT EXISTS search_docs_comment ON search_docs (comment_id) WHERE comment_id IS NOT NULL;
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
    title, body,
    content = 'search_docs', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS search_docs_inserted AFTER INSERT ON search_docs BEGIN
    INSERT INTO search_index (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS search_docs_deleted AFTER DELETE ON search_docs BEGIN
    INSERT INTO search_index (search_index, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER IF NOT EXISTS search_docs_updated AFTER UPDATE ON search_docs BEGIN
    INSERT INTO search_index (search_index, rowid, title, body)
        VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO search_index (rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER IF NOT EXISTS proposals_searched AFTER INSERT ON proposals BEGIN
    INSERT INTO search_docs (proposal_id, comment_id, title, body)
        VALUES (new.id, NULL, new.title, new.summary || char(10) || new.body);
END;
CREATE TRIGGER IF NOT EXISTS proposals_searched_again AFTER UPDATE OF title, summary, body ON proposals
WHEN old.title IS NOT new.title OR old.summary IS NOT new.summary OR old.body IS NOT new.body
BEGIN
    UPDATE search_docs SET title = new.title, body = new.summary || char(10) || new.body
        WHERE proposal_id = new.id AND comment_id IS NULL;
END;
CREATE TRIGGER IF NOT EXISTS proposals_unsearched AFTER DELETE ON proposals BEGIN
    DELETE FROM search_docs WHERE proposal_id = old.id;
END;
CREATE TRIGGER IF NOT EXISTS comments_searched AFTER INSERT ON comments BEGIN
    INSERT INTO search_docs (proposal_id, comment_id, title, body)
        VALUES (new.proposal_id, new.id, '', new.body);
END;
CREATE TRIGGER IF NOT EXISTS comments_searched_again AFTER UPDATE OF body ON comments
WHEN old.body IS NOT new.body
BEGIN
    UPDATE search_docs SET body = new.body WHERE comment_id = new.id;
END;
CREATE TRIGGER IF NOT EXISTS comments_unsearched AFTER DELETE ON comments BEGIN
    DELETE FROM search_docs WHERE comment_id = old.id;
END;
INSERT INTO search_docs (proposal_id, comment_id, title, body)
    SELECT id, NULL, title, summary || char(10) || body FROM proposals;
INSERT INTO search_docs (proposal_id, comment_id, title, body)
    SELECT proposal_id, id, '', body FROM comments;
"#;

const SQLITE_DOWN: &str = r#"
DROP TRIGGER IF EXISTS comments_unsearched;
DROP TRIGGER IF EXISTS comments_searched_again;
DROP TRIGGER IF EXISTS comments_searched;
DROP TRIGGER IF EXISTS proposals_unsearched;
DROP TRIGGER IF EXISTS proposals_searched_again;
DROP TRIGGER IF EXISTS proposals_searched;
DROP TABLE IF EXISTS search_index;
DROP TABLE IF EXISTS search_docs;
"#;

// `simple`: no stemming and no stop words, so a word is found as typed in any language.
const POSTGRES_UP: &str = r#"
ALTER TABLE proposals ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', title), 'A') || to_tsvector('simple', summary || ' ' || body)
) STORED;
CREATE INDEX IF NOT EXISTS proposals_search ON proposals USING GIN (search);
ALTER TABLE comments ADD COLUMN IF NOT EXISTS search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', body)
) STORED;
CREATE INDEX IF NOT EXISTS comments_search ON comments USING GIN (search);
"#;

const POSTGRES_DOWN: &str = r#"
DROP INDEX IF EXISTS comments_search;
ALTER TABLE comments DROP COLUMN IF EXISTS search;
DROP INDEX IF EXISTS proposals_search;
ALTER TABLE proposals DROP COLUMN IF EXISTS search;
"#;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let sql = match manager.get_database_backend() {
            DbBackend::Postgres => POSTGRES_UP,
            _ => SQLITE_UP,
        };
        manager.get_connection().execute_unprepared(sql).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let sql = match manager.get_database_backend() {
            DbBackend::Postgres => POSTGRES_DOWN,
            _ => SQLITE_DOWN,
        };
        manager.get_connection().execute_unprepared(sql).await?;
        Ok(())
    }
}
