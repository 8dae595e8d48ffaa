//! Trends: the share of reports with each gap category, by year and by genre.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{KeyMode, gap_keys};
use crate::Corpus;
use crate::model::{Report, ReportId};
use crate::taxonomy::{GapCategory, Vocabulary};

/// The share of reports with each gap category, grouped by year and by genre.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trends {
    /// One group per year of publication, in order.
    pub by_year: Vec<GroupShares>,
    /// One group per genre, in the order of [`crate::taxonomy::Genre::ALL`].
    pub by_genre: Vec<GroupShares>,
}

/// One group of reports and the share of them with each gap category.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupShares {
    /// The group: a year (`2015`) or a genre word (`forvaltningsrevisjon`).
    pub group: String,
    /// The reports in the group, by id.
    pub reports: Vec<ReportId>,
    /// For each category some report of the group has: the share of the group's reports with it.
    pub shares: BTreeMap<GapCategory, f64>,
}

/// The share of reports with each current gap category, by year and by genre.
///
/// # Complexity
/// O(g log g) for g gaps in all.
///
/// # Example
/// ```
/// use samhandling::compare::trends;
/// use samhandling::taxonomy::GapCategory;
/// use samhandling::{Corpus, Report};
///
/// let report = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
/// let trends = trends(&Corpus::from_reports([report])?);
/// assert_eq!(trends.by_year[0].group, "2025");
/// assert_eq!(trends.by_year[0].shares[&GapCategory::ReportingFollowup], 1.0);
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn trends(corpus: &Corpus) -> Trends {
    let mut by_year: BTreeMap<Option<u16>, Vec<&Report>> = BTreeMap::new();
    let mut by_genre: BTreeMap<usize, Vec<&Report>> = BTreeMap::new();
    for r in corpus {
        by_year.entry(r.year).or_default().push(r);
        let genre_order = crate::taxonomy::Genre::ALL
            .iter()
            .position(|g| *g == r.genre)
            .unwrap_or(0);
        by_genre.entry(genre_order).or_default().push(r);
    }
    Trends {
        by_year: by_year
            .into_iter()
            .map(|(year, reports)| {
                let group = year.map_or_else(|| "year not stated".to_string(), |y| y.to_string());
                shares(group, &reports)
            })
            .collect(),
        by_genre: by_genre
            .into_values()
            .map(|reports| shares(reports[0].genre.word().to_string(), &reports))
            .collect(),
    }
}

fn shares(group: String, reports: &[&Report]) -> GroupShares {
    let mut counts: BTreeMap<GapCategory, usize> = BTreeMap::new();
    for r in reports {
        for key in gap_keys(r, KeyMode::Category) {
            *counts.entry(key.category).or_default() += 1;
        }
    }
    GroupShares {
        group,
        reports: reports.iter().map(|r| r.id.clone()).collect(),
        shares: counts
            .into_iter()
            .map(|(c, n)| (c, n as f64 / reports.len() as f64))
            .collect(),
    }
}
