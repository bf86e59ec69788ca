//! Meeting actions (decision-rules.md §9): a facilitator creates a meeting, records
//! attendance, adds and edits agenda items and their action points, marks it held, approves
//! its minutes and reopens them for a correction; an action's owner marks it done; admins
//! choose the paper and whether meeting attendance is a round's quorum reference.

use super::{Action, OrgPath};
use serde::{Deserialize, Serialize};

/// `POST /o/{slug}/meetings/new`.
pub struct CreateMeeting;
impl Action for CreateMeeting {
    const ROUTE: &'static str = "/o/{slug}/meetings/new";
    const FORM: &'static str = "meeting";
    type Path = OrgPath;
}

/// `POST /o/{slug}/meetings/{meeting}/attendance`: who attended, who sent apologies, guests.
pub struct SetAttendance;
impl Action for SetAttendance {
    const ROUTE: &'static str = "/o/{slug}/meetings/{meeting}/attendance";
    const FORM: &'static str = "attendance";
    type Path = MeetingPath;
}

/// `POST /o/{slug}/meetings/{meeting}/items`: an item at the end of the agenda.
pub struct AddAgendaItem;
impl Action for AddAgendaItem {
    const ROUTE: &'static str = "/o/{slug}/meetings/{meeting}/items";
    const FORM: &'static str = "agenda_item";
    type Path = MeetingPath;
}

/// `POST /o/{slug}/meetings/{meeting}/items/{item}`: an item's title, proposal and notes.
pub struct EditAgendaItem;
impl Action for EditAgendaItem {
    const ROUTE: &'static str = "/o/{slug}/meetings/{meeting}/items/{item}";
    const FORM: &'static str = "agenda_item_edit";
    type Path = ItemPath;
}

/// `POST /o/{slug}/meetings/{meeting}/hold`: the meeting took place.
pub struct HoldMeeting;
impl Action for HoldMeeting {
    const ROUTE: &'static str = "/o/{slug}/meetings/{meeting}/hold";
    const FORM: &'static str = "meeting_hold";
    type Path = MeetingPath;
}

/// `POST /o/{slug}/meetings/{meeting}/approve`: the minutes are approved, then read-only.
pub struct ApproveMinutes;
impl Action for ApproveMinutes {
    const ROUTE: &'static str = "/o/{slug}/meetings/{meeting}/approve";
    const FORM: &'static str = "meeting_approve";
    type Path = MeetingPath;
}

/// `POST /o/{slug}/meetings/{meeting}/correct`: approved minutes reopened, with a reason.
pub struct ReopenMinutes;
impl Action for ReopenMinutes {
    const ROUTE: &'static str = "/o/{slug}/meetings/{meeting}/correct";
    const FORM: &'static str = "meeting_correct";
    type Path = MeetingPath;
}

/// `POST /o/{slug}/meetings/{meeting}/items/{item}/actions`: an action point on an item.
pub struct AddActionPoint;
impl Action for AddActionPoint {
    const ROUTE: &'static str = "/o/{slug}/meetings/{meeting}/items/{item}/actions";
    const FORM: &'static str = "action_point";
    type Path = ItemPath;
}

/// `POST /o/{slug}/meetings/{meeting}/actions/{action}`: an action point done, or not.
pub struct MarkActionPoint;
impl Action for MarkActionPoint {
    const ROUTE: &'static str = "/o/{slug}/meetings/{meeting}/actions/{action}";
    const FORM: &'static str = "action_point_done";
    type Path = ActionPointPath;
}

/// `POST /o/{slug}/meetings/settings`: the paper minutes are printed on, and whether rounds
/// opened from a meeting count quorum against the members present.
pub struct SetMeetingSettings;
impl Action for SetMeetingSettings {
    const ROUTE: &'static str = "/o/{slug}/meetings/settings";
    const FORM: &'static str = "meeting_settings";
    type Path = OrgPath;
}

/// One action point of one meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionPointPath {
    /// The organisation's web address.
    pub slug: String,
    /// The meeting's number.
    pub meeting: String,
    /// The action point's id.
    pub action: String,
}

/// One meeting of one organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingPath {
    /// The organisation's web address.
    pub slug: String,
    /// The meeting's number.
    pub meeting: String,
}

impl MeetingPath {
    /// Meeting `meeting` of `slug`.
    pub fn new(slug: &str, meeting: i32) -> MeetingPath {
        MeetingPath {
            slug: slug.to_owned(),
            meeting: meeting.to_string(),
        }
    }

    /// The meeting's page.
    pub fn page(&self) -> String {
        format!("/o/{}/meetings/{}", self.slug, self.meeting)
    }
}

/// One agenda item of one meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemPath {
    /// The organisation's web address.
    pub slug: String,
    /// The meeting's number.
    pub meeting: String,
    /// The item's id.
    pub item: String,
}

#[cfg(feature = "ssr")]
mod perform {
    use super::*;
    use crate::{
        actions::{ActionCtx, Done, Perform},
        domain::{
            document::Paper,
            meeting::{self, Attendance},
        },
        services::{ServiceError, ServiceResult, meetings},
    };
    use std::collections::BTreeMap;

    /// Every field as posted.
    pub type Fields = BTreeMap<String, String>;

    fn field<'a>(fields: &'a Fields, name: &str) -> &'a str {
        fields.get(name).map_or("", String::as_str)
    }

    fn number(text: &str) -> ServiceResult<i32> {
        text.parse().map_err(|_| ServiceError::NotFound)
    }

    fn item_text(form: &Fields) -> ServiceResult<meeting::AgendaItemText> {
        meeting::parse_item(
            field(form, "title"),
            field(form, "proposal"),
            field(form, "notes"),
        )
        .map_err(ServiceError::Invalid)
    }

    impl Perform for CreateMeeting {
        type Form = Fields;

        fn page(path: &OrgPath, _: &Fields) -> String {
            format!("/o/{}/meetings", path.slug)
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(ctx: &ActionCtx, path: &OrgPath, form: &Fields) -> ServiceResult<Done> {
            let number = meetings::create(&ctx.services, &path.slug, form).await?;
            Ok(Done::see_other(MeetingPath::new(&path.slug, number).page()))
        }
    }

    impl Perform for SetAttendance {
        type Form = Fields;

        fn page(path: &MeetingPath, _: &Fields) -> String {
            path.page()
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &MeetingPath,
            form: &Fields,
        ) -> ServiceResult<Done> {
            let marks: BTreeMap<uuid::Uuid, Attendance> = form
                .iter()
                .filter_map(|(name, value)| {
                    let member = name.strip_prefix("attendance-")?.parse().ok()?;
                    Some((member, Attendance::from_code(value)?))
                })
                .collect();
            let guests =
                meeting::parse_guests(field(form, "guests")).map_err(ServiceError::Invalid)?;
            meetings::set_attendance(
                &ctx.services,
                &path.slug,
                number(&path.meeting)?,
                &marks,
                &guests,
            )
            .await?;
            Ok(Done::see_other(format!("{}#attendance", path.page())))
        }
    }

    impl Perform for AddAgendaItem {
        type Form = Fields;

        fn page(path: &MeetingPath, _: &Fields) -> String {
            path.page()
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &MeetingPath,
            form: &Fields,
        ) -> ServiceResult<Done> {
            let text = item_text(form)?;
            meetings::add_item(&ctx.services, &path.slug, number(&path.meeting)?, &text).await?;
            Ok(Done::see_other(format!("{}#agenda", path.page())))
        }
    }

    impl Perform for EditAgendaItem {
        type Form = Fields;

        fn page(path: &ItemPath, _: &Fields) -> String {
            format!("/o/{}/meetings/{}", path.slug, path.meeting)
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(ctx: &ActionCtx, path: &ItemPath, form: &Fields) -> ServiceResult<Done> {
            let text = item_text(form)?;
            let item = path.item.parse().map_err(|_| ServiceError::NotFound)?;
            meetings::edit_item(
                &ctx.services,
                &path.slug,
                number(&path.meeting)?,
                item,
                &text,
            )
            .await?;
            Ok(Done::see_other(format!(
                "/o/{}/meetings/{}#item-{}",
                path.slug, path.meeting, path.item
            )))
        }
    }

    impl Perform for HoldMeeting {
        type Form = Fields;

        fn page(path: &MeetingPath, _: &Fields) -> String {
            path.page()
        }

        async fn perform(ctx: &ActionCtx, path: &MeetingPath, _: &Fields) -> ServiceResult<Done> {
            meetings::hold(&ctx.services, &path.slug, number(&path.meeting)?).await?;
            Ok(Done::see_other(path.page()))
        }
    }

    impl Perform for ApproveMinutes {
        type Form = Fields;

        fn page(path: &MeetingPath, _: &Fields) -> String {
            path.page()
        }

        async fn perform(ctx: &ActionCtx, path: &MeetingPath, _: &Fields) -> ServiceResult<Done> {
            meetings::approve(&ctx.services, &path.slug, number(&path.meeting)?).await?;
            Ok(Done::see_other(path.page()))
        }
    }

    impl Perform for ReopenMinutes {
        type Form = Fields;

        fn page(path: &MeetingPath, _: &Fields) -> String {
            path.page()
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &MeetingPath,
            form: &Fields,
        ) -> ServiceResult<Done> {
            meetings::reopen(
                &ctx.services,
                &path.slug,
                number(&path.meeting)?,
                field(form, "reason"),
            )
            .await?;
            Ok(Done::see_other(path.page()))
        }
    }

    impl Perform for AddActionPoint {
        type Form = Fields;

        fn page(path: &ItemPath, _: &Fields) -> String {
            format!("/o/{}/meetings/{}", path.slug, path.meeting)
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(ctx: &ActionCtx, path: &ItemPath, form: &Fields) -> ServiceResult<Done> {
            let text = meeting::parse_action_point(field(form, "text"), field(form, "due"))
                .map_err(ServiceError::Invalid)?;
            let item = path.item.parse().map_err(|_| ServiceError::NotFound)?;
            meetings::add_action(
                &ctx.services,
                &path.slug,
                number(&path.meeting)?,
                item,
                &text,
                field(form, "owner"),
            )
            .await?;
            Ok(Done::see_other(format!(
                "/o/{}/meetings/{}#item-{}",
                path.slug, path.meeting, path.item
            )))
        }
    }

    impl Perform for MarkActionPoint {
        type Form = Fields;

        fn page(path: &ActionPointPath, _: &Fields) -> String {
            format!("/o/{}/meetings/{}", path.slug, path.meeting)
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &ActionPointPath,
            form: &Fields,
        ) -> ServiceResult<Done> {
            let action = path.action.parse().map_err(|_| ServiceError::NotFound)?;
            meetings::mark_action(
                &ctx.services,
                &path.slug,
                number(&path.meeting)?,
                action,
                field(form, "done") == "true",
            )
            .await?;
            Ok(Done::see_other(format!(
                "/o/{}/meetings/{}#action-{}",
                path.slug, path.meeting, path.action
            )))
        }
    }

    impl Perform for SetMeetingSettings {
        type Form = Fields;

        fn page(path: &OrgPath, _: &Fields) -> String {
            format!("/o/{}/meetings", path.slug)
        }

        fn kept(form: &Fields) -> Fields {
            form.clone()
        }

        async fn perform(ctx: &ActionCtx, path: &OrgPath, form: &Fields) -> ServiceResult<Done> {
            let paper = Paper::from_code(field(form, "paper")).ok_or_else(|| {
                ServiceError::Invalid(vec![crate::dto::Problem::new(
                    Some("paper"),
                    "meeting_paper_unknown",
                    "Choose A4 or Letter.",
                )])
            })?;
            meetings::set_settings(
                &ctx.services,
                &path.slug,
                paper,
                field(form, "quorum_from_attendance") == "true",
            )
            .await?;
            Ok(Done::see_other(format!(
                "/o/{}/meetings#settings",
                path.slug
            )))
        }
    }
}
