"""The engines the storage, FSM, reminder and broadcast tests run on.

SQLite always (a file in the test's tmp_path). PostgreSQL when TEST_DATABASE_URL names a server
the tests may create databases on (postgresql://user@host:port/postgres; .ci/run starts one):
each test gets a database of its own, dropped afterwards. Without it the PostgreSQL cases are
skipped, saying so; with CI=true such a skip fails the run (tests/conftest.py).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

ENGINES = ["sqlite", "postgresql"]
SERVER_VARIABLE = "TEST_DATABASE_URL"
NO_SERVER = (
    f"PostgreSQL tests need {SERVER_VARIABLE}=postgresql://user@host:port/postgres"
    " (a server the tests may create databases on; .ci/run starts one)"
)


def postgresql_server() -> str:
    url = os.environ.get(SERVER_VARIABLE, "").strip()
    if not url:
        pytest.skip(NO_SERVER)
    return url


def with_database(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


@asynccontextmanager
async def fresh_postgresql_database() -> AsyncIterator[str]:
    """The URL of a new, empty database on the test server, dropped when the block ends."""
    server = postgresql_server()
    name = f"renewal_test_{secrets.token_hex(6)}"
    admin = await asyncpg.connect(server)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    try:
        yield with_database(server, name)
    finally:
        admin = await asyncpg.connect(server)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@asynccontextmanager
async def database_on(engine: str, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh database's URL on `engine`."""
    if engine == "sqlite":
        yield f"sqlite:///{tmp_path / 'bot.db'}"
        return
    async with fresh_postgresql_database() as url:
        yield url
