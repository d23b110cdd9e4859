//! The calendar: every page's `event:` and `activities:`, one entry per
//! occurrence. An activity that is a conference's event (it names the
//! conference, `conference: <slug>`, or falls on the event's day at the
//! same place) is that event: the conference's entry, with its time and
//! UID, stands for it, in the calendar and on the page that lists it.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::Timestamp;

use super::{CalendarEntry, EventSource, PageId};
use crate::content::page::end_of_day;
use crate::content::schedule::Timing;
use crate::content::{Page, PageKind};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// The calendar's entries, soonest first; each page's entries (its own, and
/// the conference events its activities are); what was wrong.
pub struct Calendar {
    pub entries: Vec<CalendarEntry>,
    pub of: BTreeMap<PageId, Vec<usize>>,
    pub diagnostics: Diagnostics,
}

/// A place as compared: without case, spaces or punctuation.
fn place(location: Option<&str>) -> Option<String> {
    let kept: String = location?
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    (!kept.is_empty()).then_some(kept)
}

/// The conference page with an event that `activity` of page `id` is, if
/// any: the one it names, when the activity falls on the event's days; or
/// one at the same place whose event the activity falls within (on its day
/// for an activity without a time, in its hours for one with).
fn conference_of(
    pages: &[Arc<Page>],
    (id, n): (PageId, usize),
    (conferences, timing): (&[PageId], &Timing),
    diagnostics: &mut Diagnostics,
) -> Option<PageId> {
    let page = &pages[id];
    let activity = &page.front.activities[n];
    let event_of = |c: PageId| {
        pages[c]
            .front
            .event
            .as_ref()
            .expect("conferences have events")
    };
    let on_its_days = |c: PageId| {
        let event = event_of(c);
        let last = event.end.unwrap_or(event.start).date();
        (event.start.date()..=last).contains(&activity.start.date())
    };
    let warn = |diagnostics: &mut Diagnostics, message: String, hint: String, named: &str| {
        let line = page.front.key_lines.get("activities").copied();
        let (line, column) = crate::content::locate_value(&page.source, line, named);
        let warning = Diagnostic::warning(message).hint(hint);
        diagnostics.push(warning.at_line(&page.display_path, &page.source, line, column));
    };
    if let Some(named) = &activity.conference {
        let slug = crate::text::slugify(named);
        let found = conferences.iter().copied().find(|&c| pages[c].slug == slug);
        // A conference not published at this moment is named all the same.
        let timed = || {
            let mut withheld = timing.withheld.iter();
            withheld.any(|t| t.kind == PageKind::Conference && t.slug == slug)
        };
        match found {
            Some(c) if on_its_days(c) => return Some(c),
            Some(_) => warn(
                diagnostics,
                t!("calendar-conference-other-day", conference = named),
                t!("calendar-conference-other-day-hint"),
                named,
            ),
            None if timed() => {}
            None => warn(
                diagnostics,
                t!("calendar-no-such-conference", conference = named),
                t!("calendar-no-such-conference-hint"),
                named,
            ),
        }
        return None;
    }
    let here = place(activity.location.as_deref())?;
    conferences.iter().copied().find(|&c| {
        let event = event_of(c);
        let same_place = place(event.location.as_deref()).as_deref() == Some(here.as_str());
        let within = match activity.start.has_time {
            false => activity.start.date() == event.start.date(),
            true => {
                let at = activity.start.timestamp();
                let end = event.end.unwrap_or(event.start);
                event.start.timestamp() <= at
                    && (at < end.timestamp() || !end.has_time)
                    && on_its_days(c)
            }
        };
        same_place && within
    })
}

/// Builds the calendar of `pages`.
pub fn calendar(pages: &[Arc<Page>], timing: &Timing) -> Calendar {
    let mut diagnostics = Diagnostics::new();
    let conferences: Vec<PageId> = (0..pages.len())
        .filter(|&id| pages[id].kind == PageKind::Conference && pages[id].front.event.is_some())
        .collect();
    let mut entries = Vec::new();
    // Activities that are a conference's event: page, conference.
    let mut merged: Vec<(PageId, PageId)> = Vec::new();
    for (id, page) in pages.iter().enumerate() {
        if let Some(event) = &page.front.event {
            entries.push(CalendarEntry {
                index: 0,
                page: id,
                source: EventSource::Event,
                title: page.front.title.clone(),
                start: event.start,
                end: event.end,
                location: event.location.clone(),
            });
        }
        for (n, activity) in page.front.activities.iter().enumerate() {
            let both = (&conferences[..], timing);
            let conference = conference_of(pages, (id, n), both, &mut diagnostics);
            if let Some(conference) = conference.filter(|&c| c != id) {
                merged.push((id, conference));
                continue;
            }
            entries.push(CalendarEntry {
                index: 0,
                page: id,
                source: EventSource::Activity(n),
                title: activity.title.clone(),
                start: activity.start,
                end: activity.end,
                location: activity.location.clone(),
            });
        }
    }
    entries.sort_by(|a, b| {
        (a.start.timestamp(), &a.title, a.page).cmp(&(b.start.timestamp(), &b.title, b.page))
    });
    let mut of: BTreeMap<PageId, Vec<usize>> = BTreeMap::new();
    let mut event_of: BTreeMap<PageId, usize> = BTreeMap::new();
    for (n, entry) in entries.iter_mut().enumerate() {
        entry.index = n;
        of.entry(entry.page).or_default().push(n);
        if entry.source == EventSource::Event {
            event_of.insert(entry.page, n);
        }
    }
    for (page, conference) in merged {
        let list = of.entry(page).or_default();
        list.extend(event_of.get(&conference));
        list.sort_unstable();
        list.dedup();
    }
    Calendar {
        entries,
        of,
        diagnostics,
    }
}

/// Activities that may be a conference's event but are not taken for it:
/// on its day, at another place or none, not naming it. Page, activity, and
/// the conference page.
pub fn likely_duplicates(pages: &[Arc<Page>]) -> Vec<(PageId, usize, PageId)> {
    let conferences = (0..pages.len())
        .filter(|&id| pages[id].kind == PageKind::Conference)
        .filter_map(|id| Some((id, pages[id].front.event.as_ref()?)));
    let conferences: Vec<_> = conferences.collect();
    let mut found = Vec::new();
    for (id, page) in pages.iter().enumerate() {
        for (n, activity) in page.front.activities.iter().enumerate() {
            if activity.conference.is_some() {
                continue;
            }
            let here = place(activity.location.as_deref());
            let same_day = conferences.iter().find(|(c, event)| {
                *c != id
                    && event.start.date() == activity.start.date()
                    && place(event.location.as_deref()) != here
            });
            if let Some((c, _)) = same_day {
                found.push((id, n, *c));
            }
        }
    }
    found
}

impl super::SiteIndex {
    /// When registration for page `id`'s event closes: at the end of its
    /// deadline's day (at the deadline, when it has a time), else when the
    /// event is over. `None` when there is nothing to register for.
    pub fn registration_closes(&self, id: PageId) -> Option<Timestamp> {
        let event = self.pages[id].front.event.as_ref()?;
        let registration = event.registration.as_ref()?;
        let entry = self
            .entries_of(id)
            .find(|e| e.source == EventSource::Event && e.page == id)?;
        let deadline = registration
            .deadline
            .map(|deadline| match deadline.has_time {
                true => deadline.timestamp(),
                false => end_of_day(deadline.date()).unwrap_or(deadline.timestamp()),
            });
        // Never after the event is over.
        Some(deadline.map_or(entry.ends_at(), |at| at.min(entry.ends_at())))
    }
}

impl CalendarEntry {
    /// When it is over: at its end, or at the end of its last day when it
    /// has no time of day (an event with a start time and no end lasts the day).
    pub fn ends_at(&self) -> Timestamp {
        let last = self.end.unwrap_or(self.start);
        if self.end.is_some() && last.has_time {
            return last.timestamp();
        }
        end_of_day(last.date()).unwrap_or(last.timestamp())
    }

    /// True if it has not yet ended at `now`.
    pub fn is_upcoming(&self, now: Timestamp) -> bool {
        self.ends_at() > now
    }
}
