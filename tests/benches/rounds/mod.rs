//! How fast decision rounds go (issue #12), against the real application: 200 members casting
//! at once (over HTTP), closing a round of 100,000 ranked ballots over 10 options (loading
//! them, counting, storing the report: `services::closing::close_due`), and the result page
//! of a 20-stage STV count (over HTTP). Ballots are seeded straight into the database as
//! secret ballots. Prints tables for docs/performance.md.

use crate::{
    helpers::{Db, TestApp, TestDb, lookup, spawn::workspace_root},
    pages::Lcg,
};
use app::{
    domain::{roles::Role, round::RoundState},
    entities::{proposal, round, round_option, secret_ballot},
    services::{Ctx, closing},
};
use chrono::{Duration, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
use std::{collections::BTreeMap, time::Instant};
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
        batches: Default::default(),
    };
    let started = Instant::now();
    let closed = closing::close_due(&ctx).await.unwrap();
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(closed, 1);
    seconds
}

/// CPU time so far (ms) of this process's threads, by the start of their names: the server's
/// runtime, the database's threads, the load generator's.
fn cpu_by_thread() -> BTreeMap<String, f64> {
    let tick = 1_000.0 / 100.0; // USER_HZ is 100 on Linux
    let mut found = BTreeMap::new();
    for task in std::fs::read_dir("/proc/self/task").unwrap().flatten() {
        let Ok(stat) = std::fs::read_to_string(task.path().join("stat")) else {
            continue;
        };
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let name: String = stat[open + 1..close]
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '-')
            .collect();
        let fields: Vec<&str> = stat[close + 2..].split(' ').collect();
        let ticks: f64 = fields[11].parse::<f64>().unwrap() + fields[12].parse::<f64>().unwrap();
        *found.entry(name).or_insert(0.0) += ticks * tick;
    }
    found
}

/// A voter's own keep-alive connection, speaking HTTP/1.1 by hand: the load generator does as
/// little as it can (a write and a read per ballot), so the figures are the server's, not a
/// full HTTP client's sharing the same 2 cores.
struct RawVoter {
    stream: tokio::net::TcpStream,
    head: String,
}

impl RawVoter {
    async fn connect(address: &str, token: &str) -> RawVoter {
        let authority = address.trim_start_matches("http://");
        let stream = tokio::net::TcpStream::connect(authority).await.unwrap();
        stream.set_nodelay(true).unwrap();
        let head = format!(
            "Host: {authority}\r\nOrigin: {address}\r\nSec-Fetch-Site: same-origin\r\n\
             Cookie: quorate_session={token}\r\n\
             Content-Type: application/x-www-form-urlencoded\r\n"
        );
        RawVoter { stream, head }
    }

    /// Posts `body` to `path` and reads the whole answer; its status.
    async fn post(&mut self, path: &str, body: &str) -> u16 {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let request = format!(
            "POST {path} HTTP/1.1\r\n{}Content-Length: {}\r\n\r\n{body}",
            self.head,
            body.len()
        );
        self.stream.write_all(request.as_bytes()).await.unwrap();
        let mut buffer = Vec::with_capacity(1_024);
        let mut chunk = [0u8; 4_096];
        let end = loop {
            let read = self.stream.read(&mut chunk).await.unwrap();
            assert!(read > 0, "the server closed the connection");
            buffer.extend_from_slice(&chunk[..read]);
            if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
        };
        let head = String::from_utf8_lossy(&buffer[..end]).to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .map_or(0, |v| v.trim().parse().unwrap());
        while buffer.len() < end + length {
            let read = self.stream.read(&mut chunk).await.unwrap();
            assert!(read > 0, "the server closed the connection");
            buffer.extend_from_slice(&chunk[..read]);
        }
        head[9..12].parse().unwrap()
    }
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
        // The voter's session on a connection of its own (as signing in on another device).
        let account = crate::helpers::lookup::account_of(app, &format!("voter{i}@example.org"))
            .await
            .unwrap();
        let token = app::services::sessions::start(&app.connection, account.id, Utc::now())
            .await
            .unwrap();
        voters.push(RawVoter::connect(&app.address, &token).await);
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
        let cpu_before = cpu_by_thread();
        let path = format!("{round}/ballot");
        let body = format!("choice={choice}");
        let tasks: Vec<_> = voters
            .drain(..)
            .zip(&spread)
            .map(|(mut v, wait)| {
                let (path, body, wait) = (path.clone(), body.clone(), *wait);
                tokio::spawn(async move {
                    if spread_ms {
                        tokio::time::sleep(std::time::Duration::from_millis(wait)).await;
                    }
                    let started = Instant::now();
                    let status = v.post(&path, &body).await;
                    assert_eq!(status, 303);
                    (v, started.elapsed().as_secs_f64() * 1_000.0)
                })
            })
            .collect();
        let mut times = Vec::with_capacity(tasks.len());
        for task in tasks {
            let (v, ms) = task.await.unwrap();
            voters.push(v);
            times.push(ms);
        }
        let cpu: Vec<String> = cpu_by_thread()
            .into_iter()
            .map(|(name, ms)| (ms - cpu_before.get(&name).copied().unwrap_or(0.0), name))
            .filter(|(ms, _)| *ms > 0.0)
            .map(|(ms, name)| format!("{name} {ms:.0} ms"))
            .collect();
        eprintln!("{engine}, {pass}: CPU {}", cpu.join(", "));
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

/// Quorate on a runtime of its own (as `quorate serve`: one worker per core), as a separate
/// process would be: the load generator's tasks do not queue behind the server's. No
/// scheduler: the bench closes rounds itself.
async fn serve_apart(db: Db) -> TestApp {
    let db = TestDb::new(db).await;
    let config = server::Config {
        database_url: db.url.clone(),
        bind: "127.0.0.1:0".into(),
        site_root: workspace_root().join("target/site"),
        log_level: "warn".into(),
        scheduler: false,
        ..server::Config::default()
    };
    let (sender, receiver) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .thread_name("server")
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let app = server::Application::build(config).await.unwrap();
            sender.send((app.port(), app.database())).ok();
            app.run_until_stopped(std::future::pending()).await.unwrap();
        });
    });
    let (port, connection) = receiver.await.unwrap();
    TestApp {
        address: format!("http://127.0.0.1:{port}"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap(),
        db,
        connection,
    }
}

/// Seeds an instance on `db` (no scheduler: the bench closes), measures, prints the tables.
pub async fn run(db: Db, engine: &str) {
    let app = serve_apart(db).await;
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
