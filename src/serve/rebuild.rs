//! The site held in memory, rebuilt in part when files change.
//!
//! In: `Change`s from the watcher. Out: an `Update`: the output files to
//! replace and remove. An edited page re-renders that page and the outputs
//! that showed it or read what changed, as they recorded it while they were
//! rendered (`render::record`). The edited page is handed over as
//! soon as the new index is made, before the listings (`Session::apply_with`);
//! a template change re-renders everything; `site.yaml` rebuilds from scratch. A failed
//! rebuild keeps the last good site and reports every error; the failing
//! files are retried on every later change.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;

use crate::config::BuildOptions;
use crate::config::Config;
use crate::content::load::{Asset, is_bundle_index, is_ignored, is_markdown, load_one};
use crate::content::{self, Page, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::{self, SiteIndex, page_key};
use crate::markdown::{self, Body, Highlighter, LinkMap, LinkTarget};
use crate::output::OutputFile;
use crate::pipeline::prepare;
use crate::render::record::{Changes, Shown};
use crate::render::{self, Job, Shows, SiteViews, Templates};
use crate::serve::watch::Change;

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
}

struct State {
    config: Config,
    templates: Templates,
    highlighter: Highlighter,
    /// Every Markdown file, by content path.
    sources: BTreeMap<String, SourceFile>,
    drafts: BTreeSet<String>,
    site: SiteIndex,
    /// Where links to each content path lead in `site`.
    links: LinkMap,
    /// Output path → the output and what it showed when last rendered.
    shows: Shows,
    /// Content paths changed since the last good rebuild: retried until they work.
    pending: BTreeSet<String>,
    /// A template change not yet rendered because content was broken.
    pending_full: bool,
    /// The day "upcoming" counts from.
    today: jiff::civil::Date,
    /// Static files as last served, by output path.
    statics: BTreeSet<String>,
    /// Pages `Session::preview` parsed and rendered, for `apply` to reuse.
    previewed: Vec<Previewed>,
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
        Session { opts, state: None }
    }

    /// Builds everything, as `arkiv build` would, but keeps it in memory.
    pub fn full_build(&mut self) -> Result<Update, Diagnostics> {
        let prepared = prepare(&self.opts)?;
        let with_warnings = |mut errors: Diagnostics| {
            errors.extend(prepared.warnings.clone());
            errors.sorted()
        };
        let (mut files, shows) =
            render::render_recorded(&prepared.templates, &prepared.config, &prepared.site)
                .map_err(with_warnings)?;
        if prepared.config.search {
            let index =
                crate::search::index(&prepared.config, &prepared.site, &prepared.templates.labels)
                    .map_err(with_warnings)?;
            files.extend(index);
        }
        let links = LinkMap::new(prepared.site.pages.iter().map(|p| &**p))
            .with_unpublished(&prepared.drafts, &[]);
        self.state = Some(State {
            highlighter: prepared.highlighter,
            sources: prepared
                .sources
                .into_iter()
                .map(|s| (s.content_path.clone(), s))
                .collect(),
            drafts: prepared.drafts.into_iter().collect(),
            shows,
            links,
            pending: BTreeSet::new(),
            pending_full: false,
            today: self
                .opts
                .today
                .unwrap_or_else(crate::content::page::today_in_stockholm),
            statics: prepared.templates.statics.keys().cloned().collect(),
            previewed: Vec::new(),
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
    /// `title` and `summary`, which cannot move the page, add terms or
    /// references, or break the build in a way the page alone would not show.
    /// Anything else, and any error, gives `None`: `apply` handles it.
    pub fn preview(&mut self, changes: &[Change]) -> Option<Update> {
        let state = self.state.as_mut()?;
        state.previewed.clear();
        if state.pending_full || !state.pending.is_empty() || changes.is_empty() {
            return None;
        }
        let content_dir = state.config.content_dir();
        let mut site: Option<SiteIndex> = None;
        let mut previewed = Vec::new();
        let mut ids = Vec::new();
        for change in changes {
            let Change::Content(path) = change else {
                return None;
            };
            let relative = path.strip_prefix(&content_dir).ok()?;
            let key = crate::diagnostics::display_path(Path::new(""), relative);
            let source = load_one(&state.config, path).ok()?;
            if source.assets != state.sources.get(&key)?.assets {
                return None;
            }
            let mut warnings = Diagnostics::new();
            let page = content::parse_page(&source, &state.config.markdown, &mut warnings).ok()?;
            let id = state.site.page_id(&key)?;
            if !same_but_text(&state.site.pages[id], &page) {
                return None;
            }
            let body = markdown::render(
                &state.config,
                &state.config.markdown,
                &state.highlighter,
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
        if changes.contains(&Change::Config) {
            return self.full_build();
        }
        let templates_changed = changes.contains(&Change::Template) || state.pending_full;
        if templates_changed {
            state.pending_full = true;
            state.templates = Templates::load(&state.config)?;
        }
        let mut update = Update::default();
        let statics: Vec<&Path> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Static(path) => Some(path.as_path()),
                _ => None,
            })
            .collect();
        if !statics.is_empty() {
            state.static_changes(&statics, &mut update);
        }
        let content: Vec<&Path> = changes
            .iter()
            .filter_map(|c| match c {
                Change::Content(path) => Some(path.as_path()),
                _ => None,
            })
            .collect();
        if !content.is_empty() || !state.pending.is_empty() {
            // When everything is rendered again below, a page handed over now
            // could not be taken back if the templates fail on another output.
            let mut not_yet = |_| {};
            let first: &mut dyn FnMut(Update) = if templates_changed {
                &mut not_yet
            } else {
                first
            };
            state.content_changes(&content, &mut update, first)?;
        }
        if templates_changed {
            // Templates changed (now or while content was broken): everything again.
            let mut files = render::render_all(&state.templates, &state.config, &state.site)?;
            if state.config.search {
                files.extend(crate::search::index(
                    &state.config,
                    &state.site,
                    &state.templates.labels,
                )?);
            }
            state.pending_full = false;
            return Ok(Update {
                files,
                is_full: true,
                reload_all: true,
                warnings: update.warnings,
                ..Update::default()
            });
        }
        Ok(update)
    }
}

impl State {
    /// Static files under the changed paths (files or whole folders), and those now gone.
    fn static_changes(&mut self, paths: &[&Path], update: &mut Update) {
        // A link out of the site is refused here as in a build, and said.
        update
            .warnings
            .extend(self.templates.reload_static(&self.config));
        let now: Vec<OutputFile> = render::static_files(&self.templates).collect();
        let names: BTreeSet<String> = now.iter().map(|f| f.path.clone()).collect();
        update
            .removed
            .extend(self.statics.difference(&names).cloned());
        for file in now {
            let is_new = !self.statics.contains(&file.path);
            let changed = match &file.contents {
                crate::output::Contents::Copy(source) => {
                    paths.iter().any(|p| source.starts_with(p))
                }
                crate::output::Contents::Bytes(_) => false,
            };
            if is_new || changed {
                update.files.push(file);
            }
        }
        self.statics = names;
    }

    fn content_changes(
        &mut self,
        paths: &[&Path],
        update: &mut Update,
        first: &mut dyn FnMut(Update),
    ) -> Result<(), Diagnostics> {
        let content_dir = self.config.content_dir();
        let mut loose_changed = false;
        let mut touched: BTreeSet<String> = std::mem::take(&mut self.pending);
        for path in paths {
            let Ok(relative) = path.strip_prefix(&content_dir) else {
                continue;
            };
            if relative.components().any(|c| is_ignored(c.as_os_str())) {
                continue;
            }
            let key = crate::diagnostics::display_path(Path::new(""), relative);
            let prefix = format!("{key}/");
            let bundle = self.bundle_of(&key);
            if path.is_dir() || self.sources.keys().any(|k| k.starts_with(&prefix)) {
                // A folder came, went or was renamed: its pages, its files, its bundle.
                touched.extend(self.rescan_folder(&content_dir, &key));
                touched.extend(bundle);
                loose_changed = true;
            } else if is_markdown(path) {
                match bundle {
                    // Markdown beside a bundle's index is not a page (as in `content::load`).
                    Some(bundle) if !is_bundle_index(path) => {
                        touched.insert(bundle);
                    }
                    _ => {
                        // A bundle's index coming or going turns its files into
                        // attachments or back into loose files.
                        loose_changed |= is_bundle_index(path);
                        touched.insert(key);
                    }
                }
            } else if let Some(bundle) = bundle {
                touched.insert(bundle);
            } else {
                loose_changed = true;
            }
        }
        let result = self.rebuild_pages(&touched, update, first);
        if result.is_err() {
            self.pending = touched;
        }
        result?;
        if loose_changed {
            self.loose_files(update);
        }
        Ok(())
    }

    /// Content paths under a folder that appeared, disappeared or was renamed.
    fn rescan_folder(&self, content_dir: &Path, key: &str) -> BTreeSet<String> {
        let prefix = format!("{key}/");
        let mut keys: BTreeSet<String> = self
            .sources
            .keys()
            .filter(|k| k.starts_with(&prefix))
            .cloned()
            .collect();
        let dir = content_dir.join(key);
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).into_iter().flatten() {
                let path = entry.path();
                let inside_bundle = !is_bundle_index(path)
                    && path
                        .ancestors()
                        .skip(1)
                        .take_while(|a| a.starts_with(content_dir) && *a != content_dir)
                        .any(|a| {
                            a.join("index.md").is_file() || a.join("index.markdown").is_file()
                        });
                if entry.file_type().is_file() && is_markdown(path) && !inside_bundle {
                    keys.insert(crate::diagnostics::display_path(content_dir, path));
                }
            }
        }
        keys
    }

    /// The `index.md` of the bundle a file belongs to.
    fn bundle_of(&self, key: &str) -> Option<String> {
        let mut dir = Path::new(key).parent();
        while let Some(d) = dir.filter(|d| !d.as_os_str().is_empty()) {
            for name in ["index.md", "index.markdown"] {
                let index = crate::diagnostics::display_path(Path::new(""), &d.join(name));
                if self.sources.contains_key(&index) {
                    return Some(index);
                }
            }
            dir = d.parent();
        }
        None
    }

    /// Re-reads the touched pages, re-renders what shows them, and swaps in the new index.
    fn rebuild_pages(
        &mut self,
        touched: &BTreeSet<String>,
        update: &mut Update,
        first: &mut dyn FnMut(Update),
    ) -> Result<(), Diagnostics> {
        let mut clock = crate::timing::Stopwatch::from_env();
        let content_dir = self.config.content_dir();
        let mut errors = Diagnostics::new();
        let mut previewed = std::mem::take(&mut self.previewed);
        for key in touched {
            let path = content_dir.join(key);
            if path.is_file() {
                match load_one(&self.config, &path) {
                    Ok(source) => {
                        self.sources.insert(key.clone(), source);
                    }
                    Err(error) => {
                        self.sources.remove(key);
                        errors.push(error);
                    }
                }
            } else {
                self.sources.remove(key);
            }
        }

        let mut entries: Vec<(Arc<Page>, Option<Arc<Body>>)> = self
            .site
            .pages
            .iter()
            .zip(&self.site.bodies)
            .map(|(p, b)| (Arc::clone(p), Some(Arc::clone(b))))
            .collect();
        let mut drafts = self.drafts.clone();
        let mut link_changes: Vec<(String, Option<LinkTarget>)> = Vec::new();
        for key in touched {
            let position = entries.binary_search_by(|(p, _)| p.content_path.as_str().cmp(key));
            if let Ok(at) = position {
                entries.remove(at);
            }
            drafts.remove(key);
            let target = match self.sources.get(key) {
                None => None,
                Some(source) => {
                    let done = previewed
                        .iter()
                        .position(|p| p.page.content_path == *key && p.text == source.text)
                        .map(|at| previewed.swap_remove(at));
                    let parsed = match done {
                        Some(done) => {
                            update.warnings.extend(done.warnings);
                            Ok((done.page, Some(done.body)))
                        }
                        None => {
                            content::parse_page(source, &self.config.markdown, &mut update.warnings)
                                .map(|page| (Arc::new(page), None))
                        }
                    };
                    match parsed {
                        Ok((page, _)) if page.front.is_draft && !self.config.drafts => {
                            drafts.insert(key.clone());
                            Some(LinkTarget::Draft)
                        }
                        Ok((page, body)) => {
                            let target = LinkTarget::Page(page.path.clone());
                            let at = position.unwrap_or_else(|at| at);
                            entries.insert(at, (page, body));
                            Some(target)
                        }
                        Err(page_errors) => {
                            errors.extend(page_errors);
                            Some(LinkTarget::Broken)
                        }
                    }
                }
            };
            link_changes.push((key.clone(), target));
        }
        clock.lap("reparse");

        // Links to a touched page change only if where it leads changed: update the
        // map in place and remember how to undo it if this rebuild fails.
        let mut moved: BTreeSet<String> = BTreeSet::new();
        let mut undo: Vec<(String, Option<LinkTarget>)> = Vec::new();
        for (key, target) in link_changes {
            let previous = self.links.set(&key, target.clone());
            if previous != target {
                moved.insert(key.clone());
            }
            undo.push((key, previous));
        }
        let to_render: Vec<usize> = entries
            .iter()
            .enumerate()
            .filter(|(_, (_, body))| match body {
                None => true,
                Some(body) => !moved.is_empty() && body.links.iter().any(|l| moved.contains(l)),
            })
            .map(|(i, _)| i)
            .collect();
        clock.lap("links");
        let rendered: Vec<(usize, Result<Body, Vec<Diagnostic>>)> = to_render
            .par_iter()
            .map(|&i| {
                let page = &entries[i].0;
                let body = markdown::render(
                    &self.config,
                    &self.config.markdown,
                    &self.highlighter,
                    page,
                    &self.links,
                );
                (i, body)
            })
            .collect();
        let mut dirty: HashSet<u64> = touched.iter().map(|k| page_key(k)).collect();
        for (i, body) in rendered {
            match body {
                Ok(body) => {
                    dirty.insert(page_key(&entries[i].0.content_path));
                    entries[i].1 = Some(Arc::new(body));
                }
                Err(body_errors) => errors.extend(body_errors),
            }
        }
        content::check_paths(&self.config, entries.iter().map(|(p, _)| &**p), &mut errors);
        if errors.has_errors() {
            for (key, previous) in undo.into_iter().rev() {
                self.links.set(&key, previous);
            }
            errors.extend(update.warnings.iter().cloned());
            return Err(errors.sorted());
        }
        clock.lap("markdown");
        let (page_list, bodies): (Vec<Arc<Page>>, Vec<Arc<Body>>) = entries
            .into_iter()
            .map(|(page, body)| {
                (
                    page,
                    body.expect("every page without a body was rendered above"),
                )
            })
            .unzip();
        let loose = self.site.files.clone();
        let outcome = index::build(&self.config, page_list, bodies, loose, self.today).and_then(
            |(site, warnings)| {
                update.warnings.extend(warnings);
                clock.lap("index");
                let edited = self.edited_pages(&site, touched);
                let edited_paths: Vec<String> =
                    edited.iter().map(|e| e.file.path.clone()).collect();
                if !edited.is_empty() {
                    first(Update {
                        files: edited.iter().map(|e| e.file.clone()).collect(),
                        ..Update::default()
                    });
                    clock.lap("edited pages");
                }
                let outcome = self.render_affected(site, dirty, edited, update);
                if outcome.is_err() && !edited_paths.is_empty() {
                    first(self.as_before(&edited_paths));
                }
                outcome
            },
        );
        if let Err(mut errors) = outcome {
            for (key, previous) in undo.into_iter().rev() {
                self.links.set(&key, previous);
            }
            errors.extend(update.warnings.iter().cloned());
            return Err(errors.sorted());
        }
        self.drafts = drafts;
        Ok(())
    }

    /// The touched pages' own outputs, rendered against the new index `site`;
    /// none if any of them fails to render (`render_affected` reports it).
    fn edited_pages(&self, site: &SiteIndex, touched: &BTreeSet<String>) -> Vec<Rendered> {
        let views = SiteViews::new(&self.config, site, &self.templates.labels).recording();
        touched
            .iter()
            .filter_map(|key| site.page_id(key))
            .filter(|&id| !site.pages[id].is_section_index)
            .map(|id| {
                let job = Job::Page(id);
                render::render_job(&self.templates, &views, job).map(|(file, shown)| Rendered {
                    job,
                    file,
                    shown,
                })
            })
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_default()
    }

    /// What the current (last good) site serves at `paths`: those outputs
    /// rendered again, and the paths it has no output at removed.
    fn as_before(&self, paths: &[String]) -> Update {
        let views = SiteViews::new(&self.config, &self.site, &self.templates.labels);
        let mut update = Update::default();
        for path in paths {
            match self.shows.get(path) {
                // It rendered for the last good site with these templates.
                Some((job, _)) => update.files.extend(
                    render::render_job(&self.templates, &views, *job)
                        .ok()
                        .map(|(file, _)| file),
                ),
                None => update.removed.push(path.clone()),
            }
        }
        update
    }

    /// Renders the outputs that showed a changed page or read something that
    /// now reads otherwise (see `render::record`), and swaps in `site`. The
    /// outputs in `done` are rendered already: they go into `update` as they are.
    fn render_affected(
        &mut self,
        site: SiteIndex,
        dirty: HashSet<u64>,
        done: Vec<Rendered>,
        update: &mut Update,
    ) -> Result<(), Diagnostics> {
        let mut clock = crate::timing::Stopwatch::from_env();
        let jobs = Job::all(&self.config, &site);
        let paths: Vec<String> = jobs.par_iter().map(|job| job.path(&site)).collect();
        let statics: Vec<&str> = self.statics.iter().map(String::as_str).collect();
        let clashes = render::clashes(&self.config, &site, &jobs, &paths, &statics);
        clashes.diagnostics.into_result()?;
        let labels = &self.templates.labels;
        let old_views = SiteViews::new(&self.config, &self.site, labels);
        let views = SiteViews::new(&self.config, &site, labels).recording();
        let shown = self.shows.values().map(|(_, shown)| shown);
        let changes = Changes::between(&old_views, &views, shown, dirty);
        let everything = changes.is_global();
        // What a build leaves out (a built-in output a static file replaces), serve does too.
        let affected: Vec<usize> = (0..jobs.len())
            .filter(|n| !clashes.left_out.contains(n))
            .filter(|&n| !done.iter().any(|d| d.job == jobs[n]))
            .filter(|&n| {
                everything
                    || self
                        .shows
                        .get(&paths[n])
                        .is_none_or(|(_, shown)| changes.affect(shown))
            })
            .collect();
        clock.lap("affected");
        let rendered: Vec<Result<Rendered, Diagnostic>> = affected
            .par_iter()
            .map(|&n| {
                let job = jobs[n];
                render::render_job(&self.templates, &views, job).map(|(file, shown)| Rendered {
                    job,
                    file,
                    shown,
                })
            })
            .collect();
        clock.lap("render");
        drop((old_views, views));
        let mut errors = Diagnostics::new();
        let mut fresh: Vec<Rendered> = done;
        for result in rendered {
            match result {
                Ok(rendered) => fresh.push(rendered),
                Err(error) => errors.push(error),
            }
        }
        if errors.has_errors() {
            return Err(errors.sorted());
        }
        let mut shows = std::mem::take(&mut self.shows);
        let mut new_shows = Shows::default();
        for (n, path) in paths.into_iter().enumerate() {
            if let Some((_, shown)) = shows.remove(&path) {
                new_shows.insert(path, (jobs[n], shown));
            }
        }
        update.removed.extend(shows.into_keys());
        for Rendered { job, file, shown } in fresh {
            new_shows.insert(file.path.clone(), (job, shown));
            update.files.push(file);
        }
        self.asset_changes(&site, &changes, update);
        update.reload_all = everything;
        clock.lap("swap");
        self.shows = new_shows;
        let old_site = std::mem::replace(&mut self.site, site);
        // Freeing the old index takes milliseconds on a large site:
        // done beside, not before the reader gets the new pages.
        rayon::spawn(move || drop(old_site));
        Ok(())
    }

    /// Files under content/ whose publishing changed: bundle files of changed
    /// pages, and files that a page started or stopped using, are published;
    /// files no page uses any more are removed.
    fn asset_changes(&self, site: &SiteIndex, changes: &Changes, update: &mut Update) {
        let outputs = |site: &SiteIndex| -> BTreeMap<String, (OutputFile, bool)> {
            let bundles = (0..site.pages.len()).flat_map(|id| {
                let is_dirty = changes.is_dirty(site.page_keys[id]);
                render::asset_files(site, id)
                    .into_iter()
                    .map(move |f| (f.path.clone(), (f, is_dirty)))
            });
            let loose = site.published_files.iter().map(|f| {
                (
                    f.name.clone(),
                    (OutputFile::copy(&f.name, &f.source), false),
                )
            });
            bundles.chain(loose).collect()
        };
        let old = outputs(&self.site);
        let new = outputs(site);
        update
            .removed
            .extend(old.keys().filter(|k| !new.contains_key(*k)).cloned());
        update.files.extend(
            new.into_iter()
                .filter(|(path, (_, is_dirty))| *is_dirty || !old.contains_key(path))
                .map(|(_, (file, _))| file),
        );
    }

    /// Loose files under content/ (outside bundles) after one was added, removed or written.
    fn loose_files(&mut self, update: &mut Update) {
        // Listed, not read: the pages themselves are what the index holds.
        let Ok(listing) = content::load::list(&self.config) else {
            return;
        };
        update.warnings.extend(listing.diagnostics.iter().cloned());
        let loose = listing.into_loose();
        let published =
            index::files::published(&self.config, &self.site.pages, &self.site.bodies, &loose);
        let name = |f: &Asset| f.name.clone();
        let old: BTreeSet<String> = self.site.published_files.iter().map(name).collect();
        let new: BTreeSet<String> = published.loose.iter().map(name).collect();
        update.removed.extend(old.difference(&new).cloned());
        update.files.extend(
            published
                .loose
                .iter()
                .map(|f| OutputFile::copy(&f.name, &f.source)),
        );
        self.site.files = loose;
        self.site.published_files = published.loose;
    }
}

/// An output rendered in a rebuild, with what it showed.
struct Rendered {
    job: Job,
    file: OutputFile,
    shown: Shown,
}

/// True if `new` is `old` with at most another title, summary and body.
fn same_but_text(old: &Page, new: &Page) -> bool {
    let mut front = old.front.clone();
    front.title.clone_from(&new.front.title);
    front.summary.clone_from(&new.front.summary);
    old.path == new.path && front == new.front
}
