//! `samhandling check`: every problem of every record, and every quote against its source.

use std::path::PathBuf;
use std::process::ExitCode;

use samhandling::evidence::check_report;
use samhandling::{Corpus, Error, Report, Result};

use crate::input::{self, Records};
use crate::output;

/// Arguments of `check`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling check                                   the bundled records
  samhandling check my-records/                       every *.json in a folder
  samhandling check my-report.json --sources texts/   one record, quotes checked in texts/*.txt

Prints every problem (file, report, JSON path, and for evidence the source line), then one line
per record. Exits 1 when any problem is found, so it can guard a hand-encoded record in a script.")]
pub(crate) struct Args {
    /// Record files or folders of records (as --dir).
    #[arg(value_name = "PATH")]
    files: Vec<PathBuf>,
    #[command(flatten)]
    records: Records,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    if args.records.no_evidence_check {
        eprintln!("warning: --no-evidence-check is ignored: check always checks every quote");
    }
    let paths = args.records.paths_with(&args.files);
    let sources = args.records.sources(&paths)?;
    let mut problems: Vec<Error> = Vec::new();
    let mut reports: Vec<(Report, Option<PathBuf>)> = Vec::new();
    if paths.is_empty() {
        reports.extend(Corpus::bundled()?.iter().cloned().map(|r| (r, None)));
    }
    for &path in &paths {
        if path.is_dir() {
            // Every file of the folder is read; the good records are checked further.
            let (corpus, errors) = Corpus::load_dir_lenient(path)?;
            if corpus.is_empty() && errors.is_empty() {
                problems.push(Error::NoRecords {
                    dir: path.to_path_buf(),
                });
            }
            problems.extend(errors.iter().flat_map(Error::iter).cloned());
            let mut in_dir = input::record_files(path);
            reports.extend(corpus.iter().map(|r| (r.clone(), in_dir.remove(&r.id))));
        } else {
            match Report::from_file(path) {
                Ok(report) => {
                    let invalid = report.validate();
                    if invalid.is_empty() {
                        reports.push((report, Some(path.to_path_buf())));
                    } else {
                        problems.extend(invalid.into_iter().map(|e| e.in_file(path)));
                    }
                }
                Err(e) => problems.extend(e.iter().cloned()),
            }
        }
    }
    let mut lines = Vec::new();
    for (report, file) in &reports {
        let errors = check_report(report, &sources);
        // Not errors: a law the table does not know is kept, and named here.
        for w in report.warnings() {
            lines.push(format!("warning: report `{}`: {w}", report.id));
        }
        lines.push(format!(
            "{}: {} services, {} relations, {} gaps, {} recommendations, {} evidence problems",
            report.id,
            report.services.len(),
            report.relations.len(),
            report.gaps.len(),
            report.recommendations.len(),
            errors.len()
        ));
        problems.extend(errors.into_iter().map(|e| match file {
            Some(f) => e.in_file(f),
            None => e,
        }));
    }
    // The links between the valid records: duplicate ids (both files named), follow-ups.
    let n_records = reports.len();
    input::link(reports, &mut problems);
    output::print(|out| {
        use std::io::Write;
        for p in &problems {
            writeln!(out, "{p}")?;
        }
        for line in &lines {
            writeln!(out, "{line}")?;
        }
        writeln!(
            out,
            "{} problems in {n_records} valid records",
            problems.len()
        )
    })?;
    Ok(if problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
