//! `dates: { updated: git }`: "last updated" from the last commit that
//! changed a page, in a repository made here with commits at chosen dates.

mod common;

use std::path::Path;
use std::process::Command;

use common::Fixture;

/// Runs git in `dir`, failing the test if it fails.
fn git(dir: &Path, args: &[&str], date: &str) {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Redaktör",
            "-c",
            "user.email=red@example.org",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Commits everything in `dir` at `date`, with the message `message`.
fn commit_all(dir: &Path, date: &str, message: &str) {
    git(dir, &["add", "-A"], date);
    git(dir, &["commit", "-q", "-m", message], date);
}

/// The hash of `HEAD` in `dir`.
fn head(dir: &Path) -> String {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "HEAD"])
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

const NEWS: &str = "content/nyheter/2023-05-17-start.md";
const ABOUT: &str = "content/om.md";

/// The links fixture in a repository: everything committed on 1 June 2023,
/// `om.md` changed on 10 February 2024, and the news item changed on
/// 1 September 2024 by a commit listed in `.arkiv-ignore-revs`.
fn repository() -> Fixture {
    let fixture = Fixture::copy("links");
    fixture.append("site.yaml", "dates:\n  updated: git\n");
    git(&fixture.root, &["init", "-q"], "2023-06-01T10:00:00+02:00");
    commit_all(
        &fixture.root,
        "2023-06-01T10:00:00+02:00",
        "Första versionen",
    );
    fixture.append(ABOUT, "\nEn rad till.\n");
    commit_all(&fixture.root, "2024-02-10T09:00:00+01:00", "Om GR");
    fixture.append(NEWS, "\nRättat stavfel.\n");
    commit_all(
        &fixture.root,
        "2024-09-01T12:00:00+02:00",
        "Rättade stavfel överallt",
    );
    let bulk = head(&fixture.root);
    fixture.write(".arkiv-ignore-revs", &format!("# massrättningar\n{bulk}\n"));
    fixture
}

#[test]
fn last_updated_is_the_last_commit_that_counts() {
    let fixture = repository();
    let built = fixture.build();
    assert!(!built.report.no_history);
    assert!(
        built.report.warnings.is_empty(),
        "{}",
        common::render(&built.report.warnings)
    );
    // om.md has no date of its own: its last commit dates it.
    let about = built.text("om/index.html");
    assert!(about.contains("datetime=\"2024-02-10\""), "{about}");
    // The news item's last change was the bulk fix, which does not count.
    let news = built.text("nyheter/start/index.html");
    assert!(news.contains("datetime=\"2023-06-01\""), "{news}");
    assert!(!news.contains("2024-09-01"), "{news}");
    let sitemap = built.text("sitemap.xml");
    assert!(
        sitemap.contains("<lastmod>2024-02-10</lastmod>"),
        "{sitemap}"
    );
}

#[test]
fn updated_in_the_front_matter_or_before_the_date_is_kept() {
    let fixture = repository();
    let first = |path: &str, line: &str| {
        let text = fixture
            .read(path)
            .replacen("---\n", &format!("---\n{line}\n"), 1);
        fixture.write(path, &text);
    };
    first(ABOUT, "updated: 2022-01-01");
    // Dated after every commit: no "last updated" earlier than the date.
    first(NEWS, "date: 2025-01-01");
    commit_all(&fixture.root, "2024-03-01T10:00:00+01:00", "Datum");
    let built = fixture.build();
    let about = built.text("om/index.html");
    assert!(about.contains("datetime=\"2022-01-01\""), "{about}");
    assert!(!about.contains("2024-03-01"), "{about}");
    let news = built.html("nyheter/start/index.html");
    assert_eq!(news.texts(".meta-item time").len(), 1, "only the date");
}

#[test]
fn a_new_commit_makes_the_next_build_not_up_to_date() {
    let fixture = repository();
    let output = fixture.root.join("ut");
    let mut opts = fixture.options();
    opts.output = Some(output.clone());
    arkiv::build(&opts).unwrap();
    assert!(arkiv::build(&opts).unwrap().is_up_to_date);
    // The commit changes no file of the site, only the history.
    git(
        &fixture.root,
        &["commit", "-q", "--allow-empty", "-m", "Tom"],
        "2024-10-01T10:00:00+02:00",
    );
    assert!(!arkiv::build(&opts).unwrap().is_up_to_date);
}

#[test]
fn a_shallow_clone_is_said_once_and_gives_no_dates() {
    let fixture = repository();
    let clone = fixture.root.parent().unwrap().join("grund");
    let source = format!("file://{}", fixture.root.display());
    git(
        fixture.root.parent().unwrap(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            &source,
            clone.to_str().unwrap(),
        ],
        "2024-10-01T10:00:00+02:00",
    );
    let mut opts = fixture.options();
    opts.root = clone.clone();
    opts.output = Some(clone.join("public"));
    let report = arkiv::build(&opts).unwrap();
    let warnings = common::render(&report.warnings);
    let warnings = warnings.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(report.warnings.len(), 1, "{warnings}");
    assert!(warnings.contains("shallow clone"), "{warnings}");
    assert!(warnings.contains("fetch-depth: 0"), "{warnings}");
    let about = std::fs::read_to_string(clone.join("public/om/index.html")).unwrap();
    assert!(!about.contains("datetime=\"2024-"), "{about}");
}

#[test]
fn without_a_repository_the_front_matter_dates_are_used_and_a_note_says_so() {
    let fixture = Fixture::copy("links");
    fixture.append("site.yaml", "dates:\n  updated: git\n");
    let built = fixture.build();
    assert!(built.report.no_history);
    assert!(built.report.warnings.is_empty());
    let output = fixture.run(&["build"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("not in a git repository"), "{said}");
}

#[test]
fn serve_reads_the_history_again_when_an_edit_comes_after_a_commit() {
    use arkiv::pipeline::session::{Change, Session};
    let fixture = repository();
    let mut session = Session::new(fixture.options());
    session.full_build().unwrap();
    fixture.append(ABOUT, "\nÄnnu en rad.\n");
    commit_all(&fixture.root, "2024-11-05T10:00:00+01:00", "Om GR igen");
    let update = session
        .apply(&[Change::Content(fixture.root.join(ABOUT))])
        .unwrap();
    let about = update
        .files
        .iter()
        .find(|f| f.path == "om/index.html")
        .expect("the edited page is served again");
    let html = String::from_utf8(about.contents.read().unwrap()).unwrap();
    assert!(html.contains("datetime=\"2024-11-05\""), "{html}");
}

/// The history the last build kept, as its file holds it.
fn kept_history(fixture: &Fixture) -> String {
    fixture.read(".arkiv-cache/history")
}

#[test]
fn the_next_build_reads_only_the_commits_since_the_history_it_kept() {
    let fixture = repository();
    fixture.write(".gitignore", "public/\n");
    commit_all(
        &fixture.root,
        "2024-10-01T10:00:00+02:00",
        "Inget bygge i git",
    );
    fixture.build();
    let kept = kept_history(&fixture);
    assert_eq!(kept.lines().nth(1), Some(head(&fixture.root).as_str()));
    // A date only the kept history has: the next read must start from it.
    let planted = kept.replace(
        &format!("{}\tom.md", 1_707_552_000),
        &format!("{}\tom.md", 1_893_456_000),
    );
    assert_ne!(planted, kept, "om.md's last commit is kept: {kept}");
    fixture.write(".arkiv-cache/history", &planted);
    fixture.append(NEWS, "\nEn nyhet till.\n");
    commit_all(&fixture.root, "2025-01-15T10:00:00+01:00", "Nyhet");
    let built = fixture.build();
    let news = built.text("nyheter/start/index.html");
    assert!(news.contains("datetime=\"2025-01-15\""), "{news}");
    let about = built.text("om/index.html");
    assert!(
        about.contains("datetime=\"2030-01-01\""),
        "read on from the kept history: {about}"
    );
    assert_eq!(
        kept_history(&fixture).lines().nth(1),
        Some(head(&fixture.root).as_str())
    );

    // History rewritten (the kept commit is no ancestor of HEAD any more):
    // the whole history is read again, and the planted date is gone.
    git(
        &fixture.root,
        &["reset", "-q", "--hard", "HEAD~1"],
        "2025-01-16T10:00:00+01:00",
    );
    fixture.append(ABOUT, "\nOm igen.\n");
    commit_all(&fixture.root, "2025-01-16T10:00:00+01:00", "Annan gren");
    let built = fixture.build();
    let about = built.text("om/index.html");
    assert!(about.contains("datetime=\"2025-01-16\""), "{about}");
    let news = built.text("nyheter/start/index.html");
    assert!(!news.contains("2025-01-15"), "{news}");
}
