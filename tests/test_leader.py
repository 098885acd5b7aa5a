"""One process leads (sends reminders and broadcasts) on a PostgreSQL database shared by several.

Two leader services, or two bots, on one database: exactly one leads; when the leader's session
ends (its process killed) or it stops, the other leads within seconds; a broadcast an operator
starts or cancels in a follower is sent, or stopped, by the leader.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from datetime import date, timedelta
from pathlib import Path

import asyncpg
import pytest

from bot.leader import POLL_SECONDS, TRY_SECONDS, Leader
from bot.reminders import ReminderService
from storage.broadcasts import Segment, create_broadcast, get_broadcast
from storage.database import Database
from storage.documents import add_documents
from storage.users import add_users, touch_user
from tests.bot_process import BOT_COMMAND, BotProcess
from tests.databases import fresh_postgresql_database
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer
from tests.harness import START, Chat, make_services
from tests.test_webhook import SECRET, free_port

TAKEOVER_SECONDS = 3 * TRY_SECONDS + POLL_SECONDS  # "within seconds"
NOW = int(START.timestamp())


class Probe:
    """A leader service whose jobs only record when they start and stop."""

    def __init__(self, url: str) -> None:
        self.events: list[str] = []
        self.leader = Leader(url, "leader_test", self._lead, self._step_down, self._wake)

    async def _lead(self) -> None:
        self.events.append("lead")

    async def _step_down(self) -> None:
        self.events.append("step_down")

    async def _wake(self) -> None:
        pass

    def backend_pid(self) -> int:
        conn = self.leader._lock._conn
        assert conn is not None
        return conn.get_server_pid()


async def until(condition: Callable[[], bool], timeout: float) -> float:
    """Seconds until `condition` held; fails after `timeout`."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > timeout:
            pytest.fail(f"not within {timeout}s")
        await asyncio.sleep(0.05)
    return time.monotonic() - start


@pytest.fixture
async def url() -> AsyncIterator[str]:
    async with fresh_postgresql_database() as url:
        yield url


async def test_exactly_one_leads_and_another_takes_over_when_its_session_ends(url: str) -> None:
    a, b = Probe(url), Probe(url)
    await a.leader.start()
    await b.leader.start()
    try:
        await until(lambda: a.leader.leading or b.leader.leading, TAKEOVER_SECONDS)
        await asyncio.sleep(3 * TRY_SECONDS)  # the follower has tried, and failed, again
        assert [a.leader.leading, b.leader.leading].count(True) == 1
        first, second = (a, b) if a.leader.leading else (b, a)
        assert first.events == ["lead"] and second.events == []

        # Its process killed: PostgreSQL ends the session, which frees the lock.
        admin = await asyncpg.connect(url)
        try:
            await admin.execute("SELECT pg_terminate_backend($1)", first.backend_pid())
        finally:
            await admin.close()
        took = await until(lambda: second.leader.leading, TAKEOVER_SECONDS)
        await until(lambda: not first.leader.leading, TAKEOVER_SECONDS)
        assert first.events == ["lead", "step_down"] and second.events == ["lead"]
        print(f"took over in {took:.2f}s")

        # The former leader keeps trying: when the new one stops, it leads again.
        await second.leader.stop()
        assert second.events == ["lead", "step_down"]
        await until(lambda: first.leader.leading, TAKEOVER_SECONDS)
        assert first.events == ["lead", "step_down", "lead"]
    finally:
        await a.leader.stop()
        await b.leader.stop()


async def test_the_leader_sends_a_broadcast_a_follower_recorded_and_stops_it_when_cancelled(
    url: str,
) -> None:
    chats = [Chat(make_services(url, ADMIN_IDS="1", BROADCAST_RATE="5"), run_jobs=True)]
    await chats[0].start()
    chats.append(Chat(make_services(url, ADMIN_IDS="1", BROADCAST_RATE="5"), run_jobs=True))
    await chats[1].start()
    try:
        await until(lambda: any(c.services.broadcasts.leading for c in chats), TAKEOVER_SECONDS)
        leader, follower = sorted(chats, key=lambda c: not c.services.broadcasts.leading)
        assert not follower.services.broadcasts.leading
        db = follower.services.db
        await touch_user(db, 1, "Olga", "en", NOW)
        for user_id in range(100, 110):
            await touch_user(db, user_id, "U", "en", NOW)

        # The handler's path in the follower: record, then start (which announces it).
        done_id = await create_broadcast(
            db, operator_id=1, from_chat_id=1, message_id=9, segment=Segment("all"), now=NOW
        )
        await follower.services.broadcasts.start(done_id)
        await leader.telegram.wait_for(
            lambda c: c.method == "sendMessage" and c.text.startswith("🏁"), timeout=20
        )
        sent = Counter(c.chat_id for c in leader.telegram.calls if c.method == "copyMessage")
        assert sent == Counter({user_id: 1 for user_id in [1, *range(100, 110)]})
        assert not [c for c in follower.telegram.calls if c.method == "copyMessage"]
        done = await get_broadcast(db, done_id)
        assert done is not None and done.status == "done" and done.sent == 11

        # Cancelled in the follower while the leader sends it (5 a second: 11 take 2 s).
        start = len(leader.telegram.calls)
        cancelled_id = await create_broadcast(
            db, operator_id=1, from_chat_id=1, message_id=10, segment=Segment("all"), now=NOW
        )
        await follower.services.broadcasts.start(cancelled_id)
        await leader.telegram.wait_for(lambda c: c.method == "copyMessage", after=start)
        assert await follower.services.broadcasts.cancel(cancelled_id)
        await leader.telegram.wait_for(
            lambda c: c.method == "sendMessage" and c.text.startswith("⛔"), after=start
        )
        copied = [c for c in leader.telegram.calls[start:] if c.method == "copyMessage"]
        assert 1 <= len(copied) < 11
        cancelled = await get_broadcast(db, cancelled_id)
        assert cancelled is not None and cancelled.status == "cancelled"
    finally:
        for chat in chats:
            await chat.close()


REMINDED = 200  # users with a reminder due; at 20 a second (16 for bulk) the batch takes 12 s
FIRST_USER = 10_000


async def seed_due_reminders(url: str, count: int = REMINDED) -> list[int]:
    """`count` users (ids from FIRST_USER) with a visa reminder due now."""
    db = Database(url)
    await db.connect()
    try:
        now = int(time.time())
        users = list(range(FIRST_USER, FIRST_USER + count))
        await add_users(db, ((u, "U", "en", now) for u in users))
        expires = date.today() + timedelta(days=30)
        await add_documents(db, ((u, "visa", "", expires, now, now - 60) for u in users))
        return users
    finally:
        await db.close()


def bot(server: FakeTelegramServer, url: str, folder: Path) -> BotProcess:
    folder.mkdir()
    port = free_port()
    return BotProcess(
        {
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": server.url,
            "DATABASE_URL": url,
            "DATABASE_PATH": str(folder / "unused.db"),  # beside it: the matcher's cache
            "LOG_FILE": str(folder / "renewal-bot.log"),
            "BROADCAST_RATE": "20",
            "WEBHOOK_BASE_URL": f"http://127.0.0.1:{port}",
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_LISTEN": f"127.0.0.1:{port}",
        },
        folder / "out.log",
        BOT_COMMAND,
    )


def leads(process: BotProcess) -> bool:
    return "this process leads" in process.log_path.read_text("utf-8", errors="replace")


async def test_a_leader_killed_mid_batch_leaves_no_reminder_unsent(
    url: str, tmp_path: Path
) -> None:
    users = await seed_due_reminders(url)
    async with FakeTelegramServer() as server:
        telegram = server.telegram
        processes = [bot(server, url, tmp_path / name) for name in ("one", "two")]

        def reminded() -> Counter[int]:
            return Counter(
                c.chat_id
                for c in telegram.calls
                if c.method == "sendMessage" and c.status == 200 and c.chat_id >= FIRST_USER
            )

        for process in processes:
            process.start()
        try:
            await until(lambda: sum(reminded().values()) >= 40, 90)
            [leader] = [p for p in processes if leads(p)]
            [follower] = [p for p in processes if p is not leader]
            leader.kill()
            killed_after = sum(reminded().values())
            assert killed_after < REMINDED

            await until(lambda: set(reminded()) == set(users), 60)
            await asyncio.sleep(2)  # nothing more comes
            per_user = reminded()
            twice = sum(n - 1 for n in per_user.values())
            # Only what was in flight at the kill may arrive twice.
            assert twice <= ReminderService.concurrency
            assert leads(follower)
            print(f"killed after {killed_after} reminders; {twice} arrived twice")
            assert await follower.stop() == 0
        finally:
            for process in processes:
                if process.proc and process.proc.poll() is None:
                    process.kill()
