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
