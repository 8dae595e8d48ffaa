//! Exports for other tools: tidy CSV tables for R, pandas and spreadsheets with a Frictionless
//! `datapackage.json` ([`tables`]), service graphs for Graphviz, Gephi, NetworkX and igraph
//! ([`Network`]: DOT, GraphML, node-link JSON, CSV node and edge lists), an SVG heatmap of the
//! gap matrix ([`heatmap_svg`]), and the JSON Schema of the record format ([`json_schema`]).
//!
//! Every function writes to any [`std::io::Write`] in a fixed row and column order, so the same
//! input gives the same bytes. Cells that hold lists join them with `;`.
//!
//! # Example
//! ```
//! use samhandling::export::{self, Network};
//! use samhandling::Corpus;
//!
//! let corpus = Corpus::bundled()?;
//! let vestby = corpus.report("vestby-2025")?;
//! let mut graphml = Vec::new();
//! export::graphml(&mut graphml, &Network::services(vestby))?;
//! assert!(String::from_utf8(graphml)?.contains("attr.name=\"betweenness\" attr.type=\"double\""));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod datapackage;
mod dot;
mod graph;
mod heatmap;
mod schema;
pub mod tables;

pub use datapackage::{DataPackage, Dialect, Field, Resource, TableSchema};
pub use dot::{LABEL_WIDTH, dot};
pub use graph::{
    AttributeType, EDGE_ATTRIBUTES, GRAPH_ATTRIBUTES, NODE_ATTRIBUTES, Network, edges_csv, graphml,
    node_link, nodes_csv,
};
pub use heatmap::heatmap_svg;
pub use schema::json_schema;
pub use tables::{Columns, CsvFormat, Table, write_table, write_tables};

use crate::error::Error;

/// The export error of a failed write of `what`.
fn fail(what: &'static str) -> impl Fn(csv::Error) -> Error {
    move |e| Error::Export {
        what,
        message: e.to_string(),
    }
}

/// The export error of a failed write of `what`, from an I/O error.
fn io_fail(what: &'static str) -> impl Fn(std::io::Error) -> Error {
    move |e| Error::Export {
        what,
        message: e.to_string(),
    }
}

/// `items` joined with `;`.
fn join<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(";")
}

/// `text` with every character that XML 1.0 forbids (control characters other than tab, line
/// feed and carriage return; U+FFFE and U+FFFF) written as the text `\uXXXX`, so that any
/// accepted record exports to a file XML parsers read, and two ids that differ only there stay
/// different.
fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let forbidden = |c: char| matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}');
    if text.chars().any(forbidden) {
        let mut out = String::with_capacity(text.len() + 8);
        for c in text.chars() {
            if forbidden(c) {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            } else {
                out.push(c);
            }
        }
        out.into()
    } else {
        text.into()
    }
}

/// `text` escaped for an XML attribute value or element text, after [`xml_safe`].
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in xml_safe(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}
