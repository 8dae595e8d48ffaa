//! The JSON Schema of the record format, derived from the model types.

use crate::model::Report;

/// The JSON Schema (draft 2020-12) of one report record, generated from [`Report`] and its
/// items by `schemars`: vocabularies as string enums, legal references as strings, every
/// field's doc comment as its description. `docs/report.schema.json` is this value
/// (`samhandling schema > docs/report.schema.json`); a test keeps it current.
///
/// # Example
/// ```
/// let schema = samhandling::export::json_schema();
/// assert_eq!(schema["title"], "Report");
/// assert!(schema["required"].as_array().unwrap().iter().any(|f| f == "evidence"));
/// ```
pub fn json_schema() -> serde_json::Value {
    schemars::schema_for!(Report).to_value()
}
