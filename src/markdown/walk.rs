//! One page's Markdown → `Body`, event by event: `.md` links become URLs,
//! code blocks are highlighted, text is gathered for summaries and search,
//! and what `arkiv check` reviews (links, images, headings) is noted where
//! it stands in the source.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use super::{
    Body, FileLink, Highlighter, LinkError, LinkMap, LocalLink, Review, add_heading_anchors,
    resolve_link,
};
use std::cell::Cell;

use super::calls::{self, Placed};
use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::images::{ImageError, Picture};
use crate::shortcodes::Shortcodes;
use crate::text::{SUMMARY_WORDS, first_words_prefix, is_url};

/// What rendering a page's Markdown needs besides the Markdown.
pub struct Tools<'a> {
    pub config: &'a Config,
    pub highlighter: &'a Highlighter,
    pub shortcodes: &'a Shortcodes,
    pub page: &'a Page,
    pub links: &'a LinkMap,
    /// How many shortcode calls were rendered so far.
    calls: Cell<usize>,
}

impl<'a> Tools<'a> {
    pub fn new(
        config: &'a Config,
        highlighter: &'a Highlighter,
        shortcodes: &'a Shortcodes,
        page: &'a Page,
        links: &'a LinkMap,
    ) -> Self {
        Tools {
            config,
            highlighter,
            shortcodes,
            page,
            links,
            calls: Cell::new(0),
        }
    }

    /// The picture `dest` names, when it is a picture of the page's own
    /// bundle that arkiv publishes in several widths; `None` for any other
    /// file, an error (not yet located) for a picture it cannot read.
    pub fn bundle_picture(&self, dest: &str) -> Result<Option<Picture>, Diagnostic> {
        let path = dest.split(['#', '?']).next().unwrap_or_default();
        let name = crate::text::percent_decode(path);
        let name = name.strip_prefix("./").unwrap_or(&name);
        let extension = name
            .rsplit_once('.')
            .map_or("", |(_, e)| e)
            .to_ascii_lowercase();
        let asset = self.page.assets.iter().find(|a| a.name == name);
        let probe = match (asset, extension.as_str()) {
            (_, "heic" | "heif") => Err(ImageError::Heic),
            (Some(asset), _) if crate::images::is_raster(name) => {
                crate::images::probe(&asset.source)
            }
            _ => return Ok(None),
        };
        match probe {
            Ok(probe) => {
                let (config, page) = (self.config, self.page);
                let url = |file: &str| {
                    config.url(&format!("{}{}", page.path, crate::text::encode_path(file)))
                };
                Ok(Some(Picture::new(name, &probe, url)))
            }
            Err(error) => {
                let (message, hint) = picture_error(name, &error);
                let finding = Diagnostic::error(message).hint(hint);
                // The decoder's own words are for tools, not for the writer.
                Err(match error {
                    ImageError::Unreadable(reason) => finding.detail(reason),
                    _ => finding,
                })
            }
        }
    }

    /// `diagnostic` at byte `at` of the page's source, `len` bytes long.
    pub fn locate(&self, diagnostic: Diagnostic, at: usize, len: usize) -> Diagnostic {
        let page = self.page;
        diagnostic.at(&page.display_path, &page.source, at, len)
    }

    /// The number of the next shortcode call on the page, from 1.
    pub fn next_call(&self) -> usize {
        self.calls.set(self.calls.get() + 1);
        self.calls.get()
    }
}

/// Renders one page's body; every broken link in it is an error.
pub fn render_page(tools: &Tools) -> Result<Body, Vec<Diagnostic>> {
    let page = tools.page;
    let whole = fragment(tools, page.markdown(), page.body_offset, 0);
    if !whole.errors.is_empty() {
        return Err(whole.errors);
    }
    let Fragment {
        mut html,
        toc,
        text,
        mut linked,
        files,
        mut review,
        ..
    } = whole;
    linked.sort();
    linked.dedup();
    review.foreign = crate::shortcodes::foreign::find(page.markdown(), false)
        .into_iter()
        .map(|l| {
            let at = page.body_offset + l.span.start;
            (at, l.span.len(), l.kind, l.name)
        })
        .collect();
    // Bodies are kept for the whole build: no spare capacity.
    html.shrink_to_fit();
    review.links.shrink_to_fit();
    let text = text.trim();
    let text = if tools.config.search {
        text.to_string()
    } else {
        first_words_prefix(text, SUMMARY_WORDS + 1).to_string()
    };
    Ok(Body {
        html,
        toc,
        text,
        links: linked,
        files,
        review,
    })
}

/// What a piece of Markdown became: the page's whole body, or the text
/// between a block shortcode's opening and its end.
#[derive(Default)]
pub struct Fragment {
    pub html: String,
    /// Its headings (only for the whole body: a shortcode's are not listed).
    pub toc: Vec<super::Heading>,
    pub text: String,
    pub linked: Vec<String>,
    pub files: Vec<FileLink>,
    pub review: Review,
    pub errors: Vec<Diagnostic>,
}

impl Fragment {
    /// Takes over what `inner` found, and gives back its HTML and words.
    pub fn absorb(&mut self, inner: Fragment) -> (String, String) {
        self.errors.extend(inner.errors);
        self.linked.extend(inner.linked);
        self.files.extend(inner.files);
        let review = inner.review;
        self.review.links.extend(review.links);
        self.review.missing_alt.extend(review.missing_alt);
        self.review
            .caption_repeats_alt
            .extend(review.caption_repeats_alt);
        (inner.html, inner.text)
    }
}

/// Renders `source`, a piece of the page starting at byte `base` of its
/// source, inside `depth` shortcode blocks (0 for the whole body).
pub fn fragment(tools: &Tools, source: &str, base: usize, depth: usize) -> Fragment {
    let mut placed = calls::place(tools, source, base, depth);
    let found = std::mem::take(&mut placed.found);
    let mut walk = Walk {
        tools,
        base,
        placed: &placed,
        found,
        events: Vec::new(),
        code: None,
        image: None,
        picture: None,
        paragraph: None,
        unlinked: false,
    };
    let options = parser_options(tools.config);
    for (event, range) in Parser::new_ext(&placed.text, options).into_offset_iter() {
        if walk.code.is_some() {
            walk.in_code_block(event);
        } else {
            walk.event(event, range);
        }
    }
    walk.finish(depth == 0)
}

fn parser_options(config: &Config) -> Options {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    if config.markdown.smart_punctuation {
        options |= Options::ENABLE_SMART_PUNCTUATION;
    }
    options
}

/// A task list's box, named for screen readers.
fn task_marker(done: bool) -> Event<'static> {
    let label = if done { "Klar" } else { "Inte klar" };
    let checked = if done { " checked" } else { "" };
    let html = format!("<input type=\"checkbox\" disabled{checked} aria-label=\"{label}\"> ");
    Event::InlineHtml(html.into())
}

/// What to tell the writer of a picture that cannot be published.
fn picture_error(name: &str, error: &ImageError) -> (String, String) {
    match error {
        ImageError::Heic => (t!("picture-heic", file = name), t!("picture-heic-hint")),
        ImageError::TooLarge { width, height } => (
            t!(
                "picture-too-large",
                file = name,
                width = u64::from(*width),
                height = u64::from(*height)
            ),
            t!("picture-too-large-hint"),
        ),
        ImageError::Unreadable(_) => (
            t!("picture-unreadable", file = name),
            t!("picture-unreadable-hint"),
        ),
    }
}

/// The state of a walk over one piece of Markdown's events.
struct Walk<'a> {
    tools: &'a Tools<'a>,
    /// Where the piece starts in the page's source.
    base: usize,
    /// The piece, with its shortcode calls replaced.
    placed: &'a Placed<'a>,
    /// What the walk found and made but the events.
    found: Fragment,
    events: Vec<Event<'a>>,
    /// The open code block's language and text.
    code: Option<(String, String)>,
    /// The open image: where it starts, and whether its alt text has any words yet.
    image: Option<(usize, bool)>,
    /// The open image when it is a picture of the page's own, written as
    /// `<picture>` once its alt text is read.
    picture: Option<OpenPicture>,
    /// Where in `events` the open paragraph starts, and the caption of the
    /// picture that is all it holds so far.
    paragraph: Option<(usize, Option<String>)>,
    /// True inside a link left as plain text (its page is not yet, or no
    /// longer, published).
    unlinked: bool,
}

/// A picture of the page's bundle whose alt text is being read.
struct OpenPicture {
    picture: crate::images::Picture,
    caption: String,
    alt: String,
    /// Where it stands in the source, and its length.
    at: (usize, usize),
}

impl<'a> Walk<'a> {
    fn in_code_block(&mut self, event: Event<'a>) {
        let Some((language, buffer)) = self.code.as_mut() else {
            return;
        };
        match event {
            Event::Text(t) => buffer.push_str(&t),
            Event::End(TagEnd::CodeBlock) => {
                let language = if self.tools.config.markdown.highlight {
                    language.as_str()
                } else {
                    ""
                };
                let html = self.tools.highlighter.highlight(buffer, language);
                self.found.text.push_str(buffer);
                self.found.text.push('\n');
                self.events.push(Event::Html(html.into()));
                self.code = None;
            }
            _ => {}
        }
    }

    /// Where `range` of the text parsed stood in the page's source, and its length.
    fn place(&self, range: &std::ops::Range<usize>) -> (usize, usize) {
        let start = self.placed.original(range.start);
        let end = self.placed.original(range.end).max(start);
        (self.base + start, end - start)
    }

    /// The words of the shortcode calls whose placeholders `html` holds.
    fn call_words(&mut self, html: &str) {
        for n in calls::numbers_in(html) {
            if let Some(output) = self.placed.outputs.get(n)
                && !output.text.is_empty()
            {
                self.found.text.push_str(&output.text);
                self.found.text.push('\n');
            }
        }
    }

    fn event(&mut self, event: Event<'a>, range: std::ops::Range<usize>) {
        let (at, len) = self.place(&range);
        // Inside a picture's alt text only the words count; no markup.
        if self.picture.is_some()
            && !matches!(
                event,
                Event::End(TagEnd::Image) | Event::Text(_) | Event::Code(_)
            )
        {
            return;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    CodeBlockKind::Fenced(lang) => lang.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((language, String::new()));
            }
            Event::Start(Tag::Image {
                ref dest_url,
                ref title,
                ..
            }) => {
                let picture = self.picture_of(dest_url, at, len);
                self.image(dest_url, at, len, picture.is_some());
                match picture {
                    Some(picture) => {
                        self.picture = Some(OpenPicture {
                            picture,
                            caption: title.trim().to_string(),
                            alt: String::new(),
                            at: (at, len),
                        });
                    }
                    None => self.events.push(event),
                }
            }
            Event::Start(Tag::Paragraph) => {
                self.paragraph = Some((self.events.len(), None));
                self.events.push(event);
            }
            Event::End(TagEnd::Paragraph) => {
                self.found.text.push('\n');
                self.end_paragraph(event);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => match self.link(dest_url, at, len) {
                Some(dest_url) => self.events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                })),
                None => self.unlinked = true,
            },
            // A link left as plain text has no end either (links do not nest).
            Event::End(TagEnd::Link) if self.unlinked => self.unlinked = false,
            Event::End(TagEnd::Image) => {
                if let Some((start, false)) = self.image.take() {
                    self.found.review.missing_alt.push(start);
                }
                match self.picture.take() {
                    Some(open) => self.close_picture(open),
                    None => self.events.push(event),
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                self.found.review.headings.push((at, len.min(80)));
                self.events.push(event);
            }
            Event::Text(t) => {
                let config = self.tools.config;
                let t = if config.markdown.smart_punctuation {
                    let quoted = crate::text::typography::quotes_in(&t, &config.language);
                    CowStr::from(quoted.into_owned())
                } else {
                    t
                };
                self.push_text(t, false);
            }
            Event::Code(t) => self.push_text(t, true),
            Event::SoftBreak | Event::HardBreak => {
                self.found.text.push(' ');
                self.events.push(event);
            }
            Event::End(TagEnd::Heading(_) | TagEnd::Item) => {
                self.found.text.push('\n');
                self.events.push(event);
            }
            Event::TaskListMarker(done) => self.events.push(task_marker(done)),
            Event::Html(ref html) | Event::InlineHtml(ref html)
                if !self.placed.outputs.is_empty() =>
            {
                self.call_words(html);
                self.events.push(event);
            }
            other => self.events.push(other),
        }
    }

    /// An image opens: its file may be published, and its alt text is
    /// looked for. A picture of the page's own (`is_picture`) is known to be
    /// there, and is published under other names: `check` does not look
    /// for its link.
    fn image(&mut self, dest: &str, at: usize, len: usize, is_picture: bool) {
        let (config, page) = (self.tools.config, self.tools.page);
        let file = FileLink::of(config, page, dest, at, len);
        if let Some(FileLink {
            content_path: Some(path),
            ..
        }) = &file
            && !is_picture
            && crate::images::is_raster(path)
        {
            let path = path.clone();
            self.found.review.outside_pictures.push((at, len, path));
        }
        self.found.files.extend(file);
        if !is_picture && !super::is_page_link(dest) {
            self.note_local(dest, None, at, len);
        }
        self.image = Some((at, false));
    }

    /// The picture `dest` names, when it is a picture of the page's own
    /// bundle; one it cannot read is an error here, where it is shown.
    fn picture_of(&mut self, dest: &str, at: usize, len: usize) -> Option<crate::images::Picture> {
        match self.tools.bundle_picture(dest) {
            Ok(picture) => picture,
            Err(error) => {
                self.found.errors.push(self.tools.locate(error, at, len));
                None
            }
        }
    }

    /// Writes the picture; one that has a caption and turns out to be all
    /// its paragraph holds becomes a figure when the paragraph ends.
    fn close_picture(&mut self, open: OpenPicture) {
        if crate::images::repeats(&open.caption, &open.alt) {
            self.found.review.caption_repeats_alt.push(open.at);
        }
        let html = open.picture.html(&open.alt, false);
        if let Some((start, caption)) = self.paragraph.as_mut()
            && self.events.len() == *start + 1
            && !open.caption.is_empty()
        {
            *caption = Some(open.caption);
        }
        self.events.push(Event::InlineHtml(html.into()));
    }

    /// Ends a paragraph, or turns it into a figure: a picture with a
    /// caption alone in its paragraph (a figure cannot stand in a `<p>`).
    fn end_paragraph(&mut self, end: Event<'a>) {
        let open = self.paragraph.take();
        if let Some((start, Some(caption))) = open
            && self.events.len() == start + 2
            && let Some(Event::InlineHtml(picture)) = self.events.pop()
        {
            self.events.truncate(start);
            let figure = crate::images::figure(&picture, &caption);
            self.events.push(Event::Html(figure.into()));
            return;
        }
        self.events.push(end);
    }

    fn push_text(&mut self, t: CowStr<'a>, is_code: bool) {
        self.found.text.push_str(&t);
        if let Some((_, has_alt)) = self.image.as_mut() {
            *has_alt |= !t.trim().is_empty();
        }
        if let Some(open) = self.picture.as_mut() {
            open.alt.push_str(&t);
            return;
        }
        self.events.push(if is_code {
            Event::Code(t)
        } else {
            Event::Text(t)
        });
    }

    /// The address a link is written with in the HTML: a `.md` link's page
    /// URL, or the link as it was; `None` when the page is left out for its
    /// time and the link's text is to stand alone.
    fn link(&mut self, dest: CowStr<'a>, at: usize, len: usize) -> Option<CowStr<'a>> {
        let (config, page) = (self.tools.config, self.tools.page);
        match resolve_link(
            config,
            page,
            self.tools.links,
            &dest,
            &mut self.found.linked,
        ) {
            Ok(Some(url)) => {
                if let Some((page_url, _)) = url.split_once('#') {
                    self.note_local(&dest, Some(page_url.to_string()), at, len);
                }
                Some(CowStr::from(url))
            }
            Ok(None) => {
                self.found
                    .files
                    .extend(FileLink::of(config, page, &dest, at, len));
                if !super::is_page_link(&dest) {
                    self.note_local(&dest, None, at, len);
                }
                Some(dest)
            }
            Err(LinkError::Wrong(message, hint)) => {
                let error = Diagnostic::error(message).hint(hint);
                let error = error.at(&page.display_path, &page.source, at, len);
                self.found.errors.push(error);
                Some(dest)
            }
            Err(LinkError::Timed(target)) => {
                self.found.review.timed_links.push((at, len, target));
                None
            }
        }
    }

    /// Notes a link into the site for `check`: full URLs are not its to check.
    fn note_local(&mut self, dest: &str, page_url: Option<String>, offset: usize, len: usize) {
        if is_url(dest) {
            return;
        }
        self.found.review.links.push(LocalLink {
            dest: dest.to_string(),
            page_url,
            offset,
            len,
        });
    }

    fn finish(mut self, whole: bool) -> Fragment {
        if whole {
            self.found.toc = add_heading_anchors(&mut self.events);
        }
        let mut html = String::with_capacity(self.placed.text.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, self.events.into_iter());
        let clean: Option<fn(&str) -> String> = match self.tools.config.markdown.safe {
            true => Some(super::sanitize::clean),
            false => None,
        };
        self.found.html = match (self.placed.outputs.is_empty(), clean) {
            (true, Some(clean)) => clean(&html),
            (true, None) => html,
            (false, clean) => calls::fill(html, &self.placed.outputs, clean),
        };
        self.found
    }
}
