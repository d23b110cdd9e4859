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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_close_on_both_sides() {
        assert_eq!(swedish_quotes("“Imponerande”"), "”Imponerande”");
        assert_eq!(swedish_quotes("‘citat’ och GR’s"), "’citat’ och GR’s");
        assert_eq!(swedish_quotes("inga citat"), "inga citat");
    }
}
