"""The inbox: updates kept from their arrival until handled, and recognised if they come twice."""

from __future__ import annotations

from collections.abc import Sequence

from storage.database import Database


async def receive_updates(db: Database, updates: Sequence[tuple[int, str]], now: int) -> set[int]:
    """Keeps `(update_id, json)` pairs; returns the ids not seen before (the others are repeats)."""
    if not updates:
        return set()
    async with db.write() as conn:
        new = set()
        for update_id, payload in updates:
            rows = await conn.execute_fetchall(
                "INSERT INTO inbox (update_id, payload, received_at) VALUES (?, ?, ?)"
                " ON CONFLICT (update_id) DO NOTHING RETURNING update_id",
                (update_id, payload, now),
            )
            new.update(row[0] for row in rows)
        return new


async def pending_updates(db: Database) -> list[tuple[int, str]]:
    """Updates received but not handled (a previous run stopped first), oldest first."""
    rows = await db.fetch_all(
        "SELECT update_id, payload FROM inbox WHERE handled_at IS NULL ORDER BY update_id"
    )
    return [(r[0], r[1]) for r in rows]


async def mark_handled(db: Database, update_id: int, now: int) -> None:
    await db.execute("UPDATE inbox SET handled_at = ? WHERE update_id = ?", (now, update_id))


async def next_offset(db: Database) -> int | None:
    """The getUpdates offset after the newest update kept; None when the inbox is empty."""
    [row] = await db.fetch_all("SELECT MAX(update_id) FROM inbox")
    return None if row[0] is None else row[0] + 1


async def forget_confirmed(db: Database, offset: int) -> None:
    """Drops handled updates below `offset`: Telegram has been told of them and never resends."""
    await db.execute("DELETE FROM inbox WHERE update_id < ? AND handled_at IS NOT NULL", (offset,))
