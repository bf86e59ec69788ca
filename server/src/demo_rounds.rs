//! The demo co-op's decision rounds (part of `quorate demo`): a round of every method, in
//! every state (scheduled, open with some ballots, closed with results, cancelled), a secret
//! round with receipts, a round without quorum and a tie decided by lot, so that every result
//! page can be seen at once. Written through the same services as the pages.

use super::demo::explain;
use anyhow::Context;
use app::{
    entities::account,
    services::{Ctx, ballots, proposals, rounds},
};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;

/// Who votes in the demo (the active members who may vote).
const VOTERS: [&str; 9] = [
    "ada", "ben", "cleo", "dev", "eli", "fay", "gus", "hana", "ivo",
];

/// One demo round: its proposal, its form, its ballots (one per voter, in order; an empty
/// list is no ballot), and what happens to it after.
struct Demo {
    title: &'static str,
    summary: &'static str,
    fields: &'static [(&'static str, &'static str)],
    ballots: &'static [&'static [(&'static str, &'static str)]],
    then: Then,
}

enum Then {
    /// Closed by a facilitator (everyone who was going to vote has).
    Close,
    /// Left open, closing in three days.
    StayOpen,
    /// Scheduled to open tomorrow.
    Schedule,
    /// Cancelled with a reason.
    Cancel,
}

const TREES: (&str, &str) = ("options", "Oak\nPine\nElm\nBirch\nRowan");

const DEMOS: &[Demo] = &[
    Demo {
        title: "Raise the repairs reserve to 15%",
        summary: "A two-thirds majority round, adopted.",
        fields: &[
            ("method", "majority"),
            ("threshold", "2/3"),
            ("comparison", "at-least"),
            ("quorum", "1/2"),
        ],
        ballots: &[
            &[("choice", "yes")],
            &[("choice", "yes")],
            &[("choice", "yes")],
            &[("choice", "no")],
            &[("choice", "yes")],
            &[("choice", "yes")],
            &[("choice", "abstain")],
            &[("choice", "no")],
            &[("choice", "yes")],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Quiet hours from 22:00",
        summary: "A consent round with an objection and concerns, not adopted.",
        fields: &[("method", "consent")],
        ballots: &[
            &[("position", "consent")],
            &[
                ("position", "concern"),
                ("reason", "Weekends could start at 23:00."),
            ],
            &[("position", "consent")],
            &[
                ("position", "object"),
                (
                    "reason",
                    "Night-shift workers sleep by day; the rule should cover daytime too.",
                ),
            ],
            &[("position", "stand_aside")],
            &[("position", "consent")],
            &[("position", "consent")],
            &[],
            &[("position", "concern"), ("reason", "Who checks?")],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Trees for the courtyard (approval, two winners)",
        summary: "Approval voting.",
        fields: &[("method", "approval"), ("winners", "2"), TREES],
        ballots: &[
            &[("o0", "on"), ("o1", "on")],
            &[("o0", "on")],
            &[("o2", "on"), ("o3", "on")],
            &[("o0", "on"), ("o3", "on")],
            &[("o3", "on")],
            &[("o1", "on"), ("o4", "on")],
            &[("o0", "on")],
            &[("o3", "on"), ("o4", "on")],
            &[],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Caretaker applicants (score)",
        summary: "Score voting, 0 to 5.",
        fields: &[("method", "score"), ("options", "Amira\nBodhi\nCarmen")],
        ballots: &[
            &[("o0", "5"), ("o1", "3"), ("o2", "1")],
            &[("o0", "4"), ("o1", "4"), ("o2", "2")],
            &[("o0", "2"), ("o1", "5"), ("o2", "3")],
            &[("o0", "5"), ("o1", "1")],
            &[("o1", "4"), ("o2", "4")],
            &[],
            &[],
            &[],
            &[],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Spending the community fund (dot vote)",
        summary: "Ten points each.",
        fields: &[
            ("method", "dot"),
            ("points", "10"),
            (
                "options",
                "Bike shed\nPlayground\nSolar lamps\nTool library",
            ),
        ],
        ballots: &[
            &[("o0", "5"), ("o3", "5")],
            &[("o1", "10")],
            &[("o0", "2"), ("o2", "4"), ("o3", "4")],
            &[("o3", "7"), ("o1", "3")],
            &[("o2", "10")],
            &[("o0", "6"), ("o1", "4")],
            &[],
            &[],
            &[],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Name for the common room (Borda)",
        summary: "A Borda count.",
        fields: &[
            ("method", "borda"),
            ("options", "The Hearth\nRiverside Room\nThe Commons"),
        ],
        ballots: &[
            &[("rank1", "0"), ("rank2", "2"), ("rank3", "1")],
            &[("rank1", "1"), ("rank2", "0")],
            &[("rank1", "2"), ("rank2", "0"), ("rank3", "1")],
            &[("rank1", "0")],
            &[("rank1", "2"), ("rank2", "1")],
            &[],
            &[],
            &[],
            &[],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Tree for the entrance (instant runoff)",
        summary: "Ranked choice over five options: several elimination rounds.",
        fields: &[("method", "irv"), TREES],
        ballots: &[
            &[("rank1", "0"), ("rank2", "1")],
            &[("rank1", "1"), ("rank2", "0")],
            &[("rank1", "2"), ("rank2", "1")],
            &[("rank1", "3"), ("rank2", "0")],
            &[("rank1", "4"), ("rank2", "2"), ("rank3", "1")],
            &[("rank1", "0")],
            &[("rank1", "1"), ("rank2", "3")],
            &[("rank1", "2"), ("rank2", "0")],
            &[("rank1", "0"), ("rank2", "4")],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Two board seats (STV, Scottish rules)",
        summary: "Single transferable vote, two seats.",
        fields: &[
            ("method", "stv-scottish"),
            ("seats", "2"),
            ("options", "Ada\nBen\nCleo\nDev"),
        ],
        ballots: &[
            &[("rank1", "0"), ("rank2", "1")],
            &[("rank1", "0"), ("rank2", "2")],
            &[("rank1", "0"), ("rank2", "1")],
            &[("rank1", "0"), ("rank2", "3")],
            &[("rank1", "1"), ("rank2", "0")],
            &[("rank1", "2"), ("rank2", "1")],
            &[("rank1", "3"), ("rank2", "2")],
            &[("rank1", "2")],
            &[("rank1", "1")],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Two garden stewards (STV, Meek)",
        summary: "Single transferable vote by Meek's method, two seats.",
        fields: &[
            ("method", "stv-meek"),
            ("seats", "2"),
            ("options", "Eli\nFay\nGus\nHana"),
        ],
        ballots: &[
            &[("rank1", "0"), ("rank2", "1")],
            &[("rank1", "0"), ("rank2", "1")],
            &[("rank1", "0"), ("rank2", "2")],
            &[("rank1", "1"), ("rank2", "0")],
            &[("rank1", "2"), ("rank2", "3")],
            &[("rank1", "3"), ("rank2", "2")],
            &[("rank1", "2"), ("rank2", "1")],
            &[],
            &[],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Laundry day rota (Schulze)",
        summary: "Condorcet by Schulze's method, with equal ranks.",
        fields: &[
            ("method", "schulze"),
            ("options", "Monday\nWednesday\nSaturday"),
        ],
        ballots: &[
            &[("o0", "1"), ("o1", "2"), ("o2", "3")],
            &[("o0", "1"), ("o1", "1"), ("o2", "2")],
            &[("o2", "1"), ("o0", "2")],
            &[("o1", "1"), ("o2", "2"), ("o0", "3")],
            &[("o2", "1"), ("o1", "1")],
            &[("o0", "1")],
            &[],
            &[],
            &[],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Priorities for next year (quadratic)",
        summary: "Quadratic voting, votes against allowed.",
        fields: &[
            ("method", "quadratic"),
            ("credits", "100"),
            ("allow_negative", "on"),
            ("options", "New boiler\nRoof garden\nCar park"),
        ],
        ballots: &[
            &[("o0", "8"), ("o1", "6")],
            &[("o0", "5"), ("o2", "-5")],
            &[("o1", "9")],
            &[("o0", "7"), ("o2", "-7")],
            &[("o1", "4"), ("o0", "4")],
            &[],
            &[],
            &[],
            &[],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Elect the treasurer by secret ballot",
        summary: "A secret majority round: receipts, published after the close.",
        fields: &[("method", "majority"), ("secret", "on")],
        ballots: &[
            &[("choice", "yes")],
            &[("choice", "yes")],
            &[("choice", "no")],
            &[("choice", "yes")],
            &[("choice", "yes")],
            &[("choice", "abstain")],
            &[],
            &[],
            &[],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Change the AGM date",
        summary: "Two thirds must take part: a round without quorum.",
        fields: &[("method", "majority"), ("quorum", "2/3")],
        ballots: &[
            &[("choice", "yes")],
            &[("choice", "yes")],
            &[("choice", "no")],
            &[],
            &[],
            &[],
            &[],
            &[],
            &[],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Colour of the front door (a tie, drawn by lot)",
        summary: "Approval with one winner and a tie broken by the public lot.",
        fields: &[
            ("method", "approval"),
            ("winners", "1"),
            ("tie_policy", "lot"),
            ("options", "Green\nBlue\nRed"),
        ],
        ballots: &[
            &[("o0", "on")],
            &[("o1", "on")],
            &[("o0", "on"), ("o1", "on")],
            &[("o2", "on")],
            &[],
            &[],
            &[],
            &[],
            &[],
        ],
        then: Then::Close,
    },
    Demo {
        title: "Bike storage design (open now)",
        summary: "An instant-runoff round still open, with some ballots.",
        fields: &[("method", "irv"), ("options", "Racks\nLockers\nShed")],
        ballots: &[
            &[("rank1", "0"), ("rank2", "1")],
            &[("rank1", "1")],
            &[("rank1", "2"), ("rank2", "0")],
            &[],
            &[],
            &[],
            &[],
            &[],
            &[],
        ],
        then: Then::StayOpen,
    },
    Demo {
        title: "Pet policy (scheduled)",
        summary: "A consent round that opens tomorrow.",
        fields: &[("method", "consent")],
        ballots: &[],
        then: Then::Schedule,
    },
    Demo {
        title: "Parking fees (cancelled)",
        summary: "A round cancelled with a reason.",
        fields: &[("method", "majority")],
        ballots: &[&[("choice", "no")]],
        then: Then::Cancel,
    },
];

/// Writes the demo rounds; `people` are the demo accounts, `at` when the first step happens.
pub async fn write(
    db: &sea_orm::DatabaseConnection,
    slug: &str,
    people: &[account::Model],
    mut at: DateTime<Utc>,
) -> anyhow::Result<()> {
    let ctx = |local: &str, at: DateTime<Utc>| -> anyhow::Result<Ctx> {
        let account = people
            .iter()
            .find(|a| a.email.starts_with(&format!("{local}@")))
            .with_context(|| format!("the demo account {local}"))?;
        Ok(Ctx {
            db: db.clone(),
            account: Some(account.clone()),
            now: at,
            mail: false,
            batches: Default::default(),
        })
    };
    let local = |t: DateTime<Utc>| rounds::form_time("Europe/London", t);
    for (i, demo) in DEMOS.iter().enumerate() {
        at += Duration::seconds(10);
        let author = VOTERS.get(4 + i % 5).copied().unwrap_or("eli");
        let number = super::demo_proposals::draft(
            &ctx(author, at)?,
            slug,
            None,
            demo.title,
            demo.summary,
            "The facilitators put this to a decision round; see its page for the rule, the ballots and the result.",
        )
        .await?;
        proposals::publish(&ctx(author, at)?, slug, number)
            .await
            .map_err(explain)?;
        let mut fields: BTreeMap<String, String> = demo
            .fields
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        let (opens, closes) = match demo.then {
            Then::Schedule => (Some(at + Duration::days(1)), at + Duration::days(8)),
            Then::StayOpen => (None, at + Duration::days(3)),
            _ => (None, at + Duration::days(7)),
        };
        if let Some(opens) = opens {
            fields.insert("opens_at".into(), local(opens));
        }
        fields.insert("closes_at".into(), local(closes));
        let facilitator = if i % 2 == 0 { "cleo" } else { "dev" };
        let round = rounds::create(&ctx(facilitator, at)?, slug, number, &fields)
            .await
            .map_err(explain)
            .with_context(|| format!("the demo round \"{}\"", demo.title))?;
        for (voter, ballot) in VOTERS.iter().zip(demo.ballots) {
            if ballot.is_empty() {
                continue;
            }
            at += Duration::seconds(1);
            let fields = ballot
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
            ballots::cast(&ctx(voter, at)?, slug, round.id, &fields)
                .await
                .map_err(explain)
                .with_context(|| format!("{voter}'s ballot in \"{}\"", demo.title))?;
        }
        at += Duration::seconds(10);
        match demo.then {
            Then::Close => rounds::close_early(
                &ctx(facilitator, at)?,
                slug,
                round.id,
                Some("Closed at the general meeting once everyone present had voted."),
            )
            .await
            .map_err(explain)?,
            Then::Cancel => rounds::cancel(
                &ctx(facilitator, at)?,
                slug,
                round.id,
                "The fee is now set by the council; there is nothing to decide.",
            )
            .await
            .map_err(explain)?,
            Then::StayOpen | Then::Schedule => {}
        }
    }
    Ok(())
}
