//! The integration tests: one binary, a module per area.

mod codebook;
mod compare;
mod corpus;
mod evidence;
mod examples;
mod export;
mod graph;
mod legal;
mod load;
mod metadata;
mod mutation;
mod nes;
mod note2015;
#[cfg(feature = "cli")]
mod program;
mod records;
mod reproduce;
mod robustness;
mod taxonomy;
mod tilsyn;

/// The example record of docs/FORMAT.md.
pub(crate) const EXAMPLE: &str = include_str!("../../docs/example-report.json");
