"""The SQLite engine: one aiosqlite connection, WAL, foreign keys, `PRAGMA user_version`.

Handlers run concurrently on the one connection, so `read()` and `write()` take turns: a statement
never runs while another task's transaction is half done. One process owns the file.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import aiosqlite

from storage.migrate import Migration, to_apply

log = logging.getLogger(__name__)
WAL_SWITCH_SECONDS = 10.0
T = TypeVar("T")


class SQLiteEngine:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: aiosqlite.Connection | None = None
        self._turn = asyncio.Lock()

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is not connected")
        return self._conn

    async def connect(self, known: list[Migration]) -> None:
        if self._conn is not None:
            return
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        pending = aiosqlite.connect(self.path)
        try:
            conn = await pending
        except BaseException:
            # aiosqlite stops its worker thread without waiting: unwaited, the thread outlives
            # the event loop and prints a traceback at exit.
            await asyncio.to_thread(pending._thread.join, 5)
            raise
        conn.row_factory = aiosqlite.Row
        try:
            await conn.execute("PRAGMA busy_timeout = 5000")
            await _write_ahead_log(conn)
            await conn.execute("PRAGMA synchronous = NORMAL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await self._migrate(conn, known)
        except BaseException:
            await conn.close()
            raise
        self._conn = conn

    @asynccontextmanager
    async def read(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._turn:
            yield self.conn

    @asynccontextmanager
    async def write(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._turn:
            try:
                yield self.conn
            except BaseException:
                await self.conn.rollback()
                raise
            await self.conn.commit()

    async def in_one_trip(self, work: Callable[[sqlite3.Connection], T], *, commit: bool) -> T:
        """`work` done on the database's thread in one trip, committed (or rolled back if it
        raises) when `commit`. aiosqlite makes a trip per call, each a hand-off between threads:
        a statement and its commit took two, a query and its first row three."""
        async with self._turn:
            raw = self.conn._conn  # aiosqlite's sqlite3 connection; used on its thread only

            def run() -> T:
                try:
                    result = work(raw)
                    if commit:
                        raw.commit()
                    return result
                except BaseException:
                    if commit:
                        raw.rollback()
                    raise

            return await self.conn._execute(run)

    async def execute(self, sql: str, parameters: Sequence[object]) -> int:
        return await self.in_one_trip(
            lambda conn: conn.execute(sql, parameters).rowcount, commit=True
        )

    async def execute_returning(self, sql: str, parameters: Sequence[object]) -> list[Any]:
        return await self.in_one_trip(
            lambda conn: conn.execute(sql, parameters).fetchall(), commit=True
        )

    async def fetch_one(self, sql: str, parameters: Sequence[object]) -> Any:
        return await self.in_one_trip(
            lambda conn: conn.execute(sql, parameters).fetchone(), commit=False
        )

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def schema_version(self) -> int:
        async with self.read() as conn:
            return await _user_version(conn)

    async def _migrate(self, conn: aiosqlite.Connection, known: list[Migration]) -> None:
        """One migration at a time, each under the file's write lock; a process that opened the
        file at the same moment waits for it, and then finds that migration done."""
        while pending := to_apply(await _user_version(conn), known, str(self.path)):
            migration = pending[0]
            log.info("applying migration %s", migration.name)
            try:
                await conn.executescript(
                    f"BEGIN IMMEDIATE;\n{migration.sql}\n"
                    f"PRAGMA user_version = {migration.version};\nCOMMIT;"
                )
            except Exception:
                await conn.rollback()
                if await _user_version(conn) >= migration.version:
                    continue  # applied by another process while this one waited for the lock
                raise


async def _write_ahead_log(conn: aiosqlite.Connection) -> None:
    """Switching a file to WAL takes it whole, and SQLite does not wait for that lock as it does
    for others: a process opening the file at the same moment as another tries again."""
    deadline = time.monotonic() + WAL_SWITCH_SECONDS
    while True:
        try:
            await conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.05)


async def _user_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0
