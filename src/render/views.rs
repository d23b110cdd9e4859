//! The values templates see: plain serialisable structs, with URLs made and
//! dates written out in the site's language. They are the reference for a
//! theme: a template can show what these hold and nothing else. Each is made
//! by `Views` (`context.rs`), which records what it hands out.

use serde::Serialize;

use crate::content::front_matter::{Attendee, Contact, Speaker};
use crate::content::{PageDate, PageKind};
use crate::text::{long_date, month_name};

/// A date as templates need it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DateView {
    /// `2024-03-26`, for `<time datetime>`.
    pub iso: String,
    /// "26 mars 2024".
    pub text: String,
    /// "10.00" ("10:00" in English), when a time was given.
    pub time: Option<String>,
    /// RFC 3339, for feeds.
    pub rfc3339: String,
    /// The year.
    pub year: i16,
    /// The month, 1–12.
    pub month: i8,
    /// The day of the month.
    pub day: i8,
    /// The month's name: "mars".
    pub month_name: &'static str,
}

impl DateView {
    /// Writes out `date` in `language`.
    pub fn new(date: &PageDate, language: &str) -> Self {
        let day = date.date();
        DateView {
            iso: date.iso_date(),
            text: long_date(day, language),
            time: date
                .time_text()
                .map(|time| crate::text::spoken_time(&time, language)),
            rfc3339: date.rfc3339(),
            year: day.year(),
            month: day.month(),
            day: day.day(),
            month_name: month_name(day.month(), language),
        }
    }
}

/// A link: text and URL.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Link {
    /// The link text.
    pub title: String,
    /// Where it goes.
    pub url: String,
}

/// A file listed with its type and size: "PDF, 1,2 MB".
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AttachmentView {
    /// The link text.
    pub title: String,
    /// Where the file is published.
    pub url: String,
    /// `PDF`, `DOCX`…
    pub file_type: String,
    /// "1,2 MB".
    pub size: String,
    /// True for a document that fails the accessibility checks (`documents`).
    pub not_accessible: bool,
}

/// People at a meeting from one organisation.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AttendeeGroup {
    /// The organisation ("" when not given).
    pub organisation: String,
    /// Its people, as listed.
    pub attendees: Vec<Attendee>,
}

/// An event or activity as the calendar and start page show it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EventView {
    /// What.
    pub title: String,
    /// The page it is on.
    pub url: String,
    /// The page's title (for activities, the meeting notes they come from).
    pub page_title: String,
    /// Start.
    pub start: DateView,
    /// End, if given.
    pub end: Option<DateView>,
    /// "25–27 september 2019", with the time when one was given.
    pub when: String,
    /// Where.
    pub location: Option<String>,
    /// True for a page's own `event:`, false for an activity.
    pub is_event: bool,
    /// True if it has not ended yet.
    pub is_upcoming: bool,
    /// Its own `.ics` file, for "Lägg till i kalender".
    pub ics_url: String,
}

/// What a listing shows of a page.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PageSummary {
    /// The title.
    pub title: String,
    /// Its URL.
    pub url: String,
    /// `news`, `conference`…
    pub kind: PageKind,
    /// The section's name: "Nyhet".
    pub kind_label: String,
    /// Publication date.
    pub date: Option<DateView>,
    /// The lead, or the body's first words.
    pub summary: String,
    /// Ämnen.
    pub topics: Vec<Link>,
    /// Kommuner.
    pub municipalities: Vec<Link>,
    /// Speakers (presentations).
    pub speakers: Vec<Speaker>,
    /// The event (conferences).
    pub event: Option<EventView>,
    /// Attachments (slides for presentations).
    pub attachments: Vec<AttachmentView>,
}

/// Everything a page template sees as `page`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PageView {
    /// What listings show, flattened in.
    #[serde(flatten)]
    pub summary: PageSummary,
    /// The lead as written (none if the page has none).
    pub lead: Option<String>,
    /// The body's HTML.
    pub content: String,
    /// Headings, for a table of contents.
    pub toc: Vec<crate::markdown::Heading>,
    /// "Senast uppdaterad".
    pub updated: Option<DateView>,
    /// A picture.
    pub image: Option<ImageView>,
    /// People to contact.
    pub contacts: Vec<Contact>,
    /// A conference's body up to its first `##` heading: its introduction,
    /// shown before the documentation and the presentations.
    pub intro: Option<String>,
    /// The rest of a conference's body, from its first `##` heading: shown
    /// after them (quotes, "Läs mer").
    pub more: Option<String>,
    /// How to register for an event ahead, while registration is open.
    pub registration: Option<RegistrationView>,
    /// When a page dated ahead is published ("3 december 2026 kl. 08.00"),
    /// for the "Schemalagd" banner; only `serve` and `build --future` show one.
    pub scheduled: Option<String>,
    /// The conference a presentation belongs to (only its `title`, no `url`,
    /// once the conference page has expired).
    pub conference: Option<tera::Value>,
    /// A conference's presentations.
    pub presentations: Vec<tera::Value>,
    /// The programme the page belongs to (its `url` empty once the
    /// programme page has expired).
    pub programme: Option<Link>,
    /// A programme hub's pages.
    pub programme_pages: Vec<tera::Value>,
    /// Up to three pages that share a topic or the programme, newest first.
    pub related: Vec<tera::Value>,
    /// A plain page's pages one folder below (`_index.md` of a folder, or
    /// any plain page with pages under its address), by weight and title.
    pub children: Vec<tera::Value>,
    /// Meeting attendees by organisation.
    pub attendee_groups: Vec<AttendeeGroup>,
    /// How many attended.
    pub attendee_count: usize,
    /// Upcoming activities named in the notes.
    pub activities: Vec<EventView>,
    /// Breadcrumbs from the start page, the page itself last.
    pub breadcrumbs: Vec<Link>,
    /// The page's folder in the archive (`/arkiv/2024/03/`), when dated.
    pub archive_url: Option<String>,
    /// Free keys from front matter.
    pub extra: serde_json::Value,
    /// For a page with `template: statement.html`: the documents that are
    /// not accessible, and those outside the law's requirements.
    pub statement: Option<super::statement::StatementView>,
}

/// One entry of an Atom feed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FeedEntry {
    /// The title.
    pub title: String,
    /// The page's absolute URL, also the entry's id.
    pub url: String,
    /// Publication, RFC 3339.
    pub published: Option<String>,
    /// Last update (or publication), RFC 3339.
    pub updated: String,
    /// The lead, or the body's first words.
    pub summary: String,
    /// The body's HTML; links in it are relative to the site (the feed sets `xml:base`).
    pub content: String,
    /// Topics.
    pub categories: Vec<String>,
}

/// A picture with its alt text, and, for a picture of the page's bundle,
/// its widths and the file shared on social media.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ImageView {
    /// Its URL (for a picture of the bundle, the fallback file about 960 px wide).
    pub url: String,
    /// What it shows.
    pub alt: String,
    /// The caption under it.
    pub caption: Option<String>,
    /// Who took or made it.
    pub credit: Option<String>,
    /// `srcset`, `sizes`, WebP and dimensions (`picture.html` of the gr theme).
    pub picture: Option<crate::images::Picture>,
    /// The absolute URL of the picture for `og:image`, with its size.
    pub share: Option<ShareView>,
}

/// The picture shared on social media: about 1200 px wide, absolute URL.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ShareView {
    /// Its absolute URL.
    pub url: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// "Anmäl dig senast 3 december 2026": where to register, and until when.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RegistrationView {
    /// Where.
    pub url: String,
    /// The last day (or moment) to register, if there is one.
    pub deadline: Option<DateView>,
    /// The same as readers say it: "19 februari 2027", "1 februari 2027 kl. 12.00".
    pub deadline_text: Option<String>,
}
