//! Pages whose lists grow read a constant number of SQL statements (issue #11: no query per
//! comment, Decidim's N+1 problem): counted on a second instance over the same database, with
//! sea-orm's metric callback, before and after the lists grow tenfold.

use super::amendments::propose;
use super::comments::post;
use super::proposals::{draft, publish};
use crate::helpers::spawn::counting_instance;
use crate::helpers::{Browser, Db, spawn_app};
use app::domain::roles::Role;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The statements one `GET path` by `who` costs on the counting instance at `address`.
async fn statements(counter: &AtomicUsize, who: &Browser, address: &str, path: &str) -> usize {
    let there = Browser {
        address: address.to_owned(),
        client: who.client.clone(),
    };
    let before = counter.load(Ordering::SeqCst);
    there.page(path, 200).await;
    counter.load(Ordering::SeqCst) - before
}

/// `count` comments on proposal `number`, every other one a reply with a mention.
async fn discuss(who: &Browser, number: i32, count: usize) {
    let mut parent = String::new();
    for i in 0..count {
        let body = format!("Point {i}, as @Bea said.");
        if i % 2 == 1 {
            post(who, number, &body, &parent).await;
        } else {
            parent = post(who, number, &body, "").await;
        }
    }
}

pub async fn growing_lists_cost_no_more_statements(db: Db) {
    let app = spawn_app(db).await;
    let coop = app
        .coop()
        .member("Bea", Role::Member)
        .member("Carl", Role::Member)
        .build()
        .await;
    let (ada, bea, carl) = (&coop.admin, coop.browser("Bea"), coop.browser("Carl"));
    let number = draft(bea, "Solar roof", "Ten panels.", "").await;
    publish(bea, number).await;
    discuss(carl, number, 5).await;
    assert_eq!(
        propose(carl, number, 1, "Eleven panels.", "Why")
            .await
            .status(),
        303
    );
    for i in 0..3 {
        let other = draft(ada, &format!("Other {i}"), "Text", "").await;
        publish(ada, other).await;
    }
    let (address, counter) = counting_instance(&app).await;
    let proposal = format!("/o/coop/p/{number}");
    // Once to warm up whatever an instance reads once.
    statements(&counter, ada, &address, &proposal).await;
    let few_comments = statements(&counter, ada, &address, &proposal).await;
    let few_proposals = statements(&counter, ada, &address, "/o/coop").await;

    discuss(carl, number, 50).await;
    discuss(bea, number, 10).await;
    for i in 2..6 {
        let reason = format!("Reason {i}");
        assert_eq!(
            propose(carl, number, 1, &format!("{i} panels."), &reason)
                .await
                .status(),
            303
        );
    }
    for i in 3..30 {
        let other = draft(ada, &format!("Other {i}"), "Text", "").await;
        publish(ada, other).await;
        discuss(bea, other, 1).await;
    }
    assert!(few_comments > 3, "the counter counts: {few_comments}");
    let many_comments = statements(&counter, ada, &address, &proposal).await;
    let many_proposals = statements(&counter, ada, &address, "/o/coop").await;
    assert_eq!(
        few_comments, many_comments,
        "a proposal page with 5 or 65 comments and 1 or 5 amendments"
    );
    assert_eq!(
        few_proposals, many_proposals,
        "the organisation's page with 4 or 30 proposals"
    );
}
