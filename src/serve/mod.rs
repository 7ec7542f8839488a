//! `signpost serve`: a local preview that rebuilds on every change, reloads open pages, and shows
//! what the checks found on the pages themselves.
//!
//! One thread owns the [`rebuild::Preview`] and rebuilds when [`watch`] reports a change; a tokio
//! runtime serves the preview folder ([`server`], over the connections of [`listen`]) and tells
//! pages to reload ([`reload`]). After each build the rebuild thread publishes a new [`Status`]
//! snapshot, which handlers take whole: no handler ever waits for a lock while a build finishes.
//! The build itself runs on a thread of its own, so that a newer change cancels it and has its
//! pages written at once (the fast path) instead of waiting behind it. Nothing here builds: the
//! pipeline and its incremental state are [`crate::build_incremental`] and [`crate::build`].

pub mod headers;
pub mod host;
pub mod listen;
pub mod overlay;
pub mod rebuild;
pub mod reload;
pub mod server;
pub mod watch;

use arc_swap::ArcSwap;
use overlay::PreviewTemplates;
use rebuild::{Preview, RebuildReport};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tokio::sync::{broadcast, watch as signal};
use watch::Change;

/// The preview's own folder inside the site folder (never the real `public/`).
pub const PREVIEW_FOLDER: &str = ".signpost-preview";

/// How to run the preview.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder (holding `site.toml`).
    pub root: PathBuf,
    /// The address to listen on: loopback unless asked otherwise.
    pub bind: IpAddr,
    /// The port (0: any free port).
    pub port: u16,
    /// Include pages and services with `status: draft`.
    pub drafts: bool,
    /// Look for changes by polling instead of the system's file events.
    pub poll: bool,
    /// Print a line for each rebuild.
    pub log: bool,
    /// Host names answered besides loopback names and the bound address (`--allow-host`).
    pub allow_hosts: Vec<String>,
    /// How long a connection may take to send a request (also between requests on a kept-alive
    /// connection) before it is closed.
    pub idle_timeout: Duration,
    /// How many connections are served at once; more wait until one closes.
    pub max_connections: usize,
    /// `--base-url`: the published address for canonical links and feeds (the preview itself is
    /// always served at `/`).
    pub base_url: Option<String>,
}

/// How long a connection may go without sending a complete request, by default.
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(20);
/// How many connections the preview serves at once, by default.
pub const MAX_CONNECTIONS: usize = 256;
/// How long `signpost serve` waits after Ctrl-C before it exits (well under the 2 s a user waits).
const STOP_GRACE: Duration = Duration::from_millis(700);

impl ServeOptions {
    /// Options for the site in `root` on 127.0.0.1 at `port`.
    pub fn new(root: &Path, port: u16) -> ServeOptions {
        ServeOptions {
            root: root.to_path_buf(),
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port,
            drafts: false,
            poll: false,
            log: false,
            allow_hosts: Vec::new(),
            idle_timeout: IDLE_TIMEOUT,
            max_connections: MAX_CONNECTIONS,
            base_url: None,
        }
    }
}

/// The last build as the server sees it: an immutable snapshot, replaced whole after each build.
#[derive(Clone)]
struct Status {
    generation: u64,
    report: Arc<RebuildReport>,
    finished_at: String,
    /// True once a build without errors has been published.
    has_site: bool,
}

/// What the HTTP handlers share with the rebuild thread.
pub struct Shared {
    folder: PathBuf,
    /// The last build; only the rebuild thread stores a new one.
    status: ArcSwap<Status>,
    events: broadcast::Sender<u64>,
    shutdown: signal::Receiver<bool>,
    templates: PreviewTemplates,
}

impl Shared {
    /// The last build, as one snapshot that stays the same however long it is held.
    fn status(&self) -> Arc<Status> {
        self.status.load_full()
    }

    /// Publishes a new snapshot and tells open pages about it.
    fn publish(&self, status: Status) {
        let generation = status.generation;
        self.status.store(Arc::new(status));
        let _ = self.events.send(generation);
    }

    /// The number of the last finished build (1 for the first).
    fn generation(&self) -> u64 {
        self.status.load().generation
    }

    /// A served page with the reload script, and the overlay and findings when there are any,
    /// all from the one snapshot `status`.
    fn decorate(&self, status: &Status, html: &str, url: &str, overlay: bool) -> String {
        let extra = match overlay {
            true => self.templates.overlay(&status.report, url, status.has_site),
            false => String::new(),
        };
        let insert = format!("{extra}{}", reload::script_tag(status.generation));
        match html.rfind("</body>").or_else(|| html.rfind("</BODY>")) {
            Some(at) => format!("{}{insert}{}", &html[..at], &html[at..]),
            None => format!("{html}{insert}"),
        }
    }

    /// The search index of the site the preview shows.
    fn search_index(&self) -> Option<Arc<crate::search::SearchIndex>> {
        self.status.load().report.search.clone()
    }

    fn review_page(&self) -> Result<String, String> {
        let status = self.status();
        let page = self.templates.review(&status.report, &status.finished_at)?;
        Ok(self.decorate(&status, &page, server::REVIEW_PATH, false))
    }
}

/// A running preview; [`ServeHandle::stop`] shuts it down cleanly.
pub struct ServeHandle {
    address: SocketAddr,
    shared: Arc<Shared>,
    runtime: Option<tokio::runtime::Runtime>,
    shutdown: signal::Sender<bool>,
    server: Option<tokio::task::JoinHandle<()>>,
    watcher: Option<watch::Watcher>,
    trigger: Option<mpsc::Sender<Change>>,
    builder: Option<std::thread::JoinHandle<()>>,
}

/// Builds the site, starts watching and serving it, and returns once the first build is served.
pub fn start(options: &ServeOptions) -> Result<ServeHandle, String> {
    let root = std::fs::canonicalize(&options.root).map_err(|e| format!("Cannot open the site folder {}: {e}", options.root.display()))?;
    let folder = root.join(PREVIEW_FOLDER);
    // What an earlier preview left (perhaps stopped in the middle of a rebuild) is never shown:
    // the folder is the preview's own, and the first build writes it again from nothing.
    if std::fs::symlink_metadata(&folder).is_ok() {
        remove_path(&folder).map_err(|e| format!("Cannot empty the preview folder {}: {e}", folder.display()))?;
    }
    // Watching starts before the first build, so that a file saved while it runs (or just after
    // the first page is served) is rebuilt, not missed.
    let (trigger, changes) = mpsc::channel();
    let watcher = watch::watch(&root, options.poll, trigger.clone())?;
    let mut preview = Preview::new(&root, options.drafts, &folder).with_base_url(options.base_url.clone());
    let report = preview.rebuild(true);
    crate::build::give_back_freed_memory();
    if options.log {
        log_report(&report);
    }
    std::fs::create_dir_all(&folder).map_err(|e| format!("Cannot create the preview folder {}: {e}", folder.display()))?;
    let folder = std::fs::canonicalize(&folder).map_err(|e| format!("Cannot open the preview folder {}: {e}", folder.display()))?;
    let templates = PreviewTemplates::load(&root)?;
    let (events, _) = broadcast::channel(16);
    let (shutdown, shutdown_receiver) = signal::channel(false);
    let shared = Arc::new(Shared {
        folder,
        status: ArcSwap::from_pointee(Status {
            generation: 1,
            has_site: report.published,
            report: Arc::new(report),
            finished_at: clock_time(),
        }),
        events,
        shutdown: shutdown_receiver,
        templates,
    });

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .thread_name("signpost-serve")
        .build()
        .map_err(|e| format!("Cannot start the preview server: {e}"))?;
    let wanted = SocketAddr::new(options.bind, options.port);
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(wanted))
        .map_err(|e| format!("Cannot listen on {wanted}: {e}. Try another port with --port."))?;
    let address = listener.local_addr().map_err(|e| format!("Cannot listen on {wanted}: {e}"))?;
    if let Ok(config) = crate::config::SiteConfig::load(&options.root) {
        headers::allow_slot_hosts(config.slots.policy_sources());
    }
    let app = server::router(shared.clone());
    let hosts = host::AllowedHosts::new(options.bind, &options.allow_hosts);
    let limits = listen::Limits {
        idle_timeout: options.idle_timeout,
        max_connections: options.max_connections.max(1),
    };
    let server = runtime.spawn(listen::run(listener, app, hosts, limits, shared.shutdown.clone()));

    let builder_shared = shared.clone();
    let log = options.log;
    let builder = std::thread::Builder::new()
        .name("signpost-rebuild".to_string())
        .spawn(move || rebuild_loop(preview, &changes, &builder_shared, log))
        .map_err(|e| format!("Cannot start the rebuild thread: {e}"))?;
    Ok(ServeHandle {
        address,
        shared,
        runtime: Some(runtime),
        shutdown,
        server: Some(server),
        watcher: Some(watcher),
        trigger: Some(trigger),
        builder: Some(builder),
    })
}

/// How often the rebuild thread looks at a build in flight while no change arrives.
const LOOK_INTERVAL: Duration = Duration::from_millis(5);

/// Rebuilds after each quiet period with changes, until every sender is gone. Each finished build
/// (and each quick update of pages) is published as a new snapshot. A change that arrives while a
/// build runs cancels it: the change's pages are written at once on the fast path, and a new build
/// starts once the cancelled one has stopped. A build that finished before the change is published
/// first, so the fast path always works from the last published site.
fn rebuild_loop(mut preview: Preview, changes: &mpsc::Receiver<Change>, shared: &Shared, log: bool) {
    let mut running: Option<rebuild::Running> = None;
    let mut stopping: Vec<rebuild::Running> = Vec::new();
    // The next build to start (true: render every page again), once nothing is stopping.
    let mut wanted: Option<bool> = None;
    loop {
        let idle = running.is_none() && stopping.is_empty() && wanted.is_none();
        let arrived = match idle {
            true => changes.recv().ok(),
            false => match changes.recv_timeout(LOOK_INTERVAL) {
                Ok(change) => Some(change),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            },
        };
        if idle && arrived.is_none() {
            break;
        }
        if let Some(first) = arrived {
            let mut change = first;
            while let Ok(more) = changes.try_recv() {
                if more == Change::Everything {
                    change = Change::Everything;
                }
            }
            let mut everything = change == Change::Everything || wanted == Some(true);
            if let Some(build) = running.take() {
                if build.is_finished() {
                    finish_build(&mut preview, build, shared, log);
                } else {
                    build.cancel();
                    everything |= build.everything();
                    stopping.push(build);
                }
            }
            if change == Change::Content {
                let started = Instant::now();
                let written = preview.quick();
                if written > 0 {
                    let mut status = Status::clone(&shared.status());
                    status.generation += 1;
                    shared.publish(status);
                    if log {
                        let ms = started.elapsed().as_secs_f64() * 1000.0;
                        eprintln!("Wrote {written} edited pages at once in {ms:.0} ms; rebuilding the rest.");
                    }
                }
            }
            wanted = Some(everything);
        }
        // A cancelled build publishes nothing; its thread is joined once it has stopped.
        stopping.retain(|build| !build.is_finished());
        if running.as_ref().is_some_and(rebuild::Running::is_finished)
            && let Some(build) = running.take()
        {
            finish_build(&mut preview, build, shared, log);
        }
        if running.is_none()
            && stopping.is_empty()
            && let Some(everything) = wanted.take()
        {
            match preview.start(everything) {
                Ok(build) => running = Some(build),
                Err(error) => eprintln!("error: Cannot start a rebuild: {error}"),
            }
        }
    }
    for build in stopping.into_iter().chain(running) {
        build.cancel();
        let _ = preview.finish(build);
    }
}

/// Publishes a finished build as a new snapshot (nothing when it was cancelled).
fn finish_build(preview: &mut Preview, build: rebuild::Running, shared: &Shared, log: bool) {
    let Some(report) = preview.finish(build) else { return };
    let report = Arc::new(report);
    let before = shared.status();
    let status = Status {
        generation: before.generation + 1,
        has_site: before.has_site || report.published,
        report: report.clone(),
        finished_at: clock_time(),
    };
    drop(before);
    shared.publish(status);
    crate::build::give_back_freed_memory();
    if log {
        log_report(&report);
    }
}

fn log_report(report: &RebuildReport) {
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .count();
    let warnings = report.diagnostics.len() - errors;
    let ms = report.elapsed.as_secs_f64() * 1000.0;
    if let Some(message) = &report.internal_error {
        eprintln!("error: {message}");
    }
    if report.published {
        let reuse = &report.reuse;
        eprintln!(
            "Rebuilt in {ms:.0} ms: {} files, {} written, {} deleted ({errors} errors, {warnings} warnings); {} pages rendered, {} kept; {} files checked, {} kept; search {}.",
            report.files,
            report.written,
            report.deleted,
            reuse.pages_rendered,
            reuse.pages_kept,
            reuse.files_checked,
            reuse.files_kept,
            if reuse.search_kept { "kept" } else { "built" }
        );
    } else {
        eprint!("{}", crate::diagnostic::render_human(&report.diagnostics));
        eprintln!("Not published ({errors} errors, {warnings} warnings): the preview shows the last version without errors.");
    }
}

/// The time of day in UTC, for "checked at".
fn clock_time() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    format!("{:02}:{:02}:{:02} UTC", (seconds / 3600) % 24, (seconds / 60) % 60, seconds % 60)
}

impl ServeHandle {
    /// The address the preview listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The number of the last finished build (1 for the first).
    pub fn generation(&self) -> u64 {
        self.shared.generation()
    }

    /// The last build's report.
    pub fn last_report(&self) -> RebuildReport {
        RebuildReport::clone(&self.shared.status().report)
    }

    /// Asks for a rebuild now, as if a file had changed.
    pub fn rebuild(&self, change: Change) {
        if let Some(trigger) = &self.trigger {
            let _ = trigger.send(change);
        }
    }

    /// Blocks until Ctrl-C (SIGINT) or, on Unix, SIGTERM.
    pub fn wait_for_ctrl_c(&self) {
        if let Some(runtime) = &self.runtime {
            runtime.block_on(stop_requested());
        }
    }

    /// Stops watching and serving: open pages are disconnected, the rebuild thread finishes.
    pub fn stop(mut self) {
        self.shut_down(None);
    }

    /// Stops watching and serving within about `grace`: a rebuild still running then is left
    /// behind (the process is about to exit; the next preview starts from an empty folder).
    pub fn stop_within(mut self, grace: Duration) {
        self.shut_down(Some(Instant::now() + grace));
    }

    fn shut_down(&mut self, deadline: Option<Instant>) {
        let _ = self.shutdown.send(true);
        self.watcher = None;
        self.trigger = None;
        let server_wait = deadline.map_or(Duration::from_secs(3), |d| d.saturating_duration_since(Instant::now()) / 2);
        if let (Some(runtime), Some(server)) = (&self.runtime, self.server.take()) {
            let _ = runtime.block_on(async { tokio::time::timeout(server_wait, server).await });
        }
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_timeout(deadline.map_or(Duration::from_secs(1), |_| Duration::from_millis(100)));
        }
        if let Some(builder) = self.builder.take() {
            match deadline {
                None => {
                    let _ = builder.join();
                }
                Some(deadline) => {
                    while !builder.is_finished() && Instant::now() < deadline {
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    if builder.is_finished() {
                        let _ = builder.join();
                    }
                }
            }
        }
    }
}

/// Waits for SIGINT (Ctrl-C) or SIGTERM.
async fn stop_requested() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut terminate) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = terminate.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Removes a folder with everything in it, or a file or link in its place.
fn remove_path(path: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(path)?.is_dir() {
        true => std::fs::remove_dir_all(path),
        false => std::fs::remove_file(path),
    }
}

impl Drop for ServeHandle {
    fn drop(&mut self) {
        self.shut_down(None);
    }
}

/// Runs `signpost serve` until Ctrl-C: prints where the preview is, and a line per rebuild.
pub fn serve(options: &ServeOptions) -> Result<(), String> {
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: serving on {}, so other computers on the network may see the preview, drafts included. Use 127.0.0.1 unless you need this.",
            options.bind
        );
    }
    let handle = start(options)?;
    let host = match handle.address() {
        SocketAddr::V6(v6) => format!("[{}]:{}", v6.ip(), v6.port()),
        SocketAddr::V4(v4) => v4.to_string(),
    };
    eprintln!(
        "Preview at http://{host}/ (findings at http://{host}{}). Press Ctrl-C to stop.",
        server::REVIEW_PATH
    );
    handle.wait_for_ctrl_c();
    eprintln!("Stopping the preview.");
    handle.stop_within(STOP_GRACE);
    Ok(())
}
