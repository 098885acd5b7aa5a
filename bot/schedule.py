"""When a document's reminders fall: derived from its expiry date, never stored as a list."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo


def local_day(now: datetime, tz: ZoneInfo) -> date:
    return now.astimezone(tz).date()


def days_left(expires_on: date, now: datetime, tz: ZoneInfo) -> int:
    """Whole days from the user's today to the expiry day: 0 on the day, -1 the day after."""
    return (expires_on - local_day(now, tz)).days


def at_hour(day: date, hour: int, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=tz).astimezone(UTC)


def reminder_times(
    expires_on: date, offsets: Sequence[int], tz: ZoneInfo, hour: int
) -> list[datetime]:
    """Every reminder instant in order: one per offset before expiry, then the day-after notice."""
    days = sorted({expires_on - timedelta(days=d) for d in offsets if d >= 0})
    days.append(expires_on + timedelta(days=1))
    return [at_hour(day, hour, tz) for day in days]


def next_reminder(
    expires_on: date, offsets: Sequence[int], tz: ZoneInfo, hour: int, after: datetime
) -> datetime | None:
    """The first reminder instant strictly after `after`, or None when all have passed."""
    return next((t for t in reminder_times(expires_on, offsets, tz, hour) if t > after), None)


def tomorrow_at(now: datetime, tz: ZoneInfo, hour: int) -> datetime:
    return at_hour(local_day(now, tz) + timedelta(days=1), hour, tz)


def next_month(day: date) -> date:
    """The same day a month later (the month's last day when it has no such day)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has a 28th")


def start_advice(start_by: date, today: date) -> Literal["by", "today", "now"]:
    """Before the start-by day: "start by"; on it: "start today"; after it: "it has passed"."""
    if start_by > today:
        return "by"
    return "today" if start_by == today else "now"
