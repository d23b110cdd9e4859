//! The editor at `/admin/`: Decap CMS, in Swedish, configured from the
//! content model (`content::model`), never by hand.
//!
//! In: the `Config` (with `editor:`), the theme's copy of Decap CMS
//! (`themes/<theme>/editor/`, installed by `scripts/install-editor`) and the
//! site's terms. Out: the files of `/admin/`: the page, `config.yml`, and
//! Decap's scripts. One collection per kind, a field per front matter key
//! with the widget its value needs, required where arkiv requires it;
//! bundles for every kind but plain pages, whose pictures go to
//! `content/bilder/`. Opened from `arkiv serve`, the editor reads and writes
//! the site's own files (the local backend of `serve`).

use std::path::PathBuf;

use serde_json::{Value as Json, json};

use crate::config::Config;
use crate::content::PageKind;
use crate::content::model::{self, Field, KINDS, Value};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::SiteIndex;
use crate::output::OutputFile;

/// The editor's folder in the output, and the page's address.
pub const FOLDER: &str = crate::routes::EDITOR;
/// The theme's folder with Decap CMS's files.
pub const THEME_FOLDER: &str = "editor";
/// Decap CMS's main script, in that folder.
pub const SCRIPT: &str = "decap-cms.js";
/// Where pictures of pages that are not bundles go (plain pages), under content/.
pub const MEDIA: &str = "bilder";
/// The page under the editor's folder that leads from an entry to its page
/// in `arkiv serve` ("Visa live" in the editor).
pub const PAGE: &str = "sida";
/// The address of the local backend `arkiv serve` answers.
pub const LOCAL_API: &str = "/api/v1";

/// The files of `/admin/`: the page, its configuration and Decap's scripts
/// from the theme. Without them in the theme, an error that says how to
/// install them.
pub fn files(config: &Config, site: &SiteIndex) -> Result<Vec<OutputFile>, Diagnostics> {
    if config.editor.is_none() {
        return Ok(Vec::new());
    }
    let dir = config.theme_dir().join(THEME_FOLDER);
    let (found, refused) = config.site.files_under(&dir);
    refused.into_result()?;
    if !found.iter().any(|(name, _)| name == SCRIPT) {
        return Err(
            Diagnostic::error(t!("editor-not-installed", theme = &config.theme))
                .in_file(crate::config::CONFIG_FILE)
                .hint(t!("editor-not-installed-hint"))
                .into(),
        );
    }
    let mut files: Vec<OutputFile> = found
        .into_iter()
        .map(|(name, path): (String, PathBuf)| OutputFile::copy(format!("{FOLDER}/{name}"), &path))
        .collect();
    files.push(OutputFile::bytes(
        format!("{FOLDER}/index.html"),
        page(config),
    ));
    files.push(OutputFile::bytes(
        format!("{FOLDER}/config.yml"),
        configuration(config),
    ));
    if is_local(config) {
        files.push(OutputFile::bytes(
            format!("{FOLDER}/{PAGE}/index.html"),
            to_page(config, site),
        ));
    }
    Ok(files)
}

/// Decap CMS's grey texts in its header and list of collections, darkened
/// to the contrast WCAG 2.1 AA asks (4.5:1); the rest of its look is kept.
const CONTRAST: &str =
    "header a, header button, aside a, nav a, [class*=grayText] { color: #3f4a5a !important; }";

/// The editor's page: Decap CMS, the site's stylesheet for its previews.
fn page(config: &Config) -> String {
    let title = crate::text::escape_html(&config.title);
    let stylesheet = serde_json::to_string(&config.url("css/site.css")).unwrap_or_default();
    let icon = config.url("favicon.svg");
    format!(
        "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n\
         <title>Redigera – {title}</title>\n\
         <link rel=\"icon\" href=\"{icon}\" type=\"image/svg+xml\">\n\
         <link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n\
         <style>{CONTRAST}</style>\n\
         </head>\n<body>\n<script src=\"{SCRIPT}\"></script>\n\
         <script>CMS.registerPreviewStyle({stylesheet});</script>\n</body>\n</html>\n"
    )
}

/// `config.yml`: where to commit, and a collection per kind.
pub fn configuration(config: &Config) -> String {
    let json = configuration_json(config);
    let yaml = serde_yaml::to_string(&json).unwrap_or_default();
    format!(
        "# Made by arkiv from the site's content model (site.yaml's `editor:`):\n\
         # edits here are overwritten by the next build.\n{yaml}"
    )
}

/// The configuration as JSON values (what `configuration` writes as YAML).
pub fn configuration_json(config: &Config) -> Json {
    let Some(editor) = &config.editor else {
        return Json::Null;
    };
    let mut backend = json!({
        "name": editor.backend.name(),
        "repo": editor.repo,
        "branch": editor.branch,
    });
    if let Some(base_url) = &editor.base_url {
        backend["base_url"] = json!(base_url);
    }
    if let Some(api_root) = &editor.api_root {
        backend["api_root"] = json!(api_root);
    }
    if let Some(app_id) = &editor.app_id {
        backend["app_id"] = json!(app_id);
        if editor.backend == crate::config::Backend::Gitlab {
            backend["auth_type"] = json!("pkce");
        }
    }
    let mut cms = json!({
        "backend": backend,
        "local_backend": local_backend(config),
        "locale": "sv",
        // File names in ASCII, as `arkiv new` writes them: "möte-på-öckerö" → "mote-pa-ockero".
        "slug": { "encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-" },
        "site_url": config.base_url,
        "display_url": config.base_url,
        "media_folder": format!("content/{MEDIA}"),
        "public_folder": config.url(MEDIA),
        "collections": KINDS.iter().map(|kind| collection(config, *kind)).collect::<Vec<_>>(),
    });
    if editor.backend.has_workflow() {
        cms["publish_mode"] = json!("editorial_workflow");
    }
    cms
}

/// Where the editor finds a local backend. Built for this computer (as
/// `arkiv serve` builds, at its own address): `serve` itself. Published:
/// Decap's usual one on this computer, which the editor asks for only when
/// it is opened from `localhost`.
fn local_backend(config: &Config) -> Json {
    if let Some(host) = local_host(config) {
        let url = format!("{}{}", config.base_url, LOCAL_API.trim_start_matches('/'));
        json!({ "url": url, "allowed_hosts": [host] })
    } else {
        json!(true)
    }
}

/// The host of the site's address when it is this computer (as when
/// `arkiv serve` builds): `127.0.0.1`, `localhost`.
fn local_host(config: &Config) -> Option<&str> {
    let host = config.base_url.split("://").nth(1)?;
    let host = host.split(['/', ':']).next()?;
    matches!(host, "127.0.0.1" | "localhost").then_some(host)
}

fn is_local(config: &Config) -> bool {
    local_host(config).is_some()
}

/// The page that takes "Visa live" from an entry (`?fil=nyheter/2024-03-26-x/index`)
/// to that page as `arkiv serve` shows it, whatever its address (a slug of
/// its own, a date left out), by the site's own table of pages.
fn to_page(config: &Config, site: &SiteIndex) -> String {
    let mut pages: serde_json::Map<String, Json> = site
        .pages
        .iter()
        .map(|page| {
            let source = page.content_path.trim_end_matches(".md").to_string();
            (source, json!(config.url(&page.path)))
        })
        .collect();
    // The other languages' pages, by their own files (`kontakt.en.md`).
    let translations = &site.translations;
    for (key, found) in &translations.pages {
        for (n, path) in found.iter().filter(|(n, _)| *n > 0) {
            let code = &translations.languages[*n].code;
            let source = format!("{}.{code}", key.trim_end_matches(".md"));
            pages.insert(source, json!(config.url(path)));
        }
    }
    let pages = Json::Object(pages).to_string().replace("</", "<\\/");
    let home = config.url("");
    format!(
        "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"robots\" content=\"noindex, nofollow\">\n<title>Sidan</title>\n</head>\n<body>\n\
         <p><a href=\"{home}\">Till webbplatsen</a></p>\n<script>\n\
         const pages = {pages};\n\
         const source = new URLSearchParams(location.search).get(\"fil\") || \"\";\n\
         const page = pages[source.replace(/\\/+/g, \"/\").replace(/^\\/|\\/$/g, \"\")];\n\
         if (page) location.replace(page);\n\
         </script>\n</body>\n</html>\n"
    )
}

/// What each kind is called in the editor: collection name, plural, singular.
fn names(kind: PageKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        PageKind::News => ("nyheter", "Nyheter", "Nyhet"),
        PageKind::Conference => ("konferenser", "Konferenser", "Konferens"),
        PageKind::Presentation => ("presentationer", "Presentationer", "Presentation"),
        PageKind::MeetingNotes => ("anteckningar", "Mötesanteckningar", "Mötesanteckningar"),
        PageKind::Programme => ("program", "Program", "Program"),
        PageKind::Plain => ("sidor", "Sidor", "Sida"),
    }
}

/// One kind's collection: its folder, file names as arkiv names them, and its fields.
fn collection(config: &Config, kind: PageKind) -> Json {
    let (name, label, singular) = names(kind);
    // A plain page in the editor is one file, without a folder for attachments.
    let bundled = |field: &&Field| kind != PageKind::Plain || field.key != "attachments";
    let mut fields: Vec<Json> = model::fields(kind)
        .iter()
        .filter(bundled)
        .map(|field| widget(config, field, true))
        .collect();
    fields
        .push(json!({ "name": "body", "label": "Text", "widget": "markdown", "required": false }));
    let folder = match kind.folder() {
        Some(folder) => format!("content/{folder}"),
        None => "content".to_string(),
    };
    let mut collection = json!({
        "name": name,
        "label": label,
        "label_singular": singular,
        "folder": folder,
        "create": true,
        "extension": "md",
        "format": "frontmatter",
        "summary": "{{title}}",
        "identifier_field": "title",
        "fields": fields,
    });
    // News and notes are named by their day, as `arkiv new` names them
    // (`2024-03-26-rubrik`); every kind but plain pages is a bundle, so
    // its pictures and attachments are beside it.
    let dated = matches!(kind, PageKind::News | PageKind::MeetingNotes);
    if dated {
        collection["slug"] = json!("{{year}}-{{month}}-{{day}}-{{slug}}");
    } else {
        collection["slug"] = json!("{{slug}}");
    }
    // From `arkiv serve`, "Visa live" opens the entry's page as arkiv shows it.
    if is_local(config) {
        let folder = kind.folder().map(|f| format!("{f}/")).unwrap_or_default();
        let source = format!("{folder}{{{{dirname}}}}/{{{{filename}}}}");
        collection["preview_path"] = json!(format!("{FOLDER}/{PAGE}/?fil={source}"));
    }
    if kind != PageKind::Plain {
        collection["path"] = json!("{{slug}}/index");
        collection["media_folder"] = json!("");
        collection["public_folder"] = json!("");
        collection["sortable_fields"] = json!(["date", "title"]);
    } else {
        collection["sortable_fields"] = json!(["title", "weight"]);
    }
    collection
}

/// The field for a front matter key, with its widget. Inside a group of
/// keys that may be left out (`image:`), no key is required in the editor
/// (`may_require` false): Decap CMS would refuse to save a page without the
/// group (its issues 2103 and 7748); the build then says what is missing.
fn widget(config: &Config, field: &Field, may_require: bool) -> Json {
    let mut out = json!({
        "name": field.key,
        "label": field.label,
        "required": field.required && may_require,
    });
    if !field.hint.is_empty() {
        out["hint"] = json!(field.hint);
    }
    let extra = match field.value {
        Value::Text => json!({ "widget": "string" }),
        Value::LongText => json!({ "widget": "text" }),
        Value::Date => json!({
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": false,
            "default": "",
        }),
        Value::Moment => json!({
            "widget": "datetime",
            "format": "YYYY-MM-DDTHH:mm",
            "date_format": "YYYY-MM-DD",
            "time_format": "HH:mm",
            "default": "",
        }),
        Value::Bool => json!({ "widget": "boolean", "default": false }),
        Value::Number => json!({ "widget": "number", "value_type": "int", "default": 0 }),
        Value::Topics => terms(&config.taxonomies.topics.terms),
        Value::Municipalities => terms(&config.taxonomies.municipalities.terms),
        Value::PageOf(kind) => json!({
            "widget": "relation",
            "collection": names(kind).0,
            "value_field": "{{slug}}",
            "search_fields": ["title"],
            "display_fields": ["title"],
        }),
        Value::File => json!({ "widget": "file" }),
        Value::Picture => json!({ "widget": "image" }),
        Value::OneOf(words) => json!({ "widget": "select", "options": words }),
        Value::Lines => json!({ "widget": "list" }),
        Value::Object(fields) => json!({
            "widget": "object",
            "collapsed": !field.required,
            "fields": fields
                .iter()
                .map(|f| widget(config, f, field.required && may_require))
                .collect::<Vec<_>>(),
        }),
        // An item of a list is there or not: what it must have, it must have.
        Value::List(fields) => json!({
            "widget": "list",
            "default": [],
            "summary": format!("{{{{fields.{}}}}}", fields[0].key),
            "fields": fields.iter().map(|f| widget(config, f, true)).collect::<Vec<_>>(),
        }),
    };
    if let (Some(out), Json::Object(extra)) = (out.as_object_mut(), extra) {
        out.extend(extra);
    }
    out
}

/// A list of terms: a choice of site.yaml's `terms` when it has them, else free names.
fn terms(allowed: &[String]) -> Json {
    if allowed.is_empty() {
        json!({ "widget": "list" })
    } else {
        json!({ "widget": "select", "multiple": true, "options": allowed })
    }
}
