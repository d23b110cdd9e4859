//! The markdown stage: each page's Markdown → `Body` (HTML, table of contents, text).
//!
//! In: pages, the `LinkMap` of `.md` paths to URLs, the Markdown options and
//! the shortcodes. Out: one `Body` per page, in the same order. Links to `.md`
//! files become URLs; one that leads nowhere is an error at its line and
//! column. Shortcode calls become their templates' HTML (`calls`); no other
//! template is used, and no other page's body.

mod calls;
pub mod highlight;
pub mod sanitize;
mod walk;

use std::collections::{BTreeMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::content::Page;
use crate::content::schedule::{Timed, Withheld};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::shortcodes::Shortcodes;
use crate::text::{escape_html, is_url, percent_decode, slugify};
pub use highlight::Highlighter;
use walk::Tools;

/// A heading in a page's body, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// The `id` attribute, for `#` links.
    pub id: String,
    /// The heading's text.
    pub title: String,
}

/// A page's rendered body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// The HTML.
    pub html: String,
    /// Its headings, in order.
    pub toc: Vec<Heading>,
    /// The text without markup, for summaries and search; with search off,
    /// only as much as a summary shows (and a word more, to tell it was cut).
    pub text: String,
    /// Content paths this body links to, so a rebuild knows when their URLs change.
    pub links: Vec<String>,
    /// Links and images that may name a file under content/ (not a page),
    /// for the index to decide what is published.
    pub files: Vec<FileLink>,
    /// What `arkiv check` reviews, noted where it stands in the source.
    pub review: Review,
}

/// Links, images and headings of a body as `arkiv check` reviews them;
/// offsets are bytes in the page's source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    /// Links and images to addresses in the site (not full URLs), except
    /// links to pages without a `#fragment`, which the build has resolved.
    pub links: Vec<LocalLink>,
    /// Where each image without alt text starts.
    pub missing_alt: Vec<usize>,
    /// Where each heading starts and how much of it to underline, in `toc`'s order.
    pub headings: Vec<(usize, usize)>,
    /// Where each picture whose caption only repeats its alt text starts,
    /// and its length.
    #[serde(default)]
    pub caption_repeats_alt: Vec<(usize, usize)>,
    /// Pictures shown from outside the page's folder: where each starts, its
    /// length and the content path it names (published at one size only).
    #[serde(default)]
    pub outside_pictures: Vec<(usize, usize, String)>,
    /// Links to pages left out for their time, shown as plain text: where
    /// each starts, its length and the content path it leads to.
    #[serde(default)]
    pub timed_links: Vec<(usize, usize, String)>,
    /// Template code of another generator, published as text: where each
    /// piece starts, its length, its kind and its name (`ref`, `site.baseurl`).
    #[serde(default)]
    pub foreign: Vec<(usize, usize, crate::shortcodes::foreign::Foreign, String)>,
}

/// A link or image whose target lies in the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocalLink {
    /// The address as written.
    pub dest: String,
    /// For a link to a page's `.md` file, that page's URL (the fragment is in `dest`).
    pub page_url: Option<String>,
    /// Where it starts in the page's source, in bytes.
    pub offset: usize,
    /// Its length in bytes.
    pub len: usize,
}

/// A link or image in a body whose target may be a file under content/.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileLink {
    /// The content path it names, seen from the page's source file
    /// (`nyheter/x/bild.jpg`); `None` when it climbs out of content/.
    pub content_path: Option<String>,
    /// The site path a browser would fetch (`nyheter/x/bild.jpg` for a
    /// relative link on `/nyheter/x/`), for links written as published URLs.
    pub site_path: Option<String>,
    /// Where the link starts in the page's source, in bytes, and how long it is.
    pub offset: usize,
    /// Its length in bytes.
    pub len: usize,
}

impl FileLink {
    /// What `dest` names, written on `page` at `offset` (of `len` bytes) in its
    /// source; `None` for URLs, anchors, mail links and paths whose last part
    /// has no extension (pages), which name no file.
    pub fn of(
        config: &Config,
        page: &Page,
        dest: &str,
        offset: usize,
        len: usize,
    ) -> Option<FileLink> {
        let path = dest.split(['#', '?']).next().unwrap_or_default();
        // A file is named with its extension; `/nyheter/x/` and `../x` are pages.
        // Links to pages are most of a body's links: they are not kept.
        let name = path.rsplit('/').next().unwrap_or_default();
        if !name.contains('.') || is_url(path) {
            return None;
        }
        let decoded = percent_decode(path);
        let (content_path, site_path) = match decoded.strip_prefix("@/") {
            Some(from_root) => (normalise(from_root), None),
            None if decoded.starts_with('/') => {
                let site = decoded
                    .strip_prefix(config.base_path.as_str())
                    .unwrap_or(&decoded[1..]);
                (normalise(&decoded[1..]), normalise(site))
            }
            None => (
                normalise(&format!("{}/{decoded}", page.content_dir())),
                normalise(&format!("{}{decoded}", page.path)),
            ),
        };
        Some(FileLink {
            content_path,
            site_path,
            offset,
            len,
        })
    }
}

/// What a link to a content path leads to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LinkTarget {
    /// A published page at this output path.
    Page(String),
    /// A draft, left out of this build.
    Draft,
    /// A page whose front matter is broken (already reported).
    Broken,
    /// A page left out for its time (`content::schedule`): the link shows
    /// as plain text, with a warning.
    Timed(Withheld),
}

/// Maps each page's content path (`nyheter/x/index.md`) to what a link to it leads to.
#[derive(Debug, Clone, Default)]
pub struct LinkMap {
    paths: BTreeMap<String, LinkTarget>,
}

impl LinkMap {
    /// Builds the map from the published pages.
    pub fn new<'a>(pages: impl IntoIterator<Item = &'a Page>) -> Self {
        let paths = pages
            .into_iter()
            .map(|page| {
                (
                    page.content_path.clone(),
                    LinkTarget::Page(page.path.clone()),
                )
            })
            .collect();
        LinkMap { paths }
    }

    /// Adds pages that exist but are not published: drafts, and broken pages.
    pub fn with_unpublished(mut self, drafts: &[String], broken: &[String]) -> Self {
        for path in drafts {
            self.paths.insert(path.clone(), LinkTarget::Draft);
        }
        for path in broken {
            self.paths.insert(path.clone(), LinkTarget::Broken);
        }
        self
    }

    /// Adds pages left out for their time (`content::schedule`).
    pub fn with_timed(mut self, timed: &[Timed]) -> Self {
        for page in timed {
            let target = LinkTarget::Timed(page.why);
            self.paths.insert(page.content_path.clone(), target);
        }
        self
    }

    /// Sets (or, with `None`, removes) where `path` leads; returns what it led to before.
    pub fn set(&mut self, path: &str, target: Option<LinkTarget>) -> Option<LinkTarget> {
        match target {
            Some(target) => self.paths.insert(path.to_string(), target),
            None => self.paths.remove(path),
        }
    }

    /// What the content path `path` leads to.
    pub fn get(&self, path: &str) -> Option<&LinkTarget> {
        self.paths.get(path)
    }
}

/// Renders one page's body, its shortcode calls with `shortcodes`; every
/// broken link and every mistake in a call is an error.
pub fn render(
    config: &Config,
    highlighter: &Highlighter,
    shortcodes: &Shortcodes,
    page: &Page,
    links: &LinkMap,
) -> Result<Body, Vec<Diagnostic>> {
    walk::render_page(&Tools::new(config, highlighter, shortcodes, page, links))
}

/// Renders every page's body in parallel, in the pages' order; a page whose
/// body fails has none, and every broken link in every page is reported.
pub fn render_all(
    config: &Config,
    pages: &[Page],
    links: &LinkMap,
    (highlighter, shortcodes): (&Highlighter, &Shortcodes),
) -> (Vec<Option<Body>>, Diagnostics) {
    let results: Vec<Result<Body, Vec<Diagnostic>>> = pages
        .par_iter()
        .map(|page| render(config, highlighter, shortcodes, page, links))
        .collect();
    let mut diagnostics = Diagnostics::new();
    let bodies = results
        .into_iter()
        .map(|result| result.map_err(|errors| diagnostics.extend(errors)).ok())
        .collect();
    (bodies, diagnostics)
}

/// Gives every heading an `id` (its own `{#id}` or a slug of its text) and a self-link.
fn add_heading_anchors(events: &mut Vec<Event<'_>>) -> Vec<Heading> {
    let mut toc = Vec::new();
    let mut used: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        let Event::Start(Tag::Heading { level, id, .. }) = &events[i] else {
            i += 1;
            continue;
        };
        let level = *level;
        let explicit = id.as_ref().map(|id| id.to_string());
        let end = (i..events.len())
            .find(|&j| matches!(events[j], Event::End(TagEnd::Heading(_))))
            .unwrap_or(events.len() - 1);
        let title: String = events[i..end]
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let base = explicit.unwrap_or_else(|| {
            let slug = slugify(&title);
            if slug.is_empty() {
                "rubrik".into()
            } else {
                slug
            }
        });
        let mut unique = base.clone();
        let mut n = 1;
        while !used.insert(unique.clone()) {
            unique = format!("{base}-{n}");
            n += 1;
        }
        if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
            *id = Some(CowStr::from(unique.clone()));
        }
        // The self-link is a convenience for sighted readers who copy links; it is
        // hidden from assistive technology so it does not repeat in the heading's name.
        let anchor = format!(
            " <a class=\"heading-anchor\" href=\"#{id}\" aria-hidden=\"true\" tabindex=\"-1\">#</a>",
            id = escape_html(&unique),
        );
        events.insert(end, Event::InlineHtml(anchor.into()));
        toc.push(Heading {
            level: heading_number(level),
            id: unique,
            title: title.trim().to_string(),
        });
        i = end + 2;
    }
    toc
}

/// A heading level as a number, 1–6.
pub fn heading_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Why a link to a page is not written as one.
enum LinkError {
    /// A mistake: the message and the hint.
    Wrong(String, String),
    /// The page is left out for its time: the link's text stands alone.
    Timed(String),
}

/// The URL for a link to another page's `.md` file; `None` leaves the link as written.
fn resolve_link(
    config: &Config,
    page: &Page,
    links: &LinkMap,
    dest: &str,
    linked: &mut Vec<String>,
) -> Result<Option<String>, LinkError> {
    let (path, fragment) = match dest.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (dest, None),
    };
    if !is_page_link(path) {
        return Ok(None);
    }
    let decoded = percent_decode(path);
    let target = link_target(page, &decoded);
    if let Some(target) = &target {
        linked.push(target.clone());
        linked.push(format!("{target}/index.md"));
    }
    let found = target
        .as_deref()
        .and_then(|t| links.get(t).or_else(|| links.get(&format!("{t}/index.md"))));
    match found {
        Some(LinkTarget::Broken) => Ok(None),
        Some(LinkTarget::Draft) => Err(LinkError::Wrong(
            t!("link-to-draft", link = dest),
            t!("link-to-draft-hint"),
        )),
        Some(LinkTarget::Timed(_)) => {
            let target = target.unwrap_or_default();
            match links.get(&target) {
                Some(_) => Err(LinkError::Timed(target)),
                None => Err(LinkError::Timed(format!("{target}/index.md"))),
            }
        }
        Some(LinkTarget::Page(output)) => {
            let mut url = config.url(output);
            if let Some(fragment) = fragment {
                url.push('#');
                url.push_str(fragment);
            }
            Ok(Some(url))
        }
        None => Err(LinkError::Wrong(
            match target {
                Some(target) => t!("link-to-no-page", link = dest, target = target),
                None => t!("link-outside-content", link = dest),
            },
            t!("link-to-no-page-hint"),
        )),
    }
}

/// True for a link to a page's Markdown file (`../x.md`, `@/x.md#rubrik`).
pub fn is_page_link(dest: &str) -> bool {
    let path = dest.split('#').next().unwrap_or_default();
    let lower = path.to_ascii_lowercase();
    (lower.ends_with(".md") || lower.ends_with(".markdown")) && !is_url(path)
}

/// The content path a (decoded, fragment-free) link to a `.md` file names, seen from
/// `page`: `@/x.md` and `/x.md` from content/, anything else from the page's folder.
/// `None` when it climbs out of content/. A bundle may be named by its folder.
pub fn link_target(page: &Page, path: &str) -> Option<String> {
    match path.strip_prefix("@/") {
        Some(from_root) => normalise(from_root),
        None if path.starts_with('/') => normalise(path.trim_start_matches('/')),
        None => normalise(&format!("{}/{}", page.content_dir(), path)),
    }
}

/// Resolves `.` and `..` in a `/`-separated path; `None` if it climbs out of content/.
pub(crate) fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalise_within_content() {
        assert_eq!(
            normalise("nyheter/../om-gr.md").as_deref(),
            Some("om-gr.md")
        );
        assert_eq!(normalise("./a/./b.md").as_deref(), Some("a/b.md"));
        assert_eq!(normalise("../x.md"), None);
    }
}
