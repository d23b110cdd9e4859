//! The render stage: `SiteIndex` → `OutputFile`s through the theme's Tera templates.
//!
//! In: the `Templates` (compiled once) and the index. Out: every HTML page,
//! listing, taxonomy and archive page, plus the files copied as they are
//! (theme static files, bundle attachments). Each output is a `Job`, so a
//! later rebuild can redo only some. It writes nothing to disk.

pub mod context;
mod ics;
mod jobs;
mod templates;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Diagnostics};
pub use crate::index::Job;
use crate::index::SiteIndex;
use crate::output::OutputFile;
pub use context::Views;
pub use templates::{Labels, Templates, files_under};

/// Renders every output of the site; every template error is reported.
pub fn render_all(
    templates: &Templates,
    config: &Config,
    site: &SiteIndex,
) -> Result<Vec<OutputFile>, Diagnostics> {
    render_each(templates, config, site, Ok)
}

/// Renders every output of the site and hands each file to `each` on the
/// thread that made it (to write it at once, say), then the copied files;
/// every template error, and every error `each` returns, is reported.
pub fn render_each<T: Send>(
    templates: &Templates,
    config: &Config,
    site: &SiteIndex,
    each: impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync,
) -> Result<Vec<T>, Diagnostics> {
    let jobs = Job::all(config, site);
    check_outputs(site, &jobs)?;
    let views = Views::new(config, site, &templates.labels);
    let copied = copied_files(templates, config, site);
    let results: Vec<Result<T, Diagnostic>> = jobs
        .par_iter()
        .map(|job| job.render(templates, &views).and_then(&each))
        .chain(copied.into_par_iter().map(&each))
        .collect();
    let mut done = Vec::with_capacity(results.len());
    let mut diagnostics = Diagnostics::new();
    let mut seen_errors: BTreeSet<String> = BTreeSet::new();
    for result in results {
        match result {
            Ok(file) => done.push(file),
            Err(d) => {
                // One broken template fails every page that uses it: say it once.
                if seen_errors.insert(d.render_plain()) {
                    diagnostics.push(d);
                }
            }
        }
    }
    diagnostics.into_result()?;
    Ok(done)
}

/// Fails when two outputs would be written to one path (an alias over a listing, say).
pub fn check_outputs(site: &SiteIndex, jobs: &[Job]) -> Result<(), Diagnostics> {
    let paths: Vec<String> = jobs.par_iter().map(|job| job.path(site)).collect();
    check_paths(site, jobs, &paths)
}

/// `check_outputs` with the jobs' output paths already worked out.
pub fn check_paths(site: &SiteIndex, jobs: &[Job], paths: &[String]) -> Result<(), Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    for (first, second) in crate::index::deps::clashing_outputs(jobs, paths) {
        let path = second.path(site);
        let page = [second, first].into_iter().find_map(|job| match job {
            Job::Alias(id, _) | Job::Page(id) => Some(&site.pages[id]),
            _ => None,
        });
        let diagnostic = Diagnostic::error(format!("two outputs would be written to /{path}"));
        diagnostics.push(match page {
            Some(page) => {
                let line = page.front.key_lines.get("aliases").or(page.front.key_lines.get("slug")).copied().unwrap_or(1);
                diagnostic
                    .at_line(&page.display_path, &page.source, line, 1)
                    .hint("an alias or slug may not take a path the site makes itself (listings, feeds, the calendar)")
            }
            None => diagnostic.hint("rename the page or term whose path collides"),
        });
    }
    diagnostics.into_result().map(|_| ())
}

/// Files copied as they are: the theme's static files, then the site's (which win),
/// then bundle attachments and loose content files.
fn copied_files(templates: &Templates, config: &Config, site: &SiteIndex) -> Vec<OutputFile> {
    let mut by_path: BTreeMap<String, OutputFile> = BTreeMap::new();
    for file in static_files(templates, config) {
        by_path.insert(file.path.clone(), file);
    }
    for page in &site.pages {
        for file in asset_files(page) {
            by_path.insert(file.path.clone(), file);
        }
    }
    for file in &site.files {
        by_path.insert(
            file.name.clone(),
            OutputFile::copy(&file.name, &file.source),
        );
    }
    by_path.into_values().collect()
}

/// The theme's static files and the site's own `static/`, which wins on a clash.
pub fn static_files(templates: &Templates, config: &Config) -> Vec<OutputFile> {
    let mut by_path: BTreeMap<String, OutputFile> = BTreeMap::new();
    for dir in [templates.static_dir.clone(), config.static_dir()] {
        for (name, path) in templates::files_under(&dir) {
            by_path.insert(name.clone(), OutputFile::copy(name, path));
        }
    }
    by_path.into_values().collect()
}

/// A page bundle's files, published beside the page.
pub fn asset_files(page: &Page) -> Vec<OutputFile> {
    page.assets
        .iter()
        .map(|asset| OutputFile::copy(format!("{}{}", page.path, asset.name), &asset.source))
        .collect()
}

/// One page of a paginated listing, as templates see it.
#[derive(Debug, Clone, Serialize)]
pub struct Paginator<T: Serialize> {
    /// This page's items.
    pub items: Vec<T>,
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages there are.
    pub count: usize,
    /// How many items in all.
    pub total: usize,
    /// The number (from 1) of this page's first item; 0 when there are none.
    pub first: usize,
    /// The number of this page's last item.
    pub last: usize,
    /// The previous page's URL.
    pub previous: Option<String>,
    /// The next page's URL.
    pub next: Option<String>,
    /// Every page's number and URL.
    pub links: Vec<PageLink>,
}

/// A numbered link in a paginator.
#[derive(Debug, Clone, Serialize)]
pub struct PageLink {
    /// The page number.
    pub number: usize,
    /// Its URL.
    pub url: String,
    /// True for the page being shown.
    pub is_current: bool,
    /// True when numbers are left out before this one (show "…").
    pub is_after_gap: bool,
}
