//! The content stage: `content/` → `SourceFile`s → `Page`s.
//!
//! In: the `Config`. Out: pages with kind, slug, output path, date and
//! validated front matter, drafts left out unless asked for. Markdown bodies
//! are not rendered here; that is the markdown stage's work.

mod fences;
pub mod fields;
pub mod front_matter;
pub mod history;
pub mod load;
pub mod model;
pub mod page;
pub mod schedule;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::text::slugify;
use crate::text::typography::smarten;
pub use load::{Asset, Content, SourceFile, load};
pub use page::{Page, PageDate, PageKind};

use schedule::Withheld;

/// What parsing produced: the pages that parsed, and what was wrong with the rest.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// Published pages (drafts only with `--drafts`), sorted by source path.
    pub pages: Vec<Page>,
    /// Content paths of drafts left out.
    pub drafts: Vec<String>,
    /// Content paths of pages that failed to parse.
    pub broken: Vec<String>,
    /// Errors and warnings, for every file.
    pub diagnostics: Diagnostics,
    /// The moment parsed for, and the pages left out for their time.
    pub timing: schedule::Timing,
}

/// The language a content file is written in, by its name (`sida.en.md`,
/// `index.en.md`), when it names one arkiv knows: `sv` or `en`.
pub fn language_of(content_path: &str) -> Option<&'static str> {
    let file = content_path.rsplit('/').next().unwrap_or(content_path);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let (_, language) = stem.rsplit_once('.')?;
    let codes = crate::i18n::Language::ALL.map(crate::i18n::Language::code);
    codes.into_iter().find(|known| *known == language)
}

/// The content path of the page `content_path` translates, or is:
/// `nyheter/x.en.md` → `nyheter/x.md`. Translations of one page share it.
pub fn translation_key(content_path: &str) -> String {
    let Some(language) = language_of(content_path) else {
        return content_path.to_string();
    };
    // Only the file's name says its language: `a.en.b/x.en.md` → `a.en.b/x.md`.
    let (folder, file) = content_path
        .rsplit_once('/')
        .map_or(("", content_path), |(folder, file)| (folder, file));
    let (stem, extension) = file.rsplit_once('.').unwrap_or((file, ""));
    let stem = stem.strip_suffix(&format!(".{language}")).unwrap_or(stem);
    match folder {
        "" => format!("{stem}.{extension}"),
        _ => format!("{folder}/{stem}.{extension}"),
    }
}

/// True when the file at `content_path` is a page of `config`'s language:
/// a file that names it, or one that names none in the default language.
pub fn is_in_language(config: &Config, content_path: &str) -> bool {
    match language_of(content_path) {
        Some(language) => language == config.language,
        None => config.is_default_language(),
    }
}

/// A warning for each file written in a language the site does not publish
/// (`sida.en.md` in a Swedish site): it is left out.
pub fn unpublished_languages(config: &Config, sources: &[SourceFile]) -> Diagnostics {
    let mut warnings = Diagnostics::new();
    for source in sources {
        if let Some(language) = language_of(&source.content_path)
            && !config.languages.iter().any(|l| l == language)
        {
            warnings.push(
                Diagnostic::warning(t!("content-language-not-published", language = language))
                    .in_file(&source.display_path)
                    .hint(t!(
                        "content-language-not-published-hint",
                        language = language
                    )),
            );
        }
    }
    warnings
}

/// Parses the front matter of every source file in `config`'s language;
/// the broken ones are reported, not fatal here, so later stages can report
/// their own problems in the same run.
pub fn parse(config: &Config, sources: &[SourceFile], now: jiff::Timestamp) -> Parsed {
    let sources: Vec<&SourceFile> = sources
        .iter()
        .filter(|source| is_in_language(config, &source.content_path))
        .collect();
    let results: Vec<(Result<Page, Diagnostics>, Diagnostics)> = sources
        .par_iter()
        .map(|source| {
            let mut warnings = Diagnostics::new();
            let page = parse_page(source, config, &mut warnings);
            (page, warnings)
        })
        .collect();
    let mut parsed = Parsed {
        pages: Vec::with_capacity(results.len()),
        drafts: Vec::new(),
        broken: Vec::new(),
        diagnostics: Diagnostics::new(),
        timing: schedule::Timing::at(now),
    };
    for ((result, warnings), source) in results.into_iter().zip(sources) {
        parsed.diagnostics.extend(warnings);
        match result {
            Ok(page) if page.front.is_draft && !config.drafts => {
                parsed.drafts.push(page.content_path)
            }
            Ok(page) => parsed.pages.push(page),
            Err(errors) => {
                parsed.diagnostics.extend(errors);
                parsed.broken.push(source.content_path.clone());
            }
        }
    }
    // An expired page gives up its address: a page put up again under it
    // takes it. A scheduled one claims its address already, so that two
    // pages clash when they are written, not when the second goes live.
    let expired = schedule::take(&mut parsed.pages, now, config.future, Withheld::Expired);
    // A page whose URL is refused is left out, as one that fails to parse is,
    // so later stages neither render it nor report it a second time.
    let refused = check_paths(config, &parsed.pages, &mut parsed.diagnostics);
    for at in refused.into_iter().rev() {
        let page = parsed.pages.remove(at);
        parsed.broken.push(page.content_path);
    }
    let notices = notices(config, &parsed.pages, &expired);
    for ((page, moment), notice) in expired.iter().zip(notices) {
        let why = (Withheld::Expired, *moment);
        parsed.timing.add(page, why, notice);
    }
    let future = config.future;
    for (page, moment) in schedule::take(&mut parsed.pages, now, future, Withheld::Scheduled) {
        parsed
            .timing
            .add(&page, (Withheld::Scheduled, moment), false);
    }
    parsed
}

/// Which `expired` pages leave a notice at their address: those whose
/// address is one a page may have, and that no page of `pages` (nor an old
/// address of one, nor an earlier expired page) has now.
fn notices(config: &Config, pages: &[Page], expired: &[(Page, PageDate)]) -> Vec<bool> {
    if expired.is_empty() {
        return Vec::new();
    }
    let taken: std::collections::HashSet<String> = pages
        .iter()
        .flat_map(|p| {
            let aliases = p.front.aliases.iter().map(|a| format!("{a}/"));
            std::iter::once(p.path.clone()).chain(aliases)
        })
        .collect();
    let refused = check_paths(
        config,
        expired.iter().map(|(p, _)| p),
        &mut Diagnostics::new(),
    );
    let refused: std::collections::HashSet<usize> = refused.into_iter().collect();
    let free = |(at, (page, _)): (usize, &(Page, PageDate))| {
        !refused.contains(&at) && !taken.contains(&page.path)
    };
    expired.iter().enumerate().map(free).collect()
}

/// Parses one file into a `Page` at its address in `config`'s language;
/// with smart punctuation, titles and leads get Swedish quotes.
pub fn parse_page(
    source: &SourceFile,
    config: &Config,
    warnings: &mut Diagnostics,
) -> Result<Page, Diagnostics> {
    let markdown = &config.markdown;
    let file = source.display_path.as_str();
    let split = front_matter::split(file, &source.text)?;
    let body_offset = split.body_offset;
    let mut front = front_matter::parse(file, &source.text, &split, warnings)?;
    if markdown.smart_punctuation {
        let language = config.language.as_str();
        front.title = smarten(&front.title, language);
        front.summary = front.summary.as_deref().map(|s| smarten(s, language));
    }
    check_files(source, &front)?;
    let name = PageName::of(&source.content_path);
    let kind = PageKind::from_folder(name.section);
    let slug = front.slug.clone().unwrap_or_else(|| slugify(name.stem));
    let file_date = name.date;
    let Some(path) = address(&name, &slug, &config.routes) else {
        return Err(Diagnostic::error(t!("content-empty-slug"))
            .in_file(file)
            .hint(t!("content-empty-slug-hint"))
            .into());
    };
    Ok(Page {
        content_path: source.content_path.clone(),
        display_path: source.display_path.clone(),
        source: source.text.clone(),
        body_offset,
        kind,
        slug,
        path,
        date: front.date.or(file_date),
        is_section_index: name.is_section_index,
        front,
        assets: source.assets.clone(),
    })
}

/// The address (`nyheter/yrkesresan/`) of the page in the file at
/// `content_path` whose front matter gives `slug`, as a build gives it;
/// `None` when its slug would be empty.
pub fn page_address(content_path: &str, slug: Option<&str>) -> Option<String> {
    let name = PageName::of(content_path);
    let slug = slugify(slug.unwrap_or(name.stem));
    address(&name, &slug, &crate::routes::Routes::default())
}

/// The address of the page `name` with `slug`: its folders, then the slug
/// (a listing's `_index.md` is its folder's address), in the language of
/// `routes` (`nyheter/x.en.md` → `en/news/x/`).
fn address(name: &PageName, slug: &str, routes: &crate::routes::Routes) -> Option<String> {
    let mut folders: Vec<String> = Vec::with_capacity(name.parents.len() + 1);
    for (n, parent) in name.parents.iter().enumerate() {
        let folder = slugify(parent);
        if folder.is_empty() {
            continue;
        }
        // The section's folder is named in the page's language (`nyheter` → `en/news`).
        folders.push(if n == 0 {
            routes.folder_of(&folder)
        } else {
            folder
        });
    }
    let mut path = match folders.is_empty() {
        true => routes.prefix.trim_end_matches('/').to_string(),
        false => folders.join("/"),
    };
    if !name.is_section_index {
        if slug.is_empty() {
            return None;
        }
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str(slug);
    }
    if !path.is_empty() {
        path.push('/');
    }
    Some(path)
}

/// Every attachment and bundle image named in front matter must be in the bundle.
fn check_files(source: &SourceFile, front: &front_matter::FrontMatter) -> Result<(), Diagnostics> {
    let mut wanted: Vec<(&str, &str)> = front
        .attachments
        .iter()
        .map(|a| ("attachments", a.file.as_str()))
        .collect();
    let mut errors = Diagnostics::new();
    if let Some(image) = &front.image {
        if crate::text::is_url(&image.src) {
            let (line, column) = locate_value(
                &source.text,
                front.key_lines.get("image").copied(),
                &image.src,
            );
            errors.push(
                Diagnostic::error(t!("content-image-elsewhere"))
                    .at_line(&source.display_path, &source.text, line, column)
                    .hint(t!("content-image-elsewhere-hint")),
            );
        } else if !image.src.starts_with('/') {
            wanted.push(("image", image.src.as_str()));
        }
    }
    for (key, file) in wanted {
        if source.assets.iter().any(|asset| asset.name == file) {
            continue;
        }
        let (line, column) = locate_value(&source.text, front.key_lines.get(key).copied(), file);
        let hint = if source.assets.is_empty() && !source.content_path.ends_with("index.md") {
            t!("content-not-a-bundle-hint")
        } else {
            let names: Vec<&str> = source.assets.iter().map(|a| a.name.as_str()).collect();
            if names.is_empty() {
                t!("content-empty-bundle-hint")
            } else {
                t!("content-bundle-has-hint", files = names.join(", "))
            }
        };
        errors.push(
            Diagnostic::error(t!("content-not-in-bundle", file = file))
                .at_line(&source.display_path, &source.text, line, column)
                .hint(hint),
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Line and column of `needle` at or after `from_line` in `text`, else `from_line` itself.
pub fn locate_value(text: &str, from_line: Option<usize>, needle: &str) -> (usize, usize) {
    let start = from_line.unwrap_or(1);
    text.lines()
        .enumerate()
        .skip(start - 1)
        .take_while(|(i, line)| *i + 1 == start || !line.starts_with("---"))
        .find_map(|(i, line)| {
            let at = line.find(needle).filter(|_| !needle.is_empty())?;
            Some((i + 1, line[..at].chars().count() + 1))
        })
        .unwrap_or((start, 1))
}

/// What a content path says about its page: folders, name, date prefix.
struct PageName<'a> {
    section: &'a str,
    parents: Vec<&'a str>,
    stem: &'a str,
    date: Option<PageDate>,
    is_section_index: bool,
}

impl<'a> PageName<'a> {
    fn of(content_path: &'a str) -> Self {
        let mut parts: Vec<&str> = content_path.split('/').collect();
        let file = parts.pop().unwrap_or_default();
        let file_stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
        // A translation (`sida.en.md`) is named as its page.
        let file_stem = match language_of(content_path) {
            Some(language) => file_stem
                .strip_suffix(&format!(".{language}"))
                .unwrap_or(file_stem),
            None => file_stem,
        };
        // `_index.md` introduces the start page or a section's listing; in
        // any other folder it is that folder's page, as in Hugo and Zola.
        let is_listing = match parts.as_slice() {
            [] => true,
            [folder] => PageKind::from_folder(folder) != PageKind::Plain,
            _ => false,
        };
        let is_section_index = file_stem == "_index" && is_listing;
        let name = if file_stem == "index" || (file_stem == "_index" && !is_listing) {
            parts.pop().unwrap_or("index")
        } else {
            file_stem
        };
        let section = if parts.is_empty() && !is_section_index {
            ""
        } else {
            parts.first().copied().unwrap_or_default()
        };
        let (date, stem) = split_date_prefix(name);
        PageName {
            section,
            parents: parts,
            stem,
            date,
            is_section_index,
        }
    }
}

/// `2023-05-16-yrkesresan` → (2023-05-16, `yrkesresan`); `_` and a space
/// after the date work too (`2024-05-01 Möte i Borås.md`).
fn split_date_prefix(name: &str) -> (Option<PageDate>, &str) {
    if name.len() > 11 && name.is_char_boundary(10) && name.is_char_boundary(11) {
        let (prefix, rest) = name.split_at(10);
        if matches!(&rest[..1], "-" | "_" | " ")
            && let Ok(date) = prefix.parse::<jiff::civil::Date>()
        {
            return (Some(PageDate::day(date)), &rest[1..]);
        }
    }
    (None, name)
}

/// Reports pages that want the same URL, or a URL the site makes itself;
/// returns the positions of the pages refused, in order.
pub fn check_paths<'a>(
    config: &Config,
    pages: impl IntoIterator<Item = &'a Page> + Clone,
    diagnostics: &mut Diagnostics,
) -> Vec<usize> {
    let mut refused = std::collections::BTreeSet::new();
    let mut seen: rustc_hash::FxHashMap<&str, &Page> = Default::default();
    let taxonomies = [
        config.taxonomies.topics.path.as_str(),
        config.taxonomies.municipalities.path.as_str(),
    ];
    let routes = &config.routes;
    let reserved = routes.reserved();
    // The other languages' folders (`en/`) are kept free in the default language.
    let others = config.languages.iter().skip(1).map(String::as_str);
    let others: Vec<&str> = others.filter(|_| config.is_default_language()).collect();
    for (at, page) in pages.clone().into_iter().enumerate() {
        let own = page.path.strip_prefix(&routes.prefix).unwrap_or(&page.path);
        let first = own.split('/').next().unwrap_or_default();
        let section = format!("{}{first}/", routes.prefix);
        let is_section_folder = routes.is_section(&section);
        let taxonomy = |t: &&str| t.strip_prefix(&routes.prefix).unwrap_or(t) == first;
        let is_reserved = !page.is_section_index
            && (reserved.contains(&first)
                || others.contains(&first)
                || (config.editor.is_some() && first == crate::routes::EDITOR)
                || (page.kind == PageKind::Plain && is_section_folder)
                || taxonomies.iter().any(taxonomy)
                || (page.kind == PageKind::Plain && own.trim_end_matches('/').is_empty()));
        let is_pagination = page.kind != PageKind::Plain && page.slug == routes.pagination_word();
        if is_reserved || is_pagination {
            diagnostics.push(
                Diagnostic::error(t!("content-reserved-url", url = &page.path))
                    .in_file(&page.display_path)
                    .hint(t!("content-reserved-url-hint")),
            );
            refused.insert(at);
            continue;
        }
        if let Some(other) = seen.get(page.path.as_str()) {
            refused.insert(at);
            diagnostics.push(
                Diagnostic::error(t!(
                    "content-same-url",
                    url = &page.path,
                    other = &other.display_path
                ))
                .in_file(&page.display_path)
                .hint(t!("content-same-url-hint")),
            );
        } else {
            seen.insert(page.path.as_str(), page);
        }
    }
    for (at, page) in pages.into_iter().enumerate() {
        for alias in &page.front.aliases {
            if let Some(other) = seen.get(format!("{alias}/").as_str()) {
                refused.insert(at);
                diagnostics.push(
                    Diagnostic::error(t!(
                        "content-alias-taken",
                        alias = alias,
                        other = &other.display_path
                    ))
                    .in_file(&page.display_path)
                    .hint(t!("content-alias-taken-hint")),
                );
            }
        }
    }
    refused.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(path: &str) -> (String, Option<String>, bool) {
        let n = PageName::of(path);
        (
            format!("{}|{}|{}", n.section, n.parents.join("/"), n.stem),
            n.date.map(|d| d.iso_date()),
            n.is_section_index,
        )
    }

    #[test]
    fn a_translation_is_keyed_by_its_original_s_file() {
        assert_eq!(translation_key("nyheter/x.en.md"), "nyheter/x.md");
        assert_eq!(translation_key("k/a/index.en.md"), "k/a/index.md");
        assert_eq!(translation_key("_index.en.md"), "_index.md");
        assert_eq!(translation_key("a.en.b/x.en.md"), "a.en.b/x.md");
        assert_eq!(translation_key("a.en.b/x.md"), "a.en.b/x.md");
        assert_eq!(translation_key("v1.2.md"), "v1.2.md");
        assert_eq!(language_of("v1.2.md"), None);
        assert_eq!(language_of("x.de.md"), None);
        assert_eq!(language_of("x.sv.md"), Some("sv"));
    }

    #[test]
    fn names_give_section_stem_and_date() {
        assert_eq!(
            name("nyheter/2023-05-16-yrkesresan.md"),
            (
                "nyheter|nyheter|yrkesresan".into(),
                Some("2023-05-16".into()),
                false
            )
        );
        assert_eq!(
            name("konferenser/kompetens-2016/index.md"),
            ("konferenser|konferenser|kompetens-2016".into(), None, false)
        );
        assert_eq!(name("om-gr.md"), ("||om-gr".into(), None, false));
        assert_eq!(
            name("nyheter/_index.md"),
            ("nyheter|nyheter|_index".into(), None, true)
        );
        assert_eq!(name("2024-13-01-x.md").1, None);
        assert_eq!(name("_index.md"), ("||_index".into(), None, true));
        assert_eq!(name("om/_index.md"), ("||om".into(), None, false));
        assert_eq!(
            name("om/styrelse/_index.md"),
            ("om|om|styrelse".into(), None, false)
        );
        assert_eq!(
            name("nyheter/2016/_index.md"),
            ("nyheter|nyheter|2016".into(), None, false)
        );
    }
}
