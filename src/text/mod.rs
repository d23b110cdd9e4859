//! Swedish text helpers: ASCII slugs ("Öckerö" → `ockero`), Swedish collation
//! (å, ä, ö after z) and Swedish dates ("26 mars 2024").
//!
//! Pure functions over strings and dates; nothing here reads files or config.

pub mod typography;

use std::cmp::Ordering;

use icu_collator::options::{CollatorOptions, Strength};
use icu_collator::{Collator, CollatorBorrowed};
use icu_locale_core::locale;
use jiff::civil::Date;

/// True for an address elsewhere (`https://…`, `//host/…`, `mailto:…`,
/// `data:…`) rather than a path on this site: it starts with a URL scheme
/// (RFC 3986 §3.1: a letter, then letters, digits, `+`, `-` or `.`) or with `//`.
pub fn is_url(text: &str) -> bool {
    text.starts_with("//")
        || text.split_once(':').is_some_and(|(scheme, _)| {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        })
}

/// True for an address on the web: `https://…` or `http://…`, in any case.
pub fn is_web_address(text: &str) -> bool {
    let lower = text.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Turns a title or file name into a lower-case ASCII slug: `Öckerö möte` → `ockero-mote`.
///
/// Letters and digits are kept (transliterated to ASCII), every other run of
/// characters becomes one `-`, and no `-` is left at either end.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode_with_tofu(text, "-");
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Compares strings in Swedish alphabetical order: å, ä and ö come after z.
pub struct SwedishOrder {
    collator: CollatorBorrowed<'static>,
}

impl SwedishOrder {
    /// Builds the collator from the Swedish collation data compiled into the binary.
    pub fn new() -> Self {
        let mut options = CollatorOptions::default();
        options.strength = Some(Strength::Tertiary);
        let collator = Collator::try_new(locale!("sv").into(), options)
            .expect("Swedish collation data is compiled into the binary");
        SwedishOrder { collator }
    }

    /// Orders two strings as a Swedish dictionary would.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.collator.compare(a, b)
    }
}

impl Default for SwedishOrder {
    fn default() -> Self {
        Self::new()
    }
}

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of month `month` (1–12) in `language` (`sv`, else English).
pub fn month_name(month: i8, language: &str) -> &'static str {
    let index = usize::try_from(month.clamp(1, 12) - 1).expect("clamped to 0..=11");
    if language == "en" {
        MONTHS_EN[index]
    } else {
        MONTHS_SV[index]
    }
}

/// "09:00" as readers of `language` write it: "09.00" in Swedish (Språkrådet).
pub fn spoken_time(time: &str, language: &str) -> String {
    match language {
        "sv" => time.replace(':', "."),
        _ => time.to_string(),
    }
}

/// Formats a date for readers: "26 mars 2024" in Swedish, "26 March 2024" in English.
pub fn long_date(date: Date, language: &str) -> String {
    format!(
        "{} {} {}",
        date.day(),
        month_name(date.month(), language),
        date.year()
    )
}

/// Formats a span of days compactly: "25–27 september 2019", "30 april–2 maj 2019".
pub fn date_range(start: Date, end: Date, language: &str) -> String {
    if end <= start {
        return long_date(start, language);
    }
    if start.year() != end.year() {
        return format!(
            "{}–{}",
            long_date(start, language),
            long_date(end, language)
        );
    }
    if start.month() != end.month() {
        return format!(
            "{} {}–{}",
            start.day(),
            month_name(start.month(), language),
            long_date(end, language)
        );
    }
    format!("{}–{}", start.day(), long_date(end, language))
}

/// Formats a byte count the Swedish way: `1,2 MB`, `850 kB`.
pub fn file_size(bytes: u64) -> String {
    const KB: f64 = 1000.0;
    let value = bytes as f64;
    let (number, unit) = if value >= KB * KB {
        (value / (KB * KB), "MB")
    } else if value >= KB {
        (value / KB, "kB")
    } else {
        return format!("{bytes} byte");
    };
    let text = if number >= 10.0 {
        format!("{number:.0}")
    } else {
        format!("{number:.1}")
    };
    format!("{} {unit}", text.replace('.', ","))
}

/// Decodes `%XX` escapes (URLs, link targets); text that is not UTF-8 afterwards is kept as it was.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Percent-encodes what a URL path may not hold as it is (spaces, å, ä, ö…).
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Words of a body's text a summary shows, when the page has no lead of its own.
pub const SUMMARY_WORDS: usize = 40;

/// `text` up to the end of its `count`th word (words split at whitespace), or
/// all of it if it has fewer.
pub fn first_words_prefix(text: &str, count: usize) -> &str {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == count {
                    return &text[..i];
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::is_url;

    #[test]
    fn urls_have_a_scheme_or_start_with_two_slashes() {
        for url in [
            "https://gr.se/",
            "mailto:a@b.se",
            "tel:031",
            "//cdn.example/x.js",
            "data:image/png;base64,x",
        ] {
            assert!(is_url(url), "{url}");
        }
        for path in [
            "bild.jpg",
            "/nyheter/x/",
            "../a.pdf",
            "@/om-gr.md",
            "2024:1.pdf",
            "a/b:c.pdf",
            "",
        ] {
            assert!(!is_url(path), "{path}");
        }
    }

    #[test]
    fn a_prefix_of_words_ends_after_the_last_word_wanted() {
        assert_eq!(first_words_prefix("ett  två\ntre fyra", 3), "ett  två\ntre");
        assert_eq!(first_words_prefix("ett två", 2), "ett två");
        assert_eq!(first_words_prefix("ett två ", 5), "ett två ");
        assert_eq!(first_words_prefix("", 1), "");
        assert_eq!(first_words_prefix(" åäö ö", 1), " åäö");
    }

    use super::*;
    use jiff::civil::date;

    #[test]
    fn slugs_are_ascii_and_lower_case() {
        assert_eq!(slugify("Öckerö"), "ockero");
        assert_eq!(slugify("Göteborg"), "goteborg");
        assert_eq!(slugify("Barn och unga"), "barn-och-unga");
        assert_eq!(slugify("Härryda & Lilla Edet"), "harryda-lilla-edet");
        assert_eq!(slugify("  --Å ä ö--  "), "a-a-o");
        assert_eq!(slugify("GR:s möte 2019!"), "gr-s-mote-2019");
        assert_eq!(slugify("Kompetens 🚀 idag"), "kompetens-rocket-idag");
        assert_eq!(slugify(""), "");
    }

    #[test]
    fn swedish_order_puts_a_ring_a_umlaut_o_umlaut_after_z() {
        let order = SwedishOrder::new();
        let mut words = vec!["Öckerö", "Ale", "Ärende", "Zebra", "Åmål", "Göteborg"];
        words.sort_by(|a, b| order.compare(a, b));
        assert_eq!(
            words,
            ["Ale", "Göteborg", "Zebra", "Åmål", "Ärende", "Öckerö"]
        );
    }

    #[test]
    fn dates_read_in_swedish() {
        assert_eq!(long_date(date(2024, 3, 26), "sv"), "26 mars 2024");
        assert_eq!(long_date(date(2016, 11, 9), "en"), "9 November 2016");
        assert_eq!(
            date_range(date(2019, 9, 25), date(2019, 9, 27), "sv"),
            "25–27 september 2019"
        );
        assert_eq!(
            date_range(date(2019, 4, 30), date(2019, 5, 2), "sv"),
            "30 april–2 maj 2019"
        );
        assert_eq!(
            date_range(date(2019, 4, 30), date(2019, 4, 30), "sv"),
            "30 april 2019"
        );
    }

    #[test]
    fn percent_escapes_decode() {
        assert_eq!(percent_decode("m%C3%B6te%20x.md"), "möte x.md");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%2e%2e/x"), "../x");
    }

    #[test]
    fn file_sizes_use_a_decimal_comma() {
        assert_eq!(file_size(1_234_567), "1,2 MB");
        assert_eq!(file_size(850_000), "850 kB");
        assert_eq!(file_size(4_300), "4,3 kB");
        assert_eq!(file_size(999), "999 byte");
    }
}
