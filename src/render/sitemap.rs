//! The sitemap: every address a search engine should know, in one
//! `sitemap.xml`, or, past the protocol's limits (50 000 addresses or 50 MB
//! in a file), in parts (`sitemap-1.xml`…) that `sitemap.xml` lists as a
//! sitemap index. `robots.txt` names `sitemap.xml` either way.

use std::ops::Range;

use crate::config::Config;
use crate::index::SiteIndex;
use crate::render::contexts::{Alternate, SitemapEntry};
use crate::routes;

/// The most addresses one sitemap file may hold.
pub const MAX_URLS: usize = 50_000;
/// The most bytes one sitemap file may take, uncompressed.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;
/// What a file takes besides its entries: the XML declaration and `<urlset>`.
const FILE_BYTES: usize = 200;
/// What an entry takes besides its address: `<url><loc>`, a date and the rest.
const ENTRY_BYTES: usize = 64;
/// What an alternate takes besides its address and language:
/// `<xhtml:link rel="alternate" hreflang="" href=""/>`.
const ALTERNATE_BYTES: usize = 48;

/// The bytes `entry` takes in a sitemap file, at most.
fn entry_bytes(entry: &SitemapEntry) -> usize {
    let alternates = entry.alternates.iter();
    let alternates = alternates.map(|a| a.href.len() + a.lang.len() + ALTERNATE_BYTES);
    entry.loc.len() + ENTRY_BYTES + alternates.sum::<usize>()
}

/// Every address, sorted, each once: the start page, every listed page,
/// section and term listing; in a site in several languages, every
/// language's, each with its alternates.
pub fn entries(config: &Config, site: &SiteIndex) -> Vec<SitemapEntry> {
    let translations = &site.translations;
    if translations.is_multilingual() {
        let mut entries: Vec<SitemapEntry> = translations
            .sitemap
            .iter()
            .map(|address| SitemapEntry {
                loc: config.absolute_url(&address.path),
                lastmod: address.lastmod.clone(),
                alternates: address
                    .alternates
                    .iter()
                    .map(|(lang, path)| Alternate {
                        lang: lang.clone(),
                        href: config.absolute_url(path),
                    })
                    .collect(),
            })
            .collect();
        entries.sort();
        entries.dedup();
        return entries;
    }
    let entry = |path: &str, lastmod: Option<String>| SitemapEntry {
        loc: config.absolute_url(path),
        lastmod,
        alternates: Vec::new(),
    };
    let mut entries = vec![entry("", None)];
    for id in site.listed_pages() {
        let page = &site.pages[id];
        let lastmod = page.front.updated.or(page.date).map(|d| d.iso_date());
        entries.push(entry(&page.path, lastmod));
    }
    for section in &site.sections {
        entries.push(entry(&section.kind.listing(&site.routes), None));
    }
    for taxonomy in &site.taxonomies {
        entries.push(entry(&routes::taxonomy(&taxonomy.path), None));
        for term in &taxonomy.terms {
            entries.push(entry(&routes::term(&taxonomy.path, &term.slug), None));
        }
    }
    entries.sort();
    entries.dedup();
    entries
}

/// The entries of each file, in order, when one file cannot hold them all
/// within `max_urls` and `max_bytes`; one range of all of them when it can.
pub fn parts(entries: &[SitemapEntry], max_urls: usize, max_bytes: usize) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let (mut start, mut bytes) = (0, FILE_BYTES);
    for (n, entry) in entries.iter().enumerate() {
        let size = entry_bytes(entry);
        if n > start && (n - start == max_urls || bytes + size > max_bytes) {
            parts.push(start..n);
            (start, bytes) = (n, FILE_BYTES);
        }
        bytes += size;
    }
    parts.push(start..entries.len());
    parts
}

/// How many part files the sitemap of `site` has; 1 when `sitemap.xml` holds
/// every address itself. Counted without making the addresses when they
/// clearly fit (every build asks).
pub fn part_count(config: &Config, site: &SiteIndex) -> usize {
    let listings: usize = site.taxonomies.iter().map(|t| 1 + t.terms.len()).sum();
    let count = 1 + site.listed_pages().count() + site.sections.len() + listings;
    let translations = &site.translations;
    if translations.is_multilingual() {
        // Every language's addresses, each with its alternates, at most this long.
        let addresses = translations.sitemap.iter();
        let longest = addresses.clone().map(|a| a.path.len()).max().unwrap_or(0);
        let url = config.base_url.len() + longest;
        let at_most: usize = addresses
            .clone()
            .map(|a| url + ENTRY_BYTES + a.alternates.len() * (url + 8 + ALTERNATE_BYTES))
            .sum();
        if translations.sitemap.len() <= MAX_URLS && FILE_BYTES + at_most <= MAX_BYTES {
            return 1;
        }
        return parts(&entries(config, site), MAX_URLS, MAX_BYTES).len();
    }
    // Every address is the base URL and a path at most this long.
    let pages = site.pages.iter().map(|p| p.path.len());
    let terms = site.taxonomies.iter().flat_map(|t| {
        let path = routes::taxonomy(&t.path).len();
        t.terms.iter().map(move |term| path + term.slug.len() + 1)
    });
    let longest = pages.chain(terms).max().unwrap_or(0) + routes::SITEMAP.len();
    let at_most = FILE_BYTES + count * (config.base_url.len() + longest + ENTRY_BYTES);
    if count <= MAX_URLS && at_most <= MAX_BYTES {
        return 1;
    }
    parts(&entries(config, site), MAX_URLS, MAX_BYTES).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternates_count_toward_a_file_s_bytes() {
        let alternate = Alternate {
            lang: "en".into(),
            href: "x".repeat(100),
        };
        let entry = |n: usize| SitemapEntry {
            loc: format!("{n:0>100}"),
            lastmod: None,
            alternates: vec![alternate.clone(); 2],
        };
        let entries: Vec<SitemapEntry> = (0..100).map(entry).collect();
        // 100 bytes of address, 64 of markup and two alternates of 150 each.
        let per_entry = 100 + ENTRY_BYTES + 2 * (100 + 2 + ALTERNATE_BYTES);
        let parts = parts(&entries, MAX_URLS, FILE_BYTES + 10 * per_entry);
        assert_eq!(parts.len(), 10);
    }

    fn entries(n: usize, url_len: usize) -> Vec<SitemapEntry> {
        (0..n)
            .map(|i| SitemapEntry {
                loc: format!("{i:0>width$}", width = url_len),
                lastmod: None,
                alternates: Vec::new(),
            })
            .collect()
    }

    #[test]
    fn a_sitemap_that_fits_is_one_file() {
        let one = |range: Range<usize>| vec![range];
        assert_eq!(parts(&entries(10, 20), 10, 10_000), one(0..10));
        assert_eq!(parts(&[], 10, 10_000), one(0..0));
    }

    #[test]
    fn more_addresses_than_a_file_may_hold_are_split() {
        assert_eq!(
            parts(&entries(25, 20), 10, 1_000_000),
            [0..10, 10..20, 20..25]
        );
        assert_eq!(parts(&entries(20, 20), 10, 1_000_000), [0..10, 10..20]);
    }

    #[test]
    fn more_bytes_than_a_file_may_take_are_split() {
        // Each entry takes 100 + 64 bytes; a file holds 200 + 5 × 164 = 1020.
        let split = parts(&entries(12, 100), 50_000, 1_100);
        assert_eq!(split, [0..5, 5..10, 10..12]);
        for part in split {
            let bytes = FILE_BYTES + part.len() * (100 + ENTRY_BYTES);
            assert!(bytes <= 1_100, "{bytes}");
        }
    }
}
