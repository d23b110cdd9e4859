//! Rendering one `Job` (an output of the site, listed by `index::deps`).
//!
//! In: a job and the views. Out: an `OutputFile` at the job's path.

use serde::Serialize;
use tera::Context;

use crate::config::Config;
use crate::content::PageKind;
use crate::diagnostics::Diagnostic;
use crate::index::deps::Feed;
use crate::index::deps::{HOME_UPCOMING, page_slice};
use crate::index::deps::{page_count, pagination_path};
use crate::index::{Job, PageId, SiteIndex, TaxonomyKind};
use crate::output::OutputFile;
use crate::render::context::{Globals, Link, Views};
use crate::render::{PageLink, Paginator, Templates};
use crate::text::month_name;

impl Job {
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
        cx.context.insert("feeds", &self.feeds(views));
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
                cx.finish(&self.path(site), template)
            }
            Job::Home => {
                let latest_news = views.summaries(site.home_news());
                let conferences = views.summaries(site.home_conferences());
                let programmes = views.summaries(site.home_programmes());
                let upcoming: Vec<_> = site
                    .upcoming()
                    .take(HOME_UPCOMING)
                    .map(|e| views.event(e))
                    .collect();
                cx.title = config.title.clone();
                cx.description = config.description.clone();
                cx.context.insert("latest_news", &latest_news);
                cx.context.insert("conferences", &conferences);
                cx.context.insert("programmes", &programmes);
                cx.context.insert("upcoming", &upcoming);
                cx.context
                    .insert("intro", &site.home.map(|id| views.page(id)));
                cx.context.insert("is_home", &true);
                cx.finish(&self.path(site), "index.html")
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
                cx.finish(&self.path(site), "section.html")
            }
            Job::Taxonomy(kind) => {
                let taxonomy = site.taxonomy(kind);
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
                cx.finish(&self.path(site), "taxonomy.html")
            }
            Job::Term(kind, t, n) => {
                let taxonomy = site.taxonomy(kind);
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
                cx.finish(&self.path(site), "term.html")
            }
            Job::Archive => {
                let years: Vec<YearView> = site
                    .archive
                    .iter()
                    .map(|year| year_view(views, year, false))
                    .collect();
                cx.title = labels.get("archive").to_string();
                cx.context.insert("years", &years);
                cx.finish(&self.path(site), "archive.html")
            }
            Job::ArchiveYear(y) => {
                let year = year_view(views, &site.archive[y], true);
                cx.title = format!("{} {}", labels.get("archive"), year.year);
                cx.context.insert("year", &year);
                cx.finish(&self.path(site), "archive_year.html")
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
                cx.finish(&self.path(site), "archive_month.html")
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
            Job::Feed(feed) => {
                let view = feed_view(views, feed);
                cx.title = view.title.clone();
                cx.context.insert("feed", &view);
                let xml = cx.render("atom.xml")?;
                Ok(OutputFile::bytes(self.path(site), xml))
            }
            Job::Calendar => {
                let (upcoming, past): (Vec<_>, Vec<_>) = site
                    .calendar
                    .iter()
                    .partition(|e| e.is_upcoming(site.today));
                cx.title = labels.get("calendar").to_string();
                cx.context
                    .insert("upcoming_months", &by_month(views, upcoming.into_iter()));
                cx.context
                    .insert("past_months", &by_month(views, past.into_iter().rev()));
                cx.context.insert("ics_url", &config.url("kalender.ics"));
                cx.finish(&self.path(site), "calendar.html")
            }
            Job::CalendarFeed => {
                let all: Vec<usize> = (0..site.calendar.len()).collect();
                let name = format!("{} – {}", config.title, labels.get("calendar"));
                Ok(OutputFile::bytes(
                    self.path(site),
                    super::ics::calendar(config, site, &all, &name),
                ))
            }
            Job::EventFile(n) => {
                let name = site.calendar[n].title.clone();
                Ok(OutputFile::bytes(
                    self.path(site),
                    super::ics::calendar(config, site, &[n], &name),
                ))
            }
            Job::Search => {
                cx.title = labels.get("search").to_string();
                cx.finish(&self.path(site), "search.html")
            }
        }
    }

    /// The Atom feeds a page links to in its `<head>`: the site's, and its section's or topic's.
    fn feeds(&self, views: &Views<'_>) -> Vec<Link> {
        let site = views.site;
        let config = views.config;
        let mut feeds = vec![Link {
            title: config.title.clone(),
            url: config.url("atom.xml"),
        }];
        let own = match *self {
            Job::Page(id) => site.pages[id]
                .kind
                .folder()
                .map(|_| Feed::Section(site.pages[id].kind)),
            Job::Section(kind, _) => Some(Feed::Section(kind)),
            Job::Term(TaxonomyKind::Topics, t, _) => Some(Feed::Topic(t)),
            _ => None,
        };
        if let Some(feed) = own.filter(|f| !site.feed_pages(*f).is_empty()) {
            let job = Job::Feed(feed);
            feeds.push(Link {
                title: feed_view_title(views, feed),
                url: config.url(&job.path(site)),
            });
        }
        feeds
    }
}

/// A feed as the `atom.xml` template sees it.
#[derive(Serialize)]
struct FeedView {
    title: String,
    /// The feed's own absolute URL, also its id.
    url: String,
    /// The HTML page the feed follows.
    alternate: String,
    /// The newest entry's update, RFC 3339.
    updated: String,
    /// The publisher's name.
    author: String,
    entries: Vec<crate::render::context::FeedEntry>,
}

fn feed_view_title(views: &Views<'_>, feed: Feed) -> String {
    let labels = views.labels;
    let site = views.site;
    match feed {
        Feed::Site => views.config.title.clone(),
        Feed::Section(kind) => format!("{} – {}", labels.section(kind), views.config.title),
        Feed::Topic(t) => {
            let topics = site.taxonomy(TaxonomyKind::Topics);
            format!(
                "{}: {} – {}",
                topics.title, topics.terms[t].name, views.config.title
            )
        }
    }
}

fn feed_view(views: &Views<'_>, feed: Feed) -> FeedView {
    let config = views.config;
    let site = views.site;
    let job = Job::Feed(feed);
    let alternate = match feed {
        Feed::Site => String::new(),
        Feed::Section(kind) => format!("{}/", kind.folder().unwrap_or_default()),
        Feed::Topic(t) => {
            let topics = site.taxonomy(TaxonomyKind::Topics);
            format!("{}/{}/", topics.path, topics.terms[t].slug)
        }
    };
    let entries: Vec<_> = site
        .feed_pages(feed)
        .into_iter()
        .map(|id| views.feed_entry(id))
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated.clone())
        .max()
        .unwrap_or_else(|| crate::content::PageDate::day(site.today).rfc3339());
    FeedView {
        title: feed_view_title(views, feed),
        url: config.absolute_url(&job.path(site)),
        alternate: config.absolute_url(&alternate),
        updated,
        author: if config.organisation.name.is_empty() {
            config.title.clone()
        } else {
            config.organisation.name.clone()
        },
        entries,
    }
}

/// A month of the calendar: "mars 2027" and its events.
#[derive(Serialize)]
struct CalendarMonth {
    name: String,
    events: Vec<crate::render::context::EventView>,
}

fn by_month<'a>(
    views: &Views<'_>,
    entries: impl Iterator<Item = &'a crate::index::CalendarEntry>,
) -> Vec<CalendarMonth> {
    let mut months: Vec<CalendarMonth> = Vec::new();
    for entry in entries {
        let date = entry.start.date();
        let name = format!(
            "{} {}",
            month_name(date.month(), &views.config.language),
            date.year()
        );
        if months.last().is_none_or(|m| m.name != name) {
            months.push(CalendarMonth {
                name,
                events: Vec::new(),
            });
        }
        months
            .last_mut()
            .expect("pushed above")
            .events
            .push(views.event(entry));
    }
    months
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
        let views = self.views;
        let globals = views.globals(|| Globals {
            site: tera::Value::from_serializable(&SiteView::new(views)),
            t: tera::Value::from_serializable(views.labels.all()),
        });
        self.context.insert_value("site", globals.site.clone());
        self.context.insert_value("t", globals.t.clone());
        self.context.insert("title", &self.title);
        self.context.insert("description", &self.description);
        if !self.context.contains_key("is_home") {
            self.context.insert("is_home", &false);
        }
        self.templates.render(template, &self.context)
    }

    /// Renders `template` into the output file `path` (`nyheter/x/index.html`).
    fn finish(mut self, path: &str, template: &str) -> Result<OutputFile, Diagnostic> {
        let config = self.views.config;
        let folder = path.strip_suffix("index.html").unwrap_or(path);
        self.context.insert("current_url", &config.url(folder));
        self.context
            .insert("canonical_url", &config.absolute_url(folder));
        let html = self.render(template)?;
        Ok(OutputFile::bytes(path, html))
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
    members: Vec<Link>,
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
            members: member_links(views),
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

/// The member municipalities, each linked to its page when it has one (else `url` is empty).
fn member_links(views: &Views<'_>) -> Vec<Link> {
    let municipalities = views
        .site
        .taxonomy(crate::index::TaxonomyKind::Municipalities);
    views
        .config
        .organisation
        .members
        .iter()
        .map(|name| Link {
            title: name.clone(),
            url: municipalities
                .term(name)
                .map(|term| views.term_url(municipalities, &term.slug))
                .unwrap_or_default(),
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::page_window;

    #[test]
    fn a_paginator_links_the_ends_and_the_neighbourhood() {
        assert_eq!(page_window(1, 1), [1]);
        assert_eq!(page_window(1, 5), [1, 2, 3, 5]);
        assert_eq!(page_window(50, 500), [1, 48, 49, 50, 51, 52, 500]);
        assert_eq!(page_window(500, 500), [1, 498, 499, 500]);
    }
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
    pages: Vec<tera::Value>,
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
) -> Paginator<tera::Value> {
    let per_page = views.config.paginate;
    let count = page_count(ids.len(), per_page);
    let url = |n: usize| views.config.url(&pagination_path(base, n));
    let items = page_slice(ids, per_page, number);
    let first = if items.is_empty() {
        0
    } else {
        (number - 1) * per_page.max(1) + 1
    };
    Paginator {
        first,
        last: (first + items.len()).saturating_sub(1),
        items: views.summaries(items),
        number,
        count,
        total: ids.len(),
        previous: (number > 1).then(|| url(number - 1)),
        next: (number < count).then(|| url(number + 1)),
        links: page_window(number, count)
            .into_iter()
            .scan(0, |last, n| {
                let link = PageLink {
                    number: n,
                    url: url(n),
                    is_current: n == number,
                    is_after_gap: n > *last + 1,
                };
                *last = n;
                Some(link)
            })
            .collect(),
    }
}

/// The page numbers a paginator links: the first, the last, and two on each side
/// of the current one, so a listing of thousands of pages stays small.
fn page_window(number: usize, count: usize) -> Vec<usize> {
    let mut numbers: Vec<usize> = [1, count]
        .into_iter()
        .chain(number.saturating_sub(2).max(1)..=(number + 2).min(count))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
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
