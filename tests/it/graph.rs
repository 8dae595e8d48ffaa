//! The service graph and its structure: hand-made graphs with known answers, laws, the reference
//! model, and every bundled record.

use proptest::prelude::*;
use samhandling::evidence::Sources;
use samhandling::graph::{ServiceGraph, structure};
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

/// A report with services `s0..s{n}` and a mutual meeting for each `(a, b, status)`.
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
            evidence: ev(),
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
fn only_working_relations_count_as_collaboration() {
    let s = structure(&network(
        3,
        &[
            (0, 1, Status::Strained),
            (1, 2, Status::Missing),
            (0, 2, Status::Planned),
        ],
    ));
    assert_eq!(s.n_links, 1, "strained counts, missing and planned do not");
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
