//! The gap matrix: reports × gap keys.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{GapKey, KeyMode, current_gaps};
use crate::Corpus;
use crate::model::ReportId;
use crate::taxonomy::Severity;

/// Reports × gap keys. Each cell holds the number of current gaps with that key, the highest
/// severity among them, and their ids, so that their evidence is one look-up away.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapMatrix {
    /// How gaps were keyed.
    pub mode: KeyMode,
    /// Every key that occurs in some report, sorted: the columns.
    pub columns: Vec<GapKey>,
    /// One row per report, ordered by report id.
    pub rows: Vec<MatrixRow>,
}

/// One report's row of the [`GapMatrix`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixRow {
    /// The report.
    pub report: ReportId,
    /// The non-empty cells, by key.
    pub cells: BTreeMap<GapKey, Cell>,
}

/// One cell of the [`GapMatrix`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The number of current gaps with this key.
    pub count: usize,
    /// The highest severity among them (breach > risk > improvement).
    pub highest: Severity,
    /// Their ids, in the report's order.
    pub gaps: Vec<String>,
}

impl MatrixRow {
    /// The number of gaps in the cell of `key`; 0 for an empty cell.
    pub fn count(&self, key: &GapKey) -> usize {
        self.cells.get(key).map_or(0, |c| c.count)
    }

    /// The number of current gaps of the report: the row sum.
    pub fn total(&self) -> usize {
        self.cells.values().map(|c| c.count).sum()
    }
}

/// The gap matrix of `corpus`: one row per report, one column per gap key.
///
/// # Arguments
/// - `corpus`: the reports (any selection, via [`Corpus::select`]).
/// - `mode`: key by category alone or by category plus the kinds involved.
///
/// # Returns
/// A [`GapMatrix`] whose row sums equal each report's number of current (not resolved) gaps.
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
/// let matrix = gap_matrix(&Corpus::from_reports([report])?, KeyMode::Category);
/// assert_eq!(matrix.rows[0].total(), 1);
/// assert_eq!(matrix.rows[0].count(&matrix.columns[0]), 1);
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn gap_matrix(corpus: &Corpus, mode: KeyMode) -> GapMatrix {
    use rayon::prelude::*;
    let reports: Vec<&crate::Report> = corpus.iter().collect();
    let rows: Vec<MatrixRow> = reports
        .par_iter()
        .map(|report| {
            let mut cells: BTreeMap<GapKey, Cell> = BTreeMap::new();
            for gap in current_gaps(report) {
                let key = GapKey::of(report, gap, mode);
                let cell = cells.entry(key).or_insert(Cell {
                    count: 0,
                    highest: gap.severity,
                    gaps: Vec::new(),
                });
                cell.count += 1;
                if gap.severity.rank() > cell.highest.rank() {
                    cell.highest = gap.severity;
                }
                cell.gaps.push(gap.id.clone());
            }
            MatrixRow {
                report: report.id.clone(),
                cells,
            }
        })
        .collect();
    let columns: BTreeSet<&GapKey> = rows.iter().flat_map(|r| r.cells.keys()).collect();
    GapMatrix {
        mode,
        columns: columns.into_iter().cloned().collect(),
        rows,
    }
}
