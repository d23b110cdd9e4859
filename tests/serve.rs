//! `arkiv serve` as a user meets it: a real server on a free loopback port,
//! files edited on disk, pages fetched over HTTP.

mod common;

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use arkiv::serve::http::HEADER_READ_TIMEOUT;
use common::{Fixture, Server};

#[test]
fn edits_creations_deletions_and_renames_are_served() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    let (status, body) = server.get("/nyheter/start/");
    assert_eq!(status, 200);
    assert!(
        body.contains("/__arkiv/live.js"),
        "the reload script is injected"
    );
    assert!(!fixture.public().exists(), "serve never writes public/");

    let text = fixture
        .read("content/nyheter/2023-05-17-start.md")
        .replace("Start för", "Nystart för");
    fixture.write("content/nyheter/2023-05-17-start.md", &text);
    server.wait_for("/nyheter/start/", "the edited title", |s, b| {
        s == 200 && b.contains("Nystart för")
    });
    server.wait_for("/nyheter/", "the edited title in the listing", |_, b| {
        b.contains("Nystart för")
    });
    server.wait_for(
        "/program/yrkesresan/",
        "the title on the programme page",
        |_, b| b.contains("Nystart för"),
    );

    fixture.write(
        "content/nyheter/2024-02-02-ny.md",
        "---\ntitle: Alldeles ny\ntopics: [Ny term]\n---\nNy text.\n",
    );
    server.wait_for("/nyheter/ny/", "the new page", |s, b| {
        s == 200 && b.contains("Alldeles ny")
    });
    server.wait_for("/nyheter/", "the new page in the listing", |_, b| {
        b.contains("Alldeles ny")
    });
    server.wait_for("/amnen/ny-term/", "the new topic", |s, _| s == 200);
    server.wait_for("/arkiv/2024/02/", "the new archive month", |s, b| {
        s == 200 && b.contains("Alldeles ny")
    });

    std::fs::rename(
        fixture.root.join("content/nyheter/2024-02-02-ny.md"),
        fixture.root.join("content/nyheter/2024-02-02-omdopt.md"),
    )
    .unwrap();
    server.wait_for("/nyheter/omdopt/", "the renamed page", |s, _| s == 200);
    server.wait_for("/nyheter/ny/", "the old name gone", |s, _| s == 404);

    std::fs::remove_file(fixture.root.join("content/nyheter/2024-02-02-omdopt.md")).unwrap();
    server.wait_for("/nyheter/omdopt/", "the deleted page gone", |s, _| s == 404);
    server.wait_for(
        "/nyheter/",
        "the deleted page gone from the listing",
        |_, b| !b.contains("Alldeles ny"),
    );
    server.wait_for("/amnen/ny-term/", "the emptied topic gone", |s, _| s == 404);
}

#[test]
fn a_broken_edit_keeps_the_last_good_page_and_shows_the_error() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    let good = fixture.read("content/om.md");
    fixture.write("content/om.md", "---\ntitle: [trasig\n---\n");
    server.wait_for("/om/", "the error overlay", |s, b| {
        s == 200 && b.contains("arkiv-fel") && b.contains("content/om.md:2")
    });
    let (_, body) = server.get("/om/");
    assert!(
        body.contains("Om oss"),
        "the last good page is still served"
    );

    fixture.write("content/om.md", &good.replace("Om oss.", "Om oss, lagat."));
    server.wait_for("/om/", "the fixed page without overlay", |s, b| {
        s == 200 && b.contains("lagat") && !b.contains("id=\"arkiv-fel\"")
    });
}

/// What the browser is told of a failed build is its errors; its warnings,
/// which may be thousands, are only in the terminal.
#[test]
fn a_failed_build_tells_the_browser_its_errors_without_the_warnings() {
    let fixture = Fixture::copy("links");
    fixture.write(
        "content/gammal.md",
        "---\ntitle: Gammal\n---\nSe [nyheten](/news/2016/gammal/).\n",
    );
    fixture.write("content/om.md", "---\ntitle: [trasig\n---\n");
    let server = Server::start(&fixture);
    let mut failed = None;
    for line in open_events(&server).lines() {
        let line = line.unwrap();
        if let Some(data) = line.strip_prefix("data:")
            && data.contains("content/om.md:2")
        {
            failed = Some(data.to_string());
            break;
        }
    }
    let failed = failed.expect("the build's error was sent");
    assert!(!failed.contains("/news/2016/gammal/"), "{failed}");
}

#[test]
fn only_the_built_site_is_served() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    for path in [
        "/../site.yaml",
        "/%2e%2e/site.yaml",
        "/nyheter/..%2f..%2fsite.yaml",
        "/%2E%2E%5Csite.yaml",
        "/..%5c..%5csite.yaml",
        "/content/om.md",
        "/nyheter/../../content/om.md",
    ] {
        let (status, response) = server.raw(&format!("GET {path} HTTP/1.1"), "");
        assert_eq!(status, 404, "{path}");
        assert!(
            !response.contains("title: Länktest") && !response.contains("Om oss."),
            "{path}"
        );
    }
    let (status, _) = server.raw("GET /nyheter/start HTTP/1.1", "");
    assert_eq!(status, 301, "a folder without its slash redirects");
}

#[test]
fn content_types_are_right() {
    let fixture = Fixture::copy("bundle-with-pdf");
    let server = Server::start(&fixture);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    for (path, expected) in [
        ("", "text/html; charset=utf-8"),
        ("css/site.css", "text/css"),
        ("konferenser/arsmote-2024/program.pdf", "application/pdf"),
        ("sitemap.xml", "text/xml"),
        ("__arkiv/live.js", "text/javascript; charset=utf-8"),
    ] {
        let response = agent.get(format!("{}{path}", server.url)).call().unwrap();
        let content_type = response
            .headers()
            .get("content-type")
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        assert_eq!(response.status().as_u16(), 200, "{path}");
        assert!(content_type.starts_with(expected), "{path}: {content_type}");
    }
}

#[test]
fn the_event_stream_refuses_other_sites() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    let (status, _) = server.raw(
        "GET /__arkiv/events HTTP/1.1",
        "Origin: http://evil.example\r\n",
    );
    assert_eq!(status, 403);
    let mut stream = TcpStream::connect(server.address()).unwrap();
    write!(
        stream,
        "GET /__arkiv/events HTTP/1.1\r\nHost: evil.example\r\n\r\n"
    )
    .unwrap();
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).unwrap();
    assert_eq!(&head, b"HTTP/1.1 403");
}

/// How long a test waits for the server to close a stalled connection: its
/// timeout and room for a busy machine.
fn disconnect_bound() -> Duration {
    HEADER_READ_TIMEOUT + Duration::from_secs(10)
}

/// Reads until the server closes `stream`; false if it is still open after `within`.
fn is_closed_within(stream: &mut TcpStream, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    let mut buf = [0u8; 1024];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        stream.set_read_timeout(Some(left)).unwrap();
        match stream.read(&mut buf) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(err) if err.kind() == ErrorKind::ConnectionReset => return true,
            Err(err) if matches!(err.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return false;
            }
            Err(err) => panic!("reading from the server: {err}"),
        }
    }
}

/// Reads one response with a `Content-Length` from `reader`: its status and body.
fn read_response(reader: &mut BufReader<TcpStream>) -> (u16, String) {
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut length = 0;
    loop {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if line.trim_end().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// Opens the event stream and reads its status line.
fn open_events(server: &Server) -> BufReader<TcpStream> {
    let mut stream = TcpStream::connect(server.address()).unwrap();
    write!(
        stream,
        "GET /__arkiv/events HTTP/1.1\r\nHost: {}\r\n\r\n",
        server.address()
    )
    .unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream);
    let mut status = String::new();
    reader.read_line(&mut status).unwrap();
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    reader
}

#[test]
fn a_client_that_stops_in_its_request_line_is_disconnected() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    let mut stream = TcpStream::connect(server.address()).unwrap();
    stream.write_all(b"GET /nyheter/ HT").unwrap();
    assert!(
        is_closed_within(&mut stream, disconnect_bound()),
        "a half-sent request line kept its connection open"
    );
    let (status, _) = server.get("/");
    assert_eq!(status, 200);
}

#[test]
fn the_event_stream_outlasts_the_header_timeout() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    let mut events = open_events(&server);
    std::thread::sleep(HEADER_READ_TIMEOUT + Duration::from_secs(2));
    fixture.replace("content/om.md", "Om oss.", "Om oss, igen.");
    let mut line = String::new();
    loop {
        line.clear();
        let read = events
            .read_line(&mut line)
            .expect("an event after the edit");
        assert_ne!(read, 0, "the event stream was closed");
        if line.starts_with("event: reload") {
            break;
        }
    }
}

#[test]
fn a_kept_alive_connection_serves_one_request_after_another() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    let stream = TcpStream::connect(server.address()).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut reader = BufReader::new(stream);
    for (path, expected) in [("/om/", "Om oss."), ("/nyheter/start/", "Start för")] {
        write!(
            reader.get_mut(),
            "GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n",
            server.address()
        )
        .unwrap();
        let (status, body) = read_response(&mut reader);
        assert_eq!(status, 200, "{path}");
        assert!(body.contains(expected), "{path}");
    }
}

#[test]
fn a_request_for_another_host_is_refused() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    for path in ["/", "/om/", "/__arkiv/live.js", "/__arkiv/events"] {
        let (status, _) = server.raw(&format!("GET http://evil.example{path} HTTP/1.1"), "");
        assert_eq!(status, 400, "{path}");
    }
    let own = format!("GET http://{}/om/ HTTP/1.1", server.address());
    let (status, response) = server.raw(&own, "");
    assert_eq!(status, 200, "an absolute address of this server");
    assert!(response.contains("Om oss."));
}

#[test]
fn a_request_with_two_host_headers_is_refused() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    for path in ["/", "/om/", "/__arkiv/live.js", "/__arkiv/events"] {
        let (status, _) = server.raw(&format!("GET {path} HTTP/1.1"), "Host: evil.example\r\n");
        assert_eq!(status, 400, "{path}");
        let twice = format!("Host: {}\r\n", server.address());
        let (status, _) = server.raw(&format!("GET {path} HTTP/1.1"), &twice);
        assert_eq!(status, 400, "{path}, the same Host twice");
    }
}

/// Past the cap, a client waits for a connection to close instead of being
/// served at once, and the server answers again when the others are gone.
#[test]
fn connections_past_the_cap_wait_and_do_not_stop_the_server() {
    let fixture = Fixture::copy("links");
    let server = Server::start_with(&fixture, &[("ARKIV_SERVE_MAX_CONNECTIONS", "2")]);
    // Event streams stay open, so they hold the two places however slow the test is.
    let streams = [open_events(&server), open_events(&server)];
    let mut waiting = TcpStream::connect(server.address()).unwrap();
    write!(
        waiting,
        "GET /om/ HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.address()
    )
    .unwrap();
    let extra: Vec<TcpStream> = (0..8)
        .map(|_| TcpStream::connect(server.address()).unwrap())
        .collect();
    waiting
        .set_read_timeout(Some(Duration::from_secs(1)))
        .unwrap();
    let mut first = [0u8; 1];
    let early = waiting.read(&mut first);
    assert!(
        matches!(&early, Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut)),
        "a client past the cap was answered while the cap was reached: {early:?}"
    );
    drop(streams);
    drop(extra);
    waiting
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut response = String::new();
    waiting.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let (status, _) = server.get("/");
    assert_eq!(status, 200);
}

#[test]
fn requests_succeed_while_pages_are_rebuilt() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    let url = server.url.clone();
    let readers: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            std::thread::spawn(move || {
                let agent: ureq::Agent = ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .build()
                    .into();
                let mut failures = 0;
                for n in 0..150 {
                    let path = ["", "nyheter/", "nyheter/start/", "om/", "css/site.css"][n % 5];
                    match agent.get(format!("{url}{path}")).call() {
                        Ok(response) if response.status().as_u16() == 200 => {}
                        other => {
                            failures += 1;
                            if failures < 3 {
                                eprintln!("{path}: {:?}", other.map(|r| r.status()));
                            }
                        }
                    }
                }
                failures
            })
        })
        .collect();
    for n in 0..20 {
        fixture.write(
            "content/om.md",
            &format!("---\ntitle: Om oss {n}\nweight: 1\n---\nVersion {n}.\n"),
        );
        std::thread::sleep(Duration::from_millis(25));
    }
    let failures: usize = readers.into_iter().map(|r| r.join().unwrap()).sum();
    assert_eq!(failures, 0);
    server.wait_for("/om/", "the last version", |s, b| {
        s == 200 && b.contains("Version 19.")
    });
}

/// The taxonomies fixture, built once in a `serve` session.
fn started() -> (Fixture, arkiv::pipeline::session::Session) {
    let fixture = Fixture::copy("taxonomies");
    let mut session = arkiv::pipeline::session::Session::new(fixture.options());
    session.full_build().unwrap();
    (fixture, session)
}

mod partial_rebuilds {
    use super::Fixture;
    use arkiv::pipeline::session::Change;
    use arkiv::pipeline::session::{Session, Update};

    fn paths(update: &Update) -> Vec<String> {
        let mut paths: Vec<String> = update.files.iter().map(|f| f.path.clone()).collect();
        paths.sort();
        paths
    }

    use super::started;

    /// The text of the file at `path` that `update` writes.
    fn text(update: &Update, path: &str) -> String {
        let file = update.files.iter().find(|f| f.path == path).unwrap();
        match &file.contents {
            arkiv::output::Contents::Bytes(bytes) => String::from_utf8(bytes.clone()).unwrap(),
            _ => panic!("{path} is not made by the build"),
        }
    }

    fn edit(fixture: &Fixture, session: &mut Session, path: &str, from: &str, to: &str) -> Update {
        let text = fixture.read(path);
        assert!(text.contains(from), "{path} has {from}");
        fixture.write(path, &text.replace(from, to));
        session
            .apply(&[Change::Content(fixture.root.join(path))])
            .unwrap()
    }

    #[test]
    fn an_edit_re_renders_the_page_and_only_the_listings_that_show_it() {
        let (fixture, mut session) = started();
        let update = edit(
            &fixture,
            &mut session,
            "content/nyheter/2021-05-01-aldre-nyhet.md",
            "Den äldre.",
            "Den allra äldsta.",
        );
        assert!(!update.is_full && !update.reload_all);
        assert_eq!(
            paths(&update),
            [
                "amnen/barn-och-unga/atom.xml",
                "amnen/barn-och-unga/sida/2/index.html",
                "amnen/oppna-data/atom.xml",
                "amnen/oppna-data/index.html",
                "arkiv/2021/05/index.html",
                "arkiv/2021/index.html",
                "atom.xml",
                "index.html",
                "kommuner/ale/index.html",
                "kommuner/ockero/index.html",
                "nyheter/aldre-nyhet/index.html",
                "nyheter/atom.xml",
                // Two news items that show it under "Relaterat".
                "nyheter/mellan/index.html",
                "nyheter/nyare-nyhet/index.html",
                "nyheter/sida/2/index.html",
            ],
            "the sitemap shows addresses and dates only: it stays"
        );
    }

    #[test]
    fn a_title_edit_is_previewed_alone_then_the_listings_follow() {
        let (fixture, mut session) = started();
        let path = "content/nyheter/2021-05-01-aldre-nyhet.md";
        let original = fixture.read(path);
        let change = [Change::Content(fixture.root.join(path))];

        fixture.write(
            path,
            &original.replace("title: Äldre nyhet", "title: Omdöpt nyhet"),
        );
        let preview = session.preview(&change).expect("a title edit is previewed");
        assert_eq!(paths(&preview), ["nyheter/aldre-nyhet/index.html"]);
        assert!(text(&preview, "nyheter/aldre-nyhet/index.html").contains("<h1>Omdöpt nyhet</h1>"));
        let update = session.apply(&change).unwrap();
        assert_eq!(
            text(&update, "nyheter/aldre-nyhet/index.html"),
            text(&preview, "nyheter/aldre-nyhet/index.html"),
            "the preview is the page the full rebuild makes"
        );
        assert!(text(&update, "nyheter/sida/2/index.html").contains("Omdöpt nyhet"));

        // What can move the page or change other pages' terms waits for `apply`.
        for other in [
            original.replace(
                "topics: [Barn och unga, Öppna data]",
                "topics: [Öppna data]",
            ),
            original.replace("---\ntitle:", "---\nslug: nytt-namn\ntitle:"),
            original.replace("title: Äldre nyhet", "title: [trasig"),
        ] {
            fixture.write(path, &other);
            assert!(session.preview(&change).is_none(), "{other}");
        }
    }

    #[test]
    fn a_topics_edit_hands_over_the_page_before_the_listings() {
        let (fixture, mut session) = started();
        let path = "content/nyheter/2021-05-01-aldre-nyhet.md";
        let change = [Change::Content(fixture.root.join(path))];
        fixture.replace(
            path,
            "topics: [Barn och unga, Öppna data]",
            "topics: [Öppna data, Nytt ämne]",
        );
        assert!(session.preview(&change).is_none());
        let mut firsts = Vec::new();
        let update = session
            .apply_with(&change, &mut |first| firsts.push(first))
            .unwrap();
        let [first] = &firsts[..] else {
            panic!("one early update, got {}", firsts.len());
        };
        assert_eq!(paths(first), ["nyheter/aldre-nyhet/index.html"]);
        assert!(text(first, "nyheter/aldre-nyhet/index.html").contains("/amnen/nytt-amne/"));
        assert_eq!(
            text(&update, "nyheter/aldre-nyhet/index.html"),
            text(first, "nyheter/aldre-nyhet/index.html"),
            "the early page is the page the whole rebuild makes"
        );
        assert!(text(&update, "amnen/nytt-amne/index.html").contains("Äldre nyhet"));
        assert!(
            update
                .removed
                .iter()
                .any(|p| p.starts_with("amnen/barn-och-unga/sida/2/"))
        );
    }

    #[test]
    fn a_failing_rebuild_takes_back_the_page_it_handed_over() {
        let (fixture, mut session) = started();
        // The alias is the path the new topic's page would have: the outputs clash.
        fixture.replace(
            "content/nyheter/2022-01-15-mellan.md",
            "---\ntitle:",
            "---\naliases: [amnen/nytt-amne]\ntitle:",
        );
        session
            .apply(&[Change::Content(
                fixture.root.join("content/nyheter/2022-01-15-mellan.md"),
            )])
            .unwrap();
        let path = "content/nyheter/2021-05-01-aldre-nyhet.md";
        // Saving the page unchanged gives the page as the last good site serves it.
        let before = session
            .apply(&[Change::Content(fixture.root.join(path))])
            .unwrap();
        fixture.replace(
            path,
            "topics: [Barn och unga, Öppna data]",
            "topics: [Nytt ämne]",
        );
        let mut firsts = Vec::new();
        let errors = session
            .apply_with(&[Change::Content(fixture.root.join(path))], &mut |first| {
                firsts.push(first)
            })
            .unwrap_err();
        assert!(errors.to_string().contains("amnen/nytt-amne"), "{errors}");
        let [early, taken_back] = &firsts[..] else {
            panic!(
                "the page, then the page as it was; got {} updates",
                firsts.len()
            );
        };
        let page = "nyheter/aldre-nyhet/index.html";
        assert!(text(early, page).contains("/amnen/nytt-amne/"));
        assert_eq!(text(taken_back, page), text(&before, page));
        assert!(taken_back.removed.is_empty());
    }

    #[test]
    fn nothing_is_handed_over_early_while_templates_are_re_rendered() {
        let (fixture, mut session) = started();
        // The page's template works; the listing's fails when it renders.
        fixture.replace(
            "themes/gr/templates/section.html",
            "<h1>{{ section.title }}</h1>",
            "<h1>{{ section.title }}{{ no_such_value }}</h1>",
        );
        let path = "content/nyheter/2021-05-01-aldre-nyhet.md";
        fixture.replace(
            path,
            "topics: [Barn och unga, Öppna data]",
            "topics: [Nytt ämne]",
        );
        let mut firsts = Vec::new();
        let changes = [Change::Content(fixture.root.join(path)), Change::Template];
        assert!(
            session
                .apply_with(&changes, &mut |first| firsts.push(first))
                .is_err()
        );
        assert!(
            firsts.is_empty(),
            "a page rendered with templates that fail elsewhere was handed over"
        );
    }

    #[test]
    fn a_new_date_moves_the_page_between_archive_months_and_listing_pages() {
        let (fixture, mut session) = started();
        // Newest first, "Mellan" moves to the top of page 1; page 2 (Äldre nyhet) stays as it was.
        let update = edit(
            &fixture,
            &mut session,
            "content/nyheter/2022-01-15-mellan.md",
            "date: 2022-01-15T10:30:00+01:00",
            "date: 2024-06-01",
        );
        assert!(
            update
                .removed
                .contains(&"arkiv/2022/01/index.html".to_string()),
            "{:?}",
            update.removed
        );
        assert!(
            update
                .removed
                .contains(&"arkiv/2022/index.html".to_string())
        );
        let written = paths(&update);
        for path in [
            "arkiv/2024/06/index.html",
            "arkiv/2024/index.html",
            "arkiv/index.html",
            "nyheter/index.html",
        ] {
            assert!(written.contains(&path.to_string()), "{path} in {written:?}");
        }
        assert!(
            !written.contains(&"nyheter/sida/2/index.html".to_string()),
            "{written:?}"
        );
    }

    #[test]
    fn a_template_change_re_renders_everything() {
        let (_fixture, mut session) = started();
        let update = session.apply(&[Change::Template]).unwrap();
        assert!(update.is_full && update.reload_all);
        assert!(paths(&update).contains(&"css/site.css".to_string()));
    }

    #[test]
    fn a_failed_rebuild_changes_nothing_and_is_retried() {
        let (fixture, mut session) = started();
        let path = "content/nyheter/2023-05-01-nyare-nyhet.md";
        let good = fixture.read(path);
        fixture.write(path, &good.replace("title: Nyare nyhet", "title: [trasig"));
        let errors = session
            .apply(&[Change::Content(fixture.root.join(path))])
            .unwrap_err();
        assert_eq!(
            errors.iter().next().unwrap().location().as_deref(),
            Some("content/nyheter/2023-05-01-nyare-nyhet.md:2:8")
        );
        fixture.write(
            path,
            &good.replace("title: Nyare nyhet", "title: Lagad nyhet"),
        );
        let other = fixture
            .root
            .join("content/nyheter/2021-05-01-aldre-nyhet.md");
        let update = session.apply(&[Change::Content(other)]).unwrap();
        assert!(
            paths(&update).contains(&"nyheter/nyare-nyhet/index.html".to_string()),
            "the broken page is retried"
        );
    }
}

/// Sequences of edits after which the served site must equal a fresh full build.
mod same_as_a_full_build {
    use std::collections::BTreeMap;

    use super::{Fixture, started};
    use arkiv::BuildOptions;
    use arkiv::output::OutputFile;
    use arkiv::pipeline::session::Change;
    use arkiv::pipeline::session::{Session, Update};

    /// What the server would hold: output path → bytes (or the copied file's path).
    struct Served {
        session: Session,
        files: BTreeMap<String, Vec<u8>>,
        opts: BuildOptions,
    }

    fn bytes(file: &OutputFile) -> Vec<u8> {
        file.contents.read().unwrap_or_default()
    }

    impl Served {
        fn start(fixture: &Fixture, opts: BuildOptions) -> Served {
            let mut served = Served {
                session: Session::new(opts.clone()),
                files: BTreeMap::new(),
                opts,
            };
            let update = served.session.full_build().unwrap();
            served.take(update);
            let _ = fixture;
            served
        }

        fn take(&mut self, update: Update) {
            if update.is_full {
                self.files.clear();
            }
            for path in &update.removed {
                self.files.remove(path);
            }
            for file in &update.files {
                self.files.insert(file.path.clone(), bytes(file));
            }
        }

        /// The served file at `path`, as text.
        fn text(&self, path: &str) -> String {
            String::from_utf8(self.files[path].clone()).unwrap()
        }

        /// As the server does: the edited pages first, then the rest.
        fn apply(&mut self, changes: &[Change]) {
            let mut firsts = Vec::new();
            let update = self
                .session
                .apply_with(changes, &mut |first| firsts.push(first))
                .unwrap_or_else(|e| panic!("{e}"));
            for first in firsts {
                self.take(first);
            }
            self.take(update);
        }

        /// As the watcher does: `preview`, then `apply`.
        fn preview_and_apply(&mut self, changes: &[Change]) {
            if let Some(preview) = self.session.preview(changes) {
                self.take(preview);
            }
            self.apply(changes);
        }

        fn assert_same_as_full_build(&self) {
            let (_, files) = arkiv::render_site(&self.opts).unwrap();
            let full: BTreeMap<String, Vec<u8>> = files
                .iter()
                .filter(|f| !f.path.starts_with("pagefind/"))
                .map(|f| (f.path.clone(), bytes(f)))
                .collect();
            let served: BTreeMap<String, Vec<u8>> = self
                .files
                .iter()
                .filter(|(p, _)| !p.starts_with("pagefind/"))
                .map(|(p, b)| (p.clone(), b.clone()))
                .collect();
            let missing: Vec<&String> = full.keys().filter(|k| !served.contains_key(*k)).collect();
            let extra: Vec<&String> = served.keys().filter(|k| !full.contains_key(*k)).collect();
            let stale: Vec<&String> = full
                .iter()
                .filter(|(k, v)| served.get(*k).is_some_and(|s| s != *v))
                .map(|(k, _)| k)
                .collect();
            assert!(
                missing.is_empty() && extra.is_empty() && stale.is_empty(),
                "missing {missing:?}\nextra {extra:?}\nstale {stale:?}"
            );
        }
    }

    fn edit(fixture: &Fixture, path: &str, from: &str, to: &str) -> Change {
        let text = fixture.read(path);
        assert!(text.contains(from), "{path} has {from}");
        fixture.write(path, &text.replace(from, to));
        Change::Content(fixture.root.join(path))
    }

    /// Text edits that keep a page in its place skip indexing in `apply`;
    /// a title that moves the page, a page with an event (the calendar lists
    /// it by title) and a plain page (in every page's footer) do not.
    #[test]
    fn after_text_and_title_edits_as_the_watcher_sends_them() {
        let fixture = Fixture::copy("taxonomies");
        fixture.write(
            "content/nyheter/2023-05-01-samma-dag.md",
            "---\ntitle: Samma dag\ntopics: [Äldreomsorg]\n---\nText.\n",
        );
        fixture.write(
            "content/konferenser/2024-09-01-hostkonferens.md",
            "---\ntitle: Höstkonferens\nevent:\n  start: 2024-09-01T09:00:00+02:00\n---\nText.\n",
        );
        fixture.write("content/om-oss.md", "---\ntitle: Om oss\n---\nText.\n");
        let mut served = Served::start(&fixture, fixture.options());
        let news = "content/nyheter/2021-05-01-aldre-nyhet.md";
        let same_day = "content/nyheter/2023-05-01-nyare-nyhet.md";
        for (path, from, to) in [
            (
                news,
                "---\nText.",
                "---\nEn längre text om den äldre nyheten.",
            ),
            (news, "summary: Den äldre.", "summary: Den äldsta av alla."),
            (news, "title: Äldre nyhet", "title: Ännu äldre nyhet"),
            // Same date as "Samma dag": the title decides which comes first.
            (same_day, "title: Nyare nyhet", "title: Nyaste nyhet"),
            (same_day, "title: Nyaste nyhet", "title: Ånyo en nyhet"),
            (
                "content/konferenser/2024-09-01-hostkonferens.md",
                "title: Höstkonferens",
                "title: Vinterkonferens",
            ),
            ("content/om-oss.md", "title: Om oss", "title: Om förbundet"),
        ] {
            served.preview_and_apply(&[edit(&fixture, path, from, to)]);
            served.assert_same_as_full_build();
        }
    }

    /// A section's intro names a programme; a theme that shows it must show
    /// the programme's new title after an edit.
    #[test]
    fn after_a_title_edit_of_a_programme_a_section_intro_names() {
        let fixture = Fixture::copy("taxonomies");
        fixture.write(
            "content/program/nara-vard.md",
            "---\ntitle: Nära vård\n---\nProgrammet.\n",
        );
        fixture.write(
            "content/nyheter/_index.md",
            "---\ntitle: Nyheter\nprogramme: nara-vard\n---\nNyheter från förbundet.\n",
        );
        fixture.replace(
            "themes/gr/templates/section.html",
            "{%- if section.intro.lead %}",
            "{%- if section.intro.programme %}<p>{{ section.intro.programme.title }}</p>{% endif %}\n{%- if section.intro.lead %}",
        );
        let mut served = Served::start(&fixture, fixture.options());
        served.preview_and_apply(&[edit(
            &fixture,
            "content/program/nara-vard.md",
            "title: Nära vård",
            "title: Nära vård i regionen",
        )]);
        served.assert_same_as_full_build();
    }

    /// A site's own templates show what the gr theme does not: a page's
    /// `extra` value and, in the section listing, each item's municipalities.
    /// What an output shows is recorded while it renders, so an edit of
    /// either reaches every output that shows it.
    #[test]
    fn after_edits_of_fields_only_a_site_template_shows() {
        let fixture = Fixture::copy("taxonomies");
        fixture.write(
            "templates/news.html",
            "<h1>{{ page.title }}</h1><p class=\"banner\">{{ page.extra.banner | default(value=\"\") }}</p>\n",
        );
        fixture.write(
            "templates/section.html",
            "{% for item in paginator.items %}<p>{{ item.title }}:{% for m in item.municipalities %} {{ m.title }}{% endfor %}</p>{% endfor %}\n",
        );
        let mellan = "content/nyheter/2022-01-15-mellan.md";
        fixture.replace(
            mellan,
            "summary: Mitt emellan.",
            "summary: Mitt emellan.\nextra:\n  banner: Gul",
        );
        let mut served = Served::start(&fixture, fixture.options());
        served.preview_and_apply(&[edit(&fixture, mellan, "banner: Gul", "banner: Blå")]);
        served.assert_same_as_full_build();
        assert!(served.text("nyheter/mellan/index.html").contains("Blå"));
        let listing = "nyheter/index.html";
        assert!(!served.text(listing).contains("Öckerö"));
        served.preview_and_apply(&[edit(
            &fixture,
            mellan,
            "topics:",
            "municipalities: [Öckerö]\ntopics:",
        )]);
        served.assert_same_as_full_build();
        assert!(served.text(listing).contains("Mellannyhet: Öckerö"));
    }

    #[test]
    fn after_edits_removals_and_respellings() {
        let fixture = Fixture::copy("taxonomies");
        let mut served = Served::start(&fixture, fixture.options());
        served.apply(&[edit(
            &fixture,
            "content/nyheter/2022-01-15-mellan.md",
            "title: Mellannyhet",
            "title: Mittemellan",
        )]);
        served.assert_same_as_full_build();
        // The listing's total ("av 3" → "av 2") changes on page 1 when the oldest page goes.
        let oldest = fixture
            .root
            .join("content/nyheter/2021-05-01-aldre-nyhet.md");
        std::fs::remove_file(&oldest).unwrap();
        served.apply(&[Change::Content(oldest)]);
        served.assert_same_as_full_build();
        // A term keeps the first page's spelling; when that page drops it, the other spelling shows.
        served.apply(&[edit(
            &fixture,
            "content/nyheter/2022-01-15-mellan.md",
            "barn och unga",
            "Barn Och Unga",
        )]);
        served.apply(&[edit(
            &fixture,
            "content/nyheter/2023-05-01-nyare-nyhet.md",
            "Barn och unga, ",
            "",
        )]);
        served.assert_same_as_full_build();
    }

    /// A folder's `_index.md` lists the pages one folder below and heads
    /// their breadcrumbs: adding, retitling and removing one shows there.
    #[test]
    fn after_edits_under_a_folder_page() {
        let fixture = Fixture::copy("taxonomies");
        fixture.write(
            "content/om/_index.md",
            "---\ntitle: Om förbundet\n---\nText.\n",
        );
        fixture.write(
            "content/om/styrelse.md",
            "---\ntitle: Styrelsen\n---\nText.\n",
        );
        let mut served = Served::start(&fixture, fixture.options());
        assert!(served.text("om/index.html").contains("Styrelsen"));
        let added = fixture.root.join("content/om/kansli.md");
        fixture.write("content/om/kansli.md", "---\ntitle: Kansliet\n---\nText.\n");
        served.apply(&[Change::Content(added.clone())]);
        served.assert_same_as_full_build();
        assert!(served.text("om/index.html").contains("Kansliet"));
        for (path, from, to) in [
            (
                "content/om/styrelse.md",
                "title: Styrelsen",
                "title: Förbundsstyrelsen",
            ),
            (
                "content/om/_index.md",
                "title: Om förbundet",
                "title: Om GR",
            ),
        ] {
            served.preview_and_apply(&[edit(&fixture, path, from, to)]);
            served.assert_same_as_full_build();
        }
        std::fs::remove_file(&added).unwrap();
        served.apply(&[Change::Content(added)]);
        served.assert_same_as_full_build();
    }

    #[test]
    fn after_a_template_change_in_the_same_batch_as_an_edit() {
        let fixture = Fixture::copy("taxonomies");
        let mut served = Served::start(&fixture, fixture.options());
        let page = edit(
            &fixture,
            "content/nyheter/2022-01-15-mellan.md",
            "Mitt emellan.",
            "Helt ny ingress.",
        );
        let template = "themes/gr/templates/news.html";
        fixture.write(template, &format!("{}\n", fixture.read(template)));
        served.apply(&[page, Change::Template]);
        served.assert_same_as_full_build();
    }

    #[test]
    fn after_a_shortcode_template_changes_and_a_page_calls_it() {
        let fixture = Fixture::copy("bundle-with-pdf");
        let page = "content/konferenser/arsmote-2024/index.md";
        let mut served = Served::start(&fixture, fixture.options());
        // A page starts calling a shortcode: the edited page alone.
        served.preview_and_apply(&[edit(
            &fixture,
            page,
            "Välkommen till",
            "{% faktaruta(title=\"Kort\") %}\nFakta.\n{% end %}\n\nVälkommen till",
        )]);
        served.assert_same_as_full_build();
        assert!(
            served
                .text("konferenser/arsmote-2024/index.html")
                .contains("Kort")
        );
        // Its template changes: every body that calls it is made again.
        let template = "themes/gr/templates/shortcodes/faktaruta.html";
        fixture.write(
            template,
            &fixture
                .read(template)
                .replace("class=\"factbox\"", "class=\"factbox ny\""),
        );
        served.apply(&[Change::Template]);
        served.assert_same_as_full_build();
        assert!(
            served
                .text("konferenser/arsmote-2024/index.html")
                .contains("factbox ny")
        );
    }

    #[test]
    fn with_the_build_day_given() {
        let fixture = Fixture::copy("bundle-with-pdf");
        let mut opts = fixture.options();
        opts.now = Some("2028-01-01T11:00:00Z".parse().unwrap());
        let mut served = Served::start(&fixture, opts);
        served.apply(&[edit(
            &fixture,
            "content/konferenser/arsmote-2024/index.md",
            "Dokumentation från årsmötet.",
            "Allt om årsmötet.",
        )]);
        served.assert_same_as_full_build();
    }

    #[test]
    fn a_slug_taken_by_another_page_is_refused_as_in_a_build() {
        let (fixture, mut session) = started();
        let change = edit(
            &fixture,
            "content/nyheter/2022-01-15-mellan.md",
            "title: Mellannyhet",
            "title: Mellannyhet\nslug: nyare-nyhet",
        );
        let errors = session.apply(&[change]).unwrap_err();
        assert!(
            errors
                .to_string()
                .contains("two pages want the URL /nyheter/nyare-nyhet/"),
            "{errors}"
        );
    }
}

/// The number of pages the served search index holds, once there is one.
fn indexed_pages(body: &str) -> Option<u64> {
    let entry: serde_json::Value = serde_json::from_str(body).ok()?;
    entry["languages"]["sv"]["page_count"].as_u64()
}

#[test]
fn the_search_index_is_built_beside_serving_and_again_after_an_edit() {
    let fixture = Fixture::copy("links");
    let server = Server::start(&fixture);
    // Pages are served at once; the index follows.
    assert_eq!(server.get("/nyheter/start/").0, 200);
    let entry = "/pagefind/pagefind-entry.json";
    server.wait_for(entry, "the search index", |s, b| {
        s == 200 && indexed_pages(b).is_some()
    });
    let before = indexed_pages(&server.get(entry).1).unwrap();
    assert_eq!(server.get("/pagefind/pagefind.js").0, 200);

    fixture.write(
        "content/nyheter/2024-06-01-sokbar.md",
        "---\ntitle: Sökbar nyhet\n---\nEn ny nyhet om Tjörn.\n",
    );
    server.wait_for("/nyheter/sokbar/", "the new page", |s, _| s == 200);
    server.wait_for(entry, "the index with the new page", |s, b| {
        s == 200 && indexed_pages(b) == Some(before + 1)
    });
    assert_eq!(
        server.get("/pagefind/pagefind.js").0,
        200,
        "the bundle stays whole"
    );
}

/// A build of a site in one language writes each page's search fragment as
/// the index makes it; `serve` takes the whole index at once. Both give the
/// same files.
#[test]
fn the_served_search_index_is_the_built_one() {
    let fixture = Fixture::copy("links");
    for n in 1..=8 {
        fixture.write(
            &format!("content/nyheter/2024-03-{n:02}-nyhet-{n}.md"),
            &format!("---\ntitle: Nyhet {n} om Kungälv\n---\nText nummer {n} om Tjörn.\n"),
        );
    }
    let built = fixture.build();
    let bundle = built.output.join("pagefind");
    let files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(&bundle)
        .into_iter()
        .map(|entry| entry.unwrap().into_path())
        .filter(|path| path.is_file())
        .collect();
    let fragments = files
        .iter()
        .filter(|p| p.to_string_lossy().contains("fragment/"))
        .count();
    let server = Server::start(&fixture);
    let entry = "/pagefind/pagefind-entry.json";
    server.wait_for(entry, "the search index", |s, b| {
        s == 200 && indexed_pages(b).is_some()
    });
    let pages = indexed_pages(&server.get(entry).1).unwrap();
    assert!(pages > 8, "{pages} pages indexed");
    assert_eq!(fragments as u64, pages, "a fragment per page");
    for path in files {
        let name = path
            .strip_prefix(&built.output)
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let (status, served) = server.get_bytes(&format!("/{name}"));
        assert_eq!(status, 200, "{name}");
        assert!(served == std::fs::read(&path).unwrap(), "{name} differs");
    }
}

#[test]
fn the_first_build_hands_over_the_real_start_page_before_the_rest() {
    let fixture = Fixture::sample();
    let mut session = arkiv::pipeline::session::Session::new(fixture.options());
    let mut firsts = Vec::new();
    let update = session
        .full_build_with(&mut |first| firsts.push(first))
        .unwrap();
    let [first] = &firsts[..] else {
        panic!("one early update, got {}", firsts.len());
    };
    let paths: Vec<&str> = first.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["index.html"], "the start page alone comes first");
    let bytes = |u: &arkiv::pipeline::session::Update| match &u
        .files
        .iter()
        .find(|f| f.path == "index.html")
        .unwrap()
        .contents
    {
        arkiv::output::Contents::Bytes(bytes) => bytes.clone(),
        _ => panic!("the start page is rendered"),
    };
    assert_eq!(
        bytes(first),
        bytes(&update),
        "the early start page is the real one"
    );
    let built = fixture.build();
    assert_eq!(
        String::from_utf8(bytes(first)).unwrap(),
        built.text("index.html"),
        "the same bytes as a build writes"
    );
}

#[test]
fn a_new_folder_brings_its_pages_but_not_its_hidden_files() {
    use arkiv::pipeline::session::{Change, Session};
    let fixture = Fixture::copy("links");
    let mut session = Session::new(fixture.options());
    session.full_build().unwrap();
    let page = "---\ntitle: Möte i mappen\n---\nText.\n";
    fixture.write("content/moten/2024-02-01-mote.md", page);
    // An editor's leftovers and hidden files are no content, in a build or here.
    fixture.write("content/moten/.2024-02-02-dold.md", page);
    fixture.write("content/moten/2024-02-03-kopia.md~", page);
    let update = session
        .apply(&[Change::Content(fixture.root.join("content/moten"))])
        .unwrap();
    let paths: Vec<&str> = update.files.iter().map(|f| f.path.as_str()).collect();
    assert!(paths.contains(&"moten/mote/index.html"), "{paths:?}");
    assert!(
        !paths
            .iter()
            .any(|p| p.contains("dold") || p.contains("kopia")),
        "{paths:?}"
    );
    let built = fixture.build();
    assert!(built.has("moten/mote/index.html"));
    assert!(!built.has("moten/dold/index.html"));
}

#[test]
fn a_page_asked_for_during_the_first_build_waits_for_it() {
    use arkiv::output::OutputFile;
    use arkiv::pipeline::session::Update;
    use arkiv::serve::http::{MAX_CONNECTIONS, Shared, serve};
    use std::sync::Arc;

    let root = tempfile::tempdir().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let address = listener.local_addr().unwrap();
    let host = address.to_string();
    let site = arkiv::fs::SiteRoot::new(root.path());
    let shared = Arc::new(Shared::new(vec![host.clone()], true, site));
    runtime.spawn(serve(listener, Arc::clone(&shared), MAX_CONNECTIONS));
    let get = move |path: &str| {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent.get(format!("http://{host}{path}")).call().unwrap();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        (response.status().as_u16(), body)
    };
    let page = |path: &str, text: &str| OutputFile::bytes(path, format!("<p>{text}</p>"));

    // The start page comes first; a request for another page waits for the rest.
    shared.apply(&Update {
        files: vec![page("index.html", "Start")],
        ..Update::default()
    });
    assert_eq!(get("/").0, 200, "the start page is served at once");
    let asked = Instant::now();
    let waiting = std::thread::spawn({
        let get = get.clone();
        move || get("/om/")
    });
    std::thread::sleep(Duration::from_millis(300));
    shared.apply(&Update {
        files: vec![page("index.html", "Start"), page("om/index.html", "Om oss")],
        is_full: true,
        ..Update::default()
    });
    let (status, body) = waiting.join().unwrap();
    assert_eq!(status, 200, "the page came with the rest of the build");
    assert!(body.contains("Om oss"));
    assert!(asked.elapsed() >= Duration::from_millis(300), "it waited");
    // Once the build is whole, what is not there is not waited for.
    let asked = Instant::now();
    assert_eq!(get("/finns-inte/").0, 404);
    assert!(asked.elapsed() < Duration::from_secs(5));
}

/// A picture of `width` × `height` in one colour, as PNG.
fn png(width: u32, height: u32, colour: [u8; 3]) -> Vec<u8> {
    let picture = image::RgbImage::from_pixel(width, height, image::Rgb(colour));
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

#[test]
fn a_picture_replaced_in_its_bundle_is_shown_at_once() {
    let fixture = Fixture::copy("links");
    let page = "content/program/yrkesresan/index.md";
    let picture = fixture.root.join("content/program/yrkesresan/karta.png");
    std::fs::write(&picture, png(800, 600, [200, 30, 30])).unwrap();
    fixture.append(page, "\n![Karta över regionen](karta.png)\n");
    let server = Server::start(&fixture);
    let (_, html) = server.get("/program/yrkesresan/");
    assert!(
        html.contains("karta-800.png") && html.contains("height=\"600\""),
        "{html}"
    );
    // The same name, other pixels and another shape.
    std::fs::write(&picture, png(1000, 500, [30, 30, 200])).unwrap();
    server.wait_for(
        "/program/yrkesresan/",
        "the new picture's size",
        |_, body| body.contains("karta-960.png") && body.contains("height=\"500\""),
    );
    let (status, bytes) = server.get_bytes("/program/yrkesresan/karta-960.png");
    assert_eq!(status, 200);
    let shown = image::load_from_memory(&bytes).unwrap().into_rgb8();
    assert_eq!(shown.dimensions(), (960, 480));
    assert_eq!(shown.get_pixel(10, 10).0, [30, 30, 200]);
    // Pixels changed, size kept: the same addresses serve the new pixels.
    std::fs::write(&picture, png(1000, 500, [30, 160, 30])).unwrap();
    let started = Instant::now();
    loop {
        let (_, bytes) = server.get_bytes("/program/yrkesresan/karta-480.webp");
        let shown = image::load_from_memory(&bytes).map(|p| p.into_rgb8());
        if shown.is_ok_and(|p| p.get_pixel(10, 10).0[1] > 140) {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the new pixels were not served"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The edited page is handed over before the listings, and with it the
/// pictures of its bundle that changed: it is never served before them.
#[test]
fn a_replaced_picture_is_handed_over_with_its_page() {
    use arkiv::pipeline::session::{Change, Session};
    let fixture = Fixture::copy("links");
    let picture = fixture.root.join("content/program/yrkesresan/karta.png");
    std::fs::write(&picture, png(800, 600, [200, 30, 30])).unwrap();
    fixture.append(
        "content/program/yrkesresan/index.md",
        "\n![Karta över regionen](karta.png)\n",
    );
    let mut session = Session::new(fixture.options());
    session.full_build().unwrap();
    std::fs::write(&picture, png(1000, 500, [30, 30, 200])).unwrap();
    let mut firsts = Vec::new();
    session
        .apply_with(&[Change::Content(picture)], &mut |first| firsts.push(first))
        .unwrap();
    let paths: Vec<&str> = (firsts.iter().flat_map(|first| &first.files))
        .map(|file| file.path.as_str())
        .collect();
    assert!(
        paths.contains(&"program/yrkesresan/index.html"),
        "{paths:?}"
    );
    assert!(
        paths.contains(&"program/yrkesresan/karta-960.png"),
        "{paths:?}"
    );
}
