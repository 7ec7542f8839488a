//! Checks on the loaded content (before rendering) and on the finished pages (after rendering).

mod help;
mod links;
mod review;
mod services;

pub use help::check_help_on_every_page;
pub use links::{LinkTargets, check_config_links, check_links};
pub use review::check_review_dates;
pub use services::check_services;
