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

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use serde::Serialize;

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
    let sg = ServiceGraph::from_report(report);
    let g = sg.graph();
    // The undirected simple graph of working links between existing services.
    let mut net: UnGraph<String, ()> = UnGraph::default();
    let mut at: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    for i in g.node_indices() {
        if g[i].status == ServiceStatus::Existing {
            at.insert(i, net.add_node(g[i].id.clone()));
        }
    }
    let mut pairs: BTreeSet<(NodeIndex, NodeIndex)> = BTreeSet::new();
    let mut other_relations = Vec::new();
    for e in g.edge_references() {
        match (at.get(&e.source()), at.get(&e.target())) {
            (Some(&a), Some(&b)) if e.weight().status.is_working() => {
                pairs.insert((a.min(b), a.max(b)));
            }
            _ => other_relations.push((e.weight().id.clone(), e.weight().status)),
        }
    }
    for &(a, b) in &pairs {
        net.add_edge(a, b, ());
    }
    let n = net.node_count();
    let name = |i: NodeIndex| net[i].clone();

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
    let raw = brandes(&net);
    let scale = if n < 3 {
        0.0
    } else {
        1.0 / ((n - 1) * (n - 2) / 2) as f64
    };
    let mut betweenness: Vec<(String, f64)> = net
        .node_indices()
        .map(|i| (name(i), raw[i.index()] * scale))
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
    let absent_services = g
        .node_weights()
        .filter(|s| s.status != ServiceStatus::Existing)
        .map(|s| (s.id.clone(), s.status))
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

/// Connected components as sorted id lists, largest first, then by first id.
fn components(net: &UnGraph<String, ()>) -> Vec<Vec<String>> {
    let mut seen = vec![false; net.node_count()];
    let mut out = Vec::new();
    for start in net.node_indices() {
        if seen[start.index()] {
            continue;
        }
        let mut component = Vec::new();
        let mut queue = VecDeque::from([start]);
        seen[start.index()] = true;
        while let Some(i) = queue.pop_front() {
            component.push(net[i].clone());
            for j in net.neighbors(i) {
                if !seen[j.index()] {
                    seen[j.index()] = true;
                    queue.push_back(j);
                }
            }
        }
        component.sort();
        out.push(component);
    }
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out
}

/// Brandes' algorithm on an unweighted undirected graph: for each node, the number of shortest
/// paths between other pairs that pass through it (each unordered pair counted once).
fn brandes(net: &UnGraph<String, ()>) -> Vec<f64> {
    let n = net.node_count();
    let mut centrality = vec![0.0; n];
    for s in net.node_indices() {
        let mut stack = Vec::with_capacity(n);
        let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
        let mut sigma = vec![0.0_f64; n];
        let mut dist = vec![-1_i64; n];
        sigma[s.index()] = 1.0;
        dist[s.index()] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v.index());
            for w in net.neighbors(v) {
                if dist[w.index()] < 0 {
                    dist[w.index()] = dist[v.index()] + 1;
                    queue.push_back(w);
                }
                if dist[w.index()] == dist[v.index()] + 1 {
                    sigma[w.index()] += sigma[v.index()];
                    preds[w.index()].push(v.index());
                }
            }
        }
        let mut delta = vec![0.0_f64; n];
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s.index() {
                centrality[w] += delta[w];
            }
        }
    }
    // Every unordered pair was counted from both ends.
    centrality.iter().map(|c| c / 2.0).collect()
}
