//! What the logs may say about a request's path: secret path segments (an invitation's
//! token, an e-mail confirmation's token) are replaced before a path is logged, since
//! anyone who reads the log could otherwise use them.

/// The path prefixes whose next segment is a secret.
const SECRET_AFTER: [&str; 2] = ["/invite/", "/email/confirm/"];

/// `path` with its secret segment (if any) replaced by `[redacted]`.
pub fn path(path: &str) -> String {
    for prefix in SECRET_AFTER {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest
                .find('/')
                .map_or("", |i| rest.get(i..).unwrap_or_default());
            return format!("{prefix}[redacted]{tail}");
        }
    }
    path.to_owned()
}

#[cfg(test)]
mod tests {
    use super::path;

    #[test]
    fn invitation_and_confirmation_tokens_are_not_logged() {
        assert_eq!(path("/invite/abc123"), "/invite/[redacted]");
        assert_eq!(path("/invite/abc123/accept"), "/invite/[redacted]/accept");
        assert_eq!(path("/email/confirm/xyz"), "/email/confirm/[redacted]");
    }

    #[test]
    fn other_paths_are_logged_as_they_are() {
        assert_eq!(path("/o/coop/members"), "/o/coop/members");
        assert_eq!(path("/invite"), "/invite");
    }
}
