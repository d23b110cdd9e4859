//! `arkiv check`: the whole pipeline without publishing, then a report of what
//! a reader or a validator would trip over.
//!
//! In: the site. Out: `Diagnostics` — everything the build validates, plus
//! links and `#anchors` that lead nowhere (ordinary relative links too),
//! images without alt text, heading levels that skip, duplicate titles, pages
//! dated in the future, and terms site.yaml does not allow. It writes nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::config::BuildOptions;
use crate::content::{Page, PageKind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::{PageId, SiteIndex};
use crate::markdown::heading_number;
use crate::output::OutputFile;
use crate::pipeline::Prepared;
use crate::text::percent_decode;

/// Checks the site; returns every finding, errors and warnings, sorted.
pub fn check(opts: &BuildOptions) -> Diagnostics {
    let (prepared, files) = match crate::pipeline::render_site(opts) {
        Ok(built) => built,
        Err(errors) => return errors,
    };
    let mut findings = prepared.warnings.clone();
    findings.extend(review(&prepared, &files));
    findings.sorted()
}

/// The checks that need the built site: links, anchors, images, headings, titles, dates.
pub fn review(prepared: &Prepared, files: &[OutputFile]) -> Diagnostics {
    let site = &prepared.site;
    let outputs: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let anchors: HashMap<String, BTreeSet<&str>> = site
        .listed_pages()
        .map(|id| {
            let ids = site.bodies[id].toc.iter().map(|h| h.id.as_str()).collect();
            (prepared.config.url(&site.pages[id].path), ids)
        })
        .collect();
    let page_urls: HashMap<&str, String> = site
        .pages
        .iter()
        .map(|p| (p.content_path.as_str(), prepared.config.url(&p.path)))
        .collect();
    let targets = Targets {
        base_path: &prepared.config.base_path,
        outputs: &outputs,
        anchors: &anchors,
        page_urls: &page_urls,
    };
    let mut findings = Diagnostics::new();
    for id in site.listed_pages() {
        let page = &site.pages[id];
        findings.extend(check_markdown(prepared, page, &targets));
        findings.extend(check_front_matter_image(page));
        if let Some(date) = page.date.filter(|d| d.date() > site.today) {
            let line = page.front.key_lines.get("date").copied().unwrap_or(1);
            findings.push(
                Diagnostic::warning(format!(
                    "the page is dated {} – in the future – but is published now",
                    date.iso_date()
                ))
                .at_line(&page.display_path, &page.source, line, 1)
                .hint("arkiv publishes every page that is not a draft; set `draft: true` until the day, or correct the date"),
            );
        }
    }
    findings.extend(duplicate_titles(site));
    findings
}

/// What links may point at: output files and each page's heading ids.
struct Targets<'a> {
    base_path: &'a str,
    outputs: &'a BTreeSet<&'a str>,
    anchors: &'a HashMap<String, BTreeSet<&'a str>>,
    /// Content path → URL, for links to `.md` files.
    page_urls: &'a HashMap<&'a str, String>,
}

impl Targets<'_> {
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
                format!("`{dest}` is outside the site"),
                "link to a page of this site or to a full https:// address".into(),
            ));
        };
        let page_url = if key.is_empty() || key.ends_with('/') {
            if !self.outputs.contains(format!("{key}index.html").as_str()) {
                return Some((
                    format!("the link to `{dest}` leads to no page"),
                    "check the path; link to other pages by their .md file so arkiv can check and update it".into(),
                ));
            }
            url.clone()
        } else if self.outputs.contains(key) {
            return None;
        } else if self.outputs.contains(format!("{key}/index.html").as_str()) {
            format!("{url}/")
        } else {
            return Some((
                format!("the link to `{dest}` leads to no file"),
                "check the file name; a bundle's files sit beside its index.md".into(),
            ));
        };
        let fragment = fragment.filter(|f| !f.is_empty())?;
        let ids = self.anchors.get(&page_url)?;
        (!ids.contains(fragment)).then(|| {
            let known: Vec<&str> = ids.iter().copied().take(8).collect();
            (
                format!("the page has no heading `#{fragment}`"),
                if known.is_empty() {
                    "the page has no headings to link to".to_string()
                } else {
                    format!(
                        "its headings are: {}",
                        known
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

fn check_markdown(prepared: &Prepared, page: &Page, targets: &Targets<'_>) -> Vec<Diagnostic> {
    let markdown = page.markdown();
    let from_url = prepared.config.url(&page.path);
    let mut findings = Vec::new();
    let mut last_level = 1;
    let mut image_alt: Option<(usize, String)> = None;
    let at = |offset: usize, len: usize, d: Diagnostic| {
        d.at(
            &page.display_path,
            &page.source,
            page.body_offset + offset,
            len,
        )
    };
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_HEADING_ATTRIBUTES;
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let is_image = matches!(event, Event::Start(Tag::Image { .. }));
        match event {
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. })
                if !is_page_link(&dest_url) =>
            {
                if let Some((message, hint)) = targets.problem(&from_url, &dest_url) {
                    findings.push(at(
                        range.start,
                        range.len(),
                        Diagnostic::error(message).hint(hint),
                    ));
                }
                if is_image {
                    image_alt = Some((range.start, String::new()));
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(fragment) = dest_url.split_once('#').map(|(_, f)| f)
                    && let Some(target) = page_link_target(targets.page_urls, page, &dest_url)
                    && let Some(ids) = targets.anchors.get(&target)
                    && !ids.contains(fragment)
                {
                    findings.push(at(
                        range.start,
                        range.len(),
                        Diagnostic::error(format!("the linked page has no heading `#{fragment}`"))
                            .hint("check the heading's id: it is the heading's text in lower-case ASCII with dashes"),
                    ));
                }
            }
            Event::Start(Tag::Image { .. }) => image_alt = Some((range.start, String::new())),
            Event::Text(text) | Event::Code(text) if image_alt.is_some() => {
                if let Some((_, alt)) = image_alt.as_mut() {
                    alt.push_str(&text);
                }
            }
            Event::End(TagEnd::Image) => {
                if let Some((start, alt)) = image_alt.take()
                    && alt.trim().is_empty()
                {
                    findings.push(at(
                        start,
                        2,
                        Diagnostic::error("the image has no alt text").hint(
                            "describe what the picture shows: ![En karta över regionen](karta.png)",
                        ),
                    ));
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let level = usize::from(heading_number(level));
                if level == 1 {
                    findings.push(at(
                        range.start,
                        range.len().min(80),
                        Diagnostic::warning(
                            "a first-level heading in the body: the page's title is already its h1",
                        )
                        .hint("start the body's headings at ## (level 2)"),
                    ));
                } else if level > last_level + 1 {
                    findings.push(at(
                        range.start,
                        range.len().min(80),
                        Diagnostic::warning(format!(
                            "the heading jumps from level {last_level} to level {level}"
                        ))
                        .hint(format!(
                            "use {} here, so screen reader users can follow the outline",
                            "#".repeat(last_level + 1)
                        )),
                    ));
                }
                last_level = level;
            }
            _ => {}
        }
    }
    findings
}

fn is_page_link(dest: &str) -> bool {
    let path = dest
        .split('#')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    (path.ends_with(".md") || path.ends_with(".markdown")) && !path.contains("://")
}

/// The URL of the page a `.md` link leads to (the build has checked that it exists).
fn page_link_target(urls: &HashMap<&str, String>, page: &Page, dest: &str) -> Option<String> {
    let target = crate::markdown::link_target(page, &percent_decode(dest.split('#').next()?))?;
    urls.get(target.as_str())
        .or_else(|| urls.get(format!("{target}/index.md").as_str()))
        .cloned()
}

fn check_front_matter_image(page: &Page) -> Option<Diagnostic> {
    let image = page.front.image.as_ref()?;
    image.alt.trim().is_empty().then(|| {
        let line = page.front.key_lines.get("image").copied().unwrap_or(1);
        Diagnostic::warning("the page's image has an empty alt text")
            .at_line(&page.display_path, &page.source, line, 1)
            .hint(
                "leave alt empty only for a purely decorative picture; otherwise say what it shows",
            )
    })
}

fn duplicate_titles(site: &SiteIndex) -> Vec<Diagnostic> {
    let mut by_title: BTreeMap<(PageKind, String), Vec<PageId>> = BTreeMap::new();
    for id in site.listed_pages() {
        let page = &site.pages[id];
        by_title
            .entry((page.kind, page.front.title.to_lowercase()))
            .or_default()
            .push(id);
    }
    let mut findings = Vec::new();
    for ids in by_title.values().filter(|ids| ids.len() > 1) {
        for &id in &ids[1..] {
            let page = &site.pages[id];
            let first = &site.pages[ids[0]];
            let line = page.front.key_lines.get("title").copied().unwrap_or(1);
            findings.push(
                Diagnostic::warning(format!("the same title as {}", first.display_path))
                    .at_line(&page.display_path, &page.source, line, 1)
                    .hint("readers and search results cannot tell the two apart: add what differs (a date, a place)"),
            );
        }
    }
    findings
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
