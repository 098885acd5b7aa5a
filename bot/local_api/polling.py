"""Updates in the in-memory Telegram: they wait in a queue for getUpdates, or, once a webhook is
set, for whoever delivers them to it (tests/fake_telegram_server.py posts them); callers wait
for news."""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.local_api.api import ApiCall


@dataclass
class Polling:
    _updates: list[dict[str, Any]] = field(default_factory=list)
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _waiters: set[asyncio.Future[None]] = field(default_factory=set)
    # setWebhook's parameters while a webhook is set (getUpdates is then refused, as by Telegram)
    webhook: dict[str, Any] | None = None

    if TYPE_CHECKING:
        calls: list[ApiCall]

    def _push(self, update: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), **update}
        self._updates.append(update)
        self._notify()
        return update

    def _notify(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()

    async def _wait_change(self, timeout: float) -> None:
        """Sleeps until the next call or update, or `timeout`. Each waiter has its own future,
        registered before this yields, so no change between a check and the wait is missed."""
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.add(waiter)
        try:
            await asyncio.wait_for(waiter, timeout)
        except TimeoutError:
            self._waiters.discard(waiter)

    async def get_updates(
        self, offset: int, timeout: float, limit: int = 100
    ) -> list[dict[str, Any]]:
        """getUpdates: confirms everything below `offset`, then waits up to `timeout` for news."""
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + timeout
        while not self._updates and (remaining := deadline - time.monotonic()) > 0:
            await self._wait_change(remaining)
        return self._updates[:limit]

    def undelivered(self) -> list[dict[str, Any]]:
        """The updates not yet confirmed, oldest first (for delivery to the webhook)."""
        return list(self._updates)

    def confirm(self, update_id: int) -> None:
        """The webhook answered 200 for this update: Telegram forgets it."""
        self._updates = [u for u in self._updates if u["update_id"] != update_id]
        self._notify()

    def _m_setwebhook(self, chat_id: int | None, p: dict[str, Any]) -> bool:
        if str(p.get("drop_pending_updates")).lower() == "true":
            self._updates.clear()
        self.webhook = {"max_connections": 40, **p}
        self._notify()
        return True

    def _m_deletewebhook(self, chat_id: int | None, p: dict[str, Any]) -> bool:
        if str(p.get("drop_pending_updates")).lower() == "true":
            self._updates.clear()
        self.webhook = None
        self._notify()
        return True

    def _m_getwebhookinfo(self, chat_id: int | None, p: dict[str, Any]) -> dict[str, Any]:
        hook = self.webhook or {}
        return {
            "url": hook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
            **({"max_connections": hook["max_connections"]} if hook else {}),
        }

    async def wait_for(
        self, predicate: Callable[[ApiCall], bool], *, after: int = 0, timeout: float = 10.0
    ) -> ApiCall:
        """The first call from index `after` on that satisfies `predicate`, waiting for it."""
        deadline = time.monotonic() + timeout
        while True:
            seen = len(self.calls)
            for call in self.calls[after:seen]:
                if predicate(call):
                    return call
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                recent = [(c.method, c.text[:60]) for c in self.calls[after:]][-5:]
                raise TimeoutError(f"no matching Bot API call within {timeout}s; last: {recent}")
            if len(self.calls) == seen:
                await self._wait_change(min(remaining, 0.5))
