//! What a staff member may commit by mistake, one case per test.
//!
//! Every case starts from a small site that has been built once, changes it,
//! and runs the `arkiv` binary. A case either fails with a located error
//! (its text kept as an insta snapshot, the previous `public/` untouched byte
//! for byte) or builds correctly. No case may panic or hang.

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::process::Output;

use common::{Fixture, snapshot_dir};

/// The site every case starts from: a conference bundle and a presentation
/// bundle, each with a PDF, plus one news item; built once.
fn base() -> Fixture {
    let fixture = Fixture::copy("bundle-with-pdf");
    fixture.write(
        "content/nyheter/2024-02-01-nyhet.md",
        "---\ntitle: En nyhet\nmunicipalities: [Mölndal]\ntopics: [Skola]\n---\nText.\n",
    );
    let first = fixture.run(&["build"]);
    assert!(first.status.success(), "{}", stderr(&first));
    fixture
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The case must fail with a located message, exit 1 or 2 and leave the
/// previous output as it was.
fn fails(name: &str, change: impl FnOnce(&Fixture), args: &[&str]) {
    let fixture = base();
    let before = snapshot_dir(&fixture.public());
    change(&fixture);
    let output = fixture.run(args);
    let text = stderr(&output);
    assert!(!text.contains("panicked"), "{name} panicked:\n{text}");
    let code = output.status.code();
    assert!(
        matches!(code, Some(1 | 2)),
        "{name}: exit code {code:?}\n{text}"
    );
    assert!(
        snapshot_dir(&fixture.public()) == before,
        "{name} changed the previous output"
    );
    let root = fixture.root.display().to_string();
    insta::assert_snapshot!(name, text.replace(&root, "[site]"));
}

/// The case must build; `check` then looks at the output.
fn builds(change: impl FnOnce(&Fixture), check: impl FnOnce(&Fixture, &str)) {
    let fixture = base();
    change(&fixture);
    let output = fixture.run(&["build"]);
    let text = stderr(&output);
    assert!(output.status.success(), "{text}");
    check(&fixture, &text);
}

/// A news item with front matter `front` and body `body`.
fn news(fixture: &Fixture, name: &str, front: &str, body: &str) {
    fixture.write(
        &format!("content/nyheter/{name}.md"),
        &format!("---\n{front}---\n{body}"),
    );
}

fn html(fixture: &Fixture, path: &str) -> String {
    fs::read_to_string(fixture.public().join(path))
        .unwrap_or_else(|err| panic!("{path} was not written: {err}"))
}

macro_rules! fails {
    ($name:ident, $change:expr) => {
        fails!($name, $change, &["build"]);
    };
    ($name:ident, $change:expr, $args:expr) => {
        #[test]
        fn $name() {
            fails(stringify!($name), $change, $args);
        }
    };
}

// ---- Front matter that is not YAML, or not closed ----

fails!(unclosed_front_matter, |f| {
    f.write(
        "content/nyheter/oavslutad.md",
        "---\ntitle: Oavslutad\ndate: 2024-03-01\n\nTexten börjar här.\n",
    );
});

fails!(unclosed_bracket, |f| {
    news(f, "klammer", "title: Klammer\ntopics: [Skola, Vård\n", "");
});

fails!(bad_indentation, |f| {
    news(f, "indrag", "title: Indrag\n  date: 2024-03-01\n", "");
});

fails!(tab_indentation, |f| {
    news(f, "tabb", "title: Tabb\nspeakers:\n\t- name: Åsa\n", "");
});

fails!(duplicate_key, |f| {
    news(f, "dubbel", "title: Ett\ntitle: Två\n", "");
});

fails!(front_matter_is_a_list, |f| {
    news(f, "lista", "- title\n- date\n", "");
});

fails!(unquoted_colon_in_title, |f| {
    news(f, "kolon", "title: Möte: del 2: fortsättning\n", "");
});

// ---- Wrong types and values ----

fails!(title_is_a_list, |f| {
    news(f, "titel", "title: [Ett, Två]\n", "");
});

fails!(missing_title, |f| {
    news(f, "utan", "date: 2024-03-01\n", "Text.\n");
});

fails!(empty_title, |f| {
    news(f, "tom-titel", "title: ''\n", "Text.\n");
});

fails!(topics_is_a_number, |f| {
    news(f, "amne", "title: Ämne\ntopics: 5\n", "");
});

fails!(weight_is_text, |f| {
    f.write(
        "content/presentationer/oppning/index.md",
        "---\ntitle: Öppning\ndate: 2024-03-01\nconference: arsmote-2024\nweight: tung\n---\n",
    );
});

fails!(draft_is_text, |f| {
    news(f, "utkast", "title: Utkast\ndraft: kanske\n", "");
});

// ---- Dates ----

fails!(impossible_date, |f| {
    news(f, "datum", "title: Datum\ndate: 2023-02-30\n", "");
});

fails!(month_thirteen, |f| {
    news(f, "manad", "title: Månad\ndate: 2024-13-01\n", "");
});

fails!(date_in_words, |f| {
    news(f, "ord", "title: Ord\ndate: 3 mars 2024\n", "");
});

fails!(event_ends_before_it_starts, |f| {
    news(
        f,
        "baklanges",
        "title: Baklänges\nevent:\n  start: 2027-05-04T13:00:00+02:00\n  end: 2027-05-04T11:00:00+02:00\n",
        "",
    );
});

// ---- Bytes that are not text ----

fails!(invalid_utf8, |f| {
    let mut bytes = b"---\ntitle: Latin-1\n---\nS\xe5 h\xe4r.\n".to_vec();
    bytes.extend_from_slice(b"Mer text.\n");
    fs::write(f.root.join("content/nyheter/latin1.md"), bytes).unwrap();
});

fails!(empty_file, |f| {
    f.write("content/nyheter/tom.md", "");
});

fails!(nul_bytes, |f| {
    f.write(
        "content/nyheter/nul.md",
        "---\ntitle: \"Noll\0tecken\"\n---\nText\0.\n",
    );
});

// ---- Resource limits ----

fails!(yaml_alias_bomb, |f| {
    let mut front = String::from("title: Bomb\nextra:\n  a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (i, name) in "bcdefghi".chars().enumerate() {
        let prev = (b'a' + i as u8) as char;
        front.push_str(&format!(
            "  {name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
    }
    news(f, "bomb", &front, "");
});

fails!(deeply_nested_yaml, |f| {
    let depth = 150;
    let front = format!(
        "title: Djup\nextra: {}{}\n",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    news(f, "djup-yaml", &front, "");
});

// ---- Cross references, links and attachments ----

fails!(duplicate_slug, |f| {
    news(
        f,
        "kopia-1",
        "title: Kopia\nslug: samma\ndate: 2024-03-01\n",
        "Text.",
    );
    news(
        f,
        "kopia-2",
        "title: Kopia\nslug: samma\ndate: 2024-03-01\n",
        "Text.",
    );
});

fails!(missing_attachment, |f| {
    f.write(
        "content/presentationer/oppning/index.md",
        "---\ntitle: Öppning\ndate: 2024-03-01\nconference: arsmote-2024\nattachments:\n  - { file: bilder-v2.pdf, title: Bilderna }\n---\nText.\n",
    );
});

fails!(attachment_outside_the_bundle, |f| {
    f.write(
        "content/presentationer/oppning/index.md",
        "---\ntitle: Öppning\ndate: 2024-03-01\nconference: arsmote-2024\nattachments:\n  - { file: ../../../site.yaml, title: Inställningar }\n---\nText.\n",
    );
});

fails!(unknown_conference, |f| {
    f.write(
        "content/presentationer/oppning/index.md",
        "---\ntitle: Öppning\ndate: 2024-03-01\nconference: arsmote-2042\n---\nText.\n",
    );
});

fails!(link_to_missing_page, |f| {
    news(
        f,
        "lank",
        "title: Länk\n",
        "Se [årsmötet](../konferenser/arsmote-2025/index.md).\n",
    );
});

fails!(alias_outside_the_site, |f| {
    news(
        f,
        "alias",
        "title: Alias\naliases: [/../../etc/passwd]\n",
        "",
    );
});

// ---- Themes ----

const TEMPLATE: &str = "themes/gr/templates/article_base.html";

fails!(template_syntax_error, |f| {
    f.replace(TEMPLATE, "{{ page.title }}", "{{ page.title }");
});

fails!(template_runtime_error, |f| {
    f.replace(
        TEMPLATE,
        "{{ page.title }}",
        "{{ page.title | nosuchfilter }}",
    );
});

fails!(template_unknown_variable, |f| {
    f.replace(
        TEMPLATE,
        "{{ page.title }}",
        "{{ page.no_such_field.deeper }}",
    );
});

fails!(unknown_theme, |f| {
    f.append("site.yaml", "theme: nosuch\n");
});

// ---- site.yaml ----

fails!(site_yaml_is_broken, |f| {
    f.write(
        "site.yaml",
        "title: [Bunttest\nbase_url: https://example.org/\n",
    );
});

fails!(site_yaml_has_a_wrong_type, |f| {
    f.append("site.yaml", "paginate: tio\n");
});

// ---- The file system ----

fails!(symlink_loop, |f| {
    symlink("..", f.root.join("content/nyheter/loop")).unwrap();
});

fails!(dangling_symlink, |f| {
    symlink("finns-inte.md", f.root.join("content/nyheter/borta.md")).unwrap();
});

fails!(output_is_the_site, |_| {}, &["build", "--output", "."]);

fails!(
    output_is_the_content,
    |_| {},
    &["build", "--output", "content"]
);

fails!(
    output_is_a_folder_arkiv_did_not_make,
    |f| {
        f.write("dokument/viktigt.txt", "Inte arkivs.");
    },
    &["build", "--output", "dokument"]
);

// ---- Inputs that must build ----

#[test]
fn bom_and_crlf() {
    builds(
        |f| {
            let text = "\u{feff}---\r\ntitle: Med BOM\r\ndate: 2024-03-01\r\n---\r\nRad ett\r\nrad två.\r\n";
            f.write("content/nyheter/bom.md", text);
        },
        |f, _| {
            let page = html(f, "nyheter/bom/index.html");
            assert!(page.contains("<h1>Med BOM</h1>"), "{page}");
            assert!(
                page.contains("Rad ett\nrad två."),
                "line endings are normalised"
            );
        },
    );
}

#[test]
fn front_matter_only() {
    builds(
        |f| news(f, "bara-huvud", "title: Bara huvud\ndate: 2024-03-01\n", ""),
        |f, _| assert!(html(f, "nyheter/bara-huvud/index.html").contains("Bara huvud")),
    );
}

#[test]
fn huge_page() {
    let paragraph = "Göteborgsregionens kommuner samarbetar om kompetens. ".repeat(20) + "\n\n";
    builds(
        |f| {
            news(
                f,
                "stor",
                "title: Stor sida\ndate: 2024-03-01\n",
                &paragraph.repeat(8_000),
            )
        },
        |f, _| {
            let page = html(f, "nyheter/stor/index.html");
            assert!(page.len() > 8_000_000, "{} bytes", page.len());
        },
    );
}

#[test]
fn deeply_nested_markdown() {
    let quotes = ">".repeat(20_000) + " citat\n\n";
    let lists: String = (0..2_000)
        .map(|i| format!("{}- nivå {i}\n", "  ".repeat(i)))
        .collect();
    let emphasis = "*".repeat(30_000) + "text" + &"*".repeat(30_000);
    builds(
        |f| {
            news(
                f,
                "djup",
                "title: Djup\ndate: 2024-03-01\n",
                &format!("{quotes}{lists}\n{emphasis}\n"),
            )
        },
        |f, _| {
            let page = html(f, "nyheter/djup/index.html");
            assert!(page.contains("citat") && page.contains("nivå 1999"));
        },
    );
}

#[test]
fn very_long_title() {
    let title = "Långt ".repeat(20_000);
    builds(
        |f| {
            news(
                f,
                "lang",
                &format!("title: {title}\ndate: 2024-03-01\n"),
                "",
            )
        },
        |f, _| assert!(html(f, "nyheter/lang/index.html").contains(title.trim())),
    );
}

#[test]
fn file_names_with_spaces_swedish_letters_and_emoji() {
    builds(
        |f| {
            news(f, "2024-05-01 Möte i Borås", "title: Möte i Borås\n", "");
            news(
                f,
                "Årets 🎉 fest",
                "title: Årets fest\ndate: 2024-06-01\n",
                "",
            );
            f.write(
                "content/konferenser/höstmöte 2024/index.md",
                "---\ntitle: Höstmöte\ndate: 2024-09-01\nattachments:\n  - { file: Program för dagen.pdf, title: Program }\n---\n",
            );
            fs::copy(
                f.root.join("content/konferenser/arsmote-2024/program.pdf"),
                f.root
                    .join("content/konferenser/höstmöte 2024/Program för dagen.pdf"),
            )
            .unwrap();
        },
        |f, _| {
            assert!(html(f, "nyheter/mote-i-boras/index.html").contains("Möte i Borås"));
            let fest = fs::read_dir(f.public().join("nyheter"))
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .find(|name| name.starts_with("arets"))
                .expect("the emoji page is written");
            assert!(fest.is_ascii(), "{fest}");
            let hub = html(f, "konferenser/hostmote-2024/index.html");
            assert!(
                f.public()
                    .join("konferenser/hostmote-2024/Program för dagen.pdf")
                    .is_file(),
                "the attachment is published under its own name"
            );
            assert!(
                hub.contains(
                    "href=\"/arkiv/konferenser/hostmote-2024/Program%20f%C3%B6r%20dagen.pdf\""
                ),
                "and linked percent-encoded"
            );
        },
    );
}

#[test]
fn unknown_key_is_a_warning() {
    builds(
        |f| {
            news(
                f,
                "okand",
                "title: Okänd\ndate: 2024-03-01\ntopcis: [Skola]\n",
                "",
            )
        },
        |f, stderr| {
            assert!(
                stderr.contains("topcis") && stderr.contains("topics"),
                "{stderr}"
            );
            assert!(html(f, "nyheter/okand/index.html").contains("Okänd"));
        },
    );
}

#[test]
fn editor_backups_and_hidden_files_are_skipped() {
    builds(
        |f| {
            f.write("content/nyheter/.#nyhet.md", "emacs lock");
            f.write("content/nyheter/2024-02-01-nyhet.md~", "backup");
        },
        |f, stderr| {
            assert!(html(f, "nyheter/nyhet/index.html").contains("En nyhet"));
            assert!(stderr.is_empty(), "{stderr}");
        },
    );
}

#[test]
fn unknown_municipality_is_a_warning_with_a_suggestion() {
    builds(
        |f| {
            f.append(
                "site.yaml",
                "taxonomies:\n  municipalities:\n    path: kommuner\n    title: Kommuner\n    \
                 terms: [Ale, Alingsås, Göteborg, Mölndal]\n",
            );
            news(
                f,
                "kommun",
                "title: Kommun\nmunicipalities: [Molndal]\n",
                "",
            );
        },
        |f, stderr| {
            assert!(
                stderr.contains("content/nyheter/kommun.md:3:18"),
                "{stderr}"
            );
            assert!(stderr.contains("Mölndal"), "{stderr}");
            assert!(html(f, "nyheter/kommun/index.html").contains("Kommun"));
        },
    );
}
