//! The calendar tells the truth: what is over offers no "Lägg till i
//! kalender", to the hour, and one occurrence is one event.

mod common;

use common::{Fixture, messages, test_now};
use jiff::SignedDuration;

/// The upcoming conference of the sample, with a registration.
const UPCOMING: &str = "content/konferenser/forebyggande-socialtjanst-2027/index.md";
const NOTES: &str = "content/anteckningar/2025-05-23-natverket-for-aldreomsorgschefer.md";
const CONFERENCE_ACTIVITY: &str = "  - { title: \"Konferens: Nära vård – från ord till handling\", date: 2025-10-09, location: \"Göteborgsregionen, Anders Personsgatan 8, Göteborg\", conference: nara-vard-2025 }\n";

#[test]
fn an_activity_that_is_a_conference_is_its_event_once() {
    let fixture = Fixture::sample();
    // Named by its slug, or on its day at its place: the same either way.
    for activity in [
        CONFERENCE_ACTIVITY.to_string(),
        CONFERENCE_ACTIVITY.replace(", conference: nara-vard-2025", ""),
    ] {
        let line = ("  - { title: \"Konferens", "\n");
        fixture.replace_span(NOTES, line, activity.trim_end_matches('\n'));
        let built = fixture.build();
        let ics = built.text("kalender.ics");
        assert_eq!(
            ics.matches("SUMMARY:Nära vård – från ord till handling")
                .count(),
            1,
            "{ics}"
        );
        assert!(!ics.contains("SUMMARY:Konferens: Nära vård"), "{ics}");
        let calendar = built.html("kalender/index.html");
        let titles = calendar.texts(".event-title");
        let count = titles
            .iter()
            .filter(|t| t.contains("Nära vård – från ord"))
            .count();
        assert_eq!(count, 1, "{titles:?}");
        // The notes list it with the conference's time, linked to its page.
        let page = built.html("anteckningar/natverket-for-aldreomsorgschefer/index.html");
        let links = page.attrs(".activity-title a", "href");
        assert_eq!(links, ["/konferenser/nara-vard-2025/"]);
        assert!(
            page.main_text().contains("9 oktober 2025, kl. 09.00–16.00"),
            "{}",
            page.main_text()
        );
    }
}

#[test]
fn check_asks_about_an_activity_on_a_conferences_day_elsewhere() {
    let fixture = Fixture::sample();
    let notes = fixture.read(NOTES);
    fixture.write(
        NOTES,
        &notes.replace(
            CONFERENCE_ACTIVITY,
            "  - { title: Konferens om nära vård, date: 2025-10-09 }\n",
        ),
    );
    let findings = arkiv::check::check(&fixture.options());
    let said = messages(&findings);
    assert!(
        said.contains("is on the day of the conference “Nära vård – från ord till handling”"),
        "{said}"
    );
    let built = fixture.build();
    let ics = built.text("kalender.ics");
    assert!(
        ics.contains("SUMMARY:Konferens om nära vård"),
        "kept on its own"
    );
}

#[test]
fn an_activity_naming_no_conference_is_a_warning() {
    let fixture = Fixture::sample();
    let notes = fixture.read(NOTES);
    fixture.write(
        NOTES,
        &notes.replace("conference: nara-vard-2025", "conference: nara-vard-2035"),
    );
    let built = fixture.build();
    let warnings = messages(&built.report.warnings);
    assert!(
        warnings.contains("names the conference `nara-vard-2035`"),
        "{warnings}"
    );
}

#[test]
fn an_event_is_ahead_until_the_hour_it_ends() {
    let fixture = Fixture::copy("links");
    // test_now is 12:00 in Stockholm on 23 November 2026.
    let page = |name: &str, event: &str| {
        fixture.write(
            &format!("content/nyheter/{name}.md"),
            &format!("---\ntitle: {name}\ndate: 2026-11-01\nevent: {event}\n---\nText.\n"),
        );
    };
    page(
        "morgon",
        "{ start: 2026-11-23T09:00, end: 2026-11-23T11:00 }",
    );
    page(
        "eftermiddag",
        "{ start: 2026-11-23T09:00, end: 2026-11-23T13:00 }",
    );
    page("heldag", "{ start: 2026-11-23 }");
    let built = fixture.build();
    let calendar = built.text("kalender/index.html");
    let (upcoming, past) = calendar.split_once("Tidigare evenemang").unwrap();
    assert!(past.contains(">morgon<"), "ended at 11:00");
    assert!(upcoming.contains(">eftermiddag<"), "ends at 13:00");
    assert!(upcoming.contains(">heldag<"), "lasts the day");
    // At 13:00 the afternoon's event is over: the output is not up to date.
    let mut opts = fixture.options();
    opts.now = Some(
        test_now()
            .checked_add(SignedDuration::from_mins(61))
            .unwrap(),
    );
    let report = arkiv::build(&opts).unwrap();
    assert!(!report.is_up_to_date);
    let calendar = std::fs::read_to_string(fixture.public().join("kalender/index.html")).unwrap();
    let (_, past) = calendar.split_once("Tidigare evenemang").unwrap();
    assert!(past.contains(">eftermiddag<"), "{past}");
}

#[test]
fn a_conference_page_follows_the_seeds_order_and_lists_each_file_once() {
    let fixture = Fixture::sample();
    let built = fixture.build();
    let html = built.text("konferenser/kompetens-och-stabilitet-2016/index.html");
    let at = |needle: &str| {
        html.find(needle)
            .unwrap_or_else(|| panic!("{needle} is not on the page"))
    };
    let order = [
        at("Den sociala barn- och ungdomsvården belystes"),
        at("<h2>Konferensen i koncentrat</h2>"),
        at("<h2>Presentationer</h2>"),
        at("Mycket glad över den samverkan"),
        at(">Läs mer <"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert_eq!(
        html.matches("sammanfattning.pdf\"").count(),
        1,
        "the summary once"
    );
    // A past conference offers neither a calendar file nor registration.
    assert!(!html.contains("Lägg till i kalender"));
    assert!(!html.contains("class=\"registration\""));
}

#[test]
fn registration_is_offered_until_its_deadline() {
    let fixture = Fixture::sample();
    let page = "konferenser/forebyggande-socialtjanst-2027/index.html";
    let built = fixture.build();
    let html = built.html(page);
    assert_eq!(
        html.text(".registration a"),
        "Anmäl dig senast 19 februari 2027"
    );
    assert!(html.attrs(".registration a", "href")[0].starts_with("mailto:konferens@"));
    // The deadline is the whole day: the next morning it is gone.
    let mut opts = fixture.options();
    opts.now = Some("2027-02-19T22:59:00Z".parse().unwrap());
    let open = fixture.build_with(opts.clone());
    assert!(open.html(page).texts(".registration").len() == 1);
    opts.now = Some("2027-02-19T23:00:00Z".parse().unwrap());
    let closed = fixture.build_with(opts);
    assert!(!closed.report.is_up_to_date);
    assert!(closed.html(page).texts(".registration").is_empty());
    assert!(
        closed
            .html(page)
            .main_text()
            .contains("Lägg till i kalender")
    );
}

#[test]
fn a_registration_address_that_could_run_a_script_is_refused() {
    let fixture = Fixture::sample();
    let url = ("    url: ", "\n");
    fixture.replace_span(UPCOMING, url, "    url: \"javascript:alert(1)\"");
    let errors = fixture.build_errors();
    let said = common::render(&errors);
    assert!(said.contains("not an address to register at"), "{said}");
    assert!(said.contains("index.md:11"), "{said}");
}

#[test]
fn only_an_activity_within_a_conferences_hours_or_naming_it_on_its_days_is_its_event() {
    let fixture = Fixture::sample();
    let notes = fixture.read(NOTES);
    let place = "Göteborgsregionen, Anders Personsgatan 8, Göteborg";
    fixture.write(
        NOTES,
        &notes.replace(
            CONFERENCE_ACTIVITY,
            &format!(
                "  - {{ title: Nätverksmöte på kvällen, date: 2025-10-09T18:00, location: \"{place}\" }}\n  - {{ title: Uppföljning, date: 2026-01-15, conference: nara-vard-2025 }}\n"
            ),
        ),
    );
    let built = fixture.build();
    let ics = built.text("kalender.ics");
    assert!(
        ics.contains("SUMMARY:Nätverksmöte på kvällen"),
        "after the conference's hours"
    );
    assert!(
        ics.contains("SUMMARY:Uppföljning"),
        "not on the conference's days"
    );
    let warnings = messages(&built.report.warnings);
    assert!(warnings.contains("is not on its days"), "{warnings}");
}

#[test]
fn registration_on_the_site_is_under_its_base_path_and_says_its_hour() {
    let fixture = Fixture::sample();
    let registration = "  registration: { url: /anmalan/, deadline: 2027-02-01T12:00 }\n";
    fixture.replace_span(UPCOMING, ("  registration:", "attachments:"), registration);
    let mut opts = fixture.options();
    opts.base_url = Some("https://example.org/arkiv/".into());
    let built = fixture.build_with(opts);
    let page = built.html("konferenser/forebyggande-socialtjanst-2027/index.html");
    assert_eq!(page.attrs(".registration a", "href"), ["/arkiv/anmalan/"]);
    assert_eq!(
        page.text(".registration a"),
        "Anmäl dig senast 1 februari 2027 kl. 12.00"
    );
}

#[test]
fn a_heading_in_a_fact_box_does_not_split_the_conference_page() {
    let fixture = Fixture::sample();
    let conference = "content/konferenser/nara-vard-2025/index.md";
    fixture.replace(
        conference,
        "## Dagens teman",
        "{% faktaruta(title=\"Kort\") %}\n## Inuti rutan\n\nText i rutan.\n{% end %}\n\n## Dagens teman",
    );
    let built = fixture.build();
    let html = built.text("konferenser/nara-vard-2025/index.html");
    let intro_end = html
        .find("<h2>Bilagor")
        .or_else(|| html.find("<h2>Konferensen i koncentrat"))
        .unwrap();
    let in_box = html.find("Inuti rutan").unwrap();
    let text_in_box = html.find("Text i rutan").unwrap();
    assert!(
        in_box < intro_end && text_in_box < intro_end,
        "the fact box stays whole, in the introduction"
    );
    assert!(
        html.find("Dagens teman").unwrap() > intro_end,
        "the text after it comes after"
    );
}
