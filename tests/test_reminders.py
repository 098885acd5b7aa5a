"""Reminders with a clock that tests move: time zones, day boundaries, exactly once, catch-up."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.clock import FrozenClock
from bot.local_api import ApiCall, FakeUser
from bot.reminders import next_due
from bot.retry import RETRY_ATTEMPTS
from bot.schedule import next_reminder, reminder_times
from bot.ticker import Ticker
from storage.documents import (
    REMINDER_LEASE,
    add_document,
    claim_due_reminders,
    get_document,
    release_claims,
    reminders_sent_for,
)
from storage.users import get_user, set_timezone
from tests.harness import START, Chat, make_services

MOSCOW = ZoneInfo("Europe/Moscow")


class World:
    """A bot whose clock the test moves, and a helper to run the reminder check."""

    def __init__(self, chat: Chat) -> None:
        self.chat = chat
        self.clock: FrozenClock = chat.services.clock  # type: ignore[assignment]

    async def tick(self, at: datetime | None = None) -> list[ApiCall]:
        if at is not None:
            self.clock.set(at)
        before = len(self.chat.telegram.calls)
        await self.chat.services.reminders.send_due(self.clock.now())
        return [c for c in self.chat.telegram.calls[before:] if c.method == "sendMessage"]

    async def save(self, user: FakeUser, kind: str, expires_on: date, tz: str | None = None) -> int:
        self.chat.telegram.send_text(user, "/start")
        await self.chat.deliver()
        db = self.chat.services.db
        if tz:
            await set_timezone(db, user.id, tz)
        u = await get_user(db, user.id)
        assert u is not None
        now = self.clock.now()
        first = next_due(
            self.chat.services.content.kb,
            kind,
            expires_on,
            timezone=tz or "Europe/Moscow",
            hour=u.reminder_hour,
            custom_days=None,
            after=now,
        )
        return await add_document(db, user.id, kind, "", expires_on, int(now.timestamp()), first)


async def open_world(db_path: Path | str) -> World:
    chat = Chat(make_services(db_path))
    await chat.start()
    return World(chat)


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    w = await open_world(database_url)
    yield w
    await w.chat.close()


def at(day: date, hour: int, tz: ZoneInfo = MOSCOW) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=tz).astimezone(UTC)


def test_schedule_is_one_instant_per_offset_plus_the_day_after() -> None:
    expiry = date(2027, 3, 15)
    times = reminder_times(expiry, [7, 1, 0], MOSCOW, 10)
    assert [t.astimezone(MOSCOW) for t in times] == [
        datetime(2027, 3, 8, 10, tzinfo=MOSCOW),
        datetime(2027, 3, 14, 10, tzinfo=MOSCOW),
        datetime(2027, 3, 15, 10, tzinfo=MOSCOW),
        datetime(2027, 3, 16, 10, tzinfo=MOSCOW),
    ]


def test_local_hour_holds_across_a_daylight_saving_change() -> None:
    rome = ZoneInfo("Europe/Rome")
    times = reminder_times(date(2027, 4, 2), [7, 0], rome, 10)
    assert [t.astimezone(rome).hour for t in times] == [10, 10, 10]
    assert times[0].hour == 9 and times[1].hour == 8  # UTC+1 before 28 March, UTC+2 after


def test_offsets_already_past_are_skipped() -> None:
    saved = datetime(2027, 3, 10, 12, tzinfo=MOSCOW)  # after the 7-day one, before the 1-day one
    first = next_reminder(date(2027, 3, 15), [30, 14, 7, 3, 1, 0], MOSCOW, 10, saved)
    assert first == datetime(2027, 3, 12, 10, tzinfo=MOSCOW)


async def test_each_reminder_is_sent_once_at_the_local_hour(world: World) -> None:
    user = FakeUser(id=1, language_code="en")
    expiry = START.date() + timedelta(days=10)  # visa: 45, 30, 14, 7, 3, 1, 0 days before
    doc = await world.save(user, "visa", expiry)
    assert await world.tick(at(expiry - timedelta(days=7), 9, MOSCOW)) == []
    [first] = await world.tick(at(expiry - timedelta(days=7), 10, MOSCOW))
    assert "7 days" in first.text and first.chat_id == 1
    assert await world.tick() == []
    assert await world.tick(at(expiry - timedelta(days=4), 23, MOSCOW)) == []
    [second] = await world.tick(at(expiry - timedelta(days=3), 10, MOSCOW))
    assert "3 days" in second.text
    assert [days for _, days in await reminders_sent_for(world.chat.services.db, doc)] == [7, 3]


async def test_time_zones_and_day_boundaries(world: World) -> None:
    moscow, kamchatka = FakeUser(id=2, language_code="ru"), FakeUser(id=3, language_code="zh")
    expiry = START.date() + timedelta(days=20)
    await world.save(moscow, "visa", expiry)
    await world.save(kamchatka, "visa", expiry, tz="Asia/Kamchatka")  # UTC+12
    day = expiry - timedelta(days=14)
    # 10:00 in Kamchatka is 22:00 UTC the day before, 01:00 in Moscow.
    [early] = await world.tick(at(day, 10, ZoneInfo("Asia/Kamchatka")))
    assert early.chat_id == 3 and "14 天" in early.text
    [later] = await world.tick(at(day, 10, MOSCOW))
    assert later.chat_id == 2 and "14 дней" in later.text


async def test_downtime_catches_up_with_one_message_not_a_burst(world: World) -> None:
    user = FakeUser(id=4, language_code="it")
    expiry = START.date() + timedelta(days=40)
    doc = await world.save(user, "visa", expiry)
    # Down from before the 30-day reminder until after the 14-day one.
    [only] = await world.tick(at(expiry - timedelta(days=12), 15, MOSCOW))
    assert "12 giorni" in only.text
    assert [d for _, d in await reminders_sent_for(world.chat.services.db, doc)] == [12]
    [nxt] = await world.tick(at(expiry - timedelta(days=7), 10, MOSCOW))
    assert "7 giorni" in nxt.text


async def test_after_expiry_one_notice_then_silence(world: World) -> None:
    user = FakeUser(id=5, language_code="en")
    expiry = START.date() + timedelta(days=2)
    doc = await world.save(user, "registration", expiry)
    await world.tick(at(expiry, 10, MOSCOW))
    [notice] = await world.tick(at(expiry + timedelta(days=1), 10, MOSCOW))
    assert "expired" in notice.text
    assert any(b["callback_data"] == "t:overstay-penalties" for b in notice.buttons)
    assert await world.tick(at(expiry + timedelta(days=30), 10, MOSCOW)) == []
    assert (await get_document(world.chat.services.db, 5, doc)).next_remind_at is None


async def test_remind_me_tomorrow(world: World) -> None:
    user = FakeUser(id=6, language_code="en")
    expiry = START.date() + timedelta(days=10)
    await world.save(user, "visa", expiry)
    day = expiry - timedelta(days=7)
    [reminder] = await world.tick(at(day, 10, MOSCOW))
    world.chat.telegram.press_button(user, "Remind me tomorrow")
    answers = await world.chat.deliver()
    assert any(c.method == "answerCallbackQuery" and "10:00" in c.text for c in answers)
    [again] = await world.tick(at(day + timedelta(days=1), 10, MOSCOW))
    assert "6 days" in again.text
    [regular] = await world.tick(at(expiry - timedelta(days=3), 10, MOSCOW))
    assert "3 days" in regular.text
    del reminder


async def test_exactly_once_across_a_restart(database_url: str) -> None:
    path = database_url
    first = await open_world(path)
    user = FakeUser(id=7, language_code="en")
    expiry = START.date() + timedelta(days=10)
    doc = await first.save(user, "visa", expiry)
    when = at(expiry - timedelta(days=7), 10, MOSCOW)
    assert len(await first.tick(when)) == 1
    await first.chat.close()

    second = await open_world(path)
    assert await second.tick(when + timedelta(minutes=5)) == []
    assert len(await second.tick(at(expiry - timedelta(days=3), 10, MOSCOW))) == 1
    assert [d for _, d in await reminders_sent_for(second.chat.services.db, doc)] == [7, 3]
    await second.chat.close()


async def test_a_crash_mid_send_is_recovered_on_start(database_url: str) -> None:
    path = database_url
    w = await open_world(path)
    expiry = START.date() + timedelta(days=10)
    doc = await w.save(FakeUser(id=8), "visa", expiry)
    when = at(expiry - timedelta(days=7), 10, MOSCOW)
    [due] = await claim_due_reminders(w.chat.services.db, int(when.timestamp()), 10)
    assert due.document.id == doc
    assert await w.tick(when) == []  # claimed by the "crashed" sender
    await w.chat.close()

    after = await open_world(path)
    assert await release_claims(after.chat.services.db, int(when.timestamp())) == 0
    if not after.chat.services.db.single_process:
        # PostgreSQL: the claim may be another worker's, alive: it is taken over once it expires.
        assert await after.tick(when + timedelta(seconds=REMINDER_LEASE - 1)) == []
        when += timedelta(seconds=REMINDER_LEASE - 30)
    # (SQLite: one process owns the file, so start-up released the dead one's claim at once.)
    [resent] = await after.tick(when + timedelta(seconds=30))
    assert "7 days" in resent.text
    await after.chat.close()


async def test_blocked_user_stops_and_comes_back(world: World) -> None:
    user = FakeUser(id=9, language_code="en")
    expiry = START.date() + timedelta(days=10)
    doc = await world.save(user, "visa", expiry)
    world.chat.telegram.blocked.add(user.id)
    await world.tick(at(expiry - timedelta(days=7), 10, MOSCOW))
    db = world.chat.services.db
    assert (await get_user(db, user.id)).blocked
    assert (await get_document(db, user.id, doc)).next_remind_at is None
    assert await world.tick(at(expiry - timedelta(days=3), 10, MOSCOW)) == []

    world.chat.telegram.blocked.discard(user.id)
    world.chat.telegram.send_text(user, "/help")
    await world.chat.deliver()
    assert (await get_document(db, user.id, doc)).next_remind_at is not None
    [back] = await world.tick(at(expiry - timedelta(days=1), 10, MOSCOW))
    assert "tomorrow" in back.text


async def test_429_waits_and_sends_once(world: World) -> None:
    user = FakeUser(id=10, language_code="en")
    expiry = START.date() + timedelta(days=10)
    doc = await world.save(user, "visa", expiry)
    world.chat.telegram.fail_next(
        "sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1
    )
    sent = await world.tick(at(expiry - timedelta(days=7), 10, MOSCOW))
    assert [c.status for c in sent] == [429, 200]
    assert sent[1].at - sent[0].at >= 0.95
    assert world.chat.services.sender.retries_after_429 == 1
    assert len(await reminders_sent_for(world.chat.services.db, doc)) == 1


async def test_other_failures_are_retried_with_backoff_never_dropped(world: World) -> None:
    user = FakeUser(id=11, language_code="en")
    expiry = START.date() + timedelta(days=10)
    doc = await world.save(user, "visa", expiry)
    when = at(expiry - timedelta(days=7), 10, MOSCOW)
    # each tick's send is tried RETRY_ATTEMPTS times by the session middleware before it fails
    world.chat.telegram.fail_next(
        "sendMessage", 500, "Internal Server Error", times=2 * RETRY_ATTEMPTS
    )
    assert [c.status for c in await world.tick(when)] == [500] * RETRY_ATTEMPTS
    assert await world.tick(when + timedelta(seconds=59)) == []
    assert [c.status for c in await world.tick(when + timedelta(seconds=61))] == [
        500
    ] * RETRY_ATTEMPTS
    assert await world.tick(when + timedelta(seconds=61 + 119)) == []
    [ok] = await world.tick(when + timedelta(seconds=61 + 121))
    assert ok.status == 200 and "7 days" in ok.text
    assert len(await reminders_sent_for(world.chat.services.db, doc)) == 1


@pytest.mark.parametrize("how", ["garbage", "html", "reset", "redirects"])
async def test_a_reminder_whose_send_breaks_is_released_and_sent_later(
    world: World, how: str
) -> None:
    user = FakeUser(id=12, language_code="en")
    expiry = START.date() + timedelta(days=10)
    doc = await world.save(user, "visa", expiry)
    when = at(expiry - timedelta(days=7), 10, MOSCOW)
    world.chat.telegram.break_next("sendMessage", how, times=RETRY_ATTEMPTS)  # type: ignore[arg-type]
    assert all(c.status != 200 or c.broken for c in await world.tick(when))
    saved = await get_document(world.chat.services.db, user.id, doc)
    assert saved is not None and saved.next_remind_at == int(when.timestamp()) + 60
    [ok] = await world.tick(when + timedelta(seconds=61))
    assert ok.status == 200 and not ok.broken and "7 days" in ok.text
    assert len(await reminders_sent_for(world.chat.services.db, doc)) == 1


async def test_the_reminder_check_keeps_its_pace_when_the_wall_clock_jumps_back(
    world: World,
) -> None:
    user = FakeUser(id=4, language_code="en")
    expiry = START.date() + timedelta(days=10)
    await world.save(user, "visa", expiry)
    due = at(expiry - timedelta(days=7), 10, MOSCOW)
    reminders, telegram = world.chat.services.reminders, world.chat.telegram
    runs: list[datetime] = []
    mark = len(telegram.calls)

    def sent() -> list[ApiCall]:
        return [c for c in telegram.calls[mark:] if c.method == "sendMessage"]

    async def check() -> None:
        runs.append(world.clock.now())
        await reminders.send_due(world.clock.now())

    world.clock.set(due - timedelta(minutes=1))
    ticker = Ticker(check, interval=0.02)
    ticker.start()
    try:
        await asyncio.sleep(0.1)
        world.clock.set(due - timedelta(days=1))  # the wall clock jumps back a day
        jumped = len(runs)
        await asyncio.sleep(0.3)
        assert len(runs) - jumped >= 5  # still checking every interval
        assert sent() == []
        world.clock.set(due)  # and forward again: the next check finds the reminder due
        reminder = await telegram.wait_for(
            lambda c: c.method == "sendMessage" and c.chat_id == 4, after=mark, timeout=2
        )
    finally:
        await ticker.stop()
    assert "7 days" in reminder.text
    await asyncio.sleep(0.1)
    assert sent() == [reminder]


@pytest.mark.parametrize("lang", ["en", "ru", "zh", "it"])
async def test_the_start_by_day_says_start_today(world: World, lang: str) -> None:
    t = world.chat.services.i18n.translator(lang)
    user = FakeUser(id=40 + len(lang) + ord(lang[0]), language_code=lang)
    expiry = START.date() + timedelta(days=50)  # visa: start 45 days before, reminded that day
    await world.save(user, "visa", expiry)
    [on_the_day] = await world.tick(at(expiry - timedelta(days=45), 10, MOSCOW))
    assert t("reminder-start-today") in on_the_day.text
    assert t("reminder-start-now") not in on_the_day.text
    [later] = await world.tick(at(expiry - timedelta(days=30), 10, MOSCOW))
    assert t("reminder-start-now") in later.text


def test_next_month_keeps_the_day_or_takes_the_months_last() -> None:
    from bot.schedule import next_month

    assert next_month(date(2026, 12, 5)) == date(2027, 1, 5)
    assert next_month(date(2027, 1, 31)) == date(2027, 2, 28)
    assert next_month(date(2028, 1, 30)) == date(2028, 2, 29)
