//! The gap matrix: municipalities (the counting unit, see [`units`]) × gap keys.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::counting::{Counting, Unit, units};
use super::{GapKey, KeyMode, current_gaps};
use crate::Corpus;
use crate::model::{Gap, ReportId};
use crate::taxonomy::Severity;

/// Municipalities (or other units) × gap keys: one row per unit, each unit counted once. Each
/// cell holds the number of current gaps with that key in the records counted for the unit, the
/// highest severity among them, and their ids, so that their evidence is one look-up away.
///
/// The matrix borrows report and gap ids from the corpus it was computed from (`'c`) rather than
/// copying them: a matrix of 10,000 reports would otherwise copy some 300,000 id strings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapMatrix<'c> {
    /// How gaps were keyed.
    pub mode: KeyMode,
    /// Which records were counted for each unit.
    pub counting: Counting,
    /// What a row is, as a plural noun: `municipalities` (see [`Units::noun`](super::Units::noun)).
    pub unit: String,
    /// Every key that occurs in some report, sorted: the columns.
    pub columns: Vec<GapKey>,
    /// One row per unit, ordered by unit kind, then name.
    pub rows: Vec<MatrixRow<'c>>,
    /// The records not counted, with the reason.
    pub left_out: Vec<super::LeftOut<'c>>,
}

/// One unit's row of the [`GapMatrix`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixRow<'c> {
    /// The unit (municipality, district, region or country).
    pub unit: Unit,
    /// The unit's latest counted record.
    pub report: &'c ReportId,
    /// Every record counted for the unit, latest first (one under [`Counting::Latest`]).
    pub reports: Vec<&'c ReportId>,
    /// The non-empty cells, by key.
    pub cells: BTreeMap<GapKey, Cell<'c>>,
}

/// One cell of the [`GapMatrix`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell<'c> {
    /// The number of current gaps with this key.
    pub count: usize,
    /// The highest severity among them (breach > risk > improvement).
    pub highest: Severity,
    /// Their ids, in the report's order.
    pub gaps: Vec<&'c str>,
}

impl<'c> Cell<'c> {
    fn of(gap: &'c Gap) -> Cell<'c> {
        Cell {
            count: 1,
            highest: gap.severity,
            gaps: vec![gap.id.as_str()],
        }
    }

    fn add(&mut self, gap: &'c Gap) {
        self.count += 1;
        if gap.severity.rank() > self.highest.rank() {
            self.highest = gap.severity;
        }
        self.gaps.push(&gap.id);
    }
}

impl MatrixRow<'_> {
    /// The number of gaps in the cell of `key`; 0 for an empty cell.
    pub fn count(&self, key: &GapKey) -> usize {
        self.cells.get(key).map_or(0, |c| c.count)
    }

    /// The number of current gaps of the records counted for the unit: the row sum.
    pub fn total(&self) -> usize {
        self.cells.values().map(|c| c.count).sum()
    }
}

/// The gap matrix of `corpus`: one row per municipality (or other unit), counted by its latest
/// primary report ([`Counting::Latest`]), one column per gap key. See [`gap_matrix_by`] for the
/// other options.
///
/// # Arguments
/// - `corpus`: the reports (any selection, via [`Corpus::select`]).
/// - `mode`: key by category alone or by category plus the kinds involved.
///
/// # Returns
/// A [`GapMatrix`] whose row sums equal the number of current (not resolved) gaps of the records
/// counted for each unit.
///
/// # Complexity
/// O(g log g) for g gaps in all; rows are built in parallel.
///
/// # Example
/// ```
/// use samhandling::compare::{gap_matrix, KeyMode};
/// use samhandling::{Corpus, Report};
///
/// let report = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
/// let corpus = Corpus::from_reports([report])?;
/// let matrix = gap_matrix(&corpus, KeyMode::Category);
/// assert_eq!(matrix.unit, "municipalities");
/// assert_eq!(matrix.rows[0].unit.name, "Nes");
/// assert_eq!(matrix.rows[0].total(), 1);
/// assert_eq!(matrix.rows[0].count(&matrix.columns[0]), 1);
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn gap_matrix(corpus: &Corpus, mode: KeyMode) -> GapMatrix<'_> {
    gap_matrix_by(corpus, mode, Counting::Latest)
}

/// [`gap_matrix`] with the records of each unit chosen by `counting`.
pub fn gap_matrix_by(corpus: &Corpus, mode: KeyMode, counting: Counting) -> GapMatrix<'_> {
    use rayon::prelude::*;
    let counted = units(corpus, counting);
    let rows: Vec<MatrixRow> = counted
        .units
        .par_iter()
        .filter_map(|unit| {
            let reports: Vec<&crate::Report> = unit
                .reports
                .iter()
                .filter_map(|id| corpus.get(id.as_str()))
                .collect();
            let first = reports.first()?;
            // Sorting a row's tens of gaps by key, then taking runs, is cheaper than a map insert
            // per gap; the stable sort keeps the records' order within a cell.
            let mut keyed: Vec<(GapKey, &Gap)> = reports
                .iter()
                .flat_map(|report| {
                    current_gaps(report).map(|gap| (GapKey::of(report, gap, mode), gap))
                })
                .collect();
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            let mut cells: Vec<(GapKey, Cell)> = Vec::new();
            for (key, gap) in keyed {
                match cells.last_mut() {
                    Some((last, cell)) if *last == key => cell.add(gap),
                    _ => cells.push((key, Cell::of(gap))),
                }
            }
            Some(MatrixRow {
                unit: unit.unit.clone(),
                report: &first.id,
                reports: reports.iter().map(|r| &r.id).collect(),
                cells: cells.into_iter().collect(),
            })
        })
        .collect();
    let columns: BTreeSet<&GapKey> = rows.iter().flat_map(|r| r.cells.keys()).collect();
    GapMatrix {
        mode,
        counting,
        unit: counted.noun(),
        columns: columns.into_iter().cloned().collect(),
        rows,
        left_out: counted.left_out,
    }
}
