//! `signpost search`.

use super::{SiteArgs, Voice, system_problem};
use clap::Args;
use std::process::ExitCode;

/// Arguments of `signpost search`.
#[derive(Args)]
pub struct SearchArgs {
    /// What to look for, in any words.
    query: String,
    #[command(flatten)]
    site: SiteArgs,
    /// Only services in this category (its id, e.g. short-breaks).
    #[arg(long)]
    category: Option<String>,
    /// Only services for this age.
    #[arg(long)]
    age: Option<u8>,
    /// Only services in this locality, e.g. Bloxwich.
    #[arg(long)]
    locality: Option<String>,
    /// Only services for this need id, e.g. autism.
    #[arg(long)]
    need: Option<String>,
    /// How many results to show.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// Search the pages in this language (a [[languages]] tag, e.g. pl) first, as its search
    /// page does, then the rest of the site.
    #[arg(long, value_name = "TAG")]
    language: Option<String>,
}

/// Searches the site's index and prints the best matches.
pub fn search(args: SearchArgs, voice: Voice) -> ExitCode {
    let root = match args.site.folder() {
        Ok(root) => root,
        Err(code) => return code,
    };
    let filters = signpost::search::Filters {
        category: args.category,
        age: args.age,
        locality: args.locality,
        need: args.need,
    };
    let output = if voice.json() {
        signpost::search::cli::Output::Json
    } else {
        signpost::search::cli::Output::Human
    };
    match signpost::search::cli::run_in(&root, &args.query, args.language.as_deref(), &filters, args.limit, output) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => system_problem(&message),
    }
}
