//! Reading records and their source texts, the same way for every subcommand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use samhandling::evidence::{Sources, check_file, check_report};
use samhandling::{Corpus, Error, Report, ReportId, Result, Warning};

/// Where the records and their source texts come from.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct Records {
    /// A record file (*.json) or a folder of records; may be given more than once.
    /// Default: the corpus bundled in the program.
    #[arg(long = "dir", value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// The folder of source texts (*.txt) that evidence cites by file name, added to the bundled
    /// texts. Default: a `sources/` folder inside or next to the first --dir, if there is one.
    #[arg(long, value_name = "DIR")]
    pub(crate) sources: Option<PathBuf>,
    /// Do not check the quotes (for records whose source texts you do not have, such as
    /// synthetic ones); a warning on standard error says so. `check` always checks.
    #[arg(long)]
    pub(crate) no_evidence_check: bool,
}

impl Records {
    /// The records given as `extra` (positional paths) and `--dir`, or the bundled corpus.
    pub(crate) fn paths_with<'a>(&'a self, extra: &'a [PathBuf]) -> Vec<&'a Path> {
        extra
            .iter()
            .chain(&self.paths)
            .map(PathBuf::as_path)
            .collect()
    }

    /// The source texts: `--sources`, else a `sources/` folder beside the first records path,
    /// else the bundled texts.
    pub(crate) fn sources(&self, paths: &[&Path]) -> Result<Sources> {
        let dir = self
            .sources
            .clone()
            .or_else(|| paths.first().and_then(Sources::dir_beside));
        match dir {
            Some(dir) => Sources::with_dir(dir),
            None => Ok(Sources::bundled()),
        }
    }

    /// Reads, validates and links the records, and checks every quote: any problem is an
    /// error (all of them, each naming file, report and JSON path, and for evidence the line).
    pub(crate) fn load(&self) -> Result<Corpus> {
        let paths = self.paths_with(&[]);
        let sources = self.sources(&paths)?;
        let (corpus, files) = read(&paths)?;
        // Drafts are valid records, but what is computed from them is no finding: say so once
        // per draft, whatever the subcommand.
        for w in corpus.iter().flat_map(Report::warnings) {
            if matches!(w, Warning::Draft { .. }) {
                eprintln!("{w}");
            }
        }
        if self.no_evidence_check {
            eprintln!(
                "warning: --no-evidence-check: the quotes of {} records were not checked against their sources",
                corpus.len()
            );
            return Ok(corpus);
        }
        let mut problems = Vec::new();
        for report in &corpus {
            problems.extend(match files.get(&report.id) {
                Some(file) => check_file(report, &sources, file),
                None => check_report(report, &sources),
            });
        }
        if !problems.is_empty() {
            return Err(many(problems));
        }
        Ok(corpus)
    }
}

fn many(mut errors: Vec<Error>) -> Error {
    if errors.len() == 1 {
        errors.remove(0)
    } else {
        Error::Many(errors)
    }
}

/// Reads `paths` (the bundled corpus when empty) into one corpus, with each record's file.
pub(crate) fn read(paths: &[&Path]) -> Result<(Corpus, BTreeMap<ReportId, PathBuf>)> {
    if paths.is_empty() {
        return Ok((Corpus::bundled()?, BTreeMap::new()));
    }
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    for &path in paths {
        if path.is_dir() {
            match Corpus::load_dir(path) {
                Ok(corpus) if corpus.is_empty() => errors.push(Error::NoRecords {
                    dir: path.to_path_buf(),
                }),
                Ok(corpus) => {
                    let mut files = record_files(path);
                    reports.extend(corpus.iter().map(|r| (r.clone(), files.remove(&r.id))));
                }
                Err(e) => errors.extend(e.iter().cloned()),
            }
        } else {
            match Report::from_file(path) {
                Ok(report) => reports.push((report, Some(path.to_path_buf()))),
                Err(e) => errors.extend(e.iter().cloned()),
            }
        }
    }
    let (corpus, files) = link(reports, &mut errors);
    match corpus {
        Some(corpus) if errors.is_empty() => Ok((corpus, files)),
        _ => Err(many(errors)),
    }
}

/// The corpus of `reports` (each with its file, when read from one), or `None` with every
/// problem added to `errors`: a second record with an id already read is named with both
/// files, and a problem of the links between records names the file of its record.
pub(crate) fn link(
    reports: Vec<(Report, Option<PathBuf>)>,
    errors: &mut Vec<Error>,
) -> (Option<Corpus>, BTreeMap<ReportId, PathBuf>) {
    let mut files: BTreeMap<ReportId, PathBuf> = BTreeMap::new();
    let mut seen: BTreeMap<ReportId, Option<PathBuf>> = BTreeMap::new();
    let mut unique = Vec::new();
    for (report, file) in reports {
        if let Some(first) = seen.get(&report.id) {
            errors.push(Error::DuplicateReport {
                at: samhandling::Location {
                    file: file.clone(),
                    report: Some(report.id.clone()),
                    path: "id".to_string(),
                },
                id: report.id.clone(),
                other: first.as_ref().map_or_else(
                    || "the bundled records".to_string(),
                    |f| f.display().to_string(),
                ),
            });
            continue;
        }
        seen.insert(report.id.clone(), file.clone());
        if let Some(f) = file {
            files.insert(report.id.clone(), f);
        }
        unique.push(report);
    }
    match Corpus::from_reports(unique) {
        Ok(corpus) => (Some(corpus), files),
        Err(e) => {
            errors.extend(e.iter().cloned().map(|e| in_file(e, &files)));
            (None, files)
        }
    }
}

/// `e` with the file of its report, when it has none and the report was read from a file.
pub(crate) fn in_file(e: Error, files: &BTreeMap<ReportId, PathBuf>) -> Error {
    let file = e
        .location()
        .filter(|l| l.file.is_none())
        .and_then(|l| l.report.as_ref())
        .and_then(|id| files.get(id))
        .cloned();
    match file {
        Some(f) => e.in_file(&f),
        None => e,
    }
}

/// The report id of each record file in `dir`, read from its `id` alone (for messages).
pub(crate) fn record_files(dir: &Path) -> BTreeMap<ReportId, PathBuf> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: ReportId,
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
                && p.is_file()
        })
        .collect();
    files.sort();
    // Of files sharing an id, the first by name is the one the loader keeps.
    let mut ids = BTreeMap::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        if let Ok(record) = serde_json::from_str::<IdOnly>(&text) {
            ids.entry(record.id).or_insert(file);
        }
    }
    ids
}
