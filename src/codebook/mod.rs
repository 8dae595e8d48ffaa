//! The codebook of gap categories: for each [`GapCategory`] a Norwegian and an English label, a
//! one-line definition, the Norwegian words that signal it, where it came from, and an example
//! quote with its source; exported as a table for coding by hand ([`csv()`]) and as a REFI-QDA
//! codebook ([`qdc()`]) that NVivo, ATLAS.ti and MAXQDA import (docs/CODEBOOK.md).
//!
//! Every example quote is verbatim and is checked by the tests against its source: one of the
//! bundled source documents (`data/sources/`) where a bundled report states such a gap, else the
//! hand-written tilsyn fixture `tests/fixtures/tilsyn/eikvik-2018.txt` (marked as such in
//! [`Example::document`]: an illustration in the genre's words, not a real report).
//!
//! # Where the old categories end and the new begin
//! [`Entry::origin`] says it: [`Origin::Design`] for the starting list of the design notes,
//! [`Origin::Seeds`] for those added while encoding the bundled audits, [`Origin::Tilsyn`] for
//! those added for tilsyn and national reports (issue 14). A record encoded before the tilsyn
//! categories existed may hold a tilsyn-category gap under an older word (`mapping_assessment`
//! for somatic health, `other` for a crisis plan); recode it with this table.
//!
//! # Example
//! ```
//! use samhandling::codebook;
//! use samhandling::taxonomy::GapCategory;
//!
//! let entry = codebook::entry(GapCategory::CrisisPlan);
//! assert_eq!(entry.origin, codebook::Origin::Tilsyn);
//! assert!(entry.definition.contains("crisis plan"));
//!
//! let mut table = Vec::new();
//! codebook::csv(&mut table)?;
//! let table = String::from_utf8(table).unwrap();
//! assert!(table.starts_with("category,norwegian,english,origin,definition,"));
//! assert!(table.contains("crisis_plan,kriseplan,crisis plan,tilsyn,"));
//! # Ok::<(), samhandling::Error>(())
//! ```

mod entries;
mod export;

use serde::Serialize;

use crate::taxonomy::GapCategory;

pub use export::{csv, guid, qdc};

use entries::ENTRIES;

/// Where a category came from: the line between the old categories and the new.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The starting list of the project's design notes.
    Design,
    /// Added while encoding the bundled forvaltningsrevisjon reports (marked *Added* in
    /// [`GapCategory`]'s docs).
    Seeds,
    /// Added for tilsyn and national reports (issue 14): what the supervision template examines.
    Tilsyn,
}

impl Origin {
    /// The word used in the table: `design`, `seeds`, `tilsyn`.
    pub fn word(self) -> &'static str {
        match self {
            Origin::Design => "design",
            Origin::Seeds => "seeds",
            Origin::Tilsyn => "tilsyn",
        }
    }
}

/// An example quote: verbatim text that states a gap of the category, and where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Example {
    /// The source file: a file name of `data/sources/`, or of `tests/fixtures/tilsyn/`.
    pub source: &'static str,
    /// The 1-based line where the quote begins.
    pub line: usize,
    /// The quote, verbatim (white space and line-end hyphenation aside, as for evidence).
    pub quote: &'static str,
    /// The document, in words: `Deloitte, Asker 2026`, or that it is the hand-written fixture.
    pub document: &'static str,
}

/// One category of the codebook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// The category; its labels are [`crate::taxonomy::Vocabulary::norwegian`] and
    /// [`crate::taxonomy::Vocabulary::english`].
    pub category: GapCategory,
    /// One line: what a gap of this category is.
    pub definition: &'static str,
    /// Norwegian words and phrases that signal the category in a report.
    pub cues: &'static str,
    /// Where the category came from.
    pub origin: Origin,
    /// An example quote.
    pub example: Example,
}

/// Every entry, in the order of [`GapCategory::ALL`].
pub fn entries() -> &'static [Entry] {
    ENTRIES
}

/// The entry of `category`.
pub fn entry(category: GapCategory) -> &'static Entry {
    ENTRIES
        .iter()
        .find(|e| e.category == category)
        .expect("the codebook has an entry for every category (checked by the tests)")
}
