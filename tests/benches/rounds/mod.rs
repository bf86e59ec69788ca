//! How fast decision rounds go (issue #12), against the real application: 200 members casting
//! at once (over HTTP), closing a round of 100,000 ranked ballots over 10 options (loading
//! them, counting, storing the report: `services::closing::close_due`), and the result page
//! of a 20-stage STV count (over HTTP). Ballots are seeded straight into the database as
//! secret ballots. Prints tables for docs/performance.md.

use crate::{
    helpers::{Db, TestApp, lookup, spawn_app_with},
    pages::Lcg,
};
use app::{
    domain::{roles::Role, round::RoundState},
    entities::{proposal, round, round_option, secret_ballot},
    services::{Ctx, closing},
};
use chrono::{Duration, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use std::time::Instant;
use tally::{
    ballot::{Marks, Ranking},
    config::{Method, Quorum},
};
use uuid::Uuid;

fn percentile(sorted: &[f64], p: usize) -> f64 {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

/// A published proposal of `coop`, by its admin; its id.
async fn a_proposal(app: &TestApp, title: &str) -> (i32, Uuid) {
    let admin = app.browser();
    admin.sign_in("ada@example.org").await;
    let response = admin
        .post_form(
            "/o/coop/proposals/new",
            &[
                ("title", title),
                ("summary", ""),
                ("body", "Text."),
                ("due_on", ""),
                ("group", ""),
            ],
        )
        .await;
    let at = response.headers()["location"].to_str().unwrap().to_owned();
    let number: i32 = at.rsplit('/').next().unwrap().parse().unwrap();
    admin
        .post_redirects(&format!("/o/coop/p/{number}/publish"), &[], &at)
        .await;
    let id = proposal::Entity::find()
        .filter(proposal::Column::Number.eq(number))
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap()
        .id;
    (number, id)
}

/// An open secret round on `proposal` with `options` and `ballots` random rankings (one to
/// `depth` options each), closing far away; its id.
async fn seeded_round(
    app: &TestApp,
    proposal: Uuid,
    method: &Method,
    options: usize,
    ballots: usize,
    depth: usize,
    random: &mut Lcg,
) -> Uuid {
    let org = lookup::organisation_id(app, "coop").await;
    let id = Uuid::new_v4();
    let now = Utc::now();
    let row = round::ActiveModel {
        id: Set(id),
        organisation_id: Set(org),
        proposal_id: Set(proposal),
        number: Set(1),
        revision: Set(1),
        state: Set(RoundState::Open),
        method: Set(serde_json::to_string(method).unwrap()),
        quorum: Set(serde_json::to_string(&Quorum::None).unwrap()),
        tie_policy: Set("previous-rounds-then-order".into()),
        secret: Set(true),
        running_results: Set(false),
        reminder_hours: Set(24),
        on_amendments: Set(false),
        opens_at: Set(now),
        closes_at: Set(now + Duration::days(7)),
        created_by: Set(Uuid::new_v4()),
        created_at: Set(now),
        opened_at: Set(Some(now)),
        electorate_size: Set(Some(i32::try_from(ballots).unwrap())),
        electorate_hash: Set(Some(String::new())),
        closed_at: Set(None),
        closed_by: Set(None),
        close_reason: Set(None),
        cancelled_at: Set(None),
        cancelled_by: Set(None),
        cancel_reason: Set(None),
        report: Set(None),
        report_text: Set(None),
        digest: Set(None),
        seed: Set(None),
        outcome: Set(None),
        statement: Set(None),
        agenda_item_id: Set(None),
        quorum_base: Set(None),
    };
    round::Entity::insert(row)
        .exec(&app.connection)
        .await
        .unwrap();
    let rows: Vec<_> = (0..options)
        .map(|i| round_option::ActiveModel {
            id: Set(Uuid::new_v4()),
            round_id: Set(id),
            position: Set(i32::try_from(i).unwrap()),
            name: Set(format!("Candidate {}", i + 1)),
            amendment: Set(None),
        })
        .collect();
    round_option::Entity::insert_many(rows)
        .exec(&app.connection)
        .await
        .unwrap();
    let mut batch = Vec::with_capacity(1_000);
    for b in 0..ballots {
        // Earlier options are more popular, so counts run many stages.
        let length = 1 + random.next(depth);
        let mut ranking: Vec<usize> = Vec::with_capacity(length);
        while ranking.len() < length {
            let pick = random.next(options).min(random.next(options));
            if !ranking.contains(&pick) {
                ranking.push(pick);
            }
        }
        let marks = Marks::Ranking(Ranking::strict(&ranking).unwrap());
        batch.push(secret_ballot::ActiveModel {
            id: Set(Uuid::new_v4()),
            round_id: Set(id),
            receipt: Set(format!("R{b:07}")),
            marks: Set(serde_json::to_string(&marks).unwrap()),
        });
        if batch.len() == 1_000 {
            secret_ballot::Entity::insert_many(std::mem::take(&mut batch))
                .exec(&app.connection)
                .await
                .unwrap();
        }
    }
    if !batch.is_empty() {
        secret_ballot::Entity::insert_many(batch)
            .exec(&app.connection)
            .await
            .unwrap();
    }
    id
}

/// Makes round `id` due now and closes what is due, timing it.
async fn close(app: &TestApp, id: Uuid) -> f64 {
    round::Entity::update_many()
        .col_expr(
            round::Column::ClosesAt,
            Expr::value(Utc::now() - Duration::seconds(1)),
        )
        .filter(round::Column::Id.eq(id))
        .exec(&app.connection)
        .await
        .unwrap();
    let ctx = Ctx {
        db: app.connection.clone(),
        account: None,
        now: Utc::now(),
        mail: false,
    };
    let started = Instant::now();
    let closed = closing::close_due(&ctx).await.unwrap();
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(closed, 1);
    seconds
}

/// 200 members cast at once, twice (the second time each changes their ballot).
async fn casting(app: &TestApp, engine: &str) {
    let coop = app.coop().build().await;
    let link = coop.invite("", Role::Member, None).await;
    let mut voters = Vec::with_capacity(200);
    for i in 0..200 {
        let browser = app.browser();
        browser
            .sign_up(&format!("Voter {i}"), &format!("voter{i}@example.org"))
            .await;
        browser.post_redirects(&link, &[], "/o/coop").await;
        voters.push(browser);
    }
    let (number, _) = a_proposal(app, "Casting").await;
    let response = coop
        .admin
        .post_form(
            &format!("/o/coop/p/{number}/rounds/new"),
            &[
                ("method", "majority"),
                ("closes_at", "2099-01-01T12:00"),
                ("confirm", "yes"),
            ],
        )
        .await;
    let round = response.headers()["location"].to_str().unwrap().to_owned();
    let mut random = Lcg(3);
    let spread: Vec<u64> = (0..voters.len())
        .map(|_| random.next(2_000) as u64)
        .collect();
    for (pass, choice, spread_ms) in [
        ("first ballots, all in the same instant", "yes", false),
        ("changed ballots, all in the same instant", "no", false),
        (
            "changed ballots, each at a random moment within 2 s",
            "yes",
            true,
        ),
    ] {
        let times = futures::future::join_all(voters.iter().zip(&spread).map(|(v, wait)| {
            let path = format!("{round}/ballot");
            async move {
                if spread_ms {
                    tokio::time::sleep(std::time::Duration::from_millis(*wait)).await;
                }
                let started = Instant::now();
                let response = v.post_form(&path, &[("choice", choice)]).await;
                assert_eq!(response.status(), 303);
                started.elapsed().as_secs_f64() * 1_000.0
            }
        }))
        .await;
        let mut sorted = times.clone();
        sorted.sort_by(f64::total_cmp);
        println!(
            "| {engine} | 200 members cast: {pass} | {:.1} | {:.1} | {:.1} |",
            percentile(&sorted, 50),
            percentile(&sorted, 99),
            sorted[sorted.len() - 1]
        );
    }
}

/// Seeds an instance on `db` (no scheduler: the bench closes), measures, prints the tables.
pub async fn run(db: Db, engine: &str) {
    let app = spawn_app_with(db, |config| config.scheduler = false).await;
    println!("| engine | what | median ms | p99 ms | slowest ms |");
    println!("|---|---|---|---|---|");
    casting(&app, engine).await;
    // `QUORATE_BENCH_ONLY=casting`: the casting table alone (quicker to iterate on).
    if std::env::var("QUORATE_BENCH_ONLY").as_deref() == Ok("casting") {
        return;
    }
    let mut random = Lcg(12);
    let irv = Method::Irv {
        batch_elimination: false,
        continue_until_two: false,
    };
    println!();
    println!("| engine | close (load, count with tally, store) | run 1 s | run 2 s | run 3 s |");
    println!("|---|---|---|---|---|");
    let mut runs = Vec::new();
    for run in 0..3 {
        let (_, proposal) = a_proposal(&app, &format!("Close {run}")).await;
        let seeding = Instant::now();
        let id = seeded_round(&app, proposal, &irv, 10, 100_000, 10, &mut random).await;
        eprintln!(
            "{engine}: seeded 100,000 ballots in {:.1} s",
            seeding.elapsed().as_secs_f64()
        );
        runs.push(close(&app, id).await);
    }
    println!(
        "| {engine} | IRV, 100,000 ranked ballots, 10 options | {:.2} | {:.2} | {:.2} |",
        runs[0], runs[1], runs[2]
    );
    // A 20-stage count: Scottish STV, 1 seat, 21 candidates.
    let (_, proposal) = a_proposal(&app, "Stages").await;
    let stv = Method::StvScottish { seats: 1 };
    let id = seeded_round(&app, proposal, &stv, 21, 2_000, 6, &mut random).await;
    close(&app, id).await;
    let stored = round::Entity::find_by_id(id)
        .one(&app.connection)
        .await
        .unwrap()
        .unwrap();
    let report: serde_json::Value =
        serde_json::from_str(stored.report.as_deref().unwrap()).unwrap();
    let stages = report["details"]["stages"].as_array().map_or(0, Vec::len);
    let viewer = app.browser();
    viewer.sign_in("ada@example.org").await;
    let path = format!("/o/coop/rounds/{id}");
    for _ in 0..5 {
        assert_eq!(viewer.get(&path).await.status(), 200);
    }
    let mut times = Vec::with_capacity(50);
    let mut size = 0;
    for _ in 0..50 {
        let started = Instant::now();
        let response = viewer.get(&path).await;
        size = response.bytes().await.unwrap().len();
        times.push(started.elapsed().as_secs_f64() * 1_000.0);
    }
    times.sort_by(f64::total_cmp);
    println!();
    println!("| engine | page | median ms | p95 ms | HTML KB |");
    println!("|---|---|---|---|---|");
    println!(
        "| {engine} | result page, STV with {stages} stages, 21 options, 2,000 ballots | {:.1} | {:.1} | {:.0} |",
        percentile(&times, 50),
        percentile(&times, 95),
        size as f64 / 1_024.0
    );
}
