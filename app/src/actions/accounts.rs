//! Account actions: signing up, in and out, and the account page's forms.

use super::{Action, NoPath};
use serde::{Deserialize, Serialize};

/// `POST /signup`: creates the account and signs it in, or (where Quorate sends mail) mails
/// a link and says "check your e-mail", whether or not the address had an account.
pub struct SignUp;
impl Action for SignUp {
    const ROUTE: &'static str = "/signup";
    const FORM: &'static str = "signup";
    type Path = NoPath;
}

/// `POST /signin`: checks the password (throttled), then starts a new session, ending the
/// one the browser had (session rotation).
pub struct SignIn;
impl Action for SignIn {
    const ROUTE: &'static str = "/signin";
    const FORM: &'static str = "signin";
    type Path = NoPath;
}

/// `POST /signout`: ends this browser's session.
pub struct SignOut;
impl Action for SignOut {
    const ROUTE: &'static str = "/signout";
    const FORM: &'static str = "signout";
    type Path = NoPath;
}

/// `POST /account/profile`: name, address, language.
pub struct UpdateProfile;
impl Action for UpdateProfile {
    const ROUTE: &'static str = "/account/profile";
    const FORM: &'static str = "profile";
    type Path = NoPath;
}

/// `POST /account/password`: ends the account's other sessions too.
pub struct ChangePassword;
impl Action for ChangePassword {
    const ROUTE: &'static str = "/account/password";
    const FORM: &'static str = "password";
    type Path = NoPath;
}

/// `POST /account/sessions`: ends every session of the account but this one.
pub struct EndOtherSessions;
impl Action for EndOtherSessions {
    const ROUTE: &'static str = "/account/sessions";
    const FORM: &'static str = "sessions";
    type Path = NoPath;
}

/// `POST /account/calendar`: makes a new secret calendar address (the old one stops
/// working), shown once on the account page that answers.
pub struct ReplaceCalendarFeed;
impl Action for ReplaceCalendarFeed {
    const ROUTE: &'static str = "/account/calendar";
    const FORM: &'static str = "calendar";
    const ANSWERS_WITH_PAGE: bool = true;
    type Path = NoPath;
}

/// `POST /account/calendar/off`: the calendar address stops working.
pub struct TurnOffCalendarFeed;
impl Action for TurnOffCalendarFeed {
    const ROUTE: &'static str = "/account/calendar/off";
    const FORM: &'static str = "calendar_off";
    type Path = NoPath;
}

/// `POST /account/email`: mails a link that proves the account's own address.
pub struct RequestConfirmation;
impl Action for RequestConfirmation {
    const ROUTE: &'static str = "/account/email";
    const FORM: &'static str = "email";
    type Path = NoPath;
}

/// `POST /email/confirm/{token}`: follows a mailed link (the page at the same address asks
/// first), then signs the account in (a new session, as at sign-in).
pub struct ConfirmAddress;
impl Action for ConfirmAddress {
    const ROUTE: &'static str = "/email/confirm/{token}";
    const FORM: &'static str = "confirm";
    type Path = TokenPath;
}

/// A route named by a token from a link.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenPath {
    /// The token.
    pub token: String,
}

/// `POST /account/identities/unlink`: removes a linked sign-in method (never the last).
pub struct UnlinkIdentity;
impl Action for UnlinkIdentity {
    const ROUTE: &'static str = "/account/identities/unlink";
    const FORM: &'static str = "identities";
    type Path = NoPath;
}

#[cfg(feature = "ssr")]
mod perform {
    use super::*;
    use crate::{
        actions::{ActionCtx, Done, Outgoing, Perform, kept_values, local_path},
        domain::profile::{Profile, SignUpRequest},
        dto::Problem,
        services::{
            ServiceError, ServiceResult,
            accounts::{self, AddressProof, SignedUp},
            addresses, invitations, oidc, sessions,
        },
    };
    use std::collections::BTreeMap;

    /// The sign-up form.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct SignUpForm {
        email: String,
        display_name: String,
        password: String,
        next: String,
    }

    impl TryFrom<&SignUpForm> for SignUpRequest {
        type Error = Vec<Problem>;

        fn try_from(form: &SignUpForm) -> Result<SignUpRequest, Vec<Problem>> {
            SignUpRequest::parse(&form.email, &form.display_name, &form.password)
        }
    }

    impl Perform for SignUp {
        type Form = SignUpForm;

        fn page(_: &NoPath, form: &SignUpForm) -> String {
            format!("/signup?next={}", local_path(&form.next))
        }

        fn kept(form: &SignUpForm) -> BTreeMap<String, String> {
            kept_values(&[("email", &form.email), ("display_name", &form.display_name)])
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, form: &SignUpForm) -> ServiceResult<Done> {
            let services = &ctx.services;
            let request = SignUpRequest::try_from(form).map_err(ServiceError::Invalid)?;
            let next = local_path(&form.next);
            let invited_key = match services.mail {
                true => invitations::address_key_for_next(services, next).await?,
                false => None,
            };
            let proof = match (services.mail, invited_key.as_deref()) {
                (false, _) => AddressProof::Unavailable,
                (true, Some(email_key)) => AddressProof::Invitation { email_key },
                (true, None) => AddressProof::Mail,
            };
            match accounts::sign_up(&services.db, &request, proof, next, services.now).await? {
                SignedUp::Created(account) => {
                    let token = sessions::start(&services.db, account.id, services.now).await?;
                    Ok(Done::see_other(next).starting_session(token))
                }
                SignedUp::CheckEmail(mail) => {
                    Ok(Done::see_other("/email/sent").sending([Outgoing::Address(mail)]))
                }
            }
        }
    }

    /// The sign-in form.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct SignInForm {
        email: String,
        password: String,
        next: String,
    }

    impl Perform for SignIn {
        type Form = SignInForm;

        fn page(_: &NoPath, form: &SignInForm) -> String {
            format!("/signin?next={}", local_path(&form.next))
        }

        fn kept(form: &SignInForm) -> BTreeMap<String, String> {
            kept_values(&[("email", &form.email), ("next", &form.next)])
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, form: &SignInForm) -> ServiceResult<Done> {
            let services = &ctx.services;
            let account = accounts::sign_in(
                &services.db,
                &form.email,
                &form.password,
                &ctx.client,
                services.now,
            )
            .await?;
            let token = sessions::rotate(
                &services.db,
                ctx.session.as_deref(),
                account.id,
                services.now,
            )
            .await?;
            Ok(Done::see_other(local_path(&form.next)).starting_session(token))
        }
    }

    /// No fields.
    #[derive(Debug, Default, Deserialize)]
    pub struct Empty {}

    impl Perform for SignOut {
        type Form = Empty;

        fn page(_: &NoPath, _: &Empty) -> String {
            "/".to_owned()
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, _: &Empty) -> ServiceResult<Done> {
            if let Some(token) = &ctx.session {
                sessions::end(&ctx.services.db, token).await?;
            }
            Ok(Done::see_other("/").ending_session())
        }
    }

    /// The account form, as typed.
    #[derive(Debug, Clone, Default, Deserialize)]
    #[serde(default)]
    pub struct ProfileForm {
        display_name: String,
        email: String,
        language: String,
    }

    impl TryFrom<&ProfileForm> for Profile {
        type Error = Vec<Problem>;

        fn try_from(form: &ProfileForm) -> Result<Profile, Vec<Problem>> {
            Profile::parse(&form.display_name, &form.email, &form.language)
        }
    }

    impl Perform for UpdateProfile {
        type Form = ProfileForm;

        fn page(_: &NoPath, _: &ProfileForm) -> String {
            "/account".to_owned()
        }

        fn kept(form: &ProfileForm) -> BTreeMap<String, String> {
            kept_values(&[
                ("display_name", &form.display_name),
                ("email", &form.email),
                ("language", &form.language),
            ])
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, form: &ProfileForm) -> ServiceResult<Done> {
            let services = &ctx.services;
            let account = services.signed_in()?;
            let profile = Profile::try_from(form).map_err(ServiceError::Invalid)?;
            let mail = accounts::update_profile(
                &services.db,
                account,
                &profile,
                services.mail,
                services.now,
            )
            .await?;
            Ok(match mail {
                Some(mail) => {
                    Done::see_other("/account?email_sent=1").sending([Outgoing::Address(mail)])
                }
                None => Done::see_other("/account"),
            })
        }
    }

    /// The password form.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct PasswordForm {
        current_password: String,
        new_password: String,
    }

    impl Perform for ChangePassword {
        type Form = PasswordForm;

        fn page(_: &NoPath, _: &PasswordForm) -> String {
            "/account".to_owned()
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, form: &PasswordForm) -> ServiceResult<Done> {
            let account = ctx.services.signed_in()?;
            accounts::change_password(
                &ctx.services.db,
                account,
                &form.current_password,
                &form.new_password,
                ctx.session.as_deref(),
            )
            .await?;
            Ok(Done::see_other("/account"))
        }
    }

    impl Perform for EndOtherSessions {
        type Form = Empty;

        fn page(_: &NoPath, _: &Empty) -> String {
            "/account".to_owned()
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, _: &Empty) -> ServiceResult<Done> {
            let account = ctx.services.signed_in()?;
            sessions::end_others(&ctx.services.db, account.id, ctx.session.as_deref()).await?;
            Ok(Done::see_other("/account"))
        }
    }

    impl Perform for ReplaceCalendarFeed {
        type Form = Empty;

        fn page(_: &NoPath, _: &Empty) -> String {
            "/account".to_owned()
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, _: &Empty) -> ServiceResult<Done> {
            let token = crate::services::calendar::replace(&ctx.services).await?;
            // Shown once: only its hash is kept.
            let address = format!("{}/calendar/{token}.ics", ctx.base_url);
            Ok(Done::created(crate::dto::FormState {
                form: ReplaceCalendarFeed::FORM.to_owned(),
                values: crate::actions::kept_values(&[("address", &address)]),
                problems: Vec::new(),
            }))
        }
    }

    impl Perform for TurnOffCalendarFeed {
        type Form = Empty;

        fn page(_: &NoPath, _: &Empty) -> String {
            "/account".to_owned()
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, _: &Empty) -> ServiceResult<Done> {
            crate::services::calendar::turn_off(&ctx.services).await?;
            Ok(Done::see_other("/account"))
        }
    }

    impl Perform for RequestConfirmation {
        type Form = Empty;

        fn page(_: &NoPath, _: &Empty) -> String {
            "/account".to_owned()
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, _: &Empty) -> ServiceResult<Done> {
            let services = &ctx.services;
            let account = services.signed_in()?;
            if !services.mail {
                return Ok(Done::see_other("/account"));
            }
            let mail =
                addresses::start_change(&services.db, account.id, &account.email, services.now)
                    .await?;
            Ok(Done::see_other("/account?email_sent=1").sending([Outgoing::Address(mail)]))
        }
    }

    impl Perform for ConfirmAddress {
        type Form = Empty;

        fn page(path: &TokenPath, _: &Empty) -> String {
            ConfirmAddress::href(path)
        }

        async fn perform(ctx: &ActionCtx, path: &TokenPath, _: &Empty) -> ServiceResult<Done> {
            let services = &ctx.services;
            let confirmed = addresses::confirm(&services.db, &path.token, services.now).await?;
            let token = sessions::rotate(
                &services.db,
                ctx.session.as_deref(),
                confirmed.account.id,
                services.now,
            )
            .await?;
            Ok(Done::see_other(local_path(&confirmed.next)).starting_session(token))
        }
    }

    /// The unlink form: which identity.
    #[derive(Debug, Default, Deserialize)]
    #[serde(default)]
    pub struct UnlinkForm {
        issuer: String,
        subject: String,
    }

    impl Perform for UnlinkIdentity {
        type Form = UnlinkForm;

        fn page(_: &NoPath, _: &UnlinkForm) -> String {
            "/account".to_owned()
        }

        async fn perform(ctx: &ActionCtx, _: &NoPath, form: &UnlinkForm) -> ServiceResult<Done> {
            let account = ctx.services.signed_in()?;
            oidc::unlink(&ctx.services.db, account, &form.issuer, &form.subject).await?;
            Ok(Done::see_other("/account"))
        }
    }
}
