//! The documents a site publishes (PDFs and office files), checked for what
//! the accessibility law asks of them (WCAG 2.1 AA through EN 301 549):
//! tagged, with a language and a title, text rather than scans, and not
//! locked against assistive technology.
//!
//! In: the pages and the bundle files each publishes. Out: each document's
//! problems and standing (failing, acknowledged by its editor, outside the
//! law's requirements by its page's date), and a warning at the attachment's
//! line for each failing one. Each file is read once, in parallel, and what
//! was found is kept by the file's hash in `.arkiv-cache/documents-1`, and in
//! memory by its size and time, so a build reads only new documents.

pub mod pdf;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::content::{Asset, Page};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Something that keeps a document from being accessible.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Problem {
    /// No tags, or a structure tree that reaches no content.
    Untagged,
    /// No document language.
    NoLanguage,
    /// No title.
    NoTitle,
    /// A title the reader is not told to show (`DisplayDocTitle`).
    TitleNotShown,
    /// Pages that are pictures only (scanned).
    Scanned,
    /// Encrypted so that assistive technology may not read it.
    Locked,
    /// Not a PDF that can be read at all.
    Unreadable,
    /// An office file (Word, PowerPoint, Excel), which few can read with
    /// assistive technology in a browser.
    Office,
}

impl Problem {
    /// A short name, kept in the cache and in `--format json`.
    pub fn id(self) -> &'static str {
        match self {
            Problem::Untagged => "untagged",
            Problem::NoLanguage => "no-language",
            Problem::NoTitle => "no-title",
            Problem::TitleNotShown => "title-not-shown",
            Problem::Scanned => "scanned",
            Problem::Locked => "locked",
            Problem::Unreadable => "unreadable",
            Problem::Office => "office",
        }
    }

    fn from_id(id: &str) -> Option<Problem> {
        ALL.iter().copied().find(|p| p.id() == id)
    }

    /// The success criterion of WCAG 2.1 it fails.
    pub fn criterion(self) -> &'static str {
        match self {
            Problem::Untagged | Problem::Locked | Problem::Unreadable | Problem::Office => "1.3.1",
            Problem::NoLanguage => "3.1.1",
            Problem::NoTitle | Problem::TitleNotShown => "2.4.2",
            Problem::Scanned => "1.1.1",
        }
    }

    /// The problem in `language`, for what the site publishes (the
    /// accessibility statement), whatever language arkiv speaks in.
    pub fn text_in(self, language: crate::i18n::Language) -> String {
        use crate::i18n::text_in;
        match self {
            Problem::Untagged => text_in(language, "document-problem-untagged", &[]),
            Problem::NoLanguage => text_in(language, "document-problem-no-language", &[]),
            Problem::NoTitle => text_in(language, "document-problem-no-title", &[]),
            Problem::TitleNotShown => text_in(language, "document-problem-title-not-shown", &[]),
            Problem::Scanned => text_in(language, "document-problem-scanned", &[]),
            Problem::Locked => text_in(language, "document-problem-locked", &[]),
            Problem::Unreadable => text_in(language, "document-problem-unreadable", &[]),
            Problem::Office => text_in(language, "document-problem-office", &[]),
        }
    }

    /// The problem in the messages' words ("inte taggad").
    pub fn text(self) -> String {
        self.text_in(crate::i18n::current())
    }
}

const ALL: [Problem; 8] = [
    Problem::Untagged,
    Problem::NoLanguage,
    Problem::NoTitle,
    Problem::TitleNotShown,
    Problem::Scanned,
    Problem::Locked,
    Problem::Unreadable,
    Problem::Office,
];

/// Where a document stands before the law.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum Standing {
    /// Nothing found.
    Accessible,
    /// It fails, and nobody has said so: a warning.
    Fails,
    /// It fails, and its page's editor has said why (`accessibility:
    /// { status: known, reason }`): listed in the statement, no warning.
    Known(String),
    /// Published before 23 September 2018: outside the law's requirements.
    Exempt,
}

/// One published document.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Document {
    /// The page that publishes it (by position in the pages).
    pub page: usize,
    /// Its name in the page's bundle.
    pub name: String,
    /// Its title in the attachment list, or its name.
    pub title: String,
    pub problems: Vec<Problem>,
    pub standing: Standing,
}

/// A page whose text breaks content rules (`crate::rules`), as the
/// accessibility statement lists it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FailingPage {
    /// The page (by position in the pages).
    pub page: usize,
    /// The rules it breaks, each once.
    pub rules: Vec<&'static str>,
}

/// The template of the accessibility statement, which lists what is not accessible.
pub const STATEMENT_TEMPLATE: &str = "statement.html";

/// The documents of a site.
#[derive(Debug, Clone, Default)]
pub struct Documents {
    /// Every published document, in page order.
    pub all: Vec<Document>,
    /// The pages whose text breaks content rules, in page order; `None`
    /// when no page is the statement (`STATEMENT_TEMPLATE`), which alone
    /// lists them.
    pub pages: Option<Vec<FailingPage>>,
    /// What was kept of each document, same order as `all`.
    found: Vec<Found>,
    /// The pages as reviewed. An edit that leaves the index standing puts
    /// its page in the index's pages, not here: a later review then takes
    /// over nothing of that page, whose warnings point into its old text.
    reviewed: Vec<Arc<Page>>,
}

impl Documents {
    /// The document `name` of page `page`, if it is one.
    pub fn of(&self, page: usize, name: &str) -> Option<&Document> {
        self.on(page).map(|(d, _)| d).find(|d| d.name == name)
    }

    /// The documents of page `page`, with what was kept of each: in page
    /// order, found without reading the other pages' documents.
    fn on(&self, page: usize) -> impl Iterator<Item = (&Document, &Found)> {
        let first = self.all.partition_point(|d| d.page < page);
        let own = self.all[first..].iter().zip(&self.found[first..]);
        own.take_while(move |(d, _)| d.page == page)
    }

    /// The hashes of the PDFs read and what was found in each, as the
    /// site's cache keeps them: sorted, each once.
    fn hashes(&self) -> Vec<(&str, &[Problem])> {
        let read = self.all.iter().zip(&self.found);
        let read = read.filter_map(|(d, f)| Some((f.hash.as_deref()?, &d.problems[..])));
        let mut hashes: Vec<(&str, &[Problem])> = read.collect();
        hashes.sort_unstable();
        hashes.dedup();
        hashes
    }

    /// The pages whose text breaks content rules (none without a statement).
    pub fn failing_pages(&self) -> &[FailingPage] {
        self.pages.as_deref().unwrap_or_default()
    }
}

/// The success criteria of WCAG 2.1 in `criteria`, each once, in order: "1.3.1, 2.4.4".
pub fn criteria_list<'a>(criteria: impl Iterator<Item = &'a str>) -> String {
    let mut criteria: Vec<&str> = criteria.collect();
    criteria.sort_unstable();
    criteria.dedup();
    criteria.join(", ")
}

/// The day from which documents are within the law's requirements.
const IN_FORCE: &str = "2018-09-23";

/// Extensions of the documents looked at.
fn kind(name: &str) -> Option<bool> {
    let extension = name.rsplit_once('.')?.1.to_lowercase();
    match extension.as_str() {
        "pdf" => Some(true),
        "doc" | "docx" | "ppt" | "pptx" | "xls" | "xlsx" | "odt" | "odp" | "ods" => Some(false),
        _ => None,
    }
}

/// What a review found before, in `serve`: `review` takes it over for
/// each page that is the same (the same `Arc`) and publishes the same files,
/// instead of looking at every document and making every warning again. A
/// page whose file or bundle changed was parsed again, so it is not the same.
#[derive(Clone, Copy)]
pub struct Earlier<'a> {
    /// The pages of that review, in content-path order as in every index.
    pages: &'a [Arc<Page>],
    /// The files each of those pages published.
    published: &'a [Vec<Asset>],
    documents: &'a Documents,
}

impl<'a> Earlier<'a> {
    /// The review of `documents`, whose pages published `published`.
    pub fn of(documents: &'a Documents, published: &'a [Vec<Asset>]) -> Earlier<'a> {
        Earlier {
            pages: &documents.reviewed,
            published,
            documents,
        }
    }
}

impl Earlier<'_> {
    /// Where `page` was in the earlier review, when it is the same page
    /// publishing the same files.
    fn same(&self, id: usize, page: &Arc<Page>, published: &[Asset]) -> Option<usize> {
        let at = self.same_page(id, page)?;
        (self.published[at] == published).then_some(at)
    }

    /// Where `page`, now page `id`, was in the earlier review, when it is
    /// the same page: mostly at `id`, when no page came or went.
    fn same_page(&self, id: usize, page: &Arc<Page>) -> Option<usize> {
        let is_same = |at: usize| Arc::ptr_eq(&self.pages[at], page);
        if id < self.pages.len() && is_same(id) {
            return Some(id);
        }
        let at = (self.pages)
            .binary_search_by(|p| p.content_path.cmp(&page.content_path))
            .ok()?;
        is_same(at).then_some(at)
    }
}

/// What `review` keeps of each document beside the `Document`: for the
/// site's cache, and for a later review that takes it over.
#[derive(Debug, Clone)]
struct Found {
    /// The file's hash; `None` when it is not a PDF or could not be read.
    hash: Option<String>,
    /// The warning it gave, shared with the reviews that take it over.
    warning: Option<Arc<Diagnostic>>,
}

/// Checks every document the pages publish (`published[page]`, the bundle
/// files each page publishes) and says what fails at its page; what
/// `earlier` found on a page that is the same is taken over.
pub fn review(
    config: &Config,
    pages: &[Arc<Page>],
    published: &[Vec<Asset>],
    earlier: Option<Earlier<'_>>,
) -> (Documents, Diagnostics) {
    let cache = Cache::new(config);
    let in_force: jiff::civil::Date = IN_FORCE.parse().expect("a date");
    let same = |id: usize| earlier.and_then(|e| Some((e, e.same(id, &pages[id], &published[id])?)));
    // Thousands of failing documents are thousands of warnings: made in parallel.
    let reviewed: Vec<(Document, Found)> = (0..pages.len())
        .into_par_iter()
        .flat_map_iter(|id| match same(id) {
            Some((earlier, at)) => {
                let taken = earlier.documents.on(at).map(move |(document, found)| {
                    let document = Document {
                        page: id,
                        ..document.clone()
                    };
                    (document, found.clone())
                });
                taken.collect::<Vec<_>>()
            }
            None => (published[id].iter())
                .filter_map(|asset| Some((asset, kind(&asset.name)?)))
                .map(|(asset, is_pdf)| {
                    let (hash, problems) = if is_pdf {
                        cache.problems(&asset.source)
                    } else {
                        (None, vec![Problem::Office])
                    };
                    let (document, warning) = document(&pages[id], id, asset, problems, in_force);
                    let warning = warning.map(Arc::new);
                    (document, Found { hash, warning })
                })
                .collect(),
        })
        .collect();
    let (all, found): (Vec<Document>, Vec<Found>) = reviewed.into_iter().unzip();
    let warnings: Diagnostics = (found.iter())
        .filter_map(|f| f.warning.as_deref().cloned())
        .collect();
    let mut documents = Documents {
        all,
        found,
        ..Documents::default()
    };
    // The earlier review left the cache holding what it found: when that is
    // what was found now, there is nothing to write, nor to read.
    let kept_before = earlier.is_some_and(|e| e.documents.hashes() == documents.hashes());
    if !kept_before {
        cache.keep(&config.root, &documents);
    }
    let has_statement = pages
        .iter()
        .any(|page| page.front.template.as_deref() == Some(STATEMENT_TEMPLATE));
    if has_statement {
        documents.pages = Some(failing_pages(config, pages, earlier));
    }
    documents.reviewed = pages.to_vec();
    (documents, warnings)
}

/// Document `asset` of page `id`, found to have `problems`, and its warning
/// when it fails and nobody has said why.
fn document(
    page: &Page,
    id: usize,
    asset: &Asset,
    problems: Vec<Problem>,
    in_force: jiff::civil::Date,
) -> (Document, Option<Diagnostic>) {
    let listed = page.front.attachments.iter().find(|a| a.file == asset.name);
    let exempt = page.date.is_some_and(|d| d.date() < in_force);
    let standing = match listed.and_then(|a| a.accessibility.as_ref()) {
        _ if problems.is_empty() => Standing::Accessible,
        _ if exempt => Standing::Exempt,
        Some(known) => Standing::Known(known.reason.clone()),
        None => Standing::Fails,
    };
    let warning = (standing == Standing::Fails).then(|| warning(page, &asset.name, &problems));
    let document = Document {
        page: id,
        title: listed
            .and_then(|a| a.title.clone())
            .unwrap_or_else(|| asset.name.clone()),
        name: asset.name.clone(),
        problems,
        standing,
    };
    (document, warning)
}

/// The pages whose text breaks a content rule site.yaml leaves on; what
/// `earlier` found of a page that is the same is taken over.
fn failing_pages(
    config: &Config,
    pages: &[Arc<Page>],
    earlier: Option<Earlier<'_>>,
) -> Vec<FailingPage> {
    let on = |rule: &str| config.rule_is_on(rule);
    let before = |id: usize| {
        let earlier = earlier?;
        let failing = earlier.documents.pages.as_deref()?;
        let at = earlier.same_page(id, &pages[id])?;
        let found = failing.binary_search_by_key(&at, |f| f.page);
        Some(found.map_or_else(|_| Vec::new(), |n| failing[n].rules.clone()))
    };
    pages
        .par_iter()
        .enumerate()
        .filter(|(_, page)| !page.is_section_index)
        .filter_map(|(id, page)| {
            let rules = before(id).unwrap_or_else(|| crate::rules::broken(page, on));
            (!rules.is_empty()).then_some(FailingPage { page: id, rules })
        })
        .collect()
}

/// The warning for a failing document, at its line in `attachments:` (or
/// the page's first line when only the text links to it).
fn warning(page: &Page, name: &str, problems: &[Problem]) -> Diagnostic {
    let (line, column) = crate::content::locate_value(
        &page.source,
        page.front.key_lines.get("attachments").copied(),
        name,
    );
    let said: Vec<String> = problems.iter().map(|p| p.text()).collect();
    let criteria = criteria_list(problems.iter().map(|p| p.criterion()));
    let (message, hint) = if problems == [Problem::Office] {
        (
            t!("document-office", file = name),
            t!("document-office-hint"),
        )
    } else {
        (
            t!(
                "document-not-accessible",
                file = name,
                problems = said.join(", "),
                criteria = criteria
            ),
            t!("document-not-accessible-hint"),
        )
    };
    let offset = crate::diagnostics::offset_of(&page.source, line, column);
    let len = if page.source[offset..].starts_with(name) {
        name.len()
    } else {
        0
    };
    Diagnostic::warning(message)
        .at(&page.display_path, &page.source, offset, len)
        .hint(hint)
}

/// What was found in PDFs before: by the file's hash in the site's cache
/// folder (a line per document: its hash and its problems' ids, for the
/// documents the last build published), and in this process by path, size
/// and time, so `serve` does not even hash an unchanged file.
struct Cache {
    site: crate::fs::SiteRoot,
    /// The cache file, read when first asked for.
    path: PathBuf,
    kept: std::sync::OnceLock<HashMap<String, Vec<Problem>>>,
}

/// A file's size and modification time, its hash, and what was found in it.
type Seen = (u64, SystemTime, String, Vec<Problem>);

/// What this process has read, by path.
static SEEN: LazyLock<Mutex<HashMap<PathBuf, Seen>>> = LazyLock::new(Mutex::default);

/// The cache file's name; it changes when the checks change, so older
/// findings are not taken for new.
const CACHE_FILE: &str = "documents-1";

/// A PDF larger than this is not read, and is reported unreadable.
const MAX_PDF_BYTES: u64 = 512 * 1024 * 1024;

impl Cache {
    /// The cache of the site at `config`; read when a document is not known.
    fn new(config: &Config) -> Cache {
        Cache {
            site: config.site.clone(),
            path: config.root.join(crate::config::CACHE_DIR).join(CACHE_FILE),
            kept: std::sync::OnceLock::new(),
        }
    }

    /// What the last build of the site kept.
    fn kept(&self) -> &HashMap<String, Vec<Problem>> {
        self.kept.get_or_init(|| {
            let text = crate::output::own::read_own(&self.site, &self.path)
                .and_then(|bytes| String::from_utf8(bytes).ok())
                .unwrap_or_default();
            text.lines()
                .filter_map(|line| {
                    let mut words = line.split_whitespace();
                    let hash = words.next()?.to_string();
                    let found: Option<Vec<Problem>> = words.map(Problem::from_id).collect();
                    Some((hash, found?))
                })
                .collect()
        })
    }

    /// The hash and the problems of the PDF at `source` (`Unreadable`, and
    /// no hash, when it cannot be read inside the site).
    fn problems(&self, source: &Path) -> (Option<String>, Vec<Problem>) {
        let unreadable = || (None, vec![Problem::Unreadable]);
        let Ok(meta) = std::fs::metadata(source) else {
            return unreadable();
        };
        let (size, time) = (
            meta.len(),
            meta.modified().unwrap_or(SystemTime::UNIX_EPOCH),
        );
        let seen = SEEN.lock().ok().and_then(|seen| seen.get(source).cloned());
        if let Some((s, t, hash, found)) = seen
            && (s, t) == (size, time)
        {
            return (Some(hash), found);
        }
        // Read as every file of the site is: inside it, within a limit.
        let Ok(bytes) = self.site.read(source, MAX_PDF_BYTES) else {
            return unreadable();
        };
        let hash = blake3::hash(&bytes).to_hex()[..32].to_string();
        let found = match self.kept().get(&hash) {
            Some(found) => found.clone(),
            None => pdf::problems(&bytes),
        };
        if let Ok(mut seen) = SEEN.lock() {
            seen.insert(
                source.to_path_buf(),
                (size, time, hash.clone(), found.clone()),
            );
        }
        (Some(hash), found)
    }

    /// Keeps what was found in the documents published now, when it is
    /// not what was kept; a failure only costs the next build the reading.
    fn keep(&self, root: &Path, documents: &Documents) {
        let now = documents.hashes();
        let kept = self.kept();
        let same = now.len() == kept.len()
            && now
                .iter()
                .all(|(hash, p)| kept.get(*hash).map(Vec::as_slice) == Some(*p));
        if same {
            return;
        }
        let lines: Vec<String> = now
            .iter()
            .map(|(hash, problems)| {
                let ids: Vec<&str> = problems.iter().map(|p| p.id()).collect();
                format!("{hash} {}\n", ids.join(" "))
            })
            .collect();
        let dir = root.join(crate::config::CACHE_DIR);
        let _ = crate::output::own::write_new(&dir, CACHE_FILE, |out| {
            std::io::Write::write_all(out, lines.concat().as_bytes())
        });
    }
}
