//! Organisation forms: create, settings, membership changes, invitations.

use super::{kept_values, refused, render_page, see_other};
use crate::state::AppState;
use app::{
    domain::{membership::MembershipChange, roles::Role},
    dto::FormState,
    services::{
        ServiceError,
        invitations::{self, NewInvitation},
        members,
        organisations::{self, Settings},
    },
};
use axum::{
    Form,
    extract::{Path, State},
    http::{StatusCode, request::Parts},
    response::Response,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use uuid::Uuid;

fn settings_values(form: &Settings) -> BTreeMap<String, String> {
    kept_values(&[
        ("name", &form.name),
        ("slug", &form.slug),
        ("time_zone", &form.time_zone),
        ("default_language", &form.default_language),
        ("description", &form.description),
    ])
}

/// `POST /orgs/new`.
pub async fn create(
    State(state): State<AppState>,
    parts: Parts,
    Form(form): Form<Settings>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    match organisations::create(&ctx, &form).await {
        Ok(created) => see_other(&format!("/o/{}", created.slug)),
        Err(error) => {
            refused(
                &state,
                &parts,
                "/orgs/new",
                "organisation",
                settings_values(&form),
                error,
            )
            .await
        }
    }
}

/// `POST /o/{slug}/settings`.
pub async fn update_settings(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    parts: Parts,
    Form(form): Form<Settings>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    match organisations::update_settings(&ctx, &slug, &form).await {
        Ok(updated) => see_other(&format!("/o/{}", updated.slug)),
        Err(error) => {
            let page = format!("/o/{slug}/settings");
            refused(
                &state,
                &parts,
                &page,
                "organisation",
                settings_values(&form),
                error,
            )
            .await
        }
    }
}

/// The role form (other membership changes send no fields).
#[derive(Debug, Deserialize, Default)]
pub struct ChangeForm {
    #[serde(default)]
    role: String,
    /// `yes` once the person confirmed a removal or leaving (the dialog with JavaScript,
    /// the confirmation page without).
    #[serde(default)]
    confirmed: String,
}

/// `POST /o/{slug}/members/{membership}/{change}` with change one of `role`, `suspend`,
/// `reinstate`, `remove`, `leave`.
pub async fn change_member(
    State(state): State<AppState>,
    Path((slug, membership, change)): Path<(String, String, String)>,
    parts: Parts,
    Form(form): Form<ChangeForm>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let page = format!("/o/{slug}/members");
    let change = match change.as_str() {
        "role" => Role::from_code(&form.role).map(MembershipChange::ChangeRole),
        "suspend" => Some(MembershipChange::Suspend),
        "reinstate" => Some(MembershipChange::Reinstate),
        "remove" => Some(MembershipChange::Remove),
        "leave" => Some(MembershipChange::Leave),
        _ => None,
    };
    let (Some(change), Ok(membership)) = (change, Uuid::parse_str(&membership)) else {
        return refused(
            &state,
            &parts,
            &page,
            "member",
            BTreeMap::new(),
            ServiceError::NotFound,
        )
        .await;
    };
    // Removing and leaving cannot be undone by the person: they are asked first. Without the
    // confirmation the answer is the page that asks (at this same address).
    let needs_confirmation = matches!(change, MembershipChange::Remove | MembershipChange::Leave);
    if needs_confirmation && form.confirmed != "yes" {
        return see_other(parts.uri.path());
    }
    match members::change(&ctx, &slug, membership, change).await {
        Ok(_) if change == MembershipChange::Leave => see_other("/"),
        Ok(_) => see_other(&page),
        Err(error) => refused(&state, &parts, &page, "member", BTreeMap::new(), error).await,
    }
}

/// `POST /o/{slug}/invitations`: creates a link and shows it once.
pub async fn create_invitation(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    parts: Parts,
    Form(form): Form<NewInvitation>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let page = format!("/o/{slug}/invitations");
    match invitations::create(&ctx, &slug, &form).await {
        Ok(created) => {
            let link = format!("{}/invite/{}", state.base_url, created.token);
            if let (Some(mailer), Some(address)) = (&state.mailer, &created.invitation.email) {
                send_invitation(mailer, address, &ctx, &slug, &link).await;
            }
            let shown = FormState {
                form: "invitation_created".into(),
                values: BTreeMap::from([("link".to_owned(), link)]),
                problems: Vec::new(),
            };
            render_page(&state, &parts, &page, shown, StatusCode::CREATED).await
        }
        Err(error) => {
            let values = kept_values(&[
                ("email", &form.email),
                ("role", &form.role),
                ("expires_in_days", &form.expires_in_days),
                ("max_uses", &form.max_uses),
            ]);
            refused(&state, &parts, &page, "invitation", values, error).await
        }
    }
}

/// `POST /o/{slug}/invitations/{id}/revoke`.
pub async fn revoke_invitation(
    State(state): State<AppState>,
    Path((slug, id)): Path<(String, String)>,
    parts: Parts,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let page = format!("/o/{slug}/invitations");
    let result = match Uuid::parse_str(&id) {
        Ok(id) => invitations::revoke(&ctx, &slug, id).await,
        Err(_) => Err(ServiceError::NotFound),
    };
    match result {
        Ok(()) => see_other(&page),
        Err(error) => refused(&state, &parts, &page, "invitation", BTreeMap::new(), error).await,
    }
}

/// `POST /invite/{token}`: the signed-in person accepts.
pub async fn accept_invitation(
    State(state): State<AppState>,
    Path(token): Path<String>,
    parts: Parts,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    match invitations::accept(&ctx, &token).await {
        Ok(organisation) => see_other(&format!("/o/{}", organisation.slug)),
        Err(error) => {
            let page = format!("/invite/{token}");
            refused(&state, &parts, &page, "accept", BTreeMap::new(), error).await
        }
    }
}

/// `POST /o/{slug}/groups`.
pub async fn create_group(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    parts: Parts,
    Form(form): Form<app::services::groups::NewGroup>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let page = format!("/o/{slug}/groups");
    match app::services::groups::create(&ctx, &slug, &form).await {
        Ok(_) => see_other(&page),
        Err(error) => {
            let values = kept_values(&[
                ("name", &form.name),
                ("slug", &form.slug),
                ("description", &form.description),
            ]);
            refused(&state, &parts, &page, "group", values, error).await
        }
    }
}

/// The add-member form.
#[derive(Debug, Deserialize, Default)]
pub struct GroupMemberForm {
    #[serde(default)]
    membership: String,
}

/// `POST /o/{slug}/groups/{group}/members/add` (membership in the form) and
/// `POST /o/{slug}/groups/{group}/members/{membership}/remove`.
pub async fn group_member(
    State(state): State<AppState>,
    Path(segments): Path<Vec<(String, String)>>,
    parts: Parts,
    Form(form): Form<GroupMemberForm>,
) -> Response {
    let ctx = super::ctx(&state, &parts);
    let get = |name: &str| {
        segments
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
            .unwrap_or_default()
    };
    let slug = get("slug");
    let page = format!("/o/{slug}/groups");
    let (membership, add) = match get("membership").as_str() {
        "" => (form.membership.clone(), true),
        id => (id.to_owned(), false),
    };
    let result = match Uuid::parse_str(&membership) {
        Ok(id) => app::services::groups::set_member(&ctx, &slug, &get("group"), id, add).await,
        Err(_) => Err(ServiceError::NotFound),
    };
    match result {
        Ok(()) => see_other(&page),
        Err(error) => {
            refused(
                &state,
                &parts,
                &page,
                "group_member",
                BTreeMap::new(),
                error,
            )
            .await
        }
    }
}

/// Mails an invitation link, in the organisation's default language.
async fn send_invitation(
    mailer: &crate::mail::Mailer,
    address: &str,
    ctx: &app::services::Ctx,
    slug: &str,
    link: &str,
) {
    let Ok(seen) = organisations::find(ctx, slug).await else {
        return;
    };
    let language =
        app::i18n::Language::from_code(&seen.organisation.default_language).unwrap_or_default();
    let inviter = ctx
        .account
        .as_ref()
        .map(|a| a.display_name.clone())
        .unwrap_or_default();
    let args = [
        ("organisation".to_owned(), seen.organisation.name.clone()),
        ("inviter".to_owned(), inviter),
        ("link".to_owned(), link.to_owned()),
    ];
    mailer.send_later(
        address,
        language.tr_args("mail-invitation-subject", &args),
        language.tr_args("mail-invitation-body", &args),
    );
}
