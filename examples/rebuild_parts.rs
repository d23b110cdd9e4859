//! Times the parts of a `serve` rebuild that do not depend on which page
//! changed: indexing every page, listing the outputs, and comparing what
//! every output read (`render::record::Changes`).
//!
//! cargo run --release --example rebuild_parts -- <site folder> [rounds]
//!
//! Prints the median of `rounds` (default 20) for each part, in ms. For
//! profiling: `perf record` or `valgrind --tool=callgrind` on this binary
//! measure the same work every time.

use std::time::Instant;

use arkiv::BuildOptions;
use arkiv::index;
use arkiv::render::{Job, SiteViews};
use rayon::prelude::*;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(root) = args.next() else {
        eprintln!("usage: rebuild_parts <site folder> [rounds]");
        std::process::exit(2);
    };
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(20);
    let opts = BuildOptions::new(std::path::Path::new(&root));
    let prepared = arkiv::prepare(&opts).unwrap_or_else(|errors| {
        eprintln!("the site does not build: {} errors", errors.iter().count());
        std::process::exit(1);
    });
    let site = &prepared.site;
    let config = &prepared.config;
    let labels = &prepared.templates.labels;
    let (_, record) = arkiv::render::render_recorded(&prepared.templates, config, site)
        .unwrap_or_else(|_| std::process::exit(1));

    let mut index_ms = Vec::new();
    let mut jobs_ms = Vec::new();
    let mut deps_ms = Vec::new();
    for _ in 0..rounds {
        let started = Instant::now();
        let (again, _) = index::build(
            config,
            site.pages.clone(),
            site.bodies.clone(),
            site.files.clone(),
            site.timing.clone(),
            // As after an edit in `serve`: what the index before found of
            // pages that did not change is taken over.
            Some(site),
        )
        .unwrap();
        index_ms.push(started.elapsed().as_secs_f64() * 1000.0);

        let started = Instant::now();
        let jobs = Job::all(config, site);
        let paths: Vec<String> = jobs.par_iter().map(|job| job.path(site)).collect();
        let clashes = arkiv::render::clashes(config, site, &jobs, &paths, &[]);
        assert!(clashes.diagnostics.is_empty());
        jobs_ms.push(started.elapsed().as_secs_f64() * 1000.0);

        let started = Instant::now();
        let (old, new) = (
            SiteViews::new(config, site, labels),
            SiteViews::new(config, &again, labels),
        );
        let changes = record.changes(&old, &new, Default::default());
        deps_ms.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(!changes.is_global(&record));
    }
    let median = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    println!(
        "{} pages, median of {rounds}: index {:.1} ms, jobs, paths and clash check {:.1} ms, reads compared {:.1} ms",
        site.pages.len(),
        median(&mut index_ms),
        median(&mut jobs_ms),
        median(&mut deps_ms)
    );
}
