//! The row structs: one per table, each field a column (serde), its doc comment the column's
//! description and its type the column's type (schemars).

use schemars::JsonSchema;
use serde::Serialize;

use crate::model::{Evidence, FigureNumber};

/// A table's row: its columns in order, the same as the struct's fields.
pub(super) trait Row: Serialize + JsonSchema {
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
        pub(super) struct $name {
            $($(#[$fm])* pub(super) $f: $t,)*
        }

        impl Row for $name {
            const COLUMNS: &'static [&'static str] = &[$(stringify!($f)),*];
        }
    };
}

pub(super) fn source(evidence: &[Evidence]) -> String {
    evidence
        .first()
        .map(|e| e.source.clone())
        .unwrap_or_default()
}

pub(super) fn line(evidence: &[Evidence]) -> usize {
    evidence.first().map_or(0, |e| e.line)
}

pub(super) fn quote(evidence: &[Evidence]) -> String {
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
    #[serde(serialize_with = "as_written")]
    value: FigureNumber,
    /// The high end of a range, when given.
    #[serde(serialize_with = "as_written_opt")]
    max: Option<FigureNumber>,
    /// The unit.
    unit: String,
    /// The number a share is taken of, when given.
    #[serde(serialize_with = "as_written_opt")]
    denominator: Option<FigureNumber>,
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

/// A figure's number in a cell exactly as the record writes it (`12.50` stays `12.50`).
fn as_written<S: serde::Serializer>(n: &FigureNumber, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(n.as_str())
}

fn as_written_opt<S: serde::Serializer>(n: &Option<FigureNumber>, s: S) -> Result<S::Ok, S::Error> {
    match n {
        Some(n) => s.serialize_str(n.as_str()),
        None => s.serialize_none(),
    }
}
