//! The dev server's HTTP side: only the built site, from memory, with the
//! live-reload script injected into HTML.
//!
//! In: requests. Out: the site's files, `/__arkiv/live.js` and the event
//! stream. Paths with `..`, `.`, backslashes or NUL (also percent-encoded)
//! are 404: nothing outside the built site is ever read. The event stream
//! answers only requests whose Host and Origin are this server's.

use std::collections::HashMap;
use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::broadcast;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::output::Contents;
use crate::serve::rebuild::Update;
use crate::serve::reload::{self, Event};
use crate::text::percent_decode;

/// A file the server holds: made by the build, or a file on disk (attachments).
#[derive(Debug, Clone)]
pub enum Served {
    /// Bytes in memory.
    Bytes(Arc<[u8]>),
    /// A file to read when asked for.
    File(PathBuf),
}

/// What the HTTP side and the rebuild loop share.
pub struct Shared {
    files: RwLock<HashMap<String, Served>>,
    error: RwLock<Option<String>>,
    events: broadcast::Sender<Event>,
    hosts: Vec<String>,
    /// Answer only requests addressed to `hosts` (on loopback, against DNS rebinding).
    is_local_only: bool,
}

impl Shared {
    /// Nothing served yet; `hosts` are the `Host` values this server answers to.
    ///
    /// With `is_local_only` (a loopback address) every request must name one of
    /// them, so a web page cannot reach the preview by rebinding its own name
    /// to 127.0.0.1; otherwise only the event stream checks.
    pub fn new(hosts: Vec<String>, is_local_only: bool) -> Self {
        let (events, _) = broadcast::channel(64);
        Shared {
            files: RwLock::new(HashMap::new()),
            error: RwLock::new(None),
            events,
            hosts,
            is_local_only,
        }
    }

    /// Puts a rebuild's files in place and tells open pages what changed.
    pub fn apply(&self, update: &Update) {
        let was_broken = self
            .error
            .write()
            .map(|mut e| e.take().is_some())
            .unwrap_or(false);
        // Pages served already with the same bytes (a preview came first) are
        // not reloaded again.
        let mut changed: Vec<String> = update.removed.clone();
        {
            let mut files = self
                .files
                .write()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if update.is_full {
                files.clear();
            }
            for path in &update.removed {
                files.remove(path);
            }
            for file in &update.files {
                let served = match &file.contents {
                    Contents::Bytes(bytes) => Served::Bytes(Arc::from(bytes.as_slice())),
                    Contents::Copy(path) => Served::File(path.clone()),
                };
                let same = matches!(
                    (files.get(&file.path), &served),
                    (Some(Served::Bytes(old)), Served::Bytes(new)) if old == new
                );
                if !same {
                    changed.push(file.path.clone());
                }
                files.insert(file.path.clone(), served);
            }
        }
        if was_broken {
            let _ = self.events.send(Event::Fixed);
        }
        let event = if update.is_css_only() {
            Event::Css
        } else {
            Event::Reload {
                paths: changed_pages(&changed),
                all: update.reload_all,
            }
        };
        let _ = self.events.send(event);
    }

    /// Records a failed rebuild: pages keep the last good site and show `message` over it.
    pub fn fail(&self, message: String) {
        if let Ok(mut error) = self.error.write() {
            *error = Some(message.clone());
        }
        let _ = self.events.send(Event::Failed(message));
    }

    fn get(&self, key: &str) -> Option<Served> {
        self.files.read().ok()?.get(key).cloned()
    }

    fn error(&self) -> Option<String> {
        self.error.read().ok()?.clone()
    }
}

fn changed_pages(paths: &[String]) -> Vec<String> {
    paths
        .iter()
        .filter(|p| p.ends_with(".html"))
        .map(|p| reload::url_path(p))
        .collect()
}

/// Serves `shared` on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    let app = Router::new()
        .route(reload::EVENTS_PATH, get(events))
        .route(reload::SCRIPT_PATH, get(script))
        .fallback(get(file))
        .with_state(shared);
    axum::serve(listener, app).await
}

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        reload::SCRIPT,
    )
        .into_response()
}

async fn events(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let hosts = shared.is_local_only.then_some(shared.hosts.as_slice());
    if !is_own_request(hosts, &headers) {
        return (
            StatusCode::FORBIDDEN,
            "the event stream is only for pages of this server",
        )
            .into_response();
    }
    let mut first = Vec::new();
    if let Some(message) = shared.error() {
        first.push(Event::Failed(message));
    }
    let initial = tokio_stream::iter(first.into_iter().map(Ok::<_, Infallible>));
    let updates =
        BroadcastStream::new(shared.events.subscribe()).filter_map(|event| event.ok().map(Ok));
    let stream = initial
        .chain(updates)
        .map(|event: Result<Event, Infallible>| {
            let (name, data) = event.unwrap_or_else(|never| match never {}).to_sse();
            Ok::<_, Infallible>(SseEvent::default().event(name).data(data))
        });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

/// True when `Host` is one of `hosts` (any, when `None`) and an `Origin`, if sent,
/// is the same host: other sites can neither listen in nor rebind their name to us.
fn is_own_request(hosts: Option<&[String]>, headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let host_ok = hosts.is_none_or(|hosts| hosts.iter().any(|allowed| allowed == host));
    let origin_ok = match headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        None => true,
        Some(origin) => origin == format!("http://{host}"),
    };
    host_ok && origin_ok
}

async fn file(State(shared): State<Arc<Shared>>, uri: Uri, headers: HeaderMap) -> Response {
    if shared.is_local_only && !is_own_request(Some(shared.hosts.as_slice()), &headers) {
        return (
            StatusCode::FORBIDDEN,
            "this preview answers only to its own address",
        )
            .into_response();
    }
    let Some(key) = site_key(uri.path()) else {
        return not_found(&shared).await;
    };
    let (key, served) = match lookup(&shared, &key) {
        Lookup::Found(key, served) => (key, served),
        Lookup::Folder(location) => {
            return (
                StatusCode::MOVED_PERMANENTLY,
                [(header::LOCATION, location)],
            )
                .into_response();
        }
        Lookup::Missing => return not_found(&shared).await,
    };
    match respond(&shared, &key, served, StatusCode::OK).await {
        Some(response) => response,
        None => not_found(&shared).await,
    }
}

enum Lookup {
    Found(String, Served),
    Folder(String),
    Missing,
}

fn lookup(shared: &Shared, key: &str) -> Lookup {
    if key.is_empty() || key.ends_with('/') {
        let index = format!("{key}index.html");
        return match shared.get(&index) {
            Some(served) => Lookup::Found(index, served),
            None => Lookup::Missing,
        };
    }
    if let Some(served) = shared.get(key) {
        return Lookup::Found(key.to_string(), served);
    }
    if shared.get(&format!("{key}/index.html")).is_some() {
        return Lookup::Folder(format!("/{key}/"));
    }
    Lookup::Missing
}

/// The key of a request path in the site, or `None` for paths that try to leave it.
pub fn site_key(path: &str) -> Option<String> {
    let decoded = percent_decode(path);
    if decoded.contains(['\\', '\0']) || !decoded.starts_with('/') {
        return None;
    }
    let relative = &decoded[1..];
    let segments: Vec<&str> = relative.split('/').collect();
    let last = segments.len() - 1;
    let is_clean = segments
        .iter()
        .enumerate()
        .all(|(i, s)| *s != ".." && *s != "." && (!s.is_empty() || i == last));
    is_clean.then(|| relative.to_string())
}

async fn respond(
    shared: &Shared,
    key: &str,
    served: Served,
    status: StatusCode,
) -> Option<Response> {
    let bytes: Vec<u8> = match served {
        Served::Bytes(bytes) => bytes.to_vec(),
        Served::File(path) => tokio::fs::read(path).await.ok()?,
    };
    let is_html = key.ends_with(".html");
    let content_type = if is_html {
        "text/html; charset=utf-8".to_string()
    } else {
        mime_guess::from_path(key)
            .first_or_octet_stream()
            .to_string()
    };
    let body = if is_html {
        let html = String::from_utf8_lossy(&bytes);
        Body::from(reload::inject(&html, shared.error().as_deref()))
    } else {
        Body::from(bytes)
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&content_type)
            .unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    Some(response)
}

async fn not_found(shared: &Shared) -> Response {
    if let Some(served) = shared.get("404.html")
        && let Some(response) = respond(shared, "404.html", served, StatusCode::NOT_FOUND).await
    {
        return response;
    }
    (StatusCode::NOT_FOUND, "404: sidan finns inte").into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_site_have_no_key() {
        assert_eq!(site_key("/nyheter/x/").as_deref(), Some("nyheter/x/"));
        assert_eq!(site_key("/").as_deref(), Some(""));
        assert_eq!(site_key("/css/site.css").as_deref(), Some("css/site.css"));
        for bad in [
            "/../site.yaml",
            "/%2e%2e/site.yaml",
            "/nyheter/..%2f..%2fsite.yaml",
            "/a/./b",
            "/%2E%2E%5Csite.yaml",
            "/a%00.html",
            "/a//b",
        ] {
            assert_eq!(site_key(bad), None, "{bad}");
        }
    }

    #[test]
    fn requests_must_name_this_server() {
        let hosts = vec!["127.0.0.1:1111".to_string(), "localhost:1111".to_string()];
        let hosts = Some(hosts.as_slice());
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1:1111"));
        assert!(is_own_request(hosts, &headers));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example"),
        );
        assert!(!is_own_request(hosts, &headers), "another site's page");
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://127.0.0.1:1111"),
        );
        assert!(is_own_request(hosts, &headers));
        headers.insert(header::HOST, HeaderValue::from_static("evil.example:1111"));
        headers.insert(
            header::ORIGIN,
            HeaderValue::from_static("http://evil.example:1111"),
        );
        assert!(
            !is_own_request(hosts, &headers),
            "a name rebound to loopback"
        );
        assert!(
            is_own_request(None, &headers),
            "on a LAN address, any same-origin name"
        );
    }
}
