//! The render stage: `SiteIndex` → `OutputFile`s through the theme's Tera templates.
//!
//! In: the `Templates` (compiled once) and the index. Out: every HTML page,
//! listing, taxonomy and archive page, plus the files copied as they are
//! (theme static files, bundle attachments). Each output is a `Job`, so a
//! later rebuild can redo only some. It writes nothing to disk.

pub mod context;
pub mod contexts;
mod feeds;
pub mod globals;
mod ics;
mod jobs;
mod listings;
pub mod outputs;
pub mod record;
mod shapes;
pub mod sitemap;
pub mod statement;
mod templates;
pub mod views;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::SiteIndex;
use crate::output::OutputFile;
pub use context::{SiteViews, Views};
pub use outputs::Job;
use record::{KeptRecord, Record, Shown};
pub use templates::{Labels, Templates, labels_in};

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
/// every template error, every clash of outputs and every error `each`
/// returns is reported together.
pub fn render_each<T: Send>(
    templates: &Templates,
    config: &Config,
    site: &SiteIndex,
    each: impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync,
) -> Result<Vec<T>, Diagnostics> {
    let views = SiteViews::new(config, site, &templates.labels);
    let made = render_chosen(templates, &views, each, |_| true);
    views.free_aside();
    Ok(made?.done)
}

/// `render_all`, with what each output showed (`record`), by output path.
pub fn render_recorded(
    templates: &Templates,
    config: &Config,
    site: &SiteIndex,
) -> Result<(Vec<OutputFile>, Record), Diagnostics> {
    let views = SiteViews::new(config, site, &templates.labels).recording();
    let made = render_chosen(templates, &views, Ok, |_| true);
    views.free_aside();
    let made = made?;
    Ok((made.done, made.record))
}

/// `render_each`, with what each output showed, as a build keeps it for the next.
pub fn render_each_kept<T: Send>(
    templates: &Templates,
    config: &Config,
    site: &SiteIndex,
    each: impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync,
) -> Result<(Vec<T>, KeptRecord), Diagnostics> {
    let views = SiteViews::new(config, site, &templates.labels).recording();
    let made = render_chosen(templates, &views, each, |_| true)?;
    let kept = made.record.kept(&views);
    views.free_aside();
    Ok((made.done, kept))
}

/// What `render_chosen` made.
pub struct Made<T> {
    /// What `each` returned for each output rendered and each file copied.
    pub done: Vec<T>,
    /// What the outputs rendered showed.
    pub record: Record,
    /// The outputs not chosen, with their paths: they stand as they were.
    pub skipped: Vec<(Job, String)>,
}

/// Renders the outputs whose path `choose` picks, handing each file to `each`
/// on the thread that made it, then the copied files (all of them); every
/// template error, every clash of outputs and every error `each` returns is
/// reported together.
pub fn render_chosen<T: Send>(
    templates: &Templates,
    views: &SiteViews<'_>,
    each: impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync,
    choose: impl Fn(&str) -> bool + Sync,
) -> Result<Made<T>, Diagnostics> {
    let (config, site) = (views.config, views.site);
    let jobs = Job::all(config, site);
    // The static files are the default language's to copy, for every language.
    let own_statics = config.is_default_language();
    let mut copied = copied_files(templates, site, own_statics);
    // The editor's files (`/admin/`), when site.yaml asks for it.
    let editor = match own_statics {
        true => crate::editor::files(config, site),
        false => Ok(Vec::new()),
    };
    let editor_errors = match editor {
        Ok(files) => {
            copied.extend(files);
            Diagnostics::new()
        }
        Err(errors) => errors,
    };
    let paths: Vec<String> = jobs.par_iter().map(|job| job.path(site)).collect();
    let statics = templates.statics.keys().filter(|_| own_statics);
    let statics: Vec<&str> = statics.map(String::as_str).collect();
    // A clashing output is left out, so the rest still renders and reports its own errors.
    let Clashes {
        left_out,
        mut diagnostics,
    } = clashes(config, site, &jobs, &paths, &statics);
    diagnostics.extend(editor_errors);
    let (chosen, skipped): (Vec<usize>, Vec<usize>) = (0..jobs.len())
        .filter(|n| !left_out.contains(n))
        .partition(|&n| choose(&paths[n]));
    type Result1<T> = Result<(T, Option<(Job, Shown)>), Diagnostic>;
    let rendered: Vec<Result1<T>> = chosen
        .par_iter()
        .map(|&n| {
            let (file, shown) = render_job(templates, views, jobs[n])?;
            Ok((each(file)?, Some((jobs[n], shown))))
        })
        .chain(by_picture(copied).into_par_iter().flat_map_iter(|group| {
            // A picture's files are made from one decode of it, then written.
            crate::images::prepare(group.iter().filter_map(picture_of));
            group.into_iter().map(|file| Ok((each(file)?, None)))
        }))
        .collect();
    let mut done = Vec::with_capacity(rendered.len());
    let mut record = Record::default();
    let mut seen_errors: BTreeSet<String> = BTreeSet::new();
    for result in rendered {
        match result {
            Ok((file, shown)) => {
                done.push(file);
                if let Some((job, shown)) = shown.filter(|_| views.records()) {
                    record.insert(job.path(site), job, shown);
                }
            }
            Err(d) => {
                // One broken template fails every page that uses it: say it once.
                if seen_errors.insert(d.render_plain()) {
                    diagnostics.push(d);
                }
            }
        }
    }
    diagnostics.into_result()?;
    let skipped = skipped
        .into_iter()
        .map(|n| (jobs[n], paths[n].clone()))
        .collect();
    Ok(Made {
        done,
        record,
        skipped,
    })
}

/// Renders one output, with what it showed.
pub fn render_job(
    templates: &Templates,
    views: &SiteViews<'_>,
    job: Job,
) -> Result<(OutputFile, Shown), Diagnostic> {
    let output = views.output();
    let file = job.render(templates, &output)?;
    Ok((file, output.finish()))
}

/// What `clashes` found.
#[derive(Debug, Default)]
pub struct Clashes {
    /// Positions in the jobs of outputs to leave out.
    pub left_out: BTreeSet<usize>,
    /// The errors, each at the page (and line) or file that asked for the path.
    pub diagnostics: Diagnostics,
}

/// Every clash among the outputs: two on one path, one where another needs a
/// folder (an alias `atom.xml` over the feed), or a file from content/ over
/// a static file (a page's `js/search.js` over the theme's script). A static
/// file of the site's own (`static/robots.txt`) replaces the output arkiv
/// would make, without an error. `statics` are the static files' paths.
pub fn clashes(
    config: &Config,
    site: &SiteIndex,
    jobs: &[Job],
    paths: &[String],
    statics: &[&str],
) -> Clashes {
    let mut found = Clashes::default();
    let mut files: rustc_hash::FxHashMap<&str, Owner> = Default::default();
    files.extend(statics.iter().map(|path| (*path, Owner::Static)));
    if config.search {
        files.insert(crate::routes::SEARCH_BUNDLE, Owner::Static);
    }
    let content: Vec<OutputFile> = content_files(site).collect();
    for file in &content {
        match files.get(file.path.as_str()) {
            Some(Owner::Static) => found.diagnostics.push(replaces_static(config, file)),
            _ => {
                files.insert(&file.path, Owner::Content);
            }
        }
    }
    // Shallow paths first, so a file is known before any output under it as a folder.
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&n| paths[n].matches('/').count());
    for n in order {
        let (job, path) = (&jobs[n], &paths[n]);
        let taken = match files.get(path.as_str()) {
            Some(owner) => Some((*owner, path.as_str())),
            None => {
                // A file where this output needs a folder: `atom.xml` under `atom.xml/index.html`.
                let mut folders = path.match_indices('/').map(|(i, _)| &path[..i]);
                folders.find_map(|folder| files.get(folder).map(|owner| (*owner, folder)))
            }
        };
        match taken {
            None => {
                files.insert(path, Owner::Job(n));
                continue;
            }
            Some((Owner::Static, taken)) if taken == path && !job.is_page_like() => {}
            Some((owner, taken)) => found
                .diagnostics
                .push(clash(site, jobs, *job, owner, taken)),
        }
        found.left_out.insert(n);
    }
    found
}

fn replaces_static(config: &Config, file: &OutputFile) -> Diagnostic {
    let source = match &file.contents {
        crate::output::Contents::Copy(source) => config.site.display(source),
        crate::output::Contents::Picture(picture) => config.site.display(&picture.source),
        crate::output::Contents::Bytes(_) => file.path.clone(),
    };
    Diagnostic::error(t!("render-replaces-static", path = &file.path))
        .in_file(source)
        .hint(t!("render-replaces-static-hint"))
}

/// Who writes an output path.
#[derive(Debug, Clone, Copy)]
enum Owner {
    /// An output made by a job, by its position.
    Job(usize),
    /// A static file, or the search index.
    Static,
    /// A file from content/: an attachment or a loose file.
    Content,
}

/// The error for `job`, whose path clashes with `taken`, written by `owner`.
fn clash(site: &SiteIndex, jobs: &[Job], job: Job, owner: Owner, taken: &str) -> Diagnostic {
    let other = match owner {
        Owner::Job(m) => Some(jobs[m]),
        Owner::Static | Owner::Content => None,
    };
    let page_of = |job: Job| match job {
        Job::Alias(id, n) => Some((&site.pages[id], "aliases", Some(n))),
        Job::Page(id) => Some((&site.pages[id], "slug", None)),
        _ => None,
    };
    let Some((page, key, alias)) = page_of(job).or_else(|| other.and_then(page_of)) else {
        return Diagnostic::error(t!("render-two-outputs", path = taken))
            .hint(t!("render-two-outputs-hint"));
    };
    let located = |page: &Page, key: &str, alias: Option<usize>| {
        let line = page.front.key_lines.get(key).copied();
        match alias {
            Some(n) => crate::content::locate_value(&page.source, line, &page.front.aliases[n]),
            None => (line.unwrap_or(1), 1),
        }
    };
    let (line, column) = located(page, key, alias);
    let by = match other.and_then(page_of) {
        Some((other, key, alias)) if !std::ptr::eq(other, page) => {
            Some((&other.display_path, located(other, key, alias).0))
        }
        _ => None,
    };
    let message = match (alias, by) {
        (Some(n), Some((other, other_line))) => t!(
            "render-alias-clash-page",
            alias = &page.front.aliases[n],
            path = taken,
            other = other,
            line = other_line
        ),
        (Some(n), None) => t!(
            "render-alias-clash-site",
            alias = &page.front.aliases[n],
            path = taken
        ),
        (None, Some((other, other_line))) => t!(
            "render-url-clash-page",
            url = &page.path,
            path = taken,
            other = other,
            line = other_line
        ),
        (None, None) => t!("render-url-clash-site", url = &page.path, path = taken),
    };
    Diagnostic::error(message)
        .at_line(&page.display_path, &page.source, line, column)
        .hint(t!("render-clash-hint"))
}

/// Files copied as they are: the theme's static files, then the site's
/// (which win), then the files from content/ that are published, except
/// those that would replace a static file (an error, see `clashes`).
fn copied_files(templates: &Templates, site: &SiteIndex, statics: bool) -> Vec<OutputFile> {
    let mut by_path: BTreeMap<String, OutputFile> = static_files(templates)
        .filter(|_| statics)
        .map(|file| (file.path.clone(), file))
        .collect();
    for file in content_files(site) {
        by_path.entry(file.path.clone()).or_insert(file);
    }
    by_path.into_values().collect()
}

/// The theme's static files and the site's own `static/`, which wins on a
/// clash, as listed when the templates were loaded.
pub fn static_files(templates: &Templates) -> impl Iterator<Item = OutputFile> + '_ {
    templates
        .statics
        .iter()
        .map(|(name, path)| OutputFile::copy(name, path))
}

/// The files from content/ that are published: bundle files beside their pages, then loose files.
pub fn content_files(site: &SiteIndex) -> impl Iterator<Item = OutputFile> + '_ {
    let bundles = (0..site.pages.len()).flat_map(|id| asset_files(site, id));
    let loose = site.published_files.iter();
    bundles.chain(loose.map(|file| loose_file(site, file)))
}

/// A published file outside bundles: as it is, but a picture encoded again
/// at its own name and size, without the metadata a camera wrote.
pub fn loose_file(site: &SiteIndex, file: &crate::content::Asset) -> OutputFile {
    let probe = crate::images::is_raster(&file.name)
        .then(|| crate::images::probe(&file.source).ok())
        .flatten();
    match probe {
        Some(probe) => picture_file(
            file.name.clone(),
            &file.source,
            crate::images::original(&file.name, &probe),
            &site.image_cache,
        ),
        None => OutputFile::copy(&file.name, &file.source),
    }
}

fn picture_file(
    path: String,
    source: &std::path::Path,
    variant: crate::images::Variant,
    cache: &crate::images::ImageCache,
) -> OutputFile {
    OutputFile {
        path,
        contents: crate::output::Contents::Picture(std::sync::Arc::new(
            crate::images::PictureFile {
                source: source.to_path_buf(),
                variant,
                cache: cache.clone(),
            },
        )),
    }
}

/// The published files of page `id`'s bundle, beside the page. A picture
/// is published in its widths (`images::plan`), the page's own picture also
/// in its sharing size, and
/// at its own name only when listed in `attachments`: encoded again,
/// without metadata, unless the listing says `keep_original: true`.
pub fn asset_files(site: &SiteIndex, id: crate::index::PageId) -> Vec<OutputFile> {
    let page = &site.pages[id];
    let cache = &site.image_cache;
    let mut files = Vec::new();
    for asset in &site.attachments[id] {
        let at = |name: &str| format!("{}{}", page.path, name);
        let listed = page.front.attachments.iter().find(|a| a.file == asset.name);
        let probe = crate::images::is_raster(&asset.name)
            .then(|| crate::images::probe(&asset.source).ok())
            .flatten();
        let Some(probe) = probe else {
            files.push(OutputFile::copy(at(&asset.name), &asset.source));
            continue;
        };
        let mut variants = crate::images::plan(&asset.name, &probe);
        // The file shared on social media is the page's own picture's.
        if page
            .front
            .image
            .as_ref()
            .is_some_and(|i| i.src == asset.name)
        {
            variants.push(crate::images::share(&asset.name, &probe));
        }
        match listed {
            Some(listing) if listing.keep_original => {
                files.push(OutputFile::copy(at(&asset.name), &asset.source));
            }
            Some(_) => variants.push(crate::images::original(&asset.name, &probe)),
            None => {}
        }
        variants.sort();
        variants.dedup_by(|a, b| a.name == b.name);
        files.extend(
            variants
                .into_iter()
                .map(|variant| picture_file(at(&variant.name), &asset.source, variant, cache)),
        );
    }
    files
}

fn picture_of(file: &OutputFile) -> Option<&crate::images::PictureFile> {
    match &file.contents {
        crate::output::Contents::Picture(picture) => Some(picture),
        _ => None,
    }
}

/// The files in groups to write: a picture's files together, every other
/// file alone.
fn by_picture(files: Vec<OutputFile>) -> Vec<Vec<OutputFile>> {
    let mut groups: Vec<Vec<OutputFile>> = Vec::new();
    let mut of_source: BTreeMap<std::path::PathBuf, usize> = BTreeMap::new();
    for file in files {
        let source = picture_of(&file).map(|p| p.source.clone());
        match source {
            Some(source) => {
                let n = *of_source.entry(source).or_insert_with(|| {
                    groups.push(Vec::new());
                    groups.len() - 1
                });
                groups[n].push(file);
            }
            None => groups.push(vec![file]),
        }
    }
    groups
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
