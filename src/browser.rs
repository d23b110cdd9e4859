//! `arkiv check --browser`: every page arkiv makes, opened in Chromium and
//! read by axe-core for the WCAG 2.0, 2.1 and 2.2 rules of levels A and AA.
//!
//! In: the site, rendered as `check` renders it but for an address on
//! loopback, and served from memory there as `serve` serves it. Out: an
//! error for each rule a page breaks, with the page's source file where it
//! has one (a listing or the calendar has none: its address is named).
//! axe-core is part of arkiv (`vendor/axe-core`, with its licence), and
//! Chromium is driven over the DevTools protocol (chromiumoxide), so a
//! site's repository needs nothing installed but Chromium. Files arkiv only
//! copies (a CMS under `static/admin/`) are not its pages and are left out.

use std::net::TcpListener;
use std::path::{Path, PathBuf};

use chromiumoxide::Page;
use chromiumoxide::browser::{Browser, BrowserConfig};
use chromiumoxide::cdp::browser_protocol::page::AddScriptToEvaluateOnNewDocumentParams;
use chromiumoxide::cdp::js_protocol::runtime::EvaluateParams;
use serde::Deserialize;
use tokio_stream::StreamExt;

use crate::config::BuildOptions;
use crate::diagnostics::{Diagnostic, Diagnostics, bounded};
use crate::pipeline::Prepared;
use crate::render::outputs::Job;

/// axe-core's script.
const AXE: &str = include_str!("../vendor/axe-core/axe.min.js");
/// axe-core's Swedish texts, for Swedish messages.
const AXE_SWEDISH: &str = include_str!("../vendor/axe-core/sv.json");
/// The rules asked for: WCAG 2.0, 2.1 and 2.2 at levels A and AA.
pub const AXE_TAGS: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
/// Names the Chromium (or Chrome) program, when it is not on the PATH.
pub const CHROMIUM_VAR: &str = "ARKIV_CHROMIUM";
/// The programs looked for on the PATH, in turn.
const CHROMIUM_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// A page to read: its address on the local server and its source file.
#[derive(Clone)]
struct Target {
    address: String,
    source: Option<String>,
}

/// One rule a page breaks, as axe-core reports it.
#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    help: String,
    #[serde(rename = "helpUrl")]
    help_url: String,
    nodes: Vec<Node>,
}

/// An element that breaks it: a CSS selector path and its markup.
#[derive(Debug, Deserialize)]
struct Node {
    target: Vec<serde_json::Value>,
    html: String,
}

/// What axe-core finds on every page of the site at `opts`.
pub fn review(opts: &BuildOptions) -> Diagnostics {
    let Some(chromium) = find_chromium() else {
        return Diagnostic::usage(t!("browser-no-chromium"))
            .hint(t!("browser-no-chromium-hint", var = CHROMIUM_VAR))
            .into();
    };
    let listener = match TcpListener::bind(("127.0.0.1", 0)) {
        Ok(listener) => listener,
        Err(err) => return failed(&err.to_string()),
    };
    let origin = match listener.local_addr() {
        Ok(address) => format!("http://{address}"),
        Err(err) => return failed(&err.to_string()),
    };
    // Rendered for the local address, so every link and stylesheet is served.
    let opts = BuildOptions {
        base_url: Some(format!("{origin}/")),
        future: true,
        now: Some(opts.now()),
        ..opts.clone()
    };
    let (prepared, files) = match crate::pipeline::render_site_to_review(&opts) {
        Ok(rendered) => rendered,
        Err(errors) => return errors,
    };
    let targets = targets(&prepared);
    // axe-core's texts are part of the messages: in their language.
    let swedish = crate::i18n::current() == crate::i18n::Language::Sv;
    let runtime = match crate::serve::serve_files(listener, files, &opts.root) {
        Ok(runtime) => runtime,
        Err(errors) => return errors,
    };
    // A profile of this run's own, outside the site: runs side by side do
    // not share one, and nothing in the site's folder is removed.
    let started = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let profile =
        std::env::temp_dir().join(format!("arkiv-chromium-{}-{started}", std::process::id()));
    let found = runtime.block_on(read_pages(&chromium, &profile, &origin, &targets, swedish));
    let _ = std::fs::remove_dir_all(&profile);
    found
}

/// Chromium: the program `ARKIV_CHROMIUM` names, else the first of
/// `CHROMIUM_NAMES` on the PATH.
fn find_chromium() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os(CHROMIUM_VAR) {
        let named = PathBuf::from(named);
        return named.is_file().then_some(named);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|folder| CHROMIUM_NAMES.map(|name| folder.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Every page arkiv renders but the redirects of old addresses, with the
/// file each is made from.
fn targets(prepared: &Prepared) -> Vec<Target> {
    let default = (&prepared.config, &prepared.site);
    let others = prepared.others.iter().map(|o| (&o.config, &o.site));
    let mut targets: Vec<Target> = std::iter::once(default)
        .chain(others)
        .flat_map(|(config, site)| language_targets(config, site))
        .collect();
    targets.push(Target {
        address: prepared.config.url(crate::routes::NOT_FOUND),
        source: None,
    });
    targets
}

/// The pages of one language of the site (`targets`).
fn language_targets(config: &crate::config::Config, site: &crate::index::SiteIndex) -> Vec<Target> {
    Job::all(config, site)
        .into_iter()
        .filter(|job| !matches!(job, Job::Alias(..)))
        .filter_map(|job| {
            let folder = job.folder(site)?;
            let page = match job {
                Job::Page(id) => Some(id),
                Job::Home => site.home,
                Job::Section(kind, _) => site.section(kind).and_then(|s| s.intro),
                _ => None,
            };
            let source = page.map(|id| site.pages[id].display_path.clone());
            Some(Target {
                address: config.url(&folder),
                source,
            })
        })
        .collect()
}

/// Opens each target in a Chromium tab with axe-core loaded into every
/// page, and runs it.
async fn read_pages(
    chromium: &Path,
    profile: &Path,
    origin: &str,
    targets: &[Target],
    swedish: bool,
) -> Diagnostics {
    let config = BrowserConfig::builder()
        .chrome_executable(chromium)
        .no_sandbox()
        .user_data_dir(profile)
        // Pictures are not needed to read a page's structure, and would be
        // made in every size first (`images`): they are not loaded.
        // A long listing read by axe-core may take a while on a slow machine.
        .request_timeout(std::time::Duration::from_secs(180))
        .args([
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--no-first-run",
            "--disable-sync",
            "--blink-settings=imagesEnabled=false",
        ])
        .build();
    let config = match config {
        Ok(config) => config,
        Err(reason) => return failed(&reason),
    };
    let (mut browser, mut handler) = match Browser::launch(config).await {
        Ok(launched) => launched,
        Err(err) => return failed(&err.to_string()),
    };
    let events = tokio::spawn(async move { while handler.next().await.is_some() {} });
    // One tab per core, each reading every n-th page.
    let tabs = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let mut readers = Vec::new();
    for n in 0..tabs {
        let tab = match prepare_tab(&browser, swedish).await {
            Ok(tab) => tab,
            Err(reason) => {
                readers.iter().for_each(tokio::task::JoinHandle::abort);
                let _ = browser.close().await;
                events.abort();
                return failed(&reason);
            }
        };
        let share: Vec<Target> = targets.iter().skip(n).step_by(tabs).cloned().collect();
        let origin = origin.to_string();
        readers.push(tokio::spawn(async move {
            let mut findings = Diagnostics::new();
            for target in &share {
                findings.extend(read_page(&tab, &origin, target).await);
            }
            findings
        }));
    }
    let mut findings = Diagnostics::new();
    for reader in readers {
        match reader.await {
            Ok(found) => findings.extend(found),
            // A tab's pages unread are not pages without faults.
            Err(err) => findings.extend(failed(&err.to_string())),
        }
    }
    let _ = browser.close().await;
    let _ = browser.wait().await;
    events.abort();
    findings
}

/// A tab that loads axe-core (in Swedish when the messages are) into every page it opens.
async fn prepare_tab(browser: &Browser, swedish: bool) -> Result<Page, String> {
    let tab = browser
        .new_page("about:blank")
        .await
        .map_err(|e| e.to_string())?;
    let mut script = AXE.to_string();
    if swedish {
        script.push_str(&format!(";axe.configure({{ locale: {AXE_SWEDISH} }});"));
    }
    tab.evaluate_on_new_document(AddScriptToEvaluateOnNewDocumentParams::new(script))
        .await
        .map_err(|e| e.to_string())?;
    Ok(tab)
}

/// What axe-core finds on one page, or why it could not look.
async fn read_page(tab: &Page, origin: &str, target: &Target) -> Diagnostics {
    match run_axe(tab, origin, target).await {
        Ok(violations) => {
            let mut findings = Diagnostics::new();
            findings.extend(violations.iter().map(|v| finding(target, v)));
            findings
        }
        Err(reason) => Diagnostic::error(t!(
            "browser-page-failed",
            address = &target.address,
            reason = reason
        ))
        .hint(t!("browser-failed-hint", var = CHROMIUM_VAR))
        .into(),
    }
}

/// Opens `target` in `tab` and runs axe-core there.
async fn run_axe(tab: &Page, origin: &str, target: &Target) -> Result<Vec<Violation>, String> {
    tab.goto(format!("{origin}{}", target.address))
        .await
        .map_err(|e| e.to_string())?;
    let tags = serde_json::to_string(&AXE_TAGS).expect("a list of words");
    let run = format!(
        "axe.run(document, {{ runOnly: {{ type: 'tag', values: {tags} }}, \
         resultTypes: ['violations'] }}).then(r => JSON.stringify(r.violations))"
    );
    let params = EvaluateParams::builder()
        .expression(run)
        .await_promise(true)
        .return_by_value(true)
        .build()?;
    let json: String = tab
        .evaluate_expression(params)
        .await
        .map_err(|e| e.to_string())?
        .into_value()
        .map_err(|e| e.to_string())?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

/// The error for `violation` on `target`'s page, in its source file where it has one.
fn finding(target: &Target, violation: &Violation) -> Diagnostic {
    let first = violation.nodes.first();
    let place = first.map_or_else(String::new, |node| {
        let parts: Vec<String> = node
            .target
            .iter()
            .map(|part| {
                part.as_str()
                    .map_or_else(|| part.to_string(), str::to_string)
            })
            .collect();
        parts.join(" ")
    });
    let html = first.map_or_else(String::new, |node| bounded(&node.html, 120));
    let message = t!(
        "browser-violation",
        help = &violation.help,
        rule = &violation.id,
        address = &target.address,
        count = violation.nodes.len()
    );
    let hint = t!(
        "browser-violation-hint",
        place = place,
        html = html,
        url = &violation.help_url
    );
    let finding = Diagnostic::error(message).hint(hint);
    match &target.source {
        Some(file) => finding.in_file(file),
        None => finding,
    }
}

/// Chromium could not be started or driven: why.
fn failed(reason: &str) -> Diagnostics {
    Diagnostic::usage(t!("browser-failed", reason = reason))
        .hint(t!("browser-failed-hint", var = CHROMIUM_VAR))
        .into()
}
