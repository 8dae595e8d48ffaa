//! The integration tests: one binary, a module per area.

mod claims;
mod codebook;
mod compare;
mod corpus;
mod counting;
mod draft;
mod draft_followup;
mod draft_genres;
mod evidence;
mod examples;
mod export;
mod followup;
mod graph;
mod html;
mod legal;
mod load;
mod metadata;
mod mutation;
mod nes;
mod note2015;
#[cfg(feature = "cli")]
mod program;
mod records;
mod reference;
mod reproduce;
mod reviews;
mod robustness;
mod taxonomy;
mod tilsyn;

/// The example record of docs/FORMAT.md.
pub(crate) const EXAMPLE: &str = include_str!("../../docs/example-report.json");
