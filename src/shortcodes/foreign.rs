//! Template code written for another generator and left in a page's
//! Markdown: Hugo's `{{< name >}}` and `{{% name %}}`, Liquid's `{% tag %}`
//! and `{{ site.x }}`. arkiv runs none of it, so it would be published as
//! text; the build warns where it stands, and `arkiv import` converts it.
//! Calls of arkiv's own shortcodes (`{{ name(…) }}`, `{% name(…) %}`,
//! `{% end %}`) are not foreign, and nothing inside code is.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::scan::{code_ranges, may_hold_calls, next_opening};

/// Which generator's syntax a leftover is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Foreign {
    /// A Hugo shortcode: `{{< name … >}}` or `{{% name … %}}`, or its closing `{{< /name >}}`.
    Hugo,
    /// A Liquid tag (Jekyll): `{% link x.md %}`, `{% highlight ruby %}`.
    LiquidTag,
    /// A Liquid value (Jekyll): `{{ site.baseurl }}`, `{{ page.title }}`.
    LiquidValue,
}

/// One piece of foreign template code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    pub kind: Foreign,
    /// From its opening braces to its closing ones (or the end of its line).
    pub span: Range<usize>,
    /// The shortcode's or tag's name (`ref`, `highlight`), or the value's
    /// first word (`site.baseurl`); a closing tag's name starts with `/`.
    pub name: String,
    /// What stands between the name and the closing braces, trimmed.
    pub args: String,
}

/// The objects a Liquid value in a Jekyll page reads from.
const LIQUID_OBJECTS: [&str; 6] = ["site", "page", "include", "layout", "jekyll", "paginator"];

/// How far a tag may reach for its closing braces before it is taken to end
/// at its line.
const LONGEST_TAG: usize = 2000;

/// Every piece of foreign template code in `text`, in order; with
/// `in_code`, also those inside code spans and blocks (Liquid runs there too).
pub fn find(text: &str, in_code: bool) -> Vec<Leftover> {
    if !may_hold_calls(text) {
        return Vec::new();
    }
    let code = if in_code {
        Vec::new()
    } else {
        code_ranges(text)
    };
    let is_code = |at: usize| {
        let after = code.partition_point(|r| r.start <= at);
        after > 0 && code[after - 1].contains(&at)
    };
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(start) = next_opening(text, at) {
        at = start + 2;
        if is_code(start) {
            continue;
        }
        if let Some(leftover) = read(text, start) {
            at = leftover.span.end;
            found.push(leftover);
        }
    }
    found
}

/// The foreign code that opens at `start` (a `{{` or `{%`), if it is some.
fn read(text: &str, start: usize) -> Option<Leftover> {
    let rest = &text[start..];
    let (kind, inner_start, close) = if rest.starts_with("{{<") {
        (Foreign::Hugo, 3, ">}}")
    } else if rest.starts_with("{{%") {
        (Foreign::Hugo, 3, "%}}")
    } else if rest.starts_with("{%") {
        (Foreign::LiquidTag, 2, "%}")
    } else {
        (Foreign::LiquidValue, 2, "}}")
    };
    let inner = rest[inner_start..].trim_start_matches('-').trim_start();
    let word_end = inner
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '/')))
        .unwrap_or(inner.len());
    let word = inner[..word_end].trim_end_matches(['-', '.']);
    let after = inner[word.len()..].trim_start();
    match kind {
        Foreign::Hugo if word.trim_start_matches('/').is_empty() => return None,
        Foreign::Hugo => {}
        Foreign::LiquidTag => {
            let is_name = word.chars().all(|c| c.is_alphanumeric() || c == '_');
            // arkiv's own: `{% name(…) %}` and `{% end %}`.
            if word.is_empty() || !is_name || after.starts_with('(') || word == "end" {
                return None;
            }
        }
        Foreign::LiquidValue => {
            let object = word.split('.').next().unwrap_or_default();
            if !LIQUID_OBJECTS.contains(&object) || after.starts_with('(') {
                return None;
            }
        }
    }
    let name = word.to_string();
    let body_start = start + (rest.len() - after.len());
    let window_end = floor_boundary(text, (body_start + LONGEST_TAG).min(text.len()));
    let window = &text[body_start..window_end];
    let (args_end, end) = match window.find(close) {
        Some(at) => (body_start + at, body_start + at + close.len()),
        None => {
            let line_end = window.find('\n').unwrap_or(window.len());
            (body_start + line_end, body_start + line_end)
        }
    };
    let args = text[body_start..args_end]
        .trim()
        .trim_end_matches('-')
        .trim_end()
        .to_string();
    Some(Leftover {
        kind,
        span: start..end,
        name,
        args,
    })
}

/// The largest char boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(Foreign, String, String)> {
        find(text, false)
            .into_iter()
            .map(|l| (l.kind, l.name, text[l.span].to_string()))
            .collect()
    }

    #[test]
    fn hugo_and_liquid_are_found_with_their_extent() {
        let text = "Se [x]({{< ref \"build.md\" >}}) och {{% notice note %}}\nText\n{{% /notice %}}\n\
                    {% link _docs/x.md %} på {{ site.baseurl }}/docs/ och {{- page.title -}}.";
        assert_eq!(
            names(text),
            vec![
                (
                    Foreign::Hugo,
                    "ref".into(),
                    "{{< ref \"build.md\" >}}".into()
                ),
                (Foreign::Hugo, "notice".into(), "{{% notice note %}}".into()),
                (Foreign::Hugo, "/notice".into(), "{{% /notice %}}".into()),
                (
                    Foreign::LiquidTag,
                    "link".into(),
                    "{% link _docs/x.md %}".into()
                ),
                (
                    Foreign::LiquidValue,
                    "site.baseurl".into(),
                    "{{ site.baseurl }}".into()
                ),
                (
                    Foreign::LiquidValue,
                    "page.title".into(),
                    "{{- page.title -}}".into()
                ),
            ]
        );
        let args: Vec<String> = find(text, false).into_iter().map(|l| l.args).collect();
        assert_eq!(args[0], "\"build.md\"");
        assert_eq!(args[3], "_docs/x.md");
    }

    #[test]
    fn arkiv_calls_code_and_plain_braces_are_not_foreign() {
        let text = "{{ video(url=\"https://youtu.be/x\") }}\n\n{% faktaruta(title=\"A\") %}\nB\n{% end %}\n\n\
                    `{{< ref x >}}` and\n\n```\n{% highlight ruby %}\n```\n\n{{ okänd }} {{ title }} {% %}";
        assert!(names(text).is_empty(), "{:?}", names(text));
        assert_eq!(find(text, true).len(), 2);
    }

    #[test]
    fn an_unclosed_tag_ends_at_its_line() {
        let found = find("{% include note.html\nnext line", false);
        assert_eq!(found[0].span, 0..20);
        let long = format!("{{{{< ref {}", "─".repeat(1000));
        // No closing braces and no line end near: it ends where the search
        // for them stopped, on a character's boundary.
        let end = find(&long, false)[0].span.end;
        assert!(end < long.len() && long.is_char_boundary(end));
    }
}
