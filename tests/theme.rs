//! The GR theme on a phone and in the seeds' ways, read through an HTML parser
//! (what Chromium shows of it is in `browser.rs`).

mod common;

use common::Fixture;

#[test]
fn the_menu_has_a_button_for_phones_and_works_as_a_list_without_it() {
    let built = Fixture::sample().build();
    let page = built.html("index.html");
    let button = page.attrs(".main-nav button.menu-toggle", "aria-controls");
    assert_eq!(button, ["huvudmeny"]);
    assert_eq!(page.attrs(".menu-toggle", "aria-expanded"), ["false"]);
    // Hidden until the script shows it: without the script, the list is the menu.
    assert_eq!(page.attrs(".menu-toggle", "hidden").len(), 1);
    assert_eq!(page.attrs("ul#huvudmeny", "class"), ["main-nav-list"]);
    assert!(
        page.attrs("script", "src")
            .iter()
            .any(|s| s.ends_with("/js/menu.js"))
    );
    assert!(built.has("js/menu.js"));
}

#[test]
fn every_page_but_the_search_page_has_a_labelled_search_field_in_its_header() {
    let built = Fixture::sample().build();
    for path in ["index.html", "404.html", "nyheter/index.html"] {
        let page = built.html(path);
        assert_eq!(
            page.attrs(".site-header form[role=search]", "action"),
            ["/sok/"],
            "{path}"
        );
        assert_eq!(
            page.attrs(".site-header input[type=search]", "name"),
            ["q"],
            "{path}"
        );
        assert_eq!(
            page.text(".site-header label[for=sok-rubrik]"),
            "Sök på webbplatsen"
        );
    }
    let search = built.html("sok/index.html");
    assert!(
        search.texts(".site-header form").is_empty(),
        "one search box on /sok/"
    );
}

#[test]
fn an_email_address_breaks_only_at_its_at_sign_and_dots() {
    let built = Fixture::sample().build();
    let html =
        built.text("nyheter/nu-ar-arbetet-igang-med-den-forsta-nationella-yrkesresan/index.html");
    let link = html
        .split("href=\"mailto:")
        .nth(1)
        .expect("a contact with an e-mail address");
    let text = &link[link.find('>').unwrap() + 1..link.find("</a>").unwrap()];
    assert!(text.contains("@<wbr>"), "{text}");
    assert!(text.contains("<wbr>."), "{text}");
    assert_eq!(text.replace("<wbr>", ""), link[..link.find('"').unwrap()]);
}

#[test]
fn what_the_seeds_show_is_on_the_pages() {
    let built = Fixture::sample().build();
    // A single municipality is labelled in the singular.
    let term = built.html("kommuner/ockero/index.html");
    assert_eq!(term.text(".listing-header .kind-label"), "Kommun");
    let topic = built.html("amnen/nara-vard/index.html");
    assert_eq!(topic.text(".listing-header .kind-label"), "Ämne");
    // Times in Swedish: "kl. 09.00–16.00".
    let calendar = built.html("kalender/index.html");
    let whens = calendar.texts(".event-when");
    assert!(
        whens.iter().any(|w| w.contains("kl. 09.00–16.00")),
        "{whens:?}"
    );
    assert!(whens.iter().all(|w| !w.contains(":00")), "{whens:?}");
    // News names its contact "Kontaktperson".
    let news =
        built.html("nyheter/nu-ar-arbetet-igang-med-den-forsta-nationella-yrkesresan/index.html");
    assert_eq!(news.text(".contact-card .aside-heading"), "Kontaktperson");
    // Subscribe: the page's feeds and the calendar; the organisation elsewhere.
    let footer = news.attrs(".footer-follow a", "href");
    assert!(footer.contains(&"/atom.xml".to_string()), "{footer:?}");
    assert!(
        footer.contains(&"/nyheter/atom.xml".to_string()),
        "{footer:?}"
    );
    assert!(footer.contains(&"/kalender.ics".to_string()), "{footer:?}");
    assert_eq!(
        news.texts(".social-links a"),
        ["LinkedIn", "YouTube", "Facebook"]
    );
}

#[test]
fn an_article_ends_with_up_to_three_related_pages_newest_first() {
    let built = Fixture::sample().build();
    let path = "nyheter/nu-ar-arbetet-igang-med-den-forsta-nationella-yrkesresan/index.html";
    let page = built.html(path);
    let related = page.attrs(".related .card-title a", "href");
    assert!(!related.is_empty() && related.len() <= 3, "{related:?}");
    assert!(
        related
            .iter()
            .all(|url| !url.contains("nu-ar-arbetet-igang")),
        "not itself"
    );
    let dates = page.attrs(".related .card-meta time", "datetime");
    let mut newest_first = dates.clone();
    newest_first.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, newest_first);
}

#[test]
fn a_social_link_must_be_an_address_on_the_web() {
    let fixture = Fixture::sample();
    fixture.replace(
        "site.yaml",
        "https://www.youtube.com/user/goteborgsregionen",
        "javascript:alert(1)",
    );
    let errors = common::render(&fixture.build_errors());
    assert!(errors.contains("is not an address on the web"), "{errors}");
    assert!(errors.contains("site.yaml:"), "{errors}");
}
