//! The view model: the library's results turned into plain structs that the page template
//! renders, with every number's drill-down items collected in one list ([`Items`]) that the page
//! embeds as JSON.
//!
//! This module (with [`detail`](super::detail) for each report's own section) is the one place
//! that calls the analyses ([`gap_matrix`], [`follow_up`], [`Jaccard`]; `graph::structure` and
//! `reference::check` in `detail`) and decides what the page counts. When those
//! analyses change their counting unit or their findings, this is the module to adapt.

use std::collections::{BTreeMap, BTreeSet};

use super::Options;
use super::detail::{self, ReportDetail};
use super::items::{Items, join};
use crate::Corpus;
use crate::compare::{
    GapKey, Jaccard, KeyMode, MatrixRow, Outcome, OutcomeBasis, current_gaps, follow_up, gap_keys,
    gap_matrix,
};
use crate::evidence::Sources;
use crate::model::Report;
use crate::taxonomy::{FollowUpStatus, Genre, Scope, Severity, Vocabulary};

/// Everything the page shows.
#[derive(Debug, Clone)]
pub(super) struct Page {
    pub(super) title: String,
    /// One sentence: how many reports, documents and municipalities.
    pub(super) scope: String,
    /// How municipalities are counted, in words.
    pub(super) counting_rule: String,
    pub(super) reports: Vec<ReportRow>,
    pub(super) columns: Vec<Column>,
    pub(super) by_municipality: Heatmap,
    pub(super) by_report: Heatmap,
    pub(super) recurring: Vec<Recurring>,
    pub(super) n_municipalities: usize,
    pub(super) neighbours: Vec<Neighbours>,
    pub(super) followups: Vec<FollowUpView>,
    pub(super) details: Vec<ReportDetail>,
    /// Reports without a detail section (beyond [`Options::max_details`]).
    pub(super) details_left_out: usize,
    pub(super) max_details: usize,
    /// The drill-down data, as JSON safe to embed in a `<script>` element.
    pub(super) data_json: String,
}

/// A row of the "corpus at a glance" table.
#[derive(Debug, Clone)]
pub(super) struct ReportRow {
    pub(super) id: String,
    pub(super) anchor: Option<String>,
    pub(super) title: String,
    pub(super) municipalities: String,
    pub(super) year: String,
    pub(super) genre: String,
    pub(super) provenance: String,
    /// The municipalities this report is counted for ("—" when none).
    pub(super) counted_for: String,
    pub(super) services: usize,
    pub(super) relations: usize,
    pub(super) gaps: usize,
    pub(super) resolved: usize,
    pub(super) recommendations: usize,
    pub(super) items: String,
}

/// A heatmap column: one gap category, with its codebook labels.
#[derive(Debug, Clone)]
pub(super) struct Column {
    pub(super) word: &'static str,
    pub(super) norwegian: &'static str,
    pub(super) english: &'static str,
}

/// A heatmap: rows (municipalities or reports) × the page's columns.
#[derive(Debug, Clone)]
pub(super) struct Heatmap {
    /// The counting unit, plural: `municipalities`, `reports`.
    pub(super) unit: &'static str,
    pub(super) rows: Vec<HeatRow>,
}

/// One row of a heatmap.
#[derive(Debug, Clone)]
pub(super) struct HeatRow {
    pub(super) label: String,
    /// What the row stands on: the report counted for a municipality, the municipalities of a
    /// report.
    pub(super) sub: String,
    pub(super) report: String,
    pub(super) cells: Vec<Option<HeatCell>>,
}

/// A non-empty heatmap cell.
#[derive(Debug, Clone)]
pub(super) struct HeatCell {
    pub(super) count: usize,
    pub(super) highest: Severity,
    /// The drill-down items: exactly the gaps the matrix counts in this cell.
    pub(super) items: String,
}

/// A gap category that several municipalities share.
#[derive(Debug, Clone)]
pub(super) struct Recurring {
    pub(super) column: Column,
    pub(super) municipalities: Vec<(String, String)>,
}

/// A municipality's nearest others, by the Jaccard index of their gap categories.
#[derive(Debug, Clone)]
pub(super) struct Neighbours {
    pub(super) municipality: String,
    pub(super) report: String,
    pub(super) nearest: Vec<Neighbour>,
}

/// One of a municipality's nearest others.
#[derive(Debug, Clone)]
pub(super) struct Neighbour {
    pub(super) municipality: String,
    pub(super) report: String,
    pub(super) jaccard: f64,
    pub(super) shared: Vec<&'static str>,
    pub(super) only_here: Vec<&'static str>,
    pub(super) only_there: Vec<&'static str>,
    /// Set when the two records share their source passages, so that their likeness may be the
    /// encoding's, not the municipalities'.
    pub(super) caveat: Option<String>,
}

/// A report and its follow-up.
#[derive(Debug, Clone)]
pub(super) struct FollowUpView {
    pub(super) earlier: String,
    pub(super) later: String,
    pub(super) rows: Vec<FollowUpRow>,
    pub(super) new_gaps: usize,
    pub(super) new_gap_items: String,
}

/// One decision point, recommendation or gap of the earlier report, as the later one treats it.
#[derive(Debug, Clone)]
pub(super) struct FollowUpRow {
    pub(super) what: String,
    pub(super) text: String,
    /// The status the later report states, or "no verdict stated".
    pub(super) status: String,
    pub(super) stated: bool,
    /// How the status was found: stated by the later report, or the crate's inference.
    pub(super) basis: String,
    pub(super) items: String,
}

/// The id of a report's section in the page.
pub(super) fn anchor(id: &str) -> String {
    format!("report-{id}")
}

/// Which report counts for each municipality: the counting unit of the heatmap, recurrence and
/// similarity. See [`COUNTING_RULE`].
fn counted(corpus: &Corpus) -> BTreeMap<String, &Report> {
    let mut best: BTreeMap<String, &Report> = BTreeMap::new();
    let rank = |r: &Report| (r.is_primary(), r.year, r.id.clone());
    for report in corpus.iter().filter(|r| counts_for_municipality(r)) {
        for m in &report.municipalities {
            if best.get(m).is_none_or(|b| rank(report) > rank(b)) {
                best.insert(m.clone(), report);
            }
        }
    }
    best
}

/// Whether a report may stand for a municipality: not a comparison note (it summarises other
/// reports), and about municipalities or city districts, not a region or the country.
fn counts_for_municipality(r: &Report) -> bool {
    r.genre != Genre::Sammenligningsnotat && matches!(r.scope, Scope::Municipal | Scope::District)
}

/// The counting rule, as the page states it.
const COUNTING_RULE: &str = "Each municipality is counted once, by its latest primary report; a \
record derived from another document (such as a comparison note's account of one municipality) \
counts only where the municipality has no primary report. A comparison note is never counted \
beside the reports it summarises, and regional or national reports are not counted as a \
municipality's report. The switch shows every report instead.";

/// The year, or `year not stated`.
pub(super) fn year(r: &Report) -> String {
    r.year
        .map_or("year not stated".to_string(), |y| y.to_string())
}

/// The municipalities (and districts) a report covers, or its scope when it names none.
pub(super) fn place(r: &Report) -> String {
    let mut names = r.municipalities.clone();
    names.extend(r.districts.iter().cloned());
    if names.is_empty() {
        r.scope.english().to_string()
    } else {
        names.join(", ")
    }
}

/// Where a record's content comes from, in words.
fn provenance(r: &Report) -> String {
    let mut parts = Vec::new();
    match &r.derived_from {
        Some(d) => parts.push(format!("derived from {d}")),
        None => parts.push("primary".to_string()),
    }
    if r.genre == Genre::Sammenligningsnotat {
        parts.push("comparison note (synthesis)".to_string());
    }
    if let Some(e) = &r.follows_up {
        parts.push(format!("follow-up of {e}"));
    }
    if r.scope != Scope::Municipal {
        parts.push(format!("{} scope", r.scope.english()));
    }
    if r.closed.is_some() {
        parts.push("case closed".to_string());
    }
    if r.draft.is_some() {
        parts.push("machine-made draft, not reviewed".to_string());
    }
    parts.join("; ")
}

/// Builds the page's view model.
pub(super) fn build<'c>(corpus: &'c Corpus, sources: &'c Sources, options: &Options) -> Page {
    use rayon::prelude::*;
    let mut items = Items::new(sources, options.context_lines);
    let matrix = gap_matrix(corpus, KeyMode::Category);
    let columns: Vec<Column> = matrix
        .columns
        .iter()
        .map(|k| Column {
            word: k.category.word(),
            norwegian: k.category.norwegian(),
            english: k.category.english(),
        })
        .collect();
    let counted = counted(corpus);
    let mut counted_for: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (m, r) in &counted {
        counted_for
            .entry(r.id.as_str())
            .or_default()
            .push(m.as_str());
    }

    // The report heatmap: the matrix as computed; the municipality heatmap: each municipality's
    // counted report's row.
    let rows_by_report: BTreeMap<&str, &MatrixRow> =
        matrix.rows.iter().map(|r| (r.report.as_str(), r)).collect();
    let mut heat_row = |label: String, sub: String, report: &'c Report| -> HeatRow {
        let row = rows_by_report.get(report.id.as_str());
        let cells = matrix
            .columns
            .iter()
            .map(|key| {
                let cell = row?.cells.get(key)?;
                let ids: Vec<usize> = cell
                    .gaps
                    .iter()
                    .filter_map(|g| items.gap(report, g))
                    .collect();
                Some(HeatCell {
                    count: cell.count,
                    highest: cell.highest,
                    items: join(ids),
                })
            })
            .collect();
        HeatRow {
            label,
            sub,
            report: report.id.to_string(),
            cells,
        }
    };
    let by_municipality = Heatmap {
        unit: "municipalities",
        rows: counted
            .iter()
            .map(|(m, r)| heat_row(m.clone(), r.id.to_string(), r))
            .collect(),
    };
    let by_report = Heatmap {
        unit: "reports",
        rows: corpus
            .iter()
            .map(|r| heat_row(r.id.to_string(), place(r), r))
            .collect(),
    };

    // Recurrence, by municipality: a column's non-empty cells in the municipality heatmap.
    let mut recurring: Vec<Recurring> = columns
        .iter()
        .enumerate()
        .map(|(c, column)| Recurring {
            column: column.clone(),
            municipalities: by_municipality
                .rows
                .iter()
                .filter_map(|row| Some((row.label.clone(), row.cells[c].as_ref()?.items.clone())))
                .collect(),
        })
        .filter(|r| r.municipalities.len() >= 2)
        .collect();
    recurring.sort_by(|a, b| {
        b.municipalities
            .len()
            .cmp(&a.municipalities.len())
            .then(a.column.word.cmp(b.column.word))
    });

    let neighbours = neighbours(&counted, options.nearest);
    let followups = followups(corpus, &mut items);

    // Laying out the pictures is the costly part: done on all cores first.
    let detailed: Vec<&Report> = corpus.iter().take(options.max_details).collect();
    let layouts: Vec<_> = detailed.par_iter().map(|r| detail::layout(r)).collect();
    let details: Vec<ReportDetail> = detailed
        .iter()
        .zip(layouts)
        .map(|(r, placed)| detail::detail(r, &mut items, placed))
        .collect();
    let details_left_out = corpus.len() - details.len();
    let detailed: BTreeSet<String> = details.iter().map(|d| d.id.clone()).collect();

    let reports = corpus
        .iter()
        .map(|r| {
            let provenance = provenance(r);
            let item = items.report_item(r);
            ReportRow {
                id: r.id.to_string(),
                anchor: detailed
                    .contains(r.id.as_str())
                    .then(|| anchor(r.id.as_str())),
                title: r.title_or_unstated().to_string(),
                municipalities: place(r),
                year: year(r),
                genre: r.genre.english().to_string(),
                provenance,
                counted_for: counted_for
                    .get(r.id.as_str())
                    .map_or("—".to_string(), |m| m.join(", ")),
                services: r.services.len(),
                relations: r.relations.len(),
                gaps: current_gaps(r).count(),
                resolved: r.gaps.len() - current_gaps(r).count(),
                recommendations: r.recommendations.len(),
                items: item.to_string(),
            }
        })
        .collect();

    let documents: BTreeSet<&str> = corpus
        .iter()
        .flat_map(|r| r.evidence.iter().map(|e| e.source.as_str()))
        .collect();
    let scope = format!(
        "{} {} citing {} source {}, covering {} {}.",
        corpus.len(),
        plural(corpus.len(), "report", "reports"),
        documents.len(),
        plural(documents.len(), "document", "documents"),
        counted.len(),
        plural(counted.len(), "municipality", "municipalities"),
    );

    Page {
        title: options.title.clone(),
        scope,
        counting_rule: COUNTING_RULE.to_string(),
        reports,
        columns,
        n_municipalities: by_municipality.rows.len(),
        by_municipality,
        by_report,
        recurring,
        neighbours,
        followups,
        details,
        details_left_out,
        max_details: options.max_details,
        data_json: items.json(),
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// Each municipality's `k` nearest others by the Jaccard index of the gap categories of their
/// counted reports, best first (ties by name), each with what they share and where they differ.
fn neighbours(counted: &BTreeMap<String, &Report>, k: usize) -> Vec<Neighbours> {
    if k == 0 {
        return Vec::new();
    }
    let keys: Vec<(&String, &Report, BTreeSet<GapKey>)> = counted
        .iter()
        .map(|(m, r)| (m, *r, gap_keys(r, KeyMode::Category)))
        .collect();
    let words = |set: Vec<GapKey>| set.into_iter().map(|k| k.category.word()).collect();
    keys.iter()
        .enumerate()
        .map(|(i, (m, r, set))| {
            let mut scored: Vec<(f64, usize)> = keys
                .iter()
                .enumerate()
                .filter(|&(j, (_, other, _))| j != i && other.id != r.id)
                .map(|(j, (_, _, other))| (Jaccard.similarity(set, other), j))
                .collect();
            scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            scored.truncate(k);
            Neighbours {
                municipality: (*m).clone(),
                report: r.id.to_string(),
                nearest: scored
                    .into_iter()
                    .map(|(jaccard, j)| {
                        let (om, other, oset) = &keys[j];
                        let cmp = Jaccard.sets(set, oset);
                        Neighbour {
                            municipality: (*om).clone(),
                            report: other.id.to_string(),
                            jaccard,
                            shared: words(cmp.shared),
                            only_here: words(cmp.only_a),
                            only_there: words(cmp.only_b),
                            caveat: shared_source(r, other),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// When two records cite the same source document for their gaps, their likeness may come from
/// the same passages (the 2015 municipal records all cite the one comparison note).
fn shared_source(a: &Report, b: &Report) -> Option<String> {
    let docs = |r: &Report| -> BTreeSet<String> {
        r.gaps
            .iter()
            .flat_map(|g| g.evidence.iter().map(|e| e.source.clone()))
            .collect()
    };
    let common: Vec<String> = docs(a).intersection(&docs(b)).cloned().collect();
    (!common.is_empty()).then(|| {
        format!(
            "both records cite {} for their gaps: shared categories may be the same passages, not two findings",
            common.join(", ")
        )
    })
}

fn followups<'c>(corpus: &'c Corpus, items: &mut Items<'c>) -> Vec<FollowUpView> {
    corpus
        .follow_up_pairs()
        .into_iter()
        .map(|(earlier, later)| {
            let fu = follow_up(earlier, later, KeyMode::CategoryAndKinds);
            let stated_item = |id: &str| {
                later
                    .follow_ups
                    .iter()
                    .find(|f| f.of.report == earlier.id && f.of.item == id)
            };
            let mut rows = Vec::new();
            for it in &fu.items {
                let mut ids: Vec<usize> = items.any(earlier, &it.item).into_iter().collect();
                if let Some(f) = stated_item(&it.item) {
                    ids.extend(items.any(later, &f.id));
                }
                let (status, stated, basis) = match it.status {
                    Some(FollowUpStatus::NotStated) => (
                        "no verdict stated".to_string(),
                        false,
                        format!("{} discusses it but states no verdict; click for what it says", later.id),
                    ),
                    Some(s) => (
                        format!("{} ({})", s.english(), s.norwegian()),
                        true,
                        format!("stated by {}", later.id),
                    ),
                    None => (
                        "no verdict stated".to_string(),
                        false,
                        format!("no follow-up item of {} names it", later.id),
                    ),
                };
                rows.push(FollowUpRow {
                    what: format!("{} {}", it.what, it.number),
                    text: it.text.clone(),
                    status,
                    stated,
                    basis,
                    items: join(ids),
                });
            }
            for g in &fu.gaps {
                let mut ids: Vec<usize> = items.gap(earlier, &g.gap).into_iter().collect();
                if let Some(f) = stated_item(&g.gap) {
                    ids.extend(items.any(later, &f.id));
                }
                ids.extend(g.later_gaps.iter().filter_map(|l| items.gap(later, l)));
                let (status, stated, basis) = match (g.basis, g.status) {
                    (OutcomeBasis::Stated, Some(FollowUpStatus::NotStated)) => (
                        "no verdict stated".to_string(),
                        false,
                        format!("{} discusses it but states no verdict; click for what it says", later.id),
                    ),
                    (OutcomeBasis::Stated, Some(s)) => (
                        format!("{} ({})", s.english(), s.norwegian()),
                        true,
                        format!("stated by {}", later.id),
                    ),
                    (OutcomeBasis::KeyMatch, _) => (
                        "no verdict stated".to_string(),
                        false,
                        format!(
                            "the crate's inference, not the auditor's: {} has {} gap(s) of the same category and services ({})",
                            later.id,
                            g.later_gaps.len(),
                            match g.outcome {
                                Outcome::Resolved => "recorded as resolved",
                                Outcome::Persisting => "current",
                                Outcome::Unclear => "unclear",
                                Outcome::NotAddressed => "none",
                            }
                        ),
                    ),
                    _ => (
                        "no verdict stated".to_string(),
                        false,
                        format!(
                            "no follow-up item names it, and {} has no gap of the same category and services; that is not evidence it was fixed",
                            later.id
                        ),
                    ),
                };
                rows.push(FollowUpRow {
                    what: format!("gap {}", g.gap),
                    text: g.summary.clone(),
                    status,
                    stated,
                    basis,
                    items: join(ids),
                });
            }
            let new_ids: Vec<usize> = fu
                .new_gaps
                .iter()
                .filter_map(|g| items.gap(later, g))
                .collect();
            FollowUpView {
                earlier: earlier.id.to_string(),
                later: later.id.to_string(),
                rows,
                new_gaps: new_ids.len(),
                new_gap_items: join(new_ids),
            }
        })
        .collect()
}

/// The class of a severity, for the heatmap palette.
pub(super) fn severity_class(s: Severity) -> String {
    format!("cell sev-{}", s.word())
}
