# ruff: noqa: RUF001 (Russian weekday names: Cyrillic letters that look Latin)
"""The inline date picker: grid, labels per language, navigation, callback data limits."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup

from bot.local_api import LocalSession, LocalTelegram
from faq.model import LANGUAGES
from handlers.calendar import (
    CalendarCb,
    calendar_keyboard,
    handle_calendar_press,
    month_grid,
)

TODAY = date(2026, 11, 21)


def labels(markup: InlineKeyboardMarkup) -> list[list[str]]:
    return [[button.text for button in row] for row in markup.inline_keyboard]


def title(markup: InlineKeyboardMarkup) -> str:
    return markup.inline_keyboard[0][0].text


def day_rows(markup: InlineKeyboardMarkup) -> list[list[str]]:
    return labels(markup)[2:-1]


def test_february_in_a_leap_year() -> None:
    # 1 February 2028 is a Tuesday; 29 days.
    assert month_grid(2028, 2) == [
        [0, 1, 2, 3, 4, 5, 6],
        [7, 8, 9, 10, 11, 12, 13],
        [14, 15, 16, 17, 18, 19, 20],
        [21, 22, 23, 24, 25, 26, 27],
        [28, 29, 0, 0, 0, 0, 0],
    ]


def test_a_month_starting_on_sunday_takes_six_weeks() -> None:
    # 1 August 2027 is a Sunday; 31 days.
    grid = month_grid(2027, 8)
    assert len(grid) == 6
    assert grid[0] == [0, 0, 0, 0, 0, 0, 1]
    assert grid[-1] == [30, 31, 0, 0, 0, 0, 0]


def test_a_february_that_fills_exactly_four_weeks() -> None:
    # 1 February 2027 is a Monday; 28 days.
    assert month_grid(2027, 2) == [list(range(start, start + 7)) for start in (1, 8, 15, 22)]


@pytest.mark.parametrize("year", [2026, 2027, 2028, 2100])
def test_grid_matches_the_standard_library_for_every_month(year: int) -> None:
    for month in range(1, 13):
        assert month_grid(year, month) == calendar.Calendar(0).monthdayscalendar(year, month)


def test_keyboard_layout() -> None:
    markup = calendar_keyboard(2028, 2, "en", TODAY)
    rows = labels(markup)
    assert rows[0] == ["February 2028"]
    assert rows[1] == ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    assert rows[2] == [" ", "1", "2", "3", "4", "5", "6"]
    assert rows[6] == ["28", "29", " ", " ", " ", " ", " "]
    assert rows[-1] == ["«", "»"]
    assert len(rows) == 2 + 5 + 1


@pytest.mark.parametrize(
    ("lang", "header", "weekdays"),
    [
        ("en", "March 2027", ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]),
        ("ru", "Март 2027", ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]),
        ("zh", "2027年3月", ["一", "二", "三", "四", "五", "六", "日"]),
        ("it", "Marzo 2027", ["Lu", "Ma", "Me", "Gi", "Ve", "Sa", "Do"]),
    ],
)
def test_labels_per_language(lang: str, header: str, weekdays: list[str]) -> None:
    rows = labels(calendar_keyboard(2027, 3, lang, TODAY))
    assert rows[0] == [header]
    assert rows[1] == weekdays


def test_month_names_per_language_for_every_month() -> None:
    expected = {
        "ru": "Январь Февраль Март Апрель Май Июнь Июль Август Сентябрь Октябрь Ноябрь Декабрь",
        "it": "Gennaio Febbraio Marzo Aprile Maggio Giugno Luglio Agosto Settembre Ottobre "
        "Novembre Dicembre",
    }
    for lang, names in expected.items():
        titles = [title(calendar_keyboard(2027, m, lang, TODAY)) for m in range(1, 13)]
        assert titles == [f"{name} 2027" for name in names.split()]
    assert title(calendar_keyboard(2027, 12, "zh", TODAY)) == "2027年12月"


def test_today_is_marked_and_past_days_stay_pickable() -> None:
    markup = calendar_keyboard(2026, 11, "en", TODAY)
    days = [label for row in day_rows(markup) for label in row if label.strip()]
    assert "·21·" in days
    assert "21" not in days
    assert days[:3] == ["1", "2", "3"]
    past = next(b for row in markup.inline_keyboard for b in row if b.text == "1")
    assert handle_calendar_press(CalendarCb.unpack(past.callback_data), "en", TODAY) == date(
        2026, 11, 1
    )
    other_month = calendar_keyboard(2026, 12, "en", TODAY)
    assert not any("·" in label for row in labels(other_month) for label in row)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_within_telegram_limits(lang: str) -> None:
    for year, month in [(2026, 11), (2027, 8), (2199, 12), (1900, 1), (2028, 2)]:
        markup = calendar_keyboard(year, month, lang, TODAY)
        buttons = [b for row in markup.inline_keyboard for b in row]
        assert len(buttons) <= 100
        assert all(len(row) <= 8 for row in markup.inline_keyboard)
        for button in buttons:
            assert button.text
            assert len(button.callback_data.encode()) <= 64
            assert CalendarCb.unpack(button.callback_data).action in {
                "day",
                "prev",
                "next",
                "ignore",
            }


def test_every_day_button_gives_its_own_date() -> None:
    markup = calendar_keyboard(2028, 2, "ru", TODAY)
    chosen = []
    for row in markup.inline_keyboard[2:-1]:
        for button in row:
            result = handle_calendar_press(CalendarCb.unpack(button.callback_data), "ru", TODAY)
            if button.text.strip():
                assert result == date(2028, 2, int(button.text.strip("·")))
                chosen.append(result)
            else:
                assert result is None
    assert len(chosen) == 29


def press(markup: InlineKeyboardMarkup, label: str, lang: str = "en") -> object:
    button = next(b for row in markup.inline_keyboard for b in row if b.text == label)
    return handle_calendar_press(CalendarCb.unpack(button.callback_data), lang, TODAY)


def test_navigation_across_year_ends() -> None:
    december = calendar_keyboard(2026, 12, "en", TODAY)
    january = press(december, "»")
    assert isinstance(january, InlineKeyboardMarkup)
    assert title(january) == "January 2027"
    back = press(january, "«")
    assert isinstance(back, InlineKeyboardMarkup)
    assert title(back) == "December 2026"
    assert labels(back) == labels(december)
    november = press(back, "«")
    assert isinstance(november, InlineKeyboardMarkup)
    assert "·21·" in [label for row in labels(november) for label in row]
    assert title(press(calendar_keyboard(2027, 1, "zh", TODAY), "«", "zh")) == "2026年12月"


def test_navigation_stops_at_the_ends_of_the_range() -> None:
    last = calendar_keyboard(2199, 12, "en", TODAY)
    assert labels(last)[-1] == ["«", " "]
    assert press(last, " ") is None
    assert labels(calendar_keyboard(1900, 1, "en", TODAY))[-1] == [" ", "»"]
    with pytest.raises(ValueError):
        calendar_keyboard(2200, 1, "en", TODAY)


@pytest.mark.parametrize(
    "data",
    [
        CalendarCb(action="ignore"),
        CalendarCb(action="day", year=2027, month=2, day=31),
        CalendarCb(action="day", year=2027, month=13, day=1),
        CalendarCb(action="day", year=9999, month=1, day=1),
        CalendarCb(action="next", year=2027, month=0),
        CalendarCb(action="prev", year=2300, month=1),
        CalendarCb(action="jump", year=2027, month=3, day=1),
    ],
)
def test_ignored_and_forged_presses_give_none(data: CalendarCb) -> None:
    assert handle_calendar_press(data, "en", TODAY) is None


def test_a_day_press_gives_the_date() -> None:
    data = CalendarCb(action="day", year=2027, month=3, day=15)
    assert data.pack() == "cal:day:2027:3:15"
    assert handle_calendar_press(CalendarCb.unpack(data.pack()), "it", TODAY) == date(2027, 3, 15)


async def test_telegram_accepts_the_keyboard() -> None:
    telegram = LocalTelegram()
    bot = Bot(token="1:test", session=LocalSession(telegram))
    for lang in LANGUAGES:
        await bot.send_message(1, "?", reply_markup=calendar_keyboard(2027, 8, lang, TODAY))
    await bot.session.close()
    assert [call.status for call in telegram.calls] == [200] * len(LANGUAGES)
    sent = telegram.calls[-1].buttons
    assert len(sent) == 1 + 7 + 6 * 7 + 2
