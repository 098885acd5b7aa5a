"""A periodic job paced by the monotonic clock, so a wall clock that jumps never stalls it.

APScheduler's interval trigger computes its next run in wall-clock time: after the system clock
jumps back an hour, it waits that hour. A `Ticker` sleeps on the event loop's monotonic clock
instead; the job itself reads the (wall) clock and asks what is due *now*. A run that takes
longer than the interval is followed by the next one at once, never by a burst of missed ones.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.tasks import cancel_and_wait

log = logging.getLogger(__name__)


class Ticker:
    def __init__(self, job: Callable[[], Awaitable[object]], interval: float) -> None:
        self.job, self.interval = job, interval
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="ticker")

    async def stop(self) -> None:
        """Runs the job no more; a run under way is cancelled (stop what it does first)."""
        await cancel_and_wait(self._task)
        self._task = None

    async def _run(self) -> None:
        loop = asyncio.get_running_loop()
        next_at = loop.time()
        while True:
            try:
                await self.job()
            except Exception:
                log.exception("a periodic job failed; it runs again in %s s", self.interval)
            next_at = max(next_at + self.interval, loop.time())
            await asyncio.sleep(next_at - loop.time())
