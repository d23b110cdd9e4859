//! The changes arkiv makes to Pagefind (vendor/pagefind, PATCHES.md) give the
//! index Pagefind itself gives: records added in one parallel batch and built
//! without a copy of the pages make the same files, byte for byte once
//! unpacked, as records added one at a time and built as before.

use std::collections::BTreeMap;
use std::io::Read;

use pagefind::api::{CustomRecord, PagefindIndex};
use pagefind::options::PagefindServiceConfig;

/// Records with Swedish text, shared words across pages, a filter, and one
/// URL given twice (the later record replaces the earlier, as Pagefind does).
fn records() -> Vec<CustomRecord> {
    let mut records: Vec<CustomRecord> = (0..120)
        .map(|n| CustomRecord {
            url: format!("/nyheter/nyhet-{n}/"),
            content: format!(
                "Nyhet {n}. Göteborgsregionens kommuner samarbetar om kompetensförsörjning, \
                 konferensen nummer {n} och {} deltagare i Mölndal.",
                n * 7
            ),
            language: "sv".into(),
            meta: BTreeMap::from([("title".to_string(), format!("Nyhet {n}"))]),
            filters: BTreeMap::from([(
                "Typ".to_string(),
                vec![if n % 2 == 0 { "Nyhet" } else { "Konferens" }.to_string()],
            )]),
            sort: BTreeMap::new(),
        })
        .collect();
    let mut again = records[3].clone();
    again.content = "Ersatt text om Kungälv.".into();
    records.push(again);
    records
}

fn options() -> PagefindServiceConfig {
    PagefindServiceConfig::builder()
        .force_language("sv".to_string())
        .build()
}

/// Every file's name and content, gzip unpacked.
fn unpacked(files: Vec<pagefind::api::SyntheticFile>) -> BTreeMap<String, Vec<u8>> {
    files
        .into_iter()
        .map(|file| {
            let mut contents = file.contents;
            if contents.starts_with(&[0x1f, 0x8b]) {
                let mut plain = Vec::new();
                flate2::read::GzDecoder::new(&contents[..])
                    .read_to_end(&mut plain)
                    .expect("a gzipped chunk unpacks");
                contents = plain;
            }
            (file.filename.to_string_lossy().into_owned(), contents)
        })
        .collect()
}

fn one_at_a_time() -> BTreeMap<String, Vec<u8>> {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let mut index = PagefindIndex::new(Some(options())).unwrap();
        for record in records() {
            index
                .add_custom_record(
                    record.url,
                    record.content,
                    record.language,
                    Some(record.meta),
                    Some(record.filters),
                    None,
                )
                .await
                .unwrap();
        }
        unpacked(index.get_files().await.unwrap())
    })
}

fn in_one_batch() -> (BTreeMap<String, Vec<u8>>, usize) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let mut index = PagefindIndex::new(Some(options())).unwrap();
        let added = index.add_custom_records(records()).await.unwrap();
        let words = added.iter().map(|a| a.as_ref().unwrap().page_word_count);
        assert!(
            words.clone().all(|count| count > 0),
            "every record has words"
        );
        (unpacked(index.into_files().await.unwrap()), added.len())
    })
}

#[test]
fn a_batch_built_once_gives_the_index_one_record_at_a_time_gives() {
    let expected = one_at_a_time();
    let (got, added) = in_one_batch();
    assert_eq!(added, records().len(), "one answer per record");
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "the same files"
    );
    for (name, contents) in &expected {
        assert!(got[name] == *contents, "{name} differs");
    }
    // 120 pages, the repeated URL once: its later text is what is indexed.
    let fragments: Vec<&Vec<u8>> = got
        .iter()
        .filter(|(name, _)| name.starts_with("fragment/"))
        .map(|(_, contents)| contents)
        .collect();
    assert_eq!(fragments.len(), 120);
    let text = |c: &Vec<u8>| String::from_utf8_lossy(c).into_owned();
    assert!(fragments.iter().any(|c| text(c).contains("Kungälv")));
    assert!(
        !fragments
            .iter()
            .any(|c| text(c).contains("konferensen nummer 3 "))
    );
}

#[test]
fn chunks_are_gzip_with_pagefinds_marker() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let files = runtime.block_on(async {
        let mut index = PagefindIndex::new(Some(options())).unwrap();
        index.add_custom_records(records()).await.unwrap();
        index.into_files().await.unwrap()
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
        chunks.len() > 120,
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
