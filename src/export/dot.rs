//! A network as a Graphviz picture a person can read.

use std::collections::BTreeMap;
use std::io::Write;

use petgraph::visit::EdgeRef;

use super::graph::Network;
use super::io_fail;
use crate::error::Result;
use crate::taxonomy::{Direction, Owner, ServiceStatus, Status, Vocabulary};

/// The longest line of a node label in [`dot`], in characters.
pub const LABEL_WIDTH: usize = 18;

/// The most lines of a node label in [`dot`]; a longer name ends in `…`.
const LABEL_LINES: usize = 3;

/// Fill colours by owner: the Okabe–Ito palette, distinguishable with every common form of
/// colour blindness.
fn owner_colour(owner: Option<Owner>) -> &'static str {
    match owner {
        Some(Owner::Kommune) => "#56B4E9",
        Some(Owner::Stat) => "#E69F00",
        Some(Owner::Helseforetak) => "#009E73",
        Some(Owner::Interkommunal) => "#F0E442",
        Some(Owner::Frivillig) => "#CC79A7",
        Some(Owner::Privat) => "#D55E00",
        Some(Owner::Felles) => "#0072B2",
        Some(Owner::Fylkeskommune) => "#999999",
        None => "#FFFFFF",
    }
}

/// Edge style by status: how the line looks, and its legend text.
fn edge_style(status: Status) -> &'static str {
    match status {
        Status::Functioning => "style=solid, color=\"#000000\"",
        Status::Described => "style=solid, color=\"#999999\"",
        Status::Strained | Status::NotFollowed => "style=solid, color=\"#D55E00\"",
        Status::Missing | Status::Refused | Status::Discontinued => {
            "style=dashed, color=\"#D55E00\""
        }
        _ => "style=dotted, color=\"#555555\"",
    }
}

/// The legend rows for edges: style and what it means.
const EDGE_LEGEND: &[(&str, &str)] = &[
    ("solid black", "functioning"),
    ("solid grey", "described, not assessed"),
    ("solid orange", "strained or not followed"),
    ("dashed orange", "missing, refused or discontinued"),
    ("dotted grey", "any other status (planned, unclear ...)"),
];

/// `text` wrapped at word boundaries into lines of at most [`LABEL_WIDTH`] characters and at
/// most three lines (a longer text ends in `…`; a longer word is cut).
fn wrap(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // A word longer than a line is cut into even pieces, each but the last ending in `-`.
    let words = text.split_whitespace().flat_map(|w| {
        let chars: Vec<char> = w.chars().collect();
        if chars.len() <= LABEL_WIDTH {
            return vec![w.to_string()];
        }
        let pieces = chars.len().div_ceil(LABEL_WIDTH - 1);
        let size = chars.len().div_ceil(pieces);
        let n = chars.chunks(size).count();
        chars
            .chunks(size)
            .enumerate()
            .map(|(i, c)| {
                let mut piece: String = c.iter().collect();
                if i + 1 < n {
                    piece.push('-');
                }
                piece
            })
            .collect::<Vec<_>>()
    });
    for word in words {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > LABEL_WIDTH {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > LABEL_LINES {
        lines.truncate(LABEL_LINES);
        let last = &mut lines[LABEL_LINES - 1];
        while last.chars().count() >= LABEL_WIDTH {
            last.pop();
        }
        last.push('…');
    }
    lines
}

/// `text` as a DOT quoted string: quotes and backslashes escaped, control characters (NUL
/// included, which Graphviz cannot read) written as the text `\uXXXX`.
fn quote(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

/// `lines` as one DOT quoted string, joined by DOT's `\n`.
fn quote_lines(lines: &[String]) -> String {
    let lines: Vec<String> = lines.iter().map(|l| escape(l)).collect();
    format!("\"{}\"", lines.join("\\n"))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// A network in Graphviz DOT, drawn to be read: labels wrapped to [`LABEL_WIDTH`] characters a
/// line, nodes filled by owner (a colour-blind-safe palette), services that do not exist
/// dashed, parallel relations of one status merged into one line whose width grows with their
/// number, mutual relations without arrowheads, a legend of owners and statuses, and the
/// layout engine named in the file (`layout=sfdp`, so `dot -Tsvg` lays it out the same way).
///
/// # Errors
/// [`crate::Error::Export`] when the writer fails.
pub fn dot<W: Write>(mut out: W, network: &Network<'_>) -> Result<()> {
    let g = network.graph().graph();
    let r = network.report();
    let mut text = format!("graph {} {{\n", quote(r.id.as_str()));
    text.push_str(
        "  layout=sfdp; overlap=prism; overlap_scaling=-4; sep=\"+6\"; splines=true; outputorder=edgesfirst;\n  \
         fontname=\"Helvetica\"; labelloc=b; labeljust=l;\n  \
         node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11, margin=\"0.08,0.04\"];\n  \
         edge [color=\"#000000\"];\n",
    );
    let mut owners: Vec<Option<Owner>> = Vec::new();
    for i in g.node_indices() {
        let n = &g[i];
        let owner = network.owner(i);
        if !owners.contains(&owner) {
            owners.push(owner);
        }
        let style = if n.status == ServiceStatus::Existing {
            "rounded,filled"
        } else {
            "rounded,filled,dashed"
        };
        text.push_str(&format!(
            "  {} [label={}, tooltip={}, fillcolor=\"{}\", style=\"{style}\"];\n",
            quote(&n.id),
            quote_lines(&wrap(&n.name)),
            quote(&format!(
                "{} ({}, {})",
                n.name,
                n.kind.english(),
                n.status.english()
            )),
            owner_colour(owner),
        ));
    }
    // Parallel relations of one status and direction become one line, width by count.
    let mut merged: BTreeMap<(usize, usize, bool, Status), Vec<&str>> = BTreeMap::new();
    for e in g.edge_references() {
        let rel = e.weight();
        let (mut a, mut b) = (e.source().index(), e.target().index());
        let directed = rel.direction == Direction::Directed;
        if !directed && a > b {
            std::mem::swap(&mut a, &mut b);
        }
        merged
            .entry((a, b, directed, rel.status))
            .or_default()
            .push(rel.id.as_str());
    }
    for ((a, b, directed, status), ids) in &merged {
        let ni = petgraph::graph::NodeIndex::new;
        let arrow = if *directed { "dir=forward" } else { "dir=none" };
        text.push_str(&format!(
            "  {} -- {} [{arrow}, {}, penwidth={}, tooltip={}];\n",
            quote(&g[ni(*a)].id),
            quote(&g[ni(*b)].id),
            edge_style(*status),
            1 + ids.len(),
            quote(&format!(
                "{} ({}): {}",
                status.english(),
                ids.len(),
                ids.join(", ")
            )),
        ));
    }
    // The legend: a table under the picture, which every layout engine places.
    let mut legend = String::from(
        "<<table border=\"0\" cellspacing=\"2\" cellpadding=\"2\"><tr><td colspan=\"2\" align=\"left\"><b>",
    );
    legend.push_str(&html(&format!("{} — {}", r.id, r.title_or_unstated())));
    legend.push_str("</b></td></tr><tr><td align=\"left\"><b>owner (fill)</b></td><td align=\"left\"><b>relation (line)</b></td></tr>");
    owners.sort();
    let rows = owners.len().max(EDGE_LEGEND.len() + 2);
    for row in 0..rows {
        legend.push_str("<tr>");
        match owners.get(row) {
            Some(o) => legend.push_str(&format!(
                "<td bgcolor=\"{}\" border=\"1\" align=\"left\">{}</td>",
                owner_colour(*o),
                html(o.map_or("owner not stated", |o| o.english()))
            )),
            None => legend.push_str("<td></td>"),
        }
        let edge = match row {
            r if r < EDGE_LEGEND.len() => {
                format!("{}: {}", EDGE_LEGEND[r].0, EDGE_LEGEND[r].1)
            }
            r if r == EDGE_LEGEND.len() => {
                "arrow: directed; no arrow: mutual; width: number".to_string()
            }
            r if r == EDGE_LEGEND.len() + 1 => "dashed box: service does not exist".to_string(),
            _ => String::new(),
        };
        legend.push_str(&format!("<td align=\"left\">{}</td></tr>", html(&edge)));
    }
    legend.push_str("</table>>");
    text.push_str(&format!("  label={legend};\n}}\n"));
    out.write_all(text.as_bytes()).map_err(io_fail("dot"))
}

/// `text` escaped for a Graphviz HTML-like label.
fn html(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_every_line_short_and_cuts_long_names() {
        let lines = wrap("Tildelingskontoret for helse- og omsorgstjenester i Vestby kommune");
        assert!(lines.len() <= LABEL_LINES);
        assert!(lines.iter().all(|l| l.chars().count() <= LABEL_WIDTH));
        assert!(lines.last().unwrap().ends_with('…'));
        assert_eq!(wrap("NAV Vestby"), vec!["NAV Vestby"]);
        assert_eq!(
            wrap("samhandlingsenheten"),
            vec!["samhandlin-", "gsenheten"]
        );
        assert!(
            wrap(&"a".repeat(100))
                .iter()
                .all(|l| l.chars().count() <= LABEL_WIDTH)
        );
    }

    #[test]
    fn quote_escapes_and_writes_nul_as_text() {
        assert_eq!(quote("a\"b\\c\0d"), "\"a\\\"b\\\\c\\\\u0000d\"");
    }
}
