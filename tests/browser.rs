//! What a person sees: the sample archive in headless Chromium (Debian's
//! `chromium`, driven by playwright-core, with axe-core for WCAG 2.1 AA), and
//! an open page following edits through `arkiv serve`.
//!
//! Screenshots land in `target/screenshots/`. When Chromium, Node.js or the npm
//! packages are missing, `build.rs` leaves out `cfg(has_browser)` and `cargo
//! test` lists these tests as ignored, with the reason; in CI (`CI` set) that
//! is a failure, since `.ci/run` installs them.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use common::{Fixture, Server, repo};

/// One page of every kind, and the indexes, and English pages beside them.
const PAGES: [&str; 18] = [
    "/",
    "/nyheter/",
    "/nyheter/nu-ar-arbetet-igang-med-den-forsta-nationella-yrkesresan/",
    "/konferenser/kompetens-och-stabilitet-2016/",
    // A video placeholder, before it is played.
    "/konferenser/nara-vard-2025/",
    "/presentationer/grefve-nationellt-perspektiv/",
    "/anteckningar/socialchefsnatverket/",
    "/program/yrkesresan/",
    "/om-gr/",
    "/amnen/",
    "/kommuner/ockero/",
    "/arkiv/2019/",
    "/kalender/",
    "/sok/",
    "/404.html",
    "/en/",
    "/en/programmes/yrkesresan/",
    "/en/news/the-first-yrkesresan-courses-have-started/",
];

/// The tests below are ignored where what they need is missing, but never in CI.
#[test]
fn ci_runs_the_browser_tests() {
    assert!(
        cfg!(has_browser) || std::env::var_os("CI").is_none(),
        "CI must run the browser tests, but {}",
        env!("ARKIV_BROWSER_MISSING")
    );
}

#[test]
#[cfg_attr(
    not(has_browser),
    ignore = "needs Chromium and Node.js: apt-get install chromium npm, then npm ci"
)]
fn every_kind_of_page_reads_well_in_a_real_browser() {
    let fixture = Fixture::sample();
    let site = fixture.build();
    let shots = repo().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let mut args = vec![site.output.clone().into_os_string(), shots.into_os_string()];
    args.extend(PAGES.iter().map(Into::into));
    let results = node("check.mjs", &args);
    let mut problems = Vec::new();
    for page in results.as_array().unwrap() {
        let at = format!("{} at {} px", page["path"], page["width"]);
        if page["status"] != 200 {
            problems.push(format!("{at}: HTTP {}", page["status"]));
        }
        let english = page["path"].as_str().is_some_and(|p| p.starts_with("/en/"));
        let lang = if english { "en" } else { "sv" };
        if page["lang"] != lang {
            problems.push(format!("{at}: lang is {}", page["lang"]));
        }
        if page["overflow"].as_i64().unwrap_or(0) > 0 {
            problems.push(format!("{at}: scrolls sideways by {} px", page["overflow"]));
        }
        if page["stylesheetApplied"] != true {
            problems.push(format!("{at}: no stylesheet applied"));
        }
        if !page["brokenImages"].as_array().unwrap().is_empty() {
            problems.push(format!(
                "{at}: images do not load: {}",
                page["brokenImages"]
            ));
        }
        let focus = &page["firstFocus"];
        if focus["href"] != "#innehall" || focus["visible"] != true || focus["outline"] != true {
            problems.push(format!(
                "{at}: the first Tab should show the skip link with a visible outline, got {focus}"
            ));
        }
        let width = page["width"].as_i64().unwrap_or(0);
        let menu = &page["menu"];
        if width <= 390 {
            let opened = &menu["opened"];
            if menu["button"] != true || menu["list"] != false || menu["expanded"] != "false" {
                problems.push(format!(
                    "{at}: the menu should be closed behind its button, got {menu}"
                ));
            } else if opened["list"] != true || opened["expanded"] != "true" {
                problems.push(format!(
                    "{at}: the menu button should open the menu, got {menu}"
                ));
            }
        } else if menu["button"] != false || menu["list"] != true {
            problems.push(format!(
                "{at}: the menu should be open, without a button, got {menu}"
            ));
        }
        let search = &page["headerSearch"];
        let on_search_page = page["path"] == "/sok/";
        let label = if english {
            "Search the site"
        } else {
            "Sök på webbplatsen"
        };
        if !on_search_page && (search["visible"] != true || search["label"] != label) {
            problems.push(format!(
                "{at}: a labelled search field in the header, got {search}"
            ));
        }
        if let Some(violations) = page["violations"].as_array() {
            for violation in violations {
                problems.push(format!(
                    "{at}: axe {}: {}",
                    violation["id"], violation["nodes"]
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
#[cfg_attr(
    not(has_browser),
    ignore = "needs Chromium and Node.js: apt-get install chromium npm, then npm ci"
)]
fn a_video_asks_nothing_of_its_site_until_played_from_the_keyboard() {
    let site = Fixture::sample().build();
    let page = "/konferenser/nara-vard-2025/";
    let found = node("video.mjs", &[site.output.clone().into(), page.into()]);
    assert_eq!(
        found["requestsBeforePlay"],
        serde_json::json!([]),
        "{found}"
    );
    let button = &found["button"];
    assert_eq!(
        button["name"], "Spela upp videon: Exempelvideo, inte från konferensen",
        "the play button is reached with Tab and named for its video: {found}"
    );
    assert_eq!(button["outline"], true, "{found}");
    let frame = &found["frame"];
    assert_eq!(
        frame["src"], "https://player.vimeo.com/video/19899678?dnt=1&autoplay=1",
        "{found}"
    );
    assert_eq!(frame["title"], "Exempelvideo, inte från konferensen");
    assert_eq!(frame["focused"], true, "focus moves to the player: {found}");
    let after = found["requestsAfterPlay"].as_array().unwrap();
    assert!(
        after.iter().all(|url| url
            .as_str()
            .unwrap()
            .starts_with("https://player.vimeo.com/")),
        "{found}"
    );
}

#[test]
#[cfg_attr(
    not(has_browser),
    ignore = "needs Chromium and Node.js: apt-get install chromium npm, then npm ci"
)]
fn an_open_page_reloads_after_an_edit_and_shows_a_closable_overlay_while_broken() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    let steps = serde_json::json!([
        { "selector": "h1", "text": "Redigerad rubrik" },
        // A panel at the bottom, closed with Esc, then with its button;
        // it comes back with the next failed build and goes when it is fixed.
        { "selector": "#arkiv-fel", "text": "content/nyheter/2023-05-17-start.md:2",
          "maxHeightShare": 0.55, "thenPress": "Escape" },
        { "selector": "#arkiv-fel", "text": "Close (Esc)", "thenClick": "[data-arkiv-close]" },
        { "selector": "#arkiv-fel", "text": "content/nyheter/2023-05-17-start.md:2" },
        { "selector": "#arkiv-fel", "present": false },
        { "stylesheetSwapped": true },
    ]);
    let mut driver = Command::new("node")
        .arg(repo().join("tests/browser/live.mjs"))
        .arg(format!("{}nyheter/start/", server.url))
        .arg(steps.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut to_driver = driver.stdin.take().unwrap();
    let mut from_driver = BufReader::new(driver.stdout.take().unwrap()).lines();
    let page = "content/nyheter/2023-05-17-start.md";
    let good = fixture.read(page);
    let stylesheet = "themes/gr/static/css/site.css";
    let css = fixture.read(stylesheet);
    let changes: [Box<dyn Fn()>; 6] = [
        Box::new(|| {
            fixture.write(
                page,
                &good.replace("title: Start för \"Yrkesresan\"", "title: Redigerad rubrik"),
            )
        }),
        Box::new(|| fixture.write(page, "---\ntitle: [trasig\n---\n")),
        Box::new(|| fixture.write(page, "---\ntitle: [trasig igen\n---\n")),
        Box::new(|| fixture.write(page, "---\ntitle: [trasig en tredje gång\n---\n")),
        Box::new(|| fixture.write(page, &good)),
        Box::new(|| {
            fixture.write(
                stylesheet,
                &format!("{css}\n.live-test {{ color: #000; }}\n"),
            )
        }),
    ];
    for (n, change) in changes.iter().enumerate() {
        let line = from_driver.next().expect("the driver is running").unwrap();
        assert_eq!(line, format!("ready {n}"));
        change();
        writeln!(to_driver, "go").unwrap();
        let line = from_driver.next().expect("the driver answers").unwrap();
        assert_eq!(line, format!("ok {n}"), "step {n}");
    }
    assert!(driver.wait().unwrap().success());
}

#[test]
#[cfg_attr(
    not(has_browser),
    ignore = "needs Chromium and Node.js: apt-get install chromium npm, then npm ci"
)]
fn search_finds_pages_by_words_typed_without_swedish_letters() {
    let site = Fixture::sample().build();
    let results = search(
        &site.output,
        &[
            "Gierow",
            "Witzoe",
            "bedrovad",
            "goteborg",
            "konferenserna",
            "Wigzell",
        ],
    );
    let titles = |query: &str| -> Vec<String> {
        results[query]["titles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect()
    };
    let marks = |query: &str| -> Vec<String> {
        results[query]["marks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_lowercase())
            .collect()
    };
    // A word of the conference seed's body ("bedrövad"), typed without ö.
    assert!(
        titles("bedrovad").contains(
            &"Kompetens och stabilitet i den sociala barn- och ungdomsvården".to_string()
        ),
        "{:?}",
        titles("bedrovad")
    );
    assert!(
        marks("bedrovad").iter().any(|m| m.contains("bedrövad")),
        "the passage is highlighted"
    );
    assert!(
        marks("goteborg").iter().any(|m| m.starts_with("göteborg")),
        "{:?}",
        marks("goteborg")
    );
    // "konferenserna" is in no page: stemming finds the pages with other forms.
    assert!(
        titles("konferenserna").contains(
            &"Kompetens och stabilitet i den sociala barn- och ungdomsvården".to_string()
        ),
        "{:?}",
        titles("konferenserna")
    );
    assert!(
        marks("konferenserna")
            .iter()
            .all(|m| m.starts_with("konferens") && m != "konferenserna"),
        "stemming finds other forms: {:?}",
        marks("konferenserna")
    );
    assert!(
        titles("Wigzell").contains(&"Socialstyrelsens generaldirektör besökte GR".to_string()),
        "{:?}",
        titles("Wigzell")
    );
    assert!(
        titles("goteborg").iter().all(|t| !t.ends_with('#')),
        "heading anchors are not indexed"
    );
    assert_eq!(
        results["goteborg"]["filters"],
        serde_json::json!(["Kommun", "Typ", "Ämne", "År"]),
        "filters by kind, topic, municipality and year"
    );
    // Attendees and note takers are found by name.
    let notes = "Anteckningar från Socialchefsnätverket 25 januari 2019".to_string();
    for name in ["Gierow", "Witzoe"] {
        assert!(titles(name).contains(&notes), "{name}: {:?}", titles(name));
    }
    // Result fields in Swedish, the field named by its visible label, and
    // nothing for axe with a query typed.
    let tags = results["goteborg"]["tags"].to_string();
    assert!(tags.contains("Publicerad"), "{tags}");
    assert!(!tags.to_lowercase().contains("date"), "{tags}");
    assert_eq!(results["label"], "Sök i arkivet");
    assert_eq!(
        results["keyboard"],
        serde_json::json!({ "field": true, "result": notes }),
        "with Tab to the field, typing, and Tab on to the first result"
    );
    assert_eq!(results["violations"], serde_json::json!([]));
}

#[test]
#[cfg_attr(
    not(has_browser),
    ignore = "needs Chromium and Node.js: apt-get install chromium npm, then npm ci"
)]
fn search_results_show_front_matter_markup_as_text() {
    let fixture = Fixture::copy("escaping");
    fixture.append("site.yaml", "search: true\n");
    let site = fixture.build();
    let results = search(&site.output, &["möte", "ingress"]);
    assert_eq!(
        results["möte"]["titles"],
        serde_json::json!(["Möte om ”A & B” <script>alert(1)</script>; del 1, 2"]),
        "the title is shown as written, markup and all"
    );
    let excerpt = results["ingress"]["excerpts"][0].as_str().unwrap();
    assert!(excerpt.contains("Ingress med <b>fetstil</b>"), "{excerpt}");
    assert!(
        results["ingress"]["values"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("<img src=x onerror=alert(1)> (1)")),
        "the topic filter shows the term as text: {}",
        results["ingress"]["values"]
    );
    assert_eq!(results["dialogs"], serde_json::json!([]), "no script ran");
}

/// Types each query into the search page of the site in `output`
/// (`tests/browser/search.mjs`) and returns what the page showed, by query.
/// `arkiv check --browser` on a site with one page that breaks a rule, a
/// CMS page of its own under static/ that breaks it too, and pages that
/// break none: the one page is named by its source file, the CMS is not
/// read, and the findings are in the messages' language.
#[test]
#[cfg_attr(
    not(has_browser),
    ignore = "needs Chromium and Node.js: apt-get install chromium npm, then npm ci"
)]
fn check_in_the_browser_names_the_page_that_breaks_a_rule_and_skips_copied_pages() {
    let fixture = Fixture::copy("taxonomies");
    fixture.write(
        "content/om-oss.md",
        "---\ntitle: Om oss\n---\nVåra kontor:\n\n<a href=\"/nyheter/\"></a>\n",
    );
    fixture.write(
        "static/admin/index.html",
        "<!doctype html><html><body><a href=\"/\"></a><img src=\"x.png\"></body></html>",
    );
    let output = fixture.run(&["check", "--browser", "--format", "json"]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    let findings: Vec<serde_json::Value> = serde_json::from_str(&said).unwrap();
    let found: Vec<(String, String)> = findings
        .iter()
        .map(|f| {
            let message = f["message"].as_str().unwrap();
            let rule = message.split('`').nth(1).unwrap_or(message);
            (
                f["file"].as_str().unwrap_or("-").to_string(),
                rule.to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [("content/om-oss.md".to_string(), "link-name".to_string())]
    );
    assert!(
        findings[0]["message"]
            .as_str()
            .unwrap()
            .contains("at /om-oss/"),
        "{said}"
    );
    assert!(
        findings[0]["hint"]
            .as_str()
            .unwrap()
            .contains("<a href=\"/nyheter/\"></a>"),
        "{said}"
    );
    // In Swedish, axe-core's own texts are Swedish too.
    let output = fixture.run(&["check", "--browser", "--messages", "sv"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("axe-regeln `link-name`"), "{said}");
    assert!(said.contains("Länkar måste ha urskiljbar text"), "{said}");
}

#[test]
#[cfg_attr(
    not(has_browser),
    ignore = "needs Chromium and Node.js: apt-get install chromium npm, then npm ci"
)]
fn english_search_finds_english_pages_by_english_word_forms() {
    let site = Fixture::sample().build();
    let results = search(&site.output, &["/en/search/", "course", "Yrkesresan"]);
    let titles = |query: &str| results[query]["titles"].to_string();
    // "course" is in no page: English stemming finds "courses".
    assert!(
        titles("course").contains("The first Yrkesresan courses have started"),
        "{}",
        titles("course")
    );
    // The English page searches the English pages only, though the word
    // is in Swedish pages too.
    let links = results["Yrkesresan"]["links"].as_array().unwrap();
    assert!(links.len() >= 2, "{}", results["Yrkesresan"]);
    assert!(
        links
            .iter()
            .all(|l| l.as_str().unwrap().starts_with("/en/")),
        "{}",
        results["Yrkesresan"]
    );
    assert_eq!(results["label"], "Search the archive");
    assert_eq!(results["violations"], serde_json::json!([]));
}

fn search(output: &Path, queries: &[&str]) -> serde_json::Value {
    let mut args = vec![output.as_os_str().to_owned()];
    args.extend(queries.iter().map(Into::into));
    node("search.mjs", &args)
}

/// Runs the browser script `tests/browser/<script>` with `args` and
/// returns the JSON it printed; its error output if it fails.
fn node(script: &str, args: &[std::ffi::OsString]) -> serde_json::Value {
    let run = Command::new("node")
        .arg(repo().join("tests/browser").join(script))
        .args(args)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    serde_json::from_slice(&run.stdout).unwrap()
}

#[test]
#[cfg_attr(
    not(has_browser),
    ignore = "needs Chromium and Node.js: apt-get install chromium npm, then npm ci"
)]
fn the_editor_opens_from_serve_in_swedish_with_every_collection() {
    let fixture = Fixture::sample();
    common::copy_editor(&fixture.root);
    fixture.append(
        "site.yaml",
        "\neditor: { backend: github, repo: goteborgsregionen/arkiv }\n",
    );
    let server = Server::start_with_args(&fixture, &["--editor"]);
    let title = "Skriven i redigeringsverktyget";
    let found = node("editor.mjs", &[server.url.clone().into(), title.into()]);
    assert_eq!(found["errors"], serde_json::json!([]), "{found}");
    assert_eq!(found["elsewhere"], serde_json::json!([]), "{found}");
    assert_eq!(found["lang"], "sv", "{found}");
    let collections = found["collections"].to_string();
    for name in [
        "Nyheter",
        "Konferenser",
        "Presentationer",
        "Mötesanteckningar",
        "Program",
        "Sidor",
    ] {
        assert!(collections.contains(name), "{name}: {found}");
    }
    assert_eq!(found["violations"], serde_json::json!([]), "{found}");
    // Written through `arkiv serve`'s backend into content/, and served.
    assert_eq!(found["saved"], true, "{found}");
    server.wait_for("/nyheter/", "the new item in the listing", |_, body| {
        body.contains(title)
    });
}
