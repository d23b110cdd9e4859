//! A site in more than one language (`languages: [sv, en]`): which pages
//! translate which, each language's start page and listings, and every
//! language's addresses for the sitemap, with their alternates.
//!
//! In: each language's `Config` and `SiteIndex`. Out: `Translations`, shared
//! by every language's index (`SiteIndex::translations`); empty for a site
//! in one language.

use rustc_hash::FxHashMap;

use crate::config::Config;
use crate::content::{PageKind, translation_key};
use crate::index::{SiteIndex, TaxonomyKind};
use crate::routes::Routes;

/// One language of the site, as a language switch links to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// `sv`, `en`.
    pub code: String,
    /// The language's own name: "Svenska", "English".
    pub name: String,
    /// Its URL folders.
    pub routes: Routes,
    /// Its topics' and municipalities' folders (`en/topics`).
    pub taxonomies: [String; 2],
}

/// One address of the sitemap, in any language, with the same page's or
/// listing's address in the others.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The output path: `en/news/x/`.
    pub path: String,
    /// The page's last update or publication, `2024-03-26`.
    pub lastmod: Option<String>,
    /// Every language's address of it, this one's too: (language code, path).
    pub alternates: Vec<(String, String)>,
}

/// The links between the languages of a site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Translations {
    /// The site's languages, the default first; empty for a site in one.
    pub languages: Vec<Language>,
    /// A page's translation key (`nyheter/x.md`) → its address in each
    /// language that has it: (position in `languages`, path).
    pub pages: FxHashMap<String, Vec<(usize, String)>>,
    /// Every language's sitemap addresses: the default language's sitemap lists them all.
    pub sitemap: Vec<Address>,
    /// A term's page (`en/topics/skills-supply/`) → the same term's page
    /// in each language that has it, this one's too: (position in
    /// `languages`, path). The same term is one its pages write with the
    /// same name ("Kompetensförsörjning"), whatever it is called in each.
    pub terms: FxHashMap<String, Vec<(usize, String)>>,
}

/// What the same listing is called in every language: the start page, a
/// section, a taxonomy's list, the archive, the calendar, the search page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Listing {
    /// The start page.
    Home,
    /// A section's listing.
    Section(PageKind),
    /// A taxonomy's list of terms.
    Taxonomy(TaxonomyKind),
    /// The archive's years.
    Archive,
    /// The calendar.
    Calendar,
    /// The search page.
    Search,
}

/// A language's own name, for the language switch.
pub fn own_name(code: &str) -> &'static str {
    match code {
        "sv" => "Svenska",
        "en" => "English",
        _ => "",
    }
}

impl Language {
    fn of(config: &Config) -> Language {
        let taxonomies = &config.taxonomies;
        Language {
            code: config.language.clone(),
            name: own_name(&config.language).to_string(),
            routes: config.routes.clone(),
            taxonomies: [
                taxonomies.topics.path.clone(),
                taxonomies.municipalities.path.clone(),
            ],
        }
    }

    /// The path of `listing` in this language.
    pub fn listing(&self, listing: Listing) -> String {
        match listing {
            Listing::Home => self.routes.home(),
            Listing::Section(kind) => kind.listing(&self.routes),
            Listing::Taxonomy(TaxonomyKind::Topics) => crate::routes::taxonomy(&self.taxonomies[0]),
            Listing::Taxonomy(TaxonomyKind::Municipalities) => {
                crate::routes::taxonomy(&self.taxonomies[1])
            }
            Listing::Archive => self.routes.archive(),
            Listing::Calendar => self.routes.calendar(),
            Listing::Search => self.routes.search(),
        }
    }
}

impl Translations {
    /// The links between `languages` (each language's configuration and
    /// index, the default first); empty for a site in one language.
    pub fn of(languages: &[(&Config, &SiteIndex)]) -> Translations {
        if languages.len() < 2 {
            return Translations::default();
        }
        let mut pages: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
        for (n, (_, site)) in languages.iter().enumerate() {
            for page in &site.pages {
                let key = translation_key(&page.content_path);
                pages.entry(key).or_default().push((n, page.path.clone()));
            }
        }
        let list: Vec<Language> = languages.iter().map(|(c, _)| Language::of(c)).collect();
        let terms = term_pages(languages);
        let mut sitemap = Vec::new();
        for (n, (_, site)) in languages.iter().enumerate() {
            let alternates_of = |key: &str| match pages.get(key) {
                Some(found) if found.len() > 1 => found
                    .iter()
                    .map(|(l, path)| (list[*l].code.clone(), path.clone()))
                    .collect(),
                _ => Vec::new(),
            };
            for id in site.listed_pages() {
                let page = &site.pages[id];
                sitemap.push(Address {
                    path: page.path.clone(),
                    lastmod: page.front.updated.or(page.date).map(|d| d.iso_date()),
                    alternates: alternates_of(&translation_key(&page.content_path)),
                });
            }
            let listings = [Listing::Home, Listing::Archive]
                .into_iter()
                .chain(site.sections.iter().map(|s| Listing::Section(s.kind)))
                .chain(site.taxonomies.iter().map(|t| Listing::Taxonomy(t.kind)));
            for listing in listings {
                let alternates = list
                    .iter()
                    .map(|l| (l.code.clone(), l.listing(listing)))
                    .collect();
                let path = list[n].listing(listing);
                sitemap.push(Address {
                    path,
                    lastmod: None,
                    alternates,
                });
            }
            for taxonomy in &site.taxonomies {
                for term in &taxonomy.terms {
                    let path = crate::routes::term(&taxonomy.path, &term.slug);
                    let alternates = match terms.get(&path) {
                        Some(found) if found.len() > 1 => found
                            .iter()
                            .map(|(l, path)| (list[*l].code.clone(), path.clone()))
                            .collect(),
                        _ => Vec::new(),
                    };
                    sitemap.push(Address {
                        path,
                        lastmod: None,
                        alternates,
                    });
                }
            }
        }
        Translations {
            languages: list,
            pages,
            sitemap,
            terms,
        }
    }

    /// True for a site in more than one language.
    pub fn is_multilingual(&self) -> bool {
        !self.languages.is_empty()
    }

    /// The term page at `path` in each language that has the term:
    /// (position in `languages`, path).
    pub fn of_term(&self, path: &str) -> &[(usize, String)] {
        self.terms.get(path).map_or(&[], Vec::as_slice)
    }

    /// The other languages' addresses of the page from `content_path`:
    /// (language, path), for those that have it.
    pub fn of_page<'a>(
        &'a self,
        content_path: &str,
        own: &'a str,
    ) -> impl Iterator<Item = (&'a Language, &'a str)> + 'a {
        let found = self.pages.get(&translation_key(content_path));
        found
            .into_iter()
            .flatten()
            .map(|(n, path)| (&self.languages[*n], path.as_str()))
            .filter(move |(language, _)| language.code != own)
    }
}

/// Every language's term pages, each with the same term's page in every
/// language (see `Translations::terms`), in one pass over the names.
fn term_pages(languages: &[(&Config, &SiteIndex)]) -> FxHashMap<String, Vec<(usize, String)>> {
    let mut by_name: FxHashMap<(TaxonomyKind, &str), Vec<(usize, String)>> = FxHashMap::default();
    for (n, (_, site)) in languages.iter().enumerate() {
        for taxonomy in &site.taxonomies {
            for (name, &t) in &taxonomy.by_name {
                let path = crate::routes::term(&taxonomy.path, &taxonomy.terms[t].slug);
                by_name
                    .entry((taxonomy.kind, name))
                    .or_default()
                    .push((n, path));
            }
        }
    }
    let mut pages: FxHashMap<String, Vec<(usize, String)>> = FxHashMap::default();
    for group in by_name.values() {
        for (_, path) in group {
            let same = pages.entry(path.clone()).or_default();
            for (n, other) in group {
                if !same.iter().any(|(l, _)| l == n) {
                    same.push((*n, other.clone()));
                }
            }
        }
    }
    pages.values_mut().for_each(|same| same.sort());
    pages
}
