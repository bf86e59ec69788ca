//! Canonical JSON text, the form the audit chain hashes (spec §8 "Audit log"): one text for
//! one JSON value, whatever order its maps were built in.
//!
//! - Object keys sorted by their UTF-8 bytes, at every depth.
//! - No whitespace anywhere outside strings: `{"a":1,"b":[1,2]}`.
//! - Strings in double quotes, UTF-8, with only these escapes: `\"`, `\\`, `\b`, `\f`, `\n`,
//!   `\r`, `\t`, and `\u00xx` (lowercase hex) for the other characters below U+0020. Everything
//!   else, `/` and non-ASCII included, is written as is.
//! - Numbers as `serde_json` prints them: integers in plain decimal; fractions in shortest
//!   round-trip form (`0.5`, `1e20`), which other JSON libraries may print differently, so
//!   hashed data should hold integers and strings only.
//! - `null`, `true`, `false` as such.

use serde_json::Value;

/// The canonical JSON text of `value` (see the module documentation).
pub fn canonical_json(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value);
    out
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            // Sorted here, whatever order the map keeps (serde_json's `preserve_order`).
            let mut fields: Vec<(&String, &Value)> = map.iter().collect();
            fields.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
            out.push('{');
            for (i, (key, item)) in fields.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_string(out, key);
                out.push(':');
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn keys_are_sorted_at_every_depth_without_whitespace() {
        let value = json!({"b": 1, "a": {"z": [true, null], "y": "x"}, "A": false});
        assert_eq!(
            canonical_json(&value),
            r#"{"A":false,"a":{"y":"x","z":[true,null]},"b":1}"#
        );
    }

    #[test]
    fn keys_sort_by_bytes_so_uppercase_and_digits_come_first() {
        let value = json!({"é": 1, "e": 2, "E": 3, "1": 4});
        assert_eq!(canonical_json(&value), r#"{"1":4,"E":3,"e":2,"é":1}"#);
    }

    #[test]
    fn strings_escape_only_quotes_backslashes_and_control_characters() {
        let value = json!("a\"b\\c\n\t\u{1}/é€");
        assert_eq!(canonical_json(&value), r#""a\"b\\c\n\t\u0001/é€""#);
    }

    #[test]
    fn canonical_text_matches_serde_json_for_sorted_input() {
        // serde_json's compact output uses the same escapes and number forms.
        let value = json!({"a": [1, -2, 3.5, "q\"\u{1f}"], "b": {"c": null}});
        assert_eq!(
            serde_json::to_string(&value).ok(),
            Some(canonical_json(&value))
        );
    }

    #[test]
    fn numbers_print_as_serde_json_prints_them() {
        assert_eq!(
            canonical_json(&json!([0, 18446744073709551615u64, -1, 0.5])),
            "[0,18446744073709551615,-1,0.5]"
        );
    }
}
