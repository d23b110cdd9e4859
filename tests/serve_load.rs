//! `arkiv serve` under load: many connections and edits at once.

mod common;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use arkiv::serve::reload::SCRIPT_PATH;
use common::{Fixture, Server, snapshot_dir};

/// Pages, a stylesheet, a feed, a calendar and a path that is not there.
const PATHS: [(&str, u16); 8] = [
    ("", 200),
    ("nyheter/", 200),
    ("om-gr/", 200),
    ("kalender/", 200),
    ("css/site.css", 200),
    ("atom.xml", 200),
    ("kalender.ics", 200),
    ("finns/inte/", 404),
];

const CONNECTIONS: usize = 8;
const REQUESTS: usize = 20_000;

/// Opens the live-reload stream and counts the events that arrive on it.
fn listen(
    server: &Server,
    events: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
) -> thread::JoinHandle<()> {
    let address = server.address();
    thread::spawn(move || {
        let mut stream = TcpStream::connect(&address).unwrap();
        write!(
            stream,
            "GET /__arkiv/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        let mut reader = BufReader::new(stream);
        let mut line = String::new();
        while !stop.load(Ordering::Relaxed) {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) => panic!("the event stream closed under load"),
                Ok(_) if line.starts_with("event:") || line.starts_with("data:") => {
                    events.fetch_add(1, Ordering::Relaxed);
                }
                _ => {}
            }
        }
    })
}

#[test]
fn twenty_thousand_requests_while_pages_are_edited() {
    let fixture = Fixture::sample();
    let server = Server::start(&fixture);
    // Warm means holding all it serves: the search index comes after the
    // first build, on a machine of its own pace.
    server.wait_for(
        "/pagefind/pagefind-entry.json",
        "the search index",
        |s, _| s == 200,
    );
    let url = server.url.clone();
    let done = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let events = Arc::new(AtomicUsize::new(0));
    let listeners: Vec<_> = (0..2)
        .map(|_| listen(&server, Arc::clone(&events), Arc::clone(&stop)))
        .collect();

    let clients: Vec<_> = (0..CONNECTIONS)
        .map(|c| {
            let url = url.clone();
            let done = Arc::clone(&done);
            thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .build()
                    .into();
                let mut failures = Vec::new();
                for n in 0..REQUESTS / CONNECTIONS {
                    let (path, expected) = PATHS[(n + c) % PATHS.len()];
                    let answer = agent
                        .get(format!("{url}{path}"))
                        .call()
                        .map_err(|err| err.to_string())
                        .and_then(|mut r| {
                            let status = r.status().as_u16();
                            r.body_mut()
                                .read_to_vec()
                                .map(|body| (status, body.len()))
                                .map_err(|err| err.to_string())
                        });
                    match answer {
                        Ok((status, len)) if status == expected && len > 0 => {}
                        other => failures.push(format!("/{path}: {other:?}")),
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                }
                failures
            })
        })
        .collect();

    // Edit two pages every 40 ms until the readers are done; note the
    // server's memory once a quarter of the requests are answered.
    let mut warm_kib = None;
    let mut edits = 0;
    let started = Instant::now();
    while done.load(Ordering::Relaxed) < REQUESTS {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "the load did not finish"
        );
        if warm_kib.is_none() && done.load(Ordering::Relaxed) >= REQUESTS / 4 {
            warm_kib = Some(server.resident_kib());
        }
        edits += 1;
        fixture.write(
            "content/om-gr.md",
            &fixture.read("content/om-gr.md").replacen(
                "\n---\n",
                &format!("\n---\nÄndring {edits}.\n\n"),
                1,
            ),
        );
        thread::sleep(Duration::from_millis(40));
    }
    let failures: Vec<String> = clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect();
    let end_kib = server.resident_kib();
    stop.store(true, Ordering::Relaxed);
    for listener in listeners {
        listener.join().unwrap();
    }

    assert!(
        failures.is_empty(),
        "{} failed requests, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
    let warm_kib = warm_kib.expect("memory was measured");
    eprintln!(
        "{REQUESTS} requests, {edits} edits; resident memory {warm_kib} KiB at a quarter, {end_kib} KiB at the end"
    );
    assert!(
        end_kib < warm_kib + 16 * 1024,
        "memory grew from {warm_kib} KiB to {end_kib} KiB"
    );
    assert!(
        events.load(Ordering::Relaxed) > 0,
        "the event streams heard the rebuilds"
    );
    server.wait_for("/om-gr/", "the last edit", |s, b| {
        s == 200 && b.contains(&format!("Ändring {edits}."))
    });
}

#[test]
fn two_hundred_saves_in_two_seconds_end_in_the_final_site() {
    let fixture = Fixture::sample();
    let server = Server::start(&fixture);
    let files = [
        "content/om-gr.md",
        "content/nyheter/2026-11-20-regional-handlingsplan-for-psykisk-halsa.md",
        "content/tillganglighetsredogorelse.md",
    ];
    let originals: Vec<String> = files.iter().map(|f| fixture.read(f)).collect();
    let started = Instant::now();
    for save in 0..200 {
        let which = save % files.len();
        // Each save adds a line after the front matter; every third one also
        // renames the page's title, which moves it in listings and feeds.
        let mut text =
            originals[which].replacen("\n---\n", &format!("\n---\nSparning {save}.\n\n"), 1);
        if save % 3 == 0 {
            text = text.replacen("title: ", &format!("title: Version {save} av "), 1);
        }
        fixture.write(files[which], &text);
        thread::sleep(Duration::from_millis(9));
    }
    let saving = started.elapsed();
    assert!(saving < Duration::from_secs(3), "the saves took {saving:?}");
    server.wait_for("/om-gr/", "the last save", |s, b| {
        s == 200 && b.contains("Sparning 198.")
    });

    // Build the same folder into another output, with the server's address,
    // and compare every file the build wrote with what the server answers.
    let built = fixture.root.parent().unwrap().join("facit");
    let output = fixture.run(&[
        "build",
        "--output",
        built.to_str().unwrap(),
        "--base-url",
        &server.url,
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let script = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut differ = BTreeSet::new();
    let mut compared = 0;
    for (path, bytes) in snapshot_dir(&built) {
        let path = path.to_string_lossy().replace('\\', "/");
        if path == ".arkiv-output" || path.starts_with("pagefind/") {
            continue;
        }
        let url_path = path.strip_suffix("index.html").unwrap_or(&path);
        let served = agent
            .get(format!("{}{}", server.url, url_path))
            .call()
            .unwrap()
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_vec()
            .unwrap();
        let served = if path.ends_with(".html") {
            String::from_utf8(served)
                .unwrap()
                .replace(&script, "")
                .into_bytes()
        } else {
            served
        };
        if served != bytes {
            differ.insert(path);
        }
        compared += 1;
    }
    assert!(compared > 150, "{compared} files compared");
    assert!(
        differ.is_empty(),
        "served differently from a full build: {differ:?}"
    );
}
