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
