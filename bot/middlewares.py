"""Per-update work: who is writing and in which language, and a polite brake for floods."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import Message, TelegramObject, User

from bot.clock import Clock
from bot.content import Content
from bot.flood import FloodPace, LocalFloodPace
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
    """A polite brake for floods, at the pace `pace` keeps (bot/flood.py).

    Messages over the pace are delayed, not dropped, and the user is told once per flood. A flood so
    long that a message would wait more than the pace's `max_delay` is cut off, never silently: the
    first message skipped gets a reply saying that it and those right after it, until the bot's
    next answer, were skipped and should be sent again.
    """

    def __init__(self, pace: FloodPace | None = None) -> None:
        self.pace = pace or LocalFloodPace()

    async def __call__(self, handler: Handler, event: TelegramObject, data: dict[str, Any]) -> Any:
        if not isinstance(event, Message) or event.from_user is None:
            return await handler(event, data)
        verdict = await self.pace.take(event.from_user.id)
        if verdict.skip:
            if verdict.notify:
                await event.reply(data["t"]("flood-skipped"))
            return None
        if verdict.delay > 0:
            if verdict.notify:
                await event.answer(data["t"]("throttled"))
            await asyncio.sleep(verdict.delay)
        return await handler(event, data)
