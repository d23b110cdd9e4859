//! `event:` and `activities:`: when, where, and how to register.

use serde::Deserialize;

use super::Resolver;
use crate::content::fields::{Activity, Event, Registration};
use crate::content::page::PageDate;
use crate::diagnostics::Diagnostic;
use crate::yaml;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvent {
    start: yaml::Value,
    #[serde(default)]
    end: Option<yaml::Value>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    registration: Option<RawRegistration>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRegistration {
    url: String,
    #[serde(default)]
    deadline: Option<yaml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawActivity {
    title: String,
    date: yaml::Value,
    #[serde(default)]
    end: Option<yaml::Value>,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    conference: Option<String>,
}

impl Resolver<'_> {
    pub(super) fn event(&mut self, event: RawEvent) -> Option<Event> {
        let start = self.required_date("event", &event.start)?;
        let end = self.date("event", event.end.as_ref());
        self.check_order("event", start, end);
        let registration = event.registration.and_then(|r| self.registration(r));
        Some(Event {
            start,
            end,
            location: event.location,
            registration,
        })
    }

    pub(super) fn activity(&mut self, activity: RawActivity) -> Option<Activity> {
        let start = self.required_date("activities", &activity.date)?;
        let end = self.date("activities", activity.end.as_ref());
        self.check_order("activities", start, end);
        Some(Activity {
            title: activity.title,
            start,
            end,
            location: activity.location,
            conference: activity.conference.map(|c| c.trim().to_string()),
        })
    }

    /// The date `value` of `key`, which must be given: left empty, an error.
    fn required_date(&mut self, key: &str, value: &yaml::Value) -> Option<PageDate> {
        let empty = match value {
            yaml::Value::Null => true,
            yaml::Value::String(s) => s.trim().is_empty(),
            _ => false,
        };
        if empty {
            let (line, column) = self.lines.locate(key, "");
            self.errors.push(
                Diagnostic::error(t!("front-matter-date-missing", key = key))
                    .at_line(self.file, self.text, line, column)
                    .hint(t!("front-matter-date-missing-hint")),
            );
            return None;
        }
        self.date(key, Some(value))
    }

    /// Where to register, an address on the web or on the site (never a
    /// `javascript:` or other scheme a link could run), and until when.
    fn registration(&mut self, raw: RawRegistration) -> Option<Registration> {
        let url = raw.url.trim().to_string();
        let is_web =
            crate::text::is_web_address(&url) || url.to_ascii_lowercase().starts_with("mailto:");
        if !is_web && !url.starts_with('/') {
            let (line, column) = self.lines.locate("event", &url);
            self.errors.push(
                Diagnostic::error(t!("front-matter-bad-registration", url = &url))
                    .at_line(self.file, self.text, line, column)
                    .hint(t!("front-matter-bad-registration-hint")),
            );
            return None;
        }
        let deadline = self.date("event", raw.deadline.as_ref());
        Some(Registration { url, deadline })
    }

    pub(super) fn check_order(&mut self, key: &str, start: PageDate, end: Option<PageDate>) {
        if let Some(end) = end.filter(|end| end.timestamp() < start.timestamp()) {
            let moment = |date: PageDate| match date.time_text() {
                Some(time) if start.date() == end.date() => format!("{} {time}", date.iso_date()),
                _ => date.iso_date(),
            };
            let (line, column) = self.lines.locate(key, "end:");
            self.errors.push(
                Diagnostic::error(t!(
                    "front-matter-ends-before-start",
                    end = moment(end),
                    start = moment(start)
                ))
                .at_line(self.file, self.text, line, column)
                .hint(t!("front-matter-ends-before-start-hint")),
            );
        }
    }
}
