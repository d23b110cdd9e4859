//! Warnings for a page about to be published with parts left unwritten:
//! an empty `summary:`, the placeholders `arkiv new` writes, no body text.
//! `build`, `serve` and `check` all show them; drafts get none.

use std::sync::Arc;

use crate::content::fences::{KeyLines, Split};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// What `arkiv new` writes for the writer to replace.
const PLACEHOLDERS: [&str; 2] = ["Skriv texten här.", "Namn Namnsson"];

/// Where `placeholder` stands in the page, outside the comments of its
/// front matter (where `arkiv new` shows examples).
fn placeholder_offset(text: &str, split: &Split<'_>, placeholder: &str) -> Option<usize> {
    // Most pages have none: one search of the whole text says so.
    if !text.contains(placeholder) {
        return None;
    }
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let is_front_matter = offset < split.body_offset;
        let shown = match line.find(" #") {
            Some(comment) if is_front_matter => &line[..comment],
            _ => line,
        };
        if let Some(i) = shown.find(placeholder) {
            return Some(offset + i);
        }
        offset += line.len();
    }
    None
}

/// Warnings for a page about to be published with parts left unwritten:
/// an empty `summary:`, text `arkiv new` put there to be replaced, no body.
pub(super) fn half_written(
    file: &str,
    text: &Arc<str>,
    split: &Split<'_>,
    lines: &KeyLines,
    warnings: &mut Diagnostics,
) {
    if let Some(line) = lines.line_of("summary") {
        let value = split
            .yaml
            .lines()
            .nth(line - split.yaml_line)
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.split(" #").next().unwrap_or_default().trim())
            .unwrap_or_default();
        if matches!(value, "" | "\"\"" | "''" | "~" | "null") {
            warnings.push(
                Diagnostic::warning(t!("page-empty-summary"))
                    .at_line(file, text, line, 1)
                    .hint(t!("page-empty-summary-hint")),
            );
        }
    }
    for placeholder in PLACEHOLDERS {
        if let Some(offset) = placeholder_offset(text, split, placeholder) {
            warnings.push(
                Diagnostic::warning(t!("page-placeholder", text = placeholder))
                    .at(file, text, offset, placeholder.len())
                    .hint(t!("page-placeholder-hint")),
            );
        }
    }
    let is_listing = file.ends_with("_index.md");
    if !is_listing && text[split.body_offset..].trim().is_empty() {
        let line = text[..split.body_offset].lines().count().max(1);
        warnings.push(
            Diagnostic::warning(t!("page-no-body"))
                .at_line(file, text, line, 1)
                .hint(t!("page-no-body-hint")),
        );
    }
}
