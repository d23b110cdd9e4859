//! The changes arkiv makes to Pagefind (vendor/pagefind, PATCHES.md) give the
//! index Pagefind itself gives. `search/upstream.txt` fingerprints the files
//! Pagefind 1.6.0 as published writes for the pages of `search/records.rs`
//! (made by `search/upstream/`); every way arkiv's copy builds an index must
//! write files that unpack to exactly those bytes.

use std::collections::BTreeMap;
use std::io::Read;

use pagefind::api::{CustomRecord, PagefindIndex, SyntheticFile};
use pagefind::options::PagefindServiceConfig;

#[path = "search/records.rs"]
mod records;

/// What Pagefind as published writes, without and with a repeated URL.
fn upstream(repeat: bool) -> String {
    let all = include_str!("search/upstream.txt");
    let (without, with) = all.split_once("--\n").expect("two parts");
    if repeat { with } else { without }.to_string()
}

fn custom(page: records::Page) -> CustomRecord {
    CustomRecord {
        url: page.url,
        content: page.content,
        language: "sv".into(),
        meta: page.meta,
        filters: page.filters,
        sort: page.sort,
    }
}

fn options() -> PagefindServiceConfig {
    PagefindServiceConfig::builder()
        .force_language("sv".to_string())
        .build()
}

fn unpacked(files: Vec<SyntheticFile>) -> BTreeMap<String, Vec<u8>> {
    records::unpacked(files.into_iter().map(|file| (file.filename, file.contents)))
}

fn one_at_a_time(repeat: bool) -> BTreeMap<String, Vec<u8>> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let mut index = PagefindIndex::new(Some(options())).unwrap();
        for page in records::site(repeat) {
            index
                .add_custom_record(
                    page.url,
                    page.content,
                    "sv".into(),
                    Some(page.meta),
                    Some(page.filters),
                    Some(page.sort),
                )
                .await
                .unwrap();
        }
        unpacked(index.get_files().await.unwrap())
    })
}

fn in_one_batch(repeat: bool) -> BTreeMap<String, Vec<u8>> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let mut index = PagefindIndex::new(Some(options())).unwrap();
        let pages: Vec<CustomRecord> = records::site(repeat).into_iter().map(custom).collect();
        let count = pages.len();
        let added = index.add_custom_records(pages).await.unwrap();
        assert_eq!(added.len(), count, "one answer per record");
        unpacked(index.into_files().await.unwrap())
    })
}

fn fossicked_as_built(repeat: bool) -> BTreeMap<String, Vec<u8>> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let index = PagefindIndex::new(Some(options())).unwrap();
        let pages = records::site(repeat).into_iter().map(custom).collect();
        unpacked(index.records_into_files(pages).await.unwrap())
    })
}

/// `records_into_files_with_fragments`: the fragments handed out as they
/// are made, and the files returned, together.
fn fragments_handed_out(repeat: bool) -> BTreeMap<String, Vec<u8>> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let index = PagefindIndex::new(Some(options())).unwrap();
        let pages = records::site(repeat).into_iter().map(custom).collect();
        let mut fragments = Vec::new();
        let mut rest = index
            .records_into_files_with_fragments(pages, &mut |made| fragments.extend(made))
            .await
            .unwrap();
        // A URL given twice takes the way through `fossick_all`, whose
        // fragments come with the rest.
        assert_eq!(fragments.is_empty(), repeat, "fragments handed out");
        assert!(
            fragments
                .iter()
                .all(|file| file.filename.starts_with("fragment"))
        );
        assert_eq!(
            rest.iter()
                .any(|file| file.filename.starts_with("fragment")),
            repeat,
            "fragments returned"
        );
        rest.extend(fragments);
        unpacked(rest)
    })
}

#[test]
fn every_way_of_indexing_gives_the_files_pagefind_as_published_gives() {
    for repeat in [false, true] {
        let expected = upstream(repeat);
        for (way, files) in [
            ("one record at a time", one_at_a_time(repeat)),
            ("records in one batch", in_one_batch(repeat)),
            (
                "records fossicked as the index is built",
                fossicked_as_built(repeat),
            ),
            (
                "fragments handed out as they are made",
                fragments_handed_out(repeat),
            ),
        ] {
            let got = records::fingerprint(&files);
            assert!(
                got == expected,
                "{way}, repeat {repeat}: files differ from Pagefind's:\n{}",
                differences(&expected, &got)
            );
        }
    }
}

#[test]
fn a_repeated_url_keeps_its_later_text_and_a_page_without_words_is_left_out() {
    let files = fossicked_as_built(true);
    let fragments: Vec<String> = files
        .iter()
        .filter(|(name, _)| name.contains("fragment/"))
        .map(|(_, contents)| String::from_utf8_lossy(contents).into_owned())
        .collect();
    assert_eq!(fragments.len(), 150, "150 pages with words, one URL once");
    assert!(
        fragments
            .iter()
            .any(|c| c.contains("Ersatt text om Kungälv"))
    );
    assert!(!fragments.iter().any(|c| c.contains("utan-ord")));
}

fn differences(expected: &str, got: &str) -> String {
    let expected: Vec<&str> = expected.lines().collect();
    let got: Vec<&str> = got.lines().collect();
    let missing = expected.iter().filter(|line| !got.contains(line));
    let extra = got.iter().filter(|line| !expected.contains(line));
    missing
        .map(|line| format!("- {line}"))
        .chain(extra.map(|line| format!("+ {line}")))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn chunks_are_gzip_with_pagefinds_marker() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let files = runtime.block_on(async {
        let index = PagefindIndex::new(Some(options())).unwrap();
        let pages = records::site(false).into_iter().map(custom).collect();
        index.records_into_files(pages).await.unwrap()
    });
    let chunks: Vec<_> = files
        .iter()
        .filter(|f| {
            f.filename
                .extension()
                .is_some_and(|e| e != "js" && e != "css")
        })
        .filter(|f| f.contents.starts_with(&[0x1f, 0x8b]))
        .collect();
    assert!(
        chunks.len() > 150,
        "fragments, word and filter indexes are packed"
    );
    for chunk in chunks {
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&chunk.contents[..])
            .read_to_end(&mut plain)
            .unwrap();
        assert!(plain.starts_with(b"pagefind_dcd"), "{:?}", chunk.filename);
    }
}
