# ruff: noqa: RUF001, RUF003 (Russian words for dates: Cyrillic letters that look Latin)
"""Dates as people type them, and as the bot writes them, in en/ru/zh/it.

Month and weekday names and the word order of a date live in bot/locales/<lang>/calendar.ftl;
they serve both for writing dates (format_date, the calendar keyboard) and for reading them:
a typed month name may be any of them, in any of the four languages, or its first 3+ letters.
The words for days ("tomorrow", "пятницу", "周五") are there too, for scheduling.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.i18n import Translator

# Dates outside these years are typos (and would overflow date arithmetic downstream).
MIN_YEAR = 1900
MAX_YEAR = 2199

_SEP = r"\s*[-./]\s*"
_ISO = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}}){_SEP}(\d{{1,2}})", re.ASCII)
_DMY = re.compile(rf"(\d{{1,2}}){_SEP}(\d{{1,2}})(?:{_SEP}(\d{{4}}|\d{{2}}))?", re.ASCII)
_ZH = re.compile(r"(?:(\d{4}|\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?", re.ASCII)
_DAY = re.compile(r"(\d{1,2})(?:st|nd|rd|th|-?го|-?е|°|º)?", re.ASCII)
_YEAR = re.compile(r"\d{4}|\d{2}", re.ASCII)
# Words around a date that carry nothing: "15 марта 2027 г.", "15 March of 2027", "15 marzo del".
_FILLER = frozenset({"г", "года", "год", "of", "the", "del", "di", "de"})


@cache
def _translators() -> dict[str, Translator]:
    """The calendar.ftl files alone, read once, on first use."""
    from fluent.runtime import FluentBundle, FluentResource

    from bot.i18n import LOCALES_DIR, Translator
    from faq.model import LANGUAGES

    bundles = {}
    for lang in LANGUAGES:
        bundle = FluentBundle([lang], use_isolating=False)
        bundle.add_resource(
            FluentResource((LOCALES_DIR / lang / "calendar.ftl").read_text("utf-8"))
        )
        bundles[lang] = bundle
    return {
        lang: Translator(lang, bundle, bundles["en"] if lang != "en" else None)
        for lang, bundle in bundles.items()
    }


def _translator(lang: str) -> Translator:
    translators = _translators()
    return translators.get(lang) or translators["en"]


def _normalize(text: str) -> str:
    # NFKC turns full-width digits from Chinese keyboards ("２０２７年３月１５日") into ASCII.
    text = unicodedata.normalize("NFKC", text).lower().replace("ё", "е")
    return " ".join(text.split()).strip(" .")


@cache
def _month_names() -> dict[str, tuple[tuple[str, int], ...]]:
    """Per language: (normalized name, month number) for every month name in calendar.ftl."""
    table: dict[str, tuple[tuple[str, int], ...]] = {}
    for lang, t in _translators().items():
        names = {
            (_normalize(t(f"{key}-{month}")), month)
            for month in range(1, 13)
            for key in ("cal-month", "cal-month-of")
        }
        table[lang] = tuple(sorted(names))
    return table


def _month_from_word(word: str, lang: str) -> int | None:
    """A month name or its first 3+ letters, in the user's language first, then in the others."""
    table = _month_names()
    order = [lang, *(other for other in table if other != lang)] if lang in table else list(table)
    for candidate in order:
        for name, month in table[candidate]:
            if word == name:
                return month
    if len(word) < 3:
        return None
    for candidate in order:
        months = {month for name, month in table[candidate] if name.startswith(word)}
        if len(months) == 1:
            return months.pop()
        if months:
            return None  # "ma" would be ambiguous anywhere; in one language it is a refusal
    return None


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return 2000 + int(text) if len(text) == 2 else int(text)


def _make(year: int | None, month: int, day: int, today: date) -> date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is not None:
        if not MIN_YEAR <= year <= MAX_YEAR:
            return None
        try:
            return date(year, month, day)
        except ValueError:
            return None
    # No year: the next such date on or after today (29 February may be up to 8 years away).
    for candidate_year in range(today.year, min(today.year + 9, MAX_YEAR + 1)):
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _from_words(text: str, lang: str, today: date) -> date | None:
    words = [w.strip(".") for w in re.split(r"[\s,]+", text)]
    words = [w for w in words if w and w not in _FILLER]
    if len(words) not in (2, 3):
        return None
    year_word = words[2] if len(words) == 3 else None
    if year_word is not None and not _YEAR.fullmatch(year_word):
        return None
    for day_word, month_word in ((words[0], words[1]), (words[1], words[0])):
        day_match = _DAY.fullmatch(day_word)
        if day_match is None:
            continue
        month = _month_from_word(month_word, lang)
        if month is not None:
            return _make(_year(year_word), month, int(day_match.group(1)), today)
    return None


def parse_date(text: str, lang: str, today: date) -> date | None:
    """The date in `text` as a user typed it, or None when it is not a valid date.

    Numbers are day-first (15.03.2027, 15/03/27) unless the year comes first (2027-03-15);
    month names are understood in en/ru/zh/it whatever `lang` is, `lang` being tried first.
    Without a year ("15 марта", "15.03", "March 15") it is the next such date on or after `today`.
    """
    if not text or len(text) > 64:
        return None
    text = _normalize(text)
    if match := _ISO.fullmatch(text):
        year, month, day = match.groups()
        return _make(int(year), int(month), int(day), today)
    if match := _DMY.fullmatch(text):
        day, month, year = match.groups()
        return _make(_year(year), int(month), int(day), today)
    if match := _ZH.fullmatch(text):
        year, month, day = match.groups()
        return _make(_year(year), int(month), int(day), today)
    return _from_words(text, lang, today)


def format_date(d: date, lang: str) -> str:
    """A date written out: "15 March 2027", "15 марта 2027", "2027年3月15日", "15 marzo 2027"."""
    t = _translator(lang)
    month = t(f"cal-month-of-{d.month}")
    return t("cal-date", day=str(d.day), month=month, year=str(d.year))


def month_title(year: int, month: int, lang: str) -> str:
    """The heading of a month: "March 2027", "Март 2027", "2027年3月", "Marzo 2027"."""
    t = _translator(lang)
    return t("cal-title", month=t(f"cal-month-{month}"), year=str(year))


def weekday_names(lang: str) -> list[str]:
    """Short weekday names, Monday first."""
    t = _translator(lang)
    return [t(f"cal-wd-{n}") for n in range(1, 8)]


def find_date(text: str, lang: str, today: date) -> date | None:
    """The first date written anywhere in a longer message ("my visa ends on 15 March")."""
    text = _normalize(text[:500])
    for pattern in (_ISO, _ZH, _DMY):
        for match in pattern.finditer(text):
            if found := parse_date(match.group(), lang, today):
                return found
    words = re.split(r"[\s,;!?]+", text)
    for size in (3, 2):
        for start in range(len(words) - size + 1):
            if found := _from_words(" ".join(words[start : start + size]), lang, today):
                return found
    return None


# Words before a day name that carry nothing: "on friday", "в пятницу", "il venerdì".
_DAY_FILLER = frozenset({"on", "this", "в", "во", "il", "la", "这"})


@cache
def _day_words() -> dict[str, int | tuple[str, int]]:
    """Every word for a day, normalized: days from today (int), or ("weekday", 0-6)."""
    words: dict[str, int | tuple[str, int]] = {}
    for t in _translators().values():
        for key, offset in (("today", 0), ("tomorrow", 1), ("after-tomorrow", 2)):
            for word in t(f"cal-word-{key}").split(","):
                words[_normalize(word)] = offset
        for n in range(1, 8):
            for word in t(f"cal-weekday-{n}").split(","):
                words[_normalize(word)] = ("weekday", n - 1)
    return words


def day_from_words(text: str, today: date) -> tuple[date, bool] | None:
    """ "tomorrow", "послезавтра", "friday", "в пятницу", "周五": (the date, named by weekday).

    A weekday is its next occurrence on or after today. Any of the four languages is understood.
    """
    words = [w for w in _normalize(text).split() if w not in _DAY_FILLER]
    phrase = " ".join(words)
    if phrase.startswith("这"):  # "这周五", written without a space
        phrase = phrase[1:]
    found = _day_words().get(phrase)
    if found is None and phrase.startswith("the "):
        found = _day_words().get(phrase[4:])
    if found is None:
        return None
    if isinstance(found, int):
        return today + timedelta(days=found), False
    return today + timedelta(days=(found[1] - today.weekday()) % 7), True
