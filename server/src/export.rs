//! `quorate export --org SLUG` and `quorate verify FILE` (decision-rules.md §8, §14): one
//! organisation as a JSON document (`app::domain::export`, schema in docs/formats.md), and its
//! independent check, which needs no database.

use anyhow::Context;
use app::{
    domain::{export as doc, round::RoundState, text::escape_controls},
    entities::{
        account, amendment, ballot, comment, group, group_member, meeting, membership, proposal,
        proposal_author, proposal_revision, round, round_electorate, secret_ballot, voter_roll,
    },
    services::{ServiceError, audit, meetings, rounds},
};
use chrono::{DateTime, SubsecRound, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use std::{collections::HashMap, io::Read, path::Path, process::ExitCode};
use uuid::Uuid;

fn service(e: ServiceError) -> anyhow::Error {
    anyhow::Error::new(e)
}

/// Timestamps to the microsecond, what both engines keep.
fn t(at: DateTime<Utc>) -> DateTime<Utc> {
    at.trunc_subsecs(6)
}

fn ot(at: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    at.map(t)
}

/// Builds the export of organisation `slug`.
pub async fn build(db: &DatabaseConnection, slug: &str) -> anyhow::Result<doc::Export> {
    let org = crate::audit_cli::organisation_at(db, slug).await?;
    let instance = crate::instance::ensure_identity(db).await?;
    let memberships = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org.id))
        .order_by_asc(membership::Column::CreatedAt)
        .order_by_asc(membership::Column::Id)
        .all(db)
        .await?;
    let accounts = account::Entity::find()
        .filter(account::Column::Id.is_in(memberships.iter().map(|m| m.account_id)))
        .order_by_asc(account::Column::Id)
        .all(db)
        .await?;
    let names: HashMap<Uuid, String> = accounts
        .iter()
        .map(|a| (a.id, a.display_name.clone()))
        .collect();
    let members = memberships
        .into_iter()
        .map(|m| doc::Member {
            id: m.id,
            account: m.account_id,
            name: names.get(&m.account_id).cloned().unwrap_or_default(),
            role: m.role,
            state: m.state,
            created_at: t(m.created_at),
            updated_at: t(m.updated_at),
        })
        .collect();
    let accounts = accounts
        .into_iter()
        .map(|a| doc::Account {
            id: a.id,
            email: a.email,
            display_name: a.display_name,
            language: a.language,
            created_at: t(a.created_at),
            email_verified_at: ot(a.email_verified_at),
        })
        .collect();
    let mut groups = Vec::new();
    for g in group::Entity::find()
        .filter(group::Column::OrganisationId.eq(org.id))
        .order_by_asc(group::Column::Slug)
        .all(db)
        .await?
    {
        let members = group_member::Entity::find()
            .filter(group_member::Column::GroupId.eq(g.id))
            .order_by_asc(group_member::Column::MembershipId)
            .all(db)
            .await?
            .into_iter()
            .map(|m| (m.membership_id, t(m.added_at)))
            .collect();
        groups.push(doc::Group {
            id: g.id,
            slug: g.slug,
            name: g.name,
            description: g.description,
            created_at: t(g.created_at),
            members,
        });
    }
    let proposal_rows = proposal::Entity::find()
        .filter(proposal::Column::OrganisationId.eq(org.id))
        .order_by_asc(proposal::Column::Number)
        .all(db)
        .await?;
    let numbers: HashMap<Uuid, i32> = proposal_rows.iter().map(|p| (p.id, p.number)).collect();
    let mut proposals = Vec::new();
    for p in proposal_rows {
        proposals.push(export_proposal(db, p).await?);
    }
    let mut exported_rounds = Vec::new();
    for r in round::Entity::find()
        .filter(round::Column::OrganisationId.eq(org.id))
        .order_by_asc(round::Column::CreatedAt)
        .order_by_asc(round::Column::Id)
        .all(db)
        .await?
    {
        exported_rounds.push(export_round(db, &r, &numbers).await?);
    }
    let meetings = export_meetings(db, org.id, &numbers).await?;
    let audit = audit::entries(db, org.id)
        .await
        .map_err(service)?
        .into_iter()
        .map(|e| {
            Ok(doc::Entry {
                seq: u64::try_from(e.seq).unwrap_or(0),
                at: e.at,
                actor: e.actor,
                kind: e.kind,
                data: serde_json::from_str(&e.data).with_context(|| {
                    format!("audit entry {} holds data that is not JSON", e.seq)
                })?,
                hash: e.hash,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(doc::Export {
        format: doc::FORMAT.to_owned(),
        version: doc::VERSION,
        exported_at: Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        instance,
        organisation: doc::Organisation {
            id: org.id,
            slug: org.slug,
            name: org.name,
            time_zone: org.time_zone,
            default_language: org.default_language,
            description: org.description,
            created_at: t(org.created_at),
            paper: org.paper,
            quorum_from_attendance: org.quorum_from_attendance,
        },
        accounts,
        members,
        groups,
        proposals,
        rounds: exported_rounds,
        meetings,
        audit,
    })
}

async fn export_proposal(
    db: &DatabaseConnection,
    p: proposal::Model,
) -> anyhow::Result<doc::Proposal> {
    let authors = proposal_author::Entity::find()
        .filter(proposal_author::Column::ProposalId.eq(p.id))
        .order_by_asc(proposal_author::Column::MembershipId)
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.membership_id, t(a.added_at)))
        .collect();
    let revisions = proposal_revision::Entity::find()
        .filter(proposal_revision::Column::ProposalId.eq(p.id))
        .order_by_asc(proposal_revision::Column::Number)
        .all(db)
        .await?
        .into_iter()
        .map(|r| doc::Revision {
            id: r.id,
            number: r.number,
            version: r.version,
            title: r.title,
            summary: r.summary,
            body: r.body,
            author: r.author_id,
            note: r.note,
            digest: r.digest,
            created_at: t(r.created_at),
            amendment: r.amendment,
        })
        .collect();
    let amendments = amendment::Entity::find()
        .filter(amendment::Column::ProposalId.eq(p.id))
        .order_by_asc(amendment::Column::Number)
        .all(db)
        .await?
        .into_iter()
        .map(|a| doc::Amendment {
            id: a.id,
            number: a.number,
            amender: a.amender_id,
            base_revision: a.base_revision,
            title: a.title,
            summary: a.summary,
            body: a.body,
            reason: a.reason,
            state: a.state,
            created_at: t(a.created_at),
            decided_by: a.decided_by,
            decided_at: ot(a.decided_at),
            decline_reason: a.decline_reason,
            revision: a.revision,
        })
        .collect();
    let comments = comment::Entity::find()
        .filter(comment::Column::ProposalId.eq(p.id))
        .order_by_asc(comment::Column::CreatedAt)
        .order_by_asc(comment::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|c| doc::Comment {
            id: c.id,
            parent: c.parent_id,
            depth: c.depth,
            author: c.author_id,
            body: c.body,
            created_at: t(c.created_at),
            edited_at: ot(c.edited_at),
            deleted_at: ot(c.deleted_at),
            hidden_at: ot(c.hidden_at),
            hidden_by: c.hidden_by,
            hidden_reason: c.hidden_reason,
        })
        .collect();
    Ok(doc::Proposal {
        id: p.id,
        number: p.number,
        group: p.group_id,
        state: p.state,
        title: p.title,
        summary: p.summary,
        body: p.body,
        due_on: p.due_on,
        version: p.version,
        revision: p.revision,
        created_by: p.created_by,
        created_at: t(p.created_at),
        active_at: t(p.active_at),
        published_at: ot(p.published_at),
        withdrawn_at: ot(p.withdrawn_at),
        withdrawn_by: p.withdrawn_by,
        withdrawal_reason: p.withdrawal_reason,
        authors,
        revisions,
        amendments,
        comments,
    })
}

async fn export_round(
    db: &DatabaseConnection,
    r: &round::Model,
    numbers: &HashMap<Uuid, i32>,
) -> anyhow::Result<doc::Round> {
    let closed = r.state == RoundState::Closed;
    // Ballots only once closed: an open round's ballots are nobody's to see yet.
    let ballots = if !closed {
        Vec::new()
    } else if r.secret {
        secret_ballot::Entity::find()
            .filter(secret_ballot::Column::RoundId.eq(r.id))
            .order_by_asc(secret_ballot::Column::Receipt)
            .all(db)
            .await?
            .into_iter()
            .map(|b| {
                Ok(doc::Ballot {
                    id: b.id,
                    member: None,
                    receipt: Some(b.receipt),
                    marks: serde_json::from_str(&b.marks).context("a stored ballot")?,
                    version: None,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?
    } else {
        ballot::Entity::find()
            .filter(ballot::Column::RoundId.eq(r.id))
            .order_by_asc(ballot::Column::MembershipId)
            .all(db)
            .await?
            .into_iter()
            .map(|b| {
                Ok(doc::Ballot {
                    id: b.id,
                    member: Some(b.membership_id.to_string()),
                    receipt: None,
                    marks: serde_json::from_str(&b.marks).context("a stored ballot")?,
                    version: Some((b.version, t(b.cast_at))),
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?
    };
    let voted = if r.secret {
        voter_roll::Entity::find()
            .filter(voter_roll::Column::RoundId.eq(r.id))
            .order_by_asc(voter_roll::Column::MembershipId)
            .all(db)
            .await?
            .into_iter()
            .map(|v| v.membership_id)
            .collect()
    } else {
        Vec::new()
    };
    let electorate_members = round_electorate::Entity::find()
        .filter(round_electorate::Column::RoundId.eq(r.id))
        .order_by_asc(round_electorate::Column::MembershipId)
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.membership_id)
        .collect();
    let result = match (&r.report, &r.digest, &r.seed, &r.outcome) {
        (Some(report), Some(digest), Some(seed), Some(outcome)) => Some(doc::StoredResult {
            report: report.clone(),
            text: r.report_text.clone().unwrap_or_default(),
            digest: digest.clone(),
            seed: seed.clone(),
            outcome: outcome.clone(),
        }),
        _ => None,
    };
    Ok(doc::Round {
        id: r.id.to_string(),
        proposal: numbers.get(&r.proposal_id).copied().unwrap_or_default(),
        number: r.number,
        revision: r.revision,
        state: r.state,
        method: rounds::method_of(r).map_err(service)?,
        quorum: rounds::quorum_of(r).map_err(service)?,
        tie_policy: rounds::tie_policy(&r.tie_policy),
        secret: r.secret,
        running_results: r.running_results,
        reminder_hours: u32::try_from(r.reminder_hours).unwrap_or(0),
        on_amendments: r.on_amendments,
        opens_at: t(r.opens_at),
        closes_at: t(r.closes_at),
        created_by: r.created_by,
        created_at: t(r.created_at),
        opened_at: ot(r.opened_at),
        electorate: r.electorate_size.and_then(|n| u64::try_from(n).ok()),
        electorate_hash: r.electorate_hash.clone(),
        electorate_members,
        closed_at: ot(r.closed_at),
        closed_by: r.closed_by,
        close_reason: r.close_reason.clone(),
        cancelled_at: ot(r.cancelled_at),
        cancelled_by: r.cancelled_by,
        cancel_reason: r.cancel_reason.clone(),
        statement: r.statement.clone(),
        options: rounds::options(db, r.id)
            .await
            .map_err(service)?
            .into_iter()
            .map(|o| doc::RoundOption {
                id: o.id.to_string(),
                name: o.name,
                amendment: o.amendment,
            })
            .collect(),
        voted,
        ballots,
        result,
        agenda_item: r.agenda_item_id,
        quorum_base: r.quorum_base.and_then(|n| u64::try_from(n).ok()),
    })
}

/// The organisation's meetings, each with its attendance, agenda, action points and
/// approved versions.
async fn export_meetings(
    db: &DatabaseConnection,
    organisation: Uuid,
    numbers: &HashMap<Uuid, i32>,
) -> anyhow::Result<Vec<doc::Meeting>> {
    let mut out = Vec::new();
    for m in meeting::Entity::find()
        .filter(meeting::Column::OrganisationId.eq(organisation))
        .order_by_asc(meeting::Column::Number)
        .all(db)
        .await?
    {
        let (attendance, items) = meetings::contents(db, &m).await.map_err(service)?;
        let actions = meetings::actions_of(db, &items).await.map_err(service)?;
        let versions = meetings::versions(db, &m).await.map_err(service)?;
        out.push(doc::Meeting {
            id: m.id,
            number: m.number,
            title: m.title,
            starts_at: t(m.starts_at),
            place: m.place,
            link: m.link,
            facilitator: m.facilitator_id,
            minute_taker: m.minute_taker_id,
            guests: m.guests,
            state: m.state,
            version: m.version,
            created_by: m.created_by,
            created_at: t(m.created_at),
            held_at: ot(m.held_at),
            approved_at: ot(m.approved_at),
            approved_by: m.approved_by,
            correction_reason: m.correction_reason,
            attendance: attendance
                .into_iter()
                .map(|a| (a.membership_id, a.status))
                .collect(),
            items: items
                .into_iter()
                .map(|i| doc::AgendaItem {
                    id: i.id,
                    position: i.position,
                    title: i.title,
                    proposal: i.proposal_id.and_then(|p| numbers.get(&p).copied()),
                    notes: i.notes,
                    actions: actions
                        .iter()
                        .filter(|a| a.agenda_item_id == i.id)
                        .map(|a| doc::ActionPoint {
                            id: a.id,
                            position: a.position,
                            text: a.text.clone(),
                            owner: a.owner_id,
                            due: a.due,
                            done_at: ot(a.done_at),
                        })
                        .collect(),
                })
                .collect(),
            versions: versions
                .into_iter()
                .map(|v| doc::MeetingVersion {
                    version: v.version,
                    approved_at: t(v.approved_at),
                    approved_by: v.approved_by,
                    reason: v.reason,
                    digest: v.digest,
                    record: v.record,
                })
                .collect(),
        });
    }
    Ok(out)
}

/// `quorate export`: the document on standard output.
pub async fn export(db: &DatabaseConnection, slug: &str) -> anyhow::Result<()> {
    let document = build(db, slug).await?;
    let text = serde_json::to_string_pretty(&document).context("cannot write the export")?;
    println!("{text}");
    Ok(())
}

/// `quorate verify FILE` (`-`: standard input): prints the verdict; exit status 1 when
/// anything disagrees or the file cannot be read as an export.
pub fn verify(file: &Path) -> anyhow::Result<ExitCode> {
    let mut text = String::new();
    if file == Path::new("-") {
        std::io::stdin()
            .read_to_string(&mut text)
            .context("cannot read standard input")?;
    } else {
        text = std::fs::read_to_string(file)
            .with_context(|| format!("cannot read {}", file.display()))?;
    }
    let document = doc::read(&text).map_err(anyhow::Error::msg)?;
    let verdict = doc::verify(&document);
    for problem in &verdict.problems {
        println!("{}", escape_controls(problem));
    }
    match (&verdict.head, verdict.problems.is_empty()) {
        (Some(head), true) => {
            println!(
                "The audit chain holds: {} entries, head {head}. {} rounds recounted, all equal.",
                verdict.entries, verdict.recounted
            );
            Ok(ExitCode::SUCCESS)
        }
        _ => {
            println!(
                "NOT verified: {} problem(s) found in {} rounds recounted and {} audit entries.",
                verdict.problems.len(),
                verdict.recounted,
                verdict.entries
            );
            Ok(ExitCode::FAILURE)
        }
    }
}

/// `GET /o/{slug}/export.json`: the export, for the organisation's admins (spec §14).
pub async fn download(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    session: Option<axum::Extension<app::session::RequestSession>>,
    axum::extract::Path(slug): axum::extract::Path<String>,
) -> axum::response::Response {
    use axum::{
        http::{StatusCode, header},
        response::IntoResponse,
    };
    let ctx = app::services::Ctx {
        db: state.db.clone(),
        account: session.and_then(|axum::Extension(s)| s.account),
        now: chrono::Utc::now(),
        mail: false,
        batches: state.batches.clone(),
    };
    let allowed = app::services::organisations::authorised(
        &ctx,
        &slug,
        app::domain::policy::Action::ExportOrganisation,
    )
    .await;
    match allowed {
        Ok(_) => {}
        Err(ServiceError::Forbidden(_)) => return StatusCode::FORBIDDEN.into_response(),
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    }
    let document = match build(&state.db, &slug).await {
        Ok(document) => document,
        Err(error) => {
            tracing::error!(error = format!("{error:#}"), "an export failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match serde_json::to_string_pretty(&document) {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "application/json".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{slug}.json\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            body,
        )
            .into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
