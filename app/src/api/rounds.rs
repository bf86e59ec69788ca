//! Page data about decision rounds: the form creating one, one round (its rule, its
//! participation, the viewer's ballot, and once closed its result and ballots), and the
//! rounds listed on a proposal and on the organisation's page.

use crate::{
    api::organisations::OrgHeader,
    domain::round::{RoundState, Sentence},
    error::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A round in a list (on its proposal, on the organisation's page).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundRow {
    /// Its id (its address).
    pub id: String,
    /// Its number within the proposal.
    pub number: i32,
    /// The proposal's number.
    pub proposal: i32,
    /// The proposal's title.
    pub title: String,
    /// Its state.
    pub state: RoundState,
    /// The method's code (`majority`, `irv`, …).
    pub method: String,
    /// When it closes (or closed), in the organisation's zone.
    pub closes: String,
    /// "3 h 12 min" until it closes, while open.
    pub closes_in: Option<(i64, i64, i64)>,
    /// Whether the viewer has voted (none: the viewer cannot vote in it).
    pub voted: Option<bool>,
    /// The outcome's code once closed.
    pub outcome: Option<String>,
}

/// The form creating a round (`/o/:slug/p/:number/rounds/new`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewRoundView {
    /// The organisation.
    pub org: OrgHeader,
    /// The proposal's number.
    pub number: i32,
    /// Its title.
    pub title: String,
    /// Its latest revision (the one a round decides).
    pub revision: i32,
    /// How many open amendments it has.
    pub open_amendments: usize,
    /// The organisation's time zone.
    pub zone: String,
    /// How many members may vote now, and in what scope.
    pub voters: u64,
    /// The scope's name (organisation or group).
    pub scope: String,
    /// A closing time to start from: a week from now, in the zone (`YYYY-MM-DDTHH:MM`).
    pub default_closes: String,
    /// The rule of the form as sent back (when it was refused), in plain sentences.
    pub statement: Vec<Sentence>,
}

/// One option on a ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionView {
    /// Its position (0-based; the form's field suffix).
    pub position: usize,
    /// Its name.
    pub name: String,
}

/// A ballot as published: whose it is (a voter's name, or a receipt code) and what it says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedBallot {
    /// The voter's name (open rounds) or the receipt code (secret rounds).
    pub label: String,
    /// The ballot in words.
    pub marks: String,
}

/// One member on the voter roll, for facilitators while the round is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollEntry {
    /// Their name.
    pub name: String,
    /// Whether they have voted.
    pub voted: bool,
}

/// A round's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultView {
    /// `no-quorum`, `adopted`, `not-adopted` or `elected`.
    pub outcome: String,
    /// The winners' names (elected outcomes).
    pub winners: Vec<String>,
    /// The outcome in one sentence, with its figures (a translation key and arguments).
    pub sentence: Sentence,
    /// The round-by-round report as text (tally's).
    pub report: String,
    /// Per-option totals at each stage for IRV and STV (stage tables), or final totals.
    pub table: Option<StageTable>,
    /// The rest of the count, per method (stages, matrices, credits, reasons, ties).
    pub details: crate::api::round_details::ResultDetails,
    /// The report's SHA-256.
    pub digest: String,
    /// The lot seed (audit head at close).
    pub seed: String,
    /// Whether these are running results (the round is still open).
    pub running: bool,
}

/// Totals per option per stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageTable {
    /// Column headings: the stages.
    pub stages: Vec<String>,
    /// One row per option: its name and its total at each stage (empty once out).
    pub rows: Vec<(String, Vec<String>)>,
}

/// One round's page (`/o/:slug/rounds/:round`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundView {
    /// The organisation.
    pub org: OrgHeader,
    /// The round (its list row: id, number, proposal, state, method, closing).
    pub round: RoundRow,
    /// The revision it decides.
    pub revision: i32,
    /// The method in words (tally's description).
    pub method_words: String,
    /// The method and its parameters (the ballot form's checks run them).
    pub method: tally::config::Method,
    /// The rule in plain sentences.
    pub statement: Vec<Sentence>,
    /// The options in ballot order.
    pub options: Vec<OptionView>,
    /// The method's parameters the ballot form needs: points or credits (dot, quadratic),
    /// winners (approval), whether votes against are allowed (quadratic).
    pub budget: Option<u32>,
    /// Whether negative quadratic votes are allowed.
    pub allow_negative: bool,
    /// Secret ballot.
    pub secret: bool,
    /// Running results shown.
    pub running_results: bool,
    /// When it opens or opened, in the organisation's zone.
    pub opens: String,
    /// The electorate's size (once open).
    pub electorate: Option<u64>,
    /// Ballots cast so far.
    pub voted: u64,
    /// Ballots the quorum needs (0: no quorum).
    pub needed: u64,
    /// Whether the viewer may vote now (open, in the electorate, active).
    pub may_vote: bool,
    /// Whether the viewer has voted.
    pub has_voted: bool,
    /// The viewer's current open ballot as form fields (to change it).
    pub my_ballot: BTreeMap<String, String>,
    /// Whether the viewer is a facilitator (extend, close, cancel, write the outcome).
    pub facilitator: bool,
    /// The voter roll (facilitators, while open).
    pub roll: Vec<RollEntry>,
    /// The result (closed, or running results when shown).
    pub result: Option<ResultView>,
    /// The ballots as published (after close; open rounds with running results at once).
    pub ballots: Vec<PublishedBallot>,
    /// Why it was cancelled, or closed early.
    pub reason: Option<String>,
    /// The facilitator's outcome statement, rendered from Markdown.
    pub statement_html: Option<String>,
    /// The statement as written (for the form).
    pub statement_text: String,
    /// The files that can be downloaded.
    pub files: Vec<String>,
    /// A receipt code looked up, and the ballot found for it.
    pub lookup: Option<(String, Option<String>)>,
}

#[cfg(feature = "ssr")]
pub use build::{result_of, round_view, round_view_with};

#[cfg(feature = "ssr")]
mod build {
    use super::*;
    use crate::api::round_details::figure;
    use crate::{
        api::local_time,
        domain::{
            ballot as ballot_rules,
            policy::Action,
            round::{self, Voters},
        },
        entities::{proposal, round as row},
        services::{
            Ctx, ServiceResult,
            ballots::{self, BallotOwner},
            organisations::Seen,
            proposals, round_files, rounds,
        },
    };
    use chrono::{DateTime, Utc};
    use sea_orm::EntityTrait;
    use tally::config::Method;

    /// The method's code as the form names it.
    pub fn method_code(method: &Method) -> &'static str {
        tally::formats::flags::MethodName::of(method).name()
    }

    /// Hours and minutes until `at`, with days split off.
    pub fn closes_in(now: DateTime<Utc>, at: DateTime<Utc>) -> Option<(i64, i64, i64)> {
        let minutes = (at - now).num_minutes().max(0);
        Some((minutes / (24 * 60), (minutes / 60) % 24, minutes % 60))
    }

    /// A round as a list row, for `me` (their membership, if any).
    pub async fn row_of(
        ctx: &Ctx,
        seen: &Seen,
        round: &row::Model,
        proposal: &proposal::Model,
    ) -> ServiceResult<RoundRow> {
        let zone = &seen.organisation.time_zone;
        let me = seen.membership.as_ref().map(|m| m.id);
        let voted = match me {
            Some(me)
                if round.state != RoundState::Scheduled
                    && rounds::in_electorate(&ctx.db, round.id, me).await? =>
            {
                Some(ballots::voted(&ctx.db, round).await?.contains(&me))
            }
            _ => None,
        };
        Ok(RoundRow {
            id: round.id.to_string(),
            number: round.number,
            proposal: proposal.number,
            title: proposal.title.clone(),
            state: round.state,
            method: method_code(&rounds::method_of(round)?).to_owned(),
            closes: local_time(round.closes_at, zone),
            closes_in: (round.state == RoundState::Open)
                .then(|| closes_in(ctx.now, round.closes_at))
                .flatten(),
            voted,
            outcome: round.outcome.clone(),
        })
    }

    /// The outcome sentence and the stage table of a report, read from its JSON (the stored
    /// one of a closed round, so a result page never counts again), with its text.
    pub fn result_of(
        json: &serde_json::Value,
        text: String,
        round: &row::Model,
        running: bool,
    ) -> ResultView {
        let options: Vec<String> = json
            .get("options")
            .and_then(|o| o.as_array())
            .map(|o| {
                o.iter()
                    .filter_map(|n| n.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let outcome = json.get("outcome");
        let kind = outcome
            .and_then(|o| o.get("kind"))
            .and_then(|k| k.as_str())
            .unwrap_or("")
            .to_owned();
        let winners: Vec<String> = outcome
            .and_then(|o| o.get("winners"))
            .and_then(|w| w.as_array())
            .map(|w| {
                w.iter()
                    .filter_map(|i| i.as_u64())
                    .filter_map(|i| usize::try_from(i).ok())
                    .filter_map(|i| options.get(i).cloned())
                    .collect()
            })
            .unwrap_or_default();
        let quorum = json.get("quorum");
        let details = json.get("details");
        let of =
            |value: Option<&serde_json::Value>, key: &str| figure(value.and_then(|v| v.get(key)));
        let mut args = vec![
            ("ballots".to_owned(), of(quorum, "cast")),
            ("electorate".to_owned(), of(quorum, "electorate")),
            ("needed".to_owned(), of(quorum, "needed")),
            ("winners".to_owned(), winners.join(", ")),
        ];
        let method = details
            .and_then(|d| d.get("method"))
            .and_then(|m| m.as_str())
            .unwrap_or("");
        if method == "majority" {
            for key in ["yes", "no", "abstain", "base"] {
                args.push((key.to_owned(), of(details, key)));
            }
            args.push((
                "percent".to_owned(),
                percent(&of(details, "yes"), &of(details, "base")),
            ));
            let threshold = details.and_then(|d| d.get("threshold"));
            args.push((
                "threshold".to_owned(),
                format!(
                    "{}/{}",
                    of(threshold, "numerator"),
                    of(threshold, "denominator")
                ),
            ));
        }
        if method == "consent" {
            args.push(("objections".to_owned(), of(details, "object")));
        }
        let key = match (kind.as_str(), method) {
            ("no-quorum", _) => "round-result-no-quorum",
            ("adopted", "majority") => "round-result-majority-adopted",
            ("not-adopted", "majority") => "round-result-majority-not-adopted",
            ("adopted", _) => "round-result-consent-adopted",
            ("not-adopted", _) => "round-result-consent-not-adopted",
            _ => "round-result-elected",
        };
        ResultView {
            outcome: kind,
            winners,
            sentence: Sentence {
                key: key.to_owned(),
                args,
            },
            report: text,
            table: details.and_then(|d| stage_table(d, &options)),
            details: crate::api::round_details::details_of(json),
            digest: round.digest.clone().unwrap_or_default(),
            seed: round.seed.clone().unwrap_or_default(),
            running,
        }
    }

    /// `part` of `whole` as a percentage with one decimal, rounded half up, for reading only
    /// (the threshold is decided exactly by tally, never by this figure).
    fn percent(part: &str, whole: &str) -> String {
        match (part.parse::<u128>(), whole.parse::<u128>()) {
            (Ok(part), Ok(whole)) if whole > 0 => {
                let tenths = (part * 2000 + whole) / (2 * whole);
                format!("{}.{}", tenths / 10, tenths % 10)
            }
            _ => "0.0".to_owned(),
        }
    }

    #[cfg(test)]
    #[test]
    fn percentages_round_half_up_to_one_decimal() {
        assert_eq!(percent("2", "3"), "66.7");
        assert_eq!(percent("24", "31"), "77.4");
        assert_eq!(percent("1", "8"), "12.5");
        assert_eq!(percent("0", "0"), "0.0", "no votes for or against");
    }

    /// Totals per option per stage, from the report's JSON details (IRV `rounds[].tallies`,
    /// Scottish STV `stages[].totals`, Meek `rounds[].iterations[last].votes`).
    fn stage_table(value: &serde_json::Value, options: &[String]) -> Option<StageTable> {
        let stages = value
            .get("rounds")
            .or_else(|| value.get("stages"))
            .and_then(|s| s.as_array())?;
        let mut headings = Vec::new();
        let mut rows: Vec<(String, Vec<String>)> = options
            .iter()
            .map(|name| (name.clone(), Vec::new()))
            .collect();
        for (i, stage) in stages.iter().enumerate() {
            headings.push((i + 1).to_string());
            let last_iteration = stage
                .get("iterations")
                .and_then(|i| i.as_array())
                .and_then(|i| i.last());
            let totals = stage
                .get("tallies")
                .or_else(|| stage.get("totals"))
                .or_else(|| last_iteration.and_then(|i| i.get("votes")))
                .and_then(|t| t.as_array());
            for (o, (_, cells)) in rows.iter_mut().enumerate() {
                cells.push(figure(totals.and_then(|t| t.get(o))));
            }
        }
        let any = rows
            .iter()
            .any(|(_, cells)| cells.iter().any(|c| !c.is_empty()));
        any.then_some(StageTable {
            stages: headings,
            rows,
        })
    }

    /// Everything the round page shows.
    pub async fn round_view(
        ctx: &Ctx,
        seen: &Seen,
        round: row::Model,
        receipt: Option<String>,
    ) -> ServiceResult<RoundView> {
        round_view_with(ctx, seen, round, receipt, true).await
    }

    /// The round page's data; without `ballots` the published ballots are left out (the
    /// minutes need the result, not every ballot).
    pub async fn round_view_with(
        ctx: &Ctx,
        seen: &Seen,
        round: row::Model,
        receipt: Option<String>,
        ballots_too: bool,
    ) -> ServiceResult<RoundView> {
        let zone = seen.organisation.time_zone.clone();
        let proposal = proposal::Entity::find_by_id(round.proposal_id)
            .one(&ctx.db)
            .await?
            .ok_or(crate::services::ServiceError::NotFound)?;
        let row = row_of(ctx, seen, &round, &proposal).await?;
        let method = rounds::method_of(&round)?;
        let quorum = rounds::quorum_of(&round)?;
        let options = rounds::options(&ctx.db, round.id).await?;
        let names: Vec<String> = options.iter().map(|o| o.name.clone()).collect();
        let from_meeting = rounds::quorum_meeting(&ctx.db, seen, &round).await?;
        let electorate = match (&from_meeting, round.electorate_size) {
            (Some((_, present)), _) => Some(*present),
            (None, Some(size)) => Some(u64::try_from(size).unwrap_or(0)),
            (None, None) => {
                Some(u64::try_from(rounds::voters(&ctx.db, &proposal).await?.len()).unwrap_or(0))
            }
        };
        let scope = match proposal.group_id {
            Some(group) => proposals::group_name(&ctx.db, group)
                .await?
                .map_or_else(|| seen.organisation.name.clone(), |g| g.name),
            None => seen.organisation.name.clone(),
        };
        let tz: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::UTC);
        let mut statement = round::statement(
            &method,
            &quorum,
            &Voters {
                count: electorate.unwrap_or(0),
                scope,
                present_at: from_meeting.map(|(title, _)| title),
            },
            round.closes_at.with_timezone(&tz).naive_local(),
            &zone,
        );
        statement.push(round::reminder_sentence(
            u32::try_from(round.reminder_hours).unwrap_or(0),
        ));
        let me = seen.membership.as_ref().map(|m| m.id);
        let voters = ballots::voted(&ctx.db, &round).await?;
        let has_voted = me.is_some_and(|m| voters.contains(&m));
        let in_electorate = match me {
            Some(m) => rounds::in_electorate(&ctx.db, round.id, m).await?,
            None => false,
        };
        let open = round.state == RoundState::Open && ctx.now < round.closes_at;
        let may_vote =
            open && in_electorate && seen.may(Action::Vote) && !(round.secret && has_voted);
        let my_ballot = match me {
            Some(m) if !round.secret => match ballots::mine(&ctx.db, round.id, m).await? {
                Some(b) => serde_json::from_str(&b.marks)
                    .map(|marks| ballot_rules::fields_of(&marks))
                    .unwrap_or_default(),
                None => BTreeMap::new(),
            },
            _ => BTreeMap::new(),
        };
        let facilitator = seen.may(Action::CloseRound);
        let roll = if facilitator && round.state == RoundState::Open {
            let all = rounds::electorate(&ctx.db, round.id).await?;
            let named = proposals::names(&ctx.db, &all).await?;
            let mut roll: Vec<RollEntry> = named
                .into_iter()
                .map(|(id, name)| RollEntry {
                    name,
                    voted: voters.contains(&id),
                })
                .collect();
            roll.sort_by(|a, b| a.name.cmp(&b.name));
            roll
        } else {
            Vec::new()
        };
        let show_running = open && round.running_results;
        let result = match round.state {
            RoundState::Closed => {
                let json = round_files::stored_report(&round)?;
                Some(result_of(
                    &json,
                    round.report_text.clone().unwrap_or_default(),
                    &round,
                    false,
                ))
            }
            RoundState::Open if show_running => {
                let (report, _) = crate::services::closing::count(&ctx.db, &round, "").await?;
                let json = serde_json::to_value(&report).map_err(anyhow::Error::from)?;
                Some(result_of(&json, report.to_text(), &round, true))
            }
            _ => None,
        };
        let publish =
            ballots_too && (round.state == RoundState::Closed || (show_running && !round.secret));
        let ballots = if publish {
            let all = ballots::all(&ctx.db, &round).await?;
            let members: Vec<uuid::Uuid> = all
                .iter()
                .filter_map(|(o, _)| match o {
                    BallotOwner::Member(id) => Some(*id),
                    BallotOwner::Receipt(_) => None,
                })
                .collect();
            let named = proposals::names(&ctx.db, &members).await?;
            all.iter()
                .map(|(owner, marks)| PublishedBallot {
                    label: match owner {
                        BallotOwner::Member(id) => proposals::name_in(&named, *id),
                        BallotOwner::Receipt(code) => code.clone(),
                    },
                    marks: ballot_rules::describe(marks, &names),
                })
                .collect()
        } else {
            Vec::new()
        };
        let lookup = receipt.filter(|r| !r.trim().is_empty()).map(|typed| {
            let code = ballot_rules::normalise_receipt(&typed);
            let found = ballots
                .iter()
                .find(|b| round.secret && b.label == code)
                .map(|b| b.marks.clone());
            (code, found)
        });
        let files = if round.state == RoundState::Closed {
            round_files::FILES
                .iter()
                .filter(|f| {
                    round_files::ranked(&method) || !f.contains("rctab") && !f.ends_with(".blt")
                })
                .map(|f| (*f).to_owned())
                .collect()
        } else {
            Vec::new()
        };
        let (budget, allow_negative) = match method {
            Method::Dot { points } => (Some(points), false),
            Method::Quadratic {
                credits,
                allow_negative,
            } => (Some(credits), allow_negative),
            Method::Approval { winners } => (Some(winners), false),
            _ => (None, false),
        };
        Ok(RoundView {
            org: crate::api::organisations::OrgHeader::of(&seen.organisation),
            round: row,
            revision: round.revision,
            method_words: method.describe(),
            method: method.clone(),
            statement,
            options: names
                .iter()
                .enumerate()
                .map(|(position, name)| OptionView {
                    position,
                    name: name.clone(),
                })
                .collect(),
            budget,
            allow_negative,
            secret: round.secret,
            running_results: round.running_results,
            opens: local_time(round.opened_at.unwrap_or(round.opens_at), &zone),
            electorate: round.electorate_size.map(|s| u64::try_from(s).unwrap_or(0)),
            voted: u64::try_from(voters.len()).unwrap_or(0),
            needed: electorate.map_or(0, |e| round::ballots_needed(&quorum, e)),
            may_vote,
            has_voted,
            my_ballot,
            facilitator,
            roll,
            result,
            ballots,
            reason: round.cancel_reason.clone().or(round.close_reason.clone()),
            statement_html: round.statement.as_deref().map(crate::markdown::to_html),
            statement_text: round.statement.clone().unwrap_or_default(),
            files,
            lookup,
        })
    }
}

#[cfg(feature = "ssr")]
pub(crate) use build::row_of;

/// The form creating a round on proposal `number`, for a facilitator.
#[server(endpoint = "round_new_page")]
pub async fn new_round_page(slug: String, number: i32) -> Result<NewRoundView, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                domain::{policy::Action, policy::Refusal, proposal::ProposalState},
                services::{ServiceError, amendments, proposals, rounds},
            };
            let ctx = crate::session::service_ctx()?;
            let (seen, loaded) = proposals::find(&ctx, &slug, number).await?;
            seen.require(Action::OpenRound)?;
            loaded.require(crate::domain::proposal_policy::ProposalAction::Read)?;
            let p = loaded.proposal;
            if p.state != ProposalState::Discussion {
                return Err(
                    ServiceError::Forbidden(Refusal::ProposalState { state: p.state }).into(),
                );
            }
            let open_amendments = amendments::of_proposal(&ctx.db, p.id)
                .await?
                .iter()
                .filter(|a| a.state == crate::domain::amendment::AmendmentState::Open)
                .count();
            let voters = u64::try_from(rounds::voters(&ctx.db, &p).await?.len()).unwrap_or(0);
            let scope = match p.group_id {
                Some(group) => proposals::group_name(&ctx.db, group)
                    .await?
                    .map_or_else(|| seen.organisation.name.clone(), |g| g.name),
                None => seen.organisation.name.clone(),
            };
            let zone = rounds::zone_of(&seen);
            let week = (ctx.now + chrono::Duration::days(7)).with_timezone(&zone);
            Ok(NewRoundView {
                org: OrgHeader::of(&seen.organisation),
                number: p.number,
                title: p.title,
                revision: p.revision,
                open_amendments,
                zone: seen.organisation.time_zone.clone(),
                voters,
                scope,
                default_closes: week.format("%Y-%m-%dT%H:00").to_string(),
                statement: Vec::new(),
            })
        }
        .await,
    )
}

/// One round, for someone who may view its organisation; `receipt` looks up a receipt code.
#[server(endpoint = "round_page")]
pub async fn round_page(
    slug: String,
    round: String,
    receipt: Option<String>,
) -> Result<RoundView, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                domain::policy::Action,
                services::{ServiceError, organisations, rounds},
            };
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let id = round.parse().map_err(|_| ServiceError::NotFound)?;
            let found = rounds::one(&ctx.db, &seen, id).await?;
            Ok(build::round_view(&ctx, &seen, found, receipt).await?)
        }
        .await,
    )
}
