"""Time zones as people name them: city names in four languages, UTC offsets, "北京时间", "MSK+4".

City names live in bot/locales/<lang>/timezones.ftl; a typed answer may be any of them in any
language, an IANA name (Asia/Shanghai), or an offset (UTC+3, GMT-5, MSK+4), which picks the
offered zone with that offset now, else the fixed-offset zone.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from fluent.runtime import FluentBundle, FluentResource

from faq.model import LANGUAGES

# Offered as buttons, west to east; the other named zones are only understood when typed.
RUSSIAN_ZONES = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
)
# Words around a zone's name that carry nothing: "Moscow time", "московское время", "北京时间".
_FILLER = re.compile(
    r"\b(time|time zone|timezone|standard|время|времени|по|ora|fuso orario|di|del|ora di)\b"
    r"|时间|時間|时区"
)
_OFFSET = re.compile(r"^(utc|gmt|msk|мск)?\s*(?:([+-])\s*(\d{1,2})(?::?(\d\d))?)?$")
MOSCOW_OFFSET = timedelta(hours=3)


def _key(zone: str) -> str:
    return "tz-" + zone.lower().replace("/", "-").replace("_", "-")


@cache
def _bundles() -> dict[str, FluentBundle]:
    from bot.i18n import LOCALES_DIR

    bundles = {}
    for lang in LANGUAGES:
        bundle = FluentBundle([lang], use_isolating=False)
        path = LOCALES_DIR / lang / "timezones.ftl"
        bundle.add_resource(FluentResource(path.read_text("utf-8")))
        bundles[lang] = bundle
    return bundles


@cache
def _named_zones() -> tuple[str, ...]:
    """Every zone with a city name, from the English file."""
    ids = {_key(zone): zone for zone in available_timezones()}
    bundle = _bundles()["en"]
    return tuple(zone for key, zone in sorted(ids.items()) if bundle.has_message(key))


def city(zone: str, lang: str) -> str:
    bundle = _bundles().get(lang) or _bundles()["en"]
    if bundle.has_message(_key(zone)):
        value, _ = bundle.format_pattern(bundle.get_message(_key(zone)).value, {})
        return value
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def offset_label(zone: ZoneInfo, now: datetime) -> str:
    """ "UTC+3", "UTC+5:30", "UTC-4", "UTC" at `now` (daylight saving included)."""
    offset = now.astimezone(zone).utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign, minutes = ("+" if minutes > 0 else "-"), abs(minutes)
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")


def zone_name(zone: ZoneInfo, lang: str, now: datetime) -> str:
    """E.g. "Moscow (UTC+3)", "莫斯科 (UTC+3)"."""
    return f"{city(zone.key, lang)} ({offset_label(zone, now)})"


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower().replace("\u0451", "\u0435")  # yo -> ye
    text = text.replace("\u2212", "-")  # the minus sign
    return " ".join(text.split())


def _by_offset(offset: timedelta, now: datetime) -> str | None:
    for zone in RUSSIAN_ZONES:
        if now.astimezone(ZoneInfo(zone)).utcoffset() == offset:
            return zone
    minutes = int(offset.total_seconds()) // 60
    if minutes % 60 or not -12 * 60 <= minutes <= 14 * 60:
        return None
    hours = minutes // 60
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"  # POSIX: Etc/GMT-3 is UTC+3


def find_zone(typed: str, now: datetime) -> str | None:
    """The IANA name of the zone a user typed, or None."""
    text = _normalize(typed)
    if not text or len(text) > 64:
        return None
    wanted = text.replace(" ", "_")
    if exact := next((z for z in available_timezones() if z.lower() == wanted), None):
        return exact
    if match := _OFFSET.match(text.replace(" ", "")):
        base, sign, hours, minutes = match.groups()
        if base is None and sign is None:
            return None
        offset = timedelta(hours=int(hours or 0), minutes=int(minutes or 0))
        offset = -offset if sign == "-" else offset
        if base in ("msk", "мск"):
            offset += MOSCOW_OFFSET
        return _by_offset(offset, now)
    bare = " ".join(_FILLER.sub(" ", text).replace("-", " ").split())
    if not bare:
        return None
    names = {
        (_normalize(city(zone, lang)).replace("-", " "), zone)
        for zone in _named_zones()
        for lang in LANGUAGES
    }
    for name, zone in names:
        if bare in (name, name.split()[0]):
            return zone
    # "московское время", "moskauer": the same stem as one city's name
    stems = {zone for name, zone in names if len(bare) >= 4 and name[:4] == bare[:4]}
    return stems.pop() if len(stems) == 1 else None
