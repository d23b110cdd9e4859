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
use crate::content::history::{History, NoHistory};
use crate::content::{self, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::{self, SiteIndex};
use crate::markdown::{self, Body, Highlighter, LinkMap};
use crate::output::OutputFile;
use crate::render::record::{KeptRecord, PageKey, page_key};
use crate::render::{self, Templates};
use crate::search;
use crate::shortcodes::Shortcodes;
use crate::timing::Stopwatch;
use kept::KeptBodies;
use rustc_hash::FxHashSet;

pub mod kept;
pub mod languages;
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
    /// Where each page's `.md` path leads (to a page, a draft, a broken page).
    pub links: LinkMap,
    /// The compiled theme.
    pub templates: Templates,
    /// Syntax definitions for code blocks, loaded once.
    pub highlighter: Highlighter,
    /// Warnings from every stage.
    pub warnings: Diagnostics,
    /// The warnings of these that indexing gave (unknown terms).
    pub index_warnings: Diagnostics,
    /// With `dates: { updated: git }`: the site's history, or why there is none.
    pub history: Option<Result<History, NoHistory>>,
    /// In a site in more than one language, the languages besides the
    /// default (`config`'s), each made as a site of its own under its folder.
    pub others: Vec<languages::Translated>,
}

impl Prepared {
    /// Renders every output of the languages besides the default
    /// (`others`), handing each file to `each`.
    pub fn render_others<T: Send>(
        &self,
        each: impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync,
    ) -> Result<Vec<T>, Diagnostics> {
        let mut done = Vec::new();
        for other in &self.others {
            let (config, site) = (&other.config, &other.site);
            done.extend(render::render_each(&other.templates, config, site, &each)?);
        }
        Ok(done)
    }

    /// The pages published, in every language.
    pub fn page_count(&self) -> usize {
        let others = self.others.iter().map(|o| o.site.listed_pages().count());
        self.site.listed_pages().count() + others.sum::<usize>()
    }

    /// Every language of the site as the search index reads it, the default first.
    pub fn search_languages(&self) -> Vec<search::Language<'_>> {
        let default = (&self.config, &self.site, &self.templates.labels);
        let others = self.others.iter();
        let others = others.map(|o| (&o.config, &o.site, &o.templates.labels));
        std::iter::once(default).chain(others).collect()
    }
}

/// Runs every stage but `publish`: the site and its files in memory.
pub fn render_site(opts: &BuildOptions) -> Result<(Prepared, Vec<OutputFile>), Diagnostics> {
    let prepared = prepare(opts)?;
    let files = render_files(&prepared)?;
    Ok((prepared, files))
}

/// Runs every stage but `publish` and the search index: what `check`
/// reviews. The index holds the pages' own texts, so there is nothing in it
/// to review, and a CI job that checks and then builds would make it twice.
pub fn render_site_to_review(
    opts: &BuildOptions,
) -> Result<(Prepared, Vec<OutputFile>), Diagnostics> {
    let prepared = prepare(opts)?;
    let (config, site) = (&prepared.config, &prepared.site);
    let mut files = render::render_all(&prepared.templates, config, site)
        .map_err(|errors| with_warnings(&prepared, errors))?;
    let others = prepared.render_others(Ok);
    files.extend(others.map_err(|errors| with_warnings(&prepared, errors))?);
    Ok((prepared, files))
}

/// `errors` with the warnings of every stage, sorted.
fn with_warnings(prepared: &Prepared, mut errors: Diagnostics) -> Diagnostics {
    errors.extend(prepared.warnings.clone());
    errors.sorted()
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
    let render = |each: &(dyn Fn(OutputFile) -> Result<T, Diagnostic> + Sync)| {
        let (config, site) = (&prepared.config, &prepared.site);
        let mut done = render::render_each(&prepared.templates, config, site, each)?;
        done.extend(prepared.render_others(each)?);
        Ok((done, ()))
    };
    with_search(prepared, each, render).map(|(done, ())| done)
}

/// `render_into`, also returning what each output showed, as a build keeps
/// it for the next (`kept`).
pub fn render_kept<T: Send>(
    prepared: &Prepared,
    each: impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync,
) -> Result<(Vec<T>, KeptRecord), Diagnostics> {
    let render = |each: &(dyn Fn(OutputFile) -> Result<T, Diagnostic> + Sync)| {
        let (config, site) = (&prepared.config, &prepared.site);
        let (mut done, record) = render::render_each_kept(&prepared.templates, config, site, each)?;
        // A site in several languages is built whole each time (see `build`):
        // what the others' outputs showed is not kept.
        done.extend(prepared.render_others(each)?);
        Ok((done, record))
    };
    with_search(prepared, each, render)
}

/// What a build that updates the last one's output makes (`render_changed`).
pub struct Changed {
    /// The outputs rendered again, every copied file and the search index:
    /// what the output must hold of them it does not yet.
    pub files: Vec<OutputFile>,
    /// Every file the output holds after the update.
    pub paths: Vec<String>,
    /// What each output showed, those rendered now and those that stand.
    pub record: KeptRecord,
}

/// Renders the outputs that show a page in `dirty` or read something of the
/// site that reads otherwise than the last build's `record` says, with the
/// files copied and the search index.
pub fn render_changed(
    prepared: &Prepared,
    record: &KeptRecord,
    dirty: FxHashSet<PageKey>,
) -> Result<Changed, Diagnostics> {
    let (config, site, templates) = (&prepared.config, &prepared.site, &prepared.templates);
    let mut clock = Stopwatch::from_env();
    let views = render::SiteViews::new(config, site, &templates.labels).recording();
    let changes = record.changes(&views, dirty);
    let everything = record.is_global(&changes);
    let chosen = |path: &str| everything || record.is_affected(&changes, path);
    clock.lap("changes");
    let render = |each: &(dyn Fn(OutputFile) -> Result<OutputFile, Diagnostic> + Sync)| {
        let made = render::render_chosen(templates, &views, each, chosen)?;
        Ok((made.done, (made.record, made.skipped)))
    };
    let (files, (mut new_record, skipped)) = with_search(prepared, Ok, render)?;
    clock.lap("render");
    let mut paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    for (job, path) in skipped {
        if let Some(shown) = record.shown(&path) {
            new_record.insert(path.clone(), job, shown);
        }
        paths.push(path);
    }
    let record = new_record.kept(&views);
    Ok(Changed {
        files,
        paths,
        record,
    })
}

/// Runs `render` with `each`, then, when search is on, makes the search
/// index and hands its files to `each`; errors come with the warnings of
/// every stage.
fn with_search<T: Send, R: Send>(
    prepared: &Prepared,
    each: impl Fn(OutputFile) -> Result<T, Diagnostic> + Sync,
    render: impl FnOnce(
        &(dyn Fn(OutputFile) -> Result<T, Diagnostic> + Sync),
    ) -> Result<(Vec<T>, R), Diagnostics>
    + Send,
) -> Result<(Vec<T>, R), Diagnostics> {
    let with_warnings = |errors: Diagnostics| with_warnings(prepared, errors);
    let mut clock = Stopwatch::from_env();
    let config = &prepared.config;
    // The search index is made while the outputs are rendered and written:
    // each leaves the other's idle moments to it. Its fragments (a file per
    // page) are handed to `each` as they are made, not all at the end.
    let mut fragments: Result<Vec<T>, Diagnostic> = Ok(Vec::new());
    let mut hand_out = |files: Vec<OutputFile>| {
        if let Ok(done) = &mut fragments {
            let written: Result<Vec<T>, Diagnostic> = files.into_par_iter().map(&each).collect();
            match written {
                Ok(written) => done.extend(written),
                Err(err) => fragments = Err(err),
            }
        }
    };
    let search = || {
        config
            .search
            .then(|| search::index_with_fragments(&prepared.search_languages(), &mut hand_out))
    };
    let (rendered, index) = rayon::join(|| render(&each), search);
    let (mut done, made) = rendered.map_err(with_warnings)?;
    clock.lap("render and search");
    if let Some(index) = index {
        let index = index.map_err(with_warnings)?;
        done.extend(fragments.map_err(|e| with_warnings(e.into()))?);
        let index: Result<Vec<T>, Diagnostic> = index.into_par_iter().map(&each).collect();
        done.extend(index.map_err(|e| with_warnings(e.into()))?);
        clock.lap("search files");
    }
    Ok((done, made))
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
    prepare_reusing(opts, config, content, None).map(|(prepared, _)| prepared)
}

/// What `prepare_reusing` took over from the last build.
#[derive(Default)]
pub struct Reuse {
    /// The pages whose content changed since the last build (edited, new,
    /// gone, or with a body made again that differs); all when nothing was kept.
    pub dirty: FxHashSet<PageKey>,
    /// Where the bodies taken over as they were stand in the last build's
    /// bodies file, by content path.
    pub reused: kept::Reused,
}

/// `prepare_loaded`, taking over the bodies the last build `kept` where a
/// page is as it was then.
pub fn prepare_reusing(
    opts: &BuildOptions,
    config: Config,
    content: content::Content,
    kept: Option<KeptBodies>,
) -> Result<(Prepared, Reuse), Diagnostics> {
    let mut clock = Stopwatch::from_env();
    // git reads the history while the pages are parsed and the templates read.
    let site = config.site.clone();
    let reading = config
        .updated_from_git
        .then(|| std::thread::spawn(move || content::history::read(&site)));
    let mut diagnostics = content.diagnostics;
    let mut parsed = content::parse(&config, &content.pages, opts.now());
    diagnostics.extend(content::unpublished_languages(&config, &content.pages));
    let others = languages::configs(&config)?;
    let mut others = languages::parse(others, &content.pages, opts.now());
    clock.lap("parse");
    diagnostics.extend(parsed.diagnostics);
    let timing = parsed.timing;
    let highlighter = Highlighter::new();
    // Shortcodes are templates: the templates are read before the bodies.
    let templates = Templates::load(&config);
    clock.lap("templates");
    let history = dates_from_git(reading, &mut parsed.pages, &mut diagnostics);
    if let Some(Ok(history)) = &history {
        others
            .iter_mut()
            .for_each(|o| history.apply(&mut o.parsed.pages));
    }
    clock.lap("history");
    // A translation's own file (`x.en.md`) leads to it from any language.
    let translated = others.iter().flat_map(|o| &o.parsed.pages);
    let links = LinkMap::new(parsed.pages.iter().chain(translated))
        .with_unpublished(&parsed.drafts, &parsed.broken)
        .with_timed(&timing.withheld);
    let none = Shortcodes::none();
    let shortcodes = templates.as_ref().map_or(&none, |t| &t.shortcodes);
    let made = bodies(
        &config,
        &parsed.pages,
        &links,
        (&highlighter, shortcodes),
        kept,
    );
    let (bodies, dirty, reused) = (made.bodies, made.dirty, made.reused);
    diagnostics.extend(made.errors);
    clock.lap("markdown");
    let default_targets = match others.is_empty() {
        true => languages::Targets::default(),
        false => languages::targets(parsed.pages.iter()),
    };
    let (pages, bodies) = with_bodies(parsed.pages, bodies, &mut parsed.broken);
    let loose = content.files;
    let default = (&links, &default_targets);
    let mut others = languages::index(others, default, &highlighter, &loose, &mut diagnostics);
    let (mut site, mut found) =
        index::build_anyway(&config, pages, bodies, loose, &parsed.broken, timing, None);
    languages::join((&config, &mut site), &mut others);
    if others.is_empty() {
        found.extend(site_link_warnings(&config, &site));
    } else {
        // A link may lead to any language's address.
        let mut addresses: Vec<String> = others
            .iter()
            .flat_map(|o| render::outputs::addresses(&o.config, &o.site))
            .collect();
        let own = render::outputs::addresses(&config, &site);
        found.extend(languages::link_warnings(&others, &own));
        addresses.extend(own);
        let addresses = || addresses;
        found.extend(index::nowhere::link_warnings(&config, &site, addresses));
        found.extend(languages::clashes((&config, &site), &others));
        let sites: Vec<&SiteIndex> = std::iter::once(&site)
            .chain(others.iter().map(|o| &o.site))
            .collect();
        languages::across_languages(&config, &sites, [&mut found, &mut diagnostics]);
    }
    let index_warnings = found.clone();
    diagnostics.extend(found);
    if !others.is_empty() {
        diagnostics = languages::said_once(diagnostics);
    }
    clock.lap("index");
    let templates = match templates {
        Ok(templates) => templates,
        Err(errors) => {
            diagnostics.extend(errors);
            return Err(diagnostics.sorted());
        }
    };
    if diagnostics.has_errors() {
        // The pages that came through still meet the templates, so their errors show now too.
        let rendered = render::render_each(&templates, &config, &site, |_| Ok(()));
        diagnostics.extend(rendered.err().unwrap_or_default());
        for other in &others {
            let rendered =
                render::render_each(&other.templates, &other.config, &other.site, |_| Ok(()));
            diagnostics.extend(rendered.err().unwrap_or_default());
        }
        return Err(diagnostics.sorted());
    }
    let prepared = Prepared {
        config,
        sources: content.pages,
        drafts: parsed.drafts,
        site,
        links,
        templates,
        highlighter,
        warnings: diagnostics.sorted(),
        index_warnings,
        history,
        others,
    };
    Ok((prepared, Reuse { dirty, reused }))
}

/// The pages whose body was made, each with it; a page whose body failed is
/// left out of the index, as one that failed to parse, and added to `broken`.
fn with_bodies(
    pages: Vec<content::Page>,
    bodies: Vec<Option<Body>>,
    broken: &mut Vec<String>,
) -> (Vec<Arc<content::Page>>, Vec<Arc<Body>>) {
    pages
        .into_iter()
        .zip(bodies)
        .filter_map(|(page, body)| match body {
            Some(body) => Some((Arc::new(page), Arc::new(body))),
            None => {
                broken.push(page.content_path);
                None
            }
        })
        .unzip()
}

/// Links to addresses of the site that lead nowhere (`index::nowhere`).
pub fn site_link_warnings(config: &Config, site: &index::SiteIndex) -> Diagnostics {
    index::nowhere::link_warnings(config, site, || render::outputs::addresses(config, site))
}

/// With `dates: { updated: git }`, gives `pages` their last commit's day
/// as `updated` from the history `reading` reads (see `content::history`);
/// a shallow clone is a warning.
fn dates_from_git(
    reading: Option<std::thread::JoinHandle<Result<History, NoHistory>>>,
    pages: &mut [content::Page],
    diagnostics: &mut Diagnostics,
) -> Option<Result<History, NoHistory>> {
    // A reader that panicked read nothing: as without git.
    let history = reading?.join().unwrap_or(Err(NoHistory::Absent));
    match &history {
        Ok(history) => history.apply(pages),
        Err(NoHistory::Shallow) => diagnostics
            .push(Diagnostic::warning(t!("history-shallow")).hint(t!("history-shallow-hint"))),
        Err(NoHistory::Absent) => {}
    }
    Some(history)
}

/// What `bodies` made.
struct Bodies {
    /// Each page's body, in the pages' order; none where it failed.
    bodies: Vec<Option<Body>>,
    errors: Diagnostics,
    /// The pages whose content is not what the last build `kept` had.
    dirty: FxHashSet<PageKey>,
    /// Where each body taken over as it was stands in the bodies file.
    reused: kept::Reused,
}

/// The markdown stage: each page's body, taken over from what the last
/// build kept when the page and where its links lead are the same, else
/// made; every page is dirty when nothing was kept.
fn bodies(
    config: &Config,
    pages: &[content::Page],
    links: &LinkMap,
    tools: (&Highlighter, &Shortcodes),
    kept: Option<KeptBodies>,
) -> Bodies {
    let (highlighter, shortcodes) = tools;
    let Some(mut kept) = kept else {
        let (bodies, errors) = markdown::render_all(config, pages, links, tools);
        let dirty = pages.iter().map(|p| page_key(&p.content_path)).collect();
        return Bodies {
            bodies,
            errors,
            dirty,
            reused: kept::Reused::default(),
        };
    };
    let sources: Vec<u64> = pages.par_iter().map(kept::source_digest).collect();
    let taken: Vec<Option<(Body, u64, u64)>> = pages
        .iter()
        .zip(&sources)
        .map(|(page, &source)| kept.take(page, source))
        .collect();
    let mut dirty: FxHashSet<PageKey> = kept.left().map(page_key).collect();
    type Made = (Result<Body, Vec<Diagnostic>>, bool, Option<u64>);
    let made: Vec<Made> = pages
        .par_iter()
        .zip(taken)
        .map(|(page, taken)| match taken {
            Some((body, was, at)) if kept::still_linked(&body, was, links) => {
                (Ok(body), false, Some(at))
            }
            Some((old, ..)) => {
                let new = markdown::render(config, highlighter, shortcodes, page, links);
                let changed = new.as_ref().map_or(true, |new| *new != old);
                (new, changed, None)
            }
            None => (
                markdown::render(config, highlighter, shortcodes, page, links),
                true,
                None,
            ),
        })
        .collect();
    let mut errors = Diagnostics::new();
    let mut bodies = Vec::with_capacity(made.len());
    let mut reused = kept::Reused::default();
    for (page, (body, changed, at)) in pages.iter().zip(made) {
        if changed {
            dirty.insert(page_key(&page.content_path));
        }
        bodies.push(body.map_err(|e| errors.extend(e)).ok());
        if let Some(at) = at {
            reused.insert(page.content_path.clone(), at);
        }
    }
    Bodies {
        bodies,
        errors,
        dirty,
        reused,
    }
}

/// Reads site.yaml and applies the command line's settings.
pub fn load_config(opts: &BuildOptions) -> Result<Config, Diagnostics> {
    let mut config = Config::load(&opts.root)?;
    config.drafts = opts.drafts;
    config.future = opts.future;
    if let Some(base_url) = &opts.base_url {
        config.set_base_url(base_url);
    }
    Ok(config)
}
