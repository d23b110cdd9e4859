//! Finds the shortcode calls in a piece of Markdown: `{{ name(arg=value) }}`
//! and `{% name(arg=value) %} … {% end %}`, outside code spans and code
//! blocks. Offsets are bytes in the text scanned.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A value written in a call.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// `"…"` or `'…'`.
    Text(String),
    /// `12`, `-3`, `1.5`.
    Number(f64),
    /// `true`, `false`.
    Bool(bool),
}

/// One `name=value` of a call.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub name: String,
    pub value: Literal,
    /// Where `name=value` stands.
    pub span: Range<usize>,
    /// Where the value stands.
    pub value_span: Range<usize>,
}

/// A shortcode call.
#[derive(Debug, Clone, PartialEq)]
pub struct Call {
    pub name: String,
    pub args: Vec<Arg>,
    /// The whole call, from `{{` or `{%` to `}}` or the `%}` of `{% end %}`.
    pub span: Range<usize>,
    /// Where the name stands.
    pub name_span: Range<usize>,
    /// The text between `{% name(…) %}` and `{% end %}`, for a call with a body.
    pub body: Option<Range<usize>>,
    /// Alone on its lines: it stands as a block of its own, not inside a paragraph.
    pub alone: bool,
}

/// Why a call could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanError {
    /// The call stops before it is whole; `expected` is what was missing.
    Unfinished { expected: &'static str },
    /// Curly quotation marks (from a word processor) around a value.
    CurlyQuotes,
    /// A text value whose closing quotation mark is missing.
    UnclosedText,
    /// A value that is neither text, a number nor true/false.
    BadValue,
    /// `{% name(…) %}` without its `{% end %}`.
    NoEnd,
    /// `{% end %}` with no block open.
    StrayEnd,
    /// A block call that does not start its line, or text after `{% end %}`.
    BlockNotOnOwnLine,
    /// Blocks inside blocks deeper than `MAX_DEPTH`.
    TooDeep,
}

/// A problem at a place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub error: ScanError,
    pub span: Range<usize>,
}

/// How deeply blocks may hold blocks.
pub const MAX_DEPTH: usize = 8;

/// True if `text` may hold a call; most pages hold none and are not scanned.
pub fn may_hold_calls(text: &str) -> bool {
    text.contains("{{") || text.contains("{%")
}

/// The calls in `text`, in order, and the problems found; the bodies of
/// block calls are not looked into (they are scanned when rendered).
pub fn scan(text: &str) -> (Vec<Call>, Vec<Problem>) {
    let code = code_ranges(text);
    // The ranges are in the text's order and do not overlap.
    let in_code = |at: usize| {
        let after = code.partition_point(|r| r.start <= at);
        after > 0 && code[after - 1].contains(&at)
    };
    let mut calls = Vec::new();
    let mut problems = Vec::new();
    let mut at = 0;
    // Block openings that could not be read: their ends are not reported again.
    let mut unread_blocks = 0;
    while let Some(found) = next_opening(text, at) {
        at = found + 2;
        if in_code(found) {
            continue;
        }
        let block = text[found..].starts_with("{%");
        let mut cursor = Cursor::new(text, found + 2);
        cursor.skip_space();
        if block && cursor.keyword("end") {
            if unread_blocks > 0 {
                unread_blocks -= 1;
                continue;
            }
            problems.push(Problem {
                error: ScanError::StrayEnd,
                span: found..cursor.end_of_tag("%}").unwrap_or(cursor.at),
            });
            continue;
        }
        // Only `{{ name(` is a call; other braces are the writer's text.
        let Some(name_span) = cursor.name() else {
            continue;
        };
        cursor.skip_space();
        if !cursor.eat("(") {
            continue;
        }
        match call(&mut cursor, found, name_span, block) {
            Ok(mut call) => {
                if block {
                    match close_block(text, &code, &call) {
                        Ok((body, end)) => {
                            call.body = Some(body);
                            call.span.end = end;
                            at = end;
                        }
                        Err(problem) => {
                            problems.push(problem);
                            continue;
                        }
                    }
                }
                call.alone = alone(text, &call.span);
                if block && !call.alone {
                    problems.push(Problem {
                        error: ScanError::BlockNotOnOwnLine,
                        span: call.span.start..call.name_span.end,
                    });
                    continue;
                }
                at = call.span.end;
                calls.push(call);
            }
            Err(problem) => {
                unread_blocks += usize::from(block);
                problems.push(problem);
            }
        }
    }
    (calls, problems)
}

/// Where the next `{{` or `{%` at or after `from` starts.
pub(crate) fn next_opening(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    (from..bytes.len().saturating_sub(1))
        .find(|&i| bytes[i] == b'{' && matches!(bytes[i + 1], b'{' | b'%'))
}

/// Reads the rest of a call after `name(`.
fn call(
    cursor: &mut Cursor,
    start: usize,
    name_span: Range<usize>,
    block: bool,
) -> Result<Call, Problem> {
    let name = cursor.text[name_span.clone()].to_string();
    let mut args = Vec::new();
    loop {
        cursor.skip_space();
        if cursor.eat(")") {
            break;
        }
        if !args.is_empty() {
            if !cursor.eat(",") {
                return Err(cursor.unfinished("`,` / `)`"));
            }
            cursor.skip_space();
            if cursor.eat(")") {
                break;
            }
        }
        let arg_start = cursor.at;
        let Some(arg_name) = cursor.name() else {
            return Err(cursor.unfinished("`name=\"…\"`"));
        };
        cursor.skip_space();
        if !cursor.eat("=") {
            return Err(cursor.unfinished("`=`"));
        }
        cursor.skip_space();
        let value_start = cursor.at;
        let value = cursor.value()?;
        args.push(Arg {
            name: cursor.text[arg_name].to_string(),
            value,
            span: arg_start..cursor.at,
            value_span: value_start..cursor.at,
        });
    }
    cursor.skip_space();
    let (close, expected) = if block {
        ("%}", "`%}`")
    } else {
        ("}}", "`}}`")
    };
    if !cursor.eat(close) {
        return Err(cursor.unfinished(expected));
    }
    Ok(Call {
        name,
        args,
        span: start..cursor.at,
        name_span,
        body: None,
        alone: false,
    })
}

/// The body of a block call and where its `{% end %}` ends; blocks inside
/// it are counted, so their ends are not taken for its own.
fn close_block(
    text: &str,
    code: &[Range<usize>],
    call: &Call,
) -> Result<(Range<usize>, usize), Problem> {
    let mut depth = 1;
    let mut at = call.span.end;
    while let Some(found) = next_opening(text, at) {
        at = found + 2;
        if !text[found..].starts_with("{%") || code.iter().any(|r| r.contains(&found)) {
            continue;
        }
        let mut cursor = Cursor::new(text, found + 2);
        cursor.skip_space();
        if cursor.keyword("end") {
            let Some(end) = cursor.end_of_tag("%}") else {
                continue;
            };
            depth -= 1;
            if depth == 0 {
                if !alone(text, &(found..end)) {
                    return Err(Problem {
                        error: ScanError::BlockNotOnOwnLine,
                        span: found..end,
                    });
                }
                return Ok((call.span.end..found, end));
            }
        } else if cursor.name().is_some() && {
            cursor.skip_space();
            cursor.eat("(")
        } {
            depth += 1;
            if depth > MAX_DEPTH {
                return Err(Problem {
                    error: ScanError::TooDeep,
                    span: found..cursor.at,
                });
            }
        }
    }
    Err(Problem {
        error: ScanError::NoEnd,
        span: call.span.clone(),
    })
}

/// True if only spaces stand before `span` on its first line and after it on its last.
fn alone(text: &str, span: &Range<usize>) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i);
    text[line_start..span.start].trim().is_empty() && text[span.end..line_end].trim().is_empty()
}

/// Where code spans and code blocks stand in `text`: calls there are shown as written.
pub(crate) fn code_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut block_start = None;
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Code(_) => ranges.push(range),
            Event::Start(Tag::CodeBlock(_)) => block_start = Some(range.start),
            Event::End(TagEnd::CodeBlock) => {
                ranges.push(block_start.take().unwrap_or(range.start)..range.end);
            }
            _ => {}
        }
    }
    ranges
}

/// A reader over the text of a call.
struct Cursor<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Cursor<'a> {
    fn new(text: &'a str, at: usize) -> Self {
        Cursor { text, at }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn skip_space(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, what: &str) -> bool {
        let found = self.rest().starts_with(what);
        if found {
            self.at += what.len();
        }
        found
    }

    /// A name: a letter or `_`, then letters, digits and `_`.
    fn name(&mut self) -> Option<Range<usize>> {
        let rest = self.rest();
        let first = rest.chars().next()?;
        if !(first.is_alphabetic() || first == '_') {
            return None;
        }
        let len = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let span = self.at..self.at + len;
        self.at += len;
        Some(span)
    }

    /// `word` as a whole name.
    fn keyword(&mut self, word: &str) -> bool {
        let start = self.at;
        match self.name() {
            Some(span) if self.text[span.clone()] == *word => true,
            _ => {
                self.at = start;
                false
            }
        }
    }

    /// Where `close` ends, after spaces.
    fn end_of_tag(&mut self, close: &str) -> Option<usize> {
        self.skip_space();
        self.eat(close).then_some(self.at)
    }

    fn unfinished(&self, expected: &'static str) -> Problem {
        let len = self.rest().chars().next().map_or(0, char::len_utf8);
        Problem {
            error: ScanError::Unfinished { expected },
            span: self.at..self.at + len,
        }
    }

    fn value(&mut self) -> Result<Literal, Problem> {
        let start = self.at;
        let rest = self.rest();
        let first = rest.chars().next().unwrap_or(' ');
        let problem = |error, end| Problem {
            error,
            span: start..end,
        };
        match first {
            '"' | '\'' => {
                let mut value = String::new();
                let mut chars = rest.char_indices().skip(1);
                while let Some((i, c)) = chars.next() {
                    match c {
                        '\\' => match chars.next() {
                            Some((_, escaped)) => value.push(escaped),
                            None => break,
                        },
                        '\n' if rest[i + 1..].starts_with('\n') => break,
                        c if c == first => {
                            self.at += i + 1;
                            return Ok(Literal::Text(value));
                        }
                        c => value.push(c),
                    }
                }
                Err(problem(ScanError::UnclosedText, start + 1))
            }
            '“' | '”' | '‘' | '’' | '«' | '»' => {
                Err(problem(ScanError::CurlyQuotes, start + first.len_utf8()))
            }
            _ => {
                let len = rest
                    .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '+' | '_')))
                    .unwrap_or(rest.len());
                let word = &rest[..len];
                let value = match word {
                    "true" => Some(Literal::Bool(true)),
                    "false" => Some(Literal::Bool(false)),
                    _ => word
                        .parse::<f64>()
                        .ok()
                        .filter(|n| {
                            n.is_finite()
                                && word.starts_with(|c: char| c == '-' || c.is_ascii_digit())
                        })
                        .map(Literal::Number),
                };
                match value {
                    Some(value) => {
                        self.at += len;
                        Ok(value)
                    }
                    None => Err(problem(
                        ScanError::BadValue,
                        start + len.max(first.len_utf8()),
                    )),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_read_with_their_arguments_and_place() {
        let text =
            "Text {{ pdf(file=\"a.pdf\", n=-2, ny=true) }} här.\n\n{{ video(url='x\\'y') }}\n";
        let (calls, problems) = scan(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(calls.len(), 2);
        assert_eq!(calls[0].name, "pdf");
        assert!(!calls[0].alone);
        let values: Vec<&Literal> = calls[0].args.iter().map(|a| &a.value).collect();
        assert_eq!(
            values,
            [
                &Literal::Text("a.pdf".into()),
                &Literal::Number(-2.0),
                &Literal::Bool(true)
            ]
        );
        assert!(calls[1].alone);
        assert_eq!(calls[1].args[0].value, Literal::Text("x'y".into()));
    }

    #[test]
    fn a_block_ends_at_its_own_end_past_the_blocks_inside_it() {
        let text = "{% a() %}\n{% b() %}\ninre\n{% end %}\nyttre\n{% end %}\nefter {{ c() }}\n";
        let (calls, problems) = scan(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(calls.len(), 2, "b is inside a, and read with it");
        let body = calls[0].body.clone().unwrap();
        assert_eq!(&text[body], "\n{% b() %}\ninre\n{% end %}\nyttre\n");
        assert_eq!(calls[1].name, "c");
    }

    #[test]
    fn braces_that_are_no_call_are_the_writers_text() {
        let (calls, problems) = scan("Mängden {{ a, b }} och {%-tal} och {{ x }}.");
        assert!(calls.is_empty() && problems.is_empty());
    }

    #[test]
    fn an_end_without_a_block_and_an_unfinished_text_are_problems() {
        let (_, problems) = scan("{% end %}\n\n{{ a(b=\"ej slut) }}\n");
        let errors: Vec<&ScanError> = problems.iter().map(|p| &p.error).collect();
        assert_eq!(errors, [&ScanError::StrayEnd, &ScanError::UnclosedText]);
    }
}
