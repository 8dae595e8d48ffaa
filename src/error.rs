//! The crate's one error type, [`Error`], and [`Location`], which says where in which record a
//! problem sits.
//!
//! Every variant about a record carries a [`Location`]: the file (when the record came from a
//! file), the report id (when it could be read) and the JSON path of the offending item, so that a
//! message reads like
//! ``reports/asker-2026.json: report `asker-2026`: gaps[3].services[1]: unknown service `nav-askr` (define it under `services` or fix the id)``.

use std::fmt;
use std::path::PathBuf;

use crate::model::ReportId;

/// A `Result` whose error defaults to this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where a problem sits: file, report and JSON path, each when known.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    /// The file the record was read from; `None` for a record given as a string or value.
    pub file: Option<PathBuf>,
    /// The report's id, once it could be read.
    pub report: Option<ReportId>,
    /// The JSON path of the item, such as `gaps[3].services[1]`; empty for the whole record.
    pub path: String,
}

impl Location {
    /// A location inside report `report` at JSON path `path`, with no file.
    pub fn new(report: &ReportId, path: impl Into<String>) -> Location {
        Location {
            file: None,
            report: Some(report.clone()),
            path: path.into(),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.display().to_string());
        }
        if let Some(report) = &self.report {
            parts.push(format!("report {}", shown(report.as_str())));
        }
        if !self.path.is_empty() {
            parts.push(shorten(&escape(&self.path), MAX_SHOWN));
        }
        if parts.is_empty() {
            f.write_str("<input>")
        } else {
            f.write_str(&parts.join(": "))
        }
    }
}

/// How many characters of a value from the input a message shows.
const MAX_SHOWN: usize = 80;

/// A value from the input as a message shows it: in backticks, control, invisible and bidi
/// characters escaped as `{:?}` would (`\u{202e}`), and cut after [`MAX_SHOWN`] characters with
/// `…`, so that a 3 MB value or a terminal escape never reaches the reader raw.
pub(crate) fn shown(value: &str) -> String {
    format!("`{}`", shorten(&escape(value), MAX_SHOWN))
}

/// `value` with every character `char::escape_debug` would escape escaped, except quotes and
/// backslashes, which print as they are.
fn escape(value: &str) -> String {
    if value
        .chars()
        .all(|c| c == '\\' || c == '\'' || c == '"' || c.escape_debug().len() == 1)
    {
        return value.to_string();
    }
    value
        .chars()
        .map(|c| match c {
            '\\' | '\'' | '"' => c.to_string(),
            c => c.escape_debug().to_string(),
        })
        .collect()
}

/// At most ten report ids, then how many more.
fn listed(ids: &[ReportId]) -> String {
    let mut out: Vec<String> = ids.iter().take(10).map(|id| shown(id.as_str())).collect();
    if ids.len() > 10 {
        out.push(format!("and {} more", ids.len() - 10));
    }
    out.join(", ")
}

/// The first `max` characters of `value`, with `…` when it was longer.
pub(crate) fn shorten(value: &str, max: usize) -> String {
    match value.char_indices().nth(max) {
        None => value.to_string(),
        Some((cut, _)) => format!("{}…", &value[..cut]),
    }
}

/// The `at` of every variant that has one, by reference or by mutable reference.
macro_rules! located {
    ($error:expr) => {
        match $error {
            Error::Syntax { at, .. }
            | Error::Shape { at, .. }
            | Error::UnknownField { at, .. }
            | Error::UnknownWord { at, .. }
            | Error::BadLegalRef { at, .. }
            | Error::UnknownReference { at, .. }
            | Error::Duplicate { at, .. }
            | Error::Empty { at, .. }
            | Error::OutOfRange { at, .. }
            | Error::UnknownFollowedReport { at, .. }
            | Error::DuplicateReport { at, .. }
            | Error::UnknownSource { at, .. }
            | Error::QuoteNotFound { at, .. }
            | Error::QuoteMisplaced { at, .. }
            | Error::LineBeyondSource { at, .. }
            | Error::FollowUpCycle { at, .. }
            | Error::LeftOut { at, .. } => Some(at),
            Error::Io { .. }
            | Error::NotUtf8 { .. }
            | Error::NotAFile { .. }
            | Error::NoRecords { .. }
            | Error::Export { .. }
            | Error::OutputExists { .. }
            | Error::Write { .. }
            | Error::UnknownReport { .. }
            | Error::Many(_) => None,
        }
    };
}

/// Everything that can go wrong when reading, validating or checking report records.
///
/// Validation collects: a record with several problems yields [`Error::Many`], whose
/// [`Error::iter`] walks every single problem. Match on the variant to tell problems apart, or
/// use [`Error::location`] to find where a problem sits.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    ///
    /// The operating system's words are part of the message, and deliberately not also the
    /// error's `source()`, so that a program printing the chain prints the cause once.
    #[error("{}: {cause} (check that the path exists and is readable)", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// What the operating system said (shared, so that errors can be cloned).
        cause: std::sync::Arc<std::io::Error>,
    },
    /// A directory entry that should hold a record is not a regular file (a FIFO, socket or
    /// device). It is never opened, so that loading cannot hang on it.
    #[error("{}: {what}, not a regular file (replace it with a record file, or move it out of the directory)", path.display())]
    NotAFile {
        /// The entry.
        path: PathBuf,
        /// What it is: `a FIFO`, `a socket`, `a device` ...
        what: &'static str,
    },
    /// A directory holds no record file (`*.json`, in any case) at all.
    #[error("{}: no record files (`*.json`) in this directory (check the path, or add records)", dir.display())]
    NoRecords {
        /// The directory.
        dir: PathBuf,
    },
    /// A file is not valid UTF-8 text.
    #[error("{}: not UTF-8 text at byte {offset} (save the file as UTF-8)", path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The byte offset of the first invalid byte.
        offset: usize,
    },
    /// The input is not well-formed JSON (bad syntax, or it ends too early).
    #[error("{at}: invalid JSON at line {line}, column {column}: {message} (fix the syntax)")]
    Syntax {
        /// Where: file and, when it could be read, the report.
        at: Location,
        /// 1-based line of the JSON input.
        line: usize,
        /// 1-based column of the JSON input.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// A JSON value has the wrong type or shape (a string where a list belongs, a missing field).
    #[error("{at}: {message} (see docs/FORMAT.md for the field's type)")]
    Shape {
        /// Where, with the JSON path.
        at: Location,
        /// serde's description.
        message: String,
    },
    /// A field the format does not know: usually a typo (`sevrity`). Unknown fields are rejected,
    /// never silently dropped.
    #[error("{at}: {message} (fix the field name; docs/FORMAT.md lists the fields)")]
    UnknownField {
        /// Where, with the JSON path of the object.
        at: Location,
        /// serde's description, naming the field and the expected ones.
        message: String,
    },
    /// A word that is not in one of the closed vocabularies of [`crate::taxonomy`].
    #[error("{at}: {message}")]
    UnknownWord {
        /// Where, with the JSON path of the word.
        at: Location,
        /// The message, naming the word and listing the valid ones.
        message: String,
    },
    /// A legal reference that [`crate::LegalRef`] cannot parse.
    #[error("{at}: {message}")]
    BadLegalRef {
        /// Where, with the JSON path of the reference.
        at: Location,
        /// The parser's message.
        message: String,
    },
    /// An item names a service, gap, criterion, question or other item that the report does not
    /// define.
    #[error(
        "{at}: unknown {what} {} (define it under `{section}` or fix the id)",
        shown(id)
    )]
    UnknownReference {
        /// Where the reference stands.
        at: Location,
        /// What kind of item is named: `service`, `gap`, `criterion` ...
        what: &'static str,
        /// The JSON section where such items are defined: `services`, `gaps` ...
        section: &'static str,
        /// The id that was not found.
        id: String,
    },
    /// Two items of a report share an id, or two services share a name.
    #[error(
        "{at}: duplicate {what} {}, first used at {first} (give each item its own)",
        shown(value)
    )]
    Duplicate {
        /// Where the second use stands.
        at: Location,
        /// `id`, `service name`, `recommendation number` ...
        what: &'static str,
        /// The repeated value.
        value: String,
        /// The JSON path of the first use.
        first: String,
    },
    /// A field that must say something is empty (an id, a name, a quote, a list of evidence).
    #[error("{at}: {what} is empty (fill it in)")]
    Empty {
        /// Where.
        at: Location,
        /// What is empty: `quote`, `evidence`, `id` ...
        what: &'static str,
    },
    /// A field has a value outside its allowed range (line 0, a year of 20, a range whose
    /// maximum is below its value, an id with spaces).
    #[error("{at}: {message}")]
    OutOfRange {
        /// Where.
        at: Location,
        /// What is wrong and what is allowed.
        message: String,
    },
    /// `follows_up` or a follow-up item names a report that is not in the corpus.
    #[error("{at}: names report {}, which is not in the corpus (load it too, or fix the id)", shown(id.as_str()))]
    UnknownFollowedReport {
        /// Where.
        at: Location,
        /// The missing report id.
        id: ReportId,
    },
    /// A chain of `follows_up` returns to where it started.
    #[error("{at}: follow-up cycle: {} (a report cannot follow up itself, directly or through others)", cycle.iter().map(|id| shown(id.as_str())).collect::<Vec<_>>().join(" -> "))]
    FollowUpCycle {
        /// The `follows_up` of the cycle's first report (by id), with its file when known.
        at: Location,
        /// The report ids of the cycle, the first repeated at the end.
        cycle: Vec<ReportId>,
    },
    /// Two records in one corpus share a report id.
    #[error("{at}: duplicate report id {}, also in {other} (give each report its own id)", shown(id.as_str()))]
    DuplicateReport {
        /// Where the second record stands.
        at: Location,
        /// The repeated id.
        id: ReportId,
        /// The file or description of the first record.
        other: String,
    },
    /// A report id that is not in the corpus.
    #[error("no report {} in the corpus; the reports are: {}", shown(id), known.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", "))]
    UnknownReport {
        /// The id asked for.
        id: String,
        /// The ids the corpus holds, in order.
        known: Vec<ReportId>,
    },
    /// A piece of evidence names a source document that is not available.
    #[error(
        "{at}: unknown source document {} (use the file name of a bundled source or of a text in your sources folder: `samhandling check --sources DIR`, or `Sources::with_dir` in code)",
        shown(source_name)
    )]
    UnknownSource {
        /// Where the evidence stands.
        at: Location,
        /// The source name as written.
        source_name: String,
    },
    /// A quote does not occur in its source document at all.
    #[error(
        "{at}: quote not found in {} near line {line}: {} (copy the text verbatim from the source)",
        shown(source_name),
        shown(quote)
    )]
    QuoteNotFound {
        /// Where the evidence stands.
        at: Location,
        /// The source document.
        source_name: String,
        /// The stated line.
        line: usize,
        /// The quote, shortened for display.
        quote: String,
    },
    /// A quote occurs in its source, but not within [`crate::evidence::LINE_TOLERANCE`] lines of the
    /// stated line.
    #[error("{at}: quote found in {} at line {}, not at line {line} (correct the line)", shown(source_name), found.iter().map(|l| l.to_string()).collect::<Vec<_>>().join(", "))]
    QuoteMisplaced {
        /// Where the evidence stands.
        at: Location,
        /// The source document.
        source_name: String,
        /// The stated line.
        line: usize,
        /// The lines where the quote does begin.
        found: Vec<usize>,
    },
    /// A piece of evidence names a line beyond the end of its source document.
    #[error(
        "{at}: line {line} is beyond the end of {} ({lines} lines; use the number `grep -n` shows)",
        shown(source_name)
    )]
    LineBeyondSource {
        /// Where the evidence stands.
        at: Location,
        /// The source document.
        source_name: String,
        /// The stated line.
        line: usize,
        /// How many lines the document has.
        lines: usize,
    },
    /// Reports left out of a leniently loaded corpus because they follow up, directly or through
    /// others, a report that could not be loaded: named once, under the record that broke.
    #[error("{at}: {} report(s) that follow up this one were left out with it: {} (fix this record first)", reports.len(), listed(reports))]
    LeftOut {
        /// The record that broke (its file, and its report id when it could be read).
        at: Location,
        /// The reports left out because of it, by id.
        reports: Vec<ReportId>,
    },
    /// An export could not be written.
    #[error("could not write the {what} export: {message} (check the output path and free space)")]
    Export {
        /// What was being written: `matrix`, `gaps`, `graphml` ...
        what: &'static str,
        /// What the writer said.
        message: String,
    },
    /// An output file or directory exists already, and the program was not told to replace it.
    #[error("{}: already exists (pass --force to replace it, or choose another path)", path.display())]
    OutputExists {
        /// The output path.
        path: PathBuf,
    },
    /// An output could not be written: a file, a directory, or standard output.
    #[error(
        "cannot write {target}: {cause} (check that its folder exists and is writable, and that there is free space)"
    )]
    Write {
        /// What was being written: a path, or `standard output`.
        target: String,
        /// What the operating system said (in the message, not as `source()`, so that it is
        /// printed once).
        cause: std::sync::Arc<std::io::Error>,
    },
    /// Several problems, each with its own location. [`Error::iter`] walks them.
    #[error("{} problems:\n{}", .0.len(), .0.iter().map(|e| format!("  - {e}")).collect::<Vec<_>>().join("\n"))]
    Many(Vec<Error>),
}

impl Error {
    /// Every single problem: the problems of [`Error::Many`] (flattened), or the error itself.
    pub fn iter(&self) -> Box<dyn Iterator<Item = &Error> + '_> {
        match self {
            Error::Many(errors) => Box::new(errors.iter().flat_map(Error::iter)),
            other => Box::new(std::iter::once(other)),
        }
    }

    /// The location of the problem, when it concerns one place in one record.
    pub fn location(&self) -> Option<&Location> {
        located!(self)
    }

    /// True for problems of the evidence check: an unknown source, or a quote not found or not
    /// at its stated line.
    pub fn is_evidence(&self) -> bool {
        matches!(
            self,
            Error::UnknownSource { .. }
                | Error::QuoteNotFound { .. }
                | Error::QuoteMisplaced { .. }
                | Error::LineBeyondSource { .. }
        )
    }

    /// True when the input could not be read as JSON of the report format at all (syntax, shape,
    /// unknown field or word, bad legal reference, not UTF-8), as opposed to a well-formed record
    /// that fails validation.
    pub fn is_parse(&self) -> bool {
        matches!(
            self,
            Error::Syntax { .. }
                | Error::Shape { .. }
                | Error::UnknownField { .. }
                | Error::UnknownWord { .. }
                | Error::BadLegalRef { .. }
                | Error::NotUtf8 { .. }
        )
    }

    /// Attaches `file` to every location inside this error that has none: for a program that
    /// read a record from `file` and checks it itself.
    pub fn in_file(mut self, file: &std::path::Path) -> Error {
        self.set_file(file);
        self
    }

    fn set_file(&mut self, file: &std::path::Path) {
        if let Error::Many(errors) = self {
            errors.iter_mut().for_each(|e| e.set_file(file));
        } else if let Some(at) = self.location_mut()
            && at.file.is_none()
        {
            at.file = Some(file.to_path_buf());
        }
    }

    fn location_mut(&mut self) -> Option<&mut Location> {
        located!(self)
    }

    /// A map from an `io::Error` to [`Error::Io`] naming `path`.
    pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + use<> {
        let path = path.to_path_buf();
        move |cause| Error::Io {
            path,
            cause: std::sync::Arc::new(cause),
        }
    }

    /// One error from a list: `Ok` when empty, the error itself when single, else [`Error::Many`].
    pub(crate) fn from_list(mut errors: Vec<Error>) -> Result<()> {
        match errors.len() {
            0 => Ok(()),
            1 => Err(errors.remove(0)),
            _ => Err(Error::Many(errors)),
        }
    }
}
