//! Exports for other tools: CSV tables for R, pandas and spreadsheets (with the csv crate).
//!
//! Every function writes to any [`std::io::Write`] in a fixed row and column order, so the same
//! input gives the same bytes. Cells that hold lists join them with `;`.

use std::io::Write;

use crate::Corpus;
use crate::compare::{GapMatrix, Recurrence, Similarity};
use crate::error::{Error, Result};
use crate::taxonomy::Vocabulary;

/// What a matrix cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// The number of gaps.
    Count,
    /// 1 when the report has a gap of the key, else 0 (for R and pandas).
    Presence,
}

/// The gap matrix as CSV: a `report` column, then one column per gap key.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn matrix_csv<W: Write>(out: W, matrix: &GapMatrix, measure: Measure) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec!["report".to_string()];
    header.extend(matrix.columns.iter().map(|k| k.to_string()));
    w.write_record(&header).map_err(fail("matrix"))?;
    for row in &matrix.rows {
        let mut record = vec![row.report.to_string()];
        for key in &matrix.columns {
            let n = row.count(key);
            record.push(match measure {
                Measure::Count => n.to_string(),
                Measure::Presence => usize::from(n > 0).to_string(),
            });
        }
        w.write_record(&record).map_err(fail("matrix"))?;
    }
    w.flush().map_err(|e| fail("matrix")(e.into()))
}

/// Recurrence as CSV: one row per gap key.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn recurrence_csv<W: Write>(out: W, recurrence: &Recurrence) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "key",
        "category",
        "kinds",
        "n_reports",
        "share",
        "reports",
        "municipalities",
    ])
    .map_err(fail("recurrence"))?;
    for k in &recurrence.keys {
        w.write_record([
            k.key.to_string(),
            k.key.category.to_string(),
            join(k.key.kinds.iter().map(|k| k.word())),
            k.reports.len().to_string(),
            format!("{:.4}", k.share),
            join(k.reports.iter().map(|r| r.as_str())),
            join(k.municipalities.iter().map(String::as_str)),
        ])
        .map_err(fail("recurrence"))?;
    }
    w.flush().map_err(|e| fail("recurrence")(e.into()))
}

/// Similarities as CSV: one row per pair, with the shared and differing gap keys.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn similarity_csv<W: Write>(out: W, pairs: &[Similarity]) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "a",
        "b",
        "gap_jaccard",
        "relation_jaccard",
        "shared_gaps",
        "only_a",
        "only_b",
    ])
    .map_err(fail("similarity"))?;
    for s in pairs {
        let keys = |list: &[crate::compare::GapKey]| {
            list.iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
                .join(";")
        };
        w.write_record([
            s.a.to_string(),
            s.b.to_string(),
            format!("{:.4}", s.gaps.jaccard),
            format!("{:.4}", s.relations.jaccard),
            keys(&s.gaps.shared),
            keys(&s.gaps.only_a),
            keys(&s.gaps.only_b),
        ])
        .map_err(fail("similarity"))?;
    }
    w.flush().map_err(|e| fail("similarity")(e.into()))
}

/// Every service of every report as CSV, with the source and line of its first evidence.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn services_csv<W: Write>(out: W, corpus: &Corpus) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "report", "id", "name", "kind", "owner", "parent", "status", "source", "line",
    ])
    .map_err(fail("services"))?;
    for r in corpus {
        for s in &r.services {
            let (source, line) = first(&s.evidence);
            w.write_record([
                r.id.to_string(),
                s.id.to_string(),
                s.name.clone(),
                s.resolved_kind().to_string(),
                s.owner.map(|o| o.to_string()).unwrap_or_default(),
                s.parent.as_ref().map(|p| p.to_string()).unwrap_or_default(),
                s.status.to_string(),
                source,
                line,
            ])
            .map_err(fail("services"))?;
        }
    }
    w.flush().map_err(|e| fail("services")(e.into()))
}

/// Every relation of every report as CSV, with the kinds of both services.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn relations_csv<W: Write>(out: W, corpus: &Corpus) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "report",
        "id",
        "from",
        "to",
        "from_kind",
        "to_kind",
        "kinds",
        "direction",
        "level",
        "status",
        "source",
        "line",
    ])
    .map_err(fail("relations"))?;
    for r in corpus {
        for x in &r.relations {
            let kind = |id: &crate::ServiceId| {
                r.service(id.as_str())
                    .map(|s| s.resolved_kind().to_string())
                    .unwrap_or_default()
            };
            let (source, line) = first(&x.evidence);
            w.write_record([
                r.id.to_string(),
                x.id.clone(),
                x.from.to_string(),
                x.to.to_string(),
                kind(&x.from),
                kind(&x.to),
                join(x.kinds.iter().map(|k| k.word())),
                x.direction.to_string(),
                x.level.to_string(),
                x.status.to_string(),
                source,
                line,
            ])
            .map_err(fail("relations"))?;
        }
    }
    w.flush().map_err(|e| fail("relations")(e.into()))
}

/// Every gap of every report as CSV, with its services' kinds and its first evidence.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn gaps_csv<W: Write>(out: W, corpus: &Corpus) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "report",
        "municipalities",
        "year",
        "id",
        "category",
        "severity",
        "summary",
        "services",
        "kinds",
        "source",
        "line",
        "quote",
    ])
    .map_err(fail("gaps"))?;
    for r in corpus {
        for g in &r.gaps {
            let (source, line) = first(&g.evidence);
            let kinds = g
                .services
                .iter()
                .filter_map(|id| r.service(id.as_str()))
                .map(|s| s.resolved_kind().word());
            w.write_record([
                r.id.to_string(),
                join(r.municipalities.iter().map(String::as_str)),
                r.year.to_string(),
                g.id.clone(),
                g.category.to_string(),
                g.severity.to_string(),
                g.summary.clone(),
                join(g.services.iter().map(|s| s.as_str())),
                join(kinds),
                source,
                line,
                g.evidence
                    .first()
                    .map(|e| e.quote.clone())
                    .unwrap_or_default(),
            ])
            .map_err(fail("gaps"))?;
        }
    }
    w.flush().map_err(|e| fail("gaps")(e.into()))
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(";")
}

fn first(evidence: &[crate::Evidence]) -> (String, String) {
    evidence
        .first()
        .map(|e| (e.source.clone(), e.line.to_string()))
        .unwrap_or_default()
}

fn fail(what: &'static str) -> impl Fn(csv::Error) -> Error {
    move |e| Error::Export {
        what,
        message: e.to_string(),
    }
}
