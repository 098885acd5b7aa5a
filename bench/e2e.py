"""Start-up time, answered updates per second and memory of the whole bot process, through the
fake API.

Run from the repository root: .venv/bin/python bench/e2e.py [--users 1000] [--messages 4]
Prints its figures and ends with one JSON line (startup_s, updates_per_s, rss_mib_...).

Memory is the bot process's resident set (VmRSS) after start-up, after the answers, and after
as many answers again: what stays the same from the second round on is a working set (matcher
index, imported libraries, SQLite page cache), what keeps growing is a leak.
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

from bot.local_api import FakeUser, LocalTelegram
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


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


async def answer_round(telegram: LocalTelegram, people: list[FakeUser], per_user: int) -> float:
    """Every person sends `per_user` messages; returns the seconds until all were answered."""
    before = len(telegram.calls)
    begin = time.perf_counter()
    for round_ in range(per_user):
        for i, person in enumerate(people):
            telegram.send_text(person, MESSAGES[(i + round_) % len(MESSAGES)])
    total = len(people) * per_user
    answered = 0
    while answered < total:
        await asyncio.sleep(0.01)
        answered = sum(
            1 for c in telegram.calls[before:] if c.method == "sendMessage" and c.status == 200
        )
        if time.perf_counter() - begin > 300:
            raise SystemExit(f"only {answered} of {total} answered in 300 s")
    return time.perf_counter() - begin


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

            assert process.proc is not None
            pid = process.proc.pid
            people = [FakeUser(id=10_000 + i, language_code="en") for i in range(users)]
            rss_started = rss_mib(pid)
            own_cpu = time.process_time()
            elapsed = await answer_round(telegram, people, per_user)
            fake_api_cpu = time.process_time() - own_cpu
            rss_first = rss_mib(pid)
            await answer_round(telegram, people, per_user)
            rss_second = rss_mib(pid)
            await process.stop()
    total = users * per_user
    return {
        "startup_s": round(startup, 3),
        "updates": total,
        "seconds": round(elapsed, 3),
        "updates_per_s": round(total / elapsed, 1),
        "fake_api_cpu_share": round(fake_api_cpu / elapsed, 2),
        "rss_mib_started": round(rss_started, 1),
        "rss_mib_answered": round(rss_first, 1),
        "rss_mib_answered_twice": round(rss_second, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=4, help="messages per user (burst ≤ 5)")
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
    print(
        f"bot memory (RSS): {figures['rss_mib_started']:.0f} MiB started, "
        f"{figures['rss_mib_answered']:.0f} MiB after {figures['updates']} answers, "
        f"{figures['rss_mib_answered_twice']:.0f} MiB after as many again"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
