//! `site.yaml` → `Config`: defaults filled in, paths resolved, errors located.
//!
//! In: the site root. Out: a `Config` shared by `&` with every stage, holding
//! the `SiteRoot` every stage reads files through. It reads only `site.yaml`;
//! the theme's files are read by the render stage.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::fs::{MAX_TEXT_BYTES, SiteRoot, is_plain_name};
use crate::yaml;

mod editor;
mod languages;
pub use editor::{Backend, Editor};
pub use languages::Translation;

/// What to build, and how.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site's folder (with `site.yaml` and `content/`).
    pub root: PathBuf,
    /// Where to write; `root/public` when `None`.
    pub output: Option<PathBuf>,
    /// Build draft pages too.
    pub drafts: bool,
    /// Replaces `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Publish pages dated ahead too (`build --future`).
    pub future: bool,
    /// The build's moment, which decides what is scheduled, expired and
    /// upcoming; the clock's when `None` (tests set it).
    pub now: Option<Timestamp>,
}

impl BuildOptions {
    /// Options for the site at `root` with everything else as default.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            ..BuildOptions::default()
        }
    }

    /// The build's moment: `now`, else the clock's.
    pub fn now(&self) -> Timestamp {
        self.now.unwrap_or_else(Timestamp::now)
    }

    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// The configuration file's name in the site root.
pub const CONFIG_FILE: &str = "site.yaml";

/// The folder under the site root where arkiv keeps what speeds up the next
/// build: rendered bodies and records (`pipeline::kept`), resized pictures
/// (`images`).
pub const CACHE_DIR: &str = ".arkiv-cache";

/// The ids of the content rules `check` applies (see the rules module), which
/// `content_rules:` in site.yaml can turn off.
pub const CONTENT_RULES: [&str; 6] = [
    "link-text",
    "same-link-text",
    "alt-file-name",
    "table-header",
    "bold-heading",
    "all-caps",
];

/// One entry of the main navigation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// The link text.
    pub title: String,
    /// A site path such as `/nyheter/`, or a full URL.
    pub url: String,
}

/// How one taxonomy is published.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TaxonomyConfig {
    /// The URL folder, e.g. `amnen`.
    pub path: String,
    /// The index page's heading, e.g. "Ämnen".
    pub title: String,
    /// The allowed terms; empty allows any.
    #[serde(default)]
    pub terms: Vec<String>,
}

/// The two taxonomies front matter knows: `topics` and `municipalities`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Taxonomies {
    /// Ämnen.
    #[serde(default = "default_topics")]
    pub topics: TaxonomyConfig,
    /// Kommuner.
    #[serde(default = "default_municipalities")]
    pub municipalities: TaxonomyConfig,
}

impl Default for Taxonomies {
    fn default() -> Self {
        Taxonomies {
            topics: default_topics(),
            municipalities: default_municipalities(),
        }
    }
}

fn default_topics() -> TaxonomyConfig {
    TaxonomyConfig {
        path: "amnen".into(),
        title: "Ämnen".into(),
        terms: Vec::new(),
    }
}

fn default_municipalities() -> TaxonomyConfig {
    TaxonomyConfig {
        path: "kommuner".into(),
        title: "Kommuner".into(),
        terms: Vec::new(),
    }
}

/// Markdown options.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct MarkdownConfig {
    /// Typographic quotes and dashes, Swedish style (”…”, ’, –).
    pub smart_punctuation: bool,
    /// Highlight fenced code with CSS classes.
    pub highlight: bool,
    /// Sanitise the rendered body with ammonia: raw HTML that could run script
    /// or restyle the page is removed (for authors who are not trusted).
    pub safe: bool,
}

impl Default for MarkdownConfig {
    fn default() -> Self {
        MarkdownConfig {
            smart_punctuation: true,
            highlight: true,
            safe: false,
        }
    }
}

/// `site.yaml` as written; every key optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    description: Option<String>,
    base_url: Option<String>,
    language: Option<String>,
    /// Every language of a site in more than one, the default first.
    languages: Option<Vec<String>>,
    /// Settings per language other than the default: `{ en: { title, menu… } }`.
    translations: Option<BTreeMap<String, Translation>>,
    theme: Option<String>,
    paginate: Option<usize>,
    menu: Option<Vec<MenuItem>>,
    social: Option<Vec<MenuItem>>,
    #[serde(default)]
    taxonomies: Taxonomies,
    #[serde(default)]
    markdown: MarkdownConfig,
    organisation: Option<Organisation>,
    search: Option<bool>,
    dates: Option<Dates>,
    /// Content rules turned on or off by id (see the rules module).
    content_rules: Option<BTreeMap<String, bool>>,
    /// The editor at `/admin/`, and where it commits.
    editor: Option<Editor>,
    extra: Option<yaml::Value>,
}

/// `dates:` in site.yaml: where dates come from besides the front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Dates {
    /// `git`: a page's "last updated" is its last commit's day.
    updated: DateSource,
}

/// Where a date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum DateSource {
    /// Only the front matter.
    FrontMatter,
    /// The git history, unless the front matter sets it.
    Git,
}

/// Who publishes the site: shown in the footer.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// The organisation's name.
    pub name: String,
    /// A sentence or two about it.
    #[serde(default)]
    pub about: String,
    /// Postal or visiting address.
    #[serde(default)]
    pub address: String,
    /// Telephone.
    #[serde(default)]
    pub phone: String,
    /// Email.
    #[serde(default)]
    pub email: String,
    /// Member municipalities, listed in the footer.
    #[serde(default)]
    pub members: Vec<String>,
}

/// site.yaml's text as written; an empty file is all defaults.
fn raw_config(source: &Arc<str>) -> Result<RawConfig, Diagnostics> {
    if source.trim().is_empty() {
        return Ok(yaml::from_str("{}").expect("an empty mapping is a valid RawConfig"));
    }
    yaml::from_str(source).map_err(|err| {
        let explained = yaml::explain(&err, source, 1);
        // site.yaml's own keys are listed in its hint; the rest as for pages.
        let hint = if err.message.starts_with("unknown field") {
            t!("config-unknown-key-hint")
        } else {
            explained.hint
        };
        Diagnostic::error(t!("config-invalid", detail = explained.message))
            .at_line(CONFIG_FILE, source, explained.line, explained.column)
            .hint(hint)
            .detail(err.message)
            .into()
    })
}

/// The settings whose values arkiv cannot use: an unknown language, no
/// pages per listing page, a theme that is not a folder's name.
fn check_settings(
    source: &Arc<str>,
    raw: &RawConfig,
    language: &str,
    theme: &str,
) -> Result<(), Diagnostics> {
    let at = |key: &str, error: Diagnostic| {
        let line = find_key_line(source, key).unwrap_or(1);
        Err(error.at_line(CONFIG_FILE, source, line, 1).into())
    };
    if let Err((key, error)) = languages::check(raw, language) {
        return at(key, error);
    }
    if raw.paginate == Some(0) {
        return at(
            "paginate",
            Diagnostic::error(t!("config-paginate-zero")).hint(t!("config-paginate-zero-hint")),
        );
    }
    let social = raw.social.iter().flatten();
    let web = crate::text::is_web_address;
    if let Some(link) = social.into_iter().find(|link| !web(&link.url)) {
        return at(
            "social",
            Diagnostic::error(t!("config-social-not-web", url = &link.url))
                .hint(t!("config-social-not-web-hint")),
        );
    }
    let rules = raw.content_rules.iter().flatten();
    if let Some((rule, _)) = rules
        .into_iter()
        .find(|(r, _)| !CONTENT_RULES.contains(&r.as_str()))
    {
        return at(
            "content_rules",
            Diagnostic::error(t!("config-unknown-rule", rule = rule)).hint(t!(
                "config-unknown-rule-hint",
                rules = CONTENT_RULES.join(", ")
            )),
        );
    }
    if !is_plain_name(theme) {
        return at(
            "theme",
            Diagnostic::error(t!("config-theme-not-a-name", theme = theme))
                .hint(t!("config-theme-not-a-name-hint")),
        );
    }
    Ok(())
}

/// The site's configuration with defaults filled in.
#[derive(Debug, Clone)]
pub struct Config {
    /// The site root (the folder with `site.yaml`).
    pub root: PathBuf,
    /// The same folder as the trust boundary: every file of the site is read through it.
    pub site: SiteRoot,
    /// The site's name.
    pub title: String,
    /// One sentence about the site, for `<meta name="description">`.
    pub description: String,
    /// The public address, always ending in `/`.
    pub base_url: String,
    /// The path part of `base_url`, always starting and ending in `/`.
    pub base_path: String,
    /// The content language: `sv` or `en`; in a site in more than one
    /// language, the language of the pages this configuration builds.
    pub language: String,
    /// Every language of the site, the default first (one for most sites).
    pub languages: Vec<String>,
    /// site.yaml's settings for the languages besides the default.
    pub translations: BTreeMap<String, Translation>,
    /// The URL folders of `language` (`en/news/` beside Swedish).
    pub routes: crate::routes::Routes,
    /// The term names in `language` (empty for the default language).
    pub terms: BTreeMap<String, String>,
    /// The theme's folder name under `themes/`.
    pub theme: String,
    /// Pages per listing page.
    pub paginate: usize,
    /// The main navigation; empty means the theme's default.
    pub menu: Vec<MenuItem>,
    /// The organisation elsewhere (LinkedIn, YouTube…): name and address,
    /// shown in the footer.
    pub social: Vec<MenuItem>,
    /// Topic and municipality indexes.
    pub taxonomies: Taxonomies,
    /// Markdown options.
    pub markdown: MarkdownConfig,
    /// The publishing organisation.
    pub organisation: Organisation,
    /// Free keys for templates.
    pub extra: serde_json::Value,
    /// Whether the search index is built.
    pub search: bool,
    /// The editor published at `/admin/`, when site.yaml asks for one.
    pub editor: Option<Editor>,
    /// The content rules site.yaml turns off (`content_rules: { all-caps: false }`).
    pub rules_off: BTreeSet<String>,
    /// Whether draft pages are built.
    pub drafts: bool,
    /// Whether pages dated ahead are built (`--future`, and `serve`).
    pub future: bool,
    /// Whether a page's `updated` comes from its git history when its front
    /// matter does not set it (`dates: { updated: git }`).
    pub updated_from_git: bool,
}

impl Config {
    /// Reads `site.yaml` in `root`; a missing file gives the defaults.
    pub fn load(root: &Path) -> Result<Config, Diagnostics> {
        let site = SiteRoot::new(root);
        let path = root.join(CONFIG_FILE);
        let bytes = match site.read_optional(&path, MAX_TEXT_BYTES) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                if !root.join("content").is_dir() {
                    return Err(Diagnostic::usage(t!(
                        "config-no-site",
                        root = root.display().to_string()
                    ))
                    .hint(t!("config-no-site-hint"))
                    .into());
                }
                Vec::new()
            }
            Err(refused) => return Err(refused.into()),
        };
        let text = crate::fs::decode(&bytes).map_err(|(line, column)| {
            Diagnostic::error(t!("config-not-utf8", file = CONFIG_FILE))
                .in_file(CONFIG_FILE)
                .at_position(line, column)
                .hint(t!("config-not-utf8-hint"))
        })?;
        Self::parse_in(site, &text)
    }

    /// Parses `site.yaml`'s text; `root` is where the site lives.
    pub fn parse(root: &Path, text: &str) -> Result<Config, Diagnostics> {
        Self::parse_in(SiteRoot::new(root), text)
    }

    /// `parse` for the site `site`, its folder already resolved.
    fn parse_in(site: SiteRoot, text: &str) -> Result<Config, Diagnostics> {
        let root = site.path();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let source: Arc<str> = Arc::from(text.replace("\r\n", "\n"));
        let raw = raw_config(&source)?;
        let base_url = normalise_base_url(raw.base_url.as_deref().unwrap_or("/"));
        let base_path = base_path_of(&base_url);
        let languages = raw.languages.clone().unwrap_or_default();
        let language = (raw.language.clone())
            .or_else(|| languages.first().cloned())
            .unwrap_or_else(|| "sv".into());
        let theme = raw.theme.clone().unwrap_or_else(|| "gr".into());
        check_settings(&source, &raw, &language, &theme)?;
        Ok(Config {
            root: root.to_path_buf(),
            site,
            title: raw.title.unwrap_or_else(|| "arkiv".into()),
            description: raw.description.unwrap_or_default(),
            base_url,
            base_path,
            languages: if languages.is_empty() {
                vec![language.clone()]
            } else {
                languages
            },
            language,
            translations: raw.translations.unwrap_or_default(),
            routes: crate::routes::Routes::default(),
            terms: BTreeMap::new(),
            theme,
            paginate: raw.paginate.unwrap_or(10),
            menu: raw.menu.unwrap_or_default(),
            social: raw.social.clone().unwrap_or_default(),
            taxonomies: raw.taxonomies,
            markdown: raw.markdown,
            organisation: raw.organisation.unwrap_or_default(),
            search: raw.search.unwrap_or(true),
            editor: raw.editor,
            rules_off: raw
                .content_rules
                .iter()
                .flatten()
                .filter(|(_, on)| !**on)
                .map(|(rule, _)| rule.clone())
                .collect(),
            updated_from_git: raw
                .dates
                .as_ref()
                .is_some_and(|d| d.updated == DateSource::Git),
            extra: raw
                .extra
                .as_ref()
                .map_or(serde_json::Value::Null, yaml::to_json),
            drafts: false,
            future: false,
        })
    }

    /// True unless site.yaml turns the content rule `rule` off.
    pub fn rule_is_on(&self, rule: &str) -> bool {
        !self.rules_off.contains(rule)
    }

    /// Replaces the public address (from `--base-url`).
    pub fn set_base_url(&mut self, base_url: &str) {
        self.base_url = normalise_base_url(base_url);
        self.base_path = base_path_of(&self.base_url);
    }

    /// The folder with the Markdown content.
    pub fn content_dir(&self) -> PathBuf {
        self.root.join("content")
    }

    /// The theme's folder.
    pub fn theme_dir(&self) -> PathBuf {
        self.root.join("themes").join(&self.theme)
    }

    /// The site's own static files, copied over the theme's.
    pub fn static_dir(&self) -> PathBuf {
        self.root.join("static")
    }

    /// The site-relative URL of output path `path` (`nyheter/x/` → `/nyheter/x/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_path, path.trim_start_matches('/'))
    }

    /// The absolute URL of output path `path`, for feeds and canonical links.
    pub fn absolute_url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }
}

fn normalise_base_url(url: &str) -> String {
    let url = url.trim();
    if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }
}

fn base_path_of(base_url: &str) -> String {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let path = if base_url.contains("://") {
        after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
    } else {
        after_scheme
    };
    if path.starts_with('/') {
        path.to_string()
    } else {
        format!("/{path}")
    }
}

/// The 1-based line of top-level `key:` in YAML `text`.
pub fn find_key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fill_an_empty_file() {
        let config = Config::parse(Path::new("."), "").unwrap();
        assert_eq!(config.language, "sv");
        assert_eq!(config.base_path, "/");
        assert_eq!(config.paginate, 10);
        assert_eq!(config.taxonomies.topics.path, "amnen");
    }

    #[test]
    fn base_url_with_a_path_prefixes_site_urls() {
        let config = Config::parse(Path::new("."), "base_url: https://gr.se/arkiv").unwrap();
        assert_eq!(config.base_url, "https://gr.se/arkiv/");
        assert_eq!(config.url("nyheter/"), "/arkiv/nyheter/");
        assert_eq!(
            config.absolute_url("atom.xml"),
            "https://gr.se/arkiv/atom.xml"
        );
    }

    #[test]
    fn an_unknown_key_is_located() {
        let err = Config::parse(Path::new("."), "title: GR\ntitel: GR\n").unwrap_err();
        let d = err.iter().next().unwrap();
        assert_eq!(d.location().as_deref(), Some("site.yaml:2:1"));
        assert!(d.message.contains("titel"), "{}", d.message);
    }
}
