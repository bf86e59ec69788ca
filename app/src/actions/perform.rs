//! The server side of actions: the form each reads, the service it calls, what it answers.

use super::Action;
use crate::{
    dto::FormState,
    services::{Ctx, ServiceResult, addresses},
};
use serde::de::DeserializeOwned;
use std::{collections::BTreeMap, future::Future};

/// An action the server performs. The generic handler parses the path and the form, builds
/// the [`ActionCtx`], calls [`Perform::perform`], and answers with what it returns, or, on a
/// refusal, with [`Perform::page`] showing the problems and [`Perform::kept`] values.
pub trait Perform: Action + 'static {
    /// The posted fields, as sent (missing fields are empty): the action parses them into
    /// domain types before calling its service.
    type Form: DeserializeOwned + Default + Send + Sync + 'static;

    /// The page that holds the form and shows its problems.
    fn page(path: &Self::Path, form: &Self::Form) -> String;

    /// The values to send back with problems (never passwords).
    fn kept(_form: &Self::Form) -> BTreeMap<String, String> {
        BTreeMap::new()
    }

    /// Does the change.
    fn perform(
        ctx: &ActionCtx,
        path: &Self::Path,
        form: &Self::Form,
    ) -> impl Future<Output = ServiceResult<Done>> + Send;
}

/// What an action knows about its request.
#[derive(Clone, Debug)]
pub struct ActionCtx {
    /// What services need (database, account, clock, whether mail is sent).
    pub services: Ctx,
    /// The browser's session token, if it sent one.
    pub session: Option<String>,
    /// The client's address (after the trusted proxies), for throttling.
    pub client: String,
    /// This instance's public URL, without a trailing slash (for links in mail).
    pub base_url: String,
    /// The path that was posted to.
    pub posted_to: String,
}

/// What a performed action answers.
#[derive(Debug)]
pub struct Done {
    /// Where the browser goes next.
    pub next: Next,
    /// What happens to the browser's session.
    pub session: SessionChange,
    /// Mail to send once the change is stored.
    pub mail: Vec<Outgoing>,
}

impl Done {
    /// 303 See Other to `path`.
    pub fn see_other(path: impl Into<String>) -> Done {
        Done {
            next: Next::SeeOther(path.into()),
            session: SessionChange::Keep,
            mail: Vec::new(),
        }
    }

    /// The action's page again, with `shown` in place of a sent-back form, as 201 Created.
    pub fn created(shown: FormState) -> Done {
        Done {
            next: Next::Created(shown),
            session: SessionChange::Keep,
            mail: Vec::new(),
        }
    }

    /// The same answer, also starting a new session with this token.
    pub fn starting_session(mut self, token: String) -> Done {
        self.session = SessionChange::Start(token);
        self
    }

    /// The same answer, also ending the browser's session.
    pub fn ending_session(mut self) -> Done {
        self.session = SessionChange::End;
        self
    }

    /// The same answer, also sending `mail`.
    pub fn sending(mut self, mail: impl IntoIterator<Item = Outgoing>) -> Done {
        self.mail.extend(mail);
        self
    }
}

/// Where the browser goes after an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// 303 See Other (only ever a local path: the handler makes sure).
    SeeOther(String),
    /// 201 Created: the action's page, showing this state (e.g. a new link, shown once).
    Created(FormState),
}

/// What an action does to the browser's session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionChange {
    /// Nothing.
    Keep,
    /// A new session with this token (signing in rotates it).
    Start(String),
    /// The session cookie is cleared.
    End,
}

/// Mail an action sends, composed by the server (it knows the mailer and the links).
#[derive(Debug, Clone)]
pub enum Outgoing {
    /// A link that proves an address.
    Address(addresses::Mail),
    /// A finished message.
    Letter {
        /// The recipient.
        to: String,
        /// The subject.
        subject: String,
        /// The plain-text body.
        body: String,
    },
}

/// Something that mounts actions (the server's router; a test's list).
pub trait Mount: Sized {
    /// Mounts one action.
    fn mount<A: Perform>(self) -> Self;
}

/// Every action, mounted on `m`: the one list the router is built from.
pub fn mount_all<M: Mount>(m: M) -> M {
    use super::{
        accounts::*, amendments::*, comments::*, meetings::*, organisations::*, proposals::*,
        rounds::*,
    };
    m.mount::<SignUp>()
        .mount::<SignIn>()
        .mount::<SignOut>()
        .mount::<UpdateProfile>()
        .mount::<ChangePassword>()
        .mount::<EndOtherSessions>()
        .mount::<RequestConfirmation>()
        .mount::<ReplaceCalendarFeed>()
        .mount::<TurnOffCalendarFeed>()
        .mount::<ConfirmAddress>()
        .mount::<UnlinkIdentity>()
        .mount::<CreateOrganisation>()
        .mount::<UpdateSettings>()
        .mount::<ChangeMember>()
        .mount::<CreateInvitation>()
        .mount::<RevokeInvitation>()
        .mount::<AcceptInvitation>()
        .mount::<CreateGroup>()
        .mount::<AddGroupMember>()
        .mount::<RemoveGroupMember>()
        .mount::<CreateProposal>()
        .mount::<EditProposal>()
        .mount::<AddCoAuthor>()
        .mount::<PublishProposal>()
        .mount::<WithdrawProposal>()
        .mount::<PostComment>()
        .mount::<EditComment>()
        .mount::<DeleteComment>()
        .mount::<HideComment>()
        .mount::<ProposeAmendment>()
        .mount::<AcceptAmendment>()
        .mount::<DeclineAmendment>()
        .mount::<CreateRound>()
        .mount::<CastBallot>()
        .mount::<ExtendRound>()
        .mount::<CloseRoundEarly>()
        .mount::<CancelRound>()
        .mount::<WriteRoundOutcome>()
        .mount::<CreateMeeting>()
        .mount::<SetAttendance>()
        .mount::<AddAgendaItem>()
        .mount::<EditAgendaItem>()
        .mount::<HoldMeeting>()
        .mount::<ApproveMinutes>()
        .mount::<ReopenMinutes>()
        .mount::<AddActionPoint>()
        .mount::<MarkActionPoint>()
        .mount::<SetMeetingSettings>()
}

/// An action's name (its type's, e.g. `ChangeMember`), sent as the `Quorate-Action` header
/// of every answer the action gives, for logs and tests.
pub fn name_of<A: Perform>() -> &'static str {
    let full = std::any::type_name::<A>();
    full.rsplit("::").next().unwrap_or(full)
}

/// One listed action: its name, route and form id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    /// [`name_of`].
    pub name: &'static str,
    /// [`Action::ROUTE`].
    pub route: &'static str,
    /// [`Action::FORM`].
    pub form: &'static str,
}

struct List(Vec<Listed>);

impl Mount for List {
    fn mount<A: Perform>(mut self) -> Self {
        self.0.push(Listed {
            name: name_of::<A>(),
            route: A::ROUTE,
            form: A::FORM,
        });
        self
    }
}

/// Every action's route and form id, in the order they are mounted.
pub fn listed() -> Vec<Listed> {
    mount_all(List(Vec::new())).0
}

/// Only a path on this site (never an open redirect), defaulting to `/`.
pub fn local_path(next: &str) -> &str {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(char::is_control);
    if ok { next } else { "/" }
}

/// The values to send back: everything but passwords.
pub fn kept_values(fields: &[(&str, &str)]) -> BTreeMap<String, String> {
    fields
        .iter()
        .filter(|(name, _)| !name.contains("password"))
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_actions_share_a_route() {
        let mut routes: Vec<_> = listed().into_iter().map(|l| l.route).collect();
        let count = routes.len();
        routes.sort_unstable();
        routes.dedup();
        assert_eq!(routes.len(), count, "{routes:?}");
    }

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/o/coop"), "/o/coop");
        for bad in [
            "https://evil.example",
            "//evil.example",
            "/\\evil",
            "",
            "/a\nb",
        ] {
            assert_eq!(local_path(bad), "/", "{bad:?}");
        }
    }
}
