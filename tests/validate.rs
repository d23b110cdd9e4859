//! Every page of the sample archive through the W3C Nu HTML checker (npm's
//! `vnu-jar`, run with Java): zero errors.
//!
//! Outside CI the test is skipped, with the reason, when Java or the checker is
//! missing; in CI (`CI` set) that is a failure, since `.ci/run` installs them.

mod common;

use std::process::Command;

use common::{Fixture, repo};

#[test]
fn every_page_is_valid_html() {
    let checker = repo().join("node_modules/vnu-jar/build/dist/vnu.jar");
    let java = Command::new("java").arg("-version").output();
    let missing = if java.is_err() {
        Some("java is not installed".to_string())
    } else if !checker.is_file() {
        Some("node_modules/vnu-jar is missing (npm install)".to_string())
    } else {
        None
    };
    if let Some(reason) = missing {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must run the HTML checker: {reason}"
        );
        eprintln!("skipped: {reason}");
        return;
    }
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
