//! Feeds and calendars: Atom, iCalendar, the calendar page and the sitemap,
//! read back by real parsers, with every front matter value escaped.

mod common;

use common::Fixture;

fn sample() -> common::Built {
    Fixture::sample().build()
}

#[test]
fn atom_feeds_are_valid_with_absolute_links() {
    let site = sample();
    for path in [
        "atom.xml",
        "nyheter/atom.xml",
        "konferenser/atom.xml",
        "amnen/barn-och-unga/atom.xml",
    ] {
        let feed: atom_syndication::Feed = site
            .text(path)
            .parse()
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert!(!feed.entries().is_empty(), "{path}");
        assert!(feed.entries().len() <= 20, "{path}");
        for entry in feed.entries() {
            assert!(
                entry
                    .id()
                    .starts_with("https://arkiv.goteborgsregionen.se/"),
                "{path}: {}",
                entry.id()
            );
            for link in entry.links() {
                assert!(
                    link.href()
                        .starts_with("https://arkiv.goteborgsregionen.se/"),
                    "{path}: {}",
                    link.href()
                );
            }
            assert!(
                entry
                    .content()
                    .and_then(|c| c.value())
                    .is_some_and(|v| v.contains("<p>")),
                "{path}: full content"
            );
            assert!(entry.summary().is_some(), "{path}: summary");
        }
    }
    let news: atom_syndication::Feed = site.text("nyheter/atom.xml").parse().unwrap();
    assert_eq!(
        news.entries()[0].title().as_str(),
        "Mobila närvårdsteam i norra delen av regionen"
    );
    let page = site.html("nyheter/index.html");
    assert_eq!(
        page.attrs("link[rel=alternate][type='application/atom+xml']", "href"),
        ["/atom.xml", "/nyheter/atom.xml"]
    );
}

#[test]
fn the_calendar_file_parses_and_every_event_is_complete() {
    let site = sample();
    let text = site.text("kalender.ics");
    assert!(
        text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'),
        "CRLF line ends only"
    );
    for line in text.split("\r\n") {
        assert!(
            line.len() <= 75,
            "RFC 5545 §3.1: lines fold at 75 octets: {line:?}"
        );
    }
    let calendar = ical::IcalParser::new(text.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    assert!(calendar.events.len() >= 10, "{}", calendar.events.len());
    let mut uids = Vec::new();
    for event in &calendar.events {
        let value = |name: &str| {
            event
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
                .unwrap_or_else(|| panic!("{name} missing in {:?}", event.properties))
        };
        uids.push(value("UID"));
        value("DTSTAMP");
        value("DTSTART");
        value("SUMMARY");
    }
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), calendar.events.len(), "UIDs are unique");
    let conference = calendar
        .events
        .iter()
        .find(|e| {
            e.properties.iter().any(|p| {
                p.value.as_deref()
                    == Some("Kompetens och stabilitet i den sociala barn- och ungdomsvården")
            })
        })
        .unwrap();
    let start = conference
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .unwrap();
    assert_eq!(start.value.as_deref(), Some("20161109"));
    assert!(
        start
            .params
            .as_ref()
            .unwrap()
            .iter()
            .any(|(k, v)| k == "VALUE" && v == &["DATE".to_string()]),
        "all-day"
    );
    let timed = calendar
        .events
        .iter()
        .find(|e| {
            e.properties.iter().any(|p| {
                p.name == "SUMMARY"
                    && p.value.as_deref() == Some("Förebyggande socialtjänst i praktiken")
            })
        })
        .unwrap();
    let start = timed
        .properties
        .iter()
        .find(|p| p.name == "DTSTART")
        .unwrap();
    assert_eq!(
        start.value.as_deref(),
        Some("20270318T080000Z"),
        "09:00 in Stockholm (UTC+1) is 08:00 UTC"
    );
}

#[test]
fn each_event_has_its_own_calendar_file_linked_from_its_page_while_it_is_ahead() {
    let site = sample();
    let page = site.html("konferenser/forebyggande-socialtjanst-2027/index.html");
    let links = page.attrs("main a[download]", "href");
    assert_eq!(
        links,
        ["/kalender/konferenser-forebyggande-socialtjanst-2027.ics"]
    );
    // A past event keeps its file, but offers it no more.
    let past = site.html("konferenser/kompetens-och-stabilitet-2016/index.html");
    assert!(past.attrs("main a[download]", "href").is_empty());
    assert!(!past.main_text().contains("Lägg till i kalender"));
    let one = site.text("kalender/konferenser-kompetens-och-stabilitet-2016.ics");
    let calendar = ical::IcalParser::new(one.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(calendar.events.len(), 1);
    let notes = site.html("anteckningar/natverket-for-arbetsmarknadschefer/index.html");
    assert_eq!(
        notes.attrs("main a[download]", "href").len(),
        3,
        "one per activity ahead"
    );
    // The 2019 notes' activities are all past: listed as such, none offered.
    let old = site.html("anteckningar/socialchefsnatverket/index.html");
    assert!(old.attrs("main a[download]", "href").is_empty());
    assert_eq!(old.texts(".activities h2"), ["Tidigare aktiviteter"]);
}

#[test]
fn the_calendar_page_groups_events_by_month_in_swedish() {
    let site = sample();
    let page = site.html("kalender/index.html");
    let months = page.texts("main h3.calendar-month");
    assert!(months.contains(&"mars 2027".to_string()), "{months:?}");
    assert!(months.contains(&"november 2016".to_string()), "{months:?}");
    let upcoming = months.iter().position(|m| m == "mars 2027").unwrap();
    let past = months.iter().position(|m| m == "november 2016").unwrap();
    assert!(upcoming < past, "upcoming before past");
    assert!(
        page.main_text()
            .contains("Förebyggande socialtjänst i praktiken")
    );
}

#[test]
fn sitemap_and_robots_use_absolute_urls() {
    let site = sample();
    let sitemap = site.text("sitemap.xml");
    let locs: Vec<&str> = sitemap
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap())
        .collect();
    assert!(locs.len() > 40);
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://arkiv.goteborgsregionen.se/"))
    );
    assert!(sitemap.contains("<lastmod>2024-03-26</lastmod>"));
    assert!(
        site.text("robots.txt")
            .contains("Sitemap: https://arkiv.goteborgsregionen.se/sitemap.xml")
    );
    assert!(site.html("404.html").main_text().len() > 20);
}

#[test]
fn front_matter_values_are_escaped_in_every_format() {
    let site = Fixture::copy("escaping").build();
    let title = "Möte om ”A & B” <script>alert(1)</script>; del 1, 2";
    let page = site.html("konferenser/mote/index.html");
    assert_eq!(page.text("h1"), title, "HTML text");
    assert!(
        page.attrs("script", "src")
            .iter()
            .all(|s| !s.contains("alert"))
    );
    assert!(
        !site
            .text("konferenser/mote/index.html")
            .contains("<script>alert")
    );
    assert!(!site.text("amnen/index.html").contains("<img src=x"));
    let feed: atom_syndication::Feed = site.text("atom.xml").parse().unwrap();
    assert_eq!(feed.entries()[0].title().as_str(), title, "XML");
    assert_eq!(feed.title().as_str(), "Escape & <test>");
    let ics = site.text("kalender.ics");
    let calendar = ical::IcalParser::new(ics.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    let summary = calendar.events[0]
        .properties
        .iter()
        .find(|p| p.name == "SUMMARY")
        .unwrap();
    assert_eq!(
        summary.value.as_deref(),
        Some(r"Möte om ”A & B” <script>alert(1)</script>\; del 1\, 2"),
        "iCalendar text escapes ; and ,"
    );
    assert!(
        ics.contains(r#"LOCATION:Sal "A"\, plan 2\; Göteborg"#),
        "{ics}"
    );
}

#[test]
fn a_feed_holds_the_newest_twenty_of_a_long_listing() {
    let site = Fixture::sample();
    for day in 1..=25 {
        site.write(
            &format!("content/nyheter/2026-10-{day:02}-flodtest-{day:02}.md"),
            &format!("---\ntitle: Flödestest {day:02}\ntopics: [Flödestest]\n---\n\nText {day}.\n"),
        );
    }
    let built = site.build();
    let titles = |path: &str| -> Vec<String> {
        let feed: atom_syndication::Feed = built.text(path).parse().unwrap();
        feed.entries()
            .iter()
            .map(|e| e.title().to_string())
            .collect()
    };
    let newest: Vec<String> = (6..=25)
        .rev()
        .map(|day| format!("Flödestest {day:02}"))
        .collect();
    assert_eq!(titles("amnen/flodestest/atom.xml"), newest);
    for path in ["nyheter/atom.xml", "atom.xml"] {
        let titles = titles(path);
        assert_eq!(titles.len(), 20, "{path}");
        let ours: Vec<&String> = titles
            .iter()
            .filter(|t| t.starts_with("Flödestest"))
            .collect();
        assert!(
            ours.len() >= 18 && ours[0] == "Flödestest 25",
            "{path}: {titles:?}"
        );
        assert!(
            !titles.contains(&"Flödestest 01".to_string()),
            "{path}: {titles:?}"
        );
    }
}
