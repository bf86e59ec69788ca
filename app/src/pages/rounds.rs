//! Decision rounds (spec §3–§7, §11): `/o/:slug/p/:number/rounds/new`, where a facilitator
//! configures a round and confirms its rule in plain sentences, and `/o/:slug/rounds/:round`,
//! one round: its rule, participation against quorum, the ballot form for its method, the
//! facilitator's controls and voter roll, and once closed its result, ballots and files.

use crate::{
    actions::{
        Action as _,
        proposals::ProposalPath,
        rounds::{
            CancelRound, CastBallot, CloseRoundEarly, CreateRound, ExtendRound, RoundPath,
            WriteRoundOutcome,
        },
    },
    api::rounds::{NewRoundView, ResultView, RoundRow, RoundView, new_round_page, round_page},
    components::{
        action_form::ActionForm,
        forms::{Field, ProblemSummary},
        live_round::{Figures, LiveRound},
        points_ballot::PointsBallot,
        ranked_ballot::RankedBallot,
    },
    domain::{
        round::{RoundState, Sentence},
        round_form::{METHODS, TIE_POLICIES},
    },
    dto::FormState,
    i18n::{Language, use_language, use_t},
    pages::{load_error::LoadError, proposal::number_param},
    session::use_form_state,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::collections::BTreeMap;

/// A sentence of a round's rule, translated.
fn say(language: Language, sentence: &Sentence) -> String {
    language.tr_args(&sentence.key, &sentence.args)
}

/// "closes in 2 d 3 h 12 min".
fn closes_in(language: Language, (days, hours, minutes): (i64, i64, i64)) -> String {
    language.tr_args(
        "round-closes-in",
        &[
            ("days".to_owned(), days.to_string()),
            ("hours".to_owned(), hours.to_string()),
            ("minutes".to_owned(), minutes.to_string()),
        ],
    )
}

/// Rounds in a list: on a proposal, or the open ones on the organisation's page.
#[component]
pub fn RoundList(
    slug: String,
    rounds: Vec<RoundRow>,
    #[prop(optional)] titled: bool,
) -> impl IntoView {
    let language = use_language();
    view! {
        <ul class="rounds">
            {rounds.into_iter().map(|r| {
                let href = RoundPath::new(&slug, &r.id).page();
                let label = if titled {
                    format!("{} · {}", r.title, language.tr_with("round-number", "number", r.number.to_string()))
                } else {
                    language.tr_with("round-number", "number", r.number.to_string())
                };
                let state = language.tr(&format!("round-state-{}", r.state));
                let method = language.tr(&format!("round-method-{}", r.method));
                let voted = r.voted.map(|v| language.tr(if v { "round-you-voted" } else { "round-you-have-not-voted" }));
                let when = match r.closes_in {
                    Some(left) => format!("{} · {}", r.closes, closes_in(language, left)),
                    None => r.closes.clone(),
                };
                let outcome = r.outcome.clone().map(|o| language.tr(&format!("round-outcome-{o}")));
                view! {
                    <li>
                        <a href=href>{label}</a>
                        " · " <span class=format!("state state-{}", r.state)>{state}</span>
                        " · " {method} " · " {when}
                        {outcome.map(|o| view! { " · " <strong>{o}</strong> })}
                        {voted.map(|v| view! { " · " <span class="voted">{v}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

/// The form creating a round.
#[component]
pub fn NewRoundPage() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            number_param(params.get("number")),
        )
    };
    let data = Resource::new_blocking(key, |(slug, number)| new_round_page(slug, number));
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <NewRound page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A `<select>` with its label, keeping the value sent back.
#[component]
fn Choice(
    form: &'static str,
    name: &'static str,
    label: String,
    state: FormState,
    choices: Vec<(String, String)>,
    #[prop(optional, into)] initial: String,
    #[prop(optional, into)] hint: Option<String>,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    let chosen = if state.form.is_empty() {
        initial
    } else {
        state.value(name)
    };
    let hint_id = hint.as_ref().map(|_| format!("{id}-hint"));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <select id=id name=name aria-describedby=hint_id.clone()>
                {choices.into_iter().map(|(value, text)| {
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// A checkbox with its label, keeping the value sent back.
#[component]
fn Tick(form: &'static str, name: &'static str, label: String, state: FormState) -> impl IntoView {
    let id = format!("{form}-{name}");
    let checked = !state.value(name).is_empty();
    view! {
        <div class="field checkbox">
            <input type="checkbox" id=id.clone() name=name value="on" checked=checked />
            <label for=id>{label}</label>
        </div>
    }
}

#[component]
fn NewRound(page: NewRoundView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let state = use_form_state(CreateRound::FORM);
    let form = CreateRound::FORM;
    let path = ProposalPath::new(&page.org.slug, page.number);
    // Opened from a meeting's agenda item (`?agenda_item=`), kept through the preview.
    let agenda_item = match state.value("agenda_item") {
        sent if !sent.is_empty() => sent,
        _ => leptos_router::hooks::use_query_map()
            .read_untracked()
            .get("agenda_item")
            .unwrap_or_default(),
    };
    let statement: Vec<Sentence> =
        serde_json::from_str(&state.value("statement")).unwrap_or_default();
    let previewed = !statement.is_empty();
    let methods: Vec<(String, String)> = METHODS
        .iter()
        .map(|m| ((*m).to_owned(), language.tr(&format!("round-method-{m}"))))
        .collect();
    let ties: Vec<(String, String)> = TIE_POLICIES
        .iter()
        .map(|p| ((*p).to_owned(), language.tr(&format!("round-tie-{p}"))))
        .collect();
    let comparisons = vec![
        ("more-than".to_owned(), t("round-comparison-more-than")),
        ("at-least".to_owned(), t("round-comparison-at-least")),
    ];
    let bases = vec![
        ("votes-cast".to_owned(), t("round-base-votes-cast")),
        ("all-ballots".to_owned(), t("round-base-all-ballots")),
        ("electorate".to_owned(), t("round-base-electorate")),
    ];
    let sources = vec![
        ("list".to_owned(), t("round-options-from-list")),
        (
            "amendments".to_owned(),
            language.tr_with(
                "round-options-from-amendments",
                "count",
                page.open_amendments.to_string(),
            ),
        ),
    ];
    let zone_hint = language.tr_with("round-times-hint", "zone", page.zone.clone());
    let voters = language.tr_args(
        "round-new-voters",
        &[
            ("voters".to_owned(), page.voters.to_string()),
            ("scope".to_owned(), page.scope.clone()),
        ],
    );
    view! {
        <Title text=format!("{} · {}", t("round-new-title"), page.title) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=format!("/o/{}", page.org.slug)>{page.org.name.clone()}</a>
            " / " <a href=path.page()>{page.title.clone()}</a>
        </nav>
        <section class="narrow">
            <h1>{t("round-new-title")}</h1>
            <p>{language.tr_with("round-new-lead", "revision", page.revision.to_string())} " " {voters}</p>
            <ProblemSummary form state=state.clone() />
            {previewed.then(|| view! {
                <div class="notice statement" role="status" aria-live="polite">
                    <h2>{t("round-statement-heading")}</h2>
                    {statement.iter().map(|s| view! { <p>{say(language, s)}</p> }).collect_view()}
                </div>
            })}
            <ActionForm target=CreateRound::target(&path) class="stack">
                {(!agenda_item.is_empty()).then(|| view! {
                    <input type="hidden" name="agenda_item" value=agenda_item.clone() />
                    <p class="notice">{t("round-from-meeting")}</p>
                })}
                <Choice form name="method" label=t("field-round-method") state=state.clone() choices=methods initial="majority" />
                <fieldset>
                    <legend>{t("round-parameters")}</legend>
                    <p class="hint">{t("round-parameters-hint")}</p>
                    <Field form name="threshold" label=t("field-round-threshold") state=state.clone() initial="1/2" hint=t("field-round-threshold-hint") />
                    <Choice form name="comparison" label=t("field-round-comparison") state=state.clone() choices=comparisons initial="more-than" />
                    <Choice form name="base" label=t("field-round-base") state=state.clone() choices=bases initial="votes-cast" />
                    <Field form name="max_objections" kind="number" label=t("field-round-max-objections") state=state.clone() initial="0" />
                    <Field form name="winners" kind="number" label=t("field-round-winners") state=state.clone() initial="1" />
                    <Field form name="seats" kind="number" label=t("field-round-seats") state=state.clone() initial="2" />
                    <Field form name="points" kind="number" label=t("field-round-points") state=state.clone() initial="10" />
                    <Field form name="credits" kind="number" label=t("field-round-credits") state=state.clone() initial="100" />
                    <Tick form name="allow_negative" label=t("field-round-allow-negative") state=state.clone() />
                    <Tick form name="batch_elimination" label=t("field-round-batch-elimination") state=state.clone() />
                    <Tick form name="continue_until_two" label=t("field-round-continue-until-two") state=state.clone() />
                </fieldset>
                <fieldset>
                    <legend>{t("round-options")}</legend>
                    <Choice form name="options_from" label=t("field-round-options-from") state=state.clone() choices=sources initial="list" />
                    <Field form name="options" kind="textarea" label=t("field-round-options") state=state.clone() hint=t("field-round-options-hint") />
                </fieldset>
                <Field form name="quorum" label=t("field-round-quorum") state=state.clone() hint=t("field-round-quorum-hint") />
                <Field form name="opens_at" kind="datetime-local" label=t("field-round-opens-at") state=state.clone() hint=zone_hint.clone() />
                <Field form name="closes_at" kind="datetime-local" label=t("field-round-closes-at") state=state.clone() initial=page.default_closes.clone() hint=zone_hint required=true />
                <Field form name="reminder_hours" kind="number" label=t("field-round-reminder") state=state.clone() initial="24" hint=t("field-round-reminder-hint") />
                <Tick form name="secret" label=t("field-round-secret") state=state.clone() />
                <Tick form name="running_results" label=t("field-round-running-results") state=state.clone() />
                <Choice form name="tie_policy" label=t("field-round-tie-policy") state=state.clone() choices=ties initial="previous-rounds-then-order" />
                <div class="buttons">
                    <button type="submit" class=if previewed { "secondary" } else { "" }>{t("round-check-rule")}</button>
                    {previewed.then(|| view! { <button type="submit" name="confirm" value="yes">{t("round-create")}</button> })}
                </div>
            </ActionForm>
        </section>
    }
}

/// One round.
#[component]
pub fn RoundPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let params = params.read();
        (
            params.get("slug").unwrap_or_default(),
            params.get("round").unwrap_or_default(),
            query.read().get("receipt"),
        )
    };
    let data = Resource::new_blocking(key, |(slug, round, receipt)| {
        round_page(slug, round, receipt)
    });
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(page) => view! { <Round page /> }.into_any(),
                    Err(error) => view! { <LoadError error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Round(page: RoundView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let slug = page.org.slug.clone();
    let path = RoundPath::new(&slug, &page.round.id);
    let proposal = ProposalPath::new(&slug, page.round.proposal);
    let heading = language.tr_with("round-number", "number", page.round.number.to_string());
    let state_label = language.tr(&format!("round-state-{}", page.round.state));
    let open = page.round.state == RoundState::Open;
    view! {
        <Title text=format!("{} · {}", heading, page.round.title) />
        <nav class="breadcrumbs" aria-label=t("breadcrumbs")>
            <a href="/">{t("nav-home")}</a> " / " <a href=format!("/o/{slug}")>{page.org.name.clone()}</a>
            " / " <a href=proposal.page()>{page.round.title.clone()}</a>
        </nav>
        // What was wrong with a form sent from this page, whether or not that form is still
        // offered (a ballot after the close, an observer's ballot).
        {[CastBallot::FORM, ExtendRound::FORM, CloseRoundEarly::FORM, CancelRound::FORM, WriteRoundOutcome::FORM]
            .into_iter()
            .map(|form| view! { <ProblemSummary form state=use_form_state(form) /> })
            .collect_view()}
        <article class="round">
            <p class="eyebrow">{heading.clone()} " · " <span class=format!("state state-{}", page.round.state)>{state_label}</span></p>
            <h1>{page.round.title.clone()}</h1>
            <section class="notice statement" aria-labelledby="rule">
                <h2 id="rule">{t("round-rule")}</h2>
                {page.statement.iter().map(|s| view! { <p>{say(language, s)}</p> }).collect_view()}
            </section>
            <dl class="facts">
                <dt>{t("round-method")}</dt><dd>{language.tr(&format!("round-method-{}", page.round.method))}</dd>
                <dt>{t("round-decides")}</dt><dd><a href=format!("{}/r/{}", proposal.page(), page.revision)>{language.tr_with("proposal-revision-number", "number", page.revision.to_string())}</a></dd>
                <dt>{t("round-opens")}</dt><dd>{page.opens.clone()}</dd>
                <dt>{t("round-ballot")}</dt><dd>{t(if page.secret { "round-secret" } else { "round-open-ballot" })}</dd>
            </dl>
            <LiveRound
                language=language.code().to_owned()
                events=format!("{}/live", path.page())
                figures=Figures {
                    state: page.round.state,
                    voted: page.voted,
                    electorate: page.electorate,
                    needed: page.needed,
                    left: page.round.closes_in,
                }
                closes=page.round.closes.clone()
            />
            {page.reason.clone().map(|r| view! { <div class="notice"><p class="prewrap">{r}</p></div> })}
        </article>
        <Receipt />
        {open.then(|| view! { <BallotForm page=page.clone() path=path.clone() /> })}
        {page.result.clone().map(|result| view! { <Result result /> })}
        <Outcome page=page.clone() path=path.clone() />
        <Ballots page=page.clone() path=path.clone() />
        {page.facilitator.then(|| view! { <Facilitator page=page.clone() path=path.clone() /> })}
    }
}

/// The receipt of a secret ballot just cast: shown once, never stored with the voter.
#[component]
fn Receipt() -> impl IntoView {
    let t = use_t();
    let state = use_form_state(CastBallot::FORM);
    let receipt = state.value("receipt");
    (!receipt.is_empty()).then(|| {
        view! {
            <section class="notice receipt" role="status" aria-labelledby="receipt">
                <h2 id="receipt">{t("round-receipt-heading")}</h2>
                <p class="receipt-code" data-testid="receipt"><code>{receipt.clone()}</code></p>
                <p>{t("round-receipt-keep")}</p>
                <p class="hint">{t("round-receipt-not-receipt-free")}</p>
            </section>
        }
    })
}

/// The ballot form for the round's method; works without JavaScript.
#[component]
fn BallotForm(page: RoundView, path: RoundPath) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let state = use_form_state(CastBallot::FORM);
    // What the voter sent (refused), else their current ballot.
    let values: BTreeMap<String, String> = if state.form.is_empty()
        || !state.values.contains_key("receipt") && state.problems.is_empty()
    {
        page.my_ballot.clone()
    } else {
        state.values.clone()
    };
    let value = move |name: &str| values.get(name).cloned().unwrap_or_default();
    let method = page.round.method.clone();
    let options = page.options.clone();
    if !page.may_vote {
        let why = if page.has_voted && page.secret {
            "round-secret-already-voted"
        } else {
            "round-cannot-vote"
        };
        return view! { <section class="card"><p>{t(why)}</p></section> }.into_any();
    }
    let fields = match method.as_str() {
        "consent" => consent_fields(language, &value).into_any(),
        "majority" => majority_fields(language, &value).into_any(),
        "approval" => view! {
            <fieldset>
                <legend>{language.tr_with("round-ballot-approval", "winners", page.budget.unwrap_or(1).to_string())}</legend>
                {options.iter().map(|o| {
                    let name = format!("o{}", o.position);
                    let id = format!("ballot-{name}");
                    let checked = !value(&name).is_empty();
                    view! {
                        <div class="field checkbox">
                            <input type="checkbox" id=id.clone() name=name value="on" checked=checked />
                            <label for=id>{o.name.clone()}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        }.into_any(),
        "score" => view! {
            {options.iter().map(|o| {
                let name = format!("o{}", o.position);
                let current = value(&name);
                view! {
                    <fieldset class="score" id=format!("ballot-{name}")>
                        <legend>{o.name.clone()}</legend>
                        {(0..=5).map(|n| {
                            let id = format!("ballot-{name}-{n}");
                            let checked = current == n.to_string();
                            view! {
                                <span class="radio">
                                    <input type="radio" id=id.clone() name=name.clone() value=n.to_string() checked=checked />
                                    <label for=id>{n.to_string()}</label>
                                </span>
                            }
                        }).collect_view()}
                    </fieldset>
                }
            }).collect_view()}
        }.into_any(),
        "dot" | "quadratic" => {
            let key = if method == "dot" { "round-ballot-dot" } else if page.allow_negative { "round-ballot-quadratic-against" } else { "round-ballot-quadratic" };
            view! {
                <fieldset>
                    <legend>{language.tr_with(key, "budget", page.budget.unwrap_or(0).to_string())}</legend>
                    <PointsBallot
                        language=language.code().to_owned()
                        method=page.method.clone()
                        options=options.iter().map(|o| o.name.clone()).collect()
                        values=options.iter().map(|o| value(&format!("o{}", o.position))).collect()
                        negative=page.allow_negative
                    />
                </fieldset>
            }.into_any()
        }
        "schulze" => {
            let n = options.len();
            view! {
                <fieldset>
                    <legend>{t("round-ballot-schulze")}</legend>
                    {options.iter().map(|o| {
                        let name = format!("o{}", o.position);
                        let id = format!("ballot-{name}");
                        let current = value(&name);
                        view! {
                            <div class="field">
                                <label for=id.clone()>{o.name.clone()}</label>
                                <select id=id name=name>
                                    <option value="" selected=current.is_empty()>{t("round-unranked")}</option>
                                    {(1..=n).map(|r| {
                                        let selected = current == r.to_string();
                                        view! { <option value=r.to_string() selected=selected>{r.to_string()}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            }.into_any()
        }
        _ => {
            let ranks: Vec<Option<usize>> = (1..=options.len())
                .map(|rank| value(&format!("rank{rank}")).parse().ok())
                .collect();
            view! {
                <fieldset>
                    <legend>{t("round-ballot-ranked")}</legend>
                    <RankedBallot
                        language=language.code().to_owned()
                        options=options.iter().map(|o| o.name.clone()).collect()
                        ranks
                    />
                </fieldset>
            }.into_any()
        }
    };
    let button = if page.secret {
        "round-cast-secret"
    } else if page.has_voted {
        "round-change-ballot"
    } else {
        "round-cast"
    };
    view! {
        <section class="card" aria-labelledby="ballot">
            <h2 id="ballot">{t("round-your-ballot")}</h2>
            {page.secret.then(|| view! {
                <p class="notice">{t("round-secret-final")} " " {t("round-receipt-not-receipt-free")}</p>
            })}
            {(!page.secret && page.has_voted).then(|| view! { <p>{t("round-open-changeable")}</p> })}
            <ActionForm target=CastBallot::target(&path) class="stack ballot">
                {fields}
                <button type="submit">{t(button)}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

fn consent_fields(language: Language, value: &dyn Fn(&str) -> String) -> impl IntoView {
    let current = value("position");
    let reason = value("reason");
    let state = use_form_state(CastBallot::FORM);
    view! {
        <fieldset>
            <legend>{language.tr("round-ballot-consent")}</legend>
            {["consent", "concern", "stand_aside", "object"].into_iter().map(|p| {
                let id = format!("ballot-position-{p}");
                let checked = current == p;
                view! {
                    <div class="field radio">
                        <input type="radio" id=id.clone() name="position" value=p checked=checked />
                        <label for=id>{language.tr(&format!("round-position-{p}"))}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <Field form=CastBallot::FORM name="reason" kind="textarea" label=language.tr("field-ballot-reason") state initial=reason hint=language.tr("field-ballot-reason-hint") />
    }
}

fn majority_fields(language: Language, value: &dyn Fn(&str) -> String) -> impl IntoView {
    let current = value("choice");
    view! {
        <fieldset>
            <legend>{language.tr("round-ballot-majority")}</legend>
            {["yes", "no", "abstain"].into_iter().map(|c| {
                let id = format!("ballot-choice-{c}");
                let checked = current == c;
                view! {
                    <div class="field radio">
                        <input type="radio" id=id.clone() name="choice" value=c checked=checked />
                        <label for=id>{language.tr(&format!("round-choice-{c}"))}</label>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// The result: the outcome in one sentence, the stage table, the report.
#[component]
fn Result(result: ResultView) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let sentence = say(language, &result.sentence);
    view! {
        <section class="card result" aria-labelledby="result">
            <h2 id="result">{t(if result.running { "round-running-results" } else { "round-result" })}</h2>
            <p class="outcome" data-outcome=result.outcome.clone()><strong>{sentence}</strong></p>
            {result.table.clone().map(|table| view! { <crate::components::result_details::StageTableView table /> })}
            {result.table.clone().filter(|table| table.stages.len() > 1).map(|table| {
                let titles: Vec<String> = table
                    .stages
                    .iter()
                    .map(|s| language.tr_with("round-stage", "number", s.clone()))
                    .collect();
                view! {
                    <details class="charts-box" open>
                        <summary>{t("round-charts")}</summary>
                        <crate::components::charts::Transfers table=table.clone() label=t("round-transfers") />
                        <crate::components::charts::StageBars table titles />
                    </details>
                }
            })}
            <crate::components::result_details::ResultDetailsView details=result.details.clone() />
            <details>
                <summary>{t("round-report")}</summary>
                <pre class="report">{result.report.clone()}</pre>
            </details>
            {(!result.running).then(|| view! {
                <p class="hint">{t("round-digest")} " " <code>{result.digest.clone()}</code></p>
            })}
        </section>
    }
}

/// The facilitator's outcome statement, and the form writing it after close.
#[component]
fn Outcome(page: RoundView, path: RoundPath) -> impl IntoView {
    let t = use_t();
    let state = use_form_state(WriteRoundOutcome::FORM);
    let closed = page.round.state == RoundState::Closed;
    let may_write = closed && page.facilitator;
    (closed && (page.statement_html.is_some() || may_write)).then(|| view! {
        <section aria-labelledby="outcome">
            <h2 id="outcome">{t("round-outcome-statement")}</h2>
            {page.statement_html.clone().map(|html| view! { <div class="markdown" inner_html=html></div> })}
            {may_write.then(|| view! {
                <ActionForm target=WriteRoundOutcome::target(&path) class="stack narrow">
                    <Field form=WriteRoundOutcome::FORM name="statement" kind="textarea" label=t("field-round-statement") state=state.clone() initial=page.statement_text.clone() hint=t("field-proposal-body-hint") />
                    <button type="submit">{t("round-write-outcome")}</button>
                </ActionForm>
            })}
        </section>
    })
}

/// The published ballots, the receipt lookup and the files.
#[component]
fn Ballots(page: RoundView, path: RoundPath) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let closed = page.round.state == RoundState::Closed;
    let label = t(if page.secret {
        "round-receipt"
    } else {
        "round-voter"
    });
    let lookup = page.lookup.clone();
    (!page.ballots.is_empty() || closed).then(|| view! {
        <section aria-labelledby="ballots">
            <h2 id="ballots">{t("round-ballots")}</h2>
            {(closed && page.secret).then(|| view! {
                <form method="get" action=path.page() class="inline-form">
                    <label for="receipt-lookup">{t("round-receipt-lookup")}</label>
                    <input id="receipt-lookup" name="receipt" type="text" autocomplete="off" />
                    <button type="submit">{t("round-receipt-find")}</button>
                </form>
            })}
            {lookup.map(|(code, found)| view! {
                <p class="notice" role="status" data-testid="receipt-lookup">
                    {match found {
                        Some(marks) => language.tr_args("round-receipt-found", &[("code".into(), code.clone()), ("ballot".into(), marks)]),
                        None => language.tr_with("round-receipt-not-found", "code", code.clone()),
                    }}
                </p>
            })}
            <div class="table-scroll">
                <table>
                    <thead><tr><th scope="col">{label}</th><th scope="col">{t("round-ballot")}</th></tr></thead>
                    <tbody>
                        {page.ballots.iter().map(|b| view! {
                            <tr><td>{b.label.clone()}</td><td>{b.marks.clone()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(!page.files.is_empty()).then(|| view! {
                <h3>{t("round-files")}</h3>
                <p><a href=format!("{}/minutes", path.page())>{t("minutes-link")}</a></p>
                <ul class="files">
                    {page.files.iter().map(|f| view! {
                        <li><a href=format!("{}/{}", path.page(), f)>{f.clone()}</a></li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    })
}

/// Extend, close early, cancel, and the voter roll, for facilitators.
#[component]
fn Facilitator(page: RoundView, path: RoundPath) -> impl IntoView {
    let t = use_t();
    let language = use_language();
    let state = page.round.state;
    let open = state == RoundState::Open;
    let extend = use_form_state(ExtendRound::FORM);
    let close = use_form_state(CloseRoundEarly::FORM);
    let cancel = use_form_state(CancelRound::FORM);
    let active = matches!(state, RoundState::Open | RoundState::Scheduled);
    active.then(|| view! {
        <section class="card" aria-labelledby="facilitate">
            <h2 id="facilitate">{t("round-for-facilitators")}</h2>
            {(open && !page.roll.is_empty()).then(|| view! {
                <h3>{t("round-voter-roll")}</h3>
                <p class="hint">{t(if page.secret { "round-voter-roll-secret" } else { "round-voter-roll-hint" })}</p>
                <ul class="roll">
                    {page.roll.iter().map(|r| view! {
                        <li>{r.name.clone()} " · " {language.tr(if r.voted { "round-roll-voted" } else { "round-roll-not-yet" })}</li>
                    }).collect_view()}
                </ul>
            })}
            {open.then(|| view! {
                <h3>{t("round-extend")}</h3>
                <ActionForm target=ExtendRound::target(&path) class="stack narrow">
                    <Field form=ExtendRound::FORM name="closes_at" kind="datetime-local" label=t("field-round-new-closes-at") state=extend.clone() required=true />
                    <Field form=ExtendRound::FORM name="reason" kind="textarea" label=t("field-round-reason") state=extend.clone() required=true />
                    <button type="submit" class="secondary">{t("round-extend")}</button>
                </ActionForm>
                <h3>{t("round-close-early")}</h3>
                <p class="hint">{t("round-close-early-hint")}</p>
                <ActionForm target=CloseRoundEarly::target(&path) class="stack narrow">
                    <Field form=CloseRoundEarly::FORM name="reason" kind="textarea" label=t("field-round-reason") state=close.clone() />
                    <button type="submit" class="secondary">{t("round-close-early")}</button>
                </ActionForm>
            })}
            <h3>{t("round-cancel")}</h3>
            <ActionForm target=CancelRound::target(&path) class="stack narrow">
                <Field form=CancelRound::FORM name="reason" kind="textarea" label=t("field-round-reason") state=cancel.clone() required=true />
                <button type="submit" class="secondary">{t("round-cancel")}</button>
            </ActionForm>
        </section>
    })
}
