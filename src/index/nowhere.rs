//! Links to addresses of the site that lead nowhere (`/news/2016/x/`, a
//! file that is not there): a warning in every build, so a team that only
//! builds does not publish broken links. Links to `.md` files are checked
//! as the bodies are made; `check` also looks at headings (`#fragment`) and
//! calls these errors.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::check::Targets;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::render::outputs::Job;
use crate::text::percent_decode;

use super::SiteIndex;

/// A warning at each link of a published page to an address of the site
/// that no output, attachment or static file has.
pub fn link_warnings(config: &Config, site: &SiteIndex) -> Diagnostics {
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
    let mut paths: Vec<String> = Job::all(config, site)
        .iter()
        .map(|job| job.path(site))
        .collect();
    for (id, attachments) in site.attachments.iter().enumerate() {
        let folder = &site.pages[id].path;
        paths.extend(attachments.iter().map(|a| format!("{folder}{}", a.name)));
    }
    paths.extend(site.published_files.iter().map(|file| file.name.clone()));
    let outputs: BTreeSet<&str> = paths.iter().map(String::as_str).collect();
    let statics = static_names(config);
    let targets = Targets {
        base_path: &config.base_path,
        outputs: &outputs,
        anchors: &HashMap::new(),
    };
    let base = config.base_path.as_str();
    for id in site.listed_pages() {
        let page = &site.pages[id];
        let from_url = config.url(&page.path);
        for link in &site.bodies[id].review.links {
            // Template code of another generator is warned of as that (`leftovers`).
            let foreign = link.dest.contains("{{") || link.dest.contains("{%");
            if link.page_url.is_some() || foreign || is_static(&link.dest, base, &statics) {
                continue;
            }
            if let Some((message, hint)) = targets.link_problem(&from_url, link) {
                let warning = Diagnostic::warning(message).hint(hint);
                warnings.push(warning.at(&page.display_path, &page.source, link.offset, link.len));
            }
        }
    }
    warnings
}

/// The names at the top of the site's and the theme's `static/` folders
/// (`css`, `admin`, `favicon.svg`), and the search index's folder: what
/// the output holds beside the pages.
fn static_names(config: &Config) -> BTreeSet<String> {
    let folders = [
        config.root.join("static"),
        config.theme_dir().join("static"),
    ];
    let mut names: BTreeSet<String> = folders
        .iter()
        .filter_map(|folder| std::fs::read_dir(folder).ok())
        .flatten()
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    names.insert(crate::routes::SEARCH_BUNDLE.to_string());
    names
}

/// True for an address from the site's root (`/css/site.css`) under a name
/// of `statics`.
fn is_static(dest: &str, base_path: &str, statics: &BTreeSet<String>) -> bool {
    let path = percent_decode(dest.split(['#', '?']).next().unwrap_or_default());
    let Some(rest) = path
        .strip_prefix(base_path)
        .or_else(|| path.strip_prefix('/'))
    else {
        return false;
    };
    let first = Path::new(rest).iter().next();
    first.is_some_and(|name| statics.contains(&*name.to_string_lossy()))
}
