//! Shortcodes: templates in `templates/shortcodes/` called from Markdown,
//! with their arguments checked and mistakes found where they are written.

mod common;

use common::{Fixture, render};

const PAGE: &str = "content/konferenser/arsmote-2024/index.md";
const OUT: &str = "konferenser/arsmote-2024/index.html";

/// The bundle fixture, its page's body replaced by `body`.
fn page_with(body: &str) -> Fixture {
    let fixture = Fixture::copy("bundle-with-pdf");
    fixture.write(
        PAGE,
        &format!(
            "---\ntitle: Årsmöte 2024\ndate: 2024-03-01\nsummary: Dokumentation.\n---\n{body}"
        ),
    );
    fixture
}

/// The errors of a build of `body`, rendered, with the line each starts on.
fn errors_of(body: &str) -> String {
    render(&page_with(body).build_errors())
}

#[test]
fn the_themes_shortcodes_make_their_markup() {
    let fixture = page_with(
        "Inledning.\n\n\
         {{ video(url=\"https://youtu.be/dQw4w9WgXcQ\", title=\"Så gick dagen\") }}\n\n\
         {% faktaruta(title=\"Årsmötet i korthet\") %}\n- 80 deltagare\n- Se [programmet](program.pdf)\n{% end %}\n\n\
         {% citat(source=\"Ordföranden\") %}\nEtt *bra* år.\n{% end %}\n\n\
         Läs {{ pdf(file=\"program.pdf\", title=\"Programmet\") }} före mötet.\n",
    );
    let built = fixture.build();
    let page = built.html(OUT);
    // The video: a placeholder that loads nothing from the video's site.
    assert_eq!(
        page.attrs(".video", "data-video-embed"),
        ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"]
    );
    assert_eq!(page.text(".video-title"), "Så gick dagen");
    assert_eq!(
        page.attrs(".video-link", "href"),
        ["https://www.youtube.com/watch?v=dQw4w9WgXcQ"]
    );
    let html = built.text(OUT);
    assert!(
        !html.contains("<iframe"),
        "no player before it is asked for"
    );
    assert!(
        html.contains("js/video.js"),
        "the page loads the player script"
    );
    // The fact box: its Markdown rendered, its link checked and published.
    assert_eq!(page.text(".factbox-title"), "Årsmötet i korthet");
    assert_eq!(page.texts(".factbox li").len(), 2);
    assert_eq!(page.attrs(".factbox a", "href"), ["program.pdf"]);
    // The pull quote, with its source.
    assert_eq!(page.text(".pull-quote blockquote em"), "bra");
    assert_eq!(page.text(".pull-quote figcaption"), "Ordföranden");
    // The document card, inside its paragraph, with type and size.
    assert_eq!(
        page.text(".prose p .document-card .attachment-title"),
        "Programmet"
    );
    let size = std::fs::metadata(
        fixture
            .root
            .join("content/konferenser/arsmote-2024/program.pdf"),
    )
    .unwrap()
    .len();
    assert_eq!(
        page.text(".document-card .attachment-meta"),
        format!("(PDF, {})", arkiv::text::file_size(size))
    );
    assert!(built.has("konferenser/arsmote-2024/program.pdf"));
}

#[test]
fn a_figure_shortcode_shows_a_picture_of_the_bundle_in_its_widths() {
    let fixture = page_with(
        "{{ figure(src=\"bild.png\", alt=\"Ett diagram\", caption=\"Deltagare per år\", credit=\"GR\") }}\n",
    );
    let picture = image::RgbImage::from_fn(1200, 800, |x, y| image::Rgb([x as u8, y as u8, 90]));
    picture
        .save(
            fixture
                .root
                .join("content/konferenser/arsmote-2024/bild.png"),
        )
        .unwrap();
    let built = fixture.build();
    let page = built.html(OUT);
    assert_eq!(page.attrs(".figure img", "alt"), ["Ett diagram"]);
    assert_eq!(page.attrs(".figure img", "width"), ["1200"]);
    assert_eq!(page.attrs(".figure img", "height"), ["800"]);
    let srcset = &page.attrs(".figure source", "srcset")[0];
    assert!(srcset.contains("bild-480.webp 480w") && srcset.contains("bild-960.webp 960w"));
    assert_eq!(page.text(".figure figcaption"), "Deltagare per år GR");
    for name in ["bild-480.webp", "bild-960.png", "bild-1200.webp"] {
        assert!(
            built.has(&format!("konferenser/arsmote-2024/{name}")),
            "{name}"
        );
    }
    assert!(!built.has("konferenser/arsmote-2024/bild.png"));
}

#[test]
fn calls_in_code_are_shown_as_written() {
    let built = page_with(
        "Skriv `{{ video(url=\"x\") }}` så här:\n\n```\n{% faktaruta() %}\n{% end %}\n```\n",
    )
    .build();
    let html = built.text(OUT);
    assert!(
        html.contains("<code>{{ video(url=\"x\") }}</code>"),
        "{html}"
    );
    assert!(html.contains("{% faktaruta() %}"));
}

#[test]
fn an_unknown_shortcode_is_found_and_the_known_ones_named() {
    let errors = errors_of("Text.\n\n{{ vidoe(url=\"https://youtu.be/dQw4w9WgXcQ\") }}\n");
    assert!(
        errors.contains("there is no shortcode called `vidoe`"),
        "{errors}"
    );
    assert!(errors.contains("arsmote-2024/index.md:8:4"), "{errors}");
    assert!(errors.contains("did you mean `video`?"), "{errors}");
    let named = errors.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        named.contains("citat, faktaruta, figure, lang, pdf, tillganglighet, video"),
        "{errors}"
    );
}

#[test]
fn bad_arguments_are_found_where_they_are_written() {
    let cases = [
        // A number where text belongs: at the value.
        (
            "{{ video(url=\"https://vimeo.com/1\", title=3) }}",
            "6:43",
            "must be text in quotation marks",
        ),
        // An argument the shortcode does not take, with the one meant.
        (
            "{{ video(url=\"https://vimeo.com/1\", titel=\"x\") }}",
            "6:37",
            "did you mean `title`?",
        ),
        // A missing argument: at the call.
        (
            "{{ video(url=\"https://vimeo.com/1\") }}",
            "6:1",
            "needs the argument `title`",
        ),
        // Not a video's address.
        (
            "{{ video(url=\"https://example.org/film.mp4\", title=\"x\") }}",
            "6:14",
            "not the address of a YouTube or Vimeo video",
        ),
        // Curly quotation marks from a word processor.
        (
            "{{ pdf(file=”program.pdf”) }}",
            "6:13",
            "quotation marks around this value are curly",
        ),
        // A file that is not beside the page.
        (
            "{{ pdf(file=\"saknas.pdf\") }}",
            "6:13",
            "no file `saknas.pdf` in this page's folder",
        ),
        // A block with no end.
        ("{% citat() %}\nText.", "6:1", "has no end"),
        // A box inside a paragraph.
        (
            "Se {{ video(url=\"https://vimeo.com/1\", title=\"x\") }} här.",
            "6:4",
            "cannot stand inside a paragraph",
        ),
        // A call left unfinished.
        (
            "{{ pdf(file=\"program.pdf\" title=\"x\") }}",
            "6:27",
            "`,` / `)` is missing here",
        ),
    ];
    for (body, at, says) in cases {
        let errors = errors_of(&format!("{body}\n"));
        assert!(errors.contains(says), "{body}: {errors}");
        assert!(
            errors.contains(&format!("arsmote-2024/index.md:{at}")),
            "{body}: expected at {at}: {errors}"
        );
    }
}

#[test]
fn a_sites_own_shortcode_takes_what_it_is_given_and_replaces_the_themes() {
    let fixture = page_with("{{ hej(namn=\"Åsa\", antal=3) }}\n\n{{ citat(source=\"A\") }}\n");
    fixture.write(
        "templates/shortcodes/hej.html",
        "<p class=\"hej\">Hej {{ namn }}, {{ antal + 1 }}</p>",
    );
    fixture.write(
        "templates/shortcodes/citat.html",
        "{#\nshortcode:\n  arguments:\n    source: text\n  body: none\n#}\n<p class=\"egen\">{{ source }}</p>",
    );
    let built = fixture.build();
    let page = built.html(OUT);
    assert_eq!(page.text(".hej"), "Hej Åsa, 4");
    assert_eq!(page.text(".egen"), "A");
}

#[test]
fn a_mistake_in_a_shortcode_templates_list_is_found_in_the_template() {
    let fixture = page_with("Text.\n");
    fixture.write(
        "templates/shortcodes/ruta.html",
        "{#-\nshortcode:\n  arguments:\n    titel: rubrik\n-#}\n<div></div>",
    );
    let errors = render(&fixture.build_errors());
    assert!(
        errors.contains("templates/shortcodes/ruta.html:4:5"),
        "{errors}"
    );
    assert!(errors.contains("has the type `rubrik`"), "{errors}");
}

#[test]
fn safe_markdown_cleans_a_blocks_text_but_keeps_the_shortcodes_markup() {
    let fixture = page_with(
        "{% faktaruta(title=\"Fakta\") %}\nText <script>alert(1)</script> <b onclick=\"x()\">fet</b>\n{% end %}\n\n\
         {{ video(url=\"https://vimeo.com/76979871\", title=\"Film\") }}\n",
    );
    fixture.append("site.yaml", "markdown:\n  safe: true\n");
    let built = fixture.build();
    let html = built.text(OUT);
    assert!(
        !html.contains("alert(1)") && !html.contains("onclick"),
        "{html}"
    );
    let page = built.html(OUT);
    assert_eq!(page.text(".factbox b"), "fet");
    assert_eq!(page.attrs(".factbox", "role"), ["note"]);
    assert_eq!(page.texts(".video-play").len(), 1, "the button is kept");
    assert_eq!(
        page.attrs(".video", "data-video-embed"),
        ["https://player.vimeo.com/video/76979871?dnt=1&autoplay=1"]
    );
}

#[test]
fn in_safe_markdown_a_call_inside_an_attribute_is_dropped_with_it() {
    let fixture =
        page_with("<p title=\"{{ pdf(file=\"program.pdf\") }}\">Text</p>\n\n<p>Efter</p>\n");
    fixture.write(
        "templates/shortcodes/pdf.html",
        "{#\nshortcode:\n  arguments:\n    file: file\n#}\n\
         <a href=\"{{ file.url }}\" onmouseover=\"alert(1)\">{{ file.name }}</a>",
    );
    fixture.append("site.yaml", "markdown:\n  safe: true\n");
    let built = fixture.build();
    let html = built.text(OUT);
    assert!(!html.contains("alert(1)"), "{html}");
    let left = ["<!--arkiv-", "data-arkiv", "x0x"];
    assert!(
        !left.iter().any(|p| html.contains(p)),
        "no placeholder is left: {html}"
    );
    assert_eq!(built.html(OUT).texts(".prose p").len(), 2);
}
