//! The index stage: pages + bodies → `SiteIndex`: sections, taxonomies, the date
//! archive, programme hubs, conference ↔ presentation links and the calendar.
//!
//! In: the `Config`, pages and their bodies. Out: a `SiteIndex` that owns them
//! and refers to them by `PageId`. Cross references that lead nowhere
//! (`programme:`, `conference:`) are located errors. It renders nothing.

pub mod calendar;
mod edit;
pub use edit::{same_address, same_but_content};
pub mod files;
mod leftovers;
pub mod nowhere;
mod references;
mod related;
pub mod taxonomy;
mod timed;
pub mod translations;

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;

use crate::config::Config;
use crate::content::page::SECTIONS;
use crate::content::schedule::Timing;
use crate::content::{Page, PageDate, PageKind};
use crate::diagnostics::Diagnostics;
use crate::markdown::Body;
use crate::text::SwedishOrder;
use references::{Reference, group_by_target, resolve_references};
pub use taxonomy::{Taxonomy, TaxonomyKind, Term};

/// A page's position in `SiteIndex::pages`.
pub type PageId = usize;

/// One section's pages, newest first.
#[derive(Debug, Clone)]
pub struct Section {
    /// Which section.
    pub kind: PageKind,
    /// Its URL folder: `nyheter`.
    pub folder: &'static str,
    /// The section's `_index.md`, if it has one.
    pub intro: Option<PageId>,
    /// Its pages, newest first.
    pub pages: Vec<PageId>,
}

/// A year of the date archive, with its months (newest first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveYear {
    /// The year.
    pub year: i16,
    /// Months with pages, newest first.
    pub months: Vec<ArchiveMonth>,
}

/// A month of the date archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArchiveMonth {
    /// 1–12.
    pub month: i8,
    /// Its pages, newest first.
    pub pages: Vec<PageId>,
}

impl ArchiveYear {
    /// All pages of the year.
    pub fn page_count(&self) -> usize {
        self.months.iter().map(|m| m.pages.len()).sum()
    }
}

/// Where a calendar entry comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum EventSource {
    /// A page's `event:` (a conference, say).
    Event,
    /// One of a page's `activities:`.
    Activity(usize),
}

/// One entry of the calendar: a page's event or one of its activities.
#[derive(Debug, Clone, PartialEq)]
pub struct CalendarEntry {
    /// Its position in `SiteIndex::calendar`.
    pub index: usize,
    /// The page it comes from.
    pub page: PageId,
    /// Which part of the page.
    pub source: EventSource,
    /// What.
    pub title: String,
    /// When it starts.
    pub start: PageDate,
    /// When it ends.
    pub end: Option<PageDate>,
    /// Where.
    pub location: Option<String>,
}

/// The whole site, indexed.
#[derive(Debug, Clone)]
pub struct SiteIndex {
    /// Every published page; a `PageId` indexes this.
    pub pages: Vec<Arc<Page>>,
    /// Each page's body, same order.
    pub bodies: Vec<Arc<Body>>,
    /// The start page's `content/_index.md`.
    pub home: Option<PageId>,
    /// The five sections in `SECTIONS` order.
    pub sections: Vec<Section>,
    /// Plain pages (Om GR, Kontakt…), by weight then title.
    pub plain: Vec<PageId>,
    /// Topics, then municipalities.
    pub taxonomies: Vec<Taxonomy>,
    /// Years, newest first.
    pub archive: Vec<ArchiveYear>,
    /// Programme page → pages that name it, newest first.
    pub programme_pages: BTreeMap<PageId, Vec<PageId>>,
    /// Page → its programme page.
    pub programme_of: BTreeMap<PageId, PageId>,
    /// Conference page → its presentations, in source order of their dates then titles.
    pub presentations: BTreeMap<PageId, Vec<PageId>>,
    /// Presentation → its conference page.
    pub conference_of: BTreeMap<PageId, PageId>,
    /// Events and activities, by start.
    pub calendar: Vec<CalendarEntry>,
    /// Page → positions of its entries in `calendar`.
    pub calendar_of: BTreeMap<PageId, Vec<usize>>,
    /// The moment the site was built at, and the pages it left out for
    /// their time (`content::schedule`).
    pub timing: Timing,
    /// The day of `timing.now` in Swedish time, for "upcoming".
    pub today: Date,
    /// Pages whose `programme:` or `conference:` names a page that expired:
    /// its title, shown as plain text (`timed::Named`).
    pub named: BTreeMap<(PageId, PageKind), String>,
    /// Files under content/ outside bundles, as listed, published or not.
    pub files: Vec<crate::content::Asset>,
    /// Each page's bundle files that are published (see `files::published`), same order as `pages`.
    pub attachments: Vec<Vec<crate::content::Asset>>,
    /// The published documents (PDFs, office files) and what keeps each
    /// from being accessible.
    pub documents: crate::documents::Documents,
    /// The loose files that are published.
    pub published_files: Vec<crate::content::Asset>,
    /// What deciding which files are published said (`files::published`),
    /// when it was decided with `attachments` and `published_files` for
    /// these pages; `None` once a part of that was decided again alone (a
    /// loose file came or went in `serve`), so the next indexing decides
    /// it whole.
    pub file_warnings: Option<Diagnostics>,
    /// Each page's `page_key`, same order as `pages`.
    pub page_keys: Vec<u64>,
    /// Where the site's resized pictures are kept.
    pub image_cache: crate::images::ImageCache,
    /// The URL folders of the site's language (`en/news/`).
    pub routes: crate::routes::Routes,
    /// In a site in more than one language, the links between them.
    pub translations: Arc<translations::Translations>,
}

/// Indexes the pages and decides which files under content/ are published
/// (`loose` are those outside bundles); every broken cross reference is an
/// error, and the index comes with the warnings.
pub fn build(
    config: &Config,
    pages: Vec<Arc<Page>>,
    bodies: Vec<Arc<Body>>,
    loose: Vec<crate::content::Asset>,
    timing: Timing,
    earlier: Option<&SiteIndex>,
) -> Result<(SiteIndex, Diagnostics), Diagnostics> {
    let (site, diagnostics) = build_anyway(config, pages, bodies, loose, &[], timing, earlier);
    let warnings = diagnostics.into_result()?;
    Ok((site, warnings))
}

/// `build`, which indexes what it can even when cross references are broken,
/// and returns every error and warning beside the index. A reference to a
/// section with a page that failed to parse (`unparsed`, content paths) may
/// name that page: it is not reported. `earlier`, the index before in
/// `serve`, lends what it found of the pages that did not change
/// (`documents::Earlier`), and which files it published when no page
/// changed the files it names (`files::Decided`).
pub fn build_anyway(
    config: &Config,
    pages: Vec<Arc<Page>>,
    bodies: Vec<Arc<Body>>,
    loose: Vec<crate::content::Asset>,
    unparsed: &[String],
    timing: Timing,
    earlier: Option<&SiteIndex>,
) -> (SiteIndex, Diagnostics) {
    let decided = earlier.and_then(|site| {
        Some(files::Decided {
            pages: &site.pages,
            bodies: &site.bodies,
            files: &site.files,
            attachments: &site.attachments,
            published_files: &site.published_files,
            warnings: site.file_warnings.as_ref()?,
        })
    });
    let earlier =
        earlier.map(|site| crate::documents::Earlier::of(&site.documents, &site.attachments));
    let unparsed: Vec<PageKind> = unparsed
        .iter()
        .map(|path| PageKind::from_folder(path.split('/').next().unwrap_or_default()))
        .collect();
    let order = SwedishOrder::new();
    let home = pages
        .iter()
        .position(|p| p.is_section_index && p.path == config.routes.home());
    // Every list of pages is newest first: sort once, then filter or sort by rank.
    let newest = Newest::of(&pages);
    let newest = &newest;
    // Four independent parts, built side by side: this runs on every rebuild in `serve`.
    let lists = || {
        let sections = sections(&config.routes, &pages, newest);
        (sections, plain_pages(&pages, &order))
    };
    let links = || {
        rayon::join(
            || taxonomies(config, &pages, newest, &order),
            || References::build(&pages, newest, &unparsed, &timing),
        )
    };
    let files = || {
        let published = match decided.filter(|d| d.holds_for(&pages, &bodies, &loose)) {
            Some(decided) => decided.published(),
            None => files::published(config, &pages, &bodies, &loose),
        };
        let reviewed = crate::documents::review(config, &pages, &published.attachments, earlier);
        (published, reviewed)
    };
    let (((sections, plain), ((taxonomies, taxonomy_diagnostics), references)), files) =
        rayon::join(|| rayon::join(lists, links), files);
    let (published, (documents, document_warnings)) = files;
    let mut diagnostics = taxonomy_diagnostics;
    diagnostics.extend(references.diagnostics);
    diagnostics.extend(timed::link_warnings(&pages, &bodies, &timing));
    diagnostics.extend(leftovers::foreign_warnings(&pages, &bodies));
    diagnostics.extend(published.diagnostics.iter().cloned());
    diagnostics.extend(document_warnings);
    let site = SiteIndex {
        pages,
        bodies,
        home,
        sections,
        plain,
        taxonomies,
        archive: references.archive,
        programme_pages: references.programme_pages,
        programme_of: references.programme_of,
        presentations: references.presentations,
        conference_of: references.conference_of,
        calendar: references.calendar,
        calendar_of: references.calendar_of,
        today: crate::content::page::day_of(timing.now),
        timing,
        named: references.named,
        files: loose,
        attachments: published.attachments,
        documents,
        published_files: published.loose,
        file_warnings: Some(published.diagnostics),
        page_keys: references.page_keys,
        image_cache: crate::images::ImageCache::new(&config.root),
        routes: config.routes.clone(),
        translations: Arc::default(),
    };
    (site, diagnostics)
}

/// Topics and municipalities, with the warnings for terms site.yaml does not allow.
fn taxonomies(
    config: &Config,
    pages: &[Arc<Page>],
    newest: &Newest,
    order: &SwedishOrder,
) -> (Vec<Taxonomy>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let taxonomies = [TaxonomyKind::Topics, TaxonomyKind::Municipalities]
        .map(|kind| Taxonomy::build(kind, config, pages, newest, order, &mut diagnostics));
    (Vec::from(taxonomies), diagnostics)
}

/// A page's identity across rebuilds: a hash of its content path.
pub fn page_key(content_path: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    content_path.hash(&mut hasher);
    hasher.finish()
}

impl SiteIndex {
    /// A calendar entry's name in URLs and UIDs: `konferenser-arsmote-2024`, `…-aktivitet-2`.
    pub fn entry_slug(&self, n: usize) -> String {
        let entry = &self.calendar[n];
        let page = self.pages[entry.page]
            .path
            .trim_end_matches('/')
            .replace('/', "-");
        match entry.source {
            EventSource::Event => page,
            EventSource::Activity(a) => format!("{page}-aktivitet-{}", a + 1),
        }
    }

    /// The section of `kind`.
    pub fn section(&self, kind: PageKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// The page from the file at `content_path` (`nyheter/x.md`), if it is published.
    pub fn page_id(&self, content_path: &str) -> Option<PageId> {
        // Pages are in content-path order.
        self.pages
            .binary_search_by(|p| p.content_path.as_str().cmp(content_path))
            .ok()
    }

    /// Pages that are listed anywhere: not section indexes.
    pub fn listed_pages(&self) -> impl Iterator<Item = PageId> + '_ {
        (0..self.pages.len()).filter(|&id| !self.pages[id].is_section_index)
    }

    /// The taxonomy of `kind`.
    pub fn taxonomy(&self, kind: TaxonomyKind) -> &Taxonomy {
        self.taxonomies
            .iter()
            .find(|t| t.kind == kind)
            .expect("the index builds both taxonomies")
    }

    /// Page `id`'s own event and activities, by start, and the conference
    /// events its activities are (`calendar`).
    pub fn entries_of(&self, id: PageId) -> impl Iterator<Item = &CalendarEntry> {
        self.calendar_of
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&n| &self.calendar[n])
    }

    /// Calendar entries that have not ended yet, soonest first.
    pub fn upcoming(&self) -> impl Iterator<Item = &CalendarEntry> {
        let now = self.timing.now;
        self.calendar.iter().filter(move |e| e.is_upcoming(now))
    }
}

fn sections(routes: &crate::routes::Routes, pages: &[Arc<Page>], newest: &Newest) -> Vec<Section> {
    SECTIONS
        .iter()
        .map(|(kind, folder, _)| {
            let index_path = kind.listing(routes);
            Section {
                kind: *kind,
                folder,
                intro: pages
                    .iter()
                    .position(|p| p.is_section_index && p.path == index_path),
                pages: newest.filter(pages, |p| p.kind == *kind && !p.is_section_index),
            }
        })
        .collect()
}

fn plain_pages(pages: &[Arc<Page>], order: &SwedishOrder) -> Vec<PageId> {
    let mut plain: Vec<PageId> = (0..pages.len())
        .filter(|&id| pages[id].kind == PageKind::Plain && !pages[id].is_section_index)
        .collect();
    plain.sort_by(|&a, &b| {
        let (a, b) = (&pages[a], &pages[b]);
        a.front
            .weight
            .cmp(&b.front.weight)
            .then_with(|| order.compare(&a.front.title, &b.front.title))
    });
    plain
}

/// Cross references, the archive and the calendar: the index's third part.
struct References {
    programme_of: BTreeMap<PageId, PageId>,
    conference_of: BTreeMap<PageId, PageId>,
    programme_pages: BTreeMap<PageId, Vec<PageId>>,
    presentations: BTreeMap<PageId, Vec<PageId>>,
    archive: Vec<ArchiveYear>,
    calendar: Vec<CalendarEntry>,
    calendar_of: BTreeMap<PageId, Vec<usize>>,
    page_keys: Vec<u64>,
    named: BTreeMap<(PageId, PageKind), String>,
    diagnostics: Diagnostics,
}

impl References {
    fn build(
        pages: &[Arc<Page>],
        newest: &Newest,
        unparsed: &[PageKind],
        timing: &Timing,
    ) -> References {
        let mut diagnostics = Diagnostics::new();
        let mut named = BTreeMap::new();
        // A page named may be one that failed to parse, which is reported already.
        let mut resolve = |reference: Reference| {
            let report = !unparsed.contains(&reference.target_kind());
            let mut said = timed::Named {
                timing,
                named: &mut named,
                diagnostics: &mut diagnostics,
            };
            resolve_references(pages, reference, report, &mut said)
        };
        let programme_of = resolve(Reference::Programme);
        let conference_of = resolve(Reference::Conference);
        let programme_pages = group_by_target(newest, &programme_of);
        let presentations = group_by_target(newest, &conference_of);
        let calendar = calendar::calendar(pages, timing);
        diagnostics.extend(calendar.diagnostics);
        References {
            programme_of,
            conference_of,
            programme_pages,
            presentations,
            archive: archive(pages, newest),
            calendar: calendar.entries,
            calendar_of: calendar.of,
            page_keys: pages.iter().map(|p| page_key(&p.content_path)).collect(),
            named,
            diagnostics,
        }
    }
}

/// Every page newest first (undated last, then by content path), and each
/// page's place in that order, so that lists can be filtered or sorted by a
/// number instead of comparing dates again.
pub struct Newest {
    order: Vec<PageId>,
    rank: Vec<u32>,
}

impl Newest {
    pub fn of(pages: &[Arc<Page>]) -> Newest {
        let mut order: Vec<PageId> = (0..pages.len()).collect();
        order.sort_by(|&a, &b| {
            pages[a]
                .newest_first_key()
                .cmp(&pages[b].newest_first_key())
        });
        let mut rank = vec![0; pages.len()];
        for (place, &id) in order.iter().enumerate() {
            rank[id] = place as u32;
        }
        Newest { order, rank }
    }

    /// Page ids matching `keep`, newest first.
    pub fn filter(&self, pages: &[Arc<Page>], keep: impl Fn(&Page) -> bool) -> Vec<PageId> {
        self.order
            .iter()
            .copied()
            .filter(|&id| keep(&pages[id]))
            .collect()
    }

    /// Sorts page ids newest first.
    pub fn sort(&self, ids: &mut [PageId]) {
        ids.sort_unstable_by_key(|&id| self.rank[id]);
    }
}

fn archive(pages: &[Arc<Page>], newest: &Newest) -> Vec<ArchiveYear> {
    let ids = newest.filter(pages, |p| {
        p.date.is_some() && p.kind != PageKind::Plain && !p.is_section_index
    });
    let mut years: Vec<ArchiveYear> = Vec::new();
    for id in ids {
        let date = pages[id].date.expect("filtered on date").date();
        if years.last().is_none_or(|y| y.year != date.year()) {
            years.push(ArchiveYear {
                year: date.year(),
                months: Vec::new(),
            });
        }
        let year = years.last_mut().expect("pushed above");
        if year.months.last().is_none_or(|m| m.month != date.month()) {
            year.months.push(ArchiveMonth {
                month: date.month(),
                pages: Vec::new(),
            });
        }
        year.months.last_mut().expect("pushed above").pages.push(id);
    }
    years
}
