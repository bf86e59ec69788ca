//! `quorate count FILE`: count a ballot file (BLT, CSV, Quorate JSON or NIST CDF) with any
//! method and print the report as text, JSON or the RCTab summary (decision-rules.md §10).
//! The rules live in `tally`; this module reads the file, checks every ballot, counts and
//! prints. Errors are one line, and the exit status is non-zero on bad input.

use anyhow::{Context, bail};
use std::{
    fs::File,
    io::{self, BufRead, BufReader, IsTerminal, Read, Write},
    path::Path,
    process::ExitCode,
};
use tally::{
    config::{Method, Quorum, TiePolicy},
    formats::{
        self, BallotFile, Format, ReadOptions,
        flags::{MethodFlags, MethodName, build_method, parse_tie_policy},
    },
    validate,
};

/// Files larger than this get a progress bar (when standard error is a terminal).
const PROGRESS_FROM_BYTES: u64 = 16 << 20;
/// How many ballot problems are listed before the count is refused.
const PROBLEMS_SHOWN: usize = 5;

/// Arguments of `quorate count`.
#[derive(clap::Args, Debug)]
pub struct CountArgs {
    /// The ballot file; `-` reads standard input.
    #[arg(
        value_name = "FILE",
        required_unless_present = "rctab_config",
        conflicts_with = "rctab_config"
    )]
    pub file: Option<String>,

    /// An RCTab contest configuration (JSON): count its cast vote records (genericCsv, cdf)
    /// by its rules and print the summary JSON RCTab writes for it.
    #[arg(
        long,
        value_name = "CONFIG",
        conflicts_with_all = [
            "method", "seats", "batch_elimination", "continue_until_two", "winners", "points",
            "credits", "allow_negative", "format", "tie_break", "seed", "contest", "order",
        ]
    )]
    pub rctab_config: Option<String>,

    /// The method: consent, majority, approval, score, dot, borda, irv, stv-scottish,
    /// stv-meek, schulze, quadratic (default: the one the JSON file names).
    #[arg(long, value_parser = parse_method)]
    pub method: Option<MethodName>,

    /// Seats to fill (stv-scottish, stv-meek; default: the file's, e.g. the BLT header). 1 is
    /// also accepted for a method that elects one option.
    #[arg(long)]
    pub seats: Option<u32>,

    /// IRV: eliminate every option whose combined total is below the next one's at once.
    #[arg(long)]
    pub batch_elimination: bool,

    /// IRV: keep counting until two options remain (the winner is unchanged).
    #[arg(long)]
    pub continue_until_two: bool,

    /// Approval: how many options win (default 1).
    #[arg(long)]
    pub winners: Option<u32>,

    /// Dot vote: the points each voter distributes.
    #[arg(long)]
    pub points: Option<u32>,

    /// Quadratic voting: voice credits per voter (default 100).
    #[arg(long)]
    pub credits: Option<u32>,

    /// Quadratic voting: allow votes against an option.
    #[arg(long)]
    pub allow_negative: bool,

    /// What to print: text (the stage-by-stage table), json (the full report) or rctab
    /// (the RCTab/RCVis summary JSON of a ranked count). Default: text; rctab with
    /// --rctab-config.
    #[arg(long, value_enum)]
    pub output: Option<Output>,

    /// The file's format (default: from its extension, else from its content).
    #[arg(long, value_parser = parse_format)]
    pub format: Option<Format>,

    /// How ties are broken: previous-rounds-then-order (default), previous-rounds-then-lot,
    /// order, lot.
    #[arg(long, value_parser = parse_tie_policy)]
    pub tie_break: Option<TiePolicy>,

    /// The lot seed: 64 hex digits, or any text (hashed). Needed when a lot breaks a tie.
    #[arg(long)]
    pub seed: Option<String>,

    /// CDF: the contest to count (its @id or Name), when the file has several ranked ones.
    #[arg(long)]
    pub contest: Option<String>,

    /// CSV: the ballot order of the options, comma-separated (default: order of first
    /// appearance).
    #[arg(long, value_delimiter = ',')]
    pub order: Option<Vec<String>>,
}

/// The report's form on standard output.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// The plain-text, stage-by-stage report.
    Text,
    /// The full report as JSON.
    Json,
    /// The RCTab summary JSON (ranked counts only).
    Rctab,
}

/// Runs `quorate count`.
pub fn run(args: &CountArgs) -> anyhow::Result<ExitCode> {
    let text = render(args)?;
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{}", text.trim_end()).context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// The report `quorate count` prints.
fn render(args: &CountArgs) -> anyhow::Result<String> {
    if let Some(config) = &args.rctab_config {
        return rctab::render(Path::new(config), args.output.unwrap_or(Output::Rctab));
    }
    let file = read_ballots(args)?;
    let flags = method_flags(args);
    let method = build_method(
        args.method,
        file.method.as_ref(),
        &flags,
        file.contest.seats,
    )
    .map_err(anyhow::Error::msg)?;
    check_ballots(&file, &method)?;
    let config = tally::CountConfig {
        method,
        tie_policy: args.tie_break.or(file.tie_policy).unwrap_or_default(),
        seed: args.seed.as_deref().map(tally::seed_from_arg),
        quorum: file.quorum.unwrap_or(Quorum::None),
        electorate: file.electorate,
        rctab: Default::default(),
    };
    let report = tally::count(&file.contest, &config).context("the count failed")?;
    let meta = tally::RctabMeta {
        contest: file.contest.title.clone(),
        date: Some(chrono::Local::now().format("%Y-%m-%d").to_string()),
        generated_by: generated_by(),
        jurisdiction: Some(String::new()),
        office: Some(String::new()),
        excluded_are_candidates: false,
    };
    print(&report, &meta, args.output.unwrap_or(Output::Text))
}

/// `"Quorate <version>"`, the summary's `generatedBy`.
fn generated_by() -> String {
    format!("Quorate {}", env!("CARGO_PKG_VERSION"))
}

/// The report in the chosen form.
fn print(
    report: &tally::Report,
    meta: &tally::RctabMeta,
    output: Output,
) -> anyhow::Result<String> {
    Ok(match output {
        Output::Text => report.to_text(),
        Output::Json => report
            .to_json()
            .context("cannot write the report as JSON")?,
        Output::Rctab => report
            .to_rctab_text(meta)
            .context("cannot write the RCTab summary")?,
    })
}

/// Reads and parses the ballot file (or standard input), detecting its format.
fn read_ballots(args: &CountArgs) -> anyhow::Result<BallotFile> {
    let path = args.file.as_deref().unwrap_or("-");
    let stdin = path == "-";
    let (input, size): (Box<dyn Read>, Option<u64>) = if stdin {
        (Box::new(io::stdin().lock()), None)
    } else {
        let file = File::open(path).with_context(|| format!("cannot open {path}"))?;
        let size = file.metadata().ok().map(|m| m.len());
        (Box::new(file), size)
    };
    let progress = size
        .filter(|size| *size >= PROGRESS_FROM_BYTES && io::stderr().is_terminal())
        .map(progress_bar);
    let input: Box<dyn Read> = match &progress {
        Some(bar) => Box::new(bar.wrap_read(input)),
        None => input,
    };
    let mut input = BufReader::with_capacity(1 << 16, input);
    let name = (!stdin).then_some(path);
    let format = match args.format {
        Some(format) => format,
        None => {
            let head = input.fill_buf().context("cannot read the ballot file")?;
            let head = head.get(..head.len().min(8192)).unwrap_or(head);
            formats::detect(name, head).with_context(|| {
                "cannot tell the file's format: name it with --format blt|csv|json|cdf|rctab-csv"
            })?
        }
    };
    let options = ReadOptions {
        order: args.order.clone(),
        contest: args.contest.clone(),
        ..ReadOptions::default()
    };
    // A CSV file is read whole and parsed in parallel parts (the same result, faster).
    let file = if format == Format::Csv && !stdin {
        let mut bytes = Vec::new();
        input
            .read_to_end(&mut bytes)
            .context("cannot read the ballot file")?;
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        formats::read_slice(format, &bytes, &options, threads)
    } else {
        formats::read(format, input, &options)
    };
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    let shown = name.map_or("standard input", |name| {
        Path::new(name)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(name)
    });
    file.with_context(|| format!("{shown} ({format})"))
}

fn progress_bar(size: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(size);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("reading {bar:40} {bytes}/{total_bytes} {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// Every ballot must suit the method (decision-rules.md §4): list the first problems and stop.
fn check_ballots(file: &BallotFile, method: &Method) -> anyhow::Result<()> {
    let options = file.contest.options.len();
    let mut found = Vec::new();
    let mut total = 0usize;
    for (number, group) in (1u64..).zip(&file.contest.ballots) {
        for problem in validate::problems(method, options, &group.marks) {
            total = total.saturating_add(1);
            if found.len() < PROBLEMS_SHOWN {
                found.push(format!(
                    "ballot group {number} (weight {}): {problem}",
                    group.weight
                ));
            }
        }
    }
    if found.is_empty() {
        return Ok(());
    }
    let more = total.saturating_sub(found.len());
    let more = if more > 0 {
        format!("; and {more} more")
    } else {
        String::new()
    };
    bail!(
        "{} problem(s) with the ballots for {}: {}{more}",
        total,
        MethodName::of(method),
        found.join("; ")
    )
}

fn method_flags(args: &CountArgs) -> MethodFlags {
    MethodFlags {
        seats: args.seats,
        batch_elimination: args.batch_elimination,
        continue_until_two: args.continue_until_two,
        winners: args.winners,
        points: args.points,
        credits: args.credits,
        allow_negative: args.allow_negative,
    }
}

fn parse_method(s: &str) -> Result<MethodName, String> {
    s.parse()
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

/// `quorate count --rctab-config contest.json`: RCTab's own files, counted by its rules.
mod rctab {
    use super::{Output, generated_by, print};
    use anyhow::{Context, bail};
    use std::{fs::File, num::NonZero, path::Path};
    use tally::{
        TallyError,
        formats::rctab::{self, ContestConfig, Provider},
    };

    /// Reads the configuration and its sources, counts, and renders the report.
    pub(super) fn render(path: &Path, output: Output) -> anyhow::Result<String> {
        let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        let config = rctab::read(file).with_context(|| format!("{}", path.display()))?;
        for setting in &config.ignored {
            eprintln!("note: {setting} is not used: Quorate writes the summary only");
        }
        let folder = path.parent().unwrap_or(Path::new("."));
        let mut sources = Vec::with_capacity(config.sources.len());
        for source in &config.sources {
            sources.push(read_source(&config, source, folder)?);
        }
        let contest = config.contest(sources);
        let report = match tally::count(&contest, &config.count_config()) {
            Err(TallyError::SeedRequired) => bail!(
                "tiebreakMode {:?}: the count reached a tie that no earlier round separates; \
                 RCTab breaks it {}, which Quorate cannot reproduce (useCandidateOrder can)",
                config.tiebreak_mode,
                if config.tiebreak_mode.ends_with("Ask") {
                    "by asking the operator"
                } else {
                    "with Java's random generator"
                }
            ),
            other => other.context("the count failed")?,
        };
        let mut meta = config.meta.clone();
        meta.generated_by = generated_by();
        print(&report, &meta, output)
    }

    /// One cast vote record source; a relative path is relative to the configuration's
    /// folder, as RCTab resolves it. CSV files are read whole and parsed in parallel parts.
    fn read_source(
        config: &ContestConfig,
        source: &rctab::CvrSource,
        folder: &Path,
    ) -> anyhow::Result<Vec<tally::ballot::BallotGroup>> {
        let path = folder.join(&source.file_path);
        let shown = path.display();
        let ballots = match source.provider {
            Provider::GenericCsv => {
                let bytes = std::fs::read(&path).with_context(|| format!("cannot read {shown}"))?;
                let threads = std::thread::available_parallelism().map_or(1, NonZero::get);
                config.read_csv_bytes(source, &bytes, threads)
            }
            Provider::Cdf => {
                let file = File::open(&path).with_context(|| format!("cannot open {shown}"))?;
                config.read_cdf(source, file)
            }
        };
        ballots.with_context(|| format!("{shown}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        count: CountArgs,
    }

    fn parse(args: &[&str]) -> Result<CountArgs, clap::Error> {
        Cli::try_parse_from(std::iter::once("count").chain(args.iter().copied())).map(|c| c.count)
    }

    #[test]
    fn the_flags_parse_into_names_and_parameters() {
        let args = parse(&[
            "--method",
            "stv-meek",
            "--seats",
            "3",
            "--format",
            "blt",
            "--tie-break",
            "lot",
            "--seed",
            "abc",
            "--output",
            "rctab",
            "-",
        ])
        .unwrap();
        assert_eq!(args.method, Some(MethodName::StvMeek));
        assert_eq!(args.format, Some(Format::Blt));
        assert_eq!(args.tie_break, Some(TiePolicy::Lot));
        assert_eq!(args.output, Some(Output::Rctab));
        assert_eq!(method_flags(&args).seats, Some(3));
        assert_eq!(args.file.as_deref(), Some("-"));
    }

    #[test]
    fn unknown_method_names_are_refused_with_the_list() {
        let error = parse(&["--method", "plurality", "x.blt"])
            .unwrap_err()
            .to_string();
        assert!(error.contains("stv-scottish"), "{error}");
    }

    fn fixture(case: &str, file: &str) -> String {
        format!(
            "{}/../tally/tests/fixtures/rctab/{case}/{file}",
            env!("CARGO_MANIFEST_DIR")
        )
    }

    #[test]
    fn an_rctab_configuration_is_counted_into_the_summary_rctab_writes() {
        for case in [
            "every_setting",
            "overvote_exhaust",
            "overvote_skip",
            "skipped_ranks",
        ] {
            let config = fixture(case, "contest_config.json");
            let args = parse(&["--rctab-config", &config]).unwrap();
            let text = render(&args).unwrap();
            assert!(text.starts_with("{\n  \"config\" : {\n"), "{text}");
            let got: serde_json::Value = serde_json::from_str(&text).unwrap();
            let expected = std::fs::read_to_string(fixture(case, "expected_summary.json")).unwrap();
            let mut expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
            expected["config"]["generatedBy"] = generated_by().into();
            assert_eq!(got, expected, "{case}");
        }
    }

    #[test]
    fn an_rctab_configuration_can_be_shown_as_the_text_report() {
        let config = fixture("overvote_exhaust", "contest_config.json");
        let args = parse(&["--rctab-config", &config, "--output", "text"]).unwrap();
        let text = render(&args).unwrap();
        assert!(text.contains("Method: instant runoff"), "{text}");
        assert!(
            text.contains(
                "round 2: exhausted 3: 1 exhausted choices, 2 overvotes, 0 skipped rankings, 0 repeated rankings"
            ),
            "{text}"
        );
    }

    #[test]
    fn an_rctab_configuration_takes_no_counting_flags_and_no_file() {
        let error = parse(&["--rctab-config", "c.json", "--method", "irv"])
            .unwrap_err()
            .to_string();
        assert!(error.contains("--method"), "{error}");
        assert!(parse(&["--rctab-config", "c.json", "ballots.csv"]).is_err());
        assert!(parse(&[]).is_err());
    }

    #[test]
    fn a_missing_source_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string(fixture("skipped_ranks", "contest_config.json"))
            .unwrap()
            .replace("\"cvr.csv\"", "\"missing.csv\"");
        let config = dir.path().join("contest.json");
        std::fs::write(&config, text).unwrap();
        let args = parse(&["--rctab-config", config.to_str().unwrap()]).unwrap();
        let error = format!("{:#}", render(&args).unwrap_err());
        assert!(error.contains("missing.csv"), "{error}");
    }

    #[test]
    fn a_large_csv_file_counts_as_the_same_ballots_read_in_one_pass() {
        // Over 1 MiB, so the file is read in parallel parts.
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::from("ballot_id,rank_1,rank_2\n");
        for id in 0..120_000 {
            let row = ["Oak,Ash", "Ash,Elm", "Elm,", "Oak,"][id % 4];
            text.push_str(&format!("{id},{row}\n"));
        }
        let path = dir.path().join("ballots.csv");
        std::fs::write(&path, &text).unwrap();
        let args = parse(&[
            "--method",
            "irv",
            "--output",
            "json",
            path.to_str().unwrap(),
        ])
        .unwrap();
        let parallel = render(&args).unwrap();
        let file = formats::read(Format::Csv, text.as_bytes(), &ReadOptions::default()).unwrap();
        assert_eq!(file.contest.options, ["Oak", "Ash", "Elm"]);
        assert!(parallel.contains("\"Oak\""), "{parallel}");
        let report: serde_json::Value = serde_json::from_str(&parallel).unwrap();
        assert_eq!(report["quorum"]["cast"], 120_000);
        assert_eq!(
            report["details"]["rounds"][0]["tallies"],
            serde_json::json!([60000, 30000, 30000])
        );
    }

    #[test]
    fn the_csv_order_is_a_comma_separated_list() {
        let args = parse(&["--order", "Ash,Elm,Oak", "x.csv"]).unwrap();
        assert_eq!(
            args.order,
            Some(vec!["Ash".into(), "Elm".into(), "Oak".into()])
        );
    }
}
