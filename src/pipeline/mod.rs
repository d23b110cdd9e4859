//! The stages, in order: load → parse → markdown → index → templates → render.
//!
//! In: the options and, for `prepare_loaded`, content already read. Out: a
//! `Prepared` site (every stage's result but the rendered files), which
//! `build` renders into the output, `check` reviews and `serve` keeps to
//! rebuild parts of. A page that fails a stage is left out of the later ones
//! while the other pages go on, so one run reports every error of every
//! stage: a YAML error, a broken link and a template error together.
//!
//! `session` keeps the stages' results in memory and redoes only what a set
//! of changed inputs requires, with the same stage functions: `serve` is
//! that session, a watcher, HTTP and reload.

use std::sync::Arc;

use rayon::prelude::*;

use crate::config::{BuildOptions, Config};
use crate::content::{self, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::{self, SiteIndex};
use crate::markdown::{self, Highlighter, LinkMap};
use crate::output::OutputFile;
use crate::render::{self, Templates};
use crate::search;
use crate::timing::Stopwatch;

pub mod session;

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
/// writes it at once), and returning what `each` returned; errors come with
/// the warnings of every stage.
pub fn render_into<T: Send>(
    prepared: &Prepared,
    each: impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync,
) -> Result<Vec<T>, Diagnostics> {
    let with_warnings = |mut errors: Diagnostics| {
        errors.extend(prepared.warnings.clone());
        errors.sorted()
    };
    let mut clock = Stopwatch::from_env();
    let (config, site) = (&prepared.config, &prepared.site);
    let mut done =
        render::render_each(&prepared.templates, config, site, &each).map_err(with_warnings)?;
    clock.lap("render");
    if config.search {
        let index = search::index(config, site, &prepared.templates.labels);
        let index = index.map_err(with_warnings)?;
        let index: Result<Vec<T>, Diagnostic> = index.into_par_iter().map(&each).collect();
        done.extend(index.map_err(|e| with_warnings(e.into()))?);
        clock.lap("search");
    }
    Ok(done)
}

/// Runs load → parse → markdown → index and compiles the templates.
pub fn prepare(opts: &BuildOptions) -> Result<Prepared, Diagnostics> {
    let mut clock = Stopwatch::from_env();
    let config = load_config(opts)?;
    let content = content::load(&config)?;
    clock.lap("load");
    prepare_loaded(opts, config, content)
}

/// `prepare` for content already loaded.
///
/// Every stage runs on the pages that came through the ones before it. When
/// any stage found an error, the outputs are rendered too, for their template
/// errors, and every error of every stage is returned with the warnings.
pub fn prepare_loaded(
    opts: &BuildOptions,
    config: Config,
    content: content::Content,
) -> Result<Prepared, Diagnostics> {
    let mut clock = Stopwatch::from_env();
    let mut diagnostics = content.diagnostics;
    let mut parsed = content::parse(&config, &content.pages);
    clock.lap("parse");
    diagnostics.extend(parsed.diagnostics);
    let links = LinkMap::new(&parsed.pages).with_unpublished(&parsed.drafts, &parsed.broken);
    let highlighter = Highlighter::new();
    let (bodies, errors) = markdown::render_all(&config, &parsed.pages, &links, &highlighter);
    diagnostics.extend(errors);
    clock.lap("markdown");
    // A page whose body failed is left out of the index, as one that failed to parse.
    let (pages, bodies): (Vec<_>, Vec<_>) = parsed
        .pages
        .into_iter()
        .zip(bodies)
        .filter_map(|(page, body)| match body {
            Some(body) => Some((Arc::new(page), Arc::new(body))),
            None => {
                parsed.broken.push(page.content_path);
                None
            }
        })
        .unzip();
    let today = opts.today.unwrap_or_else(content::page::today_in_stockholm);
    let loose = content.files;
    let (site, found) = index::build_anyway(&config, pages, bodies, loose, &parsed.broken, today);
    let index_warnings = found.clone();
    diagnostics.extend(found);
    clock.lap("index");
    let templates = match Templates::load(&config) {
        Ok(templates) => templates,
        Err(errors) => {
            diagnostics.extend(errors);
            return Err(diagnostics.sorted());
        }
    };
    clock.lap("templates");
    if diagnostics.has_errors() {
        // The pages that came through still meet the templates, so their errors show now too.
        let rendered = render::render_each(&templates, &config, &site, |_| Ok(()));
        diagnostics.extend(rendered.err().unwrap_or_default());
        return Err(diagnostics.sorted());
    }
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

/// Reads site.yaml and applies the command line's settings.
pub fn load_config(opts: &BuildOptions) -> Result<Config, Diagnostics> {
    let mut config = Config::load(&opts.root)?;
    config.drafts = opts.drafts;
    if let Some(base_url) = &opts.base_url {
        config.set_base_url(base_url);
    }
    Ok(config)
}
