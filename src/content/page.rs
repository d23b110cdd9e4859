//! `Page`, `PageKind`, `PageDate`: a parsed page before its Markdown is rendered.
//!
//! In: a `SourceFile` and its resolved `FrontMatter`. Out: the page's kind,
//! slug, output path and date. The folder ↔ kind table lives here, once.

use crate::routes::SECTION_FOLDERS;
use std::sync::Arc;

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::{Offset, TimeZone};
use serde::Serialize;

use crate::content::front_matter::FrontMatter;
use crate::content::load::Asset;

/// What a page is, given by its section folder.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// `content/nyheter/`: a news item.
    News,
    /// `content/konferenser/`: conference documentation.
    Conference,
    /// `content/presentationer/`: a speaker's presentation.
    Presentation,
    /// `content/anteckningar/`: meeting notes.
    MeetingNotes,
    /// `content/program/`: a programme hub.
    Programme,
    /// Anything else: Om GR, Kontakt…
    Plain,
}

/// Each section's folder, template and kind; the one place they are written down.
pub const SECTIONS: [(PageKind, &str, &str); 5] = [
    (PageKind::News, SECTION_FOLDERS[0], "news.html"),
    (PageKind::Conference, SECTION_FOLDERS[1], "conference.html"),
    (
        PageKind::Presentation,
        SECTION_FOLDERS[2],
        "presentation.html",
    ),
    (PageKind::MeetingNotes, SECTION_FOLDERS[3], "meeting.html"),
    (PageKind::Programme, SECTION_FOLDERS[4], "programme.html"),
];

impl PageKind {
    /// The kind of a page whose content-relative path starts with `folder`.
    pub fn from_folder(folder: &str) -> PageKind {
        SECTIONS
            .iter()
            .find(|(_, name, _)| *name == folder)
            .map_or(PageKind::Plain, |(kind, _, _)| *kind)
    }

    /// The section folder (`nyheter`), or `None` for plain pages.
    pub fn folder(self) -> Option<&'static str> {
        SECTIONS
            .iter()
            .find(|(kind, _, _)| *kind == self)
            .map(|(_, folder, _)| *folder)
    }

    /// The section's listing in the language of `routes` (`en/news/`);
    /// the start page for plain pages.
    pub fn listing(self, routes: &crate::routes::Routes) -> String {
        routes.section(self.folder().unwrap_or_default())
    }

    /// The theme template that renders a page of this kind.
    pub fn template(self) -> &'static str {
        SECTIONS
            .iter()
            .find(|(kind, _, _)| *kind == self)
            .map_or("page.html", |(_, _, template)| *template)
    }
}

/// A date as written in front matter: a day, or a moment with or without an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PageDate {
    /// The wall-clock date and time as written (midnight for a bare date).
    pub datetime: DateTime,
    /// Whether a time of day was written.
    pub has_time: bool,
    /// The UTC offset, if one was written.
    pub offset: Option<Offset>,
    /// The moment, computed once: a missing offset is Swedish local time.
    timestamp: Timestamp,
}

impl PageDate {
    /// A whole day.
    pub fn day(date: Date) -> Self {
        Self::new(date.to_datetime(jiff::civil::Time::midnight()), false, None)
    }

    /// A date and time as written, with or without an offset.
    pub fn new(datetime: DateTime, has_time: bool, offset: Option<Offset>) -> Self {
        let zoned = match offset {
            Some(offset) => datetime.to_zoned_datetime(TimeZone::fixed(offset)),
            None => datetime.to_zoned_datetime(stockholm()),
        };
        PageDate {
            datetime,
            has_time,
            offset,
            timestamp: zoned.map_or(Timestamp::UNIX_EPOCH, |z| z.timestamp()),
        }
    }

    /// The calendar date.
    pub fn date(&self) -> Date {
        self.datetime.date()
    }

    /// `2024-03-26`.
    pub fn iso_date(&self) -> String {
        self.date().to_string()
    }

    /// `10:00`, when a time was written.
    pub fn time_text(&self) -> Option<String> {
        self.has_time
            .then(|| format!("{:02}:{:02}", self.datetime.hour(), self.datetime.minute()))
    }

    /// The moment, reading a missing offset as Swedish local time.
    pub fn timestamp(&self) -> Timestamp {
        self.timestamp
    }

    /// RFC 3339 with offset, e.g. `2024-03-26T00:00:00+01:00`, for feeds and `<time>`.
    pub fn rfc3339(&self) -> String {
        let tz = self.offset.map_or_else(stockholm, TimeZone::fixed);
        let zoned = self.timestamp().to_zoned_datetime(tz);
        zoned.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string()
    }
}

/// Europe/Stockholm, the zone the site's readers live in.
pub fn stockholm() -> TimeZone {
    TimeZone::get("Europe/Stockholm").unwrap_or(TimeZone::UTC)
}

/// Today's date in Europe/Stockholm.
pub fn today_in_stockholm() -> Date {
    day_of(Timestamp::now())
}

/// The day of `moment` in Swedish time.
pub fn day_of(moment: Timestamp) -> Date {
    moment.to_zoned_datetime(stockholm()).date()
}

/// The midnight, in Swedish time, that ends `day`.
pub fn end_of_day(day: Date) -> Option<Timestamp> {
    let next = day.tomorrow().ok()?;
    next.to_zoned_datetime(stockholm())
        .ok()
        .map(|z| z.timestamp())
}

/// A page: where it came from, what it is, where it goes, and its Markdown.
#[derive(Debug, Clone)]
pub struct Page {
    /// The path relative to `content/`, with `/` separators: `nyheter/x/index.md`.
    pub content_path: String,
    /// The path for messages, relative to the site root: `content/nyheter/x/index.md`.
    pub display_path: String,
    /// The whole file (BOM removed, line endings LF), for located errors.
    pub source: Arc<str>,
    /// Where the Markdown body starts in `source`.
    pub body_offset: usize,
    /// The page's kind, from its section folder.
    pub kind: PageKind,
    /// The last URL segment: `yrkesresan`.
    pub slug: String,
    /// The output path without the site's base: `nyheter/yrkesresan/`.
    pub path: String,
    /// True for a section's `_index.md`: the listing's title and introduction.
    pub is_section_index: bool,
    /// The publication date (front matter, else the file-name prefix).
    pub date: Option<PageDate>,
    /// The resolved front matter.
    pub front: FrontMatter,
    /// Files beside a bundle's `index.md`.
    pub assets: Vec<Asset>,
}

impl Page {
    /// The Markdown after the front matter.
    pub fn markdown(&self) -> &str {
        &self.source[self.body_offset..]
    }

    /// The folder of the source file, relative to `content/` (empty at the top).
    pub fn content_dir(&self) -> &str {
        self.content_path
            .rsplit_once('/')
            .map_or("", |(dir, _)| dir)
    }

    /// A key for "newest first": later dates first, then by title.
    pub fn newest_first_key(&self) -> (std::cmp::Reverse<Option<Timestamp>>, &str) {
        (
            std::cmp::Reverse(self.date.map(|d| d.timestamp())),
            self.front.title.as_str(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_section_folder_has_one_kind() {
        assert_eq!(PageKind::from_folder("nyheter"), PageKind::News);
        assert_eq!(
            PageKind::from_folder("anteckningar"),
            PageKind::MeetingNotes
        );
        assert_eq!(PageKind::from_folder("om-gr.md"), PageKind::Plain);
        assert_eq!(PageKind::Conference.folder(), Some("konferenser"));
        assert_eq!(PageKind::Plain.template(), "page.html");
    }

    #[test]
    fn a_bare_date_is_midnight_in_stockholm() {
        let date = PageDate::day(jiff::civil::date(2024, 3, 26));
        assert_eq!(date.rfc3339(), "2024-03-26T00:00:00+01:00");
        assert_eq!(date.time_text(), None);
    }
}
