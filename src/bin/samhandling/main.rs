//! `samhandling`: the program a researcher runs on report records (built with the default `cli`
//! feature; `cargo install samhandling`).
//!
//! Every subcommand reads records the same way ([`input::Records`]: the bundled corpus, or
//! `--dir PATH` for a record file or a folder of records, with `--sources DIR` for the source
//! texts), checks every quote, and writes its outputs the same way ([`output`]: nothing
//! replaced without `--force`, nothing half-written). Exit codes: 0 success, 1 bad input or a
//! failed write, 2 a usage error (as clap reports it).
//!
//! Adding a subcommand takes one variant of [`Command`] (its arguments as a clap `Args` struct,
//! its `--help` examples in `after_help`) and one `run` function in a module of its own, called
//! from [`main`]'s match, as `report` (`samhandling::html`), `draft` and `score`
//! (`samhandling::draft`) and `codebook` do.

mod check;
mod codebook;
mod compare;
mod draft;
mod export;
mod followup;
mod graph;
mod input;
mod output;
mod report;
mod schema;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Evidence-backed comparison of Norwegian audit reports on coordinated mental-health and
/// substance-use services.
#[derive(Debug, Parser)]
#[command(name = "samhandling", version, about, propagate_version = true)]
#[command(after_help = "\
Examples:
  samhandling compare                          compare the bundled reports
  samhandling check --dir my-records/          check your own records and every quote
  samhandling graph vestby-2025 --dot v.dot    one report's service network
  samhandling export tables/                   every table as CSV, with datapackage.json
  samhandling report --out report.html         one HTML page to look at and share
  samhandling draft report.txt --out d.json    a draft record from a report's text
  samhandling codebook --qdc codes.qdc         the codebook for NVivo, ATLAS.ti, MAXQDA

Records are read from the bundled corpus unless --dir names a record file or a folder of records;
quotes are checked against --sources DIR (default: a sources/ folder beside the records, else the
bundled source texts).")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The subcommands; each has its own module with a `run` function.
#[derive(Debug, Subcommand)]
enum Command {
    /// Check records: validation, links between records, and every quote against its source.
    Check(check::Args),
    /// Compare the coordination gaps of reports: matrix, recurrence, similarity, follow-ups.
    Compare(compare::Args),
    /// The service network of one report: structure, reference model, and graph files.
    Graph(graph::Args),
    /// What a follow-up report says about each gap and recommendation of the earlier report.
    Followup(followup::Args),
    /// Write every table (CSV, datapackage.json) and the gap heatmap (SVG) into a folder.
    Export(export::Args),
    /// Print the JSON Schema of the record format.
    Schema(schema::Args),
    /// Write one self-contained HTML page: heatmap, evidence at a click, follow-ups, networks.
    Report(report::Args),
    /// Draft a record from a report's plain text, every item with a verified quote.
    Draft(draft::DraftArgs),
    /// Recall and precision of a draft against the reviewed record(s) of the same text.
    Score(draft::ScoreArgs),
    /// The gap-category codebook as CSV, or as a REFI-QDA codebook (.qdc).
    Codebook(codebook::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Followup(args) => followup::run(&args),
        Command::Export(args) => export::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Draft(args) => draft::run_draft(&args),
        Command::Score(args) => draft::run_score(&args),
        Command::Codebook(args) => codebook::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            output::report_error(&e);
            ExitCode::FAILURE
        }
    }
}

/// Ends the program with a usage error (exit code 2) that clap prints like its own: for the
/// rules between arguments that clap's attributes cannot state.
pub(crate) fn usage_error(message: impl std::fmt::Display) -> ! {
    use clap::CommandFactory;
    Cli::command()
        .error(clap::error::ErrorKind::ArgumentConflict, message)
        .exit()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        super::Cli::command().debug_assert();
    }
}
