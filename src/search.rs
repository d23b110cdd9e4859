//! Client-side search: a Pagefind index of every page, built from the rendered HTML.
//!
//! In: the rendered output files and the index. Out: the files of
//! `/pagefind/` (the index in chunks, its WebAssembly search, and the
//! search interface the theme's `/sok/` page loads). Pagefind reads what the
//! theme marks with `data-pagefind-body`, stems Swedish words and folds
//! diacritics, so "goteborg" finds "Göteborg" and "konferensen" finds
//! "konferens". It never reads or writes files.

use std::collections::HashMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::{Job, SiteIndex};
use crate::output::{Contents, OutputFile};

/// The folder the search files are written to.
pub const BUNDLE: &str = "pagefind";

/// Indexes every page's HTML in `files`; returns the files of `/pagefind/`.
pub fn index(
    config: &Config,
    site: &SiteIndex,
    files: &[OutputFile],
) -> Result<Vec<OutputFile>, Diagnostics> {
    let html: HashMap<&str, &[u8]> = files
        .iter()
        .filter_map(|file| match &file.contents {
            Contents::Bytes(bytes) => Some((file.path.as_str(), bytes.as_slice())),
            Contents::Copy(_) => None,
        })
        .collect();
    let pages: Vec<(String, String)> = site
        .listed_pages()
        .filter_map(|id| {
            let bytes = html.get(Job::Page(id).path(site).as_str())?;
            Some((
                config.url(&site.pages[id].path),
                String::from_utf8_lossy(bytes).into_owned(),
            ))
        })
        .collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| failure(&err.to_string()))?;
    let language = config.language.clone();
    let bundle = runtime.block_on(async move {
        let options = PagefindServiceConfig::builder()
            .force_language(language)
            .build();
        let mut index = PagefindIndex::new(Some(options))?;
        for (url, html) in pages {
            index.add_html_file(None, Some(url), html).await?;
        }
        index.get_files().await
    });
    let bundle = bundle.map_err(|err| failure(&err.to_string()))?;
    Ok(bundle
        .into_iter()
        .map(|file| {
            let name = crate::diagnostics::display_path(std::path::Path::new(""), &file.filename);
            OutputFile::bytes(format!("{BUNDLE}/{name}"), file.contents)
        })
        .collect())
}

fn failure(reason: &str) -> Diagnostics {
    Diagnostic::usage(format!("the search index could not be built: {reason}"))
        .hint("set `search: false` in site.yaml to build without search, and report the problem")
        .into()
}
