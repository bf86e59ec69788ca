//! Proposals (decision-rules.md §2): drafting, co-authors, publishing, numbered revisions,
//! withdrawing. Every write locks the organisation first, then loads, asks
//! `domain::proposal_policy`, applies `domain::proposal`'s rules, writes, and appends its
//! audit event (drafts are private to their authors and leave no entry; publication is the
//! first).

use super::{
    Ctx, Problem, ServiceError, ServiceResult, audit, members::FindAlsoAccount, organisations::Seen,
};
use crate::{
    domain::{
        audit::Event,
        comment_policy::{self, CommentAction},
        policy::{Action, Actor, Refusal},
        proposal::{self, ProposalProblem, ProposalState, ProposalText},
        proposal_policy::{self, Facts, ProposalAction, Standing},
    },
    entities::{
        group, group_member, membership, proposal as row, proposal_author, proposal_revision,
    },
};
use chrono::NaiveDate;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::json;
use uuid::Uuid;

/// How many proposals a page of the list holds.
pub const PAGE_SIZE: u64 = 25;

/// A new proposal as its author typed it, every rule that needs no database checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProposal {
    /// Its text.
    pub text: ProposalText,
    /// The web address of its group, if it is a group's.
    pub group: Option<String>,
    /// When discussion should end.
    pub due_on: Option<NaiveDate>,
}

/// An edit of a proposal's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalEdit {
    /// The new text.
    pub text: ProposalText,
    /// The new due date.
    pub due_on: Option<NaiveDate>,
    /// What changed, in a line (kept with the revision).
    pub note: String,
    /// The version the editor started from.
    pub started_from: i32,
}

/// A proposal with what the asker may do with it.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The proposal.
    pub proposal: row::Model,
    /// Its authors' membership ids.
    pub authors: Vec<Uuid>,
    /// The asker as the proposal policy sees them.
    pub standing: Standing,
    /// Whether a decision round on it is scheduled or open (its text is then frozen).
    pub round_active: bool,
}

impl Loaded {
    fn facts(&self) -> Facts {
        Facts {
            state: self.proposal.state,
            round_open: self.round_active,
        }
    }

    /// Whether the asker may take `action`.
    pub fn may(&self, action: ProposalAction) -> bool {
        proposal_policy::authorise(action, self.standing, self.facts()).is_ok()
    }

    /// Checks that the asker may take `action`: a refusal to someone with no standing in
    /// the organisation, and any refusal to read a draft, is "not found".
    pub fn require(&self, action: ProposalAction) -> ServiceResult<()> {
        self.answer(proposal_policy::authorise(
            action,
            self.standing,
            self.facts(),
        ))
    }

    /// Checks that the asker may take `action` on a comment of this proposal (theirs, if
    /// `comment_author`), answering refusals as [`Loaded::require`] does.
    pub fn require_comment(
        &self,
        action: CommentAction,
        comment_author: bool,
    ) -> ServiceResult<()> {
        self.answer(comment_policy::authorise(
            action,
            self.standing,
            comment_author,
            self.facts(),
        ))
    }

    fn answer(&self, outcome: Result<(), Refusal>) -> ServiceResult<()> {
        match outcome {
            Ok(()) => Ok(()),
            Err(_) if self.standing.actor == Actor::account(None) => Err(ServiceError::NotFound),
            Err(Refusal::NotAnAuthor) if self.proposal.state == ProposalState::Draft => {
                Err(ServiceError::NotFound)
            }
            Err(refusal) => Err(ServiceError::Forbidden(refusal)),
        }
    }
}

/// Loads proposal `number` of the organisation `seen` and the asker's standing towards it.
pub async fn load(db: &impl ConnectionTrait, seen: &Seen, number: i32) -> ServiceResult<Loaded> {
    let proposal = row::Entity::find()
        .filter(row::Column::OrganisationId.eq(seen.organisation.id))
        .filter(row::Column::Number.eq(number))
        .one(db)
        .await?
        .ok_or(ServiceError::NotFound)?;
    let authors: Vec<Uuid> = proposal_author::Entity::find()
        .filter(proposal_author::Column::ProposalId.eq(proposal.id))
        .order_by_asc(proposal_author::Column::AddedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.membership_id)
        .collect();
    let member = seen.membership.as_ref().map(|m| m.id);
    let in_scope = match (proposal.group_id, member) {
        (None, _) => true,
        (Some(group), Some(member)) => in_group(db, group, member).await?,
        (Some(_), None) => false,
    };
    let standing = Standing {
        actor: seen.actor,
        author: member.is_some_and(|m| authors.contains(&m)),
        in_scope,
    };
    let round_active = super::rounds::active_on(db, proposal.id).await?;
    Ok(Loaded {
        proposal,
        authors,
        standing,
        round_active,
    })
}

async fn in_group(db: &impl ConnectionTrait, group: Uuid, member: Uuid) -> ServiceResult<bool> {
    Ok(group_member::Entity::find_by_id((group, member))
        .one(db)
        .await?
        .is_some())
}

/// Locks the organisation (every write to one of its proposals starts here, before anything
/// is read), loads proposal `number`, and checks that the asker may take `action` on it.
pub(super) async fn locked(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    action: ProposalAction,
) -> ServiceResult<(DatabaseTransaction, Seen, Loaded)> {
    let (txn, seen) =
        super::organisations::authorised_locked(ctx, slug, Action::ViewOrganisation).await?;
    let loaded = load(&txn, &seen, number).await?;
    loaded.require(action)?;
    Ok((txn, seen, loaded))
}

/// Loads organisation `slug` for someone who may view it, and its proposal `number` with the
/// asker's standing (what every proposal page reads first).
pub async fn find(ctx: &Ctx, slug: &str, number: i32) -> ServiceResult<(Seen, Loaded)> {
    let seen = super::organisations::authorised(ctx, slug, Action::ViewOrganisation).await?;
    let loaded = load(&ctx.db, &seen, number).await?;
    Ok((seen, loaded))
}

/// The name of membership `id` among `names` (as [`names`] gives them), or empty.
pub fn name_in(names: &[(Uuid, String)], id: Uuid) -> String {
    names
        .iter()
        .find(|(m, _)| *m == id)
        .map(|(_, n)| n.clone())
        .unwrap_or_default()
}

/// Today's date in the organisation's time zone.
fn today(ctx: &Ctx, seen: &Seen) -> NaiveDate {
    match seen.organisation.time_zone.parse::<chrono_tz::Tz>() {
        Ok(zone) => ctx.now.with_timezone(&zone).date_naive(),
        Err(_) => ctx.now.date_naive(),
    }
}

fn due_date_problem(ctx: &Ctx, seen: &Seen, due: Option<NaiveDate>) -> ServiceResult<()> {
    proposal::check_due_date(due, today(ctx, seen))
        .map_err(|problem| ServiceError::Invalid(vec![Problem::broken(Some("due_on"), &problem)]))
}

/// The asker's membership id (every write is by an active member: the policy checked).
pub(super) fn member_id(seen: &Seen) -> ServiceResult<Uuid> {
    seen.membership
        .as_ref()
        .map(|m| m.id)
        .ok_or(ServiceError::Forbidden(Refusal::NotAMember))
}

/// Creates a draft, its creator its first author. Members (not observers) draft; a group's
/// proposal only its members.
pub async fn create(ctx: &Ctx, slug: &str, new: &NewProposal) -> ServiceResult<row::Model> {
    let (txn, seen) =
        super::organisations::authorised_locked(ctx, slug, Action::DraftProposal).await?;
    let author = member_id(&seen)?;
    let group_id = match &new.group {
        None => None,
        Some(group_slug) => {
            let group = group::Entity::find()
                .filter(group::Column::OrganisationId.eq(seen.organisation.id))
                .filter(group::Column::Slug.eq(group_slug))
                .one(&txn)
                .await?
                .ok_or_else(|| {
                    ServiceError::invalid(
                        Some("group"),
                        "group_unknown",
                        "There is no such group in this organisation.",
                    )
                })?;
            if !in_group(&txn, group.id, author).await? {
                return Err(ServiceError::Forbidden(Refusal::NotInGroup));
            }
            Some(group.id)
        }
    };
    due_date_problem(ctx, &seen, new.due_on)?;
    let last = row::Entity::find()
        .filter(row::Column::OrganisationId.eq(seen.organisation.id))
        .order_by_desc(row::Column::Number)
        .one(&txn)
        .await?
        .map_or(0, |p| p.number);
    let created = row::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(seen.organisation.id),
        group_id: Set(group_id),
        number: Set(last + 1),
        state: Set(ProposalState::Draft),
        title: Set(new.text.title.clone()),
        summary: Set(new.text.summary.clone()),
        body: Set(new.text.body.clone()),
        due_on: Set(new.due_on),
        version: Set(1),
        revision: Set(0),
        created_by: Set(author),
        created_at: Set(ctx.now),
        active_at: Set(ctx.now),
        published_at: Set(None),
        withdrawn_at: Set(None),
        withdrawn_by: Set(None),
        withdrawal_reason: Set(None),
    }
    .insert(&txn)
    .await?;
    proposal_author::ActiveModel {
        proposal_id: Set(created.id),
        membership_id: Set(author),
        added_at: Set(ctx.now),
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(created)
}

/// Saves an edit by one of the authors: a draft in place; a proposal in discussion as its
/// next revision. Refused when someone saved since the editor started (`edit_conflict`).
pub async fn edit(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    edit: &ProposalEdit,
) -> ServiceResult<row::Model> {
    let (txn, seen, loaded) = locked(ctx, slug, number, ProposalAction::Edit).await?;
    let editor = member_id(&seen)?;
    let current = loaded.proposal;
    proposal::check_version(edit.started_from, current.version)
        .map_err(|problem| ServiceError::Invalid(vec![Problem::broken(None, &problem)]))?;
    if edit.due_on != current.due_on {
        due_date_problem(ctx, &seen, edit.due_on)?;
    }
    let unchanged = text_of(&current) == edit.text && edit.due_on == current.due_on;
    if unchanged {
        return Err(ServiceError::Invalid(vec![Problem::broken(
            None,
            &ProposalProblem::Unchanged,
        )]));
    }
    let published = current.state != ProposalState::Draft;
    let text_changed = text_of(&current) != edit.text;
    let mut updated: row::ActiveModel = current.clone().into();
    updated.title = Set(edit.text.title.clone());
    updated.summary = Set(edit.text.summary.clone());
    updated.body = Set(edit.text.body.clone());
    updated.due_on = Set(edit.due_on);
    updated.version = Set(current.version + 1);
    updated.active_at = Set(ctx.now);
    if published && text_changed {
        let number = current.revision + 1;
        updated.revision = Set(number);
        let digest = insert_revision(
            &txn,
            &current,
            NewRevision {
                number,
                version: current.version + 1,
                text: &edit.text,
                author: editor,
                note: &edit.note,
                amendment: None,
            },
            ctx,
        )
        .await?;
        audit::append(
            &txn,
            seen.organisation.id,
            ctx.account.as_ref().map(|a| a.id),
            Event::ProposalRevised,
            json!({
                "proposal": current.id.to_string(),
                "number": current.number,
                "revision": number,
                "digest": digest,
                "note": edit.note,
            }),
            ctx.now,
        )
        .await?;
    }
    let saved = updated.update(&txn).await?;
    txn.commit().await?;
    Ok(saved)
}

/// A proposal's current text.
pub(super) fn text_of(proposal: &row::Model) -> ProposalText {
    ProposalText {
        title: proposal.title.clone(),
        summary: proposal.summary.clone(),
        body: proposal.body.clone(),
    }
}

/// A revision about to be written.
pub(super) struct NewRevision<'a> {
    /// Its number.
    pub number: i32,
    /// The proposal's version it saves.
    pub version: i32,
    /// Its text.
    pub text: &'a ProposalText,
    /// The membership credited with it.
    pub author: Uuid,
    /// The change note.
    pub note: &'a str,
    /// The amendment it came from.
    pub amendment: Option<i32>,
}

/// Writes a revision of `proposal` and returns its text's digest.
pub(super) async fn insert_revision(
    db: &impl ConnectionTrait,
    proposal: &row::Model,
    revision: NewRevision<'_>,
    ctx: &Ctx,
) -> ServiceResult<String> {
    let text = revision.text;
    let digest = text.digest();
    proposal_revision::ActiveModel {
        id: Set(Uuid::new_v4()),
        proposal_id: Set(proposal.id),
        number: Set(revision.number),
        version: Set(revision.version),
        title: Set(text.title.clone()),
        summary: Set(text.summary.clone()),
        body: Set(text.body.clone()),
        author_id: Set(revision.author),
        note: Set(revision.note.to_owned()),
        digest: Set(digest.clone()),
        created_at: Set(ctx.now),
        amendment: Set(revision.amendment),
    }
    .insert(db)
    .await?;
    Ok(digest)
}

/// Makes the active member `candidate` a co-author; authors only.
pub async fn add_co_author(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    candidate: Uuid,
) -> ServiceResult<()> {
    let (txn, seen, loaded) = locked(ctx, slug, number, ProposalAction::AddCoAuthor).await?;
    let member = membership::Entity::find_by_id(candidate)
        .one(&txn)
        .await?
        .filter(|m| m.organisation_id == seen.organisation.id)
        .ok_or_else(|| {
            ServiceError::invalid(
                Some("membership"),
                "member_unknown",
                "There is no such member in this organisation.",
            )
        })?;
    let in_scope = match loaded.proposal.group_id {
        None => true,
        Some(group) => in_group(&txn, group, member.id).await?,
    };
    proposal::check_co_author(
        crate::domain::roles::Membership::new(member.role, member.state),
        in_scope,
        loaded.authors.contains(&member.id),
    )
    .map_err(|problem| {
        ServiceError::Invalid(vec![Problem::broken(Some("membership"), &problem)])
    })?;
    proposal_author::ActiveModel {
        proposal_id: Set(loaded.proposal.id),
        membership_id: Set(member.id),
        added_at: Set(ctx.now),
    }
    .insert(&txn)
    .await?;
    if loaded.proposal.state != ProposalState::Draft {
        audit::append(
            &txn,
            seen.organisation.id,
            ctx.account.as_ref().map(|a| a.id),
            Event::ProposalCoAuthorAdded,
            json!({
                "proposal": loaded.proposal.id.to_string(),
                "number": loaded.proposal.number,
                "membership": member.id.to_string(),
            }),
            ctx.now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Publishes a draft: it moves to discussion and its text becomes revision 1.
pub async fn publish(ctx: &Ctx, slug: &str, number: i32) -> ServiceResult<row::Model> {
    let (txn, seen, loaded) = locked(ctx, slug, number, ProposalAction::Publish).await?;
    let publisher = member_id(&seen)?;
    let current = loaded.proposal;
    let text = text_of(&current);
    let digest = insert_revision(
        &txn,
        &current,
        NewRevision {
            number: 1,
            version: current.version,
            text: &text,
            author: publisher,
            note: "",
            amendment: None,
        },
        ctx,
    )
    .await?;
    let mut updated: row::ActiveModel = current.clone().into();
    updated.state = Set(ProposalState::Discussion);
    updated.revision = Set(1);
    updated.published_at = Set(Some(ctx.now));
    updated.active_at = Set(ctx.now);
    let saved = updated.update(&txn).await?;
    let authors: Vec<String> = loaded.authors.iter().map(Uuid::to_string).collect();
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::ProposalPublished,
        json!({
            "proposal": current.id.to_string(),
            "number": current.number,
            "group": current.group_id.map(|g| g.to_string()),
            "authors": authors,
            "revision": 1,
            "digest": digest,
        }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// Withdraws a proposal in discussion, with the reason shown on it; authors only.
pub async fn withdraw(
    ctx: &Ctx,
    slug: &str,
    number: i32,
    reason: &str,
) -> ServiceResult<row::Model> {
    let (txn, seen, loaded) = locked(ctx, slug, number, ProposalAction::Withdraw).await?;
    let by = member_id(&seen)?;
    let current = loaded.proposal;
    let mut updated: row::ActiveModel = current.clone().into();
    updated.state = Set(ProposalState::Withdrawn);
    updated.withdrawn_at = Set(Some(ctx.now));
    updated.withdrawn_by = Set(Some(by));
    updated.withdrawal_reason = Set(Some(reason.to_owned()));
    updated.active_at = Set(ctx.now);
    let saved = updated.update(&txn).await?;
    audit::append(
        &txn,
        seen.organisation.id,
        ctx.account.as_ref().map(|a| a.id),
        Event::ProposalWithdrawn,
        json!({
            "proposal": current.id.to_string(),
            "number": current.number,
            "reason": reason,
        }),
        ctx.now,
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// One page of the proposals the asker may see (published ones, and drafts they author),
/// newest activity first, optionally only those in `state` and of group `group`.
pub async fn list(
    ctx: &Ctx,
    seen: &Seen,
    state: Option<ProposalState>,
    group: Option<Uuid>,
    page: u64,
) -> ServiceResult<(Vec<row::Model>, bool)> {
    seen.require(Action::ViewOrganisation)?;
    let mut query =
        row::Entity::find().filter(row::Column::OrganisationId.eq(seen.organisation.id));
    let own_drafts: Vec<Uuid> = match &seen.membership {
        Some(m) => proposal_author::Entity::find()
            .filter(proposal_author::Column::MembershipId.eq(m.id))
            .all(&ctx.db)
            .await?
            .into_iter()
            .map(|a| a.proposal_id)
            .collect(),
        None => Vec::new(),
    };
    query = query.filter(
        sea_orm::Condition::any()
            .add(row::Column::State.ne(ProposalState::Draft))
            .add(row::Column::Id.is_in(own_drafts)),
    );
    if let Some(state) = state {
        query = query.filter(row::Column::State.eq(state));
    }
    if let Some(group) = group {
        query = query.filter(row::Column::GroupId.eq(group));
    }
    let mut rows = query
        .order_by_desc(row::Column::ActiveAt)
        .order_by_desc(row::Column::Number)
        .offset(page * PAGE_SIZE)
        .limit(PAGE_SIZE + 1)
        .all(&ctx.db)
        .await?;
    let more = rows.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
    Ok((rows, more))
}

/// Every revision of a proposal the asker may read, oldest first.
pub async fn revisions(ctx: &Ctx, loaded: &Loaded) -> ServiceResult<Vec<proposal_revision::Model>> {
    loaded.require(ProposalAction::Read)?;
    Ok(proposal_revision::Entity::find()
        .filter(proposal_revision::Column::ProposalId.eq(loaded.proposal.id))
        .order_by_asc(proposal_revision::Column::Number)
        .all(&ctx.db)
        .await?)
}

/// Display names of memberships, in the order asked (unknown ones left out).
pub async fn names(
    db: &impl ConnectionTrait,
    memberships: &[Uuid],
) -> ServiceResult<Vec<(Uuid, String)>> {
    let rows = membership::Entity::find()
        .filter(membership::Column::Id.is_in(memberships.iter().copied()))
        .find_also_related_account(db)
        .await?;
    Ok(memberships
        .iter()
        .filter_map(|id| {
            rows.iter()
                .find(|(m, _)| m.id == *id)
                .and_then(|(m, a)| a.as_ref().map(|a| (m.id, a.display_name.clone())))
        })
        .collect())
}

/// The name of the group `id`.
pub async fn group_name(
    db: &impl ConnectionTrait,
    id: Uuid,
) -> ServiceResult<Option<group::Model>> {
    Ok(group::Entity::find_by_id(id).one(db).await?)
}
