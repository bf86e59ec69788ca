//! Page data about meetings (decision-rules.md §9): the organisation's meetings with the form
//! creating one, and one meeting with its people, agenda and, for each item about a
//! proposal, the decisions of its closed rounds taken from the record. Also the meeting's
//! minutes as Markdown (`/o/{slug}/meetings/{number}/minutes.md`).

use crate::{
    api::{
        groups::MemberName,
        organisations::{Allowed, OrgHeader},
    },
    domain::{meeting::MeetingState, policy::Action},
    error::AppError,
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A meeting in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingRow {
    /// Its number (its address).
    pub number: i32,
    /// Its title.
    pub title: String,
    /// When it starts, in the organisation's zone (zone named).
    pub starts: String,
    /// The state of its minutes.
    pub state: MeetingState,
}

/// The meetings page (`/o/:slug/meetings`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingsView {
    /// The organisation.
    pub org: OrgHeader,
    /// Its meetings, latest first.
    pub meetings: Vec<MeetingRow>,
    /// The active members (facilitator, minute-taker), by name.
    pub members: Vec<MemberName>,
    /// The organisation's time zone.
    pub zone: String,
    /// A starting time to offer: a week from now, `YYYY-MM-DDTHH:MM` in the zone.
    pub default_starts: String,
    /// What the viewer may do.
    pub allowed: Allowed,
}

/// One decision an agenda item carries: a closed round of its proposal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionRow {
    /// The round's id.
    pub round: String,
    /// Its number on the proposal.
    pub number: i32,
    /// The outcome in one sentence (the organisation's language).
    pub outcome: String,
}

/// An agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemView {
    /// Its id.
    pub id: String,
    /// Its place on the agenda.
    pub position: i32,
    /// Its title.
    pub title: String,
    /// The proposal it is about: number and title.
    pub proposal: Option<(i32, String)>,
    /// Its notes as written (Markdown).
    pub notes: String,
    /// Its notes rendered (sanitised HTML).
    pub notes_html: String,
    /// The decisions of the proposal's closed rounds.
    pub decisions: Vec<DecisionRow>,
}

/// One meeting (`/o/:slug/meetings/:number`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingView {
    /// The organisation.
    pub org: OrgHeader,
    /// The meeting as a list row (number, title, time, state).
    pub meeting: MeetingRow,
    /// Where.
    pub place: String,
    /// A link to join.
    pub link: String,
    /// The facilitator's name.
    pub facilitator: Option<String>,
    /// The minute-taker's name.
    pub minute_taker: Option<String>,
    /// Every active member with their attendance code (`present`, `apologies`, `absent`).
    pub attendance: Vec<(MemberName, String)>,
    /// Guests, one per line.
    pub guests: String,
    /// The agenda in order.
    pub items: Vec<ItemView>,
    /// When the minutes were approved, and their version.
    pub approved: Option<(String, i32)>,
    /// What the viewer may do.
    pub allowed: Allowed,
}

impl MeetingView {
    /// Whether the viewer may run this meeting now (facilitators, while not approved).
    pub fn may_edit(&self) -> bool {
        self.allowed.may(Action::RunMeeting) && self.meeting.state.editable()
    }
}

#[cfg(feature = "ssr")]
pub use build::{meeting_view, minutes_markdown};

#[cfg(feature = "ssr")]
mod build {
    use super::*;
    use crate::{
        api::{local_time, round_minutes},
        domain::{meeting::Attendance, roles::MembershipState, round::RoundState},
        entities::{meeting as row, proposal, round},
        i18n::Language,
        services::{Ctx, ServiceResult, meetings, members, organisations::Seen, proposals},
    };
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

    /// The meetings page.
    pub async fn meetings_view(ctx: &Ctx, seen: &Seen) -> ServiceResult<MeetingsView> {
        let zone = seen.organisation.time_zone.clone();
        let meetings = meetings::list(&ctx.db, seen)
            .await?
            .into_iter()
            .map(|m| MeetingRow {
                number: m.number,
                title: m.title,
                starts: local_time(m.starts_at, &zone),
                state: m.state,
            })
            .collect();
        let members = if seen.may(Action::RunMeeting) {
            active_members(ctx, seen).await?
        } else {
            Vec::new()
        };
        Ok(MeetingsView {
            org: OrgHeader::of(&seen.organisation),
            meetings,
            members,
            default_starts: crate::services::rounds::form_time(
                &zone,
                ctx.now + chrono::Duration::days(7),
            ),
            zone,
            allowed: Allowed::of(seen),
        })
    }

    async fn active_members(ctx: &Ctx, seen: &Seen) -> ServiceResult<Vec<MemberName>> {
        Ok(members::list(ctx, seen)
            .await?
            .into_iter()
            .filter(|m| m.state == MembershipState::Active)
            .map(|m| MemberName {
                membership_id: m.membership_id.to_string(),
                display_name: m.display_name,
            })
            .collect())
    }

    /// One meeting's page; the decisions are written in the organisation's language.
    pub async fn meeting_view(ctx: &Ctx, seen: &Seen, m: row::Model) -> ServiceResult<MeetingView> {
        let zone = seen.organisation.time_zone.clone();
        let (attendance, items) = meetings::contents(&ctx.db, &m).await?;
        let everyone = active_members(ctx, seen).await?;
        let mut people: Vec<uuid::Uuid> = attendance.iter().map(|a| a.membership_id).collect();
        people.extend(m.facilitator_id);
        people.extend(m.minute_taker_id);
        let named = proposals::names(&ctx.db, &people).await?;
        let name = |id: Option<uuid::Uuid>| id.map(|id| proposals::name_in(&named, id));
        // Every active member, plus anyone recorded who is no longer active.
        let mut rows: Vec<(MemberName, String)> = everyone
            .into_iter()
            .map(|member| {
                let status = attendance
                    .iter()
                    .find(|a| a.membership_id.to_string() == member.membership_id)
                    .map_or("absent", |a| match a.status {
                        Attendance::Present => "present",
                        Attendance::Apologies => "apologies",
                    });
                (member, status.to_owned())
            })
            .collect();
        for a in &attendance {
            if !rows
                .iter()
                .any(|(m, _)| m.membership_id == a.membership_id.to_string())
            {
                rows.push((
                    MemberName {
                        membership_id: a.membership_id.to_string(),
                        display_name: proposals::name_in(&named, a.membership_id),
                    },
                    match a.status {
                        Attendance::Present => "present",
                        Attendance::Apologies => "apologies",
                    }
                    .to_owned(),
                ));
            }
        }
        let language = Language::from_code(&seen.organisation.default_language).unwrap_or_default();
        let mut item_views = Vec::with_capacity(items.len());
        for item in items {
            let mut about = None;
            let mut decisions = Vec::new();
            if let Some(pid) = item.proposal_id
                && let Some(p) = proposal::Entity::find_by_id(pid).one(&ctx.db).await?
            {
                about = Some((p.number, p.title.clone()));
                for r in round::Entity::find()
                    .filter(round::Column::ProposalId.eq(p.id))
                    .filter(round::Column::State.eq(RoundState::Closed))
                    .order_by_asc(round::Column::Number)
                    .all(&ctx.db)
                    .await?
                {
                    // The outcome from the stored report: the page needs the sentence only.
                    let json = crate::services::round_files::stored_report(&r)?;
                    let result = crate::api::rounds::result_of(&json, String::new(), &r, false);
                    decisions.push(DecisionRow {
                        round: r.id.to_string(),
                        number: r.number,
                        outcome: language.tr_args(&result.sentence.key, &result.sentence.args),
                    });
                }
            }
            item_views.push(ItemView {
                id: item.id.to_string(),
                position: item.position,
                title: item.title,
                proposal: about,
                notes_html: crate::markdown::to_html(&item.notes),
                notes: item.notes,
                decisions,
            });
        }
        Ok(MeetingView {
            org: OrgHeader::of(&seen.organisation),
            meeting: MeetingRow {
                number: m.number,
                title: m.title.clone(),
                starts: local_time(m.starts_at, &zone),
                state: m.state,
            },
            place: m.place.clone(),
            link: m.link.clone(),
            facilitator: name(m.facilitator_id),
            minute_taker: name(m.minute_taker_id),
            attendance: rows,
            guests: m.guests.clone(),
            items: item_views,
            approved: m.approved_at.map(|at| (local_time(at, &zone), m.version)),
            allowed: Allowed::of(seen),
        })
    }

    /// The meeting's minutes as Markdown, in the organisation's language: details, people,
    /// each item's notes and the full minutes of each decision it carries, the approval,
    /// and lines for the chair's and the minute-taker's signatures.
    pub async fn minutes_markdown(ctx: &Ctx, seen: &Seen, m: row::Model) -> ServiceResult<String> {
        let language = Language::from_code(&seen.organisation.default_language).unwrap_or_default();
        let t = |key: &str| language.tr(key);
        let view = meeting_view(ctx, seen, m.clone()).await?;
        let cell = round_minutes::cell;
        let mut out = format!(
            "# {}\n\n{} · {}\n\n",
            cell(&language.tr_with(
                "meeting-minutes-heading",
                "title",
                view.meeting.title.clone()
            )),
            cell(&view.org.name),
            cell(&view.meeting.starts)
        );
        for (label, value) in [
            (t("meeting-place"), view.place.clone()),
            (t("meeting-link"), view.link.clone()),
            (
                t("meeting-facilitator"),
                view.facilitator.clone().unwrap_or_default(),
            ),
            (
                t("meeting-minute-taker"),
                view.minute_taker.clone().unwrap_or_default(),
            ),
        ] {
            if !value.is_empty() {
                out.push_str(&format!("- {label}: {}\n", cell(&value)));
            }
        }
        let names = |status: &str| -> String {
            view.attendance
                .iter()
                .filter(|(_, s)| s == status)
                .map(|(m, _)| cell(&m.display_name))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!(
            "- {}: {}\n",
            t("meeting-present"),
            names("present")
        ));
        out.push_str(&format!(
            "- {}: {}\n",
            t("meeting-apologies"),
            names("apologies")
        ));
        let guests: Vec<String> = view.guests.lines().map(cell).collect();
        if !guests.is_empty() {
            out.push_str(&format!(
                "- {}: {}\n",
                t("meeting-guests"),
                guests.join(", ")
            ));
        }
        out.push_str(&format!("\n## {}\n\n", t("meeting-agenda")));
        for item in &view.items {
            out.push_str(&format!("### {}. {}\n\n", item.position, cell(&item.title)));
            if !item.notes.trim().is_empty() {
                out.push_str(&format!("{}\n\n", item.notes.trim()));
            }
            for decision in &item.decisions {
                let Ok(id) = decision.round.parse::<uuid::Uuid>() else {
                    continue;
                };
                let round = round::Entity::find_by_id(id).one(&ctx.db).await?;
                if let Some(r) = round
                    && let Some(minutes) = round_minutes::for_round(ctx, seen, r).await?
                {
                    // One decision's minutes, their headings three levels down.
                    let text = round_minutes::markdown(&minutes.minutes, language);
                    for line in text.lines() {
                        if line.starts_with('#') {
                            out.push_str(&format!("###{line}\n"));
                        } else {
                            out.push_str(line);
                            out.push('\n');
                        }
                    }
                }
            }
        }
        out.push_str(&format!("## {}\n\n", t("meeting-approval")));
        match &view.approved {
            Some((at, version)) => out.push_str(&format!(
                "{}\n\n",
                language.tr_args(
                    "meeting-approved-on",
                    &[
                        ("date".to_owned(), at.clone()),
                        ("version".to_owned(), version.to_string())
                    ],
                )
            )),
            None => out.push_str(&format!("{}\n\n", t("meeting-not-approved"))),
        }
        out.push_str(&format!(
            "{}: ______________________\n\n{}: ______________________\n",
            t("meeting-signature-chair"),
            t("meeting-signature-minute-taker")
        ));
        Ok(out)
    }
}

/// `minutes.md` of meeting `number`, for anyone who may view the organisation.
#[cfg(feature = "ssr")]
pub async fn download(
    ctx: &crate::services::Ctx,
    slug: &str,
    number: i32,
) -> crate::services::ServiceResult<String> {
    use crate::services::{meetings, organisations};
    let seen = organisations::authorised(ctx, slug, Action::ViewOrganisation).await?;
    let meeting = meetings::one(&ctx.db, &seen, number).await?;
    build::minutes_markdown(ctx, &seen, meeting).await
}

/// The meetings page.
#[server(endpoint = "meetings_page")]
pub async fn meetings_page(slug: String) -> Result<MeetingsView, AppError> {
    crate::error::answer(
        async move {
            use crate::services::organisations;
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            Ok(build::meetings_view(&ctx, &seen).await?)
        }
        .await,
    )
}

/// One meeting's page.
#[server(endpoint = "meeting_page")]
pub async fn meeting_page(slug: String, number: i32) -> Result<MeetingView, AppError> {
    crate::error::answer(
        async move {
            use crate::services::{meetings, organisations};
            let ctx = crate::session::service_ctx()?;
            let seen = organisations::authorised(&ctx, &slug, Action::ViewOrganisation).await?;
            let meeting = meetings::one(&ctx.db, &seen, number).await?;
            Ok(build::meeting_view(&ctx, &seen, meeting).await?)
        }
        .await,
    )
}
