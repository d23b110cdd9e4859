//! A page's Markdown from another generator, with its template code
//! converted: links and references become links to `.md` files, code
//! highlighting becomes fenced code, figures and videos become Markdown
//! pictures and arkiv shortcodes; the rest is escaped as code, so it shows
//! as text, and is listed.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::Generator;
use crate::shortcodes::foreign::{self, Foreign, Leftover};
use crate::shortcodes::scan;

/// A reference to another page, as the old generator wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ref<'a> {
    /// Hugo's `ref`/`relref` argument, or Zola's `@/path.md`.
    Path(&'a str),
    /// Jekyll's `{% link _docs/x.md %}`.
    Link(&'a str),
    /// Jekyll's `{% post_url 2016-04-19-name %}`.
    Post(&'a str),
}

/// What a page's body became.
#[derive(Debug, Default)]
pub struct Converted {
    pub text: String,
    /// Template code converted: its line in the body and its name.
    pub converted: Vec<(usize, String)>,
    /// Template code left as text: its line and its name.
    pub unconverted: Vec<(usize, String)>,
}

/// How a body is converted: by which generator's rules, how references
/// resolve (to the `@/` link of the page they name), and which shortcodes
/// the site has.
pub struct Rules<'a> {
    pub generator: Generator,
    pub resolve: &'a dyn Fn(Ref) -> Option<String>,
    pub shortcodes: &'a [String],
    /// Jekyll: the configuration's values (`site.repository` → its text).
    pub values: &'a std::collections::BTreeMap<String, String>,
}

/// Edits of a text, applied at once.
struct Edits<'t> {
    text: &'t str,
    code: Vec<Range<usize>>,
    /// HTML blocks, where a code span is not one.
    html: Vec<Range<usize>>,
    edits: Vec<(Range<usize>, String)>,
    out: Converted,
}

impl<'t> Edits<'t> {
    fn new(text: &'t str) -> Self {
        Edits {
            text,
            code: scan::code_ranges(text),
            html: html_ranges(text),
            edits: Vec::new(),
            out: Converted::default(),
        }
    }

    fn line(&self, at: usize) -> usize {
        self.text[..at].matches('\n').count() + 1
    }

    fn in_code(&self, at: usize) -> bool {
        self.code.iter().any(|r| r.contains(&at))
    }

    fn converted(&mut self, span: Range<usize>, with: String, name: &str) {
        let line = self.line(span.start);
        self.out.converted.push((line, name.to_string()));
        self.edits.push((span, with));
    }

    /// Left as text and listed: inside code as it is; in a paragraph as a
    /// code span when on one line; elsewhere (an HTML block, a tag over
    /// lines, where a `>` line would start a quote) with its first brace
    /// as a character reference, which shows as the brace.
    fn unconverted(&mut self, span: Range<usize>, name: &str) {
        let line = self.line(span.start);
        self.out.unconverted.push((line, name.to_string()));
        self.escape(span);
    }

    /// Shows `span` as the text it is (see `unconverted`).
    fn escape(&mut self, span: Range<usize>) {
        if self.in_code(span.start) {
            return;
        }
        let written = &self.text[span.clone()];
        let in_html = self.html.iter().any(|r| r.contains(&span.start));
        let before = self.text[..span.start].trim_end_matches(' ');
        let in_address = before.ends_with(['(', '<']) || before.ends_with("]:");
        let escaped = if in_html || in_address || written.contains('\n') {
            let braces = written.len() - written.trim_start_matches('{').len();
            format!("{}{}", "&#123;".repeat(braces), &written[braces..])
        } else {
            code_span(written)
        };
        self.edits.push((span, escaped));
    }

    fn finish(mut self) -> Converted {
        self.edits.sort_by_key(|(span, _)| span.start);
        let mut text = String::with_capacity(self.text.len());
        let mut copied = 0;
        for (span, with) in &self.edits {
            if span.start < copied {
                continue;
            }
            text.push_str(&self.text[copied..span.start]);
            text.push_str(with);
            copied = span.end;
        }
        text.push_str(&self.text[copied..]);
        self.out.text = text;
        self.out.converted.sort();
        self.out.unconverted.sort();
        self.out
    }
}

/// Where the HTML blocks of `text` stand.
fn html_ranges(text: &str) -> Vec<Range<usize>> {
    let parser = Parser::new_ext(text, Options::empty()).into_offset_iter();
    parser
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::HtmlBlock) => Some(range),
            _ => None,
        })
        .collect()
}

/// `text` as an inline code span, with enough backticks around it.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let ticks = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{ticks}{pad}{text}{pad}{ticks}")
}

/// `body` with its template code converted by `rules`.
pub fn convert(body: &str, rules: &Rules) -> Converted {
    let text = match rules.generator {
        Generator::Hugo => unescape_hugo(body),
        _ => body.to_string(),
    };
    let mut edits = Edits::new(&text);
    match rules.generator {
        Generator::Hugo => hugo(&mut edits, rules),
        Generator::Jekyll => jekyll(&mut edits, rules),
        Generator::Zola => zola(&mut edits, rules),
    }
    let converted = edits.finish();
    Converted {
        text: converted.text,
        ..converted
    }
}

/// Hugo's way to show a shortcode as text, `{{</* name */>}}`, as the
/// text it shows.
fn unescape_hugo(body: &str) -> String {
    body.replace("{{</*", "{{<")
        .replace("*/>}}", ">}}")
        .replace("{{%/*", "{{%")
        .replace("*/%}}", "%}}")
}

/// The first argument, unquoted (`"build.md"` → `build.md`).
fn first_arg(args: &str) -> &str {
    let args = args.trim();
    match args.chars().next() {
        Some(q @ ('"' | '\'' | '`')) => args[1..].split(q).next().unwrap_or_default(),
        _ => args.split_whitespace().next().unwrap_or_default(),
    }
}

/// `key="value"` pairs of a shortcode's arguments.
fn named_arg<'a>(args: &'a str, key: &str) -> Option<&'a str> {
    let mut rest = args;
    while let Some(at) = rest.find(key) {
        let before_ok = at == 0 || rest[..at].ends_with(|c: char| c.is_whitespace());
        let after = rest[at + key.len()..].trim_start();
        if before_ok && let Some(value) = after.strip_prefix('=') {
            let value = value.trim_start();
            return Some(match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or_default(),
                _ => value.split_whitespace().next().unwrap_or_default(),
            });
        }
        rest = &rest[at + key.len()..];
    }
    None
}

/// Where the closing tag named `end` of the opening at `from` is, among `found`.
fn closing(found: &[Leftover], from: usize, end: &str) -> Option<usize> {
    found[from + 1..]
        .iter()
        .position(|l| l.name == end)
        .map(|at| from + 1 + at)
}

/// The highlighting block opened by `found[at]` and closed by the tag
/// `end` as fenced code; where to go on after it (`None` when unclosed).
fn fence(edits: &mut Edits, found: &[Leftover], at: usize, end: &str) -> Option<usize> {
    let open = &found[at];
    let Some(close) = closing(found, at, end) else {
        edits.unconverted(open.span.clone(), "highlight");
        return None;
    };
    let fence = fence_open(edits.text, open.span.start, first_arg(&open.args));
    edits.converted(open.span.clone(), fence, "highlight");
    edits.converted(found[close].span.clone(), "```".into(), "highlight");
    Some(close + 1)
}

/// A fenced code block's opening for `lang`, on a line of its own.
fn fence_open(text: &str, at: usize, lang: &str) -> String {
    let starts_line = at == 0 || text[..at].ends_with('\n');
    let lang = lang.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '+');
    format!("{}```{lang}", if starts_line { "" } else { "\n" })
}

fn hugo(edits: &mut Edits, rules: &Rules) {
    let found = foreign::find(edits.text, true);
    let mut skip_to = 0;
    for (i, leftover) in found.iter().enumerate() {
        if i < skip_to || leftover.kind != Foreign::Hugo {
            continue;
        }
        let span = leftover.span.clone();
        match leftover.name.as_str() {
            "ref" | "relref" => {
                let target = first_arg(&leftover.args);
                match (rules.resolve)(Ref::Path(target)) {
                    Some(link) => edits.converted(span, link, &leftover.name),
                    None => edits.unconverted(span, &leftover.name),
                }
            }
            "highlight" => skip_to = fence(edits, &found, i, "/highlight").unwrap_or(skip_to),
            "figure" => match named_arg(&leftover.args, "src") {
                Some(src) => {
                    let caption = named_arg(&leftover.args, "caption")
                        .or_else(|| named_arg(&leftover.args, "title"));
                    let alt = named_arg(&leftover.args, "alt").or(caption).unwrap_or("");
                    let title = caption.map(|c| format!(" \"{}\"", c.replace('"', "'")));
                    let picture = format!("![{alt}]({src}{})", title.unwrap_or_default());
                    edits.converted(span, picture, "figure");
                }
                None => edits.unconverted(span, "figure"),
            },
            "youtube" | "vimeo" => {
                let id =
                    named_arg(&leftover.args, "id").unwrap_or_else(|| first_arg(&leftover.args));
                let has_video = rules.shortcodes.iter().any(|s| s == "video");
                if id.is_empty() || !has_video {
                    edits.unconverted(span, &leftover.name);
                    continue;
                }
                let url = if leftover.name == "youtube" {
                    format!("https://www.youtube.com/watch?v={id}")
                } else {
                    format!("https://vimeo.com/{id}")
                };
                let title = named_arg(&leftover.args, "title").unwrap_or("Video");
                let call = format!(
                    "{{{{ video(url=\"{url}\", title=\"{}\") }}}}",
                    title.replace('"', "'")
                );
                edits.converted(span, call, &leftover.name);
            }
            name => edits.unconverted(span, name),
        }
    }
}

fn jekyll(edits: &mut Edits, rules: &Rules) {
    let found = foreign::find(edits.text, true);
    let mut skip_to = 0;
    for (i, leftover) in found.iter().enumerate() {
        if i < skip_to {
            continue;
        }
        let span = leftover.span.clone();
        let name = leftover.name.as_str();
        if leftover.kind == Foreign::LiquidValue {
            if matches!(name, "site.baseurl" | "site.url" | "site.github.url") {
                edits.converted(span, String::new(), name);
            } else if let Some(value) = rules.values.get(name).filter(|_| leftover.args.is_empty())
            {
                // A value of the configuration, without filters: its text.
                edits.converted(span, value.clone(), name);
            } else {
                edits.unconverted(span, name);
            }
            continue;
        }
        if leftover.kind != Foreign::LiquidTag {
            continue;
        }
        match name {
            // What stands between is shown as written.
            "raw" => {
                let end = closing(&found, i, "endraw");
                edits.converted(span, String::new(), "raw");
                if let Some(end) = end {
                    edits.converted(found[end].span.clone(), String::new(), "raw");
                    // Shown as written, as Liquid showed it: not run, not warned of.
                    for inner in &found[i + 1..end] {
                        edits.escape(inner.span.clone());
                    }
                    skip_to = end + 1;
                }
            }
            "comment" => match closing(&found, i, "endcomment") {
                Some(end) => {
                    edits.converted(span.start..found[end].span.end, String::new(), "comment");
                    skip_to = end + 1;
                }
                None => edits.unconverted(span, "comment"),
            },
            "link" | "post_url" => {
                let target = first_arg(&leftover.args);
                let reference = if name == "link" {
                    Ref::Link(target)
                } else {
                    Ref::Post(target)
                };
                match (rules.resolve)(reference) {
                    Some(link) => edits.converted(span, link, name),
                    None => edits.unconverted(span, name),
                }
            }
            "highlight" => skip_to = fence(edits, &found, i, "endhighlight").unwrap_or(skip_to),
            _ => edits.unconverted(span, name),
        }
    }
}

/// Zola's shortcodes are written as arkiv's: a call of a shortcode the site
/// has stays, any other is escaped (with its `{% end %}`).
fn zola(edits: &mut Edits, rules: &Rules) {
    let (calls, _) = scan::scan(edits.text);
    for call in calls {
        if rules.shortcodes.contains(&call.name) {
            continue;
        }
        match call.body.clone() {
            Some(body) => {
                let open = trimmed(edits.text, call.span.start..body.start);
                edits.unconverted(open, &call.name);
                let end = trimmed(edits.text, body.end..call.span.end);
                edits.escape(end);
            }
            None => edits.unconverted(call.span.clone(), &call.name),
        }
    }
}

/// `span` of `text` without the white space at its ends.
fn trimmed(text: &str, span: Range<usize>) -> Range<usize> {
    let inner = &text[span.clone()];
    let start = span.start + (inner.len() - inner.trim_start().len());
    start..start + inner.trim().len()
}

/// `text` with each link's address that `rewrite` knows replaced; how many were.
pub fn rewrite_links(text: &str, rewrite: impl Fn(&str) -> Option<String>) -> (String, usize) {
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES);
    for (_, def) in parser.reference_definitions().iter() {
        if let Some(new) = rewrite(&def.dest) {
            let span = def.span.clone();
            if let Some(at) = text[span.clone()].rfind(def.dest.as_ref()) {
                let start = span.start + at;
                edits.push((start..start + def.dest.len(), new));
            }
        }
    }
    for (event, range) in parser.into_offset_iter() {
        let Event::Start(Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let Some(new) = rewrite(&dest_url) else {
            continue;
        };
        let written = &text[range.clone()];
        let needle = format!("]({dest_url}");
        if let Some(at) = written.rfind(&needle) {
            let start = range.start + at + 2;
            edits.push((start..start + dest_url.len(), new));
        }
    }
    edits.sort_by_key(|(span, _)| span.start);
    edits.dedup_by_key(|(span, _)| span.start);
    let count = edits.len();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (span, with) in edits {
        if span.start < copied {
            continue;
        }
        out.push_str(&text[copied..span.start]);
        out.push_str(&with);
        copied = span.end;
    }
    out.push_str(&text[copied..]);
    (out, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(reference: Ref) -> Option<String> {
        match reference {
            Ref::Path("build.md" | "/configuration/build") => {
                Some("@/configuration/build.md".into())
            }
            Ref::Link("_docs/x.md") => Some("@/docs/x.md".into()),
            Ref::Post("2016-04-19-big") => Some("@/nyheter/2016-04-19-big.md".into()),
            _ => None,
        }
    }

    fn run(generator: Generator, text: &str) -> Converted {
        let shortcodes = vec!["video".to_string(), "figure".to_string()];
        let values = std::collections::BTreeMap::from([(
            "site.repository".to_string(),
            "https://github.com/jekyll/jekyll".to_string(),
        )]);
        convert(
            text,
            &Rules {
                generator,
                resolve: &resolve,
                shortcodes: &shortcodes,
                values: &values,
            },
        )
    }

    #[test]
    fn hugo_refs_highlights_figures_and_videos_are_converted() {
        let out = run(
            Generator::Hugo,
            "See [b]({{< ref \"build.md\" >}}).\n\n{{< highlight go \"linenos=table\" >}}\nx := \"a\"\n{{< /highlight >}}\n\n\
             {{< figure src=\"a.png\" alt=\"A map\" caption=\"Karta\" >}}\n\n{{< youtube w7Ft2ymGmfc >}}\n\n\
             {{% notice tip %}}\nTips\n{{% /notice %}}\n\n```\n{{</* ref \"x\" */>}}\n```\n",
        );
        assert_eq!(
            out.text,
            "See [b](@/configuration/build.md).\n\n```go\nx := \"a\"\n```\n\n\
             ![A map](a.png \"Karta\")\n\n{{ video(url=\"https://www.youtube.com/watch?v=w7Ft2ymGmfc\", title=\"Video\") }}\n\n\
             `{{% notice tip %}}`\nTips\n`{{% /notice %}}`\n\n```\n{{< ref \"x\" >}}\n```\n"
        );
        let unconverted: Vec<&str> = out.unconverted.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(unconverted, ["notice", "/notice", "ref"]);
        assert_eq!(out.unconverted[0].0, 11);
    }

    #[test]
    fn liquid_links_highlights_raw_and_site_values_are_converted() {
        let out = run(
            Generator::Jekyll,
            "Read [x]({% link _docs/x.md %}) and [p]({% post_url 2016-04-19-big %}), \
             [c]({{ site.baseurl }}/docs/c/), [r]({{ site.repository }}/issues).\n\n{% highlight ruby %}\nputs \"hi\"\n{% endhighlight %}\n\n\
             ```liquid\n{% raw %}{{ page.title }}{% endraw %}\n```\n\n{% include note.html %}\n{% comment %}gone{% endcomment %}\n",
        );
        assert_eq!(
            out.text,
            "Read [x](@/docs/x.md) and [p](@/nyheter/2016-04-19-big.md), [c](/docs/c/), \
             [r](https://github.com/jekyll/jekyll/issues).\n\n\
             ```ruby\nputs \"hi\"\n```\n\n```liquid\n{{ page.title }}\n```\n\n`{% include note.html %}`\n\n"
        );
        assert_eq!(out.unconverted, [(11, "include".to_string())]);
    }

    #[test]
    fn zola_calls_of_other_shortcodes_are_escaped() {
        let out = run(
            Generator::Zola,
            "{{ video(url=\"https://youtu.be/x\", title=\"T\") }}\n\n{{ gh_link(path=\"a\") }}\n\n\
             {% note(kind=\"tip\") %}\nText\n{% end %}\n",
        );
        assert_eq!(
            out.text,
            "{{ video(url=\"https://youtu.be/x\", title=\"T\") }}\n\n`{{ gh_link(path=\"a\") }}`\n\n\
             `{% note(kind=\"tip\") %}`\nText\n`{% end %}`\n"
        );
    }

    #[test]
    fn links_to_known_addresses_are_rewritten() {
        let text = "[a](/docs/x/#part) [b](https://example.org/) ![c](/docs/x/)\n\n[d]: /docs/x/\n";
        let rewrite = |dest: &str| {
            dest.starts_with("/docs/x/")
                .then(|| "@/docs/x.md".to_string())
        };
        let (out, count) = rewrite_links(text, rewrite);
        assert_eq!(
            out,
            "[a](@/docs/x.md) [b](https://example.org/) ![c](/docs/x/)\n\n[d]: @/docs/x.md\n"
        );
        assert_eq!(count, 2);
    }
}
