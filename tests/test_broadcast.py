"""Broadcasts: composing, audiences, delivery at the cap, 429/403, cancel, crash and schedule."""

from __future__ import annotations

import asyncio
import bisect
import time
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.broadcasts import BroadcastEngine
from bot.i18n import I18n
from bot.local_api import ApiCall, FakeUser, LocalTelegram
from bot.preferences import language_of
from handlers.broadcast import parse_send_at
from storage.broadcasts import (
    DELIVERY_LEASE,
    Segment,
    audience_size,
    broadcasts_with_status,
    create_broadcast,
    delivery_counts,
    get_broadcast,
    record_and_claim,
    reschedule,
    start_sending,
)
from storage.database import Database
from storage.documents import add_document
from storage.privacy import export_user, forget_user
from storage.users import get_user, get_users, mark_blocked, set_language, touch_user
from tests.bot_process import BotProcess
from tests.fake_telegram_server import TEST_TOKEN, FakeTelegramServer
from tests.harness import START, Chat, make_services, replies

OPERATOR = FakeUser(id=1, first_name="Olga", language_code="en")
SENDING = {"copyMessage", "sendMessage", "editMessageText"}
NOW = int(START.timestamp())
FIRST = 100_000


def max_in_window(times: list[float], window: float = 1.0) -> int:
    times = sorted(times)
    return max((bisect.bisect_left(times, t + window) - i for i, t in enumerate(times)), default=0)


def copies(calls: list[ApiCall]) -> Counter[int]:
    """Successful copies per recipient (the operator's previews left out)."""
    return Counter(
        c.chat_id
        for c in calls
        if c.method == "copyMessage" and c.status == 200 and c.chat_id != OPERATOR.id
    )


async def seed(db: Database, users: int, now: int = NOW) -> list[int]:
    await touch_user(db, OPERATOR.id, OPERATOR.first_name, "en", now)
    ids = [FIRST + i for i in range(users)]
    for user_id in ids:
        await touch_user(db, user_id, "U", "ru" if user_id % 2 else "en", now)
    return ids


def engine_of(chat: Chat) -> BroadcastEngine:
    return chat.services.broadcasts


async def broadcast_to_all(db: Database) -> int:
    """A draft: operator 1's message 9, to everyone."""
    return await create_broadcast(
        db, operator_id=1, from_chat_id=1, message_id=9, segment=Segment("all"), now=NOW
    )


async def cancel_once_sending(
    chat: Chat, i18n: I18n, broadcast_id: int, after_seconds: float
) -> int:
    """Launches the broadcast, lets it send for `after_seconds`, has the operator cancel it and
    waits for the engine to stop; returns where the broadcast's calls start."""
    start = len(chat.telegram.calls)
    task = engine_of(chat).launch(broadcast_id)
    await chat.telegram.wait_for(lambda c: c.method == "copyMessage", after=start)
    await asyncio.sleep(after_seconds)
    [answer] = replies(await chat.say(OPERATOR, "/broadcast_cancel"))
    assert answer.text == i18n.translator("en")("broadcast-cancelled", id=broadcast_id)
    await asyncio.wait_for(task, 30)
    return start


async def operator_chat(database_url: str, **env: str) -> AsyncIterator[Chat]:
    chat = Chat(make_services(database_url, ADMIN_IDS=str(OPERATOR.id), **env))
    await chat.start()
    try:
        yield chat
    finally:
        await chat.close()


@pytest.fixture
async def fast(database_url: str) -> AsyncIterator[Chat]:
    async for chat in operator_chat(
        database_url, ALLOW_PAID_BROADCAST="true", BROADCAST_RATE="1000"
    ):
        yield chat


@pytest.fixture
async def capped(database_url: str) -> AsyncIterator[Chat]:
    async for chat in operator_chat(database_url, BROADCAST_RATE="25"):
        yield chat


async def report(telegram: LocalTelegram, after: int = 0, timeout: float = 60) -> ApiCall:
    return await telegram.wait_for(
        lambda c: c.method == "sendMessage" and c.text.startswith(("🏁", "⛔ <b>")),
        after=after,
        timeout=timeout,
    )


# --- composing ------------------------------------------------------------------------------------


async def test_compose_preview_audience_and_confirm(fast: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    db = fast.services.db
    ids = await seed(db, 6)
    russian = [i for i in ids if i % 2]

    [ask] = replies(await fast.say(OPERATOR, "/broadcast"))
    assert ask.text == t("broadcast-ask-message")
    photo = [{"file_id": "p1", "file_unique_id": "u1", "width": 10, "height": 10}]
    update = fast.telegram.send_content(
        OPERATOR,
        photo=photo,
        caption="Office closed on Friday",
        caption_entities=[{"type": "bold", "offset": 0, "length": 6}],
    )
    calls = await fast.deliver()
    [preview] = [c for c in calls if c.method == "copyMessage"]
    assert preview.chat_id == OPERATOR.id
    assert int(preview.params["from_chat_id"]) == OPERATOR.id
    assert int(preview.params["message_id"]) == update["message"]["message_id"]
    assert replies(calls)[-1].text == t("broadcast-preview-above")

    await fast.press(OPERATOR, t("broadcast-seg-lang"))
    [audience] = replies(await fast.press(OPERATOR, "Русский"))
    assert "<b>3</b>" in audience.text
    assert t("broadcast-btn-confirm") in [b["text"] for b in audience.buttons]

    start = len(fast.telegram.calls)
    [started] = replies(await fast.press(OPERATOR, t("broadcast-btn-confirm")))
    assert started.text.startswith("🚀")
    done = await report(fast.telegram, start)
    assert "3 of 3" in done.text
    sent = copies(fast.telegram.calls[start:])
    assert sent == Counter(russian)
    copy = next(c for c in fast.telegram.calls[start:] if c.method == "copyMessage")
    assert int(copy.params["message_id"]) == update["message"]["message_id"]
    assert copy.params.get("allow_paid_broadcast") in (True, "true", "True")
    [broadcast] = await broadcasts_with_status(db, "done")
    assert (broadcast.total, broadcast.sent, broadcast.segment) == (3, 3, Segment("lang", "ru"))
    # The preview shows, progress is edited into a final state, the state is cleared.
    assert any(c.method == "editMessageText" and "finished" in c.text for c in fast.telegram.calls)


async def test_a_double_tap_on_send_now_sends_one_broadcast(fast: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    ids = await seed(fast.services.db, 3)
    await fast.say(OPERATOR, "/broadcast")
    await fast.say(OPERATOR, "Hello everyone")
    await fast.press(OPERATOR, t("broadcast-seg-all"))
    start = len(fast.telegram.calls)
    fast.telegram.press_button(OPERATOR, t("broadcast-btn-confirm"))
    fast.telegram.press_button(OPERATOR, t("broadcast-btn-confirm"))
    await fast.deliver_at_once()
    await report(fast.telegram, start)
    assert len(await broadcasts_with_status(fast.services.db, "draft", "sending", "done")) == 1
    assert set(copies(fast.telegram.calls[start:]).values()) == {1}
    assert set(copies(fast.telegram.calls[start:])) == set(ids)


async def test_typed_days_and_cancelling_a_draft(fast: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    await seed(fast.services.db, 4)
    await fast.say(OPERATOR, "/broadcast")
    await fast.say(OPERATOR, "Hello <b>everyone</b>")
    await fast.press(OPERATOR, t("broadcast-seg-active"))
    [bad] = replies(await fast.say(OPERATOR, "soon"))
    assert bad.text == t("broadcast-bad-days", max=3650)
    for typed in ("²", "٣", "9" * 25):  # str.isdigit() says yes to all three
        [bad] = replies(await fast.say(OPERATOR, typed))
        assert bad.text == t("broadcast-bad-days", max=3650)
    [audience] = replies(await fast.say(OPERATOR, "10"))
    assert "within the last 10 days" in audience.text and "<b>5</b>" in audience.text
    [cancelled] = replies(await fast.press(OPERATOR, t("broadcast-btn-cancel")))
    assert cancelled.text == t("broadcast-draft-cancelled")
    assert await broadcasts_with_status(fast.services.db, "draft", "sending", "done") == []


async def test_non_operators_cannot_broadcast(fast: Chat, i18n: I18n) -> None:
    stranger = FakeUser(id=5, language_code="en")
    answers = replies(await fast.say(stranger, "/broadcast"))
    assert answers and all(
        a.text != i18n.translator("en")("broadcast-ask-message") for a in answers
    )
    [nothing] = replies(await fast.say(stranger, "/broadcast_cancel"))
    assert nothing.text != i18n.translator("en")("broadcast-nothing-to-cancel")


async def test_send_at_is_scheduled_in_the_operators_time_zone(fast: Chat, i18n: I18n) -> None:
    t = i18n.translator("en")
    await seed(fast.services.db, 2)
    await fast.say(OPERATOR, "/broadcast")
    await fast.say(OPERATOR, "Reminder: new rules from December")
    await fast.press(OPERATOR, t("broadcast-seg-all"))
    [ask] = replies(await fast.press(OPERATOR, t("broadcast-btn-later")))
    assert "Europe/Moscow" in ask.text
    [past] = replies(await fast.say(OPERATOR, "01.01.2020 10:00"))
    assert past.text == t("broadcast-past-time")
    [done] = replies(await fast.say(OPERATOR, "25.12.2026 18:30"))
    assert done.text.startswith("🕒") and "18:30" in done.text
    [broadcast] = await broadcasts_with_status(fast.services.db, "scheduled")
    expected = datetime(2026, 12, 25, 18, 30, tzinfo=ZoneInfo("Europe/Moscow"))
    assert broadcast.send_at == int(expected.timestamp())
    job = fast.services.scheduler.get_job(f"broadcast-{broadcast.id}")
    assert job is not None
    [cancelled] = replies(await fast.say(OPERATOR, "/broadcast_cancel"))
    assert cancelled.text == t("broadcast-cancelled", id=broadcast.id)
    assert fast.services.scheduler.get_job(f"broadcast-{broadcast.id}") is None
    assert (await get_broadcast(fast.services.db, broadcast.id)).status == "cancelled"


def test_parse_send_at() -> None:
    moscow = ZoneInfo("Europe/Moscow")
    now = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)  # 12:00 in Moscow
    assert parse_send_at("18:30", "en", now, moscow) == datetime(
        2026, 11, 21, 18, 30, tzinfo=moscow
    )
    assert parse_send_at("11:00", "en", now, moscow) == datetime(2026, 11, 22, 11, 0, tzinfo=moscow)
    assert parse_send_at("25 декабря 9:05", "ru", now, moscow) == datetime(
        2026, 12, 25, 9, 5, tzinfo=moscow
    )
    assert parse_send_at("2027-01-02 00:00", "it", now, moscow) == datetime(
        2027, 1, 2, tzinfo=moscow
    )
    assert parse_send_at("25:00", "en", now, moscow) is None
    assert parse_send_at("tomorrow", "en", now, moscow) is None


# --- audiences --------------------------------------------------------------------------------


async def test_segment_sizes(fast: Chat) -> None:
    db = fast.services.db
    today = date(2026, 11, 21)
    people = {
        201: "ru",
        202: "ru-RU",
        203: "zh-hans",
        204: "it",
        205: "de",  # unsupported: the bot speaks English to them
        206: None,
        207: "en",
    }
    for user_id, code in people.items():
        await touch_user(db, user_id, "U", code, NOW - 86400 * (user_id - 200))
    await set_language(db, 207, "it")  # chosen beats Telegram's
    await add_document(db, 201, "visa", "", today + timedelta(days=10), NOW, None)
    await add_document(db, 202, "visa", "", today + timedelta(days=40), NOW, None)
    await add_document(db, 203, "patent", "", today - timedelta(days=1), NOW, None)
    await add_document(db, 204, "rvp", "", today + timedelta(days=3), NOW, None)
    await mark_blocked(db, 204)

    async def size(kind: str, value: str | int | None = None, default: str = "en") -> int:
        segment = Segment(kind, value)  # type: ignore[arg-type]
        return await audience_size(db, segment, NOW, today, default_language=default)

    assert await size("all") == 6
    assert await size("lang", "ru") == 2
    assert await size("lang", "zh") == 1
    assert await size("lang", "it") == 1  # 207 chose Italian; 204 is blocked
    assert await size("lang", "en") == 2  # 205 (German) and 206 (no language)
    assert await size("doc", "visa") == 2
    assert await size("doc", "patent") == 1
    assert await size("doc", "rvp") == 0  # blocked
    assert await size("expiring", 30) == 1
    assert await size("expiring", 45) == 2
    assert await size("active", 3) == 3  # 201, 202, 203 were seen within three days
    assert await size("active", 30) == 6
    # DEFAULT_LANGUAGE=ru: the German and the unknown speak Russian with the bot, so a broadcast
    # to Russian speakers reaches them, exactly as bot.preferences.language_of decides.
    assert await size("lang", "ru", default="ru") == 4
    assert await size("lang", "en", default="ru") == 0
    for default in ("en", "ru", "zh"):
        settings = replace(fast.services.settings, default_language=default)
        reached = await get_users(db, [i for i in people if i != 204])
        spoken = Counter(language_of(user, settings) for user in reached)
        languages = ("en", "ru", "zh", "it")
        assert [await size("lang", lang, default) for lang in languages] == [
            spoken[lang] for lang in languages
        ]


# --- delivery in this process ------------------------------------------------------------------


async def test_thousand_users_with_429_403_and_a_flaky_error(fast: Chat) -> None:
    db, telegram = fast.services.db, fast.telegram
    ids = await seed(db, 1000)
    gone = set(ids[::37])
    telegram.blocked |= gone
    telegram.fail_next("copyMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    telegram.fail_next("copyMessage", 500, "Internal Server Error", times=2)
    broadcast_id = await broadcast_to_all(db)
    start = len(telegram.calls)
    ended = await engine_of(fast).run(broadcast_id)
    assert ended is not None and ended.status == "done"
    sent = copies(telegram.calls[start:])
    assert set(sent) == set(ids) - gone and set(sent.values()) == {1}
    assert (ended.total, ended.sent, ended.blocked, ended.failed) == (
        1001,
        1001 - len(gone),
        len(gone),
        0,
    )
    assert fast.services.sender.retries_after_429 == 1
    for user_id in list(gone)[:5]:
        assert (await get_user(db, user_id)).blocked
    counts = await delivery_counts(db, broadcast_id)
    assert counts["blocked"] == len(gone) and counts["pending"] == counts["sending"] == 0
    text = (await report(telegram, start)).text
    assert f"{1001 - len(gone)} of 1,001" in text and f"blocked the bot: {len(gone)}" in text
    assert "twice" not in text


async def test_the_cap_holds_in_every_one_second_window(capped: Chat) -> None:
    db, telegram = capped.services.db, capped.telegram
    await seed(db, 70)
    broadcast_id = await broadcast_to_all(db)
    start = len(telegram.calls)
    await engine_of(capped).run(broadcast_id)
    calls = [c for c in telegram.calls[start:] if c.method in SENDING]
    assert set(copies(calls).values()) == {1} and len(copies(calls)) == 70
    assert max_in_window([c.at for c in calls]) <= 25
    # How close to the cap it gets is a speed figure: bench/broadcast.py prints it.


async def test_broadcast_cancel_stops_sending(capped: Chat, i18n: I18n) -> None:
    db, telegram = capped.services.db, capped.telegram
    await seed(db, 200)
    broadcast_id = await broadcast_to_all(db)
    start = await cancel_once_sending(capped, i18n, broadcast_id, after_seconds=1.0)
    final = await report(telegram, start)
    assert final.text.startswith("⛔")
    sent_before = sum(copies(telegram.calls[start:]).values())
    await asyncio.sleep(0.5)
    assert sum(copies(telegram.calls[start:]).values()) == sent_before
    assert 10 <= sent_before < 100
    broadcast = await get_broadcast(db, broadcast_id)
    assert broadcast is not None and broadcast.status == "cancelled"
    assert broadcast.sent == sent_before + 1  # the operator is a user too, and first in line
    counts = await delivery_counts(db, broadcast_id)
    assert counts["sending"] == 0 and counts["pending"] == 201 - broadcast.sent
    [nothing] = replies(await capped.say(OPERATOR, "/broadcast_cancel"))
    assert nothing.text == i18n.translator("en")("broadcast-nothing-to-cancel")


# --- the whole bot process ---------------------------------------------------------------------


async def seeded_db(path: Path, users: int, scheduled_in: float | None = None) -> list[int]:
    db = Database(path)
    await db.connect()
    try:
        ids = await seed(db, users, int(time.time()))
        if scheduled_in is not None:
            await create_broadcast(
                db,
                operator_id=1,
                from_chat_id=1,
                message_id=9,
                segment=Segment("all"),
                now=int(time.time()),
                send_at=int(time.time() + scheduled_in),
            )
    finally:
        await db.close()
    return ids


async def uncertain_of(path: Path) -> int:
    db = Database(path)
    await db.connect()
    try:
        [broadcast] = await broadcasts_with_status(db, "done")
    finally:
        await db.close()
    return broadcast.uncertain


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegramServer]:
    async with FakeTelegramServer() as server:
        yield server


def bot_process(server: FakeTelegramServer, tmp_path: Path, rate: int) -> BotProcess:
    return BotProcess(
        {
            "BOT_TOKEN": TEST_TOKEN,
            "TELEGRAM_API_URL": server.url,
            "DATABASE_PATH": str(tmp_path / "bot.db"),
            "LOG_LEVEL": "INFO",
            "ADMIN_IDS": str(OPERATOR.id),
            "ALLOW_PAID_BROADCAST": "true" if rate > 30 else "false",
            "BROADCAST_RATE": str(rate),
        },
        tmp_path / "bot.log",
    )


async def compose_and_send(telegram: LocalTelegram) -> None:
    start = len(telegram.calls)
    telegram.send_text(OPERATOR, "/broadcast")
    await telegram.wait_for(lambda c: c.method == "sendMessage", after=start)
    telegram.send_text(OPERATOR, "<b>Notice</b>: the office is closed on Friday.")
    await telegram.wait_for(lambda c: c.method == "copyMessage", after=start)
    await telegram.wait_for(lambda c: "Who should get it" in c.text, after=start)
    telegram.press_button(OPERATOR, "Everyone")
    await telegram.wait_for(lambda c: "Recipients:" in c.text, after=start)
    telegram.press_button(OPERATOR, "Send now")


async def test_e2e_thousand_users_429_403_under_the_cap(
    server: FakeTelegramServer, tmp_path: Path
) -> None:
    telegram = server.telegram
    ids = await seeded_db(tmp_path / "bot.db", 1000)
    gone = set(ids[5::50])
    telegram.blocked |= gone
    process = bot_process(server, tmp_path, rate=200)
    process.start()
    try:
        await server.wait_for_poll(since=0)
        start = len(telegram.calls)
        await compose_and_send(telegram)
        await telegram.wait_for(
            lambda c: c.method == "copyMessage" and c.chat_id != 1, after=start, timeout=10
        )
        telegram.fail_next("copyMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
        final = await report(telegram, start, timeout=60)
        assert "blocked the bot: 20" in final.text and "981 of 1,001" in final.text
        sent = copies(telegram.calls[start:])
        assert set(sent) == set(ids) - gone and max(sent.values()) == 1
        assert any(c.status == 429 for c in telegram.calls[start:])
        stamps = [c.at for c in telegram.calls[start:] if c.method in SENDING]
        assert max_in_window(stamps) <= 200
        assert await process.stop() == 0
    finally:
        if process.proc and process.proc.poll() is None:
            process.kill()
    db = Database(tmp_path / "bot.db")
    await db.connect()
    try:
        assert all([(await get_user(db, u)).blocked for u in gone])  # type: ignore[union-attr]
    finally:
        await db.close()


async def test_e2e_kill_9_mid_broadcast_resumes_without_skipping(
    server: FakeTelegramServer, tmp_path: Path
) -> None:
    telegram = server.telegram
    ids = await seeded_db(tmp_path / "bot.db", 1000)
    process = bot_process(server, tmp_path, rate=150)
    process.start()
    try:
        await server.wait_for_poll(since=0)
        start = len(telegram.calls)
        await compose_and_send(telegram)
        while sum(copies(telegram.calls[start:]).values()) < 300:  # noqa: ASYNC110
            await asyncio.sleep(0.02)
        process.kill()
        before = sum(copies(telegram.calls[start:]).values())
        assert before < 1000
        restart = len(telegram.calls)
        process.start()
        final = await report(telegram, restart, timeout=60)
        per_user = copies(telegram.calls[start:])
        assert set(per_user) == set(ids)  # nobody skipped
        twice = sum(n - 1 for n in per_user.values())
        uncertain = await uncertain_of(tmp_path / "bot.db")
        assert twice <= uncertain < 200
        if uncertain:
            twice_line = I18n().translator("en")("broadcast-report-twice", count=uncertain)
            assert twice_line in final.text and f"{uncertain} message" in twice_line
        assert "1,001 of 1,001" in final.text
        assert await process.stop() == 0
    finally:
        if process.proc and process.proc.poll() is None:
            process.kill()


async def test_e2e_scheduled_broadcast_survives_a_restart(
    server: FakeTelegramServer, tmp_path: Path
) -> None:
    telegram = server.telegram
    db_path = tmp_path / "bot.db"
    ids = await seeded_db(db_path, 20)
    process = bot_process(server, tmp_path, rate=25)
    process.start()
    try:
        await server.wait_for_poll(since=0, timeout=60)
        start = len(telegram.calls)
        telegram.send_text(OPERATOR, "/broadcast")
        await telegram.wait_for(lambda c: c.method == "sendMessage", after=start)
        telegram.send_text(OPERATOR, "Our office moves to Tverskaya 1 next week.")
        await telegram.wait_for(lambda c: "Who should get it" in c.text, after=start)
        telegram.press_button(OPERATOR, "Everyone")
        await telegram.wait_for(lambda c: "Recipients:" in c.text, after=start)
        telegram.press_button(OPERATOR, "Send at")
        await telegram.wait_for(lambda c: "time zone" in c.text, after=start, timeout=20)
        telegram.send_text(OPERATOR, "23:59")
        await telegram.wait_for(lambda c: c.text.startswith("🕒"), after=start)
        assert await process.stop() == 0
        assert copies(telegram.calls) == Counter()

        # While the bot is down its time comes (the clock moves on: the send time is now past).
        db = Database(db_path)
        await db.connect()
        try:
            [scheduled] = await broadcasts_with_status(db, "scheduled")
            assert scheduled.send_at is not None and scheduled.send_at > time.time()
            assert await reschedule(db, scheduled.id, int(time.time()) - 60)
        finally:
            await db.close()
        restart = len(telegram.calls)
        process.start()
        final = await report(telegram, restart, timeout=60)
        assert "21 of 21" in final.text
        assert copies(telegram.calls) == Counter(ids)
        assert await process.stop() == 0
    finally:
        if process.proc and process.proc.poll() is None:
            process.kill()


async def test_unreadable_answers_fail_deliveries_and_the_broadcast_still_finishes(
    fast: Chat,
) -> None:
    db, telegram = fast.services.db, fast.telegram
    ids = await seed(db, 30)
    # more broken answers than workers: each used to kill the worker that got it
    workers, _ = engine_of(fast)._pool_size()
    for how in ("garbage", "html", "reset", "redirects"):
        telegram.break_next("copyMessage", how, times=workers)  # type: ignore[arg-type]
    broadcast_id = await broadcast_to_all(db)
    start = len(telegram.calls)
    ended = await asyncio.wait_for(engine_of(fast).run(broadcast_id), 60)
    assert ended is not None and ended.status == "done"
    assert ended.sent + ended.failed == len(ids) + 1
    counts = await delivery_counts(db, broadcast_id)
    assert counts["pending"] == counts["sending"] == 0
    text = (await report(telegram, start)).text
    assert TEST_TOKEN not in text


async def test_cancel_ends_a_broadcast_whose_answers_keep_breaking(
    capped: Chat, i18n: I18n
) -> None:
    db, telegram = capped.services.db, capped.telegram
    await seed(db, 50)
    telegram.break_next("copyMessage", "garbage", times=10_000)
    broadcast_id = await broadcast_to_all(db)
    start = await cancel_once_sending(capped, i18n, broadcast_id, after_seconds=0.5)
    assert (await report(telegram, start)).text.startswith("⛔")
    counts = await delivery_counts(db, broadcast_id)
    assert counts["sending"] == 0


async def test_an_operators_forget_removes_their_drafts_not_what_was_sent(fast: Chat) -> None:
    db = fast.services.db
    await seed(db, 2)
    segment = Segment("all")
    draft = await create_broadcast(
        db, operator_id=1, from_chat_id=1, message_id=9, segment=segment, now=NOW
    )
    sent = await create_broadcast(
        db, operator_id=1, from_chat_id=1, message_id=8, segment=segment, now=NOW
    )
    await engine_of(fast).run(sent)
    assert [b["id"] for b in (await export_user(db, OPERATOR.id))["broadcasts"]] == [draft, sent]
    await forget_user(db, OPERATOR.id)
    assert await get_broadcast(db, draft) is None
    ended = await get_broadcast(db, sent)
    assert ended is not None and ended.status == "done"


def test_parse_send_at_understands_day_words_in_every_language() -> None:
    moscow = ZoneInfo("Europe/Moscow")
    now = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)  # Saturday, 12:00 in Moscow
    tomorrow_10 = datetime(2026, 11, 22, 10, 0, tzinfo=moscow)
    for text, lang in (
        ("tomorrow 10:00", "en"),
        ("Завтра 10:00", "ru"),
        ("明天10:00", "zh"),
        ("domani 10:00", "it"),
        ("sunday 10:00", "en"),
        ("в воскресенье 10:00", "ru"),
        ("周日 10:00", "zh"),
        ("domenica 10:00", "it"),
    ):
        assert parse_send_at(text, lang, now, moscow) == tomorrow_10, text
    for text, lang, (day, hour, minute) in (
        ("послезавтра 9:30", "ru", (23, 9, 30)),
        ("today 18:00", "en", (21, 18, 0)),
        ("on Friday 18:30", "en", (27, 18, 30)),
        # the same weekday: later today, or next week once the hour has passed
        ("saturday 18:00", "en", (21, 18, 0)),
        ("venerdì 9:00", "it", (27, 9, 0)),
        ("sabato 11:00", "it", (28, 11, 0)),
    ):
        expected = datetime(2026, 11, day, hour, minute, tzinfo=moscow)
        assert parse_send_at(text, lang, now, moscow) == expected, text
    assert parse_send_at("someday 10:00", "en", now, moscow) is None


async def test_deliveries_a_dead_process_claimed_are_sent_once_their_lease_passes(
    fast: Chat, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.broadcasts.ELSEWHERE_POLL_SECONDS", 0.05)
    db, telegram, clock = fast.services.db, fast.telegram, fast.services.clock
    ids = await seed(db, 30)
    broadcast_id = await broadcast_to_all(db)
    assert await start_sending(db, broadcast_id, NOW, START.date(), default_language="en")
    dead = Database(database_url)  # another process, which claims 5 and dies
    await dead.connect()
    held = await record_and_claim(dead, broadcast_id, [], 5, NOW)
    await dead.close()
    start = len(telegram.calls)
    run = asyncio.create_task(engine_of(fast).run(broadcast_id))
    if not db.single_process:  # PostgreSQL: the claims may be a live process's until they expire
        others = set(ids) - set(held)
        while not others <= set(copies(telegram.calls[start:])):  # noqa: ASYNC110
            await asyncio.sleep(0.02)
        await asyncio.sleep(0.2)
        assert not run.done() and not set(held) & set(copies(telegram.calls[start:]))
        clock.advance(timedelta(seconds=DELIVERY_LEASE))  # type: ignore[attr-defined]
    # (SQLite: one process owns the file, so the dead one's claims were taken over at once.)
    ended = await asyncio.wait_for(run, 30)
    assert ended is not None and ended.status == "done"
    sent = copies(telegram.calls[start:])
    assert set(sent) == set(ids) and set(sent.values()) == {1}
    assert (ended.total, ended.sent, ended.uncertain) == (len(ids) + 1, len(ids) + 1, len(held))
