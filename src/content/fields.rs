//! What a page says of itself: front matter as the rest of arkiv sees it,
//! typed, validated and with defaults filled (made by `front_matter`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::page::PageDate;

/// A picture shown with the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Image {
    /// The file, relative to the page's bundle folder, or a URL.
    pub src: String,
    /// What the picture shows, for people who cannot see it ("" only if decorative).
    pub alt: String,
    /// A caption shown under it.
    #[serde(default)]
    pub caption: Option<String>,
    /// Who took or made it ("Foto: …", "Illustration").
    #[serde(default)]
    pub credit: Option<String>,
}

/// A person to contact about the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Full name.
    pub name: String,
    /// Role or title.
    #[serde(default)]
    pub role: Option<String>,
    /// Organisation.
    #[serde(default)]
    pub organisation: Option<String>,
    /// Telephone, as written.
    #[serde(default)]
    pub phone: Option<String>,
    /// Email address.
    #[serde(default)]
    pub email: Option<String>,
}

/// A speaker at a conference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// Full name.
    pub name: String,
    /// Role or title.
    #[serde(default)]
    pub role: Option<String>,
    /// Organisation.
    #[serde(default)]
    pub organisation: Option<String>,
}

/// Someone present at a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    /// Full name.
    pub name: String,
    /// The organisation they came from, which groups the list.
    #[serde(default)]
    pub organisation: Option<String>,
    /// e.g. "del av mötet".
    #[serde(default)]
    pub note: Option<String>,
}

/// A file in the page's bundle, listed with its type and size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttachmentRef {
    /// The file name in the bundle folder.
    pub file: String,
    /// The link text; the file name when missing.
    #[serde(default)]
    pub title: Option<String>,
    /// For a picture: publish the file exactly as it is, metadata (such as
    /// where a photo was taken) included, instead of encoded again without it.
    #[serde(default)]
    pub keep_original: bool,
    /// A known accessibility failure of the document, acknowledged: listed
    /// in the accessibility statement instead of warned of.
    #[serde(default)]
    pub accessibility: Option<Acknowledged>,
}

/// `accessibility: { status: known, reason: … }` of an attachment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acknowledged {
    /// Only `known`: the failure is known and left as it is.
    pub status: KnownStatus,
    /// Why, as the statement says it ("Presentationen kommer från föreläsaren").
    pub reason: String,
}

/// The one status an editor may give a document's accessibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KnownStatus {
    Known,
}

/// When and where something happens.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Start: a day or a moment.
    pub start: PageDate,
    /// End, if it is not the same day.
    pub end: Option<PageDate>,
    /// Where.
    pub location: Option<String>,
    /// How to register, for an event ahead.
    pub registration: Option<Registration>,
}

/// `event: { registration: { url, deadline } }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Registration {
    /// Where: an address on the web (`https:`, `mailto:`) or on the site.
    pub url: String,
    /// Until when; without one, until the event is over.
    pub deadline: Option<PageDate>,
}

/// An upcoming activity named in meeting notes.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// What.
    pub title: String,
    /// When.
    pub start: PageDate,
    /// Until when, for several days.
    pub end: Option<PageDate>,
    /// Where.
    pub location: Option<String>,
    /// The conference (by slug) whose event this is: the calendar shows the
    /// conference's entry for it.
    pub conference: Option<String>,
}

/// Front matter as written: every key optional, dates still text.
/// Front matter, validated, with dates parsed and defaults filled in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FrontMatter {
    /// The page's title.
    pub title: String,
    /// Publication date, when written.
    pub date: Option<PageDate>,
    /// Last update ("Senast uppdaterad").
    pub updated: Option<PageDate>,
    /// When the page stops being current: after it, only a short notice
    /// stands at its address (`content::schedule`).
    pub expires: Option<PageDate>,
    /// The lead paragraph.
    pub summary: Option<String>,
    /// Ämnen.
    pub topics: Vec<String>,
    /// Kommuner.
    pub municipalities: Vec<String>,
    /// The slug of the programme page this page belongs to.
    pub programme: Option<String>,
    /// Left out of builds unless `--drafts`.
    pub is_draft: bool,
    /// A picture with alt text.
    pub image: Option<Image>,
    /// People to contact.
    pub contacts: Vec<Contact>,
    /// When and where, for conferences and events.
    pub event: Option<Event>,
    /// Speakers of a presentation.
    pub speakers: Vec<Speaker>,
    /// The slug of the conference a presentation belongs to.
    pub conference: Option<String>,
    /// Files in the bundle to list.
    pub attachments: Vec<AttachmentRef>,
    /// People at a meeting.
    pub attendees: Vec<Attendee>,
    /// Upcoming activities.
    pub activities: Vec<Activity>,
    /// Free keys for templates.
    pub extra: serde_json::Value,
    /// Replaces the slug taken from the file name.
    pub slug: Option<String>,
    /// Replaces the template the page's kind gives.
    pub template: Option<String>,
    /// Orders plain pages (lower first).
    pub weight: i64,
    /// Old paths that should redirect here.
    pub aliases: Vec<String>,
    /// The line of each top-level key in the page's file.
    pub key_lines: BTreeMap<String, usize>,
}
