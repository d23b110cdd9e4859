//! Files under content/ and static/ as a rebuild sees them: which pages a
//! changed path touches (a bundle's files belong to its index.md), and which
//! copied files to publish or take down.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{State, Update};
use crate::content;
use crate::content::load::{Asset, Role, is_bundle_index, is_ignored, role};
use crate::diagnostics::Diagnostics;
use crate::index::{self, SiteIndex};
use crate::output::OutputFile;
use crate::render;
use crate::render::record::Changes;

impl State {
    /// Static files under the changed paths (files or whole folders), and those now gone.
    pub(super) fn static_changes(&mut self, paths: &[&Path], update: &mut Update) {
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
                crate::output::Contents::Bytes(_) | crate::output::Contents::Picture(_) => false,
            };
            if is_new || changed {
                update.files.push(file);
            }
        }
        self.statics = names;
        // A static file may now replace a built-in output, or no longer.
        self.outputs = None;
    }

    pub(super) fn content_changes(
        &mut self,
        paths: &[&Path],
        update: &mut Update,
        first: &mut dyn FnMut(Update),
    ) -> Result<(), Diagnostics> {
        let content_dir = self.config.content_dir();
        let top = content_dir.parent().unwrap_or(&content_dir);
        let mut loose_changed = false;
        let mut touched: BTreeSet<String> = std::mem::take(&mut self.retry.pages);
        for path in paths {
            let Ok(relative) = path.strip_prefix(&content_dir) else {
                continue;
            };
            if relative.components().any(|c| is_ignored(c.as_os_str())) {
                continue;
            }
            let key = crate::diagnostics::display_path(Path::new(""), relative);
            let prefix = format!("{key}/");
            let bundle = |dir: &Path| self.bundle_in(&content_dir, dir);
            if path.is_dir() || self.sources.keys().any(|k| k.starts_with(&prefix)) {
                // A folder came, went or was renamed: its pages, its files, its bundle.
                touched.extend(self.rescan_folder(&content_dir, &key));
                // As a file would, the folder belongs to the bundle above it.
                if let Role::Asset(_, index) = role(path, top, bundle) {
                    touched.insert(index);
                }
                loose_changed = true;
                continue;
            }
            match role(path, top, bundle) {
                Role::Page => {
                    // A bundle's index coming or going turns its files into
                    // attachments or back into loose files.
                    loose_changed |= is_bundle_index(path);
                    touched.insert(key);
                }
                Role::Beside(_, index) | Role::Asset(_, index) => {
                    touched.insert(index);
                }
                Role::Loose => loose_changed = true,
            }
        }
        let result = self.rebuild_pages(&touched, update, first);
        if result.is_err() {
            self.retry.pages = touched;
        }
        result?;
        if loose_changed {
            self.loose_files(update);
        }
        Ok(())
    }

    /// Content paths under a folder that appeared, disappeared or was renamed:
    /// the pages known there, and those on disk now.
    fn rescan_folder(&self, content_dir: &Path, key: &str) -> BTreeSet<String> {
        let prefix = format!("{key}/");
        let mut keys: BTreeSet<String> = self
            .sources
            .keys()
            .filter(|k| k.starts_with(&prefix))
            .cloned()
            .collect();
        let top = content_dir.parent().unwrap_or(content_dir);
        let on_disk = |dir: &Path| {
            let holds = dir.join("index.md").is_file() || dir.join("index.markdown").is_file();
            holds.then_some(())
        };
        // The listing's own walk: hidden and editor files are skipped, and
        // links that leave the site are not followed, as in a build.
        let walked = self
            .config
            .site
            .walk(&content_dir.join(key), |e| is_ignored(e.file_name()));
        for path in walked.files {
            if role(&path, top, on_disk) == Role::Page {
                keys.insert(crate::diagnostics::display_path(content_dir, &path));
            }
        }
        keys
    }

    /// The content path of the index of the bundle in the folder `dir`, if it holds one.
    fn bundle_in(&self, content_dir: &Path, dir: &Path) -> Option<String> {
        let relative = dir.strip_prefix(content_dir).ok()?;
        ["index.md", "index.markdown"]
            .into_iter()
            .map(|name| crate::diagnostics::display_path(Path::new(""), &relative.join(name)))
            .find(|index| self.sources.contains_key(index))
    }

    /// Files under content/ whose publishing changed: bundle files of changed
    /// pages, and files that a page started or stopped using, are published;
    /// files no page uses any more are removed.
    pub(super) fn asset_changes(&self, site: &SiteIndex, changes: &Changes, update: &mut Update) {
        let outputs = |site: &SiteIndex| -> BTreeMap<String, (OutputFile, bool)> {
            let bundles = (0..site.pages.len()).flat_map(|id| {
                let is_dirty = changes.is_dirty(site.page_keys[id]);
                render::asset_files(site, id)
                    .into_iter()
                    .map(move |f| (f.path.clone(), (f, is_dirty)))
            });
            let loose = site
                .published_files
                .iter()
                .map(|f| (f.name.clone(), (render::loose_file(site, f), false)));
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
    pub(super) fn loose_files(&mut self, update: &mut Update) {
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
        // The bundles' files are left as they were: decided whole next time.
        self.site.file_warnings = None;
    }
}
