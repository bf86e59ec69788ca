//! A closed round's files at stable addresses (decision-rules.md §10): the report as text
//! and JSON, the RCTab/RCVis summary (ranked methods), the ballots as Quorate's JSON (secret
//! ballots with their receipt codes, open ones with their voters' names) and, for ranked
//! methods, as BLT. Counting a downloaded ballot file with `quorate count` gives the stored
//! result.

use super::{Ctx, ServiceError, ServiceResult, ballots::BallotOwner, closing, proposals, rounds};
use crate::{
    domain::{policy::Action, round::RoundState},
    entities::round as row,
};
use tally::{
    RctabMeta,
    ballot::group_ballots,
    config::Method,
    formats::{self, BallotFile},
};
use uuid::Uuid;

/// The files a closed round offers, by name.
pub const FILES: [&str; 5] = [
    "report.txt",
    "report.json",
    "summary.rctab.json",
    "ballots.json",
    "ballots.blt",
];

/// Whether a method's ballots are rankings (BLT and the RCTab summary exist for them).
pub fn ranked(method: &Method) -> bool {
    matches!(
        method,
        Method::Irv { .. } | Method::StvScottish { .. } | Method::StvMeek { .. }
    )
}

/// File `name` of closed round `id`: its media type and contents.
pub async fn download(
    ctx: &Ctx,
    slug: &str,
    id: Uuid,
    name: &str,
) -> ServiceResult<(&'static str, String)> {
    let seen = super::organisations::authorised(ctx, slug, Action::ViewOrganisation).await?;
    let round = rounds::one(&ctx.db, &seen, id).await?;
    if round.state != RoundState::Closed {
        return Err(ServiceError::NotFound);
    }
    let method = rounds::method_of(&round)?;
    let internal = |e: &dyn std::fmt::Display| ServiceError::Internal(anyhow::anyhow!("{e}"));
    Ok(match name {
        "report.txt" => (
            "text/plain; charset=utf-8",
            round.report_text.unwrap_or_default(),
        ),
        "report.json" => ("application/json", round.report.unwrap_or_default()),
        "summary.rctab.json" if ranked(&method) => {
            let report = recount(ctx, &round).await?;
            let meta = RctabMeta {
                contest: report.title.clone(),
                date: round.closed_at.map(|t| {
                    t.with_timezone(&rounds::zone_of(&seen))
                        .format("%Y-%m-%d")
                        .to_string()
                }),
                generated_by: format!("Quorate {}", env!("CARGO_PKG_VERSION")),
                jurisdiction: Some(seen.organisation.name.clone()),
                office: Some(String::new()),
                excluded_are_candidates: false,
            };
            let text = report.to_rctab_text(&meta).map_err(|e| internal(&e))?;
            ("application/json", text)
        }
        "ballots.json" => {
            let (file, ids) = ballot_file(ctx, &round).await?;
            let mut out = Vec::new();
            formats::json::write_with_ids(&file, &ids, &mut out).map_err(|e| internal(&e))?;
            (
                "application/json",
                String::from_utf8_lossy(&out).into_owned(),
            )
        }
        "ballots.blt" if ranked(&method) => {
            let (mut file, _) = ballot_file(ctx, &round).await?;
            file.contest.ballots = group_ballots(std::mem::take(&mut file.contest.ballots));
            let mut out = Vec::new();
            formats::write_blt(&file, &mut out).map_err(|e| internal(&e))?;
            (
                "text/plain; charset=utf-8",
                String::from_utf8_lossy(&out).into_owned(),
            )
        }
        _ => return Err(ServiceError::NotFound),
    })
}

/// The round's ballots as a file with its configuration, and each ballot's label.
async fn ballot_file(ctx: &Ctx, round: &row::Model) -> ServiceResult<(BallotFile, Vec<String>)> {
    let prepared = closing::prepare(&ctx.db, round, round.seed.as_deref().unwrap_or("")).await?;
    let members: Vec<Uuid> = prepared
        .owners
        .iter()
        .filter_map(|o| match o {
            BallotOwner::Member(id) => Some(*id),
            BallotOwner::Receipt(_) => None,
        })
        .collect();
    let names = proposals::names(&ctx.db, &members).await?;
    let ids = prepared
        .owners
        .iter()
        .map(|o| match o {
            BallotOwner::Member(id) => proposals::name_in(&names, *id),
            BallotOwner::Receipt(code) => code.clone(),
        })
        .collect();
    let file = BallotFile {
        method: Some(prepared.config.method.clone()),
        tie_policy: Some(prepared.config.tie_policy),
        quorum: Some(prepared.config.quorum),
        electorate: prepared.config.electorate,
        ..BallotFile::from_contest(prepared.contest)
    };
    Ok((file, ids))
}

/// A closed round's stored report as JSON, checked against its stored digest.
pub fn stored_report(round: &row::Model) -> ServiceResult<serde_json::Value> {
    let text = round.report.as_deref().unwrap_or_default();
    if Some(crate::domain::digest::sha256_hex(&[text.as_bytes()])) != round.digest {
        return Err(ServiceError::Internal(anyhow::anyhow!(
            "round {}: the stored report does not match its digest",
            round.id
        )));
    }
    serde_json::from_str(text).map_err(|e| ServiceError::Internal(anyhow::anyhow!("report: {e}")))
}

/// The round counted again from its stored ballots and seed; refused if it does not give the
/// stored report (it always should: the count is deterministic).
pub async fn recount(ctx: &Ctx, round: &row::Model) -> ServiceResult<tally::Report> {
    let (report, _) = closing::count(&ctx.db, round, round.seed.as_deref().unwrap_or("")).await?;
    let json = report
        .to_json()
        .map_err(|e| ServiceError::Internal(anyhow::anyhow!("report: {e}")))?;
    if Some(crate::domain::digest::sha256_hex(&[json.as_bytes()])) != round.digest {
        return Err(ServiceError::Internal(anyhow::anyhow!(
            "round {}: counting the stored ballots again gives another report",
            round.id
        )));
    }
    Ok(report)
}
