//! Checks on the loaded content (before rendering) and on the finished pages (after rendering).

pub mod easy_read;
pub mod external;
pub(crate) mod field_help;
mod finding;
mod headings;
mod help;
mod link_syntax;
pub(crate) mod links;
pub mod places;
pub mod plain_language;
mod review;
mod root_cause;
mod service_fields;
mod services;
mod statutory;
mod topic_names;
mod translations;

pub use finding::Finding;
pub use headings::check_headings;
pub use help::check_help_on_every_page;
pub use link_syntax::check_link_syntax;
pub use links::{LinkTargets, check_config_links, check_links};
pub use places::check_places;
pub use review::check_review_dates;
pub use root_cause::group_root_causes;
pub use service_fields::{check_past_schedules, is_uk_phone, looks_like_email, looks_like_url};
pub use services::{check_service, check_services};
pub use statutory::{check_short_breaks_statement, check_statutory, check_topics, check_you_said_we_did, personal_data};
pub use topic_names::check_topic_names;
pub use translations::check_translations;
