"""An iCalendar file for a saved document: the start-by day and the expiry day, with alarms."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

ALARM_HOUR = 10  # alarms ring at 10:00 on their day (all-day events start at local midnight)


def _event(
    uid: str, day: date, summary: str, description: str, now: datetime, alarm_days: tuple[int, ...]
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", now)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    for days in alarm_days:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", timedelta(days=-days, hours=ALARM_HOUR))
        event.add_component(alarm)
    return event


def document_calendar(
    *,
    document_id: int,
    expires_on: date,
    start_by: date,
    expiry_summary: str,
    start_summary: str,
    description: str,
    now: datetime,
) -> bytes:
    """Two all-day events: start renewing (alarm that morning) and expiry (7 and 1 day before)."""
    calendar = Calendar()
    calendar.add("prodid", "-//renewal-bot//document reminders//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add_component(
        _event(f"start-{document_id}@renewal-bot", start_by, start_summary, description, now, (0,))
    )
    calendar.add_component(
        _event(
            f"expiry-{document_id}@renewal-bot",
            expires_on,
            expiry_summary,
            description,
            now,
            (7, 1),
        )
    )
    return calendar.to_ical()
