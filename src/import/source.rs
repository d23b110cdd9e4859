//! The old site, read and never written: its configuration (title, address,
//! language, address rules) and the files of its content.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::Generator;
use super::urls::Rules;
use crate::diagnostics::Diagnostic;

/// What the old site's configuration says.
#[derive(Debug, Default)]
pub struct OldSite {
    pub title: Option<String>,
    pub description: Option<String>,
    /// Its public address (`https://gohugo.io/`), with Jekyll's `baseurl`.
    pub base_url: Option<String>,
    pub language: Option<String>,
    /// The folder its pages are in.
    pub content: PathBuf,
    pub rules: Rules,
    /// Jekyll: the collections that are published (`_docs` → `docs`).
    pub collections: Vec<String>,
    /// The configuration file read, relative to the source.
    pub config_file: Option<String>,
    /// Jekyll: every text and number of the configuration by its Liquid
    /// name (`site.repository`), for values written in pages.
    pub values: BTreeMap<String, String>,
}

/// Configuration files of each generator, in the order they are looked for.
fn config_files(generator: Generator) -> &'static [&'static str] {
    match generator {
        Generator::Hugo => &[
            "hugo.toml",
            "hugo.yaml",
            "hugo.yml",
            "hugo.json",
            "config.toml",
            "config.yaml",
            "config.yml",
            "config.json",
        ],
        Generator::Jekyll => &["_config.yml", "_config.yaml"],
        Generator::Zola => &["zola.toml", "config.toml"],
    }
}

/// Folders of a Hugo or Zola site that hold no pages.
const NOT_CONTENT: [&str; 13] = [
    "archetypes",
    "assets",
    "data",
    "i18n",
    "layouts",
    "public",
    "resources",
    "static",
    "themes",
    "templates",
    "sass",
    "node_modules",
    "vendor",
];

/// Reads the old site's configuration; a site without one is read with
/// the generator's defaults.
pub fn read(generator: Generator, source: &Path) -> Result<OldSite, Diagnostic> {
    let mut site = OldSite::default();
    let mut config = Value::Null;
    for name in config_files(generator) {
        let path = source.join(name);
        if !is_plain_file(&path) {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| {
            Diagnostic::error(t!("import-unreadable", reason = e.to_string())).in_file(*name)
        })?;
        config = parse(name, &text).map_err(|reason| {
            Diagnostic::error(t!("import-bad-config", reason = reason))
                .in_file(*name)
                .hint(t!("import-bad-config-hint"))
        })?;
        site.config_file = Some((*name).to_string());
        break;
    }
    let get = |key: &str| text_of(&config, key);
    site.title = get("title");
    site.description =
        get("description").or_else(|| config.get("params").and_then(|p| text_of(p, "description")));
    site.base_url = match generator {
        Generator::Hugo => get("baseurl"),
        Generator::Zola => get("base_url"),
        Generator::Jekyll => get("url").map(|url| {
            let base = get("baseurl").unwrap_or_default();
            format!("{}/{}", url.trim_end_matches('/'), base.trim_matches('/'))
        }),
    };
    site.language = match generator {
        Generator::Hugo => get("languagecode").or_else(|| get("defaultcontentlanguage")),
        Generator::Zola => get("default_language"),
        Generator::Jekyll => get("lang").or_else(|| get("locale")),
    };
    site.content = match generator {
        Generator::Hugo => {
            let dir = source.join(get("contentdir").unwrap_or_else(|| "content".into()));
            if dir.is_dir() {
                dir
            } else {
                source.to_path_buf()
            }
        }
        Generator::Zola => {
            let dir = source.join("content");
            if dir.is_dir() {
                dir
            } else {
                source.to_path_buf()
            }
        }
        Generator::Jekyll => source.to_path_buf(),
    };
    match generator {
        Generator::Hugo => site.rules.permalinks = hugo_permalinks(&config),
        Generator::Jekyll => {
            site.rules.permalink = get("permalink");
            site.collections.push("posts".into());
            site.collections.push("drafts".into());
            read_collections(&config, &mut site);
            flatten("site", &config, 0, &mut site.values);
        }
        Generator::Zola => {}
    }
    Ok(site)
}

/// A configuration file's text as JSON.
fn parse(name: &str, text: &str) -> Result<Value, String> {
    if name.ends_with(".toml") {
        let table: toml::Table = toml::from_str(text).map_err(|e| e.to_string())?;
        serde_json::to_value(table).map_err(|e| e.to_string())
    } else if name.ends_with(".json") {
        serde_json::from_str(text).map_err(|e| e.to_string())
    } else {
        serde_yaml::from_str(text).map_err(|e| e.to_string())
    }
}

/// The text at `key` of `value`, its case ignored (Hugo's keys are).
fn text_of(value: &Value, key: &str) -> Option<String> {
    let map = value.as_object()?;
    let found = map.iter().find(|(k, _)| k.to_lowercase() == key)?.1;
    found
        .as_str()
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty())
}

/// Hugo's `[permalinks]`, or its `[permalinks.page]` of newer versions.
fn hugo_permalinks(config: &Value) -> BTreeMap<String, String> {
    let Some(map) = config
        .as_object()
        .and_then(|m| m.iter().find(|(k, _)| k.to_lowercase() == "permalinks"))
        .and_then(|(_, v)| v.as_object())
    else {
        return BTreeMap::new();
    };
    let map = map.get("page").and_then(Value::as_object).unwrap_or(map);
    map.iter()
        .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string())))
        .collect()
}

/// Every text and number under `value`, by its dotted name.
fn flatten(name: &str, value: &Value, depth: usize, into: &mut BTreeMap<String, String>) {
    match value {
        Value::String(text) => {
            into.insert(name.to_string(), text.clone());
        }
        Value::Number(n) => {
            into.insert(name.to_string(), n.to_string());
        }
        Value::Object(map) if depth < 4 => {
            for (key, inner) in map {
                flatten(&format!("{name}.{key}"), inner, depth + 1, into);
            }
        }
        _ => {}
    }
}

/// Jekyll's `collections`: a map of name → settings, or a list of names.
fn read_collections(config: &Value, site: &mut OldSite) {
    match config.get("collections") {
        Some(Value::Object(map)) => {
            for (name, settings) in map {
                let output = settings.get("output").and_then(Value::as_bool);
                if output == Some(false) && name != "posts" {
                    continue;
                }
                if let Some(pattern) = settings.get("permalink").and_then(Value::as_str) {
                    site.rules
                        .collections
                        .insert(name.clone(), pattern.to_string());
                }
                if !site.collections.contains(name) {
                    site.collections.push(name.clone());
                }
            }
        }
        Some(Value::Array(names)) => {
            site.collections
                .extend(names.iter().filter_map(|n| n.as_str().map(str::to_string)));
        }
        _ => {}
    }
}

/// A file, not a link to one.
fn is_plain_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
}

/// The files of the old site's content.
#[derive(Debug, Default)]
pub struct Files {
    /// Markdown pages, relative to the content folder, `/`-separated.
    pub pages: Vec<String>,
    /// Other files to carry over (a bundle's pictures, documents).
    pub other: Vec<String>,
    /// Links, left out: nothing outside the source is read.
    pub links: Vec<String>,
}

/// Extensions of files a page may use, carried over from a Jekyll site
/// (whose other files are its build's: styles, scripts, plugins).
const DOCUMENTS: [&str; 22] = [
    "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "pdf", "doc", "docx", "ppt", "pptx", "xls",
    "xlsx", "odt", "odp", "ods", "csv", "txt", "mp3", "mp4", "zip",
];

/// Lists the content of `site`, following no links.
pub fn list(generator: Generator, site: &OldSite, source: &Path) -> Files {
    let mut files = Files::default();
    let content = &site.content;
    let top_level_skips = generator != Generator::Jekyll && content.as_path() == source;
    let walker = walkdir::WalkDir::new(content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            let name = entry.file_name().to_string_lossy();
            if entry.depth() == 0 {
                return true;
            }
            if name.starts_with('.') {
                return false;
            }
            let is_dir = entry.file_type().is_dir();
            if top_level_skips && entry.depth() == 1 && is_dir && NOT_CONTENT.contains(&&*name) {
                return false;
            }
            if generator == Generator::Jekyll && entry.depth() == 1 && is_dir {
                if let Some(collection) = name.strip_prefix('_') {
                    return site.collections.iter().any(|c| c == collection);
                }
                return !matches!(&*name, "node_modules" | "vendor");
            }
            true
        });
    for entry in walker.flatten() {
        if entry.depth() == 0 {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(content)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if entry.file_type().is_symlink() {
            files.links.push(rel);
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let extension = rel
            .rsplit_once('.')
            .map(|(_, e)| e.to_lowercase())
            .unwrap_or_default();
        let is_config = entry.depth() == 1 && config_files(generator).contains(&rel.as_str());
        if matches!(extension.as_str(), "md" | "markdown") && !is_config {
            files.pages.push(rel);
        } else if is_config || file_name(&rel).starts_with("_index.") {
            // A stray copy of a section's page (`_index.old`) is no one's file.
            continue;
        } else if generator != Generator::Jekyll || DOCUMENTS.contains(&extension.as_str()) {
            if entry.depth() == 1 && top_level_skips {
                continue;
            }
            files.other.push(rel);
        }
    }
    files
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}
