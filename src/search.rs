//! Client-side search: a Pagefind index of every page, built from the rendered HTML.
//!
//! In: the index (titles, leads, body text). Out: the files of `/pagefind/`
//! (the index in chunks, its WebAssembly search, and the search interface the
//! theme's `/sok/` page loads). Pagefind stems Swedish words and folds
//! diacritics, so "goteborg" finds "Göteborg" and "konferensen" finds
//! "konferenser". It never reads or writes files.

use std::collections::BTreeMap;

use pagefind::api::{CustomRecord, PagefindIndex, SyntheticFile};
use pagefind::options::PagefindServiceConfig;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::{PageId, SiteIndex};
use crate::output::OutputFile;
use crate::render::Labels;
use crate::text::escape_html;

/// The folder the search files are written to.
use crate::routes::SEARCH_BUNDLE as BUNDLE;

/// One language of the site as the search index reads it.
pub type Language<'a> = (&'a Config, &'a SiteIndex, &'a Labels);

/// Indexes every page's title, lead and text; returns the files of `/pagefind/`.
///
/// Pages go in as records of plain text (title, lead, body) rather than HTML:
/// the text is already at hand, and Pagefind then need not parse 10 000 pages.
/// A site in several languages gets one index per language in the one
/// bundle (Pagefind's multilingual mode): each page's words are stemmed in
/// its language, and the search page finds in its own language's pages.
pub fn index(languages: &[Language<'_>]) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut fragments = Vec::new();
    let mut files = index_with_fragments(languages, &mut |made| fragments.extend(made))?;
    files.append(&mut fragments);
    Ok(files)
}

/// `index`, handing each page's fragment file (what a result shows of it) to
/// `fragments` a few hundred at a time while the index is still being built,
/// so a build can write them meanwhile; returns the other files.
pub fn index_with_fragments(
    languages: &[Language<'_>],
    fragments: &mut (dyn FnMut(Vec<OutputFile>) + Send),
) -> Result<Vec<OutputFile>, Diagnostics> {
    let mut clock = crate::timing::Stopwatch::from_env();
    let records: Vec<(Record, &str)> = languages
        .iter()
        .flat_map(|&(config, site, labels)| {
            let language = config.language.as_str();
            site.listed_pages()
                .map(move |id| (Record::of(config, site, labels, id), language))
        })
        .collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| failure(&err.to_string()))?;
    // One language is forced on every page, as the site's pages all have it.
    let only = (languages.len() == 1).then(|| languages[0].0.language.clone());
    let make = move || {
        runtime.block_on(async move {
            let options = PagefindServiceConfig::builder();
            let options = match only {
                Some(language) => options.force_language(language).build(),
                None => options.build(),
            };
            let index = PagefindIndex::new(Some(options))?;
            clock.lap("search: records");
            let records = records.into_iter().map(|(record, language)| CustomRecord {
                url: record.url,
                content: record.content,
                language: language.to_string(),
                meta: record.meta,
                filters: record.filters,
                sort: BTreeMap::new(),
            });
            let mut hand_out = |made: Vec<SyntheticFile>| {
                fragments(made.into_iter().map(output_file).collect());
            };
            let files = index
                .records_into_files_with_fragments(records.collect(), &mut hand_out)
                .await;
            clock.lap("search: indexed");
            files
        })
    };
    // Pagefind's parallel work runs on rayon's threads, and a thread waiting
    // for it may take on other work meanwhile: in a process that makes
    // several sites at once (the tests), another site's index, whose
    // runtime cannot start inside this one. That one is made on a thread of
    // its own.
    let bundle = if tokio::runtime::Handle::try_current().is_ok() {
        std::thread::scope(|scope| scope.spawn(make).join())
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    } else {
        make()
    };
    let bundle = bundle.map_err(|err| failure(&err.to_string()))?;
    Ok(bundle.into_iter().map(output_file).collect())
}

/// A file of Pagefind's bundle, at its place in the output.
fn output_file(file: SyntheticFile) -> OutputFile {
    let name = crate::diagnostics::display_path(std::path::Path::new(""), &file.filename);
    OutputFile::bytes(format!("{BUNDLE}/{name}"), file.contents)
}

/// One page as Pagefind indexes it.
struct Record {
    url: String,
    content: String,
    meta: BTreeMap<String, String>,
    filters: BTreeMap<String, Vec<String>>,
}

impl Record {
    fn of(config: &Config, site: &SiteIndex, labels: &Labels, id: PageId) -> Record {
        let page = &site.pages[id];
        let body = &site.bodies[id];
        let mut content = String::with_capacity(body.text.len() + 200);
        content.push_str(&page.front.title);
        content.push_str(".\n");
        if let Some(summary) = &page.front.summary {
            content.push_str(summary);
            content.push('\n');
        }
        content.push_str(&body.text);
        // Who spoke, who came and who took the notes are found by name.
        for name in people(page) {
            content.push('\n');
            content.push_str(&name);
        }
        let mut meta = BTreeMap::from([("title".to_string(), page.front.title.clone())]);
        if let Some(date) = &page.date {
            // Pagefind's result shows a field under its name: "Publicerad: 26 mars 2024".
            meta.insert(
                labels.get("search_date").to_string(),
                crate::text::long_date(date.date(), &config.language),
            );
        }
        let mut filters = BTreeMap::new();
        filters.insert(
            labels.get("filter_kind").to_string(),
            vec![labels.kind(page.kind).to_string()],
        );
        if !page.front.topics.is_empty() {
            // Pagefind's UI shows filter values as HTML; titles and passages it
            // escapes itself.
            filters.insert(
                labels.get("filter_topic").to_string(),
                page.front.topics.iter().map(|t| escape_html(t)).collect(),
            );
        }
        if !page.front.municipalities.is_empty() {
            filters.insert(
                labels.get("filter_municipality").to_string(),
                page.front
                    .municipalities
                    .iter()
                    .map(|t| escape_html(t))
                    .collect(),
            );
        }
        if let Some(date) = &page.date {
            filters.insert(
                labels.get("filter_year").to_string(),
                vec![date.date().year().to_string()],
            );
        }
        Record {
            url: config.url(&page.path),
            content,
            meta,
            filters,
        }
    }
}

/// The people a page names besides its text: speakers, attendees (with
/// their organisations) and note takers (`extra.note_takers`).
fn people(page: &crate::content::Page) -> Vec<String> {
    let front = &page.front;
    let mut people = Vec::new();
    // "Namn, roll, organisation", leaving out what is not given.
    let joined = |parts: &[Option<&String>]| {
        let given: Vec<&str> = parts.iter().flatten().map(|p| p.as_str()).collect();
        given.join(", ")
    };
    for speaker in &front.speakers {
        let parts = [
            Some(&speaker.name),
            speaker.role.as_ref(),
            speaker.organisation.as_ref(),
        ];
        people.push(joined(&parts));
    }
    for attendee in &front.attendees {
        people.push(joined(&[
            Some(&attendee.name),
            attendee.organisation.as_ref(),
        ]));
    }
    match front.extra.get("note_takers") {
        Some(serde_json::Value::String(name)) => people.push(name.clone()),
        Some(serde_json::Value::Array(names)) => {
            people.extend(names.iter().filter_map(|n| n.as_str().map(str::to_string)))
        }
        _ => {}
    }
    people
}

fn failure(reason: &str) -> Diagnostics {
    Diagnostic::usage(t!("search-failed", reason = reason))
        .hint(t!("search-failed-hint"))
        .into()
}
