"""Runs the bot as its own process, with the command README.md gives, against a fake API."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUN_COMMAND = ["make", "-s", "run"]
# The bot alone, for tests of what it prints itself (make adds a line of its own on failure).
BOT_COMMAND = [sys.executable, "-m", "bot"]
# The bot's settings that a test gives explicitly: the test run's own REDIS_URL (for the Redis
# tests) must not turn every bot process into a Redis one sharing keys with the others.
NOT_INHERITED = ("BOT_TOKEN", "PYTHONPATH", "REDIS_URL", "WEBHOOK_BASE_URL", "WORKERS")


class BotProcess:
    def __init__(
        self, env: dict[str, str], log_path: Path, command: list[str] | None = None
    ) -> None:
        self.env = {**{k: v for k, v in os.environ.items() if k not in NOT_INHERITED}, **env}
        self.log_path = log_path
        self.command = command or RUN_COMMAND
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            self.command,
            cwd=REPO,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )

    async def stop(self, timeout: float = 15.0) -> int:
        """SIGTERM to the bot, as a service manager would; returns the run command's exit status."""
        assert self.proc is not None
        for pid in _descendants(self.proc.pid) or [self.proc.pid]:
            os.kill(pid, signal.SIGTERM)
        return await self.wait(timeout)

    def kill(self) -> None:
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()

    async def wait(self, timeout: float = 15.0) -> int:
        assert self.proc is not None
        for _ in range(int(timeout * 20)):
            if (code := self.proc.poll()) is not None:
                return code
            await asyncio.sleep(0.05)
        self.kill()
        raise TimeoutError("the bot did not stop in time")

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def _descendants(pid: int) -> list[int]:
    """The processes `make` started (the bot itself), not make: it reports the bot's exit status."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    found = []
    for child in map(int, children):
        found += [child, *_descendants(child)]
    return found
