//! Stopping a build at any moment, with Ctrl-C (SIGINT) or `kill -9`, leaves
//! the previous `public/` whole: after every interruption the output is
//! exactly the old site or exactly the new one, never a mix and never missing.

mod common;

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::Instant;

use common::{Fixture, snapshot_dir};

/// Enough pages that a debug build takes a noticeable time.
const PAGES: usize = 300;

fn write_pages(fixture: &Fixture, edition: &str) {
    let paragraph = "Kommunerna i Göteborgsregionen arbetar tillsammans med kompetensförsörjning, \
                     skola och socialtjänst. "
        .repeat(6);
    for i in 0..PAGES {
        fixture.write(
            &format!("content/nyheter/2024-01-01-nyhet-{i}.md"),
            &format!(
                "---\ntitle: Nyhet {i}, {edition}\ntopics: [Skola]\n---\n## Del ett\n\n{paragraph}\n\n## Del två\n\n{paragraph}\n"
            ),
        );
    }
}

/// One number for the whole output folder: every path and every byte.
fn digest(dir: &Path) -> u64 {
    let mut hasher = DefaultHasher::new();
    let files = snapshot_dir(dir);
    files.len().hash(&mut hasher);
    files.hash(&mut hasher);
    hasher.finish()
}

fn build(fixture: &Fixture) {
    let output = fixture.run(&["build"]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn an_interrupted_build_leaves_the_old_site_or_the_new_one() {
    let fixture = Fixture::sample();
    write_pages(&fixture, "första upplagan");
    let started = Instant::now();
    build(&fixture);
    let full_build = started.elapsed();
    let old = digest(&fixture.public());

    write_pages(&fixture, "andra upplagan");
    let mut seen = Vec::new();
    // From right after the start to past the end of a build, in steps of an
    // eighth of one; odd steps are Ctrl-C, even steps `kill -9`.
    for step in 0..=9u32 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_arkiv"))
            .arg("build")
            .current_dir(&fixture.root)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        sleep(full_build * step / 8);
        if step % 2 == 1 {
            let sent = Command::new("kill")
                .args(["-INT", &child.id().to_string()])
                .status()
                .unwrap();
            assert!(sent.success());
        } else {
            let _ = child.kill();
        }
        child.wait().unwrap();
        assert!(
            fixture.public().join(".arkiv-output").is_file(),
            "step {step}: public/ is missing or not whole"
        );
        seen.push((step, digest(&fixture.public())));
    }

    build(&fixture);
    let new = digest(&fixture.public());
    assert_ne!(old, new);
    for (step, state) in seen {
        assert!(
            state == old || state == new,
            "step {step}: public/ is neither the old site nor the new one"
        );
    }
    let leftovers: Vec<String> = fs::read_dir(&fixture.root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".arkiv-") && name != ".arkiv-cache")
        .collect();
    assert!(
        leftovers.is_empty(),
        "a finished build removes the folders of interrupted ones: {leftovers:?}"
    );
    let half_kept: Vec<String> = fs::read_dir(fixture.root.join(".arkiv-cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".new-"))
        .collect();
    assert!(
        half_kept.is_empty(),
        "a finished build removes what interrupted ones began to keep: {half_kept:?}"
    );
}
