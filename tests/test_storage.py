from __future__ import annotations

import asyncio
import re
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import asyncpg
import pytest
from aiogram.fsm.storage.base import StorageKey

from storage.broadcasts import Segment, create_broadcast, get_broadcast
from storage.database import Database, SchemaTooNewError, migrations
from storage.documents import add_document, get_document
from storage.fsm import DatabaseStorage
from storage.handoff import open_thread, record_message, set_card, thread_for_message
from storage.inbox import next_offset, receive_updates
from storage.questions import LoggedQuestion, log_question, recent_questions
from storage.stats import gather_stats
from storage.users import get_user, mark_blocked, set_language, set_timezone, touch_user
from tests.databases import fresh_postgresql_database

BIG_USER = 7000000001  # past 2^32: user ids given out since 2021
GROUP = -1001234567890  # a supergroup's chat id


async def open_db(target: Path | str) -> Database:
    db = Database(target)
    await db.connect()
    return db


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    db = await open_db(database_url)
    yield db
    await db.close()


def test_every_migration_is_written_once_in_each_dialects_words() -> None:
    sqlite, postgresql = migrations("sqlite"), migrations("postgresql")
    assert [m.name for m in sqlite] == [m.name for m in postgresql]
    users = sqlite[0].sql, postgresql[0].sql
    assert "id          INTEGER PRIMARY KEY," in users[0]
    assert "id          BIGINT PRIMARY KEY," in users[1]
    assert not [m.name for m in sqlite + postgresql if re.search(r"\{\w+\}", m.sql)]


def test_a_dialects_part_without_its_migration_or_an_unknown_word_is_refused(
    tmp_path: Path,
) -> None:
    (tmp_path / "0001_a.sql").write_text("CREATE TABLE a (x {bigint});")
    (tmp_path / "sqlite").mkdir()
    (tmp_path / "sqlite" / "0001_a.sql").write_text("CREATE INDEX a_x ON a(x);")
    assert [m.sql for m in migrations("sqlite", tmp_path)] == [
        "CREATE TABLE a (x INTEGER);\nCREATE INDEX a_x ON a(x);"
    ]
    assert [m.sql for m in migrations("postgresql", tmp_path)] == ["CREATE TABLE a (x BIGINT);"]
    (tmp_path / "sqlite" / "0002_b.sql").write_text("SELECT 1;")
    with pytest.raises(RuntimeError, match=r"sqlite parts without a migration.*0002_b"):
        migrations("sqlite", tmp_path)
    (tmp_path / "sqlite" / "0002_b.sql").unlink()
    (tmp_path / "0002_b.sql").write_text("CREATE TABLE b (x {int128});")
    with pytest.raises(RuntimeError, match=r"unknown dialect word \{int128\}"):
        migrations("postgresql", tmp_path)


async def test_a_fresh_database_reaches_the_latest_schema_on_each_engine(db: Database) -> None:
    assert await db.schema_version() == migrations()[-1].version


async def test_fresh_file_reaches_the_latest_schema_with_wal_and_foreign_keys(
    tmp_path: Path,
) -> None:
    db = await open_db(tmp_path / "a.db")
    assert await db.schema_version() == migrations()[-1].version
    async with db.conn.execute("PRAGMA journal_mode") as cur:
        assert (await cur.fetchone())[0] == "wal"
    async with db.conn.execute("PRAGMA foreign_keys") as cur:
        assert (await cur.fetchone())[0] == 1
    await db.close()


async def test_an_older_schema_is_upgraded_in_place_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    first = migrations("sqlite")[0].sql
    with sqlite3.connect(path) as conn:
        conn.executescript(first + "\nPRAGMA user_version = 1;")
        conn.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (7, 1, 1)")
    db = await open_db(path)
    assert await db.schema_version() == migrations()[-1].version
    assert (await get_user(db, 7)) is not None
    await db.close()


async def test_a_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(SchemaTooNewError, match=r"999.*newer version of the bot"):
        await open_db(path)


async def test_a_newer_postgresql_schema_is_refused_and_left_as_it_was() -> None:
    async with fresh_postgresql_database() as url:
        db = await open_db(url)
        await db.close()
        conn = await asyncpg.connect(url)
        try:
            await conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (999, 0)")
        finally:
            await conn.close()
        with pytest.raises(SchemaTooNewError, match=r"999.*newer version of the bot"):
            await open_db(url)
        conn = await asyncpg.connect(url)
        try:
            assert await conn.fetchval("SELECT MAX(version) FROM schema_version") == 999
        finally:
            await conn.close()


async def test_an_older_postgresql_schema_is_upgraded_in_place_keeping_its_rows() -> None:
    async with fresh_postgresql_database() as url:
        first = migrations("postgresql")[0].sql
        conn = await asyncpg.connect(url)
        try:
            await conn.execute(first)
            await conn.execute(
                "CREATE TABLE schema_version"
                " (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL);"
                "INSERT INTO schema_version VALUES (1, 0);"
                "INSERT INTO users (id, first_seen, last_seen) VALUES (7000000001, 1, 1)"
            )
        finally:
            await conn.close()
        db = await open_db(url)
        try:
            assert await db.schema_version() == migrations()[-1].version
            assert (await get_user(db, BIG_USER)) is not None
        finally:
            await db.close()


async def test_processes_opening_a_fresh_file_at_once_migrate_it_once(tmp_path: Path) -> None:
    """Two workers started together, or a new process started before the old one stopped: the
    second waits for the first's migration and then finds it done."""
    for round_ in range(10):
        path = tmp_path / f"race{round_}.db"
        dbs = [Database(path) for _ in range(3)]
        await asyncio.gather(*(db.connect() for db in dbs))
        for db in dbs:
            assert await db.schema_version() == migrations()[-1].version
            await db.close()


async def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    bad = tmp_path / "migrations"
    bad.mkdir()
    (bad / "0001_ok.sql").write_text("CREATE TABLE a (x INTEGER);")
    (bad / "0002_broken.sql").write_text("CREATE TABLE b (x INTEGER); THIS IS NOT SQL;")
    db = Database(tmp_path / "m.db", migrations_dir=bad)
    with pytest.raises(sqlite3.OperationalError):
        await db.connect()
    with sqlite3.connect(tmp_path / "m.db") as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"a"}


async def test_users_are_created_touched_and_updated(db: Database) -> None:
    u, back = await touch_user(db, 5, "Ann", "ru", now=100)
    assert not back
    assert (u.first_seen, u.last_seen, u.language, u.tg_language, u.blocked) == (
        100,
        100,
        None,
        "ru",
        False,
    )
    await set_language(db, 5, "zh")
    await set_timezone(db, 5, "Asia/Shanghai")
    await mark_blocked(db, 5)
    assert (await get_user(db, 5)).blocked
    u, back = await touch_user(db, 5, "Ann B", None, now=200)
    assert back
    assert (u.first_seen, u.last_seen, u.first_name) == (100, 200, "Ann B")
    assert (u.language, u.timezone, u.tg_language, u.blocked) == (
        "zh",
        "Asia/Shanghai",
        "ru",
        False,
    )


async def test_questions_are_logged_and_cut_to_a_sane_length(db: Database) -> None:
    await touch_user(db, 1, "A", "en", now=1)
    await log_question(db, LoggedQuestion(1, 10, "hello", "en", None, 0.0, "declined"))
    await log_question(db, LoggedQuestion(1, 20, "x" * 5000, "en", "stay-90-180", 0.9, "answered"))
    rows = await recent_questions(db, since=15)
    assert [(r.topic_id, r.outcome, len(r.text)) for r in rows] == [
        ("stay-90-180", "answered", 1000)
    ]


async def test_deleting_a_user_deletes_their_questions(db: Database) -> None:
    await touch_user(db, 1, "A", "en", now=1)
    await log_question(db, LoggedQuestion(1, 10, "q", "en", None, 0.0, "declined"))
    async with db.write() as conn:
        await conn.execute("DELETE FROM users WHERE id = 1")
    assert await recent_questions(db, since=0) == []


async def test_telegram_ids_past_32_bits_fit_everywhere(db: Database) -> None:
    user, _ = await touch_user(db, BIG_USER, "Ann", "en", now=1)
    assert user.id == BIG_USER
    thread, _ = await open_thread(db, BIG_USER, GROUP, "hello", now=2)
    await set_card(db, thread.id, 4000000000, now=3)
    await record_message(db, GROUP, 4000000001, thread.id, "user", now=4)
    found = await thread_for_message(db, GROUP, 4000000001)
    assert found is not None and (found.user_id, found.chat_id) == (BIG_USER, GROUP)
    broadcast_id = await create_broadcast(
        db, operator_id=BIG_USER, from_chat_id=GROUP, message_id=9, segment=Segment(), now=5
    )
    broadcast = await get_broadcast(db, broadcast_id)
    assert broadcast is not None and (broadcast.operator_id, broadcast.from_chat_id) == (
        BIG_USER,
        GROUP,
    )
    storage = DatabaseStorage(db)
    key = StorageKey(bot_id=8000000002, chat_id=GROUP, user_id=BIG_USER, thread_id=3000000000)
    await storage.set_data(key, {"step": 1})
    assert await storage.get_data(key) == {"step": 1}
    assert await receive_updates(db, [(5000000000, "{}")], now=6) == {5000000000}
    assert await next_offset(db) == 5000000001
    late = 2**40  # times are 64-bit too
    await log_question(db, LoggedQuestion(BIG_USER, late, "q", "en", None, 0.0, "declined"))
    assert [q.asked_at for q in await recent_questions(db, since=late)] == [late]


async def test_new_rows_get_their_ids_from_returning(db: Database) -> None:
    await touch_user(db, 1, "A", "en", now=1)
    first = await add_document(db, 1, "visa", "a", date(2027, 1, 1), now=1, next_remind_at=None)
    second = await add_document(db, 1, "visa", "b", date(2027, 1, 2), now=1, next_remind_at=None)
    assert second > first > 0
    assert [(await get_document(db, 1, i)).label for i in (first, second)] == ["a", "b"]  # type: ignore[union-attr]
    thread, new = await open_thread(db, 1, GROUP, "q", now=1)
    assert new and thread.id > 0
    again, new = await open_thread(db, 1, GROUP, "q", now=2)
    assert not new and again.id == thread.id


async def test_statistics_are_counted_the_same_on_each_engine(db: Database) -> None:
    day = 86400
    now = 1_780_000_000  # 28 May 2026, 20:26 UTC
    midnight = now - now % day
    for user_id, seen in ((1, now), (2, now - 40 * day), (3, now)):
        await touch_user(db, user_id, "U", "ru" if user_id == 1 else "en", now=seen)
    await mark_blocked(db, 3)
    for expires in (date(2026, 5, 28), date(2026, 6, 3), date(2026, 6, 4), date(2026, 6, 20)):
        await add_document(db, 1, "visa", "", expires, now=now, next_remind_at=None)
    asked = [
        (midnight + 60, "Visa  Fine?", "declined"),
        (midnight + 120, "visa fine?", "declined"),
        (midnight - day + 60, "Штраф", "declined"),
        (midnight - day + 120, "how long", "answered"),
        (midnight + 180, "which", "suggested"),
    ]
    for at, text, outcome in asked:
        await log_question(db, LoggedQuestion(1, at, text, "en", None, 0.0, outcome))  # type: ignore[arg-type]
    stats = await gather_stats(db, datetime.fromtimestamp(now, UTC), question_days=3)
    users = {(u.tg_language, u.total, u.active, u.blocked) for u in stats.users}
    assert users == {("ru", 1, 1, 0), ("en", 2, 1, 1)}
    assert stats.documents_by_kind == {"visa": 4}
    assert (stats.expiring_7, stats.expiring_30) == (3, 4)
    assert stats.expiring_per_week[:4] == [2, 1, 0, 1] and sum(stats.expiring_per_week) == 4
    assert stats.outcomes == {"answered": 1, "suggested": 1, "declined": 3}
    assert stats.top_declined == [("visa fine?", 2), ("штраф", 1)]
    assert stats.questions_per_day == [
        (date(2026, 5, 26), 0, 0),
        (date(2026, 5, 27), 1, 1),
        (date(2026, 5, 28), 0, 2),
    ]
    assert stats.suggested_per_day == [0, 0, 1]
