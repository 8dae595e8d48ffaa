//! The rows of each table, built from a corpus.

use super::Table;
use super::cells::Built;
use super::rows::*;
use crate::Corpus;
use crate::compare::{GapKey, KeyMode, all_pairs, current_gaps, gap_matrix, recurrence};
use crate::error::Result;
use crate::export::datapackage::Field;
use crate::export::join;
use crate::graph::structures;
use crate::model::Report;
use crate::taxonomy::Vocabulary;

/// The cells of `table` of `corpus`, gap keys by `mode`.
pub(super) fn build(table: Table, corpus: &Corpus, mode: KeyMode) -> Result<Built> {
    let what = table.name();
    match table {
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
    }
}

fn opt_word<V: Vocabulary>(v: Option<V>) -> Option<String> {
    v.map(|v| v.word().to_string())
}

fn key_kinds(key: &GapKey) -> String {
    join(key.kinds.iter().map(|k| k.word()))
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
        decimal_char: None,
    }];
    fields.extend(m.columns.iter().map(|k| Field {
        name: k.to_string(),
        kind: "integer".to_string(),
        description: format!(
            "Number of current gaps under the key `{k}` ({}).",
            k.category.english()
        ),
        decimal_char: None,
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
