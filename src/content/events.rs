//! Events and drop-ins from `content/events/*.yaml`: one-off and recurring sessions, read into
//! [`Event`]s with every problem at its line and column.
//!
//! Each file is a list of events. `content/events/terms.yaml` (optional) lists the school terms
//! that `term_time_only: true` events keep to.

use super::recurrence::{LocalTime, NthWeekday, Repeat, Rule, Term};
use super::text_fields::{FieldLocator, Key};
use super::{Ages, Date, Need, Service, Site, SourceRef, Status, is_slug, slugify};
use crate::diagnostic::Diagnostic;
use crate::yaml::{self, Spanned};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The folder inside `content/` that holds events.
pub const EVENTS_DIR: &str = "events";
/// The file in [`EVENTS_DIR`] that lists school terms.
pub const TERMS_FILE: &str = "terms.yaml";
/// The address of the What's on page.
pub const WHATS_ON_URL: &str = "/whats-on/";
/// The calendar of every event.
pub const CALENDAR_URL: &str = "/whats-on/calendar.ics";
/// The calendar of one type of event: `/whats-on/calendar-drop-in.ics`.
pub fn type_calendar_url(kind: EventType) -> String {
    format!("{WHATS_ON_URL}calendar-{}.ics", kind.id())
}

/// Every calendar address: each event's, the feed of all, and one per type that has events.
pub fn calendar_urls(events: &Events) -> Vec<String> {
    let mut urls: Vec<String> = events.events.iter().map(Event::ics_url).collect();
    urls.push(CALENDAR_URL.to_string());
    let kinds: BTreeSet<EventType> = events.events.iter().map(|e| e.record.kind).collect();
    urls.extend(kinds.into_iter().map(type_calendar_url));
    urls
}

/// How many days ahead the What's on page lists.
pub const DAYS_AHEAD: u32 = 84;

/// What kind of event it is (for the What's on filter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum EventType {
    /// Come along without booking, to ask questions or get help.
    #[default]
    DropIn,
    /// A relaxed chat with other parents and carers.
    CoffeeMorning,
    /// A session to learn something (training, a course).
    Workshop,
    /// A group or club that meets regularly.
    Group,
    /// Something to do for children and young people.
    Activity,
}

impl EventType {
    /// The id authors write: `drop-in`.
    pub fn id(self) -> &'static str {
        match self {
            EventType::DropIn => "drop-in",
            EventType::CoffeeMorning => "coffee-morning",
            EventType::Workshop => "workshop",
            EventType::Group => "group",
            EventType::Activity => "activity",
        }
    }

    /// Every type, in the order the filter lists them.
    pub const ALL: [EventType; 5] = [
        EventType::DropIn,
        EventType::CoffeeMorning,
        EventType::Workshop,
        EventType::Group,
        EventType::Activity,
    ];
}

/// Where an event happens.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Venue {
    /// The venue's name.
    #[serde(default)]
    pub name: Option<String>,
    /// Street address.
    #[serde(default)]
    pub address: Option<String>,
    /// Postcode.
    #[serde(default)]
    pub postcode: Option<String>,
    /// The part of the area, as the directory names it: "Bloxwich".
    #[serde(default)]
    pub locality: Option<String>,
    /// True when it happens online.
    #[serde(default)]
    pub online: bool,
}

impl Venue {
    /// The venue in one line: `Bloxwich Library, Elmore Row, WS3 2HR`.
    pub fn one_line(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(self.name.as_deref());
        parts.extend(self.address.as_deref());
        parts.extend(self.postcode.as_deref());
        if parts.is_empty() {
            parts.extend(self.locality.as_deref());
        }
        parts.join(", ")
    }
}

/// How to get a place.
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Booking {
    /// A web page to book on.
    #[serde(default)]
    pub link: Option<String>,
    /// A phone number to book on.
    #[serde(default)]
    pub phone: Option<String>,
    /// No booking: come along.
    #[serde(default)]
    pub just_turn_up: bool,
}

/// One event as written in YAML.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    /// Optional id (default: made from the title); the address is `/whats-on/<id>/`.
    #[serde(default)]
    pub id: Option<String>,
    /// What it is called.
    pub title: String,
    /// One or two plain sentences about it.
    pub summary: String,
    /// What kind of event it is.
    #[serde(default, rename = "type")]
    pub kind: EventType,
    /// The first (or only) date.
    #[serde(default)]
    pub starts: Option<Date>,
    /// Start time, 24-hour `HH:MM`, UK time.
    #[serde(default)]
    pub starts_at: Option<Spanned<String>>,
    /// End time, 24-hour `HH:MM`, UK time.
    #[serde(default)]
    pub ends_at: Option<Spanned<String>>,
    /// How often it repeats.
    #[serde(default)]
    pub repeat: Option<Repeat>,
    /// For monthly events: `first tuesday`, `last friday`.
    #[serde(default)]
    pub on: Option<Spanned<String>>,
    /// The last date it can happen.
    #[serde(default)]
    pub until: Option<Date>,
    /// Only in school term time (terms from `content/events/terms.yaml`).
    #[serde(default)]
    pub term_time_only: bool,
    /// Dates it does not happen.
    #[serde(default)]
    pub except: Vec<Date>,
    /// Where it happens (default: where the service that runs it is).
    #[serde(default)]
    pub venue: Option<Venue>,
    /// Ages it is for.
    #[serde(default)]
    pub ages: Option<Ages>,
    /// The needs it is for.
    #[serde(default)]
    pub needs: Vec<Need>,
    /// What it costs, in words.
    pub cost: String,
    /// How to book.
    pub booking: Booking,
    /// The id of the service that runs it.
    #[serde(default)]
    pub service: Option<Spanned<String>>,
    /// Take the days and times from that service's first regular schedule.
    #[serde(default)]
    pub from_schedule: bool,
    /// More about it, in plain words.
    #[serde(default)]
    pub description: Option<String>,
    /// Published or draft.
    #[serde(default)]
    pub status: Status,
}

/// An event, checked and ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Where it was written.
    pub source: SourceRef,
    /// Its id, unique among events.
    pub id: String,
    /// `/whats-on/<id>/`.
    pub url: String,
    /// Its fields.
    pub record: EventRecord,
    /// When it happens.
    pub rule: Rule,
    /// Start time (UK).
    pub starts_at: LocalTime,
    /// End time (UK).
    pub ends_at: LocalTime,
    /// Where it happens.
    pub venue: Venue,
    /// The service that runs it: (name, address).
    pub service: Option<(String, String)>,
}

impl Event {
    /// The address of its calendar file.
    pub fn ics_url(&self) -> String {
        format!("{}{}.ics", self.url, self.id)
    }
}

/// Every event and the school terms.
#[derive(Debug, Clone, Default)]
pub struct Events {
    /// Events, sorted by id.
    pub events: Vec<Event>,
    /// School terms, in order.
    pub terms: Vec<Term>,
}

/// Reads the files of `content/events/` the loader kept. Missing folder: no events. Every
/// problem is returned; good events in a file with a bad one are still read.
pub fn load_events(site: &Site, include_drafts: bool) -> (Events, Vec<Diagnostic>) {
    let folder = format!("{}/{EVENTS_DIR}", super::load::CONTENT_DIR);
    let mut diagnostics = Vec::new();
    let mut events = Events::default();
    let texts: Vec<(&str, &str)> = site.sources.files_in(&folder).collect();
    let is_terms = |file: &str| file.rsplit('/').next() == Some(TERMS_FILE);
    for (file, text) in &texts {
        if is_terms(file) {
            match yaml::parse::<Vec<Term>>(text) {
                Ok(terms) => {
                    diagnostics.extend(super::school_terms::check_terms(file, text, &terms));
                    events.terms = terms;
                }
                Err(error) => diagnostics.push(yaml_error(file, error, 1)),
            }
        }
    }
    events.terms.sort_by_key(|t| t.from);
    let mut reader = Reader {
        site,
        terms: &events.terms,
        include_drafts,
        diagnostics: &mut diagnostics,
        events: Vec::new(),
    };
    for (file, text) in &texts {
        if !is_terms(file) {
            reader.read_list(file, text);
        }
    }
    let mut list = reader.events;
    list.sort_by(|a, b| a.id.cmp(&b.id).then_with(|| a.source.line.cmp(&b.source.line)));
    for pair in list.windows(2) {
        if pair[0].id == pair[1].id {
            diagnostics.push(
                Diagnostic::error(
                    &pair[1].source.file,
                    pair[1].source.line,
                    pair[1].source.column,
                    crate::rules::Rule::DUPLICATE_EVENT,
                    format!(
                        "Two events have the id `{}` (the other is at {}:{})",
                        pair[1].id, pair[0].source.file, pair[0].source.line
                    ),
                )
                .with_suggestion("Give one of them a different `id:` (or a different title)."),
            );
        }
    }
    list.dedup_by(|b, a| a.id == b.id);
    events.events = list;
    (events, diagnostics)
}

fn yaml_error(file: &str, error: yaml::YamlError, first_line: usize) -> Diagnostic {
    let line = if error.line == 0 { first_line } else { error.line + first_line - 1 };
    Diagnostic::error(file, line, error.column, error.rule, error.message).with_suggestion(error.suggestion)
}

struct Reader<'a> {
    site: &'a Site,
    terms: &'a [Term],
    include_drafts: bool,
    diagnostics: &'a mut Vec<Diagnostic>,
    events: Vec<Event>,
}

impl Reader<'_> {
    fn read_list(&mut self, file: &str, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        let items = match yaml::parse::<Vec<Spanned<serde::de::IgnoredAny>>>(text) {
            Ok(items) => items,
            Err(error) => {
                self.diagnostics.push(yaml_error(file, error, 1));
                return;
            }
        };
        let positions: Vec<yaml::Position> = items.iter().map(yaml::position_of).collect();
        let line_start = |offset: usize| text[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let lines = yaml::context::lines(text);
        for (index, position) in positions.iter().enumerate() {
            let end_line = positions.get(index + 1).map(|next| next.line).unwrap_or(usize::MAX);
            let source = SourceRef {
                file: file.to_string(),
                line: position.line,
                column: position.column,
            };
            // Each event is parsed on its own (padded to its own lines and columns), so one bad
            // event does not hide the others.
            let (Some(start), end) = (position.offset, positions.get(index + 1).and_then(|n| n.offset)) else {
                self.diagnostics.push(
                    Diagnostic::error(
                        file,
                        position.line,
                        position.column,
                        crate::rules::Rule::NOT_A_LIST,
                        "An events file must be a list of events, each starting with `- ` on its own line",
                    )
                    .with_suggestion("Start each event with `- title: ...` at the beginning of a line."),
                );
                return;
            };
            let end = end.map(line_start).unwrap_or(text.len());
            if end <= start {
                self.diagnostics.push(
                    Diagnostic::error(
                        file,
                        position.line,
                        position.column,
                        crate::rules::Rule::NOT_A_LIST,
                        "Write each event on its own lines, starting with `- `",
                    )
                    .with_suggestion("Start each event with `- title: ...` at the beginning of a line."),
                );
                return;
            }
            let first = line_start(start);
            let snippet = format!(
                "{}{}{}",
                "\n".repeat(position.line.saturating_sub(1)),
                " ".repeat(text[first..start].chars().count()),
                &text[start..end]
            );
            match yaml::parse::<EventRecord>(&snippet) {
                Ok(record) => {
                    let locator = FieldLocator::new(&lines, position.line, end_line);
                    self.add(record, source, locator);
                }
                Err(error) => self.diagnostics.push(yaml_error(file, error, 1)),
            }
        }
    }

    fn error(&mut self, file: &str, at: (usize, usize), rule: crate::rules::Rule, message: String, fix: String) {
        self.diagnostics
            .push(Diagnostic::error(file, at.0, at.1, rule, message).with_suggestion(fix));
    }

    fn add(&mut self, record: EventRecord, source: SourceRef, locator: FieldLocator<'_>) {
        if !(self.include_drafts || record.status == Status::Published) {
            return;
        }
        let file = source.file.clone();
        let at = |key: &str| locator.find(&[Key::Name(key)]);
        let spanned_at = |value: &Spanned<String>| {
            let p = yaml::position_of(value);
            (p.line, p.column)
        };
        let id = match &record.id {
            Some(id) if is_slug(id) => id.clone(),
            Some(id) => {
                self.error(
                    &file,
                    at("id"),
                    crate::rules::Rule::BAD_ID,
                    format!("The id `{id}` must be lowercase words joined by hyphens"),
                    format!("Write it as `{}`.", slugify(id)),
                );
                return;
            }
            None => slugify(&record.title),
        };
        if id.is_empty() {
            self.error(
                &file,
                at("title"),
                crate::rules::Rule::BAD_ID,
                "This event's title has no letters or numbers to make its address from".into(),
                "Give it a title in words, or an `id:` such as `coffee-morning`.".into(),
            );
            return;
        }
        let mut ok = true;
        let service: Option<&Service> = match &record.service {
            Some(wanted) => match self.site.services.iter().find(|s| s.id == wanted.value) {
                Some(service) => Some(service),
                None => {
                    let hint = crate::suggest::closest(&wanted.value, self.site.services.iter().map(|s| s.id.as_str()))
                        .map(|c| format!("Did you mean `{c}`? "))
                        .unwrap_or_default();
                    self.error(
                        &file,
                        spanned_at(wanted),
                        crate::rules::Rule::UNKNOWN_SERVICE,
                        format!("There is no service with the id `{}`", wanted.value),
                        format!("{hint}Use the `id` of a service in content/services/, or remove `service:`."),
                    );
                    ok = false;
                    None
                }
            },
            None => None,
        };
        let schedule = match (record.from_schedule, service) {
            (false, _) => None,
            (true, None) if record.service.is_none() => {
                self.error(
                    &file,
                    at("from_schedule"),
                    crate::rules::Rule::SCHEDULE_WITHOUT_SERVICE,
                    "`from_schedule: true` needs the service whose schedule to use".into(),
                    "Add `service: <id>` naming the service that runs this event.".into(),
                );
                return;
            }
            (true, None) => return,
            (true, Some(service)) => match service.record.schedules.iter().find(|s| !s.days.is_empty() && s.opens_at.is_some()) {
                Some(schedule) => Some(schedule),
                None => {
                    self.error(&file, at("from_schedule"), crate::rules::Rule::NO_SCHEDULE, format!("The service `{}` has no regular session with days and an `opens_at` time to take this event's times from", service.id), "Add `schedules:` with `days:`, `opens_at:` and `closes_at:` to the service, or write `starts_at:`, `ends_at:` and `repeat:` here instead.".into());
                    return;
                }
            },
        };
        let time_field = |field: &Option<Spanned<String>>,
                          fallback: Option<&String>,
                          key: &str|
         -> Result<Option<LocalTime>, ((usize, usize), String)> {
            match (field, fallback) {
                (Some(value), _) => LocalTime::parse(&value.value).map(Some).map_err(|m| (spanned_at(value), m)),
                (None, Some(text)) => LocalTime::parse(text).map(Some).map_err(|m| (at(key), m)),
                (None, None) => Ok(None),
            }
        };
        let starts_at = time_field(&record.starts_at, schedule.and_then(|s| s.opens_at.as_ref()), "from_schedule");
        let ends_at = time_field(&record.ends_at, schedule.and_then(|s| s.closes_at.as_ref()), "from_schedule");
        let (starts_at, ends_at) = match (starts_at, ends_at) {
            (Ok(Some(s)), Ok(Some(e))) => (s, e),
            (Err((place, message)), _) | (_, Err((place, message))) => {
                self.error(
                    &file,
                    place,
                    crate::rules::Rule::BAD_TIME,
                    message,
                    "Write the time as HH:MM on the 24-hour clock, in quotes: `starts_at: \"10:00\"`.".into(),
                );
                return;
            }
            (Ok(None), _) | (_, Ok(None)) => {
                self.error(
                    &file,
                    (source.line, source.column),
                    crate::rules::Rule::EVENT_TIME_MISSING,
                    format!("The event `{}` has no `starts_at` and `ends_at` times", record.title),
                    "Add `starts_at: \"10:00\"` and `ends_at: \"12:00\"` (UK time, 24-hour clock).".into(),
                );
                return;
            }
        };
        if ends_at <= starts_at {
            self.error(
                &file,
                record.ends_at.as_ref().map(spanned_at).unwrap_or(at("ends_at")),
                crate::rules::Rule::EVENT_ENDS_BEFORE_START,
                format!("The event ends at {} but starts at {}", ends_at.hhmm(), starts_at.hhmm()),
                "Make `ends_at` later than `starts_at` (24-hour clock: 2pm is 14:00).".into(),
            );
            return;
        }
        let starts = match record.starts.or_else(|| schedule.and_then(|s| s.date)) {
            Some(date) => date,
            None => {
                self.error(
                    &file,
                    (source.line, source.column),
                    crate::rules::Rule::EVENT_DATE_MISSING,
                    format!("The event `{}` has no `starts:` date", record.title),
                    "Add `starts: 2026-11-03`: the date of the event, or of the first session when it repeats.".into(),
                );
                return;
            }
        };
        let repeat = record.repeat.or_else(|| {
            schedule.map(|s| match s.frequency.unwrap_or_default() {
                super::Frequency::Weekly => Repeat::Weekly,
                super::Frequency::Fortnightly => Repeat::Fortnightly,
                super::Frequency::Monthly => Repeat::Monthly,
            })
        });
        // With a schedule, the first session is on the schedule's first day on or after `starts`.
        let starts = match schedule.and_then(|s| s.days.first()) {
            Some(day) if record.starts.is_some() || schedule.is_some_and(|s| s.date.is_some()) => {
                let wanted = super::recurrence::weekday_from_name(day.id());
                let mut date = starts;
                for _ in 0..7 {
                    if Some(date.inner().weekday()) == wanted {
                        break;
                    }
                    date = date.add_days(1);
                }
                date
            }
            _ => starts,
        };
        let on = match &record.on {
            Some(text) => match NthWeekday::parse(&text.value) {
                Some(rule) if repeat == Some(Repeat::Monthly) => Some(rule),
                Some(_) => {
                    self.error(
                        &file,
                        spanned_at(text),
                        crate::rules::Rule::ON_NEEDS_MONTHLY,
                        "`on:` is only for events that repeat monthly".into(),
                        "Add `repeat: monthly`, or remove `on:` (weekly events happen on the weekday of `starts`).".into(),
                    );
                    return;
                }
                None => {
                    self.error(
                        &file,
                        spanned_at(text),
                        crate::rules::Rule::BAD_ON,
                        format!("`{}` is not a day of the month Signpost understands", text.value),
                        "Write it like `first tuesday`, `second monday`, `third wednesday`, `fourth thursday` or `last friday`.".into(),
                    );
                    return;
                }
            },
            None => None,
        };
        let starts = match on {
            Some(rule) if rule.in_month(starts.inner().year(), starts.inner().month()).map(Date::from_inner) != Some(starts) => {
                self.error(
                    &file,
                    at("starts"),
                    crate::rules::Rule::START_NOT_ON_RULE,
                    format!("The first date {} is not the {} of its month", starts.long(), text_of(&record.on)),
                    "Make `starts:` the date of the first session, which must match `on:`.".into(),
                );
                return;
            }
            _ => starts,
        };
        if let Some(until) = record.until
            && until < starts
        {
            self.error(
                &file,
                at("until"),
                crate::rules::Rule::UNTIL_BEFORE_START,
                format!("`until: {until}` is before the first date {starts}"),
                "Make `until:` the date of the last session, on or after `starts:`.".into(),
            );
            return;
        }
        if record.term_time_only && self.terms.is_empty() {
            self.error(
                &file,
                at("term_time_only"),
                crate::rules::Rule::NO_TERMS,
                "This event is for term time only, but there is no list of school terms".into(),
                format!("Create content/{EVENTS_DIR}/{TERMS_FILE} with a list of terms, each `- {{ from: 2026-09-02, to: 2026-10-23 }}`."),
            );
            ok = false;
        }
        if record.repeat.is_none() && schedule.is_none() && (record.until.is_some() || !record.except.is_empty() || record.term_time_only) {
            self.diagnostics.push(
                Diagnostic::warning(
                    &file,
                    at("starts").0,
                    0,
                    crate::rules::Rule::RULE_WITHOUT_REPEAT,
                    "This event has `until`, `except` or `term_time_only` but does not repeat, so they do nothing",
                )
                .with_suggestion("Add `repeat: weekly`, `fortnightly` or `monthly`, or remove them."),
            );
        }
        let mut venue = record.venue.clone().unwrap_or_else(|| {
            service
                .map(|s| Venue {
                    name: s.record.place.name.clone(),
                    address: s.record.place.address.clone(),
                    postcode: s.record.place.postcode.clone(),
                    locality: s.record.place.locality.clone(),
                    online: s.record.place.online,
                })
                .unwrap_or_default()
        });
        if venue.locality.is_none()
            && let Some(service) = service
        {
            venue.locality = service.record.place.locality.clone();
        }
        // An unknown service is already reported; its missing venue would be the same mistake.
        if venue.one_line().is_empty() && !venue.online && !(record.service.is_some() && service.is_none()) {
            self.error(&file, (source.line, source.column), crate::rules::Rule::VENUE_MISSING, format!("The event `{}` does not say where it is", record.title), "Add `venue:` with `name:`, `address:`, `postcode:` and `locality:` (or `online: true`), or `service:` to use that service's address.".into());
            ok = false;
        }
        if let Some(locality) = &venue.locality {
            let known: BTreeSet<&str> = self
                .site
                .services
                .iter()
                .flat_map(|s| std::iter::once(&s.record.place).chain(&s.record.locations))
                .filter_map(|p| p.locality.as_deref())
                .collect();
            if !known.is_empty() && !known.contains(locality.as_str()) {
                let hint = crate::suggest::closest(locality, known.iter().copied())
                    .map(|c| format!("Did you mean `{c}`? "))
                    .unwrap_or_default();
                let place = locator.find(&[Key::Name("venue"), Key::Name("locality")]);
                self.diagnostics.push(
                    Diagnostic::warning(
                        &file,
                        place.0,
                        place.1,
                        crate::rules::Rule::UNKNOWN_LOCALITY,
                        format!("No service in the directory is in `{locality}`, so the area filter will list it on its own"),
                    )
                    .with_suggestion(format!(
                        "{hint}Use an area the directory uses, so families find it with the same filter."
                    )),
                );
            }
        }
        if !ok {
            return;
        }
        let rule = Rule {
            starts,
            repeat,
            on,
            until: record.until,
            term_time_only: record.term_time_only,
            except: record.except.clone(),
        };
        self.events.push(Event {
            url: format!("{WHATS_ON_URL}{id}/"),
            source,
            id,
            rule,
            starts_at,
            ends_at,
            venue,
            service: service.map(|s| (s.record.name.clone(), s.url.clone())),
            record,
        });
    }
}

fn text_of(value: &Option<Spanned<String>>) -> String {
    value.as_ref().map(|v| v.value.clone()).unwrap_or_default()
}

/// One date an event happens on.
#[derive(Debug, Clone, PartialEq)]
pub struct Occurrence<'a> {
    /// The event.
    pub event: &'a Event,
    /// The day.
    pub date: Date,
}

/// Every occurrence from `today` for [`DAYS_AHEAD`] days, in date and time order.
pub fn coming<'a>(events: &'a Events, today: Date) -> Vec<Occurrence<'a>> {
    let last = today.add_days(DAYS_AHEAD);
    let mut list: Vec<Occurrence<'a>> = events
        .events
        .iter()
        .flat_map(|event| {
            event
                .rule
                .occurrences(today, last, &events.terms)
                .into_iter()
                .map(move |date| Occurrence { event, date })
        })
        .collect();
    list.sort_by(|a, b| (a.date, a.event.starts_at, &a.event.record.title).cmp(&(b.date, b.event.starts_at, &b.event.record.title)));
    list
}

/// The next date each event happens on or after `today` (none: it is over).
pub fn next_date(event: &Event, terms: &[Term], today: Date) -> Option<Date> {
    let horizon = match event.rule.until {
        Some(until) => until,
        None => today.add_days(800),
    };
    event.rule.occurrences(today, horizon, terms).into_iter().next()
}

/// Warnings for events with no date from `today` on, naming each one's file and line.
pub fn check_past_events(events: &Events, today: Date) -> Vec<Diagnostic> {
    events
        .events
        .iter()
        .filter(|event| next_date(event, &events.terms, today).is_none())
        .map(|event| {
            Diagnostic::warning(
                &event.source.file,
                event.source.line,
                event.source.column,
                crate::rules::Rule::EVENT_OVER,
                format!(
                    "The event `{}` has no dates from today on, so it is not on the What's on page",
                    event.record.title
                ),
            )
            .with_suggestion("Give it a new date (`starts:` or `until:`), or delete it.")
        })
        .collect()
}
