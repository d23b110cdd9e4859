//! arkiv: a static site generator for programme documentation and conference archives.
//!
//! `build()` is the whole pipeline: load → parse → index → render → write,
//! with the stages in `pipeline`. Each stage is a module with plain data in and out.

#![allow(
    clippy::result_large_err,
    reason = "a Diagnostic is made only on the error path; boxing it would add noise, not speed"
)]

#[macro_use]
pub mod i18n;

pub mod browser;
pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod documents;
pub mod editor;
pub mod fs;
pub mod images;
pub mod import;
pub mod index;
pub mod markdown;
pub mod new;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod routes;
pub mod rules;
pub mod search;
pub mod serve;
pub mod shortcodes;
pub mod text;
pub mod timing;
pub mod yaml;

use std::time::{Duration, Instant};

use crate::cache::Freshness;
pub use crate::config::BuildOptions;
pub use crate::content::page::today_in_stockholm;
use crate::diagnostics::Diagnostics;
use crate::pipeline::kept::Kept;
pub use crate::pipeline::{
    Prepared, load_config, prepare, prepare_loaded, render_files, render_site,
    render_site_to_review,
};

/// What a build made.
#[derive(Debug)]
pub struct BuildReport {
    /// Published pages.
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Warnings from every stage.
    pub warnings: Diagnostics,
    /// How long it took.
    pub elapsed: Duration,
    /// True when nothing had changed and the output was left as it was.
    pub is_up_to_date: bool,
    /// When the output was updated in place (only what changed since the
    /// last build made again), how many files were written.
    pub updated: Option<usize>,
    /// True when site.yaml takes dates from git but there was no git, or
    /// the site is not in a repository: the dates are the front matter's.
    pub no_history: bool,
}

/// Builds the site at `opts.root` into its output folder; on failure the output is untouched.
///
/// When nothing the build reads has changed since the last clean build into
/// the same output (same fingerprint, see `cache`), the output is left as it
/// is. When the last build kept what it made (`pipeline::kept`) for this
/// output as it stands, only the bodies and outputs that changed are made
/// again, and the output is updated in place.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let mut clock = timing::Stopwatch::from_env();
    let output_dir = opts.output_dir();
    output::check_output(&opts.root, &output_dir).map_err(Diagnostics::from)?;
    let config = load_config(opts)?;
    let now = opts.now();
    let (content, stamp, inputs) =
        match cache::freshness(&config, opts.base_url.as_deref(), now, &output_dir)? {
            Freshness::UpToDate(stamp) => {
                output::remove_leftovers(&output_dir);
                return Ok(BuildReport::up_to_date(&stamp, started));
            }
            Freshness::Stale(content, stamp, inputs) => (content, stamp, inputs),
        };
    clock.lap("read");
    let output_path = output::absolute(&output_dir);
    // A site in several languages is made whole when anything changed: what
    // its outputs showed is kept for one language only.
    let multilingual = config.is_multilingual();
    let kept = output::build_id(&output_dir)
        .filter(|_| !multilingual)
        .and_then(|build| Kept::load(&config.site, &output_path, &build, inputs));
    clock.lap("kept");
    // Files deleted from the output by hand are made again by a full build.
    let kept = kept.filter(|(kept, _)| output::file_count(&output_dir) == kept.files.len());
    clock.lap("count");
    let (kept, bodies) = kept.unzip();
    let opts = &BuildOptions {
        now: Some(now),
        ..opts.clone()
    };
    let (prepared, reuse) = pipeline::prepare_reusing(opts, config, content, bodies)?;
    clock.lap("prepared");
    let mut stamp = stamp;
    stamp.until = prepared.site.next_change().map(|t| t.as_second());
    let pages = prepared.page_count();
    // A build with warnings is not remembered, so the next one shows them again.
    let stamp = prepared.warnings.is_empty().then_some(stamp);
    let build = output::new_build_id();
    let updated = match &kept {
        Some(kept) => {
            let marker = (stamp.clone(), build.as_str());
            update_output(&prepared, kept, reuse.dirty, &output_dir, marker)?
        }
        None => None,
    };
    clock.lap("updated");
    let site = (&prepared.site, &prepared.links);
    let (files, updated) = match updated {
        Some(Updated {
            written,
            paths,
            record,
        }) => {
            let last = kept.as_ref().map(|kept| (kept, &reuse.reused));
            if let Some(bodies) = Kept::save_bodies(&opts.root, inputs, site, last) {
                let keep = (build.as_str(), &paths[..], &record);
                Kept::save(&opts.root, (&output_path, inputs), keep, &bodies);
            }
            (paths.len(), Some(written))
        }
        None => {
            // The bodies are kept while the outputs are written.
            let (bodies, published) = std::thread::scope(|scope| {
                let bodies = scope.spawn(|| {
                    let keep = !multilingual;
                    keep.then(|| Kept::save_bodies(&opts.root, inputs, site, None))
                        .flatten()
                });
                let published = publish_whole(opts, &prepared, &output_path, (stamp, &build));
                clock.lap("published");
                (bodies.join().ok().flatten(), published)
            });
            clock.lap("bodies kept");
            let (files, paths, record) = published?;
            if let Some(bodies) = bodies {
                let keep = (build.as_str(), &paths[..], &record);
                Kept::save(&opts.root, (&output_path, inputs), keep, &bodies);
            }
            (files, None)
        }
    };
    if let Some(Ok(history)) = &prepared.history {
        history.keep(&opts.root);
    }
    clock.lap("published and kept");
    let no_history = matches!(
        prepared.history,
        Some(Err(crate::content::history::NoHistory::Absent))
    );
    let mut prepared = prepared;
    let warnings = std::mem::take(&mut prepared.warnings);
    timing::free_aside(prepared);
    Ok(BuildReport {
        pages,
        files,
        updated,
        no_history,
        warnings,
        elapsed: started.elapsed(),
        is_up_to_date: false,
    })
}

/// What `update_output` did.
struct Updated {
    /// Files written.
    written: usize,
    /// Every file of the output.
    paths: Vec<String>,
    record: render::record::KeptRecord,
}

/// Updates the output that the build `kept` made: renders what changed since
/// (`dirty` pages, and what the record says reads otherwise) and writes what
/// differs. `None` when the output could not be updated in place, or more
/// files changed than are replaced one by one: then a full build follows.
fn update_output(
    prepared: &Prepared,
    kept: &Kept,
    dirty: rustc_hash::FxHashSet<render::record::PageKey>,
    output: &std::path::Path,
    (stamp, build): (Option<output::BuildStamp>, &str),
) -> Result<Option<Updated>, Diagnostics> {
    let changed = pipeline::render_changed(prepared, &kept.record, dirty)?;
    let made: std::collections::HashSet<&str> = changed.paths.iter().map(String::as_str).collect();
    let gone: Vec<String> = kept
        .files
        .iter()
        .filter(|path| !made.contains(path.as_str()))
        .cloned()
        .collect();
    let stamp = stamp.map(|stamp| output::BuildStamp {
        pages: prepared.page_count(),
        files: changed.paths.len(),
        ..stamp
    });
    let total = changed.paths.len();
    let written = output::update(
        output,
        (&changed.files, total),
        &gone,
        (stamp.as_ref(), build),
    );
    // A file that could not be written, or too many to replace one by one: a full build follows.
    match written {
        Ok(output::Updated::Written(written)) => Ok(Some(Updated {
            written,
            paths: changed.paths,
            record: changed.record,
        })),
        Ok(output::Updated::TooMany) | Err(_) => Ok(None),
    }
}

/// Publishes the whole site into a fresh folder swapped in for the output.
/// Returns how many files were written, their paths and what each output showed.
fn publish_whole(
    opts: &BuildOptions,
    prepared: &Prepared,
    output_path: &std::path::Path,
    (stamp, build): (Option<output::BuildStamp>, &str),
) -> Result<(usize, Vec<String>, render::record::KeptRecord), Diagnostics> {
    let pages = prepared.page_count();
    let (files, (paths, record)) =
        output::publish(&opts.root, output_path, (stamp, build), pages, |write| {
            pipeline::render_kept(prepared, |file| {
                let path = file.path.clone();
                write(file).map(|()| path)
            })
        })?;
    Ok((files, paths, record))
}

impl BuildReport {
    /// The report of a build that found the output up to date.
    fn up_to_date(stamp: &output::BuildStamp, started: Instant) -> Self {
        BuildReport {
            pages: stamp.pages,
            files: stamp.files,
            warnings: Diagnostics::new(),
            elapsed: started.elapsed(),
            is_up_to_date: true,
            updated: None,
            no_history: false,
        }
    }
}
