//! The trust boundary: every file arkiv reads for a site goes through `SiteRoot`.
//!
//! In: the site's folder and paths under it. Out: file contents, folder
//! listings and real paths, each checked to lie inside the site. Content
//! comes in through pull requests, so any file may be a symbolic link: one
//! whose real path leaves the site's folder is refused with an error that
//! names the link and where it points, and nothing behind it is read,
//! published or printed. A link that stays inside the site is followed. It
//! never decides what is published; it only refuses what must not be read.
//! Beside it: decoding text files (`decode`) and file stamps (`file_stamp`).

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use walkdir::{DirEntry, WalkDir};

use crate::diagnostics::{Diagnostic, Diagnostics, display_path, line_column};

/// The largest Markdown page, template, language file or site.yaml arkiv
/// reads: 16 MiB. A page's text is rarely over 1 MB; a larger file is most
/// likely a wrong one (an export, a log), and reading it whole would cost
/// memory and time out of all proportion.
pub const MAX_TEXT_BYTES: u64 = 16 * 1024 * 1024;

/// The site's folder, as given and as its real path, for checking paths against.
#[derive(Debug, Clone)]
pub struct SiteRoot {
    /// The folder as given (relative or absolute), for messages.
    given: PathBuf,
    /// Its real path: absolute, without links.
    real: PathBuf,
}

/// What a walk found: files inside the site, and what it refused or could not read.
#[derive(Debug, Default)]
pub struct Walked {
    /// Every file found, by its path under the walked folder (as given, not resolved).
    pub files: Vec<PathBuf>,
    /// Links that leave the site, loops and unreadable paths.
    pub diagnostics: Diagnostics,
}

impl SiteRoot {
    /// The site at `root`; a folder that does not exist yet is taken as it is written.
    pub fn new(root: &Path) -> SiteRoot {
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| absolute(root));
        SiteRoot {
            given: root.to_path_buf(),
            real,
        }
    }

    /// The folder as given.
    pub fn path(&self) -> &Path {
        &self.given
    }

    /// `path` relative to the site, `/`-separated, for messages.
    pub fn display(&self, path: &Path) -> String {
        display_path(&self.given, path)
    }

    /// The real path of `path`, which must exist and lie inside the site.
    ///
    /// A path that leaves the site through a symbolic link is refused with an
    /// error naming the link (relative to the site) and what it points at.
    pub fn resolve(&self, path: &Path) -> Result<PathBuf, Diagnostic> {
        let real = std::fs::canonicalize(path).map_err(|err| {
            Diagnostic::error(t!("fs-cannot-read-path", reason = err.to_string()))
                .in_file(self.display(path))
                .hint(t!("fs-cannot-read-path-hint"))
        })?;
        let Ok(inside) = real.strip_prefix(&self.real) else {
            return Err(self.outside(path, &real));
        };
        // Hidden files and folders inside the site (`.git/config`, which holds
        // a CI checkout's token) are never content: a link may not lead there.
        let is_hidden = |part: Component<'_>| part.as_os_str().to_string_lossy().starts_with('.');
        let given_inside = path.strip_prefix(&self.given).unwrap_or(path);
        if inside.components().any(is_hidden) && !given_inside.components().any(is_hidden) {
            return Err(Diagnostic::error(t!(
                "fs-link-to-hidden",
                target = inside.display().to_string()
            ))
            .in_file(self.display(path))
            .hint(t!("fs-link-to-hidden-hint")));
        }
        Ok(real)
    }

    /// The file at `path`, opened for reading, when no symbolic link lies on
    /// its way: its real path is then the path itself, inside the site. One
    /// call to the system, where `resolve` makes one for each folder of the
    /// path. `None` when there is a link, or the path is not plainly under the
    /// site's folder, or the system cannot tell: `resolve` judges then.
    #[cfg(target_os = "linux")]
    fn open_without_links(&self, path: &Path) -> Option<std::fs::File> {
        use rustix::fs::{CWD, Mode, OFlags, ResolveFlags, openat2};
        let inside = path.strip_prefix(&self.given).ok()?;
        if !inside
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        {
            return None;
        }
        let flags = OFlags::RDONLY | OFlags::CLOEXEC;
        let no_links = ResolveFlags::NO_SYMLINKS;
        let fd = openat2(CWD, self.real.join(inside), flags, Mode::empty(), no_links).ok()?;
        Some(std::fs::File::from(fd))
    }

    /// Elsewhere every path goes through `resolve`.
    #[cfg(not(target_os = "linux"))]
    fn open_without_links(&self, _path: &Path) -> Option<std::fs::File> {
        None
    }

    /// True when `path` exists and its real path lies inside the site.
    pub fn contains(&self, path: &Path) -> bool {
        self.resolve(path).is_ok()
    }

    /// Reads the file at `path`, inside the site, of at most `limit` bytes.
    ///
    /// A larger file is refused before any of it is read.
    pub fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, Diagnostic> {
        let cannot = |err: std::io::Error| {
            Diagnostic::error(t!("fs-cannot-read-file", reason = err.to_string()))
                .in_file(self.display(path))
                .hint(t!("fs-cannot-read-file-hint"))
        };
        let file = match self.open_without_links(path) {
            Some(file) => file,
            None => std::fs::File::open(self.resolve(path)?).map_err(cannot)?,
        };
        let size = file.metadata().map_err(cannot)?.len();
        if size > limit {
            return Err(too_large(self.display(path), size, limit));
        }
        let mut bytes = Vec::with_capacity(size as usize);
        // A file that grows while it is read (or says it is empty, as some
        // special files do) is still cut at the limit.
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot)?;
        if bytes.len() as u64 > limit {
            return Err(too_large(self.display(path), bytes.len() as u64, limit));
        }
        Ok(bytes)
    }

    /// Reads a text file inside the site: `None` when it does not exist.
    pub fn read_optional(&self, path: &Path, limit: u64) -> Result<Option<Vec<u8>>, Diagnostic> {
        if std::fs::symlink_metadata(path).is_err() {
            return Ok(None);
        }
        self.read(path, limit).map(Some)
    }

    /// Every file under `dir`, sorted by name, without descending into what
    /// `skip` names; links that leave the site are reported and not followed.
    ///
    /// `dir` itself may be missing (nothing found) but may not lead outside.
    pub fn walk(&self, dir: &Path, skip: impl Fn(&DirEntry) -> bool) -> Walked {
        let mut walked = Walked::default();
        if std::fs::symlink_metadata(dir).is_err() {
            return walked;
        }
        if let Err(refused) = self.resolve(dir) {
            walked.diagnostics.push(refused);
            return walked;
        }
        let mut refused = Vec::new();
        let walker = WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                if entry.depth() > 0 && skip(entry) {
                    return false;
                }
                // Only links can leave the site: everything else is checked
                // by being under a folder that was.
                if entry.path_is_symlink()
                    && let Err(d) = self.resolve(entry.path())
                {
                    refused.push(d);
                    return false;
                }
                true
            });
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => walked.files.push(entry.into_path()),
                Ok(_) => {}
                Err(err) => walked.diagnostics.push(self.walk_error(&err)),
            }
        }
        walked.diagnostics.extend(refused);
        walked
    }

    /// Every file under `dir` by its `/`-separated path relative to `dir`,
    /// hidden files and folders skipped.
    pub fn files_under(&self, dir: &Path) -> (Vec<(String, PathBuf)>, Diagnostics) {
        let walked = self.walk(dir, |e| e.file_name().to_string_lossy().starts_with('.'));
        let files = walked
            .files
            .into_iter()
            .map(|path| (display_path(dir, &path), path))
            .collect();
        (files, walked.diagnostics)
    }

    /// The refusal of `path`, whose real path `real` is outside the site.
    fn outside(&self, path: &Path, real: &Path) -> Diagnostic {
        let link = self
            .leaving_link(path)
            .unwrap_or_else(|| path.to_path_buf());
        let target = std::fs::read_link(&link).unwrap_or_else(|_| real.to_path_buf());
        let target = target.display().to_string();
        let message = if link == path {
            t!("fs-link-outside", target = target)
        } else {
            t!("fs-folder-link-outside", target = target)
        };
        Diagnostic::error(message)
            .in_file(self.display(&link))
            .hint(t!("fs-link-outside-hint"))
    }

    /// The first link on the way from the site's folder to `path` whose real path leaves the site.
    fn leaving_link(&self, path: &Path) -> Option<PathBuf> {
        let relative = path.strip_prefix(&self.given).ok()?;
        let mut at = self.given.clone();
        for part in relative.components() {
            at.push(part);
            let is_link = std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink());
            if is_link && !std::fs::canonicalize(&at).is_ok_and(|real| real.starts_with(&self.real))
            {
                return Some(at);
            }
        }
        None
    }

    fn walk_error(&self, err: &walkdir::Error) -> Diagnostic {
        let file = err
            .path()
            .map(|p| self.display(p))
            .unwrap_or_else(|| "content".into());
        if let Some(ancestor) = err.loop_ancestor() {
            return Diagnostic::error(t!("fs-link-loop", folder = self.display(ancestor)))
                .in_file(file)
                .hint(t!("fs-link-loop-hint"));
        }
        let reason = err
            .io_error()
            .map_or_else(|| err.to_string(), ToString::to_string);
        Diagnostic::error(t!("fs-cannot-read-path", reason = reason))
            .in_file(file)
            .hint(t!("fs-cannot-read-path-hint"))
    }
}

/// True when `name` is a plain name of one folder: no separators, no `.` or `..`.
pub fn is_plain_name(name: &str) -> bool {
    let mut parts = Path::new(name).components();
    matches!(parts.next(), Some(Component::Normal(_)))
        && parts.next().is_none()
        && !name.contains(['/', '\\'])
}

fn too_large(file: String, size: u64, limit: u64) -> Diagnostic {
    Diagnostic::error(t!(
        "fs-too-large",
        size = size.div_ceil(1024 * 1024),
        limit = limit / (1024 * 1024)
    ))
    .in_file(file)
    .hint(t!("fs-too-large-hint"))
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|dir| dir.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    }
}

/// UTF-8 text without BOM and with LF endings, or the line and column of the first bad byte.
pub fn decode(bytes: &[u8]) -> Result<String, (usize, usize)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(normalise_line_endings(text)),
        Err(err) => {
            let valid = std::str::from_utf8(&bytes[..err.valid_up_to()])
                .expect("the prefix up to valid_up_to is UTF-8");
            Err(line_column(valid, valid.len()))
        }
    }
}

fn normalise_line_endings(text: &str) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    }
}

/// What of a file's metadata changes when it is written or replaced: size,
/// modification and change times, and (on Unix) inode. The change time cannot
/// be set back by hand, so an edit that keeps size and modification time
/// still shows.
pub fn file_stamp(metadata: &std::fs::Metadata) -> impl std::hash::Hash + use<> {
    let modified = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    #[cfg(unix)]
    let changed = {
        use std::os::unix::fs::MetadataExt;
        (
            metadata.ctime(),
            metadata.ctime_nsec(),
            metadata.ino(),
            metadata.dev(),
        )
    };
    #[cfg(not(unix))]
    let changed = ();
    (metadata.len(), modified, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_have_one_part() {
        assert!(is_plain_name("gr"));
        assert!(is_plain_name("gr-2"));
        for bad in ["", ".", "..", "../x", "a/b", "/etc", "a\\b"] {
            assert!(!is_plain_name(bad), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_site_are_refused_and_links_inside_followed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "token").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir(root.join("content")).unwrap();
        std::fs::write(root.join("content/page.md"), "ok").unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.txt"),
            root.join("content/a.txt"),
        )
        .unwrap();
        std::os::unix::fs::symlink(outside.path(), root.join("content/dir")).unwrap();
        std::os::unix::fs::symlink(root.join("content/page.md"), root.join("content/same.md"))
            .unwrap();
        let site = SiteRoot::new(root);
        let walked = site.walk(&root.join("content"), |_| false);
        let names: Vec<String> = walked.files.iter().map(|p| site.display(p)).collect();
        assert_eq!(names, ["content/page.md", "content/same.md"]);
        let refused: Vec<&str> = walked
            .diagnostics
            .iter()
            .filter_map(|d| d.file.as_deref())
            .collect();
        assert_eq!(refused, ["content/a.txt", "content/dir"]);
        assert!(site.read(&root.join("content/a.txt"), 100).is_err());
        assert!(
            site.read(&root.join("content/dir/secret.txt"), 100)
                .is_err()
        );
        let through_folder = site
            .resolve(&root.join("content/dir/secret.txt"))
            .unwrap_err();
        assert_eq!(through_folder.file.as_deref(), Some("content/dir"));
        assert_eq!(
            site.read(&root.join("content/same.md"), 100).unwrap(),
            b"ok"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_unread() {
        let site = tempfile::tempdir().unwrap();
        std::fs::write(site.path().join("big.md"), "x".repeat(101)).unwrap();
        let root = SiteRoot::new(site.path());
        let err = root.read(&site.path().join("big.md"), 100).unwrap_err();
        assert!(err.message.contains("not read"), "{}", err.message);
        assert_eq!(
            root.read(&site.path().join("big.md"), 101).unwrap().len(),
            101
        );
    }
}
