//! "Relaterat": the pages that share a topic or the programme with a page.

use super::{PageId, SiteIndex, TaxonomyKind};

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
}
