//! The pages the search tests index, shared with `upstream/`, which writes
//! what Pagefind as published (unpatched) makes of them into
//! `upstream.txt`.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;

/// A page as it is given to Pagefind, in the language `sv`.
#[derive(Clone)]
pub struct Page {
    pub url: String,
    pub content: String,
    pub meta: BTreeMap<String, String>,
    pub filters: BTreeMap<String, Vec<String>>,
    pub sort: BTreeMap<String, String>,
}

/// Words of the kinds Pagefind treats each in its own way: Swedish words with
/// diacritics (kept as variants), compounds split at hyphens, dots and case,
/// numbers with a decimal point, punctuation around words.
const WORDS: &[&str] = &[
    "Göteborgsregionens",
    "kommuner",
    "samarbetar",
    "om",
    "kompetensförsörjning,",
    "konferensen",
    "Mölndal.",
    "Molndal",
    "Kungälv",
    "Öckerö",
    "förskolan",
    "Nära-vård",
    "GöteborgsRegionen",
    "70.2",
    "2024-03-26",
    "sysconfig.is_python_build",
    "(Ale)",
    "e-post:",
    "café",
    "cafe",
    "utredningen",
    "hållbar",
    "–",
    "budgeten",
];

/// 150 pages, each with a title, some with a date or a sort key, one without
/// any word and with a metadata field no other page has; with `repeat`, one
/// URL is given twice (the later record replaces the earlier, as in Pagefind).
pub fn site(repeat: bool) -> Vec<Page> {
    let mut seed: u64 = 2024;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut records: Vec<Page> = (0..150)
        .map(|n| {
            let length = 20 + next() % 80;
            let words: Vec<&str> = (0..length).map(|_| WORDS[next() % WORDS.len()]).collect();
            let mut meta =
                BTreeMap::from([("title".to_string(), format!("Nyhet {n} om {}", words[0]))]);
            if n % 3 == 0 {
                meta.insert("date".into(), format!("{} mars 2024", 1 + n % 28));
            }
            let mut sort = BTreeMap::new();
            if n % 4 == 0 {
                sort.insert("vikt".to_string(), (next() % 50).to_string());
            }
            Page {
                url: format!("/nyheter/nyhet-{n}/"),
                content: format!("Nyhet {n}.\n{}", words.join(" ")),
                meta,
                filters: BTreeMap::from([(
                    "Typ".to_string(),
                    vec![if n % 2 == 0 { "Nyhet" } else { "Konferens" }.to_string()],
                )]),
                sort,
            }
        })
        .collect();
    records.insert(
        70,
        Page {
            url: "/bilder/utan-ord/".into(),
            content: "— … !".into(),
            meta: BTreeMap::from([
                ("title".to_string(), "Bild".to_string()),
                ("bild".to_string(), "/bilder/a.jpg".to_string()),
            ]),
            filters: BTreeMap::new(),
            sort: BTreeMap::new(),
        },
    );
    if repeat {
        let mut again = records[3].clone();
        again.content = "Ersatt text om Kungälv.".into();
        records.push(again);
    }
    records
}

/// Every file's name and content, gzip unpacked.
pub fn unpacked(files: impl IntoIterator<Item = (PathBuf, Vec<u8>)>) -> BTreeMap<String, Vec<u8>> {
    files
        .into_iter()
        .map(|(filename, mut contents)| {
            if contents.starts_with(&[0x1f, 0x8b]) {
                let mut plain = Vec::new();
                flate2::read::GzDecoder::new(&contents[..])
                    .read_to_end(&mut plain)
                    .expect("a gzipped chunk unpacks");
                contents = plain;
            }
            (filename.to_string_lossy().into_owned(), contents)
        })
        .collect()
}

/// One line per file: its name and a 64-bit FNV-1a hash of what it unpacks to.
pub fn fingerprint(files: &BTreeMap<String, Vec<u8>>) -> String {
    files
        .iter()
        .map(|(name, contents)| {
            let hash = contents.iter().fold(0xcbf29ce484222325u64, |hash, byte| {
                (hash ^ u64::from(*byte)).wrapping_mul(0x100000001b3)
            });
            format!("{name} {hash:016x}\n")
        })
        .collect()
}
