"""Start-up time and answered updates per second of the whole bot process, through the fake API.

Run from the repository root: .venv/bin/python bench/e2e.py [--users 1000] [--messages 3]
Prints its figures and ends with one JSON line (startup_s, updates_per_s, ...).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.local_api import FakeUser
from tests.bot_process import BotProcess
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer

MESSAGES = [
    "/start",
    "how many days do i have to register after arrival",
    "штраф за просрочку визы",
    "签证延期需要什么材料",
    "quanto costa la proroga del visto",
    "/help",
]


async def measure(users: int, per_user: int) -> dict[str, float]:
    async with FakeTelegramServer() as server:
        telegram = server.telegram
        with tempfile.TemporaryDirectory() as tmp:
            env = {
                "BOT_TOKEN": TEST_TOKEN,
                "TELEGRAM_API_URL": server.url,
                "DATABASE_PATH": str(Path(tmp) / "bench.db"),
                "LOG_LEVEL": "WARNING",
            }
            process = BotProcess(env, Path(tmp) / "bot.log")
            process.command = [sys.executable, "-m", "bot"]
            started = time.perf_counter()
            process.start()
            while server.polls == 0:
                if process.proc and process.proc.poll() is not None:
                    raise SystemExit(f"the bot exited:\n{process.log}")
                await asyncio.sleep(0.005)
            startup = time.perf_counter() - started

            people = [FakeUser(id=10_000 + i, language_code="en") for i in range(users)]
            before = len(telegram.calls)
            begin, own_cpu = time.perf_counter(), time.process_time()
            for round_ in range(per_user):
                for i, person in enumerate(people):
                    telegram.send_text(person, MESSAGES[(i + round_) % len(MESSAGES)])
            total = users * per_user
            answered = 0
            while answered < total:
                await asyncio.sleep(0.01)
                answered = sum(
                    1
                    for c in telegram.calls[before:]
                    if c.method == "sendMessage" and c.status == 200
                )
                if time.perf_counter() - begin > 120:
                    raise SystemExit(f"only {answered} of {total} answered in 120 s")
            elapsed = time.perf_counter() - begin
            fake_api_cpu = time.process_time() - own_cpu
            await process.stop()
    return {
        "startup_s": round(startup, 3),
        "updates": total,
        "seconds": round(elapsed, 3),
        "updates_per_s": round(total / elapsed, 1),
        "fake_api_cpu_share": round(fake_api_cpu / elapsed, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=3, help="messages per user (burst ≤ 5)")
    args = parser.parse_args()
    figures = asyncio.run(measure(args.users, args.messages))
    print(f"start-up (process spawn to first poll): {figures['startup_s']:.3f} s")
    print(
        f"answered {figures['updates']} updates in {figures['seconds']:.2f} s: "
        f"{figures['updates_per_s']:.0f} updates/s"
    )
    print(
        f"the fake API server (this process) was busy {figures['fake_api_cpu_share']:.0%} of that "
        "time on the same 2 cores"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
