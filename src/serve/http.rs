//! The dev server's HTTP side: only the built site, from memory, with the
//! live-reload script injected into HTML.
//!
//! In: requests. Out: the site's files, `/__arkiv/live.js` and the event
//! stream. Paths with `..`, `.`, backslashes or NUL (also percent-encoded)
//! are 404: nothing outside the built site is ever read. The event stream
//! answers only requests whose Host and Origin are this server's.
//!
//! What it refuses, on every path: a request whose absolute URL names
//! another server (`GET http://other.example/`) and one with two `Host`
//! headers are 400. A client that has not sent a request's headers within
//! [`HEADER_READ_TIMEOUT`] is disconnected, and at most [`MAX_CONNECTIONS`]
//! connections are open at once: further clients wait until one closes.

use std::collections::HashMap;
use std::convert::Infallible;
use std::io::ErrorKind;
use std::path::PathBuf;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Semaphore, broadcast};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::BroadcastStream;

use crate::fs::SiteRoot;
use crate::output::{Contents, OutputFile};
use crate::pipeline::session::Update;
use crate::serve::guard::{is_own_request, misaddressed};
use crate::serve::reload::{self, Event};
use crate::text::percent_decode;

/// How long a client may take to send a request's headers before it is disconnected.
///
/// The clock also runs while a kept-alive connection waits for its next
/// request, so an idle connection is closed after this long too; browsers
/// then open a new one. It never runs while a response is sent, so the
/// event stream stays open.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(5);

/// How many connections the server keeps open at once, unless told otherwise.
pub const MAX_CONNECTIONS: usize = 256;

/// How long to wait before accepting again after an error such as running out of file descriptors.
const ACCEPT_RETRY: Duration = Duration::from_secs(1);

/// A file the server holds: made by the build, or a file on disk (attachments).
#[derive(Debug, Clone)]
pub enum Served {
    /// Bytes in memory.
    Bytes(Arc<[u8]>),
    /// A file to read when asked for.
    File(PathBuf),
    /// A picture's file, made (or taken from the image cache) when asked for.
    Picture(Arc<crate::images::PictureFile>),
}

impl Served {
    /// How the server holds `contents`.
    fn of(contents: &Contents) -> Served {
        match contents {
            Contents::Bytes(bytes) => Served::Bytes(Arc::from(bytes.as_slice())),
            Contents::Copy(path) => Served::File(path.clone()),
            Contents::Picture(picture) => Served::Picture(Arc::clone(picture)),
        }
    }
}

/// True for a file of the search index (`routes::SEARCH_BUNDLE`).
fn is_search_file(path: &str) -> bool {
    path.strip_prefix(crate::routes::SEARCH_BUNDLE)
        .is_some_and(|rest| rest.starts_with('/'))
}

/// What the HTTP side and the rebuild loop share.
pub struct Shared {
    files: RwLock<HashMap<String, Served>>,
    /// The files at the addresses of pages that expired: served with 410 Gone.
    gone: RwLock<std::collections::HashSet<String>>,
    error: RwLock<Option<String>>,
    events: broadcast::Sender<Event>,
    hosts: Vec<String>,
    /// Answer only requests addressed to `hosts` (on loopback, against DNS rebinding).
    is_local_only: bool,
    /// The site's folder: a file on disk is served only while its real path is inside it.
    site: SiteRoot,
    /// Whether the first build is served whole (or failed), told again at
    /// every update: until it is, a request for a page not there yet waits
    /// for it rather than getting a 404.
    ready: tokio::sync::watch::Sender<bool>,
    /// Pages get the reload script (`serve`); not for `check --browser`,
    /// whose pages hold no event stream open.
    live: bool,
    /// The editor at `/admin/` may read and write the site's files
    /// (`editor`): site.yaml has `editor:`, and this is `arkiv serve`.
    editor: bool,
}

impl Shared {
    /// Nothing served yet; `hosts` are the `Host` values this server answers to.
    ///
    /// With `is_local_only` (a loopback address) every request must name one of
    /// them, so a web page cannot reach the preview by rebinding its own name
    /// to 127.0.0.1; otherwise only the event stream checks.
    ///
    /// Files on disk (attachments) are read only from inside `site`, checked
    /// on every request: a file replaced by a link out of the site after the
    /// last rebuild is not served.
    pub fn new(hosts: Vec<String>, is_local_only: bool, site: SiteRoot) -> Self {
        let (events, _) = broadcast::channel(64);
        Shared {
            files: RwLock::new(HashMap::new()),
            gone: RwLock::default(),
            error: RwLock::new(None),
            events,
            hosts,
            is_local_only,
            site,
            ready: tokio::sync::watch::Sender::new(false),
            live: true,
            editor: false,
        }
    }

    /// `self` answering the editor's local backend (`editor`) when `on`.
    pub fn with_editor(mut self, on: bool) -> Self {
        self.editor = on;
        self
    }

    /// `self` serving pages as they are, without the reload script.
    pub fn still(mut self) -> Self {
        self.live = false;
        self
    }

    /// Notes an update applied; `done` when the first build is done (served
    /// whole, or failed), so requests stop waiting for it.
    fn progressed(&self, done: bool) {
        // `send_modify` wakes the waiting requests even when the flag stays as it was.
        self.ready.send_modify(|ready| *ready |= done);
    }

    /// What `key` leads to, waiting (up to a minute) while the first build
    /// is being made and the key leads nowhere yet.
    async fn lookup_soon(&self, key: &str) -> Lookup {
        let mut progress = self.ready.subscribe();
        let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
        loop {
            // Seen before looking, so an update in between wakes the wait below.
            let ready = *progress.borrow_and_update();
            let found = lookup(self, key);
            if ready || !matches!(found, Lookup::Missing) {
                return found;
            }
            let changed = tokio::time::timeout_at(deadline, progress.changed()).await;
            if !matches!(changed, Ok(Ok(()))) {
                return found;
            }
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
                // A search index built beside the site (`replace_search`) stays
                // until the next one replaces it.
                let has_index = update.files.iter().any(|f| is_search_file(&f.path));
                files.retain(|path, _| !has_index && is_search_file(path));
            }
            for path in &update.removed {
                files.remove(path);
            }
            for file in &update.files {
                let served = Served::of(&file.contents);
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
        self.progressed(update.is_full);
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

    /// Notes which files stand at the addresses of pages that expired.
    pub fn set_gone(&self, paths: Vec<String>) {
        if let Ok(mut gone) = self.gone.write() {
            *gone = paths.into_iter().collect();
        }
    }

    /// Puts the search index's files in place of the last ones (those under
    /// `routes::SEARCH_BUNDLE`), without reloading pages or touching a build error.
    pub fn replace_search(&self, index: Vec<OutputFile>) {
        let mut files = self
            .files
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        files.retain(|path, _| !is_search_file(path));
        for file in index {
            files.insert(file.path, Served::of(&file.contents));
        }
    }

    /// Records a failed rebuild: pages keep the last good site and show `message` over it.
    pub fn fail(&self, message: String) {
        if let Ok(mut error) = self.error.write() {
            *error = Some(message.clone());
        }
        self.progressed(true);
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

/// Serves `shared` on `listener`, at most `max_connections` at once, until the process ends.
///
/// Each connection gets [`HEADER_READ_TIMEOUT`] to send each request's headers.
pub async fn serve(listener: TcpListener, shared: Arc<Shared>, max_connections: usize) {
    let app = Router::new()
        .route(reload::EVENTS_PATH, get(events))
        .route(reload::SCRIPT_PATH, get(script))
        .route(
            crate::editor::LOCAL_API,
            post(editor_api).layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .fallback(get(file))
        .layer(middleware::from_fn_with_state(
            Arc::clone(&shared),
            refuse_misaddressed,
        ))
        .with_state(shared);
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
    let permits = Arc::new(Semaphore::new(max_connections));
    loop {
        // Waiting here, rather than accepting and closing at once, leaves the
        // extra clients in the kernel's queue at no cost to us; they are
        // served in turn as connections close (a stalled one within
        // HEADER_READ_TIMEOUT) instead of seeing a page or image fail to load.
        let Ok(permit) = Arc::clone(&permits).acquire_owned().await else {
            return; // Only a closed semaphore fails, and this one is never closed.
        };
        let stream = accept(&listener).await;
        let service = TowerToHyperService::new(app.clone());
        let connection = http.serve_connection(TokioIo::new(stream), service);
        tokio::spawn(async move {
            // An error is this client's alone (it left, or was too slow): nothing to tell.
            let _ = connection.await;
            drop(permit);
        });
    }
}

/// The next connection; an error that is one client's is skipped, others are waited out.
async fn accept(listener: &TcpListener) -> TcpStream {
    loop {
        match listener.accept().await {
            Ok((stream, _)) => return stream,
            Err(err) if is_client_error(&err) => {}
            Err(err) => {
                // Out of file descriptors, say: trying again at once would spin.
                eprintln!("{}", t!("serve-accept-failed", reason = err.to_string()));
                tokio::time::sleep(ACCEPT_RETRY).await;
            }
        }
    }
}

fn is_client_error(err: &std::io::Error) -> bool {
    matches!(
        err.kind(),
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset
    )
}

/// Answers 400 to a request that [`misaddressed`] finds wrong, before any route sees it.
async fn refuse_misaddressed(
    State(shared): State<Arc<Shared>>,
    request: Request,
    next: Next,
) -> Response {
    match misaddressed(request.uri(), request.headers(), &shared.hosts) {
        Some(reason) => (StatusCode::BAD_REQUEST, reason).into_response(),
        None => next.run(request).await,
    }
}

async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        reload::script(),
    )
        .into_response()
}

/// The largest request the editor's backend takes: a file of
/// `editor::MAX_FILE_BYTES` in base64, with room for the rest.
const BODY_LIMIT: usize = (super::editor::MAX_FILE_BYTES as usize) * 4 / 3 + (1 << 20);

/// The editor's local backend (`editor`): only with `editor:` in site.yaml,
/// on a loopback address, from a page of this server (`Host` and `Origin`).
async fn editor_api(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    if !shared.editor {
        return (StatusCode::NOT_FOUND, t!("editor-api-off")).into_response();
    }
    let has_origin = headers.contains_key(header::ORIGIN);
    if !shared.is_local_only || !has_origin || !is_own_request(Some(&shared.hosts), &headers) {
        return (StatusCode::FORBIDDEN, t!("editor-api-forbidden")).into_response();
    }
    let site = shared.site.clone();
    let answered = tokio::task::spawn_blocking(move || super::editor::answer(&site, &body)).await;
    let (status, json) = answered.unwrap_or((500, serde_json::json!({ "error": "failed" })));
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, json.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    response
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
    let (key, served) = match shared.lookup_soon(&key).await {
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
    let gone = shared.gone.read().is_ok_and(|gone| gone.contains(&key));
    let status = if gone {
        StatusCode::GONE
    } else {
        StatusCode::OK
    };
    match respond(&shared, &key, served, status).await {
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
        Served::File(path) => {
            let real = shared.site.resolve(&path).ok()?;
            tokio::fs::read(real).await.ok()?
        }
        Served::Picture(picture) => {
            shared.site.resolve(&picture.source).ok()?; // may be a link out of the site by now
            let made = tokio::task::spawn_blocking(move || picture.path())
                .await
                .ok()?
                .ok()?;
            let real = shared.site.resolve(&made).ok()?;
            tokio::fs::read(real).await.ok()?
        }
    };
    let is_html = key.ends_with(".html");
    let content_type = if is_html {
        "text/html; charset=utf-8".to_string()
    } else {
        mime_guess::from_path(key)
            .first_or_octet_stream()
            .to_string()
    };
    let body = if is_html && shared.live {
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
}
