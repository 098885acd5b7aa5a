"""Per-update work: who is writing and in which language, and a polite brake for floods."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Message, TelegramObject, User

from bot.clock import Clock
from bot.content import Content
from bot.i18n import I18n
from bot.preferences import language_of
from bot.reminders import reschedule_user
from bot.settings import Settings
from bot.turn import Turn
from storage.database import Database
from storage.users import touch_user

Handler = Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]]
"""What a dispatcher middleware wraps: the next middleware or the handler itself."""


class UserContextMiddleware(BaseMiddleware):
    """Records the user in the database and puts `user`, `lang`, `t`, `turn`, and the content of
    this update (`kb`, `matcher`: the content holder's current pair) into the handler data."""

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        settings: Settings = data["settings"]
        i18n: I18n = data["i18n"]
        content: Content = data["content"]
        kb = data["kb"] = content.kb
        data["matcher"] = content.matcher
        tg_user: User | None = data.get("event_from_user")
        lang = settings.default_language
        if tg_user is not None and not tg_user.is_bot:
            db: Database = data["db"]
            clock: Clock = data["clock"]
            now = clock.now()
            user, came_back = await touch_user(
                db,
                tg_user.id,
                tg_user.first_name or "",
                tg_user.language_code,
                int(now.timestamp()),
            )
            if came_back:
                await reschedule_user(db, kb, settings, user, now)
            lang = language_of(user, settings)
            data["user"] = user
        data["lang"] = lang
        data["t"] = t = i18n.translator(lang)
        if "user" in data and "state" in data:
            data["turn"] = Turn(
                data["bot"],
                data["db"],
                kb,
                settings,
                data["clock"],
                data["state"],
                data["user"],
                lang,
                t,
            )
        return await handler(event, data)


class ThrottlingMiddleware(BaseMiddleware):
    """Lets each user send `burst` messages at once, then one per `interval` seconds (GCRA).

    Messages over the pace are delayed, not dropped, and the user is told once per flood. A flood so
    long that a message would wait more than `max_delay` seconds is cut off, never silently: the
    first message skipped gets a reply saying that it and those right after it, until the bot's
    next answer, were skipped and should be sent again.
    """

    def __init__(self, burst: int = 5, interval: float = 1.0, max_delay: float = 10.0) -> None:
        self.interval, self.max_delay = interval, max_delay
        self.tolerance = (burst - 1) * interval
        self._tat: dict[int, float] = {}
        self._warned: set[int] = set()
        self._skipping: set[int] = set()
        self.remembered = 1000

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Message) or event.from_user is None:
            return await handler(event, data)
        user_id, now = event.from_user.id, time.monotonic()
        tat = max(self._tat.get(user_id, now), now)
        delay = tat - now - self.tolerance
        if delay > self.max_delay:
            if user_id not in self._skipping:
                self._skipping.add(user_id)
                await event.reply(data["t"]("flood-skipped"))
            return None
        self._skipping.discard(user_id)
        self._tat[user_id] = tat + self.interval
        if delay > 0:
            if user_id not in self._warned:
                self._warned.add(user_id)
                await event.answer(data["t"]("throttled"))
            await asyncio.sleep(delay)
        elif tat == now:
            self._warned.discard(user_id)
        if len(self._tat) > self.remembered:
            self._forget_calm(now)
        return await handler(event, data)

    def _forget_calm(self, now: float) -> None:
        """Users whose pace is back to nothing are as good as unseen: keeps memory flat."""
        calm = [user_id for user_id, tat in self._tat.items() if tat <= now]
        for user_id in calm:
            del self._tat[user_id]
            self._warned.discard(user_id)
            self._skipping.discard(user_id)
        self.remembered = max(1000, 2 * len(self._tat))
