//! The site's URL scheme: every path arkiv makes itself, in one place.
//!
//! Plain functions of plain values (folder names, years, slugs), with no
//! knowledge of pages. `render::outputs` puts them together into the site's
//! outputs, the views make their links with them, and `content` refuses page
//! paths under the folders reserved here. Paths are relative to the site's
//! root and end in `/` for a folder (`arkiv/2024/03/`).

/// The date archive: `arkiv/`, `arkiv/2024/`, `arkiv/2024/03/`.
pub const ARCHIVE: &str = "arkiv";
/// The calendar page and its `.ics` files.
pub const CALENDAR: &str = "kalender";
/// The search page.
pub const SEARCH: &str = "sok";
/// Page 2 and on of a listing: `nyheter/sida/2/`.
pub const PAGINATION: &str = "sida";
/// The search index's folder (Pagefind's bundle).
pub const SEARCH_BUNDLE: &str = "pagefind";
/// Kept free so that `static/` under content/ cannot look like the site's static files.
const STATIC: &str = "static";

/// URL folders the site makes itself; no page may take them.
pub const RESERVED_FOLDERS: [&str; 5] = [ARCHIVE, CALENDAR, SEARCH, PAGINATION, STATIC];

/// A section's listing: `nyheter/`.
pub fn section(folder: &str) -> String {
    format!("{folder}/")
}

/// A taxonomy's list of terms: `amnen/`.
pub fn taxonomy(path: &str) -> String {
    format!("{path}/")
}

/// A term's listing: `amnen/vard/`.
pub fn term(taxonomy_path: &str, slug: &str) -> String {
    format!("{taxonomy_path}/{slug}/")
}

/// Page `number` (from 1) of the listing at `base`: `nyheter/` → `nyheter/sida/2/`.
pub fn pagination(base: &str, number: usize) -> String {
    if number <= 1 {
        base.to_string()
    } else {
        format!("{base}{PAGINATION}/{number}/")
    }
}

/// The archive's list of years.
pub fn archive() -> String {
    format!("{ARCHIVE}/")
}

/// One year of the archive: `arkiv/2024/`.
pub fn archive_year(year: i16) -> String {
    format!("{ARCHIVE}/{year}/")
}

/// One month of the archive: `arkiv/2024/03/`.
pub fn archive_month(year: i16, month: i8) -> String {
    format!("{ARCHIVE}/{year}/{month:02}/")
}

/// The calendar page.
pub fn calendar() -> String {
    format!("{CALENDAR}/")
}

/// Every event and activity in one iCalendar file.
pub fn calendar_feed() -> String {
    format!("{CALENDAR}.ics")
}

/// One event's iCalendar file: `kalender/konferenser-arsmote-2024.ics`.
pub fn event_file(slug: &str) -> String {
    format!("{CALENDAR}/{slug}.ics")
}

/// The search page.
pub fn search() -> String {
    format!("{SEARCH}/")
}

/// The Atom feed of the listing at `folder` (`""` for the whole site): `nyheter/atom.xml`.
pub fn feed(folder: &str) -> String {
    format!("{folder}atom.xml")
}

/// The HTML file of the page at `folder`: `nyheter/x/` → `nyheter/x/index.html`.
pub fn index_file(folder: &str) -> String {
    format!("{folder}index.html")
}

/// The page for addresses that lead nowhere.
pub const NOT_FOUND: &str = "404.html";
/// The list of the site's addresses for search engines.
pub const SITEMAP: &str = "sitemap.xml";
/// Part `n` (from 1) of a sitemap too large for one file.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// What crawlers may visit.
pub const ROBOTS: &str = "robots.txt";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_paginate_under_sida() {
        assert_eq!(pagination("nyheter/", 1), "nyheter/");
        assert_eq!(pagination("nyheter/", 2), "nyheter/sida/2/");
        assert_eq!(
            index_file(&archive_month(2024, 3)),
            "arkiv/2024/03/index.html"
        );
        assert_eq!(feed(""), "atom.xml");
    }
}
