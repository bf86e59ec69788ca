//! What a result page shows after its one-sentence outcome, per method, read from the stored
//! report's JSON (so the page never counts again): each stage's quota, transfers, elected and
//! excluded (IRV, STV); the final totals (approval, score, dot vote, Borda, quadratic);
//! Schulze's pairwise counts and strongest paths; the voice credits spent (quadratic); the
//! consent positions with every objection's and concern's reason; every tie with the rule that
//! broke it.

use serde::{Deserialize, Serialize};

/// The method-specific part of a result page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultDetails {
    /// IRV and STV: what happened at each stage.
    pub stages: Vec<StageNote>,
    /// Whether `StageNote::quota` is an STV quota (otherwise IRV's threshold to win).
    pub quota_is_stv: bool,
    /// Single-stage methods: every option's total, highest first.
    pub totals: Vec<TotalRow>,
    /// Schulze: the pairwise counts and the strongest paths.
    pub pairwise: Option<Pairwise>,
    /// Quadratic voting: the voice credits spent.
    pub credits: Option<Credits>,
    /// Consent: the positions and their reasons.
    pub consent: Option<ConsentDetails>,
    /// Every tie the count broke, in order.
    pub ties: Vec<TieNote>,
    /// The lot order with its keys, when a tie was broken by lot.
    pub lot: Vec<(String, String)>,
}

/// One stage of a staged count.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageNote {
    /// Its number, from 1.
    pub stage: u32,
    /// The quota (STV) or the votes needed to win (IRV).
    pub quota: String,
    /// Votes exhausted or non-transferable so far.
    pub exhausted: String,
    /// Elected at this stage.
    pub elected: Vec<String>,
    /// Eliminated, excluded or defeated at this stage.
    pub excluded: Vec<String>,
    /// Whose votes were transferred at this stage (a surplus, or an excluded option's).
    pub from: Vec<String>,
    /// Where they went: an option's name (`None`: exhausted) and the amount.
    pub transfers: Vec<(Option<String>, String)>,
}

/// One option's final total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotalRow {
    /// The option.
    pub name: String,
    /// Its exact total.
    pub total: String,
    /// Whether it won (or is one of the winners).
    pub won: bool,
}

/// Schulze's matrices, rows and columns in ballot order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairwise {
    /// The options (row and column headings).
    pub options: Vec<String>,
    /// `d[a][b]`: ballots preferring a to b.
    pub d: Vec<Vec<String>>,
    /// `p[a][b]`: the strength of the strongest path from a to b.
    pub p: Vec<Vec<String>>,
}

/// The voice credits of a quadratic round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credits {
    /// Credits per voter.
    pub budget: String,
    /// Credits spent by all ballots together.
    pub total: String,
    /// How many ballots spent how many credits (fewest credits first): no order of casting.
    pub spread: Vec<(String, String)>,
}

/// The positions of a consent round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentDetails {
    /// Consent, concern, stand aside, object: their weights.
    pub counts: [String; 4],
    /// Objections tolerated.
    pub max_objections: String,
    /// Every objection's reason.
    pub objections: Vec<String>,
    /// Every concern's reason (those given).
    pub concerns: Vec<String>,
}

/// A tie broken by the count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TieNote {
    /// The stage it happened at.
    pub stage: String,
    /// What it decided (tally's code: `elimination`, `winner`, …).
    pub decision: String,
    /// The tied options.
    pub tied: Vec<String>,
    /// The rule that broke it (`previous-rounds`, `order`, `lot`).
    pub rule: String,
    /// The option picked, or the whole order when several were ordered at once.
    pub picked: Vec<String>,
}

#[cfg(feature = "ssr")]
pub use build::details_of;
#[cfg(feature = "ssr")]
pub(crate) use build::figure;

#[cfg(feature = "ssr")]
mod build {
    use super::*;
    use serde_json::Value;

    /// A number or decimal string of the report as text.
    /// A number or decimal string of a report's JSON as text.
    pub(crate) fn figure(value: Option<&Value>) -> String {
        match value {
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        }
    }

    fn array(value: Option<&Value>) -> &[Value] {
        value
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The name of the option an index in the report stands for.
    fn name(options: &[String], index: Option<&Value>) -> Option<String> {
        let i = usize::try_from(index?.as_u64()?).ok()?;
        options.get(i).cloned()
    }

    fn names(options: &[String], indices: Option<&Value>) -> Vec<String> {
        array(indices)
            .iter()
            .filter_map(|i| name(options, Some(i)))
            .collect()
    }

    /// Transfers `[{to: {option: i} | "exhausted", amount}]` as (name or exhausted, amount).
    fn transfers(options: &[String], list: Option<&Value>) -> Vec<(Option<String>, String)> {
        array(list)
            .iter()
            .map(|t| {
                let to = t.get("to").and_then(|to| name(options, to.get("option")));
                (to, figure(t.get("amount")))
            })
            .collect()
    }

    fn irv_stage(options: &[String], round: &Value) -> StageNote {
        let eliminated = array(round.get("eliminated"));
        StageNote {
            stage: round.get("round").and_then(Value::as_u64).unwrap_or(0) as u32,
            quota: figure(round.get("threshold")),
            exhausted: figure(round.get("exhausted")),
            elected: name(options, round.get("elected")).into_iter().collect(),
            excluded: eliminated
                .iter()
                .filter_map(|e| name(options, e.get("option")))
                .collect(),
            from: Vec::new(),
            transfers: eliminated
                .iter()
                .flat_map(|e| transfers(options, e.get("transfers")))
                .collect(),
        }
    }

    fn scottish_stage(options: &[String], stage: &Value) -> StageNote {
        let action = stage.get("action");
        let kind = action.and_then(|a| a.get("kind")).and_then(Value::as_str);
        let acted = action.and_then(|a| name(options, a.get("option")));
        let mut elected = names(options, stage.get("elected"));
        elected.extend(names(options, stage.get("deemed_elected")));
        StageNote {
            stage: stage.get("stage").and_then(Value::as_u64).unwrap_or(0) as u32,
            quota: figure(stage.get("quota")),
            exhausted: figure(stage.get("non_transferable_total")),
            elected,
            excluded: acted
                .clone()
                .filter(|_| kind == Some("exclusion"))
                .into_iter()
                .collect(),
            from: acted.into_iter().collect(),
            transfers: transfers(options, stage.get("transfers")),
        }
    }

    fn meek_stage(options: &[String], round: &Value) -> StageNote {
        let last = array(round.get("iterations")).last();
        let action = round.get("action");
        let kind = action.and_then(|a| a.get("kind")).and_then(Value::as_str);
        StageNote {
            stage: round.get("round").and_then(Value::as_u64).unwrap_or(0) as u32,
            quota: figure(last.and_then(|i| i.get("quota"))),
            exhausted: figure(last.and_then(|i| i.get("excess"))),
            elected: if kind == Some("elected") {
                names(options, action.and_then(|a| a.get("options")))
            } else {
                Vec::new()
            },
            excluded: if kind == Some("defeated") {
                name(options, action.and_then(|a| a.get("option")))
                    .into_iter()
                    .collect()
            } else {
                Vec::new()
            },
            from: Vec::new(),
            transfers: Vec::new(),
        }
    }

    /// Final totals, highest first (ballot order among equals).
    fn totals(options: &[String], result: &Value) -> Vec<TotalRow> {
        let winners: Vec<u64> = array(result.get("winners"))
            .iter()
            .filter_map(Value::as_u64)
            .collect();
        let tiers = array(result.get("tiers"));
        let all = array(result.get("totals"));
        tiers
            .iter()
            .flat_map(|tier| array(Some(tier)).iter().filter_map(Value::as_u64))
            .filter_map(|o| {
                Some(TotalRow {
                    name: options.get(usize::try_from(o).ok()?)?.clone(),
                    total: figure(all.get(usize::try_from(o).ok()?)),
                    won: winners.contains(&o),
                })
            })
            .collect()
    }

    fn matrix(value: Option<&Value>) -> Vec<Vec<String>> {
        array(value)
            .iter()
            .map(|row| array(Some(row)).iter().map(|c| figure(Some(c))).collect())
            .collect()
    }

    fn credits(details: &Value) -> Credits {
        let mut spread = std::collections::BTreeMap::<u128, u128>::new();
        for group in array(details.get("credits")) {
            let credits = figure(group.get("credits")).parse().unwrap_or(0);
            let weight: u128 = figure(group.get("weight")).parse().unwrap_or(0);
            *spread.entry(credits).or_default() += weight;
        }
        Credits {
            budget: figure(details.get("budget")),
            total: figure(details.get("credits_total")),
            spread: spread
                .into_iter()
                .map(|(c, n)| (c.to_string(), n.to_string()))
                .collect(),
        }
    }

    fn consent(details: &Value) -> ConsentDetails {
        let reasons = |key: &str| -> Vec<String> {
            array(details.get(key))
                .iter()
                .filter_map(|r| r.get("reason").and_then(Value::as_str))
                .map(str::to_owned)
                .collect()
        };
        ConsentDetails {
            counts: ["consent", "concern", "stand_aside", "object"]
                .map(|key| figure(details.get(key))),
            max_objections: figure(details.get("max_objections")),
            objections: reasons("objections"),
            concerns: reasons("concerns"),
        }
    }

    fn tie(options: &[String], record: &Value) -> TieNote {
        let text = |key: &str| {
            record
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let order = names(options, record.get("order"));
        TieNote {
            stage: figure(record.get("stage")),
            decision: text("decision"),
            tied: names(options, record.get("tied")),
            rule: text("rule"),
            picked: if order.is_empty() {
                name(options, record.get("picked")).into_iter().collect()
            } else {
                order
            },
        }
    }

    /// The details of a stored report (tally's `Report` as JSON).
    pub fn details_of(report: &Value) -> ResultDetails {
        let options: Vec<String> = array(report.get("options"))
            .iter()
            .filter_map(|n| n.as_str().map(str::to_owned))
            .collect();
        let details = report.get("details").unwrap_or(&Value::Null);
        let method = details.get("method").and_then(Value::as_str).unwrap_or("");
        let mut out = ResultDetails::default();
        match method {
            "irv" => {
                out.stages = array(details.get("rounds"))
                    .iter()
                    .map(|r| irv_stage(&options, r))
                    .collect();
            }
            "stv-scottish" => {
                out.quota_is_stv = true;
                out.stages = array(details.get("stages"))
                    .iter()
                    .map(|s| scottish_stage(&options, s))
                    .collect();
            }
            "stv-meek" => {
                out.quota_is_stv = true;
                out.stages = array(details.get("rounds"))
                    .iter()
                    .map(|r| meek_stage(&options, r))
                    .collect();
            }
            "approval" | "score" | "dot" | "borda" => out.totals = totals(&options, details),
            "quadratic" => {
                out.totals = details
                    .get("result")
                    .map(|r| totals(&options, r))
                    .unwrap_or_default();
                out.credits = Some(credits(details));
            }
            "schulze" => {
                out.pairwise = Some(Pairwise {
                    options: options.clone(),
                    d: matrix(details.get("d")),
                    p: matrix(details.get("p")),
                });
            }
            "consent" => out.consent = Some(consent(details)),
            _ => {}
        }
        out.ties = array(report.get("ties"))
            .iter()
            .map(|t| tie(&options, t))
            .collect();
        if out.ties.iter().any(|t| t.rule == "lot") {
            out.lot = array(report.get("lot").and_then(|l| l.get("order")))
                .iter()
                .filter_map(|e| Some((name(&options, e.get("option"))?, figure(e.get("key")))))
                .collect();
        }
        out
    }
}

#[cfg(test)]
#[cfg(feature = "ssr")]
mod tests {
    use super::*;
    use tally::{
        CountConfig,
        ballot::{BallotGroup, ConsentPosition, Contest, Marks, Ranking, group_ballots},
        config::{Method, Quorum, TiePolicy},
    };

    /// Counts `ballots` (marks, weight) by `method` and reads the details back from the
    /// report's JSON, as a result page does.
    fn details(
        method: Method,
        seats: u32,
        tie_policy: TiePolicy,
        options: &[&str],
        ballots: Vec<(Marks, u64)>,
    ) -> ResultDetails {
        let contest = Contest {
            title: "t".into(),
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            withdrawn: Vec::new(),
            seats,
            tie_order: None,
            ballots: group_ballots(
                ballots
                    .into_iter()
                    .map(|(marks, weight)| BallotGroup { marks, weight }),
            ),
        };
        let config = CountConfig {
            method,
            tie_policy,
            seed: Some([7; 32]),
            quorum: Quorum::None,
            electorate: None,
            rctab: Default::default(),
        };
        let report = tally::count(&contest, &config).expect("counts");
        details_of(&serde_json::to_value(&report).expect("serialises"))
    }

    fn ranked(order: &[usize]) -> Marks {
        Marks::Ranking(Ranking::strict(order).expect("a ranking"))
    }

    const IRV: Method = Method::Irv {
        batch_elimination: false,
        continue_until_two: false,
    };

    #[test]
    fn irv_stages_name_who_was_eliminated_and_where_the_votes_went() {
        let d = details(
            IRV,
            1,
            TiePolicy::PreviousRoundsThenOrder,
            &["Oak", "Pine", "Elm"],
            vec![
                (ranked(&[0]), 3),
                (ranked(&[1, 0]), 1),
                (ranked(&[1]), 1),
                (ranked(&[2]), 3),
            ],
        );
        assert_eq!(d.stages.len(), 2, "{d:?}");
        assert_eq!(d.stages[0].quota, "5", "more than half of 8 ballots");
        assert_eq!(d.stages[0].excluded, ["Pine"]);
        assert_eq!(
            d.stages[0].transfers,
            [
                (Some("Oak".to_owned()), "1".to_owned()),
                (None, "1".to_owned())
            ],
            "one of Pine's ballots goes on to Oak, the other has no further choice"
        );
        assert_eq!(d.stages[1].elected, ["Oak"]);
        assert_eq!(d.stages[1].exhausted, "1");
        assert!(!d.quota_is_stv && d.ties.is_empty());
    }

    #[test]
    fn scottish_stv_stages_show_the_quota_the_surplus_and_the_elected() {
        let d = details(
            Method::StvScottish { seats: 2 },
            2,
            TiePolicy::PreviousRoundsThenOrder,
            &["Oak", "Pine", "Elm"],
            vec![(ranked(&[0, 1]), 6), (ranked(&[2]), 2), (ranked(&[1]), 1)],
        );
        assert!(d.quota_is_stv);
        assert_eq!(
            d.stages[0].quota, "4.00000",
            "Droop quota of 9 ballots, 2 seats"
        );
        assert_eq!(d.stages[0].elected, ["Oak"]);
        let surplus = &d.stages[1];
        assert_eq!(surplus.from, ["Oak"], "{d:?}");
        assert!(surplus.excluded.is_empty());
        // Six papers at the transfer value trunc5(2/6) = 0.33333 carry 1.99998, not 2.
        assert_eq!(
            surplus.transfers,
            [(Some("Pine".to_owned()), "1.99998".to_owned())]
        );
    }

    #[test]
    fn schulze_matrices_are_read_row_by_row() {
        let d = details(
            Method::Schulze,
            1,
            TiePolicy::PreviousRoundsThenOrder,
            &["Oak", "Pine"],
            vec![(ranked(&[0, 1]), 2), (ranked(&[1, 0]), 1)],
        );
        let pairwise = d.pairwise.expect("a matrix");
        assert_eq!(pairwise.options, ["Oak", "Pine"]);
        assert_eq!(pairwise.d, [["0", "2"], ["1", "0"]]);
        assert_eq!(pairwise.p[0][1], "2");
    }

    #[test]
    fn totals_come_highest_first_with_the_winners_marked() {
        let d = details(
            Method::Approval { winners: 1 },
            1,
            TiePolicy::PreviousRoundsThenOrder,
            &["Oak", "Pine"],
            vec![
                (Marks::Approval(vec![1]), 2),
                (Marks::Approval(vec![0, 1]), 1),
            ],
        );
        let rows: Vec<(&str, &str, bool)> = d
            .totals
            .iter()
            .map(|r| (r.name.as_str(), r.total.as_str(), r.won))
            .collect();
        assert_eq!(rows, [("Pine", "3", true), ("Oak", "1", false)]);
    }

    #[test]
    fn quadratic_credits_are_grouped_by_amount_not_by_ballot() {
        let d = details(
            Method::Quadratic {
                credits: 10,
                allow_negative: false,
            },
            1,
            TiePolicy::PreviousRoundsThenOrder,
            &["Oak", "Pine"],
            vec![
                (Marks::Points(vec![(0, 3)]), 1),
                (Marks::Points(vec![(0, 1), (1, 2)]), 1),
                (Marks::Points(vec![(1, 3)]), 1),
            ],
        );
        let credits = d.credits.expect("credits");
        assert_eq!(credits.budget, "10");
        assert_eq!(credits.total, "23");
        assert_eq!(
            credits.spread,
            [
                ("5".to_owned(), "1".to_owned()),
                ("9".to_owned(), "2".to_owned())
            ]
        );
    }

    #[test]
    fn consent_keeps_every_reason() {
        let position = |position, reason: Option<&str>| Marks::Consent {
            position,
            reason: reason.map(str::to_owned),
        };
        let d = details(
            Method::Consent { max_objections: 0 },
            1,
            TiePolicy::PreviousRoundsThenOrder,
            &["Proposal"],
            vec![
                (position(ConsentPosition::Consent, None), 2),
                (position(ConsentPosition::Object, Some("Too costly")), 1),
                (
                    position(ConsentPosition::Concern, Some("Check the budget")),
                    1,
                ),
            ],
        );
        let consent = d.consent.expect("consent");
        assert_eq!(consent.counts, ["2", "1", "0", "1"].map(str::to_owned));
        assert_eq!(consent.objections, ["Too costly"]);
        assert_eq!(consent.concerns, ["Check the budget"]);
    }

    #[test]
    fn a_tie_by_lot_names_its_options_and_publishes_the_lot() {
        let d = details(
            Method::Score,
            1,
            TiePolicy::Lot,
            &["Oak", "Pine"],
            vec![(Marks::Points(vec![(0, 3), (1, 3)]), 1)],
        );
        assert_eq!(d.ties.len(), 1, "{:?}", d.ties);
        let tie = &d.ties[0];
        assert_eq!(
            (tie.rule.as_str(), tie.decision.as_str()),
            ("lot", "winner")
        );
        assert_eq!(tie.tied, ["Oak", "Pine"]);
        let lot_order: Vec<&str> = d.lot.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            tie.picked, lot_order,
            "the tied options are ordered by their lot keys"
        );
        assert_eq!(d.lot[0].1.len(), 64, "SHA-256 keys in hex");
    }
}
