//! The What's on page (coming occurrences grouped by day, with filters) and each event's page.

use super::routes::EventPage;
use super::views::{Crumb, PageView, SiteView};
use super::{PageRecord, Renderer};
use crate::content::events::{self, Event, Events, WHATS_ON_URL};
use crate::content::recurrence::Repeat;
use crate::content::{Date, SourceRef};
use crate::diagnostic::Diagnostic;
use crate::rules::Rule;
use serde::Serialize;
use std::collections::BTreeSet;
use tera::Context;

/// How many coming dates an event's page lists.
const DATES_ON_EVENT_PAGE: usize = 8;

/// One occurrence on the What's on page.
#[derive(Debug, Serialize)]
struct OccurrenceView<'a> {
    title: &'a str,
    url: &'a str,
    summary: &'a str,
    time: String,
    venue: String,
    locality: &'a str,
    age_from: u8,
    age_to: u8,
    kind: &'static str,
    cost: &'a str,
    /// When it ends, in UTC (`2026-11-03T12:00:00Z`), for the script that hides past sessions.
    end: String,
}

/// One day on the What's on page.
#[derive(Debug, Serialize)]
struct DayView<'a> {
    heading: String,
    iso: String,
    items: Vec<OccurrenceView<'a>>,
}

/// The calendar of one type of event.
#[derive(Debug, Serialize)]
struct TypeCalendar<'a> {
    id: &'a str,
    url: String,
}

/// One event's own page.
#[derive(Debug, Serialize)]
struct EventView<'a> {
    title: &'a str,
    summary: &'a str,
    kind: &'static str,
    time: String,
    repeat: Option<String>,
    term_time_only: bool,
    dates: Vec<String>,
    venue: String,
    online: bool,
    ages: Option<String>,
    needs: Vec<&'static str>,
    cost: &'a str,
    booking_link: Option<&'a str>,
    booking_phone: Option<&'a str>,
    just_turn_up: bool,
    service_name: Option<&'a str>,
    service_url: Option<&'a str>,
    description: Vec<&'a str>,
    ics_url: String,
    over: bool,
}

impl<'a> Renderer<'a> {
    /// Renders the What's on page and each event's page, handing each to `sink`.
    pub fn render_events<S>(&self, events: &Events, sink: S) -> (Vec<PageRecord>, Vec<Diagnostic>)
    where
        S: Fn(&str, &str) -> Result<(), String>,
    {
        let mut records = Vec::new();
        let mut diagnostics = Vec::new();
        for (url, page) in super::routes::event_routes(events) {
            let (context, template, source) = match page {
                EventPage::WhatsOn => self.whats_on_context(&url, events),
                EventPage::Event(event) => self.event_context(&url, event, events),
            };
            match self.finish_page(url, template, &context, source, Vec::new(), None, Vec::new()) {
                Ok((record, found, html)) => {
                    diagnostics.extend(found);
                    if let Err(error) = sink(&record.output_path, &html) {
                        diagnostics.push(Diagnostic::error(
                            &record.output_path,
                            0,
                            0,
                            Rule::WRITE_ERROR,
                            format!("Cannot write this page: {error}"),
                        ));
                    }
                    records.push(record);
                }
                Err(diagnostic) => diagnostics.push(diagnostic),
            }
        }
        (records, diagnostics)
    }

    fn base_context(&self, url: &str) -> Context {
        let mut context = Context::new();
        context.insert("site", &SiteView::new(&self.site.config, url));
        context
    }

    fn whats_on_context(&self, url: &str, events: &Events) -> (Context, &'static str, SourceRef) {
        let mut context = self.base_context(url);
        let mut days: Vec<DayView<'_>> = Vec::new();
        let mut localities = BTreeSet::new();
        let mut kinds = BTreeSet::new();
        for occurrence in events::coming(events, self.today) {
            let event = occurrence.event;
            let view = self.occurrence_view(event, occurrence.date);
            if !view.locality.is_empty() {
                localities.insert(view.locality.to_string());
            }
            kinds.insert(event.record.kind);
            match days.last_mut() {
                Some(day) if day.iso == occurrence.date.iso() => day.items.push(view),
                _ => days.push(DayView {
                    heading: occurrence.date.long_with_weekday(),
                    iso: occurrence.date.iso(),
                    items: vec![view],
                }),
            }
        }
        let count: usize = days.iter().map(|d| d.items.len()).sum();
        let kinds: Vec<&str> = kinds.into_iter().map(|k| k.id()).collect();
        let title = self.theme.string("whats_on_title");
        let summary = self.theme.string("whats_on_summary");
        context.insert(
            "page",
            &PageView::generated("whats-on", title, Some(summary), url, &self.site.config),
        );
        context.insert("days", &days);
        context.insert("count", &count);
        context.insert("localities", &localities);
        context.insert("kinds", &kinds);
        context.insert("calendar_url", events::CALENDAR_URL);
        let type_calendars: Vec<TypeCalendar<'_>> = kinds
            .iter()
            .map(|k| TypeCalendar {
                id: k,
                url: format!("{WHATS_ON_URL}calendar-{k}.ics"),
            })
            .collect();
        context.insert("type_calendars", &type_calendars);
        context.insert("breadcrumbs", &self.breadcrumbs(url));
        (context, "whats-on.html", super::template_source("whats-on.html"))
    }

    fn occurrence_view<'e>(&self, event: &'e Event, date: Date) -> OccurrenceView<'e> {
        let ages = event.record.ages.unwrap_or(crate::content::Ages { from: 0, to: 25 });
        OccurrenceView {
            title: &event.record.title,
            url: &event.url,
            summary: &event.record.summary,
            time: self.time_words(event),
            venue: if event.venue.one_line().is_empty() {
                self.theme.string("event_online").to_string()
            } else {
                event.venue.one_line()
            },
            locality: event.venue.locality.as_deref().unwrap_or(""),
            age_from: ages.from,
            age_to: ages.to,
            kind: event.record.kind.id(),
            cost: &event.record.cost,
            end: crate::content::recurrence::utc_instant(date, event.ends_at),
        }
    }

    fn time_words(&self, event: &Event) -> String {
        self.theme
            .string("event_time")
            .replace("{start}", &event.starts_at.words())
            .replace("{end}", &event.ends_at.words())
    }

    fn repeat_words(&self, event: &Event) -> Option<String> {
        let day = event.rule.starts.inner().weekday().to_string();
        let words = match (event.rule.repeat?, event.rule.on) {
            (Repeat::Weekly, _) => self.theme.string("event_repeat_weekly").replace("{day}", &day),
            (Repeat::Fortnightly, _) => self.theme.string("event_repeat_fortnightly").replace("{day}", &day),
            (Repeat::Monthly, Some(on)) => {
                let nth = match on.nth {
                    1 => "event_nth_1",
                    2 => "event_nth_2",
                    3 => "event_nth_3",
                    4 => "event_nth_4",
                    _ => "event_nth_last",
                };
                self.theme
                    .string("event_repeat_monthly_on")
                    .replace("{nth}", self.theme.string(nth))
                    .replace("{day}", &on.weekday.to_string())
            }
            (Repeat::Monthly, None) => self
                .theme
                .string("event_repeat_monthly")
                .replace("{date}", &event.rule.starts.inner().day().to_string()),
        };
        Some(match event.rule.until {
            Some(until) => self
                .theme
                .string("event_repeat_until")
                .replace("{rule}", &words)
                .replace("{date}", &until.long()),
            None => words,
        })
    }

    fn event_context(&self, url: &str, event: &Event, events: &Events) -> (Context, &'static str, SourceRef) {
        let mut context = self.base_context(url);
        let horizon = self.today.add_days(366);
        let dates: Vec<String> = event
            .rule
            .occurrences(self.today, horizon, &events.terms)
            .into_iter()
            .take(DATES_ON_EVENT_PAGE)
            .map(|d| d.long_with_weekday())
            .collect();
        let record = &event.record;
        let view = EventView {
            title: &record.title,
            summary: &record.summary,
            kind: record.kind.id(),
            time: self.time_words(event),
            repeat: self.repeat_words(event),
            term_time_only: event.rule.term_time_only,
            over: dates.is_empty(),
            dates,
            venue: event.venue.one_line(),
            online: event.venue.online,
            ages: record.ages.map(|a| format!("{}–{}", a.from, a.to)),
            needs: record.needs.iter().map(|n| n.id()).collect(),
            cost: &record.cost,
            booking_link: record.booking.link.as_deref(),
            booking_phone: record.booking.phone.as_deref(),
            just_turn_up: record.booking.just_turn_up,
            service_name: event.service.as_ref().map(|s| s.0.as_str()),
            service_url: event.service.as_ref().map(|s| s.1.as_str()),
            description: record
                .description
                .as_deref()
                .map(|d| d.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect())
                .unwrap_or_default(),
            ics_url: event.ics_url(),
        };
        context.insert(
            "page",
            &PageView::generated("event", &record.title, Some(&record.summary), url, &self.site.config),
        );
        context.insert("event", &view);
        let mut crumbs = self.breadcrumbs(WHATS_ON_URL);
        crumbs.push(Crumb {
            title: self.theme.string("whats_on_title").to_string(),
            url: WHATS_ON_URL.to_string(),
        });
        context.insert("breadcrumbs", &crumbs);
        (context, "event.html", event.source.clone())
    }
}
