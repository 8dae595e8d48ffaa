//! `samhandling schema`: the JSON Schema of the record format.

use std::path::PathBuf;
use std::process::ExitCode;

use samhandling::Result;
use samhandling::export::json_schema;

use crate::output;

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling schema > docs/report.schema.json     regenerate the committed schema
  samhandling schema --output report.schema.json   write it to a file (refused if it exists)

The schema (JSON Schema 2020-12) is generated from the crate's model types; editors (VS Code's
json.schemas) and validators (Python jsonschema, R jsonvalidate) use it to check a record as
it is written. Quotes are checked only by `samhandling check`.")]
pub(crate) struct Args {
    /// Write to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

/// The schema as the committed file holds it: pretty JSON ending in a newline.
fn text() -> String {
    let mut text = serde_json::to_string_pretty(&json_schema()).expect("a schema serialises");
    text.push('\n');
    text
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    match &args.output {
        Some(path) => output::file(path, args.force, |out| {
            out.write_all(text().as_bytes())
                .map_err(|e| samhandling::Error::Write {
                    target: path.display().to_string(),
                    cause: std::sync::Arc::new(e),
                })
        })?,
        None => output::stdout(text().as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
