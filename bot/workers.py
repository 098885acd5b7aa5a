"""WORKERS=N: N webhook worker processes on one port, started and watched by this process.

The parent registers the webhook once, then starts each worker as `python -m bot --worker`
(the same settings from the same environment). The kernel spreads Telegram's connections over
the workers (SO_REUSEPORT). A worker that dies is started again after a wait (1 s, doubling up to
a minute while it keeps dying young); one that exits with status 2, a start-up refusal that a
restart cannot cure, stops them all. SIGTERM/SIGINT is passed on to every worker, and the parent
exits once each has finished its updates under way (status 0 when all stopped cleanly).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
import time

log = logging.getLogger(__name__)

WORKER_FLAG = "--worker"
WORKER_COMMAND = [sys.executable, "-m", "bot", WORKER_FLAG]
REFUSED = 2  # a worker's exit status for a configuration or start-up error
FIRST_WAIT = 1.0
LONGEST_WAIT = 60.0


class Supervisor:
    def __init__(
        self, count: int, command: list[str] | None = None, env: dict[str, str] | None = None
    ) -> None:
        self.count = count
        self.command = command or WORKER_COMMAND
        self.env = env  # None: the workers inherit this process's environment
        self.pids: dict[int, int] = {}
        self._stopping = asyncio.Event()

    def stop(self) -> None:
        self._stopping.set()

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, self._on_signal, sig)
        try:
            codes = await asyncio.gather(*(self._keep(n) for n in range(1, self.count + 1)))
        finally:
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(sig)
        return REFUSED if REFUSED in codes else max(codes)

    def _on_signal(self, sig: signal.Signals) -> None:
        log.warning("received %s: stopping the %s workers", sig.name, self.count)
        self.stop()

    async def _keep(self, number: int) -> int:
        """Runs worker `number` until the stop, starting it again when it dies; its last status."""
        wait = FIRST_WAIT
        while True:
            started = time.monotonic()
            worker = await asyncio.create_subprocess_exec(*self.command, env=self.env)
            self.pids[number] = worker.pid
            log.info("worker %s started (pid %s)", number, worker.pid)
            code = await self._until_exit_or_stop(worker)
            if self._stopping.is_set():
                return code
            if code == REFUSED:
                log.error("worker %s refused to start: stopping all workers", number)
                self._stopping.set()
                return code
            wait = FIRST_WAIT if time.monotonic() - started > LONGEST_WAIT else wait
            log.error("worker %s exited with status %s: starting it in %.0f s", number, code, wait)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), wait)
            if self._stopping.is_set():
                return 0
            wait = min(LONGEST_WAIT, wait * 2)

    async def _until_exit_or_stop(self, worker: asyncio.subprocess.Process) -> int:
        exited = asyncio.ensure_future(worker.wait())
        stopping = asyncio.ensure_future(self._stopping.wait())
        await asyncio.wait([exited, stopping], return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not exited.done():
            with contextlib.suppress(ProcessLookupError):
                worker.send_signal(signal.SIGTERM)
        return await exited
