//! The pipeline held in memory, redone in part when inputs change.
//!
//! In: `Change`s from the watcher. Out: an `Update`: the output files to
//! replace and remove. An edited page re-renders that page and the outputs
//! that showed it or read what changed, as they recorded it while they were
//! rendered (`render::record`). The edited page is handed over as
//! soon as the new index is made, before the listings (`Session::apply_with`);
//! a template change re-renders everything; `site.yaml` rebuilds from scratch. A failed
//! rebuild keeps the last good site and reports every error; the failing
//! files are retried on every later change.

mod files;
mod outputs;
mod pages;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::BuildOptions;
use crate::config::Config;
use crate::content::load::load_one;
use crate::content::{self, Page, SourceFile};
use crate::diagnostics::Diagnostics;
use crate::index::SiteIndex;
use crate::markdown::{self, Body, Highlighter, LinkMap};
use crate::output::OutputFile;
use crate::pipeline::prepare;
use crate::render::record::Record;
use crate::render::{self, Job, SiteViews, Templates};

/// An input that changed, in the terms a rebuild cares about.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// A file or folder under `content/`.
    Content(PathBuf),
    /// A template or the theme's language file.
    Template,
    /// A static file (theme or site) at this path.
    Static(PathBuf),
    /// `site.yaml`.
    Config,
}

impl Change {
    /// The path under `content/`, for a change there.
    pub fn content(&self) -> Option<&Path> {
        match self {
            Change::Content(path) => Some(path),
            _ => None,
        }
    }

    /// The static file's path, for a change of one.
    pub fn static_file(&self) -> Option<&Path> {
        match self {
            Change::Static(path) => Some(path),
            _ => None,
        }
    }
}

/// What a rebuild changed in the served site.
#[derive(Debug, Default)]
pub struct Update {
    /// Files to add or replace.
    pub files: Vec<OutputFile>,
    /// Output paths that no longer exist.
    pub removed: Vec<String>,
    /// True when `files` is the whole site: what is not in it is gone.
    pub is_full: bool,
    /// True when every page changed (menu, footer, templates): open pages all reload.
    pub reload_all: bool,
    /// Warnings from the rebuild.
    pub warnings: Diagnostics,
}

impl Update {
    /// True when only stylesheets changed, so pages can swap CSS without reloading.
    pub fn is_css_only(&self) -> bool {
        !self.is_full
            && !self.reload_all
            && self.removed.iter().all(|p| p.ends_with(".css"))
            && !self.files.is_empty()
            && self.files.iter().all(|f| f.path.ends_with(".css"))
    }
}

/// The in-memory site and what is needed to rebuild parts of it.
pub struct Session {
    opts: BuildOptions,
    state: Option<State>,
    /// True when the search index is left to `search_input`'s caller.
    search_beside: bool,
}

/// What a site's search index is made from, owned, so it can be built on
/// another thread while the session goes on (`Session::search_input`).
pub struct SearchInput {
    /// Each language of the site, the default first.
    languages: Vec<Language>,
}

/// One language of the site as its search index reads it.
type Language = (Config, SiteIndex, render::Labels);

impl SearchInput {
    /// Builds the search index: the files under `routes::SEARCH_BUNDLE`.
    pub fn build(&self) -> Result<Vec<OutputFile>, Diagnostics> {
        let languages = self.languages.iter();
        let languages: Vec<_> = languages.map(|(c, s, l)| (c, s, l)).collect();
        crate::search::index(&languages)
    }
}

struct State {
    config: Config,
    templates: Templates,
    highlighter: Highlighter,
    /// With dates from git, the history read at the last full build, and
    /// the commit it was read at.
    history: Option<crate::content::history::History>,
    head: Option<String>,
    /// Every Markdown file, by content path.
    sources: BTreeMap<String, SourceFile>,
    drafts: BTreeSet<String>,
    site: SiteIndex,
    /// Where links to each content path lead in `site`.
    links: LinkMap,
    /// What each output showed when it was last rendered.
    record: Record,
    /// The outputs of `site` and their paths, while its index stands.
    outputs: Option<Outputs>,
    /// Warnings the last indexing gave (unknown terms).
    index_warnings: Diagnostics,
    /// What a failed rebuild left to do, retried with every later change.
    retry: Retry,
    /// True when a rebuild met a page left out for its time, or one that
    /// was: the site is built whole again (`content::schedule`).
    timed: bool,
    /// The moment of the rebuild under way (the site's own is `site.timing.now`).
    now: jiff::Timestamp,
    /// Static files as last served, by output path.
    statics: BTreeSet<String>,
    /// The languages besides the default, for their search index (a site
    /// in several languages is otherwise made whole after every change).
    others: Vec<Language>,
    /// Pages `Session::preview` parsed and rendered, for `apply` to reuse.
    previewed: Vec<Previewed>,
}

/// What failed rebuilds left undone: empty after a good rebuild.
#[derive(Debug, Default)]
struct Retry {
    /// Content paths changed since the last good rebuild.
    pages: BTreeSet<String>,
    /// A template change not yet rendered (content was broken): everything is.
    everything: bool,
}

impl Retry {
    fn is_empty(&self) -> bool {
        self.pages.is_empty() && !self.everything
    }
}

/// The outputs of a site (`Job::all`) and their paths, with the positions
/// of those a build leaves out (`render::clashes`).
struct Outputs {
    jobs: Vec<Job>,
    paths: Vec<String>,
    left_out: BTreeSet<usize>,
}

/// A page as `Session::preview` made it from the file's `text`.
struct Previewed {
    text: Arc<str>,
    page: Arc<Page>,
    body: Arc<Body>,
    warnings: Diagnostics,
}

impl Session {
    /// A session for the site `opts` describes; nothing is built yet.
    pub fn new(opts: BuildOptions) -> Self {
        Session {
            opts,
            state: None,
            search_beside: false,
        }
    }

    /// This session, with builds that leave out the search index: the
    /// caller builds it beside from `search_input` (as `serve` does, so the
    /// site is served before its index is ready).
    pub fn with_search_beside(mut self) -> Self {
        self.search_beside = true;
        self
    }

    /// What the current site's search index is made from; `None` before the
    /// first good build or with search off.
    pub fn search_input(&self) -> Option<SearchInput> {
        let state = self.state.as_ref()?;
        let default = (
            state.config.clone(),
            state.site.clone(),
            state.templates.labels.clone(),
        );
        let languages = std::iter::once(default).chain(state.others.iter().cloned());
        state.config.search.then(|| SearchInput {
            languages: languages.collect(),
        })
    }

    /// Sets the moment the next rebuilds are made at (`None`: the clock's).
    pub fn set_clock(&mut self, now: Option<jiff::Timestamp>) {
        self.opts.now = now;
    }

    /// The output paths of the notices at the addresses of pages that
    /// expired (`serve` answers them with 410 Gone).
    pub fn gone(&self) -> Vec<String> {
        let Some(state) = &self.state else {
            return Vec::new();
        };
        let site = &state.site;
        let notices = crate::render::outputs::gone(site).into_iter();
        notices.map(|job| job.path(site)).collect()
    }

    /// Builds everything, as `arkiv build` would, but keeps it in memory.
    pub fn full_build(&mut self) -> Result<Update, Diagnostics> {
        self.full_build_with(&mut |_| {})
    }

    /// As `full_build`, but the start page comes first: once the site is
    /// indexed it is rendered and handed to `first`, before everything else.
    pub fn full_build_with(
        &mut self,
        first: &mut dyn FnMut(Update),
    ) -> Result<Update, Diagnostics> {
        let prepared = prepare(&self.opts)?;
        let views = SiteViews::new(&prepared.config, &prepared.site, &prepared.templates.labels);
        if let Ok((home, _)) = render::render_job(&prepared.templates, &views, Job::Home) {
            first(Update {
                files: vec![home],
                ..Update::default()
            });
        }
        drop(views);
        let with_warnings = |mut errors: Diagnostics| {
            errors.extend(prepared.warnings.clone());
            errors.sorted()
        };
        let (mut files, record) =
            render::render_recorded(&prepared.templates, &prepared.config, &prepared.site)
                .map_err(with_warnings)?;
        // A site in several languages is served whole after every change.
        files.extend(prepared.render_others(Ok).map_err(with_warnings)?);
        if prepared.config.search && !self.search_beside {
            let index =
                crate::search::index(&prepared.search_languages()).map_err(with_warnings)?;
            files.extend(index);
        }
        let links = LinkMap::new(prepared.site.pages.iter().map(|p| &**p))
            .with_unpublished(&prepared.drafts, &[])
            .with_timed(&prepared.site.timing.withheld);
        self.state = Some(State {
            highlighter: prepared.highlighter,
            head: prepared
                .config
                .updated_from_git
                .then(|| crate::content::history::head(&prepared.config.root))
                .flatten(),
            history: prepared.history.and_then(Result::ok),
            sources: prepared
                .sources
                .into_iter()
                .map(|s| (s.content_path.clone(), s))
                .collect(),
            drafts: prepared.drafts.into_iter().collect(),
            record,
            outputs: None,
            index_warnings: prepared.index_warnings,
            links,
            retry: Retry::default(),
            timed: false,
            now: prepared.site.timing.now,
            statics: prepared.templates.statics.keys().cloned().collect(),
            previewed: Vec::new(),
            others: prepared
                .others
                .into_iter()
                .map(|o| (o.config, o.site, o.templates.labels))
                .collect(),
            config: prepared.config,
            templates: prepared.templates,
            site: prepared.site,
        });
        Ok(Update {
            files,
            removed: Vec::new(),
            is_full: true,
            reload_all: true,
            warnings: prepared.warnings,
        })
    }

    /// The edited pages alone, re-rendered at once against the current index,
    /// so the page an author is looking at changes first (as Hugo's fast
    /// render mode does); `apply` then brings everything that shows them, and
    /// reuses the pages and bodies parsed here.
    ///
    /// Only for edits of existing pages whose front matter changed at most in
    /// `title`, `summary` and `extra` (`index::same_but_content`), which cannot
    /// move the page, add terms or references, or break the build in a way the
    /// page alone would not show.
    /// Anything else, and any error, gives `None`: `apply` handles it.
    pub fn preview(&mut self, changes: &[Change]) -> Option<Update> {
        let state = self.state.as_mut()?;
        state.previewed.clear();
        let multilingual = state.config.is_multilingual();
        if !state.retry.is_empty() || changes.is_empty() || multilingual {
            return None;
        }
        let content_dir = state.config.content_dir();
        let mut site: Option<SiteIndex> = None;
        let mut previewed = Vec::new();
        let mut ids = Vec::new();
        for change in changes {
            let path = change.content()?;
            let relative = path.strip_prefix(&content_dir).ok()?;
            let key = crate::diagnostics::display_path(Path::new(""), relative);
            let source = load_one(&state.config, path).ok()?;
            if source.assets != state.sources.get(&key)?.assets {
                return None;
            }
            let mut warnings = Diagnostics::new();
            let mut page = content::parse_page(&source, &state.config, &mut warnings).ok()?;
            if let Some(history) = &state.history {
                history.apply(std::slice::from_mut(&mut page));
            }
            let id = state.site.page_id(&key)?;
            if !crate::index::same_but_content(&state.site.pages[id], &page) {
                return None;
            }
            let shortcodes = &state.templates.shortcodes;
            let body = markdown::render(
                &state.config,
                &state.highlighter,
                shortcodes,
                &page,
                &state.links,
            )
            .ok()?;
            let (page, body) = (Arc::new(page), Arc::new(body));
            let site = site.get_or_insert_with(|| state.site.clone());
            site.pages[id] = Arc::clone(&page);
            site.bodies[id] = Arc::clone(&body);
            previewed.push(Previewed {
                text: source.text,
                page,
                body,
                warnings,
            });
            ids.push(id);
        }
        let site = site?;
        let views = SiteViews::new(&state.config, &site, &state.templates.labels);
        let files = ids
            .into_iter()
            .map(|id| render::render_job(&state.templates, &views, Job::Page(id)).ok())
            .map(|rendered| rendered.map(|(file, _)| file))
            .collect::<Option<Vec<OutputFile>>>()?;
        state.previewed = previewed;
        Some(Update {
            files,
            ..Update::default()
        })
    }

    /// Applies a batch of changes; on failure the last good site stays as it was.
    pub fn apply(&mut self, changes: &[Change]) -> Result<Update, Diagnostics> {
        self.apply_with(changes, &mut |_| {})
    }

    /// As `apply`, but the edited pages come first: once the new index is
    /// made, the pages whose files changed are rendered and handed to `first`,
    /// before the work of finding and rendering the listings that show them.
    /// The returned update holds them too. If the rebuild then fails, `first`
    /// gets a second update that puts back what the last good site served at
    /// those paths, so the last good site still stands.
    pub fn apply_with(
        &mut self,
        changes: &[Change],
        first: &mut dyn FnMut(Update),
    ) -> Result<Update, Diagnostics> {
        let Some(state) = self.state.as_mut() else {
            return self.full_build();
        };
        // A site in several languages is made whole again (see `build`).
        if changes.contains(&Change::Config) || state.config.is_multilingual() {
            return self.full_build();
        }
        // A commit since the history was read can change any page's
        // "last updated": the history is read again with everything else.
        if state.config.updated_from_git
            && crate::content::history::head(&state.config.root) != state.head
        {
            return self.full_build();
        }
        // The moment came when the site changes by itself (a page is
        // published or expires, a day ends): everything again.
        let now = self.opts.now();
        if state.site.next_change().is_some_and(|at| at <= now) {
            return self.full_build();
        }
        state.now = now;
        let templates_changed = changes.contains(&Change::Template) || state.retry.everything;
        if templates_changed {
            state.retry.everything = true;
            let templates = Templates::load(&state.config)?;
            // The bodies hold what the shortcodes made: they are made again.
            let shortcodes = templates.shortcodes.digest();
            if shortcodes != state.templates.shortcodes.digest() {
                return self.full_build();
            }
            state.templates = templates;
        }
        let mut update = Update::default();
        let statics: Vec<&Path> = changes.iter().filter_map(Change::static_file).collect();
        if !statics.is_empty() {
            state.static_changes(&statics, &mut update);
        }
        let content: Vec<&Path> = changes.iter().filter_map(Change::content).collect();
        if !content.is_empty() || !state.retry.pages.is_empty() {
            // When everything is rendered again below, a page handed over now
            // could not be taken back if the templates fail on another output.
            let mut not_yet = |_| {};
            let first: &mut dyn FnMut(Update) = if templates_changed {
                &mut not_yet
            } else {
                first
            };
            let changed = state.content_changes(&content, &mut update, first);
            if state.timed {
                return self.full_build();
            }
            changed?;
        }
        if templates_changed {
            // Templates changed (now or while content was broken): everything again.
            return state.render_everything(update.warnings, !self.search_beside);
        }
        Ok(update)
    }
}

impl State {
    /// Every output of the current site, rendered again (the templates changed).
    fn render_everything(
        &mut self,
        warnings: Diagnostics,
        with_search: bool,
    ) -> Result<Update, Diagnostics> {
        let mut files = render::render_all(&self.templates, &self.config, &self.site)?;
        if self.config.search && with_search {
            let labels = &self.templates.labels;
            files.extend(crate::search::index(&[(&self.config, &self.site, labels)])?);
        }
        self.retry.everything = false;
        Ok(Update {
            files,
            is_full: true,
            reload_all: true,
            warnings,
            ..Update::default()
        })
    }
}
