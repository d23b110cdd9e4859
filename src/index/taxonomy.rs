//! Taxonomies: topics (ämnen) and municipalities (kommuner), their terms in
//! Swedish order, and each term's pages newest first.
//!
//! In: pages and the taxonomy settings. Out: `Taxonomy` values. Terms that
//! slug alike ("Barn och unga", "barn och unga") are one term. When site.yaml
//! lists the allowed terms, any other is a warning.

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use crate::config::{Config, TaxonomyConfig};
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::{Newest, PageId};
use crate::text::{SwedishOrder, slugify};

/// Which taxonomy.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum TaxonomyKind {
    /// `topics:` → /amnen/.
    Topics,
    /// `municipalities:` → /kommuner/.
    Municipalities,
}

impl TaxonomyKind {
    /// The front matter key.
    pub fn key(self) -> &'static str {
        match self {
            TaxonomyKind::Topics => "topics",
            TaxonomyKind::Municipalities => "municipalities",
        }
    }

    /// This taxonomy's settings.
    pub fn config(self, config: &Config) -> &TaxonomyConfig {
        match self {
            TaxonomyKind::Topics => &config.taxonomies.topics,
            TaxonomyKind::Municipalities => &config.taxonomies.municipalities,
        }
    }

    /// A page's terms in this taxonomy.
    pub fn terms_of(self, page: &Page) -> &[String] {
        match self {
            TaxonomyKind::Topics => &page.front.topics,
            TaxonomyKind::Municipalities => &page.front.municipalities,
        }
    }
}

/// One term and its pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// As written (first spelling seen).
    pub name: String,
    /// Its URL segment: `barn-och-unga`.
    pub slug: String,
    /// Its pages, newest first.
    pub pages: Vec<PageId>,
}

/// A taxonomy with its terms in Swedish alphabetical order.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    /// Which taxonomy.
    pub kind: TaxonomyKind,
    /// Its URL folder: `amnen`.
    pub path: String,
    /// Its heading: "Ämnen".
    pub title: String,
    /// The terms, å ä ö after z.
    pub terms: Vec<Term>,
    /// Each name as pages write it → its term in `terms`.
    pub by_name: HashMap<String, usize>,
}

impl Taxonomy {
    /// Collects the terms of `kind` from every page.
    pub fn build(
        kind: TaxonomyKind,
        config: &Config,
        pages: &[Arc<Page>],
        newest: &Newest,
        order: &SwedishOrder,
        diagnostics: &mut Diagnostics,
    ) -> Taxonomy {
        let settings = kind.config(config);
        // Names map to terms once; pages then only push their id (this runs on every rebuild).
        let mut terms: Vec<Term> = Vec::new();
        let mut by_slug: HashMap<String, usize> = HashMap::default();
        let mut by_name: HashMap<&str, Option<usize>> = HashMap::default();
        for (id, page) in pages.iter().enumerate() {
            if page.is_section_index {
                continue;
            }
            for name in kind.terms_of(page) {
                let term = *by_name.entry(name.as_str()).or_insert_with(|| {
                    // In a language besides the default, a term may have a name of its own.
                    let name = config.terms.get(name).unwrap_or(name);
                    let slug = slugify(name);
                    if slug.is_empty() {
                        return None;
                    }
                    let next = terms.len();
                    let index = *by_slug.entry(slug.clone()).or_insert(next);
                    if index == next {
                        terms.push(Term {
                            name: name.clone(),
                            slug,
                            pages: Vec::new(),
                        });
                    }
                    Some(index)
                });
                let Some(term) = term else {
                    continue;
                };
                if !settings.terms.is_empty() && !settings.terms.contains(name) {
                    diagnostics.push(unknown_term(kind, page, name, &settings.terms));
                }
                terms[term].pages.push(id);
            }
        }
        for term in &mut terms {
            term.pages.dedup();
            newest.sort(&mut term.pages);
        }
        let (terms, by_name) = in_order(terms, by_name, order);
        Taxonomy {
            kind,
            path: settings.path.clone(),
            title: settings.title.clone(),
            terms,
            by_name,
        }
    }

    /// The term a name belongs to.
    pub fn term(&self, name: &str) -> Option<&Term> {
        if let Some(&at) = self.by_name.get(name) {
            return Some(&self.terms[at]);
        }
        let slug = slugify(name);
        self.terms.iter().find(|t| t.slug == slug)
    }

    /// The name a page's `name` is shown with: its term's first spelling.
    pub fn spelling(&self, name: &str) -> Option<&str> {
        self.term(name).map(|t| t.name.as_str())
    }
}

fn unknown_term(kind: TaxonomyKind, page: &Page, name: &str, allowed: &[String]) -> Diagnostic {
    let (line, column) = crate::content::locate_value(
        &page.source,
        page.front.key_lines.get(kind.key()).copied(),
        name,
    );
    let nearest = allowed
        .iter()
        .map(|a| {
            (
                strsim::damerau_levenshtein(&a.to_lowercase(), &name.to_lowercase()),
                a,
            )
        })
        .min()
        .filter(|(d, _)| *d <= 3)
        .map(|(_, a)| a);
    let hint = match nearest {
        Some(near) => t!("index-term-did-you-mean", suggestion = near),
        None => t!("index-term-hint"),
    };
    let message = match kind {
        TaxonomyKind::Topics => t!("index-topic-not-allowed", name = name),
        TaxonomyKind::Municipalities => t!("index-municipality-not-allowed", name = name),
    };
    Diagnostic::warning(message)
        .at_line(&page.display_path, &page.source, line, column)
        .hint(hint)
}

/// The terms in Swedish order, and each name's place among them.
fn in_order(
    terms: Vec<Term>,
    by_name: HashMap<&str, Option<usize>>,
    order: &SwedishOrder,
) -> (Vec<Term>, HashMap<String, usize>) {
    let mut sorted: Vec<usize> = (0..terms.len()).collect();
    sorted.sort_by(|&a, &b| order.compare(&terms[a].name, &terms[b].name));
    let mut place = vec![0; terms.len()];
    for (at, &was) in sorted.iter().enumerate() {
        place[was] = at;
    }
    let by_name = by_name
        .into_iter()
        .filter_map(|(name, term)| Some((name.to_string(), place[term?])))
        .collect();
    let mut terms: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
    let terms = sorted
        .iter()
        .map(|&was| terms[was].take().expect("each term is placed once"))
        .collect();
    (terms, by_name)
}
