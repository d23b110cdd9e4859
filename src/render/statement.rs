//! The accessibility statement's generated part: the documents and pages
//! that are not accessible, with what fails and the WCAG criterion, and the
//! documents outside the law's requirements, as DIGG's model statement
//! lists them.
//! A page shows it with `template: statement.html` (the gr theme's), where
//! its text calls `{{ tillganglighet() }}`.

use serde::Serialize;

use super::context::Views;
use super::record::Read;
use super::views::{DateView, Link};
use crate::documents::{Document, Standing, criteria_list};

/// What the statement lists.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatementView {
    /// Documents that fail, whether acknowledged or not.
    pub failing: Vec<StatementEntry>,
    /// Documents outside the law's requirements (published before 23 September 2018).
    pub exempt: Vec<StatementEntry>,
    /// Pages whose text breaks content rules (`crate::rules`).
    pub pages: Vec<StatementPage>,
    /// The newest date of the pages listed: when the list last changed.
    pub updated: Option<DateView>,
    /// The statement's text up to where its `{{ tillganglighet() }}` stands,
    /// and after it: the lists go between. Without the call, all of the
    /// text is `before` and the lists follow it.
    pub before: String,
    pub after: String,
    /// True when the text calls `{{ tillganglighet() }}`: the lists are a
    /// part of a section (`h3`), not one of their own (`h2`).
    pub placed: bool,
}

/// What the `tillganglighet` shortcode of the gr theme leaves in the text.
pub const MARKER: &str = "<div class=\"arkiv-statement\"></div>";

/// One document in the statement.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatementEntry {
    /// Its title in the attachment list.
    pub title: String,
    /// Where it is published.
    pub url: String,
    /// The page that publishes it.
    pub page: Link,
    /// What fails ("inte taggad"), in the messages' words.
    pub problems: Vec<String>,
    /// The WCAG 2.1 success criteria it fails ("1.3.1, 3.1.1").
    pub criteria: String,
    /// Why it is left as it is, when its editor has said so.
    pub reason: Option<String>,
}

/// One page in the statement.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatementPage {
    /// The page.
    pub page: Link,
    /// What fails ("länktexter som inte säger något ensamma"), in the site's language.
    pub problems: Vec<String>,
    /// The WCAG 2.1 success criteria it fails, if any ("1.3.1, 2.4.4").
    pub criteria: String,
}

impl Views<'_> {
    /// The statement's lists, from every published document.
    pub fn statement(&self, content: &str) -> StatementView {
        self.read(Read::Documents);
        let site = self.site();
        let language = self.config.language.as_str();
        let published_in =
            crate::i18n::Language::from_code(language).unwrap_or(crate::i18n::Language::Sv);
        let entry = |document: &Document| {
            let criteria = criteria_list(document.problems.iter().map(|p| p.criterion()));
            let page = &site.pages[document.page];
            StatementEntry {
                title: document.title.clone(),
                url: self.config.url(&format!("{}{}", page.path, document.name)),
                page: self.link(document.page),
                problems: document
                    .problems
                    .iter()
                    .map(|p| p.text_in(published_in))
                    .collect(),
                criteria,
                reason: match &document.standing {
                    Standing::Known(reason) => Some(reason.clone()),
                    _ => None,
                },
            }
        };
        let documents = &site.documents.all;
        let failing: Vec<&Document> = documents
            .iter()
            .filter(|d| matches!(d.standing, Standing::Fails | Standing::Known(_)))
            .collect();
        let exempt: Vec<&Document> = documents
            .iter()
            .filter(|d| d.standing == Standing::Exempt)
            .collect();
        let pages: Vec<StatementPage> = site
            .documents
            .failing_pages()
            .iter()
            .map(|failing| {
                let criteria = failing
                    .rules
                    .iter()
                    .filter_map(|r| crate::rules::criterion(r));
                StatementPage {
                    page: self.link(failing.page),
                    problems: failing
                        .rules
                        .iter()
                        .map(|rule| crate::rules::text_in(rule, published_in))
                        .collect(),
                    criteria: criteria_list(criteria),
                }
            })
            .collect();
        let listed = failing.iter().chain(&exempt).map(|d| d.page);
        let updated = listed
            .chain(site.documents.failing_pages().iter().map(|p| p.page))
            .filter_map(|id| {
                let page = &site.pages[id];
                page.front.updated.or(page.date)
            })
            .max()
            .map(|d| DateView::new(&d, language));
        let placed = content.contains(MARKER);
        let (before, after) = content.split_once(MARKER).unwrap_or((content, ""));
        StatementView {
            failing: failing.into_iter().map(entry).collect(),
            exempt: exempt.into_iter().map(entry).collect(),
            pages,
            updated,
            before: before.to_string(),
            after: after.to_string(),
            placed,
        }
    }
}
