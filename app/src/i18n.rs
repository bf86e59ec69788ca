//! Translations (decision-rules.md §13): every string a person sees comes from `locales/`.
//! The language is chosen per request: the `quorate_lang` cookie if it names a language we
//! have, otherwise the best match in `Accept-Language`, otherwise English.

use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};
use leptos::prelude::*;

static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "en",
        // No Unicode isolation marks around arguments: they would show up in plain text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The cookie that keeps a person's language choice.
pub const LANGUAGE_COOKIE: &str = "quorate_lang";

/// A language Quorate is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Language {
    /// English, the reference translation.
    #[default]
    En,
    /// Spanish.
    Es,
    /// Catalan.
    Ca,
    /// Norwegian Bokmål; also chosen for `no` (Norwegian) and `nn` (Nynorsk).
    Nb,
}

impl Language {
    /// Every language, in the order the picker lists them (spec §13's order).
    pub const ALL: [Language; 4] = [Language::En, Language::Es, Language::Ca, Language::Nb];

    /// The BCP 47 code, as used in `<html lang>` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Es => "es",
            Language::Ca => "ca",
            Language::Nb => "nb",
        }
    }

    /// The language for a code such as `es` or `es-AR` (region ignored), if we have it.
    /// Norwegian in general (`no`) and Nynorsk (`nn`), which we have no translation of, get
    /// Bokmål: every Norwegian reads it, and it is closer than English.
    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        let primary = match primary.as_str() {
            "no" | "nn" => "nb",
            other => other,
        };
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Language::En => langid!("en"),
            Language::Es => langid!("es"),
            Language::Ca => langid!("ca"),
            Language::Nb => langid!("nb"),
        }
    }

    /// The translation of `key` in this language (the key itself if it is missing, so a
    /// gap shows up in review rather than as an empty string).
    pub fn tr(self, key: &str) -> String {
        LOCALES
            .try_lookup(&self.langid(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The translation of `key` with one named argument.
    pub fn tr_with(self, key: &str, name: &str, value: impl Into<String>) -> String {
        self.tr_args(key, &[(name.to_owned(), value.into())])
    }

    /// The translation of `key` with named arguments; `None` if the key is missing.
    pub fn try_tr_args(self, key: &str, args: &[(String, String)]) -> Option<String> {
        let args: std::collections::HashMap<_, _> = args
            .iter()
            .map(|(name, value)| {
                (
                    std::borrow::Cow::Owned(name.clone()),
                    fluent_templates::fluent_bundle::FluentValue::from(value.clone()),
                )
            })
            .collect();
        LOCALES.try_lookup_with_args(&self.langid(), key, &args)
    }

    /// The translation of `key` with named arguments (the key itself if missing).
    pub fn tr_args(self, key: &str, args: &[(String, String)]) -> String {
        self.try_tr_args(key, args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// A problem's message in this language: `problem-<code>` with its arguments, or the
    /// English message the rule gave if no translation exists yet.
    pub fn problem(self, problem: &crate::dto::Problem) -> String {
        self.try_tr_args(&format!("problem-{}", problem.code), &problem.args)
            .unwrap_or_else(|| problem.message.clone())
    }
}

/// The default language of the organisation whose page is being shown (put into the
/// request's extensions by the server for `/o/<slug>/...` paths).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrganisationLanguage(pub Language);

/// Picks the language for a request: the cookie's choice (the person picked it), else the
/// organisation's default on its pages, else `Accept-Language` by quality, else English (a
/// signed-in person's account setting is checked before this). Pure, so it is unit-tested.
pub fn negotiate(
    cookie: Option<&str>,
    organisation: Option<Language>,
    accept_language: Option<&str>,
) -> Language {
    if let Some(language) = cookie.and_then(Language::from_code).or(organisation) {
        return language;
    }
    let mut best: Option<(u16, Language)> = None;
    for item in accept_language.unwrap_or_default().split(',') {
        let mut parts = item.split(';');
        let Some(language) = parts.next().and_then(Language::from_code) else {
            continue;
        };
        let quality = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .map_or(1000, quality_per_mille);
        if quality > 0 && best.is_none_or(|(q, _)| quality > q) {
            best = Some((quality, language));
        }
    }
    best.map(|(_, language)| language).unwrap_or_default()
}

/// `q=0.8` as 800, without floating point; anything malformed counts as 0.
fn quality_per_mille(q: &str) -> u16 {
    let (whole, fraction) = q.trim().split_once('.').unwrap_or((q.trim(), ""));
    let digits: String = fraction.chars().chain("000".chars()).take(3).collect();
    match (whole, digits.parse::<u16>()) {
        ("1", _) => 1000,
        ("0", Ok(per_mille)) => per_mille,
        _ => 0,
    }
}

/// The value of one cookie in a `Cookie` header.
pub fn cookie_value<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then_some(value)
    })
}

/// Makes the request's language available to every component below.
pub fn provide_language() {
    provide_context(request_language());
}

/// The language of the page being rendered.
pub fn use_language() -> Language {
    use_context::<Language>().unwrap_or_default()
}

/// A translator for the current page: `let t = use_t(); t("home-title")`.
pub fn use_t() -> impl Fn(&str) -> String + Copy + Send + Sync + 'static {
    let language = use_language();
    move |key| language.tr(key)
}

#[cfg(feature = "ssr")]
fn request_language() -> Language {
    // A signed-in person's own choice comes first.
    let chosen = crate::session::request_session()
        .account
        .and_then(|a| a.language)
        .and_then(|code| Language::from_code(&code));
    if let Some(language) = chosen {
        return language;
    }
    let Some(parts) = use_context::<http::request::Parts>() else {
        return Language::default();
    };
    let header = |name: http::header::HeaderName| {
        parts
            .headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let cookies = header(http::header::COOKIE);
    let cookie = cookies
        .as_deref()
        .and_then(|c| cookie_value(c, LANGUAGE_COOKIE));
    let organisation = parts.extensions.get::<OrganisationLanguage>().map(|o| o.0);
    negotiate(
        cookie,
        organisation,
        header(http::header::ACCEPT_LANGUAGE).as_deref(),
    )
}

/// In the browser the server already chose: it wrote the language into `<html lang>`.
#[cfg(not(feature = "ssr"))]
fn request_language() -> Language {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Language::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "hydrate"))]
    Language::default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::roles::{MembershipState, Role};

    #[test]
    fn a_cookie_choice_wins_over_the_browser_preference() {
        assert_eq!(
            negotiate(Some("es"), None, Some("en-GB,en;q=0.9")),
            Language::Es
        );
    }

    #[test]
    fn an_unknown_cookie_value_falls_back_to_accept_language() {
        assert_eq!(
            negotiate(Some("xx"), None, Some("es-ES,es;q=0.9")),
            Language::Es
        );
    }

    #[test]
    fn accept_language_is_read_by_quality_not_by_position() {
        assert_eq!(
            negotiate(None, None, Some("en;q=0.5, es;q=0.8")),
            Language::Es
        );
        assert_eq!(
            negotiate(None, None, Some("fr, es;q=0.4, en;q=0.9")),
            Language::En
        );
    }

    #[test]
    fn an_organisation_default_comes_after_the_persons_pick_and_before_the_browser() {
        assert_eq!(
            negotiate(None, Some(Language::Es), Some("en")),
            Language::Es
        );
        assert_eq!(
            negotiate(Some("en"), Some(Language::Es), Some("es")),
            Language::En
        );
    }

    #[test]
    fn a_language_refused_with_q_zero_is_never_chosen() {
        assert_eq!(negotiate(None, None, Some("es;q=0")), Language::En);
    }

    #[test]
    fn nothing_usable_means_english() {
        assert_eq!(negotiate(None, None, None), Language::En);
        assert_eq!(
            negotiate(None, None, Some("de-DE, fr;q=0.9, ;;;,=")),
            Language::En
        );
    }

    #[test]
    fn cookies_are_found_by_exact_name() {
        let header = "other_lang=en; quorate_lang=es; x=1";
        assert_eq!(cookie_value(header, LANGUAGE_COOKIE), Some("es"));
        assert_eq!(cookie_value("quorate_language=es", LANGUAGE_COOKIE), None);
    }

    #[test]
    fn catalan_is_chosen_for_any_catalan_tag() {
        assert_eq!(negotiate(None, None, Some("ca")), Language::Ca);
        assert_eq!(
            negotiate(None, None, Some("ca-ES, es;q=0.8, en;q=0.5")),
            Language::Ca
        );
        assert_eq!(Language::from_code("ca-ES-valencia"), Some(Language::Ca));
        assert_eq!(negotiate(Some("ca"), None, Some("en")), Language::Ca);
    }

    #[test]
    fn every_norwegian_tag_gets_bokmal() {
        for tag in ["nb", "nb-NO", "no", "no-NO", "nn", "nn-NO", "NB_no"] {
            assert_eq!(Language::from_code(tag), Some(Language::Nb), "{tag}");
        }
        assert_eq!(
            negotiate(None, None, Some("nn-NO, nn;q=0.9, en;q=0.5")),
            Language::Nb
        );
        // A better-liked language still wins over the Norwegian fallback.
        assert_eq!(
            negotiate(None, None, Some("nn;q=0.5, en;q=0.9")),
            Language::En
        );
        // The cookie always holds the code we serve.
        assert_eq!(Language::from_code("no").map(Language::code), Some("nb"));
    }

    #[test]
    fn every_language_has_its_own_code_and_names_itself() {
        let codes: Vec<&str> = Language::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(codes, ["en", "es", "ca", "nb"]);
        for language in Language::ALL {
            assert_eq!(Language::from_code(language.code()), Some(language));
        }
        let names: Vec<String> = Language::ALL
            .iter()
            .map(|l| l.tr("language-name"))
            .collect();
        assert_eq!(names, ["English", "Español", "Català", "Norsk bokmål"]);
    }

    /// Each language's translation file, as written (an exhaustive match, so a new language
    /// cannot be added without its file being checked here).
    fn source(language: Language) -> &'static str {
        match language {
            Language::En => include_str!("../../locales/en/main.ftl"),
            Language::Es => include_str!("../../locales/es/main.ftl"),
            Language::Ca => include_str!("../../locales/ca/main.ftl"),
            Language::Nb => include_str!("../../locales/nb/main.ftl"),
        }
    }

    /// The message ids of a translation file, in file order.
    fn keys(text: &str) -> Vec<String> {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with(' '))
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.to_owned()))
            .collect()
    }

    /// Each message id with the `$arguments` its text uses (continuation lines included).
    fn arguments(text: &str) -> Vec<(String, Vec<String>)> {
        let mut messages: Vec<(String, String)> = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            match line.split_once(" = ") {
                Some((key, value)) if !line.starts_with(' ') => {
                    messages.push((key.to_owned(), value.to_owned()));
                }
                _ => {
                    if let Some((_, value)) = messages.last_mut() {
                        value.push_str(line);
                    }
                }
            }
        }
        messages
            .into_iter()
            .map(|(key, value)| {
                let mut names: Vec<String> = value
                    .split('$')
                    .skip(1)
                    .map(|rest| {
                        rest.chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                            .collect()
                    })
                    .collect();
                names.sort();
                names.dedup();
                (key, names)
            })
            .collect()
    }

    /// Every `$name` English uses, each given a value: messages only format when given theirs.
    fn every_argument() -> Vec<(String, String)> {
        let mut names: Vec<String> = arguments(source(Language::En))
            .into_iter()
            .flat_map(|(_, names)| names)
            .collect();
        names.sort();
        names.dedup();
        names
            .into_iter()
            .map(|name| (name, "1".to_owned()))
            .collect()
    }

    /// `key` formatted in exactly this language, never falling back to English (which
    /// `try_tr_args` does, so it cannot tell a missing translation from a present one).
    fn exactly(language: Language, key: &str, args: &[(String, String)]) -> Option<String> {
        let args: std::collections::HashMap<String, _> = args
            .iter()
            .map(|(name, value)| {
                (
                    name.clone(),
                    fluent_templates::fluent_bundle::FluentValue::from(value.clone()),
                )
            })
            .collect();
        LOCALES
            .lookup_single_language(&language.langid(), key, Some(&args))
            .ok()
    }

    #[test]
    fn every_language_has_exactly_the_keys_english_has_in_the_same_order() {
        let english = keys(source(Language::En));
        assert!(english.len() > 200, "the key scan works: {english:?}");
        for language in Language::ALL {
            let theirs = keys(source(language));
            let missing: Vec<&String> = english.iter().filter(|k| !theirs.contains(k)).collect();
            let extra: Vec<&String> = theirs.iter().filter(|k| !english.contains(k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in English {extra:?}",
                language.code()
            );
            assert_eq!(theirs, english, "{}: keys out of order", language.code());
        }
    }

    #[test]
    fn every_translation_uses_the_arguments_english_uses() {
        let english = arguments(source(Language::En));
        for language in Language::ALL {
            let theirs: std::collections::HashMap<_, _> =
                arguments(source(language)).into_iter().collect();
            for (key, wanted) in &english {
                if let Some(used) = theirs.get(key) {
                    assert_eq!(used, wanted, "{}: {key}", language.code());
                }
            }
        }
    }

    #[test]
    fn every_key_is_translated_in_every_language() {
        let args = every_argument();
        for language in Language::ALL {
            for key in keys(source(Language::En)) {
                assert!(
                    exactly(language, &key, &args).is_some_and(|text| !text.trim().is_empty()),
                    "{key} is missing or does not format in {}",
                    language.code()
                );
            }
        }
    }

    /// Every `.rs` file under `dir`, with its text.
    fn rust_sources(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                rust_sources(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source file");
                found.push((path.display().to_string(), text));
            }
        }
    }

    /// The literal keys production passes to `t(…)`, `tr(…)`, `tr_with(…)`, `tr_args(…)`
    /// and `try_tr_args(…)`, with the file each is in.
    fn literal_keys(sources: &[(String, String)]) -> Vec<(String, String)> {
        let mut found = Vec::new();
        for (path, text) in sources {
            for call in ["t(", "tr(", "tr_with(", "tr_args(", "try_tr_args("] {
                let mut pieces = text.split(call);
                let mut before = pieces.next().unwrap_or_default();
                for rest in pieces {
                    let whole_name = !before
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
                    before = rest;
                    let Some(literal) = rest.trim_start().strip_prefix('"') else {
                        continue;
                    };
                    let key = literal.split('"').next().unwrap_or_default();
                    let key_like = key.contains('-')
                        && key.chars().all(|c| {
                            c.is_ascii_lowercase() || c.is_ascii_digit() || "-_".contains(c)
                        });
                    if whole_name && key_like {
                        found.push((key.to_owned(), path.clone()));
                    }
                }
            }
        }
        found
    }

    #[test]
    fn every_key_production_uses_is_translated_in_every_language() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources = Vec::new();
        rust_sources(&root.join("src"), &mut sources);
        rust_sources(&root.join("../server/src"), &mut sources);
        let mut used = literal_keys(&sources);
        assert!(used.len() > 150, "the scan finds the keys: {used:?}");
        // Keys made with `format!`: a role's or a state's name, why a membership cannot act
        // (never for an active one); problems have their own test below.
        let made = Role::ALL
            .iter()
            .map(|r| format!("role-{}", r.code()))
            .chain(
                MembershipState::ALL
                    .iter()
                    .map(|s| format!("state-{}", s.code())),
            )
            .chain(
                MembershipState::ALL
                    .iter()
                    .filter(|s| !s.may_act())
                    .map(|s| format!("forbidden-membership-{}", s.code())),
            );
        used.extend(made.map(|key| (key, "format!".to_owned())));
        // A round's method, tie policy, consent position, choice, state and outcome, and the
        // result sentences (chosen in `api::rounds`).
        use crate::domain::round_form::{METHODS, TIE_POLICIES};
        let rounds = METHODS
            .iter()
            .map(|m| format!("round-method-{m}"))
            .chain(TIE_POLICIES.iter().map(|p| format!("round-tie-{p}")))
            .chain(
                ["consent", "concern", "stand_aside", "object"]
                    .iter()
                    .map(|p| format!("round-position-{p}")),
            )
            .chain(
                ["yes", "no", "abstain"]
                    .iter()
                    .map(|c| format!("round-choice-{c}")),
            )
            .chain(
                ["scheduled", "open", "closed", "cancelled"]
                    .iter()
                    .map(|s| format!("round-state-{s}")),
            )
            .chain(
                ["no-quorum", "adopted", "not-adopted", "elected"]
                    .iter()
                    .map(|o| format!("round-outcome-{o}")),
            )
            .chain(
                [
                    "no-quorum",
                    "majority-adopted",
                    "majority-not-adopted",
                    "consent-adopted",
                    "consent-not-adopted",
                    "elected",
                ]
                .iter()
                .map(|o| format!("round-result-{o}")),
            );
        used.extend(rounds.map(|key| (key, "format!".to_owned())));
        let args = every_argument();
        let mut missing = Vec::new();
        for (key, path) in &used {
            for language in Language::ALL {
                if exactly(language, key, &args).is_none() {
                    missing.push(format!("{}: {key} (used in {path})", language.code()));
                }
            }
        }
        missing.sort();
        missing.dedup();
        assert!(missing.is_empty(), "untranslated keys: {missing:#?}");
    }

    #[test]
    fn arguments_are_filled_in() {
        assert_eq!(
            Language::En.tr_with("error-reference", "reference", "abc"),
            "Reference: abc"
        );
    }

    /// The sources whose problems reach people: the rules' `code()` tables and every
    /// `Problem::new(…, "code", …)` / `invalid(…, "code", …)` in services.
    const PROBLEM_SOURCES: [&str; 33] = [
        include_str!("actions/amendments.rs"),
        include_str!("actions/comments.rs"),
        include_str!("actions/proposals.rs"),
        include_str!("actions/rounds.rs"),
        include_str!("domain/ballot.rs"),
        include_str!("domain/round_form.rs"),
        include_str!("services/ballots.rs"),
        include_str!("services/rounds.rs"),
        include_str!("../../tally/src/validate.rs"),
        include_str!("domain/amendment.rs"),
        include_str!("domain/comment.rs"),
        include_str!("domain/email.rs"),
        include_str!("domain/group.rs"),
        include_str!("domain/profile.rs"),
        include_str!("domain/invitation.rs"),
        include_str!("domain/membership.rs"),
        include_str!("domain/oidc.rs"),
        include_str!("domain/organisation.rs"),
        include_str!("domain/password.rs"),
        include_str!("domain/policy.rs"),
        include_str!("domain/proposal.rs"),
        include_str!("domain/round.rs"),
        include_str!("services/accounts.rs"),
        include_str!("services/addresses.rs"),
        include_str!("services/groups.rs"),
        include_str!("services/invitations.rs"),
        include_str!("services/members.rs"),
        include_str!("services/oidc.rs"),
        include_str!("services/organisations.rs"),
        include_str!("services/comments.rs"),
        include_str!("services/proposals.rs"),
        include_str!("../../server/src/actions.rs"),
        include_str!("../../server/src/oidc/mod.rs"),
    ];

    /// Codes in `code()` tables (`Variant => "code",` inside `fn code`) and the string given
    /// as a problem's code to `Problem::new` / `invalid`.
    fn problem_codes(source: &str) -> Vec<String> {
        let mut codes = Vec::new();
        for table in source.split("fn code(").skip(1) {
            let body = table.split("\n    }\n").next().unwrap_or_default();
            for arm in body.split("=> \"").skip(1) {
                codes.push(arm.split('"').next().unwrap_or_default().to_owned());
            }
        }
        for call in ["Problem::new(", "invalid("] {
            for rest in source.split(call).skip(1) {
                let Some((_, after_field)) = rest.split_once(',') else {
                    continue;
                };
                if let Some(literal) = after_field.trim_start().strip_prefix('"') {
                    codes.push(literal.split('"').next().unwrap_or_default().to_owned());
                }
            }
        }
        codes.retain(|c| !c.is_empty() && c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'));
        codes.sort();
        codes.dedup();
        codes
    }

    #[test]
    fn every_problem_production_raises_is_translated_in_every_language() {
        let codes: Vec<String> = PROBLEM_SOURCES
            .iter()
            .flat_map(|s| problem_codes(s))
            .collect();
        assert!(codes.len() > 60, "the scan finds the problems: {codes:?}");
        // Membership transitions and the policy's refusals also name non-problem codes
        // (changes, roles) in `code()` tables: those are translated under their own keys; a
        // mailed link's purpose (`addresses::Purpose`) is stored, never shown.
        let not_problems = [
            "change",
            "sign_up",
            "accept_invitation",
            "change_role",
            "suspend",
            "reinstate",
            "remove",
            "leave",
            // Proposal states, translated as `proposal-state-<code>`.
            "draft",
            "discussion",
            "decided",
            "withdrawn",
            // Amendment states, translated as `amendment-state-<code>`.
            "open",
            "accepted",
            "declined",
            // Round states, translated as `round-state-<code>`.
            "scheduled",
            "closed",
            "cancelled",
        ];
        let args: Vec<(String, String)> = [
            "max",
            "actual",
            "min",
            "seconds",
            "reference",
            "state",
            "needed",
            "has",
            "provider",
            "role",
            "hours",
            "today",
            "current",
            "started_from",
            "base",
            "name",
            "electorate",
            "option",
            "rank",
            "approved",
            "score",
            "points",
            "spent",
            "budget",
            "votes",
            "cost",
        ]
        .iter()
        .map(|n| ((*n).to_owned(), "1".to_owned()))
        .collect();
        let mut missing = Vec::new();
        for code in codes.iter().filter(|c| !not_problems.contains(&c.as_str())) {
            for language in Language::ALL {
                if exactly(language, &format!("problem-{code}"), &args).is_none() {
                    missing.push(format!("{}: problem-{code}", language.code()));
                }
            }
        }
        assert!(missing.is_empty(), "untranslated problems: {missing:#?}");
    }

    #[test]
    fn a_rounds_rule_reads_as_plain_sentences_in_every_language() {
        use crate::domain::round::{Voters, statement};
        use tally::config::{Comparison, Method, Quorum, Threshold, ThresholdBase};
        let voters = Voters {
            count: 35,
            scope: "Housing".into(),
            present_at: None,
        };
        let closes = chrono::NaiveDate::from_ymd_opt(2026, 12, 4)
            .and_then(|d| d.and_hms_opt(18, 0, 0))
            .unwrap();
        let third = Quorum::Fraction {
            numerator: 1,
            denominator: 3,
        };
        let two_thirds = Method::Majority {
            threshold: Threshold {
                numerator: 2,
                denominator: 3,
                comparison: Comparison::AtLeast,
                base: ThresholdBase::VotesCast,
            },
        };
        let read = |language: Language, method: &Method, quorum: &Quorum| {
            statement(method, quorum, &voters, closes, "Europe/Madrid")
                .iter()
                .map(|s| {
                    exactly(language, &s.key, &s.args)
                        .unwrap_or_else(|| panic!("{}: {} reads", language.code(), s.key))
                        .replace(['\u{2068}', '\u{2069}'], "")
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            read(Language::En, &two_thirds, &third),
            "Adopted if at least 2/3 of the votes for or against are yes. At least 12 of the \
             35 members of Housing must take part. Closes Friday 4 December, 18:00 \
             (Europe/Madrid)."
        );
        let methods = [
            Method::Consent { max_objections: 0 },
            Method::Consent { max_objections: 2 },
            two_thirds.clone(),
            Method::Approval { winners: 2 },
            Method::Score,
            Method::Dot { points: 10 },
            Method::Borda,
            Method::Irv {
                batch_elimination: false,
                continue_until_two: false,
            },
            Method::StvScottish { seats: 3 },
            Method::StvMeek { seats: 3 },
            Method::Schulze,
            Method::Quadratic {
                credits: 100,
                allow_negative: true,
            },
            Method::Quadratic {
                credits: 100,
                allow_negative: false,
            },
        ];
        for language in Language::ALL {
            for method in &methods {
                for quorum in [Quorum::None, third] {
                    let text = read(language, method, &quorum);
                    assert!(!text.contains('{'), "{}: {text}", language.code());
                    assert!(text.contains("18:00"), "{}: {text}", language.code());
                }
            }
        }
    }
}
