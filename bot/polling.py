"""Long polling that loses no update on a stop or a crash, and handles none twice on a stop.

aiogram's `start_polling` tells Telegram an update arrived (the next getUpdates' `offset`) as soon
as it is fetched, runs each in a task of its own with no bound, and on SIGTERM cancels what runs
and closes the database under it. Here, instead:

- every fetched update is written to the inbox (SQLite) *before* the next getUpdates confirms it,
  and marked handled once its handler has returned: a crash loses nothing (what was kept runs at
  the next start; what was not is sent again by Telegram), and a second delivery of a kept update
  is recognised by its `update_id`. Only the updates being handled when the process died can be
  handled twice: at most `concurrency`, as an update keeps its place until it is marked handled.
- Confirming on arrival rather than after handling keeps long polling long: Telegram returns the
  oldest 100 unconfirmed updates at once, so waiting for one slow update (a flood being paced, a
  429 waited out) would stall everyone else behind it.
- At most `concurrency` updates are handled at once. The place is taken after the flood brake
  (`ThrottlingMiddleware`), so a message being paced waits without holding one.
- At most `backlog` updates wait in memory; beyond that the loop stops fetching until they drain.
- SIGTERM/SIGINT: stop fetching, let what has started finish (`grace` seconds at most; what is
  still waiting then stays in the inbox for the next start), then the dispatcher's shutdown stops
  the jobs and closes the database, then the HTTP session is closed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from typing import TYPE_CHECKING, Any

from aiogram import Bot, Dispatcher
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.types import TelegramObject, Update
from aiogram.utils.backoff import Backoff, BackoffConfig

from bot.update_loop import UpdateLoop
from storage.database import Database
from storage.inbox import (
    forget_confirmed,
    mark_handled,
    next_offset,
    pending_updates,
    receive_updates,
)

if TYPE_CHECKING:
    from bot.middlewares import Handler

log = logging.getLogger(__name__)
BACKOFF = BackoffConfig(min_delay=1.0, max_delay=30.0, factor=1.5, jitter=0.1)


class Polling(UpdateLoop):
    def __init__(
        self,
        dp: Dispatcher,
        bot: Bot,
        db: Database,
        *,
        timeout: int = 10,
        concurrency: int = 10,
        backlog: int = 500,
        grace: float = 12.0,
    ) -> None:
        super().__init__(dp, bot, concurrency=concurrency, grace=grace)
        self.db, self.timeout, self.backlog = db, timeout, backlog
        self._tasks: set[asyncio.Task[None]] = set()
        self._room = asyncio.Event()
        self._data: dict[str, Any] = {}
        self._marked: set[int] = set()

    async def run(self) -> None:
        """Start-up, polling until `stop()` or a signal, then an orderly shutdown."""
        self._catch_signals()
        self._data = {"dispatcher": self.dp, "bots": (self.bot,), **self.dp.workflow_data}
        try:
            await self.dp.emit_startup(bot=self.bot, **self._data)
            try:
                for update_id, payload in await pending_updates(self.db):
                    log.info(
                        "update %s was not handled before the last stop: handling it now", update_id
                    )
                    self._spawn(Update.model_validate_json(payload, context={"bot": self.bot}))
                await self._fetch_until_stopped()
            finally:
                await self._drain(self._tasks, "they run at the next start")
                await self.dp.emit_shutdown(bot=self.bot, **self._data)
        finally:
            self._release_signals()
            await self.bot.session.close()

    async def _fetch_until_stopped(self) -> None:
        offset = await next_offset(self.db)
        allowed = self.dp.resolve_used_update_types()
        backoff = Backoff(config=BACKOFF)
        while not self._stop.is_set():
            if len(self._tasks) >= self.backlog:
                self._room.clear()
                await self._until_stopped(self._room.wait())
                continue
            request = GetUpdates(offset=offset, timeout=self.timeout, allowed_updates=allowed)
            try:
                updates = await self._until_stopped(
                    self.bot(request, request_timeout=self.timeout + 30)
                )
            except Exception as e:
                log.error(
                    "getUpdates failed (%s); trying again in %.0f s",
                    type(e).__name__,
                    backoff.next_delay,
                )
                await self._until_stopped(backoff.asleep())
                continue
            if updates is None:  # stopped while waiting
                break
            backoff.reset()
            if offset is not None:
                await forget_confirmed(self.db, offset)
            if not updates:
                continue
            now = int(time.time())
            new = await receive_updates(
                self.db,
                [
                    (u.update_id, u.model_dump_json(exclude_unset=True, by_alias=True))
                    for u in updates
                ],
                now,
            )
            for update in updates:
                if update.update_id in new:
                    self._spawn(update)
            offset = updates[-1].update_id + 1

    async def _until_stopped(self, aw: Any) -> Any:
        """Awaits `aw`, or gives up on it (None) when a stop is asked for."""
        work = asyncio.ensure_future(aw)
        stop = asyncio.ensure_future(self._stop.wait())
        try:
            await asyncio.wait([work, stop], return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
        if not work.done():
            work.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await work
            return None
        return work.result()

    def _spawn(self, update: Update) -> None:
        task = asyncio.create_task(self._handle(update), name=f"update-{update.update_id}")
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if len(self._tasks) < self.backlog:
            self._room.set()

    async def _handle(self, update: Update) -> None:
        try:
            response = await self.dp.feed_update(self.bot, update, **self._data)
            if isinstance(response, TelegramMethod):
                await self.bot(response)
        except Exception:
            # The errors router has had its say; running it again would fail again.
            log.exception("update %s failed", update.update_id)
        if update.update_id in self._marked:
            self._marked.discard(update.update_id)
        else:  # no handler took it, or it failed
            await mark_handled(self.db, update.update_id, int(time.time()))

    async def _handle_in_place(
        self, handler: Handler, event: TelegramObject, data: dict[str, Any]
    ) -> Any:
        """One of the places, kept until the update is marked handled in the inbox."""
        async with self._places:
            result = await handler(event, data)
            update_id = data["event_update"].update_id
            await mark_handled(self.db, update_id, int(time.time()))
            self._marked.add(update_id)
            return result
