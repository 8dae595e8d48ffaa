//! Reading report records from JSON text, bytes and files. With [`crate::export`], the only
//! place that touches the filesystem.
//!
//! Parsing goes through `serde_path_to_error`, so that a wrong type or an unknown word names its
//! JSON path (`gaps[3].severity`), and every record is validated ([`Report::validate`]) before it
//! is handed out.

use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Result};
use crate::model::{Report, ReportId};

impl Report {
    /// Reads and validates one report record from JSON text.
    ///
    /// # Errors
    /// [`Error::Syntax`] for malformed JSON; [`Error::Shape`], [`Error::UnknownField`],
    /// [`Error::UnknownWord`] or [`Error::BadLegalRef`] for JSON that is not a report record;
    /// the problems of [`Report::validate`] (one, or [`Error::Many`]) for a record that is not
    /// valid. Messages name the report id and the JSON path.
    ///
    /// # Example
    /// ```
    /// use samhandling::{Error, Report};
    ///
    /// let err = Report::from_json_str(r#"{"id": "x-2020", "title": 7}"#).unwrap_err();
    /// assert!(matches!(err, Error::Shape { .. }));
    /// assert!(err.to_string().contains("report `x-2020`: title"));
    /// ```
    pub fn from_json_str(json: &str) -> Result<Report> {
        let report = parse(json)?;
        Error::from_list(report.validate())?;
        Ok(report)
    }

    /// Reads and validates one report record from JSON bytes, which must be UTF-8.
    ///
    /// # Errors
    /// As [`Report::from_json_str`]; [`Error::NotUtf8`] for bytes that are not UTF-8.
    pub fn from_json_slice(bytes: &[u8]) -> Result<Report> {
        let text = std::str::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
            path: PathBuf::from("<input>"),
            offset: e.valid_up_to(),
        })?;
        Report::from_json_str(text)
    }

    /// Reads and validates one report record from a file; errors name the file.
    ///
    /// # Errors
    /// [`Error::Io`] when the file cannot be read, [`Error::NotUtf8`], and as
    /// [`Report::from_json_str`].
    pub fn from_file(path: impl AsRef<Path>) -> Result<Report> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(Error::io(path))?;
        let text = std::str::from_utf8(&bytes).map_err(|e| Error::NotUtf8 {
            path: path.to_path_buf(),
            offset: e.valid_up_to(),
        })?;
        Report::from_json_str(text).map_err(|e| e.in_file(path))
    }

    /// The record as pretty-printed JSON, fields in the format's order, ending in a newline.
    pub fn to_json_string(&self) -> String {
        let mut json = serde_json::to_string_pretty(self).expect("a report always serialises");
        json.push('\n');
        json
    }
}

/// Parses a record in one fast pass; only when that fails is the text read again, tracking the
/// JSON path of the problem and the report id for the error.
fn parse(json: &str) -> Result<Report> {
    if let Ok(report) = serde_json::from_str(json) {
        return Ok(report);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    let report: Report = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = match e.path().to_string() {
            p if p == "." => String::new(),
            p => p,
        };
        located(json, path, e.inner())
    })?;
    de.end().map_err(|e| located(json, String::new(), &e))?;
    // serde_json failed where the path-tracking pass did not: report what serde_json said.
    serde_json::from_str::<Report>(json).map_err(|e| located(json, String::new(), &e))?;
    Ok(report)
}

/// The error of a record that failed to parse, named by its report id when the text has one.
fn located(json: &str, path: String, e: &serde_json::Error) -> Error {
    let at = Location {
        file: None,
        report: report_id(json),
        path,
    };
    if e.is_syntax() || e.is_eof() {
        Error::Syntax {
            at,
            line: e.line(),
            column: e.column(),
            message: strip_position(e),
        }
    } else {
        classify(at, strip_position(e))
    }
}

/// The report id of a record that failed to parse, if its text is JSON with a string `id`.
fn report_id(json: &str) -> Option<ReportId> {
    #[derive(serde::Deserialize)]
    struct IdOnly {
        id: String,
    }
    serde_json::from_str::<IdOnly>(json)
        .ok()
        .map(|r| ReportId(r.id))
}

/// The `*.json` files directly in `dir`, sorted by name.
pub(crate) fn json_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(Error::io(dir))? {
        let path = entry.map_err(Error::io(dir))?.path();
        if path.extension().is_some_and(|e| e == "json") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// serde_json appends " at line L column C" to its messages; the location says that better.
fn strip_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(pos) => message[..pos].to_string(),
        None => message,
    }
}

fn classify(at: Location, message: String) -> Error {
    if message.starts_with("unknown field") {
        Error::UnknownField { at, message }
    } else if message.starts_with("unknown variant") || is_vocabulary_message(&message) {
        Error::UnknownWord { at, message }
    } else if message.starts_with("cannot read legal reference") {
        Error::BadLegalRef { at, message }
    } else {
        Error::Shape { at, message }
    }
}

/// Messages of [`crate::taxonomy::UnknownWord`] start `unknown <vocabulary> `.
fn is_vocabulary_message(message: &str) -> bool {
    message.starts_with("unknown ") && message.contains("; expected one of: ")
}
