//! `samhandling codebook`: the gap categories as a table, or as a REFI-QDA codebook for NVivo,
//! ATLAS.ti and MAXQDA ([`samhandling::codebook`]).

use std::path::PathBuf;
use std::process::ExitCode;

use samhandling::{Error, Result, codebook};

use crate::output;

/// Arguments of `codebook`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling codebook                        the codebook as CSV on standard output
  samhandling codebook --qdc samhandling.qdc  a REFI-QDA codebook to import (docs/CODEBOOK.md)")]
pub(crate) struct Args {
    /// Write a REFI-QDA codebook (.qdc) to this file instead of CSV on standard output.
    #[arg(long, value_name = "FILE")]
    qdc: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    match &args.qdc {
        Some(path) => output::file(path, args.force, |out| {
            let mut bytes = Vec::new();
            codebook::qdc(&mut bytes)?;
            out.write_all(&bytes).map_err(|e| Error::Write {
                target: path.display().to_string(),
                cause: std::sync::Arc::new(e),
            })
        })?,
        None => {
            let mut bytes = Vec::new();
            codebook::csv(&mut bytes)?;
            output::stdout(&bytes)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
