//! Rendering one `Job` (an output of the site, listed in `outputs`).
//!
//! In: a job and the views of one output. Out: an `OutputFile` at the job's
//! path. Pages and the files every site has are rendered here; listings in
//! `listings.rs`, feeds and the calendar in `feeds.rs`.

use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::index::PageId;
use crate::output::OutputFile;
use crate::render::Templates;
use crate::render::context::{Link, Views};
use crate::render::outputs::{Feed, Job};
use crate::render::record::{Read, feed_key};
use crate::routes;

impl Job {
    /// Renders this output with `views`, which record what it shows.
    pub fn render(
        &self,
        templates: &Templates,
        views: &Views<'_>,
    ) -> Result<OutputFile, Diagnostic> {
        let mut cx = Frame::new(templates, views, *self);
        match *self {
            Job::Page(id) => page(cx, id),
            Job::Home => super::listings::home(cx),
            Job::Section(kind, n) => super::listings::section(cx, kind, n),
            Job::Taxonomy(kind) => super::listings::taxonomy(cx, kind),
            Job::Term(kind, t, n) => super::listings::term(cx, kind, t, n),
            Job::Archive => super::listings::archive(cx),
            Job::ArchiveYear(y) => super::listings::archive_year(cx, y),
            Job::ArchiveMonth(y, m) => super::listings::archive_month(cx, y, m),
            Job::Feed(feed) => super::feeds::feed(cx, feed),
            Job::Calendar => super::feeds::calendar(cx),
            Job::CalendarFeed => super::feeds::calendar_feed(cx),
            Job::EventFile(n) => super::feeds::event_file(cx, n),
            Job::NotFound => {
                cx.title = views.labels.get("not_found_title").to_string();
                cx.finish("404.html")
            }
            Job::Search => {
                cx.title = views.labels.get("search").to_string();
                cx.finish("search.html")
            }
            Job::Sitemap => sitemap(cx),
            Job::Robots => {
                let url = views.config.absolute_url(routes::SITEMAP);
                cx.context.insert("sitemap_url", &url);
                cx.finish(routes::ROBOTS)
            }
            Job::Alias(id, _) => {
                let link = views.link(id);
                cx.title.clone_from(&link.title);
                cx.context.insert("target", &link.url);
                cx.finish(super::templates::ALIAS)
            }
        }
    }
}

fn page(mut cx: Frame<'_>, id: PageId) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let page = &views.site().pages[id];
    let view = views.page(id);
    cx.title = view.summary.title.clone();
    cx.description = view.summary.summary.clone();
    cx.context.insert("page", &view);
    let template = page
        .front
        .template
        .as_deref()
        .unwrap_or(page.kind.template());
    if page.front.template.is_some() && !cx.templates.has(template) {
        let line = page.front.key_lines.get("template").copied().unwrap_or(1);
        return Err(
            Diagnostic::error(format!("the theme has no template `{template}`"))
                .at_line(&page.display_path, &page.source, line, 1)
                .hint(format!(
                    "remove `template:` to use {}, or add the template to templates/",
                    page.kind.template()
                )),
        );
    }
    cx.finish(template)
}

/// One address of the sitemap.
#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
struct SitemapEntry {
    /// The absolute URL.
    loc: String,
    /// The page's last update or publication, `2024-03-26`.
    lastmod: Option<String>,
}

/// `sitemap.xml`: the start page, every listed page, section and term listing.
fn sitemap(mut cx: Frame<'_>) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let (config, site) = (views.config, views.site());
    views.read(Read::Addresses);
    let entry = |path: &str, lastmod: Option<String>| SitemapEntry {
        loc: config.absolute_url(path),
        lastmod,
    };
    let mut entries = vec![entry("", None)];
    for id in site.listed_pages() {
        let page = &site.pages[id];
        let lastmod = page.front.updated.or(page.date).map(|d| d.iso_date());
        entries.push(entry(&page.path, lastmod));
    }
    for section in &site.sections {
        entries.push(entry(&routes::section(section.folder), None));
    }
    for taxonomy in &site.taxonomies {
        entries.push(entry(&routes::taxonomy(&taxonomy.path), None));
        for term in &taxonomy.terms {
            entries.push(entry(&routes::term(&taxonomy.path, &term.slug), None));
        }
    }
    entries.sort();
    entries.dedup();
    cx.context.insert("entries", &entries);
    cx.finish(routes::SITEMAP)
}

/// The context every template gets, and the output-specific parts being filled in.
pub(super) struct Frame<'a> {
    pub(super) templates: &'a Templates,
    pub(super) views: &'a Views<'a>,
    pub(super) context: Context,
    pub(super) title: String,
    pub(super) description: String,
    job: Job,
}

impl<'a> Frame<'a> {
    fn new(templates: &'a Templates, views: &'a Views<'a>, job: Job) -> Self {
        Frame {
            templates,
            views,
            context: Context::new(),
            title: String::new(),
            description: String::new(),
            job,
        }
    }

    /// Renders `template` into the job's output file.
    pub(super) fn finish(mut self, template: &str) -> Result<OutputFile, Diagnostic> {
        let views = self.views;
        let config = views.config;
        let site = views.site();
        let path = self.job.path(site);
        if let Some(folder) = self.job.folder(site) {
            self.context.insert("current_url", &config.url(&folder));
            self.context
                .insert("canonical_url", &config.absolute_url(&folder));
        }
        let globals = views.globals();
        self.context.insert_value("site", globals.site.clone());
        self.context.insert_value("t", globals.t.clone());
        self.context.insert("title", &self.title);
        self.context.insert("description", &self.description);
        self.context.insert("feeds", &self.feeds());
        if !self.context.contains_key("is_home") {
            self.context.insert("is_home", &false);
        }
        let text = self.templates.render(template, &self.context)?;
        Ok(OutputFile::bytes(path, text))
    }

    /// The Atom feeds an HTML output links to in its `<head>`: the site's,
    /// and its section's or topic's.
    fn feeds(&self) -> Vec<Link> {
        let views = self.views;
        let site = views.site();
        let mut feeds = vec![Link {
            title: views.config.title.clone(),
            url: views.url(&routes::feed("")),
        }];
        let own = match self.job {
            Job::Page(id) => site.pages[id]
                .kind
                .folder()
                .map(|_| Feed::Section(site.pages[id].kind)),
            Job::Section(kind, _) => Some(Feed::Section(kind)),
            Job::Term(crate::index::TaxonomyKind::Topics, t, _) => Some(Feed::Topic(t)),
            _ => None,
        };
        if let Some(feed) = own {
            views.read(Read::FeedLink(feed_key(site, feed)));
            if !feed.pages(site).is_empty() {
                feeds.push(Link {
                    title: super::feeds::title(views, feed),
                    url: views.url(&routes::feed(&feed.folder(site))),
                });
            }
        }
        feeds
    }
}
