//! Evidence verification: every quote must occur in its source document, starting within
//! [`LINE_TOLERANCE`] lines of the line it states.
//!
//! The sources are pdftotext extractions, so a quote may differ from the text in white space
//! (runs of spaces, line breaks, blank lines between lines) and in line-end hyphenation
//! ("samhand-" / "ling"). Both the document and the quote are normalised the same way before
//! matching: white-space runs become one space, soft hyphens go, and a hyphen between a letter
//! and a white-space run followed by a lowercase word is removed with the white space, unless
//! that word is a conjunction (`og`, `eller`, `samt`: "helse- og omsorg" keeps its hyphen). So
//! "samhandling", "samhand- ling" and a line-broken "samhand-" "ling" all match, and so do
//! "helse- og" and "helse-" "og". A quote may also end at a word broken over a line, hyphen
//! included ("... mellom samhand-"). Everything else must be verbatim, case included. A line
//! beyond the end of the source is an error of its own ([`Error::LineBeyondSource`]).
//!
//! # Example
//! ```
//! use samhandling::evidence::{check_report, Sources};
//! use samhandling::Report;
//!
//! let sources = Sources::bundled();
//! let report = Report::from_json_str(include_str!("../docs/example-report.json"))?;
//! assert!(check_report(&report, &sources).is_empty());
//! # Ok::<(), samhandling::Error>(())
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use crate::Corpus;
use crate::error::{Error, Location, Result};
use crate::model::{Evidence, Report};

/// How many lines a quote's first line may lie from the stated line.
pub const LINE_TOLERANCE: usize = 3;

/// The source documents the bundled records cite, embedded at compile time: file name and text.
const BUNDLED: &[(&str, &str)] = &[
    (
        "000_b1b178c2101948b1.txt",
        include_str!("../data/sources/000_b1b178c2101948b1.txt"),
    ),
    (
        "001_63ae963b3afabc75.txt",
        include_str!("../data/sources/001_63ae963b3afabc75.txt"),
    ),
    (
        "002_e39181351e13a34f.txt",
        include_str!("../data/sources/002_e39181351e13a34f.txt"),
    ),
    (
        "003_252dfb343a51aa48.txt",
        include_str!("../data/sources/003_252dfb343a51aa48.txt"),
    ),
    (
        "004_a57f6f7e83a1f297.txt",
        include_str!("../data/sources/004_a57f6f7e83a1f297.txt"),
    ),
];

/// A set of source documents by file name, prepared for quote look-ups.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    docs: BTreeMap<String, Document>,
}

/// One source document, normalised, with the line where each byte of the normalised text began.
#[derive(Debug, Clone)]
struct Document {
    text: String,
    normalised: String,
    /// `line_of[i]`: the 1-based source line of byte `i` of `normalised`.
    line_of: Vec<u32>,
    /// `line_start[l]`: the first byte of `normalised` that came from line `l` or later.
    line_start: Vec<usize>,
    /// The number of lines of `text`.
    lines: usize,
}

impl Sources {
    /// The five source documents of the bundled corpus (the files of `data/sources/`).
    pub fn bundled() -> Sources {
        let mut sources = Sources::default();
        for (name, text) in BUNDLED {
            sources.insert(name, text);
        }
        sources
    }

    /// Every `*.txt` file directly in `dir` (any case), by file name. Subdirectories and other
    /// files are not read; a FIFO, socket or device named `*.txt` is an error and is never
    /// opened, so that loading cannot hang.
    ///
    /// # Errors
    /// [`Error::Io`] when the directory or a file cannot be read (a dangling link included),
    /// [`Error::NotAFile`] for a `*.txt` entry that is not a file, [`Error::NotUtf8`] for a file
    /// that is not UTF-8.
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<Sources> {
        let dir = dir.as_ref();
        let listing = crate::load::list_files(dir, "txt")?;
        Error::from_list(listing.errors)?;
        let mut sources = Sources::default();
        for path in listing.files {
            let bytes = std::fs::read(&path).map_err(Error::io(&path))?;
            let text = String::from_utf8(bytes).map_err(|e| Error::NotUtf8 {
                path: path.clone(),
                offset: e.utf8_error().valid_up_to(),
            })?;
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            sources.insert(&name, &text);
        }
        Ok(sources)
    }

    /// The bundled documents and every `*.txt` file directly in `dir` (your own source texts),
    /// by file name; a file of yours with the name of a bundled document replaces it.
    ///
    /// This is how records of reports the crate does not ship are checked: put the text of each
    /// source document (for example `pdftotext -layout report.pdf`) in one folder, and cite it
    /// in `evidence[].source` by its file name.
    ///
    /// # Example
    /// ```
    /// use samhandling::evidence::{check_report, Sources};
    /// use samhandling::Report;
    ///
    /// // Your own text (here a copy of a bundled one under a name of yours) in a folder.
    /// let dir = std::env::temp_dir().join(format!("samhandling-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let text = Sources::bundled().text("000_b1b178c2101948b1.txt").unwrap().to_string();
    /// std::fs::write(dir.join("nes-oppfolging.txt"), text)?;
    ///
    /// let sources = Sources::with_dir(&dir)?;
    /// let json = include_str!("../docs/example-report.json")
    ///     .replace("000_b1b178c2101948b1.txt", "nes-oppfolging.txt");
    /// let report = Report::from_json_str(&json)?;
    /// assert!(check_report(&report, &sources).is_empty());
    /// assert!(!check_report(&report, &Sources::bundled()).is_empty());
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Sources::load_dir`].
    pub fn with_dir(dir: impl AsRef<Path>) -> Result<Sources> {
        let mut sources = Sources::bundled();
        sources.docs.append(&mut Sources::load_dir(dir)?.docs);
        Ok(sources)
    }

    /// The `sources/` folder beside records at `records` (a record file or a folder of
    /// records), if there is one: first `sources/` inside a records folder (beside its files),
    /// then `sources/` next to the record file or the records folder (the layout of
    /// `data/reports/` and `data/sources/`).
    pub fn dir_beside(records: impl AsRef<Path>) -> Option<std::path::PathBuf> {
        let records = records.as_ref();
        let inside = records.is_dir().then(|| records.join("sources"));
        let next_to = records
            .parent()
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .map(|p| p.join("sources"));
        inside.into_iter().chain(next_to).find(|d| d.is_dir())
    }

    /// Adds (or replaces) a document under `name`.
    pub fn insert(&mut self, name: &str, text: &str) {
        self.docs.insert(name.to_string(), Document::new(text));
    }

    /// The document names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.docs.keys().map(String::as_str)
    }

    /// The text of document `name`, as given.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.docs.get(name).map(|d| d.text.as_str())
    }

    /// Line `line` (1-based) of document `name`, as given.
    pub fn line(&self, name: &str, line: usize) -> Option<&str> {
        self.text(name)?.lines().nth(line.checked_sub(1)?)
    }

    /// Checks one piece of evidence; `at` says where it stands, for the error.
    ///
    /// # Errors
    /// [`Error::UnknownSource`], [`Error::QuoteNotFound`] or [`Error::QuoteMisplaced`].
    pub fn check(&self, evidence: &Evidence, at: Location) -> Result<()> {
        let Some(doc) = self.docs.get(&evidence.source) else {
            return Err(Error::UnknownSource {
                at,
                source_name: evidence.source.clone(),
            });
        };
        if evidence.line > doc.lines {
            return Err(Error::LineBeyondSource {
                at,
                source_name: evidence.source.clone(),
                line: evidence.line,
                lines: doc.lines,
            });
        }
        let quote = normalise(&evidence.quote).0;
        if quote.is_empty() {
            // An empty quote is a validation error, reported there.
            return Ok(());
        }
        if doc.occurs_near(&quote, evidence.line) {
            return Ok(());
        }
        // A quote that ends where the source breaks a word over a line ("samhand-" of
        // "samhand-" / "ling") is verbatim, but the normalised source joined the word: match it
        // without its final hyphen.
        let unhyphenated = line_end_hyphen_removed(&quote);
        if let Some(q) = unhyphenated
            && doc.occurs_near(q, evidence.line)
        {
            return Ok(());
        }
        let quote = unhyphenated.unwrap_or(&quote);
        let mut found: Vec<usize> = doc
            .normalised
            .match_indices(&quote)
            .map(|(i, _)| doc.line_of[i] as usize)
            .collect();
        found.dedup();
        if found.is_empty() {
            Err(Error::QuoteNotFound {
                at,
                source_name: evidence.source.clone(),
                line: evidence.line,
                quote: shorten(&evidence.quote),
            })
        } else {
            found.truncate(5);
            Err(Error::QuoteMisplaced {
                at,
                source_name: evidence.source.clone(),
                line: evidence.line,
                found,
            })
        }
    }
}

/// Every evidence problem of `report` against `sources`, in document order; empty when every
/// quote is where it says.
pub fn check_report(report: &Report, sources: &Sources) -> Vec<Error> {
    report
        .evidence()
        .into_iter()
        .filter_map(|(path, ev)| sources.check(ev, Location::new(&report.id, path)).err())
        .collect()
}

/// Like [`check_report`] for a report read from `file`: every problem also names the file.
pub fn check_file(report: &Report, sources: &Sources, file: &Path) -> Vec<Error> {
    check_report(report, sources)
        .into_iter()
        .map(|e| e.in_file(file))
        .collect()
}

/// Every evidence problem of every report of `corpus`, ordered by report id.
pub fn check_corpus(corpus: &Corpus, sources: &Sources) -> Vec<Error> {
    corpus
        .iter()
        .flat_map(|r| check_report(r, sources))
        .collect()
}

impl Document {
    fn new(text: &str) -> Document {
        let (normalised, line_of) = normalise(text);
        let n_lines = text.lines().count() + 2;
        let mut line_start = vec![normalised.len(); n_lines + 1];
        for (i, &line) in line_of.iter().enumerate().rev() {
            if normalised.is_char_boundary(i) {
                line_start[line as usize] = i;
            }
        }
        // A line with no text of its own starts where the next line with text starts.
        for l in (0..n_lines).rev() {
            line_start[l] = line_start[l].min(line_start[l + 1]);
        }
        Document {
            lines: text.lines().count(),
            text: text.to_string(),
            normalised,
            line_of,
            line_start,
        }
    }

    /// True when `quote` (normalised) begins within [`LINE_TOLERANCE`] lines of `line`.
    fn occurs_near(&self, quote: &str, line: usize) -> bool {
        // Saturating: a line near `usize::MAX` must not overflow (issue 17, "a panic in the
        // evidence check").
        let lo = line.saturating_sub(LINE_TOLERANCE).max(1);
        let hi = line.saturating_add(LINE_TOLERANCE);
        let start = self.line_start(lo);
        let end = self.line_start(hi.saturating_add(1));
        let window_end = floor_char_boundary(&self.normalised, end.saturating_add(quote.len()));
        self.normalised[start..window_end]
            .match_indices(quote)
            .any(|(i, _)| start + i < end)
    }

    fn line_start(&self, line: usize) -> usize {
        self.line_start
            .get(line)
            .copied()
            .unwrap_or(self.normalised.len())
    }
}

/// Normalises white space and line-end hyphenation (see the module docs); returns the text and
/// the 1-based line of each of its bytes.
fn normalise(text: &str) -> (String, Vec<u32>) {
    let mut out = String::with_capacity(text.len());
    let mut line_of: Vec<u32> = Vec::with_capacity(text.len());
    let mut line: u32 = 1;
    let mut pending_space = false;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            line += 1;
        }
        if c == '\u{ad}' {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            if joins_hyphen(&out, &text[i..]) {
                out.pop();
                line_of.pop();
            } else {
                out.push(' ');
                line_of.push(line);
            }
            pending_space = false;
        }
        out.push(c);
        line_of.extend(std::iter::repeat_n(line, c.len_utf8()));
    }
    (out, line_of)
}

/// `quote` without its final hyphen, when that hyphen follows a letter (`samhand-`): the form
/// [`normalise`] gives a word broken over a line.
fn line_end_hyphen_removed(quote: &str) -> Option<&str> {
    let stem = quote.strip_suffix('-')?;
    stem.chars()
        .next_back()
        .is_some_and(char::is_alphabetic)
        .then_some(stem)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn shorten(quote: &str) -> String {
    const MAX: usize = 120;
    if quote.chars().count() <= MAX {
        quote.to_string()
    } else {
        format!("{}…", quote.chars().take(MAX).collect::<String>())
    }
}

/// True when a line-end hyphen at the end of `out` joins a word broken over lines: the hyphen
/// follows a letter and the next line starts with a lower-case word (`rest` is the text from
/// it: "samhand-" + "ling"), not a conjunction ("helse- og omsorgstjenester", "rus- eller
/// psykiske lidelser" keep their hyphen, whether or not a line ends between the two). The one
/// rule of de-hyphenation, shared by the evidence check and the drafter, so that a quote the
/// drafter cuts is always one the check finds.
pub(crate) fn joins_hyphen(out: &str, rest: &str) -> bool {
    const CONJUNCTIONS: [&str; 3] = ["og", "eller", "samt"];
    let next_word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    out.ends_with('-')
        && out[..out.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        && rest.chars().next().is_some_and(char::is_lowercase)
        && !CONJUNCTIONS.contains(&next_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalise_joins_hyphenated_line_ends_and_white_space() {
        assert_eq!(
            normalise("samhand-\n\nling  med\tNAV").0,
            "samhandling med NAV"
        );
        assert_eq!(normalise("helse- og omsorg").0, "helse- og omsorg");
        assert_eq!(normalise("rus-\neller psykiske").0, "rus- eller psykiske");
        assert_eq!(normalise("rus-\nomsorg").0, "rusomsorg");
        assert_eq!(normalise("NAV - DPS").0, "NAV - DPS");
    }

    #[test]
    fn line_numbers_follow_the_source() {
        let doc = Document::new("a\n\nbb\ncc dd\n");
        let pos = doc.normalised.find("dd").unwrap();
        assert_eq!(doc.line_of[pos], 4);
        assert_eq!(doc.line_start(2), doc.line_start(3));
    }
}
