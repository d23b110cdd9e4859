//! `Job`: one output of the site, and how to render it.
//!
//! In: the index (to list the jobs) and the views (to render one). Out: an
//! `OutputFile`. Jobs are small values, so a rebuild can choose which to redo.

use serde::Serialize;
use tera::Context;

use crate::config::Config;
use crate::content::PageKind;
use crate::diagnostics::Diagnostic;
use crate::index::{PageId, SiteIndex, TaxonomyKind};
use crate::output::OutputFile;
use crate::render::context::{Link, PageSummary, Views};
use crate::render::{PageLink, Paginator, Templates, page_count, pagination_path};
use crate::text::month_name;

/// One output file of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Job {
    /// A page of its own.
    Page(PageId),
    /// The start page.
    Home,
    /// Page `n` (from 1) of a section listing.
    Section(PageKind, usize),
    /// The list of all terms of a taxonomy.
    Taxonomy(TaxonomyKind),
    /// Page `n` of a term's listing: taxonomy, term index, page number.
    Term(TaxonomyKind, usize, usize),
    /// The archive's list of years.
    Archive,
    /// One year of the archive.
    ArchiveYear(usize),
    /// One month: year index, month index.
    ArchiveMonth(usize, usize),
    /// `/404.html`.
    NotFound,
    /// `/sitemap.xml`.
    Sitemap,
    /// `/robots.txt`.
    Robots,
    /// A redirect from a page's old path (`aliases:`): page, alias index.
    Alias(PageId, usize),
}

impl Job {
    /// Every output the site has.
    pub fn all(config: &Config, site: &SiteIndex) -> Vec<Job> {
        let mut jobs: Vec<Job> = site.listed_pages().map(Job::Page).collect();
        jobs.push(Job::Home);
        for section in &site.sections {
            for n in 1..=page_count(section.pages.len(), config.paginate) {
                jobs.push(Job::Section(section.kind, n));
            }
        }
        for taxonomy in &site.taxonomies {
            jobs.push(Job::Taxonomy(taxonomy.kind));
            for (t, term) in taxonomy.terms.iter().enumerate() {
                for n in 1..=page_count(term.pages.len(), config.paginate) {
                    jobs.push(Job::Term(taxonomy.kind, t, n));
                }
            }
        }
        jobs.push(Job::Archive);
        for (y, year) in site.archive.iter().enumerate() {
            jobs.push(Job::ArchiveYear(y));
            for m in 0..year.months.len() {
                jobs.push(Job::ArchiveMonth(y, m));
            }
        }
        jobs.extend([Job::NotFound, Job::Sitemap, Job::Robots]);
        for id in site.listed_pages() {
            jobs.extend((0..site.pages[id].front.aliases.len()).map(|n| Job::Alias(id, n)));
        }
        jobs
    }

    /// Renders this output.
    pub fn render(
        &self,
        templates: &Templates,
        views: &Views<'_>,
    ) -> Result<OutputFile, Diagnostic> {
        let config = views.config;
        let site = views.site;
        let labels = views.labels;
        let mut cx = Frame::new(templates, views);
        match *self {
            Job::Page(id) => {
                let page = &site.pages[id];
                let view = views.page(id);
                cx.title = view.summary.title.clone();
                cx.description = view.summary.summary.clone();
                cx.context.insert("page", &view);
                let template = page
                    .front
                    .template
                    .as_deref()
                    .unwrap_or(page.kind.template());
                if page.front.template.is_some() && !templates.has(template) {
                    let line = page.front.key_lines.get("template").copied().unwrap_or(1);
                    return Err(Diagnostic::error(format!(
                        "the theme has no template `{template}`"
                    ))
                    .at_line(&page.display_path, &page.source, line, 1)
                    .hint(format!(
                        "remove `template:` to use {}, or add the template to templates/",
                        page.kind.template()
                    )));
                }
                cx.finish(&page.path, template)
            }
            Job::Home => {
                let latest_news = site
                    .section(PageKind::News)
                    .map(|s| views.summaries(&s.pages[..s.pages.len().min(6)]))
                    .unwrap_or_default();
                let conferences = site
                    .section(PageKind::Conference)
                    .map(|s| views.summaries(&s.pages[..s.pages.len().min(3)]))
                    .unwrap_or_default();
                let programmes = site
                    .section(PageKind::Programme)
                    .map(|s| views.summaries(&s.pages))
                    .unwrap_or_default();
                let upcoming: Vec<_> = site.upcoming().take(6).map(|e| views.event(e)).collect();
                cx.title = config.title.clone();
                cx.description = config.description.clone();
                cx.context.insert("latest_news", &latest_news);
                cx.context.insert("conferences", &conferences);
                cx.context.insert("programmes", &programmes);
                cx.context.insert("upcoming", &upcoming);
                cx.context
                    .insert("intro", &site.home.map(|id| views.page(id)));
                cx.context.insert("is_home", &true);
                cx.finish("", "index.html")
            }
            Job::Section(kind, n) => {
                let section = site.section(kind).expect("jobs list existing sections");
                let folder = format!("{}/", section.folder);
                let paginator = paginate(views, &section.pages, &folder, n);
                cx.title = labels.section(kind).to_string();
                cx.description = section
                    .intro
                    .and_then(|id| site.pages[id].front.summary.clone())
                    .unwrap_or_default();
                cx.context.insert(
                    "section",
                    &SectionView {
                        title: cx.title.clone(),
                        url: config.url(&folder),
                        kind,
                        intro: section.intro.map(|id| views.page(id)),
                    },
                );
                cx.context.insert("paginator", &paginator);
                cx.finish(&pagination_path(&folder, n), "section.html")
            }
            Job::Taxonomy(kind) => {
                let taxonomy = taxonomy(site, kind);
                let terms: Vec<TermView> = taxonomy
                    .terms
                    .iter()
                    .map(|term| TermView {
                        name: term.name.clone(),
                        url: views.term_url(taxonomy, &term.slug),
                        count: term.pages.len(),
                    })
                    .collect();
                cx.title = taxonomy.title.clone();
                cx.context
                    .insert("taxonomy", &taxonomy_link(config, taxonomy));
                cx.context.insert("terms", &terms);
                cx.finish(&format!("{}/", taxonomy.path), "taxonomy.html")
            }
            Job::Term(kind, t, n) => {
                let taxonomy = taxonomy(site, kind);
                let term = &taxonomy.terms[t];
                let base = format!("{}/{}/", taxonomy.path, term.slug);
                cx.title = format!("{}: {}", taxonomy.title, term.name);
                cx.context
                    .insert("taxonomy", &taxonomy_link(config, taxonomy));
                cx.context.insert(
                    "term",
                    &TermView {
                        name: term.name.clone(),
                        url: config.url(&base),
                        count: term.pages.len(),
                    },
                );
                cx.context
                    .insert("paginator", &paginate(views, &term.pages, &base, n));
                cx.finish(&pagination_path(&base, n), "term.html")
            }
            Job::Archive => {
                let years: Vec<YearView> = site
                    .archive
                    .iter()
                    .map(|year| year_view(views, year, false))
                    .collect();
                cx.title = labels.get("archive").to_string();
                cx.context.insert("years", &years);
                cx.finish("arkiv/", "archive.html")
            }
            Job::ArchiveYear(y) => {
                let year = year_view(views, &site.archive[y], true);
                cx.title = format!("{} {}", labels.get("archive"), year.year);
                cx.context.insert("year", &year);
                cx.finish(&format!("arkiv/{}/", year.year), "archive_year.html")
            }
            Job::ArchiveMonth(y, m) => {
                let year = &site.archive[y];
                let month = &year.months[m];
                let view = MonthView {
                    name: month_name(month.month, &config.language).to_string(),
                    month: month.month,
                    url: config.url(&format!("arkiv/{}/{:02}/", year.year, month.month)),
                    count: month.pages.len(),
                    pages: views.summaries(&month.pages),
                };
                cx.title = format!("{} {} {}", labels.get("archive"), view.name, year.year);
                cx.context.insert("year", &year_view(views, year, false));
                cx.context.insert("month", &view);
                cx.finish(
                    &format!("arkiv/{}/{:02}/", year.year, month.month),
                    "archive_month.html",
                )
            }
            Job::NotFound => {
                cx.title = labels.get("not_found_title").to_string();
                let html = cx.render("404.html")?;
                Ok(OutputFile::bytes("404.html", html))
            }
            Job::Sitemap => Ok(OutputFile::bytes("sitemap.xml", sitemap(config, site))),
            Job::Alias(id, n) => {
                let page = &site.pages[id];
                let alias = page.front.aliases[n].trim_matches('/');
                let target = crate::text::escape_html(&config.url(&page.path));
                let html = format!(
                    "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title><link rel=\"canonical\" href=\"{target}\"><meta http-equiv=\"refresh\" content=\"0; url={target}\"></head><body><p><a href=\"{target}\">{title}</a></p></body></html>\n",
                    lang = config.language,
                    title = crate::text::escape_html(&page.front.title),
                );
                Ok(OutputFile::bytes(format!("{alias}/index.html"), html))
            }
            Job::Robots => Ok(OutputFile::bytes(
                "robots.txt",
                format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                    config.absolute_url("sitemap.xml")
                ),
            )),
        }
    }
}

/// The context every template gets, and the page-specific parts being filled in.
struct Frame<'a> {
    templates: &'a Templates,
    views: &'a Views<'a>,
    context: Context,
    title: String,
    description: String,
}

impl<'a> Frame<'a> {
    fn new(templates: &'a Templates, views: &'a Views<'a>) -> Self {
        Frame {
            templates,
            views,
            context: Context::new(),
            title: String::new(),
            description: String::new(),
        }
    }

    fn render(mut self, template: &str) -> Result<String, Diagnostic> {
        let config = self.views.config;
        self.context.insert("site", &SiteView::new(self.views));
        self.context.insert("t", self.templates.labels.all());
        self.context.insert("title", &self.title);
        self.context.insert("description", &self.description);
        if !self.context.contains_key("is_home") {
            self.context.insert("is_home", &false);
        }
        let _ = config;
        self.templates.render(template, &self.context)
    }

    fn finish(mut self, path: &str, template: &str) -> Result<OutputFile, Diagnostic> {
        let config = self.views.config;
        self.context.insert("current_url", &config.url(path));
        self.context
            .insert("canonical_url", &config.absolute_url(path));
        let html = self.render(template)?;
        Ok(OutputFile::bytes(format!("{path}index.html"), html))
    }
}

/// The site as every template sees it.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    home_url: String,
    language: &'a str,
    menu: Vec<Link>,
    organisation: &'a crate::config::Organisation,
    taxonomies: Vec<Link>,
    pages: Vec<Link>,
    archive_url: String,
    extra: &'a serde_json::Value,
}

impl<'a> SiteView<'a> {
    fn new(views: &'a Views<'a>) -> Self {
        let config = views.config;
        let menu = if config.menu.is_empty() {
            default_menu(views)
        } else {
            config
                .menu
                .iter()
                .map(|item| Link {
                    title: item.title.clone(),
                    url: if item.url.contains("://") {
                        item.url.clone()
                    } else {
                        config.url(&item.url)
                    },
                })
                .collect()
        };
        SiteView {
            title: &config.title,
            description: &config.description,
            base_url: &config.base_url,
            home_url: config.url(""),
            language: &config.language,
            menu,
            organisation: &config.organisation,
            taxonomies: views
                .site
                .taxonomies
                .iter()
                .map(|t| taxonomy_link(config, t))
                .collect(),
            pages: views.site.plain.iter().map(|&id| views.link(id)).collect(),
            archive_url: config.url("arkiv/"),
            extra: &config.extra,
        }
    }
}

fn default_menu(views: &Views<'_>) -> Vec<Link> {
    let config = views.config;
    let mut menu: Vec<Link> = views
        .site
        .sections
        .iter()
        .filter(|s| !s.pages.is_empty())
        .map(|s| Link {
            title: views.labels.section(s.kind).to_string(),
            url: config.url(&format!("{}/", s.folder)),
        })
        .collect();
    menu.extend(
        views
            .site
            .taxonomies
            .iter()
            .map(|t| taxonomy_link(config, t)),
    );
    menu.push(Link {
        title: views.labels.get("archive").to_string(),
        url: config.url("arkiv/"),
    });
    menu
}

#[derive(Serialize)]
struct SectionView {
    title: String,
    url: String,
    kind: PageKind,
    intro: Option<crate::render::context::PageView>,
}

#[derive(Serialize)]
struct TermView {
    name: String,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct YearView {
    year: i16,
    url: String,
    count: usize,
    months: Vec<MonthView>,
}

#[derive(Serialize)]
struct MonthView {
    month: i8,
    name: String,
    url: String,
    count: usize,
    pages: Vec<PageSummary>,
}

fn year_view(views: &Views<'_>, year: &crate::index::ArchiveYear, with_pages: bool) -> YearView {
    let config = views.config;
    YearView {
        year: year.year,
        url: config.url(&format!("arkiv/{}/", year.year)),
        count: year.page_count(),
        months: year
            .months
            .iter()
            .map(|month| MonthView {
                month: month.month,
                name: month_name(month.month, &config.language).to_string(),
                url: config.url(&format!("arkiv/{}/{:02}/", year.year, month.month)),
                count: month.pages.len(),
                pages: if with_pages {
                    views.summaries(&month.pages)
                } else {
                    Vec::new()
                },
            })
            .collect(),
    }
}

fn taxonomy(site: &SiteIndex, kind: TaxonomyKind) -> &crate::index::Taxonomy {
    site.taxonomies
        .iter()
        .find(|t| t.kind == kind)
        .expect("the index builds both taxonomies")
}

fn taxonomy_link(config: &Config, taxonomy: &crate::index::Taxonomy) -> Link {
    Link {
        title: taxonomy.title.clone(),
        url: config.url(&format!("{}/", taxonomy.path)),
    }
}

fn paginate(
    views: &Views<'_>,
    ids: &[PageId],
    base: &str,
    number: usize,
) -> Paginator<PageSummary> {
    let per_page = views.config.paginate.max(1);
    let count = page_count(ids.len(), per_page);
    let start = ((number - 1) * per_page).min(ids.len());
    let end = (start + per_page).min(ids.len());
    let url = |n: usize| views.config.url(&pagination_path(base, n));
    Paginator {
        items: views.summaries(&ids[start..end]),
        number,
        count,
        total: ids.len(),
        previous: (number > 1).then(|| url(number - 1)),
        next: (number < count).then(|| url(number + 1)),
        links: (1..=count)
            .map(|n| PageLink {
                number: n,
                url: url(n),
                is_current: n == number,
            })
            .collect(),
    }
}

fn sitemap(config: &Config, site: &SiteIndex) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let mut entries: Vec<(String, Option<String>)> = vec![(config.absolute_url(""), None)];
    for id in site.listed_pages() {
        let page = &site.pages[id];
        let lastmod = page.front.updated.or(page.date).map(|d| d.iso_date());
        entries.push((config.absolute_url(&page.path), lastmod));
    }
    for section in &site.sections {
        entries.push((config.absolute_url(&format!("{}/", section.folder)), None));
    }
    for taxonomy in &site.taxonomies {
        entries.push((config.absolute_url(&format!("{}/", taxonomy.path)), None));
        for term in &taxonomy.terms {
            entries.push((
                config.absolute_url(&format!("{}/{}/", taxonomy.path, term.slug)),
                None,
            ));
        }
    }
    entries.sort();
    entries.dedup();
    for (loc, lastmod) in entries {
        xml.push_str("  <url><loc>");
        xml.push_str(&crate::text::escape_html(&loc));
        xml.push_str("</loc>");
        if let Some(lastmod) = lastmod {
            xml.push_str(&format!("<lastmod>{lastmod}</lastmod>"));
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
