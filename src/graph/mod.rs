//! The service graph of a report, and its structure: who collaborates with whom, who brokers,
//! which services and links the network hangs on.
//!
//! [`ServiceGraph`] wraps a petgraph [`DiGraph`]: a node per service, an edge per relation, in the
//! report's order. [`structure`] measures the network of collaboration that exists (relations
//! that are functioning, strained, described or not followed, between services that exist) and
//! of organisational links (`parent`), as undirected links, leaving out the municipality as an
//! abstract party; every broker, articulation point and bridge comes with the links that make it
//! one (see [`structure`] for the rule). These are structural findings derived from the graph:
//! they are never merged into the gaps the auditor stated.
//!
//! # Example
//! ```
//! use samhandling::graph::{structure, ServiceGraph};
//! use samhandling::Report;
//!
//! let report = Report::from_json_str(include_str!("../../docs/example-report.json"))?;
//! let graph = ServiceGraph::from_report(&report);
//! assert_eq!(graph.graph().node_count(), report.services.len());
//! let s = structure(&report);
//! assert_eq!(s.n_links, 2);
//! assert_eq!(s.components.len(), 2);
//! assert!(s.isolated.is_empty());
//! # Ok::<(), samhandling::Error>(())
//! ```

mod structure;

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use serde::Serialize;

use crate::model::{Report, ReportId, ServiceId};
use crate::taxonomy::{
    Direction, Level, Owner, RelationKind, ServiceKind, ServiceStatus, Status, Vocabulary,
};

pub use structure::{Cut, CutKind, Link, Structure, structure, structures};

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
