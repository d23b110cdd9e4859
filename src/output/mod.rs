//! `OutputFile`s → the output folder, written beside it and swapped in whole.
//!
//! In: the files to publish, as they are made (`Staging`). Out: the output folder holding exactly them. A failed or
//! interrupted build leaves the previous output as it was.
//! It refuses the site root, `content/`, and folders arkiv did not make.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};

mod file;
mod in_place;
pub mod own;
use file::{holds, making_folder, write_contents, write_error};
pub use in_place::{Updated, update};

/// The file that marks a folder as arkiv's output, safe to replace.
pub const MARKER: &str = ".arkiv-output";

/// What goes into an output file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    /// Bytes made by the build.
    Bytes(Vec<u8>),
    /// A file copied as it is (an attachment, a stylesheet).
    Copy(PathBuf),
    /// A picture's file, made from its source when written (or taken from
    /// the image cache).
    Picture(std::sync::Arc<crate::images::PictureFile>),
}

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Its path in the output folder, `/`-separated: `nyheter/x/index.html`.
    pub path: String,
    /// What it holds.
    pub contents: Contents,
}

impl Contents {
    /// The bytes the file holds: made, read from its source, or (for a
    /// picture) made or taken from the image cache.
    pub fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Contents::Bytes(bytes) => Ok(bytes.clone()),
            Contents::Copy(source) => fs::read(source),
            Contents::Picture(picture) => {
                let made = picture
                    .path()
                    .map_err(|e| io::Error::other(format!("{e:?}")))?;
                fs::read(made)
            }
        }
    }
}

impl OutputFile {
    /// A file made by the build.
    pub fn bytes(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(bytes.into()),
        }
    }

    /// A file copied from `source`.
    pub fn copy(path: impl Into<String>, source: impl Into<PathBuf>) -> Self {
        OutputFile {
            path: path.into(),
            contents: Contents::Copy(source.into()),
        }
    }
}

/// What the marker file remembers of the build that made the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildStamp {
    /// The inputs' fingerprint (see `cache`).
    pub fingerprint: String,
    /// The cheaper fingerprint of content/ as listed (see `cache`).
    pub listing: String,
    /// Pages published.
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// The next moment at which the output would change with nothing
    /// else changed (a page scheduled or expiring, a day when events stop
    /// being upcoming), in seconds since 1970; from then on the output is
    /// not up to date.
    pub until: Option<i64>,
}

/// The stamp of the build that made `output`, if arkiv made it and remembered one.
pub fn previous_build(output: &Path) -> Option<BuildStamp> {
    let text = fs::read_to_string(output.join(MARKER)).ok()?;
    let field = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name)?.strip_prefix(": "))
            .map(str::to_string)
    };
    Some(BuildStamp {
        fingerprint: field("fingerprint")?,
        listing: field("listing").unwrap_or_default(),
        pages: field("pages")?.parse().ok()?,
        files: field("files")?.parse().ok()?,
        until: field("until").and_then(|until| until.parse().ok()),
    })
}

/// The id of the build that made `output`, which names what that build kept
/// for the next (`pipeline::kept`), if its marker names one.
pub fn build_id(output: &Path) -> Option<String> {
    let text = fs::read_to_string(output.join(MARKER)).ok()?;
    let id = text.lines().find_map(|line| line.strip_prefix("build: "))?;
    Some(id.to_string())
}

/// A new id for a build: unique enough to tell one build's output from another's.
pub fn new_build_id() -> String {
    format!("{:016x}", random_id())
}

/// A random number, different in each call (the process id and the time go into it).
pub fn random_id() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.write_u32(std::process::id());
    hasher.finish()
}

/// Puts a new stamp in the marker of `output`, a build's output already in
/// place (for a build that found nothing changed, but a new listing).
pub fn restamp(output: &Path, stamp: &BuildStamp) -> io::Result<()> {
    let build = build_id(output);
    write_marker(output, Some(stamp), build.as_deref())
}

/// Writes the marker of `output` through a file beside it renamed into place.
fn write_marker(output: &Path, stamp: Option<&BuildStamp>, build: Option<&str>) -> io::Result<()> {
    let fresh = output.join(format!("{MARKER}.new-{}", std::process::id()));
    fs::write(&fresh, marker(stamp, build))?;
    fs::rename(&fresh, output.join(MARKER))
}

/// The marker file's text: the stamp, if the build is to be remembered, and
/// the id of the build, if it kept something for the next.
fn marker(stamp: Option<&BuildStamp>, build: Option<&str>) -> String {
    let mut marker =
        String::from("This folder is made by arkiv build and replaced whole on each build.\n");
    if let Some(stamp) = stamp {
        marker.push_str(&format!(
            "fingerprint: {}\nlisting: {}\npages: {}\nfiles: {}\n",
            stamp.fingerprint, stamp.listing, stamp.pages, stamp.files
        ));
        if let Some(until) = stamp.until {
            marker.push_str(&format!("until: {until}\n"));
        }
    }
    if let Some(build) = build {
        marker.push_str(&format!("build: {build}\n"));
    }
    marker
}

/// How many files `output` holds, its marker not counted (to notice files deleted by hand).
///
/// Each top-level folder is counted on a thread of its own.
pub fn file_count(output: &Path) -> usize {
    let Ok(entries) = fs::read_dir(output) else {
        return 0;
    };
    let entries: Vec<fs::DirEntry> = entries.flatten().collect();
    entries
        .par_iter()
        .map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => walkdir::WalkDir::new(entry.path())
                .into_iter()
                .flatten()
                .filter(|e| e.file_type().is_file())
                .count(),
            Ok(kind) if kind.is_file() => usize::from(entry.file_name() != MARKER),
            _ => 0,
        })
        .sum()
}

/// Checks that `output` may be replaced: not the site, not its content, not someone else's folder.
pub fn check_output(root: &Path, output: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let output = absolute(output);
    let refuse = |why: String, hint: String| {
        Err(Diagnostic::usage(t!(
            "output-refused",
            output = output.display().to_string(),
            reason = why
        ))
        .hint(hint))
    };
    if root.starts_with(&output) {
        return refuse(t!("output-holds-site"), t!("output-holds-site-hint"));
    }
    for own in ["content", "themes", "static"] {
        if output.starts_with(root.join(own)) {
            return refuse(
                t!("output-inside-site-folder", folder = own),
                t!("output-inside-site-folder-hint"),
            );
        }
    }
    if output.join(MARKER).is_file() {
        return Ok(());
    }
    if output.is_file() {
        return refuse(t!("output-is-a-file"), t!("output-is-a-file-hint"));
    }
    let is_empty = fs::read_dir(&output).map_or(true, |mut entries| entries.next().is_none());
    if is_empty {
        Ok(())
    } else {
        refuse(t!("output-not-empty"), t!("output-not-empty-hint"))
    }
}

/// Publishes a site into `output`: `render` gets a function that writes each
/// file into a folder beside the output as soon as it is made; when it is
/// done, that folder is swapped in whole. On any error the output is left as
/// it was. `stamp` (when the build is to be remembered) gets the counts of
/// `pages` and files written; the marker names build `build`. Returns how
/// many files were written, and what `render` returned.
pub fn publish<T>(
    root: &Path,
    output: &Path,
    (stamp, build): (Option<BuildStamp>, &str),
    pages: usize,
    render: impl FnOnce(
        &(dyn Fn(OutputFile) -> Result<(), Diagnostic> + Sync),
    ) -> Result<T, Diagnostics>,
) -> Result<(usize, T), Diagnostics> {
    let staging = Staging::create(root, output)?;
    let rendered = render(&|file| staging.write(&file))?;
    let files = staging.written();
    let stamp = stamp.map(|stamp| BuildStamp {
        pages,
        files,
        ..stamp
    });
    staging.finish(stamp.as_ref(), Some(build))?;
    Ok((files, rendered))
}

/// A fresh folder beside the output that files are written into as they are
/// made (from many threads); `finish` swaps it in, and dropping it unfinished
/// removes it, so the output stays as it was.
///
/// A file the previous output holds byte for byte is not written again but
/// linked from there (a hard link: no new inode, no data written), so a build
/// after a small edit writes little, and removing the old output frees little.
pub struct Staging {
    path: PathBuf,
    output: PathBuf,
    /// The output as the last build left it, if there is one.
    previous: Option<PathBuf>,
    written: AtomicUsize,
    finished: bool,
}

impl Staging {
    /// Checks `output` (see `check_output`) and makes the folder beside it.
    pub fn create(root: &Path, output: &Path) -> Result<Staging, Diagnostics> {
        check_output(root, output)?;
        let output = absolute(output);
        let parent = output
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("/"));
        let name = output
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        fs::create_dir_all(&parent).map_err(|err| io_error(&parent, &err))?;
        remove_leftovers(&output);
        let path = parent.join(format!(".{name}.arkiv-new-{}", std::process::id()));
        let _ = fs::remove_dir_all(&path);
        fs::create_dir_all(&path).map_err(|err| io_error(&path, &err))?;
        let previous = output.is_dir().then(|| output.clone());
        Ok(Staging {
            path,
            previous,
            output,
            written: AtomicUsize::new(0),
            finished: false,
        })
    }

    /// Writes one file; its folders are made when the first write finds them missing.
    pub fn write(&self, file: &OutputFile) -> Result<(), Diagnostic> {
        let target = self.path.join(&file.path);
        let unchanged = self.unchanged(file);
        let write = || {
            if let Some(old) = &unchanged
                && fs::hard_link(old, &target).is_ok()
            {
                return Ok(());
            }
            write_contents(file, &target)
        };
        making_folder(&target, write).map_err(|err| write_error(file, &target, &err))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// The previous output's file at `file`'s path, if it holds the same bytes.
    fn unchanged(&self, file: &OutputFile) -> Option<PathBuf> {
        let old = self.previous.as_ref()?.join(&file.path);
        holds(&old, file).then_some(old)
    }

    /// Files written so far.
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Writes the marker (with `stamp`, if the build is to be remembered, and
    /// the id of the build) and swaps the folder in for the output.
    pub fn finish(
        mut self,
        stamp: Option<&BuildStamp>,
        build: Option<&str>,
    ) -> Result<(), Diagnostics> {
        fs::write(self.path.join(MARKER), marker(stamp, build))
            .map_err(|err| io_error(&self.path, &err))?;
        swap_in(&self.path, &self.output)?;
        self.finished = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// Swaps the new folder in; the old output is removed only after the swap.
fn swap_in(staging: &Path, output: &Path) -> Result<(), Diagnostic> {
    if output.exists() {
        if exchange(staging, output).is_ok() {
            remove_tree(staging);
            return Ok(());
        }
        let name = output.file_name().unwrap_or_default().to_string_lossy();
        let old = output.with_file_name(format!(".{name}.arkiv-old-{}", std::process::id()));
        fs::rename(output, &old).map_err(|err| io_error(output, &err))?;
        if let Err(err) = fs::rename(staging, output) {
            let _ = fs::rename(&old, output);
            return Err(io_error(output, &err));
        }
        remove_tree(&old);
        Ok(())
    } else {
        fs::rename(staging, output).map_err(|err| io_error(output, &err))
    }
}

/// Whether two files hold the same bytes, compared a block at a time (an
/// attachment may be larger than is worth holding in memory twice).
fn same_contents(a: &Path, b: &Path) -> bool {
    let (Ok(mut a), Ok(mut b)) = (fs::File::open(a), fs::File::open(b)) else {
        return false;
    };
    let (mut ours, mut theirs) = (vec![0; 64 * 1024], vec![0; 64 * 1024]);
    loop {
        match (fill(&mut a, &mut ours), fill(&mut b, &mut theirs)) {
            (Ok(0), Ok(0)) => return true,
            (Ok(a), Ok(b)) if a == b && ours[..a] == theirs[..b] => {}
            _ => return false,
        }
    }
}

/// Reads into `buffer` until it is full or the reader ends; how much it read.
fn fill(reader: &mut impl io::Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut read = 0;
    while read < buffer.len() {
        match reader.read(&mut buffer[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
    Ok(read)
}

/// Removes the folder `dir` and all it holds, each top-level folder on a
/// thread of its own; what cannot be removed is left for the next build's
/// `remove_leftovers`.
fn remove_tree(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        let entries: Vec<fs::DirEntry> = entries.flatten().collect();
        entries.par_iter().for_each(|entry| {
            let _ = match entry.file_type() {
                Ok(kind) if kind.is_dir() => fs::remove_dir_all(entry.path()),
                _ => fs::remove_file(entry.path()),
            };
        });
    }
    let _ = fs::remove_dir_all(dir);
}

/// Swaps two folders in one step, so no moment exists without an output folder.
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        rustix::fs::renameat_with(
            rustix::fs::CWD,
            a,
            rustix::fs::CWD,
            b,
            rustix::fs::RenameFlags::EXCHANGE,
        )
        .map_err(io::Error::from)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (a, b);
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "no atomic exchange",
        ))
    }
}

/// Removes the folders that interrupted builds left beside `output`: those
/// named for a process that no longer runs (a build still running elsewhere
/// keeps its own).
pub fn remove_leftovers(output: &Path) {
    let output = absolute(output);
    let (Some(parent), Some(name)) = (output.parent(), output.file_name()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let name = name.to_string_lossy();
    let prefixes = [format!(".{name}.arkiv-new-"), format!(".{name}.arkiv-old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = prefixes
            .iter()
            .find_map(|p| file_name.strip_prefix(p.as_str()))
        else {
            continue;
        };
        if !is_another_running(pid) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// True when `pid` (as a file name holds it) is another process that is
/// still running: what it is writing is not left over.
pub fn is_another_running(pid: &str) -> bool {
    pid.parse::<u32>().is_ok_and(|pid| {
        pid != std::process::id() && Path::new("/proc").join(pid.to_string()).exists()
    })
}

/// `path` made absolute, with the links in the part of it that exists resolved.
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    match fs::canonicalize(&joined) {
        Ok(path) => path,
        Err(_) => match (joined.parent(), joined.file_name()) {
            (Some(parent), Some(name)) => absolute(parent).join(name),
            _ => joined,
        },
    }
}

fn io_error(path: &Path, err: &io::Error) -> Diagnostic {
    Diagnostic::usage(t!(
        "output-cannot-write",
        path = path.display().to_string(),
        reason = err.to_string()
    ))
    .hint(t!("output-cannot-write-hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_the_site_and_its_content() {
        let site = tempfile::tempdir().unwrap();
        fs::create_dir_all(site.path().join("content")).unwrap();
        assert!(check_output(site.path(), site.path()).is_err());
        assert!(check_output(site.path(), &site.path().join("content")).is_err());
        assert!(check_output(site.path(), &site.path().join("content/x")).is_err());
        assert!(check_output(site.path(), &site.path().join("public")).is_ok());
    }

    #[test]
    fn files_compare_equal_only_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let big: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut late = big.clone();
        late[150_000] ^= 1;
        let write = |name: &str, bytes: &[u8]| {
            let path = dir.path().join(name);
            fs::write(&path, bytes).unwrap();
            path
        };
        let (a, b) = (write("a", &big), write("b", &big));
        assert!(same_contents(&a, &b));
        assert!(
            !same_contents(&a, &write("late", &late)),
            "a byte in the third block"
        );
        assert!(!same_contents(&a, &write("short", &big[..199_999])));
        assert!(same_contents(&write("e1", b""), &write("e2", b"")));
        assert!(!same_contents(&a, &dir.path().join("missing")));
    }

    fn publish(root: &Path, output: &Path, files: &[OutputFile]) -> Result<(), Diagnostics> {
        let staging = Staging::create(root, output)?;
        for file in files {
            staging.write(file)?;
        }
        staging.finish(None, None)
    }

    #[test]
    fn refuses_a_foreign_folder_but_replaces_its_own() {
        let site = tempfile::tempdir().unwrap();
        let out = site.path().join("out");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("important.txt"), "keep").unwrap();
        assert!(publish(site.path(), &out, &[]).is_err());
        assert_eq!(
            fs::read_to_string(out.join("important.txt")).unwrap(),
            "keep"
        );

        let public = site.path().join("public");
        publish(
            site.path(),
            &public,
            &[OutputFile::bytes("a/index.html", "one")],
        )
        .unwrap();
        publish(
            site.path(),
            &public,
            &[OutputFile::bytes("b/index.html", "two")],
        )
        .unwrap();
        assert!(!public.join("a/index.html").exists());
        assert_eq!(
            fs::read_to_string(public.join("b/index.html")).unwrap(),
            "two"
        );
        let leftovers: Vec<_> = fs::read_dir(site.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains("arkiv-"))
            .collect();
        assert!(leftovers.is_empty());
    }
}
