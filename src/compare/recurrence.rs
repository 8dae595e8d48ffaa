//! Recurrence: which municipalities (the counting unit, see [`units`]) share each gap key.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::counting::{Counting, Units, units};
use super::{GapKey, KeyMode, key_list};
use crate::Corpus;
use crate::model::ReportId;

/// For each gap key, the municipalities (or other units) that have it, each counted once. Seed
/// 001's "gjennomgående utfordringer" (challenges common to all four municipalities) is this,
/// done by hand.
///
/// Like [`GapMatrix`](super::GapMatrix), it borrows ids from the corpus (`'c`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recurrence<'c> {
    /// How gaps were keyed.
    pub mode: KeyMode,
    /// Which records were counted for each unit.
    pub counting: Counting,
    /// What is counted, as a plural noun: `municipalities` (see [`Units::noun`]).
    pub unit: String,
    /// The number of units: the denominator of every share.
    pub n_units: usize,
    /// The number of records counted (one per unit under [`Counting::Latest`]).
    pub n_reports: usize,
    /// The records not counted, with the reason.
    pub left_out: Vec<super::LeftOut<'c>>,
    /// One entry per key, most widely shared first, then by key.
    pub keys: Vec<KeyRecurrence<'c>>,
}

/// The units that have one gap key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyRecurrence<'c> {
    /// The gap key.
    pub key: GapKey,
    /// The units with a current gap of this key, by name, ordered as in [`Units`].
    pub units: Vec<String>,
    /// The counted records with a current gap of this key, by id.
    pub reports: Vec<&'c ReportId>,
    /// The municipalities those records cover, sorted and distinct (for a district, its city).
    pub municipalities: Vec<&'c str>,
    /// `units.len() / n_units`, in [0, 1].
    pub share: f64,
}

impl<'c> Recurrence<'c> {
    /// The keys that at least `min_units` units share (all of them: `n_units`).
    pub fn common_to(&self, min_units: usize) -> impl Iterator<Item = &KeyRecurrence<'c>> {
        self.keys
            .iter()
            .filter(move |k| k.units.len() >= min_units.max(1))
    }

    /// The keys only one unit has.
    pub fn unique(&self) -> impl Iterator<Item = &KeyRecurrence<'c>> {
        self.keys.iter().filter(|k| k.units.len() == 1)
    }

    /// The entry of `key`, if some unit has it.
    pub fn get(&self, key: &GapKey) -> Option<&KeyRecurrence<'c>> {
        self.keys.iter().find(|k| &k.key == key)
    }

    /// How many units have `key`, in words: `in 6 of 8 municipalities`.
    pub fn in_words(&self, key: &KeyRecurrence<'_>) -> String {
        format!("in {} of {} {}", key.units.len(), self.n_units, self.unit)
    }
}

/// Which municipalities of `corpus` share each gap key, each municipality counted once by its
/// latest primary report ([`Counting::Latest`]); see [`recurrence_by`] for the other options.
///
/// # Arguments
/// - `corpus`: the reports (any selection, via [`Corpus::select`]).
/// - `mode`: key by category alone or by category plus the kinds involved.
///
/// # Returns
/// A [`Recurrence`], keys ordered by the number of units (most first), then by key.
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
/// let common: Vec<_> = rec.common_to(rec.n_units).collect();
/// assert_eq!(common.len(), 1);
/// assert_eq!(common[0].municipalities, ["Eidsvoll", "Nes"]);
/// assert_eq!(rec.in_words(common[0]), "in 2 of 2 municipalities");
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn recurrence(corpus: &Corpus, mode: KeyMode) -> Recurrence<'_> {
    recurrence_by(corpus, mode, Counting::Latest)
}

/// [`recurrence`] with the records of each unit chosen by `counting`.
pub fn recurrence_by(corpus: &Corpus, mode: KeyMode, counting: Counting) -> Recurrence<'_> {
    recurrence_of(corpus, mode, &units(corpus, counting))
}

/// The recurrence over units already chosen.
pub(super) fn recurrence_of<'c>(
    corpus: &'c Corpus,
    mode: KeyMode,
    counted: &Units<'c>,
) -> Recurrence<'c> {
    use rayon::prelude::*;
    let ids = counted.reports();
    let per_report: BTreeMap<&ReportId, (&crate::Report, Vec<GapKey>)> = ids
        .par_iter()
        .filter_map(|id| {
            let r = corpus.get(id.as_str())?;
            Some((&r.id, (r, key_list(r, mode))))
        })
        .collect();
    // key -> (unit indices, report ids)
    let mut holders: BTreeMap<&GapKey, (BTreeSet<usize>, BTreeSet<&ReportId>)> = BTreeMap::new();
    for (u, unit) in counted.units.iter().enumerate() {
        for id in &unit.reports {
            if let Some((_, keys)) = per_report.get(id) {
                for key in keys {
                    let entry = holders.entry(key).or_default();
                    entry.0.insert(u);
                    entry.1.insert(id);
                }
            }
        }
    }
    let n_units = counted.len();
    let mut keys: Vec<KeyRecurrence> = holders
        .into_iter()
        .map(|(key, (us, reports))| {
            let municipalities: BTreeSet<&str> = reports
                .iter()
                .filter_map(|id| per_report.get(id))
                .flat_map(|(r, _)| r.municipalities.iter().map(String::as_str))
                .collect();
            KeyRecurrence {
                share: us.len() as f64 / n_units.max(1) as f64,
                key: key.clone(),
                units: us
                    .iter()
                    .map(|&u| counted.units[u].unit.name.clone())
                    .collect(),
                reports: reports
                    .iter()
                    .filter_map(|id| per_report.get(id).map(|(r, _)| &r.id))
                    .collect(),
                municipalities: municipalities.into_iter().collect(),
            }
        })
        .collect();
    keys.sort_by(|a, b| b.units.len().cmp(&a.units.len()).then(a.key.cmp(&b.key)));
    Recurrence {
        mode,
        counting: counted.counting,
        unit: counted.noun(),
        n_units,
        n_reports: ids.len(),
        left_out: counted.left_out.clone(),
        keys,
    }
}
