//! Writing the site: into hidden folders beside the output and the search index, swapped in
//! together only when the whole build succeeded ([`publish()`]), and only over folders Signpost
//! may replace ([`guard`]), so a failed or interrupted build never leaves a half-written site.

mod assets;
pub mod atom;
pub mod cms;
pub mod guard;
pub mod headers;
pub mod ics;
pub mod openreferral;
pub mod places;
pub mod publish;
pub mod redirects;
pub(crate) mod site_root;
mod sitemap;
pub(crate) mod static_files;
mod system;

/// Where a stage's finished files go, one at a time, from any thread: (path inside the site,
/// bytes). An `Err` (the system's problem, such as a full disk) stops the stage.
pub type FileWriter<'w> = dyn Fn(&str, &[u8]) -> Result<(), String> + Sync + 'w;

pub use assets::{AssetFile, collect_assets, finish_stylesheets};
pub use publish::{StagedFolder, publish, tidy};
pub use sitemap::{robots_txt, sitemap_xml};
