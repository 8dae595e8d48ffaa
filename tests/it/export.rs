//! Graph exports read back with real parsers: GraphML with roxmltree, node-link JSON with the keys
//! NetworkX expects, DOT checked structurally, CSV with the csv crate.

use samhandling::Corpus;
use samhandling::export;
use samhandling::graph::ServiceGraph;

fn nes() -> ServiceGraph {
    let corpus = Corpus::bundled().unwrap();
    ServiceGraph::from_report(corpus.get("nes-2025").unwrap())
}

#[test]
fn graphml_parses_back_with_the_same_nodes_edges_and_attributes() {
    let graph = nes();
    let mut out = Vec::new();
    export::graphml(&mut out, &graph).unwrap();
    let text = String::from_utf8(out).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let g = graph.graph();
    let nodes: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    let edges: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    assert_eq!(nodes.len(), g.node_count());
    assert_eq!(edges.len(), g.edge_count());
    let data = |n: &roxmltree::Node, key: &str| {
        n.children()
            .find(|c| c.has_tag_name("data") && c.attribute("key") == Some(key))
            .and_then(|c| c.text())
            .map(str::to_string)
    };
    for (node, weight) in nodes.iter().zip(g.node_weights()) {
        assert_eq!(node.attribute("id"), Some(weight.id.as_str()));
        assert_eq!(
            data(node, "n_name").as_deref(),
            Some(weight.name.as_str()),
            "Norwegian letters intact"
        );
        assert_eq!(data(node, "n_kind"), Some(weight.kind.to_string()));
    }
    for (edge, weight) in edges.iter().zip(g.edge_weights()) {
        assert_eq!(data(edge, "e_status"), Some(weight.status.to_string()));
        assert_eq!(data(edge, "e_line"), Some(weight.line.to_string()));
    }
    let keys: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("key"))
        .collect();
    assert!(keys.iter().any(
        |k| k.attribute("attr.name") == Some("line") && k.attribute("attr.type") == Some("int")
    ));
}

#[test]
fn node_link_json_has_the_keys_networkx_reads() {
    let graph = nes();
    let json = export::node_link(&graph);
    for key in ["directed", "multigraph", "graph", "nodes", "links"] {
        assert!(json.get(key).is_some(), "{key}");
    }
    let nodes = json["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), graph.graph().node_count());
    assert!(nodes.iter().all(|n| n["id"].is_string()));
    let ids: std::collections::BTreeSet<&str> =
        nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
    for link in json["links"].as_array().unwrap() {
        assert!(ids.contains(link["source"].as_str().unwrap()));
        assert!(ids.contains(link["target"].as_str().unwrap()));
        assert!(link["key"].is_string());
    }
}

#[test]
fn dot_is_well_formed_and_styles_edges_by_status() {
    let graph = nes();
    let mut out = Vec::new();
    export::dot(&mut out, &graph).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("digraph \"nes-2025\" {") && text.trim_end().ends_with('}'));
    let opens = text.matches('{').count();
    assert_eq!(opens, text.matches('}').count(), "balanced braces");
    assert_eq!(text.matches(" -> ").count(), graph.graph().edge_count());
    assert!(
        text.contains("\"Vurderings- og koordineringsteamet (team)\""),
        "quoted labels with Norwegian text"
    );
    assert!(
        text.contains("subgraph \"cluster_kommune\""),
        "nodes grouped by owner"
    );
    assert!(
        text.contains("style=dashed"),
        "the discontinued DPS link is dashed"
    );
    assert!(
        text.contains("style=dotted"),
        "the planned FACT link is dotted"
    );
    assert!(
        text.contains("color=orange"),
        "the not-followed reporting is coloured"
    );
    assert!(
        text.contains("dir=none"),
        "mutual relations have no arrowhead"
    );
    // Quotes balance on every line.
    assert!(text.lines().all(|l| l.matches('"').count() % 2 == 0));
}

#[test]
fn exports_are_deterministic_and_csv_parses() {
    let (a, b) = (nes(), nes());
    let mut x = Vec::new();
    let mut y = Vec::new();
    export::graphml(&mut x, &a).unwrap();
    export::graphml(&mut y, &b).unwrap();
    assert_eq!(x, y);
    let mut nodes = Vec::new();
    export::nodes_csv(&mut nodes, &a).unwrap();
    let mut edges = Vec::new();
    export::edges_csv(&mut edges, &a).unwrap();
    assert_eq!(
        csv::Reader::from_reader(&nodes[..]).records().count(),
        a.graph().node_count()
    );
    assert_eq!(
        csv::Reader::from_reader(&edges[..]).records().count(),
        a.graph().edge_count()
    );
}
