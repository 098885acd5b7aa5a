"""The database: SQLite (a file, the default) or PostgreSQL (a `postgresql://` URL, for several
processes), with numbered migrations written once for both.

Repositories take turns through `read()` and `write()` (a transaction: committed when the block
ends, rolled back if it raises) and write portable SQL: `?` placeholders, `ON CONFLICT`,
`RETURNING`, no engine-only functions. What does differ is asked of the database by name:
`lock()` for row locks (PostgreSQL only: SQLite has one writer), `single_process`.

Work that must be done once (a reminder, a broadcast delivery) is claimed under a lease: the
claimer's `owner` and an expiry. An expired lease may be taken over; on SQLite, whose file one
process owns, and on PostgreSQL in the leading process (the only one that claims), a claim left by
another owner is a stopped process's and may be taken over at once.
"""

from __future__ import annotations

import os
import secrets
import socket
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractAsyncContextManager, contextmanager
from pathlib import Path
from typing import Any, Protocol

import aiosqlite

from storage.memo import Memo
from storage.migrate import MIGRATIONS_DIR, Dialect, SchemaTooNewError, migrations
from storage.postgresql import PostgresEngine, redacted
from storage.sqlite import SQLiteEngine

__all__ = ["MIGRATIONS_DIR", "Database", "SchemaTooNewError", "migrations"]

SQLITE_PREFIX = "sqlite:///"
POSTGRESQL_PREFIXES = ("postgresql://", "postgres://")


class Connection(Protocol):
    """What repositories may call on the connection `read()` / `write()` give them."""

    def execute(self, sql: str, parameters: Iterable[Any] = ...) -> Any: ...

    async def execute_fetchall(
        self, sql: str, parameters: Iterable[Any] = ...
    ) -> Iterable[Any]: ...

    async def executemany(self, sql: str, parameters: Iterable[Iterable[Any]]) -> Any: ...


def claim_owner() -> str:
    """Who claims work: this host, this process, and this Database object."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class Database:
    """Owns the connection(s): `connect()` in start-up, `close()` in shutdown.

    `target` is a SQLite file's path, a `sqlite:///path` URL or a `postgresql://` URL.
    Repositories go through `read()` and `write()`; one that needs one statement only uses
    `execute`, `fetch_one` or `fetch_all`.
    """

    def __init__(self, target: Path | str, migrations_dir: Path | None = None) -> None:
        url = str(target)
        self.path: Path | None
        self._engine: SQLiteEngine | PostgresEngine
        if url.startswith(POSTGRESQL_PREFIXES):
            self.dialect: Dialect = "postgresql"
            self.path = None
            self.where = redacted(url)
            self._engine = PostgresEngine(url)
        else:
            self.dialect = "sqlite"
            self.path = Path(url.removeprefix(SQLITE_PREFIX))
            self.where = str(self.path)
            self._engine = SQLiteEngine(self.path)
        self.migrations_dir = migrations_dir or MIGRATIONS_DIR
        self.owner = claim_owner()
        # Set while this process holds the leader lock (bot/leader.py): the only one claiming.
        self.sole_claimer = False
        self._memos: dict[str, Memo[Any, Any]] = {}

    @property
    def single_process(self) -> bool:
        """True when one process owns the database (SQLite)."""
        return self.dialect == "sqlite"

    def memo(self, name: str) -> Memo[Any, Any] | None:
        """The memo `name` of rows this process alone writes (storage/memo.py): on SQLite, whose
        file one process owns; None on PostgreSQL, where other processes write too."""
        if not self.single_process:
            return None
        return self._memos.setdefault(name, Memo())

    @contextmanager
    def forgetting(self, name: str) -> Iterator[None]:
        """Around a write to rows of memo `name` whose keys it cannot tell (rare writes): the
        whole memo is forgotten, before (readers in flight keep nothing) and after."""
        memo = self.memo(name)
        if memo is None:
            yield
            return
        memo.clear()
        try:
            yield
        finally:
            memo.clear()

    @property
    def others_claims_dead(self) -> bool:
        """True when no other process claims work (SQLite, or this process leads), so a claim of
        another owner is a stopped process's (or a former leader's) and may be taken at once."""
        return self.single_process or self.sole_claimer

    @property
    def conn(self) -> aiosqlite.Connection:
        """The SQLite connection itself (PRAGMAs in tests)."""
        if not isinstance(self._engine, SQLiteEngine):
            raise RuntimeError("only a SQLite database has one connection")
        return self._engine.conn

    def lock(self, *, of: str | None = None, skip_locked: bool = False) -> str:
        """The clause locking the rows a SELECT reads until the transaction ends; empty on SQLite,
        whose writes already take turns. `skip_locked`: rows another transaction holds are left
        out instead of waited for (how several workers claim different rows)."""
        if self.dialect == "sqlite":
            return ""
        return " FOR UPDATE" + (f" OF {of}" if of else "") + (" SKIP LOCKED" if skip_locked else "")

    async def connect(self) -> None:
        await self._engine.connect(migrations(self.dialect, self.migrations_dir))

    def read(self) -> AbstractAsyncContextManager[Connection]:
        return self._engine.read()

    def write(self) -> AbstractAsyncContextManager[Connection]:
        """A transaction: committed when the block ends, rolled back if it raises."""
        return self._engine.write()

    async def execute(self, sql: str, parameters: Sequence[object] = ()) -> int:
        """One statement in a transaction of its own; returns how many rows it changed."""
        return await self._engine.execute(sql, parameters)

    async def execute_returning(self, sql: str, parameters: Sequence[object] = ()) -> list[Any]:
        """One statement with `RETURNING` in a transaction of its own; the rows it returned."""
        return await self._engine.execute_returning(sql, parameters)

    async def fetch_one(self, sql: str, parameters: Sequence[object] = ()) -> Any:
        """The first row one query returns, if any."""
        return await self._engine.fetch_one(sql, parameters)

    async def fetch_all(self, sql: str, parameters: Sequence[object] = ()) -> list[Any]:
        """Every row one query returns, in one trip to the database thread."""
        async with self.read() as conn:
            return list(await conn.execute_fetchall(sql, parameters))

    async def close(self) -> None:
        await self._engine.close()

    async def schema_version(self) -> int:
        return await self._engine.schema_version()
