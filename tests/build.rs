//! Building fixture sites: URLs, listings, taxonomies, bundles, links, Markdown.

mod common;

use common::Fixture;

#[test]
fn topic_index_is_in_swedish_order_and_term_pages_list_newest_first() {
    let site = Fixture::copy("taxonomies").build();
    let index = site.html("amnen/index.html");
    let terms = index.texts("main a[href^='/amnen/']");
    assert_eq!(
        terms
            .iter()
            .map(|t| t.split(" (").next().unwrap().to_string())
            .collect::<Vec<_>>(),
        [
            "Arbetsmarknad",
            "Barn och unga",
            "Zebror",
            "Äldreomsorg",
            "Öppna data"
        ],
        "{terms:?}"
    );
    let term = site.html("amnen/barn-och-unga/index.html");
    let titles = term.texts("main a[href^='/nyheter/']");
    let titles: Vec<&String> = titles
        .iter()
        .filter(|t| t.contains("nyhet") || t.contains("Mellan"))
        .collect();
    assert_eq!(
        titles,
        ["Nyare nyhet", "Mellannyhet"],
        "page 1 of 2 (paginate: 2)"
    );
    let page_two = site.html("amnen/barn-och-unga/sida/2/index.html");
    assert!(page_two.main_text().contains("Äldre nyhet"));
}

#[test]
fn municipality_pages_use_ascii_slugs() {
    let site = Fixture::copy("taxonomies").build();
    assert!(site.has("kommuner/ockero/index.html"));
    assert!(site.has("kommuner/goteborg/index.html"));
    let index = site.html("kommuner/index.html");
    let names: Vec<String> = index
        .texts("main a[href^='/kommuner/']")
        .into_iter()
        .map(|t| t.split(" (").next().unwrap().to_string())
        .collect();
    assert_eq!(names, ["Ale", "Göteborg", "Öckerö"]);
}

#[test]
fn dates_read_in_swedish_with_an_updated_line() {
    let site = Fixture::copy("taxonomies").build();
    let page = site.html("nyheter/mellan/index.html");
    let main = page.main_text();
    assert!(main.contains("15 januari 2022"), "{main}");
    assert!(main.contains("1 februari 2022"), "{main}");
    assert!(
        page.attrs("main time", "datetime")
            .iter()
            .any(|d| d.starts_with("2022-01-15"))
    );
}

#[test]
fn date_archive_has_years_and_months() {
    let site = Fixture::copy("taxonomies").build();
    let archive = site.html("arkiv/index.html");
    let years: Vec<String> = archive.attrs("main a[href^='/arkiv/']", "href");
    assert!(years.contains(&"/arkiv/2023/".to_string()), "{years:?}");
    assert!(site.has("arkiv/2021/index.html"));
    let month = site.html("arkiv/2022/01/index.html");
    assert!(month.main_text().contains("Mellannyhet"));
    assert!(!month.main_text().contains("Nyare nyhet"));
}

#[test]
fn sections_paginate_newest_first() {
    let site = Fixture::copy("taxonomies").build();
    let first = site.html("nyheter/index.html");
    let main = first.main_text();
    let newer = main.find("Nyare nyhet").expect("newest on page 1");
    let middle = main.find("Mellannyhet").expect("second on page 1");
    assert!(newer < middle);
    assert!(!main.contains("Äldre nyhet"));
    assert!(
        site.html("nyheter/sida/2/index.html")
            .main_text()
            .contains("Äldre nyhet")
    );
    assert!(!site.has("nyheter/sida/3/index.html"));
}

#[test]
fn bundle_attachments_are_copied_and_listed_with_type_and_size() {
    let site = Fixture::copy("bundle-with-pdf").build();
    assert!(site.has("konferenser/arsmote-2024/program.pdf"));
    assert!(site.has("presentationer/oppning/bilder.pdf"));
    let conference = site.html("konferenser/arsmote-2024/index.html");
    let main = conference.main_text();
    assert!(main.contains("PDF, 1,5 kB"), "{main}");
    let links = conference.attrs("main a", "href");
    assert!(
        links.contains(&"/arkiv/konferenser/arsmote-2024/program.pdf".to_string()),
        "{links:?}"
    );
}

#[test]
fn a_conference_lists_its_presentations_and_they_link_back() {
    let site = Fixture::copy("bundle-with-pdf").build();
    let conference = site.html("konferenser/arsmote-2024/index.html");
    assert!(
        conference
            .attrs("main a", "href")
            .contains(&"/arkiv/presentationer/oppning/".to_string())
    );
    let main = conference.main_text();
    assert!(
        main.contains("Öppning av årsmötet") && main.contains("Åsa Fritzson"),
        "{main}"
    );
    assert!(
        main.contains("PDF, 2,5 kB"),
        "slides listed with the presentation: {main}"
    );
    let presentation = site.html("presentationer/oppning/index.html");
    assert!(
        presentation
            .attrs("main a", "href")
            .contains(&"/arkiv/konferenser/arsmote-2024/".to_string())
    );
    assert!(presentation.main_text().contains("Projektledare"));
}

#[test]
fn an_upcoming_event_is_on_the_start_page() {
    let site = Fixture::copy("bundle-with-pdf").build();
    let home = site.html("index.html");
    let main = home.main_text();
    assert!(
        main.contains("Årsmöte 2024") && main.contains("14 mars 2027"),
        "{main}"
    );
}

#[test]
fn links_between_pages_resolve_to_urls() {
    let site = Fixture::copy("links").build();
    let news = site.html("nyheter/start/index.html");
    let hrefs = news.attrs("main a", "href");
    assert!(
        hrefs.contains(&"/program/yrkesresan/".to_string()),
        "{hrefs:?}"
    );
    assert!(hrefs.contains(&"/om/".to_string()), "{hrefs:?}");
    let hub = site.html("program/yrkesresan/index.html");
    assert!(
        hub.attrs("main a", "href")
            .contains(&"/nyheter/start/#bakgrund".to_string())
    );
}

#[test]
fn markdown_gets_swedish_quotes_anchors_highlighting_tables_and_footnotes() {
    let site = Fixture::copy("links").build();
    let news = site.html("nyheter/start/index.html");
    let main = news.main_text();
    assert!(
        main.contains("”imponerande”") && main.contains("’bra’"),
        "{main}"
    );
    assert_eq!(news.text("h1"), "Start för ”Yrkesresan”");
    assert_eq!(
        news.attrs("main h2#bakgrund a.heading-anchor", "href"),
        ["#bakgrund"]
    );
    assert!(!news.attrs("main pre.code span", "class").is_empty());
    assert!(news.attrs("main pre.code span", "style").is_empty());
    assert_eq!(news.texts("main table td"), ["Ale", "3"]);
    assert_eq!(
        news.attrs("main input[type=checkbox]", "aria-label"),
        ["Klar", "Inte klar"]
    );
    assert!(main.contains("En fotnot."));
}

#[test]
fn a_programme_hub_lists_the_pages_that_name_it() {
    let site = Fixture::copy("links").build();
    let hub = site.html("program/yrkesresan/index.html");
    assert!(
        hub.attrs("main a", "href")
            .contains(&"/nyheter/start/".to_string())
    );
    let news = site.html("nyheter/start/index.html");
    assert!(
        news.attrs("main a", "href")
            .contains(&"/program/yrkesresan/".to_string())
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let fixture = Fixture::copy("links");
    fixture.write(
        "content/nyheter/utkast.md",
        "---\ntitle: Utkast\ndraft: true\n---\nHemligt.\n",
    );
    let site = fixture.build();
    assert!(!site.has("nyheter/utkast/index.html"));
    assert!(
        !site
            .html("nyheter/index.html")
            .main_text()
            .contains("Utkast")
    );
    let mut opts = fixture.options();
    opts.drafts = true;
    let site = fixture.build_with(opts);
    assert!(site.has("nyheter/utkast/index.html"));
}

#[test]
fn base_url_sets_canonical_links_and_sitemap() {
    let fixture = Fixture::copy("links");
    let mut opts = fixture.options();
    opts.base_url = Some("https://preview.example.org/".into());
    let site = fixture.build_with(opts);
    let page = site.html("om/index.html");
    assert_eq!(
        page.attrs("link[rel=canonical]", "href"),
        ["https://preview.example.org/om/"]
    );
    let sitemap = site.text("sitemap.xml");
    assert!(sitemap.contains("<loc>https://preview.example.org/om/</loc>"));
    assert!(
        site.text("robots.txt")
            .contains("https://preview.example.org/sitemap.xml")
    );
    assert!(site.has("404.html"));
}

#[test]
fn a_removed_page_disappears_from_the_output() {
    let fixture = Fixture::copy("links");
    fixture.build();
    assert!(fixture.public().join("om/index.html").exists());
    std::fs::remove_file(fixture.root.join("content/om.md")).unwrap();
    std::fs::write(
        fixture.root.join("content/nyheter/2023-05-17-start.md"),
        "---\ntitle: Start\n---\nInga länkar.\n",
    )
    .unwrap();
    fixture.build();
    assert!(!fixture.public().join("om/index.html").exists());
}

#[test]
fn bom_and_crlf_files_build() {
    let fixture = Fixture::copy("links");
    fixture.write(
        "content/nyheter/windows.md",
        "\u{feff}---\r\ntitle: Från Windows\r\ndate: 2024-03-26\r\n---\r\nRad ett.\r\n",
    );
    let site = fixture.build();
    let page = site.html("nyheter/windows/index.html");
    assert_eq!(page.text("h1"), "Från Windows");
    assert!(page.main_text().contains("26 mars 2024"));
}

#[test]
fn aliases_redirect_old_paths_to_the_page() {
    let fixture = Fixture::copy("links");
    fixture.write(
        "content/om.md",
        "---\ntitle: Om oss\naliases: [/gammal/om-oss/]\n---\nOm oss.\n",
    );
    let site = fixture.build();
    let redirect = site.html("gammal/om-oss/index.html");
    assert_eq!(redirect.attrs("link[rel=canonical]", "href"), ["/om/"]);
    assert_eq!(
        redirect.attrs("meta[http-equiv=refresh]", "content"),
        ["0; url=/om/"]
    );
}

#[test]
fn a_build_with_nothing_changed_leaves_the_output_as_it_is() {
    let fixture = Fixture::copy("links");
    let first = fixture.run(&["build"]);
    assert!(String::from_utf8_lossy(&first.stdout).starts_with("Built "));
    let again = fixture.run(&["build"]);
    assert!(
        String::from_utf8_lossy(&again.stdout).starts_with("Nothing has changed"),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    // A file deleted by hand is written again.
    std::fs::remove_file(fixture.public().join("om/index.html")).unwrap();
    let repaired = fixture.run(&["build"]);
    assert!(String::from_utf8_lossy(&repaired.stdout).starts_with("Built "));
    assert!(fixture.public().join("om/index.html").exists());
    // An edit is built.
    fixture.write(
        "content/om.md",
        "---\ntitle: Om oss nu\nweight: 1\n---\nNy text.\n",
    );
    let edited = fixture.run(&["build"]);
    assert!(String::from_utf8_lossy(&edited.stdout).starts_with("Built "));
    assert!(fixture.read("public/om/index.html").contains("Om oss nu"));
    // So is the same site with other options.
    let drafts = fixture.run(&["build", "--drafts"]);
    assert!(String::from_utf8_lossy(&drafts.stdout).starts_with("Built "));
}

#[test]
fn a_touched_page_is_read_again_and_an_edit_that_keeps_size_and_time_is_built() {
    let fixture = Fixture::copy("links");
    let build = || String::from_utf8_lossy(&fixture.run(&["build"]).stdout).into_owned();
    let marker = || fixture.read("public/.arkiv-output");
    let line = |text: &str, name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_default()
            .to_string()
    };
    let page = fixture.root.join("content/om.md");
    let set_time = |time: std::time::SystemTime| {
        let file = std::fs::File::options().write(true).open(&page).unwrap();
        file.set_modified(time).unwrap();
    };
    assert!(build().starts_with("Built "));
    let first = marker();

    // Touched, not changed: up to date, and the new listing is remembered.
    set_time(std::time::SystemTime::now() + std::time::Duration::from_secs(5));
    assert!(build().starts_with("Nothing has changed"));
    let touched = marker();
    assert_eq!(line(&touched, "fingerprint:"), line(&first, "fingerprint:"));
    assert_ne!(line(&touched, "listing:"), line(&first, "listing:"));
    assert!(build().starts_with("Nothing has changed"));

    // Same size, modification time set back: still an edit, built.
    let time = std::fs::metadata(&page).unwrap().modified().unwrap();
    fixture.replace("content/om.md", "Om oss.", "Om dig.");
    set_time(time);
    assert!(build().starts_with("Built "));
    assert!(fixture.read("public/om/index.html").contains("Om dig."));

    // A file beside a page (linked from it), its Markdown untouched, is copied again.
    fixture.append(
        "content/program/yrkesresan/index.md",
        "\n[Planen](plan.txt)\n",
    );
    fixture.write("content/program/yrkesresan/plan.txt", "Version 1");
    assert!(build().starts_with("Built "));
    fixture.write("content/program/yrkesresan/plan.txt", "Version 2");
    assert!(build().starts_with("Built "));
    assert_eq!(
        fixture.read("public/program/yrkesresan/plan.txt"),
        "Version 2"
    );
}

#[test]
fn a_build_after_an_edit_writes_only_the_files_that_changed() {
    use std::os::unix::fs::MetadataExt;
    let fixture = Fixture::copy("links");
    let inode = |path: &str| {
        std::fs::metadata(fixture.public().join(path))
            .unwrap()
            .ino()
    };
    assert!(fixture.run(&["build"]).status.success());
    let robots = inode("robots.txt");
    let favicon = inode("favicon.svg");
    let home = inode("index.html");
    let om = inode("om/index.html");
    fixture.replace("content/om.md", "Om oss.", "Om oss, nu.");
    let again = fixture.run(&["build"]);
    assert!(String::from_utf8_lossy(&again.stdout).starts_with("Built "));
    assert!(fixture.read("public/om/index.html").contains("Om oss, nu."));
    assert_ne!(
        inode("om/index.html"),
        om,
        "the edited page is written anew"
    );
    assert_eq!(
        inode("robots.txt"),
        robots,
        "an unchanged file is the same file"
    );
    assert_eq!(inode("index.html"), home, "so is an unchanged page");
    assert_eq!(
        inode("favicon.svg"),
        favicon,
        "and an unchanged copied file"
    );
}

#[test]
fn safe_markdown_keeps_harmless_html_and_removes_script() {
    let fixture = Fixture::copy("escaping");
    let body = "Text med <abbr title=\"Göteborgsregionen\">GR</abbr> och \
                <span onclick=\"steal()\">klick</span>.\n\n\
                <script>alert(1)</script>\n\n\
                [länk](javascript:alert(2)) och <iframe src=\"https://example.org/\"></iframe>\n\n\
                ## Rubrik\n\n- [x] klar\n";
    let page = "---\ntitle: Rå HTML\ndate: 2026-01-11\n---\n".to_string() + body;
    fixture.write("content/nyheter/ra-html.md", &page);

    let trusted = fixture.build();
    let html = trusted.text("nyheter/ra-html/index.html");
    assert!(
        html.contains("<script>alert(1)</script>"),
        "trusted: as written"
    );

    fixture.append("site.yaml", "markdown:\n  safe: true\n");
    let safe = fixture.build();
    let html = safe.text("nyheter/ra-html/index.html");
    let page = safe.html("nyheter/ra-html/index.html");
    assert!(!html.contains("alert("), "{html}");
    assert!(!html.contains("onclick"), "{html}");
    assert!(!html.contains("<iframe"), "{html}");
    assert_eq!(page.text("main abbr"), "GR");
    assert_eq!(page.attrs("main abbr", "title"), ["Göteborgsregionen"]);
    assert_eq!(page.attrs("main h2", "id"), ["rubrik"]);
    assert_eq!(page.attrs("main input", "aria-label"), ["Klar"]);
    assert_eq!(page.text("main p a"), "länk", "the link text stays");
}

#[test]
fn without_the_search_index_listings_show_the_same_summaries() {
    let summaries = |site: &common::Built| -> Vec<String> {
        [
            "nyheter/index.html",
            "presentationer/index.html",
            "arkiv/index.html",
        ]
        .iter()
        .flat_map(|path| site.html(path).texts(".card-summary"))
        .collect()
    };
    // Two pages without a lead: a listing shows their bodies' first 40 words.
    let sample = |search: bool| {
        let site = Fixture::sample();
        let words = |n: usize| {
            (1..=n)
                .map(|i| format!("ord{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        site.write(
            "content/nyheter/2026-11-20-utan-ingress.md",
            &format!(
                "---\ntitle: Utan ingress\n---\n\n## Rubrik\n\n{}\n\n{}\n",
                words(30),
                words(30)
            ),
        );
        site.write(
            "content/nyheter/2026-11-19-kort.md",
            &format!("---\ntitle: Kort\n---\n\n{}\n", words(41)),
        );
        if !search {
            site.append("site.yaml", "\nsearch: false\n");
        }
        site.build()
    };
    let with_search = sample(true);
    let without = sample(false);
    let shown = summaries(&with_search);
    assert!(
        shown.iter().any(|s| s.ends_with('…')),
        "some summary is a body's first words, cut: {shown:?}"
    );
    assert_eq!(summaries(&without), shown);
}
