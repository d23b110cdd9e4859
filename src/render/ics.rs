//! iCalendar (RFC 5545) files: the whole calendar and one file per event.
//!
//! In: calendar entries of the index. Out: `.ics` text with CRLF line ends,
//! lines folded at 75 octets and text escaped (by the icalendar crate).
//! Timed events are written in UTC, computed from the written offset or, when
//! none was written, from Europe/Stockholm's; whole days are `VALUE=DATE`
//! with an exclusive end, as RFC 5545 §3.6.1 has it.

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::config::Config;
use crate::content::PageDate;
use crate::index::{CalendarEntry, SiteIndex};

/// A calendar with the entries at positions `entries` of `site.calendar`.
pub fn calendar(config: &Config, site: &SiteIndex, entries: &[usize], name: &str) -> String {
    let mut calendar = Calendar::new();
    calendar.name(name);
    calendar.append_property(("X-WR-TIMEZONE", "Europe/Stockholm"));
    for &n in entries {
        calendar.push(event(config, site, n));
    }
    calendar.done().to_string()
}

fn event(config: &Config, site: &SiteIndex, n: usize) -> Event {
    let entry: &CalendarEntry = &site.calendar[n];
    let page = &site.pages[entry.page];
    let host = config
        .base_url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .filter(|h| !h.is_empty())
        .unwrap_or("arkiv");
    let mut event = Event::new();
    event
        .uid(&format!("{}@{host}", site.entry_slug(n)))
        .summary(&entry.title)
        .url(&config.absolute_url(&page.path))
        .timestamp(utc(page.front.updated.or(page.date).unwrap_or(entry.start)));
    if let Some(location) = &entry.location {
        event.location(location);
    }
    if let Some(summary) = &page.front.summary {
        event.description(summary);
    }
    if entry.start.has_time {
        event.starts(utc(entry.start));
        let end = entry
            .end
            .filter(|end| end.has_time)
            .map(utc)
            .unwrap_or_else(|| utc(entry.start) + chrono::Duration::hours(1));
        event.ends(end);
    } else {
        let start = naive(entry.start);
        let last = entry.end.map(naive).unwrap_or(start).max(start);
        event.starts(start);
        event.ends(last.succ_opt().unwrap_or(last));
    }
    event.done()
}

fn utc(date: PageDate) -> DateTime<Utc> {
    let timestamp = date.timestamp();
    DateTime::from_timestamp(timestamp.as_second(), 0).unwrap_or_default()
}

fn naive(date: PageDate) -> NaiveDate {
    let day = date.date();
    NaiveDate::from_ymd_opt(
        i32::from(day.year()),
        day.month().unsigned_abs().into(),
        day.day().unsigned_abs().into(),
    )
    .unwrap_or_default()
}
