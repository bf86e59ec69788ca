//! Page data about meetings (decision-rules.md §9): the organisation's meetings with the form
//! creating one (and, for admins, the meeting settings), and one meeting with its people,
//! agenda, action points and, for each item about a proposal, the decisions of its rounds
//! taken from the record. The minutes themselves are `api::meeting_minutes`.

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
    /// The paper printed minutes use (`a4`, `letter`).
    pub paper: String,
    /// Whether rounds opened from a meeting count quorum against the members present.
    pub quorum_from_attendance: bool,
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
    /// Whether it is closed (and so has minutes).
    pub closed: bool,
    /// The outcome in one sentence (the organisation's language), or its state while not
    /// closed.
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
    /// The decisions of the proposal's closed rounds, and the rounds opened from this item.
    pub decisions: Vec<DecisionRow>,
    /// Its action points.
    pub actions: Vec<ActionView>,
    /// Where a facilitator opens a round on its proposal from this item, when they may.
    pub open_round: Option<String>,
}

/// An action point on the meeting page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionView {
    /// The action point.
    pub action: crate::api::meeting_minutes::ActionRecord,
    /// Whether the viewer may mark it done or not done (its owner, facilitators).
    pub may_mark: bool,
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
    /// The approved versions: number, when, and why (corrections).
    pub versions: Vec<(i32, String, String)>,
    /// While reopened for a correction: why.
    pub correcting: Option<String>,
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
pub use build::meeting_view;

#[cfg(feature = "ssr")]
mod build {
    use super::*;
    use crate::{
        api::local_time,
        domain::{
            meeting::Attendance, proposal::ProposalState, roles::MembershipState, round::RoundState,
        },
        entities::{meeting as row, proposal},
        i18n::Language,
        services::{Ctx, ServiceResult, meetings, members, organisations::Seen, proposals},
    };
    use sea_orm::EntityTrait;

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
            paper: seen.organisation.paper.clone(),
            quorum_from_attendance: seen.organisation.quorum_from_attendance,
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
        let actions = meetings::actions_of(&ctx.db, &items).await?;
        let owners: Vec<uuid::Uuid> = actions.iter().filter_map(|a| a.owner_id).collect();
        let owner_names = proposals::names(&ctx.db, &owners).await?;
        let me = seen.membership.as_ref().map(|m| m.id);
        let may_run = seen.may(Action::RunMeeting);
        let may_open = seen.may(Action::OpenRound) && m.state != MeetingState::Approved;
        let mut item_views = Vec::with_capacity(items.len());
        for item in items {
            let mut about = None;
            let mut open_round = None;
            let rounds = meetings::item_rounds(
                &ctx.db,
                seen.organisation.id,
                item.id,
                item.proposal_id,
                None,
            )
            .await?;
            if let Some(pid) = item.proposal_id
                && let Some(p) = proposal::Entity::find_by_id(pid).one(&ctx.db).await?
            {
                about = Some((p.number, p.title.clone()));
                if may_open
                    && p.state == ProposalState::Discussion
                    && !crate::services::rounds::active_on(&ctx.db, p.id).await?
                {
                    open_round = Some(format!(
                        "/o/{}/p/{}/rounds/new?agenda_item={}",
                        seen.organisation.slug, p.number, item.id
                    ));
                }
            }
            let mut decisions = Vec::new();
            for r in rounds {
                let outcome = if r.state == RoundState::Closed {
                    // The outcome from the stored report: the page needs the sentence only.
                    let json = crate::services::round_files::stored_report(&r)?;
                    let result = crate::api::rounds::result_of(&json, String::new(), &r, false);
                    language.tr_args(&result.sentence.key, &result.sentence.args)
                } else {
                    language.tr(&format!("round-state-{}", r.state.code()))
                };
                decisions.push(DecisionRow {
                    round: r.id.to_string(),
                    number: r.number,
                    closed: r.state == RoundState::Closed,
                    outcome,
                });
            }
            let item_actions = actions
                .iter()
                .filter(|a| a.agenda_item_id == item.id)
                .map(|a| ActionView {
                    action: crate::api::meeting_minutes::ActionRecord {
                        id: a.id.to_string(),
                        text: a.text.clone(),
                        owner: a.owner_id.map(|id| proposals::name_in(&owner_names, id)),
                        due: a.due.map(|d| d.format("%Y-%m-%d").to_string()),
                        done: a.done_at.is_some(),
                    },
                    may_mark: may_run || (me.is_some() && a.owner_id == me),
                })
                .collect();
            item_views.push(ItemView {
                id: item.id.to_string(),
                position: item.position,
                title: item.title,
                proposal: about,
                notes_html: crate::markdown::to_html(&item.notes),
                notes: item.notes,
                decisions,
                actions: item_actions,
                open_round,
            });
        }
        let versions = meetings::versions(&ctx.db, &m)
            .await?
            .into_iter()
            .map(|v| (v.version, local_time(v.approved_at, &zone), v.reason))
            .collect();
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
            approved: m
                .approved_at
                .filter(|_| m.state == MeetingState::Approved)
                .map(|at| (local_time(at, &zone), m.version)),
            versions,
            correcting: m.correction_reason.clone(),
            allowed: Allowed::of(seen),
        })
    }
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
