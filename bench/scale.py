"""WORKERS=N at scale: webhook workers on PostgreSQL and Redis behind the fake Bot API server.

1. Throughput: the same load (`--users` users each typing `--questions` free-text questions at
   once) answered by one worker, then by N; updates per second from the first question posted to
   the last answer received, and the speedup of N over one. The sending pace is lifted
   (BROADCAST_RATE 1000, as for a paid bot): otherwise it, not the workers, sets the figure.
2. Reminders: `--reminders` users each with a document whose reminder is due, N workers started,
   and the worker holding claims killed with SIGKILL once a `--kill-at` share has arrived; then
   waited for until `--reminder-wait` seconds (a dead worker's claims are sent by another once
   their 5-minute lease has passed): reminders sent, missing, duplicated, and the most sent in any
   one-second window (the cap is BROADCAST_RATE, 25/s).
3. Forms: after the throughput load, on the same workers, `--fsm-users` users fill in the renewal
   wizard twice each at once; the documents not saved as entered are `fsm_lost` (N workers).

Run from the repository root: .venv/bin/python bench/scale.py [--workers 2]
It uses TEST_DATABASE_URL (a server it may create databases on) and REDIS_URL when given, else
starts a throwaway PostgreSQL and Redis of its own (Debian's packages, as .ci/run does).
Prints its figures and ends with one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg

from bot.i18n import I18n
from bot.local_api import FakeUser
from bot.local_api.api import ApiCall
from faq import load_knowledge_base
from storage.database import Database
from storage.documents import add_documents, user_documents
from storage.users import add_users
from tests.databases import with_database
from tests.fake_telegram_server import FakeTelegramServer
from tests.test_scale import Inboxes, expiry, renew
from tests.webhook_workers import UNCAPPED, max_in_any_window, running_workers

QUESTIONS = (
    "how many days after arrival do i have to get registered",
    "what documents do i need to extend my visa",
    "how much does a patent cost per month",
    "can i work with a temporary residence permit",
)
BROADCAST_RATE = 25.0
FORM_KINDS = ("visa", "patent")
WIZARD = (load_knowledge_base(), I18n())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def throwaway_servers() -> Iterator[tuple[str, str]]:
    """A PostgreSQL and a Redis of its own in a temporary folder: (server URL, Redis URL)."""
    pg_bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    work = Path(tempfile.mkdtemp(prefix="renewal-scale."))
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    if os.geteuid() == 0:
        shutil.chown(work, "postgres")
    pg_port, redis_port = free_port(), free_port()
    run = subprocess.run
    try:
        run([*as_postgres, pg_bin / "initdb", "-D", work / "pg", "-U", "postgres", "-A", "trust",
             "--no-sync"], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        run([*as_postgres, pg_bin / "pg_ctl", "-D", work / "pg", "-l", work / "pg.log", "-w",
             "start", "-o", f"-p {pg_port} -k {work} -c listen_addresses=127.0.0.1 -c fsync=off"
             " -c max_connections=200"], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        run(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "yes", "--pidfile", work / "redis.pid",
             "--logfile", work / "redis.log", "--dir", work], check=True)  # fmt: skip
        yield (
            f"postgresql://postgres@127.0.0.1:{pg_port}/postgres",
            f"redis://127.0.0.1:{redis_port}/0",
        )
    finally:
        run([*as_postgres, pg_bin / "pg_ctl", "-D", work / "pg", "-m", "immediate", "stop"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        with contextlib.suppress(OSError, ValueError):
            os.kill(int((work / "redis.pid").read_text()), signal.SIGTERM)
        shutil.rmtree(work, ignore_errors=True)


@contextlib.asynccontextmanager
async def fresh_database(server: str) -> AsyncIterator[str]:
    name = f"renewal_scale_{secrets.token_hex(4)}"
    admin = await asyncpg.connect(server)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    try:
        yield with_database(server, name)
    finally:
        admin = await asyncpg.connect(server)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


def some_users(count: int) -> list[FakeUser]:
    base = random.randrange(10**9, 2 * 10**9)  # a shared Redis: keys of this run's own
    return [FakeUser(id=base + n, first_name=f"U{n}", language_code="en") for n in range(count)]


async def throughput(
    server_url: str, redis_url: str, workers: int, users: int, questions: int, forms: int, log: Path
) -> tuple[float, int]:
    """Answered free-text questions per second with `workers` workers; then, on the same
    workers, `forms` users fill in the wizard at once: the documents lost (see `forms_lost`)."""
    async with (
        fresh_database(server_url) as url,
        FakeTelegramServer() as server,
    ):
        inboxes = Inboxes()
        server.telegram.listeners.append(inboxes)
        async with running_workers(server, workers, url, redis_url, log, UNCAPPED) as bot:
            warm = some_users(workers * 4)  # every worker's matcher and connections in use
            await ask_all(server, warm, 1)
            crowd = some_users(users)
            started, cpu = time.monotonic(), cpu_seconds(bot.pids)
            await ask_all(server, crowd, questions)
            elapsed = time.monotonic() - started
            used = {k: v - cpu.get(k, 0.0) for k, v in cpu_seconds(bot.pids).items()}
            assert len(bot.pids) == workers
            print(
                f"  {workers} worker(s): {elapsed:.1f} s for {users * questions} questions; CPU s:"
                f" workers {used['workers']:.1f}, fake Telegram {used['fake']:.1f},"
                f" PostgreSQL {used['postgres']:.1f}, Redis {used['redis']:.1f}"
            )
            filled = some_users(forms)
            await asyncio.gather(
                *(renew(server, inboxes, u, n, FORM_KINDS, *WIZARD) for n, u in enumerate(filled))
            )
        lost = await forms_lost(url, filled)
    return users * questions / elapsed, lost


def cpu_seconds(workers: list[int]) -> dict[str, float]:
    """CPU seconds used so far by the workers, this process (the fake Bot API server and the
    simulated users), and every PostgreSQL and Redis process on the machine (a shared server's
    other clients included)."""
    tick = os.sysconf("SC_CLK_TCK")
    used = {"workers": 0.0, "fake": time.process_time(), "postgres": 0.0, "redis": 0.0}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            name = (proc / "comm").read_text().strip()
        except OSError:
            continue
        seconds = (int(fields[11]) + int(fields[12])) / tick
        if int(proc.name) in workers:
            used["workers"] += seconds
        elif name.startswith("postgres"):
            used["postgres"] += seconds
        elif name.startswith("redis"):
            used["redis"] += seconds
    return used


async def ask_all(server: FakeTelegramServer, users: list[FakeUser], questions: int) -> None:
    """Each user types `questions` questions at once; returns when each has as many answers."""
    ids = {u.id for u in users}
    answers: Counter[int] = Counter()
    done = asyncio.Event()

    def count(call: ApiCall) -> None:
        if call.method == "sendMessage" and call.chat_id in ids and call.status == 200:
            answers[call.chat_id] += 1
            if len(answers) == len(ids) and min(answers.values()) >= questions:
                done.set()

    server.telegram.listeners.append(count)
    try:
        for q in range(questions):
            for n, user in enumerate(users):
                server.telegram.send_text(user, f"{QUESTIONS[(n + q) % len(QUESTIONS)]} {q}")
        await asyncio.wait_for(done.wait(), timeout=600)
    finally:
        server.telegram.listeners.remove(count)
    extra = sum(answers.values()) - len(users) * questions
    assert extra == 0, f"{extra} messages beyond one answer per question"


async def seed_due_reminders(url: str, users: list[FakeUser]) -> None:
    db = Database(url)
    await db.connect()  # applies the migrations
    try:
        now = int(time.time())
        await add_users(db, ((u.id, u.first_name, "en", now) for u in users))
        await add_documents(
            db, ((u.id, "visa", "", date(2027, 1, 15), now, now - 60) for u in users)
        )
    finally:
        await db.close()


async def claimer_pids(url: str) -> set[int]:
    """The processes holding reminder claims now (the claimer is host:pid:token)."""
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch("SELECT DISTINCT claimed_by FROM documents WHERE claimed_by <> ''")
    finally:
        await conn.close()
    return {int(r[0].split(":")[1]) for r in rows}


async def reminders(
    server_url: str, redis_url: str, workers: int, count: int, kill_at: float, wait: float,
    log: Path,
) -> dict[str, object]:  # fmt: skip
    users = some_users(count)
    ids = {u.id for u in users}
    async with fresh_database(server_url) as url, FakeTelegramServer() as server:
        await seed_due_reminders(url, users)
        started = time.monotonic()
        arrived: list[ApiCall] = []

        def sent(call: ApiCall) -> None:
            if call.method == "sendMessage" and call.chat_id in ids and call.status == 200:
                arrived.append(call)

        server.telegram.listeners.append(sent)
        killed: list[int] = []
        async with running_workers(
            server, workers, url, redis_url, log, {"BROADCAST_RATE": str(BROADCAST_RATE)}
        ) as bot:
            while time.monotonic() - started < wait:
                if not killed and len(arrived) >= kill_at * count:
                    holding = await claimer_pids(url) & set(bot.pids)
                    if holding:
                        killed.append(victim := min(holding))
                        os.kill(victim, signal.SIGKILL)
                        killed_after = len(arrived)
                if len({c.chat_id for c in arrived}) == count:
                    break
                await asyncio.sleep(0.5)
            finished = time.monotonic() - started
    per_user = Counter(c.chat_id for c in arrived)
    return {
        "reminders_sent": len(arrived),
        "reminders_missing": count - len(per_user),
        "reminders_duplicated": sum(n - 1 for n in per_user.values()),
        "max_per_second_window": max_in_any_window([c.at for c in arrived]),
        "killed_worker": bool(killed),
        "killed_after": killed_after if killed else None,
        "reminders_s": round(finished, 1),
    }


async def forms_lost(url: str, users: list[FakeUser]) -> int:
    """The documents entered through the wizard but not saved as entered."""
    db = Database(url)
    await db.connect()
    try:
        lost = 0
        for n, user in enumerate(users):
            saved = {(d.kind, d.expires_on) for d in await user_documents(db, user.id)}
            lost += len({(k, expiry(n, i)) for i, k in enumerate(FORM_KINDS)} - saved)
        return lost
    finally:
        await db.close()


async def measure(args: argparse.Namespace, server_url: str, redis_url: str, logs: Path) -> dict:
    n = args.workers
    load = (args.users, args.questions, args.fsm_users)
    one, lost_1 = await throughput(server_url, redis_url, 1, *load, logs / "t1.log")
    print(f"1 worker:  {one:.1f} answered questions/s ({args.users} users x {args.questions})")
    many, lost = await throughput(server_url, redis_url, n, *load, logs / "tn.log")
    print(f"{n} workers: {many:.1f} answered questions/s, speedup {many / one:.2f}")
    entered = args.fsm_users * len(FORM_KINDS)
    print(f"forms: {lost_1} (1 worker) and {lost} ({n} workers) of {entered} documents lost")
    rem = await reminders(
        server_url, redis_url, n, args.reminders, args.kill_at, args.reminder_wait, logs / "r.log"
    )
    print(
        f"reminders: {args.reminders} due, {rem['reminders_sent']} sent, "
        f"{rem['reminders_missing']} missing, {rem['reminders_duplicated']} twice, "
        f"at most {rem['max_per_second_window']} in one second (cap {BROADCAST_RATE:g}); "
        f"a worker killed: {rem['killed_worker']} (after {rem['killed_after']}), "
        f"{rem['reminders_s']} s"
    )
    return {
        "workers": n,
        "updates_per_s_1": round(one, 1),
        "updates_per_s_n": round(many, 1),
        "speedup": round(many / one, 2),
        **rem,
        "fsm_lost": lost,
    }


async def main(args: argparse.Namespace) -> dict:
    logs = Path(tempfile.mkdtemp(prefix="renewal-scale-logs."))
    print(f"bot logs in {logs}")
    given = os.environ.get("TEST_DATABASE_URL"), os.environ.get("REDIS_URL")
    if all(given):
        return await measure(args, given[0] or "", given[1] or "", logs)
    with throwaway_servers() as (server_url, redis_url):
        return await measure(args, server_url, redis_url, logs)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--questions", type=int, default=5, help="per user (5: no flood brake)")
    parser.add_argument("--reminders", type=int, default=1000)
    parser.add_argument("--kill-at", type=float, default=0.3, help="share arrived before kill")
    parser.add_argument("--reminder-wait", type=float, default=420.0)
    parser.add_argument("--fsm-users", type=int, default=50)
    started = time.monotonic()
    figures = asyncio.run(main(parser.parse_args()))
    print(f"took {time.monotonic() - started:.0f} s")
    print(json.dumps(figures))
