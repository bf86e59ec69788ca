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
    #[arg(value_name = "FILE")]
    pub file: String,

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
    /// (the RCTab/RCVis summary JSON of a ranked count).
    #[arg(long, value_enum, default_value_t = Output::Text)]
    pub output: Output,

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
    let text = match args.output {
        Output::Text => report.to_text(),
        Output::Json => report
            .to_json()
            .context("cannot write the report as JSON")?,
        Output::Rctab => {
            let meta = tally::RctabMeta {
                contest: file.contest.title.clone(),
                date: chrono::Local::now().format("%Y-%m-%d").to_string(),
                generated_by: format!("Quorate {}", env!("CARGO_PKG_VERSION")),
                jurisdiction: String::new(),
                office: String::new(),
            };
            let summary = report
                .to_rctab(&meta)
                .context("cannot write the RCTab summary")?;
            serde_json::to_string_pretty(&summary).context("cannot write the RCTab summary")?
        }
    };
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{}", text.trim_end()).context("cannot write to standard output")?;
    Ok(ExitCode::SUCCESS)
}

/// Reads and parses the ballot file (or standard input), detecting its format.
fn read_ballots(args: &CountArgs) -> anyhow::Result<BallotFile> {
    let stdin = args.file == "-";
    let (input, size): (Box<dyn Read>, Option<u64>) = if stdin {
        (Box::new(io::stdin().lock()), None)
    } else {
        let file = File::open(&args.file).with_context(|| format!("cannot open {}", args.file))?;
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
    let name = (!stdin).then_some(args.file.as_str());
    let format = match args.format {
        Some(format) => format,
        None => {
            let head = input.fill_buf().context("cannot read the ballot file")?;
            let head = head.get(..head.len().min(8192)).unwrap_or(head);
            formats::detect(name, head).with_context(
                || "cannot tell the file's format: name it with --format blt|csv|json|cdf",
            )?
        }
    };
    let options = ReadOptions {
        order: args.order.clone(),
        contest: args.contest.clone(),
    };
    let file = formats::read(format, input, &options);
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
        assert_eq!(args.output, Output::Rctab);
        assert_eq!(method_flags(&args).seats, Some(3));
        assert_eq!(args.file, "-");
    }

    #[test]
    fn unknown_method_names_are_refused_with_the_list() {
        let error = parse(&["--method", "plurality", "x.blt"])
            .unwrap_err()
            .to_string();
        assert!(error.contains("stv-scottish"), "{error}");
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
