//! Diff of two reports by gap keys.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{GapKey, KeyMode, current_gaps};
use crate::model::{Report, ReportId};

/// The gap keys of two reports, set against each other, with the gap ids behind each key.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// The first report.
    pub a: ReportId,
    /// The second report.
    pub b: ReportId,
    /// How gaps were keyed.
    pub mode: KeyMode,
    /// Keys only the first report has, with its gap ids.
    pub only_a: BTreeMap<GapKey, Vec<String>>,
    /// Keys only the second report has, with its gap ids.
    pub only_b: BTreeMap<GapKey, Vec<String>>,
    /// Keys both have, with the gap ids of each.
    pub both: BTreeMap<GapKey, (Vec<String>, Vec<String>)>,
}

impl Diff {
    /// True when neither report has a key the other lacks.
    pub fn is_empty(&self) -> bool {
        self.only_a.is_empty() && self.only_b.is_empty()
    }
}

/// The current gaps of `a` and `b` compared by key.
///
/// # Complexity
/// O(g log g) for g gaps of the two reports.
///
/// # Example
/// ```
/// use samhandling::compare::{diff, KeyMode};
/// use samhandling::Report;
///
/// let a = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
/// assert!(diff(&a, &a, KeyMode::CategoryAndKinds).is_empty());
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn diff(a: &Report, b: &Report, mode: KeyMode) -> Diff {
    let by_key = |r: &Report| {
        let mut map: BTreeMap<GapKey, Vec<String>> = BTreeMap::new();
        for g in current_gaps(r) {
            map.entry(GapKey::of(r, g, mode))
                .or_default()
                .push(g.id.clone());
        }
        map
    };
    let (mut in_a, mut in_b) = (by_key(a), by_key(b));
    let shared: Vec<GapKey> = in_a
        .keys()
        .filter(|k| in_b.contains_key(*k))
        .cloned()
        .collect();
    let both = shared
        .into_iter()
        .map(|k| {
            let ids = (
                in_a.remove(&k).unwrap_or_default(),
                in_b.remove(&k).unwrap_or_default(),
            );
            (k, ids)
        })
        .collect();
    Diff {
        a: a.id.clone(),
        b: b.id.clone(),
        mode,
        only_a: in_a,
        only_b: in_b,
        both,
    }
}
