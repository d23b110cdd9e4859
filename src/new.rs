//! `arkiv new <section> "<title>"`: a new page of that section's kind, with
//! the right front matter to fill in, today's date and an ASCII file name.
//!
//! In: the site root, a section and a title. Out: the path of the new file.
//! It never overwrites a file.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use crate::content::PageKind;
use crate::content::page::SECTIONS;
use crate::diagnostics::{Diagnostic, display_path};
use crate::text::slugify;

/// The section name for plain pages (Om GR, Kontakt…), which live directly in content/.
pub const PLAIN: &str = "sida";

/// Writes a new page; returns its path. Refuses an unknown section or an existing file.
///
/// With `language` one of the site's languages besides the default, the page
/// is written in it (`x.en.md`); when `section` names a page's file
/// (`nyheter/2024-03-26-x.md`), the new page is its translation, beside it,
/// with its front matter.
pub fn create(
    root: &Path,
    section: &str,
    title: &str,
    today: Date,
    language: Option<&str>,
) -> Result<PathBuf, Diagnostic> {
    let suffix = language_suffix(root, language)?;
    let english = language == Some("en");
    if section.ends_with(".md") {
        return translate(root, section, title, &suffix, english);
    }
    let kind = if section == PLAIN {
        PageKind::Plain
    } else {
        let kind = PageKind::from_folder(section);
        if kind == PageKind::Plain {
            let known: Vec<&str> = SECTIONS
                .iter()
                .map(|(_, folder, _)| *folder)
                .chain([PLAIN])
                .collect();
            return Err(
                Diagnostic::usage(t!("new-unknown-section", section = section))
                    .hint(t!("new-unknown-section-hint", sections = known.join(", "))),
            );
        }
        kind
    };
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(
            Diagnostic::usage(t!("new-empty-file-name")).hint(t!("new-empty-file-name-hint"))
        );
    }
    let content = root.join("content");
    let path = match kind {
        PageKind::Plain => content.join(format!("{slug}{suffix}.md")),
        PageKind::News | PageKind::MeetingNotes => content
            .join(section)
            .join(format!("{today}-{slug}{suffix}.md")),
        PageKind::Conference | PageKind::Presentation | PageKind::Programme => content
            .join(section)
            .join(&slug)
            .join(format!("index{suffix}.md")),
    };
    write_new_page(root, &path, &front_matter(kind, title, today, english))?;
    Ok(path)
}

/// Writes a new page's file at `path`: refused when anything stands at that
/// name (a page, or a link, which is never written through), or when its
/// folder leads out of the site.
fn write_new_page(root: &Path, path: &Path, text: &str) -> Result<(), Diagnostic> {
    use std::io::Write;
    let exists = || {
        Diagnostic::usage(t!("new-exists", path = display_path(root, path)))
            .hint(t!("new-exists-hint"))
    };
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    if let Some(parent) = path.parent() {
        // The nearest folder there is must be inside the site before any is made.
        let existing = parent.ancestors().find(|a| a.exists()).unwrap_or(root);
        crate::fs::SiteRoot::new(root).resolve(existing)?;
        std::fs::create_dir_all(parent).map_err(|err| io_error(root, parent, &err))?;
    }
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => return Err(exists()),
        Err(err) => return Err(io_error(root, path, &err)),
    };
    file.write_all(text.as_bytes())
        .map_err(|err| io_error(root, path, &err))
}

/// What a page in `language` has in its file name before `.md`: `.en`, or
/// nothing in the site's default language. A language the site does not
/// list is refused.
fn language_suffix(root: &Path, language: Option<&str>) -> Result<String, Diagnostic> {
    let Some(language) = language else {
        return Ok(String::new());
    };
    // A site.yaml that cannot be read says so, rather than that the
    // language is not the site's.
    let languages = crate::config::Config::load(root)
        .map_err(|errors| errors.into_iter().next().expect("an error says why"))?
        .languages;
    match languages.iter().position(|l| l == language) {
        Some(0) => Ok(String::new()),
        Some(_) => Ok(format!(".{language}")),
        None => Err(
            Diagnostic::usage(t!("new-unknown-language", language = language)).hint(t!(
                "new-unknown-language-hint",
                languages = languages.join(", ")
            )),
        ),
    }
}

/// Writes the translation of the page in `original` (under content/) beside
/// it: its front matter with the new `title`, and a body to write.
fn translate(
    root: &Path,
    original: &str,
    title: &str,
    suffix: &str,
    english: bool,
) -> Result<PathBuf, Diagnostic> {
    let content = root.join("content");
    let relative = original.trim_start_matches("content/");
    let source = content.join(relative);
    let site = crate::fs::SiteRoot::new(root);
    let text = site
        .read_optional(&source, crate::fs::MAX_TEXT_BYTES)
        .ok()
        .flatten()
        .and_then(|bytes| crate::fs::decode(&bytes).ok())
        .map(std::sync::Arc::<str>::from);
    if suffix.is_empty() {
        return Err(Diagnostic::usage(t!("new-translation-needs-language"))
            .hint(t!("new-translation-needs-language-hint")));
    }
    let Some(text) = text else {
        return Err(Diagnostic::usage(t!("new-no-original", path = original))
            .hint(t!("new-no-original-hint")));
    };
    let path = source.with_file_name(format!(
        "{}{suffix}.md",
        source
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("index")
    ));
    let quoted = serde_json::to_string(title).expect("a string always serialises");
    // The original's front matter, as a page's is read (`---` lines, BOM, CRLF).
    let yaml = crate::content::front_matter::split(original, &text).map_or("", |split| split.yaml);
    let mut front = vec!["---".to_string(), format!("title: {quoted}")];
    // Its title is the new one, its old addresses stay its own, and its
    // draft line is replaced: each key with the lines that continue it.
    let mut skipping = false;
    for line in yaml.lines() {
        let continues = line.starts_with([' ', '\t', '-']);
        if skipping && continues {
            continue;
        }
        skipping = ["title:", "aliases:", "draft:"]
            .iter()
            .any(|k| line.starts_with(k));
        if !skipping {
            front.push(line.to_string());
        }
    }
    front.push(if english {
        "draft: true   # remove this line to publish the translation".into()
    } else {
        "draft: true   # ta bort raden när översättningen ska publiceras".into()
    });
    let body = if english {
        "Write the translation here."
    } else {
        "Skriv översättningen här."
    };
    let written = format!("{}\n---\n\n{body}\n", front.join("\n"));
    write_new_page(root, &path, &written)?;
    Ok(path)
}

fn io_error(root: &Path, path: &Path, err: &std::io::Error) -> Diagnostic {
    Diagnostic::usage(t!(
        "new-cannot-write",
        path = display_path(root, path),
        reason = err.to_string()
    ))
    .hint(t!("new-cannot-write-hint"))
}

/// The page's front matter, with the keys its kind uses and a short body to replace.
fn front_matter(kind: PageKind, title: &str, today: Date, english: bool) -> String {
    let quoted = serde_json::to_string(title).expect("a string always serialises");
    let mut text = format!("---\ntitle: {quoted}\n");
    if kind != PageKind::Plain {
        text.push_str(&format!("date: {today}\n"));
    }
    text.push_str(if english {
        "summary: \"\"   # the lead: one or two sentences\n"
    } else {
        "summary: \"\"   # ingressen: en eller två meningar\n"
    });
    if kind != PageKind::Plain {
        text.push_str("topics: []\nmunicipalities: []\n");
    }
    let specific = match kind {
        PageKind::News => "# programme: yrkesresan\n",
        PageKind::Conference => {
            "event: { start: 2030-01-01, end: 2030-01-01, location: Göteborg }\nattachments: []   # [{ file: sammanfattning.pdf, title: Sammanfattning }]\n"
        }
        PageKind::Presentation => {
            "# conference: konferensens-slug\nspeakers: [{ name: Namn Namnsson, role: Roll, organisation: Organisation }]\nattachments: []   # [{ file: bilder.pdf, title: Presentation }]\n"
        }
        PageKind::MeetingNotes => {
            "attendees: []   # [{ name: Namn Namnsson, organisation: Ale }]\nactivities: []   # [{ title: Nästa möte, date: 2030-01-01 }]\nextra: { network: Nätverkets namn, note_takers: [] }\n"
        }
        PageKind::Programme => {
            "contacts: []   # [{ name: Namn Namnsson, role: Projektledare, phone: 031-000 00 00, email: namn@example.se }]\n"
        }
        PageKind::Plain => "",
    };
    text.push_str(specific);
    text.push_str(if english {
        "draft: true   # remove this line to publish the page\n---\n\nWrite the text here.\n"
    } else {
        "draft: true   # ta bort raden när sidan ska publiceras\n---\n\nSkriv texten här.\n"
    });
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `arkiv new` writes, the content model has for the kind: the
    /// editor (`crate::editor`) offers the same keys.
    #[test]
    fn a_new_page_has_only_keys_of_its_kind_in_the_content_model() {
        let today = jiff::civil::date(2026, 11, 23);
        for kind in crate::content::model::KINDS {
            let text = front_matter(kind, "Rubrik", today, false);
            let yaml = text.split("---\n").nth(1).unwrap();
            let keys: serde_yaml::Mapping = serde_yaml::from_str(yaml).unwrap();
            let model = crate::content::model::fields(kind);
            for key in keys.keys() {
                let key = key.as_str().unwrap();
                assert!(model.iter().any(|f| f.key == key), "{kind:?}: {key}");
            }
        }
    }

    #[test]
    fn a_news_item_gets_a_dated_ascii_file_name_and_parses() {
        let site = tempfile::tempdir().unwrap();
        let today = jiff::civil::date(2026, 11, 23);
        let path = create(
            site.path(),
            "nyheter",
            "Möte på Öckerö: \"rapport\"",
            today,
            None,
        )
        .unwrap();
        assert_eq!(
            path,
            site.path()
                .join("content/nyheter/2026-11-23-mote-pa-ockero-rapport.md")
        );
        let source = crate::content::load::load_one(
            &crate::config::Config::parse(site.path(), "").unwrap(),
            &path,
        )
        .unwrap();
        let mut warnings = crate::diagnostics::Diagnostics::new();
        let page = crate::content::parse_page(
            &source,
            &crate::config::Config::parse(site.path(), "").unwrap(),
            &mut warnings,
        )
        .unwrap();
        assert_eq!(page.front.title, "Möte på Öckerö: ”rapport”");
        assert!(page.front.is_draft);
        assert!(warnings.is_empty(), "{warnings}");
        assert!(
            create(
                site.path(),
                "nyheter",
                "Möte på Öckerö: \"rapport\"",
                today,
                None
            )
            .is_err(),
            "no overwrite"
        );
    }

    #[test]
    fn every_kind_parses_and_unknown_sections_are_refused() {
        let site = tempfile::tempdir().unwrap();
        let today = jiff::civil::date(2026, 11, 23);
        let config = crate::config::Config::parse(site.path(), "").unwrap();
        for section in [
            "nyheter",
            "konferenser",
            "presentationer",
            "anteckningar",
            "program",
            PLAIN,
        ] {
            let path = create(site.path(), section, "Ett test", today, None).unwrap();
            let source = crate::content::load::load_one(&config, &path).unwrap();
            let mut warnings = crate::diagnostics::Diagnostics::new();
            crate::content::parse_page(
                &source,
                &crate::config::Config::parse(site.path(), "").unwrap(),
                &mut warnings,
            )
            .unwrap_or_else(|e| panic!("{section}: {e}"));
        }
        assert!(create(site.path(), "bloggen", "x", today, None).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_new_page_is_not_written_through_a_link_nor_into_a_folder_out_of_the_site() {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let today = jiff::civil::date(2026, 11, 23);
        let news = site.path().join("content/nyheter");
        std::fs::create_dir_all(&news).unwrap();
        // A link that points nowhere yet, at the very name of the new page.
        let planted = news.join("2026-11-23-lankad.md");
        std::os::unix::fs::symlink(outside.path().join("ut.md"), &planted).unwrap();
        assert!(create(site.path(), "nyheter", "Länkad", today, None).is_err());
        assert!(!outside.path().join("ut.md").exists());
        // A section folder that is a link out of the site.
        std::os::unix::fs::symlink(outside.path(), site.path().join("content/anteckningar"))
            .unwrap();
        assert!(create(site.path(), "anteckningar", "Ute", today, None).is_err());
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
    }
}
