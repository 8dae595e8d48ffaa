//! The summary the `compare` program prints: every analysis of a corpus in one value.

use std::collections::BTreeSet;

use serde::Serialize;

use super::counting::{Counting, Units, units};
use super::{
    FollowUpReport, GapMatrix, Jaccard, KeyMode, Recurrence, Similarity, current_gaps, follow_up,
    gap_matrix_by, recurrence::recurrence_of,
};
use crate::Corpus;
use crate::model::ReportId;
use crate::taxonomy::Genre;

/// Everything the `compare` program shows of a corpus. Its JSON form has the top-level keys
/// `reports`, `units`, `matrix`, `recurring`, `similarity` and `followups`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary<'c> {
    /// One line per record (every record, counted or not).
    pub reports: Vec<ReportSummary>,
    /// The counting unit: which records stand for which municipality, which are left out.
    pub units: Units<'c>,
    /// The gap matrix.
    pub matrix: GapMatrix<'c>,
    /// Which reports share each gap key.
    pub recurring: Recurrence<'c>,
    /// Each counted record compared in full with its nearest other counted record (pairs listed
    /// once), most similar first. Records whose content comes from one document are paired only
    /// when a record has no other partner, and then carry their [`Similarity::kinship`].
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

/// Every analysis of `corpus` under `mode`, each municipality counted once by its latest primary
/// report ([`Counting::Latest`]), as the `compare` program shows it.
///
/// # Complexity
/// O(u² · g) for the nearest record of each of u counted units; O(n · g) otherwise.
pub fn summary(corpus: &Corpus, mode: KeyMode) -> Summary<'_> {
    summary_by(corpus, mode, Counting::Latest)
}

/// [`summary`] with the records of each unit chosen by `counting`.
pub fn summary_by(corpus: &Corpus, mode: KeyMode, counting: Counting) -> Summary<'_> {
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
    let counted = units(corpus, counting);
    let chosen: Vec<&crate::Report> = counted
        .reports()
        .into_iter()
        .filter_map(|id| corpus.get(id.as_str()))
        .collect();
    let mut pairs: BTreeSet<(ReportId, ReportId)> = BTreeSet::new();
    for a in &chosen {
        let mut best: Option<Similarity> = None;
        for b in chosen.iter().filter(|b| b.id != a.id) {
            let s = Jaccard.compare(a, b, mode);
            // Not kin beats kin; then the higher gap score; ties by id (b is in id order).
            let better = match &best {
                None => true,
                Some(x) => match (x.kinship.is_some(), s.kinship.is_some()) {
                    (true, false) => true,
                    (false, true) => false,
                    _ => s.gaps.jaccard > x.gaps.jaccard,
                },
            };
            if better {
                best = Some(s);
            }
        }
        if let Some(s) = best {
            pairs.insert(if s.a < s.b { (s.a, s.b) } else { (s.b, s.a) });
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
        matrix: gap_matrix_by(corpus, mode, counting),
        recurring: recurrence_of(corpus, mode, &counted),
        units: counted,
        similarity,
        followups,
    }
}
