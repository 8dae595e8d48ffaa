//! Exports for other tools: CSV tables for R, pandas and spreadsheets (with the csv crate), and
//! service graphs for Graphviz (DOT), Gephi, NetworkX and igraph (GraphML, node-link JSON, CSV
//! node and edge lists).
//!
//! Every function writes to any [`std::io::Write`] in a fixed row and column order, so the same
//! input gives the same bytes. Cells that hold lists join them with `;`.

use std::collections::BTreeMap;
use std::io::Write;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::Corpus;
use crate::compare::{GapMatrix, Recurrence, Similarity};
use crate::error::{Error, Result};
use crate::graph::ServiceGraph;
use crate::taxonomy::{Direction, ServiceStatus, Status, Vocabulary};

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
pub fn matrix_csv<W: Write>(out: W, matrix: &GapMatrix<'_>, measure: Measure) -> Result<()> {
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
pub fn recurrence_csv<W: Write>(out: W, recurrence: &Recurrence<'_>) -> Result<()> {
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
            join(k.municipalities.iter().copied()),
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
        "stated_in",
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
                r.year.map(|y| y.to_string()).unwrap_or_default(),
                g.id.clone(),
                g.category.to_string(),
                g.severity.to_string(),
                g.stated_in.map(|s| s.to_string()).unwrap_or_default(),
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

/// A service graph in Graphviz DOT: labels quoted (Norwegian letters kept), services grouped in
/// clusters by owner, mutual relations drawn without arrowheads, and edge style by status:
/// missing, refused and discontinued dashed, strained and not followed coloured, planned and
/// unclear dotted.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn dot<W: Write>(mut out: W, graph: &ServiceGraph) -> Result<()> {
    let g = graph.graph();
    let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut text = format!(
        "digraph {} {{\n  node [shape=box];\n",
        q(graph.report().as_str())
    );
    let mut by_owner: BTreeMap<String, Vec<NodeIndex>> = BTreeMap::new();
    for i in g.node_indices() {
        let owner = g[i]
            .owner
            .map_or("unknown".to_string(), |o| o.word().to_string());
        by_owner.entry(owner).or_default().push(i);
    }
    for (owner, nodes) in &by_owner {
        text.push_str(&format!(
            "  subgraph {} {{\n    label={};\n",
            q(&format!("cluster_{owner}")),
            q(owner)
        ));
        for &i in nodes {
            let n = &g[i];
            let style = if n.status == ServiceStatus::Existing {
                "solid"
            } else {
                "dashed"
            };
            text.push_str(&format!(
                "    {} [label={}, kind={}, status={}, style={style}];\n",
                q(&n.id),
                q(&format!("{} ({})", n.name, n.kind)),
                q(n.kind.word()),
                q(n.status.word())
            ));
        }
        text.push_str("  }\n");
    }
    for e in g.edge_references() {
        let r = e.weight();
        let style = match r.status {
            Status::Missing | Status::Refused | Status::Discontinued => "style=dashed",
            Status::Strained | Status::NotFollowed => "color=orange",
            Status::Planned | Status::Unclear => "style=dotted",
            Status::Functioning => "style=solid",
            Status::Described => "color=gray50",
        };
        let dir = if r.direction == Direction::Mutual {
            ", dir=none"
        } else {
            ""
        };
        let kinds: Vec<&str> = r.kinds.iter().map(|k| k.word()).collect();
        text.push_str(&format!(
            "  {} -> {} [label={}, status={}, {style}{dir}];\n",
            q(&g[e.source()].id),
            q(&g[e.target()].id),
            q(&kinds.join(", ")),
            q(r.status.word())
        ));
    }
    text.push_str("}\n");
    out.write_all(text.as_bytes()).map_err(|e| Error::Export {
        what: "dot",
        message: e.to_string(),
    })
}

/// A service graph in GraphML with typed attributes, as NetworkX `read_graphml`, Gephi and igraph
/// read it. Nodes carry `name`, `kind`, `owner`, `parent`, `status`; edges carry `relation`,
/// `kinds` (`;`-joined), `status`, `level`, `direction` and the `source` and `line` of their first
/// evidence. The graph is declared directed; a mutual relation says so in `direction`.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn graphml<W: Write>(mut out: W, graph: &ServiceGraph) -> Result<()> {
    let g = graph.graph();
    let x = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut text = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
    );
    for (id, target, name, kind) in [
        ("n_name", "node", "name", "string"),
        ("n_kind", "node", "kind", "string"),
        ("n_owner", "node", "owner", "string"),
        ("n_parent", "node", "parent", "string"),
        ("n_status", "node", "status", "string"),
        ("e_relation", "edge", "relation", "string"),
        ("e_kinds", "edge", "kinds", "string"),
        ("e_status", "edge", "status", "string"),
        ("e_level", "edge", "level", "string"),
        ("e_direction", "edge", "direction", "string"),
        ("e_source", "edge", "source", "string"),
        ("e_line", "edge", "line", "int"),
    ] {
        text.push_str(&format!(
            "  <key id=\"{id}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{kind}\"/>\n"
        ));
    }
    text.push_str(&format!(
        "  <graph id=\"{}\" edgedefault=\"directed\">\n",
        x(graph.report().as_str())
    ));
    for i in g.node_indices() {
        let n = &g[i];
        text.push_str(&format!("    <node id=\"{}\">\n", x(&n.id)));
        let mut data = vec![("n_name", n.name.clone()), ("n_kind", n.kind.to_string())];
        if let Some(o) = n.owner {
            data.push(("n_owner", o.to_string()));
        }
        if let Some(p) = &n.parent {
            data.push(("n_parent", p.clone()));
        }
        data.push(("n_status", n.status.to_string()));
        for (k, v) in data {
            text.push_str(&format!("      <data key=\"{k}\">{}</data>\n", x(&v)));
        }
        text.push_str("    </node>\n");
    }
    for e in g.edge_references() {
        let r = e.weight();
        text.push_str(&format!(
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">\n",
            x(&r.id),
            x(&g[e.source()].id),
            x(&g[e.target()].id)
        ));
        let kinds: Vec<&str> = r.kinds.iter().map(|k| k.word()).collect();
        for (k, v) in [
            ("e_relation", r.id.clone()),
            ("e_kinds", kinds.join(";")),
            ("e_status", r.status.to_string()),
            ("e_level", r.level.to_string()),
            ("e_direction", r.direction.to_string()),
            ("e_source", r.source.clone()),
            ("e_line", r.line.to_string()),
        ] {
            text.push_str(&format!("      <data key=\"{k}\">{}</data>\n", x(&v)));
        }
        text.push_str("    </edge>\n");
    }
    text.push_str("  </graph>\n</graphml>\n");
    out.write_all(text.as_bytes()).map_err(|e| Error::Export {
        what: "graphml",
        message: e.to_string(),
    })
}

/// A service graph as node-link JSON, as NetworkX `node_link_graph(data, edges="links")` reads
/// it: `directed`, `multigraph`, `graph`, `nodes` (with `id`) and `links` (with `source`,
/// `target` and `key`).
pub fn node_link(graph: &ServiceGraph) -> serde_json::Value {
    let g = graph.graph();
    let nodes: Vec<serde_json::Value> = g
        .node_indices()
        .map(|i| {
            let n = &g[i];
            serde_json::json!({
                "id": n.id, "name": n.name, "kind": n.kind, "owner": n.owner,
                "parent": n.parent, "status": n.status,
            })
        })
        .collect();
    let links: Vec<serde_json::Value> = g
        .edge_references()
        .map(|e| {
            let r = e.weight();
            serde_json::json!({
                "source": g[e.source()].id, "target": g[e.target()].id, "key": r.id,
                "kinds": r.kinds, "status": r.status, "level": r.level, "direction": r.direction,
                "evidence_source": r.source, "evidence_line": r.line,
            })
        })
        .collect();
    serde_json::json!({
        "directed": true,
        "multigraph": true,
        "graph": {"report": graph.report()},
        "nodes": nodes,
        "links": links,
    })
}

/// The nodes of a service graph as CSV: `id, name, kind, owner, parent, status`.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn nodes_csv<W: Write>(out: W, graph: &ServiceGraph) -> Result<()> {
    let g = graph.graph();
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["id", "name", "kind", "owner", "parent", "status"])
        .map_err(fail("nodes"))?;
    for n in g.node_weights() {
        w.write_record([
            n.id.clone(),
            n.name.clone(),
            n.kind.to_string(),
            n.owner.map(|o| o.to_string()).unwrap_or_default(),
            n.parent.clone().unwrap_or_default(),
            n.status.to_string(),
        ])
        .map_err(fail("nodes"))?;
    }
    w.flush().map_err(|e| fail("nodes")(e.into()))
}

/// The edges of a service graph as CSV: `relation, source, target, kinds, status, level,
/// direction, evidence_source, evidence_line`.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn edges_csv<W: Write>(out: W, graph: &ServiceGraph) -> Result<()> {
    let g = graph.graph();
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "relation",
        "source",
        "target",
        "kinds",
        "status",
        "level",
        "direction",
        "evidence_source",
        "evidence_line",
    ])
    .map_err(fail("edges"))?;
    for e in g.edge_references() {
        let r = e.weight();
        w.write_record([
            r.id.clone(),
            g[e.source()].id.clone(),
            g[e.target()].id.clone(),
            join(r.kinds.iter().map(|k| k.word())),
            r.status.to_string(),
            r.level.to_string(),
            r.direction.to_string(),
            r.source.clone(),
            r.line.to_string(),
        ])
        .map_err(fail("edges"))?;
    }
    w.flush().map_err(|e| fail("edges")(e.into()))
}
