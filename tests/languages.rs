//! A site in two languages (`languages: [sv, en]`): English pages under
//! `/en/` with English folder names, translations linked both ways
//! (`hreflang`, the language switch), listings, feeds, the sitemap and the
//! search index per language, stale translations in `check`, `new --lang`
//! and `serve`.

mod common;

use common::{Fixture, Server};

fn built() -> (Fixture, common::Built) {
    let fixture = Fixture::copy("two-languages");
    let site = fixture.build();
    (fixture, site)
}

#[test]
fn english_pages_are_under_en_with_english_folders() {
    let (_, site) = built();
    for path in [
        "en/index.html",
        "en/news/index.html",
        "en/news/yrkesresan/index.html",
        "en/conferences/arsmote-2024/index.html",
        "en/contact/index.html",
        "en/topics/skills-supply/index.html",
        "en/archive/2024/03/index.html",
        "en/calendar/index.html",
        "en/search/index.html",
        "en/atom.xml",
        "en/calendar.ics",
    ] {
        assert!(site.has(path), "{path} is missing");
    }
    // The Swedish site is where it was, and the English files are not pages of their own.
    assert!(site.has("nyheter/yrkesresan/index.html"));
    assert!(site.has("kontakt/index.html"));
    let swedish = site.html("nyheter/yrkesresan/index.html");
    assert_eq!(swedish.text("h1"), "Yrkesresan startar");
    assert!(!site.has("en/404.html") && !site.has("en/sitemap.xml"));
    let page = site.html("en/news/yrkesresan/index.html");
    assert_eq!(page.attrs("html", "lang"), ["en"]);
    assert_eq!(page.text("h1"), "Yrkesresan starts");
    assert!(page.text("p.meta").contains("26 March 2024"));
    assert_eq!(
        page.text("title"),
        "Yrkesresan starts – Gothenburg Region archive"
    );
    // Static files are the site's one copy, in every language.
    assert_eq!(
        page.attrs("link[rel=stylesheet]", "href")[0],
        "/css/site.css"
    );
    // A link to a page leads to its translation, else to the page itself.
    let links = page.attrs(".prose a", "href");
    assert_eq!(
        links,
        ["/en/conferences/arsmote-2024/", "/nyheter/bara-svenska/"]
    );
    // The bundle's attachment is the translation's too.
    assert!(site.has("en/conferences/arsmote-2024/program.pdf"));
}

#[test]
fn translations_link_each_other_and_a_page_alone_has_no_alternates() {
    let (_, site) = built();
    let alternates = |path: &str| {
        let page = site.html(path);
        let langs = page.attrs("link[rel=alternate][hreflang]", "hreflang");
        let hrefs = page.attrs("link[rel=alternate][hreflang]", "href");
        langs.into_iter().zip(hrefs).collect::<Vec<_>>()
    };
    let both = vec![
        (
            "sv".to_string(),
            "https://arkiv.example.se/nyheter/yrkesresan/".to_string(),
        ),
        (
            "en".to_string(),
            "https://arkiv.example.se/en/news/yrkesresan/".to_string(),
        ),
    ];
    assert_eq!(alternates("nyheter/yrkesresan/index.html"), both);
    assert_eq!(alternates("en/news/yrkesresan/index.html"), both);
    assert_eq!(alternates("nyheter/bara-svenska/index.html"), vec![]);
    // The switch names each language in itself, and marks it with `lang`.
    let page = site.html("nyheter/yrkesresan/index.html");
    assert_eq!(page.texts(".language-switch li"), ["Svenska", "English"]);
    assert_eq!(
        page.attrs(".language-switch a", "href"),
        ["/en/news/yrkesresan/"]
    );
    assert_eq!(page.attrs(".language-switch a", "lang"), ["en"]);
    assert_eq!(
        page.attrs(".language-switch [aria-current]", "lang"),
        ["sv"]
    );
    // Without a translation, the switch leads to the other language's start page.
    let alone = site.html("nyheter/bara-svenska/index.html");
    assert_eq!(alone.attrs(".language-switch a", "href"), ["/en/"]);
    // Listings switch to the same listing.
    let news = site.html("en/news/index.html");
    assert_eq!(news.attrs(".language-switch a", "href"), ["/nyheter/"]);
}

#[test]
fn each_language_lists_only_its_own_pages() {
    let (_, site) = built();
    let english = site.html("en/news/index.html");
    let text = english.main_text();
    assert!(text.contains("Yrkesresan starts"), "{text}");
    assert!(!text.contains("bara på svenska"), "{text}");
    assert!(!text.contains("Yrkesresan startar"), "{text}");
    let swedish = site.html("nyheter/index.html").main_text();
    assert!(swedish.contains("Yrkesresan startar") && swedish.contains("bara på svenska"));
    assert!(!swedish.contains("Yrkesresan starts"));
    // A term has its English name where site.yaml gives one.
    let topics = site.html("en/topics/index.html").main_text();
    assert!(topics.contains("Skills supply"), "{topics}");
    assert!(!topics.contains("Nära vård"), "{topics}");
    let home = site.html("en/index.html");
    assert_eq!(home.attrs("html", "lang"), ["en"]);
    assert!(home.main_text().contains("in English"));
    assert_eq!(
        home.attrs("a.site-name", "href"),
        ["/en/"],
        "the site's name leads to its own language's start page"
    );
}

#[test]
fn feeds_sitemap_and_search_are_per_language() {
    let (_, site) = built();
    let feed: atom_syndication::Feed = site.text("en/atom.xml").parse().unwrap();
    let titles: Vec<&str> = feed.entries().iter().map(|e| e.title().as_str()).collect();
    assert_eq!(titles, ["Annual meeting 2024", "Yrkesresan starts"]);
    assert!(site.text("en/atom.xml").contains(r#"xml:lang="en""#));
    let swedish: atom_syndication::Feed = site.text("atom.xml").parse().unwrap();
    assert_eq!(swedish.entries().len(), 3);

    let sitemap = site.text("sitemap.xml");
    assert!(sitemap.contains(r#"xmlns:xhtml="http://www.w3.org/1999/xhtml""#));
    assert!(sitemap.contains(
        r#"<loc>https://arkiv.example.se/en/news/yrkesresan/</loc><lastmod>2024-03-26</lastmod><xhtml:link rel="alternate" hreflang="sv" href="https://arkiv.example.se/nyheter/yrkesresan/"/><xhtml:link rel="alternate" hreflang="en" href="https://arkiv.example.se/en/news/yrkesresan/"/></url>"#
    ), "{sitemap}");
    assert!(sitemap.contains("<loc>https://arkiv.example.se/nyheter/bara-svenska/</loc><lastmod>2024-04-02</lastmod></url>"));
    assert!(site.text("robots.txt").contains("sitemap.xml"));

    // One search bundle, an index per language: each page in its own.
    let entry: serde_json::Value =
        serde_json::from_str(&site.text("pagefind/pagefind-entry.json")).unwrap();
    assert_eq!(entry["languages"]["sv"]["page_count"], 4);
    assert_eq!(entry["languages"]["en"]["page_count"], 3);
    let search = site.html("en/search/index.html");
    assert_eq!(search.attrs("html", "lang"), ["en"]);
}

#[test]
fn check_finds_a_translation_older_than_its_original() {
    let fixture = Fixture::copy("two-languages");
    let clean = fixture.run(&["check"]);
    assert!(
        clean.status.success(),
        "{}",
        String::from_utf8_lossy(&clean.stderr)
    );
    fixture.replace(
        "content/nyheter/2024-03-26-yrkesresan.md",
        "title: Yrkesresan startar",
        "title: Yrkesresan startar\nupdated: 2024-06-01",
    );
    let out = fixture.run(&["check"]);
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("content/nyheter/2024-03-26-yrkesresan.en.md")
            && text.contains("changed on 1 June 2024, after this")
            && text.contains("translation (26 March 2024)"),
        "{text}"
    );
    // Brought up to date, the warning goes.
    fixture.replace(
        "content/nyheter/2024-03-26-yrkesresan.en.md",
        "title: Yrkesresan starts",
        "title: Yrkesresan starts\nupdated: 2024-06-02",
    );
    let out = fixture.run(&["check"]);
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("after this"), "{text}");
}

#[test]
fn new_writes_a_page_or_a_translation_in_a_language_of_the_site() {
    let fixture = Fixture::copy("two-languages");
    let out = fixture.run(&[
        "new",
        "nyheter/2024-04-02-bara-svenska.md",
        "Only in Swedish, until now",
        "--lang",
        "en",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = fixture.read("content/nyheter/2024-04-02-bara-svenska.en.md");
    assert!(
        written.contains("title: \"Only in Swedish, until now\""),
        "{written}"
    );
    assert!(written.contains("topics: [Nära vård]"), "{written}");
    assert!(written.contains("draft: true"), "{written}");
    let out = fixture.run(&["new", "nyheter", "A new item", "--lang", "en"]);
    assert!(out.status.success());
    let path = String::from_utf8_lossy(&out.stdout);
    assert!(path.contains("-a-new-item.en.md"), "{path}");
    let refused = fixture.run(&["new", "nyheter", "Hallo", "--lang", "de"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("`de` is not one of the site's languages")
    );
    // The drafts are not published, and the site still builds.
    let site = fixture.build();
    assert!(!site.has("en/news/bara-svenska/index.html"));
}

#[test]
fn site_yaml_mistakes_about_languages_are_located() {
    let cases = [
        (
            "language: sv\nlanguages: [sv, en]\n",
            "both `language` and `languages`",
            2,
        ),
        ("languages: [sv, de]\n", "unsupported language `de`", 1),
        ("languages: [sv, sv]\n", "each language once", 1),
        (
            "languages: [sv]\ntranslations:\n  en: { title: X }\n",
            "settings for `en`",
            2,
        ),
    ];
    for (yaml, message, line) in cases {
        let fixture = Fixture::copy("two-languages");
        fixture.write("site.yaml", yaml);
        let errors = fixture.build_errors();
        let first = errors.iter().next().unwrap();
        assert!(first.message.contains(message), "{yaml}: {}", first.message);
        assert_eq!(
            first.location().as_deref(),
            Some(format!("site.yaml:{line}:1").as_str()),
            "{yaml}"
        );
    }
}

#[test]
fn a_page_in_a_language_the_site_lacks_is_named_and_left_out() {
    let fixture = Fixture::copy("two-languages");
    fixture.write(
        "site.yaml",
        "title: Arkivet\nbase_url: https://arkiv.example.se/\nlanguage: sv\n",
    );
    let site = fixture.build();
    assert!(!site.has("en/index.html"));
    // The English file neither takes the Swedish page's place nor is listed.
    let swedish = site.html("nyheter/yrkesresan/index.html");
    assert_eq!(swedish.text("h1"), "Yrkesresan startar");
    assert!(
        !site
            .text("nyheter/index.html")
            .contains("Yrkesresan starts")
    );
    let warnings = common::messages(&site.report.warnings);
    assert!(
        warnings.contains("written in `en`, which site.yaml does not list"),
        "{warnings}"
    );
    // One language: no switch and no alternates.
    let page = site.html("nyheter/yrkesresan/index.html");
    assert!(page.attrs(".language-switch a", "href").is_empty());
    assert!(page.attrs("link[hreflang]", "href").is_empty());
    // serve leaves it out too, when it is written while serving.
    let server = Server::start(&fixture);
    fixture.write(
        "content/ny.en.md",
        "---\ntitle: New in English\n---\nHello.\n",
    );
    fixture.write("content/ny.md", "---\ntitle: Ny på svenska\n---\nHej.\n");
    server.wait_for("/ny/", "the Swedish page", |status, body| {
        status == 200 && body.contains("Ny på svenska")
    });
    let (_, body) = server.get("/ny/");
    assert!(!body.contains("New in English"));
}

#[test]
fn serve_shows_an_edited_translation() {
    let fixture = Fixture::copy("two-languages");
    let server = Server::start(&fixture);
    let (status, body) = server.get("/en/news/yrkesresan/");
    assert_eq!(status, 200);
    assert!(body.contains("Yrkesresan starts"));
    // The search index, made beside the served pages, has both languages.
    server.wait_for(
        "/pagefind/pagefind-entry.json",
        "both languages' index",
        |status, body| status == 200 && body.contains(r#""en":"#) && body.contains(r#""sv":"#),
    );
    fixture.replace(
        "content/nyheter/2024-03-26-yrkesresan.en.md",
        "title: Yrkesresan starts",
        "title: Yrkesresan has started",
    );
    server.wait_for("/en/news/yrkesresan/", "the new title", |status, body| {
        status == 200 && body.contains("Yrkesresan has started")
    });
    server.wait_for("/en/news/", "the listing's new title", |_, body| {
        body.contains("Yrkesresan has started")
    });
    // A new translation is served at its address, and the original links to it.
    fixture.write(
        "content/nyheter/2024-04-02-bara-svenska.en.md",
        "---\ntitle: Now in English too\ntopics: [Nära vård]\n---\nHello.\n",
    );
    server.wait_for(
        "/en/news/bara-svenska/",
        "the new translation",
        |status, body| status == 200 && body.contains("Now in English too"),
    );
    server.wait_for("/nyheter/bara-svenska/", "the switch to it", |_, body| {
        body.contains(r#"hreflang="en" href="http"#)
    });
}

#[test]
fn a_second_build_after_an_edit_is_whole_and_the_same_as_a_first() {
    let fixture = Fixture::sample();
    fixture.build();
    fixture.replace(
        "content/kontakt.en.md",
        "Switchboard: +46 31 335 50 00",
        "Switchboard: +46 31 335 50 01",
    );
    let again = fixture.build();
    assert!(again.report.updated.is_none(), "built whole, not in place");
    assert!(again.text("en/contact/index.html").contains("50 01"));
    let (_, full) = arkiv::render_site(&fixture.options()).unwrap();
    for file in full {
        let bytes = file.contents.read().unwrap();
        let written = std::fs::read(again.output.join(&file.path)).unwrap();
        assert!(written == bytes, "{} differs from a first build", file.path);
    }
}

#[test]
fn a_translation_naming_an_untranslated_programme_builds_without_the_link() {
    let fixture = Fixture::copy("two-languages");
    fixture.write(
        "content/program/yrkesresan/index.md",
        "---\ntitle: Yrkesresan\n---\nProgrammet.\n",
    );
    fixture.replace(
        "content/nyheter/2024-03-26-yrkesresan.md",
        "topics:",
        "programme: yrkesresan\ntopics:",
    );
    fixture.replace(
        "content/nyheter/2024-03-26-yrkesresan.en.md",
        "topics:",
        "programme: yrkesresan\ntopics:",
    );
    // The English annual meeting does not list the programme file: the
    // Swedish one's use of it is enough.
    fixture.replace(
        "content/konferenser/arsmote-2024/index.en.md",
        "attachments:\n  - { file: program.pdf, title: Programme }\n",
        "",
    );
    let site = fixture.build();
    let swedish = site.html("program/yrkesresan/index.html").main_text();
    assert!(swedish.contains("Yrkesresan startar"), "{swedish}");
    // The Swedish news item links its programme; the English one cannot.
    let swedish_links = site
        .html("nyheter/yrkesresan/index.html")
        .attrs("main a", "href");
    assert!(
        swedish_links
            .iter()
            .any(|href| href == "/program/yrkesresan/"),
        "{swedish_links:?}"
    );
    // No English programme page is made up for it.
    assert!(!site.has("en/programmes/yrkesresan/index.html"));
    let english = site.html("en/news/yrkesresan/index.html");
    let links = english.attrs("main a", "href");
    assert!(
        !links
            .iter()
            .any(|href| href.contains("yrkesresan") && href.contains("program")),
        "{links:?}"
    );
    // A file one language uses is not "not used" in another.
    let warnings = common::messages(&site.report.warnings);
    assert!(!warnings.contains("not used by any page"), "{warnings}");
}

#[test]
fn two_languages_making_one_address_is_an_error_at_the_translation() {
    let fixture = Fixture::copy("two-languages");
    fixture.replace(
        "content/kontakt.en.md",
        "slug: contact",
        "slug: contact\naliases: [/kontakt]",
    );
    let errors = common::render(&fixture.build_errors());
    assert!(
        errors.contains("two languages of the site both make `kontakt/index.html`"),
        "{errors}"
    );
    assert!(errors.contains("content/kontakt.en.md"), "{errors}");
    // `new --lang` does not copy the original's old addresses.
    fixture.replace("content/kontakt.en.md", "\naliases: [/kontakt]", "");
    fixture.replace(
        "content/kontakt.md",
        "title: Kontakt",
        "title: >-\n  Kontakt\n  med oss\naliases:\n  - /gammal-kontakt",
    );
    std::fs::remove_file(fixture.root.join("content/kontakt.en.md")).unwrap();
    let out = fixture.run(&["new", "kontakt.md", "Contact", "--lang", "en"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = fixture.read("content/kontakt.en.md");
    assert!(
        !written.contains("aliases") && !written.contains("gammal"),
        "{written}"
    );
    let refused = fixture.run(&["new", "kontakt.md", "Contact"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("needs a language"));
}

#[test]
fn a_term_page_leads_to_the_same_term_in_the_other_language() {
    let (_, site) = built();
    let english = site.html("en/topics/skills-supply/index.html");
    assert_eq!(
        english.attrs(".language-switch a", "href"),
        ["/amnen/kompetensforsorjning/"]
    );
    assert_eq!(
        english.attrs("link[rel=alternate][hreflang]", "href"),
        [
            "https://arkiv.example.se/amnen/kompetensforsorjning/",
            "https://arkiv.example.se/en/topics/skills-supply/"
        ]
    );
    // A term only Swedish pages have leads to the English start page.
    let alone = site.html("amnen/nara-vard/index.html");
    assert_eq!(alone.attrs(".language-switch a", "href"), ["/en/"]);
    assert!(alone.attrs("link[hreflang]", "href").is_empty());
    let sitemap = site.text("sitemap.xml");
    assert!(sitemap.contains(r#"<loc>https://arkiv.example.se/en/topics/skills-supply/</loc><xhtml:link rel="alternate" hreflang="sv" href="https://arkiv.example.se/amnen/kompetensforsorjning/"/>"#), "{sitemap}");
}
