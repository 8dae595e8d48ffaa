//! Recurrence: which reports and municipalities share each gap key.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{GapKey, KeyMode, gap_keys};
use crate::Corpus;
use crate::model::ReportId;

/// For each gap key, the reports and municipalities that have it. Seed 001's "gjennomgående
/// utfordringer" (challenges common to all four municipalities) is this, done by hand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recurrence {
    /// How gaps were keyed.
    pub mode: KeyMode,
    /// The number of reports in the selection.
    pub n_reports: usize,
    /// One entry per key, most widely shared first, then by key.
    pub keys: Vec<KeyRecurrence>,
}

/// The reports that have one gap key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyRecurrence {
    /// The gap key.
    pub key: GapKey,
    /// The reports with a current gap of this key, by id.
    pub reports: Vec<ReportId>,
    /// The municipalities those reports cover, sorted and distinct.
    pub municipalities: Vec<String>,
    /// `reports.len() / n_reports`, in [0, 1].
    pub share: f64,
}

impl Recurrence {
    /// The keys that at least `min_reports` reports share (all of them: `n_reports`).
    pub fn common_to(&self, min_reports: usize) -> impl Iterator<Item = &KeyRecurrence> {
        self.keys
            .iter()
            .filter(move |k| k.reports.len() >= min_reports.max(1))
    }

    /// The keys only one report has.
    pub fn unique(&self) -> impl Iterator<Item = &KeyRecurrence> {
        self.keys.iter().filter(|k| k.reports.len() == 1)
    }

    /// The entry of `key`, if some report has it.
    pub fn get(&self, key: &GapKey) -> Option<&KeyRecurrence> {
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
/// let rec = recurrence(&Corpus::from_reports([a, b])?, KeyMode::Category);
/// let common: Vec<_> = rec.common_to(rec.n_reports).collect();
/// assert_eq!(common.len(), 1);
/// assert_eq!(common[0].municipalities, ["Eidsvoll", "Nes"]);
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn recurrence(corpus: &Corpus, mode: KeyMode) -> Recurrence {
    use rayon::prelude::*;
    let reports: Vec<&crate::Report> = corpus.iter().collect();
    let keys: Vec<BTreeSet<GapKey>> = reports.par_iter().map(|r| gap_keys(r, mode)).collect();
    let mut by_key: BTreeMap<GapKey, (Vec<&ReportId>, BTreeSet<&str>)> = BTreeMap::new();
    for (report, keys) in reports.iter().zip(keys) {
        for key in keys {
            let (ids, municipalities) = by_key.entry(key).or_default();
            ids.push(&report.id);
            municipalities.extend(report.municipalities.iter().map(String::as_str));
        }
    }
    let n_reports = corpus.len();
    let mut keys: Vec<KeyRecurrence> = by_key
        .into_iter()
        .map(|(key, (ids, municipalities))| KeyRecurrence {
            share: ids.len() as f64 / n_reports as f64,
            key,
            reports: ids.into_iter().cloned().collect(),
            municipalities: municipalities.into_iter().map(str::to_string).collect(),
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
pub struct SynthesisCheck {
    /// The synthesis report.
    pub synthesis: ReportId,
    /// How gaps were keyed.
    pub mode: KeyMode,
    /// The least number of reports a computed key needed to count as common.
    pub min_reports: usize,
    /// Each key the synthesis states, with what the computation says of it.
    pub stated: Vec<StatedKey>,
    /// Keys common to at least `min_reports` reports that the synthesis does not state.
    pub computed_only: Vec<KeyRecurrence>,
}

/// One key the synthesis states as common, and whether the computation recovers it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatedKey {
    /// The key.
    pub key: GapKey,
    /// The synthesis's gaps with this key.
    pub gaps: Vec<String>,
    /// Where the synthesis states them.
    pub evidence: Vec<crate::Evidence>,
    /// The computed recurrence of the key, if any report has it.
    pub computed: Option<KeyRecurrence>,
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
/// let check = synthesis_check(&Corpus::from_reports([a])?, &note, KeyMode::Category, 1);
/// assert!(check.stated.iter().all(|s| s.recovered));
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn synthesis_check(
    parts: &Corpus,
    synthesis: &crate::Report,
    mode: KeyMode,
    min_reports: usize,
) -> SynthesisCheck {
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
