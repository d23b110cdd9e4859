//! Publishing over time: a page dated ahead is published at its moment, a
//! page past its `expires:` leaves every listing and leaves a notice, and
//! the build that would change by itself is not up to date.

mod common;

use common::{Fixture, Server, accessible_pdf, messages, test_now};
use jiff::{SignedDuration, Timestamp};

/// `test_now` moved by `minutes`.
fn at(minutes: i64) -> Timestamp {
    test_now()
        .checked_add(SignedDuration::from_mins(minutes))
        .unwrap()
}

const EMBARGO: &str = "content/nyheter/embargo/index.md";

/// The links fixture with a press release scheduled for 12:01 in Stockholm
/// (a minute after `test_now`), with an attachment, an old address, an
/// event and a topic, and a link to it from the news item.
fn scheduled() -> Fixture {
    let fixture = Fixture::copy("links");
    fixture.write(
        EMBARGO,
        "---\ntitle: Pressmeddelande under embargo\ndate: 2026-11-23T12:01\n\
         topics: [Embargo]\naliases: [gammal/embargo]\n\
         event: { start: 2027-02-01T09:00, location: Göteborg }\n\
         attachments:\n  - { file: rapport.pdf, title: Rapporten }\n---\nNyheten.\n",
    );
    std::fs::write(
        fixture.root.join("content/nyheter/embargo/rapport.pdf"),
        accessible_pdf(),
    )
    .unwrap();
    fixture.append(
        "content/nyheter/2023-05-17-start.md",
        "\nSe [pressmeddelandet](embargo/index.md).\n",
    );
    fixture
}

#[test]
fn a_scheduled_page_is_published_at_its_moment_and_not_before() {
    let fixture = scheduled();
    let before = fixture.build();
    let warnings = messages(&before.report.warnings);
    assert!(
        warnings.contains("not published until 23 November 2026 at 12:01"),
        "{warnings}"
    );
    // Nothing of it: page, attachment, old address, feed, sitemap, calendar, topic.
    assert!(!before.has("nyheter/embargo/index.html"));
    assert!(!before.has("nyheter/embargo/rapport.pdf"));
    assert!(!before.has("gammal/embargo/index.html"));
    assert!(!before.has("amnen/embargo/index.html"));
    for file in [
        "atom.xml",
        "sitemap.xml",
        "kalender.ics",
        "kalender/index.html",
    ] {
        let text = before.text(file);
        assert!(!text.contains("embargo"), "{file}: {text}");
        assert!(!text.contains("Pressmeddelande"), "{file}: {text}");
    }
    // The link to it is its text alone.
    let news = before.html("nyheter/start/index.html");
    assert!(news.main_text().contains("Se pressmeddelandet."));
    assert!(
        news.attrs("main a", "href")
            .iter()
            .all(|h| !h.contains("embargo"))
    );
    // Nor is it searched for.
    let mut opts = fixture.options();
    opts.output = Some(fixture.root.join("ut"));
    let (prepared, _) = arkiv::render_site(&opts).unwrap();
    assert!(prepared.site.page_id("nyheter/embargo/index.md").is_none());

    // A minute later it is there, and so is everything of it.
    let after = fixture.build_with(arkiv::BuildOptions {
        now: Some(at(2)),
        ..fixture.options()
    });
    assert!(after.report.warnings.is_empty());
    assert!(after.has("nyheter/embargo/index.html"));
    assert!(after.has("nyheter/embargo/rapport.pdf"));
    assert!(after.has("gammal/embargo/index.html"));
    assert!(
        after
            .text("atom.xml")
            .contains("Pressmeddelande under embargo")
    );
    assert!(after.text("kalender.ics").contains("Pressmeddelande"));
    let news = after.html("nyheter/start/index.html");
    assert!(
        news.attrs("main a", "href")
            .iter()
            .any(|h| h.ends_with("/nyheter/embargo/"))
    );
    // No banner on a page that is published.
    assert!(
        !after
            .text("nyheter/embargo/index.html")
            .contains("scheduled-banner")
    );
}

#[test]
fn the_build_before_the_moment_is_not_up_to_date_after_it() {
    let fixture = scheduled();
    let opts = |minutes| arkiv::BuildOptions {
        now: Some(at(minutes)),
        ..fixture.options()
    };
    // Warnings keep a build from being remembered: none here.
    fixture.replace(
        "content/nyheter/2023-05-17-start.md",
        "Se [pressmeddelandet](embargo/index.md).",
        "",
    );
    let first = arkiv::build(&opts(0)).unwrap();
    assert!(!first.is_up_to_date);
    assert!(arkiv::build(&opts(0)).unwrap().is_up_to_date);
    // Half a minute on, before 12:01: nothing changed.
    let mut early = opts(0);
    early.now = Some(
        test_now()
            .checked_add(SignedDuration::from_secs(30))
            .unwrap(),
    );
    assert!(arkiv::build(&early).unwrap().is_up_to_date);
    let later = arkiv::build(&opts(2)).unwrap();
    assert!(!later.is_up_to_date, "12:02 is after the moment");
    assert!(
        fixture
            .public()
            .join("nyheter/embargo/index.html")
            .is_file()
    );
    assert!(arkiv::build(&opts(3)).unwrap().is_up_to_date);
}

#[test]
fn a_moment_without_an_offset_is_swedish_time() {
    let fixture = Fixture::copy("links");
    let page = |name: &str, date: &str| {
        let path = format!("content/nyheter/{name}.md");
        fixture.write(
            &path,
            &format!("---\ntitle: {name}\ndate: {date}\n---\nText.\n"),
        );
    };
    // test_now is 12:00 in Stockholm (11:00 UTC).
    page("utc-tidigare", "2026-11-23T10:59:00Z");
    page("helsingfors", "2026-11-23T12:30:00+02:00");
    page("stockholm-senare", "2026-11-23T12:30:00");
    page("utc-senare", "2026-11-23T11:30:00Z");
    page("i-morgon", "2026-11-24");
    let built = fixture.build();
    assert!(built.has("nyheter/utc-tidigare/index.html"));
    assert!(
        built.has("nyheter/helsingfors/index.html"),
        "10:30 UTC has passed"
    );
    assert!(!built.has("nyheter/stockholm-senare/index.html"));
    assert!(!built.has("nyheter/utc-senare/index.html"));
    assert!(
        !built.has("nyheter/i-morgon/index.html"),
        "midnight in Stockholm"
    );
}

#[test]
fn future_publishes_scheduled_pages_with_a_banner() {
    let fixture = scheduled();
    let built = fixture.build_with(arkiv::BuildOptions {
        future: true,
        ..fixture.options()
    });
    let page = built.html("nyheter/embargo/index.html");
    assert_eq!(
        page.text(".scheduled-banner"),
        "Schemalagd: publiceras 23 november 2026 kl. 12.01"
    );
    assert!(built.has("nyheter/embargo/rapport.pdf"));
}

#[test]
fn an_expired_page_leaves_every_list_and_a_notice_at_its_address() {
    let fixture = scheduled();
    fixture.write(
        EMBARGO,
        "---\ntitle: Platsannons\ndate: 2026-10-01\nexpires: 2026-11-23T11:59\n\
         topics: [Jobb]\nevent: { start: 2027-02-01T09:00 }\n\
         attachments:\n  - { file: rapport.pdf, title: Rapporten }\n---\nSök jobbet.\n",
    );
    let built = fixture.build();
    let warnings = messages(&built.report.warnings);
    assert!(
        warnings.contains("which expired 23 November 2026 at 11:59"),
        "{warnings}"
    );
    let notice = built.text("nyheter/embargo/index.html");
    assert!(
        notice.contains(r#"<meta name="robots" content="noindex">"#),
        "{notice}"
    );
    assert!(notice.contains("Platsannons"));
    assert!(notice.contains("Sidan är inte längre aktuell"), "{notice}");
    assert!(!notice.contains("Sök jobbet"), "{notice}");
    assert!(!built.has("nyheter/embargo/rapport.pdf"));
    assert!(!built.has("amnen/jobb/index.html"));
    for file in [
        "atom.xml",
        "sitemap.xml",
        "kalender.ics",
        "nyheter/index.html",
        "kalender/index.html",
    ] {
        assert!(!built.text(file).contains("Platsannons"), "{file}");
    }
    let (prepared, _) = arkiv::render_site(&fixture.options()).unwrap();
    assert!(prepared.site.page_id("nyheter/embargo/index.md").is_none());

    // Before it expires it is listed, and check says it expires soon.
    let mut opts = fixture.options();
    opts.now = Some(at(-120));
    let (prepared, _) = arkiv::render_site(&opts).unwrap();
    assert!(prepared.site.page_id("nyheter/embargo/index.md").is_some());
    let (_, agenda) = arkiv::check::check_with_agenda(&opts);
    assert_eq!(
        agenda.expiring,
        vec![(
            "content/nyheter/embargo/index.md".to_string(),
            "23 November 2026 at 11:59".to_string()
        )]
    );
}

#[test]
fn check_lists_the_scheduled_pages() {
    let fixture = scheduled();
    let (findings, agenda) = arkiv::check::check_with_agenda(&fixture.options());
    assert!(!findings.has_errors(), "{}", common::render(&findings));
    assert_eq!(
        agenda.scheduled,
        vec![(
            "content/nyheter/embargo/index.md".to_string(),
            "23 November 2026 at 12:01".to_string()
        )]
    );
    assert!(agenda.expiring.is_empty());
}

#[test]
fn a_presentation_names_its_expired_conference_as_plain_text_and_its_scheduled_one_not_at_all() {
    let fixture = Fixture::copy("bundle-with-pdf");
    let conference = "content/konferenser/arsmote-2024/index.md";
    fixture.replace(
        conference,
        "date: 2024-03-01",
        "date: 2024-03-01\nexpires: 2026-06-01",
    );
    let built = fixture.build();
    let warnings = messages(&built.report.warnings);
    assert!(warnings.contains("`conference:` names"), "{warnings}");
    let page = built.html("presentationer/oppning/index.html");
    assert_eq!(page.text(".conference-ref-title"), "Årsmöte 2024");
    assert!(page.attrs(".conference-ref-title a", "href").is_empty());
    assert!(page.texts(".back-link").is_empty());

    // Not yet published, its title is not shown before its time (an embargo).
    fixture.replace(
        conference,
        "date: 2024-03-01\nexpires: 2026-06-01",
        "date: 2026-12-01",
    );
    let built = fixture.build();
    let warnings = messages(&built.report.warnings);
    assert!(
        warnings.contains("not published until 1 December 2026"),
        "{warnings}"
    );
    let page = built.text("presentationer/oppning/index.html");
    assert!(!page.contains("Årsmöte 2024"), "{page}");
}

#[test]
fn expires_before_the_date_is_an_error() {
    let fixture = Fixture::copy("links");
    fixture.write(
        "content/nyheter/fel.md",
        "---\ntitle: Fel\ndate: 2026-05-01\nexpires: 2026-04-01\n---\nText.\n",
    );
    let errors = common::render(&fixture.build_errors());
    assert!(
        errors.contains("expires (2026-04-01) before it is published"),
        "{errors}"
    );
    assert!(errors.contains("fel.md:4"), "{errors}");
}

#[test]
fn serve_shows_scheduled_pages_with_a_banner_and_answers_gone_for_expired() {
    let fixture = Fixture::copy("links");
    fixture.write(
        "content/nyheter/framtid.md",
        "---\ntitle: Framtid\ndate: 2099-03-01T08:00\n---\nSnart.\n",
    );
    fixture.write(
        "content/nyheter/annons.md",
        "---\ntitle: Annons\ndate: 2020-01-01\nexpires: 2020-02-01\n---\nFörr.\n",
    );
    let server = Server::start(&fixture);
    let (status, page) = server.get("nyheter/framtid/");
    assert_eq!(status, 200);
    assert!(
        page.contains("Schemalagd:</strong> publiceras 1 mars 2099 kl. 08.00"),
        "{page}"
    );
    let (status, notice) = server.get("nyheter/annons/");
    assert_eq!(status, 410);
    assert!(notice.contains("noindex"));
    // An edit that takes a page down makes its address gone at once.
    fixture.replace(
        "content/nyheter/framtid.md",
        "date: 2099-03-01T08:00",
        "date: 2020-01-01\nexpires: 2020-06-01",
    );
    server.wait_for("nyheter/framtid/", "410 Gone", |status, _| status == 410);
}

#[test]
fn a_page_put_up_again_at_the_address_of_an_expired_one_is_the_page() {
    let fixture = Fixture::copy("links");
    let advert = |year: u32, expires: &str| {
        fixture.write(
            &format!("content/nyheter/annons-{year}.md"),
            &format!(
                "---\ntitle: Annons {year}\nslug: annons\ndate: {year}-01-01\n{expires}---\nText.\n"
            ),
        );
    };
    advert(2024, "expires: 2024-02-01\n");
    advert(2025, "expires: 2025-02-01\n");
    // Two expired pages at one address: one notice, no clash.
    let built = fixture.build();
    assert!(built.text("nyheter/annons/index.html").contains("noindex"));
    // A page put up again there is the page, in a build that updates the
    // last one as in a full build.
    advert(2026, "");
    let built = fixture.build();
    assert!(built.report.updated.is_some(), "an update in place");
    let page = built.text("nyheter/annons/index.html");
    assert!(
        page.contains("Annons 2026") && !page.contains("noindex"),
        "{page}"
    );
    let (_, full) = arkiv::render_site(&fixture.options()).unwrap();
    let full = full
        .iter()
        .find(|f| f.path == "nyheter/annons/index.html")
        .unwrap();
    assert_eq!(full.contents.read().unwrap(), page.as_bytes());
    // An expired page at an address no page may have leaves no notice.
    fixture.write(
        "content/sok.md",
        "---\ntitle: Gammal sök\ndate: 2020-01-01\nexpires: 2020-02-01\n---\nText.\n",
    );
    let built = fixture.build();
    assert!(!built.text("sok/index.html").contains("Gammal sök"));
}

#[test]
fn serve_judges_an_edited_page_by_the_moment_of_the_edit() {
    use arkiv::pipeline::session::{Change, Session};
    let fixture = Fixture::copy("links");
    let mut session = Session::new(fixture.options());
    session.full_build().unwrap();
    // Ten minutes on (with nothing of the site due), an edit that has
    // expired five minutes ago: its address is gone at once.
    session.set_clock(Some(at(10)));
    fixture.replace(
        "content/om.md",
        "title:",
        "expires: 2026-11-23T12:05\ntitle:",
    );
    session
        .apply(&[Change::Content(fixture.root.join("content/om.md"))])
        .unwrap();
    assert_eq!(session.gone(), vec!["om/index.html".to_string()]);
}

#[test]
fn check_reviews_scheduled_pages_as_they_will_be_published() {
    let fixture = scheduled();
    fixture.append(EMBARGO, "\nSe [saknad](finns-inte.md).\n");
    let (findings, _) = arkiv::check::check_with_agenda(&fixture.options());
    let said = messages(&findings);
    assert!(said.contains("finns-inte.md"), "{said}");
    assert!(findings.has_errors());
    // The link from the news item to the scheduled page is no finding.
    assert!(!said.contains("not published until"), "{said}");
}
