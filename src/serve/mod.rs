//! `arkiv serve`: the same pipeline held in memory, a watcher, and an HTTP server.
//!
//! In: the site's folder and where to listen. Out: the site on loopback,
//! rebuilt in part on every save, open pages reloaded. `public/` is never
//! touched. A broken edit keeps the last good site and shows the error, with
//! file and line, in the terminal and over the open page.

pub mod editor;
mod guard;
pub mod http;
pub mod reload;
pub mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use crate::config::BuildOptions;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::pipeline::session::{Change, SearchInput, Session, Update};

/// How many ports after the asked-for one are tried when it is taken.
const PORT_TRIES: u16 = 10;

/// Lowers the server's connection cap, so tests can reach it with a few clients.
const MAX_CONNECTIONS_VAR: &str = "ARKIV_SERVE_MAX_CONNECTIONS";

/// What `arkiv serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site's folder.
    pub root: PathBuf,
    /// The port to listen on (0: any free port).
    pub port: u16,
    /// The address to listen on.
    pub bind: IpAddr,
    /// Open the site in the default browser.
    pub open: bool,
    /// Serve drafts too.
    pub drafts: bool,
    /// Answer the editor's local backend (`editor`): only with `editor:`
    /// in site.yaml, on a loopback address.
    pub editor: bool,
}

/// Builds, serves and watches until the process is stopped.
pub fn run(mut opts: ServeOptions, report: impl Fn(&Diagnostics)) -> Result<(), Diagnostics> {
    // The watcher reports absolute paths; compare them with an absolute root.
    if let Ok(root) = std::fs::canonicalize(&opts.root) {
        opts.root = root;
    }
    let listener = bind(opts.bind, opts.port)?;
    let address = listener.local_addr().map_err(|err| io_error(&err))?;
    let url = format!("http://{}/", host_of(address));
    let mut session = Session::new(BuildOptions {
        root: opts.root.clone(),
        output: None,
        drafts: opts.drafts,
        base_url: Some(url.clone()),
        // Scheduled pages are previewed, with a banner that says when they are published.
        future: true,
        now: None,
    })
    .with_search_beside();
    let theme_dir = Config::load(&opts.root)
        .map(|c| c.theme_dir())
        .unwrap_or_else(|_| opts.root.join("themes/gr"));
    let watcher = watch::watch(&opts.root, &theme_dir).map_err(|err| {
        Diagnostics::from(
            Diagnostic::usage(t!("serve-cannot-watch", reason = err.to_string()))
                .hint(t!("serve-cannot-watch-hint")),
        )
    })?;
    // Writing files is asked for on the command line: a site.yaml from a
    // pull request cannot turn it on by itself.
    let editor = opts.editor && Config::load(&opts.root).is_ok_and(|c| c.editor.is_some());
    let shared = Arc::new(
        http::Shared::new(
            allowed_hosts(address),
            address.ip().is_loopback(),
            crate::fs::SiteRoot::new(&opts.root),
        )
        .with_editor(editor),
    );
    // Serving starts at once: the start page comes as soon as the site is
    // indexed, and a request for another page waits for the rest.
    // The runtime serves for as long as this function runs.
    let _runtime = start_http(listener, &shared)?;
    println!(
        "{}",
        t!(
            "serve-serving",
            root = opts.root.display().to_string(),
            url = &url
        )
    );
    let search = search_beside(Arc::clone(&shared));
    let open = opts.open.then_some(url.as_str());
    build_first(&mut session, &shared, &search, &report, open);
    while let Ok(changes) = watcher.changes.recv() {
        let changes = with_waiting(changes, &watcher);
        if rebuild(&mut session, &changes, &shared, &report) {
            search.send(session.search_input());
        }
    }
    Ok(())
}

/// The first build: the start page is served (and opened in the browser,
/// with `open`) as soon as the site is indexed, then everything else.
fn build_first(
    session: &mut Session,
    shared: &http::Shared,
    search: &SearchBeside,
    report: &impl Fn(&Diagnostics),
    open: Option<&str>,
) {
    let started = Instant::now();
    let opened = std::cell::Cell::new(false);
    let open_once = || {
        if let Some(url) = open.filter(|_| !opened.replace(true)) {
            let _ = open::that_detached(url);
        }
    };
    let mut first = |update: Update| {
        shared.apply(&update);
        open_once();
    };
    match session.full_build_with(&mut first) {
        Ok(update) => {
            report(&update.warnings);
            shared.set_gone(session.gone());
            shared.apply(&update);
            let ms = millis_since(started);
            println!("{}", t!("serve-built", files = update.files.len(), ms = ms));
            search.send(session.search_input());
        }
        Err(errors) => fail(shared, &errors, report),
    }
    open_once();
}

/// Starts the HTTP server on `listener`, on a runtime of its own.
/// Serves `files` (a whole site, rendered for `listener`'s address) from
/// memory until the returned runtime is dropped, as `serve` does: for
/// `check --browser`, which looks at the pages in Chromium. Files on disk
/// are read only from inside `site`.
pub fn serve_files(
    listener: TcpListener,
    files: Vec<crate::output::OutputFile>,
    site: &std::path::Path,
) -> Result<tokio::runtime::Runtime, Diagnostics> {
    let address = listener.local_addr().map_err(|err| io_error(&err))?;
    let shared = Arc::new(
        http::Shared::new(allowed_hosts(address), true, crate::fs::SiteRoot::new(site)).still(),
    );
    shared.apply(&Update {
        files,
        removed: Vec::new(),
        is_full: true,
        reload_all: false,
        warnings: Diagnostics::new(),
    });
    start_http(listener, &shared)
}

fn start_http(
    listener: TcpListener,
    shared: &Arc<http::Shared>,
) -> Result<tokio::runtime::Runtime, Diagnostics> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|err| io_error(&err))?;
    listener
        .set_nonblocking(true)
        .map_err(|err| io_error(&err))?;
    let server = {
        let _guard = runtime.enter();
        tokio::net::TcpListener::from_std(listener).map_err(|err| io_error(&err))?
    };
    runtime.spawn(http::serve(server, Arc::clone(shared), max_connections()));
    Ok(runtime)
}

/// `changes` and every batch already waiting behind it, sorted, each once.
fn with_waiting(mut changes: Vec<Change>, watcher: &watch::Watcher) -> Vec<Change> {
    while let Ok(more) = watcher.changes.try_recv() {
        changes.extend(more);
    }
    changes.sort();
    changes.dedup();
    if std::env::var_os("ARKIV_DEBUG_WATCH").is_some() {
        eprintln!("changes: {changes:?}");
    }
    changes
}

/// Rebuilds after `changes` and serves the result: the edited pages first,
/// then the listings that show them. True when pages changed, so the
/// search index is to be made again.
fn rebuild(
    session: &mut Session,
    changes: &[Change],
    shared: &http::Shared,
    report: &impl Fn(&Diagnostics),
) -> bool {
    let started = Instant::now();
    let mut first = |update: Update| {
        shared.apply(&update);
        if std::env::var_os("ARKIV_TIMINGS").is_some() {
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            eprintln!("     first: {ms:>7.1} ms");
        }
    };
    if let Some(preview) = session.preview(changes) {
        first(preview);
    }
    match session.apply_with(changes, &mut first) {
        Ok(update) => {
            report(&update.warnings);
            shared.set_gone(session.gone());
            shared.apply(&update);
            let count = update.files.len() + update.removed.len();
            let ms = millis_since(started);
            println!("{}", t!("serve-rebuilt", count = count, ms = ms));
            !update.is_css_only() && count > 0
        }
        Err(errors) => {
            fail(shared, &errors, report);
            false
        }
    }
}

/// Gives what the calling thread freed back to the system now. mimalloc,
/// the binary's allocator, does so when the thread next allocates, and the
/// search threads sleep until the next edit, holding all that indexing freed.
fn give_back_freed_memory() {
    // SAFETY: `mi_collect` only frees and purges the calling thread's heap.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

/// Gives the calling thread the lowest priority, so the system runs it when
/// nothing else wants the processor.
fn lower_priority() {
    // Linux gives each thread a priority of its own; elsewhere the search
    // threads share the server's.
    #[cfg(target_os = "linux")]
    {
        let thread = rustix::thread::gettid();
        let _ = rustix::process::setpriority_process(Some(thread), 19);
    }
}

/// How long the search index waits after an edit for the next one: saves
/// come in bursts, and each index is made from the whole site.
const SEARCH_QUIET: Duration = Duration::from_millis(500);

/// Where the site's search inputs go to be indexed beside serving.
struct SearchBeside(Option<mpsc::Sender<SearchInput>>);

impl SearchBeside {
    /// Asks for the search index of `input`'s site (`None`: search is off).
    fn send(&self, input: Option<SearchInput>) {
        if let (Some(sender), Some(input)) = (&self.0, input) {
            let _ = sender.send(input);
        }
    }
}

/// Builds the search index on a thread of its own, so pages are served
/// before it is ready and an edit's pages before it is made again; only the
/// newest of the inputs that came meanwhile is indexed.
fn search_beside(shared: Arc<http::Shared>) -> SearchBeside {
    let (sender, inputs) = mpsc::channel::<SearchInput>();
    let spawned = std::thread::Builder::new()
        .name("search".into())
        .spawn(move || {
            // Threads of their own, behind serving's: an edit's pages are
            // rendered first even while the index is being made.
            let pool = rayon::ThreadPoolBuilder::new()
                .thread_name(|n| format!("search-{n}"))
                .start_handler(|_| lower_priority())
                .build()
                .ok();
            lower_priority();
            let mut quiet = Duration::ZERO;
            while let Ok(mut input) = inputs.recv() {
                loop {
                    match inputs.recv_timeout(quiet) {
                        Ok(newer) => input = newer,
                        Err(mpsc::RecvTimeoutError::Timeout) => break,
                        Err(mpsc::RecvTimeoutError::Disconnected) => return,
                    }
                }
                let started = Instant::now();
                let built = match &pool {
                    Some(pool) => pool.install(|| input.build()),
                    None => input.build(),
                };
                match built {
                    Ok(files) => {
                        shared.replace_search(files);
                        if let Some(pool) = &pool {
                            pool.broadcast(|_| give_back_freed_memory());
                        }
                        give_back_freed_memory();
                        let ms = millis_since(started);
                        println!("{}", t!("serve-search-ready", ms = ms));
                    }
                    Err(errors) => eprintln!("{errors}"),
                }
                quiet = SEARCH_QUIET;
            }
        });
    SearchBeside(spawned.ok().map(|_| sender))
}

fn fail(shared: &http::Shared, errors: &Diagnostics, report: &impl Fn(&Diagnostics)) {
    report(errors);
    // The page in the browser says why nothing was built: the errors. The
    // warnings, which may be thousands, are in the terminal.
    let text: Vec<String> = errors
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.render_human(false))
        .collect();
    shared.fail(text.join("\n"));
    println!("{}", t!("serve-failed", errors = errors.error_count()));
}

/// Binds `port`, or the next free one of the following few (printed), or any with port 0.
fn bind(address: IpAddr, port: u16) -> Result<TcpListener, Diagnostics> {
    let tries = if port == 0 { 1 } else { PORT_TRIES };
    let mut last_error = None;
    for offset in 0..tries {
        let candidate = port.saturating_add(offset);
        match TcpListener::bind(SocketAddr::new(address, candidate)) {
            Ok(listener) => {
                if offset > 0 {
                    println!("{}", t!("serve-port-taken", port = port, other = candidate));
                }
                return Ok(listener);
            }
            Err(err) => last_error = Some(err),
        }
    }
    let err = last_error.map_or_else(|| t!("serve-unknown-error"), |e| e.to_string());
    Err(Diagnostic::usage(t!(
        "serve-cannot-listen",
        address = address.to_string(),
        first = port,
        last = port.saturating_add(tries - 1),
        reason = err
    ))
    .hint(t!("serve-cannot-listen-hint"))
    .into())
}

/// The connection cap: [`MAX_CONNECTIONS_VAR`] if it is a positive number, else the default.
fn max_connections() -> usize {
    std::env::var(MAX_CONNECTIONS_VAR)
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .filter(|&cap| cap > 0)
        .unwrap_or(http::MAX_CONNECTIONS)
}

fn host_of(address: SocketAddr) -> String {
    match address.ip() {
        IpAddr::V6(ip) => format!("[{ip}]:{}", address.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", address.port()),
    }
}

/// The `Host` values pages of this server send.
fn allowed_hosts(address: SocketAddr) -> Vec<String> {
    let port = address.port();
    let mut hosts = vec![host_of(address), format!("localhost:{port}")];
    if address.ip().is_loopback() {
        hosts.push(format!("127.0.0.1:{port}"));
        hosts.push(format!("[::1]:{port}"));
    }
    hosts
}

fn io_error(err: &std::io::Error) -> Diagnostics {
    Diagnostic::usage(t!("serve-cannot-start", reason = err.to_string()))
        .hint(t!("serve-cannot-start-hint"))
        .into()
}

/// Milliseconds since `started`, for the lines `serve` prints.
fn millis_since(started: Instant) -> u64 {
    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
}
