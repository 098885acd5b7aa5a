"""The bot's real Dispatcher and handlers in this process, talking to a LocalTelegram."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from aiogram import Bot, Dispatcher

from bot.app import Services, create_bot, create_dispatcher, create_services
from bot.clock import FrozenClock
from bot.content import Content
from bot.local_api import ApiCall, FakeUser, LocalSession, LocalTelegram
from bot.settings import load_settings
from faq import KnowledgeBase, load_knowledge_base

START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def make_services(database: Path | str, **env: str) -> Services:
    """Services whose bot talks to a LocalTelegram of its own (`Chat(services).telegram`).

    `database`: a SQLite file's path, or a database URL (tests/databases.py).
    """
    where = (
        {"DATABASE_URL": database}
        if isinstance(database, str)
        else {"DATABASE_PATH": str(database)}
    )
    settings = load_settings({**where, **env})
    bot = create_bot(settings, session=LocalSession(LocalTelegram()))
    return create_services(settings, bot, clock=FrozenClock(START), content=Content(_kb()))


@cache
def _kb() -> KnowledgeBase:
    return load_knowledge_base()


class Chat:
    """Say something as a user, get back the Bot API calls the bot made in answer."""

    def __init__(
        self, services: Services, *, throttle: bool = False, run_jobs: bool = False
    ) -> None:
        self.services = services
        self.bot: Bot = services.bot
        assert isinstance(self.bot.session, LocalSession)
        self.telegram: LocalTelegram = self.bot.session.telegram
        self.dp: Dispatcher = create_dispatcher(services, throttle=throttle, run_jobs=run_jobs)
        # Without the jobs no leader runs: on PostgreSQL too, this process sends the broadcasts
        # its operators start, as the one SQLite process does.
        services.broadcasts.leading = not run_jobs
        self._offset = 0

    async def start(self) -> None:
        await self.dp.emit_startup(bot=self.bot, **self.dp.workflow_data)

    async def close(self) -> None:
        await self.dp.emit_shutdown(bot=self.bot, **self.dp.workflow_data)

    async def deliver(self) -> list[ApiCall]:
        before = len(self.telegram.calls)
        for update in await self.telegram.get_updates(self._offset, timeout=0):
            self._offset = update["update_id"] + 1
            await self.dp.feed_raw_update(self.bot, update)
        return self.telegram.calls[before:]

    async def deliver_at_once(self) -> list[ApiCall]:
        """Handles the waiting updates concurrently, as polling does (a double tap)."""
        before = len(self.telegram.calls)
        updates = await self.telegram.get_updates(self._offset, timeout=0)
        if updates:
            self._offset = updates[-1]["update_id"] + 1
        await asyncio.gather(*(self.dp.feed_raw_update(self.bot, u) for u in updates))
        return self.telegram.calls[before:]

    async def say(self, user: FakeUser, text: str) -> list[ApiCall]:
        self.telegram.send_text(user, text)
        return await self.deliver()

    async def press(self, user: FakeUser, label: str) -> list[ApiCall]:
        self.telegram.press_button(user, label)
        return await self.deliver()


def replies(calls: list[ApiCall]) -> list[ApiCall]:
    """The calls that put text in front of the user (new messages and edits)."""
    return [
        c
        for c in calls
        if c.method in ("sendMessage", "editMessageText") and c.status == 200 and not c.broken
    ]
