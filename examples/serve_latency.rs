//! Measures `arkiv serve` from saving a page to the new page being served.
//!
//! cargo run --release --example serve_latency -- <site folder> [edits]
//!
//! Starts the release `arkiv serve` on the site, then edits one news page's
//! title `edits` times (default 30), each time polling the page over HTTP
//! until the new title is served. Prints the median and spread in ms. The
//! page is restored afterwards.

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
    let (page, url_path) = news_page(&site);
    let original = std::fs::read_to_string(&page).unwrap();

    let mut server = Command::new(&binary)
        .args(["serve", "--port", "0", "--root"])
        .arg(&site)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(server.stdout.take().unwrap()).lines();
    let url = loop {
        let line = lines.next().expect("serve started").unwrap();
        if let Some(at) = line.find("http://") {
            break line[at..].split_whitespace().next().unwrap().to_string();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let page_url = format!("{}{}", url.trim_end_matches('/'), url_path);

    let mut times = Vec::with_capacity(edits);
    for n in 0..edits {
        std::thread::sleep(Duration::from_millis(300));
        let marker = format!("Mätning {n} {}", std::process::id());
        let text = replace_title(&original, &marker);
        let saved = Instant::now();
        std::fs::write(&page, text).unwrap();
        loop {
            let body = agent
                .get(&page_url)
                .call()
                .ok()
                .and_then(|mut r| r.body_mut().read_to_string().ok())
                .unwrap_or_default();
            if body.contains(&marker) {
                break;
            }
            assert!(
                saved.elapsed() < Duration::from_secs(20),
                "the edit was never served"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        times.push(saved.elapsed().as_secs_f64() * 1000.0);
    }
    std::fs::write(&page, original).unwrap();
    let _ = server.kill();
    let _ = server.wait();

    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "serve edit-to-served over {} edits: median {:.0} ms (min {:.0}, p90 {:.0}, max {:.0})",
        times.len(),
        at(0.5),
        times[0],
        at(0.9),
        times[times.len() - 1]
    );
}

/// The first news page in the site, and its URL path.
fn news_page(site: &Path) -> (PathBuf, String) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(site.join("content/nyheter"))
        .expect("the site has content/nyheter/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    let page = files.into_iter().next().expect("a news page as a file");
    let stem = page.file_stem().unwrap().to_string_lossy().into_owned();
    let slug = if stem.len() > 11 && stem.as_bytes()[10] == b'-' {
        stem[11..].to_string()
    } else {
        stem
    };
    (page, format!("/nyheter/{slug}/"))
}

fn replace_title(text: &str, title: &str) -> String {
    text.lines()
        .map(|line| {
            if line.starts_with("title:") {
                format!("title: \"{title}\"")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}
