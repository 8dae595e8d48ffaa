//! Diff of two reports, and follow-up of a report by a later one.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::{GapKey, KeyMode, current_gaps};
use crate::model::{Evidence, FollowUp, Report, ReportId};
use crate::taxonomy::{FollowUpStatus, Severity};

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

/// What became of an earlier gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Fixed: the follow-up says so, or records a resolved gap of the same key.
    Resolved,
    /// Still there, wholly or in part.
    Persisting,
    /// The follow-up addresses it but cannot say.
    Unclear,
    /// The follow-up neither addresses it nor has a gap of the same key: not evidence that it was
    /// fixed.
    NotAddressed,
}

/// How an [`Outcome`] was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeBasis {
    /// A follow-up item of the later report names the earlier gap: the auditor said it.
    Stated,
    /// Derived: the later report has a gap of the same key (current or resolved).
    KeyMatch,
    /// Neither.
    None,
}

/// One earlier gap as the follow-up finds it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapOutcome {
    /// The earlier gap's id.
    pub gap: String,
    /// Its key.
    pub key: GapKey,
    /// Its summary.
    pub summary: String,
    /// What became of it.
    pub outcome: Outcome,
    /// How that was found.
    pub basis: OutcomeBasis,
    /// The follow-up item's status, when one names the gap.
    pub status: Option<FollowUpStatus>,
    /// The later report's gaps that match (by follow-up item or key).
    pub later_gaps: Vec<String>,
    /// The evidence for the outcome: the follow-up item's, else the matching later gaps'.
    pub evidence: Vec<Evidence>,
}

/// A recommendation or decision point of the earlier report, with its status in the follow-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemStatus {
    /// The earlier item's id.
    pub item: String,
    /// `recommendation` or `decision`.
    pub what: &'static str,
    /// Its number as printed.
    pub number: String,
    /// Its text.
    pub text: String,
    /// Its status now; `None` when no follow-up item addresses it.
    pub status: Option<FollowUpStatus>,
    /// What the follow-up says of it.
    pub summary: Option<String>,
    /// The follow-up item's evidence.
    pub evidence: Vec<Evidence>,
}

/// An earlier report as a later one follows it up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpReport {
    /// The earlier report.
    pub earlier: ReportId,
    /// The later report.
    pub later: ReportId,
    /// Every gap of the earlier report, with its outcome.
    pub gaps: Vec<GapOutcome>,
    /// Every decision point, then every recommendation, of the earlier report, with its status.
    pub items: Vec<ItemStatus>,
    /// Current gaps of the later report that neither a follow-up item nor a key links to an
    /// earlier gap.
    pub new_gaps: Vec<String>,
}

/// The earlier report's gaps, decision points and recommendations, as `later` finds them.
///
/// A follow-up item that names an earlier item decides its status (the auditor said it); for a gap
/// no item names, the later report's gaps of the same key (under `mode`) decide, and the result
/// says which basis was used.
///
/// # Example
/// ```
/// use samhandling::compare::{follow_up, KeyMode, Outcome};
/// use samhandling::Report;
///
/// let earlier = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
/// let mut later = earlier.clone();
/// later.gaps[0].severity = samhandling::taxonomy::Severity::Resolved;
/// let report = follow_up(&earlier, &later, KeyMode::CategoryAndKinds);
/// assert_eq!(report.gaps[0].outcome, Outcome::Resolved);
/// assert_eq!(report.items[0].status, None, "no follow-up item names decision sak103-3");
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn follow_up(earlier: &Report, later: &Report, mode: KeyMode) -> FollowUpReport {
    let stated = |item: &str| -> Option<&FollowUp> {
        later
            .follow_ups
            .iter()
            .find(|f| f.of.report == earlier.id && f.of.item == item)
    };
    let mut linked: BTreeSet<&str> = BTreeSet::new();
    let gaps = earlier
        .gaps
        .iter()
        .map(|g| {
            let key = GapKey::of(earlier, g, mode);
            let same_key: Vec<&crate::Gap> = later
                .gaps
                .iter()
                .filter(|l| GapKey::of(later, l, mode) == key)
                .collect();
            let (outcome, basis, status, later_gaps, evidence) = if let Some(f) = stated(&g.id) {
                let outcome = match f.status {
                    FollowUpStatus::Implemented => Outcome::Resolved,
                    FollowUpStatus::Unclear => Outcome::Unclear,
                    _ => Outcome::Persisting,
                };
                (
                    outcome,
                    OutcomeBasis::Stated,
                    Some(f.status),
                    f.gaps.clone(),
                    f.evidence.clone(),
                )
            } else if same_key.is_empty() {
                (
                    Outcome::NotAddressed,
                    OutcomeBasis::None,
                    None,
                    vec![],
                    vec![],
                )
            } else {
                let outcome = if same_key.iter().all(|l| l.severity == Severity::Resolved) {
                    Outcome::Resolved
                } else {
                    Outcome::Persisting
                };
                let ids = same_key.iter().map(|l| l.id.clone()).collect();
                let evidence = same_key.iter().flat_map(|l| l.evidence.clone()).collect();
                (outcome, OutcomeBasis::KeyMatch, None, ids, evidence)
            };
            linked.extend(same_key.iter().map(|l| l.id.as_str()));
            GapOutcome {
                gap: g.id.clone(),
                key,
                summary: g.summary.clone(),
                outcome,
                basis,
                status,
                later_gaps,
                evidence,
            }
        })
        .collect::<Vec<_>>();
    for f in &later.follow_ups {
        linked.extend(f.gaps.iter().map(String::as_str));
    }
    let item = |what, id: &str, number: &str, text: &str| {
        let f = stated(id);
        ItemStatus {
            item: id.to_string(),
            what,
            number: number.to_string(),
            text: text.to_string(),
            status: f.map(|f| f.status),
            summary: f.map(|f| f.summary.clone()),
            evidence: f.map(|f| f.evidence.clone()).unwrap_or_default(),
        }
    };
    let items = earlier
        .decisions
        .iter()
        .map(|d| item("decision", &d.id, &d.number, &d.text))
        .chain(
            earlier
                .recommendations
                .iter()
                .map(|r| item("recommendation", &r.id, &r.number, &r.text)),
        )
        .collect();
    let new_gaps = current_gaps(later)
        .filter(|g| !linked.contains(g.id.as_str()))
        .map(|g| g.id.clone())
        .collect();
    FollowUpReport {
        earlier: earlier.id.clone(),
        later: later.id.clone(),
        gaps,
        items,
        new_gaps,
    }
}
