"""What polling and the webhook server share: at most `concurrency` updates handled at once, and
a stop (SIGTERM, SIGINT or `stop()`) that lets the updates under way finish within `grace`."""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from typing import TYPE_CHECKING, Any

from aiogram import Bot, Dispatcher
from aiogram.types import TelegramObject

if TYPE_CHECKING:
    from bot.middlewares import Handler

log = logging.getLogger(__name__)


class UpdateLoop:
    def __init__(self, dp: Dispatcher, bot: Bot, *, concurrency: int, grace: float) -> None:
        self.dp, self.bot, self.grace = dp, bot, grace
        self._places = asyncio.Semaphore(concurrency)
        self._stop = asyncio.Event()
        for name, observer in dp.observers.items():
            if name not in ("update", "error"):
                observer.outer_middleware(self._handle_in_place)

    def stop(self) -> None:
        self._stop.set()

    def _catch_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._on_signal, sig)

    def _release_signals(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)

    def _on_signal(self, sig: signal.Signals) -> None:
        log.warning("received %s: finishing the updates under way", sig.name)
        self.stop()

    async def _handle_in_place(
        self, handler: Handler, event: TelegramObject, data: dict[str, Any]
    ) -> Any:
        """Outer middleware of every event type: one of the places while it is handled."""
        async with self._places:
            return await handler(event, data)

    async def _drain(self, under_way: set[asyncio.Task[Any]], late_note: str) -> None:
        """Waits up to `grace` for the updates under way; the rest are cancelled (`late_note`
        says what becomes of them)."""
        if not under_way:
            return
        log.info("waiting for %s update(s) under way", len(under_way))
        started = time.monotonic()
        _, late = await asyncio.wait(set(under_way), timeout=self.grace)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late)
            log.warning(
                "%s update(s) did not finish in %.0f s: %s", len(late), self.grace, late_note
            )
        else:
            log.info("updates under way finished in %.1f s", time.monotonic() - started)
