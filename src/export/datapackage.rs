//! `datapackage.json`: a Frictionless Data package describing every table written, so that R
//! (`frictionless::read_package`), pandas and other tools get each column's type without
//! guessing.

use serde::Serialize;

use super::tables::{CsvFormat, Table};
use crate::Corpus;
use crate::compare::KeyMode;

/// A Frictionless Data package (tabular data package profile).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataPackage {
    /// `tabular-data-package`.
    pub profile: &'static str,
    /// The package's name.
    pub name: &'static str,
    /// A title.
    pub title: String,
    /// What the package holds and how gap keys were formed.
    pub description: String,
    /// One resource per file.
    pub resources: Vec<Resource>,
}

/// One file of the package.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resource {
    /// The table's name: `gaps`.
    pub name: String,
    /// The file, relative to `datapackage.json`: `gaps.csv`.
    pub path: String,
    /// `tabular-data-resource`.
    pub profile: &'static str,
    /// `csv`.
    pub format: &'static str,
    /// `text/csv`.
    pub mediatype: &'static str,
    /// `utf-8`.
    pub encoding: &'static str,
    /// What one row is.
    pub description: String,
    /// How the CSV is written: delimiter, and whether a byte-order mark precedes the header.
    pub dialect: Dialect,
    /// The columns.
    pub schema: TableSchema,
}

/// The CSV dialect of a resource.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dialect {
    /// `,` or `;`.
    pub delimiter: String,
    /// True: the first row names the columns.
    pub header: bool,
}

/// The Table Schema of a resource.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableSchema {
    /// The columns, in file order.
    pub fields: Vec<Field>,
    /// What an empty cell means: a value that is not stated or does not apply.
    #[serde(rename = "missingValues")]
    pub missing_values: Vec<&'static str>,
}

/// One column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Field {
    /// The column name.
    pub name: String,
    /// The Frictionless type: `string`, `integer`, `number` or `boolean`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What it holds.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The decimal mark of a `number` column written for Excel (`,`); absent for `.`.
    #[serde(rename = "decimalChar", skip_serializing_if = "Option::is_none")]
    pub decimal_char: Option<&'static str>,
}

impl Resource {
    /// The resource of `table` written to `path` with `fields` in `format`.
    pub fn csv(table: Table, path: String, mut fields: Vec<Field>, format: CsvFormat) -> Resource {
        let excel = format == CsvFormat::Excel;
        if excel {
            for f in fields.iter_mut().filter(|f| f.kind == "number") {
                f.decimal_char = Some(",");
            }
        }
        Resource {
            name: table.name().to_string(),
            path,
            profile: "tabular-data-resource",
            format: "csv",
            mediatype: "text/csv",
            encoding: if excel { "utf-8-sig" } else { "utf-8" },
            description: table.description().to_string()
                + if excel {
                    " (Excel format: byte-order mark, `;`-separated, decimal comma)"
                } else {
                    ""
                },
            dialect: Dialect {
                delimiter: if excel { ";" } else { "," }.to_string(),
                header: true,
            },
            schema: TableSchema {
                fields,
                missing_values: vec![""],
            },
        }
    }
}

impl DataPackage {
    /// The package of `resources` written from `corpus` with gap keys by `mode`.
    pub fn new(corpus: &Corpus, mode: KeyMode, resources: Vec<Resource>) -> DataPackage {
        let municipalities: std::collections::BTreeSet<&str> = corpus
            .iter()
            .flat_map(|r| r.municipalities.iter().map(String::as_str))
            .collect();
        DataPackage {
            profile: "tabular-data-package",
            name: "samhandling-corpus",
            title: "Coordination gaps in audit reports on mental-health and substance-use services"
                .to_string(),
            description: format!(
                "{} report records covering {} municipalities; gap keys by {}. Every item row \
                 gives the source document, line and verbatim quote of its first evidence. \
                 Written by samhandling {}.",
                corpus.len(),
                municipalities.len(),
                match mode {
                    KeyMode::Category => "gap category",
                    KeyMode::CategoryAndKinds => "gap category and the service kinds involved",
                },
                env!("CARGO_PKG_VERSION")
            ),
            resources,
        }
    }
}
