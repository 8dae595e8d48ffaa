//! Tidy CSV tables of a corpus for R, pandas and spreadsheets: one row per item, each column
//! defined once, by a row struct (its serde field name is the column, its doc comment the
//! column's description in `datapackage.json`, its type the column's type).
//!
//! Every table names the unit of its rows: `report_id` on every item, and the item's own id
//! column (`gap_id`, `service_id` ...), so that ids are unique only together with `report_id`,
//! as they are in the records. Lists are joined with `;`. A column that is empty in every row
//! of a non-empty table is left out (for example `service_kinds` when gap keys are by category
//! alone, or `date` when no record states one); `datapackage.json` lists the columns written.
//!
//! The codebook table (module `codebook`) joins the list as one more [`Table`] variant.
//!
//! # Example
//! ```
//! use samhandling::compare::KeyMode;
//! use samhandling::export::{write_table, CsvFormat, Table};
//! use samhandling::Corpus;
//!
//! let corpus = Corpus::bundled()?;
//! let mut csv = Vec::new();
//! let columns = write_table(&mut csv, Table::Similarity, &corpus, KeyMode::Category, CsvFormat::Plain)?;
//! let n = corpus.len();
//! assert_eq!(String::from_utf8(csv)?.lines().count(), 1 + n * (n - 1) / 2);
//! assert_eq!(columns.fields[0].name, "report_a");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::io::Write;
use std::path::Path;

use schemars::JsonSchema;
use serde::Serialize;

use super::datapackage::{DataPackage, Field, Resource};
use super::{fail, io_fail, join};
use crate::Corpus;
use crate::compare::{GapKey, KeyMode, all_pairs, current_gaps, gap_matrix, recurrence};
use crate::error::{Error, Result};
use crate::graph::structures;
use crate::model::{Evidence, Report};
use crate::taxonomy::Vocabulary;

/// How CSV files are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CsvFormat {
    /// UTF-8 without byte-order mark, comma-separated, decimal point: what R's readr, pandas
    /// and most tools read by default.
    #[default]
    Plain,
    /// For Excel with Norwegian (and most European) settings, which opens a file on double
    /// click only so: a UTF-8 byte-order mark (so that æ, ø and å show), `;`-separated, and a
    /// decimal comma in number columns.
    Excel,
}

impl CsvFormat {
    fn delimiter(self) -> u8 {
        match self {
            CsvFormat::Plain => b',',
            CsvFormat::Excel => b';',
        }
    }
}

/// The tables, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Table {
    /// One row per report: metadata and counts.
    Reports,
    /// One row per service of each report.
    Services,
    /// One row per relation of each report.
    Relations,
    /// One row per gap of each report (resolved ones included, marked by `severity`).
    Gaps,
    /// One row per recommendation of each report.
    Recommendations,
    /// One row per conclusion of each report.
    Conclusions,
    /// One row per follow-up item of each report.
    FollowUps,
    /// One row per figure of each report.
    Figures,
    /// The gap matrix in long form: one row per report and gap key (zeros included).
    MatrixLong,
    /// The gap matrix in wide form: one row per report, one count column per gap key.
    MatrixWide,
    /// One row per gap key: which reports and municipalities share it.
    Recurrence,
    /// One row per pair of reports (all n(n−1)/2 pairs): Jaccard similarity of their gap keys
    /// and of their kind-level relations.
    Similarity,
    /// One row per report: the structure of its network of working collaboration.
    Structure,
}

impl Table {
    /// Every table, in order.
    pub const ALL: &'static [Table] = &[
        Table::Reports,
        Table::Services,
        Table::Relations,
        Table::Gaps,
        Table::Recommendations,
        Table::Conclusions,
        Table::FollowUps,
        Table::Figures,
        Table::MatrixLong,
        Table::MatrixWide,
        Table::Recurrence,
        Table::Similarity,
        Table::Structure,
    ];

    /// The table's name, which is also its file name without `.csv`: `follow_ups`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Reports => "reports",
            Table::Services => "services",
            Table::Relations => "relations",
            Table::Gaps => "gaps",
            Table::Recommendations => "recommendations",
            Table::Conclusions => "conclusions",
            Table::FollowUps => "follow_ups",
            Table::Figures => "figures",
            Table::MatrixLong => "matrix_long",
            Table::MatrixWide => "matrix_wide",
            Table::Recurrence => "recurrence",
            Table::Similarity => "similarity",
            Table::Structure => "structure",
        }
    }

    /// What one row is, for `datapackage.json`.
    pub fn description(self) -> &'static str {
        match self {
            Table::Reports => "one row per report record: metadata and counts",
            Table::Services => "one row per service of each report",
            Table::Relations => "one row per relation (collaboration) of each report",
            Table::Gaps => "one row per coordination gap of each report, with its first evidence",
            Table::Recommendations => "one row per recommendation of each report",
            Table::Conclusions => "one row per conclusion on an audit question",
            Table::FollowUps => "one row per follow-up item: the status now of an earlier item",
            Table::Figures => "one row per figure (a number the report states)",
            Table::MatrixLong => {
                "the gap matrix in long form: one row per report and gap key, zeros included; \
                 current gaps only (resolved ones left out)"
            }
            Table::MatrixWide => {
                "the gap matrix in wide form: one row per report, one column per gap key \
                 holding the number of current gaps"
            }
            Table::Recurrence => {
                "one row per gap key: the reports and municipalities that share it"
            }
            Table::Similarity => {
                "one row per pair of reports (all pairs): Jaccard similarity of their current \
                 gap keys and of their kind-level relations"
            }
            Table::Structure => {
                "one row per report: the structure of its network of working collaboration \
                 (structural findings of this crate, not stated by the report)"
            }
        }
    }
}

/// A table's row: its columns in order, the same as the struct's fields.
trait Row: Serialize + JsonSchema {
    const COLUMNS: &'static [&'static str];
}

/// A row struct (serde and schemars derived) with its [`Row::COLUMNS`]; with `@evidence`, the
/// given columns then the item's first evidence (`evidence_source`, `evidence_line`,
/// `evidence_quote`) and `n_evidence`.
macro_rules! row {
    (@evidence $(#[$m:meta])* struct $name:ident { $($(#[$fm:meta])* $f:ident : $t:ty,)* }) => {
        row! {
            $(#[$m])*
            struct $name {
                $($(#[$fm])* $f: $t,)*
                /// The source document (file name) of the item's first evidence.
                evidence_source: String,
                /// The line of the source document where that quote begins.
                evidence_line: usize,
                /// The quote, verbatim.
                evidence_quote: String,
                /// How many pieces of evidence the item has.
                n_evidence: usize,
            }
        }
    };
    ($(#[$m:meta])* struct $name:ident { $($(#[$fm:meta])* $f:ident : $t:ty,)* }) => {
        $(#[$m])*
        #[derive(Serialize, JsonSchema)]
        struct $name {
            $($(#[$fm])* $f: $t,)*
        }

        impl Row for $name {
            const COLUMNS: &'static [&'static str] = &[$(stringify!($f)),*];
        }
    };
}

fn source(evidence: &[Evidence]) -> String {
    evidence
        .first()
        .map(|e| e.source.clone())
        .unwrap_or_default()
}

fn line(evidence: &[Evidence]) -> usize {
    evidence.first().map_or(0, |e| e.line)
}

fn quote(evidence: &[Evidence]) -> String {
    evidence
        .first()
        .map(|e| e.quote.clone())
        .unwrap_or_default()
}

row! {
@evidence
struct ReportRow {
    /// The report's id.
    report_id: String,
    /// The title, empty when the source does not state one.
    title: Option<String>,
    /// Year of publication, empty when not stated.
    year: Option<u16>,
    /// Date of publication (YYYY-MM-DD or YYYY-MM), when stated.
    date: Option<String>,
    /// The genre of the document.
    genre: String,
    /// What the report covers: municipal, district, regional or national.
    scope: String,
    /// The municipalities covered (;-joined).
    municipalities: String,
    /// The city districts covered (;-joined).
    districts: String,
    /// Who wrote it, when stated.
    auditor: Option<String>,
    /// Who commissioned it, when stated.
    commissioned_by: Option<String>,
    /// The report this one follows up.
    follows_up: Option<String>,
    /// The record whose source document this record's content is taken from.
    derived_from: Option<String>,
    /// True for a primary report (not derived from another record's source).
    primary: bool,
    /// True when the record states that the issuer closed the case.
    closed: bool,
    /// Number of services.
    n_services: usize,
    /// Number of relations.
    n_relations: usize,
    /// Number of current gaps (not resolved).
    n_gaps: usize,
    /// Number of gaps marked resolved.
    n_resolved_gaps: usize,
    /// Number of recommendations.
    n_recommendations: usize,
    /// Number of conclusions.
    n_conclusions: usize,
    /// Number of follow-up items.
    n_follow_ups: usize,
    /// Number of figures.
    n_figures: usize,
}
}

row! {
@evidence
struct ServiceRow {
    /// The report's id.
    report_id: String,
    /// The service's id, unique within the report.
    service_id: String,
    /// The local name, as the report writes it.
    name: String,
    /// The canonical service kind (stated, or resolved from the alias lexicon).
    service_kind: String,
    /// Who runs it, when stated.
    owner: Option<String>,
    /// The service it belongs to, when stated.
    parent: Option<String>,
    /// Whether it exists (existing, missing, planned, discontinued).
    status: String,
    /// Other names the report uses (;-joined).
    aliases: String,
}
}

row! {
@evidence
struct RelationRow {
    /// The report's id.
    report_id: String,
    /// The relation's id, unique within the report.
    relation_id: String,
    /// The sending (or first) service's id.
    from_service: String,
    /// The receiving (or second) service's id.
    to_service: String,
    /// The kind of the from service.
    from_kind: String,
    /// The kind of the to service.
    to_kind: String,
    /// What the relation consists of (;-joined relation kinds).
    relation_kinds: String,
    /// directed or mutual.
    direction: String,
    /// system or individual level.
    level: String,
    /// How it works, as the report states it.
    status: String,
    /// True when the status counts as working collaboration (functioning or strained).
    working: bool,
    /// What the routine or agreement requires, when stated.
    cadence_required: Option<String>,
    /// What happens in practice, when stated.
    cadence_actual: Option<String>,
    /// What the report says of it.
    summary: String,
}
}

row! {
@evidence
struct GapRow {
    /// The report's id.
    report_id: String,
    /// The gap's id, unique within the report.
    gap_id: String,
    /// The gap category.
    category: String,
    /// The canonical severity (breach, risk, improvement; resolved in a follow-up).
    severity: String,
    /// The report's own word for the finding (lovbrudd, avvik, merknad ...), when it uses one.
    term: Option<String>,
    /// Where the report states it: assessment, findings or response; empty when not recorded.
    stated_in: Option<String>,
    /// What the gap is.
    summary: String,
    /// The services involved (;-joined ids).
    service_ids: String,
    /// The kinds of the services involved (;-joined).
    service_kinds: String,
    /// The relations involved (;-joined ids).
    relation_ids: String,
    /// The criteria it breaks (;-joined ids).
    criterion_ids: String,
    /// The legal references (;-joined, as written).
    legal: String,
}
}

row! {
@evidence
struct RecommendationRow {
    /// The report's id.
    report_id: String,
    /// The recommendation's id, unique within the report.
    recommendation_id: String,
    /// Its number as the report prints it.
    number: String,
    /// Its text.
    text: String,
    /// The gaps it answers (;-joined ids).
    gap_ids: String,
}
}

row! {
@evidence
struct ConclusionRow {
    /// The report's id.
    report_id: String,
    /// The conclusion's id, unique within the report.
    conclusion_id: String,
    /// The audit question it answers.
    question_id: String,
    /// The verdict.
    verdict: String,
    /// What it says.
    summary: String,
}
}

row! {
@evidence
struct FollowUpRow {
    /// The (later) report's id.
    report_id: String,
    /// The follow-up item's id, unique within the report.
    follow_up_id: String,
    /// The earlier report.
    of_report_id: String,
    /// The item of the earlier report.
    of_item_id: String,
    /// Its status now.
    status: String,
    /// What the follow-up says of it.
    summary: String,
    /// Gaps of the later report that persist or replace the item (;-joined ids).
    gap_ids: String,
}
}

row! {
@evidence
struct FigureRow {
    /// The report's id.
    report_id: String,
    /// The figure's id, unique within the report.
    figure_id: String,
    /// What it counts.
    counts: String,
    /// The value (or the low end of a range), as written.
    value: serde_json::Number,
    /// The high end of a range, when given.
    max: Option<serde_json::Number>,
    /// The unit.
    unit: String,
    /// The number a share is taken of, when given.
    denominator: Option<serde_json::Number>,
    /// The period or date it refers to.
    period: Option<String>,
    /// The services it concerns (;-joined ids).
    service_ids: String,
}
}

row! {
struct MatrixLongRow {
    /// The report's id.
    report_id: String,
    /// The gap key: the category, with the service kinds when keyed by kinds.
    key: String,
    /// The gap category.
    category: String,
    /// The service kinds of the key (;-joined), when keyed by kinds.
    service_kinds: String,
    /// The number of current gaps of the report under the key (0 when none).
    count: usize,
    /// The highest severity among them; empty when the count is 0.
    highest_severity: Option<String>,
    /// The gaps (;-joined ids).
    gap_ids: String,
}
}

row! {
struct RecurrenceRow {
    /// The gap key.
    key: String,
    /// The gap category.
    category: String,
    /// The service kinds of the key (;-joined), when keyed by kinds.
    service_kinds: String,
    /// Number of reports (documents) with a current gap under the key.
    n_reports: usize,
    /// That number as a share of all reports.
    share: f64,
    /// The reports (;-joined ids).
    report_ids: String,
    /// Number of distinct municipalities of those reports.
    n_municipalities: usize,
    /// The municipalities (;-joined).
    municipalities: String,
}
}

row! {
struct SimilarityRow {
    /// The first report of the pair.
    report_a: String,
    /// The second report of the pair.
    report_b: String,
    /// Jaccard index of the two reports' current gap keys (1 when both have none).
    gap_jaccard: f64,
    /// Jaccard index of their kind-level relations.
    relation_jaccard: f64,
    /// Number of gap keys in both.
    n_shared_gap_keys: usize,
    /// The gap keys in both (;-joined).
    shared_gap_keys: String,
    /// The gap keys only in report_a (;-joined).
    only_a_gap_keys: String,
    /// The gap keys only in report_b (;-joined).
    only_b_gap_keys: String,
}
}

row! {
struct StructureRow {
    /// The report's id.
    report_id: String,
    /// All services of the report.
    n_services: usize,
    /// All relations of the report.
    n_relations: usize,
    /// Services that exist: the nodes of the network.
    n_nodes: usize,
    /// Distinct pairs of existing services joined by a working relation.
    n_links: usize,
    /// n_links / (n_nodes (n_nodes - 1) / 2).
    density: f64,
    /// Freeman degree centralization in [0, 1].
    degree_centralization: f64,
    /// Number of connected components (an isolated service is one).
    n_components: usize,
    /// Size of the largest component.
    largest_component: usize,
    /// The highest normalised betweenness.
    top_betweenness: f64,
    /// The services with the highest betweenness, when above 0 (;-joined ids).
    brokers: String,
    /// Services whose loss would split the network (;-joined ids).
    articulation_points: String,
    /// Links whose loss would split the network (;-joined `a--b`).
    bridges: String,
    /// Existing services with no working relation (;-joined ids).
    isolated: String,
    /// Services named but not existing (missing, planned, discontinued).
    n_absent_services: usize,
    /// Relations that are not working collaboration.
    n_other_relations: usize,
}
}

/// The columns a table was written with, as `datapackage.json` describes them.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// The columns, in order.
    pub fields: Vec<Field>,
}

/// Rows serialised to text cells, with each column's type and description.
struct Built {
    fields: Vec<Field>,
    rows: Vec<Vec<String>>,
}

impl Built {
    fn of<T: Row>(what: &'static str, rows: &[T]) -> Result<Built> {
        let schema = schemars::schema_for!(T);
        let props = schema
            .as_value()
            .get("properties")
            .and_then(|p| p.as_object())
            .cloned()
            .unwrap_or_default();
        let mut buffer = csv::Writer::from_writer(Vec::new());
        for row in rows {
            buffer.serialize(row).map_err(fail(what))?;
        }
        let bytes = buffer
            .into_inner()
            .map_err(|e| io_fail(what)(std::io::Error::other(e.to_string())))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(bytes.as_slice());
        let names: Vec<String> = T::COLUMNS.iter().map(|c| c.to_string()).collect();
        if !rows.is_empty() {
            let header = reader.headers().map_err(fail(what))?;
            debug_assert!(header.iter().eq(T::COLUMNS.iter().copied()));
        }
        let fields = names
            .iter()
            .map(|name| {
                let p = props.get(name);
                Field {
                    name: name.clone(),
                    kind: p.map_or("string", field_type).to_string(),
                    description: p
                        .and_then(|p| p.get("description"))
                        .and_then(|d| d.as_str())
                        .unwrap_or_default()
                        .to_string(),
                }
            })
            .collect();
        let rows = reader
            .records()
            .map(|r| r.map(|r| r.iter().map(String::from).collect()))
            .collect::<std::result::Result<Vec<Vec<String>>, _>>()
            .map_err(fail(what))?;
        Ok(Built { fields, rows })
    }

    /// Leaves out the columns that are empty in every row (when there is a row).
    fn drop_empty(mut self) -> Built {
        if self.rows.is_empty() {
            return self;
        }
        let keep: Vec<bool> = (0..self.fields.len())
            .map(|i| self.rows.iter().any(|r| !r[i].is_empty()))
            .collect();
        self.fields = keep_where(self.fields, &keep);
        self.rows = self
            .rows
            .into_iter()
            .map(|r| keep_where(r, &keep))
            .collect();
        self
    }

    fn write<W: Write>(self, mut out: W, what: &'static str, format: CsvFormat) -> Result<Columns> {
        if format == CsvFormat::Excel {
            out.write_all("\u{feff}".as_bytes())
                .map_err(io_fail(what))?;
        }
        let mut w = csv::WriterBuilder::new()
            .delimiter(format.delimiter())
            .from_writer(out);
        w.write_record(self.fields.iter().map(|f| f.name.as_str()))
            .map_err(fail(what))?;
        let decimal: Vec<bool> = self
            .fields
            .iter()
            .map(|f| format == CsvFormat::Excel && f.kind == "number")
            .collect();
        for row in &self.rows {
            let cells = row.iter().zip(&decimal).map(|(cell, &comma)| {
                if comma {
                    cell.replace('.', ",")
                } else {
                    cell.clone()
                }
            });
            w.write_record(cells).map_err(fail(what))?;
        }
        w.flush().map_err(io_fail(what))?;
        Ok(Columns {
            fields: self.fields,
        })
    }
}

/// The items of `list` whose flag in `keep` is set.
fn keep_where<T>(list: Vec<T>, keep: &[bool]) -> Vec<T> {
    list.into_iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(x, _)| x)
        .collect()
}

/// The Frictionless type of a JSON Schema property: `string`, `integer`, `number`, `boolean`.
fn field_type(property: &serde_json::Value) -> &'static str {
    let types: Vec<&str> = match property.get("type") {
        Some(serde_json::Value::String(t)) => vec![t.as_str()],
        Some(serde_json::Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => Vec::new(),
    };
    match types.into_iter().find(|t| *t != "null") {
        Some("integer") => "integer",
        Some("number") => "number",
        Some("boolean") => "boolean",
        _ => "string",
    }
}

fn opt_word<V: Vocabulary>(v: Option<V>) -> Option<String> {
    v.map(|v| v.word().to_string())
}

fn key_kinds(key: &GapKey) -> String {
    join(key.kinds.iter().map(|k| k.word()))
}

/// Writes `table` of `corpus` (gap keys by `mode`) as CSV in `format`, and returns its columns.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn write_table<W: Write>(
    out: W,
    table: Table,
    corpus: &Corpus,
    mode: KeyMode,
    format: CsvFormat,
) -> Result<Columns> {
    let what = table.name();
    let built = match table {
        Table::Reports => Built::of(what, &corpus.iter().map(report_row).collect::<Vec<_>>()),
        Table::Services => Built::of(what, &per_report(corpus, service_rows)),
        Table::Relations => Built::of(what, &per_report(corpus, relation_rows)),
        Table::Gaps => Built::of(what, &per_report(corpus, gap_rows)),
        Table::Recommendations => Built::of(
            what,
            &per_report(corpus, |r| {
                r.recommendations
                    .iter()
                    .map(|x| RecommendationRow {
                        report_id: r.id.to_string(),
                        recommendation_id: x.id.clone(),
                        number: x.number.clone(),
                        text: x.text.clone(),
                        gap_ids: join(x.gaps.iter().map(String::as_str)),
                        evidence_source: source(&x.evidence),
                        evidence_line: line(&x.evidence),
                        evidence_quote: quote(&x.evidence),
                        n_evidence: x.evidence.len(),
                    })
                    .collect()
            }),
        ),
        Table::Conclusions => Built::of(
            what,
            &per_report(corpus, |r| {
                r.conclusions
                    .iter()
                    .map(|x| ConclusionRow {
                        report_id: r.id.to_string(),
                        conclusion_id: x.id.clone(),
                        question_id: x.question.clone(),
                        verdict: x.verdict.word().to_string(),
                        summary: x.summary.clone(),
                        evidence_source: source(&x.evidence),
                        evidence_line: line(&x.evidence),
                        evidence_quote: quote(&x.evidence),
                        n_evidence: x.evidence.len(),
                    })
                    .collect()
            }),
        ),
        Table::FollowUps => Built::of(
            what,
            &per_report(corpus, |r| {
                r.follow_ups
                    .iter()
                    .map(|x| FollowUpRow {
                        report_id: r.id.to_string(),
                        follow_up_id: x.id.clone(),
                        of_report_id: x.of.report.to_string(),
                        of_item_id: x.of.item.clone(),
                        status: x.status.word().to_string(),
                        summary: x.summary.clone(),
                        gap_ids: join(x.gaps.iter().map(String::as_str)),
                        evidence_source: source(&x.evidence),
                        evidence_line: line(&x.evidence),
                        evidence_quote: quote(&x.evidence),
                        n_evidence: x.evidence.len(),
                    })
                    .collect()
            }),
        ),
        Table::Figures => Built::of(
            what,
            &per_report(corpus, |r| {
                r.figures
                    .iter()
                    .map(|x| FigureRow {
                        report_id: r.id.to_string(),
                        figure_id: x.id.clone(),
                        counts: x.counts.clone(),
                        value: x.value.clone(),
                        max: x.max.clone(),
                        unit: x.unit.clone(),
                        denominator: x.denominator.clone(),
                        period: x.period.clone(),
                        service_ids: join(x.services.iter().map(|s| s.as_str())),
                        evidence_source: source(&x.evidence),
                        evidence_line: line(&x.evidence),
                        evidence_quote: quote(&x.evidence),
                        n_evidence: x.evidence.len(),
                    })
                    .collect()
            }),
        ),
        Table::MatrixLong => {
            let m = gap_matrix(corpus, mode);
            let mut rows = Vec::new();
            for row in &m.rows {
                for key in &m.columns {
                    let cell = row.cells.get(key);
                    rows.push(MatrixLongRow {
                        report_id: row.report.to_string(),
                        key: key.to_string(),
                        category: key.category.word().to_string(),
                        service_kinds: key_kinds(key),
                        count: cell.map_or(0, |c| c.count),
                        highest_severity: cell.map(|c| c.highest.word().to_string()),
                        gap_ids: cell
                            .map(|c| join(c.gaps.iter().copied()))
                            .unwrap_or_default(),
                    });
                }
            }
            Built::of(what, &rows)
        }
        Table::MatrixWide => Ok(matrix_wide(corpus, mode)),
        Table::Recurrence => {
            let rec = recurrence(corpus, mode);
            let rows: Vec<RecurrenceRow> = rec
                .keys
                .iter()
                .map(|k| RecurrenceRow {
                    key: k.key.to_string(),
                    category: k.key.category.word().to_string(),
                    service_kinds: key_kinds(&k.key),
                    n_reports: k.reports.len(),
                    share: round(k.share),
                    report_ids: join(k.reports.iter().map(|r| r.as_str())),
                    n_municipalities: k.municipalities.len(),
                    municipalities: join(k.municipalities.iter().copied()),
                })
                .collect();
            Built::of(what, &rows)
        }
        Table::Similarity => {
            let keys = |list: &[GapKey]| {
                list.iter()
                    .map(|k| k.to_string())
                    .collect::<Vec<_>>()
                    .join(";")
            };
            let rows: Vec<SimilarityRow> = all_pairs(corpus, mode)
                .iter()
                .map(|s| SimilarityRow {
                    report_a: s.a.to_string(),
                    report_b: s.b.to_string(),
                    gap_jaccard: round(s.gaps.jaccard),
                    relation_jaccard: round(s.relations.jaccard),
                    n_shared_gap_keys: s.gaps.shared.len(),
                    shared_gap_keys: keys(&s.gaps.shared),
                    only_a_gap_keys: keys(&s.gaps.only_a),
                    only_b_gap_keys: keys(&s.gaps.only_b),
                })
                .collect();
            Built::of(what, &rows)
        }
        Table::Structure => {
            let ids = |l: &[String]| join(l.iter().map(String::as_str));
            let rows: Vec<StructureRow> = structures(corpus)
                .iter()
                .map(|s| StructureRow {
                    report_id: s.report.to_string(),
                    n_services: s.n_services,
                    n_relations: s.n_relations,
                    n_nodes: s.n_nodes,
                    n_links: s.n_links,
                    density: round(s.density),
                    degree_centralization: round(s.degree_centralization),
                    n_components: s.components.len(),
                    largest_component: s.components.first().map_or(0, Vec::len),
                    top_betweenness: round(s.betweenness.first().map_or(0.0, |b| b.1)),
                    brokers: ids(&s.brokers),
                    articulation_points: ids(&s.articulation_points),
                    bridges: s
                        .bridges
                        .iter()
                        .map(|(a, b)| format!("{a}--{b}"))
                        .collect::<Vec<_>>()
                        .join(";"),
                    isolated: ids(&s.isolated),
                    n_absent_services: s.absent_services.len(),
                    n_other_relations: s.other_relations.len(),
                })
                .collect();
            Built::of(what, &rows)
        }
    }?;
    built.drop_empty().write(out, what, format)
}

/// Writes every table into the folder `dir` (which must exist) as `NAME.csv`, then
/// `datapackage.json` describing each file and column, and returns that description.
///
/// The program writes into a fresh temporary folder and renames it when this succeeded, so
/// that a failure leaves nothing half-written; do the same when calling it.
///
/// # Errors
/// [`Error::Export`] naming the file when one cannot be written.
pub fn write_tables(
    dir: &Path,
    corpus: &Corpus,
    mode: KeyMode,
    format: CsvFormat,
) -> Result<DataPackage> {
    let mut resources = Vec::new();
    for &table in Table::ALL {
        let file = format!("{}.csv", table.name());
        let path = dir.join(&file);
        let named = |e: std::io::Error| Error::Export {
            what: table.name(),
            message: format!("{}: {e}", path.display()),
        };
        let handle = std::fs::File::create(&path).map_err(named)?;
        let mut out = std::io::BufWriter::new(handle);
        let columns = write_table(&mut out, table, corpus, mode, format)?;
        out.flush().map_err(named)?;
        resources.push(Resource::csv(table, file, columns.fields, format));
    }
    let package = DataPackage::new(corpus, mode, resources);
    let path = dir.join("datapackage.json");
    let mut text = serde_json::to_string_pretty(&package).expect("a data package serialises");
    text.push('\n');
    std::fs::write(&path, text).map_err(|e| Error::Export {
        what: "datapackage",
        message: format!("{}: {e}", path.display()),
    })?;
    Ok(package)
}

/// Four decimals: enough for a share or a Jaccard index, and the same text on every machine.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn per_report<T>(corpus: &Corpus, rows: impl Fn(&Report) -> Vec<T>) -> Vec<T> {
    corpus.iter().flat_map(rows).collect()
}

fn report_row(r: &Report) -> ReportRow {
    let current = current_gaps(r).count();
    ReportRow {
        report_id: r.id.to_string(),
        title: r.title.clone(),
        year: r.year,
        date: r.date.clone(),
        genre: r.genre.word().to_string(),
        scope: r.scope.word().to_string(),
        municipalities: join(r.municipalities.iter().map(String::as_str)),
        districts: join(r.districts.iter().map(String::as_str)),
        auditor: r.auditor.clone(),
        commissioned_by: r.commissioned_by.clone(),
        follows_up: r.follows_up.as_ref().map(|f| f.to_string()),
        derived_from: r.derived_from.as_ref().map(|f| f.to_string()),
        primary: r.is_primary(),
        closed: r.closed.is_some(),
        n_services: r.services.len(),
        n_relations: r.relations.len(),
        n_gaps: current,
        n_resolved_gaps: r.gaps.len() - current,
        n_recommendations: r.recommendations.len(),
        n_conclusions: r.conclusions.len(),
        n_follow_ups: r.follow_ups.len(),
        n_figures: r.figures.len(),
        evidence_source: source(&r.evidence),
        evidence_line: line(&r.evidence),
        evidence_quote: quote(&r.evidence),
        n_evidence: r.evidence.len(),
    }
}

fn service_rows(r: &Report) -> Vec<ServiceRow> {
    r.services
        .iter()
        .map(|s| ServiceRow {
            report_id: r.id.to_string(),
            service_id: s.id.to_string(),
            name: s.name.clone(),
            service_kind: s.resolved_kind().word().to_string(),
            owner: opt_word(s.owner),
            parent: s.parent.as_ref().map(|p| p.to_string()),
            status: s.status.word().to_string(),
            aliases: join(s.aliases.iter().map(String::as_str)),
            evidence_source: source(&s.evidence),
            evidence_line: line(&s.evidence),
            evidence_quote: quote(&s.evidence),
            n_evidence: s.evidence.len(),
        })
        .collect()
}

fn relation_rows(r: &Report) -> Vec<RelationRow> {
    let kind = |id: &crate::ServiceId| {
        r.service(id.as_str())
            .map(|s| s.resolved_kind().word().to_string())
            .unwrap_or_default()
    };
    r.relations
        .iter()
        .map(|x| RelationRow {
            report_id: r.id.to_string(),
            relation_id: x.id.clone(),
            from_service: x.from.to_string(),
            to_service: x.to.to_string(),
            from_kind: kind(&x.from),
            to_kind: kind(&x.to),
            relation_kinds: join(x.kinds.iter().map(|k| k.word())),
            direction: x.direction.word().to_string(),
            level: x.level.word().to_string(),
            status: x.status.word().to_string(),
            working: x.status.is_working(),
            cadence_required: x.cadence.as_ref().and_then(|c| c.required.clone()),
            cadence_actual: x.cadence.as_ref().and_then(|c| c.actual.clone()),
            summary: x.summary.clone(),
            evidence_source: source(&x.evidence),
            evidence_line: line(&x.evidence),
            evidence_quote: quote(&x.evidence),
            n_evidence: x.evidence.len(),
        })
        .collect()
}

fn gap_rows(r: &Report) -> Vec<GapRow> {
    r.gaps
        .iter()
        .map(|g| GapRow {
            report_id: r.id.to_string(),
            gap_id: g.id.clone(),
            category: g.category.word().to_string(),
            severity: g.severity.word().to_string(),
            term: opt_word(g.term),
            stated_in: opt_word(g.stated_in),
            summary: g.summary.clone(),
            service_ids: join(g.services.iter().map(|s| s.as_str())),
            service_kinds: join(
                g.services
                    .iter()
                    .filter_map(|id| r.service(id.as_str()))
                    .map(|s| s.resolved_kind().word()),
            ),
            relation_ids: join(g.relations.iter().map(String::as_str)),
            criterion_ids: join(g.criteria.iter().map(String::as_str)),
            legal: g
                .legal
                .iter()
                .map(|l| l.text().to_string())
                .collect::<Vec<_>>()
                .join(";"),
            evidence_source: source(&g.evidence),
            evidence_line: line(&g.evidence),
            evidence_quote: quote(&g.evidence),
            n_evidence: g.evidence.len(),
        })
        .collect()
}

/// The wide matrix: `report_id`, then a count column per gap key (typed integer).
fn matrix_wide(corpus: &Corpus, mode: KeyMode) -> Built {
    let m = gap_matrix(corpus, mode);
    let mut fields = vec![Field {
        name: "report_id".to_string(),
        kind: "string".to_string(),
        description: "The report's id.".to_string(),
    }];
    fields.extend(m.columns.iter().map(|k| Field {
        name: k.to_string(),
        kind: "integer".to_string(),
        description: format!(
            "Number of current gaps under the key `{k}` ({}).",
            k.category.english()
        ),
    }));
    let rows = m
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.report.to_string()];
            cells.extend(m.columns.iter().map(|k| row.count(k).to_string()));
            cells
        })
        .collect();
    Built { fields, rows }
}
