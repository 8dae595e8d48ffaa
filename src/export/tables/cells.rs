//! Rows as text cells: serialised by csv and serde, typed and described by schemars, written
//! in a [`CsvFormat`].

use std::io::Write;

use super::rows::Row;
use super::{Columns, CsvFormat};
use crate::error::Result;
use crate::export::datapackage::Field;
use crate::export::{fail, io_fail};

/// Rows serialised to text cells, with each column's type and description.
pub(super) struct Built {
    pub(super) fields: Vec<Field>,
    pub(super) rows: Vec<Vec<String>>,
}

impl Built {
    pub(super) fn of<T: Row>(what: &'static str, rows: &[T]) -> Result<Built> {
        let schema = schemars::schema_for!(T);
        let props = schema
            .as_value()
            .get("properties")
            .and_then(|p| p.as_object())
            .cloned()
            .unwrap_or_default();
        let mut buffer = csv::Writer::from_writer(Vec::new());
        for row in rows {
            buffer.serialize(row).map_err(fail(what))?;
        }
        let bytes = buffer
            .into_inner()
            .map_err(|e| io_fail(what)(std::io::Error::other(e.to_string())))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(bytes.as_slice());
        let names: Vec<String> = T::COLUMNS.iter().map(|c| c.to_string()).collect();
        if !rows.is_empty() {
            let header = reader.headers().map_err(fail(what))?;
            debug_assert!(header.iter().eq(T::COLUMNS.iter().copied()));
        }
        let fields = names
            .iter()
            .map(|name| {
                let p = props.get(name);
                Field {
                    name: name.clone(),
                    kind: p.map_or("string", field_type).to_string(),
                    description: p
                        .and_then(|p| p.get("description"))
                        .and_then(|d| d.as_str())
                        .unwrap_or_default()
                        .to_string(),
                    decimal_char: None,
                }
            })
            .collect();
        let rows = reader
            .records()
            .map(|r| r.map(|r| r.iter().map(String::from).collect()))
            .collect::<std::result::Result<Vec<Vec<String>>, _>>()
            .map_err(fail(what))?;
        Ok(Built { fields, rows })
    }

    /// Leaves out the columns that are empty in every row (when there is a row).
    pub(super) fn drop_empty(mut self) -> Built {
        if self.rows.is_empty() {
            return self;
        }
        let keep: Vec<bool> = (0..self.fields.len())
            .map(|i| self.rows.iter().any(|r| !r[i].is_empty()))
            .collect();
        self.fields = keep_where(self.fields, &keep);
        self.rows = self
            .rows
            .into_iter()
            .map(|r| keep_where(r, &keep))
            .collect();
        self
    }

    pub(super) fn write<W: Write>(
        self,
        mut out: W,
        what: &'static str,
        format: CsvFormat,
    ) -> Result<Columns> {
        if format == CsvFormat::Excel {
            out.write_all("\u{feff}".as_bytes())
                .map_err(io_fail(what))?;
        }
        let mut w = csv::WriterBuilder::new()
            .delimiter(format.delimiter())
            .from_writer(out);
        w.write_record(self.fields.iter().map(|f| f.name.as_str()))
            .map_err(fail(what))?;
        let decimal: Vec<bool> = self
            .fields
            .iter()
            .map(|f| format == CsvFormat::Excel && f.kind == "number")
            .collect();
        for row in &self.rows {
            let cells = row.iter().zip(&decimal).map(|(cell, &comma)| {
                if comma {
                    cell.replace('.', ",")
                } else {
                    cell.clone()
                }
            });
            w.write_record(cells).map_err(fail(what))?;
        }
        w.flush().map_err(io_fail(what))?;
        Ok(Columns {
            fields: self.fields,
        })
    }
}

/// The items of `list` whose flag in `keep` is set.
fn keep_where<T>(list: Vec<T>, keep: &[bool]) -> Vec<T> {
    list.into_iter()
        .zip(keep)
        .filter(|(_, k)| **k)
        .map(|(x, _)| x)
        .collect()
}

/// The Frictionless type of a JSON Schema property: `string`, `integer`, `number`, `boolean`.
fn field_type(property: &serde_json::Value) -> &'static str {
    let types: Vec<&str> = match property.get("type") {
        Some(serde_json::Value::String(t)) => vec![t.as_str()],
        Some(serde_json::Value::Array(ts)) => ts.iter().filter_map(|t| t.as_str()).collect(),
        _ => Vec::new(),
    };
    match types.into_iter().find(|t| *t != "null") {
        Some("integer") => "integer",
        Some("number") => "number",
        Some("boolean") => "boolean",
        _ => "string",
    }
}
