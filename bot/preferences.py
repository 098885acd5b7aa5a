"""The user's language and time zone: decided here, for every path (chat, reminders, broadcasts,
hand-off, operators)."""

from __future__ import annotations

from typing import Protocol
from zoneinfo import ZoneInfo

from bot.i18n import pick_language
from bot.settings import Settings


class HasLanguage(Protocol):
    @property
    def language(self) -> str | None: ...
    @property
    def tg_language(self) -> str | None: ...


class HasTimezone(Protocol):
    @property
    def timezone(self) -> str | None: ...


def language_of(user: HasLanguage, settings: Settings) -> str:
    """The language the user chose (/language), else their Telegram language when we speak it,
    else DEFAULT_LANGUAGE."""
    return user.language or pick_language(user.tg_language, settings.default_language)


def timezone_of(user: HasTimezone, settings: Settings) -> ZoneInfo:
    """The time zone the user chose (/settings), else DEFAULT_TIMEZONE."""
    return ZoneInfo(user.timezone or settings.default_timezone)
