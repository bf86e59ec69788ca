//! Declared actions: every state change a form can make, one item each. An action names its
//! route, its form id and its path parameters (both sides: pages take the URL and form id
//! from it), and on the server its form, the page that shows its problems and the service it
//! calls ([`Perform`]). The server mounts exactly the actions [`mount_all`] lists, through one
//! generic handler, so a form cannot post to a route nobody serves.
//!
//! The no-JavaScript contract, kept by that handler: 303 on success, 422 with the problems
//! and the values kept, 403 when the policy refuses, 404 for someone with no standing. With
//! JavaScript, [`crate::components::action_form::ActionForm`] posts the same form to the same
//! URL and reads the same answer.

pub mod accounts;
pub mod amendments;
pub mod comments;
pub mod meetings;
pub mod organisations;
pub mod proposals;
pub mod rounds;

use serde::{Serialize, de::DeserializeOwned};

/// What pages and the router know of an action.
pub trait Action {
    /// The route, in axum's syntax (`/o/{slug}/settings`); each `{name}` is a field of
    /// [`Action::Path`].
    const ROUTE: &'static str;
    /// The form's id: problems sent back are shown on the form with this id.
    const FORM: &'static str;
    /// Whether success answers with a page of its own (201) rather than a redirect: the
    /// browser then posts the form itself, with or without JavaScript.
    const ANSWERS_WITH_PAGE: bool = false;
    /// The path parameters.
    type Path: Serialize + DeserializeOwned + Send + Sync + 'static;

    /// The URL the form posts to: [`Action::ROUTE`] with the path filled in.
    fn href(path: &Self::Path) -> String {
        fill_route(Self::ROUTE, path)
    }

    /// The URL and form id together, for [`crate::components::action_form::ActionForm`].
    fn target(path: &Self::Path) -> Target {
        Target {
            href: Self::href(path),
            form: Self::FORM.to_owned(),
            answers_with_page: Self::ANSWERS_WITH_PAGE,
        }
    }
}

/// Where a form posts and which form it is (sent to the browser as the enhanced form's
/// props).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Target {
    /// The action's URL.
    pub href: String,
    /// The form id.
    pub form: String,
    /// See [`Action::ANSWERS_WITH_PAGE`].
    pub answers_with_page: bool,
}

/// An action whose route has no parameters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct NoPath {}

/// A route under one organisation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct OrgPath {
    /// The organisation's web address.
    pub slug: String,
}

impl OrgPath {
    /// The path of the organisation `slug`.
    pub fn new(slug: impl Into<String>) -> OrgPath {
        OrgPath { slug: slug.into() }
    }
}

/// Fills `{name}` in `route` with the field `name` of `path`, each value percent-encoded as
/// one path segment. A missing field fills in as empty (a test checks every action's route
/// against its path type).
pub fn fill_route(route: &str, path: &impl Serialize) -> String {
    let fields = match serde_json::to_value(path) {
        Ok(serde_json::Value::Object(fields)) => fields,
        _ => serde_json::Map::new(),
    };
    let mut href = String::with_capacity(route.len() + 32);
    let mut rest = route;
    while let Some(start) = rest.find('{') {
        href.push_str(&rest[..start]);
        let Some(length) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 1..start + length];
        let value = match fields.get(name) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(other) => other.to_string(),
            None => String::new(),
        };
        push_segment(&mut href, &value);
        rest = &rest[start + length + 1..];
    }
    href.push_str(rest);
    href
}

/// `value` percent-encoded as one path segment or query value (only unreserved characters
/// stay as they are).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    push_segment(&mut out, value);
    out
}

fn push_segment(href: &mut String, value: &str) {
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                href.push(char::from(byte));
            }
            _ => href.push_str(&format!("%{byte:02X}")),
        }
    }
}

#[cfg(feature = "ssr")]
mod perform;
#[cfg(feature = "ssr")]
pub use perform::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Two {
        slug: String,
        id: String,
    }

    #[test]
    fn routes_fill_in_their_path_segment_by_segment() {
        let path = Two {
            slug: "coop".into(),
            id: "a b/c".into(),
        };
        assert_eq!(
            fill_route("/o/{slug}/things/{id}/remove", &path),
            "/o/coop/things/a%20b%2Fc/remove"
        );
        assert_eq!(fill_route("/signup", &NoPath {}), "/signup");
    }
}
