//! The import report: every item names the record (its id and name), the field, what was found
//! and what was done, grouped by kind with totals; printed for people or as JSON.

use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The kinds of report item, in the order the report lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// About the file as a whole (its header, platform metadata).
    File,
    /// Records that share an id.
    Duplicate,
    /// Services written as drafts, and why.
    Draft,
    /// Inactive, defunct or closed services.
    Status,
    /// Phone numbers, emails and web addresses.
    Contact,
    /// `n/a`, `TBC`, 0,0 and other stand-ins.
    Placeholder,
    /// Age ranges.
    Ages,
    /// Review dates.
    Date,
    /// Sessions, holiday times and intervals.
    Schedule,
    /// Prices.
    Cost,
    /// HTML in descriptions and text.
    Description,
    /// Taxonomy terms and categories.
    Taxonomy,
    /// Venues.
    Place,
    /// Anything else that needs filling in.
    Missing,
    /// What a re-import changed.
    Changed,
}

impl Kind {
    /// The heading of the group in the printed report.
    pub fn heading(self) -> &'static str {
        match self {
            Kind::File => "The export file",
            Kind::Duplicate => "Records sharing an id",
            Kind::Draft => "Written as drafts",
            Kind::Status => "Service status",
            Kind::Contact => "Contact details",
            Kind::Placeholder => "Placeholders dropped",
            Kind::Ages => "Ages",
            Kind::Date => "Review dates",
            Kind::Schedule => "Schedules",
            Kind::Cost => "Costs",
            Kind::Description => "HTML in text",
            Kind::Taxonomy => "Categories and taxonomy terms",
            Kind::Place => "Venues",
            Kind::Missing => "Missing details",
            Kind::Changed => "Changed since the last import",
        }
    }
}

/// One thing a person may need to check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// What kind of thing it is.
    pub kind: Kind,
    /// The record's id in the export (empty for the file as a whole).
    pub record_id: String,
    /// The record's name.
    pub record_name: String,
    /// The field, as Signpost names it (`contact.phone`) or as the export does.
    pub field: String,
    /// What was found.
    pub found: String,
    /// What the import did about it.
    pub done: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    /// The export read.
    pub export: String,
    /// The Open Referral UK version of its shape (1 or 3).
    pub version: u8,
    /// The total the export's header gives, if it gives one.
    pub header_total: Option<u64>,
    /// Records present in the file.
    pub records: usize,
    /// Services after merging exact duplicates.
    pub services: usize,
    /// Of those, how many are published.
    pub published: usize,
    /// Of those, how many are drafts.
    pub drafts: usize,
    /// Service files written for the first time.
    pub created: usize,
    /// Service files updated.
    pub updated: usize,
    /// Service files left exactly as they were.
    pub unchanged: usize,
    /// The folder the service files are in.
    pub folder: String,
    /// Every item, grouped by kind.
    pub items: Vec<Item>,
}

impl ImportReport {
    /// Numbers of items by kind.
    pub fn totals(&self) -> BTreeMap<Kind, usize> {
        let mut totals = BTreeMap::new();
        for item in &self.items {
            *totals.entry(item.kind).or_insert(0) += 1;
        }
        totals
    }

    /// The report for people: groups with totals, one line per item.
    pub fn human(&self) -> String {
        let mut out = String::new();
        let mut items = self.items.clone();
        items.sort_by_key(|item| item.kind);
        let totals = self.totals();
        let mut current = None;
        for item in &items {
            if current != Some(item.kind) {
                current = Some(item.kind);
                let _ = writeln!(out, "\n{} ({})", item.kind.heading(), totals.get(&item.kind).copied().unwrap_or(0));
            }
            let record = if item.record_id.is_empty() && item.record_name.is_empty() {
                "the file".to_string()
            } else {
                format!("{} \"{}\"", item.record_id, item.record_name)
            };
            let _ = writeln!(out, "  - {record}, {}: {}; {}.", item.field, item.found, item.done);
        }
        let _ = writeln!(
            out,
            "\nImported {} services from {} records (Open Referral UK v{}) into {}: {} published, {} drafts; {} files new, {} updated, {} unchanged; {} notes.",
            self.services,
            self.records,
            self.version,
            self.folder,
            self.published,
            self.drafts,
            self.created,
            self.updated,
            self.unchanged,
            self.items.len()
        );
        out
    }

    /// The same report as JSON, with the totals by kind.
    pub fn json(&self) -> String {
        #[derive(Serialize)]
        struct WithTotals<'a> {
            #[serde(flatten)]
            report: &'a ImportReport,
            totals: BTreeMap<Kind, usize>,
        }
        let mut report = self.clone();
        report.items.sort_by_key(|item| item.kind);
        let value = WithTotals {
            report: &report,
            totals: self.totals(),
        };
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    }
}
