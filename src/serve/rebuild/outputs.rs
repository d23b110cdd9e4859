//! Which outputs a rebuild renders, and rendering them: the edited pages
//! first, then every output whose recorded reads changed (`render::record`).

use std::collections::BTreeSet;

use rayon::prelude::*;
use rustc_hash::FxHashSet as HashSet;

use super::{Outputs, State, Update};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::SiteIndex;
use crate::output::OutputFile;
use crate::render::record::Shown;
use crate::render::{self, Job, SiteViews};

/// An output rendered in a rebuild, with what it showed.
pub(super) struct Rendered {
    job: Job,
    file: OutputFile,
    shown: Shown,
}

impl State {
    /// Renders the edited pages and hands them to `first`, then the outputs
    /// the change affects, and swaps in `site`. If that fails, `first` gets
    /// what the last good site served at the edited pages' paths.
    pub(super) fn render_outputs(
        &mut self,
        site: SiteIndex,
        touched: &BTreeSet<String>,
        dirty: HashSet<u64>,
        update: &mut Update,
        first: &mut dyn FnMut(Update),
    ) -> Result<(), Diagnostics> {
        let edited = self.edited_pages(&site, touched);
        let edited_paths: Vec<String> = edited.iter().map(|e| e.file.path.clone()).collect();
        if !edited.is_empty() {
            first(Update {
                files: edited.iter().map(|e| e.file.clone()).collect(),
                ..Update::default()
            });
        }
        let outcome = self.render_affected(site, dirty, edited, update);
        if outcome.is_err() && !edited_paths.is_empty() {
            first(self.as_before(&edited_paths));
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
        let outputs = match self.outputs.take() {
            Some(outputs) => outputs,
            None => self.outputs_of(&site)?,
        };
        let Outputs {
            jobs,
            paths,
            left_out,
        } = &outputs;
        let labels = &self.templates.labels;
        let old_views = SiteViews::new(&self.config, &self.site, labels);
        let views = SiteViews::new(&self.config, &site, labels).recording();
        let changes = self.record.changes(&old_views, &views, dirty);
        let everything = changes.is_global(&self.record);
        // What a build leaves out (a built-in output a static file replaces), serve does too.
        let affected: Vec<usize> = (0..jobs.len())
            .filter(|n| !left_out.contains(n))
            .filter(|&n| !done.iter().any(|d| d.job == jobs[n]))
            .filter(|&n| everything || self.record.is_affected(&changes, &paths[n]))
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
        self.record(jobs, paths, fresh, update);
        self.outputs = Some(outputs);
        self.asset_changes(&site, &changes, update);
        update.reload_all = everything;
        clock.lap("swap");
        let old_site = std::mem::replace(&mut self.site, site);
        // Freeing the old index takes milliseconds on a large site:
        // done beside, not before the reader gets the new pages.
        rayon::spawn(move || drop(old_site));
        Ok(())
    }

    /// Keeps what each output showed: for `fresh` outputs what they show now,
    /// for the others what they showed before; outputs no job makes any more
    /// (at `paths` of `jobs`) are removed.
    fn record(
        &mut self,
        jobs: &[Job],
        paths: &[String],
        fresh: Vec<Rendered>,
        update: &mut Update,
    ) {
        update.removed.extend(self.record.keep(jobs, paths));
        for Rendered { job, file, shown } in fresh {
            self.record.insert(file.path.clone(), job, shown);
            update.files.push(file);
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
