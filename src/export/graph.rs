//! A report's network as files for Gephi, NetworkX and igraph: GraphML, node-link JSON and CSV
//! node and edge lists, all with the same attribute names and values ([`NODE_ATTRIBUTES`],
//! [`EDGE_ATTRIBUTES`]).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use super::{fail, io_fail, join, xml_escape};
use crate::error::Result;
use crate::graph::{ServiceGraph, structure};
use crate::model::Report;
use crate::taxonomy::{Owner, ServiceStatus, Vocabulary};

/// The type of a graph, node or edge attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttributeType {
    /// Text (GraphML `string`).
    Text,
    /// A whole number (GraphML `int`).
    Int,
    /// A number (GraphML `double`).
    Double,
    /// `true` or `false` (GraphML `boolean`).
    Bool,
}

use AttributeType as Type;

impl AttributeType {
    /// The GraphML `attr.type`.
    pub fn graphml(self) -> &'static str {
        match self {
            Type::Text => "string",
            Type::Int => "int",
            Type::Double => "double",
            Type::Bool => "boolean",
        }
    }
}

/// One attribute value.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Value {
    Text(String),
    Int(i64),
    Double(f64),
    Bool(bool),
}

impl Value {
    fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Int(n) => n.to_string(),
            Value::Double(x) => x.to_string(),
            Value::Bool(b) => b.to_string(),
        }
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Value::Text(s) => s.clone().into(),
            Value::Int(n) => (*n).into(),
            Value::Double(x) => {
                serde_json::Number::from_f64(*x).map_or(serde_json::Value::Null, Into::into)
            }
            Value::Bool(b) => (*b).into(),
        }
    }
}

/// Node attributes, in output order: name and type. A node leaves out what does not apply
/// (the owner when not stated, the metrics of a service that does not exist).
pub const NODE_ATTRIBUTES: &[(&str, Type)] = &[
    ("label", Type::Text),
    ("kind", Type::Text),
    ("owner", Type::Text),
    ("parent", Type::Text),
    ("status", Type::Text),
    ("degree", Type::Int),
    ("betweenness", Type::Double),
    ("articulation_point", Type::Bool),
    ("broker", Type::Bool),
    ("isolated", Type::Bool),
    ("component", Type::Int),
    ("evidence_source", Type::Text),
    ("evidence_line", Type::Int),
];

/// Edge attributes, in output order. `from` and `to` keep the sender and receiver of a directed
/// relation (the graph itself is undirected).
pub const EDGE_ATTRIBUTES: &[(&str, Type)] = &[
    ("relation", Type::Text),
    ("label", Type::Text),
    ("relation_kinds", Type::Text),
    ("status", Type::Text),
    ("working", Type::Bool),
    ("level", Type::Text),
    ("direction", Type::Text),
    ("from", Type::Text),
    ("to", Type::Text),
    ("weight", Type::Double),
    ("evidence_source", Type::Text),
    ("evidence_line", Type::Int),
];

/// Graph attributes, in output order.
pub const GRAPH_ATTRIBUTES: &[(&str, Type)] = &[
    ("report", Type::Text),
    ("title", Type::Text),
    ("year", Type::Int),
    ("municipalities", Type::Text),
    ("level", Type::Text),
];

/// A report's network ready for export: the service graph (or the kind-level graph), the
/// report's metadata for the graph-level attributes, and the node metrics of
/// [`graph::structure`](crate::graph::structure).
///
/// Every format treats the network as undirected, as [`crate::graph::Structure`] does: a mutual
/// relation has no direction, and a directed one keeps its sender and receiver in the edge's
/// `from`, `to` and `direction` attributes. Each relation is its own edge with `weight` 1, so a
/// tool that merges parallel edges (Gephi does) sums them into a count.
#[derive(Debug, Clone)]
pub struct Network<'r> {
    report: &'r Report,
    graph: ServiceGraph,
    kinds: bool,
    metrics: BTreeMap<String, Vec<(&'static str, Value)>>,
}

impl<'r> Network<'r> {
    /// The service-level network of `report`: a node per service, with the metrics of
    /// [`structure`] on each service that exists (degree, betweenness, articulation point,
    /// broker, isolated, component).
    pub fn services(report: &'r Report) -> Network<'r> {
        let s = structure(report);
        let mut metrics: BTreeMap<String, Vec<(&'static str, Value)>> = BTreeMap::new();
        let exists: BTreeSet<&str> = report
            .services
            .iter()
            .filter(|s| s.status == ServiceStatus::Existing)
            .map(|s| s.id.as_str())
            .collect();
        let mut neighbours: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for r in &report.relations {
            let (a, b) = (r.from.as_str(), r.to.as_str());
            if r.status.is_working() && exists.contains(a) && exists.contains(b) && a != b {
                neighbours.entry(a).or_default().insert(b);
                neighbours.entry(b).or_default().insert(a);
            }
        }
        let betweenness: BTreeMap<&str, f64> = s
            .betweenness
            .iter()
            .map(|(id, b)| (id.as_str(), *b))
            .collect();
        let component: BTreeMap<&str, usize> = s
            .components
            .iter()
            .enumerate()
            .flat_map(|(i, c)| c.iter().map(move |id| (id.as_str(), i + 1)))
            .collect();
        for &id in &exists {
            let has = |list: &[String]| list.iter().any(|x| x == id);
            metrics.insert(
                id.to_string(),
                vec![
                    (
                        "degree",
                        Value::Int(neighbours.get(id).map_or(0, BTreeSet::len) as i64),
                    ),
                    (
                        "betweenness",
                        Value::Double(betweenness.get(id).copied().unwrap_or(0.0)),
                    ),
                    (
                        "articulation_point",
                        Value::Bool(has(&s.articulation_points)),
                    ),
                    ("broker", Value::Bool(has(&s.brokers))),
                    ("isolated", Value::Bool(has(&s.isolated))),
                    (
                        "component",
                        Value::Int(component.get(id).copied().unwrap_or(0) as i64),
                    ),
                ],
            );
        }
        Network {
            report,
            graph: ServiceGraph::from_report(report),
            kinds: false,
            metrics,
        }
    }

    /// The kind-level network of `report` ([`ServiceGraph::by_kind`]): a node per service kind.
    /// A kind's `owner` is given when all its services have the same one. Service metrics do
    /// not carry over to merged nodes, so a kind node has none (compute them on the kind graph
    /// in the tool, if wanted).
    pub fn kinds(report: &'r Report) -> Network<'r> {
        Network {
            report,
            graph: ServiceGraph::from_report(report).by_kind(),
            kinds: true,
            metrics: BTreeMap::new(),
        }
    }

    /// The graph.
    pub fn graph(&self) -> &ServiceGraph {
        &self.graph
    }

    /// The report.
    pub fn report(&self) -> &'r Report {
        self.report
    }

    /// True for the kind-level network.
    pub fn is_kind_level(&self) -> bool {
        self.kinds
    }

    /// The owner of node `i`: the service's, or for a kind, the one all its services share.
    pub(super) fn owner(&self, i: NodeIndex) -> Option<Owner> {
        let node = &self.graph.graph()[i];
        if !self.kinds {
            return node.owner;
        }
        let owners: BTreeSet<Option<Owner>> = self
            .report
            .services
            .iter()
            .filter(|s| s.resolved_kind() == node.kind)
            .map(|s| s.owner)
            .collect();
        match owners.into_iter().collect::<Vec<_>>()[..] {
            [one] => one,
            _ => None,
        }
    }

    /// The graph-level attributes that have a value.
    pub(super) fn graph_attributes(&self) -> Vec<(&'static str, Value)> {
        let r = self.report;
        let mut out = vec![("report", Value::Text(r.id.to_string()))];
        if let Some(title) = &r.title {
            out.push(("title", Value::Text(title.clone())));
        }
        if let Some(year) = r.year {
            out.push(("year", Value::Int(i64::from(year))));
        }
        if !r.municipalities.is_empty() {
            out.push((
                "municipalities",
                Value::Text(join(r.municipalities.iter().map(String::as_str))),
            ));
        }
        out.push((
            "level",
            Value::Text(if self.kinds { "kinds" } else { "services" }.to_string()),
        ));
        out
    }

    /// The attributes of node `i` that have a value, in [`NODE_ATTRIBUTES`] order.
    pub(super) fn node_attributes(&self, i: NodeIndex) -> Vec<(&'static str, Value)> {
        let n = &self.graph.graph()[i];
        let mut out = vec![
            ("label", Value::Text(n.name.clone())),
            ("kind", Value::Text(n.kind.word().to_string())),
        ];
        if let Some(o) = self.owner(i) {
            out.push(("owner", Value::Text(o.word().to_string())));
        }
        if let Some(p) = &n.parent {
            out.push(("parent", Value::Text(p.clone())));
        }
        out.push(("status", Value::Text(n.status.word().to_string())));
        if let Some(m) = self.metrics.get(&n.id) {
            out.extend(m.iter().cloned());
        }
        if !self.kinds
            && let Some(ev) = self.report.service(&n.id).and_then(|s| s.evidence.first())
        {
            out.push(("evidence_source", Value::Text(ev.source.clone())));
            out.push(("evidence_line", Value::Int(ev.line as i64)));
        }
        out
    }

    /// The attributes of edge `e` that have a value, in [`EDGE_ATTRIBUTES`] order.
    pub(super) fn edge_attributes(&self, e: EdgeIndex) -> Vec<(&'static str, Value)> {
        let g = self.graph.graph();
        let r = &g[e];
        let (a, b) = g.edge_endpoints(e).expect("an edge of the graph");
        let kinds = join(r.kinds.iter().map(|k| k.word()));
        let label = r
            .kinds
            .iter()
            .map(|k| k.english())
            .collect::<Vec<_>>()
            .join(", ");
        let exists = |i: NodeIndex| g[i].status == ServiceStatus::Existing;
        let mut out = vec![
            ("relation", Value::Text(r.id.clone())),
            ("label", Value::Text(label)),
            ("relation_kinds", Value::Text(kinds)),
            ("status", Value::Text(r.status.word().to_string())),
            (
                "working",
                Value::Bool(r.status.is_working() && exists(a) && exists(b)),
            ),
            ("level", Value::Text(r.level.word().to_string())),
            ("direction", Value::Text(r.direction.word().to_string())),
            ("from", Value::Text(g[a].id.clone())),
            ("to", Value::Text(g[b].id.clone())),
            ("weight", Value::Double(1.0)),
        ];
        if !r.source.is_empty() {
            out.push(("evidence_source", Value::Text(r.source.clone())));
            out.push(("evidence_line", Value::Int(r.line as i64)));
        }
        out
    }
}

/// A network in GraphML, as NetworkX `read_graphml`, Gephi and igraph read it: an undirected
/// graph with typed keys ([`NODE_ATTRIBUTES`], [`EDGE_ATTRIBUTES`]: strings, `int`, `double`
/// for betweenness and weight, `boolean` for articulation point, broker, isolated and working),
/// a `label` on every node and edge, and the graph-level `report`, `title`, `year`,
/// `municipalities` and `level`. A value that does not apply is left out, never written empty.
/// Characters XML 1.0 forbids are replaced by U+FFFD.
///
/// # Errors
/// [`crate::Error::Export`] when the writer fails.
pub fn graphml<W: Write>(mut out: W, network: &Network<'_>) -> Result<()> {
    let g = network.graph.graph();
    let mut text = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (target, prefix, list) in [
        ("graph", "g", GRAPH_ATTRIBUTES),
        ("node", "n", NODE_ATTRIBUTES),
        ("edge", "e", EDGE_ATTRIBUTES),
    ] {
        for (name, ty) in list {
            text.push_str(&format!(
                "  <key id=\"{prefix}_{name}\" for=\"{target}\" attr.name=\"{name}\" attr.type=\"{}\"/>\n",
                ty.graphml()
            ));
        }
    }
    text.push_str(&format!(
        "  <graph id=\"{}\" edgedefault=\"undirected\">\n",
        xml_escape(network.report.id.as_str())
    ));
    let data = |text: &mut String, prefix: &str, indent: &str, attrs: Vec<(&str, Value)>| {
        for (k, v) in attrs {
            text.push_str(&format!(
                "{indent}<data key=\"{prefix}_{k}\">{}</data>\n",
                xml_escape(&v.text())
            ));
        }
    };
    data(&mut text, "g", "    ", network.graph_attributes());
    for i in g.node_indices() {
        text.push_str(&format!("    <node id=\"{}\">\n", xml_escape(&g[i].id)));
        data(&mut text, "n", "      ", network.node_attributes(i));
        text.push_str("    </node>\n");
    }
    for e in g.edge_references() {
        text.push_str(&format!(
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">\n",
            xml_escape(&e.weight().id),
            xml_escape(&g[e.source()].id),
            xml_escape(&g[e.target()].id)
        ));
        data(&mut text, "e", "      ", network.edge_attributes(e.id()));
        text.push_str("    </edge>\n");
    }
    text.push_str("  </graph>\n</graphml>\n");
    out.write_all(text.as_bytes()).map_err(io_fail("graphml"))
}

/// A network as node-link JSON, exactly as current NetworkX writes it by default, so that
/// `nx.node_link_graph(data)` loads it with no arguments: `directed` (false), `multigraph`
/// (true), `graph`, `nodes` (each with `id`) and `edges` (each with `source`, `target` and
/// `key`, the relation id). Attribute names and values are those of [`graphml`]; a value that
/// does not apply is left out, never `null`.
pub fn node_link(network: &Network<'_>) -> serde_json::Value {
    let g = network.graph.graph();
    let object = |head: Vec<(&str, serde_json::Value)>, attrs: Vec<(&str, Value)>| {
        let mut map = serde_json::Map::new();
        for (k, v) in head {
            map.insert(k.to_string(), v);
        }
        for (k, v) in attrs {
            map.insert(k.to_string(), v.json());
        }
        serde_json::Value::Object(map)
    };
    let nodes: Vec<serde_json::Value> = g
        .node_indices()
        .map(|i| {
            object(
                vec![("id", g[i].id.clone().into())],
                network.node_attributes(i),
            )
        })
        .collect();
    let edges: Vec<serde_json::Value> = g
        .edge_references()
        .map(|e| {
            object(
                vec![
                    ("source", g[e.source()].id.clone().into()),
                    ("target", g[e.target()].id.clone().into()),
                    ("key", e.weight().id.clone().into()),
                ],
                network.edge_attributes(e.id()),
            )
        })
        .collect();
    serde_json::json!({
        "directed": false,
        "multigraph": true,
        "graph": object(Vec::new(), network.graph_attributes()),
        "nodes": nodes,
        "edges": edges,
    })
}

/// The nodes of a network as CSV: `id`, then the columns of [`NODE_ATTRIBUTES`] (as Gephi's
/// spreadsheet import and igraph's `graph_from_data_frame` read them); a value that does not
/// apply is an empty cell.
///
/// # Errors
/// [`crate::Error::Export`] when the writer fails.
pub fn nodes_csv<W: Write>(out: W, network: &Network<'_>) -> Result<()> {
    let g = network.graph.graph();
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec!["id"];
    header.extend(NODE_ATTRIBUTES.iter().map(|(n, _)| *n));
    w.write_record(&header).map_err(fail("nodes"))?;
    for i in g.node_indices() {
        let attrs: BTreeMap<&str, Value> = network.node_attributes(i).into_iter().collect();
        let mut row = vec![g[i].id.clone()];
        row.extend(
            NODE_ATTRIBUTES
                .iter()
                .map(|(n, _)| attrs.get(n).map(Value::text).unwrap_or_default()),
        );
        w.write_record(&row).map_err(fail("nodes"))?;
    }
    w.flush().map_err(io_fail("nodes"))
}

/// The edges of a network as CSV: `source`, `target` (the endpoints, as Gephi's edge table
/// expects), then the columns of [`EDGE_ATTRIBUTES`].
///
/// # Errors
/// [`crate::Error::Export`] when the writer fails.
pub fn edges_csv<W: Write>(out: W, network: &Network<'_>) -> Result<()> {
    let g = network.graph.graph();
    let mut w = csv::Writer::from_writer(out);
    let mut header = vec!["source", "target"];
    header.extend(EDGE_ATTRIBUTES.iter().map(|(n, _)| *n));
    w.write_record(&header).map_err(fail("edges"))?;
    for e in g.edge_references() {
        let attrs: BTreeMap<&str, Value> = network.edge_attributes(e.id()).into_iter().collect();
        let mut row = vec![g[e.source()].id.clone(), g[e.target()].id.clone()];
        row.extend(
            EDGE_ATTRIBUTES
                .iter()
                .map(|(n, _)| attrs.get(n).map(Value::text).unwrap_or_default()),
        );
        w.write_record(&row).map_err(fail("edges"))?;
    }
    w.flush().map_err(io_fail("edges"))
}
