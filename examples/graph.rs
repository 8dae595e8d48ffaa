//! The structure of one report's service network: size, density, centralization, brokers,
//! articulation points, bridges, isolated services, and the reference-model check; optionally
//! the graph for Graphviz, Gephi, NetworkX or igraph.
//!
//! ```text
//! cargo run --example graph -- vestby-2025
//! cargo run --example graph -- nes-2025 --dot nes.dot --graphml nes.graphml --json nes.json
//! cargo run --example graph -- my-2024 --dir my-reports/ --by-kind
//! ```

use std::error::Error;
use std::fs::File;
use std::io::BufWriter;

use samhandling::Corpus;
use samhandling::export;
use samhandling::graph::{ServiceGraph, structure};
use samhandling::reference::{check, expectations};

const HELP: &str = "\
graph: the service network of one report

USAGE:
    cargo run --example graph -- REPORT_ID [OPTIONS]

OPTIONS:
    --dir DIR         read the records in DIR instead of the bundled corpus
    --by-kind         export the kind-level graph (services collapsed by kind)
    --dot FILE        write the graph for Graphviz
    --graphml FILE    write the graph as GraphML (NetworkX, Gephi, igraph)
    --json FILE       write the graph as node-link JSON (NetworkX node_link_graph)
    -h, --help        print this help";

fn run() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let (mut id, mut dir, mut by_kind) = (None, None, false);
    let mut outputs: Vec<(String, String)> = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => {
                println!("{HELP}");
                return Ok(());
            }
            "--dir" => dir = Some(args.next().ok_or("--dir needs a directory")?),
            "--by-kind" => by_kind = true,
            "--dot" | "--graphml" | "--json" => {
                let file = args.next().ok_or_else(|| format!("{arg} needs a file"))?;
                outputs.push((arg, file));
            }
            other if other.starts_with('-') => {
                return Err(format!("unknown option `{other}` (see --help)").into());
            }
            other => id = Some(other.to_string()),
        }
    }
    let corpus = match &dir {
        Some(dir) => Corpus::load_dir(dir)?,
        None => Corpus::bundled()?,
    };
    // With no id, the error lists the ids to choose from.
    let report = corpus.report(id.as_deref().unwrap_or(""))?;

    let s = structure(report);
    println!("# {} — {}", report.id, report.title_or_unstated());
    println!(
        "services {}, relations {}; network: {} services, {} working links",
        s.n_services, s.n_relations, s.n_nodes, s.n_links
    );
    println!(
        "density {:.3}, degree centralization {:.3}, {} components (largest {})",
        s.density,
        s.degree_centralization,
        s.components.len(),
        s.components.first().map_or(0, Vec::len)
    );
    println!("brokers: {}", s.brokers.join(", "));
    for (service, b) in s.betweenness.iter().take(5) {
        println!("  betweenness {b:.3}  {service}");
    }
    println!("articulation points: {}", s.articulation_points.join(", "));
    let bridges: Vec<String> = s.bridges.iter().map(|(a, b)| format!("{a}–{b}")).collect();
    println!("bridges: {}", bridges.join(", "));
    println!("isolated (no working relation): {}", s.isolated.join(", "));
    let absent: Vec<String> = s
        .absent_services
        .iter()
        .map(|(id, st)| format!("{id} ({st})"))
        .collect();
    println!("named but not existing: {}", absent.join(", "));
    let other: Vec<String> = s
        .other_relations
        .iter()
        .map(|(id, st)| format!("{id} ({st})"))
        .collect();
    println!(
        "relations outside working collaboration: {}",
        other.join(", ")
    );

    println!("\n# What the law expects (reference model)");
    for (e, c) in expectations().iter().zip(check(report)) {
        println!(
            "  {:<26} {:<14} {} [{}]",
            e.id,
            format!("{:?}", c.finding),
            c.items.join(", "),
            e.legal
        );
    }

    let graph = ServiceGraph::from_report(report);
    let graph = if by_kind { graph.by_kind() } else { graph };
    for (flag, file) in outputs {
        let out = BufWriter::new(File::create(&file).map_err(|e| format!("{file}: {e}"))?);
        match flag.as_str() {
            "--dot" => export::dot(out, &graph)?,
            "--graphml" => export::graphml(out, &graph)?,
            _ => serde_json::to_writer_pretty(out, &export::node_link(&graph))?,
        }
        println!("wrote {file}");
    }
    Ok(())
}

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
