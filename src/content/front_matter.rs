//! Front matter: the YAML between `---` lines → `RawFrontMatter` → `FrontMatter`.
//!
//! In: a page's text. Out: typed, validated front matter with dates parsed, and
//! warnings for unknown keys with a "did you mean" hint. Every error names the
//! line and column in the page's file. It never reads files or other pages.

use std::sync::Arc;

use jiff::civil::Date;
use jiff::fmt::temporal::Pieces;
use serde::Deserialize;

use crate::content::fences::KeyLines;
pub use crate::content::fences::{Split, split};
pub use crate::content::fields::{
    Activity, AttachmentRef, Attendee, Contact, Event, FrontMatter, Image, Speaker,
};
use crate::content::page::PageDate;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::yaml;

mod corrected_date;
mod events;
mod half_written;

use corrected_date::{NoSuchDay, corrected_date, no_such_day};
use events::{RawActivity, RawEvent};
use half_written::half_written;

/// Every top-level key front matter knows.
pub const KNOWN_KEYS: [&str; 22] = [
    "title",
    "date",
    "updated",
    "expires",
    "summary",
    "topics",
    "municipalities",
    "programme",
    "draft",
    "image",
    "contacts",
    "event",
    "speakers",
    "conference",
    "attachments",
    "attendees",
    "activities",
    "extra",
    "slug",
    "template",
    "weight",
    "aliases",
];

/// Keys other generators use, and what arkiv calls them.
const OTHER_NAMES: [(&str, &str); 17] = [
    ("expirydate", "expires"),
    ("expiry_date", "expires"),
    ("expiry", "expires"),
    ("tags", "topics"),
    ("categories", "topics"),
    ("category", "topics"),
    ("description", "summary"),
    ("excerpt", "summary"),
    ("lastmod", "updated"),
    ("last_modified", "updated"),
    ("last_modified_at", "updated"),
    ("publishdate", "date"),
    ("publish_date", "date"),
    ("redirect_from", "aliases"),
    ("kommuner", "municipalities"),
    ("program", "programme"),
    ("order", "weight"),
];

/// Keys other generators use that arkiv has no key for: a template may
/// read them from `extra:`.
const KEEP_UNDER_EXTRA: [&str; 8] = [
    "author",
    "authors",
    "keywords",
    "linktitle",
    "layout",
    "type",
    "permalink",
    "toc",
];

#[derive(Debug, Default, Deserialize)]
struct RawFrontMatter {
    title: Option<String>,
    date: Option<yaml::Value>,
    updated: Option<yaml::Value>,
    expires: Option<yaml::Value>,
    summary: Option<String>,
    topics: Option<Vec<String>>,
    municipalities: Option<Vec<String>>,
    programme: Option<String>,
    draft: Option<bool>,
    image: Option<Image>,
    contacts: Option<Vec<Contact>>,
    event: Option<RawEvent>,
    speakers: Option<Vec<Speaker>>,
    conference: Option<String>,
    attachments: Option<Vec<AttachmentRef>>,
    attendees: Option<Vec<Attendee>>,
    activities: Option<Vec<RawActivity>>,
    extra: Option<yaml::Value>,
    slug: Option<String>,
    template: Option<String>,
    weight: Option<i64>,
    aliases: Option<Vec<String>>,
}

/// Parses and validates the front matter of `text`; warnings go to `warnings`.
pub fn parse(
    file: &str,
    text: &Arc<str>,
    split: &Split<'_>,
    warnings: &mut Diagnostics,
) -> Result<FrontMatter, Diagnostics> {
    let lines = KeyLines::new(split);
    let raw: RawFrontMatter = if split.yaml.trim().is_empty() {
        RawFrontMatter::default()
    } else {
        yaml::from_str(split.yaml).map_err(|err| {
            let explained = yaml::explain(&err, split.yaml, split.yaml_line);
            Diagnostic::error(explained.message)
                .at_line(file, text, explained.line, explained.column)
                .hint(explained.hint)
                .detail(err.message)
        })?
    };
    for (key, line) in &lines.keys {
        if !KNOWN_KEYS.contains(&key.as_str()) {
            warnings.push(
                Diagnostic::warning(t!("front-matter-unknown-key", key = key))
                    .at(file, text, lines.key_offset(text, *line), key.len())
                    .hint(suggest_key(key).unwrap_or_else(|| t!("front-matter-unknown-key-hint"))),
            );
        }
    }
    let front = Resolver {
        file,
        text,
        lines: &lines,
        errors: Diagnostics::new(),
    }
    .resolve(raw)?;
    if !front.is_draft {
        half_written(file, text, split, &lines, warnings);
    }
    Ok(front)
}

struct Resolver<'a> {
    file: &'a str,
    text: &'a Arc<str>,
    lines: &'a KeyLines,
    errors: Diagnostics,
}

impl Resolver<'_> {
    fn resolve(mut self, raw: RawFrontMatter) -> Result<FrontMatter, Diagnostics> {
        let title = self.title(raw.title.as_deref());
        let date = self.date("date", raw.date.as_ref());
        let updated = self.date("updated", raw.updated.as_ref());
        let expires = self.date("expires", raw.expires.as_ref());
        if let (Some(date), Some(expires)) = (date, expires) {
            self.check_expiry(date, expires);
        }
        let event = raw.event.and_then(|event| self.event(event));
        let activities = raw.activities.unwrap_or_default();
        let activities = activities
            .into_iter()
            .filter_map(|activity| self.activity(activity))
            .collect();
        let slug = raw.slug.map(|slug| self.slug(&slug));
        let aliases = raw
            .aliases
            .unwrap_or_default()
            .iter()
            .filter_map(|alias| self.alias(alias))
            .collect();
        let front = FrontMatter {
            title,
            date,
            updated,
            expires,
            summary: raw
                .summary
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            topics: clean_terms(raw.topics),
            municipalities: clean_terms(raw.municipalities),
            programme: raw.programme.map(|p| p.trim().to_string()),
            is_draft: raw.draft.unwrap_or(false),
            image: raw.image,
            contacts: raw.contacts.unwrap_or_default(),
            event,
            speakers: raw.speakers.unwrap_or_default(),
            conference: raw.conference.map(|c| c.trim().to_string()),
            attachments: raw.attachments.unwrap_or_default(),
            attendees: raw.attendees.unwrap_or_default(),
            activities,
            extra: raw
                .extra
                .as_ref()
                .map_or(serde_json::Value::Null, yaml::to_json),
            slug,
            template: raw.template,
            weight: raw.weight.unwrap_or(0),
            aliases,
            key_lines: self.lines.keys.iter().cloned().collect(),
        };
        if self.errors.is_empty() {
            Ok(front)
        } else {
            Err(self.errors)
        }
    }

    /// The title, trimmed; a missing or empty one is an error.
    fn title(&mut self, title: Option<&str>) -> String {
        let title = title.unwrap_or_default().trim();
        if title.is_empty() {
            let line = self.lines.line_of("title").unwrap_or(1);
            self.errors.push(
                Diagnostic::error(t!("front-matter-no-title"))
                    .at_line(self.file, self.text, line, 1)
                    .hint(t!("front-matter-no-title-hint")),
            );
        }
        title.to_string()
    }

    fn date(&mut self, key: &str, value: Option<&yaml::Value>) -> Option<PageDate> {
        let value = value?;
        let text = match value {
            // Left empty, as an editor's form leaves a date it was not given.
            yaml::Value::String(s) if s.trim().is_empty() => return None,
            yaml::Value::String(s) => s.trim().to_string(),
            yaml::Value::Number(n) => n.to_string(),
            yaml::Value::Null => return None,
            _ => String::new(),
        };
        match parse_date(&text) {
            Ok(date) => Some(date),
            Err(reason) => {
                let (line, column) = self.lines.locate(key, &text);
                let hint = match (corrected_date(&text), no_such_day(&text)) {
                    (Some(date), _) => t!(
                        "front-matter-date-corrected-hint",
                        date = date.to_string(),
                        key = key
                    ),
                    (None, Some(NoSuchDay::Day { days })) => {
                        t!("front-matter-no-such-day-hint", days = i32::from(days))
                    }
                    (None, Some(NoSuchDay::Month)) => t!("front-matter-no-such-month-hint"),
                    (None, None) => t!("front-matter-date-hint"),
                };
                self.errors.push(
                    Diagnostic::error(t!("front-matter-not-a-date", text = &text))
                        .at_line(self.file, self.text, line, column)
                        .hint(hint)
                        .detail(reason),
                );
                None
            }
        }
    }

    /// A page that expires before it is published would never be seen.
    fn check_expiry(&mut self, date: PageDate, expires: PageDate) {
        if expires.timestamp() <= date.timestamp() {
            let line = self.lines.line_of("expires").unwrap_or(1);
            self.errors.push(
                Diagnostic::error(t!(
                    "front-matter-expires-before-date",
                    expires = expires.iso_date(),
                    date = date.iso_date()
                ))
                .at_line(self.file, self.text, line, 1)
                .hint(t!("front-matter-expires-before-date-hint")),
            );
        }
    }

    /// An old path of the page, as `a/b` with no `.` or `..` segments.
    fn alias(&mut self, alias: &str) -> Option<String> {
        let path = alias
            .split('#')
            .next()
            .unwrap_or_default()
            .trim()
            .trim_matches('/');
        let segments: Vec<&str> = path.split('/').collect();
        let is_clean = !path.is_empty()
            && !path.contains("://")
            && segments
                .iter()
                .all(|s| !s.is_empty() && *s != "." && *s != "..");
        if is_clean {
            return Some(segments.join("/"));
        }
        let (line, column) = self.lines.locate("aliases", alias);
        self.errors.push(
            Diagnostic::error(t!("front-matter-bad-alias", alias = alias))
                .at_line(self.file, self.text, line, column)
                .hint(t!("front-matter-bad-alias-hint")),
        );
        None
    }

    fn slug(&mut self, slug: &str) -> String {
        let clean = crate::text::slugify(slug);
        if clean.is_empty() {
            let (line, column) = self.lines.locate("slug", slug);
            self.errors.push(
                Diagnostic::error(t!("front-matter-empty-slug", slug = slug))
                    .at_line(self.file, self.text, line, column)
                    .hint(t!("front-matter-empty-slug-hint")),
            );
        }
        clean
    }
}

fn clean_terms(terms: Option<Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for term in terms.unwrap_or_default() {
        let term = term.trim().to_string();
        if !term.is_empty() && !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

/// Parses `2024-03-26`, RFC 3339 (`2024-03-26T10:00:00+01:00`), or `2024-03-26 10:00:00 +0100`.
pub fn parse_date(text: &str) -> Result<PageDate, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("it is empty or not text".into());
    }
    if text.len() == 10 {
        return text
            .parse::<Date>()
            .map(PageDate::day)
            .map_err(|err| short_reason(&err.to_string()));
    }
    let normalised = normalise_spaced_offset(text);
    let pieces =
        Pieces::parse(normalised.as_bytes()).map_err(|err| short_reason(&err.to_string()))?;
    let time = pieces.time();
    let datetime = pieces
        .date()
        .to_datetime(time.unwrap_or(jiff::civil::Time::midnight()));
    Ok(PageDate::new(
        datetime,
        time.is_some(),
        pieces.to_numeric_offset(),
    ))
}

/// `2024-03-26 10:00:00 +0100` → `2024-03-26T10:00:00+01:00`.
fn normalise_spaced_offset(text: &str) -> String {
    let parts: Vec<&str> = text.split_whitespace().collect();
    match parts.as_slice() {
        [date, time, offset]
            if offset.len() == 5
                && offset.is_ascii()
                && (offset.starts_with('+') || offset.starts_with('-')) =>
        {
            format!("{date}T{time}{}:{}", &offset[..3], &offset[3..])
        }
        [date, time, offset] => format!("{date}T{time}{offset}"),
        [date, time] => format!("{date}T{time}"),
        _ => text.to_string(),
    }
}

fn short_reason(message: &str) -> String {
    let last = message.rsplit(": ").next().unwrap_or(message);
    last.trim_end_matches('.').to_string()
}

fn suggest_key(key: &str) -> Option<String> {
    let lower = key.to_lowercase();
    if KEEP_UNDER_EXTRA.contains(&lower.as_str()) {
        return Some(t!("front-matter-keep-under-extra", key = key));
    }
    if let Some((_, ours)) = OTHER_NAMES.iter().find(|(theirs, _)| *theirs == lower) {
        return Some(t!("did-you-mean", suggestion = *ours));
    }
    KNOWN_KEYS
        .iter()
        .map(|known| (strsim::damerau_levenshtein(&lower, known), known))
        .filter(|(distance, known)| *distance <= 2.max(known.len() / 4))
        .min()
        .map(|(_, known)| t!("did-you-mean", suggestion = *known))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Result<FrontMatter, Diagnostics>, Diagnostics) {
        let text: Arc<str> = Arc::from(text);
        let mut warnings = Diagnostics::new();
        let split = split("a.md", &text).map_err(Diagnostics::from);
        let result = split.and_then(|s| parse("a.md", &text, &s, &mut warnings));
        (result, warnings)
    }

    #[test]
    fn dates_in_three_forms() {
        let day = parse_date("2024-03-26").unwrap();
        assert!(!day.has_time);
        let moment = parse_date("2024-03-26T10:00:00+01:00").unwrap();
        assert_eq!(moment.time_text().as_deref(), Some("10:00"));
        assert_eq!(moment.rfc3339(), "2024-03-26T10:00:00+01:00");
        let spaced = parse_date("2024-03-26 10:00:00 +0100").unwrap();
        assert_eq!(spaced, moment);
        assert!(parse_date("2019-02-30").is_err());
        assert!(parse_date("igår").is_err());
        assert!(
            parse_date("2024-03-26 10:00 +1ö1").is_err(),
            "no panic on a non-ASCII offset"
        );
    }

    #[test]
    fn unknown_keys_warn_with_a_suggestion() {
        let (result, warnings) = parse_text("---\ntitle: A\ntopcis: [x]\ntags: [y]\n---\nText.\n");
        assert!(result.is_ok());
        let hints: Vec<_> = warnings.iter().map(|w| (w.line, w.hint.clone())).collect();
        assert_eq!(
            hints,
            [
                (Some(3), Some("did you mean `topics`?".to_string())),
                (Some(4), Some("did you mean `topics`?".to_string()))
            ]
        );
    }

    #[test]
    fn quoted_unknown_keys_warn_like_unquoted_ones() {
        let (result, warnings) =
            parse_text("---\n\"title\": A\n\"topcis\": [x]\n'sumary' : y\n---\nText.\n");
        assert!(result.is_ok());
        let found: Vec<_> = warnings
            .iter()
            .map(|w| (w.line, w.message.clone()))
            .collect();
        assert_eq!(
            found,
            [
                (Some(3), "unknown key `topcis` in front matter".to_string()),
                (Some(4), "unknown key `sumary` in front matter".to_string())
            ]
        );
    }

    #[test]
    fn a_quoted_key_with_swedish_letters_is_shown_without_a_panic() {
        let (_, warnings) = parse_text("---\ntitle: A\n\"ö\": x\n'titel-å': y\n---\nText.\n");
        let shown: Vec<String> = warnings.iter().map(|w| w.render_human(false)).collect();
        assert_eq!(shown.len(), 2);
        assert!(
            shown[0].contains("unknown key `ö`") && shown[0].contains(":3:2]"),
            "{shown:?}"
        );
    }

    #[test]
    fn a_bad_date_points_at_its_value() {
        let (result, _) = parse_text("---\ntitle: A\nevent:\n  start: 2019-02-30\n---\n");
        let errors = result.unwrap_err();
        let error = errors.iter().next().unwrap();
        assert_eq!((error.line, error.column), (Some(4), Some(10)));
    }

    #[test]
    fn a_type_error_is_located_in_the_file() {
        let (result, _) = parse_text("---\ntitle: A\ndraft: maybe\n---\n");
        let errors = result.unwrap_err();
        let error = errors.iter().next().unwrap();
        assert_eq!(error.line, Some(3));
        assert_eq!(error.message, "`draft` must be true or false");
        assert_eq!(
            error.hint.as_deref(),
            Some("write `draft: true` or `draft: false`")
        );
    }

    #[test]
    fn tabs_get_a_hint() {
        let (result, _) = parse_text("---\ntitle: A\ntopics:\n\t- x\n---\n");
        let errors = result.unwrap_err();
        let error = errors.iter().next().unwrap();
        assert_eq!(error.line, Some(4));
        assert_eq!(error.message, "the line is indented with a tab");
        assert!(error.hint.as_deref().unwrap().contains("`  - x`"));
    }

    #[test]
    fn a_page_left_half_written_warns_unless_it_is_a_draft() {
        let page = "---\ntitle: A\nsummary: \"\"   # ingressen\nspeakers: [] # [{ name: Namn Namnsson }]\n---\n\nSkriv texten här.\n";
        let (result, warnings) = parse_text(page);
        assert!(result.is_ok());
        let found: Vec<_> = warnings
            .iter()
            .map(|w| (w.line, w.message.clone()))
            .collect();
        assert_eq!(
            found,
            [
                (Some(3), "the summary is empty".to_string()),
                (
                    Some(7),
                    "“Skriv texten här.” is a placeholder from `arkiv new`".to_string()
                ),
            ]
        );
        let (_, warnings) = parse_text("---\ntitle: A\n---\n\n");
        let found: Vec<_> = warnings.iter().map(|w| w.message.clone()).collect();
        assert_eq!(found, ["the page has no text below its front matter"]);
        let draft = page.replace("title: A\n", "title: A\ndraft: true\n");
        assert!(parse_text(&draft).1.is_empty());
    }

    #[test]
    fn missing_title_and_unclosed_front_matter_are_errors() {
        assert!(parse_text("---\ndate: 2024-01-01\n---\n").0.is_err());
        assert!(parse_text("---\ntitle: A\n").0.is_err());
        assert!(parse_text("just text").0.is_err());
        assert!(parse_text("").0.is_err());
    }
}
