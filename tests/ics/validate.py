#!/usr/bin/env python3
"""Checks every .ics file of a built Signpost site with the `icalendar` parser (RFC 5545).

Usage: validate.py SITE_DIR --today YYYY-MM-DD

For each calendar file: CRLF line endings and lines of at most 75 octets; VCALENDAR with
VERSION 2.0 and PRODID; a Europe/London VTIMEZONE whose offsets are right in winter and summer;
every VEVENT with UID, DTSTAMP, DTSTART/DTEND in Europe/London, SUMMARY and URL; DTSTART, DTEND,
RRULE and EXDATE survive a round trip (parse, write, parse again). Then the dates the calendar
gives each event (RRULE minus EXDATE, expanded with dateutil in the file's own time zone) are
compared with the sessions the What's on page lists for the same weeks: they must be the same,
at the same times, across the clock changes.
"""

import argparse
import datetime as dt
import pathlib
import re
import sys

import icalendar
from dateutil import rrule

DAYS_AHEAD = 84
failures = []


def fail(path, message):
    failures.append(f"{path}: {message}")


def check_lines(path, raw):
    if b"\n" in raw.replace(b"\r\n", b""):
        fail(path, "a line ends without CRLF")
    for number, line in enumerate(raw.split(b"\r\n"), 1):
        if len(line) > 75:
            fail(path, f"line {number} is {len(line)} octets, more than 75")


def london(calendar, path):
    zones = [z for z in calendar.walk("VTIMEZONE") if str(z.get("TZID")) == "Europe/London"]
    if len(zones) != 1:
        fail(path, "no VTIMEZONE for Europe/London")
        return None
    tz = zones[0].to_tz()
    for when, hours in ((dt.datetime(2027, 1, 15, 12), 0), (dt.datetime(2027, 7, 15, 12), 1)):
        offset = tz.utcoffset(when)
        if offset != dt.timedelta(hours=hours):
            fail(path, f"the VTIMEZONE gives {offset} on {when:%d %B}, not +{hours}h")
    # The change happens at 01:00 UTC on the last Sunday of March and October.
    if tz.utcoffset(dt.datetime(2027, 3, 28, 0, 30)) != dt.timedelta(0):
        fail(path, "summer time starts too early on 28 March 2027")
    if tz.utcoffset(dt.datetime(2027, 3, 28, 3, 0)) != dt.timedelta(hours=1):
        fail(path, "summer time has not started by 03:00 on 28 March 2027")
    return tz


def same(a, b):
    def text(value):
        values = value if isinstance(value, list) else [value]
        return [v.to_ical() for v in values]

    return b is not None and text(a) == text(b)


def occurrences(event, tz, first, last):
    """UTC end instants of the sessions from `first` to `last` (dates), from RRULE and EXDATE."""
    start = event.decoded("DTSTART").replace(tzinfo=None)
    length = event.decoded("DTEND") - event.decoded("DTSTART")
    if "RRULE" in event:
        rule = rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start.replace(tzinfo=tz))
        starts = rule.between(
            dt.datetime.combine(first, dt.time(0), tz), dt.datetime.combine(last, dt.time(23, 59), tz), inc=True
        )
    else:
        starts = [start.replace(tzinfo=tz)] if first <= start.date() <= last else []
    exdates = event.get("EXDATE", [])
    if not isinstance(exdates, list):
        exdates = [exdates]
    skipped = {d.dt.replace(tzinfo=None) for ex in exdates for d in ex.dts}
    ends = set()
    for s in starts:
        if s.replace(tzinfo=None) in skipped:
            continue
        if s.replace(tzinfo=None).hour != start.hour or s.replace(tzinfo=None).minute != start.minute:
            fail(event.get("UID"), f"a session moved from {start:%H:%M} local time to {s:%H:%M}")
        local_end = (s.replace(tzinfo=None) + length).replace(tzinfo=tz)
        ends.add(local_end.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return ends


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("site")
    parser.add_argument("--today", required=True)
    args = parser.parse_args()
    site = pathlib.Path(args.site)
    today = dt.date.fromisoformat(args.today)
    files = sorted(site.rglob("*.ics"))
    if not files:
        print("validate.py: no .ics files found", file=sys.stderr)
        return 1
    page = (site / "whats-on" / "index.html").read_text(encoding="utf-8")
    listed = {}
    for end, url in re.findall(r'data-end="([^"]+)"[^>]*>\s*<h3[^>]*><a href="([^"]+)"', page):
        listed.setdefault(url, set()).add(end)
    events = 0
    compared = 0
    for path in files:
        raw = path.read_bytes()
        check_lines(path, raw)
        calendar = icalendar.Calendar.from_ical(raw)
        if str(calendar.get("VERSION")) != "2.0" or not calendar.get("PRODID"):
            fail(path, "VCALENDAR needs VERSION:2.0 and PRODID")
        for component in calendar.walk():
            for error in getattr(component, "errors", []):
                fail(path, f"{component.name}: {error}")
        tz = london(calendar, path)
        again = icalendar.Calendar.from_ical(calendar.to_ical())
        for event, copy in zip(calendar.walk("VEVENT"), again.walk("VEVENT")):
            events += 1
            for field in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"):
                if field not in event:
                    fail(path, f"a VEVENT has no {field}")
            if event["DTSTART"].params.get("TZID") != "Europe/London":
                fail(path, "DTSTART is not in Europe/London")
            for field in ("DTSTART", "DTEND", "RRULE", "EXDATE"):
                if field in event and not same(event[field], copy.get(field)):
                    fail(path, f"{field} changed in a round trip")
            if tz is None or "URL" not in event:
                continue
            url = "/" + str(event["URL"]).split("/", 3)[3]
            got = occurrences(event, tz, today, today + dt.timedelta(days=DAYS_AHEAD))
            want = listed.get(url, set())
            if got != want:
                fail(path, f"{url}: the calendar gives {sorted(got - want)} the page does not list, and the page lists {sorted(want - got)} the calendar does not give")
            compared += len(got)
    for failure in failures:
        print("FAIL", failure)
    print(f"validate.py: {len(files)} calendar files, {events} events, {compared} sessions compared with the What's on page; {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
