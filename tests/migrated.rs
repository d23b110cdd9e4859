//! Content written for another generator, built as it is: `_index.md` in
//! any folder is that folder's page, template code of Hugo and Jekyll left
//! in a page is a located warning, and code keeps its straight quotes.

mod common;

use common::{Fixture, messages};

/// The taxonomies fixture with a folder of pages as a Hugo or Zola site
/// writes them: `om/_index.md` with an old address, two pages under it, one
/// folder deeper with its own `_index.md`, and a stray `_index.old`.
fn folders() -> Fixture {
    let fixture = Fixture::copy("taxonomies");
    fixture.write(
        "content/om/_index.md",
        "---\ntitle: Om förbundet\naliases: [/about/]\n---\nFörbundet i korthet.\n",
    );
    fixture.write(
        "content/om/styrelse.md",
        "---\ntitle: Styrelsen\nweight: 2\n---\nStyrelsen beslutar.\n",
    );
    fixture.write(
        "content/om/kansli.md",
        "---\ntitle: Kansliet\nweight: 1\n---\nKansliet arbetar.\n",
    );
    fixture.write(
        "content/om/styrelse/ledamoter/_index.md",
        "---\ntitle: Ledamöter\n---\nDe som sitter i styrelsen.\n",
    );
    fixture.write("content/om/_index.old", "an old copy");
    fixture
}

#[test]
fn an_index_in_a_plain_folder_is_the_folders_page_and_lists_its_pages() {
    let built = folders().build();
    let page = built.html("om/index.html");
    assert_eq!(page.text("h1"), "Om förbundet");
    // By weight, then title; only one folder down.
    assert_eq!(
        page.texts("#arkiv-avsnittet + ul .card-title"),
        ["Kansliet", "Styrelsen"]
    );
    assert!(built.has("about/index.html"), "its old address is kept");
    let deep = built.html("om/styrelse/ledamoter/index.html");
    assert_eq!(
        deep.texts(".breadcrumbs li"),
        ["Startsida", "Om förbundet", "Styrelsen", "Ledamöter"]
    );
    assert!(!built.has("om/_index.old"), "a stray file is not published");
    let warnings = messages(&built.report.warnings);
    assert!(warnings.contains("not used by any page"), "{warnings}");
    // A section's and the start page's `_index.md` still introduce listings.
    assert!(!built.has("nyheter/_index/index.html"));
}

#[test]
fn hugo_and_liquid_left_in_a_page_are_located_warnings_in_build_and_check() {
    let fixture = Fixture::copy("taxonomies");
    fixture.write(
        "content/om-oss.md",
        "---\ntitle: Om oss\n---\nSe [bygget]({{< ref \"bygge.md\" >}}).\n\n\
         {{% notice tip %}}\nEtt tips.\n{{% /notice %}}\n\n\
         Läs [mer]({{ site.baseurl }}{% link _docs/x.md %}).\n\n\
         `{{< ref \"i-kod.md\" >}}`\n\n```liquid\n{% highlight ruby %}\n```\n",
    );
    let built = fixture.build();
    let found: Vec<String> = built
        .report
        .warnings
        .iter()
        .filter(|d| d.message.contains("published as text"))
        .map(|d| format!("{}:{} {}", d.line.unwrap(), d.column.unwrap(), d.message))
        .collect();
    assert_eq!(
        found,
        [
            "4:13 the Hugo shortcode `ref` is published as text: arkiv does not run Hugo shortcodes",
            "6:1 the Hugo shortcode `notice` is published as text: arkiv does not run Hugo shortcodes",
            "8:1 the Hugo shortcode `notice` is published as text: arkiv does not run Hugo shortcodes",
            "10:11 the Liquid value `site.baseurl` (from Jekyll) is published as text: arkiv does not run Liquid",
            "10:29 the Liquid tag `link` (from Jekyll) is published as text: arkiv does not run Liquid",
        ]
    );
    let output = fixture.run(&["check"]);
    let said = String::from_utf8_lossy(&output.stderr).to_string()
        + &String::from_utf8_lossy(&output.stdout);
    assert!(said.contains("content/om-oss.md:10:29"), "{said}");
    assert!(said.contains("arkiv import"), "{said}");
}

#[test]
fn links_to_addresses_that_lead_nowhere_are_build_warnings_and_said_once_by_check() {
    let fixture = Fixture::copy("taxonomies");
    fixture.write(
        "content/om-oss.md",
        "---\ntitle: Om oss\naliases: [gammal/om]\n---\n\
         Se [nyheten](/news/2016/04/19/nyhet/) och [broschyren](/filer/broschyr.pdf).\n\n\
         Också [den gamla adressen](/gammal/om/), [stilen](/css/site.css),\n\
         [nyheterna](../nyheter/) och [sidan](/om-oss/#rubrik).\n\n\
         En [stil som inte finns](/css/saknas.css) och [en som finns](../css/site.css).\n",
    );
    let built = fixture.build();
    let found: Vec<String> = built
        .report
        .warnings
        .iter()
        .map(|d| format!("{}:{} {}", d.line.unwrap(), d.column.unwrap(), d.message))
        .collect();
    assert_eq!(
        found,
        [
            "5:4 the link to `/news/2016/04/19/nyhet/` leads to no page",
            "5:43 the link to `/filer/broschyr.pdf` leads to no file",
            "10:4 the link to `/css/saknas.css` leads to no file",
        ]
    );
    let output = fixture.run(&["check"]);
    let said = String::from_utf8_lossy(&output.stderr).to_string()
        + &String::from_utf8_lossy(&output.stdout);
    assert_eq!(said.matches("leads to no page").count(), 1, "{said}");
    assert!(said.contains("content/om-oss.md:5:4"), "{said}");
    // check also reads the headings the build leaves alone.
    assert!(said.contains("the page has no heading `#rubrik`"), "{said}");
}

#[test]
fn code_keeps_straight_quotes_when_prose_gets_swedish_ones() {
    let fixture = Fixture::copy("taxonomies");
    fixture.write(
        "site.yaml",
        &(fixture.read("site.yaml") + "markdown: { smart_punctuation: true }\n"),
    );
    fixture.write(
        "content/om-oss.md",
        "---\ntitle: Om oss\n---\nHon sa \"hej\" och 'hå'.\n\n\
         ```ruby\nputs \"hej\" + 'hå'\n```\n\n    indented \"code\"\n\nOch `\"span\"`.\n",
    );
    let built = fixture.build();
    let page = built.html("om-oss/index.html");
    let main = page.main_text();
    assert!(main.contains("Hon sa ”hej” och ’hå’."), "{main}");
    assert!(main.contains("puts \"hej\" + 'hå'"), "{main}");
    assert!(main.contains("indented \"code\""), "{main}");
    assert!(main.contains("Och \"span\"."), "{main}");
}

/// A migrated archive may warn of thousands of links: `build` shows the
/// first ones in full and the rest on a line each, `check` shows all in full.
#[test]
fn a_build_shows_the_first_warnings_in_full_and_the_rest_on_a_line_each() {
    let fixture = Fixture::copy("taxonomies");
    let links: String = (1..=23)
        .map(|n| format!("Se [nyhet {n}](/news/{n}/).\n\n"))
        .collect();
    fixture.write(
        "content/om-oss.md",
        &format!("---\ntitle: Om oss\n---\n{links}"),
    );
    let output = fixture.run(&["build"]);
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(said.matches("leads to no page").count(), 23, "{said}");
    assert_eq!(said.matches("help:").count(), 20, "{said}");
    // The short lines come first, so what is shown in full (errors too) stands last.
    let lines: Vec<&str> = said.lines().collect();
    for (at, (n, line)) in [(21, 44), (22, 46), (23, 48)].into_iter().enumerate() {
        let brief = format!(
            "warning: content/om-oss.md:{line}:4: the link to `/news/{n}/` leads to no page"
        );
        assert_eq!(lines[at], brief, "{said}");
    }
    assert!(
        said.contains(
            "Only the first 20 warnings are shown in full; the other 3 get one line each, above them."
        ),
        "{said}"
    );
    let output = fixture.run(&["check"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(said.matches("help:").count(), 23, "{said}");
    assert!(!said.contains("Only the first"), "{said}");

    // An error of a page listed before stands after every warning.
    fixture.write("content/aaa.md", "---\ntitle: [trasig\n---\n");
    let output = fixture.run(&["build"]);
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    let error = said.find("content/aaa.md:2").expect("the error is shown");
    assert!(error > said.rfind("leads to no page").unwrap(), "{said}");
}
