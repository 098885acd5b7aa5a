"""Start-up time, answered updates per second and memory of the whole bot process, through the
fake API, side by side with a bare aiogram echo bot (bench/bare_bot.py) on the same fake API.

Run from the repository root: .venv/bin/python bench/e2e.py [--users 1000] [--messages 4] [--runs 3]
Prints its figures and ends with one JSON line (startup_s, updates_per_s, rss_mib_..., the bare
bot's figures and the ratios, each as [min, max] over the runs).

The two processes take turns, run after run, so a noisy machine slows both alike: the targets
are ratios (start-up at most 1.25 times the bare bot's, answers per second at least half its
echoes per second).

Memory is the bot process's resident set (VmRSS) after start-up, after the answers, and after
as many answers again: what stays the same from the second round on is a working set (matcher
index, imported libraries, SQLite page cache), what keeps growing is a leak.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
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


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of the process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


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


BOT = [sys.executable, "-m", "bot"]
BARE_BOT = [sys.executable, str(Path(__file__).with_name("bare_bot.py"))]


async def start(process: BotProcess, server: FakeTelegramServer) -> float:
    """Starts the process; returns the seconds until its first getUpdates."""
    polls = server.polls
    started = time.perf_counter()
    process.start()
    while server.polls == polls:
        if process.proc and process.proc.poll() is not None:
            raise SystemExit(f"the bot exited:\n{process.log}")
        await asyncio.sleep(0.005)
    return time.perf_counter() - started


async def measure(users: int, per_user: int, command: list[str] = BOT) -> dict[str, float]:
    async with FakeTelegramServer() as server:
        telegram = server.telegram
        with tempfile.TemporaryDirectory() as tmp:
            env = {
                "BOT_TOKEN": TEST_TOKEN,
                "TELEGRAM_API_URL": server.url,
                "DATABASE_PATH": str(Path(tmp) / "bench.db"),
                "LOG_LEVEL": "WARNING",
            }
            process = BotProcess(env, Path(tmp) / "bot.log", command)
            first_startup = await start(process, server)
            await process.stop()
            startup = await start(process, server)

            assert process.proc is not None
            pid = process.proc.pid
            people = [FakeUser(id=10_000 + i, language_code="en") for i in range(users)]
            rss_started = rss_mib(pid)
            own_cpu, bot_cpu = time.process_time(), cpu_seconds(pid)
            elapsed = await answer_round(telegram, people, per_user)
            fake_api_cpu = time.process_time() - own_cpu
            bot_cpu = cpu_seconds(pid) - bot_cpu
            rss_first = rss_mib(pid)
            await answer_round(telegram, people, per_user)
            rss_second = rss_mib(pid)
            await process.stop()
    total = users * per_user
    return {
        "first_startup_s": round(first_startup, 3),
        "startup_s": round(startup, 3),
        "updates": total,
        "seconds": round(elapsed, 3),
        "updates_per_s": round(total / elapsed, 1),
        "fake_api_cpu_share": round(fake_api_cpu / elapsed, 2),
        "cpu_ms_per_update": round(bot_cpu / total * 1000, 2),
        "rss_mib_started": round(rss_started, 1),
        "rss_mib_answered": round(rss_first, 1),
        "rss_mib_answered_twice": round(rss_second, 1),
    }


def spread(runs: list[dict[str, float]], key: str) -> list[float]:
    values = [run[key] for run in runs]
    return [min(values), max(values)]


async def side_by_side(users: int, per_user: int, runs: int) -> dict[str, object]:
    ours: list[dict[str, float]] = []
    bare: list[dict[str, float]] = []
    for _ in range(runs):
        bare.append(await measure(users, per_user, BARE_BOT))
        ours.append(await measure(users, per_user, BOT))
    startup_ratio = [o["startup_s"] / b["startup_s"] for o, b in zip(ours, bare, strict=True)]
    first_ratio = [
        o["first_startup_s"] / b["first_startup_s"] for o, b in zip(ours, bare, strict=True)
    ]
    speed_ratio = [o["updates_per_s"] / b["updates_per_s"] for o, b in zip(ours, bare, strict=True)]
    figures: dict[str, object] = {
        key: spread(ours, key)
        for key in (
            "first_startup_s",
            "startup_s",
            "cpu_ms_per_update",
            "updates_per_s",
            "fake_api_cpu_share",
            "rss_mib_started",
            "rss_mib_answered",
            "rss_mib_answered_twice",
        )
    }
    figures["updates"] = users * per_user
    figures["bare_startup_s"] = spread(bare, "startup_s")
    figures["bare_first_startup_s"] = spread(bare, "first_startup_s")
    figures["bare_cpu_ms_per_update"] = spread(bare, "cpu_ms_per_update")
    figures["bare_updates_per_s"] = spread(bare, "updates_per_s")
    figures["startup_ratio"] = [round(min(startup_ratio), 2), round(max(startup_ratio), 2)]
    figures["first_startup_ratio"] = [round(min(first_ratio), 2), round(max(first_ratio), 2)]
    figures["updates_ratio"] = [round(min(speed_ratio), 2), round(max(speed_ratio), 2)]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=4, help="messages per user (burst ≤ 5)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each bot, taking turns")
    args = parser.parse_args()
    f = asyncio.run(side_by_side(args.users, args.messages, args.runs))
    print(f"{args.runs} runs each, ranges min-max; the bare aiogram echo bot in brackets")
    print(
        "start-up (process spawn to first poll), a restart: {0[0]:.2f}-{0[1]:.2f} s "
        "[{1[0]:.2f}-{1[1]:.2f} s], ratio {2[0]:.2f}-{2[1]:.2f} (target ≤ 1.25)".format(
            f["startup_s"], f["bare_startup_s"], f["startup_ratio"]
        )
    )
    print(
        "the first start (the matcher built, not yet in data/cache): {0[0]:.2f}-{0[1]:.2f} s "
        "[{1[0]:.2f}-{1[1]:.2f} s], ratio {2[0]:.2f}-{2[1]:.2f}".format(
            f["first_startup_s"], f["bare_first_startup_s"], f["first_startup_ratio"]
        )
    )
    print(
        "answered updates per second: {0[0]:.0f}-{0[1]:.0f} [{1[0]:.0f}-{1[1]:.0f} echoes], "
        "ratio {2[0]:.2f}-{2[1]:.2f} (target ≥ 0.5)".format(
            f["updates_per_s"], f["bare_updates_per_s"], f["updates_ratio"]
        )
    )
    print(
        "bot CPU time per answered update: {0[0]:.1f}-{0[1]:.1f} ms "
        "[{1[0]:.1f}-{1[1]:.1f} ms]".format(f["cpu_ms_per_update"], f["bare_cpu_ms_per_update"])
    )
    print(
        "the fake API server (this process) was busy {0[0]:.0%}-{0[1]:.0%} of that time on the "
        "same 2 cores".format(f["fake_api_cpu_share"])
    )
    print(
        "bot memory (RSS): {0[0]:.0f}-{0[1]:.0f} MiB started, {1[0]:.0f}-{1[1]:.0f} MiB after "
        "{3} answers, {2[0]:.0f}-{2[1]:.0f} MiB after as many again".format(
            f["rss_mib_started"], f["rss_mib_answered"], f["rss_mib_answered_twice"], f["updates"]
        )
    )
    print(json.dumps(f))


if __name__ == "__main__":
    main()
