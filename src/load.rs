//! Reading report records from JSON text, bytes and files. With [`crate::export`], the only
//! place that touches the filesystem.
//!
//! Parsing is [`crate::shape`]'s: every shape problem of a record in one run, each naming its
//! JSON path (`gaps[3].severity`). Every record is validated ([`Report::validate`]) before it is
//! handed out. Directory entries are looked at before they are opened ([`list_records`]).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Report;

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
    /// // Every shape problem in one run: a wrong type, and each missing field.
    /// let err = Report::from_json_str(r#"{"id": "x-2020", "title": 7}"#).unwrap_err();
    /// assert!(err.iter().any(|e| matches!(e, Error::Shape { at, .. } if at.path == "title")));
    /// assert!(err.iter().any(|e| e.to_string().contains("missing field `genre`")));
    /// assert!(err.to_string().contains("report `x-2020`: title: expected a string"));
    /// ```
    pub fn from_json_str(json: &str) -> Result<Report> {
        let report = crate::shape::parse(json)?;
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
        // Look before opening: reading a FIFO would wait forever for a writer.
        let kind = std::fs::metadata(path)
            .map_err(Error::io(path))?
            .file_type();
        if kind.is_dir() {
            return Err(Error::NotAFile {
                path: path.to_path_buf(),
                what: "a directory",
            });
        }
        if !kind.is_file() {
            return Err(Error::NotAFile {
                path: path.to_path_buf(),
                what: describe_file_type(kind),
            });
        }
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

/// The entries of a directory: the files of the wanted kind, what is not such a file, and the
/// entries named like one that cannot be read as a file.
pub(crate) struct Listing {
    /// Regular files (or links to them) named `*.json` in any case, sorted.
    pub(crate) files: Vec<PathBuf>,
    /// Subdirectories and files not named `*.json`, sorted.
    pub(crate) skipped: Vec<PathBuf>,
    /// FIFOs, sockets and devices named `*.json`, dangling links and link loops.
    pub(crate) errors: Vec<Error>,
}

/// Lists the record files of `dir` (`*.json`, any case): [`list_files`].
pub(crate) fn list_records(dir: &Path) -> Result<Listing> {
    list_files(dir, "json")
}

/// Lists the files of `dir` named `*.{extension}` (any case) without opening any entry: the type
/// of each is looked at first, so that a FIFO can never make loading hang.
pub(crate) fn list_files(dir: &Path, extension: &str) -> Result<Listing> {
    let mut listing = Listing {
        files: Vec::new(),
        skipped: Vec::new(),
        errors: Vec::new(),
    };
    for entry in std::fs::read_dir(dir).map_err(Error::io(dir))? {
        let entry = entry.map_err(Error::io(dir))?;
        let path = entry.path();
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(extension));
        let mut kind = entry.file_type().map_err(Error::io(&path))?;
        if kind.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(target) => kind = target.file_type(),
                Err(e) if is_json => {
                    listing.errors.push(Error::io(&path)(e));
                    continue;
                }
                Err(_) => {
                    listing.skipped.push(path);
                    continue;
                }
            }
        }
        if kind.is_dir() || !is_json {
            listing.skipped.push(path);
        } else if kind.is_file() {
            listing.files.push(path);
        } else {
            listing.errors.push(Error::NotAFile {
                what: describe_file_type(kind),
                path,
            });
        }
    }
    listing.files.sort();
    listing.skipped.sort();
    Ok(listing)
}

/// What a file that is neither a regular file nor a directory is.
fn describe_file_type(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    let _ = kind;
    "a special file"
}
