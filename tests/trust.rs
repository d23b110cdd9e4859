//! Issue 14: nothing from outside the site, and nothing no page uses, is ever
//! published or printed. Each case builds a copy of a fixture site with a
//! secret file beside it (outside the site's folder), runs the real binary,
//! and looks for the secret in the output folder and in what was printed.

mod common;

use std::os::unix::fs::symlink;
use std::path::Path;

use common::{Fixture, Server};

/// What the secret file outside the site holds; it must appear nowhere.
const SECRET: &str = "HEMLIG-TOKEN-8d1c";

/// A fixture with a secret file and a secret folder beside (outside) its root.
fn with_secret() -> (Fixture, std::path::PathBuf) {
    let fixture = Fixture::copy("bundle-with-pdf");
    let outside = fixture.root.parent().unwrap().join("utanfor");
    std::fs::create_dir_all(outside.join("ssh")).unwrap();
    std::fs::write(outside.join("secret.txt"), SECRET).unwrap();
    std::fs::write(outside.join("ssh/id_rsa"), SECRET).unwrap();
    std::fs::write(
        outside.join("secret.md"),
        format!("---\ntitle: [{SECRET}\n---\n{SECRET}\n"),
    )
    .unwrap();
    (fixture, outside)
}

/// Every file under `dir` whose bytes contain `needle`.
fn files_containing(dir: &Path, needle: &str) -> Vec<String> {
    if !dir.exists() {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            std::fs::read(e.path())
                .is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes()))
        })
        .map(|e| e.path().display().to_string())
        .collect()
}

/// Runs `arkiv <command>` and returns its exit code and everything it printed.
fn run(fixture: &Fixture, args: &[&str]) -> (i32, String) {
    let out = fixture.run(args);
    let mut log = String::from_utf8_lossy(&out.stdout).into_owned();
    log.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), log)
}

/// Builds and checks a site with a link out of it at `link`: both refuse it
/// with exit code 1 and a message naming the link, and the secret is neither
/// published nor printed.
fn assert_refused(fixture: &Fixture, link: &str) {
    for command in ["build", "check"] {
        let (code, log) = run(fixture, &[command]);
        assert_eq!(code, 1, "`arkiv {command}` must fail:\n{log}");
        assert!(
            log.contains(link) && log.contains("outside the site"),
            "`arkiv {command}` must name {link}:\n{log}"
        );
        assert!(!log.contains(SECRET), "the secret was printed:\n{log}");
    }
    let leaked = files_containing(&fixture.root.join("public"), SECRET);
    assert!(leaked.is_empty(), "the secret was published: {leaked:?}");
}

#[test]
fn a_link_in_a_bundle_to_a_file_outside_is_refused() {
    let (fixture, outside) = with_secret();
    let bundle = fixture.root.join("content/konferenser/arsmote-2024");
    symlink(outside.join("secret.txt"), bundle.join("passwd.txt")).unwrap();
    fixture.append(
        "content/konferenser/arsmote-2024/index.md",
        "\n[Lösenord](passwd.txt)\n",
    );
    assert_refused(&fixture, "content/konferenser/arsmote-2024/passwd.txt");
}

#[test]
fn a_linked_folder_in_content_that_leaves_the_site_is_refused() {
    let (fixture, outside) = with_secret();
    symlink(outside.join("ssh"), fixture.root.join("content/ssh")).unwrap();
    assert_refused(&fixture, "content/ssh");
}

#[test]
fn a_markdown_link_to_a_secret_is_refused_and_its_text_never_shown() {
    let (fixture, outside) = with_secret();
    symlink(
        outside.join("secret.md"),
        fixture.root.join("content/hemlig.md"),
    )
    .unwrap();
    assert_refused(&fixture, "content/hemlig.md");
}

#[test]
fn links_out_of_static_templates_the_theme_and_site_yaml_are_refused() {
    let (fixture, outside) = with_secret();
    for (link, secret) in [
        ("static/env.txt", "secret.txt"),
        ("templates/page.html", "secret.md"),
        ("themes/gr/static/token.txt", "secret.txt"),
        ("site.yaml", "secret.md"),
    ] {
        let at = fixture.root.join(link);
        let kept = std::fs::read(&at).ok();
        std::fs::create_dir_all(at.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&at);
        symlink(outside.join(secret), &at).unwrap();
        assert_refused(&fixture, link);
        std::fs::remove_file(&at).unwrap();
        if let Some(bytes) = kept {
            std::fs::write(&at, bytes).unwrap();
        }
    }
}

#[test]
fn a_theme_outside_the_site_is_refused_at_its_line() {
    let (fixture, outside) = with_secret();
    copy_theme_to(&fixture, &outside.join("tema"));
    fixture.append("site.yaml", "theme: ../../utanfor/tema\n");
    let (code, log) = run(&fixture, &["build"]);
    assert_eq!(code, 1, "{log}");
    assert!(log.contains("site.yaml:3"), "{log}");
    assert!(log.contains("`theme: ../../utanfor/tema`"), "{log}");

    // The same theme through a link under themes/.
    fixture.replace(
        "site.yaml",
        "theme: ../../utanfor/tema\n",
        "theme: lankad\n",
    );
    symlink(outside.join("tema"), fixture.root.join("themes/lankad")).unwrap();
    assert_refused(&fixture, "themes/lankad");
}

fn copy_theme_to(fixture: &Fixture, to: &Path) {
    common::copy_dir(&fixture.root.join("themes/gr"), to);
    std::fs::write(to.join("static/tema.txt"), SECRET).unwrap();
}

#[test]
fn a_link_that_stays_inside_the_site_is_followed() {
    let fixture = Fixture::copy("bundle-with-pdf");
    let bundle = fixture.root.join("content/konferenser/arsmote-2024");
    std::fs::create_dir_all(fixture.root.join("delat")).unwrap();
    std::fs::write(fixture.root.join("delat/karta.pdf"), "%PDF delad").unwrap();
    symlink("../../../delat/karta.pdf", bundle.join("karta.pdf")).unwrap();
    fixture.append(
        "content/konferenser/arsmote-2024/index.md",
        "\n[Karta](karta.pdf)\n",
    );
    let built = fixture.build();
    assert_eq!(
        std::fs::read_to_string(built.output.join("konferenser/arsmote-2024/karta.pdf")).unwrap(),
        "%PDF delad"
    );
}

#[test]
fn files_no_page_uses_are_not_published_and_named_once() {
    let fixture = Fixture::copy("bundle-with-pdf");
    let bundle = "content/konferenser/arsmote-2024";
    fixture.write(
        &format!("{bundle}/deltagarlista.docx"),
        "Namn, personnummer",
    );
    fixture.write(&format!("{bundle}/utkast internt.txt"), "Utkast");
    std::fs::write(
        fixture.root.join(bundle).join("bild.png"),
        common::tiny_png(),
    )
    .unwrap();
    std::fs::write(
        fixture.root.join(bundle).join("oanvand.png"),
        common::tiny_png(),
    )
    .unwrap();
    fixture.write("content/lista-intern.txt", "Intern");
    fixture.append(&format!("{bundle}/index.md"), "\n![Karta](bild.png)\n");
    let (code, log) = run(&fixture, &["build"]);
    assert_eq!(code, 0, "{log}");
    let public = fixture.public().join("konferenser/arsmote-2024");
    assert!(public.join("program.pdf").is_file(), "a listed attachment");
    assert!(public.join("bild-4.png").is_file(), "an embedded image");
    assert!(
        public.join("bild-4.webp").is_file(),
        "an embedded image, in WebP"
    );
    assert!(!public.join("bild.png").exists(), "a picture's original");
    for name in ["deltagarlista.docx", "utkast internt.txt", "oanvand.png"] {
        assert!(!public.join(name).exists(), "{name} was published");
        assert_eq!(log.matches(name).count(), 1, "{name} once:\n{log}");
    }
    assert!(!fixture.public().join("lista-intern.txt").exists());
    assert_eq!(log.matches("lista-intern.txt").count(), 1, "{log}");
    assert!(log.contains("not used by any page"), "{log}");
    assert!(
        log.contains("attachments:"),
        "the hint names attachments:\n{log}"
    );

    let (code, log) = run(&fixture, &["check"]);
    assert_eq!(code, 0, "warnings only:\n{log}");
    assert_eq!(log.matches("deltagarlista.docx").count(), 1, "{log}");
}

#[test]
fn an_office_document_is_published_only_when_listed() {
    let fixture = Fixture::copy("bundle-with-pdf");
    let page = "content/konferenser/arsmote-2024/index.md";
    fixture.write(
        "content/konferenser/arsmote-2024/deltagarlista.docx",
        "Namn",
    );
    fixture.append(page, "\nSe [listan](deltagarlista.docx).\n");
    let errors = common::render(&fixture.build_errors());
    assert!(
        errors.contains("index.md:11:4") && errors.contains("not published"),
        "a located error at the link:\n{errors}"
    );
    assert!(!fixture.public().exists());

    fixture.replace(
        page,
        "  - { file: program.pdf, title: Program för dagen }\n",
        "  - { file: program.pdf, title: Program för dagen }\n  - { file: deltagarlista.docx, title: Deltagare }\n",
    );
    let built = fixture.build();
    assert!(
        built
            .output
            .join("konferenser/arsmote-2024/deltagarlista.docx")
            .is_file()
    );
}

#[test]
fn a_page_over_the_size_limit_is_refused_and_the_log_stays_small() {
    let fixture = Fixture::copy("bundle-with-pdf");
    let line = "å".repeat(10 * 1024 * 1024); // 20 MB on one line
    fixture.write("content/stor.md", &line);
    let (code, log) = run(&fixture, &["build"]);
    assert_eq!(code, 1, "{}", &log[..log.len().min(2000)]);
    assert!(log.contains("content/stor.md"), "{log}");
    assert!(log.contains("16 MB"), "{log}");
    assert!(log.len() < 4000, "the log is {} bytes", log.len());
}

#[test]
fn a_long_line_is_shown_cut_and_without_control_characters() {
    let fixture = Fixture::copy("bundle-with-pdf");
    // Under the limit, a broken front matter on a 6 MB line with terminal escapes.
    let long = format!("\u{1b}[31m{}\u{0}", "x".repeat(6 * 1024 * 1024));
    fixture.write("content/lang.md", &format!("---\ntitle: [{long}\n---\n"));
    let (code, log) = run(&fixture, &["build"]);
    assert_eq!(code, 1, "{}", &log[..log.len().min(2000)]);
    assert!(
        log.contains("content/lang.md:2"),
        "{}",
        &log[..log.len().min(2000)]
    );
    assert!(log.len() < 4000, "the log is {} bytes", log.len());
    assert!(!log.contains('\u{1b}') && !log.contains('\u{0}'), "{log}");
    for format in ["github", "json"] {
        let (_, log) = run(&fixture, &["check", "--format", format]);
        assert!(log.len() < 4000, "{format}: the log is {} bytes", log.len());
    }
}

#[test]
fn aliases_onto_the_sites_own_files_are_located_content_errors() {
    let fixture = Fixture::copy("bundle-with-pdf");
    let page = "content/konferenser/arsmote-2024/index.md";
    for (alias, taken) in [
        ("/atom.xml", "/atom.xml,"),
        ("/index.html", "/index.html,"),
        ("/css/site.css", "/css/site.css,"),
    ] {
        let text = fixture.read(page);
        fixture.write(
            page,
            &text.replacen("---\n", &format!("---\naliases: [{alias}]\n"), 1),
        );
        let (code, log) = run(&fixture, &["build"]);
        assert_eq!(code, 1, "{alias}:\n{log}");
        assert!(log.contains("arsmote-2024/index.md:2:"), "{alias}:\n{log}");
        assert!(log.contains(taken), "{alias}:\n{log}");
        assert!(
            !log.contains("staging") && !log.contains(".arkiv-"),
            "{log}"
        );
        fixture.write(page, &text);
    }
}

#[test]
fn two_pages_with_one_alias_are_both_named_and_other_errors_still_shown() {
    let fixture = Fixture::copy("bundle-with-pdf");
    for page in [
        "content/konferenser/arsmote-2024/index.md",
        "content/presentationer/oppning/index.md",
    ] {
        let text = fixture.read(page);
        fixture.write(
            page,
            &text.replacen("---\n", "---\naliases: [/gammal/]\n", 1),
        );
    }
    // A template error elsewhere in the same run.
    fixture.write("templates/404.html", "{{ finns_inte.alls }}");
    let errors = fixture.build_errors();
    let found: Vec<(String, usize, &str)> = errors
        .iter()
        .map(|d| {
            (
                d.file.clone().unwrap_or_default(),
                d.line.unwrap_or(0),
                d.message.as_str(),
            )
        })
        .collect();
    assert!(
        found.iter().any(
            |(file, line, message)| file == "content/presentationer/oppning/index.md"
                && *line == 2
                && message.contains("content/konferenser/arsmote-2024/index.md (line 2)")
        ),
        "both pages and lines: {found:?}"
    );
    assert!(
        found
            .iter()
            .any(|(file, _, _)| file == "templates/404.html"),
        "the template error too: {found:?}"
    );
}

#[test]
fn an_image_from_another_site_or_missing_from_static_is_an_error() {
    let fixture = Fixture::copy("bundle-with-pdf");
    let page = "content/konferenser/arsmote-2024/index.md";
    let text = fixture.read(page);
    let with_image = |src: &str| {
        text.replacen(
            "---\n",
            &format!("---\nimage: {{ src: \"{src}\", alt: Karta }}\n"),
            1,
        )
    };
    fixture.write(page, &with_image("https://example.com/bild.jpg"));
    let errors = common::render(&fixture.build_errors());
    assert!(
        errors.contains("another website") && errors.contains("index.md:2:"),
        "{errors}"
    );

    fixture.write(page, &with_image("/bilder/finns-inte.png"));
    let errors = common::render(&fixture.build_errors());
    assert!(
        errors.contains("neither under content/ nor in static/"),
        "{errors}"
    );

    fixture.write("static/bilder/karta.png", "PNG");
    fixture.write(page, &with_image("/bilder/karta.png"));
    fixture.build();
}

#[test]
fn serve_does_not_publish_unused_files_or_follow_a_new_link_out() {
    let (fixture, outside) = with_secret();
    let bundle = fixture.root.join("content/konferenser/arsmote-2024");
    std::fs::write(bundle.join("deltagarlista.docx"), "Namn").unwrap();
    let server = Server::start(&fixture);
    let (status, _) = server.get("/konferenser/arsmote-2024/program.pdf");
    assert_eq!(status, 200);
    let (status, body) = server.get("/konferenser/arsmote-2024/deltagarlista.docx");
    assert_eq!(status, 404, "{body}");

    // The listed file is swapped for a link out of the site while served.
    std::fs::remove_file(bundle.join("program.pdf")).unwrap();
    symlink(outside.join("secret.txt"), bundle.join("program.pdf")).unwrap();
    server.wait_for(
        "/konferenser/arsmote-2024/program.pdf",
        "the linked file refused",
        |status, _| status == 404,
    );
    let (_, body) = server.get("/konferenser/arsmote-2024/program.pdf");
    assert!(!body.contains(SECRET));
}

#[test]
fn a_static_file_replaces_a_built_in_output_but_content_may_not_replace_a_static_file() {
    let fixture = Fixture::copy("bundle-with-pdf");
    fixture.write("static/robots.txt", "User-agent: *\nDisallow: /utkast/\n");
    let built = fixture.build();
    assert_eq!(
        std::fs::read_to_string(built.output.join("robots.txt")).unwrap(),
        "User-agent: *\nDisallow: /utkast/\n"
    );

    fixture.write("content/css/site.css", "body { display: none }");
    fixture.append(
        "content/konferenser/arsmote-2024/index.md",
        "\n[Stil](/css/site.css)\n",
    );
    let errors = common::render(&fixture.build_errors());
    assert!(
        errors.contains("content/css/site.css") && errors.contains("would replace /css/site.css"),
        "{errors}"
    );
}

#[test]
fn a_link_into_the_sites_git_folder_is_refused() {
    let fixture = Fixture::copy("bundle-with-pdf");
    fixture.write(
        ".git/config",
        &format!("[http]\n\textraheader = AUTHORIZATION: {SECRET}\n"),
    );
    std::fs::create_dir_all(fixture.root.join("static")).unwrap();
    symlink("../.git/config", fixture.root.join("static/logo.txt")).unwrap();
    for command in ["build", "check"] {
        let (code, log) = run(&fixture, &[command]);
        assert_eq!(code, 1, "{log}");
        assert!(
            log.contains("static/logo.txt") && log.contains("hidden"),
            "{log}"
        );
        assert!(!log.contains(SECRET), "{log}");
    }
    assert!(files_containing(&fixture.public(), SECRET).is_empty());
}

#[test]
fn serve_publishes_a_file_once_a_page_links_it_and_keeps_the_sites_own_robots_txt() {
    let fixture = Fixture::copy("bundle-with-pdf");
    let page = "content/konferenser/arsmote-2024/index.md";
    fixture.write("static/robots.txt", "User-agent: *\nDisallow: /utkast/\n");
    std::fs::write(
        fixture
            .root
            .join("content/konferenser/arsmote-2024/karta.png"),
        common::tiny_png(),
    )
    .unwrap();
    let server = Server::start(&fixture);
    let (status, _) = server.get("/konferenser/arsmote-2024/karta-4.png");
    assert_eq!(status, 404, "unused, not published");

    fixture.append(page, "\n![Karta](karta.png)\n");
    server.wait_for(
        "/konferenser/arsmote-2024/karta-4.png",
        "the linked picture published",
        |status, _| status == 200,
    );
    let (_, robots) = server.get("/robots.txt");
    assert_eq!(robots, "User-agent: *\nDisallow: /utkast/\n");

    fixture.replace(page, "\n![Karta](karta.png)\n", "\n");
    server.wait_for(
        "/konferenser/arsmote-2024/karta-4.png",
        "the unlinked picture taken down",
        |status, _| status == 404,
    );
}
