//! `samhandling report`: one self-contained HTML page of a corpus ([`samhandling::html`]).

use std::path::PathBuf;
use std::process::ExitCode;

use samhandling::Result;
use samhandling::html::{Options, render};

use crate::{input, output};

/// Arguments of `report`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling report --out report.html                     the bundled corpus
  samhandling report --dir my-records/ --out mine.html     your records, quotes from sources/

The page is one file (CSS, script and pictures inline; no network request): the reports, the
gap heatmap by municipality or by report (a click shows the gaps, each quote with its source
lines), recurrence and similarity, follow-ups, and each report's network and reference check.")]
pub(crate) struct Args {
    #[command(flatten)]
    records: input::Records,
    /// The HTML file to write.
    #[arg(long, short, value_name = "FILE")]
    out: PathBuf,
    /// Replace the file if it exists.
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let corpus = args.records.load()?;
    let paths = args.records.paths_with(&[]);
    let sources = args.records.sources(&paths)?;
    let page = render(&corpus, &sources, &Options::default());
    output::file(&args.out, args.force, |out| {
        out.write_all(page.as_bytes())
            .map_err(|e| samhandling::Error::Write {
                target: args.out.display().to_string(),
                cause: std::sync::Arc::new(e),
            })
    })?;
    Ok(ExitCode::SUCCESS)
}
