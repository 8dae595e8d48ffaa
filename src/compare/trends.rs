//! Trends: the share of municipalities (the counting unit) with each gap category, by year and by
//! genre.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::counting::{Counting, units_in};
use super::{KeyMode, gap_keys};
use crate::Corpus;
use crate::model::{Report, ReportId};
use crate::taxonomy::{GapCategory, Vocabulary};

/// The share of municipalities (or other units, see [`units`](super::units)) with each gap
/// category, grouped by the year and by the genre of their records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trends {
    /// One group per year of publication, in order.
    pub by_year: Vec<GroupShares>,
    /// One group per genre, in the order of [`crate::taxonomy::Genre::ALL`].
    pub by_genre: Vec<GroupShares>,
}

/// One group of records and the share of their units with each gap category.
///
/// Within a group every unit counts once, with every record of it in the group
/// ([`Counting::Every`]); a synthesis is not counted beside the records it summarises.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupShares {
    /// The group: a year (`2015`) or a genre word (`forvaltningsrevisjon`).
    pub group: String,
    /// The records counted in the group, by id.
    pub reports: Vec<ReportId>,
    /// What is counted, as a plural noun: `municipalities`.
    pub unit: String,
    /// The number of units in the group: the denominator of the shares.
    pub n_units: usize,
    /// For each category some unit of the group has: the share of the group's units with it.
    pub shares: BTreeMap<GapCategory, f64>,
}

/// The share of municipalities (units) with each current gap category, by year and by genre.
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
    let counted = units_in(reports.iter().copied(), Counting::Every);
    let by_id: BTreeMap<&ReportId, &Report> = reports.iter().map(|r| (&r.id, *r)).collect();
    let mut counts: BTreeMap<GapCategory, usize> = BTreeMap::new();
    for unit in &counted.units {
        let mut categories: BTreeSet<GapCategory> = BTreeSet::new();
        for id in &unit.reports {
            if let Some(r) = by_id.get(id) {
                categories.extend(
                    gap_keys(r, KeyMode::Category)
                        .into_iter()
                        .map(|k| k.category),
                );
            }
        }
        for c in categories {
            *counts.entry(c).or_default() += 1;
        }
    }
    let n_units = counted.len();
    GroupShares {
        group,
        reports: counted.reports().into_iter().cloned().collect(),
        unit: counted.noun(),
        n_units,
        shares: counts
            .into_iter()
            .map(|(c, n)| (c, n as f64 / n_units.max(1) as f64))
            .collect(),
    }
}
