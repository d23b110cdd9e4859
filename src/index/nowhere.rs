//! Links to addresses of the site that lead nowhere (`/news/2016/x/`, a
//! file that is not there): a warning in every build, so a team that only
//! builds does not publish broken links. Links to `.md` files are checked
//! as the bodies are made; `check` also looks at headings (`#fragment`) and
//! calls these errors.

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::LocalLink;
use crate::text::percent_decode;

use super::SiteIndex;

/// A warning at each link of a published page to an address of the site
/// that none of the output's files (`addresses`, asked only when a page
/// has such a link) nor a static file has.
pub fn link_warnings(
    config: &Config,
    site: &SiteIndex,
    addresses: impl FnOnce() -> Vec<String>,
) -> Diagnostics {
    let mut warnings = Diagnostics::new();
    let unresolved = |id: &usize| {
        site.bodies[*id]
            .review
            .links
            .iter()
            .any(|link| link.page_url.is_none())
    };
    if !site.listed_pages().any(|id| unresolved(&id)) {
        return warnings;
    }
    let paths = addresses();
    let outputs: BTreeSet<&str> = paths.iter().map(String::as_str).collect();
    let statics = static_folders(config);
    let targets = Targets {
        base_path: &config.base_path,
        outputs: &outputs,
        anchors: &HashMap::new(),
    };
    let base = config.base_path.as_str();
    // Pages are looked at in parallel, their warnings kept in the pages' order.
    let ids: Vec<usize> = site.listed_pages().collect();
    let each_page: Vec<Vec<Diagnostic>> = ids
        .par_iter()
        .map(|&id| {
            let page = &site.pages[id];
            let from_url = config.url(&page.path);
            let mut found = Vec::new();
            for link in &site.bodies[id].review.links {
                // Template code of another generator is warned of as that (`leftovers`).
                let foreign = link.dest.contains("{{") || link.dest.contains("{%");
                let is_static = || is_static(&link.dest, &from_url, base, &statics);
                if link.page_url.is_some() || foreign || is_static() {
                    continue;
                }
                if let Some((message, hint)) = targets.link_problem(&from_url, link) {
                    let warning = Diagnostic::warning(message).hint(hint);
                    found.push(warning.at(&page.display_path, &page.source, link.offset, link.len));
                }
            }
            found
        })
        .collect();
    warnings.extend(each_page.into_iter().flatten());
    warnings
}

/// The site's and the theme's `static/` folders, whose files the output
/// holds beside the pages.
fn static_folders(config: &Config) -> [PathBuf; 2] {
    [
        config.root.join("static"),
        config.theme_dir().join("static"),
    ]
}

/// True for the address of a file or folder under `folders`
/// (`/css/site.css`, `/admin/`, or `../../css/site.css` from the page at
/// `from_url`), or of the search index.
fn is_static(dest: &str, from_url: &str, base_path: &str, folders: &[PathBuf]) -> bool {
    let path = percent_decode(dest.split(['#', '?']).next().unwrap_or_default());
    let path = if path.starts_with('/') {
        path
    } else {
        join(from_url, &path)
    };
    let Some(rest) = path
        .strip_prefix(base_path)
        .or_else(|| path.strip_prefix('/'))
    else {
        return false;
    };
    let rest = rest.trim_end_matches('/');
    let bundle = crate::routes::SEARCH_BUNDLE;
    if rest == bundle || rest.starts_with(&format!("{bundle}/")) {
        return true;
    }
    // Only names inside the folders are looked up; nothing is read.
    let plain = Path::new(rest)
        .components()
        .all(|part| matches!(part, Component::Normal(_)));
    !rest.is_empty() && plain && folders.iter().any(|folder| folder.join(rest).exists())
}

/// What links may point at: output files and each page's heading ids.
pub struct Targets<'a> {
    /// The site's path under its host (`/` or `/arkiv/`).
    pub base_path: &'a str,
    /// Every file of the output, relative to its root.
    pub outputs: &'a BTreeSet<&'a str>,
    /// The heading ids of each page, by URL; a page not here is not checked for them.
    pub anchors: &'a HashMap<String, BTreeSet<&'a str>>,
}

impl Targets<'_> {
    /// Why a link noted in a body leads nowhere, if it does.
    pub fn link_problem(&self, from_url: &str, link: &LocalLink) -> Option<(String, String)> {
        let Some(page_url) = &link.page_url else {
            return self.problem(from_url, &link.dest);
        };
        let fragment = link.dest.split_once('#').map(|(_, f)| f)?;
        let ids = self.anchors.get(page_url)?;
        (!ids.contains(fragment)).then(|| {
            (
                t!("check-no-such-heading-there", fragment = fragment),
                t!("check-no-such-heading-there-hint"),
            )
        })
    }

    /// Why a link from the page at `from_url` to `dest` leads nowhere, if it does.
    fn problem(&self, from_url: &str, dest: &str) -> Option<(String, String)> {
        if crate::text::is_url(dest) {
            return None;
        }
        let (path, fragment) = dest
            .split_once('#')
            .map_or((dest, None), |(p, f)| (p, Some(f)));
        let path = path.split('?').next().unwrap_or_default();
        let url = if path.is_empty() {
            from_url.to_string()
        } else if path.starts_with('/') {
            percent_decode(path)
        } else {
            join(from_url, &percent_decode(path))
        };
        let Some(key) = url
            .strip_prefix(self.base_path)
            .or_else(|| url.strip_prefix('/'))
        else {
            return Some((
                t!("check-outside-site", dest = dest),
                t!("check-outside-site-hint"),
            ));
        };
        let page_url = if key.is_empty() || key.ends_with('/') {
            if !self.outputs.contains(format!("{key}index.html").as_str()) {
                return Some((t!("check-no-page", dest = dest), t!("check-no-page-hint")));
            }
            url.clone()
        } else if self.outputs.contains(key) {
            return None;
        } else if self.outputs.contains(format!("{key}/index.html").as_str()) {
            format!("{url}/")
        } else {
            return Some((t!("check-no-file", dest = dest), t!("check-no-file-hint")));
        };
        let fragment = fragment.filter(|f| !f.is_empty())?;
        let ids = self.anchors.get(&page_url)?;
        (!ids.contains(fragment)).then(|| {
            let known: Vec<&str> = ids.iter().copied().take(8).collect();
            (
                t!("check-no-such-heading", fragment = fragment),
                if known.is_empty() {
                    t!("check-no-headings-hint")
                } else {
                    t!(
                        "check-headings-are-hint",
                        headings = known
                            .iter()
                            .map(|k| format!("#{k}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                },
            )
        })
    }
}

/// Resolves `relative` against the folder URL `base` (`/nyheter/x/` + `../y/` → `/nyheter/y/`).
fn join(base: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    let trailing = relative.ends_with('/');
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let mut url = format!("/{}", parts.join("/"));
    if trailing && url != "/" {
        url.push('/');
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_links_resolve_against_the_page_folder() {
        assert_eq!(join("/nyheter/x/", "../y/"), "/nyheter/y/");
        assert_eq!(join("/nyheter/x/", "bild.png"), "/nyheter/x/bild.png");
        assert_eq!(join("/nyheter/x/", "../../"), "/");
    }
}
