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
