//! Watching the site's files: notify events, debounced, become `Change`s.
//!
//! In: the site root. Out: batches of `Change` on a channel. Editors that save
//! by writing a temporary file and renaming it arrive as one change to the
//! real file; hidden and temporary files are ignored. It decides nothing about
//! what to rebuild.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::config::CONFIG_FILE;
use crate::content::load::is_ignored;

/// How long events are gathered before a rebuild: short enough to feel instant,
/// long enough that an editor's write-then-rename arrives as one change.
pub const DEBOUNCE: Duration = Duration::from_millis(4);

pub use crate::pipeline::session::Change;

/// Keeps the watcher alive; changes arrive on `changes`.
pub struct Watcher {
    _debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    /// Batches of changes, one per debounced burst.
    pub changes: Receiver<Vec<Change>>,
}

/// Starts watching `content/`, the theme, `templates/`, `static/` and `site.yaml`.
pub fn watch(root: &Path, theme: &Path) -> notify_debouncer_full::notify::Result<Watcher> {
    let (sender, changes) = channel();
    let classify = Classifier {
        root: root.to_path_buf(),
        theme: theme.to_path_buf(),
    };
    let mut debouncer = new_debouncer(DEBOUNCE, Some(Duration::from_millis(2)), {
        let sender: Sender<Vec<Change>> = sender;
        move |result: DebounceEventResult| {
            if let Ok(events) = result {
                let mut batch: Vec<Change> = events
                    .iter()
                    .filter(|event| changes_files(&event.event.kind))
                    .flat_map(|event| event.event.paths.iter())
                    .filter_map(|path| classify.change(path))
                    .collect();
                batch.sort();
                batch.dedup();
                if !batch.is_empty() {
                    let _ = sender.send(batch);
                }
            }
        }
    })?;
    for (dir, mode) in [
        (root.join("content"), RecursiveMode::Recursive),
        (root.join("themes"), RecursiveMode::Recursive),
        (root.join("templates"), RecursiveMode::Recursive),
        (root.join("static"), RecursiveMode::Recursive),
        (root.to_path_buf(), RecursiveMode::NonRecursive),
    ] {
        if dir.is_dir() {
            debouncer.watch(&dir, mode)?;
        }
    }
    Ok(Watcher {
        _debouncer: debouncer,
        changes,
    })
}

/// True for events that change files; reading a file (arkiv's own reads too) is not a change.
fn changes_files(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) | EventKind::Other => false,
        EventKind::Any | EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) => true,
    }
}

struct Classifier {
    root: PathBuf,
    theme: PathBuf,
}

impl Classifier {
    /// The change a path stands for, or `None` for files arkiv does not read.
    fn change(&self, path: &Path) -> Option<Change> {
        let name = path.file_name()?;
        if is_ignored(name) {
            return None;
        }
        let under = |dir: &Path| path.starts_with(dir);
        if under(&self.root.join("content")) {
            Some(Change::Content(path.to_path_buf()))
        } else if under(&self.theme.join("templates"))
            || under(&self.theme.join("lang"))
            || under(&self.root.join("templates"))
        {
            Some(Change::Template)
        } else if under(&self.theme.join("static")) || under(&self.root.join("static")) {
            Some(Change::Static(path.to_path_buf()))
        } else if path == self.root.join(CONFIG_FILE) {
            Some(Change::Config)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_classified_by_folder() {
        let classify = Classifier {
            root: PathBuf::from("/site"),
            theme: PathBuf::from("/site/themes/gr"),
        };
        let change = |p: &str| classify.change(Path::new(p));
        assert_eq!(
            change("/site/content/nyheter/a.md"),
            Some(Change::Content("/site/content/nyheter/a.md".into()))
        );
        assert_eq!(
            change("/site/themes/gr/templates/base.html"),
            Some(Change::Template)
        );
        assert_eq!(
            change("/site/themes/gr/static/css/site.css"),
            Some(Change::Static("/site/themes/gr/static/css/site.css".into()))
        );
        assert_eq!(change("/site/site.yaml"), Some(Change::Config));
        assert_eq!(change("/site/public/index.html"), None);
        assert_eq!(change("/site/content/nyheter/.a.md.swp"), None);
    }
}
