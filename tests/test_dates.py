# ruff: noqa: RUF001 (Russian dates: Cyrillic letters that look Latin)
"""Reading dates as users type them, and writing them out, in every language."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from bot.dates import find_date, format_date, parse_date
from faq.model import LANGUAGES

TODAY = date(2026, 11, 21)
MARCH_15 = date(2027, 3, 15)

FORMS = [
    "15.03.2027",
    "15/03/2027",
    "15-03-2027",
    "2027-03-15",
    "15.03.27",
    "15 марта 2027",
    "15 мар 2027",
    "2027年3月15日",
    "2027年3月15号",
    "15 marzo 2027",
    "15 mar 2027",
    "March 15 2027",
    "March 15, 2027",
    "15 March 2027",
    "mar 15 2027",
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("text", FORMS)
def test_every_form_in_every_language(text: str, lang: str) -> None:
    assert parse_date(text, lang, TODAY) == MARCH_15


@pytest.mark.parametrize(
    "text",
    [
        "15 МАРТА 2027",
        "MARCH 15 2027",
        "15 Marzo 2027",
        "  15   марта   2027  ",
        "15.03.2027.",
        "15 марта 2027.",
        "15 . 03 . 2027",
        "2027 年 3 月 15 日",
        "２０２７年３月１５日",  # full-width digits from a Chinese keyboard
        "15 марта 2027 г.",
        "15 марта 2027 года",
        "15th March 2027",
        "March 15th, 2027",
        "15 мар. 2027",
        "15 marzo del 2027",
        "15 март 2027",  # nominative instead of genitive
    ],
)
def test_case_spaces_dots_and_habits(text: str) -> None:
    assert parse_date(text, "en", TODAY) == MARCH_15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03.04.2027", date(2027, 4, 3)),  # day first, never the American month first
        ("03/04/2027", date(2027, 4, 3)),
        ("2027-04-03", date(2027, 4, 3)),  # year first only in the ISO form
        ("2027.04.03", date(2027, 4, 3)),
        ("1.2.27", date(2027, 2, 1)),
        ("1 сен 2027", date(2027, 9, 1)),
        ("1 сент. 2027", date(2027, 9, 1)),
        ("1 sept 2027", date(2027, 9, 1)),
        ("1 sep 2027", date(2027, 9, 1)),
        ("1 set 2027", date(2027, 9, 1)),
        ("2 фев 2027", date(2027, 2, 2)),
        ("3 нояб. 2027", date(2027, 11, 3)),
        ("5 dic 2027", date(2027, 12, 5)),
        ("7 giu 2027", date(2027, 6, 7)),
        ("8 mag 2027", date(2027, 5, 8)),
        ("9 мая 2027", date(2027, 5, 9)),
        ("10 gen 2027", date(2027, 1, 10)),
        ("12 ноября 2027", date(2027, 11, 12)),
        ("29.02.2028", date(2028, 2, 29)),
    ],
)
def test_day_first_and_abbreviations(text: str, expected: date) -> None:
    for lang in LANGUAGES:
        assert parse_date(text, lang, TODAY) == expected, lang


@pytest.mark.parametrize(
    "text",
    [
        "31.02.2027",
        "29.02.2027",
        "2027-02-30",
        "32.01.2027",
        "0.01.2027",
        "15.13.2027",
        "15.00.2027",
        "31 апреля 2027",
        "2027年2月30日",
        "2027年13月1日",
        "tomorrow-ish",
        "tomorrow",
        "",
        "   ",
        "😀",
        "🎉🎉",
        "15",
        "March",
        "2027",
        "15 foo 2027",
        "15 ma 2027",  # two letters: too short to tell a month
        "1-2-3",
        "15.03.20277",
        "15.03.1850",
        "15.03.2500",
        "15 марта 12345",
        "15 марта 2027 10:30",
        "15 16 2027",
        "15.03.2027" * 10,
    ],
)
def test_unreadable_or_invalid_is_none(text: str) -> None:
    for lang in LANGUAGES:
        assert parse_date(text, lang, TODAY) is None, (text, lang)


@pytest.mark.parametrize("text", ["15 марта", "15.03", "15/03", "March 15", "15 marzo", "3月15日"])
def test_without_a_year_is_the_next_such_date(text: str) -> None:
    assert parse_date(text, "ru", TODAY) == MARCH_15
    assert parse_date(text, "ru", date(2027, 3, 14)) == MARCH_15
    assert parse_date(text, "ru", MARCH_15) == MARCH_15  # today itself counts
    assert parse_date(text, "ru", date(2027, 3, 16)) == date(2028, 3, 15)


def test_without_a_year_rolls_over_the_year_end() -> None:
    new_years_eve = date(2026, 12, 31)
    assert parse_date("31.12", "ru", new_years_eve) == new_years_eve
    assert parse_date("1 января", "ru", new_years_eve) == date(2027, 1, 1)
    assert parse_date("January 2", "en", new_years_eve) == date(2027, 1, 2)
    assert parse_date("1月3日", "zh", new_years_eve) == date(2027, 1, 3)
    assert parse_date("30 dicembre", "it", new_years_eve) == date(2027, 12, 30)
    assert parse_date("1.01", "ru", date(2027, 1, 1)) == date(2027, 1, 1)


def test_29_february_without_a_year_is_the_next_leap_day() -> None:
    assert parse_date("29.02", "ru", TODAY) == date(2028, 2, 29)
    assert parse_date("29 February", "en", date(2028, 3, 1)) == date(2032, 2, 29)
    assert parse_date("30.02", "ru", TODAY) is None


def test_the_users_language_is_tried_first_but_any_is_understood() -> None:
    # "mar" is March in English and Italian; Cyrillic "мар" in Russian: all agree.
    for lang in LANGUAGES:
        assert parse_date("15 mar", lang, TODAY) == MARCH_15
        assert parse_date("15 мар", lang, TODAY) == MARCH_15
        assert parse_date("15 ottobre 2027", lang, TODAY) == date(2027, 10, 15)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "15 March 2027"),
        ("ru", "15 марта 2027"),
        ("zh", "2027年3月15日"),
        ("it", "15 marzo 2027"),
        ("de", "15 March 2027"),  # an unknown language falls back to English
    ],
)
def test_format_date_per_language(lang: str, expected: str) -> None:
    assert format_date(MARCH_15, lang) == expected


def test_format_date_uses_the_form_a_month_takes_in_a_date() -> None:
    assert format_date(date(2027, 5, 1), "ru") == "1 мая 2027"
    assert format_date(date(2027, 12, 31), "ru") == "31 декабря 2027"
    assert format_date(date(2027, 1, 9), "it") == "9 gennaio 2027"
    assert format_date(date(2027, 10, 1), "zh") == "2027年10月1日"
    assert format_date(date(2027, 11, 30), "en") == "30 November 2027"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_the_bot_writes_it_reads_back(lang: str) -> None:
    for month in range(1, 13):
        d = date(2027, month, 28)
        written = format_date(d, lang)
        assert str(d.year) in written  # no "2,027" from number formatting
        for reader in LANGUAGES:
            assert parse_date(written, reader, TODAY) == d, (written, reader)


def test_importing_the_module_reads_nothing_yet() -> None:
    code = "import sys, bot.dates; print('fluent.runtime' in sys.modules)"
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("my visa ends on 15 March", "en", date(2027, 3, 15)),
        ("моя виза заканчивается 15 марта 2027 г.", "ru", date(2027, 3, 15)),
        ("我的签证2027年3月15日到期", "zh", date(2027, 3, 15)),
        ("il mio visto scade il 15/03/2027, cosa faccio?", "it", date(2027, 3, 15)),
        ("patent paid until 2026-12-10", "en", date(2026, 12, 10)),
        ("I arrived 3 days ago", "en", None),
        ("how many days do I have to register", "en", None),
    ],
)
def test_a_date_is_found_inside_a_message(text: str, lang: str, expected: date | None) -> None:
    assert find_date(text, lang, date(2026, 11, 30)) == expected
