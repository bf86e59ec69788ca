//! A seeded generator of large ballot files for the parsing benchmark and the memory
//! measurement (`examples/parse_csv.rs`). Deterministic: the same seed gives the same bytes.

use std::io::{self, Write};

/// SplitMix64: a tiny, seeded, portable pseudo-random sequence.
pub struct SplitMix(u64);

impl SplitMix {
    /// A sequence from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0; the tiny modulo bias does not matter here).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap_or(1)).unwrap_or(0)
    }
}

/// The option names of the generated contests.
pub const OPTIONS: [&str; 10] = [
    "Ash", "Birch", "Cedar", "Elm", "Fir", "Hazel", "Larch", "Oak", "Pine", "Yew",
];

/// How ballots are drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Voters in five factions, each near its faction's order (a couple of swaps) and
    /// ranking 1 to 6 options: realistic, with many repeated rankings.
    Factions,
    /// Every ranking a uniformly random ordering of 5 to 10 options: nearly all distinct,
    /// the worst case for memory.
    Random,
}

/// One ranking (option indices, most preferred first).
pub fn ranking(rng: &mut SplitMix, shape: Shape, out: &mut Vec<usize>) {
    out.clear();
    out.extend(0..OPTIONS.len());
    match shape {
        Shape::Factions => {
            let faction = rng.below(5);
            out.rotate_left(faction * 2);
            for _ in 0..2 {
                let a = rng.below(6);
                let b = rng.below(6);
                out.swap(a, b);
            }
            out.truncate(1 + rng.below(6));
        }
        Shape::Random => {
            for i in (1..out.len()).rev() {
                out.swap(i, rng.below(i + 1));
            }
            out.truncate(5 + rng.below(6));
        }
    }
}

/// Writes a CSV ballot file of `ballots` rows (plus the header).
pub fn write_csv(out: &mut impl Write, ballots: u64, shape: Shape, seed: u64) -> io::Result<()> {
    let mut rng = SplitMix::new(seed);
    let mut ranks = Vec::new();
    let header: Vec<String> = (1..=OPTIONS.len()).map(|r| format!("rank_{r}")).collect();
    writeln!(out, "ballot_id,{}", header.join(","))?;
    for id in 1..=ballots {
        ranking(&mut rng, shape, &mut ranks);
        write!(out, "{id}")?;
        for rank in 0..OPTIONS.len() {
            let name = ranks.get(rank).and_then(|&o| OPTIONS.get(o)).unwrap_or(&"");
            write!(out, ",{name}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Writes a BLT file of `ballots` lines, one ballot of weight 1 each (not pre-grouped, as
/// BLT files of individual ballots are).
pub fn write_blt(out: &mut impl Write, ballots: u64, shape: Shape, seed: u64) -> io::Result<()> {
    let mut rng = SplitMix::new(seed);
    let mut ranks = Vec::new();
    writeln!(out, "{} 1", OPTIONS.len())?;
    for _ in 0..ballots {
        ranking(&mut rng, shape, &mut ranks);
        write!(out, "1")?;
        for option in &ranks {
            write!(out, " {}", option + 1)?;
        }
        writeln!(out, " 0")?;
    }
    writeln!(out, "0")?;
    for name in OPTIONS {
        writeln!(out, "\"{name}\"")?;
    }
    writeln!(out, "\"Generated\"")
}

/// The candidates of the generated RCTab contests: `Candidate 01` … `Candidate 10`.
pub fn rctab_candidates() -> Vec<String> {
    (1..=OPTIONS.len())
        .map(|i| format!("Candidate {i:02}"))
        .collect()
}

/// Writes an RCTab `genericCsv` cast vote record file of `ballots` rows: `Response ID`, then
/// one column per candidate holding the rank given to it (blank: not ranked).
pub fn write_rctab_csv(
    out: &mut impl Write,
    ballots: u64,
    shape: Shape,
    seed: u64,
) -> io::Result<()> {
    let mut rng = SplitMix::new(seed);
    let mut ranks = Vec::new();
    let mut cells = [0_usize; OPTIONS.len()];
    writeln!(out, "Response ID,{}", rctab_candidates().join(","))?;
    for id in 1..=ballots {
        ranking(&mut rng, shape, &mut ranks);
        cells.iter_mut().for_each(|c| *c = 0);
        for (rank, &option) in (1..).zip(&ranks) {
            if let Some(cell) = cells.get_mut(option) {
                *cell = rank;
            }
        }
        write!(out, "R_{id}")?;
        for cell in cells {
            if cell == 0 {
                write!(out, ",")?;
            } else {
                write!(out, ",{cell}")?;
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// The RCTab contest configuration of a generated file (IRV, RCTab's suggested rules).
pub fn rctab_config(csv_name: &str) -> String {
    let candidates: Vec<String> = rctab_candidates()
        .iter()
        .map(|name| format!("{{\"name\": \"{name}\", \"excluded\": false, \"aliases\": []}}"))
        .collect();
    format!(
        r#"{{
  "tabulatorVersion": "2.0.0",
  "outputSettings": {{"contestName": "Generated", "contestDate": "2026-11-23",
                      "contestJurisdiction": "Bench", "contestOffice": ""}},
  "cvrFileSources": [{{"filePath": "{csv_name}", "provider": "genericCsv",
                       "firstVoteColumnIndex": "2", "firstVoteRowIndex": "2",
                       "idColumnIndex": "1"}}],
  "candidates": [{}],
  "rules": {{"tiebreakMode": "useCandidateOrder", "overvoteRule": "exhaustImmediately",
            "winnerElectionMode": "singleWinnerMajority", "numberOfWinners": "1",
            "maxSkippedRanksAllowed": "1", "maxRankingsAllowed": "max",
            "batchElimination": false, "continueUntilTwoCandidatesRemain": false}}
}}
"#,
        candidates.join(", ")
    )
}
