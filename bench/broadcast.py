"""Throughput of the broadcast engine, and how well it keeps to the cap, against the fake Bot API.

Run from the repository root: .venv/bin/python bench/broadcast.py [--users 5000]
(--capped-users 300, --http-users 3000: 0 skips the HTTP run)

1. Cap lifted: the engine copies a message to --users recipients with no limiter in the way
   (what it could do for ALLOW_PAID_BROADCAST), through aiogram and the in-memory fake Bot API in
   this process, with the real SQLite bookkeeping; then the same at the paid maximum of 1,000/s.
2. Over HTTP: the whole bot process (ALLOW_PAID_BROADCAST, BROADCAST_RATE=1000) against the fake
   server in this process, timed from the server's own timestamps.
3. At a cap of 25/s: --capped-users recipients; the achieved rate and the most requests the fake
   API saw in any one-second window.
Ends with one JSON line (uncapped_msg_per_s, capped_rate, max_per_second_window, ...).
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import create_bot, create_dispatcher, create_services
from bot.clock import SystemClock
from bot.local_api import ApiCall, FakeUser, LocalSession, LocalTelegram
from bot.sender import RateLimiter
from bot.settings import load_settings
from storage.broadcasts import Segment, create_broadcast
from storage.database import Database
from storage.users import touch_user
from tests.bot_process import BotProcess
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer

OPERATOR = FakeUser(id=1, first_name="Olga", language_code="en")
SENDING = {"copyMessage", "sendMessage", "editMessageText"}


async def seed(db: Database, users: int) -> None:
    now = int(time.time())
    await touch_user(db, OPERATOR.id, OPERATOR.first_name, "en", now)
    for i in range(users):
        await touch_user(db, 100_000 + i, f"U{i}", "ru" if i % 2 else "en", now)


def max_in_window(times: list[float], window: float = 1.0) -> int:
    """The most timestamps in any half-open interval [t, t + window)."""
    times = sorted(times)
    return max((bisect.bisect_left(times, t + window) - i for i, t in enumerate(times)), default=0)


async def in_process(users: int, rate: float | None, tmp: Path) -> tuple[float, list[ApiCall]]:
    """Sends one broadcast with the engine in this process; (seconds, the fake API's calls)."""
    env = {
        "DATABASE_PATH": str(tmp / f"bench-{rate}-{users}.db"),
        "ALLOW_PAID_BROADCAST": "true" if rate is None or rate > 30 else "false",
        "BROADCAST_RATE": str(min(rate or 1000, 1000)),
        "LOG_LEVEL": "WARNING",
    }
    settings = load_settings(env)
    telegram = LocalTelegram()
    bot = create_bot(settings, session=LocalSession(telegram))
    services = create_services(settings, bot, clock=SystemClock())
    if rate is None:
        services.sender.limiter = RateLimiter(1e9)  # the cap lifted: only the engine's overhead
    dp = create_dispatcher(services, throttle=False, run_jobs=False)
    await dp.emit_startup(bot=bot, **dp.workflow_data)
    try:
        await seed(services.db, users)
        broadcast_id = await create_broadcast(
            services.db,
            operator_id=OPERATOR.id,
            from_chat_id=OPERATOR.id,
            message_id=7,
            segment=Segment("all"),
            now=int(time.time()),
        )
        engine = services.broadcasts
        begin = len(telegram.calls)
        started = time.perf_counter()
        ended = await engine.run(broadcast_id)
        seconds = time.perf_counter() - started
        assert ended is not None and ended.sent == users + 1, ended
    finally:
        await dp.emit_shutdown(bot=bot, **dp.workflow_data)
    return seconds, telegram.calls[begin:]


async def over_http(users: int, tmp: Path) -> float:
    """The bot process at the paid maximum; messages per second as the fake server saw them."""
    db_path = tmp / "http.db"
    db = Database(db_path)
    await db.connect()
    await seed(db, users)
    await db.close()
    async with FakeTelegramServer() as server:
        telegram = server.telegram
        env = {
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": server.url,
            "DATABASE_PATH": str(db_path),
            "LOG_LEVEL": "WARNING",
            "ADMIN_IDS": str(OPERATOR.id),
            "ALLOW_PAID_BROADCAST": "true",
            "BROADCAST_RATE": "1000",
        }
        process = BotProcess(env, tmp / "bot.log")
        process.command = [sys.executable, "-m", "bot"]
        process.start()
        try:
            await telegram.wait_for(lambda c: c.method == "setMyCommands", timeout=30)
            telegram.send_text(OPERATOR, "/broadcast")
            await telegram.wait_for(lambda c: c.method == "sendMessage", timeout=10)
            telegram.send_text(OPERATOR, "<b>Notice</b>: the office is closed on Friday.")
            await telegram.wait_for(lambda c: c.method == "copyMessage", timeout=10)
            await asyncio.sleep(0.3)
            telegram.press_button(OPERATOR, "Everyone")
            await asyncio.sleep(0.3)
            telegram.press_button(OPERATOR, "Send now")
            await telegram.wait_for(
                lambda c: c.method == "sendMessage" and "is done" in c.text, timeout=120
            )
        finally:
            await process.stop()
    copies = [c.at for c in telegram.calls if c.method == "copyMessage" and c.chat_id != 1]
    return (len(copies) - 1) / (max(copies) - min(copies))


async def measure(users: int, capped_users: int, http_users: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        seconds, _ = await in_process(users, None, tmp)
        uncapped = (users + 1) / seconds
        seconds_paid, paid_calls = await in_process(users, 1000, tmp)
        paid = (users + 1) / seconds_paid
        http = await over_http(http_users, tmp) if http_users else 0.0
        _, calls = await in_process(capped_users, 25, tmp)
    copies = [c.at for c in calls if c.method == "copyMessage"]
    sending = [c.at for c in calls if c.method in SENDING]
    return {
        "users": users,
        "uncapped_msg_per_s": round(uncapped, 1),
        "uncapped_seconds": round(seconds, 3),
        "paid_cap_1000_msg_per_s": round(paid, 1),
        "paid_cap_1000_max_per_second_window": max_in_window(
            [c.at for c in paid_calls if c.method in SENDING]
        ),
        "http_bot_process_msg_per_s": round(http, 1),
        "capped_users": capped_users,
        "cap": 25,
        "capped_rate": round((len(copies) - 1) / (max(copies) - min(copies)), 2),
        "capped_rate_share": round((len(copies) - 1) / (max(copies) - min(copies)) / 25, 3),
        "max_per_second_window": max_in_window(sending),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=5000)
    parser.add_argument("--capped-users", type=int, default=300)
    parser.add_argument("--http-users", type=int, default=3000, help="0 skips the HTTP run")
    args = parser.parse_args()
    f = asyncio.run(measure(args.users, args.capped_users, args.http_users))
    print(
        f"cap lifted, engine in process: {f['users'] + 1} messages at "
        f"{f['uncapped_msg_per_s']:.0f} msg/s ({f['uncapped_seconds']:.2f} s)"
    )
    print(
        f"paid maximum (1000/s): {f['paid_cap_1000_msg_per_s']:.0f} msg/s, "
        f"at most {f['paid_cap_1000_max_per_second_window']} in any one-second window"
    )
    if f["http_bot_process_msg_per_s"]:
        print(f"bot process over HTTP at 1000/s: {f['http_bot_process_msg_per_s']:.0f} msg/s")
    print(
        f"cap 25/s: {f['capped_rate']:.2f} msg/s achieved ({f['capped_rate_share']:.1%} of the "
        f"cap), at most {f['max_per_second_window']} requests in any one-second window"
    )
    print(json.dumps(f))


if __name__ == "__main__":
    main()
