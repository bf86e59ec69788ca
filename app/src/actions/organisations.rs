//! Organisation actions: create, settings, membership changes, invitations, groups.

use super::{Action, NoPath, OrgPath};
use serde::{Deserialize, Serialize};

/// `POST /orgs/new`.
pub struct CreateOrganisation;
impl Action for CreateOrganisation {
    const ROUTE: &'static str = "/orgs/new";
    const FORM: &'static str = "organisation";
    type Path = NoPath;
}

/// `POST /o/{slug}/settings`.
pub struct UpdateSettings;
impl Action for UpdateSettings {
    const ROUTE: &'static str = "/o/{slug}/settings";
    const FORM: &'static str = "organisation";
    type Path = OrgPath;
}

/// `POST /o/{slug}/members/{membership}/{change}`, the change one of `role`, `suspend`,
/// `reinstate`, `remove`, `leave`. Removing and leaving are asked first: without
/// `confirmed=yes` the answer is the page at the same address that asks.
pub struct ChangeMember;
impl Action for ChangeMember {
    const ROUTE: &'static str = "/o/{slug}/members/{membership}/{change}";
    const FORM: &'static str = "member";
    type Path = MemberPath;
}

/// One membership and what to change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberPath {
    /// The organisation's web address.
    pub slug: String,
    /// The membership's id.
    pub membership: String,
    /// `role`, `suspend`, `reinstate`, `remove` or `leave`.
    pub change: String,
}

impl MemberPath {
    /// The `change` of `membership` in `slug`.
    pub fn new(slug: &str, membership: &str, change: &str) -> MemberPath {
        MemberPath {
            slug: slug.to_owned(),
            membership: membership.to_owned(),
            change: change.to_owned(),
        }
    }
}

/// `POST /o/{slug}/invitations`: creates a link and shows it once (201, the same page).
pub struct CreateInvitation;
impl Action for CreateInvitation {
    const ROUTE: &'static str = "/o/{slug}/invitations";
    const FORM: &'static str = "invitation";
    const ANSWERS_WITH_PAGE: bool = true;
    type Path = OrgPath;
}

/// The form id of the page that shows a new invitation link.
pub const INVITATION_CREATED: &str = "invitation_created";

/// `POST /o/{slug}/invitations/{id}/revoke`.
pub struct RevokeInvitation;
impl Action for RevokeInvitation {
    const ROUTE: &'static str = "/o/{slug}/invitations/{id}/revoke";
    const FORM: &'static str = "invitation";
    type Path = InvitationPath;
}

/// One invitation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationPath {
    /// The organisation's web address.
    pub slug: String,
    /// The invitation's id.
    pub id: String,
}

/// `POST /invite/{token}`: the signed-in person accepts.
pub struct AcceptInvitation;
impl Action for AcceptInvitation {
    const ROUTE: &'static str = "/invite/{token}";
    const FORM: &'static str = "accept";
    type Path = super::accounts::TokenPath;
}

/// `POST /o/{slug}/groups`.
pub struct CreateGroup;
impl Action for CreateGroup {
    const ROUTE: &'static str = "/o/{slug}/groups";
    const FORM: &'static str = "group";
    type Path = OrgPath;
}

/// `POST /o/{slug}/groups/{group}/members/add` (the membership in the form).
pub struct AddGroupMember;
impl Action for AddGroupMember {
    const ROUTE: &'static str = "/o/{slug}/groups/{group}/members/add";
    const FORM: &'static str = "group_member";
    type Path = GroupPath;
}

/// One group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupPath {
    /// The organisation's web address.
    pub slug: String,
    /// The group's web address.
    pub group: String,
}

/// `POST /o/{slug}/groups/{group}/members/{membership}/remove`.
pub struct RemoveGroupMember;
impl Action for RemoveGroupMember {
    const ROUTE: &'static str = "/o/{slug}/groups/{group}/members/{membership}/remove";
    const FORM: &'static str = "group_member";
    type Path = GroupMemberPath;
}

/// One member of one group.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMemberPath {
    /// The organisation's web address.
    pub slug: String,
    /// The group's web address.
    pub group: String,
    /// The membership's id.
    pub membership: String,
}

#[cfg(feature = "ssr")]
mod perform {
    use super::*;
    use crate::{
        actions::{ActionCtx, Done, Outgoing, Perform, kept_values},
        domain::{
            group::NewGroup,
            invitation::InvitationRequest,
            membership::MembershipChange,
            organisation::{NewOrganisation, Settings},
            roles::Role,
        },
        dto::{FormState, Problem},
        services::{ServiceError, ServiceResult, groups, invitations, members, organisations},
    };
    use std::collections::BTreeMap;
    use uuid::Uuid;

    /// The organisation form (creating one, and its settings), as typed.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(default)]
    pub struct SettingsForm {
        name: String,
        slug: String,
        time_zone: String,
        default_language: String,
        description: String,
    }

    impl TryFrom<&SettingsForm> for Settings {
        type Error = Vec<Problem>;

        fn try_from(form: &SettingsForm) -> Result<Settings, Vec<Problem>> {
            Settings::parse(
                &form.name,
                &form.slug,
                &form.time_zone,
                &form.default_language,
                &form.description,
            )
        }
    }

    impl TryFrom<&SettingsForm> for NewOrganisation {
        type Error = Vec<Problem>;

        fn try_from(form: &SettingsForm) -> Result<NewOrganisation, Vec<Problem>> {
            NewOrganisation::parse(
                &form.name,
                &form.slug,
                &form.time_zone,
                &form.default_language,
                &form.description,
            )
        }
    }

    fn settings_values(form: &SettingsForm) -> BTreeMap<String, String> {
        kept_values(&[
            ("name", &form.name),
            ("slug", &form.slug),
            ("time_zone", &form.time_zone),
            ("default_language", &form.default_language),
            ("description", &form.description),
        ])
    }

    /// An id from the address; one that is not an id names nothing there is.
    fn id(text: &str) -> ServiceResult<Uuid> {
        Uuid::parse_str(text).map_err(|_| ServiceError::NotFound)
    }

    impl Perform for CreateOrganisation {
        type Form = SettingsForm;

        fn page(_: &NoPath, _: &SettingsForm) -> String {
            "/orgs/new".to_owned()
        }

        fn kept(form: &SettingsForm) -> BTreeMap<String, String> {
            settings_values(form)
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, form: &SettingsForm) -> ServiceResult<Done> {
            let new = NewOrganisation::try_from(form).map_err(ServiceError::Invalid)?;
            let created = organisations::create(&ctx.services, &new).await?;
            Ok(Done::see_other(format!("/o/{}", created.slug)))
        }
    }

    impl Perform for UpdateSettings {
        type Form = SettingsForm;

        fn page(path: &OrgPath, _: &SettingsForm) -> String {
            format!("/o/{}/settings", path.slug)
        }

        fn kept(form: &SettingsForm) -> BTreeMap<String, String> {
            settings_values(form)
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &OrgPath,
            form: &SettingsForm,
        ) -> ServiceResult<Done> {
            let settings = Settings::try_from(form).map_err(ServiceError::Invalid)?;
            let updated =
                organisations::update_settings(&ctx.services, &path.slug, &settings).await?;
            Ok(Done::see_other(format!("/o/{}", updated.slug)))
        }
    }

    /// The role form (other membership changes send no fields).
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct ChangeForm {
        role: String,
        /// `yes` once the person confirmed a removal or leaving (the dialog with
        /// JavaScript, the confirmation page without).
        confirmed: String,
    }

    impl Perform for ChangeMember {
        type Form = ChangeForm;

        fn page(path: &MemberPath, _: &ChangeForm) -> String {
            format!("/o/{}/members", path.slug)
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &MemberPath,
            form: &ChangeForm,
        ) -> ServiceResult<Done> {
            let change = match path.change.as_str() {
                "role" => Role::from_code(&form.role).map(MembershipChange::ChangeRole),
                "suspend" => Some(MembershipChange::Suspend),
                "reinstate" => Some(MembershipChange::Reinstate),
                "remove" => Some(MembershipChange::Remove),
                "leave" => Some(MembershipChange::Leave),
                _ => None,
            }
            .ok_or(ServiceError::NotFound)?;
            let membership = id(&path.membership)?;
            let asks_first = matches!(change, MembershipChange::Remove | MembershipChange::Leave);
            if asks_first && form.confirmed != "yes" {
                return Ok(Done::see_other(ChangeMember::href(path)));
            }
            members::change(&ctx.services, &path.slug, membership, change).await?;
            Ok(match change {
                MembershipChange::Leave => Done::see_other("/"),
                _ => Done::see_other(format!("/o/{}/members", path.slug)),
            })
        }
    }

    /// The invitation form, as typed.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(default)]
    pub struct InvitationForm {
        email: String,
        role: String,
        expires_in_days: String,
        max_uses: String,
    }

    impl TryFrom<&InvitationForm> for InvitationRequest {
        type Error = Vec<Problem>;

        fn try_from(form: &InvitationForm) -> Result<InvitationRequest, Vec<Problem>> {
            InvitationRequest::parse(
                &form.email,
                &form.role,
                &form.expires_in_days,
                &form.max_uses,
            )
        }
    }

    impl Perform for CreateInvitation {
        type Form = InvitationForm;

        fn page(path: &OrgPath, _: &InvitationForm) -> String {
            format!("/o/{}/invitations", path.slug)
        }

        fn kept(form: &InvitationForm) -> BTreeMap<String, String> {
            kept_values(&[
                ("email", &form.email),
                ("role", &form.role),
                ("expires_in_days", &form.expires_in_days),
                ("max_uses", &form.max_uses),
            ])
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &OrgPath,
            form: &InvitationForm,
        ) -> ServiceResult<Done> {
            let request = InvitationRequest::try_from(form).map_err(ServiceError::Invalid)?;
            let created = invitations::create(&ctx.services, &path.slug, &request).await?;
            let link = format!("{}/invite/{}", ctx.base_url, created.token);
            let mail = match (&created.invitation.email, ctx.services.mail) {
                (Some(address), true) => invitation_letter(ctx, &path.slug, address, &link).await,
                _ => None,
            };
            let shown = FormState {
                form: INVITATION_CREATED.into(),
                values: BTreeMap::from([("link".to_owned(), link)]),
                problems: Vec::new(),
            };
            Ok(Done::created(shown).sending(mail))
        }
    }

    /// The invitation mail, in the organisation's default language.
    async fn invitation_letter(
        ctx: &ActionCtx,
        slug: &str,
        address: &str,
        link: &str,
    ) -> Option<Outgoing> {
        let seen = organisations::find(&ctx.services, slug).await.ok()?;
        let language = crate::i18n::Language::from_code(&seen.organisation.default_language)
            .unwrap_or_default();
        let inviter = ctx
            .services
            .account
            .as_ref()
            .map(|a| a.display_name.clone())
            .unwrap_or_default();
        let args = [
            ("organisation".to_owned(), seen.organisation.name.clone()),
            ("inviter".to_owned(), inviter),
            ("link".to_owned(), link.to_owned()),
        ];
        Some(Outgoing::Letter {
            to: address.to_owned(),
            subject: language.tr_args("mail-invitation-subject", &args),
            body: language.tr_args("mail-invitation-body", &args),
        })
    }

    /// No fields.
    #[derive(Debug, Default, Deserialize)]
    pub struct Empty {}

    impl Perform for RevokeInvitation {
        type Form = Empty;

        fn page(path: &InvitationPath, _: &Empty) -> String {
            format!("/o/{}/invitations", path.slug)
        }

        async fn perform(ctx: &ActionCtx, path: &InvitationPath, _: &Empty) -> ServiceResult<Done> {
            invitations::revoke(&ctx.services, &path.slug, id(&path.id)?).await?;
            Ok(Done::see_other(format!("/o/{}/invitations", path.slug)))
        }
    }

    impl Perform for AcceptInvitation {
        type Form = Empty;

        fn page(path: &super::super::accounts::TokenPath, _: &Empty) -> String {
            AcceptInvitation::href(path)
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &super::super::accounts::TokenPath,
            _: &Empty,
        ) -> ServiceResult<Done> {
            let organisation = invitations::accept(&ctx.services, &path.token).await?;
            Ok(Done::see_other(format!("/o/{}", organisation.slug)))
        }
    }

    /// The new-group form, as typed.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(default)]
    pub struct GroupForm {
        name: String,
        slug: String,
        description: String,
    }

    impl TryFrom<&GroupForm> for NewGroup {
        type Error = Vec<Problem>;

        fn try_from(form: &GroupForm) -> Result<NewGroup, Vec<Problem>> {
            NewGroup::parse(&form.name, &form.slug, &form.description)
        }
    }

    impl Perform for CreateGroup {
        type Form = GroupForm;

        fn page(path: &OrgPath, _: &GroupForm) -> String {
            format!("/o/{}/groups", path.slug)
        }

        fn kept(form: &GroupForm) -> BTreeMap<String, String> {
            kept_values(&[
                ("name", &form.name),
                ("slug", &form.slug),
                ("description", &form.description),
            ])
        }

        async fn perform(ctx: &ActionCtx, path: &OrgPath, form: &GroupForm) -> ServiceResult<Done> {
            let new = NewGroup::try_from(form).map_err(ServiceError::Invalid)?;
            groups::create(&ctx.services, &path.slug, &new).await?;
            Ok(Done::see_other(format!("/o/{}/groups", path.slug)))
        }
    }

    /// The add-member form.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct GroupMemberForm {
        membership: String,
    }

    impl Perform for AddGroupMember {
        type Form = GroupMemberForm;

        fn page(path: &GroupPath, _: &GroupMemberForm) -> String {
            format!("/o/{}/groups", path.slug)
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &GroupPath,
            form: &GroupMemberForm,
        ) -> ServiceResult<Done> {
            let membership = id(&form.membership)?;
            groups::set_member(&ctx.services, &path.slug, &path.group, membership, true).await?;
            Ok(Done::see_other(format!("/o/{}/groups", path.slug)))
        }
    }

    impl Perform for RemoveGroupMember {
        type Form = Empty;

        fn page(path: &GroupMemberPath, _: &Empty) -> String {
            format!("/o/{}/groups", path.slug)
        }

        async fn perform(
            ctx: &ActionCtx,
            path: &GroupMemberPath,
            _: &Empty,
        ) -> ServiceResult<Done> {
            let membership = id(&path.membership)?;
            groups::set_member(&ctx.services, &path.slug, &path.group, membership, false).await?;
            Ok(Done::see_other(format!("/o/{}/groups", path.slug)))
        }
    }
}
