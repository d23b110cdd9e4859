//! What a page writes for a picture: `<picture>` with a WebP `srcset`
//! beside the fallback's, `width` and `height` (so nothing moves as it
//! loads), and `<figure>` with `<figcaption>` for a picture with a caption.

use serde::Serialize;

use super::{Format, Probe, Variant, plan};
use crate::text::escape_html;

/// How wide a picture is shown, for the browser to pick a width: the
/// text column of the gr theme (about 48rem) on a wide screen, else the
/// whole width.
pub const SIZES: &str = "(min-width: 50rem) 48rem, 100vw";

/// The width of the fallback `src`, for browsers without `srcset`.
const FALLBACK_WIDTH: u32 = 960;

/// A picture as templates and pages show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Picture {
    /// The fallback file's URL (about 960 px wide).
    pub url: String,
    /// The fallback format's `srcset`: `url 480w, url 960w, …`.
    pub srcset: String,
    /// The WebP `srcset`.
    pub webp_srcset: String,
    /// `sizes` for both.
    pub sizes: &'static str,
    /// Width and height of the widest file, for the aspect ratio.
    pub width: u32,
    /// See `width`.
    pub height: u32,
}

impl Picture {
    /// The picture named `name` (with `probe`), its files' URLs made by `url`.
    pub fn new(name: &str, probe: &Probe, url: impl Fn(&str) -> String) -> Picture {
        let variants = plan(name, probe);
        let set = |format: Format| {
            variants
                .iter()
                .filter(|v| v.format == format)
                .map(|v| format!("{} {}w", url(&v.name), v.width))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let fallbacks: Vec<&Variant> = variants
            .iter()
            .filter(|v| v.format == probe.fallback)
            .collect();
        let widest = fallbacks.last().copied();
        let src = fallbacks
            .iter()
            .rev()
            .find(|v| v.width <= FALLBACK_WIDTH)
            .or(fallbacks.first())
            .map_or_else(String::new, |v| url(&v.name));
        Picture {
            url: src,
            srcset: set(probe.fallback),
            webp_srcset: set(Format::Webp),
            sizes: SIZES,
            width: widest.map_or(probe.width, |v| v.width),
            height: widest.map_or(probe.height, |v| v.height),
        }
    }

    /// `<picture>…<img alt=…></picture>`; lazily loaded unless `eager`.
    pub fn html(&self, alt: &str, eager: bool) -> String {
        let loading = if eager { "" } else { " loading=\"lazy\"" };
        format!(
            "<picture><source type=\"image/webp\" srcset=\"{webp}\" sizes=\"{sizes}\">\
             <img src=\"{src}\" srcset=\"{srcset}\" sizes=\"{sizes}\" width=\"{width}\" \
             height=\"{height}\" alt=\"{alt}\"{loading} decoding=\"async\"></picture>",
            webp = escape_html(&self.webp_srcset),
            sizes = self.sizes,
            src = escape_html(&self.url),
            srcset = escape_html(&self.srcset),
            width = self.width,
            height = self.height,
            alt = escape_html(alt),
        )
    }
}

/// True when `caption` says no more than `alt` (the same words, whatever
/// the case and punctuation): a screen reader would read it twice.
pub fn repeats(caption: &str, alt: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let caption = words(caption);
    !caption.is_empty() && caption == words(alt)
}

/// `<figure>` with the picture and its caption.
pub fn figure(picture_html: &str, caption: &str) -> String {
    format!(
        "<figure class=\"figure\">{picture_html}<figcaption>{}</figcaption></figure>\n",
        escape_html(caption)
    )
}
