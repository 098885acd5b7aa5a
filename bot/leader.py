"""Exactly one process sends what nobody asked for: the leader.

On PostgreSQL every process tries, every TRY_SECONDS, to take the leader lock (storage/
leadership.py). The holder runs the unprompted jobs (`lead`: reminders, broadcasts, the daily
retention job); if its lock session is lost it stops them (`step_down`) and tries again like the
others. When the leader dies its session ends, the lock is freed, and another process leads
within seconds. While leading, `wake` runs whenever an operator's command is announced (NOTIFY)
and at least every POLL_SECONDS, in case a notification was missed.

On SQLite one process owns the database: it leads from start to stop.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from bot.tasks import cancel_and_wait
from storage.database import POSTGRESQL_PREFIXES
from storage.leadership import LeaderLock

log = logging.getLogger(__name__)

TRY_SECONDS = 1.0  # how often a follower tries to take the lock
POLL_SECONDS = 2.0  # how often the leader checks its lock and looks for new decisions

Job = Callable[[], Awaitable[None]]


class Leader:
    def __init__(
        self, database_url: str, channel: str, lead: Job, step_down: Job, wake: Job
    ) -> None:
        self.lead, self.step_down, self.wake = lead, step_down, wake
        self.single_process = not database_url.startswith(POSTGRESQL_PREFIXES)
        self.leading = False
        self._woken = asyncio.Event()
        self._lock = LeaderLock(database_url, channel, self._woken.set)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        if self.single_process:
            await self._take_lead()
        elif self._task is None:
            self._task = asyncio.create_task(self._run(), name="leader")

    async def stop(self) -> None:
        await cancel_and_wait(self._task)
        self._task = None
        await self._give_up_lead()
        await self._lock.close()

    async def _take_lead(self) -> None:
        self.leading = True
        log.info("this process leads: it sends reminders and broadcasts")
        await self.lead()

    async def _give_up_lead(self) -> None:
        if self.leading:
            self.leading = False
            await self.step_down()

    async def _run(self) -> None:
        while True:
            try:
                if await self._lock.try_acquire():
                    await self._take_lead()
                    await self._while_held()
                    log.warning("the leader lock was lost: reminders and broadcasts stop here")
            except Exception as e:
                log.warning("the leader lock could not be taken or held: %s", e)
                await self._lock.close()
            await self._give_up_lead()
            await asyncio.sleep(TRY_SECONDS)

    async def _while_held(self) -> None:
        while await self._lock.held():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._woken.wait(), POLL_SECONDS)
            self._woken.clear()
            try:
                await self.wake()
            except Exception:
                log.exception("the leader's look for new decisions failed; it looks again soon")
        await self._lock.close()
