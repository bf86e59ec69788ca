//! Comments on proposals (decision-rules.md §2): posting and replying, editing with earlier
//! versions kept, deleting, hiding by facilitators, mentions, and the thread as a page shows
//! it. Writes lock the organisation first; reading a thread is a constant number of
//! queries, however many comments it has.

use super::{
    Ctx, Problem, ServiceError, ServiceResult, audit,
    members::FindAlsoAccount,
    organisations::Seen,
    proposals::{self, Loaded},
};
use crate::{
    domain::{
        audit::Event,
        comment::{self, CommentProblem},
        comment_policy::CommentAction,
        policy::Refusal,
        proposal_policy::ProposalAction,
        roles::MembershipState,
    },
    entities::{
        comment as row, comment_mention, comment_version, membership, proposal, proposal_read,
    },
};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, sea_query::OnConflict,
};
use serde_json::json;
use std::collections::HashMap;
use uuid::Uuid;

fn invalid(field: &str, problem: &CommentProblem) -> ServiceError {
    ServiceError::Invalid(vec![Problem::broken(Some(field), problem)])
}

/// One of the proposal's comments, not deleted.
async fn comment_of(
    db: &impl ConnectionTrait,
    loaded: &Loaded,
    id: Uuid,
) -> ServiceResult<row::Model> {
    row::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|c| c.proposal_id == loaded.proposal.id && c.deleted_at.is_none())
        .ok_or(ServiceError::NotFound)
}

/// The commenter's membership id (the policy let only members through).
fn me(seen: &Seen) -> ServiceResult<Uuid> {
    seen.membership
        .as_ref()
        .map(|m| m.id)
        .ok_or(ServiceError::Forbidden(Refusal::NotAMember))
}

/// Posts a comment, or a reply to `parent`, on a proposal in discussion.
pub async fn post(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    body: &str,
    parent: Option<Uuid>,
) -> ServiceResult<row::Model> {
    let (txn, seen, loaded) = proposals::locked(ctx, slug, number, ProposalAction::Read).await?;
    loaded.require_comment(CommentAction::Post, false)?;
    let author = me(&seen)?;
    let depth = match parent {
        None => 0,
        Some(parent) => {
            let found = row::Entity::find_by_id(parent).one(&txn).await?;
            let Some(found) = found else {
                return Err(invalid("parent", &CommentProblem::ParentElsewhere));
            };
            comment::check_parent(
                found.proposal_id == loaded.proposal.id,
                found.deleted_at.is_some() || found.hidden_at.is_some(),
                found.depth,
            )
            .map_err(|problem| invalid("parent", &problem))?
        }
    };
    let created = row::ActiveModel {
        id: Set(Uuid::new_v4()),
        proposal_id: Set(loaded.proposal.id),
        parent_id: Set(parent),
        depth: Set(depth),
        author_id: Set(author),
        body: Set(body.to_owned()),
        created_at: Set(ctx.now),
        edited_at: Set(None),
        deleted_at: Set(None),
        hidden_at: Set(None),
        hidden_by: Set(None),
        hidden_reason: Set(None),
    }
    .insert(&txn)
    .await?;
    record_mentions(&txn, seen.organisation.id, created.id, body).await?;
    touch(&txn, &loaded, author, ctx.now).await?;
    txn.commit().await?;
    Ok(created)
}

/// Saves a new text for the asker's own comment, keeping the earlier one.
pub async fn edit(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    id: Uuid,
    body: &str,
) -> ServiceResult<row::Model> {
    let (txn, seen, loaded) = proposals::locked(ctx, slug, number, ProposalAction::Read).await?;
    let found = comment_of(&txn, &loaded, id).await?;
    let mine = Some(found.author_id) == seen.membership.as_ref().map(|m| m.id);
    loaded.require_comment(CommentAction::Edit, mine)?;
    if found.body == body {
        return Err(invalid("body", &CommentProblem::Unchanged));
    }
    comment_version::ActiveModel {
        id: Set(Uuid::new_v4()),
        comment_id: Set(found.id),
        body: Set(found.body.clone()),
        replaced_at: Set(ctx.now),
    }
    .insert(&txn)
    .await?;
    let mut updated: row::ActiveModel = found.clone().into();
    updated.body = Set(body.to_owned());
    updated.edited_at = Set(Some(ctx.now));
    let saved = updated.update(&txn).await?;
    comment_mention::Entity::delete_many()
        .filter(comment_mention::Column::CommentId.eq(found.id))
        .exec(&txn)
        .await?;
    record_mentions(&txn, seen.organisation.id, found.id, body).await?;
    touch(&txn, &loaded, found.author_id, ctx.now).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Deletes the asker's own comment: its text and earlier texts go; its place in the thread
/// stays ("comment deleted"), so replies keep their context.
pub async fn delete(ctx: &Ctx, slug: &str, number: i32, id: Uuid) -> ServiceResult<()> {
    let (txn, seen, loaded) = proposals::locked(ctx, slug, number, ProposalAction::Read).await?;
    let found = comment_of(&txn, &loaded, id).await?;
    let mine = Some(found.author_id) == seen.membership.as_ref().map(|m| m.id);
    loaded.require_comment(CommentAction::Delete, mine)?;
    comment_version::Entity::delete_many()
        .filter(comment_version::Column::CommentId.eq(found.id))
        .exec(&txn)
        .await?;
    comment_mention::Entity::delete_many()
        .filter(comment_mention::Column::CommentId.eq(found.id))
        .exec(&txn)
        .await?;
    let mut updated: row::ActiveModel = found.into();
    updated.body = Set(String::new());
    updated.deleted_at = Set(Some(ctx.now));
    updated.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}

/// Hides a comment with a reason (facilitators): kept, shown as hidden with the reason, still
/// readable by its author and the facilitators; recorded in the audit chain.
pub async fn hide(ctx: &Ctx, slug: &str, number: i32, id: Uuid, reason: &str) -> ServiceResult<()> {
    let (txn, seen, loaded) = proposals::locked(ctx, slug, number, ProposalAction::Read).await?;
    loaded.require_comment(CommentAction::Hide, false)?;
    let found = comment_of(&txn, &loaded, id).await?;
    if found.hidden_at.is_some() {
        return Err(invalid("reason", &CommentProblem::AlreadyHidden));
    }
    let mut updated: row::ActiveModel = found.clone().into();
    updated.hidden_at = Set(Some(ctx.now));
    updated.hidden_by = Set(seen.membership.as_ref().map(|m| m.id));
    updated.hidden_reason = Set(Some(reason.to_owned()));
    updated.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::CommentHidden,
        json!({
            "proposal": loaded.proposal.id.to_string(),
            "number": loaded.proposal.number,
            "comment": found.id.to_string(),
            "reason": reason,
        }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The proposal's latest activity is now, and whoever acted has read it.
async fn touch(
    db: &impl ConnectionTrait,
    loaded: &Loaded,
    reader: Uuid,
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    let mut updated: proposal::ActiveModel = loaded.proposal.clone().into();
    updated.active_at = Set(now);
    updated.update(db).await?;
    mark_read(db, reader, loaded.proposal.id, now).await
}

/// Records that `reader` has read the proposal as of `now`.
pub async fn mark_read(
    db: &impl ConnectionTrait,
    reader: Uuid,
    proposal_id: Uuid,
    now: DateTime<Utc>,
) -> ServiceResult<()> {
    proposal_read::Entity::insert(proposal_read::ActiveModel {
        membership_id: Set(reader),
        proposal_id: Set(proposal_id),
        read_at: Set(now),
    })
    .on_conflict(
        OnConflict::columns([
            proposal_read::Column::MembershipId,
            proposal_read::Column::ProposalId,
        ])
        .update_column(proposal_read::Column::ReadAt)
        .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}

/// The active members of an organisation by mention handle: (handle, membership id, name).
pub async fn handles(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
) -> ServiceResult<Vec<(String, Uuid, String)>> {
    Ok(membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(organisation_id))
        .filter(membership::Column::State.eq(MembershipState::Active))
        .find_also_related_account(db)
        .await?
        .into_iter()
        .filter_map(|(m, a)| a.map(|a| (comment::handle(&a.display_name), m.id, a.display_name)))
        .collect())
}

async fn record_mentions(
    db: &impl ConnectionTrait,
    organisation_id: Uuid,
    comment_id: Uuid,
    body: &str,
) -> ServiceResult<()> {
    let names = comment::mentions(body);
    if names.is_empty() {
        return Ok(());
    }
    let members = handles(db, organisation_id).await?;
    let mut seen = Vec::new();
    for name in names {
        let wanted = name.to_lowercase();
        let found = members.iter().find(|(handle, _, _)| *handle == wanted);
        if let Some((_, id, _)) = found
            && !seen.contains(id)
        {
            seen.push(*id);
            comment_mention::ActiveModel {
                comment_id: Set(comment_id),
                membership_id: Set(*id),
            }
            .insert(db)
            .await?;
        }
    }
    Ok(())
}

/// A proposal's comments in thread order (each followed by its replies, oldest first), with
/// their earlier texts; for someone who may read the proposal.
pub async fn thread(
    db: &impl ConnectionTrait,
    loaded: &Loaded,
) -> ServiceResult<(Vec<row::Model>, HashMap<Uuid, Vec<comment_version::Model>>)> {
    loaded.require(ProposalAction::Read)?;
    let comments = row::Entity::find()
        .filter(row::Column::ProposalId.eq(loaded.proposal.id))
        .order_by_asc(row::Column::CreatedAt)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = comments.iter().map(|c| c.id).collect();
    let mut versions: HashMap<Uuid, Vec<comment_version::Model>> = HashMap::new();
    for version in comment_version::Entity::find()
        .filter(comment_version::Column::CommentId.is_in(ids))
        .order_by_asc(comment_version::Column::ReplacedAt)
        .all(db)
        .await?
    {
        versions
            .entry(version.comment_id)
            .or_default()
            .push(version);
    }
    Ok((in_thread_order(comments), versions))
}

/// Comments (oldest first) reordered so each is followed by its replies.
fn in_thread_order(comments: Vec<row::Model>) -> Vec<row::Model> {
    let mut children: HashMap<Option<Uuid>, Vec<row::Model>> = HashMap::new();
    let known: std::collections::HashSet<Uuid> = comments.iter().map(|c| c.id).collect();
    for comment in comments {
        // A reply whose parent is unknown (never: parents are never removed) goes on top.
        let parent = comment.parent_id.filter(|p| known.contains(p));
        children.entry(parent).or_default().push(comment);
    }
    let mut ordered = Vec::new();
    let mut stack: Vec<row::Model> = children.remove(&None).unwrap_or_default();
    stack.reverse();
    while let Some(comment) = stack.pop() {
        let mut replies = children.remove(&Some(comment.id)).unwrap_or_default();
        replies.reverse();
        ordered.push(comment);
        stack.extend(replies);
    }
    ordered
}

/// For each of `proposals`: how many comments it has (deleted ones not counted), and whether
/// `reader` has not read its latest activity.
pub async fn counts_and_unread(
    db: &impl ConnectionTrait,
    proposals: &[proposal::Model],
    reader: Option<Uuid>,
) -> ServiceResult<HashMap<Uuid, (usize, bool)>> {
    let ids: Vec<Uuid> = proposals.iter().map(|p| p.id).collect();
    // Counted by the database: the bodies are not read.
    let counts: HashMap<Uuid, i64> = row::Entity::find()
        .select_only()
        .column(row::Column::ProposalId)
        .column_as(row::Column::Id.count(), "count")
        .filter(row::Column::ProposalId.is_in(ids.clone()))
        .filter(row::Column::DeletedAt.is_null())
        .group_by(row::Column::ProposalId)
        .into_tuple::<(Uuid, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let reads = match reader {
        Some(reader) => {
            proposal_read::Entity::find()
                .filter(proposal_read::Column::MembershipId.eq(reader))
                .filter(proposal_read::Column::ProposalId.is_in(ids))
                .all(db)
                .await?
        }
        None => Vec::new(),
    };
    Ok(proposals
        .iter()
        .map(|p| {
            let count = counts
                .get(&p.id)
                .and_then(|n| usize::try_from(*n).ok())
                .unwrap_or(0);
            let read_at = reads
                .iter()
                .find(|r| r.proposal_id == p.id)
                .map(|r| r.read_at);
            let unread = reader.is_some() && read_at.is_none_or(|at| at < p.active_at);
            (p.id, (count, unread))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comment(id: u128, parent: Option<u128>, minute: u32) -> row::Model {
        use chrono::TimeZone;
        row::Model {
            id: Uuid::from_u128(id),
            proposal_id: Uuid::nil(),
            parent_id: parent.map(Uuid::from_u128),
            depth: 0,
            author_id: Uuid::nil(),
            body: String::new(),
            created_at: Utc.with_ymd_and_hms(2026, 12, 5, 10, minute, 0).unwrap(),
            edited_at: None,
            deleted_at: None,
            hidden_at: None,
            hidden_by: None,
            hidden_reason: None,
        }
    }

    #[test]
    fn replies_follow_their_parent_oldest_first() {
        let ordered = in_thread_order(vec![
            comment(1, None, 0),
            comment(2, None, 1),
            comment(3, Some(1), 2),
            comment(4, Some(3), 3),
            comment(5, Some(1), 4),
            comment(6, Some(2), 5),
        ]);
        let ids: Vec<u128> = ordered.iter().map(|c| c.id.as_u128()).collect();
        assert_eq!(ids, [1, 3, 4, 5, 2, 6]);
    }
}
