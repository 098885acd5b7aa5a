"""When the operators answer (OPERATOR_HOURS): "Mon-Fri 10-19 Europe/Moscow".

Days are a range or a comma list of English three-letter names, hours a range of whole hours or
HH:MM, then the operators' time zone. It tells a user who asks for a person when to expect an
answer: now, or from the next opening.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DASH = r"\s*[-\u2013\u2014]\s*"
_SPEC = re.compile(
    rf"^(?P<days>[a-z,\s\u2013\u2014-]+?)\s+(?P<start>\d{{1,2}}(?::\d\d)?){_DASH}"
    rf"(?P<end>\d{{1,2}}(?::\d\d)?)\s+(?P<zone>\S+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class OperatorHours:
    days: frozenset[int]  # 0 = Monday
    opens: time
    closes: time
    zone: str

    def is_open(self, now: datetime) -> bool:
        local = now.astimezone(ZoneInfo(self.zone))
        return local.weekday() in self.days and self.opens <= local.time() < self.closes

    def next_opening(self, now: datetime) -> datetime:
        """The first opening after `now` (now itself when open)."""
        if self.is_open(now):
            return now
        tz = ZoneInfo(self.zone)
        local = now.astimezone(tz)
        for ahead in range(8):
            day = local.date() + timedelta(days=ahead)
            opening = datetime.combine(day, self.opens, tzinfo=tz)
            if day.weekday() in self.days and opening > local:
                return opening
        raise AssertionError("an opening within a week")  # days is never empty

    def describe(self, weekday_names: list[str]) -> str:
        """E.g. "Mon-Fri 10:00-19:00" (en dashes) in the reader's weekday names, Monday first."""
        ordered = sorted(self.days)
        if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
            days = f"{weekday_names[ordered[0]]}\u2013{weekday_names[ordered[-1]]}"
        else:
            days = ", ".join(weekday_names[d] for d in ordered)
        closes = "24:00" if self.closes == time.max else self.closes.strftime("%H:%M")
        return f"{days} {self.opens.strftime('%H:%M')}\u2013{closes}"


def _time(raw: str) -> time:
    hour, _, minute = raw.partition(":")
    if int(hour) == 24 and not int(minute or 0):
        return time.max
    return time(int(hour), int(minute or 0))


def _days(raw: str) -> frozenset[int]:
    days: set[int] = set()
    for part in raw.replace(" ", "").lower().split(","):
        ends = re.split(r"[-\u2013\u2014]", part)
        if len(ends) > 2 or not all(end in DAY_NAMES for end in ends):
            raise ValueError(part)
        first, last = DAY_NAMES.index(ends[0]), DAY_NAMES.index(ends[-1])
        if last < first:
            raise ValueError(part)
        days.update(range(first, last + 1))
    return frozenset(days)


def parse_operator_hours(raw: str) -> OperatorHours:
    """Raises ValueError on anything else than "Mon-Fri 10-19 Europe/Moscow"."""
    match = _SPEC.match(raw.strip())
    if match is None:
        raise ValueError(raw)
    try:
        hours = OperatorHours(
            _days(match["days"]), _time(match["start"]), _time(match["end"]), match["zone"]
        )
        ZoneInfo(hours.zone)
    except ZoneInfoNotFoundError:
        raise ValueError(raw) from None
    if not hours.days or hours.opens >= hours.closes:
        raise ValueError(raw)
    return hours
