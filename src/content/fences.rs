//! Where the front matter is in a page's text (between `---` lines), and on
//! which line each of its top-level keys stands, for errors to point at.

use std::sync::Arc;

use crate::diagnostics::Diagnostic;

/// A page's text split into front matter and body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// The 1-based line of the YAML's first line in the file.
    pub yaml_line: usize,
    /// Where the body starts.
    pub body_offset: usize,
}

/// Finds the front matter between a first `---` line and the next `---` (or `...`) line.
pub fn split<'a>(file: &str, text: &'a Arc<str>) -> Result<Split<'a>, Diagnostic> {
    let first_line = text.lines().next().unwrap_or_default();
    if first_line.trim_end() != "---" {
        return Err(no_front_matter(file, text, first_line));
    }
    let yaml_start = first_line.len() + 1;
    let mut offset = yaml_start.min(text.len());
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let line = text[offset..end].trim_end();
        if line == "---" || line == "..." {
            return Ok(Split {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body_offset: (end + 1).min(text.len()),
            });
        }
        offset = end + 1;
    }
    Err(Diagnostic::error(t!("front-matter-not-closed"))
        .at_line(file, text, 1, 1)
        .hint(t!("front-matter-not-closed-hint")))
}

/// Why a page whose first line is not `---` has no front matter: empty
/// lines or invisible characters before a `---` further down are named as
/// the cause, since the page looks right in an editor.
fn no_front_matter(file: &str, text: &Arc<str>, first_line: &str) -> Diagnostic {
    if text.trim().is_empty() {
        return Diagnostic::error(t!("page-empty"))
            .at_line(file, text, 1, 1)
            .hint(t!("page-no-front-matter-hint"));
    }
    if first_line.trim_end() == "+++" {
        return Diagnostic::error(t!("page-no-front-matter"))
            .at_line(file, text, 1, 1)
            .hint(t!("page-toml-front-matter-hint"));
    }
    // What stands before the first line that reads `---` once invisible
    // characters (a second BOM, zero-width spaces, no-break spaces) are left out.
    let fence = text.lines().position(|line| {
        line.trim_matches(|c: char| c.is_whitespace() || is_invisible(c)) == "---"
    });
    match fence {
        Some(0) => Diagnostic::error(t!("page-junk-before-fence"))
            .at_line(file, text, 1, 1)
            .hint(t!("page-junk-before-fence-hint")),
        Some(n) if text.lines().take(n).all(|l| l.trim().is_empty()) => {
            Diagnostic::error(t!("page-blank-before-fence", lines = n))
                .at_line(file, text, 1, 1)
                .hint(t!("page-blank-before-fence-hint", line = n + 1))
        }
        _ => Diagnostic::error(t!("page-no-front-matter"))
            .at_line(file, text, 1, 1)
            .hint(t!("page-no-front-matter-hint")),
    }
}

/// Characters an editor shows as nothing, or as a space.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{feff}'
            | '\u{200b}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{2060}'
            | '\u{00a0}'
            | 'ï'
            | '»'
            | '¿'
    ) || c.is_control()
}

/// The line of each top-level key, so later errors can point at it.
pub(super) struct KeyLines {
    /// Top-level keys and their 1-based lines in the file, in order.
    pub(super) keys: Vec<(String, usize)>,
    /// The YAML's lines with their 1-based line in the file.
    text_lines: Vec<(usize, String)>,
    /// The line after the front matter.
    end_line: usize,
}

impl KeyLines {
    pub(super) fn new(split: &Split<'_>) -> Self {
        let mut keys = Vec::new();
        let mut text_lines = Vec::new();
        for (i, line) in split.yaml.lines().enumerate() {
            let number = split.yaml_line + i;
            text_lines.push((number, line.to_string()));
            if let Some(key) = top_level_key(line) {
                keys.push((key.to_string(), number));
            }
        }
        let end_line = split.yaml_line + text_lines.len();
        KeyLines {
            keys,
            text_lines,
            end_line,
        }
    }

    pub(super) fn line_of(&self, key: &str) -> Option<usize> {
        self.keys.iter().find(|(k, _)| k == key).map(|(_, l)| *l)
    }

    /// Line and column of `needle` inside `key`'s block, else of the key itself.
    pub(super) fn locate(&self, key: &str, needle: &str) -> (usize, usize) {
        let Some(start) = self.line_of(key) else {
            return (1, 1);
        };
        let end = self
            .keys
            .iter()
            .map(|(_, line)| *line)
            .find(|line| *line > start)
            .unwrap_or(self.end_line);
        self.text_lines
            .iter()
            .filter(|(line, _)| (start..end).contains(line))
            .find_map(|(line, text)| {
                let at = text.find(needle).filter(|_| !needle.is_empty())?;
                Some((*line, text[..at].chars().count() + 1))
            })
            .unwrap_or((start, 1))
    }

    /// The byte offset of the key on `line`: after its quote, when it has one.
    pub(super) fn key_offset(&self, text: &str, line: usize) -> usize {
        let start = crate::diagnostics::offset_of(text, line, 1);
        start + usize::from(text[start..].starts_with(['"', '\'']))
    }
}

/// The key a line starts, unquoted (`topics:`) or quoted (`"topcis":`, `'topics':`).
fn top_level_key(line: &str) -> Option<&str> {
    let first = line.chars().next()?;
    if let Some(quote) = line.strip_prefix(['"', '\'']).map(|_| first) {
        let (key, rest) = line[1..].split_once(quote)?;
        return rest
            .trim_start()
            .starts_with(':')
            .then_some(key)
            .filter(|k| {
                !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            });
    }
    if first.is_whitespace() || matches!(first, '#' | '-' | '{' | '[') {
        return None;
    }
    let (key, _) = line.split_once(':')?;
    let key = key.trim_end();
    key.chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        .then_some(key)
}
