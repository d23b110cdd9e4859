//! `text::slugify` on any text keeps what its doc comment promises: the slug is
//! lower-case ASCII letters and digits with single `-` between them, every ASCII
//! letter and digit of the text is kept in order, and a slug slugifies to itself.
#![no_main]

use arkiv::text::slugify;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let slug = slugify(&text);
    assert!(
        slug.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
        "{text:?} → {slug:?}"
    );
    assert!(
        !slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"),
        "{text:?} → {slug:?}"
    );
    let mut kept = slug.bytes();
    for byte in text.bytes().filter(u8::is_ascii_alphanumeric) {
        let wanted = byte.to_ascii_lowercase();
        assert!(
            kept.any(|b| b == wanted),
            "{text:?} → {slug:?} lost {:?}",
            char::from(byte)
        );
    }
    assert_eq!(slugify(&slug), slug, "{text:?}");
});
