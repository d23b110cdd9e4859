//! `arkiv import hugo|jekyll|zola SOURCE [--into DIR] [--map old=new]`:
//! an arkiv site (content, site.yaml, the gr theme) from another
//! generator's sources. SOURCE is only read, and no link in it is followed;
//! the new site is written beside DIR and moved into place whole, so a
//! failed import leaves nothing.
//!
//! Each page's front matter is mapped (`front`), its folder given an arkiv
//! section (`new_path`), its template code converted (`body`), its links
//! to old addresses made `.md` links, and its old address kept as an alias
//! (`urls`) unless the page keeps that address.

mod body;
pub mod front;
mod links;
pub mod report;
mod source;
mod urls;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
pub use report::Report;
use report::{Kept, Place};

/// The generator a site is imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Generator {
    Hugo,
    Jekyll,
    Zola,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Generator::Hugo => "hugo",
            Generator::Jekyll => "jekyll",
            Generator::Zola => "zola",
        }
    }
}

/// What to import, and where to.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub from: Generator,
    pub source: PathBuf,
    pub into: PathBuf,
    /// Folder renames: old top folder → arkiv section (`posts` → `nyheter`).
    pub map: Vec<(String, String)>,
}

/// The gr theme, written into every imported site so it builds at once.
static THEME: include_dir::Dir = include_dir::include_dir!("$CARGO_MANIFEST_DIR/themes/gr");

/// One page on its way.
struct Planned {
    /// Its path under the old content folder.
    old: String,
    /// Its content path in the new site.
    new: String,
    mapped: front::Mapped,
    body: String,
    /// The line the body starts on in the old file.
    body_line: usize,
    old_url: Option<String>,
    new_url: String,
}

/// Imports the site `opts` names; every page whose front matter cannot be
/// read is reported, and nothing is written then.
pub fn import(opts: &ImportOptions) -> Result<Report, Diagnostics> {
    check_folders(opts)?;
    let site = source::read(opts.from, &opts.source)?;
    let files = source::list(opts.from, &site, &opts.source);
    let mut report = Report {
        from: opts.from.name().into(),
        ..Report::default()
    };
    let mut errors = Diagnostics::new();
    let mut pages: Vec<Planned> = Vec::new();
    for old in &files.pages {
        match plan(opts, &site, old, &files.pages, &mut report) {
            Ok(Some(page)) => pages.push(page),
            Ok(None) => {}
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for link in &files.links {
        report.notes.push(Place {
            file: link.clone(),
            line: 0,
            what: t!("import-note-link"),
        });
    }
    keep_old_addresses(&mut pages, &mut report);
    let written = convert_bodies(opts, &site, &pages, &mut report);
    write_site(opts, &site, &files, &written, &mut report).map_err(|e| {
        Diagnostics::from(
            Diagnostic::error(t!("import-write-failed", reason = e.to_string()))
                .in_file(display_path(Path::new("."), &opts.into)),
        )
    })?;
    report.pages = written.len();
    report.unconverted.sort();
    report.converted.sort();
    report.aliases.sort();
    Ok(report)
}

/// SOURCE must be a folder; DIR must be new or empty, and outside SOURCE.
fn check_folders(opts: &ImportOptions) -> Result<(), Diagnostics> {
    let source_name = opts.source.display().to_string();
    let Some(source) = opts.source.canonicalize().ok().filter(|p| p.is_dir()) else {
        return Err(
            Diagnostic::usage(t!("import-no-source", path = source_name))
                .hint(t!("import-no-source-hint"))
                .into(),
        );
    };
    let into_name = opts.into.display().to_string();
    if opts.into.exists() {
        let empty = std::fs::read_dir(&opts.into).is_ok_and(|mut d| d.next().is_none());
        if !empty || std::fs::symlink_metadata(&opts.into).is_ok_and(|m| m.is_symlink()) {
            return Err(
                Diagnostic::usage(t!("import-into-not-empty", path = into_name))
                    .hint(t!("import-into-not-empty-hint"))
                    .into(),
            );
        }
    }
    let parent = opts
        .into
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let inside = parent
        .canonicalize()
        .is_ok_and(|parent| parent.starts_with(&source));
    if inside {
        return Err(
            Diagnostic::usage(t!("import-into-inside-source", path = into_name))
                .hint(t!("import-into-inside-source-hint"))
                .into(),
        );
    }
    Ok(())
}

/// Reads and maps one page; `None` for a file that is not a page.
fn plan(
    opts: &ImportOptions,
    site: &source::OldSite,
    old: &str,
    all: &[String],
    report: &mut Report,
) -> Result<Option<Planned>, Diagnostic> {
    let shown = display_path(&opts.source, &site.content.join(old));
    let bytes = std::fs::read(site.content.join(old)).map_err(|e| {
        Diagnostic::error(t!("import-unreadable", reason = e.to_string())).in_file(&shown)
    })?;
    let text = crate::fs::decode(&bytes).map_err(|(line, column)| {
        Diagnostic::error(t!("content-not-utf8"))
            .in_file(&shown)
            .at_position(line, column)
            .hint(t!("config-not-utf8-hint"))
    })?;
    let (fields, body, body_line) = match front::split(&text) {
        Some(split) => {
            let fields = front::fields(&split).map_err(|reason| {
                Diagnostic::error(t!("import-bad-front-matter", reason = reason))
                    .in_file(&shown)
                    .at_position(split.front_line, 1)
                    .hint(t!("import-bad-front-matter-hint"))
            })?;
            let line = text[..text.len() - split.body.len()].matches('\n').count() + 1;
            (fields, split.body.to_string(), line)
        }
        None => (serde_json::Map::new(), text.clone(), 1),
    };
    let new = new_path(opts, old, all);
    let mut mapped = front::map(fields);
    let content_file = format!("content/{new}");
    for (from, to) in &mapped.renamed {
        let entry = report
            .mapped_keys
            .entry(from.clone())
            .or_insert_with(|| (to.clone(), 0));
        entry.1 += 1;
    }
    for key in &mapped.kept {
        *report.extra_keys.entry(key.clone()).or_default() += 1;
    }
    for problem in &mapped.problems {
        report.notes.push(Place {
            file: content_file.clone(),
            line: 1,
            what: t!("import-note-date", value = problem.as_str()),
        });
    }
    if mapped.title.is_none() {
        let title = title_from_name(&new);
        report.notes.push(Place {
            file: content_file.clone(),
            line: 1,
            what: t!("import-note-title", title = title.as_str()),
        });
        let mut front = serde_yaml::Mapping::new();
        front.insert("title".into(), title.clone().into());
        front.extend(std::mem::take(&mut mapped.front));
        mapped.front = front;
        mapped.title = Some(title);
    }
    if opts.from == Generator::Jekyll && old.starts_with("_drafts/") {
        mapped.front.insert("draft".into(), true.into());
    }
    // A post's date may be only in its file name (`2016-04-19-namn.md`).
    let file_date = old
        .rsplit('/')
        .next()
        .and_then(|file| file.get(..10))
        .filter(|day| day.parse::<jiff::civil::Date>().is_ok());
    let facts = urls::Facts {
        path: old,
        title: mapped.title.as_deref(),
        slug: mapped.slug.as_deref(),
        date: mapped.date.as_deref().or(file_date),
        url: mapped.url.as_deref(),
        categories: &mapped.categories,
    };
    let old_url = urls::old_url(opts.from, &site.rules, &facts);
    let Some(address) = crate::content::page_address(&new, mapped.slug.as_deref()) else {
        report.notes.push(Place {
            file: content_file,
            line: 1,
            what: t!("import-note-no-address"),
        });
        return Ok(None);
    };
    Ok(Some(Planned {
        old: old.to_string(),
        new,
        mapped,
        body,
        body_line,
        old_url,
        new_url: format!("/{address}"),
    }))
}

/// `Om oss` from `om-oss.md`, the folder's name for an `_index.md`.
fn title_from_name(content_path: &str) -> String {
    let mut parts: Vec<&str> = content_path.split('/').collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    let name = if matches!(stem, "_index" | "index") {
        parts.pop().unwrap_or("Start")
    } else {
        stem
    };
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Start".into(),
    }
}

/// The page's content path in the new site: its top folder renamed to an
/// arkiv section where one fits (or as `--map` says), and a Jekyll
/// `index.md` beside other pages made that folder's `_index.md`.
fn new_path(opts: &ImportOptions, old: &str, all: &[String]) -> String {
    let mut parts: Vec<String> = old.split('/').map(str::to_string).collect();
    let last = parts.len() - 1;
    if opts.from == Generator::Jekyll
        && matches!(parts[last].as_str(), "index.md" | "index.markdown")
    {
        let dir = parts[..last].join("/");
        let prefix = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let has_others = all.iter().any(|p| p != old && p.starts_with(&prefix));
        if last == 0 || has_others {
            parts[last] = "_index.md".into();
        }
    }
    if last > 0 {
        parts[0] = folder_for(opts, &parts[0]);
    }
    parts.join("/")
}

/// The arkiv folder for an old top folder.
fn folder_for(opts: &ImportOptions, top: &str) -> String {
    if let Some((_, new)) = opts.map.iter().find(|(old, _)| old == top) {
        return new.clone();
    }
    match top {
        "_posts" | "_drafts" if opts.from == Generator::Jekyll => "nyheter".into(),
        "posts" | "post" | "blog" | "news" => "nyheter".into(),
        _ if opts.from == Generator::Jekyll && top.starts_with('_') => top[1..].to_string(),
        _ => top.to_string(),
    }
}

/// Every page's old address and earlier aliases become its aliases, unless
/// it is the page's new address or another page's (new, or kept first).
fn keep_old_addresses(pages: &mut [Planned], report: &mut Report) {
    let mut taken: HashMap<String, usize> = pages
        .iter()
        .enumerate()
        .map(|(at, p)| (links::normalise_url(&p.new_url), at))
        .collect();
    for (at, page) in pages.iter_mut().enumerate() {
        let mut old: Vec<String> = page.old_url.iter().cloned().collect();
        old.extend(page.mapped.aliases.iter().map(|a| links::absolute(a)));
        let mut kept: Vec<String> = Vec::new();
        for url in old {
            let key = links::normalise_url(&url);
            let entry = Kept {
                file: format!("content/{}", page.new),
                old: url.clone(),
                new: page.new_url.clone(),
            };
            match taken.get(&key) {
                Some(&owner) if owner == at => {}
                Some(_) => report.aliases_dropped.push(entry),
                None => {
                    taken.insert(key, at);
                    kept.push(url);
                    report.aliases.push(entry);
                }
            }
        }
        if !kept.is_empty() {
            let list = kept.into_iter().map(serde_yaml::Value::String).collect();
            page.mapped
                .front
                .insert("aliases".into(), serde_yaml::Value::Sequence(list));
            // `extra` stays last.
            if let Some(extra) = page.mapped.front.remove("extra") {
                page.mapped.front.insert("extra".into(), extra);
            }
        }
    }
}

/// Each page's text as written in the new site: front matter, then the
/// body with its template code converted and its links rewritten.
fn convert_bodies(
    opts: &ImportOptions,
    site: &source::OldSite,
    pages: &[Planned],
    report: &mut Report,
) -> Vec<(String, String)> {
    let index = links::Index::new(
        opts.from,
        site,
        pages
            .iter()
            .map(|p| (&p.old, &p.new, &p.old_url, &p.mapped.aliases)),
    );
    let shortcodes: Vec<String> = THEME
        .get_dir("templates/shortcodes")
        .into_iter()
        .flat_map(|dir| dir.files())
        .filter_map(|f| f.path().file_stem()?.to_str().map(str::to_string))
        .collect();
    let mut written = Vec::with_capacity(pages.len());
    for page in pages {
        let resolve = |reference: body::Ref| index.resolve(&page.old, reference);
        let rules = body::Rules {
            generator: opts.from,
            resolve: &resolve,
            shortcodes: &shortcodes,
            values: &site.values,
        };
        let converted = body::convert(&page.body, &rules);
        let file = format!("content/{}", page.new);
        let place = |(line, what): &(usize, String)| Place {
            file: file.clone(),
            line: page.body_line + line - 1,
            what: what.clone(),
        };
        report
            .converted
            .extend(converted.converted.iter().map(place));
        report
            .unconverted
            .extend(converted.unconverted.iter().map(place));
        let missing = std::cell::RefCell::new(Vec::new());
        let (text, count) =
            body::rewrite_links(&converted.text, |dest| match index.rewrite(page, dest) {
                links::Found::Page(link) => Some(link),
                links::Found::Missing => {
                    missing.borrow_mut().push(dest.to_string());
                    None
                }
                links::Found::Other => None,
            });
        report.links_rewritten += count;
        for dest in missing.into_inner() {
            let at = converted.text.find(&dest).unwrap_or(0);
            let line = converted.text[..at].matches('\n').count() + 1;
            report.notes.push(Place {
                file: file.clone(),
                line: page.body_line + line - 1,
                what: t!("import-note-missing-page", link = dest),
            });
        }
        let text = format!("{}{}", front::write(&page.mapped.front), text);
        written.push((page.new.clone(), text));
    }
    written
}

/// Writes the new site beside `into` and moves it into place.
fn write_site(
    opts: &ImportOptions,
    site: &source::OldSite,
    files: &source::Files,
    pages: &[(String, String)],
    report: &mut Report,
) -> std::io::Result<()> {
    let name = opts
        .into
        .file_name()
        .map_or_else(|| "site".into(), |n| n.to_string_lossy().to_string());
    let temp = opts
        .into
        .with_file_name(format!(".{name}.import-{:x}", crate::output::random_id()));
    let result = (|| {
        let content = temp.join("content");
        for (path, text) in pages {
            write(&content.join(path), text.as_bytes())?;
        }
        let mut seen: BTreeMap<String, ()> = BTreeMap::new();
        for old in &files.other {
            let new = new_path(opts, old, &[]);
            if seen.insert(new.clone(), ()).is_none() {
                copy_plain(&site.content.join(old), &content.join(&new))?;
                report.files += 1;
            }
        }
        let statics = opts.source.join("static");
        if opts.from != Generator::Jekyll && statics.is_dir() && site.content != opts.source {
            report.files += copy_tree(&statics, &temp.join("static"))?;
        }
        write(
            &temp.join("site.yaml"),
            site_yaml(opts, site, report).as_bytes(),
        )?;
        write(&temp.join(".gitignore"), b"public/\n.arkiv-cache/\n")?;
        THEME.extract(temp.join("themes/gr"))?;
        if opts.into.exists() {
            std::fs::remove_dir(&opts.into)?;
        }
        std::fs::rename(&temp, &opts.into)
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&temp);
    }
    result
}

fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}

/// Copies a file that is no link.
fn copy_plain(from: &Path, to: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(from)?.is_symlink() {
        return Ok(());
    }
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::copy(from, to).map(|_| ())
}

/// Copies the files under `from` (no links, no hidden files); how many.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<usize> {
    let mut count = 0;
    let walker = walkdir::WalkDir::new(from).follow_links(false).into_iter();
    let walker = walker
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker.flatten() {
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
            copy_plain(entry.path(), &to.join(rel))?;
            count += 1;
        }
    }
    Ok(count)
}

/// site.yaml of the new site, from the old site's configuration.
fn site_yaml(opts: &ImportOptions, site: &source::OldSite, report: &mut Report) -> String {
    let language = match site.language.as_deref() {
        Some(l) if l.to_lowercase().starts_with("sv") => "sv",
        Some(_) => "en",
        None => "sv",
    };
    let base_url = site.base_url.clone().unwrap_or_else(|| {
        report.notes.push(Place {
            file: "site.yaml".into(),
            line: 4,
            what: t!("import-note-base-url"),
        });
        "https://example.org/".into()
    });
    let mut yaml = serde_yaml::Mapping::new();
    let title = site.title.clone().unwrap_or_else(|| {
        title_from_name(&format!(
            "{}/_index.md",
            opts.source
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default()
        ))
    });
    yaml.insert("title".into(), title.into());
    if let Some(description) = &site.description {
        yaml.insert("description".into(), description.clone().into());
    }
    let base_url = if base_url.ends_with('/') {
        base_url
    } else {
        format!("{base_url}/")
    };
    yaml.insert("base_url".into(), base_url.into());
    yaml.insert("language".into(), language.into());
    yaml.insert("theme".into(), "gr".into());
    let body = serde_yaml::to_string(&yaml).unwrap_or_default();
    format!(
        "# {}\n{body}",
        t!("import-site-yaml-comment", generator = opts.from.name())
    )
}
