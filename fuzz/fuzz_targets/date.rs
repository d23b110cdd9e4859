//! `front_matter::parse_date` on any text: it never panics, a date it accepts can
//! be shown every way the site shows dates, and its RFC 3339 form (years 0–9999,
//! which RFC 3339 can write) is accepted again.
#![no_main]

use arkiv::content::front_matter::parse_date;
use arkiv::text::long_date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(date) = parse_date(text) else {
        return;
    };
    let _ = date.iso_date();
    let _ = date.time_text();
    let _ = date.timestamp();
    let _ = long_date(date.date(), "sv");
    let rfc3339 = date.rfc3339();
    let again = parse_date(&rfc3339);
    if (0..=9999).contains(&date.date().year()) {
        assert!(again.is_ok(), "{text:?} → {rfc3339:?} → {again:?}");
    }
});
