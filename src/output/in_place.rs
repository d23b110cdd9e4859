//! Updating an output in place: the files that changed are replaced one by
//! one, the ones no longer made are removed, the rest are not touched.
//!
//! Used by a build that knows what changed since the build that made the
//! output (`pipeline::kept`), after everything it writes is made and no
//! error was found, so a failed build still leaves the output as it was.
//! Only a few files are replaced this way (`MOST`), each in one rename, so
//! the moment in which a build killed midway would leave some files new and
//! some old is a few milliseconds; more go through a fresh folder swapped in
//! whole, as a full build does. While files are replaced the marker names no
//! build, so a build cut off midway is followed by a full one.

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::file::{holds, making_folder, write_contents, write_error};
use super::{BuildStamp, OutputFile, io_error, write_marker};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// How many files at most an update replaces or removes in place, for an
/// output of `files` files; an update that changes more makes a fresh folder.
fn most(files: usize) -> usize {
    (files / 100).max(100)
}

/// What `update` did.
pub enum Updated {
    /// The output was updated; this many files were written.
    Written(usize),
    /// More files changed than are replaced in place: nothing was touched.
    TooMany,
}

/// Puts `files` into `output` where it does not hold them already, removes
/// the files at `gone` (paths checked by the caller to lie inside), and
/// stamps the marker with `stamp` and build `build`; `total` is how many
/// files the output holds after. Returns how many files were written.
pub fn update(
    output: &Path,
    (files, total): (&[OutputFile], usize),
    gone: &[String],
    (stamp, build): (Option<&BuildStamp>, &str),
) -> Result<Updated, Diagnostics> {
    let changed: Vec<&OutputFile> = files
        .par_iter()
        .filter(|file| !holds(&output.join(&file.path), file))
        .collect();
    if changed.len() + gone.len() > most(total) {
        return Ok(Updated::TooMany);
    }
    write_marker(output, None, None).map_err(|err| io_error(output, &err))?;
    for path in gone {
        remove(output, path);
    }
    let written = AtomicUsize::new(0);
    let errors: Vec<Diagnostic> = changed
        .par_iter()
        .filter_map(|file| {
            let done = replace(&output.join(&file.path), file);
            done.map(|()| written.fetch_add(1, Ordering::Relaxed)).err()
        })
        .collect();
    if !errors.is_empty() {
        return Err(Diagnostics::from(errors));
    }
    write_marker(output, stamp, Some(build)).map_err(|err| io_error(output, &err))?;
    Ok(Updated::Written(written.into_inner()))
}

/// Writes `file` at `target` through a file beside it, renamed over it.
fn replace(target: &Path, file: &OutputFile) -> Result<(), Diagnostic> {
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let fresh = target.with_file_name(format!(".{name}.arkiv-new-{}", std::process::id()));
    let written = making_folder(target, || write_contents(file, &fresh));
    written
        .and_then(|()| fs::rename(&fresh, target))
        .map_err(|err| {
            let _ = fs::remove_file(&fresh);
            write_error(file, target, &err)
        })
}

/// Removes the file at `path` in `output` and the folders it leaves empty.
fn remove(output: &Path, path: &str) {
    let target = output.join(path);
    let is_file = fs::symlink_metadata(&target).is_ok_and(|m| !m.is_dir());
    if !is_file || fs::remove_file(&target).is_err() {
        return;
    }
    let mut folder = target.parent();
    while let Some(dir) = folder.filter(|dir| *dir != output) {
        // Fails, as it should, while the folder holds anything.
        if fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
}
