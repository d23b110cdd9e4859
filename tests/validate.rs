//! Every page of the sample archive through the W3C Nu HTML checker (npm's
//! `vnu-jar`, run with Java): zero errors.
//!
//! When Java or the checker is missing, `build.rs` leaves out
//! `cfg(has_html_checker)` and `cargo test` lists the test as ignored, with the
//! reason; in CI (`CI` set) that is a failure, since `.ci/run` installs them.

mod common;

use std::process::Command;

use common::{Fixture, repo};

/// The test below is ignored where Java or the checker is missing, but never in CI.
#[test]
fn ci_runs_the_html_checker() {
    assert!(
        cfg!(has_html_checker) || std::env::var_os("CI").is_none(),
        "CI must run the HTML checker, but {}",
        env!("ARKIV_HTML_CHECKER_MISSING")
    );
}

#[test]
#[cfg_attr(
    not(has_html_checker),
    ignore = "needs Java and the Nu HTML checker: apt-get install default-jre-headless npm, then npm ci"
)]
fn every_page_is_valid_html() {
    let checker = repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let site = Fixture::sample().build();
    let run = Command::new("java")
        .arg("-jar")
        .arg(&checker)
        .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
        .arg(&site.output)
        .output()
        .unwrap();
    let report =
        String::from_utf8_lossy(&run.stderr).to_string() + &String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success() && report.trim().is_empty(), "{report}");
    let pages = walkdir::WalkDir::new(&site.output)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .count();
    assert!(pages > 100, "checked {pages} pages");
}
