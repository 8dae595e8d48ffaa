//! [`Corpus`]: a set of validated reports with unique ids, their follow-up links checked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Result};
use crate::items::Section;
use crate::load::list_records;
use crate::model::{Gap, Report, ReportId};
use crate::validate::check_links;

/// A set of reports, ordered by id, each valid on its own and all links between them checked:
/// every `follows_up` and follow-up item names a report of the corpus, with no cycles.
///
/// # Example
/// ```
/// use samhandling::{Corpus, Report};
///
/// let report = Report::from_json_str(include_str!("../docs/example-report.json"))?;
/// let corpus = Corpus::from_reports(vec![report])?;
/// assert_eq!(corpus.len(), 1);
/// assert!(corpus.get("eksempel-2025").is_some());
/// # Ok::<(), samhandling::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    reports: BTreeMap<ReportId, Report>,
}

/// What [`Corpus::load`] read from a directory: the corpus of every report that loaded, every
/// problem found, and the directory entries that are not record files.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The reports that are valid, with every link between them checked.
    pub corpus: Corpus,
    /// Every problem: each bad file (naming it), each duplicate id (naming both files), each
    /// broken link, and, once under the record that broke, the reports left out because they
    /// follow it up. Empty when every record loaded.
    pub errors: Vec<Error>,
    /// The entries that were not read, sorted: subdirectories and files not named `*.json`
    /// (any case). A program should say that it skipped them.
    pub skipped: Vec<PathBuf>,
}

impl Corpus {
    /// A corpus of `reports`, each validated, and the links between them checked.
    ///
    /// # Errors
    /// Every problem found, as one error or [`Error::Many`]: the problems of each report's
    /// [`Report::validate`], [`Error::DuplicateReport`], [`Error::UnknownFollowedReport`],
    /// [`Error::FollowUpCycle`], and [`Error::UnknownReference`] for a follow-up item naming no
    /// item of the earlier report.
    pub fn from_reports(reports: impl IntoIterator<Item = Report>) -> Result<Corpus> {
        let mut errors = Vec::new();
        let mut good = Vec::new();
        for report in reports {
            let problems = report.validate();
            if problems.is_empty() {
                good.push((report, None));
            } else {
                errors.push(Failed {
                    at: Location {
                        file: None,
                        report: Some(report.id.clone()),
                        path: String::new(),
                    },
                    errors: problems,
                });
            }
        }
        let (corpus, errors) = assemble(good, errors);
        Error::from_list(strict(errors))?;
        Ok(corpus)
    }

    /// Reads a directory of records in one pass: every `*.json` file directly in `dir` (any
    /// case, sorted by name, read in parallel) as one report each, then the links between them.
    ///
    /// Nothing is skipped without a word: a FIFO, socket or device named `*.json` is an error
    /// (never opened, so loading cannot hang), a dangling symbolic link or a loop is an error,
    /// and subdirectories and other files are listed in [`Loaded::skipped`]. Of records sharing
    /// an id the first by file name is kept. A report that follows up, directly or through
    /// others, a report that failed is left out, named once in an [`Error::LeftOut`] under the
    /// record that broke. The time taken is linear in the number of records.
    ///
    /// # Errors
    /// [`Error::Io`] when `dir` cannot be listed; [`Error::NoRecords`] when it holds no record
    /// file at all. Every other problem is in [`Loaded::errors`].
    pub fn load(dir: impl AsRef<Path>) -> Result<Loaded> {
        let dir = dir.as_ref();
        let listing = list_records(dir)?;
        if listing.files.is_empty() && listing.errors.is_empty() {
            return Err(Error::NoRecords {
                dir: dir.to_path_buf(),
            });
        }
        let (reports, mut failed) = read_all(&listing.files);
        failed.splice(
            0..0,
            listing.errors.into_iter().map(|e| Failed {
                at: Location::default(),
                errors: vec![e],
            }),
        );
        let (corpus, errors) = assemble(reports, failed);
        Ok(Loaded {
            corpus,
            errors,
            skipped: listing.skipped,
        })
    }

    /// Reads every `*.json` file directly in `dir` as one report each: [`Corpus::load`], failing
    /// when any record or link has a problem.
    ///
    /// Every file is read, and every bad file reported, not only the first.
    ///
    /// # Errors
    /// [`Error::Io`] when `dir` cannot be listed, [`Error::NoRecords`] when it holds no record;
    /// otherwise every problem of every file (each naming its file) and of the links between
    /// reports, as one error or [`Error::Many`].
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Corpus> {
        let loaded = Corpus::load(dir)?;
        Error::from_list(strict(loaded.errors))?;
        Ok(loaded.corpus)
    }

    /// Like [`Corpus::load_dir`], but keeps going: returns the reports that are valid, and every
    /// problem found ([`Corpus::load`] without the skipped entries). Of records sharing an id the
    /// first (by file name) is kept. A report that follows up a report that failed to load is
    /// left out too, named in the error of the record that broke; nothing is dropped without an
    /// error saying so.
    ///
    /// # Errors
    /// [`Error::Io`] when `dir` cannot be listed; [`Error::NoRecords`] when it holds no record.
    pub fn load_dir_lenient(dir: impl AsRef<Path>) -> Result<(Corpus, Vec<Error>)> {
        let loaded = Corpus::load(dir)?;
        Ok((loaded.corpus, loaded.errors))
    }

    /// The report records bundled in the crate (`data/reports/`, embedded at compile time),
    /// validated, and every quote checked against the bundled sources by the crate's tests.
    ///
    /// # Errors
    /// None for the records as shipped (the tests check this); the error of
    /// [`Corpus::from_reports`] if a record was edited into an invalid state.
    pub fn bundled() -> Result<Corpus> {
        let mut failed = Vec::new();
        let mut reports = Vec::new();
        for (name, json) in BUNDLED {
            let file = Path::new("data/reports").join(name);
            match Report::from_json_str(json) {
                Ok(r) => reports.push((r, Some(file))),
                Err(e) => failed.push(Failed::of_file(&file, e)),
            }
        }
        let (corpus, errors) = assemble(reports, failed);
        Error::from_list(strict(errors))?;
        Ok(corpus)
    }

    /// The number of reports.
    pub fn len(&self) -> usize {
        self.reports.len()
    }

    /// True when the corpus holds no report.
    pub fn is_empty(&self) -> bool {
        self.reports.is_empty()
    }

    /// The report with id `id`.
    pub fn get(&self, id: &str) -> Option<&Report> {
        self.reports.get(id)
    }

    /// The report with id `id`, or an error that lists the ids the corpus holds.
    ///
    /// # Errors
    /// [`Error::UnknownReport`] when no report has the id.
    pub fn report(&self, id: &str) -> Result<&Report> {
        self.get(id).ok_or_else(|| Error::UnknownReport {
            id: id.to_string(),
            known: self.ids().cloned().collect(),
        })
    }

    /// The reports, ordered by id.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &Report> + Clone {
        self.reports.values()
    }

    /// The report ids, in order.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = &ReportId> + Clone {
        self.reports.keys()
    }

    /// The pairs (earlier report, its follow-up), ordered by the follow-up's id.
    pub fn follow_up_pairs(&self) -> Vec<(&Report, &Report)> {
        self.iter()
            .filter_map(|later| {
                let earlier = self.get(later.follows_up.as_ref()?.as_str())?;
                Some((earlier, later))
            })
            .collect()
    }

    /// The reports that cover `municipality` (compared without regard to case), ordered by id.
    pub fn by_municipality<'a>(
        &'a self,
        municipality: &'a str,
    ) -> impl Iterator<Item = &'a Report> {
        self.iter().filter(move |r| {
            r.municipalities
                .iter()
                .any(|m| m.to_lowercase() == municipality.to_lowercase())
        })
    }

    /// A corpus of the reports whose ids are in `ids`, links checked again.
    ///
    /// # Errors
    /// [`Error::UnknownFollowedReport`] when a selected report follows up one left out;
    /// [`Error::UnknownReport`] for an id not in the corpus.
    pub fn select<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Result<Corpus> {
        let mut picked = Vec::new();
        let mut errors = Vec::new();
        for id in ids {
            match self.report(id) {
                Ok(r) => picked.push(r.clone()),
                Err(e) => errors.push(e),
            }
        }
        Error::from_list(errors)?;
        Corpus::from_reports(picked)
    }

    /// The corpus with only the gaps `keep` accepts, to compare a subset of gaps: say, only what
    /// the auditors' assessments state ([`Gap::is_assessed`]). References to a gap left out go
    /// with it: from recommendations and follow-up items of its report, and the follow-up items
    /// of a later report about it. The result is a view to analyse, not a record to save.
    ///
    /// # Errors
    /// None for a valid corpus (leaving items out keeps it valid); the error of
    /// [`Corpus::from_reports`] otherwise.
    ///
    /// # Example
    /// ```
    /// use samhandling::Corpus;
    ///
    /// let corpus = Corpus::bundled()?;
    /// let assessed = corpus.with_gaps(|_, g| g.is_assessed())?;
    /// let vestby = |c: &Corpus| c.get("vestby-2025").map_or(0, |r| r.gaps.len());
    /// assert!(vestby(&assessed) < vestby(&corpus));
    /// # Ok::<(), samhandling::Error>(())
    /// ```
    pub fn with_gaps(&self, keep: impl Fn(&Report, &Gap) -> bool) -> Result<Corpus> {
        let left_out: BTreeSet<(&str, &str)> = self
            .iter()
            .flat_map(|r| r.gaps.iter().map(move |g| (r, g)))
            .filter(|(r, g)| !keep(r, g))
            .map(|(r, g)| (r.id.as_str(), g.id.as_str()))
            .collect();
        let reports = self.iter().map(|r| {
            let gone = |id: &str| left_out.contains(&(r.id.as_str(), id));
            let mut view = r.clone();
            view.gaps.retain(|g| !gone(&g.id));
            view.drop_links(Section::Gaps, gone);
            view.follow_ups
                .retain(|f| !left_out.contains(&(f.of.report.as_str(), f.of.item.as_str())));
            view
        });
        Corpus::from_reports(reports.collect::<Vec<_>>())
    }
}

impl<'a> IntoIterator for &'a Corpus {
    type Item = &'a Report;
    type IntoIter = std::collections::btree_map::Values<'a, ReportId, Report>;
    fn into_iter(self) -> Self::IntoIter {
        self.reports.values()
    }
}

/// The bundled records: file name and JSON text.
const BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_reports.rs"));

/// A report with the file it was read from.
type Sourced = (Report, Option<PathBuf>);

/// A record that failed on its own: where (its file, and its report id when that could be read)
/// and its problems.
struct Failed {
    at: Location,
    errors: Vec<Error>,
}

impl Failed {
    fn of_file(file: &Path, error: Error) -> Failed {
        let error = error.in_file(file);
        let report = error
            .iter()
            .find_map(|e| e.location().and_then(|l| l.report.clone()));
        Failed {
            at: Location {
                file: Some(file.to_path_buf()),
                report,
                path: String::new(),
            },
            errors: vec![error],
        }
    }
}

/// The errors of a strict load: without [`Error::LeftOut`], which says what a lenient load left
/// out, while a strict load keeps nothing.
fn strict(errors: Vec<Error>) -> Vec<Error> {
    errors
        .into_iter()
        .filter(|e| !matches!(e, Error::LeftOut { .. }))
        .collect()
}

/// Reads `files` in parallel (rayon); good reports with their file, and every failed record.
/// Results keep the files' sorted order, so errors come out in the same order on every run.
fn read_all(files: &[PathBuf]) -> (Vec<Sourced>, Vec<Failed>) {
    use rayon::prelude::*;
    let results: Vec<(&PathBuf, Result<Report>)> = files
        .par_iter()
        .map(|file| (file, Report::from_file(file)))
        .collect();
    let mut reports = Vec::new();
    let mut failed = Vec::new();
    for (file, result) in results {
        match result {
            Ok(r) => reports.push((r, Some(file.clone()))),
            Err(e) => failed.push(Failed::of_file(file, e)),
        }
    }
    (reports, failed)
}

/// Why a report is not in the corpus.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    /// In the corpus.
    In,
    /// Out because of a problem of its own (its errors are reported).
    Broken,
    /// Out because the report it follows up is out: the index into `roots` of the record that
    /// broke.
    LeftOut(usize),
}

/// The one pass over valid reports and failed records: keeps the first of each id, checks every
/// link, leaves out the reports whose follow-up chain reaches a failure, and returns the corpus
/// of the rest with every problem. Linear in the number of reports.
fn assemble(reports: Vec<Sourced>, failed: Vec<Failed>) -> (Corpus, Vec<Error>) {
    let mut errors: Vec<Error> = Vec::new();
    // Records that broke on their own, by report id where it could be read: the roots under
    // which the reports that follow them up are named.
    let mut roots: Vec<Location> = Vec::new();
    let mut broken: BTreeMap<ReportId, usize> = BTreeMap::new();
    for f in failed {
        if let Some(id) = &f.at.report {
            broken.entry(id.clone()).or_insert(roots.len());
        }
        roots.push(f.at);
        errors.extend(f.errors);
    }

    let mut by_id: BTreeMap<ReportId, Report> = BTreeMap::new();
    let mut files: BTreeMap<ReportId, Option<PathBuf>> = BTreeMap::new();
    for (k, (report, file)) in reports.into_iter().enumerate() {
        if let Some(first) = files.get(&report.id) {
            errors.push(Error::DuplicateReport {
                at: Location {
                    file: file.clone(),
                    report: Some(report.id.clone()),
                    path: "id".to_string(),
                },
                id: report.id.clone(),
                other: first.as_ref().map_or_else(
                    || format!("an earlier record of the list (this is record {})", k + 1),
                    |f| f.display().to_string(),
                ),
            });
            continue;
        }
        broken.remove(&report.id);
        files.insert(report.id.clone(), file);
        by_id.insert(report.id.clone(), report);
    }
    let located = |e: Error, files: &BTreeMap<ReportId, Option<PathBuf>>| {
        let file = e
            .location()
            .and_then(|l| l.report.as_ref())
            .and_then(|id| files.get(id).cloned().flatten());
        match file {
            Some(f) => e.in_file(&f),
            None => e,
        }
    };

    let mut fate: BTreeMap<&ReportId, Fate> = BTreeMap::new();
    for e in check_links(
        &by_id,
        |id| broken.contains_key(id),
        |id| files.get(id).cloned().flatten(),
    ) {
        if let Some(id) = e.location().and_then(|l| l.report.as_ref())
            && let Some((id, _)) = by_id.get_key_value(id)
        {
            fate.insert(id, Fate::Broken);
        }
        if let Error::FollowUpCycle { cycle, .. } = &e {
            for id in cycle {
                if let Some((id, _)) = by_id.get_key_value(id) {
                    fate.insert(id, Fate::Broken);
                }
            }
        }
        errors.push(located(e, &files));
    }
    // Each report's fate, following `follows_up` chains once (memoised), so the whole pass is
    // linear however long the chains are.
    let mut root_of_report: BTreeMap<&ReportId, usize> = BTreeMap::new();
    for start in by_id.keys() {
        let mut chain: Vec<&ReportId> = Vec::new();
        let mut here = start;
        let end = loop {
            if let Some(&f) = fate.get(here) {
                break match f {
                    Fate::Broken => Some(root_for(here, &mut roots, &mut root_of_report, &files)),
                    Fate::LeftOut(root) => Some(root),
                    Fate::In => None,
                };
            }
            chain.push(here);
            match by_id.get(here).and_then(|r| r.follows_up.as_ref()) {
                // Every member of a cycle is `Broken` already, so a chain always ends.
                Some(next) => match by_id.get_key_value(next) {
                    Some((next, _)) if chain.len() <= by_id.len() => here = next,
                    Some(_) => break None,
                    None => break broken.get(next).copied(),
                },
                None => break None,
            }
        };
        for id in chain {
            fate.entry(id).or_insert(match end {
                Some(root) => Fate::LeftOut(root),
                None => Fate::In,
            });
        }
    }
    let mut left_out: BTreeMap<usize, Vec<ReportId>> = BTreeMap::new();
    for (id, f) in &fate {
        if let Fate::LeftOut(root) = f {
            left_out.entry(*root).or_default().push((*id).clone());
        }
    }
    for (root, reports) in left_out {
        errors.push(Error::LeftOut {
            at: roots[root].clone(),
            reports,
        });
    }
    let keep: BTreeSet<ReportId> = fate
        .iter()
        .filter(|(_, f)| **f == Fate::In)
        .map(|(id, _)| (*id).clone())
        .collect();
    by_id.retain(|id, _| keep.contains(id));
    (Corpus { reports: by_id }, errors)
}

/// The index in `roots` of report `id`, which broke on its own, adding it on first use.
fn root_for<'a>(
    id: &'a ReportId,
    roots: &mut Vec<Location>,
    root_of_report: &mut BTreeMap<&'a ReportId, usize>,
    files: &BTreeMap<ReportId, Option<PathBuf>>,
) -> usize {
    *root_of_report.entry(id).or_insert_with(|| {
        roots.push(Location {
            file: files.get(id).cloned().flatten(),
            report: Some(id.clone()),
            path: String::new(),
        });
        roots.len() - 1
    })
}
