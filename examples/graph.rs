//! A report's service network with the library: its structure, and the files other tools read.
//! (The program does this and more: `samhandling graph REPORT --help`.)
//!
//! ```text
//! cargo run --example graph                 # vestby-2025
//! cargo run --example graph -- nes-2025
//! ```

use samhandling::Corpus;
use samhandling::export::{self, Network};
use samhandling::graph::structure;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let id = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "vestby-2025".into());
    let corpus = Corpus::bundled()?;
    let report = corpus.report(&id)?; // an unknown id: the error lists the ids

    // The structure of the network of working collaboration: a structural finding of the
    // crate, never one of the report's gaps.
    let s = structure(report);
    println!(
        "{}: {} services, {} working links, density {:.3}; brokers: {}",
        report.id,
        s.n_nodes,
        s.n_links,
        s.density,
        s.brokers.join(", ")
    );

    // The same network for NetworkX (node-link JSON) and Gephi (GraphML), with the metrics
    // on each node; write them to files with `std::fs::File` in a program of your own.
    let network = Network::services(report);
    let json = export::node_link(&network);
    println!(
        "node-link: {} nodes, {} edges",
        json["nodes"].as_array().map_or(0, Vec::len),
        json["edges"].as_array().map_or(0, Vec::len)
    );
    let mut graphml = Vec::new();
    export::graphml(&mut graphml, &network)?;
    println!("GraphML: {} bytes", graphml.len());
    Ok(())
}
