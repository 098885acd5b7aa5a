"""The leader's lock: a PostgreSQL advisory lock held by one dedicated connection.

The session holding the lock leads. When that session ends (the process died, its connection
dropped or was terminated) PostgreSQL frees the lock and another process's next try takes it.
The same connection LISTENs on the channel operators' commands NOTIFY, so the leader hears of
them at once.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable

import asyncpg

LEADER_LOCK = 0x72656E6577616C + 1  # any constant other than the migrations' lock
CONNECT_TIMEOUT = 5.0
QUERY_TIMEOUT = 5.0


class LeaderLock:
    """`try_acquire()` again and again until it is True; then `held()` says whether it still is."""

    def __init__(self, url: str, channel: str, on_notify: Callable[[], None]) -> None:
        self.url, self.channel, self.on_notify = url, channel, on_notify
        self._conn: asyncpg.Connection | None = None

    async def try_acquire(self) -> bool:
        """True if this connection now holds the lock (and listens on the channel)."""
        if self._conn is None or self._conn.is_closed():
            self._conn = await asyncpg.connect(self.url, timeout=CONNECT_TIMEOUT)
        got = await self._conn.fetchval(
            "SELECT pg_try_advisory_lock($1)", LEADER_LOCK, timeout=QUERY_TIMEOUT
        )
        if got:
            await self._conn.add_listener(self.channel, self._notified)
        return bool(got)

    async def held(self) -> bool:
        """Whether the session holding the lock is still alive (a round trip to the server)."""
        if self._conn is None or self._conn.is_closed():
            return False
        try:
            await self._conn.fetchval("SELECT 1", timeout=QUERY_TIMEOUT)
        except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError):
            return False
        return True

    async def close(self) -> None:
        """Ends the session, which frees the lock if it was held."""
        conn, self._conn = self._conn, None
        if conn is not None and not conn.is_closed():
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.close(), QUERY_TIMEOUT)
            if not conn.is_closed():
                conn.terminate()

    def _notified(self, *_: object) -> None:
        self.on_notify()
