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
use crate::render::contexts::{
    AliasContext, Common, GoneContext, LanguageLink, NoContext, PageContext, RobotsContext,
    SitemapContext, SitemapEntry, SitemapIndexContext,
};
use crate::render::outputs::{Feed, Job};
use crate::render::record::{Read, feed_key};
use crate::render::sitemap::{MAX_BYTES, MAX_URLS};
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
                cx.finish("404.html", &NoContext {})
            }
            Job::Search => {
                cx.title = views.labels.get("search").to_string();
                cx.finish("search.html", &NoContext {})
            }
            Job::Sitemap => sitemap(cx, None),
            Job::SitemapPart(n) => sitemap(cx, Some(n)),
            Job::Robots => {
                let sitemap_url = views.config.absolute_url(routes::SITEMAP);
                cx.finish(routes::ROBOTS, &RobotsContext { sitemap_url })
            }
            Job::Gone(n) => {
                let timed = &views.site().timing.withheld[n];
                views.read(Read::Gone(timed.content_path.clone()));
                cx.title.clone_from(&timed.title);
                let when = crate::content::schedule::spoken(&timed.moment, &views.config.language);
                cx.finish(super::templates::GONE, &GoneContext { when })
            }
            Job::Alias(id, _) => {
                let link = views.link(id);
                cx.title.clone_from(&link.title);
                let target = link.url;
                cx.finish(super::templates::ALIAS, &AliasContext { target })
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
    let template = page
        .front
        .template
        .as_deref()
        .unwrap_or(page.kind.template());
    if page.front.template.is_some() && !cx.templates.has(template) {
        let line = page.front.key_lines.get("template").copied().unwrap_or(1);
        return Err(Diagnostic::error(t!("render-no-template", name = template))
            .at_line(&page.display_path, &page.source, line, 1)
            .hint(t!(
                "render-page-template-hint",
                default = page.kind.template()
            )));
    }
    cx.finish(template, &PageContext { page: view })
}

/// `sitemap.xml` (`part` `None`), or part `n` of a sitemap in parts. When the
/// addresses do not fit in one file, `sitemap.xml` is the index of the parts.
fn sitemap(cx: Frame<'_>, part: Option<usize>) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let config = views.config;
    views.read(Read::Addresses);
    let mut entries = super::sitemap::entries(config, views.site());
    let multilingual = views.site().translations.is_multilingual();
    let parts = super::sitemap::parts(&entries, MAX_URLS, MAX_BYTES);
    match part {
        Some(n) => {
            let range = parts.get(n - 1).cloned().unwrap_or_default();
            let entries: Vec<SitemapEntry> = entries.drain(range).collect();
            cx.finish(
                routes::SITEMAP,
                &SitemapContext {
                    entries,
                    multilingual,
                },
            )
        }
        None if parts.len() > 1 => {
            let sitemaps = (1..=parts.len())
                .map(|n| config.absolute_url(&routes::sitemap_part(n)))
                .collect();
            let index = SitemapIndexContext { sitemaps };
            cx.finish(super::templates::SITEMAP_INDEX, &index)
        }
        None => cx.finish(
            routes::SITEMAP,
            &SitemapContext {
                entries,
                multilingual,
            },
        ),
    }
}

/// An output being rendered: its views, and the parts of `Common` its job fills in.
pub(super) struct Frame<'a> {
    pub(super) templates: &'a Templates,
    pub(super) views: &'a Views<'a>,
    pub(super) title: String,
    pub(super) description: String,
    job: Job,
}

impl<'a> Frame<'a> {
    fn new(templates: &'a Templates, views: &'a Views<'a>, job: Job) -> Self {
        Frame {
            templates,
            views,
            title: String::new(),
            description: String::new(),
            job,
        }
    }

    /// Renders `template` with `Common` and the template's own context.
    pub(super) fn finish(
        self,
        template: &str,
        own: &impl Serialize,
    ) -> Result<OutputFile, Diagnostic> {
        let views = self.views;
        let config = views.config;
        let site = views.site();
        let folder = self.job.folder(site);
        let globals = views.globals();
        let common = Common {
            site: &globals.site,
            t: &globals.t,
            title: &self.title,
            description: &self.description,
            feeds: self.feeds(),
            current_url: folder.as_ref().map(|f| config.url(f)),
            canonical_url: folder.as_ref().map(|f| config.absolute_url(f)),
            is_home: self.job == Job::Home,
            translations: match folder {
                Some(_) => self.translations(),
                None => Vec::new(),
            },
        };
        let mut context = Context::from_serialize(own).expect("a template's context is a struct");
        context.extend(Context::from_serialize(&common).expect("Common is a struct"));
        let text = self.templates.render(template, &context)?;
        Ok(OutputFile::bytes(self.job.path(site), text))
    }

    /// Each language's version of this output, for a site in several: a
    /// page's translation, the same listing, else the language's start page.
    fn translations(&self) -> Vec<LanguageLink> {
        use crate::index::translations::Listing;
        let (views, site) = (self.views, self.views.site());
        let config = views.config;
        let translations = &site.translations;
        let listing = match self.job {
            Job::Home => Some(Listing::Home),
            Job::Section(kind, 1) => Some(Listing::Section(kind)),
            Job::Taxonomy(kind) => Some(Listing::Taxonomy(kind)),
            Job::Archive => Some(Listing::Archive),
            Job::Calendar => Some(Listing::Calendar),
            Job::Search => Some(Listing::Search),
            _ => None,
        };
        let own = config.language.as_str();
        let page = match self.job {
            Job::Page(id) => Some(&site.pages[id]),
            _ => None,
        };
        // A term's page leads to the same term's page in each language that has it.
        let term = match self.job {
            Job::Term(..) => self
                .job
                .folder(site)
                .map(|path| translations.of_term(&path)),
            _ => None,
        };
        let mut links = Vec::with_capacity(translations.languages.len());
        for (n, language) in translations.languages.iter().enumerate() {
            let is_current = language.code == own;
            let in_term = |found: &[(usize, String)]| {
                let same = found.iter().find(|(l, _)| *l == n);
                same.map(|(_, path)| path.clone())
            };
            let found = match (page, listing) {
                (None, None) if term.is_some() && !is_current => term.and_then(in_term),
                (Some(page), _) if is_current => Some(page.path.clone()),
                (Some(page), _) => translations
                    .of_page(&page.content_path, own)
                    .find(|(l, _)| l.code == language.code)
                    .map(|(_, path)| path.to_string()),
                (None, Some(listing)) => Some(language.listing(listing)),
                (None, None) if is_current => self.job.folder(site),
                (None, None) => None,
            };
            let is_translation = found.is_some();
            let path = found.unwrap_or_else(|| language.routes.home());
            links.push(LanguageLink {
                lang: language.code.clone(),
                name: language.name.clone(),
                url: config.url(&path),
                absolute_url: config.absolute_url(&path),
                is_translation,
                is_current,
            });
        }
        // A page in one language only has no alternates, only the switch.
        if links.iter().filter(|l| l.is_translation).count() < 2 {
            links.iter_mut().for_each(|l| l.is_translation = false);
        }
        links
    }

    /// The Atom feeds an HTML output links to in its `<head>`: the site's,
    /// and its section's or topic's.
    fn feeds(&self) -> Vec<Link> {
        let views = self.views;
        let site = views.site();
        let mut feeds = vec![Link {
            title: views.config.title.clone(),
            url: views.url(&routes::feed(&site.routes.home())),
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
