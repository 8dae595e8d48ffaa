//! The structure of a report's network: density, centralization, brokers, articulation points
//! and bridges, each with the links that make it one.
//!
//! The rule is documented on [`structure`], where the rendered documentation shows it.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{EdgeIndex, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;
use rustworkx_core::centrality::betweenness_centrality;
use rustworkx_core::connectivity::connected_components;
use serde::Serialize;

use crate::Corpus;
use crate::model::{Report, ReportId};
use crate::taxonomy::{GapCategory, ServiceKind, ServiceStatus, Status};

/// One link of the network: a pair of services and what joins them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Link {
    /// One service (the smaller id).
    pub a: String,
    /// The other service.
    pub b: String,
    /// The relations that join them, by id (empty for a link that is only organisational).
    pub relations: Vec<String>,
    /// True when one is the other's `parent`.
    pub organisational: bool,
}

/// What makes a service or link structural.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CutKind {
    /// A broker: the highest betweenness.
    Broker,
    /// An articulation point: its loss splits the network.
    ArticulationPoint,
    /// A bridge: its loss splits the network.
    Bridge,
}

/// A broker, articulation point or bridge, with the links that make it one, so that a reader can
/// check it against the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cut {
    /// What kind of finding it is.
    pub kind: CutKind,
    /// The service (for a bridge, `a–b`).
    pub id: String,
    /// The links through it (for a bridge, the link itself).
    pub links: Vec<Link>,
    /// For an articulation point or bridge: the services its loss cuts off from the largest
    /// remaining part, sorted. Empty for a broker.
    pub separates: Vec<String>,
    /// True when everything it cuts off is a single-mention leaf (see the module docs): then it
    /// is not listed among the articulation points or bridges.
    pub single_mention: bool,
    /// For a broker: its rounded betweenness.
    pub betweenness: Option<f64>,
}

/// The structure of a report's network (see the [`structure`] for what it holds).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Structure {
    /// The report.
    pub report: ReportId,
    /// All services of the report.
    pub n_services: usize,
    /// All relations of the report.
    pub n_relations: usize,
    /// Services that exist, less the municipality as an abstract party: the nodes.
    pub n_nodes: usize,
    /// Distinct pairs of nodes joined by a collaboration or organisational link.
    pub n_links: usize,
    /// Of those, pairs joined by at least one relation that exists (collaboration).
    pub n_collaboration_links: usize,
    /// Of those, pairs joined by at least one functioning or strained relation.
    pub n_working_links: usize,
    /// `n_links / (n_nodes · (n_nodes − 1) / 2)`; 0 with fewer than two nodes.
    pub density: f64,
    /// Connected components, largest first (a service with no link is one on its own).
    pub components: Vec<Vec<String>>,
    /// Freeman degree centralization in [0, 1]: 1 for a star, 0 when all degrees are equal.
    pub degree_centralization: f64,
    /// Normalised betweenness centrality of every node, rounded to 12 decimals, highest first
    /// (ties by id).
    pub betweenness: Vec<(String, f64)>,
    /// The services with the highest betweenness, when it is above 0: the brokers.
    pub brokers: Vec<String>,
    /// Services whose loss would split the network, sorted; those that would cut off only
    /// single-mention leaves are left out (they are in `cuts`, marked).
    pub articulation_points: Vec<String>,
    /// Links whose loss would split the network, as sorted pairs of service ids; those that
    /// would cut off only single-mention leaves are left out (they are in `cuts`, marked).
    pub bridges: Vec<(String, String)>,
    /// Every broker, articulation point and bridge with the links that make it one.
    pub cuts: Vec<Cut>,
    /// Every link of the network, sorted.
    pub links: Vec<Link>,
    /// Services named once and hanging off the network by one link, sorted.
    pub single_mention_leaves: Vec<String>,
    /// Existing services with no link, sorted.
    pub isolated: Vec<String>,
    /// The municipality (or municipalities) as an abstract party, left out of the network.
    pub parties: Vec<String>,
    /// Services the report names as missing, planned or discontinued, with that status.
    pub absent_services: Vec<(String, ServiceStatus)>,
    /// Relations that are not links of the network (missing, refused, discontinued, planned,
    /// unclear, or with an end that is not a node), by relation id.
    pub other_relations: Vec<(String, Status)>,
    /// The report's own gaps about the structure of collaboration (no agreements, no routines,
    /// system collaboration, silos, unclear responsibility), by id: what the report says, beside
    /// what is computed.
    pub stated: Vec<String>,
}

/// Betweenness rounded for ranking: equal in exact arithmetic means equal here.
fn round(x: f64) -> f64 {
    (x * 1e12).round() / 1e12
}

/// The structure of `report`'s network (see [`Structure`] and the module docs).
///
/// # The network
/// - **Nodes**: the services that exist, except the municipality as an abstract party (kind
///   `kommune`): it stands for every service of the municipality, so as a node it would join
///   whatever the report says "the municipality" does and come out as a broker of nothing in
///   particular. Its relations are listed in [`Structure::parties`] and
///   [`Structure::other_relations`].
/// - **Collaboration links**: relations whose status says the collaboration exists
///   ([`Status::exists`]: functioning, strained, described, not followed). A `described` relation
///   counts: the report states that the collaboration exists; it is not evidence that it works,
///   which is why [`Structure::n_working_links`] counts functioning and strained links apart.
///   Missing, refused, discontinued, planned and unclear relations are listed apart.
/// - **Organisational links**: a service's `parent` (a team of a department, a department of a
///   sector), when both exist. They are part of the structure (a unit and its sub-units are not
///   strangers), and every [`Link`] says whether it is organisational, collaboration, or both.
///
/// # Single mentions
/// A service the record names once (one piece of evidence, no gap or figure names it) and that
/// hangs off the network by one link is a *single-mention leaf*: the encoding of one sentence. An
/// articulation point or bridge that only cuts off single-mention leaves rests on that sentence,
/// not on the report's account of the network; it is left out of
/// [`Structure::articulation_points`] and [`Structure::bridges`] and kept, marked, in
/// [`Structure::cuts`].
///
/// # Ties
/// Betweenness values are rounded to 12 decimal places before they are ranked and compared, so
/// that values equal in exact arithmetic (29/528 reached by two summation orders) tie, and ties
/// are broken by id. Brokers are the services whose rounded value equals the top one.
///
/// These are structural findings derived from the graph: they are never merged into the gaps the
/// auditor stated; [`Structure::stated`] lists, beside them, the report's own gaps about the
/// structure of collaboration.
///
/// # Complexity
/// O(n · m) for n services and m relations (Brandes' betweenness), and O(c · (n + m)) for the
/// c articulation points and bridges explained.
pub fn structure(report: &Report) -> Structure {
    let mut net: UnGraph<&str, ()> = UnGraph::default();
    let mut at: BTreeMap<&str, Option<NodeIndex>> = BTreeMap::new();
    let mut parties = Vec::new();
    for s in &report.services {
        let abstract_party = s.resolved_kind() == ServiceKind::Kommune;
        if abstract_party && s.status == ServiceStatus::Existing {
            parties.push(s.id.to_string());
        }
        let node = (s.status == ServiceStatus::Existing && !abstract_party)
            .then(|| net.add_node(s.id.as_str()));
        at.insert(s.id.as_str(), node);
    }
    // (a, b) with a < b -> (relation ids, organisational, working)
    let mut pairs: BTreeMap<(NodeIndex, NodeIndex), (Vec<String>, bool, bool)> = BTreeMap::new();
    let mut other_relations = Vec::new();
    for r in &report.relations {
        let (Some(&a), Some(&b)) = (at.get(r.from.as_str()), at.get(r.to.as_str())) else {
            continue; // a validated report has none
        };
        match (a, b) {
            (Some(a), Some(b)) if a != b && r.status.exists() => {
                let e = pairs.entry((a.min(b), a.max(b))).or_default();
                e.0.push(r.id.clone());
                e.2 |= r.status.is_working();
            }
            _ => other_relations.push((r.id.clone(), r.status)),
        }
    }
    for s in &report.services {
        let (Some(Some(a)), Some(parent)) = (at.get(s.id.as_str()), &s.parent) else {
            continue;
        };
        if let Some(Some(b)) = at.get(parent.as_str())
            && a != b
        {
            pairs.entry(((*a).min(*b), (*a).max(*b))).or_default().1 = true;
        }
    }
    // Edges are added in order, so an edge's index is its position here.
    let mut link_of: Vec<Link> = Vec::with_capacity(pairs.len());
    for (&(a, b), (relations, organisational, _)) in &pairs {
        let e = net.add_edge(a, b, ());
        let (x, y) = (net[a].to_string(), net[b].to_string());
        let (x, y) = if x <= y { (x, y) } else { (y, x) };
        debug_assert_eq!(e.index(), link_of.len());
        link_of.push(Link {
            a: x,
            b: y,
            relations: relations.clone(),
            organisational: *organisational,
        });
    }
    let n = net.node_count();
    let name = |i: NodeIndex| net[i].to_string();
    let links_at = |i: NodeIndex| -> Vec<Link> {
        let mut out: Vec<Link> = net
            .edges(i)
            .map(|e| link_of[e.id().index()].clone())
            .collect();
        out.sort();
        out
    };

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
        .map(|i| (name(i), round(raw[i.index()].unwrap_or(0.0))))
        .collect();
    betweenness.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let top = betweenness.first().map_or(0.0, |b| b.1);
    let brokers: Vec<String> = if top > 0.0 {
        betweenness
            .iter()
            .take_while(|b| b.1 == top)
            .map(|b| b.0.clone())
            .collect()
    } else {
        Vec::new()
    };

    // Single-mention leaves: one link, one piece of evidence, named by no gap or figure.
    let named: BTreeSet<&str> = report
        .gaps
        .iter()
        .flat_map(|g| g.services.iter())
        .chain(report.figures.iter().flat_map(|f| f.services.iter()))
        .map(|s| s.as_str())
        .collect();
    let once: BTreeSet<&str> = report
        .services
        .iter()
        .filter(|s| s.evidence.len() <= 1)
        .map(|s| s.id.as_str())
        .collect();
    let single: BTreeSet<NodeIndex> = net
        .node_indices()
        .filter(|&i| net.neighbors(i).count() == 1)
        .filter(|&i| {
            let id = net[i];
            !named.contains(id) && once.contains(id)
        })
        .collect();

    let mut cuts: Vec<Cut> = brokers
        .iter()
        .filter_map(|b| {
            let i = net.node_indices().find(|&i| net[i] == b.as_str())?;
            Some(Cut {
                kind: CutKind::Broker,
                id: b.clone(),
                links: links_at(i),
                separates: Vec::new(),
                single_mention: false,
                betweenness: Some(top),
            })
        })
        .collect();
    let mut articulation_points = Vec::new();
    let mut aps: Vec<NodeIndex> = petgraph::algo::articulation_points::articulation_points(&net)
        .into_iter()
        .collect();
    aps.sort_by_key(|&i| net[i]);
    for i in aps {
        let separates = cut_off(&net, Some(i), None);
        let single_mention = separates.iter().all(|&j| single.contains(&j));
        if !single_mention {
            articulation_points.push(name(i));
        }
        cuts.push(Cut {
            kind: CutKind::ArticulationPoint,
            id: name(i),
            links: links_at(i),
            separates: sorted_names(&net, &separates),
            single_mention,
            betweenness: None,
        });
    }
    let mut bridge_cuts: Vec<(Link, Vec<NodeIndex>)> = petgraph::algo::bridges(&net)
        .map(|e| {
            (
                link_of[e.id().index()].clone(),
                cut_off(&net, None, Some(e.id())),
            )
        })
        .collect();
    bridge_cuts.sort_by(|x, y| x.0.cmp(&y.0));
    let mut bridges = Vec::new();
    for (link, separates) in bridge_cuts {
        let single_mention = separates.iter().all(|&j| single.contains(&j));
        if !single_mention {
            bridges.push((link.a.clone(), link.b.clone()));
        }
        cuts.push(Cut {
            kind: CutKind::Bridge,
            id: format!("{}–{}", link.a, link.b),
            separates: sorted_names(&net, &separates),
            links: vec![link],
            single_mention,
            betweenness: None,
        });
    }
    let mut isolated: Vec<String> = net
        .node_indices()
        .filter(|&i| net.neighbors(i).next().is_none())
        .map(name)
        .collect();
    isolated.sort();
    let mut links: Vec<Link> = link_of;
    links.sort();
    let absent_services = report
        .services
        .iter()
        .filter(|s| s.status != ServiceStatus::Existing)
        .map(|s| (s.id.to_string(), s.status))
        .collect();
    let stated = report
        .gaps
        .iter()
        .filter(|g| {
            matches!(
                g.category,
                GapCategory::NoFormalAgreement
                    | GapCategory::NoRoutines
                    | GapCategory::SystemCollaboration
                    | GapCategory::CultureSilo
                    | GapCategory::ResponsibilityUnclear
            )
        })
        .map(|g| g.id.clone())
        .collect();
    Structure {
        report: report.id.clone(),
        n_services: report.services.len(),
        n_relations: report.relations.len(),
        n_nodes: n,
        n_links: pairs.len(),
        n_collaboration_links: pairs.values().filter(|p| !p.0.is_empty()).count(),
        n_working_links: pairs.values().filter(|p| p.2).count(),
        density,
        components: components(&net),
        degree_centralization,
        betweenness,
        brokers,
        articulation_points,
        bridges,
        cuts,
        links,
        single_mention_leaves: sorted_names(&net, &single.into_iter().collect::<Vec<_>>()),
        isolated,
        parties,
        absent_services,
        other_relations,
        stated,
    }
}

fn sorted_names(net: &UnGraph<&str, ()>, nodes: &[NodeIndex]) -> Vec<String> {
    let mut out: Vec<String> = nodes.iter().map(|&i| net[i].to_string()).collect();
    out.sort();
    out
}

/// The nodes that losing `node` (or the edge `edge`) cuts off: every part of the split component
/// but the largest (ties: the part with the smallest id stays).
fn cut_off(
    net: &UnGraph<&str, ()>,
    node: Option<NodeIndex>,
    edge: Option<EdgeIndex>,
) -> Vec<NodeIndex> {
    let start: Vec<NodeIndex> = match (node, edge) {
        (Some(v), _) => net.neighbors(v).collect(),
        (None, Some(e)) => net
            .edge_endpoints(e)
            .map(|(a, b)| vec![a, b])
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    let mut seen = vec![false; net.node_count()];
    if let Some(v) = node {
        seen[v.index()] = true;
    }
    let mut parts: Vec<Vec<NodeIndex>> = Vec::new();
    for s in start {
        if seen[s.index()] {
            continue;
        }
        let mut part = vec![s];
        seen[s.index()] = true;
        let mut k = 0;
        while k < part.len() {
            let x = part[k];
            k += 1;
            for e in net.edges(x) {
                if Some(e.id()) == edge {
                    continue;
                }
                let y = if e.source() == x {
                    e.target()
                } else {
                    e.source()
                };
                if !seen[y.index()] {
                    seen[y.index()] = true;
                    part.push(y);
                }
            }
        }
        parts.push(part);
    }
    let keep = parts
        .iter()
        .enumerate()
        .max_by(|(_, x), (_, y)| {
            let min = |p: &Vec<NodeIndex>| p.iter().map(|&i| net[i]).min();
            x.len().cmp(&y.len()).then(min(y).cmp(&min(x)))
        })
        .map(|(i, _)| i);
    parts
        .into_iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != keep)
        .flat_map(|(_, p)| p)
        .collect()
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
