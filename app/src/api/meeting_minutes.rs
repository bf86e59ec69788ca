//! A meeting's minutes (decision-rules.md §9) as a record nobody retyped: details, people,
//! each agenda item's notes and action points, and for each item about a proposal the full
//! minutes of its decisions from the stored results; the approval with its digest and audit
//! entry, every correction with its reason, and lines for the chair and the minute-taker to
//! sign. The record (`minutes.json`) is laid out once as a [`Document`] and written as
//! Markdown (`minutes.md`), a print-ready page (`/o/:slug/meetings/:number/minutes`) and a
//! PDF (`minutes.pdf`, drawn by the server). Any approved version can be shown again as it
//! was approved (`?version=N`, `minutes-vN.*`).

use crate::{
    api::round_minutes::{self, DecisionMinutes},
    domain::{
        document::{Block, Document, Paper},
        meeting::MeetingState,
    },
    error::AppError,
    i18n::Language,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A meeting's minutes, every sentence already in the organisation's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRecord {
    /// The organisation's name.
    pub organisation: String,
    /// Its web address.
    pub slug: String,
    /// The meeting's number.
    pub number: i32,
    /// Its title.
    pub title: String,
    /// When it started, in the organisation's zone (zone named).
    pub starts: String,
    /// Where.
    pub place: String,
    /// A link to join.
    pub link: String,
    /// The facilitator.
    pub facilitator: Option<String>,
    /// The minute-taker.
    pub minute_taker: Option<String>,
    /// Members present.
    pub present: Vec<String>,
    /// Members who sent apologies.
    pub apologies: Vec<String>,
    /// Guests by name.
    pub guests: Vec<String>,
    /// The agenda.
    pub items: Vec<ItemRecord>,
    /// Where the minutes stand.
    pub state: MeetingState,
    /// The version shown: approved ones count from 1; while a draft or a correction is being
    /// written, the one it will become.
    pub version: i32,
    /// The approval of the version shown.
    pub approval: Option<ApprovalRecord>,
    /// The corrections up to the version shown (versions 2, 3, …).
    pub corrections: Vec<CorrectionRecord>,
    /// While reopened: why.
    pub correcting: Option<String>,
    /// The command that checks the audit chain and every count.
    pub verify: String,
}

/// An agenda item in the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    /// Its place on the agenda.
    pub position: i32,
    /// Its title.
    pub title: String,
    /// The proposal it is about: number and title.
    pub proposal: Option<(i32, String)>,
    /// Its notes (Markdown, as written).
    pub notes: String,
    /// Its action points.
    pub actions: Vec<ActionRecord>,
    /// The minutes of each decision on its proposal.
    pub decisions: Vec<DecisionMinutes>,
}

/// An action point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionRecord {
    /// Its id.
    pub id: String,
    /// What is to be done.
    pub text: String,
    /// Who does it.
    pub owner: Option<String>,
    /// By when (`YYYY-MM-DD`).
    pub due: Option<String>,
    /// Whether it is done now.
    pub done: bool,
}

/// An approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalRecord {
    /// When, in the organisation's zone.
    pub at: String,
    /// Who approved.
    pub by: String,
    /// The SHA-256 the audit chain records for what was approved.
    pub digest: String,
    /// The audit entry recording it: number and hash.
    pub entry: Option<(u64, String)>,
}

/// A correction: a later approved version and why it was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionRecord {
    /// Its version.
    pub version: i32,
    /// When it was approved.
    pub at: String,
    /// Why.
    pub reason: String,
}

/// The minutes laid out as blocks.
pub fn blocks(r: &MeetingRecord, language: Language) -> Vec<Block> {
    let t = |key: &str| language.tr(key);
    let mut out = vec![
        Block::heading(
            1,
            language.tr_with("meeting-minutes-heading", "title", r.title.clone()),
        ),
        Block::paragraph(format!("{} · {}", r.organisation, r.starts)),
    ];
    let mut facts = Vec::new();
    for (key, value) in [
        ("meeting-place", r.place.clone()),
        ("meeting-link", r.link.clone()),
        (
            "meeting-facilitator",
            r.facilitator.clone().unwrap_or_default(),
        ),
        (
            "meeting-minute-taker",
            r.minute_taker.clone().unwrap_or_default(),
        ),
    ] {
        if !value.is_empty() {
            facts.push(format!("{}: {value}", t(key)));
        }
    }
    facts.push(format!(
        "{}: {}",
        t("meeting-present"),
        r.present.join(", ")
    ));
    facts.push(format!(
        "{}: {}",
        t("meeting-apologies"),
        r.apologies.join(", ")
    ));
    if !r.guests.is_empty() {
        facts.push(format!("{}: {}", t("meeting-guests"), r.guests.join(", ")));
    }
    out.push(Block::List { items: facts });
    if let Some(reason) = &r.correcting {
        out.push(Block::Strong {
            text: language.tr_with("meeting-correcting", "reason", reason.clone()),
        });
    }
    out.push(Block::heading(2, t("meeting-agenda")));
    for item in &r.items {
        out.push(Block::heading(
            3,
            format!("{}. {}", item.position, item.title),
        ));
        if let Some((number, title)) = &item.proposal {
            out.push(Block::paragraph(format!(
                "{}: #{number} {title}",
                t("field-item-proposal")
            )));
        }
        if !item.notes.trim().is_empty() {
            out.push(Block::Markdown {
                text: item.notes.trim().to_owned(),
                html: String::new(),
            });
        }
        if !item.actions.is_empty() {
            let rows = item
                .actions
                .iter()
                .map(|a| {
                    vec![
                        a.text.clone(),
                        a.owner.clone().unwrap_or_default(),
                        a.due.clone().unwrap_or_default(),
                        if a.done {
                            "✓".to_owned()
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect();
            out.push(Block::table(
                t("meeting-actions"),
                vec![
                    t("meeting-action"),
                    t("meeting-action-owner"),
                    t("meeting-action-due"),
                    t("meeting-action-done"),
                ],
                rows,
            ));
        }
        for decision in &item.decisions {
            out.extend(
                round_minutes::blocks(decision, language)
                    .into_iter()
                    .map(|b| b.lowered(3)),
            );
        }
    }
    out.push(Block::heading(2, t("meeting-approval")));
    match &r.approval {
        Some(a) => {
            out.push(Block::paragraph(language.tr_args(
                "meeting-approved-on",
                &[
                    ("date".to_owned(), a.at.clone()),
                    ("version".to_owned(), r.version.to_string()),
                ],
            )));
            let mut check = vec![language.tr_with("meeting-digest", "digest", a.digest.clone())];
            if let Some((seq, hash)) = &a.entry {
                check.push(language.tr_args(
                    "meeting-approval-entry",
                    &[
                        ("seq".to_owned(), seq.to_string()),
                        ("hash".to_owned(), hash.clone()),
                    ],
                ));
            }
            check.push(t("minutes-verify"));
            out.push(Block::List { items: check });
            out.push(Block::Code {
                text: r.verify.clone(),
            });
        }
        None => out.push(Block::paragraph(t("meeting-not-approved"))),
    }
    if !r.corrections.is_empty() {
        out.push(Block::Strong {
            text: t("meeting-versions"),
        });
        out.push(Block::List {
            items: r
                .corrections
                .iter()
                .map(|c| {
                    language.tr_args(
                        "meeting-version-reason",
                        &[
                            ("version".to_owned(), c.version.to_string()),
                            ("date".to_owned(), c.at.clone()),
                            ("reason".to_owned(), c.reason.clone()),
                        ],
                    )
                })
                .collect(),
        });
    }
    out.push(Block::Signatures {
        labels: vec![
            t("meeting-signature-chair"),
            t("meeting-signature-minute-taker"),
        ],
        date: t("meeting-signature-date"),
    });
    out
}

/// The minutes as a document to print on `paper`.
pub fn document(r: &MeetingRecord, language: Language, paper: Paper) -> Document {
    Document {
        title: language.tr_with("meeting-minutes-heading", "title", r.title.clone()),
        lang: language.code().to_owned(),
        paper,
        page_label: page_label(language),
        blocks: blocks(r, language),
    }
}

/// "Page {page} of {pages}" in `language`, the two numbers left for the PDF to fill in.
pub fn page_label(language: Language) -> String {
    language.tr_args(
        "minutes-page-label",
        &[
            ("page".to_owned(), "{page}".to_owned()),
            ("pages".to_owned(), "{pages}".to_owned()),
        ],
    )
}

/// What the print-ready minutes page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingMinutesView {
    /// The record.
    pub record: MeetingRecord,
    /// Its blocks, typed Markdown already rendered (sanitised).
    pub blocks: Vec<Block>,
    /// The approved versions there are (to show another).
    pub versions: Vec<i32>,
    /// The version asked for, if not the current one.
    pub asked: Option<i32>,
}

#[cfg(feature = "ssr")]
pub use build::{download, printable, record, view};

#[cfg(feature = "ssr")]
mod build {
    use super::*;
    use crate::{
        api::local_time,
        domain::{meeting::MeetingSnapshot, policy::Action},
        entities::{audit_entry, meeting as row, meeting_version, proposal},
        services::{
            Ctx, ServiceError, ServiceResult, meetings,
            organisations::{self, Seen},
            proposals,
        },
    };
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    fn corrupt(what: &str, error: impl std::fmt::Display) -> ServiceError {
        ServiceError::Internal(anyhow::anyhow!("{what}: {error}"))
    }

    /// The minutes of meeting `m`: the current text, or approved version `version` as it
    /// was approved (not found if there is no such version).
    pub async fn record(
        ctx: &Ctx,
        seen: &Seen,
        m: &row::Model,
        version: Option<i32>,
    ) -> ServiceResult<MeetingRecord> {
        let versions = meetings::versions(&ctx.db, m).await?;
        record_with(ctx, seen, m, version, &versions).await
    }

    /// [`record`], the meeting's approved versions already read.
    async fn record_with(
        ctx: &Ctx,
        seen: &Seen,
        m: &row::Model,
        version: Option<i32>,
        versions: &[meeting_version::Model],
    ) -> ServiceResult<MeetingRecord> {
        let zone = seen.organisation.time_zone.clone();
        // The approved version shown, if any: the one asked for, or the latest while the
        // minutes are approved.
        let approved: Option<&meeting_version::Model> = match version {
            Some(v) => Some(
                versions
                    .iter()
                    .find(|x| x.version == v)
                    .ok_or(ServiceError::NotFound)?,
            ),
            None if m.state == MeetingState::Approved => versions.last(),
            None => None,
        };
        let snapshot: MeetingSnapshot = match approved {
            Some(v) => serde_json::from_str(&v.record).map_err(|e| corrupt("a version", e))?,
            None => meetings::snapshot(&ctx.db, m).await?,
        };
        // Whether an action is done is read now, also for an old version (follow-up).
        let ids: Vec<uuid::Uuid> = snapshot
            .items
            .iter()
            .flat_map(|i| i.actions.iter().map(|a| a.id))
            .collect();
        let done = meetings::done_actions(&ctx.db, ids).await?;
        let mut people: Vec<uuid::Uuid> = snapshot.attendance.iter().map(|(id, _)| *id).collect();
        people.extend(snapshot.facilitator);
        people.extend(snapshot.minute_taker);
        people.extend(
            snapshot
                .items
                .iter()
                .flat_map(|i| i.actions.iter().filter_map(|a| a.owner)),
        );
        people.extend(approved.map(|v| v.approved_by));
        let named = proposals::names(&ctx.db, &people).await?;
        let name = |id: uuid::Uuid| proposals::name_in(&named, id);
        let with = |status: crate::domain::meeting::Attendance| -> Vec<String> {
            snapshot
                .attendance
                .iter()
                .filter(|(_, s)| *s == status)
                .map(|(id, _)| name(*id))
                .collect()
        };
        let mut item_records = Vec::with_capacity(snapshot.items.len());
        for item in &snapshot.items {
            let about = match item.proposal {
                Some(id) => proposal::Entity::find_by_id(id).one(&ctx.db).await?,
                None => None,
            };
            let decisions = decisions(
                ctx,
                seen,
                item.id,
                about.as_ref().map(|p| p.id),
                approved.map(|v| v.approved_at),
            )
            .await?;
            item_records.push(ItemRecord {
                position: item.position,
                title: item.title.clone(),
                proposal: about.map(|p| (p.number, p.title)),
                notes: item.notes.clone(),
                actions: item
                    .actions
                    .iter()
                    .map(|a| ActionRecord {
                        id: a.id.to_string(),
                        text: a.text.clone(),
                        owner: a.owner.map(name),
                        due: a.due.map(|d| d.format("%Y-%m-%d").to_string()),
                        done: done.contains(&a.id),
                    })
                    .collect(),
                decisions,
            });
        }
        let shown = approved.map_or(m.version + 1, |v| v.version);
        let approval = match approved {
            Some(v) => Some(ApprovalRecord {
                at: local_time(v.approved_at, &zone),
                by: name(v.approved_by),
                digest: v.digest.clone(),
                entry: approval_entry(ctx, m, v.version).await?,
            }),
            None => None,
        };
        let starts_at = chrono::DateTime::parse_from_rfc3339(&snapshot.starts_at)
            .map_err(|e| corrupt("a meeting time", e))?
            .with_timezone(&chrono::Utc);
        Ok(MeetingRecord {
            organisation: seen.organisation.name.clone(),
            slug: seen.organisation.slug.clone(),
            number: m.number,
            title: snapshot.title.clone(),
            starts: local_time(starts_at, &zone),
            place: snapshot.place.clone(),
            link: snapshot.link.clone(),
            facilitator: snapshot.facilitator.map(name),
            minute_taker: snapshot.minute_taker.map(name),
            present: with(crate::domain::meeting::Attendance::Present),
            apologies: with(crate::domain::meeting::Attendance::Apologies),
            guests: snapshot.guests.clone(),
            items: item_records,
            state: if approved.is_some() {
                MeetingState::Approved
            } else {
                m.state
            },
            version: shown,
            approval,
            corrections: versions
                .iter()
                .filter(|v| v.version > 1 && v.version <= shown)
                .map(|v| CorrectionRecord {
                    version: v.version,
                    at: local_time(v.approved_at, &zone),
                    reason: v.reason.clone(),
                })
                .collect(),
            correcting: if approved.is_none() {
                m.correction_reason.clone()
            } else {
                None
            },
            verify: format!(
                "quorate export --org {slug} > {slug}.json && quorate verify {slug}.json",
                slug = seen.organisation.slug
            ),
        })
    }

    /// The minutes of the decisions an item carries (`meetings::item_rounds`), closed ones
    /// only.
    async fn decisions(
        ctx: &Ctx,
        seen: &Seen,
        item: uuid::Uuid,
        proposal: Option<uuid::Uuid>,
        until: Option<chrono::DateTime<chrono::Utc>>,
    ) -> ServiceResult<Vec<DecisionMinutes>> {
        let rounds =
            meetings::item_rounds(&ctx.db, seen.organisation.id, item, proposal, until).await?;
        let mut out = Vec::new();
        for r in rounds {
            if let Some(view) = round_minutes::for_round(ctx, seen, r).await? {
                out.push(view.minutes);
            }
        }
        Ok(out)
    }

    /// The audit entry that recorded approval `version` of meeting `m`.
    async fn approval_entry(
        ctx: &Ctx,
        m: &row::Model,
        version: i32,
    ) -> ServiceResult<Option<(u64, String)>> {
        let id = m.id.to_string();
        Ok(audit_entry::Entity::find()
            .filter(audit_entry::Column::OrganisationId.eq(m.organisation_id))
            .filter(audit_entry::Column::Kind.eq("meeting.minutes_approved"))
            .order_by_asc(audit_entry::Column::Seq)
            .all(&ctx.db)
            .await?
            .into_iter()
            .find(|e| {
                serde_json::from_str::<serde_json::Value>(&e.data).is_ok_and(|d| {
                    d["meeting"].as_str() == Some(id.as_str())
                        && d["version"].as_i64() == Some(i64::from(version))
                })
            })
            .map(|e| (u64::try_from(e.seq).unwrap_or(0), e.hash)))
    }

    /// The page's data: the record, and its blocks with typed Markdown rendered.
    pub async fn view(
        ctx: &Ctx,
        seen: &Seen,
        m: &row::Model,
        version: Option<i32>,
    ) -> ServiceResult<MeetingMinutesView> {
        let language = Language::from_code(&seen.organisation.default_language).unwrap_or_default();
        let versions = meetings::versions(&ctx.db, m).await?;
        let record = record_with(ctx, seen, m, version, &versions).await?;
        let blocks = super::blocks(&record, language)
            .into_iter()
            .map(|b| match b {
                Block::Markdown { text, .. } => Block::Markdown {
                    html: crate::markdown::to_html(&text),
                    text,
                },
                other => other,
            })
            .collect();
        Ok(MeetingMinutesView {
            record,
            blocks,
            versions: versions.iter().map(|v| v.version).collect(),
            asked: version,
        })
    }

    /// A meeting's minutes file for anyone who may view the organisation: `minutes.md`,
    /// `minutes.json`, or the document a PDF is drawn from (`minutes.pdf`), each also as an
    /// approved version (`minutes-v2.md`, …). Media type and contents; `None` for a name
    /// that is not one of these.
    pub async fn download(
        ctx: &Ctx,
        slug: &str,
        number: i32,
        name: &str,
    ) -> ServiceResult<MinutesFile> {
        let (stem, ext) = name.rsplit_once('.').ok_or(ServiceError::NotFound)?;
        let version = match stem.strip_prefix("minutes-v") {
            Some(v) => Some(v.parse::<i32>().map_err(|_| ServiceError::NotFound)?),
            None if stem == "minutes" => None,
            None => return Err(ServiceError::NotFound),
        };
        let seen = organisations::authorised(ctx, slug, Action::ViewOrganisation).await?;
        let m = meetings::one(&ctx.db, &seen, number).await?;
        let language = Language::from_code(&seen.organisation.default_language).unwrap_or_default();
        let record = record(ctx, &seen, &m, version).await?;
        let paper = Paper::from_code(&seen.organisation.paper).unwrap_or_default();
        Ok(match ext {
            "md" => MinutesFile::Text(
                "text/markdown; charset=utf-8",
                crate::domain::document::to_markdown(&blocks(&record, language)),
            ),
            "json" => MinutesFile::Text(
                "application/json",
                serde_json::to_string_pretty(&record).map_err(anyhow::Error::from)?,
            ),
            "pdf" => MinutesFile::Pdf(printable(document(&record, language, paper))),
            _ => return Err(ServiceError::NotFound),
        })
    }

    /// A document ready for the PDF: typed Markdown turned into plain blocks.
    pub fn printable(mut document: Document) -> Document {
        document.blocks = document
            .blocks
            .into_iter()
            .flat_map(|b| match b {
                Block::Markdown { text, .. } => crate::markdown::to_blocks(&text),
                other => vec![other],
            })
            .collect();
        document
    }
}

/// A minutes file: text to serve as is, or a document to draw as a PDF.
#[derive(Debug, Clone)]
pub enum MinutesFile {
    /// Media type and text.
    Text(&'static str, String),
    /// The document a PDF is drawn from.
    Pdf(Document),
}

/// The print-ready minutes of meeting `number` (`version`: an approved version instead of
/// the current text).
#[server(endpoint = "meeting_minutes")]
pub async fn meeting_minutes(
    slug: String,
    number: i32,
    version: Option<i32>,
) -> Result<MeetingMinutesView, AppError> {
    crate::error::answer(
        async move {
            use crate::{
                domain::policy::Action,
                services::{meetings, organisations},
            };
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let m = meetings::one(&ctx.db, &seen, number).await?;
            Ok(build::view(&ctx, &seen, &m, version).await?)
        }
        .await,
    )
}
