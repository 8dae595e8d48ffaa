//! The corpus gap matrix as an SVG heatmap: one row per report, one column per gap category,
//! the number of current gaps in each cell and its colour the highest severity among them.

use std::io::Write;

use super::{io_fail, xml_escape};
use crate::Corpus;
use crate::compare::{KeyMode, gap_matrix};
use crate::error::Result;
use crate::taxonomy::{Severity, Vocabulary};

const CELL: usize = 30;
const LEFT: usize = 300;
const TOP: usize = 210;

/// Fill and text colour of a severity: three steps of viridis, ordered in lightness, so that
/// the order reads in grey and with every common form of colour blindness.
fn colours(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Breach => ("#440154", "#FFFFFF"),
        Severity::Risk => ("#21918C", "#FFFFFF"),
        Severity::Improvement => ("#FDE725", "#000000"),
        _ => ("#E0E0E0", "#000000"),
    }
}

/// Writes the gap matrix of `corpus` (by category) as an SVG picture: a row per report (a
/// document; its municipalities and year in the label, a derived record marked so), a column
/// per gap category present, in each non-empty cell the number of current gaps, coloured by the
/// highest severity among them (a colour-blind-safe palette with a legend). The same corpus
/// gives the same bytes.
///
/// # Errors
/// [`crate::Error::Export`] when the writer fails.
pub fn heatmap_svg<W: Write>(mut out: W, corpus: &Corpus) -> Result<()> {
    let m = gap_matrix(corpus, KeyMode::Category);
    let width = LEFT + CELL * m.columns.len() + 40;
    let legend_top = TOP + CELL * m.rows.len() + 30;
    let height = legend_top + 60;
    let mut svg = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">\n"
    );
    svg.push_str(&format!(
        "  <title>Current coordination gaps by report and gap category ({} reports)</title>\n  <rect width=\"{width}\" height=\"{height}\" fill=\"#FFFFFF\"/>\n",
        m.rows.len()
    ));
    svg.push_str(&format!(
        "  <text x=\"10\" y=\"22\" font-size=\"15\" font-weight=\"bold\">Current coordination gaps: one row per report (document), one column per gap category</text>\n  <text x=\"10\" y=\"40\">number: gaps stated in the report; colour: the highest severity among them; resolved gaps left out ({} reports)</text>\n",
        m.rows.len()
    ));
    for (j, key) in m.columns.iter().enumerate() {
        let x = LEFT + CELL * j + CELL / 2;
        svg.push_str(&format!(
            "  <text transform=\"translate({x},{}) rotate(-55)\" text-anchor=\"start\">{}</text>\n",
            TOP - 6,
            xml_escape(key.category.english())
        ));
    }
    for (i, row) in m.rows.iter().enumerate() {
        let y = TOP + CELL * i;
        let report = corpus.get(row.report.as_str());
        let mut label = row.report.to_string();
        if let Some(r) = report {
            if !r.municipalities.is_empty() {
                label.push_str(&format!(" — {}", r.municipalities.join(", ")));
            }
            if !r.is_primary() {
                label.push_str(" (derived)");
            }
        }
        svg.push_str(&format!(
            "  <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n",
            LEFT - 8,
            y + CELL / 2 + 4,
            xml_escape(&label)
        ));
        for (j, key) in m.columns.iter().enumerate() {
            let x = LEFT + CELL * j;
            match row.cells.get(key) {
                Some(cell) => {
                    let (fill, ink) = colours(cell.highest);
                    svg.push_str(&format!(
                        "  <g><title>{}: {} ({} gap{}, highest {})</title><rect x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"{fill}\" stroke=\"#FFFFFF\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{ink}\">{}</text></g>\n",
                        xml_escape(row.report.as_str()),
                        xml_escape(key.category.english()),
                        cell.count,
                        if cell.count == 1 { "" } else { "s" },
                        cell.highest.word(),
                        x + CELL / 2,
                        y + CELL / 2 + 4,
                        cell.count
                    ));
                }
                None => svg.push_str(&format!(
                    "  <rect x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" fill=\"#FFFFFF\" stroke=\"#DDDDDD\"/>\n"
                )),
            }
        }
    }
    for (k, severity) in [Severity::Breach, Severity::Risk, Severity::Improvement]
        .into_iter()
        .enumerate()
    {
        let x = 10 + k * 200;
        let (fill, _) = colours(severity);
        svg.push_str(&format!(
            "  <rect x=\"{x}\" y=\"{legend_top}\" width=\"18\" height=\"18\" fill=\"{fill}\"/><text x=\"{}\" y=\"{}\">highest: {} ({})</text>\n",
            x + 24,
            legend_top + 14,
            severity.english(),
            xml_escape(severity.norwegian())
        ));
    }
    svg.push_str("</svg>\n");
    out.write_all(svg.as_bytes()).map_err(io_fail("heatmap"))
}
