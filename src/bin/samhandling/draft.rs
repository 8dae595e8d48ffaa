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
  samhandling draft texts/*.txt --out-dir drafts/        one record per text: drafts/<name>.json

Convert PDFs first, keeping the layout's line breaks: `pdftotext -layout report.pdf report.txt`
(or without -layout for a text in reading order).

The text is a report's plain text (pdftotext output). Every item of the draft quotes the text
verbatim with its line, names the rule that found it in its note, and the record is marked
`draft`: review it (accept, correct or delete each item), then remove the marker. Quotes cite
the text by its file name: put it in your sources/ folder under that name.")]
pub(crate) struct DraftArgs {
    /// The reports' plain texts (UTF-8).
    #[arg(required = true)]
    sources: Vec<PathBuf>,
    /// Write the record to this file instead of standard output (one text only).
    #[arg(long, short, value_name = "FILE", conflicts_with = "out_dir")]
    out: Option<PathBuf>,
    /// Write each text's record to DIR/<text name without .txt>.json; a line per text on
    /// standard error says what was drafted.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Replace output files that exist.
    #[arg(long)]
    force: bool,
}

/// Arguments of `score`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling score drafts/vestby.json data/reports/vestby-2025.json

Prints recall and precision per section of a draft against the reviewed record(s) of the
same text: what reviewing changed. Unit: items of the records. Services match by name, gaps by
category and line, recommendations by number, relations by their two services (as pairs),
conclusions by question and verdict, follow-ups by the earlier item's number and status; each
drafted item stands for one reviewed item at most (matched one to one).")]
pub(crate) struct ScoreArgs {
    /// The draft record.
    draft: PathBuf,
    /// The reviewed record(s) of the same text.
    #[arg(required = true)]
    reviewed: Vec<PathBuf>,
}

fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        cause: std::sync::Arc::new(e),
    })?;
    String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// The file name of `path`: the name under which the draft's quotes cite the text.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn json_of(report: &Report) -> String {
    let mut json = report.to_json_string();
    json.push('\n');
    json
}

fn write_json(path: &Path, json: &str, force: bool) -> Result<()> {
    output::file(path, force, |out| {
        out.write_all(json.as_bytes()).map_err(|e| Error::Write {
            target: path.display().to_string(),
            cause: std::sync::Arc::new(e),
        })
    })
}

pub(crate) fn run_draft(args: &DraftArgs) -> Result<ExitCode> {
    let Some(dir) = &args.out_dir else {
        let [source] = &args.sources[..] else {
            crate::usage_error(format!(
                "{} texts given: draft several texts with --out-dir DIR, one record file each",
                args.sources.len()
            ));
        };
        let drafted = draft(&file_name(source), &read_text(source)?)?;
        let json = json_of(&drafted.report);
        return match &args.out {
            Some(path) => write_json(path, &json, args.force),
            None => output::stdout(json.as_bytes()),
        }
        .map(|()| ExitCode::SUCCESS);
    };
    // Every text is read and drafted before anything is written, so that a bad text leaves no
    // folder half-filled; two texts of one name would overwrite each other's record.
    let mut planned: Vec<(PathBuf, String, String)> = Vec::new();
    for source in &args.sources {
        let name = file_name(source);
        let stem = name.strip_suffix(".txt").unwrap_or(&name);
        let target = dir.join(format!("{stem}.json"));
        if planned.iter().any(|(t, _, _)| t == &target) {
            crate::usage_error(format!(
                "two texts are named {name}: their drafts would both be {} (rename one)",
                target.display()
            ));
        }
        let drafted = draft(&name, &read_text(source)?)?;
        let r = &drafted.report;
        let line = format!(
            "{name}: {} services, {} relations, {} gaps, {} recommendations, {} conclusions, {} follow-ups ({}, {}) -> {}",
            r.services.len(),
            r.relations.len(),
            r.gaps.len(),
            r.recommendations.len(),
            r.conclusions.len(),
            r.follow_ups.len(),
            r.genre,
            r.year
                .map_or("year not stated".to_string(), |y| y.to_string()),
            target.display()
        );
        planned.push((target, json_of(r), line));
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::Io {
        path: dir.clone(),
        cause: std::sync::Arc::new(e),
    })?;
    for (target, _, _) in &planned {
        output::check_free(target, args.force)?;
    }
    for (target, json, line) in &planned {
        write_json(target, json, args.force)?;
        eprintln!("{line}");
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
