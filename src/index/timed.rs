//! What the index says of pages left out for their time (`content::schedule`):
//! a link or a `programme:`/`conference:` to one is a warning, not an error
//! (the page exists, and will be published or was), and the next moment at
//! which the site changes by itself.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::Timestamp;

use super::{PageId, SiteIndex};
use crate::content::schedule::{self, Timed, Timing, Withheld};
use crate::content::{Page, PageKind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::markdown::Body;

/// How a message says when a page left out is published, or was taken down.
fn when(timed: &Timed) -> String {
    schedule::spoken(&timed.moment, crate::i18n::current().code())
}

/// What to do about a link or a name that leads to `timed`.
fn hint(timed: &Timed) -> String {
    match timed.why {
        Withheld::Scheduled => t!("link-to-scheduled-hint"),
        Withheld::Expired => t!("link-to-expired-hint"),
    }
}

/// A warning for every link to a page left out for its time (each shown
/// as plain text by the markdown stage).
pub fn link_warnings(pages: &[Arc<Page>], bodies: &[Arc<Body>], timing: &Timing) -> Diagnostics {
    let mut warnings = Diagnostics::new();
    for (page, body) in pages.iter().zip(bodies) {
        for (at, len, target) in &body.review.timed_links {
            let Some(timed) = timing.get(target) else {
                continue;
            };
            let (page_path, when) = (&timed.display_path, when(timed));
            let message = match timed.why {
                Withheld::Scheduled => t!("link-to-scheduled", page = page_path, when = when),
                Withheld::Expired => t!("link-to-expired", page = page_path, when = when),
            };
            let warning = Diagnostic::warning(message).hint(hint(timed));
            warnings.push(warning.at(&page.display_path, &page.source, *at, *len));
        }
    }
    warnings
}

/// Where `resolve_references` notes a reference to a page left out.
pub struct Named<'a> {
    pub timing: &'a Timing,
    /// Page and the kind it names → the title shown as plain text.
    pub named: &'a mut BTreeMap<(PageId, PageKind), String>,
    pub diagnostics: &'a mut Diagnostics,
}

impl Named<'_> {
    /// True when page `id`'s `key: value` names a page of `kind` left out
    /// for its time: its title is noted, and a warning said.
    pub fn timed(
        &mut self,
        id: PageId,
        page: &Page,
        (key, value): (&str, &str),
        kind: PageKind,
    ) -> bool {
        let slug = crate::text::slugify(value);
        let found = self
            .timing
            .withheld
            .iter()
            .find(|t| t.kind == kind && t.slug == slug);
        let Some(timed) = found else {
            return false;
        };
        // The title of a page not yet published is not shown before it is
        // (an embargo): the reference is left out until then.
        if timed.why == Withheld::Expired {
            self.named.insert((id, kind), timed.title.clone());
        }
        let (line, column) = crate::content::locate_value(
            &page.source,
            page.front.key_lines.get(key).copied(),
            value,
        );
        let (page_path, when) = (&timed.display_path, when(timed));
        let message = match timed.why {
            Withheld::Scheduled => {
                t!(
                    "index-names-scheduled",
                    key = key,
                    page = page_path,
                    when = when
                )
            }
            Withheld::Expired => t!(
                "index-names-expired",
                key = key,
                page = page_path,
                when = when
            ),
        };
        self.diagnostics.push(
            Diagnostic::warning(message)
                .at_line(&page.display_path, &page.source, line, column)
                .hint(hint(timed)),
        );
        true
    }
}

impl SiteIndex {
    /// The next moment after the build's at which its output changes with
    /// nothing else changed: a page scheduled is published, or its
    /// "Schemalagd" banner goes (with `--future`); a page expires; an event
    /// or activity is over; or the day changes while a feed dates an
    /// undated page by the day it was built. `None`: never by itself.
    pub fn next_change(&self) -> Option<Timestamp> {
        let now = self.timing.now;
        let scheduled = self
            .timing
            .withheld
            .iter()
            .filter(|t| t.why == Withheld::Scheduled)
            .map(|t| t.moment.timestamp());
        let published = self.pages.iter().flat_map(|page| {
            let ahead = page.date.filter(|_| !page.is_section_index);
            [ahead, page.front.expires].into_iter().flatten()
        });
        // An event or activity stops being upcoming when it is over.
        let over = self.upcoming().map(|e| e.ends_at());
        let closes = (0..self.pages.len()).filter_map(|id| self.registration_closes(id));
        let over = over.chain(closes);
        let moments = published
            .map(|d| d.timestamp())
            .chain(scheduled)
            .chain(over);
        let daily = self.listed_pages().any(|id| {
            // A feed dates an undated page by the day it was built.
            let page = &self.pages[id];
            let in_feeds = page.kind != PageKind::Plain || !page.front.topics.is_empty();
            page.date.is_none() && page.front.updated.is_none() && in_feeds
        }) || self.archive.is_empty();
        let midnight = daily.then(|| schedule::next_midnight(now));
        moments.filter(|&t| t > now).chain(midnight).min()
    }
}
