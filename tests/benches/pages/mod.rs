//! How fast the pages whose lists grow answer (issue #11), measured over real HTTP against the
//! real application: a proposal page with 500 comments, an organisation's first page of
//! 5,000 proposals, and a search over 50,000 comments. Seeded straight into the database (the
//! search index is kept by the database itself, so it fills as rows go in). Prints a table
//! for docs/performance.md: median and 95th percentile of 50 requests after 5 to warm up,
//! and the SQL statements one request costs.

use crate::helpers::{Db, TestApp, lookup, spawn::counting_instance, spawn_app};
use app::{
    domain::proposal::ProposalState,
    entities::{comment, proposal},
};
use chrono::{Duration, Utc};
use sea_orm::{ActiveValue::Set, EntityTrait};
use std::{
    sync::atomic::{AtomicUsize, Ordering},
    time::Instant,
};
use uuid::Uuid;

const RUNS: usize = 50;
const WARM_UP: usize = 5;

/// A small deterministic generator (no dependency, same text every run).
pub(crate) struct Lcg(pub(crate) u64);

impl Lcg {
    pub(crate) fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(self.0 >> 33).unwrap_or(0) % below
    }
}

/// A vocabulary of 1,000 made-up words ("bamoti", "kelu", …).
fn vocabulary() -> Vec<String> {
    let syllables = [
        "ba", "ke", "lu", "mo", "ti", "ra", "so", "ne", "vi", "da", "po", "gu", "fe", "zi", "ha",
        "jo", "wa", "ny", "qu", "xe",
    ];
    let mut words = Vec::with_capacity(1_000);
    for a in syllables {
        for b in syllables {
            for c in ["", "n", "s"] {
                if words.len() < 1_000 {
                    words.push(format!("{a}{b}{c}"));
                }
            }
        }
    }
    words
}

fn sentence(random: &mut Lcg, words: &[String], length: usize) -> String {
    (0..length)
        .map(|_| words[random.next(words.len())].as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn new_proposal(
    org: Uuid,
    author: Uuid,
    number: i32,
    title: String,
    body: String,
) -> proposal::ActiveModel {
    let at = Utc::now() - Duration::minutes(i64::from(10_000 - number));
    proposal::ActiveModel {
        id: Set(Uuid::new_v4()),
        organisation_id: Set(org),
        group_id: Set(None),
        number: Set(number),
        state: Set(ProposalState::Discussion),
        title: Set(title),
        summary: Set(String::new()),
        body: Set(body),
        due_on: Set(None),
        version: Set(1),
        revision: Set(1),
        created_by: Set(author),
        created_at: Set(at),
        active_at: Set(at),
        published_at: Set(Some(at)),
        withdrawn_at: Set(None),
        withdrawn_by: Set(None),
        withdrawal_reason: Set(None),
    }
}

fn new_comment(
    proposal: Uuid,
    author: Uuid,
    parent: Option<Uuid>,
    body: String,
) -> comment::ActiveModel {
    comment::ActiveModel {
        id: Set(Uuid::new_v4()),
        proposal_id: Set(proposal),
        parent_id: Set(parent),
        depth: Set(i32::from(parent.is_some())),
        author_id: Set(author),
        body: Set(body),
        created_at: Set(Utc::now()),
        edited_at: Set(None),
        deleted_at: Set(None),
        hidden_at: Set(None),
        hidden_by: Set(None),
        hidden_reason: Set(None),
    }
}

/// 5,000 proposals; the newest has 500 comments (a third of them replies, mentions in
/// some); 50,000 comments more spread over the others, twelve words each. Returns the
/// newest proposal's number and two search queries: one common word, and two words.
async fn seed(app: &TestApp, admin_email: &str) -> (i32, String, String) {
    let org = lookup::organisation_id(app, "coop").await;
    let author = lookup::membership_of(app, "coop", admin_email).await.id;
    let words = vocabulary();
    let mut random = Lcg(7);
    let db = &app.connection;
    let mut ids = Vec::with_capacity(5_000);
    for batch in 0..10 {
        let rows: Vec<_> = (0..500)
            .map(|i| {
                let number = batch * 500 + i + 1;
                let title = sentence(&mut random, &words, 5);
                let body = sentence(&mut random, &words, 60);
                let row = new_proposal(org, author, number, title, body);
                ids.push(row.id.clone().unwrap());
                row
            })
            .collect();
        proposal::Entity::insert_many(rows)
            .exec(db)
            .await
            .expect("proposals");
    }
    let newest = *ids.last().expect("proposals");
    let mut thread = Vec::with_capacity(500);
    let mut parent = None;
    for i in 0..500 {
        let mut body = sentence(&mut random, &words, 30);
        if i % 7 == 0 {
            body.push_str(" @Ada");
        }
        let reply = i % 3 == 1;
        let row = new_comment(newest, author, if reply { parent } else { None }, body);
        if !reply {
            parent = Some(row.id.clone().unwrap());
        }
        thread.push(row);
    }
    for rows in thread.chunks(250) {
        comment::Entity::insert_many(rows.to_vec())
            .exec(db)
            .await
            .expect("thread");
    }
    for batch in 0..50 {
        let rows: Vec<_> = (0..1_000)
            .map(|i| {
                let on = ids[(batch * 1_000 + i) % (ids.len() - 1)];
                new_comment(on, author, None, sentence(&mut random, &words, 12))
            })
            .collect();
        comment::Entity::insert_many(rows)
            .exec(db)
            .await
            .expect("comments");
    }
    let common = words[random.next(words.len())].clone();
    let pair = format!("{} {}", words[3], words[4]);
    (5_000, common, pair)
}

/// Median and 95th percentile, in milliseconds, of `GET path`; and the statements it costs.
async fn measure(
    address: &str,
    counter: &AtomicUsize,
    client: &reqwest::Client,
    path: &str,
) -> (f64, f64, usize, usize) {
    let get = || async {
        let response = client
            .get(format!("{address}{path}"))
            .send()
            .await
            .expect("an answer");
        assert_eq!(response.status(), 200, "{path}");
        response.bytes().await.expect("a body").len()
    };
    for _ in 0..WARM_UP {
        get().await;
    }
    let before = counter.load(Ordering::SeqCst);
    let size = get().await;
    let statements = counter.load(Ordering::SeqCst) - before;
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        get().await;
        times.push(started.elapsed().as_secs_f64() * 1_000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[RUNS / 2], times[RUNS * 95 / 100], statements, size)
}

/// Seeds an instance on `db`, measures, and prints one table row per page.
pub async fn run(db: Db, engine: &str) {
    let app = spawn_app(db).await;
    let coop = app.coop().build().await;
    let seeding = Instant::now();
    let (newest, common, pair) = seed(&app, coop.email("Ada")).await;
    eprintln!(
        "{engine}: seeded in {:.1} s",
        seeding.elapsed().as_secs_f64()
    );
    let (address, counter) = counting_instance(&app).await;
    let client = coop.admin.client.clone();
    let q = |text: &str| text.replace(' ', "+");
    let pages = [
        ("proposal page, 500 comments", format!("/o/coop/p/{newest}")),
        (
            "organisation page, 5,000 proposals (first page)",
            "/o/coop".to_owned(),
        ),
        (
            "search, 50,000 comments: one common word",
            format!("/o/coop/search?q={}", q(&common)),
        ),
        (
            "search, 50,000 comments: two words",
            format!("/o/coop/search?q={}", q(&pair)),
        ),
    ];
    println!("| engine | page | median ms | p95 ms | SQL statements | HTML KB |");
    println!("|---|---|---|---|---|---|");
    for (name, path) in pages {
        let (median, p95, statements, size) = measure(&address, &counter, &client, &path).await;
        println!(
            "| {engine} | {name} | {median:.1} | {p95:.1} | {statements} | {:.0} |",
            size as f64 / 1_024.0
        );
    }
}
