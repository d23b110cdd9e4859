//! Links between imported pages: every page by its old file and by its old
//! addresses, so a reference (`{{< ref >}}`, `{% link %}`, `@/…`) or a link
//! to an old address becomes a link to the new page's `.md` file.

use std::collections::HashMap;

use super::body::Ref;
use super::{Generator, Planned, source::OldSite};
use crate::markdown::normalise;

/// What a link leads to.
pub enum Found {
    /// An imported page: its `@/` link.
    Page(String),
    /// A page's `.md` file (or Zola's `@/`) that the old site does not have.
    Missing,
    /// Anything else: another site, a file, an address no page had.
    Other,
}

/// The imported pages, by what the old site called them.
pub struct Index {
    /// Old content path → new content path.
    by_file: HashMap<String, String>,
    /// The new content paths (a converted reference names one already).
    new_files: std::collections::HashSet<String>,
    /// Old address (normalised) → new content path.
    by_url: HashMap<String, String>,
    /// The old site's address, whose links are links within it.
    origin: Option<String>,
    /// The old site's base path (`/docs/` of `https://x.org/docs/`).
    base_path: String,
}

/// `/x/y/` from an address written as `x/y`, `/x/y` or `/x/y/` (or with
/// an empty part, `/x//y`); an address with an extension (`.html`) stays a file's.
pub fn absolute(url: &str) -> String {
    let trimmed = url.trim();
    let mut out = format!("/{}", trimmed.trim_start_matches('/'));
    while out.contains("//") {
        out = out.replace("//", "/");
    }
    let last = out.rsplit('/').next().unwrap_or_default();
    if !out.ends_with('/') && !last.contains('.') {
        out.push('/');
    }
    out
}

/// An address as looked up: lower case, `index.html` left off, a folder's with `/`.
pub fn normalise_url(url: &str) -> String {
    let mut url = absolute(url).to_lowercase();
    if let Some(folder) = url.strip_suffix("index.html") {
        url = folder.to_string();
    }
    url
}

fn split_fragment(dest: &str) -> (&str, &str) {
    match dest.find('#') {
        Some(at) => (&dest[..at], &dest[at..]),
        None => (dest, ""),
    }
}

fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

impl Index {
    /// The index of `pages`: (old path, new path, old address, old aliases).
    pub fn new<'a>(
        _generator: Generator,
        site: &OldSite,
        pages: impl Iterator<Item = (&'a String, &'a String, &'a Option<String>, &'a Vec<String>)>,
    ) -> Index {
        let mut by_file = HashMap::new();
        let mut by_url = HashMap::new();
        for (old, new, url, aliases) in pages {
            by_file.insert(old.clone(), new.clone());
            for address in url.iter().chain(aliases) {
                by_url
                    .entry(normalise_url(address))
                    .or_insert_with(|| new.clone());
            }
        }
        let (origin, base_path) = match site.base_url.as_deref().and_then(split_origin) {
            Some((origin, path)) => (Some(origin.to_string()), absolute(path)),
            None => (None, "/".to_string()),
        };
        Index {
            new_files: by_file.values().cloned().collect(),
            by_file,
            by_url,
            origin,
            base_path,
        }
    }

    /// The `@/` link a reference from the page at old path `from` names.
    pub fn resolve(&self, from: &str, reference: Ref) -> Option<String> {
        let found = match reference {
            Ref::Path(path) => {
                let (path, fragment) = split_fragment(path);
                return self
                    .find_file(dir_of(from), path)
                    .map(|new| format!("@/{new}{fragment}"));
            }
            Ref::Link(path) => self.by_file.get(path.trim_start_matches('/')),
            Ref::Post(name) => {
                let wanted = [format!("/{name}.md"), format!("/{name}.markdown")];
                let mut posts = self
                    .by_file
                    .iter()
                    .filter(|(old, _)| old.starts_with("_posts/"))
                    .filter(|(old, _)| {
                        wanted
                            .iter()
                            .any(|w| format!("/{old}").ends_with(w.as_str()))
                    });
                posts.next().map(|(_, new)| new)
            }
        };
        found.map(|new| format!("@/{new}"))
    }

    /// The new content path of the page an old reference `path` names,
    /// seen from the old folder `dir`: relative first, then from the top,
    /// with or without `.md`, or a folder's page; else by its name alone,
    /// if only one page has it.
    fn find_file(&self, dir: &str, path: &str) -> Option<&String> {
        let path = path.trim().trim_end_matches('/');
        let bases: &[&str] = if path.starts_with('/') {
            &[""]
        } else {
            &[dir, ""]
        };
        for base in bases {
            let Some(joined) = normalise(&format!("{base}/{path}")) else {
                continue;
            };
            let candidates = [
                joined.clone(),
                format!("{joined}.md"),
                format!("{joined}/_index.md"),
                format!("{joined}/index.md"),
                format!("{joined}.markdown"),
            ];
            if let Some(found) = candidates.iter().find_map(|c| self.by_file.get(c)) {
                return Some(found);
            }
        }
        let name = path.rsplit('/').next()?.trim_end_matches(".md");
        let mut same = self.by_file.iter().filter(|(old, _)| {
            let file = old.rsplit('/').next().unwrap_or_default();
            file.trim_end_matches(".md") == name
        });
        match (same.next(), same.next()) {
            (Some((_, new)), None) => Some(new),
            _ => None,
        }
    }

    /// The `@/` link for a link written `dest` on `page`, if it leads to an
    /// imported page: an old address (absolute, on the old site's host, or
    /// relative to the page's old address), an old `.md` file, or Zola's `@/`.
    pub(super) fn rewrite(&self, page: &Planned, dest: &str) -> Found {
        let dest = dest.trim();
        if dest.starts_with('#') || dest.starts_with("mailto:") || dest.starts_with("tel:") {
            return Found::Other;
        }
        if let Some(from_top) = dest.strip_prefix("@/") {
            let (path, fragment) = split_fragment(from_top);
            return match self.by_file.get(path) {
                Some(new) if new != path => Found::Page(format!("@/{new}{fragment}")),
                Some(_) => Found::Other,
                None if self.new_files.contains(path) => Found::Other,
                None => Found::Missing,
            };
        }
        let local = match (&self.origin, dest.find("://")) {
            (Some(origin), Some(_)) => match dest.strip_prefix(origin.as_str()) {
                Some(local) => local,
                None => return Found::Other,
            },
            (None, Some(_)) => return Found::Other,
            (_, None) => dest,
        };
        let (path, fragment) = split_fragment(local);
        let path = path.split('?').next().unwrap_or_default();
        if path.is_empty() {
            return Found::Other;
        }
        let lower = path.to_lowercase();
        if lower.ends_with(".md") || lower.ends_with(".markdown") {
            let joined = if path.starts_with('/') {
                normalise(path)
            } else {
                normalise(&format!("{}/{path}", dir_of(&page.old)))
            };
            return match joined.and_then(|j| self.by_file.get(&j)) {
                Some(new) => Found::Page(format!("@/{new}{fragment}")),
                None => Found::Missing,
            };
        }
        let absolute_path = if path.starts_with('/') {
            path.to_string()
        } else {
            let Some(base) = page.old_url.as_deref() else {
                return Found::Other;
            };
            let folder = if base.ends_with('/') {
                base
            } else {
                base.rsplit_once('/').map_or("/", |(d, _)| d)
            };
            match normalise(&format!("{folder}/{path}")) {
                Some(joined) => format!("/{joined}"),
                None => return Found::Other,
            }
        };
        let key = normalise_url(&absolute_path);
        let new = self.by_url.get(&key).or_else(|| {
            let inside = key.strip_prefix(self.base_path.as_str())?;
            self.by_url.get(&normalise_url(inside))
        });
        match new {
            Some(new) => Found::Page(format!("@/{new}{fragment}")),
            None => Found::Other,
        }
    }
}

/// `https://x.org` and `/docs/` of `https://x.org/docs/`.
fn split_origin(url: &str) -> Option<(&str, &str)> {
    let scheme_end = url.find("://")? + 3;
    match url[scheme_end..].find('/') {
        Some(at) => Some((&url[..scheme_end + at], &url[scheme_end + at..])),
        None => Some((url, "/")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_normalise_for_lookup() {
        assert_eq!(normalise_url("/Docs/X"), "/docs/x/");
        assert_eq!(normalise_url("docs/index.html"), "/docs/");
        assert_eq!(normalise_url("/about.html"), "/about.html");
        assert_eq!(
            split_origin("https://x.org/docs/"),
            Some(("https://x.org", "/docs/"))
        );
    }
}
