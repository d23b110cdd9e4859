//! Which outputs the site has (`Job`), where each is written, and what each
//! shows (`Deps`), so a rebuild can redo only the outputs a change touches.
//!
//! In: a `SiteIndex`. Out: jobs, their output paths and their dependencies.
//! An output is redone when a page it shows changed, or when what it lists
//! (which pages, which terms, how many) is not what it was.

use rustc_hash::FxHasher;
use std::hash::{Hash, Hasher};

use crate::config::Config;
use crate::content::PageKind;
use crate::index::{PageId, SiteIndex, TaxonomyKind};

/// How many news items, conferences and events the start page shows.
pub const HOME_NEWS: usize = 6;
/// How many conferences the start page shows.
pub const HOME_CONFERENCES: usize = 3;
/// How many upcoming events and activities the start page shows.
pub const HOME_UPCOMING: usize = 6;

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
}

impl Job {
    /// True for the outputs a page asks for: the page itself and its aliases.
    pub fn is_page_like(&self) -> bool {
        matches!(self, Job::Page(_) | Job::Alias(..))
    }
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

/// How many entries a feed has.
pub const FEED_SIZE: usize = 20;

/// What an output depends on besides templates and configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deps {
    /// The pages whose content it shows (title, date, summary…), as `page_key`s.
    pub pages: Vec<u64>,
    /// A hash of what it lists: which pages in which order, terms, counts.
    pub shape: u64,
}

/// A page's identity across rebuilds: a hash of its content path.
pub fn page_key(content_path: &str) -> u64 {
    let mut hasher = FxHasher::default();
    content_path.hash(&mut hasher);
    hasher.finish()
}

/// The path of page `number` of the listing at `base` (`nyheter/` → `nyheter/sida/2/`).
pub fn pagination_path(base: &str, number: usize) -> String {
    if number <= 1 {
        base.to_string()
    } else {
        format!("{base}sida/{number}/")
    }
}

/// How many listing pages `items` items fill, at least one.
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page.max(1)).max(1)
}

/// The items on page `number` (from 1) of a listing of `ids`.
pub fn page_slice(ids: &[PageId], per_page: usize, number: usize) -> &[PageId] {
    let per_page = per_page.max(1);
    let start = (number.saturating_sub(1) * per_page).min(ids.len());
    let end = (start + per_page).min(ids.len());
    &ids[start..end]
}

impl SiteIndex {
    /// The pages of a feed, newest first.
    pub fn feed_pages(&self, feed: Feed) -> Vec<PageId> {
        let ids: Vec<PageId> = match feed {
            Feed::Site => self
                .archive
                .iter()
                .flat_map(|year| year.months.iter().flat_map(|m| m.pages.iter().copied()))
                .take(FEED_SIZE)
                .collect(),
            Feed::Section(kind) => self
                .section(kind)
                .map_or_else(Vec::new, |s| s.pages.clone()),
            Feed::Topic(t) => self.taxonomy(TaxonomyKind::Topics).terms[t].pages.clone(),
        };
        ids.into_iter().take(FEED_SIZE).collect()
    }

    /// A calendar entry's name in URLs and UIDs: `konferenser-arsmote-2024`, `…-aktivitet-2`.
    pub fn entry_slug(&self, n: usize) -> String {
        let entry = &self.calendar[n];
        let page = self.pages[entry.page]
            .path
            .trim_end_matches('/')
            .replace('/', "-");
        match entry.source {
            crate::index::EventSource::Event => page,
            crate::index::EventSource::Activity(a) => format!("{page}-aktivitet-{}", a + 1),
        }
    }

    /// Page `id` and the pages its view shows (`Views::page`): its conference
    /// or programme, and a conference's presentations or a programme's pages.
    fn shown_with(&self, id: PageId, pages: &mut Vec<PageId>) {
        pages.push(id);
        pages.extend(self.conference_of.get(&id));
        pages.extend(self.presentations.get(&id).into_iter().flatten());
        pages.extend(self.programme_of.get(&id));
        pages.extend(self.programme_pages.get(&id).into_iter().flatten());
    }

    /// The newest news items for the start page.
    pub fn home_news(&self) -> &[PageId] {
        self.section(PageKind::News)
            .map_or(&[], |s| &s.pages[..s.pages.len().min(HOME_NEWS)])
    }

    /// The newest conferences for the start page.
    pub fn home_conferences(&self) -> &[PageId] {
        self.section(PageKind::Conference)
            .map_or(&[], |s| &s.pages[..s.pages.len().min(HOME_CONFERENCES)])
    }

    /// Every programme, for the start page.
    pub fn home_programmes(&self) -> &[PageId] {
        self.section(PageKind::Programme).map_or(&[], |s| &s.pages)
    }
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
        jobs.extend([Job::NotFound, Job::Sitemap, Job::Robots, Job::Search]);
        jobs.push(Job::Feed(Feed::Site));
        for section in &site.sections {
            if !section.pages.is_empty() {
                jobs.push(Job::Feed(Feed::Section(section.kind)));
            }
        }
        let topics = site.taxonomy(TaxonomyKind::Topics);
        jobs.extend((0..topics.terms.len()).map(|t| Job::Feed(Feed::Topic(t))));
        jobs.extend([Job::Calendar, Job::CalendarFeed]);
        jobs.extend((0..site.calendar.len()).map(Job::EventFile));
        for id in site.listed_pages() {
            jobs.extend((0..site.pages[id].front.aliases.len()).map(|n| Job::Alias(id, n)));
        }
        jobs
    }

    /// The output file this job writes: `nyheter/x/index.html`, `sitemap.xml`.
    pub fn path(&self, site: &SiteIndex) -> String {
        match *self {
            Job::Page(id) => format!("{}index.html", site.pages[id].path),
            Job::Home => "index.html".into(),
            Job::Section(kind, n) => {
                let folder = kind.folder().unwrap_or_default();
                format!("{}index.html", pagination_path(&format!("{folder}/"), n))
            }
            Job::Taxonomy(kind) => format!("{}/index.html", site.taxonomy(kind).path),
            Job::Term(kind, t, n) => {
                let taxonomy = site.taxonomy(kind);
                let base = format!("{}/{}/", taxonomy.path, taxonomy.terms[t].slug);
                format!("{}index.html", pagination_path(&base, n))
            }
            Job::Archive => "arkiv/index.html".into(),
            Job::ArchiveYear(y) => format!("arkiv/{}/index.html", site.archive[y].year),
            Job::ArchiveMonth(y, m) => format!(
                "arkiv/{}/{:02}/index.html",
                site.archive[y].year, site.archive[y].months[m].month
            ),
            Job::NotFound => "404.html".into(),
            Job::Sitemap => "sitemap.xml".into(),
            Job::Robots => "robots.txt".into(),
            Job::Alias(id, n) => format!("{}/index.html", site.pages[id].front.aliases[n]),
            Job::Feed(feed) => match feed {
                Feed::Site => "atom.xml".into(),
                Feed::Section(kind) => format!("{}/atom.xml", kind.folder().unwrap_or_default()),
                Feed::Topic(t) => {
                    let topics = site.taxonomy(TaxonomyKind::Topics);
                    format!("{}/{}/atom.xml", topics.path, topics.terms[t].slug)
                }
            },
            Job::Calendar => "kalender/index.html".into(),
            Job::CalendarFeed => "kalender.ics".into(),
            Job::EventFile(n) => format!("kalender/{}.ics", site.entry_slug(n)),
            Job::Search => "sok/index.html".into(),
        }
    }

    /// What this output shows, so a rebuild knows when to redo it.
    pub fn deps(&self, config: &Config, site: &SiteIndex) -> Deps {
        let per_page = config.paginate;
        let mut shape = FxHasher::default();
        let mut pages: Vec<PageId> = Vec::new();
        match *self {
            Job::Page(id) => site.shown_with(id, &mut pages),
            Job::Home => {
                pages.extend(site.home_news());
                pages.extend(site.home_conferences());
                pages.extend(site.home_programmes());
                pages.extend(site.upcoming().take(HOME_UPCOMING).map(|e| e.page));
                if let Some(home) = site.home {
                    site.shown_with(home, &mut pages);
                }
            }
            Job::Section(kind, n) => {
                if let Some(section) = site.section(kind) {
                    pages.extend(page_slice(&section.pages, per_page, n));
                    if let Some(intro) = section.intro {
                        site.shown_with(intro, &mut pages);
                    }
                    // "Visar 1–10 av 17" shows the total on every page of the listing.
                    section.pages.len().hash(&mut shape);
                }
            }
            Job::Taxonomy(kind) => {
                for term in &site.taxonomy(kind).terms {
                    (&term.name, &term.slug, term.pages.len()).hash(&mut shape);
                }
            }
            Job::Term(kind, t, n) => {
                let term = &site.taxonomy(kind).terms[t];
                term.name.hash(&mut shape);
                term.pages.len().hash(&mut shape);
                pages.extend(page_slice(&term.pages, per_page, n));
            }
            Job::Archive => {
                for year in &site.archive {
                    year.year.hash(&mut shape);
                    for month in &year.months {
                        (month.month, month.pages.len()).hash(&mut shape);
                    }
                }
            }
            Job::ArchiveYear(y) => {
                let year = &site.archive[y];
                for month in &year.months {
                    month.month.hash(&mut shape);
                    pages.extend(&month.pages);
                }
            }
            Job::ArchiveMonth(y, m) => {
                let year = &site.archive[y];
                for other in &year.months {
                    (other.month, other.pages.len()).hash(&mut shape);
                }
                pages.extend(&year.months[m].pages);
            }
            Job::NotFound | Job::Robots => {}
            Job::Sitemap => {
                // Addresses and dates only: a title or body edit leaves it as it is.
                for id in site.listed_pages() {
                    let page = &site.pages[id];
                    (
                        &page.path,
                        page.front.updated.or(page.date).map(|d| d.date()),
                    )
                        .hash(&mut shape);
                }
                for section in &site.sections {
                    section.folder.hash(&mut shape);
                }
                for taxonomy in &site.taxonomies {
                    taxonomy.path.hash(&mut shape);
                    for term in &taxonomy.terms {
                        term.slug.hash(&mut shape);
                    }
                }
            }
            Job::Alias(id, _) => pages.push(id),
            Job::Feed(feed) => pages.extend(site.feed_pages(feed)),
            Job::Calendar | Job::CalendarFeed => {
                for entry in &site.calendar {
                    (entry.page, entry.source, entry.is_upcoming(site.today)).hash(&mut shape);
                    pages.push(entry.page);
                }
                pages.dedup();
            }
            Job::EventFile(n) => pages.push(site.calendar[n].page),
            Job::Search => {}
        }
        // Pages are shown with their topic and municipality names, spelled as the
        // term's first page spells them: a change there is a change here.
        for &id in &pages {
            site.page_terms[id].hash(&mut shape);
        }
        let pages: Vec<u64> = pages.into_iter().map(|id| site.page_keys[id]).collect();
        pages.hash(&mut shape);
        Deps {
            pages,
            shape: shape.finish(),
        }
    }
}
