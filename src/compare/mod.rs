//! Comparison of coordination gaps across reports: which gaps recur where, how reports differ,
//! what changed between a report and its follow-up.
//!
//! Every analysis is a free function over reports or a [`Corpus`](crate::Corpus), named by what it returns, and
//! every result is plain serialisable data in a fixed order, listing the items behind each number.
//!
//! | function | returns |
//! | --- | --- |
//! | [`units`] | the counting unit: which records stand for which municipality, and which are left out |
//! | [`gap_matrix`] | municipalities × gap keys: count, highest severity and gap ids per cell |
//! | [`recurrence`] | for each gap key, the municipalities that have it, and their share |
//! | [`Jaccard::compare`], [`nearest`], [`all_pairs`] | similarity of reports, with shared and differing items |
//! | [`diff`] | the gap keys only in one report, only in the other, in both |
//! | [`follow_up`] | an earlier report's gaps, recommendations and decisions: the verdict the follow-up states, else what it says of the same matter |
//! | [`synthesis_check`] | a synthesis's claims, one by one, set against what the records it summarises hold |
//! | [`trends`] | the share of reports with each gap category, by year and by genre |
//! | [`summary`] | all of the above for a corpus, as the `compare` program prints it |
//!
//! # The counting unit
//! Tables count **municipalities**, each once, never records (see [`units`] for the rule: the
//! latest primary report by default, a synthesis never beside the reports it summarises, a
//! district or the country as a unit of its own), and name their unit: "in 6 of 8
//! municipalities". Similarity scores records, and says when two records come from one document
//! ([`Kinship`]).
//!
//! # Gap keys
//! Two reports *share* a gap when their keys match. A gap's key is its category
//! ([`KeyMode::Category`]) or its category plus the set of canonical service kinds it involves
//! ([`KeyMode::CategoryAndKinds`]), so that municipalities with different local names compare.
//! Gaps with severity `resolved` are not current gaps: the matrix, recurrence, similarity and
//! trends leave them out; diff and follow-up use them.
//!
//! # Example
//! ```
//! use samhandling::compare::{recurrence, KeyMode};
//! use samhandling::{Corpus, Report};
//!
//! let report = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
//! let corpus = Corpus::from_reports([report])?;
//! let rec = recurrence(&corpus, KeyMode::Category);
//! assert_eq!(rec.keys[0].key.to_string(), "reporting_followup");
//! assert_eq!(rec.keys[0].share, 1.0);
//! # Ok::<(), samhandling::Error>(())
//! ```

mod counting;
mod diff;
mod followup;
mod matrix;
mod recurrence;
mod similarity;
mod summary;
mod synthesis;
mod trends;

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;

use crate::model::{Gap, Report};
use crate::taxonomy::{GapCategory, ServiceKind, Severity, Vocabulary as _};

pub use counting::{CountedUnit, Counting, LeftOut, Unit, UnitKind, Units, units};
pub use diff::{Diff, diff};
pub use followup::{
    FollowUpReport, GapOutcome, ItemStatus, Outcome, OutcomeBasis, Related, RelatedKind, follow_up,
    related_categories, relation_kinds_for,
};
pub use matrix::{Cell, GapMatrix, MatrixRow, gap_matrix, gap_matrix_by};
pub use recurrence::{KeyRecurrence, Recurrence, recurrence, recurrence_by};
pub use similarity::{
    Jaccard, Kinship, Neighbour, RelationKey, SetComparison, Similarity, all_pairs, nearest,
    nearest_per_report,
};
pub use summary::{ReportSummary, Summary, summary, summary_by};
pub use synthesis::{Circular, Holder, StatedKey, Support, SynthesisCheck, synthesis_check};
pub use trends::{GroupShares, Trends, trends};

/// How gaps are keyed for comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyMode {
    /// By gap category alone: coarse, and robust to how services were named.
    Category,
    /// By gap category plus the sorted set of service kinds the gap involves.
    CategoryAndKinds,
}

/// What makes two gaps "the same" across reports: a category, and (in
/// [`KeyMode::CategoryAndKinds`]) the sorted, distinct kinds of the services involved.
///
/// Displays, and serialises (so that it can key a JSON object), as `capacity` or
/// `specialist_interface[dps+psykisk_helse_rus]`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GapKey {
    /// The gap category.
    pub category: GapCategory,
    /// The kinds involved, sorted and distinct; empty in [`KeyMode::Category`] and for
    /// system-wide gaps.
    pub kinds: Vec<ServiceKind>,
}

impl GapKey {
    /// The key of `gap` of `report` under `mode`.
    pub fn of(report: &Report, gap: &Gap, mode: KeyMode) -> GapKey {
        let kinds = match mode {
            KeyMode::Category => Vec::new(),
            KeyMode::CategoryAndKinds => gap
                .services
                .iter()
                .filter_map(|id| report.service(id.as_str()))
                .map(|s| s.resolved_kind())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect(),
        };
        GapKey {
            category: gap.category,
            kinds,
        }
    }
}

impl Serialize for GapKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for GapKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.category)?;
        if !self.kinds.is_empty() {
            let kinds: Vec<&str> = self.kinds.iter().map(|k| k.word()).collect();
            write!(f, "[{}]", kinds.join("+"))?;
        }
        Ok(())
    }
}

/// The report's current gaps: all but those with severity `resolved`.
pub fn current_gaps(report: &Report) -> impl Iterator<Item = &Gap> {
    report
        .gaps
        .iter()
        .filter(|g| g.severity != Severity::Resolved)
}

/// The distinct keys of the report's current gaps, sorted.
pub fn gap_keys(report: &Report, mode: KeyMode) -> BTreeSet<GapKey> {
    key_list(report, mode).into_iter().collect()
}

/// The distinct keys of the report's current gaps as a sorted list: what [`gap_keys`] holds,
/// without building a set (a report has tens of gaps, where sorting a list is cheaper).
fn key_list(report: &Report, mode: KeyMode) -> Vec<GapKey> {
    let mut keys: Vec<GapKey> = current_gaps(report)
        .map(|g| GapKey::of(report, g, mode))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}
