//! A rebuild of the pages whose files changed: read again, parsed, their
//! bodies and those of the pages that link to them rendered, and indexed.

use std::collections::BTreeSet;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;

use super::outputs::NewIndex;
use super::{Previewed, State, Update};
use crate::content::load::load_one;
use crate::content::{self, Page, schedule};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::{self, page_key};
use crate::markdown::{self, Body, LinkTarget};
use crate::timing::Stopwatch;

/// The site's pages with the touched ones parsed again; a body is `None`
/// where it must be rendered.
struct Reparsed {
    entries: Vec<(Arc<Page>, Option<Arc<Body>>)>,
    drafts: BTreeSet<String>,
    /// Where links to each touched content path lead now.
    targets: Vec<(String, Option<LinkTarget>)>,
    /// True when a touched page is, or was, left out for its time.
    timed: bool,
}

/// How to put the link map back as it was.
type Undo = Vec<(String, Option<LinkTarget>)>;

impl State {
    /// Re-reads the touched pages, re-renders what shows them, and swaps in the new index.
    pub(super) fn rebuild_pages(
        &mut self,
        touched: &BTreeSet<String>,
        update: &mut Update,
        first: &mut dyn FnMut(Update),
    ) -> Result<(), Diagnostics> {
        let mut clock = Stopwatch::from_env();
        let mut errors = self.reread(touched);
        let mut previewed = std::mem::take(&mut self.previewed);
        let mut reparsed = self.reparse(touched, &mut previewed, update, &mut errors);
        clock.lap("reparse");
        if reparsed.timed {
            // Published or taken down at its moment: built whole, as a build would.
            self.timed = true;
            return Ok(());
        }
        let (moved, undo) = self.relink(std::mem::take(&mut reparsed.targets));
        let mut dirty: HashSet<u64> = touched.iter().map(|k| page_key(k)).collect();
        self.render_bodies(&mut reparsed.entries, &moved, &mut dirty, &mut errors);
        // A page that keeps its path and aliases cannot clash with another.
        let in_place = (!errors.has_errors())
            .then(|| self.edited_in_place(touched, &reparsed, &moved))
            .flatten();
        if in_place.is_none() && !self.keeps_addresses(touched, &reparsed) {
            let pages = reparsed.entries.iter().map(|(p, _)| &**p);
            let _refused = content::check_paths(&self.config, pages, &mut errors);
        }
        if errors.has_errors() {
            self.undo_links(undo);
            errors.extend(update.warnings.iter().cloned());
            return Err(errors.sorted());
        }
        clock.lap("markdown");
        if let Some(index) = in_place {
            // The index stands as it was but for the page: no indexing, same outputs.
            clock.lap("index kept");
            update.warnings.extend(self.index_warnings.iter().cloned());
            return self
                .render_outputs(index, touched, dirty, update, first)
                .map_err(|mut errors| {
                    self.undo_links(undo);
                    errors.extend(update.warnings.iter().cloned());
                    errors.sorted()
                });
        }
        let drafts = std::mem::take(&mut reparsed.drafts);
        let outcome = self.reindex(reparsed, touched, dirty, update, first);
        if let Err(mut errors) = outcome {
            self.undo_links(undo);
            errors.extend(update.warnings.iter().cloned());
            return Err(errors.sorted());
        }
        self.drafts = drafts;
        Ok(())
    }

    /// Indexes the reparsed pages anew and renders what the change affects.
    fn reindex(
        &mut self,
        reparsed: Reparsed,
        touched: &BTreeSet<String>,
        dirty: HashSet<u64>,
        update: &mut Update,
        first: &mut dyn FnMut(Update),
    ) -> Result<(), Diagnostics> {
        let mut clock = Stopwatch::from_env();
        let (pages, bodies): (Vec<Arc<Page>>, Vec<Arc<Body>>) = reparsed
            .entries
            .into_iter()
            .map(|(page, body)| (page, body.expect("every page without a body was rendered")))
            .unzip();
        let loose = self.site.files.clone();
        let timing = self.site.timing.clone();
        let (site, warnings) =
            index::build(&self.config, pages, bodies, loose, timing, Some(&self.site))?;
        self.index_warnings = warnings;
        self.outputs = None;
        clock.lap("index");
        let site = NewIndex::Whole(Box::new(site));
        let outcome = self.render_outputs(site, touched, dirty, update, first);
        // After the edited page is handed over: a large site has thousands
        // of warnings, and each link that leads nowhere asks the disk
        // whether it is a static file. Of the site now served.
        let nowhere = crate::pipeline::site_link_warnings(&self.config, &self.site);
        self.index_warnings.extend(nowhere);
        update.warnings.extend(self.index_warnings.iter().cloned());
        clock.lap("warnings");
        outcome
    }

    /// Reads the touched files again; those gone are forgotten.
    fn reread(&mut self, touched: &BTreeSet<String>) -> Diagnostics {
        let content_dir = self.config.content_dir();
        let mut errors = Diagnostics::new();
        for key in touched {
            let path = content_dir.join(key);
            let source = path.is_file().then(|| load_one(&self.config, &path));
            match source {
                Some(Ok(source)) => {
                    self.sources.insert(key.clone(), source);
                }
                Some(Err(error)) => {
                    self.sources.remove(key);
                    errors.push(error);
                }
                None => {
                    self.sources.remove(key);
                }
            }
        }
        errors
    }

    /// The site's pages, with each touched page parsed again (or taken as
    /// `preview` parsed it), left out as a draft, or gone.
    fn reparse(
        &self,
        touched: &BTreeSet<String>,
        previewed: &mut Vec<Previewed>,
        update: &mut Update,
        errors: &mut Diagnostics,
    ) -> Reparsed {
        let mut reparsed = Reparsed {
            entries: (self.site.pages.iter().zip(&self.site.bodies))
                .map(|(p, b)| (Arc::clone(p), Some(Arc::clone(b))))
                .collect(),
            drafts: self.drafts.clone(),
            targets: Vec::new(),
            timed: false,
        };
        let timing = &self.site.timing;
        // A page whose time came between the site's moment and this one's,
        // or put at the address of an expired page's notice: built whole.
        let moved = |page: &Page| {
            let (then, now, future) = (timing.now, self.now, self.config.future);
            let crossed = |at: jiff::Timestamp| (at > then) != (at > now);
            schedule::withheld(page, now, future).is_some()
                || page.date.is_some_and(|d| crossed(d.timestamp()))
                || timing
                    .withheld
                    .iter()
                    .any(|t| t.notice && t.path == page.path)
        };
        for key in touched {
            let entries = &mut reparsed.entries;
            let position = entries.binary_search_by(|(p, _)| p.content_path.as_str().cmp(key));
            if let Ok(at) = position {
                entries.remove(at);
            }
            reparsed.drafts.remove(key);
            // A file in a language the site does not publish is no page, as in `build`.
            let published = content::is_in_language(&self.config, key);
            let Some(source) = self.sources.get(key).filter(|_| published) else {
                reparsed.targets.push((key.clone(), None));
                continue;
            };
            let done = previewed
                .iter()
                .position(|p| p.page.content_path == *key && p.text == source.text)
                .map(|at| previewed.swap_remove(at));
            let parsed = match done {
                Some(done) => {
                    update.warnings.extend(done.warnings);
                    Ok((done.page, Some(done.body)))
                }
                None => content::parse_page(source, &self.config, &mut update.warnings).map(
                    |mut page| {
                        if let Some(history) = &self.history {
                            history.apply(std::slice::from_mut(&mut page));
                        }
                        (Arc::new(page), None)
                    },
                ),
            };
            reparsed.timed |= timing.get(key).is_some();
            let target = match parsed {
                Ok((page, _)) if moved(&page) => {
                    reparsed.timed = true;
                    LinkTarget::Broken
                }
                Ok((page, _)) if page.front.is_draft && !self.config.drafts => {
                    reparsed.drafts.insert(key.clone());
                    LinkTarget::Draft
                }
                Ok((page, body)) => {
                    let target = LinkTarget::Page(page.path.clone());
                    entries.insert(position.unwrap_or_else(|at| at), (page, body));
                    target
                }
                Err(page_errors) => {
                    errors.extend(page_errors);
                    LinkTarget::Broken
                }
            };
            reparsed.targets.push((key.clone(), Some(target)));
        }
        reparsed
    }

    /// Points links to the touched pages where they lead now; returns the
    /// content paths whose target moved, and how to undo it.
    fn relink(&mut self, targets: Vec<(String, Option<LinkTarget>)>) -> (BTreeSet<String>, Undo) {
        let mut moved = BTreeSet::new();
        let mut undo = Vec::new();
        for (key, target) in targets {
            let previous = self.links.set(&key, target.clone());
            if previous != target {
                moved.insert(key.clone());
            }
            undo.push((key, previous));
        }
        (moved, undo)
    }

    fn undo_links(&mut self, undo: Undo) {
        for (key, previous) in undo.into_iter().rev() {
            self.links.set(&key, previous);
        }
    }

    /// Renders the bodies that are missing or link to a page that `moved`;
    /// each page rendered is `dirty`.
    fn render_bodies(
        &self,
        entries: &mut [(Arc<Page>, Option<Arc<Body>>)],
        moved: &BTreeSet<String>,
        dirty: &mut HashSet<u64>,
        errors: &mut Diagnostics,
    ) {
        let stale = |body: &Option<Arc<Body>>| match body {
            None => true,
            Some(body) => !moved.is_empty() && body.links.iter().any(|l| moved.contains(l)),
        };
        let rendered: Vec<(usize, Result<Body, Vec<Diagnostic>>)> = (0..entries.len())
            .into_par_iter()
            .filter(|&i| stale(&entries[i].1))
            .map(|i| {
                let page = &entries[i].0;
                let config = &self.config;
                let shortcodes = &self.templates.shortcodes;
                let body =
                    markdown::render(config, &self.highlighter, shortcodes, page, &self.links);
                (i, body)
            })
            .collect();
        for (i, body) in rendered {
            match body {
                Ok(body) => {
                    dirty.insert(page_key(&entries[i].0.content_path));
                    entries[i].1 = Some(Arc::new(body));
                }
                Err(body_errors) => errors.extend(body_errors),
            }
        }
    }

    /// True when no page came or went and each touched page is at the
    /// address it was: no address can clash that did not before, and the
    /// site's addresses need no checking again.
    fn keeps_addresses(&self, touched: &BTreeSet<String>, reparsed: &Reparsed) -> bool {
        let entries = &reparsed.entries;
        let at = |key: &str| entries.binary_search_by(|(p, _)| p.content_path.as_str().cmp(key));
        entries.len() == self.site.pages.len()
            && touched.iter().all(|key| {
                let old = self.site.page_id(key).map(|id| &self.site.pages[id]);
                let new = at(key).ok().map(|i| &entries[i].0);
                old.zip(new)
                    .is_some_and(|(old, new)| index::same_address(old, new))
            })
    }

    /// The current index with the one touched page put in its place, when
    /// the edit leaves the index as it was but for that page's content
    /// (`SiteIndex::stands_with`) and moved no link.
    fn edited_in_place(
        &self,
        touched: &BTreeSet<String>,
        reparsed: &Reparsed,
        moved: &BTreeSet<String>,
    ) -> Option<NewIndex> {
        let [key] = Vec::from_iter(touched).try_into().ok()?;
        let id = self.site.page_id(key)?;
        let (page, body) = reparsed.entries.get(id)?;
        let same_pages = reparsed.entries.len() == self.site.pages.len();
        if !moved.is_empty() || !same_pages || page.content_path != *key {
            return None;
        }
        let body = Arc::clone(body.as_ref()?);
        let stands = self.site.stands_with(id, page, &body);
        stands.then(|| NewIndex::Page(id, Arc::clone(page), body))
    }
}
