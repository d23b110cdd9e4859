//! Measures `arkiv serve` from saving a page to the new page being served.
//!
//! cargo run --release --example serve_latency -- <site folder> [edits]
//!
//! Starts the release `arkiv serve` on the site, then edits one news page
//! `edits` times (default 30) in two ways, each time polling over HTTP:
//!
//! - its title: until the new title is served on the page itself, and then
//!   until it is also served on the archive's month page that lists it (the
//!   listings come after the page);
//! - its topics: until the page links its new topic, and then until that
//!   topic's page lists it. A topics edit moves the page between listings, so
//!   it always takes the whole partial rebuild (index, what each output shows,
//!   and the affected outputs); the page itself is served once the index is.
//!
//! Prints the medians and spread in ms. The page is restored afterwards.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(site) = args.next().map(PathBuf::from) else {
        eprintln!("usage: serve_latency <site folder> [edits]");
        std::process::exit(2);
    };
    let edits: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(30);
    let binary = std::env::current_exe()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("arkiv");
    let (page, url_path, month_path) = news_page(&site);
    let original = std::fs::read_to_string(&page).unwrap();

    let mut server = Command::new(&binary)
        .args(["serve", "--port", "0", "--root"])
        .arg(&site)
        .stdout(Stdio::piped())
        // With ARKIV_TIMINGS set, the server prints each rebuild's stages.
        .stderr(if std::env::var_os("ARKIV_TIMINGS").is_some() {
            Stdio::inherit()
        } else {
            Stdio::null()
        })
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("serve started").unwrap();
        if let Some(at) = line.find("http://") {
            break line[at..].split_whitespace().next().unwrap().to_string();
        }
    };
    // With ARKIV_TIMINGS set, the server's "Rebuilt … in … ms" lines too.
    let echo = std::env::var_os("ARKIV_TIMINGS").is_some();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if echo {
                eprintln!("{line}");
            }
        }
    });
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let page_url = format!("{}{}", url.trim_end_matches('/'), url_path);
    let month_url = format!("{}{}", url.trim_end_matches('/'), month_path);
    let fetch = |url: &str| {
        agent
            .get(url)
            .call()
            .ok()
            .and_then(|mut r| r.body_mut().read_to_string().ok())
            .unwrap_or_default()
    };
    let served = |url: &str, marker: &str, saved: Instant| loop {
        if fetch(url).contains(marker) {
            return saved.elapsed().as_secs_f64() * 1000.0;
        }
        assert!(
            saved.elapsed() < Duration::from_secs(20),
            "the edit was never served at {url}"
        );
        std::thread::sleep(Duration::from_millis(1));
    };

    // Serving starts before the first build is done; the page waits for it.
    fetch(&page_url);
    let mut times = Vec::with_capacity(edits);
    let mut listing_times = Vec::with_capacity(edits);
    for n in 0..edits {
        std::thread::sleep(Duration::from_millis(300));
        let marker = format!("Mätning {n} {}", std::process::id());
        let text = replace_line(&original, "title:", &format!("\"{marker}\""));
        let saved = Instant::now();
        std::fs::write(&page, text).unwrap();
        times.push(served(&page_url, &marker, saved));
        listing_times.push(served(&month_url, &marker, saved));
    }

    let mut topic_times = Vec::with_capacity(edits);
    let mut topic_listing_times = Vec::with_capacity(edits);
    for n in 0..edits {
        std::thread::sleep(Duration::from_millis(300));
        let topic = TOPICS[n % TOPICS.len()];
        let marker = format!("/amnen/{}/", arkiv::text::slugify(topic));
        assert!(
            !fetch(&page_url).contains(&marker),
            "the page links {marker} before the edit, so the edit cannot be seen"
        );
        let text = replace_line(&original, "topics:", &format!("[{topic}]"));
        let saved = Instant::now();
        std::fs::write(&page, text).unwrap();
        topic_times.push(served(&page_url, &marker, saved));
        let topic_url = format!("{}{marker}", url.trim_end_matches('/'));
        topic_listing_times.push(served(&topic_url, &url_path, saved));
    }
    std::fs::write(&page, original).unwrap();
    let _ = server.kill();
    let _ = server.wait();

    println!(
        "serve edit-to-served over {edits} edits of each kind: title edit, the page {}, \
         its archive month page {}; topics edit, the page {}, the new topic's page {}",
        summary(&mut times),
        summary(&mut listing_times),
        summary(&mut topic_times),
        summary(&mut topic_listing_times)
    );
}

/// The topics a topics edit gives the page in turn, one at a time: new to the
/// site, as when a writer starts a topic, so each edit also adds a topic page
/// and feed and removes the previous one. No two edits in a row are the same.
const TOPICS: [&str; 3] = ["Mätämne ett", "Mätämne två", "Mätämne tre"];

/// `median 20 ms (min 17, p90 22, max 26)`.
fn summary(times: &mut [f64]) -> String {
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    format!(
        "median {:.0} ms (min {:.0}, p90 {:.0}, max {:.0})",
        at(0.5),
        times[0],
        at(0.9),
        times[times.len() - 1]
    )
}

/// The first news page in the site (a dated file), its URL path and the URL
/// path of its archive month.
fn news_page(site: &Path) -> (PathBuf, String, String) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(site.join("content/nyheter"))
        .expect("the site has content/nyheter/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let page = files
        .into_iter()
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.len() > 11 && name.as_bytes()[10] == b'-' && name[..4].parse::<u32>().is_ok()
        })
        .expect("a news page named YYYY-MM-DD-slug.md");
    let stem = page.file_stem().unwrap().to_string_lossy().into_owned();
    let (year, month) = (&stem[..4], &stem[5..7]);
    (
        page.clone(),
        format!("/nyheter/{}/", &stem[11..]),
        format!("/arkiv/{year}/{month}/"),
    )
}

/// `text` with the front matter line that starts with `key` set to `value`.
fn replace_line(text: &str, key: &str, value: &str) -> String {
    text.lines()
        .map(|line| {
            if line.starts_with(key) {
                format!("{key} {value}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
