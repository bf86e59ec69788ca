//! Groups inside an organisation (working groups, circles; spec §1 "People and roles"): a
//! name, a web address unique in the organisation, a description. Only active members join
//! one, since a group's members are the electorate of its rounds.

use crate::{
    domain::{
        organisation::{DESCRIPTION_MAX_CHARS, SettingsProblem, slug_problems},
        roles::MembershipState,
        rule::{Rule, args},
        text::{self, Lines},
    },
    dto::Problem,
};
use std::fmt;

/// The fewest characters a group name has, after trimming.
pub const NAME_MIN_CHARS: usize = 1;
/// The most characters a group name has, after trimming.
pub const NAME_MAX_CHARS: usize = 120;

/// Something wrong with a group or its membership.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupProblem {
    /// The name is empty or longer than [`NAME_MAX_CHARS`].
    NameLength {
        /// The fewest characters.
        min: usize,
        /// The most characters.
        max: usize,
        /// How many the trimmed name has.
        actual: usize,
    },
    /// Only active members join a group.
    MemberNotActive,
}

impl Rule for GroupProblem {
    fn code(&self) -> &'static str {
        match self {
            GroupProblem::NameLength { .. } => "name_length",
            GroupProblem::MemberNotActive => "group_member_not_active",
        }
    }

    fn args(&self) -> Vec<(String, String)> {
        match self {
            GroupProblem::NameLength { min, max, actual } => args([
                ("min", min as &dyn ToString),
                ("max", max),
                ("actual", actual),
            ]),
            GroupProblem::MemberNotActive => Vec::new(),
        }
    }
}

impl fmt::Display for GroupProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GroupProblem::NameLength { min, max, .. } => {
                write!(f, "The name must have between {min} and {max} characters.")
            }
            GroupProblem::MemberNotActive => f.write_str("Only active members can join a group."),
        }
    }
}

/// A new group with every rule that needs no database checked (the slug's uniqueness in
/// the organisation is the service's to check).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewGroup {
    /// The name, trimmed.
    pub name: String,
    /// The web address, trimmed.
    pub slug: String,
    /// Free text, as typed.
    pub description: String,
}

impl NewGroup {
    /// Checks the new-group form's fields as typed; every problem is named with its field.
    pub fn parse(name: &str, slug: &str, description: &str) -> Result<NewGroup, Vec<Problem>> {
        let group = NewGroup {
            name: name.trim().to_owned(),
            slug: slug.trim().to_owned(),
            description: description.to_owned(),
        };
        let mut problems: Vec<Problem> = slug_problems(&group.slug)
            .iter()
            .map(|p| Problem::broken(Some("slug"), p))
            .collect();
        let actual = group.name.chars().count();
        if !(NAME_MIN_CHARS..=NAME_MAX_CHARS).contains(&actual) {
            let problem = GroupProblem::NameLength {
                min: NAME_MIN_CHARS,
                max: NAME_MAX_CHARS,
                actual,
            };
            problems.push(Problem::broken(Some("name"), &problem));
        }
        if text::has_control_characters(&group.name, Lines::Single) {
            problems.push(Problem::broken(
                Some("name"),
                &SettingsProblem::NameControlCharacters,
            ));
        }
        if text::has_control_characters(&group.description, Lines::Multi) {
            problems.push(Problem::broken(
                Some("description"),
                &SettingsProblem::DescriptionControlCharacters,
            ));
        }
        let description_chars = group.description.chars().count();
        if description_chars > DESCRIPTION_MAX_CHARS {
            let problem = SettingsProblem::DescriptionTooLong {
                max: DESCRIPTION_MAX_CHARS,
                actual: description_chars,
            };
            problems.push(Problem::broken(Some("description"), &problem));
        }
        if problems.is_empty() {
            Ok(group)
        } else {
            Err(problems)
        }
    }
}

/// Whether a member in `state` may be added to a group: only active members.
pub fn may_join_group(state: MembershipState) -> Result<(), GroupProblem> {
    match state {
        MembershipState::Active => Ok(()),
        MembershipState::Invited | MembershipState::Suspended | MembershipState::Left => {
            Err(GroupProblem::MemberNotActive)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(result: Result<NewGroup, Vec<Problem>>) -> Vec<(String, String)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.field.unwrap_or_default(), p.code))
            .collect()
    }

    #[test]
    fn a_group_is_read_trimmed() {
        assert_eq!(
            NewGroup::parse(" Housing ", " housing ", "Flats"),
            Ok(NewGroup {
                name: "Housing".into(),
                slug: "housing".into(),
                description: "Flats".into(),
            })
        );
    }

    #[test]
    fn a_group_name_has_1_to_120_characters_and_the_message_carries_the_numbers() {
        let long = "n".repeat(121);
        let problems = NewGroup::parse(&long, "g", "").err().unwrap_or_default();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].code, "name_length");
        assert_eq!(
            problems[0].args,
            [
                ("min".to_owned(), "1".to_owned()),
                ("max".to_owned(), "120".to_owned()),
                ("actual".to_owned(), "121".to_owned())
            ]
        );
        assert!(NewGroup::parse(&"n".repeat(120), "g", "").is_ok());
        assert_eq!(
            named(NewGroup::parse("  ", "Bad Slug", "x\u{1b}")),
            [
                ("slug".to_owned(), "slug_bad_characters".to_owned()),
                ("name".to_owned(), "name_length".to_owned()),
                ("description".to_owned(), "control_characters".to_owned())
            ]
        );
    }

    #[test]
    fn only_active_members_join_a_group() {
        assert_eq!(may_join_group(MembershipState::Active), Ok(()));
        for state in [
            MembershipState::Invited,
            MembershipState::Suspended,
            MembershipState::Left,
        ] {
            assert_eq!(may_join_group(state), Err(GroupProblem::MemberNotActive));
        }
    }
}
