//! A fixed front matter and any Markdown body through `markdown::render`, once
//! with the site's default options and once with every option flipped
//! (`safe: true`): nothing may panic, heading ids must be unique, and with
//! `safe: true` no element or event attribute that runs script may reach the HTML.
#![no_main]

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use arkiv::config::{Config, MarkdownConfig};
use arkiv::content::load::decode;
use arkiv::content::{Page, SourceFile, parse_page};
use arkiv::diagnostics::Diagnostics;
use arkiv::markdown::{Highlighter, LinkMap, render};
use libfuzzer_sys::fuzz_target;

const FRONT_MATTER: &str = "---\ntitle: Sida\ndate: 2024-03-26\n---\n";

/// Elements that run script or load active content.
const SCRIPT_ELEMENTS: [&str; 7] = [
    "script", "iframe", "object", "embed", "style", "frame", "frameset",
];

/// What every run shares: loading syntect's syntaxes takes a while.
struct Site {
    config: Config,
    highlighter: Highlighter,
    links: LinkMap,
}

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let config = Config::parse(Path::new("."), "base_url: https://example.org/arkiv/")
            .expect("the fuzz site's configuration parses");
        let other = page("om-gr.md", &format!("{FRONT_MATTER}Om GR.\n"));
        let links = LinkMap::new([&other])
            .with_unpublished(&["nyheter/utkast.md".into()], &["nyheter/trasig.md".into()]);
        Site {
            config,
            highlighter: Highlighter::new(),
            links,
        }
    })
}

fn page(content_path: &str, text: &str) -> Page {
    let source = SourceFile {
        content_path: content_path.into(),
        display_path: format!("content/{content_path}"),
        text: Arc::from(text),
        assets: Vec::new(),
    };
    parse_page(&source, &MarkdownConfig::default(), &mut Diagnostics::new())
        .expect("the fixed front matter parses")
}

fuzz_target!(|data: &[u8]| {
    let mut bytes = FRONT_MATTER.as_bytes().to_vec();
    bytes.extend_from_slice(data);
    let Ok(text) = decode(&bytes) else {
        return;
    };
    let site = site();
    let page = page("nyheter/sida.md", &text);
    let flipped = MarkdownConfig {
        smart_punctuation: false,
        highlight: false,
        safe: true,
    };
    for options in [MarkdownConfig::default(), flipped] {
        match render(
            &site.config,
            &options,
            &site.highlighter,
            &page,
            &site.links,
        ) {
            Ok(body) => {
                let mut ids = HashSet::new();
                for heading in &body.toc {
                    assert!(
                        ids.insert(&heading.id),
                        "two headings with id {:?}",
                        heading.id
                    );
                }
                if options.safe {
                    assert_no_script(&body.html);
                }
            }
            Err(errors) => {
                for error in errors {
                    let _ = error.render_human(false);
                }
            }
        }
    }
});

/// Fails if `html` has a script element or an `on…` attribute. Text escapes
/// `<`, so every `<` starts a tag; attribute values may hold anything but their quote.
fn assert_no_script(html: &str) {
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        rest = &rest[start + 1..];
        rest = rest.strip_prefix('/').unwrap_or(rest);
        let name_end = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = rest[..name_end].to_ascii_lowercase();
        assert!(
            !SCRIPT_ELEMENTS.contains(&name.as_str()),
            "safe mode let <{name}> through: {html}"
        );
        rest = &rest[name_end..];
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
            match rest.strip_prefix('>') {
                Some(after) => {
                    rest = after;
                    break;
                }
                None if rest.is_empty() => return,
                None => {}
            }
            let end = rest
                .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
                .unwrap_or(rest.len());
            let attribute = &rest[..end];
            assert!(
                !attribute.to_ascii_lowercase().starts_with("on"),
                "safe mode let the attribute {attribute:?} through on <{name}>: {html}"
            );
            rest = &rest[end..];
            if let Some(value) = rest.strip_prefix('=') {
                rest = match value.chars().next() {
                    Some(quote @ ('"' | '\'')) => {
                        value[1..].split_once(quote).map_or("", |(_, after)| after)
                    }
                    _ => {
                        let end = value
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .unwrap_or(value.len());
                        &value[end..]
                    }
                };
            }
        }
    }
}
