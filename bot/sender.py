"""One shared, polite pace for every call to Telegram.

Every Bot API call waits while a 429 pauses sending (bot/retry.py, the session middleware every
call goes through, pauses it for the 429's retry_after). Calls the bot makes on its own initiative
(reminders, broadcasts) go through `Sender.deliver` and, on top, take a slot of the rate limiter at
every try, so reminders and broadcasts together stay under Telegram's limits; a user who blocked
the bot surfaces as RecipientGone, and failures that outlast the retries reach the caller.

With REDIS_URL the pace is shared by every process (bot/shared_pace.py): every call, replies
included, takes a slot there and a 429 pauses them all; this process's limiter paces its
unprompted calls only while Redis cannot be reached.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Protocol, TypeVar

from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter

log = logging.getLogger(__name__)
T = TypeVar("T")
_GONE = ("chat not found", "user is deactivated", "bot was blocked", "bot was kicked")
_UNPROMPTED: ContextVar[bool] = ContextVar("unprompted", default=False)


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


class SharedPace(Protocol):
    async def take(self, bulk: bool) -> bool: ...

    async def pause(self, seconds: float) -> None: ...


class Sender:
    def __init__(self, rate: float = 25.0, shared: SharedPace | None = None) -> None:
        self.limiter = RateLimiter(rate)
        self.shared = shared
        self.retries_after_429 = 0
        self._open = asyncio.Event()
        self._open.set()
        self._resume_at = 0.0
        self._reopen: asyncio.TimerHandle | None = None

    async def pause(self, seconds: float) -> None:
        """Telegram answered 429: every call (of every process, with Redis) waits `seconds`."""
        self._pause_here(seconds)
        if self.shared is not None:
            await self.shared.pause(seconds)

    def _pause_here(self, seconds: float) -> None:
        self.retries_after_429 += 1
        log.warning("Telegram asked to slow down: all sending pauses %ss", seconds)
        loop = asyncio.get_running_loop()
        resume_at = loop.time() + seconds
        if resume_at <= self._resume_at:
            return
        self._resume_at = resume_at
        self._open.clear()
        if self._reopen is not None:
            self._reopen.cancel()
        self._reopen = loop.call_at(resume_at, self._open.set)

    async def turn(self) -> None:
        """Before each try of a call: waits out a 429 pause, then for a slot of the shared pace;
        without one (no Redis, or Redis unreachable) an unprompted call waits for a slot here."""
        await self._open.wait()
        unprompted = _UNPROMPTED.get()
        if self.shared is not None and await self.shared.take(unprompted):
            return
        if unprompted:
            await self.limiter.acquire()

    async def deliver(self, call: Callable[[], Awaitable[T]]) -> T:
        """Runs one Bot API call sent on the bot's own initiative: at the shared pace, with
        every 429 waited out however often it comes (the retry middleware gives up on a reply
        after a few, an unprompted message can wait)."""
        token = _UNPROMPTED.set(True)
        try:
            while True:
                try:
                    return await call()
                except TelegramRetryAfter:
                    continue  # the middleware has paused sending for its retry_after
                except TelegramForbiddenError as e:
                    raise RecipientGone(str(e)) from e
                except TelegramBadRequest as e:
                    if any(reason in str(e).lower() for reason in _GONE):
                        raise RecipientGone(str(e)) from e
                    raise
        finally:
            _UNPROMPTED.reset(token)
