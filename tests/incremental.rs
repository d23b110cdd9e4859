//! A build after a build into the same output redoes only what changed and
//! updates the output in place (`pipeline::kept`); what it leaves must be
//! exactly what a full build of the same site writes. A site in more than
//! one language is built whole each time, so these build the sample in
//! Swedish alone.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use arkiv::BuildOptions;
use common::{Fixture, snapshot_dir, test_now};

const NEWS: &str = "content/nyheter/2024-03-26-goteborgsregionen-stodjer-sina-kommuner.md";
const LINKED: &str = "content/nyheter/2022-10-20-gemensam-fardplan-for-nara-vard.md";
const UNLINKED: &str =
    "content/nyheter/2019-11-14-rapport-om-vard-och-stodsamordning-i-partille.md";
const CONFERENCE: &str = "content/konferenser/nara-vard-2025";

/// The output's files with their bytes, the marker left out.
fn files(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = snapshot_dir(dir);
    files.retain(|(path, _)| path != Path::new(".arkiv-output"));
    files
}

/// Builds into the default output, which must be updated in place, and
/// checks it against a full build of the same site, made in memory.
fn assert_updated_as_full(fixture: &Fixture, opts: BuildOptions) {
    let built = fixture.build_with(opts.clone());
    assert!(
        built.report.updated.is_some(),
        "the build was not an update in place"
    );
    let (_, full) = arkiv::render_site(&opts).unwrap();
    let full: BTreeMap<String, Vec<u8>> = full
        .into_iter()
        .map(|file| {
            let bytes = file.contents.read().unwrap();
            (file.path, bytes)
        })
        .collect();
    let updated: BTreeMap<String, Vec<u8>> = files(&fixture.public())
        .into_iter()
        .map(|(path, bytes)| (path.to_string_lossy().replace('\\', "/"), bytes))
        .collect();
    let names = |files: &BTreeMap<String, Vec<u8>>| files.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&updated), names(&full), "the same files");
    for (path, ours) in &updated {
        if *ours != full[path] {
            let (ours, theirs) = (
                String::from_utf8_lossy(ours),
                String::from_utf8_lossy(&full[path]),
            );
            let line = ours.lines().zip(theirs.lines()).find(|(a, b)| a != b);
            panic!("{path} differs from a full build: {line:?}");
        }
    }
}

#[test]
fn edits_additions_removals_and_moved_links_update_the_output_as_a_full_build_would() {
    let fixture = Fixture::sample_in_swedish();
    let first = fixture.build();
    assert!(
        first.report.updated.is_none(),
        "the first build is a full one"
    );
    let opts = fixture.options();

    retitle(&fixture);
    assert_updated_as_full(&fixture, opts.clone());

    fixture.replace(
        NEWS,
        "topics: [Socialtjänst,",
        "topics: [Bostäder, Socialtjänst,",
    );
    assert_updated_as_full(&fixture, opts.clone());

    fixture.write(
        "content/nyheter/2026-11-21-en-ny-nyhet.md",
        "---\ntitle: En ny nyhet\ntopics: [Nära vård]\nmunicipalities: [Tjörn]\n---\nText om [färdplanen](2022-10-20-gemensam-fardplan-for-nara-vard.md).\n",
    );
    assert_updated_as_full(&fixture, opts.clone());

    // Pages that link to it by its .md file show its new address.
    fixture.replace(LINKED, "title:", "slug: fardplanen\ntitle:");
    assert_updated_as_full(&fixture, opts.clone());

    std::fs::remove_file(
        fixture
            .root
            .join("content/nyheter/2026-11-21-en-ny-nyhet.md"),
    )
    .unwrap();
    assert_updated_as_full(&fixture, opts.clone());

    // An attachment that changes is published anew; one no page names any more goes.
    std::fs::write(
        fixture.root.join(CONFERENCE).join("program.pdf"),
        b"%PDF-1.4 ny",
    )
    .unwrap();
    assert_updated_as_full(&fixture, opts.clone());
    let index = format!("{CONFERENCE}/index.md");
    fixture.replace(
        &index,
        "  - file: program.pdf\n    title: Program för dagen\n",
        "",
    );
    fixture.replace(
        &index,
        "[programmet för dagen (PDF)](program.pdf)",
        "programmet för dagen på GR:s webbplats",
    );
    assert_updated_as_full(&fixture, opts.clone());

    fixture.replace(UNLINKED, "title:", "draft: true\ntitle:");
    assert_updated_as_full(&fixture, opts.clone());

    // A later day: what is upcoming changes, and the build is still an update.
    let later = BuildOptions {
        now: Some(
            test_now()
                .checked_add(jiff::SignedDuration::from_hours(24 * 400))
                .unwrap(),
        ),
        ..opts
    };
    assert_updated_as_full(&fixture, later);
}

#[test]
fn a_page_published_or_expiring_at_its_moment_updates_the_output_as_a_full_build_would() {
    let fixture = Fixture::sample_in_swedish();
    let at = |minutes: i64| BuildOptions {
        now: Some(
            test_now()
                .checked_add(jiff::SignedDuration::from_mins(minutes))
                .unwrap(),
        ),
        ..fixture.options()
    };
    // At 12:01 one page is published, and another (linked from a third) expires.
    fixture.write(
        "content/nyheter/2026-11-23-embargo.md",
        "---\ntitle: Under embargo\ndate: 2026-11-23T12:01\ntopics: [Nära vård]\n---\nText.\n",
    );
    fixture.replace(LINKED, "title:", "expires: 2026-11-23T12:01\ntitle:");
    fixture.build_with(at(0));
    assert_updated_as_full(&fixture, at(2));
    // And back again: as it stood before (a clock set back, as a test may).
    assert_updated_as_full(&fixture, at(0));
}

#[test]
fn the_next_day_a_feed_that_dates_an_undated_page_by_the_day_is_made_again() {
    let fixture = Fixture::sample_in_swedish();
    fixture.write(
        "content/nyheter/odaterad.md",
        "---\ntitle: Odaterad\n---\nText.\n",
    );
    fixture.build();
    let tomorrow = BuildOptions {
        now: Some(
            test_now()
                .checked_add(jiff::SignedDuration::from_hours(24))
                .unwrap(),
        ),
        ..fixture.options()
    };
    assert_updated_as_full(&fixture, tomorrow);
    let feed = std::fs::read_to_string(fixture.public().join("nyheter/atom.xml")).unwrap();
    assert!(feed.contains("<updated>2026-11-24"), "{feed}");
}

#[test]
fn a_failed_build_leaves_the_output_and_the_next_build_makes_it_right() {
    let fixture = Fixture::sample_in_swedish();
    fixture.build();
    let before = files(&fixture.public());
    fixture.replace(NEWS, "## Lena", "[trasig](finns-inte.md)\n\n## Lena");
    fixture.build_errors();
    assert!(
        files(&fixture.public()) == before,
        "the failed build changed the output"
    );
    fixture.replace(NEWS, "[trasig](finns-inte.md)\n\n", "Rättad.\n\n");
    assert_updated_as_full(&fixture, fixture.options());
}

/// Gives the news page a new title.
fn retitle(fixture: &Fixture) {
    fixture.replace(
        NEWS,
        "title: Göteborgsregionen stödjer",
        "title: GR stödjer",
    );
}

#[test]
fn a_file_deleted_from_the_output_by_hand_is_made_again() {
    let fixture = Fixture::sample_in_swedish();
    fixture.build();
    std::fs::remove_file(fixture.public().join("om-gr/index.html")).unwrap();
    retitle(&fixture);
    let built = fixture.build();
    assert!(
        built.report.updated.is_none(),
        "a full build, not an update"
    );
    assert!(built.has("om-gr/index.html"));
}

#[test]
fn a_new_theme_or_site_yaml_makes_a_full_build() {
    let fixture = Fixture::sample_in_swedish();
    fixture.build();
    // A fresh checkout writes every file anew: the same theme is still the same.
    let base = "themes/gr/templates/base.html";
    fixture.write(base, &fixture.read(base));
    fixture.replace(
        NEWS,
        "title: Göteborgsregionen stödjer",
        "title: Regionen stödjer",
    );
    assert!(fixture.build().report.updated.is_some());
    fixture.append(base, "\n");
    assert!(fixture.build().report.updated.is_none());
    fixture.replace(NEWS, "title: Regionen stödjer", "title: GR stödjer");
    assert!(fixture.build().report.updated.is_some());
    fixture.append("site.yaml", "\n# ändrad\n");
    assert!(fixture.build().report.updated.is_none());
}

/// What a build keeps lies in the site root, which a stranger may have
/// written: a cache folder that is a link is not followed.
#[cfg(unix)]
#[test]
fn the_cache_folder_is_not_followed_out_of_the_site() {
    let fixture = Fixture::sample_in_swedish();
    let outside = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), fixture.root.join(".arkiv-cache")).unwrap();
    fixture.build();
    retitle(&fixture);
    let built = fixture.build();
    assert!(
        built.report.updated.is_none(),
        "nothing was kept through the link"
    );
    assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0);
}
