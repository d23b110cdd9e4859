//! Shortcode calls in a piece of a page's Markdown. Each call is checked
//! and rendered first; its place in the text is taken by a placeholder the
//! Markdown parser passes through as raw HTML (a comment for a call on lines
//! of its own, an empty `<span>` inside a paragraph), and the call's HTML
//! replaces the placeholder once the text is HTML.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

use tera::Value;

use super::FileLink;
use super::walk::{Fragment, Tools, fragment};
use crate::diagnostics::Diagnostic;
use crate::shortcodes::{self, Call, Checked, Finding, scan};

/// Makes placeholders unlike anything a writer could type.
pub static NONCE: LazyLock<String> =
    LazyLock::new(|| format!("{:016x}", crate::output::random_id()));

/// A piece of Markdown with its calls replaced by placeholders.
pub struct Placed<'s> {
    /// The text the Markdown parser reads.
    pub text: Cow<'s, str>,
    /// For each call, where its placeholder stands in `text` and where the
    /// call stood in the piece.
    spans: Vec<(Range<usize>, Range<usize>)>,
    /// Each call's placeholder and what replaces it.
    pub outputs: Vec<Output>,
    /// Errors, files, links and what `check` reviews, found in the calls.
    pub found: Fragment,
}

/// What a call became.
pub struct Output {
    /// Its placeholder, as the HTML holds it.
    pub placeholder: String,
    /// Its HTML.
    pub html: String,
    /// The words of its body, for summaries and search.
    pub text: String,
}

impl Placed<'_> {
    /// Where byte `at` of `text` stood in the piece: inside a placeholder,
    /// where its call starts.
    pub fn original(&self, at: usize) -> usize {
        let before = self.spans.partition_point(|(placed, _)| placed.start <= at);
        match before.checked_sub(1).map(|i| &self.spans[i]) {
            None => at,
            Some((placed, call)) if at < placed.end => call.start,
            Some((placed, call)) => call.end + (at - placed.end),
        }
    }
}

/// The calls in `source` (a piece of the page at `base`, inside `depth`
/// blocks), checked, rendered and replaced by placeholders.
pub fn place<'s>(tools: &Tools, source: &'s str, base: usize, depth: usize) -> Placed<'s> {
    let mut placed = Placed {
        text: Cow::Borrowed(source),
        spans: Vec::new(),
        outputs: Vec::new(),
        found: Fragment::default(),
    };
    if !scan::may_hold_calls(source) || !tools.shortcodes.available() {
        return placed;
    }
    let (calls, problems) = scan::scan(source);
    for problem in problems {
        let (message, hint) = scan_message(source, &problem);
        placed
            .found
            .errors
            .push(tools.error(message, hint, base, problem.span));
    }
    if calls.is_empty() {
        return placed;
    }
    let mut text = String::with_capacity(source.len() + calls.len() * 40);
    let mut copied = 0;
    for (i, call) in calls.iter().enumerate() {
        text.push_str(&source[copied..call.span.start]);
        let placeholder = if call.alone {
            format!("<!--arkiv-{}-{i}-->", *NONCE)
        } else {
            format!("<span data-arkiv=\"{}-{i}\"></span>", *NONCE)
        };
        let start = text.len();
        text.push_str(&placeholder);
        placed.spans.push((start..text.len(), call.span.clone()));
        copied = call.span.end;
        let (html, words) = render_call(tools, source, base, depth, call, &mut placed.found);
        placed.outputs.push(Output {
            placeholder,
            html,
            text: words,
        });
    }
    text.push_str(&source[copied..]);
    placed.text = Cow::Owned(text);
    placed
}

/// Puts each call's HTML where its placeholder is in `html`; with
/// `clean`, the rest of `html` is cleaned first (the calls' HTML comes
/// from the site's templates, which are trusted). A placeholder that the
/// cleaning finds inside an attribute is dropped with the attribute
/// (`sanitize`), so a call's HTML only ever lands between tags.
pub fn fill(html: String, outputs: &[Output], clean: Option<fn(&str) -> String>) -> String {
    let placeholders: Vec<&str> = outputs.iter().map(|o| o.placeholder.as_str()).collect();
    let Some(clean) = clean else {
        return substitute(&html, &placeholders, |i| &outputs[i].html);
    };
    let tokens: Vec<String> = (0..outputs.len())
        .map(|i| format!("arkiv{}x{i}x", *NONCE))
        .collect();
    let tokened = substitute(&html, &placeholders, |i| &tokens[i]);
    let cleaned = clean(&tokened);
    let tokens: Vec<&str> = tokens.iter().map(String::as_str).collect();
    substitute(&cleaned, &tokens, |i| &outputs[i].html)
}

/// The placeholder numbers that `html` holds, in order.
pub fn numbers_in(html: &str) -> impl Iterator<Item = usize> + '_ {
    html.match_indices(NONCE.as_str())
        .filter_map(move |(at, nonce)| {
            let after = html.get(at + nonce.len() + 1..)?;
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            after[..digits].parse().ok()
        })
}

/// `text` with each of `patterns` (each holding the nonce once, then a
/// separator and its number) replaced by `with` of its number, once at most,
/// in one pass over `text`.
fn substitute<'w>(text: &str, patterns: &[&str], with: impl Fn(usize) -> &'w str) -> String {
    let nonce = NONCE.as_str();
    let mut out = String::with_capacity(text.len());
    let mut used = vec![false; patterns.len()];
    let mut copied = 0;
    for (found, _) in text.match_indices(nonce) {
        let digits = text.get(found + nonce.len() + 1..).unwrap_or_default();
        let len = digits.bytes().take_while(u8::is_ascii_digit).count();
        let Ok(i) = digits[..len].parse::<usize>() else {
            continue;
        };
        let Some(pattern) = patterns.get(i) else {
            continue;
        };
        let offset = pattern.find(nonce).unwrap_or_default();
        let Some(start) = found.checked_sub(offset) else {
            continue;
        };
        if used[i] || start < copied || !text[start..].starts_with(pattern) {
            continue;
        }
        used[i] = true;
        out.push_str(&text[copied..start]);
        out.push_str(with(i));
        copied = start + pattern.len();
    }
    out.push_str(&text[copied..]);
    out
}

/// Checks and renders one call: its HTML (empty when it fails) and its body's words.
fn render_call(
    tools: &Tools,
    source: &str,
    base: usize,
    depth: usize,
    call: &Call,
    found: &mut Fragment,
) -> (String, String) {
    let checked = match shortcodes::check(tools.shortcodes, call) {
        Ok(checked) => checked,
        Err(findings) => {
            for Finding {
                message,
                hint,
                span,
            } in findings
            {
                found.errors.push(tools.error(message, hint, base, span));
            }
            return (String::new(), String::new());
        }
    };
    let mut args = Vec::with_capacity(checked.len());
    let mut failed = false;
    for (name, value) in checked {
        let arg = call.args.iter().find(|a| a.name == name);
        let span = arg.map_or(call.span.clone(), |a| a.value_span.clone());
        let (at, len) = (base + span.start, span.len());
        let value = match value {
            Checked::Value(value) => Ok(value),
            // A file or picture an argument names is published.
            Checked::File(file) => file_value(tools, &file).inspect(|_| {
                found
                    .files
                    .extend(FileLink::of(tools.config, tools.page, &file, at, len));
            }),
            Checked::Picture(file) => picture_value(tools, &file).inspect(|_| {
                found
                    .files
                    .extend(FileLink::of(tools.config, tools.page, &file, at, len));
            }),
        };
        match value {
            Ok(value) => args.push((name, value)),
            Err(error) => {
                let at = base + span.start;
                found
                    .errors
                    .push(tools.locate(error, at, span.len().max(1)));
                failed = true;
            }
        }
    }
    review_alt(&args, base + call.span.start, call.span.len(), found);
    let body = call.body.as_ref().map(|range| {
        let inner = fragment(tools, &source[range.clone()], base + range.start, depth + 1);
        found.absorb(inner)
    });
    if failed {
        return (String::new(), String::new());
    }
    let (body_html, words) = match body {
        Some((html, words)) => (Some(html), words),
        None => (None, String::new()),
    };
    match tools
        .shortcodes
        .render(&call.name, args, body_html, tools.next_call())
    {
        Ok(html) => (html, words),
        Err(detail) => {
            let message = t!("shortcode-template-failed", name = call.name.as_str());
            let hint = t!("shortcode-template-failed-hint", name = call.name.as_str());
            let error = tools.error(message, hint, base, call.span.clone());
            found.errors.push(error.detail(detail));
            (String::new(), words)
        }
    }
}

/// A file beside the page, for a `file` argument.
fn file_value(tools: &Tools, name: &str) -> Result<Value, Diagnostic> {
    let page = tools.page;
    let name = name.strip_prefix("./").unwrap_or(name);
    let Some(asset) = page.assets.iter().find(|a| a.name == name) else {
        let name = crate::diagnostics::bounded(name, 80);
        return Err(Diagnostic::error(t!("shortcode-no-file", file = name))
            .hint(t!("shortcode-no-file-hint")));
    };
    let kind = name
        .rsplit_once('.')
        .map_or_else(String::new, |(_, ext)| ext.to_uppercase());
    Ok(Value::from_serializable(&serde_json::json!({
        "url": tools.config.url(&format!("{}{}", page.path, crate::text::encode_path(name))),
        "name": name,
        "type": kind,
        "bytes": asset.size,
        "size": crate::text::file_size(asset.size),
    })))
}

/// A picture beside the page, for a `picture` argument (published in its widths).
fn picture_value(tools: &Tools, name: &str) -> Result<Value, Diagnostic> {
    match tools.bundle_picture(name) {
        Ok(Some(picture)) => Ok(Value::from_serializable(&picture)),
        Ok(None) => {
            let name = crate::diagnostics::bounded(name, 80);
            Err(Diagnostic::error(t!("shortcode-no-picture", file = name))
                .hint(t!("shortcode-no-picture-hint")))
        }
        Err(error) => Err(error),
    }
}

/// Notes for `check` a call whose `alt` is empty, or whose `caption` only
/// repeats its `alt`.
fn review_alt(args: &[(String, Value)], at: usize, len: usize, found: &mut Fragment) {
    let text = |key: &str| {
        args.iter()
            .find(|(name, _)| name == key)
            .and_then(|(_, value)| value.as_str())
    };
    let Some(alt) = text("alt") else {
        return;
    };
    if alt.trim().is_empty() {
        found.review.missing_alt.push(at);
    } else if crate::images::repeats(text("caption").unwrap_or_default(), alt) {
        found.review.caption_repeats_alt.push((at, len.min(80)));
    }
}

/// What to tell the writer of a call that could not be read.
fn scan_message(source: &str, problem: &scan::Problem) -> (String, String) {
    use scan::ScanError;
    let name = || {
        let call = &source[problem.span.clone()];
        call.trim_start_matches(['{', '%', ' '])
            .split(['(', ' '])
            .next()
            .unwrap_or_default()
            .to_string()
    };
    match &problem.error {
        ScanError::Unfinished { expected } => (
            t!("shortcode-unfinished", expected = *expected),
            t!(
                "shortcode-unfinished-hint",
                example = "{{ video(url=\"…\", title=\"…\") }}"
            ),
        ),
        ScanError::CurlyQuotes => (
            t!("shortcode-curly-quotes"),
            t!("shortcode-curly-quotes-hint"),
        ),
        ScanError::UnclosedText => (
            t!("shortcode-unclosed-text"),
            t!("shortcode-unclosed-text-hint"),
        ),
        ScanError::BadValue => (t!("shortcode-bad-value"), t!("shortcode-bad-value-hint")),
        ScanError::NoEnd => (
            t!("shortcode-no-end", name = name()),
            t!("shortcode-no-end-hint", end = "{% end %}"),
        ),
        ScanError::StrayEnd => (
            t!("shortcode-stray-end", end = "{% end %}"),
            t!("shortcode-stray-end-hint"),
        ),
        ScanError::BlockNotOnOwnLine => (
            t!("shortcode-block-own-line"),
            t!("shortcode-block-own-line-hint", end = "{% end %}"),
        ),
        ScanError::TooDeep => (
            t!("shortcode-too-deep", most = scan::MAX_DEPTH as u64),
            t!("shortcode-too-deep-hint"),
        ),
    }
}

impl Tools<'_> {
    /// An error at `span` of a piece of the page that starts at `base`.
    pub fn error(
        &self,
        message: String,
        hint: String,
        base: usize,
        span: Range<usize>,
    ) -> Diagnostic {
        let error = Diagnostic::error(message).hint(hint);
        self.locate(error, base + span.start, span.len().max(1))
    }
}
