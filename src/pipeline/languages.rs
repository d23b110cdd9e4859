//! A site in more than one language (`languages: [sv, en]`): each language
//! besides the default is parsed, indexed and rendered as a site of its own
//! under its folder (`en/`), with its own configuration (`Config::in_language`)
//! and the theme's strings in its language. A link to a page leads to its
//! translation where the linking page's language has one.

use std::sync::Arc;

use crate::config::Config;
use crate::content::PageKind;
use crate::content::{self, SourceFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::SiteIndex;
use crate::index::translations::Translations;
use crate::markdown::{self, Highlighter, LinkMap};
use crate::render::{self, Templates};
use crate::routes::TRANSLATED_FOLDERS;

/// One language besides the default, ready to render.
pub struct Translated {
    /// Its configuration: `language`, routes, title, menu…
    pub config: Config,
    /// Its pages, indexed.
    pub site: SiteIndex,
    /// The theme, with the strings and dates of this language.
    pub templates: Templates,
}

/// One language besides the default, parsed.
pub struct Parsed {
    /// Its configuration.
    pub config: Config,
    /// Its pages.
    pub parsed: content::Parsed,
}

/// Each language's configuration besides the default's, its URL folders
/// named in the theme's language file.
pub fn configs(config: &Config) -> Result<Vec<Config>, Diagnostics> {
    let others = config.languages.iter().skip(1);
    others
        .map(|language| {
            let labels = render::labels_in(config, language)?;
            let name = |key: &str| {
                let fallback = TRANSLATED_FOLDERS.iter().find(|(k, _)| *k == key);
                let fallback = fallback.map_or(key, |(_, name)| *name);
                // A folder name is a URL's part: written as a slug.
                match key.starts_with("url_") {
                    true => crate::text::slugify(&labels.get_or(key, fallback)),
                    false => labels.get_or(key, fallback),
                }
            };
            Ok(config.in_language(language, name))
        })
        .collect()
}

/// Parses the pages of each of `configs`' languages.
pub fn parse(configs: Vec<Config>, sources: &[SourceFile], now: jiff::Timestamp) -> Vec<Parsed> {
    configs
        .into_iter()
        .map(|config| {
            let parsed = content::parse(&config, sources, now);
            Parsed { config, parsed }
        })
        .collect()
}

/// Where links lead from the pages of a language besides the default: a
/// page's file leads to its translation in that language where there is
/// one (`nyheter/x.md` → `en/news/x/`), else to the page itself.
pub fn links(default: &LinkMap, parsed: &content::Parsed) -> LinkMap {
    let mut links = default.clone();
    for page in &parsed.pages {
        let target = markdown::LinkTarget::Page(page.path.clone());
        links.set(&content::translation_key(&page.content_path), Some(target));
    }
    links
}

/// Indexes each language besides the default: its pages' bodies, then its
/// index, with the loose files `loose`. Errors and warnings go to `diagnostics`.
pub fn index(
    others: Vec<Parsed>,
    (default_links, default_targets): (&LinkMap, &Targets),
    highlighter: &Highlighter,
    loose: &[content::Asset],
    diagnostics: &mut Diagnostics,
) -> Vec<Translated> {
    let mut done = Vec::with_capacity(others.len());
    for Parsed { config, mut parsed } in others {
        without_missing_translations(&mut parsed.pages, default_targets);
        diagnostics.extend(parsed.diagnostics.clone());
        let templates = match Templates::load(&config) {
            Ok(templates) => templates,
            Err(errors) => {
                diagnostics.extend(errors);
                continue;
            }
        };
        let links = links(default_links, &parsed)
            .with_unpublished(&parsed.drafts, &parsed.broken)
            .with_timed(&parsed.timing.withheld);
        let tools = (highlighter, &templates.shortcodes);
        let (bodies, errors) = markdown::render_all(&config, &parsed.pages, &links, tools);
        diagnostics.extend(errors);
        let mut broken = parsed.broken;
        let (pages, bodies) = super::with_bodies(parsed.pages, bodies, &mut broken);
        let (site, found) = crate::index::build_anyway(
            &config,
            pages,
            bodies,
            loose.to_vec(),
            &broken,
            parsed.timing,
            None,
        );
        diagnostics.extend(found);
        done.push(Translated {
            config,
            site,
            templates,
        });
    }
    done
}

/// The programmes and conferences of a language, by kind and slug, as
/// `programme:` and `conference:` name them.
pub type Targets = rustc_hash::FxHashSet<(PageKind, String)>;

/// The programmes and conferences among `pages`.
pub fn targets<'a>(pages: impl IntoIterator<Item = &'a content::Page>) -> Targets {
    let kinds = [PageKind::Programme, PageKind::Conference];
    let pages = pages
        .into_iter()
        .filter(|p| kinds.contains(&p.kind) && !p.is_section_index);
    pages.map(|p| (p.kind, p.slug.clone())).collect()
}

/// Leaves out of `pages` (one language's) each `programme:` and
/// `conference:` that names a page of the default language with no
/// translation in theirs: the translation is then not listed under it,
/// rather than failing the build. A name no language has stays, and is
/// reported as in one language.
fn without_missing_translations(pages: &mut [content::Page], default: &Targets) {
    let own = targets(pages.iter());
    let missing = |kind: PageKind, value: &Option<String>| {
        value.as_deref().is_some_and(|value| {
            let slug = crate::text::slugify(value);
            let key = (kind, slug);
            !own.contains(&key) && default.contains(&key)
        })
    };
    for page in pages.iter_mut() {
        if missing(PageKind::Programme, &page.front.programme) {
            page.front.programme = None;
        }
        if missing(PageKind::Conference, &page.front.conference) {
            page.front.conference = None;
        }
        for activity in &mut page.front.activities {
            if missing(PageKind::Conference, &activity.conference) {
                activity.conference = None;
            }
        }
    }
}

/// `lists` of warnings of every language, without a file's "not used by
/// any page" warning when a page of another language uses it.
pub fn across_languages(config: &Config, sites: &[&SiteIndex], lists: [&mut Diagnostics; 2]) {
    let published: rustc_hash::FxHashSet<String> = sites
        .iter()
        .flat_map(|site| {
            let attachments = site.attachments.iter().flatten();
            attachments.chain(site.published_files.iter())
        })
        .map(|asset| config.site.display(&asset.source))
        .collect();
    let is_used = |d: &Diagnostic| {
        crate::index::files::is_unused(d) && d.file.as_ref().is_some_and(|f| published.contains(f))
    };
    for list in lists {
        *list = list.iter().filter(|d| !is_used(d)).cloned().collect();
    }
}

/// `diagnostics`, each said once: languages that share a file or a
/// setting find the same fault each.
pub fn said_once(diagnostics: Diagnostics) -> Diagnostics {
    let mut seen = rustc_hash::FxHashSet::default();
    let said = |d: &&Diagnostic| {
        let key = (d.file.clone(), d.line, d.column, d.message.clone());
        seen.insert(key)
    };
    diagnostics.iter().filter(said).cloned().collect()
}

/// An error for each output path two languages both make (an English
/// page's `aliases:` over a Swedish page's address, say), at the page of
/// the language besides the default that asks for it.
pub fn clashes(default: (&Config, &SiteIndex), others: &[Translated]) -> Diagnostics {
    let (config, site) = default;
    let mut taken: rustc_hash::FxHashMap<String, &str> = render::Job::all(config, site)
        .iter()
        .map(|job| (job.path(site), config.language.as_str()))
        .collect();
    let mut errors = Diagnostics::new();
    for other in others {
        let (config, site) = (&other.config, &other.site);
        for job in render::Job::all(config, site) {
            let path = job.path(site);
            match taken.get(path.as_str()) {
                Some(language) if *language != config.language => {
                    let error = Diagnostic::error(t!("render-language-clash", path = &path))
                        .hint(t!("render-language-clash-hint"));
                    let page = match job {
                        render::Job::Page(id) | render::Job::Alias(id, _) => Some(&site.pages[id]),
                        _ => None,
                    };
                    errors.push(match page {
                        Some(page) => error.in_file(&page.display_path),
                        None => error,
                    });
                }
                _ => {
                    taken.insert(path, config.language.as_str());
                }
            }
        }
    }
    errors
}

/// Links every language's index to the others (`SiteIndex::translations`),
/// and gives the default language every loose file a page of any language
/// publishes, so each is copied once.
pub fn join(default: (&Config, &mut SiteIndex), others: &mut [Translated]) {
    let (config, site) = default;
    let mut all: Vec<(&Config, &SiteIndex)> = vec![(config, &*site)];
    all.extend(others.iter().map(|o| (&o.config, &o.site)));
    let translations = Arc::new(Translations::of(&all));
    site.translations = Arc::clone(&translations);
    let mut published: std::collections::HashSet<std::path::PathBuf> = site
        .published_files
        .iter()
        .map(|file| file.source.clone())
        .collect();
    for other in others.iter_mut() {
        other.site.translations = Arc::clone(&translations);
        for file in std::mem::take(&mut other.site.published_files) {
            if published.insert(file.source.clone()) {
                site.published_files.push(file);
            }
        }
    }
}

/// The site links of each language besides the default that lead nowhere,
/// counting every language's addresses.
pub fn link_warnings(others: &[Translated], addresses: &[String]) -> Diagnostics {
    let mut warnings = Diagnostics::new();
    for other in others {
        let (config, site) = (&other.config, &other.site);
        warnings.extend(crate::index::nowhere::link_warnings(config, site, || {
            let mut own = render::outputs::addresses(config, site);
            own.extend(addresses.iter().cloned());
            own
        }));
    }
    warnings
}
