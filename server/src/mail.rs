//! Sending e-mail over SMTP when it is configured (`smtp_url`, `mail_from`). Sending happens
//! in the background: a request never waits for a mail server (decision-rules.md §12).
//! (Retries, digests and unsubscribe links come with notifications.)

use anyhow::Context;
use lettre::{
    AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, header::ContentType},
};

/// A configured way to send mail.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Mailer(from {})", self.from)
    }
}

impl Mailer {
    /// From `smtp://user:password@host:587?tls=required` (STARTTLS), `smtps://...:465` (TLS)
    /// or `smtp://localhost:25` (plain, for a relay on the same machine) and the sender.
    pub fn new(smtp_url: &str, from: &str) -> anyhow::Result<Mailer> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .with_context(|| format!("invalid smtp_url {}", crate::db::mask_password(smtp_url)))?
            .build();
        let from = from
            .parse()
            .with_context(|| format!("invalid mail_from {from:?}: expected Name <address>"))?;
        Ok(Mailer { transport, from })
    }

    /// Sends a plain-text message in the background; failures are logged.
    pub fn send_later(&self, to: &str, subject: String, body: String) {
        let mailer = self.clone();
        let to = to.to_owned();
        tokio::spawn(async move {
            if let Err(error) = mailer.send(&to, subject, body).await {
                tracing::error!(error = format!("{error:#}"), "sending mail failed");
            }
        });
    }

    async fn send(&self, to: &str, subject: String, body: String) -> anyhow::Result<()> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(to
                .parse()
                .with_context(|| format!("invalid recipient {to:?}"))?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .context("cannot build the message")?;
        self.transport
            .send(message)
            .await
            .context("the mail server refused the message")?;
        Ok(())
    }
}

/// The text of the mails that prove addresses (`services::addresses::Mail`), with links to
/// this instance. English for now; mail in the person's language comes with notifications.
pub fn address_mail(
    base_url: &str,
    mail: &app::services::addresses::Mail,
) -> (String, String, String) {
    use app::services::addresses::{Mail, Purpose};
    match mail {
        Mail::Confirm {
            to,
            token,
            purpose: Purpose::SignUp,
        } => (
            to.clone(),
            "Confirm your e-mail address for Quorate".to_owned(),
            format!(
                "Someone, hopefully you, asked for a Quorate account with this address.\n\n\
                 To confirm the address and create the account, open this link (it works for \
                 24 hours, once):\n\n{base_url}/email/confirm/{token}\n\n\
                 If it was not you, ignore this message: no account is created.\n"
            ),
        ),
        Mail::Confirm {
            to,
            token,
            purpose: Purpose::Change,
        } => (
            to.clone(),
            "Confirm your e-mail address for Quorate".to_owned(),
            format!(
                "Someone, hopefully you, asked to use this address for their Quorate account.\n\n\
                 To confirm it, open this link while signed in or not (it works for 24 hours, \
                 once):\n\n{base_url}/email/confirm/{token}\n\n\
                 If it was not you, ignore this message: nothing changes.\n"
            ),
        ),
        Mail::AccountExists { to } => (
            to.clone(),
            "Someone tried to create a Quorate account with your address".to_owned(),
            format!(
                "Someone tried to create a Quorate account with this address, which has an \
                 account already.\n\nIf it was you, sign in instead: {base_url}/signin\n\n\
                 If it was not you, you can ignore this message: nothing changed.\n"
            ),
        ),
    }
}
