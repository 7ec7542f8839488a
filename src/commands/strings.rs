//! `signpost strings`.

use super::{SiteArgs, system_problem};
use clap::Args;
use std::process::ExitCode;

/// Arguments of `signpost strings`.
#[derive(Args)]
pub struct StringsArgs {
    /// The language tag, e.g. pl or ur.
    tag: String,
    #[command(flatten)]
    site: SiteArgs,
}

/// Prints the interface strings the language lacks, with their English text, as TOML.
pub fn strings(args: StringsArgs) -> ExitCode {
    let root = match args.site.folder() {
        Ok(root) => root,
        Err(code) => return code,
    };
    match signpost::render::strings::missing_for_site(&root, &args.tag) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(message) => system_problem(&message),
    }
}
