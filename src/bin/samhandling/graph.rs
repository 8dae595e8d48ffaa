//! `samhandling graph`: one report's service network, and files for other tools.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use samhandling::Result;
use samhandling::export::{self, Network};
use samhandling::graph::structure;
use samhandling::reference::{check, expectations};

use crate::input::Records;
use crate::output;

/// Arguments of `graph`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  samhandling graph vestby-2025                               structure and reference model
  samhandling graph vestby-2025 --dot v.dot && sfdp -Tsvg v.dot > v.svg
  samhandling graph nes-2025 --graphml nes.graphml            for Gephi, NetworkX, igraph
  samhandling graph nes-2025 --json nes.json                  NetworkX: nx.node_link_graph(json.load(f))
  samhandling graph my-2024 --dir records/ --by-kind --dot k.dot

The network is undirected, as the structure is measured: a directed relation keeps its sender
in the edge's `from` and `direction`. Node metrics (degree, betweenness, articulation_point,
broker, isolated, component) are the structure's, on services that exist. Output files are
written together and only when all succeed; an existing file is replaced only with --force.")]
pub(crate) struct Args {
    /// The report's id (the error lists the ids when it is unknown).
    #[arg(value_name = "REPORT")]
    report: String,
    #[command(flatten)]
    records: Records,
    /// Export the kind-level graph (services collapsed by kind).
    #[arg(long)]
    by_kind: bool,
    /// Write the graph for Graphviz (laid out with sfdp).
    #[arg(long, value_name = "FILE")]
    dot: Option<PathBuf>,
    /// Write the graph as GraphML (Gephi, NetworkX read_graphml, igraph).
    #[arg(long, value_name = "FILE")]
    graphml: Option<PathBuf>,
    /// Write the graph as node-link JSON (NetworkX node_link_graph).
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write the nodes as CSV (Gephi's spreadsheet import, igraph).
    #[arg(long, value_name = "FILE")]
    nodes: Option<PathBuf>,
    /// Write the edges as CSV.
    #[arg(long, value_name = "FILE")]
    edges: Option<PathBuf>,
    /// Replace output files that exist.
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &Args) -> Result<ExitCode> {
    let corpus = args.records.load()?;
    let report = corpus.report(&args.report)?;
    let network = if args.by_kind {
        Network::kinds(report)
    } else {
        Network::services(report)
    };
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if let Some(path) = &args.dot {
        let mut bytes = Vec::new();
        export::dot(&mut bytes, &network)?;
        outputs.push((path.clone(), bytes));
    }
    if let Some(path) = &args.graphml {
        let mut bytes = Vec::new();
        export::graphml(&mut bytes, &network)?;
        outputs.push((path.clone(), bytes));
    }
    if let Some(path) = &args.json {
        let mut bytes =
            serde_json::to_vec_pretty(&export::node_link(&network)).expect("JSON serialises");
        bytes.push(b'\n');
        outputs.push((path.clone(), bytes));
    }
    if let Some(path) = &args.nodes {
        let mut bytes = Vec::new();
        export::nodes_csv(&mut bytes, &network)?;
        outputs.push((path.clone(), bytes));
    }
    if let Some(path) = &args.edges {
        let mut bytes = Vec::new();
        export::edges_csv(&mut bytes, &network)?;
        outputs.push((path.clone(), bytes));
    }
    output::files(&outputs, args.force)?;

    let s = structure(report);
    output::print(|out| {
        writeln!(out, "# {} — {}", report.id, report.title_or_unstated())?;
        writeln!(
            out,
            "services {}, relations {}; network: {} services, {} working links",
            s.n_services, s.n_relations, s.n_nodes, s.n_links
        )?;
        writeln!(
            out,
            "density {:.3}, degree centralization {:.3}, {} components (largest {})",
            s.density,
            s.degree_centralization,
            s.components.len(),
            s.components.first().map_or(0, Vec::len)
        )?;
        writeln!(out, "brokers: {}", s.brokers.join(", "))?;
        for (service, b) in s.betweenness.iter().take(5) {
            writeln!(out, "  betweenness {b:.3}  {service}")?;
        }
        writeln!(
            out,
            "articulation points: {}",
            s.articulation_points.join(", ")
        )?;
        let bridges: Vec<String> = s.bridges.iter().map(|(a, b)| format!("{a}–{b}")).collect();
        writeln!(out, "bridges: {}", bridges.join(", "))?;
        writeln!(
            out,
            "isolated (no working relation): {}",
            s.isolated.join(", ")
        )?;
        let list = |items: &[(String, String)]| {
            items
                .iter()
                .map(|(id, st)| format!("{id} ({st})"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let absent: Vec<(String, String)> = s
            .absent_services
            .iter()
            .map(|(id, st)| (id.clone(), st.to_string()))
            .collect();
        writeln!(out, "named but not existing: {}", list(&absent))?;
        let other: Vec<(String, String)> = s
            .other_relations
            .iter()
            .map(|(id, st)| (id.clone(), st.to_string()))
            .collect();
        writeln!(
            out,
            "relations outside working collaboration: {}",
            list(&other)
        )?;
        writeln!(
            out,
            "\n# What the law expects (reference model; a structural finding of this program, not the report's)"
        )?;
        for (e, c) in expectations().iter().zip(check(report)) {
            writeln!(
                out,
                "  {:<26} {:<14} {} [{}]",
                e.id,
                format!("{:?}", c.finding),
                c.items.join(", "),
                e.legal
            )?;
        }
        for (path, _) in &outputs {
            writeln!(out, "wrote {}", path.display())?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
