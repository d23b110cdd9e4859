//! `arkiv import hugo|jekyll|zola`: small sites written as each generator
//! wants them (`tests/fixtures/import/`) become arkiv sites that build at
//! once, keep every old address, and leave the old site as it was; so do
//! pages of real sites (`tests/fixtures/migration/`, see its README).

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{copy_dir, messages, repo, snapshot_dir};

/// A copy of the old site `name`, and a place beside it for the new one.
struct Import {
    _dir: tempfile::TempDir,
    source: PathBuf,
    into: PathBuf,
}

impl Import {
    fn of(name: &str) -> Import {
        Import::from(&format!("import/{name}"))
    }

    /// A copy of the fixture at `tests/fixtures/<path>`.
    fn from(path: &str) -> Import {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("gammal");
        copy_dir(&repo().join("tests/fixtures").join(path), &source);
        let into = dir.path().join("ny");
        Import {
            _dir: dir,
            source,
            into,
        }
    }

    /// Runs `arkiv import GENERATOR SOURCE --into DIR` and `extra` arguments.
    fn run(&self, generator: &str, extra: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_arkiv"))
            .arg("import")
            .arg(generator)
            .arg(&self.source)
            .arg("--into")
            .arg(&self.into)
            .args(extra)
            .env("ARKIV_MESSAGES", "en")
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    }

    /// Imports and reads the JSON report; panics if the import fails.
    fn report(&self, generator: &str, extra: &[&str]) -> serde_json::Value {
        let mut args = vec!["--format", "json"];
        args.extend(extra);
        let output = self.run(generator, &args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }

    fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.into.join(path)).unwrap()
    }

    /// Builds the new site; panics with its errors if it fails.
    fn build(&self) -> (PathBuf, arkiv::BuildReport) {
        let opts = arkiv::BuildOptions {
            now: Some(common::test_now()),
            ..arkiv::BuildOptions::new(&self.into)
        };
        match arkiv::build(&opts) {
            Ok(report) => (opts.output_dir(), report),
            Err(errors) => panic!("build failed:\n{}", common::render(&errors)),
        }
    }
}

/// The address an old address's page redirects to.
fn redirect(public: &Path, old: &str) -> String {
    let text = std::fs::read_to_string(public.join(old))
        .unwrap_or_else(|e| panic!("no redirect at {old}: {e}"));
    let at = text
        .find("url=")
        .unwrap_or_else(|| panic!("{old} redirects nowhere"));
    text[at + 4..].split('"').next().unwrap().to_string()
}

/// The places of `list` in the report, as `file:line what`.
fn places(report: &serde_json::Value, list: &str) -> Vec<String> {
    report[list]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            format!(
                "{}:{} {}",
                p["file"].as_str().unwrap(),
                p["line"],
                p["what"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_hugo_site_becomes_an_arkiv_site_that_keeps_every_old_address() {
    let import = Import::of("hugo");
    let before = snapshot_dir(&import.source);
    let report = import.report("hugo", &[]);
    assert_eq!(
        snapshot_dir(&import.source),
        before,
        "the old site is not touched"
    );
    // TOML, YAML and JSON front matter, mapped; posts → nyheter.
    let news = import.read("content/nyheter/ny-styrelse.md");
    assert!(
        news.starts_with("---\ntitle: Ny styrelse vald\ndate: 2023-05-16T10:00:00+02:00\n"),
        "{news}"
    );
    for line in [
        "updated: 2023-05-20",
        "expires: 2030-01-01",
        "summary: Årsmötet valde en ny styrelse.",
        "- Förbundet",
        "extra:\n  author: Eva Svensson",
    ] {
        assert!(news.contains(line), "{line} in {news}");
    }
    assert!(
        import
            .read("content/om/_index.md")
            .contains("title: Om förbundet\nweight: 1\nextra:\n  linkTitle: Om\n")
    );
    // Template code converted, or left as code and listed.
    assert!(
        news.contains("[styrelsen](@/om/styrelse/index.md)"),
        "{news}"
    );
    assert!(
        news.contains("```yaml\ntitle: \"Inte smarta citat\"\n```"),
        "{news}"
    );
    assert!(news.contains("`{{% notice info %}}`"), "{news}");
    assert_eq!(
        places(&report, "unconverted"),
        [
            "content/nyheter/ny-styrelse.md:20 notice",
            "content/nyheter/ny-styrelse.md:22 /notice"
        ]
    );
    assert_eq!(report["mapped_keys"]["expiryDate"][0], "expires");
    // It builds with no word about template code, and every old address leads on.
    let (public, built) = import.build();
    let warnings = messages(&built.warnings);
    assert!(!warnings.contains("published as text"), "{warnings}");
    assert_eq!(
        redirect(&public, "2023/05/styrelsen-2023/index.html"),
        "/nyheter/styrelsen-2023/"
    );
    assert_eq!(
        redirect(&public, "nyheter/styrelse-2023/index.html"),
        "/nyheter/styrelsen-2023/"
    );
    assert_eq!(redirect(&public, "posts/index.html"), "/nyheter/");
    // Links to old addresses lead to the pages; quotes in code stay straight.
    let page = std::fs::read_to_string(public.join("nyheter/styrelsen-2023/index.html")).unwrap();
    assert!(
        page.contains("href=\"/om/styrelse/\">den gamla adressen</a>"),
        "{page}"
    );
    assert!(page.contains("Inte smarta citat"), "{page}");
    assert!(!page.contains("”Inte smarta citat”"));
    assert!(
        page.contains("youtube-nocookie.com") || page.contains("data-video-embed"),
        "{page}"
    );
    // The folder page lists its pages; the bundle keeps its picture and PDF.
    let om = std::fs::read_to_string(public.join("om/index.html")).unwrap();
    assert!(om.contains("Styrelsen"), "{om}");
    assert!(public.join("guider/karta/karta.pdf").is_file());
    assert!(
        std::fs::read_to_string(public.join("guider/karta/index.html"))
            .unwrap()
            .contains("<figcaption>")
    );
    assert!(
        public.join("bilder/logo.svg").is_file(),
        "static/ is carried over"
    );
    assert!(!import.into.join("content/om/_index.old").exists());
}

#[test]
fn a_jekyll_site_keeps_its_permalinks_posts_and_html_addresses() {
    let import = Import::of("jekyll");
    let report = import.report("jekyll", &[]);
    let post = import.read("content/nyheter/2016-04-19-stort-mote.md");
    assert!(
        post.contains("aliases:\n- /news/2016/04/19/stort-mote/\n- /mote-2016.html\n"),
        "{post}"
    );
    assert!(
        post.contains("updated: 2016-04-20T09:00:00+02:00"),
        "{post}"
    );
    assert!(
        post.contains("[guiden](@/docs/guider/start.md) och [om oss](@/om.md)"),
        "{post}"
    );
    assert!(
        post.contains("[förrådet](https://github.com/exempel/arkiv)"),
        "{post}"
    );
    assert!(
        post.contains("```ruby\nputs \"inte smarta citat\"\n```"),
        "{post}"
    );
    assert!(
        import
            .read("content/nyheter/2017-01-02-utkast.md")
            .contains("draft: true")
    );
    // `_docs/index.md` beside other pages is that folder's page.
    assert!(
        import
            .read("content/docs/_index.md")
            .contains("[mötet](@/nyheter/2016-04-19-stort-mote.md)")
    );
    let start = import.read("content/docs/guider/start.md");
    assert!(
        start.contains("```liquid\n{{ site.title }}\n```"),
        "{start}"
    );
    assert!(
        start.contains("[dokumentationen](@/docs/_index.md)"),
        "{start}"
    );
    assert_eq!(
        places(&report, "unconverted"),
        [
            "content/docs/guider/start.md:4 page.title",
            "content/nyheter/2016-04-19-stort-mote.md:16 include"
        ]
    );
    let (public, _) = import.build();
    // Under the old site's base path, as before.
    assert_eq!(
        redirect(&public, "news/2016/04/19/stort-mote/index.html"),
        "/arkiv/nyheter/stort-mote/"
    );
    assert_eq!(
        redirect(&public, "mote-2016.html"),
        "/arkiv/nyheter/stort-mote/"
    );
    assert_eq!(redirect(&public, "om.html"), "/arkiv/om/");
    assert!(public.join("om/broschyr.pdf").is_file());
    assert!(
        import
            .read("site.yaml")
            .contains("base_url: https://jekyll.example.org/arkiv/\n")
    );
}

#[test]
fn a_zola_site_keeps_its_shortcodes_and_links_and_maps_its_blog() {
    let import = Import::of("zola");
    let report = import.report("zola", &["--map", "blogg=nyheter"]);
    let post = import.read("content/nyheter/2021-03-01-var-i-regionen.md");
    assert!(post.contains("topics:\n- Natur\naliases:\n- /blogg/var-i-regionen/\n- /gammal/var/\nextra:\n  ingress_bild: var.jpg\n"), "{post}");
    assert!(
        post.contains("{{ video(url="),
        "a shortcode of the gr theme stays: {post}"
    );
    assert!(post.contains("`{{ gh_link(path=\"src\") }}`"), "{post}");
    assert!(
        post.contains("`{% note(kind=\"tip\") %}`\nEtt tips.\n`{% end %}`"),
        "{post}"
    );
    assert!(
        post.contains("[installationen](@/dokumentation/installera.md#krav)"),
        "{post}"
    );
    // The post's two, the page with its own `path`, and the blog's listing.
    assert_eq!(report["aliases"].as_array().unwrap().len(), 4);
    let (public, _) = import.build();
    assert_eq!(
        redirect(&public, "installation/index.html"),
        "/dokumentation/installera/"
    );
    assert_eq!(
        redirect(&public, "blogg/var-i-regionen/index.html"),
        "/nyheter/var-i-regionen/"
    );
    assert_eq!(redirect(&public, "blogg/index.html"), "/nyheter/");
    assert!(public.join("nyheter/var-i-regionen/index.html").is_file());
}

#[test]
fn import_writes_only_a_new_site_outside_the_old_one() {
    let import = Import::of("hugo");
    std::fs::create_dir_all(&import.into).unwrap();
    std::fs::write(import.into.join("kvar.txt"), "mine").unwrap();
    let output = import.run("hugo", &[]);
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("already exists and is not empty"), "{said}");
    assert_eq!(
        std::fs::read_to_string(import.into.join("kvar.txt")).unwrap(),
        "mine"
    );

    let inside = Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .args(["import", "hugo"])
        .arg(&import.source)
        .arg("--into")
        .arg(import.source.join("ny"))
        .env("ARKIV_MESSAGES", "en")
        .output()
        .unwrap();
    assert_eq!(inside.status.code(), Some(2));
    assert!(!import.source.join("ny").exists());
}

#[cfg(unix)]
#[test]
fn links_in_the_old_site_are_not_followed() {
    let import = Import::of("hugo");
    let secret = import.source.parent().unwrap().join("hemligt.txt");
    std::fs::write(&secret, "hemlighet").unwrap();
    std::os::unix::fs::symlink(&secret, import.source.join("content/om/hemligt.txt")).unwrap();
    std::os::unix::fs::symlink(&secret, import.source.join("content/om/lank.md")).unwrap();
    let report = import.report("hugo", &[]);
    assert!(!import.into.join("content/om/hemligt.txt").exists());
    assert!(!import.into.join("content/om/lank.md").exists());
    let notes = places(&report, "notes").join("\n");
    assert!(notes.contains("om/lank.md"), "{notes}");
}

#[test]
fn front_matter_that_cannot_be_read_is_located_and_nothing_is_written() {
    let import = Import::of("zola");
    std::fs::write(
        import.source.join("content/trasig.md"),
        "+++\ntitle = \"Utan slut\n+++\nText\n",
    )
    .unwrap();
    let output = import.run("zola", &[]);
    assert_eq!(output.status.code(), Some(1));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("content/trasig.md:2"), "{said}");
    assert!(!import.into.exists());
}

/// The texts of every `<h1>` of the built site, without quotation marks
/// (titles get Swedish ones in prose).
fn headings(public: &Path) -> std::collections::BTreeSet<String> {
    let h1 = scraper::Selector::parse("h1").unwrap();
    walkdir::WalkDir::new(public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|e| e == "html"))
        .flat_map(|entry| {
            let html = std::fs::read_to_string(entry.path()).unwrap();
            let page = scraper::Html::parse_document(&html);
            page.select(&h1)
                .map(|h| unquoted(&h.text().collect::<String>()))
                .collect::<Vec<_>>()
        })
        .collect()
}

fn unquoted(text: &str) -> String {
    let text: String = text.chars().filter(|c| !"\"'”’“‘".contains(*c)).collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Imports the real site `name`, mends what `broken` names (links that are
/// broken in the old site itself: file, what, with what), builds it, and
/// checks that every page is there and every old address redirects to its
/// page. Returns the report.
fn import_real_site(name: &str, broken: &[(&str, &str, &str)]) -> serde_json::Value {
    let import = Import::from(&format!("migration/{name}"));
    let report = import.report(name, &[]);
    let sources = walkdir::WalkDir::new(&import.source)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|e| e == "md"))
        .count();
    assert_eq!(report["pages"], sources, "every page of {name} is imported");
    for (file, from, to) in broken {
        let path = import.into.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} still has {from}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
    }
    let (public, _) = import.build();
    let shown = headings(&public);
    for entry in walkdir::WalkDir::new(import.into.join("content")) {
        let entry = entry.unwrap();
        let file = entry.file_name().to_string_lossy();
        if !file.ends_with(".md") || file == "_index.md" && entry.depth() <= 2 {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let front = text
            .split("\n---\n")
            .next()
            .unwrap()
            .trim_start_matches("---\n");
        let front: serde_yaml::Value = serde_yaml::from_str(front).unwrap();
        if front["draft"].as_bool() == Some(true) {
            continue;
        }
        let title = unquoted(front["title"].as_str().unwrap());
        assert!(
            shown.contains(&title),
            "{} ({title}) is not published",
            entry.path().display()
        );
    }
    for alias in report["aliases"].as_array().unwrap() {
        let old = alias["old"].as_str().unwrap().trim_start_matches('/');
        let file = if old.ends_with(".html") {
            old.to_string()
        } else {
            format!("{}/index.html", old.trim_end_matches('/'))
        };
        assert_eq!(redirect(&public, &file), alias["new"].as_str().unwrap());
    }
    report
}

/// How many pieces of template code the import converted and left (escaped, listed).
fn template_counts(report: &serde_json::Value) -> (usize, usize) {
    let count = |list: &str| report[list].as_array().unwrap().len();
    (count("converted"), count("unconverted"))
}

#[test]
fn the_pages_of_hugos_documentation_are_imported_and_answer_at_their_old_addresses() {
    let report = import_real_site("hugo", &[]);
    assert_eq!(report["aliases"].as_array().unwrap().len(), 38);
    assert_eq!(template_counts(&report), (19, 719));
}

#[test]
fn the_pages_of_jekylls_documentation_are_imported_and_answer_at_their_old_addresses() {
    // Linked as docs/pages/team.md from docs/, where there is no such page.
    let team = (
        "content/docs/security.md",
        "(docs/pages/team.md)",
        "(https://jekyllrb.com/team/)",
    );
    let report = import_real_site("jekyll", &[team]);
    assert_eq!(report["aliases"].as_array().unwrap().len(), 13);
    assert_eq!(template_counts(&report), (3214, 91));
}

#[test]
fn the_pages_of_zolas_documentation_are_imported_and_answer_at_their_old_addresses() {
    // The theme gallery is not among the pages taken (see the fixture's README).
    let gallery = ("(@/themes/_index.md)", "(https://www.getzola.org/themes/)");
    let broken = [
        "content/documentation/themes/creating-a-theme.md",
        "content/documentation/themes/installing-and-using-themes.md",
        "content/documentation/themes/overview.md",
    ]
    .map(|file| (file, gallery.0, gallery.1));
    let report = import_real_site("zola", &broken);
    assert_eq!(report["aliases"].as_array().unwrap().len(), 1);
    assert_eq!(template_counts(&report), (0, 9));
}
