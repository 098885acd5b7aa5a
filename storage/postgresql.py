"""The PostgreSQL engine (asyncpg): a pool of connections, so several processes share one database.

Repositories write their SQL once, with SQLite's `?` placeholders; `PostgresConnection` numbers
them ($1, $2, ...) and offers the few aiosqlite calls the repositories use (`execute` as an
awaitable or an `async with`, `execute_fetchall`, `executemany`), so the same functions serve both
engines. `read()` runs statements one by one; `write()` is a transaction. The version reached is
kept in the table schema_version; migrations run under an advisory lock, so processes starting
together apply each one once.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import AsyncIterator, Generator, Iterable, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from storage.migrate import Migration, to_apply

log = logging.getLogger(__name__)

POOL_SIZE = 10
MIGRATION_LOCK = 0x72656E6577616C  # any constant: "renewal" in ASCII
_RETURNS_ROWS = re.compile(r"^\s*(SELECT|WITH|VALUES)\b|\bRETURNING\b", re.IGNORECASE)


def redacted(url: str) -> str:
    """The URL without its password, fit for logs and error messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


@lru_cache(maxsize=1024)
def numbered(sql: str) -> str:
    """`?` placeholders as PostgreSQL's $1, $2, ... (a `?` inside a quoted string stays)."""
    out, n, quoted = [], 0, False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        elif ch == "?" and not quoted:
            n += 1
            out.append(f"${n}")
            continue
        out.append(ch)
    return "".join(out)


class Cursor:
    """What a statement gave back: its rows, how many rows it touched, the columns' names."""

    def __init__(self, rows: list[asyncpg.Record], rowcount: int) -> None:
        self._rows = rows
        self.rowcount = rowcount
        self.description = [(name,) for name, _ in rows[0].items()] if rows else []

    async def fetchone(self) -> asyncpg.Record | None:
        return self._rows[0] if self._rows else None

    async def fetchall(self) -> list[asyncpg.Record]:
        return list(self._rows)

    async def __aenter__(self) -> Cursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None


class _Pending:
    """`conn.execute(...)` both awaited and used with `async with`, as aiosqlite allows."""

    def __init__(self, run: Any) -> None:
        self._run = run

    def __await__(self) -> Generator[Any, None, Cursor]:
        return self._run.__await__()

    async def __aenter__(self) -> Cursor:
        return await self._run

    async def __aexit__(self, *exc: object) -> None:
        return None


class PostgresConnection:
    def __init__(self, conn: asyncpg.Connection) -> None:
        self.raw = conn

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> _Pending:
        return _Pending(self._execute(numbered(sql), tuple(parameters)))

    async def execute_fetchall(
        self, sql: str, parameters: Sequence[Any] = ()
    ) -> list[asyncpg.Record]:
        return await self.raw.fetch(numbered(sql), *parameters)

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(p) for p in parameters]
        if rows:
            await self.raw.executemany(numbered(sql), rows)

    async def _execute(self, sql: str, parameters: tuple[Any, ...]) -> Cursor:
        if _RETURNS_ROWS.search(sql):
            rows = await self.raw.fetch(sql, *parameters)
            return Cursor(rows, len(rows))
        status = await self.raw.execute(sql, *parameters)  # e.g. "UPDATE 3", "INSERT 0 5"
        last = status.rsplit(" ", 1)[-1]
        return Cursor([], int(last) if last.isdigit() else -1)


class PostgresEngine:
    def __init__(self, url: str, pool_size: int = POOL_SIZE) -> None:
        self.url = url
        self.pool_size = pool_size
        self._pool: asyncpg.Pool | None = None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise RuntimeError("database is not connected")
        return self._pool

    async def connect(self, known: list[Migration]) -> None:
        if self._pool is not None:
            return
        pool = await asyncpg.create_pool(self.url, min_size=1, max_size=self.pool_size)
        try:
            await self._migrate(pool, known)
        except BaseException:
            await pool.close()
            raise
        self._pool = pool

    @asynccontextmanager
    async def read(self) -> AsyncIterator[PostgresConnection]:
        async with self.pool.acquire() as conn:
            yield PostgresConnection(conn)

    @asynccontextmanager
    async def write(self) -> AsyncIterator[PostgresConnection]:
        async with self.pool.acquire() as conn, conn.transaction():
            yield PostgresConnection(conn)

    async def execute(self, sql: str, parameters: Sequence[object]) -> int:
        async with self.write() as conn:
            cursor = await conn.execute(sql, parameters)
            return cursor.rowcount

    async def execute_returning(self, sql: str, parameters: Sequence[object]) -> list[Any]:
        async with self.write() as conn:
            return await conn.execute_fetchall(sql, parameters)

    async def fetch_one(self, sql: str, parameters: Sequence[object]) -> Any:
        async with self.read() as conn:
            return await conn.raw.fetchrow(numbered(sql), *parameters)

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.close()
            self._pool = None

    async def schema_version(self) -> int:
        async with self.pool.acquire() as conn:
            return await _version(conn)

    async def _migrate(self, pool: asyncpg.Pool, known: list[Migration]) -> None:
        async with pool.acquire() as conn:
            await conn.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
            try:
                await conn.execute(
                    "CREATE TABLE IF NOT EXISTS schema_version"
                    " (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)"
                )
                for migration in to_apply(await _version(conn), known, redacted(self.url)):
                    log.info("applying migration %s", migration.name)
                    async with conn.transaction():
                        await conn.execute(migration.sql)
                        await conn.execute(
                            "INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)",
                            migration.version,
                            int(time.time()),
                        )
            finally:
                await conn.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)


async def _version(conn: asyncpg.Connection) -> int:
    if await conn.fetchval("SELECT to_regclass('schema_version')") is None:
        return 0
    return int(await conn.fetchval("SELECT COALESCE(MAX(version), 0) FROM schema_version"))
