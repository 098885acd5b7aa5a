"""Users: who talks to the bot, in which language and time zone, and whether they blocked it."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from storage.database import Database


@dataclass(frozen=True, slots=True)
class User:
    id: int
    first_name: str
    tg_language: str | None
    language: str | None
    timezone: str | None
    first_seen: int
    last_seen: int
    blocked: bool
    reminder_hour: int = 10
    reminder_days: tuple[int, ...] | None = None  # None: each document kind's own offsets
    news: bool = True  # False once the user turned off the agency's broadcasts


_COLUMNS = (
    "id, first_name, tg_language, language, timezone, first_seen, last_seen, blocked,"
    " reminder_hour, reminder_days, news"
)


def _user(row: object) -> User:
    r = tuple(row)  # type: ignore[arg-type]
    days = tuple(json.loads(r[9])) if r[9] else None
    return User(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]), r[8], days, bool(r[10]))


async def touch_user(
    db: Database, user_id: int, first_name: str, tg_language: str | None, now: int
) -> tuple[User, bool]:
    """Records that the user is here now (creating them on first contact).

    Returns the user and whether they had blocked the bot until now (they are back, and so no
    longer blocked). Runs on every update: one statement, one trip to the database thread (two
    for a user coming back).
    """
    [row] = await db.execute_returning(
        f"""
        INSERT INTO users (id, first_name, tg_language, first_seen, last_seen)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
            first_name = excluded.first_name,
            tg_language = COALESCE(excluded.tg_language, users.tg_language),
            last_seen = excluded.last_seen
        RETURNING {_COLUMNS}
        """,
        (user_id, first_name, tg_language, now, now),
    )
    user = _user(row)
    if not user.blocked:
        return user, False
    await db.execute("UPDATE users SET blocked = 0 WHERE id = ?", (user_id,))
    return replace(user, blocked=False), True


async def get_user(db: Database, user_id: int) -> User | None:
    row = await db.fetch_one(f"SELECT {_COLUMNS} FROM users WHERE id = ?", (user_id,))
    return _user(row) if row else None


async def get_users(db: Database, user_ids: Sequence[int]) -> list[User]:
    if not user_ids:
        return []
    marks = ", ".join("?" for _ in user_ids)
    rows = await db.fetch_all(f"SELECT {_COLUMNS} FROM users WHERE id IN ({marks})", user_ids)
    return [_user(r) for r in rows]


async def set_news(db: Database, user_id: int, on: bool) -> None:
    await db.execute("UPDATE users SET news = ? WHERE id = ?", (int(on), user_id))


async def set_language(db: Database, user_id: int, language: str) -> None:
    await db.execute("UPDATE users SET language = ? WHERE id = ?", (language, user_id))


async def set_timezone(db: Database, user_id: int, timezone: str) -> None:
    await db.execute("UPDATE users SET timezone = ? WHERE id = ?", (timezone, user_id))


async def mark_blocked(db: Database, user_id: int) -> None:
    """The user blocked the bot: nothing more is sent to them until they write again."""
    async with db.write() as conn:
        await conn.execute("UPDATE users SET blocked = 1 WHERE id = ?", (user_id,))
        await conn.execute(
            "UPDATE documents SET next_remind_at = NULL, claimed_by = NULL, lease_until = NULL"
            " WHERE user_id = ?",
            (user_id,),
        )


async def set_reminder_hour(db: Database, user_id: int, hour: int) -> None:
    await db.execute("UPDATE users SET reminder_hour = ? WHERE id = ?", (hour, user_id))


async def set_reminder_days(db: Database, user_id: int, days: Sequence[int] | None) -> None:
    value = json.dumps(sorted(set(days), reverse=True)) if days is not None else None
    await db.execute("UPDATE users SET reminder_days = ? WHERE id = ?", (value, user_id))


async def add_users(db: Database, rows: Iterable[tuple[int, str, str | None, int]]) -> None:
    """Many users at once, in one transaction: (id, first name, Telegram language, first seen)."""
    async with db.write() as conn:
        await conn.executemany(
            "INSERT INTO users (id, first_name, tg_language, first_seen, last_seen)"
            " VALUES (?, ?, ?, ?, ?)",
            ((i, name, lang, seen, seen) for i, name, lang, seen in rows),
        )
