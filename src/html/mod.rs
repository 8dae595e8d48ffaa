//! One self-contained HTML page of a corpus: the reports at a glance, the gap heatmap with the
//! evidence behind every cell one click away (quote, source file and line, and the surrounding
//! lines of the source text), recurring gaps and nearest municipalities, follow-ups, and for each
//! report a network picture, its structure, the reference check and its recommendations.
//!
//! The page needs no network: its CSS, script and pictures are inline, and the drill-down data is
//! one JSON block (`<script type="application/json" id="data">`), escaped so that no record text
//! can end the block. Every text from the records is escaped by [`maud`], which builds the page;
//! the script puts record text into the page only as text (`textContent`), never as markup.
//!
//! The heatmap counts **municipalities** (each once, by its latest report that is not a
//! comparison note), with a switch to every report; the page states the rule. Network pictures
//! are laid out by `layout-rs`. The page's content comes from one view-model
//! module (`view.rs`), which is the only place that calls the analyses.
//!
//! # Example
//! ```
//! use samhandling::html::{render, Options};
//! use samhandling::evidence::Sources;
//! use samhandling::Corpus;
//!
//! let corpus = Corpus::bundled()?;
//! let page = render(&corpus, &Sources::bundled(), &Options::default());
//! assert!(page.starts_with("<!DOCTYPE html>"));
//! assert!(page.contains("vestby-2025"));
//! # Ok::<(), samhandling::Error>(())
//! ```

mod detail;
mod items;
mod page;
mod svg;
mod view;

use std::path::Path;

use crate::Corpus;
use crate::error::{Error, Result};
use crate::evidence::Sources;

/// What the page shows, and how much of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The page's title.
    pub title: String,
    /// Source lines shown before and after each quote's line in the evidence panel.
    pub context_lines: usize,
    /// How many nearest municipalities to list for each municipality (0: none).
    pub nearest: usize,
    /// At most this many reports (the first by id) get a section of their own, with a network
    /// picture, structure, reference check and recommendations; the page says how many were
    /// left out. Every report is in the table and the heatmap whatever this is.
    pub max_details: usize,
}

impl Default for Options {
    /// Title "samhandling: coordination gaps across audit reports", 3 context lines, 3 nearest
    /// municipalities, details for up to 50 reports.
    fn default() -> Options {
        Options {
            title: "samhandling: coordination gaps across audit reports".to_string(),
            context_lines: 3,
            nearest: 3,
            max_details: 50,
        }
    }
}

/// The page of `corpus`, its quotes shown in the context of `sources` (a quote whose source
/// document is not among `sources` is shown without context, and the panel says so).
///
/// The same corpus, sources and options give byte-identical output.
pub fn render(corpus: &Corpus, sources: &Sources, options: &Options) -> String {
    let view = view::build(corpus, sources, options);
    page::page(&view).into_string()
}

/// Writes the page of `corpus` to `path`: to a temporary file beside it first, then renamed, so
/// that a failed write leaves no half-written page.
///
/// # Errors
/// [`Error::Io`] when the file cannot be written or renamed, naming the path.
pub fn write(
    corpus: &Corpus,
    sources: &Sources,
    options: &Options,
    path: impl AsRef<Path>,
) -> Result<()> {
    let path = path.as_ref();
    let page = render(corpus, sources, options);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".part");
    let tmp = std::path::PathBuf::from(tmp);
    if let Err(e) = std::fs::write(&tmp, page) {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(&tmp)(e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path)(e)
    })
}
