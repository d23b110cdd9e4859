//! The theme: Tera templates compiled once, the language file, the static folder.
//!
//! In: the `Config`. Out: `Templates`, shared by `&` while rendering. Template
//! errors become diagnostics with the template's file, line and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::{Kwargs, State, Tera};

use crate::config::Config;
use crate::content::PageKind;
use crate::diagnostics::{Diagnostic, Diagnostics, display_path};
use crate::fs::{MAX_TEXT_BYTES, SiteRoot};
use crate::shortcodes::{self, ShortcodeLoadError, Shortcodes};
use crate::text::long_date;
use crate::yaml;

/// The template of a sitemap index, for a sitemap in parts.
pub const SITEMAP_INDEX: &str = "sitemap_index.xml";

/// The template of a redirect from an old address (`aliases:`).
pub const ALIAS: &str = "alias.html";

/// The template of the notice at the address of a page that expired.
pub const GONE: &str = "gone.html";

/// The templates arkiv brings itself; a theme's or site's template of the same name wins.
const BUILT_IN: [(&str, &str); 5] = [
    (GONE, include_str!("builtin/gone.html")),
    ("sitemap.xml", include_str!("builtin/sitemap.xml")),
    (SITEMAP_INDEX, include_str!("builtin/sitemap_index.xml")),
    ("robots.txt", include_str!("builtin/robots.txt")),
    (ALIAS, include_str!("builtin/alias.html")),
];

/// UI strings from the theme's language file (`lang/sv.yaml`).
#[derive(Debug, Clone, Default)]
pub struct Labels {
    strings: BTreeMap<String, String>,
}

impl Labels {
    /// The string for `key`, or the key itself when the file lacks it.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.strings.get(key).map_or(key, String::as_str)
    }

    /// A section's heading: "Nyheter".
    pub fn section(&self, kind: PageKind) -> &str {
        self.get(match kind {
            PageKind::News => "section_news",
            PageKind::Conference => "section_conferences",
            PageKind::Presentation => "section_presentations",
            PageKind::MeetingNotes => "section_meetings",
            PageKind::Programme => "section_programmes",
            PageKind::Plain => "section_pages",
        })
    }

    /// One page's kind: "Nyhet".
    pub fn kind(&self, kind: PageKind) -> &str {
        self.get(match kind {
            PageKind::News => "kind_news",
            PageKind::Conference => "kind_conference",
            PageKind::Presentation => "kind_presentation",
            PageKind::MeetingNotes => "kind_meeting",
            PageKind::Programme => "kind_programme",
            PageKind::Plain => "kind_page",
        })
    }

    /// The string for `key`, or `fallback` when the file lacks it.
    pub fn get_or(&self, key: &str, fallback: &str) -> String {
        self.strings
            .get(key)
            .map_or(fallback, String::as_str)
            .to_string()
    }

    /// All strings, for templates as `t`.
    pub fn all(&self) -> &BTreeMap<String, String> {
        &self.strings
    }
}

/// Compiled templates, the language file and where static files are.
pub struct Templates {
    /// The compiled templates.
    pub tera: Tera,
    /// UI strings.
    pub labels: Labels,
    /// The theme's static folder.
    pub static_dir: PathBuf,
    /// The static files, the theme's and the site's (which win), by output path.
    pub statics: BTreeMap<String, PathBuf>,
    /// The shortcodes pages call from their Markdown.
    pub shortcodes: Shortcodes,
    /// Template name → file, for error locations.
    files: BTreeMap<String, PathBuf>,
    site: SiteRoot,
}

impl Templates {
    /// Compiles the theme's templates (and the site's own `templates/`, which win).
    pub fn load(config: &Config) -> Result<Templates, Diagnostics> {
        let theme_dir = config.theme_dir();
        let template_dir = theme_dir.join("templates");
        if !template_dir.is_dir() {
            return Err(
                Diagnostic::error(t!("render-no-templates-folder", theme = &config.theme))
                    .in_file(display_path(&config.root, &template_dir))
                    .hint(t!("render-no-templates-folder-hint"))
                    .into(),
            );
        }
        let mut files: BTreeMap<String, PathBuf> = BTreeMap::new();
        let mut diagnostics = Diagnostics::new();
        for dir in [template_dir, config.root.join("templates")] {
            let (found, refused) = config.site.files_under(&dir);
            files.extend(found);
            diagnostics.extend(refused);
        }
        let (statics, refused) = list_static(config, &theme_dir.join("static"));
        diagnostics.extend(refused);
        let mut sources = Vec::new();
        for (name, path) in &files {
            match config.site.read(path, MAX_TEXT_BYTES) {
                Ok(bytes) => match crate::fs::decode(&bytes) {
                    Ok(text) => sources.push((name.clone(), text)),
                    Err(_) => diagnostics.push(
                        Diagnostic::error(t!("render-template-not-utf8"))
                            .in_file(display_path(&config.root, path))
                            .hint(t!("render-template-not-utf8-hint")),
                    ),
                },
                Err(refused) => diagnostics.push(refused),
            }
        }
        diagnostics.clone().into_result()?;
        // Built-in templates, for a theme or site to replace by a file of the same name.
        for (name, text) in BUILT_IN {
            if !files.contains_key(name) {
                sources.push((name.to_string(), text.to_string()));
            }
        }
        let (shortcode_sources, sources): (Vec<_>, Vec<_>) = sources
            .into_iter()
            .partition(|(name, _)| name.starts_with(shortcodes::FOLDER));
        let mut tera = new_tera(&config.language);
        tera.autoescape_on([".html", ".xml"]);
        let labels = load_labels(config, &theme_dir, &config.language)?;
        let mut templates = Templates {
            tera,
            labels,
            static_dir: theme_dir.join("static"),
            statics,
            shortcodes: Shortcodes::none(),
            files,
            site: config.site.clone(),
        };
        if let Err(err) = templates
            .tera
            .add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        {
            return Err(templates.build_diagnostics(&err));
        }
        let tera = new_tera(&config.language);
        match Shortcodes::new(tera, &shortcode_sources, templates.labels.all()) {
            Ok(shortcodes) => templates.shortcodes = shortcodes,
            Err(ShortcodeLoadError::Tera(err)) => return Err(templates.build_diagnostics(&err)),
            Err(ShortcodeLoadError::Headers(bad)) => {
                let mut diagnostics = Diagnostics::new();
                for (name, error) in bad {
                    diagnostics.push(templates.header_diagnostic(&name, &shortcode_sources, error));
                }
                return Err(diagnostics);
            }
        }
        Ok(templates)
    }

    /// A mistake in the header of shortcode template `name`, at its place.
    fn header_diagnostic(
        &self,
        name: &str,
        sources: &[(String, String)],
        error: shortcodes::spec::HeaderError,
    ) -> Diagnostic {
        let diagnostic = Diagnostic::error(error.message).hint(error.hint);
        let text = sources
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str());
        match (self.files.get(name), text) {
            (Some(path), Some(text)) => diagnostic.at(
                self.site.display(path),
                &Arc::from(text),
                error.span.start,
                error.span.len().max(1),
            ),
            _ => diagnostic,
        }
    }

    /// Lists the static files again (after one changed); links out of the site are refused.
    pub fn reload_static(&mut self, config: &Config) -> Diagnostics {
        let (statics, refused) = list_static(config, &self.static_dir);
        self.statics = statics;
        refused
    }

    /// Renders `name` with `context`, as the bytes of the file. (Tera's own
    /// `render` checks its whole output to hand back a `String`: the output
    /// is text the templates and values made, and a file wants bytes.)
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<Vec<u8>, Diagnostic> {
        // Most pages are 10–20 kB: room for one without growing.
        let mut out = Vec::with_capacity(24 * 1024);
        self.tera
            .render_to(name, context, &mut out)
            .map_err(|err| self.diagnostic(&err))?;
        Ok(out)
    }

    /// True if the theme has template `name`.
    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Turns an error from compiling the templates into diagnostics: Tera reports every
    /// unknown filter, test or function at once, as text blocks `error: …` / ` --> name:line:col`.
    fn build_diagnostics(&self, err: &tera::Error) -> Diagnostics {
        let tera::ErrorKind::Msg(text) = err.kind() else {
            return self.diagnostic(err).into();
        };
        let mut found = Diagnostics::new();
        let mut lines = text.lines().peekable();
        while let Some(line) = lines.next() {
            let Some(message) = line.strip_prefix("error: ") else {
                continue;
            };
            let location = lines
                .peek()
                .and_then(|next| next.trim_start().strip_prefix("--> "))
                .and_then(|loc| {
                    let mut parts = loc.rsplitn(3, ':');
                    let column = parts.next()?.parse::<usize>().ok()?;
                    let line = parts.next()?.parse::<usize>().ok()?;
                    Some((parts.next()?.to_string(), line, column))
                });
            let diagnostic = Diagnostic::error(t!("render-template-error", detail = message))
                .hint(template_hint(message));
            found.push(match location {
                Some((name, line, column)) => self.locate(diagnostic, &name, line, column),
                None => diagnostic,
            });
        }
        if found.is_empty() {
            self.diagnostic(err).into()
        } else {
            found
        }
    }

    /// Points `diagnostic` at a line and column of template `name`.
    fn locate(&self, diagnostic: Diagnostic, name: &str, line: usize, column: usize) -> Diagnostic {
        let Some(path) = self.files.get(name) else {
            return diagnostic;
        };
        let file = self.site.display(path);
        match self
            .site
            .read(path, MAX_TEXT_BYTES)
            .map(|b| crate::fs::decode(&b))
        {
            Ok(Ok(text)) => diagnostic.at_line(file, &Arc::from(text), line, column),
            _ => diagnostic.in_file(file),
        }
    }

    /// Turns a Tera error into a diagnostic at the template's file, line and column.
    pub fn diagnostic(&self, err: &tera::Error) -> Diagnostic {
        let report = match err.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                Some(report)
            }
            _ => None,
        };
        if let tera::ErrorKind::TemplateNotFound(name) = err.kind() {
            let theme_dir = self.static_dir.parent().unwrap_or(self.site.path());
            return Diagnostic::error(t!("render-no-template", name = name))
                .in_file(self.site.display(&theme_dir.join("templates").join(name)))
                .hint(t!("render-no-template-hint"));
        }
        let Some(report) = report else {
            let mut message = err.kind().to_string();
            let mut source = std::error::Error::source(err);
            while let Some(cause) = source {
                message.push_str(&format!(": {cause}"));
                source = cause.source();
            }
            return Diagnostic::error(t!("render-template-error", detail = message))
                .hint(t!("render-template-names-hint"));
        };
        let diagnostic = Diagnostic::error(t!("render-template-error", detail = report.message()))
            .hint(template_hint(report.message()));
        let span = report.span();
        self.locate(
            diagnostic,
            report.filename(),
            span.start_line,
            span.start_col + 1,
        )
    }
}

fn template_hint(message: &str) -> String {
    if message.starts_with("Unknown filter") {
        t!("render-unknown-filter-hint")
    } else if message.contains("not defined") || message.contains("undefined") {
        t!("render-undefined-hint")
    } else if message.starts_with("Found") || message.contains("expected") {
        t!("render-incomplete-hint")
    } else {
        t!("render-tera-syntax-hint")
    }
}

/// The theme's static files under `theme_static` and the site's own, which win.
fn list_static(config: &Config, theme_static: &Path) -> (BTreeMap<String, PathBuf>, Diagnostics) {
    let mut statics = BTreeMap::new();
    let mut refused = Diagnostics::new();
    for dir in [theme_static.to_path_buf(), config.static_dir()] {
        let (files, diagnostics) = config.site.files_under(&dir);
        statics.extend(files);
        refused.extend(diagnostics);
    }
    (statics, refused)
}

/// The theme's UI strings in `language` (`lang/en.yaml`), for the URL
/// folders of a language besides the default (`routes::TRANSLATED_FOLDERS`).
pub fn labels_in(config: &Config, language: &str) -> Result<Labels, Diagnostics> {
    load_labels(config, &config.theme_dir(), language)
}

fn load_labels(config: &Config, theme_dir: &Path, language: &str) -> Result<Labels, Diagnostics> {
    let path = theme_dir.join("lang").join(format!("{language}.yaml"));
    let Some(bytes) = config.site.read_optional(&path, MAX_TEXT_BYTES)? else {
        return Ok(Labels::default());
    };
    let text = crate::fs::decode(&bytes).map_err(|(line, column)| {
        Diagnostic::error(t!("render-labels-not-utf8"))
            .in_file(display_path(&config.root, &path))
            .at_position(line, column)
            .hint(t!("render-labels-not-utf8-hint"))
    })?;
    let source: Arc<str> = Arc::from(text);
    let strings: BTreeMap<String, String> = yaml::from_str(&source).map_err(|err| {
        Diagnostic::error(t!("render-labels-invalid", detail = &err.message))
            .at_line(
                display_path(&config.root, &path),
                &source,
                err.line.unwrap_or(1),
                err.column.unwrap_or(1),
            )
            .hint(t!("render-labels-invalid-hint"))
    })?;
    Ok(Labels { strings })
}

/// A template engine with arkiv's filters (autoescaping `.html` files).
fn new_tera(language: &str) -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on([".html"]);
    register_filters(&mut tera, language);
    tera
}

/// `datum`: "2024-03-26" → "26 mars 2024" in the site's language.
/// `breakable`: an address (e-mail, web) escaped, with `<wbr>` after its
/// `@` and `/` and before its dots, so a narrow column breaks it there
/// rather than mid-word.
fn register_filters(tera: &mut Tera, language: &str) {
    tera.register_filter("breakable", |value: &str, _: Kwargs, _: &State| {
        let escaped = crate::text::escape_html(value);
        let broken = escaped
            .replace('@', "@<wbr>")
            .replace('/', "/<wbr>")
            .replace('.', "<wbr>.");
        tera::Value::safe_string(&broken)
    });
    let language = language.to_string();
    tera.register_filter("datum", move |value: &str, _: Kwargs, _: &State| {
        let day = value.get(..10).unwrap_or(value);
        match day.parse::<jiff::civil::Date>() {
            Ok(date) => long_date(date, &language),
            Err(_) => value.to_string(),
        }
    });
}
