//! Writing one output file: whether the output holds it already, and
//! writing it, folders made as needed, with the error a writer can act on.

use std::fs;
use std::io;
use std::path::Path;

use super::{Contents, OutputFile, io_error, same_contents};
use crate::diagnostics::Diagnostic;

/// Writes what `file` holds at `at`: its bytes, or a copy of its source.
pub(super) fn write_contents(file: &OutputFile, at: &Path) -> io::Result<()> {
    match &file.contents {
        Contents::Bytes(bytes) => fs::write(at, bytes),
        Contents::Copy(source) => fs::copy(source, at).map(|_| ()),
        Contents::Picture(picture) => {
            let made = picture.path().map_err(picture_error)?;
            fs::copy(made, at).map(|_| ())
        }
    }
}

/// A picture that cannot be made, as an I/O error of writing it.
fn picture_error(error: crate::images::ImageError) -> io::Error {
    io::Error::other(format!("{error:?}"))
}

/// Runs `write`, which writes a file at `target`; when it finds the file's
/// folder missing, makes the folder and runs it again.
pub(super) fn making_folder(target: &Path, write: impl Fn() -> io::Result<()>) -> io::Result<()> {
    match write() {
        // Another thread may be making the same folder: `create_dir_all` allows that.
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(target.parent().expect("a file in a folder"))?;
            write()
        }
        other => other,
    }
}

/// The error of writing `file` at `target`: a copy's names its source.
pub(super) fn write_error(file: &OutputFile, target: &Path, err: &io::Error) -> Diagnostic {
    match &file.contents {
        Contents::Copy(source) => io_error(source, err),
        Contents::Picture(picture) => io_error(&picture.source, err),
        Contents::Bytes(_) => io_error(target, err),
    }
}

/// True when the file at `old` holds what `file` would write.
pub(super) fn holds(old: &Path, file: &OutputFile) -> bool {
    let Some(old_size) = fs::symlink_metadata(old)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len())
    else {
        return false;
    };
    match &file.contents {
        // A page is small: read whole.
        Contents::Bytes(bytes) => {
            old_size == bytes.len() as u64 && fs::read(old).is_ok_and(|b| b == *bytes)
        }
        Contents::Copy(source) => {
            fs::metadata(source).is_ok_and(|m| m.len() == old_size) && same_contents(old, source)
        }
        Contents::Picture(picture) => picture.path().is_ok_and(|made| {
            fs::metadata(&made).is_ok_and(|m| m.len() == old_size) && same_contents(old, &made)
        }),
    }
}
