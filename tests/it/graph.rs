//! The service graph and its structure: hand-made graphs with known answers, laws, the reference
//! model, and every bundled record.

use proptest::prelude::*;
use samhandling::evidence::Sources;
use samhandling::graph::{CutKind, ServiceGraph, structure};
use samhandling::reference::{check, expectations};
use samhandling::taxonomy::{Direction, Level, RelationKind, ServiceKind, ServiceStatus, Status};
use samhandling::{Corpus, Evidence, Location, Relation, Report, Service};

fn ev() -> Vec<Evidence> {
    vec![Evidence {
        source: "000_b1b178c2101948b1.txt".into(),
        line: 5,
        quote: "Romerike revisjon".into(),
    }]
}

/// A report with services `s0..s{n}` (each named twice, so that none is a single mention) and a
/// mutual meeting for each `(a, b, status)`.
fn network(n: usize, links: &[(usize, usize, Status)]) -> Report {
    let mut report = Report::from_json_str(crate::EXAMPLE).unwrap();
    report.gaps.clear();
    report.figures.clear();
    report.relations.clear();
    report.services = (0..n)
        .map(|i| Service {
            id: format!("s{i}").as_str().into(),
            name: format!("Tjeneste {i}"),
            kind: Some(ServiceKind::ALL[i % 8]),
            owner: None,
            parent: None,
            status: ServiceStatus::Existing,
            aliases: vec![],
            evidence: [ev(), ev()].concat(),
            note: None,
        })
        .collect();
    report.relations = links
        .iter()
        .enumerate()
        .map(|(i, &(a, b, status))| Relation {
            id: format!("r{i}"),
            from: format!("s{a}").as_str().into(),
            to: format!("s{b}").as_str().into(),
            kinds: vec![RelationKind::Meeting],
            direction: Direction::Mutual,
            level: Level::System,
            status,
            cadence: None,
            summary: "møte".into(),
            evidence: ev(),
            note: None,
        })
        .collect();
    assert!(report.validate().is_empty(), "{:?}", report.validate());
    report
}

const F: Status = Status::Functioning;

fn betweenness(s: &samhandling::graph::Structure, id: &str) -> f64 {
    s.betweenness.iter().find(|b| b.0 == id).unwrap().1
}

#[test]
fn a_star_is_fully_centralized_with_the_centre_as_broker() {
    let s = structure(&network(5, &[(0, 1, F), (0, 2, F), (0, 3, F), (0, 4, F)]));
    assert_eq!(s.degree_centralization, 1.0);
    assert_eq!(betweenness(&s, "s0"), 1.0);
    assert_eq!(betweenness(&s, "s1"), 0.0);
    assert_eq!(s.brokers, ["s0"]);
    assert_eq!(s.articulation_points, ["s0"]);
    assert_eq!(s.bridges.len(), 4);
    assert!((s.density - 0.4).abs() < 1e-12);
}

#[test]
fn a_path_has_known_betweenness_and_bridges() {
    let s = structure(&network(4, &[(0, 1, F), (1, 2, F), (2, 3, F)]));
    // Middle nodes each lie on 2 of the 3 pairs not involving them.
    assert!((betweenness(&s, "s1") - 2.0 / 3.0).abs() < 1e-12);
    assert_eq!(betweenness(&s, "s0"), 0.0);
    assert_eq!(s.articulation_points, ["s1", "s2"]);
    assert_eq!(s.bridges.len(), 3);
    assert_eq!(s.brokers, ["s1", "s2"]);
}

#[test]
fn a_cycle_has_no_centralization_bridges_or_articulation_points() {
    let s = structure(&network(4, &[(0, 1, F), (1, 2, F), (2, 3, F), (3, 0, F)]));
    assert_eq!(s.degree_centralization, 0.0);
    assert!(s.bridges.is_empty() && s.articulation_points.is_empty());
    let b: Vec<f64> = s.betweenness.iter().map(|b| b.1).collect();
    assert!(
        b.windows(2).all(|w| (w[0] - w[1]).abs() < 1e-12),
        "all equal: {b:?}"
    );
}

#[test]
fn two_components_and_one_bridge() {
    // Triangle 0-1-2, bridge 2-3, and 4-5 apart.
    let s = structure(&network(
        6,
        &[(0, 1, F), (1, 2, F), (2, 0, F), (2, 3, F), (4, 5, F)],
    ));
    assert_eq!(
        s.components,
        [vec!["s0", "s1", "s2", "s3"], vec!["s4", "s5"]]
    );
    assert_eq!(
        s.bridges,
        [
            ("s2".to_string(), "s3".to_string()),
            ("s4".to_string(), "s5".to_string())
        ]
    );
    assert_eq!(s.articulation_points, ["s2"]);
}

#[test]
fn only_relations_that_exist_count_as_collaboration() {
    let s = structure(&network(
        3,
        &[
            (0, 1, Status::Strained),
            (1, 2, Status::Missing),
            (0, 2, Status::Planned),
        ],
    ));
    assert_eq!(s.n_links, 1, "strained counts, missing and planned do not");
    assert_eq!(s.n_working_links, 1);
    assert_eq!(s.isolated, ["s2"]);
    assert_eq!(
        s.other_relations,
        [
            ("r1".to_string(), Status::Missing),
            ("r2".to_string(), Status::Planned)
        ]
    );
    let mut r = network(3, &[(0, 1, F), (1, 2, F)]);
    r.services[2].status = ServiceStatus::Missing;
    let s = structure(&r);
    assert_eq!(
        (s.n_nodes, s.n_links),
        (2, 1),
        "a missing service is no node of the network"
    );
    assert_eq!(
        s.absent_services,
        [("s2".to_string(), ServiceStatus::Missing)]
    );
}

#[test]
fn the_kind_level_graph_collapses_services_of_one_kind() {
    let mut r = network(3, &[(0, 1, F), (1, 2, F), (0, 2, F)]);
    r.services[2].kind = r.services[0].kind;
    let g = ServiceGraph::from_report(&r).by_kind();
    assert_eq!(g.graph().node_count(), 2);
    assert_eq!(
        g.graph().edge_count(),
        2,
        "the relation within one kind is dropped"
    );
}

proptest! {
    #[test]
    fn metrics_obey_their_laws(n in 1usize..9, raw in proptest::collection::vec((0usize..9, 0usize..9, 0usize..3), 0..20)) {
        let statuses = [Status::Functioning, Status::Strained, Status::Missing];
        let links: Vec<(usize, usize, Status)> = raw
            .into_iter()
            .map(|(a, b, s)| (a % n, b % n, statuses[s]))
            .filter(|(a, b, _)| a != b)
            .collect();
        let report = network(n, &links);
        let graph = ServiceGraph::from_report(&report);
        prop_assert_eq!(graph.graph().node_count(), report.services.len());
        prop_assert_eq!(graph.graph().edge_count(), report.relations.len());
        let s = structure(&report);
        prop_assert!((0.0..=1.0).contains(&s.density));
        prop_assert!((0.0..=1.0 + 1e-12).contains(&s.degree_centralization));
        for (id, b) in &s.betweenness {
            prop_assert!(*b >= 0.0 && *b <= 1.0 + 1e-12);
            let i: usize = id[1..].parse().unwrap();
            let degree = links
                .iter()
                .filter(|(a, b, st)| st.is_working() && (*a == i || *b == i))
                .map(|(a, b, _)| if *a == i { *b } else { *a })
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            if degree <= 1 {
                prop_assert_eq!(*b, 0.0, "a leaf brokers nothing");
            }
        }
        prop_assert_eq!(s.components.iter().map(Vec::len).sum::<usize>(), n);
    }
}

#[test]
fn every_bundled_record_builds_a_graph_and_structure() {
    for report in &Corpus::bundled().unwrap() {
        let g = ServiceGraph::from_report(report);
        assert_eq!(
            g.graph().node_count(),
            report.services.len(),
            "{}",
            report.id
        );
        assert_eq!(
            g.graph().edge_count(),
            report.relations.len(),
            "{}",
            report.id
        );
        let s = structure(report);
        assert!((0.0..=1.0).contains(&s.density), "{}", report.id);
        assert_eq!(s.links.len(), s.n_links);
        assert!(s.n_working_links <= s.n_collaboration_links);
        assert!(s.n_collaboration_links <= s.n_links);
        for b in s.brokers.iter().chain(&s.articulation_points) {
            assert!(!s.parties.contains(b), "{}: {b}", report.id);
            assert!(!s.single_mention_leaves.contains(b) || s.n_nodes <= 2);
        }
        assert_eq!(check(report).len(), expectations().len());
    }
}

#[test]
fn every_reference_expectation_cites_a_real_criteria_line() {
    let sources = Sources::bundled();
    for e in expectations() {
        assert!(!e.evidence.is_empty(), "{}", e.id);
        for (i, ev) in e.evidence.iter().enumerate() {
            let at = Location {
                path: format!("{}.evidence[{i}]", e.id),
                ..Location::default()
            };
            sources.check(ev, at).unwrap_or_else(|err| panic!("{err}"));
        }
    }
}

/// A described relation is a link (the collaboration exists) but not a working one.
#[test]
fn described_relations_are_links_but_not_working_links() {
    let s = structure(&network(3, &[(0, 1, Status::Described), (1, 2, F)]));
    assert_eq!(
        (s.n_links, s.n_collaboration_links, s.n_working_links),
        (2, 2, 1)
    );
    assert_eq!(s.articulation_points, ["s1"]);
}

/// A unit with two sub-units and a user council meeting both: with the `parent` links the council
/// is no bridge between two parts of one unit; the organisational links are marked.
#[test]
fn parent_links_are_organisational_links_of_the_structure() {
    let mut r = network(4, &[(3, 1, F), (3, 2, F)]);
    // s0 is the unit; s1 and s2 its sub-units; s3 the council.
    r.services[1].parent = Some("s0".into());
    r.services[2].parent = Some("s0".into());
    assert!(r.validate().is_empty());
    let s = structure(&r);
    assert!(
        s.articulation_points.is_empty(),
        "{:?}",
        s.articulation_points
    );
    assert!(s.bridges.is_empty());
    let org: Vec<(&str, &str)> = s
        .links
        .iter()
        .filter(|l| l.organisational)
        .map(|l| (l.a.as_str(), l.b.as_str()))
        .collect();
    assert_eq!(org, [("s0", "s1"), ("s0", "s2")]);
    assert!(
        s.links
            .iter()
            .filter(|l| l.organisational)
            .all(|l| l.relations.is_empty())
    );
    // Without the parent links the council would be the cut point between the sub-units.
    r.services[1].parent = None;
    r.services[2].parent = None;
    assert_eq!(structure(&r).articulation_points, ["s3"]);
}

/// A service named once, hanging off the network by one link, does not make its neighbour an
/// articulation point or its link a bridge: they are kept in `cuts`, marked.
#[test]
fn a_single_mention_leaf_is_flagged_not_a_cut_point() {
    let mut r = network(4, &[(0, 1, F), (1, 2, F), (2, 0, F), (2, 3, F)]);
    assert_eq!(structure(&r).articulation_points, ["s2"]);
    r.services[3].evidence.truncate(1);
    let s = structure(&r);
    assert_eq!(s.single_mention_leaves, ["s3"]);
    assert!(s.articulation_points.is_empty() && s.bridges.is_empty());
    let cut = s
        .cuts
        .iter()
        .find(|c| c.id == "s2" && c.kind == CutKind::ArticulationPoint)
        .unwrap();
    assert!(cut.single_mention);
    assert_eq!(cut.separates, ["s3"]);
    assert_eq!(cut.links.len(), 3, "the links through s2");
    // A gap naming the leaf makes it more than a single mention.
    let mut gap = Report::from_json_str(crate::EXAMPLE).unwrap().gaps[0].clone();
    gap.services = vec!["s3".into()];
    r.gaps.push(gap);
    assert_eq!(structure(&r).articulation_points, ["s2"]);
}

/// The municipality as an abstract party is no node, so never a broker.
#[test]
fn the_municipality_as_a_party_is_not_a_broker() {
    let mut r = network(5, &[(0, 1, F), (0, 2, F), (0, 3, F), (0, 4, F)]);
    r.services[0].kind = Some(ServiceKind::Kommune);
    let s = structure(&r);
    assert!(s.brokers.is_empty());
    assert_eq!(s.parties, ["s0"]);
    assert_eq!(s.n_nodes, 4);
    assert_eq!(s.other_relations.len(), 4);
}

/// Every broker, articulation point and bridge comes with the links that make it one.
#[test]
fn every_cut_names_its_links() {
    let s = structure(&network(4, &[(0, 1, F), (1, 2, F), (2, 3, F)]));
    for c in &s.cuts {
        assert!(!c.links.is_empty(), "{c:?}");
        for l in &c.links {
            assert!(!l.relations.is_empty() || l.organisational);
        }
    }
    let bridge = s.cuts.iter().find(|c| c.id == "s0–s1").unwrap();
    assert_eq!(bridge.links[0].relations, ["r0"]);
    assert_eq!(bridge.separates, ["s0"]);
}

/// Betweenness is rounded before ranking: the order in which services are listed never changes
/// the values, their order or the brokers (mathematically equal values reached by different
/// summation orders used to differ in the last bit).
#[test]
fn betweenness_ties_do_not_depend_on_the_order_of_services() {
    let mut state = 11u64;
    let mut next = |m: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % m
    };
    for _ in 0..300 {
        let n = 6 + next(12) as usize;
        let links: Vec<(usize, usize, Status)> = (0..n + next(2 * n as u64) as usize)
            .map(|_| (next(n as u64) as usize, next(n as u64) as usize, F))
            .filter(|(a, b, _)| a != b)
            .collect();
        let r = network(n, &links);
        let mut reversed = r.clone();
        reversed.services.reverse();
        reversed.relations.reverse();
        let (a, b) = (structure(&r), structure(&reversed));
        assert_eq!(a.betweenness, b.betweenness, "{links:?}");
        assert_eq!(a.brokers, b.brokers);
    }
}

/// Vestby and Åsnes: every broker, articulation point and bridge printed is a service or link
/// the record states (a relation with evidence, or a stated parent), never the municipality as a
/// party, and never one that only cuts off a service named once.
#[test]
fn vestby_and_asnes_cut_points_rest_on_stated_links() {
    let corpus = Corpus::bundled().unwrap();
    for id in ["vestby-2025", "asnes-2014"] {
        let report = corpus.get(id).unwrap();
        let s = structure(report);
        assert!(!s.brokers.is_empty(), "{id}");
        for b in &s.brokers {
            let service = report.service(b).unwrap();
            assert_ne!(service.resolved_kind(), ServiceKind::Kommune, "{id}: {b}");
        }
        assert!(
            !s.articulation_points.is_empty() || !s.bridges.is_empty(),
            "{id}"
        );
        for c in &s.cuts {
            assert!(!c.links.is_empty(), "{id}: {c:?}");
            for l in &c.links {
                for r in &l.relations {
                    let rel = report.relations.iter().find(|x| &x.id == r).unwrap();
                    assert!(!rel.evidence.is_empty() && rel.status.exists(), "{id}: {r}");
                }
                if l.relations.is_empty() {
                    assert!(l.organisational);
                    let (a, b) = (report.service(&l.a).unwrap(), report.service(&l.b).unwrap());
                    assert!(
                        a.parent
                            .as_ref()
                            .is_some_and(|p| p.as_str() == b.id.as_str())
                            || b.parent
                                .as_ref()
                                .is_some_and(|p| p.as_str() == a.id.as_str())
                    );
                }
            }
            let listed_ap =
                c.kind == CutKind::ArticulationPoint && s.articulation_points.contains(&c.id);
            if listed_ap {
                assert!(!c.single_mention && !c.separates.is_empty(), "{id}: {c:?}");
            }
            if c.single_mention {
                assert!(
                    !s.articulation_points.contains(&c.id) || c.kind != CutKind::ArticulationPoint
                );
                assert!(
                    c.separates
                        .iter()
                        .all(|x| s.single_mention_leaves.contains(x))
                );
            }
        }
    }
    // Vestby: the user council is no bridge between two parts of the psykisk helse og rus unit,
    // and the coordinating unit belongs to the service unit (SSU), not only to the groups.
    let vestby = structure(corpus.get("vestby-2025").unwrap());
    assert!(
        !vestby
            .articulation_points
            .contains(&"brukerrad".to_string())
    );
    assert!(
        vestby
            .bridges
            .iter()
            .all(|(a, b)| a != "brukerrad" && b != "brukerrad")
    );
    assert!(vestby.links.iter().any(
        |l| l.organisational && [l.a.as_str(), l.b.as_str()] == ["koordinerende-enhet", "ssu"]
    ));
    assert!(vestby.parties.contains(&"vestby-kommune".to_string()));
    // The report's own structural statements (no internal agreements, no cross-disciplinary
    // routines: 003:1690, 1717) stand beside the computed structure.
    assert!(
        vestby
            .stated
            .contains(&"g-samarbeidsavtaler-internt".to_string())
    );
    assert!(
        vestby
            .stated
            .contains(&"g-tverrfaglige-rutiner".to_string())
    );
}
