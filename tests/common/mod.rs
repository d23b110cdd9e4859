//! Shared helpers for integration tests: copy a fixture site into a temporary
//! folder (with the repository's theme), build it, and read what a reader sees.

#![allow(
    dead_code,
    reason = "each test file uses a different part of the helpers"
)]

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use arkiv::diagnostics::Diagnostics;
use arkiv::{BuildOptions, BuildReport};
use scraper::{Html, Selector};
use tempfile::TempDir;

/// The moment builds in tests are made at (noon, 23 November 2026, in
/// Stockholm), so results do not change with the date.
pub fn test_now() -> jiff::Timestamp {
    "2026-11-23T11:00:00Z".parse().expect("a moment")
}

/// The repository's root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A PDF that passes the accessibility checks of `arkiv::documents`:
/// tagged, titled and in Swedish (made by `tests/fixtures/make_pdf.py`).
pub fn accessible_pdf() -> Vec<u8> {
    std::fs::read(
        repo().join("tests/fixtures/bundle-with-pdf/content/konferenser/arsmote-2024/program.pdf"),
    )
    .expect("the fixture's PDF")
}

/// A site in a temporary folder.
pub struct Fixture {
    dir: Arc<TempDir>,
    /// The site's root.
    pub root: PathBuf,
}

impl Fixture {
    /// Copies `tests/fixtures/<name>/` and the repository's `themes/`.
    pub fn copy(name: &str) -> Fixture {
        let fixture = Fixture::empty();
        copy_dir(&repo().join("tests/fixtures").join(name), &fixture.root);
        copy_themes(&fixture.root);
        fixture
    }

    /// Copies the repository's own sample archive (content, site.yaml, themes).
    pub fn sample() -> Fixture {
        let fixture = Fixture::empty();
        copy_dir(&repo().join("content"), &fixture.root.join("content"));
        copy_themes(&fixture.root);
        fs::copy(repo().join("site.yaml"), fixture.root.join("site.yaml")).unwrap();
        fixture
    }

    /// The sample archive in Swedish alone: its English pages and
    /// `translations:` left out, as a site in one language.
    pub fn sample_in_swedish() -> Fixture {
        let fixture = Fixture::sample();
        let content = fixture.root.join("content");
        for entry in walkdir::WalkDir::new(&content) {
            let path = entry.unwrap().into_path();
            if path.to_string_lossy().ends_with(".en.md") {
                fs::remove_file(path).unwrap();
            }
        }
        let yaml = fixture.read("site.yaml");
        let yaml = yaml.replace("languages: [sv, en]", "language: sv");
        let swedish = yaml.split("\n# The English site").next().unwrap();
        fixture.write("site.yaml", swedish);
        fixture
    }

    fn empty() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(&root).unwrap();
        Fixture {
            dir: Arc::new(dir),
            root,
        }
    }

    /// Build options for this site.
    pub fn options(&self) -> BuildOptions {
        BuildOptions {
            now: Some(test_now()),
            ..BuildOptions::new(&self.root)
        }
    }

    /// Builds; panics with the diagnostics if the build fails.
    pub fn build(&self) -> Built {
        self.build_with(self.options())
    }

    /// Builds with `opts`; panics with the diagnostics if the build fails.
    pub fn build_with(&self, opts: BuildOptions) -> Built {
        let output = opts.output_dir();
        match arkiv::build(&opts) {
            Ok(report) => Built {
                _dir: Arc::clone(&self.dir),
                output,
                report,
            },
            Err(errors) => panic!("build failed:\n{}", render(&errors)),
        }
    }

    /// Builds and returns the diagnostics; panics if the build succeeds.
    pub fn build_errors(&self) -> Diagnostics {
        match arkiv::build(&self.options()) {
            Ok(_) => panic!("the build succeeded, but errors were expected"),
            Err(errors) => errors,
        }
    }

    /// Runs the `arkiv` binary in the site's folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_arkiv"))
            .args(args)
            .current_dir(&self.root)
            .env("NO_COLOR", "1")
            // Tests read English unless they ask for Swedish (`--messages sv`).
            .env("ARKIV_MESSAGES", "en")
            .output()
            .unwrap()
    }

    /// Writes `text` to `path` (relative to the site root), making folders.
    pub fn write(&self, path: &str, text: &str) {
        let path = self.root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// Adds `text` at the end of a file of the site.
    pub fn append(&self, path: &str, text: &str) {
        self.write(path, &(self.read(path) + text));
    }

    /// Replaces the first `from` in a file of the site; `from` must be there.
    pub fn replace(&self, path: &str, from: &str, to: &str) {
        let text = self.read(path);
        assert!(text.contains(from), "{path} has no {from:?}");
        self.write(path, &text.replacen(from, to, 1));
    }

    /// Replaces the text of `path` from the first `start` up to (not
    /// including) the next `end` after it with `to`.
    #[allow(dead_code, reason = "not every test binary rewrites a span")]
    pub fn replace_span(&self, path: &str, (start, end): (&str, &str), to: &str) {
        let text = self.read(path);
        let from = text
            .find(start)
            .unwrap_or_else(|| panic!("{path} has no {start:?}"));
        let until = from
            + text[from..]
                .find(end)
                .unwrap_or_else(|| panic!("{path} has no {end:?}"));
        self.write(path, &format!("{}{to}{}", &text[..from], &text[until..]));
    }

    /// Reads a file of the site.
    pub fn read(&self, path: &str) -> String {
        fs::read_to_string(self.root.join(path)).unwrap()
    }

    /// The default output folder.
    pub fn public(&self) -> PathBuf {
        self.root.join("public")
    }
}

/// A built site; it keeps the fixture's folder alive.
pub struct Built {
    _dir: Arc<TempDir>,
    /// The output folder.
    pub output: PathBuf,
    /// What the build reported.
    pub report: BuildReport,
}

impl Built {
    /// Parses an output HTML file.
    pub fn html(&self, path: &str) -> Page {
        let text = fs::read_to_string(self.output.join(path))
            .unwrap_or_else(|err| panic!("{path} was not written: {err}"));
        Page(Html::parse_document(&text))
    }

    /// True if the output has `path`.
    pub fn has(&self, path: &str) -> bool {
        self.output.join(path).is_file()
    }

    /// Reads an output file as text.
    pub fn text(&self, path: &str) -> String {
        fs::read_to_string(self.output.join(path)).unwrap()
    }
}

/// An HTML page, read through CSS selectors.
pub struct Page(pub Html);

impl Page {
    /// The trimmed, whitespace-folded text of every element matching `selector`.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let selector = Selector::parse(selector).unwrap();
        self.0
            .select(&selector)
            .map(|e| fold(&e.text().collect::<String>()))
            .collect()
    }

    /// The text of the first element matching `selector`.
    pub fn text(&self, selector: &str) -> String {
        self.texts(selector)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    /// Attribute `name` of every element matching `selector`.
    pub fn attrs(&self, selector: &str, name: &str) -> Vec<String> {
        let selector = Selector::parse(selector).unwrap();
        self.0
            .select(&selector)
            .filter_map(|e| e.value().attr(name).map(str::to_string))
            .collect()
    }

    /// All the text of `<main>`.
    pub fn main_text(&self) -> String {
        self.text("main")
    }
}

/// The messages of `diagnostics`, a line each (without the source they point at).
#[allow(dead_code, reason = "not every test binary asks for messages alone")]
pub fn messages(diagnostics: &Diagnostics) -> String {
    let lines: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    lines.join("\n")
}

/// Renders diagnostics as a person sees them, without colour.
pub fn render(diagnostics: &Diagnostics) -> String {
    diagnostics
        .iter()
        .map(|d| d.render_human(false))
        .collect::<Vec<_>>()
        .join("\n")
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Copies a folder tree.
/// Copies the repository's `themes/` into the site at `root`, without the
/// theme's copy of the editor (6 MB), which only the editor's tests need
/// (`copy_editor`).
pub fn copy_themes(root: &Path) {
    for theme in fs::read_dir(repo().join("themes")).unwrap() {
        let theme = theme.unwrap();
        let to = root.join("themes").join(theme.file_name());
        fs::create_dir_all(&to).unwrap();
        for entry in fs::read_dir(theme.path()).unwrap() {
            let entry = entry.unwrap();
            if entry.file_name() == "editor" {
                continue;
            }
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                fs::copy(entry.path(), target).unwrap();
            }
        }
    }
}

/// Copies the gr theme's copy of the editor (Decap CMS) into the site at `root`.
pub fn copy_editor(root: &Path) {
    copy_dir(
        &repo().join("themes/gr/editor"),
        &root.join("themes/gr/editor"),
    );
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, for comparing output before and after.
pub fn snapshot_dir(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    if !dir.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            files.push((
                entry.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read(entry.path()).unwrap(),
            ));
        }
    }
    files
}

/// A running `arkiv serve`, stopped when dropped.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT/`.
    pub url: String,
}

impl Server {
    pub fn start(fixture: &Fixture) -> Server {
        Server::start_with(fixture, &[])
    }

    /// Starts `arkiv serve` with extra environment variables.
    pub fn start_with(fixture: &Fixture, env: &[(&str, &str)]) -> Server {
        Server::start_serving(fixture, env, &[])
    }

    /// Starts `arkiv serve` with extra arguments (`--editor`).
    pub fn start_with_args(fixture: &Fixture, args: &[&str]) -> Server {
        Server::start_serving(fixture, &[], args)
    }

    fn start_serving(fixture: &Fixture, env: &[(&str, &str)], args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_arkiv"))
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(&fixture.root)
            .env("NO_COLOR", "1")
            .env("ARKIV_MESSAGES", "en")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut lines = BufReader::new(stdout).lines();
        let url = loop {
            let line = lines.next().expect("serve printed its address").unwrap();
            if let Some(at) = line.find("http://") {
                break line[at..].split_whitespace().next().unwrap().to_string();
            }
        };
        // Serving starts before the first build is done: wait for it, so a
        // test's first edit comes after it.
        for line in lines.by_ref() {
            let line = line.expect("serve's output is text");
            if line.starts_with("Built ") || line.starts_with("Build failed") {
                break;
            }
        }
        // Keep reading so the server never blocks on a full pipe.
        std::thread::spawn(move || for _ in lines {});
        Server { child, url }
    }

    pub fn get(&self, path: &str) -> (u16, String) {
        let (status, bytes) = self.get_bytes(path);
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The bytes at `path`, with the status.
    pub fn get_bytes(&self, path: &str) -> (u16, Vec<u8>) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent
            .get(format!("{}{}", self.url, path.trim_start_matches('/')))
            .call()
            .unwrap();
        let status = response.status().as_u16();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_vec()
            .unwrap_or_default();
        (status, bytes)
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The server's resident memory in KiB, from /proc.
    pub fn resident_kib(&self) -> u64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.pid())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmRSS in /proc/PID/status")
    }

    pub fn address(&self) -> String {
        self.url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string()
    }

    /// Sends `request_line` exactly as written, so no client tidies the path first.
    pub fn raw(&self, request_line: &str, extra_headers: &str) -> (u16, String) {
        self.raw_with_body(request_line, extra_headers, "")
    }

    /// `raw`, with `body` after the headers.
    pub fn raw_with_body(
        &self,
        request_line: &str,
        extra_headers: &str,
        body: &str,
    ) -> (u16, String) {
        let mut stream = TcpStream::connect(self.address()).unwrap();
        write!(
            stream,
            "{request_line}\r\nHost: {}\r\n{extra_headers}Connection: close\r\n\r\n{body}",
            self.address()
        )
        .unwrap();
        let mut response = String::new();
        stream
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let _ = stream.read_to_string(&mut response);
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (status, response)
    }

    /// Waits until `path` satisfies `ok`, or fails after a few seconds.
    pub fn wait_for(&self, path: &str, what: &str, ok: impl Fn(u16, &str) -> bool) {
        let started = Instant::now();
        loop {
            let (status, body) = self.get(path);
            if ok(status, &body) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{path}: {what} did not happen; last answer {status}:\n{}",
                &body[..body.len().min(600)]
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A PNG picture of 4 × 3 pixels.
#[allow(dead_code, reason = "not every test binary shows pictures")]
pub fn tiny_png() -> Vec<u8> {
    let picture = image::RgbImage::from_pixel(4, 3, image::Rgb([0, 75, 73]));
    let mut png = Vec::new();
    picture
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    png
}
