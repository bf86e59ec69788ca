//! `quorate export --org SLUG` and `quorate verify FILE` (decision-rules.md §8, §14): one
//! organisation as a JSON document (`app::domain::export`, schema in docs/formats.md), and its
//! independent check, which needs no database.

use anyhow::Context;
use app::{
    domain::{export as doc, text::escape_controls},
    entities::{account, membership, organisation, proposal, round},
    services::{ServiceError, audit, ballots, rounds},
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use std::{collections::HashMap, io::Read, path::Path, process::ExitCode};

fn service(e: ServiceError) -> anyhow::Error {
    anyhow::Error::new(e)
}

/// Builds the export of organisation `slug`.
pub async fn build(db: &DatabaseConnection, slug: &str) -> anyhow::Result<doc::Export> {
    let org = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq(slug))
        .one(db)
        .await?
        .with_context(|| {
            format!(
                "there is no organisation with the address {:?}",
                escape_controls(slug)
            )
        })?;
    let instance = crate::instance::ensure_identity(db).await?;
    let memberships = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org.id))
        .order_by_asc(membership::Column::CreatedAt)
        .order_by_asc(membership::Column::Id)
        .all(db)
        .await?;
    let names: HashMap<uuid::Uuid, String> = account::Entity::find()
        .filter(account::Column::Id.is_in(memberships.iter().map(|m| m.account_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.display_name))
        .collect();
    let members = memberships
        .into_iter()
        .map(|m| doc::Member {
            id: m.id.to_string(),
            name: names.get(&m.account_id).cloned().unwrap_or_default(),
            role: m.role.code().to_owned(),
            state: m.state.code().to_owned(),
        })
        .collect();
    let proposals_rows = proposal::Entity::find()
        .filter(proposal::Column::OrganisationId.eq(org.id))
        .order_by_asc(proposal::Column::Number)
        .all(db)
        .await?;
    let numbers: HashMap<uuid::Uuid, i32> =
        proposals_rows.iter().map(|p| (p.id, p.number)).collect();
    let proposals = proposals_rows
        .iter()
        .map(|p| doc::Proposal {
            id: p.id.to_string(),
            number: p.number,
            title: p.title.clone(),
            state: p.state.code().to_owned(),
            revision: p.revision,
        })
        .collect();
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
        exported_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        instance,
        organisation: doc::Organisation {
            id: org.id.to_string(),
            slug: org.slug,
            name: org.name,
            time_zone: org.time_zone,
        },
        members,
        proposals,
        rounds: exported_rounds,
        audit,
    })
}

async fn export_round(
    db: &DatabaseConnection,
    r: &round::Model,
    numbers: &HashMap<uuid::Uuid, i32>,
) -> anyhow::Result<doc::Round> {
    let closed = r.state == app::domain::round::RoundState::Closed;
    // Ballots only once closed: an open round's ballots are nobody's to see yet.
    let ballots = if closed {
        ballots::all(db, r)
            .await
            .map_err(service)?
            .into_iter()
            .map(|(owner, marks)| match owner {
                ballots::BallotOwner::Member(id) => doc::Ballot {
                    member: Some(id.to_string()),
                    receipt: None,
                    marks,
                },
                ballots::BallotOwner::Receipt(code) => doc::Ballot {
                    member: None,
                    receipt: Some(code),
                    marks,
                },
            })
            .collect()
    } else {
        Vec::new()
    };
    let result = match (&r.report, &r.digest, &r.seed, &r.outcome) {
        (Some(report), Some(digest), Some(seed), Some(outcome)) => Some(doc::StoredResult {
            report: report.clone(),
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
        state: r.state.code().to_owned(),
        method: rounds::method_of(r).map_err(service)?,
        quorum: rounds::quorum_of(r).map_err(service)?,
        tie_policy: rounds::tie_policy(&r.tie_policy),
        secret: r.secret,
        electorate: r.electorate_size.and_then(|n| u64::try_from(n).ok()),
        options: rounds::options(db, r.id)
            .await
            .map_err(service)?
            .into_iter()
            .map(|o| doc::RoundOption {
                id: o.id.to_string(),
                name: o.name,
            })
            .collect(),
        ballots,
        result,
    })
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
