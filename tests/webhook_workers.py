"""`python -m bot` with WORKERS=N, as README.md "Running at scale" runs it, against the fake Bot API
server: the parent registers the webhook, the workers share one port. For the scale test and
bench/scale.py."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path

from tests.bot_process import BOT_COMMAND, BotProcess
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer

SECRET = "webhook-secret_0123456789"
# With REDIS_URL the workers' replies share BROADCAST_RATE (25 a second by default, as Telegram caps
# a bot): loads that measure what the workers themselves can do lift it as a paid bot may.
UNCAPPED = {"ALLOW_PAID_BROADCAST": "true", "BROADCAST_RATE": "1000"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listening_pids(port: int, pids: list[int]) -> set[int]:
    """Which of `pids` hold a socket listening on 127.0.0.1:`port` (read from /proc)."""
    listening = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":
            listening.add(f"socket:[{fields[9]}]")
    owners = set()
    for pid in pids:
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) in listening:
                    owners.add(pid)
            except OSError:
                continue
    return owners


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def max_in_any_window(times: list[float], window: float = 1.0) -> int:
    """The most of `times` that fall within any `window` seconds."""
    times = sorted(times)
    best, start = 0, 0
    for end, t in enumerate(times):
        while t - times[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best


class Workers:
    def __init__(self, process: BotProcess, port: int, count: int) -> None:
        self.process, self.port, self.count = process, port, count

    @property
    def pids(self) -> list[int]:
        """The worker processes now: the parent's children (WORKERS=1: the process itself)."""
        assert self.process.proc is not None
        return children(self.process.proc.pid) if self.count > 1 else [self.process.proc.pid]

    async def all_listening(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while len(listening_pids(self.port, self.pids)) < self.count:
            assert self.process.proc is not None
            if time.monotonic() > deadline or self.process.proc.poll() is not None:
                raise AssertionError(f"the workers are not listening:\n{self.process.log}")
            await asyncio.sleep(0.2)


@asynccontextmanager
async def running_workers(
    server: FakeTelegramServer,
    count: int,
    database_url: str,
    redis_url: str,
    log_path: Path,
    extra_env: dict[str, str] | None = None,
) -> AsyncIterator[Workers]:
    """The bot with WORKERS=`count` on PostgreSQL and Redis, every worker listening; the parent is
    sent SIGTERM when the block ends (and killed with its workers if they do not stop in 30 s)."""
    port = free_port()
    process = BotProcess(
        {
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": server.url,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "WEBHOOK_BASE_URL": f"http://127.0.0.1:{port}",
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_LISTEN": f"127.0.0.1:{port}",
            "WORKERS": str(count),
            **(extra_env or {}),
        },
        log_path,
        BOT_COMMAND,
    )
    process.start()
    workers = Workers(process, port, count)
    try:
        await workers.all_listening()
        yield workers
    finally:
        if process.proc is not None and process.proc.poll() is None:
            process.proc.send_signal(signal.SIGTERM)  # to the parent, which stops the workers
            with suppress(TimeoutError):
                await process.wait(timeout=30)
