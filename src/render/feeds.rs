//! The Atom feeds, the calendar page and the iCalendar files.

use crate::diagnostics::Diagnostic;
use crate::index::{CalendarEntry, TaxonomyKind};
use crate::output::OutputFile;
use crate::render::context::{FeedEntry, Views};
use crate::render::contexts::{CalendarContext, CalendarMonth, FeedContext, FeedView};
use crate::render::jobs::Frame;
use crate::render::outputs::{Feed, Job};
use crate::render::record::{Read, feed_key};
use crate::text::month_name;

/// A feed's title: the site's name, with the section's or topic's.
pub(super) fn title(views: &Views<'_>, feed: Feed) -> String {
    let site_title = &views.config.title;
    match feed {
        Feed::Site => site_title.clone(),
        Feed::Section(kind) => format!("{} – {site_title}", views.labels.section(kind)),
        Feed::Topic(t) => {
            let topics = views.site().taxonomy(TaxonomyKind::Topics);
            format!("{}: {} – {site_title}", topics.title, topics.terms[t].name)
        }
    }
}

pub(super) fn feed(mut cx: Frame<'_>, feed: Feed) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let (config, site) = (views.config, views.site());
    views.read(Read::Feed(feed_key(site, feed)));
    let entries: Vec<FeedEntry> = feed
        .pages(site)
        .into_iter()
        .map(|id| views.feed_entry(id))
        .collect();
    let updated = entries
        .iter()
        .map(|e| e.updated.clone())
        .max()
        .unwrap_or_else(|| crate::content::PageDate::day(site.today).rfc3339());
    let view = FeedView {
        title: title(views, feed),
        url: config.absolute_url(&Job::Feed(feed).path(site)),
        alternate: config.absolute_url(&feed.folder(site)),
        updated,
        author: if config.organisation.name.is_empty() {
            config.title.clone()
        } else {
            config.organisation.name.clone()
        },
        entries,
    };
    cx.title = view.title.clone();
    cx.finish("atom.xml", &FeedContext { feed: view })
}

pub(super) fn calendar(mut cx: Frame<'_>) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let site = views.site();
    views.read(Read::Calendar);
    let (upcoming, past): (Vec<_>, Vec<_>) = site
        .calendar
        .iter()
        .partition(|e| e.is_upcoming(site.timing.now));
    cx.title = views.labels.get("calendar").to_string();
    let calendar = CalendarContext {
        upcoming_months: by_month(views, upcoming.into_iter()),
        past_months: by_month(views, past.into_iter().rev()),
        ics_url: views.url(&views.site().routes.calendar_feed()),
    };
    cx.finish("calendar.html", &calendar)
}

fn by_month<'a>(
    views: &Views<'_>,
    entries: impl Iterator<Item = &'a CalendarEntry>,
) -> Vec<CalendarMonth> {
    let mut months: Vec<CalendarMonth> = Vec::new();
    for entry in entries {
        let date = entry.start.date();
        let name = format!(
            "{} {}",
            month_name(date.month(), &views.config.language),
            date.year()
        );
        if months.last().is_none_or(|m| m.name != name) {
            months.push(CalendarMonth {
                name,
                events: Vec::new(),
            });
        }
        months
            .last_mut()
            .expect("pushed above")
            .events
            .push(views.event(entry));
    }
    months
}

pub(super) fn calendar_feed(cx: Frame<'_>) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let site = views.site();
    views.read(Read::Calendar);
    let all: Vec<usize> = (0..site.calendar.len()).collect();
    for entry in &site.calendar {
        views.show(entry.page);
    }
    let name = format!("{} – {}", views.config.title, views.labels.get("calendar"));
    Ok(OutputFile::bytes(
        views.site().routes.calendar_feed(),
        super::ics::calendar(views.config, site, &all, &name),
    ))
}

pub(super) fn event_file(cx: Frame<'_>, n: usize) -> Result<OutputFile, Diagnostic> {
    let views = cx.views;
    let site = views.site();
    let entry = &site.calendar[n];
    views.show(entry.page);
    Ok(OutputFile::bytes(
        Job::EventFile(n).path(site),
        super::ics::calendar(views.config, site, &[n], &entry.title),
    ))
}
