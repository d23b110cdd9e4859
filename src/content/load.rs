//! content/ → `SourceFile`s: every Markdown page with its text, and every other file.
//!
//! In: the `Config`. Out: pages (text read, BOM stripped, line endings LF) with
//! the assets of their bundles, and loose files to copy as they are. It never
//! parses front matter or Markdown.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::fs::{MAX_TEXT_BYTES, decode, file_stamp};

/// A Markdown file, read.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path relative to `content/`, `/`-separated.
    pub content_path: String,
    /// Path relative to the site root, for messages.
    pub display_path: String,
    /// The text, without BOM and with LF line endings.
    pub text: Arc<str>,
    /// Files beside a bundle's `index.md` (empty for a lone file).
    pub assets: Vec<Asset>,
}

/// A file copied into the output as it is: a bundle's attachment or a loose file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Where it is on disk.
    pub source: PathBuf,
    /// Its path relative to its bundle folder (or to `content/` for loose files).
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
}

/// What `content/` holds.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// The Markdown pages, sorted by path.
    pub pages: Vec<SourceFile>,
    /// Other files outside bundles, copied to the same path in the output.
    pub files: Vec<Asset>,
    /// Files that could not be read, and warnings; the rest was read.
    pub diagnostics: Diagnostics,
    /// A hash of the paths and stamps of every file but the Markdown
    /// (attachments and loose files), as listed.
    pub files_digest: u64,
}

/// Reads every page under `content/`; unreadable files are reported in `Content::diagnostics`
/// so the next stages can report their own problems in the same run.
pub fn load(config: &Config) -> Result<Content, Diagnostics> {
    Ok(read(config, list(config)?))
}

/// What `content/` holds, found but not yet read.
#[derive(Debug)]
pub struct Listing {
    /// A hash of every file's path and stamp (size, times, inode): it changes
    /// when any file under `content/` is added, removed, renamed or written.
    pub digest: u64,
    /// The same of every file but the Markdown.
    files_digest: u64,
    /// Markdown files that are pages.
    markdown: Vec<PathBuf>,
    /// Other files outside bundles.
    loose: Vec<Asset>,
    /// Each bundle's files.
    bundle_assets: BTreeMap<PathBuf, Vec<Asset>>,
    /// Paths that could not be listed, and warnings.
    pub diagnostics: Diagnostics,
}

impl Listing {
    /// The files outside bundles, without reading any page.
    pub fn into_loose(self) -> Vec<Asset> {
        self.loose
    }
}

/// Finds every file under `content/` without reading any.
pub fn list(config: &Config) -> Result<Listing, Diagnostics> {
    let content_dir = config.content_dir();
    if !content_dir.is_dir() {
        return Err(Diagnostic::usage(t!(
            "content-no-folder",
            path = display_path(&config.root, &content_dir)
        ))
        .hint(t!("content-no-folder-hint"))
        .into());
    }
    let mut diagnostics = Diagnostics::new();
    let (entries, digest, files_digest) = walk(config, &content_dir, &mut diagnostics);
    let bundles: BTreeSet<PathBuf> = entries
        .iter()
        .filter(|e| is_bundle_index(&e.path))
        .filter_map(|e| e.path.parent().map(Path::to_path_buf))
        .collect();

    let mut markdown = Vec::new();
    let mut loose = Vec::new();
    let mut bundle_assets: BTreeMap<PathBuf, Vec<Asset>> = BTreeMap::new();
    for entry in entries {
        let top = content_dir.parent().unwrap_or(&content_dir);
        let is_bundle = |dir: &Path| bundles.contains(dir).then_some(());
        match role(&entry.path, top, is_bundle) {
            Role::Page => markdown.push(entry.path),
            Role::Beside(dir, ()) => diagnostics.push(
                Diagnostic::warning(t!(
                    "content-markdown-in-bundle",
                    bundle = display_path(&config.root, dir)
                ))
                .in_file(display_path(&config.root, &entry.path))
                .hint(t!("content-markdown-in-bundle-hint")),
            ),
            Role::Asset(dir, ()) => {
                let asset = Asset {
                    name: display_path(dir, &entry.path),
                    source: entry.path.clone(),
                    size: entry.size,
                };
                bundle_assets
                    .entry(dir.to_path_buf())
                    .or_default()
                    .push(asset);
            }
            Role::Loose => loose.push(Asset {
                name: display_path(&content_dir, &entry.path),
                source: entry.path,
                size: entry.size,
            }),
        }
    }

    Ok(Listing {
        digest,
        files_digest,
        markdown,
        loose,
        bundle_assets,
        diagnostics,
    })
}

/// Reads the pages of `listing`.
pub fn read(config: &Config, listing: Listing) -> Content {
    let Listing {
        files_digest,
        markdown,
        loose,
        bundle_assets,
        mut diagnostics,
        ..
    } = listing;
    let content_dir = config.content_dir();
    let read: Vec<Result<SourceFile, Diagnostic>> = markdown
        .par_iter()
        .map(|path| {
            let assets = match path.parent() {
                Some(dir) if is_bundle_index(path) => {
                    bundle_assets.get(dir).cloned().unwrap_or_default()
                }
                _ => Vec::new(),
            };
            read_page(config, &content_dir, path, assets)
        })
        .collect();
    let mut pages = Vec::with_capacity(read.len());
    for result in read {
        match result {
            Ok(page) => pages.push(page),
            Err(d) => diagnostics.push(d),
        }
    }
    pages.sort_by(|a, b| a.content_path.cmp(&b.content_path));
    Content {
        pages,
        files: loose,
        diagnostics,
        files_digest,
    }
}

struct Entry {
    path: PathBuf,
    size: u64,
}

/// Every file under `content_dir`, the hash of their paths and stamps, and
/// the same hash of every file but the Markdown.
///
/// The folders are read in one pass through the site's trust boundary (links
/// that leave the site are refused there); the files' metadata is then read
/// in parallel, most of the work on a large site.
fn walk(
    config: &Config,
    content_dir: &Path,
    diagnostics: &mut Diagnostics,
) -> (Vec<Entry>, u64, u64) {
    let walked = config.site.walk(content_dir, |e| is_ignored(e.file_name()));
    diagnostics.extend(walked.diagnostics);
    let paths = walked.files;
    let metadata: Vec<Option<std::fs::Metadata>> = paths
        .par_iter()
        .map(|path| std::fs::metadata(path).ok())
        .collect();
    let (mut digest, mut files_digest) = (DefaultHasher::new(), DefaultHasher::new());
    let entries = paths
        .into_iter()
        .zip(metadata)
        .map(|(path, metadata)| {
            let stamp = (&path, metadata.as_ref().map(file_stamp));
            stamp.hash(&mut digest);
            if !is_markdown(&path) {
                stamp.hash(&mut files_digest);
            }
            Entry {
                size: metadata.map_or(0, |m| m.len()),
                path,
            }
        })
        .collect();
    (entries, digest.finish(), files_digest.finish())
}

fn read_page(
    config: &Config,
    content_dir: &Path,
    path: &Path,
    assets: Vec<Asset>,
) -> Result<SourceFile, Diagnostic> {
    let display = display_path(&config.root, path);
    let bytes = config.site.read(path, MAX_TEXT_BYTES)?;
    let text = decode(&bytes).map_err(|(line, column)| {
        Diagnostic::error(t!("content-not-utf8"))
            .in_file(&display)
            .at_position(line, column)
            .hint(t!("config-not-utf8-hint"))
    })?;
    Ok(SourceFile {
        content_path: display_path(content_dir, path),
        display_path: display,
        text: Arc::from(text),
        assets,
    })
}

/// What a file under content/ is, by the rule of bundles: a folder with an
/// `index.md` is one page, and everything under it (but nested bundles) is its.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role<'p, B> {
    /// A page: a bundle's index, or Markdown outside bundles.
    Page,
    /// Markdown beside a bundle's index, in the bundle folder given: not a page.
    Beside(&'p Path, B),
    /// Another file of the bundle in the folder given: one of its attachments.
    Asset(&'p Path, B),
    /// A file outside bundles, published when a page uses it.
    Loose,
}

/// The role of `path`, where `bundle(dir)` tells whether the folder `dir`
/// holds a bundle's index (and gives what the caller keeps of it); folders
/// are looked at from the file's own up to `top`, which is not.
pub fn role<'p, B>(path: &'p Path, top: &Path, bundle: impl Fn(&Path) -> Option<B>) -> Role<'p, B> {
    let mut above = path.ancestors().skip(1).take_while(|dir| *dir != top);
    let found = above.find_map(|dir| bundle(dir).map(|b| (dir, b)));
    match found {
        Some((dir, _)) if is_bundle_index(path) && path.parent() == Some(dir) => Role::Page,
        Some((dir, b)) if is_markdown(path) => Role::Beside(dir, b),
        Some((dir, b)) => Role::Asset(dir, b),
        None if is_markdown(path) => Role::Page,
        None => Role::Loose,
    }
}

/// Reads one Markdown file again (for a rebuild), listing a bundle's assets from its folder.
pub fn load_one(config: &Config, path: &Path) -> Result<SourceFile, Diagnostic> {
    let assets = match path.parent() {
        Some(dir) if is_bundle_index(path) => bundle_assets(config, dir),
        _ => Vec::new(),
    };
    read_page(config, &config.content_dir(), path, assets)
}

/// The files of the bundle in `dir`: everything but Markdown, hidden files
/// and nested bundles; links that leave the site are left out.
pub fn bundle_assets(config: &Config, dir: &Path) -> Vec<Asset> {
    let walked = config.site.walk(dir, |e| {
        is_ignored(e.file_name())
            || (e.file_type().is_dir()
                && ["index.md", "index.markdown", "index.sv.md", "index.en.md"]
                    .iter()
                    .any(|name| e.path().join(name).is_file()))
    });
    walked
        .files
        .into_iter()
        .filter(|path| !is_markdown(path))
        .map(|path| Asset {
            name: display_path(dir, &path),
            size: std::fs::metadata(&path).map_or(0, |m| m.len()),
            source: path,
        })
        .collect()
}

/// True for `.md` and `.markdown` files.
pub fn is_markdown(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown")
    )
}

/// True for a bundle's page: `index.md`, or a translation of it (`index.en.md`).
pub fn is_bundle_index(path: &Path) -> bool {
    matches!(
        path.file_name().and_then(|n| n.to_str()),
        Some("index.md" | "index.markdown" | "index.sv.md" | "index.en.md")
    )
}

/// Hidden files and editors' temporary files are never content.
pub fn is_ignored(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp")
        || (name.starts_with('#') && name.ends_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_crlf_are_normalised() {
        let text = decode(b"\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\n").unwrap();
        assert_eq!(text, "---\ntitle: x\n---\n");
    }

    #[test]
    fn invalid_utf8_is_located() {
        assert_eq!(decode(b"ab\ncd\xFFe"), Err((2, 3)));
    }

    #[test]
    fn editor_files_are_ignored() {
        assert!(is_ignored(std::ffi::OsStr::new(".index.md.swp")));
        assert!(is_ignored(std::ffi::OsStr::new("page.md~")));
        assert!(!is_ignored(std::ffi::OsStr::new("page.md")));
    }
}
