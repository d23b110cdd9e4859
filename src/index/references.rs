//! `programme:` and `conference:`: the page each names, by slug; one that
//! names no page is a located error with the nearest slug as a hint.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Newest, PageId, timed};
use crate::content::{Page, PageKind};
use crate::diagnostics::Diagnostic;

#[derive(Clone, Copy)]
pub(super) enum Reference {
    Programme,
    Conference,
}

impl Reference {
    pub(super) fn key(self) -> &'static str {
        match self {
            Reference::Programme => "programme",
            Reference::Conference => "conference",
        }
    }

    pub(super) fn target_kind(self) -> PageKind {
        match self {
            Reference::Programme => PageKind::Programme,
            Reference::Conference => PageKind::Conference,
        }
    }

    fn value(self, page: &Page) -> Option<&str> {
        match self {
            Reference::Programme => page.front.programme.as_deref(),
            Reference::Conference => page.front.conference.as_deref(),
        }
    }
}

/// Finds the page each `programme:` or `conference:` names, by slug.
pub(super) fn resolve_references(
    pages: &[Arc<Page>],
    reference: Reference,
    report: bool,
    said: &mut timed::Named<'_>,
) -> BTreeMap<PageId, PageId> {
    let targets: BTreeMap<&str, PageId> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == reference.target_kind() && !p.is_section_index)
        .map(|(id, p)| (p.slug.as_str(), id))
        .collect();
    let mut resolved = BTreeMap::new();
    for (id, page) in pages.iter().enumerate() {
        let Some(value) = reference.value(page) else {
            continue;
        };
        let slug = crate::text::slugify(value);
        match targets.get(slug.as_str()) {
            Some(&target) => {
                resolved.insert(id, target);
            }
            None if said.timed(id, page, (reference.key(), value), reference.target_kind()) => {}
            None if !report => {}
            None => {
                let key = reference.key();
                let (line, column) = crate::content::locate_value(
                    &page.source,
                    page.front.key_lines.get(key).copied(),
                    value,
                );
                let known: Vec<&str> = targets.keys().copied().collect();
                let folder = reference.target_kind().folder().unwrap_or_default();
                let hint = match closest(&slug, &known) {
                    Some(near) => t!("did-you-mean", suggestion = near),
                    None if known.is_empty() => t!("index-no-pages-yet", folder = folder),
                    None => t!(
                        "index-name-a-page-hint",
                        folder = folder,
                        slugs = known.join(", ")
                    ),
                };
                said.diagnostics.push(
                    Diagnostic::error(t!(
                        "index-names-no-page",
                        key = key,
                        value = value,
                        folder = folder
                    ))
                    .at_line(&page.display_path, &page.source, line, column)
                    .hint(hint),
                );
            }
        }
    }
    resolved
}

fn closest<'a>(wanted: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::damerau_levenshtein(wanted, k), *k))
        .filter(|(distance, k)| *distance <= 3.max(k.len() / 4))
        .min()
        .map(|(_, k)| k)
}

pub(super) fn group_by_target(
    newest: &Newest,
    links: &BTreeMap<PageId, PageId>,
) -> BTreeMap<PageId, Vec<PageId>> {
    let mut groups: BTreeMap<PageId, Vec<PageId>> = BTreeMap::new();
    for (&from, &to) in links {
        groups.entry(to).or_default().push(from);
    }
    for ids in groups.values_mut() {
        newest.sort(ids);
    }
    groups
}
