"""The broadcast engine: copies an operator's message to every recipient at the shared pace.

Each running broadcast has a bookkeeper and a pool of workers. The bookkeeper, in one transaction
at a time, writes the results the workers collected and claims the next few pending deliveries
(marking them 'sending'); the workers copy the message to each claimed recipient through the
shared Sender, so several requests are in flight and the Sender's limiter, not the round trip,
sets the pace. Results are written in batches (every FLUSH_SECONDS or every `flush_every`
results), which keeps the database out of the way at 1,000 messages per second, yet exactly-once
bookkeeping holds: a delivery is 'sending' from its claim until its result is written, so after a
crash the rows still 'sending' are exactly those that may or may not have arrived. They are sent
again (nobody is skipped) and counted in the report as possibly received twice. Claims are leased
(storage/broadcasts.py): with several processes on PostgreSQL, a broadcast is finished only once
no other process holds a claim on it; those of a process that died are taken over when their
lease passes.

Each recipient gets the version in their language (else the broadcast's own message, meant for the
agency's default language) with a button, in their language, to turn off news.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.callbacks import NewsCb
from bot.clock import Clock
from bot.delivery import Delivery
from bot.i18n import I18n, Translator
from bot.preferences import language_of
from bot.sender import RecipientGone
from bot.settings import Settings
from bot.telegram_errors import TELEGRAM_ERRORS, summary
from storage.broadcasts import (
    Broadcast,
    Result,
    announce,
    broadcast_versions,
    broadcasts_with_status,
    delivery_counts,
    finish,
    get_broadcast,
    held_elsewhere,
    record_and_claim,
    recover_in_flight,
    release,
    set_progress_message,
    start_sending,
)
from storage.database import Database
from storage.users import get_user, get_users

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3  # tries per recipient for errors other than 429 and "blocked"
RETRY_BACKOFF = 1.0  # seconds before the 2nd try; doubles each time
FLUSH_SECONDS = 0.25  # results are written at least this often
PROGRESS_SECONDS = 4.0  # the operator's progress message is edited this often
STOP_TIMEOUT = 10.0  # a graceful stop waits this long for the requests in flight
ELSEWHERE_POLL_SECONDS = 1.0  # how often the claims another process holds are looked at again
BAR_CELLS = 12


JOB_PREFIX = "broadcast-"


def job_id(broadcast_id: int) -> str:
    return f"{JOB_PREFIX}{broadcast_id}"


def progress_bar(done: int, total: int) -> str:
    share = done / total if total else 1.0
    filled = min(BAR_CELLS, round(share * BAR_CELLS))
    return "▓" * filled + "░" * (BAR_CELLS - filled) + f" {math.floor(share * 100)}%"


def duration(seconds: float) -> str:
    """ "0:42", "12:05", "1:02:03": the same in every language."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


@dataclass
class _Run:
    """One broadcast being sent in this process."""

    broadcast: Broadcast
    workers: int
    flush_every: int
    versions: dict[str, tuple[int, int]] = field(default_factory=dict)  # lang -> the message
    langs: dict[int, str] = field(default_factory=dict)  # claimed recipient -> their language
    queue: asyncio.Queue[int] = field(default_factory=asyncio.Queue)
    results: list[Result] = field(default_factory=list)
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    stopping: str | None = None  # "cancel" | "shutdown"
    claimed: int = 0  # claimed and not yet written back
    more: bool = True  # pending deliveries may remain
    unsent: list[int] = field(default_factory=list)
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    total: int = 0
    done_at_start: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.blocked

    def stop(self, reason: str) -> None:
        self.stopping = self.stopping or reason
        self.wake.set()

    def low(self) -> bool:
        return self.queue.qsize() <= self.workers // 2


@dataclass
class BroadcastEngine:
    db: Database
    i18n: I18n
    settings: Settings
    delivery: Delivery
    bot: Bot
    clock: Clock
    scheduler: AsyncIOScheduler
    leading: bool = False  # set while this process holds the leader lock (bot/leader.py)
    _runs: dict[int, _Run] = field(default_factory=dict)
    _tasks: dict[int, asyncio.Task[None]] = field(default_factory=dict)

    # --- starting, scheduling, stopping ---------------------------------------------------------

    @property
    def leads(self) -> bool:
        """Whether this process sends broadcasts: the leader, or the one process SQLite serves."""
        return self.leading or self.db.single_process

    async def start(self, broadcast_id: int) -> None:
        """The operator confirmed a recorded broadcast: the leading process sends it."""
        if self.leads:
            self.launch(broadcast_id)
        else:
            await announce(self.db)

    async def schedule(self, broadcast_id: int, send_at: int) -> None:
        """A broadcast was recorded as scheduled: the leading process arms it."""
        if self.leads:
            self.arm(broadcast_id, send_at)
        else:
            await announce(self.db)

    def launch(self, broadcast_id: int) -> asyncio.Task[None]:
        """Sends the broadcast in the background (or returns the task already sending it)."""
        task = self._tasks.get(broadcast_id)
        if task is None or task.done():
            task = asyncio.create_task(self.run(broadcast_id), name=job_id(broadcast_id))
            self._tasks[broadcast_id] = task
            task.add_done_callback(lambda t: self._forget_task(broadcast_id, t))
        return task

    def _forget_task(self, broadcast_id: int, task: asyncio.Task[None]) -> None:
        if self._tasks.get(broadcast_id) is task:
            del self._tasks[broadcast_id]
        if not task.cancelled() and (error := task.exception()) is not None:
            log.error("broadcast %s stopped on an error", broadcast_id, exc_info=error)

    def arm(self, broadcast_id: int, send_at: int) -> None:
        """Starts the broadcast at `send_at` (at once if that is past), by the scheduler."""
        self.scheduler.add_job(
            self._fire,
            "date",
            run_date=datetime.fromtimestamp(send_at, UTC),
            args=[broadcast_id],
            id=job_id(broadcast_id),
            replace_existing=True,
            coalesce=True,
            misfire_grace_time=None,  # late (the bot was down) is better than never
        )

    async def _fire(self, broadcast_id: int) -> None:
        # A coroutine, so that APScheduler runs it in the event loop (not in a worker thread).
        self.launch(broadcast_id)

    async def sync(self) -> None:
        """The leader's look at the broadcasts' statuses (at start-up, when an operator's command
        is announced, and every few seconds): new and interrupted ones are sent, scheduled ones
        armed, cancelled ones stopped."""
        active = await broadcasts_with_status(self.db, "draft", "scheduled", "sending")
        scheduled = {b.id for b in active if b.status == "scheduled"}
        for broadcast in active:
            if broadcast.status == "scheduled":
                assert broadcast.send_at is not None
                self._arm_once(broadcast.id, broadcast.send_at)
            elif broadcast.id not in self._tasks:
                if broadcast.status == "sending":
                    log.warning("broadcast %s was interrupted: resuming it", broadcast.id)
                self.launch(broadcast.id)
        still = {b.id for b in active}
        for broadcast_id, run in self._runs.items():
            if broadcast_id not in still:
                run.stop("cancel")
        for job in self.scheduler.get_jobs():
            armed = job.id.removeprefix(JOB_PREFIX)
            if armed != job.id and int(armed) not in scheduled:
                self.scheduler.remove_job(job.id)

    def _arm_once(self, broadcast_id: int, send_at: int) -> None:
        job = self.scheduler.get_job(job_id(broadcast_id))
        run_date = datetime.fromtimestamp(send_at, UTC)
        if job is None or getattr(job, "next_run_time", None) != run_date:
            self.arm(broadcast_id, send_at)

    async def cancel(self, broadcast_id: int) -> bool:
        """Cancels a scheduled or running broadcast; False if it had already ended."""
        if not await finish(self.db, broadcast_id, "cancelled", self._now()):
            return False
        with contextlib.suppress(Exception):
            self.scheduler.remove_job(job_id(broadcast_id))
        if (run := self._runs.get(broadcast_id)) is not None:
            run.stop("cancel")
        if not self.leads:
            await announce(self.db)
        return True

    async def stop(self) -> None:
        """At shutdown (or on losing the lead): lets the requests in flight finish, writes their
        results, stops; the broadcasts stay 'sending', for the next leader to resume."""
        for run in self._runs.values():
            run.stop("shutdown")
        tasks = list(self._tasks.values())
        if tasks:
            _, late = await asyncio.wait(tasks, timeout=STOP_TIMEOUT)
            for task in late:
                task.cancel()

    # --- sending --------------------------------------------------------------------------------

    def _now(self) -> int:
        return int(self.clock.now().timestamp())

    def _today(self) -> datetime:
        return self.clock.now().astimezone(ZoneInfo(self.settings.default_timezone))

    def _pool_size(self) -> tuple[int, int]:
        rate = self.delivery.sender.limiter.rate
        workers = max(4, min(256, math.ceil(rate / 5)))
        return workers, max(16, min(500, math.ceil(rate * FLUSH_SECONDS)))

    async def run(self, broadcast_id: int) -> Broadcast | None:
        """Sends the broadcast to everyone still pending; returns it as it ended (None: not sent).

        The broadcast may be new (its recipients are fixed now), scheduled and due, or resumed
        after a stop or a crash.
        """
        if broadcast_id in self._runs:
            return None
        now = self._now()
        today, default_language = self._today().date(), self.settings.default_language
        if not await start_sending(
            self.db, broadcast_id, now, today, default_language=default_language
        ):
            return None
        workers, flush_every = self._pool_size()
        broadcast = await get_broadcast(self.db, broadcast_id)
        assert broadcast is not None
        run = _Run(broadcast, workers, flush_every, await broadcast_versions(self.db, broadcast_id))
        self._runs[broadcast_id] = run
        try:
            if again := await recover_in_flight(self.db, broadcast_id, now):
                log.warning(
                    "broadcast %s: %s message(s) were in flight at a crash; sending them again",
                    broadcast_id,
                    again,
                )
            counts = await delivery_counts(self.db, broadcast_id)
            run.sent, run.failed, run.blocked = counts["sent"], counts["failed"], counts["blocked"]
            run.total = sum(counts.values())
            run.done_at_start = run.done
            t = await self._operator_translator(broadcast.operator_id)
            progress = await self._send_progress(run, t)
            ticker = asyncio.create_task(self._tick_progress(run, t, progress))
            try:
                await self._send_all(run)
            finally:
                ticker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await ticker
            if run.stopping == "shutdown":
                return await get_broadcast(self.db, broadcast_id)
            if run.stopping is None:
                await finish(self.db, broadcast_id, "done", self._now())
            ended = await get_broadcast(self.db, broadcast_id)
            assert ended is not None
            await self._edit_progress(run, t, progress, final=True)
            await self._report(ended, run, t)
            return ended
        finally:
            del self._runs[broadcast_id]

    async def _send_all(self, run: _Run) -> None:
        pool = [asyncio.create_task(self._worker(run)) for _ in range(run.workers)]
        try:
            await self._bookkeep(run)
        finally:
            for task in pool:
                task.cancel()
            await asyncio.gather(*pool, return_exceptions=True)
            while not run.queue.empty():
                run.unsent.append(run.queue.get_nowait())
            if run.unsent:
                await release(self.db, run.broadcast.id, run.unsent)

    async def _bookkeep(self, run: _Run) -> None:
        """Writes results and claims work, a batch per transaction, until nothing is left."""
        broadcast_id = run.broadcast.id
        while True:
            results, run.results = run.results, []
            want = 0
            if run.stopping is None and run.more and run.low():
                want = run.workers - run.queue.qsize()
            if results or want:
                claimed = await record_and_claim(self.db, broadcast_id, results, want, self._now())
                run.claimed += len(claimed) - len(results)
                for result in results:
                    run.langs.pop(result.user_id, None)
                for user in await get_users(self.db, claimed):
                    run.langs[user.id] = language_of(user, self.settings)
                for user_id in claimed:
                    run.queue.put_nowait(user_id)
                if len(claimed) < want:
                    run.more = False
            if run.stopping is not None:
                while not run.queue.empty():
                    run.unsent.append(run.queue.get_nowait())
                    run.claimed -= 1
            if run.claimed == 0 and not run.results and (not run.more or run.stopping):
                if run.stopping or not await held_elsewhere(self.db, broadcast_id):
                    return
                # Another process's claims: it writes them, or they are ours once the lease passes.
                run.wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(run.wake.wait(), ELSEWHERE_POLL_SECONDS)
                run.more = True
                continue
            await self._wait_for_work(run)

    async def _wait_for_work(self, run: _Run) -> None:
        deadline = time.monotonic() + FLUSH_SECONDS
        while not (
            len(run.results) >= run.flush_every
            or (run.more and run.stopping is None and run.low())
            or (run.results and len(run.results) == run.claimed)
        ):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            run.wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(run.wake.wait(), remaining)

    async def _worker(self, run: _Run) -> None:
        while True:
            user_id = await run.queue.get()
            if run.stopping is not None:
                run.unsent.append(user_id)
                run.claimed -= 1
                run.wake.set()
                continue
            try:
                result = await self._deliver(run, user_id)
            except Exception:
                # A worker that died would leave its claim unwritten and the broadcast unfinished.
                log.exception("broadcast %s to %s failed", run.broadcast.id, user_id)
                result = Result(user_id, "failed", MAX_ATTEMPTS, self._now())
            if result is None:
                run.unsent.append(user_id)
                run.claimed -= 1
            else:
                run.results.append(result)
                if result.status == "sent":
                    run.sent += 1
                elif result.status == "blocked":
                    run.blocked += 1
                else:
                    run.failed += 1
            if (
                len(run.results) >= run.flush_every
                or len(run.results) == run.claimed
                or run.low()
                or run.stopping
            ):
                run.wake.set()

    def _news_footer(self, lang: str) -> InlineKeyboardMarkup:
        footer = InlineKeyboardBuilder()
        footer.button(
            text=self.i18n.translator(lang)("news-btn-off"), callback_data=NewsCb(action="stop")
        )
        return footer.as_markup()

    async def _deliver(self, run: _Run, user_id: int) -> Result | None:
        broadcast = run.broadcast
        paid = True if self.settings.allow_paid_broadcast else None
        lang = run.langs.get(user_id, self.settings.default_language)
        from_chat_id, message_id = run.versions.get(
            lang, (broadcast.from_chat_id, broadcast.message_id)
        )
        footer = self._news_footer(lang)
        attempts = 0
        while True:
            attempts += 1
            try:
                await self.delivery.to_user(
                    user_id,
                    lambda: self.bot.copy_message(
                        chat_id=user_id,
                        from_chat_id=from_chat_id,
                        message_id=message_id,
                        reply_markup=footer,
                        allow_paid_broadcast=paid,
                    ),
                )
                return Result(user_id, "sent", attempts, self._now())
            except RecipientGone:
                return Result(user_id, "blocked", attempts, self._now())
            except TELEGRAM_ERRORS as e:
                if run.stopping == "shutdown":
                    return None  # pending again: the next start tries once more
                if attempts >= MAX_ATTEMPTS or run.stopping:
                    log.warning("broadcast %s to %s failed: %s", broadcast.id, user_id, summary(e))
                    return Result(user_id, "failed", attempts, self._now())
                await asyncio.sleep(RETRY_BACKOFF * 2 ** (attempts - 1))

    # --- what the operator sees -----------------------------------------------------------------

    async def _operator_translator(self, operator_id: int) -> Translator:
        user = await get_user(self.db, operator_id)
        lang = language_of(user, self.settings) if user else self.settings.default_language
        return self.i18n.translator(lang)

    def _progress_text(self, run: _Run, t: Translator, *, final: bool = False) -> str:
        remaining = max(0, run.total - run.done)
        elapsed = time.monotonic() - run.started
        pace = (run.done - run.done_at_start) / elapsed if elapsed > 1 else 0.0
        pace = pace or self.delivery.sender.limiter.rate
        return t(
            "broadcast-progress-final" if final else "broadcast-progress",
            id=run.broadcast.id,
            bar=progress_bar(run.done, run.total),
            sent=run.sent,
            failed=run.failed,
            blocked=run.blocked,
            remaining=remaining,
            total=run.total,
            eta=duration(remaining / pace),
        )

    async def _send_progress(self, run: _Run, t: Translator) -> int | None:
        text = self._progress_text(run, t)
        try:
            message = await self.delivery.sender.deliver(
                lambda: self.bot.send_message(run.broadcast.operator_id, text)
            )
        except (RecipientGone, *TELEGRAM_ERRORS) as e:
            log.warning("broadcast %s: no progress message (%s)", run.broadcast.id, summary(e))
            return None
        await set_progress_message(self.db, run.broadcast.id, message.message_id)
        return message.message_id

    async def _edit_progress(
        self, run: _Run, t: Translator, message_id: int | None, *, final: bool = False
    ) -> None:
        if message_id is None:
            return
        text = self._progress_text(run, t, final=final)
        try:
            await self.delivery.sender.deliver(
                lambda: self.bot.edit_message_text(
                    text=text, chat_id=run.broadcast.operator_id, message_id=message_id
                )
            )
        except TelegramBadRequest as e:
            if "not modified" not in str(e):
                log.info("broadcast %s: progress not updated (%s)", run.broadcast.id, e)
        except (RecipientGone, *TELEGRAM_ERRORS) as e:
            log.info("broadcast %s: progress not updated (%s)", run.broadcast.id, summary(e))

    async def _tick_progress(self, run: _Run, t: Translator, message_id: int | None) -> None:
        shown = run.done
        while True:
            await asyncio.sleep(PROGRESS_SECONDS)
            if run.done != shown:
                shown = run.done
                await self._edit_progress(run, t, message_id)

    async def _report(self, broadcast: Broadcast, run: _Run, t: Translator) -> None:
        took = max(
            time.monotonic() - run.started,
            (broadcast.finished_at or self._now()) - (broadcast.started_at or self._now()),
        )
        text = t(
            "broadcast-report-cancelled" if broadcast.status == "cancelled" else "broadcast-report",
            id=broadcast.id,
            sent=run.sent,
            failed=run.failed,
            blocked=run.blocked,
            total=run.total,
            remaining=max(0, run.total - run.done),
            duration=duration(took),
        )
        if broadcast.uncertain:
            text += "\n" + t("broadcast-report-twice", count=broadcast.uncertain)
        try:
            await self.delivery.sender.deliver(
                lambda: self.bot.send_message(broadcast.operator_id, text)
            )
        except (RecipientGone, *TELEGRAM_ERRORS) as e:
            log.warning("broadcast %s: the report was not delivered (%s)", broadcast.id, summary(e))
