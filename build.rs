//! Finds what the browser and HTML checker tests need, so that `cargo test` runs them when it
//! is there and lists them as ignored, with the reason, when it is not.
//!
//! In: Chromium (`$CHROMIUM`, else `/usr/bin/chromium`), `node` and `java` on `PATH`, and the npm
//! packages of `package.json` in `node_modules/`. Out: `cfg(has_browser)` for `tests/browser.rs`,
//! `cfg(has_html_checker)` for `tests/validate.rs`, and what is missing in the environment
//! variables `ARKIV_BROWSER_MISSING` and `ARKIV_HTML_CHECKER_MISSING` (empty when nothing is), for
//! the tests that refuse to be ignored in CI. It never fails the build: arkiv itself needs none of
//! these.

use std::collections::BTreeSet;
use std::env;
use std::path::{Path, PathBuf};

const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_browser, has_html_checker)");
    println!("cargo::rerun-if-env-changed=CHROMIUM");
    println!("cargo::rerun-if-env-changed=PATH");
    let mut watch = Watch::default();
    let browser = [
        watch.chromium(),
        watch.program("node"),
        watch.npm("playwright-core/package.json"),
        watch.npm("axe-core/axe.min.js"),
    ];
    let html_checker = [
        watch.program("java"),
        watch.npm("vnu-jar/build/dist/vnu.jar"),
    ];
    report("has_browser", "ARKIV_BROWSER_MISSING", &browser);
    report(
        "has_html_checker",
        "ARKIV_HTML_CHECKER_MISSING",
        &html_checker,
    );
    watch.finish();
}

/// Sets `cfg` when nothing is missing, and `variable` to what is.
fn report(cfg: &str, variable: &str, checks: &[Result<(), String>]) {
    let missing: Vec<&str> = checks
        .iter()
        .filter_map(|c| c.as_ref().err())
        .map(String::as_str)
        .collect();
    if missing.is_empty() {
        println!("cargo::rustc-cfg={cfg}");
    }
    println!("cargo::rustc-env={variable}={}", missing.join("; "));
}

/// What cargo is to watch so that installing or removing a tool is noticed on the next build.
///
/// A tool that is there is watched itself. A missing one cannot be: cargo reruns the build script
/// on every build while a watched path is missing, and the crate is compiled again each time. So
/// a missing program is awaited through the folders it would appear in (a new entry changes a
/// folder's time, even when the file, like one from a Debian package, keeps an old time), and a
/// missing npm file through a dangling link to it in a folder of our own (cargo passes over a
/// dangling link, and follows it once npm has written the file).
#[derive(Default)]
struct Watch {
    paths: BTreeSet<PathBuf>,
    awaited: Vec<PathBuf>,
}

impl Watch {
    /// Chromium at `$CHROMIUM` or `/usr/bin/chromium`. When the default one is missing, `/usr/bin`
    /// is watched; a missing `$CHROMIUM` is noticed when the variable changes, as its folder may
    /// be a large one (a home folder, `/`) that cargo would walk through on every build.
    fn chromium(&mut self) -> Result<(), String> {
        let path = env::var_os("CHROMIUM").map_or_else(|| DEFAULT_CHROMIUM.into(), PathBuf::from);
        if path.is_file() {
            self.paths.insert(path);
            return Ok(());
        }
        if path == Path::new(DEFAULT_CHROMIUM) {
            let folder = path.parent().filter(|f| f.is_dir());
            self.paths.extend(folder.map(Path::to_path_buf));
        }
        Err(format!("{} is missing", path.display()))
    }

    /// A program on `PATH`: when it is missing, every folder of `PATH` is watched.
    fn program(&mut self, name: &str) -> Result<(), String> {
        let folders: Vec<PathBuf> = env::var_os("PATH")
            .map(|path| {
                env::split_paths(&path)
                    .filter(|f| f.is_absolute())
                    .collect()
            })
            .unwrap_or_default();
        let file = format!("{name}{}", env::consts::EXE_SUFFIX);
        if let Some(found) = folders.iter().map(|f| f.join(&file)).find(|p| p.is_file()) {
            self.paths.insert(found);
            return Ok(());
        }
        self.paths
            .extend(folders.into_iter().filter(|f| f.is_dir()));
        Err(format!("{name} is not on PATH"))
    }

    /// A file of an npm package, under the repository's `node_modules/`.
    fn npm(&mut self, file: &str) -> Result<(), String> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("node_modules")
            .join(file);
        if path.is_file() {
            self.paths.insert(path);
            return Ok(());
        }
        self.awaited.push(path);
        Err(format!("node_modules/{file} is missing"))
    }

    fn finish(mut self) {
        if !self.awaited.is_empty() {
            let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
            self.paths
                .extend(await_files(&out.join("awaited"), &self.awaited));
        }
        for path in &self.paths {
            println!("cargo::rerun-if-changed={}", path.display());
        }
    }
}

/// Makes `folder` hold a link to each of `files` and dates it back, so that only a link that
/// leads somewhere makes it look changed; returns it to be watched.
#[cfg(unix)]
fn await_files(folder: &Path, files: &[PathBuf]) -> Option<PathBuf> {
    let _ = std::fs::remove_dir_all(folder);
    std::fs::create_dir_all(folder).ok()?;
    for (n, file) in files.iter().enumerate() {
        std::os::unix::fs::symlink(file, folder.join(n.to_string())).ok()?;
    }
    // The folder changed while this script ran, which cargo would take for a change after it.
    let long_ago = std::time::SystemTime::UNIX_EPOCH;
    std::fs::File::open(folder)
        .and_then(|f| f.set_modified(long_ago))
        .ok()?;
    Some(folder.to_path_buf())
}

/// Without symbolic links a later `npm ci` is noticed only when something else is.
#[cfg(not(unix))]
fn await_files(_folder: &Path, _files: &[PathBuf]) -> Option<PathBuf> {
    None
}
