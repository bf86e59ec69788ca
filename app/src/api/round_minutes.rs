//! The minutes of one decision (spec §9): a closed round's record as a facilitator hands it
//! to a general meeting, taken from the stored result and never retyped: the rule in plain
//! language, the ballot's secrecy, participation against quorum, the outcome, the count's
//! tables, objections and concerns with their reasons, the outcome statement, the report's
//! digest and the audit entry of the close with the command that checks it. Shown as a
//! print-ready page (`/o/:slug/rounds/:round/minutes`) and downloaded as Markdown
//! (`minutes.md`) and JSON (`minutes.json`).

use crate::{
    api::{
        round_details::ResultDetails,
        rounds::{ResultView, StageTable},
    },
    domain::document::{Block, Document, Paper, to_markdown},
    error::AppError,
    i18n::Language,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One decision's minutes, every sentence already in the language they were made in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionMinutes {
    /// The organisation's name.
    pub organisation: String,
    /// Its web address.
    pub slug: String,
    /// The proposal's number.
    pub proposal: i32,
    /// Its title.
    pub title: String,
    /// The revision decided.
    pub revision: i32,
    /// The round's number on the proposal.
    pub round: i32,
    /// The round's id.
    pub round_id: String,
    /// The method and its parameters, in words.
    pub method: String,
    /// The rule in plain sentences.
    pub rule: Vec<String>,
    /// Open or secret ballot, in a sentence.
    pub secrecy: String,
    /// When it opened and closed, in the organisation's zone (zone named).
    pub opened: String,
    /// When it closed.
    pub closed: String,
    /// Why it closed early, if it did.
    pub closed_early: Option<String>,
    /// The outcome in one sentence, with participation against quorum.
    pub outcome: String,
    /// The stage table (IRV, STV).
    pub table: Option<StageTable>,
    /// The count's other tables and reasons.
    pub details: ResultDetails,
    /// The facilitator's outcome statement (Markdown, as written).
    pub statement: Option<String>,
    /// The stored report's SHA-256.
    pub digest: String,
    /// The audit entry recording the close: its number and hash.
    pub audit_entry: Option<(u64, String)>,
    /// The command that checks it all.
    pub verify: String,
}

pub use crate::domain::document::cell;

/// The minutes laid out as blocks: headings from level 1.
pub fn blocks(m: &DecisionMinutes, language: Language) -> Vec<Block> {
    let t = |key: &str| language.tr(key);
    let mut out = vec![
        Block::heading(
            1,
            language.tr_args(
                "minutes-heading",
                &[
                    ("number".to_owned(), m.proposal.to_string()),
                    ("title".to_owned(), m.title.clone()),
                ],
            ),
        ),
        Block::paragraph(format!(
            "{} · {}",
            m.organisation,
            language.tr_args(
                "minutes-round",
                &[
                    ("round".to_owned(), m.round.to_string()),
                    ("revision".to_owned(), m.revision.to_string()),
                ],
            )
        )),
        Block::heading(2, t("round-rule")),
    ];
    let mut rule: Vec<String> = m.rule.clone();
    rule.push(m.method.clone());
    rule.push(m.secrecy.clone());
    rule.push(format!("{}: {}", t("round-opens"), m.opened));
    rule.push(format!("{}: {}", t("minutes-closed"), m.closed));
    if let Some(reason) = &m.closed_early {
        rule.push(format!("{}: {}", t("minutes-closed-early"), reason));
    }
    out.push(Block::List { items: rule });
    out.push(Block::heading(2, t("round-result")));
    out.push(Block::Strong {
        text: m.outcome.clone(),
    });
    if let Some(stages) = &m.table {
        let mut head = vec![t("round-option")];
        head.extend(
            stages
                .stages
                .iter()
                .map(|s| language.tr_with("round-stage", "number", s.clone())),
        );
        let rows: Vec<Vec<String>> = stages
            .rows
            .iter()
            .map(|(name, cells)| {
                std::iter::once(name.clone())
                    .chain(cells.iter().cloned())
                    .collect()
            })
            .collect();
        out.push(Block::table(t("round-stage-table"), head, rows));
    }
    details(&mut out, &m.details, language);
    if let Some(statement) = m.statement.as_deref().filter(|s| !s.trim().is_empty()) {
        out.push(Block::heading(2, t("round-outcome-statement")));
        out.push(Block::Markdown {
            text: statement.trim().to_owned(),
            html: String::new(),
        });
    }
    out.push(Block::heading(2, t("minutes-check")));
    let mut check = vec![format!("{} {}", t("round-digest"), m.digest)];
    if let Some((seq, hash)) = &m.audit_entry {
        check.push(language.tr_args(
            "minutes-audit-entry",
            &[
                ("seq".to_owned(), seq.to_string()),
                ("hash".to_owned(), hash.clone()),
            ],
        ));
    }
    check.push(t("minutes-verify"));
    out.push(Block::List { items: check });
    out.push(Block::Code {
        text: m.verify.clone(),
    });
    out
}

/// The minutes as Markdown.
pub fn markdown(m: &DecisionMinutes, language: Language) -> String {
    to_markdown(&blocks(m, language))
}

/// The minutes as a document to print on `paper`, with lines for the chair and the
/// minute-taker to sign.
pub fn document(m: &DecisionMinutes, language: Language, paper: Paper) -> Document {
    let mut blocks = blocks(m, language);
    blocks.push(Block::Signatures {
        labels: vec![
            language.tr("meeting-signature-chair"),
            language.tr("meeting-signature-minute-taker"),
        ],
        date: language.tr("meeting-signature-date"),
    });
    Document {
        title: language.tr_args(
            "minutes-heading",
            &[
                ("number".to_owned(), m.proposal.to_string()),
                ("title".to_owned(), m.title.clone()),
            ],
        ),
        lang: language.code().to_owned(),
        paper,
        page_label: crate::api::meeting_minutes::page_label(language),
        blocks,
    }
}

fn details(out: &mut Vec<Block>, d: &ResultDetails, language: Language) {
    let t = |key: &str| language.tr(key);
    if !d.stages.is_empty() {
        let head = vec![
            t("round-stage-col"),
            t(if d.quota_is_stv {
                "round-quota"
            } else {
                "round-threshold-to-win"
            }),
            t("round-elected"),
            t("round-excluded"),
            t("round-transferred"),
            t(if d.quota_is_stv {
                "round-non-transferable"
            } else {
                "round-exhausted"
            }),
        ];
        let rows: Vec<Vec<String>> = d
            .stages
            .iter()
            .map(|s| {
                vec![
                    s.stage.to_string(),
                    s.quota.clone(),
                    s.elected.join(", "),
                    s.excluded.join(", "),
                    crate::components::result_details::moved(language, s),
                    s.exhausted.clone(),
                ]
            })
            .collect();
        out.push(Block::table(t("round-stages-caption"), head, rows));
    }
    if !d.totals.is_empty() {
        let head = vec![t("round-option"), t("round-total"), t("round-wins")];
        let rows: Vec<Vec<String>> = d
            .totals
            .iter()
            .map(|r| {
                vec![
                    r.name.clone(),
                    r.total.clone(),
                    if r.won {
                        "✓".to_owned()
                    } else {
                        String::new()
                    },
                ]
            })
            .collect();
        out.push(Block::table(t("round-totals-caption"), head, rows));
    }
    if let Some(p) = &d.pairwise {
        for (caption, cells) in [(t("round-pairwise-d"), &p.d), (t("round-pairwise-p"), &p.p)] {
            let mut head = vec![String::new()];
            head.extend(p.options.iter().cloned());
            let rows: Vec<Vec<String>> = p
                .options
                .iter()
                .zip(cells)
                .map(|(name, row)| {
                    std::iter::once(name.clone())
                        .chain(row.iter().cloned())
                        .collect()
                })
                .collect();
            out.push(Block::table(caption, head, rows));
        }
    }
    if let Some(c) = &d.credits {
        out.push(Block::paragraph(language.tr_args(
            "round-credits-summary",
            &[
                ("total".to_owned(), c.total.clone()),
                ("budget".to_owned(), c.budget.clone()),
            ],
        )));
    }
    if let Some(c) = &d.consent {
        let labels = [
            t("round-position-consent"),
            t("round-position-concern"),
            t("round-position-stand_aside"),
            t("round-position-object"),
        ];
        let rows: Vec<Vec<String>> = labels
            .into_iter()
            .zip(c.counts.iter().cloned())
            .map(|(label, count)| vec![label, count])
            .collect();
        out.push(Block::table(
            t("round-positions-caption"),
            vec![t("round-position"), t("round-weight")],
            rows,
        ));
        for (heading, reasons) in [
            (t("round-objections-heading"), &c.objections),
            (t("round-concerns-heading"), &c.concerns),
        ] {
            if !reasons.is_empty() {
                out.push(Block::Strong { text: heading });
                out.push(Block::List {
                    items: reasons.clone(),
                });
            }
        }
    }
    if !d.ties.is_empty() {
        out.push(Block::Strong {
            text: t("round-ties-heading"),
        });
        out.push(Block::List {
            items: d
                .ties
                .iter()
                .map(|tie| crate::components::result_details::tie_sentence(language, tie))
                .collect(),
        });
    }
}

/// What the minutes page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesView {
    /// The minutes.
    pub minutes: DecisionMinutes,
    /// The result, for the page's tables.
    pub result: ResultView,
    /// The outcome statement rendered from Markdown (sanitised).
    pub statement_html: Option<String>,
}

#[cfg(feature = "ssr")]
pub use build::{download, for_round};

#[cfg(feature = "ssr")]
mod build {
    use super::*;
    use crate::{
        api::{local_time, rounds::RoundView},
        domain::policy::Action,
        entities::{audit_entry, round as row},
        services::{
            Ctx, ServiceError, ServiceResult,
            organisations::{self, Seen},
            rounds,
        },
    };
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    /// The minutes of closed round `round`, in the organisation's language (they are its
    /// record, whoever reads them); `None` while it is not closed.
    pub async fn for_round(
        ctx: &Ctx,
        seen: &Seen,
        round: row::Model,
    ) -> ServiceResult<Option<MinutesView>> {
        let language = Language::from_code(&seen.organisation.default_language).unwrap_or_default();
        let zone = seen.organisation.time_zone.clone();
        let view =
            crate::api::rounds::round_view_with(ctx, seen, round.clone(), None, false).await?;
        minutes_of(ctx, &round, &view, &zone, language).await
    }

    /// `minutes.md`, `minutes.json` or `minutes.pdf` (the document it is drawn from) of
    /// closed round `id`.
    pub async fn download(
        ctx: &Ctx,
        slug: &str,
        id: uuid::Uuid,
        name: &str,
    ) -> ServiceResult<crate::api::meeting_minutes::MinutesFile> {
        use crate::api::meeting_minutes::{MinutesFile, printable};
        let seen = organisations::authorised(ctx, slug, Action::ViewOrganisation).await?;
        let round = rounds::one(&ctx.db, &seen, id).await?;
        let language = Language::from_code(&seen.organisation.default_language).unwrap_or_default();
        let view = for_round(ctx, &seen, round)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let paper = Paper::from_code(&seen.organisation.paper).unwrap_or_default();
        Ok(match name {
            "minutes.md" => MinutesFile::Text(
                "text/markdown; charset=utf-8",
                markdown(&view.minutes, language),
            ),
            "minutes.pdf" => MinutesFile::Pdf(printable(document(&view.minutes, language, paper))),
            _ => MinutesFile::Text(
                "application/json",
                serde_json::to_string_pretty(&view.minutes).map_err(anyhow::Error::from)?,
            ),
        })
    }

    /// The minutes of closed round `round` (whose page is `view`), in `language`.
    async fn minutes_of(
        ctx: &Ctx,
        round: &row::Model,
        view: &RoundView,
        zone: &str,
        language: Language,
    ) -> ServiceResult<Option<MinutesView>> {
        let Some(result) = view.result.clone().filter(|r| !r.running) else {
            return Ok(None);
        };
        let id = round.id.to_string();
        // The close's entry: the last `round.closed` naming this round.
        let entry = audit_entry::Entity::find()
            .filter(audit_entry::Column::OrganisationId.eq(round.organisation_id))
            .filter(audit_entry::Column::Kind.eq("round.closed"))
            .order_by_desc(audit_entry::Column::Seq)
            .all(&ctx.db)
            .await?
            .into_iter()
            .find(|e| {
                serde_json::from_str::<serde_json::Value>(&e.data)
                    .ok()
                    .and_then(|d| d.get("round").and_then(|r| r.as_str().map(str::to_owned)))
                    .as_deref()
                    == Some(id.as_str())
            })
            .map(|e| (u64::try_from(e.seq).unwrap_or(0), e.hash));
        let say = |s: &crate::domain::round::Sentence| language.tr_args(&s.key, &s.args);
        let minutes = DecisionMinutes {
            organisation: view.org.name.clone(),
            slug: view.org.slug.clone(),
            proposal: view.round.proposal,
            title: view.round.title.clone(),
            revision: view.revision,
            round: view.round.number,
            round_id: id,
            // The method by its name in the minutes' language (the rule says the rest).
            method: language.tr(&format!("round-method-{}", view.round.method)),
            rule: view.statement.iter().map(say).collect(),
            secrecy: language.tr(if view.secret {
                "minutes-secret"
            } else {
                "minutes-open"
            }),
            opened: round
                .opened_at
                .map(|at| local_time(at, zone))
                .unwrap_or_default(),
            closed: round
                .closed_at
                .map(|at| local_time(at, zone))
                .unwrap_or_default(),
            closed_early: round.close_reason.clone().filter(|r| !r.is_empty()),
            outcome: say(&result.sentence),
            table: result.table.clone(),
            details: result.details.clone(),
            statement: round.statement.clone(),
            digest: result.digest.clone(),
            audit_entry: entry,
            verify: format!(
                "quorate export --org {slug} > {slug}.json && quorate verify {slug}.json",
                slug = view.org.slug
            ),
        };
        Ok(Some(MinutesView {
            minutes,
            result,
            statement_html: view.statement_html.clone(),
        }))
    }
}

/// The minutes of one closed round, for someone who may view its organisation.
#[server(endpoint = "round_minutes")]
pub async fn round_minutes(slug: String, round: String) -> Result<MinutesView, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                domain::policy::Action,
                services::{ServiceError, organisations, rounds},
            };
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let id = round.parse().map_err(|_| ServiceError::NotFound)?;
            let found = rounds::one(&ctx.db, &seen, id).await?;
            Ok(build::for_round(&ctx, &seen, found)
                .await?
                .ok_or(ServiceError::NotFound)?)
        }
        .await,
    )
}
