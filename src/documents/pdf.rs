//! What a PDF tells of its accessibility: whether it is tagged (marked, with
//! a structure tree that reaches the pages' content), its language, its
//! title and whether a reader shows it, pages that are only pictures, and
//! encryption that shuts assistive technology out.

use lopdf::{Dictionary, Document, Object};

use super::Problem;

/// How much of one page's content is read when looking for text.
const PAGE_CONTENT_LIMIT: usize = 16 * 1024 * 1024;

/// The problems of the PDF `bytes`, in `Problem`'s order.
pub fn problems(bytes: &[u8]) -> Vec<Problem> {
    let document = match Document::load_mem(bytes) {
        Ok(document) => document,
        // A password is needed to open it: nothing can read it.
        Err(_) if raw_permissions(bytes).is_some() => return vec![Problem::Locked],
        Err(_) => return vec![Problem::Unreadable],
    };
    let mut found = Vec::new();
    let Ok(catalog) = document.catalog() else {
        return vec![Problem::Unreadable];
    };
    let marked = get(&document, catalog, b"MarkInfo")
        .and_then(|info| info.get_value(&document, b"Marked"))
        .and_then(|marked| marked.as_bool().ok())
        .unwrap_or(false);
    let pages = document.get_pages();
    let contents: Vec<Vec<u8>> = pages
        .values()
        .map(|&id| {
            document
                .get_page_content_with_limit(id, PAGE_CONTENT_LIMIT)
                .unwrap_or_default()
        })
        .collect();
    let has_tree = get(&document, catalog, b"StructTreeRoot")
        .and_then(|root| root.get(b"K").ok())
        .is_some_and(|kids| !matches!(kids, Object::Array(a) if a.is_empty()));
    let reaches_content = contents.iter().any(|c| contains(c, b"/MCID"));
    if !marked || !has_tree || !reaches_content {
        found.push(Problem::Untagged);
    }
    let language = catalog
        .get(b"Lang")
        .ok()
        .and_then(|l| lopdf::decode_text_string(l).ok())
        .filter(|l| !l.trim().is_empty());
    if language.is_none() {
        found.push(Problem::NoLanguage);
    }
    if title(&document).is_none() {
        found.push(Problem::NoTitle);
    } else {
        let shown = get(&document, catalog, b"ViewerPreferences")
            .and_then(|prefs| prefs.get_value(&document, b"DisplayDocTitle"))
            .and_then(|d| d.as_bool().ok())
            .unwrap_or(false);
        if !shown {
            found.push(Problem::TitleNotShown);
        }
    }
    // A page with pictures and no text at all is a scan (or a picture of text).
    let scanned = contents.iter().any(|c| !has_text(c) && contains(c, b"Do"));
    if scanned {
        found.push(Problem::Scanned);
    }
    if document.was_encrypted() && raw_permissions(bytes).is_some_and(|p| !allows_reading(p)) {
        found.push(Problem::Locked);
    }
    found
}

/// The dictionary `key` of `dict` names (inline or by reference).
fn get<'a>(document: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    dict.get_deref(key, document).ok()?.as_dict().ok()
}

/// The value `key` of `dict`, followed if a reference.
trait GetDeref {
    fn get_value<'a>(&'a self, document: &'a Document, key: &[u8]) -> Option<&'a Object>;
}

impl GetDeref for Dictionary {
    fn get_value<'a>(&'a self, document: &'a Document, key: &[u8]) -> Option<&'a Object> {
        self.get_deref(key, document).ok()
    }
}

/// The document's title: its information dictionary's, or its XMP `dc:title`.
fn title(document: &Document) -> Option<String> {
    let info = document
        .trailer
        .get(b"Info")
        .ok()
        .and_then(|info| document.dereference(info).ok())
        .and_then(|(_, info)| info.as_dict().ok());
    let from_info = info
        .and_then(|info| info.get_value(document, b"Title"))
        .and_then(|t| lopdf::decode_text_string(t).ok())
        .filter(|t| !t.trim().is_empty());
    from_info.or_else(|| {
        let catalog = document.catalog().ok()?;
        let metadata = catalog.get_value(document, b"Metadata")?.as_stream().ok()?;
        let xml = metadata.get_plain_content().ok()?;
        let xml = String::from_utf8_lossy(&xml);
        let start = xml.find("<dc:title")?;
        let inner = &xml[start..xml[start..].find("</dc:title>").map(|e| start + e)?];
        let text: String = strip_tags(inner);
        (!text.trim().is_empty()).then_some(text)
    })
}

fn strip_tags(xml: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// True when a content stream shows text: a text object with a show operator.
fn has_text(content: &[u8]) -> bool {
    let words =
        content.split(|b| b.is_ascii_whitespace() || matches!(b, b'[' | b']' | b'(' | b')'));
    let mut in_text = false;
    for word in words {
        match word {
            b"BT" => in_text = true,
            b"ET" => in_text = false,
            b"Tj" | b"TJ" | b"'" | b"\"" if in_text => return true,
            _ => {}
        }
    }
    false
}

/// The `/P` permissions of a standard security handler, read from the
/// file as written (the encryption dictionary itself is never encrypted).
fn raw_permissions(bytes: &[u8]) -> Option<i64> {
    let at = bytes.windows(9).position(|w| w == b"/Standard")?;
    let window = &bytes[at.saturating_sub(800)..(at + 800).min(bytes.len())];
    let mut rest = window;
    while let Some(p) = rest.windows(2).position(|w| w == b"/P") {
        let after = &rest[p + 2..];
        // `/Perms` and other names that start with P are not it.
        if after.first().is_some_and(|b| b.is_ascii_alphabetic()) {
            rest = after;
            continue;
        }
        let text: String = after
            .iter()
            .skip_while(|b| b.is_ascii_whitespace())
            .take_while(|b| b.is_ascii_digit() || **b == b'-')
            .map(|&b| b as char)
            .collect();
        return text.parse().ok();
    }
    None
}

/// Bit 10 of the permissions: text and graphics may be taken out for
/// accessibility (bit 5, copying, in the oldest handler, which has no bit 10
/// of its own, is also accepted).
fn allows_reading(permissions: i64) -> bool {
    permissions & (1 << 9) != 0 || permissions & (1 << 4) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_told_from_pictures() {
        assert!(has_text(b"BT /F1 12 Tf 72 712 Td (Hej) Tj ET"));
        assert!(has_text(b"BT[(A)-20(B)]TJ ET"));
        assert!(!has_text(b"q 595 0 0 842 0 0 cm /Im0 Do Q"));
    }

    #[test]
    fn permissions_are_read_and_bit_ten_decides() {
        let pdf = b"1 0 obj << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -3904 >> endobj";
        assert_eq!(raw_permissions(pdf), Some(-3904));
        // -3904 allows nothing; -4 allows everything.
        assert!(!allows_reading(-3904));
        assert!(allows_reading(-4));
        assert!(allows_reading(-3904 | (1 << 9)));
        assert_eq!(raw_permissions(b"no encryption here"), None);
    }
}
