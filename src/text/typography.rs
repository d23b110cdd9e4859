//! Swedish typography: smart punctuation gives English quotes (“…” ‘…’);
//! Swedish uses the same mark on both sides (”…” and ’).
//!
//! In: text pulldown-cmark has already made typographic. Out: the same text
//! with Swedish quotation marks. Code is never passed here.

/// Replaces English curly quotes with Swedish ones: “ → ”, ‘ → ’.
pub fn swedish_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['“', '‘']) {
        std::borrow::Cow::Owned(text.replace('“', "”").replace('‘', "’"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `text`'s quotation marks as `language` writes them: Swedish ones in
/// Swedish, the English ones smart punctuation gives in English.
pub fn quotes_in<'a>(text: &'a str, language: &str) -> std::borrow::Cow<'a, str> {
    match language {
        "sv" => swedish_quotes(text),
        _ => std::borrow::Cow::Borrowed(text),
    }
}

/// Typographic punctuation for plain text such as titles: "…" → ”…” in
/// Swedish (“…” in English), -- → –, ... → ….
///
/// Uses the same smart punctuation as page bodies, so titles and text agree;
/// Markdown syntax in the text is kept as written.
pub fn smarten(text: &str, language: &str) -> String {
    if !text.contains(['"', '\'', '-', '.']) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut consumed = 0;
    let parser =
        pulldown_cmark::Parser::new_ext(text, pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION);
    for (event, range) in parser.into_offset_iter() {
        if let pulldown_cmark::Event::Text(t) = event {
            if range.start < consumed {
                continue;
            }
            out.push_str(&text[consumed..range.start]);
            out.push_str(&quotes_in(&t, language));
            consumed = range.end;
        }
    }
    out.push_str(&text[consumed..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_close_on_both_sides() {
        assert_eq!(swedish_quotes("“Imponerande”"), "”Imponerande”");
        assert_eq!(swedish_quotes("‘citat’ och GR’s"), "’citat’ och GR’s");
        assert_eq!(swedish_quotes("inga citat"), "inga citat");
    }

    #[test]
    fn titles_get_typographic_punctuation_and_keep_their_markup() {
        assert_eq!(
            smarten("Start för \"Yrkesresan\"", "sv"),
            "Start för ”Yrkesresan”"
        );
        assert_eq!(smarten("The \"journey\"", "en"), "The “journey”");
        assert_eq!(
            smarten("2020--2023 och GR's *plan*", "sv"),
            "2020–2023 och GR’s *plan*"
        );
        assert_eq!(smarten("Ingen skillnad", "sv"), "Ingen skillnad");
    }
}
