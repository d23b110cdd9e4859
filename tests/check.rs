//! `arkiv check` and `arkiv new` as a staff member and CI use them.

mod common;

use common::Fixture;

/// Severity, file, line and message of one finding.
type Finding = (String, String, u64, String);

fn findings(fixture: &Fixture, extra: &[&str]) -> (Option<i32>, Vec<Finding>) {
    let mut args = vec!["check", "--format", "json"];
    args.extend(extra);
    let run = fixture.run(&args);
    let json: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let list = json
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap_or_default().to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (run.status.code(), list)
}

#[test]
fn check_finds_what_readers_would_trip_over() {
    let fixture = Fixture::copy("check-findings");
    let (code, found) = findings(&fixture, &[]);
    assert_eq!(code, Some(1));
    let short: Vec<(&str, &str, u64)> = found
        .iter()
        .map(|(severity, file, line, _)| {
            (severity.as_str(), file.rsplit('/').next().unwrap(), *line)
        })
        .collect();
    assert_eq!(
        short,
        [
            ("error", "index.md", 8),
            ("error", "2024-01-10-forsta.md", 7),
            ("error", "2024-01-10-forsta.md", 8),
            ("warning", "2024-02-10-andra.md", 2),
            ("warning", "2024-02-10-andra.md", 3),
            ("warning", "2024-02-10-andra.md", 7),
            ("error", "2024-02-10-andra.md", 9),
            ("error", "2024-02-10-andra.md", 9),
        ]
    );
    let messages: Vec<&str> = found.iter().map(|f| f.3.as_str()).collect();
    for expected in [
        "the link to `gammalt.pdf` leads to no file",
        "the linked page has no heading `#program`",
        "the link to `/nyheter/finns-inte/` leads to no page",
        "the same title as content/nyheter/2024-01-10-forsta.md",
        "`Aje` is not one of the municipalities site.yaml allows",
        "the heading jumps from level 1 to level 4",
        "the image has no alt text",
    ] {
        assert!(
            messages.iter().any(|m| m.starts_with(expected)),
            "{expected}: {messages:?}"
        );
    }
    assert!(!fixture.public().exists(), "check publishes nothing");
}

#[test]
fn github_format_prints_annotations() {
    let fixture = Fixture::copy("check-findings");
    let run = fixture.run(&["check", "--format", "github"]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.lines().any(|l| l.starts_with("::error file=content/nyheter/2024-01-10-forsta.md,line=8,col=38::the link to `/nyheter/finns-inte/` leads to no page")),
        "{stdout}"
    );
    assert!(
        stdout.lines().any(|l| {
            l.starts_with("::warning file=content/nyheter/2024-02-10-andra.md,line=2,")
        })
    );
    // A page dated ahead is not a finding: it is listed as scheduled.
    assert!(
        stdout.lines().any(|l| {
            l.starts_with("::notice file=content/nyheter/2099-01-01-framtid.md::")
                && l.ends_with("1 January 2099")
        }),
        "{stdout}"
    );
}

#[test]
fn check_lists_scheduled_pages_after_the_findings() {
    let fixture = Fixture::copy("check-findings");
    let run = fixture.run(&["check"]);
    let stderr = String::from_utf8_lossy(&run.stderr);
    let listed = stderr
        .split_once("Scheduled pages")
        .map(|(_, rest)| rest)
        .unwrap_or_else(|| panic!("{stderr}"));
    assert!(
        listed.contains("content/nyheter/2099-01-01-framtid.md: 1 January 2099"),
        "{stderr}"
    );
}

#[test]
fn strict_fails_on_warnings_alone() {
    let fixture = Fixture::copy("taxonomies");
    fixture.write(
        "content/nyheter/2024-01-01-sen.md",
        "---\ntitle: Sen\ntopcis: [Vård]\n---\nText.\n",
    );
    let (code, found) = findings(&fixture, &[]);
    assert_eq!(code, Some(0), "{found:?}");
    assert_eq!(found.len(), 1);
    let (code, _) = findings(&fixture, &["--strict"]);
    assert_eq!(code, Some(1));
}

#[test]
fn the_sample_archive_is_clean_even_strictly() {
    let fixture = Fixture::sample();
    let (code, found) = findings(&fixture, &["--strict"]);
    assert_eq!((code, found), (Some(0), vec![]));
}

#[test]
fn new_writes_a_page_to_fill_in_and_never_overwrites() {
    let fixture = Fixture::copy("taxonomies");
    let run = fixture.run(&["new", "nyheter", "Årsmöte i Göteborg"]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    let path = stdout.trim().strip_prefix("Wrote ").unwrap().to_string();
    assert!(
        path.starts_with("content/nyheter/") && path.ends_with("-arsmote-i-goteborg.md"),
        "{path}"
    );
    let text = fixture.read(&path);
    assert!(
        text.contains("title: \"Årsmöte i Göteborg\"") && text.contains("draft: true"),
        "{text}"
    );
    let again = fixture.run(&["new", "nyheter", "Årsmöte i Göteborg"]);
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(fixture.read(&path), text);
    let wrong = fixture.run(&["new", "blogg", "x"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("nyheter, konferenser"));
    let mut opts = fixture.options();
    opts.drafts = true;
    fixture.build_with(opts);
}

#[test]
fn check_reviews_every_output_but_the_search_index() {
    let fixture = Fixture::sample();
    let (_, reviewed) = arkiv::render_site_to_review(&fixture.options()).unwrap();
    let (_, built) = arkiv::render_site(&fixture.options()).unwrap();
    let is_search = |path: &str| path.starts_with("pagefind/");
    assert!(
        built.iter().any(|file| is_search(&file.path)),
        "the sample builds a search index"
    );
    let mut reviewed: Vec<&str> = reviewed.iter().map(|file| file.path.as_str()).collect();
    let mut built: Vec<&str> = built
        .iter()
        .map(|file| file.path.as_str())
        .filter(|path| !is_search(path))
        .collect();
    reviewed.sort_unstable();
    built.sort_unstable();
    assert_eq!(reviewed, built, "check reviews every other output");
}

#[test]
fn check_in_the_browser_without_chromium_says_how_to_install_it() {
    let fixture = Fixture::copy("taxonomies");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_arkiv"))
        .args(["check", "--browser"])
        .current_dir(&fixture.root)
        .env("NO_COLOR", "1")
        .env("ARKIV_MESSAGES", "en")
        .env("ARKIV_CHROMIUM", fixture.root.join("no-such-chromium"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.contains("`check --browser` needs Chromium"), "{said}");
    assert!(said.contains("apt-get install chromium"), "{said}");
}
