//! What a read of the site gives, hashed: the shapes of lists, the archive,
//! the calendar, the sitemap and the feeds that `record::Read::digest`
//! compares between builds.

use std::hash::Hash;

use rustc_hash::FxHasher;

use super::record::{FeedKey, List};
use crate::index::{PageId, SiteIndex, TaxonomyKind};

pub(super) fn hash_keys(site: &SiteIndex, ids: &[PageId], h: &mut FxHasher) {
    for &id in ids {
        site.page_keys[id].hash(h);
    }
}

/// A list's name and length, and which pages stand at `range` in it.
pub(super) fn slice_shape(
    site: &SiteIndex,
    list: &List,
    range: std::ops::Range<usize>,
    h: &mut FxHasher,
) {
    let (pages, name) = list.pages(site);
    name.hash(h);
    pages.len().hash(h);
    let (start, end) = (range.start.min(pages.len()), range.end.min(pages.len()));
    hash_keys(site, &pages[start..end], h);
}

pub(super) fn calendar_shape(site: &SiteIndex, h: &mut FxHasher) {
    for entry in &site.calendar {
        let upcoming = entry.is_upcoming(site.timing.now);
        (site.page_keys[entry.page], entry.source, upcoming).hash(h);
    }
}

/// What the sitemap shows: every listed page's path and date, and every term's slug.
pub(super) fn addresses_shape(site: &SiteIndex, h: &mut FxHasher) {
    for id in site.listed_pages() {
        let page = &site.pages[id];
        let date = page.front.updated.or(page.date).map(|d| d.date());
        (&page.path, date).hash(h);
    }
    for taxonomy in &site.taxonomies {
        taxonomy.terms.iter().for_each(|t| t.slug.hash(h));
    }
}

/// A feed's title (a topic's name) and its pages, or (for a link to it) whether it has any.
pub(super) fn feed_shape(site: &SiteIndex, key: &FeedKey, with_pages: bool, h: &mut FxHasher) {
    let feed = key.resolve(site);
    let pages = feed.map(|feed| feed.pages(site)).unwrap_or_default();
    if let FeedKey::Topic(slug) = key {
        let topics = site.taxonomy(TaxonomyKind::Topics);
        let term = topics.terms.iter().find(|t| t.slug == *slug);
        term.map(|t| &t.name).hash(h);
    }
    if with_pages {
        hash_keys(site, &pages, h);
        // An undated entry, or an empty feed, is dated by the day of the build.
        let undated = |id: &PageId| {
            site.pages[*id]
                .front
                .updated
                .or(site.pages[*id].date)
                .is_none()
        };
        if pages.is_empty() || pages.iter().any(undated) {
            site.today.hash(h);
        }
    } else {
        pages.is_empty().hash(h);
    }
}

pub(super) fn year_shape(year: &crate::index::ArchiveYear, h: &mut FxHasher) {
    for month in &year.months {
        (month.month, month.pages.len()).hash(h);
    }
}
