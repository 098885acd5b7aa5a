"""`python -m bot` in webhook mode as its own process; the fake Bot API server posts it updates the
way Telegram does (tests/fake_telegram_server.py)."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.i18n import I18n
from bot.local_api import FakeUser
from faq.model import KnowledgeBase
from tests.bot_process import BOT_COMMAND, BotProcess
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer

SECRET = "webhook-secret_0123456789"
QUESTION = "how many days after arrival do i have to get registered"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Worker:
    def __init__(self, server: FakeTelegramServer, process: BotProcess, url: str) -> None:
        self.server, self.process, self.url = server, process, url
        self.telegram = server.telegram

    async def listening(self, timeout: float = 90.0) -> None:
        host, port = self.url.removeprefix("http://").split("/")[0].split(":")
        deadline = time.monotonic() + timeout
        while True:
            try:
                _, writer = await asyncio.open_connection(host, int(port))
            except OSError:
                if time.monotonic() > deadline or self.process.proc.poll() is not None:
                    raise AssertionError(f"the bot is not listening:\n{self.process.log}") from None
                await asyncio.sleep(0.2)
                continue
            writer.close()
            await writer.wait_closed()
            return


@pytest.fixture
async def webhook_bot(tmp_path: Path) -> AsyncIterator[Worker]:
    async with FakeTelegramServer() as server:
        port = free_port()
        process = BotProcess(
            {
                "BOT_TOKEN": TEST_TOKEN,
                "TELEGRAM_API_URL": server.url,
                "DATABASE_PATH": str(tmp_path / "bot.db"),
                "LOG_LEVEL": "DEBUG",
                "WEBHOOK_BASE_URL": f"http://127.0.0.1:{port}",
                "WEBHOOK_SECRET": SECRET,
                "WEBHOOK_LISTEN": f"127.0.0.1:{port}",
            },
            tmp_path / "bot.log",
            BOT_COMMAND,
        )
        process.start()
        worker = Worker(server, process, f"http://127.0.0.1:{port}/webhook")
        try:
            await worker.listening()
            yield worker
        finally:
            if process.proc and process.proc.poll() is None:
                process.kill()


def answers_to(worker: Worker, user: FakeUser) -> list[str]:
    return [
        c.text
        for c in worker.telegram.calls
        if c.method == "sendMessage" and c.chat_id == user.id and c.status == 200
    ]


async def test_a_question_posted_to_the_webhook_is_answered(
    webhook_bot: Worker, kb: KnowledgeBase
) -> None:
    user = FakeUser(id=501, first_name="Ann", language_code="en")
    webhook_bot.telegram.send_text(user, QUESTION)
    answer = await webhook_bot.telegram.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id == user.id, timeout=30
    )
    assert kb.topics["registration-deadline"].text("en").title in answer.text
    [registered] = [c for c in webhook_bot.telegram.calls if c.method == "setWebhook"]
    assert registered.params["url"] == webhook_bot.url
    assert registered.params["secret_token"] == SECRET
    assert "message" in registered.params["allowed_updates"]
    assert webhook_bot.server.polls == 0  # no getUpdates while the webhook is set
    assert [d.status for d in webhook_bot.server.deliveries] == [200]
    assert SECRET not in webhook_bot.process.log


@pytest.mark.parametrize("header", [None, "wrong-secret"])
async def test_a_post_without_the_secret_is_refused(
    webhook_bot: Worker, header: str | None
) -> None:
    update = {
        "update_id": 9000,
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": 502, "type": "private"},
            "from": {"id": 502, "is_bot": False, "first_name": "Eve"},
            "text": "/start",
        },
    }
    headers = {"X-Telegram-Bot-Api-Secret-Token": header} if header else {}
    async with (
        aiohttp.ClientSession() as session,
        session.post(webhook_bot.url, json=update, headers=headers) as response,
    ):
        assert response.status == 401
    await asyncio.sleep(1.0)
    assert [c for c in webhook_bot.telegram.calls if c.chat_id == 502] == []


async def test_sigterm_finishes_the_updates_under_way(webhook_bot: Worker, i18n: I18n) -> None:
    """Eight messages at once: the flood brake holds the last three back for 1, 2 and 3 s; the
    stop comes while they wait, and each is answered before the bot exits."""
    user = FakeUser(id=503, first_name="Bob", language_code="en")
    for n in range(8):
        webhook_bot.telegram.send_text(user, f"{QUESTION} {n}")
    throttled = i18n.translator("en")("throttled")
    await webhook_bot.telegram.wait_for(lambda c: c.text == throttled, timeout=30)
    for _ in range(100):
        if len([d for d in webhook_bot.server.deliveries if d.status == 200]) == 8:
            break
        await asyncio.sleep(0.05)
    answered_before_stop = len(answers_to(webhook_bot, user)) - 1  # the notice aside
    assert answered_before_stop < 8

    assert await webhook_bot.process.stop(timeout=20) == 0
    assert len(answers_to(webhook_bot, user)) == 8 + 1
    assert "waiting for" in webhook_bot.process.log
    assert "did not finish" not in webhook_bot.process.log
