//! The real `quorate` binary, started as an operator would start it.

use crate::helpers::{Db, TestDb, quorate_bin};
use std::{
    process::{Command, Stdio},
    time::Duration,
};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub async fn the_binary_serves_on_a_random_port_and_stops_on_sigterm(db: Db) {
    let database = TestDb::new(db).await;
    let port = free_port();
    let address = format!("127.0.0.1:{port}");
    let child = Command::new(quorate_bin())
        .arg("serve")
        .env_remove("QUORATE_BIN")
        .env("QUORATE_DATABASE_URL", &database.url)
        .env("QUORATE_BIND", &address)
        .env("QUORATE_LOG_LEVEL", "info")
        .current_dir(database.dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    let client = reqwest::Client::new();
    let mut healthy = false;
    for _ in 0..100 {
        if let Ok(response) = client.get(format!("http://{address}/healthz")).send().await {
            healthy = response.status() == 200;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(healthy, "the binary answers /healthz with 200");
    let home = client
        .get(format!("http://{address}/"))
        .send()
        .await
        .unwrap();
    assert_eq!(home.status(), 200);
    assert!(home.text().await.unwrap().contains("Quorate"));
    let missing = client
        .get(format!("http://{address}/nope"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let output = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    assert!(output.status.success(), "exits cleanly on SIGTERM");
    let log = String::from_utf8_lossy(&output.stdout);
    assert!(log.contains("shutting down"), "{log}");
    assert!(
        log.contains("request_id"),
        "request logs carry the id: {log}"
    );
}

fn run_with_db(database: &TestDb, args: &[&str]) -> std::process::Output {
    Command::new(quorate_bin())
        .args(args)
        .env_remove("QUORATE_BIN")
        .env("QUORATE_DATABASE_URL", &database.url)
        .current_dir(database.dir.path())
        .output()
        .unwrap()
}

pub async fn the_demo_co_op_has_every_role_and_state_and_a_chain_that_verifies(db: Db) {
    use app::entities::{audit_entry, membership, organisation};
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

    let database = TestDb::new(db).await;
    let demo = run_with_db(&database, &["demo"]);
    assert!(demo.status.success(), "{demo:?}");
    let printed = String::from_utf8_lossy(&demo.stdout);
    assert!(printed.contains("ada@demo.quorate.invalid"), "{printed}");
    assert!(printed.contains("quorate demo password"));
    assert!(
        printed.contains("open to anyone"),
        "the output says the demo is open to anyone: {printed}"
    );
    // The invited person has an invitation to accept.
    let invitation = printed
        .split("/invite/")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("the demo prints Max's invitation link")
        .to_owned();
    assert!(invitation.len() >= 40, "{invitation}");

    let connection = server::db::connect(&database.url).await.unwrap();
    let org = organisation::Entity::find()
        .filter(organisation::Column::Slug.eq("riverside-co-op"))
        .one(&connection)
        .await
        .unwrap()
        .expect("the demo co-op");
    let members = membership::Entity::find()
        .filter(membership::Column::OrganisationId.eq(org.id))
        .all(&connection)
        .await
        .unwrap();
    assert!(members.len() >= 12, "a dozen members");
    for role in ["observer", "member", "facilitator", "admin"] {
        assert!(members.iter().any(|m| m.role.code() == role), "{role}");
    }
    for state in ["invited", "active", "suspended", "left"] {
        assert!(members.iter().any(|m| m.state.code() == state), "{state}");
    }

    // An accepted and a declined amendment, with what each changed.
    let amendments = app::entities::amendment::Entity::find()
        .all(&connection)
        .await
        .unwrap();
    for state in ["accepted", "declined"] {
        assert!(
            amendments.iter().any(|a| a.state.code() == state),
            "a demo amendment {state}"
        );
    }

    let again = run_with_db(&database, &["demo"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("demo co-op already"));

    // Names with control characters (stored before the rule refused them) are printed
    // escaped: they cannot rewrite the terminal.
    let mut renamed: organisation::ActiveModel = org.clone().into();
    renamed.name = Set("Riverside\u{1b}[2J\u{1b}]0;pwned\u{7}".into());
    renamed.update(&connection).await.unwrap();
    let verified = run_with_db(&database, &["audit", "verify", "--org", "riverside-co-op"]);
    let printed = String::from_utf8_lossy(&verified.stdout);
    assert!(
        !printed.contains('\u{1b}') && !printed.contains('\u{7}'),
        "{printed:?}"
    );
    assert!(printed.contains("Riverside\\u{1b}[2J"), "{printed}");

    let verified = run_with_db(&database, &["audit", "verify", "--org", "riverside-co-op"]);
    assert!(verified.status.success(), "{verified:?}");
    assert!(String::from_utf8_lossy(&verified.stdout).contains("holds"));

    // Someone with raw database access rewrites history: the chain says where.
    let third = audit_entry::Entity::find()
        .filter(audit_entry::Column::OrganisationId.eq(org.id))
        .filter(audit_entry::Column::Seq.eq(3))
        .one(&connection)
        .await
        .unwrap()
        .unwrap();
    let mut tampered: audit_entry::ActiveModel = third.into();
    tampered.actor = Set(None);
    tampered.update(&connection).await.unwrap();
    let broken = run_with_db(&database, &["audit", "verify", "--org", "riverside-co-op"]);
    assert!(!broken.status.success());
    let verdict = String::from_utf8_lossy(&broken.stdout);
    assert!(
        verdict.contains("BROKEN") && verdict.contains("entry 3"),
        "{verdict}"
    );
}

pub async fn the_demo_refuses_a_database_with_other_organisations(db: Db) {
    use app::entities::organisation;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let database = TestDb::new(db).await;
    let migrated = run_with_db(&database, &["migrate"]);
    assert!(migrated.status.success(), "{migrated:?}");
    let connection = server::db::connect(&database.url).await.unwrap();
    organisation::ActiveModel {
        id: Set(uuid::Uuid::new_v4()),
        slug: Set("real-coop".into()),
        name: Set("A real co-op".into()),
        time_zone: Set("UTC".into()),
        default_language: Set("en".into()),
        description: Set(String::new()),
        created_at: Set(chrono::Utc::now()),
        paper: Set("a4".into()),
        quorum_from_attendance: Set(false),
    }
    .insert(&connection)
    .await
    .unwrap();
    let demo = run_with_db(&database, &["demo"]);
    assert!(!demo.status.success());
    let said = String::from_utf8_lossy(&demo.stderr);
    assert!(said.contains("other organisation"), "{said}");
    let organisations = organisation::Entity::find().all(&connection).await.unwrap();
    assert_eq!(organisations.len(), 1, "nothing was added");
}
