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
pub fn create(root: &Path, section: &str, title: &str, today: Date) -> Result<PathBuf, Diagnostic> {
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
        PageKind::Plain => content.join(format!("{slug}.md")),
        PageKind::News | PageKind::MeetingNotes => {
            content.join(section).join(format!("{today}-{slug}.md"))
        }
        PageKind::Conference | PageKind::Presentation | PageKind::Programme => {
            content.join(section).join(&slug).join("index.md")
        }
    };
    if path.exists() {
        return Err(
            Diagnostic::usage(t!("new-exists", path = display_path(root, &path)))
                .hint(t!("new-exists-hint")),
        );
    }
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|err| io_error(root, parent, &err))?;
    }
    std::fs::write(&path, front_matter(kind, title, today))
        .map_err(|err| io_error(root, &path, &err))?;
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
fn front_matter(kind: PageKind, title: &str, today: Date) -> String {
    let quoted = serde_json::to_string(title).expect("a string always serialises");
    let mut text = format!("---\ntitle: {quoted}\n");
    if kind != PageKind::Plain {
        text.push_str(&format!("date: {today}\n"));
    }
    text.push_str("summary: \"\"   # ingressen: en eller två meningar\n");
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
    text.push_str(
        "draft: true   # ta bort raden när sidan ska publiceras\n---\n\nSkriv texten här.\n",
    );
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_news_item_gets_a_dated_ascii_file_name_and_parses() {
        let site = tempfile::tempdir().unwrap();
        let today = jiff::civil::date(2026, 11, 23);
        let path = create(site.path(), "nyheter", "Möte på Öckerö: \"rapport\"", today).unwrap();
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
        let page = crate::content::parse_page(&source, &Default::default(), &mut warnings).unwrap();
        assert_eq!(page.front.title, "Möte på Öckerö: ”rapport”");
        assert!(page.front.is_draft);
        assert!(warnings.is_empty(), "{warnings}");
        assert!(
            create(site.path(), "nyheter", "Möte på Öckerö: \"rapport\"", today).is_err(),
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
            let path = create(site.path(), section, "Ett test", today).unwrap();
            let source = crate::content::load::load_one(&config, &path).unwrap();
            let mut warnings = crate::diagnostics::Diagnostics::new();
            crate::content::parse_page(&source, &Default::default(), &mut warnings)
                .unwrap_or_else(|e| panic!("{section}: {e}"));
        }
        assert!(create(site.path(), "bloggen", "x", today).is_err());
    }
}
