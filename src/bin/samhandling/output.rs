//! Writing outputs so that a failed run leaves nothing broken behind: a file or folder is
//! written beside its target under a temporary name and renamed into place only when complete;
//! an existing target is replaced only with `--force`; standard output is written in one piece,
//! and a failure says it was standard output.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use samhandling::{Error, Result};

/// Prints every problem of `e` on standard error, one per line.
pub(crate) fn report_error(e: &Error) {
    let problems: Vec<&Error> = e.iter().collect();
    let mut err = std::io::stderr().lock();
    for p in &problems {
        let _ = writeln!(err, "error: {p}");
    }
    if problems.len() > 1 {
        let _ = writeln!(err, "{} problems", problems.len());
    }
}

fn write_error(target: impl Into<String>) -> impl FnOnce(std::io::Error) -> Error {
    let target = target.into();
    move |cause| Error::Write {
        target,
        cause: Arc::new(cause),
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Refuses an existing `path` unless `force`.
pub(crate) fn check_free(path: &Path, force: bool) -> Result<()> {
    if !force && fs::symlink_metadata(path).is_ok() {
        return Err(Error::OutputExists {
            path: path.to_path_buf(),
        });
    }
    Ok(())
}

/// Writes the file `path` with `write`: into a temporary file beside it, renamed onto `path`
/// when `write` succeeded. An existing `path` is replaced only when `force`.
pub(crate) fn file(
    path: &Path,
    force: bool,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    check_free(path, force)?;
    let shown = path.display().to_string();
    let tmp = tempfile::Builder::new()
        .prefix(".samhandling-")
        .tempfile_in(folder_of(path))
        .map_err(write_error(shown.clone()))?;
    let mut out = BufWriter::new(tmp);
    write(&mut out).map_err(|e| name_target(e, &shown))?;
    let tmp = out
        .into_inner()
        .map_err(|e| write_error(shown.clone())(e.into_error()))?;
    if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(write_error(shown)(std::io::Error::other(
            "it is a folder, not a file",
        )));
    }
    tmp.persist(path).map_err(|e| write_error(shown)(e.error))?;
    Ok(())
}

/// Writes the folder `dir` with `write`, which is given a fresh temporary folder beside `dir`
/// to fill; when it succeeded, the folder is renamed to `dir`. An existing `dir` is replaced
/// (as a whole) only when `force`.
pub(crate) fn folder(
    dir: &Path,
    force: bool,
    write: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    check_free(dir, force)?;
    let shown = dir.display().to_string();
    let parent = folder_of(dir);
    let tmp = tempfile::Builder::new()
        .prefix(".samhandling-")
        .tempdir_in(parent)
        .map_err(write_error(shown.clone()))?;
    write(tmp.path())?;
    // Move an old output aside first: a folder cannot be renamed onto a non-empty one.
    let old = match fs::symlink_metadata(dir) {
        Ok(meta) => {
            let aside = tempfile::Builder::new()
                .prefix(".samhandling-old-")
                .tempdir_in(parent)
                .map_err(write_error(shown.clone()))?;
            let target = aside.path().join("old");
            fs::rename(dir, &target).map_err(write_error(shown.clone()))?;
            Some((aside, meta.is_dir()))
        }
        Err(_) => None,
    };
    let fresh: PathBuf = tmp.keep();
    if let Err(e) = fs::rename(&fresh, dir) {
        // Put the old output back, and leave no temporary folder behind.
        if let Some((aside, _)) = &old {
            let _ = fs::rename(aside.path().join("old"), dir);
        }
        let _ = fs::remove_dir_all(&fresh);
        return Err(write_error(shown)(e));
    }
    drop(old); // removes the old output with its temporary folder
    Ok(())
}

/// A writer error names the file: an export error says what was written, not where.
fn name_target(e: Error, target: &str) -> Error {
    match e {
        Error::Export { what, message } => Error::Export {
            what,
            message: format!("{target}: {message}"),
        },
        other => other,
    }
}

/// Writes `text` to standard output in one piece. A closed pipe (`| head`) ends quietly; any
/// other failure is an error that says it was standard output.
pub(crate) fn stdout(text: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(write_error("standard output")(e)),
    }
}

/// Builds a text with `write` and prints it with [`stdout`].
pub(crate) fn print(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> Result<()> {
    let mut text = Vec::new();
    write(&mut text).map_err(write_error("standard output"))?;
    stdout(&text)
}

/// Writes several files as one: each into a temporary file beside it; only when all are
/// written are they renamed into place. Any existing target is refused unless `force`, before
/// anything is written; should a rename fail, the files already renamed are removed again
/// (when they did not exist before).
pub(crate) fn files(outputs: &[(PathBuf, Vec<u8>)], force: bool) -> Result<()> {
    for (path, _) in outputs {
        check_free(path, force)?;
        if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            return Err(write_error(path.display().to_string())(
                std::io::Error::other("it is a folder, not a file"),
            ));
        }
    }
    let mut staged = Vec::new();
    for (path, bytes) in outputs {
        let shown = path.display().to_string();
        let mut tmp = tempfile::Builder::new()
            .prefix(".samhandling-")
            .tempfile_in(folder_of(path))
            .map_err(write_error(shown.clone()))?;
        tmp.write_all(bytes)
            .and_then(|()| tmp.flush())
            .map_err(write_error(shown))?;
        staged.push((path, tmp, fs::symlink_metadata(path).is_ok()));
    }
    let mut done: Vec<(&PathBuf, bool)> = Vec::new();
    for (path, tmp, existed) in staged {
        if let Err(e) = tmp.persist(path) {
            for (p, existed) in done {
                if !existed {
                    let _ = fs::remove_file(p);
                }
            }
            return Err(write_error(path.display().to_string())(e.error));
        }
        done.push((path, existed));
    }
    Ok(())
}
