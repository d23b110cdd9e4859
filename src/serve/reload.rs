//! Live reload: the script injected into served pages, the events it listens
//! for, and the error overlay.
//!
//! In: what a rebuild changed. Out: server-sent events and HTML with the
//! script (and, while a build is broken, the overlay). Only `serve` uses this;
//! `build` output never contains it.

use serde::Serialize;

use crate::text::escape_html;

/// Where the script is served.
pub const SCRIPT_PATH: &str = "/__arkiv/live.js";
/// Where pages listen for events.
pub const EVENTS_PATH: &str = "/__arkiv/events";
/// The overlay's element id.
pub const OVERLAY_ID: &str = "arkiv-fel";

/// What open pages are told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// These URL paths changed (or all of them).
    Reload {
        /// Changed pages' URL paths: `/nyheter/x/`.
        paths: Vec<String>,
        /// Every page changed.
        all: bool,
    },
    /// Only stylesheets changed: swap them without reloading.
    Css,
    /// The last rebuild failed: show this text over the page.
    Failed(String),
    /// A rebuild succeeded after a failure: clear the overlay.
    Fixed,
}

#[derive(Serialize)]
struct ReloadData<'a> {
    paths: &'a [String],
    all: bool,
}

impl Event {
    /// The SSE event name and JSON data.
    pub fn to_sse(&self) -> (&'static str, String) {
        match self {
            Event::Reload { paths, all } => (
                "reload",
                serde_json::to_string(&ReloadData { paths, all: *all }).unwrap_or_default(),
            ),
            Event::Css => ("css", "{}".into()),
            Event::Failed(message) => (
                "build-error",
                serde_json::json!({ "message": message }).to_string(),
            ),
            Event::Fixed => ("fixed", "{}".into()),
        }
    }
}

/// The URL path an output file is reached at: `nyheter/x/index.html` → `/nyheter/x/`.
pub fn url_path(output_path: &str) -> String {
    match output_path.strip_suffix("index.html") {
        Some(folder) => format!("/{folder}"),
        None => format!("/{output_path}"),
    }
}

/// Adds the live-reload script, and the overlay while `error` is set, before `</body>`.
pub fn inject(html: &str, error: Option<&str>) -> String {
    let mut extra = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
    if let Some(error) = error {
        extra.push_str(&overlay(error));
    }
    match html.rfind("</body>") {
        Some(at) => format!("{}{extra}{}", &html[..at], &html[at..]),
        None => format!("{html}{extra}"),
    }
}

/// The overlay with the build's error text.
pub fn overlay(error: &str) -> String {
    overlay_shell().replace("</pre>", &format!("{}</pre>", escape_html(error)))
}

/// The overlay without its text: a panel along the bottom of the window,
/// at most half its height, so the page stays readable above it; a button
/// and Esc close it. Its words are in this run's language.
fn overlay_shell() -> String {
    format!(
        "<div id=\"{OVERLAY_ID}\" role=\"alert\" style=\"{OVERLAY_STYLE}\">\
         <div style=\"display:flex;gap:1rem;align-items:flex-start;justify-content:space-between;margin:0 0 .75em\">\
         <p style=\"margin:0;font-weight:bold\">{title}</p>\
         <button type=\"button\" data-arkiv-close style=\"{BUTTON_STYLE}\">{close}</button></div>\
         <pre style=\"white-space:pre-wrap;margin:0\"></pre></div>",
        title = escape_html(&t!("overlay-title")),
        close = escape_html(&t!("overlay-close")),
    )
}

const OVERLAY_STYLE: &str = "position:fixed;left:0;right:0;bottom:0;max-height:50vh;z-index:2147483647;overflow:auto;box-sizing:border-box;padding:1rem 1.5rem;background:#1b1b1b;color:#fff;border-top:4px solid #ff6b6b;box-shadow:0 -4px 16px rgba(0,0,0,.4);font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace";

const BUTTON_STYLE: &str = "flex:none;font:inherit;color:#1b1b1b;background:#fff;border:2px solid #fff;border-radius:4px;padding:.25em .75em;cursor:pointer";

/// The script open pages run: reload on change, swap CSS, show the overlay
/// and close it (its button, Esc, or a fixed build).
pub fn script() -> &'static str {
    static SCRIPT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SCRIPT.get_or_init(|| {
        let shell = serde_json::to_string(&overlay_shell()).expect("a string serialises");
        SCRIPT_TEMPLATE.replace("OVERLAY_SHELL", &shell)
    })
}

const SCRIPT_TEMPLATE: &str = r#"(() => {
  const overlayId = "arkiv-fel";
  const shell = OVERLAY_SHELL;
  const here = () => location.pathname.replace(/index\.html$/, "");
  const source = new EventSource("/__arkiv/events");
  // Marks the page as listening, for tests and curious readers of the DOM.
  source.addEventListener("open", () => { document.documentElement.dataset.arkivLive = "open"; });
  const close = () => document.getElementById(overlayId)?.remove();
  function show(message) {
    let box = document.getElementById(overlayId);
    if (!box) {
      const holder = document.createElement("div");
      holder.innerHTML = shell;
      box = holder.firstElementChild;
      document.body.append(box);
    }
    box.querySelector("pre").textContent = message;
  }
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") close(); });
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("[data-arkiv-close]")) close();
  });
  source.addEventListener("reload", (event) => {
    const data = JSON.parse(event.data);
    if (data.all || data.paths.includes(here()) || document.getElementById(overlayId)) location.reload();
  });
  source.addEventListener("css", () => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href);
      url.searchParams.set("v", Date.now());
      link.href = url.href;
    }
  });
  source.addEventListener("build-error", (event) => show(JSON.parse(event.data).message));
  source.addEventListener("fixed", close);
})();
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_end_of_body() {
        let html = inject("<html><body><p>x</p></body></html>", None);
        assert_eq!(
            html,
            "<html><body><p>x</p><script src=\"/__arkiv/live.js\" defer></script></body></html>"
        );
        let broken = inject("<body></body>", Some("fel <här>"));
        assert!(broken.contains("fel &lt;här&gt;"));
    }

    #[test]
    fn output_paths_become_url_paths() {
        assert_eq!(url_path("nyheter/x/index.html"), "/nyheter/x/");
        assert_eq!(url_path("index.html"), "/");
        assert_eq!(url_path("404.html"), "/404.html");
    }
}
