//! An edit that leaves the index as it was but for one page's content: the
//! index is not made again, the page and its body are put in its place.
//!
//! What the index makes of a page is written in `index::build`; this module
//! names what of a page that reads, so an edit of anything else (the text,
//! a lead, `extra`, a title that keeps the page's place) can skip it. What
//! the outputs show of the page is not decided here: they recorded it
//! (`render::record`).

use std::sync::Arc;

use crate::content::{Page, PageKind};
use crate::index::{PageId, SiteIndex};
use crate::markdown::Body;

impl SiteIndex {
    /// True when the index made with page `id` replaced by `page` and its
    /// body by `body` would be this one with just those two replaced; false
    /// when the edit could change it (then index again).
    pub fn stands_with(&self, id: PageId, page: &Page, body: &Body) -> bool {
        let old = &self.pages[id];
        let retitled = old.front.title != page.front.title;
        same_but_content(old, page)
            && same_files(&self.bodies[id], body)
            && same_warnings(&self.bodies[id], body)
            // The accessibility statement lists the rules a page's text breaks.
            && (self.documents.pages.is_none()
                || crate::rules::broken(old, |_| true) == crate::rules::broken(page, |_| true))
            // A title names the page's event in the calendar, and orders plain pages.
            && !(retitled && (page.front.event.is_some() || page.kind == PageKind::Plain))
            && (!retitled || keeps_its_place(&self.pages, id, &page.front.title))
    }
}

/// True if `new` is `old` with at most another title, lead, `extra` and body:
/// nothing the index reads of a page but the title differs.
pub fn same_but_content(old: &Page, new: &Page) -> bool {
    let mut front = old.front.clone();
    front.title.clone_from(&new.front.title);
    front.summary.clone_from(&new.front.summary);
    front.extra.clone_from(&new.front.extra);
    old.path == new.path
        && old.kind == new.kind
        && old.is_section_index == new.is_section_index
        && old.date == new.date
        && old.assets == new.assets
        && front == new.front
}

/// True when `new` is at the address `old` was, under the same aliases:
/// what `content::check_paths` reads of a page.
pub fn same_address(old: &Page, new: &Page) -> bool {
    old.path == new.path
        && old.kind == new.kind
        && old.slug == new.slug
        && old.is_section_index == new.is_section_index
        && old.front.aliases == new.front.aliases
}

/// True when two bodies link or embed the same files, so what is published stays the same.
pub(super) fn same_files(old: &Body, new: &Body) -> bool {
    old.files.len() == new.files.len()
        && (old.files.iter().zip(&new.files))
            .all(|(a, b)| a.content_path == b.content_path && a.site_path == b.site_path)
}

/// True when two bodies give the index the same warnings: the same links
/// to addresses of the site (`index::nowhere`) and the same template code
/// of other generators (`index::leftovers`).
fn same_warnings(old: &Body, new: &Body) -> bool {
    // With where they stand: a warning kept from the last indexing shows its place.
    type Warned<'a> = (Vec<(&'a str, usize, usize)>, Vec<(usize, usize, &'a str)>);
    fn warned(body: &Body) -> Warned<'_> {
        let links = body.review.links.iter().filter(|l| l.page_url.is_none());
        let links = links.map(|l| (l.dest.as_str(), l.offset, l.len));
        let foreign = body.review.foreign.iter();
        let foreign = foreign.map(|(at, len, _, name)| (*at, *len, name.as_str()));
        (links.collect(), foreign.collect())
    }
    warned(old) == warned(new)
}

/// True if page `id`, titled `title`, sorts among the pages as it does now.
/// Lists are newest first, and the title breaks ties between pages of the same
/// date (`Page::newest_first_key`, in a stable sort: then the page order).
fn keeps_its_place(pages: &[Arc<Page>], id: PageId, title: &str) -> bool {
    let (date, old) = pages[id].newest_first_key();
    pages.iter().enumerate().all(|(other, page)| {
        let (other_date, other_title) = page.newest_first_key();
        other == id
            || other_date != date
            || (other_title, other).cmp(&(old, id)) == (other_title, other).cmp(&(title, id))
    })
}
