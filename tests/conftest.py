from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Generator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.i18n import I18n
from faq import KnowledgeBase, load_knowledge_base
from tests.databases import ENGINES, database_on
from tests.harness import Chat, make_services

if TYPE_CHECKING:
    from redis.asyncio import Redis

# Tests skipped for want of a server say so with one of these words in their reason.
SERVERS = ("PostgreSQL", "Redis")


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


@pytest.fixture(scope="session")
def i18n() -> I18n:
    return I18n()


@pytest.fixture
async def chat(tmp_path: Path) -> AsyncIterator[Chat]:
    chat = Chat(make_services(tmp_path / "bot.db", AGENCY_CONTACT="agency@example.com"))
    await chat.start()
    yield chat
    await chat.close()


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Transient Telegram failures are retried after milliseconds, not the real half second."""
    monkeypatch.setattr("bot.retry.RETRY_BACKOFF", 0.01)


@pytest.fixture(params=ENGINES)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh database on each engine (tests/databases.py)."""
    async with database_on(request.param, tmp_path) as url:
        yield url


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """With CI=true a test skipped for want of a PostgreSQL or Redis server fails: CI has both."""
    report = yield
    if report.skipped and os.environ.get("CI") == "true" and isinstance(report.longrepr, tuple):
        reason = str(report.longrepr[2])
        if any(server in reason for server in SERVERS):
            report.outcome = "failed"
            report.longrepr = f"CI=true, so this skip is a failure: {reason}"
    return report


REDIS_NEEDED = (
    "REDIS_URL is not set: the Redis tests need a server, e.g. `redis-server --port 6390 "
    "--save '' --daemonize yes` and REDIS_URL=redis://127.0.0.1:6390/0 (keys are namespaced, "
    "nothing is flushed)"
)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """`requires_redis` tests skip without REDIS_URL, and fail instead when CI=true."""
    if item.get_closest_marker("requires_redis") and not os.environ.get("REDIS_URL"):
        if os.environ.get("CI") == "true":
            pytest.fail(f"{REDIS_NEEDED}; with CI=true a skipped Redis test is a failure")
        pytest.skip(REDIS_NEEDED)


@pytest.fixture
def redis_url() -> str:
    return os.environ["REDIS_URL"]


@pytest.fixture
def prefix() -> str:
    """The test's own Redis keys contain this: Redis is shared, nothing is flushed."""
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def clients(redis_url: str, prefix: str) -> AsyncIterator[list[Redis]]:
    """Two clients, as two processes would have; the test's keys are deleted afterwards."""
    from storage.redis_fsm import connect_redis  # redis's import is slow: only where used

    made = [connect_redis(redis_url), connect_redis(redis_url)]
    yield made
    keys = [k async for k in made[0].scan_iter(match=f"*{prefix}*")]
    if keys:
        await made[0].delete(*keys)
    for client in made:
        await client.aclose(close_connection_pool=True)
