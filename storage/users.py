"""Users: who talks to the bot, in which language and time zone, and whether they blocked it."""

from __future__ import annotations

from dataclasses import dataclass

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


_COLUMNS = "id, first_name, tg_language, language, timezone, first_seen, last_seen, blocked"


def _user(row: object) -> User:
    r = tuple(row)  # type: ignore[arg-type]
    return User(r[0], r[1], r[2], r[3], r[4], r[5], r[6], bool(r[7]))


async def touch_user(
    db: Database, user_id: int, first_name: str, tg_language: str | None, now: int
) -> User:
    """Records that the user is here now (creating them on first contact) and returns them."""
    async with (
        db.write() as conn,
        conn.execute(
            f"""
        INSERT INTO users (id, first_name, tg_language, first_seen, last_seen)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET
            first_name = excluded.first_name,
            tg_language = COALESCE(excluded.tg_language, users.tg_language),
            last_seen = excluded.last_seen,
            blocked = 0
        RETURNING {_COLUMNS}
        """,
            (user_id, first_name, tg_language, now, now),
        ) as cur,
    ):
        row = await cur.fetchone()
    assert row is not None
    return _user(row)


async def get_user(db: Database, user_id: int) -> User | None:
    async with (
        db.read() as conn,
        conn.execute(f"SELECT {_COLUMNS} FROM users WHERE id = ?", (user_id,)) as cur,
    ):
        row = await cur.fetchone()
    return _user(row) if row else None


async def set_language(db: Database, user_id: int, language: str) -> None:
    async with db.write() as conn:
        await conn.execute("UPDATE users SET language = ? WHERE id = ?", (language, user_id))


async def set_timezone(db: Database, user_id: int, timezone: str) -> None:
    async with db.write() as conn:
        await conn.execute("UPDATE users SET timezone = ? WHERE id = ?", (timezone, user_id))


async def mark_blocked(db: Database, user_id: int) -> None:
    async with db.write() as conn:
        await conn.execute("UPDATE users SET blocked = 1 WHERE id = ?", (user_id,))
