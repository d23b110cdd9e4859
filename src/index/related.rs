//! "Relaterat": the pages that share a topic or the programme with a page;
//! and a plain page's place among the folders (its children and parents).

use super::{PageId, SiteIndex, TaxonomyKind};
use crate::content::PageKind;

/// How many related pages an article shows.
pub const RELATED: usize = 3;

impl SiteIndex {
    /// Up to `RELATED` pages that share a topic or the programme with page
    /// `id` (or are its programme's page), newest first.
    ///
    /// Each list they come from is newest first already, so only the first
    /// few of each can be among the newest of them all: a page in a topic
    /// of thousands costs no more than one in a topic of three.
    pub fn related_pages(&self, id: PageId) -> Vec<PageId> {
        let page = &self.pages[id];
        let topics = self.taxonomy(TaxonomyKind::Topics);
        let mut lists: Vec<&[PageId]> = page
            .front
            .topics
            .iter()
            .filter_map(|name| topics.term(name))
            .map(|term| term.pages.as_slice())
            .collect();
        let programme = self.programme_of.get(&id);
        if let Some(siblings) = programme.and_then(|p| self.programme_pages.get(p)) {
            lists.push(siblings);
        }
        let mut found: Vec<PageId> = lists
            .into_iter()
            .flat_map(|list| list.iter().take(RELATED + 1).copied())
            .chain(programme.copied())
            .filter(|&other| other != id && !self.pages[other].is_section_index)
            .collect();
        found.sort_by(|&a, &b| {
            let key = |p: PageId| self.pages[p].newest_first_key();
            key(a).cmp(&key(b)).then(a.cmp(&b))
        });
        found.dedup();
        found.truncate(RELATED);
        found
    }

    /// The plain pages one folder below plain page `id` (`/om/` lists
    /// `/om/styrelse/`), by weight and title as the plain pages are.
    pub fn children_of(&self, id: PageId) -> Vec<PageId> {
        let page = &self.pages[id];
        if page.kind != PageKind::Plain || page.is_section_index {
            return Vec::new();
        }
        let is_child = |&other: &PageId| parent_path(&self.pages[other].path) == Some(&page.path);
        self.plain.iter().copied().filter(is_child).collect()
    }

    /// The plain pages at the folders above plain page `id`, outermost
    /// first: `/om/` and `/om/styrelse/` for `/om/styrelse/ledamoter/`.
    pub fn parents_of(&self, id: PageId) -> Vec<PageId> {
        let page = &self.pages[id];
        if page.kind != PageKind::Plain {
            return Vec::new();
        }
        let mut parents = Vec::new();
        let mut path = page.path.as_str();
        while let Some(parent) = parent_path(path).filter(|p| !p.is_empty()) {
            let found = self.plain.iter().find(|&&p| self.pages[p].path == parent);
            parents.extend(found.copied());
            path = parent;
        }
        parents.reverse();
        parents
    }
}

/// The folder path above `path` (`om/` for `om/styrelse/`; empty for `om/`).
fn parent_path(path: &str) -> Option<&str> {
    let inner = path.strip_suffix('/')?;
    Some(inner.rfind('/').map_or("", |at| &inner[..=at]))
}
