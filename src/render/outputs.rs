//! Every output of the site as a value (`Job`) with its path.
//!
//! In: a `SiteIndex`. Out: the jobs and where each is written, from the URL
//! scheme in `routes`. What each output shows is not written here: the views
//! record it while the output is rendered (`render::record`).

use crate::config::Config;
use crate::content::PageKind;
use crate::content::schedule::Withheld;
use crate::index::{PageId, SiteIndex, TaxonomyKind};
use crate::routes;

/// How many news items the start page shows.
pub const HOME_NEWS: usize = 6;
/// How many conferences the start page shows.
pub const HOME_CONFERENCES: usize = 3;
/// How many upcoming events and activities the start page shows.
pub const HOME_UPCOMING: usize = 6;
/// How many entries a feed has.
pub const FEED_SIZE: usize = 20;

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
    /// `/sitemap.xml`: every address, or the index of the parts when they do not fit in one file.
    Sitemap,
    /// Part `n` (from 1) of a sitemap too large for one file.
    SitemapPart(usize),
    /// `/robots.txt`.
    Robots,
    /// A redirect from a page's old path (`aliases:`): page, alias index.
    Alias(PageId, usize),
    /// An Atom feed.
    Feed(Feed),
    /// `/kalender/`: upcoming and past events and activities.
    Calendar,
    /// `/kalender.ics`: every event and activity.
    CalendarFeed,
    /// One event's `.ics` ("Lägg till i kalender"): its position in `SiteIndex::calendar`.
    EventFile(usize),
    /// `/sok/`: the search page.
    Search,
    /// The address of a page that expired: a short notice
    /// (`content::schedule`), by its position in `SiteIndex::timing`.
    Gone(usize),
}

/// Which Atom feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feed {
    /// `/atom.xml`: the whole site.
    Site,
    /// `/<section>/atom.xml`.
    Section(PageKind),
    /// `/amnen/<topic>/atom.xml`: a topic's term index.
    Topic(usize),
}

impl Feed {
    /// The folder of the listing the feed follows: `""`, `nyheter/`, `amnen/vard/`.
    pub fn folder(self, site: &SiteIndex) -> String {
        match self {
            Feed::Site => site.routes.home(),
            Feed::Section(kind) => kind.listing(&site.routes),
            Feed::Topic(t) => {
                let topics = site.taxonomy(TaxonomyKind::Topics);
                routes::term(&topics.path, &topics.terms[t].slug)
            }
        }
    }

    /// The feed's pages, newest first: the newest `FEED_SIZE`.
    ///
    /// Every page asks whether its section's feed has any (`Frame::feeds`),
    /// so only the pages the feed shows are taken, never the whole section.
    pub fn pages(self, site: &SiteIndex) -> Vec<PageId> {
        let listed: &[PageId] = match self {
            Feed::Site => {
                let months = site.archive.iter().flat_map(|year| &year.months);
                let pages = months.flat_map(|month| month.pages.iter().copied());
                return pages.take(FEED_SIZE).collect();
            }
            Feed::Section(kind) => site.section(kind).map_or(&[], |s| &s.pages),
            Feed::Topic(t) => &site.taxonomy(TaxonomyKind::Topics).terms[t].pages,
        };
        listed[..listed.len().min(FEED_SIZE)].to_vec()
    }
}

/// The notices at the addresses of expired pages (those that leave one,
/// see `Timed::notice`).
pub fn gone(site: &SiteIndex) -> Vec<Job> {
    let withheld = site.timing.withheld.iter().enumerate();
    let notices = withheld.filter(|(_, t)| t.why == Withheld::Expired && t.notice);
    notices.map(|(n, _)| Job::Gone(n)).collect()
}

/// How many listing pages `items` items fill, at least one.
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page.max(1)).max(1)
}

/// The positions of the items on page `number` (from 1) of a listing of `len` items.
pub fn page_range(len: usize, per_page: usize, number: usize) -> std::ops::Range<usize> {
    let per_page = per_page.max(1);
    let start = (number.saturating_sub(1) * per_page).min(len);
    start..(start + per_page).min(len)
}

impl Job {
    /// True for the outputs a page asks for: the page itself and its aliases.
    pub fn is_page_like(&self) -> bool {
        matches!(self, Job::Page(_) | Job::Alias(..))
    }

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
            jobs.extend((0..year.months.len()).map(|m| Job::ArchiveMonth(y, m)));
        }
        jobs.push(Job::Search);
        // One 404 page, sitemap and robots.txt for every language of the site.
        if config.is_default_language() {
            jobs.extend([Job::NotFound, Job::Sitemap, Job::Robots]);
            let parts = super::sitemap::part_count(config, site);
            if parts > 1 {
                jobs.extend((1..=parts).map(Job::SitemapPart));
            }
        }
        jobs.push(Job::Feed(Feed::Site));
        for section in site.sections.iter().filter(|s| !s.pages.is_empty()) {
            jobs.push(Job::Feed(Feed::Section(section.kind)));
        }
        let topics = site.taxonomy(TaxonomyKind::Topics);
        jobs.extend((0..topics.terms.len()).map(|t| Job::Feed(Feed::Topic(t))));
        jobs.extend([Job::Calendar, Job::CalendarFeed]);
        jobs.extend((0..site.calendar.len()).map(Job::EventFile));
        // A listing's `_index.md` may keep its section's old address too.
        for (id, page) in site.pages.iter().enumerate() {
            jobs.extend((0..page.front.aliases.len()).map(|n| Job::Alias(id, n)));
        }
        jobs.extend(gone(site));
        jobs
    }

    /// The folder an HTML output is served as (`nyheter/sida/2/`); `None` for other files.
    pub fn folder(&self, site: &SiteIndex) -> Option<String> {
        Some(match *self {
            Job::Page(id) => site.pages[id].path.clone(),
            Job::Home => site.routes.home(),
            Job::Section(kind, n) => site.routes.pagination(&kind.listing(&site.routes), n),
            Job::Taxonomy(kind) => routes::taxonomy(&site.taxonomy(kind).path),
            Job::Term(kind, t, n) => {
                let taxonomy = site.taxonomy(kind);
                let term = routes::term(&taxonomy.path, &taxonomy.terms[t].slug);
                site.routes.pagination(&term, n)
            }
            Job::Archive => site.routes.archive(),
            Job::ArchiveYear(y) => site.routes.archive_year(site.archive[y].year),
            Job::ArchiveMonth(y, m) => {
                let year = &site.archive[y];
                site.routes.archive_month(year.year, year.months[m].month)
            }
            // An old address of a file (`docs/gammal.html`) is that file.
            Job::Alias(id, n) if is_file_address(&site.pages[id].front.aliases[n]) => return None,
            Job::Alias(id, n) => format!("{}/", site.pages[id].front.aliases[n]),
            Job::Calendar => site.routes.calendar(),
            Job::Search => site.routes.search(),
            Job::Gone(n) => site.timing.withheld[n].path.clone(),
            Job::NotFound
            | Job::Sitemap
            | Job::SitemapPart(_)
            | Job::Robots
            | Job::Feed(_)
            | Job::CalendarFeed
            | Job::EventFile(_) => return None,
        })
    }

    /// The output file this job writes: `nyheter/x/index.html`, `sitemap.xml`.
    pub fn path(&self, site: &SiteIndex) -> String {
        if let Some(folder) = self.folder(site) {
            return routes::index_file(&folder);
        }
        match *self {
            Job::NotFound => routes::NOT_FOUND.into(),
            Job::Sitemap => routes::SITEMAP.into(),
            Job::SitemapPart(n) => routes::sitemap_part(n),
            Job::Robots => routes::ROBOTS.into(),
            Job::Feed(feed) => routes::feed(&feed.folder(site)),
            Job::CalendarFeed => site.routes.calendar_feed(),
            Job::EventFile(n) => site.routes.event_file(&site.entry_slug(n)),
            Job::Alias(id, n) => site.pages[id].front.aliases[n].clone(),
            _ => unreachable!("every other output is a folder's index.html"),
        }
    }
}

/// The files of the output but the copied static ones and the search
/// index: every job's, and the published attachments and loose files
/// under their own names.
pub fn addresses(config: &Config, site: &SiteIndex) -> Vec<String> {
    let mut paths: Vec<String> = Job::all(config, site)
        .iter()
        .map(|job| job.path(site))
        .collect();
    for (id, attachments) in site.attachments.iter().enumerate() {
        let folder = &site.pages[id].path;
        paths.extend(attachments.iter().map(|a| format!("{folder}{}", a.name)));
    }
    paths.extend(site.published_files.iter().map(|file| file.name.clone()));
    paths
}

/// True for an address that names a file of its own (`docs/gammal.html`),
/// as old sites without "pretty" addresses had, not a folder.
pub fn is_file_address(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    last.ends_with(".html") || last.ends_with(".htm")
}
