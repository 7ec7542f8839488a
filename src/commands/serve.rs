//! `signpost serve`.

use super::{SiteArgs, Voice, system_problem};
use clap::Args;
use std::process::ExitCode;

/// Arguments of `signpost serve`.
#[derive(Args)]
pub struct ServeArgs {
    #[command(flatten)]
    site: SiteArgs,
    /// The port to listen on.
    #[arg(short, long, default_value_t = 8000)]
    port: u16,
    /// The address to listen on. Anything but 127.0.0.1 lets other computers see the preview.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Include pages and services with `status: draft` (shown with a draft banner).
    #[arg(long)]
    drafts: bool,
    /// Look for changes by polling, for file systems where change events do not arrive.
    #[arg(long)]
    poll: bool,
    /// Also answer requests for this host name (besides localhost and the --bind address),
    /// for example a name other computers use to reach a --bind 0.0.0.0 preview. Repeatable.
    #[arg(long = "allow-host", value_name = "NAME")]
    allow_hosts: Vec<String>,
    /// Close a connection that sends no complete request for this many seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = signpost::serve::IDLE_TIMEOUT.as_secs(), value_parser = clap::value_parser!(u64).range(1..=3600))]
    idle_timeout_secs: u64,
    /// The published address, for canonical links and feeds in the preview (the preview
    /// itself is always served at / on this computer).
    #[arg(long, short = 'u', value_name = "URL", value_parser = signpost::parse_base_url)]
    base_url: Option<String>,
}

/// Builds the site, serves it on this computer, and rebuilds and reloads on every change.
pub fn serve(args: ServeArgs, voice: Voice) -> ExitCode {
    let root = match args.site.folder() {
        Ok(root) => root,
        Err(code) => return code,
    };
    let options = signpost::serve::ServeOptions {
        bind: args.bind,
        drafts: args.drafts,
        poll: args.poll,
        log: !voice.quiet,
        allow_hosts: args.allow_hosts,
        idle_timeout: std::time::Duration::from_secs(args.idle_timeout_secs),
        base_url: args.base_url,
        ..signpost::serve::ServeOptions::new(&root, args.port)
    };
    match signpost::serve::serve(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => system_problem(&message),
    }
}
