//! Quorate's JSON ballot file (decision-rules.md §10): one document holding a round's
//! method with its parameters, tie policy, quorum, electorate, options and ballots, for every
//! method. `"format": "quorate-ballots"`, `"version": 1`; the schema with an example per
//! method is in `docs/formats.md`.
//!
//! Ballots name options by name. When `"options"` comes before `"withdrawn"` and `"ballots"`
//! (as [`write()`] puts them), ballots are checked and merged while they stream in, and every
//! error carries its line and column. Otherwise (a writer that sorts keys) the ballots are
//! held as JSON values until the options are known, and errors name the ballot's number.

use super::{
    BallotFile, MAX_OPTIONS, ParseError, Problem, WriteError,
    group::MarksGroups,
    json_marks::{BallotSeed, quote, write_ballot},
};
use crate::{
    ballot::{Contest, Marks, OptionIndex},
    config::{Method, Quorum, TiePolicy},
};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::{
    collections::HashMap,
    fmt,
    io::{Read, Write},
};

/// The value of `"format"`.
pub const FORMAT_NAME: &str = "quorate-ballots";
/// The schema version this module reads and writes.
pub const VERSION: u64 = 1;

/// The keys a document may have.
const FIELDS: &[&str] = &[
    "format",
    "version",
    "title",
    "options",
    "withdrawn",
    "tie_order",
    "seats",
    "method",
    "tie_policy",
    "quorum",
    "electorate",
    "ballots",
];

/// Reads a JSON ballot file.
pub fn read(input: impl Read) -> Result<BallotFile, ParseError> {
    let mut deserializer = serde_json::Deserializer::from_reader(input);
    let file = Document
        .deserialize(&mut deserializer)
        .map_err(from_serde)?;
    deserializer.end().map_err(from_serde)?;
    Ok(file)
}

/// Writes a ballot file as JSON: one key per line, one ballot per line.
pub fn write(file: &BallotFile, out: impl Write) -> Result<(), WriteError> {
    write_with_ids(file, &[], out)
}

/// [`write`], giving ballot group `i` the `"id"` `ids[i]` (a receipt code, a voter's name;
/// readers ignore it). Groups beyond `ids` get none.
pub fn write_with_ids(
    file: &BallotFile,
    ids: &[String],
    mut out: impl Write,
) -> Result<(), WriteError> {
    let contest = &file.contest;
    let mut lines: Vec<String> = vec![
        format!("\"format\": {}", quote(FORMAT_NAME)),
        format!("\"version\": {VERSION}"),
        format!("\"title\": {}", quote(&contest.title)),
        format!("\"options\": {}", json(&contest.options)?),
    ];
    if !contest.withdrawn.is_empty() {
        let names: Result<Vec<&String>, WriteError> = contest
            .withdrawn
            .iter()
            .map(|index| option_name(contest, *index))
            .collect();
        lines.push(format!("\"withdrawn\": {}", json(&names?)?));
    }
    if let Some(order) = &contest.tie_order {
        let names: Result<Vec<&String>, WriteError> = order
            .iter()
            .map(|index| option_name(contest, *index))
            .collect();
        lines.push(format!("\"tie_order\": {}", json(&names?)?));
    }
    lines.push(format!("\"seats\": {}", contest.seats));
    if let Some(method) = &file.method {
        lines.push(format!("\"method\": {}", json(method)?));
    }
    if let Some(policy) = &file.tie_policy {
        lines.push(format!("\"tie_policy\": {}", json(policy)?));
    }
    if let Some(quorum) = &file.quorum {
        lines.push(format!("\"quorum\": {}", json(quorum)?));
    }
    if let Some(electorate) = file.electorate {
        lines.push(format!("\"electorate\": {electorate}"));
    }
    writeln!(out, "{{")?;
    for line in &lines {
        writeln!(out, "  {line},")?;
    }
    write!(out, "  \"ballots\": [")?;
    for (i, group) in contest.ballots.iter().enumerate() {
        check_unique(&group.marks)?;
        let mut ballot = write_ballot(group.weight, &group.marks, &contest.options)
            .map_err(WriteError::Unrepresentable)?;
        if let Some(id) = ids.get(i) {
            ballot.replace_range(..1, &format!("{{\"id\": {}, ", quote(id)));
        }
        let separator = if i == 0 { "" } else { "," };
        write!(out, "{separator}\n    {ballot}")?;
    }
    let close = if contest.ballots.is_empty() {
        ""
    } else {
        "\n  "
    };
    writeln!(out, "{close}]\n}}")?;
    Ok(())
}

fn option_name(contest: &Contest, index: OptionIndex) -> Result<&String, WriteError> {
    contest.options.get(index).ok_or_else(|| {
        WriteError::Unrepresentable(format!(
            "option {index} is withdrawn or in the tie order but does not exist"
        ))
    })
}

/// A ballot that names an option twice would not read back.
fn check_unique(marks: &Marks) -> Result<(), WriteError> {
    let mut indices: Vec<OptionIndex> = match marks {
        Marks::Ranking(ranking) => ranking.options().collect(),
        Marks::Approval(approved) => approved.clone(),
        Marks::Points(points) => points.iter().map(|(index, _)| *index).collect(),
        Marks::Consent { .. } | Marks::YesNo(_) => return Ok(()),
    };
    let total = indices.len();
    indices.sort_unstable();
    indices.dedup();
    if indices.len() != total {
        return Err(WriteError::Unrepresentable(
            "a ballot names the same option twice".to_owned(),
        ));
    }
    Ok(())
}

/// One value as JSON on one line, `", "` and `": "` between items, object keys sorted
/// with the serde tag (`method`, `kind`) first, whatever serde_json's features.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, WriteError> {
    let value =
        serde_json::to_value(value).map_err(|e| WriteError::Unrepresentable(e.to_string()))?;
    Ok(render(&value))
}

fn render(value: &serde_json::Value) -> String {
    use serde_json::Value;
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(render).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by_key(|(key, _)| (!matches!(key.as_str(), "method" | "kind"), *key));
            let entries: Vec<String> = entries
                .into_iter()
                .map(|(key, value)| format!("{}: {}", quote(key), render(value)))
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
        other => other.to_string(),
    }
}

/// serde_json's error, with its line and column, as a [`ParseError`].
fn from_serde(error: serde_json::Error) -> ParseError {
    let line = u64::try_from(error.line()).unwrap_or(u64::MAX);
    let column = u64::try_from(error.column()).unwrap_or(u64::MAX);
    let text = error.to_string();
    let message = match text.rfind(" at line ") {
        Some(at) => text.get(..at).unwrap_or(&text).to_owned(),
        None => text,
    };
    let problem = if error.is_io() {
        Problem::Read { message }
    } else if error.is_eof() {
        Problem::Expected {
            expected: "the rest of the JSON document".to_owned(),
            found: "the end of the file".to_owned(),
        }
    } else {
        Problem::Invalid { message }
    };
    ParseError::new(line, column, problem)
}

/// The whole document.
struct Document;

impl<'de> DeserializeSeed<'de> for Document {
    type Value = BallotFile;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<BallotFile, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Document {
    type Value = BallotFile;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a quorate-ballots document (an object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<BallotFile, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<String>()? {
            fields.read(&key, &mut map)?;
        }
        fields.finish()
    }
}

/// What the document has said so far.
#[derive(Default)]
struct Fields {
    format: bool,
    version: bool,
    title: Option<String>,
    options: Option<Vec<String>>,
    lookup: HashMap<String, OptionIndex>,
    withdrawn: Option<Vec<OptionIndex>>,
    tie_order: Option<Vec<OptionIndex>>,
    seats: Option<u32>,
    method: Option<Method>,
    tie_policy: Option<TiePolicy>,
    quorum: Option<Quorum>,
    electorate: Option<u64>,
    ballots: Option<MarksGroups>,
    /// `withdrawn` and `ballots` met before `options`: kept until the options are known.
    pending_withdrawn: Option<Vec<String>>,
    pending_tie_order: Option<Vec<String>>,
    pending_ballots: Option<Vec<serde_json::Value>>,
}

impl Fields {
    fn read<'de, A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<(), A::Error> {
        let duplicate = match key {
            "format" => {
                let format: String = map.next_value()?;
                if format != FORMAT_NAME {
                    return Err(de::Error::custom(format_args!(
                        "expected \"format\": \"{FORMAT_NAME}\", found {format:?}"
                    )));
                }
                std::mem::replace(&mut self.format, true)
            }
            "version" => {
                let version: u64 = map.next_value()?;
                if version != VERSION {
                    return Err(de::Error::custom(format_args!(
                        "expected \"version\": {VERSION}, found {version}"
                    )));
                }
                std::mem::replace(&mut self.version, true)
            }
            "title" => self.title.replace(map.next_value()?).is_some(),
            "options" => {
                let options: Vec<String> = map.next_value()?;
                self.set_options(options)?
            }
            "withdrawn" => {
                let names: Vec<String> = map.next_value()?;
                let duplicate = self.withdrawn.is_some() || self.pending_withdrawn.is_some();
                if self.options.is_some() {
                    self.withdrawn = Some(self.resolve_withdrawn(&names)?);
                } else {
                    self.pending_withdrawn = Some(names);
                }
                duplicate
            }
            "tie_order" => {
                let names: Vec<String> = map.next_value()?;
                let duplicate = self.tie_order.is_some() || self.pending_tie_order.is_some();
                if self.options.is_some() {
                    self.tie_order = Some(self.resolve_tie_order(&names)?);
                } else {
                    self.pending_tie_order = Some(names);
                }
                duplicate
            }
            "seats" => self.seats.replace(map.next_value()?).is_some(),
            "method" => self.method.replace(map.next_value()?).is_some(),
            "tie_policy" => self.tie_policy.replace(map.next_value()?).is_some(),
            "quorum" => self.quorum.replace(map.next_value()?).is_some(),
            "electorate" => self.electorate.replace(map.next_value()?).is_some(),
            "ballots" => {
                let duplicate = self.ballots.is_some() || self.pending_ballots.is_some();
                if self.options.is_some() {
                    let groups = map.next_value_seed(Ballots {
                        lookup: &self.lookup,
                    })?;
                    self.ballots = Some(groups);
                } else {
                    self.pending_ballots = Some(map.next_value()?);
                }
                duplicate
            }
            _ => return Err(de::Error::unknown_field(key, FIELDS)),
        };
        if duplicate {
            let field = FIELDS.iter().find(|f| **f == key).copied().unwrap_or("?");
            return Err(de::Error::duplicate_field(field));
        }
        Ok(())
    }

    fn set_options<E: de::Error>(&mut self, options: Vec<String>) -> Result<bool, E> {
        if options.len() > MAX_OPTIONS {
            return Err(E::custom(Problem::TooManyOptions));
        }
        let duplicate = self.options.is_some();
        self.lookup.clear();
        for (index, name) in options.iter().enumerate() {
            if self.lookup.insert(name.clone(), index).is_some() {
                return Err(E::custom(Problem::DuplicateName { name: name.clone() }));
            }
        }
        self.options = Some(options);
        Ok(duplicate)
    }

    fn resolve_withdrawn<E: de::Error>(&self, names: &[String]) -> Result<Vec<OptionIndex>, E> {
        let mut withdrawn = Vec::with_capacity(names.len());
        for name in names {
            let index = *self.lookup.get(name).ok_or_else(|| {
                E::custom(format_args!(
                    "expected one of the names in \"options\", found {name:?}"
                ))
            })?;
            if withdrawn.contains(&index) {
                return Err(E::custom(format_args!("{name:?} is withdrawn twice")));
            }
            withdrawn.push(index);
        }
        Ok(withdrawn)
    }

    /// The tie order: every option exactly once.
    fn resolve_tie_order<E: de::Error>(&self, names: &[String]) -> Result<Vec<OptionIndex>, E> {
        let mut order = Vec::with_capacity(names.len());
        for name in names {
            let index = *self.lookup.get(name).ok_or_else(|| {
                E::custom(format_args!(
                    "expected one of the names in \"options\", found {name:?}"
                ))
            })?;
            if order.contains(&index) {
                return Err(E::custom(format_args!(
                    "{name:?} is in \"tie_order\" twice"
                )));
            }
            order.push(index);
        }
        if order.len() != self.lookup.len() {
            return Err(E::custom(format_args!(
                "expected every one of the {} options in \"tie_order\", found {}",
                self.lookup.len(),
                order.len()
            )));
        }
        Ok(order)
    }

    /// Ballots read before the options: checked now, each error naming the ballot.
    fn resolve_ballots<E: de::Error>(
        &self,
        values: Vec<serde_json::Value>,
    ) -> Result<MarksGroups, E> {
        let mut groups = MarksGroups::default();
        for (number, value) in (1u64..).zip(values) {
            let seed = BallotSeed {
                lookup: &self.lookup,
            };
            let (weight, marks) = seed
                .deserialize(value)
                .map_err(|e| E::custom(format_args!("ballot {number}: {e}")))?;
            groups
                .add(marks, weight)
                .map_err(|_| E::custom(Problem::WeightOverflow))?;
        }
        Ok(groups)
    }

    fn finish<E: de::Error>(mut self) -> Result<BallotFile, E> {
        if !self.format {
            return Err(E::missing_field("format"));
        }
        if !self.version {
            return Err(E::missing_field("version"));
        }
        if self.options.is_none() {
            return Err(E::missing_field("options"));
        }
        if let Some(names) = self.pending_withdrawn.take() {
            self.withdrawn = Some(self.resolve_withdrawn(&names)?);
        }
        if let Some(names) = self.pending_tie_order.take() {
            self.tie_order = Some(self.resolve_tie_order(&names)?);
        }
        if let Some(values) = self.pending_ballots.take() {
            self.ballots = Some(self.resolve_ballots(values)?);
        }
        let options = self.options.ok_or_else(|| E::missing_field("options"))?;
        let ballots = self.ballots.ok_or_else(|| E::missing_field("ballots"))?;
        let contest = Contest {
            title: self.title.unwrap_or_default(),
            options,
            withdrawn: self.withdrawn.unwrap_or_default(),
            seats: self.seats.unwrap_or(1),
            tie_order: self.tie_order,
            ballots: ballots.into_groups(),
        };
        Ok(BallotFile {
            contest,
            method: self.method,
            tie_policy: self.tie_policy,
            quorum: self.quorum,
            electorate: self.electorate,
            notes: Vec::new(),
        })
    }
}

/// The `ballots` array, merged into groups as it streams.
struct Ballots<'a> {
    lookup: &'a HashMap<String, OptionIndex>,
}

impl<'de> DeserializeSeed<'de> for Ballots<'_> {
    type Value = MarksGroups;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<MarksGroups, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Ballots<'_> {
    type Value = MarksGroups;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of ballots")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<MarksGroups, A::Error> {
        let mut groups = MarksGroups::default();
        let seed = || BallotSeed {
            lookup: self.lookup,
        };
        while let Some((weight, marks)) = seq.next_element_seed(seed())? {
            groups
                .add(marks, weight)
                .map_err(|_| de::Error::custom(Problem::WeightOverflow))?;
        }
        Ok(groups)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::{BallotGroup, Choice};

    #[test]
    fn ballots_written_with_ids_read_back_the_same() {
        let contest = Contest {
            title: "Solar roof".into(),
            options: vec!["Solar roof".into()],
            withdrawn: Vec::new(),
            seats: 1,
            tie_order: None,
            ballots: vec![
                BallotGroup {
                    weight: 1,
                    marks: Marks::YesNo(Choice::Yes),
                },
                BallotGroup {
                    weight: 1,
                    marks: Marks::YesNo(Choice::No),
                },
            ],
        };
        let file = BallotFile::from_contest(contest);
        let mut out = Vec::new();
        write_with_ids(&file, &["K7QF-2M9X".into(), "Bea \"B\"".into()], &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains(r#"{"id": "K7QF-2M9X", "vote": "yes"}"#),
            "{text}"
        );
        assert!(
            text.contains(r#"{"id": "Bea \"B\"", "vote": "no"}"#),
            "{text}"
        );
        assert_eq!(read(text.as_bytes()).unwrap().contest, file.contest);
    }
}
