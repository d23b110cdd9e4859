//! Which outputs a rebuild renders, and rendering them: the edited pages
//! first, then every output whose recorded reads changed (`render::record`).

use std::collections::BTreeSet;

use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;

use super::{Outputs, State, Update};
use crate::diagnostics::{Diagnostic, Diagnostics};
use std::sync::Arc;

use crate::content::Page;
use crate::index::{PageId, SiteIndex};
use crate::markdown::Body;
use crate::output::OutputFile;
use crate::render::record::{Changes, Shown};
use crate::render::{self, Job, SiteViews};

/// An output rendered in a rebuild, with what it showed.
pub(super) struct Rendered {
    job: Job,
    file: OutputFile,
    shown: Shown,
}

/// The index a rebuild made.
pub(super) enum NewIndex {
    /// A new index of the whole site.
    Whole(Box<SiteIndex>),
    /// The current index, with one page and its body put in place
    /// (`SiteIndex::stands_with` said the rest stands as it is).
    Page(PageId, Arc<Page>, Arc<Body>),
}

impl State {
    /// Renders the edited pages and hands them to `first`, then the outputs
    /// the change affects, and swaps in the new index. If that fails, `first`
    /// gets what the last good site served at the edited pages' paths.
    pub(super) fn render_outputs(
        &mut self,
        index: NewIndex,
        touched: &BTreeSet<String>,
        dirty: HashSet<u64>,
        update: &mut Update,
        first: &mut dyn FnMut(Update),
    ) -> Result<(), Diagnostics> {
        let (site, undo) = match index {
            NewIndex::Whole(site) => (Some(*site), None),
            NewIndex::Page(id, page, body) => {
                let page = std::mem::replace(&mut self.site.pages[id], page);
                let body = std::mem::replace(&mut self.site.bodies[id], body);
                (None, Some((id, page, body)))
            }
        };
        // Without indexing there is no wait worth handing the page over before the rest.
        let edited = match &site {
            Some(site) => self.edited_pages(site, touched),
            None => Vec::new(),
        };
        let edited_paths: Vec<String> = edited.iter().map(|e| e.file.path.clone()).collect();
        if !edited.is_empty() {
            let pages = edited.iter().map(|e| e.file.clone());
            let files = site
                .as_ref()
                .map(|site| self.new_bundle_files(site, &edited));
            first(Update {
                files: pages.chain(files.into_iter().flatten()).collect(),
                ..Update::default()
            });
        }
        let outcome = self.render_affected(site, dirty, edited, update);
        if outcome.is_err() {
            if let Some((id, page, body)) = undo {
                self.site.pages[id] = page;
                self.site.bodies[id] = body;
            }
            if !edited_paths.is_empty() {
                first(self.as_before(&edited_paths));
            }
        }
        outcome
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

    /// The published bundle files of the `edited` pages whose bundle
    /// changed (a picture replaced, a file added or first linked): handed
    /// over with them, so a page is not served before the pictures it shows.
    fn new_bundle_files(&self, site: &SiteIndex, edited: &[Rendered]) -> Vec<OutputFile> {
        let changed = |&id: &PageId| match self.site.page_id(&site.pages[id].content_path) {
            Some(old) => self.site.attachments[old] != site.attachments[id],
            None => true,
        };
        (edited.iter())
            .filter_map(|e| match e.job {
                Job::Page(id) => Some(id),
                _ => None,
            })
            .filter(changed)
            .flat_map(|id| render::asset_files(site, id))
            .collect()
    }

    /// What the current (last good) site serves at `paths`: those outputs
    /// rendered again, and the paths it has no output at removed.
    pub(super) fn as_before(&self, paths: &[String]) -> Update {
        let views = SiteViews::new(&self.config, &self.site, &self.templates.labels);
        let mut update = Update::default();
        for path in paths {
            match self.record.job(path) {
                // It rendered for the last good site with these templates.
                Some(job) => update.files.extend(
                    render::render_job(&self.templates, &views, job)
                        .ok()
                        .map(|(file, _)| file),
                ),
                None => update.removed.push(path.clone()),
            }
        }
        update
    }

    /// Renders the outputs that showed a changed page or read something that
    /// now reads otherwise (see `render::record`), and swaps in `new`, the
    /// new index (`None`: the current one, changed in place but for pages'
    /// content). The outputs in `done` are rendered already: they go into
    /// `update` as they are.
    fn render_affected(
        &mut self,
        new: Option<SiteIndex>,
        dirty: HashSet<u64>,
        done: Vec<Rendered>,
        update: &mut Update,
    ) -> Result<(), Diagnostics> {
        let mut clock = crate::timing::Stopwatch::from_env();
        let mut outputs = self.outputs.take();
        let site = new.as_ref().unwrap_or(&self.site);
        let views = SiteViews::new(&self.config, site, &self.templates.labels).recording();
        let found = self.affected(new.as_ref(), &views, dirty, &mut outputs);
        self.outputs = outputs;
        let (changes, affected) = found?;
        let affected: Vec<Job> = affected
            .into_iter()
            .filter(|job| !done.iter().any(|d| d.job == *job))
            .collect();
        clock.lap("affected");
        let rendered: Vec<Result<Rendered, Diagnostic>> = affected
            .par_iter()
            .map(|&job| {
                render::render_job(&self.templates, &views, job).map(|(file, shown)| Rendered {
                    job,
                    file,
                    shown,
                })
            })
            .collect();
        clock.lap("render");
        drop(views);
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
        update.reload_all = changes.is_global(&self.record);
        self.keep(new, &changes, fresh, update);
        clock.lap("swap");
        Ok(())
    }

    /// What changed between the current site and `views`' (the new index
    /// `new`, or the current one changed in place), and the outputs it
    /// affects; a new index's `outputs` are listed if they are not yet.
    fn affected(
        &self,
        new: Option<&SiteIndex>,
        views: &SiteViews<'_>,
        dirty: HashSet<u64>,
        outputs: &mut Option<Outputs>,
    ) -> Result<(Changes, Vec<Job>), Diagnostics> {
        let Some(site) = new else {
            // Nothing an output reads besides pages changed: the index and its
            // outputs are the same, so the outputs recorded are the ones to look at.
            let changes = self.record.only_pages(dirty);
            let affected = self.record.affected(&changes);
            return Ok((changes, affected));
        };
        let old_views = SiteViews::new(&self.config, &self.site, &self.templates.labels);
        let changes = self.record.changes(&old_views, views, dirty);
        if outputs.is_none() {
            *outputs = Some(self.outputs_of(site)?);
        }
        let outputs = outputs.as_ref().expect("listed above");
        let everything = changes.is_global(&self.record);
        // What a build leaves out (a built-in output a static file replaces), serve does too.
        let affected = (0..outputs.jobs.len())
            .filter(|n| !outputs.left_out.contains(n))
            .filter(|&n| everything || self.record.is_affected(&changes, &outputs.paths[n]))
            .map(|n| outputs.jobs[n])
            .collect();
        Ok((changes, affected))
    }

    /// Keeps what was rendered and its record, and swaps in the new index,
    /// publishing the files under content/ whose use changed.
    fn keep(
        &mut self,
        new: Option<SiteIndex>,
        changes: &Changes,
        fresh: Vec<Rendered>,
        update: &mut Update,
    ) {
        if new.is_some() {
            let outputs = self.outputs.take().expect("made for a new index");
            update
                .removed
                .extend(self.record.keep(&outputs.jobs, &outputs.paths));
            self.outputs = Some(outputs);
        }
        for Rendered { job, file, shown } in fresh {
            self.record.insert(file.path.clone(), job, shown);
            update.files.push(file);
        }
        if let Some(site) = new {
            self.asset_changes(&site, changes, update);
            let old_site = std::mem::replace(&mut self.site, site);
            // Freeing the old index takes milliseconds on a large site:
            // done beside, not before the reader gets the new pages.
            rayon::spawn(move || drop(old_site));
        }
    }

    /// The outputs of `site`; a clash among them is an error.
    fn outputs_of(&self, site: &SiteIndex) -> Result<Outputs, Diagnostics> {
        let jobs = Job::all(&self.config, site);
        let paths: Vec<String> = jobs.par_iter().map(|job| job.path(site)).collect();
        let statics: Vec<&str> = self.statics.iter().map(String::as_str).collect();
        let clashes = render::clashes(&self.config, site, &jobs, &paths, &statics);
        clashes.diagnostics.into_result()?;
        Ok(Outputs {
            jobs,
            paths,
            left_out: clashes.left_out,
        })
    }
}
