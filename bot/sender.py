"""Sending on the bot's own initiative (reminders, broadcasts) at one shared, polite pace.

Everything the bot sends unprompted goes through one Sender, so reminders and broadcasts together
stay under Telegram's limits: a 429 pauses every sender for its retry_after, a user who blocked the
bot surfaces as RecipientGone, and other failures reach the caller to retry later.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from typing import TypeVar

from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter

log = logging.getLogger(__name__)
T = TypeVar("T")
_GONE = ("chat not found", "user is deactivated", "bot was blocked", "bot was kicked")


class RecipientGone(Exception):
    """The user blocked the bot, deleted their account, or the chat does not exist."""


class RateLimiter:
    """At most `rate` acquisitions in any one-second window, evenly spaced.

    The window used is a little longer than a second (`margin`), so the receiving side, which sees
    the requests a little later and with some jitter, never counts more than `rate` in a second.
    """

    def __init__(self, rate: float, margin: float = 0.02) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = rate
        self.window = 1.0 + margin
        self.interval = self.window / rate
        self._recent: deque[float] = deque(maxlen=max(1, int(rate)))
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        loop = asyncio.get_running_loop()
        async with self._lock:
            while True:
                now = loop.time()
                wait = self._next - now
                if len(self._recent) == self._recent.maxlen:
                    wait = max(wait, self._recent[0] + self.window - now)
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            self._recent.append(now)
            # On a fixed grid: a late wake-up does not push every later slot back with it (the
            # window check above still bounds any one-second window).
            self._next = max(self._next + self.interval, now)


class Sender:
    def __init__(self, rate: float = 25.0) -> None:
        self.limiter = RateLimiter(rate)
        self.retries_after_429 = 0
        self._open = asyncio.Event()
        self._open.set()
        self._resume_at = 0.0
        self._reopen: asyncio.TimerHandle | None = None

    def _pause(self, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        resume_at = loop.time() + seconds
        if resume_at <= self._resume_at:
            return
        self._resume_at = resume_at
        self._open.clear()
        if self._reopen is not None:
            self._reopen.cancel()
        self._reopen = loop.call_at(resume_at, self._open.set)

    async def deliver(self, call: Callable[[], Awaitable[T]]) -> T:
        """Runs one Bot API call at the shared pace, waiting out any 429 and trying again."""
        while True:
            await self._open.wait()
            await self.limiter.acquire()
            try:
                return await call()
            except TelegramRetryAfter as e:
                self.retries_after_429 += 1
                log.warning("Telegram asked to slow down: all sending pauses %ss", e.retry_after)
                self._pause(e.retry_after)
            except TelegramForbiddenError as e:
                raise RecipientGone(str(e)) from e
            except TelegramBadRequest as e:
                if any(reason in str(e).lower() for reason in _GONE):
                    raise RecipientGone(str(e)) from e
                raise
