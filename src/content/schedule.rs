//! Publishing over time: pages whose `date` lies ahead (scheduled) or whose
//! `expires` has passed are left out of a build, as drafts are.
//!
//! In: the parsed pages and the build's moment. Out: the pages published at
//! that moment, and what the build must still say of the others: a link to
//! one is plain text with a warning, an expired page's address answers with
//! a short notice, and `check` lists them. Events are not a page's
//! publication: a conference page published today may describe next year.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::content::{Page, PageDate, PageKind};

/// Why a build leaves a page out at its moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Withheld {
    /// Its `date` lies ahead: published from then on.
    Scheduled,
    /// Its `expires` has passed: only a notice stands at its address.
    Expired,
}

/// A page left out for its time, with what messages and the notice need.
#[derive(Debug, Clone, PartialEq)]
pub struct Timed {
    /// Its content path: `nyheter/x/index.md`.
    pub content_path: String,
    /// Its path for messages: `content/nyheter/x/index.md`.
    pub display_path: String,
    /// The address it has when published: `nyheter/x/`.
    pub path: String,
    /// Its title.
    pub title: String,
    /// Its kind and slug, which `programme:` and `conference:` name.
    pub kind: PageKind,
    pub slug: String,
    /// Why it is left out.
    pub why: Withheld,
    /// When it is published (scheduled) or stopped being current (expired).
    pub moment: PageDate,
    /// True for an expired page whose address shows the notice: one that
    /// no other page (or old address of one) has taken since, and that is
    /// a page's address to begin with (see `content::parse`).
    pub notice: bool,
}

/// The moment a build is made at, and the pages it leaves out for their time.
#[derive(Debug, Clone)]
pub struct Timing {
    /// The build's moment.
    pub now: Timestamp,
    /// The pages left out, in content-path order.
    pub withheld: Vec<Timed>,
}

impl Timing {
    /// A moment with nothing left out yet.
    pub fn at(now: Timestamp) -> Self {
        Timing {
            now,
            withheld: Vec::new(),
        }
    }

    /// The page left out at `content_path`, if it is.
    pub fn get(&self, content_path: &str) -> Option<&Timed> {
        self.withheld
            .binary_search_by(|t| t.content_path.as_str().cmp(content_path))
            .ok()
            .map(|at| &self.withheld[at])
    }
}

/// Why `page` is left out at `now`, if it is; with `future`, pages dated
/// ahead are published (`build --future`, and `serve` with a banner).
pub fn withheld(page: &Page, now: Timestamp, future: bool) -> Option<(Withheld, PageDate)> {
    if page.is_section_index {
        return None;
    }
    if let Some(expires) = page.front.expires.filter(|e| e.timestamp() <= now) {
        return Some((Withheld::Expired, expires));
    }
    let date = page.date.filter(|d| d.timestamp() > now && !future)?;
    Some((Withheld::Scheduled, date))
}

/// Takes the pages left out at `now` for reason `which` out of `pages`,
/// each with its moment.
pub fn take(
    pages: &mut Vec<Page>,
    now: Timestamp,
    future: bool,
    which: Withheld,
) -> Vec<(Page, PageDate)> {
    // In place: the pages kept are not moved to a new list.
    let is_taken =
        |page: &Page| matches!(withheld(page, now, future), Some((why, _)) if why == which);
    pages
        .extract_if(.., |page| is_taken(page))
        .filter_map(|page| withheld(&page, now, future).map(|(_, moment)| (page, moment)))
        .collect()
}

impl Timing {
    /// Notes `page`, left out for `why` at `moment`; `notice` as in `Timed`.
    pub fn add(&mut self, page: &Page, (why, moment): (Withheld, PageDate), notice: bool) {
        let timed = Timed {
            content_path: page.content_path.clone(),
            display_path: page.display_path.clone(),
            path: page.path.clone(),
            title: page.front.title.clone(),
            kind: page.kind,
            slug: page.slug.clone(),
            why,
            moment,
            notice,
        };
        let at = self
            .withheld
            .binary_search_by(|t| t.content_path.cmp(&timed.content_path))
            .unwrap_or_else(|at| at);
        self.withheld.insert(at, timed);
    }
}

/// "3 december 2026 kl. 08.00" (or "3 December 2026 at 08:00"): a moment
/// in Swedish time as readers say it; a bare date is the day alone.
pub fn spoken(moment: &PageDate, language: &str) -> String {
    let local = moment
        .timestamp()
        .to_zoned_datetime(crate::content::page::stockholm());
    let day = crate::text::long_date(local.date(), language);
    if !moment.has_time {
        return day;
    }
    let time = format!("{:02}:{:02}", local.hour(), local.minute());
    let time = crate::text::spoken_time(&time, language);
    match language {
        "en" => format!("{day} at {time}"),
        _ => format!("{day} kl. {time}"),
    }
}

/// The first midnight in Swedish time after `now`: when "upcoming" changes.
pub fn next_midnight(now: Timestamp) -> Timestamp {
    use crate::content::page::{day_of, end_of_day};
    end_of_day(day_of(now)).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::parse_date;

    #[test]
    fn a_moment_is_said_in_swedish_time() {
        let moment = parse_date("2026-12-03T07:00:00Z").unwrap();
        assert_eq!(spoken(&moment, "sv"), "3 december 2026 kl. 08.00");
        assert_eq!(spoken(&moment, "en"), "3 December 2026 at 08:00");
        let day = parse_date("2026-12-03").unwrap();
        assert_eq!(spoken(&day, "sv"), "3 december 2026");
    }

    #[test]
    fn midnight_follows_daylight_saving() {
        // 29 March 2026: clocks go forward; the next midnight is at +02:00.
        let now: Timestamp = "2026-03-29T12:00:00Z".parse().unwrap();
        let midnight: Timestamp = "2026-03-29T22:00:00Z".parse().unwrap();
        assert_eq!(next_midnight(now), midnight);
        let winter: Timestamp = "2026-12-06T23:30:00Z".parse().unwrap();
        assert_eq!(
            next_midnight(winter),
            "2026-12-07T23:00:00Z".parse().unwrap()
        );
    }
}
