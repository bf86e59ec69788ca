//! Page data about proposals: the new-proposal form, a proposal, its edit form, one revision,
//! and two revisions compared.

use crate::{
    api::organisations::{Allowed, OrgHeader},
    domain::{diff::Segment, proposal::ProposalState, proposal_policy::ProposalAction},
    error::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A group a proposal can belong to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupChoice {
    /// Its web address.
    pub slug: String,
    /// Its name.
    pub name: String,
}

/// The new-proposal page's data (`/o/:slug/proposals/new`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProposalView {
    /// The organisation.
    pub org: OrgHeader,
    /// The groups the viewer belongs to (a proposal may be one of theirs).
    pub groups: Vec<GroupChoice>,
    /// What the viewer may do.
    pub allowed: Allowed,
}

/// A member by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Membership id.
    pub membership_id: String,
    /// Display name.
    pub name: String,
}

/// One revision in a proposal's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionRow {
    /// Its number.
    pub number: i32,
    /// Who is credited with it.
    pub author: String,
    /// When, in the organisation's time zone, with the zone named.
    pub at: String,
    /// The change note.
    pub note: String,
    /// The amendment it came from, if an accepted amendment.
    pub amendment: Option<i32>,
}

/// A proposal's withdrawal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    /// Who withdrew it.
    pub by: String,
    /// When.
    pub at: String,
    /// Why.
    pub reason: String,
}

/// The proposal page's data (`/o/:slug/p/:number`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalView {
    /// The organisation.
    pub org: OrgHeader,
    /// Its number.
    pub number: i32,
    /// Its state.
    pub state: ProposalState,
    /// The latest title.
    pub title: String,
    /// The latest summary.
    pub summary: String,
    /// The latest body, rendered from Markdown and sanitised on the server.
    pub body_html: String,
    /// Its group's name, if a group's.
    pub group: Option<String>,
    /// Its authors, the creator first.
    pub authors: Vec<Person>,
    /// The discussion's due date, `YYYY-MM-DD`.
    pub due_on: Option<String>,
    /// Its revisions, newest first.
    pub revisions: Vec<RevisionRow>,
    /// Its withdrawal, if withdrawn.
    pub withdrawal: Option<Withdrawal>,
    /// The members who could become co-authors (for its authors).
    pub co_author_candidates: Vec<Person>,
    /// What the viewer may do with it.
    pub may: Vec<ProposalAction>,
    /// Its comments, in thread order.
    pub comments: Vec<crate::api::comments::CommentRow>,
    /// Whether the viewer may hide comments (a facilitator).
    pub moderator: bool,
    /// Its amendments, oldest first.
    pub amendments: Vec<crate::api::amendments::AmendmentRow>,
    /// Its decision rounds, newest first.
    pub rounds: Vec<crate::api::rounds::RoundRow>,
    /// Whether the viewer may start a decision round on it (a facilitator, in discussion, no
    /// round scheduled or open).
    pub may_start_round: bool,
}

impl ProposalView {
    /// Whether the viewer may take `action` on it.
    pub fn may(&self, action: ProposalAction) -> bool {
        self.may.contains(&action)
    }
}

/// The edit page's data (`/o/:slug/p/:number/edit`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditProposalView {
    /// The organisation.
    pub org: OrgHeader,
    /// Its number.
    pub number: i32,
    /// Its state.
    pub state: ProposalState,
    /// The stored title.
    pub title: String,
    /// The stored summary.
    pub summary: String,
    /// The stored body.
    pub body: String,
    /// The stored due date.
    pub due_on: String,
    /// The stored version (what a new edit starts from).
    pub version: i32,
    /// After a refused stale edit: the newer text against the one the editor started from.
    pub conflict: Option<Conflict>,
}

/// What changed between the version an editor started from and the stored one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// The revision the editor started from, if it was one.
    pub started_from: Option<i32>,
    /// The stored revision.
    pub current: i32,
    /// The title's changes.
    pub title: Vec<Segment>,
    /// The summary's changes.
    pub summary: Vec<Segment>,
    /// The body's changes.
    pub body: Vec<Segment>,
}

/// One revision's page (`/o/:slug/p/:number/r/:revision`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionView {
    /// The organisation.
    pub org: OrgHeader,
    /// The proposal's number.
    pub number: i32,
    /// The revision.
    pub revision: RevisionRow,
    /// The latest revision's number.
    pub latest: i32,
    /// Its title.
    pub title: String,
    /// Its summary.
    pub summary: String,
    /// Its body, rendered.
    pub body_html: String,
}

/// Two revisions compared (`/o/:slug/p/:number/compare?from=&to=`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareView {
    /// The organisation.
    pub org: OrgHeader,
    /// The proposal's number.
    pub number: i32,
    /// The proposal's latest title.
    pub title: String,
    /// Every revision (for choosing).
    pub revisions: Vec<RevisionRow>,
    /// The older revision shown.
    pub from: i32,
    /// The newer revision shown.
    pub to: i32,
    /// The title's changes.
    pub title_diff: Vec<Segment>,
    /// The summary's changes.
    pub summary_diff: Vec<Segment>,
    /// The body's changes.
    pub body_diff: Vec<Segment>,
}

/// The new-proposal page, for someone who may draft in the organisation.
#[server(endpoint = "proposal_new_page")]
pub async fn new_proposal_page(slug: String) -> Result<NewProposalView, AppError> {
    crate::error::answer(
        async move {
            use crate::services::{groups, organisations};
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(
                &ctx,
                &slug,
                crate::domain::policy::Action::DraftProposal,
            )
            .await?;
            let mine = seen.membership.as_ref().map(|m| m.id);
            let groups = groups::list(&ctx, &seen)
                .await?
                .into_iter()
                .filter(|g| g.members.iter().any(|(id, _)| Some(*id) == mine))
                .map(|g| GroupChoice {
                    slug: g.group.slug,
                    name: g.group.name,
                })
                .collect();
            Ok(NewProposalView {
                org: OrgHeader::of(&seen.organisation),
                groups,
                allowed: Allowed::of(&seen),
            })
        }
        .await,
    )
}

/// A proposal's page, for someone who may read it.
#[server(endpoint = "proposal_page")]
pub async fn proposal_page(slug: String, number: i32) -> Result<ProposalView, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                domain::{proposal::check_co_author, roles::Membership},
                services::{members, proposals},
            };
            let ctx = crate::session::service_ctx()?;
            let (seen, loaded) = proposals::find(&ctx, &slug, number).await?;
            let revisions = proposals::revisions(&ctx, &loaded).await?;
            let zone = &seen.organisation.time_zone;
            let p = &loaded.proposal;
            let mut people: Vec<uuid::Uuid> = loaded.authors.clone();
            people.extend(revisions.iter().map(|r| r.author_id));
            people.extend(p.withdrawn_by);
            let names = proposals::names(&ctx.db, &people).await?;
            let name_of = |id: uuid::Uuid| proposals::name_in(&names, id);
            let group = match p.group_id {
                Some(id) => proposals::group_name(&ctx.db, id).await?.map(|g| g.name),
                None => None,
            };
            let co_author_candidates = if loaded.may(ProposalAction::AddCoAuthor) {
                let in_group: Vec<uuid::Uuid> = match p.group_id {
                    Some(id) => crate::services::groups::member_ids(&ctx.db, id).await?,
                    None => Vec::new(),
                };
                members::list(&ctx, &seen)
                    .await?
                    .into_iter()
                    .filter(|m| {
                        let in_scope = p.group_id.is_none() || in_group.contains(&m.membership_id);
                        check_co_author(
                            Membership::new(m.role, m.state),
                            in_scope,
                            loaded.authors.contains(&m.membership_id),
                        )
                        .is_ok()
                    })
                    .map(|m| Person {
                        membership_id: m.membership_id.to_string(),
                        name: m.display_name,
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let comments = crate::api::comments::thread_rows(&ctx, &seen, &loaded).await?;
            if let Some(me) = seen.membership.as_ref() {
                crate::services::comments::mark_read(&ctx.db, me.id, p.id, ctx.now).await?;
            }
            let amendments = crate::api::amendments::rows(&ctx, p.id, zone).await?;
            let mut rounds = Vec::new();
            for round in crate::services::rounds::of_proposal(&ctx.db, p.id).await? {
                rounds.push(crate::api::rounds::row_of(&ctx, &seen, &round, p).await?);
            }
            let may_start_round = seen.may(crate::domain::policy::Action::OpenRound)
                && p.state == ProposalState::Discussion
                && !loaded.round_active;
            Ok(ProposalView {
                rounds,
                may_start_round,
                comments,
                amendments,
                moderator: seen.may(crate::domain::policy::Action::HideComment),
                org: OrgHeader::of(&seen.organisation),
                number: p.number,
                state: p.state,
                title: p.title.clone(),
                summary: p.summary.clone(),
                body_html: crate::markdown::to_html(&p.body),
                group,
                authors: loaded
                    .authors
                    .iter()
                    .map(|id| Person {
                        membership_id: id.to_string(),
                        name: name_of(*id),
                    })
                    .collect(),
                due_on: p.due_on.map(|d| d.format("%Y-%m-%d").to_string()),
                revisions: revisions
                    .iter()
                    .rev()
                    .map(|r| RevisionRow {
                        number: r.number,
                        author: name_of(r.author_id),
                        at: super::local_time(r.created_at, zone),
                        note: r.note.clone(),
                        amendment: r.amendment,
                    })
                    .collect(),
                withdrawal: match (p.withdrawn_at, &p.withdrawal_reason) {
                    (Some(at), Some(reason)) => Some(Withdrawal {
                        by: p.withdrawn_by.map(name_of).unwrap_or_default(),
                        at: super::local_time(at, zone),
                        reason: reason.clone(),
                    }),
                    _ => None,
                },
                co_author_candidates,
                may: ProposalAction::ALL
                    .into_iter()
                    .filter(|a| loaded.may(*a))
                    .collect(),
            })
        }
        .await,
    )
}

/// The edit page, for one of the proposal's authors. `started_from` is the version a
/// refused edit started from (sent back with the form), to show what changed since.
#[server(endpoint = "proposal_edit_page")]
pub async fn edit_proposal_page(
    slug: String,
    number: i32,
    started_from: Option<i32>,
) -> Result<EditProposalView, AppError> {
    crate::error::answer(
        async move {
            use crate::{domain::diff::words, services::proposals};
            let ctx = crate::session::service_ctx()?;
            let (seen, loaded) = proposals::find(&ctx, &slug, number).await?;
            loaded.require(ProposalAction::Edit)?;
            let p = &loaded.proposal;
            let conflict = match started_from {
                Some(version) if version != p.version => {
                    let revisions = proposals::revisions(&ctx, &loaded).await?;
                    let base = revisions.iter().find(|r| r.version == version);
                    let (title, summary, body) = base
                        .map(|r| (r.title.as_str(), r.summary.as_str(), r.body.as_str()))
                        .unwrap_or(("", "", ""));
                    Some(Conflict {
                        started_from: base.map(|r| r.number),
                        current: p.revision,
                        title: words(title, &p.title),
                        summary: words(summary, &p.summary),
                        body: words(body, &p.body),
                    })
                }
                _ => None,
            };
            Ok(EditProposalView {
                org: OrgHeader::of(&seen.organisation),
                number: p.number,
                state: p.state,
                title: p.title.clone(),
                summary: p.summary.clone(),
                body: p.body.clone(),
                due_on: p
                    .due_on
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .unwrap_or_default(),
                version: p.version,
                conflict,
            })
        }
        .await,
    )
}

/// One revision of a proposal, at its own address.
#[server(endpoint = "proposal_revision_page")]
pub async fn revision_page(
    slug: String,
    number: i32,
    revision: i32,
) -> Result<RevisionView, AppError> {
    crate::error::answer(
        async move {
            use crate::services::{ServiceError, proposals};
            let ctx = crate::session::service_ctx()?;
            let (seen, loaded) = proposals::find(&ctx, &slug, number).await?;
            let revisions = proposals::revisions(&ctx, &loaded).await?;
            let r = revisions
                .iter()
                .find(|r| r.number == revision)
                .ok_or(ServiceError::NotFound)?;
            let names = proposals::names(&ctx.db, &[r.author_id]).await?;
            Ok(RevisionView {
                org: OrgHeader::of(&seen.organisation),
                number,
                revision: RevisionRow {
                    number: r.number,
                    author: names.first().map(|(_, n)| n.clone()).unwrap_or_default(),
                    at: super::local_time(r.created_at, &seen.organisation.time_zone),
                    note: r.note.clone(),
                    amendment: r.amendment,
                },
                latest: loaded.proposal.revision,
                title: r.title.clone(),
                summary: r.summary.clone(),
                body_html: crate::markdown::to_html(&r.body),
            })
        }
        .await,
    )
}

/// Two revisions of a proposal compared word by word. Missing or unknown numbers compare
/// the latest revision with the one before it.
#[server(endpoint = "proposal_compare_page")]
pub async fn compare_page(
    slug: String,
    number: i32,
    from: Option<i32>,
    to: Option<i32>,
) -> Result<CompareView, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                domain::diff::words,
                services::{ServiceError, proposals},
            };
            let ctx = crate::session::service_ctx()?;
            let (seen, loaded) = proposals::find(&ctx, &slug, number).await?;
            let revisions = proposals::revisions(&ctx, &loaded).await?;
            let latest = revisions.last().ok_or(ServiceError::NotFound)?;
            let find = |n: Option<i32>| n.and_then(|n| revisions.iter().find(|r| r.number == n));
            let newer = find(to).unwrap_or(latest);
            let older = find(from)
                .or_else(|| revisions.iter().rev().find(|r| r.number < newer.number))
                .unwrap_or(newer);
            let mut people: Vec<uuid::Uuid> = revisions.iter().map(|r| r.author_id).collect();
            people.dedup();
            let names = proposals::names(&ctx.db, &people).await?;
            let zone = &seen.organisation.time_zone;
            Ok(CompareView {
                org: OrgHeader::of(&seen.organisation),
                number,
                title: loaded.proposal.title.clone(),
                revisions: revisions
                    .iter()
                    .map(|r| RevisionRow {
                        number: r.number,
                        author: names
                            .iter()
                            .find(|(m, _)| *m == r.author_id)
                            .map(|(_, n)| n.clone())
                            .unwrap_or_default(),
                        at: super::local_time(r.created_at, zone),
                        note: r.note.clone(),
                        amendment: r.amendment,
                    })
                    .collect(),
                from: older.number,
                to: newer.number,
                title_diff: words(&older.title, &newer.title),
                summary_diff: words(&older.summary, &newer.summary),
                body_diff: words(&older.body, &newer.body),
            })
        }
        .await,
    )
}
