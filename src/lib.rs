//! arkiv: a static site generator for programme documentation and conference archives.
//!
//! `build()` is the whole pipeline: load → parse → index → render → write.
//! Each stage is a module with plain data in and out.

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
pub mod render;
pub mod routes;
pub mod search;
pub mod serve;
pub mod text;
pub mod yaml;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config::Config;
use crate::content::SourceFile;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::SiteIndex;
use crate::markdown::{Highlighter, LinkMap};
use crate::output::OutputFile;
use crate::render::Templates;

/// What to build, and how.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site's folder (with `site.yaml` and `content/`).
    pub root: PathBuf,
    /// Where to write; `root/public` when `None`.
    pub output: Option<PathBuf>,
    /// Build draft pages too.
    pub drafts: bool,
    /// Replaces `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// The day to count "upcoming" from; today in Stockholm when `None`.
    pub today: Option<Date>,
}

impl BuildOptions {
    /// Options for the site at `root` with everything else as default.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            ..BuildOptions::default()
        }
    }

    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

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
    let mut clock = Stopwatch::from_env();
    let output_dir = opts.output_dir();
    output::check_output(&opts.root, &output_dir).map_err(Diagnostics::from)?;
    let config = load_config(opts)?;
    let today = opts.today.unwrap_or_else(today_in_stockholm);
    let previous = output::previous_build(&output_dir);
    let listing = content::load::list(&config)?;
    let inputs = cache::Inputs::new(opts, &config, today);
    let listed = inputs.with_listing(&listing);
    clock.lap("list");
    let up_to_date = |previous: &output::BuildStamp| BuildReport {
        pages: previous.pages,
        files: previous.files,
        warnings: Diagnostics::new(),
        elapsed: started.elapsed(),
        is_up_to_date: true,
    };
    // Nothing listed has changed: the content need not even be read.
    if let Some(previous) = &previous
        && previous.listing == listed
        && !listing.diagnostics.has_errors()
        && output::file_count(&output_dir) == previous.files
    {
        output::remove_leftovers(&output_dir);
        return Ok(up_to_date(previous));
    }
    let content = content::load::read(&config, listing);
    clock.lap("read");
    let fingerprint = inputs.with_content(&content);
    clock.lap("hash");
    // Files touched but not changed (a fresh checkout, say): up to date too,
    // and the next build can tell from the listing.
    if let Some(previous) = previous
        && previous.fingerprint == fingerprint
        && !content.diagnostics.has_errors()
        && output::file_count(&output_dir) == previous.files
    {
        output::remove_leftovers(&output_dir);
        let stamp = output::BuildStamp {
            listing: listed,
            ..previous
        };
        // Not restamped, the next build reads the content again, as this one did.
        let _ = output::restamp(&output_dir, &stamp);
        return Ok(up_to_date(&stamp));
    }
    let prepared = prepare_loaded(opts, config, content)?;
    let with_warnings = |mut errors: Diagnostics| {
        errors.extend(prepared.warnings.clone());
        errors.sorted()
    };
    // Each file is written as soon as it is rendered, into a folder beside the
    // output; dropped unfinished (on an error), that folder is removed.
    let staging = output::Staging::create(&opts.root, &output_dir).map_err(with_warnings)?;
    render_into(&prepared, |file| staging.write(&file)).map_err(with_warnings)?;
    let mut clock = Stopwatch::from_env();
    let pages = prepared.site.listed_pages().count();
    let files = staging.written();
    // A build with warnings is not remembered, so the next one shows them again.
    let stamp = prepared.warnings.is_empty().then_some(output::BuildStamp {
        fingerprint,
        listing: listed,
        pages,
        files,
    });
    staging.finish(stamp.as_ref()).map_err(with_warnings)?;
    clock.lap("swap");
    Ok(BuildReport {
        pages,
        files,
        warnings: prepared.warnings,
        elapsed: started.elapsed(),
        is_up_to_date: false,
    })
}

/// Everything the stages made before rendering; `serve` keeps it to rebuild parts.
pub struct Prepared {
    /// The configuration, with the command line's settings.
    pub config: Config,
    /// Every Markdown file, read.
    pub sources: Vec<SourceFile>,
    /// Content paths of drafts left out.
    pub drafts: Vec<String>,
    /// The indexed site.
    pub site: SiteIndex,
    /// The compiled theme.
    pub templates: Templates,
    /// Syntax definitions for code blocks, loaded once.
    pub highlighter: Highlighter,
    /// Warnings from every stage.
    pub warnings: Diagnostics,
    /// The warnings of these that indexing gave (unknown terms).
    pub index_warnings: Diagnostics,
}

/// Runs every stage but `publish`: the site and its files in memory.
pub fn render_site(opts: &BuildOptions) -> Result<(Prepared, Vec<OutputFile>), Diagnostics> {
    let prepared = prepare(opts)?;
    let files = render_files(&prepared)?;
    Ok((prepared, files))
}

/// Renders every output of a prepared site, with the search index when it is on.
pub fn render_files(prepared: &Prepared) -> Result<Vec<OutputFile>, Diagnostics> {
    render_into(prepared, Ok)
}

/// `render_files`, handing each file to `each` as soon as it is made (`build`
/// writes it at once), and returning what `each` returned.
fn render_into<T: Send>(
    prepared: &Prepared,
    each: impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync,
) -> Result<Vec<T>, Diagnostics> {
    let mut clock = Stopwatch::from_env();
    let mut done =
        render::render_each(&prepared.templates, &prepared.config, &prepared.site, &each)?;
    clock.lap("render");
    if prepared.config.search {
        let index = search::index(&prepared.config, &prepared.site, &prepared.templates.labels)?;
        let index: Result<Vec<T>, Diagnostic> = index.into_par_iter().map(&each).collect();
        done.extend(index?);
        clock.lap("search");
    }
    Ok(done)
}

/// Runs load → parse → markdown → index and compiles the templates.
///
/// Content and Markdown problems of every file are reported together; later
/// stages run only when those are clean.
pub fn prepare(opts: &BuildOptions) -> Result<Prepared, Diagnostics> {
    let mut clock = Stopwatch::from_env();
    let config = load_config(opts)?;
    let content = content::load(&config)?;
    clock.lap("load");
    prepare_loaded(opts, config, content)
}

/// `prepare` for content already loaded.
pub fn prepare_loaded(
    opts: &BuildOptions,
    config: Config,
    content: content::Content,
) -> Result<Prepared, Diagnostics> {
    let mut clock = Stopwatch::from_env();
    let mut diagnostics = content.diagnostics;
    let parsed = content::parse(&config, &content.pages);
    clock.lap("parse");
    diagnostics.extend(parsed.diagnostics);
    let links = LinkMap::new(&parsed.pages).with_unpublished(&parsed.drafts, &parsed.broken);
    let highlighter = Highlighter::new();
    let bodies = markdown::render_all(&config, &parsed.pages, &links, &highlighter);
    clock.lap("markdown");
    let bodies = match bodies {
        Ok(bodies) if !diagnostics.has_errors() => bodies,
        Ok(_) => return Err(diagnostics.sorted()),
        Err(errors) => {
            diagnostics.extend(errors);
            return Err(diagnostics.sorted());
        }
    };
    let today = opts.today.unwrap_or_else(today_in_stockholm);
    let fail = |mut errors: Diagnostics, warnings: &Diagnostics| {
        errors.extend(warnings.clone());
        errors.sorted()
    };
    let (site, index_warnings) = index::build(
        &config,
        shared(parsed.pages),
        shared(bodies),
        content.files,
        today,
    )
    .map_err(|e| fail(e, &diagnostics))?;
    diagnostics.extend(index_warnings.iter().cloned());
    clock.lap("index");
    let templates = Templates::load(&config).map_err(|e| fail(e, &diagnostics))?;
    clock.lap("templates");
    Ok(Prepared {
        config,
        sources: content.pages,
        drafts: parsed.drafts,
        site,
        templates,
        highlighter,
        warnings: diagnostics.sorted(),
        index_warnings,
    })
}

/// Wraps each item in an `Arc`, so the index can share pages with a later rebuild.
fn shared<T>(items: Vec<T>) -> Vec<std::sync::Arc<T>> {
    items.into_iter().map(std::sync::Arc::new).collect()
}

/// Prints how long each stage took, and the memory in use after it, when
/// `ARKIV_TIMINGS` is set, for profiling.
pub(crate) struct Stopwatch {
    last: Option<Instant>,
}

impl Stopwatch {
    pub(crate) fn from_env() -> Self {
        Stopwatch {
            last: std::env::var_os("ARKIV_TIMINGS").map(|_| Instant::now()),
        }
    }

    pub(crate) fn lap(&mut self, stage: &str) {
        if let Some(last) = self.last.as_mut() {
            eprintln!(
                "{stage:>10}: {:>7.1} ms{}",
                last.elapsed().as_secs_f64() * 1000.0,
                resident_mib().map_or_else(String::new, |mib| format!(", {mib} MiB resident"))
            );
            *last = Instant::now();
        }
    }
}

/// This process's resident memory, where the system tells it (`/proc`).
fn resident_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

/// Reads site.yaml and applies the command line's settings.
pub fn load_config(opts: &BuildOptions) -> Result<Config, Diagnostics> {
    let mut config = Config::load(&opts.root)?;
    config.drafts = opts.drafts;
    if let Some(base_url) = &opts.base_url {
        config.set_base_url(base_url);
    }
    Ok(config)
}

/// Today's date in Europe/Stockholm.
pub fn today_in_stockholm() -> Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(content::page::stockholm())
        .date()
}
