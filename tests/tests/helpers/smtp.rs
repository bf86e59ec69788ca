//! A small SMTP server on loopback that accepts every message and keeps it, so tests can read
//! what Quorate sent over a real SMTP conversation.

use std::sync::{Arc, Mutex};
use tokio::{
    io::{AsyncBufReadExt, AsyncWriteExt, BufReader},
    net::TcpListener,
};

/// A running mail sink.
pub struct MailSink {
    /// `smtp://127.0.0.1:PORT` (plain SMTP) URL for Quorate's configuration.
    pub url: String,
    received: Arc<Mutex<Vec<String>>>,
}

impl MailSink {
    /// Starts listening on a free port.
    pub async fn start() -> MailSink {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let store = received.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                    let mut data: Option<String> = None;
                    while let Ok(Some(line)) = lines.next_line().await {
                        if let Some(body) = data.as_mut() {
                            if line == "." {
                                store.lock().unwrap().push(std::mem::take(body));
                                data = None;
                                let _ = write.write_all(b"250 queued\r\n").await;
                            } else {
                                body.push_str(line.strip_prefix('.').unwrap_or(&line));
                                body.push('\n');
                            }
                            continue;
                        }
                        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
                        let reply: &[u8] = match verb.as_str() {
                            "EHLO" | "HELO" => b"250 sink\r\n",
                            "DATA" => {
                                data = Some(String::new());
                                b"354 go ahead\r\n"
                            }
                            "QUIT" => {
                                let _ = write.write_all(b"221 bye\r\n").await;
                                break;
                            }
                            _ => b"250 ok\r\n",
                        };
                        let _ = write.write_all(reply).await;
                    }
                });
            }
        });
        MailSink {
            url: format!("smtp://127.0.0.1:{port}"),
            received,
        }
    }

    /// The messages received so far.
    pub fn messages(&self) -> Vec<String> {
        self.received.lock().unwrap().clone()
    }

    /// The confirmation links (tokens) mailed to `to` so far, oldest first.
    pub fn confirmation_tokens(&self, to: &str) -> Vec<String> {
        self.messages()
            .iter()
            .filter(|m| m.contains(&format!("To: {to}")))
            .filter_map(|m| confirmation_token(m))
            .collect()
    }

    /// Waits up to five seconds for a confirmation link to `to` newer than the `known` ones.
    pub async fn wait_for_confirmation(&self, to: &str, known: usize) -> String {
        for _ in 0..50 {
            if let Some(token) = self.confirmation_tokens(to).get(known) {
                return token.clone();
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        panic!(
            "no new confirmation link was mailed to {to}: {:#?}",
            self.messages()
        );
    }

    /// Waits up to five seconds for `count` messages and returns them (headers and body).
    pub async fn wait_for(&self, count: usize) -> Vec<String> {
        for _ in 0..50 {
            let messages = self.received.lock().unwrap().clone();
            if messages.len() >= count {
                return messages;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        self.received.lock().unwrap().clone()
    }
}

/// The token of the `/email/confirm/<token>` link in a message, if it has one.
pub fn confirmation_token(message: &str) -> Option<String> {
    // Long lines come quoted-printable, with soft breaks (`=` at a line's end).
    let message = message.replace("=\n", "").replace("=3D", "=");
    let rest = message.split("/email/confirm/").nth(1)?;
    let token: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!token.is_empty()).then_some(token)
}
