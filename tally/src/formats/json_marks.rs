//! One ballot of Quorate's JSON ballot file: reading it against the option names (errors
//! carry serde_json's line and column) and writing it. The schema is in `docs/formats.md`.

use crate::ballot::{Choice, ConsentPosition, Exhaustion, Marks, OptionIndex, Ranking};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::{collections::HashMap, fmt};

/// The keys a ballot object may have.
const BALLOT_FIELDS: &[&str] = &[
    "id",
    "weight",
    "ranking",
    "exhaustion",
    "approval",
    "points",
    "consent",
    "reason",
    "vote",
];

/// Reads one ballot object: `(weight, marks)`.
pub(crate) struct BallotSeed<'a> {
    /// Option name → index in ballot order.
    pub(crate) lookup: &'a HashMap<String, OptionIndex>,
}

impl<'de> DeserializeSeed<'de> for BallotSeed<'_> {
    type Value = (u64, Marks);

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for BallotSeed<'_> {
    type Value = (u64, Marks);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a ballot object such as {\"ranking\": [\"Ash\", \"Elm\"]}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut weight: Option<u64> = None;
        let mut marks: Option<Marks> = None;
        let mut reason: Option<Option<String>> = None;
        let mut exhaustion: Option<Exhaustion> = None;
        let mut seen_id = false;
        while let Some(key) = map.next_key::<String>()? {
            let duplicate = match key.as_str() {
                "id" => std::mem::replace(&mut seen_id, true),
                "weight" => weight.replace(map.next_value()?).is_some(),
                "reason" => reason.replace(map.next_value()?).is_some(),
                "exhaustion" => exhaustion.replace(map.next_value()?).is_some(),
                "ranking" | "approval" | "points" | "consent" | "vote" => {
                    if let Some(previous) = &marks {
                        return Err(de::Error::custom(format_args!(
                            "expected one kind of marks per ballot, found \"{key}\" after \"{}\"",
                            kind(previous)
                        )));
                    }
                    marks = Some(self.marks(&key, &mut map)?);
                    false
                }
                _ => return Err(de::Error::unknown_field(&key, BALLOT_FIELDS)),
            };
            if key == "id" {
                map.next_value::<IgnoredAny>()?;
            }
            if duplicate {
                return Err(de::Error::duplicate_field(field_name(&key)));
            }
        }
        let Some(mut marks) = marks else {
            return Err(de::Error::custom(
                "expected one of \"ranking\", \"approval\", \"points\", \"consent\" or \"vote\" in the ballot, found none",
            ));
        };
        match (&mut marks, reason) {
            (Marks::Consent { reason: slot, .. }, Some(reason)) => *slot = reason,
            (_, None) => {}
            (other, Some(_)) => {
                return Err(de::Error::custom(format_args!(
                    "expected \"reason\" only with \"consent\", found it with \"{}\"",
                    kind(other)
                )));
            }
        }
        match (&mut marks, exhaustion) {
            (Marks::Ranking(ranking), Some(end)) => {
                *ranking = std::mem::take(ranking).ending(end);
            }
            (_, None) => {}
            (other, Some(_)) => {
                return Err(de::Error::custom(format_args!(
                    "expected \"exhaustion\" only with \"ranking\", found it with \"{}\"",
                    kind(other)
                )));
            }
        }
        Ok((weight.unwrap_or(1), marks))
    }
}

impl BallotSeed<'_> {
    fn marks<'de, A: MapAccess<'de>>(&self, key: &str, map: &mut A) -> Result<Marks, A::Error> {
        Ok(match key {
            "ranking" => {
                let entries: Vec<RankEntry> = map.next_value()?;
                let mut seen = Vec::new();
                let mut ranks = Vec::with_capacity(entries.len());
                for entry in entries {
                    let names = match entry {
                        RankEntry::One(name) => vec![name],
                        RankEntry::Equal(names) => names,
                    };
                    let mut rank = Vec::with_capacity(names.len());
                    for name in names {
                        rank.push(self.unique(&name, &mut seen)?);
                    }
                    ranks.push(rank);
                }
                Marks::Ranking(Ranking::from_ranks(ranks).map_err(de::Error::custom)?)
            }
            "approval" => {
                let names: Vec<String> = map.next_value()?;
                let mut seen = Vec::new();
                for name in &names {
                    self.unique(name, &mut seen)?;
                }
                Marks::Approval(seen)
            }
            "points" => Marks::Points(map.next_value_seed(PointsSeed { ballot: self })?),
            "consent" => Marks::Consent {
                position: map.next_value::<ConsentPosition>()?,
                reason: None,
            },
            _ => Marks::YesNo(map.next_value::<Choice>()?),
        })
    }

    /// The index of a name not yet on this ballot.
    fn unique<E: de::Error>(
        &self,
        name: &str,
        seen: &mut Vec<OptionIndex>,
    ) -> Result<OptionIndex, E> {
        let Some(&index) = self.lookup.get(name) else {
            return Err(E::custom(format_args!(
                "expected one of the names in \"options\", found {name:?}"
            )));
        };
        if seen.contains(&index) {
            return Err(E::custom(format_args!(
                "{name:?} appears more than once on this ballot"
            )));
        }
        seen.push(index);
        Ok(index)
    }
}

fn kind(marks: &Marks) -> &'static str {
    match marks {
        Marks::Ranking(_) => "ranking",
        Marks::Approval(_) => "approval",
        Marks::Points(_) => "points",
        Marks::Consent { .. } => "consent",
        Marks::YesNo(_) => "vote",
    }
}

fn field_name(key: &str) -> &'static str {
    BALLOT_FIELDS
        .iter()
        .find(|field| **field == key)
        .copied()
        .unwrap_or("?")
}

/// A ranking entry: one name, or a list of names ranked equal.
enum RankEntry {
    One(String),
    Equal(Vec<String>),
}

impl<'de> de::Deserialize<'de> for RankEntry {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RankEntryVisitor)
    }
}

struct RankEntryVisitor;

impl<'de> Visitor<'de> for RankEntryVisitor {
    type Value = RankEntry;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an option name, or a list of option names ranked equal")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<RankEntry, E> {
        Ok(RankEntry::One(name.to_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RankEntry, A::Error> {
        let mut names = Vec::new();
        while let Some(name) = seq.next_element::<String>()? {
            names.push(name);
        }
        if names.is_empty() {
            return Err(de::Error::custom(
                "expected at least one name in a list of equally ranked options, found []",
            ));
        }
        Ok(RankEntry::Equal(names))
    }
}

/// `{"Ash": 3, "Elm": -1}`, kept in the document's order.
struct PointsSeed<'a, 'b> {
    ballot: &'a BallotSeed<'b>,
}

impl<'de> DeserializeSeed<'de> for PointsSeed<'_, '_> {
    type Value = Vec<(OptionIndex, i64)>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for PointsSeed<'_, '_> {
    type Value = Vec<(OptionIndex, i64)>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of option names to whole numbers, such as {\"Ash\": 3}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut seen = Vec::new();
        let mut points = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            let index = self.ballot.unique(&name, &mut seen)?;
            points.push((index, map.next_value::<i64>()?));
        }
        Ok(points)
    }
}

/// Writes one ballot object on one line. `names` are the contest's options.
pub(crate) fn write_ballot(weight: u64, marks: &Marks, names: &[String]) -> Result<String, String> {
    let name = |index: &OptionIndex| -> Result<String, String> {
        let name = names
            .get(*index)
            .ok_or_else(|| format!("a ballot names option {index}, beyond the options"))?;
        Ok(quote(name))
    };
    let list = |indices: &[OptionIndex]| -> Result<String, String> {
        let quoted: Result<Vec<String>, String> = indices.iter().map(name).collect();
        Ok(format!("[{}]", quoted?.join(", ")))
    };
    let body = match marks {
        Marks::Ranking(ranking) => {
            let mut entries = Vec::with_capacity(ranking.rank_count());
            for rank in ranking.ranks() {
                let options: Vec<OptionIndex> = rank.iter().collect();
                entries.push(match options.as_slice() {
                    [one] => name(one)?,
                    many => list(many)?,
                });
            }
            match ranking.exhaustion() {
                Exhaustion::NoContinuingOption => {
                    format!("\"ranking\": [{}]", entries.join(", "))
                }
                end => {
                    let end = serde_json::to_string(&end).map_err(|e| e.to_string())?;
                    format!(
                        "\"ranking\": [{}], \"exhaustion\": {end}",
                        entries.join(", ")
                    )
                }
            }
        }
        Marks::Approval(approved) => format!("\"approval\": {}", list(approved)?),
        Marks::Points(points) => {
            let mut entries = Vec::with_capacity(points.len());
            for (index, value) in points {
                entries.push(format!("{}: {value}", name(index)?));
            }
            format!("\"points\": {{{}}}", entries.join(", "))
        }
        Marks::Consent { position, reason } => {
            let position = serde_json::to_string(position).map_err(|e| e.to_string())?;
            match reason {
                Some(reason) => format!("\"consent\": {position}, \"reason\": {}", quote(reason)),
                None => format!("\"consent\": {position}"),
            }
        }
        Marks::YesNo(choice) => {
            let choice = serde_json::to_string(choice).map_err(|e| e.to_string())?;
            format!("\"vote\": {choice}")
        }
    };
    Ok(if weight == 1 {
        format!("{{{body}}}")
    } else {
        format!("{{\"weight\": {weight}, {body}}}")
    })
}

/// A JSON string literal.
pub(crate) fn quote(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}
