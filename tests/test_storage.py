from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storage.database import Database, SchemaTooNewError, migrations
from storage.questions import LoggedQuestion, log_question, recent_questions
from storage.users import get_user, mark_blocked, set_language, set_timezone, touch_user


async def open_db(path: Path) -> Database:
    db = Database(path)
    await db.connect()
    return db


async def test_fresh_file_reaches_the_latest_schema_with_wal_and_foreign_keys(
    tmp_path: Path,
) -> None:
    db = await open_db(tmp_path / "a.db")
    assert await db.schema_version() == migrations()[-1][0]
    async with db.conn.execute("PRAGMA journal_mode") as cur:
        assert (await cur.fetchone())[0] == "wal"
    async with db.conn.execute("PRAGMA foreign_keys") as cur:
        assert (await cur.fetchone())[0] == 1
    await db.close()


async def test_an_older_schema_is_upgraded_in_place_keeping_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    first = migrations()[0][1].read_text()
    with sqlite3.connect(path) as conn:
        conn.executescript(first + "\nPRAGMA user_version = 1;")
        conn.execute("INSERT INTO users (id, first_seen, last_seen) VALUES (7, 1, 1)")
    db = await open_db(path)
    assert await db.schema_version() == migrations()[-1][0]
    assert (await get_user(db, 7)) is not None
    await db.close()


async def test_a_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 999")
    with pytest.raises(SchemaTooNewError, match=r"999.*newer version of the bot"):
        await open_db(path)


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


async def test_users_are_created_touched_and_updated(tmp_path: Path) -> None:
    db = await open_db(tmp_path / "u.db")
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
    await db.close()


async def test_questions_are_logged_and_cut_to_a_sane_length(tmp_path: Path) -> None:
    db = await open_db(tmp_path / "q.db")
    await touch_user(db, 1, "A", "en", now=1)
    await log_question(db, LoggedQuestion(1, 10, "hello", "en", None, 0.0, "declined"))
    await log_question(db, LoggedQuestion(1, 20, "x" * 5000, "en", "stay-90-180", 0.9, "answered"))
    rows = await recent_questions(db, since=15)
    assert [(r.topic_id, r.outcome, len(r.text)) for r in rows] == [
        ("stay-90-180", "answered", 1000)
    ]
    await db.close()


async def test_deleting_a_user_deletes_their_questions(tmp_path: Path) -> None:
    db = await open_db(tmp_path / "c.db")
    await touch_user(db, 1, "A", "en", now=1)
    await log_question(db, LoggedQuestion(1, 10, "q", "en", None, 0.0, "declined"))
    async with db.write() as conn:
        await conn.execute("DELETE FROM users WHERE id = 1")
    assert await recent_questions(db, since=0) == []
    await db.close()
