//! Tidy CSV tables of a corpus for R, pandas and spreadsheets: one row per item, each column
//! defined once, by a row struct (its serde field name is the column, its doc comment the
//! column's description in `datapackage.json`, its type the column's type).
//!
//! Every table names the unit of its rows: `report_id` on every item, and the item's own id
//! column (`gap_id`, `service_id` ...), so that ids are unique only together with `report_id`,
//! as they are in the records. Lists are joined with `;`. A column that is empty in every row
//! of a non-empty table is left out (for example `service_kinds` when gap keys are by category
//! alone, or `date` when no record states one); `datapackage.json` lists the columns written.
//!
//! The codebook table (module `codebook`) joins the list as one more [`Table`] variant.
//!
//! # Example
//! ```
//! use samhandling::compare::KeyMode;
//! use samhandling::export::{write_table, CsvFormat, Table};
//! use samhandling::Corpus;
//!
//! let corpus = Corpus::bundled()?;
//! let mut csv = Vec::new();
//! let columns = write_table(&mut csv, Table::Similarity, &corpus, KeyMode::Category, CsvFormat::Plain)?;
//! let n = corpus.len();
//! assert_eq!(String::from_utf8(csv)?.lines().count(), 1 + n * (n - 1) / 2);
//! assert_eq!(columns.fields[0].name, "report_a");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod build;
mod cells;
mod rows;

use std::io::Write;
use std::path::Path;

use super::datapackage::{DataPackage, Field, Resource};
use crate::Corpus;
use crate::compare::KeyMode;
use crate::error::{Error, Result};

/// How CSV files are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CsvFormat {
    /// UTF-8 without byte-order mark, comma-separated, decimal point: what R's readr, pandas
    /// and most tools read by default.
    #[default]
    Plain,
    /// For Excel with Norwegian (and most European) settings, which opens a file on double
    /// click only so: a UTF-8 byte-order mark (so that æ, ø and å show), `;`-separated, and a
    /// decimal comma in number columns.
    Excel,
}

impl CsvFormat {
    fn delimiter(self) -> u8 {
        match self {
            CsvFormat::Plain => b',',
            CsvFormat::Excel => b';',
        }
    }
}

/// The tables, in the order they are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Table {
    /// One row per report: metadata and counts.
    Reports,
    /// One row per service of each report.
    Services,
    /// One row per relation of each report.
    Relations,
    /// One row per gap of each report (resolved ones included, marked by `severity`).
    Gaps,
    /// One row per recommendation of each report.
    Recommendations,
    /// One row per conclusion of each report.
    Conclusions,
    /// One row per follow-up item of each report.
    FollowUps,
    /// One row per figure of each report.
    Figures,
    /// The gap matrix in long form: one row per report and gap key (zeros included).
    MatrixLong,
    /// The gap matrix in wide form: one row per report, one count column per gap key.
    MatrixWide,
    /// One row per gap key: which reports and municipalities share it.
    Recurrence,
    /// One row per pair of reports (all n(n−1)/2 pairs): Jaccard similarity of their gap keys
    /// and of their kind-level relations. The rows grow with the square of the corpus: 45 for
    /// the ten bundled records, about 500,000 for 1,000 (see BENCHMARKS.md).
    Similarity,
    /// One row per report: the structure of its network of working collaboration.
    Structure,
}

impl Table {
    /// Every table, in order.
    pub const ALL: &'static [Table] = &[
        Table::Reports,
        Table::Services,
        Table::Relations,
        Table::Gaps,
        Table::Recommendations,
        Table::Conclusions,
        Table::FollowUps,
        Table::Figures,
        Table::MatrixLong,
        Table::MatrixWide,
        Table::Recurrence,
        Table::Similarity,
        Table::Structure,
    ];

    /// The table's name, which is also its file name without `.csv`: `follow_ups`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Reports => "reports",
            Table::Services => "services",
            Table::Relations => "relations",
            Table::Gaps => "gaps",
            Table::Recommendations => "recommendations",
            Table::Conclusions => "conclusions",
            Table::FollowUps => "follow_ups",
            Table::Figures => "figures",
            Table::MatrixLong => "matrix_long",
            Table::MatrixWide => "matrix_wide",
            Table::Recurrence => "recurrence",
            Table::Similarity => "similarity",
            Table::Structure => "structure",
        }
    }

    /// What one row is, for `datapackage.json`.
    pub fn description(self) -> &'static str {
        match self {
            Table::Reports => "one row per report record: metadata and counts",
            Table::Services => "one row per service of each report",
            Table::Relations => "one row per relation (collaboration) of each report",
            Table::Gaps => "one row per coordination gap of each report, with its first evidence",
            Table::Recommendations => "one row per recommendation of each report",
            Table::Conclusions => "one row per conclusion on an audit question",
            Table::FollowUps => "one row per follow-up item: the status now of an earlier item",
            Table::Figures => "one row per figure (a number the report states)",
            Table::MatrixLong => {
                "the gap matrix in long form: one row per report and gap key, zeros included; \
                 current gaps only (resolved ones left out)"
            }
            Table::MatrixWide => {
                "the gap matrix in wide form: one row per report, one column per gap key \
                 holding the number of current gaps"
            }
            Table::Recurrence => {
                "one row per gap key: the reports and municipalities that share it"
            }
            Table::Similarity => {
                "one row per pair of reports (all pairs): Jaccard similarity of their current \
                 gap keys and of their kind-level relations"
            }
            Table::Structure => {
                "one row per report: the structure of its network of working collaboration \
                 (structural findings of this crate, not stated by the report)"
            }
        }
    }
}

/// The columns a table was written with, as `datapackage.json` describes them.
#[derive(Debug, Clone, PartialEq)]
pub struct Columns {
    /// The columns, in order.
    pub fields: Vec<Field>,
}

/// Writes `table` of `corpus` (gap keys by `mode`) as CSV in `format`, and returns its columns.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn write_table<W: Write>(
    out: W,
    table: Table,
    corpus: &Corpus,
    mode: KeyMode,
    format: CsvFormat,
) -> Result<Columns> {
    let built = build::build(table, corpus, mode)?;
    built.drop_empty().write(out, table.name(), format)
}

/// Writes every table into the folder `dir` (which must exist) as `NAME.csv`, then
/// `datapackage.json` describing each file and column, and returns that description.
///
/// The program writes into a fresh temporary folder and renames it when this succeeded, so
/// that a failure leaves nothing half-written; do the same when calling it.
///
/// # Errors
/// [`Error::Export`] naming the file when one cannot be written.
pub fn write_tables(
    dir: &Path,
    corpus: &Corpus,
    mode: KeyMode,
    format: CsvFormat,
) -> Result<DataPackage> {
    let mut resources = Vec::new();
    for &table in Table::ALL {
        let file = format!("{}.csv", table.name());
        let path = dir.join(&file);
        let named = |e: std::io::Error| Error::Export {
            what: table.name(),
            message: format!("{}: {e}", path.display()),
        };
        let handle = std::fs::File::create(&path).map_err(named)?;
        let mut out = std::io::BufWriter::new(handle);
        let columns = write_table(&mut out, table, corpus, mode, format)?;
        out.flush().map_err(named)?;
        resources.push(Resource::csv(table, file, columns.fields, format));
    }
    let package = DataPackage::new(corpus, mode, resources);
    let path = dir.join("datapackage.json");
    let mut text = serde_json::to_string_pretty(&package).expect("a data package serialises");
    text.push('\n');
    std::fs::write(&path, text).map_err(|e| Error::Export {
        what: "datapackage",
        message: format!("{}: {e}", path.display()),
    })?;
    Ok(package)
}
