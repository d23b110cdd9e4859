//! The editor's local backend: `/admin/` opened from `arkiv serve` reads and
//! writes the checkout's own files, so an editor can try it without an
//! account. arkiv answers Decap CMS's proxy protocol itself (the one its
//! `decap-server` speaks: `POST /api/v1` with `{ action, params }`).
//!
//! Every path is one under `content/`, checked before anything is read or
//! written: no `..`, no hidden files, nothing through a link that leaves
//! the site (`SiteRoot`). The HTTP side (`http`) answers only on a loopback
//! address, for a request whose `Host` and `Origin` are this server's, and
//! only when site.yaml has `editor:`. What is written is then rebuilt and
//! shown as any edit is.

use std::path::{Component, Path, PathBuf};

use base64::Engine;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::fs::{MAX_TEXT_BYTES, SiteRoot};

/// The largest media file the editor may read or write through the backend:
/// 64 MiB. A page's text is held to the build's own limit (`MAX_TEXT_BYTES`).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A request of the protocol.
#[derive(Debug, Deserialize)]
struct Request {
    action: String,
    #[serde(default)]
    params: Value,
}

/// A file the editor writes: its path and text (or, for media, its bytes).
#[derive(Debug, Deserialize)]
struct DataFile {
    path: String,
    raw: String,
    #[serde(default, rename = "newPath")]
    new_path: Option<String>,
}

/// A media file the editor writes, in base64.
#[derive(Debug, Deserialize)]
struct Asset {
    path: String,
    content: String,
}

/// The answer to the request `body`: an HTTP status and its JSON.
pub fn answer(site: &SiteRoot, body: &[u8]) -> (u16, Value) {
    let request: Request = match serde_json::from_slice(body) {
        Ok(request) => request,
        Err(err) => return (422, json!({ "error": err.to_string() })),
    };
    match act(site, &request.action, &request.params) {
        Ok(value) => (200, value),
        Err(Refusal::Unknown) => (
            422,
            json!({ "error": t!("editor-api-unknown-action", action = &request.action) }),
        ),
        Err(Refusal::Path(why)) => (403, json!({ "error": why })),
        Err(Refusal::Failed(why)) => (500, json!({ "error": why })),
    }
}

/// Why a request was not done.
#[derive(Debug)]
enum Refusal {
    /// An action the backend does not take.
    Unknown,
    /// A path outside `content/`, or otherwise not the editor's.
    Path(String),
    /// Reading or writing failed.
    Failed(String),
}

fn act(site: &SiteRoot, action: &str, params: &Value) -> Result<Value, Refusal> {
    let text = |key: &str| params.get(key).and_then(Value::as_str).unwrap_or_default();
    match action {
        "info" => Ok(json!({
            "repo": site.path().file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
            "publish_modes": ["simple"],
            "type": "local_fs",
        })),
        "entriesByFolder" => {
            let folder = under_content(site, text("folder"), Need::Folder)?;
            let extension = text("extension");
            let depth = params.get("depth").and_then(Value::as_u64).unwrap_or(1);
            let mut found = Vec::new();
            list(site, &folder, extension, depth, &mut found);
            found.sort();
            // A file that cannot be read is left out of the list; opened, it says why.
            let entries = found.iter().filter_map(|path| entry(site, path).ok());
            Ok(Value::Array(entries.collect()))
        }
        "entriesByFiles" => {
            let files = params.get("files").and_then(Value::as_array);
            let paths = files.into_iter().flatten().map(|f| {
                let path = f.get("path").and_then(Value::as_str).unwrap_or_default();
                under_content(site, path, Need::Any)
            });
            let paths: Result<Vec<PathBuf>, Refusal> = paths.collect();
            let entries: Result<Vec<Value>, Refusal> =
                paths?.iter().map(|path| entry(site, path)).collect();
            Ok(Value::Array(entries?))
        }
        "getEntry" => entry(site, &under_content(site, text("path"), Need::Any)?),
        "persistEntry" => {
            let files: Vec<DataFile> = match params.get("dataFiles") {
                Some(files) => serde_json::from_value(files.clone()),
                None => serde_json::from_value(params.get("entry").cloned().unwrap_or_default())
                    .map(|one| vec![one]),
            }
            .map_err(|err| Refusal::Failed(err.to_string()))?;
            let assets: Vec<Asset> =
                serde_json::from_value(params.get("assets").cloned().unwrap_or(json!([])))
                    .map_err(|err| Refusal::Failed(err.to_string()))?;
            // Every path is checked before anything is written.
            let mut writes = Vec::new();
            for file in &files {
                let at = under_content(site, &file.path, Need::New)?;
                let moved = match &file.new_path {
                    Some(to) => Some(under_content(site, to, Need::New)?),
                    None => None,
                };
                // A page renamed onto another's file would replace that page.
                if let Some(to) = moved.as_ref().filter(|to| **to != at && to.exists()) {
                    let path = site_relative(site, to);
                    return Err(Refusal::Path(t!("editor-api-taken", path = path)));
                }
                let bytes = file.raw.as_bytes().to_vec();
                writes.push((at, bytes, moved, MAX_TEXT_BYTES));
            }
            for asset in &assets {
                let at = under_content(site, &asset.path, Need::New)?;
                writes.push((at, decode(asset)?, None, MAX_FILE_BYTES));
            }
            for (at, bytes, moved, limit) in writes {
                write(&at, &bytes, limit)?;
                if let Some(to) = moved {
                    make_parent(&to)?;
                    std::fs::rename(&at, &to).map_err(failed)?;
                }
            }
            Ok(json!({ "message": "entry persisted" }))
        }
        "getMedia" => {
            let folder = under_content(site, text("mediaFolder"), Need::Folder)?;
            let mut found = Vec::new();
            list(site, &folder, "", 1, &mut found);
            found.sort();
            let media: Result<Vec<Value>, Refusal> =
                found.iter().map(|path| media(site, path)).collect();
            Ok(Value::Array(media?))
        }
        "getMediaFile" => media(site, &under_content(site, text("path"), Need::Any)?),
        "persistMedia" => {
            let asset: Asset =
                serde_json::from_value(params.get("asset").cloned().unwrap_or_default())
                    .map_err(|err| Refusal::Failed(err.to_string()))?;
            let at = under_content(site, &asset.path, Need::New)?;
            write(&at, &decode(&asset)?, MAX_FILE_BYTES)?;
            media(site, &at)
        }
        "deleteFile" | "deleteFiles" => {
            let paths: Vec<&str> = match params.get("paths").and_then(Value::as_array) {
                Some(paths) => paths.iter().filter_map(Value::as_str).collect(),
                None => vec![text("path")],
            };
            let checked: Result<Vec<PathBuf>, Refusal> = paths
                .iter()
                .map(|path| under_content(site, path, Need::Any))
                .collect();
            for path in checked? {
                if path.is_file() {
                    std::fs::remove_file(&path).map_err(failed)?;
                }
            }
            Ok(json!({ "message": "deleted" }))
        }
        "getDeployPreview" => Ok(Value::Null),
        _ => Err(Refusal::Unknown),
    }
}

/// What a checked path must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// A folder, which may be missing (nothing in it then).
    Folder,
    /// A file or folder, which may be missing.
    Any,
    /// A file to write: its folders are made, under content/.
    New,
}

/// The path `relative` (from the site's root, as the editor names it)
/// when it lies under `content/`: plain names only, no hidden ones, and
/// nothing on the way that leads out of the site.
fn under_content(site: &SiteRoot, relative: &str, need: Need) -> Result<PathBuf, Refusal> {
    let refuse = || Refusal::Path(t!("editor-api-not-content", path = relative));
    let path = Path::new(relative);
    let mut parts = path.components();
    if parts.next() != Some(Component::Normal("content".as_ref())) {
        return Err(refuse());
    }
    let plain = parts.all(|part| match part {
        Component::Normal(name) => is_plain_part(&name.to_string_lossy()),
        _ => false,
    });
    if !plain || relative.contains('\\') || (need == Need::New && path.components().count() < 2) {
        return Err(refuse());
    }
    let content = site.path().join("content");
    let real_content = site.resolve(&content).map_err(|_| refuse())?;
    let full = site.path().join(path);
    // The nearest part of the path that exists must be inside content/.
    let existing = full
        .ancestors()
        .find(|a| std::fs::symlink_metadata(a).is_ok());
    let Some(existing) = existing else {
        return Err(refuse());
    };
    let real = site.resolve(existing).map_err(|_| refuse())?;
    if !real.starts_with(&real_content) {
        return Err(refuse());
    }
    if need == Need::New && full.is_dir() {
        return Err(refuse());
    }
    Ok(full)
}

/// The deepest folder listing the editor may ask for (Decap asks for 1 or 2).
const MAX_DEPTH: u64 = 8;

/// True for a part of a path that is a plain name on every system: not
/// one arkiv leaves out (hidden, a backup or temporary file), no `:` (another stream of a file on Windows), not ending in a
/// dot or a space, and not a device's name (`con`, `aux.md`).
fn is_plain_part(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let devices = ["con", "prn", "aux", "nul"];
    let numbered = (stem.starts_with("com") || stem.starts_with("lpt"))
        && stem.len() == 4
        && stem.ends_with(|c: char| c.is_ascii_digit());
    !name.is_empty()
        && !crate::content::load::is_ignored(name.as_ref())
        && !name.contains(':')
        && !name.ends_with(['.', ' '])
        && !devices.contains(&stem.as_str())
        && !numbered
}

/// Files under `dir` ending in `extension`, `depth` folders down: only
/// those whose real path is under content/; links to folders are not followed.
fn list(site: &SiteRoot, dir: &Path, extension: &str, depth: u64, found: &mut Vec<PathBuf>) {
    let Ok(content) = site.resolve(&site.path().join("content")) else {
        return;
    };
    walk(
        site,
        &content,
        dir,
        (extension, depth.min(MAX_DEPTH)),
        found,
    );
}

fn walk(
    site: &SiteRoot,
    content: &Path,
    dir: &Path,
    (extension, depth): (&str, u64),
    found: &mut Vec<PathBuf>,
) {
    if depth == 0 {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if hidden {
            continue;
        }
        if kind.is_dir() {
            walk(site, content, &path, (extension, depth - 1), found);
            continue;
        }
        let inside = site
            .resolve(&path)
            .is_ok_and(|real| real.starts_with(content));
        if inside && !kind.is_dir() && path.is_file() && path.to_string_lossy().ends_with(extension)
        {
            found.push(path);
        }
    }
}

/// A page's file as the editor reads it: its text and an id that changes
/// with it; no text for a file that is not there yet (a new page). A file
/// that is there but cannot be read is an error, not an empty page.
fn entry(site: &SiteRoot, path: &Path) -> Result<Value, Refusal> {
    let relative = site_relative(site, path);
    let read = site.read_optional(path, MAX_TEXT_BYTES);
    let Some(bytes) = read.map_err(|d| Refusal::Failed(d.render_plain()))? else {
        return Ok(json!({ "data": null, "file": { "path": relative, "id": null } }));
    };
    Ok(json!({
        "data": String::from_utf8_lossy(&bytes),
        "file": { "path": relative, "id": blake3::hash(&bytes).to_hex().to_string() },
    }))
}

/// A media file as the editor reads it: in base64, with its name.
fn media(site: &SiteRoot, path: &Path) -> Result<Value, Refusal> {
    let bytes = site
        .read(path, MAX_FILE_BYTES)
        .map_err(|d| Refusal::Failed(d.render_plain()))?;
    Ok(json!({
        "id": blake3::hash(&bytes).to_hex().to_string(),
        "content": base64::engine::general_purpose::STANDARD.encode(&bytes),
        "encoding": "base64",
        "path": site_relative(site, path),
        "name": path.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
    }))
}

fn site_relative(site: &SiteRoot, path: &Path) -> String {
    site.display(path)
}

fn decode(asset: &Asset) -> Result<Vec<u8>, Refusal> {
    base64::engine::general_purpose::STANDARD
        .decode(asset.content.as_bytes())
        .map_err(|err| Refusal::Failed(err.to_string()))
}

fn make_parent(path: &Path) -> Result<(), Refusal> {
    match path.parent() {
        Some(parent) => std::fs::create_dir_all(parent).map_err(failed),
        None => Ok(()),
    }
}

/// Writes `bytes` to `path` whole: into a new file beside it first, then
/// renamed over it, so the watcher never sees half a page. The new file is
/// made afresh (`create_new`: never through a link of that name), with a
/// name of this write's own.
fn write(path: &Path, bytes: &[u8], limit: u64) -> Result<(), Refusal> {
    write_via(path, &temporary_beside(path), bytes, limit)
}

/// A name beside `path` for a file being written, of this write's own.
fn temporary_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    path.with_file_name(format!(
        ".{name}.{}-{nanos}.arkiv-editor",
        std::process::id()
    ))
}

/// `write`, through the new file `temporary`.
fn write_via(path: &Path, temporary: &Path, bytes: &[u8], limit: u64) -> Result<(), Refusal> {
    use std::io::Write;
    if bytes.len() as u64 > limit {
        let mib = limit / (1024 * 1024);
        return Err(Refusal::Failed(t!("editor-api-too-large", limit = mib)));
    }
    make_parent(path)?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(temporary)
        .map_err(failed)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if let Err(err) = written.and_then(|()| std::fs::rename(temporary, path)) {
        let _ = std::fs::remove_file(temporary);
        return Err(failed(err));
    }
    Ok(())
}

fn failed(err: std::io::Error) -> Refusal {
    Refusal::Failed(err.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, SiteRoot) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/nyheter")).unwrap();
        std::fs::write(dir.path().join("site.yaml"), "title: x\n").unwrap();
        std::fs::write(
            dir.path().join("content/nyheter/a.md"),
            "---\ntitle: A\n---\n",
        )
        .unwrap();
        let site = SiteRoot::new(dir.path());
        (dir, site)
    }

    fn post(site: &SiteRoot, body: Value) -> (u16, Value) {
        answer(site, body.to_string().as_bytes())
    }

    #[test]
    fn entries_are_read_and_written_under_content_only() {
        let (dir, site) = site();
        let (status, entries) = post(
            &site,
            json!({ "action": "entriesByFolder", "params": { "folder": "content/nyheter", "extension": "md", "depth": 2 } }),
        );
        assert_eq!(status, 200);
        assert_eq!(entries[0]["file"]["path"], "content/nyheter/a.md");
        assert_eq!(entries[0]["data"], "---\ntitle: A\n---\n");
        let (status, _) = post(
            &site,
            json!({ "action": "persistEntry", "params": {
                "dataFiles": [{ "path": "content/nyheter/2026-12-07-b/index.md", "raw": "---\ntitle: B\n---\n", "slug": "b" }],
                "assets": [{ "path": "content/nyheter/2026-12-07-b/bild.png", "content": "iVBORw0K", "encoding": "base64" }],
                "options": { "commitMessage": "x", "useWorkflow": false, "status": "" } } }),
        );
        assert_eq!(status, 200);
        let written =
            std::fs::read_to_string(dir.path().join("content/nyheter/2026-12-07-b/index.md"));
        assert_eq!(written.unwrap(), "---\ntitle: B\n---\n");
        for outside in [
            "site.yaml",
            "content/../site.yaml",
            "/etc/passwd",
            "content/.git/config",
            "themes/gr/templates/base.html",
            "content",
            "content/nyheter/aux.md",
            "content/nyheter/x.md:stream",
            "content/nyheter/x. ",
        ] {
            let (status, _) = post(
                &site,
                json!({ "action": "persistEntry", "params": {
                    "dataFiles": [{ "path": outside, "raw": "x", "slug": "x" }], "assets": [] } }),
            );
            assert_eq!(status, 403, "{outside}");
            let (status, _) = post(
                &site,
                json!({ "action": "getEntry", "params": { "path": outside } }),
            );
            assert!(status == 403 || outside == "content", "{outside}");
        }
        assert_eq!(
            std::fs::read_to_string(dir.path().join("site.yaml")).unwrap(),
            "title: x\n"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_site_is_neither_read_nor_written_through() {
        let (dir, site) = site();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), "secret").unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("content/ut")).unwrap();
        let (status, _) = post(
            &site,
            json!({ "action": "getEntry", "params": { "path": "content/ut/secret.md" } }),
        );
        assert_eq!(status, 403);
        // Nor listed, whether the link is a folder's or a file's.
        let conf = dir.path().join("content/nyheter/conf.md");
        std::os::unix::fs::symlink(dir.path().join("site.yaml"), conf).unwrap();
        let (_, listed) = post(
            &site,
            json!({ "action": "entriesByFolder", "params": { "folder": "content", "extension": "md", "depth": 3 } }),
        );
        let listed = listed.to_string();
        assert!(
            !listed.contains("secret") && !listed.contains("conf.md"),
            "{listed}"
        );
        assert!(listed.contains("content/nyheter/a.md"), "{listed}");
        // A link at the very name of the file written beside a page cannot
        // take the write: it is refused, and nothing leaves the site.
        let page = dir.path().join("content/nyheter/a.md");
        let trap = temporary_beside(&page);
        std::os::unix::fs::symlink(outside.path().join("target"), &trap).unwrap();
        assert!(write_via(&page, &trap, b"x", MAX_TEXT_BYTES).is_err());
        assert!(!outside.path().join("target").exists());
        let (status, _) = post(
            &site,
            json!({ "action": "persistEntry", "params": {
                "dataFiles": [{ "path": "content/nyheter/a.md", "raw": "---\ntitle: A2\n---\n", "slug": "a" }], "assets": [] } }),
        );
        assert_eq!(status, 200);
        assert!(!outside.path().join("target").exists());
        let written = std::fs::read_to_string(dir.path().join("content/nyheter/a.md")).unwrap();
        assert_eq!(written, "---\ntitle: A2\n---\n");
        let (status, _) = post(
            &site,
            json!({ "action": "persistMedia", "params": { "asset": { "path": "content/ut/x.png", "content": "AA==", "encoding": "base64" } } }),
        );
        assert_eq!(status, 403);
        assert!(!outside.path().join("x.png").exists());
    }

    #[test]
    fn a_page_is_not_renamed_onto_another_nor_saved_under_a_name_arkiv_leaves_out() {
        let (dir, site) = site();
        let other = dir.path().join("content/nyheter/b.md");
        std::fs::write(&other, "---\ntitle: B\n---\n").unwrap();
        let (status, answer) = post(
            &site,
            json!({ "action": "persistEntry", "params": {
                "dataFiles": [{ "path": "content/nyheter/a.md", "raw": "---\ntitle: A2\n---\n", "newPath": "content/nyheter/b.md" }], "assets": [] } }),
        );
        assert_eq!(status, 403, "{answer}");
        assert_eq!(
            std::fs::read_to_string(&other).unwrap(),
            "---\ntitle: B\n---\n"
        );
        let (status, _) = post(
            &site,
            json!({ "action": "persistEntry", "params": {
                "dataFiles": [{ "path": "content/nyheter/c.md~", "raw": "x" }], "assets": [] } }),
        );
        assert_eq!(status, 403);
    }

    #[test]
    fn a_page_over_the_builds_limit_is_refused() {
        let (_dir, site) = site();
        let raw = "x".repeat(MAX_TEXT_BYTES as usize + 1);
        let (status, answer) = post(
            &site,
            json!({ "action": "persistEntry", "params": {
                "dataFiles": [{ "path": "content/nyheter/big.md", "raw": raw }], "assets": [] } }),
        );
        assert_eq!(status, 500, "{answer}");
        assert!(answer["error"].as_str().unwrap().contains("16"), "{answer}");
    }

    #[test]
    fn a_page_too_large_to_read_is_named_with_its_help() {
        let (dir, site) = site();
        let path = dir.path().join("content/nyheter/big.md");
        std::fs::write(&path, "x".repeat(MAX_TEXT_BYTES as usize + 1)).unwrap();
        let Err(Refusal::Failed(said)) = entry(&site, &path) else {
            panic!("a page over the limit was read");
        };
        assert!(said.contains("content/nyheter/big.md"), "{said}");
        assert!(said.contains(&t!("fs-too-large-hint")), "{said}");
        let missing = entry(&site, &dir.path().join("content/nyheter/ny.md"));
        assert!(missing.is_ok_and(|entry| entry["data"].is_null()));
    }
}
