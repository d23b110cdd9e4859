//! Content rules (`arkiv::rules`): what editors write that fails readers
//! who do not see the page as the writer does, found by `check` at the
//! place in the Markdown, each rule with a case it finds and one it leaves,
//! turned off by id in site.yaml; and the `lang` shortcode.

mod common;

use common::{Fixture, render};

const PAGE: &str = "content/om-oss.md";

/// A site with one plain page whose body is `body` (from line 4).
fn page_with(body: &str) -> Fixture {
    let fixture = Fixture::copy("taxonomies");
    fixture.write(PAGE, &format!("---\ntitle: Om oss\n---\n{body}"));
    fixture
}

/// What `check` says of the page by the rules: `line:column rule`, the rule
/// read from the hint's way to turn it off.
fn findings(fixture: &Fixture) -> Vec<String> {
    arkiv::check::check(&fixture.options())
        .iter()
        .filter_map(|d| {
            let hint = d.hint.as_deref()?;
            let rule = hint.split("content_rules: { ").nth(1)?.split(':').next()?;
            Some(format!("{}:{} {rule}", d.line.unwrap(), d.column.unwrap()))
        })
        .collect()
}

#[test]
fn link_texts_that_say_nothing_are_found_and_those_that_say_where_are_not() {
    let fixture = page_with(
        "Anmäl dig [här](https://example.org/anmalan).\n\n\
         [Läs mer.](https://example.org/rapport) Eller <https://example.org/rapport>.\n\n\
         Anmälan finns [klicka\nhär](https://example.org/anmalan).\n\n\
         Se [programmet för Nära vård 2025](https://example.org/program).\n",
    );
    assert_eq!(
        findings(&fixture),
        [
            "4:11 link-text",
            "6:1 link-text",
            "6:47 link-text",
            "8:15 link-text"
        ]
    );
}

#[test]
fn the_same_link_text_to_two_places_is_found_but_not_to_one() {
    let fixture = page_with(
        "Se [programmet](https://example.org/2024) och [programmet](https://example.org/2025).\n\n\
         Läs [rapporten](https://example.org/r) och sedan [rapporten](https://example.org/r) igen.\n",
    );
    assert_eq!(findings(&fixture), ["4:47 same-link-text"]);
}

#[test]
fn an_alt_text_that_is_a_file_name_is_found_but_not_a_description() {
    let fixture = page_with(
        "![IMG_2041.JPG](https://example.org/a.jpg)\n\n\
         ![karta.png](https://example.org/karta.png)\n\n\
         ![Karta över de 13 kommunerna](https://example.org/karta.png)\n",
    );
    assert_eq!(
        findings(&fixture),
        ["4:1 alt-file-name", "6:1 alt-file-name"]
    );
}

#[test]
fn a_table_without_a_header_row_is_found_but_not_one_with_it() {
    let fixture = page_with(
        "|   |   |\n|---|---|\n| 9.00 | Välkommen |\n\n\
         | Tid | Punkt |\n|---|---|\n| 9.00 | Välkommen |\n\n\
         <table><tr><td>9.00</td><td>Välkommen</td></tr></table>\n\n\
         <table>\n<tr><th>Tid</th><th>Punkt</th></tr>\n<tr><td>9.00</td><td>Start</td></tr>\n</table>\n",
    );
    assert_eq!(
        findings(&fixture),
        ["4:1 table-header", "12:1 table-header"]
    );
}

#[test]
fn bold_text_alone_as_a_heading_is_found_but_not_bold_in_a_sentence() {
    let fixture = page_with(
        "**Program för dagen**\n\n\
         Dagen börjar **klockan nio** i Stora salen.\n\n\
         **Sista anmälningsdag är 1 maj!**\n\n\
         - **Förmiddag**\n\n- **Eftermiddag**\n\n\
         ## Program för kvällen\n",
    );
    assert_eq!(findings(&fixture), ["4:1 bold-heading"]);
}

#[test]
fn a_paragraph_in_capitals_is_found_but_not_abbreviations() {
    let fixture = page_with(
        "VIKTIGT: ANMÄL DIG SENAST DEN 1 MAJ\n\n\
         GR, SKR och EU bjuder in.\n\nGR, SKR, EU\n",
    );
    assert_eq!(findings(&fixture), ["4:1 all-caps"]);
}

#[test]
fn a_rule_turned_off_in_site_yaml_is_quiet_and_an_unknown_one_is_an_error() {
    let fixture = page_with("Anmäl dig [här](https://example.org/a).\n\n**Program**\n");
    fixture.append("site.yaml", "content_rules:\n  link-text: false\n");
    assert_eq!(findings(&fixture), ["6:1 bold-heading"]);
    fixture.replace("site.yaml", "link-text: false", "link-txet: false");
    let errors = render(&arkiv::check::check(&fixture.options()));
    assert!(
        errors.contains("`link-txet` under content_rules is not a rule arkiv knows"),
        "{errors}"
    );
    assert!(errors.contains("site.yaml:"), "{errors}");
    assert!(errors.contains("link-text, same-link-text"), "{errors}");
}

#[test]
fn the_lang_shortcode_marks_words_and_passages_in_another_language() {
    let fixture = page_with(
        "Vi samarbetar med {{ lang(code=\"en\", text=\"Local Government Association\") }}.\n\n\
         {% lang(code=\"se\") %}\nBuorre beaivi!\n{% end %}\n",
    );
    let built = fixture.build();
    let page = built.html("om-oss/index.html");
    assert_eq!(
        page.attrs("span[lang]", "lang"),
        ["en"],
        "the words in English"
    );
    assert_eq!(page.text("span[lang=en]"), "Local Government Association");
    assert_eq!(page.text("div[lang=se] p"), "Buorre beaivi!");
    let wrong = page_with("{{ lang(code=\"engelska\", text=\"Hello\") }}\n").build_errors();
    let said = render(&wrong);
    assert!(
        said.contains("a language code in quotation marks"),
        "{said}"
    );
    assert!(said.contains("om-oss.md:4:"), "{said}");
}
