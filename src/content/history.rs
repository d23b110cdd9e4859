//! `dates: { updated: git }`: a page's "Senast uppdaterad" is the day of the
//! last commit that changed it (for a bundle: its `index.md` or a listed
//! attachment), unless its front matter sets `updated:`, and only when that
//! day is later than its `date`.
//!
//! The history is read once for the whole site: one `git log` of the
//! repository, newest first, parsed here for the files under `content/`. Commits listed in
//! `.arkiv-ignore-revs` (one hash a line, as git's `blame.ignoreRevsFile`)
//! do not count: bulk fixes and imports do not make every page "updated".
//! A shallow clone has no history to read (every file would seem changed by
//! its one commit): it is reported once, and no date is taken from it.
//!
//! A build keeps what it read in `.arkiv-cache/history`, with the commit it
//! was read at. The next read (in CI, with the cache restored) asks git only
//! for the commits since, when that commit is an ancestor of `HEAD` and the
//! ignore list is the same; otherwise it reads the whole history again.

use std::path::Path;
use std::process::Command;

use jiff::Timestamp;
use rustc_hash::FxHashMap;

use super::{Page, PageDate};
use crate::fs::SiteRoot;

/// The file of commits that do not count, in the site root.
pub const IGNORE_REVS: &str = ".arkiv-ignore-revs";

/// When each file under content/ was last changed by a commit that counts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct History {
    /// Content path → the moment of the newest commit that changed it.
    changed: FxHashMap<String, Timestamp>,
    /// The commit it was read at, and what else it was read with (the
    /// site's folder in the repository and the ignore list), for `keep`.
    head: String,
    key: String,
}

/// The file in the cache folder that keeps the last history read.
const CACHE_FILE: &str = "history";
/// Its first line, with the version of its layout.
const CACHE_MAGIC: &str = "arkiv-history-1";

/// Why there is no history to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoHistory {
    /// No `git` program, or the site is not in a git repository.
    Absent,
    /// A shallow clone: the commits before the newest are not there.
    Shallow,
}

/// Runs git in `dir` with settings that keep a repository's own
/// configuration from running anything.
fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotePath=false", "-c", "core.fsmonitor=false"])
        .args(["-c", "log.showSignature=false"])
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    command
}

/// The commit `HEAD` names in the repository of the site at `root`, if there is one.
pub fn head(root: &Path) -> Option<String> {
    let output = git(root).args(["rev-parse", "HEAD"]).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}

/// Reads the history of `content/` of the site at `site`.
pub fn read(site: &SiteRoot) -> Result<History, NoHistory> {
    let root = site.path();
    // Whether the clone is shallow, and the site's folder inside the
    // repository (`` or `site/`): `git log` names files from its top.
    let asked = git(root)
        .args([
            "rev-parse",
            "--is-shallow-repository",
            "--show-prefix",
            "HEAD",
        ])
        .output()
        .map_err(|_| NoHistory::Absent)?;
    if !asked.status.success() {
        return Err(NoHistory::Absent);
    }
    let answers = String::from_utf8_lossy(&asked.stdout);
    let mut answers = answers.lines();
    if answers.next() == Some("true") {
        return Err(NoHistory::Shallow);
    }
    let prefix = format!("{}content/", answers.next().unwrap_or_default().trim());
    let head = answers.next().unwrap_or_default().trim().to_string();
    let ignore_list = site
        .read_optional(&root.join(IGNORE_REVS), crate::fs::MAX_TEXT_BYTES)
        .ok()
        .flatten()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    let ignored = ignored_revs(&ignore_list);
    let key = cache_key(&prefix, &ignore_list);
    let kept = History::kept(site, &key).filter(|kept| is_commit(&kept.head));
    let since = match kept {
        Some(kept) if kept.head == head => return Ok(kept),
        Some(kept) if is_ancestor(root, &kept.head) => Some(kept),
        _ => None,
    };
    // The whole history (or the commits since the one kept), without a
    // path to limit it to: limiting it makes git compare each commit's
    // folders under content/ twice over, which costs more than reading the
    // other files' names.
    let mut log = git(root);
    log.args(["log", "--no-renames", "--name-only", "--format=%x1e%H %ct"]);
    if let Some(kept) = &since {
        log.arg(format!("{}..HEAD", kept.head));
    }
    let log = log.output().map_err(|_| NoHistory::Absent)?;
    if !log.status.success() {
        return Err(NoHistory::Absent);
    }
    let mut history = parse_log(&String::from_utf8_lossy(&log.stdout), &prefix, &ignored);
    if let Some(kept) = since {
        for (file, at) in kept.changed {
            let last = history.changed.entry(file).or_insert(at);
            *last = (*last).max(at);
        }
    }
    history.head = head;
    history.key = key;
    Ok(history)
}

/// True for a commit's name as git writes it: 40 (or 64) hex digits.
fn is_commit(name: &str) -> bool {
    matches!(name.len(), 40 | 64) && name.bytes().all(|b| b.is_ascii_hexdigit())
}

/// True when `commit` is an ancestor of `HEAD` (or `HEAD` itself).
fn is_ancestor(root: &Path, commit: &str) -> bool {
    let asked = git(root)
        .args(["merge-base", "--is-ancestor", commit, "HEAD"])
        .status();
    asked.is_ok_and(|status| status.success())
}

/// What else than the commit a kept history was read with.
fn cache_key(prefix: &str, ignore_list: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    (prefix, ignore_list).hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// The hashes listed in an ignore-revs file: a hash (or the start of one,
/// at least 7 characters) a line; `#` starts a comment.
fn ignored_revs(text: &str) -> Vec<String> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim())
        .filter(|hash| hash.len() >= 7 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_ascii_lowercase)
        .collect()
}

/// `git log --name-only --format=%x1e%H %ct` (newest first) → when each
/// file under `content` (its path from the repository's top) was last
/// changed by a commit not in `ignored`.
fn parse_log(log: &str, content: &str, ignored: &[String]) -> History {
    let mut changed = FxHashMap::default();
    for commit in log.split('\u{1e}').filter(|c| !c.trim().is_empty()) {
        let mut lines = commit.lines();
        let Some((hash, time)) = lines.next().and_then(|l| l.split_once(' ')) else {
            continue;
        };
        if ignored.iter().any(|i| hash.starts_with(i.as_str())) {
            continue;
        }
        let Some(at) = time
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|s| Timestamp::from_second(s).ok())
        else {
            continue;
        };
        let files = lines.filter_map(|line| line.trim().strip_prefix(content));
        for file in files.filter(|f| !f.is_empty()) {
            // Newest first, unless clocks were off: the latest time wins.
            let last = changed.entry(file.to_string()).or_insert(at);
            *last = (*last).max(at);
        }
    }
    History {
        changed,
        ..History::default()
    }
}

impl History {
    /// The history the last build kept, if it was read with `key`.
    fn kept(site: &SiteRoot, key: &str) -> Option<History> {
        let path = site.path().join(crate::config::CACHE_DIR).join(CACHE_FILE);
        let bytes = crate::output::own::read_own(site, &path)?;
        let text = String::from_utf8(bytes).ok()?;
        let mut lines = text.lines();
        if lines.next() != Some(CACHE_MAGIC) {
            return None;
        }
        let head = lines.next()?.to_string();
        if lines.next() != Some(key) {
            return None;
        }
        let mut changed = FxHashMap::default();
        for line in lines {
            let (at, file) = line.split_once('\t')?;
            let at = Timestamp::from_second(at.parse().ok()?).ok()?;
            changed.insert(file.to_string(), at);
        }
        let key = key.to_string();
        Some(History { changed, head, key })
    }

    /// Keeps this history in the cache folder of the site at `root`, for the
    /// next read to start from; a failure only costs that read the time.
    pub fn keep(&self, root: &Path) {
        if !is_commit(&self.head) {
            return;
        }
        let dir = root.join(crate::config::CACHE_DIR);
        let _ = crate::output::own::write_new(&dir, CACHE_FILE, |out| {
            use std::io::Write;
            writeln!(out, "{CACHE_MAGIC}\n{}\n{}", self.head, self.key)?;
            let mut files: Vec<_> = self.changed.iter().collect();
            files.sort();
            for (file, at) in files {
                writeln!(out, "{}\t{file}", at.as_second())?;
            }
            Ok(())
        });
    }

    /// When page `page` was last changed: its source, or a listed attachment.
    pub fn changed(&self, page: &Page) -> Option<Timestamp> {
        let folder = page.content_dir();
        let attachments = page.front.attachments.iter().map(|a| match folder {
            "" => a.file.clone(),
            _ => format!("{folder}/{}", a.file),
        });
        std::iter::once(page.content_path.clone())
            .chain(attachments)
            .filter_map(|path| self.changed.get(&path).copied())
            .max()
    }

    /// Gives each page without its own `updated:` the day it was last
    /// changed, when that day is later than its `date`.
    pub fn apply(&self, pages: &mut [Page]) {
        let zone = super::page::stockholm();
        for page in pages {
            if page.front.updated.is_some() {
                continue;
            }
            let Some(changed) = self.changed(page) else {
                continue;
            };
            let day = changed.to_zoned_datetime(zone.clone()).date();
            if page.date.is_none_or(|date| day > date.date()) {
                page.front.updated = Some(PageDate::day(day));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_commit_that_counts_dates_a_file() {
        let log = "\u{1e}cccccccc1 1700000300\n\nsite/content/nyheter/a.md\n\
                   \u{1e}bbbbbbbb2 1700000200\n\nsite/content/nyheter/a.md\nsite/content/nyheter/b/index.md\nREADME.md\n\
                   \u{1e}aaaaaaaa3 1700000100\n\nsite/content/nyheter/b/index.md\nsite/content/om.md\n";
        let ignored = ignored_revs("# massändring\ncccccccc\n");
        let history = parse_log(log, "site/content/", &ignored);
        let at = |path: &str| history.changed.get(path).map(|t| t.as_second());
        assert_eq!(
            at("nyheter/a.md"),
            Some(1_700_000_200),
            "the ignored commit does not count"
        );
        assert_eq!(at("nyheter/b/index.md"), Some(1_700_000_200));
        assert_eq!(at("om.md"), Some(1_700_000_100));
        assert_eq!(at("README.md"), None, "only content/ counts");
    }
}
