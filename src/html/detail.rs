//! A report's own section: its network picture, the structure of its working relations with the
//! basis of each finding, the reference check with its basis, and its recommendations linked to
//! their gaps.

use std::collections::{BTreeMap, BTreeSet};

use super::items::{Items, join};
use super::svg;
use super::view::{anchor, place, year};
use crate::graph::structure;
use crate::model::Report;
use crate::reference::{self, Finding};
use crate::taxonomy::{Direction, Status, Vocabulary};

/// A report's own section: its network, structure, reference check and recommendations.
#[derive(Debug, Clone)]
pub(super) struct ReportDetail {
    pub(super) id: String,
    pub(super) anchor: String,
    pub(super) title: String,
    pub(super) meta: String,
    pub(super) network: Network,
    pub(super) structure: Vec<StructureRow>,
    pub(super) reference: Vec<ReferenceRow>,
    pub(super) recommendations: Vec<RecommendationRow>,
}

/// A network picture, laid out.
#[derive(Debug, Clone)]
pub(super) struct Network {
    pub(super) report: String,
    pub(super) width: f64,
    pub(super) height: f64,
    pub(super) nodes: Vec<NodeView>,
    pub(super) edges: Vec<EdgeView>,
}

/// A service box.
#[derive(Debug, Clone)]
pub(super) struct NodeView {
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) w: f64,
    pub(super) h: f64,
    pub(super) label: String,
    pub(super) title: String,
    pub(super) class: String,
    /// `B` broker, `C` cut point, `BC` both.
    pub(super) mark: Option<&'static str>,
    pub(super) items: String,
}

/// A relation or an organisational (parent) link.
#[derive(Debug, Clone)]
pub(super) struct EdgeView {
    pub(super) d: String,
    pub(super) class: String,
    pub(super) title: String,
    pub(super) start_head: bool,
    pub(super) end_head: bool,
    pub(super) items: String,
}

/// A structural finding (broker, cut point, bridge, isolated service) with its basis.
#[derive(Debug, Clone)]
pub(super) struct StructureRow {
    pub(super) what: &'static str,
    pub(super) service: String,
    pub(super) basis: String,
    pub(super) items: String,
}

/// One expectation of the reference model, checked against the report.
#[derive(Debug, Clone)]
pub(super) struct ReferenceRow {
    pub(super) expectation: String,
    pub(super) description: String,
    pub(super) legal: String,
    pub(super) finding: &'static str,
    pub(super) finding_class: &'static str,
    pub(super) basis: String,
    pub(super) items: String,
}

/// A recommendation and the gaps it addresses.
#[derive(Debug, Clone)]
pub(super) struct RecommendationRow {
    pub(super) number: String,
    pub(super) text: String,
    pub(super) items: String,
    pub(super) gaps: Vec<(String, String)>,
}

fn finding_label(f: Finding) -> (&'static str, &'static str) {
    match f {
        Finding::Working => ("working", "f-working"),
        Finding::Strained => ("strained", "f-strained"),
        Finding::Missing => ("missing", "f-missing"),
        Finding::Unclear => ("unclear", "f-unclear"),
        Finding::NotDescribed => ("not described", "f-none"),
    }
}

/// The section of `report`, its network drawn at the positions `placed` (from [`layout`]).
pub(super) fn detail<'c>(
    report: &'c Report,
    items: &mut Items<'c>,
    placed: svg::Layout,
) -> ReportDetail {
    let s = structure(report);
    let betweenness: BTreeMap<&str, f64> = s
        .betweenness
        .iter()
        .map(|(id, b)| (id.as_str(), *b))
        .collect();
    let brokers: BTreeSet<&str> = s.brokers.iter().map(String::as_str).collect();
    let cuts: BTreeSet<&str> = s.articulation_points.iter().map(String::as_str).collect();

    // The working relations of each service: the basis of a broker or cut point.
    let mut working: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in report.relations.iter().enumerate() {
        if r.status.is_working() {
            working.entry(r.from.as_str()).or_default().push(i);
            working.entry(r.to.as_str()).or_default().push(i);
        }
    }
    let basis_of = |id: &str, items: &mut Items<'c>| -> (String, String) {
        let rels = working.get(id).cloned().unwrap_or_default();
        let ids: Vec<usize> = rels.iter().map(|&i| items.relation(report, i)).collect();
        let names: Vec<&str> = rels
            .iter()
            .map(|&i| report.relations[i].id.as_str())
            .collect();
        (
            format!(
                "betweenness {:.2}; working relations: {}",
                betweenness.get(id).copied().unwrap_or(0.0),
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            ),
            join(ids),
        )
    };
    let name = |id: &str| {
        report
            .service(id)
            .map_or(id.to_string(), |s| s.name.clone())
    };
    let mut structure_rows = Vec::new();
    for b in &s.brokers {
        let (basis, ids) = basis_of(b, items);
        structure_rows.push(StructureRow {
            what: "broker (highest betweenness)",
            service: name(b),
            basis,
            items: ids,
        });
    }
    for c in &s.articulation_points {
        let (basis, ids) = basis_of(c, items);
        structure_rows.push(StructureRow {
            what: "cut point (its loss splits the network)",
            service: name(c),
            basis,
            items: ids,
        });
    }
    for (a, b) in &s.bridges {
        let rels: Vec<usize> = report
            .relations
            .iter()
            .enumerate()
            .filter(|(_, r)| {
                r.status.is_working()
                    && ((r.from.as_str() == a && r.to.as_str() == b)
                        || (r.from.as_str() == b && r.to.as_str() == a))
            })
            .map(|(i, _)| i)
            .collect();
        let ids: Vec<usize> = rels.iter().map(|&i| items.relation(report, i)).collect();
        structure_rows.push(StructureRow {
            what: "bridge (the only working link between two parts)",
            service: format!("{} — {}", name(a), name(b)),
            basis: format!(
                "working relations: {}",
                rels.iter()
                    .map(|&i| report.relations[i].id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            items: join(ids),
        });
    }

    // The picture: services as boxes, relations and parent links as edges, in the order of
    // `links`, which is also the order the layout was given them in.
    let edge_views: Vec<(String, String, String)> = links(report)
        .into_iter()
        .map(|link| match link.what {
            Link::Relation(i) => {
                let r = &report.relations[i];
                (
                    format!("st-{}", r.status.word()),
                    format!(
                        "{} — {}: {} ({})",
                        name(r.from.as_str()),
                        name(r.to.as_str()),
                        r.status.english(),
                        r.kinds
                            .iter()
                            .map(|k| k.english())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    items.relation(report, i).to_string(),
                )
            }
            Link::Parent(i) => (
                "parent".to_string(),
                format!(
                    "{} belongs to {}",
                    report.services[i].name, report.services[link.b].name
                ),
                items.service(report, i).to_string(),
            ),
        })
        .collect();
    let nodes = report
        .services
        .iter()
        .enumerate()
        .map(|(i, svc)| {
            let p = placed.nodes[i];
            let id = svc.id.as_str();
            let mark = match (brokers.contains(id), cuts.contains(id)) {
                (true, true) => Some("BC"),
                (true, false) => Some("B"),
                (false, true) => Some("C"),
                (false, false) => None,
            };
            let owner = svc.owner.map_or("none", |o| o.word());
            let mut title = format!(
                "{} — {}; owner: {}; {}",
                svc.name,
                svc.resolved_kind().english(),
                svc.owner.map_or("not stated", |o| o.english()),
                svc.status.english()
            );
            if let Some(m) = mark {
                title.push_str(&format!(
                    "; {} (betweenness {:.2})",
                    match m {
                        "B" => "broker",
                        "C" => "cut point",
                        _ => "broker and cut point",
                    },
                    betweenness.get(id).copied().unwrap_or(0.0)
                ));
            }
            NodeView {
                x: p.x,
                y: p.y,
                w: p.w,
                h: p.h,
                label: svg::short_label(&svc.name),
                title,
                class: format!("own-{owner} ss-{}", svc.status.word()),
                mark,
                items: items.service(report, i).to_string(),
            }
        })
        .collect();
    let edges = placed
        .edges
        .into_iter()
        .zip(edge_views)
        .map(|(path, (class, title, items))| EdgeView {
            d: path.d,
            class,
            title,
            start_head: path.start_head,
            end_head: path.end_head,
            items,
        })
        .collect();
    let network = Network {
        report: report.id.to_string(),
        width: placed.width,
        height: placed.height,
        nodes,
        edges,
    };

    let expectations = reference::expectations();
    let reference = reference::check(report)
        .into_iter()
        .map(|c| {
            let exp = expectations.iter().find(|e| e.id == c.expectation);
            let ids: Vec<usize> = c
                .items
                .iter()
                .filter_map(|id| items.any(report, id))
                .collect();
            let (finding, finding_class) = finding_label(c.finding);
            ReferenceRow {
                expectation: c.expectation.to_string(),
                description: exp.map_or(String::new(), |e| e.description.to_string()),
                legal: exp.map_or(String::new(), |e| e.legal.text().to_string()),
                finding,
                finding_class,
                basis: if c.items.is_empty() {
                    "nothing in the record concerns it".to_string()
                } else {
                    c.items.join(", ")
                },
                items: join(ids),
            }
        })
        .collect();

    let recommendations = report
        .recommendations
        .iter()
        .map(|rec| RecommendationRow {
            number: rec.number.clone(),
            text: rec.text.clone(),
            items: items
                .any(report, &rec.id)
                .map_or(String::new(), |i| i.to_string()),
            gaps: rec
                .gaps
                .iter()
                .filter_map(|g| Some((g.clone(), items.gap(report, g)?.to_string())))
                .collect(),
        })
        .collect();

    let status_counts = {
        let mut c: BTreeMap<Status, usize> = BTreeMap::new();
        for r in &report.relations {
            *c.entry(r.status).or_default() += 1;
        }
        c.iter()
            .map(|(s, n)| format!("{n} {}", s.english()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    ReportDetail {
        id: report.id.to_string(),
        anchor: anchor(report.id.as_str()),
        title: report.title_or_unstated().to_string(),
        meta: format!(
            "{} · {} · {} · {} services, {} relations ({}), network density {:.2} over working relations",
            place(report),
            year(report),
            report.auditor.as_deref().unwrap_or("auditor not stated"),
            report.services.len(),
            report.relations.len(),
            if status_counts.is_empty() {
                "none".to_string()
            } else {
                status_counts
            },
            s.density
        ),
        network,
        structure: structure_rows,
        reference,
        recommendations,
    }
}

/// What an edge of the picture stands for.
#[derive(Debug, Clone, Copy)]
enum Link {
    /// The relation at this index.
    Relation(usize),
    /// The service at this index belongs to the unit `b` (its `parent`).
    Parent(usize),
}

/// An edge of the picture: from box `a` to box `b`.
#[derive(Debug, Clone, Copy)]
struct Edge {
    a: usize,
    b: usize,
    directed: bool,
    what: Link,
}

/// The edges of `report`'s picture: every relation between two different services, then every
/// parent link, in the report's order.
fn links(report: &Report) -> Vec<Edge> {
    let index: BTreeMap<&str, usize> = report
        .services
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let mut out = Vec::new();
    for (i, r) in report.relations.iter().enumerate() {
        if let (Some(&a), Some(&b)) = (index.get(r.from.as_str()), index.get(r.to.as_str()))
            && a != b
        {
            out.push(Edge {
                a,
                b,
                directed: r.direction == Direction::Directed,
                what: Link::Relation(i),
            });
        }
    }
    for (i, s) in report.services.iter().enumerate() {
        if let Some(&p) = s.parent.as_ref().and_then(|p| index.get(p.as_str()))
            && p != i
        {
            out.push(Edge {
                a: i,
                b: p,
                directed: false,
                what: Link::Parent(i),
            });
        }
    }
    out
}

/// The layout of `report`'s picture (a pure function of the report, so that pictures can be laid
/// out in parallel before the page is assembled).
pub(super) fn layout(report: &Report) -> svg::Layout {
    let labels: Vec<String> = report.services.iter().map(|s| s.name.clone()).collect();
    let edges: Vec<(usize, usize, bool)> = links(report)
        .iter()
        .map(|e| (e.a, e.b, e.directed))
        .collect();
    svg::layout(&labels, &edges)
}
