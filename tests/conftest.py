from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.i18n import I18n
from faq import KnowledgeBase, load_knowledge_base
from tests.harness import Chat, make_services


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
