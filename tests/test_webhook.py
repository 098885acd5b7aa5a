"""`python -m bot` in webhook mode as its own process; the fake Bot API server posts it updates the
way Telegram does (tests/fake_telegram_server.py)."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.i18n import I18n
from bot.local_api import FakeUser
from bot.workers import Supervisor
from faq.model import KnowledgeBase
from storage.database import Database
from storage.inbox import receive_updates
from storage.redis_fsm import connect_redis
from tests.bot_process import BOT_COMMAND, BotProcess
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer
from tests.webhook_workers import SECRET, free_port, listening_pids

QUESTION = "how many days after arrival do i have to get registered"


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


LEFTOVER = FakeUser(id=504, first_name="Lee", language_code="en")


async def keep_a_leftover(db_path: Path) -> None:
    """An update polling kept in its inbox but did not handle before it stopped."""
    db = Database(db_path)
    await db.connect()
    update = {
        "update_id": 999_999,
        "message": {
            "message_id": 1,
            "date": int(time.time()),
            "chat": {"id": LEFTOVER.id, "type": "private"},
            "from": LEFTOVER.as_dict(),
            "text": QUESTION,
        },
    }
    await receive_updates(db, [(999_999, json.dumps(update))], int(time.time()))
    await db.close()


@pytest.fixture
async def webhook_bot(tmp_path: Path, request: pytest.FixtureRequest) -> AsyncIterator[Worker]:
    """The bot in webhook mode; `{"redis": True}` as the fixture's parameter adds REDIS_URL.
    Its database holds one update left unhandled by polling (`LEFTOVER`'s question)."""
    redis = getattr(request, "param", {}).get("redis", False)
    await keep_a_leftover(tmp_path / "bot.db")
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
                **({"REDIS_URL": os.environ["REDIS_URL"]} if redis else {}),
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


@pytest.mark.parametrize(
    "webhook_bot",
    [{}, pytest.param({"redis": True}, marks=pytest.mark.requires_redis, id="redis")],
    indirect=True,
)
async def test_a_question_posted_to_the_webhook_is_answered(
    webhook_bot: Worker, kb: KnowledgeBase
) -> None:
    user = FakeUser(
        id=int(time.time() * 1000) % 10**9 + 10**9, first_name="Ann", language_code="en"
    )
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
    leftover = await webhook_bot.telegram.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id == LEFTOVER.id, timeout=30
    )
    assert kb.topics["registration-deadline"].text("en").title in leftover.text
    if "REDIS_URL" in webhook_bot.process.env:  # the renewal form's step is kept in Redis
        before = len(webhook_bot.telegram.calls)
        webhook_bot.telegram.send_text(user, "/renew")
        await webhook_bot.telegram.wait_for(
            lambda c: c.method == "sendMessage" and c.chat_id == user.id, after=before, timeout=30
        )
        redis = connect_redis(webhook_bot.process.env["REDIS_URL"])
        try:
            assert [k async for k in redis.scan_iter(match=f"fsm:u{user.id}:*:state")]
        finally:
            await redis.aclose(close_connection_pool=True)


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
    with contextlib.closing(sqlite3.connect(webhook_bot.process.env["DATABASE_PATH"])) as db:
        rows = db.execute("SELECT update_id, handled_at IS NOT NULL FROM inbox").fetchall()
    assert rows == [(999_999, 1)]  # polling's leftover was handled and marked so


async def test_two_workers_share_one_port_and_a_dead_one_is_started_again(tmp_path: Path) -> None:
    """The supervisor of WORKERS=N with two real workers. They run on SQLite here, which the
    settings refuse for WORKERS=2 (the workers are told WORKERS=1), and the test registers the
    webhook as the parent would: neither worker registers it."""
    async with FakeTelegramServer() as server:
        port = free_port()
        url = f"http://127.0.0.1:{port}/webhook"
        server.telegram.webhook = {"url": url, "secret_token": SECRET, "max_connections": 40}
        env = {
            **{k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "PYTHONPATH")},
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": server.url,
            "DATABASE_PATH": str(tmp_path / "bot.db"),
            "WEBHOOK_BASE_URL": f"http://127.0.0.1:{port}",
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_LISTEN": f"127.0.0.1:{port}",
        }
        supervisor = Supervisor(2, env=env)
        running = asyncio.create_task(supervisor.run())

        async def both_listening(timeout: float = 120.0) -> set[int]:
            deadline = time.monotonic() + timeout
            while len(pids := listening_pids(port, list(supervisor.pids.values()))) < 2:
                assert time.monotonic() < deadline and not running.done(), "workers not up"
                await asyncio.sleep(0.2)
            return pids

        async def all_answered(users: list[FakeUser]) -> None:
            for user in users:
                server.telegram.send_text(user, QUESTION)
            for user in users:
                await server.telegram.wait_for(
                    lambda c, u=user: c.method == "sendMessage" and c.chat_id == u.id, timeout=60
                )

        try:
            first = await both_listening()
            await all_answered([FakeUser(id=600 + n, first_name="A") for n in range(10)])

            os.kill(supervisor.pids[1], signal.SIGKILL)
            await all_answered([FakeUser(id=700 + n, first_name="B") for n in range(5)])
            second = await both_listening()
            assert len(first & second) == 1  # the other worker was untouched
            await all_answered([FakeUser(id=800 + n, first_name="C") for n in range(5)])

            supervisor.stop()
            assert await asyncio.wait_for(running, 30) == 0
            assert [c for c in server.telegram.calls if c.method == "setWebhook"] == []
        finally:
            supervisor.stop()
            for pid in supervisor.pids.values():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
