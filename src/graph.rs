//! The service graph of a report, and its structure: who collaborates with whom, who brokers,
//! which services and links the network hangs on.
//!
//! [`ServiceGraph`] wraps a petgraph [`DiGraph`]: a node per service, an edge per relation, in the
//! report's order. [`structure`] measures the network of *working* collaboration (relations
//! that are functioning or strained, between services that exist), treating every relation as an
//! undirected link; the other relations are listed apart. These are structural findings derived
//! from the graph: they are never merged into the gaps the auditor stated.
//!
//! # Example
//! ```
//! use samhandling::graph::{structure, ServiceGraph};
//! use samhandling::Report;
//!
//! let report = Report::from_json_str(include_str!("../docs/example-report.json"))?;
//! let graph = ServiceGraph::from_report(&report);
//! assert_eq!(graph.graph().node_count(), report.services.len());
//! let s = structure(&report);
//! assert_eq!(s.n_links, 2);
//! assert_eq!(s.components.len(), 2);
//! assert!(s.isolated.is_empty());
//! # Ok::<(), samhandling::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use rustworkx_core::centrality::betweenness_centrality;
use rustworkx_core::connectivity::connected_components;
use serde::Serialize;

use crate::Corpus;
use crate::model::{Report, ReportId, ServiceId};
use crate::taxonomy::{
    Direction, Level, Owner, RelationKind, ServiceKind, ServiceStatus, Status, Vocabulary,
};

/// A node of the service graph: one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceNode {
    /// The service's id (for a kind-level graph, the kind's word).
    pub id: String,
    /// The local name (for a kind-level graph, the kind's Norwegian label).
    pub name: String,
    /// The canonical kind.
    pub kind: ServiceKind,
    /// Who runs it, when stated.
    pub owner: Option<Owner>,
    /// The unit it belongs to, when stated.
    pub parent: Option<String>,
    /// Whether it exists.
    pub status: ServiceStatus,
}

/// An edge of the service graph: one relation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelationEdge {
    /// The relation's id.
    pub id: String,
    /// What it consists of.
    pub kinds: Vec<RelationKind>,
    /// How it works.
    pub status: Status,
    /// System or individual level.
    pub level: Level,
    /// Directed or mutual; the petgraph edge always runs `from` → `to`.
    pub direction: Direction,
    /// The source document of its first evidence.
    pub source: String,
    /// The line of its first evidence.
    pub line: usize,
}

/// A report's services and relations as a petgraph graph, with an id → node map.
#[derive(Debug, Clone)]
pub struct ServiceGraph {
    report: ReportId,
    graph: DiGraph<ServiceNode, RelationEdge>,
    index: BTreeMap<String, NodeIndex>,
}

impl ServiceGraph {
    /// The graph of `report`: a node per service and an edge per relation, in the report's order.
    pub fn from_report(report: &Report) -> ServiceGraph {
        let mut graph = DiGraph::new();
        let mut index = BTreeMap::new();
        for s in &report.services {
            let node = graph.add_node(ServiceNode {
                id: s.id.to_string(),
                name: s.name.clone(),
                kind: s.resolved_kind(),
                owner: s.owner,
                parent: s.parent.as_ref().map(ServiceId::to_string),
                status: s.status,
            });
            index.insert(s.id.to_string(), node);
        }
        for r in &report.relations {
            let (Some(&a), Some(&b)) = (index.get(r.from.as_str()), index.get(r.to.as_str()))
            else {
                continue; // a validated report has none
            };
            let first = r.evidence.first();
            graph.add_edge(
                a,
                b,
                RelationEdge {
                    id: r.id.clone(),
                    kinds: r.kinds.clone(),
                    status: r.status,
                    level: r.level,
                    direction: r.direction,
                    source: first.map(|e| e.source.clone()).unwrap_or_default(),
                    line: first.map_or(0, |e| e.line),
                },
            );
        }
        ServiceGraph {
            report: report.id.clone(),
            graph,
            index,
        }
    }

    /// The kind-level graph: the report's services collapsed by [`ServiceKind`], so that
    /// municipalities with different local names compare. A node per kind present (in the
    /// taxonomy's order), every relation kept as an edge between kinds; relations within one kind
    /// are dropped.
    pub fn by_kind(&self) -> ServiceGraph {
        let mut graph = DiGraph::new();
        let mut index = BTreeMap::new();
        let kinds: BTreeSet<ServiceKind> = self.graph.node_weights().map(|n| n.kind).collect();
        for kind in kinds {
            let exists = self
                .graph
                .node_weights()
                .any(|n| n.kind == kind && n.status == ServiceStatus::Existing);
            let node = graph.add_node(ServiceNode {
                id: kind.word().to_string(),
                name: kind.norwegian().to_string(),
                kind,
                owner: None,
                parent: None,
                status: if exists {
                    ServiceStatus::Existing
                } else {
                    ServiceStatus::Missing
                },
            });
            index.insert(kind.word().to_string(), node);
        }
        for e in self.graph.edge_references() {
            let (a, b) = (self.graph[e.source()].kind, self.graph[e.target()].kind);
            if a != b {
                graph.add_edge(index[a.word()], index[b.word()], e.weight().clone());
            }
        }
        ServiceGraph {
            report: self.report.clone(),
            graph,
            index,
        }
    }

    /// The report the graph was built from.
    pub fn report(&self) -> &ReportId {
        &self.report
    }

    /// The petgraph graph, for its algorithms. Edges run `from` → `to`; whether a relation is
    /// mutual is in its [`RelationEdge::direction`].
    pub fn graph(&self) -> &DiGraph<ServiceNode, RelationEdge> {
        &self.graph
    }

    /// The node of the service with id `id`.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }
}

/// The structure of a report's network of working collaboration.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Structure {
    /// The report.
    pub report: ReportId,
    /// All services of the report.
    pub n_services: usize,
    /// All relations of the report.
    pub n_relations: usize,
    /// Services that exist: the nodes of the network.
    pub n_nodes: usize,
    /// Distinct pairs of existing services joined by at least one working relation.
    pub n_links: usize,
    /// `n_links / (n_nodes · (n_nodes − 1) / 2)`; 0 with fewer than two nodes.
    pub density: f64,
    /// Connected components, largest first (a service with no working link is one on its own).
    pub components: Vec<Vec<String>>,
    /// Freeman degree centralization in [0, 1]: 1 for a star, 0 when all degrees are equal.
    pub degree_centralization: f64,
    /// Normalised betweenness centrality of every node, highest first (ties by id).
    pub betweenness: Vec<(String, f64)>,
    /// The services with the highest betweenness, when it is above 0: the brokers.
    pub brokers: Vec<String>,
    /// Services whose loss would split the network, sorted.
    pub articulation_points: Vec<String>,
    /// Links whose loss would split the network, as sorted pairs of service ids.
    pub bridges: Vec<(String, String)>,
    /// Existing services with no working relation, sorted.
    pub isolated: Vec<String>,
    /// Services the report names as missing, planned or discontinued, with that status.
    pub absent_services: Vec<(String, ServiceStatus)>,
    /// Relations that are not working collaboration (missing, unclear, planned, discontinued,
    /// not followed, refused), or that involve a service that does not exist, by relation id.
    pub other_relations: Vec<(String, Status)>,
}

/// The structure of `report`'s network of working collaboration (see [`Structure`]).
///
/// # Complexity
/// O(n · m) for n services and m relations (Brandes' betweenness); the rest is linear.
pub fn structure(report: &Report) -> Structure {
    // The undirected simple graph of working links between existing services, built straight
    // from the report (a `ServiceGraph` would copy every name and id first).
    let mut net: UnGraph<&str, ()> = UnGraph::default();
    let mut at: BTreeMap<&str, Option<NodeIndex>> = BTreeMap::new();
    for s in &report.services {
        let node = (s.status == ServiceStatus::Existing).then(|| net.add_node(s.id.as_str()));
        at.insert(s.id.as_str(), node);
    }
    let mut pairs: Vec<(NodeIndex, NodeIndex)> = Vec::new();
    let mut other_relations = Vec::new();
    for r in &report.relations {
        let (Some(&a), Some(&b)) = (at.get(r.from.as_str()), at.get(r.to.as_str())) else {
            continue; // a validated report has none
        };
        match (a, b) {
            (Some(a), Some(b)) if r.status.is_working() => pairs.push((a.min(b), a.max(b))),
            _ => other_relations.push((r.id.clone(), r.status)),
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    for &(a, b) in &pairs {
        net.add_edge(a, b, ());
    }
    let n = net.node_count();
    let name = |i: NodeIndex| net[i].to_string();

    let density = if n < 2 {
        0.0
    } else {
        pairs.len() as f64 / (n * (n - 1) / 2) as f64
    };
    let degrees: Vec<usize> = net
        .node_indices()
        .map(|i| net.neighbors(i).count())
        .collect();
    let degree_centralization = match (n, degrees.iter().max()) {
        (n, Some(&max)) if n >= 3 => {
            degrees.iter().map(|d| (max - d) as f64).sum::<f64>() / ((n - 1) * (n - 2)) as f64
        }
        _ => 0.0,
    };
    // Normalised by the number of pairs of other nodes, (n − 1)(n − 2) / 2, as NetworkX does.
    let raw = betweenness_centrality(&net, false, n >= 3, usize::MAX);
    let mut betweenness: Vec<(String, f64)> = net
        .node_indices()
        .map(|i| (name(i), raw[i.index()].unwrap_or(0.0)))
        .collect();
    betweenness.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let top = betweenness.first().map_or(0.0, |b| b.1);
    let brokers = if top > 0.0 {
        betweenness
            .iter()
            .take_while(|b| b.1 == top)
            .map(|b| b.0.clone())
            .collect()
    } else {
        Vec::new()
    };
    let mut articulation_points: Vec<String> =
        petgraph::algo::articulation_points::articulation_points(&net)
            .into_iter()
            .map(name)
            .collect();
    articulation_points.sort();
    let mut bridges: Vec<(String, String)> = petgraph::algo::bridges(&net)
        .map(|e| {
            let (a, b) = (name(e.source()), name(e.target()));
            if a <= b { (a, b) } else { (b, a) }
        })
        .collect();
    bridges.sort();
    let mut isolated: Vec<String> = net
        .node_indices()
        .filter(|&i| net.neighbors(i).next().is_none())
        .map(name)
        .collect();
    isolated.sort();
    let absent_services = report
        .services
        .iter()
        .filter(|s| s.status != ServiceStatus::Existing)
        .map(|s| (s.id.to_string(), s.status))
        .collect();
    Structure {
        report: report.id.clone(),
        n_services: report.services.len(),
        n_relations: report.relations.len(),
        n_nodes: n,
        n_links: pairs.len(),
        density,
        components: components(&net),
        degree_centralization,
        betweenness,
        brokers,
        articulation_points,
        bridges,
        isolated,
        absent_services,
        other_relations,
    }
}

/// The [`structure`] of every report of `corpus`, in report-id order, computed on all cores.
///
/// # Example
/// ```
/// use samhandling::graph::structures;
/// use samhandling::Corpus;
///
/// let corpus = Corpus::bundled()?;
/// let all = structures(&corpus);
/// assert_eq!(all.len(), corpus.len());
/// assert!(all.windows(2).all(|w| w[0].report < w[1].report));
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn structures(corpus: &Corpus) -> Vec<Structure> {
    use rayon::prelude::*;
    let reports: Vec<&Report> = corpus.iter().collect();
    reports.par_iter().map(|r| structure(r)).collect()
}

/// Connected components as sorted id lists, largest first, then by first id.
fn components(net: &UnGraph<&str, ()>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = connected_components(net)
        .into_iter()
        .map(|c| {
            let mut ids: Vec<String> = c.into_iter().map(|i| net[i].to_string()).collect();
            ids.sort();
            ids
        })
        .collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out
}
