//! What every template gets: `site` (title, menu, footer links, members) and
//! `t` (the UI strings), made once per version of the site.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::config::Config;
use crate::index::{Taxonomy, TaxonomyKind};
use crate::render::context::{Link, SiteViews};
use crate::routes;

/// Template values every output shows, shared between outputs.
pub struct Globals {
    /// `site`: title, menu, members…
    pub site: tera::Value,
    /// `t`: the UI strings.
    pub t: tera::Value,
    /// A hash of `site` (the UI strings change only with the templates).
    pub digest: u64,
}

impl Globals {
    /// The values for `views`' site.
    pub fn new(views: &SiteViews<'_>) -> Self {
        let site = SiteView::new(views);
        let mut hasher = rustc_hash::FxHasher::default();
        serde_json::to_string(&site)
            .unwrap_or_default()
            .hash(&mut hasher);
        Globals {
            site: tera::Value::from_serializable(&site),
            t: tera::Value::from_serializable(views.labels.all()),
            digest: hasher.finish(),
        }
    }
}

/// The site as every template sees it, as `site`.
#[derive(Serialize)]
pub struct SiteView<'a> {
    /// The site's name.
    pub title: &'a str,
    /// What the site is, for search engines.
    pub description: &'a str,
    /// The address the site is published at.
    pub base_url: &'a str,
    /// The start page's URL (`/en/` in English beside Swedish).
    pub home_url: String,
    /// The site's root, where the static files are (`/`), in every language.
    pub root_url: String,
    /// The site's language: `sv`.
    pub language: &'a str,
    /// The main menu: site.yaml's `menu`, or the sections with pages, the taxonomies and the archive.
    pub menu: Vec<Link>,
    /// Who publishes the site.
    pub organisation: &'a crate::config::Organisation,
    /// The member municipalities, each linked to its term page when it has one.
    pub members: Vec<Link>,
    /// The taxonomies' term lists.
    pub taxonomies: Vec<Link>,
    /// The plain pages (Om oss, Kontakt), by weight then title.
    pub pages: Vec<Link>,
    /// The archive's URL.
    pub archive_url: String,
    /// Each section's listing, by kind: `site.section_urls.news` is `/nyheter/`.
    pub section_urls: BTreeMap<String, String>,
    /// The organisation elsewhere: site.yaml's `social` links.
    pub social: &'a [crate::config::MenuItem],
    /// The calendar's iCalendar feed, to subscribe to.
    pub calendar_feed_url: String,
    /// The search page's URL.
    pub search_url: String,
    /// Whether the site has a search index (`search:` in site.yaml).
    pub has_search: bool,
    /// The search index's folder (Pagefind's scripts and styles are in it).
    pub search_bundle_url: String,
    /// site.yaml's `extra`.
    pub extra: &'a serde_json::Value,
}

impl<'a> SiteView<'a> {
    fn new(views: &'a SiteViews<'a>) -> Self {
        let config = views.config;
        let menu = if config.menu.is_empty() {
            default_menu(views)
        } else {
            config
                .menu
                .iter()
                .map(|item| Link {
                    title: item.title.clone(),
                    url: if item.url.contains("://") {
                        item.url.clone()
                    } else {
                        config.url(&item.url)
                    },
                })
                .collect()
        };
        let site = views.site;
        SiteView {
            title: &config.title,
            description: &config.description,
            base_url: &config.base_url,
            home_url: config.url(&site.routes.home()),
            root_url: config.url(""),
            language: &config.language,
            menu,
            organisation: &config.organisation,
            members: member_links(views),
            taxonomies: site
                .taxonomies
                .iter()
                .map(|t| taxonomy_link(config, t))
                .collect(),
            pages: site
                .plain
                .iter()
                .map(|&id| Link {
                    title: site.pages[id].front.title.clone(),
                    url: config.url(&site.pages[id].path),
                })
                .collect(),
            archive_url: config.url(&site.routes.archive()),
            section_urls: crate::content::page::SECTIONS
                .iter()
                .filter_map(|(kind, _, _)| {
                    let name = serde_json::to_value(kind).ok()?.as_str()?.to_string();
                    Some((name, config.url(&kind.listing(&site.routes))))
                })
                .collect(),
            social: &config.social,
            calendar_feed_url: config.url(&site.routes.calendar_feed()),
            search_url: config.url(&site.routes.search()),
            has_search: config.search,
            search_bundle_url: config.url(&format!("{}/", routes::SEARCH_BUNDLE)),
            extra: &config.extra,
        }
    }
}

/// The member municipalities, each linked to its page when it has one (else `url` is empty).
fn member_links(views: &SiteViews<'_>) -> Vec<Link> {
    let municipalities = views.site.taxonomy(TaxonomyKind::Municipalities);
    views
        .config
        .organisation
        .members
        .iter()
        .map(|name| Link {
            title: name.clone(),
            url: municipalities
                .term(name)
                .map(|term| {
                    views
                        .config
                        .url(&routes::term(&municipalities.path, &term.slug))
                })
                .unwrap_or_default(),
        })
        .collect()
}

fn default_menu(views: &SiteViews<'_>) -> Vec<Link> {
    let config = views.config;
    let mut menu: Vec<Link> = views
        .site
        .sections
        .iter()
        .filter(|s| !s.pages.is_empty())
        .map(|s| Link {
            title: views.labels.section(s.kind).to_string(),
            url: config.url(&s.kind.listing(&views.site.routes)),
        })
        .collect();
    menu.extend(
        views
            .site
            .taxonomies
            .iter()
            .map(|t| taxonomy_link(config, t)),
    );
    menu.push(Link {
        title: views.labels.get("archive").to_string(),
        url: config.url(&views.site.routes.archive()),
    });
    menu
}

/// A link to `taxonomy`'s list of terms.
pub fn taxonomy_link(config: &Config, taxonomy: &Taxonomy) -> Link {
    Link {
        title: taxonomy.title.clone(),
        url: config.url(&routes::taxonomy(&taxonomy.path)),
    }
}
