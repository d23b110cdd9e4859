//! `markdown.safe: true`: the rendered body goes through ammonia, which keeps
//! harmless markup (emphasis, tables, `<abbr>`, `<br>`…) and removes scripts,
//! event handlers, `style` blocks, frames and `javascript:` links.
//!
//! The allow-list adds what arkiv's own Markdown stage writes: heading ids and
//! self-links, highlighted code, task-list checkboxes and table alignment.

use std::sync::LazyLock;

use ammonia::Builder;

static CLEANER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::default();
    builder
        .add_tags(["input", "picture", "source", "figure", "figcaption"])
        .add_generic_attributes(["id", "class", "aria-hidden", "aria-label", "tabindex"])
        .add_tag_attributes("pre", ["data-lang"])
        .add_tag_attributes("input", ["type", "disabled", "checked"])
        .add_tag_attributes("img", ["srcset", "sizes", "loading", "decoding"])
        .add_tag_attributes("source", ["type", "srcset", "sizes"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(["text-align"].into())
        .set_tag_attribute_value("input", "disabled", "")
        // A shortcode's placeholder inside an attribute (a call written in
        // raw HTML's `title="…"`) goes with the attribute: the call's HTML
        // must never be put inside a tag.
        .attribute_filter(|_, _, value| {
            (!value.contains(super::calls::NONCE.as_str())).then_some(value.into())
        })
        .link_rel(None);
    builder
});

/// Removes everything that could run script or restyle the page from `html`.
pub fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn script_and_handlers_are_removed() {
        let html = clean(
            "<p onclick=\"x()\">Hej <script>alert(1)</script><a href=\"javascript:alert(1)\">länk</a></p>\
             <iframe src=\"https://example.org\"></iframe><style>body{display:none}</style>",
        );
        assert_eq!(html, "<p>Hej <a>länk</a></p>");
    }

    #[test]
    fn arkivs_own_markup_is_kept() {
        let kept = [
            "<h2 id=\"mal\">Mål <a class=\"heading-anchor\" href=\"#mal\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h2>",
            "<pre class=\"code\" tabindex=\"0\" data-lang=\"rust\"><code class=\"language-rust\"><span class=\"hl-k\">fn</span></code></pre>",
            "<ul><li><input type=\"checkbox\" disabled=\"\" checked=\"\" aria-label=\"Klar\"> Gjort</li></ul>",
            "<table><thead><tr><th style=\"text-align:right\">Antal</th></tr></thead></table>",
            "<p><abbr title=\"Göteborgsregionen\">GR</abbr><br>rad</p>",
            "<figure class=\"figure\"><picture><source type=\"image/webp\" srcset=\"/a-480.webp 480w\" sizes=\"100vw\"><img src=\"/a-480.jpg\" srcset=\"/a-480.jpg 480w\" sizes=\"100vw\" width=\"480\" height=\"320\" alt=\"Ett möte\" loading=\"lazy\" decoding=\"async\"></picture><figcaption>Bildtext</figcaption></figure>",
        ];
        for html in kept {
            assert_eq!(clean(html), html);
        }
    }

    #[test]
    fn only_text_alignment_is_kept_from_style() {
        assert_eq!(
            clean(
                "<table><tr><td style=\"text-align: left; background: url(x)\">1</td></tr></table>"
            ),
            "<table><tbody><tr><td style=\"text-align:left\">1</td></tr></tbody></table>"
        );
    }
}
