//! Documents checked for accessibility: PDFs made here with and without
//! tags, language and title; office files; documents outside the law's
//! requirements by their page's date; failures acknowledged by an editor;
//! and the accessibility statement that lists them.

mod common;

use std::collections::BTreeMap;

use arkiv::pipeline::session::{Change, Session, Update};
use common::{Fixture, messages};
use lopdf::{Document, Object, Stream, dictionary};

/// What a test PDF has.
#[derive(Clone, Copy)]
struct Pdf {
    tagged: bool,
    language: bool,
    title: bool,
    title_shown: bool,
    /// Text (else a page that only shows a picture, as a scan does).
    text: bool,
}

const GOOD: Pdf = Pdf {
    tagged: true,
    language: true,
    title: true,
    title_shown: true,
    text: true,
};

/// A one-page PDF as `pdf` says.
fn make(pdf: Pdf) -> Vec<u8> {
    let mut document = Document::with_version("1.7");
    let pages_id = document.new_object_id();
    let font = document.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let shown = match (pdf.text, pdf.tagged) {
        (true, true) => "/P <</MCID 0>> BDC BT /F1 24 Tf 72 700 Td (Hej) Tj ET EMC",
        (true, false) => "BT /F1 24 Tf 72 700 Td (Hej) Tj ET",
        (false, _) => "q 400 0 0 600 72 100 cm /Im0 Do Q",
    };
    let content = document.add_object(Stream::new(dictionary! {}, shown.as_bytes().to_vec()));
    let page = document.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages_id,
        "Contents" => content,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "StructParents" => 0,
    });
    let pages = dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 };
    document.objects.insert(pages_id, Object::Dictionary(pages));
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    if pdf.tagged {
        let element = document.add_object(dictionary! {
            "Type" => "StructElem", "S" => "P", "Pg" => page, "K" => 0,
        });
        let root = document.add_object(dictionary! {
            "Type" => "StructTreeRoot", "K" => vec![element.into()],
        });
        catalog.set("StructTreeRoot", root);
        catalog.set("MarkInfo", dictionary! { "Marked" => true });
    }
    if pdf.language {
        catalog.set("Lang", Object::string_literal("sv-SE"));
    }
    if pdf.title_shown {
        catalog.set(
            "ViewerPreferences",
            dictionary! { "DisplayDocTitle" => true },
        );
    }
    let catalog = document.add_object(catalog);
    document.trailer.set("Root", catalog);
    if pdf.title {
        let info =
            document.add_object(dictionary! { "Title" => Object::string_literal("Rapport") });
        document.trailer.set("Info", info);
    }
    let mut bytes = Vec::new();
    document.save_to(&mut bytes).unwrap();
    bytes
}

/// The taxonomies fixture with a news item dated `date` that lists `file`
/// (written as `bytes`), and `more` lines under its attachment entry.
fn with_document(date: &str, file: &str, bytes: &[u8], more: &str) -> Fixture {
    let fixture = Fixture::copy("taxonomies");
    fixture.write(
        "content/nyheter/rapport/index.md",
        &format!(
            "---\ntitle: Rapporten\ndate: {date}\nattachments:\n  - file: {file}\n    title: Rapporten som PDF\n{more}---\nText.\n"
        ),
    );
    std::fs::write(
        fixture.root.join("content/nyheter/rapport").join(file),
        bytes,
    )
    .unwrap();
    fixture.write(
        "content/tillganglighet.md",
        "---\ntitle: Tillgänglighetsredogörelse\ntemplate: statement.html\n---\n## Teknisk information\n\n{{ tillganglighet() }}\n\nSlut.\n",
    );
    fixture
}

/// The document warnings of a build, each as `line:column message`.
fn document_warnings(fixture: &Fixture) -> Vec<String> {
    let built = fixture.build();
    built
        .report
        .warnings
        .iter()
        .filter(|d| d.message.contains("accessible"))
        .map(|d| format!("{}:{} {}", d.line.unwrap(), d.column.unwrap(), d.message))
        .collect()
}

#[test]
fn each_missing_property_of_a_pdf_is_found() {
    let cases = [
        (GOOD, ""),
        (
            Pdf {
                tagged: false,
                ..GOOD
            },
            "not tagged (no structure for screen readers)",
        ),
        (
            Pdf {
                language: false,
                ..GOOD
            },
            "no document language",
        ),
        (
            Pdf {
                title: false,
                ..GOOD
            },
            "no title",
        ),
        (
            Pdf {
                title_shown: false,
                ..GOOD
            },
            "its title is not shown (DisplayDocTitle is off)",
        ),
        (
            Pdf {
                text: false,
                ..GOOD
            },
            "scanned pages without text",
        ),
    ];
    for (pdf, problem) in cases {
        let fixture = with_document("2024-03-26", "rapport.pdf", &make(pdf), "");
        let found = document_warnings(&fixture);
        if problem.is_empty() {
            assert!(found.is_empty(), "{found:?}");
        } else {
            assert_eq!(found.len(), 1, "{problem}: {found:?}");
            assert!(
                found[0].starts_with("5:11 rapport.pdf is not accessible: ")
                    && found[0].contains(problem),
                "{problem}: {found:?}"
            );
        }
    }
    assert!(
        arkiv::documents::pdf::problems(b"%PDF-1.4 no more")
            .contains(&arkiv::documents::Problem::Unreadable)
    );
}

/// A news item of 2024 with an untagged report attached.
fn untagged_report() -> Fixture {
    with_document(
        "2024-03-26",
        "rapport.pdf",
        &make(Pdf {
            tagged: false,
            ..GOOD
        }),
        "",
    )
}

#[test]
fn the_attachment_list_and_the_statement_show_what_fails() {
    let fixture = untagged_report();
    let built = fixture.build();
    let page = built.html("nyheter/rapport/index.html");
    assert!(page.text(".attachment-meta").starts_with("(PDF, "));
    assert_eq!(page.text(".attachment-note"), "Ej tillgänglighetsanpassad");
    let statement = built.html("tillganglighet/index.html");
    // Where the text calls it, under the text's own heading.
    assert_eq!(
        statement.text("section.statement h3"),
        "Innehåll som inte är tillgängligt"
    );
    let listed = statement.text("section.statement li");
    assert!(
        listed.starts_with("Rapporten som PDF (på sidan Rapporten): inte taggad"),
        "{listed}"
    );
    assert!(listed.ends_with("WCAG 2.1: 1.3.1."), "{listed}");
    assert_eq!(statement.text("section.statement time"), "26 mars 2024");
    assert!(statement.main_text().contains("Slut."));
}

#[test]
fn an_acknowledged_failure_is_listed_with_its_reason_and_is_no_warning() {
    let fixture = with_document(
        "2024-03-26",
        "rapport.pdf",
        &make(Pdf {
            language: false,
            ..GOOD
        }),
        "    accessibility: { status: known, reason: Skannad från papper. }\n",
    );
    assert!(document_warnings(&fixture).is_empty());
    let output = fixture.run(&["check", "--strict"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let built = fixture.build();
    let listed = built
        .html("tillganglighet/index.html")
        .text("section.statement li");
    assert!(
        listed.ends_with("WCAG 2.1: 3.1.1. Skannad från papper."),
        "{listed}"
    );
}

#[test]
fn old_documents_are_outside_the_law_and_office_files_get_a_hint() {
    // Published before 23 September 2018: listed apart, not warned of.
    let fixture = with_document(
        "2017-05-01",
        "rapport.pdf",
        &make(Pdf {
            tagged: false,
            ..GOOD
        }),
        "",
    );
    assert!(document_warnings(&fixture).is_empty());
    let built = fixture.build();
    let statement = built.html("tillganglighet/index.html");
    assert_eq!(
        statement.text("section.statement h4"),
        "Innehåll som inte omfattas av lagens krav"
    );
    assert_eq!(
        statement.text("section.statement p"),
        "Vi känner inte till några dokument eller sidor på webbplatsen som inte är tillgängliga."
    );

    let fixture = with_document("2024-03-26", "rapport.docx", b"PK\x03\x04 word", "");
    let built = fixture.build();
    let warnings = messages(&built.report.warnings);
    assert!(
        warnings.contains("rapport.docx is an office file"),
        "{warnings}"
    );
    let hint = built
        .report
        .warnings
        .iter()
        .find_map(|d| d.hint.clone())
        .unwrap_or_default();
    assert!(hint.contains("accessible (tagged) PDF"), "{hint}");
}

#[test]
fn what_was_found_is_kept_by_the_files_hash() {
    let fixture = with_document(
        "2024-03-26",
        "rapport.pdf",
        &make(Pdf {
            title: false,
            ..GOOD
        }),
        "",
    );
    fixture.build();
    let kept = fixture.root.join(".arkiv-cache/documents-1");
    let text = std::fs::read_to_string(&kept).unwrap();
    let (hash, found) = text.trim_end().split_once(' ').unwrap();
    assert_eq!((hash.len(), found), (32, "no-title"), "{text}");
    // What is kept is what the next build says, in another process too.
    std::fs::write(&kept, format!("{hash} no-language\n")).unwrap();
    let output = fixture.run(&["build"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("no document language"), "{said}");
}

/// What `serve` shows after `edit` (which changes a file and names it),
/// checked to be what a full build makes.
fn served_after(
    fixture: &Fixture,
    edit: impl FnOnce() -> std::path::PathBuf,
) -> BTreeMap<String, Vec<u8>> {
    served_and_said_after(fixture, edit).0
}

/// `served_after`, with the messages of the warnings `serve` gave after the edit.
fn served_and_said_after(
    fixture: &Fixture,
    edit: impl FnOnce() -> std::path::PathBuf,
) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
    served_and_said_after_each(fixture, vec![Box::new(edit)])
}

/// One edit after another, each made (it returns the file it changed) and
/// seen by the same `serve` session: what it serves after the last, which
/// must be what a full build makes, with the warnings it gave then.
fn served_and_said_after_each<'a>(
    fixture: &Fixture,
    edits: Vec<Box<dyn FnOnce() -> std::path::PathBuf + 'a>>,
) -> (BTreeMap<String, Vec<u8>>, Vec<String>) {
    fn take(files: &mut BTreeMap<String, Vec<u8>>, update: Update) {
        if update.is_full {
            files.clear();
        }
        for path in &update.removed {
            files.remove(path);
        }
        for file in &update.files {
            files.insert(file.path.clone(), file.contents.read().unwrap_or_default());
        }
    }

    let opts = fixture.options();
    let mut session = Session::new(opts.clone());
    let mut served = BTreeMap::new();
    take(&mut served, session.full_build().unwrap());
    let mut said = Vec::new();
    for edit in edits {
        let changed = edit();
        let mut firsts = Vec::new();
        let update = session
            .apply_with(&[Change::Content(changed)], &mut |first| firsts.push(first))
            .unwrap();
        for first in firsts {
            take(&mut served, first);
        }
        said = update.warnings.iter().map(|d| d.message.clone()).collect();
        take(&mut served, update);
    }
    let (_, files) = arkiv::render_site(&opts).unwrap();
    for file in files.iter().filter(|f| !f.path.starts_with("pagefind/")) {
        let full = file.contents.read().unwrap_or_default();
        assert!(
            served.get(&file.path) == Some(&full),
            "{} differs from a full build",
            file.path
        );
    }
    (served, said)
}

/// An edit in `serve` that moves another page between listings takes over
/// what was found of the documents and the text of the pages it did not
/// change: the document still warns, and the statement still lists both.
#[test]
fn serve_keeps_what_was_found_on_the_pages_an_edit_leaves() {
    let fixture = untagged_report();
    fixture.write(
        "content/om-oss.md",
        "---\ntitle: Om oss\ndate: 2025-02-01\n---\nSkriv till oss [här](https://example.org/kontakt).\n",
    );
    fixture.write(
        "content/nyheter/annan.md",
        "---\ntitle: Annan nyhet\ndate: 2025-03-01\ntopics: [Trafik]\n---\nText.\n",
    );
    let (served, said) = served_and_said_after(&fixture, || {
        fixture.replace("content/nyheter/annan.md", "[Trafik]", "[Skola]");
        fixture.root.join("content/nyheter/annan.md")
    });
    let untagged = said.iter().filter(|m| m.contains("rapport.pdf")).count();
    assert_eq!(untagged, 1, "{said:?}");
    let statement = String::from_utf8(served["tillganglighet/index.html"].clone()).unwrap();
    assert!(statement.contains("Rapporten som PDF"), "{statement}");
    assert!(statement.contains("Om oss</a>: länktexter"), "{statement}");
}

/// An edit in `serve` that indexes the site again keeps what was decided of
/// the files of the pages it left: unused files still warn. A page that
/// starts listing a file has it published, and its warning gone, as a full
/// build has them.
#[test]
fn serve_publishes_the_files_a_page_starts_listing_and_still_warns_of_the_rest() {
    let fixture = untagged_report();
    let bundle = "content/nyheter/annan";
    let page = format!("{bundle}/index.md");
    fixture.write(
        &page,
        "---\ntitle: Annan nyhet\ndate: 2025-03-01\ntopics: [Trafik]\n---\nText.\n",
    );
    for name in ["bilaga.pdf", "kvar.pdf"] {
        std::fs::write(fixture.root.join(bundle).join(name), make(GOOD)).unwrap();
    }
    let unused = |said: &[String]| {
        let unused = said.iter().filter(|m| m.contains("not used by any page"));
        unused.count()
    };
    // Another page moves between topics: the bundle's files stay as decided.
    let (_, said) = served_and_said_after(&fixture, || {
        fixture.write(
            "content/nyheter/flyttad.md",
            "---\ntitle: Flyttad\ndate: 2025-04-01\ntopics: [Skola]\n---\nText.\n",
        );
        fixture.root.join("content/nyheter/flyttad.md")
    });
    assert_eq!(unused(&said), 2, "{said:?}");
    let (_, said) = served_and_said_after(&fixture, || {
        fixture.replace("content/nyheter/flyttad.md", "[Skola]", "[Trafik]");
        fixture.root.join("content/nyheter/flyttad.md")
    });
    assert_eq!(unused(&said), 2, "{said:?}");

    let (served, said) = served_and_said_after(&fixture, || {
        fixture.replace(
            &page,
            "topics: [Trafik]\n",
            "topics: [Skola]\nattachments: [{ file: bilaga.pdf, title: Bilagan }]\n",
        );
        fixture.root.join(&page)
    });
    assert!(served.contains_key("nyheter/annan/bilaga.pdf"));
    assert!(!served.contains_key("nyheter/annan/kvar.pdf"));
    assert_eq!(unused(&said), 1, "{said:?}");
}

/// A loose file that comes or goes in `serve` can change which of a
/// bundle's files a link reaches (the link's content path is looked up
/// first): the next edit that indexes the site again decides every file's
/// fate anew, as a full build does.
#[test]
fn after_a_loose_file_goes_in_serve_the_bundle_file_a_link_now_reaches_is_published() {
    let fixture = untagged_report();
    fixture.write(
        "content/nyheter/karta-bundle/index.md",
        "---\ntitle: Kartan\ndate: 2025-03-01\nslug: karta\ntopics: [Trafik]\n---\n[Kartan](/nyheter/karta/karta.pdf)\n",
    );
    let pdf = make(GOOD);
    std::fs::write(
        fixture.root.join("content/nyheter/karta-bundle/karta.pdf"),
        &pdf,
    )
    .unwrap();
    fixture.write(
        "content/nyheter/annan.md",
        "---\ntitle: Annan\ndate: 2025-02-01\ntopics: [Trafik]\n---\nText.\n",
    );
    let loose = fixture.root.join("content/nyheter/karta/karta.pdf");
    std::fs::create_dir_all(loose.parent().unwrap()).unwrap();
    std::fs::write(&loose, &pdf).unwrap();
    let (served, said) = served_and_said_after_each(
        &fixture,
        vec![
            Box::new(|| {
                std::fs::remove_file(&loose).unwrap();
                loose.clone()
            }),
            Box::new(|| {
                fixture.replace("content/nyheter/annan.md", "[Trafik]", "[Skola]");
                fixture.root.join("content/nyheter/annan.md")
            }),
        ],
    );
    assert!(served.contains_key("nyheter/karta/karta.pdf"), "{said:?}");
    assert!(
        !said.iter().any(|m| m.contains("not used by any page")),
        "{said:?}"
    );
}

/// The warning of a link that leads nowhere is said after an edit in
/// `serve` that indexes the site again (it is made once the edited page is
/// handed over), once, as a build says it.
#[test]
fn serve_still_warns_of_a_link_to_no_page_after_another_page_moves() {
    let fixture = untagged_report();
    fixture.write(
        "content/om-oss.md",
        "---\ntitle: Om oss\ndate: 2025-02-01\n---\nSe [sidan](/finns-inte/).\n",
    );
    fixture.write(
        "content/nyheter/annan.md",
        "---\ntitle: Annan nyhet\ndate: 2025-03-01\ntopics: [Trafik]\n---\nText.\n",
    );
    let (_, said) = served_and_said_after(&fixture, || {
        fixture.replace("content/nyheter/annan.md", "[Trafik]", "[Skola]");
        fixture.root.join("content/nyheter/annan.md")
    });
    let nowhere = said
        .iter()
        .filter(|m| m.contains("`/finns-inte/` leads to no page"));
    assert_eq!(nowhere.count(), 1, "{said:?}");
}

/// `serve` shows a mended document at once: its page loses the mark and the
/// statement its entry, as a full build would have them.
#[test]
fn serve_updates_the_page_and_the_statement_when_a_document_is_mended() {
    let fixture = untagged_report();
    let served = served_after(&fixture, || {
        let pdf = fixture.root.join("content/nyheter/rapport/rapport.pdf");
        std::fs::write(&pdf, make(GOOD)).unwrap();
        pdf
    });
    let statement = String::from_utf8(served["tillganglighet/index.html"].clone()).unwrap();
    assert!(
        statement.contains("Vi känner inte till några dokument"),
        "{statement}"
    );
}

/// A document's warning after edits in `serve` shows the text a full
/// build's shows: after an edit of its page's title that leaves the index
/// standing (of the same length, so the link in the text stays where it
/// was), and then an edit of another page that indexes the site again and
/// takes over what it found of the pages that edit left.
#[test]
fn a_document_warning_shows_the_page_as_it_is_after_edits_in_serve() {
    let fixture = untagged_report();
    // Linked from the text only: the warning stands at the page's first
    // line, and shows the title below it.
    let untagged = make(Pdf {
        tagged: false,
        ..GOOD
    });
    fixture.write(
        "content/nyheter/lankad/index.md",
        "---\ntitle: Gammal rubrik\ndate: 2025-01-15\n---\nSe [bilagan](bilaga.pdf).\n",
    );
    std::fs::write(
        fixture.root.join("content/nyheter/lankad/bilaga.pdf"),
        untagged,
    )
    .unwrap();
    fixture.write(
        "content/nyheter/annan.md",
        "---\ntitle: Annan nyhet\ndate: 2025-03-01\ntopics: [Trafik]\n---\nText.\n",
    );
    let shown = |warnings: &arkiv::diagnostics::Diagnostics| {
        let warning = warnings.iter().find(|d| d.message.contains("bilaga.pdf"));
        warning.map(|d| format!("{d:?}")).unwrap_or_default()
    };
    let mut session = Session::new(fixture.options());
    session.full_build().unwrap();
    let edit = |path: &str| Change::Content(fixture.root.join(path));
    let page = "content/nyheter/lankad/index.md";
    fixture.replace(page, "Gammal rubrik", "Nyskrivna ord");
    session.apply_with(&[edit(page)], &mut |_| {}).unwrap();
    fixture.replace("content/nyheter/annan.md", "[Trafik]", "[Skola]");
    let update = session
        .apply_with(&[edit("content/nyheter/annan.md")], &mut |_| {})
        .unwrap();
    let served = shown(&update.warnings);
    assert!(served.contains("Nyskrivna ord"), "{served}");
    assert_eq!(served, shown(&fixture.build().report.warnings));
}

/// A page whose text breaks content rules is listed in the statement with
/// what fails and the criteria, but not for a rule site.yaml turns off;
/// mending it in `serve` takes it off the list as a full build would.
#[test]
fn the_statement_lists_pages_that_break_content_rules() {
    let fixture = with_document("2024-03-26", "rapport.pdf", &make(GOOD), "");
    fixture.write(
        "content/om-oss.md",
        "---\ntitle: Om oss\ndate: 2025-02-01\n---\n**Kontakt**\n\nSkriv till oss [här](https://example.org/kontakt).\n",
    );
    let built = fixture.build();
    let statement = built.html("tillganglighet/index.html");
    assert_eq!(
        statement.text("section.statement li"),
        "Sidan Om oss: länktexter som inte säger något ensamma, fetstil som används som rubrik. WCAG 2.1: 1.3.1, 2.4.4."
    );
    assert_eq!(statement.text("section.statement time"), "1 februari 2025");

    let served = served_after(&fixture, || {
        fixture.replace("content/om-oss.md", "[här]", "[på kontaktsidan]");
        fixture.root.join("content/om-oss.md")
    });
    let statement = String::from_utf8(served["tillganglighet/index.html"].clone()).unwrap();
    assert!(
        statement.contains("Om oss</a>: fetstil som används som rubrik. WCAG 2.1: 1.3.1."),
        "{statement}"
    );

    fixture.append("site.yaml", "content_rules: { bold-heading: false }\n");
    let built = fixture.build();
    assert_eq!(
        built
            .html("tillganglighet/index.html")
            .text("section.statement p"),
        "Vi känner inte till några dokument eller sidor på webbplatsen som inte är tillgängliga."
    );
}
