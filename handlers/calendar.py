"""An inline calendar for picking a date; the wizard that shows it registers the handlers.

Usage in a wizard:
    await message.answer(text, reply_markup=calendar_keyboard(today.year, today.month, lang, today))

    @router.callback_query(SomeState, CalendarCb.filter())
    async def on_calendar(callback, callback_data: CalendarCb, lang, ...):
        result = handle_calendar_press(callback_data, lang, today)
        if isinstance(result, date): ...            # chosen
        elif result is not None: await callback.message.edit_reply_markup(reply_markup=result)
        await callback.answer()                     # also for None: stops the button's spinner
"""

from __future__ import annotations

from datetime import date

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.dates import MAX_YEAR, MIN_YEAR, month_title, weekday_names

BLANK = " "
PREV = "«"
NEXT = "»"


class CalendarCb(CallbackData, prefix="cal"):
    action: str  # day | prev | next | ignore
    year: int = 0
    month: int = 0
    day: int = 0


_IGNORE = CalendarCb(action="ignore").pack()


def _shift(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _in_range(year: int, month: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data)


def month_grid(year: int, month: int) -> list[list[int]]:
    """Weeks of the month, Monday first; 0 where a cell belongs to another month."""
    first = date(year, month, 1)
    next_year, next_month = _shift(year, month, 1)
    days = (date(next_year, next_month, 1) - first).days
    cells = [0] * first.weekday() + list(range(1, days + 1))
    cells += [0] * (-len(cells) % 7)
    return [cells[i : i + 7] for i in range(0, len(cells), 7)]


def calendar_keyboard(year: int, month: int, lang: str, today: date) -> InlineKeyboardMarkup:
    """The month as a keyboard: title, weekdays, day buttons (today as ·15·), « and » to move."""
    if not _in_range(year, month):
        raise ValueError(f"no calendar for {year}-{month}")
    rows = [
        [_button(month_title(year, month, lang), _IGNORE)],
        [_button(name, _IGNORE) for name in weekday_names(lang)],
    ]
    for week in month_grid(year, month):
        row = []
        for day in week:
            if day == 0:
                row.append(_button(BLANK, _IGNORE))
                continue
            label = f"·{day}·" if date(year, month, day) == today else str(day)
            data = CalendarCb(action="day", year=year, month=month, day=day)
            row.append(_button(label, data.pack()))
        rows.append(row)
    navigation = []
    for action, label, delta in (("prev", PREV, -1), ("next", NEXT, 1)):
        to_year, to_month = _shift(year, month, delta)
        if _in_range(to_year, to_month):
            data = CalendarCb(action=action, year=to_year, month=to_month).pack()
            navigation.append(_button(label, data))
        else:
            navigation.append(_button(BLANK, _IGNORE))
    rows.append(navigation)
    return InlineKeyboardMarkup(inline_keyboard=rows)


def handle_calendar_press(
    data: CalendarCb, lang: str, today: date
) -> date | InlineKeyboardMarkup | None:
    """A press on the calendar: the chosen date, the keyboard of another month, or None (ignore).

    prev/next carry the month to show. Anything malformed (a forged or stale button) gives None.
    """
    if data.action == "day":
        if not _in_range(data.year, data.month):
            return None
        try:
            return date(data.year, data.month, data.day)
        except ValueError:
            return None
    if data.action in ("prev", "next") and _in_range(data.year, data.month):
        return calendar_keyboard(data.year, data.month, lang, today)
    return None
