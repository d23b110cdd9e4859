//! `Diagnostic` and `Diagnostics`: what went wrong, where (file, line, column),
//! and a hint, in the writer's terms.
//!
//! Stages collect diagnostics instead of stopping at the first problem; this
//! module sorts them and renders them as human text (with miette), GitHub
//! annotations or JSON. It never decides whether a build fails: callers do.
//!
//! What a diagnostic shows of a file is bounded: a snippet is the few lines
//! around the spot, each cut to about `SNIPPET_WIDTH` characters, and neither
//! it nor a message ever carries control characters (a stranger's file may
//! hold a 20 MB line, NUL bytes or terminal escapes).

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceSpan};
use serde::Serialize;

mod snippet;
pub(crate) use snippet::bounded;

pub use snippet::SNIPPET_WIDTH;
use snippet::{MESSAGE_WIDTH, Window};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The build cannot go on.
    Error,
    /// The build goes on; `check --strict` fails on it.
    Warning,
}

/// Whose mistake it is, which decides the exit code (1 for content, 2 for usage and I/O).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Something in the site's files: front matter, Markdown, templates, site.yaml.
    Content,
    /// The command line or the file system: a bad `--output`, an unreadable folder.
    Usage,
}

/// The source text a diagnostic points into, kept for the snippet under the message.
#[derive(Debug, Clone)]
struct Snippet {
    source: Arc<str>,
    offset: usize,
    len: usize,
}

/// One finding: severity, message, location and hint.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Content (exit 1) or usage (exit 2).
    pub category: Category,
    /// What is wrong, in the writer's terms.
    pub message: String,
    /// The file, relative to the site root, with `/` separators.
    pub file: Option<String>,
    /// 1-based line in the file.
    pub line: Option<usize>,
    /// 1-based column (in characters) in the line.
    pub column: Option<usize>,
    /// What to do about it.
    pub hint: Option<String>,
    /// The words of the tool that found it (a YAML parser's, say), for
    /// `--format json` only: writers read `message`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip)]
    snippet: Option<Snippet>,
}

impl Diagnostic {
    /// An error about the site's content.
    pub fn error(message: impl Into<String>) -> Self {
        Self::new(Severity::Error, message)
    }

    /// A warning about the site's content.
    pub fn warning(message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, message)
    }

    /// An error in how arkiv was called or in the file system (exit code 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Diagnostic {
            category: Category::Usage,
            ..Self::new(Severity::Error, message)
        }
    }

    fn new(severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            category: Category::Content,
            message: bounded(&message.into(), MESSAGE_WIDTH),
            file: None,
            line: None,
            column: None,
            hint: None,
            detail: None,
            snippet: None,
        }
    }

    /// Names the file, without a position in it.
    pub fn in_file(mut self, file: impl Into<String>) -> Self {
        // A file's name comes from a stranger too: no terminal escapes in it.
        self.file = Some(bounded(&file.into(), MESSAGE_WIDTH));
        self
    }

    /// Points at byte `offset` (and `len` bytes on) of `source`, the whole text of `file`.
    pub fn at(
        mut self,
        file: impl Into<String>,
        source: &Arc<str>,
        offset: usize,
        len: usize,
    ) -> Self {
        let offset = floor_char_boundary(source, offset.min(source.len()));
        // The end too falls on a character's boundary: a span may come from
        // byte arithmetic on text with å, ä and ö.
        let mut end = offset.saturating_add(len).min(source.len());
        while !source.is_char_boundary(end) {
            end += 1;
        }
        let len = end - offset;
        let (line, column) = line_column(source, offset);
        self.file = Some(bounded(&file.into(), MESSAGE_WIDTH));
        self.line = Some(line);
        self.column = Some(column);
        self.snippet = Some(Snippet {
            source: Arc::clone(source),
            offset,
            len,
        });
        self
    }

    /// Points at a 1-based `line` and `column` of `source`, the whole text of `file`.
    pub fn at_line(
        self,
        file: impl Into<String>,
        source: &Arc<str>,
        line: usize,
        column: usize,
    ) -> Self {
        let offset = offset_of(source, line, column);
        let len = source[offset..]
            .find(['\n', '\r'])
            .unwrap_or(source.len() - offset);
        self.at(file, source, offset, len)
    }

    /// Sets line and column where there is no source text to show.
    pub fn at_position(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Adds what to do about it.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(bounded(&hint.into(), MESSAGE_WIDTH));
        self
    }

    /// Keeps the finding tool's own words for `--format json`.
    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(bounded(&detail.into(), MESSAGE_WIDTH));
        self
    }

    /// True for errors, false for warnings.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col`, or as much of it as is known.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(match (self.line, self.column) {
            (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
            (Some(line), None) => format!("{file}:{line}"),
            _ => file.clone(),
        })
    }

    /// Renders the diagnostic for a terminal, with the source snippet when there is one.
    pub fn render_human(&self, color: bool) -> String {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        let handler = GraphicalReportHandler::new_themed(theme)
            .with_width(100)
            .with_context_lines(1)
            .without_syntax_highlighting();
        let mut out = String::new();
        let report = Report::new(self);
        if handler.render_report(&mut out, &report).is_err() {
            out = self.render_plain();
        }
        if self.snippet.is_none()
            && let Some(location) = self.location()
        {
            out = out.replacen('\n', &format!("\n  --> {location}\n"), 1);
        }
        with_help_word(&out, &t!("diagnostic-help"))
    }

    /// One line: `error: file:line:col: message (help: hint)`.
    pub fn render_plain(&self) -> String {
        let mut out = self.render_brief();
        if let Some(hint) = &self.hint {
            out.push_str(&format!(" ({}: {hint})", t!("diagnostic-help")));
        }
        out
    }

    /// One line without the help: `warning: file:line:col: message`, as a
    /// build shows the warnings after the first ones.
    pub fn render_brief(&self) -> String {
        let mut out = format!("{}: ", self.severity_word());
        if let Some(location) = self.location() {
            out.push_str(&location);
            out.push_str(": ");
        }
        out.push_str(&self.message);
        out
    }

    /// A GitHub Actions workflow command: `::error file=…,line=…,col=…::message`.
    pub fn render_github(&self) -> String {
        let mut props = Vec::new();
        if let Some(file) = &self.file {
            props.push(format!("file={}", escape_github_property(file)));
        }
        if let Some(line) = self.line {
            props.push(format!("line={line}"));
        }
        if let Some(column) = self.column {
            props.push(format!("col={column}"));
        }
        let mut message = self.message.clone();
        if let Some(hint) = &self.hint {
            message.push_str(&format!(" ({}: {hint})", t!("diagnostic-help")));
        }
        // The workflow command's own words, which GitHub reads, stay English.
        let command = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        format!(
            "::{} {}::{}",
            command,
            props.join(","),
            escape_github_data(&message)
        )
    }

    fn severity_word(&self) -> String {
        match self.severity {
            Severity::Error => t!("severity-error"),
            Severity::Warning => t!("severity-warning"),
        }
    }

    fn sort_key(&self) -> (Option<&str>, usize, usize, Severity) {
        (
            self.file.as_deref(),
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.severity,
        )
    }
}

/// `report` with miette's `help:` before a hint said as `word:`.
fn with_help_word(report: &str, word: &str) -> String {
    if word == "help" {
        return report.to_string();
    }
    let mut out = String::with_capacity(report.len());
    for line in report.split_inclusive('\n') {
        // Before the word come only spaces and, in colour, escape codes.
        let found = line.find("help:").filter(|&i| {
            line[..i].chars().all(|c| {
                c == ' ' || c == '\u{1b}' || c == '[' || c == ';' || c == 'm' || c.is_ascii_digit()
            })
        });
        match found {
            Some(i) => {
                out.push_str(&line[..i]);
                out.push_str(word);
                out.push_str(&line[i + "help".len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_plain())
    }
}

/// Adapts a `Diagnostic` to miette's report renderer, owning the snippet's window.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<Window>,
}

impl<'a> Report<'a> {
    fn new(diagnostic: &'a Diagnostic) -> Self {
        let source = diagnostic.snippet.as_ref().map(|snippet| {
            let name = diagnostic.file.clone().unwrap_or_default();
            Window::of(name, &snippet.source, snippet.offset, snippet.len)
        });
        Report { diagnostic, source }
    }
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diagnostic
            .hint
            .as_ref()
            .map(|hint| Box::new(hint) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let window = self.source.as_ref()?;
        let span = SourceSpan::new(window.offset.into(), window.len.max(1));
        Some(Box::new(std::iter::once(LabeledSpan::underline(span))))
    }
}

/// Several diagnostics, sorted by file and line.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// No diagnostics.
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// Adds one.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds all of `other`.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.0.extend(other);
    }

    /// True if any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    /// True if there are none at all.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The diagnostics in order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// How many errors there are.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    /// Sorts by file, line and column, so output reads top to bottom.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }

    /// The same diagnostics, sorted.
    pub fn sorted(mut self) -> Self {
        self.sort();
        self
    }

    /// The process exit code these diagnostics call for: 2 for usage errors, else 1.
    pub fn exit_code(&self) -> i32 {
        let usage = self
            .0
            .iter()
            .any(|d| d.is_error() && d.category == Category::Usage);
        if usage { 2 } else { 1 }
    }

    /// Fails with the collected diagnostics if any is an error; else hands back the warnings.
    pub fn into_result(mut self) -> Result<Diagnostics, Diagnostics> {
        self.sort();
        if self.has_errors() {
            Err(self)
        } else {
            Ok(self)
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

impl From<Vec<Diagnostic>> for Diagnostics {
    fn from(list: Vec<Diagnostic>) -> Self {
        Diagnostics(list)
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(diagnostics: I) -> Self {
        Diagnostics(diagnostics.into_iter().collect())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

/// Shows `path` relative to `root` with `/` separators, for messages.
pub fn display_path(root: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(root).unwrap_or(path);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Byte offset of 1-based `line` and `column` (in characters) in `text`, clamped to the text.
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let rest = &text[offset..];
    let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
    offset
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

fn escape_github_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_github_property(text: &str) -> String {
    escape_github_data(text)
        .replace(':', "%3A")
        .replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "a: 1\nöst: 2\n";
        assert_eq!(line_column(text, 0), (1, 1));
        let offset = text.find("2").unwrap();
        assert_eq!(line_column(text, offset), (2, 6));
        assert_eq!(offset_of(text, 2, 6), offset);
        assert_eq!(offset_of(text, 9, 1), text.len());
    }

    #[test]
    fn github_annotations_name_file_line_and_column() {
        let source: Arc<str> = Arc::from("title: x\ntopcis: [a]\n");
        let d = Diagnostic::warning("unknown key `topcis`")
            .at_line("content/a.md", &source, 2, 1)
            .hint("did you mean `topics`?");
        assert_eq!(
            d.render_github(),
            "::warning file=content/a.md,line=2,col=1::unknown key `topcis` (help: did you mean `topics`?)"
        );
    }

    #[test]
    fn the_human_column_counts_characters() {
        let source: Arc<str> = Arc::from("---\nÅsa på Öckerö läser [här](/finns-inte/).\n");
        let at = source.find('[').unwrap();
        let d = Diagnostic::error("broken").at("a.md", &source, at, 5);
        assert_eq!(d.column, Some(21));
        assert!(
            d.render_human(false).contains("[a.md:2:21]"),
            "{}",
            d.render_human(false)
        );
    }

    #[test]
    fn a_snippet_of_a_long_line_is_cut_around_the_spot() {
        let line = format!(
            "{}\u{1b}[2J{}FEL{}",
            "a".repeat(1_000_000),
            "b".repeat(50),
            "c".repeat(1_000_000)
        );
        let source: Arc<str> = Arc::from(format!("---\n{line}\n---\n"));
        let at = source.find("FEL").unwrap();
        let d = Diagnostic::error("broken").at("a.md", &source, at, 3);
        let shown = d.render_human(false);
        assert!(shown.len() < 2000, "{} bytes", shown.len());
        assert!(shown.contains("FEL") && shown.contains('…'), "{shown}");
        assert!(shown.contains("[a.md:2:1000055]"), "{shown}");
        assert!(!shown.contains('\u{1b}'), "{shown}");
        let message = Diagnostic::error(format!("bad `{line}`")).message;
        assert!(message.chars().count() <= MESSAGE_WIDTH + 1 && !message.contains('\u{1b}'));
    }
}
