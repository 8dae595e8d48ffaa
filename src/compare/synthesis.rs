//! A synthesis (a comparison note's "common challenges") set against what is computed from the
//! records of the reports it summarises: claim by claim, supported, partly supported or not
//! supported, by which municipalities and which lines; and what is common but not claimed.
//!
//! The rule is documented on [`synthesis_check`], where the rendered documentation shows it.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::counting::{Counting, units};
use super::recurrence::recurrence_of;
use super::{GapKey, KeyMode, KeyRecurrence, current_gaps};
use crate::Corpus;
use crate::model::{Evidence, Report, ReportId};

/// How far the computation supports a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Support {
    /// At least `min_units` municipalities have the key.
    Supported,
    /// Some have it, fewer than `min_units`.
    Partly,
    /// None has it.
    NotSupported,
}

impl Support {
    /// The support in words: `supported`, `partly supported`, `not supported`.
    pub fn words(self) -> &'static str {
        match self {
            Support::Supported => "supported",
            Support::Partly => "partly supported",
            Support::NotSupported => "not supported",
        }
    }
}

/// One municipality's gaps behind a computed key, with the lines they cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holder {
    /// The municipality (unit).
    pub unit: String,
    /// Its record.
    pub report: ReportId,
    /// Its gaps with the key, by id.
    pub gaps: Vec<String>,
    /// The lines they cite, as `source:line`, sorted.
    pub lines: Vec<String>,
}

/// A part's gap that cites a line the claim cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Circular {
    /// The part's record.
    pub report: ReportId,
    /// Its gap.
    pub gap: String,
    /// The line both cite, as `source:line`.
    pub line: String,
}

/// A hand-made synthesis set against the recurrence computed from the reports it summarises.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SynthesisCheck<'c> {
    /// The synthesis report.
    pub synthesis: ReportId,
    /// How gaps were keyed.
    pub mode: KeyMode,
    /// The least number of municipalities a computed key needed to count as common.
    pub min_reports: usize,
    /// The number of municipalities of the parts.
    pub n_units: usize,
    /// What is counted: `municipalities`.
    pub unit: String,
    /// Each key the synthesis claims, with what the computation says of it.
    pub stated: Vec<StatedKey<'c>>,
    /// Keys common to at least `min_reports` municipalities that the synthesis does not claim.
    pub computed_only: Vec<KeyRecurrence<'c>>,
    /// The municipalities and lines behind each of `computed_only`, in the same order.
    pub computed_only_holders: Vec<Vec<Holder>>,
}

/// One key the synthesis claims as common, and whether the computation recovers it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatedKey<'c> {
    /// The key.
    pub key: GapKey,
    /// The synthesis's gaps with this key.
    pub gaps: Vec<String>,
    /// Where the synthesis states them.
    pub evidence: Vec<Evidence>,
    /// The computed recurrence of the key, if any municipality has it.
    pub computed: Option<KeyRecurrence<'c>>,
    /// True when at least `min_reports` municipalities have the key.
    pub recovered: bool,
    /// Supported, partly or not (see the module docs).
    pub support: Support,
    /// The municipalities with the key, their gaps and the lines those cite.
    pub holders: Vec<Holder>,
    /// The parts' gaps that cite a line this claim cites.
    pub circular: Vec<Circular>,
}

fn at(e: &Evidence) -> String {
    format!("{}:{}", e.source, e.line)
}

/// The holders of `key` among `parts`, by municipality.
fn holders(parts: &Corpus, key: &GapKey, mode: KeyMode) -> Vec<Holder> {
    let counted = units(parts, Counting::Latest);
    let mut out = Vec::new();
    for u in &counted.units {
        for id in &u.reports {
            let Some(r) = parts.get(id.as_str()) else {
                continue;
            };
            let gaps: Vec<&crate::Gap> = current_gaps(r)
                .filter(|g| GapKey::of(r, g, mode) == *key)
                .collect();
            if gaps.is_empty() {
                continue;
            }
            let lines: BTreeSet<String> = gaps
                .iter()
                .flat_map(|g| g.evidence.iter().map(at))
                .collect();
            out.push(Holder {
                unit: u.unit.name.clone(),
                report: r.id.clone(),
                gaps: gaps.iter().map(|g| g.id.clone()).collect(),
                lines: lines.into_iter().collect(),
            });
        }
    }
    out
}

/// Sets the claims of `synthesis` against the keys that at least `min_reports` of the
/// municipalities of `parts` share (see the [`synthesis_check`] for the rule).
///
/// This is how the 2015 comparison note of four Romerike municipalities (seed 001) is reproduced:
/// `parts` are the four municipal records, `synthesis` the note's own record.
///
/// # The rule
/// - **Claims** are the synthesis's current gaps that its own assessment states
///   ([`Gap::is_assessed`](crate::Gap::is_assessed)): its summary, chapter conclusions and common
///   recommendations. Its unattributed findings (`stated_in: findings`) are not claims.
/// - A claim is **supported** when at least `min_units` of the parts' municipalities have a
///   current gap of its key; **partly** when at least one has it, or (keyed by category and
///   kinds) when `min_units` have a gap of its category with other services; **not supported**
///   otherwise.
/// - **Circular evidence**: a part's gap citing a line the claim cites is listed with the claim;
///   support resting on it is the synthesis's sentence copied, not a finding reproduced.
///
/// # Example
/// ```
/// use samhandling::compare::{synthesis_check, KeyMode, Support};
/// use samhandling::{Corpus, Report};
///
/// let a = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
/// let mut note = a.clone();
/// note.id = "note-2025".into();
/// let parts = Corpus::from_reports([a])?;
/// let check = synthesis_check(&parts, &note, KeyMode::Category, 1);
/// assert!(check.stated.iter().all(|s| s.recovered && s.support == Support::Supported));
/// assert!(!check.stated[0].circular.is_empty(), "the same line, copied");
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn synthesis_check<'c>(
    parts: &'c Corpus,
    synthesis: &Report,
    mode: KeyMode,
    min_reports: usize,
) -> SynthesisCheck<'c> {
    let counted = units(parts, Counting::Latest);
    let computed = recurrence_of(parts, mode, &counted);
    let mut stated: BTreeMap<GapKey, StatedKey> = BTreeMap::new();
    for gap in current_gaps(synthesis).filter(|g| g.is_assessed()) {
        let key = GapKey::of(synthesis, gap, mode);
        let entry = stated.entry(key.clone()).or_insert_with(|| {
            let found = computed.get(&key).cloned();
            let n = found.as_ref().map_or(0, |k| k.units.len());
            let support = if n >= min_reports.max(1) {
                Support::Supported
            } else if n > 0 {
                Support::Partly
            } else {
                Support::NotSupported
            };
            let holders = holders(parts, &key, mode);
            StatedKey {
                recovered: support == Support::Supported,
                computed: found,
                support,
                holders,
                key,
                gaps: Vec::new(),
                evidence: Vec::new(),
                circular: Vec::new(),
            }
        });
        entry.gaps.push(gap.id.clone());
        entry.evidence.extend(gap.evidence.iter().cloned());
    }
    // Circular evidence: a part's gap citing a line a claim cites.
    for s in stated.values_mut() {
        let lines: BTreeSet<(&str, usize)> = s
            .evidence
            .iter()
            .map(|e| (e.source.as_str(), e.line))
            .collect();
        for r in parts {
            for g in &r.gaps {
                for e in &g.evidence {
                    if lines.contains(&(e.source.as_str(), e.line)) {
                        s.circular.push(Circular {
                            report: r.id.clone(),
                            gap: g.id.clone(),
                            line: at(e),
                        });
                    }
                }
            }
        }
    }
    let computed_only: Vec<KeyRecurrence> = computed
        .common_to(min_reports)
        .filter(|k| !stated.contains_key(&k.key))
        .cloned()
        .collect();
    let computed_only_holders = computed_only
        .iter()
        .map(|k| holders(parts, &k.key, mode))
        .collect();
    SynthesisCheck {
        synthesis: synthesis.id.clone(),
        mode,
        min_reports,
        n_units: counted.len(),
        unit: counted.noun(),
        stated: stated.into_values().collect(),
        computed_only,
        computed_only_holders,
    }
}
