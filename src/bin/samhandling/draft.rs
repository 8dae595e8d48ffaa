//! `samhandling draft` and `samhandling score`: a draft record from a report's text
//! ([`samhandling::draft`]), and how a reviewed record differs from it.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use samhandling::draft::{draft, score};
use samhandling::{Error, Report, Result};

use crate::output;

/// Arguments of `draft`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling draft tilsyn-2018.txt                      the draft record on standard output
  samhandling draft tilsyn-2018.txt --out drafts/t.json  written to a file

The text is a report's plain text (pdftotext output). Every item of the draft quotes the text
verbatim with its line, names the rule that found it in its note, and the record is marked
`draft`: review it (accept, correct or delete each item), then remove the marker. Quotes cite
the text by its file name: put it in your sources/ folder under that name.")]
pub(crate) struct DraftArgs {
    /// The report's plain text.
    source: PathBuf,
    /// Write the record to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

/// Arguments of `score`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling score drafts/vestby.json data/reports/vestby-2025.json

Prints recall and precision per section (services by name, gaps by line and category,
recommendations by number, relations by endpoints) of a draft against the reviewed record(s)
of the same text: what reviewing changed.")]
pub(crate) struct ScoreArgs {
    /// The draft record.
    draft: PathBuf,
    /// The reviewed record(s) of the same text.
    #[arg(required = true)]
    reviewed: Vec<PathBuf>,
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        cause: std::sync::Arc::new(e),
    })
}

pub(crate) fn run_draft(args: &DraftArgs) -> Result<ExitCode> {
    let text = read_text(&args.source)?;
    let name = args
        .source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let drafted = draft(&name, &text)?;
    let mut json = drafted.report.to_json_string();
    json.push('\n');
    match &args.out {
        Some(path) => output::file(path, args.force, |out| {
            out.write_all(json.as_bytes()).map_err(|e| Error::Write {
                target: path.display().to_string(),
                cause: std::sync::Arc::new(e),
            })
        })?,
        None => output::stdout(json.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run_score(args: &ScoreArgs) -> Result<ExitCode> {
    let drafted = Report::from_file(&args.draft)?;
    let reviewed = args
        .reviewed
        .iter()
        .map(Report::from_file)
        .collect::<Result<Vec<_>>>()?;
    let table = score(&drafted, &reviewed).to_string();
    output::stdout(table.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
