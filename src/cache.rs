//! The site's fingerprint: a hash of everything a build reads, so a build
//! whose inputs have not changed since the last one into the same output can
//! leave that output as it is.
//!
//! In: the options, the configuration and the loaded content. Out: a hex
//! string kept in the output's marker file. Files are hashed by content
//! (Markdown, site.yaml) or by their stamp: size, times and inode
//! (attachments, the theme); the day counts too, since "upcoming" depends on it, and so does
//! the arkiv binary itself. It decides nothing about partial rebuilds.
//!
//! A second, cheaper fingerprint hashes content/ as listed (each file's path,
//! size, times and inode) instead of its text, so that a build with nothing
//! changed need not read the content at all.

use std::collections::hash_map::DefaultHasher;
use std::fs::Metadata;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::time::UNIX_EPOCH;

use jiff::civil::Date;

use crate::BuildOptions;
use crate::config::{CONFIG_FILE, Config};
use crate::content::Content;
use crate::content::load::Listing;

/// Everything a build reads but content/: arkiv itself, site.yaml, the
/// options, the day, the theme and static files; hashed once, for both
/// fingerprints.
pub struct Inputs(DefaultHasher);

impl Inputs {
    /// Hashes the inputs of a build with `config` and `opts` on `today`.
    pub fn new(opts: &BuildOptions, config: &Config, today: Date) -> Self {
        let mut hasher = DefaultHasher::new();
        env!("CARGO_PKG_VERSION").hash(&mut hasher);
        if let Ok(exe) = std::env::current_exe() {
            stamp(&exe).hash(&mut hasher);
        }
        config
            .site
            .read(&config.root.join(CONFIG_FILE), crate::fs::MAX_TEXT_BYTES)
            .ok()
            .hash(&mut hasher);
        (opts.drafts, &opts.base_url, today.to_string()).hash(&mut hasher);
        for dir in [
            config.theme_dir(),
            config.root.join("templates"),
            config.static_dir(),
        ] {
            let (files, refused) = config.site.files_under(&dir);
            for (name, path) in files {
                (name, stamp(&path)).hash(&mut hasher);
            }
            // A refused link changes the fingerprint, so the build that reports it runs.
            for diagnostic in refused.iter() {
                diagnostic.render_plain().hash(&mut hasher);
            }
        }
        Inputs(hasher)
    }

    /// The fingerprint with content/ as listed: its files' paths and stamps
    /// instead of their text. It changes whenever `with_content` does, and
    /// also when a file is only touched or copied back unchanged (then the
    /// build reads the content and compares `with_content`).
    pub fn with_listing(&self, listing: &Listing) -> String {
        let mut hasher = self.0.clone();
        listing.digest.hash(&mut hasher);
        format!("{:016x}", hasher.finish())
    }

    /// The fingerprint with content/ as read: the pages' text, and the stamps
    /// of the other files (attachments, loose files) as the listing found them.
    pub fn with_content(&self, content: &Content) -> String {
        let mut hasher = self.0.clone();
        for source in &content.pages {
            (&source.content_path, &*source.text).hash(&mut hasher);
        }
        content.files_digest.hash(&mut hasher);
        format!("{:016x}", hasher.finish())
    }
}

/// The stamp of the file at `path` (see `file_stamp`), if it can be read.
fn stamp(path: &Path) -> Option<impl Hash + use<>> {
    std::fs::metadata(path).ok().as_ref().map(file_stamp)
}

/// What of a file's metadata changes when it is written or replaced: size,
/// modification and change times, and (on Unix) inode. The change time cannot
/// be set back by hand, so an edit that keeps size and modification time
/// still shows.
pub fn file_stamp(metadata: &Metadata) -> impl Hash + use<> {
    let modified = metadata
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
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
