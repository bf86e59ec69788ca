//! The part of a result page that explains the count per method, as tables a person can check
//! by hand: what happened at each stage (IRV, STV), the totals (approval, score, dot vote,
//! Borda, quadratic), Schulze's pairwise counts and strongest paths, the voice credits spent,
//! the consent positions with every objection's and concern's reason, and every tie with the
//! rule that broke it and, for a lot, the lot itself.

use crate::{
    api::round_details::{ConsentDetails, Credits, Pairwise, ResultDetails, StageNote, TieNote},
    i18n::{Language, use_language, use_t},
};
use leptos::prelude::*;

/// Everything `details` holds that this method has.
#[component]
pub fn ResultDetailsView(details: ResultDetails) -> impl IntoView {
    let ResultDetails {
        stages,
        quota_is_stv,
        totals,
        pairwise,
        credits,
        consent,
        ties,
        lot,
    } = details;
    view! {
        {(!stages.is_empty()).then(|| view! { <StageNotes stages quota_is_stv /> })}
        {(!totals.is_empty()).then(|| view! { <Totals totals /> })}
        {pairwise.map(|pairwise| view! { <PairwiseTables pairwise /> })}
        {credits.map(|credits| view! { <CreditsSpent credits /> })}
        {consent.map(|consent| view! { <Positions consent /> })}
        {(!ties.is_empty()).then(|| view! { <Ties ties lot /> })}
    }
}

/// Every option's total at every stage (IRV, STV): the stage table.
#[component]
pub fn StageTableView(table: crate::api::rounds::StageTable) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    view! {
        <div class="table-scroll">
            <table>
                <caption>{t("round-stage-table")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("round-option")}</th>
                        {table.stages.iter().map(|s| view! { <th scope="col">{language.tr_with("round-stage", "number", s.clone())}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {table.rows.iter().map(|(name, cells)| view! {
                        <tr>
                            <th scope="row">{name.clone()}</th>
                            {cells.iter().map(|c| view! { <td>{c.clone()}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// Names joined for a sentence or a cell.
fn list(names: &[String]) -> String {
    names.join(", ")
}

/// Where the votes of a stage went: "Oak 2, exhausted 1", after whose they were (the page's
/// and the minutes' wording).
pub fn moved(language: Language, note: &StageNote) -> String {
    let to = note
        .transfers
        .iter()
        .map(|(to, amount)| match to {
            Some(name) => format!("{name} {amount}"),
            None => format!("{} {amount}", language.tr("round-exhausted-short")),
        })
        .collect::<Vec<_>>()
        .join(", ");
    match (note.from.is_empty(), to.is_empty()) {
        (_, true) => String::new(),
        (true, false) => to,
        (false, false) => format!("{} → {to}", list(&note.from)),
    }
}

#[component]
fn StageNotes(stages: Vec<StageNote>, quota_is_stv: bool) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    view! {
        <div class="table-scroll">
            <table data-testid="stage-notes">
                <caption>{t("round-stages-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("round-stage-col")}</th>
                        <th scope="col">{t(if quota_is_stv { "round-quota" } else { "round-threshold-to-win" })}</th>
                        <th scope="col">{t("round-elected")}</th>
                        <th scope="col">{t("round-excluded")}</th>
                        <th scope="col">{t("round-transferred")}</th>
                        <th scope="col">{t(if quota_is_stv { "round-non-transferable" } else { "round-exhausted" })}</th>
                    </tr>
                </thead>
                <tbody>
                    {stages.into_iter().map(|note| view! {
                        <tr>
                            <th scope="row">{note.stage}</th>
                            <td>{note.quota.clone()}</td>
                            <td>{list(&note.elected)}</td>
                            <td>{list(&note.excluded)}</td>
                            <td>{moved(language, &note)}</td>
                            <td>{note.exhausted.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Totals(totals: Vec<crate::api::round_details::TotalRow>) -> impl IntoView {
    let t = use_t();
    view! {
        <div class="table-scroll">
            <table data-testid="totals">
                <caption>{t("round-totals-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("round-option")}</th>
                        <th scope="col">{t("round-total")}</th>
                        <th scope="col">{t("round-wins")}</th>
                    </tr>
                </thead>
                <tbody>
                    {totals.into_iter().map(|row| view! {
                        <tr>
                            <th scope="row">{row.name}</th>
                            <td>{row.total}</td>
                            <td>{row.won.then_some("✓")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// A square matrix with the options as row and column headings.
fn matrix(
    caption: String,
    options: &[String],
    cells: Vec<Vec<String>>,
    id: &'static str,
) -> impl IntoView + use<> {
    view! {
        <div class="table-scroll">
            <table data-testid=id>
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <td></td>
                        {options.iter().map(|o| view! { <th scope="col">{o.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {options.iter().zip(cells).enumerate().map(|(a, (name, row))| view! {
                        <tr>
                            <th scope="row">{name.clone()}</th>
                            {row.into_iter().enumerate().map(|(b, cell)| {
                                let cell = if a == b { "—".to_owned() } else { cell };
                                view! { <td>{cell}</td> }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn PairwiseTables(pairwise: Pairwise) -> impl IntoView {
    let t = use_t();
    let Pairwise { options, d, p } = pairwise;
    view! {
        {matrix(t("round-pairwise-d"), &options, d, "pairwise")}
        {matrix(t("round-pairwise-p"), &options, p, "strongest-paths")}
    }
}

#[component]
fn CreditsSpent(credits: Credits) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    view! {
        <p data-testid="credits">{language.tr_args("round-credits-summary", &[
            ("total".to_owned(), credits.total.clone()),
            ("budget".to_owned(), credits.budget.clone()),
        ])}</p>
        <div class="table-scroll">
            <table>
                <caption>{t("round-credits-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("round-credits")}</th>
                        <th scope="col">{t("round-ballot-count")}</th>
                    </tr>
                </thead>
                <tbody>
                    {credits.spread.into_iter().map(|(spent, ballots)| view! {
                        <tr><th scope="row">{spent}</th><td>{ballots}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn Positions(consent: ConsentDetails) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let labels = [
        t("round-position-consent"),
        t("round-position-concern"),
        t("round-position-stand_aside"),
        t("round-position-object"),
    ];
    let reasons = |heading: String, reasons: Vec<String>, id: &'static str| {
        (!reasons.is_empty()).then(|| {
            view! {
                <h3>{heading}</h3>
                <ul data-testid=id>
                    {reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <div class="table-scroll">
            <table data-testid="positions">
                <caption>{t("round-positions-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t("round-position")}</th>
                        <th scope="col">{t("round-weight")}</th>
                    </tr>
                </thead>
                <tbody>
                    {labels.into_iter().zip(consent.counts).map(|(label, count)| view! {
                        <tr><th scope="row">{label}</th><td>{count}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p>{language.tr_with("round-max-objections", "count", consent.max_objections)}</p>
        {reasons(t("round-objections-heading"), consent.objections, "objections")}
        {reasons(t("round-concerns-heading"), consent.concerns, "concerns")}
    }
}

/// A tie in one sentence: who was tied for what, the rule and the pick.
pub fn tie_sentence(language: Language, tie: &TieNote) -> String {
    let decision = match tie.decision.as_str() {
        "winner" => language.tr("round-tie-decision-winner"),
        "election_order" => language.tr("round-tie-decision-election-order"),
        "surplus_order" => language.tr("round-tie-decision-surplus-order"),
        "elimination" => language.tr("round-tie-decision-elimination"),
        "exclusion" => language.tr("round-tie-decision-exclusion"),
        "defeat" => language.tr("round-tie-decision-defeat"),
        _ => language.tr("round-tie-decision-last-places"),
    };
    let rule = match tie.rule.as_str() {
        "previous-rounds" => language.tr("round-tie-rule-previous-rounds"),
        "lot" => language.tr("round-tie-rule-lot"),
        _ => language.tr("round-tie-rule-order"),
    };
    language.tr_args(
        "round-tie",
        &[
            ("stage".to_owned(), tie.stage.clone()),
            ("tied".to_owned(), list(&tie.tied)),
            ("decision".to_owned(), decision),
            ("rule".to_owned(), rule),
            ("picked".to_owned(), list(&tie.picked)),
        ],
    )
}

#[component]
fn Ties(ties: Vec<TieNote>, lot: Vec<(String, String)>) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    view! {
        <h3>{t("round-ties-heading")}</h3>
        <ul data-testid="ties">
            {ties.iter().map(|tie| view! { <li>{tie_sentence(language, tie)}</li> }).collect_view()}
        </ul>
        {(!lot.is_empty()).then(|| view! {
            <div class="table-scroll">
                <table data-testid="lot">
                    <caption>{t("round-lot-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t("round-option")}</th>
                            <th scope="col">{t("round-lot-key")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {lot.into_iter().map(|(name, key)| view! {
                            <tr><th scope="row">{name}</th><td><code class="hash">{key}</code></td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}
