//! Similarity of reports: Jaccard over gap keys and over kind-level relations, always with the
//! shared and the differing items.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::{GapKey, KeyMode, gap_keys};
use crate::Corpus;
use crate::error::{Error, Location, Result};
use crate::model::{Report, ReportId};
use crate::taxonomy::{Direction, ServiceKind};

/// The Jaccard index |A ∩ B| / |A ∪ B| of two sets; 1 for two empty sets (nothing differs).
///
/// A metric is a value, so that other measures can stand beside it:
/// `Jaccard.similarity(&a, &b)`, `Jaccard.compare(report_a, report_b, mode)`.
///
/// # Example
/// ```
/// use std::collections::BTreeSet;
/// use samhandling::compare::Jaccard;
///
/// let a: BTreeSet<u8> = [1, 2, 3].into();
/// let b: BTreeSet<u8> = [2, 3, 4].into();
/// assert_eq!(Jaccard.similarity(&a, &b), 0.5);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Jaccard;

/// A relation at kind level: the kinds of its two services (sorted for a mutual relation, sender
/// first for a directed one) and whether it works (functioning or strained).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RelationKey {
    /// One kind; the sender's for a directed relation.
    pub from: ServiceKind,
    /// The other kind; the receiver's for a directed relation.
    pub to: ServiceKind,
    /// Whether the relation is directed.
    pub directed: bool,
    /// Whether it counts as working collaboration.
    pub working: bool,
}

/// Two sets compared: the Jaccard index and the items behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetComparison<T> {
    /// |shared| / |shared ∪ only_a ∪ only_b|; 1 when both sets are empty.
    pub jaccard: f64,
    /// In both, sorted.
    pub shared: Vec<T>,
    /// Only in the first, sorted.
    pub only_a: Vec<T>,
    /// Only in the second, sorted.
    pub only_b: Vec<T>,
}

/// How alike two reports are, by their gap keys and by their kind-level relations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Similarity {
    /// The first report.
    pub a: ReportId,
    /// The second report.
    pub b: ReportId,
    /// Their current gap keys compared.
    pub gaps: SetComparison<GapKey>,
    /// Their kind-level relations compared.
    pub relations: SetComparison<RelationKey>,
}

/// One of a report's nearest reports, by the Jaccard index of their gap keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Neighbour {
    /// The other report.
    pub report: ReportId,
    /// The Jaccard index of the two reports' gap keys.
    pub jaccard: f64,
}

impl Jaccard {
    /// The Jaccard index of two sets.
    pub fn similarity<T: Ord>(&self, a: &BTreeSet<T>, b: &BTreeSet<T>) -> f64 {
        let shared = a.intersection(b).count();
        let union = a.len() + b.len() - shared;
        if union == 0 {
            1.0
        } else {
            shared as f64 / union as f64
        }
    }

    /// Two sets compared, with the shared and differing items.
    pub fn sets<T: Ord + Clone>(&self, a: &BTreeSet<T>, b: &BTreeSet<T>) -> SetComparison<T> {
        SetComparison {
            jaccard: self.similarity(a, b),
            shared: a.intersection(b).cloned().collect(),
            only_a: a.difference(b).cloned().collect(),
            only_b: b.difference(a).cloned().collect(),
        }
    }

    /// Two reports compared by gap keys (under `mode`) and by kind-level relations.
    ///
    /// # Example
    /// ```
    /// use samhandling::compare::{Jaccard, KeyMode};
    /// use samhandling::Report;
    ///
    /// let a = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
    /// let same = Jaccard.compare(&a, &a, KeyMode::CategoryAndKinds);
    /// assert_eq!((same.gaps.jaccard, same.relations.jaccard), (1.0, 1.0));
    /// assert!(same.gaps.only_a.is_empty() && same.gaps.only_b.is_empty());
    /// # Ok::<(), samhandling::Error>(())
    /// ```
    pub fn compare(&self, a: &Report, b: &Report, mode: KeyMode) -> Similarity {
        Similarity {
            a: a.id.clone(),
            b: b.id.clone(),
            gaps: self.sets(&gap_keys(a, mode), &gap_keys(b, mode)),
            relations: self.sets(&relation_keys(a), &relation_keys(b)),
        }
    }
}

/// The kind-level relations of a report, distinct and sorted.
pub(crate) fn relation_keys(report: &Report) -> BTreeSet<RelationKey> {
    report
        .relations
        .iter()
        .filter_map(|r| {
            let from = report.service(r.from.as_str())?.resolved_kind();
            let to = report.service(r.to.as_str())?.resolved_kind();
            let directed = r.direction == Direction::Directed;
            let (from, to) = if directed || from <= to {
                (from, to)
            } else {
                (to, from)
            };
            Some(RelationKey {
                from,
                to,
                directed,
                working: r.status.is_working(),
            })
        })
        .collect()
}

/// Every pair of reports compared, most similar (by gap keys) first.
///
/// # Complexity
/// O(n²) comparisons and results: for a summary of a few dozen reports. For large corpora use
/// [`nearest_per_report`], which keeps only the best k per report.
pub fn all_pairs(corpus: &Corpus, mode: KeyMode) -> Vec<Similarity> {
    let reports: Vec<&Report> = corpus.iter().collect();
    let mut pairs = Vec::new();
    for (i, a) in reports.iter().enumerate() {
        for b in &reports[i + 1..] {
            pairs.push(Jaccard.compare(a, b, mode));
        }
    }
    sort_by_gap_similarity(&mut pairs);
    pairs
}

pub(super) fn sort_by_gap_similarity(pairs: &mut [Similarity]) {
    pairs.sort_by(|x, y| {
        y.gaps
            .jaccard
            .total_cmp(&x.gaps.jaccard)
            .then(y.relations.jaccard.total_cmp(&x.relations.jaccard))
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
}

/// The `k` reports most similar to report `id`, by gap keys, each compared in full.
///
/// # Errors
/// [`Error::UnknownReference`] when `id` is not in the corpus.
pub fn nearest(corpus: &Corpus, id: &str, k: usize, mode: KeyMode) -> Result<Vec<Similarity>> {
    let Some(report) = corpus.get(id) else {
        return Err(Error::UnknownReference {
            at: Location::default(),
            what: "report",
            section: "the corpus",
            id: id.to_string(),
        });
    };
    let mut all: Vec<Similarity> = corpus
        .iter()
        .filter(|other| other.id != report.id)
        .map(|other| Jaccard.compare(report, other, mode))
        .collect();
    sort_by_gap_similarity(&mut all);
    all.truncate(k);
    Ok(all)
}

/// For every report, its `k` nearest reports by the Jaccard index of gap keys, best first (ties
/// by id).
///
/// # Complexity
/// O(n² · g) time for n reports of g keys each, O(n · k) memory: no n × n matrix is kept. Keys
/// are interned as integers and compared as sorted lists.
pub fn nearest_per_report(
    corpus: &Corpus,
    k: usize,
    mode: KeyMode,
) -> BTreeMap<ReportId, Vec<Neighbour>> {
    let mut ids: HashMap<GapKey, u32> = HashMap::new();
    let sets: Vec<(&ReportId, Vec<u32>)> = corpus
        .iter()
        .map(|r| {
            let mut set: Vec<u32> = gap_keys(r, mode)
                .into_iter()
                .map(|key| {
                    let next = ids.len() as u32;
                    *ids.entry(key).or_insert(next)
                })
                .collect();
            set.sort_unstable();
            (&r.id, set)
        })
        .collect();
    sets.iter()
        .enumerate()
        .map(|(i, (id, set))| {
            let mut best: Vec<(f64, usize)> = Vec::with_capacity(k + 1);
            for (j, (_, other)) in sets.iter().enumerate() {
                if i == j {
                    continue;
                }
                let score = sorted_jaccard(set, other);
                // Keep the best k, best first; among equals the lower index (ids are sorted).
                let pos = best.partition_point(|&(s, idx)| s > score || (s == score && idx < j));
                if pos < k {
                    best.insert(pos, (score, j));
                    best.truncate(k);
                }
            }
            let neighbours = best
                .into_iter()
                .map(|(jaccard, j)| Neighbour {
                    report: sets[j].0.clone(),
                    jaccard,
                })
                .collect();
            ((*id).clone(), neighbours)
        })
        .collect()
}

fn sorted_jaccard(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        1.0
    } else {
        shared as f64 / union as f64
    }
}
