//! Organisation settings: name, URL slug, time zone, default language and description (spec
//! §1 "People and roles", §11 "Time": each organisation has an IANA time zone, §13 "Pages": the
//! organisation sets a default language).
//!
//! The time zones are the zone and link names of the IANA tz database (`time_zones.txt`, one a
//! line, made from tzdata 2025b's `tzdata.zi`: every `Z` name and every `L` link name, without
//! `Factory`), so old names such as `Asia/Calcutta` stay valid for imported organisations.

use crate::domain::text::{self, Lines};
use crate::{domain::rule::Rule, dto::Problem};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The longest organisation name, in characters, after trimming.
pub const NAME_MAX_CHARS: usize = 120;
/// The longest slug, in characters.
pub const SLUG_MAX_CHARS: usize = 50;
/// The longest description, in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 2000;
/// Languages an organisation may choose as its default (spec §13: English first, then Spanish,
/// Catalan and Norwegian Bokmål): the codes of [`crate::i18n::Language::ALL`], in its order.
pub const SUPPORTED_LANGUAGES: [&str; 4] = ["en", "es", "ca", "nb"];
/// Slugs that would clash with the instance's own routes.
pub const RESERVED_SLUGS: [&str; 14] = [
    "admin", "api", "login", "logout", "signup", "account", "pkg", "healthz", "language", "invite",
    "orgs", "auth", "static", "new",
];

const TIME_ZONES: &str = include_str!("time_zones.txt");

/// Something wrong with proposed organisation settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum SettingsProblem {
    /// The name is empty or only spaces.
    NameEmpty,
    /// The name is longer than [`NAME_MAX_CHARS`].
    NameTooLong {
        /// The greatest number of characters.
        max: usize,
        /// How many the trimmed name has.
        actual: usize,
    },
    /// The slug is empty.
    SlugEmpty,
    /// The slug is longer than [`SLUG_MAX_CHARS`].
    SlugTooLong {
        /// The greatest number of characters.
        max: usize,
        /// How many the slug has.
        actual: usize,
    },
    /// The slug has characters other than `a`–`z`, `0`–`9` and `-`.
    SlugBadCharacters,
    /// The slug starts or ends with `-`.
    SlugEdgeHyphen,
    /// The slug is one of [`RESERVED_SLUGS`].
    SlugReserved,
    /// The time zone is not an IANA time zone name.
    TimeZoneUnknown,
    /// The language is not one of [`SUPPORTED_LANGUAGES`].
    LanguageUnsupported,
    /// The name holds a control character (see [`crate::domain::text`]).
    NameControlCharacters,
    /// The description holds a control character other than a line break or tab.
    DescriptionControlCharacters,
    /// The description is longer than [`DESCRIPTION_MAX_CHARS`].
    DescriptionTooLong {
        /// The greatest number of characters.
        max: usize,
        /// How many the description has.
        actual: usize,
    },
}

impl SettingsProblem {
    /// The stable snake_case code, also the i18n key.
    pub fn code(&self) -> &'static str {
        match self {
            SettingsProblem::NameEmpty => "name_empty",
            SettingsProblem::NameTooLong { .. } => "name_too_long",
            SettingsProblem::SlugEmpty => "slug_empty",
            SettingsProblem::SlugTooLong { .. } => "slug_too_long",
            SettingsProblem::SlugBadCharacters => "slug_bad_characters",
            SettingsProblem::SlugEdgeHyphen => "slug_edge_hyphen",
            SettingsProblem::SlugReserved => "slug_reserved",
            SettingsProblem::TimeZoneUnknown => "time_zone_unknown",
            SettingsProblem::LanguageUnsupported => "language_unsupported",
            SettingsProblem::DescriptionTooLong { .. } => "description_too_long",
            SettingsProblem::NameControlCharacters
            | SettingsProblem::DescriptionControlCharacters => text::CONTROL_CHARACTERS,
        }
    }

    /// The rule's numbers, for the translated message (`max`, `actual`).
    pub fn args(&self) -> Vec<(String, String)> {
        match self {
            SettingsProblem::NameTooLong { max, actual }
            | SettingsProblem::SlugTooLong { max, actual }
            | SettingsProblem::DescriptionTooLong { max, actual } => vec![
                ("max".to_owned(), max.to_string()),
                ("actual".to_owned(), actual.to_string()),
            ],
            _ => Vec::new(),
        }
    }

    /// The form field the problem belongs to: `name`, `slug`, `time_zone`, `default_language`
    /// or `description`.
    pub fn field(&self) -> &'static str {
        match self {
            SettingsProblem::NameEmpty
            | SettingsProblem::NameTooLong { .. }
            | SettingsProblem::NameControlCharacters => "name",
            SettingsProblem::SlugEmpty
            | SettingsProblem::SlugTooLong { .. }
            | SettingsProblem::SlugBadCharacters
            | SettingsProblem::SlugEdgeHyphen
            | SettingsProblem::SlugReserved => "slug",
            SettingsProblem::TimeZoneUnknown => "time_zone",
            SettingsProblem::LanguageUnsupported => "default_language",
            SettingsProblem::DescriptionTooLong { .. }
            | SettingsProblem::DescriptionControlCharacters => "description",
        }
    }
}

impl fmt::Display for SettingsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingsProblem::NameEmpty => f.write_str("The organisation needs a name."),
            SettingsProblem::NameTooLong { max, actual } => write!(
                f,
                "The name must have at most {max} characters (it has {actual})."
            ),
            SettingsProblem::SlugEmpty => f.write_str("The web address needs a short name (slug)."),
            SettingsProblem::SlugTooLong { max, actual } => write!(
                f,
                "The slug must have at most {max} characters (it has {actual})."
            ),
            SettingsProblem::SlugBadCharacters => {
                f.write_str("The slug may only use lowercase letters a to z, digits and hyphens.")
            }
            SettingsProblem::SlugEdgeHyphen => {
                f.write_str("The slug must not start or end with a hyphen.")
            }
            SettingsProblem::SlugReserved => {
                f.write_str("This slug is reserved by Quorate; choose another.")
            }
            SettingsProblem::TimeZoneUnknown => {
                f.write_str("The time zone must be an IANA time zone name, such as Europe/Madrid.")
            }
            SettingsProblem::LanguageUnsupported => write!(
                f,
                "The default language must be one of: {}.",
                SUPPORTED_LANGUAGES.join(", ")
            ),
            SettingsProblem::DescriptionTooLong { max, actual } => write!(
                f,
                "The description must have at most {max} characters (it has {actual})."
            ),
            SettingsProblem::NameControlCharacters
            | SettingsProblem::DescriptionControlCharacters => {
                f.write_str(text::CONTROL_CHARACTERS_MESSAGE)
            }
        }
    }
}

impl std::error::Error for SettingsProblem {}

impl Rule for SettingsProblem {
    fn code(&self) -> &'static str {
        SettingsProblem::code(self)
    }

    fn args(&self) -> Vec<(String, String)> {
        SettingsProblem::args(self)
    }
}

/// Organisation settings with every rule checked: what the services store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// The name, trimmed.
    pub name: String,
    /// The web address, trimmed.
    pub slug: String,
    /// An IANA time zone name.
    pub time_zone: String,
    /// One of [`SUPPORTED_LANGUAGES`].
    pub default_language: String,
    /// Free text, as typed.
    pub description: String,
}

impl Settings {
    /// Checks the settings form's fields as typed (name and slug trimmed); every problem is
    /// named with its field.
    pub fn parse(
        name: &str,
        slug: &str,
        time_zone: &str,
        default_language: &str,
        description: &str,
    ) -> Result<Settings, Vec<Problem>> {
        let settings = Settings {
            name: name.trim().to_owned(),
            slug: slug.trim().to_owned(),
            time_zone: time_zone.to_owned(),
            default_language: default_language.to_owned(),
            description: description.to_owned(),
        };
        let problems: Vec<Problem> = settings_problems(
            &settings.name,
            &settings.slug,
            &settings.time_zone,
            &settings.default_language,
            &settings.description,
        )
        .iter()
        .map(|p| Problem::broken(Some(p.field()), p))
        .collect();
        if problems.is_empty() {
            Ok(settings)
        } else {
            Err(problems)
        }
    }
}

/// A new organisation's settings. Left empty, the web address is suggested from the name
/// (the form suggests it as the name is typed, when JavaScript runs); the service then takes
/// the first variant no organisation uses (`name`, `name-2`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOrganisation {
    /// The settings, the slug typed or suggested.
    pub settings: Settings,
    /// Whether the slug was typed (else suggested from the name).
    pub slug_typed: bool,
}

impl NewOrganisation {
    /// [`Settings::parse`], with an empty slug suggested from the name.
    pub fn parse(
        name: &str,
        slug: &str,
        time_zone: &str,
        default_language: &str,
        description: &str,
    ) -> Result<NewOrganisation, Vec<Problem>> {
        let slug_typed = !slug.trim().is_empty();
        let slug = match slug_typed {
            true => slug.to_owned(),
            false => slug_from_name(name.trim()),
        };
        Settings::parse(name, &slug, time_zone, default_language, description).map(|settings| {
            NewOrganisation {
                settings,
                slug_typed,
            }
        })
    }
}

/// Every problem with these settings; empty if they can be saved. The name is judged trimmed
/// (store it trimmed); the slug, time zone and language exactly as given.
pub fn settings_problems(
    name: &str,
    slug: &str,
    time_zone: &str,
    default_language: &str,
    description: &str,
) -> Vec<SettingsProblem> {
    let mut problems = Vec::new();
    let name_chars = name.trim().chars().count();
    if name_chars == 0 {
        problems.push(SettingsProblem::NameEmpty);
    } else if name_chars > NAME_MAX_CHARS {
        problems.push(SettingsProblem::NameTooLong {
            max: NAME_MAX_CHARS,
            actual: name_chars,
        });
    }
    if text::has_control_characters(name, Lines::Single) {
        problems.push(SettingsProblem::NameControlCharacters);
    }
    problems.extend(slug_problems(slug));
    if !is_time_zone(time_zone) {
        problems.push(SettingsProblem::TimeZoneUnknown);
    }
    if !SUPPORTED_LANGUAGES.contains(&default_language) {
        problems.push(SettingsProblem::LanguageUnsupported);
    }
    let description_chars = description.chars().count();
    if description_chars > DESCRIPTION_MAX_CHARS {
        problems.push(SettingsProblem::DescriptionTooLong {
            max: DESCRIPTION_MAX_CHARS,
            actual: description_chars,
        });
    }
    if text::has_control_characters(description, Lines::Multi) {
        problems.push(SettingsProblem::DescriptionControlCharacters);
    }
    problems
}

/// The problems with a slug alone: it must match `^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$` and
/// not be reserved.
pub fn slug_problems(slug: &str) -> Vec<SettingsProblem> {
    let chars = slug.chars().count();
    if chars == 0 {
        return vec![SettingsProblem::SlugEmpty];
    }
    let mut problems = Vec::new();
    if chars > SLUG_MAX_CHARS {
        problems.push(SettingsProblem::SlugTooLong {
            max: SLUG_MAX_CHARS,
            actual: chars,
        });
    }
    if !slug.chars().all(is_slug_char) {
        problems.push(SettingsProblem::SlugBadCharacters);
    }
    if slug.starts_with('-') || slug.ends_with('-') {
        problems.push(SettingsProblem::SlugEdgeHyphen);
    }
    if RESERVED_SLUGS.contains(&slug) {
        problems.push(SettingsProblem::SlugReserved);
    }
    problems
}

/// Whether `name` is an IANA time zone name (exact, case-sensitive: `Europe/Madrid`, `UTC`).
pub fn is_time_zone(name: &str) -> bool {
    !name.is_empty() && time_zones().any(|zone| zone == name)
}

/// Every accepted IANA time zone name, sorted by bytes.
pub fn time_zones() -> impl Iterator<Item = &'static str> {
    TIME_ZONES
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
}

/// `base` with `-n` appended, shortened first so the result stays within
/// [`SLUG_MAX_CHARS`] (and never ends in a hyphen before the suffix).
pub fn slug_with_suffix(base: &str, n: u32) -> String {
    let suffix = format!("-{n}");
    let room = SLUG_MAX_CHARS.saturating_sub(suffix.len());
    let head: String = base.chars().take(room).collect();
    format!("{}{suffix}", head.trim_end_matches('-'))
}

/// A slug suggested from an organisation's name: lowercase ASCII, common Latin accents folded
/// (`é` → `e`, `ß` → `ss`), apostrophes and the Catalan middle dot dropped, every other run of
/// characters turned into one `-`, no hyphen at either end, at most [`SLUG_MAX_CHARS`]. The
/// result may be empty or reserved: check it with [`slug_problems`].
pub fn slug_from_name(name: &str) -> String {
    let mut slug = String::new();
    let mut pending_hyphen = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if matches!(c, '\'' | '’' | '·' | '\u{307}') {
            continue; // l'Hort → lhort, col·lectiu → collectiu, İ → i
        }
        match fold(c) {
            Some(folded) => {
                if pending_hyphen && !slug.is_empty() {
                    slug.push('-');
                }
                pending_hyphen = false;
                slug.push_str(folded);
            }
            None => pending_hyphen = true,
        }
    }
    truncate_slug(&slug)
}

/// Cuts a slug to [`SLUG_MAX_CHARS`] (all ASCII by then) without leaving a hyphen at the end.
fn truncate_slug(slug: &str) -> String {
    let cut: String = slug.chars().take(SLUG_MAX_CHARS).collect();
    cut.trim_end_matches('-').to_owned()
}

fn is_slug_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

/// The ASCII for a lowercase letter or digit, folding common Latin accents; `None` for anything
/// that becomes a separator.
fn fold(c: char) -> Option<&'static str> {
    const ASCII: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if c.is_ascii_lowercase() || c.is_ascii_digit() {
        let at = ASCII.find(c)?;
        return ASCII.get(at..at + 1);
    }
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(name: &str, slug: &str, tz: &str, lang: &str, description: &str) -> Vec<&'static str> {
        settings_problems(name, slug, tz, lang, description)
            .iter()
            .map(SettingsProblem::code)
            .collect()
    }

    #[test]
    fn settings_are_read_trimmed_and_a_new_organisation_may_leave_its_slug_to_the_name() {
        let Ok(settings) = Settings::parse(" Bread ", " bread ", "UTC", "en", "") else {
            panic!("valid settings");
        };
        assert_eq!(
            (settings.name.as_str(), settings.slug.as_str()),
            ("Bread", "bread")
        );
        let Ok(new) = NewOrganisation::parse("Forn de Gràcia", "", "UTC", "en", "") else {
            panic!("valid settings");
        };
        assert_eq!(new.settings.slug, "forn-de-gracia");
        assert!(!new.slug_typed);
        let problems = Settings::parse("", "", "Mars/Base", "en", "")
            .err()
            .unwrap_or_default();
        let named: Vec<_> = problems
            .iter()
            .map(|p| (p.field.clone().unwrap_or_default(), p.code.clone()))
            .collect();
        assert_eq!(
            named,
            [
                ("name".to_owned(), "name_empty".to_owned()),
                ("slug".to_owned(), "slug_empty".to_owned()),
                ("time_zone".to_owned(), "time_zone_unknown".to_owned())
            ]
        );
    }

    #[test]
    fn an_organisation_may_default_to_every_language_quorate_speaks_and_no_other() {
        let spoken: Vec<&str> = crate::i18n::Language::ALL
            .iter()
            .map(|l| l.code())
            .collect();
        assert_eq!(SUPPORTED_LANGUAGES, spoken.as_slice());
        for code in SUPPORTED_LANGUAGES {
            assert!(codes("X", "x", "UTC", code, "").is_empty(), "{code}");
        }
        // Only the codes themselves: `no` reads as Bokmål for a browser, not as a setting.
        assert_eq!(codes("X", "x", "UTC", "no", ""), ["language_unsupported"]);
    }

    #[test]
    fn good_settings_have_no_problems() {
        assert!(
            codes(
                "Bread Co-op",
                "bread-co-op",
                "Europe/Madrid",
                "es",
                "We bake."
            )
            .is_empty()
        );
        assert!(codes("X", "x", "UTC", "en", "").is_empty());
    }

    #[test]
    fn the_name_is_judged_trimmed_and_must_have_1_to_120_characters() {
        assert_eq!(codes("   ", "a", "UTC", "en", ""), ["name_empty"]);
        let long = "é".repeat(121);
        let problems = settings_problems(&long, "a", "UTC", "en", "");
        assert_eq!(
            problems,
            [SettingsProblem::NameTooLong {
                max: 120,
                actual: 121
            }]
        );
        assert!(codes(&format!("  {}  ", "é".repeat(120)), "a", "UTC", "en", "").is_empty());
    }

    #[test]
    fn slugs_follow_the_pattern_without_a_regex() {
        for good in ["a", "0", "ab", "a-b", "a--b", "co-op-2026", &"a".repeat(50)] {
            assert!(slug_problems(good).is_empty(), "{good}");
        }
        let cases: [(&str, &[&str]); 7] = [
            ("", &["slug_empty"]),
            ("-a", &["slug_edge_hyphen"]),
            ("a-", &["slug_edge_hyphen"]),
            ("-", &["slug_edge_hyphen"]),
            ("Bread", &["slug_bad_characters"]),
            ("pa_n", &["slug_bad_characters"]),
            ("pañ", &["slug_bad_characters"]),
        ];
        for (slug, want) in cases {
            let got: Vec<&str> = slug_problems(slug)
                .iter()
                .map(SettingsProblem::code)
                .collect();
            assert_eq!(got, want, "{slug:?}");
        }
        assert_eq!(
            slug_problems(&"a".repeat(51)),
            [SettingsProblem::SlugTooLong {
                max: 50,
                actual: 51
            }]
        );
    }

    #[test]
    fn reserved_words_are_not_slugs() {
        for reserved in RESERVED_SLUGS {
            assert_eq!(slug_problems(reserved), [SettingsProblem::SlugReserved]);
        }
        assert!(slug_problems("admins").is_empty());
    }

    #[test]
    fn time_zones_are_iana_names_matched_exactly() {
        for zone in [
            "Europe/Madrid",
            "America/Argentina/Buenos_Aires",
            "UTC",
            "Etc/GMT+5",
            "Asia/Kolkata",
            "Asia/Calcutta",
        ] {
            assert!(is_time_zone(zone), "{zone}");
        }
        for bad in [
            "",
            "europe/madrid",
            "Madrid",
            "Europe/Atlantis",
            "Factory",
            " UTC",
            "+01:00",
        ] {
            assert!(!is_time_zone(bad), "{bad:?}");
        }
        assert!(time_zones().count() > 400);
        assert_eq!(codes("A", "a", "CEST", "en", ""), ["time_zone_unknown"]);
    }

    #[test]
    fn only_english_and_spanish_are_default_languages() {
        assert_eq!(codes("A", "a", "UTC", "fr", ""), ["language_unsupported"]);
        assert_eq!(codes("A", "a", "UTC", "EN", ""), ["language_unsupported"]);
    }

    #[test]
    fn the_description_may_have_up_to_2000_characters() {
        assert!(codes("A", "a", "UTC", "en", &"ñ".repeat(2000)).is_empty());
        assert_eq!(
            codes("A", "a", "UTC", "en", &"ñ".repeat(2001)),
            ["description_too_long"]
        );
    }

    #[test]
    fn every_problem_names_its_form_field() {
        let problems = settings_problems("", "-", "Nowhere", "xx", &"d".repeat(2001));
        let fields: Vec<&str> = problems.iter().map(SettingsProblem::field).collect();
        assert_eq!(
            fields,
            [
                "name",
                "slug",
                "time_zone",
                "default_language",
                "description"
            ]
        );
    }

    #[test]
    fn slugs_from_names_fold_accents_and_join_words_with_hyphens() {
        assert_eq!(slug_from_name("Bread Co-op"), "bread-co-op");
        assert_eq!(
            slug_from_name("  Cooperativa Agrícola de Peñíscola!  "),
            "cooperativa-agricola-de-peniscola"
        );
        assert_eq!(slug_from_name("Straße & Œuvre"), "strasse-oeuvre");
        assert_eq!(slug_from_name("Col·lectiu l'Hort"), "collectiu-lhort");
        assert_eq!(slug_from_name("Łódź Zadruga"), "lodz-zadruga");
        assert_eq!(
            slug_from_name("İstanbul Kooperatifi"),
            "istanbul-kooperatifi"
        );
    }

    #[test]
    fn a_slug_from_a_name_is_at_most_50_characters_and_never_ends_in_a_hyphen() {
        let slug = slug_from_name(&format!("{} tail", "a".repeat(49)));
        assert_eq!(slug, "a".repeat(49));
        assert_eq!(slug_from_name(&"long ".repeat(40)).chars().count(), 49);
        assert!(slug_problems(&slug_from_name(&"Ünïcode Ñame ".repeat(10))).is_empty());
    }

    #[test]
    fn a_name_with_nothing_latin_gives_an_empty_slug() {
        assert_eq!(slug_from_name("合作社"), "");
        assert_eq!(slug_from_name("--- !!! ---"), "");
    }

    #[test]
    fn a_suffixed_slug_stays_within_the_limit() {
        assert_eq!(slug_with_suffix("riverside", 2), "riverside-2");
        let long = "a".repeat(49) + "-b";
        let suffixed = slug_with_suffix(&long, 12);
        assert_eq!(suffixed.chars().count(), SLUG_MAX_CHARS);
        assert!(slug_problems(&suffixed).is_empty(), "{suffixed}");
    }

    #[test]
    fn a_name_with_control_characters_is_refused_and_a_description_may_break_lines() {
        let problems = settings_problems("Co\u{1b}[2Jop", "coop", "UTC", "en", "One\ntwo");
        assert_eq!(problems, vec![SettingsProblem::NameControlCharacters]);
        let problems = settings_problems("Coop", "coop", "UTC", "en", "Bell\u{7}");
        assert_eq!(
            problems,
            vec![SettingsProblem::DescriptionControlCharacters]
        );
    }
}
