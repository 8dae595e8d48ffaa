//! Recurrence: which reports and municipalities share each gap key.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{GapKey, KeyMode, key_list};
use crate::Corpus;
use crate::model::ReportId;

/// For each gap key, the reports and municipalities that have it. Seed 001's "gjennomgående
/// utfordringer" (challenges common to all four municipalities) is this, done by hand.
///
/// Like [`GapMatrix`](super::GapMatrix), it borrows ids and names from the corpus (`'c`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recurrence<'c> {
    /// How gaps were keyed.
    pub mode: KeyMode,
    /// The number of reports in the selection.
    pub n_reports: usize,
    /// One entry per key, most widely shared first, then by key.
    pub keys: Vec<KeyRecurrence<'c>>,
}

/// The reports that have one gap key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyRecurrence<'c> {
    /// The gap key.
    pub key: GapKey,
    /// The reports with a current gap of this key, by id.
    pub reports: Vec<&'c ReportId>,
    /// The municipalities those reports cover, sorted and distinct.
    pub municipalities: Vec<&'c str>,
    /// `reports.len() / n_reports`, in [0, 1].
    pub share: f64,
}

impl<'c> Recurrence<'c> {
    /// The keys that at least `min_reports` reports share (all of them: `n_reports`).
    pub fn common_to(&self, min_reports: usize) -> impl Iterator<Item = &KeyRecurrence<'c>> {
        self.keys
            .iter()
            .filter(move |k| k.reports.len() >= min_reports.max(1))
    }

    /// The keys only one report has.
    pub fn unique(&self) -> impl Iterator<Item = &KeyRecurrence<'c>> {
        self.keys.iter().filter(|k| k.reports.len() == 1)
    }

    /// The entry of `key`, if some report has it.
    pub fn get(&self, key: &GapKey) -> Option<&KeyRecurrence<'c>> {
        self.keys.iter().find(|k| &k.key == key)
    }
}

/// Which reports and municipalities of `corpus` share each gap key.
///
/// # Arguments
/// - `corpus`: the reports (any selection, via [`Corpus::select`]).
/// - `mode`: key by category alone or by category plus the kinds involved.
///
/// # Returns
/// A [`Recurrence`], keys ordered by the number of reports (most first), then by key.
///
/// # Complexity
/// O(g log g) for g gaps in all.
///
/// # Example
/// ```
/// use samhandling::compare::{recurrence, KeyMode};
/// use samhandling::{Corpus, Report};
///
/// let a = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
/// let mut b = a.clone();
/// b.id = "eksempel-2026".into();
/// b.municipalities = vec!["Eidsvoll".into()];
/// let corpus = Corpus::from_reports([a, b])?;
/// let rec = recurrence(&corpus, KeyMode::Category);
/// let common: Vec<_> = rec.common_to(rec.n_reports).collect();
/// assert_eq!(common.len(), 1);
/// assert_eq!(common[0].municipalities, ["Eidsvoll", "Nes"]);
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn recurrence(corpus: &Corpus, mode: KeyMode) -> Recurrence<'_> {
    use rayon::prelude::*;
    let reports: Vec<&crate::Report> = corpus.iter().collect();
    // Municipality names are ranked once, so that the distinct municipalities of a key come from
    // sorting integers rather than from inserting names into a set for every report.
    let names: Vec<&str> = reports
        .iter()
        .flat_map(|r| r.municipalities.iter().map(String::as_str))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let per_report: Vec<(Vec<GapKey>, Vec<usize>)> = reports
        .par_iter()
        .map(|r| {
            let places = r.municipalities.iter();
            let ranks = places.map(|m| names.partition_point(|n| *n < m.as_str()));
            (key_list(r, mode), ranks.collect())
        })
        .collect();
    let mut holders: BTreeMap<&GapKey, Vec<usize>> = BTreeMap::new();
    for (i, (keys, _)) in per_report.iter().enumerate() {
        for key in keys {
            holders.entry(key).or_default().push(i);
        }
    }
    let n_reports = corpus.len();
    let mut keys: Vec<KeyRecurrence> = holders
        .into_par_iter()
        .map(|(key, holders)| {
            let mut places: Vec<usize> = holders
                .iter()
                .flat_map(|&i| per_report[i].1.iter().copied())
                .collect();
            places.sort_unstable();
            places.dedup();
            KeyRecurrence {
                share: holders.len() as f64 / n_reports as f64,
                key: key.clone(),
                reports: holders.iter().map(|&i| &reports[i].id).collect(),
                municipalities: places.into_iter().map(|p| names[p]).collect(),
            }
        })
        .collect();
    keys.sort_by(|a, b| {
        b.reports
            .len()
            .cmp(&a.reports.len())
            .then(a.key.cmp(&b.key))
    });
    Recurrence {
        mode,
        n_reports,
        keys,
    }
}

/// A hand-made synthesis (a comparison note's "common challenges") set against the recurrence
/// computed from the reports it summarises.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SynthesisCheck<'c> {
    /// The synthesis report.
    pub synthesis: ReportId,
    /// How gaps were keyed.
    pub mode: KeyMode,
    /// The least number of reports a computed key needed to count as common.
    pub min_reports: usize,
    /// Each key the synthesis states, with what the computation says of it.
    pub stated: Vec<StatedKey<'c>>,
    /// Keys common to at least `min_reports` reports that the synthesis does not state.
    pub computed_only: Vec<KeyRecurrence<'c>>,
}

/// One key the synthesis states as common, and whether the computation recovers it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatedKey<'c> {
    /// The key.
    pub key: GapKey,
    /// The synthesis's gaps with this key.
    pub gaps: Vec<String>,
    /// Where the synthesis states them.
    pub evidence: Vec<crate::Evidence>,
    /// The computed recurrence of the key, if any report has it.
    pub computed: Option<KeyRecurrence<'c>>,
    /// True when at least `min_reports` reports have the key.
    pub recovered: bool,
}

/// Sets the gap keys of `synthesis` against the keys that at least `min_reports` of the reports
/// in `parts` share: which stated keys the computation recovers, and which common keys the
/// synthesis leaves out.
///
/// This is how the 2015 comparison note of four Romerike municipalities (seed 001) is reproduced:
/// `parts` are the four municipal records, `synthesis` the note's own summary.
///
/// # Example
/// ```
/// use samhandling::compare::{synthesis_check, KeyMode};
/// use samhandling::{Corpus, Report};
///
/// let a = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
/// let mut note = a.clone();
/// note.id = "note-2025".into();
/// let parts = Corpus::from_reports([a])?;
/// let check = synthesis_check(&parts, &note, KeyMode::Category, 1);
/// assert!(check.stated.iter().all(|s| s.recovered));
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn synthesis_check<'c>(
    parts: &'c Corpus,
    synthesis: &crate::Report,
    mode: KeyMode,
    min_reports: usize,
) -> SynthesisCheck<'c> {
    let computed = recurrence(parts, mode);
    let mut stated: BTreeMap<GapKey, StatedKey> = BTreeMap::new();
    for gap in super::current_gaps(synthesis) {
        let key = GapKey::of(synthesis, gap, mode);
        let entry = stated.entry(key.clone()).or_insert_with(|| {
            let found = computed.get(&key).cloned();
            StatedKey {
                recovered: found
                    .as_ref()
                    .is_some_and(|k| k.reports.len() >= min_reports),
                computed: found,
                key,
                gaps: Vec::new(),
                evidence: Vec::new(),
            }
        });
        entry.gaps.push(gap.id.clone());
        entry.evidence.extend(gap.evidence.iter().cloned());
    }
    let computed_only = computed
        .common_to(min_reports)
        .filter(|k| !stated.contains_key(&k.key))
        .cloned()
        .collect();
    SynthesisCheck {
        synthesis: synthesis.id.clone(),
        mode,
        min_reports,
        stated: stated.into_values().collect(),
        computed_only,
    }
}
