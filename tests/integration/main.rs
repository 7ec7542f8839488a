//! Integration tests: one binary, one module per area. Each runs the real `signpost` binary on fixture sites.

mod build;
mod common;
mod diagnostics;
mod directory;
mod easy_read;
mod events;
mod hosting;
mod import;
mod import_messy;
mod markup_safety;
mod news;
mod openreferral;
mod openreferral_round_trip;
mod openreferral_schemas;
mod output_safety;
mod outside_site;
mod plain_language;
mod properties;
mod report;
mod root_causes;
mod search;
mod serve;
mod silent_losses;
mod statutory;
mod video;
