//! What each template sees: one struct per template, the reference for theme
//! authors. Every template gets `Common` and its own context, side by side
//! (`{{ title }}` and `{{ page.content }}` on a page). The values inside are
//! the views of `views.rs`; a listing's pages are `PageSummary` values.
//!
//! | template | context |
//! | --- | --- |
//! | `page.html`, `news.html`, `conference.html`, `presentation.html`, `programme.html`, `meeting.html` (or a page's `template:`) | `PageContext` |
//! | `index.html` | `HomeContext` |
//! | `section.html` | `SectionContext` |
//! | `taxonomy.html` | `TaxonomyContext` |
//! | `term.html` | `TermContext` |
//! | `archive.html`, `archive_year.html`, `archive_month.html` | `ArchiveContext`, `ArchiveYearContext`, `ArchiveMonthContext` |
//! | `calendar.html` | `CalendarContext` |
//! | `atom.xml` | `FeedContext` |
//! | `sitemap.xml`, `sitemap_index.xml`, `robots.txt`, `alias.html`, `gone.html` | `SitemapContext`, `SitemapIndexContext`, `RobotsContext`, `AliasContext`, `GoneContext` |
//! | `404.html`, `search.html` | `Common` only |

use serde::Serialize;

use crate::content::PageKind;
use crate::render::Paginator;
use crate::render::views::{EventView, FeedEntry, Link, PageView};

/// What every template gets.
#[derive(Serialize)]
pub struct Common<'a> {
    /// The site: title, menu, members, section URLs… (`globals::SiteView`).
    pub site: &'a tera::Value,
    /// The theme's UI strings, by key: `t.search`.
    pub t: &'a tera::Value,
    /// The output's title, for `<title>`.
    pub title: &'a str,
    /// The output's description, for `<meta name="description">`.
    pub description: &'a str,
    /// The Atom feeds the output links to: the site's, and its section's or topic's.
    pub feeds: Vec<Link>,
    /// The output's URL, for HTML outputs (not for feeds and files).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current_url: Option<String>,
    /// Its absolute URL, for `<link rel="canonical">`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// True on the start page.
    pub is_home: bool,
    /// In a site in several languages, each language's version of this
    /// output (or its start page), for the language switch and `hreflang`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub translations: Vec<LanguageLink>,
}

/// One language's version of an output, in the language switch.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LanguageLink {
    /// `sv`, `en`.
    pub lang: String,
    /// The language's own name: "English".
    pub name: String,
    /// The version's URL, or the language's start page when it has none.
    pub url: String,
    /// Its absolute URL, for `<link rel="alternate" hreflang>`.
    pub absolute_url: String,
    /// True when `url` is this output in that language, not its start page.
    pub is_translation: bool,
    /// True for the output's own language.
    pub is_current: bool,
}

/// A page's own template.
#[derive(Serialize)]
pub struct PageContext {
    /// The page.
    pub page: PageView,
}

/// `index.html`, the start page.
#[derive(Serialize)]
pub struct HomeContext {
    /// The newest news, as `PageSummary` values.
    pub latest_news: Vec<tera::Value>,
    /// The newest conferences.
    pub conferences: Vec<tera::Value>,
    /// Every programme.
    pub programmes: Vec<tera::Value>,
    /// The next events.
    pub upcoming: Vec<EventView>,
    /// `content/_index.md`, when there is one.
    pub intro: Option<PageView>,
}

/// A section as `section.html` sees it.
#[derive(Serialize)]
pub struct SectionView {
    /// The section's name: "Nyheter".
    pub title: String,
    /// Its URL.
    pub url: String,
    /// The kind of page it lists.
    pub kind: PageKind,
    /// The section's `_index.md`, when there is one.
    pub intro: Option<PageView>,
}

/// `section.html`: one page of a section's listing.
#[derive(Serialize)]
pub struct SectionContext {
    /// The section.
    pub section: SectionView,
    /// This page of it, with `PageSummary` items.
    pub paginator: Paginator<tera::Value>,
}

/// A term as `taxonomy.html` and `term.html` see it.
#[derive(Serialize)]
pub struct TermView {
    /// The term as written: "Kompetensförsörjning".
    pub name: String,
    /// Its page's URL.
    pub url: String,
    /// How many pages have it.
    pub count: usize,
}

/// `taxonomy.html`: a taxonomy's terms.
#[derive(Serialize)]
pub struct TaxonomyContext {
    /// The taxonomy's name and URL.
    pub taxonomy: Link,
    /// Its terms, in Swedish order.
    pub terms: Vec<TermView>,
}

/// `term.html`: one page of a term's listing.
#[derive(Serialize)]
pub struct TermContext {
    /// The taxonomy's name and URL.
    pub taxonomy: Link,
    /// What one term of it is called: "Ämne", "Kommun" (the theme's labels
    /// `topic` and `municipality`).
    pub kind_label: String,
    /// The term.
    pub term: TermView,
    /// This page of its pages, with `PageSummary` items.
    pub paginator: Paginator<tera::Value>,
}

/// A year of the archive.
#[derive(Serialize)]
pub struct YearView {
    /// The year.
    pub year: i16,
    /// Its page's URL.
    pub url: String,
    /// How many pages it has.
    pub count: usize,
    /// Its months with pages, in the archive's order.
    pub months: Vec<MonthView>,
}

/// A month of the archive.
#[derive(Serialize)]
pub struct MonthView {
    /// 1–12.
    pub month: i8,
    /// Its name: "mars".
    pub name: String,
    /// Its page's URL.
    pub url: String,
    /// How many pages it has.
    pub count: usize,
    /// Its pages as `PageSummary` values: filled on `archive_year.html` and
    /// in `archive_month.html`'s `month`, empty elsewhere.
    pub pages: Vec<tera::Value>,
}

/// `archive.html`: every year and month, without their pages.
#[derive(Serialize)]
pub struct ArchiveContext {
    /// The years with pages, in the archive's order.
    pub years: Vec<YearView>,
}

/// `archive_year.html`: a year with its months' pages.
#[derive(Serialize)]
pub struct ArchiveYearContext {
    /// The year.
    pub year: YearView,
}

/// `archive_month.html`: a month's pages.
#[derive(Serialize)]
pub struct ArchiveMonthContext {
    /// The month's year, its months without their pages.
    pub year: YearView,
    /// The month.
    pub month: MonthView,
}

/// A month of the calendar: "mars 2027" and its events.
#[derive(Serialize)]
pub struct CalendarMonth {
    /// "mars 2027".
    pub name: String,
    /// Its events, in order.
    pub events: Vec<EventView>,
}

/// `calendar.html`.
#[derive(Serialize)]
pub struct CalendarContext {
    /// Months with events to come, the soonest first.
    pub upcoming_months: Vec<CalendarMonth>,
    /// Months with past events, the latest first.
    pub past_months: Vec<CalendarMonth>,
    /// The iCalendar feed of every event.
    pub ics_url: String,
}

/// A feed as `atom.xml` sees it.
#[derive(Serialize)]
pub struct FeedView {
    /// The feed's title.
    pub title: String,
    /// The feed's own absolute URL, also its id.
    pub url: String,
    /// The HTML page the feed follows.
    pub alternate: String,
    /// The newest entry's update, RFC 3339.
    pub updated: String,
    /// The publisher's name.
    pub author: String,
    /// The entries.
    pub entries: Vec<FeedEntry>,
}

/// `atom.xml`: a feed.
#[derive(Serialize)]
pub struct FeedContext {
    /// The feed.
    pub feed: FeedView,
}

/// One address of the sitemap.
#[derive(Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct SitemapEntry {
    /// The absolute URL.
    pub loc: String,
    /// The page's last update or publication, `2024-03-26`.
    pub lastmod: Option<String>,
    /// The same page in each language of a site in several, this one's too.
    pub alternates: Vec<Alternate>,
}

/// The same page in another language, for `hreflang` links.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Alternate {
    /// `sv`, `en`.
    pub lang: String,
    /// Its address.
    pub href: String,
}

/// `sitemap.xml` (or each of its parts): the start page, every listed page,
/// section and term listing.
#[derive(Serialize)]
pub struct SitemapContext {
    /// The addresses, sorted.
    pub entries: Vec<SitemapEntry>,
    /// True for a site in several languages: entries have alternates.
    pub multilingual: bool,
}

/// `sitemap_index.xml`: `sitemap.xml` when the addresses take more than one file.
#[derive(Serialize)]
pub struct SitemapIndexContext {
    /// Each part's absolute URL.
    pub sitemaps: Vec<String>,
}

/// `robots.txt`.
#[derive(Serialize)]
pub struct RobotsContext {
    /// The sitemap's absolute URL.
    pub sitemap_url: String,
}

/// `alias.html`: a page's old address, sending readers to the new one.
#[derive(Serialize)]
pub struct AliasContext {
    /// The page's URL.
    pub target: String,
}

/// `gone.html`: the notice at the address of a page that expired (its
/// title is `title`).
#[derive(Serialize)]
pub struct GoneContext {
    /// When it stopped being current: "1 december 2026 kl. 12.00".
    pub when: String,
}

/// `404.html` and `search.html`: `Common` alone.
#[derive(Serialize)]
pub struct NoContext {}
