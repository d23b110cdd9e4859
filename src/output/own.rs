//! Files arkiv keeps for itself in the site's cache folder (`.arkiv-cache/`):
//! the site root may be someone else's, so they are neither read nor written
//! through a symbolic link, and each is written beside and renamed into place.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use crate::fs::SiteRoot;

/// The bytes of `path`, read through the site's check that it lies inside,
/// unless it or its folder is a symbolic link (which a build would not have
/// written), or is missing.
pub fn read_own(site: &SiteRoot, path: &Path) -> Option<Vec<u8>> {
    let dir = path.parent()?;
    let is_real =
        |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| !m.file_type().is_symlink());
    if !is_real(dir) || !is_real(path) {
        return None;
    }
    // As large as it is: arkiv wrote it, at a size the site's pages decide.
    site.read_optional(path, u64::MAX / 2).ok().flatten()
}

/// Writes the file `name` in the cache folder `dir` with `write`, through a
/// file beside it renamed into place; the folder is made if missing, and
/// refused if it is a symbolic link or not a folder.
pub fn write_new(
    dir: &Path,
    name: &str,
    write: impl FnOnce(&mut BufWriter<File>) -> io::Result<()>,
) -> io::Result<()> {
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => return Err(io::ErrorKind::AlreadyExists.into()),
        Err(_) => {
            std::fs::create_dir(dir)?;
            // Whatever is kept here is made again by a build: git need not see it.
            std::fs::write(dir.join(".gitignore"), "*\n")?;
        }
    }
    remove_unfinished(dir, name);
    let fresh = dir.join(format!("{name}.new-{}", std::process::id()));
    // Made new, so that a link left at that name is not followed.
    let _ = std::fs::remove_file(&fresh);
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&fresh)?;
    let mut file = BufWriter::with_capacity(1 << 20, file);
    let written = write(&mut file).and_then(|()| file.flush());
    drop(file);
    match written {
        Ok(()) => std::fs::rename(&fresh, dir.join(name)),
        Err(err) => {
            let _ = std::fs::remove_file(&fresh);
            Err(err)
        }
    }
}

/// Removes what builds that were cut off began to write as `name` in `dir`
/// (`name.new-<process>`, for a process that has ended).
fn remove_unfinished(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let prefix = format!("{name}.new-");
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        if !super::is_another_running(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
