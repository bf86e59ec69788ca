//! The command line: `quorate [serve]`, `quorate migrate`, and the tools that follow.

use crate::{Application, config::Config, db, telemetry};
use anyhow::Context;
use clap::{Parser, Subcommand};
use std::{path::PathBuf, process::ExitCode};

/// Quorate: decide together, on your own server.
#[derive(Debug, Parser)]
#[command(name = "quorate", version, about, long_about = None)]
pub struct Cli {
    /// A TOML configuration file (default: ./quorate.toml if it exists). Environment
    /// variables QUORATE_* override it.
    #[arg(long, global = true, env = "QUORATE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database, then serve the web application (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Count a ballot file (BLT, CSV, Quorate JSON, NIST CDF) and print the report.
    Count(crate::count::CountArgs),
    /// Check the audit chain.
    Audit {
        /// What to check.
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Fill the database with a sample co-op to try Quorate with.
    Demo,
    /// Write one organisation as a JSON document (docs/formats.md) on standard output.
    Export {
        /// The organisation's web address (slug).
        #[arg(long)]
        org: String,
    },
    /// Restore an organisation from an export into this instance's database (refused, with
    /// nothing changed, if it does not verify or is already here).
    Import {
        /// The export file.
        file: PathBuf,
    },
    /// Check an export without any database: recompute its audit chain and count every
    /// closed round again from its ballots.
    Verify {
        /// The export file (`-`: standard input).
        file: PathBuf,
    },
    /// Copy the embedded SQLite database to a new file, while the server runs.
    Backup {
        /// The file to write (it must not exist yet).
        path: PathBuf,
    },
}

/// `quorate audit ...`
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute an organisation's audit chain and say where it breaks, if it does.
    Verify {
        /// The organisation's web address (slug).
        #[arg(long)]
        org: String,
    },
}

/// Runs the command line and turns any error into one clear line and exit status 1.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("quorate: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // Counting a file needs no configuration and no database.
    if let Some(Command::Count(args)) = &cli.command {
        return crate::count::run(args);
    }
    // Nor does checking an export.
    if let Some(Command::Verify { file }) = &cli.command {
        return crate::export::verify(file);
    }
    let config = Config::load(cli.config.as_deref())?;
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            telemetry::init(&config.log_level, config.log_format);
            runtime.block_on(async {
                let app = Application::build(config).await?;
                tracing::info!(address = %app.base_url(), "Quorate is serving");
                app.run_until_stopped(shutdown_signal()).await
            })?;
        }
        Command::Migrate => runtime.block_on(async {
            let connection = db::connect(&config.database_url).await?;
            db::migrate(&connection).await?;
            println!("The database is up to date.");
            anyhow::Ok(())
        })?,
        Command::Audit {
            command: AuditCommand::Verify { org },
        } => {
            return runtime.block_on(async {
                let connection = db::connect(&config.database_url).await?;
                crate::audit_cli::verify(&connection, &org).await
            });
        }
        Command::Demo => runtime.block_on(async {
            let connection = db::connect(&config.database_url).await?;
            db::migrate(&connection).await?;
            crate::demo::run(&connection).await
        })?,
        Command::Backup { path } => runtime.block_on(async {
            let connection = db::connect_existing(&config.database_url).await?;
            crate::backup::run(&connection, &path).await
        })?,
        Command::Export { org } => runtime.block_on(async {
            let connection = db::connect_existing(&config.database_url).await?;
            crate::export::export(&connection, &org).await
        })?,
        Command::Import { file } => runtime.block_on(async {
            let connection = db::connect(&config.database_url).await?;
            db::migrate(&connection).await?;
            crate::import::run(&connection, &file).await
        })?,
        Command::Count(_) | Command::Verify { .. } => {}
    }
    Ok(ExitCode::SUCCESS)
}

/// Resolves on SIGTERM or Ctrl-C; the server then finishes the requests in flight.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
