//! Bad input: every broken file reported at once, located, with a hint, and the
//! previous output left exactly as it was.

mod common;

use common::{Fixture, render, snapshot_dir};

#[test]
fn every_broken_file_is_reported_with_its_line() {
    let errors = Fixture::copy("broken-front-matter").build_errors();
    let located: Vec<String> = errors
        .iter()
        .map(|d| format!("{:?} {}", d.severity, d.location().unwrap_or_default()))
        .collect();
    assert_eq!(
        located,
        [
            "Warning content/nyheter/2024-01-01-hel.md:3:1",
            "Error content/nyheter/aldrig-stangd.md:1:1",
            "Error content/nyheter/fel-datum.md:3:7",
            "Error content/nyheter/fel-typ.md:3:8",
            "Error content/nyheter/tabbar.md:4:1",
            "Error content/nyheter/trasig-lank.md:4:4",
            "Error content/nyheter/utan-titel.md:1:1",
        ]
    );
    assert!(
        errors.iter().all(|d| d.hint.is_some()),
        "every finding has a hint"
    );
    insta::assert_snapshot!(render(&errors));
}

#[test]
fn a_failed_build_leaves_the_previous_output_unchanged() {
    let fixture = Fixture::copy("broken-front-matter");
    let broken: Vec<(String, String)> = [
        "aldrig-stangd",
        "fel-datum",
        "fel-typ",
        "tabbar",
        "trasig-lank",
        "utan-titel",
    ]
    .iter()
    .map(|name| {
        let path = format!("content/nyheter/{name}.md");
        let text = fixture.read(&path);
        std::fs::remove_file(fixture.root.join(&path)).unwrap();
        (path, text)
    })
    .collect();
    let good = fixture.run(&["build"]);
    assert!(
        good.status.success(),
        "{}",
        String::from_utf8_lossy(&good.stderr)
    );
    let before = snapshot_dir(&fixture.public());
    assert!(!before.is_empty());

    for (path, text) in &broken {
        fixture.write(path, text);
    }
    let failed = fixture.run(&["build"]);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(
        stderr.contains("content/nyheter/fel-datum.md:3:7"),
        "{stderr}"
    );
    assert!(stderr.contains("help:"), "{stderr}");
    assert_eq!(snapshot_dir(&fixture.public()), before);
}

#[test]
fn the_output_may_not_be_the_site_or_its_content() {
    let fixture = Fixture::copy("links");
    for output in [".", "content", "content/nyheter", ".."] {
        let run = fixture.run(&["build", "--output", output]);
        assert_eq!(run.status.code(), Some(2), "--output {output}");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("refusing"), "{stderr}");
    }
    assert!(fixture.root.join("content/om.md").exists());
}

#[test]
fn a_folder_arkiv_did_not_make_is_not_replaced() {
    let fixture = Fixture::copy("links");
    fixture.write("mine/notes.txt", "keep me");
    let run = fixture.run(&["build", "--output", "mine"]);
    assert_eq!(run.status.code(), Some(2));
    assert_eq!(fixture.read("mine/notes.txt"), "keep me");
}

#[test]
fn unknown_cross_references_name_the_line_and_suggest() {
    let fixture = Fixture::copy("bundle-with-pdf");
    let path = "content/presentationer/oppning/index.md";
    let text = fixture
        .read(path)
        .replace("conference: arsmote-2024", "conference: arsmote-2042");
    fixture.write(path, &text);
    let errors = fixture.build_errors();
    let error = errors.iter().find(|d| d.is_error()).unwrap();
    assert_eq!(
        error.location().as_deref(),
        Some("content/presentationer/oppning/index.md:4:13")
    );
    assert_eq!(error.hint.as_deref(), Some("did you mean `arsmote-2024`?"));
}

#[test]
fn a_missing_attachment_is_located() {
    let fixture = Fixture::copy("bundle-with-pdf");
    std::fs::remove_file(
        fixture
            .root
            .join("content/presentationer/oppning/bilder.pdf"),
    )
    .unwrap();
    let errors = fixture.build_errors();
    let error = errors.iter().find(|d| d.is_error()).unwrap();
    assert_eq!(
        error.location().as_deref(),
        Some("content/presentationer/oppning/index.md:8:13")
    );
}

#[test]
fn a_template_error_names_the_template_line() {
    let fixture = Fixture::copy("links");
    fixture.write(
        "templates/page.html",
        "<p>\n{{ page.title | nosuchfilter }}</p>\n",
    );
    let errors = fixture.build_errors();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.file.as_deref(), Some("templates/page.html"));
    assert_eq!(error.line, Some(2), "{}", render(&errors));
}

#[test]
fn a_duplicate_url_names_both_files() {
    let fixture = Fixture::copy("links");
    fixture.write("content/nyheter/start.md", "---\ntitle: Också start\n---\n");
    let errors = fixture.build_errors();
    let message = render(&errors);
    assert!(
        message.contains("content/nyheter/start.md") && message.contains("2023-05-17-start.md"),
        "{message}"
    );
}

#[test]
fn a_link_to_a_draft_is_an_error() {
    let fixture = Fixture::copy("links");
    fixture.write("content/om.md", "---\ntitle: Om oss\ndraft: true\n---\n");
    let errors = fixture.build_errors();
    assert!(render(&errors).contains("draft"), "{}", render(&errors));
}

#[test]
fn binary_and_empty_files_do_not_panic() {
    let fixture = Fixture::copy("links");
    std::fs::write(
        fixture.root.join("content/nyheter/binar.md"),
        [0xff, 0xfe, 0x00, 0x80],
    )
    .unwrap();
    fixture.write("content/nyheter/tom.md", "");
    fixture.write("content/nyheter/bara-huvud.md", "---\n---\n");
    fixture.write("content/nyheter/lista.md", "---\n- a\n- b\n---\n");
    let errors = fixture.build_errors();
    let files: Vec<String> = errors.iter().filter_map(|d| d.file.clone()).collect();
    for name in ["binar", "tom", "bara-huvud", "lista"] {
        assert!(files.iter().any(|f| f.contains(name)), "{name}: {files:?}");
    }
}

#[test]
fn an_alias_may_not_climb_out_of_the_site() {
    let fixture = Fixture::copy("links");
    fixture.write(
        "content/om.md",
        "---\ntitle: Om oss\naliases: [../../etc/x]\n---\n",
    );
    let errors = fixture.build_errors();
    let error = errors.iter().next().unwrap();
    assert_eq!(error.location().as_deref(), Some("content/om.md:3:11"));
}

/// A YAML error, a broken link and a template error, in three files, come
/// in one run of `build` and of `check`; a link and a `conference:` that
/// name a page that failed to parse are not reported as broken too.
#[test]
fn errors_of_every_stage_come_in_one_run() {
    let fixture = Fixture::copy("taxonomies");
    fixture.write(
        "content/nyheter/2024-02-01-yaml-fel.md",
        "---\ntitle: [oavslutad\n---\nText.\n",
    );
    fixture.write(
        "content/nyheter/2024-02-02-trasig-lank.md",
        "---\ntitle: Trasig länk\n---\nLäs [här](finns-inte.md).\n",
    );
    fixture.write(
        "content/nyheter/2024-02-03-mallfel.md",
        "---\ntitle: Mallfel\ntemplate: fel.html\n---\nText.\n",
    );
    fixture.write("templates/fel.html", "<h1>{{ page.finns_inte }}</h1>\n");
    fixture.write(
        "content/konferenser/2024-03-01-trasig.md",
        "---\ntitle: Trasig\ndate: inte ett datum\n---\nText.\n",
    );
    fixture.write(
        "content/presentationer/2024-03-01-tal.md",
        "---\ntitle: Tal\nconference: trasig\n---\nSe [nyheten](../nyheter/2024-02-01-yaml-fel.md).\n",
    );
    let files = |errors: &arkiv::diagnostics::Diagnostics| -> Vec<String> {
        errors
            .iter()
            .filter(|d| d.severity == arkiv::diagnostics::Severity::Error)
            .map(|d| d.file.clone().unwrap_or_default())
            .collect()
    };
    let expected = [
        "content/konferenser/2024-03-01-trasig.md",
        "content/nyheter/2024-02-01-yaml-fel.md",
        "content/nyheter/2024-02-02-trasig-lank.md",
        "templates/fel.html",
    ];
    let built = fixture.build_errors();
    assert_eq!(files(&built), expected, "{}", render(&built));
    let checked = arkiv::check::check(&fixture.options());
    assert_eq!(files(&checked), expected, "{}", render(&checked));
    assert!(
        !fixture.public().exists(),
        "a failed build publishes nothing"
    );
}
