//! arkiv: a static site generator for programme documentation and conference archives.
//!
//! `build()` is the whole pipeline: load → parse → index → render → write,
//! with the stages in `pipeline`. Each stage is a module with plain data in and out.

#![allow(
    clippy::result_large_err,
    reason = "a Diagnostic is made only on the error path; boxing it would add noise, not speed"
)]

pub mod cache;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod fs;
pub mod index;
pub mod markdown;
pub mod new;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod routes;
pub mod search;
pub mod serve;
pub mod text;
pub mod timing;
pub mod yaml;

use std::time::{Duration, Instant};

use crate::cache::Freshness;
pub use crate::config::BuildOptions;
pub use crate::content::page::today_in_stockholm;
use crate::diagnostics::Diagnostics;
pub use crate::pipeline::{
    Prepared, load_config, prepare, prepare_loaded, render_files, render_site,
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
}

/// Builds the site at `opts.root` into its output folder; on failure the output is untouched.
///
/// When nothing the build reads has changed since the last clean build into
/// the same output (same fingerprint, see `cache`), the output is left as it is.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, Diagnostics> {
    let started = Instant::now();
    let output_dir = opts.output_dir();
    output::check_output(&opts.root, &output_dir).map_err(Diagnostics::from)?;
    let config = load_config(opts)?;
    let today = opts.today.unwrap_or_else(today_in_stockholm);
    let (content, stamp) =
        match cache::freshness(&config, opts.base_url.as_deref(), today, &output_dir)? {
            Freshness::UpToDate(stamp) => {
                output::remove_leftovers(&output_dir);
                return Ok(BuildReport::up_to_date(&stamp, started));
            }
            Freshness::Stale(content, stamp) => (content, stamp),
        };
    let prepared = prepare_loaded(opts, config, content)?;
    let pages = prepared.site.listed_pages().count();
    // A build with warnings is not remembered, so the next one shows them again.
    let stamp = prepared.warnings.is_empty().then_some(stamp);
    let files = output::publish(&opts.root, &output_dir, stamp, pages, |write| {
        pipeline::render_into(&prepared, write)
    })?;
    Ok(BuildReport {
        pages,
        files,
        warnings: prepared.warnings,
        elapsed: started.elapsed(),
        is_up_to_date: false,
    })
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
        }
    }
}
