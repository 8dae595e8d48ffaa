//! The integration tests: one binary, a module per area.

mod compare;
mod corpus;
mod counting;
mod evidence;
mod examples;
mod export;
mod followup;
mod graph;
mod legal;
mod load;
mod metadata;
mod nes;
mod reference;
mod reproduce;
mod robustness;
mod taxonomy;

/// The example record of docs/FORMAT.md.
pub(crate) const EXAMPLE: &str = include_str!("../../docs/example-report.json");
