//! What each output showed, recorded while it was rendered.
//!
//! The views (`context.rs`) note every page they hand out and every list or
//! value of the site they read (`Read`), by names that outlast a rebuild
//! (content paths, slugs, years). `serve` keeps that record per output and
//! redoes exactly the outputs that showed a page that changed or read
//! something that now reads otherwise (`Changes`). Nothing here is written by
//! hand per output: a template that shows more of what the views hand out is
//! covered as it is.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

pub use crate::index::page_key;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use serde::{Deserialize, Serialize};

use crate::content::PageKind;
use crate::index::{PageId, SiteIndex, TaxonomyKind};
use crate::render::context::SiteViews;
use crate::render::outputs::Job;
use crate::render::shapes::{
    addresses_shape, calendar_shape, feed_shape, hash_keys, slice_shape, year_shape,
};

/// A page's identity across rebuilds: a hash of its content path (`SiteIndex::page_keys`).
pub type PageKey = u64;

/// Something of the site besides a page's own content that an output read.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Read {
    /// `site` and `t`, which every template gets: menu, footer links, members.
    Globals,
    /// Which page is the start page's own (`content/_index.md`).
    Home,
    /// Which page is a section's introduction (its `_index.md`).
    Intro(PageKind),
    /// Items `start..end` of a list, and how long the list is.
    Slice(List, usize, usize),
    /// How a taxonomy shows the term a page names: its name and slug, if any.
    Term(TaxonomyKind, String),
    /// Every term of a taxonomy, with its page count.
    Terms(TaxonomyKind),
    /// The archive's years, and each year's months with their page counts.
    Archive,
    /// One year's months with their page counts.
    Year(i16),
    /// The first `n` calendar entries that have not ended.
    Upcoming(usize),
    /// Every calendar entry, and whether it is upcoming.
    Calendar,
    /// The pages related to a page in one way.
    Related(Relation, PageKey),
    /// Every listed page's address and date (the sitemap).
    Addresses,
    /// Which pages a feed holds, and its topic's name.
    Feed(FeedKey),
    /// Whether a feed has entries, and its topic's name: what a link to it shows.
    FeedLink(FeedKey),
    /// Whether a page (by key) is still ahead of the build's moment: its
    /// "Schemalagd" banner.
    Scheduled(PageKey),
    /// The title and the moment of an expired page (by content path): its notice.
    Gone(String),
    /// Whether registration for a page's event (by key) is open.
    Registration(PageKey),
    /// Whether one calendar entry (by its page's key and its place there)
    /// is still ahead.
    Ahead(PageKey, crate::index::EventSource),
    /// Which calendar entries a page (by key) lists: its own, and the
    /// conference events its activities are.
    Entries(PageKey),
    /// Every published document, what fails in it and its page (the
    /// accessibility statement).
    Documents,
}

/// A list of pages, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum List {
    /// A section's pages.
    Section(PageKind),
    /// A term's pages (by slug), with the term's name.
    Term(TaxonomyKind, String),
    /// One month of the archive.
    Month(i16, i8),
}

/// How pages relate (`SiteIndex::conference_of` and the like).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Relation {
    /// A presentation's conference.
    Conference,
    /// A conference's presentations.
    Presentations,
    /// A page's programme.
    Programme,
    /// A programme's pages.
    ProgrammePages,
    /// The pages that share a topic or the programme ("Relaterat").
    Related,
    /// A plain page's pages one folder below.
    Children,
    /// The plain pages at the folders above a plain page (breadcrumbs).
    Parents,
}

/// A feed by names that outlast a rebuild.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FeedKey {
    /// The whole site's.
    Site,
    /// A section's.
    Section(PageKind),
    /// A topic's, by slug.
    Topic(String),
}

/// What one output showed.
#[derive(Debug, Clone, Default)]
pub struct Shown {
    /// The pages it handed to its template, in any form.
    pub pages: Vec<PageKey>,
    /// What else of the site it read.
    pub reads: Vec<Read>,
}

impl Shown {
    /// Adds `read` (repeats go in `finish`).
    pub fn read(&mut self, read: Read) {
        self.reads.push(read);
    }

    /// Adds page `key`.
    pub fn page(&mut self, key: PageKey) {
        self.pages.push(key);
    }

    /// Adds what `other` showed.
    pub fn extend(&mut self, other: &Shown) {
        self.pages.extend_from_slice(&other.pages);
        self.reads.extend_from_slice(&other.reads);
    }

    /// Sorts and deduplicates, to keep the record small.
    pub fn finish(mut self) -> Self {
        self.pages.sort_unstable();
        self.pages.dedup();
        self.reads.sort_unstable();
        self.reads.dedup();
        self
    }
}

/// What every output of a site showed, by output path, with each read kept
/// once for all the outputs that made it.
#[derive(Default)]
pub struct Record {
    /// Every read any output made, once.
    reads: Vec<Read>,
    ids: FxHashMap<Read, u32>,
    outputs: FxHashMap<Arc<str>, (Job, Noted)>,
    /// For each page, the outputs that showed it: an edit of one page's
    /// content looks up its outputs instead of going through them all.
    shown_by: FxHashMap<PageKey, Vec<Arc<str>>>,
}

/// What one output showed, its reads by their place in `Record::reads`.
#[derive(Clone, Serialize, Deserialize)]
struct Noted {
    pages: Vec<PageKey>,
    reads: Vec<u32>,
}

impl Record {
    /// Notes that the output at `path`, made by `job`, showed `shown`.
    pub fn insert(&mut self, path: String, job: Job, shown: Shown) {
        let reads = shown
            .reads
            .into_iter()
            .map(|read| match self.ids.get(&read) {
                Some(&id) => id,
                None => {
                    let id = u32::try_from(self.reads.len()).expect("fewer reads than 2³²");
                    self.ids.insert(read.clone(), id);
                    self.reads.push(read);
                    id
                }
            })
            .collect();
        let path: Arc<str> = Arc::from(path);
        if let Some((_, old)) = self.outputs.remove(&*path) {
            self.unlink(&path, &old.pages);
        }
        for page in &shown.pages {
            let paths = self.shown_by.entry(*page).or_default();
            paths.push(Arc::clone(&path));
        }
        let pages = shown.pages;
        self.outputs.insert(path, (job, Noted { pages, reads }));
    }

    /// Forgets that the output at `path` showed `pages`.
    fn unlink(&mut self, path: &str, pages: &[PageKey]) {
        for page in pages {
            if let Some(paths) = self.shown_by.get_mut(page) {
                paths.retain(|p| &**p != path);
                if paths.is_empty() {
                    self.shown_by.remove(page);
                }
            }
        }
    }

    /// The job that made the output at `path`, if one did.
    pub fn job(&self, path: &str) -> Option<Job> {
        self.outputs.get(path).map(|(job, _)| *job)
    }

    /// Keeps the outputs at `paths`, made now by `jobs`; returns the paths of the others.
    pub fn keep(&mut self, jobs: &[Job], paths: &[String]) -> Vec<String> {
        let mut old = std::mem::take(&mut self.outputs);
        for (job, path) in jobs.iter().zip(paths) {
            if let Some((path, (_, noted))) = old.remove_entry(path.as_str()) {
                self.outputs.insert(path, (*job, noted));
            }
        }
        old.into_iter()
            .map(|(path, (_, noted))| {
                self.unlink(&path, &noted.pages);
                path.to_string()
            })
            .collect()
    }

    /// Compares every read between `old` and `new`; `dirty` are the pages
    /// whose content changed (edited, added, removed or re-rendered).
    pub fn changes(
        &self,
        old: &SiteViews<'_>,
        new: &SiteViews<'_>,
        dirty: FxHashSet<PageKey>,
    ) -> Changes {
        let (old_ids, new_ids) = (key_map(old.site), key_map(new.site));
        let changed = self
            .reads
            .par_iter()
            .map(|read| read.digest(old, &old_ids) != read.digest(new, &new_ids))
            .collect();
        Changes { dirty, changed }
    }

    /// The changes of an edit that changed pages' content and nothing else an output reads.
    pub fn only_pages(&self, dirty: FxHashSet<PageKey>) -> Changes {
        Changes {
            dirty,
            changed: vec![false; self.reads.len()],
        }
    }

    /// True when the output at `path` is new, or showed a page that changed
    /// or read something that now reads otherwise.
    pub fn is_affected(&self, changes: &Changes, path: &str) -> bool {
        self.outputs
            .get(path)
            .is_none_or(|(_, noted)| changes.hit(noted))
    }

    /// The jobs of the outputs that showed a page that changed or read
    /// something that now reads otherwise.
    pub fn affected(&self, changes: &Changes) -> Vec<Job> {
        if !changes.changed.contains(&true) {
            // Only pages' content changed: the outputs that showed them.
            let mut paths: Vec<&Arc<str>> = changes
                .dirty
                .iter()
                .filter_map(|page| self.shown_by.get(page))
                .flatten()
                .collect();
            paths.sort_unstable();
            paths.dedup();
            return paths.into_iter().map(|path| self.outputs[path].0).collect();
        }
        self.outputs
            .values()
            .filter(|(_, noted)| changes.hit(noted))
            .map(|(job, _)| *job)
            .collect()
    }
}

/// The record as a build keeps it for the next one (`pipeline::kept`): each
/// read with what it gave then (its digest), so the next build compares
/// against digests instead of the old site, which it no longer has.
#[derive(Default, Serialize, Deserialize)]
pub struct KeptRecord {
    /// Every read any output made, with its digest on the site it was made for.
    reads: Vec<(Read, u64)>,
    outputs: FxHashMap<String, Noted>,
}

impl Record {
    /// What to keep of this record, with each read's digest on `views`' site.
    pub fn kept(&self, views: &SiteViews<'_>) -> KeptRecord {
        let ids = key_map(views.site);
        let reads = self
            .reads
            .par_iter()
            .map(|read| (read.clone(), read.digest(views, &ids)))
            .collect();
        let outputs = self
            .outputs
            .iter()
            .map(|(path, (_, noted))| (path.to_string(), noted.clone()))
            .collect();
        KeptRecord { reads, outputs }
    }
}

impl KeptRecord {
    /// Compares every read's digest with what it gives on `new`'s site;
    /// `dirty` are the pages whose content changed (or that are gone).
    pub fn changes(&self, new: &SiteViews<'_>, dirty: FxHashSet<PageKey>) -> Changes {
        let ids = key_map(new.site);
        let changed = self
            .reads
            .par_iter()
            .map(|(read, digest)| read.digest(new, &ids) != *digest)
            .collect();
        Changes { dirty, changed }
    }

    /// True when `changes` change what every output shows (the menu, say).
    pub fn is_global(&self, changes: &Changes) -> bool {
        let globals = self
            .reads
            .iter()
            .position(|(read, _)| *read == Read::Globals);
        globals.is_some_and(|id| changes.changed[id])
    }

    /// True when the output at `path` is new, or showed a page that changed
    /// or read something that now reads otherwise.
    pub fn is_affected(&self, changes: &Changes, path: &str) -> bool {
        self.outputs
            .get(path)
            .is_none_or(|noted| changes.hit(noted))
    }

    /// What the output at `path` showed when it was made, to keep in the next record.
    pub fn shown(&self, path: &str) -> Option<Shown> {
        let noted = self.outputs.get(path)?;
        Some(Shown {
            pages: noted.pages.clone(),
            reads: noted
                .reads
                .iter()
                .map(|&r| self.reads[r as usize].0.clone())
                .collect(),
        })
    }
}

/// What changed between two versions of the site, as outputs read it.
pub struct Changes {
    dirty: FxHashSet<PageKey>,
    /// For each of `Record::reads`, whether it reads otherwise now.
    changed: Vec<bool>,
}

impl Changes {
    /// True when what every output shows changed (the menu, say).
    pub fn is_global(&self, record: &Record) -> bool {
        record
            .ids
            .get(&Read::Globals)
            .is_some_and(|&id| self.changed[id as usize])
    }

    /// True when an output that showed `noted` would show something else now.
    fn hit(&self, noted: &Noted) -> bool {
        noted.pages.iter().any(|p| self.dirty.contains(p))
            || noted.reads.iter().any(|&r| self.changed[r as usize])
    }

    /// True when page `key`'s content changed.
    pub fn is_dirty(&self, key: PageKey) -> bool {
        self.dirty.contains(&key)
    }
}

fn key_map(site: &SiteIndex) -> FxHashMap<PageKey, PageId> {
    site.page_keys
        .iter()
        .enumerate()
        .map(|(id, key)| (*key, id))
        .collect()
}

impl Read {
    /// A hash of what this read gives on `views`' site.
    fn digest(&self, views: &SiteViews<'_>, ids: &FxHashMap<PageKey, PageId>) -> u64 {
        let site = views.site;
        let mut h = FxHasher::default();
        match self {
            Read::Globals => views.globals().digest.hash(&mut h),
            Read::Home => site.home.map(|id| site.page_keys[id]).hash(&mut h),
            Read::Intro(kind) => site
                .section(*kind)
                .and_then(|s| s.intro)
                .map(|id| site.page_keys[id])
                .hash(&mut h),
            Read::Slice(list, start, end) => slice_shape(site, list, *start..*end, &mut h),
            Read::Term(kind, name) => site
                .taxonomy(*kind)
                .term(name)
                .map(|t| (&t.name, &t.slug))
                .hash(&mut h),
            Read::Terms(kind) => {
                for term in &site.taxonomy(*kind).terms {
                    (&term.name, &term.slug, term.pages.len()).hash(&mut h);
                }
            }
            Read::Archive => {
                for year in &site.archive {
                    year.year.hash(&mut h);
                    year_shape(year, &mut h);
                }
            }
            Read::Year(y) => {
                let year = site.archive.iter().find(|a| a.year == *y);
                year.is_some().hash(&mut h);
                year.into_iter().for_each(|year| year_shape(year, &mut h));
            }
            Read::Upcoming(n) => {
                for entry in site.upcoming().take(*n) {
                    (site.page_keys[entry.page], entry.source).hash(&mut h);
                }
            }
            Read::Calendar => calendar_shape(site, &mut h),
            Read::Related(relation, key) => {
                ids.get(key).is_some().hash(&mut h);
                if let Some(&id) = ids.get(key) {
                    hash_keys(site, &relation.of(site, id), &mut h);
                    // A page left out for its time is named as plain text.
                    let kind = match relation {
                        Relation::Conference => Some(PageKind::Conference),
                        Relation::Programme => Some(PageKind::Programme),
                        _ => None,
                    };
                    kind.and_then(|kind| site.named.get(&(id, kind)))
                        .hash(&mut h);
                }
            }
            Read::Addresses => addresses_shape(site, &mut h),
            Read::Feed(key) => feed_shape(site, key, true, &mut h),
            Read::FeedLink(key) => feed_shape(site, key, false, &mut h),
            Read::Scheduled(key) => {
                let page = ids.get(key).map(|&id| &site.pages[id]);
                let date = page.and_then(|p| p.date);
                date.is_some_and(|d| d.timestamp() > site.timing.now)
                    .hash(&mut h);
            }
            Read::Ahead(key, source) => {
                let id = ids.get(key).copied();
                let mut entries = id.into_iter().flat_map(|id| site.entries_of(id));
                let entry = entries.find(|e| Some(e.page) == id && e.source == *source);
                entry.map(|e| e.is_upcoming(site.timing.now)).hash(&mut h);
            }
            Read::Entries(key) => {
                let entries = ids.get(key).into_iter().flat_map(|&id| site.entries_of(id));
                entries.for_each(|e| (site.page_keys[e.page], e.source).hash(&mut h));
            }
            Read::Registration(key) => {
                let closes = ids.get(key).and_then(|&id| site.registration_closes(id));
                closes.is_some_and(|at| at > site.timing.now).hash(&mut h);
            }
            Read::Documents => {
                // What the statement shows of a page that it lists.
                let page = |id: usize| {
                    let page = &site.pages[id];
                    let date = page.front.updated.or(page.date).map(|d| d.timestamp());
                    (site.page_keys[id], &page.front.title, &page.path, date)
                };
                for d in &site.documents.all {
                    (page(d.page), &d.name, &d.title, &d.problems, &d.standing).hash(&mut h);
                }
                for failing in site.documents.failing_pages() {
                    (page(failing.page), &failing.rules).hash(&mut h);
                }
            }
            Read::Gone(path) => {
                let timed = site.timing.get(path);
                let shown = timed.map(|t| (&t.title, t.moment.timestamp(), t.why, t.notice));
                shown.hash(&mut h);
            }
        }
        h.finish()
    }
}

impl List {
    /// The list's pages on `site`, and the name shown with it (a term's).
    pub fn pages<'s>(&self, site: &'s SiteIndex) -> (&'s [PageId], Option<&'s str>) {
        match self {
            List::Section(kind) => (site.section(*kind).map_or(&[][..], |s| &s.pages), None),
            List::Term(kind, slug) => {
                let term = site.taxonomy(*kind).terms.iter().find(|t| t.slug == *slug);
                term.map_or((&[][..], None), |t| (&t.pages[..], Some(t.name.as_str())))
            }
            List::Month(year, month) => {
                let pages = site
                    .archive
                    .iter()
                    .find(|y| y.year == *year)
                    .and_then(|y| y.months.iter().find(|m| m.month == *month))
                    .map_or(&[][..], |m| &m.pages[..]);
                (pages, None)
            }
        }
    }
}

impl Relation {
    /// The pages related to page `id` in this way.
    pub fn of(self, site: &SiteIndex, id: PageId) -> Vec<PageId> {
        match self {
            Relation::Conference => site.conference_of.get(&id).copied().into_iter().collect(),
            Relation::Programme => site.programme_of.get(&id).copied().into_iter().collect(),
            Relation::Presentations => site.presentations.get(&id).cloned().unwrap_or_default(),
            Relation::ProgrammePages => site.programme_pages.get(&id).cloned().unwrap_or_default(),
            Relation::Related => site.related_pages(id),
            Relation::Children => site.children_of(id),
            Relation::Parents => site.parents_of(id),
        }
    }
}

/// The stable name of `feed`.
pub fn feed_key(site: &SiteIndex, feed: crate::render::outputs::Feed) -> FeedKey {
    use crate::render::outputs::Feed;
    match feed {
        Feed::Site => FeedKey::Site,
        Feed::Section(kind) => FeedKey::Section(kind),
        Feed::Topic(t) => FeedKey::Topic(site.taxonomy(TaxonomyKind::Topics).terms[t].slug.clone()),
    }
}

impl FeedKey {
    /// The feed of this name on `site`, if it has one.
    pub(super) fn resolve(&self, site: &SiteIndex) -> Option<crate::render::outputs::Feed> {
        use crate::render::outputs::Feed;
        match self {
            FeedKey::Site => Some(Feed::Site),
            FeedKey::Section(kind) => Some(Feed::Section(*kind)),
            FeedKey::Topic(slug) => site
                .taxonomy(TaxonomyKind::Topics)
                .terms
                .iter()
                .position(|t| t.slug == *slug)
                .map(Feed::Topic),
        }
    }
}
