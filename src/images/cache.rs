//! Resized pictures kept between builds in `.arkiv-cache/images/`.
//!
//! A file is named by the source's hash, the variant and the encoder
//! settings, and has a `.sum` beside it with its own size and hash. An
//! entry is used only when both match what is on disk and it is a plain
//! file, so a stale, edited or committed cache file (or a link out of the
//! site) is made again rather than published.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use super::Variant;

/// Changes when encoding changes, so older files are not taken for new ones.
const ENCODING: &str = "e2";

/// The folder of resized pictures of one site.
#[derive(Debug, Clone)]
pub struct ImageCache {
    dir: PathBuf,
    /// True for the site's own cache folder, which git is told to ignore.
    is_site: bool,
    /// The hash of each picture read so far, with the size and time it had:
    /// each of a picture's files asks for it, and a photo is megabytes.
    hashes: Arc<Mutex<HashMap<PathBuf, Hashed>>>,
}

/// A picture's hash and the size and modification time it was made from.
#[derive(Debug, Clone, Copy)]
struct Hashed {
    size: u64,
    modified: SystemTime,
    hash: blake3::Hash,
}

impl PartialEq for ImageCache {
    fn eq(&self, other: &Self) -> bool {
        self.dir == other.dir
    }
}

impl Eq for ImageCache {}

impl ImageCache {
    /// The cache of the site at `root`; when its cache folder (or the
    /// folder for pictures in it) is a link or not a folder, which a
    /// stranger's commit can make it, a folder of this process's own in the
    /// system's temporary folder instead, as a link is never followed.
    pub fn new(root: &Path) -> ImageCache {
        let cache = root.join(crate::config::CACHE_DIR);
        let dir = cache.join("images");
        let is_usable = |path: &Path| match fs::symlink_metadata(path) {
            Ok(meta) => meta.is_dir(),
            Err(err) => err.kind() == io::ErrorKind::NotFound,
        };
        let hashes = Arc::default();
        if is_usable(&cache) && is_usable(&dir) {
            return ImageCache {
                dir,
                is_site: true,
                hashes,
            };
        }
        let own = std::env::temp_dir().join(format!("arkiv-images-{}", std::process::id()));
        ImageCache {
            dir: own,
            is_site: false,
            hashes,
        }
    }

    /// The hash of the picture at `source`, read and hashed once for as
    /// long as its size and modification time stay the same.
    pub fn source_hash(&self, source: &Path) -> io::Result<blake3::Hash> {
        let meta = fs::metadata(source)?;
        let size = meta.len();
        let modified = meta.modified().ok();
        let known = self
            .hashes
            .lock()
            .ok()
            .and_then(|map| map.get(source).copied());
        if let (Some(known), Some(modified)) = (known, modified)
            && known.size == size
            && known.modified == modified
        {
            return Ok(known.hash);
        }
        let hash = blake3::hash(&fs::read(source)?);
        if let (Some(modified), Ok(mut map)) = (modified, self.hashes.lock()) {
            let hashed = Hashed {
                size,
                modified,
                hash,
            };
            map.insert(source.to_path_buf(), hashed);
        }
        Ok(hash)
    }

    fn paths(&self, source: &blake3::Hash, variant: &Variant) -> (PathBuf, PathBuf) {
        let hex = source.to_hex();
        let name = format!(
            "{}-{ENCODING}-{}x{}.{}",
            &hex[..32],
            variant.width,
            variant.height,
            variant.format.extension()
        );
        let sum = self.dir.join(format!("{name}.sum"));
        (self.dir.join(name), sum)
    }

    /// The cached file of `variant` of the source with hash `source`, if
    /// there is one and it is what its `.sum` says.
    pub fn get(&self, source: &blake3::Hash, variant: &Variant) -> Option<PathBuf> {
        let (data, sum) = self.paths(source, variant);
        if !fs::symlink_metadata(&sum).ok()?.is_file() {
            return None;
        }
        let recorded = fs::read_to_string(&sum).ok()?;
        let (size, hash) = recorded.trim().split_once(' ')?;
        let meta = fs::symlink_metadata(&data).ok()?;
        if !meta.is_file() || meta.len().to_string() != size {
            return None;
        }
        let bytes = fs::read(&data).ok()?;
        (blake3::hash(&bytes).to_hex().as_str() == hash).then_some(data)
    }

    /// Keeps `bytes` as `variant` of the source with hash `source`.
    pub fn put(
        &self,
        source: &blake3::Hash,
        variant: &Variant,
        bytes: &[u8],
    ) -> io::Result<PathBuf> {
        fs::create_dir_all(&self.dir)?;
        if self.is_site
            && let Some(cache) = self.dir.parent()
            && fs::symlink_metadata(cache.join(".gitignore")).is_err()
        {
            // The cache is never committed, even before a build keeps its bodies.
            write_by_rename(&cache.join(".gitignore"), b"*\n")?;
        }
        let (data, sum) = self.paths(source, variant);
        // Written beside and renamed, so a build killed midway leaves no
        // half file under the real name (and the `.sum` comes last).
        write_by_rename(&data, bytes)?;
        let record = format!("{} {}\n", bytes.len(), blake3::hash(bytes).to_hex());
        write_by_rename(&sum, record.as_bytes())?;
        Ok(data)
    }
}

/// Writes `bytes` beside `path` and renames them over it, so no link that
/// stands at `path` (or at the file beside it) is written through.
///
/// The file beside has a name of its own for each write: `serve` may make
/// the same picture for a request while a rebuild makes it, and two writers
/// of one name took each other's file away.
fn write_by_rename(path: &Path, bytes: &[u8]) -> io::Result<()> {
    static WRITES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let write = WRITES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut partial = path.as_os_str().to_owned();
    partial.push(format!(".{}-{write}.part", std::process::id()));
    let partial = PathBuf::from(partial);
    let _ = fs::remove_file(&partial);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&partial)?;
    std::io::Write::write_all(&mut file, bytes)?;
    fs::rename(&partial, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::Format;

    #[test]
    fn the_same_picture_kept_by_several_threads_at_once_is_kept_whole() {
        let site = tempfile::tempdir().unwrap();
        let cache = ImageCache::new(site.path());
        let source = blake3::hash(b"the source");
        let variant = Variant {
            name: "karta-960.png".into(),
            width: 960,
            height: 480,
            format: Format::Png,
        };
        let bytes = vec![7u8; 64 * 1024];
        std::thread::scope(|scope| {
            for _ in 0..8 {
                scope.spawn(|| {
                    for _ in 0..25 {
                        cache.put(&source, &variant, &bytes).unwrap();
                    }
                });
            }
        });
        let kept = cache.get(&source, &variant).expect("kept and whole");
        assert_eq!(fs::read(kept).unwrap(), bytes);
    }
}
