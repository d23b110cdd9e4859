//! The site's fingerprint: a hash of everything a build reads, so a build
//! whose inputs have not changed since the last one into the same output can
//! leave that output as it is.
//!
//! In: the configuration and the loaded content. Out: a hex
//! string kept in the output's marker file. Files are hashed by content
//! (Markdown, site.yaml) or by their stamp: size, times and inode
//! (attachments, the theme), and so is the arkiv binary itself. The clock
//! counts through the stamp's `until`: the next moment at which the output
//! changes by itself (`SiteIndex::next_change`). It decides nothing about
//! partial rebuilds.
//!
//! A second, cheaper fingerprint hashes content/ as listed (each file's path,
//! size, times and inode) instead of its text, so that a build with nothing
//! changed need not read the content at all.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;

use jiff::Timestamp;
use rayon::prelude::*;

use crate::config::{CONFIG_FILE, Config};
use crate::content::Content;
use crate::content::load::Listing;
use crate::diagnostics::Diagnostics;
use crate::output::BuildStamp;

/// Everything a build reads but content/: arkiv itself, site.yaml, the
/// options, the theme and static files; hashed once, for both fingerprints.
pub struct Inputs {
    hasher: DefaultHasher,
    /// The same by the files' text rather than their stamps (see `settled`).
    settled: u64,
}

impl Inputs {
    /// Hashes the inputs of a build with `config`; `base_url` is the
    /// command line's, if it gave one.
    pub fn new(config: &Config, base_url: Option<&str>) -> Self {
        let mut hasher = DefaultHasher::new();
        let mut settled = DefaultHasher::new();
        let exe = std::env::current_exe().ok();
        (env!("CARGO_PKG_VERSION"), exe.as_deref().and_then(stamp)).hash(&mut hasher);
        (
            env!("CARGO_PKG_VERSION"),
            exe.as_deref().and_then(size_and_time),
        )
            .hash(&mut settled);
        let site_yaml = config
            .site
            .read(&config.root.join(CONFIG_FILE), crate::fs::MAX_TEXT_BYTES)
            .ok();
        let options = (config.drafts, config.future, base_url);
        (&site_yaml, options).hash(&mut hasher);
        (&site_yaml, options).hash(&mut settled);
        for (dir, rendered) in [
            (config.theme_dir(), true),
            (config.root.join("templates"), true),
            (config.static_dir(), false),
        ] {
            let (files, refused) = config.site.files_under(&dir);
            for (name, path) in files {
                (&name, stamp(&path)).hash(&mut hasher);
                // What is rendered by its text; what is copied, by its size
                // (a build compares each copy with the output's anyway).
                match rendered {
                    true => (
                        &name,
                        config.site.read(&path, crate::fs::MAX_TEXT_BYTES).ok(),
                    )
                        .hash(&mut settled),
                    false => {
                        (&name, std::fs::metadata(&path).ok().map(|m| m.len())).hash(&mut settled)
                    }
                }
            }
            // A refused link changes the fingerprint, so the build that reports it runs.
            for diagnostic in refused.iter() {
                diagnostic.render_plain().hash(&mut hasher);
                diagnostic.render_plain().hash(&mut settled);
            }
        }
        // With dates from git, a new commit or ignore list can change "last updated".
        if config.updated_from_git {
            crate::content::history::head(&config.root).hash(&mut hasher);
            let ignored = config.root.join(crate::content::history::IGNORE_REVS);
            let ignored = config
                .site
                .read_optional(&ignored, crate::fs::MAX_TEXT_BYTES);
            ignored.ok().flatten().hash(&mut hasher);
        }
        Inputs {
            hasher,
            settled: settled.finish(),
        }
    }

    /// The digest of the inputs with what is rendered by its text: what the
    /// next build may take over from this one (`pipeline::kept`) must have
    /// been made with the same, while what depends on the moment is in the
    /// record of each output.
    pub fn settled(&self) -> u64 {
        self.settled
    }

    /// The fingerprint with content/ as listed: its files' paths and stamps
    /// instead of their text. It changes whenever `with_content` does, and
    /// also when a file is only touched or copied back unchanged (then the
    /// build reads the content and compares `with_content`).
    pub fn with_listing(&self, listing: &Listing) -> String {
        let mut hasher = self.hasher.clone();
        listing.digest.hash(&mut hasher);
        format!("{:016x}", hasher.finish())
    }

    /// The fingerprint with content/ as read: the pages' text, and the stamps
    /// of the other files (attachments, loose files) as the listing found them.
    pub fn with_content(&self, content: &Content) -> String {
        let mut hasher = self.hasher.clone();
        // Each page is hashed on any free thread; their hashes, in order, go in.
        let pages: Vec<u64> = content
            .pages
            .par_iter()
            .map(|source| {
                let mut page = DefaultHasher::new();
                (&source.content_path, &*source.text).hash(&mut page);
                page.finish()
            })
            .collect();
        pages.hash(&mut hasher);
        content.files_digest.hash(&mut hasher);
        format!("{:016x}", hasher.finish())
    }
}

/// The size and modification time of the file at `path`: what a copy that
/// keeps its time (as a restored CI cache does) keeps too.
fn size_and_time(path: &Path) -> Option<(u64, Option<std::time::SystemTime>)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()))
}

/// The stamp of the file at `path` (see `fs::file_stamp`), if it can be read.
fn stamp(path: &Path) -> Option<impl Hash + use<>> {
    std::fs::metadata(path)
        .ok()
        .as_ref()
        .map(crate::fs::file_stamp)
}

/// What the fingerprints say of a build into an output folder.
pub enum Freshness {
    /// Nothing the build reads has changed: the output stands as it is.
    UpToDate(BuildStamp),
    /// Something changed (or the moment came when the output changes by
    /// itself): the content, read, the stamp to leave after a clean build,
    /// and `Inputs::settled`.
    Stale(Content, BuildStamp, u64),
}

/// Compares the site at moment `now` with the last clean build into
/// `output`: first as listed, then (when only stamps changed, as after a
/// fresh checkout) as read.
pub fn freshness(
    config: &Config,
    base_url: Option<&str>,
    now: Timestamp,
    output: &Path,
) -> Result<Freshness, Diagnostics> {
    // An output whose next change has come is not up to date, whatever else.
    let previous = crate::output::previous_build(output)
        .filter(|p| p.until.is_none_or(|until| now.as_second() < until));
    // Counting the output's files walks it: done only when a stamp matches.
    let intact = |previous: &BuildStamp| crate::output::file_count(output) == previous.files;
    let listing = crate::content::load::list(config)?;
    let inputs = Inputs::new(config, base_url);
    let listed = inputs.with_listing(&listing);
    let clean = !listing.diagnostics.has_errors();
    // Nothing listed has changed: the content need not even be read.
    if let Some(previous) = previous
        .as_ref()
        .filter(|p| p.listing == listed && clean && intact(p))
    {
        return Ok(Freshness::UpToDate(previous.clone()));
    }
    let content = crate::content::load::read(config, listing);
    let fingerprint = inputs.with_content(&content);
    if let Some(previous) = previous
        && previous.fingerprint == fingerprint
        && !content.diagnostics.has_errors()
        && intact(&previous)
    {
        let stamp = BuildStamp {
            listing: listed,
            ..previous
        };
        // Not restamped, the next build reads the content again, as this one did.
        let _ = crate::output::restamp(output, &stamp);
        return Ok(Freshness::UpToDate(stamp));
    }
    let stamp = BuildStamp {
        fingerprint,
        listing: listed,
        pages: 0,
        files: 0,
        until: None,
    };
    Ok(Freshness::Stale(content, stamp, inputs.settled()))
}
