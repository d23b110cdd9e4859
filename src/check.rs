//! `arkiv check`: the whole pipeline without publishing, then a report of what
//! a reader or a validator would trip over.
//!
//! In: the site. Out: `Diagnostics` — everything the build validates but the
//! search index (`pipeline::render_site_to_review`), plus
//! links and `#anchors` that lead nowhere (ordinary relative links too),
//! images without alt text, heading levels that skip, duplicate titles, and
//! terms site.yaml does not allow; beside them, the pages scheduled and those
//! that expire soon (`Agenda`). It writes nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::config::BuildOptions;
use crate::content::{Page, PageKind};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::nowhere::Targets;
use crate::index::{PageId, SiteIndex};
use crate::markdown::Body;
use crate::output::OutputFile;
use crate::pipeline::Prepared;

/// Checks the site; returns every finding, errors and warnings, sorted.
pub fn check(opts: &BuildOptions) -> Diagnostics {
    check_with_agenda(opts).0
}

/// How many days ahead `check` looks for pages that expire.
pub const EXPIRING_DAYS: i64 = 14;

/// What `check` lists beside its findings: what changes by itself soon.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Agenda {
    /// Pages dated ahead, not published yet: display path and when, soonest first.
    pub scheduled: Vec<(String, String)>,
    /// Published pages that expire within `EXPIRING_DAYS`: display path and when.
    pub expiring: Vec<(String, String)>,
}

impl Agenda {
    /// Each list with its heading, as `check` prints them.
    pub fn lists(&self) -> [(String, &[(String, String)]); 2] {
        [
            (t!("check-scheduled-heading"), &self.scheduled),
            (t!("check-expiring-heading"), &self.expiring),
        ]
    }
}

/// `check`, with the agenda.
///
/// Scheduled pages are reviewed as they will be published (as with
/// `build --future`): a mistake in one is found when it is written, not
/// when the build at its moment fails.
pub fn check_with_agenda(opts: &BuildOptions) -> (Diagnostics, Agenda) {
    let opts = &BuildOptions {
        future: true,
        now: Some(opts.now()),
        ..opts.clone()
    };
    let (prepared, files) = match crate::pipeline::render_site_to_review(opts) {
        Ok(built) => built,
        Err(errors) => return (errors, Agenda::default()),
    };
    let reviewed = review(&prepared, &files);
    // A link the build warns of leading nowhere is an error here: said once.
    let said_again = |warning: &Diagnostic| {
        reviewed.iter().any(|finding| {
            (
                &finding.file,
                finding.line,
                finding.column,
                &finding.message,
            ) == (
                &warning.file,
                warning.line,
                warning.column,
                &warning.message,
            )
        })
    };
    let mut findings = Diagnostics::new();
    findings.extend(prepared.warnings.iter().filter(|w| !said_again(w)).cloned());
    findings.extend(reviewed);
    (findings.sorted(), agenda(&prepared.site))
}

/// The pages scheduled, and those that expire within `EXPIRING_DAYS`, of
/// a site built with `future` (whose scheduled pages are among its pages).
pub fn agenda(site: &SiteIndex) -> Agenda {
    use crate::content::PageDate;
    use crate::content::schedule::spoken;
    use jiff::Timestamp;
    let language = crate::i18n::current().code();
    let now = site.timing.now;
    let soon = now
        .checked_add(jiff::SignedDuration::from_hours(24 * EXPIRING_DAYS))
        .unwrap_or(now);
    // Each page that `key` gives a moment after now and until `until`, with
    // it, soonest first.
    let ahead = |key: fn(&Page) -> Option<PageDate>, until: Timestamp| {
        let pages = site.pages.iter().filter(|p| !p.is_section_index);
        let mut found: Vec<_> = pages
            .filter_map(|page| {
                let moment = key(page)?;
                let at = moment.timestamp();
                (at > now && at <= until).then(|| (at, &page.display_path, moment))
            })
            .collect();
        found.sort_by_key(|(at, path, _)| (*at, *path));
        let said = found.into_iter();
        said.map(|(_, path, moment)| (path.clone(), spoken(&moment, language)))
            .collect()
    };
    // Reviewed as with `--future`, the scheduled pages are among the pages.
    Agenda {
        scheduled: ahead(|page| page.date, Timestamp::MAX),
        expiring: ahead(|page| page.front.expires, soon),
    }
}

/// The checks that need the built site: links, anchors, images, headings, titles, dates.
pub fn review(prepared: &Prepared, files: &[OutputFile]) -> Diagnostics {
    let outputs: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    // Every language's pages, the default's first: a link may lead to any.
    let sites: Vec<&SiteIndex> = std::iter::once(&prepared.site)
        .chain(prepared.others.iter().map(|o| &o.site))
        .collect();
    let anchors: HashMap<String, BTreeSet<&str>> = sites
        .iter()
        .flat_map(|site| {
            site.listed_pages().map(|id| {
                let ids = site.bodies[id].toc.iter().map(|h| h.id.as_str()).collect();
                (prepared.config.url(&site.pages[id].path), ids)
            })
        })
        .collect();
    let targets = Targets {
        base_path: &prepared.config.base_path,
        outputs: &outputs,
        anchors: &anchors,
    };
    let mut findings = Diagnostics::new();
    for site in sites {
        for id in site.listed_pages() {
            let page = &site.pages[id];
            findings.extend(check_markdown(prepared, page, &site.bodies[id], &targets));
            findings.extend(check_front_matter_image(page));
            let config = &prepared.config;
            findings.extend(crate::rules::review(page, |rule| config.rule_is_on(rule)));
        }
        findings.extend(duplicate_titles(site));
        findings.extend(likely_duplicate_events(site));
    }
    findings.extend(stale_translations(prepared));
    findings
}

/// Translations whose original changed after them: by the git history
/// with `dates: { updated: git }`, else by `updated:` (or the date).
fn stale_translations(prepared: &Prepared) -> Diagnostics {
    let history = match &prepared.history {
        Some(Ok(history)) => Some(history),
        _ => None,
    };
    let changed = |page: &Page| {
        let committed = history.and_then(|h| h.changed(page));
        let written = page.front.updated.or(page.date).map(|d| d.timestamp());
        committed.or(written)
    };
    let mut findings = Diagnostics::new();
    let site = &prepared.site;
    for page in prepared.others.iter().flat_map(|o| o.site.pages.iter()) {
        let key = crate::content::translation_key(&page.content_path);
        let Some(original) = site.page_id(&key).map(|id| &site.pages[id]) else {
            continue;
        };
        let (Some(then), Some(now)) = (changed(page), changed(original)) else {
            continue;
        };
        if now > then {
            let language = crate::i18n::current().code();
            let day = |t| crate::text::long_date(crate::content::page::day_of(t), language);
            findings.push(
                Diagnostic::warning(t!(
                    "check-translation-behind",
                    original = &original.display_path,
                    changed = day(now),
                    translated = day(then)
                ))
                .in_file(&page.display_path)
                .hint(t!("check-translation-behind-hint")),
            );
        }
    }
    findings
}

/// Activities on a conference's day at another place (or none) that do not
/// name it: perhaps the same occurrence, in the calendar twice.
fn likely_duplicate_events(site: &SiteIndex) -> Diagnostics {
    let mut findings = Diagnostics::new();
    for (id, n, conference) in crate::index::calendar::likely_duplicates(&site.pages) {
        let page = &site.pages[id];
        let activity = &page.front.activities[n];
        let (line, column) = crate::content::locate_value(
            &page.source,
            page.front.key_lines.get("activities").copied(),
            &activity.title,
        );
        let conference = &site.pages[conference];
        findings.push(
            Diagnostic::warning(t!(
                "check-likely-duplicate-event",
                activity = &activity.title,
                conference = &conference.front.title
            ))
            .at_line(&page.display_path, &page.source, line, column)
            .hint(t!(
                "check-likely-duplicate-event-hint",
                slug = &conference.slug
            )),
        );
    }
    findings
}

/// The links, images and headings of a page's body, as the markdown stage noted them.
fn check_markdown(
    prepared: &Prepared,
    page: &Page,
    body: &Body,
    targets: &Targets<'_>,
) -> Vec<Diagnostic> {
    let at = |offset: usize, len: usize, d: Diagnostic| {
        d.at(&page.display_path, &page.source, offset, len)
    };
    let from_url = prepared.config.url(&page.path);
    let mut findings = Vec::new();
    for link in &body.review.links {
        if let Some((message, hint)) = targets.link_problem(&from_url, link) {
            findings.push(at(
                link.offset,
                link.len,
                Diagnostic::error(message).hint(hint),
            ));
        }
    }
    for &(start, len) in &body.review.caption_repeats_alt {
        findings.push(at(
            start,
            len,
            Diagnostic::warning(t!("check-caption-repeats-alt"))
                .hint(t!("check-caption-repeats-alt-hint")),
        ));
    }
    for (start, len, path) in &body.review.outside_pictures {
        // A picture among content/'s loose files, not one under static/.
        if prepared.site.files.iter().any(|file| file.name == *path) {
            findings.push(at(
                *start,
                *len,
                Diagnostic::warning(t!("check-picture-outside-folder"))
                    .hint(t!("check-picture-outside-folder-hint")),
            ));
        }
    }
    for &start in &body.review.missing_alt {
        findings.push(at(
            start,
            2,
            Diagnostic::error(t!("check-no-alt")).hint(t!("check-no-alt-hint")),
        ));
    }
    let levels = body.toc.iter().map(|h| usize::from(h.level));
    let mut last_level = 1;
    for (level, &(offset, len)) in levels.zip(&body.review.headings) {
        if let Some(finding) = heading_problem(last_level, level) {
            findings.push(at(offset, len, finding));
        }
        last_level = level;
    }
    findings
}

/// What is wrong with a heading of `level` after one of `last_level`, if anything.
fn heading_problem(last_level: usize, level: usize) -> Option<Diagnostic> {
    if level == 1 {
        Some(
            Diagnostic::warning(t!("check-first-level-heading"))
                .hint(t!("check-first-level-heading-hint")),
        )
    } else if level > last_level + 1 {
        Some(
            Diagnostic::warning(t!("check-heading-jump", from = last_level, to = level)).hint(t!(
                "check-heading-jump-hint",
                marks = "#".repeat(last_level + 1)
            )),
        )
    } else {
        None
    }
}

fn check_front_matter_image(page: &Page) -> Option<Diagnostic> {
    let image = page.front.image.as_ref()?;
    let line = page.front.key_lines.get("image").copied().unwrap_or(1);
    let finding = if image.alt.trim().is_empty() {
        Diagnostic::warning(t!("check-empty-alt")).hint(t!("check-empty-alt-hint"))
    } else if crate::images::repeats(image.caption.as_deref().unwrap_or_default(), &image.alt) {
        Diagnostic::warning(t!("check-caption-repeats-alt"))
            .hint(t!("check-caption-repeats-alt-hint"))
    } else {
        return None;
    };
    Some(finding.at_line(&page.display_path, &page.source, line, 1))
}

fn duplicate_titles(site: &SiteIndex) -> Vec<Diagnostic> {
    let mut by_title: BTreeMap<(PageKind, String), Vec<PageId>> = BTreeMap::new();
    for id in site.listed_pages() {
        let page = &site.pages[id];
        by_title
            .entry((page.kind, page.front.title.to_lowercase()))
            .or_default()
            .push(id);
    }
    let mut findings = Vec::new();
    for ids in by_title.values().filter(|ids| ids.len() > 1) {
        for &id in &ids[1..] {
            let page = &site.pages[id];
            let first = &site.pages[ids[0]];
            let line = page.front.key_lines.get("title").copied().unwrap_or(1);
            findings.push(
                Diagnostic::warning(t!("check-same-title", other = &first.display_path))
                    .at_line(&page.display_path, &page.source, line, 1)
                    .hint(t!("check-same-title-hint")),
            );
        }
    }
    findings
}
