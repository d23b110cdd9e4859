//! A YAML parser's complaint in plain words, with the line as it should be.
//!
//! In: the parser's error and the YAML text it read. Out: a message and a
//! hint in this run's language, and the line and column (in characters) of
//! the mistake, which is not always where the parser stopped: a list that
//! is never closed is reported on the line that opens it. The parser's own
//! words are not used here; callers keep them for `--format json`.

use super::YamlError;

/// A YAML mistake: what is wrong, how to fix it, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// What is wrong, in plain words.
    pub message: String,
    /// How to fix it, with the corrected line where there is one.
    pub hint: String,
    /// 1-based line in the YAML text.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// Explains `error`, which the parser reported for `yaml`, whose first
/// line is line `first_line` of its file: the explanation's line, and the
/// lines its message names, are the file's.
pub fn explain(error: &YamlError, yaml: &str, first_line: usize) -> Explanation {
    let lines: Vec<&str> = yaml.lines().collect();
    let reported = error.line.unwrap_or(1).clamp(1, lines.len().max(1));
    let at = Spot {
        lines: &lines,
        line: reported,
        column: error.column.unwrap_or(1),
        first_line,
    };
    let message = error.message.as_str();
    let mut explained = structural(message, &at)
        .or_else(|| typed(message, &at))
        .unwrap_or_else(|| at.explained(t!("yaml-unreadable"), t!("yaml-unreadable-hint")));
    explained.line = at.in_file(explained.line);
    explained
}

/// The YAML's lines and where the parser stopped in them.
struct Spot<'a> {
    lines: &'a [&'a str],
    line: usize,
    column: usize,
    first_line: usize,
}

impl Spot<'_> {
    /// Line `line` of the YAML as a line of its file.
    fn in_file(&self, line: usize) -> usize {
        self.first_line + line - 1
    }

    fn text(&self, line: usize) -> &str {
        self.lines.get(line.wrapping_sub(1)).copied().unwrap_or("")
    }

    fn explained(&self, message: String, hint: String) -> Explanation {
        Explanation {
            message,
            hint,
            line: self.line,
            column: self.column,
        }
    }

    /// The nearest line at or above the parser's whose text `wanted` accepts.
    fn find_up(&self, wanted: impl Fn(&str) -> bool) -> Option<usize> {
        (1..=self.line.min(self.lines.len()))
            .rev()
            .find(|&n| wanted(self.text(n)))
    }
}

/// Mistakes in the shape of the text: tabs, brackets and quotes never
/// closed, colons, indentation, nesting.
fn structural(message: &str, at: &Spot<'_>) -> Option<Explanation> {
    if message.contains("recursion limit") || message.contains("repetition limit") {
        return Some(at.explained(t!("yaml-too-deep"), t!("yaml-too-deep-hint")));
    }
    if message.contains("control characters") {
        return Some(at.explained(
            t!("yaml-control-character"),
            t!("yaml-control-character-hint"),
        ));
    }
    if message.contains("cannot start any token") || message.contains("tab") {
        return Some(tab_or_bad_start(at));
    }
    for (open, close) in [('[', ']'), ('{', '}')] {
        if message.contains(&format!("expected ',' or '{close}'")) {
            return unclosed_bracket(at, open, close);
        }
    }
    if message.contains("quoted scalar") {
        return unclosed_quote(at);
    }
    if message.contains("mapping values are not allowed") {
        return Some(colon_or_indent(at));
    }
    if message.contains("could not find expected ':'") {
        return missing_colon(at);
    }
    None
}

fn tab_or_bad_start(at: &Spot<'_>) -> Explanation {
    let indented_with_tab = |line: &str| {
        line.chars()
            .take_while(|c| c.is_whitespace())
            .any(|c| c == '\t')
    };
    let tabbed = if indented_with_tab(at.text(at.line)) {
        Some(at.line)
    } else {
        (1..=at.lines.len()).find(|&n| indented_with_tab(at.text(n)))
    };
    if let Some(line) = tabbed {
        let text = at.text(line);
        let indent: String = text
            .chars()
            .take_while(|c| c.is_whitespace())
            .map(|c| {
                if c == '\t' {
                    "  ".to_string()
                } else {
                    c.to_string()
                }
            })
            .collect();
        let fixed = format!("{indent}{}", text.trim_start());
        let column = text.chars().position(|c| c == '\t').unwrap_or(0) + 1;
        return Explanation {
            message: t!("yaml-tab"),
            hint: t!("yaml-tab-hint", fixed = fixed.trim_end()),
            line,
            column,
        };
    }
    let text = at.text(at.line);
    let character = text.chars().nth(at.column.saturating_sub(1)).unwrap_or(' ');
    at.explained(
        t!("yaml-bad-start", character = character.to_string()),
        t!("yaml-quote-hint", fixed = quoted_value(text)),
    )
}

fn unclosed_bracket(at: &Spot<'_>, open: char, close: char) -> Option<Explanation> {
    let count = |line: &str, c: char| line.chars().filter(|&x| x == c).count();
    let line = at.find_up(|text| count(text, open) > count(text, close))?;
    let text = at.text(line);
    let column = text.chars().position(|c| c == open).unwrap_or(0) + 1;
    let fixed = format!("{}{close}", text.trim_end());
    let (message, hint) = if open == '[' {
        (
            t!("yaml-list-not-closed", line = at.in_file(line)),
            t!("yaml-list-not-closed-hint", fixed = fixed),
        )
    } else {
        (
            t!("yaml-map-not-closed", line = at.in_file(line)),
            t!("yaml-map-not-closed-hint", fixed = fixed),
        )
    };
    Some(Explanation {
        message,
        hint,
        line,
        column,
    })
}

fn unclosed_quote(at: &Spot<'_>) -> Option<Explanation> {
    let odd = |line: &str, q: char| line.chars().filter(|&c| c == q).count() % 2 == 1;
    let (line, quote) = ['"', '\'']
        .into_iter()
        .find_map(|q| at.find_up(|text| odd(text, q)).map(|line| (line, q)))?;
    let text = at.text(line);
    let column = text.chars().position(|c| c == quote).unwrap_or(0) + 1;
    let fixed = format!("{}{quote}", text.trim_end());
    Some(Explanation {
        message: t!("yaml-quote-not-closed", line = at.in_file(line)),
        hint: t!("yaml-quote-not-closed-hint", fixed = fixed),
        line,
        column,
    })
}

/// A `: ` inside a value, or a key indented under one that has a value.
fn colon_or_indent(at: &Spot<'_>) -> Explanation {
    let text = at.text(at.line);
    let indent = text.len() - text.trim_start().len();
    let above = (1..at.line)
        .rev()
        .map(|n| at.text(n))
        .find(|line| !line.trim().is_empty());
    let above_has_value = above.is_some_and(|line| {
        let line = line.trim_end();
        !line.ends_with(':') && !line.trim_start().starts_with('-')
    });
    if indent > 0 && above_has_value {
        return Explanation {
            message: t!("yaml-indented"),
            hint: t!("yaml-indented-hint", fixed = text.trim()),
            line: at.line,
            column: 1,
        };
    }
    let key = text
        .trim_start()
        .split(':')
        .next()
        .unwrap_or_default()
        .trim();
    let value_column = text
        .find(": ")
        .map_or(at.column, |i| text[..i + 2].chars().count() + 1);
    Explanation {
        message: t!("yaml-colon-in-value", key = key),
        hint: t!("yaml-colon-in-value-hint", fixed = quoted_value(text)),
        line: at.line,
        column: value_column,
    }
}

fn missing_colon(at: &Spot<'_>) -> Option<Explanation> {
    let line = at.find_up(|text| {
        let text = text.trim();
        !text.is_empty() && !text.contains(':') && !text.starts_with(['-', '#'])
    })?;
    let text = at.text(line).trim_end();
    let indent = &text[..text.len() - text.trim_start().len()];
    let fixed = match text.trim_start().split_once(' ') {
        Some((key, value)) => format!("{indent}{key}: {}", value.trim_start()),
        None => format!("{text}:"),
    };
    Some(Explanation {
        message: t!("yaml-missing-colon"),
        hint: t!("yaml-missing-colon-hint", fixed = fixed),
        line,
        column: indent.chars().count() + 1,
    })
}

/// Mistakes in what a key holds: a list where text belongs, a word where a
/// number does, a key twice, a key that is not known, one that is missing.
fn typed(message: &str, at: &Spot<'_>) -> Option<Explanation> {
    let quoted_name = || {
        message
            .split('`')
            .nth(1)
            .map(str::to_string)
            .unwrap_or_default()
    };
    if message.contains("duplicate field") || message.contains("duplicate entry") {
        let key = quoted_name();
        return Some(at.explained(
            t!("yaml-duplicate-key", key = &key),
            t!("yaml-duplicate-key-hint", key = &key),
        ));
    }
    if message.contains("unknown field") {
        let key = quoted_name();
        let known = message
            .split_once("expected ")
            .map(|(_, rest)| rest.trim_start_matches("one of ").to_string())
            .unwrap_or_default();
        return Some(at.explained(
            t!("yaml-unknown-key", key = &key),
            t!("yaml-unknown-key-hint", keys = known),
        ));
    }
    if message.contains("missing field") {
        let key = quoted_name();
        if key == "alt" {
            return Some(at.explained(t!("yaml-missing-alt"), t!("yaml-missing-alt-hint")));
        }
        return Some(at.explained(
            t!("yaml-missing-key", key = &key),
            t!("yaml-missing-key-hint", key = &key),
        ));
    }
    let (path, rest) = message
        .split_once("invalid type: ")
        .or_else(|| message.split_once("invalid value: "))?;
    let expected = rest.split_once("expected ").map_or("", |(_, e)| e);
    let key = match path.trim().trim_end_matches(':').trim() {
        "" => key_of(at.text(at.line)),
        path => path.to_string(),
    };
    let explained = if expected.contains("RawFrontMatter") {
        at.explained(t!("yaml-not-key-value"), t!("yaml-not-key-value-hint"))
    } else if expected.contains("a string") {
        at.explained(
            t!("yaml-want-text", key = &key),
            t!("yaml-want-text-hint", key = &key),
        )
    } else if expected.contains("a sequence") {
        at.explained(
            t!("yaml-want-list", key = &key),
            t!("yaml-want-list-hint", key = &key),
        )
    } else if expected.contains("a boolean") {
        at.explained(
            t!("yaml-want-bool", key = &key),
            t!("yaml-want-bool-hint", key = &key),
        )
    } else if ["i64", "u64", "i32", "u32", "usize", "u16", "u8", "integer"]
        .iter()
        .any(|n| expected.contains(n))
    {
        at.explained(
            t!("yaml-want-number", key = &key),
            t!("yaml-want-number-hint", key = &key),
        )
    } else {
        at.explained(
            t!("yaml-want-fields", key = &key),
            t!("yaml-want-fields-hint", key = &key),
        )
    };
    Some(explained)
}

/// The key of a `key: value` line, or nothing.
fn key_of(line: &str) -> String {
    line.trim_start()
        .trim_start_matches("- ")
        .split_once(':')
        .map(|(key, _)| key.trim().to_string())
        .unwrap_or_default()
}

/// `key: value` with the value in double quotes (its own `"` and `\`
/// escaped), indentation and a list's `- ` kept.
fn quoted_value(line: &str) -> String {
    let line = line.trim_end();
    match line.split_once(": ") {
        Some((key, value)) => {
            let value = value.trim().replace('\\', "\\\\").replace('"', "\\\"");
            format!("{key}: \"{value}\"")
        }
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::from_str;

    fn explained(yaml: &str) -> Explanation {
        let error = from_str::<serde_yaml::Value>(yaml).unwrap_err();
        explain(&error, yaml, 1)
    }

    #[test]
    fn a_list_never_closed_is_shown_where_it_opens_with_the_closed_line() {
        let found = explained("title: Klammer\ntopics: [Skola, Vård\n");
        assert_eq!((found.line, found.column), (2, 9));
        assert!(
            found.hint.contains("topics: [Skola, Vård]"),
            "{}",
            found.hint
        );
    }

    #[test]
    fn a_colon_in_a_title_gets_the_quoted_title() {
        let found = explained("title: Möte: del 2: fortsättning\n");
        assert_eq!((found.line, found.column), (1, 8));
        assert!(
            found.hint.contains(r#"title: "Möte: del 2: fortsättning""#),
            "{}",
            found.hint
        );
    }

    #[test]
    fn a_tab_in_the_indentation_gets_the_line_with_spaces() {
        let found = explained("title: Tabb\nspeakers:\n\t- name: Åsa\n");
        assert_eq!((found.line, found.column), (3, 1));
        assert!(found.hint.contains("`  - name: Åsa`"), "{}", found.hint);
    }

    #[test]
    fn a_quote_never_closed_is_shown_where_it_opens() {
        let found = explained("title: \"Öppet möte\nsummary: Text\n");
        assert_eq!(found.line, 1);
        assert!(
            found.hint.contains("title: \"Öppet möte\"`"),
            "{}",
            found.hint
        );
    }

    #[test]
    fn an_indented_key_gets_the_line_without_indentation() {
        let found = explained("title: Indrag\n  date: 2024-03-01\n");
        assert_eq!(found.line, 2);
        assert!(found.hint.contains("`date: 2024-03-01`"), "{}", found.hint);
    }
}
