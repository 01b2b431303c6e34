"""Reads an e-mail on standard input as a mail client would (Python's email package), finds its
calendar invitation and reads it with the icalendar package, as a calendar program would. Prints
what it found as JSON, for NewsTests; {"calendar": null} when the e-mail carries none."""
import email
import email.policy
import json
import sys

import icalendar

message = email.message_from_binary_file(sys.stdin.buffer, policy=email.policy.default)
part = next((p for p in message.walk() if p.get_content_type() == "text/calendar"), None)
if part is None:
    print(json.dumps({"calendar": None, "subject": str(message["Subject"])}))
    sys.exit(0)
calendar = icalendar.Calendar.from_ical(part.get_content())
event = next(iter(calendar.walk("VEVENT")))
print(json.dumps({
    "subject": str(message["Subject"]),
    "calendar": {
        "content_method": part.get_param("method"),
        "method": str(calendar.get("METHOD", "")),
        "uid": str(event.get("UID")),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": str(event.get("STATUS", "")),
        "start": event.decoded("DTSTART").isoformat(),
        "location": str(event.get("LOCATION", "")),
        "organizer": str(event.get("ORGANIZER", "")),
        "attendees": sorted(str(a) for a in (event.get("ATTENDEE") if isinstance(event.get("ATTENDEE"), list) else [event.get("ATTENDEE")]) if a),
    },
}))
