//! Content rules: what editors write that fails readers who cannot see the
//! page as they do, found in a page's Markdown by `arkiv check`. Each rule
//! has an id (`config::CONTENT_RULES`), and site.yaml can turn it off
//! (`content_rules: { all-caps: false }`).
//!
//! - `link-text`: a link whose text says nothing out of context ("här",
//!   "klicka här", "läs mer", "länk") or is a bare address (WCAG 2.4.4).
//! - `same-link-text`: links with the same text to different places on one
//!   page (2.4.4).
//! - `alt-file-name`: alt text that is a file name (1.1.1).
//! - `table-header`: a table without a header row (1.3.1).
//! - `bold-heading`: a paragraph of bold text alone, used as a heading (1.3.1).
//! - `all-caps`: a paragraph in capitals, hard to read and read out letter
//!   by letter by some screen readers.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::content::Page;
use crate::diagnostics::Diagnostic;

/// Link texts that say nothing out of context, Swedish and English,
/// compared without case and end punctuation.
const EMPTY_LINK_TEXTS: [&str; 24] = [
    "här",
    "klicka här",
    "klicka",
    "läs mer",
    "läs mer här",
    "se här",
    "mer",
    "mer info",
    "mer information",
    "detaljer",
    "länk",
    "länken",
    "denna länk",
    "den här länken",
    "here",
    "click here",
    "read more",
    "more",
    "more information",
    "details",
    "link",
    "this link",
    "info",
    "pdf",
];

/// What one page's Markdown breaks of the rules `on` allows.
pub fn review(page: &Page, on: impl Fn(&str) -> bool) -> Vec<Diagnostic> {
    let base = page.body_offset;
    found(page)
        .into_iter()
        .filter(|(rule, _)| on(rule))
        .map(|(rule, span)| finding(page, rule, base + span.start, span.len()))
        .collect()
}

/// The rules `page`'s Markdown breaks, each once, in the order of
/// `config::CONTENT_RULES`, of those `on` allows: what the accessibility
/// statement lists of a page.
pub fn broken(page: &Page, on: impl Fn(&str) -> bool) -> Vec<&'static str> {
    let found: Vec<&'static str> = found(page).into_iter().map(|(rule, _)| rule).collect();
    crate::config::CONTENT_RULES
        .into_iter()
        .filter(|rule| on(rule) && found.contains(rule))
        .collect()
}

/// The WCAG 2.1 success criterion a rule serves, if one does.
pub fn criterion(rule: &str) -> Option<&'static str> {
    match rule {
        "link-text" | "same-link-text" => Some("2.4.4"),
        "alt-file-name" => Some("1.1.1"),
        "table-header" | "bold-heading" => Some("1.3.1"),
        _ => None,
    }
}

/// What a broken rule means for readers, in `language` (for the statement).
pub fn text_in(rule: &str, language: crate::i18n::Language) -> String {
    use crate::i18n::text_in;
    match rule {
        "link-text" => text_in(language, "rule-short-link-text", &[]),
        "same-link-text" => text_in(language, "rule-short-same-link-text", &[]),
        "alt-file-name" => text_in(language, "rule-short-alt-file-name", &[]),
        "table-header" => text_in(language, "rule-short-table-header", &[]),
        "bold-heading" => text_in(language, "rule-short-bold-heading", &[]),
        _ => text_in(language, "rule-short-all-caps", &[]),
    }
}

/// Where `page`'s Markdown breaks a rule: the rule and the span in the body.
fn found(page: &Page) -> Vec<(&'static str, Range<usize>)> {
    let text = page.markdown();
    let mut found: Vec<(&'static str, Range<usize>)> = Vec::new();
    let mut links: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut open_link: Option<(String, usize, String)> = None;
    let mut open_image: Option<(usize, String)> = None; // start, alt text
    let mut paragraph: Option<Paragraph> = None;
    let mut table_head: Option<(usize, bool)> = None;
    let mut html_block: Option<(usize, String)> = None;
    let mut nested = 0usize;
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES);
    for (event, range) in parser.into_offset_iter() {
        match &event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                open_link = Some((dest_url.to_string(), range.start, String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((dest, start, words)) = open_link.take() {
                    let said = normalise(&words);
                    let span = start..range.end;
                    if EMPTY_LINK_TEXTS.contains(&said.as_str()) || is_address(&words) {
                        // Said once: the same words elsewhere are this finding again.
                        found.push(("link-text", span));
                    } else if !said.is_empty() {
                        match links.get(&said) {
                            Some((other, _)) if *other != dest => {
                                found.push(("same-link-text", span));
                            }
                            _ => {
                                links.entry(said).or_insert((dest, start));
                            }
                        }
                    }
                }
            }
            Event::Start(Tag::Image { .. }) => open_image = Some((range.start, String::new())),
            Event::End(TagEnd::Image) => {
                if let Some((start, alt)) = open_image.take()
                    && is_file_name(&alt)
                {
                    found.push(("alt-file-name", start..range.end));
                }
            }
            // A list item, quotation or footnote of bold words is not posing as a heading.
            Event::Start(Tag::Item | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) => {
                nested += 1
            }
            Event::End(TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition) => {
                nested = nested.saturating_sub(1);
            }
            Event::Start(Tag::Paragraph) => paragraph = Some(Paragraph::new(range.clone())),
            Event::End(TagEnd::Paragraph) => {
                if let Some(p) = paragraph.take() {
                    // A bold sentence ("Sista anmälningsdag är 1 maj!") is emphasis.
                    let sentence = p.words.trim_end().ends_with(['.', '!', '?']);
                    let short = p.words.chars().count() <= 120;
                    if p.only_bold && p.bold_words > 0 && short && !sentence && nested == 0 {
                        found.push(("bold-heading", p.span.clone()));
                    }
                    if is_shouting(&p.words) {
                        found.push(("all-caps", p.span.clone()));
                    }
                }
            }
            Event::Start(Tag::TableHead) => table_head = Some((range.start, false)),
            Event::End(TagEnd::TableHead) => {
                if let Some((start, false)) = table_head.take() {
                    found.push(("table-header", start..range.end));
                }
            }
            // An HTML block comes a line at a time: its table is judged whole.
            Event::Start(Tag::HtmlBlock) => html_block = Some((range.start, String::new())),
            Event::Html(html) => {
                if let Some((_, block)) = &mut html_block {
                    block.push_str(&html.to_lowercase());
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((start, block)) = html_block.take()
                    && block.contains("<table")
                    && !block.contains("<th>")
                    && !block.contains("<th ")
                {
                    found.push(("table-header", start..range.end));
                }
            }
            _ => {}
        }
        // What the open link, paragraph and table head hold.
        let words = match &event {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            Event::SoftBreak | Event::HardBreak => Some(" "),
            _ => None,
        };
        if let Some(words) = words {
            if let Some((_, _, link)) = &mut open_link {
                link.push_str(words);
            }
            if let Some((_, alt)) = &mut open_image {
                alt.push_str(words);
            }
            if let Some((_, has)) = &mut table_head {
                *has |= !words.trim().is_empty();
            }
        }
        if let Some(p) = &mut paragraph {
            p.take(&event);
        }
    }
    found
}

/// What a paragraph holds, as far as the rules care.
struct Paragraph {
    span: Range<usize>,
    words: String,
    /// Every word so far is inside `**…**`.
    only_bold: bool,
    bold_words: usize,
    strong: usize,
}

impl Paragraph {
    fn new(span: Range<usize>) -> Self {
        Paragraph {
            span,
            words: String::new(),
            only_bold: true,
            bold_words: 0,
            strong: 0,
        }
    }

    fn take(&mut self, event: &Event) {
        match event {
            Event::Start(Tag::Strong) => self.strong += 1,
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                self.words.push_str(t);
                let has_words = t.chars().any(char::is_alphanumeric);
                if self.strong > 0 {
                    self.bold_words += usize::from(has_words);
                } else if has_words {
                    self.only_bold = false;
                }
            }
            Event::SoftBreak | Event::HardBreak => self.words.push(' '),
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => self.only_bold = false,
            _ => {}
        }
    }
}

/// Lower case, without white space at the ends and end punctuation.
fn normalise(text: &str) -> String {
    text.trim()
        .trim_end_matches(['.', ':', '!', '»', '›', '→', ' '])
        .trim()
        .to_lowercase()
}

/// A link text that is an address: `https://…`, `www.…`.
fn is_address(text: &str) -> bool {
    let text = text.trim();
    text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www.")
}

/// `IMG_1234.jpg`, `karta.png`, `DSC0042`: a file's name, not a description.
fn is_file_name(alt: &str) -> bool {
    let alt = alt.trim();
    let lower = alt.to_lowercase();
    let extension = lower.rsplit_once('.').map(|(_, e)| e);
    let is_picture = extension.is_some_and(|e| {
        matches!(
            e,
            "jpg" | "jpeg" | "png" | "gif" | "webp" | "svg" | "avif" | "tif" | "tiff" | "heic"
        )
    });
    let camera = ["img_", "img-", "dsc", "dcim", "screenshot", "skärmbild"]
        .iter()
        .any(|p| lower.starts_with(p))
        && !alt.contains(' ');
    is_picture || camera
}

/// A paragraph in capitals: three words of three letters or more, and no
/// small letter (a list of abbreviations, "GR, SKR och EU", is not).
fn is_shouting(words: &str) -> bool {
    let long_words = words
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .count();
    long_words >= 3 && !words.chars().any(char::is_lowercase)
}

/// The warning for `rule` at `offset` (`len` bytes) in `page`.
fn finding(page: &Page, rule: &str, offset: usize, len: usize) -> Diagnostic {
    let (message, hint) = match rule {
        "link-text" => (t!("rule-link-text"), t!("rule-link-text-hint")),
        "same-link-text" => (t!("rule-same-link-text"), t!("rule-same-link-text-hint")),
        "alt-file-name" => (t!("rule-alt-file-name"), t!("rule-alt-file-name-hint")),
        "table-header" => (t!("rule-table-header"), t!("rule-table-header-hint")),
        "bold-heading" => (t!("rule-bold-heading"), t!("rule-bold-heading-hint")),
        _ => (t!("rule-all-caps"), t!("rule-all-caps-hint")),
    };
    let hint = format!("{hint} ({})", t!("rule-off", rule = rule));
    Diagnostic::warning(message)
        .at(&page.display_path, &page.source, offset, len)
        .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_and_shouting_are_told_from_words() {
        assert!(is_file_name("IMG_2041.JPG"));
        assert!(is_file_name("karta.png"));
        assert!(is_file_name("DSC0042"));
        assert!(!is_file_name("Karta över regionen"));
        assert!(is_shouting("VIKTIGT: ANMÄL DIG SENAST 1 MAJ"));
        assert!(!is_shouting("GR och SKR"));
        assert!(!is_shouting("GR, SKR, EU"));
        assert!(!is_shouting("Anmäl dig senast 1 maj"));
    }
}
