"""Reminders at scale: seed 1,000,000 saved documents, time the due query, measure the send pace.

Run from the repository root: .venv/bin/python bench/reminders.py [--documents 1000000]
Prints its figures and ends with one JSON line (seed_s, db_mb, due_query_ms, sent_per_s,
max_per_second_window, ...).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from bot.app import create_bot
from bot.content import Content
from bot.delivery import Delivery
from bot.i18n import I18n
from bot.reminders import ReminderService
from bot.retry import RetryMiddleware
from bot.sender import Sender
from bot.settings import load_settings
from storage.database import Database
from storage.documents import add_documents, due_reminders
from storage.users import add_users
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer
from tests.webhook_workers import max_in_any_window

KINDS = ("visa", "registration", "rvp", "vnzh", "patent", "other")
DOCS_PER_USER = 5
NOW = datetime(2026, 11, 21, 7, 0, tzinfo=UTC)  # 10:00 in Moscow


def database_megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.glob("bench.db*")) / 1e6


async def seed(db: Database, documents: int, due_now: int) -> float:
    """Documents spread over the next year; `due_now` of them due at NOW (the rest later)."""
    rng = random.Random(7)
    users = documents // DOCS_PER_USER
    started = time.perf_counter()
    await add_users(db, ((i, f"user{i}", "en", 0) for i in range(1, users + 1)))
    now = int(NOW.timestamp())

    def rows():  # type: ignore[no-untyped-def]
        for n in range(documents):
            user = n // DOCS_PER_USER + 1
            expires = date(2026, 11, 22) + timedelta(days=rng.randrange(400))
            due = now - rng.randrange(3600) if n < due_now else now + rng.randrange(1, 365 * 86400)
            yield user, KINDS[n % len(KINDS)], "", expires, 0, due

    await add_documents(db, rows())
    return time.perf_counter() - started


async def measure(documents: int, due_now: int, rate: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        db = Database(path)
        await db.connect()
        seed_s = await seed(db, documents, due_now)
        async with db.write() as conn:
            await conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            await conn.execute("ANALYZE")
        db_mb = database_megabytes(Path(tmp))

        timings = []
        for _ in range(20):
            started = time.perf_counter()
            due = await due_reminders(db, int(NOW.timestamp()), limit=500)
            timings.append((time.perf_counter() - started) * 1000)
        due_query_ms = statistics.median(timings)

        async with FakeTelegramServer() as server:
            settings = load_settings(
                {
                    "BOT_TOKEN": TEST_TOKEN,
                    "TELEGRAM_API_URL": server.url,
                    "DATABASE_PATH": str(path),
                }
            )
            session = AiohttpSession(api=TelegramAPIServer.from_base(server.url))
            bot = create_bot(settings, session=session)
            sender = Sender(rate=rate)
            bot.session.middleware(RetryMiddleware(sender))
            delivery = Delivery(sender, db)
            service = ReminderService(db, Content.load(), I18n(), settings, delivery, bot)
            started = time.perf_counter()
            sent = await service.send_due(NOW)
            elapsed = time.perf_counter() - started
            await bot.session.close()
            times = [c.at for c in server.telegram.calls if c.method == "sendMessage"]
        await db.close()
    return {
        "documents": documents,
        "seed_s": round(seed_s, 2),
        "db_mb": round(db_mb, 1),
        "due_query_ms": round(due_query_ms, 2),
        "due_rows": len(due),
        "sent": sent,
        "sent_per_s": round(sent / elapsed, 2),
        "cap_per_s": rate,
        "max_per_second_window": max_in_any_window(times),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=1_000_000)
    parser.add_argument("--due", type=int, default=250, help="reminders due at the check")
    parser.add_argument("--rate", type=float, default=25.0)
    args = parser.parse_args()
    figures = asyncio.run(measure(args.documents, args.due, args.rate))
    print(
        f"seeded {figures['documents']:,} documents in {figures['seed_s']} s "
        f"({figures['db_mb']} MB on disk)"
    )
    print(f"due-reminder query (500 rows max): {figures['due_query_ms']} ms median of 20")
    print(
        f"sent {figures['sent']} reminders at {figures['sent_per_s']}/s "
        f"(cap {figures['cap_per_s']}/s), at most {figures['max_per_second_window']} "
        "in any one-second window"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
