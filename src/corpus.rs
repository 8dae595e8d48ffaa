//! [`Corpus`]: a set of validated reports with unique ids, their follow-up links checked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Result};
use crate::load::json_files;
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

impl Corpus {
    /// A corpus of `reports`, each validated, and the links between them checked.
    ///
    /// # Errors
    /// Every problem found, as one error or [`Error::Many`]: the problems of each report's
    /// [`Report::validate`], [`Error::DuplicateReport`], [`Error::UnknownFollowedReport`],
    /// [`Error::FollowUpCycle`], and [`Error::UnknownReference`] for a follow-up item naming no
    /// item of the earlier report.
    pub fn from_reports(reports: impl IntoIterator<Item = Report>) -> Result<Corpus> {
        Corpus::build(
            reports.into_iter().map(|r| (r, None)).collect(),
            Check::Each,
        )
    }

    /// Reads every `*.json` file directly in `dir` (sorted by name) as one report each.
    ///
    /// Every file is read, and every bad file reported, not only the first.
    ///
    /// # Errors
    /// [`Error::Io`] when `dir` cannot be listed; otherwise every problem of every file (each
    /// naming its file) and of the links between reports, as one error or [`Error::Many`].
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Corpus> {
        let (reports, mut errors) = read_all(dir.as_ref())?;
        if !errors.is_empty() {
            // Link problems of the good files are reported too, so one run shows everything.
            if let Err(e) = Corpus::build(reports, Check::LinksOnly) {
                errors.extend(e.iter().filter(|e| !e.is_parse()).cloned());
            }
            return Err(Error::from_list(errors).unwrap_err());
        }
        Corpus::build(reports, Check::LinksOnly)
    }

    /// Like [`Corpus::load_dir`], but keeps going: returns the reports that are valid, and every
    /// problem found. Of records sharing an id the first (by file name) is kept. A report that
    /// follows up a report that failed to load is left out too, with its error in the list;
    /// nothing is dropped without an error saying so.
    ///
    /// # Errors
    /// Only [`Error::Io`] when `dir` cannot be listed.
    pub fn load_dir_lenient(dir: impl AsRef<Path>) -> Result<(Corpus, Vec<Error>)> {
        let (read, mut errors) = read_all(dir.as_ref())?;
        // Of records sharing an id, keep the first (files are in name order) and report the others.
        let mut first: BTreeMap<ReportId, Option<PathBuf>> = BTreeMap::new();
        let mut reports = Vec::with_capacity(read.len());
        for (report, file) in read {
            match first.get(&report.id) {
                Some(earlier) => errors.push(Error::DuplicateReport {
                    at: Location {
                        file: file.clone(),
                        report: Some(report.id.clone()),
                        path: "id".to_string(),
                    },
                    id: report.id.clone(),
                    other: earlier
                        .as_ref()
                        .map_or("an earlier record".to_string(), |f| f.display().to_string()),
                }),
                None => {
                    first.insert(report.id.clone(), file.clone());
                    reports.push((report, file));
                }
            }
        }
        loop {
            match Corpus::build(reports.clone(), Check::LinksOnly) {
                Ok(corpus) => return Ok((corpus, errors)),
                Err(e) => {
                    let bad: std::collections::BTreeSet<ReportId> = e
                        .iter()
                        .filter_map(|e| match e {
                            Error::FollowUpCycle { cycle } => Some(cycle.clone()),
                            other => other
                                .location()
                                .and_then(|l| l.report.clone())
                                .map(|r| vec![r]),
                        })
                        .flatten()
                        .collect();
                    errors.extend(e.iter().cloned());
                    let before = reports.len();
                    reports.retain(|(r, _)| !bad.contains(&r.id));
                    if reports.len() == before {
                        // Nothing attributable to a report: give up on all of them rather than loop.
                        return Ok((Corpus::default(), errors));
                    }
                }
            }
        }
    }

    fn build(reports: Vec<Sourced>, check: Check) -> Result<Corpus> {
        let mut errors = Vec::new();
        let mut by_id: BTreeMap<ReportId, Report> = BTreeMap::new();
        let mut files: BTreeMap<ReportId, Option<PathBuf>> = BTreeMap::new();
        for (report, file) in reports {
            let problems = match check {
                Check::Each => report.validate(),
                Check::LinksOnly => Vec::new(),
            };
            if !problems.is_empty() {
                errors.extend(problems.into_iter().map(|e| match &file {
                    Some(f) => e.in_file(f),
                    None => e,
                }));
                continue;
            }
            if let Some(first) = files.get(&report.id) {
                errors.push(Error::DuplicateReport {
                    at: Location {
                        file: file.clone(),
                        report: Some(report.id.clone()),
                        path: "id".to_string(),
                    },
                    id: report.id.clone(),
                    other: first
                        .as_ref()
                        .map_or("an earlier record".to_string(), |f| f.display().to_string()),
                });
                continue;
            }
            files.insert(report.id.clone(), file);
            by_id.insert(report.id.clone(), report);
        }
        for e in check_links(&by_id) {
            let file = e
                .location()
                .and_then(|l| l.report.as_ref())
                .and_then(|id| files.get(id).cloned().flatten());
            errors.push(match file {
                Some(f) => e.in_file(&f),
                None => e,
            });
        }
        Error::from_list(errors)?;
        Ok(Corpus { reports: by_id })
    }

    /// The report records bundled in the crate (`data/reports/`, embedded at compile time),
    /// validated, and every quote checked against the bundled sources by the crate's tests.
    ///
    /// # Errors
    /// None for the records as shipped (the tests check this); the error of
    /// [`Corpus::from_reports`] if a record was edited into an invalid state.
    pub fn bundled() -> Result<Corpus> {
        let mut errors = Vec::new();
        let mut reports = Vec::new();
        for (name, json) in BUNDLED {
            match Report::from_json_str(json) {
                Ok(r) => reports.push((r, Some(Path::new("data/reports").join(name)))),
                Err(e) => errors.push(e.in_file(&Path::new("data/reports").join(name))),
            }
        }
        Error::from_list(errors)?;
        Corpus::build(reports, Check::LinksOnly)
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
            for rec in &mut view.recommendations {
                rec.gaps.retain(|g| !gone(g));
            }
            view.follow_ups
                .retain(|f| !left_out.contains(&(f.of.report.as_str(), f.of.item.as_str())));
            for f in &mut view.follow_ups {
                f.gaps.retain(|g| !gone(g));
            }
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

/// Whether [`Corpus::build`] validates each report, or only the links between them (for reports
/// read by [`Report::from_file`], which validated them already).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Check {
    Each,
    LinksOnly,
}

/// The bundled records: file name and JSON text.
const BUNDLED: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/bundled_reports.rs"));

/// A report with the file it was read from.
type Sourced = (Report, Option<PathBuf>);

/// Reads every JSON file of `dir`; good reports with their file, and every file's error.
///
/// Files are read, parsed and validated in parallel (rayon); results keep the files' sorted
/// order, so errors and reports come out in the same order on every run.
fn read_all(dir: &Path) -> Result<(Vec<Sourced>, Vec<Error>)> {
    use rayon::prelude::*;
    let results: Vec<(PathBuf, Result<Report>)> = json_files(dir)?
        .into_par_iter()
        .map(|file| {
            let report = Report::from_file(&file);
            (file, report)
        })
        .collect();
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    for (file, result) in results {
        match result {
            Ok(r) => reports.push((r, Some(file))),
            Err(e) => errors.push(e),
        }
    }
    Ok((reports, errors))
}
