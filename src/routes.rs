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

/// The sections' content folders, which are their URL folders in the
/// default language: news, conferences, presentations, meeting notes, programmes.
pub const SECTION_FOLDERS: [&str; 5] = [
    "nyheter",
    "konferenser",
    "presentationer",
    "anteckningar",
    "program",
];

/// The editor's folder (`/admin/`), when site.yaml has `editor:`.
pub const EDITOR: &str = "admin";

/// The URL folders of one language of the site: the default language's are
/// the folders above and the content folders (`nyheter/`), at the top; each
/// other language's are under its own folder (`en/`), with names from the
/// theme's language file (`url_news: news`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Routes {
    /// `""` for the default language, `en/` for English beside Swedish.
    pub prefix: String,
    archive: String,
    calendar: String,
    search: String,
    pagination: String,
    /// Each section's URL folder, in `SECTIONS` order, with the prefix.
    sections: Vec<String>,
}

/// The theme's language-file keys of the URL folders a translated site
/// names in its language, with the English name used when the file lacks one.
pub const TRANSLATED_FOLDERS: [(&str, &str); 11] = [
    ("url_news", "news"),
    ("url_conferences", "conferences"),
    ("url_presentations", "presentations"),
    ("url_meetings", "meeting-notes"),
    ("url_programmes", "programmes"),
    ("url_archive", "archive"),
    ("url_calendar", "calendar"),
    ("url_search", "search"),
    ("url_page", "page"),
    ("url_topics", "topics"),
    ("url_municipalities", "municipalities"),
];

impl Default for Routes {
    fn default() -> Self {
        Routes {
            prefix: String::new(),
            archive: ARCHIVE.into(),
            calendar: CALENDAR.into(),
            search: SEARCH.into(),
            pagination: PAGINATION.into(),
            sections: SECTION_FOLDERS.map(str::to_string).to_vec(),
        }
    }
}

impl Routes {
    /// The routes of a language other than the default, under `language/`,
    /// each folder named by `name` (a key of `TRANSLATED_FOLDERS`).
    pub fn translated(language: &str, name: impl Fn(&str) -> String) -> Routes {
        let prefix = format!("{language}/");
        let at = |key: &str| format!("{prefix}{}", name(key));
        Routes {
            archive: at("url_archive"),
            calendar: at("url_calendar"),
            search: at("url_search"),
            pagination: name("url_page"),
            sections: ["url_news", "url_conferences", "url_presentations"]
                .into_iter()
                .chain(["url_meetings", "url_programmes"])
                .map(at)
                .collect(),
            prefix,
        }
    }

    /// The start page: `""`, or `en/`.
    pub fn home(&self) -> String {
        self.prefix.clone()
    }

    /// The listing of the section whose content folder is `folder`
    /// (`nyheter/`, `en/news/`); the start page for any other folder.
    pub fn section(&self, folder: &str) -> String {
        match SECTION_FOLDERS.iter().position(|f| *f == folder) {
            Some(n) => format!("{}/", self.sections[n]),
            None => self.prefix.clone(),
        }
    }

    /// The URL folder of the section whose content folder is `folder`
    /// (`nyheter` → `en/news`), or `folder` under the prefix for any other.
    pub fn folder_of(&self, folder: &str) -> String {
        match SECTION_FOLDERS.iter().position(|f| *f == folder) {
            Some(n) => self.sections[n].clone(),
            None => format!("{}{folder}", self.prefix),
        }
    }

    /// True when `path` (`en/news/`) is a section's listing.
    pub fn is_section(&self, path: &str) -> bool {
        let folder = path.strip_suffix('/').unwrap_or(path);
        self.sections.iter().any(|s| s == folder)
    }

    /// The folders under the prefix no page of this language may take.
    pub fn reserved(&self) -> Vec<&str> {
        [&self.archive, &self.calendar, &self.search]
            .into_iter()
            .map(|path| path.strip_prefix(self.prefix.as_str()).unwrap_or(path))
            .chain([self.pagination.as_str(), STATIC, SEARCH_BUNDLE])
            .collect()
    }

    /// The word in paginated listings' addresses: `sida`, `page`.
    pub fn pagination_word(&self) -> &str {
        &self.pagination
    }

    /// Page `number` (from 1) of the listing at `base`: `nyheter/` → `nyheter/sida/2/`.
    pub fn pagination(&self, base: &str, number: usize) -> String {
        if number <= 1 {
            base.to_string()
        } else {
            format!("{base}{}/{number}/", self.pagination)
        }
    }

    /// The archive's list of years.
    pub fn archive(&self) -> String {
        format!("{}/", self.archive)
    }

    /// One year of the archive: `arkiv/2024/`.
    pub fn archive_year(&self, year: i16) -> String {
        format!("{}/{year}/", self.archive)
    }

    /// One month of the archive: `arkiv/2024/03/`.
    pub fn archive_month(&self, year: i16, month: i8) -> String {
        format!("{}/{year}/{month:02}/", self.archive)
    }

    /// The calendar page.
    pub fn calendar(&self) -> String {
        format!("{}/", self.calendar)
    }

    /// Every event and activity in one iCalendar file.
    pub fn calendar_feed(&self) -> String {
        format!("{}.ics", self.calendar)
    }

    /// One event's iCalendar file: `kalender/konferenser-arsmote-2024.ics`.
    pub fn event_file(&self, slug: &str) -> String {
        format!("{}/{slug}.ics", self.calendar)
    }

    /// The search page.
    pub fn search(&self) -> String {
        format!("{}/", self.search)
    }
}

/// A taxonomy's list of terms: `amnen/`.
pub fn taxonomy(path: &str) -> String {
    format!("{path}/")
}

/// A term's listing: `amnen/vard/`.
pub fn term(taxonomy_path: &str, slug: &str) -> String {
    format!("{taxonomy_path}/{slug}/")
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
        let routes = Routes::default();
        assert_eq!(routes.pagination("nyheter/", 1), "nyheter/");
        assert_eq!(routes.pagination("nyheter/", 2), "nyheter/sida/2/");
        assert_eq!(
            index_file(&routes.archive_month(2024, 3)),
            "arkiv/2024/03/index.html"
        );
        assert_eq!(feed(""), "atom.xml");
    }

    #[test]
    fn a_translation_has_its_folders_under_its_language() {
        let names: std::collections::BTreeMap<&str, &str> =
            TRANSLATED_FOLDERS.into_iter().collect();
        let routes = Routes::translated("en", |key| names[key].to_string());
        assert_eq!(routes.section("nyheter"), "en/news/");
        assert_eq!(routes.pagination("en/news/", 2), "en/news/page/2/");
        assert_eq!(routes.archive_month(2024, 3), "en/archive/2024/03/");
        assert_eq!(routes.calendar_feed(), "en/calendar.ics");
        assert_eq!(routes.folder_of("anteckningar"), "en/meeting-notes");
        assert_eq!(routes.folder_of("om"), "en/om");
        assert!(routes.reserved().contains(&"search"));
    }
}
