//! What a diagnostic shows of a file: a window of a few lines around the
//! spot, each cut to `SNIPPET_WIDTH` characters, with control characters
//! replaced, and messages cut the same way.
//!
//! In: the whole text of a file and a spot in it. Out: a small `Window` that
//! miette renders as if it were the whole file (the file's own line numbers,
//! the spot's column in characters). It never copies more of a file than it
//! shows.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::line_column;

/// How many characters of a line a snippet shows, at most.
pub const SNIPPET_WIDTH: usize = 200;

/// How many characters of a message or hint are shown, at most.
pub(crate) const MESSAGE_WIDTH: usize = 600;

/// What a snippet shows of a file: the line of the spot and one line on
/// either side, each cut to `SNIPPET_WIDTH` characters around the spot, with
/// control characters replaced. The file's own line numbers and the spot's
/// column (in characters) are kept, so the report reads as if the whole
/// file were there.
pub(crate) struct Window {
    name: String,
    text: String,
    /// The spot's byte offset and length in `text`.
    pub(crate) offset: usize,
    pub(crate) len: usize,
    /// The 0-based line in the file of `text`'s first line.
    first_line: usize,
    /// The spot's 0-based line and column (in characters) in the file.
    line: usize,
    column: usize,
}

impl Window {
    pub(crate) fn of(name: String, source: &str, offset: usize, len: usize) -> Window {
        let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let (line, column) = line_column(source, offset);
        let mut text = String::new();
        let mut first_line = line - 1;
        if line_start > 0 {
            let before_start = source[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
            push_line(&mut text, &source[before_start..line_start - 1]);
            text.push('\n');
            first_line -= 1;
        }
        // The spot's own line: up to a third of the width before the spot,
        // the spot itself (cut if need be), and what room is left after it.
        let lead: Vec<char> = source[line_start..offset]
            .chars()
            .rev()
            .take(SNIPPET_WIDTH / 3 + 1)
            .collect();
        if lead.len() > SNIPPET_WIDTH / 3 {
            text.push('…');
        }
        lead.iter()
            .take(SNIPPET_WIDTH / 3)
            .rev()
            .for_each(|&c| push_shown(&mut text, c));
        let spot_start = text.len();
        let room = SNIPPET_WIDTH - lead.len().min(SNIPPET_WIDTH / 3);
        let mut rest = source[offset..line_end].chars();
        let spot_end = (offset + len).min(line_end);
        let spot_chars = source
            .get(offset..spot_end)
            .unwrap_or_default()
            .chars()
            .count()
            .min(room);
        rest.by_ref()
            .take(spot_chars)
            .for_each(|c| push_shown(&mut text, c));
        let spot_end = text.len();
        rest.by_ref()
            .take(room - spot_chars)
            .for_each(|c| push_shown(&mut text, c));
        if rest.next().is_some() {
            text.push('…');
        }
        if line_end < source.len() {
            let after_end = source[line_end + 1..]
                .find('\n')
                .map_or(source.len(), |i| line_end + 1 + i);
            text.push('\n');
            push_line(&mut text, &source[line_end + 1..after_end]);
        }
        Window {
            name,
            text,
            offset: spot_start,
            len: spot_end - spot_start,
            first_line,
            line: line - 1,
            column: column - 1,
        }
    }
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        let line = inner.line() + self.first_line;
        // The report's `file:line:column` comes from the spot read without
        // context: give the file's column, counted in characters.
        let column = if line == self.line && span.offset() == self.offset {
            self.column
        } else {
            inner.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
    }
}

/// Appends a line around the spot, cut to `SNIPPET_WIDTH` characters.
fn push_line(out: &mut String, line: &str) {
    let mut chars = line.chars();
    chars
        .by_ref()
        .take(SNIPPET_WIDTH)
        .for_each(|c| push_shown(out, c));
    if chars.next().is_some() {
        out.push('…');
    }
}

/// Appends `c` as a snippet shows it: a tab as four spaces (as editors show
/// it, so the underline stays under the spot), other control characters as `�`.
fn push_shown(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("    "),
        c => out.push(shown(c)),
    }
}

/// A character as a message shows it: a tab as a space, other control characters as `�`.
fn shown(c: char) -> char {
    match c {
        '\t' => ' ',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    }
}

/// `text` with control characters replaced (newlines kept) and cut to `width` characters.
pub(crate) fn bounded(text: &str, width: usize) -> String {
    // Most texts are short and plain: no character to replace, none to cut.
    let plain = |c: char| c == '\n' || shown(c) == c;
    if text.len() <= width && text.chars().all(plain) {
        return text.to_owned();
    }
    let mut out: String = text
        .chars()
        .take(width)
        .map(|c| if c == '\n' { c } else { shown(c) })
        .collect();
    if text.chars().nth(width).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_shown_without_control_characters_and_cut_to_its_width() {
        assert_eq!(bounded("Göteborg\nLerum", 20), "Göteborg\nLerum");
        assert_eq!(bounded("a\tb\u{1b}[31mc", 20), "a b\u{FFFD}[31mc");
        assert_eq!(bounded("\u{85}x", 20), "\u{FFFD}x");
        // Cut by characters, not bytes: four characters fit, five do not.
        assert_eq!(bounded("åäöx", 4), "åäöx");
        assert_eq!(bounded("åäöxy", 4), "åäöx…");
    }
}
