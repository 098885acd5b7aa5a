"""The SQLite database: one aiosqlite connection, WAL, foreign keys, numbered migrations."""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path

import aiosqlite

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
log = logging.getLogger(__name__)


class SchemaTooNewError(RuntimeError):
    """The database was written by a newer version of the bot than this one."""


def migrations(directory: Path = MIGRATIONS_DIR) -> list[tuple[int, Path]]:
    found = []
    for path in directory.iterdir():
        if m := _MIGRATION_NAME.match(path.name):
            found.append((int(m.group(1)), path))
    found.sort()
    versions = [v for v, _ in found]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migrations must be numbered 0001, 0002, ... without gaps: {versions}")
    return found


class Database:
    """Owns the connection: `connect()` in start-up, `close()` in shutdown.

    Handlers run concurrently on one connection, so repositories go through `read()` and `write()`,
    which take turns: a statement never runs while another task's transaction is half done.
    A repository that needs one statement only uses `execute`, `fetch_one` or `fetch_all`.
    """

    def __init__(self, path: Path | str, migrations_dir: Path = MIGRATIONS_DIR) -> None:
        self.path = Path(path)
        self.migrations_dir = migrations_dir
        self._conn: aiosqlite.Connection | None = None
        self._turn = asyncio.Lock()

    @property
    def conn(self) -> aiosqlite.Connection:
        if self._conn is None:
            raise RuntimeError("database is not connected")
        return self._conn

    async def connect(self) -> None:
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
            await conn.execute("PRAGMA journal_mode = WAL")
            await conn.execute("PRAGMA synchronous = NORMAL")
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute("PRAGMA busy_timeout = 5000")
            await self._migrate(conn)
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
        """A transaction: committed when the block ends, rolled back if it raises."""
        async with self._turn:
            try:
                yield self.conn
            except BaseException:
                await self.conn.rollback()
                raise
            await self.conn.commit()

    async def execute(self, sql: str, parameters: Sequence[object] = ()) -> int:
        """One statement in a transaction of its own; returns how many rows it changed."""
        async with self.write() as conn:
            cursor = await conn.execute(sql, parameters)
            return cursor.rowcount

    async def fetch_one(self, sql: str, parameters: Sequence[object] = ()) -> aiosqlite.Row | None:
        """The first row one query returns, if any."""
        async with self.read() as conn, conn.execute(sql, parameters) as cursor:
            return await cursor.fetchone()

    async def fetch_all(self, sql: str, parameters: Sequence[object] = ()) -> list[aiosqlite.Row]:
        """Every row one query returns, in one trip to the database thread."""
        async with self.read() as conn:
            return list(await conn.execute_fetchall(sql, parameters))

    async def close(self) -> None:
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def schema_version(self) -> int:
        async with self.read() as conn:
            return await _user_version(conn)

    async def _migrate(self, conn: aiosqlite.Connection) -> None:
        known = migrations(self.migrations_dir)
        latest = known[-1][0] if known else 0
        current = await _user_version(conn)
        if current > latest:
            raise SchemaTooNewError(
                f"database {self.path} has schema version {current}, but this bot knows only up to "
                f"{latest}: run a newer version of the bot or restore a backup"
            )
        for version, path in known:
            if version <= current:
                continue
            log.info("applying migration %s", path.name)
            script = path.read_text(encoding="utf-8")
            try:
                await conn.executescript(
                    f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;"
                )
            except Exception:
                await conn.rollback()
                raise


async def _user_version(conn: aiosqlite.Connection) -> int:
    async with conn.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
    return int(row[0]) if row else 0
