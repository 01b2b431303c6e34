"""Reads an iCalendar file on standard input with Python's icalendar package (as a calendar
program would) and prints what it found as JSON, for CalendarFeedTests."""
import json
import sys

import icalendar

calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
events = []
for event in calendar.walk("VEVENT"):
    start = event.decoded("DTSTART")
    end = event.decoded("DTEND")
    events.append({
        "uid": str(event.get("UID")),
        "summary": str(event.get("SUMMARY")),
        "description": str(event.get("DESCRIPTION", "")),
        "location": str(event.get("LOCATION", "")),
        "start": start.isoformat(),
        "end": end.isoformat(),
        "all_day": not hasattr(start, "hour"),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": str(event.get("STATUS", "")),
    })
print(json.dumps({
    "method": str(calendar.get("METHOD", "")),
    "version": str(calendar.get("VERSION", "")),
    "name": str(calendar.get("X-WR-CALNAME", "")),
    "events": events,
    "errors": [str(error) for component in calendar.walk() for error in getattr(component, "errors", [])],
}))
