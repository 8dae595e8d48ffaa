//! `samhandling export`: every table, its datapackage.json and the gap heatmap, into a folder.

use std::path::PathBuf;
use std::process::ExitCode;

use samhandling::export::{CsvFormat, heatmap_svg, write_tables};
use samhandling::{Error, Result};

use crate::compare::{corpus, mode};
use crate::input::Records;
use crate::output;

/// Arguments of `export`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling export tables/                     the bundled corpus
  samhandling export tables/ --dir my-records/   your own records
  samhandling export tables/ --excel --force     for Excel (BOM, `;`, decimal comma), replacing tables/

Writes reports, services, relations, gaps, recommendations, conclusions, follow_ups, figures,
matrix_long, matrix_wide, recurrence, similarity (all pairs) and structure as CSV, with
datapackage.json (Frictionless Data: every file and column with its type) and heatmap.svg (the
gap matrix: one row per report, colour = highest severity). In R: frictionless::read_package();
in pandas: pd.read_csv('tables/gaps.csv'). The folder is written whole or not at all.")]
pub(crate) struct Args {
    /// The folder to write (must not exist, unless --force).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    #[command(flatten)]
    records: Records,
    /// Write for Excel: UTF-8 byte-order mark, `;` separator, decimal comma.
    #[arg(long)]
    excel: bool,
    /// Key gaps by category plus the service kinds involved (default: by category alone).
    #[arg(long)]
    by_kinds: bool,
    /// Only the gaps the auditors' assessments state (see `compare --help`).
    #[arg(long)]
    assessed: bool,
    /// Replace the folder if it exists.
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    output::check_free(&args.dir, args.force)?;
    let corpus = corpus(&args.records, args.assessed)?;
    let format = if args.excel {
        CsvFormat::Excel
    } else {
        CsvFormat::Plain
    };
    let mut written = Vec::new();
    output::folder(&args.dir, args.force, |tmp| {
        let package = write_tables(tmp, &corpus, mode(args.by_kinds), format)?;
        written.extend(package.resources.iter().map(|r| r.path.clone()));
        let path = tmp.join("heatmap.svg");
        let mut svg = Vec::new();
        heatmap_svg(&mut svg, &corpus)?;
        std::fs::write(&path, svg).map_err(|e| Error::Write {
            target: args.dir.join("heatmap.svg").display().to_string(),
            cause: std::sync::Arc::new(e),
        })?;
        written.push("datapackage.json".to_string());
        written.push("heatmap.svg".to_string());
        Ok(())
    })?;
    output::print(|out| {
        use std::io::Write;
        writeln!(
            out,
            "wrote {} files to {}: {}",
            written.len(),
            args.dir.display(),
            written.join(", ")
        )
    })?;
    Ok(ExitCode::SUCCESS)
}
