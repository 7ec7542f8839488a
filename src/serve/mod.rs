//! `signpost serve`: a local preview that rebuilds on every change, reloads open pages, and shows
//! what the checks found on the pages themselves.
//!
//! One thread owns the [`rebuild::Preview`] and rebuilds when [`watch`] reports a change; a tokio
//! runtime serves the preview folder ([`server`]) and tells pages to reload ([`reload`]).

pub mod memory;
pub mod overlay;
pub mod rebuild;
pub mod reload;
pub mod server;
pub mod watch;

pub use memory::BuildMemory;
use overlay::PreviewTemplates;
use rebuild::{Preview, RebuildReport};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, RwLock};
use std::time::Duration;
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
}

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
        }
    }
}

/// The last build as the server sees it.
struct Status {
    generation: u64,
    report: RebuildReport,
    finished_at: String,
    /// True once a build without errors has been published.
    has_site: bool,
}

/// What the HTTP handlers share with the rebuild thread.
pub struct Shared {
    folder: PathBuf,
    status: RwLock<Status>,
    events: broadcast::Sender<u64>,
    shutdown: signal::Receiver<bool>,
    templates: PreviewTemplates,
}

impl Shared {
    /// The number of the last finished build (1 for the first).
    fn generation(&self) -> u64 {
        self.status.read().map(|s| s.generation).unwrap_or(0)
    }

    /// A served page with the reload script, and the overlay and findings when there are any.
    fn decorate(&self, html: &str, url: &str, overlay: bool) -> String {
        let (generation, extra) = match self.status.read() {
            Ok(status) if overlay => (status.generation, self.templates.overlay(&status.report, url, status.has_site)),
            Ok(status) => (status.generation, String::new()),
            Err(_) => (0, String::new()),
        };
        let insert = format!("{extra}{}", reload::script_tag(generation));
        match html.rfind("</body>").or_else(|| html.rfind("</BODY>")) {
            Some(at) => format!("{}{insert}{}", &html[..at], &html[at..]),
            None => format!("{html}{insert}"),
        }
    }

    /// The search index of the site the preview shows.
    fn search_index(&self) -> Option<Arc<crate::search::SearchIndex>> {
        self.status.read().ok().and_then(|status| status.report.search.clone())
    }

    fn review_page(&self) -> Result<String, String> {
        let status = self.status.read().map_err(|e| e.to_string())?;
        let page = self.templates.review(&status.report, &status.finished_at)?;
        Ok(self.decorate(&page, server::REVIEW_PATH, false))
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
    let mut preview = Preview::new(&root, options.drafts, &folder);
    let report = preview.rebuild(true);
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
        status: RwLock::new(Status {
            generation: 1,
            has_site: report.published,
            report,
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
    let app = server::router(shared.clone());
    let mut stop_signal = shared.shutdown.clone();
    let server = runtime.spawn(async move {
        let graceful = async move {
            while !*stop_signal.borrow() {
                if stop_signal.changed().await.is_err() {
                    break;
                }
            }
        };
        if let Err(error) = axum::serve(listener, app).with_graceful_shutdown(graceful).await {
            eprintln!("error: the preview server stopped: {error}");
        }
    });

    let (trigger, changes) = mpsc::channel();
    let watcher = watch::watch(&root, options.poll, trigger.clone())?;
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

/// Rebuilds after each quiet period with changes, until every sender is gone.
fn rebuild_loop(mut preview: Preview, changes: &mpsc::Receiver<Change>, shared: &Shared, log: bool) {
    while let Ok(first) = changes.recv() {
        let mut change = first;
        while let Ok(more) = changes.try_recv() {
            if more == Change::Everything {
                change = Change::Everything;
            }
        }
        if change == Change::Content && preview.quick() > 0 {
            let generation = match shared.status.write() {
                Ok(mut status) => {
                    status.generation += 1;
                    status.generation
                }
                Err(_) => return,
            };
            let _ = shared.events.send(generation);
        }
        let report = preview.rebuild(change == Change::Everything);
        if log {
            log_report(&report);
        }
        let generation = match shared.status.write() {
            Ok(mut status) => {
                status.generation += 1;
                status.has_site |= report.published;
                status.report = report;
                status.finished_at = clock_time();
                status.generation
            }
            Err(_) => return,
        };
        let _ = shared.events.send(generation);
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
        eprintln!(
            "Rebuilt in {ms:.0} ms: {} files, {} written, {} deleted ({errors} errors, {warnings} warnings).",
            report.files, report.written, report.deleted
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
        self.shared.status.read().map(|s| s.report.clone()).unwrap_or_default()
    }

    /// Asks for a rebuild now, as if a file had changed.
    pub fn rebuild(&self, change: Change) {
        if let Some(trigger) = &self.trigger {
            let _ = trigger.send(change);
        }
    }

    /// Blocks until Ctrl-C (or the process is asked to stop).
    pub fn wait_for_ctrl_c(&self) {
        if let Some(runtime) = &self.runtime {
            let _ = runtime.block_on(tokio::signal::ctrl_c());
        }
    }

    /// Stops watching and serving: open pages are disconnected, the rebuild thread finishes.
    pub fn stop(mut self) {
        self.shut_down();
    }

    fn shut_down(&mut self) {
        let _ = self.shutdown.send(true);
        self.watcher = None;
        self.trigger = None;
        if let (Some(runtime), Some(server)) = (&self.runtime, self.server.take()) {
            let _ = runtime.block_on(async { tokio::time::timeout(Duration::from_secs(3), server).await });
        }
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_timeout(Duration::from_secs(1));
        }
        if let Some(builder) = self.builder.take() {
            let _ = builder.join();
        }
    }
}

impl Drop for ServeHandle {
    fn drop(&mut self) {
        self.shut_down();
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
    handle.stop();
    Ok(())
}
