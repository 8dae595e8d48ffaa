//! The view model: the library's results turned into plain structs that the page template
//! renders, with every number's drill-down items collected in one list ([`Items`]) that the page
//! embeds as JSON.
//!
//! This is the one module that calls the analyses ([`gap_matrix`], [`follow_up`],
//! [`structure`], [`reference::check`], [`Jaccard`]) and decides what the page counts. When those
//! analyses change their counting unit or their findings, this is the module to adapt.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::Options;
use super::svg;
use crate::Corpus;
use crate::compare::{
    GapKey, Jaccard, KeyMode, Outcome, OutcomeBasis, current_gaps, follow_up, gap_matrix,
    gap_keys,
};
use crate::evidence::Sources;
use crate::graph::structure;
use crate::model::{Evidence, Report};
use crate::reference::{self, Finding};
use crate::taxonomy::{Genre, Scope, Severity, Status, Vocabulary};

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
    pub(super) title: String,
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

/// A report's own section: its network, structure, reference check and recommendations.
#[derive(Debug, Clone)]
pub(super) struct ReportDetail {
    pub(super) id: String,
    pub(super) anchor: String,
    pub(super) title: String,
    pub(super) meta: String,
    pub(super) network: Network,
    pub(super) structure: Vec<StructureRow>,
    pub(super) reference: Vec<ReferenceRow>,
    pub(super) recommendations: Vec<RecommendationRow>,
}

/// A network picture, laid out.
#[derive(Debug, Clone)]
pub(super) struct Network {
    pub(super) report: String,
    pub(super) width: f64,
    pub(super) height: f64,
    pub(super) nodes: Vec<NodeView>,
    pub(super) edges: Vec<EdgeView>,
}

/// A service box.
#[derive(Debug, Clone)]
pub(super) struct NodeView {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) w: f64,
    pub(super) h: f64,
    pub(super) label: String,
    pub(super) title: String,
    pub(super) class: String,
    /// `B` broker, `C` cut point, `BC` both.
    pub(super) mark: Option<&'static str>,
    pub(super) items: String,
}

/// A relation or an organisational (parent) link.
#[derive(Debug, Clone)]
pub(super) struct EdgeView {
    pub(super) d: String,
    pub(super) class: String,
    pub(super) title: String,
    pub(super) start_head: bool,
    pub(super) end_head: bool,
    pub(super) items: String,
}

/// A structural finding (broker, cut point, bridge, isolated service) with its basis.
#[derive(Debug, Clone)]
pub(super) struct StructureRow {
    pub(super) what: &'static str,
    pub(super) service: String,
    pub(super) basis: String,
    pub(super) items: String,
}

/// One expectation of the reference model, checked against the report.
#[derive(Debug, Clone)]
pub(super) struct ReferenceRow {
    pub(super) expectation: String,
    pub(super) description: String,
    pub(super) legal: String,
    pub(super) finding: &'static str,
    pub(super) finding_class: &'static str,
    pub(super) basis: String,
    pub(super) items: String,
}

/// A recommendation and the gaps it addresses.
#[derive(Debug, Clone)]
pub(super) struct RecommendationRow {
    pub(super) number: String,
    pub(super) text: String,
    pub(super) items: String,
    pub(super) gaps: Vec<(String, String)>,
}

/// One drill-down item as embedded in the page's JSON: what it is, its report and id, its text,
/// labelled fields, and its evidence as `[source, line, quote]`.
#[derive(Debug, Clone, Serialize)]
struct Item {
    /// Kind: `gap`, `relation`, `service`, `recommendation`, `follow-up`, `decision`, `report`.
    k: &'static str,
    /// Report id.
    r: String,
    id: String,
    /// Headline: summary, text or name.
    h: String,
    /// Labelled fields.
    f: Vec<(&'static str, String)>,
    /// Evidence.
    e: Vec<(String, usize, String)>,
    /// A note from the record, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    n: Option<String>,
}

/// The page's JSON: the drill-down items and the source lines around every quote.
#[derive(Debug, Serialize)]
struct Data<'a> {
    items: &'a [Item],
    /// `lines[source][line]`: the text of a source line near a quote.
    lines: &'a BTreeMap<String, BTreeMap<usize, &'a str>>,
    /// Source documents cited but not given, so that the panel can say so.
    missing: &'a BTreeSet<String>,
}

/// The drill-down items, each added once, and the source lines they need.
struct Items<'s> {
    list: Vec<Item>,
    index: HashMap<(String, &'static str, String), usize>,
    context: usize,
    sources: &'s Sources,
    split: HashMap<String, Option<Vec<&'s str>>>,
    lines: BTreeMap<String, BTreeMap<usize, &'s str>>,
    missing: BTreeSet<String>,
}

impl<'s> Items<'s> {
    fn new(sources: &'s Sources, context: usize) -> Items<'s> {
        Items {
            list: Vec::new(),
            index: HashMap::new(),
            context,
            sources,
            split: HashMap::new(),
            lines: BTreeMap::new(),
            missing: BTreeSet::new(),
        }
    }

    /// Adds an item (once per report, kind and id) and returns its index.
    fn add(&mut self, report: &Report, k: &'static str, id: &str, build: impl FnOnce() -> Item) -> usize {
        let key = (report.id.to_string(), k, id.to_string());
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let item = build();
        for (source, line, quote) in &item.e {
            self.need(source, *line, quote);
        }
        self.list.push(item);
        self.index.insert(key, self.list.len() - 1);
        self.list.len() - 1
    }

    /// Keeps the source lines around a quote: `context` lines before the stated line, and after
    /// it as many as the quote may span plus `context` (a quote may start up to
    /// [`crate::evidence::LINE_TOLERANCE`] lines from the stated line).
    fn need(&mut self, source: &str, line: usize, quote: &str) {
        let sources = self.sources;
        let lines = self
            .split
            .entry(source.to_string())
            .or_insert_with(|| sources.text(source).map(|t| t.lines().collect()));
        let Some(lines) = lines else {
            self.missing.insert(source.to_string());
            return;
        };
        let span = quote.chars().count() / 50 + 1;
        let first = line.saturating_sub(self.context).max(1);
        let last = (line + span + self.context).min(lines.len());
        let keep = self.lines.entry(source.to_string()).or_default();
        for n in first..=last {
            keep.insert(n, lines[n - 1]);
        }
    }

    fn json(&self) -> String {
        let data = Data {
            items: &self.list,
            lines: &self.lines,
            missing: &self.missing,
        };
        // Serialising plain data cannot fail.
        let json = serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_string());
        script_safe(&json)
    }
}

/// JSON made safe inside `<script type="application/json">`: `<`, `>` and `&` can only occur in
/// JSON strings, where their `\u` escapes mean the same, so no `</script>` or `<!--` survives.
pub(super) fn script_safe(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn evidence(ev: &[Evidence]) -> Vec<(String, usize, String)> {
    ev.iter()
        .map(|e| (e.source.clone(), e.line, e.quote.clone()))
        .collect()
}

fn join(items: impl IntoIterator<Item = usize>) -> String {
    let mut s = String::new();
    for i in items {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(&i.to_string());
    }
    s
}

/// The id of a report's section in the page.
fn anchor(id: &str) -> String {
    format!("report-{id}")
}

fn gap_item(items: &mut Items, report: &Report, gap_id: &str) -> Option<usize> {
    let gap = report.gap(gap_id)?;
    Some(items.add(report, "gap", gap_id, || Item {
        k: "gap",
        r: report.id.to_string(),
        id: gap.id.clone(),
        h: gap.summary.clone(),
        f: {
            let mut f = vec![
                (
                    "category",
                    format!("{} ({}; {})", gap.category.word(), gap.category.norwegian(), gap.category.english()),
                ),
                (
                    "severity",
                    format!("{} ({})", gap.severity.english(), gap.severity.norwegian()),
                ),
                (
                    "the report's word",
                    gap.term.map_or("not recorded".to_string(), |t| format!("{} ({})", t.norwegian(), t.english())),
                ),
                (
                    "stated in",
                    gap.stated_in.map_or("not recorded".to_string(), |s| s.english().to_string()),
                ),
            ];
            if !gap.services.is_empty() {
                let names: Vec<String> = gap
                    .services
                    .iter()
                    .map(|s| report.service(s.as_str()).map_or(s.to_string(), |s| s.name.clone()))
                    .collect();
                f.push(("services", names.join(", ")));
            }
            if !gap.legal.is_empty() {
                let legal: Vec<&str> = gap.legal.iter().map(|l| l.text()).collect();
                f.push(("legal", legal.join("; ")));
            }
            f
        },
        e: evidence(&gap.evidence),
        n: gap.note.clone(),
    }))
}

fn relation_item(items: &mut Items, report: &Report, index: usize) -> usize {
    let r = &report.relations[index];
    let name = |id: &str| report.service(id).map_or(id.to_string(), |s| s.name.clone());
    items.add(report, "relation", &r.id, || Item {
        k: "relation",
        r: report.id.to_string(),
        id: r.id.clone(),
        h: r.summary.clone(),
        f: vec![
            ("between", format!("{} — {}", name(r.from.as_str()), name(r.to.as_str()))),
            ("status", format!("{} ({})", r.status.english(), r.status.norwegian())),
            (
                "kinds",
                r.kinds.iter().map(|k| k.english()).collect::<Vec<_>>().join(", "),
            ),
            ("level", r.level.english().to_string()),
        ],
        e: evidence(&r.evidence),
        n: r.note.clone(),
    })
}

fn service_item(items: &mut Items, report: &Report, index: usize) -> usize {
    let s = &report.services[index];
    items.add(report, "service", s.id.as_str(), || Item {
        k: "service",
        r: report.id.to_string(),
        id: s.id.to_string(),
        h: s.name.clone(),
        f: vec![
            ("kind", s.resolved_kind().english().to_string()),
            ("owner", s.owner.map_or("not stated".to_string(), |o| o.english().to_string())),
            ("status", s.status.english().to_string()),
        ],
        e: evidence(&s.evidence),
        n: s.note.clone(),
    })
}

fn report_item(items: &mut Items, report: &Report) -> usize {
    items.add(report, "report", report.id.as_str(), || Item {
        k: "report",
        r: report.id.to_string(),
        id: report.id.to_string(),
        h: report.title_or_unstated().to_string(),
        f: {
            let mut f = vec![
                ("auditor", report.auditor.clone().unwrap_or_else(|| "not stated".to_string())),
                ("year", year(report)),
                ("genre", report.genre.english().to_string()),
                ("scope", report.scope.english().to_string()),
            ];
            if let Some(d) = &report.derived_from {
                f.push(("derived from", d.to_string()));
            }
            if let Some(c) = &report.closed {
                f.push(("closed", c.date.clone().unwrap_or_else(|| "date not stated".to_string())));
            }
            if let Some(d) = &report.draft {
                f.push(("draft made by", d.clone()));
            }
            f
        },
        e: {
            let mut e = evidence(&report.evidence);
            if let Some(c) = &report.closed {
                e.extend(evidence(&c.evidence));
            }
            e
        },
        n: report.note.clone(),
    })
}

/// Any item of `report` with id `id`, as a drill-down item (gap, relation, service,
/// recommendation, decision, follow-up).
fn any_item(items: &mut Items, report: &Report, id: &str) -> Option<usize> {
    if let Some(i) = gap_item(items, report, id) {
        return Some(i);
    }
    if let Some(i) = report.relations.iter().position(|r| r.id == id) {
        return Some(relation_item(items, report, i));
    }
    if let Some(i) = report.services.iter().position(|s| s.id.as_str() == id) {
        return Some(service_item(items, report, i));
    }
    if let Some(rec) = report.recommendations.iter().find(|r| r.id == id) {
        return Some(items.add(report, "recommendation", id, || Item {
            k: "recommendation",
            r: report.id.to_string(),
            id: rec.id.clone(),
            h: rec.text.clone(),
            f: vec![("number", rec.number.clone())],
            e: evidence(&rec.evidence),
            n: rec.note.clone(),
        }));
    }
    if let Some(d) = report.decisions.iter().find(|d| d.id == id) {
        return Some(items.add(report, "decision", id, || Item {
            k: "decision",
            r: report.id.to_string(),
            id: d.id.clone(),
            h: d.text.clone(),
            f: vec![
                ("body", d.body.clone()),
                ("case", d.case.clone()),
                ("point", d.number.clone()),
            ],
            e: evidence(&d.evidence),
            n: d.note.clone(),
        }));
    }
    if let Some(fu) = report.follow_ups.iter().find(|f| f.id == id) {
        return Some(items.add(report, "follow-up", id, || Item {
            k: "follow-up",
            r: report.id.to_string(),
            id: fu.id.clone(),
            h: fu.summary.clone(),
            f: vec![
                ("of", format!("{} / {}", fu.of.report, fu.of.item)),
                ("status as stated", format!("{} ({})", fu.status.english(), fu.status.norwegian())),
            ],
            e: evidence(&fu.evidence),
            n: fu.note.clone(),
        }));
    }
    None
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
fn year(r: &Report) -> String {
    r.year.map_or("year not stated".to_string(), |y| y.to_string())
}

/// The municipalities (and districts) a report covers, or its scope when it names none.
fn place(r: &Report) -> String {
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

fn severity_word(s: Severity) -> &'static str {
    s.word()
}

/// Builds the page's view model.
pub(super) fn build(corpus: &Corpus, sources: &Sources, options: &Options) -> Page {
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
        counted_for.entry(r.id.as_str()).or_default().push(m.as_str());
    }

    // The report heatmap: the matrix as computed; the municipality heatmap: each municipality's
    // counted report's row.
    let rows_by_report: BTreeMap<&str, &crate::compare::MatrixRow> =
        matrix.rows.iter().map(|r| (r.report.as_str(), r)).collect();
    let mut heat_row = |label: String, sub: String, report: &Report| -> HeatRow {
        let row = rows_by_report.get(report.id.as_str());
        let cells = matrix
            .columns
            .iter()
            .map(|key| {
                let cell = row?.cells.get(key)?;
                let ids: Vec<usize> = cell
                    .gaps
                    .iter()
                    .filter_map(|g| gap_item(&mut items, report, g))
                    .collect();
                Some(HeatCell {
                    count: cell.count,
                    highest: cell.highest,
                    items: join(ids),
                    title: format!(
                        "{label}: {} — {} ({}), highest severity {}",
                        cell.count,
                        key.category.english(),
                        key.category.norwegian(),
                        cell.highest.english()
                    ),
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

    let mut details = Vec::new();
    let mut details_left_out = 0;
    for report in corpus.iter() {
        if details.len() < options.max_details {
            details.push(detail(report, &mut items));
        } else {
            details_left_out += 1;
        }
    }
    let detailed: BTreeSet<String> = details.iter().map(|d| d.id.clone()).collect();

    let reports = corpus
        .iter()
        .map(|r| {
            let provenance = provenance(r);
            let item = report_item(&mut items, r);
            ReportRow {
                id: r.id.to_string(),
                anchor: detailed.contains(r.id.as_str()).then(|| anchor(r.id.as_str())),
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

fn followups(corpus: &Corpus, items: &mut Items) -> Vec<FollowUpView> {
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
                let mut ids: Vec<usize> = any_item(items, earlier, &it.item).into_iter().collect();
                if let Some(f) = stated_item(&it.item) {
                    ids.extend(any_item(items, later, &f.id));
                }
                let (status, stated, basis) = match it.status {
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
                let mut ids: Vec<usize> = gap_item(items, earlier, &g.gap).into_iter().collect();
                if let Some(f) = stated_item(&g.gap) {
                    ids.extend(any_item(items, later, &f.id));
                }
                ids.extend(g.later_gaps.iter().filter_map(|l| gap_item(items, later, l)));
                let (status, stated, basis) = match (g.basis, g.status) {
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
                .filter_map(|g| gap_item(items, later, g))
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

fn finding_label(f: Finding) -> (&'static str, &'static str) {
    match f {
        Finding::Working => ("working", "f-working"),
        Finding::Strained => ("strained", "f-strained"),
        Finding::Missing => ("missing", "f-missing"),
        Finding::Unclear => ("unclear", "f-unclear"),
        Finding::NotDescribed => ("not described", "f-none"),
    }
}

fn detail(report: &Report, items: &mut Items) -> ReportDetail {
    let s = structure(report);
    let betweenness: BTreeMap<&str, f64> =
        s.betweenness.iter().map(|(id, b)| (id.as_str(), *b)).collect();
    let brokers: BTreeSet<&str> = s.brokers.iter().map(String::as_str).collect();
    let cuts: BTreeSet<&str> = s.articulation_points.iter().map(String::as_str).collect();

    // The working relations of each service: the basis of a broker or cut point.
    let mut working: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in report.relations.iter().enumerate() {
        if r.status.is_working() {
            working.entry(r.from.as_str()).or_default().push(i);
            working.entry(r.to.as_str()).or_default().push(i);
        }
    }
    let basis_of = |id: &str, items: &mut Items| -> (String, String) {
        let rels = working.get(id).cloned().unwrap_or_default();
        let ids: Vec<usize> = rels.iter().map(|&i| relation_item(items, report, i)).collect();
        let names: Vec<&str> = rels.iter().map(|&i| report.relations[i].id.as_str()).collect();
        (
            format!(
                "betweenness {:.2}; working relations: {}",
                betweenness.get(id).copied().unwrap_or(0.0),
                if names.is_empty() { "none".to_string() } else { names.join(", ") }
            ),
            join(ids),
        )
    };
    let name = |id: &str| report.service(id).map_or(id.to_string(), |s| s.name.clone());
    let mut structure_rows = Vec::new();
    for b in &s.brokers {
        let (basis, ids) = basis_of(b, items);
        structure_rows.push(StructureRow {
            what: "broker (highest betweenness)",
            service: name(b),
            basis,
            items: ids,
        });
    }
    for c in &s.articulation_points {
        let (basis, ids) = basis_of(c, items);
        structure_rows.push(StructureRow {
            what: "cut point (its loss splits the network)",
            service: name(c),
            basis,
            items: ids,
        });
    }
    for (a, b) in &s.bridges {
        let rels: Vec<usize> = report
            .relations
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.status.is_working()
                    && ((r.from.as_str() == a && r.to.as_str() == b)
                        || (r.from.as_str() == b && r.to.as_str() == a))
            })
            .map(|(i, _)| i)
            .collect();
        let ids: Vec<usize> = rels.iter().map(|&i| relation_item(items, report, i)).collect();
        structure_rows.push(StructureRow {
            what: "bridge (the only working link between two parts)",
            service: format!("{} — {}", name(a), name(b)),
            basis: format!(
                "working relations: {}",
                rels.iter().map(|&i| report.relations[i].id.as_str()).collect::<Vec<_>>().join(", ")
            ),
            items: join(ids),
        });
    }

    // The picture: services as boxes, relations and parent links as edges.
    let index: BTreeMap<&str, usize> = report
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let labels: Vec<String> = report.services.iter().map(|s| s.name.clone()).collect();
    let mut edges: Vec<(usize, usize, bool)> = Vec::new();
    let mut edge_views: Vec<(String, String, String)> = Vec::new();
    for (i, r) in report.relations.iter().enumerate() {
        let (Some(&a), Some(&b)) = (index.get(r.from.as_str()), index.get(r.to.as_str())) else {
            continue;
        };
        if a == b {
            continue;
        }
        edges.push((a, b, r.direction == crate::taxonomy::Direction::Directed));
        let item = relation_item(items, report, i);
        edge_views.push((
            format!("st-{}", r.status.word()),
            format!(
                "{} — {}: {} ({})",
                name(r.from.as_str()),
                name(r.to.as_str()),
                r.status.english(),
                r.kinds.iter().map(|k| k.english()).collect::<Vec<_>>().join(", ")
            ),
            item.to_string(),
        ));
    }
    for (i, s) in report.services.iter().enumerate() {
        if let Some(parent) = s.parent.as_ref().and_then(|p| index.get(p.as_str())) {
            if *parent == i {
                continue;
            }
            edges.push((i, *parent, false));
            let item = service_item(items, report, i);
            edge_views.push((
                "parent".to_string(),
                format!("{} belongs to {}", s.name, report.services[*parent].name),
                item.to_string(),
            ));
        }
    }
    let placed = svg::layout(&labels, &edges);
    let nodes = report
        .services
        .iter()
        .enumerate()
        .map(|(i, svc)| {
            let p = placed.nodes[i];
            let id = svc.id.as_str();
            let mark = match (brokers.contains(id), cuts.contains(id)) {
                (true, true) => Some("BC"),
                (true, false) => Some("B"),
                (false, true) => Some("C"),
                (false, false) => None,
            };
            let owner = svc.owner.map_or("none", |o| o.word());
            let mut title = format!(
                "{} — {}; owner: {}; {}",
                svc.name,
                svc.resolved_kind().english(),
                svc.owner.map_or("not stated", |o| o.english()),
                svc.status.english()
            );
            if let Some(m) = mark {
                title.push_str(&format!(
                    "; {} (betweenness {:.2})",
                    match m {
                        "B" => "broker",
                        "C" => "cut point",
                        _ => "broker and cut point",
                    },
                    betweenness.get(id).copied().unwrap_or(0.0)
                ));
            }
            NodeView {
                x: p.x,
                y: p.y,
                w: p.w,
                h: p.h,
                label: svg::short_label(&svc.name),
                title,
                class: format!("own-{owner} ss-{}", svc.status.word()),
                mark,
                items: service_item(items, report, i).to_string(),
            }
        })
        .collect();
    let edges = placed
        .edges
        .into_iter()
        .zip(edge_views)
        .filter_map(|(path, (class, title, items))| {
            let path = path?;
            Some(EdgeView {
                d: path.d,
                class,
                title,
                start_head: path.start_head,
                end_head: path.end_head,
                items,
            })
        })
        .collect();
    let network = Network {
        report: report.id.to_string(),
        width: placed.width,
        height: placed.height,
        nodes,
        edges,
    };

    let expectations = reference::expectations();
    let reference = reference::check(report)
        .into_iter()
        .map(|c| {
            let exp = expectations.iter().find(|e| e.id == c.expectation);
            let ids: Vec<usize> = c.items.iter().filter_map(|id| any_item(items, report, id)).collect();
            let (finding, finding_class) = finding_label(c.finding);
            ReferenceRow {
                expectation: c.expectation.to_string(),
                description: exp.map_or(String::new(), |e| e.description.to_string()),
                legal: exp.map_or(String::new(), |e| e.legal.text().to_string()),
                finding,
                finding_class,
                basis: if c.items.is_empty() {
                    "nothing in the record concerns it".to_string()
                } else {
                    c.items.join(", ")
                },
                items: join(ids),
            }
        })
        .collect();

    let recommendations = report
        .recommendations
        .iter()
        .map(|rec| RecommendationRow {
            number: rec.number.clone(),
            text: rec.text.clone(),
            items: any_item(items, report, &rec.id).map_or(String::new(), |i| i.to_string()),
            gaps: rec
                .gaps
                .iter()
                .filter_map(|g| Some((g.clone(), gap_item(items, report, g)?.to_string())))
                .collect(),
        })
        .collect();

    let status_counts = {
        let mut c: BTreeMap<Status, usize> = BTreeMap::new();
        for r in &report.relations {
            *c.entry(r.status).or_default() += 1;
        }
        c.iter()
            .map(|(s, n)| format!("{n} {}", s.english()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    ReportDetail {
        id: report.id.to_string(),
        anchor: anchor(report.id.as_str()),
        title: report.title_or_unstated().to_string(),
        meta: format!(
            "{} · {} · {} · {} services, {} relations ({}), network density {:.2} over working relations",
            place(report),
            year(report),
            report.auditor.as_deref().unwrap_or("auditor not stated"),
            report.services.len(),
            report.relations.len(),
            if status_counts.is_empty() { "none".to_string() } else { status_counts },
            s.density
        ),
        network,
        structure: structure_rows,
        reference,
        recommendations,
    }
}

/// The class of a severity, for the heatmap palette.
pub(super) fn severity_class(s: Severity) -> String {
    format!("sev-{}", severity_word(s))
}
