//! iCalendar (RFC 5545) for the calendar feeds: events as plain data, written with every text
//! value escaped (backslash, semicolon, comma, line breaks) and every line folded at 75
//! octets, so no title can end an event or add a property of its own.

use chrono::{DateTime, Utc};

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable across feeds and time (`round-<uuid>@quorate`).
    pub uid: String,
    /// When it starts (a closing time: start and end are the same instant).
    pub at: DateTime<Utc>,
    /// When it ends (a meeting; none: at its start).
    pub ends: Option<DateTime<Utc>>,
    /// Where (a meeting's place; may be empty).
    pub location: String,
    /// One line of text.
    pub summary: String,
    /// Longer text.
    pub description: String,
    /// Where to go.
    pub url: String,
}

/// A TEXT value escaped (RFC 5545 §3.3.11).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (never inside a UTF-8 character), CRLF-ended.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A calendar named `name` holding `events`, stamped `now`.
pub fn calendar(name: &str, events: &[Event], now: DateTime<Utc>) -> String {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//Quorate//Quorate//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    for event in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", escape(&event.uid)));
        line(&mut out, &format!("DTSTAMP:{}", stamp(now)));
        line(&mut out, &format!("DTSTART:{}", stamp(event.at)));
        line(
            &mut out,
            &format!("DTEND:{}", stamp(event.ends.unwrap_or(event.at))),
        );
        if !event.location.is_empty() {
            line(&mut out, &format!("LOCATION:{}", escape(&event.location)));
        }
        line(&mut out, &format!("SUMMARY:{}", escape(&event.summary)));
        line(
            &mut out,
            &format!("DESCRIPTION:{}", escape(&event.description)),
        );
        line(
            &mut out,
            &format!("URL:{}", event.url.replace(['\r', '\n'], "")),
        );
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn unfolded(text: &str) -> Vec<String> {
        text.replace("\r\n ", "")
            .split("\r\n")
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_title_cannot_end_the_event_or_add_a_property() {
        let at = Utc.with_ymd_and_hms(2026, 12, 5, 17, 0, 0).unwrap();
        let event = Event {
            uid: "round-1@quorate".into(),
            at,
            summary: "Trees\r\nEND:VEVENT\nBEGIN:VEVENT;X=1, \\ ok".into(),
            description: "d".into(),
            url: "http://x/\r\nX-EVIL:1".into(),
            ends: None,
            location: "Hall\r\nEND:VCALENDAR".into(),
        };
        let text = calendar("Ada's rounds", &[event], at);
        let lines = unfolded(&text);
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 1);
        assert!(
            lines
                .contains(&"SUMMARY:Trees\\nEND:VEVENT\\nBEGIN:VEVENT\\;X=1\\, \\\\ ok".to_owned())
        );
        assert!(!lines.iter().any(|l| l.starts_with("X-EVIL")));
        assert!(lines.contains(&"DTSTART:20261205T170000Z".to_owned()));
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let at = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
        let event = Event {
            uid: "u".into(),
            at,
            summary: "ñ".repeat(100),
            description: String::new(),
            url: String::new(),
            ends: None,
            location: String::new(),
        };
        let text = calendar("c", &[event], at);
        assert!(text.split("\r\n").all(|l| l.len() <= 75), "{text}");
        assert!(unfolded(&text).contains(&format!("SUMMARY:{}", "ñ".repeat(100))));
    }
}
