//! Prints the fingerprint of the files Pagefind 1.6.0, unpatched, writes for
//! the search tests' pages, added one record at a time: first the pages
//! without a repeated URL, then with one, after a line `--`.

#[path = "../../records.rs"]
mod records;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    for (n, repeat) in [false, true].into_iter().enumerate() {
        if n > 0 {
            println!("--");
        }
        let files = runtime.block_on(async {
            let options = PagefindServiceConfig::builder()
                .force_language("sv".to_string())
                .build();
            let mut index = PagefindIndex::new(Some(options)).unwrap();
            for record in records::site(repeat) {
                index
                    .add_custom_record(
                        record.url,
                        record.content,
                        "sv".to_string(),
                        Some(record.meta),
                        Some(record.filters),
                        Some(record.sort),
                    )
                    .await
                    .unwrap();
            }
            index.get_files().await.unwrap()
        });
        let files = files.into_iter().map(|file| (file.filename, file.contents));
        print!("{}", records::fingerprint(&records::unpacked(files)));
    }
}
