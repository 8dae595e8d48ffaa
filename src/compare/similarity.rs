//! Similarity of reports: Jaccard over gap keys and over kind-level relations, always with the
//! shared and the differing items.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::{GapKey, KeyMode, gap_keys};
use crate::Corpus;
use crate::error::Result;
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
    // Each report's key sets once, not once per pair: what `Jaccard::compare` does, n times
    // fewer.
    let reports: Vec<(&Report, BTreeSet<GapKey>, BTreeSet<RelationKey>)> = corpus
        .iter()
        .map(|r| (r, gap_keys(r, mode), relation_keys(r)))
        .collect();
    let mut pairs = Vec::with_capacity(reports.len() * reports.len().saturating_sub(1) / 2);
    for (i, (a, a_gaps, a_relations)) in reports.iter().enumerate() {
        for (b, b_gaps, b_relations) in &reports[i + 1..] {
            pairs.push(Similarity {
                a: a.id.clone(),
                b: b.id.clone(),
                gaps: Jaccard.sets(a_gaps, b_gaps),
                relations: Jaccard.sets(a_relations, b_relations),
            });
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
/// [`Error::UnknownReport`](crate::Error::UnknownReport) when `id` is not in the corpus.
pub fn nearest(corpus: &Corpus, id: &str, k: usize, mode: KeyMode) -> Result<Vec<Similarity>> {
    let report = corpus.report(id)?;
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
/// O(n² · g) time for n reports of g keys each, spread over all cores, and O(n · k) memory: no
/// n × n matrix is kept. Keys are interned as integers and compared as bit masks (up to 128
/// distinct keys) or as sorted lists.
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
    // With at most 128 distinct keys (always so by category alone) a set is a bit mask;
    // otherwise an inverted index scores only the pairs that share a key.
    if ids.len() <= 128 {
        nearest_by_masks(&sets, k)
    } else {
        nearest_by_postings(&sets, ids.len(), k)
    }
}

/// Offers `(score, j)` to a best-first list of at most `k`; among equal scores the lower index
/// comes first.
fn offer(best: &mut Vec<(f64, usize)>, k: usize, score: f64, j: usize) {
    let pos = best.partition_point(|&(b, idx)| b > score || (b == score && idx < j));
    if pos < k {
        best.insert(pos, (score, j));
        best.truncate(k);
    }
}

fn neighbours(sets: &[(&ReportId, Vec<u32>)], best: Vec<(f64, usize)>) -> Vec<Neighbour> {
    best.into_iter()
        .map(|(jaccard, j)| Neighbour {
            report: sets[j].0.clone(),
            jaccard,
        })
        .collect()
}

/// The k nearest of every set, comparing bit masks of at most 128 keys.
fn nearest_by_masks(
    sets: &[(&ReportId, Vec<u32>)],
    k: usize,
) -> BTreeMap<ReportId, Vec<Neighbour>> {
    use rayon::prelude::*;
    let masks: Vec<u128> = sets
        .iter()
        .map(|(_, set)| set.iter().fold(0u128, |m, &i| m | (1u128 << i)))
        .collect();
    (0..sets.len())
        .into_par_iter()
        .map(|i| {
            let mut best: Vec<(f64, usize)> = Vec::with_capacity(k + 1);
            for (j, &mask) in masks.iter().enumerate() {
                if i == j {
                    continue;
                }
                let union = (masks[i] | mask).count_ones();
                let score = if union == 0 {
                    1.0
                } else {
                    (masks[i] & mask).count_ones() as f64 / union as f64
                };
                if best.len() == k && best.last().is_some_and(|&(worst, _)| score <= worst) {
                    continue;
                }
                offer(&mut best, k, score, j);
            }
            (sets[i].0.clone(), neighbours(sets, best))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

/// The k nearest of every set by an inverted index: only pairs that share a key are scored, and
/// reports sharing nothing fill the list (Jaccard 0, lowest index first) when fewer than k share.
fn nearest_by_postings(
    sets: &[(&ReportId, Vec<u32>)],
    n_keys: usize,
    k: usize,
) -> BTreeMap<ReportId, Vec<Neighbour>> {
    use rayon::prelude::*;
    let n = sets.len();
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); n_keys];
    for (j, (_, set)) in sets.iter().enumerate() {
        for &key in set {
            postings[key as usize].push(j as u32);
        }
    }
    (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0u32; n], Vec::new()),
            |(shared, touched), i| {
                let set = &sets[i].1;
                for &key in set {
                    for &j in &postings[key as usize] {
                        let j = j as usize;
                        if shared[j] == 0 {
                            touched.push(j);
                        }
                        shared[j] += 1;
                    }
                }
                let mut best: Vec<(f64, usize)> = Vec::with_capacity(k + 1);
                for &j in touched.iter() {
                    if j != i {
                        let inter = shared[j] as usize;
                        let union = set.len() + sets[j].1.len() - inter;
                        offer(&mut best, k, inter as f64 / union as f64, j);
                    }
                }
                // Reports that share no key score 0, or 1 when both sets are empty.
                for j in 0..n {
                    if best.len() == k && best[k - 1].0 > 0.0 {
                        break;
                    }
                    if j != i && shared[j] == 0 {
                        let s = if set.is_empty() && sets[j].1.is_empty() {
                            1.0
                        } else {
                            0.0
                        };
                        offer(&mut best, k, s, j);
                    }
                }
                for &j in touched.iter() {
                    shared[j] = 0;
                }
                touched.clear();
                (sets[i].0.clone(), neighbours(sets, best))
            },
        )
        .collect::<Vec<_>>()
        .into_iter()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both strategies agree with scoring every pair, on sets with many keys.
    #[test]
    fn masks_and_postings_agree_with_brute_force() {
        let ids: Vec<ReportId> = (0..40).map(|i| ReportId(format!("r{i:02}"))).collect();
        let mut state = 7u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as u32
        };
        let sets: Vec<(&ReportId, Vec<u32>)> = ids
            .iter()
            .map(|id| {
                let mut set: Vec<u32> = (0..next() % 12).map(|_| next() % 100).collect();
                set.sort_unstable();
                set.dedup();
                (id, set)
            })
            .collect();
        let jaccard = |a: &[u32], b: &[u32]| {
            let inter = a.iter().filter(|x| b.contains(x)).count();
            let union = a.len() + b.len() - inter;
            if union == 0 {
                1.0
            } else {
                inter as f64 / union as f64
            }
        };
        let k = 5;
        let by_postings = nearest_by_postings(&sets, 100, k);
        let by_masks = nearest_by_masks(&sets, k);
        for (i, (id, set)) in sets.iter().enumerate() {
            let mut all: Vec<(f64, usize)> = Vec::new();
            for (j, (_, other)) in sets.iter().enumerate() {
                if i != j {
                    offer(&mut all, sets.len(), jaccard(set, other), j);
                }
            }
            all.truncate(k);
            let expected = neighbours(&sets, all);
            assert_eq!(by_postings[*id], expected, "postings, {id}");
            assert_eq!(by_masks[*id], expected, "masks, {id}");
        }
    }
}
