//! The summary the `compare` program prints: every analysis of a corpus in one value.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{
    FollowUpReport, GapMatrix, Jaccard, KeyMode, Recurrence, Similarity, current_gaps, follow_up,
    gap_matrix, nearest_per_report, recurrence,
};
use crate::Corpus;
use crate::model::ReportId;
use crate::taxonomy::Genre;

/// Everything the `compare` program shows of a corpus. Its JSON form has the top-level keys
/// `reports`, `matrix`, `recurring`, `similarity` and `followups`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary<'c> {
    /// One line per report.
    pub reports: Vec<ReportSummary>,
    /// The gap matrix.
    pub matrix: GapMatrix<'c>,
    /// Which reports share each gap key.
    pub recurring: Recurrence<'c>,
    /// Each report compared in full with its nearest report (pairs listed once), most similar
    /// first.
    pub similarity: Vec<Similarity>,
    /// Every report that follows up another, item by item.
    pub followups: Vec<FollowUpReport>,
}

/// What a report holds, in counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportSummary {
    /// The report's id.
    pub id: ReportId,
    /// Its title, when the source states it.
    pub title: Option<String>,
    /// The municipalities it covers.
    pub municipalities: Vec<String>,
    /// Year of publication.
    pub year: Option<u16>,
    /// Its genre.
    pub genre: Genre,
    /// Number of services.
    pub services: usize,
    /// Number of relations.
    pub relations: usize,
    /// Number of current gaps.
    pub gaps: usize,
    /// Number of gaps marked resolved.
    pub resolved_gaps: usize,
    /// Number of recommendations.
    pub recommendations: usize,
}

/// Every analysis of `corpus` under `mode`, as the `compare` program shows it.
///
/// # Complexity
/// O(n² · g) for the nearest report of each of n reports; O(n · g) otherwise. No n × n matrix is
/// kept.
pub fn summary(corpus: &Corpus, mode: KeyMode) -> Summary<'_> {
    let reports = corpus
        .iter()
        .map(|r| {
            let gaps = current_gaps(r).count();
            ReportSummary {
                id: r.id.clone(),
                title: r.title.clone(),
                municipalities: r.municipalities.clone(),
                year: r.year,
                genre: r.genre,
                services: r.services.len(),
                relations: r.relations.len(),
                gaps,
                resolved_gaps: r.gaps.len() - gaps,
                recommendations: r.recommendations.len(),
            }
        })
        .collect();
    let mut pairs: BTreeSet<(ReportId, ReportId)> = BTreeSet::new();
    for (id, neighbours) in nearest_per_report(corpus, 1, mode) {
        if let Some(n) = neighbours.first() {
            let pair = if id < n.report {
                (id, n.report.clone())
            } else {
                (n.report.clone(), id)
            };
            pairs.insert(pair);
        }
    }
    let mut similarity: Vec<Similarity> = pairs
        .iter()
        .filter_map(|(a, b)| {
            Some(Jaccard.compare(corpus.get(a.as_str())?, corpus.get(b.as_str())?, mode))
        })
        .collect();
    super::similarity::sort_by_gap_similarity(&mut similarity);
    let followups = corpus
        .follow_up_pairs()
        .into_iter()
        .map(|(earlier, later)| follow_up(earlier, later, mode))
        .collect();
    Summary {
        reports,
        matrix: gap_matrix(corpus, mode),
        recurring: recurrence(corpus, mode),
        similarity,
        followups,
    }
}
