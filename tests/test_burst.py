"""A burst of questions, the bot stopped in the middle of it and started again: what was lost,
what was answered twice. The bot is its own process (the README's run command) against the fake
Bot API server; 100 users send 10 questions each, all at once."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.i18n import I18n
from bot.local_api import FakeUser, LocalTelegram
from tests.bot_process import BotProcess
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer

# Ten questions the matcher answers directly, each with a different topic: an answer's text
# tells which question it answers.
QUESTIONS = [
    "how long is the entry ban for overstay",
    "lost my migration card",
    "what is the amina app",
    "can a VNZh holder get OMS",
    "how do i get out of the controlled persons register",
    "medical certificate and fingerprint deadline after entry",
    "is there a russian language test for kids before school",
    "skolko platit za patent v pitere",
    "pereoformlenie patenta deadline?",
    "deadline for uvedomlenie o pribytii after entry?",
]
USERS = [FakeUser(id=70_000 + i, language_code="en") for i in range(100)]


def answers(telegram: LocalTelegram, notices: set[str]) -> dict[int, Counter[str]]:
    """Per user, how often each answer was sent (the flood notices aside)."""
    by_user: dict[int, Counter[str]] = {u.id: Counter() for u in USERS}
    for c in telegram.calls:
        answered = c.method == "sendMessage" and c.status == 200 and c.text not in notices
        if answered and (chat := c.chat_id) in by_user:
            by_user[chat][c.text] += 1
    return by_user


async def burst(
    tmp_path: Path, i18n: I18n, stop: Callable[[BotProcess], Awaitable[None]]
) -> tuple[int, int, int, str]:
    """Runs the burst with `stop` half a second after its first answer, then starts the bot
    again; returns how many were answered before the stop, lost, answered twice, and the log."""
    t = i18n.translator("en")
    notices = {t("throttled"), t("flood-skipped")}
    async with FakeTelegramServer() as server:
        telegram = server.telegram
        process = BotProcess(
            {
                "BOT_TOKEN": TEST_TOKEN,
                "TELEGRAM_API_URL": server.url,
                "DATABASE_PATH": str(tmp_path / "bot.db"),
                "LOG_LEVEL": "WARNING",
            },
            tmp_path / "bot.log",
        )
        process.start()
        try:
            await server.wait_for_poll(since=0, timeout=120)
            for question in QUESTIONS:
                for user in USERS:
                    telegram.send_text(user, question)
            await telegram.wait_for(lambda c: c.method == "sendMessage", timeout=60)
            await asyncio.sleep(0.5)  # two seconds in, a quiet machine had answered all 1,000
            await stop(process)
            before = sum(sum(got.values()) for got in answers(telegram, notices).values())
            polls = server.polls
            process.start()
            await server.wait_for_poll(since=polls, timeout=120)

            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                if all(len(got) == len(QUESTIONS) for got in answers(telegram, notices).values()):
                    break
                await asyncio.sleep(0.5)
            await asyncio.sleep(2)  # late duplicates, if any, arrive too
            assert await process.stop(timeout=60) == 0
        finally:
            if process.proc and process.proc.poll() is None:
                process.kill()
    by_user = answers(telegram, notices)
    assert len(set().union(*by_user.values())) == len(QUESTIONS)  # one text per question
    lost = sum(len(QUESTIONS) - len(got) for got in by_user.values())
    twice = sum(n - 1 for got in by_user.values() for n in got.values())
    print(f"answered before the stop: {before}, lost: {lost}, twice: {twice}")
    return before, lost, twice, process.log


async def test_sigterm_in_a_burst_loses_nothing_and_answers_nothing_twice(
    tmp_path: Path, i18n: I18n
) -> None:
    async def sigterm(process: BotProcess) -> None:
        assert await process.stop(timeout=60) == 0

    before, lost, twice, log = await burst(tmp_path, i18n, sigterm)
    assert 0 < before < 1000  # stopped in the middle of it
    assert (lost, twice) == (0, 0)
    assert "Traceback" not in log


async def test_kill_9_in_a_burst_loses_at_most_10_and_answers_at_most_20_twice(
    tmp_path: Path, i18n: I18n
) -> None:
    async def kill_9(process: BotProcess) -> None:
        process.kill()

    before, lost, twice, _ = await burst(tmp_path, i18n, kill_9)
    assert 0 < before < 1000
    assert lost <= 10 and twice <= 20, (lost, twice)
